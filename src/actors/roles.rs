//! Honorifics and titles that are not part of a person's name ("Dr.", "Frau", "Mr").

/// Honorifics: part of how a person is addressed, not of the name.
const HONORIFICS: &[&str] = &[
    "dr",
    "prof",
    "mr",
    "mrs",
    "ms",
    "mx",
    "frau",
    "herr",
    "sir",
    "dame",
    "lord",
    "lady",
    "dipl.-ing",
    "ing",
    "mag",
];

/// Lower case without a final full stop: "Prof." → "prof".
fn bare(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// True for an honorific or academic title ("Dr.", "Prof.", "Frau", "Mr").
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&bare(word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics() {
        assert!(is_honorific("Prof."));
        assert!(is_honorific("Frau"));
        assert!(!is_honorific("Professor"));
    }
}

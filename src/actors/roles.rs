//! Role and class nouns: the words that stand before a name in apposition ("Kremlsprecher
//! Dmitri Peskow", "die Küstenstadt Derna", "Prime Minister Shinzo Abe") and the honorifics that
//! are not part of a name ("Dr.", "Frau", "Mr"). A small hand-made list of general words.

/// German role and class nouns in their base form, matched as the end of a (compound) noun whose
/// first part has at least four letters: "Verteidigungsminister" ends with "minister". Female
/// forms in -in are matched through the male form. `=` marks words matched only whole ("Mann",
/// not "Hermann").
const GERMAN: &[&str] = &[
    // persons
    "minister",
    "präsident",
    "kanzler",
    "sprecher",
    "chef",
    "vorsitzende",
    "vorsitzender",
    "leiter",
    "führer",
    "direktor",
    "sekretär",
    "kommissar",
    "abgeordnete",
    "abgeordneter",
    "bürgermeister",
    "gouverneur",
    "botschafter",
    "gesandte",
    "general",
    "admiral",
    "kommandeur",
    "oberst",
    "machthaber",
    "herrscher",
    "diktator",
    "könig",
    "königin",
    "prinz",
    "prinzessin",
    "kaiser",
    "papst",
    "bischof",
    "kardinal",
    "pfarrer",
    "pastor",
    "rabbiner",
    "imam",
    "richter",
    "anwalt",
    "anwältin",
    "professor",
    "doktor",
    "arzt",
    "ärztin",
    "forscher",
    "wissenschaftler",
    "ökonom",
    "experte",
    "expertin",
    "autor",
    "schriftsteller",
    "journalist",
    "reporter",
    "korrespondent",
    "sänger",
    "schauspieler",
    "regisseur",
    "trainer",
    "spieler",
    "stürmer",
    "torhüter",
    "kapitän",
    "manager",
    "unternehmer",
    "gründer",
    "investor",
    "aktionär",
    "eigentümer",
    "politiker",
    "kandidat",
    "senator",
    "berater",
    "beauftragte",
    "beauftragter",
    "vertreter",
    "funktionär",
    "aktivist",
    "anführer",
    "premier",
    "regierungschef",
    "staatschef",
    "amtskollege",
    "kollege",
    "nachfolger",
    "vorgänger",
    "stellvertreter",
    "superintendent",
    "intendant",
    "moderator",
    "=mann",
    "vorstand",
    "dekan",
    "rektor",
    "staatssekretär",
    "oberhaupt",
    "erzbischof",
    "chefarzt",
    // organisations and places
    "partei",
    "gruppe",
    "miliz",
    "organisation",
    "bewegung",
    "initiative",
    "verein",
    "verband",
    "gewerkschaft",
    "konzern",
    "unternehmen",
    "firma",
    "hersteller",
    "bank",
    "versicherung",
    "sender",
    "zeitung",
    "zeitschrift",
    "magazin",
    "agentur",
    "behörde",
    "ministerium",
    "gericht",
    "universität",
    "hochschule",
    "institut",
    "stiftung",
    "klinik",
    "krankenhaus",
    "club",
    "klub",
    "mannschaft",
    "fluggesellschaft",
    "airline",
    "stadt",
    "gemeinde",
    "=dorf",
    "region",
    "provinz",
    "bundesland",
    "bundesstaat",
    "staat",
    "republik",
    "insel",
    "fluss",
    "halbinsel",
    "metropole",
    "fraktion",
    "allianz",
    "bündnis",
    "koalition",
    "rebellengruppe",
    "terrormiliz",
    "armee",
    "band",
    "rennstall",
    "verlag",
    "sekte",
];

/// English titles and role or class nouns, matched as whole words (case ignored).
const ENGLISH: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "general",
    "admiral",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "commander",
    "chief",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "reverend",
    "doctor",
    "professor",
    "leader",
    "founder",
    "coach",
    "manager",
    "striker",
    "goalkeeper",
    "midfielder",
    "player",
    "actor",
    "actress",
    "singer",
    "author",
    "writer",
    "journalist",
    "reporter",
    "correspondent",
    "analyst",
    "economist",
    "researcher",
    "scientist",
    "lawyer",
    "attorney",
    "prosecutor",
    "candidate",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "official",
    "commissioner",
    "dictator",
    "warlord",
    "strongman",
    "ruler",
    "premier",
    "envoy",
    "diplomat",
    "activist",
    "chancellor",
    "treasurer",
    "superintendent",
    "dean",
    "provost",
    "sheriff",
    "officer",
    "detective",
    "agent",
    "company",
    "firm",
    "group",
    "party",
    "agency",
    "newspaper",
    "magazine",
    "city",
    "town",
    "village",
    "province",
    "militia",
    "movement",
    "organisation",
    "organization",
    "bank",
    "university",
    "court",
];

/// English words that extend a title to the left: "Prime Minister", "former President".
const ENGLISH_MODIFIERS: &[&str] = &[
    "prime",
    "vice",
    "deputy",
    "acting",
    "former",
    "then",
    "late",
    "foreign",
    "interior",
    "defence",
    "defense",
    "finance",
    "health",
    "state",
    "attorney",
    "chief",
    "senior",
    "top",
    "first",
    "supreme",
    "executive",
    "managing",
    "assistant",
    "associate",
    "education",
    "trade",
    "home",
    "energy",
    "environment",
    "economy",
    "transport",
    "labor",
    "labour",
    "junior",
    "outgoing",
    "incoming",
    "new",
    "current",
    "interim",
    "general",
    "secretary",
    "head",
];

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

/// True when the word without a final full stop is one of the (ASCII) list, in any case.
fn among(word: &str, list: &[&str]) -> bool {
    let word = word.trim_end_matches('.');
    list.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// True for an honorific or academic title ("Dr.", "Prof.", "Frau", "Mr").
pub fn is_honorific(word: &str) -> bool {
    among(word, HONORIFICS)
}

/// The role noun a word ends with, if it is one: German nouns by their end ("Kremlsprecher" →
/// "sprecher", "Familienministerin" → "minister"), English ones whole ("President"). Honorifics
/// count as roles ("Dr."). The word's own inflection is allowed ("Präsidenten").
pub fn role(word: &str, german: bool, english: bool) -> Option<&'static str> {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if word.chars().count() < 2 || !(capitalised || english) {
        return None;
    }
    let lower = bare(word);
    if let Some(h) = HONORIFICS.iter().find(|h| **h == lower) {
        return Some(h);
    }
    if english && let Some(r) = ENGLISH.iter().find(|r| **r == lower) {
        return Some(r);
    }
    if !german || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let forms: Vec<&str> = std::iter::once(lower.as_str())
        .chain(
            ["innen", "in", "en", "n", "s", "es"]
                .into_iter()
                .filter_map(|ending| lower.strip_suffix(ending)),
        )
        .collect();
    GERMAN.iter().find_map(|entry| {
        let (r, whole) = match entry.strip_prefix('=') {
            Some(r) => (r, true),
            None => (*entry, false),
        };
        let prefix_ok = |f: &str| {
            let prefix = f.chars().count() - r.chars().count();
            prefix == 0 || (!whole && prefix >= 4)
        };
        forms
            .iter()
            .any(|f| f.ends_with(r) && prefix_ok(f))
            .then_some(r)
    })
}

/// True for an English word that extends a title to the left ("Prime", "former").
pub fn is_english_modifier(word: &str) -> bool {
    ENGLISH_MODIFIERS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(word))
}

/// The class noun at the end of a German compound organisation name, if any:
/// "Bundesverfassungsgericht" → "gericht". Used for short forms ("das Gericht").
pub fn german_class_noun(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    GERMAN
        .iter()
        .map(|r| r.trim_start_matches('='))
        .filter(|r| lower.ends_with(r))
        .max_by_key(|r| r.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_roles_are_found_at_the_end_of_compounds() {
        assert_eq!(role("Kremlsprecher", true, false), Some("sprecher"));
        assert_eq!(role("Verteidigungsminister", true, false), Some("minister"));
        assert_eq!(role("Familienministerin", true, false), Some("minister"));
        assert_eq!(role("Präsidenten", true, false), Some("präsident"));
        assert_eq!(role("Machthaber", true, false), Some("machthaber"));
        assert_eq!(role("Küstenstadt", true, false), Some("stadt"));
        assert_eq!(role("Donnerstag", true, false), None);
        assert_eq!(role("September", true, false), None);
        assert_eq!(
            role("Hermann", true, false),
            None,
            "a given name is no role"
        );
        assert_eq!(
            role("minister", true, false),
            None,
            "German nouns are capitalised"
        );
    }

    #[test]
    fn english_titles_and_honorifics() {
        assert_eq!(role("President", false, true), Some("president"));
        assert_eq!(role("spokesman", false, true), Some("spokesman"));
        assert_eq!(role("Dr.", false, true), Some("dr"));
        assert_eq!(role("Said", false, true), None);
        assert!(is_honorific("Prof."));
        assert!(is_honorific("Frau"));
        assert!(!is_honorific("Professor"));
        assert!(is_english_modifier("Prime"));
        assert_eq!(
            german_class_noun("Bundesverfassungsgericht"),
            Some("gericht")
        );
    }
}

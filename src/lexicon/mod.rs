//! Word lists that ship inside the binary (assets/lexicons, licences in SOURCES.md there):
//! parsed once on first use, borrowed from the embedded text, never copied.

pub mod organisations;
pub mod places;
pub mod wordlists;

/// Splits a `|`-separated field into its non-empty alternatives.
pub(crate) fn alternatives(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// The data rows of a TSV lexicon: comment lines (`#…`) and blank lines skipped, fields split
/// on tabs (missing trailing fields read as empty).
pub(crate) fn rows(tsv: &str) -> impl Iterator<Item = [&str; 8]> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let mut fields = [""; 8];
            for (slot, field) in fields.iter_mut().zip(line.split('\t')) {
                *slot = field;
            }
            fields
        })
}

//! What a derived form refers to: country adjectives and demonyms from the lexicon
//! ("russischen" → Russland, "Japanese" → Japan), compass compounds ("norddeutschen" →
//! Norddeutschland) and other place adjectives by their stem, found among the document's places
//! or in the gazetteer ("Sächsischer" → Sachsen, "skandinavischen" → Skandinavien,
//! "Osterholzer" → Osterholz-Scharmbeck).

use super::knowledge::{Entry, WORD_HASH_START, knowledge, word_hash_byte};
use super::morph::{fold, fold_into, strip_adjective_ending};
use super::names::COMPASS;
use crate::document::Lang;

/// `COMPASS` in lower case.
const COMPASS_LOWER: [&str; 10] = [
    "nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "mittel", "zentral",
];

/// What a derived word was resolved to.
#[derive(Clone, Debug, PartialEq)]
pub enum Base {
    /// A country of the lexicon.
    Entry(Entry),
    /// A place the document names (by the key it was found under).
    InDocument(String),
    /// A place from the gazetteer or a compass compound: its name.
    Place(String),
    /// Nothing found: the adjective in its base form.
    Unknown(String),
}

/// How a derived word is resolved, worked out once per word: the folded place names to look
/// for among the document's places, in order (the first the document has gives
/// `Base::InDocument`), and what the word gives when it has none of them. Only the look-ups
/// depend on where in the document the word stands, so the mentions of one word share a plan.
#[derive(Debug, Default)]
pub struct Plan {
    /// The folded names looked for, one after another; a look-up step gives its end.
    keys: String,
    steps: Vec<Step>,
}

#[derive(Debug)]
enum Step {
    /// Looks for the key that ends here in `keys` (and begins where the one before ends).
    Lookup(usize),
    Give(Base),
}

/// The plan of a derived word.
pub fn plan(word: &str, lang: &Lang) -> Plan {
    let mut plan = Plan::default();
    plan.add(word, lang);
    plan
}

impl Plan {
    /// What the word is. `in_document` answers whether a folded place name (or the first part
    /// of a hyphenated one) names a place the document mentions.
    pub fn resolve(&self, in_document: &dyn Fn(&str) -> bool) -> Base {
        let mut start = 0;
        for step in &self.steps {
            match step {
                Step::Lookup(end) => {
                    let key = &self.keys[start..*end];
                    if in_document(key) {
                        return Base::InDocument(key.to_string());
                    }
                    start = *end;
                }
                Step::Give(base) => return base.clone(),
            }
        }
        unreachable!("a plan ends in what it gives")
    }

    /// Appends the steps that resolve a word: a country of the lexicon; else its place stems
    /// looked for in the document, then a compass compound or a place of the gazetteer; else
    /// the word without a prefix of stance, when that gives something; else the adjective.
    fn add(&mut self, word: &str, lang: &Lang) {
        let german = !matches!(lang, Lang::En);
        if let Some(entry) = country_of(word) {
            self.steps.push(Step::Give(Base::Entry(entry)));
            return;
        }
        let first = word.split('-').find(|s| !s.is_empty()).unwrap_or(word);
        let stems = place_stems(first, german);
        for stem in stems.iter() {
            fold_into(stem, &mut self.keys);
            self.steps.push(Step::Lookup(self.keys.len()));
        }
        if german {
            let lower = first.to_lowercase();
            for (prefix, lower_prefix) in COMPASS.iter().zip(COMPASS_LOWER) {
                if let Some(rest) = lower.strip_prefix(lower_prefix)
                    && let Some(Entry::Country(c)) = country(rest)
                {
                    let name = Entry::Country(c).name(&Lang::De);
                    let place = format!("{prefix}{}", name.to_lowercase());
                    self.steps.push(Step::Give(Base::Place(place)));
                    return;
                }
            }
        }
        for stem in stems.iter() {
            if let Some(place) = knowledge().place(stem) {
                self.steps.push(Step::Give(Base::Place(place.to_string())));
                return;
            }
        }
        if let Some(rest) = without_stance(word) {
            self.add(rest, lang);
            // The word without its prefix gives up as the word does: with the word's adjective.
            if !matches!(self.steps.last(), Some(Step::Give(Base::Unknown(_)))) {
                return;
            }
            self.steps.pop();
        }
        let adjective = strip_adjective_ending(first).to_string();
        self.steps.push(Step::Give(Base::Unknown(adjective)));
    }
}

/// A word without a prefix of stance ("proeuropäische" → "europäische", "anti-American" →
/// "American"): such adjectives still speak of the country.
fn without_stance(word: &str) -> Option<&str> {
    ["pro", "anti", "pan"].iter().find_map(|prefix| {
        let head = word.get(..prefix.len())?;
        let rest = word[prefix.len()..].trim_start_matches('-');
        (head.eq_ignore_ascii_case(prefix) && rest.chars().count() >= 4).then_some(rest)
    })
}

/// The key of a place the document names that a German adjective derives from
/// ("Sächsischer" → "sachsen" when `in_document("sachsen")`).
pub fn document_place(word: &str, in_document: &dyn Fn(&str) -> bool) -> Option<String> {
    document_key(&place_stems(word, true), in_document)
}

/// The first of the candidate place names whose folded form the document names, folded.
fn document_key(stems: &Candidates, in_document: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut key = String::new();
    for stem in stems.iter() {
        key.clear();
        fold_into(stem, &mut key);
        if in_document(&key) {
            return Some(key);
        }
    }
    None
}

/// The country a derived word (or one of its hyphenated parts) names: "libysch-arabische" →
/// Libya.
pub fn country_of(word: &str) -> Option<Entry> {
    // Most words have no hyphen (an ASCII byte, so a byte search finds it): one part.
    if !word.bytes().any(|b| b == b'-') {
        return (!word.is_empty()).then(|| country(word)).flatten();
    }
    word.split('-').filter(|s| !s.is_empty()).find_map(country)
}

/// The country an adjective or demonym in any inflection belongs to: "russischen", "Russen",
/// "Russinnen", "Russians".
fn country(word: &str) -> Option<Entry> {
    let k = knowledge();
    if !k.may_start_adjective(word) || !may_be_adjective_stem(word) {
        return None;
    }
    let folded = fold(word);
    let stems = [
        Some(folded.as_str()),
        Some(strip_adjective_ending(&folded)),
        folded.strip_suffix('n'),
        folded.strip_suffix("en"),
        folded.strip_suffix('s'),
    ];
    let female_plural = folded.strip_suffix("innen").map(|stem| format!("{stem}in"));
    stems
        .into_iter()
        .flatten()
        .chain(female_plural.as_deref())
        .filter(|f| k.may_be_adjective(f))
        .find_map(|f| k.adjective(f))
        .filter(|e| matches!(e, Entry::Country(_)))
}

/// False when none of the stems `country` looks up may be an adjective, told without folding
/// for a word of plain ASCII (which folds to its lower case): each stem is the word less its
/// last zero to three letters ("-en", "-innen" → "-in").
fn may_be_adjective_stem(word: &str) -> bool {
    let bytes = word.as_bytes();
    if !bytes.iter().all(|&b| b.is_ascii_graphic() && b != b'`') {
        return true;
    }
    let k = knowledge();
    let shortest = bytes.len().saturating_sub(3);
    let mut hash = WORD_HASH_START;
    for (len, &b) in bytes.iter().enumerate() {
        if len >= shortest && k.may_be_adjective_hash(hash) {
            return true;
        }
        hash = word_hash_byte(hash, b.to_ascii_lowercase());
    }
    k.may_be_adjective_hash(hash)
}

/// Candidate place names behind an adjective, most likely first: "sächsischer" → "Sächs",
/// "Sächsen", "Sachsen", …; "skandinavischen" → "Skandinavien"; "Osterholzer" → "Osterholz".
fn place_stems(word: &str, german: bool) -> Candidates {
    let base = strip_adjective_ending(word).to_lowercase();
    let lower_word: String;
    let mut stems: Vec<(&str, &[&str])> = Vec::new();
    const ENDINGS: &[&str] = &["", "en", "ien", "a", "land", "n", "e", "ia"];
    if german {
        if let Some(stem) = base.strip_suffix("äisch") {
            stems.push((stem, &["a"]));
        }
        if let Some(stem) = base.strip_suffix("anisch") {
            stems.push((stem, &["a", "", "ien"]));
        }
        if let Some(stem) = base.strip_suffix("isch") {
            stems.push((stem, ENDINGS));
        }
        // City adjectives in -er do not decline: "Osterholzer", "Leipziger".
        if word.chars().next().is_some_and(char::is_uppercase) {
            lower_word = word.to_lowercase();
            if let Some(stem) = lower_word.strip_suffix("er") {
                stems.push((stem, &["", "en"]));
            }
        }
    } else {
        for suffix in ["an", "ian", "ese", "i", "ish"] {
            if let Some(stem) = base.strip_suffix(suffix) {
                stems.push((stem, &["", "a", "ia", "e", "o"]));
            }
        }
    }
    let mut out = Candidates::default();
    for (stem, endings) in stems {
        if stem.chars().count() < 3 {
            continue;
        }
        for ending in endings {
            out.add(stem, ending);
        }
    }
    out
}

/// Candidate names, one after another in one string.
#[derive(Default)]
struct Candidates {
    text: String,
    ends: Vec<usize>,
}

impl Candidates {
    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.text[start..end])
    }

    /// Adds the stem capitalised with the ending (what `names::capitalise` makes of both
    /// together: the stem is not empty), unless it is a candidate already.
    fn add(&mut self, stem: &str, ending: &str) {
        let start = self.text.len();
        let mut chars = stem.chars();
        if let Some(first) = chars.next() {
            self.text.extend(first.to_uppercase());
        }
        self.text.push_str(chars.as_str());
        self.text.push_str(ending);
        let name = &self.text[start..];
        if self.iter().any(|known| known == name) {
            self.text.truncate(start);
        } else {
            self.ends.push(self.text.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(word: &str, lang: &Lang, in_document: &dyn Fn(&str) -> bool) -> Base {
        plan(word, lang).resolve(in_document)
    }

    fn name(base: Base) -> String {
        match base {
            Base::Entry(e) => e.name(&Lang::De).to_string(),
            Base::InDocument(key) => format!("doc:{key}"),
            Base::Place(p) => p,
            Base::Unknown(u) => format!("?{u}"),
        }
    }

    fn de(word: &str) -> String {
        name(resolve(word, &Lang::De, &|_| false))
    }

    #[test]
    fn adjective_stems_pass_the_pre_test() {
        for word in [
            "Russen",
            "russischen",
            "Russinnen",
            "Russians",
            "Japanese",
            "deutsche",
            "Amerikaner",
        ] {
            assert!(may_be_adjective_stem(word), "{word}");
            assert!(country(word).is_some(), "{word}");
        }
        assert!(!may_be_adjective_stem("Bundestag"));
    }

    #[test]
    fn country_adjectives_and_demonyms_in_any_inflection() {
        assert_eq!(de("russischen"), "Russland");
        assert_eq!(de("libyscher"), "Libyen");
        assert_eq!(de("libysch-arabische"), "Libyen");
        assert_eq!(de("Russen"), "Russland");
        assert_eq!(de("Deutschen"), "Deutschland");
        assert_eq!(de("finnische"), "Finnland");
        assert_eq!(name(resolve("Russian", &Lang::En, &|_| false)), "Russland");
        assert_eq!(name(resolve("Japanese", &Lang::En, &|_| false)), "Japan");
        assert_eq!(name(resolve("Russians", &Lang::En, &|_| false)), "Russland");
    }

    #[test]
    fn other_places_by_their_stem() {
        assert_eq!(de("Sächsischer"), "Sachsen");
        assert_eq!(de("skandinavischen"), "Skandinavien");
        assert_eq!(de("europäischen"), "Europa");
        assert_eq!(de("bremischen"), "Bremen");
        assert_eq!(de("norddeutschen"), "Norddeutschland");
        assert_eq!(de("Leipziger"), "Leipzig");
        assert_eq!(de("quellingischen"), "?quellingisch");
        // A prefix of stance does not hide the place.
        assert_eq!(de("proeuropäische"), "Europa");
        assert_eq!(de("prorussischen"), "Russland");
        assert_eq!(de("anti-russische"), "Russland");
        assert_eq!(
            name(resolve("anti-American", &Lang::En, &|_| false)),
            "Vereinigte Staaten"
        );
        assert_eq!(de("Pandemie"), "?Pandemi");
    }

    #[test]
    fn compass_prefixes_in_lower_case() {
        let lower: Vec<String> = COMPASS.iter().map(|p| p.to_lowercase()).collect();
        assert_eq!(lower, COMPASS_LOWER);
    }

    proptest::proptest! {
        /// Candidates are the stems capitalised with their endings, each once.
        #[test]
        fn candidates_are_capitalised_once(parts in proptest::collection::vec(("[a-zäßA-Z]{1,4}", "(|en|a|ia)"), 0..6)) {
            let mut candidates = Candidates::default();
            let mut expected: Vec<String> = Vec::new();
            for (stem, ending) in &parts {
                candidates.add(stem, ending);
                let name = super::super::names::capitalise(&format!("{stem}{ending}"));
                if !expected.contains(&name) {
                    expected.push(name);
                }
            }
            proptest::prop_assert_eq!(candidates.iter().collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn places_of_the_document_come_first() {
        let doc = |key: &str| key == "osterholz";
        assert_eq!(
            name(resolve("Osterholzer", &Lang::De, &doc)),
            "doc:osterholz"
        );
    }
}

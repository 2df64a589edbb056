//! Role and class nouns: the words that stand before a name in apposition ("Kremlsprecher
//! Dmitri Peskow", "die Küstenstadt Derna", "Prime Minister Shinzo Abe"), the class nouns of
//! organisations that make their short forms ("das Gericht"), and the honorifics that are not
//! part of a name ("Dr.", "Frau", "Mr"). Small hand-made lists of general words.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use crate::document::Kind;

/// What a role or class noun describes, and so which names it can stand in apposition to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Person,
    Organisation,
    Place,
}

impl Class {
    /// Whether a name of this kind can have a role of this class.
    pub fn fits(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Class::Person, Kind::Per)
                | (Class::Organisation, Kind::Org | Kind::Misc)
                | (Class::Place, Kind::Loc)
        )
    }
}

/// A role noun found in a word: its base form in the list and its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    pub noun: &'static str,
    pub class: Class,
}

// German nouns in their base form, matched as the end of a (compound) noun whose first part has
// at least four letters ("Verteidigungsminister" ends with "minister"); female forms in -in are
// matched through the male form. `=` marks words matched only whole ("Mann", not "Hermann").
const GERMAN_PERSONS: &str = "minister präsident kanzler sprecher chef vorsitzende vorsitzender \
    leiter führer direktor sekretär kommissar abgeordnete abgeordneter bürgermeister gouverneur \
    botschafter gesandte general admiral kommandeur oberst machthaber herrscher diktator könig \
    königin prinz prinzessin kaiser kaiserin papst bischof kardinal pfarrer pastor rabbiner imam \
    richter anwalt anwältin professor doktor arzt ärztin forscher wissenschaftler ökonom experte \
    expertin autor schriftsteller journalist reporter korrespondent sänger schauspieler regisseur \
    trainer spieler stürmer torhüter kapitän manager unternehmer gründer investor aktionär \
    eigentümer politiker kandidat senator berater beauftragte beauftragter vertreter funktionär \
    aktivist anführer premier regierungschef staatschef amtskollege kollege nachfolger vorgänger \
    stellvertreter superintendent intendant moderator =mann vorstand dekan rektor staatssekretär \
    oberhaupt erzbischof chefarzt sekretärin witwe =frau =ehefrau =ehemann =sohn =tochter \
    =bruder =schwester =vater =mutter";
const GERMAN_ORGANISATIONS: &str = "partei gruppe miliz organisation bewegung initiative verein \
    verband gewerkschaft konzern unternehmen firma hersteller bank versicherung sender zeitung \
    zeitschrift magazin agentur behörde ministerium gericht gerichtshof universität hochschule \
    institut stiftung klinik krankenhaus club klub mannschaft fluggesellschaft airline fraktion \
    allianz bündnis koalition rebellengruppe terrormiliz armee band rennstall verlag sekte bahn \
    kommission gesellschaft kammer amt parlament landtag";
const GERMAN_PLACES: &str = "stadt gemeinde =dorf region provinz bundesland bundesstaat staat \
    republik insel fluss halbinsel metropole hauptstadt kanton bezirk landkreis";

const ENGLISH_PERSONS: &str = "president minister chancellor secretary senator governor mayor \
    general admiral colonel captain lieutenant sergeant commander chief ceo chairman chairwoman \
    chair director spokesman spokeswoman spokesperson ambassador judge justice king queen prince \
    princess emperor pope bishop archbishop cardinal rabbi imam reverend doctor professor leader \
    founder coach manager striker goalkeeper midfielder player actor actress singer author writer \
    journalist reporter correspondent analyst economist researcher scientist lawyer attorney \
    prosecutor candidate representative congressman congresswoman lawmaker legislator official \
    commissioner dictator warlord strongman ruler premier envoy diplomat activist treasurer \
    superintendent dean provost sheriff officer detective agent wife husband";
const ENGLISH_ORGANISATIONS: &str = "company firm group party agency newspaper magazine militia \
    movement organisation organization bank university court commission council ministry \
    department institute institution fund association corporation committee foundation network \
    airline club team journal broadcaster";
const ENGLISH_PLACES: &str = "city town village province state region island county";

/// Organisation class nouns too general for a short form ("die Union" is the CDU/CSU, "die
/// Partei" seldom one party alone).
const NOT_SHORT_FORMS: &[&str] = &["union", "partei", "party", "gruppe", "group", "team"];

/// English words that extend a title to the left: "Prime Minister", "former President".
const ENGLISH_MODIFIERS: &str = "prime vice deputy acting former then late foreign interior \
    defence defense finance health state attorney chief senior top first supreme executive \
    managing assistant associate education trade home energy environment economy transport labor \
    labour junior outgoing incoming new current interim general secretary head";

/// Honorifics and academic titles: part of how a person is addressed, not of the name.
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

/// Forms of address among the honorifics ("Frau Merkel"): a role only with an article ("seine
/// Frau Sarah").
const ADDRESS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "frau", "herr", "sir", "dame", "lord", "lady",
];

/// True when the word without a final full stop is one of the (ASCII) list, in any case.
fn among(word: &str, list: &[&str]) -> bool {
    let word = word.trim_end_matches('.');
    list.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// True for an honorific or academic title ("Dr.", "Prof.", "Frau", "Mr").
pub fn is_honorific(word: &str) -> bool {
    among(word, HONORIFICS)
}

/// True for a form of address ("Frau", "Mr."), as opposed to a title ("Dr.").
pub fn is_address(word: &str) -> bool {
    among(word, ADDRESS)
}

/// The role lists indexed for lookup: German nouns with their class and whether they match
/// only whole; English words with their class. Built once.
struct Index {
    german: FxHashMap<&'static str, (Class, bool)>,
    english: FxHashMap<&'static str, Class>,
    /// `tail_key` of every noun and of its inflected forms, sorted: most words end like none.
    tails: Vec<u64>,
}

/// The last three characters of a word in lower case, packed into a number.
fn tail_key(word: &str) -> u64 {
    let mut key = 0;
    for c in word.chars().rev().take(3) {
        let lower = c.to_lowercase().next().unwrap_or(c);
        key = (key << 21) | u64::from(u32::from(lower));
    }
    key
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut german = FxHashMap::default();
        for (list, class) in [
            (GERMAN_PERSONS, Class::Person),
            (GERMAN_ORGANISATIONS, Class::Organisation),
            (GERMAN_PLACES, Class::Place),
        ] {
            for entry in list.split_whitespace() {
                let (noun, whole) = match entry.strip_prefix('=') {
                    Some(noun) => (noun, true),
                    None => (entry, false),
                };
                german.entry(noun).or_insert((class, whole));
            }
        }
        let mut english = FxHashMap::default();
        for (list, class) in [
            (ENGLISH_PERSONS, Class::Person),
            (ENGLISH_ORGANISATIONS, Class::Organisation),
            (ENGLISH_PLACES, Class::Place),
        ] {
            for word in list.split_whitespace() {
                english.entry(word).or_insert(class);
            }
        }
        let mut tails: Vec<u64> = german
            .keys()
            .flat_map(|noun| {
                ["", "in", "innen", "en", "n", "s", "es"]
                    .map(|ending| tail_key(&format!("{noun}{ending}")))
            })
            .chain(
                english
                    .keys()
                    .flat_map(|w| [tail_key(w), tail_key(&format!("{w}s"))]),
            )
            .collect();
        tails.sort_unstable();
        tails.dedup();
        Index {
            german,
            english,
            tails,
        }
    })
}

/// Builds the role index (see `super::prepare`).
pub fn prepare() {
    index();
    organisation_class("");
}

/// The role noun a word is or ends with: German nouns by their end ("Kremlsprecher" →
/// "sprecher", "Familienministerin" → "minister"; the longest that fits), English ones whole
/// ("President"); honorifics are person roles ("Dr."). The word's own inflection is allowed
/// ("Präsidenten").
pub fn role(word: &str, german: bool, english: bool) -> Option<Role> {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if word.len() < 2 || !(capitalised || english) {
        return None;
    }
    if let Some(noun) = HONORIFICS
        .iter()
        .find(|h| h.eq_ignore_ascii_case(word.trim_end_matches('.')))
    {
        return Some(Role {
            noun,
            class: Class::Person,
        });
    }
    let index = index();
    if index.tails.binary_search(&tail_key(word)).is_err() {
        return None;
    }
    let lower = word.to_lowercase();
    if english && let Some((&noun, &class)) = index.english.get_key_value(lower.as_str()) {
        return Some(Role { noun, class });
    }
    if !german || !capitalised {
        return None;
    }
    let forms = std::iter::once(lower.as_str()).chain(
        ["innen", "in", "en", "n", "s", "es"]
            .into_iter()
            .filter_map(|ending| lower.strip_suffix(ending)),
    );
    let mut best: Option<Role> = None;
    for form in forms {
        // Suffixes of the form, longest first; the part before must be empty or four letters.
        for (prefix_chars, (cut, _)) in form.char_indices().enumerate() {
            if prefix_chars > 0 && prefix_chars < 4 {
                continue;
            }
            let suffix = &form[cut..];
            if let Some((&noun, &(class, whole))) = index.german.get_key_value(suffix)
                && (prefix_chars == 0 || !whole)
                && best.is_none_or(|b| b.noun.len() < noun.len())
            {
                best = Some(Role { noun, class });
                break;
            }
        }
    }
    best
}

/// True for an English word that extends a title to the left ("Prime", "former").
pub fn is_english_modifier(word: &str) -> bool {
    ENGLISH_MODIFIERS
        .split_whitespace()
        .any(|m| m.eq_ignore_ascii_case(word))
}

/// The organisation class noun a name's head word is or ends with, for short forms:
/// "Bundesverfassungsgericht" → "gericht", "Bahn" → "bahn", "Court" → "court". None for class
/// nouns too general to stand for one organisation ("Partei", "Union").
pub fn organisation_class(word: &str) -> Option<&'static str> {
    static CLASSES: OnceLock<FxHashMap<&'static str, ()>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        GERMAN_ORGANISATIONS
            .split_whitespace()
            .chain(ENGLISH_ORGANISATIONS.split_whitespace())
            .map(|c| (c, ()))
            .collect()
    });
    let lower = word.to_lowercase();
    lower
        .char_indices()
        .find_map(|(cut, _)| classes.get_key_value(&lower[cut..]).map(|(c, _)| *c))
        .filter(|c| !NOT_SHORT_FORMS.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noun(word: &str, german: bool, english: bool) -> Option<&'static str> {
        role(word, german, english).map(|r| r.noun)
    }

    #[test]
    fn german_roles_are_found_at_the_end_of_compounds() {
        assert_eq!(noun("Kremlsprecher", true, false), Some("sprecher"));
        assert_eq!(noun("Verteidigungsminister", true, false), Some("minister"));
        assert_eq!(noun("Familienministerin", true, false), Some("minister"));
        assert_eq!(noun("Präsidenten", true, false), Some("präsident"));
        assert_eq!(noun("Machthaber", true, false), Some("machthaber"));
        assert_eq!(noun("Donnerstag", true, false), None);
        assert_eq!(noun("September", true, false), None);
        assert_eq!(
            noun("Hermann", true, false),
            None,
            "a given name is no role"
        );
        assert_eq!(
            noun("minister", true, false),
            None,
            "German nouns are capitalised"
        );
    }

    #[test]
    fn roles_have_classes_that_fit_kinds() {
        let class = |w| role(w, true, false).map(|r| r.class);
        assert_eq!(class("Küstenstadt"), Some(Class::Place));
        assert_eq!(class("Söldnergruppe"), Some(Class::Organisation));
        assert_eq!(class("Bundeskanzler"), Some(Class::Person));
        assert!(Class::Place.fits(Kind::Loc) && !Class::Person.fits(Kind::Loc));
        assert!(Class::Organisation.fits(Kind::Org) && !Class::Organisation.fits(Kind::Per));
    }

    #[test]
    fn english_titles_and_honorifics() {
        assert_eq!(noun("President", false, true), Some("president"));
        assert_eq!(noun("spokesman", false, true), Some("spokesman"));
        assert_eq!(noun("Dr.", false, true), Some("dr"));
        assert_eq!(noun("Said", false, true), None);
        assert!(is_honorific("Prof.") && is_honorific("Frau") && !is_honorific("Professor"));
        assert!(is_address("Herr") && !is_address("Dr."));
        assert!(is_english_modifier("Prime"));
    }

    #[test]
    fn organisation_classes_for_short_forms() {
        assert_eq!(
            organisation_class("Bundesverfassungsgericht"),
            Some("gericht")
        );
        assert_eq!(organisation_class("Bahn"), Some("bahn"));
        assert_eq!(organisation_class("Court"), Some("court"));
        assert_eq!(organisation_class("Partei"), None);
        assert_eq!(organisation_class("Colosseum"), None);
    }
}

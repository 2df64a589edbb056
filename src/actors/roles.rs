//! Role and class nouns: the words that stand before a name in apposition ("Kremlsprecher
//! Dmitri Peskow", "die Küstenstadt Derna", "Prime Minister Shinzo Abe"), the class nouns of
//! organisations that make their short forms ("das Gericht"), and the honorifics that are not
//! part of a name ("Dr.", "Frau", "Mr"). Small hand-made lists of general words.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
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

/// The longest word of the lists matched without regard to ASCII case (`HONORIFICS`,
/// `ENGLISH_MODIFIERS`; `descriptors` has more): a longer word is in none of them.
pub const LIST_WORD_BYTES: usize = 15;

/// A short word in ASCII lower case packed into a number with its length: what the lower-case
/// word lists are matched with, as `eq_ignore_ascii_case` would match each entry, by one
/// hash lookup without allocating or scanning the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ListKey(u128);

impl ListKey {
    /// The key of a word; None when it is too long for any list.
    pub fn new(word: &str) -> Option<ListKey> {
        if word.len() > LIST_WORD_BYTES {
            return None;
        }
        let mut bytes = [0; LIST_WORD_BYTES + 1];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes[..word.len()].make_ascii_lowercase();
        bytes[LIST_WORD_BYTES] = word.len() as u8;
        Some(ListKey(u128::from_le_bytes(bytes)))
    }
}

/// The keys of a list's words, each with the word.
pub fn list_keys(list: &[&'static str]) -> FxHashMap<ListKey, &'static str> {
    list.iter()
        .map(|w| (ListKey::new(w).expect("list words are short"), *w))
        .collect()
}

/// A lower-case word list indexed by `ListKey`.
struct WordList {
    keys: FxHashMap<ListKey, &'static str>,
    /// The length of its longest word: a longer word is not looked up.
    longest: usize,
}

impl WordList {
    fn new(list: &[&'static str]) -> WordList {
        WordList {
            keys: list_keys(list),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// The list's word that `word` is, in any ASCII case.
    fn get(&self, word: &str) -> Option<&'static str> {
        if word.len() > self.longest {
            return None;
        }
        self.keys.get(&ListKey::new(word)?).copied()
    }
}

/// The word of a lower-case list that the word without a final full stop is, in any ASCII case.
fn among(word: &str, list: &WordList) -> Option<&'static str> {
    list.get(word.trim_end_matches('.'))
}

/// True for an honorific or academic title ("Dr.", "Prof.", "Frau", "Mr").
pub fn is_honorific(word: &str) -> bool {
    among(word, &index().honorifics).is_some()
}

/// True for a form of address ("Frau", "Mr."), as opposed to a title ("Dr.").
pub fn is_address(word: &str) -> bool {
    among(word, &index().address).is_some()
}

/// A German role noun under the `byte_tail` of its end.
struct GermanNoun {
    noun: &'static str,
    class: Class,
    /// Matched only as the whole word ("Mann", not "Hermann").
    whole: bool,
}

/// The role lists indexed for lookup, built once.
struct Index {
    /// German nouns by their `byte_tail`, longest first: the nouns a word may end with are a
    /// handful, found without trying every end of the word.
    german: FxHashMap<u32, Vec<GermanNoun>>,
    /// English nouns by their bytes.
    english: FxHashMap<&'static [u8], (&'static str, Class)>,
    /// `tail_key` of every noun and of its inflected forms: most words end like none.
    tails: Tails,
    /// `tail_key` of every honorific (a word is one without its final full stops).
    honorific_tails: Tails,
    /// Organisation class nouns (`organisation_class`) by `byte_tail`, longest first.
    classes: FxHashMap<u32, Vec<&'static str>>,
    /// `HONORIFICS`, `ADDRESS` and `ENGLISH_MODIFIERS` by their keys.
    honorifics: WordList,
    address: WordList,
    modifiers: WordList,
}

/// A set of `tail_key`s as one bit each of 2^14 (several keys may share one), asked about
/// every word `role` sees: a clear bit tells that the word ends like no noun, one cache line
/// read; a word whose bit is set is looked up exactly.
struct Tails {
    bits: Vec<u64>,
}

impl Tails {
    const BITS: u32 = 14;

    fn new(keys: impl Iterator<Item = u64>) -> Tails {
        let mut bits = vec![0; 1 << (Self::BITS - 6)];
        for key in keys {
            let bit = Self::bit(key);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
        Tails { bits }
    }

    /// The key's bit: its top bits after a multiplicative mix (the characters of a tail key
    /// fill its low bits).
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - Self::BITS)) as usize
    }

    /// False when no key of the set is this one.
    fn may_contain(&self, key: u64) -> bool {
        let bit = Self::bit(key);
        self.bits[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// The last three characters of a word in lower case, packed into a number.
fn tail_key(word: &str) -> u64 {
    let pack = |key: u64, b: u8| (key << 21) | u64::from(b.to_ascii_lowercase());
    if let [.., a, b, c] = *word.as_bytes()
        && (a | b | c).is_ascii()
    {
        // Three ASCII bytes at the end are its last three characters.
        return pack(pack(pack(0, c), b), a);
    }
    let mut key = 0;
    for c in word.chars().rev().take(3) {
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        key = (key << 21) | u64::from(u32::from(lower));
    }
    key
}

/// The last three bytes of a word, packed into a number: the same for a word (of three bytes
/// or more) and every word it ends.
fn byte_tail(word: &[u8]) -> u32 {
    word.iter()
        .rev()
        .take(3)
        .fold(0, |key, &b| (key << 8) | u32::from(b))
}

/// Words of a list by their `byte_tail`, longest first.
fn by_tail<T>(words: impl Iterator<Item = (&'static str, T)>) -> FxHashMap<u32, Vec<T>> {
    let mut words: Vec<(&'static str, T)> = words.collect();
    words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let mut map: FxHashMap<u32, Vec<T>> = FxHashMap::default();
    for (word, value) in words {
        map.entry(byte_tail(word.as_bytes()))
            .or_default()
            .push(value);
    }
    map
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut german: FxHashMap<&'static str, (Class, bool)> = FxHashMap::default();
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
        // The inflected forms are written into one buffer: a String each was most of the
        // index's cost.
        let mut form = String::new();
        let mut tail = |word: &str, ending: &str| {
            form.clear();
            form.push_str(word);
            form.push_str(ending);
            tail_key(&form)
        };
        let mut keys = Vec::with_capacity(7 * german.len() + 2 * english.len());
        for noun in german.keys() {
            for ending in ["", "in", "innen", "en", "n", "s", "es"] {
                keys.push(tail(noun, ending));
            }
        }
        for word in english.keys() {
            keys.push(tail(word, ""));
            keys.push(tail(word, "s"));
        }
        let tails = Tails::new(keys.into_iter());
        let mut classes: Vec<&'static str> = GERMAN_ORGANISATIONS
            .split_whitespace()
            .chain(ENGLISH_ORGANISATIONS.split_whitespace())
            .collect();
        classes.sort_unstable();
        classes.dedup();
        Index {
            german: by_tail(
                german
                    .into_iter()
                    .map(|(noun, (class, whole))| (noun, GermanNoun { noun, class, whole })),
            ),
            english: english
                .into_iter()
                .map(|(noun, class)| (noun.as_bytes(), (noun, class)))
                .collect(),
            tails,
            classes: by_tail(classes.into_iter().map(|c| (c, c))),
            honorifics: WordList::new(HONORIFICS),
            honorific_tails: Tails::new(HONORIFICS.iter().map(|h| tail_key(h))),
            address: WordList::new(ADDRESS),
            modifiers: WordList::new(&ENGLISH_MODIFIERS.split_whitespace().collect::<Vec<_>>()),
        }
    })
}

/// Builds the role index (see `super::prepare`).
pub fn prepare() {
    index();
}

/// Room on the stack for a word in lower case: role lookups allocate only for longer words.
const WORD_BYTES: usize = 64;

/// The UTF-8 of the word in lower case as `str::to_lowercase` makes it, in `buf`; None when
/// it does not fit or has a capital sigma (whose lower case depends on its place in the word).
/// The lists are matched by bytes, which spares checking the result is UTF-8.
fn lowercase_in<'b>(word: &str, buf: &'b mut [u8; WORD_BYTES]) -> Option<&'b [u8]> {
    if word.is_ascii() {
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return Some(lower);
    }
    // Byte by byte: the ASCII letters of a German word ("Präsident") need no look-up in the
    // Unicode case tables; only the other characters are decoded.
    let bytes = word.as_bytes();
    let (mut i, mut len) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            *buf.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
            i += 1;
            continue;
        }
        let c = word[i..].chars().next().expect("a character starts here");
        i += c.len_utf8();
        if c == 'Σ' {
            return None;
        }
        for l in c.to_lowercase() {
            let end = len + l.len_utf8();
            l.encode_utf8(buf.get_mut(len..end)?);
            len = end;
        }
    }
    Some(&buf[..len])
}

/// The UTF-8 of the word in lower case (`str::to_lowercase`): in `buf` when it fits, as most
/// words do.
fn lowercase<'b>(word: &str, buf: &'b mut [u8; WORD_BYTES]) -> Cow<'b, [u8]> {
    match lowercase_in(word, buf) {
        Some(lower) => Cow::Borrowed(lower),
        None => Cow::Owned(word.to_lowercase().into_bytes()),
    }
}

/// The number of characters in UTF-8 bytes, counted up to `most`.
fn chars_up_to(bytes: &[u8], most: usize) -> usize {
    // Every byte but a continuation byte (0b10xx_xxxx) starts a character.
    bytes
        .iter()
        .filter(|&&b| b & 0xc0 != 0x80)
        .take(most)
        .count()
}

/// The role noun a word is or ends with: German nouns by their end ("Kremlsprecher" →
/// "sprecher", "Familienministerin" → "minister"; the longest that fits), English ones whole
/// ("President"); honorifics are person roles ("Dr."). The word's own inflection is allowed
/// ("Präsidenten").
pub fn role(word: &str, german: bool, english: bool) -> Option<Role> {
    if !may_be_role(word, english) {
        return None;
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let index = index();
    // Most words end like no noun and no honorific: told by their end before any look-up (and
    // a word that ends like a noun is looked up among the honorifics only if it ends like one).
    let tail = tail_key(word);
    let noun_tail = index.tails.may_contain(tail);
    let bare = word.trim_end_matches('.');
    let bare_tail = if bare.len() == word.len() {
        tail
    } else {
        tail_key(bare)
    };
    if index.honorific_tails.may_contain(bare_tail)
        && let Some(noun) = among(word, &index.honorifics)
    {
        return Some(Role {
            noun,
            class: Class::Person,
        });
    }
    if !noun_tail {
        return None;
    }
    let mut buf = [0; WORD_BYTES];
    let lower = lowercase(word, &mut buf);
    let lower: &[u8] = lower.as_ref();
    if english && let Some(&(noun, class)) = index.english.get(lower) {
        return Some(Role { noun, class });
    }
    if !german || !capitalised {
        return None;
    }
    let forms = std::iter::once(lower).chain(
        ["innen", "in", "en", "n", "s", "es"]
            .into_iter()
            .filter_map(|ending| lower.strip_suffix(ending.as_bytes())),
    );
    let mut best: Option<Role> = None;
    for form in forms {
        let Some(nouns) = index.german.get(&byte_tail(form)) else {
            continue;
        };
        // The nouns the form ends with, longest first; the part before must be empty or have
        // four letters.
        for noun in nouns {
            let Some(prefix) = form.strip_suffix(noun.noun.as_bytes()) else {
                continue;
            };
            let prefix_chars = chars_up_to(prefix, 4);
            if prefix_chars > 0 && prefix_chars < 4 {
                continue;
            }
            if (prefix_chars == 0 || !noun.whole)
                && best.is_none_or(|b| b.noun.len() < noun.noun.len())
            {
                best = Some(Role {
                    noun: noun.noun,
                    class: noun.class,
                });
                break;
            }
        }
    }
    best
}

/// False for a word that is no role at a glance (`role` is None): a single letter, or in a
/// text that is not English a word in lower case (German nouns are capitalised).
pub fn may_be_role(word: &str, english: bool) -> bool {
    word.len() >= 2 && (english || word.chars().next().is_some_and(char::is_uppercase))
}

/// True for an English word that extends a title to the left ("Prime", "former").
pub fn is_english_modifier(word: &str) -> bool {
    index().modifiers.get(word).is_some()
}

/// The organisation class noun a name's head word is or ends with, for short forms:
/// "Bundesverfassungsgericht" → "gericht", "Bahn" → "bahn", "Court" → "court". None for class
/// nouns too general to stand for one organisation ("Partei", "Union").
pub fn organisation_class(word: &str) -> Option<&'static str> {
    let mut buf = [0; WORD_BYTES];
    let lower = lowercase(word, &mut buf);
    let lower: &[u8] = lower.as_ref();
    index()
        .classes
        .get(&byte_tail(lower))?
        .iter()
        .copied()
        .find(|c| lower.ends_with(c.as_bytes()))
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

    /// The nouns of a list with their class and whether they match only whole.
    fn entries(lists: &[(&'static str, Class)]) -> Vec<(&'static str, Class, bool)> {
        let mut out: Vec<(&'static str, Class, bool)> = Vec::new();
        for (list, class) in lists {
            for entry in list.split_whitespace() {
                let (noun, whole) = match entry.strip_prefix('=') {
                    Some(noun) => (noun, true),
                    None => (entry, false),
                };
                if !out.iter().any(|e| e.0 == noun) {
                    out.push((noun, *class, whole));
                }
            }
        }
        out
    }

    fn german_entries() -> Vec<(&'static str, Class, bool)> {
        entries(&[
            (GERMAN_PERSONS, Class::Person),
            (GERMAN_ORGANISATIONS, Class::Organisation),
            (GERMAN_PLACES, Class::Place),
        ])
    }

    /// `role` as it was: the honorifics and modifiers scanned, every end of the word looked up.
    fn role_by_every_end(word: &str, german: bool, english: bool) -> Option<Role> {
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
        if !index().tails.may_contain(tail_key(word)) {
            return None;
        }
        let lower = word.to_lowercase();
        let english_nouns = entries(&[
            (ENGLISH_PERSONS, Class::Person),
            (ENGLISH_ORGANISATIONS, Class::Organisation),
            (ENGLISH_PLACES, Class::Place),
        ]);
        if english && let Some(&(noun, class, _)) = english_nouns.iter().find(|e| e.0 == lower) {
            return Some(Role { noun, class });
        }
        if !german || !capitalised {
            return None;
        }
        let german_nouns = german_entries();
        let forms = std::iter::once(lower.as_str()).chain(
            ["innen", "in", "en", "n", "s", "es"]
                .into_iter()
                .filter_map(|ending| lower.strip_suffix(ending)),
        );
        let mut best: Option<Role> = None;
        for form in forms {
            for (prefix_chars, (cut, _)) in form.char_indices().enumerate() {
                if prefix_chars > 0 && prefix_chars < 4 {
                    continue;
                }
                if let Some(&(noun, class, whole)) =
                    german_nouns.iter().find(|e| e.0 == &form[cut..])
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

    /// `descriptors` remembers the nouns `role` finds as they are.
    #[test]
    fn nouns_are_folded() {
        let english = entries(&[
            (ENGLISH_PERSONS, Class::Person),
            (ENGLISH_ORGANISATIONS, Class::Organisation),
            (ENGLISH_PLACES, Class::Place),
        ]);
        let nouns = german_entries().into_iter().chain(english).map(|e| e.0);
        for noun in nouns.chain(HONORIFICS.iter().copied()) {
            assert_eq!(super::super::morph::fold(noun), noun);
        }
    }

    #[test]
    fn nouns_have_three_letters_for_their_tail_keys() {
        let classes = GERMAN_ORGANISATIONS
            .split_whitespace()
            .chain(ENGLISH_ORGANISATIONS.split_whitespace());
        for noun in german_entries().into_iter().map(|e| e.0).chain(classes) {
            assert!(noun.chars().count() >= 3, "{noun}");
        }
        let longest = HONORIFICS
            .iter()
            .chain(ADDRESS)
            .copied()
            .chain(ENGLISH_MODIFIERS.split_whitespace())
            .map(str::len)
            .max();
        assert!(longest.is_some_and(|l| l <= LIST_WORD_BYTES));
    }

    proptest::proptest! {
        #[test]
        fn role_agrees_with_looking_up_every_end(
            word in "[A-ZÄÖÜİΣa-zäöüß]{0,6}(minister|präsident|Mann|frau|Stadt|gericht|President|dr|Prof|ceo|chef|amt|ökonom|DR|mRs|Herr|lady|dipl\\.-Ing|ING|mag|)(innen|in|en|n|s|es|\\.|\\.\\.|)",
            german: bool,
            english: bool,
        ) {
            proptest::prop_assert_eq!(
                role(&word, german, english),
                role_by_every_end(&word, german, english)
            );
        }

        #[test]
        fn word_lists_match_in_any_ascii_case(word in "[A-Za-zä.]{0,5}(ime|ormer|r|rs|rau|ing|ecretary|)") {
            let modifier = ENGLISH_MODIFIERS.split_whitespace().any(|m| m.eq_ignore_ascii_case(&word));
            proptest::prop_assert_eq!(is_english_modifier(&word), modifier);
            let trimmed = word.trim_end_matches('.');
            let honorific = HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(trimmed));
            proptest::prop_assert_eq!(is_honorific(&word), honorific);
            let address = ADDRESS.iter().any(|h| h.eq_ignore_ascii_case(trimmed));
            proptest::prop_assert_eq!(is_address(&word), address);
        }

        #[test]
        fn organisation_class_is_the_longest_class_at_the_end(
            word in "[A-ZÄa-zäİΣ]{0,6}(gericht|Bank|gesellschaft|amt|court|partei|union|)",
        ) {
            let lower = word.to_lowercase();
            let longest = GERMAN_ORGANISATIONS
                .split_whitespace()
                .chain(ENGLISH_ORGANISATIONS.split_whitespace())
                .filter(|c| lower.ends_with(c))
                .max_by_key(|c| c.len())
                .filter(|c| !NOT_SHORT_FORMS.contains(c));
            proptest::prop_assert_eq!(organisation_class(&word), longest);
        }
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

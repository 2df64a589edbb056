//! What linking knows beyond the document: the lexicon tables indexed by folded names —
//! countries, world regions and well-known organisations with every name they go by, country
//! adjectives and demonyms, and a gazetteer of place names (countries, regions, first-level
//! subdivisions and the German toponyms of Wiktionary, which include the German names of the
//! world's well-known cities) for base forms. The 14,000 cities of cities.tsv would cost more to
//! index than they add.
//!
//! Building the index from the lexicons (folding every name, ranking shared adjectives) took
//! 18 million instructions, a quarter of a one-article run's CPU time. It is built when the
//! lexicons change and shipped compiled (assets/lexicons/knowledge.bin, embedded): loading it
//! fills the tables from names already folded and sorted, borrowing every string from the
//! embedded bytes. A test checks that the shipped file is what the lexicons give today
//! (`CASTLIST_BLESS=1 cargo test --lib compiled_knowledge` rewrites it).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::morph::{fold, is_acronym};
use super::names::loose_key;
use crate::document::{Kind, Lang};
use crate::lexicon::organisations::organisations;
use crate::lexicon::places::{Country, countries, regions};

const ADMIN1: &str = include_str!("../../assets/lexicons/admin1_de.tsv");
const PROPER_NOUNS: &str = include_str!("../../assets/lexicons/de_proper_nouns.tsv");
/// `Knowledge::build`'s tables, as `Knowledge::to_bytes` writes them.
const COMPILED: &[u8] = include_bytes!("../../assets/lexicons/knowledge.bin");

/// An actor the lexicons know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    Country(usize),
    Region(usize),
    Organisation(usize),
}

impl Entry {
    /// Its canonical name in the document's language.
    pub fn name(self, lang: &Lang) -> &'static str {
        match self {
            Entry::Country(i) => countries()[i].name(lang),
            Entry::Region(i) => regions()[i].name(lang),
            Entry::Organisation(i) => organisations()[i].name(lang),
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Entry::Country(_) | Entry::Region(_) => Kind::Loc,
            Entry::Organisation(i) => organisations()[i].kind,
        }
    }

    /// Whether a mention of this kind may be this entry: places are LOC (countries also ORG,
    /// for governments), organisations anything but PER; persons are never lexicon entries.
    pub fn fits(self, kind: Kind) -> bool {
        match self {
            Entry::Country(_) => matches!(kind, Kind::Loc | Kind::Org),
            Entry::Region(_) => kind == Kind::Loc,
            Entry::Organisation(_) => kind != Kind::Per,
        }
    }
}

/// The lexicons, indexed for linking.
pub struct Knowledge {
    /// Folded names and aliases of countries, organisations and regions (first come first:
    /// "Europäische Union" is the organisation, not the region of that name).
    names: FxHashMap<Key, Entry>,
    /// The same under `names::loose_key` (declined adjectives reduced).
    loose: FxHashMap<Key, Entry>,
    /// Folded country adjectives and demonyms (base forms) → country.
    adjectives: FxHashMap<Key, Entry>,
    /// Place names by the hash of their folded form (see `place_hash`) → the name as written;
    /// names whose hash is taken by another name go to `more_places`. No string is allocated
    /// for the tens of thousands of names.
    places: FxHashMap<u64, &'static str>,
    more_places: Vec<(u64, &'static str)>,
    /// Names safe to mark where the recognizer did not, as written, by their first word:
    /// country and region names, organisations' own names, and acronyms and multi-word forms
    /// among their aliases (not one-word aliases that are ordinary words: "Bahn", "Linke").
    markable: FxHashMap<&'static str, Vec<(Vec<&'static str>, Entry)>>,
    /// `word_hash` of every one-word markable name, sorted: a cheap test for the beginnings of
    /// compounds before a real lookup.
    markable_words: KeySet,
    /// `word_hash` of the first words of all markable names, sorted.
    markable_firsts: KeySet,
    /// `word_hash` of every folded adjective and demonym, sorted.
    adjective_hashes: KeySet,
    /// The first three letters (lower case, see `start_key`) of every adjective and demonym,
    /// sorted: most words begin like none of them.
    adjective_starts: KeySet,
}

/// A folded name as a key: made by folding when the tables are built, borrowed from the
/// compiled tables when they are loaded.
type Key = std::borrow::Cow<'static, str>;

/// A sorted set of keys (hashes or packed letters) with a bitmap in front: most keys asked
/// for are not in it, and one bit tells most of them so without a binary search.
#[derive(Default)]
struct KeySet {
    sorted: Vec<u64>,
    bits: Vec<u64>,
}

impl KeySet {
    /// 2^16 bits, 8 KB: few enough keys (thousands) leave most bits clear.
    const BITS: u32 = 16;

    fn new(mut keys: Vec<u64>) -> KeySet {
        keys.sort_unstable();
        keys.dedup();
        let mut bits = vec![0; 1 << (Self::BITS - 6)];
        for &key in &keys {
            let bit = Self::bit(key);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
        KeySet { sorted: keys, bits }
    }

    /// The key's bit: its top bits after a multiplicative mix (the packed letters of a start
    /// key differ only in their low bits).
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - Self::BITS)) as usize
    }

    fn contains(&self, key: u64) -> bool {
        let bit = Self::bit(key);
        self.bits[bit >> 6] & (1 << (bit & 63)) != 0 && self.sorted.binary_search(&key).is_ok()
    }
}

/// The shared index (loaded on first use from the compiled tables; built from the lexicons
/// should they be unreadable, which the tests rule out for the shipped file).
pub fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| Knowledge::load(COMPILED).unwrap_or_else(Knowledge::build))
}

impl Knowledge {
    /// The entry a (folded) name or alias belongs to.
    pub fn name(&self, folded: &str) -> Option<Entry> {
        self.names.get(folded).copied()
    }

    /// The entry whose name has this loose key.
    pub fn loose(&self, key: &str) -> Option<Entry> {
        self.loose.get(key).copied()
    }

    /// The country a folded adjective or demonym in its base form belongs to.
    pub fn adjective(&self, folded: &str) -> Option<Entry> {
        self.adjectives.get(folded).copied()
    }

    /// A place name as written, looked up by any spelling that folds the same (umlauts
    /// included): "sachsen" → "Sachsen".
    pub fn place(&self, name: &str) -> Option<&'static str> {
        let hash = place_hash(name);
        let same = |candidate: &str| place_hash_eq(candidate, name);
        match self.places.get(&hash) {
            Some(found) if same(found) => Some(found),
            _ => self
                .more_places
                .iter()
                .find(|(h, c)| *h == hash && same(c))
                .map(|(_, c)| *c),
        }
    }

    fn build() -> Knowledge {
        let mut k = Knowledge {
            names: FxHashMap::default(),
            loose: FxHashMap::default(),
            adjectives: FxHashMap::default(),
            places: FxHashMap::with_capacity_and_hasher(8_000, Default::default()),
            more_places: Vec::new(),
            markable: FxHashMap::default(),
            markable_words: KeySet::default(),
            markable_firsts: KeySet::default(),
            adjective_hashes: KeySet::default(),
            adjective_starts: KeySet::default(),
        };
        for (i, c) in countries().iter().enumerate() {
            let canonical = [c.names_en.first(), c.names_de.first()];
            for name in c.names_en.iter().chain(&c.names_de) {
                k.add_name(name, Entry::Country(i));
                k.add_place(name);
                // Other names only when they cannot be ordinary words ("Mann" is a name of
                // the Isle of Man too).
                if canonical.contains(&Some(name)) || is_acronym(name) || name.chars().count() >= 6
                {
                    k.add_markable(name, Entry::Country(i));
                }
            }
        }
        for (i, o) in organisations().iter().enumerate() {
            for name in o.names() {
                k.add_name(name, Entry::Organisation(i));
            }
            for name in [o.name_de, o.name_en] {
                k.add_markable(name, Entry::Organisation(i));
            }
            for alias in &o.aliases {
                if alias.contains(' ') || alias.contains('-') || is_acronym(alias) {
                    k.add_markable(alias, Entry::Organisation(i));
                }
            }
        }
        for (i, r) in regions().iter().enumerate() {
            for name in [r.name_en, r.name_de] {
                k.add_name(name, Entry::Region(i));
                k.add_place(name);
                // "world"/"Welt" is no name: only regions whose English name is capitalised.
                if r.name_en.chars().next().is_some_and(char::is_uppercase) {
                    k.add_markable(name, Entry::Region(i));
                }
            }
        }
        k.add_adjectives();
        k.markable_words = KeySet::new(
            k.markable
                .values()
                .flatten()
                .filter(|(w, _)| w.len() == 1)
                .map(|(w, _)| word_hash(w[0]))
                .collect(),
        );
        k.markable_firsts = KeySet::new(k.markable.keys().map(|w| word_hash(w)).collect());
        k.adjective_hashes = KeySet::new(k.adjectives.keys().map(|a| word_hash(a)).collect());
        k.adjective_starts = KeySet::new(k.adjectives.keys().map(|a| start_key(a)).collect());
        for line in ADMIN1.lines().filter(|l| !l.starts_with('#')) {
            if let Some(name) = line.split('\t').nth(1) {
                k.add_place(name);
            }
        }
        for line in PROPER_NOUNS.lines() {
            if let Some(name) = line.strip_suffix("\tToponym") {
                k.add_place(name);
            }
        }
        k
    }

    fn add_name(&mut self, name: &'static str, entry: Entry) {
        self.names.entry(fold(name).into()).or_insert(entry);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 1 {
            self.loose.entry(loose_key(&words).into()).or_insert(entry);
        }
    }

    fn add_markable(&mut self, name: &'static str, entry: Entry) {
        let words: Vec<&'static str> = name.split_whitespace().collect();
        let Some(&first) = words.first() else {
            return;
        };
        if !first.chars().next().is_some_and(char::is_uppercase) || name.chars().count() < 2 {
            return;
        }
        let list = self.markable.entry(first).or_default();
        if !list.iter().any(|(w, _)| *w == words) {
            list.push((words, entry));
            list.sort_by_key(|(w, _)| usize::MAX - w.len());
        }
    }

    /// Lexicon names beginning with a word whose `word_hash` is given, longest first (the hash
    /// spares the lookup for the many words that begin none).
    pub fn markable_by_hash(&self, hash: u64, first: &str) -> &[(Vec<&'static str>, Entry)] {
        if self.markable_firsts.contains(hash) {
            self.markable(first)
        } else {
            &[]
        }
    }

    /// False when no adjective or demonym begins like this word (in any case).
    pub fn may_start_adjective(&self, word: &str) -> bool {
        self.adjective_starts.contains(start_key(word))
    }

    /// True when some folded adjective or demonym may be this folded word (false: none is).
    pub fn may_be_adjective(&self, folded: &str) -> bool {
        self.may_be_adjective_hash(word_hash(folded))
    }

    /// `may_be_adjective` by the `word_hash` of the folded word.
    pub fn may_be_adjective_hash(&self, hash: u64) -> bool {
        self.adjective_hashes.contains(hash)
    }

    /// True when a one-word markable name may have this `word_hash` (false: it has not).
    pub fn may_be_markable(&self, hash: u64) -> bool {
        self.markable_words.contains(hash)
    }

    /// Lexicon names (as written, split into words) that begin with this word, longest first.
    pub fn markable(&self, first: &str) -> &[(Vec<&'static str>, Entry)] {
        self.markable.get(first).map_or(&[], Vec::as_slice)
    }

    fn add_place(&mut self, name: &'static str) {
        if name.is_empty() {
            return;
        }
        let hash = place_hash(name);
        match self.places.get(&hash) {
            None => {
                self.places.insert(hash, name);
            }
            Some(existing) if place_hash_eq(existing, name) => {}
            Some(_) => self.more_places.push((hash, name)),
        }
    }

    /// Country adjectives and demonyms. An adjective several countries share ("French" for
    /// France and Réunion) goes to the one that looks sovereign, then to the one it has alone,
    /// then to the one whose name it resembles most.
    fn add_adjectives(&mut self) {
        let mut candidates: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, c) in countries().iter().enumerate() {
            let words = c
                .adjectives_en
                .iter()
                .chain(&c.adjectives_de)
                .chain(&c.inhabitants_de)
                .flat_map(|a| a.split(','))
                .map(str::trim)
                .filter(|a| !a.is_empty());
            for word in words {
                let list = candidates.entry(fold(word)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        for (adjective, list) in candidates {
            if let [only] = list[..] {
                self.adjectives
                    .insert(adjective.into(), Entry::Country(only));
                continue;
            }
            let rank = |&i: &usize| {
                let c = &countries()[i];
                (
                    looks_sovereign(c),
                    // The name the adjective is made from: "American" from "United States of
                    // America" (6 letters), not "Amerikanische Überseeinseln" (5).
                    c.names_en
                        .iter()
                        .chain(&c.names_de)
                        .flat_map(|n| n.split([' ', '-']))
                        .map(|word| common_prefix(&fold(word), &adjective))
                        .max()
                        .unwrap_or(0),
                    c.adjectives_en.len() + c.adjectives_de.len() <= 2,
                    usize::MAX - i,
                )
            };
            if let Some(&best) = list.iter().max_by_key(|i| rank(i)) {
                self.adjectives
                    .insert(adjective.into(), Entry::Country(best));
            }
        }
    }
}

/// The compiled tables: `Knowledge::to_bytes` writes them, `Knowledge::load` reads them.
/// Little-endian: after the magic line, the length (u32) and UTF-8 of all the tables' strings
/// one after another (checked once, when loaded), then the tables. In them a string is its
/// place in that text (u32 start, u16 length), an entry a tag byte and an index (u32); each
/// table is its length (u32) and its items, sorted, so that the same lexicons always give the
/// same bytes.
const MAGIC: &[u8] = b"castlist knowledge 2\n";

impl Knowledge {
    /// The tables as bytes, for assets/lexicons/knowledge.bin.
    #[cfg(test)]
    fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        for map in [&self.names, &self.loose, &self.adjectives] {
            let mut items: Vec<(&str, Entry)> = map.iter().map(|(k, &e)| (&**k, e)).collect();
            items.sort_unstable_by_key(|&(key, _)| key);
            w.len(items.len());
            for (key, entry) in items {
                w.str(key);
                w.entry(entry);
            }
        }
        let mut places: Vec<(u64, &str)> = self.places.iter().map(|(&h, &n)| (h, n)).collect();
        places.sort_unstable();
        for list in [&places, &self.more_places] {
            w.len(list.len());
            for &(hash, name) in list.iter() {
                w.u64(hash);
                w.str(name);
            }
        }
        let mut firsts: Vec<&&str> = self.markable.keys().collect();
        firsts.sort_unstable();
        w.len(firsts.len());
        for first in firsts {
            let names = &self.markable[first];
            w.str(first);
            w.len(names.len());
            for (words, entry) in names {
                w.len(words.len());
                for word in words {
                    w.str(word);
                }
                w.entry(*entry);
            }
        }
        for set in [
            &self.markable_words,
            &self.markable_firsts,
            &self.adjective_hashes,
            &self.adjective_starts,
        ] {
            w.len(set.sorted.len());
            for &key in &set.sorted {
                w.u64(key);
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend(
            u32::try_from(w.text.len())
                .expect("under 4 GB")
                .to_le_bytes(),
        );
        out.extend(w.text.as_bytes());
        out.extend(w.tables);
        out
    }

    /// The tables from `to_bytes`' bytes, every string borrowed from them; None when they are
    /// not such bytes or name an entry the lexicons do not have.
    fn load(bytes: &'static [u8]) -> Option<Knowledge> {
        let (len, rest) = bytes.strip_prefix(MAGIC)?.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        let (text, tables) = rest.split_at_checked(len)?;
        let mut r = Reader {
            text: std::str::from_utf8(text).ok()?,
            rest: tables,
        };
        let map = |r: &mut Reader| -> Option<FxHashMap<Key, Entry>> {
            let len = r.len()?;
            let mut map = FxHashMap::with_capacity_and_hasher(len, Default::default());
            for _ in 0..len {
                map.insert(Key::Borrowed(r.str()?), r.entry()?);
            }
            Some(map)
        };
        let (names, loose, adjectives) = (map(&mut r)?, map(&mut r)?, map(&mut r)?);
        let len = r.len()?;
        let mut places = FxHashMap::with_capacity_and_hasher(len, Default::default());
        for _ in 0..len {
            places.insert(r.u64()?, r.str()?);
        }
        let more_places = (0..r.len()?)
            .map(|_| Some((r.u64()?, r.str()?)))
            .collect::<Option<_>>()?;
        let len = r.len()?;
        let mut markable = FxHashMap::with_capacity_and_hasher(len, Default::default());
        for _ in 0..len {
            let first = r.str()?;
            let names = (0..r.len()?)
                .map(|_| {
                    let words = (0..r.len()?).map(|_| r.str()).collect::<Option<_>>()?;
                    Some((words, r.entry()?))
                })
                .collect::<Option<_>>()?;
            markable.insert(first, names);
        }
        let set = |r: &mut Reader| -> Option<KeySet> {
            let keys = (0..r.len()?).map(|_| r.u64()).collect::<Option<_>>()?;
            Some(KeySet::new(keys))
        };
        let k = Knowledge {
            names,
            loose,
            adjectives,
            places,
            more_places,
            markable,
            markable_words: set(&mut r)?,
            markable_firsts: set(&mut r)?,
            adjective_hashes: set(&mut r)?,
            adjective_starts: set(&mut r)?,
        };
        r.rest.is_empty().then_some(k)
    }
}

/// Writes the compiled tables: their strings into one text, the rest into `tables`.
#[cfg(test)]
#[derive(Default)]
struct Writer {
    text: String,
    tables: Vec<u8>,
}

#[cfg(test)]
impl Writer {
    fn len(&mut self, len: usize) {
        let len = u32::try_from(len).expect("a table of fewer than 2^32 items");
        self.tables.extend(len.to_le_bytes());
    }

    fn u64(&mut self, value: u64) {
        self.tables.extend(value.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.len(self.text.len());
        let len = u16::try_from(s.len()).expect("a name shorter than 64 KB");
        self.tables.extend(len.to_le_bytes());
        self.text.push_str(s);
    }

    fn entry(&mut self, entry: Entry) {
        let (tag, index) = match entry {
            Entry::Country(i) => (0, i),
            Entry::Region(i) => (1, i),
            Entry::Organisation(i) => (2, i),
        };
        self.tables.push(tag);
        self.len(index);
    }
}

/// Reads the compiled tables front to back.
struct Reader {
    /// All strings of the tables.
    text: &'static str,
    rest: &'static [u8],
}

impl Reader {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.rest.split_first_chunk::<N>()?;
        self.rest = rest;
        Some(*head)
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.take()?)).ok()
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take()?))
    }

    fn str(&mut self) -> Option<&'static str> {
        let start = self.len()?;
        let len = usize::from(u16::from_le_bytes(self.take()?));
        self.text.get(start..start.checked_add(len)?)
    }

    /// An entry, if the lexicons have it.
    fn entry(&mut self) -> Option<Entry> {
        let [tag] = self.take()?;
        let i = self.len()?;
        match tag {
            0 => (i < countries().len()).then_some(Entry::Country(i)),
            1 => (i < regions().len()).then_some(Entry::Region(i)),
            2 => (i < organisations().len()).then_some(Entry::Organisation(i)),
            _ => None,
        }
    }
}

/// FNV-1a over the bytes of a word as written; `word_hash_step` extends it by one more piece,
/// so that the hashes of all beginnings of a word come in one pass.
pub fn word_hash(word: &str) -> u64 {
    word_hash_step(WORD_HASH_START, word)
}

pub const WORD_HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

pub fn word_hash_step(hash: u64, piece: &str) -> u64 {
    piece.bytes().fold(hash, word_hash_byte)
}

/// `word_hash_step` over one byte.
pub fn word_hash_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// The first three characters of a word in lower case, packed into a number.
fn start_key(word: &str) -> u64 {
    let pack = |key: u64, c: u32| (key << 21) | u64::from(c);
    let lower = |b: u8| u32::from(b.to_ascii_lowercase());
    if let [a, b, c, ..] = *word.as_bytes()
        && (a | b | c).is_ascii()
    {
        // Three ASCII bytes are three characters, each its own lower case's only one.
        return pack(pack(pack(0, lower(a)), lower(b)), lower(c));
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .take(3)
        .fold(0, |key, c| pack(key, u32::from(c)))
}

/// The characters of a place name folded for lookup (lower case, umlauts and ß as
/// their base letters; white space and apostrophe variants are not expected in the gazetteer
/// and are taken as they come).
pub fn place_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(without_umlaut)
}

/// A lower-case umlaut or ß as its base letter.
fn without_umlaut(c: char) -> char {
    match c {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        'ß' => 's',
        other => other,
    }
}

/// FNV-1a over a place name's folded characters (an ASCII character folds to its lower case
/// alone, without the general case mapping).
fn place_hash(name: &str) -> u64 {
    let step = |h: u64, c: u32| (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    let start = 0xcbf2_9ce4_8422_2325;
    if name.is_ascii() {
        name.bytes()
            .fold(start, |h, b| step(h, u32::from(b.to_ascii_lowercase())))
    } else {
        name.chars().fold(start, |h, c| {
            if c.is_ascii() {
                step(h, u32::from(c.to_ascii_lowercase()))
            } else {
                c.to_lowercase()
                    .map(without_umlaut)
                    .fold(h, |h, c| step(h, u32::from(c)))
            }
        })
    }
}

/// True when two place names fold to the same characters: at once when they are written the
/// same, as a name found in the gazetteer mostly is, or differ in the case of ASCII letters.
fn place_hash_eq(a: &str, b: &str) -> bool {
    a == b
        || if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            place_chars(a).eq(place_chars(b))
        }
}

/// True when one of the country's names is that of a state ("French Republic", "Königreich
/// Schweden"), not of a territory.
fn looks_sovereign(c: &Country) -> bool {
    const MARKERS: [&str; 10] = [
        "Republic",
        "Kingdom",
        "Federation",
        "Commonwealth",
        "States",
        "Republik",
        "Königreich",
        "Föderation",
        "Staaten",
        "Staat",
    ];
    c.names_en
        .iter()
        .chain(&c.names_de)
        .any(|n| MARKERS.iter().any(|m| n.contains(m)))
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_loose_forms_lead_to_entries() {
        let k = knowledge();
        let un = k.name("uno").unwrap();
        assert_eq!(un.name(&Lang::De), "Vereinte Nationen");
        assert_eq!(k.name("vereinten nationen"), Some(un));
        assert_eq!(k.name("libyen").unwrap().name(&Lang::De), "Libyen");
        let eu = k.loose(&loose_key(&["Europäischen", "Union"])).unwrap();
        assert_eq!(eu.name(&Lang::De), "Europäische Union");
        assert!(!un.fits(Kind::Per));
        assert!(k.name("libyen").unwrap().fits(Kind::Org));
    }

    #[test]
    fn shared_adjectives_go_to_the_state() {
        let k = knowledge();
        let name = |adj: &str| k.adjective(adj).unwrap().name(&Lang::En);
        assert_eq!(name("french"), "France");
        assert_eq!(name("swedish"), "Sweden");
        assert_eq!(name("dutch"), "Netherlands");
        assert_eq!(name("russisch"), "Russia");
        assert_eq!(name("russe"), "Russia");
        assert_eq!(name("nigerian"), "Nigeria");
        assert_eq!(name("american"), "United States");
        assert_eq!(name("amerikanisch"), "United States");
        assert_eq!(name("indian"), "India");
        assert_eq!(name("chinese"), "China");
        assert_eq!(name("norwegian"), "Norway");
        assert_eq!(name("congolese"), "Congo - Kinshasa");
    }

    #[test]
    fn places_are_found_across_umlaut_spellings() {
        let k = knowledge();
        assert_eq!(k.place("Sachsen"), Some("Sachsen"));
        assert_eq!(k.place("Skandinavien"), Some("Skandinavien"));
        assert_eq!(k.place("Moskau"), Some("Moskau"));
        assert_eq!(k.place("Sächsen"), Some("Sachsen"));
        assert_eq!(k.place("Machthaber"), None);
    }

    /// The shipped tables are those the lexicons give today, and load to the same tables.
    /// `CASTLIST_BLESS=1 cargo test --lib compiled_knowledge` rewrites the file.
    #[test]
    fn compiled_knowledge_is_current() {
        let built = Knowledge::build().to_bytes();
        if std::env::var_os("CASTLIST_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicons/knowledge.bin");
            std::fs::write(path, &built).expect("assets/lexicons/knowledge.bin written");
            return;
        }
        assert!(
            built == COMPILED,
            "assets/lexicons/knowledge.bin is stale: the lexicons or the way they are indexed \
             changed. Rewrite it with CASTLIST_BLESS=1 cargo test --lib compiled_knowledge"
        );
        let loaded = Knowledge::load(COMPILED).expect("the shipped tables load");
        assert!(loaded.to_bytes() == COMPILED);
    }

    #[test]
    fn damaged_tables_are_refused() {
        let cut: &'static [u8] = COMPILED[..COMPILED.len() - 1].to_vec().leak();
        assert!(Knowledge::load(cut).is_none());
        let longer: &'static [u8] = [COMPILED, b"x"].concat().leak();
        assert!(Knowledge::load(longer).is_none());
        assert!(Knowledge::load(b"castlist knowledge 0\n").is_none());
        assert!(Knowledge::load(&COMPILED[..40]).is_none());
    }

    proptest::proptest! {
        /// Place names hash and compare as their folded characters do; a word's start key
        /// is its first three characters in lower case.
        #[test]
        fn place_names_hash_and_compare_by_folded_characters(
            a in "[aAsSäÄßẞİ é]{0,6}",
            b in "[aAsSäÄßẞİ é]{0,6}",
        ) {
            let step = |h: u64, c: char| (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            proptest::prop_assert_eq!(
                place_hash(&a),
                place_chars(&a).fold(0xcbf2_9ce4_8422_2325, step)
            );
            proptest::prop_assert_eq!(place_hash_eq(&a, &b), place_chars(&a).eq(place_chars(&b)));
            let key = a
                .chars()
                .flat_map(char::to_lowercase)
                .take(3)
                .fold(0, |key, c| (key << 21) | u64::from(c));
            proptest::prop_assert_eq!(start_key(&a), key);
        }
    }
}

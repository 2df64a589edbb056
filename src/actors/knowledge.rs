//! What linking knows beyond the document: the lexicon tables indexed by folded names —
//! countries, world regions and well-known organisations with every name they go by, country
//! adjectives and demonyms, and a gazetteer of place names (countries, regions, first-level
//! subdivisions and the German toponyms of Wiktionary, which include the German names of the
//! world's well-known cities) for base forms. The 14,000 cities of cities.tsv would cost more to
//! index than they add.
//!
//! Building the index from the lexicons (folding every name, ranking shared adjectives) took
//! 18 million instructions, a quarter of a one-article run's CPU time. It is built when the
//! lexicons change and shipped compiled (assets/lexicons/knowledge.bin, embedded) as hash tables
//! laid out to be probed where they lie: loading checks their text once and reads the list of
//! markable names; a look-up reads a slot and compares the name in place. A test checks that the
//! shipped file is what the lexicons give today
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
/// The lexicons' tables compiled, as `Tables::to_bytes` writes them.
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

/// The lexicons, indexed for linking: views into the compiled tables (see `MAGIC`), looked up
/// where they lie in the embedded bytes. Loading them checks their text once and builds only
/// a table of empty cells for the markable names, which are read on first use.
pub struct Knowledge {
    /// All strings of the tables.
    text: &'static str,
    /// Folded names and aliases of countries, organisations and regions (first come first:
    /// "Europäische Union" is the organisation, not the region of that name).
    names: NameTable,
    /// The same under `names::loose_key` (declined adjectives reduced).
    loose: NameTable,
    /// Folded country adjectives and demonyms (base forms) → country.
    adjectives: NameTable,
    /// Place names as written, by the hash of their folded form (see `place_hash`).
    places: PlaceTable,
    /// Names safe to mark where the recognizer did not, as written, by their first word:
    /// country and region names, organisations' own names, and acronyms and multi-word forms
    /// among their aliases (not one-word aliases that are ordinary words: "Bahn", "Linke").
    markable: MarkableTable,
    /// `word_hash` of every one-word markable name: a cheap test for the beginnings of
    /// compounds before a real lookup.
    markable_words: KeySet,
    /// `word_hash` of the first words of all markable names.
    markable_firsts: KeySet,
    /// `word_hash` of every folded adjective and demonym.
    adjective_hashes: KeySet,
    /// The first three letters (lower case, see `start_key`) of every adjective and demonym:
    /// most words begin like none of them.
    adjective_starts: KeySet,
}

/// The slot of a hash key in a table of `slots` slots (a power of two): the top bits of a
/// multiplicative mix (the packed letters of a start key differ only in their low bits).
pub(super) fn slot_of(hash: u64, slots: usize) -> usize {
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (slots - 1)
}

/// Little-endian numbers at a place in a slot.
fn u16_at(bytes: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> usize {
    let mut le = [0; 4];
    le.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(le) as usize
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut le = [0; 8];
    le.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(le)
}

/// The hash of a name in a `NameTable`: eight bytes a step, as FxHash does, and the same on
/// every platform (the table's layout depends on it; a change shows as a stale compiled file in
/// the tests).
fn name_hash(name: &str) -> u64 {
    let step =
        |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    let chunks = name.as_bytes().chunks_exact(8);
    let mut last = [0; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let hash = chunks.fold(name.len() as u64, |hash, chunk| {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        step(hash, u64::from_le_bytes(word))
    });
    step(hash, u64::from_le_bytes(last))
}

/// A hash table of folded names, in the compiled bytes: open addressing, at most half full,
/// probed from `slot_of(name_hash(name))` onwards. A slot is the name (u32 start in the text,
/// u16 length), a tag byte (`EMPTY`: a free slot), a zero byte and a value (u32): for names of
/// entries, the entry's tag and index; for markable names, the place of their list.
#[derive(Clone, Copy)]
struct NameTable {
    slots: &'static [u8],
}

impl NameTable {
    const SLOT: usize = 12;
    const EMPTY: u8 = 0xff;

    /// The number of the slot that holds the name, and the slot.
    fn find(self, text: &str, key: &str) -> Option<(usize, &'static [u8])> {
        let slots = self.slots.len() / Self::SLOT;
        let mut i = slot_of(name_hash(key), slots);
        // A table is never full; counting the probes guards against damaged bytes all the same.
        for _ in 0..slots {
            let slot = &self.slots[i * Self::SLOT..(i + 1) * Self::SLOT];
            if slot[6] == Self::EMPTY {
                return None;
            }
            let start = u32_at(slot, 0);
            if text
                .as_bytes()
                .get(start..start.saturating_add(u16_at(slot, 4)))
                == Some(key.as_bytes())
            {
                return Some((i, slot));
            }
            i = (i + 1) & (slots - 1);
        }
        None
    }

    /// The entry of a name.
    fn get(self, text: &str, key: &str) -> Option<Entry> {
        let (_, slot) = self.find(text, key)?;
        entry(slot[6], u32_at(slot, 8))
    }
}

/// Place names by the hash of their folded form, in the compiled bytes like a `NameTable`. A
/// slot is the hash (u64), the name (u32 start, u16 length) and a byte that is 1 where the slot
/// is taken. Names whose hash another name has follow it in the probe order, so they are met in
/// the order they were added.
#[derive(Clone, Copy)]
struct PlaceTable {
    slots: &'static [u8],
}

impl PlaceTable {
    const SLOT: usize = 16;

    fn get(self, text: &'static str, name: &str) -> Option<&'static str> {
        let hash = place_hash(name);
        let slots = self.slots.len() / Self::SLOT;
        let mut i = slot_of(hash, slots);
        for _ in 0..slots {
            let slot = &self.slots[i * Self::SLOT..(i + 1) * Self::SLOT];
            if slot[14] == 0 {
                return None;
            }
            if u64_at(slot, 0) == hash {
                let start = u32_at(slot, 8);
                let candidate = text.get(start..start.saturating_add(u16_at(slot, 12)))?;
                if place_hash_eq(candidate, name) {
                    return Some(candidate);
                }
            }
            i = (i + 1) & (slots - 1);
        }
        None
    }
}

/// A name safe to mark, as written, split into words, and its entry.
pub type MarkableName = (Vec<&'static str>, Entry);

/// The names safe to mark, by their first word (a `NameTable` whose values are places in
/// `lists`). A list is its length (u32), and per name its words (a length, u32, then each word
/// as a string) and its entry (tag byte, u32 index), longest name first. A list is read into
/// its cell the first time its word is asked for: a document asks for a few dozen of the
/// thousands.
struct MarkableTable {
    firsts: NameTable,
    lists: &'static [u8],
    read: Vec<OnceLock<Vec<MarkableName>>>,
}

impl MarkableTable {
    fn get(&self, text: &'static str, first: &str) -> &[MarkableName] {
        match self.firsts.find(text, first) {
            Some((i, slot)) => {
                let list = || self.list(text, u32_at(slot, 8)).unwrap_or_default();
                self.read[i].get_or_init(list)
            }
            None => &[],
        }
    }

    /// The list at a place in `lists`; None when the bytes are damaged.
    fn list(&self, text: &'static str, at: usize) -> Option<Vec<MarkableName>> {
        let mut r = Reader {
            text,
            rest: self.lists.get(at..)?,
        };
        (0..r.len()?)
            .map(|_| {
                let words = (0..r.len()?).map(|_| r.str()).collect::<Option<_>>()?;
                let [tag] = r.take()?;
                Some((words, entry(tag, r.len()?)?))
            })
            .collect()
    }
}

/// A set of keys (hashes or packed letters) in the compiled bytes: a bitmap, then the keys
/// sorted. Most keys asked for are not in it, and one bit tells most of them so without a
/// binary search. The bitmap has some 16 bits per key (a power of two: 0.5–2 KB for these
/// sets), so that about one key in 16 that is not in the set needs the search, and few of its
/// cache lines are fetched again after recognition.
#[derive(Clone, Copy)]
struct KeySet {
    bits: &'static [u8],
    sorted: &'static [u8],
}

impl KeySet {
    /// The key's bit in a bitmap of `bytes` bytes (a power of two): the top bits of a
    /// multiplicative mix.
    fn bit(key: u64, bytes: usize) -> usize {
        let bits = (bytes * 8).trailing_zeros();
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    fn contains(self, key: u64) -> bool {
        let bit = Self::bit(key, self.bits.len());
        if self.bits[bit >> 3] & (1 << (bit & 7)) == 0 {
            return false;
        }
        let (mut low, mut high) = (0, self.sorted.len() / 8);
        while low < high {
            let middle = (low + high) / 2;
            match u64_at(self.sorted, middle * 8).cmp(&key) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// An entry from its tag and index, if the lexicons have it.
fn entry(tag: u8, i: usize) -> Option<Entry> {
    match tag {
        0 => (i < countries().len()).then_some(Entry::Country(i)),
        1 => (i < regions().len()).then_some(Entry::Region(i)),
        2 => (i < organisations().len()).then_some(Entry::Organisation(i)),
        _ => None,
    }
}

/// The shared index (loaded on first use from the compiled tables; compiled from the lexicons
/// should they be unreadable, which the tests rule out for the shipped file).
pub fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        // The lexicon tables that entries index, read now rather than at the first entry found
        // (`prepare` runs this beside recognition).
        let _ = (countries(), regions(), organisations());
        Knowledge::load(COMPILED).unwrap_or_else(|| {
            let compiled = Box::leak(Tables::build().to_bytes().into_boxed_slice());
            Knowledge::load(compiled).expect("tables compiled now load")
        })
    })
}

impl Knowledge {
    /// The entry a (folded) name or alias belongs to.
    pub fn name(&self, folded: &str) -> Option<Entry> {
        self.names.get(self.text, folded)
    }

    /// The entry whose name has this loose key.
    pub fn loose(&self, key: &str) -> Option<Entry> {
        self.loose.get(self.text, key)
    }

    /// The country a folded adjective or demonym in its base form belongs to.
    pub fn adjective(&self, folded: &str) -> Option<Entry> {
        self.adjectives.get(self.text, folded)
    }

    /// A place name as written, looked up by any spelling that folds the same (umlauts
    /// included): "sachsen" → "Sachsen".
    pub fn place(&self, name: &str) -> Option<&'static str> {
        self.places.get(self.text, name)
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
        self.markable.get(self.text, first)
    }

    /// The tables from `Tables::to_bytes`' bytes, every string borrowed from them; None when
    /// they are not such bytes. (A damaged slot inside a table makes look-ups miss; an entry
    /// the lexicons do not have is never returned.)
    fn load(bytes: &'static [u8]) -> Option<Knowledge> {
        let (len, rest) = bytes.strip_prefix(MAGIC)?.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        let (text, tables) = rest.split_at_checked(len)?;
        let mut r = Reader {
            text: std::str::from_utf8(text).ok()?,
            rest: tables,
        };
        let names = NameTable {
            slots: r.slots(NameTable::SLOT)?,
        };
        let loose = NameTable {
            slots: r.slots(NameTable::SLOT)?,
        };
        let adjectives = NameTable {
            slots: r.slots(NameTable::SLOT)?,
        };
        let places = PlaceTable {
            slots: r.slots(PlaceTable::SLOT)?,
        };
        let firsts = NameTable {
            slots: r.slots(NameTable::SLOT)?,
        };
        let len = r.len()?;
        let markable = MarkableTable {
            firsts,
            lists: r.bytes(len)?,
            read: std::iter::repeat_with(OnceLock::new)
                .take(firsts.slots.len() / NameTable::SLOT)
                .collect(),
        };
        let k = Knowledge {
            text: r.text,
            names,
            loose,
            adjectives,
            places,
            markable,
            markable_words: r.key_set()?,
            markable_firsts: r.key_set()?,
            adjective_hashes: r.key_set()?,
            adjective_starts: r.key_set()?,
        };
        r.rest.is_empty().then_some(k)
    }
}

/// The lexicons indexed for linking, as built from them: what `Knowledge` finds in the
/// compiled tables. Building took 18 million instructions per process; now it runs when the
/// shipped file is checked or rewritten (and, should that file be unreadable, once).
#[derive(Default)]
struct Tables {
    names: FxHashMap<String, Entry>,
    loose: FxHashMap<String, Entry>,
    adjectives: FxHashMap<String, Entry>,
    /// Place names by `place_hash`; a name whose hash is taken by another name goes to
    /// `more_places`.
    places: FxHashMap<u64, &'static str>,
    more_places: Vec<(u64, &'static str)>,
    markable: FxHashMap<&'static str, Vec<(Vec<&'static str>, Entry)>>,
}

impl Tables {
    fn build() -> Tables {
        let mut k = Tables::default();
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
        self.names.entry(fold(name)).or_insert(entry);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 1 {
            self.loose.entry(loose_key(&words)).or_insert(entry);
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
                self.adjectives.insert(adjective, Entry::Country(only));
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
                self.adjectives.insert(adjective, Entry::Country(best));
            }
        }
    }

    /// The tables as bytes, for assets/lexicons/knowledge.bin (see `MAGIC`).
    fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        for map in [&self.names, &self.loose, &self.adjectives] {
            let mut items: Vec<(&str, u8, [u8; 4])> = map
                .iter()
                .map(|(key, &entry)| {
                    let (tag, index) = tag_and_index(entry);
                    (key.as_str(), tag, index)
                })
                .collect();
            items.sort_unstable();
            w.name_table(&items);
        }
        // Each hash's first name before the others that have it: probing meets them in this order.
        let mut places: Vec<(u64, &str)> = self.places.iter().map(|(&h, &n)| (h, n)).collect();
        places.sort_unstable();
        let slots = table_size(places.len() + self.more_places.len());
        let mut table = vec![[0; PlaceTable::SLOT]; slots];
        for &(hash, name) in places.iter().chain(&self.more_places) {
            let mut i = slot_of(hash, slots);
            while table[i][14] != 0 {
                i = (i + 1) & (slots - 1);
            }
            let (start, len) = w.place_of(name);
            table[i][0..8].copy_from_slice(&hash.to_le_bytes());
            table[i][8..12].copy_from_slice(&start);
            table[i][12..14].copy_from_slice(&len);
            table[i][14] = 1;
        }
        w.len(slots);
        w.tables.extend(table.iter().flatten());
        let mut firsts: Vec<&&str> = self.markable.keys().collect();
        firsts.sort_unstable();
        // The lists' words go into the same text as all other strings.
        let mut lists = Writer::default();
        std::mem::swap(&mut lists.text, &mut w.text);
        let mut items = Vec::with_capacity(firsts.len());
        for first in firsts {
            let offset = u32::try_from(lists.tables.len()).expect("under 4 GB of lists");
            items.push((*first, 0, offset.to_le_bytes()));
            let names = &self.markable[first];
            lists.len(names.len());
            for (words, entry) in names {
                lists.len(words.len());
                for word in words {
                    lists.str(word);
                }
                let (tag, index) = tag_and_index(*entry);
                lists.tables.push(tag);
                lists.tables.extend(index);
            }
        }
        std::mem::swap(&mut lists.text, &mut w.text);
        w.name_table(&items);
        w.len(lists.tables.len());
        w.tables.extend(lists.tables);
        let one_word = self
            .markable
            .values()
            .flatten()
            .filter(|(w, _)| w.len() == 1);
        for keys in [
            one_word.map(|(w, _)| word_hash(w[0])).collect(),
            self.markable.keys().map(|w| word_hash(w)).collect(),
            self.adjectives.keys().map(|a| word_hash(a)).collect(),
            self.adjectives
                .keys()
                .map(|a| start_key(a))
                .collect::<Vec<u64>>(),
        ] {
            w.key_set(keys);
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
}

/// The compiled tables: `Tables::to_bytes` writes them, `Knowledge::load` reads them where they
/// lie. Little-endian: after the magic line, the length (u32) and UTF-8 of all the tables'
/// strings one after another (checked once, when loaded), then the tables: names, loose names
/// and adjectives (`NameTable`), places (`PlaceTable`), each its number of slots (u32) and its
/// slots; the markable names (`MarkableTable`: a `NameTable` of first words, then the length
/// (u32) and bytes of the lists it points to); and the four `KeySet`s, each its number of keys (u32), the length
/// of its bitmap (u32), the bitmap and its keys. A string in a list is its place in the text (u32 start, u16 length). Items are
/// written sorted, so that the same lexicons always give the same bytes.
const MAGIC: &[u8] = b"castlist knowledge 3\n";

/// Slots for a hash table of `items` items: a power of two, at least twice as many.
fn table_size(items: usize) -> usize {
    (2 * items).next_power_of_two()
}

/// An entry's tag byte and index, as the compiled tables store them.
fn tag_and_index(entry: Entry) -> (u8, [u8; 4]) {
    let (tag, index) = match entry {
        Entry::Country(i) => (0, i),
        Entry::Region(i) => (1, i),
        Entry::Organisation(i) => (2, i),
    };
    let index = u32::try_from(index).expect("fewer than 2^32 entries");
    (tag, index.to_le_bytes())
}

/// Writes the compiled tables: their strings into one text, the rest into `tables`.
#[derive(Default)]
struct Writer {
    text: String,
    tables: Vec<u8>,
}

impl Writer {
    fn len(&mut self, len: usize) {
        let len = u32::try_from(len).expect("a table of fewer than 2^32 items");
        self.tables.extend(len.to_le_bytes());
    }

    /// A string added to the text: its start and length.
    fn place_of(&mut self, s: &str) -> ([u8; 4], [u8; 2]) {
        let start = u32::try_from(self.text.len()).expect("under 4 GB of names");
        let len = u16::try_from(s.len()).expect("a name shorter than 64 KB");
        self.text.push_str(s);
        (start.to_le_bytes(), len.to_le_bytes())
    }

    fn str(&mut self, s: &str) {
        let (start, len) = self.place_of(s);
        self.tables.extend(start);
        self.tables.extend(len);
    }

    /// A `NameTable` of names with their tags and values, in this order (so that their
    /// strings, and so the bytes, come out the same every time).
    fn name_table(&mut self, items: &[(&str, u8, [u8; 4])]) {
        let slots = table_size(items.len());
        let mut table = vec![[0; NameTable::SLOT]; slots];
        for slot in &mut table {
            slot[6] = NameTable::EMPTY;
        }
        for &(key, tag, value) in items {
            let mut i = slot_of(name_hash(key), slots);
            while table[i][6] != NameTable::EMPTY {
                i = (i + 1) & (slots - 1);
            }
            let (start, len) = self.place_of(key);
            table[i][0..4].copy_from_slice(&start);
            table[i][4..6].copy_from_slice(&len);
            table[i][6] = tag;
            table[i][8..12].copy_from_slice(&value);
        }
        self.len(slots);
        self.tables.extend(table.iter().flatten());
    }

    fn key_set(&mut self, mut keys: Vec<u64>) {
        keys.sort_unstable();
        keys.dedup();
        let mut bits = vec![0u8; (2 * keys.len()).next_power_of_two().max(8)];
        for &key in &keys {
            let bit = KeySet::bit(key, bits.len());
            bits[bit >> 3] |= 1 << (bit & 7);
        }
        self.len(keys.len());
        self.len(bits.len());
        self.tables.extend(bits);
        self.tables
            .extend(keys.iter().flat_map(|key| key.to_le_bytes()));
    }
}

/// Reads the compiled tables front to back.
struct Reader {
    /// All strings of the tables.
    text: &'static str,
    rest: &'static [u8],
}

impl Reader {
    fn bytes(&mut self, len: usize) -> Option<&'static [u8]> {
        let (head, rest) = self.rest.split_at_checked(len)?;
        self.rest = rest;
        Some(head)
    }

    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.rest.split_first_chunk::<N>()?;
        self.rest = rest;
        Some(*head)
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.take()?)).ok()
    }

    fn str(&mut self) -> Option<&'static str> {
        let start = self.len()?;
        let len = usize::from(u16::from_le_bytes(self.take()?));
        self.text.get(start..start.checked_add(len)?)
    }

    /// A hash table's slots of `size` bytes: a power of two of them.
    fn slots(&mut self, size: usize) -> Option<&'static [u8]> {
        let slots = self.len()?;
        slots.is_power_of_two().then_some(())?;
        self.bytes(slots.checked_mul(size)?)
    }

    fn key_set(&mut self) -> Option<KeySet> {
        let keys = self.len()?;
        let bytes = self.len()?;
        (bytes.is_power_of_two() && bytes >= 8).then_some(())?;
        Some(KeySet {
            bits: self.bytes(bytes)?,
            sorted: self.bytes(keys.checked_mul(8)?)?,
        })
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
        let built = Tables::build().to_bytes();
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
    }

    /// Every name, adjective, place and markable name the lexicons give is found in the
    /// compiled tables as built, and words that are none of them are not.
    #[test]
    fn compiled_tables_answer_as_the_lexicons_do() {
        let tables = Tables::build();
        let k = Knowledge::load(COMPILED).expect("the shipped tables load");
        for (key, &entry) in &tables.names {
            assert_eq!(k.name(key), Some(entry), "{key}");
        }
        for (key, &entry) in &tables.loose {
            assert_eq!(k.loose(key), Some(entry), "{key}");
        }
        for (key, &entry) in &tables.adjectives {
            assert_eq!(k.adjective(key), Some(entry), "{key}");
            assert!(
                k.may_be_adjective(key) && k.may_start_adjective(key),
                "{key}"
            );
        }
        // A place is found as the first name added that folds as it does.
        let added: Vec<(u64, &str)> = tables.places.iter().map(|(&h, &n)| (h, n)).collect();
        for &(hash, name) in added.iter().chain(&tables.more_places) {
            let first = tables.places[&hash];
            let expected = if place_hash_eq(first, name) {
                first
            } else {
                let same = |(h, n): &&(u64, &str)| *h == hash && place_hash_eq(n, name);
                tables.more_places.iter().find(same).unwrap().1
            };
            assert_eq!(k.place(name), Some(expected), "{name}");
        }
        for (first, names) in &tables.markable {
            assert_eq!(k.markable(first), &names[..]);
            assert_eq!(k.markable_by_hash(word_hash(first), first), &names[..]);
            for (words, _) in names.iter().filter(|(w, _)| w.len() == 1) {
                assert!(k.may_be_markable(word_hash(words[0])));
            }
        }
        for word in ["machthaber", "verteidigungsminister", "the", "xq"] {
            assert_eq!(
                (k.name(word), k.loose(word), k.adjective(word)),
                (None, None, None)
            );
            assert_eq!(k.place(word), None);
            assert!(k.markable(word).is_empty());
        }
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

    /// Bytes damaged inside the tables (not in their lengths) make look-ups miss or find
    /// something else, never panic or loop: the names table's entries pointing past the
    /// lexicons, and 64 bytes of noise here and there in the rest.
    #[test]
    fn damaged_slots_are_survived() {
        let tables = Tables::build();
        let header = MAGIC.len() + 4;
        let le = |at: usize| u32::from_le_bytes(COMPILED[at..at + 4].try_into().unwrap()) as usize;
        let names_at = header + le(MAGIC.len());
        let names_end = names_at + 4 + le(names_at) * NameTable::SLOT;
        let mut noise = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            noise ^= noise << 13;
            noise ^= noise >> 7;
            noise ^= noise << 17;
            noise as u8
        };
        let mut bytes = COMPILED.to_vec();
        for slot in bytes[names_at + 4..names_end].chunks_exact_mut(NameTable::SLOT) {
            slot[11] |= 0x80;
        }
        let k = Knowledge::load(bytes.leak()).expect("only entries damaged");
        assert!(tables.names.keys().all(|name| k.name(name).is_none()));
        let damaged = (names_end..COMPILED.len() - 64).step_by(16411);
        for start in damaged {
            let mut bytes = COMPILED.to_vec();
            bytes[start..start + 64]
                .iter_mut()
                .for_each(|b| *b = next());
            let Some(k) = Knowledge::load(bytes.leak()) else {
                continue;
            };
            let words = tables
                .names
                .keys()
                .chain(tables.adjectives.keys())
                .step_by(11);
            for word in words.map(String::as_str).chain(["Sachsen", "Moskau", "UN"]) {
                let found = [k.name(word), k.loose(word), k.adjective(word)];
                let listed = k.markable(word).iter().map(|(_, e)| Some(*e));
                for entry in found.into_iter().chain(listed).flatten() {
                    let _ = (entry.name(&Lang::De), entry.kind());
                }
                let _ = (k.place(word), k.may_be_markable(word_hash(word)));
                let _ = (k.may_start_adjective(word), k.may_be_adjective(word));
            }
        }
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

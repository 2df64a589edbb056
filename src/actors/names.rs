//! One name as written, analysed for linking: its words without honorifics, articles and
//! possessive; its base (nominative) form — German genitives and declined adjectives undone from
//! the context ("der Vereinten Nationen" → "Vereinte Nationen", "Libyens" → "Libyen"); the
//! folded keys it is looked up under, as numbers of the document's `Symbols`; for persons,
//! first name and surname.

use rustc_hash::FxHasher;
use std::fmt::Write;
use std::hash::Hasher;

use super::knowledge::{knowledge, slot_of};
use super::morph::{
    declined_adjective, ends_with_any, fold_into, german_stems, is_acronym, lowercase_among,
    strip_possessive, takes_genitive_s, with_lowercase,
};
use super::numbered::{is_roman_number, roman_value};
use super::roles::{Class, role};
use crate::document::{Kind, Span};

/// What the text around a name says about its form, asked for by the analysis only where the
/// form is in doubt (so that the mentions of a surface share the analyses that did not ask).
pub trait Surroundings {
    /// German morphology applies (German or unknown language).
    fn german(&self) -> bool;
    /// The German article or contracted preposition before the name, lower case ("der",
    /// "vom"), skipping adjectives and quotes in between.
    fn determiner(&self) -> Option<&str>;
    /// A noun phrase follows directly: the position of a German prenominal genitive
    /// ("Haftars gescheiterter Angriff").
    fn before_noun(&self) -> bool;
}

/// A folded form, by its number in the document's `Symbols`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sym(u32);

impl Sym {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The folded forms linking meets in one document, each stored once and known by a number:
/// the linker's tables are indexed by these numbers, so that a form is hashed and allocated
/// once, not at every lookup and insertion. The forms are kept one after another in one string
/// and found by the hash of their text (no string is allocated per form), in a table of their
/// numbers of its own: one probe loop over small slots, not a general hash map's code.
#[derive(Default)]
pub struct Symbols {
    /// The forms, one after another; form `s` ends at `ends[s]`.
    text: String,
    ends: Vec<usize>,
    /// The hash of each form's text, by its number.
    hashes: Vec<u64>,
    /// The forms' numbers plus one (0: an empty slot), each in the first free slot from the
    /// one its hash picks (`knowledge::slot_of`, as the lexicon tables probe); at most half the slots are taken.
    slots: Vec<u32>,
    /// Reused for folding a text before its lookup.
    buffer: String,
    /// Reused for joining words before they are folded.
    joined: String,
}

impl Symbols {
    /// Room for about `n` forms.
    pub fn with_capacity(n: usize) -> Symbols {
        Symbols {
            text: String::with_capacity(16 * n),
            ends: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
            slots: vec![0; (2 * n).next_power_of_two().max(MIN_SLOTS)],
            // Room for most texts folded, so that the buffer does not grow name by name.
            buffer: String::with_capacity(BUFFER_BYTES),
            ..Symbols::default()
        }
    }

    /// The number of a folded form, given one if it is new.
    pub fn intern(&mut self, folded: &str) -> Sym {
        let hash = form_hash(folded);
        if 2 * (self.ends.len() + 1) > self.slots.len() {
            self.grow();
        }
        // One probe, whether the form is new or not.
        match self.find(hash, folded) {
            Ok(s) => s,
            Err(slot) => {
                let s = Sym(u32::try_from(self.ends.len())
                    .ok()
                    .filter(|&n| n < u32::MAX)
                    .expect("fewer than 2^32 - 1 forms"));
                self.slots[slot] = s.0 + 1;
                self.text.push_str(folded);
                self.ends.push(self.text.len());
                self.hashes.push(hash);
                s
            }
        }
    }

    /// The number of a folded form, if it has one.
    pub fn get(&self, folded: &str) -> Option<Sym> {
        self.find(form_hash(folded), folded).ok()
    }

    /// The number of the form with this hash and text, or else the empty slot where it would
    /// go (0 in a table without slots).
    fn find(&self, hash: u64, folded: &str) -> Result<Sym, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut at = slot_of(hash, mask + 1);
        loop {
            match self.slots[at] {
                0 => return Err(at),
                n => {
                    let s = Sym(n - 1);
                    if self.hashes[s.index()] == hash && self.str(s) == folded {
                        return Ok(s);
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Twice the slots (or the first ones), the forms placed again by their hashes.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let len = (2 * self.slots.len()).max(MIN_SLOTS);
        self.slots.clear();
        self.slots.resize(len, 0);
        let mask = len - 1;
        for (s, &hash) in self.hashes.iter().enumerate() {
            let mut at = slot_of(hash, mask + 1);
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            // Numbers below 2^32 - 1 (`intern`).
            self.slots[at] = s as u32 + 1;
        }
    }

    /// The folded form of a number.
    pub fn str(&self, s: Sym) -> &str {
        form(&self.text, &self.ends, s)
    }

    /// The number of a part of a form (a byte range of it).
    pub fn part(&mut self, s: Sym, range: std::ops::Range<usize>) -> Sym {
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        buffer.push_str(&self.str(s)[range]);
        let part = self.intern(&buffer);
        self.buffer = buffer;
        part
    }

    /// A text folded (`morph::fold`), in a buffer that the next call reuses.
    pub fn fold_str(&mut self, text: &str) -> &str {
        self.buffer.clear();
        fold_into(text, &mut self.buffer);
        &self.buffer
    }

    /// The number of a text's folded form, given one if it is new.
    pub fn fold(&mut self, text: &str) -> Sym {
        self.fold_str(text);
        let buffer = std::mem::take(&mut self.buffer);
        let s = self.intern(&buffer);
        self.buffer = buffer;
        s
    }

    /// The number of a text's folded form, if it has one.
    pub fn folded(&mut self, text: &str) -> Option<Sym> {
        self.fold_str(text);
        self.get(&self.buffer)
    }

    /// The number of the folded form of words joined by single spaces.
    pub fn fold_joined<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) -> Sym {
        let mut joined = std::mem::take(&mut self.joined);
        joined.clear();
        for (i, w) in words.into_iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            joined.push_str(w);
        }
        let s = self.fold(&joined);
        self.joined = joined;
        s
    }

    /// The number of the loose key of `count` base words (`loose_key`).
    pub fn loose_key<'w>(&mut self, words: impl Iterator<Item = &'w str>, count: usize) -> Sym {
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        loose_key_into(words, count, &mut buffer);
        let s = self.intern(&buffer);
        self.buffer = buffer;
        s
    }
}

/// Form `s` of the forms kept one after another in `text`, ending at `ends`.
fn form<'t>(text: &'t str, ends: &[usize], s: Sym) -> &'t str {
    let start = match s.index() {
        0 => 0,
        i => ends[i - 1],
    };
    &text[start..ends[s.index()]]
}

/// The room a reused buffer starts with: more than most names need.
pub const BUFFER_BYTES: usize = 64;

/// The fewest slots `Symbols` has (a power of two).
const MIN_SLOTS: usize = 16;

/// The hash a form is found under in `Symbols`.
fn form_hash(folded: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(folded.as_bytes());
    hasher.finish()
}

/// Surfaces of the document's names, folded, to tell genitives from names that end in -s:
/// "Haftars" is "Haftar" + s when "haftar" occurs too. A set of symbol numbers, one bit each
/// (the numbers are dense: no hashing).
#[derive(Default)]
pub struct Attested {
    /// Whole names and their last words: bit `s % 64` of word `s / 64` for symbol `s`.
    words: Vec<u64>,
}

impl Attested {
    /// Room for the surfaces of `names` name mentions (a few forms each).
    pub fn with_capacity(names: usize) -> Attested {
        Attested {
            words: Vec::with_capacity((4 * names).div_ceil(64)),
        }
    }

    fn insert(&mut self, s: Sym) {
        let word = s.index() / 64;
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << (s.index() % 64);
    }

    /// Adds a name's surface; returns the number of the surface folded when it has no
    /// possessive (then that is what was added).
    pub fn add(&mut self, surface: &str, symbols: &mut Symbols) -> Option<Sym> {
        let bare = strip_possessive(surface);
        let whole = symbols.fold(bare);
        let folded = symbols.str(whole);
        // The space is ASCII: its byte is found without decoding characters.
        if let Some(space) = folded.bytes().rposition(|b| b == b' ') {
            let range = space + 1..folded.len();
            self.insert(symbols.part(whole, range));
        }
        self.insert(whole);
        (bare.len() == surface.len()).then_some(whole)
    }

    pub fn contains(&self, folded: Sym) -> bool {
        self.words
            .get(folded.index() / 64)
            .is_some_and(|word| word & (1 << (folded.index() % 64)) != 0)
    }
}

/// A person's name split for matching: the first given name (or initial), folded, and the
/// surname (linking weighs no other given name).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Person {
    pub first: Option<Sym>,
    pub surname: Sym,
}

/// True when two first names can be the same person's: equal, an initial of the other, or the
/// first part of a double name ("Eva" and "Eva-Maria").
pub fn given_compatible(a: &str, b: &str) -> bool {
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    let part = |x: &str, y: &str| y.strip_prefix(x).is_some_and(|r| r.starts_with('-'));
    a == b || initial(a, b) || initial(b, a) || part(a, b) || part(b, a)
}

/// A name mention analysed (nothing of it allocated: its base form is kept in the caller's
/// text of base forms).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Name {
    /// The base form as written, where `analyse` put it in `bases`: "Vereinte Nationen",
    /// "Khalifa Haftar", "Libyen".
    pub base: Span,
    /// The base folded: the name's key.
    pub key: Sym,
    /// Folded lookup forms, most telling first: the surface as written, the key, stems of
    /// uncertain endings, the loose key (for a person with a first name, only the surface and
    /// key: linking looks up no other form of such a name).
    pub variants: Variants,
    /// Number of words in the base form.
    pub words: usize,
    pub acronym: bool,
    pub person: Option<Person>,
}

/// The most lookup forms a name has: the surface, the words as written, the key, three stems
/// (or a person's genitive stem) and the loose key.
const VARIANTS: usize = 7;

/// A name's lookup forms, each once, without allocating.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Variants {
    list: [Sym; VARIANTS],
    len: usize,
}

impl Variants {
    fn new(first: Sym) -> Variants {
        Variants {
            list: [first; VARIANTS],
            len: 1,
        }
    }

    fn push(&mut self, s: Sym) {
        self.list[self.len] = s;
        self.len += 1;
    }

    /// Puts `s` second, after the first form.
    fn insert_second(&mut self, s: Sym) {
        self.list.copy_within(1..self.len, 2);
        self.list[1] = s;
        self.len += 1;
    }

    /// Keeps the first of forms that repeat, in order.
    fn dedup(&mut self) {
        let mut kept = 0;
        for i in 0..self.len {
            let s = self.list[i];
            if !self.list[..kept].contains(&s) {
                self.list[kept] = s;
                kept += 1;
            }
        }
        self.len = kept;
    }
}

impl std::ops::Deref for Variants {
    type Target = [Sym];

    fn deref(&self) -> &[Sym] {
        &self.list[..self.len]
    }
}

/// A word of a base form: a word as written (`tail` empty), or a stem and the ending put on it.
#[derive(Clone, Copy)]
struct Piece<'a> {
    head: &'a str,
    tail: &'a str,
}

impl<'a> Piece<'a> {
    fn word(word: &'a str) -> Piece<'a> {
        Piece {
            head: word,
            tail: "",
        }
    }
}

/// Buffers `analyse` reuses from one name to the next (the words are slices of the text).
#[derive(Default)]
pub struct Scratch<'t> {
    words: Vec<&'t str>,
    pieces: Vec<Piece<'t>>,
    /// Where the base's words end, in `bases`.
    ends: Vec<usize>,
}

/// Particles that begin a surname ("von der Leyen", "de Gaulle", "bin Salman").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "di", "da", "du", "del", "della", "la", "le", "bin", "ibn",
    "al", "el", "ter", "zu", "vom", "y", "dos", "v.", "v",
];

/// The longest of `PARTICLES`, in bytes. A longer word is none: the particles are ASCII and
/// have no "k", and only the Kelvin sign lower-cases to fewer bytes (to "k").
const PARTICLE_BYTES: usize = 5;

/// Articles a name may be given with ("die Linke", "The Guardian").
const ARTICLES: &[&str] = &["der", "die", "das", "den", "dem", "des", "the"];

/// Analyses a name mention's text, given with its folded form; its folded forms get numbers
/// in `symbols`, and its base form is appended to `bases`.
#[allow(clippy::too_many_arguments)]
pub fn analyse<'t>(
    surface: &'t str,
    folded: Sym,
    kind: Kind,
    ctx: &dyn Surroundings,
    attested: &Attested,
    symbols: &mut Symbols,
    scratch: &mut Scratch<'t>,
    bases: &mut String,
) -> Name {
    let Scratch {
        words,
        pieces,
        ends,
    } = scratch;
    words.clear();
    if surface.is_ascii() && !surface.as_bytes().contains(&b'\x0b') {
        // White space as `split_whitespace` has it, found without decoding characters (of
        // ASCII white space, only the vertical tab is not `u8::is_ascii_whitespace`).
        words.extend(surface.split_ascii_whitespace());
    } else {
        words.extend(surface.split_whitespace());
    }
    let (count, last_len) = (words.len(), words.last().map_or(0, |w| w.len()));
    // Only a word of three ASCII letters can be an article in any case (no other character
    // has one of their letters as its lower case).
    while words.len() > 1 && words[0].len() == 3 && lowercase_among(words[0], ARTICLES).is_some() {
        words.remove(0);
    }
    if kind == Kind::Per {
        // Honorifics and roles the recognizer took into the name: "Dr.", "Reichskanzler" (an
        // honorific is a person's role).
        while words.len() > 1
            && role(words[0], ctx.german(), true).is_some_and(|r| r.class == Class::Person)
        {
            words.remove(0);
        }
    }
    if let Some(last) = words.last_mut() {
        *last = strip_possessive(last);
    }
    let mut variants = Variants::new(folded);
    // The words as written without what came off, folded (when something did).
    let mut written = None;
    if words.len() != count || words.last().map_or(0, |w| w.len()) != last_len {
        let s = symbols.fold_joined(words.iter().copied());
        variants.push(s);
        written = Some(s);
    }

    pieces.clear();
    let person = if kind == Kind::Per {
        Some(person_base(words, ctx, attested, symbols, pieces))
    } else {
        if let [word] = words[..] {
            // The word folded is at hand when it is the surface or the words as written.
            let word_folded = if word.len() == surface.len() {
                Some(folded)
            } else {
                written
            };
            pieces.push(single_base(
                word,
                word_folded,
                ctx,
                attested,
                symbols,
                &mut variants,
            ));
        } else if ctx.german() {
            german_phrase_base(words, ctx, attested, symbols, pieces);
        } else {
            pieces.extend(words.iter().map(|w| Piece::word(w)));
        }
        None
    };
    let base_words = pieces;
    // A person's name with a first name is looked up by its surface and key alone: the other
    // forms serve a surname met alone (or after a particle) and are not made for it.
    let weaker_forms = person.is_none_or(|p| p.first.is_none());
    if kind == Kind::Per
        && weaker_forms
        && let Some((last, rest)) = words.split_last()
        && let Some(stem) = genitive_candidate(last, ctx)
    {
        variants.push(symbols.fold_joined(rest.iter().copied().chain([stem])));
    }
    let start = bases.len();
    ends.clear();
    for (i, piece) in base_words.iter().enumerate() {
        if i > 0 {
            bases.push(' ');
        }
        bases.push_str(piece.head);
        bases.push_str(piece.tail);
        ends.push(bases.len());
    }
    let base = &bases[start..];
    // The key is folded already when the base is the surface or the words as written.
    let as_written = base_words.len() == words.len()
        && base_words
            .iter()
            .zip(words.iter())
            .all(|(piece, word)| piece.tail.is_empty() && piece.head == *word);
    let key = match written {
        Some(written) if as_written => written,
        _ if base == surface => folded,
        _ => symbols.fold(base),
    };
    if base_words.len() > 1 && weaker_forms {
        // The base's words are the pieces, one space apart.
        let starts = std::iter::once(start).chain(ends.iter().map(|end| end + 1));
        let base_words = starts
            .zip(ends.iter())
            .map(|(start, &end)| &bases[start..end]);
        variants.push(symbols.loose_key(base_words, ends.len()));
    }
    variants.insert_second(key);
    variants.dedup();
    Name {
        acronym: words.len() == 1 && is_acronym(words[0]),
        words: base_words.len(),
        base: Span::new(start, bases.len()),
        key,
        variants,
        person,
    }
}

/// The key under which inflected variants of a multi-word name meet: declined adjectives
/// reduced to their stem, a final genitive -s or -es removed, all folded ("Vereinten Nationen"
/// and "Vereinte Nationen" → "vereint nationen"; "Europäischen Parlaments" and "Europäisches
/// Parlament" → "europäisch parlament").
pub fn loose_key(words: &[&str]) -> String {
    let mut key = String::new();
    loose_key_into(words.iter().copied(), words.len(), &mut key);
    key
}

/// `loose_key` of `count` words, appended to `key`.
fn loose_key_into<'w>(words: impl Iterator<Item = &'w str>, count: usize, key: &mut String) {
    let last = count.saturating_sub(1);
    for (i, w) in words.enumerate() {
        if i > 0 {
            key.push(' ');
        }
        let start = key.len();
        if i < last {
            fold_into(declined_adjective(w).map_or(w, |(stem, _)| stem), key);
        } else if let Some(number) = (i > 0).then(|| number_value(w)).flatten() {
            // Writing to a String cannot fail.
            let _ = write!(key, "{number}");
        } else {
            fold_into(w, key);
            if let Some(stem) = genitive_stem(&key[start..]).map(str::len) {
                key.truncate(start + stem);
            }
        }
    }
}

/// The number a name's last word gives in Roman numerals or as a Japanese ordinal, so that
/// "Fukushima I", "Fukushima 1" and "Fukushima Daiichi" meet in the loose key (Japanese plants,
/// banks and companies are numbered "Dai-ichi", "Dai-ni"…: first, second).
fn number_value(word: &str) -> Option<u32> {
    const JAPANESE: [[&str; 2]; 4] = [
        ["daiichi", "dai-ichi"],
        ["daini", "dai-ni"],
        ["daisan", "dai-san"],
        ["daiyon", "dai-yon"],
    ];
    let word = word.trim_end_matches('.');
    // Roman numbers here begin with "I", "V" or "X", the Japanese ordinals with "dai".
    if !matches!(word.bytes().next(), Some(b'I' | b'V' | b'X' | b'd' | b'D')) {
        return None;
    }
    roman_value(word).or_else(|| {
        JAPANESE
            .iter()
            .position(|forms| forms.iter().any(|f| f.eq_ignore_ascii_case(word)))
            .map(|n| n as u32 + 1)
    })
}

/// A German masculine or neuter noun without its genitive ending: "-es" after a consonant,
/// "-s" otherwise ("bundestages" → "bundestag", "instituts" → "institut", "komitees" →
/// "komitee").
fn genitive_stem(noun: &str) -> Option<&str> {
    if let Some(stem) = noun.strip_suffix("es")
        && stem.chars().count() >= 3
        && stem
            .chars()
            .last()
            .is_some_and(|c| !"aeiouäöüy".contains(c))
        && !stem.ends_with(['s', 'x', 'z'])
    {
        return Some(stem);
    }
    noun.strip_suffix('s').filter(|s| takes_genitive_s(s))
}

/// The stem a person's last name may have when it ends in a genitive -s (German only).
fn genitive_candidate<'w>(word: &'w str, ctx: &dyn Surroundings) -> Option<&'w str> {
    if !ctx.german() {
        return None;
    }
    word.strip_suffix('s').filter(|s| takes_genitive_s(s))
}

/// The base words of a person's name and its parts: a final genitive -s comes off when the
/// bare name occurs in the document or the name stands before a noun.
fn person_base<'w>(
    words: &[&'w str],
    ctx: &dyn Surroundings,
    attested: &Attested,
    symbols: &mut Symbols,
    base: &mut Vec<Piece<'w>>,
) -> Person {
    base.extend(words.iter().map(|w| Piece::word(w)));
    if let [_, .., last] = words
        && is_roman_number(last.trim_end_matches('.'))
    {
        // A regnal name ("Elizabeth II", "Ludwig XIV."): the number is no surname, and the
        // name is met only whole.
        return Person {
            first: None,
            surname: symbols.fold_joined(words.iter().copied()),
        };
    }
    if let Some(last) = words.last()
        && let Some(stem) = genitive_candidate(last, ctx)
        && (symbols.folded(stem).is_some_and(|s| attested.contains(s)) || ctx.before_noun())
    {
        *base.last_mut().expect("a name has a word") = Piece::word(stem);
    }
    // The surname is the last word; particles ("von der", "v.") are left out of the keys, so
    // that "v. Hindenburg" and "Hindenburg" meet.
    let given_end = base
        .iter()
        .position(|w| {
            w.head.len() <= PARTICLE_BYTES && lowercase_among(w.head, PARTICLES).is_some()
        })
        .unwrap_or(base.len().saturating_sub(1));
    Person {
        first: base[..given_end]
            .first()
            .map(|w| symbols.fold(w.head.trim_end_matches('.'))),
        surname: match base.last() {
            Some(w) => symbols.fold(w.head),
            None => symbols.intern(""),
        },
    }
}

/// Compass prefixes of German place names ("Ostlibyen", "Norddeutschland").
pub const COMPASS: &[&str] = &[
    "Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West", "Mittel", "Zentral",
];

/// Whether a folded name is known as it is: in the document (as a whole name), the lexicons or
/// the gazetteer.
fn known(folded: Sym, attested: &Attested, symbols: &Symbols) -> bool {
    let k = knowledge();
    attested.contains(folded)
        || k.name(symbols.str(folded)).is_some()
        || k.place(symbols.str(folded)).is_some()
}

/// `known` for a text not yet folded.
fn known_text(text: &str, attested: &Attested, symbols: &mut Symbols) -> bool {
    if symbols.folded(text).is_some_and(|s| attested.contains(s)) {
        return true;
    }
    let folded = symbols.fold_str(text);
    let k = knowledge();
    k.name(folded).is_some() || k.place(folded).is_some()
}

/// The base form of a one-word non-person name (`folded`: the word folded, if at hand), adding
/// the stems it was weighed against to the lookup variants. German genitives and dative plurals
/// come off when the stem is known (in the document, the lexicons, or after a compass prefix:
/// "Ostlibyens" → "Ostlibyen") or the word stands in genitive position.
fn single_base<'w>(
    word: &'w str,
    folded: Option<Sym>,
    ctx: &dyn Surroundings,
    attested: &Attested,
    symbols: &mut Symbols,
    variants: &mut Variants,
) -> Piece<'w> {
    if !ctx.german() {
        return Piece::word(word);
    }
    let stems = german_stems(word);
    let first_stem = variants.len();
    for stem in stems.iter() {
        variants.push(symbols.fold(stem));
    }
    let k = knowledge();
    let folded = match folded {
        Some(folded) => symbols.str(folded),
        None => symbols.fold_str(word),
    };
    if k.name(folded).is_some() || k.place(folded).is_some() {
        return Piece::word(word);
    }
    for (i, stem) in stems.iter().enumerate() {
        if known(variants[first_stem + i], attested, symbols) {
            return Piece::word(stem);
        }
    }
    for prefix in COMPASS {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().next().is_some_and(char::is_lowercase)
        {
            for &stem in german_stems(rest).iter() {
                if known_text(&capitalise(stem), attested, symbols) {
                    return Piece {
                        head: prefix,
                        tail: stem,
                    };
                }
            }
        }
    }
    // The text around is asked last, only about a word that may be a genitive.
    if let Some(stem) = word.strip_suffix('s').filter(|s| takes_genitive_s(s))
        && !is_acronym(word)
        && (ctx.before_noun() || matches!(ctx.determiner(), Some("des" | "eines")))
    {
        return Piece::word(stem);
    }
    Piece::word(word)
}

pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Grammatical gender (or plural) of a German head noun, guessed from its ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Plural,
}

fn guess_gender(noun: &str) -> Gender {
    const FEMININE: &[&str] = &[
        "ung",
        "ion",
        "tät",
        "schaft",
        "heit",
        "keit",
        "ei",
        "ie",
        "ik",
        "ur",
        "anz",
        "enz",
        "in",
        "bank",
        "bahn",
        "partei",
        "union",
        "liga",
        "armee",
        "kammer",
        "agentur",
        "behörde",
        "gruppe",
        "organisation",
        "initiative",
        "bewegung",
        "allianz",
        "front",
        "stiftung",
        "versammlung",
        "kommission",
        "regierung",
        "akademie",
        "universität",
        "hochschule",
        "klinik",
        "zeitung",
        "post",
        "polizei",
        "marine",
        "luftwaffe",
    ];
    const NEUTER: &[&str] = &[
        "ment",
        "um",
        "chen",
        "lein",
        "tum",
        "institut",
        "amt",
        "gericht",
        "werk",
        "haus",
        "komitee",
        "zentrum",
        "ministerium",
        "parlament",
        "programm",
        "bündnis",
        "netzwerk",
        "kollegium",
        "forum",
        "museum",
        "theater",
        "gremium",
        "blatt",
        "meer",
        "gebirge",
        "reich",
        "tal",
        "land",
        "büro",
        "kabinett",
        "kommando",
        "konsortium",
    ];
    with_lowercase(noun, |lower| {
        let lower = lower.trim_end_matches('-');
        if lower.ends_with("en") && !lower.ends_with("zentren") {
            // "Nationen", "Staaten", "Finnen": plural (few masculine singular heads end so).
            return Gender::Plural;
        }
        if ends_with_any(lower, NEUTER) {
            Gender::Neuter
        } else if ends_with_any(lower, FEMININE) {
            Gender::Feminine
        } else {
            Gender::Masculine
        }
    })
}

/// The base form of a German multi-word name: the head noun's genitive ending removed after
/// "des"; declined adjectives before it given the strong nominative ending that the article,
/// the case and the head's gender call for ("der Vereinten Nationen" → "Vereinte Nationen",
/// "vom Deutschen Hospiz- und Palliativ-Verband" → "Deutscher Hospiz- und Palliativ-Verband").
/// Words after the head ("der deutschen Wirtschaft") stay as written.
fn german_phrase_base<'w>(
    words: &[&'w str],
    ctx: &dyn Surroundings,
    attested: &Attested,
    symbols: &mut Symbols,
    out: &mut Vec<Piece<'w>>,
) {
    let last = words.len() - 1;
    out.extend(words.iter().map(|w| Piece::word(w)));
    // The head is the first word that is no declined adjective before a capitalised word; the
    // adjectives before it are kept as found, stem and ending (the ending is replaced below).
    let mut head = last;
    for i in 0..last {
        match declined_adjective(words[i]) {
            Some((stem, ending)) if words[i + 1].chars().next().is_some_and(char::is_uppercase) => {
                out[i] = Piece {
                    head: stem,
                    tail: ending,
                };
            }
            _ => {
                head = i;
                break;
            }
        }
    }
    if words[head].ends_with('-')
        && head + 2 <= last
        && matches!(words[head + 1], "und" | "oder" | "bzw.")
    {
        head += 2;
    }

    // The head noun in the genitive: the determiner is asked only of a head shaped like one.
    let folded = symbols.fold_str(words[head]);
    if let Some(stem_len) = genitive_stem(folded).map(str::len)
        && matches!(ctx.determiner(), Some("des" | "eines"))
    {
        let candidate = &words[head][..stem_len];
        let k = knowledge();
        let known_as_written = k.name(folded).is_some() || k.place(folded).is_some();
        let mut known_stem = || {
            let mut whole = words.to_vec();
            whole[head] = candidate;
            known_text(&whole.join(" "), attested, symbols)
        };
        if !known_as_written || known_stem() {
            out[head] = Piece::word(candidate);
        }
    }

    // Adjectives before the head (a piece with an ending; the words of "Hospiz- und" have
    // none), the head's gender guessed only when an ending calls for it.
    let noun = out[head].head;
    let mut gender = None;
    for piece in out.iter_mut().take(head) {
        if piece.tail.is_empty() {
            continue;
        }
        let guess = || *gender.get_or_insert_with(|| guess_gender(noun));
        piece.tail = strong_ending(piece.tail, ctx.determiner(), guess);
    }
}

/// The strong nominative ending of an adjective found with `ending` after `determiner`, before a
/// head of the gender `gender` gives (asked only where the ending depends on it).
fn strong_ending(
    ending: &str,
    determiner: Option<&str>,
    mut gender: impl FnMut() -> Gender,
) -> &'static str {
    let by_gender = |gender| match gender {
        Gender::Feminine | Gender::Plural => "e",
        Gender::Neuter => "es",
        Gender::Masculine => "er",
    };
    match (ending, determiner) {
        // Weak nominative singular after the definite article.
        ("e", Some("der")) => "er",
        ("e", Some("das")) => "es",
        ("e", _) => "e",
        ("er", _) => "er",
        ("es", _) => "es",
        // Feminine dative or genitive, genitive plural, plural after "die".
        ("en", Some("der" | "zur" | "die" | "einer")) => "e",
        ("en", Some("den")) if gender() == Gender::Plural => "e",
        ("en", Some("den" | "einen")) => "er",
        _ => by_gender(gender()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::morph::fold;
    use super::*;

    /// The text around a name, given.
    #[derive(Clone, Copy, Debug, Default)]
    struct Context {
        german: bool,
        determiner: Option<&'static str>,
        before_noun: bool,
    }

    impl Surroundings for Context {
        fn german(&self) -> bool {
            self.german
        }

        fn determiner(&self) -> Option<&str> {
            self.determiner
        }

        fn before_noun(&self) -> bool {
            self.before_noun
        }
    }

    fn de(determiner: Option<&'static str>) -> Context {
        Context {
            german: true,
            determiner,
            before_noun: false,
        }
    }

    fn base(surface: &str, kind: Kind, ctx: Context) -> String {
        let mut symbols = Symbols::default();
        let folded = symbols.fold(surface);
        let mut bases = String::new();
        let name = analyse(
            surface,
            folded,
            kind,
            &ctx,
            &Attested::default(),
            &mut symbols,
            &mut Scratch::default(),
            &mut bases,
        );
        bases[name.base.range()].to_string()
    }

    #[test]
    fn particle_bytes_is_the_longest_particle() {
        assert_eq!(
            PARTICLES.iter().map(|p| p.len()).max(),
            Some(PARTICLE_BYTES)
        );
        assert!(PARTICLES.iter().all(|p| p.is_ascii() && !p.contains('k')));
    }

    #[test]
    fn declined_adjectives_in_names_return_to_the_nominative() {
        let org = Kind::Org;
        assert_eq!(
            base("Vereinten Nationen", org, de(Some("der"))),
            "Vereinte Nationen"
        );
        assert_eq!(
            base("Vereinten Nationen", org, de(Some("den"))),
            "Vereinte Nationen"
        );
        assert_eq!(
            base("Vereinigten Staaten", Kind::Loc, de(None)),
            "Vereinigte Staaten"
        );
        assert_eq!(
            base("Europäischen Union", org, de(Some("der"))),
            "Europäische Union"
        );
        assert_eq!(
            base("Nationalen Koalition", org, de(Some("der"))),
            "Nationale Koalition"
        );
        assert_eq!(
            base("Deutschen Bundestag", org, de(Some("dem"))),
            "Deutscher Bundestag"
        );
        assert_eq!(
            base("Deutschen Bundestag", org, de(Some("den"))),
            "Deutscher Bundestag"
        );
        assert_eq!(
            base("Europäischen Parlament", org, de(Some("im"))),
            "Europäisches Parlament"
        );
        assert_eq!(
            base("Europäische Parlament", org, de(Some("das"))),
            "Europäisches Parlament"
        );
        assert_eq!(
            base("Rote Armee Fraktion", org, de(Some("die"))),
            "Rote Armee Fraktion"
        );
        assert_eq!(
            base(
                "Deutschen Hospiz- und Palliativ-Verband",
                org,
                de(Some("vom"))
            ),
            "Deutscher Hospiz- und Palliativ-Verband"
        );
        assert_eq!(
            base(
                "Deutschen Gesellschaft für Humanes Sterben",
                org,
                de(Some("der"))
            ),
            "Deutsche Gesellschaft für Humanes Sterben"
        );
        assert_eq!(
            base("Alternative für Deutschland", org, de(None)),
            "Alternative für Deutschland"
        );
        assert_eq!(base("Wahren Finnen", org, de(Some("die"))), "Wahre Finnen");
    }

    #[test]
    fn german_genitives_come_off_the_head() {
        let org = Kind::Org;
        assert_eq!(
            base("Instituts der deutschen Wirtschaft", org, de(Some("des"))),
            "Institut der deutschen Wirtschaft"
        );
        assert_eq!(
            base("Deutschen Bundestages", org, de(Some("des"))),
            "Deutscher Bundestag"
        );
        assert_eq!(
            base("Libyens", Kind::Loc, de(None)),
            "Libyen",
            "a known country"
        );
        assert_eq!(
            base("Moskaus", Kind::Loc, de(None)),
            "Moskau",
            "a known city"
        );
        assert_eq!(
            base("Ostlibyens", Kind::Loc, de(None)),
            "Ostlibyen",
            "compass + country"
        );
        assert_eq!(base("Niederlanden", Kind::Loc, de(None)), "Niederlande");
        assert_eq!(base("Paris", Kind::Loc, de(None)), "Paris");
        assert_eq!(base("Texas", Kind::Loc, de(Some("des"))), "Texas");
        let before_noun = Context {
            before_noun: true,
            ..de(None)
        };
        assert_eq!(base("Quellingens", Kind::Loc, before_noun), "Quellingen");
        assert_eq!(
            base("Jens", Kind::Loc, de(None)),
            "Jens",
            "unknown, not in genitive position"
        );
    }

    #[test]
    fn persons_lose_honorifics_possessives_and_known_genitives() {
        let mut symbols = Symbols::default();
        let mut attested = Attested::default();
        attested.add("Khalifa Haftar", &mut symbols);
        let mut analyse = |surface, ctx: &Context| {
            let folded = symbols.fold(surface);
            let mut scratch = Scratch::default();
            let mut bases = String::new();
            let name = analyse(
                surface,
                folded,
                Kind::Per,
                ctx,
                &attested,
                &mut symbols,
                &mut scratch,
                &mut bases,
            );
            let person = name.person.map(|p| {
                let first = p.first.map(|g| symbols.str(g).to_string());
                (first, symbols.str(p.surname).to_string())
            });
            (bases[name.base.range()].to_string(), person)
        };
        let person = |first: Option<&str>, surname: &str| {
            Some((first.map(str::to_string), surname.to_string()))
        };
        let (base, haftar) = analyse("Haftars", &de(None));
        assert_eq!(&*base, "Haftar");
        assert_eq!(haftar.unwrap().1, "haftar");
        let (base, bonk) = analyse("Prof. Ulrich Bonk", &de(None));
        assert_eq!(&*base, "Ulrich Bonk");
        assert_eq!(bonk, person(Some("ulrich"), "bonk"));
        let en = Context::default();
        assert_eq!(&*analyse("Putin's", &en).0, "Putin");
        assert_eq!(&*analyse("Jens", &de(None)).0, "Jens");
        let (_, leyen) = analyse("Ursula von der Leyen", &de(None));
        assert_eq!(leyen, person(Some("ursula"), "leyen"));
        let (title, _) = analyse("Reichskanzler Adolf Hitler", &de(None));
        assert_eq!(&*title, "Adolf Hitler");
        assert_eq!(&*analyse("President Joe Biden", &en).0, "Joe Biden");
        let (_, initials) = analyse("W. Putin", &en);
        assert_eq!(initials.unwrap().0.as_deref(), Some("w"));
    }

    #[test]
    fn symbols_number_each_form_once() {
        let mut symbols = Symbols::default();
        let putin = symbols.intern("wladimir putin");
        assert_eq!(symbols.fold("Wladimir  Putin"), putin);
        assert_eq!(symbols.get("wladimir putin"), Some(putin));
        assert_eq!(symbols.get("putin"), None);
        let surname = symbols.part(putin, 9..14);
        assert_ne!(surname, putin);
        assert_eq!(symbols.str(surname), "putin");
        assert_eq!(symbols.str(putin), "wladimir putin");
        assert_eq!(symbols.folded("PUTIN"), Some(surname));
    }

    #[test]
    fn given_names_are_compatible_with_initials_and_double_names() {
        assert!(given_compatible("w", "wladimir"));
        assert!(given_compatible("eva", "eva-maria"));
        assert!(!given_compatible("hillary", "bill"));
    }

    #[test]
    fn variants_include_surface_key_and_loose_key() {
        let mut symbols = Symbols::default();
        let folded = symbols.fold("Vereinten Nationen");
        let name = analyse(
            "Vereinten Nationen",
            folded,
            Kind::Org,
            &de(Some("der")),
            &Attested::default(),
            &mut symbols,
            &mut Scratch::default(),
            &mut String::new(),
        );
        assert_eq!(symbols.str(name.key), "vereinte nationen");
        let variants: Vec<&str> = name.variants.iter().map(|&v| symbols.str(v)).collect();
        assert!(variants.contains(&"vereinten nationen"));
        assert!(variants.contains(&"vereint nationen"));
        let folded = symbols.fold("UNO");
        let uno = analyse(
            "UNO",
            folded,
            Kind::Org,
            &de(None),
            &Attested::default(),
            &mut symbols,
            &mut Scratch::default(),
            &mut String::new(),
        );
        assert!(uno.acronym);
    }

    #[test]
    fn numbered_names_meet_in_the_loose_key() {
        let key = |words: &[&str]| loose_key(words);
        assert_eq!(key(&["Fukushima", "Daiichi"]), "fukushima 1");
        assert_eq!(key(&["Fukushima", "I"]), "fukushima 1");
        assert_eq!(key(&["Fukushima", "Dai-ni"]), "fukushima 2");
        assert_eq!(key(&["JARPA", "II"]), "jarpa 2");
        assert_eq!(key(&["Ludwig", "XIV."]), "ludwig 14");
        // Only a name's last word after others is a number.
        assert_eq!(key(&["Daiichi"]), "daiichi");
        assert_eq!(key(&["II", "Armee"]), "ii armee");
    }

    /// `loose_key` as it was: its parts collected, then joined.
    fn loose_key_joined(words: &[&str]) -> String {
        let last = words.len().saturating_sub(1);
        let parts: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i < last {
                    fold(declined_adjective(w).map_or(w, |(stem, _)| stem))
                } else if let Some(number) = number_value(w).filter(|_| i > 0) {
                    number.to_string()
                } else {
                    let folded = fold(w);
                    genitive_stem(&folded).unwrap_or(&folded).to_string()
                }
            })
            .collect();
        parts.join(" ")
    }

    proptest::proptest! {
        #[test]
        fn loose_key_is_the_parts_joined(
            words in proptest::collection::vec("[A-Za-zäÜ]{1,6}(en|es|er|e|s|)", 0..4),
        ) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(loose_key(&refs), loose_key_joined(&refs));
        }
    }
}

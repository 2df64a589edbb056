//! Mentions the recognizer left out, found from what the document and the lexicons already
//! say (origin rule or lexicon):
//! - a name it marked elsewhere in the text, at another place where it stands unmarked (one
//!   sense per discourse: "Haftar" is the same name in every paragraph). Only names that look
//!   like names beyond one tag: several words, an acronym, a lexicon or gazetteer name, the
//!   surname of a full name (also with a genitive -s), or marked at least twice;
//! - a well-known name from the lexicons (countries, regions, organisations' names and
//!   acronyms: "Kreml", "UNO", "Russland"), also at the start of a compound as a part
//!   ("Kremlsprecher", "US-Sanktionen");
//! - a country adjective or demonym ("Japanese", "russischen", "Russen") as a derived form of
//!   its country, which the English model never marks (its training data has no such class),
//!   and a German place adjective of a place the document names ("Sächsischer").

use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::OnceCell;
use std::ops::Range;

use super::derived::{country_of, document_place};
use super::knowledge::{Entry, WORD_HASH_START, knowledge, place_chars, word_hash, word_hash_byte};
use super::morph::{fold, fold_into, is_acronym, is_german_adjective, strip_adjective_ending};
use super::names::BUFFER_BYTES;
use super::numbered::is_roman_number;
use super::roles::role;
use super::tokens::Tokens;
use crate::document::{Document, Form, Kind, Lang, Mention, Origin, Span};

/// A longer name to look for: its words as the tokenizer writes them (a range of
/// `Candidates::words`), its kind, and the next name with the same first two words.
struct Candidate {
    words: Range<usize>,
    kind: Kind,
    next: Option<usize>,
}

/// What the document's names say of a word they may begin with: the one-word name (if that
/// word is one) and whether longer names begin with it.
#[derive(Clone, Copy, Default)]
struct FirstWord {
    single: Option<Kind>,
    longer: bool,
}

/// The names to look for: by their first word (a surname with a genitive -s is no word of the
/// text; all other words are the text's own), and the longer ones by their first two words.
/// Only the names whose second word follows can match, so a first name that begins many names
/// ("Wladimir") costs one lookup. The longer names with the same first two words are chained
/// in one vector of all names, as are their words: no vector per name or pair of words.
struct Candidates<'a> {
    /// A first word → its place in `firsts` (the words are the text's own, or a surname's
    /// genitive in the buffer `candidates` is given).
    first: FxHashMap<&'a str, usize>,
    firsts: Vec<FirstWord>,
    /// The first of the chain of longer names with these first two words.
    longer: FxHashMap<(&'a str, &'a str), usize>,
    names: Vec<Candidate>,
    words: Vec<&'a str>,
}

impl<'a> Candidates<'a> {
    /// What the names say of a word they may begin with (None: they begin with other words).
    fn first_word(&self, word: &str) -> Option<FirstWord> {
        self.first.get(word).map(|&i| self.firsts[i])
    }

    /// The entry of a word in `firsts`, added (empty) when the word has none yet.
    fn first_word_mut(&mut self, word: &'a str) -> &mut FirstWord {
        let next = self.firsts.len();
        let i = *self.first.entry(word).or_insert(next);
        if i == next {
            self.firsts.push(FirstWord::default());
        }
        &mut self.firsts[i]
    }

    /// The chain of longer names from `names[first]` on.
    fn chain(&self, first: usize) -> impl Iterator<Item = &Candidate> {
        std::iter::successors(Some(&self.names[first]), |c| Some(&self.names[c.next?]))
    }

    /// The name that stands at token `t`, whose text is a first word with these names: the
    /// longest (two names of the same length that both stand there have the same words, and
    /// names with the same words are kept once).
    fn find_at(&self, first: FirstWord, tokens: &Tokens, t: usize) -> Option<(usize, Kind)> {
        let next = t + 1;
        let longer = (first.longer
            && next < tokens.list.len()
            && tokens.joined(t)
            && tokens.spaced(next)
            && !tokens.list[next].is_mention())
        .then(|| self.longer.get(&(tokens.text(t), tokens.text(next))))
        .flatten()
        .and_then(|&chain| {
            self.chain(chain)
                .filter(|c| matches_at(tokens, t, &self.words[c.words.clone()]))
                .max_by_key(|c| c.words.len())
        })
        .map(|c| (c.words.len(), c.kind));
        longer.or_else(|| {
            let kind = first.single?;
            matches_at(tokens, t, &[tokens.text(t)]).then_some((1, kind))
        })
    }
}

/// New mentions, sorted, over words no mention covers.
pub fn find(doc: &Document, tokens: &Tokens) -> Vec<Mention> {
    let mut genitives = String::new();
    let candidates = candidates(doc, &mut genitives);
    let names = DocumentNames::new(&candidates);
    // Needed only for words in -isch, which most texts have few of.
    let places = OnceCell::new();
    let german = !matches!(doc.lang, Lang::En);
    let n = tokens.list.len();
    // What may begin at a word — a name of the document or the lexicons, or the word alone a
    // part or a derived form — depends on the word alone: worked out once per distinct word,
    // as a long text repeats its words (the facts of a word are kept at its place in `facts`).
    // A text has far fewer distinct capitalised words than tokens (the 10 MB bench text: 5,600
    // of 500,000), so the map starts small and grows with them (`DISTINCT_WORDS`).
    let mut by_word: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(super::DISTINCT_WORDS.min(n), Default::default());
    let mut facts: Vec<WordFacts> = Vec::with_capacity(super::DISTINCT_WORDS.min(n));
    let mut out = Vec::new();
    let mut t = 0;
    while t < n {
        if !tokens.is_word(t) {
            t += 1;
            continue;
        }
        let bytes = tokens.bytes(t);
        let capitalised = match bytes.first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => is_capitalised(tokens.text(t)),
        };
        if !(capitalised || german && ends_in_sch(bytes)) {
            // Most words: nothing begins there, told by a look at their bytes. A name begins
            // with a capital; a German adjective of a country or place ends in -sch and an
            // ending.
            t += 1;
            continue;
        }
        let text = tokens.text(t);
        let next = facts.len();
        let i = *by_word.entry(text).or_insert(next);
        if i == next {
            facts.push(word_facts(
                text,
                capitalised,
                doc,
                &candidates,
                &names,
                &places,
            ));
        }
        let facts = facts[i];
        let mention = |last: usize, kind, form, origin| Mention {
            span: Span::new(tokens.start(t), tokens.end(last)),
            kind,
            form,
            actor: None,
            origin,
        };
        if let Some(first) = facts.names
            && let Some((words, kind)) = candidates.find_at(first, tokens, t)
        {
            let last = t + words - 1;
            out.push(mention(last, kind, Form::Name, Origin::Rule));
            t = last + 1;
            continue;
        }
        if let Some((words, entry)) = facts
            .markable
            .iter()
            .find(|(words, _)| matches_at(tokens, t, words) && !first_name(tokens, t, words))
        {
            let last = t + words.len() - 1;
            out.push(mention(last, entry.kind(), Form::Name, Origin::Lexicon));
            t = last + 1;
            continue;
        }
        if let Some((kind, form)) = facts.alone {
            out.push(mention(t, kind, form, Origin::Lexicon));
        }
        t += 1;
    }
    out
}

/// The `WordFacts` of a word that is capitalised (or, in German, ends in "sch" and an
/// ending): asked once per distinct word, out of the loop over the tokens, whose code stays
/// small.
#[inline(never)]
fn word_facts<'d>(
    text: &str,
    capitalised: bool,
    doc: &'d Document,
    candidates: &Candidates,
    names: &DocumentNames,
    places: &OnceCell<Places<'d>>,
) -> WordFacts {
    let german = !matches!(doc.lang, Lang::En);
    let alone = if let Some(kind) = part_of(text, capitalised, german, names) {
        Some((kind, Form::Part))
    } else if is_country_adjective(text, capitalised, german)
        || is_place_adjective(text, doc, places)
    {
        Some((Kind::Loc, Form::Derived))
    } else {
        None
    };
    // The document's names and the lexicon's begin with a capital: a word in lower case
    // (a German adjective in -sch) begins none of them, told without a look-up.
    if !capitalised {
        return WordFacts {
            names: None,
            markable: &[],
            alone,
        };
    }
    WordFacts {
        names: candidates.first_word(text),
        markable: knowledge().markable_by_hash(word_hash(text), text),
        alone,
    }
}

/// Whether a word begins with a capital letter, told by its first byte when that is ASCII.
fn is_capitalised(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether a word ends in "sch", also before one or two more bytes: as a German adjective in
/// -sch does with or without its ending ("russisch", "russische", "russischen"), which
/// `strip_adjective_ending` takes off. Three looks at the end of the word, not a search.
fn ends_in_sch(bytes: &[u8]) -> bool {
    (0..=2).any(|k| {
        matches!(
            bytes[..bytes.len().saturating_sub(k)],
            [.., b's', b'c', b'h']
        )
    })
}

/// What may begin at a word that is capitalised (or, in German, ends in "sch" and an ending):
/// the document's names and the lexicon names that begin with it, and what it is alone.
#[derive(Clone, Copy)]
struct WordFacts {
    names: Option<FirstWord>,
    markable: &'static [(Vec<&'static str>, Entry)],
    alone: Option<(Kind, Form)>,
}

/// The kind of the name a compound word begins with, when that is a lexicon name or a
/// one-word name of the document: "Kremlsprecher", "Bundestagsabgeordnete", "Wagner-Söldner",
/// "US-Sanktionen". The rest must be a word of its own (four letters or more, lower case in a
/// closed compound), so that "Amerikaner" is no part of "Amerika". The beginnings of a word are
/// hashed in one pass over its bytes and only those whose hash is known are looked up.
fn part_of(word: &str, capitalised: bool, german: bool, names: &DocumentNames) -> Option<Kind> {
    if !capitalised {
        return None;
    }
    let k = knowledge();
    let known = |name: &str, hash: u64| -> Option<Kind> {
        let lexicon = || {
            k.markable(name)
                .iter()
                .find(|(w, _)| w.len() == 1)
                .map(|(_, e)| e.kind())
        };
        (k.may_be_markable(hash).then(lexicon).flatten()).or_else(|| names.kind(name, hash))
    };
    let bytes = word.as_bytes();
    // The hyphen is an ASCII byte: a byte search finds it, without a string searcher.
    if let Some(hyphen) = bytes.iter().position(|&b| b == b'-') {
        let (first, rest) = (&word[..hyphen], &word[hyphen + 1..]);
        let word_of_its_own =
            || rest.is_empty() || rest.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        return known(first, word_hash(first)).filter(|_| word_of_its_own());
    }
    if !german || word.len() < 8 {
        return None;
    }
    // Where the lower-case tail of the word begins, and the first and last places (in bytes)
    // a head may end: after four characters, before the last four.
    let (lower_from, first, last) = if word.is_ascii() {
        let lower_from = bytes
            .iter()
            .rposition(|b| !b.is_ascii_lowercase())
            .map_or(0, |i| i + 1);
        (lower_from, 4, word.len() - 4)
    } else {
        let lower_from = word
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_lowercase())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let first = word.char_indices().nth(4).map_or(word.len(), |(i, _)| i);
        let last = word.char_indices().nth_back(3).map_or(0, |(i, _)| i);
        (lower_from, first, last)
    };
    let start = first.max(lower_from);
    if start > last {
        return None;
    }
    // The hashes of the head `word[..cut]` and of the first head a byte shorter (without a
    // linking -s-: "Bundestagsabgeordnete"). A later head without its -s is the head of the
    // cut before (an ASCII byte ends it), asked already: only the first is asked again.
    let shorter = bytes[..start - 1]
        .iter()
        .fold(WORD_HASH_START, |hash, &b| word_hash_byte(hash, b));
    let mut hash = word_hash_byte(shorter, bytes[start - 1]);
    for cut in start..=last {
        if let Some(head) = word.get(..cut) {
            let found = known(head, hash).or_else(|| {
                (cut == start && bytes[cut - 1] == b's')
                    .then(|| known(&word[..cut - 1], shorter))
                    .flatten()
            });
            if found.is_some() {
                return found;
            }
        }
        hash = word_hash_byte(hash, bytes[cut]);
    }
    None
}

/// The document's one-word names that may begin compounds (not persons): their hashes
/// (sorted, for quick rejection) and one bit per hash, beside the names by their first word.
/// Most beginnings of words are no name, and one bit tells most of them so.
struct DocumentNames<'c> {
    candidates: &'c Candidates<'c>,
    hashes: Vec<u64>,
    bits: [u64; 16],
}

impl<'c> DocumentNames<'c> {
    fn new(candidates: &'c Candidates<'c>) -> DocumentNames<'c> {
        let mut hashes: Vec<u64> = candidates
            .first
            .iter()
            .filter(|&(_, &i)| {
                candidates.firsts[i]
                    .single
                    .is_some_and(|kind| kind != Kind::Per)
            })
            .map(|(word, _)| word_hash(word))
            .collect();
        hashes.sort_unstable();
        let mut bits = [0; 16];
        for &hash in &hashes {
            let bit = Self::bit(hash);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
        DocumentNames {
            candidates,
            hashes,
            bits,
        }
    }

    /// The hash's bit of 1,024: its top bits after a multiplicative mix.
    fn bit(hash: u64) -> usize {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize
    }

    /// The kind of the one-word name (not a person's) that is this word, whose `word_hash`
    /// is given.
    fn kind(&self, word: &str, hash: u64) -> Option<Kind> {
        let bit = Self::bit(hash);
        if self.bits[bit >> 6] & (1 << (bit & 63)) == 0 || self.hashes.binary_search(&hash).is_err()
        {
            return None;
        }
        self.candidates
            .first_word(word)?
            .single
            .filter(|&kind| kind != Kind::Per)
    }
}

/// The document's one-word place names, for place adjectives ("Sächsischer" when the text
/// names "Sachsen"): the first two letters of each without umlauts (`start`), sorted, and the
/// names folded, which only an adjective that begins like one of them needs (most adjectives
/// in -isch are no place's: "politischen"), made on first need. Few texts need either: sorted
/// vectors, and a hash set only while the names are gathered.
struct Places<'d> {
    /// The names as written, each once, in the order of first mention.
    written: Vec<&'d str>,
    starts: Vec<u64>,
    names: OnceCell<PlaceNames>,
}

/// The document's one-word place names, folded: one after another in one string, their
/// ranges sorted by name (each name once).
struct PlaceNames {
    text: String,
    names: Vec<(usize, usize)>,
}

impl PlaceNames {
    fn name(&self, (from, to): (usize, usize)) -> &str {
        &self.text[from..to]
    }

    /// True when the document names a place with this folded name.
    fn contains(&self, folded: &str) -> bool {
        self.names
            .binary_search_by(|&name| self.name(name).cmp(folded))
            .is_ok()
    }
}

/// The names of the places the document marks (not linking's own marks), each before its
/// first hyphen (an ASCII byte, so a byte search finds it), and their starts.
fn document_places(doc: &Document) -> Places<'_> {
    // Each name once, however often the text names the place: each is folded once.
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut written = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| recognised(m) && m.form == Form::Name && m.kind == Kind::Loc)
    {
        let surface = doc.slice(m.span);
        let hyphen = surface.bytes().position(|b| b == b'-');
        let place = hyphen.map_or(surface, |i| &surface[..i]);
        if seen.insert(place) {
            written.push(place);
        }
    }
    let mut starts: Vec<u64> = written.iter().map(|&place| folded_start(place)).collect();
    starts.sort_unstable();
    starts.dedup();
    Places {
        written,
        starts,
        names: OnceCell::new(),
    }
}

impl Places<'_> {
    /// The folded names, made on first need.
    fn names(&self) -> &PlaceNames {
        self.names.get_or_init(|| {
            let mut text = String::new();
            let mut names = Vec::with_capacity(self.written.len());
            for &place in &self.written {
                let from = text.len();
                fold_into(place, &mut text);
                names.push((from, text.len()));
            }
            let name = |(from, to): (usize, usize)| &text[from..to];
            names.sort_unstable_by(|&a, &b| name(a).cmp(name(b)));
            names.dedup_by(|a, b| name(*a) == name(*b));
            PlaceNames { text, names }
        })
    }
}

/// The start (`start`) of a place name's folded form: a name that begins with two letters
/// begins with their lower case, so only other names are folded for it.
fn folded_start(place: &str) -> u64 {
    let letters = match *place.as_bytes() {
        // Two ASCII bytes are two characters.
        [a, b, ..] if (a | b).is_ascii() => a.is_ascii_alphabetic() && b.is_ascii_alphabetic(),
        _ => {
            let mut chars = place.chars();
            chars.next().is_some_and(char::is_alphabetic)
                && chars.next().is_some_and(char::is_alphabetic)
        }
    };
    if letters {
        start(place)
    } else {
        start(&fold(place))
    }
}

/// The first two letters of a word as the gazetteer folds them, packed into a number (no
/// string to allocate per word).
fn start(word: &str) -> u64 {
    let pack = |key: u64, c: char| (key << 32) | (u64::from(c) + 1);
    if let [a, b, ..] = *word.as_bytes()
        && (a | b).is_ascii()
    {
        // Two ASCII bytes are two characters, each folded to its lower case alone.
        let lower = |byte: u8| char::from(byte.to_ascii_lowercase());
        return pack(pack(0, lower(a)), lower(b));
    }
    place_chars(word).take(2).fold(0, pack)
}

/// True for a German adjective in -isch of a place the document names (its places are
/// gathered on first need).
fn is_place_adjective<'d>(word: &str, doc: &'d Document, places: &OnceCell<Places<'d>>) -> bool {
    // Most words do not end in "sch" and an ending.
    if matches!(doc.lang, Lang::En)
        || !ends_in_sch(word.as_bytes())
        || !strip_adjective_ending(word).ends_with("isch")
    {
        return false;
    }
    let places = places.get_or_init(|| document_places(doc));
    places.starts.binary_search(&start(word)).is_ok()
        && document_place(word, &|key| places.names().contains(key)).is_some()
}

/// A name of the document as written, with its words (none: the name is one word; else a
/// range of `Candidates::words`), how often it is marked, its first kind, whether it is ever
/// marked as a person and the surname that is a name alone.
struct Named<'a> {
    surface: &'a str,
    words: Option<Range<usize>>,
    times: usize,
    kind: Kind,
    person: bool,
    /// The last word, when the name is a person's full name whose surname is a name alone.
    surname: Option<&'a str>,
}

/// The names worth looking for. The genitives of surnames (no words of the text) are written
/// one after another into `genitives`, which the names borrow them from.
fn candidates<'a>(doc: &'a Document, genitives: &'a mut String) -> Candidates<'a> {
    let k = knowledge();
    let german = !matches!(doc.lang, Lang::En);
    // Each name as written, in the order of first mention: how often, its first kind, and
    // whether it is ever a person's. A long text repeats its names: the map starts small.
    let distinct = super::DISTINCT_WORDS.min(doc.mentions.len());
    let mut index: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(distinct, Default::default());
    let mut named: Vec<Named> = Vec::with_capacity(distinct);
    // Most names have one or two words.
    let mut words: Vec<&str> = Vec::with_capacity(2 * doc.mentions.len());
    for m in doc
        .mentions
        .iter()
        .filter(|m| recognised(m) && m.form == Form::Name)
    {
        let surface = doc.slice(m.span);
        if !is_capitalised(surface) {
            continue;
        }
        let next = named.len();
        let i = *index.entry(surface).or_insert(next);
        if i == next {
            // Most names: one word, told by one look at the bytes.
            let name_words = may_have_space(surface).then(|| {
                let from = words.len();
                push_words(surface, &mut words);
                from..words.len()
            });
            named.push(Named {
                surface,
                words: name_words,
                times: 0,
                kind: m.kind,
                person: false,
                surname: None,
            });
        }
        named[i].times += 1;
        named[i].person |= m.kind == Kind::Per;
    }
    drop(index);
    // The surnames of persons' full names, which are names alone, and (in German) their
    // genitives in -s, written out first: the names borrow them once all are written.
    for name in &mut named {
        if name.person
            && let Some(range) = &name.words
            && let [_, .., last] = words[range.clone()]
            && is_capitalised(last)
            && last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !last.ends_with('.')
            && !is_roman_number(last)
        {
            name.surname = Some(last);
            if german && !last.ends_with(['s', 'x', 'z', 'ß']) {
                genitives.push_str(last);
                genitives.push('s');
            }
        }
    }
    let genitives: &'a String = genitives;
    let mut candidates = Candidates {
        first: FxHashMap::with_capacity_and_hasher(named.len(), Default::default()),
        firsts: Vec::with_capacity(named.len()),
        longer: FxHashMap::with_capacity_and_hasher(named.len(), Default::default()),
        names: Vec::with_capacity(named.len()),
        words: Vec::new(),
    };
    let mut genitive_from = 0;
    for last in named.iter().filter_map(|name| name.surname) {
        // A one-word name: its first kind is kept.
        candidates.first_word_mut(last).single = Some(Kind::Per);
        if german && !last.ends_with(['s', 'x', 'z', 'ß']) {
            let genitive_to = genitive_from + last.len() + 1;
            let genitive = &genitives[genitive_from..genitive_to];
            genitive_from = genitive_to;
            candidates.first_word_mut(genitive).single = Some(Kind::Per);
        }
    }
    // Every name once (the first mentioned of the names with the same words keeps its kind).
    // One buffer for the folded names looked up in the lexicon.
    let mut folded = String::with_capacity(BUFFER_BYTES);
    // The longer names not written with single spaces (`is_single_spaced`), chained by their
    // first and second word as `Candidates::longer` chains all of them: the last one's place
    // in `otherwise_spaced`, and for each its place in `candidates.names` and the one before.
    let mut otherwise_last: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    let mut otherwise_spaced: Vec<(usize, Option<usize>)> = Vec::new();
    for name in named {
        let Named {
            surface,
            words: range,
            times,
            kind,
            ..
        } = name;
        let (head, second) = match &range {
            None => (surface, None),
            Some(range) => match words[range.clone()] {
                [] => continue,
                [head, ..] => (head, words[range.clone()].get(1).copied()),
            },
        };
        let one_word = second.is_none();
        if surface.chars().nth(1).is_none() {
            continue;
        }
        let name_like = !one_word
            || times >= 2
            || is_acronym(surface)
            || {
                folded.clear();
                fold_into(surface, &mut folded);
                k.name(&folded).is_some()
            }
            || k.place(surface).is_some();
        // A role or class noun tagged as a name ("Präsident", "Mann") is not spread.
        if !name_like || one_word && role(surface, german, !german).is_some() {
            continue;
        }
        let names = candidates.first_word_mut(head);
        match (second, range) {
            (Some(second), Some(range)) => {
                names.longer = true;
                // Names with the same words have the same first and second word, and are
                // written differently only in their white space: a name written with single
                // spaces has the words of none other so written, and is compared only with
                // the names with its first two words written otherwise (few, where a long
                // text repeats a first and second word in many names).
                let chained = &mut candidates.names;
                let next = candidates.longer.get(&(head, second)).copied();
                let single_spaced = is_single_spaced(surface, &words[range.clone()]);
                let same_words = |i: usize| words[chained[i].words.clone()] == words[range.clone()];
                let same = if single_spaced {
                    let last = otherwise_last.get(&(head, second)).copied();
                    std::iter::successors(last, |&o| otherwise_spaced[o].1)
                        .any(|o| same_words(otherwise_spaced[o].0))
                } else {
                    std::iter::successors(next, |&i| chained[i].next).any(same_words)
                };
                if !same {
                    chained.push(Candidate {
                        words: range,
                        kind,
                        next,
                    });
                    let added = chained.len() - 1;
                    if !single_spaced {
                        let before = otherwise_last.insert((head, second), otherwise_spaced.len());
                        otherwise_spaced.push((added, before));
                    }
                    candidates.longer.insert((head, second), added);
                }
            }
            _ => names.single = names.single.or(Some(kind)),
        }
    }
    candidates.words = words;
    candidates
}

/// True when a name is its words (`push_words`) with one space between each two. Its words
/// are its runs of bytes other than white space: when it has one byte more than they have for
/// each word after the first, that byte is all that stands between each two words (and
/// nothing stands before or after them), and only it is looked at.
fn is_single_spaced(surface: &str, words: &[&str]) -> bool {
    let letters: usize = words.iter().map(|w| w.len()).sum();
    let mut after = 0;
    surface.len() + 1 == letters + words.len()
        && words.iter().all(|w| {
            after += w.len() + 1;
            after > surface.len() || surface.as_bytes()[after - 1] == b' '
        })
}

/// False for a non-empty text without white space: it has no ASCII white space and none of
/// the lead bytes of the wider ones (U+0085, U+00A0, U+1680, U+2000 to U+3000).
fn may_have_space(text: &str) -> bool {
    text.is_empty()
        || text
            .bytes()
            .any(|b| matches!(b, b' ' | b'\t'..=b'\r' | 0xc2 | 0xe1..=0xe3))
}

/// Appends the words of a text, as `str::split_whitespace` gives them; split by bytes when
/// the text has no white space beyond ASCII's (no vertical tab, which `split_ascii_whitespace`
/// keeps, and none of the lead bytes of the wider ones), as most names have none.
fn push_words<'a>(text: &'a str, words: &mut Vec<&'a str>) {
    if text.bytes().any(|b| matches!(b, 0x0b | 0xc2 | 0xe1..=0xe3)) {
        words.extend(text.split_whitespace());
    } else {
        words.extend(text.split_ascii_whitespace());
    }
}

/// True when a one-word lexicon name stands before another capitalised word, as a first name
/// does ("Chad Smith", "Jordan Peterson").
fn first_name(tokens: &Tokens, t: usize, words: &[&str]) -> bool {
    words.len() == 1
        && tokens.next(t).is_some_and(|n| {
            tokens.spaced(n)
                && (tokens.is_word(n) || tokens.mention(n).is_some())
                && tokens
                    .text(n)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && role(tokens.text(t), true, true).is_none()
        })
}

/// True for a mention the recognizer (or a person) made, not one of linking's own: only those
/// vouch for a name, so that linking a linked document again finds nothing new.
fn recognised(m: &Mention) -> bool {
    !matches!(m.origin, Origin::Rule | Origin::Lexicon | Origin::Link)
}

/// True when the words follow one another from token `t`, no mention among them.
fn matches_at(tokens: &Tokens, t: usize, words: &[impl AsRef<str>]) -> bool {
    // Not the beginning of a word broken at the line end ("Stein¬hauer").
    let after = t + words.len();
    if after < tokens.list.len() && !tokens.spaced(after) && tokens.text(after) == "¬" {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let j = t + i;
        j < tokens.list.len()
            && (i == 0 || tokens.joined(j - 1))
            && !tokens.list[j].is_mention()
            && (i == 0 || tokens.spaced(j))
            && tokens.text(j) == w.as_ref()
    })
}

/// True for a country adjective or demonym that is not itself a country's name: in German a
/// declined lower-case adjective or a capitalised demonym ("russischen", "Russen"), in English a
/// capitalised one ("Japanese", "Americans").
fn is_country_adjective(word: &str, capitalised: bool, german: bool) -> bool {
    let shaped = if german {
        // Lower case only adjectives ("russischen", "deutsche"); "inder" is no "Inder".
        capitalised
            || ((is_german_adjective(word) || word.ends_with("sch"))
                && strip_adjective_ending(word).ends_with("sch"))
    } else {
        capitalised
    };
    shaped
        && word.chars().nth(3).is_some()
        && country_of(word).is_some()
        && knowledge().name(&fold(word)).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::test_support::doc;

    fn found(lang: Lang, text: &str, names: &[(&str, Kind)]) -> Vec<(String, Form)> {
        let mut d = doc(text, names);
        d.lang = lang;
        find(&d, &Tokens::of(&d))
            .iter()
            .map(|m| (d.slice(m.span).to_string(), m.form))
            .collect()
    }

    #[test]
    fn a_name_written_two_ways_keeps_the_kind_it_was_first_marked_with() {
        // Six names, each marked first as one kind, then with a double space as the other;
        // their unmarked uses take the first kind, whatever order a hash map keeps.
        let pairs = [
            "Nord Stream",
            "Blaue Linie",
            "Neue Mitte",
            "Rote Zone",
            "Alte Brücke",
            "Weiße Stadt",
        ];
        let mut text = String::new();
        let mut names = Vec::new();
        for (k, pair) in pairs.iter().enumerate() {
            let (first, second) = if k % 2 == 0 {
                (Kind::Org, Kind::Loc)
            } else {
                (Kind::Loc, Kind::Org)
            };
            text.push_str(&format!("Die {pair} kam. "));
            names.push((pair.to_string(), first));
            let spaced = pair.replace(' ', "  ");
            text.push_str(&format!("Die {spaced} ging. "));
            names.push((spaced, second));
        }
        for pair in pairs {
            text.push_str(&format!("Dann {pair} blieb. "));
        }
        let marked: Vec<(&str, Kind)> = names.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        let mut d = doc(&text, &marked);
        d.lang = Lang::De;
        let added = find(&d, &Tokens::of(&d));
        for (k, pair) in pairs.iter().enumerate() {
            let m = added
                .iter()
                .find(|m| d.slice(m.span) == *pair)
                .unwrap_or_else(|| panic!("{pair} not found: {added:?}"));
            let first = if k % 2 == 0 { Kind::Org } else { Kind::Loc };
            assert_eq!(m.kind, first, "{pair}");
        }
    }

    #[test]
    fn names_marked_elsewhere_are_found_where_unmarked() {
        let got = found(
            Lang::De,
            "Khalifa Haftar kam. Haftar sprach, Haftars Plan. Die Vereinten Nationen und die \
             Vereinten Nationen. Humanes Sterben und humanes Handeln. Humanes Leben.",
            &[
                ("Khalifa Haftar", Kind::Per),
                ("Vereinten Nationen", Kind::Org),
                ("Humanes", Kind::Per),
            ],
        );
        assert_eq!(
            got,
            [
                ("Haftar".to_string(), Form::Name),
                ("Haftars".to_string(), Form::Name),
                ("Vereinten Nationen".to_string(), Form::Name),
            ],
            "a one-off tag of an ordinary word is not spread"
        );
    }

    /// What a scan of all the names with a token's first word finds there, longest first.
    fn scanned(candidates: &Candidates, tokens: &Tokens, t: usize) -> Option<(usize, Kind)> {
        let first = candidates.first_word(tokens.text(t))?;
        let mut all: Vec<(Vec<String>, Kind)> = candidates
            .longer
            .iter()
            .filter(|((head, _), _)| *head == tokens.text(t))
            .flat_map(|(_, &chain)| candidates.chain(chain))
            .map(|c| {
                let words = &candidates.words[c.words.clone()];
                (words.iter().map(|w| w.to_string()).collect(), c.kind)
            })
            .chain(
                first
                    .single
                    .map(|kind| (vec![tokens.text(t).to_string()], kind)),
            )
            .collect();
        all.sort_by_key(|(words, _)| usize::MAX - words.len());
        all.iter()
            .find(|(words, _)| matches_at(tokens, t, words))
            .map(|(words, kind)| (words.len(), *kind))
    }

    const VOCABULARY: &[&str] = &[
        "Wladimir",
        "Putin",
        "Putinka",
        "Die",
        "Linke",
        "Linken",
        "Khalifa",
        "Haftar",
        "Haftars",
        "der",
        "und",
        "¬",
        ",",
        "UNO",
        "Vereinten",
        "Nationen",
    ];

    /// A name written with other white space between its words ("Anna\u{a0}Berg", "Anna
    /// Berg") is the same name: kept once, with the kind of its first mention, whichever
    /// spacing comes first and however often each comes.
    #[test]
    fn names_with_the_same_words_are_kept_once_whatever_their_spacing() {
        for surfaces in [
            ["Anna\u{a0}Berg", "Anna Berg", "Anna\nBerg", "Anna Berg"],
            [
                "Anna Berg",
                "Anna\u{a0}Berg",
                "Anna  Berg",
                "Anna\u{a0}Berg",
            ],
        ] {
            let mut text = String::new();
            let mut mentions = Vec::new();
            for (i, surface) in surfaces.iter().enumerate() {
                let start = text.len();
                text.push_str(surface);
                mentions.push(Mention {
                    span: Span::new(start, text.len()),
                    kind: if i == 0 { Kind::Per } else { Kind::Org },
                    form: Form::Name,
                    actor: None,
                    origin: Origin::Model,
                });
                text.push_str(" sagte. ");
            }
            let mut d = doc(&text, &[]);
            d.mentions = mentions;
            let mut genitives = String::new();
            let candidates = candidates(&d, &mut genitives);
            let kinds: Vec<Kind> = candidates.names.iter().map(|c| c.kind).collect();
            assert_eq!(kinds, [Kind::Per], "{surfaces:?}");
        }
    }

    proptest::proptest! {
        /// The names indexed by first and second word are found as a scan of every name with
        /// the first word finds them.
        #[test]
        fn indexed_names_are_found_as_a_scan_finds_them(
            picks in proptest::collection::vec((0..VOCABULARY.len(), 0usize..4, 0usize..3), 1..40)
        ) {
            let mut text = String::new();
            let mut words = Vec::new();
            for &(w, _, _) in &picks {
                let word = VOCABULARY[w];
                if !text.is_empty() && word != "¬" {
                    text.push(' ');
                }
                words.push((text.len(), text.len() + word.len()));
                text.push_str(word);
            }
            let kinds = [Kind::Per, Kind::Org, Kind::Loc];
            let mut mentions = Vec::new();
            let mut i = 0;
            while i < picks.len() {
                let (_, len, kind) = picks[i];
                if len == 0 || i + len > picks.len() {
                    i += 1;
                    continue;
                }
                mentions.push(Mention {
                    span: Span::new(words[i].0, words[i + len - 1].1),
                    kind: kinds[kind],
                    form: Form::Name,
                    actor: None,
                    origin: Origin::Model,
                });
                i += len;
            }
            let mut d = doc(&text, &[]);
            d.mentions = mentions;
            let mut genitives = String::new();
            let candidates = candidates(&d, &mut genitives);
            let tokens = Tokens::of(&d);
            for t in 0..tokens.list.len() {
                if !tokens.is_word(t) {
                    continue;
                }
                let indexed = candidates
                    .first_word(tokens.text(t))
                    .and_then(|first| candidates.find_at(first, &tokens, t));
                proptest::prop_assert_eq!(indexed, scanned(&candidates, &tokens, t));
            }
        }
    }

    #[test]
    fn country_adjectives_become_derived_mentions() {
        let got = found(
            Lang::En,
            "Japanese officials met Australian and Russian envoys in Japan; the japanese word.",
            &[],
        );
        assert_eq!(
            got,
            [
                ("Japanese".to_string(), Form::Derived),
                ("Australian".to_string(), Form::Derived),
                ("Russian".to_string(), Form::Derived),
                ("Japan".to_string(), Form::Name),
            ]
        );
        let got = found(
            Lang::De,
            "Die russischen Truppen und die Russen in Polen, inder Stadt",
            &[],
        );
        assert_eq!(
            got,
            [
                ("russischen".to_string(), Form::Derived),
                ("Russen".to_string(), Form::Derived),
                ("Polen".to_string(), Form::Name),
            ],
            "a country's own name is no adjective"
        );
    }

    #[test]
    fn lexicon_names_and_parts_where_unmarked() {
        let got = found(
            Lang::De,
            "Der Kreml schwieg. Kremlsprecher Peskow, die UNO, Amerikaner und EU-Sanktionen \
             gegen die Bahn.",
            &[],
        );
        assert_eq!(
            got,
            [
                ("Kreml".to_string(), Form::Name),
                ("Kremlsprecher".to_string(), Form::Part),
                ("UNO".to_string(), Form::Name),
                ("Amerikaner".to_string(), Form::Derived),
                ("EU-Sanktionen".to_string(), Form::Part),
            ],
            "'Bahn' is an ordinary word"
        );
    }

    proptest::proptest! {
        /// Words split by bytes are the words `split_whitespace` gives, and a text without
        /// any is one word.
        #[test]
        fn words_are_split_as_split_whitespace_splits_them(
            s in "[ a\t\n\u{b}\u{c}\rä\u{a0}\u{85}\u{2009}\u{3000}\u{1680}é€-]{0,12}"
        ) {
            let expected: Vec<&str> = s.split_whitespace().collect();
            let mut words = Vec::new();
            push_words(&s, &mut words);
            proptest::prop_assert_eq!(&words, &expected);
            if !may_have_space(&s) {
                proptest::prop_assert_eq!(expected, [s.as_str()]);
            }
        }
    }

    proptest::proptest! {
        /// A name (of one word or more) is single spaced when it is its words joined by
        /// single spaces.
        #[test]
        fn single_spacing_is_told_by_lengths_and_separators(
            s in "[ a\t\n\u{b}ä\u{a0}\u{2009}-]{0,10}"
        ) {
            let mut words = Vec::new();
            push_words(&s, &mut words);
            proptest::prop_assume!(!words.is_empty());
            proptest::prop_assert_eq!(is_single_spaced(&s, &words), s == words.join(" "));
        }
    }

    proptest::proptest! {
        #[test]
        fn capitals_and_sch_are_told_by_bytes(text in "[sScChäÄen ]{0,8}") {
            proptest::prop_assert_eq!(
                is_capitalised(&text),
                text.chars().next().is_some_and(char::is_uppercase)
            );
            let stem = strip_adjective_ending(&text);
            if stem.ends_with("sch") {
                proptest::prop_assert!(ends_in_sch(text.as_bytes()));
            }
            proptest::prop_assert_eq!(
                ends_in_sch(text.as_bytes()),
                (0..=2).any(|k| text.as_bytes()[..text.len().saturating_sub(k)].ends_with(b"sch"))
            );
        }
    }

    proptest::proptest! {
        /// A name's start is its first two folded characters, told by bytes for ASCII, and
        /// the start of its folded form is found folding only names that begin otherwise
        /// than with two letters.
        #[test]
        fn names_start_as_their_folded_forms(
            name in "[aAZÄäSßİΣσ\u{ad}¬’ \t`-]{0,4}[a-zäöü]{0,3}"
        ) {
            let by_chars = place_chars(&name)
                .take(2)
                .fold(0, |key, c| (key << 32) | (u64::from(c) + 1));
            proptest::prop_assert_eq!(start(&name), by_chars);
            proptest::prop_assert_eq!(folded_start(&name), start(&fold(&name)));
        }
    }

    /// `part_of` as a walk over characters: every head after four characters and before the
    /// last four, in the lower-case tail, and the head without a last "s".
    fn part_of_by_chars(word: &str, names: &DocumentNames) -> Option<Kind> {
        let k = knowledge();
        let known = |name: &str| {
            k.markable(name)
                .iter()
                .find(|(w, _)| w.len() == 1)
                .map(|(_, e)| e.kind())
                .or_else(|| names.kind(name, word_hash(name)))
        };
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let lower_from = chars
            .iter()
            .rev()
            .find(|(_, c)| !c.is_lowercase())
            .map_or(0, |&(i, c)| i + c.len_utf8());
        (4..chars.len().saturating_sub(3))
            .map(|i| chars[i].0)
            .filter(|&cut| cut >= lower_from)
            .find_map(|cut| {
                let head = &word[..cut];
                known(head).or_else(|| known(head.strip_suffix('s')?))
            })
    }

    proptest::proptest! {
        /// The beginnings of a closed compound are found as a walk over its characters finds
        /// them.
        #[test]
        fn compound_heads_are_found_as_by_characters(
            head in proptest::sample::select(vec!["Kreml", "Bundestag", "Nato", "Wagner", "Rußland", "Ämter", "Österreich"]),
            joint in "s?",
            tail in "[a-zäöüßA-Z]{0,9}",
        ) {
            let d = doc("Die Wagner kam. Die Wagner ging.", &[("Wagner", Kind::Org), ("Wagner", Kind::Org)]);
            let mut genitives = String::new();
            let candidates = candidates(&d, &mut genitives);
            let names = DocumentNames::new(&candidates);
            let word = format!("{head}{joint}{tail}");
            proptest::prop_assert_eq!(
                part_of(&word, true, true, &names),
                part_of_by_chars(&word, &names),
                "{}", word
            );
        }
    }
}

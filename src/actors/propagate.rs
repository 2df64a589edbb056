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
use std::borrow::Cow;
use std::cell::OnceCell;

use super::derived::{country_of, document_place};
use super::knowledge::{Entry, WORD_HASH_START, knowledge, place_chars, word_hash, word_hash_step};
use super::morph::{fold, fold_into, is_acronym, is_german_adjective, strip_adjective_ending};
use super::numbered::is_roman_number;
use super::roles::role;
use super::tokens::{Class, Tokens};
use crate::document::{Document, Form, Kind, Lang, Mention, Origin, Span};

/// A name to look for: its words as the tokenizer writes them, and its kind.
struct Candidate<'a> {
    words: Vec<&'a str>,
    kind: Kind,
}

/// The names to look for that begin with one word: the one-word name (if that word is one),
/// and the longer names by their second word, longest first. Only the names whose second word
/// follows can match, so a first name that begins many names ("Wladimir") costs one lookup.
#[derive(Default)]
struct FirstWord<'a> {
    longer: FxHashMap<&'a str, Vec<Candidate<'a>>>,
    single: Option<Kind>,
}

impl FirstWord<'_> {
    /// The first name that stands at token `t` (whose text is this first word): the longest,
    /// as in a list sorted longest first.
    fn find_at(&self, tokens: &Tokens, t: usize) -> Option<(usize, Kind)> {
        let next = t + 1;
        let longer = (next < tokens.list.len()
            && tokens.list[next].block == tokens.list[t].block
            && tokens.list[next].spaced
            && !matches!(tokens.list[next].class, Class::Mention(_)))
        .then(|| self.longer.get(tokens.text(next)))
        .flatten()
        .and_then(|list| list.iter().find(|c| matches_at(tokens, t, &c.words)))
        .map(|c| (c.words.len(), c.kind));
        longer.or_else(|| {
            let kind = self.single?;
            matches_at(tokens, t, &[tokens.text(t)]).then_some((1, kind))
        })
    }
}

/// New mentions, sorted, over words no mention covers.
pub fn find(doc: &Document, tokens: &Tokens) -> Vec<Mention> {
    let candidates = candidates(doc);
    let names = DocumentNames::new(&candidates);
    // Needed only for words in -isch, which most texts have few of.
    let places = OnceCell::new();
    let german = !matches!(doc.lang, Lang::En);
    let k = knowledge();
    let n = tokens.list.len();
    // What may begin at a word — a name of the document or the lexicons, or the word alone a
    // part or a derived form — depends on the word alone: worked out once per distinct word,
    // as a long text repeats its words.
    let mut by_word: FxHashMap<&str, WordFacts> =
        FxHashMap::with_capacity_and_hasher(n / 8, Default::default());
    let mut out = Vec::new();
    let mut t = 0;
    while t < n {
        if tokens.list[t].class != Class::Word {
            t += 1;
            continue;
        }
        let text = tokens.text(t);
        if !may_begin(text, german) {
            // Most words: nothing begins there, told without a look-up.
            t += 1;
            continue;
        }
        let facts = *by_word.entry(text).or_insert_with(|| {
            let alone = if let Some(kind) = part_of(text, german, &names) {
                Some((kind, Form::Part))
            } else if is_country_adjective(text, german) || is_place_adjective(text, doc, &places) {
                Some((Kind::Loc, Form::Derived))
            } else {
                None
            };
            WordFacts {
                names: candidates.get(text),
                markable: k.markable_by_hash(word_hash(text), text),
                alone,
            }
        });
        let mention = |last: usize, kind, form, origin| Mention {
            span: Span::new(tokens.list[t].span.start(), tokens.list[last].span.end()),
            kind,
            form,
            actor: None,
            origin,
        };
        if let Some(first) = facts.names
            && let Some((words, kind)) = first.find_at(tokens, t)
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
        let alone = facts.alone;
        if let Some((kind, form)) = alone {
            out.push(mention(t, kind, form, Origin::Lexicon));
        }
        t += 1;
    }
    out
}

/// Whether anything may begin at a word: it is capitalised or, in German, has "sch" (a
/// derived form such as "russische"). Looks at bytes: "sch" is ASCII, so a byte match is a
/// match in the text.
fn may_begin(text: &str, german: bool) -> bool {
    let bytes = text.as_bytes();
    let capitalised = match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text.chars().next().is_some_and(char::is_uppercase),
    };
    capitalised || german && has_sch(bytes)
}

/// Whether the bytes have "sch": each 'c' (rare beside the other letters) is looked at, not
/// each window of three.
fn has_sch(bytes: &[u8]) -> bool {
    let Some(middle) = bytes.get(1..bytes.len().saturating_sub(1)) else {
        return false;
    };
    middle
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'c' && bytes[i] == b's' && bytes[i + 2] == b'h')
}

/// What may begin at a word that is capitalised (or, in German, has "sch"): the document's
/// names and the lexicon names that begin with it, and what it is alone.
#[derive(Clone, Copy)]
struct WordFacts<'c> {
    names: Option<&'c FirstWord<'c>>,
    markable: &'static [(Vec<&'static str>, Entry)],
    alone: Option<(Kind, Form)>,
}

/// The kind of the name a compound word begins with, when that is a lexicon name or a
/// one-word name of the document: "Kremlsprecher", "Bundestagsabgeordnete", "Wagner-Söldner",
/// "US-Sanktionen". The rest must be a word of its own (four letters or more, lower case in a
/// closed compound), so that "Amerikaner" is no part of "Amerika". The beginnings of a word are
/// hashed in one pass and only those whose hash is known are looked up.
fn part_of(word: &str, german: bool, names: &DocumentNames) -> Option<Kind> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
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
        let document = || names.one_word.get(name).copied();
        (k.may_be_markable(hash).then(lexicon).flatten())
            .or_else(|| names.may_have(hash).then(document).flatten())
    };
    // The hyphen is an ASCII byte: a byte search finds it, without a string searcher.
    if let Some(hyphen) = word.bytes().position(|b| b == b'-') {
        let (first, rest) = (&word[..hyphen], &word[hyphen + 1..]);
        let rest_letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        return if rest.is_empty() || rest_letters >= 3 {
            known(first, word_hash(first))
        } else {
            None
        };
    }
    if !german || word.len() < 8 {
        return None;
    }
    // Where the lower-case tail of the word begins (in bytes), and its length in characters.
    let total = if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    };
    let lower_from = word
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_lowercase())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut hash = WORD_HASH_START;
    let mut previous = (0, WORD_HASH_START);
    for (i, (cut, c)) in word.char_indices().enumerate() {
        if i >= 4 && cut >= lower_from && total - i >= 4 {
            let head = &word[..cut];
            let found = known(head, hash).or_else(|| {
                head.ends_with('s')
                    .then(|| known(&word[..previous.0], previous.1))
                    .flatten()
            });
            if found.is_some() {
                return found;
            }
        }
        previous = (cut, hash);
        hash = word_hash_step(hash, &word[cut..cut + c.len_utf8()]);
    }
    None
}

/// The document's one-word names that may begin compounds (not persons), with their hashes
/// (sorted, for quick rejection) and one bit per hash: most beginnings of words are no name,
/// and one bit tells most of them so.
struct DocumentNames<'c> {
    one_word: FxHashMap<&'c str, Kind>,
    hashes: Vec<u64>,
    bits: [u64; 16],
}

impl<'c> DocumentNames<'c> {
    fn new(candidates: &'c Candidates) -> DocumentNames<'c> {
        let one_word: FxHashMap<&str, Kind> = candidates
            .iter()
            .filter_map(|(first, names)| {
                names
                    .single
                    .filter(|&kind| kind != Kind::Per)
                    .map(|kind| (&**first, kind))
            })
            .collect();
        let mut hashes: Vec<u64> = one_word.keys().map(|w| word_hash(w)).collect();
        hashes.sort_unstable();
        let mut bits = [0; 16];
        for &hash in &hashes {
            let bit = Self::bit(hash);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
        DocumentNames {
            one_word,
            hashes,
            bits,
        }
    }

    /// The hash's bit of 1,024: its top bits after a multiplicative mix.
    fn bit(hash: u64) -> usize {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize
    }

    /// False when no one-word name has this `word_hash`.
    fn may_have(&self, hash: u64) -> bool {
        let bit = Self::bit(hash);
        self.bits[bit >> 6] & (1 << (bit & 63)) != 0 && self.hashes.binary_search(&hash).is_ok()
    }
}

/// The document's one-word place names, folded, for place adjectives ("Sächsischer" when
/// the text names "Sachsen"), and the first two letters of each without umlauts.
struct Places {
    names: FxHashSet<String>,
    starts: FxHashSet<u64>,
}

fn document_places(doc: &Document) -> Places {
    // Each name folded once, however often the text names the place.
    let written: FxHashSet<&str> = doc
        .mentions
        .iter()
        .filter(|m| recognised(m) && m.form == Form::Name && m.kind == Kind::Loc)
        .map(|m| {
            let surface = doc.slice(m.span);
            // Before the first hyphen (an ASCII byte, so a byte search finds it).
            let hyphen = surface.bytes().position(|b| b == b'-');
            hyphen.map_or(surface, |i| &surface[..i])
        })
        .collect();
    let names: FxHashSet<String> = written.into_iter().map(fold).collect();
    let starts = names.iter().map(|n| start(n)).collect();
    Places { names, starts }
}

/// The first two letters of a word as the gazetteer folds them, packed into a number (no
/// string to allocate per word).
fn start(word: &str) -> u64 {
    place_chars(word)
        .take(2)
        .fold(0, |key, c| (key << 32) | (u64::from(c) + 1))
}

/// True for a German adjective in -isch of a place the document names (its places are
/// gathered on first need).
fn is_place_adjective(word: &str, doc: &Document, places: &OnceCell<Places>) -> bool {
    if matches!(doc.lang, Lang::En) || !strip_adjective_ending(word).ends_with("isch") {
        return false;
    }
    let places = places.get_or_init(|| document_places(doc));
    !places.names.is_empty()
        && places.starts.contains(&start(word))
        && document_place(word, &|key| places.names.contains(key)).is_some()
}

/// The names to look for by their first word (a surname with a genitive -s is no word of the
/// text); all other words are the text's own.
type Candidates<'a> = FxHashMap<Cow<'a, str>, FirstWord<'a>>;

/// A name of the document as written, with its words (none: the name is one word), how
/// often it is marked, its first kind and whether it is ever marked as a person.
struct Named<'a> {
    surface: &'a str,
    words: Option<Vec<&'a str>>,
    times: usize,
    kind: Kind,
    person: bool,
}

/// The names worth looking for, by their first word.
fn candidates(doc: &Document) -> Candidates<'_> {
    let k = knowledge();
    let german = !matches!(doc.lang, Lang::En);
    // Each name as written, in the order of first mention: how often, its first kind, and
    // whether it is ever a person's.
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut named: Vec<Named> = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| recognised(m) && m.form == Form::Name)
    {
        let surface = doc.slice(m.span);
        if !surface.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let i = *index.entry(surface).or_insert_with(|| {
            named.push(Named {
                surface,
                // Most names: one word, told by one look at the bytes.
                words: may_have_space(surface).then(|| words_of(surface)),
                times: 0,
                kind: m.kind,
                person: false,
            });
            named.len() - 1
        });
        named[i].times += 1;
        named[i].person |= m.kind == Kind::Per;
    }
    drop(index);
    let mut out: Candidates = FxHashMap::with_capacity_and_hasher(named.len(), Default::default());
    for name in &named {
        if name.person
            && let Some(words) = &name.words
            && let [_, .., last] = words[..]
            && last.chars().next().is_some_and(char::is_uppercase)
            && last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !last.ends_with('.')
            && !is_roman_number(last)
        {
            // A one-word name: its first kind is kept.
            out.entry(Cow::Borrowed(last)).or_default().single = Some(Kind::Per);
            if german && !last.ends_with(['s', 'x', 'z', 'ß']) {
                let mut genitive = String::with_capacity(last.len() + 1);
                genitive.push_str(last);
                genitive.push('s');
                out.entry(Cow::Owned(genitive)).or_default().single = Some(Kind::Per);
            }
        }
    }
    // Every name once (the first mentioned of the names with the same words keeps its kind).
    // One buffer for the folded names looked up in the lexicon.
    let mut folded = String::new();
    for name in named {
        let Named {
            surface,
            words,
            times,
            kind,
            ..
        } = name;
        let (first, second) = match &words {
            None => (surface, None),
            Some(words) => match words[..] {
                [] => continue,
                [first, ..] => (first, words.get(1).copied()),
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
        let names = out.entry(Cow::Borrowed(first)).or_default();
        match second {
            None => names.single = names.single.or(Some(kind)),
            Some(second) => {
                // Names with the same words have the same first and second word.
                let list = names.longer.entry(second).or_default();
                let words = words.unwrap_or_default();
                if !list.iter().any(|c| c.words == words) {
                    list.push(Candidate { words, kind });
                }
            }
        }
    }
    for first in out.values_mut() {
        for list in first.longer.values_mut() {
            list.sort_by_key(|c| usize::MAX - c.words.len());
        }
    }
    out
}

/// False for a non-empty text without white space: it has no ASCII white space and none of
/// the lead bytes of the wider ones (U+0085, U+00A0, U+1680, U+2000 to U+3000).
fn may_have_space(text: &str) -> bool {
    text.is_empty()
        || text
            .bytes()
            .any(|b| matches!(b, b' ' | b'\t'..=b'\r' | 0xc2 | 0xe1..=0xe3))
}

/// The words of a text, as `str::split_whitespace` gives them; split by bytes when the text
/// has no white space beyond ASCII's (no vertical tab, which `split_ascii_whitespace` keeps,
/// and none of the lead bytes of the wider ones), as most names have none.
fn words_of(text: &str) -> Vec<&str> {
    if text.bytes().any(|b| matches!(b, 0x0b | 0xc2 | 0xe1..=0xe3)) {
        text.split_whitespace().collect()
    } else {
        text.split_ascii_whitespace().collect()
    }
}

/// True when a one-word lexicon name stands before another capitalised word, as a first name
/// does ("Chad Smith", "Jordan Peterson").
fn first_name(tokens: &Tokens, t: usize, words: &[&str]) -> bool {
    words.len() == 1
        && tokens.next(t).is_some_and(|n| {
            tokens.list[n].spaced
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
    if after < tokens.list.len() && !tokens.list[after].spaced && tokens.text(after) == "¬" {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let j = t + i;
        j < tokens.list.len()
            && tokens.list[j].block == tokens.list[t].block
            && !matches!(tokens.list[j].class, Class::Mention(_))
            && (i == 0 || tokens.list[j].spaced)
            && tokens.text(j) == w.as_ref()
    })
}

/// True for a country adjective or demonym that is not itself a country's name: in German a
/// declined lower-case adjective or a capitalised demonym ("russischen", "Russen"), in English a
/// capitalised one ("Japanese", "Americans").
fn is_country_adjective(word: &str, german: bool) -> bool {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
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
        let first = candidates.get(tokens.text(t))?;
        let mut all: Vec<(Vec<String>, Kind)> = first
            .longer
            .values()
            .flatten()
            .map(|c| (c.words.iter().map(|w| w.to_string()).collect(), c.kind))
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
            let candidates = candidates(&d);
            let tokens = Tokens::of(&d);
            for t in 0..tokens.list.len() {
                if tokens.list[t].class != Class::Word {
                    continue;
                }
                let indexed = candidates
                    .get(tokens.text(t))
                    .and_then(|first| first.find_at(&tokens, t));
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
            proptest::prop_assert_eq!(&words_of(&s), &expected);
            if !may_have_space(&s) {
                proptest::prop_assert_eq!(expected, [s.as_str()]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn may_begin_is_capitalised_or_german_with_sch(text in "[sScChäÄ ]{0,6}", german: bool) {
            let capitalised = text.chars().next().is_some_and(char::is_uppercase);
            proptest::prop_assert_eq!(
                may_begin(&text, german),
                capitalised || german && text.contains("sch")
            );
        }
    }
}

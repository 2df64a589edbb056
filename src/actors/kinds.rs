//! Kinds the recognizer got wrong, set right from stronger evidence:
//! - a class noun in apposition tells what a name is ("die Söldnergruppe Wagner" is an
//!   organisation, "der Küstenstadt Derna" a place, "Minister Bosse" a person);
//! - a name mention takes its actor's kind when the lexicon knows the actor or most of its
//!   names agree ("Wagner" tagged PER once among ORG mentions of Gruppe Wagner).

use super::descriptors::WordRoles;
use super::group::{Grouping, LEGAL_FORMS, is_lexicon_name, is_quote};
use super::knowledge::knowledge;
use super::morph::{fold, lowercase_among, with_lowercase};
use super::roles::{Class, role};
use super::tokens::Tokens;
use super::{merge_sorted, remove_at};
use regex::Regex;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use super::roles::is_english_modifier;
use crate::document::{Actor, Document, Form, Kind, Lang, Mention, Origin, Span};

/// The fixes that look at one mention at a time (and at the one before it), asked of each
/// mention in turn in one pass over them: a part that is a name (`part_is_name`), a compass
/// place (`is_compass_place`), a newspaper (`is_press_name`), a company name cut short before
/// its legal form (`legal_form_name`). Each fix sees the mention as the fixes before it left it,
/// and the mention before as all of them left it: as if each fix made a pass of its own, in
/// this order.
pub fn fix_mentions(doc: &mut Document) {
    let german = !matches!(doc.lang, Lang::En);
    // The mentions merged into the one after them, in order: few documents have any, so no
    // vector as long as the mentions.
    let mut merged: Vec<usize> = Vec::new();
    for i in 0..doc.mentions.len() {
        let m = &mut doc.mentions[i];
        let surface = &doc.text[m.span.range()];
        if m.form == Form::Part && part_is_name(surface, m.kind, german) {
            m.form = Form::Name;
        }
        if m.form != Form::Name {
            continue;
        }
        if german && m.kind != Kind::Loc && is_compass_place(surface) {
            m.kind = Kind::Loc;
        }
        if m.kind == Kind::Per && is_press_name(surface) {
            m.kind = Kind::Org;
        }
        if m.kind == Kind::Org
            && let Some(previous) = legal_form_name(doc, i)
        {
            merged.push(previous);
        }
    }
    remove_at(&mut doc.mentions, &merged);
}

/// A part whose whole word is a name the lexicons know is that name: "UN-Sicherheitsrates"
/// tagged as a part of the UN is the Security Council itself.
fn part_is_name(surface: &str, kind: Kind, german: bool) -> bool {
    is_lexicon_name(surface, kind, german)
}

/// Newspapers are organisations: a name of several words that ends in a newspaper word
/// ("Asahi Shimbun", "Frankfurter Rundschau", "Chicago Tribune") is no person, whatever kind the
/// recognizer gave it. Words that are also surnames ("Post", "Herald") are not on the list.
fn is_press_name(surface: &str) -> bool {
    const PRESS: [&str; 11] = [
        "shimbun",
        "zeitung",
        "rundschau",
        "anzeiger",
        "tagblatt",
        "tageblatt",
        "nachrichten",
        "times",
        "tribune",
        "gazette",
        "chronicle",
    ];
    surface
        .rsplit_once(' ')
        .is_some_and(|(_, last)| PRESS.iter().any(|p| p.eq_ignore_ascii_case(last)))
}

/// Whether a word is a compass direction joined to a place the lexicons know, in the
/// nominative or the genitive: German compass compounds of a known place are places
/// ("Ostlibyens", "Südfrankreich", "Nordostsyrien"), whatever kind the recognizer gave them.
fn is_compass_place(word: &str) -> bool {
    // Most names start with no compass direction's first letter.
    if !matches!(
        word.as_bytes().first(),
        Some(b'N' | b'O' | b'S' | b'W' | b'Z')
    ) {
        return false;
    }
    const COMPASS: [&str; 9] = [
        "Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Ost", "Süd", "West", "Zentral",
    ];
    let Some(rest) = COMPASS.iter().find_map(|c| word.strip_prefix(c)) else {
        return false;
    };
    // The place starts with a capital letter in the lexicon but not inside the compound.
    if rest.chars().count() < 3 || !rest.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let places = knowledge();
    [Some(rest), rest.strip_suffix('s'), rest.strip_suffix("es")]
        .into_iter()
        .flatten()
        .any(|place| place.chars().count() >= 3 && places.place(place).is_some())
}

/// A company name the recognizer cut short before its legal form takes the capitalised words
/// right before it ("PNE WIND AG" tagged as "WIND AG", "Windkraft Nord AG" as "Nord AG"); not a
/// sentence's first word, an article or a preposition, nor a word of another mention, except
/// an organisation name right before it, which the two become ("PNE" + "WIND AG"): then the
/// index of that mention, which is to go.
fn legal_form_name(doc: &mut Document, i: usize) -> Option<usize> {
    const LONGEST: usize = 2;
    let m = doc.mentions[i];
    let surface = &doc.text[m.span.range()];
    let ends_in_legal_form = surface
        .rsplit_once(' ')
        .is_some_and(|(_, last)| lowercase_among(last, LEGAL_FORMS).is_some());
    if !ends_in_legal_form {
        return None;
    }
    let previous = i.checked_sub(1).map(|p| (p, doc.mentions[p]));
    if let Some((p, before)) = previous.filter(|(_, b)| {
        b.kind == Kind::Org
            && b.form == Form::Name
            && b.span.end() + 1 == m.span.start()
            && doc.text[b.span.end()..m.span.start()] == *" "
            && word_count(&doc.text[b.span.range()]) <= LONGEST
    }) {
        doc.mentions[i].span = Span::new(before.span.start(), m.span.end());
        return Some(p);
    }
    let floor = previous.map_or(0, |(_, b)| b.span.end());
    let mut start = m.span.start();
    for _ in 0..LONGEST {
        match word_before(&doc.text, start) {
            Some(word) if word >= floor && !opens_sentence(&doc.text[..word]) => {
                start = word;
            }
            _ => break,
        }
    }
    doc.mentions[i].span = Span::new(start, m.span.end());
    None
}

/// Last parts of the names of German parties, alliances and associations (lower case,
/// inflected forms included): after a capitalised adjective they make a name even where no
/// mention was ("Nationale Koalition").
const PARTY_HEADS: &[&str] = &[
    "partei",
    "koalition",
    "allianz",
    "union",
    "bündnis",
    "bündnisses",
    "front",
    "bürgerschaft",
    "verband",
    "verbandes",
    "verbands",
    "vereinigung",
    "gewerkschaft",
];

/// Last parts of other German organisation names: only after an adjective the recognizer
/// marked, as descriptions share them ("vom Mikrobiologischen Institut").
const INSTITUTION_HEADS: &[&str] = &[
    "verein",
    "vereins",
    "institut",
    "instituts",
    "stiftung",
    "gesellschaft",
    "akademie",
    "universität",
    "hochschule",
    "kommission",
    "ministerium",
    "ministeriums",
    "landtag",
    "landtags",
    "landtages",
    "bundestag",
    "bundestags",
    "bundestages",
    "städtetag",
    "landkreistag",
    "gemeindetag",
    "kammer",
    "behörde",
    "agentur",
    "zentralbank",
];

/// German names that a capitalised adjective opens ("Bremischen Bürgerschaft", "Deutschen
/// Hospiz- und Palliativ-Verband", "Nationale Koalition"), which the recognizer tends to mark as
/// the adjective alone, a derived form of a place, or to miss. Inside a German sentence an
/// adjective is capitalised only as part of a name: when capitalised words up to an
/// organisation noun follow it (at most four, joined by spaces, hyphens or a suspended "und"),
/// the adjective's mention takes them in and names an organisation; an adjective no mention
/// covers opens a new one.
pub fn adjective_organisations(doc: &mut Document) {
    const LONGEST: usize = 4;
    if matches!(doc.lang, Lang::En) {
        return;
    }
    for i in 0..doc.mentions.len() {
        let m = doc.mentions[i];
        if m.form != Form::Derived {
            continue;
        }
        let adjective = &doc.text[m.span.range()];
        // A town's "-er" adjective mostly describes ("des Düsseldorfer Konzerns").
        let town = adjective.ends_with("er") && !adjective.ends_with("scher");
        if town
            || !adjective.starts_with(char::is_uppercase)
            || adjective.contains(['-', ' '])
            || opens_sentence(&doc.text[..m.span.start()])
        {
            continue;
        }
        let limit = doc
            .mentions
            .get(i + 1)
            .map_or(doc.text.len(), |n| n.span.start());
        if let Some(end) = organisation_after(
            &doc.text[m.span.end()..limit],
            &[PARTY_HEADS, INSTITUTION_HEADS],
            LONGEST,
        ) {
            let mention = &mut doc.mentions[i];
            mention.span = Span::new(m.span.start(), m.span.end() + end);
            mention.kind = Kind::Org;
            mention.form = Form::Name;
        }
    }
    let mut added: Vec<Mention> = Vec::new();
    let mut next = 0;
    for block in doc.blocks.iter().filter(|b| b.role.is_article()) {
        // Most blocks name no party at all: a look for the heads is cheaper than looking at
        // every word.
        if !party_heads().is_match(&doc.text[block.span.range()]) {
            continue;
        }
        for (at, word) in words_in(&doc.text, block.span) {
            // The cheap test first: most words are no adjective.
            if !looks_like_adjective(word) {
                continue;
            }
            // The first mention that ends after the word (words come in text order, so the
            // search goes on from where it was).
            while next < doc.mentions.len() && doc.mentions[next].span.end() <= at {
                next += 1;
            }
            let free_until = doc
                .mentions
                .get(next)
                .map_or(doc.text.len(), |m| m.span.start());
            // A word inside the name just added ("Freien" of "Nationale Freien Koalition")
            // opens none of its own: mentions do not overlap.
            let taken = added.last().is_some_and(|a| at < a.span.end());
            if taken || free_until <= at || opens_sentence(&doc.text[..at]) {
                continue;
            }
            let end = at + word.len();
            if let Some(rest) =
                organisation_after(&doc.text[end..free_until.max(end)], &[PARTY_HEADS], LONGEST)
            {
                added.push(Mention {
                    span: Span::new(at, end + rest),
                    kind: Kind::Org,
                    form: Form::Name,
                    actor: None,
                    origin: Origin::Rule,
                });
            }
        }
    }
    if !added.is_empty() {
        merge_sorted(&mut doc.mentions, added);
    }
}

/// A search for all `PARTY_HEADS` at once, without their first letter (which may be either
/// case): one pass over a text tells whether it may name a party.
fn party_heads() -> &'static Regex {
    static HEADS: OnceLock<Regex> = OnceLock::new();
    HEADS.get_or_init(|| {
        let heads: Vec<String> = PARTY_HEADS
            .iter()
            .map(|h| regex::escape(&h[h.chars().next().map_or(0, char::len_utf8)..]))
            .collect();
        Regex::new(&heads.join("|")).expect("an alternation of literals")
    })
}

/// Builds the search for party heads (see `super::prepare`).
pub fn prepare() {
    party_heads();
}

/// A capitalised word with a German adjective ending ("Nationale", "Freien"), not an article,
/// a pronoun or a word that ends in punctuation.
fn looks_like_adjective(word: &str) -> bool {
    const NOT: [&str; 14] = [
        "Die", "Der", "Des", "Den", "Dem", "Eine", "Einer", "Eines", "Einem", "Einen", "Diese",
        "Dieser", "Diesen", "Ihre",
    ];
    // The cheap tests first: most words fail them.
    word.len() >= 5
        && ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| word.ends_with(e))
        && word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !NOT.contains(&word)
}

/// Where the words at the start of `rest` (after one space) end in an organisation noun: the
/// byte length up to that noun's end, if all words before it are capitalised nouns, suspended
/// compounds ("Hospiz-") or the "und" after one.
fn organisation_after(rest: &str, heads: &[&[&str]], longest: usize) -> Option<usize> {
    let mut at = 1;
    let mut words = rest.strip_prefix(' ')?.split(' ');
    let mut suspended = false;
    for _ in 0..longest {
        let word = words.next()?;
        if suspended && word == "und" {
            suspended = false;
            at += word.len() + 1;
            continue;
        }
        // A word may end the sentence or the clause: its punctuation stays out of the name.
        let core = word.trim_end_matches(|c: char| !c.is_alphabetic() && c != '-');
        if !core.starts_with(char::is_uppercase)
            || !core.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return None;
        }
        if ends_in_head(core, heads) {
            return Some(at + core.len());
        }
        if core.len() < word.len() {
            return None;
        }
        suspended = word.ends_with('-');
        at += word.len() + 1;
    }
    None
}

/// Whether the word's last part (after any hyphen) ends, in lower case, with one of the heads.
fn ends_in_head(word: &str, heads: &[&[&str]]) -> bool {
    with_lowercase(word, |lower| {
        let head = lower.rsplit('-').next().unwrap_or(lower);
        // The last bytes first: most heads are told apart by them without comparing more.
        let last = head.as_bytes().last();
        heads
            .iter()
            .flat_map(|list| list.iter())
            .any(|h| h.as_bytes().last() == last && head.ends_with(h))
    })
}

/// English nouns that head an organisation's name before "of", "for" or "on".
const ENGLISH_HEADS: &[&str] = &[
    "Academy",
    "Administration",
    "Agency",
    "Alliance",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Church",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Conference",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Federation",
    "Foundation",
    "Fund",
    "Institute",
    "Institution",
    "Journal",
    "League",
    "Ministry",
    "Museum",
    "Office",
    "Organisation",
    "Organization",
    "Party",
    "School",
    "Secretariat",
    "Society",
    "University",
];

/// English organisation names built on a head noun ("University of Utah", "Ministry of
/// Agriculture, Forestry and Fisheries", "International Fund for Animal Welfare"), which the
/// recognizer tends to cut into pieces or to mark by the place inside: a capitalised head noun,
/// "of", "for" or "on", then capitalised words (a list of them joined by commas and "and", or
/// words joined by "and", "of", "for", "the"), with up to two capitalised words before the
/// head. The name replaces the mentions inside it; one reaching beyond it keeps the text as it was.
pub fn english_organisations(doc: &mut Document) {
    if !matches!(doc.lang, Lang::En) {
        return;
    }
    let mut names: Vec<Span> = Vec::new();
    let mut after = Vec::new();
    for line in article_lines(doc) {
        let text = &doc.text[line.range()];
        let mut from = 0;
        while let Some((head, head_end)) = next_english_head(text, from) {
            from = head_end;
            // Most heads have no "of", "for" or "on" after them: told before any word is cut
            // out.
            let rest = text[head_end..].trim_start_matches(' ');
            if !["of ", "for ", "on "].iter().any(|l| rest.starts_with(l)) {
                continue;
            }
            words_after_head(
                &doc.text,
                Span::new(line.start() + head_end, line.end()),
                &mut after,
            );
            let Some(end) = name_after_head(&after) else {
                continue;
            };
            // Up to two capitalised words before the head.
            let mut start = line.start() + head;
            for (at, word) in words_before(text, head) {
                if !is_modifier(word) {
                    break;
                }
                start = line.start() + at;
            }
            names.push(Span::new(start, end));
        }
    }
    if names.is_empty() {
        return;
    }
    // Names found from two heads may overlap: the first one found stays.
    let mut last_end = 0;
    names.retain(|n| {
        let keep = n.start() >= last_end;
        if keep {
            last_end = n.end();
        }
        keep
    });
    // Mentions are sorted and disjoint: those inside or across a name are a run found by
    // binary search.
    let mut dropped = vec![false; doc.mentions.len()];
    let mut added = Vec::new();
    for name in names {
        let mentions = &doc.mentions;
        let lo = mentions.partition_point(|m| m.span.end() <= name.start());
        let hi = mentions
            .partition_point(|m| m.span.start() < name.end())
            .max(lo);
        let across = mentions[lo..hi]
            .iter()
            .any(|m| m.span.start() < name.start() || m.span.end() > name.end());
        if !across {
            dropped[lo..hi].fill(true);
            added.push(Mention {
                span: name,
                kind: Kind::Org,
                form: Form::Name,
                actor: None,
                origin: Origin::Rule,
            });
        }
    }
    let mut drop = dropped.into_iter();
    doc.mentions.retain(|_| !drop.next().unwrap_or(false));
    merge_sorted(&mut doc.mentions, added);
}

/// The next word of `ENGLISH_HEADS` in a line (no line break in it) from `from` (the start of
/// a word or a space): its start and end. Only the words that start with an ASCII capital
/// (`next_capital`) are cut out and looked at.
fn next_english_head(line: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut at = from;
    loop {
        let capital = next_capital(bytes, at)?;
        at = capital + 1;
        if capital > 0 && bytes[capital - 1] != b' ' {
            continue;
        }
        let end = bytes[capital..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |p| capital + p);
        if is_english_head(&line[capital..end]) {
            return Some((capital, end));
        }
        at = end;
    }
}

/// Where the next ASCII capital letter is in `bytes` from `from`. Eight bytes are looked at
/// at once: a capital is one in a few dozen bytes of English, and a loop over each byte cost
/// ten instructions per byte of the text.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Each byte's low seven bits plus an offset set its high bit when they are at least
        // b'A' (or above b'Z'), without a carry into the next byte; bytes with their own high
        // bit set are no ASCII.
        let low = x & !HIGH;
        let from_a = low + ONES * u64::from(0x80 - b'A');
        let above_z = low + ONES * u64::from(0x80 - b'Z' - 1);
        let capitals = from_a & !above_z & !x & HIGH;
        if capitals != 0 {
            return Some(at + capitals.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|p| at + p)
}

/// The words of a line after a head noun (`span`) into `words`, as far as `name_after_head`
/// reads them: up to the first word that is no joiner, no "on" and not capitalised, where
/// every run of capitalised words stops.
fn words_after_head<'t>(text: &'t str, span: Span, words: &mut Vec<(usize, &'t str)>) {
    words.clear();
    for (at, word) in words_in(text, span) {
        words.push((at, word));
        let goes_on = matches!(word, "and" | "of" | "for" | "the" | "&" | "on")
            || word.starts_with(char::is_uppercase);
        if !goes_on {
            break;
        }
    }
}

/// The (up to) two words before `at` in a line with their starts, the nearest first.
fn words_before(line: &str, at: usize) -> impl Iterator<Item = (usize, &str)> {
    let base = line.as_ptr() as usize;
    line.as_bytes()[..at]
        .rsplit(|&b| b == b' ')
        .filter(|word| !word.is_empty())
        .take(2)
        .map(move |word| {
            let start = word.as_ptr() as usize - base;
            (start, &line[start..start + word.len()])
        })
}

/// For each capital letter, a bit for the length of each word of `ENGLISH_HEADS` it starts.
const HEAD_SHAPES: [u32; 26] = {
    let mut shapes = [0; 26];
    let mut i = 0;
    while i < ENGLISH_HEADS.len() {
        let head = ENGLISH_HEADS[i].as_bytes();
        shapes[(head[0] - b'A') as usize] |= 1 << head.len();
        i += 1;
    }
    shapes
};

/// True for a word of `ENGLISH_HEADS` (sorted): capitalised, as most words are not, and of a
/// head's first letter and length (`HEAD_SHAPES`), as most capitalised words are not.
fn is_english_head(word: &str) -> bool {
    let shape = match word.as_bytes() {
        [first, ..] if first.is_ascii_uppercase() && word.len() < 32 => {
            HEAD_SHAPES[usize::from(first - b'A')] & (1 << word.len()) != 0
        }
        _ => false,
    };
    shape && ENGLISH_HEADS.binary_search(&word).is_ok()
}

/// The lines of the article's blocks: a name does not run across a line break.
fn article_lines(doc: &Document) -> impl Iterator<Item = Span> + '_ {
    doc.blocks
        .iter()
        .filter(|b| b.role.is_article())
        .flat_map(|b| {
            let mut at = b.span.start();
            doc.text[b.span.range()].split('\n').map(move |line| {
                let span = Span::new(at, at + line.len());
                at += line.len() + 1;
                span
            })
        })
}

/// The words of a block (split at spaces and line breaks) with their byte offsets in the text.
/// Splits bytes rather than chars: spaces and line breaks are ASCII, so every cut falls on a
/// char boundary (splitting by chars cost 23 M instructions per MB of text; splitting at each
/// of the two with `str::split`, which finds one character by `memchr`, cost 1 M more).
fn words_in(text: &str, block: Span) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    text.as_bytes()[block.range()]
        .split(|&b| b == b' ' || b == b'\n')
        .filter(|word| !word.is_empty())
        .map(move |word| {
            let at = word.as_ptr() as usize - base;
            (at, &text[at..at + word.len()])
        })
}

/// A capitalised word that may stand before an organisation's head noun ("International",
/// "U.S."): not an article or a preposition, nor a word that ends a sentence.
fn is_modifier(word: &str) -> bool {
    const NOT: [&str; 12] = [
        "The", "A", "An", "In", "At", "Of", "For", "On", "By", "From", "Its", "Their",
    ];
    if NOT.contains(&word) || !word.starts_with(char::is_uppercase) {
        return false;
    }
    let abbreviation = word.len() > 2 && word.matches('.').count() > 1;
    (abbreviation || !word.ends_with('.'))
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '&'))
}

/// How a run of capitalised words ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunEnd {
    /// Its last word ends with a comma: a list may go on.
    Comma,
    /// Other punctuation, a lower-case word or the block's end.
    Other,
}

/// A run of capitalised words from `words[from]`, joined by spaces or by "and", "of", "for",
/// "the", "&" between capitalised words: its end (byte offset, without punctuation or a
/// possessive), the index after it, how it ended, and whether an "and" joined it.
fn capitalised_run(words: &[(usize, &str)], from: usize) -> Option<(usize, usize, RunEnd, bool)> {
    const JOINERS: [&str; 5] = ["and", "of", "for", "the", "&"];
    let (mut end, mut has_and, mut joiner) = (None, false, None);
    let mut i = from;
    while let Some(&(at, word)) = words.get(i) {
        // Another head noun with its "of" starts another name.
        let next_links = words
            .get(i + 1)
            .is_some_and(|w| matches!(w.1, "of" | "for" | "on"));
        if end.is_some() && is_english_head(word) && next_links {
            break;
        }
        if JOINERS.contains(&word) {
            if end.is_none() || joiner.is_some() {
                break;
            }
            joiner = Some(word);
            i += 1;
            continue;
        }
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '’', '!', '?']);
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("’s"))
            .unwrap_or(core);
        if !core.starts_with(char::is_uppercase)
            || !core
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
        {
            break;
        }
        has_and |= matches!(joiner, Some("and" | "&"));
        joiner = None;
        end = Some(at + core.len());
        i += 1;
        if core.len() < word.len() {
            let how = if word.ends_with(',') {
                RunEnd::Comma
            } else {
                RunEnd::Other
            };
            return end.map(|e| (e, i, how, has_and));
        }
    }
    end.map(|e| (e, i, RunEnd::Other, has_and))
}

/// The end (byte offset) of an organisation's name after its head noun: `words` start with
/// "of", "for" or "on", then capitalised words; a list ("Agriculture, Forestry and Fisheries")
/// counts only when "and" closes it.
fn name_after_head(words: &[(usize, &str)]) -> Option<usize> {
    if !matches!(words.first()?.1, "of" | "for" | "on") {
        return None;
    }
    let from = if words.get(1).is_some_and(|w| w.1 == "the") {
        2
    } else {
        1
    };
    let (mut end, mut next, how, _) = capitalised_run(words, from)?;
    if how == RunEnd::Comma {
        while let Some((e, after, how, has_and)) = capitalised_run(words, next) {
            if has_and {
                end = e;
                break;
            }
            if how != RunEnd::Comma {
                break;
            }
            next = after;
        }
    }
    Some(end)
}

fn word_count(text: &str) -> usize {
    text.split(' ').filter(|w| !w.is_empty()).count()
}

/// The start of the capitalised word that ends one space before `at`, if it may belong to a
/// name.
fn word_before(text: &str, at: usize) -> Option<usize> {
    const NOT_NAMES: [&str; 24] = [
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "The", "A",
        "An", "Bei", "Mit", "Von", "Für", "Laut", "Nach", "Über", "Und", "Oder", "Auch", "Wie",
    ];
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '&'))
        .last()
        .map(|(i, _)| i)?;
    let word = &before[start..];
    (word.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&word)).then_some(start)
}

/// Whether a word after this text would open a sentence or a block.
fn opens_sentence(before: &str) -> bool {
    match before.trim_end_matches(' ').chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '„' | '“' | '"' | '(' | '«' | '»'
        ),
    }
}

/// Takes leading titles and roles out of person names the recognizer marked with them
/// ("Bundesfamilienministerin Schwesig" → "Schwesig", "President Joe Biden" → "Joe Biden"),
/// which makes them persons. A name not marked as a person is trimmed only when the rest is a
/// person's name elsewhere in the text ("General Motors" stays whole).
pub fn trim_roles(doc: &mut Document) {
    let (german, english) = (!matches!(doc.lang, Lang::En), !matches!(doc.lang, Lang::De));
    // Wanted only for a name not marked as a person, which few are.
    let mut persons: Option<FxHashSet<&str>> = None;
    let mut trimmed = Vec::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if m.form != Form::Name {
            continue;
        }
        let surface = &doc.text[m.span.range()];
        // One word: nothing before it to trim. Most names of several words begin with no
        // title, which their first word tells without splitting them into words.
        let Some(space) = first_white_space(surface) else {
            continue;
        };
        let may_begin_a_run = |w: &str| {
            role(w, german, english).is_some_and(|r| r.class == Class::Person)
                || (english && is_english_modifier(w))
        };
        if space > 0
            && (surface[space..].trim_start().is_empty() || !may_begin_a_run(&surface[..space]))
        {
            continue;
        }
        // The leading run of titles and modifiers that ends in a title (never the last word):
        // the word after it.
        let mut after = None;
        let mut words = surface.split_whitespace().peekable();
        while let Some(w) = words.next() {
            let Some(&next) = words.peek() else { break };
            if role(w, german, english).is_some_and(|r| r.class == Class::Person) {
                after = Some(next);
            } else if !(english && is_english_modifier(w)) {
                break;
            }
        }
        let Some(after) = after else { continue };
        let cut = after.as_ptr() as usize - surface.as_ptr() as usize;
        let rest = &surface[cut..];
        if m.kind == Kind::Per
            || persons
                .get_or_insert_with(|| person_names(doc))
                .contains(rest.trim())
        {
            let start = m.span.start() + cut;
            trimmed.push((i, Span::new(start, m.span.end())));
        }
    }
    for (i, span) in trimmed {
        doc.mentions[i].span = span;
        doc.mentions[i].kind = Kind::Per;
    }
}

/// Where the first white space character (`char::is_whitespace`) of a text is. Only ASCII
/// white space and the characters whose UTF-8 starts with one of four bytes may be white
/// space: the others are not decoded.
fn first_white_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let at = from
            + bytes[from..]
                .iter()
                .position(|&b| matches!(b, b'\t'..=b'\r' | b' ' | 0xc2 | 0xe1..=0xe3))?;
        let c = text[at..].chars().next()?;
        if c.is_whitespace() {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
}

/// The surfaces of the person mentions, and their last words.
fn person_names(doc: &Document) -> FxHashSet<&str> {
    let mut persons = FxHashSet::default();
    for m in doc.mentions.iter().filter(|m| m.kind == Kind::Per) {
        let surface = doc.text[m.span.range()].trim();
        persons.insert(surface);
        if let Some(last) = surface.split_whitespace().last() {
            persons.insert(last);
        }
    }
    persons
}

/// Corrects the kinds of one-word name mentions with a role or class noun right before them,
/// where the lexicons do not say otherwise (longer names keep theirs: "der Finanzminister
/// Preußischer Landtag" is a clipped phrase, not a person; "Bayern" stays a place). The words'
/// roles are asked of `roles_of`, which keeps them for the descriptors.
pub fn from_appositions<'t>(
    mentions: &mut [Mention],
    tokens: &Tokens<'t>,
    roles_of: &mut WordRoles<'t>,
) {
    for (m, mention) in mentions.iter_mut().enumerate() {
        if mention.form != Form::Name {
            continue;
        }
        let Some(t) = tokens.of_mention(m) else {
            continue;
        };
        // The word before, past an opening quote.
        let mut before = tokens.prev(t);
        if let Some(q) = before
            && !tokens.spaced(t)
            && tokens.text(q).chars().all(is_quote)
        {
            before = tokens.prev(q).filter(|_| tokens.spaced(q));
        } else if !tokens.spaced(t) {
            continue;
        }
        let Some(before) = before.filter(|&p| tokens.is_word(p)) else {
            continue;
        };
        let name = tokens.text(t);
        // A longer name of another kind than the vague MISC keeps its kind whatever the word
        // before is (below): no role to look up.
        if mention.kind != Kind::Misc && name.contains(' ') {
            continue;
        }
        let Some(r) = roles_of.of(tokens.text(before)) else {
            continue;
        };
        // A longer name changes kind only from the vague MISC to an organisation or place
        // ("der Wählerinitiative „Gemeinsam für Dresden“").
        let vague = mention.kind == Kind::Misc && r.class != Class::Person;
        if r.class.fits(mention.kind) || (name.contains(' ') && !vague) {
            continue;
        }
        let kind = match r.class {
            Class::Person => Kind::Per,
            Class::Organisation => Kind::Org,
            Class::Place => Kind::Loc,
        };
        // What the lexicons know of the name must agree with the new kind.
        let k = knowledge();
        let entry_agrees = k.name(&fold(name)).is_none_or(|e| e.fits(kind));
        let place_agrees = kind == Kind::Loc || k.place(name).is_none();
        if entry_agrees && place_agrees {
            mention.kind = kind;
        }
    }
}

/// Gives name mentions their actor's kind when the actor is a lexicon entry or a strict
/// majority of its name mentions has that kind.
pub fn agree(grouping: &mut Grouping, actors: &[Actor], mentions: &[Mention]) {
    // Per actor: the votes of its name mentions by kind, and whether it is a lexicon entry
    // (as the cluster of its last mention in one says).
    let mut votes = vec![([0usize; 4], false); actors.len()];
    for (i, m) in mentions.iter().enumerate() {
        let Some(a) = m.actor else { continue };
        let (kinds, known) = &mut votes[a.0];
        if grouping.form[i] == Form::Name {
            kinds[grouping.kind[i].index()] += 1;
        }
        if let Some(c) = grouping.cluster_of(i) {
            *known = grouping.clusters.get(c).entry.is_some();
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        let Some(a) = m.actor else { continue };
        if grouping.form[i] != Form::Name {
            continue;
        }
        let kind = actors[a.0].kind;
        let (v, known) = votes[a.0];
        let total: usize = v.iter().sum();
        if known || 2 * v[kind.index()] > total {
            grouping.kind[i] = kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words_in` as it was: split by chars.
    fn words_by_chars(text: &str, block: Span) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut at = block.start();
        for word in text[block.range()].split([' ', '\n']) {
            if !word.is_empty() {
                out.push((at, word));
            }
            at += word.len() + 1;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn english_heads_are_found_as_by_looking_at_every_word(
            line in "(Court|Bank|Fund|court|[A-Za-zä]{1,3}| |\\.|,){0,8}",
        ) {
            let by_words: Vec<(usize, usize)> = words_in(&line, Span::new(0, line.len()))
                .filter(|(_, w)| is_english_head(w))
                .map(|(at, w)| (at, at + w.len()))
                .collect();
            let mut found = Vec::new();
            let mut from = 0;
            while let Some((start, end)) = next_english_head(&line, from) {
                found.push((start, end));
                from = end;
            }
            proptest::prop_assert_eq!(found, by_words);
        }

        #[test]
        fn next_capital_agrees_with_looking_at_every_byte(
            text in "[a-zA-Z@\\[`{ äÄ]{0,24}",
            from in 0usize..26,
        ) {
            let bytes = text.as_bytes();
            let by_bytes = (from..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase());
            proptest::prop_assert_eq!(next_capital(bytes, from), by_bytes);
        }

        #[test]
        fn words_before_are_the_last_two_words(
            line in "[a ä.]{0,12}",
            at in 0usize..14,
        ) {
            let at = (0..=at.min(line.len())).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
            let mut all: Vec<(usize, &str)> = words_in(&line, Span::new(0, at)).collect();
            all.reverse();
            all.truncate(2);
            proptest::prop_assert_eq!(words_before(&line, at).collect::<Vec<_>>(), all);
        }

        #[test]
        fn first_white_space_agrees_with_chars(
            text in "[a ä\t\u{b}\u{1f}\u{85}\u{a0}\u{1680}\u{2009}\u{202f}\u{3000}„]{0,10}",
        ) {
            proptest::prop_assert_eq!(first_white_space(&text), text.find(char::is_whitespace));
        }
    }

    #[test]
    fn white_space_beyond_ascii_starts_with_the_bytes_first_white_space_looks_for() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if c.is_whitespace() && !c.is_ascii() {
                let mut utf8 = [0; 4];
                let first = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(matches!(first, 0xc2 | 0xe1..=0xe3), "{c:?}");
            }
        }
    }

    #[test]
    fn english_heads_are_sorted_and_capitalised() {
        assert!(ENGLISH_HEADS.is_sorted());
        assert!(ENGLISH_HEADS.iter().all(|h| h.len() < 32));
        assert!(ENGLISH_HEADS.iter().all(|h| is_english_head(h)));
        assert!(!is_english_head("Parliament") && !is_english_head("party"));
    }

    #[test]
    fn party_heads_are_found_as_any_head_is() {
        for text in [
            "die Nationale Koalition",
            "Bündnisses",
            "der FRONT",
            "ein Verband",
            "nichts",
        ] {
            let contains = PARTY_HEADS
                .iter()
                .any(|h| text.contains(&h[h.chars().next().map_or(0, char::len_utf8)..]));
            assert_eq!(party_heads().is_match(text), contains, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_in_agrees_with_splitting_by_chars(
            text in "[a ü\n„ß.-]{0,24}",
            a in 0usize..30,
            b in 0usize..30,
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let block = Span::new(a.min(b), a.max(b));
            let words: Vec<(usize, &str)> = words_in(&text, block).collect();
            proptest::prop_assert_eq!(words, words_by_chars(&text, block));
        }
    }
}

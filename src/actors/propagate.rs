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

use std::collections::{HashMap, HashSet};

use super::derived::{Base, country_of, resolve};
use super::knowledge::knowledge;
use super::morph::{fold, is_acronym, is_german_adjective, strip_adjective_ending};
use super::roles::role;
use super::tokens::{Class, Tokens};
use crate::document::{Document, Form, Kind, Lang, Mention, Origin, Span};

/// A name to look for: its words as the tokenizer writes them, and its kind.
struct Candidate {
    words: Vec<String>,
    kind: Kind,
}

/// New mentions, sorted, over words no mention covers.
pub fn find(doc: &Document, tokens: &Tokens) -> Vec<Mention> {
    let candidates = candidates(doc);
    let places = document_places(doc);
    let german = !matches!(doc.lang, Lang::En);
    let k = knowledge();
    let n = tokens.list.len();
    let mut out = Vec::new();
    let mut t = 0;
    while t < n {
        if tokens.list[t].class != Class::Word {
            t += 1;
            continue;
        }
        let text = tokens.text(t);
        let mention = |last: usize, kind, form, origin| Mention {
            span: Span::new(tokens.list[t].span.start(), tokens.list[last].span.end()),
            kind,
            form,
            actor: None,
            origin,
        };
        if let Some(list) = candidates.get(text)
            && let Some(c) = list.iter().find(|c| matches_at(tokens, t, &c.words))
        {
            let last = t + c.words.len() - 1;
            out.push(mention(last, c.kind, Form::Name, Origin::Rule));
            t = last + 1;
            continue;
        }
        if let Some((words, entry)) = k
            .markable(text)
            .iter()
            .find(|(words, _)| matches_at(tokens, t, words) && !first_name(tokens, t, words))
        {
            let last = t + words.len() - 1;
            out.push(mention(last, entry.kind(), Form::Name, Origin::Lexicon));
            t = last + 1;
            continue;
        }
        if let Some(kind) = part_of(text, german, &candidates) {
            out.push(mention(t, kind, Form::Part, Origin::Lexicon));
        } else if is_country_adjective(text, german) || is_place_adjective(text, doc, &places) {
            out.push(mention(t, Kind::Loc, Form::Derived, Origin::Lexicon));
        }
        t += 1;
    }
    out
}

/// The kind of the name a compound word begins with, when that is a lexicon name or a
/// one-word name of the document: "Kremlsprecher", "Bundestagsabgeordnete", "Wagner-Söldner",
/// "US-Sanktionen". The rest must be a word of its own (four letters or more, lower case in a
/// closed compound), so that "Amerikaner" is no part of "Amerika".
fn part_of(word: &str, german: bool, candidates: &HashMap<String, Vec<Candidate>>) -> Option<Kind> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let known = |name: &str| -> Option<Kind> {
        let one_word = |words: &[&str]| words.len() == 1;
        knowledge()
            .markable(name)
            .iter()
            .find(|(w, _)| one_word(w))
            .map(|(_, e)| e.kind())
            .or_else(|| {
                candidates.get(name).and_then(|list| {
                    list.iter()
                        .find(|c| c.words.len() == 1 && c.kind != Kind::Per)
                        .map(|c| c.kind)
                })
            })
    };
    if let Some((first, rest)) = word.split_once('-') {
        let rest_letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        return if rest.is_empty() || rest_letters >= 3 {
            known(first)
        } else {
            None
        };
    }
    if !german {
        return None;
    }
    for (cut, _) in word.char_indices().skip(4) {
        let (head, rest) = word.split_at(cut);
        if rest.chars().count() < 4 || !rest.chars().all(char::is_lowercase) {
            continue;
        }
        let kind = known(head).or_else(|| head.strip_suffix('s').and_then(known));
        if kind.is_some() {
            return kind;
        }
    }
    None
}

/// The document's one-word place names, folded, for place adjectives ("Sächsischer" when
/// the text names "Sachsen").
fn document_places(doc: &Document) -> HashSet<String> {
    doc.mentions
        .iter()
        .filter(|m| recognised(m) && m.form == Form::Name && m.kind == Kind::Loc)
        .map(|m| {
            let surface = doc.slice(m.span);
            fold(surface.split('-').next().unwrap_or(surface))
        })
        .collect()
}

/// True for a German adjective in -isch of a place the document names.
fn is_place_adjective(word: &str, doc: &Document, places: &HashSet<String>) -> bool {
    !places.is_empty()
        && !matches!(doc.lang, Lang::En)
        && strip_adjective_ending(word).ends_with("isch")
        && matches!(
            resolve(word, &doc.lang, &|key| places.contains(key)),
            Base::InDocument(_)
        )
}

/// The names worth looking for, by their first word (longest first).
fn candidates(doc: &Document) -> HashMap<String, Vec<Candidate>> {
    let k = knowledge();
    let german = !matches!(doc.lang, Lang::En);
    let mut count: HashMap<&str, (usize, Kind)> = HashMap::new();
    let mut surnames: Vec<String> = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| recognised(m) && m.form == Form::Name)
    {
        let surface = doc.slice(m.span);
        if !surface.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        count.entry(surface).or_insert((0, m.kind)).0 += 1;
        let words: Vec<&str> = surface.split_whitespace().collect();
        if m.kind == Kind::Per
            && words.len() > 1
            && let Some(last) = words.last()
            && last.chars().next().is_some_and(char::is_uppercase)
            && last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !last.ends_with('.')
        {
            surnames.push(last.to_string());
            if german && !last.ends_with(['s', 'x', 'z', 'ß']) {
                surnames.push(format!("{last}s"));
            }
        }
    }
    let mut out: HashMap<String, Vec<Candidate>> = HashMap::new();
    let mut add = |words: Vec<String>, kind: Kind| {
        let list = out.entry(words[0].clone()).or_default();
        if !list.iter().any(|c| c.words == words) {
            list.push(Candidate { words, kind });
        }
    };
    for surname in surnames {
        add(vec![surname], Kind::Per);
    }
    for (surface, (times, kind)) in count {
        let words: Vec<String> = surface.split_whitespace().map(str::to_string).collect();
        let folded = fold(surface);
        let name_like = words.len() > 1
            || times >= 2
            || is_acronym(surface)
            || k.name(&folded).is_some()
            || k.place(surface).is_some();
        // A role or class noun tagged as a name ("Präsident", "Mann") is not spread.
        let role_word = words.len() == 1 && role(surface, german, !german).is_some();
        if name_like && !role_word && surface.chars().count() >= 2 {
            add(words, kind);
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|c| usize::MAX - c.words.len());
    }
    out
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
        && word.chars().count() >= 4
        && knowledge().name(&fold(word)).is_none()
        && country_of(word).is_some()
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
}

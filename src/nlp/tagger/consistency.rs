//! Document-level label consistency, a second pass over a tagged document: a name is usually
//! the same kind of thing every time a text uses it. A single-word name takes the kind most of
//! its occurrences in the document got (counting the surname of every full person name and the
//! first part of hyphenated compounds: "Dieter Birnbacher" makes a lone "Birnbacher" a person,
//! two "Wagner-Söldner" make "Wagner" an organisation); and a capitalised word inside a sentence
//! that the document names at least twice elsewhere, with at least twice as many votes for one
//! kind as for all others, is named there too.

use std::collections::HashMap;

use crate::document::{Form, Kind};
use crate::nlp::corpus::{Class, Entity};

/// Votes per kind for a lower-cased word.
type Votes = HashMap<String, [u32; 4]>;

fn vote(votes: &mut Votes, word: &str, kind: Kind, weight: u32) {
    votes.entry(word.to_lowercase()).or_default()[kind.index()] += weight;
}

/// The kind with most votes if it has more than any other, and its count.
fn majority(counts: &[u32; 4]) -> Option<(Kind, u32)> {
    let (best, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let unique = counts.iter().filter(|c| **c == *n).count() == 1;
    (unique && *n > 0).then(|| (Kind::ALL[best], *n))
}

/// A capital letter, then only letters (hyphens and apostrophes aside), some in lower case.
fn surname_like(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Adjusts the entities of a document's sentences (`tokens[i]` with `entities[i]`) in place.
pub fn apply<S: AsRef<str>>(tokens: &[&[S]], entities: &mut [Vec<Entity>]) {
    let mut votes = Votes::new();
    for (sentence, found) in tokens.iter().zip(entities.iter()) {
        for e in found {
            let Some(words) = sentence.get(e.start..e.end) else {
                continue;
            };
            match (e.class.form(), words) {
                (Form::Name, [word]) => vote(&mut votes, word.as_ref(), e.class.kind(), 1),
                // A full name is surer evidence than a lone word; its last word counts when it
                // looks like a surname (Birnbacher, not "II" or "Jr.").
                (Form::Name, [.., last])
                    if e.class.kind() == Kind::Per && surname_like(last.as_ref()) =>
                {
                    vote(&mut votes, last.as_ref(), Kind::Per, 2)
                }
                (Form::Part, [word]) => {
                    if let Some((first, _)) = word.as_ref().split_once('-') {
                        vote(&mut votes, first, e.class.kind(), 1);
                    }
                }
                _ => {}
            }
        }
    }
    for (sentence, found) in tokens.iter().zip(entities.iter_mut()) {
        for e in found.iter_mut() {
            if e.class.form() != Form::Name || e.end != e.start + 1 {
                continue;
            }
            let Some(word) = sentence.get(e.start) else {
                continue;
            };
            if let Some(counts) = votes.get(&word.as_ref().to_lowercase())
                && let Some((kind, n)) = majority(counts)
                && kind != e.class.kind()
                && n > counts[e.class.kind().index()]
            {
                e.class = Class::name(kind);
            }
        }
        let mut added = Vec::new();
        for (i, word) in sentence.iter().enumerate().skip(1) {
            let word = word.as_ref();
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if !capitalised || found.iter().any(|e| e.start <= i && i < e.end) {
                continue;
            }
            if let Some(counts) = votes.get(&word.to_lowercase())
                && let Some((kind, n)) = majority(counts)
                && n >= 2
                && n >= 2 * (counts.iter().sum::<u32>() - n)
            {
                added.push(Entity {
                    start: i,
                    end: i + 1,
                    class: Class::name(kind),
                });
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, kind: Kind) -> Entity {
        Entity {
            start,
            end,
            class: Class::name(kind),
        }
    }

    #[test]
    fn lone_surnames_follow_the_full_name_and_repeated_names_are_found() {
        let s1 = ["Dieter", "Birnbacher", "sagt", "das"];
        let s2 = ["Das", "meint", "Birnbacher", "auch"];
        let s3 = ["Später", "kam", "Birnbacher", "zurück"];
        let tokens: Vec<&[&str]> = vec![&s1, &s2, &s3];
        let mut entities = vec![vec![e(0, 2, Kind::Per)], vec![e(2, 3, Kind::Loc)], vec![]];
        apply(&tokens, &mut entities);
        assert_eq!(
            entities[1],
            vec![e(2, 3, Kind::Per)],
            "the full name outvotes the lone word"
        );
        assert_eq!(
            entities[2],
            vec![e(2, 3, Kind::Per)],
            "and the name is found again"
        );
        let ruler = ["Elizabeth", "II", "besuchte", "Paris"];
        let again = ["Dann", "kam", "II", "wieder"];
        let mut numbered = vec![vec![e(0, 2, Kind::Per)], vec![], vec![]];
        apply(&[&ruler[..], &again[..], &again[..]], &mut numbered);
        assert!(
            numbered[1].is_empty(),
            "a numeral is no surname: {numbered:?}"
        );
        let lone = ["Heute", "regnet", "Birnbacher"];
        let mut single = vec![vec![]];
        apply(&[&lone[..]], &mut single);
        assert!(single[0].is_empty(), "no votes, nothing added");
    }

    #[test]
    fn parts_vote_for_their_first_word() {
        let s1 = ["Wagner-Söldner", "kämpfen"];
        let s2 = ["die", "Wagner-Soldaten"];
        let s3 = ["hat", "Wagner", "Personal"];
        let s4 = ["Die", "Gruppe", "Wagner", "zog", "ab"];
        let tokens: Vec<&[&str]> = vec![&s1, &s2, &s3, &s4];
        let part = |s, k| Entity {
            start: s,
            end: s + 1,
            class: Class::new(k, Form::Part).unwrap(),
        };
        let mut entities = vec![
            vec![part(0, Kind::Org)],
            vec![part(1, Kind::Org)],
            vec![e(1, 2, Kind::Per)],
            vec![],
        ];
        apply(&tokens, &mut entities);
        assert_eq!(entities[2], vec![e(1, 2, Kind::Org)]);
        assert_eq!(
            entities[3],
            vec![e(2, 3, Kind::Org)],
            "named twice elsewhere, always ORG"
        );
    }
}

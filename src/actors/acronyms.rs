//! Acronyms defined in the text: a name followed by its acronym in parentheses ("Alternative
//! für Deutschland (AfD)", "Tokyo Electric Power Company (TEPCO)"). The definition links the two;
//! where the recognizer did not mark the acronym, there and at its other occurrences, a name
//! mention is added for it (origin rule). Where only the acronym is marked, the capitalised
//! words before it that it abbreviates become the name ("Tokyo Electric Power Company").

use rustc_hash::FxHashMap;

use super::group::Definition;
use super::morph::{abbreviates, is_acronym};
use super::tokens::Tokens;
use crate::document::{Form, Kind, Mention, Origin, Span};

/// Definitions found and the mentions to add.
#[derive(Debug, Default, PartialEq)]
pub struct Acronyms {
    pub definitions: Vec<Definition>,
    /// New name mentions, sorted, not overlapping any existing mention once `replaced` are gone.
    pub added: Vec<Mention>,
    /// Mentions (indices, ascending) that an added name takes in ("Deutschland" in "Alternative
    /// für Deutschland (AfD)").
    pub replaced: Vec<usize>,
}

/// Finds acronym definitions after non-person names and the unmarked uses of those acronyms.
pub fn find(mentions: &[Mention], tokens: &Tokens) -> Acronyms {
    let mut found = Acronyms::default();
    let mut defined: FxHashMap<&str, Kind> = FxHashMap::default();
    let n = tokens.list.len();
    for (m, t) in mention_tokens(mentions, tokens) {
        let mention = &mentions[m];
        if mention.form != Form::Name || mention.kind == Kind::Per || t + 3 >= n {
            continue;
        }
        let (open, inner, close) = (t + 1, t + 2, t + 3);
        let same_block = tokens.joined(t) && tokens.joined(open) && tokens.joined(inner);
        if !same_block || !tokens.is_punct(open, '(') || !tokens.is_punct(close, ')') {
            continue;
        }
        let acronym = tokens.text(inner);
        let name = &tokens.text[mention.span.range()];
        if !is_acronym(acronym) || !abbreviates(acronym, without_article(name)) {
            continue;
        }
        match tokens.mention(inner) {
            Some(_) => {}
            None if tokens.is_word(inner) => found.added.push(Mention {
                span: tokens.span(inner),
                kind: mention.kind,
                form: Form::Name,
                actor: None,
                origin: Origin::Rule,
            }),
            None => continue,
        }
        found.definitions.push(Definition {
            name: mention.span,
            acronym: acronym.to_string(),
        });
        defined.insert(acronym, mention.kind);
    }
    let at_definitions = found.added.len();
    for (t, name, kind, inside) in long_forms(mentions, tokens) {
        found.replaced.extend(inside);
        found.added.push(Mention {
            span: name,
            kind,
            form: Form::Name,
            actor: None,
            origin: Origin::Rule,
        });
        found.definitions.push(Definition {
            name,
            acronym: tokens.text(t).to_string(),
        });
    }
    if defined.is_empty() {
        found.added.sort_by_key(|m| m.span.start());
        return found;
    }
    // The acronyms added where they are defined, in text order (a long form spans several
    // tokens, never one word).
    let at_definitions = &found.added[..at_definitions];
    let marked = |span: Span| {
        at_definitions
            .binary_search_by_key(&span.start(), |m| m.span.start())
            .is_ok_and(|i| at_definitions[i].span == span)
    };
    // Most words are told from every defined acronym by their length or first byte.
    let (shortest, longest) = defined.keys().fold((usize::MAX, 0), |(s, l), a| {
        (s.min(a.len()), l.max(a.len()))
    });
    let mut first_bytes = [false; 256];
    for a in defined.keys() {
        first_bytes[usize::from(a.as_bytes()[0])] = true;
    }
    let mut uses = Vec::new();
    for (t, token) in tokens.list.iter().enumerate() {
        // Told by the token first, then by its first byte.
        if !token.is_word()
            || !(shortest..=longest).contains(&token.len())
            || !first_bytes[usize::from(tokens.text.as_bytes()[token.start()])]
        {
            continue;
        }
        let span = tokens.span(t);
        // A defined acronym is one (`is_acronym`).
        if let Some(&kind) = defined.get(tokens.text(t))
            && !marked(span)
        {
            uses.push(Mention {
                span,
                kind,
                form: Form::Name,
                actor: None,
                origin: Origin::Rule,
            });
        }
    }
    found.added.extend(uses);
    found.added.sort_by_key(|m| m.span.start());
    found
}

/// The mentions that are tokens of their own, with their tokens, in text order.
fn mention_tokens<'a>(
    mentions: &'a [Mention],
    tokens: &'a Tokens,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    (0..mentions.len()).filter_map(|m| Some((m, tokens.of_mention(m)?)))
}

/// Marked acronyms in parentheses right after capitalised words they abbreviate that the
/// recognizer did not mark as one name: (token of the acronym, span of the name, the acronym's
/// kind, the mentions inside the name). Every capitalised word's initial must come in the
/// acronym in order, so "The" before "Tokyo" stays out; lower-case words may stand between
/// them, and names of places or organisations inside ("Alternative für Deutschland").
fn long_forms(mentions: &[Mention], tokens: &Tokens) -> Vec<(usize, Span, Kind, Vec<usize>)> {
    const LONGEST: usize = 8;
    let mut out = Vec::new();
    let n = tokens.list.len();
    for (m, t) in mention_tokens(mentions, tokens).filter(|&(_, t)| 2 <= t && t + 1 < n) {
        let acronym = tokens.text(t);
        let (mention, open, close) = (&mentions[m], t - 1, t + 1);
        // The parentheses first: they rule out most mentions without a look at the text.
        if mention.form != Form::Name
            || mention.kind == Kind::Per
            || !tokens.is_punct(open, '(')
            || !tokens.is_punct(close, ')')
            || !tokens.joined(open)
            || !is_acronym(acronym)
        {
            continue;
        }
        // The words and non-person names before the parenthesis, nearest first.
        let inner_name = |p: usize| {
            tokens
                .mention(p)
                .is_some_and(|i| mentions[i].kind != Kind::Per && mentions[i].form == Form::Name)
        };
        let mut words = Vec::new();
        let mut i = open;
        while let Some(p) = tokens.prev(i) {
            if !(tokens.is_word(p) || inner_name(p)) || words.len() == LONGEST {
                break;
            }
            words.push(p);
            i = p;
        }
        let capitalised = |w: usize| tokens.text(w).starts_with(char::is_uppercase);
        // The farthest capitalised start whose words the acronym abbreviates.
        let start = (0..words.len()).rev().find(|&k| {
            let run = &words[..=k];
            let initials: String = run
                .iter()
                .rev()
                .filter(|&&w| capitalised(w))
                .filter_map(|&w| tokens.text(w).chars().next())
                .collect();
            capitalised(words[k])
                && tokens.is_word(words[k])
                && run.iter().any(|&w| tokens.is_word(w) && capitalised(w))
                && initials.chars().count() >= 2
                && is_subsequence(&initials, acronym)
                && abbreviates(
                    acronym,
                    &tokens.text[tokens.start(words[k])..tokens.end(words[0])],
                )
        });
        if let Some(k) = start {
            let span = Span::new(tokens.start(words[k]), tokens.end(words[0]));
            let inside = words[..=k]
                .iter()
                .rev()
                .filter_map(|&w| tokens.mention(w))
                .collect();
            out.push((t, span, mention.kind, inside));
        }
    }
    out
}

/// Whether the letters of `short` appear in `long` in order (case-insensitively).
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars().flat_map(char::to_lowercase);
    short
        .chars()
        .flat_map(char::to_lowercase)
        .all(|c| long.any(|l| l == c))
}

fn without_article(name: &str) -> &str {
    for article in [
        "der ", "die ", "das ", "the ", "The ", "Der ", "Die ", "Das ",
    ] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::test_support::doc;

    #[test]
    fn a_definition_links_and_unmarked_uses_are_added() {
        let text = "Tokyo Electric Power Company (TEPCO) said so. Later TEPCO reports came.";
        let d = doc(text, &[("Tokyo Electric Power Company", Kind::Org)]);
        let found = find(&d.mentions, &Tokens::of(&d));
        assert_eq!(found.definitions.len(), 1);
        assert_eq!(found.definitions[0].acronym, "TEPCO");
        let added: Vec<&str> = found.added.iter().map(|m| d.slice(m.span)).collect();
        assert_eq!(added, ["TEPCO", "TEPCO"]);
        assert!(
            found
                .added
                .iter()
                .all(|m| m.kind == Kind::Org && m.origin == Origin::Rule)
        );
    }

    #[test]
    fn the_words_a_marked_acronym_abbreviates_become_its_name() {
        let text = "The Tokyo Electric Power Company (TEPCO) said so. \
                    Die Partei Alternative für Deutschland (AfD) trat an. Big News (TEPCO) no.";
        let d = doc(
            text,
            &[
                ("TEPCO", Kind::Org),
                ("AfD", Kind::Org),
                ("TEPCO", Kind::Org),
            ],
        );
        let found = find(&d.mentions, &Tokens::of(&d));
        let added: Vec<&str> = found.added.iter().map(|m| d.slice(m.span)).collect();
        assert_eq!(
            added,
            [
                "Tokyo Electric Power Company",
                "Alternative für Deutschland"
            ]
        );
        assert!(found.added.iter().all(|m| m.kind == Kind::Org));
        let acronyms: Vec<&str> = found
            .definitions
            .iter()
            .map(|d| d.acronym.as_str())
            .collect();
        assert_eq!(acronyms, ["TEPCO", "AfD"]);
        assert!(found.replaced.is_empty());
        // A place inside the name is taken in.
        let text = "die Alternative für Deutschland (AfD) trat an";
        let d = doc(text, &[("Deutschland", Kind::Loc), ("AfD", Kind::Org)]);
        let found = find(&d.mentions, &Tokens::of(&d));
        let added: Vec<&str> = found.added.iter().map(|m| d.slice(m.span)).collect();
        assert_eq!(added, ["Alternative für Deutschland"]);
        assert_eq!(found.replaced, [0]);
    }

    #[test]
    fn a_party_after_a_person_is_no_definition() {
        let text = "Manuela Schwesig (SPD) sprach. Dresden (Deutschland) wählt.";
        let d = doc(
            text,
            &[
                ("Manuela Schwesig", Kind::Per),
                ("SPD", Kind::Org),
                ("Dresden", Kind::Loc),
                ("Deutschland", Kind::Loc),
            ],
        );
        assert_eq!(find(&d.mentions, &Tokens::of(&d)), Acronyms::default());
    }

    #[test]
    fn a_marked_acronym_is_only_linked() {
        let text = "die Alternative für Deutschland (AfD) trat an";
        let d = doc(
            text,
            &[
                ("Alternative für Deutschland", Kind::Org),
                ("AfD", Kind::Org),
            ],
        );
        let found = find(&d.mentions, &Tokens::of(&d));
        assert_eq!(found.definitions.len(), 1);
        assert!(found.added.is_empty());
    }
}

//! Building linked documents from marked-up text for the actors tests: `[Khalifa Haftar|PER]`
//! marks a name, `[russischen|LOC:derived]` a derived form, `[Wagner-Söldner|ORG:part]` a part,
//! as the recognizer would hand them over.

#![allow(dead_code)]

use castlist::document::{Actor, Document, Form, Kind, Lang, Mention, Origin, Span};

/// The document for a marked-up text, with its layout and the marked mentions, not linked.
pub fn marked(lang: Lang, marked: &str) -> Document {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find(']').expect("closing bracket") + open;
        let (surface, label) = rest[open + 1..close].split_once('|').expect("[text|KIND]");
        let (kind, form) = match label.split_once(':') {
            Some((k, "derived")) => (k, Form::Derived),
            Some((k, "part")) => (k, Form::Part),
            Some((_, other)) => panic!("unknown form {other}"),
            None => (label, Form::Name),
        };
        let start = text.len();
        text.push_str(surface);
        mentions.push(Mention {
            span: Span::new(start, text.len()),
            kind: Kind::parse(kind).expect("a kind"),
            form,
            actor: None,
            origin: Origin::Model,
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let (blocks, title) = castlist::ingest::text::layout(&text);
    Document {
        lang,
        title,
        text,
        blocks,
        mentions,
        ..Document::default()
    }
}

/// The marked-up text, linked.
pub fn linked(lang: Lang, text: &str) -> Document {
    let mut doc = marked(lang, text);
    castlist::actors::link(&mut doc);
    doc
}

pub fn de(text: &str) -> Document {
    linked(Lang::De, text)
}

pub fn en(text: &str) -> Document {
    linked(Lang::En, text)
}

/// The `nth` mention (from 0) with this exact text.
pub fn mention<'d>(doc: &'d Document, surface: &str, nth: usize) -> &'d Mention {
    doc.mentions
        .iter()
        .filter(|m| doc.slice(m.span) == surface)
        .nth(nth)
        .unwrap_or_else(|| panic!("no mention {surface:?} #{nth} in {:?}", doc.mentions))
}

/// The actor of the `nth` mention with this text.
pub fn actor<'d>(doc: &'d Document, surface: &str, nth: usize) -> &'d Actor {
    let m = mention(doc, surface, nth);
    let a = m
        .actor
        .unwrap_or_else(|| panic!("{surface:?} #{nth} has no actor"));
    &doc.actors[a.0]
}

/// The canonical name of the actor of the first mention with this text.
pub fn name(doc: &Document, surface: &str) -> String {
    actor(doc, surface, 0).name.clone()
}

/// True when the first mentions with these texts belong to one actor.
pub fn same(doc: &Document, a: &str, b: &str) -> bool {
    mention(doc, a, 0).actor == mention(doc, b, 0).actor
}

/// The descriptor mentions as (text, actor name, origin).
pub fn descriptors(doc: &Document) -> Vec<(String, String, Origin)> {
    doc.mentions
        .iter()
        .filter(|m| m.form == Form::Descriptor)
        .map(|m| {
            let actor = m
                .actor
                .map_or_else(String::new, |a| doc.actors[a.0].name.clone());
            (doc.slice(m.span).to_string(), actor, m.origin)
        })
        .collect()
}

/// The document's invariants: mentions sorted and disjoint inside the text, every name,
/// derived and part mention with a letter or digit linked to an existing actor, salience in [0, 1] summing to ≤ 1.
pub fn check_invariants(doc: &Document) {
    for pair in doc.mentions.windows(2) {
        assert!(
            pair[0].span.end() <= pair[1].span.start(),
            "overlap: {:?}",
            pair
        );
    }
    for m in &doc.mentions {
        assert!(m.span.end() <= doc.text.len());
        let named = doc.slice(m.span).chars().any(char::is_alphanumeric);
        let linkable = matches!(
            m.form,
            Form::Name | Form::Derived | Form::Part | Form::Descriptor
        );
        if named && linkable {
            let a = m.actor.expect("linked");
            assert!(a.0 < doc.actors.len());
        }
    }
    let sum: f64 = doc.actors.iter().map(|a| a.salience).sum();
    assert!(sum <= 1.0 + 1e-9, "salience sums to {sum}");
    assert!(doc.actors.iter().all(|a| (0.0..=1.0).contains(&a.salience)));
    for (i, a) in doc.actors.iter().enumerate() {
        assert_eq!(a.id, format!("a{}", i + 1));
        assert!(!a.name.is_empty());
    }
}

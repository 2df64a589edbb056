//! Finding mentions: tokenizer and sentence splitter, language identification, the sequence
//! tagger and its model, and the commands around them (`tag`, `eval`, `train`).

pub mod cmd;
pub mod corpus;
pub mod lang;
pub mod models;
pub mod tagger;
pub mod tokenize;

use crate::document::{Document, Lang, Mention, Origin, Span};

/// Finds the mentions in the document's article blocks (title, paragraphs, headings, quotes,
/// lists) and sets `doc.lang`: the given language, or the one detected from the text. Every
/// sentence is tagged, then the document-level consistency pass runs over all of them. Mentions
/// come out sorted and non-overlapping, without actors; a language without a built-in model
/// gets none.
pub fn recognise(doc: &mut Document, lang: Option<Lang>) {
    recognise_tokenized(doc, lang);
}

/// [`recognise`], also handing back the tokens of the article blocks (in text order) for the
/// steps after it, so that the text is tokenized once. Empty for a language without a model.
pub fn recognise_tokenized(doc: &mut Document, lang: Option<Lang>) -> Vec<tokenize::Token> {
    doc.lang = lang.unwrap_or_else(|| lang::detect(&doc.text).lang);
    doc.mentions.clear();
    let Some(model) = models::get(&doc.lang) else {
        return Vec::new();
    };
    let text = doc.text.as_str();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    for block in doc.blocks.iter().filter(|b| b.role.is_article()) {
        let first = tokens.len();
        tokenize::tokenize_span(text, block.span, &doc.lang, &mut tokens);
        let block_tokens = &tokens[first..];
        sentences.extend(
            tokenize::sentences(text, block_tokens, &doc.lang)
                .into_iter()
                .map(|r| r.start + first..r.end + first),
        );
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let sentence_words: Vec<&[&str]> = sentences.iter().map(|r| &words[r.clone()]).collect();
    let mut tagger = model.tagger();
    let mut found: Vec<Vec<corpus::Entity>> =
        sentence_words.iter().map(|w| tagger.entities(w)).collect();
    tagger::consistency::apply(&sentence_words, &mut found);
    for (range, entities) in sentences.iter().zip(&found) {
        let sentence = &tokens[range.clone()];
        for e in entities {
            let (Some(first), Some(last)) =
                (sentence.get(e.start), sentence.get(e.end.wrapping_sub(1)))
            else {
                continue;
            };
            doc.mentions.push(Mention {
                span: Span::new(first.span.start(), last.span.end()),
                kind: e.class.kind(),
                form: e.class.form(),
                actor: None,
                origin: Origin::Model,
            });
        }
    }
    tokens
}

//! Tokenizer and sentence splitter for German and English news; every token keeps its byte span
//! into the text.
//!
//! Tokens follow the conventions of the corpora the tagger learns from: GermEval 2014 for German
//! (hyphenated compounds, suspended hyphens, "geht's" and ordinals such as "17." stay one token)
//! and the Universal Dependencies English Web Treebank for English (clitics split: "do" "n't",
//! "Putin" "'s"; hyphens split except after bound prefixes: "long" "-" "term", "e-mail").
//! Both split off quotes, brackets and punctuation, keep abbreviations with their full stop, keep
//! numbers with separators, URLs and e-mail addresses whole. One pass over the bytes, with a
//! look at the next word where a full stop is in doubt: linear time, no allocation per token.
//!
//! Two deliberate differences from GermEval, which the tagger should absorb (for instance with
//! a feature on the word without its final full stop): GermEval mostly writes "Dr", "St", "Mio",
//! "Mrd", "Chr" apart from their full stop, this tokenizer keeps every listed abbreviation
//! whole ("Dr.", as GermEval itself does for "bzw.", "ca.", "z."); and "20%" becomes "20" "%",
//! as GermEval writes "20 %" far more often than "20%".

mod chars;
mod english;
mod next;
mod scan;
mod sentence;
mod words;

#[cfg(test)]
mod tests;

use crate::document::{Lang, Span};

pub use sentence::sentences;

/// A token: its byte span into the text and what kind of thing it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or inner full stops.
    Word,
    /// Digits with separators ("1.000.000", "3,5", "11.10.2014"), a sign, or an ordinal's
    /// full stop ("17.").
    Number,
    /// A word ending in its full stop: "Dr.", "z.", "U.S.", "usw.", an initial "J.".
    Abbrev,
    /// Punctuation: full stops, commas, quotes, brackets, dashes, an ellipsis.
    Punct,
    /// Any other symbol: "%", "€", "+", an emoji.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
}

/// Which corpus conventions to tokenize by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// GermEval 2014.
    German,
    /// Universal Dependencies English Web Treebank.
    English,
}

impl Style {
    /// English conventions for English; German ones (which split least) for every other
    /// language.
    pub fn of(lang: &Lang) -> Style {
        match lang {
            Lang::En => Style::English,
            _ => Style::German,
        }
    }
}

/// Tokenizes a whole text.
pub fn tokenize(text: &str, lang: &Lang) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_span(text, Span::new(0, text.len()), lang, &mut out);
    out
}

/// Tokenizes the part `span` of `text` (a block of a document), appending tokens with absolute
/// spans to `out`. The span's ends count as the ends of the text: no token crosses them.
///
/// Panics when `span` does not lie on character boundaries inside `text`: spans come from the
/// document, whose invariants guarantee that, so a bad span is a bug in the caller.
pub fn tokenize_span(text: &str, span: Span, lang: &Lang, out: &mut Vec<Token>) {
    let Some(part) = text.get(span.range()) else {
        panic!(
            "tokenize_span: {}..{} is not a character range of a text of {} bytes",
            span.start(),
            span.end(),
            text.len()
        );
    };
    out.reserve(part.len() / 6);
    scan::Scanner::new(part, span.start(), Style::of(lang), out).run();
}

//! The token stream linking reads around mentions: the article blocks tokenized by
//! `crate::nlp::tokenize`, with each mention made one token (a word that a mention covers only
//! in part keeps its rest as a token of its own).

#[cfg(test)]
use crate::document::Document;
use crate::document::{Block, Lang, Mention, Span};
use crate::nlp::tokenize::{Token as NlpToken, TokenKind, tokenize_span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A mention, by its index in `Document::mentions`.
    Mention(usize),
    /// Letters (and digits, inner hyphens, apostrophes; an abbreviation with its full stop).
    Word,
    /// A number.
    Number,
    /// Punctuation or another symbol, by its first character.
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub class: Class,
    /// White space (or a block start) before the token.
    pub spaced: bool,
    /// Index of the block the token lies in.
    pub block: usize,
}

/// The tokens of a document's article blocks, in text order.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token>,
    /// Mention index → its token.
    of_mention: Vec<Option<usize>>,
}

impl<'t> Tokens<'t> {
    /// Tokenizes the article blocks (the whole text when there are no blocks) of a text in a
    /// language, with its sorted mentions as single tokens.
    pub fn scan(text: &'t str, lang: &Lang, blocks: &[Block], mentions: &[Mention]) -> Tokens<'t> {
        Tokens::build(text, lang, blocks, mentions, None)
    }

    /// As `scan`, with the article blocks already tokenized (`crate::nlp::tokenize` tokens of
    /// those blocks, in text order, as the recognizer made them): nothing is tokenized twice.
    pub fn from_tokens(
        text: &'t str,
        lang: &Lang,
        blocks: &[Block],
        mentions: &[Mention],
        words: &[NlpToken],
    ) -> Tokens<'t> {
        Tokens::build(text, lang, blocks, mentions, Some(words))
    }

    fn build(
        text: &'t str,
        lang: &Lang,
        blocks: &[Block],
        mentions: &[Mention],
        given: Option<&[NlpToken]>,
    ) -> Tokens<'t> {
        let whole = [Span::new(0, text.len())];
        let blocks: Vec<Span> = if blocks.is_empty() {
            whole.to_vec()
        } else {
            blocks
                .iter()
                .filter(|b| b.role.is_article())
                .map(|b| b.span)
                .collect()
        };
        let mut tokens = Tokens {
            text,
            list: Vec::with_capacity(text.len() / 5),
            of_mention: vec![None; mentions.len()],
        };
        let mut own = Vec::new();
        let mut next = 0;
        for (b, &block) in blocks.iter().enumerate() {
            while next < mentions.len() && mentions[next].span.start() < block.start() {
                next += 1;
            }
            let words: &[NlpToken] = match given {
                Some(all) => {
                    let from = all.partition_point(|w| w.span.start() < block.start());
                    let to = all.partition_point(|w| w.span.start() < block.end());
                    &all[from..to.max(from)]
                }
                None => {
                    own.clear();
                    tokenize_span(text, block, lang, &mut own);
                    &own
                }
            };
            // Everything before `pos` is emitted; mentions and words merge in text order.
            let mut pos = block.start();
            for word in words {
                while let Some(m) = mentions
                    .get(next)
                    .filter(|m| m.span.start() < word.span.end())
                {
                    if word.span.start() < m.span.start() && pos < m.span.start() {
                        let from = word.span.start().max(pos);
                        tokens.push_piece(Span::new(from, m.span.start()), word.kind, b, block);
                    }
                    pos = tokens.push_mention(next, m.span, b, block, pos);
                    next += 1;
                }
                if word.span.end() > pos {
                    let from = word.span.start().max(pos);
                    tokens.push_piece(Span::new(from, word.span.end()), word.kind, b, block);
                    pos = word.span.end();
                }
            }
            while let Some(m) = mentions.get(next).filter(|m| m.span.start() < block.end()) {
                pos = tokens.push_mention(next, m.span, b, block, pos);
                next += 1;
            }
        }
        tokens
    }

    /// True when a token starting at `start` in `block` has white space (or the block start)
    /// before it.
    fn spaced(&self, start: usize, block: usize, block_span: Span) -> bool {
        match self.list.last() {
            Some(prev) if prev.block == block => prev.span.end() < start,
            _ => start == block_span.start() || block_span.start() < start,
        }
    }

    /// Adds mention `m`'s token (clipped to the block, after `pos`); returns its end.
    fn push_mention(
        &mut self,
        m: usize,
        span: Span,
        block: usize,
        block_span: Span,
        pos: usize,
    ) -> usize {
        let start = span.start().max(pos);
        let end = span.end().min(block_span.end()).max(start);
        let spaced = self.spaced(start, block, block_span);
        self.of_mention[m] = Some(self.list.len());
        self.list.push(Token {
            span: Span::new(start, end),
            class: Class::Mention(m),
            spaced,
            block,
        });
        end
    }

    /// Adds a token for (the part outside mentions of) a tokenizer token.
    fn push_piece(&mut self, span: Span, kind: TokenKind, block: usize, block_span: Span) {
        let text = &self.text[span.range()];
        let class = match kind {
            TokenKind::Number => Class::Number,
            TokenKind::Punct | TokenKind::Symbol => {
                Class::Punct(text.chars().next().unwrap_or(' '))
            }
            TokenKind::Word | TokenKind::Abbrev | TokenKind::Url | TokenKind::Email => {
                if text.chars().any(char::is_alphanumeric) {
                    Class::Word
                } else {
                    Class::Punct(text.chars().next().unwrap_or(' '))
                }
            }
        };
        let spaced = self.spaced(span.start(), block, block_span);
        self.list.push(Token {
            span,
            class,
            spaced,
            block,
        });
    }

    /// The tokens of a document.
    #[cfg(test)]
    pub fn of(doc: &'t Document) -> Tokens<'t> {
        Tokens::scan(&doc.text, &doc.lang, &doc.blocks, &doc.mentions)
    }

    /// Takes in mentions added over whole tokens (the mentions are the old ones and the new
    /// ones, sorted): the tokens a new mention covers become one mention token, and every
    /// mention token gets its new index.
    pub fn remark(&mut self, mentions: &[Mention]) {
        // Compacted in place (a mention over several tokens leaves fewer): no second list of
        // the whole text's tokens is allocated.
        self.of_mention = vec![None; mentions.len()];
        let list = &mut self.list;
        let (mut read, mut write, mut j) = (0, 0, 0);
        while read < list.len() {
            let token = list[read];
            while j < mentions.len() && mentions[j].span.start() < token.span.start() {
                j += 1;
            }
            match mentions.get(j) {
                Some(m) if m.span.start() == token.span.start() => {
                    let mut end = read;
                    while end + 1 < list.len()
                        && list[end + 1].block == token.block
                        && list[end + 1].span.end() <= m.span.end()
                    {
                        end += 1;
                    }
                    self.of_mention[j] = Some(write);
                    list[write] = Token {
                        span: Span::new(token.span.start(), list[end].span.end()),
                        class: Class::Mention(j),
                        ..token
                    };
                    read = end + 1;
                }
                _ => {
                    let class = match token.class {
                        Class::Mention(_) => Class::Word,
                        other => other,
                    };
                    list[write] = Token { class, ..token };
                    read += 1;
                }
            }
            write += 1;
        }
        list.truncate(write);
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'t str {
        &self.text[self.list[i].span.range()]
    }

    /// The token of a mention (none for mentions outside the article blocks).
    pub fn of_mention(&self, mention: usize) -> Option<usize> {
        self.of_mention.get(mention).copied().flatten()
    }

    /// True when tokens `i` and `i + 1` are in the same block.
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.list.len() && self.list[i].block == self.list[i + 1].block
    }

    /// The token before `i` in the same block.
    pub fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && self.list[i - 1].block == self.list[i].block).then(|| i - 1)
    }

    /// The token after `i` in the same block.
    pub fn next(&self, i: usize) -> Option<usize> {
        self.joined(i).then_some(i + 1)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.list[i].class == Class::Word
    }

    pub fn mention(&self, i: usize) -> Option<usize> {
        match self.list[i].class {
            Class::Mention(m) => Some(m),
            _ => None,
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.list[i].class == Class::Punct(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::test_support;
    use crate::document::Kind;

    fn doc(text: &str, names: &[&str]) -> Document {
        let names: Vec<(&str, Kind)> = names.iter().map(|n| (*n, Kind::Per)).collect();
        test_support::doc(text, &names)
    }

    fn texts(t: &Tokens) -> Vec<String> {
        (0..t.list.len()).map(|i| t.text(i).to_string()).collect()
    }

    #[test]
    fn mentions_are_single_tokens_among_words() {
        let d = doc(
            "Kremlsprecher Dmitri Peskow bestätigte Haftars Treffen.",
            &["Dmitri Peskow", "Haftars"],
        );
        let t = Tokens::of(&d);
        assert_eq!(
            texts(&t),
            [
                "Kremlsprecher",
                "Dmitri Peskow",
                "bestätigte",
                "Haftars",
                "Treffen",
                "."
            ]
        );
        assert_eq!(t.mention(1), Some(0));
        assert_eq!(t.of_mention(1), Some(3));
        assert!(t.list[1].spaced && t.list[2].spaced);
    }

    #[test]
    fn the_tokenizer_conventions_hold_around_mentions() {
        let mut d = doc(
            "At Japan's plant, Dr. Remke met EU- und US-Vertreter am 17. September",
            &["Japan"],
        );
        let t = Tokens::of(&d);
        assert_eq!(
            texts(&t),
            [
                "At",
                "Japan",
                "'s",
                "plant",
                ",",
                "Dr.",
                "Remke",
                "met",
                "EU-",
                "und",
                "US-Vertreter",
                "am",
                "17.",
                "September"
            ]
        );
        assert!(
            !t.list[2].spaced,
            "the rest of the word is glued to the name"
        );
        assert_eq!(t.list[12].class, Class::Number);
        d.lang = Lang::En;
        let t = Tokens::of(&d);
        assert_eq!(&texts(&t)[..4], ["At", "Japan", "'s", "plant"]);
    }

    #[test]
    fn a_mention_inside_a_word_splits_it() {
        let d = doc("Schwärme vonRompilgern zogen", &["Rom"]);
        let t = Tokens::of(&d);
        assert_eq!(texts(&t), ["Schwärme", "von", "Rom", "pilgern", "zogen"]);
        assert_eq!(t.mention(2), Some(0));
        assert!(!t.list[2].spaced && !t.list[3].spaced && t.list[4].spaced);
    }

    #[test]
    fn a_mention_added_over_a_word_becomes_its_token() {
        let mut d = doc("Die AfD und die Linke und Haftar", &["Haftar"]);
        let mut t = Tokens::scan(&d.text, &d.lang, &d.blocks, &d.mentions);
        let afd = t
            .list
            .iter()
            .position(|x| &d.text[x.span.range()] == "AfD")
            .unwrap();
        let added = crate::document::Mention {
            span: t.list[afd].span,
            ..d.mentions[0]
        };
        d.mentions.insert(0, added);
        t.remark(&d.mentions);
        assert_eq!(t.mention(afd), Some(0));
        assert_eq!(t.of_mention(0), Some(afd));
        let haftar = t.of_mention(1).unwrap();
        assert_eq!(t.text(haftar), "Haftar");
        assert_eq!(t.mention(haftar), Some(1));
    }
}

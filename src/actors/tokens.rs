//! The token stream linking reads around mentions: each mention of the article blocks is one
//! token, and the text between mentions is scanned into words, numbers and punctuation, with
//! sentence starts marked. A plain scan, enough for the neighbourhood of names (the words before
//! and after them); it does not replace the recognizer's tokenizer.

#[cfg(test)]
use crate::document::Document;
use crate::document::{Block, Mention, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A mention, by its index in `Document::mentions`.
    Mention(usize),
    /// Letters (and digits, inner hyphens, apostrophes and abbreviation dots).
    Word,
    /// A word that starts with a digit.
    Number,
    /// One character of punctuation or any other symbol.
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
    /// Scans the article blocks (the whole text when there are no blocks) of a text with its
    /// sorted mentions.
    pub fn scan(text: &'t str, blocks: &[Block], mentions: &[Mention]) -> Tokens<'t> {
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
            list: Vec::with_capacity(text.len() / 4),
            of_mention: vec![None; mentions.len()],
        };
        let mut next_mention = 0;
        for (b, block) in blocks.iter().enumerate() {
            while next_mention < mentions.len()
                && mentions[next_mention].span.start() < block.start()
            {
                next_mention += 1;
            }
            let mut pos = block.start();
            let mut spaced = true;
            while pos < block.end() {
                let mention = mentions
                    .get(next_mention)
                    .filter(|m| m.span.start() < block.end());
                let gap_end = mention.map_or(block.end(), |m| m.span.start().max(pos));
                spaced = tokens.scan_gap(pos, gap_end, b, spaced);
                pos = gap_end;
                if let Some(m) = mention {
                    let end = m.span.end().min(block.end()).max(pos);
                    tokens.of_mention[next_mention] = Some(tokens.list.len());
                    tokens.list.push(Token {
                        span: Span::new(pos, end),
                        class: Class::Mention(next_mention),
                        spaced,
                        block: b,
                    });
                    spaced = false;
                    pos = end;
                    next_mention += 1;
                }
            }
        }
        tokens
    }

    /// The tokens of a document.
    #[cfg(test)]
    pub fn of(doc: &'t Document) -> Tokens<'t> {
        Tokens::scan(&doc.text, &doc.blocks, &doc.mentions)
    }

    /// Takes in mentions added over single words (the mentions are the old ones and the new
    /// ones, sorted): those words become mention tokens, and every mention token gets its new
    /// index.
    pub fn remark(&mut self, mentions: &[Mention]) {
        self.of_mention = vec![None; mentions.len()];
        let mut j = 0;
        for (t, token) in self.list.iter_mut().enumerate() {
            if !matches!(token.class, Class::Mention(_) | Class::Word) {
                continue;
            }
            while j < mentions.len() && mentions[j].span.start() < token.span.start() {
                j += 1;
            }
            let Some(m) = mentions.get(j) else {
                if let Class::Mention(_) = token.class {
                    token.class = Class::Word;
                }
                continue;
            };
            if m.span.start() == token.span.start() {
                token.class = Class::Mention(j);
                self.of_mention[j] = Some(t);
            }
        }
    }

    /// Scans `start..end` (no mention inside); returns whether white space ends it.
    fn scan_gap(&mut self, start: usize, end: usize, block: usize, mut spaced: bool) -> bool {
        let text = &self.text[..end];
        let mut pos = start;
        while pos < end {
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                spaced = true;
                pos += c.len_utf8();
                continue;
            }
            let (token_end, class) = if c.is_numeric() {
                (word_end(text, pos), Class::Number)
            } else if c.is_alphanumeric() {
                (word_end(text, pos), Class::Word)
            } else {
                (pos + c.len_utf8(), Class::Punct(c))
            };
            self.list.push(Token {
                span: Span::new(pos, token_end),
                class,
                spaced,
                block,
            });
            spaced = false;
            pos = token_end;
        }
        spaced
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

/// The end of the word starting at `start`: letters and digits, with inner hyphens,
/// apostrophes and dots between letters ("Wagner-Söldner", "O'Brien", "U.S"), and a hyphen at
/// the end of a truncated compound ("EU-" in "EU- und US-Sanktionen").
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let inner = match c {
            '-' | '\u{2010}' | '\u{2011}' => next.is_none_or(|n| n.is_alphanumeric() || n == ' '),
            '\'' | '\u{2019}' | '.' => next.is_some_and(char::is_alphanumeric) && c != '.',
            _ => c.is_alphanumeric(),
        };
        if !inner {
            break;
        }
        end = start + i + c.len_utf8();
    }
    // A hyphen before a space ends the word only when it truncates a compound.
    if text[..end].ends_with('-') && !text[end..].trim_start().starts_with(['u', 'o', 'b']) {
        end -= 1;
    }
    end
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
    fn possessives_hyphens_and_abbreviations() {
        let d = doc(
            "At Japan's plant, Dr. Remke met EU- und US-Vertreter am 17. September",
            &["Japan"],
        );
        let t = Tokens::of(&d);
        assert_eq!(
            texts(&t),
            [
                "At",
                "Japan",
                "'",
                "s",
                "plant",
                ",",
                "Dr",
                ".",
                "Remke",
                "met",
                "EU-",
                "und",
                "US-Vertreter",
                "am",
                "17",
                ".",
                "September"
            ]
        );
        assert!(!t.list[2].spaced, "the possessive is glued to the name");
        assert_eq!(t.list[14].class, Class::Number);
    }

    #[test]
    fn a_mention_added_over_a_word_becomes_its_token() {
        let mut d = doc("Die AfD und die Linke und Haftar", &["Haftar"]);
        let mut t = Tokens::scan(&d.text, &d.blocks, &d.mentions);
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

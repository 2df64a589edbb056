//! What follows a position in the text, as far as a full stop needs to know: the end, a line
//! break, a word (and whether it typically begins a sentence), a number, an opening quote or
//! bracket, or other punctuation. Shared by the tokenizer (does this dot belong to the word?) and
//! the sentence splitter (does the sentence end here?).

use super::Style;
use super::chars::{char_at, is_open_bracket, is_quote, is_space, is_word_char};
use super::words::starts_sentence;

/// Words longer than this are never sentence starters: the lookahead reads no further.
const MAX_STARTER_BYTES: usize = 24;

/// The next thing after a position, skipping white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Nothing but white space follows.
    End,
    /// A line break comes first.
    LineBreak,
    /// A word beginning with a lower-case letter.
    Lower,
    /// A capitalised word that typically begins a sentence ("Die", "The").
    Starter,
    /// Any other capitalised word: a name, a noun, a month.
    Capital,
    /// A digit.
    Digit,
    /// An opening quotation mark or bracket.
    Open,
    /// Any other character: a comma, a closing bracket, a dash.
    Other,
}

impl Next {
    /// True when what follows says a new sentence has begun after an abbreviation or ordinal.
    pub fn begins_sentence(self) -> bool {
        matches!(
            self,
            Next::End | Next::LineBreak | Next::Starter | Next::Open
        )
    }
}

/// Classifies what follows byte `pos` of `text` (a character boundary).
pub fn next_after(text: &str, pos: usize, style: Style) -> Next {
    let mut i = pos;
    let mut line_break = false;
    while let Some(c) = char_at(text, i) {
        if !is_space(c) {
            if line_break {
                return Next::LineBreak;
            }
            return classify(text, i, c, style);
        }
        line_break |= matches!(
            c,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}'
        );
        i += c.len_utf8();
    }
    Next::End
}

fn classify(text: &str, i: usize, c: char, style: Style) -> Next {
    if c.is_numeric() {
        return Next::Digit;
    }
    if is_quote(c) || is_open_bracket(c) {
        return Next::Open;
    }
    if !is_word_char(c) {
        return Next::Other;
    }
    if !c.is_uppercase() {
        return Next::Lower;
    }
    let rest = &text[i..];
    let end = rest
        .char_indices()
        .take_while(|&(k, ch)| k <= MAX_STARTER_BYTES && is_word_char(ch))
        .last()
        .map_or(0, |(k, ch)| k + ch.len_utf8());
    if end <= MAX_STARTER_BYTES && starts_sentence(&rest[..end], style) {
        Next::Starter
    } else {
        Next::Capital
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_what_follows() {
        let de = Style::German;
        assert_eq!(next_after("17. September", 3, de), Next::Capital);
        assert_eq!(next_after("2019. Die", 5, de), Next::Starter);
        assert_eq!(next_after("17. und", 3, de), Next::Lower);
        assert_eq!(next_after("x.\n\nDie", 2, de), Next::LineBreak);
        assert_eq!(next_after("x.   ", 2, de), Next::End);
        assert_eq!(next_after("x. „Wir", 2, de), Next::Open);
        assert_eq!(next_after("x. 20", 2, de), Next::Digit);
        assert_eq!(next_after("x., y", 2, de), Next::Other);
        assert_eq!(next_after("x. The", 2, Style::English), Next::Starter);
        assert_eq!(next_after("x. Diejenigen", 2, de), Next::Capital);
    }
}

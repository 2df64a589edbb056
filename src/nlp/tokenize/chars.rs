//! Character classes the tokenizer and the sentence splitter decide by: what belongs inside a
//! word, what separates, which marks open or close a quotation.

/// True for characters that separate tokens and never become one: white space, control
/// characters, zero-width spaces and the byte order mark.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// True for characters that make up the body of a word or number: letters, digits, combining
/// marks (text in decomposed form), soft hyphens and zero-width joiners.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks and invisible format characters that belong to the character before them.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{00AD}'
        | '\u{200C}'
        | '\u{200D}')
}

/// Hyphens that join the parts of a compound ("UN-Sicherheitsrat", "e-mail").
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes inside words ("geht's", "don't", "Qa'ida").
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Quotation marks of any direction and language.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'..='\u{300F}'
    )
}

/// Opening brackets.
pub fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '\u{27E8}' | '\u{3008}' | '\u{FF08}')
}

/// Closing brackets.
pub fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '\u{27E9}' | '\u{3009}' | '\u{FF09}')
}

/// Marks that end a sentence: full stop, question and exclamation marks, ellipsis.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{203C}' | '\u{2047}'..='\u{2049}' | '\u{3002}'
    )
}

/// Punctuation as opposed to other symbols (currency, maths, emoji): the characters of the
/// Unicode punctuation categories that occur in European text.
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(
                c,
                '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '#'
            );
    }
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FF01}'..='\u{FF0F}')
}

/// The character starting at byte `i` of `s` (which must be a character boundary).
pub fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i` of `s` (which must be a character boundary).
pub fn char_before(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s.get(..i)?.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_umlauts_accents_and_decomposed_marks() {
        for c in ['ä', 'ß', 'é', 'Ø', 'ł', '7', '\u{0308}', '\u{00AD}'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in ['-', '.', '„', '€', ' '] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn separators_include_no_break_and_zero_width_spaces() {
        for c in [
            ' ', '\t', '\n', '\u{00A0}', '\u{202F}', '\u{200B}', '\u{FEFF}', '\u{0007}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('x'));
    }

    #[test]
    fn char_lookups_stay_on_boundaries() {
        let s = "a„b";
        assert_eq!(char_at(s, 1), Some('„'));
        assert_eq!(char_before(s, 4), Some('„'));
        assert_eq!(char_before(s, 0), None);
        assert_eq!(char_at(s, 5), None);
    }
}

//! Names with a Roman number after them: "Elizabeth II", "JARPA II", "Louis XIV". The recognizer
//! sometimes stops before the number ("JARPA" + "II") or marks the number as a name of its own
//! ("World War" unmarked, "II" a person); the number belongs to the name before it, and a number
//! marked alone names nothing.

use crate::document::{Document, Form, Span};

/// Extends name mentions over a Roman number right after them (one space between, and no
/// letter or digit after it), taking in a mention the recognizer made of the number; drops
/// name mentions that are a Roman number alone. Mentions stay sorted and non-overlapping.
pub fn numbered_names(doc: &mut Document) {
    // The mentions to drop, in order: few documents have any, so no vector as long as the
    // mentions.
    let mut drop: Vec<usize> = Vec::new();
    for i in 0..doc.mentions.len() {
        let m = doc.mentions[i];
        if m.form != Form::Name || drop.last() == Some(&i) {
            continue;
        }
        if is_roman_number(&doc.text[m.span.range()]) {
            drop.push(i);
            continue;
        }
        let Some(number) = number_after(&doc.text, m.span.end()) else {
            continue;
        };
        match doc.mentions.get(i + 1) {
            // The number marked on its own: the two become one name.
            Some(next) if next.span == number && next.form == Form::Name => drop.push(i + 1),
            // The number is part of another mention: leave both alone.
            Some(next) if next.span.start() < number.end() => continue,
            _ => {}
        }
        doc.mentions[i].span = Span::new(m.span.start(), number.end());
    }
    super::remove_at(&mut doc.mentions, &drop);
}

/// The span of a Roman number of two letters or more right after `end`, behind one space.
fn number_after(text: &str, end: usize) -> Option<Span> {
    let rest = text[end..].strip_prefix(' ')?;
    // Most names are followed by no Roman number: told by its first letter.
    if !rest.starts_with(['I', 'V', 'X']) {
        return None;
    }
    let len = rest
        .find(|c: char| !matches!(c, 'I' | 'V' | 'X'))
        .unwrap_or(rest.len());
    let after = rest[len..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric() || c == '-') || !is_roman_number(&rest[..len]) {
        return None;
    }
    Some(Span::new(end + 1, end + 1 + len))
}

/// True for the Roman numbers 2 to 39 (II … XXXIX) as regnal and series numbers are written;
/// single letters are left out ("I" is a pronoun, "V" and "X" are initials and names).
pub(super) fn is_roman_number(word: &str) -> bool {
    // Most words have a letter that is no Roman digit, mostly the first one.
    word.len() >= 2
        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && roman_value(word).is_some()
}

/// The value of a Roman number from 1 to 39 (I … XXXIX); numbers with L, C, D or M are not
/// read ("DC", "CD" and "MD" are abbreviations far more often).
pub(super) fn roman_value(word: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let tens = word.len() - word.trim_start_matches('X').len();
    let units = UNITS.iter().position(|u| *u == &word[tens..])?;
    let value = 10 * tens + units;
    (tens <= 3 && value > 0).then_some(value as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numbers_are_told_from_words_and_letters() {
        for yes in ["II", "III", "IV", "VIII", "IX", "XIV", "XX", "XXXIX"] {
            assert!(is_roman_number(yes), "{yes}");
        }
        for no in [
            "I", "V", "X", "IIII", "VX", "XXXX", "IIX", "DC", "MD", "Xi", "",
        ] {
            assert!(!is_roman_number(no), "{no}");
        }
    }

    #[test]
    fn roman_numbers_have_their_values() {
        assert_eq!(roman_value("I"), Some(1));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("XXXIX"), Some(39));
        assert_eq!(roman_value("XL"), None);
        assert_eq!(roman_value(""), None);
    }

    #[test]
    fn a_number_is_found_only_as_a_word_of_its_own() {
        let text = "JARPA II ended";
        assert_eq!(number_after(text, 5), Some(Span::new(6, 8)));
        assert_eq!(number_after("JARPA IIa", 5), None);
        assert_eq!(number_after("JARPA II-Programm", 5), None);
        assert_eq!(number_after("JARPA  II", 5), None);
        assert_eq!(number_after("Louis XIV.", 5), Some(Span::new(6, 9)));
    }
}

//! English Web Treebank conventions applied to a scanned word: clitics split off ("do" "n't",
//! "Putin" "'s"), hyphens split except after bound prefixes ("long" "-" "term", "e-mail"), a
//! slash between words split ("and" "/" "or"), units split from numbers ("5" "pm") and the
//! fused forms "cannot", "gonna", "wanna", "gotta" split in two.

use super::TokenKind;
use super::chars::{is_apostrophe, is_hyphen};
use super::scan::kind_of;
use super::words::{is_bound_prefix, is_unit};

/// Emits the tokens of the word `text[start..end]` through `emit(start, end, kind)`.
pub fn split(text: &str, start: usize, end: usize, emit: &mut impl FnMut(usize, usize, TokenKind)) {
    let word = &text[start..end];
    if let Some(cut) = fused_split(word) {
        emit(start, start + cut, TokenKind::Word);
        emit(start + cut, end, TokenKind::Word);
        return;
    }
    if is_phone_number(word) {
        emit(start, end, TokenKind::Number);
        return;
    }
    let mut piece = start; // start of the token being built
    let mut part = start; // start of the part after the last hyphen or slash
    for (k, c) in word.char_indices() {
        let at = start + k;
        let after = at + c.len_utf8();
        let cut = if is_hyphen(c) {
            // Not a sign ("-5") and not after a bound prefix.
            at > piece && !is_bound_prefix(&text[part..at])
        } else if c == '/' {
            let right = word[after - start..]
                .find(|c: char| is_hyphen(c) || c == '/')
                .map_or(end, |n| after + n);
            at > piece && is_word_part(&text[part..at]) && is_word_part(&text[after..right])
        } else {
            continue;
        };
        if cut {
            emit(piece, at, kind_of(&text[piece..at]));
            emit(at, after, TokenKind::Punct);
            piece = after;
        }
        part = after;
    }
    last_piece(text, piece, end, emit);
}

/// The final piece of a word, with a clitic or unit split off.
fn last_piece(
    text: &str,
    start: usize,
    end: usize,
    emit: &mut impl FnMut(usize, usize, TokenKind),
) {
    let piece = &text[start..end];
    let cut = clitic_start(piece).or_else(|| unit_start(piece));
    match cut {
        Some(cut) if cut > 0 => {
            emit(start, start + cut, kind_of(&piece[..cut]));
            emit(start + cut, end, TokenKind::Word);
        }
        _ => emit(start, end, kind_of(piece)),
    }
}

/// Where a clitic begins: "n't" in "don't" (also "n’t"), or the apostrophe of "'s", "'m", "'d",
/// "'ll", "'re", "'ve" after a letter.
fn clitic_start(piece: &str) -> Option<usize> {
    let (head, last) = piece
        .char_indices()
        .rev()
        .find(|&(_, c)| is_apostrophe(c))?;
    let tail = &piece[head + last.len_utf8()..];
    let before = &piece[..head];
    if tail.eq_ignore_ascii_case("t") && before.len() > 1 && before.ends_with(['n', 'N']) {
        return Some(head - 1);
    }
    let clitic = ["s", "m", "d", "ll", "re", "ve"]
        .iter()
        .any(|c| tail.eq_ignore_ascii_case(c));
    (clitic && before.chars().next_back().is_some_and(char::is_alphabetic)).then_some(head)
}

/// Where a unit begins in a number written against it: "5pm", "35mm", "$200k".
fn unit_start(piece: &str) -> Option<usize> {
    let digits = piece
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    let first_is_digit = piece.as_bytes().first().is_some_and(u8::is_ascii_digit);
    (first_is_digit && digits < piece.len() && is_unit(&piece[digits..])).then_some(digits)
}

/// The split point of "cannot", "gonna", "wanna", "gotta" (any case).
fn fused_split(word: &str) -> Option<usize> {
    let cut = match word.len() {
        6 if word.eq_ignore_ascii_case("cannot") => 3,
        5 if word.eq_ignore_ascii_case("gonna") || word.eq_ignore_ascii_case("wanna") => 3,
        5 if word.eq_ignore_ascii_case("gotta") => 3,
        _ => return None,
    };
    Some(cut)
}

/// Telephone-like numbers stay whole: "713-853-3989", "345-9945"; ranges ("5-10") do not.
fn is_phone_number(word: &str) -> bool {
    if !word.bytes().all(|b| b.is_ascii_digit() || b == b'-') || !word.contains('-') {
        return false;
    }
    let mut groups = word.split('-').map(str::len);
    let (a, b, c) = (groups.next(), groups.next(), groups.next());
    match (a, b, c) {
        (_, _, Some(_)) => word.split('-').all(|g| !g.is_empty()),
        // A local number or an extension: "345-9945", "3-5213".
        (Some(1..=3), Some(4), None) => true,
        _ => false,
    }
}

/// A part of at least two letters, as in "and/or", "his/her"; not "f/2" or "w/o".
fn is_word_part(part: &str) -> bool {
    part.chars().nth(1).is_some() && part.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(word: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(word, 0, word.len(), &mut |s, e, _| out.push(&word[s..e]));
        out
    }

    #[test]
    fn clitics_and_fused_forms() {
        assert_eq!(pieces("don't"), ["do", "n't"]);
        assert_eq!(pieces("can't"), ["ca", "n't"]);
        assert_eq!(pieces("DON’T"), ["DO", "N’T"]);
        assert_eq!(pieces("Putin's"), ["Putin", "'s"]);
        assert_eq!(pieces("we'll"), ["we", "'ll"]);
        assert_eq!(pieces("80's"), ["80's"]);
        assert_eq!(pieces("Qa'ida"), ["Qa'ida"]);
        assert_eq!(pieces("cannot"), ["can", "not"]);
        assert_eq!(pieces("Gonna"), ["Gon", "na"]);
    }

    #[test]
    fn hyphens_split_except_after_bound_prefixes() {
        assert_eq!(pieces("long-term"), ["long", "-", "term"]);
        assert_eq!(pieces("e-mail"), ["e-mail"]);
        assert_eq!(pieces("non-Arab"), ["non-Arab"]);
        assert_eq!(
            pieces("state-of-the-art"),
            ["state", "-", "of", "-", "the", "-", "art"]
        );
        assert_eq!(pieces("al-Qaeda's"), ["al", "-", "Qaeda", "'s"]);
        assert_eq!(pieces("5-10"), ["5", "-", "10"]);
        assert_eq!(pieces("713-853-3989"), ["713-853-3989"]);
    }

    #[test]
    fn slashes_and_units() {
        assert_eq!(pieces("and/or"), ["and", "/", "or"]);
        assert_eq!(pieces("9/30/01"), ["9/30/01"]);
        assert_eq!(pieces("w/o"), ["w/o"]);
        assert_eq!(pieces("5pm"), ["5", "pm"]);
        assert_eq!(pieces("20th"), ["20th"]);
        assert_eq!(pieces("1970s"), ["1970s"]);
    }
}

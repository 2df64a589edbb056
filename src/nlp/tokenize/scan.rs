//! The scanner: one pass over a text, cutting words, numbers, URLs and e-mail addresses from the
//! punctuation around them, and deciding for each full stop whether it belongs to the word.

use super::chars::{
    char_at, char_before, is_apostrophe, is_hyphen, is_open_bracket, is_punctuation, is_quote,
    is_space, is_word_char,
};
use super::next::{Next, next_after};
use super::words::{Abbrev, abbreviation};
use super::{Style, Token, TokenKind, english};
use crate::document::Span;

pub struct Scanner<'t, 'o> {
    /// The text being tokenized (a block of the document).
    text: &'t str,
    /// Offset of `text` in the document: added to every span.
    base: usize,
    style: Style,
    out: &'o mut Vec<Token>,
    /// An opening single quotation mark waits for its closing one: a trailing apostrophe
    /// closes it rather than marking a genitive ("Hagens'").
    single_open: bool,
}

impl<'t, 'o> Scanner<'t, 'o> {
    pub fn new(text: &'t str, base: usize, style: Style, out: &'o mut Vec<Token>) -> Self {
        Scanner {
            text,
            base,
            style,
            out,
            single_open: false,
        }
    }

    pub fn run(mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' || b == b'\t' || b == b'\r' {
                i += 1;
                continue;
            }
            if b == b'\n' {
                // Quotation marks do not run across lines.
                self.single_open = false;
                i += 1;
                continue;
            }
            let Some(c) = char_at(self.text, i) else {
                break;
            };
            i = if is_space(c) {
                i + c.len_utf8()
            } else if self.starts_word(i, c) {
                self.word(i)
            } else {
                self.punct(i, c)
            };
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token {
            span: Span::new(self.base + start, self.base + end),
            kind,
        });
    }

    /// True when a word, number or handle starts at `i`: a letter or digit; a sign before a
    /// number ("-5", "+75"); "@" before a name; in German a hyphen before a word ("-Zeitung",
    /// as in "Rhein- und -Zeitung").
    fn starts_word(&self, i: usize, c: char) -> bool {
        if is_word_char(c) {
            return true;
        }
        let next = char_at(self.text, i + c.len_utf8());
        let after_gap = char_before(self.text, i).is_none_or(|p| is_space(p) || is_open_bracket(p));
        match c {
            '-' | '+' => {
                after_gap
                    && (next.is_some_and(|n| n.is_ascii_digit())
                        || (c == '-'
                            && self.style == Style::German
                            && next.is_some_and(char::is_alphabetic)))
            }
            '@' => after_gap && next.is_some_and(is_word_char),
            _ => false,
        }
    }

    /// Scans the word starting at `start` and emits it; returns where it ends.
    fn word(&mut self, start: usize) -> usize {
        if let Some(end) = url_end(self.text, start) {
            self.push(start, end, TokenKind::Url);
            return end;
        }
        let text = self.text;
        let first = char_at(text, start).map_or(1, char::len_utf8);
        let mut j = start + first;
        // Whether the word so far has a full stop, slash, colon or "@": then it is an address
        // or abbreviation, and a full stop inside never marks a missing space.
        let mut dotted = false;
        // An "@" was joined: the word is not an e-mail address, check no further ones.
        let mut at_seen = false;
        loop {
            while let Some(c) = char_at(text, j).filter(|&c| is_word_char(c)) {
                j += c.len_utf8();
            }
            let Some(c) = char_at(text, j) else {
                break;
            };
            let after = j + c.len_utf8();
            let next = char_at(text, after);
            let next_is_word = next.is_some_and(is_word_char);
            let prev = char_before(text, j);
            let joins = match c {
                '.' => {
                    let joins = if next_is_word {
                        dotted || !missing_space(text, j)
                    } else {
                        // "U.S.-Präsident", "Dipl.-Ing.", "St.-Petri-Kirche"
                        self.style == Style::German
                            && next.is_some_and(is_hyphen)
                            && char_at(text, after + 1).is_some_and(is_word_char)
                            && self.keeps_dot(start, j)
                    };
                    dotted |= joins;
                    joins
                }
                ',' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                ':' => {
                    (prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit()))
                        || gender_colon(text, after)
                }
                // Degrees: "90°", "20°C".
                '°' => prev.is_some_and(|p| p.is_ascii_digit()),
                '/' | '&' | '_' => {
                    dotted |= c == '/';
                    next_is_word
                }
                '\u{2013}' => {
                    self.style == Style::German
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                '@' if next_is_word => {
                    if !at_seen && let Some(end) = email_end(text, start, j) {
                        self.push(start, end, TokenKind::Email);
                        return end;
                    }
                    // A mail handle without a domain: "Warner@ENRON".
                    at_seen = true;
                    dotted = true;
                    true
                }
                c if is_hyphen(c) => {
                    if next_is_word {
                        true
                    } else {
                        // A suspended hyphen: "EU- und US-Sanktionen", "Landes-, Kreis-".
                        if self.style == Style::German
                            && next
                                .is_none_or(|n| is_space(n) || matches!(n, ',' | '/' | ';' | ')'))
                        {
                            j = after;
                        }
                        break;
                    }
                }
                c if is_apostrophe(c) => next_is_word && prev.is_some_and(char::is_alphanumeric),
                _ => false,
            };
            if !joins {
                break;
            }
            j = after;
        }
        let end = self.trailing(start, j);
        match self.style {
            Style::English if !text[start..end].ends_with('.') => {
                english::split(text, start, end, &mut |s, e, kind| self.push(s, e, kind));
            }
            _ => self.push(start, end, kind_of(&text[start..end])),
        }
        end
    }

    /// Extends the word `start..end` by a full stop or an apostrophe that belongs to it.
    fn trailing(&self, start: usize, end: usize) -> usize {
        let text = self.text;
        match char_at(text, end) {
            Some('.') if char_at(text, end + 1) != Some('.') && self.keeps_dot(start, end) => {
                end + 1
            }
            Some(c) if is_apostrophe(c) => {
                // In German an apostrophe ending a word marks a genitive or an elision
                // ("Hagens'", "hab'"), unless a single quotation mark is open and this one
                // closes it.
                let after = end + c.len_utf8();
                let word_ends = char_at(text, after).is_none_or(|n| !is_word_char(n));
                if self.style == Style::German && word_ends && !self.single_open {
                    after
                } else {
                    end
                }
            }
            _ => end,
        }
    }

    /// Whether the full stop after `start..end` belongs to the word: abbreviations, initials,
    /// and in German ordinals and dates ("17.", "2.", "11.10."), unless what follows shows that
    /// the sentence ends here.
    fn keeps_dot(&self, start: usize, end: usize) -> bool {
        let stem = &self.text[start..end];
        let next = || next_after(self.text, end + 1, self.style);
        if stem.contains('.') && is_dotted_abbreviation(stem) {
            return true;
        }
        if stem.starts_with(|c: char| c.is_ascii_digit()) {
            return self.style == Style::German && ordinal_keeps_dot(stem, next());
        }
        // "Dipl.-Ing.": the part after the last hyphen decides.
        let last_part = stem.rsplit(is_hyphen).next().unwrap_or(stem);
        match abbreviation(last_part, self.style) {
            Some(Abbrev::Leading | Abbrev::MayEnd) => return true,
            Some(Abbrev::BeforeNumber) => return next() == Next::Digit,
            None => {}
        }
        let mut letters = stem.chars().filter(|c| !super::chars::is_mark(*c));
        if let (Some(l), None) = (letters.next(), letters.next())
            && l.is_alphabetic()
        {
            // An initial or part of a spaced abbreviation: "J. R. R. Tolkien", "z. B.". A German
            // lower-case letter is always the latter ("z.", "u.", "d.", "s.", "v.", "n.").
            return (self.style == Style::German && l.is_lowercase())
                || !next().begins_sentence()
                || self.after_letter_abbreviation();
        }
        self.style == Style::German && is_roman(stem) && ordinal_follows(next())
    }

    /// True when the token before is one letter with its full stop ("z." before "B.").
    fn after_letter_abbreviation(&self) -> bool {
        self.out.last().is_some_and(|t| {
            t.kind == TokenKind::Abbrev && {
                let s = &self.text[t.span.start() - self.base..t.span.end() - self.base];
                s.chars().count() == 2
            }
        })
    }

    /// Emits the punctuation or symbol at `i`; returns where it ends.
    fn punct(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let len = c.len_utf8();
        if let Some(end) = short_year(text, i, c) {
            self.push(i, end, TokenKind::Number);
            return end;
        }
        if self.style == Style::English
            && let Some(end) = detached_clitic(text, i, c)
        {
            self.push(i, end, TokenKind::Word);
            return end;
        }
        let end = match c {
            // Runs that make one token: "...", "?!", "--", "``", "''", "**", "<<".
            '.' | '!' | '?' => i + run_len(text, i, |x| matches!(x, '.' | '!' | '?')),
            ':' | ';' if emoticon_len(&text[i..]) > 0 => i + emoticon_len(&text[i..]),
            '-' | '`' | '*' | '=' | '_' | '<' | '>' | '$' | '#' | '~' | '/' | '\\' | '|' | '^'
            | '+' => i + run_len(text, i, |x| x == c),
            '\'' if text.as_bytes().get(i + 1) == Some(&b'\'') => i + 2,
            _ => {
                let mut e = i + len;
                while let Some(m) = char_at(text, e).filter(|&m| super::chars::is_mark(m)) {
                    e += m.len_utf8();
                }
                e
            }
        };
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}') && end == i + len {
            let prev = char_before(text, i);
            let opens = c == '\u{201A}'
                || (prev.is_none_or(|p| is_space(p) || is_open_bracket(p) || is_quote(p))
                    && char_at(text, end).is_some_and(|n| !is_space(n)));
            self.single_open = opens;
        }
        let kind = if is_punctuation(c) || is_quote(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        self.push(i, end, kind);
        end
    }
}

/// The end of a clitic written apart from its word, as in "it 's", "I 'm" (English only).
fn detached_clitic(text: &str, i: usize, c: char) -> Option<usize> {
    if !is_apostrophe(c) || char_before(text, i).is_some_and(|p| !is_space(p)) {
        return None;
    }
    let start = i + c.len_utf8();
    let len = text[start..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let clitic = &text[start..start + len];
    let known = ["s", "m", "d", "ll", "re", "ve"]
        .iter()
        .any(|k| clitic.eq_ignore_ascii_case(k));
    let word_ends = char_at(text, start + len).is_none_or(|n| !is_word_char(n));
    (known && word_ends).then_some(start + len)
}

/// The end of a year written with an apostrophe and two digits: "'43", "’08".
fn short_year(text: &str, i: usize, c: char) -> Option<usize> {
    if !is_apostrophe(c)
        || char_before(text, i).is_some_and(|p| !is_space(p) && !is_open_bracket(p))
    {
        return None;
    }
    let start = i + c.len_utf8();
    let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
    let word_ends = char_at(text, start + digits).is_none_or(|n| !is_word_char(n));
    (digits == 2 && word_ends).then_some(start + digits)
}

/// The length of an emoticon at the start of `s` (":)", ";-(", ":-)"), or 0.
fn emoticon_len(s: &str) -> usize {
    let b = s.as_bytes();
    let nose = usize::from(b.get(1) == Some(&b'-'));
    match b.get(1 + nose) {
        Some(b')' | b'(') => 2 + nose,
        _ => 0,
    }
}

/// The length in bytes of the run of characters matching `f` at `i`.
fn run_len(text: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    text[i..]
        .chars()
        .take_while(|&c| f(c))
        .map(char::len_utf8)
        .sum()
}

/// The kind of a word-like token from its text.
pub fn kind_of(token: &str) -> TokenKind {
    let body = token.trim_start_matches(['-', '+']);
    let numeric = body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-' | '\u{2013}'));
    if numeric {
        TokenKind::Number
    } else if token.len() > 1 && token.ends_with('.') {
        // "II.", "XIV." are ordinals; "I.", "V." may as well be initials.
        if token.len() > 2 && is_roman(&token[..token.len() - 1]) {
            TokenKind::Number
        } else {
            TokenKind::Abbrev
        }
    } else {
        TokenKind::Word
    }
}

/// A full stop at `dot` between a lower-case word and a capitalised one, as in "Ende.Die": a
/// sentence end with its space missing, not a domain ("Web.de") or an abbreviation ("Ver.di").
fn missing_space(text: &str, dot: usize) -> bool {
    let mut after = text[dot + 1..].chars();
    let (Some(a), Some(b)) = (after.next(), after.next()) else {
        return false;
    };
    a.is_uppercase()
        && b.is_lowercase()
        && text[..dot]
            .chars()
            .rev()
            .take(3)
            .filter(|c| c.is_lowercase())
            .count()
            == 3
}

/// The German gender colon: "Bürger:innen", "Minister:in".
fn gender_colon(text: &str, after: usize) -> bool {
    let rest = &text[after..];
    ["innen", "in"].iter().any(|suffix| {
        rest.starts_with(suffix) && char_at(rest, suffix.len()).is_none_or(|c| !is_word_char(c))
    })
}

/// An abbreviation written with inner full stops: "z.B", "U.S", "e.V", "Ges.m.b.H", "Ph.D"
/// (without the final stop): two or more parts of one to three letters, at least one of them a
/// single letter. "Web.de" and "tagesschau.de" are not.
fn is_dotted_abbreviation(stem: &str) -> bool {
    let mut parts = 0;
    let mut single = false;
    for part in stem.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        single |= n == 1;
        parts += 1;
    }
    parts >= 2 && single
}

/// Whether a German number keeps its full stop. Ordinals and dates of up to three digits per
/// part ("17.", "2.", "11.10.") do unless a new sentence begins after them; longer numbers
/// (years: "seit 2019.") only when a lower-case word follows.
fn ordinal_keeps_dot(stem: &str, next: Next) -> bool {
    if !stem.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return false;
    }
    if stem.split('.').all(|part| (1..=3).contains(&part.len())) {
        ordinal_follows(next)
    } else {
        next == Next::Lower
    }
}

/// True when what follows an ordinal-like "17." continues the sentence.
fn ordinal_follows(next: Next) -> bool {
    matches!(next, Next::Lower | Next::Capital | Next::Other)
}

/// Upper-case Roman numerals from I to XXXIX ("Wilhelm II.", "XIV.").
fn is_roman(s: &str) -> bool {
    let tens = s.bytes().take_while(|&b| b == b'X').count();
    let rest = &s[tens..];
    tens <= 3
        && !s.is_empty()
        && matches!(
            rest,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// The end of a web address starting at `start` ("https://…", "www.…"), without trailing
/// punctuation that belongs to the sentence. `None` when no address starts here.
fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    if !matches!(
        rest.as_bytes().first(),
        Some(b'h' | b'H' | b'f' | b'F' | b'm' | b'M' | b'w' | b'W')
    ) {
        return None;
    }
    let scheme = ["https://", "http://", "ftp://", "mailto:", "www."]
        .into_iter()
        .find(|p| {
            rest.as_bytes()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        })?;
    let body = rest
        .char_indices()
        .find(|&(_, c)| is_space(c) || matches!(c, '<' | '>' | '"' | '„' | '“' | '”' | '«' | '»'))
        .map_or(rest.len(), |(k, _)| k);
    let url = &rest[..body];
    // Trailing punctuation belongs to the sentence, and so does a closing bracket unless the
    // address opened one ("…/Libyen_(Begriffsklärung)").
    let mut open = url.bytes().filter(|&b| b == b'(').count();
    let mut close = url.bytes().filter(|&b| b == b')').count();
    let mut end = body;
    while let Some(c) = url[..end].chars().next_back() {
        let trim = match c {
            ')' => close > open,
            '(' => {
                open -= 1;
                true
            }
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '’' => true,
            _ => false,
        };
        if !trim {
            break;
        }
        if c == ')' {
            close -= 1;
        }
        end -= c.len_utf8();
    }
    (end > scheme.len()).then_some(start + end)
}

/// The end of the e-mail address whose local part is `start..at` and whose "@" is at `at`, or
/// `None` when the text there is not an address.
fn email_end(text: &str, start: usize, at: usize) -> Option<usize> {
    let local = &text[start..at];
    let local_ok = local
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'));
    if !local_ok {
        return None;
    }
    let domain_len = text[at + 1..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        .count();
    let domain = text[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
    let tld = domain.rsplit_once('.')?.1;
    (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        .then_some(at + 1 + domain.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_abbreviations() {
        for s in ["z.B", "U.S", "e.V", "Ges.m.b.H", "Ph.D", "u.a", "a.m"] {
            assert!(is_dotted_abbreviation(s), "{s}");
        }
        for s in ["Web.de", "tagesschau.de", "ca.17", "U", "a..b"] {
            assert!(!is_dotted_abbreviation(s), "{s}");
        }
    }

    #[test]
    fn roman_numerals() {
        for s in ["I", "II", "IV", "XIV", "XXXIX"] {
            assert!(is_roman(s), "{s}");
        }
        for s in ["", "IIII", "XL", "Ii", "VX"] {
            assert!(!is_roman(s), "{s}");
        }
    }

    #[test]
    fn url_ends_before_sentence_punctuation() {
        let t = "siehe https://de.wikipedia.org/wiki/Libyen_(Begriffsklärung)).";
        assert_eq!(url_end(t, 6), Some(t.len() - 2));
        assert_eq!(url_end("www.", 0), None);
        assert_eq!(url_end("wwwx", 0), None);
    }

    #[test]
    fn email_needs_a_domain_with_a_top_level_part() {
        let t = "info@example.org.";
        assert_eq!(email_end(t, 0, 4), Some(t.len() - 1));
        assert_eq!(email_end("a@b", 0, 1), None);
        assert_eq!(email_end("a@b.7", 0, 1), None);
    }
}

//! Sentence splitter over tokens: a sentence ends at a full stop, question or exclamation mark or
//! ellipsis (with the quotes and brackets that close after it) when a new sentence visibly
//! begins; after an abbreviation or ordinal only when a sentence-starting word, a quotation or
//! a line break follows; always at a blank line; at a line break after a line without final
//! punctuation (a headline) unless the text plainly runs on.

use std::ops::Range;

use super::chars::{is_close_bracket, is_hyphen, is_open_bracket, is_quote, is_terminal};
use super::next::next_after;
use super::words::{Abbrev, abbreviation, runs_on};
use super::{Style, Token, TokenKind};
use crate::document::Lang;

/// How strongly a token ends a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// Not at all (a line break after it may still end the sentence).
    None,
    /// An abbreviation or ordinal: only if what follows begins a sentence ("usw. Die").
    Weak,
    /// A full stop, "?", "!", "…": unless the text runs on in lower case or with a comma.
    Strong,
}

/// Splits the tokens of `text` into sentences: consecutive, non-empty ranges of token indices
/// that together cover all tokens in order.
pub fn sentences(text: &str, tokens: &[Token], lang: &Lang) -> Vec<Range<usize>> {
    let style = Style::of(lang);
    let n = tokens.len();
    let mut out = Vec::with_capacity(n / 16 + 1);
    let mut start = 0;
    let mut k = 0;
    while k < n {
        let mut end = None;
        let stop = stop_of(text, &tokens[k], style);
        if stop != Stop::None {
            let e = after_closers(tokens, k + 1);
            if ends_before(text, tokens, e, stop, style) {
                end = Some(e);
            }
        }
        if end.is_none() && k + 1 < n && line_break_ends(text, tokens, k, style) {
            end = Some(k + 1);
        }
        match end {
            Some(e) => {
                out.push(start..e);
                start = e;
                k = e;
            }
            None => k += 1,
        }
    }
    if start < n {
        out.push(start..n);
    }
    out
}

fn stop_of(text: &str, token: &Token, style: Style) -> Stop {
    let s = token.text(text);
    match token.kind {
        TokenKind::Punct if s.chars().all(is_terminal) => Stop::Strong,
        TokenKind::Abbrev => {
            let stem = &s[..s.len() - 1];
            let last_part = stem.rsplit(is_hyphen).next().unwrap_or(stem);
            match abbreviation(last_part, style) {
                Some(Abbrev::Leading) => Stop::None,
                _ => Stop::Weak,
            }
        }
        TokenKind::Number if s.ends_with('.') => Stop::Weak,
        _ => Stop::None,
    }
}

/// The index after the quotes and closing brackets written right after token `from - 1`
/// ("Nein!“", "(AFP.)").
fn after_closers(tokens: &[Token], from: usize) -> usize {
    let mut e = from;
    while e < tokens.len()
        && tokens[e].kind == TokenKind::Punct
        && tokens[e].span.start() == tokens[e - 1].span.end()
    {
        e += 1;
    }
    e
}

/// Whether the sentence ends before token `e`, given the stop just before it (and its closers).
fn ends_before(text: &str, tokens: &[Token], e: usize, stop: Stop, style: Style) -> bool {
    let Some(next) = tokens.get(e) else {
        return true;
    };
    let prev_end = tokens[e - 1].span.end();
    if text[prev_end..next.span.start()].contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return true;
    }
    match stop {
        Stop::None => false,
        Stop::Weak => next_after(text, prev_end, style).begins_sentence(),
        Stop::Strong => {
            let first = next.text(text).chars().next().unwrap_or(' ');
            match next.kind {
                TokenKind::Punct => is_quote(first) || is_open_bracket(first),
                TokenKind::Symbol | TokenKind::Number => true,
                _ => first.is_uppercase() || first.is_numeric(),
            }
        }
    }
}

/// Whether a line break between tokens `k` and `k + 1` ends the sentence: always when the
/// lines are a blank line apart; after a single line break unless the line ends in a comma,
/// colon, hyphen, opening bracket or function word ("in", "the") or the next line begins in
/// lower case: then the line is wrapped.
fn line_break_ends(text: &str, tokens: &[Token], k: usize, style: Style) -> bool {
    let gap = &text[tokens[k].span.end()..tokens[k + 1].span.start()];
    if gap.len() <= 1 && gap != "\n" && gap != "\r" {
        return false;
    }
    let breaks = gap.matches('\n').count() + gap.matches(['\u{2028}', '\u{2029}']).count();
    let breaks = if breaks == 0 {
        gap.matches('\r').count()
    } else {
        breaks
    };
    if breaks >= 2 {
        return true;
    }
    if breaks == 0 {
        return false;
    }
    let last = tokens[k].text(text);
    let continues = matches!(last, "," | ";" | ":" | "&" | "/" | "+")
        || last.ends_with(is_hyphen)
        || last.chars().all(is_open_bracket)
        || runs_on(last, style);
    let next_first = tokens[k + 1].text(text).chars().next().unwrap_or(' ');
    let closes = tokens[k + 1].kind == TokenKind::Punct
        && !is_quote(next_first)
        && !is_open_bracket(next_first);
    !continues && !next_first.is_lowercase() && !closes && !is_close_bracket(next_first)
}

#[cfg(test)]
mod tests {
    use super::super::tokenize;
    use super::*;

    fn split(text: &str, lang: &Lang) -> Vec<String> {
        let tokens = tokenize(text, lang);
        sentences(text, &tokens, lang)
            .into_iter()
            .map(|r| text[tokens[r.start].span.start()..tokens[r.end - 1].span.end()].to_string())
            .collect()
    }

    fn de(text: &str) -> Vec<String> {
        split(text, &Lang::De)
    }

    fn en(text: &str) -> Vec<String> {
        split(text, &Lang::En)
    }

    #[test]
    fn german_news_paragraph() {
        let text = "Jewkurow war in den letzten Jahren ein regelmäßiger Besucher im Osten Libyens, \
                    zuletzt am 17. September, als er Haftar traf. Tausende weitere vermisste . \
                    Da die Offensive im Oktober 2020 beendet wurde, hat Wagner Personal nach Mali verlegt.";
        assert_eq!(
            de(text),
            [
                "Jewkurow war in den letzten Jahren ein regelmäßiger Besucher im Osten Libyens, \
                 zuletzt am 17. September, als er Haftar traf.",
                "Tausende weitere vermisste .",
                "Da die Offensive im Oktober 2020 beendet wurde, hat Wagner Personal nach Mali verlegt."
            ]
        );
    }

    #[test]
    fn headline_and_paragraphs_end_at_line_breaks() {
        let text = "Ostlibyens starker Mann Haftar trifft Putin in Moskau\n\nDer Machthaber Khalifa Haftar \
                    habe Gespräche geführt.\n\nAusgegeben am:\n\n1 Minute\n\n(AFP)\n\nsource site-27";
        assert_eq!(
            de(text),
            [
                "Ostlibyens starker Mann Haftar trifft Putin in Moskau",
                "Der Machthaber Khalifa Haftar habe Gespräche geführt.",
                "Ausgegeben am:",
                "1 Minute",
                "(AFP)",
                "source site-27"
            ]
        );
        assert_eq!(
            de(
                "Finnische Regierung wurde vereinigt\nHelsinki (Finnland), 11.06.2015 – Die neue Regierung"
            ),
            [
                "Finnische Regierung wurde vereinigt",
                "Helsinki (Finnland), 11.06.2015 – Die neue Regierung"
            ]
        );
    }

    #[test]
    fn wrapped_lines_run_on() {
        assert_eq!(
            de(
                "Der Machthaber, dessen Streitkräfte\nden Osten dominieren, habe in\nMoskau Gespräche geführt."
            ),
            [
                "Der Machthaber, dessen Streitkräfte\nden Osten dominieren, habe in\nMoskau Gespräche geführt."
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            de("„Sie haben die Situation besprochen.“ Peskow bestätigte das. „Nein!“, sagte er."),
            [
                "„Sie haben die Situation besprochen.“",
                "Peskow bestätigte das.",
                "„Nein!“, sagte er."
            ]
        );
        assert_eq!(
            en("He said: \"We won't go.\" Then he left (quietly.) It rained."),
            [
                "He said: \"We won't go.\"",
                "Then he left (quietly.)",
                "It rained."
            ]
        );
    }

    #[test]
    fn german_ordinals_abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            de(
                "Der 2. Weltkrieg endete. Am 17. September kam z. B. Dr. Müller mit J. R. R. Tolkien u. a. nach St. Petersburg."
            ),
            [
                "Der 2. Weltkrieg endete.",
                "Am 17. September kam z. B. Dr. Müller mit J. R. R. Tolkien u. a. nach St. Petersburg."
            ]
        );
        assert_eq!(
            de("Das sind 3,5 Mio. Euro, bzw. mehr."),
            ["Das sind 3,5 Mio. Euro, bzw. mehr."]
        );
    }

    #[test]
    fn abbreviations_and_numbers_end_sentences_before_a_new_one() {
        assert_eq!(
            de(
                "Er kaufte Äpfel, Birnen usw. Die Preise stiegen seit 2019. Danach kam Platz 3. Das war gut."
            ),
            [
                "Er kaufte Äpfel, Birnen usw.",
                "Die Preise stiegen seit 2019.",
                "Danach kam Platz 3.",
                "Das war gut."
            ]
        );
    }

    #[test]
    fn english_news() {
        let text = "Mr. Smith met U.S. officials at 5 p.m. on Friday. Growth was 3.5 percent in the U.S. \
                    The ICJ banned Japan from whaling. Why? Nobody knows... Sales rose by $1.5 billion.";
        assert_eq!(
            en(text),
            [
                "Mr. Smith met U.S. officials at 5 p.m. on Friday.",
                "Growth was 3.5 percent in the U.S.",
                "The ICJ banned Japan from whaling.",
                "Why?",
                "Nobody knows...",
                "Sales rose by $1.5 billion."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_stop_runs_on() {
        assert_eq!(
            de("Was? sagte er. Na ja… egal."),
            ["Was? sagte er.", "Na ja… egal."]
        );
        assert_eq!(en("Yahoo! is big."), ["Yahoo! is big."]);
    }

    /// The first words of each sentence of a real article.
    fn starts(text: &str, lang: &Lang) -> Vec<String> {
        split(text, lang)
            .iter()
            .map(|s| s.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn the_sample_article() {
        let text = include_str!("../../../assets/articles/afp-haftar-trifft-putin.txt");
        assert_eq!(
            starts(text, &Lang::De),
            [
                "Ostlibyens starker",
                "Der militärische",
                "Ausgegeben am:",
                "1 Minute",
                "Haftar, der",
                "Haftar habe",
                "Kremlsprecher Dmitri",
                "„Sie haben",
                "Nach Angaben",
                "Der östliche",
                "Jewkurow war",
                "Haftars gescheiterter",
                "Da die",
                "Doch trotz",
                "Russland versucht",
                "(AFP)",
                "source site-27",
                "Leave a",
            ]
        );
    }

    #[test]
    fn wikinews_articles() {
        let text =
            include_str!("../../../tests/data/articles/de/wikinews-dresden-oberbuergermeister.txt");
        let got = split(text, &Lang::De);
        assert_eq!(got.len(), 13, "{got:#?}");
        assert_eq!(
            got[2],
            "Wählbar sind Personen, die am Wahltag das 18. Lebensjahr, aber noch nicht das 65. vollendet haben."
        );
        assert_eq!(
            got[3],
            "Gewählt wurde am 7. Juni 2015, wobei keiner der Bewerber mehr als die Hälfte der gültigen Stimmen erhielt."
        );
        let text = include_str!("../../../tests/data/articles/en/wikinews-fukushima-outage.txt");
        assert_eq!(
            starts(text, &Lang::En),
            [
                "Power outage",
                "A power",
                "Tokyo Electric",
                "This transfer",
                "This latest",
                "This disaster",
                "Since then,",
                "The Woods",
                "Along with"
            ]
        );
    }
}

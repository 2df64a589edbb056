//! Searching the article: every case-insensitive occurrence of a literal query in the sections
//! on screen, and which one is current.

use regex::RegexBuilder;

use super::layout;
use crate::document::Span;

/// Matches above this many are not collected (the count then shows as "10000+").
pub const MAX_MATCHES: usize = 100_000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Sorted, not overlapping, inside the laid-out sections.
    pub matches: Vec<Span>,
    pub current: Option<usize>,
}

impl Search {
    pub fn new(text: &str, sections: &[layout::Section], query: &str) -> Search {
        Search {
            query: query.to_string(),
            matches: find(text, sections, query),
            current: None,
        }
    }

    /// The index of the first match that ends after `offset`, or the count.
    pub fn first_after(&self, offset: usize) -> usize {
        self.matches.partition_point(|m| m.end() <= offset)
    }
}

/// Case-insensitive (Unicode simple case folding) occurrences of `query` in the sections.
pub fn find(text: &str, sections: &[layout::Section], query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    let Ok(re) = RegexBuilder::new(&regex::escape(query))
        .case_insensitive(true)
        .build()
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for sec in sections {
        let base = sec.span.start();
        for m in re.find_iter(&text[sec.span.range()]) {
            if out.len() >= MAX_MATCHES {
                return out;
            }
            if !m.is_empty() {
                out.push(Span::new(base + m.start(), base + m.end()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_only_in_shown_sections() {
        let text = "Moskau und MOSKAU.\n\nmoskau (hidden)\n\nÜber Österreich, über.";
        let sec = |a: usize, b: usize| layout::Section {
            span: Span::new(a, b),
            keep_breaks: false,
            indent: 0,
            id: 0,
        };
        let shown = [sec(0, 18), sec(37, text.len())];
        let found = find(text, &shown, "moskau");
        assert_eq!(found, [Span::new(0, 6), Span::new(11, 17)]);
        let found = find(text, &shown, "über");
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].range()], "Über");
        assert!(find(text, &shown, "").is_empty());
        assert_eq!(find(text, &shown, "(").len(), 0, "no regex syntax leaks");
        let s = Search::new(text, &shown, "moskau");
        assert_eq!(s.first_after(6), 1);
    }
}

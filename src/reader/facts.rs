//! The facts the header shows about a document: title, language, byline or source, the date where
//! one is found in the dateline, meta or byline blocks, reading time (as the article states it,
//! or from its length) and actor count.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::document::{Document, Role};

/// Words a minute assumed for the reading time.
const WORDS_PER_MINUTE: usize = 200;

/// How many meta and byline blocks are looked at for a date (a date sits near the top; a long
/// text with thousands of them need not be searched through).
const DATE_BLOCKS: usize = 16;

/// How far into the first paragraph a dateline is looked for, in bytes.
const DATELINE_REACH: usize = 160;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub title: String,
    pub lang: String,
    /// The agency or author ("AFP"), or else the file name of the source.
    pub byline: Option<String>,
    /// The article's date as YYYY-MM-DD.
    pub date: Option<String>,
    pub minutes: usize,
    pub words: usize,
    pub actors: usize,
}

impl Facts {
    pub fn of(doc: &Document) -> Facts {
        let title = doc
            .title
            .clone()
            .or_else(|| {
                doc.blocks_with(Role::Title)
                    .next()
                    .map(|b| doc.slice(b.span).to_string())
            })
            .map(|t| collapse(&t))
            .filter(|t| !t.is_empty())
            .or_else(|| doc.source.as_deref().map(file_name))
            .unwrap_or_else(|| "(untitled)".to_string());
        let byline = doc
            .blocks_with(Role::Byline)
            .map(|b| collapse(doc.slice(b.span)))
            .map(|s| {
                s.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace())
                    .to_string()
            })
            .find(|s| !s.is_empty())
            .or_else(|| doc.source.as_deref().map(file_name));
        let words = doc
            .blocks
            .iter()
            .filter(|b| b.role.is_article())
            .map(|b| doc.slice(b.span).split_whitespace().count())
            .sum::<usize>();
        let words = if doc.blocks.is_empty() {
            doc.text.split_whitespace().count()
        } else {
            words
        };
        Facts {
            title,
            lang: doc.lang.code().to_string(),
            byline,
            date: date_of(doc),
            minutes: doc
                .blocks_with(Role::Meta)
                .take(DATE_BLOCKS)
                .find_map(|b| crate::ingest::text::reading_minutes(doc.slice(b.span)))
                .unwrap_or_else(|| words.div_ceil(WORDS_PER_MINUTE).max(1)),
            words,
            actors: doc.actors.len(),
        }
    }
}

/// The first date in the meta blocks, the byline, or the dateline at the start of the first
/// paragraph (or of the text, when it has no blocks).
fn date_of(doc: &Document) -> Option<String> {
    let meta = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.role, Role::Meta | Role::Byline))
        .take(DATE_BLOCKS)
        .map(|b| doc.slice(b.span));
    let dateline = doc
        .blocks
        .iter()
        .find(|b| b.role == Role::Paragraph)
        .map(|b| doc.slice(b.span))
        .or_else(|| doc.blocks.is_empty().then_some(doc.text.as_str()))
        .map(|s| &s[..floor_char_boundary(s, DATELINE_REACH)]);
    meta.chain(dateline).find_map(find_date)
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len()))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

const MONTHS: &str = "Januar|January|Jan|Februar|February|Feb|März|Maerz|March|Mär|Mar|April|Apr|\
    Mai|May|Juni|June|Jun|Juli|July|Jul|August|Aug|September|Sept|Sep|Oktober|October|Okt|Oct|\
    November|Nov|Dezember|December|Dez|Dec";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b").expect("valid regex"));
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").expect("valid regex"));
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})\.?\s+({MONTHS})\.?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});

/// The first valid calendar date in `s` ("12.03.2024", "2024-03-12", "12. März 2024",
/// "March 12, 2024"), as YYYY-MM-DD.
pub fn find_date(s: &str) -> Option<String> {
    let mut found: Vec<(usize, Option<String>)> = Vec::new();
    if let Some(c) = ISO.captures(s) {
        let d = ymd(field(&c, 1)?, field(&c, 2)?, field(&c, 3)?);
        found.push((c.get(0)?.start(), d));
    }
    if let Some(c) = NUMERIC.captures(s) {
        let d = ymd(field(&c, 3)?, field(&c, 2)?, field(&c, 1)?);
        found.push((c.get(0)?.start(), d));
    }
    if let Some(c) = DAY_MONTH.captures(s) {
        let month = month_number(field(&c, 2)?)?.to_string();
        let d = ymd(field(&c, 3)?, &month, field(&c, 1)?);
        found.push((c.get(0)?.start(), d));
    }
    if let Some(c) = MONTH_DAY.captures(s) {
        let month = month_number(field(&c, 1)?)?.to_string();
        let d = ymd(field(&c, 3)?, &month, field(&c, 2)?);
        found.push((c.get(0)?.start(), d));
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().find_map(|(_, d)| d)
}

fn field<'h>(c: &Captures<'h>, i: usize) -> Option<&'h str> {
    c.get(i).map(|m| m.as_str())
}

fn ymd(year: &str, month: &str, day: &str) -> Option<String> {
    let (y, m, d): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=days).contains(&d) && (1800..=2200).contains(&y)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let n = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mär" | "mae" | "mar" => 3,
        "apr" => 4,
        "mai" | "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" | "oct" => 10,
        "nov" => 11,
        "dez" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// White space runs (line breaks included) as single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_news_spellings() {
        assert_eq!(
            find_date("Hamburg (dpa), 12.03.2024 –").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            find_date("Ausgegeben am: 17. September 2023, 14:05 Uhr").as_deref(),
            Some("2023-09-17")
        );
        assert_eq!(
            find_date("Published March 5, 2024 by Reuters").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            find_date("Stand: 2019-02-28").as_deref(),
            Some("2019-02-28")
        );
        assert_eq!(find_date("am 30.02.2024"), None, "no 30 February");
        assert_eq!(find_date("seit 2019"), None);
    }

    #[test]
    fn facts_come_from_blocks() {
        let text = "Titel\n\n17.09.2023\n\nEin zwei drei.\n\n(AFP)";
        let doc = crate::document::json::from_str(&format!(
            r#"{{"format":"castlist/1","lang":"de","text":{text:?},"blocks":[
                {{"start":0,"end":5,"role":"title"}},{{"start":7,"end":17,"role":"meta"}},
                {{"start":19,"end":33,"role":"paragraph"}},{{"start":35,"end":40,"role":"byline"}}]}}"#
        ))
        .unwrap();
        let facts = Facts::of(&doc);
        assert_eq!(facts.title, "Titel");
        assert_eq!(facts.byline.as_deref(), Some("AFP"));
        assert_eq!(facts.date.as_deref(), Some("2023-09-17"));
        assert_eq!((facts.words, facts.minutes), (4, 1));
    }

    #[test]
    fn the_reading_time_an_article_states_wins_over_its_length() {
        let long = "Wort ".repeat(999); // and the title: 1000 words, five minutes
        let doc = crate::ingest::from_text("a.txt", format!("Titel\n\n3 Min. Lesezeit\n\n{long}"));
        assert_eq!(Facts::of(&doc).minutes, 3);
        let doc = crate::ingest::from_text("a.txt", format!("Titel\n\n{long}"));
        assert_eq!(Facts::of(&doc).minutes, 5);
    }
}

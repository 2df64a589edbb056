//! Plain-text layout: the headline, paragraphs, headings, quotes and lists, and what is not the
//! article — datelines, "published" and reading-time lines, agency bylines, page leftovers —
//! recognised as blocks with roles. Nothing is deleted: blocks only point into the text.

use crate::document::{Block, Role, Span};

/// The blocks of a plain text, in order, and its title (the first line, when it is short enough
/// to be a headline).
pub fn layout(text: &str) -> (Vec<Block>, Option<String>) {
    let units = units(text);
    let mut blocks = Vec::with_capacity(units.len() + 4);
    let mut title = None;
    let last = units.len().saturating_sub(1);
    for (i, unit) in units.iter().enumerate() {
        let mut lines = unit.as_slice();
        if title.is_none() {
            let first = lines[0];
            let headline = &text[first.range()];
            if headline.chars().count() > MAX_TITLE_CHARS {
                // A first line this long is the article itself, not a headline.
                title = Some(String::new());
            } else if !is_boilerplate(headline) {
                title = Some(text[first.range()].to_string());
                blocks.push(Block {
                    span: first,
                    role: Role::Title,
                });
                lines = &lines[1..];
                if lines.is_empty() {
                    continue;
                }
            }
        }
        classify(text, lines, i == last, &mut blocks);
    }
    (blocks, title.filter(|t| !t.is_empty()))
}

/// Longer first lines are not headlines.
const MAX_TITLE_CHARS: usize = 300;

/// Runs of non-blank lines, each line as its trimmed span. A blank line (only white space)
/// separates runs.
fn units(text: &str) -> Vec<Vec<Span>> {
    let mut units = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut start = 0;
    while start <= text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        match trimmed(text, start, end) {
            Some(span) => current.push(span),
            None if !current.is_empty() => units.push(std::mem::take(&mut current)),
            None => {}
        }
        start = end + 1;
    }
    if !current.is_empty() {
        units.push(current);
    }
    units
}

/// The span of `text[start..end]` without surrounding white space, or `None` when blank.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let line = &text[start..end];
    let body = line.trim_start();
    let s = start + (line.len() - body.len());
    let body = body.trim_end();
    (!body.is_empty()).then(|| Span::new(s, s + body.len()))
}

/// Adds the blocks of one run of lines.
fn classify(text: &str, lines: &[Span], is_last: bool, blocks: &mut Vec<Block>) {
    let whole = Span::new(lines[0].start(), lines[lines.len() - 1].end());
    let block = |role| Block { span: whole, role };
    let content = &text[whole.range()];
    let line_text = |span: &Span| &text[span.range()];

    if lines.len() == 1 {
        let role = if is_boilerplate(content) {
            Some(Role::Boilerplate)
        } else if is_meta(content) {
            Some(Role::Meta)
        } else if is_byline(content) {
            Some(Role::Byline)
        } else if is_heading(content) && !is_last {
            Some(Role::Heading)
        } else {
            None
        };
        if let Some(role) = role {
            blocks.push(block(role));
            return;
        }
    }
    if lines.iter().all(|l| line_text(l).starts_with('>')) {
        blocks.push(block(Role::Quote));
        return;
    }
    if lines.iter().all(|l| is_list_item(line_text(l))) {
        blocks.push(block(Role::List));
        return;
    }
    // One paragraph a line when every line but the last ends a sentence (texts saved with
    // single line breaks between paragraphs); otherwise the lines are one wrapped paragraph.
    let one_per_line = lines.len() > 1
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| ends_sentence(line_text(l)));
    if one_per_line {
        for (i, line) in lines.iter().enumerate() {
            classify(
                text,
                std::slice::from_ref(line),
                is_last && i + 1 == lines.len(),
                blocks,
            );
        }
        return;
    }
    match dateline(content) {
        Some(len) => {
            let meta_end = whole.start() + content[..len].trim_end().len();
            blocks.push(Block {
                span: Span::new(whole.start(), meta_end),
                role: Role::Meta,
            });
            let rest = whole.start() + len;
            let skip = text[rest..whole.end()].len() - text[rest..whole.end()].trim_start().len();
            if rest + skip < whole.end() {
                blocks.push(Block {
                    span: Span::new(rest + skip, whole.end()),
                    role: Role::Paragraph,
                });
            }
        }
        None => blocks.push(block(Role::Paragraph)),
    }
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '“', '”', '«', '»', '\'', '’', ')'])
        .ends_with(['.', '!', '?', ':', '…'])
}

/// Lower-case form for matching furniture phrases.
fn lower(s: &str) -> String {
    s.to_lowercase()
}

const BOILERPLATE: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "kommentar schreiben",
    "kommentar hinterlassen",
    "kommentare",
    "comments",
    "share this",
    "share",
    "teilen",
    "artikel teilen",
    "drucken",
    "print",
    "tweet",
    "newsletter",
    "anzeige",
    "werbung",
    "advertisement",
    "mehr zum thema",
    "lesen sie auch",
    "auch interessant",
    "read more",
    "related articles",
    "related stories",
    "subscribe",
    "abonnieren",
    "jetzt abonnieren",
    "alle rechte vorbehalten",
    "all rights reserved",
    "back to top",
    "nach oben",
    "zur startseite",
    "skip to content",
    "zum inhalt springen",
    "loading",
    "cookie-einstellungen",
    "cookie settings",
    "datenschutz",
    "impressum",
    "privacy policy",
];

const BOILERPLATE_PREFIXES: &[&str] = &[
    "source site-",
    "foto:",
    "bild:",
    "image:",
    "photo:",
    "fotos:",
    "bildquelle:",
    "copyright",
    "©",
];

/// Page furniture: "Leave a Reply", "source site-27", photo credits, share buttons.
fn is_boilerplate(line: &str) -> bool {
    if line.chars().count() > 80 {
        return false;
    }
    let l = lower(line);
    let l = l.trim_end_matches(['.', ':', '…', ' ']);
    BOILERPLATE.contains(&l) || BOILERPLATE_PREFIXES.iter().any(|p| l.starts_with(p))
}

const META_PREFIXES: &[&str] = &[
    "ausgegeben am",
    "veröffentlicht",
    "aktualisiert",
    "erstellt am",
    "erschienen am",
    "zuletzt aktualisiert",
    "stand:",
    "lesezeit",
    "published",
    "updated",
    "last updated",
    "posted on",
    "posted",
    "reading time",
    "datum:",
    "date:",
];

/// Dates, "published" lines and reading times: "Ausgegeben am:", "1 Minute",
/// "3 min read", "12.03.2024", "Veröffentlicht am 5. März 2024, 14:35 Uhr".
fn is_meta(line: &str) -> bool {
    if line.chars().count() > 80 {
        return false;
    }
    let l = lower(line);
    if META_PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    is_reading_time(&l) || is_date_line(&l)
}

/// The minutes a reading-time line states ("1 Minute", "5 min read").
pub fn reading_minutes(line: &str) -> Option<usize> {
    let l = lower(line.trim());
    if !is_reading_time(&l) {
        return None;
    }
    l.split_whitespace().next()?.parse().ok()
}

/// "1 Minute", "3 Min. Lesezeit", "5 min read", "2 minutes".
fn is_reading_time(l: &str) -> bool {
    let mut words = l.split_whitespace();
    let Some(number) = words.next() else {
        return false;
    };
    if !number.chars().all(|c| c.is_ascii_digit()) || number.len() > 3 {
        return false;
    }
    let Some(unit) = words.next() else {
        return false;
    };
    let unit = unit.trim_end_matches('.');
    let is_unit = matches!(unit, "min" | "minute" | "minuten" | "minutes" | "mins");
    let rest: Vec<&str> = words.collect();
    is_unit
        && (rest.is_empty()
            || matches!(
                rest.as_slice(),
                ["lesezeit"] | ["read"] | ["reading", "time"] | ["lesedauer"]
            ))
}

const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "dez",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A line that is only a date, perhaps with a weekday and a time: every word is a number, a
/// month, a weekday, "uhr"/"am"/"pm"/"um"/"utc", and there is at least one number and either a
/// month or a numeric date.
fn is_date_line(l: &str) -> bool {
    let mut numbers = 0;
    let mut has_month = false;
    let mut has_numeric_date = false;
    for word in l.split(|c: char| c.is_whitespace() || c == ',' || c == '|') {
        let w = word.trim_matches(['.', '(', ')']);
        if w.is_empty() {
            continue;
        }
        if is_numeric_date(w) {
            has_numeric_date = true;
        } else if w.chars().all(|c| c.is_ascii_digit() || c == ':') {
            numbers += 1;
        } else if MONTHS.contains(&w) {
            has_month = true;
        } else if !WEEKDAYS.contains(&w)
            && !matches!(
                w,
                "uhr"
                    | "am"
                    | "pm"
                    | "um"
                    | "utc"
                    | "cet"
                    | "mez"
                    | "mesz"
                    | "at"
                    | "den"
                    | "the"
                    | "of"
            )
        {
            return false;
        }
    }
    has_numeric_date || (has_month && numbers > 0)
}

/// "12.03.2024", "12.3.24", "2024-03-12", "03/12/2024".
fn is_numeric_date(w: &str) -> bool {
    for sep in ['.', '-', '/'] {
        let parts: Vec<&str> = w.split(sep).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            && parts.iter().any(|p| p.len() >= 2)
        {
            return true;
        }
    }
    false
}

/// Agency and author lines: "(AFP)", "(dpa/AFP)", "Von Anna Muster", "By Jane Doe",
/// "Quelle: dpa", "AFP".
fn is_byline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if line.chars().count() > 60 || words > 8 {
        return false;
    }
    if let Some(inner) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        return !inner.is_empty()
            && inner.len() <= 30
            && inner
                .split(['/', ',', ' '])
                .filter(|p| !p.is_empty())
                .all(|p| {
                    p.chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                });
    }
    let l = lower(line);
    let starts_with_name = |prefix: &str| {
        l.starts_with(prefix)
            && line[prefix.len()..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    ["von ", "by ", "text: ", "autor: ", "autorin: ", "author: "]
        .iter()
        .any(|p| starts_with_name(p))
        || ["quelle:", "source:", "mit material von"]
            .iter()
            .any(|p| l.starts_with(p))
        || matches!(l.as_str(), "afp" | "dpa" | "reuters" | "ap" | "kna" | "epd")
}

/// A short line without sentence punctuation that starts with a capital or a digit, or a
/// Markdown heading.
fn is_heading(line: &str) -> bool {
    if line.starts_with('#') {
        return true;
    }
    let first = line.chars().next();
    line.chars().count() <= 80
        && line.split_whitespace().count() <= 12
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with([
            '.', ',', ';', ':', '!', '?', '…', '"', '“', '”', '»', '«', ')',
        ])
}

fn is_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '–', '·']) {
        return rest.starts_with(' ');
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// The length in bytes of a dateline that opens a paragraph, including its dash and the space
/// after it: "Bremen (Deutschland), 11.10.2014 – ", "BERLIN (Reuters) - ",
/// "Hamburg (dpa), 12. März 2024 — ".
fn dateline(paragraph: &str) -> Option<usize> {
    const DASHES: [&str; 3] = [" – ", " — ", " - "];
    let window_end = paragraph
        .char_indices()
        .nth(100)
        .map_or(paragraph.len(), |(i, _)| i);
    let (dash_at, dash) = DASHES
        .iter()
        .filter_map(|d| paragraph[..window_end].find(d).map(|i| (i, *d)))
        .min_by_key(|&(i, _)| i)?;
    let prefix = &paragraph[..dash_at];
    if !prefix.chars().next().is_some_and(char::is_uppercase)
        || prefix.split_whitespace().count() > 9
    {
        return None;
    }
    // No sentence inside the prefix.
    if prefix.contains(". ")
        && !prefix
            .split(". ")
            .all(|part| part.len() <= 3 || part.ends_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let has_agency = prefix.contains('(') && prefix.contains(')');
    let has_date = is_date_line(&lower(prefix.split_once(',').map_or("", |(_, d)| d)))
        || prefix
            .split([' ', ','])
            .any(|w| is_numeric_date(w.trim_end_matches('.')));
    (has_agency || has_date).then_some(dash_at + dash.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, &str)> {
        layout(text)
            .0
            .into_iter()
            .map(|b| (b.role, &text[b.span.range()]))
            .collect()
    }

    #[test]
    fn sample_article_leftovers_become_roles() {
        let text = include_str!("../../assets/articles/afp-haftar-trifft-putin.txt");
        let (blocks, title) = layout(text);
        assert_eq!(
            title.as_deref(),
            Some("Ostlibyens starker Mann Haftar trifft Putin in Moskau")
        );
        let r: Vec<(Role, &str)> = blocks
            .iter()
            .map(|b| (b.role, &text[b.span.range()]))
            .collect();
        assert_eq!(r[0].0, Role::Title);
        assert_eq!(r[1].0, Role::Paragraph);
        assert_eq!(r[2], (Role::Meta, "Ausgegeben am:"));
        assert_eq!(r[3], (Role::Meta, "1 Minute"));
        let tail: Vec<_> = r[r.len() - 3..].to_vec();
        assert_eq!(
            tail,
            vec![
                (Role::Byline, "(AFP)"),
                (Role::Boilerplate, "source site-27"),
                (Role::Boilerplate, "Leave a Reply"),
            ]
        );
        let paragraphs = r
            .iter()
            .filter(|(role, _)| *role == Role::Paragraph)
            .count();
        assert_eq!(paragraphs, 11);
    }

    #[test]
    fn dateline_is_split_from_its_paragraph() {
        let text = "Diskussion um Sterbehilfe\n\nBremen (Deutschland), 11.10.2014 – Als Justizministerin hatte sie.\n";
        assert_eq!(
            roles(text),
            vec![
                (Role::Title, "Diskussion um Sterbehilfe"),
                (Role::Meta, "Bremen (Deutschland), 11.10.2014 –"),
                (Role::Paragraph, "Als Justizministerin hatte sie."),
            ]
        );
        let r = roles("T\n\nBERLIN (Reuters) - The government said so.");
        assert_eq!(r[1], (Role::Meta, "BERLIN (Reuters) -"));
        let r = roles("T\n\nHamburg, 12. März 2024 — Der Senat tagt.");
        assert_eq!(r[1], (Role::Meta, "Hamburg, 12. März 2024 —"));
    }

    #[test]
    fn sentences_with_dashes_are_not_datelines() {
        let r = roles("T\n\nDie Regierung – so heißt es – tritt zurück.");
        assert_eq!(r[1].0, Role::Paragraph);
        let r = roles("T\n\nSie kam am Montag. Dann - nach langem Streit - ging sie.");
        assert_eq!(r[1].0, Role::Paragraph);
    }

    #[test]
    fn headings_quotes_lists_and_bylines() {
        let text = "Titel\r\n\r\nEin Absatz.\r\n\r\nZwischentitel hier\r\n\r\n> Zitat eins\r\n> Zitat zwei\r\n\r\n- eins\r\n- zwei\r\n\r\nVon Anna Muster\r\n\r\nPublished 3 March 2024\r\n\r\n5 min read";
        let r = roles(text);
        assert_eq!(
            r,
            vec![
                (Role::Title, "Titel"),
                (Role::Paragraph, "Ein Absatz."),
                (Role::Heading, "Zwischentitel hier"),
                (Role::Quote, "> Zitat eins\r\n> Zitat zwei"),
                (Role::List, "- eins\r\n- zwei"),
                (Role::Byline, "Von Anna Muster"),
                (Role::Meta, "Published 3 March 2024"),
                (Role::Meta, "5 min read"),
            ]
        );
    }

    #[test]
    fn single_line_breaks_between_sentences_make_paragraphs() {
        let text = "Title\nFirst paragraph ends here.\nSecond one too.\nThird";
        let r = roles(text);
        assert_eq!(r.len(), 4);
        assert!(r[1..].iter().all(|(role, _)| *role == Role::Paragraph));
        // A hard-wrapped paragraph stays one block.
        let r = roles("Title\n\nThis paragraph was wrapped\nat a fixed width by the\nsender.");
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn blocks_are_ordered_disjoint_and_inside_the_text() {
        for text in [
            "",
            "\n\n\n",
            "   only one line   ",
            "T\n\n(AFP)",
            include_str!("../../assets/articles/afp-haftar-trifft-putin.txt"),
        ] {
            let (blocks, _) = layout(text);
            for pair in blocks.windows(2) {
                assert!(pair[0].span.end() <= pair[1].span.start());
            }
            assert!(
                blocks
                    .iter()
                    .all(|b| b.span.end() <= text.len() && !b.span.is_empty())
            );
        }
        assert!(layout("").0.is_empty());
        assert_eq!(
            layout("   only one line   ").1.as_deref(),
            Some("only one line")
        );
    }

    #[test]
    fn one_long_line_is_linear() {
        let text = "Wort ".repeat(200_000);
        let (blocks, title) = layout(&text);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].role, Role::Paragraph);
        assert_eq!(title, None);
    }
}

//! The article wrapped to a width: rows of byte ranges, built once per width, that map byte
//! offsets to (row, column) and back. Drawing walks only the rows on screen.
//!
//! Lines break where the Unicode line-breaking algorithm allows (spaces, hyphens, between CJK
//! characters, after soft hyphens, which then show as "-"); a word longer than the line breaks
//! between grapheme clusters; a wide character never straddles the edge. Spaces at the end of a
//! line may hang past it and are not drawn.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::glyph::{Class, TAB_STOP, classify, clusters};
use crate::document::Span;

/// The narrowest line a layout accepts: one wide character.
pub const MIN_WIDTH: u16 = 2;

/// A stretch of the text laid out as one block, with a blank row before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub span: Span,
    /// Keep the text's line breaks (lists, text without blocks); otherwise lines are re-flowed
    /// and a line break counts as a space.
    pub keep_breaks: bool,
    /// Columns left empty before every row of the section (dropped on narrow layouts).
    pub indent: u16,
    /// The caller's identifier for the section.
    pub id: u32,
}

/// One screen row: the text `start..end` of one section, or an empty gap row between sections
/// (`start == end`, at the next section's start).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// Index into [`Layout::sections`].
    pub section: u32,
    /// The row ends at a soft hyphen that is drawn as "-".
    pub hyphen: bool,
}

impl Row {
    pub fn is_gap(&self) -> bool {
        self.start == self.end
    }
}

/// What a cell of a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown<'t> {
    /// A grapheme cluster of the text, drawn as is.
    Text(&'t str),
    /// A placeholder for a control character, or the hyphen of a soft hyphen.
    Char(char),
    /// White space (spaces, expanded tabs, line breaks inside a paragraph).
    Blank,
}

/// One grapheme cluster of a row as it sits on screen. Columns count from the left edge of the
/// text column (indent included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyph<'t> {
    pub start: usize,
    pub end: usize,
    pub col: u16,
    pub width: u16,
    pub shown: Shown<'t>,
}

/// A grapheme cluster of a row with its measured place, drawn or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed<'t> {
    pub start: usize,
    pub len: usize,
    /// Column relative to the section's indent.
    pub col: usize,
    pub advance: usize,
    pub class: Class<'t>,
}

/// The wrapped article at one width.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    width: u16,
    rows: Vec<Row>,
    sections: Vec<Section>,
}

impl Layout {
    /// Lays out `sections` of `text` (in order, not overlapping, on character boundaries) at
    /// `width` columns (at least [`MIN_WIDTH`]). Empty sections are left out.
    pub fn build(text: &str, sections: &[Section], width: u16) -> Layout {
        let width = width.max(MIN_WIDTH);
        let mut rows = Vec::new();
        let mut kept: Vec<Section> = Vec::with_capacity(sections.len());
        for sec in sections.iter().filter(|s| !s.span.is_empty()) {
            let indent = if sec.indent.saturating_add(8 * MIN_WIDTH) <= width {
                sec.indent
            } else {
                0
            };
            let index = u32::try_from(kept.len()).unwrap_or(u32::MAX);
            kept.push(Section { indent, ..*sec });
            if !rows.is_empty() {
                rows.push(Row {
                    start: sec.span.start(),
                    end: sec.span.start(),
                    section: index,
                    hyphen: false,
                });
            }
            let wrapper = Wrapper {
                base: sec.span.start(),
                width: usize::from(width - indent),
                keep_breaks: sec.keep_breaks,
                section: index,
            };
            wrapper.wrap(&text[sec.span.range()], &mut rows);
        }
        Layout {
            width,
            rows,
            sections: kept,
        }
    }

    /// The width the text was wrapped to.
    pub fn width(&self) -> u16 {
        self.width
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The section a row belongs to.
    pub fn section_of_row(&self, row: usize) -> Option<&Section> {
        let r = self.rows.get(row)?;
        self.sections.get(r.section as usize)
    }

    /// The text row that contains `offset`, if it is shown.
    pub fn row_at(&self, offset: usize) -> Option<usize> {
        let r = self
            .rows
            .partition_point(|r| r.start <= offset)
            .checked_sub(1)?;
        let row = self.rows[r];
        (row.start <= offset && offset < row.end).then_some(r)
    }

    /// The row that contains `offset` or, when it is not shown, the nearest row before it (the
    /// first row for offsets before the text).
    pub fn row_near(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }

    /// The rows a span touches (empty when the layout is empty).
    pub fn rows_of(&self, span: Span) -> Range<usize> {
        if self.rows.is_empty() {
            return 0..0;
        }
        let first = self.row_near(span.start());
        let last = self.row_near(span.end().saturating_sub(1).max(span.start()));
        first..last.max(first) + 1
    }

    /// Every grapheme cluster of a row with its measured column, drawn or not.
    pub fn placed<'t>(&self, text: &'t str, row: usize) -> impl Iterator<Item = Placed<'t>> {
        let (start, slice, keep_breaks) = match self.rows.get(row) {
            Some(r) if !r.is_gap() => (
                r.start,
                &text[r.start..r.end],
                self.sections[r.section as usize].keep_breaks,
            ),
            _ => (0, "", false),
        };
        let mut col = 0;
        clusters(slice).map(move |(i, g)| {
            let class = classify(g);
            let advance = advance(class, col, keep_breaks);
            let placed = Placed {
                start: start + i,
                len: g.len(),
                col,
                advance,
                class,
            };
            col += advance;
            placed
        })
    }

    /// The cells a row draws, left to right: white space hanging past the edge and zero-width
    /// clusters are left out; a soft hyphen shows as "-" where the row breaks at it.
    pub fn glyphs<'t>(&self, text: &'t str, row: usize) -> impl Iterator<Item = Glyph<'t>> {
        let (end, hyphen, indent) = match self.rows.get(row) {
            Some(r) => (r.end, r.hyphen, self.sections[r.section as usize].indent),
            None => (0, false, 0),
        };
        let width = usize::from(self.width - indent);
        self.placed(text, row).filter_map(move |p| {
            let (shown, w) = match p.class {
                Class::Text(t, w) => (Shown::Text(t), usize::from(w)),
                Class::Placeholder(c) => (Shown::Char(c), 1),
                Class::Space | Class::Tab | Class::Newline => (Shown::Blank, p.advance),
                Class::SoftHyphen if hyphen && p.start + p.len == end => (Shown::Char('-'), 1),
                Class::SoftHyphen | Class::Invisible => return None,
            };
            (w > 0 && p.col + w <= width).then(|| Glyph {
                start: p.start,
                end: p.start + p.len,
                col: indent + p.col as u16,
                width: w as u16,
                shown,
            })
        })
    }

    /// The cell where the grapheme at `offset` is drawn (or would be, for zero-width ones).
    pub fn cell_of(&self, text: &str, offset: usize) -> Option<(usize, u16)> {
        let row = self.row_at(offset)?;
        let indent = self.sections[self.rows[row].section as usize].indent;
        let max = self.width - 1;
        self.placed(text, row)
            .find(|p| offset < p.start + p.len)
            .map(|p| (row, (indent + p.col.min(usize::from(max)) as u16).min(max)))
    }

    /// The byte offset of the grapheme drawn at (`row`, `col`), if a drawn cell is there.
    pub fn offset_at(&self, text: &str, row: usize, col: u16) -> Option<usize> {
        self.glyphs(text, row)
            .find(|g| g.col <= col && col < g.col + g.width)
            .map(|g| g.start)
    }
}

/// Columns a cluster takes at column `col` of a line.
fn advance(class: Class<'_>, col: usize, keep_breaks: bool) -> usize {
    match class {
        Class::Text(_, w) => usize::from(w),
        Class::Placeholder(_) | Class::Space => 1,
        Class::Tab => usize::from(TAB_STOP) - col % usize::from(TAB_STOP),
        Class::Newline => usize::from(!keep_breaks),
        Class::SoftHyphen | Class::Invisible => 0,
    }
}

/// White space that may hang past the end of a line instead of forcing a break.
fn hangs(class: Class<'_>) -> bool {
    matches!(class, Class::Space | Class::Tab | Class::Newline)
}

/// Greedy first-fit wrapping of one section.
struct Wrapper {
    base: usize,
    width: usize,
    keep_breaks: bool,
    section: u32,
}

impl Wrapper {
    fn wrap(&self, s: &str, rows: &mut Vec<Row>) {
        let mut breaks = linebreaks(s).peekable();
        let mut row_start = 0;
        let mut col = 0;
        // The latest place the current row may end, and whether a soft hyphen shows there.
        let mut last_break: Option<(usize, bool)> = None;
        let mut after_soft_hyphen = false;
        for (i, g) in clusters(s) {
            let mut opportunity = None;
            while let Some(&(at, kind)) = breaks.peek() {
                if at > i {
                    break;
                }
                breaks.next();
                if at == i {
                    opportunity = Some(kind);
                }
            }
            if i > row_start {
                match opportunity {
                    Some(BreakOpportunity::Mandatory) if self.keep_breaks => {
                        self.push(rows, row_start, i, false);
                        row_start = i;
                        col = 0;
                        last_break = None;
                    }
                    Some(_) if !after_soft_hyphen => last_break = Some((i, false)),
                    // The hyphen needs a cell of its own.
                    Some(_) if col < self.width => last_break = Some((i, true)),
                    _ => {}
                }
            }
            let class = classify(g);
            let w = advance(class, col, self.keep_breaks);
            if col + w > self.width && !hangs(class) {
                if let Some((at, hyphen)) = last_break.take() {
                    self.push(rows, row_start, at, hyphen);
                    row_start = at;
                    col = self.measure(&s[at..i]);
                }
                if col + w > self.width && i > row_start {
                    self.push(rows, row_start, i, false);
                    row_start = i;
                    col = 0;
                }
            }
            // Tabs are measured from the row start: re-measure after a break moved it.
            col += advance(class, col, self.keep_breaks);
            after_soft_hyphen = class == Class::SoftHyphen;
        }
        if s.len() > row_start {
            self.push(rows, row_start, s.len(), false);
        }
    }

    fn measure(&self, s: &str) -> usize {
        clusters(s).fold(0, |col, (_, g)| {
            col + advance(classify(g), col, self.keep_breaks)
        })
    }

    fn push(&self, rows: &mut Vec<Row>, start: usize, end: usize, hyphen: bool) {
        rows.push(Row {
            start: self.base + start,
            end: self.base + end,
            section: self.section,
            hyphen,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, width: u16) -> Layout {
        let sec = Section {
            span: Span::new(0, text.len()),
            keep_breaks: false,
            indent: 0,
            id: 0,
        };
        Layout::build(text, &[sec], width)
    }

    fn lines(layout: &Layout, text: &str) -> Vec<String> {
        (0..layout.len())
            .map(|r| {
                let mut line = String::new();
                let mut col = 0;
                for g in layout.glyphs(text, r) {
                    while col < g.col {
                        line.push(' ');
                        col += 1;
                    }
                    col += g.width;
                    match g.shown {
                        Shown::Text(t) => line.push_str(t),
                        Shown::Char(c) => line.push(c),
                        Shown::Blank => line.extend(std::iter::repeat_n(' ', g.width.into())),
                    }
                }
                line.trim_end().to_string()
            })
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_hangs_trailing_space() {
        let text = "Der militärische Machthaber Khalifa Haftar";
        let l = one(text, 15);
        assert_eq!(
            lines(&l, text),
            ["Der", "militärische", "Machthaber", "Khalifa Haftar"]
        );
        assert_eq!(l.rows()[0].end, 4, "the space stays on the first row");
    }

    #[test]
    fn soft_hyphen_shows_only_where_the_line_breaks() {
        let text = "Verteidigungs\u{AD}minister und Kreml\u{AD}sprecher";
        let l = one(text, 16);
        assert_eq!(
            lines(&l, text),
            ["Verteidigungs-", "minister und", "Kremlsprecher"]
        );
    }

    #[test]
    fn overlong_word_breaks_between_clusters_and_wide_chars_never_straddle() {
        let text = "漢字漢字漢字漢";
        let l = one(text, 5);
        assert_eq!(lines(&l, text), ["漢字", "漢字", "漢字", "漢"]);
        let text = "Donaudampfschifffahrt";
        assert_eq!(
            lines(&one(text, 8), text),
            ["Donaudam", "pfschiff", "fahrt"]
        );
    }

    #[test]
    fn tabs_expand_and_control_characters_get_placeholders() {
        let text = "a\tb \u{1b}]0;pwned\u{7}";
        let l = one(text, 40);
        assert_eq!(lines(&l, text), ["a   b ␛]0;pwned␇"]);
    }

    #[test]
    fn kept_line_breaks_end_rows_and_reflowed_ones_are_spaces() {
        let text = "eins\nzwei\r\ndrei";
        let kept = Section {
            span: Span::new(0, text.len()),
            keep_breaks: true,
            indent: 2,
            id: 7,
        };
        let l = Layout::build(text, &[kept], 40);
        assert_eq!(lines(&l, text), ["  eins", "  zwei", "  drei"]);
        assert_eq!(lines(&one(text, 40), text), ["eins zwei drei"]);
    }

    #[test]
    fn sections_are_separated_by_a_gap_row_and_offsets_map_both_ways() {
        let text = "Titel\n\nEin Absatz über Moskau.";
        let secs = [
            Section {
                span: Span::new(0, 5),
                keep_breaks: false,
                indent: 0,
                id: 0,
            },
            Section {
                span: Span::new(7, text.len()),
                keep_breaks: false,
                indent: 0,
                id: 1,
            },
        ];
        let l = Layout::build(text, &secs, 12);
        assert_eq!(lines(&l, text), ["Titel", "", "Ein Absatz", "über Moskau."]);
        assert!(l.rows()[1].is_gap());
        let moskau = text.find("Moskau").unwrap();
        assert_eq!(l.cell_of(text, moskau), Some((3, 5)));
        assert_eq!(l.offset_at(text, 3, 7), Some(moskau + 2));
        assert_eq!(l.offset_at(text, 1, 0), None);
        assert_eq!(
            l.row_at(5),
            None,
            "the blank lines between blocks are not shown"
        );
        assert_eq!(l.rows_of(Span::new(moskau, text.len())), 3..4);
    }
}

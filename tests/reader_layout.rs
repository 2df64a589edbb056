//! Layout invariants on arbitrary text: no row wider than the width (a wide character never cut),
//! rows cover every section once and in order, offsets ↔ cells round-trip, the cell under a
//! mention's first grapheme belongs to it, soft hyphens show only where a row breaks at them,
//! and no control character reaches a cell.

use castlist::document::Span;
use castlist::reader::glyph::Class;
use castlist::reader::layout::{Layout, Section, Shown};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces that make wrapping hard: words of all widths, spaces, tabs, breaks, soft hyphens,
/// combining marks, emoji sequences, control characters and escape sequences.
const PIECES: &[&str] = &[
    "Haftar",
    "militärische",
    "Verteidigungsministerkonferenz",
    "Erdoğan",
    "e\u{301}",
    "東京",
    "岸田文雄",
    "日本の首相は記者会見を開き、",
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇩🇪",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\u{AD}",
    "-",
    "libysch-arabische",
    "\u{A0}",
    "\u{200B}",
    "\u{1b}[2J",
    "\u{1b}]0;t\u{7}",
    "\u{9b}",
    "\u{0}",
    ",",
    "。",
    "„Sie“",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

/// Grapheme boundaries of a text, including its end.
fn boundaries(text: &str) -> Vec<usize> {
    let mut b: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    b.push(text.len());
    b
}

/// Up to four sections at grapheme boundaries, in order, possibly with gaps between them.
fn case() -> impl Strategy<Value = (String, Vec<Section>, u16)> {
    (
        text(),
        prop::collection::vec(any::<(u16, bool, u8)>(), 1..9),
        2u16..90,
    )
        .prop_map(|(text, cuts, width)| {
            let b = boundaries(&text);
            let mut points: Vec<usize> = cuts
                .iter()
                .map(|(c, _, _)| b[usize::from(*c) % b.len()])
                .collect();
            points.sort_unstable();
            let sections = points
                .chunks(2)
                .zip(&cuts)
                .filter(|(pair, _)| pair.len() == 2)
                .enumerate()
                .map(|(i, (pair, (_, keep, indent)))| Section {
                    span: Span::new(pair[0], pair[1]),
                    keep_breaks: *keep,
                    indent: u16::from(*indent % 4),
                    id: i as u32,
                })
                .collect();
            (text, sections, width)
        })
}

fn hangs(class: Class<'_>) -> bool {
    matches!(class, Class::Space | Class::Tab | Class::Newline)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn clusters_are_the_extended_grapheme_clusters(text in text(), extra in ".{0,40}") {
        let text = text + &extra;
        let fast: Vec<(usize, &str)> = castlist::reader::glyph::clusters(&text).collect();
        let slow: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn no_row_is_wider_than_the_width((text, sections, width) in case()) {
        let layout = Layout::build(&text, &sections, width);
        for r in 0..layout.len() {
            let row = layout.rows()[r];
            let indent = layout.section_of_row(r).unwrap().indent;
            let avail = usize::from(layout.width() - indent);
            let mut last_end = 0;
            for p in layout.placed(&text, r) {
                if !hangs(p.class) {
                    prop_assert!(p.col + p.advance <= avail, "row {r} {row:?}: {p:?} past {avail}");
                    last_end = p.col + p.advance;
                }
            }
            if row.hyphen {
                prop_assert!(last_end < avail, "no room for the hyphen on row {r}");
            }
            for g in layout.glyphs(&text, r) {
                prop_assert!(g.col + g.width <= layout.width());
                prop_assert!(g.width == 1 || g.width == 2 || matches!(g.shown, Shown::Blank));
                if let Shown::Text(t) = g.shown {
                    prop_assert!(!t.contains(char::is_control), "control character {t:?} drawn");
                }
                if let Shown::Char('-') = g.shown && &text[g.start..g.end] == "\u{AD}" {
                    prop_assert!(row.hyphen && g.end == row.end, "soft hyphen shown mid-row");
                }
            }
        }
    }

    #[test]
    fn rows_cover_each_section_once_in_order((text, sections, width) in case()) {
        let layout = Layout::build(&text, &sections, width);
        let mut pos = 0;
        let mut covered: Vec<(u32, usize, usize)> = Vec::new();
        for (r, row) in layout.rows().iter().enumerate() {
            prop_assert!(row.start >= pos, "row {r} goes back");
            if row.is_gap() {
                prop_assert!(r > 0, "a gap before the first section");
                continue;
            }
            let id = layout.sections()[row.section as usize].id;
            match covered.last_mut() {
                Some((last, _, end)) if *last == id => {
                    prop_assert_eq!(*end, row.start, "rows of a section leave a hole");
                    *end = row.end;
                }
                _ => covered.push((id, row.start, row.end)),
            }
            pos = row.end;
        }
        let expected: Vec<(u32, usize, usize)> = sections
            .iter()
            .filter(|s| !s.span.is_empty())
            .map(|s| (s.id, s.span.start(), s.span.end()))
            .collect();
        prop_assert_eq!(covered, expected);
    }

    #[test]
    fn offsets_and_cells_round_trip((text, sections, width) in case()) {
        let layout = Layout::build(&text, &sections, width);
        for r in 0..layout.len() {
            for g in layout.glyphs(&text, r) {
                prop_assert_eq!(layout.cell_of(&text, g.start), Some((r, g.col)));
                for dx in 0..g.width {
                    prop_assert_eq!(layout.offset_at(&text, r, g.col + dx), Some(g.start));
                }
                prop_assert_eq!(layout.row_at(g.start), Some(r));
            }
        }
    }

    #[test]
    fn the_cell_under_a_mentions_first_grapheme_belongs_to_it(
        (text, sections, width) in case(),
        picks in prop::collection::vec(any::<(u16, u8)>(), 1..6),
    ) {
        let layout = Layout::build(&text, &sections, width);
        for sec in sections.iter().filter(|s| !s.span.is_empty()) {
            let b: Vec<usize> = boundaries(&text)
                .into_iter()
                .filter(|&i| sec.span.start() <= i && i <= sec.span.end())
                .collect();
            for (at, len) in &picks {
                let start = b[usize::from(*at) % b.len()];
                let end = b[(usize::from(*at) % b.len() + 1 + usize::from(*len % 4)).min(b.len() - 1)];
                if start >= end {
                    continue;
                }
                let mention = Span::new(start, end);
                let first = layout
                    .rows_of(mention)
                    .flat_map(|r| layout.glyphs(&text, r).map(move |g| (r, g)))
                    .find(|(_, g)| mention.contains(g.start));
                if let Some((r, g)) = first {
                    let back = layout.offset_at(&text, r, g.col).unwrap();
                    prop_assert!(mention.contains(back), "{back} outside {mention:?}");
                    prop_assert!(layout.rows_of(mention).contains(&r));
                }
            }
        }
    }
}

#[test]
fn a_long_unbroken_wide_text_wraps_without_splitting_characters() {
    let text = "東京".repeat(200) + "👍🏽" + &"x".repeat(50);
    let sec = Section {
        span: Span::new(0, text.len()),
        keep_breaks: false,
        indent: 0,
        id: 0,
    };
    for width in [2, 3, 5, 36, 71, 72] {
        let layout = Layout::build(&text, &[sec], width);
        let drawn: usize = (0..layout.len())
            .flat_map(|r| layout.glyphs(&text, r).collect::<Vec<_>>())
            .map(|g| g.end - g.start)
            .sum();
        assert_eq!(
            drawn,
            text.len(),
            "every character is drawn at width {width}"
        );
    }
}

//! How one grapheme cluster of text shows on a terminal: its width in cells (measured as ratatui
//! measures it) and, for control characters, the visible placeholder drawn instead of it.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// Columns between tab stops; a tab advances to the next multiple of this.
pub const TAB_STOP: u16 = 4;

/// What a grapheme cluster is, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class<'a> {
    /// Drawn as itself, one or two cells wide.
    Text(&'a str, u16),
    /// A control character (C0, DEL, C1) or a cluster too wide for a cell pair: drawn as the
    /// given placeholder, one cell wide, so the terminal never receives it.
    Placeholder(char),
    /// A horizontal tab.
    Tab,
    /// A line break: LF, CR, CRLF, NEL, U+2028, U+2029.
    Newline,
    /// U+00AD: invisible, except as a hyphen where a line breaks at it.
    SoftHyphen,
    /// A space-like cluster one cell wide that may hang past the end of a line.
    Space,
    /// Takes no cell: zero-width and format characters, stray combining marks.
    Invisible,
}

/// Classifies one grapheme cluster (as produced by `graphemes(true)`).
pub fn classify(g: &str) -> Class<'_> {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return Class::Invisible;
    };
    if chars.as_str().is_empty() {
        match first {
            ' ' => return Class::Space,
            '\t' => return Class::Tab,
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => return Class::Newline,
            '\u{AD}' => return Class::SoftHyphen,
            // No-break spaces: drawn as a plain space, never a break or a hanging space.
            '\u{A0}' | '\u{2007}' | '\u{202F}' => return Class::Text(" ", 1),
            c if c.is_control() => return Class::Placeholder(placeholder(c)),
            c if c.is_ascii() => return Class::Text(g, 1),
            _ => {}
        }
    } else if g == "\r\n" {
        return Class::Newline;
    }
    match g.cell_width() {
        0 => Class::Invisible,
        w @ (1 | 2) => {
            if w == 1 && first.is_whitespace() {
                Class::Space
            } else {
                Class::Text(g, w)
            }
        }
        _ => Class::Placeholder(char::REPLACEMENT_CHARACTER),
    }
}

/// The visible stand-in for a control character: the Control Pictures block for C0 and DEL
/// ("␛" for ESC), U+FFFD for the C1 range.
pub fn placeholder(c: char) -> char {
    let code = u32::from(c);
    if code < 0x20 {
        char::from_u32(0x2400 + code).unwrap_or(char::REPLACEMENT_CHARACTER)
    } else if code == 0x7F {
        '\u{2421}'
    } else {
        char::REPLACEMENT_CHARACTER
    }
}

/// A piece of single-line text ready for a cell: what to draw and how wide it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Str(&'a str, u16),
    Char(char),
}

impl Piece<'_> {
    pub fn width(self) -> u16 {
        match self {
            Piece::Str(_, w) => w,
            Piece::Char(_) => 1,
        }
    }
}

/// The cells of a text shown on one line (panel entries, header): line breaks and tabs become
/// single spaces, control characters placeholders, zero-width clusters are dropped.
pub fn line_pieces(s: &str) -> impl DoubleEndedIterator<Item = Piece<'_>> {
    s.graphemes(true).filter_map(|g| match classify(g) {
        Class::Text(t, w) => Some(Piece::Str(t, w)),
        Class::Placeholder(c) => Some(Piece::Char(c)),
        Class::Tab | Class::Newline | Class::Space => Some(Piece::Char(' ')),
        Class::SoftHyphen | Class::Invisible => None,
    })
}

/// Width in cells of a text shown on one line.
pub fn line_width(s: &str) -> usize {
    line_pieces(s).map(|p| usize::from(p.width())).sum()
}

/// The text shown on one line, cut to at most `max` cells with "…" where it was cut; never cuts
/// a wide character in half. Returns the string and its width.
pub fn fit(s: &str, max: usize) -> (String, usize) {
    let total = line_width(s);
    let mut out = String::new();
    if total <= max {
        for p in line_pieces(s) {
            push_piece(&mut out, p);
        }
        return (out, total);
    }
    if max == 0 {
        return (out, 0);
    }
    let mut used = 0;
    for p in line_pieces(s) {
        let w = usize::from(p.width());
        if used + w > max - 1 {
            break;
        }
        push_piece(&mut out, p);
        used += w;
    }
    out.push('…');
    (out, used + 1)
}

/// Like [`fit`], but keeps the end of the text and cuts at the start ("…end").
pub fn fit_end(s: &str, max: usize) -> (String, usize) {
    let total = line_width(s);
    if total <= max {
        return fit(s, max);
    }
    if max == 0 {
        return (String::new(), 0);
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for p in line_pieces(s).rev() {
        let w = usize::from(p.width());
        if used + w > max - 1 {
            break;
        }
        kept.push(p);
        used += w;
    }
    let mut out = String::from("…");
    for p in kept.into_iter().rev() {
        push_piece(&mut out, p);
    }
    (out, used + 1)
}

fn push_piece(out: &mut String, p: Piece<'_>) {
    match p {
        Piece::Str(s, _) => out.push_str(s),
        Piece::Char(c) => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_placeholders() {
        assert_eq!(classify("\u{1b}"), Class::Placeholder('␛'));
        assert_eq!(classify("\u{7}"), Class::Placeholder('␇'));
        assert_eq!(classify("\u{7f}"), Class::Placeholder('␡'));
        assert_eq!(classify("\u{9b}"), Class::Placeholder('\u{FFFD}'));
        assert_eq!(classify("\r\n"), Class::Newline);
    }

    #[test]
    fn widths_follow_unicode_width() {
        assert_eq!(classify("ü"), Class::Text("ü", 1));
        assert_eq!(classify("ğ"), Class::Text("ğ", 1));
        assert_eq!(classify("漢"), Class::Text("漢", 2));
        assert_eq!(classify("e\u{301}"), Class::Text("e\u{301}", 1));
        assert_eq!(classify("👍🏽"), Class::Text("👍🏽", 2));
        assert_eq!(classify("\u{200B}"), Class::Invisible);
        assert_eq!(classify("\u{AD}"), Class::SoftHyphen);
        assert_eq!(classify("\u{A0}"), Class::Text(" ", 1));
    }

    #[test]
    fn fit_cuts_at_cell_boundaries_without_splitting_wide_characters() {
        assert_eq!(fit("Haftar", 10), ("Haftar".to_string(), 6));
        assert_eq!(fit("Haftar", 4), ("Haf…".to_string(), 4));
        assert_eq!(fit("漢字漢字", 4), ("漢…".to_string(), 3));
        assert_eq!(fit_end("漢字漢字", 4), ("…字".to_string(), 3));
        assert_eq!(fit("a\u{1b}[2Jb", 10), ("a␛[2Jb".to_string(), 6));
        assert_eq!(fit("a\nb\tc", 10), ("a b c".to_string(), 5));
    }
}

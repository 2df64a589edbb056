//! How one grapheme cluster of text shows on a terminal: its width in cells (measured as ratatui
//! measures it) and, for control characters, the visible placeholder drawn instead of it.

use ratatui::buffer::CellWidth;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

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

/// The extended grapheme clusters of `s` with their byte offsets, as
/// `s.grapheme_indices(true)` gives them, with a fast path for Latin text (an ASCII or Latin
/// letter followed by an ASCII character is a cluster of its own, CR LF aside).
pub fn clusters(s: &str) -> Clusters<'_> {
    Clusters { s, at: 0 }
}

pub struct Clusters<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.s.as_bytes();
        let start = self.at;
        let first = *bytes.get(start)?;
        let next_is_ascii = |at: usize| bytes.get(at).is_none_or(|b| b.is_ascii());
        let end = if first.is_ascii() && first != b'\r' && next_is_ascii(start + 1) {
            start + 1
        } else if (0xC2..=0xC9).contains(&first) && next_is_ascii(start + 2) {
            // U+0080–U+027F (Latin-1 to IPA: umlauts, ß, ğ, İ…) holds no combining, joining or
            // prepended characters: followed by ASCII, such a character is a cluster.
            start + 2
        } else {
            GraphemeCursor::new(start, self.s.len(), true)
                .next_boundary(self.s, 0)
                .ok()
                .flatten()
                .unwrap_or(self.s.len())
        };
        self.at = end;
        Some((start, &self.s[start..end]))
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
pub fn line_pieces(s: &str) -> impl Iterator<Item = Piece<'_>> {
    clusters(s).filter_map(|(_, g)| piece(g))
}

/// [`line_pieces`] from the end backwards.
fn line_pieces_rev(s: &str) -> impl Iterator<Item = Piece<'_>> {
    s.graphemes(true).rev().filter_map(piece)
}

fn piece(g: &str) -> Option<Piece<'_>> {
    match classify(g) {
        Class::Text(t, w) => Some(Piece::Str(t, w)),
        Class::Placeholder(c) => Some(Piece::Char(c)),
        Class::Tab | Class::Newline | Class::Space => Some(Piece::Char(' ')),
        Class::SoftHyphen | Class::Invisible => None,
    }
}

/// Width in cells of a text shown on one line.
pub fn line_width(s: &str) -> usize {
    line_pieces(s).map(|p| usize::from(p.width())).sum()
}

/// The text shown on one line, cut to at most `max` cells with "…" where it was cut; never cuts
/// a wide character in half. Returns the string and its width. Looks at no more of the text
/// than fits.
pub fn fit(s: &str, max: usize) -> (String, usize) {
    fit_pieces(line_pieces(s), max, false)
}

/// Like [`fit`], but keeps the end of the text and cuts at the start ("…end").
pub fn fit_end(s: &str, max: usize) -> (String, usize) {
    fit_pieces(line_pieces_rev(s), max, true)
}

fn fit_pieces<'a>(
    mut pieces: impl Iterator<Item = Piece<'a>>,
    max: usize,
    reversed: bool,
) -> (String, usize) {
    let mut kept: Vec<Piece<'a>> = Vec::new();
    let mut used = 0;
    let mut cut = false;
    for p in pieces.by_ref() {
        let w = usize::from(p.width());
        if used + w > max {
            cut = true;
            break;
        }
        kept.push(p);
        used += w;
    }
    if cut {
        while used + 1 > max {
            match kept.pop() {
                Some(p) => used -= usize::from(p.width()),
                None => return (String::new(), 0),
            }
        }
        used += 1;
    }
    if reversed {
        kept.reverse();
    }
    let mut out = String::new();
    if cut && reversed {
        out.push('…');
    }
    for p in kept {
        push_piece(&mut out, p);
    }
    if cut && !reversed {
        out.push('…');
    }
    (out, used)
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
    fn clusters_match_unicode_segmentation() {
        let text = "Grüße aus İstanbul, Erdoğan\u{AD}s ä\u{308}b \u{85}ab\r\ncd e\u{301}x 👨\u{200d}👩\u{200d}👧 🇩🇪🇫🇷 漢字\u{1b}[2J\r\n\n";
        let fast: Vec<_> = clusters(text).collect();
        let slow: Vec<_> = text.grapheme_indices(true).collect();
        assert_eq!(fast, slow);
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

//! Where each part of the screen goes for a terminal size: header, article pane, side panels,
//! status line, and the article's text column. `update` (paging, layout width) and `view`
//! (drawing) both take it from here, so they always agree.
//!
//! The text column is at most [`MEASURE`] cells wide and centred in the article pane: lines of
//! 60–75 characters are the classic readable measure; 72 leaves room for long German compounds
//! without making the eye travel far, and centring keeps a wide pane balanced.

use ratatui::layout::Rect;

/// Smaller terminals get a "too small" notice instead of the reader.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width up, the side panels sit beside the article; below it they fold away.
pub const WIDE: u16 = 80;
/// The widest text column.
pub const MEASURE: u16 = 72;

/// Where the side panels are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Panels {
    /// Beside the article (wide terminals).
    #[default]
    Beside,
    /// Over the article, full width (narrow terminals, when a panel has the focus).
    Over,
    Hidden,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Screen {
    pub area: Rect,
    pub too_small: bool,
    pub header: Rect,
    pub status: Rect,
    /// The article pane, border included (laid out even while panels cover it).
    pub article: Rect,
    /// The text column: rows are drawn from `x`, `width` is the measure, `height` the rows.
    pub text: Rect,
    /// Zero-sized when the panels are hidden.
    pub actors: Rect,
    pub mentions: Rect,
    pub panels: Panels,
}

/// True when the panels fit beside the article.
pub fn is_wide(width: u16) -> bool {
    width >= WIDE
}

impl Screen {
    pub fn compute(width: u16, height: u16, panels: Panels) -> Screen {
        let area = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Screen {
                area,
                too_small: true,
                panels: Panels::Hidden,
                ..Screen::default()
            };
        }
        let header = Rect::new(0, 0, width, 1);
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 1, width, height - 2);
        let (article, side) = match panels {
            Panels::Beside => {
                let side_width = (width * 2 / 5).clamp(32, 56);
                let article = Rect {
                    width: width - side_width,
                    ..body
                };
                let side = Rect {
                    x: article.right(),
                    width: side_width,
                    ..body
                };
                (article, side)
            }
            Panels::Over => (body, body),
            Panels::Hidden => (body, Rect::default()),
        };
        let actors_height = if side.height == 0 {
            0
        } else {
            (side.height * 11 / 20).max(3)
        };
        let actors = Rect {
            height: actors_height,
            ..side
        };
        let mentions = Rect {
            y: side.y + actors_height,
            height: side.height - actors_height,
            ..side
        };
        Screen {
            area,
            too_small: false,
            header,
            status,
            article,
            text: text_column(article),
            actors,
            mentions,
            panels,
        }
    }

    /// True when the article is on screen (not covered by the panels).
    pub fn shows_article(&self) -> bool {
        !self.too_small && self.panels != Panels::Over
    }

    /// True when the side panels are on screen.
    pub fn shows_panels(&self) -> bool {
        !self.too_small && self.panels != Panels::Hidden
    }

    /// Rows of text in the article pane (at least 1, so paging always moves).
    pub fn page(&self) -> usize {
        usize::from(self.text.height).max(1)
    }
}

/// Columns of text inside the help overlay (its width less border and margins).
pub fn help_text_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(4).min(78).saturating_sub(4))
}

/// The help overlay for `lines` lines of help: centred, at most 78 wide, as tall as needed and
/// as fits (border included).
pub fn help_area(area: Rect, lines: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(78);
    let wanted = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let height = area.height.saturating_sub(2).min(wanted);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Inside the border, one cell of margin on each side (the left one holds the cursor mark), the
/// measure centred in what is left.
fn text_column(article: Rect) -> Rect {
    let inner_x = article.x + 1;
    let avail = article.width.saturating_sub(4);
    let measure = avail.min(MEASURE);
    Rect {
        x: inner_x + 1 + (avail - measure) / 2,
        y: article.y + 1,
        width: measure,
        height: article.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_never_overlap_and_stay_on_screen() {
        for width in [40, 41, 79, 80, 81, 120, 200, 300] {
            for height in [10, 11, 24, 60, 100] {
                let choices: &[Panels] = if is_wide(width) {
                    &[Panels::Beside, Panels::Hidden]
                } else {
                    &[Panels::Hidden]
                };
                for &panels in choices {
                    let s = Screen::compute(width, height, panels);
                    let parts = [s.header, s.article, s.actors, s.mentions, s.status];
                    for (i, a) in parts.iter().enumerate() {
                        assert!(s.area.contains(a.as_position()) || a.area() == 0);
                        assert!(a.right() <= width && a.bottom() <= height, "{a:?}");
                        for b in &parts[i + 1..] {
                            assert!(!a.intersects(*b), "{a:?} and {b:?} at {width}x{height}");
                        }
                    }
                    assert!(s.text.width >= 36 && s.text.width <= MEASURE);
                    assert!(s.text.right() < s.article.right() && s.text.x > s.article.x + 1);
                }
            }
        }
    }

    #[test]
    fn too_small_below_40_by_10() {
        assert!(Screen::compute(39, 24, Panels::Beside).too_small);
        assert!(Screen::compute(80, 9, Panels::Beside).too_small);
        assert!(Screen::compute(0, 0, Panels::Beside).too_small);
        assert!(!Screen::compute(40, 10, Panels::Hidden).too_small);
    }
}

//! `view`: draws the reader's state into a frame and records where it drew what (the hit map
//! for the mouse). Every write goes through the bounds-checked helpers here: text from the
//! document reaches the buffer only as placeholders-for-controls, and a wide character is drawn
//! whole or not at all.

mod article;
mod chrome;
mod panels;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Widget};

use super::app::App;
use super::glyph::{self, Piece};
use super::hit::HitMap;
use super::theme::Theme;

/// Draws the whole screen.
pub fn view(app: &App, theme: &Theme, frame: &mut Frame) -> HitMap {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if app.screen.too_small || app.screen.area != area {
        chrome::too_small(buf, area, theme);
        return HitMap {
            modal: true,
            ..HitMap::default()
        };
    }
    let mut hits = HitMap::default();
    chrome::header(app, theme, buf);
    if app.screen.shows_article() {
        hits.article = Some(article::draw(app, theme, buf));
    }
    if app.screen.shows_panels() {
        hits.actors = Some(panels::actors(app, theme, buf));
        hits.mentions = Some(panels::mentions(app, theme, buf));
    }
    chrome::status(app, theme, buf);
    if let Some(top) = app.help {
        chrome::help(app, theme, buf, top);
        hits.modal = true;
    }
    hits
}

/// Writes `text` on one line from `x` up to `right` (exclusive); stops before a character that
/// would cross `right`. Returns the column after the text.
fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, text: &str, style: Style) -> u16 {
    let mut x = x;
    for piece in glyph::line_pieces(text) {
        let w = piece.width();
        if x.saturating_add(w) > right {
            break;
        }
        match piece {
            Piece::Str(s, w) => put_symbol(buf, x, y, s, w, style),
            Piece::Char(c) => put_char(buf, x, y, c, style),
        }
        x += w;
    }
    x
}

/// One cell (or two, for a wide symbol): the symbol in the first, the second emptied.
fn put_symbol(buf: &mut Buffer, x: u16, y: u16, symbol: &str, width: u16, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(symbol).set_style(style);
    }
    for dx in 1..width {
        if let Some(cell) = buf.cell_mut((x + dx, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}

fn put_char(buf: &mut Buffer, x: u16, y: u16, c: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(c).set_style(style);
    }
}

/// Applies a style to a run of cells without changing their symbols.
fn paint(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area.intersection(buf.area), style);
}

/// Draws a pane's border (thick and in the focus style when focused) and returns the inside.
fn pane(buf: &mut Buffer, area: Rect, focused: bool, theme: &Theme) -> Rect {
    let area = area.intersection(buf.area);
    let style = border(focused, theme);
    let kind = if focused {
        BorderType::Thick
    } else {
        BorderType::Rounded
    };
    if area.width >= 2 && area.height >= 2 {
        Block::bordered()
            .border_type(kind)
            .border_style(style)
            .render(area, buf);
    }
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The style of a pane's border (and its titles).
fn border(focused: bool, theme: &Theme) -> Style {
    if focused {
        theme.border_focus
    } else {
        theme.border
    }
}

/// Writes titles into a border row: `left` from the left corner, `right` up to the right one;
/// the right title is left out when both do not fit with a cell between them.
fn titles(buf: &mut Buffer, area: Rect, y: u16, left: &[(&str, Style)], right: &[(&str, Style)]) {
    if area.width < 4 {
        return;
    }
    let (start, end) = (area.x + 1, area.right() - 1);
    let mut x = start;
    for (text, style) in left {
        x = put(buf, x, y, end, text, *style);
    }
    let right_width: usize = right.iter().map(|(t, _)| glyph::line_width(t)).sum();
    let Ok(right_width) = u16::try_from(right_width) else {
        return;
    };
    if x + 1 + right_width <= end {
        let mut x = end - right_width;
        for (text, style) in right {
            x = put(buf, x, y, end, text, *style);
        }
    }
}

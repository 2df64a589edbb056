//! Everything around the panes: the header (title and facts), the status line (key hints, the
//! prompt, messages), the help overlay, and the notice for a terminal too small to read in.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Clear, Widget};

use super::{pane, put, titles};
use crate::reader::app::{App, PromptKind};
use crate::reader::geometry::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::reader::glyph::{fit, line_width};
use crate::reader::help::{self, Row};
use crate::reader::theme::Theme;

/// Title on the left, facts on the right ("de · AFP · 2023-09-17 · 1 min · 23 actors"); the
/// facts give way first, then the title is cut.
pub(super) fn header(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.screen.header;
    let facts = &app.doc().model.facts;
    // "und" (undetermined) would read as the German word; unknown shows as "?".
    let lang = if facts.lang == "und" {
        "?"
    } else {
        facts.lang.as_str()
    };
    let mut parts = vec![lang.to_string()];
    parts.extend(facts.byline.clone());
    parts.extend(facts.date.clone());
    parts.push(format!("{} min", facts.minutes));
    parts.push(format!(
        "{} actor{}",
        facts.actors,
        if facts.actors == 1 { "" } else { "s" }
    ));
    if app.docs.len() > 1 {
        parts.push(format!("doc {}/{}", app.current + 1, app.docs.len()));
    }
    let width = usize::from(area.width);
    let title_w = line_width(&facts.title).min(width / 2).max(12);
    let mut right = parts.join(" · ");
    while line_width(&right) + title_w + 3 > width && parts.len() > 1 {
        parts.remove(0);
        right = parts.join(" · ");
    }
    let (right, right_w) = fit(&right, width.saturating_sub(14));
    let right_x = area.right().saturating_sub(right_w as u16 + 1);
    put(buf, right_x, area.y, area.right(), &right, theme.dim);
    let (title, _) = fit(
        &facts.title,
        usize::from(right_x.saturating_sub(area.x + 2)),
    );
    put(
        buf,
        area.x + 1,
        area.y,
        right_x.saturating_sub(1),
        &title,
        theme.title,
    );
}

/// The prompt while one is open; otherwise the focused pane's key hints, with a message on the
/// right.
pub(super) fn status(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.screen.status;
    let right = area.right();
    let doc = app.doc();
    if let Some(prompt) = &app.prompt {
        let (lead, note) = match prompt.kind {
            PromptKind::Search => {
                let note = match &doc.search {
                    Some(s) if s.matches.len() >= crate::reader::search::MAX_MATCHES => {
                        format!("{}+ matches", s.matches.len())
                    }
                    Some(s) if s.matches.len() == 1 => "1 match".to_string(),
                    Some(s) if !s.matches.is_empty() => format!("{} matches", s.matches.len()),
                    Some(_) => "no match".to_string(),
                    None => "type to search, Enter keeps, Esc drops".to_string(),
                };
                ("/", note)
            }
            PromptKind::Filter => ("filter actors: ", format!("{} shown", doc.actors.len())),
        };
        let note_w = line_width(&note) as u16;
        let note_x = right.saturating_sub(note_w + 1);
        put(buf, note_x, area.y, right, &note, theme.dim);
        let x = put(
            buf,
            area.x + 1,
            area.y,
            note_x.saturating_sub(1),
            lead,
            theme.key,
        );
        let room = usize::from(note_x.saturating_sub(x + 2));
        let (typed, _) = crate::reader::glyph::fit_end(&prompt.text, room);
        let x = put(
            buf,
            x,
            area.y,
            note_x.saturating_sub(1),
            &typed,
            Style::new(),
        );
        put(buf, x, area.y, note_x, "▏", theme.key);
        return;
    }
    let mut limit = right;
    if let Some(message) = &app.message {
        let (text, w) = fit(message, usize::from(area.width.saturating_sub(2)));
        let x = right.saturating_sub(w as u16 + 1);
        put(buf, x, area.y, right, &text, theme.message);
        limit = x.saturating_sub(2);
    }
    let mut x = area.x + 1;
    let searching = doc.search.is_some();
    for hint in help::hints(&app.keymap, app.focus, searching) {
        let w = (line_width(&hint.keys) + 1 + line_width(hint.label)) as u16;
        if x + w > limit {
            break;
        }
        x = put(buf, x, area.y, limit, &hint.keys, theme.key);
        x = put(buf, x + 1, area.y, limit, hint.label, theme.dim);
        x += 2;
    }
}

/// The help overlay, scrolled to row `top`.
pub(super) fn help(app: &App, theme: &Theme, buf: &mut Buffer, top: usize) {
    let (rows, keys_w) = help::rows(&app.keymap, geometry::help_text_width(app.screen.area));
    let area = geometry::help_area(app.screen.area, rows.len());
    Clear.render(area, buf);
    let inner = pane(buf, area, true, theme);
    titles(buf, area, area.y, &[(" Help ", theme.border_focus)], &[]);
    let bottom = format!(
        " {}/{} · Esc closes ",
        (top + 1).min(rows.len()),
        rows.len()
    );
    titles(
        buf,
        area,
        area.bottom().saturating_sub(1),
        &[],
        &[(&bottom, theme.border_focus)],
    );
    let keys_w = keys_w as u16;
    for (dy, row) in rows
        .iter()
        .skip(top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let (x, right) = (inner.x + 1, inner.right().saturating_sub(1));
        match row {
            Row::Heading(text) => {
                put(buf, x, y, right, text, theme.title);
            }
            Row::Entry { keys, text } => {
                let (keys, _) = fit(keys, usize::from(keys_w));
                put(buf, x + 1, y, x + 1 + keys_w, &keys, theme.key);
                put(buf, x + keys_w + 3, y, right, text, Style::new());
            }
            Row::Blank => {}
        }
    }
}

/// A short notice instead of the reader, in whatever space there is.
pub(super) fn too_small(buf: &mut Buffer, area: Rect, theme: &Theme) {
    let lines = [
        "terminal too small".to_string(),
        format!(
            "need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        ),
        "q quits".to_string(),
    ];
    let shown = lines.len().min(usize::from(area.height));
    let y0 = area.y + (area.height - shown as u16) / 2;
    for (i, line) in lines.iter().take(shown).enumerate() {
        let (text, w) = fit(line, usize::from(area.width));
        let x = area.x + (area.width - w as u16) / 2;
        let style = if i == 0 { theme.title } else { theme.dim };
        put(buf, x, y0 + i as u16, area.right(), &text, style);
    }
}

//! The article pane: the visible layout rows with mentions styled by kind, form, selection and
//! cursor, search matches, the cursor mark in the margin, and a scrollbar with a tick for each
//! mention of the selected actor.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

use super::{border, pane, put, put_char, put_symbol, titles};
use crate::document::Role;
use crate::reader::action::Focus;
use crate::reader::app::{App, DocState};
use crate::reader::hit::ArticleHit;
use crate::reader::layout::Shown;
use crate::reader::theme::Theme;

pub(super) fn draw(app: &App, theme: &Theme, buf: &mut Buffer) -> ArticleHit {
    let screen = &app.screen;
    let doc = app.doc();
    let area = screen.article;
    let text = screen.text;
    let focused = app.focus == Focus::Article;
    let border = border(focused, theme);
    pane(buf, area, focused, theme);
    let title = if doc.show_all {
        " Article (all text) "
    } else {
        " Article "
    };
    titles(buf, area, area.y, &[(title, border)], &[]);
    let position = position_label(doc, usize::from(text.height));
    titles(
        buf,
        area,
        area.bottom().saturating_sub(1),
        &[],
        &[(&position, border)],
    );

    let rows = doc
        .layout
        .len()
        .saturating_sub(doc.scroll)
        .min(usize::from(text.height));
    let cursor_row = doc
        .cursor
        .map(|c| doc.layout.rows_of(doc.doc.mentions[c].span).start);
    // Where the mentions and matches of the first row on screen start; each row moves on.
    let top = doc.top_offset();
    let mut mention = doc.doc.mentions.partition_point(|m| m.span.end() <= top);
    let mut matched = doc.search.as_ref().map_or(0, |s| s.first_after(top));
    for dy in 0..rows {
        let r = doc.scroll + dy;
        let y = text.y + dy as u16;
        draw_row(doc, theme, buf, (r, text.x, y), &mut mention, &mut matched);
        if cursor_row == Some(r) {
            let mark_style = doc.cursor.map_or(Style::new(), |c| {
                theme
                    .kind(doc.doc.mentions[c].kind)
                    .add_modifier(Modifier::BOLD)
            });
            put_char(buf, text.x.saturating_sub(1), y, '▶', mark_style);
        }
    }
    scrollbar(
        doc,
        theme,
        buf,
        area.right().saturating_sub(1),
        text.y,
        text.height,
    );
    ArticleHit {
        pane: area,
        text,
        first_row: doc.scroll,
        rows,
    }
}

/// "Top", "Bot", "All" or a percentage, as less shows it.
fn position_label(doc: &DocState, page: usize) -> String {
    let len = doc.layout.len();
    if len <= page {
        " All ".to_string()
    } else if doc.scroll == 0 {
        " Top ".to_string()
    } else if doc.scroll + page >= len {
        " Bot ".to_string()
    } else {
        format!(" {}% ", (doc.scroll + page) * 100 / len)
    }
}

fn section_style(role: Role, theme: &Theme) -> Style {
    match role {
        Role::Title => theme.title,
        Role::Heading => theme.heading,
        Role::Quote => Style::new().add_modifier(Modifier::ITALIC),
        Role::Meta | Role::Byline | Role::Boilerplate => theme.hidden,
        Role::Paragraph | Role::List => Style::new(),
    }
}

/// Draws layout row `r` at (`x0`, `y`); `mi` and `si` point at the first mention and search
/// match that may touch it and are moved on.
fn draw_row(
    doc: &DocState,
    theme: &Theme,
    buf: &mut Buffer,
    (r, x0, y): (usize, u16, u16),
    mi: &mut usize,
    si: &mut usize,
) {
    let layout = &doc.layout;
    let Some(row) = layout.rows().get(r).copied() else {
        return;
    };
    if row.is_gap() {
        return;
    }
    let Some(section) = layout.section_of_row(r) else {
        return;
    };
    let role = doc
        .model
        .sections
        .get(section.id as usize)
        .map_or(Role::Paragraph, |s| s.role);
    let base = section_style(role, theme);
    if role == Role::Quote && section.indent > 0 {
        put_char(buf, x0, y, '▎', theme.dim);
    }
    let mentions = &doc.doc.mentions;
    let search = doc.search.as_ref();
    let right = x0 + layout.width();
    for g in layout.glyphs(&doc.doc.text, r) {
        while *mi < mentions.len() && mentions[*mi].span.end() <= g.start {
            *mi += 1;
        }
        let mut style = base;
        if *mi < mentions.len() && mentions[*mi].span.start() <= g.start {
            style = style.patch(mention_style(doc, *mi, theme));
        }
        if let Some(s) = search {
            while *si < s.matches.len() && s.matches[*si].end() <= g.start {
                *si += 1;
            }
            if *si < s.matches.len() && s.matches[*si].start() <= g.start {
                let m = if s.current == Some(*si) {
                    theme.current_match
                } else {
                    theme.matched
                };
                style = base.patch(m);
            }
        }
        let x = x0 + g.col;
        if x + g.width > right {
            break;
        }
        match g.shown {
            Shown::Text(t) => put_symbol(buf, x, y, t, g.width, style),
            Shown::Char(c) => put_char(buf, x, y, c, style),
            Shown::Blank => {
                for dx in 0..g.width {
                    put_char(buf, x + dx, y, ' ', style);
                }
            }
        }
    }
}

/// How mention `i` looks: by kind and form; the selected actor's stand out; the current one
/// has the cursor. Mentions of hidden kinds look like plain text.
fn mention_style(doc: &DocState, i: usize, theme: &Theme) -> Style {
    let m = &doc.doc.mentions[i];
    if !doc.kind_shown(m.kind) {
        return Style::new();
    }
    let style = theme.mention(m.kind, m.form);
    if doc.cursor == Some(i) {
        style.patch(theme.cursor)
    } else if m.actor.is_some() && m.actor == doc.selected {
        style.patch(theme.selected)
    } else {
        style
    }
}

/// The scrollbar on the pane's right border: track, thumb, and a tick in the actor's colour in
/// every cell whose stretch of rows holds a mention of the selected actor.
fn scrollbar(doc: &DocState, theme: &Theme, buf: &mut Buffer, x: u16, y0: u16, height: u16) {
    let len = doc.layout.len();
    let h = usize::from(height);
    if h == 0 || len == 0 {
        return;
    }
    let thumb = (len > h).then(|| {
        let size = (h * h / len).max(1);
        let max_scroll = len - h;
        let start = doc.scroll.min(max_scroll) * (h - size) / max_scroll;
        start..start + size
    });
    let tick_style = doc.selected.map_or(theme.scrollbar, |a| {
        theme
            .kind(doc.doc.actors[a.0].kind)
            .add_modifier(Modifier::BOLD)
    });
    for i in 0..h {
        let on_thumb = thumb.as_ref().is_some_and(|t| t.contains(&i));
        let tick = doc.ticks.get(i).copied().unwrap_or(false);
        let (symbol, style) = match (tick, on_thumb) {
            (true, true) => ("╋", tick_style),
            (true, false) => ("━", tick_style),
            (false, true) => ("┃", theme.scrollbar.add_modifier(Modifier::BOLD)),
            (false, false) => continue,
        };
        put(buf, x, y0 + i as u16, x + 1, symbol, style);
    }
}

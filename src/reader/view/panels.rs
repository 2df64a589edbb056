//! The side panels: the actors (kind as text and colour, salience bar, mention count; sorted and
//! filtered) and the selected actor's mentions (keyword in context, paragraph, form).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{border, paint, pane, put, titles};
use crate::document::{Form, Kind};
use crate::reader::action::Focus;
use crate::reader::app::{App, DocState, PromptKind};
use crate::reader::glyph::{fit, fit_end};
use crate::reader::hit::ListHit;
use crate::reader::theme::Theme;

/// Bytes of context looked at on each side of a mention.
const CONTEXT_BYTES: usize = 240;

pub(super) fn actors(app: &App, theme: &Theme, buf: &mut Buffer) -> ListHit {
    let area = app.screen.actors;
    let doc = app.doc();
    let focused = app.focus == Focus::Actors;
    let border = border(focused, theme);
    let inner = pane(buf, area, focused, theme);
    let count = format!(" Actors {} ", doc.actors.len());
    let labels: Vec<(String, Style)> = Kind::ALL
        .iter()
        .map(|&k| {
            let style = if doc.kind_shown(k) {
                theme.kind(k).add_modifier(Modifier::BOLD)
            } else {
                theme.dim.add_modifier(Modifier::CROSSED_OUT)
            };
            (format!("{k} "), style)
        })
        .collect();
    let right: Vec<(&str, Style)> = labels.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    titles(buf, area, area.y, &[(&count, border)], &right);
    let bottom = match &app.prompt {
        Some(p) if p.kind == PromptKind::Filter => format!(" /{}▏ ", p.text),
        _ if !doc.filter.is_empty() => format!(" /{} ", doc.filter),
        _ => format!(" by {} ", doc.sort.label()),
    };
    titles(
        buf,
        area,
        area.bottom().saturating_sub(1),
        &[(&bottom, border)],
        &[],
    );

    if doc.actors.is_empty() {
        let note = if doc.doc.actors.is_empty() {
            "no actors in this document"
        } else {
            "no actor matches (Esc clears the filter)"
        };
        put(buf, inner.x + 1, inner.y, inner.right(), note, theme.dim);
    }
    let rows = usize::from(inner.height);
    let width = inner.width;
    let count_w = digits(doc.model.max_count);
    let bar_w = (width / 6).clamp(3, 8);
    let fixed = 2 + 1 + 4 + bar_w + 1 + count_w;
    let name_w = width.saturating_sub(fixed + 1);
    for (dy, &actor) in doc
        .actors
        .iter()
        .skip(doc.actors_top)
        .take(rows)
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let a = &doc.doc.actors[actor.0];
        let selected = doc.selected == Some(actor);
        let right = inner.right();
        let mut x = inner.x;
        let name_style = if selected {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        x = put(
            buf,
            x,
            y,
            right,
            if selected { "▶ " } else { "  " },
            name_style,
        );
        let (name, _) = fit(&a.name, usize::from(name_w));
        put(buf, x, y, right, &name, name_style);
        x += name_w + 1;
        put(buf, x, y, right, a.kind.as_str(), theme.kind(a.kind));
        x += 5;
        let bar = salience_bar(a.salience / doc.model.max_salience, bar_w);
        put(buf, x, y, right, &bar, theme.kind(a.kind));
        let mentions = doc.model.by_actor.get(actor.0).map_or(0, Vec::len);
        let count = format!("{mentions:>w$}", w = usize::from(count_w));
        put(
            buf,
            right.saturating_sub(count_w),
            y,
            right,
            &count,
            theme.dim,
        );
        if selected && focused {
            paint(buf, Rect::new(inner.x, y, width, 1), theme.highlight);
        }
    }
    ListHit {
        pane: area,
        items: inner,
        first: doc.actors_top,
        len: doc.actors.len(),
    }
}

pub(super) fn mentions(app: &App, theme: &Theme, buf: &mut Buffer) -> ListHit {
    let area = app.screen.mentions;
    let doc = app.doc();
    let focused = app.focus == Focus::Mentions;
    let border = border(focused, theme);
    let inner = pane(buf, area, focused, theme);
    let list = doc.selected_mentions();
    let title = match doc.selected {
        Some(a) => format!(
            " Mentions of {} ({}) ",
            fit(
                &doc.doc.actors[a.0].name,
                usize::from(area.width.saturating_sub(20))
            )
            .0,
            list.len()
        ),
        None => " Mentions ".to_string(),
    };
    titles(buf, area, area.y, &[(&title, border)], &[]);
    if list.is_empty() {
        let note = if doc.selected.is_some() {
            "no mentions"
        } else {
            "select an actor to see its mentions"
        };
        put(buf, inner.x + 1, inner.y, inner.right(), note, theme.dim);
    }
    let place_w = u16::try_from(format!("¶{}", doc.model.max_para).chars().count())
        .unwrap_or(4)
        .max(4);
    for (dy, &index) in list
        .iter()
        .skip(doc.mentions_top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + dy as u16;
        let row = Rect::new(inner.x, y, inner.width, 1);
        let current = doc.mentions_top + dy == doc.mentions_pos;
        let mark = if current { "▶" } else { " " };
        put(
            buf,
            row.x,
            y,
            row.right(),
            mark,
            Style::new().add_modifier(Modifier::BOLD),
        );
        let text = Rect {
            x: row.x + 1,
            width: row.width.saturating_sub(1),
            ..row
        };
        kwic_line(doc, theme, buf, text, index, place_w);
        if current && focused {
            paint(buf, row, theme.highlight);
        }
    }
    ListHit {
        pane: area,
        items: inner,
        first: doc.mentions_top,
        len: list.len(),
    }
}

/// "¶3 …context before keyword context after…  form" in one row.
fn kwic_line(
    doc: &DocState,
    theme: &Theme,
    buf: &mut Buffer,
    row: Rect,
    index: usize,
    place_w: u16,
) {
    let m = doc.doc.mentions[index];
    let text = &doc.doc.text;
    let right = row.right();
    let shown = doc.model.is_shown(m.span.start(), doc.show_all);
    let base = if shown { Style::new() } else { theme.dim };
    let place = doc.model.place(m.span.start());
    put(
        buf,
        row.x,
        row.y,
        right,
        &fit(&place, usize::from(place_w)).0,
        theme.dim,
    );
    let form = form_label(m.form);
    let form_w = 5;
    put(
        buf,
        right.saturating_sub(form_w),
        row.y,
        right,
        form,
        theme.dim,
    );
    let kwic_x = row.x + place_w + 1;
    let kwic_w = usize::from(row.width.saturating_sub(place_w + 1 + form_w + 1));
    let (keyword, kw_w) = fit(doc.doc.slice(m.span), (kwic_w * 2 / 3).max(1));
    let rest = kwic_w.saturating_sub(kw_w);
    let left_w = rest * 2 / 5;
    let right_w = rest - left_w;
    let (from, to) = match doc.model.section_at(m.span.start()) {
        Some(s) => (s.span.start(), s.span.end()),
        None => (0, text.len()),
    };
    let before_from = floor(text, m.span.start().saturating_sub(CONTEXT_BYTES).max(from));
    let after_to = floor(text, (m.span.end() + CONTEXT_BYTES).min(to)).max(m.span.end());
    let (left, lw) = fit_end(&text[before_from..m.span.start()], left_w);
    let limit = kwic_x + u16::try_from(kwic_w).unwrap_or(0);
    put(
        buf,
        kwic_x + (left_w - lw) as u16,
        row.y,
        limit,
        &left,
        base,
    );
    let kw_x = kwic_x + left_w as u16;
    let style = base
        .patch(theme.mention(m.kind, m.form))
        .add_modifier(Modifier::BOLD);
    let end = put(buf, kw_x, row.y, limit, &keyword, style);
    let (after, _) = fit(&text[m.span.end()..after_to], right_w);
    put(buf, end, row.y, limit, &after, base);
}

fn form_label(form: Form) -> &'static str {
    match form {
        Form::Name => "name",
        Form::Derived => "deriv",
        Form::Part => "part",
        Form::Descriptor => "descr",
        Form::Pronoun => "pron",
    }
}

/// The largest character boundary at or before `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn digits(n: usize) -> u16 {
    n.max(1).ilog10() as u16 + 1
}

/// A bar of `width` cells filled to `share` (0–1) in eighths.
fn salience_bar(share: f64, width: u16) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (share.clamp(0.0, 1.0) * f64::from(width) * 8.0).round() as usize;
    let mut bar = "█".repeat(eighths / 8);
    bar.push_str(EIGHTHS[eighths % 8]);
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(salience_bar(1.0, 4), "████");
        assert_eq!(salience_bar(0.5, 3), "█▌");
        assert_eq!(salience_bar(0.0, 8), "");
        assert_eq!(salience_bar(f64::NAN, 8), "");
    }
}

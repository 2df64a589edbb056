//! Mouse hit-testing: `view` records where it drew the article rows and the list entries; a
//! mouse event and that record give the action, as a pure function.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::{Action, Focus};

/// Rows the wheel scrolls per notch.
pub const WHEEL_ROWS: i32 = 3;

/// Where the article rows went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArticleHit {
    /// The pane, border included (the wheel works anywhere on it).
    pub pane: Rect,
    /// The text column: cell (x, y) there is column x - text.x of layout row first_row + y - text.y.
    pub text: Rect,
    pub first_row: usize,
    /// Layout rows drawn (the rest of the column is empty).
    pub rows: usize,
}

/// Where a list's entries went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListHit {
    pub pane: Rect,
    /// One entry per row from the top of this area.
    pub items: Rect,
    /// The entry in the first row.
    pub first: usize,
    /// Entries in the list.
    pub len: usize,
}

/// What the last frame showed where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HitMap {
    pub article: Option<ArticleHit>,
    pub actors: Option<ListHit>,
    pub mentions: Option<ListHit>,
    /// An overlay (help, "too small") covers the panes: the mouse does nothing.
    pub modal: bool,
}

/// The action a mouse event asks for, given what the last frame drew.
pub fn mouse_action(hits: &HitMap, event: &MouseEvent) -> Option<Action> {
    if hits.modal {
        return None;
    }
    let at = Position::new(event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(hits, at),
        MouseEventKind::ScrollDown => pane_at(hits, at).map(|pane| Action::Scroll {
            pane,
            rows: WHEEL_ROWS,
        }),
        MouseEventKind::ScrollUp => pane_at(hits, at).map(|pane| Action::Scroll {
            pane,
            rows: -WHEEL_ROWS,
        }),
        _ => None,
    }
}

fn click(hits: &HitMap, at: Position) -> Option<Action> {
    if let Some(a) = hits.article.filter(|a| a.text.contains(at)) {
        let offset = usize::from(at.y - a.text.y);
        return (offset < a.rows).then(|| Action::ClickArticle {
            row: a.first_row + offset,
            col: at.x - a.text.x,
        });
    }
    let entry = |list: Option<ListHit>| {
        let l = list.filter(|l| l.items.contains(at))?;
        let index = l.first + usize::from(at.y - l.items.y);
        (index < l.len).then_some(index)
    };
    entry(hits.actors)
        .map(Action::ClickActor)
        .or_else(|| entry(hits.mentions).map(Action::ClickMention))
}

fn pane_at(hits: &HitMap, at: Position) -> Option<Focus> {
    if hits.actors.is_some_and(|l| l.pane.contains(at)) {
        Some(Focus::Actors)
    } else if hits.mentions.is_some_and(|l| l.pane.contains(at)) {
        Some(Focus::Mentions)
    } else if hits.article.is_some_and(|a| a.pane.contains(at)) {
        Some(Focus::Article)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn map() -> HitMap {
        HitMap {
            article: Some(ArticleHit {
                pane: Rect::new(0, 1, 48, 22),
                text: Rect::new(2, 2, 44, 20),
                first_row: 10,
                rows: 15,
            }),
            actors: Some(ListHit {
                pane: Rect::new(48, 1, 32, 12),
                items: Rect::new(49, 2, 30, 10),
                first: 4,
                len: 9,
            }),
            mentions: Some(ListHit {
                pane: Rect::new(48, 13, 32, 10),
                items: Rect::new(49, 14, 30, 8),
                first: 0,
                len: 3,
            }),
            modal: false,
        }
    }

    #[test]
    fn clicks_map_to_rows_columns_and_entries() {
        let click = |x, y| {
            mouse_action(
                &map(),
                &event(MouseEventKind::Down(MouseButton::Left), x, y),
            )
        };
        assert_eq!(click(7, 5), Some(Action::ClickArticle { row: 13, col: 5 }));
        assert_eq!(click(7, 20), None, "below the last drawn row");
        assert_eq!(click(1, 5), None, "the margin is not text");
        assert_eq!(click(50, 3), Some(Action::ClickActor(5)));
        assert_eq!(click(50, 8), None, "past the end of the list");
        assert_eq!(click(50, 16), Some(Action::ClickMention(2)));
        assert_eq!(click(48, 3), None, "the border is no entry");
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_the_pointer() {
        let wheel = |kind, x, y| mouse_action(&map(), &event(kind, x, y));
        assert_eq!(
            wheel(MouseEventKind::ScrollDown, 0, 5),
            Some(Action::Scroll {
                pane: Focus::Article,
                rows: WHEEL_ROWS
            })
        );
        assert_eq!(
            wheel(MouseEventKind::ScrollUp, 60, 20),
            Some(Action::Scroll {
                pane: Focus::Mentions,
                rows: -WHEEL_ROWS
            })
        );
        assert_eq!(wheel(MouseEventKind::ScrollUp, 60, 0), None, "the header");
        assert_eq!(wheel(MouseEventKind::Moved, 10, 5), None);
    }

    #[test]
    fn an_overlay_swallows_the_mouse() {
        let hits = HitMap {
            modal: true,
            ..map()
        };
        let ev = event(MouseEventKind::Down(MouseButton::Left), 7, 5);
        assert_eq!(mouse_action(&hits, &ev), None);
    }
}

//! Terminal events to actions: keys through the keymap (or into the prompt while one is open),
//! the mouse through the hit map, resizes as they come.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command, Edit};
use super::app::App;
use super::hit::{self, HitMap};
use super::keymap::{Key, Pane};

/// The action an event asks for, if any.
pub fn action_for(app: &App, hits: &HitMap, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Mouse(mouse) => hit::mouse_action(hits, mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The action for a key press: typed text while a prompt is open, the keymap otherwise.
pub fn key_action(app: &App, event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if app.prompt.is_some() {
        return match event.code {
            KeyCode::Char('c') if ctrl => Some(Action::Run(Command::Quit)),
            KeyCode::Enter => Some(Action::Edit(Edit::Confirm)),
            KeyCode::Esc => Some(Action::Edit(Edit::Cancel)),
            KeyCode::Backspace => Some(Action::Edit(Edit::Backspace)),
            KeyCode::Char(c) if !ctrl && !event.modifiers.contains(KeyModifiers::ALT) => {
                Some(Action::Edit(Edit::Insert(c)))
            }
            _ => None,
        };
    }
    let pane = if app.help.is_some() {
        Pane::Global
    } else {
        Pane::from(app.focus)
    };
    app.keymap
        .lookup(pane, Key::from_event(event))
        .map(Action::Run)
}

//! Shared by the reader tests: the fixtures, an app on them, and typing keys into it.
#![allow(dead_code)]

use castlist::document::{Document, json};
use castlist::reader::action::Action;
use castlist::reader::app::App;
use castlist::reader::config::Config;
use castlist::reader::input;
use castlist::reader::keymap::Key;
use castlist::reader::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub const AFP: &str = include_str!("../data/fixtures/afp-haftar.json");
pub const UNICODE: &str = include_str!("../data/fixtures/unicode.json");

pub fn doc(json_text: &str) -> Document {
    json::from_str(json_text).expect("fixture is a valid castlist/1 document")
}

pub fn afp() -> Document {
    doc(AFP)
}

pub fn unicode() -> Document {
    doc(UNICODE)
}

pub fn app(docs: Vec<Document>, width: u16, height: u16) -> App {
    App::new(docs, Config::builtin().keymap, width, height)
}

/// Presses keys written as in the keymap file, separated by spaces ("n n ? esc ctrl-d").
pub fn press(app: &mut App, keys: &str) {
    for name in keys.split_whitespace() {
        let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
        send(app, KeyEvent::new(key.code, key.mods));
    }
}

/// Types text into whatever has the keys (a prompt, or the keymap).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        send(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn send(app: &mut App, event: KeyEvent) {
    if let Some(action) = input::key_action(app, &event) {
        update(app, action);
    }
}

pub fn act(app: &mut App, action: Action) {
    update(app, action);
}

/// The text of the current mention.
pub fn cursor_text(app: &App) -> Option<String> {
    let doc = app.doc();
    doc.cursor
        .map(|c| doc.doc.slice(doc.doc.mentions[c].span).to_string())
}

/// The name of the selected actor.
pub fn selected_name(app: &App) -> Option<String> {
    let doc = app.doc();
    doc.selected.map(|a| doc.doc.actors[a.0].name.clone())
}

/// True when the current mention's rows are all on screen.
pub fn cursor_on_screen(app: &App) -> bool {
    let doc = app.doc();
    doc.cursor.is_some_and(|c| {
        let rows = doc.layout.rows_of(doc.doc.mentions[c].span);
        rows.start >= doc.scroll && rows.end <= doc.scroll + app.page()
    })
}

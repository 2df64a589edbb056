//! The terminal reader: an Elm-style loop. A terminal event becomes an [`action::Action`]
//! (keys through the keymap, the mouse through the last frame's hit map), [`update::update`]
//! changes the [`app::App`], and [`view::view`] draws it.

pub mod action;
pub mod app;
pub mod config;
pub mod facts;
pub mod geometry;
pub mod glyph;
pub mod help;
pub mod hit;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod nav;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use ratatui::crossterm::event::{self, Event};

use crate::document::Document;
use action::Action;
use app::App;
use config::Config;
use hit::HitMap;
use theme::Theme;

/// How the reader is set up from the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A config file to use instead of the one in the platform's config directory.
    pub config: Option<PathBuf>,
}

/// Opens the reader on the documents and returns when the user quits. The config file is read
/// (and any mistake in it reported) before the terminal is touched.
pub fn run(docs: Vec<Document>, options: Options) -> anyhow::Result<()> {
    anyhow::ensure!(!docs.is_empty(), "no document to show");
    let config = Config::load(options.config.as_deref())?;
    let theme = Theme::for_env(config.theme);
    anyhow::ensure!(
        std::io::stdout().is_terminal(),
        "standard output is not a terminal, and the reader needs one; \
         `castlist extract FILE` writes the analysis as JSON instead"
    );
    let mut session = terminal::Session::start().context("cannot set up the terminal")?;
    let size = session.terminal.size()?;
    let mut app = App::new(docs, config.keymap, size.width, size.height);
    let mut hits = HitMap::default();
    let mut pending: Option<Event> = None;
    let mut dirty = true;
    while !app.quit {
        if dirty {
            let size = session.terminal.size()?;
            if (size.width, size.height) != (app.screen.area.width, app.screen.area.height) {
                update::update(
                    &mut app,
                    Action::Resize {
                        width: size.width,
                        height: size.height,
                    },
                );
            }
            session
                .terminal
                .draw(|frame| hits = view::view(&app, &theme, frame))?;
        }
        let mut event = match pending.take() {
            Some(event) => event,
            None => event::read()?,
        };
        // A burst of resizes (a window being dragged) lays the text out once, at the last size.
        if matches!(event, Event::Resize(..)) {
            while event::poll(Duration::ZERO)? {
                let next = event::read()?;
                if matches!(next, Event::Resize(..)) {
                    event = next;
                } else {
                    pending = Some(next);
                    break;
                }
            }
        }
        let action = input::action_for(&app, &hits, &event);
        dirty = action.is_some();
        if let Some(action) = action {
            update::update(&mut app, action);
        }
    }
    drop(session);
    Ok(())
}

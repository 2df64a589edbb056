//! The terminal session: raw mode, alternate screen, mouse capture and a hidden cursor while the
//! reader runs; all of it undone when the session ends, on error, on panic (a chained panic
//! hook restores the terminal before the panic message is printed) and when the process is told
//! to stop by a signal (SIGTERM, SIGHUP when the terminal goes away, SIGINT, SIGQUIT).

use std::io::{self, Stdout, stdout};
use std::sync::Once;

#[cfg(unix)]
use signal_hook::{
    consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM},
    iterator::Signals,
};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal in reader mode; dropping it restores the terminal.
pub struct Session {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    pub fn start() -> io::Result<Session> {
        install_panic_hook();
        #[cfg(unix)]
        install_signal_handler()?;
        let started = (|| {
            enable_raw_mode()?;
            execute!(
                stdout(),
                EnterAlternateScreen,
                EnableMouseCapture,
                Clear(ClearType::All)
            )?;
            let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
            // (Not `Terminal::clear`: it asks the terminal where the cursor is, which a slow or
            // silent terminal never answers.)
            terminal.hide_cursor()?;
            Ok(terminal)
        })();
        match started {
            Ok(terminal) => Ok(Session { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back: mouse capture off, main screen, cursor shown, cooked mode. Safe to
/// call more than once.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

#[cfg(unix)]
/// A thread that waits for a stop signal, restores the terminal and ends the process with the
/// conventional status (128 + the signal's number).
fn install_signal_handler() -> io::Result<()> {
    static HANDLER: Once = Once::new();
    let mut result = Ok(());
    HANDLER.call_once(|| {
        let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]);
        result = signals.and_then(|mut signals| {
            std::thread::Builder::new()
                .name("castlist-signals".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        restore();
                        std::process::exit(128 + signal);
                    }
                })
                .map(drop)
        });
    });
    result
}

/// Restores the terminal before the previous hook (the default one prints the message), so a
/// panic leaves a usable terminal and a readable message.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

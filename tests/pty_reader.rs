//! End-to-end: the real binary in a pseudo-terminal, its output read into a vt100 screen model.
//! Open a document, press n, ?, Esc, resize, click a mention, q; the terminal comes back clean.
//! Output is drained on a thread; every wait is on a condition with a deadline.

use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

/// Records what the program asked of the terminal that the screen model does not show.
#[derive(Default)]
struct Seen {
    titles: Vec<Vec<u8>>,
}

impl vt100::Callbacks for Seen {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
}

struct Output {
    parser: vt100::Parser<Seen>,
    raw: Vec<u8>,
    closed: bool,
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<(Mutex<Output>, Condvar)>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_castlist"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // No user config file can be found there (unless a test says otherwise).
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/castlist-test-config");
        cmd.env_remove("HOME");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("castlist starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let output = Arc::new((
            Mutex::new(Output {
                parser: vt100::Parser::new_with_callbacks(
                    rows.try_into().unwrap(),
                    cols.try_into().unwrap(),
                    0,
                    Seen::default(),
                ),
                raw: Vec::new(),
                closed: false,
            }),
            Condvar::new(),
        ));
        let shared = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let (lock, ready) = &*shared;
                // A failed test may have panicked holding the lock: keep draining regardless.
                let mut out = lock.lock().unwrap_or_else(|e| e.into_inner());
                if n == 0 {
                    out.closed = true;
                    ready.notify_all();
                    return;
                }
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
                ready.notify_all();
            }
        });
        Session {
            master: pty.master,
            child,
            writer,
            output,
        }
    }

    /// Waits until `cond` holds on the output, or fails showing the screen.
    fn wait_for(&self, what: &str, cond: impl Fn(&Output) -> bool) -> MutexGuard<'_, Output> {
        let (lock, ready) = &*self.output;
        let deadline = Instant::now() + DEADLINE;
        let mut out = lock.lock().unwrap();
        loop {
            if cond(&out) {
                return out;
            }
            let now = Instant::now();
            if now >= deadline || out.closed {
                panic!(
                    "waited for {what}; screen:\n{}",
                    out.parser.screen().contents()
                );
            }
            out = ready.wait_timeout(out, deadline - now).unwrap().0;
        }
    }

    fn wait_text(&self, text: &str) -> MutexGuard<'_, Output> {
        self.wait_for(&format!("{text:?} on screen"), |o| {
            o.parser.screen().contents().contains(text)
        })
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        {
            let mut out = self.output.0.lock().unwrap();
            out.parser
                .screen_mut()
                .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        }
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// Waits for the program to end (its output closed and the process reaped).
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                drop(self.wait_for("the output to close", |o| o.closed));
                return status;
            }
            assert!(Instant::now() < deadline, "castlist did not exit");
            let (lock, ready) = &*self.output;
            let out = lock.lock().unwrap();
            drop(ready.wait_timeout(out, Duration::from_millis(50)).unwrap());
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Row and column of the first occurrence of `needle` on screen (columns in cells).
fn find(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    for row in 0..rows.get() {
        let mut line = String::new();
        let mut starts = Vec::new();
        for col in 0..cols.get() {
            let cell = screen.cell(row, col)?;
            if cell.is_wide_continuation() {
                continue;
            }
            starts.push((line.len(), col));
            line.push_str(if cell.has_contents() {
                cell.contents()
            } else {
                " "
            });
        }
        if let Some(i) = line.find(needle) {
            return starts
                .iter()
                .find(|(b, _)| *b == i)
                .map(|&(_, col)| (row, col));
        }
    }
    None
}

fn status_line(out: &Output) -> String {
    let screen = out.parser.screen();
    let last = screen.size().0.get() - 1;
    screen
        .rows(0, screen.size().1.get())
        .nth(usize::from(last))
        .unwrap_or_default()
}

fn assert_terminal_restored(out: &Output) {
    let screen = out.parser.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse still captured"
    );
    assert!(!screen.hide_cursor(), "cursor still hidden");
    let raw = String::from_utf8_lossy(&out.raw);
    assert!(raw.contains("\x1b[?1049l"), "alternate screen not left");
    assert!(raw.contains("\x1b[?1000l"), "mouse capture not disabled");
}

#[test]
fn read_navigate_resize_click_and_quit_clean() {
    let mut s = Session::start(&["tests/data/fixtures/afp-haftar.json"], &[], 100, 30);
    {
        let out = s.wait_text("Actors 23");
        let screen = out.parser.screen();
        assert!(screen.alternate_screen());
        assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(screen.hide_cursor());
    }
    s.send(b"n");
    drop(s.wait_for("n to reach the first mention", |o| {
        status_line(o).contains("Khalifa Haftar 1/10")
    }));
    s.send(b"?");
    drop(s.wait_text("Everywhere"));
    s.send(b"\x1b");
    drop(s.wait_for("the help to close", |o| {
        !o.parser.screen().contents().contains("Everywhere")
    }));

    s.resize(60, 20);
    drop(s.wait_for("the narrow layout", |o| {
        let text = o.parser.screen().contents();
        text.starts_with(" Ostlibyens")
            && !text.contains("Actors 23")
            && text.contains("┗")
            && o.parser.screen().contents().lines().count() <= 20
            && find(o.parser.screen(), "┓").is_some_and(|(_, col)| col == 59)
    }));

    let (row, col) = {
        let out = s.wait_text("Putin");
        find(out.parser.screen(), "Putin").unwrap()
    };
    // SGR mouse report (1-based): press and release of the left button.
    s.send(
        format!(
            "\x1b[<0;{};{}M\x1b[<0;{};{}m",
            col + 3,
            row + 1,
            col + 3,
            row + 1
        )
        .as_bytes(),
    );
    drop(s.wait_for("the click to select Putin", |o| {
        status_line(o).contains("Wladimir Putin 1/4")
    }));

    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let out = s.output.0.lock().unwrap();
    assert_terminal_restored(&out);
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let mut s = Session::start(&["tests/data/fixtures/unicode.json"], &[], 100, 30);
    drop(s.wait_text("␛]0;pwned␇"));
    s.send(b"q");
    assert!(s.wait_exit().success());
    let out = s.output.0.lock().unwrap();
    let raw = &out.raw;
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"\x1b]0;pwned"), "OSC title sequence written");
    assert!(!contains(b"pwned\x07"), "BEL written");
    assert!(!contains("\u{9b}".as_bytes()), "C1 CSI written");
    assert!(!contains(b"\x1b[31mCorp"), "SGR from the text written");
    assert!(out.parser.callbacks().titles.is_empty());
    assert_terminal_restored(&out);
}

#[test]
fn no_color_keeps_emphasis_without_colour() {
    let mut s = Session::start(
        &["tests/data/fixtures/afp-haftar.json"],
        &[("NO_COLOR", "1")],
        100,
        30,
    );
    s.send(b"n");
    let out = s.wait_for("the first mention", |o| {
        status_line(o).contains("Khalifa Haftar 1/10")
    });
    let screen = out.parser.screen();
    let (rows, cols) = screen.size();
    let mut inverse = 0;
    let mut bold = 0;
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            let cell = screen.cell(row, col).unwrap();
            assert_eq!(
                cell.fgcolor(),
                vt100::Color::Default,
                "colour at {row},{col}"
            );
            assert_eq!(
                cell.bgcolor(),
                vt100::Color::Default,
                "colour at {row},{col}"
            );
            inverse += usize::from(cell.inverse());
            bold += usize::from(cell.bold());
        }
    }
    assert!(
        inverse > 20 && bold > 20,
        "emphasis lost: {inverse} reversed, {bold} bold"
    );
}

#[test]
fn the_users_config_file_is_merged_over_the_defaults() {
    let home = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fixtures/xdg");
    let mut s = Session::start(
        &["tests/data/fixtures/afp-haftar.json"],
        &[("XDG_CONFIG_HOME", home)],
        100,
        30,
    );
    {
        let out = s.wait_for("the user's quit key in the hints", |o| {
            status_line(o).contains("x quit")
        });
        let screen = out.parser.screen();
        // The selected actor's mention in the article, not the header's title.
        let (row, col) = find(screen, "Haftar, dessen").unwrap();
        let cell = screen.cell(row, col).unwrap();
        assert_eq!(cell.fgcolor(), vt100::Color::Idx(4), "PER in blue");
        assert!(cell.inverse() && cell.bold());
    }
    s.send(b"q");
    drop(s.wait_for("q to do nothing", |o| status_line(o).contains("x quit")));
    s.send(b"x");
    assert!(s.wait_exit().success());
}

#[test]
fn a_bad_config_file_is_reported_before_the_terminal_is_touched() {
    let mut s = Session::start(
        &[
            "--config",
            "tests/data/fixtures/bad-config.toml",
            "tests/data/fixtures/afp-haftar.json",
        ],
        &[],
        100,
        30,
    );
    let status = s.wait_exit();
    assert!(!status.success());
    let out = s.output.0.lock().unwrap();
    let text = String::from_utf8_lossy(&out.raw);
    assert!(
        text.contains("bad-config.toml:3:8: unknown key \"hyper-h\""),
        "{text}"
    );
    assert!(
        !text.contains("\x1b[?1049h"),
        "the alternate screen was entered"
    );
}

#[test]
fn a_broken_document_is_reported_before_the_terminal_is_touched() {
    let mut s = Session::start(&["tests/data/fixtures/out-of-range.json"], &[], 100, 30);
    let status = s.wait_exit();
    assert!(!status.success());
    let out = s.output.0.lock().unwrap();
    let text = String::from_utf8_lossy(&out.raw);
    assert!(text.contains("out-of-range.json"), "{text}");
    assert!(text.contains("outside the text"), "{text}");
    assert!(!text.contains("\x1b[?1049h"));
}

#[test]
fn a_stop_signal_restores_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut s = Session::start(&["tests/data/fixtures/afp-haftar.json"], &[], 100, 30);
        drop(s.wait_text("Actors 23"));
        let pid = s.child.process_id().expect("the child has a pid");
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = s.wait_exit();
        assert!(!status.success(), "SIG{signal}: {status:?}");
        let out = s.output.0.lock().unwrap();
        assert_terminal_restored(&out);
    }
}

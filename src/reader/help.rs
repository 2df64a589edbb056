//! What the help overlay and the status line say, generated from the keymap (so a rebound key
//! shows up everywhere as rebound).

use super::action::{Command, Focus};
use super::glyph::line_width;
use super::keymap::{Keymap, Pane, hint_keys};
use crate::document::Kind;

/// One line of the help overlay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Heading(&'static str),
    Entry { keys: String, text: &'static str },
    Blank,
}

/// The help overlay: every binding, per pane, then the mouse and the prompts.
pub fn lines(keymap: &Keymap) -> Vec<Line> {
    let mut out = Vec::new();
    for pane in Pane::ALL {
        let entries = keymap.help(pane);
        if entries.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::Blank);
        }
        out.push(Line::Heading(pane.title()));
        out.extend(entries.into_iter().map(|e| Line::Entry {
            keys: e.keys,
            text: e.command.describe(),
        }));
    }
    out.push(Line::Blank);
    out.push(Line::Heading("Mouse"));
    for (keys, text) in [
        ("click", "select the mention or actor under the pointer"),
        ("wheel", "scroll the pane under the pointer"),
    ] {
        out.push(Line::Entry {
            keys: keys.to_string(),
            text,
        });
    }
    out.push(Line::Blank);
    out.push(Line::Heading("While typing a search or filter"));
    for (keys, text) in [
        ("Enter", "keep it (n/N then step through the matches)"),
        ("Esc", "drop it"),
        ("Backspace", "delete a character"),
    ] {
        out.push(Line::Entry {
            keys: keys.to_string(),
            text,
        });
    }
    out
}

/// One screen row of the help overlay: a heading, or a keys column and a stretch of text
/// (descriptions too long for the row continue on the next ones, keys column empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Heading(&'static str),
    Entry { keys: String, text: String },
    Blank,
}

/// The help laid out for `width` columns: the keys column as wide as the widest keys (at most a
/// third of the width), descriptions wrapped at spaces.
pub fn rows(keymap: &Keymap, width: usize) -> (Vec<Row>, usize) {
    let lines = lines(keymap);
    let keys_w = lines
        .iter()
        .filter_map(|l| match l {
            Line::Entry { keys, .. } => Some(line_width(keys)),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let text_w = width.saturating_sub(keys_w + 2).max(8);
    let mut out = Vec::new();
    for line in lines {
        match line {
            Line::Heading(h) => out.push(Row::Heading(h)),
            Line::Blank => out.push(Row::Blank),
            Line::Entry { keys, text } => {
                let mut keys = Some(keys);
                for part in wrap_words(text, text_w) {
                    out.push(Row::Entry {
                        keys: keys.take().unwrap_or_default(),
                        text: part,
                    });
                }
            }
        }
    }
    (out, keys_w)
}

/// Splits `text` at spaces into lines of at most `width` columns (a longer word stays whole).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line_width(&line) + 1 + line_width(word) > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

/// A key hint of the status line: "j/k" and "scroll".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
}

const KINDS: [Command; 4] = [
    Command::ToggleKind(Kind::Per),
    Command::ToggleKind(Kind::Org),
    Command::ToggleKind(Kind::Loc),
    Command::ToggleKind(Kind::Misc),
];

/// The hints for the focused pane, most useful first; `searching` relabels n/N.
pub fn hints(keymap: &Keymap, focus: Focus, searching: bool) -> Vec<Hint> {
    let mention = if searching { "match" } else { "mention" };
    let groups: Vec<(&[Command], &'static str)> = match focus {
        Focus::Article => vec![
            (&[Command::FocusNext], "focus"),
            (&[Command::Down, Command::Up], "scroll"),
            (&[Command::NextMention, Command::PrevMention], mention),
            (&[Command::NextAny, Command::PrevAny], "actor"),
            (&KINDS, "kinds"),
            (&[Command::Search], "search"),
            (&[Command::Help], "help"),
            (&[Command::Quit], "quit"),
        ],
        Focus::Actors => vec![
            (&[Command::FocusNext], "focus"),
            (&[Command::Down, Command::Up], "move"),
            (&[Command::Activate], "jump"),
            (&[Command::Sort], "sort"),
            (&[Command::Search], "filter"),
            (&KINDS, "kinds"),
            (&[Command::Help], "help"),
            (&[Command::Quit], "quit"),
        ],
        Focus::Mentions => vec![
            (&[Command::FocusNext], "focus"),
            (&[Command::Down, Command::Up], "move"),
            (&[Command::Activate], "jump"),
            (&[Command::NextMention, Command::PrevMention], mention),
            (&[Command::Help], "help"),
            (&[Command::Quit], "quit"),
        ],
    };
    let pane = Pane::from(focus);
    groups
        .into_iter()
        .filter_map(|(commands, label)| {
            let keys: Option<Vec<_>> = commands
                .iter()
                .map(|&c| keymap.keys_for(pane, c).first().copied())
                .collect();
            keys.map(|k| Hint {
                keys: hint_keys(&k),
                label,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::config::Config;

    #[test]
    fn hints_and_help_follow_the_keymap() {
        let config = Config::from_source("[keys.global]\nquit = \"x\"\n", "test").unwrap();
        let hints = hints(&config.keymap, Focus::Article, false);
        let shown: Vec<String> = hints
            .iter()
            .map(|h| format!("{} {}", h.keys, h.label))
            .collect();
        assert_eq!(
            shown,
            [
                "Tab focus",
                "j/k scroll",
                "n/N mention",
                "]/[ actor",
                "1-4 kinds",
                "/ search",
                "? help",
                "x quit"
            ]
        );
        let help = lines(&config.keymap);
        assert!(help.contains(&Line::Entry {
            keys: "x".to_string(),
            text: "quit"
        }));
        assert!(help.contains(&Line::Heading("In the actors panel")));
    }

    #[test]
    fn narrow_help_wraps_descriptions_under_their_keys() {
        let keymap = Config::builtin().keymap;
        let (wide, _) = rows(&keymap, 76);
        let (narrow, keys_w) = rows(&keymap, 34);
        assert!(narrow.len() > wide.len());
        assert_eq!(keys_w, 11);
        for row in &narrow {
            if let Row::Entry { text, .. } = row {
                assert!(line_width(text) <= 34 - keys_w - 2, "{text:?}");
            }
        }
        assert!(narrow.contains(&Row::Entry {
            keys: String::new(),
            text: "filter".into()
        }));
    }
}

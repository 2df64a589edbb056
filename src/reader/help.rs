//! What the help overlay and the status line say, generated from the keymap (so a rebound key
//! shows up everywhere as rebound).

use super::action::{Command, Focus};
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
}

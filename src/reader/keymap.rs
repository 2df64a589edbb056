//! Keys and what they do: key names as written in the keymap file and shown on screen, the
//! bindings per pane, the lookup for a key press, and the entries the hints and the help use.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Command, Focus};

/// A key with its modifiers, normalised: a character carries its case instead of Shift, and
/// Shift-Tab is `BackTab`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    pub fn from_event(event: &KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    /// Parses a key as written in the keymap file: "j", "G", "?", "ctrl-d", "shift-tab",
    /// "pagedown", "f5".
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            mods |= flag;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if mods.contains(KeyModifiers::SHIFT) {
                    KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {text:?}")),
                },
            },
        };
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Global,
    Article,
    Actors,
    Mentions,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Global, Pane::Article, Pane::Actors, Pane::Mentions];

    pub fn name(self) -> &'static str {
        match self {
            Pane::Global => "global",
            Pane::Article => "article",
            Pane::Actors => "actors",
            Pane::Mentions => "mentions",
        }
    }

    pub fn from_name(name: &str) -> Option<Pane> {
        Pane::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The heading of the pane's part of the help.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Global => "Everywhere",
            Pane::Article => "In the article",
            Pane::Actors => "In the actors panel",
            Pane::Mentions => "In the mentions panel",
        }
    }
}

impl From<Focus> for Pane {
    fn from(focus: Focus) -> Pane {
        match focus {
            Focus::Article => Pane::Article,
            Focus::Actors => Pane::Actors,
            Focus::Mentions => Pane::Mentions,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub pane: Pane,
    pub key: Key,
    pub command: Command,
}

/// All key bindings. Built from the built-in keymap file with user files merged over it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// One line of the help: the keys of a command in a pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpEntry {
    pub keys: String,
    pub command: Command,
}

impl Keymap {
    /// Binds `command` in `pane` to exactly `keys`: its earlier keys in that pane go, and so do
    /// other commands' bindings of these keys in that pane.
    pub fn bind(&mut self, pane: Pane, command: Command, keys: &[Key]) {
        self.bindings
            .retain(|b| b.pane != pane || (b.command != command && !keys.contains(&b.key)));
        self.bindings
            .extend(keys.iter().map(|&key| Binding { pane, key, command }));
    }

    /// The command a key runs with `focus` (the pane's binding first, then the global one).
    pub fn lookup(&self, focus: Pane, key: Key) -> Option<Command> {
        let find = |pane| {
            self.bindings
                .iter()
                .find(|b| b.pane == pane && b.key == key)
                .map(|b| b.command)
        };
        find(focus).or_else(|| find(Pane::Global))
    }

    /// The keys that run `command` with `focus`, the pane's own first; keys a pane binding
    /// takes over are left out.
    pub fn keys_for(&self, focus: Pane, command: Command) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for pane in [focus, Pane::Global] {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.pane == pane && b.command == command)
            {
                if self.lookup(focus, b.key) == Some(command) && !keys.contains(&b.key) {
                    keys.push(b.key);
                }
            }
        }
        keys
    }

    /// The help for one pane: its own bindings (or, for [`Pane::Global`], the global ones) in
    /// the order of [`Command::ALL`].
    pub fn help(&self, pane: Pane) -> Vec<HelpEntry> {
        Command::ALL
            .into_iter()
            .filter_map(|command| {
                let keys: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|b| b.pane == pane && b.command == command)
                    .map(|b| b.key.to_string())
                    .collect();
                (!keys.is_empty()).then(|| HelpEntry {
                    keys: keys.join(", "),
                    command,
                })
            })
            .collect()
    }
}

/// The keys of a hint, compact: "j/k", "n/N", "1-4".
pub fn hint_keys(keys: &[Key]) -> String {
    let digits: Option<Vec<u32>> = keys
        .iter()
        .map(|k| match k.code {
            KeyCode::Char(c) if k.mods.is_empty() => c.to_digit(10),
            _ => None,
        })
        .collect();
    if let Some(d) = digits.filter(|d| d.len() > 2)
        && d.windows(2).all(|w| w[1] == w[0] + 1)
    {
        return format!("{}-{}", d[0], d[d.len() - 1]);
    }
    keys.iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_show() {
        let cases = [
            ("j", "j"),
            ("G", "G"),
            ("shift-g", "G"),
            ("ctrl-d", "Ctrl-d"),
            ("shift-tab", "Shift-Tab"),
            ("space", "Space"),
            ("pagedown", "PgDn"),
            ("down", "↓"),
            ("f5", "F5"),
            ("?", "?"),
            ("-", "-"),
        ];
        for (text, shown) in cases {
            assert_eq!(Key::parse(text).unwrap().to_string(), shown, "{text}");
        }
        assert_eq!(Key::parse("ctrl--").unwrap().to_string(), "Ctrl--");
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
    }

    #[test]
    fn events_normalise_shift_on_characters_and_backtab() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&shifted), Key::parse("G").unwrap());
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&backtab), Key::parse("shift-tab").unwrap());
    }

    #[test]
    fn pane_bindings_win_and_rebinding_moves_a_key() {
        let mut map = Keymap::default();
        let enter = Key::parse("enter").unwrap();
        let j = Key::parse("j").unwrap();
        map.bind(Pane::Global, Command::Down, &[j]);
        map.bind(Pane::Actors, Command::Activate, &[enter]);
        assert_eq!(map.lookup(Pane::Actors, enter), Some(Command::Activate));
        assert_eq!(map.lookup(Pane::Article, enter), None);
        assert_eq!(map.lookup(Pane::Actors, j), Some(Command::Down));
        map.bind(Pane::Global, Command::Top, &[j]);
        assert_eq!(map.lookup(Pane::Article, j), Some(Command::Top));
        assert!(map.keys_for(Pane::Article, Command::Down).is_empty());
    }

    #[test]
    fn hint_keys_compress_digit_runs() {
        let keys: Vec<Key> = ["1", "2", "3", "4"]
            .iter()
            .map(|k| Key::parse(k).unwrap())
            .collect();
        assert_eq!(hint_keys(&keys), "1-4");
        let keys = [Key::parse("n").unwrap(), Key::parse("N").unwrap()];
        assert_eq!(hint_keys(&keys), "n/N");
    }
}

//! The user's config file (TOML, `castlist/config.toml` in the platform's config directory):
//! key bindings and theme entries merged over the built-in ones. Every mistake is reported with
//! the file, line and column before the terminal is touched.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::action::Command;
use super::keymap::{Key, Keymap, Pane};
use super::theme::Theme;

/// The built-in keymap, in the same format as the user's file.
const BUILTIN_KEYS: &str = include_str!("keys.toml");

/// Why the config file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message} (fix the config file or move it away)")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The keymap and theme the reader runs with.
#[derive(Clone, Debug)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// The user file that was merged in, if any.
    pub path: Option<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// The built-in keys and the default theme.
    pub fn builtin() -> Config {
        let mut keymap = Keymap::default();
        apply(
            BUILTIN_KEYS,
            "built-in keys.toml",
            &mut keymap,
            &mut Theme::colour(),
        )
        .expect("the built-in keymap is valid (tested)");
        Config {
            keymap,
            theme: Theme::colour(),
            path: None,
        }
    }

    /// The built-in config with the user's file merged over it: `explicit` when given (it must
    /// exist), otherwise the default path when a file is there.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.is_file() => p,
                _ => return Ok(Config::builtin()),
            },
        };
        let source = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut config = Config::from_source(&source, &path.display().to_string())?;
        config.path = Some(path);
        Ok(config)
    }

    /// The built-in config with `source` (the text of a config file named `name`) merged over.
    pub fn from_source(source: &str, name: &str) -> Result<Config, ConfigError> {
        let mut config = Config::builtin();
        apply(source, name, &mut config.keymap, &mut config.theme)?;
        Ok(config)
    }
}

/// `$XDG_CONFIG_HOME/castlist/config.toml` (or the platform's equivalent).
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dirs = etcetera::choose_base_strategy().ok()?;
    Some(dirs.config_dir().join("castlist").join("config.toml"))
}

fn apply(
    source: &str,
    name: &str,
    keymap: &mut Keymap,
    theme: &mut Theme,
) -> Result<(), ConfigError> {
    let invalid = |span: Range<usize>, message: String| {
        let (line, column) = line_column(source, span.start);
        ConfigError::Invalid {
            path: name.to_string(),
            line,
            column,
            message,
        }
    };
    let raw: RawConfig = toml::from_str(source).map_err(|e| {
        let message = e.message().trim().to_string();
        invalid(e.span().unwrap_or(0..0), message)
    })?;
    for (pane_name, table) in in_file_order(&raw.keys) {
        let pane = Pane::from_name(pane_name.get_ref()).ok_or_else(|| {
            invalid(
                pane_name.span(),
                format!(
                    "unknown pane [keys.{}]; panes: global, article, actors, mentions",
                    pane_name.get_ref()
                ),
            )
        })?;
        let mut taken: BTreeMap<String, &str> = BTreeMap::new();
        for (command_name, value) in in_file_order(table) {
            let command = Command::from_name(command_name.get_ref()).ok_or_else(|| {
                let known: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
                invalid(
                    command_name.span(),
                    format!(
                        "unknown command {:?}; commands: {}",
                        command_name.get_ref(),
                        known.join(", ")
                    ),
                )
            })?;
            let keys = key_list(value.get_ref())
                .map_err(|message| invalid(value.span(), message))?
                .into_iter()
                .map(|text| {
                    let key = Key::parse(&text).map_err(|m| invalid(value.span(), m))?;
                    if let Some(other) = taken.insert(key.to_string(), command.name()) {
                        return Err(invalid(
                            value.span(),
                            format!(
                                "{text:?} is bound to both {other} and {} in [keys.{}]",
                                command.name(),
                                pane.name()
                            ),
                        ));
                    }
                    Ok(key)
                })
                .collect::<Result<Vec<Key>, ConfigError>>()?;
            keymap.bind(pane, command, &keys);
        }
    }
    for (entry, spec) in in_file_order(&raw.theme) {
        theme
            .set(entry.get_ref(), spec.get_ref())
            .map_err(|message| invalid(entry.span(), message))?;
    }
    Ok(())
}

/// A table's entries in the order they appear in the file.
fn in_file_order<V>(table: &BTreeMap<Spanned<String>, V>) -> Vec<(&Spanned<String>, &V)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn key_list(value: &toml::Value) -> Result<Vec<String>, String> {
    let not_a_key = || {
        "a binding takes a key (\"j\") or a list of keys ([\"j\", \"down\"]); [] unbinds"
            .to_string()
    };
    match value {
        toml::Value::String(s) => Ok(vec![s.clone()]),
        toml::Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string).ok_or_else(not_a_key))
            .collect(),
        _ => Err(not_a_key()),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = (0..=offset.min(source.len()))
        .rev()
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(0);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before, |i| &before[i + 1..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn builtin_keymap_parses_and_binds_every_command() {
        let config = Config::builtin();
        for command in Command::ALL {
            let bound = Pane::ALL
                .iter()
                .any(|&p| !config.keymap.keys_for(p, command).is_empty());
            assert!(bound, "{} has no key", command.name());
        }
    }

    #[test]
    fn user_bindings_and_theme_merge_over_the_defaults() {
        let source = "[keys.global]\nquit = \"x\"\ndown = [\"j\", \"ctrl-n\"]\n\n[theme]\nper = \"light-red\"\n";
        let config = Config::from_source(source, "config.toml").unwrap();
        let map = &config.keymap;
        let key = |k: &str| Key::parse(k).unwrap();
        assert_eq!(map.lookup(Pane::Article, key("x")), Some(Command::Quit));
        assert_eq!(map.lookup(Pane::Article, key("q")), None);
        assert_eq!(
            map.lookup(Pane::Article, key("ctrl-n")),
            Some(Command::Down)
        );
        assert_eq!(map.lookup(Pane::Article, key("k")), Some(Command::Up));
        assert_eq!(config.theme.kinds[0], Some(Color::LightRed));
    }

    #[test]
    fn mistakes_name_the_file_line_and_column() {
        let cases = [
            (
                "[keys.global]\nquit = \"q\"\nfly = \"f\"\n",
                "config.toml:3:1: unknown command \"fly\"",
            ),
            (
                "[keys.sidebar]\nquit = \"q\"\n",
                "config.toml:1:7: unknown pane [keys.sidebar]",
            ),
            (
                "[keys.global]\nquit = \"hyper-q\"\n",
                "config.toml:2:8: unknown key \"hyper-q\"",
            ),
            (
                "[keys.global]\nquit = 3\n",
                "config.toml:2:8: a binding takes a key",
            ),
            (
                "[keys.global]\nquit = \"x\"\nhelp = \"x\"\n",
                "config.toml:3:8: \"x\" is bound to both",
            ),
            (
                "[theme]\nper = \"bold\"\n",
                "config.toml:2:1: per takes a colour",
            ),
            ("[keys.global\nquit = \"q\"\n", "config.toml:1:"),
            ("colour = 1\n", "config.toml:1:1: unknown field `colour`"),
        ];
        for (source, expected) in cases {
            let err = Config::from_source(source, "config.toml")
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(expected),
                "{err:?} does not start with {expected:?}"
            );
        }
    }

    #[test]
    fn a_missing_explicit_file_is_an_error_naming_it() {
        let err = Config::load(Some(Path::new("/nonexistent/castlist.toml"))).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/castlist.toml"));
    }
}

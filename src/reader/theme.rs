//! Colours and emphasis: the default theme (the 16 ANSI colours only, so 16-colour terminals
//! show it as meant), the monochrome theme for NO_COLOR (bold, underline, reverse: emphasis
//! without colour), and style specs as written in the config file ("black on yellow bold").

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::document::{Form, Kind};

/// Every style the reader draws with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// The colour of each kind, in [`Kind::ALL`] order; `None` in the monochrome theme.
    pub kinds: [Option<Color>; 4],
    /// A mention that names its actor, over the kind colour.
    pub name: Style,
    /// Derived, part, descriptor and pronoun mentions: quieter than names.
    pub quiet: Style,
    /// Every mention of the selected actor.
    pub selected: Style,
    /// The current mention.
    pub cursor: Style,
    pub matched: Style,
    pub current_match: Style,
    pub title: Style,
    pub heading: Style,
    /// Meta, byline and boilerplate text, when shown in the article.
    pub hidden: Style,
    pub border: Style,
    pub border_focus: Style,
    /// Secondary text: context around a mention, counts, labels.
    pub dim: Style,
    /// Keys in the status line and the help.
    pub key: Style,
    /// The entry under the cursor of the focused list.
    pub highlight: Style,
    pub message: Style,
    pub scrollbar: Style,
}

/// The names of the theme's entries in the config file ([`Theme::set`]).
pub const ENTRIES: [&str; 20] = [
    "per",
    "org",
    "loc",
    "misc",
    "name",
    "quiet",
    "selected",
    "cursor",
    "match",
    "current_match",
    "title",
    "heading",
    "hidden",
    "border",
    "border_focus",
    "dim",
    "key",
    "highlight",
    "message",
    "scrollbar",
];

impl Theme {
    /// The default theme: the 16 ANSI colours, which every colour terminal has and which follow
    /// the user's palette, light or dark.
    pub fn colour() -> Theme {
        let spec = |s: &str| parse_style(s).unwrap_or_default();
        Theme {
            kinds: [
                Some(Color::Red),
                Some(Color::Cyan),
                Some(Color::Green),
                Some(Color::Magenta),
            ],
            name: Style::new(),
            quiet: spec("underlined"),
            selected: spec("bold reversed"),
            cursor: spec("black on gray bold"),
            matched: spec("black on yellow"),
            current_match: spec("black on yellow bold underlined"),
            title: spec("bold"),
            heading: spec("bold"),
            hidden: spec("dim italic"),
            border: Style::new(),
            border_focus: spec("yellow bold"),
            dim: spec("dim"),
            key: spec("bold"),
            highlight: spec("reversed"),
            message: spec("yellow"),
            scrollbar: Style::new(),
        }
    }

    /// The NO_COLOR theme: no colour at all, emphasis by attributes.
    pub fn mono() -> Theme {
        let spec = |s: &str| parse_style(s).unwrap_or_default();
        Theme {
            kinds: [None; 4],
            name: spec("bold"),
            quiet: spec("underlined"),
            selected: spec("bold reversed"),
            cursor: spec("bold reversed underlined"),
            matched: spec("reversed"),
            current_match: spec("reversed bold underlined"),
            title: spec("bold"),
            heading: spec("bold"),
            hidden: spec("dim italic"),
            border: Style::new(),
            border_focus: spec("bold"),
            dim: spec("dim"),
            key: spec("bold"),
            highlight: spec("reversed"),
            message: spec("bold"),
            scrollbar: Style::new(),
        }
    }

    /// The theme for this process: monochrome when NO_COLOR is set to anything non-empty
    /// (no-color.org), otherwise `colour`.
    pub fn for_env(colour: Theme) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => colour,
        }
    }

    /// The colour of a kind as a style (nothing in the monochrome theme).
    pub fn kind(&self, kind: Kind) -> Style {
        match self.kinds[kind.index()] {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }

    /// How a mention of `kind` and `form` looks when nothing else applies.
    pub fn mention(&self, kind: Kind, form: Form) -> Style {
        match form {
            Form::Name => self.kind(kind).patch(self.name),
            _ => match self.kinds[kind.index()] {
                Some(c) => Style::new().underline_color(c).patch(self.quiet),
                None => self.quiet,
            },
        }
    }

    /// Sets the entry `name` (one of [`ENTRIES`]) from a style spec.
    pub fn set(&mut self, name: &str, spec: &str) -> Result<(), String> {
        let style = parse_style(spec)?;
        let kind = match name {
            "per" => Some(Kind::Per),
            "org" => Some(Kind::Org),
            "loc" => Some(Kind::Loc),
            "misc" => Some(Kind::Misc),
            _ => None,
        };
        if let Some(kind) = kind {
            let colour = style.fg.ok_or_else(|| {
                format!("{name} takes a colour (e.g. \"red\", \"#d70000\"), not {spec:?}")
            })?;
            self.kinds[kind.index()] = Some(colour);
            return Ok(());
        }
        let slot = match name {
            "name" => &mut self.name,
            "quiet" => &mut self.quiet,
            "selected" => &mut self.selected,
            "cursor" => &mut self.cursor,
            "match" => &mut self.matched,
            "current_match" => &mut self.current_match,
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "hidden" => &mut self.hidden,
            "border" => &mut self.border,
            "border_focus" => &mut self.border_focus,
            "dim" => &mut self.dim,
            "key" => &mut self.key,
            "highlight" => &mut self.highlight,
            "message" => &mut self.message,
            "scrollbar" => &mut self.scrollbar,
            _ => {
                return Err(format!(
                    "unknown theme entry {name:?}; known: {}",
                    ENTRIES.join(", ")
                ));
            }
        };
        *slot = style;
        Ok(())
    }
}

/// Parses a style spec: words separated by spaces, a colour for the text, "on" and a colour for
/// the background, and any of bold, dim, italic, underlined, reversed, crossed-out. Colours are
/// ANSI names ("red", "light-blue", "dark-gray"), indexes 0–255, or "#rrggbb".
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace();
    let mut fg_set = false;
    while let Some(word) = words.next() {
        let modifier = match word.to_ascii_lowercase().as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(Modifier::UNDERLINED),
            "reverse" | "reversed" => Some(Modifier::REVERSED),
            "crossed-out" | "strikethrough" => Some(Modifier::CROSSED_OUT),
            "plain" | "none" => Some(Modifier::empty()),
            "on" => {
                let colour = words
                    .next()
                    .ok_or_else(|| format!("{spec:?}: \"on\" needs a colour after it"))?;
                style = style.bg(colour_of(colour, spec)?);
                None
            }
            _ => {
                if fg_set {
                    return Err(format!(
                        "{spec:?}: {word:?} is a second text colour (use \"on {word}\" for the background)"
                    ));
                }
                style = style.fg(colour_of(word, spec)?);
                fg_set = true;
                None
            }
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        }
    }
    Ok(style)
}

fn colour_of(word: &str, spec: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!(
            "{spec:?}: {word:?} is neither a colour (red, light-blue, 208, #ff8700) nor bold, dim, \
             italic, underlined, reversed, crossed-out"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        assert_eq!(
            parse_style("black on yellow bold").unwrap(),
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(
            parse_style("#ff8700").unwrap(),
            Style::new().fg(Color::Rgb(255, 135, 0))
        );
        assert!(parse_style("red blue").is_err());
        assert!(parse_style("on").is_err());
        assert!(parse_style("blinky").is_err());
    }

    #[test]
    fn mono_theme_has_no_colour_and_keeps_emphasis() {
        let mono = Theme::mono();
        for style in [
            mono.mention(Kind::Per, Form::Name),
            mono.mention(Kind::Loc, Form::Derived),
            mono.selected,
            mono.cursor,
            mono.matched,
            mono.highlight,
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
            assert!(
                !style.add_modifier.is_empty(),
                "{style:?} shows no emphasis"
            );
        }
        assert_ne!(mono.selected, mono.cursor);
    }

    #[test]
    fn default_theme_uses_only_the_16_ansi_colours() {
        let t = Theme::colour();
        let all = [
            t.name,
            t.quiet,
            t.selected,
            t.cursor,
            t.matched,
            t.current_match,
            t.title,
            t.heading,
            t.hidden,
            t.border,
            t.border_focus,
            t.dim,
            t.key,
            t.highlight,
            t.message,
            t.scrollbar,
        ];
        let colours = all
            .iter()
            .flat_map(|s| [s.fg, s.bg])
            .flatten()
            .chain(t.kinds.iter().flatten().copied());
        for c in colours {
            assert!(
                !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                "{c:?} is not one of the 16"
            );
        }
    }

    #[test]
    fn kinds_take_a_colour() {
        let mut t = Theme::colour();
        t.set("per", "light-red").unwrap();
        assert_eq!(t.kinds[0], Some(Color::LightRed));
        assert!(t.set("per", "bold").is_err());
        assert!(t.set("nonsense", "bold").is_err());
    }
}

//! What the user can ask the reader to do: the commands keys are bound to (with their names in
//! the keymap file and their help text) and the actions `update` takes.

use crate::document::Kind;

/// A command a key can be bound to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Quit,
    Help,
    Cancel,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextMention,
    PrevMention,
    NextAny,
    PrevAny,
    Activate,
    ToggleKind(Kind),
    Search,
    Sort,
    Panels,
    HiddenText,
    NextDoc,
    PrevDoc,
}

impl Command {
    /// Every command, in the order the help lists them.
    pub const ALL: [Command; 28] = [
        Command::Quit,
        Command::Help,
        Command::Cancel,
        Command::FocusNext,
        Command::FocusPrev,
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::HalfPageDown,
        Command::HalfPageUp,
        Command::Top,
        Command::Bottom,
        Command::NextMention,
        Command::PrevMention,
        Command::NextAny,
        Command::PrevAny,
        Command::Activate,
        Command::ToggleKind(Kind::Per),
        Command::ToggleKind(Kind::Org),
        Command::ToggleKind(Kind::Loc),
        Command::ToggleKind(Kind::Misc),
        Command::Search,
        Command::Sort,
        Command::Panels,
        Command::HiddenText,
        Command::NextDoc,
        Command::PrevDoc,
    ];

    /// The name in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "help",
            Command::Cancel => "cancel",
            Command::FocusNext => "focus_next",
            Command::FocusPrev => "focus_previous",
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::HalfPageDown => "half_page_down",
            Command::HalfPageUp => "half_page_up",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::NextMention => "next_mention",
            Command::PrevMention => "previous_mention",
            Command::NextAny => "next_any",
            Command::PrevAny => "previous_any",
            Command::Activate => "jump",
            Command::ToggleKind(Kind::Per) => "toggle_per",
            Command::ToggleKind(Kind::Org) => "toggle_org",
            Command::ToggleKind(Kind::Loc) => "toggle_loc",
            Command::ToggleKind(Kind::Misc) => "toggle_misc",
            Command::Search => "search",
            Command::Sort => "sort",
            Command::Panels => "panels",
            Command::HiddenText => "hidden_text",
            Command::NextDoc => "next_document",
            Command::PrevDoc => "previous_document",
        }
    }

    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }

    /// One line of help.
    pub fn describe(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Help => "show or hide this help",
            Command::Cancel => "close the help, clear the search or the filter",
            Command::FocusNext => "focus the next pane: article, actors, mentions",
            Command::FocusPrev => "focus the previous pane",
            Command::Down => "scroll down / next entry",
            Command::Up => "scroll up / previous entry",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::HalfPageDown => "half a page down",
            Command::HalfPageUp => "half a page up",
            Command::Top => "go to the top",
            Command::Bottom => "go to the bottom",
            Command::NextMention => "next mention of the selected actor (after a search: match)",
            Command::PrevMention => "previous mention of the selected actor (or match)",
            Command::NextAny => "next mention of any actor, selecting it",
            Command::PrevAny => "previous mention of any actor, selecting it",
            Command::Activate => "jump to the entry's mention in the article",
            Command::ToggleKind(Kind::Per) => "show or hide people (PER)",
            Command::ToggleKind(Kind::Org) => "show or hide organisations (ORG)",
            Command::ToggleKind(Kind::Loc) => "show or hide places (LOC)",
            Command::ToggleKind(Kind::Misc) => "show or hide other names (MISC)",
            Command::Search => "search the article (actors panel: filter by name)",
            Command::Sort => "sort actors by salience, name, first appearance",
            Command::Panels => "show or hide the side panels",
            Command::HiddenText => "show or hide meta, byline and page leftovers",
            Command::NextDoc => "next document",
            Command::PrevDoc => "previous document",
        }
    }
}

/// A pane that has the keyboard focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Focus {
    Article,
    Actors,
    Mentions,
}

/// An edit of the text typed into a prompt (search or actor filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Confirm,
    Cancel,
}

/// Everything `update` reacts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Run(Command),
    Edit(Edit),
    Resize {
        width: u16,
        height: u16,
    },
    /// A click on the article at a layout row and a column of the text.
    ClickArticle {
        row: usize,
        col: u16,
    },
    /// A click on an entry of the actors list (index into the shown list).
    ClickActor(usize),
    /// A click on an entry of the mentions list.
    ClickMention(usize),
    /// The wheel over a pane: rows down (positive) or up.
    Scroll {
        pane: Focus,
        rows: i32,
    },
}

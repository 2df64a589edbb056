//! The document model: text, layout blocks, mentions and actors (FORMAT.md, castlist/1).
//! Offsets are byte offsets into `Document::text`; code points appear only in the JSON form
//! (`crate::document::json`).

pub mod json;

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A non-empty or empty byte range `start..end` with `start <= end`: it cannot be inverted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive). Panics if `start > end`: that is a bug in the
    /// caller, not bad input; input-derived values go through [`Span::try_new`].
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "inverted span {start}..{end}");
        Span { start, end }
    }

    /// A span, or `None` when `start > end`.
    pub fn try_new(start: usize, end: usize) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `offset` lies inside the span (end exclusive).
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when `other` lies wholly inside this span.
    pub fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

    /// The label used in output and on screen: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }

    /// Position in [`Kind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses `PER`, `ORG`, `LOC`, `MISC`; also `OTH` (GermEval's name for MISC).
    pub fn parse(label: &str) -> Option<Kind> {
        match label {
            "PER" => Some(Kind::Per),
            "ORG" => Some(Kind::Org),
            "LOC" => Some(Kind::Loc),
            "MISC" | "OTH" => Some(Kind::Misc),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The name itself, in any inflection: "Khalifa Haftar", "Haftars".
    Name,
    /// An adjective or demonym of a name: "russischen" for Russland.
    Derived,
    /// A name inside a longer word: "Wagner-Söldner".
    Part,
    /// A role phrase standing for an actor: "der östliche Machthaber".
    Descriptor,
    /// A pronoun standing for an actor.
    Pronoun,
}

impl Form {
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Name => "name",
            Form::Derived => "derived",
            Form::Part => "part",
            Form::Descriptor => "descriptor",
            Form::Pronoun => "pronoun",
        }
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a mention came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Model,
    Lexicon,
    Rule,
    Link,
    User,
    Import,
}

/// The layout role of a block of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Title,
    Paragraph,
    Heading,
    Quote,
    List,
    /// Dateline, "published", reading time: shown in the header.
    Meta,
    /// Agency or author: shown in the header.
    Byline,
    /// Page furniture such as "Leave a Reply": hidden unless asked for.
    Boilerplate,
}

impl Role {
    /// True for the roles that make up the reading flow of the article.
    pub fn is_article(self) -> bool {
        matches!(
            self,
            Role::Title | Role::Paragraph | Role::Heading | Role::Quote | Role::List
        )
    }
}

/// A language: the two with shipped models, or another one by its ISO 639-1 code
/// (`und` when unknown).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    De,
    En,
    Other(String),
}

impl Lang {
    pub fn code(&self) -> &str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Other(code) => code,
        }
    }

    pub fn from_code(code: &str) -> Lang {
        match code {
            "de" => Lang::De,
            "en" => Lang::En,
            other => Lang::Other(other.to_string()),
        }
    }

    /// Unknown language.
    pub fn unknown() -> Lang {
        Lang::Other("und".to_string())
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::unknown()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A stretch of the text with a layout role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub role: Role,
}

/// Index of an actor in `Document::actors`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorIdx(pub usize);

/// A stretch of text that refers to a named actor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub kind: Kind,
    pub form: Form,
    pub actor: Option<ActorIdx>,
    pub origin: Origin,
}

/// Someone or something the article talks about: every mention of it linked together.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Stable identifier in the document, e.g. `a1`.
    pub id: String,
    /// Canonical name: the base (nominative) form; the fullest form of a person's name.
    pub name: String,
    pub kind: Kind,
    /// Share of the article's attention in [0, 1]; the sum over a document is at most 1.
    pub salience: f64,
    /// Distinct surface forms of its mentions.
    pub aliases: Vec<String>,
}

/// An analysed (or imported) article: the single source of truth for the reader and the exports.
///
/// Invariants (checked on import, kept by the analysis): blocks and mentions lie inside the text
/// on character boundaries, are sorted by start and do not overlap; every mention's actor exists.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Document {
    /// Where the text came from (a path, `-` for standard input), if anywhere.
    pub source: Option<String>,
    pub lang: Lang,
    pub title: Option<String>,
    pub text: String,
    pub blocks: Vec<Block>,
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
}

impl Document {
    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The mentions of one actor, in text order.
    pub fn mentions_of(&self, actor: ActorIdx) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.actor == Some(actor))
    }

    /// The blocks with a role, in text order.
    pub fn blocks_with(&self, role: Role) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.role == role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_rejects_inversion() {
        assert!(Span::try_new(3, 2).is_none());
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert!(s.covers(Span::new(2, 5)));
        assert!(!s.covers(Span::new(1, 5)));
    }

    #[test]
    fn kind_parses_germeval_oth_as_misc() {
        assert_eq!(Kind::parse("OTH"), Some(Kind::Misc));
        assert_eq!(Kind::parse("PER"), Some(Kind::Per));
        assert_eq!(Kind::parse("per"), None);
    }
}

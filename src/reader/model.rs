//! What the reader derives once from a document: its sections in reading order (the blocks, plus
//! any text the blocks leave out, so nothing is lost), paragraph numbers, each actor's mentions,
//! the actor orderings, and the header facts.

use super::facts::Facts;
use super::layout;
use crate::document::{ActorIdx, Document, Role, Span};

/// Columns a quote is indented by.
const QUOTE_INDENT: u16 = 2;

/// A stretch of text with a role, in text order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub span: Span,
    pub role: Role,
    /// Keep the text's line breaks (lists, and text that came without blocks).
    pub keep_breaks: bool,
    /// Position among the article's sections (¶0 is usually the title).
    pub para: Option<u32>,
}

impl Section {
    /// Part of the reading flow (title, paragraphs, headings, quotes, lists).
    pub fn is_article(&self) -> bool {
        self.role.is_article()
    }
}

/// How the actors panel orders actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortOrder {
    Salience,
    Name,
    FirstAppearance,
}

impl SortOrder {
    pub fn next(self) -> SortOrder {
        match self {
            SortOrder::Salience => SortOrder::Name,
            SortOrder::Name => SortOrder::FirstAppearance,
            SortOrder::FirstAppearance => SortOrder::Salience,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Salience => "salience",
            SortOrder::Name => "name",
            SortOrder::FirstAppearance => "first appearance",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The derived, read-only view of one document.
#[derive(Clone, Debug)]
pub struct Model {
    pub sections: Vec<Section>,
    /// Each actor's mentions (indexes into `Document::mentions`), in text order.
    pub by_actor: Vec<Vec<usize>>,
    orders: [Vec<ActorIdx>; 3],
    pub facts: Facts,
    /// The highest salience of any actor (for the bars), at least a tiny positive number.
    pub max_salience: f64,
    /// The most mentions any actor has.
    pub max_count: usize,
    /// The highest paragraph number.
    pub max_para: u32,
}

impl Model {
    pub fn new(doc: &Document) -> Model {
        let sections = sections(doc);
        let mut by_actor = vec![Vec::new(); doc.actors.len()];
        for (i, m) in doc.mentions.iter().enumerate() {
            if let Some(list) = m.actor.and_then(|a| by_actor.get_mut(a.0)) {
                list.push(i);
            }
        }
        let first = |a: &ActorIdx| {
            by_actor[a.0]
                .first()
                .map_or(usize::MAX, |&m| doc.mentions[m].span.start())
        };
        let all: Vec<ActorIdx> = (0..doc.actors.len()).map(ActorIdx).collect();
        let mut by_salience = all.clone();
        by_salience.sort_by(|a, b| {
            let (x, y) = (&doc.actors[a.0], &doc.actors[b.0]);
            y.salience
                .total_cmp(&x.salience)
                .then(by_actor[b.0].len().cmp(&by_actor[a.0].len()))
                .then(first(a).cmp(&first(b)))
        });
        let mut by_name = all.clone();
        by_name.sort_by_cached_key(|a| (doc.actors[a.0].name.to_lowercase(), a.0));
        let mut by_first = all;
        by_first.sort_by_key(|a| (first(a), a.0));
        let max_para = sections.iter().filter_map(|s| s.para).max().unwrap_or(0);
        Model {
            max_salience: doc
                .actors
                .iter()
                .map(|a| a.salience)
                .fold(f64::MIN_POSITIVE, f64::max),
            max_count: by_actor.iter().map(Vec::len).max().unwrap_or(0),
            max_para,
            sections,
            by_actor,
            orders: [by_salience, by_name, by_first],
            facts: Facts::of(doc),
        }
    }

    /// All actors in an order.
    pub fn order(&self, sort: SortOrder) -> &[ActorIdx] {
        &self.orders[sort.index()]
    }

    /// The section containing `offset`.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        let i = self
            .sections
            .partition_point(|s| s.span.start() <= offset)
            .checked_sub(1)?;
        let s = &self.sections[i];
        s.span.contains(offset).then_some(s)
    }

    /// True when the text at `offset` is in the article view (`show_all`: hidden roles too).
    pub fn is_shown(&self, offset: usize, show_all: bool) -> bool {
        self.section_at(offset)
            .is_some_and(|s| show_all || s.is_article())
    }

    /// Where a mention sits, for the mentions panel: "¶3", or the role of a hidden block.
    pub fn place(&self, offset: usize) -> String {
        match self.section_at(offset) {
            Some(Section { para: Some(p), .. }) => format!("¶{p}"),
            Some(s) => match s.role {
                Role::Meta => "meta".to_string(),
                Role::Byline => "byline".to_string(),
                _ => "hidden".to_string(),
            },
            None => "—".to_string(),
        }
    }

    /// The sections to lay out: the article's, or all of them.
    pub fn layout_sections(&self, show_all: bool) -> Vec<layout::Section> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| show_all || s.is_article())
            .map(|(i, s)| layout::Section {
                span: s.span,
                keep_breaks: s.keep_breaks,
                indent: if s.role == Role::Quote {
                    QUOTE_INDENT
                } else {
                    0
                },
                id: u32::try_from(i).unwrap_or(u32::MAX),
            })
            .collect()
    }
}

/// The document's blocks in order, with every stretch of text between them that is not just
/// white space kept as a paragraph; a text without blocks is one section keeping its line breaks.
fn sections(doc: &Document) -> Vec<Section> {
    let text = &doc.text;
    let mut out = Vec::with_capacity(doc.blocks.len());
    if doc.blocks.is_empty() {
        if !text.trim().is_empty() {
            out.push(Section {
                span: Span::new(0, text.len()),
                role: Role::Paragraph,
                keep_breaks: true,
                para: None,
            });
        }
    } else {
        let mut pos = 0;
        let gap = |out: &mut Vec<Section>, from: usize, to: usize| {
            if let Some(span) = trimmed(text, from, to) {
                out.push(Section {
                    span,
                    role: Role::Paragraph,
                    keep_breaks: true,
                    para: None,
                });
            }
        };
        // Blocks are checked to be in order and apart; should one not be, it is left out rather
        // than laid out twice.
        for block in doc.blocks.iter().filter(|b| !b.span.is_empty()) {
            if block.span.start() < pos {
                continue;
            }
            if block.span.start() > pos {
                gap(&mut out, pos, block.span.start());
            }
            out.push(Section {
                span: block.span,
                role: block.role,
                keep_breaks: block.role == Role::List,
                para: None,
            });
            pos = block.span.end();
        }
        gap(&mut out, pos, text.len());
    }
    for (para, s) in out.iter_mut().filter(|s| s.role.is_article()).enumerate() {
        s.para = u32::try_from(para).ok();
    }
    out
}

/// The span `from..to` without white space at either end, if anything is left.
fn trimmed(text: &str, from: usize, to: usize) -> Option<Span> {
    let slice = &text[from..to];
    let start = from + (slice.len() - slice.trim_start().len());
    let end = from + slice.trim_end().len();
    (start < end).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::json;

    fn doc() -> Document {
        let text = "Titel\n\nEins Moskau.\n\nverirrt\n\n(AFP)";
        json::from_str(&format!(
            r#"{{"format":"castlist/1","lang":"de","text":{text:?},
            "blocks":[{{"start":0,"end":5,"role":"title"}},{{"start":7,"end":19,"role":"paragraph"}},
                      {{"start":30,"end":35,"role":"byline"}}],
            "actors":[{{"id":"a1","name":"Moskau","kind":"LOC","salience":0.2}},
                      {{"id":"a2","name":"AFP","kind":"ORG","salience":0.5}}],
            "mentions":[{{"start":12,"end":18,"kind":"LOC","actor":"a1"}},
                        {{"start":31,"end":34,"kind":"ORG","actor":"a2"}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn text_between_blocks_is_kept_and_paragraphs_are_numbered() {
        let doc = doc();
        let model = Model::new(&doc);
        let roles: Vec<(Role, Option<u32>)> =
            model.sections.iter().map(|s| (s.role, s.para)).collect();
        assert_eq!(
            roles,
            [
                (Role::Title, Some(0)),
                (Role::Paragraph, Some(1)),
                (Role::Paragraph, Some(2)),
                (Role::Byline, None)
            ]
        );
        assert_eq!(doc.slice(model.sections[2].span), "verirrt");
        assert_eq!(model.place(12), "¶1");
        assert_eq!(model.place(31), "byline");
        assert!(!model.is_shown(31, false));
        assert!(model.is_shown(31, true));
        assert_eq!(model.layout_sections(false).len(), 3);
    }

    #[test]
    fn actors_sort_by_salience_name_and_first_appearance() {
        let model = Model::new(&doc());
        let names = |s| model.order(s).iter().map(|a| a.0).collect::<Vec<_>>();
        assert_eq!(names(SortOrder::Salience), [1, 0]);
        assert_eq!(names(SortOrder::Name), [1, 0]);
        assert_eq!(names(SortOrder::FirstAppearance), [0, 1]);
        assert_eq!(model.by_actor, [vec![0], vec![1]]);
    }
}

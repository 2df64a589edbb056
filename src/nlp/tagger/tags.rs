//! BILOU tags over entity classes (B-egin, I-nside, L-ast, U-nit, O-utside), the tag set a
//! model predicts, which tag may follow which, and conversion from and to entity spans.

use crate::nlp::corpus::{Class, Entity};

/// Position of a token in its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pos {
    Begin,
    Inside,
    Last,
    Unit,
}

impl Pos {
    pub fn letter(self) -> char {
        match self {
            Pos::Begin => 'B',
            Pos::Inside => 'I',
            Pos::Last => 'L',
            Pos::Unit => 'U',
        }
    }

    fn from_letter(c: char) -> Option<Pos> {
        Some(match c {
            'B' => Pos::Begin,
            'I' => Pos::Inside,
            'L' => Pos::Last,
            'U' => Pos::Unit,
            _ => return None,
        })
    }

    /// True when the entity goes on after this token.
    fn opens(self) -> bool {
        matches!(self, Pos::Begin | Pos::Inside)
    }
}

/// A tag: outside, or a position in an entity of a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tag {
    Out,
    In(Pos, Class),
}

impl Tag {
    /// `O`, `B-PER`, `U-LOCderiv`.
    pub fn name(self) -> String {
        match self {
            Tag::Out => "O".to_string(),
            Tag::In(pos, class) => format!("{}-{class}", pos.letter()),
        }
    }

    pub fn parse(name: &str) -> Option<Tag> {
        if name == "O" {
            return Some(Tag::Out);
        }
        let (pos, class) = name.split_once('-')?;
        let mut letters = pos.chars();
        let pos = Pos::from_letter(letters.next()?)?;
        if letters.next().is_some() {
            return None;
        }
        Some(Tag::In(pos, Class::parse(class)?))
    }

    /// May `next` follow `self` (or start a sentence, when `self` is `None`)?
    pub fn allows(prev: Option<Tag>, next: Tag) -> bool {
        match (prev, next) {
            (Some(Tag::In(p, c)), Tag::In(q, d)) if p.opens() => {
                c == d && matches!(q, Pos::Inside | Pos::Last)
            }
            (Some(Tag::In(p, _)), Tag::Out) => !p.opens(),
            (_, Tag::In(q, _)) => matches!(q, Pos::Begin | Pos::Unit),
            (_, Tag::Out) => true,
        }
    }

    /// May a sentence end after this tag?
    pub fn may_end(self) -> bool {
        match self {
            Tag::Out => true,
            Tag::In(p, _) => !p.opens(),
        }
    }
}

/// The tags a model predicts, `O` first, then in sorted order; indices fit in a byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagSet {
    tags: Vec<Tag>,
}

impl TagSet {
    /// Most tags a set may hold (four positions of twelve classes and `O`).
    pub const MAX: usize = 49;

    /// The tags that occur in BILOU encodings of these sentences' entities, `O` always.
    /// Derived and part forms are single words ("russischen", "Wagner-Söldner"): for them only
    /// `U` tags are kept, and the rare longer spans are left out of training (as `O`), which
    /// spares the decoder a dozen tags.
    pub fn from_entities<'a>(sentences: impl IntoIterator<Item = &'a [Entity]>) -> TagSet {
        let mut tags = std::collections::BTreeSet::new();
        for entities in sentences {
            for e in entities {
                if !e.class.is_base() && e.end - e.start > 1 {
                    continue;
                }
                for (i, _) in (e.start..e.end).enumerate() {
                    tags.insert(Tag::In(position(i, e.end - e.start), e.class));
                }
            }
        }
        TagSet {
            tags: std::iter::once(Tag::Out).chain(tags).collect(),
        }
    }

    /// A tag set from its tags in order; `None` unless `O` comes first, the tags are distinct
    /// and there are at most [`TagSet::MAX`].
    pub fn from_tags(tags: Vec<Tag>) -> Option<TagSet> {
        let distinct = tags.iter().collect::<std::collections::BTreeSet<_>>().len() == tags.len();
        (tags.first() == Some(&Tag::Out) && distinct && tags.len() <= TagSet::MAX)
            .then_some(TagSet { tags })
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    pub fn tag(&self, index: usize) -> Tag {
        self.tags.get(index).copied().unwrap_or(Tag::Out)
    }

    pub fn index(&self, tag: Tag) -> Option<usize> {
        self.tags.iter().position(|t| *t == tag)
    }

    /// Tag indices for a sentence of `len` tokens with these entities; an entity whose tags are
    /// not in the set is left as `O`.
    pub fn encode(&self, entities: &[Entity], len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        for e in entities {
            let n = e.end.saturating_sub(e.start);
            let indices: Option<Vec<usize>> = (0..n)
                .map(|i| self.index(Tag::In(position(i, n), e.class)))
                .collect();
            if let (Some(indices), true) = (indices, e.end <= len) {
                for (slot, index) in out[e.start..e.end].iter_mut().zip(indices) {
                    *slot = index as u8;
                }
            }
        }
        out
    }

    /// The entities of a tag sequence. A valid sequence decodes exactly; in an invalid one an
    /// entity runs from a B or U (or a stray I or L) to where its class or position ends.
    pub fn decode(&self, tags: &[u8]) -> Vec<Entity> {
        let mut entities = Vec::new();
        let mut open: Option<(usize, Class)> = None;
        for (i, t) in tags.iter().enumerate() {
            let tag = self.tag(*t as usize);
            let (pos, class) = match tag {
                Tag::Out => {
                    if let Some((start, class)) = open.take() {
                        entities.push(Entity {
                            start,
                            end: i,
                            class,
                        });
                    }
                    continue;
                }
                Tag::In(pos, class) => (pos, class),
            };
            let continues = matches!(open, Some((_, c)) if c == class)
                && matches!(pos, Pos::Inside | Pos::Last);
            if !continues {
                if let Some((start, c)) = open.take() {
                    entities.push(Entity {
                        start,
                        end: i,
                        class: c,
                    });
                }
                open = Some((i, class));
            }
            if !pos.opens()
                && let Some((start, c)) = open.take()
            {
                entities.push(Entity {
                    start,
                    end: i + 1,
                    class: c,
                });
            }
        }
        if let Some((start, class)) = open {
            entities.push(Entity {
                start,
                end: tags.len(),
                class,
            });
        }
        entities
    }
}

/// The BILOU position of token `i` in an entity of `len` tokens.
fn position(i: usize, len: usize) -> Pos {
    match (i, len) {
        (_, 1) => Pos::Unit,
        (0, _) => Pos::Begin,
        (i, len) if i + 1 == len => Pos::Last,
        _ => Pos::Inside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Form, Kind};

    fn e(start: usize, end: usize, class: Class) -> Entity {
        Entity { start, end, class }
    }

    #[test]
    fn entities_round_trip_through_bilou() {
        let per = Class::name(Kind::Per);
        let deriv = Class::new(Kind::Loc, Form::Derived).unwrap();
        let entities = vec![e(0, 3, per), e(3, 4, per), e(5, 6, deriv)];
        let set = TagSet::from_entities([entities.as_slice()]);
        let names: Vec<String> = set.tags().iter().map(|t| t.name()).collect();
        assert_eq!(
            names,
            ["O", "B-PER", "I-PER", "L-PER", "U-PER", "U-LOCderiv"]
        );
        let tags = set.encode(&entities, 7);
        assert_eq!(set.decode(&tags), entities);
        let long_part = [e(0, 2, Class::new(Kind::Org, Form::Part).unwrap())];
        let only_base = TagSet::from_entities([long_part.as_slice()]);
        assert_eq!(only_base.len(), 1, "a two-word part adds no tags");
        assert_eq!(only_base.encode(&long_part, 2), vec![0, 0]);
        for t in set.tags() {
            assert_eq!(Tag::parse(&t.name()), Some(*t));
        }
    }

    #[test]
    fn transitions_follow_bilou() {
        let per = Class::name(Kind::Per);
        let loc = Class::name(Kind::Loc);
        let b = Tag::In(Pos::Begin, per);
        assert!(Tag::allows(None, b));
        assert!(!Tag::allows(None, Tag::In(Pos::Inside, per)));
        assert!(Tag::allows(Some(b), Tag::In(Pos::Last, per)));
        assert!(!Tag::allows(Some(b), Tag::In(Pos::Last, loc)));
        assert!(!Tag::allows(Some(b), Tag::Out));
        assert!(Tag::allows(
            Some(Tag::In(Pos::Unit, per)),
            Tag::In(Pos::Unit, per)
        ));
        assert!(!b.may_end());
    }
}

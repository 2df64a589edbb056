//! Entity classes and IOB labels as the corpora write them: `B-LOC`, `I-PERderiv`, `B-OTHpart`,
//! and their decoding into token spans (CoNLL-2003 rules, so IOB1 and IOB2 both decode).

use std::fmt;

use crate::document::{Form, Kind};

/// What a span names: a base kind with its form, `Name` (Libyen), `Derived` (libyschen) or
/// `Part` (Wagner-Söldner). Only these three forms occur in the corpora and in the models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Class {
    kind: Kind,
    form: Form,
}

impl Class {
    /// The twelve classes, base names first: PER, ORG, LOC, MISC, then the derived, then the parts.
    pub const ALL: [Class; 12] = {
        let forms = [Form::Name, Form::Derived, Form::Part];
        let mut all = [Class::name(Kind::Per); 12];
        let mut i = 0;
        while i < 12 {
            all[i] = Class {
                kind: Kind::ALL[i % 4],
                form: forms[i / 4],
            };
            i += 1;
        }
        all
    };

    /// A name of the kind.
    pub const fn name(kind: Kind) -> Class {
        Class {
            kind,
            form: Form::Name,
        }
    }

    /// A class, or `None` for a form that no corpus marks (descriptors, pronouns).
    pub fn new(kind: Kind, form: Form) -> Option<Class> {
        matches!(form, Form::Name | Form::Derived | Form::Part).then_some(Class { kind, form })
    }

    pub fn kind(self) -> Kind {
        self.kind
    }

    pub fn form(self) -> Form {
        self.form
    }

    /// True for the four base classes (form `Name`).
    pub fn is_base(self) -> bool {
        self.form == Form::Name
    }

    /// Position in [`Class::ALL`].
    pub fn index(self) -> usize {
        let form = match self.form {
            Form::Derived => 1,
            Form::Part => 2,
            _ => 0,
        };
        form * 4 + self.kind.index()
    }

    /// Parses `PER`, `LOCderiv`, `OTHpart`, `MISC` (`OTH` is MISC). `HumanProd` (HIPE's works
    /// of art, newspapers) is MISC too.
    pub fn parse(label: &str) -> Option<Class> {
        let (base, form) = if let Some(base) = label.strip_suffix("deriv") {
            (base, Form::Derived)
        } else if let Some(base) = label.strip_suffix("part") {
            (base, Form::Part)
        } else {
            (label, Form::Name)
        };
        let kind = match base {
            "HumanProd" => Kind::Misc,
            other => Kind::parse(other)?,
        };
        Some(Class { kind, form })
    }
}

impl fmt::Display for Class {
    /// `PER`, `LOCderiv`, `MISCpart`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())?;
        match self.form {
            Form::Derived => f.write_str("deriv"),
            Form::Part => f.write_str("part"),
            _ => Ok(()),
        }
    }
}

/// The position part of an IOB label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Iob {
    Begin,
    Inside,
    Outside,
}

/// A parsed IOB label: `O`, or a position with a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub iob: Iob,
    pub class: Option<Class>,
}

impl Label {
    pub const OUTSIDE: Label = Label {
        iob: Iob::Outside,
        class: None,
    };

    /// Parses `O`, `B-X`, `I-X` (also `E-X`/`L-X`/`S-X`/`U-X` read as B or I), for X a class
    /// [`Class::parse`] knows. `None` for anything else.
    pub fn parse(label: &str) -> Option<Label> {
        if label == "O" {
            return Some(Label::OUTSIDE);
        }
        let (prefix, class) = label.split_once('-')?;
        let iob = match prefix {
            "B" | "S" | "U" => Iob::Begin,
            "I" | "E" | "L" => Iob::Inside,
            _ => return None,
        };
        Some(Label {
            iob,
            class: Some(Class::parse(class)?),
        })
    }
}

/// A span of tokens `start..end` (exclusive) naming something of a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// Decodes labels into entities as conlleval does: a span starts at `B-`, or at `I-` after `O`
/// or after another class; so IOB1 (WikiGold) and IOB2 both decode, and a stray `I-` opens a span.
pub fn decode(labels: &[Label]) -> Vec<Entity> {
    let mut entities = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, label) in labels.iter().enumerate() {
        let continues = match (open, label.iob, label.class) {
            (Some((_, class)), Iob::Inside, Some(c)) => class == c,
            _ => false,
        };
        if continues {
            continue;
        }
        if let Some((start, class)) = open.take() {
            entities.push(Entity {
                start,
                end: i,
                class,
            });
        }
        if let (Iob::Begin | Iob::Inside, Some(class)) = (label.iob, label.class) {
            open = Some((i, class));
        }
    }
    if let Some((start, class)) = open {
        entities.push(Entity {
            start,
            end: labels.len(),
            class,
        });
    }
    entities
}

/// Writes IOB2 labels for `len` tokens holding the given non-overlapping entities.
pub fn encode_iob2(entities: &[Entity], len: usize) -> Vec<String> {
    let mut labels = vec!["O".to_string(); len];
    for e in entities {
        for (i, label) in labels
            .iter_mut()
            .enumerate()
            .take(e.end.min(len))
            .skip(e.start)
        {
            let prefix = if i == e.start { "B" } else { "I" };
            *label = format!("{prefix}-{}", e.class);
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(s: &str) -> Vec<Label> {
        s.split_whitespace()
            .map(|l| Label::parse(l).unwrap())
            .collect()
    }

    #[test]
    fn classes_parse_and_print_round_trip() {
        for class in Class::ALL {
            assert_eq!(Class::parse(&class.to_string()), Some(class));
            assert_eq!(Class::ALL[class.index()], class);
        }
        assert_eq!(
            Class::parse("OTHderiv"),
            Class::new(Kind::Misc, Form::Derived)
        );
        assert_eq!(Class::parse("HumanProd"), Some(Class::name(Kind::Misc)));
        assert_eq!(Class::parse("DATE"), None);
        assert_eq!(Label::parse("X-PER"), None);
        assert_eq!(Label::parse("B-"), None);
    }

    #[test]
    fn iob2_and_iob1_decode_alike() {
        let per = Class::name(Kind::Per);
        let loc = Class::name(Kind::Loc);
        let iob2 = decode(&labels("B-PER I-PER O B-LOC B-LOC I-PER"));
        assert_eq!(
            iob2,
            vec![
                Entity {
                    start: 0,
                    end: 2,
                    class: per
                },
                Entity {
                    start: 3,
                    end: 4,
                    class: loc
                },
                Entity {
                    start: 4,
                    end: 5,
                    class: loc
                },
                Entity {
                    start: 5,
                    end: 6,
                    class: per
                },
            ]
        );
        let iob1 = decode(&labels("I-PER I-PER O I-LOC B-LOC I-PER"));
        assert_eq!(iob1, iob2);
        let back: Vec<Label> = encode_iob2(&iob2, 6)
            .iter()
            .map(|l| Label::parse(l).unwrap())
            .collect();
        assert_eq!(decode(&back), iob2);
    }
}

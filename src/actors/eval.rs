//! Scoring actors against a gold castlist/1 document: B³ precision and recall over name
//! mentions (which mentions belong together), name-mention precision and recall (exact span and
//! kind) and canonical-name accuracy, with the linking errors spelt out.
//!
//! Name mentions are those of form name, derived and part; descriptors and pronouns are not
//! scored. B³ pairs a system mention with the gold mention of the same span; a mention without
//! such a twin counts as a singleton on the side that lacks it: a missed mention lowers B³
//! recall, a spurious one lowers B³ precision only when it was linked to others (mention
//! precision counts it in any case).

use std::collections::HashMap;

use crate::document::{Document, Form, Mention, Span};

/// True for the mentions the scores are about: names, derived forms and parts.
pub fn is_name(m: &Mention) -> bool {
    matches!(m.form, Form::Name | Form::Derived | Form::Part)
}

/// The gold document as input for linking alone: its text, blocks and name mentions, without
/// actors, descriptors or pronouns.
pub fn linking_input(gold: &Document) -> Document {
    Document {
        source: gold.source.clone(),
        lang: gold.lang.clone(),
        title: gold.title.clone(),
        text: gold.text.clone(),
        blocks: gold.blocks.clone(),
        actors: Vec::new(),
        mentions: gold
            .mentions
            .iter()
            .filter(|m| is_name(m))
            .map(|m| Mention { actor: None, ..*m })
            .collect(),
    }
}

/// A sum of per-mention values and their number: pools into a micro-average.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mean {
    pub sum: f64,
    pub count: usize,
}

impl Mean {
    /// The average; 1 when there is nothing to average (nothing to get wrong).
    pub fn value(self) -> f64 {
        if self.count == 0 {
            1.0
        } else {
            self.sum / self.count as f64
        }
    }

    fn add(&mut self, other: Mean) {
        self.sum += other.sum;
        self.count += other.count;
    }
}

/// Precision, recall and their harmonic mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// What went wrong in linking, for the reader of an evaluation.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// One gold actor spread over several system actors: `(system actor name, surfaces)` each.
    Split {
        gold: String,
        parts: Vec<(String, Vec<String>)>,
    },
    /// One system actor holding mentions of several gold actors.
    Merged { system: String, gold: Vec<String> },
    /// The system actor for a gold actor is named differently (`None`: no system actor).
    Name {
        gold: String,
        system: Option<String>,
    },
}

/// Scores of one or more documents (they add up by [`Score::add`]).
#[derive(Clone, Debug, Default)]
pub struct Score {
    pub b3_precision: Mean,
    pub b3_recall: Mean,
    /// Name mentions with the same span and kind in both.
    pub mentions_matched: usize,
    pub mentions_system: usize,
    pub mentions_gold: usize,
    /// Gold actors whose system actor has the gold canonical name.
    pub names_right: usize,
    pub names_total: usize,
    pub issues: Vec<Issue>,
}

impl Score {
    pub fn b3(&self) -> Prf {
        Prf::new(self.b3_precision.value(), self.b3_recall.value())
    }

    pub fn mentions(&self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        Prf::new(
            ratio(self.mentions_matched, self.mentions_system),
            ratio(self.mentions_matched, self.mentions_gold),
        )
    }

    pub fn add(&mut self, other: &Score) {
        self.b3_precision.add(other.b3_precision);
        self.b3_recall.add(other.b3_recall);
        self.mentions_matched += other.mentions_matched;
        self.mentions_system += other.mentions_system;
        self.mentions_gold += other.mentions_gold;
        self.names_right += other.names_right;
        self.names_total += other.names_total;
        self.issues.extend(other.issues.iter().cloned());
    }
}

/// The name mentions of a document with the cluster each belongs to: its actor, or a cluster of
/// its own when it has none.
struct Clustering {
    /// Span → (cluster, index into the document's mentions).
    by_span: HashMap<Span, (usize, usize)>,
    sizes: Vec<usize>,
    /// Cluster → actor index, where the cluster is an actor.
    actor: Vec<Option<usize>>,
}

impl Clustering {
    fn new(doc: &Document) -> Clustering {
        let mut sizes = vec![0; doc.actors.len()];
        let mut actor: Vec<Option<usize>> = (0..doc.actors.len()).map(Some).collect();
        let mut by_span = HashMap::new();
        for (i, m) in doc.mentions.iter().enumerate().filter(|(_, m)| is_name(m)) {
            let cluster = match m.actor {
                Some(a) => a.0,
                None => {
                    sizes.push(0);
                    actor.push(None);
                    sizes.len() - 1
                }
            };
            sizes[cluster] += 1;
            by_span.insert(m.span, (cluster, i));
        }
        Clustering {
            by_span,
            sizes,
            actor,
        }
    }

    fn name<'d>(&self, doc: &'d Document, cluster: usize) -> Option<&'d str> {
        self.actor[cluster].map(|a| doc.actors[a].name.as_str())
    }
}

/// Scores the system document against the gold one (same text).
pub fn score(gold: &Document, system: &Document) -> Score {
    let g = Clustering::new(gold);
    let s = Clustering::new(system);

    // Twinned mentions per (gold cluster, system cluster).
    let mut overlap: HashMap<(usize, usize), usize> = HashMap::new();
    for (span, &(gc, _)) in &g.by_span {
        if let Some(&(sc, _)) = s.by_span.get(span) {
            *overlap.entry((gc, sc)).or_default() += 1;
        }
    }

    let mut result = Score::default();
    for (span, &(gc, _)) in &g.by_span {
        let shared = s.by_span.get(span).map_or(1, |&(sc, _)| overlap[&(gc, sc)]);
        result.b3_recall.sum += shared as f64 / g.sizes[gc] as f64;
        result.b3_recall.count += 1;
    }
    for (span, &(sc, si)) in &s.by_span {
        let shared = g.by_span.get(span).map_or(1, |&(gc, _)| overlap[&(gc, sc)]);
        result.b3_precision.sum += shared as f64 / s.sizes[sc] as f64;
        result.b3_precision.count += 1;
        let same_kind = g
            .by_span
            .get(span)
            .is_some_and(|&(_, gi)| gold.mentions[gi].kind == system.mentions[si].kind);
        result.mentions_matched += usize::from(same_kind);
    }
    result.mentions_system = s.by_span.len();
    result.mentions_gold = g.by_span.len();

    names_and_issues(gold, system, &g, &s, &mut result);
    result
}

/// Canonical names, splits and merges, from the gold actors' point of view.
fn names_and_issues(
    gold: &Document,
    system: &Document,
    g: &Clustering,
    s: &Clustering,
    result: &mut Score,
) {
    // Gold actor → its twinned mentions grouped by system cluster, in text order.
    let mut groups: HashMap<usize, Vec<(usize, Vec<usize>)>> = HashMap::new();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut gold_spans: Vec<(&Span, &(usize, usize))> = g.by_span.iter().collect();
    gold_spans.sort_by_key(|(span, _)| span.start());
    for (span, &(gc, gi)) in gold_spans {
        let Some(&(sc, _)) = s.by_span.get(span) else {
            continue;
        };
        let list = groups.entry(gc).or_default();
        match list.iter_mut().find(|(c, _)| *c == sc) {
            Some((_, ms)) => ms.push(gi),
            None => list.push((sc, vec![gi])),
        }
        let golds = members.entry(sc).or_default();
        if !golds.contains(&gc) {
            golds.push(gc);
        }
    }

    for (a, actor) in gold.actors.iter().enumerate() {
        if g.sizes[a] == 0 {
            continue;
        }
        result.names_total += 1;
        let list = groups.get(&a).map(Vec::as_slice).unwrap_or(&[]);
        let best = list
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, ms))| (ms.len(), usize::MAX - i))
            .map(|(_, (sc, _))| *sc);
        let system_name = best.and_then(|sc| s.name(system, sc));
        if system_name == Some(actor.name.trim()) {
            result.names_right += 1;
        } else {
            result.issues.push(Issue::Name {
                gold: actor.name.clone(),
                system: system_name.map(str::to_string),
            });
        }
        if list.len() > 1 {
            let parts = list
                .iter()
                .map(|(sc, ms)| {
                    let name = s.name(system, *sc).unwrap_or("(no actor)").to_string();
                    let surfaces = ms
                        .iter()
                        .map(|&gi| gold.slice(gold.mentions[gi].span).to_string())
                        .collect();
                    (name, surfaces)
                })
                .collect();
            result.issues.push(Issue::Split {
                gold: actor.name.clone(),
                parts,
            });
        }
    }
    let mut merged: Vec<(usize, Vec<usize>)> =
        members.into_iter().filter(|(_, gs)| gs.len() > 1).collect();
    merged.sort();
    for (sc, gcs) in merged {
        result.issues.push(Issue::Merged {
            system: s.name(system, sc).unwrap_or("(no actor)").to_string(),
            gold: gcs
                .iter()
                .map(|&gc| g.name(gold, gc).unwrap_or("(no actor)").to_string())
                .collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Actor, ActorIdx, Kind, Origin};

    fn doc(text: &str, actors: &[&str], mentions: &[(&str, Option<usize>)]) -> Document {
        let mut from = 0;
        let mentions = mentions
            .iter()
            .map(|(surface, actor)| {
                let start = from + text[from..].find(surface).expect("surface in text");
                from = start + surface.len();
                Mention {
                    span: Span::new(start, from),
                    kind: Kind::Per,
                    form: Form::Name,
                    actor: actor.map(ActorIdx),
                    origin: Origin::User,
                }
            })
            .collect();
        Document {
            text: text.to_string(),
            actors: actors
                .iter()
                .enumerate()
                .map(|(i, name)| Actor {
                    id: format!("a{}", i + 1),
                    name: name.to_string(),
                    kind: Kind::Per,
                    salience: 0.0,
                    aliases: Vec::new(),
                })
                .collect(),
            mentions,
            ..Document::default()
        }
    }

    const TEXT: &str = "Anna Berg met Carl Dorn. Berg said Dorn left. Dorn agreed.";

    fn gold() -> Document {
        doc(
            TEXT,
            &["Anna Berg", "Carl Dorn"],
            &[
                ("Anna Berg", Some(0)),
                ("Carl Dorn", Some(1)),
                ("Berg", Some(0)),
                ("Dorn", Some(1)),
                ("Dorn", Some(1)),
            ],
        )
    }

    #[test]
    fn identical_clusterings_score_one() {
        let s = score(&gold(), &gold());
        assert_eq!(s.b3(), Prf::new(1.0, 1.0));
        assert_eq!(s.mentions().f1, 1.0);
        assert_eq!((s.names_right, s.names_total), (2, 2));
        assert!(s.issues.is_empty());
    }

    #[test]
    fn a_split_lowers_recall_and_a_merge_lowers_precision() {
        // Dorn split in two: {Carl Dorn, Dorn} and {Dorn}.
        let split = doc(
            TEXT,
            &["Anna Berg", "Carl Dorn", "Dorn"],
            &[
                ("Anna Berg", Some(0)),
                ("Carl Dorn", Some(1)),
                ("Berg", Some(0)),
                ("Dorn", Some(1)),
                ("Dorn", Some(2)),
            ],
        );
        let s = score(&gold(), &split);
        assert_eq!(s.b3().precision, 1.0);
        // Recall: Berg's two mentions 1 each; Dorn's three 2/3, 2/3, 1/3.
        assert!((s.b3().recall - (2.0 + 5.0 / 3.0) / 5.0).abs() < 1e-9);
        assert!(matches!(&s.issues[..], [Issue::Split { gold, .. }] if gold == "Carl Dorn"));

        let merged = doc(
            TEXT,
            &["Anna Berg"],
            &[
                ("Anna Berg", Some(0)),
                ("Carl Dorn", Some(0)),
                ("Berg", Some(0)),
                ("Dorn", Some(0)),
                ("Dorn", Some(0)),
            ],
        );
        let s = score(&gold(), &merged);
        assert_eq!(s.b3().recall, 1.0);
        assert!((s.b3().precision - (2.0 * 2.0 / 5.0 + 3.0 * 3.0 / 5.0) / 5.0).abs() < 1e-9);
        assert!(s.issues.iter().any(|i| matches!(i, Issue::Merged { .. })));
        assert!(s.issues.iter().any(|i| matches!(
            i,
            Issue::Name { gold, system: Some(sys) } if gold == "Carl Dorn" && sys == "Anna Berg"
        )));
    }

    #[test]
    fn missed_and_spurious_mentions_count_against_recall_and_precision() {
        let system = doc(
            TEXT,
            &["Anna Berg", "Carl Dorn"],
            &[
                ("Anna Berg", Some(0)),
                ("met", None),
                ("Carl Dorn", Some(1)),
                ("Berg", Some(0)),
                ("Dorn", Some(1)),
            ],
        );
        let s = score(&gold(), &system);
        assert_eq!(
            (s.mentions_matched, s.mentions_system, s.mentions_gold),
            (4, 5, 5)
        );
        assert!(s.b3().recall < 1.0, "the last Dorn is missing");
        assert_eq!(s.mentions().precision, 0.8);
    }

    #[test]
    fn linking_input_keeps_only_unlinked_name_mentions() {
        let mut g = gold();
        g.mentions.push(Mention {
            span: Span::new(TEXT.len() - 7, TEXT.len() - 1),
            kind: Kind::Per,
            form: Form::Descriptor,
            actor: Some(ActorIdx(1)),
            origin: Origin::User,
        });
        let input = linking_input(&g);
        assert_eq!(input.mentions.len(), 5);
        assert!(input.actors.is_empty());
        assert!(input.mentions.iter().all(|m| m.actor.is_none()));
    }
}

//! CoNLL-2003 scoring: exact span and class matches, precision, recall and F1 per class and
//! micro-averaged over all entities.

use std::collections::BTreeMap;
use std::fmt;

use super::{Class, Entity};

/// True positives, false positives and false negatives of one class (or all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Which classes a score counts, and how: a view maps each class to the class it is scored as,
/// or drops it (to O) on both the gold and the predicted side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// All twelve classes as they are.
    All,
    /// The four base classes; derived and part spans count as O (GermEval's outer, base view).
    Base,
    /// Base PER, ORG and LOC only: MISC counts as O too (Universal NER has no MISC).
    NoMisc,
}

impl View {
    pub fn keep(self, class: Class) -> bool {
        match self {
            View::All => true,
            View::Base => class.is_base(),
            View::NoMisc => class.is_base() && class.kind() != crate::document::Kind::Misc,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            View::All => "all classes",
            View::Base => "base classes (derived and part count as O)",
            View::NoMisc => "PER, ORG, LOC (MISC, derived and part count as O)",
        }
    }
}

/// Accumulates counts per class over sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    view: View,
    per_class: BTreeMap<Class, Counts>,
}

impl Score {
    pub fn new(view: View) -> Score {
        Score {
            view,
            per_class: BTreeMap::new(),
        }
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Adds one sentence: gold and predicted entities (each sorted or not, non-overlapping).
    pub fn add(&mut self, gold: &[Entity], predicted: &[Entity]) {
        let keep = |e: &&Entity| self.view.keep(e.class);
        let gold: Vec<&Entity> = gold.iter().filter(keep).collect();
        let predicted: Vec<&Entity> = predicted.iter().filter(keep).collect();
        for p in &predicted {
            let counts = self.per_class.entry(p.class).or_default();
            if gold.contains(p) {
                counts.tp += 1;
            } else {
                counts.fp += 1;
            }
        }
        for g in &gold {
            if !predicted.contains(g) {
                self.per_class.entry(g.class).or_default().fn_ += 1;
            }
        }
    }

    /// Counts per class that occurred on either side, in class order.
    pub fn classes(&self) -> impl Iterator<Item = (Class, Counts)> + '_ {
        self.per_class.iter().map(|(c, n)| (*c, *n))
    }

    /// Micro-averaged counts over all classes.
    pub fn overall(&self) -> Counts {
        let mut all = Counts::default();
        for counts in self.per_class.values() {
            all.add(*counts);
        }
        all
    }
}

impl fmt::Display for Score {
    /// A table: one row per class, then the overall micro-average.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "class", "gold", "predicted", "P", "R", "F1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: Counts| {
            writeln!(
                f,
                "{:<10} {:>9} {:>9} {:>7.2} {:>7.2} {:>7.2}",
                name,
                c.tp + c.fn_,
                c.tp + c.fp,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1()
            )
        };
        for (class, counts) in self.classes() {
            row(f, &class.to_string(), counts)?;
        }
        row(f, "overall", self.overall())
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
    fn exact_span_and_class_count() {
        let per = Class::name(Kind::Per);
        let loc = Class::name(Kind::Loc);
        let deriv = Class::new(Kind::Loc, Form::Derived).unwrap();
        let gold = [e(0, 2, per), e(3, 4, loc), e(5, 6, deriv)];
        let predicted = [e(0, 1, per), e(3, 4, loc), e(5, 6, deriv), e(7, 8, loc)];
        let mut all = Score::new(View::All);
        all.add(&gold, &predicted);
        assert_eq!(
            all.overall(),
            Counts {
                tp: 2,
                fp: 2,
                fn_: 1
            }
        );
        let mut base = Score::new(View::Base);
        base.add(&gold, &predicted);
        assert_eq!(
            base.overall(),
            Counts {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
        assert!((base.overall().f1() - 0.4).abs() < 1e-9);
        let table = base.to_string();
        assert!(table.contains("overall"), "{table}");
        assert!(!table.contains("LOCderiv"), "{table}");
    }

    #[test]
    fn misc_is_dropped_on_both_sides_without_misc() {
        let misc = Class::name(Kind::Misc);
        let mut score = Score::new(View::NoMisc);
        score.add(&[], &[e(0, 1, misc)]);
        assert_eq!(score.overall(), Counts::default());
        assert_eq!(score.overall().f1(), 0.0);
    }
}

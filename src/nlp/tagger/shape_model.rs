//! How much a word looks like a person's name or a place name rather than a common noun,
//! judged by its letter trigrams: naive-Bayes log odds learnt from the word lists (tens of
//! thousands of names and nouns, far more than the training corpora hold), stored in the model
//! as a hashed table of trigram → quantised log odds. Unknown surnames (Bruchhagen,
//! Blaszkiewitz) and places (Kumpula) are recognised by their make-up.

use std::collections::HashMap;

use super::hash::{self, Table};
use crate::lexicon::wordlists::{Category, Entry};

/// Log odds are stored in steps of this many nats, as signed bytes.
const STEP: f32 = 0.25;

/// Trigram log odds: person vs. noun (high byte) and place vs. noun (low byte).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameLikeness {
    table: Table,
}

/// The two judgements for a word, in nats.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Odds {
    pub person: f32,
    pub place: f32,
}

fn class(cat: Category) -> Option<usize> {
    match cat {
        Category::GivenName | Category::NamePart | Category::PersonName => Some(0),
        Category::City
        | Category::Admin
        | Category::Country
        | Category::Region
        | Category::Toponym => Some(1),
        Category::CommonNoun => Some(2),
        _ => None,
    }
}

/// Calls `f` with the hash of each letter trigram of the lower-cased word, padded with
/// boundary marks.
fn trigrams(lower: &str, mut f: impl FnMut(u64)) {
    let mut chars = std::iter::once('^')
        .chain(lower.chars())
        .chain(std::iter::once('$'));
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else {
        return;
    };
    for c in chars {
        let h = [a, b, c]
            .iter()
            .fold(0x7f4a_7c15u64, |h, c| hash::mix(h, *c as u64));
        f(hash::finish(h));
        (a, b) = (b, c);
    }
}

impl NameLikeness {
    /// Learns the log odds from single-word entries of the lists. Without common nouns (the
    /// English lists), names are judged against the other name class only.
    pub fn learn(entries: &[Entry]) -> NameLikeness {
        let mut counts: HashMap<u64, [u32; 3]> = HashMap::new();
        let mut totals = [0u64; 3];
        for (cat, phrase) in entries {
            let Some(c) = class(*cat) else { continue };
            if phrase.contains(' ') {
                continue;
            }
            trigrams(&phrase.to_lowercase(), |g| {
                counts.entry(g).or_default()[c] += 1;
                totals[c] += 1;
            });
        }
        if totals[0] == 0 || totals[1] == 0 {
            return NameLikeness::default();
        }
        let vocab = counts.len() as f64;
        // Without nouns, each name class is judged against the other.
        let has_nouns = totals[2] > 0;
        let logp = |count: u32, c: usize| {
            ((f64::from(count) + 0.5) / (totals[c] as f64 + 0.5 * vocab)).ln()
        };
        let quantise = |x: f64| ((x as f32 / STEP).round().clamp(-127.0, 127.0) as i8) as u8;
        let entries = counts.iter().map(|(g, n)| {
            let (person, place) = if has_nouns {
                (logp(n[0], 0) - logp(n[2], 2), logp(n[1], 1) - logp(n[2], 2))
            } else {
                let d = logp(n[0], 0) - logp(n[1], 1);
                (d, -d)
            };
            (
                *g,
                u16::from(quantise(person)) << 8 | u16::from(quantise(place)),
            )
        });
        NameLikeness {
            table: Table::build(entries),
        }
    }

    pub fn from_table(table: Table) -> NameLikeness {
        NameLikeness { table }
    }

    pub fn table(&self) -> &Table {
        &self.table
    }

    /// Summed log odds of the word's trigrams (unknown trigrams count zero).
    pub fn odds(&self, lower: &str) -> Odds {
        let mut odds = Odds::default();
        if self.table.is_empty() {
            return odds;
        }
        trigrams(lower, |g| {
            if let Some(v) = self.table.get(g) {
                odds.person += f32::from((v >> 8) as u8 as i8) * STEP;
                odds.place += f32::from(v as u8 as i8) * STEP;
            }
        });
        odds
    }

    /// A coarse bin of log odds, for features: 0 (very unlike) to 7 (very like).
    pub fn bin(x: f32) -> u64 {
        [-8.0, -4.0, -2.0, 0.0, 2.0, 4.0, 8.0]
            .iter()
            .filter(|t| x > **t)
            .count() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_look_like_names_and_nouns_like_nouns() {
        let mut entries: Vec<Entry> = Vec::new();
        for n in [
            "Bruchmann",
            "Hagemann",
            "Kowalski",
            "Nowitzki",
            "Hansen",
            "Petersen",
            "Lewandowski",
        ] {
            entries.push((Category::NamePart, n.to_string()));
        }
        for n in [
            "Hamburg",
            "Bruchhausen",
            "Freiburg",
            "Oberhausen",
            "Kumpula",
            "Helsinki",
        ] {
            entries.push((Category::City, n.to_string()));
        }
        for n in [
            "Gespräch",
            "Streitkraft",
            "Versammlung",
            "Erklärung",
            "Regierung",
            "Sturzflut",
            "Verhandlung",
        ] {
            entries.push((Category::CommonNoun, n.to_string()));
        }
        let m = NameLikeness::learn(&entries);
        let name = m.odds("blaszkowski");
        let noun = m.odds("verwaltung");
        assert!(name.person > noun.person, "{name:?} {noun:?}");
        assert!(m.odds("augsburg").place > noun.place);
        assert!(NameLikeness::bin(10.0) > NameLikeness::bin(-10.0));
        assert_eq!(NameLikeness::default().odds("x"), Odds::default());
    }
}

//! Word statistics from a large unlabelled corpus (spaCy's lexeme lookups, see
//! assets/models/README.md): the Brown cluster of a word as written and how probable it is,
//! stored in the model as a packed hashed table (case-sensitive word → cluster number and
//! log-probability step) plus the list of cluster paths, so nothing is parsed when tagging.

use std::collections::BTreeMap;

use super::hash::{self, PackedTable};

/// Log probabilities are stored in steps of half a nat (1 = most probable, 63 = least); 0
/// means the word is not in the table.
const STEPS_PER_NAT: f32 = 2.0;
const LOGP_BITS: u16 = 6;
const LOGP_MASK: u16 = (1 << LOGP_BITS) - 1;
/// Most clusters a table can number (10 bits of the value; 0 is "no cluster").
pub const MAX_CLUSTERS: usize = (1 << (16 - LOGP_BITS)) - 1;

/// Words as written (by their hash) with their cluster number and log-probability step, and
/// the Brown-tree path of each cluster number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexemes {
    table: PackedTable,
    /// `paths[k - 1]` is the path of cluster number `k`, first step in the lowest bit (spaCy's
    /// encoding; a path's trailing zeros are not stored, which keeps leaves apart because no
    /// leaf is a prefix of another).
    paths: Vec<u32>,
}

/// What the table knows about a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lexeme {
    /// The cluster path (first step in bit 0), 0 when the word has no cluster.
    pub path: u32,
    /// Log probability in half-nat steps below zero (1 most probable), 0 if unknown.
    pub logp: u8,
}

/// A line of a lexeme file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum LexemeError {
    #[error(
        "line {line}: expected `word<TAB>cluster<TAB>log probability`, found {found:?} \
         (the file comes from assets/models/fetch_spacy_lookups.sh)"
    )]
    Line { line: usize, found: String },
    #[error("{0} different clusters, more than the {MAX_CLUSTERS} a model can hold")]
    TooManyClusters(usize),
}

impl Lexemes {
    /// Reads `word<TAB>cluster<TAB>log probability` lines and keeps the `top` most probable
    /// words (ties broken by the word, so the result does not depend on the order of lines).
    pub fn parse(text: &str, top: usize) -> Result<Lexemes, LexemeError> {
        let mut words: Vec<(&str, u32, f32)> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let parsed = match (fields.next(), fields.next(), fields.next(), fields.next()) {
                (Some(w), Some(c), Some(p), None) if !w.is_empty() => c
                    .parse::<u32>()
                    .ok()
                    .zip(p.parse::<f32>().ok())
                    .map(|x| (w, x)),
                _ => None,
            };
            let Some((word, (cluster, logp))) = parsed.filter(|(_, (_, p))| p.is_finite()) else {
                return Err(LexemeError::Line {
                    line: i + 1,
                    found: line.chars().take(80).collect(),
                });
            };
            words.push((word, cluster, logp));
        }
        words.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)));
        words.truncate(top);
        let numbers: BTreeMap<u32, u16> = words
            .iter()
            .filter(|w| w.1 != 0)
            .map(|w| (w.1, 0))
            .collect::<BTreeMap<_, _>>()
            .into_keys()
            .zip(1..)
            .collect();
        if numbers.len() > MAX_CLUSTERS {
            return Err(LexemeError::TooManyClusters(numbers.len()));
        }
        let entries = words.iter().map(|(word, cluster, logp)| {
            let number = numbers.get(cluster).copied().unwrap_or(0);
            // The more probable of two words with one hash keeps it.
            (hash::str(word), (number << LOGP_BITS) | logp_step(*logp))
        });
        Ok(Lexemes {
            table: PackedTable::build(entries),
            paths: numbers.into_keys().collect(),
        })
    }

    /// The lexemes from their stored parts. A cluster number without a path (which a damaged
    /// file could hold) reads as no cluster.
    pub fn from_parts(table: PackedTable, paths: Vec<u32>) -> Lexemes {
        Lexemes { table, paths }
    }

    pub fn table(&self) -> &PackedTable {
        &self.table
    }

    pub fn paths(&self) -> &[u32] {
        &self.paths
    }

    /// What is known about a word as written, by its hash ([`hash::str`]).
    #[inline]
    pub fn get(&self, word: u64) -> Lexeme {
        let Some(value) = self.table.get(word) else {
            return Lexeme::default();
        };
        let number = usize::from(value >> LOGP_BITS);
        Lexeme {
            path: number
                .checked_sub(1)
                .and_then(|k| self.paths.get(k))
                .copied()
                .unwrap_or(0),
            logp: (value & LOGP_MASK) as u8,
        }
    }

    /// The first `depth` steps of a cluster path.
    #[inline]
    pub fn prefix(path: u32, depth: u32) -> u32 {
        if depth >= 32 {
            path
        } else {
            path & ((1 << depth) - 1)
        }
    }
}

/// A log probability as a step of half a nat, 1 to 63.
fn logp_step(logp: f32) -> u16 {
    ((-logp * STEPS_PER_NAT).floor().max(0.0) as u16 + 1).min(LOGP_MASK)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "und\t26\t-3.6733\nPutin\t40\t-12.3110\nMoskau\t208\t-11.2737\n\
                        putin\t40\t-16.6783\nxyzzy\t0\t-19.9000\n";

    #[test]
    fn words_keep_their_cluster_and_probability_by_case() {
        let lx = Lexemes::parse(FILE, 10).expect("parses");
        let putin = lx.get(hash::str("Putin"));
        let lower = lx.get(hash::str("putin"));
        assert_eq!(putin.path, 40);
        assert_eq!(lower.path, 40);
        assert!(putin.logp < lower.logp, "Putin is more probable than putin");
        assert_eq!(lx.get(hash::str("Moskau")).path, 208);
        let unclustered = lx.get(hash::str("xyzzy"));
        assert_eq!((unclustered.path, unclustered.logp > 0), (0, true));
        assert_eq!(lx.get(hash::str("Merkel")), Lexeme::default());
        // 40 = 0b101000: the path starts 0, 0, 0, 1.
        assert_eq!(Lexemes::prefix(40, 4), 8);
        assert_eq!(Lexemes::prefix(208, 4), 0);
        let copy = Lexemes::from_parts(lx.table().clone(), lx.paths().to_vec());
        assert_eq!(copy, lx);
        let pathless = Lexemes::from_parts(lx.table().clone(), Vec::new());
        assert_eq!(pathless.get(hash::str("Putin")).path, 0);
    }

    #[test]
    fn only_the_most_probable_words_are_kept_whatever_the_order() {
        let reversed: String = FILE.lines().rev().map(|l| format!("{l}\n")).collect();
        let a = Lexemes::parse(FILE, 2).expect("parses");
        assert_eq!(a, Lexemes::parse(&reversed, 2).expect("parses"));
        assert_eq!(a.table().len(), 2);
        assert_eq!(a.get(hash::str("Putin")).path, 0, "third most probable");
        assert_eq!(a.get(hash::str("Moskau")).path, 208);
        assert!(a.get(hash::str("und")).logp > 0);
    }

    #[test]
    fn bad_lines_name_their_number() {
        let err = Lexemes::parse("und\t26\t-3.6\nPutin\tforty\t-12\n", 10).unwrap_err();
        assert!(err.to_string().starts_with("line 2:"), "{err}");
        assert!(Lexemes::parse("a\t1\n", 10).is_err());
        assert!(Lexemes::parse("a\t1\tNaN\n", 10).is_err());
    }
}

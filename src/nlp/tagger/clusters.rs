//! Word clusters: a binary tree over the vocabulary of unlabelled text, each word identified by
//! its path from the root, so that path prefixes give coarser or finer word classes (as Brown
//! clusters do). Stored in the model as a hashed table from lower-cased word to path.

use super::hash::Table;

const PATH_MASK: u16 = (1 << 13) - 1;
const CASING_SHIFT: u16 = 13;

/// How often a word is capitalised where it is not the first of its sentence: 1 never,
/// 2 rarely (under a quarter), 3 mixed, 4 mostly (over three quarters), 5 always.
fn casing(capitalised: usize, inside: usize) -> u16 {
    if inside == 0 {
        return 0;
    }
    match (capitalised * 4) / inside {
        _ if capitalised == 0 => 1,
        _ if capitalised == inside => 5,
        0 => 2,
        3 | 4 => 4,
        _ => 3,
    }
}

/// Lower-cased words (by their hash) with what unlabelled text tells about them: the cluster
/// path (its bits below a leading 1 bit that marks its length, in the low 13 bits) and how the
/// word is usually written inside a sentence (a [`Casing`] class in the top 3 bits); 0 when the
/// word is unknown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clusters {
    table: Table,
}

impl Clusters {
    /// Longest path.
    pub const MAX_DEPTH: u32 = 12;

    pub fn from_table(table: Table) -> Clusters {
        Clusters { table }
    }

    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The cluster path of a word, 0 if unknown.
    #[inline]
    pub fn get(&self, word: u64) -> u32 {
        u32::from(self.table.get(word).unwrap_or(0) & PATH_MASK)
    }

    /// How the word is written inside sentences in the unlabelled text, 0 if unknown.
    #[inline]
    pub fn casing(&self, word: u64) -> u32 {
        u32::from(self.table.get(word).unwrap_or(0) >> CASING_SHIFT)
    }

    /// The first `depth` steps of a path (the whole path if it is shorter).
    #[inline]
    pub fn prefix(path: u32, depth: u32) -> u64 {
        let len = 31u32.saturating_sub(path.leading_zeros());
        if len <= depth {
            u64::from(path)
        } else {
            u64::from(path >> (len - depth))
        }
    }
}

/// How clusters are induced.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Words seen fewer times get no cluster.
    pub min_count: usize,
    /// Most frequent words used as left and right context.
    pub contexts: usize,
    /// Depth of the tree (at most [`Clusters::MAX_DEPTH`]).
    pub depth: u32,
    /// Rounds of 2-means per split.
    pub rounds: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            min_count: 3,
            contexts: 300,
            depth: 12,
            rounds: 6,
        }
    }
}

/// Induces word clusters from unlabelled sentences: every word of the vocabulary becomes a
/// vector of positive pointwise mutual information with its left and right neighbours among the
/// most frequent words, and the vocabulary is split in two again and again by spherical 2-means
/// (deterministically seeded by the most frequent word and the one least like it).
pub fn induce(sentences: &[&[String]], settings: &Settings) -> Clusters {
    use std::collections::HashMap;
    let lower: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.iter().map(|t| t.to_lowercase()).collect())
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    // (capitalised, all) occurrences after the first token of a sentence.
    let mut cased: HashMap<&str, (usize, usize)> = HashMap::new();
    for (s, original) in lower.iter().zip(sentences) {
        for (i, (t, o)) in s.iter().zip(original.iter()).enumerate() {
            *counts.entry(t.as_str()).or_default() += 1;
            if i > 0 && o.chars().next().is_some_and(char::is_alphabetic) {
                let c = cased.entry(t.as_str()).or_default();
                c.0 += usize::from(o.chars().next().is_some_and(char::is_uppercase));
                c.1 += 1;
            }
        }
    }
    let mut vocab: Vec<(&str, usize)> = counts
        .iter()
        .filter(|(_, c)| **c >= settings.min_count)
        .map(|(w, c)| (*w, *c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if vocab.len() < 2 {
        return Clusters::default();
    }
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let k = settings.contexts.min(vocab.len());
    // Context ids: 0..k frequent words, k for any other word or the sentence boundary.
    let dims = 2 * (k + 1);
    let mut vectors = vec![0.0f32; vocab.len() * dims];
    let ctx = |w: Option<&String>| -> usize {
        w.and_then(|w| index.get(w.as_str()))
            .copied()
            .filter(|i| *i < k)
            .unwrap_or(k)
    };
    for s in &lower {
        for (i, t) in s.iter().enumerate() {
            let Some(&v) = index.get(t.as_str()) else {
                continue;
            };
            let left = ctx(i.checked_sub(1).and_then(|j| s.get(j)));
            let right = ctx(s.get(i + 1));
            vectors[v * dims + left] += 1.0;
            vectors[v * dims + k + 1 + right] += 1.0;
        }
    }
    // Positive PMI, then unit length.
    let mut column = vec![0.0f32; dims];
    for row in vectors.chunks_exact(dims) {
        for (c, x) in column.iter_mut().zip(row) {
            *c += x;
        }
    }
    let total: f32 = column.iter().sum::<f32>() / 2.0;
    for (v, row) in vectors.chunks_exact_mut(dims).enumerate() {
        let count = vocab[v].1 as f32;
        for (x, c) in row.iter_mut().zip(&column) {
            if *x > 0.0 {
                *x = (*x * total / (count * c)).ln().max(0.0);
            }
        }
        normalise(row);
    }
    let mut paths = vec![1u32; vocab.len()];
    let depth = settings.depth.min(Clusters::MAX_DEPTH);
    let mut groups: Vec<Vec<usize>> = vec![(0..vocab.len()).collect()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for group in groups {
            if group.len() < 2 {
                next.push(group);
                continue;
            }
            let (left, right) = split(&group, &vectors, dims, settings.rounds);
            for &w in &left {
                paths[w] <<= 1;
            }
            for &w in &right {
                paths[w] = (paths[w] << 1) | 1;
            }
            next.push(left);
            next.push(right);
        }
        groups = next;
    }
    let entries = vocab.iter().zip(&paths).map(|((w, _), p)| {
        let (capitalised, inside) = cased.get(w).copied().unwrap_or_default();
        let value = (*p as u16 & PATH_MASK) | (casing(capitalised, inside) << CASING_SHIFT);
        (super::gazetteer::word_hash(w), value)
    });
    Clusters::from_table(Table::build(entries))
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in v {
            *x /= norm;
        }
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Splits a group of words (indices, most frequent first) in two by spherical 2-means. A
/// degenerate split (one side empty) falls back to halving the group.
fn split(group: &[usize], vectors: &[f32], dims: usize, rounds: usize) -> (Vec<usize>, Vec<usize>) {
    let row = |w: usize| &vectors[w * dims..(w + 1) * dims];
    let first = group[0];
    let far = group
        .iter()
        .copied()
        .min_by(|a, b| {
            dot(row(*a), row(first))
                .partial_cmp(&dot(row(*b), row(first)))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(first);
    let mut centres = [row(first).to_vec(), row(far).to_vec()];
    let mut side = vec![false; group.len()];
    for _ in 0..rounds.max(1) {
        for (s, &w) in side.iter_mut().zip(group) {
            *s = dot(row(w), &centres[1]) > dot(row(w), &centres[0]);
        }
        for (c, centre) in centres.iter_mut().enumerate() {
            centre.iter_mut().for_each(|x| *x = 0.0);
            for (s, &w) in side.iter().zip(group) {
                if usize::from(*s) == c {
                    for (x, y) in centre.iter_mut().zip(row(w)) {
                        *x += y;
                    }
                }
            }
            normalise(centre);
        }
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (s, &w) in side.iter().zip(group) {
        if *s { right.push(w) } else { left.push(w) }
    }
    if left.is_empty() || right.is_empty() {
        let mid = group.len() / 2;
        return (group[..mid].to_vec(), group[mid..].to_vec());
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tagger::gazetteer::word_hash;

    #[test]
    fn words_in_like_contexts_share_long_prefixes() {
        let text = "in Berlin wohnt er . in Paris wohnt er . in Rom wohnt sie . \
                    Anna sagt das . Peter sagt das . Maria sagt es .";
        let sentences: Vec<Vec<String>> = text
            .split(" . ")
            .map(|s| s.split(' ').map(str::to_string).collect())
            .collect();
        let refs: Vec<&[String]> = sentences.iter().map(Vec::as_slice).collect();
        let settings = Settings {
            min_count: 1,
            contexts: 10,
            depth: 4,
            rounds: 4,
        };
        let c = induce(&refs, &settings);
        let path = |w: &str| c.get(word_hash(w));
        let shared = |a: &str, b: &str| {
            let (pa, pb) = (path(a), path(b));
            (1..=4)
                .take_while(|d| Clusters::prefix(pa, *d) == Clusters::prefix(pb, *d))
                .count()
        };
        assert!(path("berlin") != 0 && path("anna") != 0);
        assert!(shared("berlin", "paris") > shared("berlin", "anna"));
        assert_eq!(induce(&refs, &settings), c, "deterministic");
    }
}

//! First-order Viterbi decoding over BILOU tags. Transitions that BILOU forbids carry a score
//! so low that no valid path can lose to them, and a valid path (all `O`) always exists, so the
//! best path is always a valid tag sequence.

use super::tags::{Tag, TagSet};

/// Score given to forbidden transitions: far below any sum of real weights, but finite, so
/// that sums never become NaN.
pub const FORBIDDEN: f32 = -1.0e30;

/// Transition scores: `from[p * n + q]` for tag `q` after tag `p`, row `n` for the sentence
/// start; `end[q]` for a sentence ending after `q`. Forbidden moves hold [`FORBIDDEN`].
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    n: usize,
    pub from: Vec<f32>,
    pub end: Vec<f32>,
    /// `from` transposed and padded: row `q` holds the scores of every tag before `q`, with
    /// [`LANES`]-aligned length, so that the decoder reads it as contiguous lanes.
    into: Vec<f32>,
    /// Row length of `into`: `n` rounded up to a multiple of [`LANES`].
    stride: usize,
}

impl Transitions {
    /// Zero scores for allowed moves, [`FORBIDDEN`] for the others.
    pub fn new(tags: &TagSet) -> Transitions {
        let n = tags.len();
        let mut from = vec![0.0; (n + 1) * n];
        for p in 0..=n {
            let prev = (p < n).then(|| tags.tag(p));
            for q in 0..n {
                if !Tag::allows(prev, tags.tag(q)) {
                    from[p * n + q] = FORBIDDEN;
                }
            }
        }
        let end = (0..n)
            .map(|q| {
                if tags.tag(q).may_end() {
                    0.0
                } else {
                    FORBIDDEN
                }
            })
            .collect();
        let mut t = Transitions {
            n,
            from,
            end,
            into: Vec::new(),
            stride: n.div_ceil(LANES) * LANES,
        };
        t.transpose();
        t
    }

    fn transpose(&mut self) {
        let (n, stride) = (self.n, self.stride);
        self.into = vec![FORBIDDEN; n * stride];
        for q in 0..n {
            for p in 0..n {
                self.into[q * stride + p] = self.from[p * n + q];
            }
        }
    }

    /// Adds learned scores (same layout) to the allowed moves; forbidden ones stay forbidden.
    pub fn with_scores(tags: &TagSet, from: &[f32], end: &[f32]) -> Transitions {
        let mut t = Transitions::new(tags);
        for (slot, s) in t.from.iter_mut().zip(from) {
            if *slot != FORBIDDEN {
                *slot = *s;
            }
        }
        for (slot, s) in t.end.iter_mut().zip(end) {
            if *slot != FORBIDDEN {
                *slot = *s;
            }
        }
        t.transpose();
        t
    }

    pub fn tags(&self) -> usize {
        self.n
    }

    #[inline]
    pub fn score(&self, prev: Option<usize>, next: usize) -> f32 {
        self.from[prev.unwrap_or(self.n) * self.n + next]
    }
}

/// Width of the independent accumulators in the decoder's inner loop (the compiler turns
/// them into vector instructions).
const LANES: usize = 8;

/// The best of `prev[p] + row[p]` over all `p` (both padded to a multiple of [`LANES`]).
#[inline]
fn best_into(prev: &[f32], row: &[f32]) -> f32 {
    let mut lanes = [f32::NEG_INFINITY; LANES];
    for (a, b) in prev.chunks_exact(LANES).zip(row.chunks_exact(LANES)) {
        for k in 0..LANES {
            let s = a[k] + b[k];
            lanes[k] = if s > lanes[k] { s } else { lanes[k] };
        }
    }
    lanes
        .iter()
        .fold(f32::NEG_INFINITY, |m, x| if *x > m { *x } else { m })
}

/// Reusable buffers for decoding.
#[derive(Clone, Debug, Default)]
pub struct Decoder {
    /// Best path scores per token and tag, rows padded to the transitions' stride.
    scores: Vec<f32>,
}

impl Decoder {
    /// The best tag sequence for emission scores `emit[i * n + t]` of `len` tokens. The forward
    /// pass keeps only scores; the way back finds each predecessor again, for one tag a token.
    pub fn decode(&mut self, emit: &[f32], len: usize, trans: &Transitions, out: &mut Vec<u8>) {
        let (n, stride) = (trans.n, trans.stride);
        out.clear();
        if len == 0 || n == 0 {
            return;
        }
        self.scores.clear();
        self.scores.resize(len * stride, FORBIDDEN);
        let start = &trans.from[n * n..(n + 1) * n];
        for ((slot, e), t) in self.scores.iter_mut().zip(&emit[..n]).zip(start) {
            *slot = e + t;
        }
        for i in 1..len {
            let (done, rest) = self.scores.split_at_mut(i * stride);
            let prev = &done[(i - 1) * stride..];
            for (q, slot) in rest[..n].iter_mut().enumerate() {
                let row = &trans.into[q * stride..(q + 1) * stride];
                *slot = best_into(prev, row) + emit[i * n + q];
            }
        }
        let last_row = &self.scores[(len - 1) * stride..(len - 1) * stride + n];
        let mut last = 0;
        let mut best = f32::NEG_INFINITY;
        for (q, score) in last_row.iter().enumerate() {
            let s = score + trans.end[q];
            if s > best {
                best = s;
                last = q;
            }
        }
        out.resize(len, 0);
        out[len - 1] = last as u8;
        for i in (1..len).rev() {
            let q = out[i] as usize;
            let prev = &self.scores[(i - 1) * stride..(i - 1) * stride + n];
            let row = &trans.into[q * stride..q * stride + n];
            let mut arg = 0;
            let mut best = f32::NEG_INFINITY;
            for (p, (a, b)) in prev.iter().zip(row).enumerate() {
                if a + b > best {
                    best = a + b;
                    arg = p;
                }
            }
            out[i - 1] = arg as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Kind;
    use crate::nlp::corpus::{Class, Entity};
    use proptest::prelude::*;

    fn tagset() -> TagSet {
        let per = Class::name(Kind::Per);
        let loc = Class::name(Kind::Loc);
        let e = |s, l, class| Entity {
            start: s,
            end: s + l,
            class,
        };
        TagSet::from_entities([[e(0, 3, per), e(3, 1, loc), e(4, 2, loc)].as_slice()])
    }

    fn valid(tags: &TagSet, seq: &[u8]) -> bool {
        let mut prev = None;
        for t in seq {
            let tag = tags.tag(*t as usize);
            if !Tag::allows(prev, tag) {
                return false;
            }
            prev = Some(tag);
        }
        prev.is_none_or(Tag::may_end)
    }

    #[test]
    fn picks_the_best_valid_path() {
        let tags = tagset();
        let n = tags.len();
        let trans = Transitions::new(&tags);
        // Token 0 strongly prefers I-PER, which cannot start a sentence.
        let inside = tags.index(Tag::parse("I-PER").unwrap()).unwrap();
        let mut emit = vec![0.0; 2 * n];
        emit[inside] = 10.0;
        let mut out = Vec::new();
        Decoder::default().decode(&emit, 2, &trans, &mut out);
        assert!(valid(&tags, &out), "{out:?}");
    }

    proptest! {
        #[test]
        fn never_emits_an_invalid_sequence(
            scores in proptest::collection::vec(-100.0f32..100.0, 1..200),
            learned in proptest::collection::vec(-50.0f32..50.0, 0..100),
        ) {
            let tags = tagset();
            let n = tags.len();
            let len = scores.len() / n;
            prop_assume!(len > 0);
            let from: Vec<f32> = (0..(n + 1) * n).map(|i| learned.get(i).copied().unwrap_or(1.0)).collect();
            let trans = Transitions::with_scores(&tags, &from, &vec![0.5; n]);
            let mut out = Vec::new();
            Decoder::default().decode(&scores[..len * n], len, &trans, &mut out);
            prop_assert_eq!(out.len(), len);
            prop_assert!(valid(&tags, &out), "{:?}", out);
        }
    }
}

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
    /// [`LANES`]-aligned length (for the way back).
    into: Vec<f32>,
    /// `from` padded: row `p` holds the scores of every tag after `p`, with [`LANES`]-aligned
    /// length, so that the forward pass updates all tags at once from one previous tag.
    outof: Vec<f32>,
    /// Row length of `into` and `outof`: `n` rounded up to a multiple of [`LANES`].
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
            outof: Vec::new(),
            stride: n.div_ceil(LANES) * LANES,
        };
        t.transpose();
        t
    }

    fn transpose(&mut self) {
        let (n, stride) = (self.n, self.stride);
        self.into = vec![FORBIDDEN; n * stride];
        self.outof = vec![FORBIDDEN; n * stride];
        for q in 0..n {
            for p in 0..n {
                self.into[q * stride + p] = self.from[p * n + q];
                self.outof[p * stride + q] = self.from[p * n + q];
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

/// Rows of the transition tables are padded to a multiple of this many lanes (the compiler
/// turns the decoder's inner loop into vector instructions).
const LANES: usize = 8;

/// For every tag `q`, the best of `prev[p] + outof[p][q]` over all `p` (`W` the rows'
/// padded length): one previous tag at a time, all tags at once, so that the running maxima
/// stay in vector registers and no tag needs a sum across lanes. Maxima do not round, so the
/// order does not change them.
#[inline]
fn best_from<const W: usize>(prev: &[f32], outof: &[f32]) -> [f32; W] {
    let mut best = [f32::NEG_INFINITY; W];
    for (a, row) in prev.iter().zip(outof.as_chunks::<W>().0) {
        for (b, t) in best.iter_mut().zip(row) {
            let s = a + t;
            *b = if s > *b { s } else { *b };
        }
    }
    best
}

/// One forward step: `cur[q]` = the best of `prev[p] + outof[p][q]`, plus `emit[q]`.
fn forward(prev: &[f32], outof: &[f32], stride: usize, emit: &[f32], cur: &mut [f32]) {
    fn put<const W: usize>(prev: &[f32], outof: &[f32], emit: &[f32], cur: &mut [f32]) {
        let best = best_from::<W>(prev, outof);
        for ((slot, b), e) in cur.iter_mut().zip(best).zip(emit) {
            *slot = b + e;
        }
    }
    match stride {
        8 => put::<8>(prev, outof, emit, cur),
        16 => put::<16>(prev, outof, emit, cur),
        24 => put::<24>(prev, outof, emit, cur),
        32 => put::<32>(prev, outof, emit, cur),
        40 => put::<40>(prev, outof, emit, cur),
        48 => put::<48>(prev, outof, emit, cur),
        _ => {
            for (q, (slot, e)) in cur.iter_mut().zip(emit).enumerate() {
                let best = prev
                    .iter()
                    .zip(outof.chunks_exact(stride))
                    .map(|(a, row)| a + row[q])
                    .fold(f32::NEG_INFINITY, |m, s| if s > m { s } else { m });
                *slot = best + e;
            }
        }
    }
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
            let prev = &done[(i - 1) * stride..(i - 1) * stride + n];
            let e = &emit[i * n..(i + 1) * n];
            forward(prev, &trans.outof, stride, e, &mut rest[..n]);
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
    use crate::nlp::tagger::tags::Pos;
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

    /// Viterbi as the textbook has it, one tag and one predecessor at a time.
    fn plain_decode(emit: &[f32], len: usize, trans: &Transitions) -> Vec<u8> {
        let n = trans.tags();
        let mut scores = vec![0.0f32; len * n];
        for q in 0..n {
            scores[q] = emit[q] + trans.score(None, q);
        }
        for i in 1..len {
            for q in 0..n {
                let best = (0..n)
                    .map(|p| scores[(i - 1) * n + p] + trans.score(Some(p), q))
                    .fold(f32::NEG_INFINITY, f32::max);
                scores[i * n + q] = best + emit[i * n + q];
            }
        }
        let first_best = |values: &mut dyn Iterator<Item = f32>| {
            let (mut arg, mut best) = (0, f32::NEG_INFINITY);
            for (k, v) in values.enumerate() {
                if v > best {
                    (arg, best) = (k, v);
                }
            }
            arg as u8
        };
        let mut out = vec![0u8; len];
        out[len - 1] = first_best(&mut (0..n).map(|q| scores[(len - 1) * n + q] + trans.end[q]));
        for i in (1..len).rev() {
            let q = out[i] as usize;
            out[i - 1] =
                first_best(&mut (0..n).map(|p| scores[(i - 1) * n + p] + trans.score(Some(p), q)));
        }
        out
    }

    /// A tag set of `classes` classes with all four positions (up to the most a set holds).
    fn wide_tagset(classes: usize) -> TagSet {
        let positions = [Pos::Begin, Pos::Inside, Pos::Last, Pos::Unit];
        let tags = Class::ALL[..classes]
            .iter()
            .flat_map(|class| positions.map(|pos| Tag::In(pos, *class)));
        TagSet::from_tags(std::iter::once(Tag::Out).chain(tags).collect()).unwrap()
    }

    proptest! {
        /// The decoder finds the same path as the textbook one, for tag sets of every size.
        #[test]
        fn agrees_with_the_plain_decoder(
            classes in 0usize..=12,
            len in 1usize..12,
            seed in proptest::collection::vec(-20.0f32..20.0, 64),
        ) {
            let tags = wide_tagset(classes);
            let n = tags.len();
            let value = |i: usize| seed[i * 7 % seed.len()] + (i % 5) as f32 * 0.37;
            let from: Vec<f32> = (0..(n + 1) * n).map(|i| value(i + 3)).collect();
            let end: Vec<f32> = (0..n).map(|i| value(i + 11)).collect();
            let trans = Transitions::with_scores(&tags, &from, &end);
            let emit: Vec<f32> = (0..len * n).map(|i| value(i) * 1.5).collect();
            let mut out = Vec::new();
            Decoder::default().decode(&emit, len, &trans, &mut out);
            prop_assert_eq!(out, plain_decode(&emit, len, &trans));
        }

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

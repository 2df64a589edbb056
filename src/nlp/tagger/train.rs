//! Training: an averaged structured perceptron (Collins 2002) over BILOU tag sequences with
//! Viterbi decoding, integer updates and exact averaging, sentences visited in an order drawn
//! from a seeded generator, so the same data, options and seed give the same model bytes.

use super::features::{Extractor, Groups, Rows, Tables};
use super::model::Model;
use super::tags::TagSet;
use super::viterbi::{Decoder, Transitions};
use super::weights::Weights;
use crate::nlp::corpus::Sentence;

/// How to train.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: String,
    pub about: String,
    pub epochs: usize,
    pub seed: u64,
    /// Feature buckets are this many bits wide.
    pub bits: u32,
    pub groups: Groups,
    /// Weights smaller than this (in perceptron update units) are dropped from the model.
    pub prune: f32,
    /// Features seen in fewer training tokens than this get no weight.
    pub min_count: u32,
    /// 0 for the plain perceptron; otherwise passive-aggressive steps capped at this size.
    pub aggressiveness: f32,
    /// Perceptrons trained with successive seeds whose weights are averaged (1: just one).
    pub ensemble: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lang: "de".to_string(),
            about: String::new(),
            epochs: 10,
            seed: 1,
            bits: 20,
            groups: Groups::all(),
            prune: 0.0,
            min_count: 1,
            aggressiveness: 0.0,
            ensemble: 1,
        }
    }
}

/// SplitMix64: a small, fixed pseudo-random generator, so that shuffles never change with a
/// dependency's version.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Perceptron state: current weights and the sums for averaging (Daumé's trick: the average
/// is `w - u / c`, with `u` the updates weighted by the step at which they were made).
struct Perceptron {
    tags: usize,
    w: Vec<f32>,
    u: Vec<f64>,
    trans_w: Vec<f32>,
    trans_u: Vec<f64>,
    end_w: Vec<f32>,
    end_u: Vec<f64>,
    step: f64,
}

impl Perceptron {
    fn new(tags: usize, bits: u32) -> Perceptron {
        let size = (1usize << bits) * tags;
        Perceptron {
            tags,
            w: vec![0.0; size],
            u: vec![0.0; size],
            trans_w: vec![0.0; (tags + 1) * tags],
            trans_u: vec![0.0; (tags + 1) * tags],
            end_w: vec![0.0; tags],
            end_u: vec![0.0; tags],
            step: 1.0,
        }
    }

    fn emissions(&self, rows: &Rows, emit: &mut Vec<f32>) {
        let n = self.tags;
        emit.clear();
        emit.resize(rows.len() * n, 0.0);
        for i in 0..rows.len() {
            let scores = &mut emit[i * n..(i + 1) * n];
            for f in rows.token(i) {
                let row = &self.w[*f as usize * n..(*f as usize + 1) * n];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w;
                }
            }
        }
    }

    fn transitions(&self, tags: &TagSet) -> Transitions {
        Transitions::with_scores(tags, &self.trans_w, &self.end_w)
    }

    /// One update of size `tau` towards `gold` and away from `predicted`.
    fn update(&mut self, rows: &Rows, gold: &[u8], predicted: &[u8], tau: f32) {
        let n = self.tags;
        let step = self.step;
        let bump = |w: &mut Vec<f32>, u: &mut Vec<f64>, i: usize, d: f32| {
            let d = d * tau;
            w[i] += d;
            u[i] += f64::from(d) * step;
        };
        for (i, (g, p)) in gold.iter().zip(predicted).enumerate() {
            if g != p {
                for f in rows.token(i) {
                    let base = *f as usize * n;
                    bump(&mut self.w, &mut self.u, base + *g as usize, 1.0);
                    bump(&mut self.w, &mut self.u, base + *p as usize, -1.0);
                }
            }
            let prev_g = if i == 0 { n } else { gold[i - 1] as usize };
            let prev_p = if i == 0 { n } else { predicted[i - 1] as usize };
            if (prev_g, g) != (prev_p, p) {
                bump(
                    &mut self.trans_w,
                    &mut self.trans_u,
                    prev_g * n + *g as usize,
                    1.0,
                );
                bump(
                    &mut self.trans_w,
                    &mut self.trans_u,
                    prev_p * n + *p as usize,
                    -1.0,
                );
            }
        }
        if let (Some(g), Some(p)) = (gold.last(), predicted.last())
            && g != p
        {
            bump(&mut self.end_w, &mut self.end_u, *g as usize, 1.0);
            bump(&mut self.end_w, &mut self.end_u, *p as usize, -1.0);
        }
    }

    fn averaged(w: &[f32], u: &[f64], step: f64) -> Vec<f32> {
        w.iter()
            .zip(u)
            .map(|(w, u)| (f64::from(*w) - u / step) as f32)
            .collect()
    }

    /// Score of a tag path under the current weights, given its emissions.
    fn path_score(&self, emit: &[f32], path: &[u8], trans: &Transitions) -> f32 {
        let n = self.tags;
        let mut score = 0.0;
        for (i, t) in path.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| path[j] as usize);
            score += emit[i * n + *t as usize] + trans.score(prev, *t as usize);
        }
        score + path.last().map_or(0.0, |t| trans.end[*t as usize])
    }

    /// The averaged weights so far.
    fn averaged_all(&self) -> Averaged {
        Averaged {
            dense: Perceptron::averaged(&self.w, &self.u, self.step),
            from: Perceptron::averaged(&self.trans_w, &self.trans_u, self.step),
            end: Perceptron::averaged(&self.end_w, &self.end_u, self.step),
        }
    }
}

/// Averaged weights of one perceptron or the mean of several.
struct Averaged {
    dense: Vec<f32>,
    from: Vec<f32>,
    end: Vec<f32>,
}

impl Averaged {
    /// Adds `other` scaled by `factor`.
    fn add(&mut self, other: &Averaged, factor: f32) {
        for (a, b) in [
            (&mut self.dense, &other.dense),
            (&mut self.from, &other.from),
            (&mut self.end, &other.end),
        ] {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y * factor;
            }
        }
    }

    fn model(&self, options: &Options, tags: &TagSet, tables: &Tables) -> Model {
        Model {
            lang: options.lang.clone(),
            about: options.about.clone(),
            tags: tags.clone(),
            groups: options.groups,
            bits: options.bits,
            tables: tables.clone(),
            weights: Weights::from_dense(&self.dense, tags.len(), options.prune),
            transitions: Transitions::with_scores(tags, &self.from, &self.end),
        }
    }
}

/// Removes the features seen in fewer than `min_count` tokens.
fn drop_rare(examples: Vec<(Rows, Vec<u8>)>, bits: u32, min_count: u32) -> Vec<(Rows, Vec<u8>)> {
    let mut counts = vec![0u32; 1 << bits];
    for (rows, _) in &examples {
        for f in &rows.ids {
            counts[*f as usize] = counts[*f as usize].saturating_add(1);
        }
    }
    examples
        .into_iter()
        .map(|(rows, gold)| {
            let mut kept = Rows::default();
            kept.offsets.push(0);
            for i in 0..rows.len() {
                kept.ids.extend(
                    rows.token(i)
                        .iter()
                        .filter(|f| counts[**f as usize] >= min_count),
                );
                kept.offsets.push(kept.ids.len() as u32);
            }
            (kept, gold)
        })
        .collect()
}

/// Trains a model on the sentences. `after_epoch(epoch, model)` sees the averaged model after
/// every epoch (for progress and development scores).
pub fn train(
    sentences: &[Sentence],
    auxiliary: &[Sentence],
    tables: Tables,
    options: &Options,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Model {
    let tags = TagSet::from_entities(
        sentences
            .iter()
            .chain(auxiliary)
            .map(|s| s.entities.as_slice()),
    );
    let mut extractor = Extractor::new(options.groups, options.bits, &tables);
    let target = sentences.iter().map(|s| (s, 0));
    let other = auxiliary.iter().map(|s| (s, 0xa0c5_1117));
    let examples: Vec<(Rows, Vec<u8>)> = target
        .chain(other)
        .filter(|(s, _)| !s.tokens.is_empty())
        .map(|(s, domain)| {
            let mut rows = Rows::default();
            extractor.set_domain(domain);
            extractor.extract(&s.tokens, &mut rows);
            (rows, tags.encode(&s.entities, s.tokens.len()))
        })
        .collect();
    let examples = if options.min_count > 1 {
        drop_rare(examples, options.bits, options.min_count)
    } else {
        examples
    };
    let members = options.ensemble.max(1);
    let mut mean: Option<Averaged> = None;
    for member in 0..members {
        let seed = options.seed.wrapping_add(member as u64);
        let p = run(&examples, &tags, options, seed, |epoch, p| {
            if epoch < options.epochs {
                after_epoch(epoch, &p.averaged_all().model(options, &tags, &tables));
            }
        });
        let averaged = p.averaged_all();
        let factor = 1.0 / members as f32;
        match &mut mean {
            Some(m) => m.add(&averaged, factor),
            None => {
                let mut first = averaged;
                first
                    .dense
                    .iter_mut()
                    .chain(&mut first.from)
                    .chain(&mut first.end)
                    .for_each(|x| *x *= factor);
                mean = Some(first);
            }
        }
    }
    let model = match mean {
        Some(m) => m.model(options, &tags, &tables),
        None => Perceptron::new(tags.len(), options.bits)
            .averaged_all()
            .model(options, &tags, &tables),
    };
    after_epoch(options.epochs, &model);
    model
}

/// Trains one perceptron, visiting the examples in an order drawn from `seed`.
fn run(
    examples: &[(Rows, Vec<u8>)],
    tags: &TagSet,
    options: &Options,
    seed: u64,
    mut after_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let mut p = Perceptron::new(tags.len(), options.bits);
    let mut rng = SplitMix(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut emit = Vec::new();
    let mut augmented = Vec::new();
    let mut decoder = Decoder::default();
    let mut predicted = Vec::new();
    let mut trans = p.transitions(tags);
    for epoch in 0..options.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (rows, gold) = &examples[k];
            p.emissions(rows, &mut emit);
            if options.aggressiveness > 0.0 {
                // Passive-aggressive (PA-I): decode with a margin of one per wrong tag, then
                // step just far enough to separate gold from the prediction by its loss.
                let n = tags.len();
                augmented.clear();
                augmented.extend_from_slice(&emit);
                for (i, g) in gold.iter().enumerate() {
                    for (t, s) in augmented[i * n..(i + 1) * n].iter_mut().enumerate() {
                        if t != *g as usize {
                            *s += 1.0;
                        }
                    }
                }
                decoder.decode(&augmented, rows.len(), &trans, &mut predicted);
                if predicted != *gold {
                    let loss = gold.iter().zip(&predicted).filter(|(g, p)| g != p).count() as f32;
                    let margin =
                        p.path_score(&emit, gold, &trans) - p.path_score(&emit, &predicted, &trans);
                    let norm: usize = gold
                        .iter()
                        .zip(&predicted)
                        .enumerate()
                        .filter(|(_, (g, p))| g != p)
                        .map(|(i, _)| 2 * rows.token(i).len() + 4)
                        .sum();
                    let tau = ((loss - margin) / norm.max(1) as f32).min(options.aggressiveness);
                    if tau > 0.0 {
                        p.update(rows, gold, &predicted, tau);
                        trans = p.transitions(tags);
                    }
                }
            } else {
                decoder.decode(&emit, rows.len(), &trans, &mut predicted);
                if predicted != *gold {
                    p.update(rows, gold, &predicted, 1.0);
                    trans = p.transitions(tags);
                }
            }
            p.step += 1.0;
        }
        after_epoch(epoch + 1, &p);
    }
    p
}

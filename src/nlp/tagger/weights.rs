//! Feature weights as a model stores them: for every hashed feature bucket a short list of
//! entries, each a tag and its weight quantised to 16 bits (one scale for all) packed in a
//! `u32`. Zero weights take no room; a bucket's entries sit in one or two cache lines.

/// Sparse, quantised weights: bucket `b` has entries `offsets[b]..offsets[b + 1]`; an entry
/// holds the tag in its low byte and the weight in its high 16 bits.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    tags: usize,
    offsets: Vec<u32>,
    entries: Vec<u32>,
    scale: f32,
}

/// A bucket's entries located by [`Weights::locate`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Located {
    start: u32,
    end: u32,
    first: u32,
}

fn pack(tag: usize, value: i16) -> u32 {
    (u32::from(value as u16) << 16) | tag as u32
}

#[inline]
fn unpack(entry: u32) -> (usize, i32) {
    (
        (entry & 0xff) as usize,
        i32::from((entry >> 16) as u16 as i16),
    )
}

impl Weights {
    /// Quantises dense weights (`dense[bucket * tags + tag]`), dropping those whose magnitude
    /// is below `prune`.
    pub fn from_dense(dense: &[f32], tags: usize, prune: f32) -> Weights {
        let max = dense.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let buckets = dense.len() / tags.max(1);
        let mut offsets = Vec::with_capacity(buckets + 1);
        let mut entries = Vec::new();
        offsets.push(0);
        for row in dense.chunks_exact(tags.max(1)) {
            for (t, w) in row.iter().enumerate() {
                let q = (w / scale).round();
                if w.abs() >= prune && q != 0.0 {
                    entries.push(pack(t, q as i16));
                }
            }
            offsets.push(entries.len() as u32);
        }
        Weights {
            tags,
            offsets,
            entries,
            scale,
        }
    }

    /// Weights from their stored parts; `None` when they do not fit together.
    pub fn from_parts(
        tags: usize,
        offsets: Vec<u32>,
        entries: Vec<u32>,
        scale: f32,
    ) -> Option<Weights> {
        let ordered = offsets.windows(2).all(|w| w[0] <= w[1]);
        let fits = offsets.first() == Some(&0)
            && offsets.last().map(|l| *l as usize) == Some(entries.len())
            && entries
                .iter()
                .all(|e| unpack(*e).0 < tags && e & 0xff00 == 0)
            && scale.is_finite();
        (ordered && fits).then_some(Weights {
            tags,
            offsets,
            entries,
            scale,
        })
    }

    pub fn buckets(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn offsets(&self) -> &[u32] {
        &self.offsets
    }

    pub fn entries(&self) -> &[u32] {
        &self.entries
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Where a bucket's entries are, with its first entry already read (0 for an empty
    /// bucket or one out of range). Reading the first entry here lets callers issue the memory
    /// reads of many buckets before using any of them.
    #[inline]
    pub fn locate(&self, bucket: u32) -> Located {
        let b = bucket as usize;
        match self.offsets.get(b..b + 2) {
            Some(&[start, end]) if start < end => Located {
                start,
                end,
                first: self.entries.get(start as usize).copied().unwrap_or(0),
            },
            _ => Located::default(),
        }
    }

    /// Adds a located bucket's weights to integer tag scores.
    #[inline]
    pub fn add_located(&self, at: Located, scores: &mut [i32]) {
        if at.start >= at.end {
            return;
        }
        let (t, v) = unpack(at.first);
        if let Some(s) = scores.get_mut(t) {
            *s += v;
        }
        let Some(rest) = self.entries.get(at.start as usize + 1..at.end as usize) else {
            return;
        };
        for e in rest {
            let (t, v) = unpack(*e);
            if let Some(s) = scores.get_mut(t) {
                *s += v;
            }
        }
    }

    /// Adds a bucket's quantised weights to integer tag scores.
    #[inline]
    pub fn add(&self, bucket: u32, scores: &mut [i32]) {
        self.add_located(self.locate(bucket), scores);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantised_weights_keep_their_order_and_drop_small_ones() {
        let dense = [0.0, 2.0, -1.0, 0.001, 0.0, 0.5];
        let w = Weights::from_dense(&dense, 3, 0.01);
        assert_eq!(w.buckets(), 2);
        assert_eq!(w.len(), 3);
        let mut scores = [0; 3];
        w.add(0, &mut scores);
        assert_eq!(scores[0], 0);
        assert!(scores[1] > 0 && scores[2] < 0);
        assert!((scores[1] as f32 * w.scale() - 2.0).abs() < 1e-3);
        let mut second = [0; 3];
        w.add(1, &mut second);
        assert_eq!(second[0], 0, "pruned");
        w.add(7, &mut second);
        let copy = Weights::from_parts(3, w.offsets().to_vec(), w.entries().to_vec(), w.scale());
        assert_eq!(copy.as_ref(), Some(&w));
        assert!(Weights::from_parts(2, w.offsets().to_vec(), w.entries().to_vec(), 1.0).is_none());
    }
}

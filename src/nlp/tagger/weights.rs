//! Feature weights as a model stores them: for every hashed feature bucket a short list of
//! entries, each a tag and its weight quantised to 16 bits (one scale for all) packed in a
//! `u32`. Zero weights take no room. For tagging, every bucket that has weights also gets a
//! dense row (all tags' weights side by side in one cache line), so that scoring a feature is a
//! few vector additions instead of a loop over its entries.

/// Tags in one [`Line`] of a dense row.
pub const LINE: usize = 32;

/// Part of a bucket's dense row: the weights of [`LINE`] tags, one cache line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(64))]
struct Line([i16; LINE]);

/// Integer tag scores of a token, one [`LINE`] per entry (see [`Weights::row_lines`]).
pub type Scores = [i32; LINE];

/// Sparse, quantised weights: bucket `b` has entries `offsets[b]..offsets[b + 1]`; an entry
/// holds the tag in its low byte and the weight in its high 16 bits.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    tags: usize,
    offsets: Vec<u32>,
    entries: Vec<u32>,
    scale: f32,
    /// The same weights dense: bucket `b`'s row is `lines[r * per_row..][..per_row]` for
    /// `r = index.row(b)`; row 0 is all zeros and serves the empty buckets.
    index: RowIndex,
    lines: Vec<Line>,
    per_row: usize,
}

/// Which dense row a bucket has: a bit per bucket (set when it has weights) and, every 64
/// buckets, the number of set bits before them and before each of their bytes, so that a row
/// number is a count of set bits. A few bits a bucket where a table of row numbers would take
/// 32: it stays in the cache.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct RowIndex {
    blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Block {
    /// Set bits in the blocks before this one.
    rank: u32,
    /// Set bits in this block before each byte.
    before: [u8; 8],
    bits: [u8; 8],
}

/// Set bits of every byte (the processors the build targets need not count them in one
/// instruction).
const ONES: [u8; 256] = {
    let mut ones = [0; 256];
    let mut b = 0;
    while b < 256 {
        ones[b] = (b as u8).count_ones() as u8;
        b += 1;
    }
    ones
};

impl RowIndex {
    /// The index of the buckets with these numbers of entries (`None` if there are more
    /// than `u32` rows).
    fn new(counts: impl Iterator<Item = u32>) -> Option<RowIndex> {
        let mut blocks = Vec::new();
        for (b, count) in counts.enumerate() {
            if b % 64 == 0 {
                blocks.push(Block::default());
            }
            if count > 0 {
                blocks[b / 64].bits[b % 64 / 8] |= 1 << (b % 8);
            }
        }
        let mut rank = 0u32;
        for block in &mut blocks {
            block.rank = rank;
            let mut before = 0;
            for (k, bits) in block.bits.iter().enumerate() {
                block.before[k] = before;
                before += ONES[*bits as usize];
            }
            rank = rank.checked_add(u32::from(before))?;
        }
        rank.checked_add(1)?;
        Some(RowIndex { blocks })
    }

    /// The bucket's row: 0 for an empty bucket (or one out of range), else 1 + the number of
    /// non-empty buckets before it.
    #[inline]
    fn row(&self, bucket: u32) -> u32 {
        let Some(block) = self.blocks.get(bucket as usize / 64) else {
            return 0;
        };
        let byte = (bucket % 64 / 8) as usize;
        let bit = bucket % 8;
        let bits = block.bits[byte];
        if bits >> bit & 1 == 0 {
            return 0;
        }
        let below = bits & ((1u8 << bit) - 1);
        block.rank + u32::from(block.before[byte]) + u32::from(ONES[below as usize]) + 1
    }
}

/// A hint to bring a line into the cache.
#[inline]
fn prefetch(line: &Line) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: the intrinsic needs SSE, which every x86-64 processor has; a prefetch reads
    // nothing into the program and cannot fault, and the address is a live reference anyway.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((line as *const Line).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = line;
}

#[inline]
fn add_line(acc: &mut Scores, line: &Line) {
    for (a, w) in acc.iter_mut().zip(&line.0) {
        *a += i32::from(*w);
    }
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
        Weights::from_parts(tags, offsets, entries, scale).expect("quantised weights fit")
    }

    /// Weights from their stored parts; `None` when they do not fit together (or when one
    /// bucket's weights for a tag add up to more than 16 bits hold).
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
        if !(ordered && fits) {
            return None;
        }
        let per_row = tags.div_ceil(LINE).max(1);
        let rows = 1 + offsets.windows(2).filter(|w| w[0] < w[1]).count();
        let mut lines = vec![Line([0; LINE]); rows * per_row];
        let nonempty = offsets.windows(2).filter(|w| w[0] < w[1]);
        for (row, w) in lines[per_row..].chunks_exact_mut(per_row).zip(nonempty) {
            for e in &entries[w[0] as usize..w[1] as usize] {
                let (t, v) = unpack(*e);
                let slot = &mut row[t / LINE].0[t % LINE];
                *slot = i16::try_from(i32::from(*slot) + v).ok()?;
            }
        }
        let index = RowIndex::new(offsets.windows(2).map(|w| w[1] - w[0]))?;
        Some(Weights {
            tags,
            offsets,
            entries,
            scale,
            index,
            lines,
            per_row,
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

    /// How many [`Scores`] lines hold one token's scores of all tags.
    pub fn row_lines(&self) -> usize {
        self.per_row
    }

    /// Replaces feature buckets by the numbers of their dense rows (for [`Weights::sum`]),
    /// reading the start of each row on the way: the reads do not wait for each other, so the
    /// rows of a whole sentence come into the cache together.
    pub fn locate(&self, buckets: &mut [u32]) {
        for b in buckets {
            *b = self.index.row(*b);
        }
    }

    /// Asks for rows (as [`Weights::locate`] gave them) to be brought into the cache while
    /// other work goes on: the rows of a token are scattered over megabytes, and waiting for
    /// them one at a time cost more than all the arithmetic.
    #[inline]
    pub fn prefetch(&self, rows: &[u32]) {
        for r in rows {
            for line in self.lines_of(*r) {
                prefetch(line);
            }
        }
    }

    /// The scores of a token from its features' rows (as [`Weights::locate`] gave them): the
    /// rows added up from zero into `scores` ([`Weights::row_lines`] lines).
    #[inline]
    pub fn sum(&self, rows: &[u32], scores: &mut Vec<Scores>) {
        scores.clear();
        if self.per_row == 1 {
            // One line: the sums stay in registers from the first row to the last.
            let mut acc = [0; LINE];
            for r in rows {
                if let [line] = self.lines_of(*r) {
                    add_line(&mut acc, line);
                }
            }
            scores.push(acc);
        } else {
            scores.resize(self.per_row, [0; LINE]);
            for r in rows {
                for (line, acc) in self.lines_of(*r).iter().zip(scores.iter_mut()) {
                    add_line(acc, line);
                }
            }
        }
    }

    /// The lines of a dense row (empty for a row out of range).
    #[inline]
    fn lines_of(&self, row: u32) -> &[Line] {
        let row = row as usize;
        self.lines
            .get(row * self.per_row..(row + 1) * self.per_row)
            .unwrap_or(&[])
    }

    /// Adds a bucket's weights to integer tag scores by the stored entries, one at a time
    /// (the reference for the dense rows).
    pub fn add_sparse(&self, bucket: u32, scores: &mut [i32]) {
        let b = bucket as usize;
        let Some(&[start, end]) = self.offsets.get(b..b + 2) else {
            return;
        };
        for e in &self.entries[start as usize..end as usize] {
            let (t, v) = unpack(*e);
            if let Some(s) = scores.get_mut(t) {
                *s += v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quantised_weights_keep_their_order_and_drop_small_ones() {
        let dense = [0.0, 2.0, -1.0, 0.001, 0.0, 0.5];
        let w = Weights::from_dense(&dense, 3, 0.01);
        assert_eq!(w.buckets(), 2);
        assert_eq!(w.len(), 3);
        let mut scores = [0; 3];
        w.add_sparse(0, &mut scores);
        assert_eq!(scores[0], 0);
        assert!(scores[1] > 0 && scores[2] < 0);
        assert!((scores[1] as f32 * w.scale() - 2.0).abs() < 1e-3);
        let mut second = [0; 3];
        w.add_sparse(1, &mut second);
        assert_eq!(second[0], 0, "pruned");
        w.add_sparse(7, &mut second);
        let copy = Weights::from_parts(3, w.offsets().to_vec(), w.entries().to_vec(), w.scale());
        assert_eq!(copy.as_ref(), Some(&w));
        assert!(Weights::from_parts(2, w.offsets().to_vec(), w.entries().to_vec(), 1.0).is_none());
    }

    #[test]
    fn entries_of_one_tag_that_overflow_together_are_refused() {
        let big = pack(1, 30_000);
        assert!(Weights::from_parts(3, vec![0, 2], vec![big, big], 1.0).is_none());
        let w = Weights::from_parts(3, vec![0, 2], vec![big, pack(1, -30_000)], 1.0).unwrap();
        let mut rows = [0];
        w.locate(&mut rows);
        let mut scores = Vec::new();
        w.sum(&rows, &mut scores);
        assert_eq!(scores, [[0; LINE]]);
    }

    proptest! {
        /// The dense rows score every bucket as the stored entries do, for one and for more
        /// lines a row.
        #[test]
        fn dense_rows_add_what_the_entries_say(
            tags in 1usize..80,
            dense in proptest::collection::vec(-4.0f32..4.0, 1..2000),
            buckets in proptest::collection::vec(0u32..100, 1..40),
        ) {
            let usable = dense.len() / tags * tags;
            prop_assume!(usable > 0);
            let w = Weights::from_dense(&dense[..usable], tags, 1.0);
            let mut slow = vec![0; tags];
            for b in &buckets {
                w.add_sparse(*b, &mut slow);
            }
            let mut rows = buckets.clone();
            w.locate(&mut rows);
            w.prefetch(&rows);
            let mut fast = Vec::new();
            w.sum(&rows, &mut fast);
            prop_assert_eq!(fast.len(), w.row_lines());
            let fast: Vec<i32> = fast.iter().flatten().copied().collect();
            prop_assert_eq!(&fast[..tags], &slow[..]);
            prop_assert!(fast[tags..].iter().all(|s| *s == 0));
        }
    }
}

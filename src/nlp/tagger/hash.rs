//! Stable hashing for features and word tables: the same bytes give the same hash on every
//! platform and in every version of the model format (the models depend on it), and two static
//! tables from 64-bit keys to 16-bit values that serialise as flat arrays: an open-addressing
//! one with 32-bit fingerprints, and a denser bucketed one with 16-bit fingerprints for big
//! word lists.

/// One mixing step (FxHash's): fold `value` into `state`.
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// Finalizer (MurmurHash3's fmix64): spreads every input bit over the whole output.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// One step of string hashing: a folded multiply (the high and low halves of the 128-bit
/// product xor-ed), so that a difference anywhere in the state reaches every bit. [`mix`] is
/// too weak here: a difference in the top bits of one chunk stays in a few bits that the next
/// chunk can cancel ("Wasserlassen" and "Wasserlinsen" had one hash).
#[inline]
fn absorb(state: u64, chunk: u64) -> u64 {
    let product = u128::from(state ^ chunk) * 0x9e37_79b9_7f4a_7c15u128;
    (product as u64) ^ ((product >> 64) as u64)
}

/// Hash of a byte string, eight bytes at a time, with its length folded in.
#[inline]
pub fn bytes(data: &[u8]) -> u64 {
    let mut h = absorb(0x2545_f491_4f6c_dd1d, data.len() as u64);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = absorb(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = absorb(h, u64::from_le_bytes(word));
    }
    finish(h)
}

/// Hash of a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// A set of 64-bit keys (hashes) with a 16-bit value each: open addressing with linear probing
/// over a power-of-two table at most 7/8 full. A slot holds the key's upper 32 bits as a
/// fingerprint (its lower bits chose the slot), so two keys are confused only when they agree
/// in about 50 bits; fingerprint 0 marks an empty slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    keys: Vec<u32>,
    values: Vec<u16>,
    len: usize,
}

impl Table {
    /// The table of these entries (values of equal keys or-ed together), sized for them.
    /// The result does not depend on the order of the entries.
    pub fn build(entries: impl IntoIterator<Item = (u64, u16)>) -> Table {
        let mut merged: std::collections::BTreeMap<u64, u16> = std::collections::BTreeMap::new();
        for (key, value) in entries {
            *merged.entry(key).or_default() |= value;
        }
        let slots = (merged.len() * 8 / 7 + 1).next_power_of_two().max(16);
        let mut table = Table {
            keys: vec![0; slots],
            values: vec![0; slots],
            len: merged.len(),
        };
        for (key, value) in merged {
            let (i, fingerprint) = table.slot(key);
            table.keys[i] = fingerprint;
            table.values[i] |= value;
        }
        table
    }

    /// A table from its two arrays as [`Table::keys`] and [`Table::values`] gave them; `None`
    /// when they cannot be one (lengths differ, are not a power of two, or no slot is free).
    pub fn from_parts(keys: Vec<u32>, values: Vec<u16>) -> Option<Table> {
        if keys.is_empty() && values.is_empty() {
            return Some(Table::default());
        }
        if keys.len() != values.len() || !keys.len().is_power_of_two() {
            return None;
        }
        let len = keys.iter().filter(|k| **k != 0).count();
        (len < keys.len()).then_some(Table { keys, values, len })
    }

    pub fn keys(&self) -> &[u32] {
        &self.keys
    }

    pub fn values(&self) -> &[u16] {
        &self.values
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn slot(&self, key: u64) -> (usize, u32) {
        let fingerprint = ((key >> 32) as u32).max(1);
        let mask = self.keys.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let k = self.keys[i];
            if k == fingerprint || k == 0 {
                return (i, fingerprint);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value stored for a key.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u16> {
        if self.keys.is_empty() {
            return None;
        }
        let (i, _) = self.slot(key);
        (self.keys[i] != 0).then(|| self.values[i])
    }
}

/// A static set of 64-bit keys (hashes) with a 16-bit value each, about 4.5 bytes a key: the
/// keys' top bits choose one of a power-of-two number of buckets (about eight keys each), and a
/// bucket is a run of entries, each a 16-bit fingerprint (the key's low bits) and the value.
/// Two keys are confused when they agree in bucket and fingerprint: a key that is not in the
/// table is taken for one that is about once in 8,000 lookups, which features can bear.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackedTable {
    /// `starts[b]..starts[b + 1]` are bucket `b`'s entries; empty for an empty table.
    starts: Vec<u32>,
    /// Fingerprint in the high 16 bits, value in the low 16, ordered by bucket and fingerprint.
    entries: Vec<u32>,
}

/// Keys per bucket, on average.
const BUCKET_KEYS: usize = 8;

impl PackedTable {
    /// The table of these entries, sized for them. Of keys that agree in bucket and
    /// fingerprint (and so cannot be told apart) the first one given is kept: give the most
    /// important first. The result depends only on the order in which those are given.
    pub fn build(entries: impl IntoIterator<Item = (u64, u16)>) -> PackedTable {
        let mut keys: Vec<(u64, u16)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (key, value) in entries {
            if seen.insert(key) {
                keys.push((key, value));
            }
        }
        if keys.is_empty() {
            return PackedTable::default();
        }
        let buckets = (keys.len() / BUCKET_KEYS).next_power_of_two();
        let shift = PackedTable::shift(buckets);
        let place = |key: u64| (key.checked_shr(shift).unwrap_or(0), key as u16);
        // Stable: among keys in one place the first given comes first and stays.
        keys.sort_by_key(|(key, _)| place(*key));
        keys.dedup_by_key(|(key, _)| place(*key));
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut entries = Vec::with_capacity(keys.len());
        for (key, value) in keys {
            let (bucket, fingerprint) = place(key);
            while starts.len() <= bucket as usize {
                starts.push(entries.len() as u32);
            }
            entries.push(u32::from(fingerprint) << 16 | u32::from(value));
        }
        while starts.len() <= buckets {
            starts.push(entries.len() as u32);
        }
        PackedTable { starts, entries }
    }

    /// How far a key is shifted to give its bucket.
    fn shift(buckets: usize) -> u32 {
        64 - buckets.trailing_zeros()
    }

    /// A table from its two arrays as [`PackedTable::starts`] and [`PackedTable::entries`]
    /// gave them; `None` when they cannot be one.
    pub fn from_parts(starts: Vec<u32>, entries: Vec<u32>) -> Option<PackedTable> {
        if starts.is_empty() && entries.is_empty() {
            return Some(PackedTable::default());
        }
        let fits = (starts.len() - 1).is_power_of_two()
            && starts.first() == Some(&0)
            && starts.last().map(|l| *l as usize) == Some(entries.len())
            && starts.windows(2).all(|w| w[0] <= w[1]);
        fits.then_some(PackedTable { starts, entries })
    }

    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    pub fn entries(&self) -> &[u32] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value stored for a key (or for a key that agrees with it in bucket and
    /// fingerprint).
    #[inline]
    pub fn get(&self, key: u64) -> Option<u16> {
        let buckets = self.starts.len().checked_sub(1)?;
        let bucket = key.checked_shr(PackedTable::shift(buckets)).unwrap_or(0) as usize;
        let (start, end) = (*self.starts.get(bucket)?, *self.starts.get(bucket + 1)?);
        let fingerprint = u32::from(key as u16);
        self.entries
            .get(start as usize..end as usize)?
            .iter()
            .find(|e| *e >> 16 == fingerprint)
            .map(|e| *e as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Models on disk depend on these values: a change here needs a new model format.
        assert_eq!(str("Libyen"), 0x1b11_5420_c8a9_9d79);
        assert_ne!(str("Wasserlassen"), str("Wasserlinsen"));
        assert_ne!(str("Putin"), str("putin"));
        assert_ne!(str("abcdefgh"), str("abcdefgh\0"));
    }

    #[test]
    fn table_finds_everything_it_holds() {
        let entries = (0..10_000u64).map(|i| (str(&i.to_string()), (i % 7) as u16 + 1));
        let t = Table::build(entries.chain([(str("5"), 8)]));
        assert_eq!(t.len(), 10_000);
        for i in 0..10_000u64 {
            let extra = if i == 5 { 8 } else { 0 };
            assert_eq!(
                t.get(str(&i.to_string())),
                Some(((i % 7) as u16 + 1) | extra)
            );
        }
        assert_eq!(t.get(str("x")), None);
        let copy = Table::from_parts(t.keys().to_vec(), t.values().to_vec()).unwrap();
        assert_eq!(copy, t);
        assert!(Table::from_parts(vec![0; 3], vec![0; 3]).is_none());
        assert_eq!(
            Table::from_parts(Vec::new(), Vec::new()),
            Some(Table::default())
        );
        assert_eq!(Table::default().get(1), None);
    }

    #[test]
    fn packed_table_finds_everything_it_holds() {
        let entries: Vec<(u64, u16)> = (0..50_000u64)
            .map(|i| (str(&i.to_string()), (i % 1000) as u16))
            .collect();
        let t = PackedTable::build(entries.iter().copied());
        // Keys that share bucket and fingerprint are about two in 50,000 here; every other key
        // gets its own value back.
        let wrong = entries
            .iter()
            .filter(|(key, value)| t.get(*key) != Some(*value))
            .count();
        assert!(wrong < 10, "{wrong} keys of 50,000 lost their value");
        assert!(t.len() > 49_990);
        let strangers = (50_000..150_000u64)
            .filter(|i| t.get(str(&i.to_string())).is_some())
            .count();
        assert!(strangers < 100, "{strangers} false hits in 100,000");
        let copy = PackedTable::from_parts(t.starts().to_vec(), t.entries().to_vec());
        assert_eq!(copy.as_ref(), Some(&t));
        assert!(PackedTable::from_parts(vec![0, 5], vec![1]).is_none());
        assert!(PackedTable::from_parts(vec![0, 1, 1], vec![1]).is_some());
        assert_eq!(PackedTable::default().get(7), None);
        let one = PackedTable::build([(42, 9)]);
        assert_eq!((one.get(42), one.get(43)), (Some(9), None));
    }
}

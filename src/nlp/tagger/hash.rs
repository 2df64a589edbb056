//! Stable hashing for features and word tables: the same bytes give the same hash on every
//! platform and in every version of the model format (the models depend on it), and a compact
//! open-addressing table from 64-bit keys to 32-bit values that serialises as two flat arrays.

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

/// Hash of a byte string, eight bytes at a time, with its length folded in.
#[inline]
pub fn bytes(data: &[u8]) -> u64 {
    let mut h = mix(0x2545_f491_4f6c_dd1d, data.len() as u64);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(word));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Models on disk depend on these values: a change here needs a new model format.
        assert_eq!(str("Libyen"), 0x2fb8_7d2f_ebcd_b20c);
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
}

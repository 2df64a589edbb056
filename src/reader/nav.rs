//! Stepping through a sorted list (mentions, search matches) from a position, forwards or
//! backwards, skipping entries that do not count, wrapping at the ends.

/// Where the reader stands relative to a sorted list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    /// On entry `i`.
    At(usize),
    /// Between entries: just before entry `i` (`i` may equal the length).
    Before(usize),
}

/// The next entry (or previous, when `forward` is false) that `ok` accepts, and whether the
/// search wrapped around an end of the list.
pub fn step(
    len: usize,
    from: From,
    forward: bool,
    ok: impl Fn(usize) -> bool,
) -> Option<(usize, bool)> {
    if len == 0 {
        return None;
    }
    let len_i = len as isize;
    let start: isize = match (from, forward) {
        (From::At(i), true) => i as isize + 1,
        (From::Before(i), true) => i as isize,
        (From::At(i) | From::Before(i), false) => i as isize - 1,
    };
    (0..len_i).find_map(|k| {
        let j = if forward { start + k } else { start - k };
        let wrapped = j < 0 || j >= len_i;
        let j = j.rem_euclid(len_i) as usize;
        ok(j).then_some((j, wrapped))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_skip_and_wrap() {
        let ok = |i: usize| i != 2;
        assert_eq!(step(4, From::At(1), true, ok), Some((3, false)));
        assert_eq!(step(4, From::At(3), true, ok), Some((0, true)));
        assert_eq!(step(4, From::At(0), false, ok), Some((3, true)));
        assert_eq!(step(4, From::Before(2), true, ok), Some((3, false)));
        assert_eq!(step(4, From::Before(2), false, ok), Some((1, false)));
        assert_eq!(step(4, From::Before(4), true, ok), Some((0, true)));
        assert_eq!(step(4, From::Before(0), false, ok), Some((3, true)));
        assert_eq!(step(4, From::At(1), true, |_| false), None);
        assert_eq!(step(1, From::At(0), true, |_| true), Some((0, true)));
        assert_eq!(step(0, From::Before(0), true, |_| true), None);
    }
}

//! From clusters to actors: ids in order of first mention, the kind most of their names have,
//! and the canonical name — the lexicon's name in the document's language for known countries,
//! regions and organisations (for a country, the name the text uses if it is one of the
//! country's names); otherwise the fullest base form among the names (a person's full
//! name; a spelt-out name before its acronym), the most frequent and then the first on ties.

use rustc_hash::FxHashMap;

use super::group::{Grouping, Naming};
use super::knowledge::Entry;
use super::morph::{fold_into, folds_to};
use crate::document::{Actor, ActorIdx, Form, Kind, Lang, Mention};
use crate::lexicon::places::countries;

/// The actors of a grouping of the mentions of a text in `lang`; each mention is given its
/// actor (in place: no list of every mention's actor beside the mentions).
pub fn actors(mentions: &mut [Mention], lang: &Lang, grouping: &mut Grouping) -> Vec<Actor> {
    let n = mentions.len();
    let mut actor_of_root: Vec<Option<ActorIdx>> = vec![None; grouping.clusters.count()];
    // An actor per cluster root, so no more actors than clusters (nor than mentions).
    let most = grouping.clusters.count().min(n);
    let mut roots: Vec<usize> = Vec::with_capacity(most);
    // Mentions per actor, then where each actor's mentions begin in `members`.
    let mut starts: Vec<usize> = Vec::with_capacity(most + 1);
    for (i, mention) in mentions.iter_mut().enumerate() {
        let Some(c) = grouping.cluster_of(i) else {
            continue;
        };
        let root = grouping.clusters.find(c);
        let idx = *actor_of_root[root].get_or_insert_with(|| {
            roots.push(root);
            starts.push(0);
            ActorIdx(roots.len() - 1)
        });
        starts[idx.0] += 1;
        mention.actor = Some(idx);
    }
    // The mentions of all actors in one list, each actor's together and in text order (no list
    // per actor to grow): the counts become where each actor's mentions end, and then, as they
    // are placed from the last, where they begin.
    let mut total = 0;
    for start in &mut starts {
        total += *start;
        *start = total;
    }
    let mut members = vec![0; total];
    for (i, m) in mentions.iter().enumerate().rev() {
        if let Some(a) = m.actor {
            starts[a.0] -= 1;
            members[starts[a.0]] = i;
        }
    }
    starts.push(total);
    let grouping = &*grouping;
    let mut scratch = Scratch::default();
    roots
        .iter()
        .enumerate()
        .map(|(a, &root)| {
            let list = &members[starts[a]..starts[a + 1]];
            let entry = grouping.clusters.at_root(root).entry;
            let kind = entry.map_or_else(|| kind_of(list, grouping), |e| e.kind());
            let name = match entry {
                Some(e) => entry_name(e, list, grouping, lang, &mut scratch),
                None => name_of(list, grouping, kind, &mut scratch),
            };
            Actor {
                id: actor_id(a + 1),
                name,
                kind,
                salience: 0.0,
                aliases: Vec::new(),
            }
        })
        .collect()
}

/// An actor's id: "a" and its number ("a1", "a2", …).
fn actor_id(number: usize) -> String {
    // The digits from the last, at the end of a buffer that holds any number.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = number;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - start);
    id.push('a');
    id.push_str(std::str::from_utf8(&digits[start..]).expect("ASCII digits"));
    id
}

/// Buffers reused from one actor to the next.
#[derive(Default)]
struct Scratch<'g> {
    /// A mention's base, folded.
    base: String,
    /// A listed name folded, when it is not plain ASCII.
    listed: String,
    /// An actor's name mentions' namings with their bases, and how often each base among
    /// many occurs, when several are as full (`name_of`).
    names: Vec<(&'g Naming, &'g str)>,
    counts: FxHashMap<&'g str, usize>,
    /// The lexicon names a country's mentions give, and how often.
    listed_counts: Vec<(&'static str, usize)>,
}

/// Whether a base has an ASCII digit: asked of every name, and most bases are longer than
/// eight bytes, which are looked at at once (a byte at a time cost a hundred instructions a
/// name).
fn has_digit(base: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let mut eights = base.chunks_exact(8);
    // Each byte's low seven bits plus an offset set its high bit when they are at least b'0'
    // (or above b'9'), without a carry into the next byte; bytes with their own high bit set
    // are no ASCII.
    let digits = |x: u64| {
        let low = x & !HIGH;
        (low + ONES * u64::from(0x80 - b'0'))
            & !(low + ONES * u64::from(0x80 - b'9' - 1))
            & !x
            & HIGH
    };
    eights
        .by_ref()
        .any(|eight| digits(u64::from_le_bytes(eight.try_into().expect("eight bytes"))) != 0)
        || eights.remainder().iter().any(u8::is_ascii_digit)
}

/// A lexicon entry's name: the lexicon's canonical name in the document's language, except
/// for a country the text names by another of its names ("Großbritannien" for the United
/// Kingdom), which the reader will recognise better.
fn entry_name<'g>(
    entry: Entry,
    list: &[usize],
    grouping: &'g Grouping,
    lang: &Lang,
    scratch: &mut Scratch<'g>,
) -> String {
    let canonical = entry.name(lang);
    let Entry::Country(c) = entry else {
        return canonical.to_string();
    };
    let country = &countries()[c];
    let listed = match lang {
        Lang::De => &country.names_de,
        _ => &country.names_en,
    };
    let adjective =
        |n: &&str| country.adjectives_en.contains(n) || country.adjectives_de.contains(n);
    let count = &mut scratch.listed_counts;
    count.clear();
    // A base like the one before gives the name it gave.
    let mut previous: Option<(&str, Option<&str>)> = None;
    for &i in list.iter().filter(|&&i| grouping.form[i] == Form::Name) {
        let Some(naming) = grouping.naming(i) else {
            continue;
        };
        if naming.acronym {
            continue;
        }
        let base = grouping.base(naming);
        let found = match previous {
            Some((previous, found)) if previous == base => found,
            _ => {
                scratch.base.clear();
                fold_into(base, &mut scratch.base);
                let found = listed
                    .iter()
                    .copied()
                    .find(|n| folds_to(n, &scratch.base, &mut scratch.listed) && !adjective(n));
                previous = Some((base, found));
                found
            }
        };
        let Some(name) = found else {
            continue;
        };
        if name == canonical {
            return canonical.to_string();
        }
        match count.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += 1,
            None => count.push((name, 1)),
        }
    }
    let best = count.iter().rev().max_by_key(|(_, k)| *k).map(|(n, _)| *n);
    best.unwrap_or(canonical).to_string()
}

/// The kind most mentions give, names counting double; the first mention's on ties.
fn kind_of(list: &[usize], grouping: &Grouping) -> Kind {
    let mut votes = [0usize; 4];
    for &i in list {
        let weight = if grouping.form[i] == Form::Name { 2 } else { 1 };
        votes[grouping.kind[i].index()] += weight;
    }
    let first = list.first().map_or(Kind::Misc, |&i| grouping.kind[i]);
    let best = votes.iter().copied().max().unwrap_or(0);
    if votes[first.index()] == best {
        first
    } else {
        Kind::ALL
            .into_iter()
            .find(|k| votes[k.index()] == best)
            .unwrap_or(first)
    }
}

/// The fullest base form among the name mentions (for non-persons, spelt-out names before
/// acronyms; names in words before those with a number in digits: "Fukushima Daiichi", not
/// "Fukushima 1"), then the most frequent, then the first; without name mentions, the first base
/// a derived form or part gave.
///
/// One pass finds the best fullness and how many names have it; only when several do are the
/// names collected and their bases counted (pairwise for a few, through a map for more), most
/// often not at all.
fn name_of<'g>(
    list: &[usize],
    grouping: &'g Grouping,
    kind: Kind,
    scratch: &mut Scratch<'g>,
) -> String {
    let names = || {
        list.iter()
            .filter(|&&i| grouping.form[i] == Form::Name)
            .filter_map(|&i| grouping.naming(i))
    };
    let fullness = |n: &Naming| {
        (
            kind == Kind::Per || !n.acronym,
            !has_digit(&grouping.bases.as_bytes()[n.base.range()]),
            n.words,
        )
    };
    // The best fullness, how many names have it and the first of them.
    let mut best: Option<((bool, bool, u32), usize, &Naming)> = None;
    let mut total = 0;
    for n in names() {
        total += 1;
        let f = fullness(n);
        match &mut best {
            Some((b, _, _)) if f < *b => {}
            Some((b, tied, _)) if f == *b => *tied += 1,
            _ => best = Some((f, 1, n)),
        }
    }
    let Some((top, tied, first)) = best else {
        return list
            .iter()
            .find_map(|&i| grouping.naming(i))
            .map(|n| String::from(grouping.base(n)))
            .unwrap_or_default();
    };
    if tied == 1 {
        return String::from(grouping.base(first));
    }
    // Several names are as full: the most frequent base among all names, the first on ties.
    // They are gathered now, once, and looked at from the compact list. Names of one surface
    // share their base (same span), told without comparing the text.
    let Scratch {
        names: all, counts, ..
    } = scratch;
    all.clear();
    all.extend(names().map(|n| (n, grouping.base(n))));
    let same = |a: &(&Naming, &str), b: &(&Naming, &str)| a.0.base == b.0.base || a.1 == b.1;
    let many = total > FEW;
    if many {
        counts.clear();
        for &(_, base) in all.iter() {
            *counts.entry(base).or_default() += 1;
        }
    }
    let mut chosen: Option<(usize, &str)> = None;
    for n in all
        .iter()
        .filter(|n| n.0.words == top.2 && fullness(n.0) == top)
    {
        let count = if many {
            counts[n.1]
        } else {
            all.iter().filter(|m| same(m, n)).count()
        };
        if chosen.is_none_or(|(c, _)| count > c) {
            chosen = Some((count, n.1));
        }
    }
    chosen.map_or_else(String::new, |(_, base)| String::from(base))
}

/// Up to how many names `name_of` counts bases pairwise.
const FEW: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    /// `name_of` as it was: every name's fullness, count and order as one key, the largest
    /// taken.
    fn name_by_keys(list: &[usize], grouping: &Grouping, kind: Kind) -> String {
        let names: Vec<&Naming> = list
            .iter()
            .filter(|&&i| grouping.form[i] == Form::Name)
            .filter_map(|&i| grouping.naming(i))
            .collect();
        let bases: Vec<&str> = names.iter().map(|n| grouping.base(n)).collect();
        let best = names
            .iter()
            .enumerate()
            .max_by_key(|(order, n)| {
                (
                    kind == Kind::Per || !n.acronym,
                    !bases[*order].bytes().any(|b| b.is_ascii_digit()),
                    n.words,
                    bases.iter().filter(|b| **b == bases[*order]).count(),
                    usize::MAX - order,
                )
            })
            .map(|(order, _)| String::from(bases[order]));
        best.or_else(|| {
            list.iter()
                .find_map(|&i| grouping.naming(i))
                .map(|n| String::from(grouping.base(n)))
        })
        .unwrap_or_default()
    }

    #[test]
    fn actor_ids_are_a_and_the_number() {
        for number in [1, 9, 10, 3111, usize::MAX] {
            assert_eq!(actor_id(number), format!("a{number}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn has_digit_agrees_with_looking_at_every_byte(base in "[a/09:Ä٣]{0,20}") {
            proptest::prop_assert_eq!(
                has_digit(base.as_bytes()),
                base.bytes().any(|b| b.is_ascii_digit())
            );
        }

        #[test]
        fn name_of_agrees_with_taking_the_largest_key(
            mentions in proptest::collection::vec(
                ("[ab1]{0,2}", 1usize..3, proptest::bool::ANY, proptest::bool::ANY, 0u8..4),
                0..60,
            ),
            person: bool,
            uniform: bool,
        ) {
            // Uniform names are all as full: many ties.
            let mut bases = String::new();
            let (mut naming, mut form) = (Vec::new(), Vec::new());
            let mut previous: Option<(String, Span)> = None;
            for (base, words, acronym, share, shape) in &mentions {
                let (base, words, acronym) = if uniform {
                    (&base.replace('1', "a"), &1, &false)
                } else {
                    (base, words, acronym)
                };
                // Names of one surface share their base's span.
                let span = match &previous {
                    Some((b, span)) if *share && b == base => *span,
                    _ => {
                        bases.push_str(base);
                        Span::new(bases.len() - base.len(), bases.len())
                    }
                };
                previous = Some((base.to_string(), span));
                let named = Naming::new(span, *words, *acronym);
                naming.push((*shape != 0).then_some(named));
                form.push(if *shape == 1 { Form::Part } else { Form::Name });
            }
            let n = mentions.len();
            let grouping = Grouping::unclustered(naming, form, bases);
            let list: Vec<usize> = (0..n).collect();
            let kind = if person { Kind::Per } else { Kind::Org };
            let mut scratch = Scratch::default();
            proptest::prop_assert_eq!(
                name_of(&list, &grouping, kind, &mut scratch),
                name_by_keys(&list, &grouping, kind)
            );
        }
    }
}

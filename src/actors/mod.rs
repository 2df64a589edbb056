//! Grouping mentions into actors: the recognizer's mentions checked first (roles taken out of
//! names and kinds set right: `kinds`; acronyms defined in the text: `acronyms`; names it missed:
//! `propagate`), then linked (`group`), named (`canonical`), given descriptor mentions for role
//! phrases (`descriptors`) and ranked (`salience`); `eval` scores all of it against gold.
//!
//! Linear in the number of mentions: one scan of the article text and hash-map lookups keyed by
//! folded forms, never a comparison of all pairs. The maps hash with FxHash (`rustc_hash`):
//! with SipHash, hashing was a sixth of linking's time.

pub mod cmd;
pub mod eval;

mod acronyms;
mod canonical;
mod derived;
mod descriptors;
mod group;
mod kinds;
mod knowledge;
mod morph;
mod names;
mod numbered;
mod propagate;
mod roles;
mod salience;
mod tokens;

#[cfg(test)]
mod test_support;

use crate::document::{Actor, Document, Form, Mention, Origin};
use tokens::Tokens;

/// How many entries a table kept per distinct word, name or naming of a text starts with room
/// for; it grows when the text has more. A long text has far fewer distinct words or names
/// than tokens or mentions, and a hash table sized by those has its few entries scattered over
/// megabytes: every look-up a cache miss, every entry a page touched.
const DISTINCT_WORDS: usize = 1024;

/// Builds the tables linking looks things up in (lexicon indexes, role nouns; a few
/// milliseconds, once per process). `link` does it on first use; a program can call this on a
/// thread of its own while the recognizer loads its model, so that the first article does not
/// wait for both.
pub fn prepare() {
    knowledge::knowledge();
    roles::prepare();
    descriptors::prepare();
    kinds::prepare();
}

/// Groups the document's mentions into actors, names them and ranks them by salience.
///
/// Takes the recognizer's mentions (names, derived forms, parts; any actors they had are
/// replaced) and leaves every name, derived and part mention with an actor (except those with no
/// letter or digit, which name nothing); roles trimmed off person names and kinds corrected;
/// mentions added where the recognizer missed a name the text or the lexicons vouch for
/// (origin rule or lexicon) and for role phrases (descriptors); and the actors (ids in order of
/// first mention) with canonical name, kind, salience and aliases. Mentions stay sorted and
/// non-overlapping.
pub fn link(doc: &mut Document) {
    link_with(doc, None);
}

/// `link` for a document whose article blocks the recognizer has already tokenized (its
/// `crate::nlp::tokenize` tokens of those blocks, in text order): saves tokenizing the text a
/// second time, about a fifth of linking's time.
pub fn link_tokenized(doc: &mut Document, tokens: &[crate::nlp::tokenize::Token]) {
    link_with(doc, Some(tokens));
}

fn link_with(doc: &mut Document, words: Option<&[crate::nlp::tokenize::Token]>) {
    doc.actors.clear();
    doc.mentions.retain(|m| {
        !(m.form == Form::Descriptor && matches!(m.origin, Origin::Rule | Origin::Link))
    });
    for m in &mut doc.mentions {
        m.actor = None;
    }

    kinds::trim_roles(doc);
    kinds::fix_mentions(doc);
    numbered::numbered_names(doc);
    kinds::adjective_organisations(doc);
    kinds::english_organisations(doc);
    let mut tokens = match words {
        Some(words) => Tokens::from_tokens(&doc.text, &doc.lang, &doc.blocks, &doc.mentions, words),
        None => Tokens::scan(&doc.text, &doc.lang, &doc.blocks, &doc.mentions),
    };
    let found = acronyms::find(&doc.mentions, &tokens);
    remove_at(&mut doc.mentions, &found.replaced);
    if !found.added.is_empty() {
        merge_sorted(&mut doc.mentions, found.added);
        tokens.remark(&doc.mentions);
    }
    let missed = propagate::find(doc, &tokens);
    if !missed.is_empty() {
        merge_sorted(&mut doc.mentions, missed);
        tokens.remark(&doc.mentions);
    }
    // Words are asked about mostly before names: about one per mention.
    let mut roles_of = descriptors::WordRoles::new(&doc.lang, doc.mentions.len());
    kinds::from_appositions(&mut doc.mentions, &tokens, &mut roles_of);
    let mut grouping = group::group(doc, &tokens, &found.definitions);
    let mut actors = canonical::actors(&mut doc.mentions, &doc.lang, &mut grouping);
    kinds::agree(&mut grouping, &actors, &doc.mentions);
    let descriptors = descriptors::find(doc, &tokens, &grouping, &actors, roles_of);
    drop(tokens);

    for (i, m) in doc.mentions.iter_mut().enumerate() {
        m.form = grouping.form[i];
        m.kind = grouping.kind[i];
    }
    merge_sorted(&mut doc.mentions, descriptors);

    aliases(doc, &mut actors);
    let shares = salience::salience(doc, actors.len());
    for (actor, share) in actors.iter_mut().zip(shares) {
        actor.salience = share;
    }
    doc.actors = actors;
}

/// Gives each actor its aliases: the distinct surfaces of its name, derived and part
/// mentions, sorted. The surfaces are borrowed from the text and grouped by actor before any is
/// copied: one String per distinct alias, not per mention. Actor ids are dense, so the surfaces
/// are grouped by counting (each actor's share of one vector), not by sorting all of them.
fn aliases(doc: &Document, actors: &mut [Actor]) {
    let named = || {
        doc.mentions
            .iter()
            .filter(|m| matches!(m.form, Form::Name | Form::Derived | Form::Part))
            .filter_map(|m| Some((m.actor?.0, m.span)))
    };
    // Where each actor's surfaces begin, and then, as they are placed, where its next goes.
    let mut next = vec![0; actors.len() + 1];
    for (a, _) in named() {
        next[a + 1] += 1;
    }
    for a in 1..next.len() {
        next[a] += next[a - 1];
    }
    let mut surfaces = vec![""; next[actors.len()]];
    for (a, span) in named() {
        surfaces[next[a]] = &doc.text[span.range()];
        next[a] += 1;
    }
    // Each actor's surfaces now end where the next actor's begin.
    let mut start = 0;
    for (actor, &end) in actors.iter_mut().zip(&next) {
        let group = &mut surfaces[start..end];
        group.sort_unstable();
        let new = |i: usize| i == 0 || group[i - 1] != group[i];
        actor
            .aliases
            .reserve((0..group.len()).filter(|&i| new(i)).count());
        for i in (0..group.len()).filter(|&i| new(i)) {
            actor.aliases.push(group[i].to_string());
        }
        start = end;
    }
}

/// Removes the mentions at the given indices (ascending; an index may repeat), in one pass.
fn remove_at(mentions: &mut Vec<Mention>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let mut indices = indices.iter().copied().peekable();
    let mut index = 0;
    mentions.retain(|_| {
        let here = index;
        index += 1;
        let mut remove = false;
        while let Some(i) = indices.next_if(|&i| i <= here) {
            remove |= i == here;
        }
        !remove
    });
}

/// Merges sorted additions into the sorted mentions, in place and in one pass from the back:
/// the list grows by the additions, and from the last addition to the first, the old mentions
/// after each are moved up as one run and the addition put before them (ties keep the old
/// mention first). The old mentions after each addition are found by a galloping search back
/// from where the last one went (steps of 1, 2, 4, …, then a binary search within the last
/// step): additions lie close together in a long document. The mentions before the first
/// addition are not touched, and no second list of all of them is written.
fn merge_sorted(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    let Some(&filler) = added.first() else {
        return;
    };
    let key = |m: &Mention| (m.span.start(), m.span.end());
    // mentions[..old] are the old mentions not yet moved; mentions[old + left..] are placed.
    let mut old = mentions.len();
    mentions.resize(old + added.len(), filler);
    for (left, m) in added.iter().enumerate().rev() {
        let goes_before = |x: &Mention| key(x) <= key(m);
        // mentions[high..old] go after m; mentions[high - step], if there is one, does not.
        let (mut high, mut step) = (old, 1);
        while high >= step && !goes_before(&mentions[high - step]) {
            high -= step;
            step *= 2;
        }
        let low = high.saturating_sub(step - 1);
        let after = low + mentions[low..high].partition_point(goes_before);
        mentions.copy_within(after..old, after + left + 1);
        mentions[after + left] = *m;
        old = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Kind, Span};
    use proptest::prelude::*;

    fn mention(start: usize, end: usize, origin: Origin) -> Mention {
        Mention {
            span: Span::new(start, end),
            kind: Kind::Per,
            form: Form::Name,
            actor: None,
            origin,
        }
    }

    #[test]
    fn removing_by_index_keeps_the_others_in_order() {
        let mut list: Vec<Mention> = (0..5).map(|i| mention(i, i + 1, Origin::Model)).collect();
        remove_at(&mut list, &[1, 1, 3]);
        let starts: Vec<usize> = list.iter().map(|m| m.span.start()).collect();
        assert_eq!(starts, [0, 2, 4]);
        remove_at(&mut list, &[]);
        assert_eq!(list.len(), 3);
    }

    proptest! {
        /// The merge is the stable sort of old then added mentions by span: every mention kept,
        /// in text order, an old mention before an added one with the same span.
        #[test]
        fn merging_keeps_text_order_and_old_mentions_first(
            old in proptest::collection::vec((0usize..60, 0usize..4), 0..40),
            added in proptest::collection::vec((0usize..60, 0usize..4), 0..40),
        ) {
            let sorted = |spans: Vec<(usize, usize)>, origin| {
                let mut list: Vec<Mention> =
                    spans.into_iter().map(|(s, l)| mention(s, s + l, origin)).collect();
                list.sort_by_key(|m| (m.span.start(), m.span.end()));
                list
            };
            let (old, added) = (sorted(old, Origin::Model), sorted(added, Origin::Rule));
            let mut expected: Vec<Mention> = old.iter().chain(&added).cloned().collect();
            expected.sort_by_key(|m| (m.span.start(), m.span.end()));
            let mut merged = old;
            merge_sorted(&mut merged, added);
            prop_assert_eq!(merged, expected);
        }
    }
}

//! Grouping mentions into actors: the recognizer's mentions checked first (roles taken out of
//! names and kinds set right: `kinds`; acronyms defined in the text: `acronyms`; names it missed:
//! `propagate`), then linked (`group`), named (`canonical`), given descriptor mentions for role
//! phrases (`descriptors`) and ranked (`salience`); `eval` scores all of it against gold.
//!
//! Linear in the number of mentions: one scan of the article text and hash-map lookups keyed by
//! folded forms, never a comparison of all pairs.

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
mod propagate;
mod roles;
mod salience;
mod tokens;

#[cfg(test)]
mod test_support;

use crate::document::{Document, Form, Mention, Origin};
use tokens::Tokens;

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
    doc.actors.clear();
    doc.mentions.retain(|m| {
        !(m.form == Form::Descriptor && matches!(m.origin, Origin::Rule | Origin::Link))
    });
    for m in &mut doc.mentions {
        m.actor = None;
    }

    kinds::trim_roles(doc);
    let mut tokens = Tokens::scan(&doc.text, &doc.lang, &doc.blocks, &doc.mentions);
    let found = acronyms::find(&doc.mentions, &tokens);
    if !found.added.is_empty() {
        merge_sorted(&mut doc.mentions, found.added);
        tokens.remark(&doc.mentions);
    }
    let missed = propagate::find(doc, &tokens);
    if !missed.is_empty() {
        merge_sorted(&mut doc.mentions, missed);
        tokens.remark(&doc.mentions);
    }
    kinds::from_appositions(&mut doc.mentions, &doc.lang, &tokens);
    let mut grouping = group::group(doc, &tokens, &found.definitions);
    let (mut actors, assignment) = canonical::actors(doc, &mut grouping);
    kinds::agree(&mut grouping, &actors, &assignment);
    let descriptors = descriptors::find(doc, &tokens, &grouping, &actors, &assignment);
    drop(tokens);

    for (i, m) in doc.mentions.iter_mut().enumerate() {
        m.actor = assignment[i];
        m.form = grouping.form[i];
        m.kind = grouping.kind[i];
    }
    merge_sorted(&mut doc.mentions, descriptors);

    for m in &doc.mentions {
        let Some(a) = m.actor else { continue };
        if matches!(m.form, Form::Name | Form::Derived | Form::Part) {
            actors[a.0]
                .aliases
                .push(doc.text[m.span.range()].to_string());
        }
    }
    for actor in &mut actors {
        actor.aliases.sort();
        actor.aliases.dedup();
    }
    let shares = salience::salience(doc, actors.len());
    for (actor, share) in actors.iter_mut().zip(shares) {
        actor.salience = share;
    }
    doc.actors = actors;
}

/// Merges sorted, non-overlapping additions into the sorted mentions.
fn merge_sorted(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.span.start(), m.span.end()));
}

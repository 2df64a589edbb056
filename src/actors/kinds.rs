//! Kinds the recognizer got wrong, set right from stronger evidence:
//! - a class noun in apposition tells what a name is ("die Söldnergruppe Wagner" is an
//!   organisation, "der Küstenstadt Derna" a place, "Minister Bosse" a person);
//! - a name mention takes its actor's kind when the lexicon knows the actor or most of its
//!   names agree ("Wagner" tagged PER once among ORG mentions of Gruppe Wagner).

use super::group::{Grouping, LEGAL_FORMS, is_lexicon_name, is_quote};
use super::knowledge::knowledge;
use super::morph::{fold, lowercase_among};
use super::roles::{Class, role};
use super::tokens::Tokens;
use rustc_hash::FxHashSet;

use super::roles::is_english_modifier;
use crate::document::{Actor, ActorIdx, Document, Form, Kind, Lang, Mention, Span};

/// A part whose whole word is a name the lexicons know is that name: "UN-Sicherheitsrates"
/// tagged as a part of the UN is the Security Council itself.
pub fn parts_that_are_names(doc: &mut Document) {
    let german = !matches!(doc.lang, Lang::En);
    for m in doc.mentions.iter_mut().filter(|m| m.form == Form::Part) {
        if is_lexicon_name(&doc.text[m.span.range()], m.kind, german) {
            m.form = Form::Name;
        }
    }
}

/// German compass compounds of a known place are places ("Ostlibyens", "Südfrankreich",
/// "Nordostsyrien"), whatever kind the recognizer gave them.
pub fn compass_places(doc: &mut Document) {
    if matches!(doc.lang, Lang::En) {
        return;
    }
    for m in doc.mentions.iter_mut().filter(|m| m.form == Form::Name) {
        if m.kind != Kind::Loc && is_compass_place(&doc.text[m.span.range()]) {
            m.kind = Kind::Loc;
        }
    }
}

/// Whether a word is a compass direction joined to a place the lexicons know, in the
/// nominative or the genitive.
fn is_compass_place(word: &str) -> bool {
    const COMPASS: [&str; 9] = [
        "Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Ost", "Süd", "West", "Zentral",
    ];
    let Some(rest) = COMPASS.iter().find_map(|c| word.strip_prefix(c)) else {
        return false;
    };
    // The place starts with a capital letter in the lexicon but not inside the compound.
    if rest.chars().count() < 3 || !rest.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let places = knowledge();
    [Some(rest), rest.strip_suffix('s'), rest.strip_suffix("es")]
        .into_iter()
        .flatten()
        .any(|place| place.chars().count() >= 3 && places.place(place).is_some())
}

/// A company name the recognizer cut short before its legal form takes the capitalised words
/// right before it ("PNE WIND AG" tagged as "WIND AG", "Windkraft Nord AG" as "Nord AG"); not a
/// sentence's first word, an article or a preposition, nor a word of another mention.
pub fn legal_form_names(doc: &mut Document) {
    const LONGEST: usize = 2;
    for i in 0..doc.mentions.len() {
        let m = doc.mentions[i];
        let surface = &doc.text[m.span.range()];
        let ends_in_legal_form = surface.rsplit(' ').next().is_some_and(|last| {
            surface.contains(' ') && lowercase_among(last, LEGAL_FORMS).is_some()
        });
        if m.kind != Kind::Org || m.form != Form::Name || !ends_in_legal_form {
            continue;
        }
        let floor = i.checked_sub(1).map_or(0, |p| doc.mentions[p].span.end());
        let mut start = m.span.start();
        for _ in 0..LONGEST {
            match word_before(&doc.text, start) {
                Some(word) if word >= floor && !opens_sentence(&doc.text[..word]) => {
                    start = word;
                }
                _ => break,
            }
        }
        doc.mentions[i].span = Span::new(start, m.span.end());
    }
}

/// The start of the capitalised word that ends one space before `at`, if it may belong to a
/// name.
fn word_before(text: &str, at: usize) -> Option<usize> {
    const NOT_NAMES: [&str; 24] = [
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "The", "A",
        "An", "Bei", "Mit", "Von", "Für", "Laut", "Nach", "Über", "Und", "Oder", "Auch", "Wie",
    ];
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '&'))
        .last()
        .map(|(i, _)| i)?;
    let word = &before[start..];
    (word.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&word)).then_some(start)
}

/// Whether a word after this text would open a sentence or a block.
fn opens_sentence(before: &str) -> bool {
    match before.trim_end_matches(' ').chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '„' | '“' | '"' | '(' | '«' | '»'
        ),
    }
}

/// Takes leading titles and roles out of person names the recognizer marked with them
/// ("Bundesfamilienministerin Schwesig" → "Schwesig", "President Joe Biden" → "Joe Biden"),
/// which makes them persons. A name not marked as a person is trimmed only when the rest is a
/// person's name elsewhere in the text ("General Motors" stays whole).
pub fn trim_roles(doc: &mut Document) {
    let (german, english) = (!matches!(doc.lang, Lang::En), !matches!(doc.lang, Lang::De));
    let mut persons: FxHashSet<&str> = FxHashSet::default();
    for m in doc.mentions.iter().filter(|m| m.kind == Kind::Per) {
        let surface = doc.text[m.span.range()].trim();
        persons.insert(surface);
        if let Some(last) = surface.split_whitespace().last() {
            persons.insert(last);
        }
    }
    let mut trimmed = Vec::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if m.form != Form::Name {
            continue;
        }
        let surface = &doc.text[m.span.range()];
        if !surface.contains(char::is_whitespace) {
            // One word: nothing before it to trim.
            continue;
        }
        let words: Vec<(usize, &str)> = surface
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - surface.as_ptr() as usize, w))
            .collect();
        // The leading run of titles and modifiers that ends in a title.
        let mut cut = None;
        for (k, (_, w)) in words.iter().enumerate().take(words.len().saturating_sub(1)) {
            if role(w, german, english).is_some_and(|r| r.class == Class::Person) {
                cut = Some(k + 1);
            } else if !(english && is_english_modifier(w)) {
                break;
            }
        }
        let Some(cut) = cut else { continue };
        let rest = &surface[words[cut].0..];
        if m.kind == Kind::Per || persons.contains(rest.trim()) {
            let start = m.span.start() + words[cut].0;
            trimmed.push((i, Span::new(start, m.span.end())));
        }
    }
    for (i, span) in trimmed {
        doc.mentions[i].span = span;
        doc.mentions[i].kind = Kind::Per;
    }
}

/// Corrects the kinds of one-word name mentions with a role or class noun right before them,
/// where the lexicons do not say otherwise (longer names keep theirs: "der Finanzminister
/// Preußischer Landtag" is a clipped phrase, not a person; "Bayern" stays a place).
pub fn from_appositions(mentions: &mut [Mention], lang: &Lang, tokens: &Tokens) {
    let (german, english) = (!matches!(lang, Lang::En), !matches!(lang, Lang::De));
    for (m, mention) in mentions.iter_mut().enumerate() {
        if mention.form != Form::Name {
            continue;
        }
        let Some(t) = tokens.of_mention(m) else {
            continue;
        };
        // The word before, past an opening quote.
        let mut before = tokens.prev(t);
        if let Some(q) = before
            && !tokens.list[t].spaced
            && tokens.text(q).chars().all(is_quote)
        {
            before = tokens.prev(q).filter(|_| tokens.list[q].spaced);
        } else if !tokens.list[t].spaced {
            continue;
        }
        let Some(before) = before.filter(|&p| tokens.is_word(p)) else {
            continue;
        };
        let name = tokens.text(t);
        let Some(r) = role(tokens.text(before), german, english) else {
            continue;
        };
        // A longer name changes kind only from the vague MISC to an organisation or place
        // ("der Wählerinitiative „Gemeinsam für Dresden“").
        let vague = mention.kind == Kind::Misc && r.class != Class::Person;
        if r.class.fits(mention.kind) || (name.contains(' ') && !vague) {
            continue;
        }
        let kind = match r.class {
            Class::Person => Kind::Per,
            Class::Organisation => Kind::Org,
            Class::Place => Kind::Loc,
        };
        // What the lexicons know of the name must agree with the new kind.
        let k = knowledge();
        let entry_agrees = k.name(&fold(name)).is_none_or(|e| e.fits(kind));
        let place_agrees = kind == Kind::Loc || k.place(name).is_none();
        if entry_agrees && place_agrees {
            mention.kind = kind;
        }
    }
}

/// Gives name mentions their actor's kind when the actor is a lexicon entry or a strict
/// majority of its name mentions has that kind.
pub fn agree(grouping: &mut Grouping, actors: &[Actor], assignment: &[Option<ActorIdx>]) {
    let mut votes = vec![[0usize; 4]; actors.len()];
    for (i, a) in assignment.iter().enumerate() {
        if let Some(a) = a
            && grouping.form[i] == Form::Name
        {
            votes[a.0][grouping.kind[i].index()] += 1;
        }
    }
    let mut known = vec![false; actors.len()];
    for (i, a) in assignment.iter().enumerate() {
        if let (Some(a), Some(c)) = (a, grouping.cluster_of[i]) {
            known[a.0] = grouping.clusters.get(c).entry.is_some();
        }
    }
    for (i, a) in assignment.iter().enumerate() {
        let Some(a) = a else { continue };
        if grouping.form[i] != Form::Name {
            continue;
        }
        let kind = actors[a.0].kind;
        let v = votes[a.0];
        let total: usize = v.iter().sum();
        if known[a.0] || 2 * v[kind.index()] > total {
            grouping.kind[i] = kind;
        }
    }
}

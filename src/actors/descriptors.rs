//! Descriptor mentions: role phrases that stand for an actor.
//! - In apposition to a name, before it ("der militärische Machthaber Khalifa Haftar", "Prime
//!   Minister Shinzo Abe", "die Küstenstadt Derna") or after it between commas ("Juha Sipilä,
//!   dem Vorsitzenden der Zentrumspartei,"): a descriptor of the name's actor (origin rule).
//! - A role inside a compound that carries another name ("Kremlsprecher Dmitri Peskow",
//!   "CDU-Kandidat Markus Ulbig"): the word stays a part mention of that name (Kreml, CDU) — a
//!   mention covers whole words and must not overlap another — and the role is remembered for
//!   the person without a mention of its own.
//! - Later definite phrases with a remembered head noun ("der östliche Machthaber", "der
//!   Minister") link to the most recent actor that had it; those with the head noun of a
//!   single organisation's name ("die Bahn", "das Gericht", "the court") to that organisation
//!   (origin link).
//!
//! Descriptor spans never overlap name mentions or each other.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::group::{Grouping, is_quote};
use super::morph::{each_noun_form, fold_into, is_german_adjective, is_plain_byte, noun_stems};
use super::names::{BUFFER_BYTES, Sym, Symbols, capitalise};
use super::roles::{
    ListKey, Role, is_address, is_english_modifier, is_honorific, list_keys, may_be_role,
    organisation_class, role,
};
use super::tokens::{Token, Tokens};
use crate::document::{Actor, ActorIdx, Document, Form, Kind, Lang, Mention, Origin, Span};

const GERMAN_ARTICLES: &[&str] = &["der", "die", "das", "dem", "den", "des"];
/// The length of every article a definite phrase may begin with: `GERMAN_ARTICLES`, "the".
const ARTICLES_LEN: usize = 3;
const GERMAN_DETERMINERS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines",
    "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre", "ihrem", "ihren", "ihrer",
];
const ENGLISH_DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their"];

/// Words that open a phrase, so that adjectives after them belong to the role phrase.
const BOUNDARIES: &[&str] = &[
    "mit", "von", "vom", "zu", "zum", "zur", "bei", "beim", "für", "gegen", "ohne", "um", "durch",
    "an", "am", "auf", "aus", "in", "im", "nach", "vor", "über", "unter", "zwischen", "neben",
    "und", "oder", "sowie", "aber", "wie", "als", "laut", "trotz", "während", "wegen",
];

/// The English article of a definite phrase.
const ENGLISH_ARTICLES: &[&str] = &["the"];
/// Words that may follow the head of a role phrase after a name ("Juha Sipilä, chairman of …").
const ROLE_PHRASE_ENDS: &[&str] = &["of", "at", "in", "for"];
/// Words that tie a name to the head noun before them ("der Sprecher der Stadt Dresden").
const NAME_LINKS: &[&str] = &["der", "des", "of", "von", "vom"];

/// The word lists phrases are read with.
#[derive(Clone, Copy)]
enum List {
    GermanArticles,
    GermanDeterminers,
    EnglishDeterminers,
    Boundaries,
    RolePhraseEnds,
    NameLinks,
}

impl List {
    const ALL: [List; 6] = [
        List::GermanArticles,
        List::GermanDeterminers,
        List::EnglishDeterminers,
        List::Boundaries,
        List::RolePhraseEnds,
        List::NameLinks,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            List::GermanArticles => GERMAN_ARTICLES,
            List::GermanDeterminers => GERMAN_DETERMINERS,
            List::EnglishDeterminers => ENGLISH_DETERMINERS,
            List::Boundaries => BOUNDARIES,
            List::RolePhraseEnds => ROLE_PHRASE_ENDS,
            List::NameLinks => NAME_LINKS,
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Every word of the lists (`List`) with a bit for each list it is in: a word is looked up
/// once rather than compared with every word of a list.
struct Lists {
    bits: FxHashMap<ListKey, u8>,
    /// The length of the longest word: a longer word is not looked up.
    longest: usize,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut bits: FxHashMap<ListKey, u8> = FxHashMap::default();
        for list in List::ALL {
            for (key, _) in list_keys(list.words()) {
                *bits.entry(key).or_default() |= list.bit();
            }
        }
        let longest = List::ALL
            .iter()
            .flat_map(|list| list.words())
            .map(|w| w.len())
            .max()
            .unwrap_or(0);
        Lists { bits, longest }
    })
}

/// Builds the word lists (see `super::prepare`).
pub fn prepare() {
    lists();
}

/// Heads too common to carry a reference on their own ("der Mann" is seldom the strong man
/// named three paragraphs ago).
const NOT_REMEMBERED: &[&str] = &["mann", "frau", "herr", "man", "woman"];

/// A remembered noun form.
#[derive(Clone, Copy)]
struct Slot {
    /// The actor that had it most recently.
    actor: ActorIdx,
    /// When the form is a noun remembered itself: its forms (their numbers), the range in
    /// `Finder::head_slots`. A noun is remembered again and again; its forms are found once.
    forms: Option<(usize, usize)>,
}

/// What a folded noun form the finder knows of (by its number in `Finder::forms`) stands for.
#[derive(Clone, Copy, Default)]
struct FormFacts {
    /// Its slot, when it is a remembered form.
    slot: Option<Slot>,
    /// When it is the class noun of organisations' names (`short_forms`): the one organisation
    /// whose name has it (None: several).
    short_form: Option<Option<ActorIdx>>,
}

struct Finder<'a> {
    doc: &'a Document,
    tokens: &'a Tokens<'a>,
    grouping: &'a Grouping,
    german: bool,
    english: bool,
    /// The remembered noun forms and the organisations' class nouns, each by a number (the
    /// table of folded forms `group` uses, so one kind of table serves both), and what each
    /// stands for, by its number. Empty while no noun has a referent.
    forms: Symbols,
    facts: Vec<FormFacts>,
    /// The forms of remembered nouns (`Slot::forms`).
    head_slots: Vec<Sym>,
    /// The `start_key` of every form in `forms`.
    starts: StartKeys,
    /// What the phrases ask of each actor.
    actors: Vec<ActorFacts<'a>>,
    out: Vec<Mention>,
    /// End of the last descriptor or mention passed: nothing may start before it.
    covered: usize,
    /// The role noun of each word asked about, shared with `kinds::from_appositions`.
    roles_of: WordRoles<'a>,
    /// A folded word (`fold_into`), the buffer reused for every lookup.
    folded: String,
    /// The words asked about as head nouns that are not plain ASCII (`is_plain_word`), folded
    /// once per distinct word (`fold_word`): the place in `fold_ranges` of the range of each in
    /// `folds_text`.
    folds: FxHashMap<&'a str, usize>,
    fold_ranges: Vec<(usize, usize)>,
    folds_text: String,
}

/// An actor's kind and canonical name, and whether a mention of it has been passed: one
/// vector per document for all three.
struct ActorFacts<'a> {
    kind: Kind,
    name: &'a str,
    seen: bool,
}

/// The room `Finder::add_forms` makes for the forms of remembered nouns when it adds the
/// first.
const FIRST_FORMS: usize = 16;

/// A set of `start_key`s as one bit each of 1,024 (several keys may share one): most words
/// start like no key, and a clear bit tells so without a hash lookup.
#[derive(Default)]
struct StartKeys {
    bits: [u64; 16],
}

impl StartKeys {
    fn bit(key: u32) -> usize {
        (u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize
    }

    fn insert(&mut self, key: u32) {
        let bit = Self::bit(key);
        self.bits[bit >> 6] |= 1 << (bit & 63);
    }

    /// False when no key inserted is this one (true: one may be).
    fn contains(&self, key: u32) -> bool {
        let bit = Self::bit(key);
        self.bits[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// The role noun (`roles::role`, in the document's languages) of each word asked about, looked
/// up once per distinct word of a document: `kinds::from_appositions` asks about the words
/// before names, and `find` about those again and more.
pub struct WordRoles<'a> {
    german: bool,
    english: bool,
    /// A word → its place in `roles`.
    index: FxHashMap<&'a str, usize>,
    roles: Vec<Option<Role>>,
}

impl<'a> WordRoles<'a> {
    /// For a document in this language, sized for about this many words (at most
    /// `DISTINCT_WORDS`: the words asked about repeat).
    pub fn new(lang: &Lang, words: usize) -> WordRoles<'a> {
        let words = words.min(super::DISTINCT_WORDS);
        WordRoles {
            german: !matches!(lang, Lang::En),
            english: !matches!(lang, Lang::De),
            index: FxHashMap::with_capacity_and_hasher(words, Default::default()),
            roles: Vec::with_capacity(words),
        }
    }

    /// The word's role noun (`roles::role`).
    pub fn of(&mut self, word: &'a str) -> Option<Role> {
        // Many words are ruled out without a look-up (German ones in lower case).
        if !may_be_role(word, self.english) {
            return None;
        }
        let next = self.roles.len();
        let i = *self.index.entry(word).or_insert(next);
        if i == next {
            self.roles.push(role(word, self.german, self.english));
        }
        self.roles[i]
    }
}

/// The descriptor mentions of a linked document; `roles_of` holds the roles of the words
/// asked about before.
pub fn find<'a>(
    doc: &'a Document,
    tokens: &'a Tokens,
    grouping: &'a Grouping,
    actors: &'a [Actor],
    roles_of: WordRoles<'a>,
) -> Vec<Mention> {
    let mut finder = Finder {
        doc,
        tokens,
        grouping,
        german: !matches!(doc.lang, Lang::En),
        english: !matches!(doc.lang, Lang::De),
        forms: Symbols::default(),
        facts: Vec::new(),
        head_slots: Vec::new(),
        starts: StartKeys::default(),
        actors: actors
            .iter()
            .map(|a| ActorFacts {
                kind: a.kind,
                name: &a.name,
                seen: false,
            })
            .collect(),
        out: Vec::new(),
        covered: 0,
        roles_of,
        folded: String::with_capacity(BUFFER_BYTES),
        folds: FxHashMap::default(),
        fold_ranges: Vec::new(),
        folds_text: String::new(),
    };
    finder.short_forms(actors);
    finder.run();
    finder.out
}

/// The first three bytes of a key (a shorter key whole) and its length, packed: keys that
/// start alike, as all forms of a word do, have the same.
fn start_key(key: &str) -> u32 {
    let start = &key.as_bytes()[..key.len().min(3)];
    start.iter().fold(start.len() as u32, |packed, &b| {
        (packed << 8) | u32::from(b)
    })
}

/// The organisation class (`organisation_class`) of the last of an organisation's words that
/// may be its head noun and has one. Those words are: in English the last word before "of" or
/// "for" ("Court" in "International Court of Justice"); in German the capitalised words it
/// starts with ("Deutsche Bahn", "Landgericht Bonn", "Institut" in "Institut der deutschen
/// Wirtschaft").
fn head_class(name: &str, lang: &Lang) -> Option<&'static str> {
    let words = name.split_whitespace();
    match lang {
        Lang::En => words
            .take_while(|w| !matches!(*w, "of" | "for" | "on"))
            .last()
            .and_then(organisation_class),
        _ => words
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains('-'))
            .filter_map(organisation_class)
            .last(),
    }
}

/// The `start_key` of the folded word (`fold_into`) when that is five bytes or longer and
/// known without folding: the word starts with five plain bytes (`morph::is_plain_byte`), which
/// folding only lower-cases.
fn plain_start_key(word: &str) -> Option<u32> {
    let start = word.as_bytes().get(..5)?;
    if !start.iter().all(|&b| is_plain_byte(b)) {
        return None;
    }
    Some(start[..3].iter().fold(3, |packed, &b| {
        (packed << 8) | u32::from(b.to_ascii_lowercase())
    }))
}

/// True for a word of plain bytes (`morph::is_plain_byte`), which `fold_into` only
/// lower-cases: most words, folded without a look-up (`Finder::with_folded`).
fn is_plain_word(word: &str) -> bool {
    word.bytes().all(is_plain_byte)
}

impl<'a> Finder<'a> {
    /// Class nouns of organisation names, for short forms: "Deutsche Bahn" → "bahn",
    /// "Bundesverfassungsgericht" → "gericht", "International Court of Justice" → "court"; None
    /// when several organisations share one.
    fn short_forms(&mut self, actors: &[Actor]) {
        for (a, actor) in actors.iter().enumerate() {
            if actor.kind != Kind::Org {
                continue;
            }
            let Some(class) = head_class(&actor.name, &self.doc.lang) else {
                continue;
            };
            let s = self.form(class);
            let facts = &mut self.facts[s.index()];
            facts.short_form = match facts.short_form {
                None => Some(Some(ActorIdx(a))),
                Some(one) if one == Some(ActorIdx(a)) => Some(one),
                Some(_) => Some(None),
            };
        }
    }

    /// The number of a folded form in `forms`, given one (with no facts yet) if it is new.
    fn form(&mut self, folded: &str) -> Sym {
        if self.facts.is_empty() {
            // Sized once: a document remembers a few nouns of a few forms each.
            self.forms = Symbols::with_capacity(FIRST_FORMS);
            self.facts.reserve(FIRST_FORMS);
        }
        let s = self.forms.intern(folded);
        if s.index() == self.facts.len() {
            self.facts.push(FormFacts::default());
            self.starts.insert(start_key(folded));
        }
        s
    }

    /// The facts of a folded form, if it has any.
    fn facts_of(&self, folded: &str) -> Option<FormFacts> {
        self.forms.get(folded).map(|s| self.facts[s.index()])
    }

    fn run(&mut self) {
        let tokens = self.tokens;
        // Phrases are found at mentions and at articles (`ARTICLES_LEN` bytes): the tokens
        // between are passed over by their class and length alone.
        let may_start =
            |token: &Token| token.is_mention() || token.is_word() && token.len() == ARTICLES_LEN;
        let mut t = 0;
        while let Some(skip) = tokens.list[t..].iter().position(may_start) {
            t += skip;
            if let Some(m) = tokens.mention(t) {
                let actor = self.doc.mentions[m].actor;
                if let Some(a) = actor {
                    self.actors[a.0].seen = true;
                }
                match (self.grouping.form[m], actor) {
                    (Form::Name, Some(a)) => {
                        self.before(t, a);
                        self.covered = self.covered.max(self.tokens.end(t));
                        if let Some(next) = self.after(t, a) {
                            t = next;
                            continue;
                        }
                    }
                    (Form::Part, _) => self.role_in_compound(t, m),
                    _ => {}
                }
                self.covered = self.covered.max(self.tokens.end(t));
            } else if let Some(next) = self.definite(t) {
                t = next;
                continue;
            }
            t += 1;
        }
    }

    fn text(&self, t: usize) -> &'a str {
        self.tokens.text(t)
    }

    /// True when token `t` is a word of the list, in any ASCII case.
    fn is_in(&self, t: usize, list: List) -> bool {
        let lists = lists();
        let word = self.text(t);
        self.tokens.is_word(t)
            && word.len() <= lists.longest
            && ListKey::new(word)
                .and_then(|key| lists.bits.get(&key).copied())
                .is_some_and(|bits| bits & list.bit() != 0)
    }

    /// True when the word at token `t` (of `ARTICLES_LEN` bytes) is an article of the
    /// document's languages, in any ASCII case: compared as three bytes, for every such word.
    fn is_article(&self, t: usize) -> bool {
        let Ok(word) = <[u8; ARTICLES_LEN]>::try_from(self.tokens.bytes(t)) else {
            return false;
        };
        let word = word.map(|b| b.to_ascii_lowercase());
        let among = |list: &[&str]| list.iter().any(|a| a.as_bytes() == word);
        (self.german && among(GERMAN_ARTICLES)) || (self.english && among(ENGLISH_ARTICLES))
    }

    fn is_role(&mut self, t: usize) -> Option<Role> {
        if !self.tokens.is_word(t) {
            return None;
        }
        self.roles_of.of(self.text(t))
    }

    fn push(&mut self, first: usize, last: usize, actor: ActorIdx, origin: Origin) {
        let span = Span::new(self.tokens.start(first), self.tokens.end(last));
        if span.start() < self.covered {
            return;
        }
        self.out.push(Mention {
            span,
            kind: self.actors[actor.0].kind,
            form: Form::Descriptor,
            actor: Some(actor),
            origin,
        });
        self.covered = span.end();
    }

    /// `remember` for the word of a token.
    fn remember_word(&mut self, head: &'a str, role: Option<Role>, actor: ActorIdx) {
        self.with_folded(head, |finder, folded| {
            finder.remember_folded(folded, role, actor);
        });
    }

    fn remember(&mut self, head: &str, role: Option<Role>, actor: ActorIdx) {
        let mut folded = std::mem::take(&mut self.folded);
        folded.clear();
        fold_into(head, &mut folded);
        self.remember_folded(&folded, role, actor);
        self.folded = folded;
    }

    /// `remember` for a folded head.
    fn remember_folded(&mut self, folded: &str, role: Option<Role>, actor: ActorIdx) {
        self.remember_forms(folded, actor);
        // The lists' nouns are folded already; the head itself ("Präsident") is done.
        if let Some(r) = role
            && r.noun != folded
        {
            self.remember_forms(r.noun, actor);
        }
    }

    /// Calls `f` with the word folded (`fold_into`): a plain word (`is_plain_word`) lower-cased
    /// in the reused buffer, any other folded once per distinct word (`fold_word`). `f` must
    /// not fold words itself (the buffers are lent to it).
    fn with_folded<R>(&mut self, word: &'a str, f: impl FnOnce(&mut Self, &str) -> R) -> R {
        if is_plain_word(word) {
            let mut folded = std::mem::take(&mut self.folded);
            folded.clear();
            folded.push_str(word);
            folded.make_ascii_lowercase();
            let result = f(self, &folded);
            self.folded = folded;
            result
        } else {
            let (start, end) = self.fold_word(word);
            let folds_text = std::mem::take(&mut self.folds_text);
            let result = f(self, &folds_text[start..end]);
            self.folds_text = folds_text;
            result
        }
    }

    /// The folded word (`fold_into`), as its range in `folds_text`: folded once per distinct
    /// word.
    fn fold_word(&mut self, word: &'a str) -> (usize, usize) {
        let next = self.fold_ranges.len();
        let i = *self.folds.entry(word).or_insert(next);
        if i == next {
            let start = self.folds_text.len();
            fold_into(word, &mut self.folds_text);
            self.fold_ranges.push((start, self.folds_text.len()));
        }
        self.fold_ranges[i]
    }

    /// `remember` for one folded noun: its forms (`noun_forms`) point to `actor`. The forms
    /// of a noun are found (and a form allocated) only the first time it is remembered.
    fn remember_forms(&mut self, folded: &str, actor: ActorIdx) {
        let known = self.facts_of(folded).and_then(|facts| facts.slot?.forms);
        let (start, end) = match known {
            Some(range) => range,
            None => self.add_forms(folded, actor),
        };
        for &s in &self.head_slots[start..end] {
            if let Some(slot) = &mut self.facts[s.index()].slot {
                slot.actor = actor;
            }
        }
    }

    /// The slots of a noun's forms (as `remember_forms` takes them), added to `head_slots`
    /// and kept with the noun's own slot; new forms get a slot with `actor`.
    fn add_forms(&mut self, folded: &str, actor: ActorIdx) -> (usize, usize) {
        if self.head_slots.is_empty() {
            self.head_slots.reserve(FIRST_FORMS);
        }
        let start = self.head_slots.len();
        let mut own = None;
        each_noun_form(folded, |f| {
            if NOT_REMEMBERED.contains(&f) || is_honorific(f) {
                return;
            }
            let s = self.form(f);
            let facts = &mut self.facts[s.index()];
            if facts.slot.is_none() {
                facts.slot = Some(Slot { actor, forms: None });
            }
            if f == folded {
                own = Some(s);
            }
            self.head_slots.push(s);
        });
        let range = (start, self.head_slots.len());
        if let Some(s) = own
            && let Some(slot) = &mut self.facts[s.index()].slot
        {
            slot.forms = Some(range);
        }
        range
    }

    /// True when the German name at token `t` is in the genitive: it ends in -s or -' where
    /// its actor's name does not ("Stalins" for Stalin).
    fn genitive(&self, t: usize, actor: ActorIdx) -> bool {
        let surface = self.text(t);
        let name = self.actors[actor.0].name;
        self.german
            && (surface.ends_with('s') || surface.ends_with(['\'', '’']))
            && !name.ends_with('s')
    }

    /// A role phrase right before the name at token `t`.
    fn before(&mut self, t: usize, actor: ActorIdx) {
        let Some(mut head) = self.tokens.prev(t) else {
            return;
        };
        if !self.tokens.spaced(t) {
            // Only an opening quote may stand between: „Gemeinsam für Dresden“.
            if !self.text(head).chars().all(is_quote) || !self.tokens.spaced(head) {
                return;
            }
            let Some(h) = self.tokens.prev(head) else {
                return;
            };
            head = h;
        }
        // "Dr. Christian Remke": the abbreviation with its full stop.
        let mut last = head;
        if self.tokens.is_punct(head, '.') {
            match self.tokens.prev(head) {
                Some(h) if is_honorific(self.text(h)) && !self.tokens.spaced(head) => {
                    head = h;
                }
                _ => return,
            }
        }
        let Some(role) = self
            .is_role(head)
            .filter(|r| r.class.fits(self.actors[actor.0].kind))
        else {
            return;
        };
        let head_text = self.text(head);
        let first = if is_address(head_text) {
            // "seine Frau Sarah" is a role, "Frau Merkel" only a form of address.
            match self.extend_left(head) {
                first
                    if first < head
                        && (self.is_in(first, List::GermanDeterminers)
                            || self.is_in(first, List::EnglishDeterminers)) =>
                {
                    first
                }
                _ => return,
            }
        } else if is_honorific(head_text) {
            // An academic title stands alone ("an dem Prof. Ulrich Bonk": "dem" is the clause's).
            head
        } else {
            let first = self.extend_left(head);
            if first < head && self.genitive(t, actor) {
                // "der Stellvertreter Stalins": the name is the noun's complement, not its
                // apposition (as it is in "Präsident Putins Rede").
                return;
            }
            first
        };
        self.remember_word(self.text(head), Some(role), actor);
        if last < head {
            last = head;
        }
        self.push(first, last, actor, Origin::Rule);
    }

    /// The first token of the role phrase whose head is token `head`: German adjectives and
    /// their article ("der militärische Machthaber"); English title words and modifiers
    /// ("Prime Minister", "the former President").
    fn extend_left(&mut self, head: usize) -> usize {
        let mut first = head;
        let mut adjectives_from = head;
        let mut cursor = self.tokens.prev(head);
        while let Some(p) = cursor {
            if !self.tokens.is_word(p) {
                break;
            }
            let text = self.text(p);
            if self.german && is_german_adjective(text) && !self.is_in(p, List::GermanDeterminers) {
                adjectives_from = p;
            } else if self.english && (is_english_modifier(text) || self.is_role(p).is_some()) {
                first = p;
                adjectives_from = p;
            } else {
                break;
            }
            cursor = self.tokens.prev(p);
        }
        let determiner = cursor.filter(|&p| {
            (self.german && self.is_in(p, List::GermanDeterminers))
                || (self.english && self.is_in(p, List::EnglishDeterminers))
        });
        match determiner {
            Some(d) => d,
            None => {
                let bounded = match cursor {
                    None => true,
                    Some(p) => !self.tokens.is_word(p) || self.is_in(p, List::Boundaries),
                };
                if bounded { adjectives_from } else { first }
            }
        }
    }

    /// A role phrase after the name at token `t`, between commas: ", dem Vorsitzenden der …".
    /// Returns the token to continue from.
    fn after(&mut self, t: usize, actor: ActorIdx) -> Option<usize> {
        let comma = self.tokens.next(t)?;
        if !self.tokens.is_punct(comma, ',') {
            return None;
        }
        let first = self.tokens.next(comma)?;
        let mut cursor = first;
        if (self.german && self.is_in(first, List::GermanArticles))
            || (self.english && self.is_in(first, List::EnglishDeterminers))
        {
            cursor = self.tokens.next(first)?;
        }
        for _ in 0..3 {
            if !self.tokens.is_word(cursor) {
                return None;
            }
            let text = self.text(cursor);
            let capitalised = text.chars().next().is_some_and(char::is_uppercase);
            if let Some(role) = self.is_role(cursor)
                && (capitalised || self.english)
                && role.class.fits(self.actors[actor.0].kind)
                && !is_address(text)
            {
                let ends = match self.tokens.next(cursor) {
                    None => true,
                    Some(n) => {
                        !self.tokens.is_word(n)
                            || self.is_in(n, List::GermanArticles)
                            || self.is_in(n, List::Boundaries)
                            || self.is_in(n, List::RolePhraseEnds)
                    }
                };
                if !ends {
                    return None;
                }
                self.remember_word(text, Some(role), actor);
                self.push(first, cursor, actor, Origin::Rule);
                return Some(cursor + 1);
            }
            let adjective = (self.german && is_german_adjective(text))
                || (self.english && is_english_modifier(text));
            if !adjective {
                return None;
            }
            cursor = self.tokens.next(cursor)?;
        }
        None
    }

    /// "Kremlsprecher Dmitri Peskow": the role after the name inside a part mention is
    /// remembered for the person named next.
    fn role_in_compound(&mut self, t: usize, m: usize) {
        let (Some(inner), Some(next)) = (self.grouping.inner(m), self.tokens.next(t)) else {
            return;
        };
        let Some(following) = self.tokens.mention(next) else {
            return;
        };
        if self.grouping.form[following] != Form::Name || !self.tokens.spaced(next) {
            return;
        }
        let Some(actor) = self.doc.mentions[following].actor else {
            return;
        };
        // The rest of the word, with or without a linking s ("Kremls|precher" is "Kreml|sprecher").
        let span = self.tokens.span(t);
        let rest = self.doc.text[inner.end()..span.end()].trim_start_matches('-');
        let with_s = self.doc.text[inner.start()..inner.end()]
            .strip_suffix('s')
            .map(|_| format!("s{rest}"));
        for rest in [Some(rest.to_string()), with_s].into_iter().flatten() {
            let rest = capitalise(&rest);
            if let Some(role) =
                role(&rest, self.german, false).filter(|r| r.class.fits(self.actors[actor.0].kind))
            {
                self.remember(&rest, Some(role), actor);
                return;
            }
        }
    }

    /// A definite phrase at token `t` whose head noun was remembered or is an organisation's
    /// short form. Returns the token to continue from.
    fn definite(&mut self, t: usize) -> Option<usize> {
        // The articles (`ARTICLES_LEN`) have three bytes: most words are no article. Nothing
        // remembered and no short form yet: no head noun has a referent (`referent`).
        if !self.tokens.is_word(t)
            || self.tokens.len(t) != ARTICLES_LEN
            || self.facts.is_empty()
            || !self.is_article(t)
        {
            return None;
        }
        let mut cursor = self.tokens.next(t)?;
        for _ in 0..3 {
            if !self.tokens.is_word(cursor) {
                return None;
            }
            let text = self.text(cursor);
            let capitalised = text.chars().next().is_some_and(char::is_uppercase);
            let is_noun = if self.german && !self.english {
                capitalised
            } else {
                true
            };
            if is_noun && let Some(actor) = self.referent(cursor) {
                if self.followed_by_name(cursor) {
                    return None;
                }
                self.push(t, cursor, actor, Origin::Link);
                return Some(cursor + 1);
            }
            let adjective = (self.german && is_german_adjective(text))
                || (self.english
                    && (is_english_modifier(text)
                        || (!capitalised && self.tokens.len(cursor) > 2)));
            if !adjective {
                return None;
            }
            cursor = self.tokens.next(cursor)?;
        }
        None
    }

    /// The actor a head noun refers to: a remembered role, else an organisation's short form
    /// once the organisation has been named.
    fn referent(&mut self, t: usize) -> Option<ActorIdx> {
        if self.facts.is_empty() {
            return None;
        }
        let word = self.text(t);
        // Most words start like no key (see `referent_of`): told without folding them.
        if plain_start_key(word).is_some_and(|key| !self.starts.contains(key)) {
            return None;
        }
        self.with_folded(word, |finder, folded| finder.referent_of(folded))
    }

    /// `referent` of a folded head noun.
    fn referent_of(&self, folded: &str) -> Option<ActorIdx> {
        // Every form looked up below is the word or the word without an ending of at most two
        // bytes: in a word of five bytes or more, all start with its first three, so a word
        // that starts like no key is none.
        if folded.len() >= 5 && !self.starts.contains(start_key(folded)) {
            return None;
        }
        if let Some(slot) = noun_stems(folded).find_map(|f| self.facts_of(f)?.slot) {
            return Some(slot.actor);
        }
        // A short form in the singular: "die Bahn", "des Gerichts" (not "die Gerichte").
        let singular = [
            Some(folded),
            folded.strip_suffix("es"),
            folded.strip_suffix('s'),
        ];
        singular
            .into_iter()
            .flatten()
            .find_map(|f| self.facts_of(f)?.short_form.flatten())
            .filter(|a| self.actors[a.0].seen)
    }

    /// True when a name (or a genitive or "of" phrase with a name) follows the head noun at
    /// `t`: then the phrase is an apposition or names its own referent.
    fn followed_by_name(&self, t: usize) -> bool {
        let Some(next) = self.tokens.next(t) else {
            return false;
        };
        if self.tokens.mention(next).is_some() {
            return true;
        }
        if self.is_in(next, List::NameLinks) {
            let mut cursor = self.tokens.next(next);
            for _ in 0..4 {
                match cursor {
                    Some(c) if self.tokens.mention(c).is_some() => return true,
                    Some(c) if self.tokens.is_word(c) || self.text(c).chars().all(is_quote) => {
                        cursor = self.tokens.next(c);
                    }
                    _ => return false,
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::morph::fold;
    use super::*;

    #[test]
    fn definite_articles_have_the_length_checked_first() {
        assert!(
            GERMAN_ARTICLES
                .iter()
                .chain(ENGLISH_ARTICLES)
                .all(|a| a.len() == ARTICLES_LEN)
        );
    }

    proptest::proptest! {
        #[test]
        fn plain_start_keys_are_those_of_the_folded_words(word in "[A-Za-zÄä`’ .-]{0,8}") {
            if let Some(key) = plain_start_key(&word) {
                let folded = fold(&word);
                proptest::prop_assert!(folded.len() >= 5);
                proptest::prop_assert_eq!(key, start_key(&folded));
            }
        }

        #[test]
        fn plain_words_fold_to_lower_case(word in "[A-Za-zÄä`’ .-]{0,8}") {
            if is_plain_word(&word) {
                proptest::prop_assert_eq!(fold(&word), word.to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn list_words_have_keys() {
        for list in List::ALL {
            for word in list.words() {
                assert!(ListKey::new(word).is_some(), "{word}");
                assert_eq!(word.to_lowercase(), *word);
            }
        }
    }
}

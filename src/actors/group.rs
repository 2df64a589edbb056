//! Grouping name, derived and part mentions into clusters, in one pass in text order. Every
//! lookup is of a folded form, by its number in the document's `Symbols`, in one table (no
//! comparison of all pairs):
//! - persons: full names by key; a surname alone goes to the most recent person with that
//!   surname; a full name joins the most recent compatible person with its surname (so two
//!   people with one surname stay apart), or one with the same first name and a surname one
//!   letter off (a misspelling);
//! - other names: the lexicons (countries, regions, organisations with their acronyms and
//!   inflected forms), then the document's own names by surface, base form, stems and loose key,
//!   acronyms defined in the text, companies by their name without the legal form;
//! - derived forms through `derived`, parts through the name inside the word.

use std::cell::Cell;

use super::derived::{self, Base, Plan};
use super::knowledge::{Entry, knowledge};
use super::morph::{
    Stems, fold, fold_into, german_stems, is_acronym, is_german_adjective, lowercase_among,
    strip_possessive,
};
use super::names::{self, Attested, Name, Scratch, Surroundings, Sym, Symbols, given_compatible};
use super::tokens::Tokens;
use crate::document::{Document, Form, Kind, Span};

/// One group of mentions under construction.
#[derive(Clone, Debug, Default)]
pub struct Cluster {
    pub entry: Option<Entry>,
    /// The latest of the person's first names (or initials), folded, in `Clusters::given`.
    given: Link,
    pub surname: Option<Sym>,
    /// The surname's `letters`.
    letters: u64,
}

/// Clusters with union-find, so that groups found apart can be joined later.
#[derive(Default)]
pub struct Clusters {
    parent: Vec<usize>,
    data: Vec<Cluster>,
    /// The first names of all clusters, each linked to the one its cluster had before (a
    /// cluster's first names are few, and looked at only all together).
    given: Vec<(Sym, Link)>,
}

impl Clusters {
    /// Room for `n` clusters.
    fn with_capacity(n: usize) -> Clusters {
        Clusters {
            parent: Vec::with_capacity(n),
            data: Vec::with_capacity(n),
            given: Vec::new(),
        }
    }

    /// How many clusters there are (joined ones included): the bound of cluster numbers.
    pub fn count(&self) -> usize {
        self.parent.len()
    }

    /// The first names of the cluster at a root.
    fn given(&self, root: usize) -> impl Iterator<Item = Sym> + '_ {
        let mut next = self.data[root].given.get();
        std::iter::from_fn(move || {
            let (g, before) = self.given[next?];
            next = before.get();
            Some(g)
        })
    }

    /// Adds a first name to the cluster at a root, unless it has it.
    fn add_given(&mut self, root: usize, g: Sym) {
        if self.given(root).all(|known| known != g) {
            self.given.push((g, self.data[root].given));
            self.data[root].given.set(self.given.len() - 1);
        }
    }

    fn add(&mut self, cluster: Cluster) -> usize {
        self.parent.push(self.parent.len());
        self.data.push(cluster);
        self.parent.len() - 1
    }

    pub fn find(&mut self, mut c: usize) -> usize {
        while self.parent[c] != c {
            self.parent[c] = self.parent[self.parent[c]];
            c = self.parent[c];
        }
        c
    }

    pub fn get(&mut self, c: usize) -> &Cluster {
        let root = self.find(c);
        &self.data[root]
    }

    /// The cluster at a root (a number `find` gave), without a `find`.
    pub fn at_root(&self, root: usize) -> &Cluster {
        debug_assert_eq!(self.parent[root], root, "a root");
        &self.data[root]
    }

    fn get_mut(&mut self, c: usize) -> &mut Cluster {
        let root = self.find(c);
        &mut self.data[root]
    }

    /// Joins two clusters (the older one stays the root); refuses when they stand for two
    /// different lexicon entries.
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return a;
        }
        let (root, child) = (a.min(b), a.max(b));
        match (self.data[root].entry, self.data[child].entry) {
            (Some(x), Some(y)) if x != y => return a,
            (None, Some(y)) => self.data[root].entry = Some(y),
            _ => {}
        }
        let child_data = std::mem::take(&mut self.data[child]);
        let mut next = child_data.given.get();
        while let Some(at) = next {
            let (g, before) = self.given[at];
            self.add_given(root, g);
            next = before.get();
        }
        if self.data[root].surname.is_none() {
            self.data[root].surname = child_data.surname;
            self.data[root].letters = child_data.letters;
        }
        self.parent[child] = root;
        root
    }
}

/// How a mention names its actor, for choosing the canonical name (24 bytes; the mentions
/// of one analysis of a name share theirs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Naming {
    /// Where the base form the mention gives is in `Grouping::bases` (shared with the name's
    /// analysis: mentions of one surface do not copy it).
    pub base: Span,
    /// Its number of words (at most `u32::MAX`: a longer name counts as that long).
    pub words: u32,
    pub acronym: bool,
}

impl Naming {
    /// The naming of a base form at `base` with this many words.
    pub fn new(base: Span, words: usize, acronym: bool) -> Naming {
        Naming {
            base,
            words: u32::try_from(words).unwrap_or(u32::MAX),
            acronym,
        }
    }
}

/// The outcome of grouping. Its lists by mention are a long text's largest after the tokens,
/// and each is written whole (every page of it touched), so they are kept narrow: 10 bytes a
/// mention, not 82.
pub struct Grouping {
    pub clusters: Clusters,
    /// Mention → cluster (resolve through `clusters.find`): `cluster_of`.
    cluster_of: Vec<Link>,
    /// Mention → its naming in `namings`: `naming`.
    naming: Vec<Link>,
    /// The namings: one per analysis of a name (its mentions share it), derived form and part.
    namings: Vec<Naming>,
    /// Mentions whose form or kind linking corrected (a country adjective tagged as a name).
    pub form: Vec<Form>,
    pub kind: Vec<Kind>,
    /// The part mentions and the names inside their words, in mention order (few mentions
    /// are parts: no entry for every mention).
    inner: Vec<(usize, Span)>,
    /// The base forms the namings give, one after another.
    pub bases: String,
}

impl Grouping {
    /// The grouping of `n` mentions before any is grouped.
    fn new(n: usize, form: Vec<Form>, kind: Vec<Kind>, bases: String) -> Grouping {
        Grouping {
            clusters: Clusters::default(),
            cluster_of: vec![Link::NONE; n],
            naming: vec![Link::NONE; n],
            namings: Vec::new(),
            form,
            kind,
            inner: Vec::new(),
            bases,
        }
    }

    /// A grouping of mentions with these namings and forms (of kind organisation) that are in
    /// no cluster, for tests of naming.
    #[cfg(test)]
    pub fn unclustered(naming: Vec<Option<Naming>>, form: Vec<Form>, bases: String) -> Grouping {
        let n = naming.len();
        let mut grouping = Grouping::new(n, form, vec![Kind::Org; n], bases);
        for (i, naming) in naming.into_iter().enumerate() {
            if let Some(naming) = naming {
                let k = grouping.add_naming(naming);
                grouping.naming[i].set(k);
            }
        }
        grouping
    }

    /// Adds a naming; returns its number.
    fn add_naming(&mut self, naming: Naming) -> usize {
        self.namings.push(naming);
        self.namings.len() - 1
    }

    /// How mention `i` names its actor, if it has a naming.
    pub fn naming(&self, i: usize) -> Option<&Naming> {
        Some(&self.namings[self.naming[i].get()?])
    }

    /// The base form a naming gives.
    pub fn base(&self, naming: &Naming) -> &str {
        &self.bases[naming.base.range()]
    }

    /// Mention `i`'s cluster (resolve through `clusters.find`), if it has one.
    pub fn cluster_of(&self, i: usize) -> Option<usize> {
        self.cluster_of[i].get()
    }

    /// For a part mention: the span of the name inside its word.
    pub fn inner(&self, i: usize) -> Option<Span> {
        let at = self.inner.binary_search_by_key(&i, |&(m, _)| m).ok()?;
        Some(self.inner[at].1)
    }
}

/// An acronym defined in the text right after a name: "Alternative für Deutschland (AfD)".
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub name: Span,
    pub acronym: String,
}

/// Legal forms and company words a company's name may be given with or without.
pub(super) const LEGAL_FORMS: &[&str] = &[
    "ag",
    "gmbh",
    "se",
    "kg",
    "kgaa",
    "e.v.",
    "ev",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "group",
    "holding",
    "sa",
    "s.a.",
    "nv",
    "n.v.",
    "ab",
    "asa",
    "spa",
    "s.p.a.",
];

/// Geographic class words a place's name may drop ("Pacific Ocean" … "the Pacific").
const GEOGRAPHIC: &[&str] = &[
    "ocean",
    "sea",
    "river",
    "mountains",
    "desert",
    "islands",
    "peninsula",
    "ozean",
    "gebirge",
];

/// How many recent candidates a person lookup weighs (keeps the pass linear).
const RECENT: usize = 16;

struct Linker<'a> {
    doc: &'a Document,
    tokens: &'a Tokens<'a>,
    german: bool,
    /// The folded forms met so far (and the mentions' surfaces as written): `leads` is indexed
    /// by their numbers.
    symbols: Symbols,
    /// The names attested in a German document (an English one has no genitive to tell).
    attested: Attested,
    /// Acronyms defined after names, by the name's span (sorted; of two for one span, the
    /// later).
    definitions: Vec<(Span, &'a str)>,
    out: Grouping,
    /// What each form leads to.
    leads: Table,
    /// Lexicon entries and their clusters, sorted by `entry_order`.
    entries: Vec<(Entry, usize)>,
    /// The entries of the recency lists of surnames and first names (`Leads::surnamed`,
    /// `Leads::first_named`), each linked to the one before.
    recent: Vec<Recency>,
    /// Name and derived mention → its surface's place in `surfaces` (none for others).
    surface_of: Vec<Link>,
    surfaces: Vec<Surface>,
    /// The analyses of all surfaces, each surface's in a list through `Analysis::next`.
    analyses: Vec<Analysis>,
    /// How the surfaces of derived mentions are resolved.
    plans: Vec<Plan>,
    /// The name mentions analysed ahead of linking and their analyses, in text order, and how
    /// many of them linking has taken.
    prepared: Vec<(usize, usize)>,
    taken: usize,
    /// Reused by the analyses of names.
    scratch: Scratch<'a>,
    /// Reused for folding the words looked at inside compounds, and for where their
    /// characters begin, as written and folded.
    buffer: String,
    starts: Vec<(usize, usize)>,
}

/// What linking found out about one surface of name and derived mentions, kept for its other
/// mentions.
#[derive(Default)]
struct Surface {
    /// Whether it has a letter or digit (a surface without names nothing).
    letters: bool,
    /// Whether a name mention has the surface (then it was added to `Attested`).
    named: bool,
    /// For a named surface: it has no space.
    one_word: bool,
    /// For a named surface shaped like "Wagner-Söldner": the length of its first part.
    compound: Option<usize>,
    /// The surface folded, once needed.
    folded: Option<Sym>,
    /// For a one-word surface, once weighed: the country it is an adjective of (None: none).
    country: Option<Option<Entry>>,
    /// For a one-word surface, once its country was weighed: the lexicon name its folded form
    /// is (None: none), which its analysis looks up first.
    lexicon: Option<Option<Entry>>,
    /// How a derived mention of the surface is resolved, once needed: in `Linker::plans`.
    plan: Link,
    /// Its latest analysis as a name, in `Linker::analyses`.
    analyses: Link,
}

/// A name's analysis, with the lexicon entry it names and what it asked of the text around the
/// mention (None: not asked): the same surface and kind with the same answers analyses alike.
struct Analysis {
    kind: Kind,
    determiner: Option<Option<&'static str>>,
    before_noun: Option<bool>,
    name: Name,
    entry: Option<Entry>,
    /// Whether the forms it adds only when missing were indexed (then only the exact ones,
    /// which a later name may have taken, are indexed again).
    indexed: bool,
    /// The surface's analysis before this one.
    next: Option<usize>,
    /// Its naming in `Grouping::namings`, once a mention was linked with it.
    naming: Link,
}

/// A number in one of the linker's lists (a cluster, a surface, a recency entry, a first
/// name), or none: one 32-bit word in the table of forms.
#[derive(Clone, Copy, Debug)]
struct Link(u32);

impl Default for Link {
    fn default() -> Link {
        Link::NONE
    }
}

impl Link {
    const NONE: Link = Link(u32::MAX);

    fn get(self) -> Option<usize> {
        (self.0 != u32::MAX).then_some(self.0 as usize)
    }

    fn set(&mut self, n: usize) {
        self.0 = u32::try_from(n)
            .ok()
            .filter(|&n| n != u32::MAX)
            .expect("fewer than 2^32 - 1 numbers");
    }

    /// Sets it unless it is set.
    fn or_set(&mut self, n: usize) {
        if self.get().is_none() {
            self.set(n);
        }
    }
}

/// What one folded form leads to: the linker's lookups of forms are one index into a table of
/// these (no hash map per kind of lookup, nothing hashed twice).
#[derive(Clone, Copy, Debug)]
struct Leads {
    /// As a surface, base form or acronym of a name: its cluster.
    exact: Link,
    /// As a less certain form (stem, loose key, name without legal form or class word).
    weak: Link,
    /// As a shorter form of a company's name ("PNE" for "PNE WIND AG").
    company: Link,
    /// As the first part of a hyphenated place's name ("osterholz"), for derived forms.
    place_part: Link,
    /// As a surname: the person who last had it.
    surname_last: Link,
    /// As a surname: the latest entry of the list of persons with it (oldest first; a cluster
    /// is listed again when mentioned), in `Linker::recent`.
    surnamed: Link,
    /// As a first name: the same list of persons with it.
    first_named: Link,
    /// As a mention's surface as written: its number in `Linker::surfaces`.
    surface: Link,
}

impl Leads {
    const NONE: Leads = Leads {
        exact: Link::NONE,
        weak: Link::NONE,
        company: Link::NONE,
        place_part: Link::NONE,
        surname_last: Link::NONE,
        surnamed: Link::NONE,
        first_named: Link::NONE,
        surface: Link::NONE,
    };
}

/// `Leads` by symbol number (numbers past the end lead nowhere).
#[derive(Default)]
struct Table {
    list: Vec<Leads>,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        Table {
            list: Vec::with_capacity(n),
        }
    }

    fn get(&self, s: Sym) -> Leads {
        self.list.get(s.index()).copied().unwrap_or(Leads::NONE)
    }

    fn at(&mut self, s: Sym) -> &mut Leads {
        if s.index() >= self.list.len() {
            self.list.resize(s.index() + 1, Leads::NONE);
        }
        &mut self.list[s.index()]
    }
}

/// An entry of a recency list.
#[derive(Clone, Copy)]
struct Recency {
    cluster: usize,
    /// The entry before it in its list.
    before: Link,
}

/// Groups the document's name, derived and part mentions (descriptors and pronouns are left
/// alone). `definitions` are the acronyms defined in the text. Out of line: a phase of its own
/// (and one in profiles).
#[inline(never)]
pub fn group(doc: &Document, tokens: &Tokens, definitions: &[Definition]) -> Grouping {
    let n = doc.mentions.len();
    let surfaced = |form: Form| matches!(form, Form::Name | Form::Derived);
    // Name, derived and part mentions, counted in one pass.
    let mut counts = [0; 3];
    for m in &doc.mentions {
        match m.form {
            Form::Name => counts[0] += 1,
            Form::Derived => counts[1] += 1,
            Form::Part => counts[2] += 1,
            Form::Descriptor | Form::Pronoun => {}
        }
    }
    let [name_count, derived_count, part_count] = counts;
    let surface_count = name_count + derived_count;
    let clustered = surface_count + part_count;
    // A name gives a few forms (surface as written, folded, key, stems, loose key), but most
    // names repeat: an article has about one and a half forms per name mention, a long text
    // fewer than one. The symbols' table of slots is zeroed and probed at random, so every page
    // of it is touched: sized for the forms a text has (it grows when there are more), not for
    // five per mention, it touches a few dozen pages of a 3 MB text's link instead of ~550.
    let forms = 2 * name_count;
    let mut symbols = Symbols::with_capacity(forms);
    let mut leads = Table::with_capacity(forms);
    let mut attested = Attested::with_capacity(name_count);
    let mut surfaces: Vec<Surface> = Vec::with_capacity(surface_count);
    let mut surface_of = vec![Link::NONE; n];
    let german = !matches!(doc.lang, crate::document::Lang::En);
    for (i, m) in doc.mentions.iter().enumerate() {
        if !surfaced(m.form) {
            continue;
        }
        let text = doc.slice(m.span);
        let number = &mut leads.at(symbols.intern(text)).surface;
        let id = match number.get() {
            Some(id) => id,
            None => {
                number.set(surfaces.len());
                surfaces.push(Surface {
                    letters: text.chars().any(char::is_alphanumeric),
                    ..Surface::default()
                });
                surfaces.len() - 1
            }
        };
        surface_of[i].set(id);
        let surface = &mut surfaces[id];
        if m.form == Form::Name && !surface.named {
            surface.named = true;
            surface.one_word = !text.as_bytes().contains(&b' ');
            surface.compound = compound_first(text).map(str::len);
            // Names are attested to tell German genitives only.
            surface.folded = if german {
                attested.add(text, &mut symbols)
            } else {
                (strip_possessive(text).len() == text.len()).then(|| symbols.fold(text))
            };
        }
    }
    let mut definitions: Vec<(Span, &str)> = definitions
        .iter()
        .map(|d| (d.name, d.acronym.as_str()))
        .collect();
    // A stable sort: of two definitions for one name, the later stays later.
    definitions.sort_by_key(|&(span, _)| span);
    let mut linker = Linker {
        doc,
        tokens,
        german,
        symbols,
        attested,
        definitions,
        out: Grouping {
            // A cluster per name, derived and part mention at most.
            clusters: Clusters::with_capacity(clustered),
            inner: Vec::with_capacity(part_count),
            // At most one per mention linked; fewer, as names of one analysis share theirs.
            namings: Vec::with_capacity(clustered.min(super::DISTINCT_WORDS)),
            ..Grouping::new(
                n,
                doc.mentions.iter().map(|m| m.form).collect(),
                doc.mentions.iter().map(|m| m.kind).collect(),
                // Room for about one base form per surface.
                String::with_capacity(16 * surface_count),
            )
        },
        leads,
        entries: Vec::new(),
        recent: Vec::with_capacity(name_count),
        surface_of,
        surfaces,
        analyses: Vec::with_capacity(surface_count),
        plans: Vec::new(),
        prepared: Vec::with_capacity(name_count),
        taken: 0,
        scratch: Scratch::default(),
        buffer: String::new(),
        starts: Vec::new(),
    };
    linker.analyse_names();
    for i in 0..n {
        if !linker.has_letters(i) {
            // Nothing to name: an empty or punctuation-only span stays without an actor.
            continue;
        }
        match doc.mentions[i].form {
            Form::Name => linker.name(i),
            Form::Derived => linker.derived(i),
            Form::Part => linker.part(i),
            Form::Descriptor | Form::Pronoun => {}
        }
    }
    linker.out
}

impl<'a> Linker<'a> {
    fn surface(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.mentions[i].span)
    }

    /// Whether mention `i` has a letter or digit (asked once per surface of names and derived
    /// forms).
    fn has_letters(&self, i: usize) -> bool {
        match self.surface_of[i].get() {
            None => self.surface(i).chars().any(char::is_alphanumeric),
            Some(id) => self.surfaces[id].letters,
        }
    }

    /// The place in `surfaces` of name or derived mention `i`'s surface.
    fn surface_id(&self, i: usize) -> usize {
        self.surface_of[i]
            .get()
            .expect("name and derived mentions have surfaces")
    }

    /// Puts mention `i` in a cluster, with a naming of its own.
    fn assign(&mut self, i: usize, cluster: usize, naming: Naming) {
        self.out.cluster_of[i].set(cluster);
        let naming = self.out.add_naming(naming);
        self.out.naming[i].set(naming);
    }

    fn new_cluster(&mut self, entry: Option<Entry>) -> usize {
        let c = self.out.clusters.add(Cluster {
            entry,
            ..Cluster::default()
        });
        if let Some(e) = entry {
            match self.entry_at(e) {
                Ok(at) => self.entries[at].1 = c,
                Err(at) => self.entries.insert(at, (e, c)),
            }
        }
        c
    }

    /// Where a lexicon entry is in `entries`, or would be.
    fn entry_at(&self, entry: Entry) -> Result<usize, usize> {
        let order = entry_order(entry);
        self.entries
            .binary_search_by_key(&order, |&(e, _)| entry_order(e))
    }

    /// The cluster of a lexicon entry, created on first use.
    fn entry_cluster(&mut self, entry: Entry) -> usize {
        match self.entry_at(entry) {
            Ok(at) => self.out.clusters.find(self.entries[at].1),
            Err(_) => self.new_cluster(Some(entry)),
        }
    }

    fn lookup(&mut self, map: Map, key: Sym) -> Option<usize> {
        let leads = self.leads.get(key);
        let c = match map {
            Map::Exact => leads.exact,
            Map::Weak => leads.weak,
        }
        .get()?;
        Some(self.out.clusters.find(c))
    }

    /// The acronym defined right after the name at `span`, if any.
    fn definition(&self, span: Span) -> Option<&'a str> {
        let after = self.definitions.partition_point(|&(s, _)| s <= span);
        let &(name, acronym) = self.definitions.get(after.checked_sub(1)?)?;
        (name == span).then_some(acronym)
    }

    /// `lookup` of a folded form that may have no number yet (then nothing is under it).
    fn lookup_str(&mut self, map: Map, key: &str) -> Option<usize> {
        let key = self.symbols.get(key)?;
        self.lookup(map, key)
    }

    /// The text around mention `i`, for what it tells about the name's grammatical form.
    fn around(&self, i: usize) -> Around<'a> {
        Around {
            tokens: self.tokens,
            german: self.german,
            mention: i,
            determiner: Cell::new(None),
            before_noun: Cell::new(None),
            asked: Cell::new((false, false)),
        }
    }

    // ---- names ------------------------------------------------------------------------

    /// Analyses the name mentions ahead of linking, in text order (but for those shaped like a
    /// compound with a name, which linking may find to be parts, and for country adjectives):
    /// an analysis reads nothing that linking writes, and the analyses all together, then the
    /// links all together, each keep their code in the cache, where taken in turn for each
    /// mention they evicted each other's.
    fn analyse_names(&mut self) {
        for i in 0..self.doc.mentions.len() {
            if self.doc.mentions[i].form != Form::Name {
                continue;
            }
            let id = self.surface_id(i);
            if !self.surfaces[id].letters || self.surfaces[id].compound.is_some() {
                continue;
            }
            let kind = self.doc.mentions[i].kind;
            let surface = self.surface(i);
            if self.country(id, surface, kind).is_some() {
                continue;
            }
            let around = self.around(i);
            let k = self.analysed(id, surface, kind, &around);
            self.prepared.push((i, k));
        }
    }

    /// The country a one-word name of a kind other than person is an adjective or demonym of
    /// ("Japanese", "Russen"), weighed once per surface (asked of every name mention: the
    /// answer at hand is given in line).
    #[inline]
    fn country(&mut self, id: usize, surface: &str, kind: Kind) -> Option<Entry> {
        if kind == Kind::Per || !self.surfaces[id].one_word {
            return None;
        }
        match self.surfaces[id].country {
            Some(country) => country,
            None => self.weigh_country(id, surface),
        }
    }

    /// `country` of a surface not weighed yet.
    #[inline(never)]
    fn weigh_country(&mut self, id: usize, surface: &str) -> Option<Entry> {
        // The surface folded is at hand unless it has a possessive.
        let folded = match self.surfaces[id].folded {
            Some(folded) => self.symbols.str(folded),
            None => self.symbols.fold_str(surface),
        };
        let lexicon = knowledge().name(folded);
        let country = lexicon
            .is_none()
            .then(|| derived::country_of(surface))
            .flatten();
        self.surfaces[id].lexicon = Some(lexicon);
        self.surfaces[id].country = Some(country);
        country
    }

    fn name(&mut self, i: usize) {
        let kind = self.doc.mentions[i].kind;
        let k = match self.prepared.get(self.taken) {
            // Analysed ahead: neither shaped like a compound nor a country adjective (asked
            // then, and answered alike now).
            Some(&(mention, k)) if mention == i => {
                self.taken += 1;
                k
            }
            _ => match self.unprepared(i, kind) {
                Some(k) => k,
                None => return,
            },
        };
        // The analyses are set aside while the name is linked (which adds none to them).
        let mut analyses = std::mem::take(&mut self.analyses);
        let analysis = &mut analyses[k];
        let name = &analysis.name;
        let cluster = if kind == Kind::Per {
            self.person(name)
        } else {
            self.other(i, name, kind, analysis.entry)
        };
        self.index(cluster, name, kind, analysis.indexed);
        analysis.indexed = true;
        let naming = match analysis.naming.get() {
            Some(naming) => naming,
            None => {
                let naming = Naming::new(name.base, name.words, name.acronym);
                let naming = self.out.add_naming(naming);
                analysis.naming.set(naming);
                naming
            }
        };
        self.analyses = analyses;
        self.out.cluster_of[i].set(cluster);
        self.out.naming[i].set(naming);
    }

    /// A name mention that was not analysed ahead, shaped like a compound with a name or a
    /// country adjective: linked as a part or a derived form (None), or analysed now.
    #[cold]
    #[inline(never)]
    fn unprepared(&mut self, i: usize, kind: Kind) -> Option<usize> {
        let surface = self.surface(i);
        let id = self.surface_id(i);
        if let Some(first) = self.surfaces[id].compound
            && self.is_compound_with_name(surface, &surface[..first], kind)
        {
            // "Wagner-Söldner" tagged as a name: a word about Wagner, not a new actor.
            self.out.form[i] = Form::Part;
            self.part(i);
            return None;
        }
        if let Some(entry) = self.country(id, surface, kind) {
            self.as_derived(i, entry);
            return None;
        }
        let around = self.around(i);
        Some(self.analysed(id, surface, kind, &around))
    }

    /// The analysis of a name (its place in `analyses`), computed once per surface, kind and
    /// what the analysis asks of the text around the mention, with the lexicon entry it names
    /// (never for persons): the first of its variants that is a lexicon name or loose key, if
    /// that entry fits the kind.
    fn analysed(&mut self, id: usize, surface: &'a str, kind: Kind, around: &Around) -> usize {
        let mut next = self.surfaces[id].analyses.get();
        while let Some(k) = next {
            let a = &self.analyses[k];
            if a.kind == kind
                && a.determiner.is_none_or(|d| d == around.determiner_value())
                && a.before_noun
                    .is_none_or(|b| b == around.before_noun_value())
            {
                return k;
            }
            next = a.next;
        }
        let folded = match self.surfaces[id].folded {
            Some(folded) => folded,
            None => {
                let folded = self.symbols.fold(surface);
                self.surfaces[id].folded = Some(folded);
                folded
            }
        };
        around.asked.set((false, false));
        let name = names::analyse(
            surface,
            folded,
            kind,
            around,
            &self.attested,
            &mut self.symbols,
            &mut self.scratch,
            &mut self.out.bases,
        );
        let entry = if kind == Kind::Per {
            None
        } else {
            let k = knowledge();
            // The first variant is the surface folded, which `country` may have looked up.
            let first = self.surfaces[id].lexicon;
            name.variants
                .iter()
                .enumerate()
                .find_map(|(n, &v)| {
                    let v = self.symbols.str(v);
                    match first {
                        Some(known) if n == 0 => known,
                        _ => k.name(v),
                    }
                    .or_else(|| k.loose(v))
                })
                .filter(|e| e.fits(kind))
        };
        let (determiner, before_noun) = around.asked.get();
        self.analyses.push(Analysis {
            kind,
            determiner: determiner.then(|| around.determiner_value()),
            before_noun: before_noun.then(|| around.before_noun_value()),
            name,
            entry,
            indexed: false,
            next: self.surfaces[id].analyses.get(),
            naming: Link::NONE,
        });
        let k = self.analyses.len() - 1;
        self.surfaces[id].analyses.set(k);
        k
    }

    /// A one-word name that is a country adjective or demonym ("Japanese", "Russen") becomes a
    /// derived mention of the country.
    #[inline(never)]
    fn as_derived(&mut self, i: usize, entry: Entry) {
        self.out.form[i] = Form::Derived;
        self.out.kind[i] = Kind::Loc;
        let c = self.entry_cluster(entry);
        let naming = self.entry_naming(entry);
        self.assign(i, c, naming);
    }

    fn entry_naming(&mut self, entry: Entry) -> Naming {
        let name = entry.name(&self.doc.lang);
        let words = name.split_whitespace().count();
        Naming::new(self.add_base(name), words, false)
    }

    /// Appends a base form to `Grouping::bases`.
    fn add_base(&mut self, base: &str) -> Span {
        let start = self.out.bases.len();
        self.out.bases.push_str(base);
        Span::new(start, self.out.bases.len())
    }

    /// The naming of a base form that no analysis gave.
    fn naming_of(&mut self, base: &str) -> Naming {
        Naming::new(
            self.add_base(base),
            base.split_whitespace().count(),
            is_acronym(base),
        )
    }

    fn person(&mut self, name: &Name) -> usize {
        let Some(person) = name.person else {
            return self.new_cluster(None);
        };
        let surname = person.surname;
        let first = person.first;
        let found = match first {
            None => self
                .leads
                .get(surname)
                .surname_last
                .get()
                .or_else(|| {
                    name.variants
                        .iter()
                        .find_map(|&v| self.leads.get(v).surname_last.get())
                })
                .or_else(|| {
                    name.variants
                        .iter()
                        .find_map(|&v| self.leads.get(v).exact.get())
                }),
            Some(first) => self
                .leads
                .get(name.key)
                .exact
                .get()
                .filter(|&c| fits_person(&mut self.out.clusters, &self.symbols, c, first))
                .or_else(|| self.recent_with_surname(surname, first))
                .or_else(|| self.misspelt(surname, first)),
        };
        let c = match found {
            Some(c) => self.out.clusters.find(c),
            None => self.new_cluster(None),
        };
        if let Some(first) = first {
            self.out.clusters.add_given(c, first);
        }
        let data = self.out.clusters.get_mut(c);
        if data.surname.is_none() {
            data.surname = Some(surname);
            data.letters = letters(self.symbols.str(surname));
        }
        let leads = self.leads.at(surname);
        leads.surname_last.set(c);
        push_recent(&mut self.recent, &mut leads.surnamed, c);
        if let Some(first) = first {
            push_recent(&mut self.recent, &mut self.leads.at(first).first_named, c);
        }
        c
    }

    fn recent_with_surname(&mut self, surname: Sym, first: Sym) -> Option<usize> {
        let (clusters, symbols) = (&mut self.out.clusters, &self.symbols);
        recent(&self.recent, self.leads.get(surname).surnamed)
            .find(|&c| fits_person(clusters, symbols, c, first))
    }

    /// A person with the same first name and a surname one letter off ("Dirk Hilber" for
    /// "Dirk Hilbert"), for surnames of five letters or more.
    fn misspelt(&mut self, surname: Sym, first: Sym) -> Option<usize> {
        // Five characters or more: a fifth one.
        let long = |s: &str| s.chars().nth(4).is_some();
        let surname = self.symbols.str(surname);
        if !long(surname) {
            return None;
        }
        let letters = letters(surname);
        let (clusters, symbols) = (&mut self.out.clusters, &self.symbols);
        recent(&self.recent, self.leads.get(first).first_named).find(|&c| {
            let cluster = clusters.get(c);
            // Most surnames differ in more letters than one edit makes (`letters`); of the
            // others, most differ at both ends and fail the edit at once.
            cluster.surname.is_some_and(|s| {
                (cluster.letters ^ letters).count_ones() <= 2 && {
                    let s = symbols.str(s);
                    one_edit_apart(s, surname) && long(s)
                }
            })
        })
    }

    fn other(&mut self, i: usize, name: &Name, kind: Kind, entry: Option<Entry>) -> usize {
        let found = match entry {
            Some(entry) => Some(self.entry_cluster(entry)),
            None => self.document_name(name, kind),
        };
        let c = found.unwrap_or_else(|| self.new_cluster(None));
        match self.definition(self.doc.mentions[i].span) {
            Some(acronym) => self.defined(c, acronym),
            None => c,
        }
    }

    /// A name's cluster `c` with the acronym defined after it: the acronym's cluster, if it
    /// has one, joins it.
    #[cold]
    #[inline(never)]
    fn defined(&mut self, c: usize, acronym: &str) -> usize {
        let key = self.symbols.fold(acronym);
        let c = match self.lookup(Map::Exact, key) {
            Some(other) => self.out.clusters.union(c, other),
            None => c,
        };
        self.leads.at(key).exact.set(c);
        self.out.clusters.find(c)
    }

    /// The document's own names: by surface, key and stems, then weaker forms, then company
    /// names without their legal form.
    fn document_name(&mut self, name: &Name, kind: Kind) -> Option<usize> {
        for &v in name.variants.iter() {
            if let Some(c) = self.lookup(Map::Exact, v) {
                return Some(c);
            }
        }
        for &v in name.variants.iter() {
            if let Some(c) = self.lookup(Map::Weak, v) {
                return Some(c);
            }
        }
        if kind != Kind::Org {
            return None;
        }
        self.company_name(name.key)
    }

    /// An organisation's name as a company's: a shorter form of a company name met before, or
    /// "PNE WIND AG" after "PNE": the longest known prefix of a company name.
    #[cold]
    #[inline(never)]
    fn company_name(&mut self, key: Sym) -> Option<usize> {
        if let Some(c) = self.leads.get(key).company.get() {
            return Some(self.out.clusters.find(c));
        }
        let text = self.symbols.str(key);
        let space = last_space(text)?;
        if !LEGAL_FORMS.contains(&&text[space + 1..]) {
            return None;
        }
        // The key's words are separated by single spaces: its prefixes end before one, the
        // longest first.
        let mut end = space;
        loop {
            let text = self.symbols.str(key);
            if let Some(prefix) = self.symbols.get(&text[..end])
                && let Some(c) = self.lookup(Map::Exact, prefix)
                && self.out.clusters.get(c).entry.is_none()
            {
                return Some(c);
            }
            end = last_space(&self.symbols.str(key)[..end])?;
        }
    }

    /// Records the forms a later mention may use for this name. The forms other than the
    /// surface and key go in only where missing: once `indexed`, they are all there.
    fn index(&mut self, c: usize, name: &Name, kind: Kind, indexed: bool) {
        self.leads.at(name.variants[0]).exact.set(c);
        if name.key != name.variants[0] {
            self.leads.at(name.key).exact.set(c);
        }
        if kind == Kind::Per || indexed {
            return;
        }
        for &v in name.variants.iter().skip(2) {
            self.leads.at(v).weak.or_set(c);
        }
        if matches!(kind, Kind::Org | Kind::Loc) {
            self.index_parts(c, name.key, kind);
        }
    }

    /// Records the shorter forms of an organisation's or place's key: without its legal form or
    /// geographic class word, a company's prefixes, a place's first hyphenated part.
    #[inline(never)]
    fn index_parts(&mut self, c: usize, key: Sym, kind: Kind) {
        // Where the key's last word and its first hyphenated part begin, found before the
        // parts get numbers (numbering adds to the text the key is kept in).
        let text = self.symbols.str(key);
        let last_space = last_space(text);
        let last = last_space.map_or("", |space| &text[space + 1..]);
        let legal_form = kind == Kind::Org && last_space.is_some() && LEGAL_FORMS.contains(&last);
        let geographic = kind == Kind::Loc && last_space.is_some() && GEOGRAPHIC.contains(&last);
        let hyphen = if kind == Kind::Loc {
            text.bytes().position(|b| b == b'-')
        } else {
            None
        };
        if let Some(without_end) = last_space
            && (legal_form || geographic)
        {
            let without = self.symbols.part(key, 0..without_end);
            self.leads.at(without).weak.or_set(c);
            if legal_form {
                self.index_company(c, key, without_end);
            }
        }
        if let Some(end) = hyphen {
            let first = self.symbols.part(key, 0..end);
            self.leads.at(first).place_part.or_set(c);
        }
    }

    /// Records a company's shorter names: the prefixes of its key before the legal form that
    /// end before a space (`before` is where the legal form's space is).
    #[cold]
    #[inline(never)]
    fn index_company(&mut self, c: usize, key: Sym, before: usize) {
        let mut from = 0;
        while let Some(at) = self.symbols.str(key)[from..before].find(' ') {
            let end = from + at;
            let prefix = self.symbols.part(key, 0..end);
            self.leads.at(prefix).company.or_set(c);
            from = end + 1;
        }
    }

    // ---- derived forms ----------------------------------------------------------------

    /// Links a derived mention (out of line: derived forms are few, and the names' path stays
    /// dense without them).
    #[inline(never)]
    fn derived(&mut self, i: usize) {
        let word = self.surface(i);
        let lookup = |key: &str| {
            self.symbols.get(key).is_some_and(|s| {
                let leads = self.leads.get(s);
                leads.exact.get().is_some() || leads.place_part.get().is_some()
            })
        };
        let id = self.surface_id(i);
        let plan = match self.surfaces[id].plan.get() {
            Some(plan) => plan,
            None => {
                self.plans.push(derived::plan(word, &self.doc.lang));
                self.surfaces[id].plan.set(self.plans.len() - 1);
                self.plans.len() - 1
            }
        };
        let base = self.plans[plan].resolve(&lookup);
        let (c, naming) = match base {
            Base::Entry(entry) => (self.entry_cluster(entry), self.entry_naming(entry)),
            Base::InDocument(key) => {
                let sym = self.symbols.get(&key);
                let c = sym
                    .and_then(|s| self.lookup(Map::Exact, s))
                    .or_else(|| sym.and_then(|s| self.leads.get(s).place_part.get()))
                    .unwrap_or_else(|| self.new_cluster(None));
                let c = self.out.clusters.find(c);
                (c, self.naming_of(&names::capitalise(&key)))
            }
            Base::Place(place) | Base::Unknown(place) => {
                let key = self.symbols.fold(&place);
                let c = match self.lookup(Map::Exact, key) {
                    Some(c) => c,
                    None => {
                        let c = self.new_cluster(None);
                        self.leads.at(key).exact.set(c);
                        c
                    }
                };
                (c, self.naming_of(&place))
            }
        };
        self.assign(i, c, naming);
    }

    // ---- parts ------------------------------------------------------------------------

    /// Links a part mention (out of line, as `derived`).
    #[inline(never)]
    fn part(&mut self, i: usize) {
        let doc = self.doc;
        let span = doc.mentions[i].span;
        let kind = doc.mentions[i].kind;
        let word = doc.slice(span);
        let (inner, found) = self.inner_name(word, kind);
        let inner_span = Span::new(span.start() + inner.start, span.start() + inner.end);
        let inner_text = &word[inner.clone()];
        let c = match found {
            Some(c) => c,
            None => {
                let key = self.symbols.fold(inner_text);
                let c = self.new_cluster(None);
                self.leads.at(key).exact.set(c);
                c
            }
        };
        let naming = match self.out.clusters.get(c).entry {
            Some(e) => self.entry_naming(e),
            None => self.naming_of(inner_text),
        };
        debug_assert!(self.out.inner.last().is_none_or(|&(m, _)| m < i));
        self.out.inner.push((i, inner_span));
        self.assign(i, c, naming);
    }

    /// The name inside a compound word (byte range in the word) and its cluster, if it is a
    /// known name: hyphenated parts first ("Wagner-Söldner" → "Wagner", "EU-Wirtschafts-" →
    /// "EU"), then, for closed compounds, the longest known beginning ("Kremlsprecher" →
    /// "Kreml", "Bundestagsabgeordneten" → "Bundestags").
    fn inner_name(&mut self, word: &str, kind: Kind) -> (std::ops::Range<usize>, Option<usize>) {
        // The hyphen is ASCII: its bytes are found without decoding characters.
        let hyphens = || {
            word.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'-')
                .map(|(at, _)| at)
        };
        if let (Some(first_hyphen), Some(last_hyphen)) = (hyphens().next(), hyphens().next_back()) {
            // What follows a hyphen (all of the word after one at its start).
            let after = |at: usize| if at > 0 { at + 1 } else { at }..word.len();
            // The parts before a hyphen, longest first, then those after one, longest first.
            let before = hyphens().rev().map(|at| 0..at);
            for range in before.chain(hyphens().map(after)) {
                if let Some(c) = self.known_name(&word[range.clone()], kind) {
                    return (range, Some(c));
                }
            }
            let first = 0..first_hyphen;
            let starts_upper = word[first.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let fallback = if starts_upper {
                first
            } else {
                after(last_hyphen)
            };
            return (fallback, None);
        }
        // Every beginning of two characters or more but the whole, longest first. Without
        // white space a word folds character by character, so that the folded beginnings are
        // beginnings of the folded word: it is folded once.
        if word.contains(char::is_whitespace) {
            let third = word.char_indices().nth(2).map_or(word.len(), |(at, _)| at);
            let ends = word
                .char_indices()
                .rev()
                .map(|(at, _)| at)
                .take_while(|&at| at >= third);
            for end in ends {
                if let Some(c) = self.known_name(&word[..end], kind) {
                    return (0..end, Some(c));
                }
            }
            return (0..word.len(), None);
        }
        let mut folded = std::mem::take(&mut self.buffer);
        let mut starts = std::mem::take(&mut self.starts);
        folded.clear();
        starts.clear();
        fold_with_starts(word, &mut folded, &mut starts);
        // A beginning is an acronym only with a second capital or digit (`is_acronym`): where
        // the word has its second, if it has one.
        let second_capital = word
            .char_indices()
            .filter(|&(_, c)| c.is_uppercase() || c.is_numeric())
            .nth(1)
            .map(|(at, _)| at);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let mut found = (0..word.len(), None);
        for (chars, &(end, folded_end)) in starts.iter().enumerate().skip(2).rev() {
            let text = &word[..end];
            let place_shaped = capitalised
                && chars >= 4
                && !(second_capital.is_some_and(|at| at < end) && is_acronym(text));
            let beginning = &folded[..folded_end];
            if let Some(c) = self.known_folded(beginning, place_shaped, kind) {
                found = (0..end, Some(c));
                break;
            }
        }
        self.buffer = folded;
        self.starts = starts;
        found
    }

    /// A hyphenated word whose first part is a name this document already has and whose last
    /// part is a capitalised word of its own, while the whole is no known name:
    /// "Wagner-Söldner" after "Wagner", "Merkel-Regierung" after "Merkel".
    /// `first` is the word's first part, the word shaped as `compound_first` wants.
    #[inline(never)]
    fn is_compound_with_name(&mut self, word: &str, first: &str, kind: Kind) -> bool {
        let whole = self.symbols.folded(word);
        if whole.is_some_and(|w| self.lookup(Map::Exact, w).is_some())
            || is_lexicon_name(word, kind, self.german)
        {
            return false;
        }
        self.symbols
            .folded(first)
            .is_some_and(|f| self.lookup(Map::Exact, f).is_some())
    }

    /// The cluster of a name found inside a word: a name of the document (also with a
    /// linking -s), a lexicon entry, or a known place.
    fn known_name(&mut self, text: &str, kind: Kind) -> Option<usize> {
        let chars = text.chars().count();
        if chars < 2 {
            return None;
        }
        let mut folded = std::mem::take(&mut self.buffer);
        folded.clear();
        fold_into(text, &mut folded);
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        let place_shaped = capitalised && chars >= 4 && !is_acronym(text);
        let found = self.known_folded(&folded, place_shaped, kind);
        self.buffer = folded;
        found
    }

    /// `known_name` of a folded text, and of its German stems: its own cluster or that of the
    /// first stem in the document's names, else the lexicons', else (for a text shaped like a
    /// place's name: `place_shaped`) the gazetteer's.
    fn known_folded(&mut self, folded: &str, place_shaped: bool, kind: Kind) -> Option<usize> {
        // German stems take off "-s", "-es" or "-n" (`german_stems`).
        let stems = if self.german && folded.ends_with(['s', 'n']) {
            german_stems(folded)
        } else {
            Stems::default()
        };
        let forms = || std::iter::once(folded).chain(stems.iter().copied());
        for f in forms() {
            if let Some(c) = self.lookup_str(Map::Exact, f) {
                return Some(c);
            }
        }
        let k = knowledge();
        for f in forms() {
            if let Some(entry) = k.name(f).filter(|e| e.fits(kind) || kind == Kind::Misc) {
                return Some(self.entry_cluster(entry));
            }
        }
        if place_shaped {
            for f in forms() {
                if k.place(f).is_some() {
                    let c = self.new_cluster(None);
                    let key = self.symbols.intern(f);
                    self.leads.at(key).exact.set(c);
                    return Some(c);
                }
            }
        }
        None
    }
}

/// Folds a word without white space into `folded` (`fold_into`), noting in `starts` where each
/// of its characters begins, in the word and in the folded form: a run of ASCII characters
/// folds byte for byte (one byte each), other characters one by one.
fn fold_with_starts(word: &str, folded: &mut String, starts: &mut Vec<(usize, usize)>) {
    let mut at = 0;
    while at < word.len() {
        let rest = &word[at..];
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let len = match ascii {
            0 => rest.chars().next().map_or(rest.len(), char::len_utf8),
            run => run,
        };
        let base = folded.len();
        fold_into(&rest[..len], folded);
        if ascii > 0 {
            starts.extend((0..ascii).map(|i| (at + i, base + i)));
        } else {
            starts.push((at, base));
        }
        at += len;
    }
}

/// The first part of a word shaped like a compound with a name ("Wagner" of "Wagner-Söldner"):
/// hyphenated, without white space, a first part of two characters or more and a last part of
/// four letters or more that begins with a capital.
fn compound_first(word: &str) -> Option<&str> {
    // The hyphen is ASCII: its bytes are found without decoding characters.
    let first = &word[..word.bytes().position(|b| b == b'-')?];
    let last = &word[word.bytes().rposition(|b| b == b'-')? + 1..];
    let shaped = !word.contains(char::is_whitespace)
        && first.chars().nth(1).is_some()
        && last.chars().nth(3).is_some()
        && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().all(char::is_alphabetic);
    shaped.then_some(first)
}

/// Where the last space in a text is (found by its byte: a space is ASCII).
fn last_space(text: &str) -> Option<usize> {
    text.bytes().rposition(|b| b == b' ')
}

/// True when the word, or its German stem, is a name or alias of the lexicons that a mention
/// of this kind may be.
pub fn is_lexicon_name(word: &str, kind: Kind, german: bool) -> bool {
    let folded = fold(word);
    let stems = if german {
        german_stems(&folded)
    } else {
        Stems::default()
    };
    let k = knowledge();
    std::iter::once(folded.as_str())
        .chain(stems.iter().copied())
        .any(|f| k.name(f).is_some_and(|e| e.fits(kind)))
}

#[derive(Clone, Copy)]
enum Map {
    Exact,
    Weak,
}

/// The order of lexicon entries in `Linker::entries`.
fn entry_order(entry: Entry) -> (u8, usize) {
    match entry {
        Entry::Country(i) => (0, i),
        Entry::Region(i) => (1, i),
        Entry::Organisation(i) => (2, i),
    }
}

/// The clusters of the last `RECENT` entries of the recency list whose latest entry is `latest`,
/// most recent first.
fn recent(entries: &[Recency], latest: Link) -> impl Iterator<Item = usize> + '_ {
    let mut next = latest.get();
    std::iter::from_fn(move || {
        let entry = entries[next?];
        next = entry.before.get();
        Some(entry.cluster)
    })
    .take(RECENT)
}

/// A person cluster whose known first names agree with `first` (or who has none yet).
fn fits_person(clusters: &mut Clusters, symbols: &Symbols, c: usize, first: Sym) -> bool {
    let root = clusters.find(c);
    let mut given = clusters.given(root).peekable();
    let first = symbols.str(first);
    given.peek().is_none() || given.any(|g| given_compatible(symbols.str(g), first))
}

/// Appends a cluster to a recency list (whose latest entry is `latest`) unless it is already
/// last.
fn push_recent(entries: &mut Vec<Recency>, latest: &mut Link, c: usize) {
    if latest.get().map(|at| entries[at].cluster) != Some(c) {
        entries.push(Recency {
            cluster: c,
            before: *latest,
        });
        latest.set(entries.len() - 1);
    }
}

/// True when one insertion, deletion or substitution turns `a` into `b`.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 4 || a == b {
        return false;
    }
    // Skip the common beginning and end, compared byte by byte and taken back to whole
    // characters (equal bytes up to there are equal characters); at most one character may
    // remain on each side.
    let same = |x: &[u8], y: &[u8]| x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let mut prefix = same(short.as_bytes(), long.as_bytes());
    while !short.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let (short, long) = (&short[prefix..], &long[prefix..]);
    let mut suffix = short
        .bytes()
        .rev()
        .zip(long.bytes().rev())
        .take_while(|(p, q)| p == q)
        .count();
    while !short.is_char_boundary(short.len() - suffix) {
        suffix -= 1;
    }
    let mut short_rest = short[..short.len() - suffix].chars();
    let mut long_rest = long[..long.len() - suffix].chars();
    // At most one character left of the shorter, exactly one of the longer.
    short_rest.nth(1).is_none() && long_rest.next().is_some() && long_rest.next().is_none()
}

/// The characters of a text, one bit each: an ASCII character by its low six bits, any
/// other as the top bit. Texts one insertion, deletion or substitution apart differ in two of
/// these bits at most (those of the character taken out and the one put in), so that most
/// pairs of texts are told apart without comparing them.
fn letters(text: &str) -> u64 {
    text.bytes().fold(0, |bits, b| {
        bits | if b.is_ascii() { 1 << (b & 63) } else { 1 << 63 }
    })
}

/// The text around a name mention, looked at only for what the name's analysis asks, and then
/// once.
struct Around<'t> {
    tokens: &'t Tokens<'t>,
    german: bool,
    /// The mention, whose token is found only when the analysis asks about the text around.
    mention: usize,
    determiner: Cell<Option<Option<&'static str>>>,
    before_noun: Cell<Option<bool>>,
    /// Whether the analysis asked for the determiner and for a noun after the name.
    asked: Cell<(bool, bool)>,
}

impl Around<'_> {
    /// The mention's token, in German text.
    fn token(&self) -> Option<usize> {
        self.german
            .then(|| self.tokens.of_mention(self.mention))
            .flatten()
    }

    fn determiner_value(&self) -> Option<&'static str> {
        if let Some(determiner) = self.determiner.get() {
            return determiner;
        }
        let determiner = self.token().and_then(|t| determiner_before(self.tokens, t));
        self.determiner.set(Some(determiner));
        determiner
    }

    fn before_noun_value(&self) -> bool {
        if let Some(before_noun) = self.before_noun.get() {
            return before_noun;
        }
        let before_noun = self.token().is_some_and(|t| noun_after(self.tokens, t));
        self.before_noun.set(Some(before_noun));
        before_noun
    }
}

impl Surroundings for Around<'_> {
    fn german(&self) -> bool {
        self.german
    }

    fn determiner(&self) -> Option<&str> {
        let (_, before_noun) = self.asked.get();
        self.asked.set((true, before_noun));
        self.determiner_value()
    }

    fn before_noun(&self) -> bool {
        let (determiner, _) = self.asked.get();
        self.asked.set((determiner, true));
        self.before_noun_value()
    }
}

/// German determiners and contracted prepositions that tell a name's case.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines",
    "vom", "zum", "zur", "im", "am", "beim", "ins",
];

/// The determiner before the name at token `t`, looking past opening quotes and lower-case
/// adjectives ("der rechts-populistischen „Wahren Finnen“").
fn determiner_before(tokens: &Tokens, t: usize) -> Option<&'static str> {
    let mut i = t;
    for _ in 0..4 {
        i = tokens.prev(i)?;
        if tokens.mention(i).is_some() {
            return None;
        }
        let text = tokens.text(i);
        if tokens.is_word(i) {
            if let Some(d) = lowercase_among(text, DETERMINERS) {
                return Some(d);
            }
            if !is_german_adjective(text) {
                return None;
            }
        } else if !text.chars().all(is_quote) {
            return None;
        }
    }
    None
}

pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

/// True when a noun phrase follows the name at token `t` directly: a capitalised word, or
/// lower-case adjectives and then one ("Haftars gescheiterter Angriff").
fn noun_after(tokens: &Tokens, t: usize) -> bool {
    let mut i = t;
    for _ in 0..3 {
        let Some(next) = tokens.next(i) else {
            return false;
        };
        if !tokens.is_word(next) || !tokens.spaced(next) {
            return false;
        }
        let text = tokens.text(next);
        if text.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        if !is_german_adjective(text) {
            return false;
        }
        i = next;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long text's grouping keeps a cluster and a naming number per mention, and a naming
    /// per analysis, derived form and part: their sizes are its memory.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_lists_by_mention_are_narrow() {
        assert_eq!(std::mem::size_of::<Link>(), 4);
        assert_eq!(std::mem::size_of::<Naming>(), 24);
    }

    #[test]
    fn one_edit_apart_finds_single_typos() {
        assert!(one_edit_apart("hilbert", "hilber"));
        assert!(one_edit_apart("hilbert", "hilbort"));
        assert!(one_edit_apart("schoigu", "schoygu"));
        assert!(!one_edit_apart("hilbert", "hilbert"));
        assert!(!one_edit_apart("hilbert", "gilbart"));
    }

    /// `one_edit_apart` as it was: the common beginning and end skipped character by character.
    fn one_edit_apart_by_chars(a: &str, b: &str) -> bool {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if long.len() - short.len() > 4 || a == b {
            return false;
        }
        let prefix = short
            .chars()
            .zip(long.chars())
            .take_while(|(x, y)| x == y)
            .map(|(x, _)| x.len_utf8())
            .sum::<usize>();
        let (short, long) = (&short[prefix..], &long[prefix..]);
        let suffix = short
            .chars()
            .rev()
            .zip(long.chars().rev())
            .take_while(|(x, y)| x == y)
            .map(|(x, _)| x.len_utf8())
            .sum::<usize>();
        let short_rest = short[..short.len() - suffix].chars().count();
        let long_rest = long[..long.len() - suffix].chars().count();
        short_rest <= 1 && long_rest == 1
    }

    proptest::proptest! {
        #[test]
        fn one_edit_apart_by_bytes_agrees_with_chars(a in "[abäöé€]{0,6}", b in "[abäöé€]{0,6}") {
            proptest::prop_assert_eq!(one_edit_apart(&a, &b), one_edit_apart_by_chars(&a, &b));
        }

        /// Texts one edit apart differ in two bits of their letters at most.
        #[test]
        fn one_edit_apart_texts_differ_in_few_letters(
            before in "[abä?\x7f]{0,6}",
            (x, y) in ("[abyä€?\x7f]?", "[abyä€?\x7f]?"),
            after in "[abä?\x7f]{0,6}",
        ) {
            let (a, b) = (format!("{before}{x}{after}"), format!("{before}{y}{after}"));
            proptest::prop_assert!((letters(&a) ^ letters(&b)).count_ones() <= 2);
        }
    }

    proptest::proptest! {
        /// Folding a word by runs notes the starts that folding it character by character
        /// gives, and folds it alike.
        #[test]
        fn words_fold_by_runs_as_by_characters(word in "[a-zA-Z0-9`'.\\-\x00\x7fÄäßİΣ\u{ad}’]{0,10}") {
            let (mut folded, mut starts) = (String::new(), Vec::new());
            fold_with_starts(&word, &mut folded, &mut starts);
            let (mut expected, mut expected_starts) = (String::new(), Vec::new());
            for (at, c) in word.char_indices() {
                expected_starts.push((at, expected.len()));
                fold_into(&word[at..at + c.len_utf8()], &mut expected);
            }
            proptest::prop_assert_eq!(&folded, &expected);
            proptest::prop_assert_eq!(starts, expected_starts);
            proptest::prop_assert_eq!(folded, fold(&word));
        }
    }

    #[test]
    fn unions_keep_the_older_root_and_refuse_two_entries() {
        let mut c = Clusters::default();
        let a = c.add(Cluster::default());
        let b = c.add(Cluster {
            entry: Some(Entry::Country(1)),
            ..Cluster::default()
        });
        let d = c.add(Cluster {
            entry: Some(Entry::Country(2)),
            ..Cluster::default()
        });
        assert_eq!(c.union(b, a), a);
        assert_eq!(c.get(a).entry, Some(Entry::Country(1)));
        assert_eq!(c.union(a, d), a, "two different entries stay apart");
        assert_ne!(c.find(d), c.find(a));
    }
}

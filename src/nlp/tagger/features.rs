//! Feature extraction: each token becomes a list of hashed feature buckets. Per-token facts
//! (word, lower case, shape, affixes, lexicon lists, compound head, hyphen parts, cluster) are
//! computed once per token; window and conjunction features combine them by hashing only.

use super::clusters::Clusters;
use super::gazetteer::{self, Gazetteer};
use super::hash::{finish, mix, str as hash_str};
use super::lexemes::{Lexeme, Lexemes};
use super::shape_model::NameLikeness;
use crate::lexicon::wordlists::Category;

/// Feature groups a model uses, as bits; stored in the model so that tagging extracts exactly
/// what training did. Named for `castlist train --features`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Groups(pub u32);

impl Groups {
    pub const WORD: u32 = 1 << 0;
    pub const WINDOW: u32 = 1 << 1;
    pub const SHAPE: u32 = 1 << 2;
    pub const AFFIX: u32 = 1 << 3;
    pub const BIGRAM: u32 = 1 << 4;
    pub const LEXICON: u32 = 1 << 5;
    pub const PHRASES: u32 = 1 << 6;
    pub const INFLECTION: u32 = 1 << 7;
    pub const COMPOUND: u32 = 1 << 8;
    pub const HYPHEN: u32 = 1 << 9;
    pub const CLUSTERS: u32 = 1 << 10;
    pub const CASING: u32 = 1 << 11;
    pub const CONTEXT: u32 = 1 << 12;
    pub const NAMELIKE: u32 = 1 << 13;
    pub const NGRAMS: u32 = 1 << 14;
    pub const BROWN: u32 = 1 << 15;
    pub const FREQ: u32 = 1 << 16;
    pub const BROWN_PAIRS: u32 = 1 << 17;

    pub const NAMES: [(&'static str, u32); 18] = [
        ("word", Groups::WORD),
        ("window", Groups::WINDOW),
        ("shape", Groups::SHAPE),
        ("affix", Groups::AFFIX),
        ("bigram", Groups::BIGRAM),
        ("lexicon", Groups::LEXICON),
        ("phrases", Groups::PHRASES),
        ("inflection", Groups::INFLECTION),
        ("compound", Groups::COMPOUND),
        ("hyphen", Groups::HYPHEN),
        ("clusters", Groups::CLUSTERS),
        ("casing", Groups::CASING),
        ("context", Groups::CONTEXT),
        ("namelike", Groups::NAMELIKE),
        ("ngrams", Groups::NGRAMS),
        ("brown", Groups::BROWN),
        ("freq", Groups::FREQ),
        ("brownpairs", Groups::BROWN_PAIRS),
    ];

    /// The groups that read the lexemes table (`castlist train --lexemes`).
    pub const LEXEMES: u32 = Groups::BROWN | Groups::FREQ | Groups::BROWN_PAIRS;

    pub fn all() -> Groups {
        Groups(Groups::NAMES.iter().fold(0, |acc, (_, bit)| acc | bit))
    }

    /// Whether any of these bits is set.
    pub fn has(self, bits: u32) -> bool {
        self.0 & bits != 0
    }

    pub fn without(self, bits: u32) -> Groups {
        Groups(self.0 & !bits)
    }

    /// Parses a comma-separated list of group names; `-name` removes one from all groups,
    /// plain names select only those. `all` is every group.
    pub fn parse(spec: &str) -> Result<Groups, String> {
        let mut selected = 0;
        let mut removed = 0;
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (minus, name) = match item.strip_prefix('-') {
                Some(name) => (true, name),
                None => (false, item),
            };
            let bit = if name == "all" {
                Groups::all().0
            } else {
                Groups::NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, b)| *b)
                    .ok_or_else(|| {
                        let names: Vec<&str> = Groups::NAMES.iter().map(|(n, _)| *n).collect();
                        format!(
                            "unknown feature group {name:?} (known: all, {})",
                            names.join(", ")
                        )
                    })?
            };
            if minus {
                removed |= bit;
            } else {
                selected |= bit;
            }
        }
        if selected == 0 {
            selected = Groups::all().0;
        }
        Ok(Groups(selected & !removed))
    }
}

// Template identifiers: hashed into every feature, so each must stay unique and unchanged.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_WINDOW: u64 = 4; // + offset
const T_SHAPE: u64 = 10; // + offset
const T_SHORT3: u64 = 16;
const T_PREFIX: u64 = 17;
const T_SUFFIX: u64 = 18;
const T_BIGRAM_LEFT: u64 = 19;
const T_BIGRAM_RIGHT: u64 = 20;
const T_FIRST: u64 = 21;
const T_LEX: u64 = 22; // + offset
const T_INFLECTED: u64 = 28;
const T_PHRASE: u64 = 29;
const T_HEAD: u64 = 30;
const T_HEAD_WORD: u64 = 31;
const T_HYPHEN_FIRST: u64 = 32;
const T_HYPHEN_LAST: u64 = 33;
const T_HYPHEN_LEX: u64 = 34;
const T_CLUSTER: u64 = 35; // + offset
const T_LEFT_SHAPE: u64 = 41;
const T_SHAPE_RIGHT: u64 = 42;
const T_NO_LEX_CAP: u64 = 43;
const T_CASING: u64 = 44; // + offset
const T_LEX2: u64 = 48; // + offset
const T_SUFFIX_CONTEXT: u64 = 50; // + offset
const T_NAMELIKE: u64 = 55; // + offset
const T_NGRAM: u64 = 60;
const T_BROWN: u64 = 64; // + depth index
const T_BROWN_LEFT: u64 = 70; // + depth index
const T_BROWN_RIGHT: u64 = 76; // + depth index
const T_LOGP: u64 = 91;
const T_RATIO: u64 = 92;
const T_BROWN_PAIR: u64 = 94;

/// Brown-path prefix lengths for the word itself, for its neighbours at ±1 and for the
/// neighbour-word pairs (chosen on the dev splits: longer or more prefixes, ±2 neighbours and
/// prefixes combined with capitalisation did not help).
const BROWN_WORD_DEPTHS: [u32; 4] = [4, 6, 10, 20];
const BROWN_SIDE_DEPTHS: [u32; 2] = [6, 20];
const BROWN_PAIR_DEPTH: u32 = 8;

/// The tables features read besides the token itself, built at training time and stored in
/// the model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables {
    pub gazetteer: Gazetteer,
    pub clusters: Clusters,
    pub names: NameLikeness,
    pub lexemes: Lexemes,
}

/// What a token looks like and which lists know it; computed once per token.
#[derive(Clone, Copy, Debug, Default)]
struct Atoms {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    caps: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    lex: u32,
    inflected: u32,
    head: u64,
    head_lex: u32,
    hyphen_first: u64,
    hyphen_last: u64,
    hyphen_lex: u32,
    cluster: u32,
    casing: u64,
    /// Bins of name-likeness: person and place (8 when not judged).
    person: u64,
    place: u64,
    /// Where this token's letter n-grams start in the extractor's n-gram list, and end.
    ngrams: (u32, u32),
    /// Two bits per category: 1 B, 2 I, 3 L of a multi-word lexicon phrase.
    phrase: u64,
    /// Brown cluster path of the word as written (or lower-cased), 0 if none; [`PAD_PATH`]
    /// bits mark the sentence boundaries.
    brown: u32,
    /// Log-probability step of the word as written (0 unknown).
    logp: u8,
    /// How much more probable the word is as written than in the other case (see
    /// [`case_ratio`]).
    ratio: u8,
}

/// Feature buckets of a sentence: `ids[offsets[i]..offsets[i + 1]]` belong to token `i`.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    pub ids: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn token(&self, i: usize) -> &[u32] {
        &self.ids[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Turns sentences into feature rows for one model's configuration and tables.
pub struct Extractor<'m> {
    groups: Groups,
    bits: u32,
    gazetteer: &'m Gazetteer,
    clusters: &'m Clusters,
    names: &'m NameLikeness,
    lexemes: &'m Lexemes,
    atoms: Vec<Atoms>,
    lower: String,
    /// The token in the other case, for its probability.
    alt: String,
    /// Letter n-gram hashes of the sentence's capitalised tokens.
    ngrams: Vec<u64>,
    /// Atoms of words seen before (they depend on the word alone).
    cache: WordCache,
    /// Non-zero while extracting training sentences of an auxiliary domain: every feature then
    /// also has a copy private to that domain ("frustratingly easy" domain adaptation), which
    /// takes up what is peculiar to it and is never seen when tagging.
    domain: u64,
}

const PAD_LEFT: Atoms = Atoms {
    word: 0x5eed_0001,
    lower: 0x5eed_0001,
    shape: 0x5eed_0001,
    short: 0x5eed_0001,
    caps: 7,
    prefix: [0; 4],
    suffix: [0; 4],
    lex: 0,
    inflected: 0,
    head: 0,
    head_lex: 0,
    hyphen_first: 0,
    hyphen_last: 0,
    hyphen_lex: 0,
    cluster: 0xffff_fff1,
    casing: 6,
    person: 9,
    place: 9,
    ngrams: (0, 0),
    phrase: 0,
    brown: PAD_PATH | 1,
    logp: 0,
    ratio: 0,
};

const PAD_RIGHT: Atoms = Atoms {
    word: 0x5eed_0002,
    lower: 0x5eed_0002,
    shape: 0x5eed_0002,
    short: 0x5eed_0002,
    cluster: 0xffff_fff2,
    brown: PAD_PATH | 2,
    ..PAD_LEFT
};

/// Marks the padding tokens' cluster paths: real paths are at most 32 - 1 bits long only in
/// theory; spaCy's are under 20, and prefixes never cut this bit away (see [`brown_prefix`]).
const PAD_PATH: u32 = 1 << 31;

/// The first `depth` steps of a word's cluster path; the padding marks stay whole.
#[inline]
fn brown_prefix(path: u32, depth: u32) -> u64 {
    if path & PAD_PATH != 0 {
        u64::from(path)
    } else {
        u64::from(Lexemes::prefix(path, depth))
    }
}

impl<'m> Extractor<'m> {
    pub fn new(groups: Groups, bits: u32, tables: &'m Tables) -> Self {
        Extractor {
            groups,
            bits,
            gazetteer: &tables.gazetteer,
            clusters: &tables.clusters,
            names: &tables.names,
            lexemes: &tables.lexemes,
            atoms: Vec::new(),
            lower: String::new(),
            alt: String::new(),
            ngrams: Vec::new(),
            cache: WordCache::default(),
            domain: 0,
        }
    }

    /// Sets the domain of the following sentences (0: the target domain).
    pub fn set_domain(&mut self, domain: u64) {
        self.domain = domain;
    }

    /// Fills `rows` with the features of the sentence's tokens.
    pub fn extract<S: AsRef<str>>(&mut self, tokens: &[S], rows: &mut Rows) {
        self.atoms.clear();
        self.ngrams.clear();
        for token in tokens {
            let token = token.as_ref();
            let word = hash_str(token);
            let mut atoms = match self.cache.get(token, word) {
                Some(atoms) => atoms,
                None => {
                    let atoms = self.atoms_of(token, word);
                    self.cache.put(token, word, &atoms);
                    atoms
                }
            };
            if self.groups.has(Groups::NGRAMS) && (atoms.caps == 1 || atoms.caps == 2) {
                let start = self.ngrams.len() as u32;
                self.lower.clear();
                lower_case(token, &mut self.lower);
                letter_ngrams(&self.lower, &mut self.ngrams);
                atoms.ngrams = (start, self.ngrams.len() as u32);
            }
            self.atoms.push(atoms);
        }
        if self.groups.has(Groups::PHRASES) {
            self.mark_phrases();
        }
        rows.ids.clear();
        rows.offsets.clear();
        rows.offsets.push(0);
        let n = self.atoms.len();
        for i in 0..n {
            self.token_features(i, &mut rows.ids);
            rows.offsets.push(rows.ids.len() as u32);
        }
    }

    fn at(&self, i: isize) -> &Atoms {
        if i < 0 {
            &PAD_LEFT
        } else {
            self.atoms.get(i as usize).unwrap_or(&PAD_RIGHT)
        }
    }

    /// What a token (whose hash is `word`) looks like and which lists know it, all but its
    /// letter n-grams (which go into the sentence's list).
    fn atoms_of(&mut self, token: &str, word: u64) -> Atoms {
        self.lower.clear();
        lower_case(token, &mut self.lower);
        let lower = self.lower.as_str();
        let lower_hash = gazetteer::word_hash(lower);
        let (shape, short) = shapes(token);
        let mut atoms = Atoms {
            word,
            lower: lower_hash,
            shape,
            short,
            caps: caps(token),
            ..Atoms::default()
        };
        if self.groups.has(Groups::AFFIX) {
            let ends = lower
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .chain(std::iter::once(lower.len()));
            for (k, end) in ends.take(4).enumerate() {
                atoms.prefix[k] = hash_str(&lower[..end]);
            }
            let starts = lower.char_indices().map(|(i, _)| i).rev();
            for (k, start) in starts.take(4).enumerate() {
                atoms.suffix[k] = hash_str(&lower[start..]);
            }
        }
        let g = self.gazetteer;
        if self.groups.has(Groups::LEXICON) {
            atoms.lex = g.word(lower_hash);
        }
        // Names, nouns and their compounds are capitalised; in lower case only German adjectives
        // (russischen) are worth looking up without their ending.
        let capitalised = atoms.caps == 1 || atoms.caps == 2;
        if self.groups.has(Groups::INFLECTION) && atoms.lex == 0 {
            if capitalised {
                atoms.inflected = g.inflected(lower);
            } else if atoms.caps == 0 {
                atoms.inflected = g.inflected_adjective(lower);
            }
        }
        if self.groups.has(Groups::COMPOUND)
            && atoms.lex == 0
            && lower.len() >= 7
            && capitalised
            && let Some(i) = g.compound_head(lower)
        {
            let head = &lower[i..];
            atoms.head = hash_str(head);
            atoms.head_lex = g.word(gazetteer::word_hash(head)) | g.inflected(head);
        }
        if self.groups.has(Groups::HYPHEN)
            && let (Some(first), Some(last)) = (lower.split('-').next(), lower.rsplit('-').next())
            && first.len() < lower.len()
            && !first.is_empty()
        {
            // A suspended hyphen ("EU- und US-Sanktionen") leaves the last part empty.
            atoms.hyphen_first = hash_str(first);
            atoms.hyphen_last = hash_str(last);
            atoms.hyphen_lex = g.word(gazetteer::word_hash(first));
        }
        if self.groups.has(Groups::CLUSTERS) {
            atoms.cluster = self.clusters.get(lower_hash);
        }
        if self.groups.has(Groups::NAMELIKE) && capitalised && atoms.lex == 0 {
            let odds = self.names.odds(lower);
            atoms.person = NameLikeness::bin(odds.person);
            atoms.place = NameLikeness::bin(odds.place);
        } else {
            atoms.person = 8;
            atoms.place = 8;
        }
        if self.groups.has(Groups::CASING) {
            atoms.casing = u64::from(self.clusters.casing(lower_hash));
        }
        if self.groups.has(Groups::LEXEMES) {
            let lx = self.lexemes;
            let written = lx.get(atoms.word);
            // The word in the other case: capitalised for a lower-case word, lower case for a
            // capitalised one.
            let other = match atoms.caps {
                0 => {
                    let mut chars = token.chars();
                    self.alt.clear();
                    if let Some(first) = chars.next() {
                        self.alt.extend(first.to_uppercase());
                        self.alt.push_str(chars.as_str());
                    }
                    lx.get(hash_str(&self.alt))
                }
                1 | 2 => lx.get(lower_hash),
                _ => Lexeme::default(),
            };
            atoms.brown = if written.path != 0 {
                written.path
            } else {
                other.path
            };
            atoms.logp = written.logp;
            atoms.ratio = case_ratio(written.logp, other.logp);
        }
        atoms
    }

    fn mark_phrases(&mut self) {
        let words: Vec<u64> = self.atoms.iter().map(|a| a.lower).collect();
        let atoms = &mut self.atoms;
        self.gazetteer.phrases(&words, |start, len, cats| {
            for c in 0..Category::COUNT as u32 {
                if cats & (1 << c) == 0 {
                    continue;
                }
                for (k, a) in atoms[start..start + len].iter_mut().enumerate() {
                    let pos = if k == 0 {
                        1
                    } else if k + 1 == len {
                        3
                    } else {
                        2
                    };
                    a.phrase = (a.phrase & !(3 << (2 * c))) | (pos << (2 * c));
                }
            }
        });
    }

    fn token_features(&self, i: usize, out: &mut Vec<u32>) {
        let g = self.groups;
        let shift = 64 - self.bits;
        let domain = self.domain;
        let mut push = |h: u64| {
            out.push((finish(h) >> shift) as u32);
            if domain != 0 {
                out.push((finish(mix(h, domain)) >> shift) as u32);
            }
        };
        let i = i as isize;
        let a = self.at(i);
        let (l1, r1) = (self.at(i - 1), self.at(i + 1));
        push(T_BIAS);
        if g.has(Groups::WORD) {
            push(mix(T_WORD, a.word));
            push(mix(T_LOWER, a.lower));
        }
        if g.has(Groups::WINDOW) {
            for (k, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                push(mix(T_WINDOW + k as u64, self.at(i + off).lower));
            }
        }
        if g.has(Groups::SHAPE) {
            push(mix(T_SHAPE, a.shape));
            push(mix(T_SHAPE + 1, a.short));
            push(mix(T_SHAPE + 2, l1.short));
            push(mix(T_SHAPE + 3, r1.short));
            push(mix(mix(mix(T_SHORT3, l1.short), a.short), r1.short));
            push(mix(mix(T_FIRST, (i == 0) as u64), a.caps));
            push(mix(mix(T_LEFT_SHAPE, l1.lower), a.short));
            push(mix(mix(T_SHAPE_RIGHT, a.short), r1.lower));
        }
        if g.has(Groups::AFFIX) {
            for k in 0..4 {
                if a.prefix[k] != 0 {
                    push(mix(mix(T_PREFIX, k as u64), a.prefix[k]));
                }
                if a.suffix[k] != 0 {
                    push(mix(mix(T_SUFFIX, k as u64), a.suffix[k]));
                }
            }
        }
        if g.has(Groups::BIGRAM) {
            push(mix(mix(T_BIGRAM_LEFT, l1.lower), a.lower));
            push(mix(mix(T_BIGRAM_RIGHT, a.lower), r1.lower));
        }
        if g.has(Groups::LEXICON) {
            for (k, atoms) in [a, l1, r1].into_iter().enumerate() {
                for bit in bits(atoms.lex) {
                    push(mix(
                        mix(mix(T_LEX + k as u64, bit), a.caps),
                        (i == 0) as u64,
                    ));
                }
            }
            if a.lex == 0 && a.inflected == 0 {
                push(mix(mix(T_NO_LEX_CAP, a.caps), (i == 0) as u64));
            }
        }
        if g.has(Groups::INFLECTION) {
            for bit in bits(a.inflected) {
                push(mix(mix(T_INFLECTED, bit), a.caps));
            }
        }
        if g.has(Groups::PHRASES) && a.phrase != 0 {
            for c in 0..Category::COUNT as u64 {
                let pos = (a.phrase >> (2 * c)) & 3;
                if pos != 0 {
                    push(mix(mix(mix(T_PHRASE, c), pos), a.caps));
                }
            }
        }
        if g.has(Groups::COMPOUND) && a.head != 0 {
            push(mix(T_HEAD_WORD, a.head));
            for bit in bits(a.head_lex) {
                push(mix(mix(T_HEAD, bit), a.caps));
            }
        }
        if g.has(Groups::HYPHEN) && a.hyphen_first != 0 {
            push(mix(T_HYPHEN_FIRST, a.hyphen_first));
            push(mix(T_HYPHEN_LAST, a.hyphen_last));
            for bit in bits(a.hyphen_lex) {
                push(mix(T_HYPHEN_LEX, bit));
            }
        }
        if g.has(Groups::NAMELIKE) && a.person != 8 {
            push(mix(mix(mix(T_NAMELIKE, a.person), a.caps), (i == 0) as u64));
            push(mix(
                mix(mix(T_NAMELIKE + 1, a.place), a.caps),
                (i == 0) as u64,
            ));
            push(mix(mix(mix(T_NAMELIKE + 2, a.person), a.place), a.caps));
        }
        if g.has(Groups::NGRAMS) {
            for h in &self.ngrams[a.ngrams.0 as usize..a.ngrams.1 as usize] {
                push(mix(T_NGRAM, *h));
            }
        }
        if g.has(Groups::CASING) {
            push(mix(mix(mix(T_CASING, a.casing), a.caps), (i == 0) as u64));
            push(mix(mix(T_CASING + 1, l1.casing), a.casing));
            push(mix(mix(T_CASING + 2, a.casing), r1.casing));
        }
        if g.has(Groups::CONTEXT) {
            let (l2, r2) = (self.at(i - 2), self.at(i + 2));
            for (k, atoms) in [l2, r2].into_iter().enumerate() {
                for bit in bits(atoms.lex) {
                    push(mix(mix(T_LEX2 + k as u64, bit), a.caps));
                }
            }
            push(mix(T_SUFFIX_CONTEXT, l1.suffix[2]));
            push(mix(T_SUFFIX_CONTEXT + 1, r1.suffix[2]));
            push(mix(mix(T_SUFFIX_CONTEXT + 2, l1.short), l1.lex as u64));
            push(mix(mix(T_SUFFIX_CONTEXT + 3, r1.short), r1.lex as u64));
        }
        if g.has(Groups::BROWN) {
            if a.brown != 0 {
                for (k, depth) in BROWN_WORD_DEPTHS.into_iter().enumerate() {
                    push(mix(T_BROWN + k as u64, brown_prefix(a.brown, depth)));
                }
            }
            for (k, depth) in BROWN_SIDE_DEPTHS.into_iter().enumerate() {
                push(mix(T_BROWN_LEFT + k as u64, brown_prefix(l1.brown, depth)));
                push(mix(T_BROWN_RIGHT + k as u64, brown_prefix(r1.brown, depth)));
            }
        }
        if g.has(Groups::BROWN_PAIRS) {
            let depth = BROWN_PAIR_DEPTH;
            push(mix(
                mix(T_BROWN_PAIR, brown_prefix(l1.brown, depth)),
                brown_prefix(a.brown, depth),
            ));
            push(mix(
                mix(T_BROWN_PAIR + 1, brown_prefix(a.brown, depth)),
                brown_prefix(r1.brown, depth),
            ));
        }
        if g.has(Groups::FREQ) {
            let first = (i == 0) as u64;
            push(mix(mix(mix(T_LOGP, u64::from(a.logp / 2)), a.caps), first));
            push(mix(mix(mix(T_RATIO, u64::from(a.ratio)), a.caps), first));
        }
        if g.has(Groups::CLUSTERS) && a.cluster != 0 {
            for (k, depth) in [4u32, 8, 12, 32].into_iter().enumerate() {
                push(mix(
                    mix(T_CLUSTER + k as u64, Clusters::prefix(a.cluster, depth)),
                    0,
                ));
            }
            push(mix(T_CLUSTER + 4, Clusters::prefix(l1.cluster, 32)));
            push(mix(T_CLUSTER + 5, Clusters::prefix(r1.cluster, 32)));
        }
    }
}

/// Appends the lower case of a token.
fn lower_case(token: &str, out: &mut String) {
    for c in token.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The atoms of recently seen words: a direct-mapped table by word hash, whose words are kept
/// in one string (a hit compares the word itself, not just its hash). It starts small and
/// grows with the text, so a short article pays little for it, and its size is bounded.
#[derive(Default)]
struct WordCache {
    slots: Vec<Cached>,
    words: String,
    /// Lookups since the table last grew.
    lookups: usize,
}

#[derive(Clone, Copy, Default)]
struct Cached {
    hash: u64,
    start: u32,
    len: u32,
    atoms: Atoms,
}

impl WordCache {
    const FIRST_SLOTS: usize = 256;
    const MAX_SLOTS: usize = 8192;
    /// Bytes of words kept before the table starts afresh.
    const MAX_WORDS: usize = 1 << 20;

    #[inline]
    fn get(&mut self, token: &str, hash: u64) -> Option<Atoms> {
        self.lookups += 1;
        if self.lookups > 4 * self.slots.len() && self.slots.len() < WordCache::MAX_SLOTS {
            let size = (2 * self.slots.len()).max(WordCache::FIRST_SLOTS);
            let old = std::mem::replace(&mut self.slots, vec![Cached::default(); size]);
            for slot in old.into_iter().filter(|s| s.len > 0) {
                self.slots[(slot.hash as usize) & (size - 1)] = slot;
            }
            self.lookups = 0;
        }
        let slot = self.slots.get((hash as usize) & (self.slots.len() - 1))?;
        let (start, len) = (slot.start as usize, slot.len as usize);
        (slot.hash == hash && len == token.len() && len > 0)
            .then(|| self.words.get(start..start + len))
            .flatten()
            .filter(|w| *w == token)
            .map(|_| slot.atoms)
    }

    fn put(&mut self, token: &str, hash: u64, atoms: &Atoms) {
        if self.slots.is_empty() || token.is_empty() {
            return;
        }
        if self.words.len() + token.len() > WordCache::MAX_WORDS {
            self.words.clear();
            self.slots.fill(Cached::default());
        }
        let i = (hash as usize) & (self.slots.len() - 1);
        self.slots[i] = Cached {
            hash,
            start: self.words.len() as u32,
            len: token.len() as u32,
            atoms: *atoms,
        };
        self.words.push_str(token);
    }
}

/// Hashes of the letter trigrams and four-grams of a word's first 30 letters (with a mark
/// for its start), without those that end the word (the suffix features cover them).
fn letter_ngrams(lower: &str, out: &mut Vec<u64>) {
    let chars: Vec<char> = std::iter::once('^')
        .chain(lower.chars().take(30))
        .chain(std::iter::once('$'))
        .collect();
    for n in [3usize, 4] {
        for w in chars.windows(n).skip(1) {
            if w.last() == Some(&'$') {
                continue;
            }
            let h = w.iter().fold(n as u64, |h, c| mix(h, *c as u64));
            out.push(h);
        }
    }
}

/// How much more probable a word is as written than in the other case (see
/// [`Extractor::atoms_of`]): 1 neither known, 2 only the other, 3 only as written; else 4 to
/// 10, from far less to far more probable, in half-nat steps.
fn case_ratio(written: u8, other: u8) -> u8 {
    match (written, other) {
        (0, 0) => 1,
        (0, _) => 2,
        (_, 0) => 3,
        (w, o) => {
            let d = i32::from(o) - i32::from(w);
            4 + [-8, -4, -1, 1, 4, 8].iter().filter(|t| d > **t).count() as u8
        }
    }
}

/// The set bits of a mask as numbers, lowest first.
fn bits(mut mask: u32) -> impl Iterator<Item = u64> {
    std::iter::from_fn(move || {
        let bit = mask.trailing_zeros();
        mask &= mask.wrapping_sub(1);
        (bit < 32).then_some(u64::from(bit))
    })
}

/// Capitalisation class: 0 lower case, 1 capitalised, 2 all capitals, 3 no letters first.
fn caps(token: &str) -> u64 {
    let mut chars = token.chars();
    let Some(first) = chars.next() else { return 3 };
    if !first.is_alphabetic() {
        return 3;
    }
    if first.is_lowercase() {
        return 0;
    }
    let mut letters = 1;
    let mut all_upper = true;
    for c in chars {
        if c.is_alphabetic() {
            letters += 1;
            all_upper &= c.is_uppercase();
        }
    }
    if all_upper && letters > 1 { 2 } else { 1 }
}

/// Hashes of the long shape (X, x, d per character, other characters kept, runs cut at four)
/// and the short shape (runs collapsed): "Putin" → Xxxxx / Xx, "UN-Rat" → XX-Xxx / X-Xx.
fn shapes(token: &str) -> (u64, u64) {
    let mut long = 0x1234_5678u64;
    let mut short = 0x8765_4321u64;
    let mut prev = '\0';
    let mut run = 0;
    for c in token.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if class == prev {
            run += 1;
        } else {
            run = 1;
            short = mix(short, class as u64);
        }
        if run <= 4 {
            long = mix(long, class as u64);
        }
        prev = class;
    }
    (long, short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::wordlists::Entry;

    #[test]
    fn shapes_and_caps() {
        assert_eq!(shapes("Putin").1, shapes("Haftar").1);
        assert_ne!(shapes("Putin").0, shapes("Ban").0);
        assert_eq!(
            shapes("Wladimir").0,
            shapes("Khalifaaa").0,
            "runs cut at four"
        );
        assert_ne!(shapes("UN-Rat").1, shapes("UNRat").1);
        assert_eq!(caps("Putin"), 1);
        assert_eq!(caps("TASS"), 2);
        assert_eq!(caps("russischen"), 0);
        assert_eq!(caps("17."), 3);
    }

    #[test]
    fn group_specs_parse() {
        assert_eq!(Groups::parse("all").unwrap(), Groups::all());
        let no_lex = Groups::parse("-lexicon").unwrap();
        assert!(!no_lex.has(Groups::LEXICON) && no_lex.has(Groups::WORD));
        assert_eq!(
            Groups::parse("word,shape").unwrap().0,
            Groups::WORD | Groups::SHAPE
        );
        assert!(
            Groups::parse("colour")
                .unwrap_err()
                .contains("unknown feature group")
        );
    }

    #[test]
    fn remembered_words_give_the_features_of_fresh_ones() {
        let entries: Vec<Entry> = vec![
            (Category::Country, "Libyen".to_string()),
            (Category::Country, "Russland".to_string()),
        ];
        let tables = Tables {
            gazetteer: Gazetteer::build(&entries, true),
            ..Tables::default()
        };
        // More distinct words than the cache holds, so that slots are taken over, and words
        // again and again, so that most are found in it; n-grams are per sentence.
        let words = [
            "in",
            "Libyen",
            "und",
            "RUSSLAND",
            "Wagner-Söldner",
            "17.",
            "",
        ];
        let sentences: Vec<Vec<String>> = (0..3000)
            .map(|k| {
                (0..7)
                    .map(|j| match (k * 7 + j) % 5 {
                        0 => format!("Wort{}", (k * 31 + j) % 20_000),
                        _ => words[(k + j) % words.len()].to_string(),
                    })
                    .collect()
            })
            .collect();
        let mut warm = Extractor::new(Groups::all(), 20, &tables);
        let (mut a, mut b) = (Rows::default(), Rows::default());
        for pass in 0..2 {
            for s in &sentences {
                warm.extract(s, &mut a);
                Extractor::new(Groups::all(), 20, &tables).extract(s, &mut b);
                assert_eq!(
                    (&a.ids, &a.offsets),
                    (&b.ids, &b.offsets),
                    "pass {pass}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn features_depend_on_context_and_lexicon() {
        let entries: Vec<Entry> = vec![(Category::Country, "Libyen".to_string())];
        let tables = Tables {
            gazetteer: Gazetteer::build(&entries, true),
            ..Tables::default()
        };
        let mut ex = Extractor::new(Groups::all(), 20, &tables);
        let mut a = Rows::default();
        let mut b = Rows::default();
        ex.extract(&["in", "Libyen", "."], &mut a);
        ex.extract(&["nach", "Libyen", "."], &mut b);
        assert_eq!(a.len(), 3);
        assert!(a.token(1).iter().all(|f| *f < 1 << 20));
        assert_ne!(a.token(1), b.token(1), "the left word is a feature");
        let shared = a.token(1).iter().filter(|f| b.token(1).contains(f)).count();
        assert!(shared > 10, "the word's own features are shared: {shared}");
        let mut c = Rows::default();
        ex.extract(&["in", "Lybien", "."], &mut c);
        let lex = |r: &Rows| r.token(1).len();
        assert!(lex(&a) != lex(&c) || a.token(1) != c.token(1));
    }
}

//! A trained model and its file: tag set, feature groups, lexicon and cluster tables, weights
//! and transitions. The file is a short text header followed by flat little-endian arrays,
//! read with one pass of copying (no parsing of text tables), so an embedded model loads in a
//! few milliseconds.

use super::clusters::Clusters;
use super::features::{Extractor, Groups, Rows, Tables};
use super::gazetteer::Gazetteer;
use super::hash::{PackedTable, Table};
use super::lexemes::Lexemes;
use super::shape_model::NameLikeness;
use super::tags::{Tag, TagSet};
use super::viterbi::{Decoder, Transitions};
use super::weights::{Scores, Weights};
use crate::nlp::corpus::Entity;

/// How many tokens ahead of the one being scored its weight rows are asked for.
const AHEAD: usize = 2;

/// Longest stretch of tokens decoded at once.
pub const MAX_SENTENCE: usize = 1000;

const MAGIC: &[u8; 16] = b"castlist/ner v4\n";

/// A model file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a castlist recognizer model (wrong magic bytes)")]
    Magic,
    #[error("model file ends early, in {0}")]
    Truncated(&'static str),
    #[error("model file is inconsistent: {0}")]
    Invalid(String),
}

/// A trained recognizer.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Language code the model was trained for (`de`, `en`).
    pub lang: String,
    /// Free text on how the model was made (command line, data).
    pub about: String,
    pub tags: TagSet,
    pub groups: Groups,
    /// Feature buckets are `bits` wide.
    pub bits: u32,
    pub tables: Tables,
    pub weights: Weights,
    /// In the units of the weights after scaling.
    pub transitions: Transitions,
}

impl Model {
    /// A tagger that reuses its buffers from sentence to sentence.
    pub fn tagger(&self) -> Tagger<'_> {
        Tagger {
            model: self,
            extractor: Extractor::new(self.groups, self.bits, &self.tables),
            rows: Rows::default(),
            scores: Vec::new(),
            emit: Vec::new(),
            decoder: Decoder::default(),
            out: Vec::new(),
        }
    }

    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let tags: Vec<String> = self.tags.tags().iter().map(|t| t.name()).collect();
        let header = format!(
            "lang={}\ntags={}\ngroups={}\nbits={}\ngerman={}\nscale={}\nabout={}\n",
            self.lang,
            tags.join(" "),
            self.groups.0,
            self.bits,
            self.tables.gazetteer.is_german(),
            self.weights.scale().to_bits(),
            self.about.replace('\n', " "),
        );
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        put(&mut out, &self.transitions.from, |v| v.to_le_bytes());
        put(&mut out, &self.transitions.end, |v| v.to_le_bytes());
        for table in [
            self.tables.gazetteer.table(),
            self.tables.clusters.table(),
            self.tables.names.table(),
        ] {
            put(&mut out, table.keys(), |v| v.to_le_bytes());
            put(&mut out, table.values(), |v| v.to_le_bytes());
        }
        let lexemes = &self.tables.lexemes;
        put(&mut out, lexemes.table().starts(), |v| v.to_le_bytes());
        put(&mut out, lexemes.table().entries(), |v| v.to_le_bytes());
        put(&mut out, lexemes.paths(), |v| v.to_le_bytes());
        put(&mut out, self.weights.offsets(), |v| v.to_le_bytes());
        put(&mut out, self.weights.entries(), |v| v.to_le_bytes());
        out
    }

    /// Reads a model from file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(ModelError::Magic)?;
        let mut r = Reader { rest };
        let header_len = u32::from_le_bytes(r.array("header")?) as usize;
        let header = std::str::from_utf8(r.take(header_len, "header")?)
            .map_err(|_| ModelError::Invalid("header is not UTF-8".into()))?;
        let field = |key: &str| {
            header
                .lines()
                .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
                .ok_or_else(|| ModelError::Invalid(format!("header lacks {key}")))
        };
        let number = |key: &str| {
            field(key)?
                .parse::<u32>()
                .map_err(|_| ModelError::Invalid(format!("header field {key} is not a number")))
        };
        let tags: Option<Vec<Tag>> = field("tags")?.split(' ').map(Tag::parse).collect();
        let tags = tags
            .and_then(TagSet::from_tags)
            .ok_or_else(|| ModelError::Invalid("bad tag set".into()))?;
        let bits = number("bits")?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Invalid(format!("{bits} feature bits")));
        }
        let scale = f32::from_bits(number("scale")?);
        let german = field("german")? == "true";
        let n = tags.len();
        let from = r.vec::<f32, 4>("transitions", f32::from_le_bytes)?;
        let end = r.vec::<f32, 4>("transitions", f32::from_le_bytes)?;
        if from.len() != (n + 1) * n || end.len() != n {
            return Err(ModelError::Invalid("transition table size".into()));
        }
        let table = |r: &mut Reader, what: &'static str| -> Result<Table, ModelError> {
            let keys = r.vec::<u32, 4>(what, u32::from_le_bytes)?;
            let values = r.vec::<u16, 2>(what, u16::from_le_bytes)?;
            Table::from_parts(keys, values).ok_or_else(|| ModelError::Invalid(what.into()))
        };
        let gazetteer = Gazetteer::from_table(table(&mut r, "lexicon table")?, german);
        let clusters = Clusters::from_table(table(&mut r, "cluster table")?);
        let names = NameLikeness::from_table(table(&mut r, "name-likeness table")?);
        let starts = r.vec::<u32, 4>("lexeme table", u32::from_le_bytes)?;
        let entries = r.vec::<u32, 4>("lexeme table", u32::from_le_bytes)?;
        let lexeme_table = PackedTable::from_parts(starts, entries)
            .ok_or_else(|| ModelError::Invalid("lexeme table".into()))?;
        let paths = r.vec::<u32, 4>("cluster paths", u32::from_le_bytes)?;
        let lexemes = Lexemes::from_parts(lexeme_table, paths);
        let offsets = r.vec::<u32, 4>("weights", u32::from_le_bytes)?;
        let entries = r.vec::<u32, 4>("weights", u32::from_le_bytes)?;
        if offsets.len() != (1 << bits) + 1 {
            return Err(ModelError::Invalid("weight table size".into()));
        }
        let weights = Weights::from_parts(n, offsets, entries, scale)
            .ok_or_else(|| ModelError::Invalid("weight entries".into()))?;
        if !r.rest.is_empty() {
            return Err(ModelError::Invalid("trailing bytes".into()));
        }
        Ok(Model {
            lang: field("lang")?.to_string(),
            about: field("about")?.to_string(),
            transitions: Transitions::with_scores(&tags, &from, &end),
            tags,
            groups: Groups(number("groups")?),
            bits,
            tables: Tables {
                gazetteer,
                clusters,
                names,
                lexemes,
            },
            weights,
        })
    }
}

fn put<T: Copy, const N: usize>(out: &mut Vec<u8>, values: &[T], le: impl Fn(T) -> [u8; N]) {
    out.extend_from_slice(&(values.len() as u64).to_le_bytes());
    for v in values {
        out.extend_from_slice(&le(*v));
    }
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        if self.rest.len() < len {
            return Err(ModelError::Truncated(what));
        }
        let (head, tail) = self.rest.split_at(len);
        self.rest = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, what)?);
        Ok(a)
    }

    fn vec<T, const N: usize>(
        &mut self,
        what: &'static str,
        le: impl Fn([u8; N]) -> T,
    ) -> Result<Vec<T>, ModelError> {
        let count = u64::from_le_bytes(self.array(what)?);
        let len = usize::try_from(count)
            .ok()
            .and_then(|c| c.checked_mul(N))
            .ok_or(ModelError::Truncated(what))?;
        let bytes = self.take(len, what)?;
        Ok(bytes
            .chunks_exact(N)
            .map(|c| {
                let mut a = [0u8; N];
                a.copy_from_slice(c);
                le(a)
            })
            .collect())
    }
}

/// Tags sentences with one model, reusing its buffers.
pub struct Tagger<'m> {
    model: &'m Model,
    extractor: Extractor<'m>,
    rows: Rows,
    scores: Vec<Scores>,
    emit: Vec<f32>,
    decoder: Decoder,
    out: Vec<u8>,
}

impl Tagger<'_> {
    /// The entities of a tokenized sentence. A sentence longer than [`MAX_SENTENCE`] tokens
    /// (a text without punctuation) is tagged in pieces of that length, so memory stays small.
    pub fn entities<S: AsRef<str>>(&mut self, tokens: &[S]) -> Vec<Entity> {
        let mut entities = Vec::new();
        for (k, piece) in tokens.chunks(MAX_SENTENCE).enumerate() {
            let tags = self.tags(piece).to_vec();
            let offset = k * MAX_SENTENCE;
            entities.extend(self.model.tags.decode(&tags).into_iter().map(|e| Entity {
                start: e.start + offset,
                end: e.end + offset,
                class: e.class,
            }));
        }
        entities
    }

    /// Tag indices (into the model's tag set) for a tokenized sentence; always a valid BILOU
    /// sequence.
    fn tags<S: AsRef<str>>(&mut self, tokens: &[S]) -> &[u8] {
        self.extractor.extract(tokens, &mut self.rows);
        let n = self.model.tags.len();
        let scale = self.model.weights.scale();
        let weights = &self.model.weights;
        weights.locate(&mut self.rows.ids);
        self.emit.clear();
        for i in 0..self.rows.len().min(AHEAD) {
            weights.prefetch(self.rows.token(i));
        }
        for i in 0..self.rows.len() {
            if i + AHEAD < self.rows.len() {
                weights.prefetch(self.rows.token(i + AHEAD));
            }
            weights.sum(self.rows.token(i), &mut self.scores);
            self.emit.extend(
                self.scores
                    .iter()
                    .flatten()
                    .take(n)
                    .map(|s| *s as f32 * scale),
            );
        }
        self.decoder.decode(
            &self.emit,
            self.rows.len(),
            &self.model.transitions,
            &mut self.out,
        );
        &self.out
    }
}

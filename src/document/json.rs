//! The castlist/1 JSON form of a [`Document`]: code-point offsets, actor ids as strings, and the
//! checks that make an imported file safe to use (FORMAT.md).

use std::collections::HashMap;
use std::io::Write;

use serde::{Deserialize, Serialize};

use super::{Actor, ActorIdx, Block, Document, Form, Kind, Lang, Mention, Origin, Role, Span};

/// The value of the `format` field.
pub const FORMAT: &str = "castlist/1";

/// Why a JSON text is not a usable castlist/1 document. Messages name the field and the value;
/// the caller adds the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("format is {found:?}, expected \"{FORMAT}\"")]
    Format { found: String },
    #[error("{field} = {value} lies outside the text ({len} characters)")]
    OutOfRange {
        field: String,
        value: usize,
        len: usize,
    },
    #[error("{field}: start {start} is after end {end}")]
    Inverted {
        field: String,
        start: usize,
        end: usize,
    },
    #[error(
        "{first} ({first_start}..{first_end}) overlaps {second} ({second_start}..{second_end})"
    )]
    Overlap {
        first: String,
        first_start: usize,
        first_end: usize,
        second: String,
        second_start: usize,
        second_end: usize,
    },
    #[error("mentions[{index}].actor = {id:?} names no actor in \"actors\"")]
    UnknownActor { index: usize, id: String },
    #[error("actors[{index}].id = {id:?} is used by an earlier actor too")]
    DuplicateActor { index: usize, id: String },
    #[error("mentions[{index}].text = {given:?}, but the text there is {actual:?}")]
    TextMismatch {
        index: usize,
        given: String,
        actual: String,
    },
    #[error("actors[{index}].salience = {value} is outside [0, 1]")]
    Salience { index: usize, value: f64 },
}

#[derive(Deserialize)]
struct InDocument {
    format: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    blocks: Vec<InBlock>,
    #[serde(default)]
    actors: Vec<InActor>,
    #[serde(default)]
    mentions: Vec<InMention>,
}

#[derive(Deserialize)]
struct InBlock {
    start: usize,
    end: usize,
    role: Role,
}

#[derive(Deserialize)]
struct InActor {
    id: String,
    name: String,
    kind: Kind,
    #[serde(default)]
    salience: f64,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct InMention {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    kind: Kind,
    #[serde(default = "default_form")]
    form: Form,
    #[serde(default)]
    actor: Option<String>,
    #[serde(default = "default_origin")]
    origin: Origin,
}

fn default_form() -> Form {
    Form::Name
}

fn default_origin() -> Origin {
    Origin::Import
}

#[derive(Serialize)]
struct OutDocument<'a> {
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    text: &'a str,
    blocks: Vec<OutBlock>,
    actors: Vec<OutActor<'a>>,
    mentions: Vec<OutMention<'a>>,
}

#[derive(Serialize)]
struct OutBlock {
    start: usize,
    end: usize,
    role: Role,
}

#[derive(Serialize)]
struct OutActor<'a> {
    id: &'a str,
    name: &'a str,
    kind: Kind,
    salience: f64,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct OutMention<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
    form: Form,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor: Option<&'a str>,
    origin: Origin,
}

/// Parses and checks a castlist/1 document. Mentions given out of order are sorted; everything
/// else that breaks FORMAT.md's rules is an error. `blocks` may come back empty when the file
/// has none: the caller decides how to lay out such a text.
pub fn from_str(json: &str) -> Result<Document, ImportError> {
    let input: InDocument = serde_json::from_str(json)?;
    if input.format != FORMAT {
        return Err(ImportError::Format {
            found: input.format,
        });
    }
    let text = input.text;

    // Every code-point offset in the file, converted in one pass over the text.
    let wanted = input
        .blocks
        .iter()
        .flat_map(|b| [b.start, b.end])
        .chain(input.mentions.iter().flat_map(|m| [m.start, m.end]))
        .collect();
    let offsets = OffsetTable::code_points_to_bytes(&text, wanted);
    let span = |field: String, start: usize, end: usize| -> Result<Span, ImportError> {
        let len = offsets.text_chars;
        let to_byte = |value: usize, name: &str| {
            offsets.get(value).ok_or_else(|| ImportError::OutOfRange {
                field: format!("{field}.{name}"),
                value,
                len,
            })
        };
        let (s, e) = (to_byte(start, "start")?, to_byte(end, "end")?);
        Span::try_new(s, e).ok_or(ImportError::Inverted { field, start, end })
    };

    let mut blocks = Vec::with_capacity(input.blocks.len());
    for (i, b) in input.blocks.iter().enumerate() {
        let field = format!("blocks[{i}]");
        let block = Block {
            span: span(field, b.start, b.end)?,
            role: b.role,
        };
        if let Some(prev) = blocks.last().map(|p: &Block| p.span)
            && prev.end() > block.span.start()
        {
            return Err(ImportError::Overlap {
                first: format!("blocks[{}]", i - 1),
                first_start: input.blocks[i - 1].start,
                first_end: input.blocks[i - 1].end,
                second: format!("blocks[{i}]"),
                second_start: b.start,
                second_end: b.end,
            });
        }
        blocks.push(block);
    }

    let mut ids = HashMap::with_capacity(input.actors.len());
    let mut actors = Vec::with_capacity(input.actors.len());
    for (i, a) in input.actors.into_iter().enumerate() {
        if !(0.0..=1.0).contains(&a.salience) {
            return Err(ImportError::Salience {
                index: i,
                value: a.salience,
            });
        }
        if ids.insert(a.id.clone(), ActorIdx(i)).is_some() {
            return Err(ImportError::DuplicateActor { index: i, id: a.id });
        }
        actors.push(Actor {
            id: a.id,
            name: a.name,
            kind: a.kind,
            salience: a.salience,
            aliases: a.aliases,
        });
    }

    let mut mentions = Vec::with_capacity(input.mentions.len());
    for (i, m) in input.mentions.iter().enumerate() {
        let span = span(format!("mentions[{i}]"), m.start, m.end)?;
        if let Some(given) = &m.text
            && given != &text[span.range()]
        {
            return Err(ImportError::TextMismatch {
                index: i,
                given: given.clone(),
                actual: text[span.range()].to_string(),
            });
        }
        let actor = match &m.actor {
            None => None,
            Some(id) => Some(*ids.get(id).ok_or_else(|| ImportError::UnknownActor {
                index: i,
                id: id.clone(),
            })?),
        };
        mentions.push((
            i,
            Mention {
                span,
                kind: m.kind,
                form: m.form,
                actor,
                origin: m.origin,
            },
        ));
    }
    mentions.sort_by_key(|(_, m)| (m.span.start(), m.span.end()));
    for pair in mentions.windows(2) {
        let ((i, a), (j, b)) = (&pair[0], &pair[1]);
        if a.span.overlaps(b.span) {
            return Err(ImportError::Overlap {
                first: format!("mentions[{i}]"),
                first_start: input.mentions[*i].start,
                first_end: input.mentions[*i].end,
                second: format!("mentions[{j}]"),
                second_start: input.mentions[*j].start,
                second_end: input.mentions[*j].end,
            });
        }
    }

    Ok(Document {
        source: input.source,
        lang: input
            .lang
            .as_deref()
            .map_or_else(Lang::unknown, Lang::from_code),
        title: input.title,
        text,
        blocks,
        actors,
        mentions: mentions.into_iter().map(|(_, m)| m).collect(),
    })
}

/// Writes the document as one castlist/1 JSON object (pretty-printed or on one line).
pub fn write(doc: &Document, out: &mut impl Write, pretty: bool) -> serde_json::Result<()> {
    let wanted = doc
        .blocks
        .iter()
        .flat_map(|b| [b.span.start(), b.span.end()])
        .chain(
            doc.mentions
                .iter()
                .flat_map(|m| [m.span.start(), m.span.end()]),
        )
        .collect();
    let offsets = OffsetTable::bytes_to_code_points(&doc.text, wanted);
    let cp = |byte: usize| {
        offsets
            .get(byte)
            .expect("document offsets lie on character boundaries inside the text")
    };
    let out_doc = OutDocument {
        format: FORMAT,
        source: doc.source.as_deref(),
        lang: doc.lang.code(),
        title: doc.title.as_deref(),
        text: &doc.text,
        blocks: doc
            .blocks
            .iter()
            .map(|b| OutBlock {
                start: cp(b.span.start()),
                end: cp(b.span.end()),
                role: b.role,
            })
            .collect(),
        actors: doc
            .actors
            .iter()
            .map(|a| OutActor {
                id: &a.id,
                name: &a.name,
                kind: a.kind,
                salience: a.salience,
                aliases: &a.aliases,
            })
            .collect(),
        mentions: doc
            .mentions
            .iter()
            .map(|m| OutMention {
                start: cp(m.span.start()),
                end: cp(m.span.end()),
                text: doc.slice(m.span),
                kind: m.kind,
                form: m.form,
                actor: m.actor.map(|a| doc.actors[a.0].id.as_str()),
                origin: m.origin,
            })
            .collect(),
    };
    if pretty {
        serde_json::to_writer_pretty(out, &out_doc)
    } else {
        serde_json::to_writer(out, &out_doc)
    }
}

/// The document as a pretty-printed castlist/1 JSON string.
pub fn to_string(doc: &Document) -> String {
    let mut buf = Vec::new();
    write(doc, &mut buf, true).expect("writing JSON to memory cannot fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// Offsets of one unit mapped to the other, for a set of offsets gathered up front, so that a
/// whole document converts in one pass over its text (linear, whatever the order of the input).
struct OffsetTable {
    /// Sorted (from, to) pairs.
    pairs: Vec<(usize, usize)>,
    text_chars: usize,
}

impl OffsetTable {
    fn code_points_to_bytes(text: &str, wanted: Vec<usize>) -> OffsetTable {
        Self::build(text, wanted, |cp, _| cp, |_, byte| byte)
    }

    fn bytes_to_code_points(text: &str, wanted: Vec<usize>) -> OffsetTable {
        Self::build(text, wanted, |_, byte| byte, |cp, _| cp)
    }

    fn build(
        text: &str,
        mut wanted: Vec<usize>,
        from: impl Fn(usize, usize) -> usize,
        to: impl Fn(usize, usize) -> usize,
    ) -> OffsetTable {
        wanted.sort_unstable();
        wanted.dedup();
        let mut pairs = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().copied().peekable();
        let mut chars = 0;
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            let key = from(cp, byte);
            while next.next_if(|&w| w < key).is_some() {}
            if next.next_if_eq(&key).is_some() {
                pairs.push((key, to(cp, byte)));
            }
            chars = cp + 1;
        }
        let end = from(chars, text.len());
        while next.next_if(|&w| w < end).is_some() {}
        if next.next_if_eq(&end).is_some() {
            pairs.push((end, to(chars, text.len())));
        }
        OffsetTable {
            pairs,
            text_chars: chars,
        }
    }

    fn get(&self, from: usize) -> Option<usize> {
        self.pairs
            .binary_search_by_key(&from, |&(f, _)| f)
            .ok()
            .map(|i| self.pairs[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        r#"{
          "format": "castlist/1", "lang": "de", "title": "Größe",
          "text": "Größe: Haftar trifft Putin",
          "blocks": [{"start": 0, "end": 26, "role": "paragraph"}],
          "actors": [{"id": "h", "name": "Khalifa Haftar", "kind": "PER", "salience": 0.5,
                      "aliases": ["Haftar"]}],
          "mentions": [
            {"start": 21, "end": 26, "text": "Putin", "kind": "PER"},
            {"start": 7, "end": 13, "text": "Haftar", "kind": "PER", "form": "name",
             "actor": "h", "origin": "model", "extra": true}
          ]
        }"#
        .to_string()
    }

    #[test]
    fn code_points_become_bytes_and_back() {
        let doc = from_str(&sample()).unwrap();
        // "Größe" has two two-byte letters, so code point 7 is byte 9.
        assert_eq!(doc.mentions[0].span, Span::new(9, 15));
        assert_eq!(doc.slice(doc.mentions[0].span), "Haftar");
        assert_eq!(doc.mentions[0].actor, Some(ActorIdx(0)));
        assert_eq!(doc.mentions[1].origin, Origin::Import);
        let again = from_str(&to_string(&doc)).unwrap();
        assert_eq!(again, doc);
        assert!(to_string(&doc).contains(r#""start": 7"#));
    }

    fn err(json: &str) -> String {
        from_str(json).unwrap_err().to_string()
    }

    #[test]
    fn bad_documents_name_field_and_value() {
        let s = sample();
        assert!(
            err(&s.replace(r#""start": 21"#, r#""start": 99"#)).contains("mentions[0].start = 99")
        );
        let overlapping = s.replace(
            r#""start": 21, "end": 26, "text": "Putin""#,
            r#""start": 10, "end": 26"#,
        );
        assert!(err(&overlapping).contains("mentions[1] (7..13) overlaps mentions[0] (10..26)"));
        assert!(err(&s.replace(r#""actor": "h""#, r#""actor": "x""#)).contains("\"x\""));
        assert!(err(&s.replace(r#""text": "Putin""#, r#""text": "Merkel""#)).contains("Merkel"));
        assert!(err(&s.replace("castlist/1", "castlist/2")).contains("castlist/2"));
        assert!(err(&s.replace(r#", "kind": "PER"}"#, "}")).contains("missing field `kind`"));
        assert!(err(&s.replace("0.5", "1.5")).contains("salience = 1.5"));
        assert!(err("{").contains("EOF"));
    }

    #[test]
    fn inverted_spans_are_errors_not_panics() {
        let s = sample().replace(r#""start": 21, "end": 26"#, r#""start": 21, "end": 20"#);
        assert!(err(&s).contains("start 21 is after end 20"));
    }
}

//! Turning files into documents: reading and decoding bytes, laying out plain text, importing
//! castlist/1 JSON. Pure functions: no terminal, no model.

pub mod decode;
pub mod text;

use std::io::Read;
use std::path::Path;

use crate::document::{Document, Role, json};

/// The article that opens when no file is given.
pub const SAMPLE_NAME: &str = "assets/articles/afp-haftar-trifft-putin.txt";
pub const SAMPLE_TEXT: &str = include_str!("../../assets/articles/afp-haftar-trifft-putin.txt");

/// What a file holds: a text to analyse, or a castlist/1 document to take as it is.
#[derive(Debug)]
pub enum Input {
    /// Plain text, laid out into blocks, not yet analysed.
    Text(Document),
    /// An imported castlist/1 document with its annotations.
    Annotated(Document),
}

/// A file that cannot be read as an article. The message names the file and the problem.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{name}: {source}")]
    Io {
        name: String,
        source: std::io::Error,
    },
    #[error("{name}: is a directory, not an article")]
    Directory { name: String },
    #[error("{name}: {source}")]
    Decode {
        name: String,
        source: decode::DecodeError,
    },
    #[error("{name}: not a valid castlist/1 document: {source}")]
    Json {
        name: String,
        source: json::ImportError,
    },
    #[error("{name}: too large ({bytes} bytes of text; castlist reads texts up to 4 GiB)")]
    TooLarge { name: String, bytes: usize },
}

/// The longest text castlist analyses, in bytes: linking keeps byte offsets in 32 bits.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Reads a file (`-` for standard input) into an [`Input`].
pub fn read(name: &str) -> Result<Input, IngestError> {
    let io = |source| IngestError::Io {
        name: display_name(name).to_string(),
        source,
    };
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map_err(io)?;
        buf
    } else {
        if Path::new(name).is_dir() {
            return Err(IngestError::Directory {
                name: name.to_string(),
            });
        }
        std::fs::read(name).map_err(io)?
    };
    from_bytes(display_name(name), bytes)
}

/// How a file is named in messages and in `source`: `-` is standard input.
pub fn display_name(name: &str) -> &str {
    if name == "-" { "standard input" } else { name }
}

/// Turns a file's bytes into an [`Input`]: castlist/1 JSON when the name ends in `.json` or the
/// content is a JSON object with a `"format"` field; plain text otherwise.
pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Input, IngestError> {
    let (text, _) = decode::decode(bytes).map_err(|source| IngestError::Decode {
        name: name.to_string(),
        source,
    })?;
    within_limit(name, text.len())?;
    if looks_like_json(name, &text) {
        let mut doc = json::from_str(&text).map_err(|source| IngestError::Json {
            name: name.to_string(),
            source,
        })?;
        if doc.blocks.is_empty() {
            doc.blocks = text::layout(&doc.text).0;
        }
        if doc.title.is_none() {
            let title = doc.blocks_with(Role::Title).next().map(|b| b.span);
            doc.title = title.map(|span| doc.slice(span).to_string());
        }
        if doc.source.is_none() {
            doc.source = Some(name.to_string());
        }
        return Ok(Input::Annotated(doc));
    }
    Ok(Input::Text(from_text(name, text)))
}

/// Refuses a text longer than [`MAX_TEXT_BYTES`].
fn within_limit(name: &str, bytes: usize) -> Result<(), IngestError> {
    if bytes > MAX_TEXT_BYTES {
        return Err(IngestError::TooLarge {
            name: name.to_string(),
            bytes,
        });
    }
    Ok(())
}

/// Lays out a plain text as an unanalysed document.
pub fn from_text(name: &str, text: String) -> Document {
    let (blocks, title) = text::layout(&text);
    Document {
        source: Some(name.to_string()),
        title,
        text,
        blocks,
        ..Document::default()
    }
}

fn looks_like_json(name: &str, text: &str) -> bool {
    if name.to_ascii_lowercase().ends_with(".json") {
        return true;
    }
    let start = text.trim_start();
    start.starts_with('{') && start[..start.len().min(4096)].contains("\"format\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_beyond_4_gib_is_refused_with_its_name() {
        assert!(within_limit("a.txt", MAX_TEXT_BYTES).is_ok());
        let e = within_limit("a.txt", MAX_TEXT_BYTES + 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt: too large (4294967296 bytes of text; castlist reads texts up to 4 GiB)"
        );
    }

    fn err(name: &str, bytes: &[u8]) -> String {
        from_bytes(name, bytes.to_vec()).unwrap_err().to_string()
    }

    #[test]
    fn json_is_recognised_by_name_or_content() {
        let json = br#"{"format": "castlist/1", "text": "Titel\n\nText."}"#;
        let Input::Annotated(doc) = from_bytes("a.txt", json.to_vec()).unwrap() else {
            panic!("not read as JSON");
        };
        assert_eq!(doc.title.as_deref(), Some("Titel"));
        assert_eq!(doc.blocks.len(), 2);
        assert!(matches!(
            from_bytes("a.txt", b"{ not json at all".to_vec()).unwrap(),
            Input::Text(_)
        ));
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        assert!(
            err("x.json", b"{\"format\": \"castlist/1\"}")
                .starts_with("x.json: not a valid castlist/1 document: missing field `text`")
        );
        assert!(
            err("x.png", b"\x89PNG\r\n\x1a\n\0\0").starts_with("x.png: looks like a binary file")
        );
        let missing = read("/nonexistent/castlist-test.txt")
            .unwrap_err()
            .to_string();
        assert!(
            missing.starts_with("/nonexistent/castlist-test.txt: "),
            "{missing}"
        );
        assert!(
            read("/")
                .unwrap_err()
                .to_string()
                .contains("is a directory")
        );
    }

    #[test]
    fn empty_file_is_an_empty_document() {
        let Input::Text(doc) = from_bytes("empty.txt", Vec::new()).unwrap() else {
            panic!("not text");
        };
        assert!(doc.text.is_empty() && doc.blocks.is_empty() && doc.title.is_none());
    }
}

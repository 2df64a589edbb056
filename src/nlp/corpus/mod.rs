//! Gold corpora for training and scoring the recognizer: the sentence model and the readers for
//! GermEval 2014 TSV, CoNLL/WikiGold, Universal NER IOB2 and HIPE-2022 TSV, with format
//! detection. Every reader reports malformed input with the file and line.

pub mod label;
pub mod score;

mod conll;
mod germeval;
mod hipe;
mod uner;

use std::path::Path;

pub use label::{Class, Entity, Label};

/// A corpus file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `#\tsource\t[date]` comments, `index\ttoken\touter\tnested` lines.
    GermEval,
    /// `token label` (space or tab separated, label last), `-DOCSTART-` lines; IOB1 or IOB2.
    Conll,
    /// `# sent_id`/`# text` comments, `index\ttoken\ttag\t…` lines.
    Uner,
    /// HIPE-2022: a `TOKEN\tNE-COARSE-LIT…` header, ten columns, sentences end at `EndOfSentence`.
    Hipe,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::GermEval => "germeval",
            Format::Conll => "conll",
            Format::Uner => "uner",
            Format::Hipe => "hipe",
        }
    }
}

/// A tokenized sentence with its gold entities (token spans, sorted, non-overlapping).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub entities: Vec<Entity>,
    /// Index of the document the sentence belongs to, counted from 0 in the file.
    pub doc: usize,
}

/// The sentences of one corpus file.
#[derive(Clone, Debug, PartialEq)]
pub struct Corpus {
    pub name: String,
    pub format: Format,
    pub sentences: Vec<Sentence>,
}

impl Corpus {
    pub fn tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

/// A corpus that cannot be read. `line` counts from 1; 0 means the whole file.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{name}: {error}")]
    Io { name: String, error: std::io::Error },
    #[error("{name}: not UTF-8 text (is it a corpus file?)")]
    NotText { name: String },
    #[error("{name}, line {line}: {message}")]
    Malformed {
        name: String,
        line: usize,
        message: String,
    },
    #[error(
        "{name}: cannot tell the corpus format (GermEval, CoNLL, UNER or HIPE); give it with --format"
    )]
    UnknownFormat { name: String },
}

/// Reads a corpus file, detecting its format unless given.
pub fn read(path: &Path, format: Option<Format>) -> Result<Corpus, CorpusError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| CorpusError::Io {
        name: name.clone(),
        error,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| CorpusError::NotText { name: name.clone() })?;
    parse(&name, &text, format)
}

/// Parses corpus text, detecting its format unless given.
pub fn parse(name: &str, text: &str, format: Option<Format>) -> Result<Corpus, CorpusError> {
    let format = match format {
        Some(f) => f,
        None => detect(text).ok_or_else(|| CorpusError::UnknownFormat {
            name: name.to_string(),
        })?,
    };
    let mut lines = Lines::new(name, text);
    let sentences = match format {
        Format::GermEval => germeval::parse(&mut lines)?,
        Format::Conll => conll::parse(&mut lines)?,
        Format::Uner => uner::parse(&mut lines)?,
        Format::Hipe => hipe::parse(&mut lines)?,
    };
    Ok(Corpus {
        name: name.to_string(),
        format,
        sentences,
    })
}

/// Recognises the format from the first lines: the HIPE header, UNER's `# sent_id`/`# text`
/// comments or five columns, GermEval's `#\t` comments or four columns, else `token label`.
pub fn detect(text: &str) -> Option<Format> {
    for line in text.lines().map(|l| l.trim_end_matches('\r')) {
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with("TOKEN\tNE-COARSE-LIT") {
            return Some(Format::Hipe);
        }
        if line.starts_with("# sent_id")
            || line.starts_with("# text")
            || line.starts_with("# newdoc")
        {
            return Some(Format::Uner);
        }
        if line.starts_with("#\t") {
            return Some(Format::GermEval);
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let indexed = fields[0].parse::<usize>().is_ok();
        return match fields.len() {
            4 if indexed => Some(Format::GermEval),
            5 if indexed => Some(Format::Uner),
            10 => Some(Format::Hipe),
            _ if line.split_whitespace().count() >= 2 => Some(Format::Conll),
            _ => None,
        };
    }
    None
}

/// Numbered lines of a corpus file, for readers that report where things go wrong.
pub(crate) struct Lines<'a> {
    name: &'a str,
    inner: std::iter::Enumerate<std::str::Lines<'a>>,
}

impl<'a> Lines<'a> {
    fn new(name: &'a str, text: &'a str) -> Lines<'a> {
        Lines {
            name,
            inner: text.lines().enumerate(),
        }
    }

    /// The error for line `line` (counted from 1).
    pub(crate) fn error(&self, line: usize, message: impl Into<String>) -> CorpusError {
        CorpusError::Malformed {
            name: self.name.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    /// (line number from 1, line without `\r`)
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.inner
            .next()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
    }
}

/// Collects a sentence's tokens and labels; turns them into a [`Sentence`] at its end, and
/// counts documents.
#[derive(Default)]
pub(crate) struct SentenceBuilder {
    tokens: Vec<String>,
    labels: Vec<Label>,
    doc: usize,
    started: bool,
}

impl SentenceBuilder {
    pub(crate) fn push(&mut self, token: &str, label: Label) {
        self.tokens.push(token.to_string());
        self.labels.push(label);
    }

    /// Ends the sentence (if any tokens were pushed) and appends it.
    pub(crate) fn finish(&mut self, out: &mut Vec<Sentence>) {
        if self.tokens.is_empty() {
            return;
        }
        out.push(Sentence {
            entities: label::decode(&self.labels),
            tokens: std::mem::take(&mut self.tokens),
            doc: self.doc,
        });
        self.labels.clear();
    }

    /// Ends the sentence and starts a new document (unless nothing came before it).
    pub(crate) fn new_document(&mut self, out: &mut Vec<Sentence>) {
        self.finish(out);
        if self.started || !out.is_empty() {
            self.doc += 1;
        }
        self.started = true;
    }
}

/// Parses a label or reports it with its line.
pub(crate) fn parse_label(lines: &Lines, line: usize, label: &str) -> Result<Label, CorpusError> {
    Label::parse(label).ok_or_else(|| {
        lines.error(
            line,
            format!("unknown tag {label:?} (expected O, B-X or I-X for a class X)"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_from_the_first_lines() {
        assert_eq!(
            detect("#\thttp://x\t[2010]\n1\tDer\tO\tO\n"),
            Some(Format::GermEval)
        );
        assert_eq!(detect("-DOCSTART- O\n\nThe O\n"), Some(Format::Conll));
        assert_eq!(
            detect("# sent_id = a\n# text = x\n1\tx\tO\t-\t-\n"),
            Some(Format::Uner)
        );
        assert_eq!(
            detect("TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\n"),
            Some(Format::Hipe)
        );
        assert_eq!(detect("just-one-column\n"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn unknown_formats_say_so() {
        let err = parse("f.txt", "one\n", None).unwrap_err();
        assert!(err.to_string().contains("--format"), "{err}");
    }
}

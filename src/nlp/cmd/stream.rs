//! `castlist tag` on a stream: reads CoNLL-style lines (token first, blank line between
//! sentences, `#` lines passed through), tags each sentence and writes every line back with the
//! predicted IOB2 tag appended after a tab. Memory holds one sentence at a time (the first few
//! sentences, when the language has to be guessed from them).

use std::borrow::Cow;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::Context;

use crate::cli::LangArg;
use crate::nlp::corpus::Entity;
use crate::nlp::tagger::{Model, Tagger};

/// Tokens read before the language is guessed, when it is not given.
const GUESS_AFTER: usize = 200;

/// Lines waiting for output: their text in one buffer, each line's end, and which lines are
/// tokens (the others are comments and blank lines).
#[derive(Default)]
struct Pending {
    text: String,
    ends: Vec<usize>,
    is_token: Vec<bool>,
    tokens: usize,
}

impl Pending {
    fn push(&mut self, line: &str, is_token: bool) {
        self.text.push_str(line);
        self.ends.push(self.text.len());
        self.is_token.push(is_token);
        self.tokens += usize::from(is_token);
    }

    fn lines(&self) -> impl Iterator<Item = (&str, bool)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .zip(&self.is_token)
            .map(|((start, end), t)| (&self.text[start..*end], *t))
    }

    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.is_token.clear();
        self.tokens = 0;
    }
}

pub fn run(
    mut input: impl BufRead,
    out: &mut impl Write,
    name: &str,
    lang: Option<LangArg>,
    model_path: Option<&PathBuf>,
) -> anyhow::Result<()> {
    let mut buf = Vec::new();
    let mut number = 0usize;
    // Lines read before the model is chosen (only when the language must be guessed).
    let mut early = Pending::default();
    let model: Cow<'static, Model> = match (lang, model_path) {
        (Some(lang), _) => super::model_for(model_path, lang)?,
        (None, Some(_)) => super::model_for(model_path, LangArg::De)?,
        (None, None) => {
            while early.tokens < GUESS_AFTER && read_line(&mut input, &mut buf, name, &mut number)?
            {
                let (line, is_token) = check_line(&buf, name, number)?;
                early.push(line, is_token);
            }
            super::model_for(None, guess(&early))?
        }
    };
    let mut tagger = model.tagger();
    let mut sentence = Pending::default();
    for (line, is_token) in early.lines() {
        take(&mut sentence, line, is_token, &mut tagger, out)?;
    }
    while read_line(&mut input, &mut buf, name, &mut number)? {
        let (line, is_token) = check_line(&buf, name, number)?;
        take(&mut sentence, line, is_token, &mut tagger, out)?;
    }
    flush(&sentence, &mut tagger, out)
}

/// Adds a line to the sentence, or (for a blank line) writes the sentence and the blank line.
fn take(
    sentence: &mut Pending,
    line: &str,
    is_token: bool,
    tagger: &mut Tagger<'_>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if line.is_empty() {
        flush(sentence, tagger, out)?;
        sentence.clear();
        out.write_all(b"\n")?;
    } else {
        sentence.push(line, is_token);
    }
    Ok(())
}

/// Reads the next line into `buf`; false at the end of the input.
fn read_line(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    name: &str,
    number: &mut usize,
) -> anyhow::Result<bool> {
    buf.clear();
    let read = input
        .read_until(b'\n', buf)
        .with_context(|| format!("{name}: reading line {}", *number + 1))?;
    if read > 0 {
        *number += 1;
    }
    Ok(read > 0)
}

/// Checks a line: its text without the line ending (empty for a blank line) and whether it
/// holds a token (not a comment).
fn check_line<'a>(buf: &'a [u8], name: &str, number: usize) -> anyhow::Result<(&'a str, bool)> {
    let text = std::str::from_utf8(buf).map_err(|_| {
        anyhow::anyhow!("{name}, line {number}: not UTF-8 text; is this a token file?")
    })?;
    if text.contains('\0') {
        anyhow::bail!("{name}, line {number}: contains a NUL byte; is this a binary file?");
    }
    let text = text.trim_end_matches(['\n', '\r']);
    if text.trim().is_empty() {
        Ok(("", false))
    } else if text.starts_with('#') {
        Ok((text, false))
    } else if text.starts_with([' ', '\t']) {
        anyhow::bail!(
            "{name}, line {number}: no token in the first column (lines hold a token, then \
             optional columns; blank lines end sentences)"
        )
    } else {
        Ok((text, true))
    }
}

/// Tags a sentence and writes its lines, each token line with its tag.
fn flush(sentence: &Pending, tagger: &mut Tagger<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    if sentence.ends.is_empty() {
        return Ok(());
    }
    let words: Vec<&str> = sentence
        .lines()
        .filter(|(_, t)| *t)
        .map(|(l, _)| first_field(l))
        .collect();
    let entities = tagger.entities(&words);
    let mut entities = entities.iter().peekable();
    let mut k = 0;
    for (line, is_token) in sentence.lines() {
        out.write_all(line.as_bytes())?;
        if is_token {
            while entities.next_if(|e: &&Entity| e.end <= k).is_some() {}
            match entities.peek() {
                Some(e) if e.start == k => write!(out, "\tB-{}", e.class)?,
                Some(e) if e.start < k => write!(out, "\tI-{}", e.class)?,
                _ => out.write_all(b"\tO")?,
            }
            k += 1;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The token: the line up to the first tab or space.
fn first_field(line: &str) -> &str {
    line.split(['\t', ' ']).next().unwrap_or(line)
}

/// German or English, by counting frequent function words in the first sentences.
fn guess(pending: &Pending) -> LangArg {
    const DE: &[&str] = &[
        "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "den", "zu", "von", "im",
        "sich", "auf",
    ];
    const EN: &[&str] = &[
        "the", "and", "is", "of", "to", "in", "a", "that", "it", "for", "was", "with", "on", "not",
        "be",
    ];
    let (mut de, mut en) = (0, 0);
    for (line, _) in pending.lines().filter(|(_, t)| *t) {
        let word = first_field(line).to_lowercase();
        de += usize::from(DE.contains(&word.as_str()));
        en += usize::from(EN.contains(&word.as_str()));
    }
    if en > de { LangArg::En } else { LangArg::De }
}

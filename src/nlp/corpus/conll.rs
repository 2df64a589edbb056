//! CoNLL-2003 style (WikiGold): `token … label` separated by spaces or tabs, the label last,
//! IOB1 or IOB2; `-DOCSTART-` lines separate documents, blank lines sentences.

use super::{CorpusError, Lines, Sentence, SentenceBuilder, parse_label};

pub(super) fn parse(lines: &mut Lines) -> Result<Vec<Sentence>, CorpusError> {
    let mut sentences = Vec::new();
    let mut current = SentenceBuilder::default();
    while let Some((n, line)) = lines.next() {
        if line.trim().is_empty() {
            current.finish(&mut sentences);
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields[0] == "-DOCSTART-" {
            current.new_document(&mut sentences);
            continue;
        }
        if fields.len() < 2 {
            return Err(lines.error(
                n,
                "expected a token and its label separated by a space or tab",
            ));
        }
        let label = parse_label(lines, n, fields[fields.len() - 1])?;
        current.push(fields[0], label);
    }
    current.finish(&mut sentences);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::nlp::corpus::{Class, Entity, Format, parse};

    #[test]
    fn reads_iob1_with_documents() {
        let text = "-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nrock O\n\nBob I-PER\nAnn B-PER\n\n\
                    -DOCSTART- O\n\nParis I-LOC\n";
        let corpus = parse("w.conll", text, None).unwrap();
        assert_eq!(corpus.format, Format::Conll);
        let s = &corpus.sentences;
        assert_eq!(s.len(), 3);
        assert_eq!(
            s[0].entities,
            vec![Entity {
                start: 0,
                end: 2,
                class: Class::name(Kind::Org)
            }]
        );
        assert_eq!(s[1].entities.len(), 2, "B- splits adjacent names");
        assert_eq!((s[0].doc, s[1].doc, s[2].doc), (0, 0, 1));
    }

    #[test]
    fn a_line_without_label_is_an_error() {
        let err = parse("w.conll", "The O\nMad\n", Some(Format::Conll)).unwrap_err();
        assert!(err.to_string().starts_with("w.conll, line 2:"), "{err}");
    }
}

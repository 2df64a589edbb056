//! Universal NER IOB2: `# newdoc`, `# sent_id`, `# text` comments, then
//! `index\ttoken\ttag\t…` lines, a blank line after each sentence.

use super::{CorpusError, Lines, Sentence, SentenceBuilder, parse_label};

pub(super) fn parse(lines: &mut Lines) -> Result<Vec<Sentence>, CorpusError> {
    let mut sentences = Vec::new();
    let mut current = SentenceBuilder::default();
    while let Some((n, line)) = lines.next() {
        if line.trim().is_empty() {
            current.finish(&mut sentences);
            continue;
        }
        if line.starts_with('#') {
            if line.starts_with("# newdoc") {
                current.new_document(&mut sentences);
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err(lines.error(
                n,
                format!(
                    "expected index, token and tag separated by tabs, found {} field(s)",
                    fields.len()
                ),
            ));
        }
        if fields[0].parse::<usize>().is_err() {
            return Err(lines.error(n, format!("token index {:?} is not a number", fields[0])));
        }
        let label = parse_label(lines, n, fields[2])?;
        current.push(fields[1], label);
    }
    current.finish(&mut sentences);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::nlp::corpus::{Class, Entity, Format, parse};

    #[test]
    fn reads_sentences_and_documents() {
        let text = "# newdoc id = a\n# sent_id = a-1\n# text = in tampa bay\n\
                    1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\ts\n3\tbay\tI-LOC\t-\ts\n\n\
                    # newdoc id = b\n# sent_id = b-1\n1\tHi\tO\t-\t-\n\n";
        let corpus = parse("u.iob2", text, None).unwrap();
        assert_eq!(corpus.format, Format::Uner);
        assert_eq!(
            corpus.sentences[0].entities,
            vec![Entity {
                start: 1,
                end: 3,
                class: Class::name(Kind::Loc)
            }]
        );
        assert_eq!(corpus.sentences[1].doc, 1);
    }

    #[test]
    fn bad_tags_are_reported_with_their_line() {
        let text = "# sent_id = a\n1\tin\tO\t-\t-\n2\tx\tB-DATE\t-\t-\n";
        let err = parse("u.iob2", text, None).unwrap_err();
        assert!(
            err.to_string().starts_with("u.iob2, line 3: unknown tag"),
            "{err}"
        );
    }
}

//! HIPE-2022 TSV: a header line, `# hipe2022:…` metadata (a `document_id` line starts a
//! document), ten tab-separated columns with NE-COARSE-LIT second; sentences end at a token
//! whose MISC column holds `EndOfSentence`.

use super::{CorpusError, Lines, Sentence, SentenceBuilder, parse_label};

pub(super) fn parse(lines: &mut Lines) -> Result<Vec<Sentence>, CorpusError> {
    let mut sentences = Vec::new();
    let mut current = SentenceBuilder::default();
    while let Some((n, line)) = lines.next() {
        if line.trim().is_empty() || line.starts_with("TOKEN\t") {
            continue;
        }
        if line.starts_with('#') {
            if line.contains(":document_id") {
                current.new_document(&mut sentences);
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(lines.error(
                n,
                format!(
                    "expected the ten HIPE-2022 columns separated by tabs, found {}",
                    fields.len()
                ),
            ));
        }
        let label = parse_label(lines, n, fields[1])?;
        if fields[0].is_empty() {
            return Err(lines.error(n, "empty token"));
        }
        current.push(fields[0], label);
        if fields[9].split('|').any(|m| m == "EndOfSentence") {
            current.finish(&mut sentences);
        }
    }
    current.finish(&mut sentences);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::nlp::corpus::{Class, Entity, Format, parse};

    const HEADER: &str = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n";

    #[test]
    fn reads_sentences_at_end_of_sentence() {
        let text = format!(
            "{HEADER}# hipe2022:document_id = d1\n\
             In\tO\t_\tO\t_\t_\tO\t_\t_\t_\n\
             Wien\tB-LOC\t_\tB-loc\t_\t_\tO\tQ1741\t_\tNoSpaceAfter|EndOfSentence\n\
             Der\tO\t_\tO\t_\t_\tO\t_\t_\t_\n"
        );
        let corpus = parse("h.tsv", &text, None).unwrap();
        assert_eq!(corpus.format, Format::Hipe);
        assert_eq!(corpus.sentences.len(), 2);
        assert_eq!(
            corpus.sentences[0].entities,
            vec![Entity {
                start: 1,
                end: 2,
                class: Class::name(Kind::Loc)
            }]
        );
    }

    #[test]
    fn short_lines_are_reported() {
        let text = format!("{HEADER}In\tO\n");
        let err = parse("h.tsv", &text, None).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("h.tsv, line 2: expected the ten"),
            "{err}"
        );
    }
}

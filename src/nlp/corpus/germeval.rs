//! GermEval 2014 TSV: `#\tsource\t[date]` before each sentence, then
//! `index\ttoken\touter\tnested`; the outer column gives the entities.

use super::{CorpusError, Lines, Sentence, SentenceBuilder, parse_label};

pub(super) fn parse(lines: &mut Lines) -> Result<Vec<Sentence>, CorpusError> {
    let mut sentences = Vec::new();
    let mut current = SentenceBuilder::default();
    let mut source: Option<String> = None;
    while let Some((n, line)) = lines.next() {
        if line.trim().is_empty() {
            current.finish(&mut sentences);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            // A new source starts a new document; consecutive sentences of one source share it.
            let this = comment.trim().split('\t').next().unwrap_or("").to_string();
            current.finish(&mut sentences);
            if source.as_deref() != Some(this.as_str()) {
                current.new_document(&mut sentences);
                source = Some(this);
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err(lines.error(
                n,
                format!(
                    "expected index, token, outer and nested tag separated by tabs, found {} field(s)",
                    fields.len()
                ),
            ));
        }
        if fields[0].parse::<usize>().is_err() {
            return Err(lines.error(n, format!("token index {:?} is not a number", fields[0])));
        }
        if fields[1].is_empty() {
            return Err(lines.error(n, "empty token"));
        }
        let label = parse_label(lines, n, fields[2])?;
        if let Some(nested) = fields.get(3) {
            parse_label(lines, n, nested)?;
        }
        current.push(fields[1], label);
    }
    current.finish(&mut sentences);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use crate::document::{Form, Kind};
    use crate::nlp::corpus::{Class, Entity, Format, parse};

    const SAMPLE: &str = "#\thttp://a\t[2010-01-01]\n\
        1\tDie\tO\tO\n2\trussischen\tB-LOCderiv\tO\n3\tWagner-Söldner\tB-ORGpart\tO\n\
        4\tin\tO\tO\n5\tBad\tB-LOC\tO\n6\tEms\tI-LOC\tO\n\n\
        #\thttp://b\t[2010-01-02]\n1\tEU\tB-ORG\tO\n\n";

    #[test]
    fn reads_sentences_outer_entities_and_documents() {
        let corpus = parse("g.tsv", SAMPLE, None).unwrap();
        assert_eq!(corpus.format, Format::GermEval);
        assert_eq!(corpus.sentences.len(), 2);
        let first = &corpus.sentences[0];
        assert_eq!(first.tokens[2], "Wagner-Söldner");
        assert_eq!(
            first.entities,
            vec![
                Entity {
                    start: 1,
                    end: 2,
                    class: Class::new(Kind::Loc, Form::Derived).unwrap()
                },
                Entity {
                    start: 2,
                    end: 3,
                    class: Class::new(Kind::Org, Form::Part).unwrap()
                },
                Entity {
                    start: 4,
                    end: 6,
                    class: Class::name(Kind::Loc)
                },
            ]
        );
        assert_eq!((first.doc, corpus.sentences[1].doc), (0, 1));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let bad = "#\ts\n1\tDie\tO\tO\n2\tEU\tB-ORGX\tO\n";
        let err = parse("g.tsv", bad, Some(Format::GermEval)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.tsv, line 3: unknown tag \"B-ORGX\" (expected O, B-X or I-X for a class X)"
        );
        let short = "#\ts\n1\tDie\n";
        let err = parse("g.tsv", short, Some(Format::GermEval)).unwrap_err();
        assert!(
            err.to_string().starts_with("g.tsv, line 2: expected index"),
            "{err}"
        );
        let index = "x\tDie\tO\tO\n";
        let err = parse("g.tsv", index, Some(Format::GermEval)).unwrap_err();
        assert!(err.to_string().contains("line 1: token index"), "{err}");
    }
}

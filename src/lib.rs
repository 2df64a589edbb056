//! castlist: who's who in an article. Ingest a text, find the actors it talks about, read it.
//!
//! Data flow: bytes → [`ingest`] → text and blocks → [`nlp`] → mentions → [`actors`] → a
//! finished [`Document`], which the [`reader`] shows and `extract` writes as castlist/1 JSON.

pub mod actors;
pub mod cli;
pub mod document;
pub mod ingest;
pub mod lexicon;
pub mod nlp;
pub mod reader;

pub use document::{Document, Lang};

/// Analyses a plain text: its layout, the mentions of names in it and the actors they refer
/// to. The language is detected unless given. Panics on a text longer than
/// [`ingest::MAX_TEXT_BYTES`] (4 GiB), which files read by [`ingest::read`] never are.
pub fn analyse(text: &str, lang: Option<Lang>) -> Document {
    let mut doc = ingest::from_text("", text.to_string());
    doc.source = None;
    analyse_document(&mut doc, lang);
    doc
}

/// Finds the mentions and actors of a laid-out document (replacing any it had). Linking's
/// tables are built on a second thread while the recognizer loads its model and tags, and
/// linking reads the recognizer's tokens instead of tokenizing the text again.
pub fn analyse_document(doc: &mut Document, lang: Option<Lang>) {
    let tokens = std::thread::scope(|scope| {
        scope.spawn(actors::prepare);
        nlp::recognise_tokenized(doc, lang)
    });
    link_recognised(doc, &tokens);
}

/// Links a document the recognizer has just tagged, given the tokens it handed back.
fn link_recognised(doc: &mut Document, tokens: &[nlp::tokenize::Token]) {
    if tokens.is_empty() {
        actors::link(doc);
    } else {
        actors::link_tokenized(doc, tokens);
    }
}

/// An article read and, when it is plain text, its names recognised: `open` up to linking.
/// `extract` recognises the next article while another thread links this one.
pub struct Recognised {
    doc: Document,
    /// The recognizer's tokens of a plain text; None for castlist/1 JSON, taken as it is.
    tokens: Option<Vec<nlp::tokenize::Token>>,
}

impl Recognised {
    /// Reads an article as `open` does and recognises the names of a plain text.
    pub fn read(name: &str, lang: Option<Lang>) -> Result<Recognised, ingest::IngestError> {
        Ok(match ingest::read(name)? {
            ingest::Input::Text(mut doc) => {
                let tokens = nlp::recognise_tokenized(&mut doc, lang);
                Recognised {
                    doc,
                    tokens: Some(tokens),
                }
            }
            ingest::Input::Annotated(doc) => Recognised { doc, tokens: None },
        })
    }

    /// The finished document: a plain text's mentions linked into actors.
    pub fn link(self) -> Document {
        let Recognised { mut doc, tokens } = self;
        if let Some(tokens) = tokens {
            link_recognised(&mut doc, &tokens);
        }
        doc
    }
}

/// Opens an article as the reader and `extract` do: plain text is analysed, castlist/1 JSON is
/// taken with its annotations as they are. `-` reads standard input.
pub fn open(name: &str, lang: Option<Lang>) -> Result<Document, ingest::IngestError> {
    match ingest::read(name)? {
        ingest::Input::Text(mut doc) => {
            analyse_document(&mut doc, lang);
            Ok(doc)
        }
        ingest::Input::Annotated(doc) => Ok(doc),
    }
}

/// The bundled sample article, analysed.
pub fn open_sample(lang: Option<Lang>) -> Document {
    let mut doc = ingest::from_text(ingest::SAMPLE_NAME, ingest::SAMPLE_TEXT.to_string());
    analyse_document(&mut doc, lang);
    doc
}

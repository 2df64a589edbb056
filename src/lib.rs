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
/// to. The language is detected unless given.
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
    if tokens.is_empty() {
        actors::link(doc);
    } else {
        actors::link_tokenized(doc, &tokens);
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

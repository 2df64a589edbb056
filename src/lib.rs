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

//! The terminal reader: state, update, view.

use crate::document::Document;

/// Opens the reader on the documents and returns when the user quits.
pub fn run(_docs: Vec<Document>) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not built yet")
}

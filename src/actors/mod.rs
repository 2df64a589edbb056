//! Grouping mentions into actors: linking, canonical names and salience.

pub mod cmd;
pub mod eval;

use crate::document::Document;

/// Groups the document's mentions into actors, names them and ranks them by salience.
pub fn link(doc: &mut Document) {
    doc.actors.clear();
    for m in &mut doc.mentions {
        m.actor = None;
    }
}

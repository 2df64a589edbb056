//! The built-in models (assets/models, provenance and licences in the README there), embedded
//! in the binary and decoded once, on first use.

use std::sync::OnceLock;

use crate::document::Lang;
use crate::nlp::tagger::Model;

const GERMAN: &[u8] = include_bytes!("../../assets/models/de.model");
const ENGLISH: &[u8] = include_bytes!("../../assets/models/en.model");

/// The built-in model for a language: German and English ship; other languages have none.
pub fn get(lang: &Lang) -> Option<&'static Model> {
    static DE: OnceLock<Option<Model>> = OnceLock::new();
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    let (cell, bytes) = match lang {
        Lang::De => (&DE, GERMAN),
        Lang::En => (&EN, ENGLISH),
        Lang::Other(_) => return None,
    };
    cell.get_or_init(|| Model::from_bytes(bytes).ok()).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_models_load_and_know_their_language() {
        let de = get(&Lang::De).expect("the German model decodes");
        let en = get(&Lang::En).expect("the English model decodes");
        assert_eq!((de.lang.as_str(), en.lang.as_str()), ("de", "en"));
        assert!(get(&Lang::Other("fr".into())).is_none());
    }
}

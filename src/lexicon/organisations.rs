//! Well-known organisations (international bodies, news agencies, parties, armed groups,
//! institutions) with their German and English names and short forms: our own hand-made table,
//! organisations.tsv, because no open list of organisations exists for both languages.

use std::sync::OnceLock;

use super::{alternatives, rows};
use crate::document::{Kind, Lang};

const ORGANISATIONS: &str = include_str!("../../assets/lexicons/organisations.tsv");

/// An organisation and the names it goes by.
#[derive(Debug)]
pub struct Organisation {
    pub kind: Kind,
    pub name_de: &'static str,
    pub name_en: &'static str,
    /// Acronyms, short forms and inflected variants, in either language.
    pub aliases: Vec<&'static str>,
}

impl Organisation {
    /// The canonical name in a language.
    pub fn name(&self, lang: &Lang) -> &'static str {
        match lang {
            Lang::De => self.name_de,
            _ => self.name_en,
        }
    }

    /// Every name: both canonical names and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.name_de, self.name_en]
            .into_iter()
            .chain(self.aliases.iter().copied())
    }
}

/// The whole table, in file order.
pub fn organisations() -> &'static [Organisation] {
    static TABLE: OnceLock<Vec<Organisation>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(ORGANISATIONS)
            .filter_map(|f| {
                Some(Organisation {
                    kind: Kind::parse(f[0])?,
                    name_de: f[1],
                    name_en: f[2],
                    aliases: alternatives(f[3]).collect(),
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_lead_to_both_names() {
        let un = organisations()
            .iter()
            .find(|o| o.names().any(|n| n == "UNO"))
            .unwrap();
        assert_eq!(un.name(&Lang::De), "Vereinte Nationen");
        assert_eq!(un.name(&Lang::En), "United Nations");
        assert!(un.names().any(|n| n == "UN"));
    }

    #[test]
    fn every_row_parses() {
        let data_rows = rows(ORGANISATIONS).count();
        assert_eq!(organisations().len(), data_rows);
        assert!(organisations().iter().all(|o| !o.name_de.is_empty()));
    }
}

//! Countries (names, adjectives, inhabitants, German and English) and world regions, from
//! countries.tsv and regions.tsv (CLDR and others) completed by our own countries_extra.tsv.

use std::sync::OnceLock;

use super::{alternatives, rows};
use crate::document::Lang;

const COUNTRIES: &str = include_str!("../../assets/lexicons/countries.tsv");
const COUNTRIES_EXTRA: &str = include_str!("../../assets/lexicons/countries_extra.tsv");
const REGIONS: &str = include_str!("../../assets/lexicons/regions.tsv");

/// A country or territory with the words that refer to it.
#[derive(Debug, Default)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// Names, the canonical one first.
    pub names_en: Vec<&'static str>,
    pub names_de: Vec<&'static str>,
    /// Adjectives and demonyms in their base form: "Russian"; "russisch".
    pub adjectives_en: Vec<&'static str>,
    pub adjectives_de: Vec<&'static str>,
    /// German nouns for inhabitants: "Russe", "Russin".
    pub inhabitants_de: Vec<&'static str>,
}

impl Country {
    /// The canonical name in a language (English for languages without German names).
    pub fn name(&self, lang: &Lang) -> &'static str {
        let names = match lang {
            Lang::De if !self.names_de.is_empty() => &self.names_de,
            _ if !self.names_en.is_empty() => &self.names_en,
            _ => &self.names_de,
        };
        names.first().copied().unwrap_or(self.code)
    }
}

/// A continent or world region ("Afrika", "Nahost"): code, English and German name.
#[derive(Debug)]
pub struct Region {
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_de: &'static str,
}

impl Region {
    pub fn name(&self, lang: &Lang) -> &'static str {
        match lang {
            Lang::De => self.name_de,
            _ => self.name_en,
        }
    }
}

/// All countries, in code order.
pub fn countries() -> &'static [Country] {
    static TABLE: OnceLock<Vec<Country>> = OnceLock::new();
    TABLE.get_or_init(|| build_countries(COUNTRIES, COUNTRIES_EXTRA))
}

/// All continents and world regions.
pub fn regions() -> &'static [Region] {
    static TABLE: OnceLock<Vec<Region>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(REGIONS)
            .map(|f| Region {
                code: f[0],
                name_en: f[1],
                name_de: f[2],
            })
            .collect()
    })
}

/// Merges the extra rows into the base table: their values are added (without duplicates); a
/// name written `=Name` becomes the canonical one.
fn build_countries(base: &'static str, extra: &'static str) -> Vec<Country> {
    let mut table: Vec<Country> = Vec::new();
    // Row index by code: a search through the table for every row cost a million instructions.
    let mut index_of: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for f in rows(base).chain(rows(extra)) {
        let index = *index_of.entry(f[0]).or_insert_with(|| {
            table.push(Country {
                code: f[0],
                ..Country::default()
            });
            table.len() - 1
        });
        let country = &mut table[index];
        let lists = [
            &mut country.names_en,
            &mut country.names_de,
            &mut country.adjectives_en,
            &mut country.adjectives_de,
            &mut country.inhabitants_de,
        ];
        for (list, field) in lists.into_iter().zip(&f[1..6]) {
            for value in alternatives(field) {
                add(list, value);
            }
        }
    }
    table.sort_by_key(|c| c.code);
    table
}

fn add(list: &mut Vec<&'static str>, value: &'static str) {
    match value.strip_prefix('=') {
        Some(canonical) => {
            list.retain(|v| *v != canonical);
            list.insert(0, canonical);
        }
        None if !list.contains(&value) => list.push(value),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> &'static Country {
        countries().iter().find(|c| c.code == code).unwrap()
    }

    #[test]
    fn countries_have_names_adjectives_and_inhabitants() {
        let ly = country("LY");
        assert_eq!(ly.name(&Lang::De), "Libyen");
        assert_eq!(ly.name(&Lang::En), "Libya");
        assert!(ly.adjectives_de.contains(&"libysch"));
        assert!(country("RU").inhabitants_de.contains(&"Russe"));
        assert!(country("RU").adjectives_en.contains(&"Russian"));
    }

    #[test]
    fn extra_rows_fill_gaps_and_set_canonical_names() {
        let us = country("US");
        assert_eq!(us.name(&Lang::De), "Vereinigte Staaten");
        assert!(us.adjectives_de.contains(&"amerikanisch"));
        assert!(us.names_de.contains(&"USA"));
        assert_eq!(country("HK").name(&Lang::De), "Hongkong");
        assert_eq!(country("HK").name(&Lang::En), "Hong Kong");
        assert!(countries().len() > 240);
    }

    #[test]
    fn regions_include_continents_and_unions() {
        let africa = regions().iter().find(|r| r.code == "002").unwrap();
        assert_eq!(africa.name(&Lang::De), "Afrika");
        assert_eq!(africa.name(&Lang::En), "Africa");
    }
}

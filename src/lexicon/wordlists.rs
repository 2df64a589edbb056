//! The big word lists of assets/lexicons (common nouns, given names, name parts, cities, German
//! proper nouns, company names) and the small embedded tables (countries, regions, organisations) as one stream
//! of typed entries. Read from disk when a model is trained; the trained model carries what it
//! needs as hashed tables, so nothing here is parsed when the program starts.

use std::path::{Path, PathBuf};

use crate::document::Kind;

use super::{alternatives, organisations, places, rows};

/// What list a phrase comes from. The numbering is part of the model format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// A German common noun (lemma): a capitalised word that is usually not a name.
    CommonNoun = 0,
    GivenName = 1,
    /// Any part of a person's name (mostly surnames).
    NamePart = 2,
    City = 3,
    /// A first-level subdivision (Bundesland, state).
    Admin = 4,
    Country = 5,
    /// A country adjective or demonym: "russisch", "Russian".
    CountryAdjective = 6,
    /// A German noun for a country's inhabitants: "Russe".
    Inhabitant = 7,
    /// A continent or world region.
    Region = 8,
    /// An organisation of the hand-made table, or a company name of companies.txt.
    Organisation = 9,
    /// German Wiktionary proper-noun classes.
    Toponym = 10,
    PersonName = 11,
    Abbreviation = 12,
    ProperNoun = 13,
    /// A person (military, government) title word: not from a list, see [`TITLES`].
    Title = 14,
}

impl Category {
    pub const COUNT: usize = 15;
}

/// Titles and roles that stand before names; a tiny closed list, both languages.
const TITLES: &[&str] = &[
    "herr",
    "frau",
    "dr.",
    "prof.",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "minister",
    "ministerin",
    "general",
    "sprecher",
    "sprecherin",
    "papst",
    "könig",
    "königin",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "senator",
    "governor",
    "sir",
    "lord",
    "king",
    "queen",
    "pope",
    "prime",
    "minister",
    "chancellor",
    "gen.",
    "sen.",
    "rep.",
];

/// An entry: a phrase (words separated by spaces) and the list it comes from.
pub type Entry = (Category, String);

/// A word-list file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}: {error} (the lexicons are read from assets/lexicons; give another folder with --lexicons)",
    path.display()
)]
pub struct ListError {
    path: PathBuf,
    error: std::io::Error,
}

/// Which lists a language uses: the German common nouns and proper nouns only for German.
pub fn load(dir: &Path, german: bool) -> Result<Vec<Entry>, ListError> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|error| ListError { path, error })
    };
    let mut out: Vec<Entry> = Vec::new();
    let mut push = |cat: Category, phrase: &str| {
        let phrase = phrase.trim();
        if !phrase.is_empty() {
            out.push((cat, phrase.to_string()));
        }
    };
    if german {
        for f in rows(&read("de_common_nouns.txt")?) {
            push(Category::CommonNoun, f[0]);
        }
        for f in rows(&read("de_proper_nouns.tsv")?) {
            for class in alternatives(f[1]) {
                let cat = match class {
                    "Toponym" => Category::Toponym,
                    "Vorname" | "Nachname" => Category::PersonName,
                    "Abkürzung" => Category::Abbreviation,
                    _ => Category::ProperNoun,
                };
                push(cat, f[0]);
            }
        }
    }
    for f in rows(&read("given_names.tsv")?) {
        push(Category::GivenName, f[0]);
    }
    for f in rows(&read("name_parts_cspell.txt")?) {
        push(Category::NamePart, f[0]);
    }
    for f in rows(&read("cities.tsv")?) {
        push(Category::City, f[3]);
        push(Category::City, f[4]);
        let population: u64 = f[2].parse().unwrap_or(0);
        if population >= 500_000 {
            for alt in alternatives(f[5]) {
                push(Category::City, alt);
            }
        }
    }
    for f in rows(&read("admin1_de.tsv")?) {
        push(Category::Admin, f[1]);
    }
    for country in places::countries() {
        for name in country.names_en.iter().chain(&country.names_de) {
            push(Category::Country, name);
        }
        for adj in country.adjectives_en.iter().chain(&country.adjectives_de) {
            push(Category::CountryAdjective, adj);
        }
        for noun in &country.inhabitants_de {
            push(Category::Inhabitant, noun);
        }
    }
    for region in places::regions() {
        push(Category::Region, region.name_en);
        push(Category::Region, region.name_de);
    }
    for org in organisations::organisations() {
        let cat = match org.kind {
            Kind::Loc => Category::Region,
            Kind::Per => Category::PersonName,
            _ => Category::Organisation,
        };
        for name in org.names() {
            push(cat, name);
        }
    }
    for f in rows(&read("companies.txt")?) {
        push(Category::Organisation, f[0]);
    }
    for title in TITLES {
        push(Category::Title, title);
    }
    Ok(out)
}

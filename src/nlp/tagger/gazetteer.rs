//! Lexicon membership inside a model: one hashed table from lower-cased words and phrases to
//! the set of lists they occur in, built from the word lists at training time and stored in the
//! model, so that features are the same in training and tagging and nothing is parsed at start.
//! German words are also looked up without their inflection endings (Gespräche → Gespräch,
//! russischen → russisch, Libyens → Libyen) and by compound head (Bundeswehrsoldat → Soldat).

use crate::lexicon::wordlists::{Category, Entry};

use super::hash::{self, Table};

/// Marks a key that starts a longer phrase, so that phrase matching can stop early.
const PREFIX: u16 = 1 << 15;
/// Longest word split into compound parts, in bytes.
pub const MAX_COMPOUND: usize = 64;
/// Longest phrase in words.
pub const MAX_PHRASE: usize = 6;

/// Endings tried, longest first, when a German word is not found as it is.
const ENDINGS_DE: &[&str] = &["ern", "nen", "en", "er", "es", "em", "ns", "n", "e", "s"];
const ENDINGS_EN: &[&str] = &["'s", "s"];
const ENDINGS_DE_ADJECTIVE: &[&str] = &["en", "er", "es", "em", "e"];

/// Hashed lexicon: words and phrases (lower-cased, words joined by phrase hashing) to a bit set
/// of [`Category`] values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gazetteer {
    table: Table,
    german: bool,
}

/// Key of a phrase's first word, from the hash of the lower-cased word.
#[inline]
pub fn start(word: u64) -> u64 {
    hash::mix(0x6a09_e667_f3bc_c908, word)
}

/// Key of a phrase extended by one more word.
#[inline]
pub fn extend(key: u64, word: u64) -> u64 {
    hash::mix(key, word)
}

#[inline]
fn finish(key: u64) -> u64 {
    hash::finish(key)
}

/// A lower-cased word's hash as phrases use it.
#[inline]
pub fn word_hash(lower: &str) -> u64 {
    hash::str(lower)
}

impl Gazetteer {
    /// Builds the table from word-list entries (phrases split at spaces, lower-cased).
    pub fn build(entries: &[Entry], german: bool) -> Gazetteer {
        let mut keys: Vec<(u64, u16)> = Vec::with_capacity(entries.len());
        for (cat, phrase) in entries {
            let lower = phrase.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            if words.is_empty() || words.len() > MAX_PHRASE {
                continue;
            }
            let mut key = start(word_hash(words[0]));
            for w in &words[1..] {
                keys.push((finish(key), PREFIX));
                key = extend(key, word_hash(w));
            }
            keys.push((finish(key), 1 << *cat as u16));
        }
        Gazetteer {
            table: Table::build(keys),
            german,
        }
    }

    pub fn from_table(table: Table, german: bool) -> Gazetteer {
        Gazetteer { table, german }
    }

    pub fn table(&self) -> &Table {
        &self.table
    }

    pub fn is_german(&self) -> bool {
        self.german
    }

    /// Lists a single lower-cased word (by its hash) is in, as a bit set of categories.
    #[inline]
    pub fn word(&self, word: u64) -> u32 {
        u32::from(self.table.get(finish(start(word))).unwrap_or(0) & !PREFIX)
    }

    /// Lists the word is in once an inflection ending is removed (and, in German, an umlaut
    /// undone: Streitkräfte → Streitkraft); 0 if the word is found as it is.
    pub fn inflected(&self, lower: &str) -> u32 {
        let endings = if self.german { ENDINGS_DE } else { ENDINGS_EN };
        self.inflected_with(lower, endings)
    }

    /// As [`Gazetteer::inflected`] with the endings of German adjectives only (russischen →
    /// russisch); nothing in English, whose adjectives do not inflect.
    pub fn inflected_adjective(&self, lower: &str) -> u32 {
        if self.german {
            self.inflected_with(lower, ENDINGS_DE_ADJECTIVE)
        } else {
            0
        }
    }

    fn inflected_with(&self, lower: &str, endings: &[&str]) -> u32 {
        let mut found = 0;
        for ending in endings {
            let Some(stem) = lower.strip_suffix(ending) else {
                continue;
            };
            if stem.chars().count() < 3 {
                continue;
            }
            found |= self.word(word_hash(stem));
            if self.german
                && found == 0
                && let Some(plain) = undo_umlaut(stem)
            {
                found |= self.word(word_hash(&plain));
            }
            if found != 0 {
                break;
            }
        }
        found
    }

    /// The longest German common noun that ends the word and leaves at least three letters
    /// before it (Bundeswehrsoldaten → soldat); its byte offset in `lower`. Words longer than
    /// [`MAX_COMPOUND`] bytes are not split (each try hashes the rest of the word).
    pub fn compound_head(&self, lower: &str) -> Option<usize> {
        if !self.german || lower.len() > MAX_COMPOUND {
            return None;
        }
        let noun = 1 << Category::CommonNoun as u32;
        let starts = lower.char_indices().map(|(i, _)| i).skip(3);
        for i in starts {
            let head = &lower[i..];
            if head.chars().count() < 4 {
                break;
            }
            if self.word(word_hash(head)) & noun != 0 || self.inflected(head) & noun != 0 {
                return Some(i);
            }
        }
        None
    }

    /// Calls `found(start, len, categories)` for every phrase of two or more words found in
    /// the sentence, given the hashes of its lower-cased words.
    pub fn phrases(&self, words: &[u64], mut found: impl FnMut(usize, usize, u32)) {
        for i in 0..words.len() {
            let mut key = start(words[i]);
            let mut value = self.table.get(finish(key)).unwrap_or(0);
            let mut len = 1;
            while value & PREFIX != 0 && i + len < words.len() && len < MAX_PHRASE {
                key = extend(key, words[i + len]);
                len += 1;
                value = self.table.get(finish(key)).unwrap_or(0);
                if value & !PREFIX != 0 {
                    found(i, len, u32::from(value & !PREFIX));
                }
            }
        }
    }
}

/// The stem with its last umlaut replaced by the plain vowel, if it has one.
fn undo_umlaut(stem: &str) -> Option<String> {
    let (i, c) = stem
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, 'ä' | 'ö' | 'ü'))?;
    let plain = match c {
        'ä' => 'a',
        'ö' => 'o',
        _ => 'u',
    };
    let mut out = String::with_capacity(stem.len());
    out.push_str(&stem[..i]);
    out.push(plain);
    out.push_str(&stem[i + c.len_utf8()..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let entries: Vec<Entry> = [
            (Category::CommonNoun, "Gespräch"),
            (Category::CommonNoun, "Streitkraft"),
            (Category::CommonNoun, "Soldat"),
            (Category::Country, "Libyen"),
            (Category::CountryAdjective, "russisch"),
            (Category::Organisation, "Vereinte Nationen"),
            (Category::City, "New York City"),
        ]
        .into_iter()
        .map(|(c, s)| (c, s.to_string()))
        .collect();
        Gazetteer::build(&entries, true)
    }

    fn bit(c: Category) -> u32 {
        1 << c as u32
    }

    #[test]
    fn words_and_inflected_forms_are_found() {
        let g = gazetteer();
        assert_eq!(g.word(word_hash("libyen")), bit(Category::Country));
        assert_eq!(g.word(word_hash("Libyen")), 0, "keys are lower-cased");
        assert_eq!(g.inflected("libyens"), bit(Category::Country));
        assert_eq!(g.inflected("gespräche"), bit(Category::CommonNoun));
        assert_eq!(g.inflected("streitkräfte"), bit(Category::CommonNoun));
        assert_eq!(g.inflected("russischen"), bit(Category::CountryAdjective));
        assert_eq!(
            g.inflected_adjective("russischen"),
            bit(Category::CountryAdjective)
        );
        assert_eq!(g.inflected("putin"), 0);
        assert_eq!(
            g.word(word_hash("vereinte")),
            0,
            "a phrase prefix is no word"
        );
    }

    #[test]
    fn compound_heads_and_phrases() {
        let g = gazetteer();
        let lower = "bundeswehrsoldaten";
        assert_eq!(
            g.compound_head(lower).map(|i| &lower[i..]),
            Some("soldaten")
        );
        assert_eq!(g.compound_head("haftar"), None);
        let words: Vec<u64> = ["die", "vereinte", "nationen", "in", "new", "york", "city"]
            .iter()
            .map(|w| word_hash(w))
            .collect();
        let mut found = Vec::new();
        g.phrases(&words, |s, l, m| found.push((s, l, m)));
        assert_eq!(
            found,
            vec![
                (1, 2, bit(Category::Organisation)),
                (4, 3, bit(Category::City))
            ]
        );
    }
}

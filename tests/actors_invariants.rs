//! Linking on arbitrary input: whatever the text and the recognizer's mentions, the result keeps
//! the document's invariants, and linking a linked document again adds or loses no mention.

mod actors_common;

use actors_common::{check_invariants, marked};
use castlist::document::Lang;
use proptest::prelude::*;

/// Words that exercise the rules: names, roles, articles, adjectives, punctuation, acronyms.
const WORDS: &[&str] = &[
    "Haftar",
    "Haftars",
    "Khalifa",
    "Putin",
    "Wladimir",
    "Russland",
    "russischen",
    "UNO",
    "Vereinten",
    "Nationen",
    "Der",
    "der",
    "die",
    "das",
    "dem",
    "the",
    "The",
    "militärische",
    "Machthaber",
    "Präsident",
    "President",
    "Prime",
    "Minister",
    "Kremlsprecher",
    "Wagner-Söldner",
    "EU-",
    "und",
    "(",
    ")",
    ",",
    ".",
    "„",
    "“",
    "AfD",
    "Alternative",
    "für",
    "Deutschland",
    "Dr.",
    "Bahn",
    "Gericht",
    "Deutsche",
    "AG",
    "Japan's",
    "’s",
    "Müller",
    "ß",
    "Ärger",
    "42",
    "-",
    "s",
    "Ostlibyens",
    "libysch-arabische",
    "Tokyo",
    "Electric",
    "Company",
    "TEPCO",
    "\n\n",
    "",
    " ",
    "-",
    "'",
];

/// A text of words and, for some of them, a mark as `[word|KIND(:form)]`.
fn text() -> impl Strategy<Value = (bool, String)> {
    let word = (0..WORDS.len(), 0..12usize);
    (any::<bool>(), prop::collection::vec(word, 0..60)).prop_map(|(german, words)| {
        let mut out = String::new();
        for (i, mark) in words {
            let w = WORDS[i];
            if !out.is_empty() {
                out.push(' ');
            }
            let markable = !w.contains('\n');
            let label = match mark {
                0 => "PER",
                1 => "ORG",
                2 => "LOC",
                3 => "MISC",
                4 => "LOC:derived",
                5 => "ORG:part",
                _ => "",
            };
            if markable && !label.is_empty() {
                out.push_str(&format!("[{w}|{label}]"));
            } else {
                out.push_str(w);
            }
        }
        (german, out)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn linking_keeps_the_invariants_and_its_mentions((german, text) in text()) {
        let lang = if german { Lang::De } else { Lang::En };
        let mut doc = marked(lang, &text);
        castlist::actors::link(&mut doc);
        check_invariants(&doc);
        let once = doc.clone();
        castlist::actors::link(&mut doc);
        check_invariants(&doc);
        // Linking again finds no new mention and loses none (kinds and actors may be refined:
        // the first pass corrected kinds the second one starts from).
        let spans = |d: &castlist::document::Document| {
            d.mentions.iter().map(|m| (m.span, m.form)).collect::<Vec<_>>()
        };
        prop_assert_eq!(spans(&doc), spans(&once));
    }
}

#[test]
fn an_empty_document_has_no_actors() {
    let mut doc = marked(Lang::De, "");
    castlist::actors::link(&mut doc);
    assert!(doc.actors.is_empty() && doc.mentions.is_empty());
}

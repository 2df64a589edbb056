//! `nlp::recognise` on whole articles: language, mentions with kinds and forms, spans in order,
//! no common nouns or weekdays taken for names.

use castlist::document::{Form, Kind, Lang};
use castlist::{Document, analyse};

fn article(path: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(path).expect("the article reads")
}

fn mentions(doc: &Document) -> Vec<(String, Kind, Form)> {
    doc.mentions
        .iter()
        .map(|m| (doc.slice(m.span).to_string(), m.kind, m.form))
        .collect()
}

fn has(found: &[(String, Kind, Form)], text: &str, kind: Kind) -> bool {
    found.iter().any(|(t, k, _)| t == text && *k == kind)
}

#[test]
fn the_sample_article_names_its_people_and_places() {
    let doc = analyse(
        &article("assets/articles/afp-haftar-trifft-putin.txt"),
        None,
    );
    assert_eq!(doc.lang, Lang::De, "detected");
    let found = mentions(&doc);
    for name in [
        "Khalifa Haftar",
        "Wladimir Putin",
        "Sergej Schoigu",
        "Dmitri Peskow",
        "Yunus-Bek Jewkurow",
    ] {
        assert!(has(&found, name, Kind::Per), "{name}: {found:?}");
    }
    for place in [
        "Moskau", "Tripolis", "Libyen", "Türkei", "Mali", "Ukraine", "Russland", "Afrika",
    ] {
        assert!(has(&found, place, Kind::Loc), "{place}: {found:?}");
    }
    for org in ["UNO", "TASS"] {
        assert!(has(&found, org, Kind::Org), "{org}: {found:?}");
    }
    assert!(
        found
            .iter()
            .any(|(t, k, f)| t == "russischen" && *k == Kind::Loc && *f == Form::Derived)
    );
    assert!(has(&found, "Wagner-Söldner", Kind::Org), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(t, k, f)| t == "Wagner-Soldaten" && *k == Kind::Org && *f == Form::Part),
        "a name inside a longer word is a part: {found:?}"
    );
    for word in ["Gespräche", "Streitkräfte", "Sturzflut", "Donnerstag"] {
        assert!(
            !found.iter().any(|(t, _, _)| t.contains(word)),
            "{word} marked: {found:?}"
        );
    }
    let sorted = doc
        .mentions
        .windows(2)
        .all(|w| w[0].span.end() <= w[1].span.start());
    assert!(sorted, "mentions sorted and apart");
}

#[test]
fn english_articles_get_the_english_model() {
    let doc = analyse(
        &article("tests/data/articles/en/wikinews-fukushima-outage.txt"),
        None,
    );
    assert_eq!(doc.lang, Lang::En);
    let found = mentions(&doc);
    assert!(
        has(&found, "Fukushima", Kind::Loc) || has(&found, "Japan", Kind::Loc),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(_, _, f)| *f == Form::Name),
        "no German forms in English"
    );
}

#[test]
fn other_languages_get_no_mentions_but_a_language() {
    let doc = analyse(
        "Le président Emmanuel Macron a rencontré les représentants de la presse à Paris.",
        None,
    );
    assert_eq!(doc.lang, Lang::Other("fr".to_string()));
    assert!(doc.mentions.is_empty());
    let forced = analyse("Angela Merkel besuchte Paris.", Some(Lang::En));
    assert_eq!(forced.lang, Lang::En, "--lang overrides detection");
}

#[test]
fn companies_known_from_the_company_list_are_organisations() {
    // None of these names occurs in GermEval; "Garmin" was taken for a person before the
    // company names of assets/lexicons/companies.txt became a lexicon class of the model.
    let doc = analyse(
        "Die Konzerne Unilever und Garmin verhandeln mit Edeka in Berlin.",
        Some(Lang::De),
    );
    let found = mentions(&doc);
    for company in ["Unilever", "Garmin", "Edeka"] {
        assert!(has(&found, company, Kind::Org), "{company}: {found:?}");
    }
    assert!(has(&found, "Berlin", Kind::Loc), "{found:?}");
}

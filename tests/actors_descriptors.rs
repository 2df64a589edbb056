//! Descriptor mentions: role phrases in apposition to a name, later definite phrases with the
//! same head noun, short forms of organisations; never overlapping a name.

mod actors_common;

use actors_common::{check_invariants, de, descriptors, en};
use castlist::document::Origin;

fn pairs(doc: &castlist::document::Document) -> Vec<(String, String)> {
    descriptors(doc)
        .into_iter()
        .map(|(t, a, _)| (t, a))
        .collect()
}

fn has(doc: &castlist::document::Document, text: &str, actor: &str) -> bool {
    pairs(doc).iter().any(|(t, a)| t == text && a == actor)
}

#[test]
fn an_apposition_before_a_name_and_a_later_definite_phrase() {
    let doc = de(
        "Der militärische Machthaber [Khalifa Haftar|PER] traf [Putin|PER]. \
                  Der östliche Machthaber reiste dann ab.",
    );
    check_invariants(&doc);
    let found = descriptors(&doc);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str(), found[0].2),
        (
            "Der militärische Machthaber",
            "Khalifa Haftar",
            Origin::Rule
        )
    );
    assert_eq!(
        (found[1].0.as_str(), found[1].1.as_str(), found[1].2),
        ("Der östliche Machthaber", "Khalifa Haftar", Origin::Link)
    );
}

#[test]
fn a_definite_phrase_links_to_the_most_recent_actor_with_that_head() {
    let doc = de(
        "Verteidigungsminister [Sergej Schoigu|PER] kam. Dann sprach \
                  Außenminister [Sergej Lawrow|PER]. Der Minister sagte nichts.",
    );
    assert!(has(&doc, "Verteidigungsminister", "Sergej Schoigu"));
    assert!(has(&doc, "Außenminister", "Sergej Lawrow"));
    assert!(has(&doc, "Der Minister", "Sergej Lawrow"));
}

#[test]
fn derived_forms_bound_the_phrase_and_stay_separate() {
    let doc = de(
        "Gespräche mit dem [russischen|LOC:derived] Präsidenten [Wladimir Putin|PER] \
                  und dem stellvertretenden Verteidigungsminister [Yunus-Bek Jewkurow|PER].",
    );
    check_invariants(&doc);
    assert!(has(&doc, "Präsidenten", "Wladimir Putin"));
    assert!(has(
        &doc,
        "dem stellvertretenden Verteidigungsminister",
        "Yunus-Bek Jewkurow"
    ));
}

#[test]
fn a_role_inside_a_compound_with_a_name_is_remembered_not_marked() {
    let doc = de(
        "[Kremlsprecher|ORG:part] [Dmitri Peskow|PER] bestätigte es. Der [Kreml|ORG] \
                  schwieg. Der Sprecher fügte hinzu, es sei gut.",
    );
    check_invariants(&doc);
    assert!(!pairs(&doc).iter().any(|(t, _)| t.contains("Kremlsprecher")));
    assert!(has(&doc, "Der Sprecher", "Dmitri Peskow"));
}

#[test]
fn english_titles_with_modifiers() {
    let doc = en(
        "[Russian|LOC:derived] President [Vladimir Putin|PER] met Japanese Prime Minister \
                  [Shinzo Abe|PER] and Doctor [Amanda Bakian|PER]. Later the president left.",
    );
    check_invariants(&doc);
    assert!(has(&doc, "President", "Vladimir Putin"));
    assert!(
        has(&doc, "Japanese Prime Minister", "Shinzo Abe")
            || has(&doc, "Prime Minister", "Shinzo Abe")
    );
    assert!(has(&doc, "Doctor", "Amanda Bakian"));
    assert!(has(&doc, "the president", "Vladimir Putin"));
}

#[test]
fn english_definite_titles_refer_back() {
    let doc = en(
        "Prime Minister [Boris Johnson|PER] spoke. Later the Prime Minister left, \
                  and the former minister [Liz Truss|PER] stayed.",
    );
    check_invariants(&doc);
    assert!(has(&doc, "Prime Minister", "Boris Johnson"));
    assert!(has(&doc, "the Prime Minister", "Boris Johnson"));
    assert!(has(&doc, "the former minister", "Liz Truss"));
}

#[test]
fn an_apposition_after_a_name_between_commas() {
    let doc = de(
        "Geleitet von [Juha Sipilä|PER], dem Vorsitzenden der [Zentrumspartei|ORG], \
                  und [Kirsten Kappert-Gonther|PER], Abgeordnete in der Bürgerschaft. \
                  [Volker Friedrichsen|PER], der 2014 gewählt wurde.",
    );
    check_invariants(&doc);
    assert!(has(&doc, "dem Vorsitzenden", "Juha Sipilä"));
    assert!(has(&doc, "Abgeordnete", "Kirsten Kappert-Gonther"));
    assert_eq!(pairs(&doc).len(), 2, "{:?}", pairs(&doc));
}

#[test]
fn places_and_organisations_have_class_nouns_too() {
    let doc = de(
        "Die Sturzflut traf die Küstenstadt [Derna|LOC]. Die [russische|LOC:derived] \
                  Söldnergruppe [Wagner|ORG] blieb. Dr. [Christian Remke|PER] kam.",
    );
    assert!(has(&doc, "die Küstenstadt", "Derna"));
    assert!(has(&doc, "Söldnergruppe", "Wagner"));
    assert!(has(&doc, "Dr.", "Christian Remke"));
    let doc = de("Ein Forum, an dem Prof. [Ulrich Bonk|PER] teilnahm.");
    assert_eq!(
        pairs(&doc),
        [("Prof.".to_string(), "Ulrich Bonk".to_string())]
    );
}

#[test]
fn short_forms_of_organisations_where_unambiguous() {
    let doc = de(
        "Die [Deutsche Bahn|ORG] erhöht die Preise. Die Bahn begründet das mit Kosten. \
                  Das [Bundesverfassungsgericht|ORG] urteilte. Das Gericht wies die Klage ab.",
    );
    check_invariants(&doc);
    assert!(has(&doc, "Die Bahn", "Deutsche Bahn"));
    assert!(has(&doc, "Das Gericht", "Bundesverfassungsgericht"));

    let two_courts = de(
        "Das [Bundesverfassungsgericht|ORG] und das [Landgericht Bonn|ORG] \
                         urteilten. Das Gericht wies die Klage ab.",
    );
    assert!(
        !pairs(&two_courts).iter().any(|(t, _)| t == "Das Gericht"),
        "ambiguous"
    );

    let before = de("Das Gericht tagte. Später urteilte das [Bundesverfassungsgericht|ORG].");
    assert!(
        pairs(&before).is_empty(),
        "not before the organisation is named"
    );

    let doc = en("The [International Court of Justice|ORG] ruled. The court decided quickly.");
    assert!(has(&doc, "The court", "International Court of Justice"));
}

#[test]
fn forms_of_address_are_roles_only_with_an_article_and_roles_fit_the_kind() {
    let doc = de(
        "Dann verlangte Herr [Schorn|PER] das Wort, und seine Frau [Sarah|PER] nickte. \
                  [Josef Stalin|PER] schwieg. Der Stellvertreter [Stalins|PER] kam mit \
                  Präsident [Putins|PER] Gesandtem. \
                  Die Stadt [Wien|LOC] und der Finanzminister [Bayern|ORG].",
    );
    check_invariants(&doc);
    assert_eq!(
        pairs(&doc),
        [
            ("seine Frau".to_string(), "Sarah".to_string()),
            ("Präsident".to_string(), "Putin".to_string()),
            ("Die Stadt".to_string(), "Wien".to_string()),
        ]
    );
}

#[test]
fn everyday_words_before_names_are_no_roles() {
    let doc = de(
        "Am Donnerstag [Putin|PER] und im September [Haftar|PER]: Treffen mit \
                  [Putin|PER]. Der Mann ging.",
    );
    assert!(pairs(&doc).is_empty(), "{:?}", pairs(&doc));
    let doc = en("On Tuesday [Putin|PER] said that [Abe|PER] agreed.");
    assert!(pairs(&doc).is_empty(), "{:?}", pairs(&doc));
}

#[test]
fn a_definite_phrase_with_its_own_name_is_not_linked() {
    let doc = de(
        "Parteichef [Olli Rehn|PER] sprach. Der Parteichef der [Grünen|ORG] schwieg. \
                  Der Parteichef [Timo Soini|PER] auch.",
    );
    assert!(
        !has(&doc, "Der Parteichef", "Olli Rehn"),
        "{:?}",
        pairs(&doc)
    );
    assert!(has(&doc, "Der Parteichef", "Timo Soini"));
}

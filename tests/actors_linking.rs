//! Linking rules, German and English, on constructed texts: name variants, inflection,
//! acronyms, derived forms and parts, canonical names.

mod actors_common;

use actors_common::{actor, check_invariants, de, en, mention, name, same};
use castlist::document::{Form, Kind};

// ---- name variants ----------------------------------------------------------------------

#[test]
fn a_surname_links_to_the_full_name_before_or_after_it() {
    let doc = de("[Haftar|PER] trifft [Putin|PER]\n\n\
                  Der Machthaber [Khalifa Haftar|PER] sprach mit [Wladimir Putin|PER]. \
                  Danach reiste [Haftar|PER] ab.");
    check_invariants(&doc);
    assert_eq!(name(&doc, "Haftar"), "Khalifa Haftar");
    assert_eq!(name(&doc, "Putin"), "Wladimir Putin");
    assert_eq!(
        actor(&doc, "Haftar", 1).id,
        actor(&doc, "Khalifa Haftar", 0).id
    );
    assert!(!same(&doc, "Haftar", "Putin"));
}

#[test]
fn two_people_with_one_surname_stay_apart_and_the_surname_goes_to_the_latest() {
    let doc = en(
        "[Hillary Clinton|PER] spoke first. Then [Bill Clinton|PER] arrived. \
                  [Clinton|PER] said he was tired. Later [Hillary Clinton|PER] left, \
                  and [Clinton|PER] said she was glad.",
    );
    check_invariants(&doc);
    assert!(!same(&doc, "Hillary Clinton", "Bill Clinton"));
    assert_eq!(actor(&doc, "Clinton", 0).name, "Bill Clinton");
    assert_eq!(actor(&doc, "Clinton", 1).name, "Hillary Clinton");
}

#[test]
fn initials_double_names_and_honorifics() {
    let doc = de(
        "[Angela Merkel|PER] kam. [A. Merkel|PER] ging. [Eva-Maria Stange|PER] blieb. \
                  [Frau Stange|PER] sprach. [Dr. Christian Remke|PER] und [Remke|PER] auch.",
    );
    check_invariants(&doc);
    assert!(same(&doc, "Angela Merkel", "A. Merkel"));
    assert!(
        same(&doc, "Eva-Maria Stange", "Stange"),
        "the form of address is left out of the span"
    );
    assert_eq!(name(&doc, "Remke"), "Christian Remke", "nor is the title");
    assert_eq!(mention(&doc, "Christian Remke", 0).form, Form::Name);
}

#[test]
fn a_misspelt_surname_with_the_same_first_name_is_the_same_person() {
    let doc = de(
        "[Dirk Hilbert|PER] trat an. [Dirk Hilber|PER] bekam 31 Prozent. \
                  [Dirk Nowak|PER] verlor.",
    );
    assert!(same(&doc, "Dirk Hilbert", "Dirk Hilber"));
    assert!(!same(&doc, "Dirk Hilbert", "Dirk Nowak"));
    assert_eq!(name(&doc, "Dirk Hilber"), "Dirk Hilbert");
}

#[test]
fn different_first_names_are_different_people() {
    let doc = en("[John Smith|PER] met [Jane Smith|PER] and [J. Smith|PER].");
    assert!(!same(&doc, "John Smith", "Jane Smith"));
    // An initial fits the latest compatible person.
    assert!(same(&doc, "Jane Smith", "J. Smith"));
}

// ---- inflection --------------------------------------------------------------------------

#[test]
fn german_genitives_link_and_the_canonical_name_is_the_nominative() {
    let doc = de(
        "[Merkels|PER] Politik wurde von [Angela Merkel|PER] verteidigt. \
                  Die Lage [Libyens|LOC] und [Moskaus|LOC] Rolle. In [Libyen|LOC] kämpfen sie.",
    );
    check_invariants(&doc);
    assert!(same(&doc, "Merkels", "Angela Merkel"));
    assert!(same(&doc, "Libyens", "Libyen"));
    assert_eq!(name(&doc, "Libyens"), "Libyen");
    assert_eq!(name(&doc, "Moskaus"), "Moskau");
}

#[test]
fn a_genitive_alone_still_gets_its_base_form() {
    let doc = de(
        "[Ostlibyens|LOC] starker Mann. Die Regierung [Russlands|LOC] schweigt. \
                  [Schwedens|LOC] Premier und die Politik [Quellingens|LOC]. Kritik an [Müllers|PER] Plan.",
    );
    assert_eq!(name(&doc, "Ostlibyens"), "Ostlibyen");
    assert_eq!(name(&doc, "Russlands"), "Russland");
    assert_eq!(name(&doc, "Schwedens"), "Schweden");
    assert_eq!(
        name(&doc, "Müllers"),
        "Müller",
        "a surname before a noun is a genitive"
    );
}

#[test]
fn declined_multi_word_names_meet_in_the_nominative() {
    let doc = de(
        "Die [Vereinten Nationen|ORG] tagten. Ein Sprecher der [Vereinte Nationen|ORG] \
                  sagte es. Die [Nordische Handelsunion|ORG] protestierte; in der \
                  [Nordischen Handelsunion|ORG] gab es Streit. Vertreter der \
                  [Vereinigten Staaten|LOC] und der [USA|LOC] kamen.",
    );
    check_invariants(&doc);
    assert!(same(&doc, "Vereinten Nationen", "Vereinte Nationen"));
    assert_eq!(name(&doc, "Vereinten Nationen"), "Vereinte Nationen");
    assert!(same(
        &doc,
        "Nordische Handelsunion",
        "Nordischen Handelsunion"
    ));
    assert_eq!(
        name(&doc, "Nordischen Handelsunion"),
        "Nordische Handelsunion"
    );
    assert!(same(&doc, "Vereinigten Staaten", "USA"));
    assert_eq!(name(&doc, "USA"), "Vereinigte Staaten");
}

#[test]
fn an_unknown_organisation_in_the_dative_or_genitive_gets_its_nominative() {
    let doc = de(
        "Er sprach vom [Deutschen Imkerverband|ORG] und von der [Bayerischen Imkerschaft|ORG]. \
                  Das Papier des [Europäischen Imkerrates|ORG] lag vor.",
    );
    assert_eq!(
        name(&doc, "Deutschen Imkerverband"),
        "Deutscher Imkerverband"
    );
    assert_eq!(
        name(&doc, "Bayerischen Imkerschaft"),
        "Bayerische Imkerschaft"
    );
    assert_eq!(
        name(&doc, "Europäischen Imkerrates"),
        "Europäischer Imkerrat"
    );
}

#[test]
fn english_possessives_link() {
    let doc = en(
        "[Putin's|PER] spokesman spoke for [Vladimir Putin|PER]. [Japan's|LOC] plan \
                  worried [Japan|LOC].",
    );
    assert!(same(&doc, "Putin's", "Vladimir Putin"));
    assert!(same(&doc, "Japan's", "Japan"));
    assert_eq!(name(&doc, "Japan's"), "Japan");
}

// ---- acronyms ----------------------------------------------------------------------------

#[test]
fn acronyms_defined_in_the_text_link_and_unmarked_uses_are_added() {
    let doc = de(
        "Die [Alternative für Deutschland|ORG] (AfD) trat an. Die AfD verlor. \
                  Das [Bundesamt für Pilzkunde|ORG] ([BfP|ORG]) warnt; das BfP rät ab.",
    );
    check_invariants(&doc);
    assert_eq!(name(&doc, "AfD"), "Alternative für Deutschland");
    assert_eq!(actor(&doc, "AfD", 1).name, "Alternative für Deutschland");
    assert!(same(&doc, "Bundesamt für Pilzkunde", "BfP"));
    assert_eq!(actor(&doc, "BfP", 1).name, "Bundesamt für Pilzkunde");
    assert_eq!(mention(&doc, "AfD", 1).kind, Kind::Org);
}

#[test]
fn english_acronyms_and_well_known_ones_from_the_lexicon() {
    let doc = en(
        "[WHO|ORG] warns. The [World Health Organization|ORG] ([WHO|ORG]) said so, \
                  and the [Zorvath Mining Company|ORG] ([ZMC|ORG]) agreed. [ZMC|ORG] shares rose. \
                  The [UN|ORG] and the [United Nations|ORG]; the [US|LOC] and the [United States|LOC].",
    );
    check_invariants(&doc);
    assert!(same(&doc, "WHO", "World Health Organization"));
    assert_eq!(name(&doc, "ZMC"), "Zorvath Mining Company");
    assert_eq!(actor(&doc, "ZMC", 1).name, "Zorvath Mining Company");
    assert!(same(&doc, "UN", "United Nations"));
    assert_eq!(name(&doc, "UN"), "United Nations");
    assert!(same(&doc, "US", "United States"));
}

#[test]
fn german_lexicon_acronyms() {
    let doc = de(
        "Die [UNO|ORG] und die [Vereinten Nationen|ORG]; die [EU|ORG] und die \
                  [Europäische Union|ORG]; die [Nato|ORG] und die [NATO|ORG].",
    );
    assert!(same(&doc, "UNO", "Vereinten Nationen"));
    assert!(same(&doc, "EU", "Europäische Union"));
    assert!(same(&doc, "Nato", "NATO"));
    assert_eq!(name(&doc, "EU"), "Europäische Union");
}

#[test]
fn a_company_with_and_without_its_legal_form() {
    let doc = de(
        "[Kranich|ORG] wächst. Die [Kranich Energie AG|ORG] meldet Gewinne. \
                  [Windkraft Nord AG|ORG] ([WKN|ORG]) und die [WKN AG|ORG].",
    );
    assert!(same(&doc, "Kranich", "Kranich Energie AG"));
    assert_eq!(name(&doc, "Kranich"), "Kranich Energie AG");
    assert!(same(&doc, "WKN AG", "Windkraft Nord AG"));
}

// ---- derived forms and parts ---------------------------------------------------------------

#[test]
fn derived_forms_link_to_their_place_and_create_it_when_alone() {
    let doc = de(
        "Der [russischen|LOC:derived] Regierung in [Russland|LOC] nach. \
                  [libyscher|LOC:derived] Medien und die [libysch-arabische|LOC:derived] Armee. \
                  Die [Sächsischer|LOC:derived] Minister in [Sachsen|LOC]. \
                  Die [skandinavischen|LOC:derived] Länder und die [Russen|LOC:derived].",
    );
    check_invariants(&doc);
    assert!(same(&doc, "russischen", "Russland"));
    assert!(same(&doc, "Russen", "Russland"));
    assert_eq!(name(&doc, "libyscher"), "Libyen");
    assert!(same(&doc, "libyscher", "libysch-arabische"));
    assert!(same(&doc, "Sächsischer", "Sachsen"));
    assert_eq!(name(&doc, "skandinavischen"), "Skandinavien");
}

#[test]
fn english_adjectives_link_to_their_country_also_when_tagged_as_names() {
    let doc = en(
        "The [Russian|LOC:derived] army left [Russia|LOC]. [Japanese|MISC] officials \
                  met [Japanese|LOC:derived] fishermen.",
    );
    assert!(same(&doc, "Russian", "Russia"));
    assert_eq!(name(&doc, "Japanese"), "Japan");
    let m = mention(&doc, "Japanese", 0);
    assert_eq!(
        (m.form, m.kind),
        (Form::Derived, Kind::Loc),
        "an adjective is a derived form"
    );
    assert!(same(&doc, "Japanese", "Japanese"));
}

#[test]
fn parts_link_to_the_name_inside_the_word() {
    let doc = de(
        "Die [Wagner-Söldner|ORG:part] der Gruppe [Wagner|ORG]. Die \
                  [SPD-Abgeordneten|ORG:part] der [SPD|ORG]. [Kremlsprecher|ORG:part] und \
                  der [Kreml|ORG]. Die [Bundestagsabgeordneten|ORG:part] im [Bundestag|ORG]. \
                  [EU|ORG:part]- und [US-Sanktionen|LOC:part].",
    );
    check_invariants(&doc);
    assert!(same(&doc, "Wagner-Söldner", "Wagner"));
    assert!(same(&doc, "SPD-Abgeordneten", "SPD"));
    assert!(same(&doc, "Kremlsprecher", "Kreml"));
    assert!(same(&doc, "Bundestagsabgeordneten", "Bundestag"));
    assert_eq!(name(&doc, "US-Sanktionen"), "Vereinigte Staaten");
}

#[test]
fn a_part_alone_creates_its_actor() {
    let doc =
        de("Die [Zorglub-Anhänger|ORG:part] feierten. Die [Facebook-Seite|ORG:part] schwieg.");
    assert_eq!(name(&doc, "Zorglub-Anhänger"), "Zorglub");
    assert_eq!(name(&doc, "Facebook-Seite"), "Facebook");
}

// ---- canonical names and kinds -----------------------------------------------------------

#[test]
fn canonical_names_prefer_the_fullest_form_and_the_texts_country_name() {
    let doc = de(
        "[Schwesig|PER] (SPD) will es. [Manuela Schwesig|PER] sagt es. \
                  Geschäfte in [Großbritannien|LOC] und mit [britischen|LOC:derived] Firmen.",
    );
    assert_eq!(name(&doc, "Schwesig"), "Manuela Schwesig");
    assert_eq!(name(&doc, "Großbritannien"), "Großbritannien");
    assert!(same(&doc, "Großbritannien", "britischen"));
    let doc = de("Im [Vereinigten Königreich|LOC] und in [Großbritannien|LOC].");
    assert_eq!(
        name(&doc, "Großbritannien"),
        "Vereinigtes Königreich",
        "the lexicon's name is used"
    );
}

#[test]
fn a_kind_disagreement_on_one_string_still_links() {
    let doc = de("[Haftar|PER] kam. Später sprach [Haftar|ORG] erneut, und [Haftar|PER] ging.");
    assert!(same(&doc, "Haftar", "Haftar"));
    assert_eq!(actor(&doc, "Haftar", 1).id, actor(&doc, "Haftar", 0).id);
    assert_eq!(
        actor(&doc, "Haftar", 0).kind,
        Kind::Per,
        "the majority kind"
    );
}

#[test]
fn persons_are_not_lexicon_entries() {
    let doc = de("Der Komponist [Richard Wagner|PER] und die Gruppe [Wagner|ORG].");
    assert!(!same(&doc, "Richard Wagner", "Wagner"));
    assert_eq!(name(&doc, "Wagner"), "Wagner");
}

#[test]
fn roles_inside_a_person_span_and_name_particles_do_not_keep_people_apart() {
    let doc = de(
        "[Reichspräsident v. Hindenburg|PER] empfing [Hindenburgs|PER] Gäste. \
                  [Bundeskanzler Olaf Scholz|PER] und [Scholz|PER]. \
                  [Ursula von der Leyen|PER] sprach; [von der Leyen|PER] ging.",
    );
    check_invariants(&doc);
    assert!(
        same(&doc, "v. Hindenburg", "Hindenburgs"),
        "the role is trimmed off the span"
    );
    assert_eq!(name(&doc, "Scholz"), "Olaf Scholz");
    assert!(same(&doc, "Ursula von der Leyen", "von der Leyen"));
}

#[test]
fn soft_hyphens_and_lower_case_adjectives_in_names() {
    let doc = de(
        "Die [Fort\u{ad}schrittspartei|ORG] und die [Fortschrittspartei|ORG]. Die \
                  [radicale Partei|ORG] tagte; in der [radicalen Partei|ORG] gab es Streit.",
    );
    assert!(same(&doc, "Fort\u{ad}schrittspartei", "Fortschrittspartei"));
    assert!(same(&doc, "radicale Partei", "radicalen Partei"));
    assert_eq!(name(&doc, "radicalen Partei"), "radicale Partei");
}

#[test]
fn a_class_noun_in_apposition_corrects_the_kind() {
    let doc = de(
        "Die [russische|LOC:derived] Söldnergruppe [Wagner|PER] kämpfte. Später hat \
                  [Wagner|PER] abgezogen. Die Flut traf die Küstenstadt [Derna|ORG].",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "Wagner", 0).kind, Kind::Org);
    assert_eq!(name(&doc, "Wagner"), "Wagner");
    assert_eq!(
        mention(&doc, "Wagner", 1).kind,
        Kind::Org,
        "it takes its actor's kind"
    );
    assert!(same(&doc, "Wagner", "Wagner"));
    assert_eq!(mention(&doc, "Derna", 0).kind, Kind::Loc);
}

#[test]
fn names_the_recognizer_missed_are_marked_where_it_marked_them_elsewhere() {
    let doc = de(
        "Der Machthaber [Khalifa Haftar|PER] kam. Haftar sprach mit [Putin|PER]. \
                  Haftars Angriff scheiterte.",
    );
    check_invariants(&doc);
    assert_eq!(actor(&doc, "Haftar", 0).name, "Khalifa Haftar");
    assert_eq!(actor(&doc, "Haftars", 0).name, "Khalifa Haftar");
    assert_eq!(
        mention(&doc, "Haftar", 0).origin,
        castlist::document::Origin::Rule
    );
    let doc = en("[Japanese|MISC] officials said Japanese whalers left [Japan|LOC].");
    assert_eq!(actor(&doc, "Japanese", 1).name, "Japan");
    assert_eq!(mention(&doc, "Japanese", 1).form, Form::Derived);
}

#[test]
fn known_organisations_take_the_lexicon_name_acronyms_included() {
    let doc = de(
        "Die Söldnergruppe [Wagner|ORG] zog ab. Die [EU|ORG] protestierte. \
                  Die [UNO|ORG] und die [Vereinten Nationen|ORG] schwiegen.",
    );
    check_invariants(&doc);
    assert_eq!(name(&doc, "Wagner"), "Wagner");
    assert_eq!(name(&doc, "EU"), "Europäische Union");
    assert_eq!(name(&doc, "UNO"), "Vereinte Nationen");
    assert!(same(&doc, "UNO", "Vereinten Nationen"));
}

#[test]
fn a_compound_tagged_as_a_name_is_a_part_of_the_name_it_begins_with() {
    let doc = de(
        "Die Gruppe [Wagner|ORG] kämpfte. Später griffen [Wagner-Söldner|ORG] an, \
                  und [Merkel|PER] lobte die [Merkel-Regierung|ORG].",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "Wagner-Söldner", 0).form, Form::Part);
    assert!(same(&doc, "Wagner-Söldner", "Wagner"));
    assert!(same(&doc, "Merkel-Regierung", "Merkel"));
    // A double name is one name, not a part of its first half.
    let doc = de("[Eva-Maria Stange|PER] und [Maria|PER] und [Hans-Dietrich Genscher|PER].");
    assert_eq!(mention(&doc, "Eva-Maria Stange", 0).form, Form::Name);
}

#[test]
fn a_part_that_is_a_whole_known_name_becomes_a_name() {
    let doc = de("Resolutionen des [UN-Sicherheitsrates|ORG:part] und der [UNO|ORG].");
    check_invariants(&doc);
    assert_eq!(mention(&doc, "UN-Sicherheitsrates", 0).form, Form::Name);
    assert_eq!(name(&doc, "UN-Sicherheitsrates"), "UN-Sicherheitsrat");
    assert!(!same(&doc, "UN-Sicherheitsrates", "UNO"));
}

#[test]
fn a_compass_compound_of_a_known_place_is_a_place() {
    let doc = de(
        "[Ostlibyens|PER] Machthaber traf [Putin|PER]. In [Südfrankreich|ORG] und \
         [Westfalen|LOC] regnete es, [Ostermann|PER] blieb zu Hause.",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "Ostlibyens", 0).kind, Kind::Loc);
    assert_eq!(name(&doc, "Ostlibyens"), "Ostlibyen");
    assert!(!same(&doc, "Ostlibyens", "Putin"));
    assert_eq!(mention(&doc, "Südfrankreich", 0).kind, Kind::Loc);
    // A surname that happens to start with a compass word stays a person.
    assert_eq!(mention(&doc, "Ostermann", 0).kind, Kind::Per);
}

#[test]
fn a_company_cut_short_before_its_legal_form_gets_its_whole_name() {
    let doc = de(
        "Der Vorstand der PNE [WIND AG|ORG] und die Windkraft [Nord AG|ORG] stritten. \
         Laut [Siemens AG|ORG] nicht. Die [Deutsche Bahn AG|ORG] fährt.",
    );
    check_invariants(&doc);
    assert_eq!(name(&doc, "PNE WIND AG"), "PNE WIND AG");
    assert_eq!(name(&doc, "Windkraft Nord AG"), "Windkraft Nord AG");
    // Prepositions, articles and a sentence's first word stay out.
    assert_eq!(name(&doc, "Siemens AG"), "Siemens AG");
    assert!(
        doc.mentions
            .iter()
            .any(|m| doc.slice(m.span) == "Deutsche Bahn AG")
    );
}

#[test]
fn a_company_split_before_its_legal_form_becomes_one_name() {
    let doc = de(
        "Der Vorstand der [PNE|ORG] [WIND AG|ORG] tagte. Die [PNE|ORG] wehrte sich, \
         [Siemens|ORG] [Energy AG|ORG] auch. In [Berlin|LOC] [Nord AG|ORG] nicht.",
    );
    check_invariants(&doc);
    assert_eq!(name(&doc, "PNE WIND AG"), "PNE WIND AG");
    assert!(same(&doc, "PNE WIND AG", "PNE"));
    assert_eq!(name(&doc, "Siemens Energy AG"), "Siemens Energy AG");
    assert!(!doc.mentions.iter().any(|m| doc.slice(m.span) == "WIND AG"));
    // Only an organisation right before it joins: a place stays a place.
    assert_eq!(mention(&doc, "Berlin", 0).kind, Kind::Loc);
}

#[test]
fn a_roman_number_after_a_name_belongs_to_it_and_alone_names_nothing() {
    let doc = en(
        "The [JARPA|ORG] II programme ended. [Elizabeth|PER] [II|PER] visited [Louis|PER] XIV. \
         World War [II|PER] began. [JARPA|ORG] IIa and [Henry|PER] I stay as they are.",
    );
    check_invariants(&doc);
    assert_eq!(name(&doc, "JARPA II"), "JARPA II");
    assert_eq!(name(&doc, "Elizabeth II"), "Elizabeth II");
    assert_eq!(name(&doc, "Louis XIV"), "Louis XIV");
    assert!(!same(&doc, "JARPA II", "JARPA"));
    assert_eq!(mention(&doc, "Henry", 0).form, Form::Name);
    let surfaces: Vec<&str> = doc.mentions.iter().map(|m| doc.slice(m.span)).collect();
    assert!(!surfaces.contains(&"II"), "{surfaces:?}");
}

#[test]
fn numbered_names_meet_whether_the_number_is_in_digits_roman_or_japanese() {
    let doc = en(
        "A power outage at [Fukushima 1|LOC] hit pumps. Four years after the \
                  [Fukushima Daiichi|LOC] disaster, [Fukushima II|LOC] was quiet.",
    );
    check_invariants(&doc);
    assert!(same(&doc, "Fukushima 1", "Fukushima Daiichi"));
    assert!(!same(&doc, "Fukushima 1", "Fukushima II"));
    // The name in words is the canonical one.
    assert_eq!(name(&doc, "Fukushima 1"), "Fukushima Daiichi");
}

#[test]
fn a_newspaper_is_an_organisation_even_when_tagged_as_a_person() {
    let doc = en(
        "The [Asahi Shimbun|PER] and the [Chicago Tribune|ORG] reported it; \
                  [Emily Post|PER] wrote on etiquette.",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "Asahi Shimbun", 0).kind, Kind::Org);
    assert_eq!(actor(&doc, "Asahi Shimbun", 0).kind, Kind::Org);
    assert_eq!(mention(&doc, "Chicago Tribune", 0).kind, Kind::Org);
    assert_eq!(mention(&doc, "Emily Post", 0).kind, Kind::Per);
}

#[test]
fn a_place_inside_a_name_its_acronym_abbreviates_becomes_part_of_that_name() {
    let doc = de(
        "Die Alternative für [Deutschland|LOC] ([AfD|ORG]) legte zu. Die [AfD|ORG] jubelte, \
         in [Deutschland|LOC] regnete es.",
    );
    check_invariants(&doc);
    assert_eq!(
        mention(&doc, "Alternative für Deutschland", 0).kind,
        Kind::Org
    );
    assert!(same(&doc, "Alternative für Deutschland", "AfD"));
    assert_eq!(name(&doc, "AfD"), "Alternative für Deutschland");
    // The country elsewhere stays the country.
    assert_eq!(mention(&doc, "Deutschland", 0).kind, Kind::Loc);
}

#[test]
fn a_capitalised_adjective_before_an_organisation_noun_opens_its_name() {
    let doc = de(
        "Der Antrag ging an die [Bremischen|LOC:derived] Bürgerschaft und an den \
         [Deutschen|LOC:derived] Hospiz- und Palliativ-Verband. Die [deutschen|LOC:derived] \
         Banken schwiegen. [Deutsche|LOC:derived] Bank sagte nichts, der \
         [Sächsische|LOC:derived] Staatsminister auch nicht.",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "Bremischen Bürgerschaft", 0).kind, Kind::Org);
    assert_eq!(
        mention(&doc, "Deutschen Hospiz- und Palliativ-Verband", 0).form,
        Form::Name
    );
    // A lower-case adjective, a sentence's first word and a role noun stay as they were.
    assert_eq!(mention(&doc, "deutschen", 0).form, Form::Derived);
    assert_eq!(mention(&doc, "Deutsche", 0).form, Form::Derived);
    assert_eq!(mention(&doc, "Sächsische", 0).form, Form::Derived);
}

#[test]
fn english_organisation_names_on_a_head_noun_are_one_name() {
    let doc = en(
        "Researchers at the University of [Utah|LOC] said the [Ministry of Agriculture|ORG], \
         [Forestry|LOC] and Fisheries agreed with the International Fund for Animal Welfare. \
         The Department of [Justice|ORG] and the [FBI|ORG] met. She studied at the University \
         of [Utah|LOC], where it snowed. The committee of experts met in [Utah|LOC].",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "University of Utah", 0).kind, Kind::Org);
    assert_eq!(mention(&doc, "University of Utah", 1).kind, Kind::Org);
    assert_eq!(
        mention(&doc, "University of Utah", 0).actor,
        mention(&doc, "University of Utah", 1).actor
    );
    assert_eq!(
        mention(&doc, "Ministry of Agriculture, Forestry and Fisheries", 0).kind,
        Kind::Org
    );
    assert_eq!(
        mention(&doc, "International Fund for Animal Welfare", 0).kind,
        Kind::Org
    );
    // "and the" ends a name; a lower-case head ("committee") opens none.
    assert_eq!(mention(&doc, "Department of Justice", 0).kind, Kind::Org);
    assert_eq!(mention(&doc, "FBI", 0).kind, Kind::Org);
    assert_eq!(mention(&doc, "Utah", 0).kind, Kind::Loc);
}

#[test]
fn capitalised_adjectives_in_a_row_before_a_party_noun_name_one_party() {
    // Each of the adjectives could open a name up to "Koalition"; the first does, and the
    // others are inside it: mentions never overlap.
    let doc = de("Seit Mai regiert die Nationale Freien Grüne Linke Koalition allein.");
    check_invariants(&doc);
    let covering: Vec<&str> = doc
        .mentions
        .iter()
        .map(|m| doc.slice(m.span))
        .filter(|s| s.contains("Koalition"))
        .collect();
    assert_eq!(covering, ["Nationale Freien Grüne Linke Koalition"]);
}

#[test]
fn a_capitalised_adjective_before_a_party_noun_names_a_party_nobody_marked() {
    let doc = de(
        "Neben der liberalen Partei ist auch die konservative Nationale Koalition beteiligt. \
         Der Chef des [Düsseldorfer|LOC:derived] Konzerns kam vom Mikrobiologischen Institut \
         in [Bern|LOC]. Die Grüne Partei schwieg.",
    );
    check_invariants(&doc);
    assert_eq!(mention(&doc, "Nationale Koalition", 0).kind, Kind::Org);
    assert_eq!(mention(&doc, "Grüne Partei", 0).kind, Kind::Org);
    // A town's adjective and a description of an institute stay as they were.
    assert_eq!(mention(&doc, "Düsseldorfer", 0).form, Form::Derived);
    assert!(
        !doc.mentions
            .iter()
            .any(|m| doc.slice(m.span).contains("Institut")),
        "{:?}",
        doc.mentions
    );
}

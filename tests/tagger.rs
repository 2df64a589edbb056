//! The tagger as a library: deterministic training, model files that round-trip, and a
//! regression floor for the built-in models on the development splits in tests/data.

use castlist::document::Lang;
use castlist::lexicon::wordlists::{Category, Entry};
use castlist::nlp::cmd::evaluate;
use castlist::nlp::corpus::{self, Format, score::View};
use castlist::nlp::models;
use castlist::nlp::tagger::features::{Groups, Tables};
use castlist::nlp::tagger::gazetteer::Gazetteer;
use castlist::nlp::tagger::lexemes::Lexemes;
use castlist::nlp::tagger::shape_model::NameLikeness;
use castlist::nlp::tagger::{Model, clusters, train};

const TINY: &str = "#\ta\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tbesuchte\tO\tO\n\
    4\tParis\tB-LOC\tO\n5\t.\tO\tO\n\n#\tb\n1\tDie\tO\tO\n2\tUNO\tB-ORG\tO\n3\ttagte\tO\tO\n\
    4\tin\tO\tO\n5\tGenf\tB-LOC\tO\n6\t.\tO\tO\n\n#\tc\n1\tDer\tO\tO\n2\tfranzösische\t\
    B-LOCderiv\tO\n3\tPräsident\tO\tO\n4\tEmmanuel\tB-PER\tO\n5\tMacron\tI-PER\tO\n6\tsprach\t\
    O\tO\n7\tmit\tO\tO\n8\tWagner-Söldnern\tB-ORGpart\tO\n9\t.\tO\tO\n\n";

fn tiny_model(seed: u64) -> Model {
    let corpus = corpus::parse("tiny.tsv", TINY, None).expect("the tiny corpus parses");
    let entries: Vec<Entry> = vec![
        (Category::City, "Genf".to_string()),
        (Category::GivenName, "Angela".to_string()),
        (Category::CommonNoun, "Präsident".to_string()),
    ];
    let text: Vec<&[String]> = corpus
        .sentences
        .iter()
        .map(|s| s.tokens.as_slice())
        .collect();
    let settings = clusters::Settings {
        min_count: 1,
        ..clusters::Settings::default()
    };
    let tables = Tables {
        gazetteer: Gazetteer::build(&entries, true),
        clusters: clusters::induce(&text, &settings),
        names: NameLikeness::learn(&entries),
        // A few words with clusters and probabilities, so that round trips carry the table.
        lexemes: Lexemes::parse(
            "und\t26\t-3.67\nPutin\t40\t-12.31\nMoskau\t208\t-11.27\nputin\t40\t-16.68\n",
            10,
        )
        .expect("lexemes"),
    };
    let options = train::Options {
        epochs: 5,
        seed,
        bits: 16,
        groups: Groups::all(),
        ..train::Options::default()
    };
    train::train(&corpus.sentences, &[], tables, &options, |_, _| {})
}

#[test]
fn training_is_deterministic() {
    let a = tiny_model(7).to_bytes();
    let b = tiny_model(7).to_bytes();
    assert!(a == b, "same data and seed give the same bytes");
}

#[test]
fn a_model_learns_its_training_data_and_survives_a_round_trip() {
    let model = tiny_model(3);
    let corpus = corpus::parse("tiny.tsv", TINY, None).expect("parses");
    let bytes = model.to_bytes();
    let loaded = Model::from_bytes(&bytes).expect("the model file loads");
    assert_eq!(loaded, model);
    let (mut a, mut b) = (model.tagger(), loaded.tagger());
    for s in &corpus.sentences {
        let predicted = a.entities(&s.tokens);
        assert_eq!(predicted, s.entities, "learnt: {:?}", s.tokens);
        assert_eq!(b.entities(&s.tokens), predicted);
    }
}

#[test]
fn a_model_without_lexicon_or_clusters_loads() {
    let corpus = corpus::parse("tiny.tsv", TINY, None).expect("parses");
    let options = train::Options {
        epochs: 2,
        bits: 14,
        groups: Groups::parse("word,shape").expect("groups"),
        ..train::Options::default()
    };
    let model = train::train(
        &corpus.sentences,
        &[],
        Tables::default(),
        &options,
        |_, _| {},
    );
    let loaded = Model::from_bytes(&model.to_bytes()).expect("loads");
    assert_eq!(loaded, model);
}

#[test]
fn damaged_model_files_are_rejected() {
    let bytes = tiny_model(1).to_bytes();
    assert!(Model::from_bytes(b"not a model").is_err());
    for cut in [20, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(Model::from_bytes(&extra).is_err());
}

/// The first `n` sentences of a development split in tests/data/corpora.
fn dev_subset(file: &str, n: usize) -> corpus::Corpus {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpora")
        .join(file);
    let mut corpus = corpus::read(&path, None).expect("the dev split reads");
    corpus.sentences.truncate(n);
    corpus
}

// The built-in models are trained on train and dev together (assets/models/README.md), so these
// floors guard against regressions in features, decoding or the model file, not accuracy.
#[test]
fn built_in_models_stay_above_their_floor_on_the_dev_splits() {
    let de = dev_subset("germeval2014-dev.tsv", 400);
    assert_eq!(de.format, Format::GermEval);
    let model = models::get(&Lang::De).expect("German model");
    let scores = evaluate(model, &de, true);
    let base = scores
        .iter()
        .find(|s| s.view() == View::Base)
        .expect("base view");
    assert!(
        base.overall().f1() > 0.9,
        "German base F1 {}",
        base.overall().f1()
    );
    let en = dev_subset("uner-ewt-dev.iob2", 600);
    let model = models::get(&Lang::En).expect("English model");
    let f1 = evaluate(model, &en, true)[0].overall().f1();
    assert!(f1 > 0.9, "English F1 {f1}");
}

//! The gold documents under tests/data/gold: valid castlist/1, fully linked, and the bar that
//! linking must clear on them (B³ over name mentions, canonical names).

use std::path::PathBuf;

use castlist::actors::eval::{Score, is_name, linking_input, score};
use castlist::document::{Document, json};

fn gold_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/gold exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &PathBuf) -> Document {
    let text = std::fs::read_to_string(path).expect("gold file readable");
    json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn gold_documents_are_valid_and_every_name_mention_has_an_actor() {
    let files = gold_files();
    assert!(files.len() >= 10, "the ten sample articles are annotated");
    for path in &files {
        let doc = read(path);
        assert!(!doc.mentions.is_empty(), "{}", path.display());
        for m in doc.mentions.iter().filter(|m| is_name(m)) {
            assert!(
                m.actor.is_some(),
                "{}: {:?}",
                path.display(),
                doc.slice(m.span)
            );
        }
    }
}

#[test]
fn scoring_the_gold_against_itself_is_perfect() {
    let mut total = Score::default();
    for path in gold_files() {
        let doc = read(&path);
        total.add(&score(&doc, &doc));
    }
    assert_eq!(total.b3().f1, 1.0);
    assert_eq!(total.names_right, total.names_total);
    // And stripping the actors leaves nothing linked: every mention its own cluster.
    let doc = read(&gold_files()[0]);
    let stripped = linking_input(&doc);
    assert!(score(&doc, &stripped).b3().recall < 0.9);
}

#[test]
fn linking_the_gold_mentions_reaches_the_targets() {
    let mut total = Score::default();
    for path in gold_files() {
        let gold = read(&path);
        let mut doc = linking_input(&gold);
        castlist::actors::link(&mut doc);
        total.add(&score(&gold, &doc));
    }
    let b3 = total.b3();
    assert!(b3.f1 >= 0.95, "B³ F1 {:.3}: {:#?}", b3.f1, total.issues);
    let names = total.names_right as f64 / total.names_total as f64;
    assert!(
        names >= 0.98,
        "canonical names {names:.3}: {:#?}",
        total.issues
    );
}

#[test]
fn linking_with_the_recognizers_tokens_gives_the_same_result() {
    for path in gold_files() {
        let gold = read(&path);
        let mut plain = linking_input(&gold);
        castlist::actors::link(&mut plain);
        let mut tokens = Vec::new();
        for block in gold.blocks.iter().filter(|b| b.role.is_article()) {
            castlist::nlp::tokenize::tokenize_span(&gold.text, block.span, &gold.lang, &mut tokens);
        }
        let mut shared = linking_input(&gold);
        castlist::actors::link_tokenized(&mut shared, &tokens);
        assert_eq!(plain.mentions, shared.mentions, "{}", path.display());
        assert_eq!(plain.actors, shared.actors, "{}", path.display());
    }
}

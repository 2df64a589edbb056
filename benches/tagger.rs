//! Tagging throughput of the built-in models on the development splits (tests/data/corpora):
//! feature extraction, scoring and Viterbi decoding of pre-tokenized sentences, and model
//! loading from the embedded bytes.

use std::hint::black_box;
use std::path::Path;

use castlist::document::Lang;
use castlist::nlp::corpus;
use castlist::nlp::models;
use castlist::nlp::tagger::Model;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn dev(file: &str) -> corpus::Corpus {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpora")
        .join(file);
    corpus::read(&path, None).expect("the dev split reads")
}

fn tag(c: &mut Criterion) {
    let mut group = c.benchmark_group("tag");
    group.sample_size(10);
    for (name, file, lang) in [
        ("germeval-dev", "germeval2014-dev.tsv", Lang::De),
        ("uner-dev", "uner-ewt-dev.iob2", Lang::En),
    ] {
        let corpus = dev(file);
        let model = models::get(&lang).expect("built-in model");
        group.throughput(Throughput::Elements(corpus.tokens() as u64));
        group.bench_function(name, |b| {
            let mut tagger = model.tagger();
            b.iter(|| {
                let mut found = 0;
                for s in &corpus.sentences {
                    found += tagger.entities(black_box(&s.tokens)).len();
                }
                found
            })
        });
    }
    group.finish();
}

/// The whole analysis of plain text: language detection, tokenizer, sentence splitter,
/// tagging and the consistency pass, on the dev splits written out as text (one paragraph per
/// document).
fn recognise(c: &mut Criterion) {
    let mut group = c.benchmark_group("tokenize+tag");
    group.sample_size(10);
    for (name, file) in [
        ("germeval-dev", "germeval2014-dev.tsv"),
        ("uner-dev", "uner-ewt-dev.iob2"),
    ] {
        let corpus = dev(file);
        let text: String = corpus
            .sentences
            .chunk_by(|a, b| a.doc == b.doc)
            .map(|doc| {
                let sentences: Vec<String> = doc.iter().map(|s| s.tokens.join(" ")).collect();
                sentences.join(" ")
            })
            .collect::<Vec<String>>()
            .join("\n\n");
        let doc = castlist::ingest::from_text("bench", text);
        group.throughput(Throughput::Elements(corpus.tokens() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut d = doc.clone();
                castlist::nlp::recognise(&mut d, None);
                d.mentions.len()
            })
        });
    }
    group.finish();
}

fn load(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/models/de.model");
    let bytes = std::fs::read(path).expect("the German model file");
    c.bench_function("load-de-model", |b| {
        b.iter(|| Model::from_bytes(black_box(&bytes)).map(|m| m.tags.len()))
    });
}

criterion_group!(benches, tag, recognise, load);
criterion_main!(benches);

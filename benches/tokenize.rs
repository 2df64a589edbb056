//! Tokenizer, sentence splitter and language identification on running news text: the German sample articles
//! and the running text of the English Web Treebank dev split, each repeated to about 1 MB.
//! Criterion reports time per iteration and throughput in tokens (elements) per second.

use std::hint::black_box;
use std::path::Path;

use castlist::Lang;
use castlist::nlp::lang::detect;
use castlist::nlp::tokenize::{sentences, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const TARGET_BYTES: usize = 1 << 20;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The German articles of tests/data/articles, one after the other.
fn german_text(root: &Path) -> String {
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/data/articles/de"))
        .unwrap_or_else(|e| panic!("tests/data/articles/de: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut text = read(&root.join("assets/articles/afp-haftar-trifft-putin.txt"));
    for f in files {
        text.push_str("\n\n");
        text.push_str(&read(&f));
    }
    text
}

/// The running text of the EWT dev split (its `# text` lines), a paragraph per document.
fn english_text(root: &Path) -> String {
    let corpus = read(&root.join("tests/data/corpora/uner-ewt-dev.iob2"));
    let mut text = String::new();
    for line in corpus.lines() {
        if line.starts_with("# newdoc") && !text.is_empty() {
            text.push_str("\n\n");
        } else if let Some(sentence) = line.strip_prefix("# text = ") {
            text.push_str(sentence);
            text.push(' ');
        }
    }
    text
}

fn repeated(text: &str) -> String {
    let reps = TARGET_BYTES.div_ceil(text.len().max(1));
    let mut out = String::with_capacity(reps * (text.len() + 2));
    for _ in 0..reps {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, lang, text) in [
        ("de", Lang::De, repeated(&german_text(root))),
        ("en", Lang::En, repeated(&english_text(root))),
    ] {
        let tokens = tokenize(&text, &lang).len();
        eprintln!(
            "tokenize/{name}: {} bytes, {tokens} tokens per iteration",
            text.len()
        );
        let mut group = c.benchmark_group(format!("tokenize/{name}"));
        group.throughput(Throughput::Elements(tokens as u64));
        // Baseline on the same text and machine: splitting at white space into spans, the least
        // any tokenizer does. Ratios against it are steadier than absolute figures on a busy host.
        group.bench_function("split_whitespace", |b| {
            b.iter(|| {
                let base = black_box(&text).as_ptr() as usize;
                black_box(&text)
                    .split_whitespace()
                    .map(|w| (w.as_ptr() as usize - base, w.len()))
                    .collect::<Vec<_>>()
            })
        });
        group.bench_function("tokens", |b| b.iter(|| tokenize(black_box(&text), &lang)));
        group.bench_function("tokens+sentences", |b| {
            b.iter(|| {
                let tokens = tokenize(black_box(&text), &lang);
                sentences(&text, &tokens, &lang)
            })
        });
        group.finish();
        c.bench_function(&format!("detect/{name}"), |b| {
            b.iter(|| detect(black_box(&text)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

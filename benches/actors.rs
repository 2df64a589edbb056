//! Linking throughput: `actors::link` on large documents made from the gold articles (text and
//! recognised mentions), repeated with varied names so that actors keep coming and going, at
//! 1, 3 and 10 MB — linear growth shows as a constant time per megabyte. And linking's share of
//! the whole analysis: recognition and linking of the same German text (1 and 10 MB), measured
//! apart.

use std::path::Path;

use castlist::document::{Block, Document, Form, Kind, Mention, Span, json};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

/// Syllables appended to names in later copies: copy k renames every name it marks.
const SYLLABLES: &[&str] = &["", "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu"];

/// The hand-annotated gold articles (German and English), as stored.
fn all_gold_documents() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/gold")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| json::from_str(&std::fs::read_to_string(p).expect("gold file")).expect("gold"))
        .collect()
}

/// The German gold articles.
fn gold_documents() -> Vec<Document> {
    all_gold_documents()
        .into_iter()
        .filter(|d| d.lang.code() == "de")
        .collect()
}

/// A German document of at least `bytes` bytes: the gold articles one after another, their
/// name mentions (without actors) renamed per copy.
fn big_document(sources: &[Document], bytes: usize) -> Document {
    let mut doc = Document {
        lang: castlist::Lang::De,
        ..Document::default()
    };
    let mut copy = 0;
    while doc.text.len() < bytes {
        for source in sources {
            let suffix = SYLLABLES[copy % SYLLABLES.len()].to_string()
                + SYLLABLES[(copy / SYLLABLES.len()) % SYLLABLES.len()];
            append(&mut doc, source, &suffix);
        }
        copy += 1;
    }
    doc
}

fn append(doc: &mut Document, source: &Document, suffix: &str) {
    let base = doc.text.len();
    let mut text = String::with_capacity(source.text.len() + 512);
    let mut pos = 0;
    for m in source
        .mentions
        .iter()
        .filter(|m| m.form != Form::Descriptor)
    {
        text.push_str(&source.text[pos..m.span.start()]);
        let start = text.len();
        text.push_str(source.slice(m.span));
        // Rename whole names of persons and organisations; keep places, derived forms, parts.
        if m.form == Form::Name && matches!(m.kind, Kind::Per | Kind::Org) {
            text.push_str(suffix);
        }
        doc.mentions.push(Mention {
            span: Span::new(base + start, base + text.len()),
            actor: None,
            ..*m
        });
        pos = m.span.end();
    }
    text.push_str(&source.text[pos..]);
    text.push_str("\n\n");
    let (blocks, _) = castlist::ingest::text::layout(&text);
    doc.blocks.extend(blocks.into_iter().map(|b| Block {
        span: Span::new(base + b.span.start(), base + b.span.end()),
        role: b.role,
    }));
    doc.text.push_str(&text);
}

fn bench_link(c: &mut Criterion) {
    let sources = gold_documents();
    let mut group = c.benchmark_group("actors::link");
    group.sample_size(10);
    for mb in [1, 3, 10] {
        let doc = big_document(&sources, mb * 1_000_000);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(format!("{mb} MB ({} mentions)", doc.mentions.len()), |b| {
            b.iter_batched(
                || doc.clone(),
                |mut d| {
                    castlist::actors::link(&mut d);
                    d
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

/// Recognition (language given, model loaded) and linking of one text, each timed on its own;
/// linking's share is link / (recognise + link). German texts: the gold articles repeated as
/// they are to 1 MB (names recur, as in a long text), and with their names renamed in every copy
/// (a new cast every few kilobytes: linking's hard case) to 1 and 10 MB.
fn bench_share(c: &mut Criterion) {
    let sources = gold_documents();
    let mut repeated = String::new();
    while repeated.len() < 1_000_000 {
        for source in &sources {
            repeated.push_str(&source.text);
            repeated.push_str("\n\n");
        }
    }
    let renamed = big_document(&sources, 1_000_000).text;
    let renamed_10 = big_document(&sources, 10_000_000).text;
    let mut group = c.benchmark_group("analysis share, German");
    group.sample_size(10);
    for (label, text) in [
        ("1 MB repeated", repeated),
        ("1 MB renamed", renamed),
        ("10 MB renamed", renamed_10),
    ] {
        let laid_out = castlist::ingest::from_text("bench", text);
        let mut recognised = laid_out.clone();
        let tokens = castlist::nlp::recognise_tokenized(&mut recognised, Some(castlist::Lang::De));
        group.throughput(Throughput::Bytes(laid_out.text.len() as u64));
        group.bench_function(format!("{label}: recognise"), |b| {
            b.iter_batched(
                || laid_out.clone(),
                |mut d| {
                    castlist::nlp::recognise_tokenized(&mut d, Some(castlist::Lang::De));
                    d
                },
                BatchSize::LargeInput,
            )
        });
        group.bench_function(format!("{label}: link"), |b| {
            b.iter_batched(
                || recognised.clone(),
                |mut d| {
                    castlist::actors::link_tokenized(&mut d, &tokens);
                    d
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

/// Linking's share on news articles as users open them: the gold articles (German and English,
/// 2–6 KB each), each recognised (language detected) and linked on its own, all of them per
/// iteration. Small texts are where per-mention costs show: no long text amortises them.
fn bench_share_articles(c: &mut Criterion) {
    let texts: Vec<Document> = all_gold_documents()
        .into_iter()
        .map(|d| castlist::ingest::from_text("bench", d.text))
        .collect();
    castlist::actors::prepare();
    let recognised: Vec<(Document, Vec<castlist::nlp::tokenize::Token>)> = texts
        .iter()
        .map(|d| {
            let mut d = d.clone();
            let tokens = castlist::nlp::recognise_tokenized(&mut d, None);
            (d, tokens)
        })
        .collect();
    let bytes: usize = texts.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group(format!("analysis share, {} gold articles", texts.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("recognise", |b| {
        b.iter_batched(
            || texts.clone(),
            |mut docs| {
                for d in &mut docs {
                    castlist::nlp::recognise_tokenized(d, None);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("link", |b| {
        b.iter_batched(
            || recognised.clone(),
            |mut docs| {
                for (d, tokens) in &mut docs {
                    castlist::actors::link_tokenized(d, tokens);
                }
                docs
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_link, bench_share, bench_share_articles);
criterion_main!(benches);

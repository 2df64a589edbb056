//! Reader speed on book-length input: building the layout of a 10 MB document, drawing a
//! 200×60 frame of it, and a key press followed by its frame. The frame and the key press must
//! stay under a millisecond and not grow with the document: each is measured on 1 MB and 10 MB.
//!
//! `cargo bench --bench reader`

use std::hint::black_box;

use castlist::document::{Block, Document, Mention, Span, json};
use castlist::reader::action::Action;
use castlist::reader::app::App;
use castlist::reader::config::Config;
use castlist::reader::hit::HitMap;
use castlist::reader::layout::Layout;
use castlist::reader::theme::Theme;
use castlist::reader::update::update;
use castlist::reader::view::view;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const AFP: &str = include_str!("../tests/data/fixtures/afp-haftar.json");

/// The AFP fixture repeated until the text is `bytes` long: same actors, every block and
/// mention shifted into each copy.
fn big_document(bytes: usize) -> Document {
    let one = json::from_str(AFP).expect("fixture");
    let mut doc = Document {
        text: String::with_capacity(bytes + one.text.len()),
        blocks: Vec::new(),
        mentions: Vec::new(),
        ..one.clone()
    };
    while doc.text.len() < bytes {
        let base = doc.text.len();
        let shift = |s: Span| Span::new(s.start() + base, s.end() + base);
        doc.text.push_str(&one.text);
        doc.text.push_str("\n\n");
        doc.blocks.extend(one.blocks.iter().map(|b| Block {
            span: shift(b.span),
            role: b.role,
        }));
        doc.mentions.extend(one.mentions.iter().map(|m| Mention {
            span: shift(m.span),
            ..*m
        }));
    }
    doc
}

fn app_on(doc: Document) -> App {
    let mut app = App::new(vec![doc], Config::builtin().keymap, 200, 60);
    // Read from the middle, on a mention, as someone deep in a book would.
    let middle = app.doc().layout.len() / 2;
    app.doc_mut().scroll = middle;
    update(
        &mut app,
        Action::Run(castlist::reader::action::Command::NextMention),
    );
    app
}

fn key(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = castlist::reader::input::key_action(app, &event) {
        update(app, action);
    }
}

fn benches(c: &mut Criterion) {
    let theme = Theme::colour();
    let ten = big_document(10 << 20);
    let sections = castlist::reader::model::Model::new(&ten).layout_sections(false);
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.bench_function("build 10 MB at 72 columns", |b| {
        b.iter(|| Layout::build(black_box(&ten.text), black_box(&sections), 72))
    });
    group.finish();

    // What ratatui itself costs for a full 200x60 screen (diff and test backend): a bordered
    // paragraph of the same number of cells, as a baseline for the frames below.
    let lines: Vec<String> = ten
        .text
        .lines()
        .filter(|l| l.len() > 200)
        .take(58)
        .map(|l| l.chars().take(196).collect())
        .collect();
    let paragraph = ratatui::widgets::Paragraph::new(lines.join("\n"))
        .block(ratatui::widgets::Block::bordered());
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    c.bench_function("frame 200x60 / ratatui paragraph baseline", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(&paragraph, f.area()))
                .expect("draw");
        })
    });

    for (label, doc) in [("1 MB", big_document(1 << 20)), ("10 MB", ten)] {
        let mut app = app_on(doc);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
        let mut hits = HitMap::default();
        c.bench_function(&format!("frame 200x60 / {label}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| hits = view(&app, &theme, f))
                    .expect("draw");
            })
        });
        for (name, code) in [("j", KeyCode::Char('j')), ("n", KeyCode::Char('n'))] {
            c.bench_function(&format!("key {name} + frame / {label}"), |b| {
                b.iter(|| {
                    key(&mut app, code);
                    terminal
                        .draw(|f| hits = view(&app, &theme, f))
                        .expect("draw");
                })
            });
        }
        black_box(hits);
    }
}

criterion_group!(reader, benches);
criterion_main!(reader);

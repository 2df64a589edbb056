//! Linking's share of the analysis on whole articles, as a user opens them: each file is laid
//! out (`ingest::from_text`), recognised (language detected) and then linked, `runs` times, and
//! the medians are compared: linking's time against recognition's, and against the analysis
//! before it (layout and recognition, as `castlist::analyse` runs them). Recognition and linking alternate within every run, so both see the same machine
//! load and linking starts with the caches recognition left behind — unlike a benchmark that
//! times each step in a loop of its own.
//!
//! Then the same as `castlist extract` runs several articles: recognition on one thread and
//! linking on another, the articles passed between them in order, so that linking keeps its own
//! core's caches.
//!
//! `cargo bench --bench link_share -- 21 ../shared/articles/*/*.txt` (the options cargo passes,
//! such as `--bench`, are skipped); without files, the gold articles of tests/data/gold.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs = args.first().map(|a| a.parse::<usize>().ok());
    let paths = args.get(1..).unwrap_or_default().to_vec();
    let runs = match runs {
        Some(Some(runs @ 1..)) => runs,
        None => 21,
        Some(None) if std::env::args().any(|a| a == "--bench") => {
            // `cargo bench -- FILTER` hands every bench the filter: not meant for this one.
            eprintln!("link_share: skipped (its arguments are RUNS FILE...)");
            return;
        }
        _ => fail("usage: link_share [RUNS [FILE...]] (without files: the gold articles; 21 runs)"),
    };
    castlist::actors::prepare();
    let (mut layout_total, mut recognise_total, mut link_total) = (0.0, 0.0, 0.0);
    let texts: Vec<(String, String)> = if paths.is_empty() {
        gold_texts()
    } else {
        paths
            .into_iter()
            .map(|path| match std::fs::read_to_string(&path) {
                Ok(text) => (path, text),
                Err(e) => fail(&format!("{path}: {e}")),
            })
            .collect()
    };
    let mut laid_out = Vec::with_capacity(texts.len());
    for (path, text) in &texts {
        let (mut layout, mut recognise, mut link) = (Vec::new(), Vec::new(), Vec::new());
        let mut last = None;
        for _ in 0..runs {
            let text = text.clone();
            let start = Instant::now();
            let mut doc = castlist::ingest::from_text(path, text);
            layout.push(start.elapsed().as_secs_f64());
            if last.is_none() {
                last = Some(doc.clone());
            }
            let start = Instant::now();
            let tokens = castlist::nlp::recognise_tokenized(&mut doc, None);
            recognise.push(start.elapsed().as_secs_f64());
            let start = Instant::now();
            castlist::actors::link_tokenized(&mut doc, &tokens);
            link.push(start.elapsed().as_secs_f64());
        }
        let (a, r, l) = (
            median(&mut layout),
            median(&mut recognise),
            median(&mut link),
        );
        println!(
            "{:>7.3} ms layout {:>8.3} ms recognise {:>7.3} ms link {:>5.1} % of recognition \
             {:>5.1} % of layout + recognition  {path}",
            a * 1e3,
            r * 1e3,
            l * 1e3,
            100.0 * l / r,
            100.0 * l / (a + r)
        );
        layout_total += a;
        recognise_total += r;
        link_total += l;
        laid_out.extend(last.map(|doc| (path.clone(), doc)));
    }
    println!(
        "total: layout {:.2} ms, recognise {:.2} ms, link {:.2} ms, linking's share {:.1} % of \
         recognition, {:.1} % of the analysis before it (layout + recognition, as `analyse` does)",
        layout_total * 1e3,
        recognise_total * 1e3,
        link_total * 1e3,
        100.0 * link_total / recognise_total,
        100.0 * link_total / (layout_total + recognise_total)
    );
    let (recognise_total, link_total) = two_threads(&laid_out, runs);
    println!(
        "on two threads, as extract runs several articles: recognise {:.2} ms, link {:.2} ms, \
         linking's share {:.1} %",
        recognise_total * 1e3,
        link_total * 1e3,
        100.0 * link_total / recognise_total
    );
}

/// Recognition on this thread and linking on another, the articles handed over in order, as
/// `castlist extract` does; the sums over the articles of their median times.
fn two_threads(articles: &[(String, castlist::Document)], runs: usize) -> (f64, f64) {
    let mut recognise = vec![Vec::new(); articles.len()];
    type Recognised = (
        usize,
        castlist::Document,
        Vec<castlist::nlp::tokenize::Token>,
    );
    let (send, receive) = std::sync::mpsc::sync_channel::<Recognised>(2);
    let link = std::thread::scope(|scope| {
        let linker = scope.spawn(move || {
            let mut link = vec![Vec::new(); articles.len()];
            for (i, mut doc, tokens) in receive {
                let start = Instant::now();
                castlist::actors::link_tokenized(&mut doc, &tokens);
                link[i].push(start.elapsed().as_secs_f64());
            }
            link
        });
        for _ in 0..runs {
            for (i, (_, laid_out)) in articles.iter().enumerate() {
                let mut doc = laid_out.clone();
                let start = Instant::now();
                let tokens = castlist::nlp::recognise_tokenized(&mut doc, None);
                recognise[i].push(start.elapsed().as_secs_f64());
                send.send((i, doc, tokens))
                    .expect("the linking thread runs");
            }
        }
        drop(send);
        linker.join().expect("linking finishes")
    });
    let total = |times: Vec<Vec<f64>>| times.into_iter().map(|mut t| median(&mut t)).sum();
    (total(recognise), total(link))
}

/// The texts of the hand-annotated gold articles (tests/data/gold), by file name.
fn gold_texts() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let json =
                std::fs::read_to_string(&p).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
            match castlist::document::json::from_str(&json) {
                Ok(doc) => (name, doc.text),
                Err(e) => fail(&format!("{name}: {e}")),
            }
        })
        .collect()
}

fn fail(message: &str) -> ! {
    eprintln!("link_share: {message}");
    std::process::exit(2)
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

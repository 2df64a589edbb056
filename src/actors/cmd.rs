//! `castlist eval GOLD.json…`: scores linking alone (gold mentions in, actors out) and the whole
//! analysis (text in) against gold castlist/1 documents, and lists the linking errors.

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::eval::{Issue, Score, linking_input, score};
use crate::document::{Document, Lang, json};

/// Evaluates every gold file and prints a table per mode, then the linking issues.
pub fn eval(paths: &[PathBuf], lang: Option<Lang>) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(paths.len());
    for path in paths {
        let gold = read_gold(path)?;
        let mut linked = linking_input(&gold);
        super::link(&mut linked);
        let mut analysed = Document {
            source: gold.source.clone(),
            text: gold.text.clone(),
            blocks: gold.blocks.clone(),
            ..Document::default()
        };
        if analysed.blocks.is_empty() {
            analysed.blocks = crate::ingest::text::layout(&analysed.text).0;
        }
        let doc_lang = lang.clone().or(match gold.lang {
            Lang::Other(_) => None,
            ref known => Some(known.clone()),
        });
        crate::analyse_document(&mut analysed, doc_lang);
        rows.push((
            file_name(path),
            score(&gold, &linked),
            score(&gold, &analysed),
        ));
    }

    println!("linking alone (gold mentions in, actors out)");
    println!(
        "{:<44} {:>6} {:>6} {:>6}  {:>7}",
        "file", "B3-P", "B3-R", "B3-F1", "names"
    );
    let mut total = Score::default();
    for (name, linked, _) in &rows {
        print_linking(name, linked);
        total.add(linked);
    }
    print_linking("total", &total);

    println!();
    println!("end to end (text in: recognise, then link)");
    println!(
        "{:<44} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>7}",
        "file", "B3-P", "B3-R", "B3-F1", "men-P", "men-R", "men-F1", "names"
    );
    let mut total = Score::default();
    for (name, _, analysed) in &rows {
        print_end_to_end(name, analysed);
        total.add(analysed);
    }
    print_end_to_end("total", &total);

    let issues: Vec<_> = rows
        .iter()
        .filter(|(_, linked, _)| !linked.issues.is_empty())
        .collect();
    if !issues.is_empty() {
        println!();
        println!("linking issues (gold mentions in)");
        for (name, linked, _) in issues {
            println!("{name}");
            for issue in &linked.issues {
                println!("  {}", describe(issue));
            }
        }
    }
    Ok(())
}

fn read_gold(path: &Path) -> anyhow::Result<Document> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the gold file", path.display()))?;
    json::from_str(&text).with_context(|| {
        format!(
            "{}: not a valid castlist/1 gold document (FORMAT.md)",
            path.display()
        )
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}

fn names(score: &Score) -> String {
    format!("{}/{}", score.names_right, score.names_total)
}

fn print_linking(name: &str, s: &Score) {
    let b3 = s.b3();
    println!(
        "{name:<44} {:>6.3} {:>6.3} {:>6.3}  {:>7}",
        b3.precision,
        b3.recall,
        b3.f1,
        names(s)
    );
}

fn print_end_to_end(name: &str, s: &Score) {
    let (b3, m) = (s.b3(), s.mentions());
    println!(
        "{name:<44} {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}  {:>7}",
        b3.precision,
        b3.recall,
        b3.f1,
        m.precision,
        m.recall,
        m.f1,
        names(s)
    );
}

fn describe(issue: &Issue) -> String {
    match issue {
        Issue::Split { gold, parts } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|(name, surfaces)| format!("{name} [{}]", surfaces.join(", ")))
                .collect();
            format!("split   {gold}: {}", parts.join(" | "))
        }
        Issue::Merged { system, gold } => format!("merged  {system}: {}", gold.join(", ")),
        Issue::Name { gold, system } => format!(
            "name    {gold}: named {}",
            system.as_deref().unwrap_or("(no actor)")
        ),
    }
}

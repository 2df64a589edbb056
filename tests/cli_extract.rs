//! `castlist extract` as a user runs it: the real binary, real files, its output and exit status.

mod cli_support;

use cli_support::{castlist, stderr};

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    cli_support::temp_file("cli", name, bytes)
}

#[test]
fn extract_writes_a_castlist_document_with_offsets_in_code_points() {
    let out = castlist(
        &["extract", "-"],
        "Größe zählt\n\nÄrger in Köln.\n".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["format"], "castlist/1");
    assert_eq!(doc["title"], "Größe zählt");
    assert_eq!(doc["source"], "standard input");
    // The paragraph starts after "Größe zählt\n\n": 13 code points (but 15 bytes).
    assert_eq!(doc["blocks"][1]["start"], 13);
    assert_eq!(doc["blocks"][1]["role"], "paragraph");
}

#[test]
fn jsonl_writes_one_document_a_line_and_json_an_array_for_many() {
    let a = temp_file("a.txt", b"Eins\n\nText eins.");
    let b = temp_file("b.txt", b"Zwei\n\nText zwei.");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = castlist(&["extract", "--format", "jsonl", a, b], b"");
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let doc: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(doc["format"], "castlist/1");
    }
    let out = castlist(&["extract", a, b], b"");
    let docs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("an array");
    assert_eq!(docs[1]["title"], "Zwei");
}

#[test]
fn many_articles_come_out_in_order_as_each_does_alone_and_a_bad_one_is_skipped() {
    let articles = [
        "assets/articles/afp-haftar-trifft-putin.txt",
        "/nonexistent/article.txt",
        "tests/data/articles/en/wikinews-japanese-whaling.txt",
        "tests/data/articles/de/wikinews-sterbehilfe.txt",
    ];
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(articles);
    let out = castlist(&args, b"");
    assert!(!out.status.success(), "a missing file is a failure");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/article.txt"), "{err}");
    let together: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    let readable: Vec<&str> = articles
        .into_iter()
        .filter(|a| !a.starts_with('/'))
        .collect();
    assert_eq!(together.len(), readable.len());
    for (line, article) in together.into_iter().zip(readable) {
        let alone = castlist(&["extract", "--format", "jsonl", article], b"");
        assert!(alone.status.success(), "{}", stderr(&alone));
        assert_eq!(
            line,
            std::str::from_utf8(&alone.stdout).unwrap().trim_end(),
            "{article}"
        );
    }
}

#[test]
fn a_castlist_document_reads_back_unchanged() {
    let out = castlist(
        &["extract", "-"],
        "Haftar trifft Putin\n\nIn Moskau.".as_bytes(),
    );
    let first: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let path = temp_file("doc.json", &out.stdout);
    let again = castlist(&["extract", path.to_str().unwrap()], b"");
    assert!(again.status.success(), "{}", stderr(&again));
    let mut second: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    second["source"] = first["source"].clone();
    assert_eq!(first, second);
}

#[test]
fn windows_1252_text_is_decoded() {
    let path = temp_file(
        "latin.txt",
        b"Gespr\xE4che in M\xFCnchen\n\n\x84Zitat\x93 \x96 gut.",
    );
    let out = castlist(&["extract", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["title"], "Gespräche in München");
    assert!(doc["text"].as_str().unwrap().ends_with("„Zitat“ – gut."));
}

#[test]
fn bad_inputs_give_one_clear_line_and_a_failure_status() {
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (temp_file("bin.dat", b"\x7fELF\x02\x01\x01\0\0\0\0"), "looks like a binary file"),
        (
            temp_file("broken.json", br#"{"format": "castlist/1", "text": "ab""#),
            "not a valid castlist/1 document",
        ),
        (
            temp_file(
                "outside.json",
                br#"{"format": "castlist/1", "text": "ab", "mentions": [{"start": 0, "end": 9, "kind": "PER"}]}"#,
            ),
            "mentions[0].end = 9 lies outside the text",
        ),
        (
            temp_file(
                "overlap.json",
                br#"{"format": "castlist/1", "text": "abcdef", "mentions": [{"start": 0, "end": 3, "kind": "PER"}, {"start": 2, "end": 4, "kind": "LOC"}]}"#,
            ),
            "overlaps",
        ),
        (
            temp_file("nofield.json", br#"{"format": "castlist/1", "text": "ab", "mentions": [{"start": 0, "end": 1}]}"#),
            "missing field `kind`",
        ),
        (std::path::PathBuf::from("/nonexistent/article.txt"), "No such file"),
    ];
    for (path, expected) in cases {
        let name = path.to_str().unwrap();
        for args in [vec!["extract", name], vec![name]] {
            let out = castlist(&args, b"");
            let err = stderr(&out);
            assert!(!out.status.success(), "{args:?} succeeded");
            assert!(
                err.contains(name) && err.contains(expected),
                "{args:?}: {err}"
            );
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}

#[test]
fn an_empty_file_is_an_empty_document() {
    let out = castlist(&["extract", "-"], b"");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["text"], "");
    assert_eq!(doc["mentions"].as_array().unwrap().len(), 0);
}

#[test]
fn the_reader_refuses_politely_when_output_is_not_a_terminal() {
    let out = castlist(&["tests/data/fixtures/afp-haftar.json"], b"");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "escape sequences written to a pipe");
    assert!(stderr(&out).contains("not a terminal"), "{}", stderr(&out));
}

#[test]
fn the_reader_names_a_bad_file_once_before_anything_else() {
    for (args, says) in [
        (vec!["no-such-article.txt"], "No such file or directory"),
        (
            vec!["--config", "no-such-config.toml"],
            "No such file or directory",
        ),
    ] {
        let out = castlist(&args, b"");
        let err = stderr(&out);
        assert!(!out.status.success());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(err.matches(says).count(), 1, "the cause said twice: {err}");
        assert!(err.contains(args[args.len() - 1]), "{err}");
    }
}

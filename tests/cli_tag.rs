//! `castlist tag` and `castlist eval` as a user runs them: the real binary, real files, its
//! output and exit status, including bad input.

mod cli_support;

use cli_support::{castlist, stderr, stdout};

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    cli_support::temp_file("tag", name, bytes)
}

const GERMAN: &str = "# ein Kommentar\nDer\nrussische\nPräsident\nWladimir\nPutin\nempfing\n\
                      Khalifa\nHaftar\nin\nMoskau\n.\n\nDie\nGespräche\ndauerten\nbis\n\
                      Donnerstag\n.\n";

#[test]
fn tag_appends_one_iob2_tag_per_token_and_keeps_everything_else() {
    let out = castlist(&["tag", "--lang", "de", "-"], GERMAN.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let input: Vec<&str> = GERMAN.lines().collect();
    assert_eq!(lines.len(), input.len());
    for (got, sent) in lines.iter().zip(&input) {
        if sent.is_empty() || sent.starts_with('#') {
            assert_eq!(got, sent, "comments and blank lines pass through");
        } else {
            let (token, tag) = got.split_once('\t').expect("a tab before the tag");
            assert_eq!(token, *sent);
            assert!(
                tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                "{got}"
            );
        }
    }
    let tag_of = |word: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&format!("{word}\t")))
            .unwrap_or("missing")
    };
    assert_eq!(tag_of("Wladimir"), "B-PER");
    assert_eq!(tag_of("Putin"), "I-PER");
    assert_eq!(tag_of("Moskau"), "B-LOC");
    assert_eq!(tag_of("russische"), "B-LOCderiv");
    assert_eq!(tag_of("Gespräche"), "O");
    assert_eq!(tag_of("Donnerstag"), "O");
}

#[test]
fn tag_keeps_extra_columns_and_guesses_english() {
    let input = "Barack O\nObama O\nvisited O\nthe O\nWhite O\nHouse O\nin O\nWashington O\n. O\n";
    let out = castlist(&["tag"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Barack O\tB-PER\n"), "{text}");
    assert!(text.contains("Washington O\tB-LOC\n"), "{text}");
}

#[test]
fn tag_reports_a_malformed_line_with_its_number() {
    let out = castlist(&["tag", "--lang", "de"], b"Der\n\tPutin\n");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("line 2: no token in the first column"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tag_of_an_empty_file_is_empty() {
    let path = temp_file("empty.conll", b"");
    let out = castlist(&["tag", path.to_str().expect("utf-8 path")], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn tag_refuses_binary_input_clearly() {
    let out = castlist(
        &["tag", "--lang", "en"],
        b"Hello\n\x89PNG\r\n\x1a\n\0\0\0\rIHDR\n",
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("line 2: not UTF-8 text"),
        "{}",
        stderr(&out)
    );
    let out = castlist(&["tag", "--lang", "en"], b"Hello\nwor\0ld\n");
    assert!(
        stderr(&out).contains("line 2: contains a NUL byte"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tag_handles_a_20_mb_line_without_breaks() {
    let mut line = Vec::with_capacity(20 << 20);
    while line.len() < 20 << 20 {
        line.extend_from_slice("Grundstücksverkehrsgenehmigungszuständigkeit".as_bytes());
    }
    let path = temp_file("long.conll", &line);
    let out = castlist(
        &["tag", "--lang", "de", path.to_str().expect("utf-8 path")],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        out.stdout.len(),
        line.len() + 3,
        "the line, a tab, O and a newline"
    );
    assert!(out.stdout.ends_with(b"\tO\n"));
}

#[test]
fn tag_names_a_missing_file() {
    let out = castlist(&["tag", "/no/such/file.conll"], b"");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("/no/such/file.conll"),
        "{}",
        stderr(&out)
    );
}

const GOLD: &str = "#\thttp://x\t[2020-01-01]\n1\tWladimir\tB-PER\tO\n2\tPutin\tI-PER\tO\n\
                    3\tbesuchte\tO\tO\n4\tdie\tO\tO\n5\tTürkei\tB-LOC\tO\n6\t.\tO\tO\n\n";

#[test]
fn eval_prints_both_germeval_views() {
    let path = temp_file("gold.tsv", GOLD.as_bytes());
    let out = castlist(&["eval", path.to_str().expect("utf-8 path")], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("(germeval, 1 sentences, 6 tokens)"), "{text}");
    assert!(text.contains("base classes"), "{text}");
    assert!(text.contains("all classes"), "{text}");
    let overall = text
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("an overall line");
    assert!(
        overall.split_whitespace().nth(1) == Some("2"),
        "two gold names: {overall}"
    );
}

#[test]
fn eval_reports_bad_gold_files() {
    let path = temp_file("bad.tsv", b"#\tsrc\n1\tPutin\tB-PERSON\tO\n");
    let out = castlist(&["eval", path.to_str().expect("utf-8 path")], b"");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("line 2: unknown tag"),
        "{}",
        stderr(&out)
    );
    let binary = temp_file("bin.tsv", b"\xff\xfe\x00binary");
    let out = castlist(&["eval", binary.to_str().expect("utf-8 path")], b"");
    assert!(stderr(&out).contains("not UTF-8 text"), "{}", stderr(&out));
}

/// A folder with tiny word lists in the layout of assets/lexicons.
fn tiny_lexicons() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("castlist-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let files: [(&str, &str); 7] = [
        ("de_common_nouns.txt", "#lemma\nPräsident\nGespräch\n"),
        (
            "de_proper_nouns.tsv",
            "#lemma\twiktionary_class\nTürkei\tToponym\n",
        ),
        ("given_names.tsv", "#name\tgender\nWladimir\tM\n"),
        ("name_parts_cspell.txt", "#name_part\nPutin\n"),
        ("companies.txt", "#name\nGazprom\n"),
        (
            "cities.tsv",
            "#geonameid\tcc\tpop\tname_en\tname_de\talt_latin\n1\tRU\t12000000\tMoscow\tMoskau\t\n",
        ),
        (
            "admin1_de.tsv",
            "#geonames_admin1\tname_de\nRU.48\tMoskau\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("word list");
    }
    dir
}

#[test]
fn train_writes_the_same_model_twice_and_eval_and_tag_use_it() {
    let gold = temp_file("train.tsv", GOLD.as_bytes());
    let lexicons = tiny_lexicons();
    let mut models = Vec::new();
    for k in 0..2 {
        let out = temp_file(&format!("model{k}.bin"), b"");
        let args = [
            "train",
            "--lang",
            "de",
            gold.to_str().expect("path"),
            "--out",
            out.to_str().expect("path"),
            "--lexicons",
            lexicons.to_str().expect("path"),
            "--epochs",
            "3",
            "--bits",
            "14",
            "--seed",
            "5",
        ];
        let run = castlist(&args, b"");
        assert!(run.status.success(), "{}", stderr(&run));
        models.push(std::fs::read(&out).expect("the model file"));
    }
    assert!(models[0] == models[1], "same data and seed, same bytes");
    let model = temp_file("model0.bin", &models[0]);
    let model = model.to_str().expect("path");
    let eval = castlist(
        &["eval", "--model", model, gold.to_str().expect("path")],
        b"",
    );
    assert!(eval.status.success(), "{}", stderr(&eval));
    assert!(
        stdout(&eval).contains("100.00"),
        "learnt its one sentence: {}",
        stdout(&eval)
    );
    let tag = castlist(&["tag", "--model", model], "Wladimir\nPutin\n".as_bytes());
    assert_eq!(stdout(&tag), "Wladimir\tB-PER\nPutin\tI-PER\n");
    let missing = castlist(
        &[
            "train",
            "--lang",
            "de",
            gold.to_str().expect("path"),
            "--lexicons",
            "/nonexistent",
        ],
        b"",
    );
    assert!(
        stderr(&missing).contains("/nonexistent/"),
        "{}",
        stderr(&missing)
    );
}

//! The tokenizer's hard cases, each asserting the tokens a user of the tagger relies on.

use super::*;

fn de(text: &str) -> Vec<&str> {
    words(text, &Lang::De)
}

fn en(text: &str) -> Vec<&str> {
    words(text, &Lang::En)
}

fn words<'t>(text: &'t str, lang: &Lang) -> Vec<&'t str> {
    tokenize(text, lang).iter().map(|t| t.text(text)).collect()
}

fn kinds(text: &str, lang: &Lang) -> Vec<TokenKind> {
    tokenize(text, lang).iter().map(|t| t.kind).collect()
}

#[test]
fn german_quotes_split_off() {
    assert_eq!(
        de("Haftar habe „Gespräche mit Putin geführt“, teilte er mit."),
        [
            "Haftar",
            "habe",
            "„",
            "Gespräche",
            "mit",
            "Putin",
            "geführt",
            "“",
            ",",
            "teilte",
            "er",
            "mit",
            "."
        ]
    );
    assert_eq!(de("‚Wahre Finnen‘"), ["‚", "Wahre", "Finnen", "‘"]);
    assert_eq!(
        de("»Nein«, sagte sie."),
        ["»", "Nein", "«", ",", "sagte", "sie", "."]
    );
    assert_eq!(
        de("«Oui» und \"ja\""),
        ["«", "Oui", "»", "und", "\"", "ja", "\""]
    );
    assert_eq!(
        de("die 'gewählte' Regierung"),
        ["die", "'", "gewählte", "'", "Regierung"]
    );
}

#[test]
fn english_quotes_split_off() {
    assert_eq!(
        en("He said: “We won’t go.” Then 'no' came."),
        [
            "He", "said", ":", "“", "We", "wo", "n’t", "go", ".", "”", "Then", "'", "no", "'",
            "came", "."
        ]
    );
    assert_eq!(
        en("``Yes,'' she said"),
        ["``", "Yes", ",", "''", "she", "said"]
    );
}

#[test]
fn hyphenated_german_names_and_compounds_stay_whole() {
    assert_eq!(
        de("des UN-Sicherheitsrates"),
        ["des", "UN-Sicherheitsrates"]
    );
    assert_eq!(de("Yunus-Bek Jewkurow"), ["Yunus-Bek", "Jewkurow"]);
    assert_eq!(
        de("seine libysch-arabische Armee"),
        ["seine", "libysch-arabische", "Armee"]
    );
    assert_eq!(de("auf Wagner-Söldner,"), ["auf", "Wagner-Söldner", ","]);
    assert_eq!(de("die Facebook-Seite."), ["die", "Facebook-Seite", "."]);
}

#[test]
fn suspended_hyphen_stays_on_its_word() {
    assert_eq!(
        de("mit EU- und US-Sanktionen belegt"),
        ["mit", "EU-", "und", "US-Sanktionen", "belegt"]
    );
    assert_eq!(
        de("der EU-Wirtschafts- und Währungskommissar"),
        ["der", "EU-Wirtschafts-", "und", "Währungskommissar"]
    );
    assert_eq!(
        de("Landes-, Kreis- oder Bundesebene"),
        ["Landes-", ",", "Kreis-", "oder", "Bundesebene"]
    );
    // A dash between words is punctuation, not a suspended hyphen.
    assert_eq!(de("Mali - und"), ["Mali", "-", "und"]);
}

#[test]
fn english_hyphens_follow_the_web_treebank() {
    assert_eq!(
        en("a long-term, US-based e-mail"),
        ["a", "long", "-", "term", ",", "US", "-", "based", "e-mail"]
    );
    assert_eq!(en("non-Arab mid-July"), ["non-Arab", "mid-July"]);
    assert_eq!(en("pre- and post-war"), ["pre", "-", "and", "post-war"]);
}

#[test]
fn abbreviations_keep_their_full_stop() {
    assert_eq!(de("z. B. Libyen"), ["z.", "B.", "Libyen"]);
    assert_eq!(de("z.B. Libyen"), ["z.B.", "Libyen"]);
    assert_eq!(de("u. a. Russland"), ["u.", "a.", "Russland"]);
    assert_eq!(
        de("Dr. Müller und Prof. Schmidt"),
        ["Dr.", "Müller", "und", "Prof.", "Schmidt"]
    );
    assert_eq!(de("in St. Petersburg"), ["in", "St.", "Petersburg"]);
    assert_eq!(
        de("Äpfel, Birnen usw. und"),
        ["Äpfel", ",", "Birnen", "usw.", "und"]
    );
    assert_eq!(de("bzw. die Regierung"), ["bzw.", "die", "Regierung"]);
    assert_eq!(
        en("the U.S. and Mr. Smith"),
        ["the", "U.S.", "and", "Mr.", "Smith"]
    );
    assert_eq!(en("Apple Inc. said"), ["Apple", "Inc.", "said"]);
    assert_eq!(
        en("e.g. Japan, i.e. Tokyo"),
        ["e.g.", "Japan", ",", "i.e.", "Tokyo"]
    );
    assert_eq!(
        kinds("Dr. Müller", &Lang::De),
        [TokenKind::Abbrev, TokenKind::Word]
    );
}

#[test]
fn abbreviation_only_before_a_number() {
    assert_eq!(de("nach Art. 5 GG"), ["nach", "Art.", "5", "GG"]);
    assert_eq!(
        de("auf diese Art. Dann"),
        ["auf", "diese", "Art", ".", "Dann"]
    );
    assert_eq!(
        en("No. 5 is mine. Jan. 3 was not."),
        [
            "No.", "5", "is", "mine", ".", "Jan.", "3", "was", "not", "."
        ]
    );
    assert_eq!(en("I met Jan. Then"), ["I", "met", "Jan", ".", "Then"]);
}

#[test]
fn initials_keep_their_full_stop() {
    assert_eq!(de("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
    assert_eq!(en("George W. Bush"), ["George", "W.", "Bush"]);
    // A single letter at a sentence end is a word followed by a full stop.
    assert_eq!(de("Plan B. Die"), ["Plan", "B", ".", "Die"]);
    assert_eq!(en("vitamin C. The"), ["vitamin", "C", ".", "The"]);
}

#[test]
fn german_ordinals_and_dates_keep_their_full_stop() {
    assert_eq!(
        de("zuletzt am 17. September, als"),
        ["zuletzt", "am", "17.", "September", ",", "als"]
    );
    assert_eq!(de("der 2. Weltkrieg"), ["der", "2.", "Weltkrieg"]);
    assert_eq!(de("am 1. und 2. Mai"), ["am", "1.", "und", "2.", "Mai"]);
    assert_eq!(de("Wilhelm II. war"), ["Wilhelm", "II.", "war"]);
    assert_eq!(de("am 11.10.2014 und"), ["am", "11.10.2014", "und"]);
    assert_eq!(de("vom 11.10. bis"), ["vom", "11.10.", "bis"]);
    assert_eq!(kinds("am 17. September", &Lang::De)[1], TokenKind::Number);
}

#[test]
fn numbers_at_a_sentence_end_give_up_their_full_stop() {
    assert_eq!(de("seit 2019. Die"), ["seit", "2019", ".", "Die"]);
    assert_eq!(de("Es waren 2. Die"), ["Es", "waren", "2", ".", "Die"]);
    assert_eq!(de("im Jahr 2019."), ["im", "Jahr", "2019", "."]);
    assert_eq!(de("Platz 3.\nDanach"), ["Platz", "3", ".", "Danach"]);
    assert_eq!(de("Jahr 2019. „Wir"), ["Jahr", "2019", ".", "„", "Wir"]);
    assert_eq!(en("the 17. September"), ["the", "17", ".", "September"]);
}

#[test]
fn numbers_with_separators_stay_whole() {
    assert_eq!(
        de("1.000.000 Euro, 3,5 Prozent"),
        ["1.000.000", "Euro", ",", "3,5", "Prozent"]
    );
    assert_eq!(en("$1,000.50 or 20 %"), ["$", "1,000.50", "or", "20", "%"]);
    assert_eq!(
        de("20% und -5 Grad, +75"),
        ["20", "%", "und", "-5", "Grad", ",", "+75"]
    );
    assert_eq!(de("um 16:30 Uhr"), ["um", "16:30", "Uhr"]);
    assert_eq!(de("1965–1972"), ["1965–1972"]);
    assert_eq!(
        kinds("1.000.000 3,5", &Lang::De),
        [TokenKind::Number, TokenKind::Number]
    );
}

#[test]
fn english_apostrophes_and_possessives_split_like_the_treebank() {
    assert_eq!(en("Putin's war"), ["Putin", "'s", "war"]);
    assert_eq!(
        en("don't, can't, I'm, we've"),
        [
            "do", "n't", ",", "ca", "n't", ",", "I", "'m", ",", "we", "'ve"
        ]
    );
    assert_eq!(en("the Joneses' house"), ["the", "Joneses", "'", "house"]);
    assert_eq!(en("O'Brien's"), ["O'Brien", "'s"]);
    assert_eq!(en("the 1980's"), ["the", "1980's"]);
}

#[test]
fn german_apostrophes_stay_in_the_word() {
    assert_eq!(de("Haftars Treffen"), ["Haftars", "Treffen"]);
    assert_eq!(de("So geht's, gibt's"), ["So", "geht's", ",", "gibt's"]);
    assert_eq!(de("Hagens' Buch"), ["Hagens'", "Buch"]);
    assert_eq!(de("die Côte d'Azur"), ["die", "Côte", "d'Azur"]);
}

#[test]
fn urls_and_email_addresses_are_one_token() {
    let t = "Siehe https://www.tagesschau.de/ausland/libyen-101.html. Oder www.heise.de/tp, mail an info@example.org.";
    assert_eq!(
        de(t),
        [
            "Siehe",
            "https://www.tagesschau.de/ausland/libyen-101.html",
            ".",
            "Oder",
            "www.heise.de/tp",
            ",",
            "mail",
            "an",
            "info@example.org",
            "."
        ]
    );
    let k = kinds(t, &Lang::De);
    assert_eq!(k[1], TokenKind::Url);
    assert_eq!(k[8], TokenKind::Email);
    assert_eq!(
        en("(see http://en.wikipedia.org/wiki/Mali_(country))"),
        [
            "(",
            "see",
            "http://en.wikipedia.org/wiki/Mali_(country)",
            ")"
        ]
    );
    assert_eq!(
        en("<carol.st.clair@enron.com>"),
        ["<", "carol.st.clair@enron.com", ">"]
    );
    assert_eq!(
        de("bei tagesschau.de oder Web.de."),
        ["bei", "tagesschau.de", "oder", "Web.de", "."]
    );
}

#[test]
fn stray_space_before_a_full_stop() {
    assert_eq!(
        de("Tausende weitere vermisste .\n\nHaftars"),
        ["Tausende", "weitere", "vermisste", ".", "Haftars"]
    );
    assert_eq!(de("vermisste . Haftars"), ["vermisste", ".", "Haftars"]);
}

#[test]
fn missing_space_after_a_full_stop() {
    assert_eq!(
        de("am Ende.Die Regierung"),
        ["am", "Ende", ".", "Die", "Regierung"]
    );
    assert_eq!(
        de("Ver.di und ProSiebenSat.1"),
        ["Ver.di", "und", "ProSiebenSat.1"]
    );
}

#[test]
fn ellipses_dashes_and_brackets() {
    assert_eq!(de("Und dann… nichts"), ["Und", "dann", "…", "nichts"]);
    assert_eq!(de("Und dann... nichts"), ["Und", "dann", "...", "nichts"]);
    assert_eq!(de("usw... nichts"), ["usw", "...", "nichts"]);
    assert_eq!(de("Mali – und — die"), ["Mali", "–", "und", "—", "die"]);
    assert_eq!(en("word--word"), ["word", "--", "word"]);
    assert_eq!(
        de("(AFP) [1] {x}"),
        ["(", "AFP", ")", "[", "1", "]", "{", "x", "}"]
    );
    assert_eq!(de("Wirklich?! Ja!!!"), ["Wirklich", "?!", "Ja", "!!!"]);
}

#[test]
fn slashes_depend_on_the_language() {
    assert_eq!(
        de("Münster/Osnabrück mit 50 km/h"),
        ["Münster/Osnabrück", "mit", "50", "km/h"]
    );
    assert_eq!(en("his/her 9/30/01"), ["his", "/", "her", "9/30/01"]);
}

#[test]
fn german_specials() {
    assert_eq!(
        de("Bürger:innen und Lehrer"),
        ["Bürger:innen", "und", "Lehrer"]
    );
    assert_eq!(de("Dipl.-Ing. Meier"), ["Dipl.-Ing.", "Meier"]);
    assert_eq!(de("U.S.-Präsident"), ["U.S.-Präsident"]);
    assert_eq!(de("AT&T und @Paul"), ["AT&T", "und", "@Paul"]);
}

#[test]
fn spans_are_exact_and_absolute() {
    let text = "Intro.\n\nDer „UN-Sicherheitsrat“ tagt.";
    let start = text.find("Der").unwrap_or(0);
    let mut out = Vec::new();
    tokenize_span(text, Span::new(start, text.len()), &Lang::De, &mut out);
    let got: Vec<&str> = out.iter().map(|t| t.text(text)).collect();
    assert_eq!(got, ["Der", "„", "UN-Sicherheitsrat", "“", "tagt", "."]);
    assert_eq!(out[0].span, Span::new(start, start + 3));
    // The part's end is the end of the text: no look beyond it.
    let mut out = Vec::new();
    tokenize_span("am 17. September", Span::new(0, 6), &Lang::De, &mut out);
    assert_eq!(out.len(), 3, "{out:?}");
}

#[test]
fn odd_characters_never_break_spans() {
    let text = "a\u{0308}b \u{00AD}x\u{200B}y 😀👍🏽 \u{FEFF}Ende\u{0007}.";
    let tokens = tokenize(text, &Lang::De);
    let got: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert_eq!(
        got,
        [
            "a\u{0308}b",
            "\u{00AD}x",
            "y",
            "😀",
            "👍",
            "🏽",
            "Ende",
            "."
        ]
    );
}

#[test]
fn empty_and_blank_texts_have_no_tokens() {
    assert!(tokenize("", &Lang::De).is_empty());
    assert!(tokenize(" \n\t\u{00A0}\n", &Lang::En).is_empty());
}

/// Sentences of a corpus file with their running text: (text, gold tokens).
fn ewt_sentences(path: &str) -> Vec<(String, Vec<String>)> {
    let file = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut text = None;
    let mut tokens = Vec::new();
    for line in file.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
        } else if line.starts_with('#') {
        } else if line.is_empty() {
            if let Some(t) = text.take() {
                out.push((t, std::mem::take(&mut tokens)));
            }
            tokens.clear();
        } else if let Some(tok) = line.split('\t').nth(1) {
            tokens.push(tok.to_string());
        }
    }
    out
}

/// The EWT dev split gives each sentence's running text (`# text`): the tokenizer must cut it as
/// the treebank does. What differs is mostly the treebank's own repairs of typos ("alot" →
/// "a" "lot") and obfuscated addresses.
#[test]
fn english_tokens_match_the_web_treebank() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/corpora/uner-ewt-dev.iob2"
    );
    let sentences = ewt_sentences(path);
    assert!(sentences.len() > 1900, "{} sentences", sentences.len());
    let mut misses = Vec::new();
    for (text, gold) in &sentences {
        let got = en(text);
        if got != *gold {
            misses.push(format!("gold {gold:?}\n got {got:?}"));
        }
    }
    let share = 1.0 - misses.len() as f64 / sentences.len() as f64;
    assert!(
        share >= 0.96,
        "{share:.4} of EWT sentences tokenized as the gold; first differences:\n{}",
        misses[..misses.len().min(15)].join("\n")
    );
}

/// GermEval sentences as token lists.
fn germeval_sentences(path: &str) -> Vec<Vec<String>> {
    let file = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    for line in file.lines() {
        if line.starts_with('#') {
        } else if line.is_empty() {
            if !tokens.is_empty() {
                out.push(std::mem::take(&mut tokens));
            }
        } else if let Some(tok) = line.split('\t').nth(1) {
            tokens.push(tok.to_string());
        }
    }
    out
}

/// GermEval mostly writes some abbreviations apart from their full stop ("Dr" ".", "St" ".",
/// "Mio" "."), where this tokenizer keeps them together as it does "bzw." and "z.", which
/// GermEval keeps too: joins them so that the comparison counts real differences only.
fn glue_title_abbreviations(tokens: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for tok in tokens {
        let glue = tok == "."
            && out.last().is_some_and(|prev| {
                matches!(
                    prev.as_str(),
                    "Dr" | "St"
                        | "Mio"
                        | "Mrd"
                        | "Chr"
                        | "Prof"
                        | "sog"
                        | "Abs"
                        | "v"
                        | "n"
                        | "vgl"
                        | "ggf"
                        | "ca"
                )
            });
        match out.last_mut() {
            Some(prev) if glue => prev.push('.'),
            _ => out.push(tok.clone()),
        }
    }
    out
}

/// Running text for GermEval tokens as a German news text would write them: no space before
/// closing punctuation, none after opening quotes and brackets.
fn detokenize(tokens: &[String]) -> String {
    let mut text = String::new();
    let mut open = [false; 3]; // " » «
    let mut glue_next = false;
    for tok in tokens {
        let t = tok.as_str();
        let slot = match t {
            "\"" => Some(0),
            "»" => Some(1),
            "«" => Some(2),
            _ => None,
        };
        let (opening, closing) = match (t, slot) {
            (_, Some(k)) => {
                open[k] = !open[k];
                (open[k], !open[k])
            }
            ("„" | "(" | "[", _) => (true, false),
            ("“" | ")" | "]" | "," | "." | ";" | ":" | "!" | "?" | "..." | "…", _) => {
                (false, true)
            }
            _ => (false, false),
        };
        if !text.is_empty() && !closing && !glue_next {
            text.push(' ');
        }
        text.push_str(t);
        glue_next = opening;
    }
    text
}

/// GermEval gives tokens only: joined by spaces they must come back unchanged (nothing is
/// split that GermEval keeps whole), and written as running text ("Putin, der „Kreml“ und")
/// they must come back too (punctuation and quotes are split off). What differs is mostly
/// GermEval's own noise (".Die", "*Seit", a sentence-final "1939." kept whole) and "20%",
/// which this tokenizer splits as GermEval does "20 %".
#[test]
fn german_tokens_match_germeval() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/corpora/germeval2014-dev.tsv"
    );
    let sentences = germeval_sentences(path);
    assert!(sentences.len() > 2000, "{} sentences", sentences.len());
    let (mut spaced, mut running) = (Vec::new(), Vec::new());
    for gold in &sentences {
        let text = gold.join(" ");
        let got = de(&text);
        if got != *gold {
            spaced.push(format!("gold {gold:?}\n got {got:?}"));
        }
        let gold = glue_title_abbreviations(gold);
        let text = detokenize(&gold);
        let got = de(&text);
        if got != gold {
            running.push(format!("gold {gold:?}\n got {got:?}"));
        }
    }
    for (what, misses, floor) in [("spaced", spaced, 0.965), ("running", running, 0.955)] {
        let share = 1.0 - misses.len() as f64 / sentences.len() as f64;
        assert!(
            share >= floor,
            "{share:.4} of GermEval sentences as {what} text tokenized as the gold; first differences:\n{}",
            misses[..misses.len().min(15)].join("\n")
        );
    }
}

/// Checks what every tokenization must satisfy: tokens are non-empty, in order, apart, on
/// character boundaries, and together with white space they cover the text; sentences cover the
/// tokens in order.
fn assert_invariants(text: &str, lang: &Lang) {
    let tokens = tokenize(text, lang);
    let mut covered = 0;
    for t in &tokens {
        assert!(!t.span.is_empty(), "empty token in {text:?}");
        assert!(t.span.start() >= covered, "overlap in {text:?}: {tokens:?}");
        assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
        let gap = &text[covered..t.span.start()];
        assert!(
            gap.chars().all(chars::is_space),
            "{gap:?} skipped in {text:?}"
        );
        assert!(
            !t.text(text)
                .chars()
                .any(|c| chars::is_space(c) && c != '\u{FE0F}'),
            "{t:?} in {text:?}"
        );
        covered = t.span.end();
    }
    assert!(
        text[covered..].chars().all(chars::is_space),
        "tail skipped in {text:?}"
    );
    let ranges = sentences(text, &tokens, lang);
    let mut next = 0;
    for r in &ranges {
        assert_eq!(r.start, next, "{text:?}: {ranges:?}");
        assert!(r.end > r.start, "{text:?}: {ranges:?}");
        next = r.end;
    }
    assert_eq!(next, tokens.len(), "{text:?}");
}

#[test]
fn edge_texts_keep_the_invariants() {
    for text in [
        "",
        "a",
        "…",
        "Ende.",
        "„“",
        "\n\n\n",
        "1. 2. 3.",
        "A. B. C. D.",
        "-",
        "'",
        "''",
        "@",
    ] {
        assert_invariants(text, &Lang::De);
        assert_invariants(text, &Lang::En);
    }
}

proptest::proptest! {
    #[test]
    fn any_text_tokenizes_into_exact_spans(
        text in "[a-zA-ZäÖß0-9 .,;:!?'’‚‘„“\"«»()\\[\\]/@&%°+\\-–—…\n\u{00A0}\u{0308}\u{200B}\u{00AD}😀]{0,80}"
    ) {
        assert_invariants(&text, &Lang::De);
        assert_invariants(&text, &Lang::En);
    }

    #[test]
    fn any_words_tokenize_into_exact_spans(
        words in proptest::collection::vec(
            "(z|B|Dr|St|U\\.S|17|2019|www\\.x\\.de|a@b\\.org|http://x\\.org/\\(a\\)|EU-|don't|Putin's|geht's)[.,!?\"“„']{0,2}",
            0..12,
        )
    ) {
        let text = words.join(" ");
        assert_invariants(&text, &Lang::De);
        assert_invariants(&text, &Lang::En);
    }
}

/// A 20 MB text without a single line break is tokenized and split like the paragraph it
/// repeats: no quadratic step, no recursion, no stack overflow.
#[test]
fn twenty_megabytes_without_line_breaks() {
    let paragraph = "Haftar habe „Gespräche mit dem russischen Präsidenten Wladimir Putin geführt“, teilte \
                     seine libysch-arabische Armee am 17. September mit, z. B. auf www.facebook.com/lna. ";
    let tokens = tokenize(paragraph, &Lang::De);
    let per_paragraph = tokens.len();
    let sentences_per = sentences(paragraph, &tokens, &Lang::De).len();
    let reps = 20_000_000 / paragraph.len();
    let text = paragraph.repeat(reps);
    let all = tokenize(&text, &Lang::De);
    assert_eq!(all.len(), per_paragraph * reps);
    let last = &all[all.len() - per_paragraph..];
    let offset = text.len() - paragraph.len();
    for (a, b) in last.iter().zip(&tokens) {
        assert_eq!(a.span.start(), b.span.start() + offset);
        assert_eq!(a.kind, b.kind);
    }
    assert_eq!(
        sentences(&text, &all, &Lang::De).len(),
        sentences_per * reps
    );
}

/// Degenerate texts that would expose a quadratic step at once (1 MB each: at this size a
/// quadratic scan takes hours): one long word, hyphenated, with apostrophes and inner stops; a
/// run of full stops; abbreviation-like and e-mail-like chains; ordinals without end.
#[test]
fn degenerate_long_inputs_stay_linear() {
    const N: usize = 1_000_000;
    let cases: [(&str, usize); 8] = [
        ("a", 1),
        ("a-", 1),
        ("a'", 1),
        ("a.", 1),
        (".", 1),
        ("x@", 2),
        ("(", N),
        ("1. ", 2 * N / 3),
    ];
    for (unit, expected) in cases {
        let text = unit.repeat(N / unit.len());
        let tokens = tokenize(&text, &Lang::De);
        assert_eq!(tokens.len(), expected, "{unit:?} repeated");
        assert_eq!(sentences(&text, &tokens, &Lang::De).len().min(1), 1);
        tokenize(&text, &Lang::En);
    }
}

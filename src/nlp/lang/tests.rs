//! Language identification on the sample articles, on short snippets in other languages, and
//! on the hard cases: headlines with one paragraph, texts full of names, mixed texts.

use super::*;

fn code(text: &str) -> String {
    detect(text).lang.code().to_string()
}

fn articles(lang: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/articles")
        .join(lang);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), text)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no articles in {}", dir.display());
    out
}

/// The headline and the first paragraph of an article.
fn lead(text: &str) -> &str {
    let mut blank_lines = text.match_indices("\n\n");
    let _headline_end = blank_lines.next();
    blank_lines.next().map_or(text, |(i, _)| &text[..i])
}

#[test]
fn sample_articles_are_german_or_english() {
    let sample = include_str!("../../../assets/articles/afp-haftar-trifft-putin.txt");
    let mut cases = vec![("assets".to_string(), sample.to_string(), Lang::De)];
    cases.extend(articles("de").into_iter().map(|(p, t)| (p, t, Lang::De)));
    cases.extend(articles("en").into_iter().map(|(p, t)| (p, t, Lang::En)));
    for (path, text, lang) in cases {
        let whole = detect(&text);
        assert_eq!(whole.lang, lang, "{path}");
        assert!(whole.confidence > 0.6, "{path}: {whole:?}");
        assert!(whole.has_model());
        let short = detect(lead(&text));
        assert_eq!(
            short.lang,
            lang,
            "{path}, headline and first paragraph: {:?}",
            lead(&text)
        );
        assert!(short.confidence > 0.3, "{path}: {short:?}");
    }
}

#[test]
fn names_do_not_sway_the_decision() {
    assert_eq!(
        code(
            "Wladimir Putin, Khalifa Haftar, Sergej Schoigu, Dmitri Peskow und Yunus-Bek Jewkurow trafen sich in Moskau."
        ),
        "de"
    );
    assert_eq!(
        code(
            "Angela Merkel, Olaf Scholz, Friedrich Merz and Frank-Walter Steinmeier met in Berlin on Tuesday."
        ),
        "en"
    );
    assert_eq!(
        code("Jean-Luc Mélenchon, François Hollande und Ségolène Royal kamen nach Straßburg."),
        "de"
    );
}

#[test]
fn mixed_texts_go_by_the_majority() {
    let german = "Der Kreml bestätigte das Treffen am Donnerstag. Peskow sagte, man habe über die Lage in \
                  Libyen gesprochen. In einer Erklärung hieß es: \"We discussed the situation in the region.\" \
                  Weitere Einzelheiten wurden nicht genannt, die Gespräche sollen aber fortgesetzt werden.";
    assert_eq!(code(german), "de");
    let english = "The Kremlin confirmed the meeting on Thursday. A spokesman said they had discussed the \
                   situation in Libya. Haftar wrote: \"Wir haben über die Lage gesprochen.\" No further details \
                   were given, but the talks are expected to continue next week.";
    assert_eq!(code(english), "en");
}

#[test]
fn other_latin_languages_are_named_not_mistaken() {
    let snippets = [
        (
            "fr",
            "Le président français a rencontré mardi à Paris les représentants des syndicats. Selon le gouvernement, les discussions sur la réforme des retraites vont continuer la semaine prochaine.",
        ),
        (
            "es",
            "El presidente del Gobierno se reunió el martes en Madrid con los líderes de la oposición. Según fuentes oficiales, las conversaciones sobre el presupuesto continuarán la próxima semana.",
        ),
        (
            "it",
            "Il presidente del Consiglio ha incontrato martedì a Roma i rappresentanti dei sindacati. Secondo il governo, le trattative sulla riforma delle pensioni continueranno la prossima settimana.",
        ),
        (
            "nl",
            "De minister-president heeft dinsdag in Den Haag met de vakbonden gesproken. Volgens de regering worden de gesprekken over de hervorming van de pensioenen volgende week voortgezet.",
        ),
        (
            "pt",
            "O presidente reuniu-se na terça-feira em Lisboa com os representantes dos sindicatos. Segundo o governo, as negociações sobre a reforma das pensões vão continuar na próxima semana.",
        ),
        (
            "pl",
            "Premier spotkał się we wtorek w Warszawie z przedstawicielami związków zawodowych. Według rządu rozmowy na temat reformy emerytalnej będą kontynuowane w przyszłym tygodniu.",
        ),
        (
            "tr",
            "Cumhurbaşkanı salı günü Ankara'da sendika temsilcileriyle bir araya geldi. Hükümete göre emeklilik reformu ile ilgili görüşmeler gelecek hafta devam edecek.",
        ),
        (
            "sv",
            "Statsministern träffade på tisdagen företrädare för fackförbunden i Stockholm. Enligt regeringen kommer samtalen om pensionsreformen att fortsätta nästa vecka.",
        ),
        (
            "da",
            "Statsministeren mødtes tirsdag i København med repræsentanter for fagforeningerne. Ifølge regeringen vil forhandlingerne om pensionsreformen fortsætte i næste uge.",
        ),
        (
            "fi",
            "Pääministeri tapasi tiistaina Helsingissä ammattiliittojen edustajia, ja hallituksen mukaan neuvottelut jatkuvat ensi viikolla. Uudistus on ollut kiistanalainen, mutta se on nyt valmis.",
        ),
        (
            "cs",
            "Premiér se v úterý v Praze setkal se zástupci odborů. Podle vlády budou jednání o důchodové reformě pokračovat příští týden.",
        ),
        (
            "ro",
            "Premierul s-a întâlnit marți la București cu reprezentanții sindicatelor. Potrivit guvernului, discuțiile despre reforma pensiilor vor continua săptămâna viitoare.",
        ),
        (
            "hu",
            "A miniszterelnök kedden Budapesten találkozott a szakszervezetek képviselőivel. A kormány szerint a nyugdíjreformról szóló tárgyalások a jövő héten folytatódnak.",
        ),
    ];
    for (want, text) in snippets {
        let d = detect(text);
        assert_eq!(d.lang.code(), want, "{text}");
        assert!(!d.has_model(), "{text}");
        assert!(d.confidence > 0.2, "{want}: {d:?}");
    }
}

#[test]
fn other_scripts_are_named() {
    let snippets = [
        (
            "ru",
            "Президент России Владимир Путин провёл в четверг в Москве переговоры с Халифой Хафтаром.",
        ),
        (
            "uk",
            "Президент України провів у четвер у Києві зустріч з представниками профспілок, які підтримують реформу.",
        ),
        (
            "el",
            "Ο πρωθυπουργός συναντήθηκε την Τρίτη στην Αθήνα με εκπροσώπους των συνδικάτων.",
        ),
        ("ar", "التقى الرئيس يوم الثلاثاء في القاهرة ممثلي النقابات."),
        (
            "zh",
            "俄罗斯总统普京周四在莫斯科会见了利比亚东部军事领导人哈夫塔尔。",
        ),
        (
            "ja",
            "ロシアのプーチン大統領は木曜日、モスクワでハフタル司令官と会談した。",
        ),
        (
            "ko",
            "블라디미르 푸틴 러시아 대통령은 목요일 모스크바에서 하프타르 사령관과 회담했다.",
        ),
    ];
    for (want, text) in snippets {
        let d = detect(text);
        assert_eq!(d.lang.code(), want, "{text}");
        assert!(d.confidence > 0.5, "{want}: {d:?}");
    }
}

#[test]
fn languages_have_names_for_the_notice() {
    assert_eq!(language_name("fr"), Some("French"));
    assert_eq!(language_name("ja"), Some("Japanese"));
    assert_eq!(language_name("de"), Some("German"));
    assert_eq!(language_name("xx"), None);
}

#[test]
fn no_evidence_means_undetermined() {
    for text in ["", "   ", "12.000 – 3,5 % !!!", "😀😀"] {
        let d = detect(text);
        assert_eq!(d.lang, Lang::unknown(), "{text:?}");
        assert_eq!(d.confidence, 0.0);
    }
    // Names, and words shared by the leading languages, tell nothing apart.
    for text in [
        "Wladimir Putin Khalifa Haftar",
        "Putin in Moskau",
        "Haftar in Moscow",
    ] {
        assert_eq!(detect(text).lang, Lang::unknown(), "{text:?}");
    }
    // One telling word decides, with little confidence.
    let d = detect("Der Kreml");
    assert_eq!(d.lang, Lang::De);
    assert!(d.confidence < 0.3, "{d:?}");
}

#[test]
fn long_texts_are_sampled_and_still_recognised() {
    let paragraph = "Der östliche Machthaber, der am Dienstag in Moskau eingetroffen war, hatte bereits \
                     Gespräche mit dem stellvertretenden Verteidigungsminister geführt. ";
    let text = paragraph.repeat(20_000_000 / paragraph.len());
    let d = detect(&text);
    assert_eq!(d.lang, Lang::De);
    assert!(d.confidence > 0.9, "{d:?}");
}

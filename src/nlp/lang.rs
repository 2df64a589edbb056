//! Language identification per document: German, English, or which other language it is, so the
//! app can say that no model ships for it and still open the article.
//!
//! Latin-script texts are told apart by their function words (articles, prepositions,
//! conjunctions: a few dozen per language), with characteristic letters (ß, ñ, ł, ğ, ø…) as a
//! light second signal. Function words ignore names, so texts full of foreign names are judged
//! by their grammar, and mixed texts by their majority. Other scripts are recognised by their
//! letters (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Han, kana, Hangul). Long texts
//! are sampled in evenly spaced windows: time does not grow beyond a fixed bound.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::document::Lang;

/// The detected language and how sure the detection is.
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// `Lang::De`, `Lang::En`, `Lang::Other(code)` with an ISO 639-1 code, or `und` when the
    /// text holds no evidence at all (only names, numbers or symbols).
    pub lang: Lang,
    /// In [0, 1]: 0 for no evidence, near 1 for a clear majority over enough words.
    pub confidence: f32,
}

impl Detection {
    /// True when a model ships for the language.
    pub fn has_model(&self) -> bool {
        matches!(self.lang, Lang::De | Lang::En)
    }
}

/// What to tell the user about a text whose language has no built-in model (`None` for German
/// and English): the language by name where known, and that no names are marked.
pub fn no_model_notice(lang: &Lang) -> Option<String> {
    let Lang::Other(code) = lang else {
        return None;
    };
    let what = match language_name(code) {
        Some(name) => format!("the text looks like {name}"),
        None if code == "und" => "the language could not be recognised".to_string(),
        None => format!("the text looks like language \"{code}\""),
    };
    Some(format!(
        "{what}: castlist ships models for German and English only, so no names are marked \
         (--lang de or --lang en to try one)"
    ))
}

/// The English name of a language this module can detect, for notices such as "no model ships
/// for French".
pub fn language_name(code: &str) -> Option<&'static str> {
    LATIN
        .iter()
        .map(|l| (l.code, l.name))
        .chain(SCRIPT_NAMES.iter().copied())
        .find(|(c, _)| *c == code)
        .map(|(_, name)| name)
}

/// Detects the language of `text`.
pub fn detect(text: &str) -> Detection {
    let mut counts = Counts::default();
    for window in sample(text) {
        counts.add(window);
    }
    counts.decide()
}

/// Texts up to this size are read whole; longer ones in `WINDOWS` windows of `WINDOW` bytes.
const READ_WHOLE: usize = 256 * 1024;
const WINDOWS: usize = 32;
const WINDOW: usize = 8 * 1024;

/// The parts of the text to read: all of it, or evenly spaced windows cut at character
/// boundaries.
fn sample(text: &str) -> Vec<&str> {
    if text.len() <= READ_WHOLE {
        return vec![text];
    }
    let step = text.len() / WINDOWS;
    (0..WINDOWS)
        .map(|k| {
            let start = floor_boundary(text, k * step);
            let end = floor_boundary(text, (k * step + WINDOW).min(text.len()));
            &text[start..end]
        })
        .collect()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A Latin-script language: its code, name, function words and characteristic letters.
struct Latin {
    code: &'static str,
    name: &'static str,
    words: &'static [&'static str],
    letters: &'static str,
}

/// The order matters for ties: German and English first.
const LATIN: &[Latin] = &[
    Latin {
        code: "de",
        name: "German",
        words: &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den",
            "des", "mit", "von", "zu", "auf", "für", "sich", "auch", "es", "im", "als", "wie",
            "bei", "wird", "wurde", "sind", "noch", "nach", "aus", "werden", "hat", "haben",
            "oder", "aber", "nur", "dass", "über", "vor", "seine", "ihre", "einer", "eines", "er",
            "sie", "wir", "ich", "man", "kann", "soll", "schon", "sehr", "zum", "zur", "vom",
            "diese", "dieser", "durch", "gegen", "unter", "um", "bis", "habe", "seit", "war",
            "mehr", "wenn", "in", "an", "am", "sei", "hatte", "wurden", "beim",
        ],
        letters: "ßäöü",
    },
    Latin {
        code: "en",
        name: "English",
        words: &[
            "the", "and", "of", "to", "is", "was", "for", "that", "with", "on", "are", "be", "by",
            "this", "it", "as", "at", "from", "have", "has", "had", "were", "which", "an", "not",
            "but", "or", "their", "his", "they", "he", "she", "its", "been", "will", "would",
            "who", "what", "about", "there", "after", "than", "more", "also", "into", "when",
            "can", "said", "in", "a", "we", "our", "you", "i", "out", "up", "over", "could",
            "should", "these", "those", "how", "may",
        ],
        letters: "",
    },
    Latin {
        code: "fr",
        name: "French",
        words: &[
            "le", "la", "les", "des", "est", "une", "pour", "pas", "que", "qui", "dans", "du",
            "au", "aux", "sur", "avec", "ce", "cette", "il", "elle", "ils", "sont", "ont", "été",
            "être", "par", "plus", "ne", "se", "son", "sa", "ses", "leur", "mais", "ou", "comme",
            "nous", "vous", "lui", "fait", "était", "et", "un", "de", "en", "à", "l", "d", "qu",
            "c", "n", "s", "selon", "après",
        ],
        letters: "çèêàùëœ",
    },
    Latin {
        code: "es",
        name: "Spanish",
        words: &[
            "el", "los", "las", "del", "que", "una", "por", "para", "con", "está", "son", "como",
            "más", "pero", "sus", "su", "fue", "ha", "han", "este", "esta", "ese", "entre",
            "también", "sobre", "cuando", "sin", "muy", "hay", "ya", "todo", "desde", "al", "lo",
            "le", "se", "no", "es", "en", "un", "y", "la", "de", "según", "tras", "ante",
            "durante",
        ],
        letters: "ñ¿¡áíóú",
    },
    Latin {
        code: "it",
        name: "Italian",
        words: &[
            "il", "lo", "gli", "della", "delle", "dei", "che", "non", "per", "una", "sono", "con",
            "come", "più", "anche", "nel", "nella", "alla", "del", "ma", "ha", "hanno", "è", "era",
            "questo", "questa", "essere", "stato", "tra", "dopo", "molto", "già", "sua", "suo",
            "loro", "di", "un", "la", "e", "in", "da", "al", "si", "degli", "dal", "dalla", "sul",
            "ad", "le", "i",
        ],
        letters: "ìòàè",
    },
    Latin {
        code: "nl",
        name: "Dutch",
        words: &[
            "het", "een", "van", "en", "is", "niet", "zijn", "dat", "op", "met", "voor", "ook",
            "aan", "bij", "door", "als", "maar", "nog", "wordt", "werd", "er", "hij", "zij", "ze",
            "naar", "uit", "dan", "deze", "dit", "wel", "heeft", "hebben", "over", "tot", "de",
            "in", "te", "om", "die", "worden", "zou", "geen", "volgens", "tegen",
        ],
        letters: "",
    },
    Latin {
        code: "pt",
        name: "Portuguese",
        words: &[
            "os", "as", "uma", "um", "não", "para", "com", "por", "mais", "como", "mas", "foi",
            "são", "está", "ao", "aos", "da", "do", "das", "dos", "na", "no", "nas", "nos", "em",
            "que", "se", "também", "pelo", "pela", "seu", "sua", "seus", "ele", "ela", "isso",
            "já", "de", "e", "o", "a", "segundo", "após", "entre", "sobre",
        ],
        letters: "ãõçáâêô",
    },
    Latin {
        code: "pl",
        name: "Polish",
        words: &[
            "i", "w", "na", "nie", "się", "z", "do", "to", "że", "jest", "jak", "o", "są", "od",
            "za", "po", "ale", "jego", "co", "czy", "tak", "już", "tylko", "przez", "dla", "był",
            "była", "było", "oraz", "jako", "który", "która", "które", "ze", "we", "jej", "ich",
            "został", "według",
        ],
        letters: "łąęśźżćń",
    },
    Latin {
        code: "tr",
        name: "Turkish",
        words: &[
            "ve",
            "bir",
            "bu",
            "da",
            "de",
            "için",
            "ile",
            "olarak",
            "çok",
            "daha",
            "olan",
            "gibi",
            "ama",
            "ne",
            "kadar",
            "sonra",
            "ki",
            "var",
            "değil",
            "her",
            "şu",
            "tarafından",
            "ise",
            "olduğu",
            "en",
            "göre",
            "ilk",
            "yeni",
            "iki",
        ],
        letters: "ğışçöü",
    },
    Latin {
        code: "sv",
        name: "Swedish",
        words: &[
            "och", "att", "det", "som", "är", "av", "för", "med", "till", "den", "har", "inte",
            "om", "ett", "jag", "men", "var", "sig", "från", "han", "hon", "vi", "så", "kan",
            "eller", "när", "också", "efter", "på", "en", "de", "i", "enligt", "mot",
        ],
        letters: "åäö",
    },
    Latin {
        code: "da",
        name: "Danish",
        words: &[
            "og", "at", "det", "som", "er", "af", "for", "med", "til", "den", "har", "ikke", "om",
            "et", "jeg", "men", "var", "sig", "fra", "han", "hun", "vi", "så", "kan", "eller",
            "når", "også", "efter", "på", "en", "de", "i", "ifølge", "mod", "blev",
        ],
        letters: "æøå",
    },
    Latin {
        code: "fi",
        name: "Finnish",
        words: &[
            "ja", "on", "ei", "että", "se", "oli", "ovat", "mutta", "kun", "myös", "tai", "jos",
            "hän", "ne", "joka", "kanssa", "sekä", "vain", "mukaan", "jo", "nyt", "sen", "tämä",
            "olla",
        ],
        letters: "äö",
    },
    Latin {
        code: "cs",
        name: "Czech",
        words: &[
            "a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "o", "jako", "by", "ale",
            "jsou", "byl", "také", "jeho", "pro", "podle", "který", "která", "které", "není", "ve",
            "za", "po", "od", "bylo",
        ],
        letters: "ěřůčšžý",
    },
    Latin {
        code: "ro",
        name: "Romanian",
        words: &[
            "și", "în", "de", "la", "cu", "pe", "care", "este", "nu", "să", "din", "pentru", "mai",
            "sunt", "fost", "au", "o", "un", "ca", "dar", "a", "al", "ale", "lui", "sau", "după",
            "potrivit",
        ],
        letters: "șțăîâ",
    },
    Latin {
        code: "hu",
        name: "Hungarian",
        words: &[
            "a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "de", "volt", "csak", "már",
            "mint", "el", "ki", "pedig", "után", "között", "szerint", "vagy", "ez", "azt",
        ],
        letters: "őűáé",
    },
];

/// Names of the languages recognised by script.
const SCRIPT_NAMES: &[(&str, &str)] = &[
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("bg", "Bulgarian"),
    ("el", "Greek"),
    ("ar", "Arabic"),
    ("fa", "Persian"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("th", "Thai"),
    ("zh", "Chinese"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
];

/// Function word → the set of Latin languages (bit `k` for `LATIN[k]`) that use it.
static WORDS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u32> = HashMap::new();
    for (k, lang) in LATIN.iter().enumerate() {
        for w in lang.words {
            *map.entry(w).or_default() |= 1 << k;
        }
    }
    map
});

/// Characteristic letters count this much each, up to `LETTER_CAP` per language: enough to
/// decide a short snippet, too little to outweigh function words in a long text.
const LETTER_WEIGHT: f32 = 0.25;
const LETTER_CAP: f32 = 3.0;

/// Scripts other than Latin, by their letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    Han,
    Kana,
    Hangul,
}

const SCRIPTS: usize = 10;

fn script_of(c: char) -> Option<Script> {
    use Script::*;
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Latin,
        '\u{0400}'..='\u{04FF}' => Cyrillic,
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => Greek,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Arabic,
        '\u{0590}'..='\u{05FF}' => Hebrew,
        '\u{0900}'..='\u{097F}' => Devanagari,
        '\u{0E00}'..='\u{0E7F}' => Thai,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' => Han,
        '\u{3040}'..='\u{30FF}' => Kana,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => Hangul,
        _ => return None,
    })
}

/// What the reading found.
#[derive(Default)]
struct Counts {
    /// Letters per script.
    scripts: [usize; SCRIPTS],
    /// Function-word score per Latin language.
    words: [f32; 16],
    /// Characteristic-letter score per Latin language.
    letters: [f32; 16],
    /// Letters telling Cyrillic and Arabic languages apart: Ukrainian і ї є ґ, Russian ы э,
    /// Bulgarian ъ, Persian پ چ ژ گ.
    ukrainian: usize,
    russian: usize,
    bulgarian: usize,
    persian: usize,
}

impl Counts {
    fn add(&mut self, text: &str) {
        let mut word = [0u8; 24];
        let mut len = 0;
        let mut too_long = false;
        for c in text.chars().chain(std::iter::once(' ')) {
            if c.is_alphabetic() {
                self.letter(c);
                for lower in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    let bytes = lower.encode_utf8(&mut buf).as_bytes();
                    if len + bytes.len() <= word.len() {
                        word[len..len + bytes.len()].copy_from_slice(bytes);
                        len += bytes.len();
                    } else {
                        too_long = true;
                    }
                }
            } else {
                if len > 0 && !too_long {
                    self.word(&word[..len]);
                }
                len = 0;
                too_long = false;
            }
        }
    }

    fn letter(&mut self, c: char) {
        let Some(script) = script_of(c) else {
            return;
        };
        self.scripts[script as usize] += 1;
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => self.ukrainian += 1,
            'ы' | 'э' | 'Ы' | 'Э' => self.russian += 1,
            'ъ' => self.bulgarian += 1,
            'پ' | 'چ' | 'ژ' | 'گ' => self.persian += 1,
            _ if script == Script::Latin && !c.is_ascii() => {
                let lower = c.to_lowercase().next().unwrap_or(c);
                for (k, lang) in LATIN.iter().enumerate() {
                    if lang.letters.contains(lower) {
                        self.letters[k] = (self.letters[k] + LETTER_WEIGHT).min(LETTER_CAP);
                    }
                }
            }
            _ => {}
        }
    }

    fn word(&mut self, lower: &[u8]) {
        let Ok(word) = std::str::from_utf8(lower) else {
            return;
        };
        if let Some(&mask) = WORDS.get(word) {
            // A word shared by several languages counts for each, but less.
            let share = 1.0 / mask.count_ones() as f32;
            for k in 0..LATIN.len() {
                if mask & (1 << k) != 0 {
                    self.words[k] += share;
                }
            }
        }
    }

    fn decide(&self) -> Detection {
        let letters: usize = self.scripts.iter().sum();
        let (top, &top_count) = self
            .scripts
            .iter()
            .enumerate()
            .max_by_key(|&(k, &n)| (n, usize::MAX - k))
            .unwrap_or((0, &0));
        if top_count == 0 {
            return Detection {
                lang: Lang::unknown(),
                confidence: 0.0,
            };
        }
        let script_share = top_count as f32 / letters as f32;
        let code = match top {
            t if t == Script::Latin as usize => return self.decide_latin(script_share),
            t if t == Script::Cyrillic as usize => {
                if self.ukrainian * 50 > top_count {
                    "uk"
                } else if self.russian == 0 && self.bulgarian > 0 {
                    "bg"
                } else {
                    "ru"
                }
            }
            t if t == Script::Greek as usize => "el",
            t if t == Script::Arabic as usize => {
                if self.persian * 100 > top_count {
                    "fa"
                } else {
                    "ar"
                }
            }
            t if t == Script::Hebrew as usize => "he",
            t if t == Script::Devanagari as usize => "hi",
            t if t == Script::Thai as usize => "th",
            t if t == Script::Kana as usize || t == Script::Han as usize => {
                if self.scripts[Script::Kana as usize] * 20 > top_count {
                    "ja"
                } else {
                    "zh"
                }
            }
            _ => "ko",
        };
        Detection {
            lang: Lang::from_code(code),
            confidence: script_share * evidence(top_count as f32 / 20.0),
        }
    }

    fn decide_latin(&self, script_share: f32) -> Detection {
        let n = LATIN.len();
        let score = |k: usize| self.words[k] + self.letters[k];
        let mut order: Vec<usize> = (0..n).collect();
        // Highest score first; ties keep the table order (German, English first).
        order.sort_by(|&a, &b| score(b).total_cmp(&score(a)));
        let (best, second) = (score(order[0]), score(order[1]));
        // No evidence, or none that tells the leaders apart ("in" alone is German, English,
        // Dutch and Italian).
        if best <= second {
            return Detection {
                lang: Lang::unknown(),
                confidence: 0.0,
            };
        }
        let margin = (best - second) / best;
        Detection {
            lang: Lang::from_code(LATIN[order[0]].code),
            confidence: (margin * evidence(best / 6.0) * script_share).clamp(0.0, 1.0),
        }
    }
}

/// How far an amount of evidence (1 = enough) supports a decision: saturates at 1.
fn evidence(amount: f32) -> f32 {
    amount.min(1.0)
}

#[cfg(test)]
mod tests;

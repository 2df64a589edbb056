//! The small word lists the tokenizer and the sentence splitter consult: abbreviations that keep
//! their full stop, the closed-class words that begin sentences, and English compound prefixes.
//! Lookups are `match` statements and binary searches in sorted slices: no hashing, no
//! allocation.

use super::Style;

/// How an abbreviation behaves at a full stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// Keeps its full stop; may end a sentence ("usw.", "etc.", "Inc.").
    MayEnd,
    /// Keeps its full stop and never ends a sentence: titles and words that precede what they
    /// abbreviate ("Dr.", "Prof.", "Mr.", "Nr.", "vgl.").
    Leading,
    /// An abbreviation only before a number ("Art. 5", "No. 2", "Jan. 2020"); otherwise a word.
    BeforeNumber,
}

/// The abbreviation class of `stem` (the word without its full stop), case-sensitive.
pub fn abbreviation(stem: &str, style: Style) -> Option<Abbrev> {
    match style {
        Style::German => german_abbreviation(stem).or_else(|| shared_abbreviation(stem)),
        Style::English => english_abbreviation(stem).or_else(|| shared_abbreviation(stem)),
    }
}

/// Abbreviations met in both languages' news.
fn shared_abbreviation(stem: &str) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match stem {
        "Dr" | "Prof" | "Mr" | "Mrs" | "Ms" | "St" | "Gen" | "Lt" | "Col" | "Capt" | "Sgt" => {
            Leading
        }
        "Rev" | "Gov" | "Sen" | "Rep" | "Pres" | "Mt" | "Ft" => Leading,
        "etc" | "ca" | "vs" | "Co" | "Corp" | "Inc" | "Ltd" | "Bros" | "Jr" | "Sr" | "al" => MayEnd,
        "Feb" | "Apr" | "Aug" | "Sep" | "Sept" | "Nov" => MayEnd,
        "Jan" | "Jun" | "Jul" => BeforeNumber,
        _ => return None,
    })
}

fn german_abbreviation(stem: &str) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match stem {
        "bzw" | "usw" | "ggf" | "evtl" | "inkl" | "exkl" | "zzgl" | "sog" | "insb" | "bspw" => {
            MayEnd
        }
        "ebd" | "allg" | "einschl" | "entspr" | "eigtl" | "ehem" | "gegr" | "urspr" | "zzt" => {
            MayEnd
        }
        "bes" | "bzgl" | "ugs" | "verh" | "geb" | "gest" | "dt" | "engl" | "franz" | "frz" => {
            MayEnd
        }
        "ital" | "span" | "lat" | "griech" | "russ" | "amerik" | "kath" | "evang" | "ev" => MayEnd,
        "Hrsg" | "hrsg" | "Mio" | "Mrd" | "Tsd" | "Jh" | "Jhd" | "Jhdt" | "Chr" | "Str" => MayEnd,
        "Tel" | "Fa" | "Gebr" | "Abb" | "Anm" | "Aufl" | "Bd" | "Bde" | "Verf" | "Ztg" => MayEnd,
        "Std" | "Sek" | "Hbf" | "max" | "min" | "rd" | "od" | "mind" | "lt" | "sen" | "jun" => {
            MayEnd
        }
        "Okt" | "Dez" | "Febr" | "Mär" => MayEnd,
        "Hr" | "Hrn" | "Fr" | "Frl" | "Dipl" | "Ing" | "Mag" | "Abg" | "Bgm" | "Präs" => Leading,
        "Stv" | "stv" | "Vors" | "Univ" | "Nr" | "Nrn" | "vgl" | "Ziff" | "Bl" | "Sp" => Leading,
        "Art" | "Abs" | "Kap" | "Tab" | "lit" => BeforeNumber,
        _ => return None,
    })
}

fn english_abbreviation(stem: &str) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match stem {
        "Messrs" | "Drs" | "Sts" | "Mx" | "Maj" | "Cpl" | "Pvt" | "Adm" | "Cmdr" | "Cdr"
        | "Hon" | "Amb" => Leading,
        "Supt" | "Insp" | "Det" | "cf" | "viz" | "Ave" | "Blvd" | "Rd" | "Hwy" | "Sq" => Leading,
        "approx" | "dept" | "Dept" | "est" | "govt" | "Govt" | "misc" | "vol" | "vols" | "pp" => {
            MayEnd
        }
        "fig" | "figs" | "Fig" | "ed" | "eds" | "Esq" | "Cos" | "Assn" | "Univ" | "Oct" => MayEnd,
        "Dec" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat" => MayEnd,
        "Calif" | "Ariz" | "Fla" | "Ga" | "Kan" | "Ky" | "La" | "Md" | "Mich" | "Minn" => MayEnd,
        "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" => MayEnd,
        "Wis" | "Wyo" | "Conn" | "Colo" | "Ala" | "Ark" => MayEnd,
        "No" | "Nos" | "Mar" | "Vol" | "Mon" | "Sun" => BeforeNumber,
        _ => return None,
    })
}

/// True for the capitalised closed-class words (articles, pronouns, conjunctions, prepositions,
/// sentence adverbs) that typically begin a sentence. After an ordinal or abbreviation, such a
/// word says a new sentence has begun; a capitalised noun or month does not.
pub fn starts_sentence(word: &str, style: Style) -> bool {
    let list = match style {
        Style::German => GERMAN_STARTERS,
        Style::English => ENGLISH_STARTERS,
    };
    list.binary_search(&word).is_ok()
}

/// True for lower-case function words that cannot end a sentence (articles, prepositions,
/// conjunctions): a line ending in one of them is wrapped, not a headline.
pub fn runs_on(word: &str, style: Style) -> bool {
    let list = match style {
        Style::German => GERMAN_RUN_ON,
        Style::English => ENGLISH_RUN_ON,
    };
    list.binary_search(&word).is_ok()
}

/// English prefixes that Universal Dependencies (and so the EWT corpus) keep joined to the rest
/// of a hyphenated word ("e-mail", "non-profit"); other hyphenated words are split there.
pub fn is_bound_prefix(part: &str) -> bool {
    let mut buf = [0u8; 8];
    ascii_lower(part, &mut buf).is_some_and(|lower| BOUND_PREFIXES.binary_search(&lower).is_ok())
}

/// Units and multipliers that EWT splits off a number written against it ("5pm" → "5" "pm").
pub fn is_unit(suffix: &str) -> bool {
    UNITS.binary_search(&suffix).is_ok()
}

// The lists below are sorted (a test checks): lookups are binary searches.

#[rustfmt::skip]
const GERMAN_STARTERS: &[&str] = &[
    "Aber", "Alle", "Allerdings", "Alles", "Als", "Also", "Am", "An", "Andere", "Anschließend",
    "Auch", "Auf", "Aus", "Außerdem", "Bei", "Beide", "Beim", "Bereits", "Bevor", "Bis", "Da",
    "Dabei", "Dadurch", "Dafür", "Dagegen", "Daher", "Damals", "Damit", "Danach", "Dann", "Darauf",
    "Darum", "Darüber", "Das", "Dass", "Davor", "Dazu", "Dem", "Demnach", "Den", "Denn", "Dennoch",
    "Der", "Des", "Deshalb", "Deswegen", "Die", "Dies", "Diese", "Diesem", "Diesen", "Dieser",
    "Dieses", "Doch", "Dort", "Du", "Durch", "Ein", "Eine", "Einem", "Einen", "Einer", "Eines",
    "Einige", "Er", "Es", "Etwas", "Falls", "Für", "Gegen", "Gestern", "Heute", "Hier", "Hinter",
    "Ich", "Ihm", "Ihn", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Im", "Immer", "In", "Ins",
    "Inzwischen", "Ja", "Jede", "Jeder", "Jedes", "Jedoch", "Jemand", "Jene", "Jener", "Kein",
    "Keine", "Laut", "Man", "Manche", "Mehr", "Mein", "Meine", "Mich", "Mir", "Mit", "Mittlerweile",
    "Nach", "Nachdem", "Neben", "Nein", "Nicht", "Nichts", "Nie", "Niemand", "Noch", "Nun", "Nur",
    "Ob", "Obwohl", "Oder", "Offenbar", "Ohne", "Schließlich", "Schon", "Sein", "Seine", "Seinem",
    "Seinen", "Seiner", "Seit", "Seitdem", "Sie", "So", "Sobald", "Sogar", "Sondern", "Später",
    "Trotz", "Trotzdem", "Um", "Und", "Uns", "Unser", "Unsere", "Unter", "Viele", "Vielleicht",
    "Vom", "Von", "Vor", "Wann", "Warum", "Was", "Wegen", "Weil", "Weitere", "Welche", "Welcher",
    "Welches", "Wem", "Wen", "Wenn", "Wer", "Weshalb", "Wie", "Wir", "Wo", "Während", "Zu", "Zudem",
    "Zuletzt", "Zum", "Zunächst", "Zur", "Zuvor", "Zwar", "Zwischen", "Über",
];

#[rustfmt::skip]
const ENGLISH_STARTERS: &[&str] = &[
    "A", "According", "After", "All", "Also", "Although", "An", "And", "Another", "Are", "As", "At",
    "Before", "Both", "But", "By", "Can", "Could", "Despite", "Did", "Do", "Does", "During", "Each",
    "Earlier", "Even", "Every", "For", "From", "Furthermore", "Had", "Has", "Have", "He", "Her",
    "Here", "His", "How", "However", "I", "If", "In", "Indeed", "Instead", "Into", "Is", "It",
    "Its", "Just", "Later", "Let", "Many", "May", "Meanwhile", "Might", "More", "Moreover", "Most",
    "Must", "My", "Nevertheless", "No", "None", "Not", "Now", "Of", "On", "Once", "Only", "Or",
    "Other", "Our", "Several", "She", "Should", "Since", "So", "Some", "Still", "Such", "That",
    "The", "Their", "Then", "There", "Therefore", "These", "They", "This", "Those", "Though",
    "Thus", "To", "Today", "Under", "Unlike", "Was", "We", "Were", "What", "When", "Where", "Which",
    "While", "Who", "Why", "Will", "With", "Would", "Yesterday", "Yet", "You", "Your",
];

#[rustfmt::skip]
const GERMAN_RUN_ON: &[&str] = &[
    "aber", "als", "am", "an", "auf", "aus", "bei", "beim", "bis", "das", "dass", "dem", "den",
    "denn", "der", "deren", "des", "dessen", "die", "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "für", "gegen", "ihre", "ihren", "ihrer", "im", "in", "mit", "nach", "ob",
    "oder", "ohne", "seine", "seinen", "seiner", "seit", "sich", "sondern", "sowie", "trotz", "um",
    "und", "unter", "vom", "von", "vor", "wegen", "weil", "wenn", "wie", "während", "zu", "zum",
    "zur", "zwischen", "über",
];

#[rustfmt::skip]
const ENGLISH_RUN_ON: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "between", "but", "by", "for", "from", "had",
    "has", "have", "her", "his", "in", "into", "is", "its", "of", "on", "or", "our", "than", "that",
    "the", "their", "to", "was", "were", "which", "who", "whose", "will", "with", "would",
];

#[rustfmt::skip]
const BOUND_PREFIXES: &[&str] = &[
    "anti", "bi", "co", "counter", "cross", "e", "ex", "hyper", "inter", "intra", "macro", "mega",
    "mid", "mis", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo", "psycho", "quasi",
    "re", "semi", "socio", "sub", "trans", "tri", "ultra", "un",
];

#[rustfmt::skip]
const UNITS: &[&str] = &[
    "AM", "GB", "K", "KB", "M", "MB", "MM", "PM", "TB", "am", "b", "bn", "cm", "ft", "g", "k", "kb",
    "kg", "km", "kph", "l", "lb", "lbs", "m", "mg", "ml", "mm", "mph", "pm",
];

/// The lower-case form of a short ASCII word in `buf`, or `None` when the word is not ASCII or
/// longer than the buffer.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 8]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_depend_on_language_and_case() {
        assert_eq!(abbreviation("usw", Style::German), Some(Abbrev::MayEnd));
        assert_eq!(abbreviation("Dr", Style::English), Some(Abbrev::Leading));
        assert_eq!(abbreviation("Dr", Style::German), Some(Abbrev::Leading));
        assert_eq!(abbreviation("mind", Style::English), None);
        assert_eq!(
            abbreviation("Art", Style::German),
            Some(Abbrev::BeforeNumber)
        );
        assert_eq!(abbreviation("usw", Style::English), None);
        assert_eq!(abbreviation("USW", Style::German), None);
    }

    #[test]
    fn starters_are_closed_class_words_not_nouns() {
        assert!(starts_sentence("Die", Style::German));
        assert!(!starts_sentence("September", Style::German));
        assert!(!starts_sentence("Weltkrieg", Style::German));
        assert!(starts_sentence("The", Style::English));
        assert!(!starts_sentence("the", Style::English));
    }

    #[test]
    fn lists_are_sorted_and_free_of_duplicates() {
        for list in [
            GERMAN_STARTERS,
            ENGLISH_STARTERS,
            GERMAN_RUN_ON,
            ENGLISH_RUN_ON,
            BOUND_PREFIXES,
            UNITS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn prefixes_match_case_insensitively() {
        assert!(is_bound_prefix("e"));
        assert!(is_bound_prefix("Non"));
        assert!(!is_bound_prefix("long"));
        assert!(!is_bound_prefix("Überlänge"));
    }
}

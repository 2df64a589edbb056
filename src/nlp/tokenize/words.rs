//! The small word lists the tokenizer and the sentence splitter consult: abbreviations that keep
//! their full stop, the closed-class words that begin sentences, and English compound prefixes.
//! Lookups are `match` statements (compiled to length switches and byte compares): no hashing,
//! no allocation.

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
    match style {
        Style::German => german_starter(word),
        Style::English => english_starter(word),
    }
}

fn german_starter(word: &str) -> bool {
    matches!(
        word,
        "Der"
            | "Die"
            | "Das"
            | "Den"
            | "Dem"
            | "Des"
            | "Ein"
            | "Eine"
            | "Einen"
            | "Einem"
            | "Einer"
            | "Eines"
            | "Er"
            | "Sie"
            | "Es"
            | "Wir"
            | "Ich"
            | "Ihr"
            | "Du"
            | "Man"
            | "Dies"
            | "Diese"
            | "Dieser"
            | "Dieses"
            | "Diesem"
            | "Diesen"
            | "Jene"
            | "Jener"
            | "Dort"
            | "Hier"
            | "Heute"
            | "Gestern"
            | "Damals"
            | "Dann"
            | "Danach"
            | "Davor"
            | "Dabei"
            | "Dadurch"
            | "Dafür"
            | "Dagegen"
            | "Daher"
            | "Damit"
            | "Darauf"
            | "Darüber"
            | "Darum"
            | "Dazu"
            | "Deshalb"
            | "Deswegen"
            | "Dennoch"
            | "Doch"
            | "Aber"
            | "Und"
            | "Oder"
            | "Denn"
            | "Sondern"
            | "Auch"
            | "Also"
            | "Allerdings"
            | "Außerdem"
            | "Zudem"
            | "Jedoch"
            | "Trotzdem"
            | "Zwar"
            | "Nun"
            | "Noch"
            | "Nur"
            | "Schon"
            | "Bereits"
            | "Inzwischen"
            | "Mittlerweile"
            | "Später"
            | "Zuvor"
            | "Zuletzt"
            | "Zunächst"
            | "Anschließend"
            | "Schließlich"
            | "Seit"
            | "Seitdem"
            | "Als"
            | "Wenn"
            | "Weil"
            | "Da"
            | "Wie"
            | "Wo"
            | "Was"
            | "Wer"
            | "Wen"
            | "Wem"
            | "Warum"
            | "Weshalb"
            | "Wann"
            | "Welche"
            | "Welcher"
            | "Welches"
            | "Ob"
            | "Obwohl"
            | "Während"
            | "Nachdem"
            | "Bevor"
            | "Sobald"
            | "Falls"
            | "In"
            | "Im"
            | "Ins"
            | "Am"
            | "An"
            | "Auf"
            | "Aus"
            | "Bei"
            | "Beim"
            | "Mit"
            | "Nach"
            | "Von"
            | "Vom"
            | "Vor"
            | "Zu"
            | "Zum"
            | "Zur"
            | "Für"
            | "Über"
            | "Unter"
            | "Um"
            | "Gegen"
            | "Ohne"
            | "Durch"
            | "Bis"
            | "Hinter"
            | "Neben"
            | "Zwischen"
            | "Trotz"
            | "Wegen"
            | "Laut"
            | "Sein"
            | "Seine"
            | "Seinen"
            | "Seiner"
            | "Seinem"
            | "Ihre"
            | "Ihren"
            | "Ihrer"
            | "Ihrem"
            | "Unser"
            | "Unsere"
            | "Mein"
            | "Meine"
            | "Kein"
            | "Keine"
            | "Alle"
            | "Viele"
            | "Einige"
            | "Manche"
            | "Jeder"
            | "Jede"
            | "Jedes"
            | "Beide"
            | "Mehr"
            | "Weitere"
            | "Andere"
            | "Nicht"
            | "Ja"
            | "Nein"
            | "So"
            | "Sogar"
            | "Vielleicht"
            | "Immer"
            | "Nie"
            | "Niemand"
            | "Jemand"
            | "Etwas"
            | "Nichts"
            | "Alles"
            | "Ihm"
            | "Ihn"
            | "Uns"
            | "Mir"
            | "Mich"
            | "Offenbar"
            | "Demnach"
            | "Dass"
    )
}

fn english_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "In"
            | "On"
            | "At"
            | "For"
            | "With"
            | "From"
            | "By"
            | "As"
            | "To"
            | "Of"
            | "Into"
            | "After"
            | "Before"
            | "Since"
            | "During"
            | "Under"
            | "Despite"
            | "Although"
            | "Though"
            | "While"
            | "When"
            | "Where"
            | "What"
            | "Who"
            | "Which"
            | "Why"
            | "How"
            | "If"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "Also"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Later"
            | "Earlier"
            | "Instead"
            | "Moreover"
            | "Furthermore"
            | "Indeed"
            | "Thus"
            | "Therefore"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Every"
            | "No"
            | "Not"
            | "None"
            | "Several"
            | "Such"
            | "Other"
            | "Another"
            | "More"
            | "Even"
            | "Only"
            | "Just"
            | "Once"
            | "According"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
            | "Do"
            | "Does"
            | "Did"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "May"
            | "Might"
            | "Must"
            | "Let"
            | "Unlike"
            | "Nevertheless"
    )
}

/// True for lower-case function words that cannot end a sentence (articles, prepositions,
/// conjunctions): a line ending in one of them is wrapped, not a headline.
pub fn runs_on(word: &str, style: Style) -> bool {
    match style {
        Style::German => matches!(
            word,
            "der"
                | "die"
                | "das"
                | "den"
                | "dem"
                | "des"
                | "ein"
                | "eine"
                | "einen"
                | "einem"
                | "einer"
                | "eines"
                | "und"
                | "oder"
                | "aber"
                | "sondern"
                | "denn"
                | "in"
                | "im"
                | "an"
                | "am"
                | "auf"
                | "aus"
                | "bei"
                | "beim"
                | "mit"
                | "nach"
                | "von"
                | "vom"
                | "vor"
                | "zu"
                | "zum"
                | "zur"
                | "für"
                | "über"
                | "unter"
                | "um"
                | "gegen"
                | "ohne"
                | "durch"
                | "bis"
                | "als"
                | "wie"
                | "dass"
                | "ob"
                | "weil"
                | "wenn"
                | "sowie"
                | "seine"
                | "seiner"
                | "seinen"
                | "ihre"
                | "ihrer"
                | "ihren"
                | "dessen"
                | "deren"
                | "sich"
                | "zwischen"
                | "seit"
                | "während"
                | "wegen"
                | "trotz"
        ),
        Style::English => matches!(
            word,
            "the"
                | "a"
                | "an"
                | "and"
                | "or"
                | "but"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "as"
                | "that"
                | "which"
                | "who"
                | "whose"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "than"
                | "into"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "between"
                | "about"
        ),
    }
}

/// English prefixes that Universal Dependencies (and so the EWT corpus) keep joined to the rest
/// of a hyphenated word ("e-mail", "non-profit"); other hyphenated words are split there.
pub fn is_bound_prefix(part: &str) -> bool {
    let mut buf = [0u8; 8];
    let Some(lower) = ascii_lower(part, &mut buf) else {
        return false;
    };
    matches!(
        lower,
        "e" | "co"
            | "non"
            | "pre"
            | "post"
            | "pro"
            | "anti"
            | "ex"
            | "multi"
            | "mid"
            | "re"
            | "semi"
            | "neo"
            | "socio"
            | "cross"
            | "sub"
            | "over"
            | "psycho"
            | "counter"
            | "inter"
            | "intra"
            | "un"
            | "mis"
            | "bi"
            | "tri"
            | "macro"
            | "mega"
            | "ultra"
            | "hyper"
            | "pseudo"
            | "quasi"
            | "trans"
    )
}

/// Units and multipliers that EWT splits off a number written against it ("5pm" → "5" "pm").
pub fn is_unit(suffix: &str) -> bool {
    matches!(
        suffix,
        "am" | "pm"
            | "AM"
            | "PM"
            | "k"
            | "K"
            | "m"
            | "M"
            | "mm"
            | "MM"
            | "bn"
            | "b"
            | "km"
            | "cm"
            | "kg"
            | "g"
            | "mg"
            | "lb"
            | "lbs"
            | "ft"
            | "mph"
            | "kph"
            | "GB"
            | "MB"
            | "TB"
            | "kb"
            | "KB"
            | "ml"
            | "l"
    )
}

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
    fn prefixes_match_case_insensitively() {
        assert!(is_bound_prefix("e"));
        assert!(is_bound_prefix("Non"));
        assert!(!is_bound_prefix("long"));
        assert!(!is_bound_prefix("Überlänge"));
    }
}

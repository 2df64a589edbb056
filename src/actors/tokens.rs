//! The token stream linking reads around mentions: the article blocks tokenized by
//! `crate::nlp::tokenize`, with each mention made one token (a word that a mention covers only
//! in part keeps its rest as a token of its own).

#[cfg(test)]
use crate::document::Document;
use crate::document::{Block, Lang, Mention, Span};
use crate::nlp::tokenize::{Token as NlpToken, TokenKind, tokenize_span};
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A mention, by its index in `Document::mentions`.
    Mention(u32),
    /// Letters (and digits, inner hyphens, apostrophes; an abbreviation with its full stop).
    Word,
    /// A number.
    Number,
    /// Punctuation or another symbol, by its first character.
    Punct(char),
}

/// A token. Sixteen bytes: the list of a long text's tokens is written once and read by every
/// phase, so its byte offsets are 32 bits (`Tokens::build` asserts that the text is shorter
/// than 4 GiB), its class is a tag and a number, and its block is told by whether it opens one
/// (the phases only ask whether two neighbours share a block).
#[derive(Clone, Copy, Debug)]
pub struct Token {
    start: u32,
    end: u32,
    /// The class's number: the mention's index, or the punctuation's character (0 otherwise).
    value: u32,
    tag: Tag,
    /// White space (or a block start) before the token.
    pub spaced: bool,
    /// The first token of a block: the token before it (if any) lies in another block.
    opens: bool,
}

/// The variant of a token's `Class`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Mention,
    Word,
    Number,
    Punct,
}

impl Token {
    /// A token over bytes `start..end` of the text.
    #[inline(always)]
    fn new(start: usize, end: usize, class: Class, spaced: bool, opens: bool) -> Token {
        debug_assert!(start <= end, "inverted token {start}..{end}");
        let (tag, value) = match class {
            Class::Mention(m) => (Tag::Mention, m),
            Class::Word => (Tag::Word, 0),
            Class::Number => (Tag::Number, 0),
            Class::Punct(c) => (Tag::Punct, u32::from(c)),
        };
        Token {
            // The text is shorter than 4 GiB (`Tokens::build`).
            start: start as u32,
            end: end as u32,
            value,
            tag,
            spaced,
            opens,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The token's length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    #[cfg(test)]
    pub fn class(&self) -> Class {
        match self.tag {
            Tag::Mention => Class::Mention(self.value),
            Tag::Word => Class::Word,
            Tag::Number => Class::Number,
            // Only characters are stored.
            Tag::Punct => Class::Punct(char::from_u32(self.value).unwrap_or(' ')),
        }
    }

    pub fn is_word(&self) -> bool {
        self.tag == Tag::Word
    }

    pub fn is_mention(&self) -> bool {
        self.tag == Tag::Mention
    }

    fn set_class(&mut self, class: Class) {
        *self = Token::new(self.start(), self.end(), class, self.spaced, self.opens);
    }
}

/// The tokens of a document's article blocks, in text order.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token>,
    /// Mention index → its token.
    of_mention: Vec<Option<usize>>,
}

impl<'t> Tokens<'t> {
    /// Tokenizes the article blocks (the whole text when there are no blocks) of a text in a
    /// language, with its sorted mentions as single tokens.
    pub fn scan(text: &'t str, lang: &Lang, blocks: &[Block], mentions: &[Mention]) -> Tokens<'t> {
        Tokens::build(text, lang, blocks, mentions, None)
    }

    /// As `scan`, with the article blocks already tokenized (`crate::nlp::tokenize` tokens of
    /// those blocks, in text order, as the recognizer made them): nothing is tokenized twice.
    pub fn from_tokens(
        text: &'t str,
        lang: &Lang,
        blocks: &[Block],
        mentions: &[Mention],
        words: &[NlpToken],
    ) -> Tokens<'t> {
        Tokens::build(text, lang, blocks, mentions, Some(words))
    }

    fn build(
        text: &'t str,
        lang: &Lang,
        blocks: &[Block],
        mentions: &[Mention],
        given: Option<&[NlpToken]>,
    ) -> Tokens<'t> {
        // Byte offsets are kept in 32 bits (`Token`); `ingest` refuses longer texts.
        assert!(
            u32::try_from(text.len()).is_ok(),
            "linking takes texts shorter than 4 GiB"
        );
        // The article blocks, or the whole text when there are no blocks.
        let whole = Span::new(0, text.len());
        let article_blocks = std::iter::once(whole).filter(|_| blocks.is_empty()).chain(
            blocks
                .iter()
                .filter(|b| b.role.is_article())
                .map(|b| b.span),
        );
        // Every tokenizer token leaves at most one piece after the mentions inside it, and every
        // mention makes its own token and at most one piece before it.
        let capacity = match given {
            Some(all) => all.len() + 2 * mentions.len(),
            None => text.len() / 5,
        };
        let mut list: Vec<Token> = Vec::with_capacity(capacity);
        let mut of_mention = vec![None; mentions.len()];
        let mut own = Vec::new();
        let mut next = 0;
        // Where the last block's words ended in `given`: the next block's begin there when the
        // blocks come in text order.
        let mut given_at = 0;
        for block in article_blocks {
            while next < mentions.len() && mentions[next].span.start() < block.start() {
                next += 1;
            }
            let words: &[NlpToken] = match given {
                Some(all) => {
                    let from = partition_from(all, given_at, |w| w.span.start() < block.start());
                    let to = partition_from(all, from, |w| w.span.start() < block.end());
                    given_at = to.max(from);
                    &all[from..given_at]
                }
                None => {
                    own.clear();
                    tokenize_span(text, block, lang, &mut own);
                    &own
                }
            };
            let mut out = BlockTokens {
                list: &mut list,
                block,
                spaced_from: block.start(),
                opens: true,
            };
            // Everything before `pos` is emitted; mentions and words merge in text order.
            let mut pos = block.start();
            let mut rest = words;
            loop {
                // The words that end before the next mention starts are tokens whole (but for
                // what a mention before them covered): most words, told by one comparison.
                let stop = mentions.get(next).map_or(usize::MAX, |m| m.span.start());
                let whole = rest
                    .iter()
                    .position(|w| w.span.end() > stop)
                    .unwrap_or(rest.len());
                pos = out.push_words(text, &rest[..whole], pos);
                let Some((word, after)) = rest[whole..].split_first() else {
                    break;
                };
                rest = after;
                // The mentions that start before this word ends (one at least), then the rest
                // of the word.
                while let Some(m) = mentions
                    .get(next)
                    .filter(|m| m.span.start() < word.span.end())
                {
                    if word.span.start() < m.span.start() && pos < m.span.start() {
                        let start = word.span.start().max(pos);
                        out.push(
                            start,
                            m.span.start(),
                            class_of(text, start, m.span.start(), word.kind),
                        );
                    }
                    pos = out.push_mention(&mut of_mention, next, m.span, pos);
                    next += 1;
                }
                if word.span.end() > pos {
                    let start = word.span.start().max(pos);
                    out.push(
                        start,
                        word.span.end(),
                        class_of(text, start, word.span.end(), word.kind),
                    );
                    pos = word.span.end();
                }
            }
            while let Some(m) = mentions.get(next).filter(|m| m.span.start() < block.end()) {
                pos = out.push_mention(&mut of_mention, next, m.span, pos);
                next += 1;
            }
        }
        Tokens {
            text,
            list,
            of_mention,
        }
    }

    /// The tokens of a document.
    #[cfg(test)]
    pub fn of(doc: &'t Document) -> Tokens<'t> {
        Tokens::scan(&doc.text, &doc.lang, &doc.blocks, &doc.mentions)
    }

    /// Takes in mentions added over whole tokens (the mentions are the old ones and the new
    /// ones, sorted): the tokens a new mention covers become one mention token, and every
    /// mention token gets its new index.
    pub fn remark(&mut self, mentions: &[Mention]) {
        let old = std::mem::replace(&mut self.of_mention, vec![None; mentions.len()]);
        // The tokens that were mentions, in text order (each is some mention's token): one
        // that a mention starts at stays a mention token, any other becomes a word.
        let mut was_mention = old.into_iter().flatten().peekable();
        let list = &mut self.list;
        // Compacted in place (a mention over several tokens leaves fewer), with one move of
        // the tokens between two such mentions: no second list of the whole text's tokens is
        // allocated, and a token no mention starts at is not looked at. The tokens from
        // `unmoved` on are still at their old places and belong `shift` places earlier; the
        // tokens before `free` are taken.
        let (mut unmoved, mut shift, mut free) = (0, 0, 0);
        for (j, m) in mentions.iter().enumerate() {
            let start = m.span.start();
            while let Some(p) = was_mention.next_if(|&p| list[p].start() < start) {
                list[p].set_class(Class::Word);
            }
            let t = match was_mention.next_if(|&p| list[p].start() == start) {
                Some(p) => p,
                None => {
                    // A new mention: its token lies before the next old one.
                    let limit = was_mention.peek().copied().unwrap_or(list.len());
                    let t = free + list[free..limit].partition_point(|t| t.start() < start);
                    if t == limit || list[t].start() != start {
                        continue;
                    }
                    t
                }
            };
            let mut end = t;
            while end + 1 < list.len()
                && !list[end + 1].opens
                && list[end + 1].end() <= m.span.end()
            {
                end += 1;
            }
            while was_mention.next_if(|&p| p <= end).is_some() {}
            list[t] = Token::new(
                start,
                list[end].end(),
                Class::mention(j),
                list[t].spaced,
                list[t].opens,
            );
            self.of_mention[j] = Some(t - shift);
            if end > t {
                move_back(list, unmoved..t + 1, shift);
                shift += end - t;
                unmoved = end + 1;
            }
            free = end + 1;
        }
        for p in was_mention {
            list[p].set_class(Class::Word);
        }
        let len = list.len();
        move_back(list, unmoved..len, shift);
        list.truncate(len - shift);
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'t str {
        let token = &self.list[i];
        &self.text[token.start()..token.end()]
    }

    /// The bytes of token `i`: for a look at a few of them, without the checks of `text` that
    /// the token begins and ends on characters.
    pub fn bytes(&self, i: usize) -> &'t [u8] {
        let token = &self.list[i];
        &self.text.as_bytes()[token.start()..token.end()]
    }

    /// The token of a mention (none for mentions outside the article blocks).
    pub fn of_mention(&self, mention: usize) -> Option<usize> {
        self.of_mention.get(mention).copied().flatten()
    }

    /// True when tokens `i` and `i + 1` are in the same block.
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.list.len() && !self.list[i + 1].opens
    }

    /// The token before `i` in the same block.
    pub fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && !self.list[i].opens).then(|| i - 1)
    }

    /// The token after `i` in the same block.
    pub fn next(&self, i: usize) -> Option<usize> {
        self.joined(i).then_some(i + 1)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.list[i].is_word()
    }

    pub fn mention(&self, i: usize) -> Option<usize> {
        let token = &self.list[i];
        token.is_mention().then_some(token.value as usize)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        let token = &self.list[i];
        token.tag == Tag::Punct && token.value == u32::from(c)
    }
}

impl Class {
    /// The class of mention `m`'s token.
    fn mention(m: usize) -> Class {
        Class::Mention(u32::try_from(m).expect("fewer than 2^32 mentions"))
    }
}

/// The tokens of one block as they are added.
struct BlockTokens<'l> {
    list: &'l mut Vec<Token>,
    /// The block's span.
    block: Span,
    /// Where a token starts after white space: after the block's last token so far (or, for
    /// the first, in the block).
    spaced_from: usize,
    /// No token has been added yet: the next opens the block.
    opens: bool,
}

impl BlockTokens<'_> {
    /// Adds a token over `start..end` (`start <= end`).
    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, class: Class) {
        let spaced = start >= self.spaced_from;
        self.list
            .push(Token::new(start, end, class, spaced, self.opens));
        self.spaced_from = end + 1;
        self.opens = false;
    }

    /// Adds the tokens of words that no mention starts in (the part after `pos` of each);
    /// returns the end of the last. Most of a text's tokens are added here: a loop of its own,
    /// whose few variables stay in registers.
    #[inline(never)]
    fn push_words(&mut self, text: &str, words: &[NlpToken], mut pos: usize) -> usize {
        let list = &mut *self.list;
        let (mut spaced_from, mut opens) = (self.spaced_from, self.opens);
        for word in words {
            let end = word.span.end();
            if end > pos {
                let start = word.span.start().max(pos);
                let class = class_of(text, start, end, word.kind);
                list.push(Token::new(start, end, class, start >= spaced_from, opens));
                (spaced_from, opens, pos) = (end + 1, false, end);
            }
        }
        (self.spaced_from, self.opens) = (spaced_from, opens);
        pos
    }

    /// Adds mention `m`'s token (clipped to the block, after `pos`); returns its end.
    fn push_mention(
        &mut self,
        of_mention: &mut [Option<usize>],
        m: usize,
        span: Span,
        pos: usize,
    ) -> usize {
        let start = span.start().max(pos);
        let end = span.end().min(self.block.end()).max(start);
        of_mention[m] = Some(self.list.len());
        self.push(start, end, Class::mention(m));
        end
    }
}

/// The index of the first of the sorted tokens for which `before` is false (as
/// `partition_point`), searched from `hint` on in steps of 1, 2, 4, … when `before` holds for
/// the token before `hint`: the next block's tokens begin near where the last block's ended.
fn partition_from(all: &[NlpToken], hint: usize, before: impl Fn(&NlpToken) -> bool) -> usize {
    let hint = hint.min(all.len());
    if hint > 0 && !before(&all[hint - 1]) {
        return all[..hint].partition_point(before);
    }
    // all[..low] are before; all[low + step - 1], if there is one, is not.
    let (mut low, mut step) = (hint, 1);
    while all.get(low + step - 1).is_some_and(&before) {
        low += step;
        step *= 2;
    }
    let high = (low + step - 1).min(all.len());
    low + all[low..high].partition_point(before)
}

/// Moves tokens `shift` places back in the list, over tokens merged into a mention's: one
/// copy of the run.
fn move_back(list: &mut [Token], tokens: Range<usize>, shift: usize) {
    if shift > 0 && !tokens.is_empty() {
        list.copy_within(tokens.clone(), tokens.start - shift);
    }
}

/// The class of (the part `start..end` outside mentions of) a tokenizer token of this kind:
/// most are told by their first byte, without a look at the rest.
#[inline(always)]
fn class_of(text: &str, start: usize, end: usize, kind: TokenKind) -> Class {
    let first_byte = text.as_bytes()[start];
    match kind {
        TokenKind::Number => Class::Number,
        TokenKind::Word | TokenKind::Abbrev | TokenKind::Url | TokenKind::Email
            if first_byte.is_ascii_alphanumeric() =>
        {
            Class::Word
        }
        TokenKind::Punct | TokenKind::Symbol if first_byte.is_ascii() => {
            Class::Punct(char::from(first_byte))
        }
        _ => class_by_characters(&text[start..end], kind),
    }
}

/// `class_of` for the tokens its first byte does not tell: punctuation, symbols, and words
/// that do not begin with an ASCII letter or digit.
#[inline(never)]
fn class_by_characters(piece: &str, kind: TokenKind) -> Class {
    let first = || piece.chars().next().unwrap_or(' ');
    match kind {
        TokenKind::Number => Class::Number,
        TokenKind::Punct | TokenKind::Symbol => Class::Punct(first()),
        TokenKind::Word | TokenKind::Abbrev | TokenKind::Url | TokenKind::Email => {
            if piece.chars().any(char::is_alphanumeric) {
                Class::Word
            } else {
                Class::Punct(first())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::test_support;
    use crate::document::{Form, Kind, Origin};

    fn doc(text: &str, names: &[&str]) -> Document {
        let names: Vec<(&str, Kind)> = names.iter().map(|n| (*n, Kind::Per)).collect();
        test_support::doc(text, &names)
    }

    fn texts(t: &Tokens) -> Vec<String> {
        (0..t.list.len()).map(|i| t.text(i).to_string()).collect()
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn tokens_are_16_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
    }

    #[test]
    fn mentions_are_single_tokens_among_words() {
        let d = doc(
            "Kremlsprecher Dmitri Peskow bestätigte Haftars Treffen.",
            &["Dmitri Peskow", "Haftars"],
        );
        let t = Tokens::of(&d);
        assert_eq!(
            texts(&t),
            [
                "Kremlsprecher",
                "Dmitri Peskow",
                "bestätigte",
                "Haftars",
                "Treffen",
                "."
            ]
        );
        assert_eq!(t.mention(1), Some(0));
        assert_eq!(t.of_mention(1), Some(3));
        assert!(t.list[1].spaced && t.list[2].spaced);
    }

    #[test]
    fn the_tokenizer_conventions_hold_around_mentions() {
        let mut d = doc(
            "At Japan's plant, Dr. Remke met EU- und US-Vertreter am 17. September",
            &["Japan"],
        );
        let t = Tokens::of(&d);
        assert_eq!(
            texts(&t),
            [
                "At",
                "Japan",
                "'s",
                "plant",
                ",",
                "Dr.",
                "Remke",
                "met",
                "EU-",
                "und",
                "US-Vertreter",
                "am",
                "17.",
                "September"
            ]
        );
        assert!(
            !t.list[2].spaced,
            "the rest of the word is glued to the name"
        );
        assert_eq!(t.list[12].class(), Class::Number);
        d.lang = Lang::En;
        let t = Tokens::of(&d);
        assert_eq!(&texts(&t)[..4], ["At", "Japan", "'s", "plant"]);
    }

    #[test]
    fn a_mention_inside_a_word_splits_it() {
        let d = doc("Schwärme vonRompilgern zogen", &["Rom"]);
        let t = Tokens::of(&d);
        assert_eq!(texts(&t), ["Schwärme", "von", "Rom", "pilgern", "zogen"]);
        assert_eq!(t.mention(2), Some(0));
        assert!(!t.list[2].spaced && !t.list[3].spaced && t.list[4].spaced);
    }

    #[test]
    fn a_mention_added_over_a_word_becomes_its_token() {
        let mut d = doc("Die AfD und die Linke und Haftar", &["Haftar"]);
        let mut t = Tokens::scan(&d.text, &d.lang, &d.blocks, &d.mentions);
        let afd = t
            .list
            .iter()
            .position(|x| &d.text[x.span().range()] == "AfD")
            .unwrap();
        let added = crate::document::Mention {
            span: t.list[afd].span(),
            ..d.mentions[0]
        };
        d.mentions.insert(0, added);
        t.remark(&d.mentions);
        assert_eq!(t.mention(afd), Some(0));
        assert_eq!(t.of_mention(0), Some(afd));
        let haftar = t.of_mention(1).unwrap();
        assert_eq!(t.text(haftar), "Haftar");
        assert_eq!(t.mention(haftar), Some(1));
    }

    /// `remark` as one scan of every token does it.
    fn remarked_by_scan(tokens: &Tokens, mentions: &[Mention]) -> (Vec<Token>, Vec<Option<usize>>) {
        let mut list = tokens.list.clone();
        let mut of_mention = vec![None; mentions.len()];
        let (mut read, mut write, mut j) = (0, 0, 0);
        while read < list.len() {
            let token = list[read];
            while j < mentions.len() && mentions[j].span.start() < token.start() {
                j += 1;
            }
            match mentions.get(j) {
                Some(m) if m.span.start() == token.start() => {
                    let mut end = read;
                    while end + 1 < list.len()
                        && !list[end + 1].opens
                        && list[end + 1].end() <= m.span.end()
                    {
                        end += 1;
                    }
                    of_mention[j] = Some(write);
                    list[write] = Token::new(
                        token.start(),
                        list[end].end(),
                        Class::mention(j),
                        token.spaced,
                        token.opens,
                    );
                    read = end + 1;
                }
                _ => {
                    let class = match token.class() {
                        Class::Mention(_) => Class::Word,
                        other => other,
                    };
                    list[write] =
                        Token::new(token.start(), token.end(), class, token.spaced, token.opens);
                    read += 1;
                }
            }
            write += 1;
        }
        list.truncate(write);
        (list, of_mention)
    }

    proptest::proptest! {
        /// Remarking gives the tokens a scan of every token gives: mentions kept, dropped and
        /// added over one or several tokens, also across a block's end.
        #[test]
        fn remarking_agrees_with_a_scan(
            words in proptest::collection::vec((0usize..3, proptest::bool::ANY), 1..30),
            marks in proptest::collection::vec((0usize..4, 0usize..3), 0..30),
        ) {
            const WORDS: [&str; 3] = ["Haftar", "und", "Nationen"];
            let mut text = String::new();
            let mut spans = Vec::new();
            for &(w, paragraph) in &words {
                if !text.is_empty() {
                    text.push_str(if paragraph { "\n\n" } else { " " });
                }
                spans.push(Span::new(text.len(), text.len() + WORDS[w].len()));
                text.push_str(WORDS[w]);
            }
            let mut d = doc(&text, &[]);
            let (blocks, _) = crate::ingest::text::layout(&text);
            d.blocks = blocks;
            let mention = |from: usize, to: usize| Mention {
                span: Span::new(spans[from].start(), spans[to].end()),
                kind: Kind::Org,
                form: Form::Name,
                actor: None,
                origin: Origin::Model,
            };
            // Old mentions over single words, then (by what `marks` says at each word) some
            // kept, some dropped and new ones added over one to three words.
            let (mut old, mut new) = (Vec::new(), Vec::new());
            let mut i = 0;
            for &(what, len) in &marks {
                if i >= spans.len() {
                    break;
                }
                let to = (i + len).min(spans.len() - 1);
                match what {
                    0 => {
                        old.push(mention(i, i));
                        new.push(mention(i, i));
                    }
                    1 => old.push(mention(i, i)),
                    2 => new.push(mention(i, to)),
                    _ => {}
                }
                i = to + 1;
            }
            d.mentions = old;
            let mut tokens = Tokens::of(&d);
            let (list, of_mention) = remarked_by_scan(&tokens, &new);
            tokens.remark(&new);
            let fields = |l: &[Token]| -> Vec<(Span, Class, bool, bool)> {
                l.iter().map(|t| (t.span(), t.class(), t.spaced, t.opens)).collect()
            };
            proptest::prop_assert_eq!(fields(&tokens.list), fields(&list));
            proptest::prop_assert_eq!(tokens.of_mention, of_mention);
        }
    }
}

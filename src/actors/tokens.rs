//! The token stream linking reads around mentions: the article blocks tokenized by
//! `crate::nlp::tokenize`, with each mention made one token (a word that a mention covers only
//! in part keeps its rest as a token of its own).

#[cfg(test)]
use crate::document::Document;
use crate::document::{Block, Lang, Mention, Span};
use crate::nlp::tokenize::{Token as NlpToken, TokenKind, tokenize_span};
use std::ops::Range;

/// What a token is (as the tests see it: linking asks `Tokens::is_word`, `Tokens::mention`
/// and `Tokens::is_punct`).
#[cfg(test)]
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

/// The longest word, number or punctuation token in bytes, and the highest mention index a
/// token holds: the 28 bits of a token's payload. A longer piece of text is cut into several
/// tokens of its class (at character boundaries): such a run names nothing.
const MAX_PAYLOAD: usize = (1 << 28) - 1;

/// A token. Eight bytes: the list of a long text's tokens (one per 7.5 bytes of text) is
/// written once and read by every phase, so it holds only its start (a 32-bit byte offset:
/// `Tokens::build` asserts that the text is shorter than 4 GiB) and one 32-bit word packing
/// (from the low bits up) its class's tag (2 bits), whether white space comes before it (1),
/// whether it opens a block (1; the phases only ask whether two neighbours share a block) and
/// a 28-bit payload:
/// - a word's, number's or punctuation's length in bytes (at most `MAX_PAYLOAD`; punctuation's
///   character is its text's first, so it is not stored);
/// - a mention's index; its end is in `Tokens::of_mention`, as a mention token may cover
///   several words and is seldom asked for its end.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    start: u32,
    packed: u32,
}

/// The variant of a token's class: the low two bits of `Token::packed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Word = 0,
    Number = 1,
    Punct = 2,
    Mention = 3,
}

/// `Token::packed`'s bit of white space before the token.
const SPACED: u32 = 1 << 2;
/// `Token::packed`'s bit of the first token of a block.
const OPENS: u32 = 1 << 3;
/// Where `Token::packed`'s payload begins.
const PAYLOAD_SHIFT: u32 = 4;

impl Token {
    /// A token at byte `start` of the text with a payload (its length, or a mention's index:
    /// at most `MAX_PAYLOAD`).
    #[inline(always)]
    fn new(start: usize, payload: usize, tag: Tag, spaced: bool, opens: bool) -> Token {
        debug_assert!(payload <= MAX_PAYLOAD, "token payload {payload} too large");
        Token {
            // The text is shorter than 4 GiB (`Tokens::build`).
            start: start as u32,
            packed: ((payload as u32) << PAYLOAD_SHIFT)
                | (u32::from(opens) * OPENS)
                | (u32::from(spaced) * SPACED)
                | tag as u32,
        }
    }

    /// A word, number or punctuation token over bytes `start..end` (at most `MAX_PAYLOAD`
    /// bytes).
    #[inline(always)]
    fn piece(start: usize, end: usize, tag: Tag, spaced: bool, opens: bool) -> Token {
        debug_assert!(start <= end, "inverted token {start}..{end}");
        Token::new(start, end - start, tag, spaced, opens)
    }

    /// The token of mention `m`, which must be below 2^28.
    fn mention(start: usize, m: usize, spaced: bool, opens: bool) -> Token {
        // A text's mentions take 24 bytes each: 2^28 of them would take more than 6 GB, and
        // the recognizer could not find them in a text under 4 GiB in any reasonable time.
        assert!(m <= MAX_PAYLOAD, "fewer than 2^28 mentions");
        Token::new(start, m, Tag::Mention, spaced, opens)
    }

    #[inline]
    fn tag(&self) -> Tag {
        match self.packed & 3 {
            0 => Tag::Word,
            1 => Tag::Number,
            2 => Tag::Punct,
            _ => Tag::Mention,
        }
    }

    /// The length, or the mention's index.
    #[inline]
    fn payload(&self) -> usize {
        (self.packed >> PAYLOAD_SHIFT) as usize
    }

    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The token's length in bytes, but 0 for a mention token (its end is kept by `Tokens`:
    /// `Tokens::len`).
    #[inline]
    pub fn len(&self) -> usize {
        if self.is_mention() { 0 } else { self.payload() }
    }

    /// White space (or a block start) before the token.
    #[inline]
    pub fn spaced(&self) -> bool {
        self.packed & SPACED != 0
    }

    /// The first token of a block: the token before it (if any) lies in another block.
    #[inline]
    fn opens(&self) -> bool {
        self.packed & OPENS != 0
    }

    #[inline]
    pub fn is_word(&self) -> bool {
        self.packed & 3 == Tag::Word as u32
    }

    #[inline]
    pub fn is_mention(&self) -> bool {
        self.packed & 3 == Tag::Mention as u32
    }
}

/// Where a mention's token is: its index and its end (a mention token does not hold its end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Placed {
    /// The token's index; `Placed::NONE`'s for a mention outside the article blocks.
    token: u32,
    end: u32,
}

impl Placed {
    /// A mention without a token.
    const NONE: Placed = Placed {
        token: u32::MAX,
        end: 0,
    };

    /// Mention token `token`, ending at byte `end`.
    fn new(token: usize, end: usize) -> Placed {
        Placed {
            // Every token takes 8 bytes here, and its tokenizer token 24 more: 2^32 - 1 of
            // them would take more than 128 GB.
            token: u32::try_from(token)
                .ok()
                .filter(|&t| t != u32::MAX)
                .expect("fewer than 2^32 - 1 tokens"),
            // The text is shorter than 4 GiB (`Tokens::build`).
            end: end as u32,
        }
    }

    #[inline]
    fn token(&self) -> Option<usize> {
        (self.token != u32::MAX).then_some(self.token as usize)
    }
}

/// The tokens of a document's article blocks, in text order.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token>,
    /// Mention index → its token and the token's end.
    of_mention: Vec<Placed>,
}

impl<'t> Tokens<'t> {
    /// Tokenizes the article blocks (the whole text when there are no blocks) of a text in a
    /// language, with its sorted mentions as single tokens.
    pub fn scan(text: &'t str, lang: &Lang, blocks: &[Block], mentions: &[Mention]) -> Tokens<'t> {
        Tokens::build::<MAX_PAYLOAD>(text, lang, blocks, mentions, None)
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
        Tokens::build::<MAX_PAYLOAD>(text, lang, blocks, mentions, Some(words))
    }

    /// `scan` or `from_tokens`, with words, numbers and punctuation cut into tokens of at most
    /// `MAX` bytes (`MAX_PAYLOAD`, but less in the tests of the cut).
    fn build<const MAX: usize>(
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
        let mut of_mention = vec![Placed::NONE; mentions.len()];
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
            let mut out = BlockTokens::<MAX> {
                list: &mut list,
                text,
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
                pos = out.push_words(&rest[..whole], pos);
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
        self.remark_with::<MAX_PAYLOAD>(mentions);
    }

    /// `remark`, with a mention token that becomes a word cut into words of at most `MAX`
    /// bytes (`MAX_PAYLOAD`, but less in the tests of the cut).
    fn remark_with<const MAX: usize>(&mut self, mentions: &[Mention]) {
        let old = std::mem::replace(&mut self.of_mention, vec![Placed::NONE; mentions.len()]);
        // The end of token `p`, an old mention's by its old index.
        let end_of = |token: Token| match token.tag() {
            Tag::Mention => old[token.payload()].end as usize,
            _ => token.start() + token.payload(),
        };
        // The tokens that were mentions, in text order (each is some mention's token): one
        // that a mention starts at stays a mention token, any other becomes a word.
        let mut was_mention = old.iter().filter_map(Placed::token).peekable();
        // The words (where they end up, and where they end) that were mention tokens too long
        // for a word token: cut after the compaction.
        let mut long = Vec::new();
        // Mention token `p`, which will end up at `at`, becomes a word.
        let mut unmention = |list: &mut [Token], p: usize, at: usize| {
            let token = list[p];
            let (start, end) = (token.start(), end_of(token));
            if end - start > MAX {
                long.push((at, end));
            }
            list[p] = Token::new(
                start,
                (end - start).min(MAX),
                Tag::Word,
                token.spaced(),
                token.opens(),
            );
        };
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
                unmention(list, p, p - shift);
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
                && !list[end + 1].opens()
                && end_of(list[end + 1]) <= m.span.end()
            {
                end += 1;
            }
            while was_mention.next_if(|&p| p <= end).is_some() {}
            let token_end = end_of(list[end]);
            list[t] = Token::mention(start, j, list[t].spaced(), list[t].opens());
            self.of_mention[j] = Placed::new(t - shift, token_end);
            if end > t {
                move_back(list, unmoved..t + 1, shift);
                shift += end - t;
                unmoved = end + 1;
            }
            free = end + 1;
        }
        for p in was_mention {
            unmention(list, p, p - shift);
        }
        let len = list.len();
        move_back(list, unmoved..len, shift);
        list.truncate(len - shift);
        if !long.is_empty() {
            self.cut_long_words::<MAX>(&long);
        }
    }

    /// Cuts the words at the given places (ascending, with their ends: words that were
    /// mention tokens) into words of at most `MAX` bytes, and moves the mention tokens after
    /// them to their new places. A new list: this happens only to words hundreds of megabytes
    /// long.
    #[cold]
    fn cut_long_words<const MAX: usize>(&mut self, long: &[(usize, usize)]) {
        let old = std::mem::take(&mut self.list);
        let mut list = Vec::with_capacity(old.len() + long.len());
        // Where each cut word's last piece ends up.
        let mut moved = Vec::with_capacity(long.len());
        let mut from = 0;
        for &(at, end) in long {
            list.extend_from_slice(&old[from..at]);
            let token = old[at];
            push_pieces::<MAX>(
                &mut list,
                self.text,
                token.start(),
                end,
                Tag::Word,
                token.spaced(),
                token.opens(),
            );
            moved.push((at, list.len() - 1 - at));
            from = at + 1;
        }
        list.extend_from_slice(&old[from..]);
        // The mention tokens are in text order, as are the cut words.
        let mut cut = moved.iter().peekable();
        let mut added = 0;
        for placed in &mut self.of_mention {
            if let Some(t) = placed.token() {
                while let Some(&(_, by)) = cut.next_if(|&&(at, _)| at < t) {
                    added = by;
                }
                *placed = Placed::new(t + added, placed.end as usize);
            }
        }
        self.list = list;
    }

    /// The start of token `i`.
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.list[i].start()
    }

    /// The end of token `i`.
    #[inline]
    pub fn end(&self, i: usize) -> usize {
        let token = self.list[i];
        if token.is_mention() {
            self.of_mention[token.payload()].end as usize
        } else {
            token.start() + token.payload()
        }
    }

    /// The span of token `i`.
    #[inline]
    pub fn span(&self, i: usize) -> Span {
        Span::new(self.start(i), self.end(i))
    }

    /// The length in bytes of token `i`.
    #[inline]
    pub fn len(&self, i: usize) -> usize {
        self.end(i) - self.start(i)
    }

    /// White space (or a block start) before token `i`.
    #[inline]
    pub fn spaced(&self, i: usize) -> bool {
        self.list[i].spaced()
    }

    /// The text of token `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &'t str {
        &self.text[self.start(i)..self.end(i)]
    }

    /// The bytes of token `i`: for a look at a few of them, without the checks of `text` that
    /// the token begins and ends on characters.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'t [u8] {
        &self.text.as_bytes()[self.start(i)..self.end(i)]
    }

    /// The class of token `i`.
    #[cfg(test)]
    pub fn class(&self, i: usize) -> Class {
        let token = self.list[i];
        match token.tag() {
            Tag::Mention => Class::Mention(token.payload() as u32),
            Tag::Word => Class::Word,
            Tag::Number => Class::Number,
            Tag::Punct => Class::Punct(self.text(i).chars().next().unwrap_or(' ')),
        }
    }

    /// The token of a mention (none for mentions outside the article blocks).
    #[inline]
    pub fn of_mention(&self, mention: usize) -> Option<usize> {
        self.of_mention.get(mention).and_then(Placed::token)
    }

    /// True when tokens `i` and `i + 1` are in the same block.
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.list.len() && !self.list[i + 1].opens()
    }

    /// The token before `i` in the same block.
    #[inline]
    pub fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && !self.list[i].opens()).then(|| i - 1)
    }

    /// The token after `i` in the same block.
    #[inline]
    pub fn next(&self, i: usize) -> Option<usize> {
        self.joined(i).then_some(i + 1)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.list[i].is_word()
    }

    #[inline]
    pub fn mention(&self, i: usize) -> Option<usize> {
        let token = &self.list[i];
        token.is_mention().then(|| token.payload())
    }

    /// True when token `i` is punctuation beginning with `c` (its class's character is its
    /// first: `Token`).
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        let token = &self.list[i];
        if token.packed & 3 != Tag::Punct as u32 {
            return false;
        }
        let text = &self.text.as_bytes()[token.start()..];
        if c.is_ascii() {
            text.first() == Some(&(c as u8))
        } else {
            text.starts_with(c.encode_utf8(&mut [0; 4]).as_bytes())
        }
    }
}

/// The tokens of one block as they are added, words, numbers and punctuation cut into tokens
/// of at most `MAX` bytes.
struct BlockTokens<'l, 't, const MAX: usize> {
    list: &'l mut Vec<Token>,
    text: &'t str,
    /// The block's span.
    block: Span,
    /// Where a token starts after white space: after the block's last token so far (or, for
    /// the first, in the block).
    spaced_from: usize,
    /// No token has been added yet: the next opens the block.
    opens: bool,
}

impl<const MAX: usize> BlockTokens<'_, '_, MAX> {
    /// Adds a word, number or punctuation token over `start..end` (`start < end`).
    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, tag: Tag) {
        let spaced = start >= self.spaced_from;
        push_piece::<MAX>(self.list, self.text, start, end, tag, spaced, self.opens);
        self.spaced_from = end + 1;
        self.opens = false;
    }

    /// Adds the tokens of words that no mention starts in (the part after `pos` of each);
    /// returns the end of the last. Most of a text's tokens are added here: a loop of its own,
    /// whose few variables stay in registers.
    #[inline(never)]
    fn push_words(&mut self, words: &[NlpToken], mut pos: usize) -> usize {
        let (list, text) = (&mut *self.list, self.text);
        let (mut spaced_from, mut opens) = (self.spaced_from, self.opens);
        for word in words {
            let end = word.span.end();
            if end > pos {
                let start = word.span.start().max(pos);
                let tag = class_of(text, start, end, word.kind);
                push_piece::<MAX>(list, text, start, end, tag, start >= spaced_from, opens);
                (spaced_from, opens, pos) = (end + 1, false, end);
            }
        }
        (self.spaced_from, self.opens) = (spaced_from, opens);
        pos
    }

    /// Adds mention `m`'s token (clipped to the block, after `pos`); returns its end.
    fn push_mention(
        &mut self,
        of_mention: &mut [Placed],
        m: usize,
        span: Span,
        pos: usize,
    ) -> usize {
        let start = span.start().max(pos);
        let end = span.end().min(self.block.end()).max(start);
        of_mention[m] = Placed::new(self.list.len(), end);
        let spaced = start >= self.spaced_from;
        self.list.push(Token::mention(start, m, spaced, self.opens));
        self.spaced_from = end + 1;
        self.opens = false;
        end
    }
}

/// Adds a word, number or punctuation token over `start..end`: one token, or (longer than
/// `MAX` bytes) several.
#[inline(always)]
fn push_piece<const MAX: usize>(
    list: &mut Vec<Token>,
    text: &str,
    start: usize,
    end: usize,
    tag: Tag,
    spaced: bool,
    opens: bool,
) {
    if end - start <= MAX {
        list.push(Token::piece(start, end, tag, spaced, opens));
    } else {
        push_pieces::<MAX>(list, text, start, end, tag, spaced, opens);
    }
}

/// Adds tokens of a class over `start..end` (both on characters), each at most `MAX` bytes
/// and cut on characters: the first spaced and opening as told, the others glued to it.
#[cold]
#[inline(never)]
fn push_pieces<const MAX: usize>(
    list: &mut Vec<Token>,
    text: &str,
    mut start: usize,
    end: usize,
    tag: Tag,
    mut spaced: bool,
    mut opens: bool,
) {
    // A character has at most four bytes: every piece has one at least.
    const { assert!(MAX >= 4 && MAX <= MAX_PAYLOAD) };
    while start < end {
        let cut = if end - start <= MAX {
            end
        } else {
            text.floor_char_boundary(start + MAX)
        };
        list.push(Token::piece(start, cut, tag, spaced, opens));
        (start, spaced, opens) = (cut, false, false);
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
/// most are told by their kind or first byte, without a look at the rest.
#[inline(always)]
fn class_of(text: &str, start: usize, end: usize, kind: TokenKind) -> Tag {
    match kind {
        TokenKind::Number => Tag::Number,
        TokenKind::Punct | TokenKind::Symbol => Tag::Punct,
        TokenKind::Word | TokenKind::Abbrev | TokenKind::Url | TokenKind::Email
            if text.as_bytes()[start].is_ascii_alphanumeric() =>
        {
            Tag::Word
        }
        _ => word_or_punct(&text[start..end]),
    }
}

/// `class_of` for the word tokens its first byte does not tell: a word when a letter or digit
/// is in it, else punctuation.
#[inline(never)]
fn word_or_punct(piece: &str) -> Tag {
    if piece.chars().any(char::is_alphanumeric) {
        Tag::Word
    } else {
        Tag::Punct
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
    fn tokens_are_8_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
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
        assert!(t.spaced(1) && t.spaced(2));
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
        assert!(!t.spaced(2), "the rest of the word is glued to the name");
        assert_eq!(t.class(12), Class::Number);
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
        assert!(!t.spaced(2) && !t.spaced(3) && t.spaced(4));
    }

    #[test]
    fn a_mention_added_over_a_word_becomes_its_token() {
        let mut d = doc("Die AfD und die Linke und Haftar", &["Haftar"]);
        let mut t = Tokens::scan(&d.text, &d.lang, &d.blocks, &d.mentions);
        let afd = (0..t.list.len()).position(|i| t.text(i) == "AfD").unwrap();
        let added = crate::document::Mention {
            span: t.span(afd),
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

    /// What a token is: its span, class, and whether it is spaced and opens a block.
    type Fields = (Span, Class, bool, bool);

    /// The fields of every token.
    fn fields(t: &Tokens) -> Vec<Fields> {
        (0..t.list.len())
            .map(|i| (t.span(i), t.class(i), t.spaced(i), t.list[i].opens()))
            .collect()
    }

    /// `remark` as one scan of every token does it: the tokens' fields and each mention's
    /// token.
    fn remarked_by_scan(
        tokens: &Tokens,
        mentions: &[Mention],
    ) -> (Vec<Fields>, Vec<Option<usize>>) {
        let list = fields(tokens);
        let opens = |i: usize| list[i].3;
        let mut out = Vec::new();
        let mut of_mention = vec![None; mentions.len()];
        let (mut read, mut j) = (0, 0);
        while read < list.len() {
            let (span, class, spaced, opens_here) = list[read];
            while j < mentions.len() && mentions[j].span.start() < span.start() {
                j += 1;
            }
            match mentions.get(j) {
                Some(m) if m.span.start() == span.start() => {
                    let mut end = read;
                    while end + 1 < list.len()
                        && !opens(end + 1)
                        && list[end + 1].0.end() <= m.span.end()
                    {
                        end += 1;
                    }
                    of_mention[j] = Some(out.len());
                    let span = Span::new(span.start(), list[end].0.end());
                    out.push((span, Class::Mention(j as u32), spaced, opens_here));
                    read = end + 1;
                }
                _ => {
                    let class = match class {
                        Class::Mention(_) => Class::Word,
                        other => other,
                    };
                    out.push((span, class, spaced, opens_here));
                    read += 1;
                }
            }
        }
        (out, of_mention)
    }

    #[test]
    fn long_words_and_punctuation_are_cut_into_tokens_of_their_class() {
        let d = doc("Die Grüßenden riefen !!!!!! und Haftar", &["Haftar"]);
        let t = Tokens::build::<4>(&d.text, &d.lang, &d.blocks, &d.mentions, None);
        assert_eq!(
            texts(&t),
            [
                "Die", "Grü", "ßen", "den", "rief", "en", "!!!!", "!!", "und", "Haftar"
            ]
        );
        let classes: Vec<Class> = (0..t.list.len()).map(|i| t.class(i)).collect();
        assert_eq!(classes[..6], [Class::Word; 6]);
        assert_eq!(classes[6..8], [Class::Punct('!'); 2]);
        assert_eq!(classes[9], Class::Mention(0));
        let spaced: Vec<bool> = (0..t.list.len()).map(|i| t.spaced(i)).collect();
        assert_eq!(
            spaced,
            [
                true, true, false, false, true, false, true, false, true, true
            ]
        );
        assert_eq!(t.of_mention(0), Some(9));
    }

    #[test]
    fn a_long_mention_that_becomes_a_word_is_cut() {
        let mut d = doc(
            "Die Nationalversammlung und Haftar",
            &["Nationalversammlung", "Haftar"],
        );
        let mut t = Tokens::build::<4>(&d.text, &d.lang, &d.blocks, &d.mentions, None);
        assert_eq!(texts(&t), ["Die", "Nationalversammlung", "und", "Haftar"]);
        d.mentions.remove(0);
        t.remark_with::<4>(&d.mentions);
        assert_eq!(
            texts(&t),
            [
                "Die", "Nati", "onal", "vers", "amml", "ung", "und", "Haftar"
            ]
        );
        assert!((1..6).all(|i| t.class(i) == Class::Word));
        assert!(t.spaced(1) && !t.spaced(2) && t.spaced(6));
        assert_eq!(t.of_mention(0), Some(7));
        assert_eq!(t.mention(7), Some(0));
    }

    proptest::proptest! {
        /// Tokens cut at 4 bytes are the uncut tokens cut on characters: the first piece as the
        /// uncut token is spaced and opens, the others glued to it, all of its class (a
        /// punctuation piece's character its own first); and the uncut tokens' classes are the
        /// plain rule's: a tokenizer number is a number, punctuation and symbols are
        /// punctuation, and other tokens are words when they hold a letter or digit.
        #[test]
        fn cut_tokens_agree_with_the_uncut_and_classes_with_the_plain_rule(
            pieces in proptest::collection::vec((0usize..12, 0usize..4, proptest::bool::ANY), 1..40),
        ) {
            const PIECES: [&str; 12] = [
                "Haftar", "Grüßenden", "!!!!!!", "—–—", "3,5", "«", "Ärzte", "'", "😀😀", "....",
                "US-Vertreter", "17.",
            ];
            const GAPS: [&str; 4] = [" ", "", "\n\n", " "];
            let mut text = String::new();
            let mut marked = Vec::new();
            for &(p, gap, mark) in &pieces {
                if !text.is_empty() {
                    text.push_str(GAPS[gap]);
                }
                if mark && PIECES[p].chars().all(char::is_alphabetic) {
                    marked.push(Span::new(text.len(), text.len() + PIECES[p].len()));
                }
                text.push_str(PIECES[p]);
            }
            let mut d = doc(&text, &[]);
            let (blocks, _) = crate::ingest::text::layout(&text);
            d.blocks = blocks;
            d.mentions = marked
                .iter()
                .map(|&span| Mention {
                    span,
                    kind: Kind::Per,
                    form: Form::Name,
                    actor: None,
                    origin: Origin::Model,
                })
                .collect();
            let uncut = Tokens::of(&d);
            let cut = Tokens::build::<4>(&d.text, &d.lang, &d.blocks, &d.mentions, None);
            let mut j = 0;
            for i in 0..uncut.list.len() {
                proptest::prop_assert_eq!(cut.start(j), uncut.start(i));
                proptest::prop_assert_eq!(cut.class(j), uncut.class(i));
                proptest::prop_assert_eq!(cut.spaced(j), uncut.spaced(i));
                proptest::prop_assert_eq!(cut.list[j].opens(), uncut.list[i].opens());
                while cut.end(j) < uncut.end(i) {
                    proptest::prop_assert!(cut.mention(j).is_none() && cut.len(j) <= 4);
                    j += 1;
                    proptest::prop_assert_eq!(cut.start(j), cut.end(j - 1));
                    proptest::prop_assert!(!cut.spaced(j) && !cut.list[j].opens());
                    proptest::prop_assert_eq!(cut.list[j].tag(), uncut.list[i].tag());
                }
                proptest::prop_assert_eq!(cut.end(j), uncut.end(i));
                proptest::prop_assert!(cut.mention(j).is_some() || cut.len(j) <= 4);
                j += 1;
            }
            proptest::prop_assert_eq!(j, cut.list.len());
            for m in 0..d.mentions.len() {
                let (u, c) = (uncut.of_mention(m), cut.of_mention(m));
                proptest::prop_assert_eq!(u.map(|u| uncut.span(u)), c.map(|c| cut.span(c)));
            }
            // The tokenizer's tokens of the article blocks, and each uncut token's class by
            // the plain rule of the one it lies in.
            let mut words = Vec::new();
            let whole = Span::new(0, d.text.len());
            let article = d.blocks.iter().filter(|b| b.role.is_article()).map(|b| b.span);
            for span in std::iter::once(whole).filter(|_| d.blocks.is_empty()).chain(article) {
                tokenize_span(&d.text, span, &d.lang, &mut words);
            }
            for i in 0..uncut.list.len() {
                if uncut.mention(i).is_some() {
                    continue;
                }
                let word = words
                    .iter()
                    .find(|w| w.span.start() <= uncut.start(i) && uncut.end(i) <= w.span.end())
                    .expect("a token lies in a tokenizer token");
                let piece = uncut.text(i);
                let punct = Class::Punct(piece.chars().next().unwrap_or(' '));
                let plain = match word.kind {
                    TokenKind::Number => Class::Number,
                    TokenKind::Punct | TokenKind::Symbol => punct,
                    _ if piece.chars().any(char::is_alphanumeric) => Class::Word,
                    _ => punct,
                };
                proptest::prop_assert_eq!(uncut.class(i), plain);
            }
        }

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
            proptest::prop_assert_eq!(fields(&tokens), list);
            let placed: Vec<Option<usize>> =
                (0..new.len()).map(|m| tokens.of_mention(m)).collect();
            proptest::prop_assert_eq!(placed, of_mention);
        }
    }
}

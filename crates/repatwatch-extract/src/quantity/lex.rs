//! Tokens and word lists of the quantity dimension.
//!
//! The text is lower-cased once with `to_ascii_lowercase` (which keeps every
//! byte offset), cut into word, number and punctuation tokens, and every rule
//! then compares lower-case token slices against the word lists below.

use crate::model::Gender;
use crate::time::parse as time_parse;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (maybe with digits, hyphens, apostrophes).
    Word,
    /// Digits only, maybe with thousands commas, a decimal point, or a
    /// hyphen/en dash joining two numbers ("50-60").
    Num,
    /// One punctuation character.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    s: u32,
    e: u32,
    /// The word lists the lower-case word belongs to.
    pub fl: u16,
    /// Its [`Kind`] (`KIND`), and the bits `CAP` (the first character is
    /// an upper-case letter), `SENT` (starts a sentence: first token, or
    /// after `.`, `!`, `?`, a newline), `HYPH` (the token contains a hyphen,
    /// '-', U+2010 or U+2011: computed once here so that the rules need not
    /// search the word again) and `NEAR` ([`Tok::near`]).
    bits: u8,
    /// Its people-noun reading, an index into the lexicon's (0: none).
    hd: u8,
    /// [`Ctx::num_ahead`] (low four bits) and [`Ctx::head_ahead`] (high
    /// four bits), both capped at 15.
    ahead: u8,
    /// Its lexicon entry ([`Ctx::id`]; 0: a word in no list, a number,
    /// punctuation).
    id: u16,
}

const KIND: u8 = 3;
const CAP: u8 = 1 << 2;
const SENT: u8 = 1 << 3;
const HYPH: u8 = 1 << 4;
/// `people::may_start_np` holds at the token ([`Tok::near`]).
const NEAR: u8 = 1 << 5;

impl Tok {
    #[inline]
    pub fn s(&self) -> usize {
        self.s as usize
    }
    #[inline]
    pub fn e(&self) -> usize {
        self.e as usize
    }
    #[inline]
    pub fn kind(&self) -> Kind {
        match self.bits & KIND {
            0 => Kind::Word,
            1 => Kind::Num,
            _ => Kind::Punct,
        }
    }
    #[inline]
    pub fn cap(&self) -> bool {
        self.bits & CAP != 0
    }
    #[inline]
    pub fn sent_start(&self) -> bool {
        self.bits & SENT != 0
    }
    #[inline]
    pub fn hyph(&self) -> bool {
        self.bits & HYPH != 0
    }
    /// A number or a people noun is within reach (`COUNT_REACH`,
    /// `HEAD_REACH`), or the word is a quantifier of its own or "the"
    /// before "rest": `people::match_np` may match here (no other token).
    #[inline]
    pub fn near(&self) -> bool {
        self.bits & NEAR != 0
    }
}

/// The token's `Tok::bits`.
#[inline(always)]
fn tok_bits(kind: Kind, cap: bool, sent_start: bool, hyph: bool) -> u8 {
    let kind = match kind {
        Kind::Word => 0,
        Kind::Num => 1,
        Kind::Punct => 2,
    };
    kind | (u8::from(cap) * CAP) | (u8::from(sent_start) * SENT) | (u8::from(hyph) * HYPH)
}

/// A text with its lower-case copy and tokens.
#[derive(Clone)]
pub struct Ctx<'a> {
    pub text: &'a str,
    /// `text.to_ascii_lowercase()`, made here or handed in.
    pub lower: Cow<'a, str>,
    pub toks: Vec<Tok>,
    /// One bit a token: may a people phrase start there ([`Ctx::np_from`])?
    np: Vec<u64>,
    lx: &'static Lexicon,
}

/// What the tokenizer hands each token to as well: nothing (`()`), or the
/// time grammar's tokenizer ([`time_parse::Shared`]), which reads the words
/// and their look-up from this pass instead of cutting the text again.
pub trait Sink {
    /// A word of ASCII letters, and the time grammar's flags of it.
    fn word(&mut self, s: usize, e: usize, upper: bool, time_flags: u32);
    /// A punctuation mark (a character that is neither a letter, a digit
    /// nor white space).
    fn punct(&mut self, s: usize, e: usize);
    /// Another token without an ASCII digit.
    fn piece(&mut self, s: usize, e: usize);
    /// Any other token.
    fn other(&mut self, s: usize, e: usize);
}

impl Sink for () {
    #[inline(always)]
    fn word(&mut self, _: usize, _: usize, _: bool, _: u32) {}
    #[inline(always)]
    fn punct(&mut self, _: usize, _: usize) {}
    #[inline(always)]
    fn piece(&mut self, _: usize, _: usize) {}
    #[inline(always)]
    fn other(&mut self, _: usize, _: usize) {}
}

impl Sink for time_parse::Shared<'_> {
    #[inline(always)]
    fn word(&mut self, s: usize, e: usize, upper: bool, time_flags: u32) {
        time_parse::Shared::word(self, s, e, upper, time_flags);
    }
    #[inline(always)]
    fn punct(&mut self, s: usize, e: usize) {
        time_parse::Shared::punct(self, s, e);
    }
    #[inline(always)]
    fn piece(&mut self, s: usize, e: usize) {
        time_parse::Shared::piece(self, s, e);
    }
    #[inline(always)]
    fn other(&mut self, s: usize, e: usize) {
        time_parse::Shared::other(self, s, e);
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_lower(text, Cow::Owned(text.to_ascii_lowercase()))
    }

    /// [`Ctx::new`], given the text's ASCII-lowercased twin (the same
    /// offsets), as `Doc` keeps it.
    pub fn with_lower(text: &'a str, lower: Cow<'a, str>) -> Self {
        Self::with_sink(text, lower, &mut ())
    }

    /// [`Ctx::with_lower`], handing every token to `sink` as well (`None`
    /// for a text too long to read).
    pub fn with_sink(text: &'a str, lower: Cow<'a, str>, sink: &mut impl Sink) -> Self {
        debug_assert_eq!(text.len(), lower.len(), "the lower-case twin of the text");
        let lx = lexicon();
        // offsets are kept in 32 bits: a longer text is not read
        let mut toks = if text.len() < u32::MAX as usize {
            tokenize(text, &lower, lx, sink)
        } else {
            Vec::new()
        };
        let np = ahead_and_starts(&mut toks);
        Ctx {
            text,
            lower,
            toks,
            np,
            lx,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lower-case text of token `i` ("" past the end).
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.s()..t.e()],
            None => "",
        }
    }

    /// Original text of token `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.s()..t.e()],
            None => "",
        }
    }

    /// Lower-case text of the token before `i` ("" at the start).
    #[inline]
    pub fn prev(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    /// The word lists token `i` belongs to.
    #[inline]
    pub fn fl(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.fl)
    }

    /// The lexicon entry of token `i`: `cx.id(i) == w::OF` is
    /// `cx.w(i) == "of"` for every word of [`RULE_WORDS`] (only a word token
    /// spelling it has its entry; past the end, 0).
    #[inline]
    pub fn id(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.id)
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(Tok::kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    #[inline]
    pub fn is_punct(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct)
    }

    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::cap)
    }

    /// Does token `i` contain a hyphen ('-', U+2010, U+2011)? The same as
    /// `self.w(i).contains(['-', '\u{2010}', '\u{2011}'])`.
    #[inline]
    pub fn hyph(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::hyph)
    }

    /// `head(self.w(i))`, read by the tokenizer (a number, punctuation or
    /// past the end has no head reading, and is no head word either).
    #[inline]
    pub fn head(&self, i: usize) -> Option<HeadInfo> {
        match self.toks.get(i) {
            Some(t) if t.hd != 0 => self.lx.heads[t.hd as usize],
            _ => None,
        }
    }

    /// How many tokens from `i` on to the first that may start a number or
    /// a vague quantifier: a number, a number word, a hyphenated word
    /// ("twenty-one", "20-odd"), "half", a quantifier word ("dozens",
    /// "several"), "a"/"an" before a word they count with ("a dozen", "a
    /// few", "a number of"). 15 when there is none so near (or past the
    /// end), or when a punctuation token comes before it.
    /// `number::parse_num` and `number::vague` read no other token at their
    /// start, and the words before the number of a count phrase or of a
    /// people phrase (determiners, "of", modifiers like "more than") are
    /// words: no punctuation is on the way.
    #[inline]
    pub fn num_ahead(&self, i: usize) -> usize {
        self.toks.get(i).map_or(15, |t| usize::from(t.ahead & 15))
    }

    /// How many tokens from `i` on to the first with a people-noun reading
    /// ([`Ctx::head`]); 15 when there is none so near (or past the end), or
    /// when a punctuation token comes before it (`people::scan_head` steps
    /// over words only, and so do the determiners before it).
    #[inline]
    pub fn head_ahead(&self, i: usize) -> usize {
        self.toks.get(i).map_or(15, |t| usize::from(t.ahead >> 4))
    }

    /// `korean_surname(self.raw(i))`: a Korean family name, capitalised
    /// ("Kim", not "KIM" or "kim"). Every listed name is one capital and
    /// lower-case ASCII letters, so the lower-case word in the list and that
    /// shape of the original tell it.
    #[inline]
    pub fn surname(&self, i: usize) -> bool {
        if self.fl(i) & SURNAME == 0 {
            return false;
        }
        let raw = self.raw(i).as_bytes();
        raw[0].is_ascii_uppercase() && !raw[1..].iter().any(u8::is_ascii_uppercase)
    }

    #[inline]
    pub fn sent_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::sent_start)
    }

    /// The first token from `i` on at which `people::find_raw` may find a
    /// phrase: a number, or a word of its lists (or hyphenated) with a
    /// number or people noun within reach (`Ctx::num_ahead`,
    /// `Ctx::head_ahead`), a pronoun or a quantifier of its own ("some",
    /// "all", "those", "the" before "rest"); or a capitalised honorific or
    /// family name. (`people::find_raw` tries no other token: the test
    /// `people::filters` compares.)
    #[inline]
    pub fn np_from(&self, i: usize) -> Option<usize> {
        let mut w = i / 64;
        let mut bits = *self.np.get(w)? & (u64::MAX << (i % 64));
        while bits == 0 {
            w += 1;
            bits = *self.np.get(w)?;
        }
        Some(w * 64 + bits.trailing_zeros() as usize)
    }

    /// Do tokens `i..` spell `words` (lower case)?
    pub fn seq(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.w(i + k) == *w)
    }

    /// Byte start of token `i` (text length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.s())
    }

    /// Byte end of token `i - 1`, i.e. the end of a span of tokens `..i`.
    pub fn end_before(&self, i: usize) -> usize {
        match self.toks.len() {
            0 => 0,
            _ if i == 0 => 0,
            n => self.toks[(i - 1).min(n - 1)].e(),
        }
    }
}

/// The character at byte `i` and its length (ASCII fast path).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Does the token hold an ASCII digit?
#[cold]
fn has_digit(token: &[u8]) -> bool {
    token.iter().any(u8::is_ascii_digit)
}

/// A letter or digit. The General Punctuation block (U+2000–U+206F: dashes,
/// curly quotes, spaces) holds none: told without the Unicode tables.
#[inline]
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The marks the tokenizer leaves in `Tok::ahead` before the distances are
/// read ([`ahead_and_starts`]): the token may start a number
/// ([`Ctx::num_ahead`]); it has a people-noun reading; a phrase steps over
/// it ([`steps_over`]); it is a quantifier that starts a people phrase on
/// its own (`NP_QUANT_WORDS`, or "the" before "rest" or "remainder");
/// `people::find_raw` knows it (a number, a word of its lists, a
/// hyphenated word: tried where `people::match_np` may match); it is
/// tried anyway (a pronoun, or a name's first word, capitalised).
const AHEAD_NUM: u8 = 1;
const AHEAD_HEAD: u8 = 2;
const STEP: u8 = 1 << 2;
const QUANTW: u8 = 1 << 3;
const KNOWN: u8 = 1 << 4;
const ALWAYS: u8 = 1 << 5;
/// [`Entry::marks`] only: a name's first word when capitalised (an
/// honorific, a family name); a pronoun; "the"; "rest" or "remainder".
const NAME_E: u16 = 1 << 8;
const PRON_E: u16 = 1 << 9;
const THE_E: u16 = 1 << 10;
const REST_E: u16 = 1 << 11;
/// [`Entry::marks`] only: the word marks the token before it
/// ([`mark_before`]).
const BEFORE_E: u16 = 1 << 12;

/// The quantifiers `people::match_np` reads with no number or noun near
/// ("every one of them", "none of them", "Some had been sent back", "those
/// taken").
const NP_QUANT_WORDS: &[&str] = &[
    "every", "each", "none", "some", "many", "most", "all", "both", "various", "any", "those",
];

/// The marks of a word from its lists alone ([`Entry::marks`]).
fn word_marks(w: &str, fl: u16, hd: u8) -> u16 {
    let mut m = 0;
    if fl & (NUMW | QUANT) != 0 {
        m |= u16::from(AHEAD_NUM);
    }
    if hd != 0 {
        m |= u16::from(AHEAD_HEAD);
    }
    if fl & STEP_LISTS != 0 {
        m |= u16::from(STEP);
    }
    if NP_QUANT_WORDS.contains(&w) {
        m |= u16::from(QUANTW);
    }
    if fl & (FUNC | NUMW | HEAD | ADJ) != 0 {
        m |= u16::from(KNOWN);
    }
    if fl & (FUNC | SURNAME) != 0 {
        m |= NAME_E;
    }
    if fl & PRON != 0 {
        m |= PRON_E;
    }
    if w == "the" {
        m |= THE_E;
    }
    if matches!(w, "rest" | "remainder") {
        m |= REST_E;
    }
    if m & REST_E != 0 || fl & AFTER_A != 0 {
        m |= BEFORE_E;
    }
    m
}

/// The marks of a word token: [`word_marks`] of its entry, `cap` its first
/// character upper case, `hyph` it holds a hyphen, `ed` it ends in "ed".
#[inline(always)]
fn tok_marks(en: &Entry, cap: bool, hyph: bool, ed: bool) -> u8 {
    en.case_marks[usize::from(cap)]
        | (u8::from(hyph) * (AHEAD_NUM | STEP | KNOWN))
        | (u8::from(ed) * STEP)
}

/// The marks of a word token from its entry's [`word_marks`] alone, its
/// first character lower case (`cap` false) or upper case.
fn case_marks(entry: u16, cap: bool) -> u8 {
    let always = entry & PRON_E != 0 || entry & NAME_E != 0 && cap;
    (entry as u8 & (AHEAD_NUM | AHEAD_HEAD | STEP | QUANTW | KNOWN)) | (u8::from(always) * ALWAYS)
}

/// Does the word `lower[s..e]` end in "ed"?
#[inline(always)]
fn ends_ed(lower: &[u8], s: usize, e: usize) -> bool {
    // no branch on the word: its last two bytes (or the text's first two)
    let i = e.saturating_sub(2);
    match lower.get(i..i + 2) {
        Some(p) => (e - s >= 2) & (p == b"ed"),
        None => false,
    }
}

/// The lists of the words a phrase steps over ([`steps_over`]).
const STEP_LISTS: u16 = FUNC | NUMW | QUANT | ART | AFTER_A | ADJ | HEAD | PRON | CHAIN;

/// Can a count or people phrase step over this word before it reaches its
/// number or people noun? Its determiners, quantifiers and "of"
/// ("all of the", "most of the", "every one of"), the modifiers of a count
/// ("more than", "at least", "in the region of", "no fewer than",
/// `number::modifier`), and the adjectives `people::scan_head` steps over
/// (`ADJ`, hyphenated, a participle: "-ed" or one of `CHAIN_WORDS`). A
/// people noun and a word that may start a number end the way instead.
/// (`fl` the word's lists, `lower` the lower-case word.)
/// `lower[s..e]` is the word. (The tokenizer marks it, `STEP`.)
#[cfg(test)]
fn steps_over(fl: u16, hyph: bool, lower: &[u8], s: usize, e: usize) -> bool {
    fl & STEP_LISTS != 0 || hyph || (e >= s + 2 && lower.get(e - 2..e) == Some(b"ed"))
}

/// The distances of [`Ctx::num_ahead`] and [`Ctx::head_ahead`] from the
/// marks the tokenizer left, read from the last token back (over the
/// tokens a phrase steps over before its number or noun only: punctuation
/// and any other word break the way), and the tokens a people phrase may
/// start at ([`Ctx::np_from`]), one bit a token. No branch on the marks:
/// the two distances are the two nibbles of one byte, stepped by one look-up
/// in [`AHEAD_NEXT`] (by the token's marks `AHEAD_NUM`, `AHEAD_HEAD`, `STEP`),
/// and [`AHEAD_NEAR`] tells from that byte whether either is within reach.
fn ahead_and_starts(toks: &mut [Tok]) -> Vec<u64> {
    let mut np = vec![0u64; toks.len().div_ceil(64)];
    // `num_at | head_at << 4`
    let mut at = 0xffu8;
    // 64 tokens a word of `np`, its bits shifted in from the last token
    for (word, chunk) in np.iter_mut().zip(toks.chunks_mut(64)).rev() {
        let mut bits = 0u64;
        for t in chunk.iter_mut().rev() {
            let m = t.ahead;
            at =
                AHEAD_NEXT[usize::from(m & (AHEAD_NUM | AHEAD_HEAD | STEP)) << 8 | usize::from(at)];
            t.ahead = at;
            // `people::may_start_np`
            let near = AHEAD_NEAR[usize::from(at)] | (m & QUANTW) >> 3;
            t.bits |= near << 5;
            let start = (m & ALWAYS) >> 5 | (m & KNOWN) >> 4 & near;
            bits = bits << 1 | u64::from(start);
        }
        *word = bits;
    }
    np
}

/// A distance of [`AHEAD_NEXT`]: `d` at the token after, `zero` the token
/// is of its kind, `m` its marks.
const fn ahead_step(m: u8, d: u8, zero: bool) -> u8 {
    if zero {
        0
    } else if m & STEP != 0 {
        if d + 1 < 15 {
            d + 1
        } else {
            15
        }
    } else {
        15
    }
}

/// The next byte `num_at | head_at << 4` of [`ahead_and_starts`] (the
/// distances at the token before), from the token's marks `AHEAD_NUM`,
/// `AHEAD_HEAD`, `STEP` (the high byte of the index) and the byte at the
/// token after (the low byte): a distance is 0 at a token of its kind, one
/// more (at most 15) after a token a phrase steps over, and 15 after any
/// other.
static AHEAD_NEXT: [u8; 8 << 8] = {
    let mut t = [0u8; 8 << 8];
    let mut k = 0;
    while k < 8 << 8 {
        let (m, at) = ((k >> 8) as u8, (k & 0xff) as u8);
        let num_at = ahead_step(m, at & 15, m & AHEAD_NUM != 0);
        let head_at = ahead_step(m, at >> 4, m & AHEAD_HEAD != 0);
        t[k] = num_at | head_at << 4;
        k += 1;
    }
    t
};

/// Is a number or a people noun within reach (`COUNT_REACH`, `HEAD_REACH`)
/// at the distances `num_at | head_at << 4`? (1 or 0.)
static AHEAD_NEAR: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut k = 0;
    while k < 256 {
        let (num_at, head_at) = (k & 15, k >> 4);
        t[k] = (num_at <= super::number::COUNT_REACH + 1
            || head_at <= super::people::HEAD_REACH + 1) as u8;
        k += 1;
    }
    t
};

/// [`ahead_and_starts`] as first written, a select a mark (the reference of
/// its tests).
#[cfg(test)]
fn ahead_and_starts_plain(toks: &mut [Tok]) -> Vec<u64> {
    let mut np = vec![0u64; toks.len().div_ceil(64)];
    let (mut num_at, mut head_at) = (15u8, 15u8);
    for (word, chunk) in np.iter_mut().zip(toks.chunks_mut(64)).rev() {
        let mut bits = 0u64;
        for t in chunk.iter_mut().rev() {
            let m = t.ahead;
            let step = if m & STEP != 0 { 1 } else { 15 };
            num_at = if m & AHEAD_NUM != 0 {
                0
            } else {
                (num_at + step).min(15)
            };
            head_at = if m & AHEAD_HEAD != 0 {
                0
            } else {
                (head_at + step).min(15)
            };
            t.ahead = num_at | head_at << 4;
            let near = (usize::from(num_at) <= super::number::COUNT_REACH + 1)
                | (usize::from(head_at) <= super::people::HEAD_REACH + 1)
                | (m & QUANTW != 0);
            t.bits |= u8::from(near) * NEAR;
            let start = (m & ALWAYS != 0) | (m & KNOWN != 0) & near;
            bits = bits << 1 | u64::from(start);
        }
        *word = bits;
    }
    np
}

#[cfg(test)]
mod rule_word_ids {
    use super::*;
    use proptest::prelude::*;

    /// The rule words, some of their shapes (capitalised, hyphenated,
    /// longer, shorter) and other tokens.
    fn piece() -> impl Strategy<Value = String> {
        let words: Vec<String> = RULE_WORDS
            .iter()
            .flat_map(|w| {
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                [
                    w.to_string(),
                    w.to_ascii_uppercase(),
                    cap,
                    format!("{w}s"),
                    format!("{w}-{w}"),
                    w[1..].to_string(),
                ]
            })
            .chain(["5", ",", ".", "1,047", "don't", "caf\u{e9}"].map(String::from))
            .collect();
        proptest::sample::select(words)
    }

    proptest! {
        /// `cx.id(i) == w::X` is `cx.w(i) == "x"`, for every rule word.
        #[test]
        fn ids_tell_rule_words(ws in proptest::collection::vec(piece(), 0..40),
                               seps in proptest::collection::vec(
                                   proptest::sample::select(vec![" ", "  ", "\n", ""]), 40)) {
            let mut text = String::new();
            for (w, sep) in ws.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            let cx = Ctx::new(&text);
            for i in 0..cx.len() + 2 {
                for (k, w) in RULE_WORDS.iter().enumerate() {
                    prop_assert_eq!(cx.id(i) == (k + 1) as u16, cx.w(i) == *w, "{} {:?} in {:?}", i, w, text);
                }
            }
        }
    }

    /// The constants are the entries of their words.
    #[test]
    fn constants() {
        let lx = lexicon();
        for (w, id) in [
            ("of", w::OF),
            ("the", w::THE),
            ("north-korean", w::NORTH_KOREAN),
            ("well", w::WELL),
        ] {
            assert_eq!(lx.index(w.as_bytes(), 0, w.len()), id, "{w}");
        }
    }
}

#[cfg(test)]
mod ahead_tables {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The tables give what the selects give, on any marks.
        #[test]
        fn tables_match_plain(marks in proptest::collection::vec(0u8..64, 0..300),
                              bits in proptest::collection::vec(0u8..64, 300)) {
            let toks: Vec<Tok> = marks
                .iter()
                .zip(&bits)
                .map(|(&m, &b)| Tok {
                    s: 0,
                    e: 0,
                    fl: 0,
                    bits: b & !NEAR,
                    hd: 0,
                    ahead: m,
                    id: 0,
                })
                .collect();
            let (mut a, mut b) = (toks.clone(), toks);
            let na = ahead_and_starts(&mut a);
            let nb = ahead_and_starts_plain(&mut b);
            prop_assert_eq!(na, nb);
            for (x, y) in a.iter().zip(&b) {
                prop_assert_eq!((x.ahead, x.bits), (y.ahead, y.bits));
            }
        }
    }
}

/// Byte classes of ASCII: a letter or digit, a digit, white space (as
/// `char::is_whitespace`).
const ALNUM: u8 = 1;
const DIGIT: u8 = 2;
const SPACE: u8 = 4;

static CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_alphabetic() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The class of an ASCII byte (0 for the bytes of other characters).
#[inline]
fn class(b: u8) -> u8 {
    if b < 0x80 {
        CLASS[b as usize]
    } else {
        0
    }
}

/// Eight bytes of `H` set: the high bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte.
const fn bytes8(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The end of the run of ASCII letters and digits from `e` in the
/// lower-case text: the first byte that is none (or the end).
///
/// Eight bytes at a time: with `t` a byte below 0x80, `t + (0x80 - lo)`
/// sets its high bit exactly when `t >= lo`, and carries into no other
/// byte; a letter is in `a..=z` (the text is lower-cased), a digit in
/// `0..=9`, and a byte from 0x80 on is none.
#[inline]
fn alnum_run_end(lower: &[u8], mut e: usize) -> usize {
    let n = lower.len();
    while e + 8 <= n {
        let x = load8(lower, e);
        let t = x & !HIGH;
        let ge = |lo: u8| t.wrapping_add(bytes8(0x80 - lo)) & HIGH;
        let letter = ge(b'a') & !ge(b'z' + 1);
        let digit = ge(b'0') & !ge(b'9' + 1);
        let none = !((letter | digit) & !x) & HIGH;
        if none != 0 {
            return e + (none.trailing_zeros() / 8) as usize;
        }
        e += 8;
    }
    while e < n && class(lower[e]) & ALNUM != 0 {
        e += 1;
    }
    e
}

/// [`alnum_run_end`], and whether the run holds a digit.
///
/// In a block of eight bytes that holds the end, the bytes before it are
/// those below the lowest bit of `none` (`none & none.wrapping_neg()`).
#[inline]
fn alnum_run_end_digit(lower: &[u8], mut e: usize) -> (usize, bool) {
    let n = lower.len();
    let mut had = 0;
    while e + 8 <= n {
        let x = load8(lower, e);
        let t = x & !HIGH;
        let ge = |lo: u8| t.wrapping_add(bytes8(0x80 - lo)) & HIGH;
        let letter = ge(b'a') & !ge(b'z' + 1);
        let digit = ge(b'0') & !ge(b'9' + 1);
        let none = !((letter | digit) & !x) & HIGH;
        if none != 0 {
            let before = (none & none.wrapping_neg()) - 1;
            had |= digit & before;
            return (e + (none.trailing_zeros() / 8) as usize, had != 0);
        }
        had |= digit;
        e += 8;
    }
    let mut d = had != 0;
    while e < n && class(lower[e]) & ALNUM != 0 {
        d |= class(lower[e]) & DIGIT != 0;
        e += 1;
    }
    (e, d)
}

/// Cuts the text into tokens. ASCII is read a byte at a time through
/// [`CLASS`]; any other character is decoded and read as
/// `char::is_whitespace` / `is_alphanumeric` tell.
fn tokenize(text: &str, lower: &str, lx: &Lexicon, sink: &mut impl Sink) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 8);
    let bytes = text.as_bytes();
    let lbytes = lower.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut sent_start = true;
    while i < n {
        let s = i;
        let b = bytes[i];
        let k = class(b);
        if k & SPACE != 0 {
            if b == b'\n' {
                sent_start = true;
            }
            i += 1;
            continue;
        }
        if k & (ALNUM | DIGIT) == ALNUM {
            // the commonest token: a word opening with an ASCII letter (the
            // general path below, with what it cannot do for such a word
            // left out: its run is no number, and ',' or '.' joins only
            // digits)
            let (mut e, digit) = alnum_run_end_digit(lbytes, s + 1);
            let mut hyph = false;
            let mut plain = !digit;
            if e < n {
                let d = bytes[e];
                if d >= 0x80 || d == b'-' || d == b'\'' {
                    (e, _, hyph) = word_rest(text, e, false, bytes[e - 1] as char);
                    plain = false;
                }
            }
            let id = lx.index(lbytes, s, e);
            let en = &lx.entries[usize::from(id)];
            let cap = b.is_ascii_uppercase();
            if plain {
                let time_flags = if cap { en.time_upper } else { en.time_lower };
                sink.word(s, e, cap, time_flags);
            } else if digit || has_digit(&bytes[s..e]) {
                sink.other(s, e);
            } else {
                sink.piece(s, e);
            }
            if en.marks & BEFORE_E != 0 {
                mark_before(&mut toks, lbytes, en);
            }
            toks.push(Tok {
                s: s as u32,
                e: e as u32,
                fl: en.fl,
                bits: tok_bits(Kind::Word, cap, sent_start, hyph),
                hd: en.hd,
                ahead: tok_marks(en, cap, hyph, ends_ed(lbytes, s, e)),
                id,
            });
            sent_start = false;
            // one space after a word, without the round through the loop
            i = if bytes.get(e) == Some(&b' ') {
                e + 1
            } else {
                e
            };
            continue;
        }
        let (c, cl) = if b < 0x80 {
            (b as char, 1)
        } else {
            let Some((c, cl)) = char_at(text, i) else {
                break;
            };
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            (c, cl)
        };
        if k & ALNUM != 0 || (b >= 0x80 && alnum(c)) {
            let mut e = s + cl;
            let mut all_digits = k & DIGIT != 0;
            // the common case: a run of ASCII letters (and digits)
            if all_digits {
                while e < n && class(bytes[e]) & ALNUM != 0 {
                    all_digits &= class(bytes[e]) & DIGIT != 0;
                    e += 1;
                }
            } else {
                e = alnum_run_end(lbytes, e);
            }
            // a token goes on at a character that is no ASCII, or at a
            // connector: '-', '\'', and ',' or '.' after a digit
            let mut hyph = false;
            if e < n {
                let d = bytes[e];
                let last = if e > s + cl { bytes[e - 1] as char } else { c };
                if d >= 0x80
                    || d == b'-'
                    || d == b'\''
                    || (matches!(d, b',' | b'.') && last.is_ascii_digit())
                {
                    (e, all_digits, hyph) = word_rest(text, e, all_digits, last);
                }
            }
            let kind = if all_digits || (k & DIGIT != 0 && is_num_range(&text[s..e])) {
                Kind::Num
            } else {
                Kind::Word
            };
            let cap = if b < 0x80 {
                b.is_ascii_uppercase()
            } else {
                c.is_uppercase()
            };
            let id = if kind == Kind::Word {
                lx.index(lbytes, s, e)
            } else {
                0
            };
            let en = &lx.entries[usize::from(id)];
            if has_digit(&bytes[s..e]) {
                sink.other(s, e);
            } else {
                sink.piece(s, e);
            }
            // "a dozen", "a few": the article may start a number
            if en.marks & BEFORE_E != 0 {
                mark_before(&mut toks, lbytes, en);
            }
            let ahead = if kind == Kind::Word {
                tok_marks(en, cap, hyph, ends_ed(lbytes, s, e))
            } else {
                AHEAD_NUM | STEP | KNOWN
            };
            toks.push(Tok {
                s: s as u32,
                e: e as u32,
                fl: en.fl,
                bits: tok_bits(kind, cap, sent_start, hyph),
                hd: en.hd,
                ahead,
                id,
            });
            sent_start = false;
            i = e;
        } else {
            let e = s + cl;
            sink.punct(s, e);
            toks.push(Tok {
                s: s as u32,
                e: e as u32,
                fl: 0,
                bits: tok_bits(Kind::Punct, false, sent_start, is_joiner(c)),
                hd: 0,
                ahead: u8::from(is_joiner(c)) * AHEAD_NUM,
                id: 0,
            });
            sent_start = match c {
                '.' | '!' | '?' => true,
                // quotes and brackets keep the state they follow
                '"' | '\u{201c}' | '\u{201d}' | '(' | '\'' | '\u{2018}' | '\u{2019}' => sent_start,
                _ => false,
            };
            i = e;
        }
    }
    toks
}

/// The marks a word leaves on the token before it: "a dozen", "a few" (an
/// `AFTER_A` word after "a"/"an": the article may start a number); "the
/// rest", "the remainder" ("the" starts a people phrase).
#[cold]
#[inline(never)]
fn mark_before(toks: &mut [Tok], lower: &[u8], en: &Entry) {
    if let Some(p) = toks.last_mut() {
        if en.fl & AFTER_A != 0 && p.fl & ART != 0 {
            p.ahead |= AHEAD_NUM;
        }
        if en.marks & REST_E != 0 && lower.get(p.s()..p.e()) == Some(b"the") {
            p.ahead |= QUANTW;
        }
    }
}

/// The rest of a token from byte `e`, after its first run of ASCII letters
/// and digits (`last` its last character): further letters and digits of
/// any script, and the connectors that join two runs ("twenty-one",
/// "1,047", "1.5", "50–60", "don't"). Returns the end, whether it is all
/// digits (and number punctuation), whether a hyphen joined two runs.
#[inline(never)]
fn word_rest(
    text: &str,
    mut e: usize,
    mut all_digits: bool,
    mut last: char,
) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // a hyphen joined two runs: the only way a hyphen gets into a word or
    // number token (letters and digits are none)
    let mut hyph = false;
    loop {
        let run = e;
        while e < n && bytes[e].is_ascii_alphanumeric() {
            if !bytes[e].is_ascii_digit() {
                all_digits = false;
            }
            e += 1;
        }
        if e > run {
            last = bytes[e - 1] as char;
        }
        let Some((d, dl)) = char_at(text, e) else {
            break;
        };
        if alnum(d) {
            if !d.is_ascii_digit() {
                all_digits = false;
            }
            last = d;
            e += dl;
            continue;
        }
        // a connector joins two alphanumeric runs
        let next = char_at(text, e + dl).map(|x| x.0);
        let joins = match d {
            _ if is_joiner(d) => next.is_some_and(alnum),
            '\u{2013}' => last.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()),
            _ if is_apos(d) => next.is_some_and(char::is_alphabetic) && last.is_alphabetic(),
            ',' => {
                last.is_ascii_digit()
                    && all_digits
                    && n >= e + 4
                    && bytes[e + 1..e + 4].iter().all(u8::is_ascii_digit)
                    && !matches!(bytes.get(e + 4), Some(b) if b.is_ascii_digit())
            }
            '.' => last.is_ascii_digit() && all_digits && next.is_some_and(|x| x.is_ascii_digit()),
            _ => false,
        };
        if !joins {
            break;
        }
        hyph |= is_joiner(d);
        if !matches!(d, ',' | '.') {
            all_digits = false;
        }
        e += dl;
        last = d;
    }
    (e, all_digits, hyph)
}

/// The tokenizer as first written (a character at a time, the flags from a
/// map of the lists): the reference of [`tokenize`] and the lexicon.
#[cfg(test)]
mod reference {
    use super::*;
    use std::collections::HashMap;

    pub fn flags(w: &str) -> u16 {
        let lists: [(&[&str], u16); 16] = [
            (UNIT_WORDS, UNIT),
            (THING_WORDS, THING),
            (MONTH_WORDS, MONTH),
            (LABEL_WORDS, LABEL),
            (ADJ_WORDS, ADJ),
            (AFTER_BARE_WORDS, AFTER_BARE),
            (ADJUNCT_WORDS, ADJUNCT),
            (HEAD_WORDS, HEAD),
            (FUNC_WORDS, FUNC),
            (NUMW_WORDS, NUMW),
            (SURNAMES_LOWER, SURNAME),
            (QUANT_WORDS, QUANT),
            (ART_WORDS, ART),
            (AFTER_A_WORDS, AFTER_A),
            (PRON_WORDS, PRON),
            (CHAIN_WORDS, CHAIN),
        ];
        static M: std::sync::OnceLock<HashMap<&str, u16>> = std::sync::OnceLock::new();
        let m = M.get_or_init(|| {
            let mut m: HashMap<&str, u16> = HashMap::new();
            for (words, flag) in lists {
                for w in words {
                    *m.entry(*w).or_insert(0) |= flag;
                }
            }
            m
        });
        if w.is_empty() || w.len() > 24 {
            return 0;
        }
        m.get(w).copied().unwrap_or(0)
    }

    pub fn head(w: &str) -> Option<HeadInfo> {
        if HEAD_WORDS.contains(&w) {
            head_of(w)
        } else {
            None
        }
    }

    /// (start, end, flags, kind, cap, sent_start, hyph) of every token.
    pub fn tokenize(text: &str) -> Vec<(usize, usize, u16, Kind, bool, bool, bool)> {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        let mut sent_start = true;
        while i < n {
            let Some((c, cl)) = char_at(text, i) else {
                break;
            };
            let s = i;
            if c.is_whitespace() {
                if c == '\n' {
                    sent_start = true;
                }
                i += cl;
                continue;
            }
            if alnum(c) {
                let mut e = s + cl;
                let mut all_digits = c.is_ascii_digit();
                let mut last = c;
                let mut hyph = false;
                loop {
                    let run = e;
                    while e < n && bytes[e].is_ascii_alphanumeric() {
                        if !bytes[e].is_ascii_digit() {
                            all_digits = false;
                        }
                        e += 1;
                    }
                    if e > run {
                        last = bytes[e - 1] as char;
                    }
                    let Some((d, dl)) = char_at(text, e) else {
                        break;
                    };
                    if alnum(d) {
                        if !d.is_ascii_digit() {
                            all_digits = false;
                        }
                        last = d;
                        e += dl;
                        continue;
                    }
                    let next = char_at(text, e + dl).map(|x| x.0);
                    let joins = match d {
                        _ if is_joiner(d) => next.is_some_and(alnum),
                        '\u{2013}' => {
                            last.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit())
                        }
                        _ if is_apos(d) => {
                            next.is_some_and(char::is_alphabetic) && last.is_alphabetic()
                        }
                        ',' => {
                            last.is_ascii_digit()
                                && all_digits
                                && n >= e + 4
                                && bytes[e + 1..e + 4].iter().all(u8::is_ascii_digit)
                                && !matches!(bytes.get(e + 4), Some(b) if b.is_ascii_digit())
                        }
                        '.' => {
                            last.is_ascii_digit()
                                && all_digits
                                && next.is_some_and(|x| x.is_ascii_digit())
                        }
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    hyph |= is_joiner(d);
                    if !matches!(d, ',' | '.') {
                        all_digits = false;
                    }
                    e += dl;
                    last = d;
                }
                let word = &text[s..e];
                let kind = if all_digits || is_num_range(word) {
                    Kind::Num
                } else {
                    Kind::Word
                };
                let fl = if kind == Kind::Word {
                    flags(&lower[s..e])
                } else {
                    0
                };
                toks.push((s, e, fl, kind, c.is_uppercase(), sent_start, hyph));
                sent_start = false;
                i = e;
            } else {
                let e = s + cl;
                toks.push((s, e, 0, Kind::Punct, false, sent_start, is_joiner(c)));
                sent_start = match c {
                    '.' | '!' | '?' => true,
                    '"' | '\u{201c}' | '\u{201d}' | '(' | '\'' | '\u{2018}' | '\u{2019}' => {
                        sent_start
                    }
                    _ => false,
                };
                i = e;
            }
        }
        toks
    }
}

/// "50-60", "50–60": digits, one dash, digits.
fn is_num_range(w: &str) -> bool {
    // fast path: the first part must be digits (or commas)
    if !w
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b',')
    {
        return false;
    }
    let mut parts = w.split(['-', '\u{2010}', '\u{2011}', '\u{2013}']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b',');
    ok(a) && ok(b)
}

/// Splits a hyphenated word ("twenty-one", "3-year-old") into its parts.
pub fn hyphen_parts(w: &str) -> impl Iterator<Item = &str> {
    w.split(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
}

// ---------------------------------------------------------------- lexicon

/// People: what a person noun tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadInfo {
    pub plural: bool,
    pub gender: Option<Gender>,
    pub child: bool,
    /// group, family, batch: a collective noun.
    pub collective: bool,
    /// A gender/age word that can itself be a breakdown part ("two men").
    pub breakdown: bool,
    /// Its fixed size ("pair" → 2).
    pub size: Option<u64>,
    /// A relative ("sister", "wife").
    pub kin: bool,
}

const fn hi(plural: bool) -> HeadInfo {
    HeadInfo {
        plural,
        gender: None,
        child: false,
        collective: false,
        breakdown: false,
        size: None,
        kin: false,
    }
}

const F: Option<Gender> = Some(Gender::Female);
const M: Option<Gender> = Some(Gender::Male);

/// A people head noun, lower case.
#[cfg(test)]
pub fn head(w: &str) -> Option<HeadInfo> {
    let lx = lexicon();
    lx.heads[usize::from(lx.entry(w.as_bytes(), 0, w.len()).hd)]
}

/// The reading of a word of `HEAD_WORDS` (the lexicon stores it).
fn head_of(w: &str) -> Option<HeadInfo> {
    let p = hi(true);
    let s = hi(false);
    let g = |mut h: HeadInfo, gender: Option<Gender>, child: bool| {
        h.gender = gender;
        h.child = child;
        h.breakdown = true;
        h
    };
    let kin = |mut h: HeadInfo, gender: Option<Gender>| {
        h.gender = gender;
        h.kin = true;
        h.breakdown = true;
        h
    };
    let coll = |mut h: HeadInfo, size: Option<u64>| {
        h.collective = true;
        h.size = size;
        h
    };
    Some(match w {
        "person" | "individual" | "korean" | "defector" | "refugee" | "escapee" | "escaper"
        | "seeker" | "national" | "citizen" | "detainee" | "prisoner" | "inmate" | "returnee"
        | "repatriate" | "deportee" | "crosser" | "border-crosser" | "migrant" | "worker"
        | "labourer" | "laborer" | "soldier" | "relative" | "member" | "adult" | "student"
        | "fisherman" | "sailor" | "crewman" | "survivor" | "victim" | "runaway" | "passenger"
        | "resident" | "farmer" | "civilian" | "friend" | "cousin" | "sibling" | "parent"
        | "spouse" | "escapist" | "fugitive" | "captive" | "evacuee" | "stowaway" | "trader"
        | "smuggler" | "asylee" | "north-korean" => s,
        "people" | "persons" | "individuals" | "koreans" | "defectors" | "refugees"
        | "escapees" | "escapers" | "seekers" | "nationals" | "citizens" | "detainees"
        | "prisoners" | "inmates" | "returnees" | "repatriates" | "deportees" | "crossers"
        | "border-crossers" | "migrants" | "workers" | "labourers" | "laborers" | "soldiers"
        | "relatives" | "members" | "adults" | "students" | "fishermen" | "sailors" | "crewmen"
        | "survivors" | "victims" | "runaways" | "passengers" | "residents" | "farmers"
        | "civilians" | "friends" | "cousins" | "siblings" | "parents" | "spouses"
        | "fugitives" | "captives" | "evacuees" | "stowaways" | "traders" | "smugglers"
        | "asylees" | "others" | "north-koreans" => p,
        "woman" | "lady" | "female" | "widow" | "bride" => g(s, F, false),
        "women" | "ladies" | "females" | "widows" | "brides" => g(p, F, false),
        "man" | "male" => g(s, M, false),
        "men" | "males" => g(p, M, false),
        "girl" | "schoolgirl" => g(s, F, true),
        "girls" | "schoolgirls" => g(p, F, true),
        "boy" | "schoolboy" => g(s, M, true),
        "boys" | "schoolboys" => g(p, M, true),
        "child" | "kid" | "minor" | "teenager" | "teen" | "baby" | "infant" | "toddler"
        | "orphan" | "adolescent" | "juvenile" | "newborn" | "grandchild" => g(s, None, true),
        "children" | "kids" | "minors" | "teenagers" | "teens" | "babies" | "infants"
        | "toddlers" | "orphans" | "adolescents" | "juveniles" | "newborns" | "grandchildren" => {
            g(p, None, true)
        }
        "mother" | "daughter" | "wife" | "sister" | "grandmother" | "granddaughter" | "aunt"
        | "niece" | "mother-in-law" | "sister-in-law" | "daughter-in-law" | "fiancee"
        | "fiancée" | "girlfriend" => kin(s, F),
        "mothers" | "daughters" | "wives" | "sisters" | "grandmothers" | "granddaughters"
        | "aunts" | "nieces" => kin(p, F),
        "father" | "son" | "husband" | "brother" | "grandfather" | "grandson" | "uncle"
        | "nephew" | "father-in-law" | "brother-in-law" | "son-in-law" | "fiance" | "boyfriend" => {
            kin(s, M)
        }
        "fathers" | "sons" | "husbands" | "brothers" | "grandfathers" | "grandsons" | "uncles"
        | "nephews" => kin(p, M),
        "family" | "household" | "group" | "batch" | "party" | "band" | "contingent"
        | "boatload" | "busload" | "truckload" => coll(s, None),
        "families" | "households" | "groups" | "batches" => coll(p, None),
        "couple" | "pair" => coll(s, Some(2)),
        "trio" => coll(s, Some(3)),
        "couples" | "pairs" => coll(p, None),
        _ => return None,
    })
}

/// The words the rules compare tokens with by their lexicon entry
/// ([`Ctx::id`]): `w::OF` is the entry of "of". They come first in the
/// lexicon, in this order, so that each constant is known at compile time;
/// a word of no list has an entry of its own with no flags, which changes
/// no other reading.
macro_rules! rule_words {
    ($($id:ident $w:literal,)*) => {
        const RULE_WORDS: &[&str] = &[$($w,)*];

        /// The lexicon entries of the words of [`RULE_WORDS`].
        #[allow(dead_code)]
        pub mod w {
            #[allow(
                non_camel_case_types,
                clippy::upper_case_acronyms,
                clippy::enum_variant_names
            )]
            #[repr(u16)]
            enum E {
                _None,
                $($id,)*
            }
            $(pub const $id: u16 = E::$id as u16;)*
        }
    };
}

rule_words! {
    EVERY "every",
    EACH "each",
    ONE "one",
    OF "of",
    NONE "none",
    THE "the",
    THOSE "those",
    THESE "these",
    THIS "this",
    THAT "that",
    A "a",
    AN "an",
    ANOTHER "another",
    HIS "his",
    HER "her",
    THEIR "their",
    MY "my",
    OUR "our",
    ITS "its",
    SOME "some",
    MANY "many",
    MOST "most",
    ALL "all",
    BOTH "both",
    VARIOUS "various",
    ANY "any",
    PARTY "party",
    BAND "band",
    CONTINGENT "contingent",
    BOATLOAD "boatload",
    BUSLOAD "busload",
    TRUCKLOAD "truckload",
    KOREAN "korean",
    NORTH_KOREAN "north-korean",
    DIED "died",
    FLED "fled",
    WENT "went",
    LEFT "left",
    GOT "got",
    CAME "came",
    AND "and",
    OTHER "other",
    OTHERS "others",
    TEENAGE "teenage",
    TEEN "teen",
    UNDERAGE "underage",
    MINOR "minor",
    FEMALE "female",
    MALE "male",
    FROM "from",
    IN "in",
    AGED "aged",
    AGES "ages",
    CAUGHT "caught",
    HELD "held",
    TAKEN "taken",
    SENT "sent",
    SEIZED "seized",
    BROUGHT "brought",
    KEPT "kept",
    REMAINING "remaining",
    LAST "last",
    FIRST "first",
    SAME "same",
    TOTAL "total",
    FURTHER "further",
    ADDITIONAL "additional",
    EXTRA "extra",
    BETWEEN "between",
    TO "to",
    ABOUT "about",
    ABOVE "above",
    ALMOST "almost",
    APPROX "approx",
    APPROXIMATE "approximate",
    APPROXIMATELY "approximately",
    AROUND "around",
    AS "as",
    AT "at",
    BELOW "below",
    CIRCA "circa",
    CLOSE "close",
    COUPLE "couple",
    DOZEN "dozen",
    DOZENS "dozens",
    ESTIMATED "estimated",
    EXCESS "excess",
    FEW "few",
    FEWER "fewer",
    GREATER "greater",
    GROUP "group",
    HANDFUL "handful",
    HOST "host",
    HUNDRED "hundred",
    HUNDREDS "hundreds",
    JUST "just",
    LARGE "large",
    LEAST "least",
    LESS "less",
    LITTLE "little",
    MAXIMUM "maximum",
    MILLIONS "millions",
    MINIMUM "minimum",
    MORE "more",
    NEARLY "nearly",
    NO "no",
    NOT "not",
    NUMBER "number",
    NUMEROUS "numerous",
    ON "on",
    ORDER "order",
    OVER "over",
    REGION "region",
    ROUGHLY "roughly",
    SCORES "scores",
    SEVERAL "several",
    SHORT "short",
    SLIGHTLY "slightly",
    TENS "tens",
    THAN "than",
    THOUSAND "thousand",
    THOUSANDS "thousands",
    UNDER "under",
    UP "up",
    UPWARD "upward",
    UPWARDS "upwards",
    WELL "well",
    HALF "half",
    AMONG "among",
    THEM "them",
    WHOM "whom",
    WHICH "which",
    INCLUDING "including",
    TWO "two",
    THREE "three",
    FOUR "four",
    FIVE "five",
    WAS "was",
    WERE "were",
    IS "is",
    ARE "are",
    BEING "being",
    ALONG "along",
    TOGETHER "together",
    WITH "with",
    THEY "they",
    WE "we",
    US "us",
    SHE "she",
    HE "he",
    HIM "him",
    MEMBERS "members",
    MEMBER "member",
    I "i",
    BUT "but",
    OR "or",
}

/// Korean family names, lower case (`SURNAME` flag); the capitalised forms
/// are `korean_surname`'s.
#[rustfmt::skip]
const SURNAMES_LOWER: &[&str] = &[
    "kim", "lee", "yi", "rhee", "ri", "park", "pak", "bak", "choi", "choe", "jung", "jeong",
    "chung", "kang", "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "rim", "han", "oh",
    "seo", "suh", "shin", "sin", "kwon", "hwang", "ahn", "song", "ryu", "yoo", "yu", "hong", "jeon",
    "chon", "jun", "ko", "koh", "go", "moon", "mun", "yang", "son", "sohn", "bae", "pae", "baek",
    "paek", "heo", "hur", "nam", "shim", "sim", "noh", "roh", "no", "kwak", "sung", "cha", "joo",
    "ju", "woo", "u", "min", "na", "ra", "jin", "chin", "um", "eom", "won", "chun", "byun", "pyon",
    "gil", "kil", "tak", "yeo", "ma", "ku", "koo", "gu",
];

/// Korean family names, as they are capitalised in English (the reference
/// of [`Ctx::surname`]).
#[cfg(test)]
pub fn korean_surname(w: &str) -> bool {
    matches!(
        w,
        "Kim"
            | "Lee"
            | "Yi"
            | "Rhee"
            | "Ri"
            | "Park"
            | "Pak"
            | "Bak"
            | "Choi"
            | "Choe"
            | "Jung"
            | "Jeong"
            | "Chung"
            | "Kang"
            | "Cho"
            | "Jo"
            | "Yoon"
            | "Yun"
            | "Jang"
            | "Chang"
            | "Lim"
            | "Im"
            | "Rim"
            | "Han"
            | "Oh"
            | "Seo"
            | "Suh"
            | "Shin"
            | "Sin"
            | "Kwon"
            | "Hwang"
            | "Ahn"
            | "Song"
            | "Ryu"
            | "Yoo"
            | "Yu"
            | "Hong"
            | "Jeon"
            | "Chon"
            | "Jun"
            | "Ko"
            | "Koh"
            | "Go"
            | "Moon"
            | "Mun"
            | "Yang"
            | "Son"
            | "Sohn"
            | "Bae"
            | "Pae"
            | "Baek"
            | "Paek"
            | "Heo"
            | "Hur"
            | "Nam"
            | "Shim"
            | "Sim"
            | "Noh"
            | "Roh"
            | "No"
            | "Kwak"
            | "Sung"
            | "Cha"
            | "Joo"
            | "Ju"
            | "Woo"
            | "U"
            | "Min"
            | "Na"
            | "Ra"
            | "Jin"
            | "Chin"
            | "Um"
            | "Eom"
            | "Won"
            | "Chun"
            | "Byun"
            | "Pyon"
            | "Gil"
            | "Kil"
            | "Tak"
            | "Yeo"
            | "Ma"
            | "Ku"
            | "Koo"
            | "Gu"
    )
}

/// Leaders and officials whose names are no victims.
pub fn famous(name_lower: &str) -> bool {
    let n: String = name_lower
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    matches!(
        n.as_str(),
        "kim jong un"
            | "kim jongun"
            | "kim jong il"
            | "kim jongil"
            | "kim il sung"
            | "kim ilsung"
            | "kim yo jong"
            | "kim yojong"
            | "kim dae jung"
            | "kim daejung"
            | "kim young sam"
            | "kim youngsam"
            | "moon jae in"
            | "moon jaein"
            | "moon jae"
            | "yoon suk yeol"
            | "yoon sukyeol"
            | "lee myung bak"
            | "lee myungbak"
            | "park geun hye"
            | "park geunhye"
            | "roh moo hyun"
            | "roh moohyun"
            | "ban ki moon"
            | "ban kimoon"
            | "lee jae myung"
            | "lee jaemyung"
            | "park chung hee"
            | "park chunghee"
            | "choe ryong hae"
            | "choe ryonghae"
            | "ri son gwon"
            | "choe son hui"
    )
}

// ---------------------------------------------------------------- word flags
//
// The tokenizer reads every word's lists once ([`Ctx::fl`]); a rule asks
// `cx.fl(k) & LIST != 0` of the token it looks at.

/// Units after a number that make it a measure, not a head count.
pub const UNIT: u16 = 1 << 0;
/// Countable things that are not people (a count of them is no head count).
pub const THING: u16 = 1 << 1;
pub const MONTH: u16 = 1 << 2;
/// Words before a number that make it a label, not a count ("No. 136").
pub const LABEL: u16 = 1 << 3;
/// Words allowed between a determiner/count and the head noun.
pub const ADJ: u16 = 1 << 4;
/// Function words after a bare numeral that show it is used as a noun
/// ("the five were taken", "another 40 on Monday").
pub const AFTER_BARE: u16 = 1 << 5;
pub const ADJUNCT: u16 = 1 << 6;
pub const HEAD: u16 = 1 << 7;
pub const FUNC: u16 = 1 << 8;
pub const NUMW: u16 = 1 << 9;
pub const SURNAME: u16 = 1 << 10;
/// Quantifiers that start a number or a vague count ("half", "dozens").
pub const QUANT: u16 = 1 << 11;
/// "a", "an".
pub const ART: u16 = 1 << 12;
/// The words "a"/"an" count with ("a dozen", "a hundred", "a few").
pub const AFTER_A: u16 = 1 << 13;
/// The personal pronouns a people phrase can be.
pub const PRON: u16 = 1 << 14;
/// The other words a count or people phrase steps over before its number
/// or noun ([`steps_over`]).
pub const CHAIN: u16 = 1 << 15;

const CHAIN_WORDS: &[&str] = &[
    "of",
    "to",
    "than",
    "least",
    "total",
    "region",
    "order",
    "excess",
    "minimum",
    "maximum",
    "short",
    "extra",
    "approximate",
    "caught",
    "held",
    "taken",
    "sent",
    "seized",
    "brought",
    "kept",
];

const PRON_WORDS: &[&str] = &["they", "them", "we", "us", "she", "her", "he", "him"];

const QUANT_WORDS: &[&str] = &[
    "half",
    "dozens",
    "scores",
    "hundreds",
    "tens",
    "thousands",
    "millions",
    "several",
    "few",
    "numerous",
];
const ART_WORDS: &[&str] = &["a", "an"];
const AFTER_A_WORDS: &[&str] = &[
    "dozen", "hundred", "thousand", "million", "billion", "few", "handful", "couple", "number",
    "host", "large",
];

#[rustfmt::skip]
const UNIT_WORDS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years",
    "yr", "yrs", "decade", "decades", "century", "centuries", "am", "pm", "o'clock", "o’clock",
    "times", "time", "occasions", "rounds", "mile", "miles", "km", "kms", "kilometre",
    "kilometres", "kilometer", "kilometers", "metre", "metres", "meter", "meters", "m", "cm", "mm",
    "feet", "foot", "ft", "yard", "yards", "inch", "inches", "li", "acre", "acres", "hectare",
    "hectares", "kg", "kilogram", "kilograms", "kilo", "kilos", "gram", "grams", "ton", "tons",
    "tonne", "tonnes", "lb", "lbs", "degree", "degrees", "litre", "litres", "liter", "liters",
    "storey", "storeys", "floor", "floors", "square", "sq", "yuan", "won", "dollar", "dollars",
    "usd", "rmb", "euro", "euros", "yen", "pound", "pounds", "cent", "cents", "renminbi", "krw",
    "percent", "per", "pct", "percentage",
];

#[rustfmt::skip]
const THING_WORDS: &[&str] = &[
    "signature", "signatures", "vote", "votes", "page", "pages", "copy", "copies", "item", "items",
    "word", "words", "letter", "letters", "petition", "petitions", "article", "articles", "shot",
    "shots", "bullet", "bullets", "vehicle", "vehicles", "car", "cars", "truck", "trucks", "bus",
    "buses", "boat", "boats", "ship", "ships", "country", "countries", "nation", "nations",
    "province", "provinces", "city", "cities", "village", "villages", "town", "towns", "camp",
    "camps", "facility", "facilities", "point", "points", "seat", "seats", "incident", "incidents",
    "case", "cases", "document", "documents", "photo", "photos", "video", "videos", "meal",
    "meals", "step", "steps", "kind", "kinds", "type", "types", "bag", "bags", "phone", "phones",
    "house", "houses", "room", "rooms", "cell", "cells", "route", "routes", "checkpoint",
    "checkpoints", "hundred", "thousand", "million", "billion", "dozen", "goal", "goals",
    "question", "questions", "issue", "issues", "book", "books", "episode", "episodes", "percent",
];

#[rustfmt::skip]
const MONTH_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
const LABEL_WORDS: &[&str] = &[
    "no", "nos", "number", "num", "article", "articles", "section", "chapter", "page", "pages",
    "camp", "room", "decree", "resolution", "route", "highway", "gate", "building", "unit", "ward",
    "cell", "block", "flight", "bus", "train", "line", "platform", "paragraph", "clause", "item",
    "level", "grade", "class", "version", "vol", "volume", "figure", "fig", "table", "phase",
    "stage", "step", "exit", "zone", "district", "kwanliso", "kyohwaso", "prison", "facility",
    "squad", "division", "corps", "brigade", "regiment", "battalion", "team", "bureau", "office",
    "department", "episode", "season", "act", "law", "code", "rule", "protocol", "convention",
    "year", "years", "age", "aged", "ages", "ep", "p", "pp", "g20", "covid", "covid-19", "mr",
    "ms", "mrs", "dr", "code-named",
];

#[rustfmt::skip]
const ADJ_WORDS: &[&str] = &[
    "north", "korean", "south", "chinese", "vietnamese", "lao", "laotian", "thai", "russian",
    "mongolian", "cambodian", "burmese", "myanmar", "japanese", "ethnic", "other", "more", "young",
    "younger", "old", "older", "elderly", "aged", "pregnant", "female", "male", "fellow",
    "teenage", "teen", "underage", "adult", "suspected", "alleged", "would-be", "undocumented",
    "illegal", "additional", "further", "unidentified", "unnamed", "known", "former", "little",
    "small", "separate", "different", "new", "sick", "disabled", "injured", "ill", "missing",
    "remaining", "naturalized", "naturalised", "married", "single", "unaccompanied", "stateless",
    "fleeing", "escaping", "defector", "refugee", "asylum", "border", "family", "crew", "boat",
    "same", "such", "last", "first", "second", "third", "fourth", "fifth", "latest", "earlier",
    "later", "original", "entire", "whole", "several", "many", "few", "numerous", "individual",
    "north-korean", "cross-border", "nk", "dprk", "vulnerable", "hungry", "starving", "poor",
    "elder", "grown", "minor", "woman", "women", "civilian", "religious", "christian", "catholic",
    "local", "overseas", "foreign", "seafaring", "travelling", "traveling", "accompanying",
    "runaway", "surviving",
    // where workers work: "a North Korean construction worker"
    "construction", "restaurant", "factory", "logging", "timber", "lumber", "farm", "seafood",
    "textile", "garment", "mining", "fishing", "building", "kitchen",
];

#[rustfmt::skip]
const AFTER_BARE_WORDS: &[&str] = &[
    "were", "was", "are", "is", "have", "had", "has", "who", "whom", "that", "in", "at", "on",
    "to", "from", "into", "with", "and", "or", "but", "out", "remain", "remained", "remains",
    "will", "would", "could", "can", "may", "might", "must", "should", "reportedly", "also",
    "still", "now", "then", "being", "been", "all", "later", "each", "back", "across", "through",
    "since", "after", "before", "last", "this", "earlier", "more", "together", "themselves",
    "reached", "face", "faced", "be", "did", "do", "got", "get", "went", "go", "included",
    "include", "including", "among", "during", "under", "near", "by", "for", "as", "when", "while",
    "outside", "inside", "off", "over", "onto", "aboard", "alive", "away", "there", "here", "too",
];

#[rustfmt::skip]
const ADJUNCT_WORDS: &[&str] = &[
    "camp", "camps", "side", "issue", "issues", "policy", "policies", "government", "authorities",
    "authority", "officials", "official", "border", "embassy", "consulate", "regime", "leader",
    "leaders", "leadership", "state", "army", "military", "police", "agency", "agencies",
    "organization", "organisation", "organizations", "organisations", "ngo", "ngos", "advocate",
    "advocates", "activist", "activists", "rights", "status", "protection", "convention", "law",
    "laws", "centre", "center", "centers", "centres", "facility", "shelter", "shelters",
    "community", "communities", "crisis", "problem", "smuggling", "network", "networks", "broker",
    "brokers", "route", "routes", "testimony", "testimonies", "application", "applications",
    "claim", "claims", "program", "programme", "programs", "association", "media", "ministry",
    "affairs", "unification", "language", "peninsula", "war", "nuclear", "dictator", "economy",
    "society", "culture", "history", "food", "market", "markets", "currency", "news", "outlet",
    "website", "newspaper", "service", "services", "support", "resettlement", "settlement",
    "groups", "group", "representative", "representatives", "counterparts", "counterpart",
    "side's", "officer", "officers", "guards", "guard", "troops", "spy", "spies", "agent",
    "agents", "diplomats", "diplomat", "delegation", "team", "union", "council", "committee",
    "commission", "mission", "missions", "movement", "population", "register", "registry",
    "registration", "card", "cards", "passport", "passports", "visa", "visas", "identity",
    "hotline", "defection", "defections", "flows", "flow", "influx", "exodus", "numbers",
    "arrivals", "origin", "descent", "nationality", "citizenship", "residency", "quota",
];

#[rustfmt::skip]
const HEAD_WORDS: &[&str] = &[
    "person", "individual", "korean", "defector", "refugee", "escapee", "escaper", "seeker",
    "national", "citizen", "detainee", "prisoner", "inmate", "returnee", "repatriate", "deportee",
    "crosser", "border-crosser", "migrant", "worker", "labourer", "laborer", "soldier", "relative",
    "member", "adult", "student", "fisherman", "sailor", "crewman", "survivor", "victim",
    "runaway", "passenger", "resident", "farmer", "civilian", "friend", "cousin", "sibling",
    "parent", "spouse", "escapist", "fugitive", "captive", "evacuee", "stowaway", "trader",
    "smuggler", "asylee", "north-korean", "people", "persons", "individuals", "koreans",
    "defectors", "refugees", "escapees", "escapers", "seekers", "nationals", "citizens",
    "detainees", "prisoners", "inmates", "returnees", "repatriates", "deportees", "crossers",
    "border-crossers", "migrants", "workers", "labourers", "laborers", "soldiers", "relatives",
    "members", "adults", "students", "fishermen", "sailors", "crewmen", "survivors", "victims",
    "runaways", "passengers", "residents", "farmers", "civilians", "friends", "cousins",
    "siblings", "parents", "spouses", "fugitives", "captives", "evacuees", "stowaways", "traders",
    "smugglers", "asylees", "others", "north-koreans", "woman", "lady", "female", "widow", "bride",
    "women", "ladies", "females", "widows", "brides", "man", "male", "men", "males", "girl",
    "schoolgirl", "girls", "schoolgirls", "boy", "schoolboy", "boys", "schoolboys", "child", "kid",
    "minor", "teenager", "teen", "baby", "infant", "toddler", "orphan", "adolescent", "juvenile",
    "newborn", "grandchild", "children", "kids", "minors", "teenagers", "teens", "babies",
    "infants", "toddlers", "orphans", "adolescents", "juveniles", "newborns", "grandchildren",
    "mother", "daughter", "wife", "sister", "grandmother", "granddaughter", "aunt", "niece",
    "mother-in-law", "sister-in-law", "daughter-in-law", "fiancee", "fiancée", "girlfriend",
    "mothers", "daughters", "wives", "sisters", "grandmothers", "granddaughters", "aunts",
    "nieces", "father", "son", "husband", "brother", "grandfather", "grandson", "uncle", "nephew",
    "father-in-law", "brother-in-law", "son-in-law", "fiance", "boyfriend", "fathers", "sons",
    "husbands", "brothers", "grandfathers", "grandsons", "uncles", "nephews", "family",
    "household", "group", "batch", "party", "band", "contingent", "boatload", "busload",
    "truckload", "families", "households", "groups", "batches", "couple", "pair", "trio",
    "couples", "pairs",
];

#[rustfmt::skip]
const FUNC_WORDS: &[&str] = &[
    "the", "those", "these", "this", "that", "a", "an", "another", "all", "every", "each", "both",
    "some", "many", "most", "various", "any", "his", "her", "their", "my", "our", "its", "none",
    "one", "about", "around", "roughly", "approximately", "approx", "circa", "estimated", "in",
    "on", "more", "greater", "over", "above", "upwards", "upward", "well", "just", "slightly",
    "little", "at", "no", "not", "nearly", "almost", "close", "fewer", "less", "under", "below",
    "up", "as", "between", "from", "half", "several", "few", "scores", "tens", "millions",
    "thousands", "hundreds", "dozens", "numerous", "mr", "mrs", "ms", "miss", "madam", "madame",
    "they", "them", "we", "us", "she", "he", "him", "whom", "you",
];

#[rustfmt::skip]
const NUMW_WORDS: &[&str] = &[
    "zero", "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "thousand", "million", "billion", "dozen",
];

/// The word lists as one table keyed by the word's bytes: a perfect hash,
/// so that a look-up reads one slot and compares one entry, with no branch
/// on whether the word is listed.
///
/// A word of up to 16 bytes is wholly told by its key: its length, its
/// first (up to) eight bytes and its last eight bytes (overlapping when
/// shorter than 16). Longer words are also compared byte for byte. The key
/// of a word inside the lower-case text is read with two unaligned 8-byte
/// loads, so that a lookup costs no hashing loop, no allocation and no
/// `memcmp` call: the same answer as a map from the word to its flags.
///
/// The hash of a key picks a bucket and a base slot; the bucket's
/// displacement, found when the table is built, moves the base slot of
/// each of its keys to a slot of its own (hash and displace). A word in no
/// list lands on some slot, whose entry (maybe the empty entry 0) has
/// another key.
pub struct Lexicon {
    /// The displacement of each bucket.
    disp: Box<[u16; BUCKETS]>,
    /// `SLOTS` slots: an index into `entries` (0: the entry of no word).
    slots: Box<[u16; SLOTS]>,
    /// `entries[0]` is the entry of a word in no list, and its key is no
    /// word's; so are those past the `count` entries of words (a table of
    /// a power of two: an index masked to its size needs no bounds check).
    entries: Box<[Entry; ENTRIES]>,
    count: usize,
    /// The word of each entry.
    words: Vec<&'static str>,
    /// The seed of the hash that made every bucket's keys fit.
    seed: u64,
    /// The people-noun readings; `heads[0]` is `None` (no head word).
    heads: Vec<Option<HeadInfo>>,
}

#[derive(Clone, Copy)]
struct Entry {
    a: u64,
    b: u64,
    /// The time grammar's flags of the word, lower-case and upper-case
    /// first (`time::parse::lex_entries`).
    time_lower: u32,
    time_upper: u32,
    fl: u16,
    /// Index into `Lexicon::heads` (0: no head).
    hd: u8,
    len: u8,
    /// [`word_marks`].
    marks: u16,
    /// [`case_marks`], lower case first and upper case.
    case_marks: [u8; 2],
}

/// The entry of a word in no list (`entries[0]`): no word's key has all
/// bits set (no byte of UTF-8 text is 0xff).
const NO_ENTRY: Entry = Entry {
    a: u64::MAX,
    b: u64::MAX,
    time_lower: 0,
    time_upper: 0,
    fl: 0,
    hd: 0,
    len: 0,
    marks: 0,
    case_marks: [0; 2],
};

const SLOT_BITS: u32 = 12;
const SLOTS: usize = 1 << SLOT_BITS;
const BUCKET_BITS: u32 = 10;
const BUCKETS: usize = 1 << BUCKET_BITS;
const ENTRIES: usize = SLOTS / 2;

#[inline]
fn load8(buf: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&buf[at..at + 8]);
    u64::from_le_bytes(b)
}

/// The key of the word `buf[s..e]` (`1 <= e - s <= 24`): its first up to
/// eight bytes (zero-padded) and, past eight bytes, its last eight.
#[inline(always)]
fn key_at(buf: &[u8], s: usize, e: usize) -> (u64, u64) {
    let len = e - s;
    if s + 8 <= buf.len() {
        // masks, not branches, for the length
        let a = load8(buf, s) & (u64::MAX >> (8 * (8 - len.min(8))));
        // `at + 8 = max(e, 8)`, within the buffer
        let at = e.max(8) - 8;
        let b = load8(buf, at) & 0u64.wrapping_sub(u64::from(len > 8));
        (a, b)
    } else {
        key_near_end(buf, s, e)
    }
}

/// [`key_at`] of a word that ends within eight bytes of the buffer's end
/// (shorter than eight bytes then).
#[cold]
#[inline(never)]
fn key_near_end(buf: &[u8], s: usize, e: usize) -> (u64, u64) {
    let a = buf[s..e]
        .iter()
        .take(8)
        .enumerate()
        .fold(0, |x, (k, &c)| x | u64::from(c) << (8 * k));
    let b = if e - s > 8 { load8(buf, e - 8) } else { 0 };
    (a, b)
}

impl Lexicon {
    #[inline(always)]
    fn hash(&self, a: u64, b: u64, len: usize) -> u64 {
        (a ^ b.rotate_left(23) ^ len as u64 ^ self.seed).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The slot of a key's hash: its base slot, displaced by its bucket's
    /// displacement.
    #[inline(always)]
    fn slot(&self, h: u64) -> usize {
        let bucket = (h >> (64 - BUCKET_BITS)) as usize;
        let base = (h >> (64 - BUCKET_BITS - SLOT_BITS)) as usize & (SLOTS - 1);
        (base ^ usize::from(self.disp[bucket])) & (SLOTS - 1)
    }

    fn build() -> Self {
        let lists: [(&[&str], u16); 16] = [
            (UNIT_WORDS, UNIT),
            (THING_WORDS, THING),
            (MONTH_WORDS, MONTH),
            (LABEL_WORDS, LABEL),
            (ADJ_WORDS, ADJ),
            (AFTER_BARE_WORDS, AFTER_BARE),
            (ADJUNCT_WORDS, ADJUNCT),
            (HEAD_WORDS, HEAD),
            (FUNC_WORDS, FUNC),
            (NUMW_WORDS, NUMW),
            (SURNAMES_LOWER, SURNAME),
            (QUANT_WORDS, QUANT),
            (ART_WORDS, ART),
            (AFTER_A_WORDS, AFTER_A),
            (PRON_WORDS, PRON),
            (CHAIN_WORDS, CHAIN),
        ];
        let mut entries = vec![NO_ENTRY];
        let mut words = vec![""];
        let mut index: std::collections::HashMap<&'static str, usize> =
            std::collections::HashMap::new();
        let mut entry = |w: &'static str| -> usize {
            *index.entry(w).or_insert_with(|| {
                let (a, b) = key_at(w.as_bytes(), 0, w.len());
                entries.push(Entry {
                    a,
                    b,
                    len: u8::try_from(w.len()).expect("a short word"),
                    ..NO_ENTRY
                });
                words.push(w);
                entries.len() - 1
            })
        };
        // the words the rules compare tokens with, first: entry `k + 1` is
        // `RULE_WORDS[k]` (the constants of `w`)
        for (k, &w) in RULE_WORDS.iter().enumerate() {
            assert_eq!(entry(w), k + 1, "{w:?} twice in RULE_WORDS");
        }
        let mut ix = Vec::new();
        for (list, flag) in lists {
            for &w in list {
                ix.push((entry(w), Some(flag), None));
            }
        }
        // the time grammar's words, read in the same look-up
        for (w, lower, upper) in time_parse::lex_entries() {
            ix.push((entry(w), None, Some((lower, upper))));
        }
        // the words `word_marks` reads that may be in no list
        for &w in NP_QUANT_WORDS.iter().chain(&["the", "rest", "remainder"]) {
            ix.push((entry(w), None, None));
        }
        for (i, flag, time) in ix {
            if let Some(f) = flag {
                entries[i].fl |= f;
            }
            if let Some((lower, upper)) = time {
                entries[i].time_lower = lower;
                entries[i].time_upper = upper;
            }
        }
        let mut heads = vec![None];
        for i in 1..entries.len() {
            let w = words[i];
            if entries[i].fl & HEAD != 0 {
                if let Some(h) = head_of(w) {
                    heads.push(Some(h));
                    entries[i].hd = u8::try_from(heads.len() - 1).expect("few head words");
                }
            }
            let m = word_marks(w, entries[i].fl, entries[i].hd);
            entries[i].marks = m;
            entries[i].case_marks = [case_marks(m, false), case_marks(m, true)];
        }
        assert!(
            entries.len() < ENTRIES,
            "lexicon table too full: {}",
            entries.len()
        );
        let mut table = Box::new([NO_ENTRY; ENTRIES]);
        table[..entries.len()].copy_from_slice(&entries);
        let mut lx = Lexicon {
            disp: Box::new([0; BUCKETS]),
            slots: Box::new([0; SLOTS]),
            entries: table,
            count: entries.len(),
            words,
            seed: 0,
            heads,
        };
        for seed in 0u64.. {
            lx.seed = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
            if lx.place() {
                return lx;
            }
            assert!(seed < 1000, "no seed places the lexicon");
        }
        unreachable!()
    }

    /// Finds each bucket a displacement that gives each of its keys a slot
    /// of its own (the largest buckets first); false if one finds none.
    fn place(&mut self) -> bool {
        let mut buckets: Vec<Vec<(usize, u64)>> = vec![Vec::new(); BUCKETS];
        for (i, en) in self.entries[..self.count].iter().enumerate().skip(1) {
            let h = self.hash(en.a, en.b, usize::from(en.len));
            buckets[(h >> (64 - BUCKET_BITS)) as usize].push((i, h));
        }
        let mut order: Vec<usize> = (0..BUCKETS).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(buckets[k].len()));
        self.slots.fill(0);
        self.disp.fill(0);
        for k in order {
            if buckets[k].is_empty() {
                break;
            }
            let fits = (0..SLOTS as u16).find(|&d| {
                let mut taken: Vec<usize> = Vec::new();
                buckets[k].iter().all(|&(_, h)| {
                    let base = (h >> (64 - BUCKET_BITS - SLOT_BITS)) as usize & (SLOTS - 1);
                    let slot = base ^ usize::from(d);
                    let free = self.slots[slot] == 0 && !taken.contains(&slot);
                    taken.push(slot);
                    free
                })
            });
            let Some(d) = fits else {
                return false;
            };
            self.disp[k] = d;
            for &(i, h) in &buckets[k] {
                let slot = self.slot(h);
                self.slots[slot] = u16::try_from(i).expect("small lexicon");
            }
        }
        true
    }

    /// The entry of the word `buf[s..e]` (`entries[0]` for a word in no
    /// list).
    #[inline(always)]
    #[cfg(test)]
    fn entry(&self, buf: &[u8], s: usize, e: usize) -> &Entry {
        &self.entries[usize::from(self.index(buf, s, e))]
    }

    /// The index of the entry of the word `buf[s..e]` (0: in no list):
    /// [`Ctx::id`].
    #[inline(always)]
    fn index(&self, buf: &[u8], s: usize, e: usize) -> u16 {
        let len = e - s;
        if len.wrapping_sub(1) >= 24 {
            return 0;
        }
        let (a, b) = key_at(buf, s, e);
        let ix = usize::from(self.slots[self.slot(self.hash(a, b, len))]) & (ENTRIES - 1);
        let en = &self.entries[ix];
        let hit = (en.a ^ a) | (en.b ^ b) | u64::from(en.len ^ len as u8) == 0;
        // the key tells a word of up to 16 bytes: only longer ones, rare,
        // are compared
        if len > 16 && hit && !same_long(self.words[ix], buf, s, e) {
            return 0;
        }
        // a select, not a branch: whether a word is listed is no pattern
        (ix & usize::from(hit).wrapping_neg() & (ENTRIES - 1)) as u16
    }
}

/// Is `buf[s..e]` the word `w`? (The key tells a word of up to 16 bytes:
/// only longer ones, rare, come here.)
#[cold]
#[inline(never)]
fn same_long(w: &str, buf: &[u8], s: usize, e: usize) -> bool {
    buf.get(s..e) == Some(w.as_bytes())
}

fn lexicon() -> &'static Lexicon {
    static T: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    T.get_or_init(Lexicon::build)
}

/// The lists a lower-case word belongs to (0: none).
#[cfg(test)]
pub fn flags(w: &str) -> u16 {
    let lx = lexicon();
    lx.entry(w.as_bytes(), 0, w.len()).fl
}

#[cfg(test)]
mod fast_paths {
    use super::*;
    use proptest::prelude::*;

    /// The plain reading of `is_num_range`, without its fast path.
    fn is_num_range_plain(w: &str) -> bool {
        let mut parts = w.split(['-', '\u{2010}', '\u{2011}', '\u{2013}']);
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b',');
        ok(a) && ok(b)
    }

    fn check(s: &str) {
        let cx = Ctx::new(s);
        let plain: Vec<_> = cx
            .toks
            .iter()
            .map(|t| {
                (
                    t.s(),
                    t.e(),
                    t.fl,
                    t.kind(),
                    t.cap(),
                    t.sent_start(),
                    t.hyph(),
                )
            })
            .collect();
        assert_eq!(plain, reference::tokenize(s), "{s:?}");
        // the distances of `num_ahead` and `head_ahead`, the plain way
        let lb = cx.lower.as_bytes();
        let (mut num_at, mut head_at) = (15, 15);
        for i in (0..cx.len()).rev() {
            let t = &cx.toks[i];
            let step = match t.kind() {
                Kind::Num => 1,
                Kind::Punct => 15,
                Kind::Word if steps_over(t.fl, t.hyph(), lb, t.s(), t.e()) => 1,
                Kind::Word => 15,
            };
            let num = t.kind() == Kind::Num
                || t.fl & (NUMW | QUANT) != 0
                || t.hyph()
                || (t.fl & ART != 0 && cx.fl(i + 1) & AFTER_A != 0);
            num_at = if num { 0 } else { (num_at + step).min(15) };
            head_at = if cx.head(i).is_some() {
                0
            } else {
                (head_at + step).min(15)
            };
            assert_eq!(cx.num_ahead(i), num_at, "{i} in {s:?}");
            assert_eq!(cx.head_ahead(i), head_at, "{i} in {s:?}");
        }
        for i in 0..cx.len() + 2 {
            let w = cx.w(i);
            assert_eq!(
                cx.hyph(i),
                w.contains(['-', '\u{2010}', '\u{2011}']),
                "{i} in {s:?}"
            );
            assert_eq!(cx.head(i), head(w), "{i} in {s:?}");
            assert_eq!(head(w), reference::head(w), "{i} in {s:?}");
            assert_eq!(flags(w), reference::flags(w), "{i} in {s:?}");
            assert_eq!(cx.surname(i), korean_surname(cx.raw(i)), "{i} in {s:?}");
            let raw = cx.raw(i);
            assert_eq!(is_num_range(raw), is_num_range_plain(raw), "{raw:?}");
        }
        assert_eq!(is_num_range(s), is_num_range_plain(s), "{s:?}");
    }

    /// The words before the number of a count phrase or a people phrase
    /// do not stop [`Ctx::num_ahead`] (see [`steps_over`]).
    #[test]
    fn phrases_step_over_their_words() {
        for p in [
            "more than",
            "greater than",
            "well over",
            "just under",
            "slightly more than",
            "a little over",
            "in the region of",
            "on the order of",
            "in excess of",
            "upwards of",
            "no fewer than",
            "not less than",
            "no more than",
            "a minimum of",
            "a maximum of",
            "just short of",
            "close to",
            "up to",
            "as many as",
            "at least",
            "at most",
            "an estimated",
            "an approximate",
            "about",
            "nearly",
            "the remaining",
            "those other",
            "the last",
            "a further",
            "an additional",
            "an extra",
            "another",
            "a total of",
            "all of the",
            "all the",
            "the",
            "his",
            "most of the",
            "some of their",
            "between",
            "from",
        ] {
            let n = p.split(' ').count();
            let (a, b) = (
                format!("{p} 12 defectors"),
                format!("{p} arrested, seized and Taken defectors"),
            );
            assert_eq!(Ctx::new(&a).num_ahead(0), n, "{p}");
            assert_eq!(Ctx::new(&b).num_ahead(0), 15, "{p}");
        }
        for p in [
            "the arrested",
            "those taken young",
            "a 3-year-old",
            "his two",
            "the",
        ] {
            let n = p.split(' ').count();
            let (a, b) = (format!("{p} defectors"), format!("{p} said defectors"));
            assert_eq!(Ctx::new(&a).head_ahead(0), n, "{p}");
            assert_eq!(Ctx::new(&b).head_ahead(0), 15, "{p}");
        }
    }

    /// Every listed word, in the case of the text and in others.
    #[test]
    fn every_listed_word() {
        let lists: [&[&str]; 16] = [
            UNIT_WORDS,
            THING_WORDS,
            MONTH_WORDS,
            LABEL_WORDS,
            ADJ_WORDS,
            AFTER_BARE_WORDS,
            ADJUNCT_WORDS,
            HEAD_WORDS,
            FUNC_WORDS,
            NUMW_WORDS,
            SURNAMES_LOWER,
            QUANT_WORDS,
            ART_WORDS,
            AFTER_A_WORDS,
            PRON_WORDS,
            CHAIN_WORDS,
        ];
        for w in lists.iter().flat_map(|l| l.iter()) {
            assert_eq!(flags(w), reference::flags(w), "{w}");
            assert_eq!(head(w), reference::head(w), "{w}");
            let cap = format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
            for v in [w.to_string(), cap, w.to_ascii_uppercase()] {
                check(&v);
                check(&format!("the {v}, {v}-{v} {v}s. {v}"));
            }
        }
        for w in SURNAMES_LOWER {
            let cap = format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
            assert!(korean_surname(&cap), "{cap}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn same_as_plain(s in "([a-zA-Z0-9]{1,5}|women|Man|boys|North-Korean|family|[-,.'\u{2010}\u{2011}\u{2013}\u{2014}\u{2019}\u{201c} ]|\u{d55c}\u{ad6d}|\u{e9}){0,30}") {
            check(&s);
        }

        #[test]
        fn same_as_plain_any(s in "\\PC{0,60}") {
            check(&s);
        }

        #[test]
        fn alnum_runs(s in "[a-zA-Z0-9\u{e9}\u{2013} ,.@\\[`{\x7f-]{0,40}", k in 0..40usize) {
            let l = s.to_ascii_lowercase();
            let b = l.as_bytes();
            let k = k.min(b.len());
            let mut e = k;
            while e < b.len() && b[e].is_ascii_alphanumeric() {
                e += 1;
            }
            assert_eq!(alnum_run_end(b, k), e, "{k} in {s:?}");
        }

        #[test]
        fn same_as_plain_words(s in "(Kim|KIM|kim|U|No|Chin|women|North-Korean|o’clock|fiancée|FIANCÉE|border-crossers|daughter-in-law|grandchildren|mother-in-laws|twenty-one|1,047|3.5|50–60|[a-zA-Z]{1,3}|[\u{2010}\u{2013}\u{2019}\u{a0}\u{85}\n ,.'-]){0,30}") {
            check(&s);
        }
    }
}

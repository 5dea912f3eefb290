//! A small, allocation-free tokenizer for the time grammar: words, numbers
//! (with ordinal suffixes and thousands groups folded in) and single
//! punctuation characters, each with byte offsets into the text.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Num: the value (saturating at 99,999,999).
    pub val: u32,
    /// Num: the number of digits of a plain number (0 when grouped).
    pub digits: u8,
    /// Num: "9th", "1st".
    pub ordinal: bool,
    /// Word: the first character is upper case.
    pub upper: bool,
    /// Whitespace (or the text start) lies before this token.
    pub space_before: bool,
    /// Its `parse::lex` flags, once they are read (0 until then): the
    /// parser reads them from the slice `parse::tokens` and
    /// `parse::Shared` make of them.
    pub lex: u32,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Byte classes of the tokenizer. `SPACE` is every ASCII byte that is
/// `char::is_whitespace` (which takes in the vertical tab that
/// `u8::is_ascii_whitespace` leaves out); `OTHER` is any other ASCII byte
/// (a punctuation token of its own); `HIGH` starts a multi-byte character.
const SPACE: u8 = 0;
const DIGIT: u8 = 1;
const ALPHA: u8 = 2;
const OTHER: u8 = 3;
const HIGH: u8 = 4;

const CLASS: [u8; 256] = {
    let mut c = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        let u = b as u8;
        c[b] = if matches!(u, b' ' | 0x09..=0x0d) {
            SPACE
        } else if u.is_ascii_digit() {
            DIGIT
        } else if u.is_ascii_alphabetic() {
            ALPHA
        } else {
            OTHER
        };
        b += 1;
    }
    c
};

/// Tokenizes `text` into `out` (cleared first). One table lookup a byte:
/// the Unicode tables are asked only at a non-ASCII character.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    tokenize_range(text, 0, text.len(), true, out);
}

/// The tokens of `text[from..to]`, appended to `out`, with their offsets
/// in `text`: those [`tokenize`] makes there when no token reaches across
/// either end (as when white space, or the text's start or end, lies on
/// both sides), `space` telling whether white space (or the text's start)
/// comes right before `from`. (The scans that look ahead past `to` stop at
/// what lies there.)
pub(crate) fn tokenize_range(text: &str, from: usize, to: usize, space: bool, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let n = b.len();
    debug_assert!(to <= n);
    let mut i = from;
    let mut space = space;
    while i < to {
        let c = b[i];
        match CLASS[c as usize] {
            SPACE => {
                space = true;
                i += 1;
                continue;
            }
            DIGIT => {
                let start = i;
                let mut val: u64 = 0;
                while i < n && b[i].is_ascii_digit() {
                    val = (val * 10 + u64::from(b[i] - b'0')).min(99_999_999);
                    i += 1;
                }
                let mut digits = (i - start).min(255) as u8;
                // Thousands groups: 2,000 / 12,500,000.
                if digits <= 3 {
                    while i < n
                        && b[i] == b','
                        && b.get(i + 1..i + 4)
                            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
                    {
                        for &d in &b[i + 1..i + 4] {
                            val = (val * 10 + u64::from(d - b'0')).min(99_999_999);
                        }
                        i += 4;
                        digits = 0;
                    }
                }
                let mut ordinal = false;
                if digits > 0 && i + 2 <= n {
                    let suf = [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()];
                    let next_alpha = b.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
                    if matches!(&suf, b"st" | b"nd" | b"rd" | b"th") && !next_alpha {
                        ordinal = true;
                        i += 2;
                    }
                }
                out.push(Tok {
                    kind: Kind::Num,
                    start,
                    end: i,
                    val: val as u32,
                    digits,
                    ordinal,
                    upper: false,
                    space_before: space,
                    lex: 0,
                });
            }
            ALPHA => {
                let start = i;
                i += 1;
                while i < n && CLASS[b[i] as usize] == ALPHA {
                    i += 1;
                }
                if i < n && b[i] >= 0x80 {
                    i = word_rest(text, i);
                }
                out.push(word(start, i, c.is_ascii_uppercase(), space));
                // The commonest case, one space after a word, without the
                // round through the `match`.
                if i < n && b[i] == b' ' {
                    space = true;
                    i += 1;
                    continue;
                }
            }
            OTHER => {
                out.push(punct(i, i + 1, space));
                i += 1;
            }
            _ => {
                let Some(ch) = text[i..].chars().next() else {
                    break;
                };
                let len = ch.len_utf8();
                if ch.is_whitespace() {
                    space = true;
                    i += len;
                    continue;
                }
                if is_word_char(ch) {
                    let start = i;
                    i = word_rest(text, i + len);
                    out.push(word(start, i, ch.is_uppercase(), space));
                } else {
                    out.push(punct(i, i + len, space));
                    i += len;
                }
            }
        }
        space = false;
    }
}

/// The end of a word whose letters continue at `i`.
fn word_rest(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            i += 1;
        } else if c < 0x80 {
            break;
        } else {
            match text[i..].chars().next() {
                Some(ch) if is_word_char(ch) => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

pub(crate) fn word(start: usize, end: usize, upper: bool, space_before: bool) -> Tok {
    Tok {
        kind: Kind::Word,
        start,
        end,
        val: 0,
        digits: 0,
        ordinal: false,
        upper,
        space_before,
        lex: 0,
    }
}

pub(crate) fn punct(start: usize, end: usize, space_before: bool) -> Tok {
    Tok {
        kind: Kind::Punct,
        start,
        end,
        val: 0,
        digits: 0,
        ordinal: false,
        upper: false,
        space_before,
        lex: 0,
    }
}

/// The tokenizer's ASCII fast path against the plain reading it replaced.
#[cfg(test)]
mod same {
    use super::*;
    use proptest::prelude::*;

    /// Tokenizes `text` into `out` (cleared first).
    fn tokenize_plain(text: &str, out: &mut Vec<Tok>) {
        out.clear();
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        let mut space = true;
        while i < n {
            let c = b[i];
            if c.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if c.is_ascii_digit() {
                let start = i;
                let mut val: u64 = 0;
                while i < n && b[i].is_ascii_digit() {
                    val = (val * 10 + u64::from(b[i] - b'0')).min(99_999_999);
                    i += 1;
                }
                let mut digits = (i - start).min(255) as u8;
                // Thousands groups: 2,000 / 12,500,000.
                if digits <= 3 {
                    while i < n
                        && b[i] == b','
                        && b.get(i + 1..i + 4)
                            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
                    {
                        for &d in &b[i + 1..i + 4] {
                            val = (val * 10 + u64::from(d - b'0')).min(99_999_999);
                        }
                        i += 4;
                        digits = 0;
                    }
                }
                let mut ordinal = false;
                if digits > 0 && i + 2 <= n {
                    let suf = [b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase()];
                    let next_alpha = b.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
                    if matches!(&suf, b"st" | b"nd" | b"rd" | b"th") && !next_alpha {
                        ordinal = true;
                        i += 2;
                    }
                }
                out.push(Tok {
                    kind: Kind::Num,
                    start,
                    end: i,
                    val: val as u32,
                    digits,
                    ordinal,
                    upper: false,
                    space_before: space,
                    lex: 0,
                });
                space = false;
                continue;
            }
            // Decode one char.
            let ch = match text[i..].chars().next() {
                Some(ch) => ch,
                None => break,
            };
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                space = true;
                i += len;
                continue;
            }
            if is_word_char(ch) {
                let start = i;
                let upper = ch.is_uppercase();
                i += len;
                while i < n {
                    let c = b[i];
                    if c.is_ascii_alphabetic() {
                        i += 1;
                    } else if c < 0x80 {
                        break;
                    } else {
                        match text[i..].chars().next() {
                            Some(ch) if is_word_char(ch) => i += ch.len_utf8(),
                            _ => break,
                        }
                    }
                }
                out.push(Tok {
                    kind: Kind::Word,
                    start,
                    end: i,
                    val: 0,
                    digits: 0,
                    ordinal: false,
                    upper,
                    space_before: space,
                    lex: 0,
                });
            } else {
                out.push(Tok {
                    kind: Kind::Punct,
                    start: i,
                    end: i + len,
                    val: 0,
                    digits: 0,
                    ordinal: false,
                    upper: false,
                    space_before: space,
                    lex: 0,
                });
                i += len;
            }
            space = false;
        }
    }

    fn check(s: &str) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        tokenize(s, &mut a);
        tokenize_plain(s, &mut b);
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{s:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn same_as_plain(s in "([a-zA-Z]{1,6}|[0-9]{1,5}|[-,.:'\t\n\u{b}\u{c}\u{2013}\u{2019}\u{a0}\u{3000} ]|st|th|\u{d55c}\u{ad6d}|\u{c9}\u{e9}){0,30}") {
            check(&s);
        }

        #[test]
        fn same_as_plain_any(s in "\\PC{0,60}") {
            check(&s);
        }
    }
}

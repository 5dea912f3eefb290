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
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Tokenizes `text` into `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
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
            });
            space = false;
            continue;
        }
        // Decode one char (an ASCII byte is its own char: no decoding).
        let ch = if c < 0x80 {
            c as char
        } else {
            match text[i..].chars().next() {
                Some(ch) => ch,
                None => break,
            }
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
            });
            i += len;
        }
        space = false;
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

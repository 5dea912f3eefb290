//! Sentence segmentation that survives abbreviations ("Oct.", "U.N.", "Mr.",
//! "No. 2", initials, "a.m.") and quotes.
//!
//! Every line break ends a sentence (headlines, captions and list items are
//! lines of their own). Inside a line a sentence ends at `.`, `!` or `?`
//! (with any closing quotes or brackets after it) followed by space and a
//! capital, a digit or an opening quote, unless the word before the period is
//! an abbreviation or an initial.

/// A sentence: byte offsets into the text, trimmed of surrounding space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Words that end with a period but do not end a sentence (the list
/// [`is_abbreviation`] reads as one `match`; the tests hold the two
/// together).
#[cfg(test)]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "rev", "st", "sr", "jr", "prof", "gen", "col", "lt", "capt", "sgt",
    "maj", "cmdr", "adm", "sen", "rep", "gov", "pres", "amb", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "art", "para", "fig",
    "corp", "inc", "ltd", "co", "vs", "approx", "est", "mt", "ft", "e.g", "i.e", "u.s", "u.n",
    "u.k", "n", "s", "e", "w", "dept", "univ", "assn", "ave", "blvd", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun",
];

const WEEKDAYS_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "local",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "on",
    "at",
    "in",
    "and",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening_or_capital(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '-' | '—')
}

/// The word (letters, digits and inner periods) that ends just before byte `i`.
fn word_before(line: &str, i: usize) -> &str {
    let head = &line[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

fn first_word_after(line: &str, i: usize) -> &str {
    let rest = line[i..].trim_start();
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map(|(j, _)| j)
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether `word` is one of [`ABBREVIATIONS`], whatever its (ASCII) case:
/// `any(|a| a.eq_ignore_ascii_case(word))` as one `match` on the word
/// lowercased into a small buffer (the longest abbreviation has six bytes;
/// a byte other than ASCII matches none, and lowercasing leaves it as it
/// is). `abbreviation_match_is_the_list` in the tests holds the two
/// together.
fn is_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    let w = &mut buf[..b.len()];
    w.copy_from_slice(b);
    w.make_ascii_lowercase();
    matches!(
        &*w,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"rev"
            | b"st"
            | b"sr"
            | b"jr"
            | b"prof"
            | b"gen"
            | b"col"
            | b"lt"
            | b"capt"
            | b"sgt"
            | b"maj"
            | b"cmdr"
            | b"adm"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"pres"
            | b"amb"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"no"
            | b"nos"
            | b"vol"
            | b"art"
            | b"para"
            | b"fig"
            | b"corp"
            | b"inc"
            | b"ltd"
            | b"co"
            | b"vs"
            | b"approx"
            | b"est"
            | b"mt"
            | b"ft"
            | b"e.g"
            | b"i.e"
            | b"u.s"
            | b"u.n"
            | b"u.k"
            | b"n"
            | b"s"
            | b"e"
            | b"w"
            | b"dept"
            | b"univ"
            | b"assn"
            | b"ave"
            | b"blvd"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
    )
}

/// Whether a period at byte `dot` of `line` (with what follows from `next`)
/// ends a sentence.
fn period_ends(line: &str, dot: usize, next: usize) -> bool {
    let word = word_before(line, dot);
    if word.is_empty() {
        return true;
    }
    // (the lists are lowercase ASCII: compared without a lowercase copy)
    let is = |w: &str| w.eq_ignore_ascii_case(word);
    // "a.m." / "p.m.": ends only when what follows is not a day, month or "local".
    if is("a.m") || is("p.m") {
        let after = first_word_after(line, next);
        return !WEEKDAYS_MONTHS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(after));
    }
    if is_abbreviation(word) {
        // "No. 2", "Oct. 9", "Mr. Kim": never a sentence end.
        return false;
    }
    // Initials ("J. Smith") and dotted acronyms ("U.N.", "D.P.R.K.").
    let mut letters = word.chars().filter(|c| *c != '.');
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    if word.contains('.') && word.chars().filter(|c| *c != '.').all(|c| c.is_uppercase()) {
        // "U.N. Security Council": only when the next word is capitalised
        // and common sentence openers follow do we split; keep it simple:
        // a dotted acronym ends a sentence only before "The", "A", "He"...
        let after = first_word_after(line, next);
        return matches!(
            after,
            "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "But"
        );
    }
    true
}

/// Splits `text` into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(text.len() / 64 + 4);
    let bytes = text.as_bytes();
    let mut line_start = 0;
    // the lines of `split_inclusive('\n')`, found with a vector search
    while line_start < bytes.len() {
        let next =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |p| line_start + p + 1);
        let line = &text[line_start..next];
        split_line(
            text,
            line_start,
            line.trim_end_matches(['\n', '\r']),
            &mut out,
        );
        line_start = next;
    }
    out
}

/// Whether `b` is an ASCII byte that is not white space (`char::is_whitespace`
/// holds of no ASCII byte above the space but DEL, which it does not hold of
/// either).
#[inline]
fn solid_ascii(b: u8) -> bool {
    b > b' ' && b < 0x80
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let b = s.as_bytes();
    // (most sentences open and close with an ASCII mark or letter: no
    // Unicode white-space test)
    let lead = match b.first() {
        None => return,
        Some(&c) if solid_ascii(c) => 0,
        Some(_) => s.len() - s.trim_start().len(),
    };
    let trail = if b.last().is_some_and(|&c| solid_ascii(c)) {
        0
    } else {
        s.len() - s.trim_end().len()
    };
    if lead + trail < s.len() {
        out.push(Sentence {
            start: start + lead,
            end: end - trail,
        });
    }
}

fn split_line(text: &str, offset: usize, line: &str, out: &mut Vec<Sentence>) {
    let bytes = line.as_bytes();
    let first = |at: usize| line[at..].chars().next();
    let mut sent_start = 0;
    let mut k = 0;
    // Jump from terminator to terminator (they are ASCII: a vector search
    // for the three bytes, no branch per byte).
    while let Some(p) = memchr::memchr3(b'.', b'!', b'?', &bytes[k..]) {
        let i = k + p;
        let c = bytes[i] as char;
        // Absorb repeated terminators and closing quotes/brackets.
        let mut m = i + 1;
        while let Some(d) = first(m).filter(|&d| matches!(d, '.' | '!' | '?') || is_closing(d)) {
            m += d.len_utf8();
        }
        let end = m;
        // Need whitespace then a capital / digit / opening quote.
        let mut n = m;
        while let Some(d) = first(n).filter(|d| d.is_whitespace()) {
            n += d.len_utf8();
        }
        let spaced = n > m;
        let ends = match first(n) {
            None => true,
            Some(next) => {
                spaced && is_opening_or_capital(next) && (c != '.' || period_ends(line, i, end))
            }
        };
        if ends {
            push_trimmed(text, offset + sent_start, offset + end, out);
            sent_start = end;
            k = n;
            continue;
        }
        k = m;
    }
    if sent_start < line.len() {
        push_trimmed(text, offset + sent_start, offset + line.len(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text)).collect()
    }

    /// (text, expected sentences)
    const EXAMPLES: &[(&str, &[&str])] = &[
        (
            "They were caught on Oct. 9 in Dandong. Police said so.",
            &["They were caught on Oct. 9 in Dandong.", "Police said so."],
        ),
        (
            "The U.N. refugee agency protested. China did not reply.",
            &["The U.N. refugee agency protested.", "China did not reply."],
        ),
        (
            "Mr. Park and Dr. Lee spoke. They left.",
            &["Mr. Park and Dr. Lee spoke.", "They left."],
        ),
        (
            "He cited Decree No. 2 of the ministry. It was new.",
            &["He cited Decree No. 2 of the ministry.", "It was new."],
        ),
        (
            "A letter from J. Smith arrived. It was short.",
            &["A letter from J. Smith arrived.", "It was short."],
        ),
        (
            "“We fear for them,” she said. “They were sent back.” Nobody answered.",
            &[
                "“We fear for them,” she said.",
                "“They were sent back.”",
                "Nobody answered.",
            ],
        ),
        (
            "Headline without a period\nFirst sentence. Second one!",
            &[
                "Headline without a period",
                "First sentence.",
                "Second one!",
            ],
        ),
        (
            "They were seized at about 6 p.m. Wednesday near the station. Five escaped.",
            &[
                "They were seized at about 6 p.m. Wednesday near the station.",
                "Five escaped.",
            ],
        ),
        (
            "The raid began at 7 a.m. Police took ten people.",
            &["The raid began at 7 a.m.", "Police took ten people."],
        ),
        (
            "Was she returned? Nobody knows.",
            &["Was she returned?", "Nobody knows."],
        ),
        (
            "Prices rose 3.5 percent. Then they fell.",
            &["Prices rose 3.5 percent.", "Then they fell."],
        ),
        ("", &[]),
        ("   \n\n  ", &[]),
    ];

    #[test]
    fn examples() {
        for (text, want) in EXAMPLES {
            assert_eq!(split(text), want.to_vec(), "in {text:?}");
        }
    }

    #[test]
    fn abbreviation_match_is_the_list() {
        for a in ABBREVIATIONS {
            assert!(a.len() <= 6, "{a}");
            assert!(is_abbreviation(a), "{a}");
            assert!(is_abbreviation(&a.to_ascii_uppercase()), "{a}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The `match` of [`is_abbreviation`] against the list it stands for,
        /// on short words of the list's letters (either case), dots and a
        /// few others.
        #[test]
        fn abbreviation_match_agrees(w in "[a-zA-Z.ſK]{0,7}") {
            let want = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(&w));
            proptest::prop_assert_eq!(is_abbreviation(&w), want);
        }

        /// The vector searches and the trimming fast path against the
        /// plain reading (`split_inclusive` lines, a byte `position` scan,
        /// `trim_start`/`trim_end`).
        #[test]
        fn sentences_match_reference(s in "(?:[A-Za-z0-9]{1,6}|[ .!?\n\r\t\u{a0}\u{2003}\"'”’)(“‘]|No\\.|U\\.N\\.|a\\.m\\.|p\\.m\\.|Mr|J|The){0,60}") {
            proptest::prop_assert_eq!(sentences(&s), reference::sentences(&s));
        }
    }

    /// The segmenter as it read before the vector searches, for the
    /// property test.
    mod reference {
        use super::super::*;

        pub fn sentences(text: &str) -> Vec<Sentence> {
            let mut out = Vec::new();
            let mut line_start = 0;
            for line in text.split_inclusive('\n') {
                split_line(
                    text,
                    line_start,
                    line.trim_end_matches(['\n', '\r']),
                    &mut out,
                );
                line_start += line.len();
            }
            out
        }

        fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
            let s = &text[start..end];
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            if lead + trail < s.len() {
                out.push(Sentence {
                    start: start + lead,
                    end: end - trail,
                });
            }
        }

        fn period_ends(line: &str, dot: usize, next: usize) -> bool {
            let word = word_before(line, dot);
            if word.is_empty() {
                return true;
            }
            let is = |w: &str| w.eq_ignore_ascii_case(word);
            if is("a.m") || is("p.m") {
                let after = first_word_after(line, next);
                return !WEEKDAYS_MONTHS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(after));
            }
            if ABBREVIATIONS.iter().any(|a| is(a)) {
                return false;
            }
            let mut letters = word.chars().filter(|c| *c != '.');
            if let (Some(c), None) = (letters.next(), letters.next()) {
                if c.is_uppercase() {
                    return false;
                }
            }
            if word.contains('.') && word.chars().filter(|c| *c != '.').all(|c| c.is_uppercase()) {
                let after = first_word_after(line, next);
                return matches!(
                    after,
                    "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "But"
                );
            }
            true
        }

        fn split_line(text: &str, offset: usize, line: &str, out: &mut Vec<Sentence>) {
            let bytes = line.as_bytes();
            let first = |at: usize| line[at..].chars().next();
            let mut sent_start = 0;
            let mut k = 0;
            while let Some(p) = bytes[k..]
                .iter()
                .position(|b| matches!(b, b'.' | b'!' | b'?'))
            {
                let i = k + p;
                let c = bytes[i] as char;
                let mut m = i + 1;
                while let Some(d) =
                    first(m).filter(|&d| matches!(d, '.' | '!' | '?') || is_closing(d))
                {
                    m += d.len_utf8();
                }
                let end = m;
                let mut n = m;
                while let Some(d) = first(n).filter(|d| d.is_whitespace()) {
                    n += d.len_utf8();
                }
                let spaced = n > m;
                let ends = match first(n) {
                    None => true,
                    Some(next) => {
                        spaced
                            && is_opening_or_capital(next)
                            && (c != '.' || period_ends(line, i, end))
                    }
                };
                if ends {
                    push_trimmed(text, offset + sent_start, offset + end, out);
                    sent_start = end;
                    k = n;
                    continue;
                }
                k = m;
            }
            if sent_start < line.len() {
                push_trimmed(text, offset + sent_start, offset + line.len(), out);
            }
        }
    }

    #[test]
    fn offsets_trimmed() {
        let text = "  One.  Two.  ";
        let s = sentences(text);
        assert_eq!(
            s,
            vec![
                Sentence { start: 2, end: 6 },
                Sentence { start: 8, end: 12 }
            ]
        );
    }
}

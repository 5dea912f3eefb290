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

/// Words that end with a period but do not end a sentence.
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
    if ABBREVIATIONS.iter().any(|a| is(a)) {
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

fn split_line(text: &str, offset: usize, line: &str, out: &mut Vec<Sentence>) {
    let bytes = line.as_bytes();
    let first = |at: usize| line[at..].chars().next();
    let mut sent_start = 0;
    let mut k = 0;
    // Jump from terminator to terminator (they are ASCII: a byte search).
    while let Some(p) = bytes[k..]
        .iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?'))
    {
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

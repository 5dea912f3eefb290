//! Quantity dimension: numbers, number words and the people phrases they
//! count (CODEBOOK.md, "people").
//!
//! Three entry points:
//! - [`parse_number`]: a number spelled in digits or words;
//! - [`find_quantities`]: every count expression, with the codebook's
//!   `{min, max, approximate}` reading ("more than 500" → 501..);
//! - [`find_people`]: every phrase naming people, with its count, gender and
//!   minors, plus flags the assembler uses to resolve reference (definite,
//!   pronoun, individual).
//!
//! The text is lower-cased once (ASCII only, so byte offsets hold), cut into
//! tokens ([`lex`]), and read by hand-written rules over the tokens: no
//! regular expressions, so the pass is linear and fast.
//!
//! Decisions where the codebook is silent (see also `examples.rs`):
//! - "close to N" reads like "nearly N" (..N-1, approximate); "fewer than /
//!   less than / under N" is ..N-1, not approximate; "N or more" and "N-plus"
//!   are N..; "N or so" and "N-odd" are N approximate; "two dozen" is 24
//!   approximate; "scores" 40..99; "a handful" 2..5 like "a few"; "a couple
//!   of" 2 approximate, while "a couple" / "the pair" as people is 2 exact;
//!   "tens of thousands" 20,000..99,999; "hundreds of thousands"
//!   200,000..999,999; "several/a few hundred" like "hundreds".
//! - Gender comes from the words of the phrase itself ("women", "female",
//!   "mother") and from an appositive or coordinated breakdown ("four men and
//!   eight women" → mixed). A trailing "most of them women" does not set
//!   the gender: it says nothing sure about the rest of the group.
//!   "women and children" stays female (children carry no gender).
//! - A singular pronoun ("she", "he") carries its gender and `individual`,
//!   but no count: the assembler resolves it like every pronoun.
//! - Minors: the size of a child phrase ("three children" → 3, "a boy" → 1,
//!   "a 3-year-old" → 1, "a girl aged five" → 1), summed over a breakdown, or
//!   taken from an "among them / including / one of them" clause. A group
//!   "aged 14 to 18" is not all minors (18 is an adult).
//! - "12 defectors — four men and eight women": the head count wins; the
//!   breakdown gives gender (and minors). With no head count the breakdown's
//!   sum is the count.
//! - Named persons: an honorific ("Mr. Kim") or a Korean family name and
//!   a given name ("Kim Cheol Ok"), leaders excluded; count 1.

mod lex;
pub(crate) mod number;
mod people;

#[cfg(test)]
mod examples;

use crate::model::{Count, Gender};
use std::borrow::Cow;

/// A number spelled in digits or words: "two hundred", "fifteen", "1,047",
/// "a dozen" (12), "twenty-one", "11". `None` for anything else (vague
/// quantifiers, ordinals, overflowing digit strings).
pub fn parse_number(words: &str) -> Option<u64> {
    let cx = lex::Ctx::new(words);
    if cx.len() == 0 {
        return None;
    }
    let n = number::parse_num(&cx, 0)?;
    if n.e != cx.len() || n.upper.is_some() {
        return None;
    }
    Some(n.value)
}

/// A count expression: "about 20", "more than 500", "dozens".
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// Byte offsets into the text given to [`find_quantities`].
    pub start: usize,
    pub end: usize,
    pub count: Count,
    /// The rule that matched.
    pub rule: &'static str,
}

/// Every count expression in `text`, in order, not overlapping: not ages,
/// money, years, dates, times, durations, distances, percentages, labels
/// ("No. 136") or counts of things ("1 million signatures").
pub fn find_quantities(text: &str) -> Vec<QuantityMention> {
    let cx = lex::Ctx::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.len() {
        let w = cx.w(i);
        let start_ok = cx.kind(i) == Some(lex::Kind::Num)
            || cx.fl(i) & (lex::FUNC | lex::NUMW | lex::LABEL) != 0
            || cx.hyph(i);
        if !start_ok {
            i += 1;
            continue;
        }
        if matches!(w, "aged" | "ages" | "age") {
            // ("her age, 29")
            let from = i + 1 + usize::from(cx.w(i + 1) == ",");
            if let Some((e, _, _)) = people::age_list(&cx, from) {
                i = e;
                continue;
            }
        }
        if let Some(m) = people::member_adj(cx.w(i)) {
            out.push(QuantityMention {
                start: cx.start(i),
                end: cx.end_before(i + 1),
                count: Count::exact(m),
                rule: "member_family",
            });
            i += 1;
            continue;
        }
        match number::count_phrase(&cx, i) {
            Some(cp) if !number::not_a_count(&cx, &cp) => {
                if let Some(count) = cp.count {
                    let end_tok = cp.ne.max(cp.qs + 1);
                    out.push(QuantityMention {
                        start: cx.start(cp.qs),
                        end: cx.end_before(end_tok),
                        count,
                        rule: cp.rule,
                    });
                }
                i = cp.e.max(i + 1);
            }
            Some(cp) => i = cp.ne.max(i + 1),
            None => i += 1,
        }
    }
    out
}

/// A phrase naming a group of people (or one person), with its count.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleMention {
    /// Byte offsets into the text given to [`find_people`].
    pub start: usize,
    pub end: usize,
    pub count: Option<Count>,
    pub gender: Option<Gender>,
    pub minors: Option<u64>,
    /// The rule that matched (for `--explain`).
    pub rule: &'static str,
    /// Byte offsets of the head: the people noun, the numeral of "the five",
    /// the pronoun, the name.
    pub head_start: usize,
    pub head_end: usize,
    /// Refers back to people already introduced: "the five", "the group",
    /// "all 41", "nine of them", a pronoun.
    pub definite: bool,
    /// they, them, she, her, he, him, we, us.
    pub pronoun: bool,
    /// One described or named person ("a pregnant woman", "Mr. Kim", "she").
    pub individual: bool,
}

/// Every people phrase in `text`, in order, not overlapping.
pub fn find_people(text: &str) -> Vec<PeopleMention> {
    people_of(&lex::Ctx::new(text))
}

/// [`find_people`], given the text's ASCII-lowercased twin
/// ([`crate::rx::lower`]), which it then need not make again.
pub fn find_people_in(text: &str, lower: &str) -> Vec<PeopleMention> {
    people_of(&lex::Ctx::with_lower(text, lower.into()))
}

/// [`find_people_in`] and [`crate::time::find_in`] in one: the time
/// grammar reads the tokens cut here (`time::parse::find_shared`) instead
/// of cutting the text again.
pub fn find_people_and_times_in(
    text: &str,
    lower: &str,
) -> (Vec<PeopleMention>, Vec<crate::time::TimeMention>) {
    let mut shared = crate::time::parse::Shared::new(text, lower);
    let cx = lex::Ctx::with_sink(text, lower.into(), &mut shared);
    let times = if cx.toks.is_empty() && !text.trim().is_empty() {
        // a text too long for the token offsets
        crate::time::find_in(text, lower)
    } else {
        crate::time::parse::find_shared(shared)
    };
    (people_of(&cx), times)
}

/// The tokens of a text, cut for its people phrases and its time
/// expressions in one pass, with both grammars left for later (the
/// pipeline runs each over a batch of texts: one large body of code at a
/// time stays in the instruction cache). [`PendingPeople::find`] and
/// [`crate::time::parse::Pending::find`] find what
/// [`find_people_and_times_in`] does.
pub(crate) fn tokens_in<'a>(
    text: &'a str,
    lower: &str,
) -> (PendingPeople<'a>, crate::time::parse::Pending) {
    use crate::time::parse::{Pending, Shared};
    let mut shared = Shared::new(text, lower);
    // (its own copy of the lowercase text: the document keeps its own)
    let cx = lex::Ctx::with_sink(text, Cow::Owned(lower.to_owned()), &mut shared);
    let times = if cx.toks.is_empty() && !text.trim().is_empty() {
        // a text too long for the token offsets
        Pending::Found(crate::time::find_in(text, lower))
    } else {
        Pending::of(shared)
    };
    (PendingPeople(cx), times)
}

/// The tokens of a text, its people phrases not read yet ([`tokens_in`]).
#[derive(Clone)]
pub(crate) struct PendingPeople<'a>(lex::Ctx<'a>);

impl PendingPeople<'_> {
    /// The people phrases of the text ([`find_people_in`]).
    pub(crate) fn find(self) -> Vec<PeopleMention> {
        people_of(&self.0)
    }
}

impl std::fmt::Debug for PendingPeople<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PendingPeople({} tokens)", self.0.len())
    }
}

fn people_of(cx: &lex::Ctx) -> Vec<PeopleMention> {
    people::find_raw(cx)
        .into_iter()
        .map(|r| PeopleMention {
            start: cx.start(r.s),
            end: cx.end_before(r.e),
            count: r.count,
            gender: r.gender,
            minors: r.minors,
            rule: r.rule,
            head_start: cx.start(r.hs),
            head_end: cx.end_before(r.he.max(r.hs + 1)),
            definite: r.definite,
            pronoun: r.pronoun,
            individual: r.individual,
        })
        .collect()
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "five",
        "more",
        "than",
        "about",
        "hundreds",
        "of",
        "North",
        "Korean",
        "defectors",
        "women",
        "men",
        "\u{2014}",
        ",",
        ".",
        "and",
        "among",
        "them",
        "a",
        "boy",
        "aged",
        "35",
        "1,047",
        "99999999999999999999999",
        "18446744073709551615",
        "twenty-one",
        "-",
        "between",
        "to",
        "one",
        "her",
        "she",
        "family",
        "group",
        "several",
        "dozen",
        "half",
        "in",
        "their",
        "20s",
        "years",
        "old",
        "3-year-old",
        "seven-member",
        "Kim",
        "Cheol",
        "Ok",
        "Mr",
        "ék",
        "日本",
        "including",
        "children",
        "all",
        "remaining",
        "another",
        "over",
        "nearly",
        "up",
        "as",
        "many",
        "at",
        "least",
        "million",
        "thousand",
        "hundred",
        "or",
        "so",
        "plus",
        "$",
        "yuan",
        "No",
        "1.5",
        "50-60",
        "50\u{2013}60",
        "them",
        "of",
        "whom",
        "the",
        "rest",
        "those",
        "taken",
        "every",
        "each",
        "none",
        "both",
        "couple",
        "pair",
        "tens",
        "thousands",
        "(",
        ")",
        ":",
        "in",
        "his",
        "30s",
        "girl",
        "child",
        "teenager",
        "is",
        "were",
        "—",
        "\n",
    ];

    fn check(s: &str) {
        let _ = parse_number(s);
        for q in find_quantities(s) {
            assert!(q.start < q.end && q.end <= s.len());
            assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
            if let (Some(a), Some(b)) = (q.count.min, q.count.max) {
                assert!(a <= b, "{:?} in {s:?}", q);
            }
        }
        let mut last = 0;
        for p in find_people(s) {
            assert!(
                p.start >= last && p.start < p.end && p.end <= s.len(),
                "{p:?} in {s:?}"
            );
            assert!(s.is_char_boundary(p.start) && s.is_char_boundary(p.end));
            assert!(s.is_char_boundary(p.head_start) && s.is_char_boundary(p.head_end));
            assert!(
                p.start <= p.head_start && p.head_end <= p.end,
                "{p:?} in {s:?}"
            );
            last = p.end;
        }
    }

    /// The time grammar's tokens read off this tokenizer's pass
    /// (`time::parse::Shared`) are those it cuts itself, with the same
    /// flags, and it finds the same.
    fn shared_same(s: &str) {
        let lower = crate::rx::lower(s);
        let mut shared = crate::time::parse::Shared::new(s, &lower);
        let _ = lex::Ctx::with_sink(s, lower.as_str().into(), &mut shared);
        let (a, al) = shared.finish();
        let (b, bl) = crate::time::parse::tokens(s, &lower);
        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{s:?}");
        assert_eq!(al, bl, "{s:?}");
        assert_eq!(
            find_people_and_times_in(s, &lower),
            (find_people_in(s, &lower), crate::time::find_in(s, &lower)),
            "{s:?}"
        );
    }

    /// `lex::alnum` tells the General Punctuation block no letter without
    /// the Unicode tables, and the time tokenizer reads its characters as
    /// punctuation too (`time::parse::Shared::punct`): it holds no letter.
    #[test]
    fn general_punctuation_holds_no_letter() {
        assert!(!('\u{2000}'..='\u{206f}').any(char::is_alphanumeric));
    }

    #[test]
    fn shared_time_tokens_edges() {
        for s in [
            "",
            " ",
            "Oct. 9, 2023",
            "mid-March 2006",
            "a1,000 men",
            "1234,567",
            "9th",
            "Korea\u{2019}s \u{201c}two\u{201d} days",
            "the\u{a0}day\u{85}after",
            "caf\u{e9} Monday",
            "x-ray. Then",
            "so-called 5pm",
            "\u{d55c}\u{ad6d}day",
            "don't 5\u{2019}s \u{bd}day \u{2070}x \u{b2}3 \u{c9}ric-5 x\u{2011}y",
        ] {
            shared_same(s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn shared_time_tokens(s in "([a-zA-Z]{1,6}|[0-9]{1,5}|[-,.:;'()/\t\n\u{b}\u{c}\u{85}\u{2013}\u{2014}\u{2019}\u{201c}\u{a0}\u{3000} ]|st|th|nd|Oct|May|Monday|mid|days|later|ago|since|then|\u{d55c}\u{ad6d}|\u{c9}\u{e9}){0,40}") {
            shared_same(&s);
        }

        #[test]
        fn shared_time_tokens_any(s in "\\PC{0,80}") {
            shared_same(&s);
        }

        #[test]
        fn any_text(s in "\\PC{0,120}") {
            check(&s);
        }

        #[test]
        fn any_chars(s in any::<String>()) {
            check(&s);
        }

        #[test]
        fn number_text(s in "[0-9,.\\- a-z\u{2013}]{0,80}") {
            check(&s);
        }

        #[test]
        fn word_soup(words in prop::collection::vec(prop::sample::select(WORDS), 0..40)) {
            check(&words.join(" "));
        }

        #[test]
        fn huge_digits(n in "[1-9][0-9]{15,60}", w in prop::sample::select(WORDS)) {
            check(&format!("more than {n} {w} defectors"));
            check(&format!("{n} million {w}"));
            check(&format!("the {n} and {n} women"));
            let _ = parse_number(&n);
        }
    }
}

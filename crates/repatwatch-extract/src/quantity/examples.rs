//! Example table of the quantity dimension: phrase → the first people
//! mention's (words, min, max, approximate, gender). Own sentences.

use super::{find_people, parse_number};
use crate::model::Gender::{self, *};

type Row = (
    &'static str,
    &'static str,
    Option<u64>,
    Option<u64>,
    bool,
    Option<Gender>,
);

const EXAMPLES: &[Row] = &[
    (
        "police caught 20 defectors",
        "20 defectors",
        Some(20),
        Some(20),
        false,
        None,
    ),
    (
        "twenty refugees were held",
        "twenty refugees",
        Some(20),
        Some(20),
        false,
        None,
    ),
    (
        "about 20 female North Korean defectors were caught",
        "about 20 female North Korean defectors",
        Some(20),
        Some(20),
        true,
        Some(Female),
    ),
    (
        "around 40 North Koreans",
        "around 40 North Koreans",
        Some(40),
        Some(40),
        true,
        None,
    ),
    (
        "some 15 North Korean men and women",
        "some 15 North Korean men and women",
        Some(15),
        Some(15),
        true,
        Some(Mixed),
    ),
    (
        "an estimated 300 people",
        "an estimated 300 people",
        Some(300),
        Some(300),
        true,
        None,
    ),
    (
        "more than 500 North Koreans",
        "more than 500 North Koreans",
        Some(501),
        None,
        false,
        None,
    ),
    (
        "over 50 defectors",
        "over 50 defectors",
        Some(51),
        None,
        false,
        None,
    ),
    (
        "more than two hundred defectors",
        "more than two hundred defectors",
        Some(201),
        None,
        false,
        None,
    ),
    (
        "at least 92 North Koreans",
        "at least 92 North Koreans",
        Some(92),
        None,
        false,
        None,
    ),
    (
        "nearly 500 refugees",
        "nearly 500 refugees",
        None,
        Some(499),
        true,
        None,
    ),
    (
        "up to 60 escapees",
        "up to 60 escapees",
        None,
        Some(60),
        false,
        None,
    ),
    (
        "as many as 60 people",
        "as many as 60 people",
        None,
        Some(60),
        false,
        None,
    ),
    (
        "50 to 60 people had been returned",
        "50 to 60 people",
        Some(50),
        Some(60),
        false,
        None,
    ),
    (
        "50-60 people",
        "50-60 people",
        Some(50),
        Some(60),
        false,
        None,
    ),
    (
        "a dozen refugees",
        "a dozen refugees",
        Some(12),
        Some(12),
        true,
        None,
    ),
    (
        "dozens of defectors",
        "dozens of defectors",
        Some(24),
        Some(99),
        true,
        None,
    ),
    (
        "hundreds of escapees",
        "hundreds of escapees",
        Some(200),
        Some(999),
        true,
        None,
    ),
    (
        "several women",
        "several women",
        Some(3),
        Some(9),
        true,
        Some(Female),
    ),
    (
        "a few defectors",
        "a few defectors",
        Some(2),
        Some(5),
        true,
        None,
    ),
    (
        "a woman in her 20s was arrested",
        "a woman in her 20s",
        Some(1),
        Some(1),
        false,
        Some(Female),
    ),
    (
        "a pregnant woman",
        "a pregnant woman",
        Some(1),
        Some(1),
        false,
        Some(Female),
    ),
    (
        "a North Korean man scaled the wall",
        "a North Korean man",
        Some(1),
        Some(1),
        false,
        Some(Male),
    ),
    (
        "a family of five",
        "a family of five",
        Some(5),
        Some(5),
        false,
        None,
    ),
    (
        "a three-member family",
        "a three-member family",
        Some(3),
        Some(3),
        false,
        None,
    ),
    (
        "another 200 defectors were",
        "another 200 defectors",
        Some(200),
        Some(200),
        false,
        None,
    ),
    (
        "Eighteen more defectors were arrested",
        "Eighteen more defectors",
        Some(18),
        Some(18),
        false,
        None,
    ),
    (
        "All 41 North Korean defectors",
        "All 41 North Korean defectors",
        Some(41),
        Some(41),
        false,
        None,
    ),
    (
        "the five were taken away",
        "the five",
        Some(5),
        Some(5),
        false,
        None,
    ),
    (
        "the remaining three outside",
        "the remaining three",
        Some(3),
        Some(3),
        false,
        None,
    ),
    (
        "those ten were sent back",
        "those ten",
        Some(10),
        Some(10),
        false,
        None,
    ),
    (
        "nine of them face repatriation",
        "nine of them",
        Some(9),
        Some(9),
        false,
        None,
    ),
    (
        "10 of the 14 were caught",
        "10 of the 14",
        Some(10),
        Some(10),
        false,
        None,
    ),
    (
        "a total of 10 defectors",
        "a total of 10 defectors",
        Some(10),
        Some(10),
        false,
        None,
    ),
    (
        "over 2,000 North Korean defectors",
        "over 2,000 North Korean defectors",
        Some(2001),
        None,
        false,
        None,
    ),
    (
        "detained the four — two men aged 35 and 45 and two women aged 24 and 35 — on Monday",
        "the four",
        Some(4),
        Some(4),
        false,
        Some(Mixed),
    ),
    (
        "arrested 12 defectors — four men and eight women — at dusk",
        "12 defectors",
        Some(12),
        Some(12),
        false,
        Some(Mixed),
    ),
    (
        "hundreds of escapees, most of them women,",
        "hundreds of escapees",
        Some(200),
        Some(999),
        true,
        Some(Mixed),
    ),
    (
        "the pair were caught",
        "the pair",
        Some(2),
        Some(2),
        false,
        None,
    ),
    (
        "his wife was held",
        "his wife",
        Some(1),
        Some(1),
        false,
        Some(Female),
    ),
    ("police took them away", "them", None, None, false, None),
    ("she was sent back", "she", None, None, false, Some(Female)),
    ("the group was caught", "the group", None, None, false, None),
    (
        "then 80 on August 29",
        "80",
        Some(80),
        Some(80),
        false,
        None,
    ),
];

/// Phrases with no people mention.
const TRAPS: &[&str] = &[
    "he was sentenced to five years",
    "some 200 miles northwest of the capital",
    "she carried 200 yuan",
    "at about 6 p.m. on Monday",
    "the 1951 Refugee Convention",
    "in 2023 the border reopened",
    "aged 14 to 18",
    "Decree No. 136 governs it",
    "for 90 minutes",
];

#[test]
fn examples() {
    for (text, words, min, max, approx, gender) in EXAMPLES {
        let got = find_people(text);
        let m = got
            .first()
            .unwrap_or_else(|| panic!("no mention in {text:?}"));
        let c = m.count.unwrap_or_default();
        assert_eq!(
            (&text[m.start..m.end], c.min, c.max, c.approximate, m.gender),
            (*words, *min, *max, *approx, *gender),
            "in {text:?}"
        );
    }
}

#[test]
fn traps() {
    for text in TRAPS {
        let got: Vec<_> = find_people(text)
            .into_iter()
            .filter(|m| m.count.is_some())
            .collect();
        assert!(got.is_empty(), "in {text:?}: {got:?}");
    }
}

#[test]
fn number_words() {
    for (w, n) in [
        ("fifteen", 15),
        ("two hundred", 200),
        ("twenty-one", 21),
        ("1,047", 1047),
        ("a dozen", 12),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
    ] {
        assert_eq!(parse_number(w), Some(n), "{w}");
    }
    assert_eq!(parse_number("99999999999999999999"), None);
    assert_eq!(parse_number("many"), None);
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,200}") {
        for m in find_people(&s) {
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end) && m.start <= m.end);
        }
        let _ = parse_number(&s);
    }
}

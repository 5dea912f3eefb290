//! Quantity dimension: numbers, number words and the people phrases they
//! count (CODEBOOK.md, "people").
//!
//! The text is cut into word tokens once; at each token a small grammar
//! tries, in order:
//! 1. a quantity (`[modifier] number [to number] [more|other] [of]`) followed
//!    by adjectives and a people noun ("about 20 female North Korean
//!    defectors", "hundreds of escapees", "nine of them");
//! 2. a definite numeral used as a noun ("the five", "the remaining three",
//!    "all 10", "10 of the 14");
//! 3. one described person ("a woman in her 20s", "a pregnant woman", "his
//!    wife"), a family ("a family of five", "a three-member family");
//! 4. a definite group or a pronoun ("the group", "the defectors", "them").
//!
//! Counts follow the codebook's table; gender comes from the phrase or from
//! a breakdown right after it ("the four — two men and two women —").

use crate::model::{Count, Gender};

#[cfg(test)]
mod examples;

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
    /// "the five", "the group", "those ten": refers to a group told before.
    pub definite: bool,
    /// "they", "them", "she".
    pub pronoun: bool,
    /// One described person ("a pregnant woman").
    pub individual: bool,
    /// A count with no people noun ("then 80 on Aug. 29"): used only where
    /// the verb is gapped.
    pub bare: bool,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: usize,
    e: usize,
    w: &'a str,
    /// The word in ASCII lower case.
    l: &'a str,
}

fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let joins = d.is_alphanumeric()
                    || ((d == '-' || d == '\'' || d == '’' || d == ',' || d == '.') && {
                        // inner hyphen/apostrophe, or a digit group "1,047"
                        let rest = &text[j + d.len_utf8()..];
                        let next = rest.chars().next();
                        match d {
                            ',' | '.' => {
                                text[i..end].chars().all(|x| x.is_ascii_digit() || x == ',')
                                    && rest.len() >= 3
                                    && rest.as_bytes()[..3].iter().all(|b| b.is_ascii_digit())
                                    && !rest.as_bytes().get(3).is_some_and(|b| b.is_ascii_digit())
                                    && d == ','
                            }
                            _ => next.is_some_and(|n| n.is_alphanumeric()),
                        }
                    });
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            out.push(Tok {
                s: i,
                e: end,
                w: &text[i..end],
                l: &lower[i..end],
            });
        } else if !c.is_whitespace() {
            out.push(Tok {
                s: i,
                e: i + c.len_utf8(),
                w: &text[i..i + c.len_utf8()],
                l: &lower[i..i + c.len_utf8()],
            });
        }
    }
    out
}

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn unit_word(w: &str) -> Option<u64> {
    if w.len() < 3 || w.len() > 17 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    if let Some((a, b)) = w.split_once('-') {
        let (x, y) = (unit_word(a)?, unit_word(b)?);
        return (x >= 20 && x % 10 == 0 && y < 10).then_some(x + y);
    }
    UNITS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

fn digits(w: &str) -> Option<u64> {
    if !w.chars().next()?.is_ascii_digit() || !w.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return None;
    }
    let d: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
    if d.len() > 12 {
        return None;
    }
    d.parse().ok()
}

/// Parses a number written in digits or words: "1,047", "fifteen",
/// "twenty-one", "two hundred", "a dozen".
pub fn parse_number(words: &str) -> Option<u64> {
    let toks: Vec<&str> = words.split_whitespace().collect();
    let (n, used) = number_at(&toks, 0)?;
    (used == toks.len()).then_some(n)
}

/// A number starting at token `i`: its value and how many tokens it takes.
fn number_at(toks: &[&str], i: usize) -> Option<(u64, usize)> {
    let w = *toks.get(i)?;
    if let Some(n) = digits(w) {
        return Some((n, 1));
    }
    if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("one"))
        && toks.get(i + 1).map(|x| x.eq_ignore_ascii_case("dozen")) == Some(true)
    {
        return Some((12, 2));
    }
    let mut total: u64 = 0;
    let mut cur: u64 = 0;
    let mut used = 0;
    let mut any = false;
    while let Some(t) = toks.get(i + used) {
        let tl: &str = t;
        if let Some(v) = unit_word(tl) {
            if any && cur % 100 != 0 && cur >= 10 && v >= 10 {
                break;
            }
            cur += v;
            any = true;
        } else if any && tl.eq_ignore_ascii_case("hundred") {
            cur = cur.max(1) * 100;
        } else if any && tl.eq_ignore_ascii_case("thousand") {
            total += cur.max(1) * 1000;
            cur = 0;
        } else if any
            && tl.eq_ignore_ascii_case("and")
            && toks.get(i + used + 1).and_then(|x| unit_word(x)).is_some()
            && cur >= 100
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        used += 1;
    }
    any.then_some((total + cur, used))
}

const PEOPLE_HEADS: &[&str] = &[
    "north koreans",
    "koreans",
    "defectors",
    "defector",
    "refugees",
    "refugee",
    "escapees",
    "escapee",
    "asylum seekers",
    "asylum-seekers",
    "people",
    "persons",
    "person",
    "women",
    "men",
    "woman",
    "man",
    "children",
    "child",
    "girls",
    "girl",
    "boys",
    "boy",
    "teenagers",
    "teenager",
    "nationals",
    "detainees",
    "returnees",
    "border-crossers",
    "border crossers",
    "migrants",
    "workers",
    "laborers",
    "labourers",
    "soldiers",
    "family members",
    "members",
    "relatives",
    "individuals",
    "adults",
    "minors",
    "infants",
    "babies",
    "baby",
    "residents",
    "citizens",
    "civilians",
    "believers",
    "prisoners",
    "inmates",
    "others",
    "north korean",
    "escapees",
    "runaways",
    "brides",
    "fugitives",
];

const ADJECTIVES: &[&str] = &[
    "north",
    "korean",
    "female",
    "male",
    "other",
    "more",
    "young",
    "elderly",
    "adult",
    "pregnant",
    "undocumented",
    "fellow",
    "further",
    "additional",
    "new",
    "remaining",
    "suspected",
    "alleged",
    "so-called",
    "ordinary",
    "christian",
    "former",
    "teenage",
    "older",
    "younger",
];

const FEMALE: &[&str] = &[
    "women",
    "woman",
    "female",
    "girl",
    "girls",
    "mother",
    "mothers",
    "wife",
    "wives",
    "sister",
    "sisters",
    "daughter",
    "daughters",
    "she",
    "her",
    "brides",
    "bride",
    "grandmother",
    "aunt",
    "niece",
];
const MALE: &[&str] = &[
    "men",
    "man",
    "male",
    "boy",
    "boys",
    "father",
    "fathers",
    "husband",
    "husbands",
    "son",
    "sons",
    "brother",
    "brothers",
    "he",
    "him",
    "grandfather",
    "uncle",
    "nephew",
];
const MINOR_WORDS: &[&str] = &[
    "child",
    "children",
    "teenager",
    "teenagers",
    "girl",
    "boy",
    "baby",
    "minor",
    "minors",
    "infant",
    "kids",
    "girls",
    "boys",
];

fn gender_of(w: &str) -> Option<Gender> {
    let l = w.to_ascii_lowercase();
    if FEMALE.contains(&l.as_str()) {
        Some(Gender::Female)
    } else if MALE.contains(&l.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn join_gender(a: Option<Gender>, b: Option<Gender>) -> Option<Gender> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) if x == y => Some(x),
        _ => Some(Gender::Mixed),
    }
}

/// Words after a count that show it is not people.
const NOT_PEOPLE_AFTER: &[&str] = &[
    "years",
    "year",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "hours",
    "hour",
    "minutes",
    "miles",
    "mile",
    "kilometers",
    "kilometres",
    "km",
    "meters",
    "metres",
    "yuan",
    "won",
    "dollars",
    "percent",
    "%",
    "p.m",
    "a.m",
    "times",
    "batches",
    "buses",
    "boats",
    "bedrooms",
    "generations",
    "cities",
    "crossings",
    "points",
    "provinces",
    "countries",
    "convention",
    "protocol",
    "agreements",
    "decades",
    "signatures",
    "paragraphs",
    "groups",
    "degrees",
    "o'clock",
    "million",
    "billion",
];

/// Words that may follow a bare definite numeral ("the five were ...").
fn continues_np(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    let stop = [
        "were",
        "was",
        "are",
        "is",
        "had",
        "have",
        "has",
        "remain",
        "remained",
        "who",
        "whom",
        "in",
        "at",
        "on",
        "to",
        "from",
        "into",
        "and",
        "also",
        "all",
        "said",
        "face",
        "faced",
        "could",
        "would",
        "will",
        "may",
        "might",
        "arrived",
        "left",
        "be",
        "been",
        "being",
        "had",
        "did",
        "do",
        "now",
        "still",
        "then",
        "later",
        "reportedly",
        "being",
        "include",
        "included",
        "including",
        "among",
        "together",
        "with",
        "outside",
        "inside",
        "near",
        "across",
        "back",
        "over",
        "by",
        "over",
        "for",
        "as",
        "spoke",
        "carried",
        "ranged",
        "come",
        "came",
        "hoped",
        "asked",
        "told",
        "went",
        "got",
    ];
    stop.contains(&l.as_str()) || !l.chars().next().is_some_and(|c| c.is_alphanumeric())
}

#[derive(Clone, Copy)]
enum Modifier {
    None,
    Approx,
    MoreThan,
    AtLeast,
    Nearly,
    UpTo,
}

const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["an", "estimated"], Modifier::Approx),
    (&["about"], Modifier::Approx),
    (&["around"], Modifier::Approx),
    (&["roughly"], Modifier::Approx),
    (&["approximately"], Modifier::Approx),
    (&["some"], Modifier::Approx),
    (&["nearly"], Modifier::Nearly),
    (&["almost"], Modifier::Nearly),
    (&["just", "under"], Modifier::Nearly),
    (&["close", "to"], Modifier::Nearly),
    (&["more", "than"], Modifier::MoreThan),
    (&["over"], Modifier::MoreThan),
    (&["upwards", "of"], Modifier::MoreThan),
    (&["at", "least"], Modifier::AtLeast),
    (&["up", "to"], Modifier::UpTo),
    (&["as", "many", "as"], Modifier::UpTo),
];

fn lw<'a>(t: &Tok<'a>) -> &'a str {
    t.l
}

fn match_words(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.w.eq_ignore_ascii_case(w)))
}

fn head_at(toks: &[Tok], i: usize) -> Option<usize> {
    // a people noun of one or two words starting at i: its last index
    let one = toks.get(i).map(lw)?;
    if let Some(two) = toks.get(i + 1).map(|t| format!("{one} {}", lw(t))) {
        if PEOPLE_HEADS.contains(&two.as_str()) && two != "north korean" {
            return Some(i + 1);
        }
    }
    if PEOPLE_HEADS.contains(&one) && one != "north korean" {
        return Some(i);
    }
    None
}

struct Quant {
    count: Option<Count>,
    /// index after the quantity
    next: usize,
    definite: bool,
    approx_word: bool,
}

/// A quantity at token i: "[det] [modifier] number [to number] [more|other] [of]".
fn quant_at(toks: &[Tok], strs: &[&str], i: usize) -> Option<Quant> {
    let mut j = i;
    let mut definite = false;
    // determiners
    while let Some(t) = toks.get(j) {
        let l = lw(t);
        if l == "a" && match_words(toks, j, &["a", "total", "of"]) {
            j += 3;
            continue;
        }
        if l == "a" && match_words(toks, j, &["a", "further"]) {
            j += 2;
            continue;
        }
        if matches!(
            l,
            "the" | "those" | "these" | "all" | "another" | "only" | "remaining"
        ) {
            definite |= matches!(l, "the" | "those" | "these" | "all");
            j += 1;
            continue;
        }
        break;
    }
    let mut modifier = Modifier::None;
    for (words, m) in MODIFIERS {
        if match_words(toks, j, words) {
            modifier = *m;
            j += words.len();
            break;
        }
    }
    let l = toks.get(j).map(lw)?;
    // vague quantities
    let vague: Option<(Count, usize)> = match l {
        "hundreds" => Some((Count::range(Some(200), Some(999), true), 1)),
        "dozens" => Some((Count::range(Some(24), Some(99), true), 1)),
        "thousands" => Some((Count::range(Some(2000), Some(9999), true), 1)),
        "several" => Some((Count::range(Some(3), Some(9), true), 1)),
        "few" if j > 0 && lw(&toks[j - 1]) == "a" => {
            Some((Count::range(Some(2), Some(5), true), 1))
        }
        "couple" if j > 0 && lw(&toks[j - 1]) == "a" && !match_words(toks, j + 1, &["of"]) => {
            Some((Count::exact(2), 1))
        }
        "pair" if definite => Some((Count::exact(2), 1)),
        _ => None,
    };
    if let Some((c, n)) = vague {
        let mut next = j + n;
        if toks
            .get(next)
            .is_some_and(|t| t.w.eq_ignore_ascii_case("of"))
        {
            next += 1;
        }
        return Some(Quant {
            count: Some(c),
            next,
            definite,
            approx_word: true,
        });
    }
    if l == "a" && match_words(toks, j, &["a", "few"]) {
        let mut next = j + 2;
        if toks
            .get(next)
            .is_some_and(|t| t.w.eq_ignore_ascii_case("of"))
        {
            next += 1;
        }
        return Some(Quant {
            count: Some(Count::range(Some(2), Some(5), true)),
            next,
            definite,
            approx_word: true,
        });
    }
    // a hyphenated digit range in one token: "50-60"
    if let Some((a, b)) = toks[j].w.split_once('-') {
        if let (Some(a), Some(b)) = (digits(a), digits(b)) {
            if b > a {
                return Some(Quant {
                    count: Some(Count::range(Some(a), Some(b), false)),
                    next: j + 1,
                    definite,
                    approx_word: false,
                });
            }
        }
    }
    let (n, used) = number_at(strs, j)?;
    let mut next = j + used;
    let mut count = match modifier {
        Modifier::None => Count::exact(n),
        Modifier::Approx => Count::approx(n),
        Modifier::MoreThan => Count::range(Some(n + 1), None, false),
        Modifier::AtLeast => Count::range(Some(n), None, false),
        Modifier::Nearly => Count::range(None, Some(n.saturating_sub(1)), true),
        Modifier::UpTo => Count::range(None, Some(n), false),
    };
    if n == 12 && used == 2 {
        count.approximate = true;
    }
    // ranges: "50 to 60", "50-60", "between 50 and 60"
    if let Some(t) = toks.get(next) {
        let tl = lw(t);
        let between = i > 0
            && toks
                .get(j.wrapping_sub(1))
                .is_some_and(|p| p.w.eq_ignore_ascii_case("between"));
        if tl == "to" || tl == "-" || tl == "–" || (tl == "and" && between) {
            if let Some((m, u2)) = number_at(strs, next + 1) {
                if m > n {
                    count = Count::range(Some(n), Some(m), false);
                    next += 1 + u2;
                }
            }
        }
    }
    if toks
        .get(next)
        .is_some_and(|t| matches!(lw(t), "more" | "other" | "others"))
        && !toks.get(next).is_some_and(|t| lw(t) == "others")
    {
        next += 1;
    }
    Some(Quant {
        count: Some(count),
        next,
        definite,
        approx_word: false,
    })
}

fn is_year_like(toks: &[Tok], j: usize) -> bool {
    toks.get(j)
        .and_then(|t| digits(t.w))
        .is_some_and(|n| (1900..=2100).contains(&n) && !toks[j].w.contains(','))
}

/// Every people phrase in `text`, in order, not overlapping.
/// Whether a mention can start at a word (lower case): a cheap filter
/// before the grammar runs.
fn can_start(l: &str) -> bool {
    let Some(&b) = l.as_bytes().first() else {
        return false;
    };
    if b.is_ascii_digit() {
        return true;
    }
    if unit_word(l).is_some() {
        return true;
    }
    matches!(
        l,
        "a" | "an"
            | "the"
            | "those"
            | "these"
            | "this"
            | "all"
            | "another"
            | "only"
            | "remaining"
            | "his"
            | "her"
            | "their"
            | "they"
            | "them"
            | "she"
            | "he"
            | "him"
            | "some"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "nearly"
            | "almost"
            | "just"
            | "close"
            | "more"
            | "over"
            | "upwards"
            | "at"
            | "up"
            | "as"
            | "hundreds"
            | "dozens"
            | "thousands"
            | "several"
            | "every"
            | "each"
            | "one"
            | "further"
    )
}

pub fn find_people(text: &str) -> Vec<PeopleMention> {
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(text, &lower);
    let strs: Vec<&str> = toks.iter().map(|t| t.w).collect();
    let mut out: Vec<PeopleMention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !can_start(toks[i].l) {
            i += 1;
            continue;
        }
        if let Some((m, next)) = mention_at(text, &toks, &strs, i) {
            out.push(m);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn mention_at(text: &str, toks: &[Tok], strs: &[&str], i: usize) -> Option<(PeopleMention, usize)> {
    let t0 = lw(&toks[i]);
    let prev = if i > 0 { lw(&toks[i - 1]) } else { "" };
    // Ages and sizes are not counts: "aged 35", "in her 20s", "of about seven".
    if matches!(
        prev,
        "aged" | "age" | "ages" | "no" | "no." | "decree" | "article" | "between"
    ) && !t0.starts_with("the")
    {
        return None;
    }
    let mk = |s: usize, e: usize, count, gender, rule, definite, pronoun, individual, bare| {
        PeopleMention {
            start: s,
            end: e,
            count,
            gender,
            minors: None,
            rule,
            definite,
            pronoun,
            individual,
            bare,
        }
    };
    // 3. a family of five / a five-member family
    if t0 == "a" || t0 == "the" || t0 == "his" || t0 == "her" || t0 == "their" {
        if match_words(toks, i + 1, &["family", "of"]) {
            if let Some((n, used)) = number_at(strs, i + 3) {
                let end = toks[i + 2 + used].e;
                return Some((
                    mk(
                        toks[i].s,
                        end,
                        Some(Count::exact(n)),
                        None,
                        "people.family_of_n",
                        false,
                        false,
                        false,
                        false,
                    ),
                    i + 3 + used,
                ));
            }
        }
        if let Some(t) = toks.get(i + 1) {
            if let Some((num, rest)) = t.w.split_once('-') {
                if rest.eq_ignore_ascii_case("member")
                    && toks
                        .get(i + 2)
                        .is_some_and(|x| x.w.eq_ignore_ascii_case("family"))
                {
                    if let Some(n) = unit_word(num).or_else(|| digits(num)) {
                        return Some((
                            mk(
                                toks[i].s,
                                toks[i + 2].e,
                                Some(Count::exact(n)),
                                None,
                                "people.n_member_family",
                                false,
                                false,
                                false,
                                false,
                            ),
                            i + 3,
                        ));
                    }
                }
            }
        }
    }
    // 1 & 2. quantities
    if let Some(q) = quant_at(toks, strs, i) {
        let qstart = i;
        let mut j = q.next;
        // "nine of them", "10 of the 14", "one of the ten"
        if j > 0 && lw(&toks[j - 1]) == "of" || toks.get(j).is_some_and(|t| lw(t) == "of") {
            let k = if toks.get(j).is_some_and(|t| lw(t) == "of") {
                j + 1
            } else {
                j
            };
            if toks
                .get(k)
                .is_some_and(|t| matches!(lw(t), "them" | "those" | "these"))
            {
                return Some((
                    mk(
                        toks[qstart].s,
                        toks[k].e,
                        q.count,
                        None,
                        "people.n_of_them",
                        true,
                        false,
                        false,
                        false,
                    ),
                    k + 1,
                ));
            }
            // "every one of the 41", "all of the nine": the whole group
            let every = qstart > 0 && matches!(lw(&toks[qstart - 1]), "every" | "each");
            if every && toks.get(k).is_some_and(|t| lw(t) == "the") {
                if let Some((n, used)) = number_at(strs, k + 1) {
                    let end = k + used;
                    return Some((
                        mk(
                            toks[qstart - 1].s,
                            toks[end].e,
                            Some(Count::exact(n)),
                            None,
                            "people.every_one_of",
                            true,
                            false,
                            false,
                            false,
                        ),
                        end + 1,
                    ));
                }
            }
            if toks.get(k).is_some_and(|t| lw(t) == "the") {
                if let Some((_, used)) = number_at(strs, k + 1) {
                    let mut end = k + used;
                    let mut gender = None;
                    if let Some(h) = head_at(toks, end + 1) {
                        gender = toks[end + 1..=h]
                            .iter()
                            .fold(None, |g, t| join_gender(g, gender_of(t.w)));
                        end = h;
                    }
                    return Some((
                        mk(
                            toks[qstart].s,
                            toks[end].e,
                            q.count,
                            gender,
                            "people.n_of_the_m",
                            true,
                            false,
                            false,
                            false,
                        ),
                        end + 1,
                    ));
                }
            }
        }
        // skip year-like numbers ("in 2023", "the 1990s")
        let numtok = (i..q.next).find(|&k| digits(toks[k].w).is_some());
        if numtok.is_some_and(|k| is_year_like(toks, k)) && !q.approx_word {
            return None;
        }
        // adjectives then a people noun
        let mut gender = None;
        let mut k = j;
        let mut steps = 0;
        while k < toks.len() && steps < 5 {
            if let Some(h) = head_at(toks, k) {
                for t in &toks[q.next..=h] {
                    gender = join_gender(gender, gender_of(t.w));
                }
                // "men and women"
                let mut end = h;
                if toks.get(h + 1).is_some_and(|t| lw(t) == "and") {
                    if let Some(h2) = head_at(toks, h + 2) {
                        gender = join_gender(gender, gender_of(toks[h2].w));
                        end = h2;
                    }
                }
                let (g2, extra, minors) = breakdown(toks, strs, end + 1);
                let count = if q.count.is_some() {
                    q.count
                } else {
                    extra.map(Count::exact)
                };
                let mut m = mk(
                    toks[qstart].s,
                    toks[end].e,
                    count,
                    join_gender(gender, g2),
                    "people.count_noun",
                    q.definite,
                    false,
                    false,
                    false,
                );
                m.minors = minors.or_else(|| minor_head(&toks[q.next..=end], q.count));
                return Some((m, end + 1));
            }
            let l = lw(&toks[k]);
            if ADJECTIVES.contains(&l) || l.ends_with("-year-old") {
                k += 1;
                steps += 1;
                continue;
            }
            break;
        }
        j = q.next;
        let next_word = toks.get(j).map(lw).unwrap_or_default();
        if NOT_PEOPLE_AFTER.contains(&next_word)
            || next_word.ends_with("-year-old")
            || next_word == "years-old"
        {
            return None;
        }
        let qtext_lower = text[toks[qstart].s..toks[j - 1].e].to_ascii_lowercase();
        // definite numeral as a noun: "the five were", "all 10 were", "those ten"
        if (q.definite
            || qtext_lower.starts_with("another")
            || qtext_lower.starts_with("the remaining"))
            && (j >= toks.len() || continues_np(toks[j].w))
        {
            let (g2, extra, minors) = breakdown(toks, strs, j);
            let mut m = mk(
                toks[qstart].s,
                toks[j - 1].e,
                q.count.or(extra.map(Count::exact)),
                g2,
                "people.definite_numeral",
                true,
                false,
                false,
                false,
            );
            m.minors = minors;
            return Some((m, j));
        }
        // a bare count, for gapped lists: "then 80 on Aug. 29"
        if j < toks.len()
            && matches!(next_word, "on" | "in" | "at" | "," | "during")
            && !q.approx_word
        {
            return Some((
                mk(
                    toks[qstart].s,
                    toks[j - 1].e,
                    q.count,
                    None,
                    "people.bare_count",
                    false,
                    false,
                    false,
                    true,
                ),
                j,
            ));
        }
        return None;
    }
    // 3. one described person: "a (pregnant|young|29-year-old|North Korean) woman"
    if t0 == "a" || t0 == "an" || t0 == "the" || t0 == "one" {
        let mut k = i + 1;
        let mut steps = 0;
        while k < toks.len() && steps < 4 {
            let l = lw(&toks[k]);
            if matches!(
                l,
                "woman"
                    | "man"
                    | "girl"
                    | "boy"
                    | "defector"
                    | "refugee"
                    | "escapee"
                    | "teenager"
                    | "child"
                    | "baby"
                    | "mother"
                    | "father"
                    | "detainee"
                    | "returnee"
                    | "worker"
                    | "soldier"
                    | "student"
                    | "pastor"
            ) || (l == "korean"
                && k > i + 1
                && lw(&toks[k - 1]) == "north"
                && !toks.get(k + 1).is_some_and(|t| {
                    head_at(toks, toks.len().min(k + 1)).is_some()
                        || lw(t) == "border"
                        || lw(t) == "embassy"
                        || lw(t) == "authorities"
                        || lw(t) == "side"
                        || lw(t) == "officials"
                        || lw(t) == "security"
                        || lw(t) == "police"
                        || lw(t) == "leader"
                        || lw(t) == "city"
                }))
            {
                let mut end = k;
                // "a woman in her 20s", "a man in his 30s"
                if match_words(toks, k + 1, &["in"])
                    && toks
                        .get(k + 2)
                        .is_some_and(|t| matches!(lw(t), "her" | "his"))
                    && toks.get(k + 3).is_some_and(|t| {
                        t.w.ends_with('s') && t.w.chars().next().is_some_and(|c| c.is_ascii_digit())
                    })
                {
                    end = k + 3;
                }
                let gender = toks[i + 1..=k]
                    .iter()
                    .fold(None, |g, t| join_gender(g, gender_of(t.w)));
                let definite = t0 == "the";
                let mut m = mk(
                    toks[i].s,
                    toks[end].e,
                    Some(Count::exact(1)),
                    gender,
                    "people.described_person",
                    definite,
                    false,
                    true,
                    false,
                );
                if MINOR_WORDS.contains(&l) {
                    m.minors = Some(1);
                }
                return Some((m, end + 1));
            }
            if ADJECTIVES.contains(&l) || l.ends_with("-year-old") || l == "north" {
                k += 1;
                steps += 1;
                continue;
            }
            break;
        }
    }
    // kin: "his wife", "her sister", "their daughter"
    if matches!(t0, "his" | "her" | "their") {
        if let Some(t) = toks.get(i + 1) {
            let l = lw(t);
            let kin = [
                "wife", "husband", "sister", "brother", "daughter", "son", "mother", "father",
                "niece", "nephew", "cousin",
            ];
            if kin.contains(&l) {
                let mut m = mk(
                    toks[i].s,
                    t.e,
                    Some(Count::exact(1)),
                    gender_of(&l),
                    "people.kin",
                    false,
                    false,
                    true,
                    false,
                );
                if (l == "daughter" || l == "son") && false {
                    m.minors = Some(1);
                }
                return Some((m, i + 2));
            }
        }
    }
    // 4. definite groups and pronouns
    if matches!(t0, "the" | "those" | "these" | "this") {
        let mut k = i + 1;
        let mut steps = 0;
        while k < toks.len() && steps < 3 {
            if let Some(h) = head_at(toks, k) {
                let gender = toks[i + 1..=h]
                    .iter()
                    .fold(None, |g, t| join_gender(g, gender_of(t.w)));
                return Some((
                    mk(
                        toks[i].s,
                        toks[h].e,
                        None,
                        gender,
                        "people.definite_group",
                        true,
                        false,
                        false,
                        false,
                    ),
                    h + 1,
                ));
            }
            let l = lw(&toks[k]);
            if matches!(
                l,
                "group" | "family" | "couple" | "pair" | "batch" | "detainees" | "returnees"
            ) {
                let count = match l {
                    "couple" | "pair" => Some(Count::exact(2)),
                    _ => None,
                };
                return Some((
                    mk(
                        toks[i].s,
                        toks[k].e,
                        count,
                        None,
                        "people.definite_group",
                        true,
                        false,
                        false,
                        false,
                    ),
                    k + 1,
                ));
            }
            if ADJECTIVES.contains(&l) || l == "whole" || l == "same" || l == "entire" {
                k += 1;
                steps += 1;
                continue;
            }
            break;
        }
    }
    if matches!(t0, "they" | "them" | "she" | "he" | "him")
        || (t0 == "her"
            && !toks.get(i + 1).is_some_and(|t| {
                t.w.chars().next().is_some_and(|c| c.is_alphanumeric()) && !continues_np(t.w)
            }))
    {
        let gender = gender_of(&t0);
        return Some((
            mk(
                toks[i].s,
                toks[i].e,
                None,
                gender,
                "people.pronoun",
                false,
                true,
                false,
                false,
            ),
            i + 1,
        ));
    }
    None
}

fn minor_head(toks: &[Tok], count: Option<Count>) -> Option<u64> {
    let last = toks.last().map(lw)?;
    if MINOR_WORDS.contains(&last) {
        return count.and_then(|c| c.min.filter(|_| c.min == c.max));
    }
    None
}

/// A breakdown right after a people phrase: "— two men aged 35 and 45 and
/// two women aged 24 and 35 —", ", among them three children", ", most of
/// them women". Returns its gender, the sum of its counts, and minors.
fn breakdown(toks: &[Tok], strs: &[&str], i: usize) -> (Option<Gender>, Option<u64>, Option<u64>) {
    let Some(first) = toks.get(i) else {
        return (None, None, None);
    };
    if !matches!(first.w, "—" | "–" | "-" | "(" | ",") {
        return (None, None, None);
    }
    let mut gender = None;
    let mut sum = 0u64;
    let mut parts = 0;
    let mut minors = None;
    let mut k = i + 1;
    let limit = (i + 28).min(toks.len());
    let intro = toks.get(k).map(lw).unwrap_or_default();
    let among = matches!(
        intro,
        "among" | "including" | "one" | "most" | "all" | "both"
    );
    while k < limit {
        let l = lw(&toks[k]);
        if matches!(l, "—" | "–" | ")" | "." | ";")
            || (l == "," && k > i + 1 && !among && parts == 0)
        {
            break;
        }
        if among && (l == ",") && k > i + 2 {
            break;
        }
        if let Some(g) = gender_of(&l) {
            if !matches!(l, "her" | "his" | "she" | "he" | "him") {
                gender = join_gender(gender, Some(g));
                // the count before this noun
                let n = if k > 0 {
                    number_at(strs, k - 1).map(|x| x.0).or_else(|| {
                        (lw(&toks[k - 1]) == "a" || lw(&toks[k - 1]) == "an").then_some(1)
                    })
                } else {
                    None
                };
                if let Some(n) = n {
                    sum += n;
                    parts += 1;
                }
                if MINOR_WORDS.contains(&l) && among {
                    minors = Some(minors.unwrap_or(0) + n.unwrap_or(1));
                }
            }
        } else if MINOR_WORDS.contains(&l) || l.ends_with("-year-old") {
            if among {
                let n = if k > 0 {
                    number_at(strs, k - 1).map(|x| x.0)
                } else {
                    None
                };
                minors = Some(minors.unwrap_or(0) + n.unwrap_or(1));
            }
        }
        k += 1;
    }
    if among && intro == "most" {
        // "most of them women": not all, so the group is mixed
        if gender.is_some() {
            gender = Some(Gender::Mixed);
        }
    }
    if among && intro != "most" && parts < 2 {
        // "among them a teenager and a pregnant woman" tells minors, not gender
        gender = None;
    }
    let sum = (parts >= 2 && !among).then_some(sum);
    (gender, sum, minors)
}

//! Numbers ("1,047", "two hundred and five", "a dozen") and count phrases
//! ("more than 500", "between 50 and 60", "hundreds of") over tokens.

use super::lex::{self, hyphen_parts, w as W, Ctx, Kind};
use crate::model::Count;

/// A number spelled over tokens `s..e`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    pub s: usize,
    pub e: usize,
    pub value: u64,
    /// "a dozen", "two dozen", "20-odd".
    pub approx: bool,
    /// A range inside one token ("50-60").
    pub upper: Option<u64>,
}

/// `small_word(cx.w(i))`, turning away at once a token in no number list
/// and without a hyphen. Exact: a single number word is in `NUMW_WORDS`,
/// and the two parts of "twenty-one" are letters, which the tokenizer joins
/// only with a hyphen ('-', U+2010, U+2011), never with an en dash.
#[inline]
fn small_word_at(cx: &Ctx, i: usize) -> Option<u64> {
    if cx.fl(i) & lex::NUMW == 0 && !cx.hyph(i) {
        return None;
    }
    small_word(cx.w(i))
}

/// 0–99 as one word ("seven", "forty", "twenty-one", "twenty‑one").
pub fn small_word(w: &str) -> Option<u64> {
    let v = match w {
        "zero" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => {
            let mut parts = hyphen_parts(w);
            let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
                return None;
            };
            let tens = small_word(a)?;
            let unit = small_word(b)?;
            if tens >= 20 && tens % 10 == 0 && (1..10).contains(&unit) {
                return Some(tens + unit);
            }
            return None;
        }
    };
    Some(v)
}

fn multiplier(w: &str) -> Option<u64> {
    match w {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// Digits with thousands commas ("1,047") → value; None on overflow.
pub fn digits(w: &str) -> Option<u64> {
    let mut v: u64 = 0;
    let mut any = false;
    for b in w.bytes() {
        match b {
            b'0'..=b'9' => {
                v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                any = true;
            }
            b',' => {}
            _ => return None,
        }
    }
    any.then_some(v)
}

/// "1.5" → (15, 10): numerator and denominator.
fn decimal(w: &str) -> Option<(u64, u64)> {
    let (a, b) = w.split_once('.')?;
    if b.is_empty() || b.len() > 6 || b.contains('.') {
        return None;
    }
    let den = 10u64.pow(b.len() as u32);
    let num = digits(a)?.checked_mul(den)?.checked_add(digits(b)?)?;
    Some((num, den))
}

/// Can a number or count phrase start at token `i`? (a fast filter)
#[inline]
fn can_start(cx: &Ctx, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Num) => true,
        Some(Kind::Word) => cx.fl(i) & (lex::FUNC | lex::NUMW) != 0 || cx.hyph(i),
        _ => false,
    }
}

/// A number starting at token `i`.
///
/// Turns away at once a token that is no number, number word, hyphenated
/// word, "half" or "a"/"an" before a word they count with
/// ([`Ctx::num_ahead`]): every reading below starts with one of them.
#[inline]
pub fn parse_num(cx: &Ctx, i: usize) -> Option<Num> {
    if cx.num_ahead(i) != 0 {
        return None;
    }
    parse_num_full(cx, i)
}

/// [`parse_num`] without its first filter (the reference of the tests).
fn parse_num_full(cx: &Ctx, i: usize) -> Option<Num> {
    if !can_start(cx, i) {
        return None;
    }
    let w = cx.w(i);
    let id = cx.id(i);
    // "a dozen", "a hundred", "half a dozen"
    if id == W::HALF && cx.id(i + 1) == W::A && cx.id(i + 2) == W::DOZEN {
        return Some(Num {
            s: i,
            e: i + 3,
            value: 6,
            approx: true,
            upper: None,
        });
    }
    if id == W::A || id == W::AN {
        let n = cx.w(i + 1);
        if cx.id(i + 1) == W::DOZEN {
            return Some(Num {
                s: i,
                e: i + 2,
                value: 12,
                approx: true,
                upper: None,
            });
        }
        if multiplier(n).is_some() {
            return words_from(cx, i + 1, i, true);
        }
        return None;
    }
    if cx.kind(i) == Some(Kind::Num) {
        if w.contains(['-', '\u{2010}', '\u{2011}', '\u{2013}']) {
            let mut parts = hyphen_parts(w);
            let a = digits(parts.next()?)?;
            let b = digits(parts.next()?)?;
            if b <= a {
                return None;
            }
            return Some(Num {
                s: i,
                e: i + 1,
                value: a,
                approx: false,
                upper: Some(b),
            });
        }
        let next = cx.w(i + 1);
        if w.contains('.') {
            // "1.5 million"
            let (num, den) = decimal(w)?;
            let m = multiplier(next).filter(|&m| m >= 1_000)?;
            let v = num.checked_mul(m)? / den;
            return Some(Num {
                s: i,
                e: i + 2,
                value: v,
                approx: false,
                upper: None,
            });
        }
        let v = digits(w)?;
        if let Some(m) = multiplier(next) {
            return Some(Num {
                s: i,
                e: i + 2,
                value: v.checked_mul(m)?,
                approx: false,
                upper: None,
            });
        }
        if cx.id(i + 1) == W::DOZEN {
            return Some(Num {
                s: i,
                e: i + 2,
                value: v.checked_mul(12)?,
                approx: true,
                upper: None,
            });
        }
        return Some(Num {
            s: i,
            e: i + 1,
            value: v,
            approx: false,
            upper: None,
        });
    }
    // "20-odd", "fifty-odd"
    if let Some(stem) = w.strip_suffix("-odd") {
        let v = small_word(stem).or_else(|| digits(stem))?;
        return Some(Num {
            s: i,
            e: i + 1,
            value: v,
            approx: true,
            upper: None,
        });
    }
    let first = small_word_at(cx, i)?;
    if cx.id(i + 1) == W::DOZEN {
        return Some(Num {
            s: i,
            e: i + 2,
            value: first.checked_mul(12)?,
            approx: true,
            upper: None,
        });
    }
    words_from(cx, i, i, false)
}

/// Word numbers: "two hundred and five", "ten thousand", "twenty one".
/// With `lead_a`, token `j0` is a multiplier that counts 1 ("a hundred").
fn words_from(cx: &Ctx, j0: usize, s: usize, lead_a: bool) -> Option<Num> {
    let mut j = j0;
    let mut total: u64 = 0;
    // the group below a thousand being read
    let mut seg: u64 = u64::from(lead_a);
    // what the last word was: 0 none, 1 unit or teen, 2 tens, 3 multiplier
    let mut last = u8::from(lead_a);
    let mut end = j;
    loop {
        let w = cx.w(j);
        if let Some(v) = small_word_at(cx, j) {
            let ok = match last {
                0 => true,
                2 => (1..10).contains(&v) && seg / 10 * 10 == seg,
                3 => v != 0 && seg / 100 * 100 == seg,
                _ => false,
            };
            if !ok {
                break;
            }
            seg += v;
            last = if v >= 20 && v % 10 == 0 { 2 } else { 1 };
            j += 1;
            end = j;
        } else if let Some(m) = multiplier(w) {
            if last == 0 {
                break;
            }
            if m == 100 {
                if seg >= 100 {
                    break;
                }
                seg = seg.max(1) * 100;
            } else {
                total = total.checked_add(seg.max(1).checked_mul(m)?)?;
                seg = 0;
            }
            last = 3;
            j += 1;
            end = j;
        } else if w == "and" && last == 3 && small_word_at(cx, j + 1).is_some() {
            j += 1;
        } else {
            break;
        }
    }
    if last == 0 {
        return None;
    }
    let value = total.checked_add(seg)?;
    Some(Num {
        s,
        e: end,
        value,
        approx: false,
        upper: None,
    })
}

/// How a modifier bends a number (codebook count table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mod {
    None,
    /// about, around, some, an estimated → n..n approximate
    Approx,
    /// more than, over → n+1..
    More,
    /// at least → n..
    AtLeast,
    /// nearly, almost, just under → ..n-1 approximate
    Nearly,
    /// fewer than, less than → ..n-1
    Fewer,
    /// up to, as many as → ..n
    UpTo,
}

/// Verbs after which "over" is a particle ("handed over 20").
fn particle_verb(w: &str) -> bool {
    matches!(
        w,
        "hand"
            | "hands"
            | "handed"
            | "handing"
            | "turn"
            | "turns"
            | "turned"
            | "turning"
            | "took"
            | "take"
            | "takes"
            | "taking"
            | "taken"
            | "passed"
            | "pass"
            | "passing"
            | "brought"
            | "bring"
            | "came"
            | "come"
            | "sent"
            | "send"
            | "won"
            | "win"
            | "fought"
            | "looked"
            | "signed"
            | "sign"
            | "give"
            | "gave"
            | "given"
            | "giving"
            | "went"
            | "watched"
    )
}

/// A modifier at token `i`: its kind and the token after it.
pub fn modifier(cx: &Ctx, i: usize) -> Option<(Mod, usize)> {
    if cx.fl(i) & lex::FUNC == 0 {
        return None;
    }
    let w = cx.id(i);
    let n = cx.id(i + 1);
    let n2 = cx.id(i + 2);
    let r = match w {
        W::ABOUT
        | W::AROUND
        | W::ROUGHLY
        | W::APPROXIMATELY
        | W::APPROX
        | W::CIRCA
        | W::SOME
        | W::ESTIMATED => (Mod::Approx, i + 1),
        W::AN if n == W::ESTIMATED || n == W::APPROXIMATE => (Mod::Approx, i + 2),
        W::IN if n == W::THE && n2 == W::REGION && cx.id(i + 3) == W::OF => (Mod::Approx, i + 4),
        W::ON if n == W::THE && n2 == W::ORDER && cx.id(i + 3) == W::OF => (Mod::Approx, i + 4),
        W::MORE | W::GREATER if n == W::THAN => (Mod::More, i + 2),
        W::OVER | W::ABOVE => {
            if particle_verb(cx.prev(i)) || (i > 0 && cx.head(i - 1).is_some()) {
                return None;
            }
            (Mod::More, i + 1)
        }
        W::UPWARDS | W::UPWARD if n == W::OF => (Mod::More, i + 2),
        W::IN if n == W::EXCESS && n2 == W::OF => (Mod::More, i + 3),
        W::WELL | W::JUST | W::SLIGHTLY | W::LITTLE if n == W::OVER || n == W::ABOVE => {
            (Mod::More, i + 2)
        }
        W::WELL | W::JUST | W::SLIGHTLY if n == W::MORE && n2 == W::THAN => (Mod::More, i + 3),
        W::A if n == W::LITTLE && (n2 == W::OVER || n2 == W::MORE) => {
            (Mod::More, if n2 == W::MORE { i + 4 } else { i + 3 })
        }
        W::AT if n == W::LEAST => (Mod::AtLeast, i + 2),
        W::NO | W::NOT if (n == W::FEWER || n == W::LESS) && n2 == W::THAN => (Mod::AtLeast, i + 3),
        W::A if n == W::MINIMUM && n2 == W::OF => (Mod::AtLeast, i + 3),
        W::NEARLY | W::ALMOST => (Mod::Nearly, i + 1),
        W::JUST | W::SLIGHTLY if n == W::UNDER || n == W::BELOW => (Mod::Nearly, i + 2),
        W::JUST | W::SLIGHTLY if (n == W::LESS || n == W::FEWER) && n2 == W::THAN => {
            (Mod::Nearly, i + 3)
        }
        W::CLOSE if n == W::TO => (Mod::Nearly, i + 2),
        W::JUST if n == W::SHORT && n2 == W::OF => (Mod::Nearly, i + 3),
        W::FEWER | W::LESS if n == W::THAN => (Mod::Fewer, i + 2),
        W::UNDER | W::BELOW => {
            let p = cx.prev(i);
            if (i > 0 && cx.head(i - 1).is_some())
                || matches!(p, "aged" | "age" | "ages" | "those" | "anyone")
            {
                return None;
            }
            (Mod::Fewer, i + 1)
        }
        W::UP if n == W::TO => (Mod::UpTo, i + 2),
        W::AS if n == W::MANY && n2 == W::AS => (Mod::UpTo, i + 3),
        W::AT if n == W::MOST => (Mod::UpTo, i + 2),
        W::NO | W::NOT if n == W::MORE && n2 == W::THAN => (Mod::UpTo, i + 3),
        W::A if n == W::MAXIMUM && n2 == W::OF => (Mod::UpTo, i + 3),
        _ => return None,
    };
    Some(r)
}

/// A count phrase: optional determiner, modifier, number/range/quantifier.
#[derive(Debug, Clone, PartialEq)]
pub struct CountPhrase {
    /// Tokens of the whole phrase (with determiners like "the", "all").
    pub s: usize,
    pub e: usize,
    /// Tokens of the quantity proper (modifier and number, no determiner).
    pub qs: usize,
    /// The number (or quantifier) tokens.
    pub ns: usize,
    pub ne: usize,
    pub count: Option<Count>,
    pub rule: &'static str,
    /// the, those, these, all, the remaining.
    pub definite: bool,
    /// another, a further, an additional, "200 more".
    pub additive: bool,
    /// a vague quantifier ("dozens", "several"), no number.
    pub vague: bool,
    /// The quantifier ended with "of" ("hundreds of").
    pub of: bool,
    /// The plain number when one was written (no modifier, no range).
    pub plain: Option<u64>,
    pub modifier: Mod,
}

fn vague(cx: &Ctx, i: usize) -> Option<(usize, Option<Count>, &'static str, bool)> {
    if cx.fl(i) & lex::FUNC == 0 {
        return None;
    }
    let w = cx.id(i);
    let n = cx.id(i + 1);
    let n2 = cx.id(i + 2);
    let ap = |a: u64, b: u64| Some(Count::range(Some(a), Some(b), true));
    let scale = |k: u16| match k {
        W::DOZEN => Some((24, 99, "dozens")),
        W::HUNDRED => Some((200, 999, "hundreds")),
        W::THOUSAND => Some((2_000, 9_999, "thousands")),
        _ => None,
    };
    let (e, c, rule) = match w {
        W::DOZENS => (i + 1, ap(24, 99), "dozens"),
        W::SCORES => (i + 1, ap(40, 99), "scores"),
        W::HUNDREDS if n == W::OF && n2 == W::THOUSANDS => {
            (i + 3, ap(200_000, 999_999), "hundreds_of_thousands")
        }
        W::TENS if n == W::OF && n2 == W::THOUSANDS => {
            (i + 3, ap(20_000, 99_999), "tens_of_thousands")
        }
        W::HUNDREDS => (i + 1, ap(200, 999), "hundreds"),
        W::THOUSANDS => (i + 1, ap(2_000, 9_999), "thousands"),
        W::MILLIONS => (i + 1, ap(2_000_000, 9_999_999), "millions"),
        W::SEVERAL | W::FEW if scale(n).is_some() => {
            let (a, b, r) = scale(n)?;
            (i + 2, ap(a, b), r)
        }
        W::A if n == W::FEW && scale(n2).is_some() => {
            let (a, b, r) = scale(n2)?;
            (i + 3, ap(a, b), r)
        }
        W::SEVERAL => (i + 1, ap(3, 9), "several"),
        W::A if n == W::FEW => (i + 2, ap(2, 5), "a_few"),
        W::A if n == W::HANDFUL => (i + 2, ap(2, 5), "a_handful"),
        W::A if n == W::COUPLE && n2 == W::OF => (i + 2, Some(Count::approx(2)), "a_couple_of"),
        W::A if (n == W::NUMBER || n == W::HOST) && n2 == W::OF => (i + 2, None, "a_number_of"),
        W::A if n == W::LARGE && cx.id(i + 3) == W::OF && matches!(n2, W::NUMBER | W::GROUP) => {
            (i + 3, None, "a_number_of")
        }
        W::NUMEROUS => (i + 1, None, "numerous"),
        _ => return None,
    };
    let of = cx.id(e) == W::OF;
    Some((if of { e + 1 } else { e }, c, rule, of))
}

fn apply(m: Mod, n: &Num) -> Option<Count> {
    let v = n.value;
    if let Some(u) = n.upper {
        return Some(Count::range(Some(v), Some(u), m == Mod::Approx || n.approx));
    }
    Some(match m {
        Mod::None => Count::range(Some(v), Some(v), n.approx),
        Mod::Approx => Count::approx(v),
        Mod::More => Count::range(Some(v.checked_add(1)?), None, false),
        Mod::AtLeast => Count::range(Some(v), None, false),
        Mod::Nearly => Count::range(None, Some(v.saturating_sub(1)), true),
        Mod::Fewer => Count::range(None, Some(v.saturating_sub(1)), false),
        Mod::UpTo => Count::range(None, Some(v), false),
    })
}

fn mod_rule(m: Mod) -> &'static str {
    match m {
        Mod::None => "number",
        Mod::Approx => "approx_number",
        Mod::More => "more_than",
        Mod::AtLeast => "at_least",
        Mod::Nearly => "nearly",
        Mod::Fewer => "fewer_than",
        Mod::UpTo => "up_to",
    }
}

/// How far after its first token a count phrase reads its number or
/// quantifier: determiners ("all of the", "a total of": up to 6 tokens), a
/// modifier ("in the region of": up to 4), "between"/"from" (1).
pub const COUNT_REACH: usize = 6 + 4 + 1;

/// A count phrase starting at token `i` (not checked for ages, money...).
///
/// Every count phrase holds a number or a vague quantifier (read by
/// [`parse_num`] or `vague`) within [`COUNT_REACH`] tokens of its start:
/// without one so near ([`Ctx::num_ahead`]) there is none to find.
#[inline]
pub fn count_phrase(cx: &Ctx, i: usize) -> Option<CountPhrase> {
    if cx.num_ahead(i) > COUNT_REACH {
        return None;
    }
    count_phrase_full(cx, i)
}

/// [`count_phrase`] without its first filter (the reference of the tests).
fn count_phrase_full(cx: &Ctx, i: usize) -> Option<CountPhrase> {
    if !can_start(cx, i) {
        return None;
    }
    let mut j = i;
    let mut definite = false;
    let mut additive = false;
    let mut total = false;
    // determiners
    let w = cx.id(j);
    let n = cx.id(j + 1);
    match w {
        W::THE | W::THOSE | W::THESE
            if matches!(n, W::REMAINING | W::OTHER | W::LAST | W::FIRST | W::SAME) =>
        {
            definite = true;
            j += 2;
        }
        W::THE | W::THOSE | W::THESE => {
            definite = true;
            j += 1;
        }
        W::ALL if n == W::THE || n == W::OF && cx.id(j + 2) == W::THE => {
            definite = true;
            j += if n == W::THE { 2 } else { 3 };
        }
        W::ALL | W::EVERY | W::BOTH => {
            definite = true;
            j += 1;
        }
        W::ANOTHER => {
            additive = true;
            j += 1;
        }
        W::A | W::AN if matches!(n, W::FURTHER | W::ADDITIONAL | W::EXTRA) => {
            additive = true;
            j += 2;
        }
        W::A if n == W::TOTAL && cx.id(j + 2) == W::OF => {
            total = true;
            j += 3;
        }
        _ => {}
    }
    if j > i && (cx.id(j) == W::A && cx.id(j + 1) == W::TOTAL && cx.id(j + 2) == W::OF) {
        total = true;
        j += 3;
    }
    let qs = j;
    let (m, after_mod) = match modifier(cx, j) {
        Some((m, k)) => (m, k),
        None => (Mod::None, j),
    };
    j = after_mod;
    // "between 50 and 60", "from 50 to 60"
    let between = cx.id(j) == W::BETWEEN;
    if between || cx.id(j) == W::FROM {
        let a = parse_num(cx, j + 1)?;
        let conn = cx.id(a.e);
        if (between && conn == W::AND) || (!between && conn == W::TO) {
            let b = parse_num(cx, a.e + 1)?;
            if b.value > a.value && a.upper.is_none() && b.upper.is_none() {
                let count = Count::range(Some(a.value), Some(b.value), m == Mod::Approx);
                return Some(CountPhrase {
                    s: i,
                    e: b.e,
                    qs,
                    ns: j,
                    ne: b.e,
                    count: Some(count),
                    rule: "range",
                    definite,
                    additive,
                    vague: false,
                    of: false,
                    plain: None,
                    modifier: m,
                });
            }
        }
        return None;
    }
    if let Some(num) = parse_num(cx, j) {
        let mut e = num.e;
        let mut count = apply(m, &num)?;
        let mut rule = if num.upper.is_some() {
            "range"
        } else {
            mod_rule(m)
        };
        let mut plain = (m == Mod::None && num.upper.is_none()).then_some(num.value);
        // "50 to 60", "two or three"
        let conn = cx.w(e);
        if num.upper.is_none() && matches!(conn, "to" | "or" | "-" | "\u{2013}") {
            if let Some(b) = parse_num(cx, e + 1) {
                if b.value > num.value && b.upper.is_none() && !(conn == "to" && cx.w(e + 1) == "a")
                {
                    count = Count::range(
                        Some(num.value),
                        Some(b.value),
                        m == Mod::Approx || num.approx,
                    );
                    rule = "range";
                    plain = None;
                    e = b.e;
                }
            }
        }
        // postfixes
        let mut vague_more = false;
        match (cx.w(e), cx.w(e + 1)) {
            ("more", nx) if nx != "than" => {
                additive = true;
                vague_more = true;
            }
            ("or", "so") => {
                count = Count::approx(num.value);
                rule = "or_so";
                plain = None;
                e += 2;
            }
            ("or", "more") if plain.is_some() => {
                count = Count::range(Some(num.value), None, false);
                rule = "or_more";
                plain = None;
                e += 2;
            }
            ("plus", _) | ("+", _) if plain.is_some() => {
                count = Count::range(Some(num.value), None, false);
                rule = "plus";
                plain = None;
                e += 1;
            }
            _ => {}
        }
        let ne = e;
        if vague_more {
            e += 1;
        }
        if total && rule == "number" {
            rule = "total";
        } else if additive && rule == "number" {
            rule = "additive";
        } else if definite && rule == "number" {
            rule = "definite_number";
        }
        return Some(CountPhrase {
            s: i,
            e,
            qs,
            ns: after_mod,
            ne,
            count: Some(count),
            rule,
            definite,
            additive,
            vague: false,
            of: false,
            plain,
            modifier: m,
        });
    }
    if let Some((e, c, rule, of)) = vague(cx, j) {
        let count = match (m, c) {
            (Mod::None, c) => c,
            (_, Some(c)) => Some(c),
            (_, None) => None,
        };
        return Some(CountPhrase {
            s: i,
            e,
            qs,
            ns: after_mod,
            ne: if of { e - 1 } else { e },
            count,
            rule,
            definite,
            additive,
            vague: true,
            of,
            plain: None,
            modifier: m,
        });
    }
    None
}

/// Is the count phrase an age, a date, money, a measure, a label, a time?
pub fn not_a_count(cx: &Ctx, cp: &CountPhrase) -> bool {
    let ns = cp.ns;
    let e = cp.ne;
    // the token before the quantity (skip a "." after "No.")
    let before = |k: usize| -> (usize, &str) {
        if k == 0 {
            return (usize::MAX, "");
        }
        let mut p = k - 1;
        if cx.w(p) == "." && p > 0 {
            p -= 1;
        }
        (p, cx.w(p))
    };
    let (pi, p) = before(cp.qs);
    let (pni, pn) = before(ns);
    // the word lists of a token were read by the tokenizer (`cx.fl`, past
    // either end: none)
    if (cx.fl(pi) | cx.fl(pni)) & lex::LABEL != 0 {
        return true;
    }
    if matches!(p, "$" | "£" | "€" | "¥" | "₩" | "#" | "№")
        || matches!(pn, "$" | "£" | "€" | "¥" | "₩" | "#")
    {
        return true;
    }
    // an age set off by commas: "Sun-hee, then 17, and", "Choi, 38,"
    if pi != usize::MAX
        && pi >= 1
        && cp.plain.is_some()
        && matches!(cx.w(e), "," | ")")
        && (p == "then" && cx.w(pi - 1) == ","
            || p == "," && cx.cap(pi - 1) && !cx.sent_start(pi - 1))
    {
        return true;
    }
    if cx.fl(pi) & lex::MONTH != 0
        && (p != "may" || cx.raw(pi).starts_with('M'))
        && cp.plain.is_some()
    {
        return true;
    }
    let nx = cx.w(e);
    let nx2 = cx.w(e + 1);
    if cx.fl(e) & lex::UNIT != 0 || matches!(nx, "%" | "/" | ":" | "th" | "st" | "nd" | "rd") {
        return true;
    }
    if cx.w(ns.wrapping_sub(1)) == "/"
        || (cx.w(ns.wrapping_sub(1)) == ":" && ns >= 2 && cx.kind(ns - 2) == Some(Kind::Num))
    {
        return true;
    }
    // a hyphenated unit right after ("20-year", handled by the tokenizer) or
    // "p.m." / "a.m."
    if matches!(nx, "p" | "a") && nx2 == "." && cx.w(e + 2) == "m" {
        return true;
    }
    if cx.fl(e) & lex::THING != 0 && !cp.vague {
        return true;
    }
    // "years old", "of age"
    if cx.id(e) == W::OF
        && (cx.fl(e + 1) & lex::UNIT != 0 || cx.fl(e + 1) & lex::THING != 0 && cp.vague)
    {
        return true;
    }
    if cx.fl(e) & lex::MONTH != 0
        && cp.plain.is_some()
        && (nx != "may" || cx.raw(e).starts_with('M'))
    {
        return true;
    }
    // a year: 4 digits, no comma, 1000–2100, no people noun after
    if let Some(v) = cp.plain.or(cp.count.and_then(|c| c.min)) {
        let raw = cx.raw(ns);
        if cx.kind(ns) == Some(Kind::Num)
            && raw.len() == 4
            && !raw.contains(',')
            && (1000..=2100).contains(&v)
            && !people_follow(cx, e)
        {
            return true;
        }
    }
    // "a boy of about seven": of + number after a singular person noun
    if pi != usize::MAX && cx.id(pi) == W::OF && pi > 0 {
        if let Some(h) = cx.head(pi - 1) {
            if !h.plural && !h.collective {
                return true;
            }
        }
    }
    // "Kim, 35, was" / "a woman, 35," : comma-enclosed small number after a
    // name or a singular person noun
    if let Some(v) = cp.plain {
        if p == "," && pi != usize::MAX && pi > 0 && v < 120 && matches!(nx, "," | ")" | "." | ";")
        {
            let q = pi - 1;
            if (cx.cap(q) && cx.is_word(q)) || cx.head(q).is_some_and(|h| !h.plural) {
                return true;
            }
        }
        if p == "(" && nx == ")" && v < 120 && pi != usize::MAX && pi > 0 && cx.cap(pi - 1) {
            return true;
        }
    }
    // "one" only counts before a noun or "of"
    if cp.plain == Some(1)
        && cx.id(ns) == W::ONE
        && !(cx.id(e) == W::OF || cx.fl(e) & lex::ADJ != 0 || cx.head(e).is_some())
    {
        return true;
    }
    // "Tumen 41": an identifier after a capitalised word
    if cp.qs == cp.s
        && pi != usize::MAX
        && cx.cap(pi)
        && cx.is_word(pi)
        && !cx.sent_start(pi)
        && !people_follow(cx, e)
        && !matches!(cx.id(pi), W::I | W::AND | W::BUT | W::OR)
    {
        return true;
    }
    false
}

/// Does a people noun follow token `k` (after adjectives)?
pub fn people_follow(cx: &Ctx, k: usize) -> bool {
    let mut j = k;
    if cx.id(j) == W::OF {
        j += 1;
    }
    for _ in 0..5 {
        let w = cx.w(j);
        if cx.head(j).is_some() {
            return true;
        }
        if cx.fl(j) & lex::ADJ != 0 || w.ends_with("ed") || w.ends_with("-year-old") {
            j += 1;
            continue;
        }
        break;
    }
    false
}

#[cfg(test)]
mod filters {
    use super::*;
    use proptest::prelude::*;

    /// The words of the determiners, modifiers, numbers and quantifiers of
    /// a count phrase, and some others.
    const WORDS: &[&str] = &[
        "the",
        "those",
        "these",
        "remaining",
        "other",
        "last",
        "first",
        "same",
        "all",
        "of",
        "every",
        "both",
        "another",
        "a",
        "an",
        "further",
        "additional",
        "extra",
        "total",
        "about",
        "around",
        "roughly",
        "approximately",
        "approx",
        "circa",
        "some",
        "estimated",
        "approximate",
        "in",
        "region",
        "on",
        "order",
        "more",
        "greater",
        "than",
        "over",
        "above",
        "upwards",
        "upward",
        "excess",
        "well",
        "just",
        "slightly",
        "little",
        "at",
        "least",
        "no",
        "not",
        "fewer",
        "less",
        "minimum",
        "nearly",
        "almost",
        "under",
        "below",
        "close",
        "to",
        "short",
        "up",
        "as",
        "many",
        "most",
        "maximum",
        "between",
        "from",
        "and",
        "or",
        "so",
        "plus",
        "+",
        "-",
        "\u{2013}",
        "half",
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "tens",
        "thousands",
        "millions",
        "several",
        "few",
        "handful",
        "couple",
        "number",
        "host",
        "large",
        "group",
        "numerous",
        "one",
        "two",
        "twelve",
        "twenty",
        "twenty-one",
        "forty\u{2010}two",
        "fifty-odd",
        "20-odd",
        "hundred",
        "thousand",
        "million",
        "billion",
        "0",
        "7",
        "12",
        "1,047",
        "1.5",
        "50-60",
        "50\u{2013}60",
        "2021",
        "99999999999999999999",
        "people",
        "defectors",
        "handed",
        "women",
        "aged",
        "years",
        ",",
        ".",
        "-",
        "\u{2013}",
        "\u{2014}",
        "(",
        ":",
        "each",
        "any",
        "various",
        "none",
        "his",
        "her",
        "their",
        "this",
        "that",
        "caught",
        "taken",
        "total",
        "region",
        "order",
        "excess",
        "minimum",
        "maximum",
        "short",
        "extra",
        "approximate",
        "said",
        "than",
        "least",
        "of",
        "to",
        "Tumen",
        "No",
    ];

    fn check(s: &str) {
        let cx = Ctx::new(s);
        for i in 0..cx.len() + 2 {
            assert_eq!(parse_num(&cx, i), parse_num_full(&cx, i), "{i} in {s:?}");
            assert_eq!(
                count_phrase(&cx, i),
                count_phrase_full(&cx, i),
                "{i} in {s:?}"
            );
            assert_eq!(small_word_at(&cx, i), small_word(cx.w(i)), "{i} in {s:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn filters_change_nothing(
            words in prop::collection::vec(prop::sample::select(WORDS), 0..30),
            caps in prop::collection::vec(any::<bool>(), 30),
        ) {
            let text: Vec<String> = words
                .iter()
                .zip(&caps)
                .map(|(w, &c)| if c { w.to_ascii_uppercase() } else { w.to_string() })
                .collect();
            check(&text.join(" "));
        }

        #[test]
        fn filters_change_nothing_any(s in "\\PC{0,60}") {
            check(&s);
        }
    }
}

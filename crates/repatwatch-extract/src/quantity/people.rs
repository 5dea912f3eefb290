//! People phrases: a count or determiner, adjectives and a people noun;
//! bare numerals used as nouns; pronouns; named persons; and the
//! breakdowns, appositions and "among them" clauses that refine them.

use super::lex::{self, w as W, Ctx, HeadInfo, Kind};
use super::number::{self, CountPhrase};
use crate::model::{Count, Gender};

/// A people phrase over tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    pub s: usize,
    pub e: usize,
    pub hs: usize,
    pub he: usize,
    pub count: Option<Count>,
    pub gender: Option<Gender>,
    pub minors: Option<u64>,
    pub rule: &'static str,
    pub definite: bool,
    pub pronoun: bool,
    pub individual: bool,
    /// Can be one part of a breakdown ("two men", "a girl").
    pub part: bool,
    /// Its head is a child noun ("children", "a boy").
    pub child: bool,
    /// his/her/their + noun.
    pub possessive: bool,
    /// Holds "other" ("two other North Koreans").
    pub other: bool,
    /// A merged breakdown.
    pub breakdown: bool,
    /// Its head is a relative or a family.
    pub kin: bool,
}

impl Raw {
    fn new(s: usize, e: usize, hs: usize, he: usize, rule: &'static str) -> Self {
        Raw {
            s,
            e,
            hs,
            he,
            count: None,
            gender: None,
            minors: None,
            rule,
            definite: false,
            pronoun: false,
            individual: false,
            part: false,
            child: false,
            possessive: false,
            other: false,
            breakdown: false,
            kin: false,
        }
    }
}

pub fn merge_gender(a: Option<Gender>, b: Option<Gender>) -> Option<Gender> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) if x == y => Some(x),
        _ => Some(Gender::Mixed),
    }
}

fn add_counts(a: Option<Count>, b: Option<Count>) -> Option<Count> {
    let (a, b) = (a?, b?);
    let min = match (a.min, b.min) {
        (Some(x), Some(y)) => x.checked_add(y),
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    };
    let max = match (a.max, b.max) {
        (Some(x), Some(y)) => x.checked_add(y),
        _ => None,
    };
    Some(Count::range(min, max, a.approximate || b.approximate))
}

fn exact_value(c: Option<Count>) -> Option<u64> {
    let c = c?;
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b && !c.approximate => Some(a),
        _ => None,
    }
}

/// "3-year-old", "four-year-old", "35-year-old" → the age.
pub fn age_adj(w: &str) -> Option<u64> {
    let stem = w
        .strip_suffix("-year-old")
        .or_else(|| w.strip_suffix("-years-old"))
        .or_else(|| w.strip_suffix("-month-old"))
        .map(|s| (s, w.contains("month")))?;
    let v = number::digits(stem.0).or_else(|| number::small_word(stem.0))?;
    Some(if stem.1 { 0 } else { v })
}

/// "seven-member", "5-member" → the size.
pub fn member_adj(w: &str) -> Option<u64> {
    let stem = w
        .strip_suffix("-member")
        .or_else(|| w.strip_suffix("-strong"))?;
    number::digits(stem).or_else(|| number::small_word(stem))
}

/// A past participle used as an adjective after a determiner ("the
/// arrested defectors").
fn participle(cx: &Ctx, k: usize) -> bool {
    let w = cx.w(k);
    cx.is_word(k)
        && !cx.cap(k)
        && ((w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()))
            || matches!(
                cx.id(k),
                W::CAUGHT | W::HELD | W::TAKEN | W::SENT | W::SEIZED | W::BROUGHT | W::KEPT
            ))
}

/// Is token `k` a people head here?
fn head_at(cx: &Ctx, k: usize) -> Option<HeadInfo> {
    let h = cx.head(k)?;
    match cx.id(k) {
        W::PARTY | W::BAND | W::CONTINGENT | W::BOATLOAD | W::BUSLOAD | W::TRUCKLOAD
            if cx.id(k + 1) != W::OF =>
        {
            None
        }
        W::KOREAN | W::NORTH_KOREAN => {
            let n = cx.w(k + 1);
            let noun_after = cx.is_word(k + 1)
                && (cx.cap(k + 1)
                    || n.ends_with("'s")
                    || n.ends_with("\u{2019}s")
                    || (cx.fl(k + 1) & lex::AFTER_BARE == 0 && cx.head(k + 1).is_none()));
            if noun_after {
                None
            } else {
                Some(h)
            }
        }
        // a capitalised singular noun inside a sentence is part of a name
        // ("the National Human Rights Commission")
        _ if !h.plural && cx.cap(k) && !cx.sent_start(k) => None,
        _ => Some(h),
    }
}

fn is_pron_obj(w: &str) -> bool {
    matches!(w, "them" | "whom" | "us" | "you")
}

fn ng_group_modifier(w: &str) -> bool {
    matches!(
        w,
        "defector"
            | "defectors"
            | "refugee"
            | "rights"
            | "activist"
            | "advocacy"
            | "aid"
            | "civic"
            | "support"
            | "christian"
            | "religious"
            | "human"
            | "church"
            | "relief"
            | "rescue"
            | "civil"
            | "lobby"
            | "pressure"
            | "campaign"
            | "protest"
            | "ethnic"
            | "working"
            | "study"
            | "research"
            | "criminal"
            | "terrorist"
            | "smuggling"
            | "broker"
    )
}

/// Is token `k` a verb or function word that shows the word before it was
/// used as a noun?
fn noun_end(cx: &Ctx, k: usize) -> bool {
    if k >= cx.len() {
        return true;
    }
    let w = cx.w(k);
    if cx.is_punct(k) {
        return !matches!(w, "%" | "$" | "/" | ":" | "-" | "'" | "\u{2019}" | "&");
    }
    cx.fl(k) & lex::AFTER_BARE != 0
        || (cx.is_word(k) && !cx.cap(k) && w.len() >= 5 && w.ends_with("ed"))
        || matches!(
            cx.id(k),
            W::DIED | W::FLED | W::WENT | W::LEFT | W::GOT | W::CAME
        )
}

/// The phrase after a determiner: adjectives and a head, maybe "of" + count.
#[derive(Debug, PartialEq)]
struct HeadScan {
    head: usize,
    info: HeadInfo,
    end: usize,
    gender: Option<Gender>,
    all_child: bool,
    any_child: bool,
    other: bool,
    age: Option<u64>,
    member: Option<u64>,
    teen: bool,
    inner_count: Option<Option<Count>>,
    /// Singular heads joined by "and" ("brother and sister" → 2).
    coord: u64,
}

/// How many tokens `scan_head` reads before its head at most.
pub(super) const HEAD_REACH: usize = 6;

/// The adjectives and people noun from token `j`.
///
/// The head is one of the first `HEAD_REACH + 1` tokens, and a token is a
/// head only with a people-noun reading: without one so near
/// ([`Ctx::head_ahead`]) there is none to find.
fn scan_head(cx: &Ctx, j: usize, determined: bool) -> Option<HeadScan> {
    if cx.head_ahead(j) > HEAD_REACH {
        return None;
    }
    scan_head_full(cx, j, determined)
}

/// [`scan_head`] without its first filter (the reference of the tests).
fn scan_head_full(cx: &Ctx, j: usize, determined: bool) -> Option<HeadScan> {
    let mut k = j;
    let mut last: Option<(usize, HeadInfo)> = None;
    let mut coord = 1u64;
    let mut steps = 0;
    while steps <= HEAD_REACH && k < cx.len() {
        let w = cx.w(k);
        if let Some(h) = head_at(cx, k) {
            last = Some((k, h));
            k += 1;
            steps += 1;
            if cx.id(k) == W::AND && h.breakdown {
                if let Some(h2) = cx.head(k + 1) {
                    if h2.breakdown && h2.plural == h.plural {
                        k += 1;
                        coord += 1;
                    }
                }
            }
            continue;
        }
        // "3-year-old", "seven-member", "middle-aged": a hyphen is in each
        let adj = cx.fl(k) & lex::ADJ != 0
            || (cx.hyph(k)
                && (age_adj(w).is_some() || member_adj(w).is_some() || w == "middle-aged"))
            || (determined && participle(cx, k));
        if adj && cx.is_word(k) {
            k += 1;
            steps += 1;
            continue;
        }
        break;
    }
    let (h, info) = last?;
    // a people word used as a modifier: "the refugee camp"
    if cx.is_word(h + 1)
        && cx.fl(h + 1) & (lex::ADJUNCT | lex::THING) != 0
        && cx.head(h + 1).is_none()
    {
        return None;
    }
    // "a defector group": an organisation
    if info.collective && h > j && ng_group_modifier(cx.w(h - 1)) && !cx.w(h).starts_with("famil") {
        return None;
    }
    let mut scan = HeadScan {
        head: h,
        info,
        end: h + 1,
        gender: None,
        all_child: true,
        any_child: false,
        other: false,
        age: None,
        member: None,
        teen: false,
        inner_count: None,
        coord,
    };
    for t in j..=h {
        let w = cx.w(t);
        if let Some(hh) = cx.head(t) {
            if t == h || hh.breakdown || matches!(cx.id(t), W::FEMALE | W::MALE) {
                scan.gender = merge_gender(scan.gender, hh.gender);
            }
            if hh.breakdown {
                if hh.child {
                    scan.any_child = true;
                } else {
                    scan.all_child = false;
                }
            }
        }
        match cx.id(t) {
            W::OTHER | W::OTHERS => scan.other = true,
            W::TEENAGE | W::TEEN | W::UNDERAGE | W::MINOR => scan.teen = true,
            _ => {}
        }
        if cx.hyph(t) {
            if let Some(a) = age_adj(w) {
                scan.age = Some(a);
            }
            if let Some(m) = member_adj(w) {
                scan.member = Some(m);
            }
        }
    }
    if !info.breakdown {
        scan.all_child = scan.any_child && info.child;
    }
    if !scan.any_child {
        scan.all_child = false;
    }
    // "a group of 12 defectors", "a family of five", "a group of North Koreans"
    if info.collective && cx.id(h + 1) == W::OF {
        let k = h + 2;
        if let Some(cp) =
            number::count_phrase(cx, k).filter(|c| !c.definite && !number::not_a_count(cx, c))
        {
            scan.inner_count = Some(cp.count);
            scan.end = cp.e;
            if let Some(inner) = scan_head(cx, cp.e, true) {
                if !inner.info.collective {
                    scan.end = inner.end;
                    scan.gender = merge_gender(scan.gender, inner.gender);
                    scan.any_child |= inner.any_child;
                    scan.all_child = inner.all_child;
                }
            }
        } else if let Some(inner) = scan_head(cx, k, false) {
            if inner.info.plural && !inner.info.collective {
                scan.end = inner.end;
                scan.gender = merge_gender(scan.gender, inner.gender);
            }
        }
    }
    Some(scan)
}

/// Skips an age list after "aged": "35", "35 and 45", "14 to 18".
pub fn age_list(cx: &Ctx, k: usize) -> Option<(usize, u64, u64)> {
    let mut k = k;
    if matches!(
        cx.w(k),
        "about" | "around" | "between" | "roughly" | "approximately"
    ) {
        k += 1;
    }
    let first = number::parse_num(cx, k)?;
    let mut lo = first.value;
    let mut hi = first.upper.unwrap_or(first.value);
    let mut e = first.e;
    loop {
        if !matches!(cx.w(e), "and" | "or" | "to" | "," | "-") {
            break;
        }
        let Some(n) = number::parse_num(cx, e + 1) else {
            break;
        };
        if number::people_follow(cx, n.e) {
            break;
        }
        lo = lo.min(n.value);
        hi = hi.max(n.value);
        e = n.e;
    }
    Some((e, lo, hi))
}

/// Descriptions after a people noun: ages, "from North Korea".
fn post(cx: &Ctx, r: &mut Raw, individual_child_ok: bool) {
    let mut e = r.e;
    for _ in 0..3 {
        let w = cx.w(e);
        // "from North Korea", "from the North"
        if cx.id(e) == W::FROM {
            if cx.seq(e + 1, &["north", "korea"]) && cx.cap(e + 1) {
                e += 3;
                continue;
            }
            if cx.seq(e + 1, &["the", "north"]) && cx.cap(e + 2) && !cx.is_word(e + 3) {
                e += 3;
                continue;
            }
        }
        // "in her 20s", "in their early thirties", "in her teens"
        if cx.id(e) == W::IN && matches!(cx.id(e + 1), W::HER | W::HIS | W::THEIR) {
            let mut k = e + 2;
            if matches!(cx.w(k), "early" | "mid" | "late" | "mid-") {
                k += 1;
            }
            let d = cx.w(k);
            let decade = d.ends_with('s')
                && (d.trim_end_matches('s').bytes().all(|b| b.is_ascii_digit())
                    || matches!(
                        d,
                        "twenties"
                            | "thirties"
                            | "forties"
                            | "fifties"
                            | "sixties"
                            | "seventies"
                            | "eighties"
                            | "teens"
                    ));
            if decade && d.len() > 1 {
                if d == "teens" && r.individual && individual_child_ok {
                    r.minors = Some(1);
                }
                e = k + 1;
                continue;
            }
        }
        // "aged 35", ", aged 14 to 18"
        let (aged_at, comma) = if w == "," && cx.id(e + 1) == W::AGED {
            (e + 1, true)
        } else {
            (e, false)
        };
        if cx.id(aged_at) == W::AGED || (cx.id(aged_at) == W::AGES && !comma) {
            if let Some((ae, _lo, hi)) = age_list(cx, aged_at + 1) {
                if hi < 18 {
                    if r.individual {
                        r.minors = Some(1);
                    } else if let Some(n) = exact_value(r.count) {
                        r.minors = Some(n);
                    }
                }
                e = ae;
                continue;
            }
        }
        // "a boy of about seven"
        if cx.id(e) == W::OF && r.individual {
            let mut k = e + 1;
            if matches!(
                cx.w(k),
                "about" | "around" | "some" | "roughly" | "approximately"
            ) {
                k += 1;
            }
            if let Some(n) = number::parse_num(cx, k) {
                if !number::people_follow(cx, n.e) && n.value < 120 && cx.fl(n.e) & lex::UNIT == 0 {
                    if n.value < 18 {
                        r.minors = Some(1);
                    }
                    e = n.e;
                    continue;
                }
            }
        }
        break;
    }
    r.e = e;
}

/// Can [`match_np`] find a phrase at token `i`? A fast and exact filter.
///
/// A phrase holds a count phrase (read within `COUNT_REACH` tokens of its
/// start, or of the token after a determiner) or a people noun (found by
/// `scan_head` within `HEAD_REACH` tokens of the start, of the token after
/// a determiner, or of "this"/"that"), save the phrases of a quantifier
/// ("every one of them", "none of them", "some of them", "Some had been
/// sent back"), "the rest" and "those who" / "those taken".
/// (The tokenizer reads it into `Tok::near`; this is the tests' reference.)
#[cfg(test)]
fn may_start_np(cx: &Ctx, i: usize) -> bool {
    cx.num_ahead(i) <= number::COUNT_REACH + 1
        || cx.head_ahead(i) <= HEAD_REACH + 1
        || matches!(
            cx.w(i),
            "every"
                | "each"
                | "none"
                | "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "various"
                | "any"
                | "those"
        )
        || (cx.w(i) == "the" && matches!(cx.w(i + 1), "rest" | "remainder"))
}

/// A determiner phrase with a people head, or a bare numeral, at token `i`.
fn match_np(cx: &Ctx, i: usize, partitive_ok: bool) -> Option<Raw> {
    let w0 = cx.w(i);
    let mut j = i;
    let mut cp: Option<CountPhrase> = None;
    let mut definite = false;
    let mut det_one = false;
    let mut possessive = false;
    let mut quant: Option<&'static str> = None;
    let mut fixed: Option<u64> = None;

    // "every one of them", "none of them"
    let id0 = cx.id(i);
    if matches!(id0, W::EVERY | W::EACH) && cx.id(i + 1) == W::ONE && cx.id(i + 2) == W::OF {
        quant = Some("every");
        definite = true;
        j = i + 2;
    } else if id0 == W::NONE && cx.id(i + 1) == W::OF {
        quant = Some("none");
        fixed = Some(0);
        j = i + 1;
    } else if let Some(c) = number::count_phrase(cx, i) {
        if number::not_a_count(cx, &c) {
            return None;
        }
        definite = c.definite;
        j = c.e;
        cp = Some(c);
    } else if cx.fl(i) & lex::FUNC != 0 {
        let n = cx.w(i + 1);
        match id0 {
            W::THE | W::THOSE | W::THESE => {
                definite = true;
                j += 1;
            }
            W::THIS | W::THAT => {
                // "that" is mostly a conjunction: only "this/that woman"
                let h = scan_head(cx, i + 1, true)?;
                if h.info.plural
                    || h.info.collective
                        && h.info.size.is_none()
                        && !cx.w(h.head).starts_with("famil")
                        && h.inner_count.is_none()
                        && w0 == "that"
                {
                    return None;
                }
                definite = true;
                j += 1;
            }
            W::A | W::AN => {
                det_one = true;
                j += 1;
            }
            W::ANOTHER => {
                det_one = true;
                j += 1;
            }
            W::HIS | W::HER | W::THEIR | W::MY | W::OUR | W::ITS => {
                possessive = true;
                definite = true;
                j += 1;
            }
            W::SOME
            | W::MANY
            | W::MOST
            | W::ALL
            | W::BOTH
            | W::EACH
            | W::EVERY
            | W::VARIOUS
            | W::ANY => {
                quant = Some(match w0 {
                    "some" => "some",
                    "many" => "many",
                    "most" => "most",
                    "all" => "all",
                    "both" => "both",
                    "each" => "each",
                    "every" => "every",
                    _ => "various",
                });
                if w0 == "both" {
                    fixed = Some(2);
                }
                definite = matches!(w0, "all" | "both" | "each" | "every");
                j += 1;
                if (w0 == "all" || w0 == "both") && n == "the" || w0 == "many" && n == "more" {
                    j += 1;
                }
                if w0 == "all" && n == "of" && cx.w(i + 2) == "the" {
                    j += 2;
                }
            }
            _ => {}
        }
        // "the five", "his two children", "all 41"
        if j > i && (definite || possessive) && !matches!(id0, W::THIS | W::THAT) {
            if let Some(c) = number::count_phrase(cx, j).filter(|c| !c.definite) {
                if number::not_a_count(cx, &c) {
                    return None;
                }
                j = c.e;
                cp = Some(c);
            }
        }
    }

    // partitives: "nine of them", "10 of the 14", "most of the defectors"
    let partitive_head = cp.is_some() || quant.is_some();
    if partitive_ok && partitive_head {
        let of_done = cp.as_ref().is_some_and(|c| c.of);
        let k = if of_done {
            Some(j)
        } else if cx.id(j) == W::OF {
            Some(j + 1)
        } else {
            None
        };
        if let Some(k) = k {
            let count = cp.as_ref().map_or(fixed.map(Count::exact), |c| c.count);
            let ob = cx.w(k);
            if is_pron_obj(ob) || (matches!(ob, "those" | "these") && cx.head(k + 1).is_none()) {
                let mut r = Raw::new(i, k + 1, k, k + 1, "partitive");
                r.count = count;
                r.definite = true;
                r.individual = exact_value(count) == Some(1);
                return Some(r);
            }
            if matches!(
                ob,
                "the" | "these" | "those" | "his" | "her" | "their" | "our"
            ) {
                if let Some(inner) = match_np(cx, k, false) {
                    let mut r = Raw::new(i, inner.e, inner.hs, inner.he, "partitive");
                    r.count = count;
                    if matches!(quant, Some("every" | "all")) && cp.is_none() {
                        r.count = inner.count;
                    }
                    r.gender = inner.gender;
                    r.definite = true;
                    r.individual = exact_value(count) == Some(1);
                    if inner.child {
                        r.minors = exact_value(count);
                    }
                    return Some(r);
                }
            }
            if !of_done {
                return None;
            }
        }
    }

    let determined = j > i;
    if possessive
        && matches!(
            cx.w(j),
            "teens" | "twenties" | "thirties" | "forties" | "fifties" | "sixties"
        )
    {
        return None;
    }
    if let Some(hs) = scan_head(cx, j, determined) {
        // a singular noun needs a determiner or a count
        let singular = !hs.info.plural && !hs.info.collective;
        if singular && !determined {
            return None;
        }
        if hs.info.collective
            && !hs.info.plural
            && !determined
            && hs.info.size.is_none()
            && hs.inner_count.is_none()
        {
            return None;
        }
        let mut r = Raw::new(i, hs.end, hs.head, hs.head + 1, "people_noun");
        r.gender = hs.gender;
        r.definite = definite;
        r.possessive = possessive;
        r.other = hs.other || cx.id(i) == W::ANOTHER;
        r.kin = hs.info.kin || cx.w(hs.head).starts_with("famil");
        r.count = if let Some(ic) = hs.inner_count {
            r.rule = "group_of";
            ic
        } else if let Some(c) = &cp {
            r.rule = c.rule;
            if hs.info.collective && hs.info.size.is_none() && !cx.w(hs.head).starts_with("member")
            {
                // "two families", "one group": how many people is unknown
                r.rule = "collective_count";
                None
            } else {
                c.count
            }
        } else if let Some(m) = hs.member {
            r.rule = "member_family";
            Some(Count::exact(m))
        } else if let (Some(sz), false) = (hs.info.size, hs.info.plural) {
            r.rule = "couple";
            Some(Count::exact(sz))
        } else if cx.w(hs.head) == "parents" && (definite || possessive) && !hs.other {
            // "the parents", "her parents": a father and a mother
            r.rule = "parents";
            Some(Count::exact(2))
        } else if singular && matches!(quant, Some("every" | "each" | "any" | "various")) {
            r.rule = "quantified_person";
            None
        } else if singular && hs.coord > 1 && (det_one || definite || possessive) {
            r.rule = "coordinated_persons";
            Some(Count::exact(hs.coord))
        } else if singular && (det_one || definite || possessive) {
            r.rule = "described_person";
            Some(Count::exact(1))
        } else if let Some(f) = fixed {
            Some(Count::exact(f))
        } else {
            if hs.info.collective || quant.is_some() || definite {
                r.rule = if hs.info.collective {
                    "collective"
                } else {
                    "determined_plural"
                };
            } else {
                r.rule = "bare_plural";
            }
            None
        };
        if cp.is_none() && quant.is_some() && r.rule == "people_noun" {
            r.rule = "quantified_plural";
        }
        r.individual = singular && exact_value(r.count) == Some(1);
        r.child = hs.all_child || (r.individual && hs.info.child);
        let young = hs.age.is_some_and(|a| a < 18) || hs.teen;
        if r.child || young {
            if let Some(n) = exact_value(r.count) {
                r.minors = Some(n);
            }
            r.child = true;
        }
        r.part = hs.info.breakdown
            && !possessive
            && !definite
            && r.count.is_some()
            && hs.inner_count.is_none()
            && cp.as_ref().is_none_or_compat(|c| !c.additive && !c.vague);
        post(cx, &mut r, true);
        return Some(r);
    }

    // "a 16-year-old" as a noun
    if det_one {
        if let Some(a) = age_adj(cx.w(j)) {
            if noun_end(cx, j + 1) {
                let mut r = Raw::new(i, j + 1, j, j + 1, "age_noun");
                r.count = Some(Count::exact(1));
                r.individual = true;
                r.part = true;
                if a < 18 {
                    r.minors = Some(1);
                    r.child = true;
                }
                return Some(r);
            }
        }
    }

    // bare numerals used as nouns: "the five", "another 40", "Eighteen more"
    if let Some(c) = &cp {
        let k = c.e;
        let one = c.plain == Some(1) && cx.id(c.ns) == W::ONE;
        if one || c.rule == "a_number_of" {
            return None;
        }
        if !noun_end(cx, k) {
            return None;
        }
        let marked = c.definite
            || c.additive
            || c.modifier != number::Mod::None
            || c.vague
            || c.rule == "total";
        if !marked {
            // a plain number: only right after a verb, a comma or "then"
            let p = cx.prev(i);
            let pi = i.wrapping_sub(1);
            let ok = i == 0
                || cx.sent_start(i)
                || matches!(
                    p,
                    "," | ";"
                        | ":"
                        | "\u{2014}"
                        | "\u{2013}"
                        | "then"
                        | "and"
                        | "but"
                        | "while"
                        | "whereas"
                )
                || (cx.is_word(pi)
                    && !cx.cap(pi)
                    && (p.ends_with("ed")
                        || matches!(
                            p,
                            "sent"
                                | "caught"
                                | "held"
                                | "took"
                                | "seized"
                                | "brought"
                                | "kept"
                                | "put"
                                | "shot"
                                | "found"
                                | "saw"
                                | "left"
                                | "sends"
                                | "holds"
                                | "deports"
                                | "returns"
                                | "arrests"
                        )));
            if !ok {
                return None;
            }
            // an age after a name or "age": "Choi, 38, was", "his age, 38,",
            // "Sun-hee, then 17, and"
            if (p == ","
                && i >= 2
                && (cx.cap(i - 2) && !cx.sent_start(i - 2) || cx.w(i - 2) == "age")
                || p == "then" && i >= 2 && cx.w(i - 2) == ",")
                && matches!(cx.w(k), "," | ")")
            {
                return None;
            }
        }
        let rule = if c.vague {
            "bare_quantifier"
        } else if c.definite {
            "definite_numeral"
        } else if c.additive {
            "additive_numeral"
        } else {
            "bare_numeral"
        };
        let mut r = Raw::new(i, k, c.ns, c.ne.max(c.ns + 1), rule);
        r.count = c.count;
        r.definite = c.definite;
        post(cx, &mut r, false);
        return Some(r);
    }

    // "Some had been sent back", "both were", "all were"
    if let Some(q) = quant {
        if j == i + 1 && matches!(q, "some" | "many" | "most" | "all" | "both") {
            let n = cx.w(j);
            let verb = matches!(
                n,
                "were"
                    | "was"
                    | "had"
                    | "have"
                    | "are"
                    | "remain"
                    | "remained"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "reportedly"
                    | "also"
                    | "still"
                    | "died"
            );
            let p = cx.prev(i);
            let start_ok =
                cx.sent_start(i) || matches!(p, "," | ";" | "and" | "but" | "while" | "\u{2014}");
            if verb && start_ok {
                let mut r = Raw::new(i, i + 1, i, i + 1, "bare_quantifier");
                r.count = fixed.map(Count::exact);
                r.definite = matches!(q, "all" | "both");
                return Some(r);
            }
        }
    }

    // "the rest", "the remainder"
    if definite && j == i + 1 && matches!(cx.w(j), "rest" | "remainder") && cx.w(i) == "the" {
        let mut r = Raw::new(i, j + 1, j, j + 1, "the_rest");
        r.definite = true;
        return Some(r);
    }
    // "those taken to Longjing", "those returned", "those who"
    if w0 == "those" && j == i + 1 {
        if participle(cx, j) {
            let mut r = Raw::new(i, j + 1, i, i + 1, "those_participle");
            r.definite = true;
            return Some(r);
        }
        if cx.w(j) == "who" {
            let mut r = Raw::new(i, j, i, i + 1, "those_who");
            r.definite = true;
            return Some(r);
        }
    }
    None
}

trait IsNoneOr<T> {
    fn is_none_or_compat(&self, f: impl FnOnce(&T) -> bool) -> bool;
}

impl<T> IsNoneOr<T> for Option<T> {
    fn is_none_or_compat(&self, f: impl FnOnce(&T) -> bool) -> bool {
        match self {
            None => true,
            Some(x) => f(x),
        }
    }
}

fn given_name_part(cx: &Ctx, k: usize) -> bool {
    let raw = cx.raw(k);
    cx.is_word(k)
        && cx.cap(k)
        && raw.len() <= 12
        && raw.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && !matches!(
            raw,
            "Province"
                | "County"
                | "City"
                | "Street"
                | "University"
                | "Said"
                | "The"
                | "North"
                | "South"
                | "China"
                | "Korea"
                | "Chinese"
                | "Korean"
                | "Square"
                | "Stadium"
                | "Hospital"
                | "Prison"
                | "Camp"
                | "Mr"
                | "Ms"
                | "And"
                | "In"
                | "On"
                | "At"
                | "Of"
                | "For"
                | "Dong"
                | "Ri"
                | "Gun"
                | "Si"
                | "Do"
        )
}

/// "Mr. Kim", "Ms Lee", "Kim Cheol Ok", "Eun-kyung" after a kin noun.
fn named(cx: &Ctx, i: usize) -> Option<Raw> {
    if !cx.cap(i) {
        return None;
    }
    let w = cx.w(i);
    // the honorifics are function words (`lex::FUNC`)
    if cx.fl(i) & lex::FUNC != 0 && matches!(w, "mr" | "mrs" | "ms" | "miss" | "madam" | "madame") {
        let mut k = i + 1;
        if cx.w(k) == "." {
            k += 1;
        }
        // (after an honorific a short word is a surname: "Ms. Ri", not the
        // "-ri" of a village)
        if !(given_name_part(cx, k) || cx.cap(k) && matches!(cx.raw(k), "Ri" | "Do" | "Si")) {
            return None;
        }
        let mut e = k + 1;
        while e < k + 3 && given_name_part(cx, e) {
            e += 1;
        }
        let mut r = Raw::new(i, e, k, e, "named_person");
        r.count = Some(Count::exact(1));
        r.individual = true;
        r.part = false;
        r.gender = Some(if w == "mr" {
            Gender::Male
        } else {
            Gender::Female
        });
        return Some(r);
    }
    if cx.cap(i) && cx.is_word(i) && cx.surname(i) && given_name_part(cx, i + 1) {
        if i > 0 && cx.cap(i - 1) && cx.is_word(i - 1) && !cx.sent_start(i - 1) && !cx.sent_start(i)
        {
            return None;
        }
        let mut e = i + 2;
        let second = cx.raw(i + 1);
        if !second.contains('-')
            && given_name_part(cx, e)
            && cx.raw(e).len() <= 6
            && !cx.raw(e).contains('-')
        {
            e += 1;
        }
        let name = &cx.lower[cx.start(i)..cx.end_before(e)];
        if lex::famous(name) {
            return None;
        }
        // "Kim Jong" alone, then "Un" handled by famous above with 3 parts
        let mut r = Raw::new(i, e, i, e, "named_person");
        r.count = Some(Count::exact(1));
        r.individual = true;
        return Some(r);
    }
    None
}

fn pronoun(cx: &Ctx, i: usize) -> Option<Raw> {
    // every pronoun matched below is in `lex::PRON`
    if cx.fl(i) & lex::PRON == 0 {
        return None;
    }
    let raw = cx.raw(i);
    // "US", "HE": an acronym, not a pronoun
    if raw.len() > 1 && raw.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let (gender, individual) = match cx.id(i) {
        W::THEY | W::THEM | W::WE | W::US => (None, false),
        W::SHE => (Some(Gender::Female), true),
        W::HE | W::HIM => (Some(Gender::Male), true),
        W::HER => {
            // possessive before a noun ("her home") is no mention
            let n = i + 1;
            if cx.is_word(n)
                && cx.fl(n) & lex::AFTER_BARE == 0
                && !cx.cap(n)
                && cx.kind(n) != Some(Kind::Punct)
            {
                let nw = cx.w(n);
                if !matches!(
                    nw,
                    "back"
                        | "away"
                        | "off"
                        | "out"
                        | "up"
                        | "down"
                        | "over"
                        | "there"
                        | "here"
                        | "free"
                        | "home"
                        | "again"
                        | "too"
                        | "along"
                        | "together"
                ) {
                    return None;
                }
            }
            (Some(Gender::Female), true)
        }
        _ => return None,
    };
    let mut r = Raw::new(i, i + 1, i, i + 1, "pronoun");
    r.pronoun = true;
    r.definite = true;
    r.gender = gender;
    r.individual = individual;
    Some(r)
}

/// Connector words that make a following phrase a sub-description
/// ("among them", "including", "one of them"); returns the token after.
fn among_connector(cx: &Ctx, e: usize) -> Option<usize> {
    let mut k = e;
    if matches!(cx.w(k), "," | "\u{2014}" | "\u{2013}" | "(") {
        k += 1;
    }
    let mut p = match cx.id(k) {
        W::AMONG if matches!(cx.id(k + 1), W::THEM | W::WHOM | W::THOSE) => k + 2,
        W::INCLUDING => k + 1,
        W::ONE if cx.id(k + 1) == W::OF && matches!(cx.id(k + 2), W::THEM | W::WHOM | W::WHICH) => {
            k + 3
        }
        W::TWO | W::THREE | W::FOUR | W::FIVE
            if cx.id(k + 1) == W::OF && matches!(cx.id(k + 2), W::THEM | W::WHOM) =>
        {
            k + 3
        }
        _ => return None,
    };
    if matches!(cx.id(p), W::WAS | W::WERE | W::IS | W::ARE | W::BEING) || cx.w(p) == "," {
        p += 1;
    }
    Some(p)
}

fn connector_only(cx: &Ctx, a: usize, b: usize, allowed: &[&str]) -> bool {
    a < b && (a..b).all(|k| allowed.contains(&cx.w(k)))
}

/// One pass of [`refine`]: `merge(raws, i)` is the phrase that replaces
/// `raws[i]` (with the phrases it takes in) and the index after them, or
/// `None` to keep `raws[i]`. Until the first merge nothing is copied, and a
/// pass that merges nothing hands its input back.
fn refine_pass(raws: Vec<Raw>, merge: impl Fn(&[Raw], usize) -> Option<(Raw, usize)>) -> Vec<Raw> {
    let Some((first, (r, mut i))) = (0..raws.len()).find_map(|i| merge(&raws, i).map(|m| (i, m)))
    else {
        return raws;
    };
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    out.extend_from_slice(&raws[..first]);
    out.push(r);
    while i < raws.len() {
        match merge(&raws, i) {
            Some((r, next)) => {
                out.push(r);
                i = next;
            }
            None => {
                out.push(raws[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// One refinement: the phrase that replaces `raws[i]` (with the phrases it
/// takes in) and the index after them, or `None` to keep `raws[i]`.
type Refinement = fn(&Ctx, &[Raw], usize) -> Option<(Raw, usize)>;

/// The refinements, in order: each pass sees the phrases the previous
/// ones made.
const REFINEMENTS: [Refinement; 5] = [breakdown, coordinate, apposition, among, members_of];

/// Joins breakdowns, coordinations ("she and her daughter"), appositions,
/// "among them" clauses and "members of" partitives.
fn refine(cx: &Ctx, raws: Vec<Raw>) -> Vec<Raw> {
    REFINEMENTS.iter().fold(raws, |raws, pass| {
        refine_pass(raws, |raws, i| pass(cx, raws, i))
    })
}

/// "four men and eight women", "two men, two women and a girl".
fn breakdown(cx: &Ctx, raws: &[Raw], i: usize) -> Option<(Raw, usize)> {
    if !raws[i].part {
        return None;
    }
    let mut j = i;
    while j + 1 < raws.len()
        && raws[j + 1].part
        && connector_only(cx, raws[j].e, raws[j + 1].s, &[",", "and"])
        && raws[j + 1].s - raws[j].e <= 2
    {
        j += 1;
    }
    // "three women, three men and the girl": a person told of before
    // closes the list after "and"
    if j > i
        && j + 1 < raws.len()
        && raws[j + 1].definite
        && raws[j + 1].individual
        && !raws[j + 1].possessive
        && !raws[j + 1].pronoun
        && connector_only(cx, raws[j].e, raws[j + 1].s, &["and"])
    {
        j += 1;
    }
    if j == i {
        return None;
    }
    let mut r = raws[i].clone();
    let parts = &raws[i..=j];
    let mut count = parts[0].count;
    let mut gender = parts[0].gender;
    let mut minors: Option<u64> = None;
    let mut ungendered = false;
    for (n, p) in parts.iter().enumerate() {
        ungendered |= p.gender.is_none();
        if n > 0 {
            count = add_counts(count, p.count);
            gender = merge_gender(gender, p.gender);
        }
        if p.child || p.minors.is_some() {
            let m = p.minors.or(exact_value(p.count)).unwrap_or(0);
            minors = Some(minors.unwrap_or(0).saturating_add(m));
        }
    }
    r.e = parts[j - i].e;
    r.count = count;
    // a part of unknown gender ("a teenager") leaves it open
    // unless the known parts already differ
    r.gender = if ungendered && gender != Some(Gender::Mixed) {
        None
    } else {
        gender
    };
    r.minors = minors;
    r.rule = "breakdown";
    r.breakdown = true;
    r.individual = false;
    r.child = false;
    Some((r, j + 1))
}

/// Appositive breakdowns: "the four — two men ... and two women ...",
/// "five people, a widow, her son and her two nieces".
fn apposition(cx: &Ctx, raws: &[Raw], i: usize) -> Option<(Raw, usize)> {
    let a = &raws[i];
    if !(!a.pronoun && !a.individual && (a.count.is_some() || a.definite) && i + 1 < raws.len()) {
        return None;
    }
    let b = &raws[i + 1];
    let gap = (a.e, b.s);
    let dash = connector_only(cx, gap.0, gap.1, &["\u{2014}", "\u{2013}", "-", "(", ":"])
        && gap.1 - gap.0 <= 2;
    let comma = connector_only(cx, gap.0, gap.1, &[","]) && gap.1 - gap.0 == 1;
    let listed = b.breakdown || b.rule == "coordination";
    let b_ok = listed || (b.part && dash && b.gender.is_some());
    let sum_ok = listed
        && (a.count.is_none()
            || exact_value(a.count).is_some() && exact_value(a.count) == exact_value(b.count));
    if !(b_ok && (dash || (comma && sum_ok))) {
        return None;
    }
    let mut r = a.clone();
    r.gender = b.gender.or(r.gender);
    r.minors = b.minors.or(r.minors);
    if r.count.is_none() {
        r.count = b.count;
    }
    r.e = b.e;
    Some((r, i + 2))
}

/// "among them a boy of about seven", "including two teenagers".
fn among(cx: &Ctx, raws: &[Raw], i: usize) -> Option<(Raw, usize)> {
    let a = &raws[i];
    if !(!a.individual && (a.count.is_some() || !a.pronoun)) {
        return None;
    }
    let p = among_connector(cx, a.e).or_else(|| {
        let e = past_origin(cx, a.e);
        (e != a.e).then(|| among_connector(cx, e)).flatten()
    })?;
    // the sub-description: the first phrase starting at p
    let mut j = i + 1;
    while j < raws.len() && raws[j].s < p {
        j += 1;
    }
    let b = raws
        .get(j)
        .filter(|b| b.s == p && !b.pronoun && !b.definite)?;
    let mut r = a.clone();
    if b.child || b.minors.is_some() {
        let m = b.minors.or(exact_value(b.count));
        if let Some(m) = m {
            r.minors = Some(r.minors.unwrap_or(0).max(m));
        }
    }
    r.e = b.e;
    Some((r, j + 1))
}

/// The end of a group phrase past an "of" or "from" naming where the
/// people come from ("seven nationals of the Democratic People's Republic
/// of Korea", "ten defectors from North Korea"): "the", then capitalised
/// words, "of" and possessives between them; `e` itself when there is none.
fn past_origin(cx: &Ctx, e: usize) -> usize {
    if !matches!(cx.id(e), W::OF | W::FROM) {
        return e;
    }
    let mut k = e + 1;
    if cx.id(k) == W::THE {
        k += 1;
    }
    let start = k;
    while k < start + 10
        && (cx.cap(k)
            || k > start && matches!(cx.w(k), "of" | "'s" | "\u{2019}s" | "'" | "\u{2019}" | "s"))
    {
        k += 1;
    }
    if k > start && cx.cap(k - 1) {
        k
    } else {
        e
    }
}

/// "eight members of the group", "two members of the family".
fn members_of(cx: &Ctx, raws: &[Raw], i: usize) -> Option<(Raw, usize)> {
    let a = &raws[i];
    let b = raws.get(i + 1)?;
    if !(a.count.is_some()
        && matches!(cx.id(a.he - 1), W::MEMBERS | W::MEMBER)
        && b.s == a.e + 1
        && cx.id(a.e) == W::OF
        && (b.definite || b.possessive)
        && b.count.is_none()
        && (b.kin || cx.w(b.he - 1).starts_with("group")))
    {
        return None;
    }
    let mut r = a.clone();
    r.e = b.e;
    Some((r, i + 2))
}

/// A person or a couple with the relatives or others listed after them:
/// "she and her daughter", "he and two other refugees", "the couple and
/// their two sons", "a man, his wife and their two daughters". A list
/// joined by commas only is an apposition ("Kim, his brother, said"), so
/// it must end with "and".
fn coordinate(cx: &Ctx, raws: &[Raw], i: usize) -> Option<(Raw, usize)> {
    let a = &raws[i];
    // "a couple", "the parents": two people, a man and a woman
    let pair = matches!(a.rule, "couple" | "parents") && cx.w(a.hs) != "pair";
    if !(a.individual || pair) {
        return None;
    }
    let mut r = a.clone();
    let mut gender = if pair { Some(Gender::Mixed) } else { a.gender };
    let mut count = if a.individual {
        Some(Count::exact(1))
    } else {
        a.count
    };
    let mut minors = a.minors;
    let (mut last, mut j) = (a.e, i + 1);
    let mut joined = None;
    while let Some(b) = raws.get(j) {
        // "and", or "(,) along with", "(,) together with" before another
        // ("her, together with another woman")
        let with_at = last + usize::from(cx.w(last) == ",");
        let along = matches!(cx.id(with_at), W::ALONG | W::TOGETHER)
            && cx.id(with_at + 1) == W::WITH
            && b.s == with_at + 2
            && b.count.is_some();
        let and = b.s == last + 1 && cx.id(last) == W::AND || along;
        let comma = b.s == last + 1 && cx.w(last) == ",";
        let kin = b.possessive && b.kin;
        if !((and || comma) && (kin || along || (and && b.other && b.count.is_some()))) {
            break;
        }
        count = add_counts(count, b.count);
        // "him and four other North Koreans": the others' sex is not told
        gender = if b.gender.is_none() && !kin && gender != Some(Gender::Mixed) {
            None
        } else {
            merge_gender(gender, b.gender)
        };
        if let Some(m) = b.minors {
            minors = Some(minors.unwrap_or(0).saturating_add(m));
        }
        last = b.e;
        j += 1;
        if and {
            joined = Some((count, gender, minors, last, j));
            break;
        }
    }
    let (count, gender, minors, e, next) = joined?;
    r.count = count;
    r.gender = gender;
    r.minors = minors;
    r.e = e;
    r.rule = "coordination";
    r.pronoun = false;
    r.individual = false;
    r.definite = r.definite || raws[i + 1..next].iter().any(|b| b.definite);
    Some((r, next))
}

/// Every people phrase, over tokens.
///
/// Most tokens can start no phrase: the tokenizer marked those that may
/// ([`Ctx::np_from`]: what the filter of `may_start_np` lets through, a
/// pronoun, a name's first word), and only those are tried.
pub fn find_raw(cx: &Ctx) -> Vec<Raw> {
    let mut raws = Vec::with_capacity(cx.len() / 16 + 4);
    let mut i = 0;
    while let Some(k) = cx.np_from(i) {
        i = k;
        let t = &cx.toks[i];
        let known = t.kind() == Kind::Num
            || t.fl & (lex::FUNC | lex::NUMW | lex::HEAD | lex::ADJ) != 0
            || t.hyph();
        // `named` reads an honorific (a function word) or a family name
        let may_name = t.cap() && t.fl & (lex::FUNC | lex::SURNAME) != 0;
        let found = if known {
            t.near()
                .then(|| match_np(cx, i, true))
                .flatten()
                .or_else(|| may_name.then(|| named(cx, i)).flatten())
                .or_else(|| pronoun(cx, i))
        } else {
            named(cx, i)
        };
        match found {
            Some(r) if r.e > i => {
                i = r.e;
                raws.push(r);
            }
            _ => i += 1,
        }
    }
    refine(cx, raws)
}

#[cfg(test)]
mod filters {
    use super::*;
    use proptest::prelude::*;

    /// The words of determiners, quantifiers, numbers, people nouns and
    /// their adjectives, and some others.
    const WORDS: &[&str] = &[
        "the",
        "those",
        "these",
        "this",
        "that",
        "a",
        "an",
        "another",
        "his",
        "her",
        "their",
        "my",
        "our",
        "its",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "every",
        "various",
        "any",
        "none",
        "one",
        "of",
        "them",
        "whom",
        "us",
        "you",
        "rest",
        "remainder",
        "who",
        "taken",
        "returned",
        "arrested",
        "had",
        "were",
        "was",
        "been",
        "sent",
        "back",
        "more",
        "than",
        "about",
        "over",
        "at",
        "least",
        "nearly",
        "up",
        "to",
        "between",
        "and",
        "or",
        "dozens",
        "hundreds",
        "several",
        "few",
        "number",
        "half",
        "dozen",
        "two",
        "five",
        "twenty-one",
        "12",
        "1,047",
        "50-60",
        "16-year-old",
        "seven-member",
        "middle-aged",
        "North",
        "Korean",
        "Koreans",
        "defectors",
        "defector",
        "women",
        "woman",
        "men",
        "children",
        "girl",
        "boy",
        "family",
        "group",
        "families",
        "couple",
        "pair",
        "party",
        "mother",
        "daughter",
        "refugee",
        "camp",
        "pregnant",
        "other",
        "young",
        "teens",
        "twenties",
        "in",
        "aged",
        "from",
        "Korea",
        "including",
        "among",
        "Kim",
        "Mr",
        ".",
        ",",
        "\u{2014}",
        "(",
        ")",
        ":",
        "-",
        ";",
        "'",
        "\u{2013}",
        "\"",
        "total",
        "region",
        "order",
        "excess",
        "minimum",
        "maximum",
        "short",
        "remaining",
        "last",
        "first",
        "same",
        "further",
        "additional",
        "extra",
        "approximate",
        "estimated",
        "around",
        "approximately",
        "well",
        "just",
        "no",
        "not",
        "almost",
        "close",
        "fewer",
        "less",
        "under",
        "below",
        "as",
        "caught",
        "held",
        "seized",
        "kept",
        "said",
        "crossed",
        "handed",
        "she",
        "he",
        "they",
        "said",
        "on",
        "Monday",
        "police",
        "China",
        "border",
        "crossed",
        "river",
    ];

    /// `refine` with a plain pass that copies every phrase.
    fn refine_plain(cx: &Ctx, raws: Vec<Raw>) -> Vec<Raw> {
        REFINEMENTS.iter().fold(raws, |raws, pass| {
            let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
            let mut i = 0;
            while i < raws.len() {
                match pass(cx, &raws, i) {
                    Some((r, next)) => {
                        out.push(r);
                        i = next;
                    }
                    None => {
                        out.push(raws[i].clone());
                        i += 1;
                    }
                }
            }
            out
        })
    }

    /// `find_raw` without the filter of `may_start_np`.
    fn find_raw_plain(cx: &Ctx) -> Vec<Raw> {
        let mut raws = Vec::new();
        let mut i = 0;
        while i < cx.len() {
            let found = if cx.is_punct(i) {
                None
            } else {
                match_np(cx, i, true)
                    .or_else(|| named(cx, i))
                    .or_else(|| pronoun(cx, i))
            };
            match found {
                Some(r) if r.e > i => {
                    i = r.e;
                    raws.push(r);
                }
                _ => i += 1,
            }
        }
        refine_plain(cx, raws)
    }

    fn check(s: &str) {
        let cx = Ctx::new(s);
        // the tokenizer's marks: `may_start_np`, and the tokens `find_raw`
        // tries
        for i in 0..cx.len() {
            let t = &cx.toks[i];
            assert_eq!(t.near(), may_start_np(&cx, i), "{i} in {s:?}");
            let known = match t.kind() {
                Kind::Punct => false,
                Kind::Num => true,
                Kind::Word => {
                    t.fl & (lex::FUNC | lex::NUMW | lex::HEAD | lex::ADJ) != 0 || t.hyph()
                }
            };
            let may_name = t.cap() && t.fl & (lex::FUNC | lex::SURNAME) != 0;
            let tried = may_name || known && (may_start_np(&cx, i) || t.fl & lex::PRON != 0);
            assert_eq!(cx.np_from(i) == Some(i), tried, "{i} in {s:?}");
        }
        for i in 0..cx.len() {
            if match_np(&cx, i, true).is_some() {
                assert!(may_start_np(&cx, i), "{i} in {s:?}");
            }
        }
        for j in 0..cx.len() + 2 {
            for determined in [false, true] {
                assert_eq!(
                    scan_head(&cx, j, determined),
                    scan_head_full(&cx, j, determined),
                    "{j} in {s:?}"
                );
            }
        }
        assert_eq!(find_raw(&cx), find_raw_plain(&cx), "{s:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn filter_changes_nothing(
            words in prop::collection::vec(prop::sample::select(WORDS), 0..40),
            caps in prop::collection::vec(0..3u8, 40),
        ) {
            let text: Vec<String> = words
                .iter()
                .zip(&caps)
                .map(|(w, &c)| match c {
                    0 => w.to_string(),
                    1 => w.to_ascii_uppercase(),
                    _ => w.to_ascii_lowercase(),
                })
                .collect();
            check(&text.join(" "));
        }

        #[test]
        fn filter_changes_nothing_any(s in "\\PC{0,80}") {
            check(&s);
        }
    }
}

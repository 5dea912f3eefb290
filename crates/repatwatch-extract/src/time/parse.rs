//! The time grammar: a longest-match parser over tokens.
//!
//! At each token `top` tries the prefixed forms ("since X", "by X", "in X",
//! "between X and Y") and the bare forms; every `core` rule returns the
//! token index after its match and the longest one wins.

use super::token::{tokenize, tokenize_range, Kind, Tok};
use super::{Dur, Part, Rel, Season, TimeExpr, TimeMention, Unit, WeekdayRef, YearRef};
use chrono::Weekday;
use std::cell::RefCell;

/// A parse: token index after the match, the expression, the rule's name.
#[derive(Debug, Clone)]
pub(crate) struct M {
    end: usize,
    expr: TimeExpr,
    rule: &'static str,
}

fn m(end: usize, expr: TimeExpr, rule: &'static str) -> Option<M> {
    Some(M { end, expr, rule })
}

fn longest(a: Option<M>, b: Option<M>) -> Option<M> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Words after a number that make it a count, not a day or a year.
fn is_count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "defectors"
            | "defector"
            | "refugees"
            | "north"
            | "koreans"
            | "women"
            | "men"
            | "children"
            | "kids"
            | "families"
            | "yuan"
            | "won"
            | "dollars"
            | "usd"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "cases"
            | "times"
            | "escapees"
            | "workers"
            | "soldiers"
            | "prisoners"
            | "inmates"
            | "detainees"
            | "members"
            | "individuals"
            | "residents"
            | "households"
            | "troops"
            | "others"
            | "of"
            | "percent"
            | "per"
            | "were"
            | "are"
            | "have"
            | "had"
            | "who"
    )
}

/// Nouns after "the 9th" that make it not a day ("the 20th century").
fn is_ordinal_noun(w: &str) -> bool {
    matches!(
        w,
        "century"
            | "centuries"
            | "anniversary"
            | "floor"
            | "time"
            | "times"
            | "day"
            | "round"
            | "place"
            | "year"
            | "grade"
            | "session"
            | "congress"
            | "party"
            | "plenum"
            | "plenary"
            | "birthday"
            | "division"
            | "corps"
            | "brigade"
            | "regiment"
            | "army"
            | "person"
            | "people"
            | "street"
            | "avenue"
            | "meeting"
            | "term"
            | "generation"
            | "amendment"
            | "article"
            | "edition"
            | "annual"
            | "largest"
            | "biggest"
            | "most"
            | "consecutive"
            | "parallel"
            | "month"
            | "week"
            | "plan"
            | "company"
            | "battalion"
            | "unit"
            | "district"
            | "ward"
            | "conference"
            | "assembly"
            | "summit"
            | "wave"
            | "batch"
            | "group"
            | "case"
            | "defector"
            | "victim"
            | "largest-ever"
            | "such"
            | "and"
            | "or"
    )
}

/// Words before a bare year that make it a year ("in 2023", "since 2020").
fn is_year_ctx(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "of"
            | "during"
            | "until"
            | "till"
            | "from"
            | "through"
            | "to"
            | "and"
            | "or"
            | "early"
            | "late"
            | "mid"
            | "end"
            | "between"
            | "around"
            | "circa"
            | "throughout"
            | "year"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
    )
}

/// Words before a bare "May" or "March" that make it a month.
fn is_month_ctx(w: &str) -> bool {
    is_year_ctx(w)
        || matches!(
            w,
            "last"
                | "this"
                | "next"
                | "the"
                | "beginning"
                | "start"
                | "middle"
                | "before"
                | "after"
                | "on"
        )
}

fn month_word(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "jan" => (1, true),
        "february" => (2, false),
        "feb" => (2, true),
        "march" => (3, false),
        "mar" => (3, true),
        "april" => (4, false),
        "apr" => (4, true),
        "may" => (5, false),
        "june" => (6, false),
        "jun" => (6, true),
        "july" => (7, false),
        "jul" => (7, true),
        "august" => (8, false),
        "aug" => (8, true),
        "september" => (9, false),
        "sept" | "sep" => (9, true),
        "october" => (10, false),
        "oct" => (10, true),
        "november" => (11, false),
        "nov" => (11, true),
        "december" => (12, false),
        "dec" => (12, true),
        _ => return None,
    })
}

fn weekday_word(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The counts time phrases use ("two weeks", "a month"): one word, one to
/// sixty (the quantity dimension's number words).
fn number_word(w: &str) -> Option<i32> {
    if matches!(w, "a" | "an") {
        return Some(1);
    }
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    crate::quantity::number::small_word(w)
        .filter(|v| (1..=60).contains(v))
        .map(|v| v as i32)
}

/// Duration units; hours and minutes count as the same day.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DUnit {
    Cal(Unit),
    Hour,
    Fortnight,
}

fn unit_word(w: &str) -> Option<(DUnit, bool)> {
    Some(match w {
        "day" | "night" => (DUnit::Cal(Unit::Day), false),
        "days" | "nights" => (DUnit::Cal(Unit::Day), true),
        "week" => (DUnit::Cal(Unit::Week), false),
        "weeks" => (DUnit::Cal(Unit::Week), true),
        "month" => (DUnit::Cal(Unit::Month), false),
        "months" => (DUnit::Cal(Unit::Month), true),
        "year" => (DUnit::Cal(Unit::Year), false),
        "years" => (DUnit::Cal(Unit::Year), true),
        "hour" | "minute" | "moment" => (DUnit::Hour, false),
        "hours" | "minutes" | "moments" => (DUnit::Hour, true),
        "fortnight" => (DUnit::Fortnight, false),
        _ => return None,
    })
}

/// A duration amount.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Qty {
    N(i32),
    Few,
    Couple,
    /// "days later": no amount given.
    Bare,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Approx {
    Exact,
    Over,
    About,
}

/// (lo, hi) of a duration, in durations.
fn dur_bounds(q: Qty, u: DUnit, ap: Approx) -> (Dur, Dur) {
    let unit = match u {
        DUnit::Cal(unit) => unit,
        DUnit::Hour => return (Dur::days(0), Dur::days(if q == Qty::N(1) { 0 } else { 1 })),
        DUnit::Fortnight => Unit::Week,
    };
    let n = match q {
        Qty::N(n) => n,
        Qty::Few | Qty::Bare => {
            let (a, b) = match unit {
                Unit::Day => (1, 7),
                Unit::Week => (2, 5),
                Unit::Month => (2, 6),
                Unit::Year => (2, 5),
            };
            return (Dur::new(a, unit), Dur::new(b, unit));
        }
        Qty::Couple => {
            return match unit {
                Unit::Day => (Dur::days(1), Dur::days(3)),
                _ => (Dur::new(2, unit), Dur::new(3, unit)),
            }
        }
    };
    let n = if u == DUnit::Fortnight { 2 * n } else { n };
    let (over_lo, over_hi, about) = match unit {
        Unit::Day => (0, 1, 1),
        Unit::Week => (1, 4, 3),
        Unit::Month => (1, 10, 7),
        Unit::Year => (1, 90, 60),
    };
    match ap {
        Approx::Exact => (Dur::new(n, unit), Dur::new(n, unit)),
        Approx::Over => (
            Dur {
                n,
                unit,
                days: over_lo,
            },
            Dur {
                n,
                unit,
                days: over_hi,
            },
        ),
        Approx::About => (
            Dur {
                n,
                unit,
                days: -about,
            },
            Dur {
                n,
                unit,
                days: about,
            },
        ),
    }
}

fn neg(d: Dur) -> Dur {
    Dur {
        n: -d.n,
        unit: d.unit,
        days: -d.days,
    }
}

/// Absolute calendar expressions, which can be joined into spans.
fn mergeable(e: &TimeExpr) -> bool {
    matches!(
        e,
        TimeExpr::Date { .. }
            | TimeExpr::DayOfMonth { .. }
            | TimeExpr::Weekday { .. }
            | TimeExpr::DayOffset(_)
            | TimeExpr::Month { .. }
            | TimeExpr::MonthRel { .. }
            | TimeExpr::Year { .. }
            | TimeExpr::Season { .. }
            | TimeExpr::Decade { .. }
            | TimeExpr::Week { .. }
            | TimeExpr::Span(..)
    )
}

fn day_like(e: &TimeExpr) -> bool {
    match e {
        TimeExpr::Date { .. }
        | TimeExpr::DayOfMonth { .. }
        | TimeExpr::Weekday { .. }
        | TimeExpr::DayOffset(_) => true,
        TimeExpr::Span(a, b) => day_like(a) && day_like(b),
        TimeExpr::Rel(Rel::Same) => true,
        _ => false,
    }
}

fn apply_part(e: &TimeExpr, part: Part) -> Option<TimeExpr> {
    Some(match e {
        TimeExpr::Month {
            year,
            month,
            part: Part::All,
        } => TimeExpr::Month {
            year: *year,
            month: *month,
            part,
        },
        TimeExpr::MonthRel {
            offset,
            part: Part::All,
        } => TimeExpr::MonthRel {
            offset: *offset,
            part,
        },
        TimeExpr::Year {
            year,
            part: Part::All,
        } => TimeExpr::Year { year: *year, part },
        TimeExpr::Season {
            season,
            year,
            part: Part::All,
        } => TimeExpr::Season {
            season: *season,
            year: *year,
            part,
        },
        TimeExpr::Decade {
            start,
            part: Part::All,
        } => TimeExpr::Decade {
            start: *start,
            part,
        },
        TimeExpr::Week {
            offset,
            part: Part::All,
        } => TimeExpr::Week {
            offset: *offset,
            part,
        },
        TimeExpr::Rel(Rel::Unit {
            unit,
            offset,
            part: Part::All,
        }) => TimeExpr::Rel(Rel::Unit {
            unit: *unit,
            offset: *offset,
            part,
        }),
        e if day_like(e) => e.clone(),
        _ => return None,
    })
}

/// An implicit year on the first half of a span comes from the second
/// ("between mid-July and early December 2006").
fn inherit_year(a: TimeExpr, b: &TimeExpr) -> TimeExpr {
    let (by, bm) = match b {
        TimeExpr::Date {
            year: YearRef::Abs(y),
            month,
            ..
        }
        | TimeExpr::Month {
            year: YearRef::Abs(y),
            month,
            ..
        } => (*y, *month),
        TimeExpr::Season {
            year: YearRef::Abs(y),
            ..
        } => (*y, 12),
        _ => return a,
    };
    match a {
        TimeExpr::Date {
            year: YearRef::Implicit,
            month,
            day,
        } => TimeExpr::Date {
            year: YearRef::Abs(if month > bm { by - 1 } else { by }),
            month,
            day,
        },
        TimeExpr::Month {
            year: YearRef::Implicit,
            month,
            part,
        } => TimeExpr::Month {
            year: YearRef::Abs(if month > bm { by - 1 } else { by }),
            month,
            part,
        },
        TimeExpr::Season {
            year: YearRef::Implicit,
            season,
            part,
        } => TimeExpr::Season {
            year: YearRef::Abs(by),
            season,
            part,
        },
        a => a,
    }
}

/// Slots of `P::memo`.
const MEMO: usize = 8;

struct P<'a> {
    t: &'a [Tok],
    text: &'a str,
    lc: &'a str,
    /// [`lex`] of each token.
    lex: &'a [u32],
    /// For each token, how many tokens on the first [`is_anchor`] one is
    /// (capped at 255).
    ahead: Vec<u8>,
    /// `core` results by token index (each is asked for several times).
    /// Direct-mapped by the index's low bits (`core` is pure: which
    /// results are kept changes nothing but the time).
    memo: RefCell<[(usize, Option<M>); MEMO]>,
    /// The shortcuts that skip a rule which cannot match (false: the plain
    /// reading, the reference of the property test `same_as_plain`).
    gates: bool,
}

impl<'a> P<'a> {
    fn w(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Word => &self.lc[t.start..t.end],
            _ => "",
        }
    }
    fn pu(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Punct => &self.text[t.start..t.end],
            _ => "",
        }
    }
    fn upper(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.upper)
    }
    fn num(&self, i: usize) -> Option<Tok> {
        self.t.get(i).copied().filter(|t| t.kind == Kind::Num)
    }
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }
    fn words(&self, i: usize, ws: &[&str]) -> Option<usize> {
        for (k, w) in ws.iter().enumerate() {
            if self.w(i + k) != *w {
                return None;
            }
        }
        Some(i + ws.len())
    }
    /// Is one of tokens `i..=i + d` an anchor ([`is_anchor`])? (Always
    /// true without the shortcuts.)
    #[inline]
    fn anchor_within(&self, i: usize, d: usize) -> bool {
        !self.gates || self.ahead.get(i).is_some_and(|&a| usize::from(a) <= d)
    }
    fn is_dash(&self, i: usize) -> bool {
        matches!(self.pu(i), "-" | "–" | "—")
    }
    fn apos_s(&self, i: usize) -> bool {
        matches!(self.pu(i), "'" | "’")
            && self.glued(i)
            && self.w(i + 1) == "s"
            && self.glued(i + 1)
    }

    /// The word before token `i`, looking through a hyphen ("mid-May").
    fn prev_word(&self, i: usize) -> &'a str {
        if i == 0 {
            return "";
        }
        if self.is_dash(i - 1) && i >= 2 {
            return self.w(i - 2);
        }
        self.w(i - 1)
    }

    fn day_num(&self, i: usize) -> Option<u32> {
        let t = self.num(i)?;
        (t.digits >= 1 && t.digits <= 2 && (1..=31).contains(&t.val)).then_some(t.val)
    }
    fn year_num(&self, i: usize) -> Option<i32> {
        let t = self.num(i)?;
        if t.digits != 4 || t.ordinal || !(1900..=2099).contains(&t.val) {
            return None;
        }
        // "1990s", "2,023" are not years.
        if self.w(i + 1) == "s" && self.glued(i + 1) {
            return None;
        }
        Some(t.val as i32)
    }
    /// A number followed by a count noun ("20 defectors").
    fn counted(&self, i: usize) -> bool {
        is_count_noun(self.w(i + 1))
    }

    fn month(&self, i: usize) -> Option<(usize, u32, bool)> {
        if !self.upper(i) {
            return None;
        }
        let (mo, abbr) = month_word(self.w(i))?;
        let mut j = i + 1;
        if abbr && self.pu(j) == "." && self.glued(j) {
            j += 1;
        }
        Some((j, mo, abbr))
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        if !self.upper(i) {
            return None;
        }
        weekday_word(self.w(i))
    }

    /// A clock time: "5 p.m.", "5:30pm", "17:00", "noon". Returns the end.
    fn clock(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "noon" | "midnight" | "midday" | "dawn" | "daybreak" | "dusk" => return Some(i + 1),
            _ => {}
        }
        let t = self.num(i)?;
        if t.digits == 0 || t.digits > 2 || t.val > 24 || t.ordinal {
            return None;
        }
        let mut j = i + 1;
        let mut minutes = false;
        if matches!(self.pu(j), ":" | ".") && self.glued(j) {
            if let Some(mt) = self.num(j + 1) {
                if mt.digits == 2 && mt.val < 60 && self.glued(j + 1) {
                    j += 2;
                    minutes = true;
                }
            }
        }
        match self.w(j) {
            "a" | "p" if self.pu(j + 1) == "." && self.w(j + 2) == "m" => {
                j += 3;
                if self.pu(j) == "." && self.glued(j) {
                    j += 1;
                }
                Some(j)
            }
            "am" | "pm" | "hours" | "hrs" | "h" => Some(j + 1),
            "o" if matches!(self.pu(j + 1), "'" | "’") && self.w(j + 2) == "clock" => Some(j + 3),
            _ if minutes => Some(j),
            _ => None,
        }
    }

    /// "at around 6 p.m." (with "at", "around", "about" or "approximately").
    fn at_clock(&self, i: usize, need_at: bool) -> Option<usize> {
        let mut j = i;
        let mut had = false;
        if matches!(self.w(j), "at" | "from" | "after" | "before") {
            j += 1;
            had = true;
        }
        if matches!(
            self.w(j),
            "around" | "about" | "approximately" | "roughly" | "some" | "just"
        ) {
            j += 1;
            had = true;
            if matches!(self.w(j), "after" | "before") {
                j += 1;
            }
        }
        if need_at && !had {
            return None;
        }
        self.clock(j)
    }

    /// After a day expression: ", at about 5 p.m.", " at 7 a.m.".
    fn absorb_clock(&self, j: usize) -> usize {
        let k = if self.pu(j) == "," { j + 1 } else { j };
        match self.at_clock(k, true) {
            Some(e) => {
                // Keep a trailing "local time".
                self.words(e, &["local", "time"]).unwrap_or(e)
            }
            None => j,
        }
    }

    // ---------------------------------------------------------------- rules

    fn iso(&self, i: usize) -> Option<M> {
        let y = self.year_num(i)?;
        let sep = self.pu(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let mo = self
            .num(i + 2)
            .filter(|t| (1..=2).contains(&t.digits) && !t.ordinal)?;
        if self.pu(i + 3) != sep || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let d = self
            .num(i + 4)
            .filter(|t| (1..=2).contains(&t.digits) && !t.ordinal)?;
        chrono::NaiveDate::from_ymd_opt(y, mo.val, d.val)?;
        m(
            i + 5,
            TimeExpr::Date {
                year: YearRef::Abs(y),
                month: mo.val,
                day: d.val,
            },
            "iso_date",
        )
    }

    /// ", 2023" / " 2023" after a month-day.
    fn year_after(&self, j: usize) -> Option<(usize, i32)> {
        let k = if self.pu(j) == "," { j + 1 } else { j };
        let y = self.year_num(k)?;
        if self.counted(k) {
            return None;
        }
        Some((k + 1, y))
    }

    /// "this year", "of last year" after a month.
    fn rel_year_after(&self, j: usize) -> Option<(usize, YearRef)> {
        let k = if self.w(j) == "of" { j + 1 } else { j };
        let off = match self.w(k) {
            "this" => 0,
            "last" | "past" => -1,
            "next" => 1,
            _ => return None,
        };
        if self.w(k + 1) != "year" {
            return None;
        }
        Some((k + 2, YearRef::Rel(off)))
    }

    /// "Oct. 9", "October 9th, 2023", "Jan. 25, 27 and 30", "June 2001",
    /// "in February", "February of last year".
    fn month_first(&self, i: usize) -> Option<M> {
        let (j, mo, abbr) = self.month(i)?;
        // Month-day, with a list of further days.
        if let Some(d) = self.day_num(j) {
            let time_next = self.clock(j).is_some();
            let in_ctx = matches!(self.prev_word(i), "in" | "during");
            let t = self.t[j];
            let suspicious = in_ctx
                && !t.ordinal
                && self
                    .t
                    .get(j + 1)
                    .is_some_and(|n| n.kind == Kind::Word && !n.upper);
            if !self.counted(j) && !time_next && !suspicious {
                let mut days = vec![(mo, d)];
                let mut k = j + 1;
                loop {
                    let mut s = k;
                    if self.pu(s) == "," {
                        s += 1;
                        if matches!(self.w(s), "and" | "or") {
                            s += 1;
                        }
                    } else if matches!(
                        self.w(s),
                        "and" | "or" | "to" | "through" | "until" | "till"
                    ) || self.is_dash(s)
                    {
                        s += 1;
                    } else {
                        break;
                    }
                    if let Some(d2) = self.day_num(s) {
                        if self.counted(s) || self.clock(s).is_some() || self.month(s + 1).is_some()
                        {
                            break;
                        }
                        let last = days.last().map_or(mo, |x| x.0);
                        days.push((last, d2));
                        k = s + 1;
                        continue;
                    }
                    if let Some((s2, mo2, _)) = self.month(s) {
                        if let Some(d2) = self.day_num(s2) {
                            if !self.counted(s2) && self.clock(s2).is_none() {
                                days.push((mo2, d2));
                                k = s2 + 1;
                                continue;
                            }
                        }
                    }
                    break;
                }
                let (k, year) = match self.year_after(k) {
                    Some((k, y)) => (k, YearRef::Abs(y)),
                    None => (k, YearRef::Implicit),
                };
                let k = self.absorb_clock(k);
                let first = days[0];
                let last = days[days.len() - 1];
                let date = |(mo, day): (u32, u32)| TimeExpr::Date {
                    year,
                    month: mo,
                    day,
                };
                if days.len() == 1 {
                    return m(k, date(first), "month_day");
                }
                let a = date(first);
                let b = date(last);
                let a = if let (YearRef::Abs(y), true) = (year, first.0 > last.0) {
                    TimeExpr::Date {
                        year: YearRef::Abs(y - 1),
                        month: first.0,
                        day: first.1,
                    }
                } else {
                    a
                };
                return m(
                    k,
                    TimeExpr::Span(Box::new(a), Box::new(b)),
                    "month_day_list",
                );
            }
        }
        // Month-year.
        if let Some((k, y)) = self.year_after(j) {
            return m(
                k,
                TimeExpr::Month {
                    year: YearRef::Abs(y),
                    month: mo,
                    part: Part::All,
                },
                "month_year",
            );
        }
        if self.w(j) == "of" {
            if let Some(y) = self.year_num(j + 1) {
                return m(
                    j + 2,
                    TimeExpr::Month {
                        year: YearRef::Abs(y),
                        month: mo,
                        part: Part::All,
                    },
                    "month_year",
                );
            }
        }
        if let Some((k, yr)) = self.rel_year_after(j) {
            return m(
                k,
                TimeExpr::Month {
                    year: yr,
                    month: mo,
                    part: Part::All,
                },
                "month_rel_year",
            );
        }
        // A bare month.
        if abbr {
            return None;
        }
        let prev = self.prev_word(i);
        let ctx = is_month_ctx(prev);
        if matches!(mo, 3 | 5) && (!ctx || self.w(j) == "of") {
            // "may be", "the March of the Volunteers"
            return None;
        }
        if !ctx && self.upper(j) && month_word(self.w(j)).is_none() {
            // "June Kim said": a name.
            return None;
        }
        let year = match prev {
            "last" | "past" => YearRef::LastOf,
            "next" => YearRef::NextOf,
            _ => YearRef::Implicit,
        };
        m(
            j,
            TimeExpr::Month {
                year,
                month: mo,
                part: Part::All,
            },
            "month",
        )
    }

    /// "30 December 1999", "the 9th of October", "the 29th of last month",
    /// "on the 7th".
    fn day_first(&self, i: usize) -> Option<M> {
        let the = self.w(i) == "the";
        let j = if the { i + 1 } else { i };
        let d = self.day_num(j)?;
        let ord = self.t[j].ordinal;
        let mut k = j + 1;
        // "25-30 January"
        let mut d_end = None;
        if !the && (self.is_dash(k) || self.w(k) == "to") {
            if let Some(d2) = self.day_num(k + 1) {
                if self.month(k + 2).is_some() {
                    d_end = Some(d2);
                    k += 2;
                }
            }
        }
        let of = self.w(k) == "of" && (the || ord);
        let km = if of { k + 1 } else { k };
        if let Some((e, mo, _)) = self.month(km) {
            let (e, year) = match self.year_after(e) {
                Some((e, y)) => (e, YearRef::Abs(y)),
                None => (e, YearRef::Implicit),
            };
            let e = self.absorb_clock(e);
            let a = TimeExpr::Date {
                year,
                month: mo,
                day: d,
            };
            return match d_end {
                Some(d2) => m(
                    e,
                    TimeExpr::Span(
                        Box::new(a),
                        Box::new(TimeExpr::Date {
                            year,
                            month: mo,
                            day: d2,
                        }),
                    ),
                    "day_month_list",
                ),
                None => m(e, a, "day_month"),
            };
        }
        if !the || !ord {
            return None;
        }
        if of {
            let off = match (self.w(k + 1), self.w(k + 2)) {
                ("last" | "previous", "month") => Some(-1),
                ("this" | "the", "month") => Some(0),
                ("next", "month") => Some(1),
                _ => None,
            };
            if let Some(off) = off {
                return m(
                    k + 3,
                    TimeExpr::DayOfMonth {
                        day: d,
                        month_offset: Some(off),
                    },
                    "day_of_month",
                );
            }
        }
        // "on the 7th": needs a preposition before and no noun after.
        let prev = if i == 0 { "" } else { self.w(i - 1) };
        if !matches!(
            prev,
            "on" | "by"
                | "since"
                | "until"
                | "till"
                | "from"
                | "of"
                | "to"
                | "and"
                | "before"
                | "after"
                | "through"
        ) {
            return None;
        }
        if is_ordinal_noun(self.w(j + 1)) || self.upper(j + 1) {
            return None;
        }
        let e = self.absorb_clock(j + 1);
        m(
            e,
            TimeExpr::DayOfMonth {
                day: d,
                month_offset: None,
            },
            "day_of_month",
        )
    }

    /// "on Tuesday", "last Monday", "Monday night", "Tuesday last week",
    /// "Monday, Oct. 9".
    fn weekday_rule(&self, i: usize) -> Option<M> {
        let (which, j) = match self.w(i) {
            "last" | "past" => (WeekdayRef::Last, i + 1),
            "this" => (WeekdayRef::This, i + 1),
            "next" | "coming" => (WeekdayRef::Next, i + 1),
            _ => (WeekdayRef::Plain, i),
        };
        let wd = self.weekday(j)?;
        // "during a Sunday service", "every Friday": no day in particular
        if which == WeekdayRef::Plain
            && j.checked_sub(1)
                .is_some_and(|p| matches!(self.w(p), "a" | "an" | "every" | "each" | "any"))
        {
            return None;
        }
        let mut k = j + 1;
        if self.apos_s(k) {
            k += 2;
        }
        // "Monday, Oct. 9" / "Monday, 9 October" / "Monday (Oct. 9)".
        let after_comma = if self.pu(k) == "," || self.pu(k) == "(" {
            k + 1
        } else {
            k
        };
        if let Some(x) = longest(self.month_first(after_comma), self.day_first(after_comma)) {
            if matches!(x.expr, TimeExpr::Date { .. }) {
                let mut e = x.end;
                if self.pu(k) == "(" && self.pu(e) == ")" {
                    e += 1;
                }
                return m(e, x.expr, "weekday_date");
            }
        }
        if matches!(
            self.w(k),
            "night" | "morning" | "afternoon" | "evening" | "midnight" | "noon"
        ) {
            k += 1;
        }
        let mut which = which;
        if which == WeekdayRef::Plain {
            let s = if self.w(k) == "of" { k + 1 } else { k };
            let off = match (self.w(s), self.w(s + 1)) {
                ("last" | "the", "week") if self.w(s) == "last" => Some(-1),
                ("this", "week") => Some(0),
                ("next", "week") => Some(1),
                _ => None,
            };
            if let Some(off) = off {
                which = WeekdayRef::InWeek(off);
                k = s + 2;
            }
        }
        let k = self.absorb_clock(k);
        m(k, TimeExpr::Weekday { day: wd, which }, "weekday")
    }

    /// yesterday, today, tonight, tomorrow, last night, this morning.
    fn day_rel(&self, i: usize) -> Option<M> {
        let (mut j, k, rule) = match self.w(i) {
            "yesterday" => (i + 1, -1, "yesterday"),
            "today" | "tonight" => {
                if self.apos_s(i + 1) {
                    return m(i + 3, TimeExpr::Present, "present");
                }
                (i + 1, 0, "today")
            }
            "tomorrow" => (i + 1, 1, "tomorrow"),
            "last" if matches!(self.w(i + 1), "night" | "evening") => (i + 2, -1, "last_night"),
            "this" if matches!(self.w(i + 1), "morning" | "afternoon" | "evening") => {
                (i + 2, 0, "today")
            }
            "earlier" | "later" if self.w(i + 1) == "today" => (i + 2, 0, "today"),
            "the" => {
                if let Some(e) = self.words(i + 1, &["day", "before", "yesterday"]) {
                    (e, -2, "yesterday")
                } else if let Some(e) = self.words(i + 1, &["day", "after", "tomorrow"]) {
                    (e, 2, "tomorrow")
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        if k == -1 && matches!(self.w(j), "morning" | "afternoon" | "evening" | "night") {
            j += 1;
        }
        let j = self.absorb_clock(j);
        m(j, TimeExpr::DayOffset(k), rule)
    }

    /// this/last/next week|month|year, the weekend, that month, the
    /// following year, earlier this month, later that year.
    fn unit_rel(&self, i: usize) -> Option<M> {
        let mut j = i;
        let mut lead = "";
        if matches!(self.w(j), "earlier" | "later") {
            lead = self.w(j);
            j += 1;
        }
        // "earlier in the week" is "earlier this week"
        let in_the = !lead.is_empty()
            && self.w(j) == "in"
            && self.w(j + 1) == "the"
            && matches!(self.w(j + 2), "week" | "month" | "year");
        if in_the {
            j += 1;
        }
        // (kind, token count)
        let (kind, n) = match (self.w(j), self.w(j + 1)) {
            ("the", _) if in_the => ("this", 1),
            ("this", "past") => ("past", 2),
            ("the", "past" | "last") => ("past", 2),
            ("the", "previous") => ("prev", 2),
            ("previous", _) => ("prev", 1),
            ("the", "following") | ("the", "next") => ("following", 2),
            ("the", "same") | ("that", "same") => ("same", 2),
            ("that", _) => ("same", 1),
            ("this", _) => ("this", 1),
            ("last", _) => ("last", 1),
            ("next", _) | ("coming", _) => ("next", 1),
            ("the", "coming") => ("next", 2),
            ("the", _) => ("the", 1),
            _ => return None,
        };
        let u = self.w(j + n);
        let e = j + n + 1;
        if !lead.is_empty() && !matches!(kind, "this" | "same") {
            return None;
        }
        let rest = lead == "later";
        let part = if rest { Part::Rest } else { Part::All };
        // "the week before last"
        if kind == "the" && self.words(e, &["before", "last"]).is_some() {
            let e2 = e + 2;
            return match u {
                "week" => m(e2, TimeExpr::Week { offset: -2, part }, "week"),
                "month" => m(e2, TimeExpr::MonthRel { offset: -2, part }, "month_rel"),
                "year" => m(
                    e2,
                    TimeExpr::Year {
                        year: YearRef::Rel(-2),
                        part,
                    },
                    "year_rel",
                ),
                _ => None,
            };
        }
        // "the month before", "the year before" → the previous one.
        if kind == "the" && self.w(e) == "before" && matches!(u, "week" | "month" | "year") {
            let unit = match u {
                "week" => Unit::Week,
                "month" => Unit::Month,
                _ => Unit::Year,
            };
            return m(
                e + 1,
                TimeExpr::Rel(Rel::Unit {
                    unit,
                    offset: -1,
                    part,
                }),
                "rel_unit",
            );
        }
        let expr = match (kind, u) {
            ("this", "week") => TimeExpr::Week { offset: 0, part },
            ("last", "week") => TimeExpr::Week { offset: -1, part },
            ("next", "week") => TimeExpr::Week { offset: 1, part },
            ("past", "week") => TimeExpr::Recent(Dur::days(7)),
            ("this" | "the", "weekend") => TimeExpr::Weekend { offset: 0 },
            ("last" | "past", "weekend") => TimeExpr::Weekend { offset: -1 },
            ("next", "weekend") => TimeExpr::Weekend { offset: 1 },
            ("this", "month") => TimeExpr::MonthRel { offset: 0, part },
            ("the", "month") if self.prev_word(i) == "of" => TimeExpr::MonthRel { offset: 0, part },
            ("last", "month") => TimeExpr::MonthRel { offset: -1, part },
            ("next", "month") => TimeExpr::MonthRel { offset: 1, part },
            ("past", "month") => TimeExpr::Recent(Dur::new(1, Unit::Month)),
            ("this", "year") => TimeExpr::Year {
                year: YearRef::Rel(0),
                part,
            },
            ("the", "year") if self.prev_word(i) == "of" && self.year_num(e).is_none() => {
                TimeExpr::Year {
                    year: YearRef::Rel(0),
                    part,
                }
            }
            ("last", "year") => TimeExpr::Year {
                year: YearRef::Rel(-1),
                part,
            },
            ("next", "year") => TimeExpr::Year {
                year: YearRef::Rel(1),
                part,
            },
            ("past", "year") => TimeExpr::Recent(Dur::new(1, Unit::Year)),
            ("prev" | "same" | "following", "week" | "month" | "year") => {
                let unit = match u {
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    _ => Unit::Year,
                };
                let offset = match kind {
                    "prev" => -1,
                    "same" => 0,
                    _ => 1,
                };
                TimeExpr::Rel(Rel::Unit { unit, offset, part })
            }
            ("same", "day" | "night" | "evening" | "morning" | "afternoon" | "date") => {
                TimeExpr::Rel(Rel::Same)
            }
            _ => return None,
        };
        let rule = match &expr {
            TimeExpr::Week { .. } => "week",
            TimeExpr::Weekend { .. } => "weekend",
            TimeExpr::MonthRel { .. } => "month_rel",
            TimeExpr::Year { .. } => "year_rel",
            TimeExpr::Recent(_) => "recent",
            _ => "rel_unit",
        };
        // "that same day" is Same; "last week's" possessive is fine.
        let mut e = e;
        if self.apos_s(e) {
            e += 2;
        }
        m(e, expr, rule)
    }

    /// "in 2023", "2006-2008", "the 1990s", "the year 2003".
    fn year_rule(&self, i: usize) -> Option<M> {
        // Decades.
        let (j, the) = if self.w(i) == "the" {
            (i + 1, true)
        } else {
            (i, false)
        };
        if let Some(t) = self.num(j) {
            if t.digits == 4 && (1900..=2090).contains(&t.val) && t.val % 10 == 0 {
                let s = if self.w(j + 1) == "s" && self.glued(j + 1) {
                    Some(j + 2)
                } else if self.apos_s(j + 1) {
                    Some(j + 3)
                } else {
                    None
                };
                if let Some(e) = s {
                    return m(
                        e,
                        TimeExpr::Decade {
                            start: t.val as i32,
                            part: Part::All,
                        },
                        "decade",
                    );
                }
            }
        }
        if the {
            if self.w(j) == "year" {
                if let Some(y) = self.year_num(j + 1) {
                    return m(
                        j + 2,
                        TimeExpr::Year {
                            year: YearRef::Abs(y),
                            part: Part::All,
                        },
                        "year",
                    );
                }
            }
            return None;
        }
        let y = self.year_num(i)?;
        // Year ranges: "2006-2008", "2006–08".
        if self.is_dash(i + 1) && self.glued(i + 1) {
            if let Some(t2) = self.num(i + 2) {
                let y2 = match t2.digits {
                    4 => t2.val as i32,
                    2 => y - y % 100 + t2.val as i32,
                    _ => 0,
                };
                if y2 > y && y2 <= 2099 && !self.counted(i + 2) && self.glued(i + 2) {
                    return m(
                        i + 3,
                        TimeExpr::Span(
                            Box::new(TimeExpr::Year {
                                year: YearRef::Abs(y),
                                part: Part::All,
                            }),
                            Box::new(TimeExpr::Year {
                                year: YearRef::Abs(y2),
                                part: Part::All,
                            }),
                        ),
                        "year_range",
                    );
                }
            }
            // "2023-10" etc.: not a plain year.
            return None;
        }
        if !is_year_ctx(self.prev_word(i)) || self.counted(i) {
            return None;
        }
        if self.pu(i + 1) == "." && self.num(i + 2).is_some() && self.glued(i + 2) {
            return None;
        }
        m(
            i + 1,
            TimeExpr::Year {
                year: YearRef::Abs(y),
                part: Part::All,
            },
            "year",
        )
    }

    /// "last summer", "summer 2004", "in the spring", "the winter of 2019".
    fn season_rule(&self, i: usize) -> Option<M> {
        let (mut year, mut j) = match (self.w(i), self.w(i + 1)) {
            ("this", "past") => (YearRef::LastOf, i + 2),
            ("last" | "past", _) => (YearRef::LastOf, i + 1),
            ("this", _) => (YearRef::Rel(0), i + 1),
            ("next" | "coming", _) => (YearRef::NextOf, i + 1),
            _ => (YearRef::Implicit, i),
        };
        let modified = j > i;
        if !modified && self.w(j) == "the" {
            j += 1;
        }
        let season = match self.w(j) {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" | "fall" => Season::Autumn,
            "winter" => Season::Winter,
            _ => return None,
        };
        let mut e = j + 1;
        let mut has_year = false;
        if !modified {
            let k = if self.pu(e) == "," { e + 1 } else { e };
            let k2 = if self.w(k) == "of" { k + 1 } else { k };
            if let Some(y) = self.year_num(k2).filter(|_| !self.counted(k2)) {
                year = YearRef::Abs(y);
                e = k2 + 1;
                has_year = true;
            } else if let Some((k3, yr)) = self.rel_year_after(e) {
                year = yr;
                e = k3;
                has_year = true;
            }
        }
        if !modified && !has_year {
            let before = if self.w(i) == "the" { i } else { j };
            let prev = if before == 0 { "" } else { self.w(before - 1) };
            let ok = matches!(
                prev,
                "in" | "during"
                    | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "through"
                    | "over"
                    | "from"
                    | "to"
                    | "and"
                    | "throughout"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "this"
                    | "last"
            ) || (before > 0 && self.is_dash(before - 1));
            if !ok || self.w(e) == "of" {
                return None;
            }
        }
        m(
            e,
            TimeExpr::Season {
                season,
                year,
                part: Part::All,
            },
            "season",
        )
    }

    /// An amount: (end, qty).
    fn qty(&self, i: usize) -> Option<(usize, Qty)> {
        match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("a", "few", _) => return Some((i + 2, Qty::Few)),
            ("few" | "several", _, _) => return Some((i + 1, Qty::Few)),
            ("a", "couple", "of") => return Some((i + 3, Qty::Couple)),
            ("a", "couple", _) => return Some((i + 2, Qty::Couple)),
            ("a", "number", "of") => return Some((i + 3, Qty::Few)),
            _ => {}
        }
        if let Some(n) = number_word(self.w(i)) {
            return Some((i + 1, Qty::N(n)));
        }
        if let Some(t) = self.num(i) {
            if t.digits >= 1 && t.digits <= 3 && !t.ordinal {
                return Some((i + 1, Qty::N(t.val as i32)));
            }
        }
        None
    }

    /// "three days ago", "a day later", "just over three weeks later",
    /// "months later", "two days earlier", "the next day".
    fn duration_rule(&self, i: usize) -> Option<M> {
        // The next / previous day.
        let w0 = self.w(i);
        let fixed = match w0 {
            "the" => match (self.w(i + 1), self.w(i + 2)) {
                ("next" | "following", "day" | "morning" | "night" | "evening" | "afternoon") => {
                    Some((i + 3, 1))
                }
                ("day", "after") if self.w(i + 3) != "tomorrow" => Some((i + 3, 1)),
                ("day" | "night", "before") if self.w(i + 3) != "yesterday" => Some((i + 3, -1)),
                ("previous", "day" | "night" | "evening") => Some((i + 3, -1)),
                ("eve", _) => Some((i + 2, -1)),
                _ => None,
            },
            "next" if self.w(i + 1) == "morning" => Some((i + 2, 1)),
            _ => None,
        };
        if let Some((e, k)) = fixed {
            let d = Dur::days(k);
            return m(e, TimeExpr::Rel(Rel::Shift { lo: d, hi: d }), "next_day");
        }
        // Every other form has a unit word (`unit_word`) after at most four
        // words of approximation ("a little more than") and three of amount
        // ("a couple of"): without one in the next eight tokens, no match.
        if self.gates && !(i..i + 8).any(|k| self.lex.get(k).is_some_and(|f| f & UNIT != 0)) {
            return None;
        }
        let mut j = i;
        let mut ap = Approx::Exact;
        let approx_word = matches!(
            w0,
            "just"
                | "a"
                | "more"
                | "over"
                | "about"
                | "around"
                | "roughly"
                | "approximately"
                | "some"
                | "nearly"
                | "almost"
                | "less"
                | "close"
        );
        if !approx_word {
        } else if let Some(e) = self
            .words(j, &["just", "over"])
            .or_else(|| self.words(j, &["a", "little", "over"]))
            .or_else(|| self.words(j, &["a", "little", "more", "than"]))
            .or_else(|| self.words(j, &["more", "than"]))
            .or_else(|| self.words(j, &["over"]))
        {
            ap = Approx::Over;
            j = e;
        } else if let Some(e) = self
            .words(j, &["about"])
            .or_else(|| self.words(j, &["around"]))
            .or_else(|| self.words(j, &["roughly"]))
            .or_else(|| self.words(j, &["approximately"]))
            .or_else(|| self.words(j, &["some"]))
            .or_else(|| self.words(j, &["nearly"]))
            .or_else(|| self.words(j, &["almost"]))
            .or_else(|| self.words(j, &["just", "under"]))
            .or_else(|| self.words(j, &["less", "than"]))
            .or_else(|| self.words(j, &["close", "to"]))
        {
            ap = Approx::About;
            j = e;
        }
        let (k, q) = match self.qty(j) {
            Some(x) => x,
            None => (j, Qty::Bare),
        };
        let (unit, plural) = unit_word(self.w(k))?;
        if q == Qty::Bare && (!plural || ap != Approx::Exact) {
            return None;
        }
        if let Qty::N(n) = q {
            if n > 1000 {
                return None;
            }
        }
        let mut e = k + 1;
        // "a day and a half later"
        if self.words(e, &["and", "a", "half"]).is_some() {
            e += 3;
        }
        let word = self.w(e);
        let (lo, hi) = dur_bounds(q, unit, ap);
        match word {
            "ago" => {
                let expr = match (q, ap, unit) {
                    (Qty::N(n), Approx::Exact, DUnit::Cal(u)) => TimeExpr::Ago { n, unit: u },
                    (Qty::N(n), Approx::Exact, DUnit::Fortnight) => TimeExpr::Ago {
                        n: 2 * n,
                        unit: Unit::Week,
                    },
                    _ => TimeExpr::AgoRange { lo, hi },
                };
                m(e + 1, expr, "ago")
            }
            "later" | "afterwards" | "afterward" | "on" | "after" | "thereafter" => {
                if word == "on"
                    && !matches!(self.pu(e + 1), "," | "." | ";" | "")
                    && self.t.get(e + 1).is_some()
                {
                    return None;
                }
                let e2 = if word == "after" && matches!(self.w(e + 1), "that" | "this") {
                    e + 2
                } else {
                    e + 1
                };
                m(e2, TimeExpr::Rel(Rel::Shift { lo, hi }), "later")
            }
            "earlier" | "before" | "prior" | "previously" => {
                let e2 = if word == "prior" && self.w(e + 1) == "to" {
                    e + 2
                } else {
                    e + 1
                };
                if word == "prior" && e2 == e + 1 {
                    return m(
                        e + 1,
                        TimeExpr::Rel(Rel::Shift {
                            lo: neg(hi),
                            hi: neg(lo),
                        }),
                        "earlier",
                    );
                }
                m(
                    e2,
                    TimeExpr::Rel(Rel::Shift {
                        lo: neg(hi),
                        hi: neg(lo),
                    }),
                    "earlier",
                )
            }
            _ => None,
        }
    }

    /// "within two days", "within hours".
    fn within_rule(&self, i: usize) -> Option<M> {
        if self.w(i) != "within" {
            return None;
        }
        let mut j = i + 1;
        if matches!(self.w(j), "the" | "just") {
            j += 1;
        }
        let (k, q) = match self.qty(j) {
            Some(x) => x,
            None => (j, Qty::Bare),
        };
        let (unit, plural) = unit_word(self.w(k))?;
        if q == Qty::Bare && !plural && unit != DUnit::Hour {
            if self.w(j - 1) == "the" && matches!(unit, DUnit::Cal(Unit::Day)) {
                // "within the day"
                return m(k + 1, TimeExpr::Rel(Rel::Same), "within");
            }
            return None;
        }
        let (_, hi) = dur_bounds(q, unit, Approx::Exact);
        let e = if self.words(k + 1, &["and", "a", "half"]).is_some() {
            k + 4
        } else {
            k + 1
        };
        m(e, TimeExpr::Rel(Rel::Within(hi)), "within")
    }

    /// "recently", "lately", "in recent weeks", "the past two weeks",
    /// "over the last few months".
    fn recent_rule(&self, i: usize) -> Option<M> {
        match self.w(i) {
            "recently" | "lately" => return m(i + 1, TimeExpr::Recent(Dur::days(30)), "recent"),
            "most" | "just" | "only" | "very" if self.w(i + 1) == "recently" => {
                return m(i + 2, TimeExpr::Recent(Dur::days(30)), "recent")
            }
            _ => {}
        }
        let mut j = i;
        if matches!(
            self.w(j),
            "in" | "over" | "during" | "for" | "within" | "throughout"
        ) {
            j += 1;
        }
        if self.w(j) == "recent" {
            let (u, plural) = unit_word(self.w(j + 1))?;
            if !plural {
                return None;
            }
            let d = match u {
                DUnit::Cal(Unit::Day) | DUnit::Hour => Dur::days(7),
                DUnit::Cal(Unit::Week) | DUnit::Fortnight => Dur::days(30),
                DUnit::Cal(Unit::Month) => Dur::days(90),
                DUnit::Cal(Unit::Year) => Dur::new(3, Unit::Year),
            };
            return m(j + 2, TimeExpr::Recent(d), "recent");
        }
        let k = if matches!(
            (self.w(j), self.w(j + 1)),
            ("the" | "this", "past" | "last")
        ) {
            j + 2
        } else if matches!(self.w(j), "past" | "last") && j > i {
            j + 1
        } else {
            return None;
        };
        let (k2, q) = match self.qty(k) {
            Some(x) => x,
            None => (k, Qty::Bare),
        };
        let (u, plural) = unit_word(self.w(k2))?;
        let d = match (q, u) {
            (Qty::N(n), DUnit::Cal(unit)) if n <= 1000 => Dur::new(n, unit),
            (Qty::N(n), DUnit::Fortnight) if n <= 1000 => Dur::new(2 * n, Unit::Week),
            (Qty::Bare, DUnit::Cal(Unit::Week)) if !plural => Dur::days(7),
            (Qty::Bare, DUnit::Cal(unit)) if !plural => Dur::new(1, unit),
            (Qty::Bare, DUnit::Fortnight) => Dur::days(14),
            (Qty::Few | Qty::Couple | Qty::Bare, DUnit::Cal(unit)) => match unit {
                Unit::Day => Dur::days(7),
                Unit::Week => Dur::days(30),
                Unit::Month => Dur::days(90),
                Unit::Year => Dur::new(3, Unit::Year),
            },
            (_, DUnit::Hour) => Dur::days(1),
            _ => return None,
        };
        m(k2 + 1, TimeExpr::Recent(d), "recent")
    }

    /// now, currently, still, at present.
    fn present_rule(&self, i: usize) -> Option<M> {
        let e = match self.w(i) {
            "now" | "currently" | "presently" | "still" | "nowadays" => i + 1,
            "right" if self.w(i + 1) == "now" => i + 2,
            "at" => self
                .words(i, &["at", "present"])
                .or_else(|| self.words(i, &["at", "the", "moment"]))
                .or_else(|| self.words(i, &["at", "this", "moment"]))
                .or_else(|| self.words(i, &["at", "the", "present", "time"]))?,
            "these" if self.w(i + 1) == "days" => i + 2,
            _ => return None,
        };
        if self.w(i) == "now" && self.is_dash(e) && self.glued(e) {
            // "now-defunct"
            return None;
        }
        m(e, TimeExpr::Present, "present")
    }

    /// that day, the same day, later, afterwards, at the same time,
    /// shortly after, later that month.
    fn rel_misc(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        // later that day / later that month
        if matches!(w, "later" | "earlier") && self.w(i + 1) == "that" {
            let u = self.w(i + 2);
            match u {
                "day" | "night" | "evening" | "morning" | "afternoon" => {
                    return m(i + 3, TimeExpr::Rel(Rel::Same), "same_day")
                }
                "week" | "month" | "year" => {
                    let unit = match u {
                        "week" => Unit::Week,
                        "month" => Unit::Month,
                        _ => Unit::Year,
                    };
                    let part = if w == "later" { Part::Rest } else { Part::All };
                    return m(
                        i + 3,
                        TimeExpr::Rel(Rel::Unit {
                            unit,
                            offset: 0,
                            part,
                        }),
                        "rel_unit",
                    );
                }
                _ => {}
            }
        }
        if w == "that" || (w == "the" && self.w(i + 1) == "same") {
            let mut j = i + 1;
            if self.w(j) == "same" {
                j += 1;
            }
            if matches!(
                self.w(j),
                "day" | "night" | "evening" | "morning" | "afternoon" | "date"
            ) {
                return m(j + 1, TimeExpr::Rel(Rel::Same), "same_day");
            }
        }
        let (w1, w2) = (self.w(i + 1), self.w(i + 2));
        let same = match (w, w1, w2) {
            ("at", "the", "same") if self.w(i + 3) == "time" => Some(i + 4),
            ("at", "that", "time" | "point") | ("at", "the", "time") | ("by", "that", "time") => {
                Some(i + 3)
            }
            ("by" | "until" | "till", "then", _) => Some(i + 2),
            _ => None,
        };
        if let Some(e) = same {
            return m(e, TimeExpr::Rel(Rel::Same), "same_time");
        }
        let soon = match (w, w1, w2) {
            ("shortly" | "soon", "afterwards" | "afterward" | "thereafter" | "after", _) => {
                Some((i + 2, 7))
            }
            ("not", "long", "after" | "afterwards") => Some((i + 3, 7)),
            ("immediately", "after" | "afterwards", _) | ("right", "after", _) => Some((i + 2, 1)),
            _ => None,
        };
        if let Some((e, hi)) = soon {
            let e = if self.w(e) == "that" { e + 1 } else { e };
            return m(
                e,
                TimeExpr::Rel(Rel::Shift {
                    lo: Dur::days(0),
                    hi: Dur::days(hi),
                }),
                "shortly_after",
            );
        }
        match w {
            "later" => {
                if matches!(
                    self.w(i + 1),
                    "date" | "stage" | "than" | "life" | "years" | "part" | "on"
                ) {
                    if self.w(i + 1) == "on" {
                        return m(i + 2, TimeExpr::Rel(Rel::Later), "later");
                    }
                    return None;
                }
                m(i + 1, TimeExpr::Rel(Rel::Later), "later")
            }
            "afterwards" | "afterward" | "subsequently" | "thereafter" | "eventually" => {
                m(i + 1, TimeExpr::Rel(Rel::Later), "later")
            }
            "after" if self.w(i + 1) == "that" && matches!(self.pu(i + 2), "," | "." | ";") => {
                m(i + 2, TimeExpr::Rel(Rel::Later), "later")
            }
            _ => None,
        }
    }

    /// A part prefix: (end, part).
    fn part_prefix(&self, i: usize) -> Option<(usize, Part, bool)> {
        // (words, part, is "the X of" form)
        let simple = match self.w(i) {
            "early" => Some(Part::Early),
            "mid" => Some(Part::Mid),
            "late" => Some(Part::Late),
            "end" if self.is_dash(i + 1) => Some(Part::Late),
            _ => None,
        };
        if let Some(p) = simple {
            let mut j = i + 1;
            if self.is_dash(j) {
                j += 1;
            } else if self.w(j) == "in" && self.w(j + 1) == "the" {
                // "early in the year" → handled via "the year"? keep simple
                return None;
            }
            return Some((j, p, false));
        }
        let j = if self.w(i) == "the" { i + 1 } else { i };
        let (k, p) = match (self.w(j), self.w(j + 1), self.w(j + 2)) {
            ("end" | "close", "of", _) => (j + 2, Part::Late),
            ("beginning" | "start" | "outset", "of", _) => (j + 2, Part::Early),
            ("middle", "of", _) => (j + 2, Part::Mid),
            ("first", "half", "of") => (j + 3, Part::FirstHalf),
            ("second" | "latter", "half", "of") => (j + 3, Part::SecondHalf),
            ("first", "week", "of") => (j + 3, Part::Week(1)),
            ("second", "week", "of") => (j + 3, Part::Week(2)),
            ("third", "week", "of") => (j + 3, Part::Week(3)),
            ("fourth", "week", "of") => (j + 3, Part::Week(4)),
            ("last" | "final", "week", "of") => (j + 3, Part::Week(5)),
            ("first", "days" | "few", "of") => (j + 3, Part::Early),
            ("last" | "final", "days", "of") => (j + 3, Part::Late),
            ("first", "few", "days") if self.w(j + 3) == "of" => (j + 4, Part::Early),
            ("last" | "final", "few", "days") if self.w(j + 3) == "of" => (j + 4, Part::Late),
            _ => return None,
        };
        Some((k, p, true))
    }

    fn part_rule(&self, i: usize) -> Option<M> {
        if !self.anchor_within(i, PART_REACH) {
            return None;
        }
        let (j, part, _) = self.part_prefix(i)?;
        let mut j = j;
        // "early on Tuesday", "late on Monday"
        if matches!(part, Part::Early | Part::Late) && self.w(j) == "on" {
            j += 1;
        }
        let x = self.core_no_part(j)?;
        let expr = apply_part(&x.expr, part)?;
        m(x.end, expr, x.rule)
    }

    /// "at around 6 p.m. Wednesday", "on the night of Oct. 9".
    fn clock_prefix(&self, i: usize) -> Option<M> {
        let j = if let Some(e) = self.at_clock(i, false) {
            let mut e = e;
            if self.pu(e) == "," {
                e += 1;
            }
            if self.w(e) == "on" {
                e += 1;
            }
            e
        } else {
            let mut j = i;
            if self.w(j) == "the" {
                j += 1;
            }
            if matches!(self.w(j), "early" | "late") {
                j += 1;
            }
            if !matches!(
                self.w(j),
                "morning" | "night" | "evening" | "afternoon" | "hours"
            ) || self.w(j + 1) != "of"
            {
                return None;
            }
            j + 2
        };
        let x = self.core(j)?;
        if !day_like(&x.expr) {
            return None;
        }
        m(x.end, x.expr, x.rule)
    }

    fn core_no_part(&self, i: usize) -> Option<M> {
        if !self.anchor_within(i, CORE_REACH) {
            return None;
        }
        let t = self.t.get(i)?;
        match t.kind {
            Kind::Punct => None,
            Kind::Num => {
                let mut best = self.iso(i);
                best = longest(best, self.day_first(i));
                best = longest(best, self.year_rule(i));
                best = longest(best, self.duration_rule(i));
                best = longest(best, self.clock_prefix(i));
                best
            }
            Kind::Word => {
                if t.upper && self.anchor_within(i, 1) {
                    if let Some(x) = longest(self.month_first(i), self.weekday_rule(i)) {
                        return Some(x);
                    }
                }
                let r = if self.gates {
                    // the rules whose anchor is so near (see `is_anchor`)
                    let reach = match self.ahead[i] {
                        0 | 1 => RULES,
                        2 => RULES & !(DAYF | WKD | DREL | YEAR),
                        3 => MISC | CLOCK | WITHIN | RECENT | DUR,
                        4 | 5 => WITHIN | RECENT | DUR,
                        6 => RECENT | DUR,
                        _ => DUR,
                    };
                    self.lex[i] & RULES & reach
                } else {
                    rules_for(self.w(i))
                };
                if r == 0 || !self.second_word_ok(i) {
                    return None;
                }
                let mut best = None;
                if r & DAYF != 0 {
                    best = longest(best, self.day_first(i));
                }
                if r & WKD != 0 {
                    best = longest(best, self.weekday_rule(i));
                }
                if r & DREL != 0 {
                    best = longest(best, self.day_rel(i));
                }
                if r & UREL != 0 {
                    best = longest(best, self.unit_rel(i));
                }
                if r & YEAR != 0 {
                    best = longest(best, self.year_rule(i));
                }
                if r & SEASON != 0 {
                    best = longest(best, self.season_rule(i));
                }
                if r & DUR != 0 {
                    best = longest(best, self.duration_rule(i));
                }
                if r & WITHIN != 0 {
                    best = longest(best, self.within_rule(i));
                }
                if r & RECENT != 0 {
                    best = longest(best, self.recent_rule(i));
                }
                if r & PRESENT != 0 {
                    best = longest(best, self.present_rule(i));
                }
                if r & MISC != 0 {
                    best = longest(best, self.rel_misc(i));
                }
                if r & CLOCK != 0 {
                    best = longest(best, self.clock_prefix(i));
                }
                best
            }
        }
    }

    fn core(&self, i: usize) -> Option<M> {
        if !self.anchor_within(i, PART_REACH) || !self.may_core(i) {
            return None;
        }
        let slot = i % MEMO;
        {
            let memo = self.memo.borrow();
            if memo[slot].0 == i {
                return memo[slot].1.clone();
            }
        }
        let r = self.core_uncached(i);
        self.memo.borrow_mut()[slot] = (i, r.clone());
        r
    }

    fn core_uncached(&self, i: usize) -> Option<M> {
        let a = self.core_no_part(i);
        if matches!(
            self.w(i),
            "early"
                | "mid"
                | "late"
                | "end"
                | "the"
                | "beginning"
                | "start"
                | "middle"
                | "first"
                | "last"
                | "close"
        ) {
            return longest(a, self.part_rule(i));
        }
        a
    }

    /// A core expression, joined with a second one by "and", "or", "to",
    /// "through", "until" or a dash into a span.
    fn merged(&self, i: usize) -> Option<M> {
        if !self.anchor_within(i, PART_REACH) || !self.may_core(i) {
            return None;
        }
        let mut x = self.core(i)?;
        if !mergeable(&x.expr) {
            return Some(x);
        }
        for _ in 0..3 {
            let c = x.end;
            let conn = if self.is_dash(c) { "-" } else { self.w(c) };
            if !matches!(
                conn,
                "and" | "or" | "to" | "through" | "until" | "till" | "-" | "&" | "into"
            ) {
                break;
            }
            let mut k = c + 1;
            if matches!(self.w(k), "on" | "in" | "during") {
                k += 1;
            }
            if matches!(conn, "to" | "until" | "till" | "through") {
                if let Some(p) = self
                    .present_rule(k)
                    .or_else(|| self.day_rel(k).filter(|d| d.expr == TimeExpr::DayOffset(0)))
                {
                    x = M {
                        end: p.end,
                        expr: TimeExpr::Span(Box::new(x.expr), Box::new(TimeExpr::Present)),
                        rule: "span",
                    };
                    break;
                }
            }
            let y = match self.core(k) {
                Some(y) if mergeable(&y.expr) => y,
                _ => break,
            };
            let a = inherit_year(x.expr, &y.expr);
            x = M {
                end: y.end,
                expr: TimeExpr::Span(Box::new(a), Box::new(y.expr)),
                rule: "span",
            };
        }
        Some(x)
    }

    /// `follows(w(i), w(i + 1))`, or a number at `i + 1`, from the [`lex`]
    /// flags of the two tokens: `OPENS` names the list of `follows` that
    /// word `i` heads (none: any word follows), `FOLLOWS` the lists word
    /// `i + 1` is in.
    fn second_word_ok(&self, i: usize) -> bool {
        if !self.gates {
            return self.num(i + 1).is_some() || follows(self.w(i), self.w(i + 1));
        }
        second_ok(self.lex[i], self.lex.get(i + 1).copied().unwrap_or(0))
    }

    /// A cheap test: can an expression start at token `i`? (`top` is
    /// tried only there.)
    fn can_start(&self, i: usize) -> bool {
        self.lex[i] & START != 0
    }

    /// `can_start` from the words themselves (the plain reading).
    fn can_start_plain(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.kind {
            Kind::Punct => false,
            Kind::Num => true,
            Kind::Word => {
                let w = &self.lc[t.start..t.end];
                rules_for(w) != 0
                    || (t.upper && (month_word(w).is_some() || weekday_word(w).is_some()))
                    || prefix_word(w)
            }
        }
    }

    /// A necessary condition for `top(i)`: `merged(i)` needs `may_core(i)`,
    /// and every other form opens with one of `top`'s prefix words.
    fn may_top(&self, i: usize) -> bool {
        self.lex[i] & TOP != 0 || self.may_core(i)
    }

    /// A necessary condition for `core(i)`, from the token's [`lex`] flags
    /// and the next one's (`second_word_ok`): `core_no_part` needs a number, an
    /// upper-case month or weekday name (`month_first`, `weekday_rule`), or
    /// a word with rules that `second_word_ok` lets through; `part_rule`
    /// needs a part word, and after "the" one of the words that
    /// `second_word_ok` lets through after "the" as well.
    fn may_core(&self, i: usize) -> bool {
        if !self.gates {
            return true;
        }
        let Some(&f) = self.lex.get(i) else {
            return false;
        };
        if f & (NUM | NAME | PART) != 0 {
            return true;
        }
        f & RULES != 0 && self.second_word_ok(i)
    }

    /// Prefixed forms and bare ones; the longest wins.
    fn top(&self, i: usize) -> Option<M> {
        if !self.anchor_within(i, TOP_REACH) {
            return None;
        }
        let t = self.t.get(i)?;
        if t.kind == Kind::Punct {
            return None;
        }
        let mut best = self.merged(i);
        // `TOP` flags exactly the words of the arms below (`lex_word`)
        if self.gates && self.lex[i] & TOP == 0 {
            return best;
        }
        let w = self.w(i);
        match w {
            "since" | "ever" => {
                let j = if w == "ever" {
                    if self.w(i + 1) != "since" {
                        return best;
                    }
                    i + 2
                } else {
                    i + 1
                };
                if self.w(j) == "then" {
                    return longest(best, m(j + 1, TimeExpr::Rel(Rel::SinceThen), "since_then"));
                }
                if let Some(x) = self.merged(j) {
                    if mergeable(&x.expr)
                        || matches!(
                            x.expr,
                            TimeExpr::Rel(Rel::Same | Rel::Unit { .. })
                                | TimeExpr::Ago { .. }
                                | TimeExpr::AgoRange { .. }
                        )
                    {
                        best = longest(best, m(x.end, TimeExpr::Since(Box::new(x.expr)), "since"));
                    }
                } else if w == "ever" && !matches!(self.t.get(j).map(|t| t.kind), Some(Kind::Word))
                {
                    best = longest(best, m(j, TimeExpr::Rel(Rel::SinceThen), "since_then"));
                }
            }
            "last" | "next" | "this" | "past" if self.month(i + 1).is_some() => {
                // "last April": the month rule read "last" as its context.
                if let Some(x) = self.merged(i + 1) {
                    if matches!(x.expr, TimeExpr::Month { .. }) {
                        best = longest(best, Some(x));
                    }
                }
            }
            // "by Oct. 20", "before the end of the month": a deadline
            "by" | "before" => {
                if w == "by" && self.w(i + 1) == "now" {
                    return longest(best, m(i + 2, TimeExpr::Present, "present"));
                }
                if let Some(x) = self.merged(i + 1) {
                    if mergeable(&x.expr) || matches!(x.expr, TimeExpr::Weekend { .. }) {
                        let mut e = x.end;
                        let k = if self.pu(e) == "," { e + 1 } else { e };
                        if let Some(e2) = self.words(k, &["at", "the", "latest"]) {
                            e = e2;
                        }
                        best =
                            longest(best, m(e, TimeExpr::Deadline(Box::new(x.expr)), "deadline"));
                    }
                }
            }
            "as" => {
                let (j, since) = if let Some(j) = self
                    .words(i, &["as", "of"])
                    .or_else(|| self.words(i, &["as", "at"]))
                {
                    (j, false)
                } else if let Some(j) = self
                    .words(i, &["as", "late", "as"])
                    .or_else(|| self.words(i, &["as", "recently", "as"]))
                {
                    (j, true)
                } else if let Some(j) = self.words(i, &["as", "early", "as"]) {
                    (j, false)
                } else {
                    return best;
                };
                if matches!(self.w(j), "now" | "today") {
                    return longest(best, m(j + 1, TimeExpr::Present, "present"));
                }
                if let Some(x) = self.merged(j) {
                    if since {
                        best = longest(best, m(x.end, TimeExpr::Since(Box::new(x.expr)), "since"));
                    } else {
                        best = longest(best, Some(M { end: x.end, ..x }));
                    }
                }
            }
            "until" | "till" | "through" | "throughout" | "on" | "in" | "during" | "at"
            | "around" | "about" | "from" | "between" | "over" | "circa" | "up" | "starting"
            | "beginning" => {
                let mut j = i + 1;
                if w == "up" {
                    if !matches!(self.w(j), "to" | "until" | "till") {
                        return best;
                    }
                    j += 1;
                }
                if matches!(w, "starting" | "beginning")
                    && matches!(self.w(j), "in" | "on" | "from")
                {
                    j += 1;
                }
                if matches!(w, "until" | "till") && matches!(self.w(j), "now" | "today") {
                    return longest(best, m(j + 1, TimeExpr::Present, "present"));
                }
                if let Some(x) = self.merged(j) {
                    let ok = match w {
                        "starting" | "beginning" => {
                            best = longest(
                                best,
                                m(x.end, TimeExpr::Since(Box::new(x.expr.clone())), "since"),
                            );
                            false
                        }
                        _ => true,
                    };
                    if ok {
                        best = longest(best, Some(x));
                    }
                }
            }
            _ => {}
        }
        best
    }
}

const DAYF: u32 = 1;
const WKD: u32 = 1 << 1;
const DREL: u32 = 1 << 2;
const UREL: u32 = 1 << 3;
const YEAR: u32 = 1 << 4;
const SEASON: u32 = 1 << 5;
const DUR: u32 = 1 << 6;
const WITHIN: u32 = 1 << 7;
const RECENT: u32 = 1 << 8;
const PRESENT: u32 = 1 << 9;
const MISC: u32 = 1 << 10;
const CLOCK: u32 = 1 << 11;
/// The rule bits above.
const RULES: u32 = (1 << 12) - 1;
/// [`lex`]: a number.
const NUM: u32 = 1 << 12;
/// [`lex`]: an upper-case month or weekday name.
const NAME: u32 = 1 << 13;
/// [`lex`]: a part word that opens `part_prefix` on its own ("early",
/// "end", "the" left out: see `P::may_core`).
const PART: u32 = 1 << 14;
/// [`lex`]: another word `can_start` lets through ("since", "as", "on").
const PREFIX: u32 = 1 << 15;
/// [`lex`]: a word `top` reads as a prefix ("since", "by", "in").
const TOP: u32 = 1 << 16;
/// [`lex`]: a unit word of `unit_word` ("days", "fortnight").
const UNIT: u32 = 1 << 27;
/// [`lex`]: a word of `ANCHOR_WORDS`.
const ANCHOR: u32 = 1 << 28;

/// The words that, with numbers, the upper-case month and weekday names
/// and the unit words, anchor an expression ([`is_anchor`]): every form
/// holds one of them near its start.
#[rustfmt::skip]
const ANCHOR_WORDS: &[&str] = &[
    "yesterday", "today", "tonight", "tomorrow", "night", "evening", "morning", "afternoon",
    "date", "time", "point", "weekend", "eve", "spring", "summer", "autumn", "fall", "winter",
    "recently", "lately", "recent", "now", "currently", "presently", "still", "nowadays",
    "present", "later", "earlier", "afterwards", "afterward", "subsequently", "thereafter",
    "eventually", "then", "after", "since", "noon", "midnight", "midday", "dawn", "daybreak",
    "dusk",
];

/// A token every expression holds near its start: a number, an
/// upper-case month or weekday name, a unit word, a word of
/// `ANCHOR_WORDS`. How near, from the rules (`P::anchor_within`):
///
/// - [`CORE_REACH`]: `core_no_part` at token `i` matches only with an
///   anchor among tokens `i..=i + 7`. A number starts its number rules; a
///   month name starts `month_first`, a weekday name is at most one token
///   in (`weekday_rule`: "last Monday"); `day_first` has its number within
///   one ("the 9th"), `day_rel` its day word within one ("the day before
///   yesterday", "last night"), `unit_rel` its unit word within two ("the
///   same day", "this past week"; "earlier"/"later" are anchors
///   themselves), `year_rule` its number or "year" within one, and
///   `season_rule` its season within two ("this past summer").
///   `duration_rule` reads at most four words of approximation ("a little
///   more than") and three of amount ("a couple of") before its unit word
///   (seven), or has a day word within two ("the next day", "the eve");
///   `within_rule` its unit within five, `recent_rule` within six ("over
///   the last couple of weeks") or "recent"/"recently" within one;
///   `present_rule` within two ("at the moment", "these days"),
///   `rel_misc` within three ("at the same time", "not long after", "by
///   then", "later"), and `clock_prefix` a number or "noon" within three
///   ("at around after 6") or "morning" within two. `core_no_part` tries
///   a rule only when an anchor is within its reach.
/// - [`PART_REACH`]: `part_rule` reads a part prefix of at most four
///   tokens ("the first half of", "the first few of") and an "on", then
///   `core_no_part` (five and seven).
/// - [`TOP_REACH`]: `top` reads at most three prefix words ("as late as",
///   "up to", "starting in") before `merged`, whose match is `core`'s
///   (`core_no_part` or `part_rule`), or has "then", "since", "now",
///   "today" within three ("since then", "ever since", "as of now").
fn is_anchor(f: u32) -> bool {
    f & (NUM | NAME | UNIT | ANCHOR) != 0
}
const CORE_REACH: usize = 7;
const PART_REACH: usize = 5 + CORE_REACH;
const TOP_REACH: usize = 3 + PART_REACH;
/// [`lex`]: the flags of a token an expression can start at.
const START: u32 = RULES | NUM | NAME | PART | PREFIX;
/// [`lex`]: which list of [`follows`] the word heads, one bit a list (the
/// heads of each list in `FOLLOW_HEADS`); none for a word any word follows.
const OPENS_SHIFT: u32 = 17;
const OPENS: u32 = 0x1f << OPENS_SHIFT;
/// [`lex`]: the lists of [`follows`] the word is in (bits as in `OPENS`).
const FOLLOWS_SHIFT: u32 = 22;
const FOLLOWS: u32 = 0x1f << FOLLOWS_SHIFT;
/// `follows(w, n)` (or `n` a number) from the [`lex`] flags of the two.
#[inline]
fn second_ok(w: u32, n: u32) -> bool {
    let need = (w & OPENS) >> OPENS_SHIFT;
    need == 0 || n & NUM != 0 || (n & FOLLOWS) >> FOLLOWS_SHIFT & need != 0
}

/// The words of the lists of [`follows`] (the test `lex_words_cover_lex`
/// checks this list against it).
#[rustfmt::skip]
const FOLLOW_WORDS: &[&str] = &[
    "day", "night", "morning", "evening", "afternoon", "past", "last", "previous", "following",
    "next", "same", "eve", "week", "month", "year", "weekend", "coming", "spring", "summer",
    "autumn", "fall", "winter", "early", "late", "end", "beginning", "start", "middle", "first",
    "second", "latter", "third", "fourth", "final", "close", "outset", "small", "hours", "few",
    "couple", "number", "fortnight", "little", "hour", "minute", "moment", "recent", "the",
    "this", "present", "that", "around", "about", "approximately", "roughly", "some", "just",
    "noon", "midnight", "midday", "dawn", "daybreak", "dusk", "then",
];

/// The words that head each list of [`follows`], in the bit order of
/// `OPENS` and `FOLLOWS`.
const FOLLOW_HEADS: [&[&str]; 5] = [
    &["the"],
    &["a", "an"],
    &["in", "for", "during", "throughout"],
    &["at"],
    &["by"],
];

/// A cheap test on the word after the commonest openers ("the", "a",
/// "in", "at", "by") before any rule runs: can `n` follow `w` in a match?
/// (Any word follows another opener.)
fn follows(w: &str, n: &str) -> bool {
    match w {
        "the" => matches!(
            n,
            "day"
                | "night"
                | "morning"
                | "evening"
                | "afternoon"
                | "past"
                | "last"
                | "previous"
                | "following"
                | "next"
                | "same"
                | "eve"
                | "week"
                | "month"
                | "year"
                | "weekend"
                | "coming"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "early"
                | "late"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "first"
                | "second"
                | "latter"
                | "third"
                | "fourth"
                | "final"
                | "close"
                | "outset"
                | "small"
                | "hours"
        ),
        "a" | "an" => matches!(
            n,
            "few"
                | "couple"
                | "number"
                | "day"
                | "week"
                | "month"
                | "year"
                | "fortnight"
                | "little"
                | "night"
                | "hour"
                | "minute"
                | "moment"
        ),
        "in" | "for" | "during" | "throughout" => {
            matches!(n, "recent" | "the" | "past" | "last" | "this")
        }
        "at" => matches!(
            n,
            "present"
                | "the"
                | "this"
                | "that"
                | "around"
                | "about"
                | "approximately"
                | "roughly"
                | "some"
                | "just"
                | "noon"
                | "midnight"
                | "midday"
                | "dawn"
                | "daybreak"
                | "dusk"
        ),
        "by" => matches!(n, "then" | "that"),
        _ => true,
    }
}

/// What the grammar knows of a token, computed once: its `rules_for` bits
/// and the flags above; 0 for a token no expression starts at.
#[inline(always)]
fn lex(t: &Tok, lc: &str, table: &LexTable) -> u32 {
    match t.kind {
        Kind::Punct => 0,
        Kind::Num => NUM,
        Kind::Word => table.get(lc.as_bytes(), t.start, t.end, t.upper),
    }
}

/// Words an expression may start with before its core ("since", "early",
/// "between", "up" of "up to").
fn prefix_word(w: &str) -> bool {
    matches!(
        w,
        "since"
            | "ever"
            | "as"
            | "on"
            | "before"
            | "from"
            | "between"
            | "circa"
            | "up"
            | "starting"
            | "beginning"
            | "early"
            | "mid"
            | "late"
            | "end"
            | "start"
            | "middle"
            | "first"
            | "close"
    )
}

/// [`lex`] of a (lower-case) word: its rules and flags.
fn lex_word(w: &str, upper: bool) -> u32 {
    let mut f = rules_for(w);
    if upper && (month_word(w).is_some() || weekday_word(w).is_some()) {
        f |= NAME;
    }
    if matches!(
        w,
        "early"
            | "mid"
            | "late"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "first"
            | "last"
            | "close"
    ) {
        f |= PART;
    }
    if prefix_word(w) {
        f |= PREFIX;
    }
    if matches!(
        w,
        "since"
            | "ever"
            | "last"
            | "next"
            | "this"
            | "past"
            | "by"
            | "before"
            | "as"
            | "until"
            | "till"
            | "through"
            | "throughout"
            | "on"
            | "in"
            | "during"
            | "at"
            | "around"
            | "about"
            | "from"
            | "between"
            | "over"
            | "circa"
            | "up"
            | "starting"
            | "beginning"
    ) {
        f |= TOP;
    }
    if unit_word(w).is_some() {
        f |= UNIT;
    }
    if ANCHOR_WORDS.contains(&w) {
        f |= ANCHOR;
    }
    for (k, heads) in FOLLOW_HEADS.iter().enumerate() {
        if heads.contains(&w) {
            f |= 1 << (OPENS_SHIFT + k as u32);
        }
        if follows(heads[0], w) {
            f |= 1 << (FOLLOWS_SHIFT + k as u32);
        }
    }
    f
}

/// The rules that can start at a (lower-case) word; 0 for most words.
/// Every word `rules_for` knows (the test `rule_words_cover_rules_for`
/// checks this list against the `match` below).
#[rustfmt::skip]
const RULE_WORDS: &[&str] = &[
    "the", "last", "this", "next", "past", "coming", "previous", "that", "yesterday", "today",
    "tonight", "tomorrow", "earlier", "later", "spring", "summer", "autumn", "fall", "winter", "a",
    "an", "few", "several", "more", "over", "less", "nearly", "almost", "close", "about", "around",
    "roughly", "approximately", "some", "just", "days", "weeks", "months", "years", "hours",
    "minutes", "moments", "nights", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "within", "recently",
    "lately", "most", "only", "very", "in", "during", "for", "throughout", "now", "currently",
    "presently", "still", "nowadays", "these", "right", "at", "by", "until", "till", "shortly",
    "soon", "not", "immediately", "afterwards", "afterward", "subsequently", "thereafter",
    "eventually", "after", "noon", "midnight", "midday", "dawn", "daybreak", "dusk",
];

/// The other words [`lex`] flags: the month and weekday names of
/// `month_word` and `weekday_word`, and its part and prefix words (the test
/// `lex_words_cover_lex` checks this list against those functions).
#[rustfmt::skip]
const NAME_PART_PREFIX_WORDS: &[&str] = &[
    "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun",
    "july", "jul", "august", "aug", "september", "sept", "sep", "october", "oct", "november",
    "nov", "december", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "early", "mid", "late", "end", "beginning", "start", "middle", "first", "last",
    "close", "since", "ever", "as", "on", "from", "between", "circa", "up", "starting", "through", "throughout", "during", "around", "about", "over", "until", "till",
    "by", "in", "at", "this", "next", "past", "before",
];

/// [`lex_word`] of every word it flags (those of `RULE_WORDS` and
/// `NAME_PART_PREFIX_WORDS`), in an open-addressing table keyed by the
/// word's bytes packed into a `u128` (words are at most 16 bytes long and
/// hold no zero byte, so the key is the word): one probe for most words,
/// where a chain of `match`es would compare most words of a text many times.
pub(crate) struct LexTable {
    /// (key, flags of the word, flags of the word upper-case first); key 0
    /// is an empty slot.
    slots: Box<[(u128, u32, u32); LEX_SLOTS]>,
}

const LEX_SLOTS: usize = 1 << 10;

static LEX_TABLE: std::sync::LazyLock<LexTable> = std::sync::LazyLock::new(|| {
    let mut slots = Box::new([(0u128, 0u32, 0u32); LEX_SLOTS]);
    for w in LEX_WORDS.iter().flat_map(|l| l.iter()) {
        let k = pack(w.as_bytes()).expect("a short word");
        let mut i = lex_slot(k);
        while slots[i].0 != 0 && slots[i].0 != k {
            i = (i + 1) % LEX_SLOTS;
        }
        slots[i] = (k, lex_word(w, false), lex_word(w, true));
    }
    LexTable { slots }
});

/// The words of [`LEX_TABLE`].
const LEX_WORDS: [&[&str]; 4] = [
    RULE_WORDS,
    NAME_PART_PREFIX_WORDS,
    FOLLOW_WORDS,
    ANCHOR_WORDS,
];

/// By the first and the last byte of a word (their low five bits), bit `n`
/// is set when a word of [`LEX_TABLE`] so made is `n` bytes long: most
/// words of a text fail this one test and skip the table.
const LEX_GATE: [[u32; 32]; 32] = {
    let mut g = [[0u32; 32]; 32];
    let mut l = 0;
    while l < LEX_WORDS.len() {
        let mut k = 0;
        while k < LEX_WORDS[l].len() {
            let w = LEX_WORDS[l][k].as_bytes();
            g[(w[0] & 31) as usize][(w[w.len() - 1] & 31) as usize] |= 1 << w.len();
            k += 1;
        }
        l += 1;
    }
    g
};

/// A word's bytes as a little-endian `u128`; `None` beyond 16 bytes.
fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

fn lex_slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (x.wrapping_mul(0x517c_c1b7_2722_0a95) >> (64 - LEX_SLOTS.trailing_zeros())) as usize
}

impl LexTable {
    /// [`lex_word`] of the word `b[start..end]` (upper-case first or not).
    #[inline(always)]
    fn get(&self, b: &[u8], start: usize, end: usize, upper: bool) -> u32 {
        let len = end - start;
        if len == 0
            || len > 16
            || LEX_GATE[usize::from(b[start] & 31)][usize::from(b[end - 1] & 31)] & (1 << len) == 0
        {
            return 0;
        }
        let k = if let Some(raw) = b.get(start..start + 16) {
            // One load: the 16 bytes from the word's start, cut to its length.
            let raw = u128::from_le_bytes(raw.try_into().unwrap());
            if len == 16 {
                raw
            } else {
                raw & ((1u128 << (8 * len)) - 1)
            }
        } else {
            match pack(&b[start..end]) {
                Some(k) => k,
                None => return 0,
            }
        };
        let mut i = lex_slot(k);
        loop {
            let (key, lower, up) = self.slots[i];
            if key == k {
                return if upper { up } else { lower };
            }
            if key == 0 {
                return 0;
            }
            i = (i + 1) % LEX_SLOTS;
        }
    }
}

/// For each ASCII first byte, bit `n` is set when a word of `words` starts
/// with that byte and is `n` bytes long: most words of a text fail this
/// one test and skip the `match`es behind it.
const fn gate_of(words: &[&[&str]]) -> [u32; 128] {
    let mut g = [0u32; 128];
    let mut l = 0;
    while l < words.len() {
        let mut k = 0;
        while k < words[l].len() {
            let w = words[l][k].as_bytes();
            g[w[0] as usize] |= 1 << w.len();
            k += 1;
        }
        l += 1;
    }
    g
}

const RULE_GATE: [u32; 128] = gate_of(&[RULE_WORDS]);

/// Can `w` be one of the words `g` was made of? (Never false for one.)
#[inline]
fn gate(g: &[u32; 128], w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        Some(&c) if c < 0x80 && b.len() < 32 => g[c as usize] & (1 << b.len()) != 0,
        _ => false,
    }
}

/// Can `w` be a word of `RULE_WORDS`? (Never false for one of them.)
#[inline]
fn maybe_rule_word(w: &str) -> bool {
    gate(&RULE_GATE, w)
}

fn rules_for(w: &str) -> u32 {
    if !maybe_rule_word(w) {
        return 0;
    }
    match w {
        "the" => DAYF | DREL | UREL | YEAR | SEASON | DUR | RECENT | MISC | CLOCK,
        "last" | "this" | "next" | "past" | "coming" => WKD | DREL | UREL | SEASON,
        "previous" => UREL,
        "that" => UREL | MISC,
        "yesterday" | "today" | "tonight" | "tomorrow" => DREL,
        "earlier" | "later" => DREL | UREL | MISC,
        "spring" | "summer" | "autumn" | "fall" | "winter" => SEASON,
        "a" | "an" | "few" | "several" | "more" | "over" | "less" | "nearly" | "almost"
        | "close" => DUR,
        "about" | "around" | "roughly" | "approximately" | "some" => DUR | CLOCK,
        "just" => DUR | RECENT,
        "days" | "weeks" | "months" | "years" | "hours" | "minutes" | "moments" | "nights" => DUR,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        | "eleven" | "twelve" | "thirteen" | "fourteen" | "fifteen" | "sixteen" | "seventeen"
        | "eighteen" | "nineteen" | "twenty" | "thirty" | "forty" | "fifty" | "sixty" => DUR,
        "within" => WITHIN | RECENT,
        "recently" | "lately" | "most" | "only" | "very" => RECENT,
        "in" | "during" | "for" | "throughout" => RECENT,
        "now" | "currently" | "presently" | "still" | "nowadays" | "these" => PRESENT,
        "right" => PRESENT | MISC,
        "at" => PRESENT | MISC | CLOCK,
        "by" | "until" | "till" | "shortly" | "soon" | "not" | "immediately" | "afterwards"
        | "afterward" | "subsequently" | "thereafter" | "eventually" => MISC,
        "after" => MISC | CLOCK,
        "noon" | "midnight" | "midday" | "dawn" | "daybreak" | "dusk" => CLOCK,
        _ => 0,
    }
}

/// Every time expression in `text`, in order, not overlapping.
pub(crate) fn find(text: &str, lc: &str) -> Vec<TimeMention> {
    find_with(text, lc, true)
}

/// [`find`], with or without the shortcuts (`P::gates`).
fn find_with(text: &str, lc: &str, gates: bool) -> Vec<TimeMention> {
    let (toks, lex) = tokens(text, lc);
    parse(text, lc, &toks, &lex, gates)
}

/// The tokens of `text` and their [`lex`] flags.
pub(crate) fn tokens(text: &str, lc: &str) -> (Vec<Tok>, Vec<u32>) {
    let mut toks = Vec::with_capacity(text.len() / 4 + 8);
    tokenize(text, &mut toks);
    let table = &*LEX_TABLE;
    for t in &mut toks {
        t.lex = lex(t, lc, table);
    }
    let lex = toks.iter().map(|t| t.lex).collect();
    (toks, lex)
}

/// The [`lex`] flags of every word [`LEX_TABLE`] knows, lower-case and
/// upper-case first: another tokenizer that looks its words up anyway
/// reads them in the same look-up ([`find_shared`]).
pub(crate) fn lex_entries() -> impl Iterator<Item = (&'static str, u32, u32)> {
    LEX_WORDS
        .iter()
        .flat_map(|l| l.iter())
        .map(|w| (*w, lex_word(w, false), lex_word(w, true)))
}

/// The tokens of [`find`], made alongside another tokenizer's pass over
/// the same text ([`find_shared`]): that tokenizer hands over each of its
/// tokens, in order, as a word of ASCII letters with its [`lex`] flags
/// ([`Shared::word`]), a punctuation mark ([`Shared::punct`]), another
/// token without an ASCII digit ([`Shared::piece`]) or anything else
/// ([`Shared::other`]). Its tokens hold no white space, only white space
/// lies between them, and they cover every other character.
///
/// Its words of ASCII letters and its punctuation marks are this
/// tokenizer's tokens too, and a word's [`lex`] flags come with it, a piece
/// is cut here on its own, when their chunk (the text between two runs of
/// white space) holds nothing else: this tokenizer cuts such a chunk the
/// same (a word is a run of letters, punctuation a character of its own,
/// only a number, which needs a digit, reaches across the other's
/// tokens), and white space lies before its first token only. Any other
/// chunk is tokenized anew ([`tokenize_range`]). The test `quantity::props::shared_time_tokens`
/// compares the two.
pub(crate) struct Shared<'t> {
    text: &'t str,
    lc: &'t str,
    /// The tokens, each with its [`lex`] flags (`Tok::lex`: one vector to
    /// add to a token, not two; [`Shared::finish`] reads them off).
    toks: Vec<Tok>,
    /// The chunk: its first token here, its start and end in the text,
    /// and whether it is to be tokenized anew.
    chunk_tok: usize,
    chunk_start: usize,
    chunk_end: usize,
    other: bool,
}

impl<'t> Shared<'t> {
    pub(crate) fn new(text: &'t str, lc: &'t str) -> Self {
        Shared {
            text,
            lc,
            toks: Vec::with_capacity(text.len() / 4 + 8),
            chunk_tok: 0,
            chunk_start: 0,
            chunk_end: usize::MAX,
            other: false,
        }
    }

    /// Steps to the token `s..e`: is it to be kept (its chunk is not to be
    /// tokenized anew), and is it the first of its chunk?
    #[inline(always)]
    fn step(&mut self, s: usize, e: usize) -> (bool, bool) {
        let first = s != self.chunk_end;
        if first {
            self.close();
            self.chunk_tok = self.toks.len();
            self.chunk_start = s;
        }
        self.chunk_end = e;
        (!self.other, first)
    }

    /// The chunk ends: tokenized anew if it holds another token.
    #[inline(always)]
    fn close(&mut self) {
        if self.other {
            self.other = false;
            self.redo();
        }
    }

    #[inline(never)]
    fn redo(&mut self) {
        let k = self.chunk_tok;
        self.toks.truncate(k);
        tokenize_range(
            self.text,
            self.chunk_start,
            self.chunk_end,
            true,
            &mut self.toks,
        );
        self.read_lex(k);
    }

    /// The [`lex`] flags of the tokens from `k` on, cut here.
    fn read_lex(&mut self, k: usize) {
        let (lc, table) = (self.lc, &*LEX_TABLE);
        for t in &mut self.toks[k..] {
            t.lex = lex(t, lc, table);
        }
    }

    /// A word of ASCII letters at `s..e` (its first upper case or not), and
    /// its [`lex`] flags.
    #[inline(always)]
    pub(crate) fn word(&mut self, s: usize, e: usize, upper: bool, flags: u32) {
        let (keep, first) = self.step(s, e);
        if keep {
            self.toks.push(Tok {
                lex: flags,
                ..super::token::word(s, e, upper, first)
            });
        }
    }

    /// A punctuation mark at `s..e`: one character, neither a letter nor
    /// white space.
    #[inline(always)]
    pub(crate) fn punct(&mut self, s: usize, e: usize) {
        let (keep, first) = self.step(s, e);
        if keep {
            self.toks.push(super::token::punct(s, e, first));
        }
    }

    /// A token at `s..e` that holds no ASCII digit: no token here reaches
    /// across its ends (a word is a run of letters, which the other
    /// tokenizer does not cut, and a number needs a digit), so it is
    /// tokenized on its own.
    #[inline(never)]
    pub(crate) fn piece(&mut self, s: usize, e: usize) {
        let (keep, first) = self.step(s, e);
        if keep {
            let k = self.toks.len();
            tokenize_range(self.text, s, e, first, &mut self.toks);
            self.read_lex(k);
        }
    }

    /// Any other token at `s..e`.
    #[inline(always)]
    pub(crate) fn other(&mut self, s: usize, e: usize) {
        self.step(s, e);
        self.other = true;
    }

    /// The tokens and their [`lex`] flags.
    pub(crate) fn finish(mut self) -> (Vec<Tok>, Vec<u32>) {
        self.close();
        let lex = self.toks.iter().map(|t| t.lex).collect();
        (self.toks, lex)
    }
}

/// [`find`], from the tokens of [`Shared`].
pub(crate) fn find_shared(shared: Shared) -> Vec<TimeMention> {
    let (text, lc) = (shared.text, shared.lc);
    let (toks, lex) = shared.finish();
    parse(text, lc, &toks, &lex, true)
}

/// The time expressions of a text, to be read later: the tokens of
/// [`Shared`], or what was found another way. (The pipeline cuts the
/// tokens in one pass with the quantity dimension's, and runs the grammar
/// over a batch of texts after that pass: one large body of code at a
/// time stays in the instruction cache.)
#[derive(Debug, Clone)]
pub(crate) enum Pending {
    Tokens(Vec<Tok>, Vec<u32>),
    Found(Vec<TimeMention>),
}

impl Pending {
    /// The tokens of [`Shared`], not parsed yet.
    pub(crate) fn of(shared: Shared) -> Self {
        let (toks, lex) = shared.finish();
        Pending::Tokens(toks, lex)
    }

    /// What [`find_shared`] finds, `text` and `lc` the texts of the
    /// [`Shared`] the tokens came from.
    pub(crate) fn find(self, text: &str, lc: &str) -> Vec<TimeMention> {
        match self {
            Pending::Tokens(toks, lex) => parse(text, lc, &toks, &lex, true),
            Pending::Found(found) => found,
        }
    }
}

/// The grammar over the tokens of `text` and their [`lex`] flags.
fn parse(text: &str, lc: &str, toks: &[Tok], lex: &[u32], gates: bool) -> Vec<TimeMention> {
    let mut ahead = vec![0u8; lex.len()];
    let mut d = u8::MAX;
    for (a, &f) in ahead.iter_mut().zip(lex).rev() {
        d = if is_anchor(f) { 0 } else { d.saturating_add(1) };
        *a = d;
    }
    let p = P {
        t: toks,
        text,
        lc,
        lex,
        ahead,
        memo: RefCell::new(std::array::from_fn(|_| (usize::MAX, None))),
        gates,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if gates {
            // most tokens start nothing: a tight scan to the next that may
            match lex[i..].iter().position(|&f| f & START != 0) {
                Some(k) => i += k,
                None => break,
            }
        }
        let start = if gates {
            p.can_start(i) && p.may_top(i)
        } else {
            p.can_start_plain(i)
        };
        if !start {
            i += 1;
            continue;
        }
        if let Some(x) = p.top(i) {
            if x.end > i && x.end <= toks.len() {
                out.push(TimeMention {
                    start: toks[i].start,
                    end: toks[x.end - 1].end,
                    rule: x.rule,
                    expr: x.expr,
                });
                i = x.end;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod rule_gate {
    use super::*;
    use proptest::prelude::*;

    /// Every word of the `match` in `rules_for` (read from this source file)
    /// passes the gate, and every word of the list has rules.
    #[test]
    fn rule_words_cover_rules_for() {
        let src = include_str!("parse.rs");
        let a = src.find("fn rules_for(w: &str) -> u32 {").unwrap();
        let body = &src[a..];
        let body = &body[..body.find("\n}\n").unwrap()];
        let mut n = 0;
        for (k, part) in body.split('"').enumerate() {
            if k % 2 == 1 {
                assert!(maybe_rule_word(part), "{part:?} fails the gate");
                assert!(RULE_WORDS.contains(&part), "{part:?} missing");
                n += 1;
            }
        }
        assert_eq!(n, RULE_WORDS.len());
        for w in RULE_WORDS {
            assert_ne!(rules_for(w), 0, "{w:?}");
        }
    }

    /// The longest openings the shortcuts allow for, with and without them.
    #[test]
    fn longest_forms_same_as_plain() {
        for text in [
            "a little more than a couple of days later",
            "a little more than a number of weeks ago",
            "Just over a couple of months later",
            "about a couple of years before",
            "within just a couple of days",
            "over the past a couple of weeks",
            "up to the end of the first half of the year",
            "as late as a little more than a couple of days later",
            "as early as the first few of on last Monday",
            "the first few of on last Monday",
            "at around 6 p.m. Wednesday",
            "within just a couple of weeks",
        ] {
            let lc = text.to_ascii_lowercase();
            let plain = find_with(text, &lc, false);
            assert!(!plain.is_empty(), "{text:?}");
            assert_eq!(find_with(text, &lc, true), plain, "{text:?}");
        }
    }

    /// A word of the grammar (any case), a number, a punctuation mark or
    /// another word.
    fn vocab_word() -> impl Strategy<Value = String> {
        let words: Vec<&'static str> = LEX_WORDS
            .iter()
            .flat_map(|l| l.iter().copied())
            .chain([
                "ago",
                "later",
                "earlier",
                "before",
                "after",
                "prior",
                "to",
                "and",
                "or",
                "of",
                "half",
                "a.m.",
                "p.m.",
                "o'clock",
                "local",
                "time",
                "latest",
                "then",
                "now",
                "today",
                "people",
                "defectors",
                "century",
                "s",
                "'s",
                "’s",
                "May",
                "June",
                "October",
                "Oct.",
                "Monday",
                "Tuesday",
                "said",
                "China",
                "x",
            ])
            .collect();
        // Pieces of the grammar's phrases, so that whole expressions (and
        // near misses) come up often.
        let pieces = vec![
            "a little more than",
            "just over",
            "more than",
            "about",
            "nearly",
            "just under",
            "a couple of",
            "a few",
            "a number of",
            "several",
            "two",
            "three",
            "twenty",
            "days",
            "weeks",
            "months",
            "years",
            "a day",
            "a week",
            "a fortnight",
            "hours",
            "ago",
            "later",
            "earlier",
            "before",
            "after",
            "after that",
            "prior to",
            "and a half",
            "the next day",
            "the following year",
            "in recent weeks",
            "the past two weeks",
            "over the last few",
            "within",
            "within the",
            "the",
            "early",
            "late",
            "mid-",
            "the end of",
            "the first half of",
            "the last week of",
            "last",
            "this",
            "next",
            "year",
            "month",
            "week",
            "weekend",
            "since",
            "ever since",
            "by",
            "as of",
            "as late as",
            "until",
            "up to",
            "between",
            "and",
            "to",
            "in",
            "on",
            "at",
            "around",
            "at around 6 p.m.",
            "noon",
            "Oct. 9",
            "October 9th, 2023",
            "9 October",
            "May",
            "in May",
            "2023",
            "2006-2008",
            "the 9th",
            "on the 7th",
            "the 1990s",
            "Monday",
            "last Tuesday",
            "yesterday",
            "today",
            "today's",
            "now",
            "still",
            "recently",
            "that day",
            "the same day",
            "shortly after",
            "spring",
            "winter of",
            "at the time",
            "by then",
            "later that month",
            "earlier this year",
            "the day before yesterday",
            "20 people",
            "the 20th century",
            "of",
            "s",
        ];
        prop_oneof![
            6 => proptest::sample::select(pieces).prop_map(str::to_string),
            3 => proptest::sample::select(words.clone()).prop_map(str::to_string),
            2 => proptest::sample::select(words).prop_map(|w| {
                let mut c = w.chars();
                c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            }),
            2 => "[0-9]{1,4}(st|th|nd|rd|s)?",
            1 => "[-,.:;()–/]",
            1 => "[a-z]{1,8}",
        ]
    }

    /// Every word `month_word`, `weekday_word`, `lex_word` and `prefix_word` name (read
    /// from this source file) is in the lists of [`LEX_TABLE`], and the
    /// table holds each with its flags.
    #[test]
    fn lex_words_cover_lex() {
        let src = include_str!("parse.rs");
        let mut n = 0;
        for head in [
            "fn month_word(w: &str) -> Option<(u32, bool)> {",
            "fn weekday_word(w: &str) -> Option<Weekday> {",
            "fn lex_word(w: &str, upper: bool) -> u32 {",
            "fn prefix_word(w: &str) -> bool {",
            "fn follows(w: &str, n: &str) -> bool {",
            "fn unit_word(w: &str) -> Option<(DUnit, bool)> {",
        ] {
            let a = src.find(head).unwrap();
            let body = &src[a..];
            let body = &body[..body.find("\n}\n").unwrap()];
            for (k, part) in body.split('"').enumerate() {
                if k % 2 == 1 {
                    assert!(
                        NAME_PART_PREFIX_WORDS.contains(&part)
                            || RULE_WORDS.contains(&part)
                            || FOLLOW_WORDS.contains(&part),
                        "{part:?} missing"
                    );
                    n += 1;
                }
            }
        }
        assert_eq!(n, 186);
        for w in LEX_WORDS.iter().flat_map(|l| l.iter()) {
            for upper in [false, true] {
                let b = w.as_bytes();
                assert_eq!(LEX_TABLE.get(b, 0, b.len(), upper), lex_word(w, upper));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The gate of [`lex`] never turns away a word it flags.
        #[test]
        fn second_ok_is_follows(
            w in "(the|a|an|in|for|during|throughout|at|by|on|[a-z]{1,6})",
            n in "([a-z]{1,10}|day|few|recent|present|then|that|the|this|moment|[0-9]{1,4}|,)",
        ) {
            let text = format!("{w} {n}");
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            let table = &*LEX_TABLE;
            let lex: Vec<u32> = toks.iter().map(|t| lex(t, &text, table)).collect();
            let reference = toks.get(1).is_some_and(|t| t.kind == Kind::Num)
                || follows(&w, toks.get(1).filter(|t| t.kind == Kind::Word).map_or("", |t| &text[t.start..t.end]));
            prop_assert_eq!(second_ok(lex[0], lex.get(1).copied().unwrap_or(0)), reference);
        }

        /// Every shortcut of the parser (the token flags, `may_core`,
        /// `may_top`, `second_word_ok` by bits, the unit word ahead of
        /// `duration_rule`) changes nothing: texts made of the grammar's
        /// words parse the same with and without them.
        #[test]
        fn same_as_plain(
            words in proptest::collection::vec((vocab_word(), "( | |, | |)"), 0..30),
        ) {
            let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            let lc = text.to_ascii_lowercase();
            prop_assert_eq!(find_with(&text, &lc, true), find_with(&text, &lc, false), "{:?}", text);
        }

        /// The anchor gates (`is_anchor`) on texts where anchors are few
        /// and far between: long runs of the grammar's other words before
        /// and after one.
        #[test]
        fn sparse_anchors_same_as_plain(
            words in proptest::collection::vec(
                (
                    prop_oneof![
                        12 => proptest::sample::select(
                            LEX_WORDS
                                .iter()
                                .flat_map(|l| l.iter().copied())
                                .filter(|w| !is_anchor(lex_word(w, false) | lex_word(w, true)))
                                .chain(["of", "and", "to", "a", "little", "couple", "half", "few"])
                                .collect::<Vec<_>>()
                        )
                        .prop_map(str::to_string),
                        1 => vocab_word(),
                    ],
                    "( | |, |-|. )",
                ),
                0..40,
            ),
        ) {
            let text: String = words.iter().map(|(w, sep)| format!("{w}{sep}")).collect();
            let lc = text.to_ascii_lowercase();
            prop_assert_eq!(find_with(&text, &lc, true), find_with(&text, &lc, false), "{:?}", text);
        }

        #[test]
        fn lex_table_is_lex_word(w in "([a-z]{1,14}|\\PC{1,8})", upper in any::<bool>(), pad in 0usize..20) {
            let text = format!("{w}{}", "x".repeat(pad));
            prop_assert_eq!(LEX_TABLE.get(text.as_bytes(), 0, w.len(), upper), lex_word(&w, upper));
        }

        /// The gate never turns away a word with rules.
        #[test]
        fn gate_is_safe(w in "([a-z]{1,14}|\\PC{1,8})") {
            if rules_for(&w) != 0 || RULE_WORDS.contains(&w.as_str()) {
                prop_assert!(maybe_rule_word(&w));
            }
        }
    }
}

//! Resolution of a [`TimeExpr`] into an inclusive interval of days.
//! Every computed date goes through chrono's checked constructors.

use super::{Direction, Dur, Part, Rel, Season, TimeExpr, Unit, WeekdayRef, YearRef};
use crate::model::DateRange;
use chrono::{Datelike, Days, Months, NaiveDate};

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

pub(crate) fn add_dur(d: NaiveDate, dur: Dur) -> Option<NaiveDate> {
    let d = match dur.unit {
        Unit::Day => add_days(d, i64::from(dur.n))?,
        Unit::Week => add_days(d, 7 * i64::from(dur.n))?,
        Unit::Month => add_months(d, dur.n)?,
        Unit::Year => add_months(d, dur.n.checked_mul(12)?)?,
    };
    add_days(d, i64::from(dur.days))
}

fn sub_dur(d: NaiveDate, dur: Dur) -> Option<NaiveDate> {
    add_dur(
        d,
        Dur {
            n: dur.n.checked_neg()?,
            unit: dur.unit,
            days: dur.days.checked_neg()?,
        },
    )
}

fn month_shift(y: i32, m: u32, k: i32) -> Option<(i32, u32)> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(k);
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    Some((y, (idx.rem_euclid(12) + 1) as u32))
}

fn month_range(y: i32, m: u32) -> Option<DateRange> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let (ny, nm) = month_shift(y, m, 1)?;
    let last = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
    Some(DateRange {
        start: first,
        end: last,
    })
}

fn year_range(y: i32) -> Option<DateRange> {
    Some(DateRange {
        start: NaiveDate::from_ymd_opt(y, 1, 1)?,
        end: NaiveDate::from_ymd_opt(y, 12, 31)?,
    })
}

fn months_span(y: i32, m: u32, count: i32) -> Option<DateRange> {
    let a = month_range(y, m)?;
    let (ly, lm) = month_shift(y, m, count - 1)?;
    let b = month_range(ly, lm)?;
    Some(DateRange {
        start: a.start,
        end: b.end,
    })
}

fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

fn days_range(start: NaiveDate, a: i64, b: i64) -> Option<DateRange> {
    Some(DateRange {
        start: add_days(start, a)?,
        end: add_days(start, b)?,
    })
}

/// Applies a part to a month.
fn month_part(y: i32, m: u32, part: Part, published: NaiveDate) -> Option<DateRange> {
    let r = month_range(y, m)?;
    let last = i64::from(r.end.day());
    let s = r.start;
    match part {
        Part::All => Some(r),
        Part::Early => days_range(s, 0, 9),
        Part::Mid => days_range(s, 10, 19),
        Part::Late => days_range(s, 20, last - 1),
        Part::FirstHalf => days_range(s, 0, 14),
        Part::SecondHalf => days_range(s, 15, last - 1),
        Part::Week(w) if (1..=4).contains(&w) => {
            let k = i64::from(w - 1) * 7;
            days_range(s, k, k + 6)
        }
        Part::Week(_) => days_range(s, last - 7, last - 1),
        Part::Rest => rest(r, published),
    }
}

fn rest(r: DateRange, anchor: NaiveDate) -> Option<DateRange> {
    if r.contains(anchor) {
        Some(DateRange {
            start: anchor,
            end: r.end,
        })
    } else {
        Some(r)
    }
}

fn year_part(y: i32, part: Part, published: NaiveDate) -> Option<DateRange> {
    match part {
        Part::All => year_range(y),
        Part::Early => months_span(y, 1, 4),
        Part::Mid => months_span(y, 5, 4),
        Part::Late => months_span(y, 9, 4),
        Part::FirstHalf => months_span(y, 1, 6),
        Part::SecondHalf => months_span(y, 7, 6),
        Part::Week(w) if (1..=4).contains(&w) => {
            let s = NaiveDate::from_ymd_opt(y, 1, 1)?;
            let k = i64::from(w - 1) * 7;
            days_range(s, k, k + 6)
        }
        Part::Week(_) => {
            let s = NaiveDate::from_ymd_opt(y, 12, 25)?;
            days_range(s, 0, 6)
        }
        Part::Rest => rest(year_range(y)?, published),
    }
}

fn week_part(monday: NaiveDate, part: Part, published: NaiveDate) -> Option<DateRange> {
    match part {
        Part::Early => days_range(monday, 0, 2),
        Part::Mid => days_range(monday, 1, 3),
        Part::Late => days_range(monday, 3, 6),
        Part::Rest => rest(days_range(monday, 0, 6)?, published),
        _ => days_range(monday, 0, 6),
    }
}

fn season_start(season: Season) -> u32 {
    match season {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    }
}

fn season_range(season: Season, y: i32, part: Part) -> Option<DateRange> {
    let m = season_start(season);
    match part {
        Part::Early => month_range(y, m),
        Part::Mid => {
            let (y2, m2) = month_shift(y, m, 1)?;
            month_range(y2, m2)
        }
        Part::Late => {
            let (y2, m2) = month_shift(y, m, 2)?;
            month_range(y2, m2)
        }
        _ => months_span(y, m, 3),
    }
}

fn decade_range(start: i32, part: Part) -> Option<DateRange> {
    let (a, b) = match part {
        Part::Early => (0, 3),
        Part::Mid => (4, 6),
        Part::Late => (7, 9),
        Part::FirstHalf => (0, 4),
        Part::SecondHalf => (5, 9),
        _ => (0, 9),
    };
    Some(DateRange {
        start: year_range(start.checked_add(a)?)?.start,
        end: year_range(start.checked_add(b)?)?.end,
    })
}

/// The year of a month (or month-day) given without one.
fn month_year(
    yr: YearRef,
    month: u32,
    day: Option<u32>,
    p: NaiveDate,
    dir: Direction,
) -> Option<i32> {
    let py = p.year();
    let cur = (p.month(), p.day());
    let key = (
        month,
        day.unwrap_or(if dir == Direction::Past { 1 } else { 31 }),
    );
    Some(match yr {
        YearRef::Abs(y) => y,
        YearRef::Rel(k) => py.checked_add(k)?,
        YearRef::Implicit => match dir {
            Direction::Past => {
                if key <= cur {
                    py
                } else {
                    py - 1
                }
            }
            Direction::Future => {
                if key >= cur {
                    py
                } else {
                    py + 1
                }
            }
        },
        YearRef::LastOf => {
            if month < p.month() {
                py
            } else {
                py - 1
            }
        }
        YearRef::NextOf => {
            if month > p.month() {
                py
            } else {
                py + 1
            }
        }
    })
}

fn resolve_date(
    yr: YearRef,
    month: u32,
    day: u32,
    p: NaiveDate,
    dir: Direction,
) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    match yr {
        YearRef::Implicit | YearRef::LastOf | YearRef::NextOf => {
            let future = dir == Direction::Future && yr != YearRef::LastOf || yr == YearRef::NextOf;
            let strict = yr != YearRef::Implicit;
            // The nearest valid one (Feb 29 may be up to 8 years away).
            for k in 0..9 {
                let y = if future { p.year() + k } else { p.year() - k };
                if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
                    let ok = match (future, strict) {
                        (false, false) => d <= p,
                        (false, true) => d < p,
                        (true, false) => d >= p,
                        (true, true) => d > p,
                    };
                    if ok {
                        return Some(d);
                    }
                }
            }
            None
        }
        _ => NaiveDate::from_ymd_opt(month_year(yr, month, Some(day), p, dir)?, month, day),
    }
}

fn resolve_weekday(
    wd: chrono::Weekday,
    which: WeekdayRef,
    p: NaiveDate,
    dir: Direction,
) -> Option<NaiveDate> {
    let pw = i64::from(p.weekday().num_days_from_monday());
    let w = i64::from(wd.num_days_from_monday());
    let back = (pw - w).rem_euclid(7);
    let fwd = (w - pw).rem_euclid(7);
    match which {
        WeekdayRef::Plain | WeekdayRef::This => match dir {
            Direction::Past => add_days(p, -back),
            Direction::Future => add_days(p, fwd),
        },
        WeekdayRef::Last => add_days(p, -(if back == 0 { 7 } else { back })),
        WeekdayRef::Next => add_days(p, if fwd == 0 { 7 } else { fwd }),
        WeekdayRef::InWeek(k) => add_days(monday_of(p)?, 7 * i64::from(k) + w),
    }
}

fn season_year(season: Season, yr: YearRef, p: NaiveDate, dir: Direction) -> Option<i32> {
    let py = p.year();
    let inst = |y: i32| season_range(season, y, Part::All);
    Some(match yr {
        YearRef::Abs(y) => y,
        YearRef::Rel(k) => {
            // "this winter" in January is the one that began in December.
            let y = py.checked_add(k)?;
            if season == Season::Winter && p.month() <= 2 {
                y - 1
            } else {
                y
            }
        }
        YearRef::Implicit => match dir {
            Direction::Past => {
                if inst(py)?.start <= p {
                    py
                } else {
                    py - 1
                }
            }
            Direction::Future => {
                if inst(py - 1)?.end >= p {
                    py - 1
                } else if inst(py)?.end >= p {
                    py
                } else {
                    py + 1
                }
            }
        },
        YearRef::LastOf => {
            if inst(py)?.end < p {
                py
            } else if inst(py - 1)?.end < p {
                py - 1
            } else {
                py - 2
            }
        }
        YearRef::NextOf => {
            if inst(py)?.start > p {
                py
            } else {
                py + 1
            }
        }
    })
}

fn is_future_explicit(e: &TimeExpr) -> bool {
    match e {
        TimeExpr::Week { offset, part } | TimeExpr::MonthRel { offset, part } => {
            *offset > 0 || *part == Part::Rest
        }
        TimeExpr::Year { year, part } => {
            matches!(year, YearRef::Rel(k) if *k > 0) || *part == Part::Rest
        }
        TimeExpr::DayOffset(k) | TimeExpr::Weekend { offset: k } => *k > 0,
        TimeExpr::Weekday { which, .. } => *which == WeekdayRef::Next,
        TimeExpr::Month { year, .. } | TimeExpr::Season { year, .. } => *year == YearRef::NextOf,
        _ => false,
    }
}

/// Resolves an expression; see the module documentation for the rules.
pub(crate) fn resolve(
    e: &TimeExpr,
    p: NaiveDate,
    dir: Direction,
    reference: Option<DateRange>,
) -> Option<DateRange> {
    let r = resolve_raw(e, p, dir, reference)?;
    let r = DateRange::new(r.start, r.end);
    if matches!(
        e,
        TimeExpr::Since(_) | TimeExpr::Deadline(_) | TimeExpr::Rel(_)
    ) {
        return Some(r);
    }
    Some(match dir {
        Direction::Past if !is_future_explicit(e) && r.start <= p && p < r.end => DateRange {
            start: r.start,
            end: p,
        },
        Direction::Future if r.start < p && p <= r.end => DateRange {
            start: p,
            end: r.end,
        },
        _ => r,
    })
}

pub(crate) fn with_year(e: &TimeExpr, y: i32) -> Option<TimeExpr> {
    match e {
        TimeExpr::Date {
            month,
            day,
            year: YearRef::Implicit,
        } => Some(TimeExpr::Date {
            year: YearRef::Abs(y),
            month: *month,
            day: *day,
        }),
        TimeExpr::Month {
            month,
            part,
            year: YearRef::Implicit,
        } => Some(TimeExpr::Month {
            year: YearRef::Abs(y),
            month: *month,
            part: *part,
        }),
        TimeExpr::Season {
            season,
            part,
            year: YearRef::Implicit,
        } => Some(TimeExpr::Season {
            season: *season,
            year: YearRef::Abs(y),
            part: *part,
        }),
        _ => None,
    }
}

fn resolve_raw(
    e: &TimeExpr,
    p: NaiveDate,
    dir: Direction,
    reference: Option<DateRange>,
) -> Option<DateRange> {
    match e {
        TimeExpr::Date { year, month, day } => {
            Some(DateRange::day(resolve_date(*year, *month, *day, p, dir)?))
        }
        TimeExpr::DayOfMonth { day, month_offset } => {
            let d = match month_offset {
                Some(k) => {
                    let (y, m) = month_shift(p.year(), p.month(), *k)?;
                    NaiveDate::from_ymd_opt(y, m, *day)?
                }
                None => {
                    let step = if dir == Direction::Past { -1 } else { 1 };
                    let mut found = None;
                    for k in 0..3 {
                        let (y, m) = month_shift(p.year(), p.month(), step * k)?;
                        if let Some(d) = NaiveDate::from_ymd_opt(y, m, *day) {
                            if (dir == Direction::Past && d <= p)
                                || (dir == Direction::Future && d >= p)
                            {
                                found = Some(d);
                                break;
                            }
                        }
                    }
                    found?
                }
            };
            Some(DateRange::day(d))
        }
        TimeExpr::Weekday { day, which } => {
            Some(DateRange::day(resolve_weekday(*day, *which, p, dir)?))
        }
        TimeExpr::DayOffset(k) => Some(DateRange::day(add_days(p, i64::from(*k))?)),
        TimeExpr::Week { offset, part } => {
            let monday = add_days(monday_of(p)?, 7 * i64::from(*offset))?;
            week_part(monday, *part, p)
        }
        TimeExpr::Weekend { offset } => {
            let pw = i64::from(p.weekday().num_days_from_monday());
            let sat = match (offset, dir) {
                // The most recent Saturday strictly before publication.
                (0, Direction::Past) => {
                    let back = (pw - 5).rem_euclid(7);
                    add_days(p, -(if back == 0 { 7 } else { back }))?
                }
                (0, Direction::Future) => {
                    if pw == 6 {
                        add_days(p, -1)?
                    } else {
                        add_days(p, (5 - pw).rem_euclid(7))?
                    }
                }
                (k, _) if *k < 0 => {
                    let back = (pw - 5).rem_euclid(7);
                    // The last weekend wholly before publication.
                    let back = if back <= 1 { back + 7 } else { back };
                    add_days(p, -back)?
                }
                _ => {
                    let fwd = (5 - pw).rem_euclid(7);
                    add_days(p, if fwd == 0 { 7 } else { fwd })?
                }
            };
            days_range(sat, 0, 1)
        }
        TimeExpr::Month { year, month, part } => {
            let y = month_year(*year, *month, None, p, dir)?;
            month_part(y, *month, *part, p)
        }
        TimeExpr::MonthRel { offset, part } => {
            let (y, m) = month_shift(p.year(), p.month(), *offset)?;
            month_part(y, m, *part, p)
        }
        TimeExpr::Year { year, part } => {
            let y = match year {
                YearRef::Abs(y) => *y,
                YearRef::Rel(k) => p.year().checked_add(*k)?,
                _ => p.year(),
            };
            year_part(y, *part, p)
        }
        TimeExpr::Season { season, year, part } => {
            let y = season_year(*season, *year, p, dir)?;
            season_range(*season, y, *part)
        }
        TimeExpr::Decade { start, part } => decade_range(*start, *part),
        TimeExpr::Ago { n, unit } => match unit {
            Unit::Day => Some(DateRange::day(add_days(p, -i64::from(*n))?)),
            Unit::Week => {
                let c = add_days(p, -7 * i64::from(*n))?;
                days_range(c, -3, 3)
            }
            Unit::Month => {
                let d = add_months(p, -*n)?;
                month_range(d.year(), d.month())
            }
            Unit::Year => year_range(p.year().checked_sub(*n)?),
        },
        TimeExpr::AgoRange { lo, hi } => Some(DateRange {
            start: sub_dur(p, *hi)?,
            end: sub_dur(p, *lo)?,
        }),
        TimeExpr::Recent(d) => Some(DateRange {
            start: sub_dur(p, *d)?,
            end: p,
        }),
        TimeExpr::Present => Some(DateRange::day(p)),
        TimeExpr::Span(a, b) => {
            let ra = resolve_raw(a, p, dir, reference)?;
            let rb = match with_year(b, ra.start.year()) {
                Some(b2) => {
                    let rb = resolve_raw(&b2, p, dir, reference)?;
                    if rb.end < ra.start {
                        resolve_raw(&with_year(b, ra.start.year() + 1)?, p, dir, reference)?
                    } else {
                        rb
                    }
                }
                None => resolve_raw(b, p, dir, reference)?,
            };
            Some(DateRange {
                start: ra.start.min(rb.start),
                end: ra.end.max(rb.end),
            })
        }
        TimeExpr::Since(x) => {
            let r = resolve(x, p, Direction::Past, reference)?;
            if r.start <= p {
                Some(DateRange {
                    start: r.start,
                    end: p,
                })
            } else {
                Some(r)
            }
        }
        TimeExpr::Deadline(x) => {
            let r = resolve_raw(x, p, dir, reference)?;
            match dir {
                Direction::Future if p <= r.end => Some(DateRange {
                    start: p,
                    end: r.end,
                }),
                Direction::Past => match reference {
                    Some(rf) if rf.start <= r.end => Some(DateRange {
                        start: rf.start,
                        end: r.end,
                    }),
                    _ => Some(r),
                },
                _ => Some(r),
            }
        }
        TimeExpr::Rel(rel) => {
            let rf = reference?;
            resolve_rel(*rel, rf, p)
        }
    }
}

fn resolve_rel(rel: Rel, rf: DateRange, p: NaiveDate) -> Option<DateRange> {
    match rel {
        Rel::Same => Some(rf),
        Rel::Shift { lo, hi } => Some(DateRange {
            start: add_dur(rf.start, lo)?,
            end: add_dur(rf.end, hi)?,
        }),
        Rel::Within(d) => Some(DateRange {
            start: rf.start,
            end: add_dur(rf.start, d)?,
        }),
        Rel::Later | Rel::SinceThen => Some(DateRange {
            start: rf.start,
            end: p.max(rf.end),
        }),
        Rel::Unit { unit, offset, part } => {
            let a = rf.start;
            let r = match unit {
                Unit::Day => DateRange::day(add_days(a, i64::from(offset))?),
                Unit::Week => {
                    let m = add_days(monday_of(a)?, 7 * i64::from(offset))?;
                    let r = week_part(m, if part == Part::Rest { Part::All } else { part }, a)?;
                    if part == Part::Rest {
                        rest(r, a)?
                    } else {
                        r
                    }
                }
                Unit::Month => {
                    let (y, m) = month_shift(a.year(), a.month(), offset)?;
                    month_part(y, m, part, a)?
                }
                Unit::Year => year_part(a.year().checked_add(offset)?, part, a)?,
            };
            Some(r)
        }
    }
}

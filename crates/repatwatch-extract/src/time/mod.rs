//! Time dimension: finds time expressions and resolves them, past-biased,
//! against the publication date (CODEBOOK.md, "date").
//!
//! [`find`] tokenizes the text once (no allocation per token) and runs a
//! small hand-written grammar at every token that can start an expression,
//! keeping the longest parse; the parse is a [`TimeExpr`] that
//! [`TimeMention::resolve`] turns into an inclusive interval of days.
//!
//! Resolution conventions (beyond the codebook's own rules):
//! - A month-day or month without a year is the most recent one on or
//!   before publication ([`Direction::Past`]), the next one on or after it
//!   ([`Direction::Future`]). "last October" is the most recent October
//!   strictly before the current month, "next October" the first after it.
//! - For [`Direction::Past`] an interval that contains the publication day is
//!   cut at it ("this year", "May 2002" published in May); for
//!   [`Direction::Future`] it starts at it.
//! - Parts: of a month early 1–10, mid 11–20, late/end 21–last (beginning /
//!   start = early, middle = mid); of a year early Jan–Apr, mid May–Aug,
//!   late/end Sep–Dec; of a week early Mon–Wed, mid Tue–Thu, late Thu–Sun;
//!   of a decade early 0–3, mid 4–6, late 7–9; of a season its first,
//!   second or third month. First/second half, "the first week of".
//! - Winter Y is Dec Y – Feb Y+1.
//! - "recently", "lately", "in recent weeks" → the 30 days up to
//!   publication; "in recent days" 7 days, "in recent months" 90 days,
//!   "in recent years" 3 years; "the past N units" → N units up to
//!   publication ("the past few days" 7 days, "weeks" 30, "months" 90).
//! - "N days ago" → that day; "N weeks ago" → that day ± 3; "N months ago"
//!   → that calendar month; "N years ago" → that calendar year; "a few days
//!   ago" → publication−7 … publication−1 (weeks 1–5, months 1–6, years 1–5
//!   units back).
//! - Relative expressions ([`TimeMention::is_relative`]) need the date of
//!   the act they count from; without it they resolve to `None`.
//!   "N units later/after" → reference shifted by N units ("just over"
//!   adds 1–4 days for weeks, "about" ±3 days); "within N units" →
//!   reference.start … reference.start + N; "later", "afterwards",
//!   "since then", "eventually" → reference.start … publication; "shortly
//!   after" → reference … reference + 7 days.
//! - "by X" ([`TimeMention::is_deadline`]): Future → publication … X;
//!   Past → reference.start … X when a reference is given, else X.
//! - "since X" ([`TimeMention::is_since`]) → X's start … publication;
//!   "as late as X" is read the same way.

pub(crate) mod parse;
mod resolve;
mod token;

#[cfg(test)]
mod examples;

use crate::model::DateRange;
use chrono::NaiveDate;

/// Which way an underspecified expression ("Oct. 9", "in February") is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Acts that happened: the most recent such day on or before publication.
    Past,
    /// Planned acts: the next such day.
    Future,
}

/// How a year is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// "2023".
    Abs(i32),
    /// No year: resolved by [`Direction`].
    Implicit,
    /// Relative to the publication year: "this year" 0, "last year" −1.
    Rel(i32),
    /// "last October": the most recent one strictly before the current month.
    LastOf,
    /// "next October".
    NextOf,
}

/// A part of a calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    All,
    Early,
    Mid,
    Late,
    FirstHalf,
    SecondHalf,
    /// "the first (1) … fourth (4) week of"; 5 = "the last week of".
    Week(u8),
    /// "later this month": from the anchor day to the end of the unit.
    Rest,
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// `n` units plus `days` days (either may be negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dur {
    pub n: i32,
    pub unit: Unit,
    pub days: i32,
}

impl Dur {
    pub const fn new(n: i32, unit: Unit) -> Self {
        Dur { n, unit, days: 0 }
    }
    pub const fn days(days: i32) -> Self {
        Dur {
            n: 0,
            unit: Unit::Day,
            days,
        }
    }
}

/// Seasons (northern hemisphere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// Which occurrence of a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayRef {
    /// "on Tuesday": by direction, the publication day included.
    Plain,
    /// "last Tuesday": strictly before publication.
    Last,
    /// "this Tuesday": like `Plain`.
    This,
    /// "next Tuesday": strictly after publication.
    Next,
    /// "Tuesday last week" (−1), "Tuesday this week" (0).
    InWeek(i32),
}

/// Expressions that count from the date of another act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// "that day", "the same day", "that same evening", "at the same time".
    Same,
    /// reference.start + lo … reference.end + hi ("three days later",
    /// "a day earlier").
    Shift { lo: Dur, hi: Dur },
    /// reference.start … reference.start + dur ("within two days").
    Within(Dur),
    /// reference.start … publication ("later", "afterwards").
    Later,
    /// reference.start … publication, continuing ("since then").
    SinceThen,
    /// The unit holding the reference, shifted ("that month" 0, "the
    /// following year" +1); `Part::Rest` = "later that month".
    Unit { unit: Unit, offset: i32, part: Part },
}

/// A parsed time expression.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeExpr {
    /// A calendar day.
    Date {
        year: YearRef,
        month: u32,
        day: u32,
    },
    /// "on the 9th" (`month_offset` None: by direction), "the 29th of last
    /// month" (Some(−1)).
    DayOfMonth {
        day: u32,
        month_offset: Option<i32>,
    },
    Weekday {
        day: chrono::Weekday,
        which: WeekdayRef,
    },
    /// yesterday −1, today 0, tomorrow +1.
    DayOffset(i32),
    /// this week 0, last week −1.
    Week {
        offset: i32,
        part: Part,
    },
    /// "over the weekend" 0, "last weekend" −1, "next weekend" +1.
    Weekend {
        offset: i32,
    },
    Month {
        year: YearRef,
        month: u32,
        part: Part,
    },
    /// this month 0, last month −1.
    MonthRel {
        offset: i32,
        part: Part,
    },
    /// `YearRef::Abs` or `YearRef::Rel`.
    Year {
        year: YearRef,
        part: Part,
    },
    Season {
        season: Season,
        year: YearRef,
        part: Part,
    },
    /// "the 1990s".
    Decade {
        start: i32,
        part: Part,
    },
    /// "three days ago".
    Ago {
        n: i32,
        unit: Unit,
    },
    /// publication − hi … publication − lo ("a few days ago").
    AgoRange {
        lo: Dur,
        hi: Dur,
    },
    /// publication − dur … publication ("recently", "the past two weeks").
    Recent(Dur),
    /// "now", "currently", "still", "at present".
    Present,
    /// From the start of the first to the end of the second.
    Span(Box<TimeExpr>, Box<TimeExpr>),
    /// "since X": X's start … publication.
    Since(Box<TimeExpr>),
    /// "by X".
    Deadline(Box<TimeExpr>),
    Rel(Rel),
}

impl TimeExpr {
    fn is_relative(&self) -> bool {
        match self {
            TimeExpr::Rel(_) => true,
            TimeExpr::Span(a, b) => a.is_relative() || b.is_relative(),
            TimeExpr::Since(x) | TimeExpr::Deadline(x) => x.is_relative(),
            _ => false,
        }
    }
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    /// Byte offsets into the text given to [`find`].
    pub start: usize,
    pub end: usize,
    /// The rule that matched (for `--explain`).
    pub rule: &'static str,
    /// The parsed expression.
    pub expr: TimeExpr,
}

impl TimeMention {
    /// The interval of days this expression denotes; `reference` is the date
    /// of the act a relative expression counts from.
    pub fn resolve(
        &self,
        published: NaiveDate,
        dir: Direction,
        reference: Option<DateRange>,
    ) -> Option<DateRange> {
        resolve::resolve(&self.expr, published, dir, reference)
    }

    /// The month of a day or month named without its year ("in March",
    /// "on May 3").
    pub fn month_without_year(&self) -> Option<u32> {
        match self.expr {
            TimeExpr::Date {
                year: YearRef::Implicit,
                month,
                ..
            }
            | TimeExpr::Month {
                year: YearRef::Implicit,
                month,
                ..
            } => Some(month),
            _ => None,
        }
    }

    /// The year and month of a day or month named with its year ("in
    /// November 2009", "on 3 May 2010").
    pub fn year_month(&self) -> Option<(i32, u32)> {
        match self.expr {
            TimeExpr::Date {
                year: YearRef::Abs(y),
                month,
                ..
            }
            | TimeExpr::Month {
                year: YearRef::Abs(y),
                month,
                ..
            } => Some((y, month)),
            _ => None,
        }
    }

    /// A day or month named without its year, taken in `year` (a past act).
    pub fn resolve_in_year(&self, year: i32, published: NaiveDate) -> Option<DateRange> {
        let e = resolve::with_year(&self.expr, year)?;
        resolve::resolve(&e, published, Direction::Past, None)
    }

    /// Needs a reference date ("three days later", "that day", "since then").
    pub fn is_relative(&self) -> bool {
        self.expr.is_relative()
    }

    /// Present time: "now", "currently", "still", "at present", "today's".
    pub fn is_present(&self) -> bool {
        matches!(self.expr, TimeExpr::Present)
    }

    /// A continuing state: "since X", "since then", "as late as X".
    pub fn is_since(&self) -> bool {
        matches!(
            self.expr,
            TimeExpr::Since(_) | TimeExpr::Rel(Rel::SinceThen)
        )
    }

    /// "Later", "subsequently": after the story's last date.
    pub fn is_later(&self) -> bool {
        matches!(self.expr, TimeExpr::Rel(Rel::Later))
    }

    /// A deadline: "by Oct. 20", "by the end of the month".
    pub fn is_deadline(&self) -> bool {
        matches!(self.expr, TimeExpr::Deadline(_))
    }

    /// The mention's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Every time expression in `text`, in order, not overlapping, longest match.
pub fn find(text: &str) -> Vec<TimeMention> {
    parse::find(text, &crate::rx::lower(text))
}

/// [`find`], given the text's lowercase twin ([`crate::rx::lower`]).
pub fn find_in(text: &str, lower: &str) -> Vec<TimeMention> {
    debug_assert_eq!(text.len(), lower.len());
    parse::find(text, lower)
}

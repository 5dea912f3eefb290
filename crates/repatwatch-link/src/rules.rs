//! The matching rules: what one claim says that matters for linking
//! ([`Features`]), and how two claims compare ([`compare`]).
//!
//! Scores are integer points (one point is half a unit of evidence), so ties
//! are exact and the result never depends on floating-point rounding order.

use crate::Claim;
use chrono::{Datelike, NaiveDate};
use repatwatch_extract::{EventType, Precision, Status};

/// Points a pair (or a case) needs to be linked.
pub const THRESHOLD: i32 = 5;

/// Days an undated occurred (or blocked) act may precede its report.
pub const UNDATED_BEFORE: i32 = 90;
/// Days a planned act may come after the date it was planned for, or, when
/// undated, after its report; also the days a detention (a continuing
/// state, often dated by the report that says it goes on) may last beyond
/// its date.
pub const PLAN_SLACK: i32 = 30;

/// How far apart two places may be and still be the same town (km).
const SAME_TOWN_KM: f64 = 25.0;
/// The same, when one side is a river or a stretch of border.
const SAME_BORDER_KM: f64 = 50.0;

/// Largest ratio between two counts that is not a conflict.
const MAX_COUNT_RATIO: f64 = 5.0;

/// Day number of a date (days from the common era).
pub(crate) fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// Month number of a day number (year * 12 + month0).
pub(crate) fn month_of(day: i32) -> i32 {
    let d = NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN);
    d.year() * 12 + d.month0() as i32
}

/// Tolerance in days around an explicit date interval of `width` days: a
/// quarter of its width, at least 2 days, at most 30.
pub(crate) fn tolerance(width: i32) -> i32 {
    ((width + 3) / 4).clamp(2, 30)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// A facility, city, town or county.
    Point,
    /// A river or a stretch of border (coordinates of the nearest town).
    Border,
    Admin1,
    Country,
}

#[derive(Debug, Clone, PartialEq)]
struct Place {
    name: String,
    admin1: Option<String>,
    country: String,
    level: Level,
    lat: f64,
    lon: f64,
    geonames_id: Option<i64>,
}

/// A province name as a key: lower case, without a trailing "province",
/// "prefecture", "region" or "municipality".
pub(crate) fn admin1_key(name: &str) -> String {
    let mut s = name.trim().to_lowercase();
    for suffix in [" province", " prefecture", " region", " municipality"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.trim_end().to_string();
        }
    }
    s
}

impl Place {
    fn of(l: &repatwatch_extract::Location) -> Place {
        let level = match l.precision {
            Precision::Facility | Precision::City => Level::Point,
            Precision::Border => Level::Border,
            Precision::Admin1 => Level::Admin1,
            Precision::Country => Level::Country,
        };
        let admin1 = match level {
            Level::Admin1 => Some(l.admin1.as_deref().unwrap_or(&l.name)),
            _ => l.admin1.as_deref(),
        }
        .map(admin1_key)
        .filter(|a| !a.is_empty());
        Place {
            name: l.name.trim().to_lowercase(),
            admin1,
            country: l.country.trim().to_uppercase(),
            level,
            lat: l.lat,
            lon: l.lon,
            geonames_id: l.geonames_id,
        }
    }
}

/// Great-circle distance in km.
fn km(a: &Place, b: &Place) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dla = la2 - la1;
    let dlo = (b.lon - a.lon).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Points for two places, `None` when they cannot be the same place.
fn place_pair(a: &Place, b: &Place) -> Option<i32> {
    use Level::*;
    let same_country = a.country.is_empty() || b.country.is_empty() || a.country == b.country;
    match (a.level, b.level) {
        (Point | Border, Point | Border) => {
            let same_id = a.geonames_id.is_some() && a.geonames_id == b.geonames_id;
            let same_name = same_country && a.name == b.name;
            let border = a.level == Border || b.level == Border;
            let limit = if border { SAME_BORDER_KM } else { SAME_TOWN_KM };
            // Distance alone may join towns of two countries: the two ends
            // of one border crossing are one place.
            if same_id || same_name || km(a, b) <= limit {
                Some(if border { 4 } else { 6 })
            } else {
                None
            }
        }
        _ if !same_country => None,
        (Admin1, Admin1) | (Admin1, Point | Border) | (Point | Border, Admin1) => {
            match (&a.admin1, &b.admin1) {
                (Some(x), Some(y)) if x == y => Some(3),
                (Some(_), Some(_)) => None,
                // A place whose province is unknown: only the country speaks.
                _ => Some(0),
            }
        }
        // Country only: compatible, but no evidence.
        _ => Some(0),
    }
}

/// A count as an interval of plausible sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Size {
    lo: f64,
    hi: f64,
    exact: (Option<u64>, Option<u64>),
}

impl Size {
    fn of(c: &repatwatch_extract::Count) -> Option<Size> {
        let (lo, hi) = match (c.min, c.max) {
            (Some(a), Some(b)) => (a.min(b) as f64, a.max(b) as f64),
            // "more than 500": up to twice as many.
            (Some(a), None) => (a as f64, 2.0 * a as f64),
            // "up to 60", "nearly 500": down to half as many.
            (None, Some(b)) => (b as f64 / 2.0, b as f64),
            (None, None) => return None,
        };
        Some(Size {
            lo,
            hi,
            exact: (c.min, c.max),
        })
    }
}

/// Points for two counts, `None` when they are too far apart (more than
/// [`MAX_COUNT_RATIO`], smoothed by one so that small groups are not judged
/// by ratios of tiny numbers).
fn count_pair(a: &Size, b: &Size) -> Option<i32> {
    if a.exact == b.exact {
        return Some(4);
    }
    let ratio = if a.lo <= b.hi && b.lo <= a.hi {
        return Some(3);
    } else if a.hi < b.lo {
        (b.lo + 1.0) / (a.hi + 1.0)
    } else {
        (a.lo + 1.0) / (b.hi + 1.0)
    };
    match ratio {
        r if r <= 1.25 => Some(2),
        r if r <= 1.5 => Some(1),
        // Estimates of one group differ this much between sources: neither
        // for nor against.
        r if r <= MAX_COUNT_RATIO => Some(0),
        _ => None,
    }
}

/// What the linker keeps of one claim.
#[derive(Debug, Clone)]
pub(crate) struct Features {
    pub kind: EventType,
    pub status: Status,
    pub document: String,
    /// The explicit date interval (day numbers), if any.
    date: Option<(i32, i32)>,
    /// The days the act may have happened: the explicit date widened by its
    /// tolerance, or, undated, a window before the report's publication.
    /// `None`: no clue at all.
    pub window: Option<(i32, i32)>,
    published: Option<i32>,
    places: Vec<Place>,
    size: Option<Size>,
    /// States that acted (the part of an actor code before `-`).
    states: Vec<String>,
    /// Named agencies (actor codes other than `XX-GOV`).
    agencies: Vec<String>,
}

impl Features {
    pub(crate) fn of(c: &Claim) -> Features {
        let inc = &c.incident;
        let planned = inc.status == Status::Planned;
        let date = inc
            .date
            .as_ref()
            .map(|d| (day(d.start.min(d.end)), day(d.start.max(d.end))));
        let published = c.published.map(day);
        let window = match (date, published) {
            (Some((s, e)), _) => {
                let t = tolerance(e - s + 1);
                let lasts = planned || inc.kind == EventType::Detention;
                Some((s - t, e + t + if lasts { PLAN_SLACK } else { 0 }))
            }
            (None, Some(p)) if planned => Some((p - PLAN_SLACK, p + 3 * PLAN_SLACK)),
            (None, Some(p)) => Some((p - UNDATED_BEFORE, p)),
            (None, None) => None,
        };
        let mut states: Vec<String> = inc
            .actors
            .iter()
            .filter_map(|a| a.split('-').next())
            .map(|s| s.trim().to_uppercase())
            .filter(|s| !s.is_empty())
            .collect();
        states.sort();
        states.dedup();
        let mut agencies: Vec<String> = inc
            .actors
            .iter()
            .filter(|a| !a.ends_with("-GOV") && a.contains('-'))
            .map(|a| a.trim().to_uppercase())
            .collect();
        agencies.sort();
        agencies.dedup();
        Features {
            kind: inc.kind,
            status: inc.status,
            document: c.document_id.clone(),
            date,
            window,
            published,
            places: inc.locations.iter().map(Place::of).collect(),
            size: inc.people.count.as_ref().and_then(Size::of),
            states,
            agencies,
        }
    }
}

/// Whether two statuses can describe one act: equal, or one of them
/// planned (a plan that was then carried out, or then halted).
pub(crate) fn statuses_agree(a: Status, b: Status) -> bool {
    a == b || a == Status::Planned || b == Status::Planned
}

/// Points for the dates of two claims.
fn date_points(a: &Features, b: &Features) -> i32 {
    let (Some((s1, e1)), Some((s2, e2))) = (a.date, b.date) else {
        return 0;
    };
    let wmax = (e1 - s1 + 1).max(e2 - s2 + 1);
    let pts = match wmax {
        w if w <= 3 => 6,
        w if w <= 11 => 5,
        w if w <= 31 => 4,
        w if w <= 92 => 2,
        w if w <= 366 => 1,
        _ => 0,
    };
    if s1 <= e2 && s2 <= e1 {
        pts
    } else {
        // Only within the tolerance: half as strong.
        pts / 2
    }
}

/// Compares two claims: `None` when a rule says they are different acts,
/// else the points of evidence that they are one.
pub(crate) fn compare(a: &Features, b: &Features) -> Option<i32> {
    if a.document == b.document {
        return None;
    }
    compare_but_report(a, b)
}

/// Two claims' features equal but for their report: they earn the same
/// points against any third claim of another report.
pub(crate) fn same_but_report(a: &Features, b: &Features) -> bool {
    a.kind == b.kind
        && a.status == b.status
        && a.date == b.date
        && a.window == b.window
        && a.published == b.published
        && a.places == b.places
        && a.size == b.size
        && a.states == b.states
        && a.agencies == b.agencies
}

/// [`compare`] without the rule that one report tells different acts.
pub(crate) fn compare_but_report(a: &Features, b: &Features) -> Option<i32> {
    if a.kind != b.kind || !statuses_agree(a.status, b.status) {
        return None;
    }
    if let (Some((s1, e1)), Some((s2, e2))) = (a.window, b.window) {
        if s1 > e2 || s2 > e1 {
            return None;
        }
    }
    if !a.states.is_empty()
        && !b.states.is_empty()
        && !a.states.iter().any(|s| b.states.contains(s))
    {
        return None;
    }
    let place = if a.places.is_empty() || b.places.is_empty() {
        0
    } else {
        a.places
            .iter()
            .flat_map(|p| b.places.iter().filter_map(move |q| place_pair(p, q)))
            .max()?
    };
    let count = match (&a.size, &b.size) {
        (Some(x), Some(y)) => count_pair(x, y)?,
        _ => 0,
    };
    let date = date_points(a, b);
    // Something specific must agree: dates to within three days, a town or
    // province, or counts within a ratio of 1.25. A week, a month or a year
    // in common is no proof by itself, and an undated side needs a place or
    // a count.
    if date < 6 && place < 3 && count < 2 {
        return None;
    }
    let published = match (a.published, b.published) {
        (Some(x), Some(y)) if (x - y).abs() <= 7 => 2,
        (Some(x), Some(y)) if (x - y).abs() <= 31 => 1,
        _ => 0,
    };
    let agency = i32::from(a.agencies.iter().any(|x| b.agencies.contains(x)));
    Some(date + place + count + published + agency)
}

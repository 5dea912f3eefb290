//! The consolidated view of a case across its sources.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use repatwatch_extract::{EventType, Location, Precision, Status};

use crate::Claim;

/// The consolidated view of a case across its sources.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Consolidated {
    /// Distinct documents.
    pub sources: usize,
    /// Range of the counts across sources (e.g. 500–600): the lowest lower
    /// bound and the highest upper bound (a one-sided count such as "more
    /// than 500" gives its one bound to both ends).
    pub people_min: Option<u64>,
    pub people_max: Option<u64>,
    /// The narrowest interval the sources agree on: the intersection of all
    /// dated sources; when they do not all overlap, the intersection of the
    /// largest group that does (the earliest such group on a tie).
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    /// Distinct places (same name, country and precision count once), most
    /// precise first, then most often named, then by name.
    pub places: Vec<Location>,
    pub first_report: Option<NaiveDate>,
    pub last_report: Option<NaiveDate>,
    /// The type most members have (the first in [`EventType`] order on a
    /// tie; `arrest` for no members).
    pub kind: EventType,
    /// `occurred` if any member occurred, else `blocked` if any was blocked,
    /// else `planned`.
    pub status: Status,
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Facility => 0,
        Precision::City => 1,
        Precision::Border => 2,
        Precision::Admin1 => 3,
        Precision::Country => 4,
    }
}

/// The narrowest interval the most intervals agree on.
fn agreed_interval(dates: &[(NaiveDate, NaiveDate)]) -> Option<(NaiveDate, NaiveDate)> {
    // The day covered by the most intervals (the earliest on a tie) is one
    // of their starts; the intersection of those covering it is not empty.
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut starts: Vec<NaiveDate> = dates.iter().map(|d| d.0).collect();
    starts.sort();
    starts.dedup();
    for day in starts {
        let n = dates.iter().filter(|d| d.0 <= day && day <= d.1).count();
        match best {
            Some((b, _)) if b >= n => {}
            _ => best = Some((n, day)),
        }
    }
    let (_, day) = best?;
    dates
        .iter()
        .filter(|d| d.0 <= day && day <= d.1)
        .fold(None, |acc, &(s, e)| match acc {
            None => Some((s, e)),
            Some((s0, e0)) => Some((s0.max(s), e0.min(e))),
        })
}

/// The consolidated view of a case from its members.
pub fn consolidate(members: &[Claim]) -> Consolidated {
    let sources = members
        .iter()
        .map(|c| c.document_id.as_str())
        .collect::<BTreeSet<_>>()
        .len();

    let counts: Vec<_> = members
        .iter()
        .filter_map(|c| c.incident.people.count)
        .filter_map(|c| Some((c.min.or(c.max)?, c.max.or(c.min)?)))
        .collect();
    let people_min = counts.iter().map(|c| c.0.min(c.1)).min();
    let people_max = counts.iter().map(|c| c.0.max(c.1)).max();

    let dates: Vec<(NaiveDate, NaiveDate)> = members
        .iter()
        .filter_map(|c| c.incident.date.as_ref())
        .map(|d| (d.start.min(d.end), d.start.max(d.end)))
        .collect();
    let agreed = agreed_interval(&dates);

    // Distinct places: key -> (first location seen, times named).
    let mut seen: BTreeMap<(u8, String, String), (Location, usize)> = BTreeMap::new();
    for loc in members.iter().flat_map(|c| &c.incident.locations) {
        let key = (
            precision_rank(loc.precision),
            loc.name.trim().to_lowercase(),
            loc.country.trim().to_uppercase(),
        );
        seen.entry(key).or_insert((loc.clone(), 0)).1 += 1;
    }
    let mut places: Vec<_> = seen.into_iter().collect();
    places
        .sort_by(|(ka, (_, na)), (kb, (_, nb))| ka.0.cmp(&kb.0).then(nb.cmp(na)).then(ka.cmp(kb)));
    let places = places.into_iter().map(|(_, (l, _))| l).collect();

    let published: Vec<NaiveDate> = members.iter().filter_map(|c| c.published).collect();

    let mut kinds: BTreeMap<EventType, usize> = BTreeMap::new();
    for c in members {
        *kinds.entry(c.incident.kind).or_default() += 1;
    }
    let kind = kinds
        .iter()
        .fold(
            None,
            |best: Option<(EventType, usize)>, (&k, &n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((k, n)),
            },
        )
        .map_or(EventType::Arrest, |(k, _)| k);
    let has = |s: Status| members.iter().any(|c| c.incident.status == s);
    let status = if has(Status::Occurred) || members.is_empty() {
        Status::Occurred
    } else if has(Status::Blocked) {
        Status::Blocked
    } else {
        Status::Planned
    };

    Consolidated {
        sources,
        people_min,
        people_max,
        date_start: agreed.map(|d| d.0),
        date_end: agreed.map(|d| d.1),
        places,
        first_report: published.iter().min().copied(),
        last_report: published.iter().max().copied(),
        kind,
        status,
    }
}

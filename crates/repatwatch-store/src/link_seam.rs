//! SEAM — cross-report linking.
//!
//! `crates/repatwatch-link` (the real linker) had not landed on `main` when
//! this crate was written. This module is a trivial stand-in with the same
//! API: every incident is its own case, and `consolidate` is a plain
//! summary. To wire the real linker: add `repatwatch-link` to this crate's
//! dependencies and replace this whole file with
//! `pub use repatwatch_link::{consolidate, CaseId, Claim, Consolidated, Decision, Linker};`
//! Nothing else in the store needs to change.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use repatwatch_extract::{EventType, Incident, Location, Status};

pub type CaseId = u64;

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: u64,
    pub document_id: String,
    pub published: Option<NaiveDate>,
    pub incident: Incident,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Join(CaseId),
    New,
}

/// Stand-in: never joins anything.
#[derive(Default)]
pub struct Linker {
    _members: usize,
}

impl Linker {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, _case: CaseId, _claim: Claim) {
        self._members += 1;
    }
    pub fn decide(&self, _claim: &Claim) -> Decision {
        Decision::New
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Consolidated {
    pub sources: usize,
    pub people_min: Option<u64>,
    pub people_max: Option<u64>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub places: Vec<Location>,
    pub first_report: Option<NaiveDate>,
    pub last_report: Option<NaiveDate>,
    pub kind: EventType,
    pub status: Status,
}

/// Stand-in: count range, date hull, distinct places, majority type.
pub fn consolidate(members: &[Claim]) -> Consolidated {
    let sources = members
        .iter()
        .map(|c| c.document_id.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    let counts: Vec<(u64, u64)> = members
        .iter()
        .filter_map(|c| c.incident.people.count)
        .filter_map(|c| Some((c.min.or(c.max)?, c.max.or(c.min)?)))
        .collect();
    let dates: Vec<_> = members
        .iter()
        .filter_map(|c| c.incident.date.as_ref())
        .collect();
    let mut places: Vec<Location> = Vec::new();
    for l in members.iter().flat_map(|c| &c.incident.locations) {
        if !places
            .iter()
            .any(|p| p.name == l.name && p.country == l.country && p.precision == l.precision)
        {
            places.push(l.clone());
        }
    }
    let mut kinds: Vec<(EventType, usize)> = Vec::new();
    for c in members {
        match kinds.iter_mut().find(|k| k.0 == c.incident.kind) {
            Some(k) => k.1 += 1,
            None => kinds.push((c.incident.kind, 1)),
        }
    }
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let has = |s: Status| members.iter().any(|c| c.incident.status == s);
    Consolidated {
        sources,
        people_min: counts.iter().map(|c| c.0.min(c.1)).min(),
        people_max: counts.iter().map(|c| c.0.max(c.1)).max(),
        date_start: dates.iter().map(|d| d.start).min(),
        date_end: dates.iter().map(|d| d.end).max(),
        places,
        first_report: members.iter().filter_map(|c| c.published).min(),
        last_report: members.iter().filter_map(|c| c.published).max(),
        kind: kinds.first().map_or(EventType::Arrest, |k| k.0),
        status: if has(Status::Occurred) || members.is_empty() {
            Status::Occurred
        } else if has(Status::Blocked) {
            Status::Blocked
        } else {
            Status::Planned
        },
    }
}

//! Cross-report linking: the incidents of different reports that tell the
//! same real act (one arrest, one repatriation...) are put in one **case**.
//!
//! Pure and deterministic: no I/O, no clock, no randomness; the same claims
//! in the same order always give the same cases.
//!
//! # The rules
//!
//! A new claim is compared with every claim of each candidate case. A case
//! is **ruled out** when any of its claims conflicts with the new one:
//!
//! - **same report**: a report tells one act once, so two incidents of one
//!   document never share a case;
//! - **type**: the event types differ;
//! - **status**: one occurred and the other was blocked (a `planned` act
//!   agrees with both: plans are carried out or halted);
//! - **dates**: each side's days, widened by a tolerance tied to its
//!   precision (a quarter of the interval's length, 2 to 30 days; a planned
//!   act, or a detention, which goes on, also 30 days later), do not
//!   overlap. An undated act is taken to lie in the 90 days up to its
//!   report's publication (a planned one from 30 days before to 90 days
//!   after it);
//! - **places**: both name places and no pair of them can be one place. Two
//!   towns are one place when they have the same name or GeoNames id, or lie
//!   within 25 km (50 km when one is a river or border stretch; so the two
//!   ends of one border crossing are one place); a province agrees with
//!   itself and with a town inside it; a country agrees with anything inside
//!   it, but earns nothing;
//! - **counts**: the two counts, read as intervals ("more than 500" = 501 to
//!   1002, "nearly 500" = 250 to 499), are more than 5 times apart (ratio of
//!   the nearer ends, each plus one);
//! - **actors**: both name states and they share none;
//! - **nothing specific in common**: the two agree neither on the day (their
//!   dates overlap and the wider spans at most three days), nor on a place
//!   (same town, river or province), nor on the count (overlapping, or
//!   within a ratio of 1.25). Sharing a week, a month or a year, or being
//!   published close together, proves nothing by itself; an undated claim
//!   therefore links only on a place or a count.
//!
//! Otherwise the pair earns points (one point = half a unit of evidence):
//!
//! | evidence | points |
//! |---|---|
//! | dates overlap, the wider spanning ≤ 3 / ≤ 11 / ≤ 31 / ≤ 92 / ≤ 366 days | 6 / 5 / 4 / 2 / 1 (half when they meet only within the tolerance) |
//! | same town / same river or border / same province / same country | 6 / 4 / 3 / 0 |
//! | counts equal / overlapping / ratio ≤ 1.25 / ≤ 1.5 / ≤ 5 | 4 / 3 / 2 / 1 / 0 |
//! | reports published within 7 / within 31 days of each other | 2 / 1 |
//! | a named agency (not `XX-GOV`) in common | 1 |
//!
//! A case's points are those of its best-matching claim; the claim joins the
//! case with the most points, at least [`THRESHOLD`]; between cases with as
//! many points, the one more of whose claims reach the threshold with it
//! (the better corroborated act), then the lowest [`CaseId`]. With none, it
//! opens a new case.
//!
//! # Speed
//!
//! Claims are indexed by event type and by every month their widened date
//! window touches; `decide` looks only at the months of the new claim's
//! window (plus the few claims whose window is unknown or spans more than
//! four years), so it stays fast with tens of thousands of claims.

mod consolidate;
mod rules;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use repatwatch_extract::EventType;
use rules::{month_of, Features};

pub use consolidate::{consolidate, Consolidated};
pub use rules::{PLAN_SLACK, THRESHOLD, UNDATED_BEFORE};

/// A case: the claims of different reports that tell one act.
pub type CaseId = u64;

/// One incident of one report, as the linker sees it.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The caller's incident id.
    pub id: u64,
    pub document_id: String,
    pub published: Option<chrono::NaiveDate>,
    pub incident: repatwatch_extract::Incident,
}

/// What [`Linker::decide`] says of a new claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// It tells the act of this existing case.
    Join(CaseId),
    /// It tells an act no existing case tells.
    New,
}

/// A window spanning more months than this is not indexed by month.
const MAX_INDEXED_MONTHS: i32 = 48;

struct Member {
    case: CaseId,
    features: Features,
}

/// The claims of existing cases, indexed for [`Linker::decide`].
#[derive(Default)]
pub struct Linker {
    members: Vec<Member>,
    /// Case -> indexes into `members`.
    cases: BTreeMap<CaseId, Vec<usize>>,
    /// Case -> its members grouped by equal features but for the report
    /// (a wire story reprinted by many outlets): a claim is compared once
    /// per group, which gives the same rank as once per member.
    groups: HashMap<CaseId, Vec<Vec<usize>>>,
    /// Case -> the reports of its members, with how many members each.
    reports: HashMap<CaseId, HashMap<String, usize>>,
    /// (type, month) -> cases with a member whose window touches that month.
    by_month: HashMap<(EventType, i32), BTreeSet<CaseId>>,
    /// Type -> cases with a member with no window, or one too wide to
    /// index by month.
    unbounded: HashMap<EventType, BTreeSet<CaseId>>,
    /// Type -> every case with a member of it (for a claim with no window).
    by_type: HashMap<EventType, BTreeSet<CaseId>>,
    /// Claim id -> index into `members` (claims still in a case).
    by_id: HashMap<u64, usize>,
    /// Members taken out by [`Linker::remove`].
    removed: usize,
}

impl Linker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads a member of an existing case (e.g. from the store) — never
    /// relinks it.
    pub fn add(&mut self, case: CaseId, claim: Claim) {
        let features = Features::of(&claim);
        let i = self.members.len();
        let kind = features.kind;
        match features.window {
            Some((s, e)) if month_of(e) - month_of(s) < MAX_INDEXED_MONTHS => {
                for m in month_of(s)..=month_of(e) {
                    self.by_month.entry((kind, m)).or_default().insert(case);
                }
            }
            _ => {
                self.unbounded.entry(kind).or_default().insert(case);
            }
        }
        self.by_type.entry(kind).or_default().insert(case);
        self.cases.entry(case).or_default().push(i);
        self.by_id.insert(claim.id, i);
        *self
            .reports
            .entry(case)
            .or_default()
            .entry(features.document.clone())
            .or_default() += 1;
        let groups = self.groups.entry(case).or_default();
        match groups
            .iter_mut()
            .find(|g| rules::same_but_report(&self.members[g[0]].features, &features))
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
        self.members.push(Member { case, features });
    }

    /// Takes a claim out of its case (e.g. its report was superseded by a
    /// new version, or an analyst rejected it): later decisions no longer
    /// see it. Returns its case, `None` for an unknown id.
    pub fn remove(&mut self, claim_id: u64) -> Option<CaseId> {
        let i = self.by_id.remove(&claim_id)?;
        let case = self.members[i].case;
        self.removed += 1;
        if let Some(list) = self.cases.get_mut(&case) {
            list.retain(|&j| j != i);
        }
        if let Some(groups) = self.groups.get_mut(&case) {
            for g in groups.iter_mut() {
                g.retain(|&j| j != i);
            }
            groups.retain(|g| !g.is_empty());
        }
        if let Some(reports) = self.reports.get_mut(&case) {
            let doc = &self.members[i].features.document;
            if let Some(n) = reports.get_mut(doc) {
                *n -= 1;
                if *n == 0 {
                    reports.remove(doc);
                }
            }
        }
        // The month and type indexes only name candidate cases; a case
        // whose members are all gone ranks `None` in `decide`.
        Some(case)
    }

    /// Which existing case, if any, a new claim tells. Deterministic: ties
    /// broken by lowest CaseId.
    pub fn decide(&self, claim: &Claim) -> Decision {
        let f = Features::of(claim);
        let mut candidates = BTreeSet::new();
        let mut note = |list: Option<&BTreeSet<CaseId>>| {
            candidates.extend(list.into_iter().flatten().copied());
        };
        match f.window {
            Some((s, e)) if month_of(e) - month_of(s) < MAX_INDEXED_MONTHS => {
                for m in month_of(s)..=month_of(e) {
                    note(self.by_month.get(&(f.kind, m)));
                }
                note(self.unbounded.get(&f.kind));
            }
            _ => note(self.by_type.get(&f.kind)),
        }
        // Rank: best pair points, then how many members reach the
        // threshold with the claim; then the lowest case id.
        let mut best: Option<((i32, usize), CaseId)> = None;
        for case in candidates {
            let Some(rank) = self.case_rank(case, &f) else {
                continue;
            };
            let better = match best {
                Some((b, _)) => rank > b,
                None => true,
            };
            if rank.0 >= THRESHOLD && better {
                best = Some((rank, case));
            }
        }
        match best {
            Some((_, case)) => Decision::Join(case),
            None => Decision::New,
        }
    }

    /// How well a case fits a new claim: the points of its best-matching
    /// member and the number of members that reach [`THRESHOLD`] with it;
    /// `None` when any member rules the claim out.
    ///
    /// The same as comparing the claim with every member: a member of the
    /// claim's own report rules it out, and the members of one group (equal
    /// but for their report) earn the same points.
    fn case_rank(&self, case: CaseId, f: &Features) -> Option<(i32, usize)> {
        if self
            .reports
            .get(&case)
            .is_some_and(|r| r.contains_key(&f.document))
        {
            return None;
        }
        let mut best = i32::MIN;
        let mut agreeing = 0;
        for g in self.groups.get(&case)? {
            let points = rules::compare_but_report(f, &self.members[g[0]].features)?;
            best = best.max(points);
            if points >= THRESHOLD {
                agreeing += g.len();
            }
        }
        (best > i32::MIN).then_some((best, agreeing))
    }

    /// [`Linker::case_rank`] member by member: the reference the grouped
    /// ranking is tested against.
    #[cfg(test)]
    fn case_rank_plain(&self, case: CaseId, f: &Features) -> Option<(i32, usize)> {
        let mut best = i32::MIN;
        let mut agreeing = 0;
        for &i in self.cases.get(&case)? {
            let points = rules::compare(f, &self.members[i].features)?;
            best = best.max(points);
            agreeing += usize::from(points >= THRESHOLD);
        }
        (best > i32::MIN).then_some((best, agreeing))
    }

    /// Links a new claim: joins the case [`Linker::decide`] names, or opens
    /// a new one numbered [`Linker::next_case_id`]; returns its case.
    pub fn link(&mut self, claim: Claim) -> CaseId {
        let case = match self.decide(&claim) {
            Decision::Join(c) => c,
            Decision::New => self.next_case_id(),
        };
        self.add(case, claim);
        case
    }

    /// One more than the highest case loaded (1 when none).
    pub fn next_case_id(&self) -> CaseId {
        self.cases.keys().next_back().map_or(1, |c| c + 1)
    }

    /// Number of claims loaded (and not removed).
    pub fn len(&self) -> usize {
        self.members.len() - self.removed
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of cases loaded.
    pub fn cases(&self) -> usize {
        self.cases.len()
    }
}

/// The points two claims earn as tellings of one act, `None` when a rule
/// says they are different acts (for diagnostics; see the crate docs).
pub fn pair_points(a: &Claim, b: &Claim) -> Option<i32> {
    rules::compare(&Features::of(a), &Features::of(b))
}

/// Convenience for batch use: links claims in the given order, returns one
/// case id per claim (ids 1, 2, ... in order of creation).
pub fn link_all(claims: &[Claim]) -> Vec<CaseId> {
    let mut linker = Linker::new();
    claims.iter().map(|c| linker.link(c.clone())).collect()
}

#[cfg(test)]
mod tests;

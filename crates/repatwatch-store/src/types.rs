use chrono::NaiveDate;
use repatwatch_extract::{EventType, Incident, Status};
use serde::Serialize;

use crate::linking::{CaseId, Consolidated};

/// What ingesting one report did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestOutcome {
    /// A report id not seen before.
    New {
        incidents: usize,
        cases: Vec<CaseId>,
    },
    /// A changed text under a stored id: stored as the next version.
    NewVersion {
        version: i64,
        incidents: usize,
        cases: Vec<CaseId>,
    },
    /// The same text is already stored under this id: nothing added.
    Unchanged,
}

/// What re-extraction did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReextractOutcome {
    pub reports: usize,
    /// Incidents whose stable key was already stored (id, case and decisions kept).
    pub kept: usize,
    pub added: usize,
    pub removed: usize,
    /// Analysts' decisions applied again.
    pub decisions_reapplied: usize,
}

/// Which incidents a query returns. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<EventType>,
    pub status: Option<Status>,
    /// The incident's date range ends on or after this day.
    pub from: Option<NaiveDate>,
    /// The incident's date range starts on or before this day.
    pub to: Option<NaiveDate>,
    /// ISO country code of any of its places (`CN`, `KP`).
    pub country: Option<String>,
    /// Province (admin1) of any of its places, case-insensitive.
    pub province: Option<String>,
    /// Name (or the text as written) of any of its places; case-insensitive substring.
    pub place: Option<String>,
    /// At least this many people (the lower bound of the count).
    pub min_people: Option<u64>,
    /// Full-text search over the reports (FTS5 syntax; plain words are ANDed).
    pub search: Option<String>,
    /// `confirmed`, `rejected` or `unreviewed`.
    pub review: Option<String>,
    /// Markers put around matched words in snippets.
    pub highlight: (String, String),
    /// Also incidents of report versions superseded by a newer text.
    pub all_versions: bool,
    /// At most this many rows (incidents, or cases), in id order.
    pub limit: Option<usize>,
}

impl Filter {
    pub fn new() -> Self {
        Filter {
            highlight: ("[".into(), "]".into()),
            ..Default::default()
        }
    }
}

/// One stored incident, as reviewed.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    pub id: i64,
    /// Stable key: document id, version, type and evidence spans.
    pub key: String,
    pub document_id: String,
    pub version: i64,
    pub incident_index: usize,
    pub case_id: Option<CaseId>,
    /// `confirmed`, `rejected`, or null (not reviewed).
    pub review: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// False for incidents of a report version superseded by a newer text.
    pub current: bool,
    /// With `--search`: the matching words of the report, highlighted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    pub incident: Incident,
}

/// One case and its consolidated view.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRow {
    pub id: CaseId,
    /// Members counted (current, not rejected).
    pub incidents: usize,
    pub consolidated: Consolidated,
}

/// A case with every source's claim.
#[derive(Debug, Clone, Serialize)]
pub struct CasePage {
    pub id: CaseId,
    pub consolidated: Consolidated,
    /// Every member, rejected and superseded ones included (see `review`).
    pub members: Vec<IncidentRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Year,
}

/// Counts for one period, type and status: each case once.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatRow {
    /// `2021-03`, `2021`, or `undated`.
    pub period: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    /// Distinct acts (cases).
    pub incidents: u64,
    /// Reports' incidents behind them.
    pub claims: u64,
    /// Cases with a count.
    pub counted: u64,
    /// Sum over cases of the lowest and of the highest count given.
    pub people_min: u64,
    pub people_max: u64,
}

/// One analyst decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewAction {
    Confirm(i64),
    Reject(i64),
    Edit {
        incident: i64,
        field: String,
        value: String,
    },
    Move {
        incident: i64,
        case: CaseId,
    },
    /// Moves every member of `from` into `into`.
    Merge {
        into: CaseId,
        from: CaseId,
    },
    /// Moves the incidents into one new case.
    Split {
        case: CaseId,
        incidents: Vec<i64>,
    },
}

/// Fields `review edit` accepts.
pub const EDITABLE_FIELDS: &[&str] = &[
    "type", "status", "hedged", "date", "people", "gender", "minors", "facility", "places",
    "actors",
];

/// One row of the audit log.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub user: String,
    pub action: String,
    /// The incident's stable key, or `case N`.
    pub target: String,
    pub field: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

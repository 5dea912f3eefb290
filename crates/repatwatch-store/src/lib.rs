//! The repatwatch incident database.
//!
//! Everything the rest of the program asks of the database goes through the
//! [`Store`] trait; [`SqliteStore`] is its one backend today (SQLite with
//! WAL and FTS5, bundled). A PostgreSQL backend implements the same trait.
//!
//! What is stored: every report version (id, metadata, text, SHA-256 of the
//! text, extractor version), its incidents (the extractor's JSON, the
//! reviewed JSON, the columns queries filter on, places and evidence spans),
//! cases (groups of incidents that tell one act) with each case's
//! consolidated view (`case_summary`, rewritten in the transaction that
//! changes the case's members), analysts' decisions keyed by a stable
//! incident key, and an append-only audit log.

mod error;
pub mod linking;
mod sqlite;
mod types;

pub use error::{Error, ErrorKind, Result};
pub use linking::{CaseId, Consolidated};
pub use sqlite::{distinct_cases, OpenOptions, SqliteStore, APPLICATION_ID, SCHEMA_VERSION};
pub use types::*;

use repatwatch_extract::{Extraction, Report};

/// The database, whatever the backend.
pub trait Store {
    /// Stores one batch of extracted reports in one transaction (all or
    /// nothing). A report whose text is already stored under its id adds
    /// nothing; a changed text under a stored id is a new version.
    fn ingest(&mut self, batch: &[(Report, Extraction)]) -> Result<Vec<IngestOutcome>>;

    /// Whether this text (by SHA-256) is already stored under this report
    /// id (ingest skips extracting it).
    fn contains(&self, doc_id: &str, sha256: &str) -> Result<bool>;

    /// Incidents matching `filter`, in id order.
    fn incidents(&self, filter: &Filter) -> Result<Vec<IncidentRow>>;
    /// The rows of [`Store::incidents`], handed to `each` one at a time as
    /// they are read (a long listing is never held in memory whole);
    /// `each` returns false to stop.
    fn each_incident(
        &self,
        filter: &Filter,
        each: &mut dyn FnMut(IncidentRow) -> bool,
    ) -> Result<()>;
    /// How many incidents match `filter` (its `limit` aside).
    fn count_incidents(&self, filter: &Filter) -> Result<usize>;
    /// Cases with at least one member matching `filter`, in id order, with
    /// their consolidated view (kept up to date in `case_summary`).
    fn cases(&self, filter: &Filter) -> Result<Vec<CaseRow>>;
    /// How many cases `cases` lists for `filter` (its `limit` aside).
    fn count_cases(&self, filter: &Filter) -> Result<usize>;
    /// One case: every member (each source's claim) and the consolidated view.
    fn case(&self, id: CaseId) -> Result<CasePage>;
    /// Incidents and people per period, type and status, each case once.
    fn stats(&self, by: Period, filter: &Filter) -> Result<Vec<StatRow>>;

    /// Applies one analyst's decision and appends it to the audit log.
    fn review(&mut self, user: &str, action: &ReviewAction) -> Result<String>;
    /// The audit log, oldest first.
    fn audit(&self) -> Result<Vec<AuditEntry>>;

    /// Current report versions to re-extract: those coded by another
    /// extractor version than `extractor_version` (all of them with `force`).
    fn reports_to_reextract(
        &self,
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<(i64, Report)>>;
    /// Replaces the incidents of stored report versions by a new
    /// extraction, keeping incident ids, cases and analysts' decisions for
    /// incidents whose stable key is unchanged.
    fn replace_extractions(
        &mut self,
        batch: &[(i64, Extraction)],
        extractor_version: &str,
    ) -> Result<ReextractOutcome>;

    /// A canonical text dump of every table, without timestamps (tests,
    /// crash-recovery checks).
    fn dump(&self) -> Result<String>;
    /// `PRAGMA integrity_check` (or the backend's equivalent): "ok" or the problems.
    fn integrity_check(&self) -> Result<String>;
}

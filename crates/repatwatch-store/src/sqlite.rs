//! The SQLite backend of [`Store`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use repatwatch_extract::{
    sha256_hex, Count, EventType, Extraction, Gender, Incident, IncidentDate, Report, Status,
};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, ErrorCode, OpenFlags, OptionalExtension};

use crate::error::{Error, ErrorKind, Result};
use crate::linking::{consolidate, CaseId, Claim, Consolidated, Decision, Linker};
use crate::types::*;
use crate::Store;

/// `PRAGMA application_id` of a repatwatch database ("RWDB").
pub const APPLICATION_ID: i32 = 0x5257_4442;
/// The schema version this code writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i32 = 2;

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

/// Migration `i` takes a database from schema version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE reports(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT,
  extractor_version TEXT NOT NULL,
  current INTEGER NOT NULL DEFAULT 1,
  ingested_at TEXT NOT NULL,
  extracted_at TEXT NOT NULL,
  UNIQUE(doc_id, version),
  UNIQUE(doc_id, sha256)
);
CREATE INDEX reports_current ON reports(current, extractor_version);
CREATE TABLE report_texts(
  id INTEGER PRIMARY KEY REFERENCES reports(id),
  title TEXT,
  text TEXT NOT NULL
);
CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='report_texts', content_rowid='id');
CREATE TABLE cases(id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE incidents(
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  idx INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  hedged INTEGER NOT NULL,
  date_start TEXT,
  date_end TEXT,
  people_min INTEGER,
  people_max INTEGER,
  case_id INTEGER REFERENCES cases(id),
  review TEXT,
  current INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE incident_json(
  id INTEGER PRIMARY KEY REFERENCES incidents(id),
  extracted TEXT NOT NULL,
  incident TEXT NOT NULL
);
CREATE INDEX incidents_report ON incidents(report_id);
CREATE INDEX incidents_case ON incidents(case_id);
CREATE INDEX incidents_kind ON incidents(kind, date_start);
CREATE INDEX incidents_start ON incidents(date_start);
CREATE INDEX incidents_end ON incidents(date_end);
CREATE INDEX incidents_people ON incidents(people_min);
CREATE INDEX incidents_status ON incidents(status);
CREATE INDEX incidents_review ON incidents(review);
CREATE TABLE places(
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  text TEXT,
  admin1 TEXT,
  country TEXT NOT NULL,
  precision TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  geonames_id INTEGER,
  PRIMARY KEY(incident_id, ord)
) WITHOUT ROWID;
CREATE INDEX places_country ON places(country, incident_id);
CREATE INDEX places_admin1 ON places(admin1 COLLATE NOCASE, incident_id);
CREATE INDEX places_name ON places(name COLLATE NOCASE, incident_id);
CREATE TABLE evidence(
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  ord INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  PRIMARY KEY(incident_id, ord)
) WITHOUT ROWID;
CREATE TABLE decisions(
  key TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(key, field)
) WITHOUT ROWID;
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  field TEXT,
  before TEXT,
  after TEXT
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"#,
    // v2: every case's consolidated view, kept up to date by the store's
    // transactions (`LinkState::flush`, `refresh_summaries`) and built for
    // existing cases by the migration (`migrate`). One row per case with at
    // least one counted member (current, not rejected). Case filters select
    // through the members (`case_condition`): no index beyond the key.
    r#"
CREATE TABLE case_summary(
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  members INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  people_min INTEGER,
  people_max INTEGER,
  date_start TEXT,
  date_end TEXT,
  first_report TEXT,
  last_report TEXT,
  places TEXT NOT NULL
);
"#,
];

/// How to open a database.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another process's lock before giving up.
    pub busy_timeout: Duration,
    /// Create the file when it does not exist (ingest); otherwise a missing
    /// file is an error (queries).
    pub create: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
            create: true,
        }
    }
}

/// The SQLite implementation of [`Store`].
pub struct SqliteStore {
    conn: Connection,
    file: String,
    busy: Duration,
    /// Existing cases' counted members, loaded on the first ingest.
    state: Option<LinkState>,
}

/// The counted members (current, not rejected) of every case, in memory
/// during ingest: the linker's index to decide which case a new incident
/// joins, and the members themselves (only what [`consolidate`] reads) to
/// keep `case_summary` up to date without reading them back.
struct LinkState {
    linker: Linker,
    members: HashMap<CaseId, Vec<Claim>>,
    /// Cases whose members changed since the last [`LinkState::flush`].
    dirty: BTreeSet<CaseId>,
    /// `PRAGMA data_version` when loaded: it changes only when another
    /// connection commits, which makes this state stale.
    data_version: i64,
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

impl LinkState {
    fn new() -> Self {
        LinkState {
            linker: Linker::new(),
            members: HashMap::new(),
            dirty: BTreeSet::new(),
            data_version: 0,
        }
    }

    /// A counted member of `case` (incident ids only grow, so each list
    /// stays in id order as the queries read it).
    fn add(&mut self, case: CaseId, claim: Claim) {
        self.members
            .entry(case)
            .or_default()
            .push(summary_claim(&claim));
        self.linker.add(case, claim);
        self.dirty.insert(case);
    }

    /// An incident that stops counting (its report got a new version).
    fn remove(&mut self, id: i64) {
        if let Some(case) = self.linker.remove(id as u64) {
            if let Some(list) = self.members.get_mut(&case) {
                list.retain(|c| c.id != id as u64);
            }
            self.dirty.insert(case);
        }
    }

    /// Writes the summaries of the cases changed since the last flush.
    fn flush(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        for case in std::mem::take(&mut self.dirty) {
            let members = self.members.get(&case).map_or(&[][..], |m| &m[..]);
            write_summary(conn, case, members)?;
        }
        Ok(())
    }
}

/// What [`consolidate`] reads of a claim, and no more: the same values the
/// indexed columns and the places table hold (`load_claims`), so that a
/// summary kept up in memory equals one rebuilt from the tables.
fn summary_claim(c: &Claim) -> Claim {
    let inc = &c.incident;
    let (pmin, pmax) = people_bounds(inc);
    Claim {
        id: c.id,
        document_id: c.document_id.clone(),
        published: c.published,
        incident: Incident {
            kind: inc.kind,
            status: inc.status,
            hedged: inc.hedged,
            date: inc.date.as_ref().map(|d| IncidentDate {
                text: None,
                start: d.start,
                end: d.end,
            }),
            locations: inc
                .locations
                .iter()
                .map(|l| repatwatch_extract::Location {
                    country: l.country.to_ascii_uppercase(),
                    ..l.clone()
                })
                .collect(),
            facility: None,
            people: repatwatch_extract::People {
                text: None,
                count: counted(pmin, pmax),
                gender: None,
                minors: None,
            },
            actors: Vec::new(),
            sources: Vec::new(),
            evidence: Vec::new(),
            explain: None,
        },
    }
}

fn counted(pmin: Option<i64>, pmax: Option<i64>) -> Option<Count> {
    (pmin.is_some() || pmax.is_some())
        .then(|| Count::range(pmin.map(|v| v as u64), pmax.map(|v| v as u64), false))
}

/// Writes one case's summary from its counted members (none: no row).
fn write_summary(conn: &Connection, case: CaseId, members: &[Claim]) -> rusqlite::Result<()> {
    if members.is_empty() {
        conn.prepare_cached("DELETE FROM case_summary WHERE case_id=?1")?
            .execute([case as i64])?;
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO case_summary(case_id, members, sources, kind, status,
         people_min, people_max, date_start, date_end, first_report, last_report, places)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    )?
    .execute(params_from_iter(summary_values(case, members)))?;
    Ok(())
}

/// A `case_summary` row, in column order.
fn summary_values(case: CaseId, members: &[Claim]) -> Vec<Value> {
    let c = consolidate(members);
    let int = |v: Option<u64>| v.map_or(Value::Null, |v| Value::Integer(v as i64));
    let date = |d: Option<NaiveDate>| date_str(d).map_or(Value::Null, Value::Text);
    vec![
        Value::Integer(case as i64),
        Value::Integer(members.len() as i64),
        Value::Integer(c.sources as i64),
        Value::Text(c.kind.as_str().into()),
        Value::Text(c.status.as_str().into()),
        int(c.people_min),
        int(c.people_max),
        date(c.date_start),
        date(c.date_end),
        date(c.first_report),
        date(c.last_report),
        Value::Text(serde_json::to_string(&c.places).expect("places serialize")),
    ]
}

/// Cases whose stored summary differs from one rebuilt from the tables.
fn stale_summaries(conn: &Connection) -> rusqlite::Result<Vec<CaseId>> {
    let mut stored: BTreeMap<CaseId, Vec<Value>> = BTreeMap::new();
    let mut st = conn.prepare(
        "SELECT case_id, members, sources, kind, status, people_min, people_max, date_start,
                date_end, first_report, last_report, places FROM case_summary",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let v: Vec<Value> = (0..12).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
        stored.insert(r.get::<_, i64>(0)? as CaseId, v);
    }
    let mut stale = Vec::new();
    for (case, members) in load_claims(conn, "i.case_id IS NOT NULL", &[])? {
        if stored.remove(&case).as_ref() != Some(&summary_values(case, &members)) {
            stale.push(case);
        }
    }
    stale.extend(stored.into_keys());
    stale.sort();
    Ok(stale)
}

/// Rebuilds the summaries of `cases` (all cases: `None`) from the tables.
fn refresh_summaries(conn: &Connection, cases: Option<&BTreeSet<CaseId>>) -> rusqlite::Result<()> {
    let which = match cases {
        Some(set) if set.is_empty() => return Ok(()),
        Some(set) => format!(
            "i.case_id IN ({})",
            set.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
        None => {
            conn.execute("DELETE FROM case_summary", [])?;
            "i.case_id IS NOT NULL".to_string()
        }
    };
    let members = load_claims(conn, &which, &[])?;
    match cases {
        Some(set) => {
            for &case in set {
                let m = members.get(&case).map_or(&[][..], |m| &m[..]);
                write_summary(conn, case, m)?;
            }
        }
        None => {
            for (case, m) in &members {
                write_summary(conn, *case, m)?;
            }
        }
    }
    Ok(())
}

/// The counted members (current, not rejected) of the cases `which`
/// selects (an SQL condition on `incidents i`), as claims built from the
/// indexed columns and the places table: no JSON is parsed.
fn load_claims(
    conn: &Connection,
    which: &str,
    params: &[Value],
) -> rusqlite::Result<BTreeMap<CaseId, Vec<Claim>>> {
    let members = format!(
        "FROM incidents i JOIN reports r ON r.id = i.report_id
         WHERE {which} AND +i.current = 1 AND i.review IS NOT 'rejected'"
    );
    let sql = format!(
        "SELECT i.case_id, i.id, r.doc_id, r.published, i.kind, i.status, i.hedged,
                i.date_start, i.date_end, i.people_min, i.people_max
         {members} ORDER BY i.case_id, i.id"
    );
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(params_from_iter(params.iter()))?;
    let mut out: BTreeMap<CaseId, Vec<Claim>> = BTreeMap::new();
    let mut at: HashMap<i64, (CaseId, usize)> = HashMap::new();
    while let Some(r) = rows.next()? {
        let case = r.get::<_, i64>(0)? as CaseId;
        let id: i64 = r.get(1)?;
        let kind: String = r.get(4)?;
        let status: String = r.get(5)?;
        let date = match (parse_date(r.get(7)?), parse_date(r.get(8)?)) {
            (Some(start), Some(end)) => Some(IncidentDate {
                text: None,
                start,
                end,
            }),
            _ => None,
        };
        let incident = Incident {
            kind: serde_json::from_value(serde_json::Value::String(kind))
                .unwrap_or(EventType::Arrest),
            status: serde_json::from_value(serde_json::Value::String(status)).unwrap_or_default(),
            hedged: r.get(6)?,
            date,
            locations: Vec::new(),
            facility: None,
            people: repatwatch_extract::People {
                text: None,
                count: counted(r.get(9)?, r.get(10)?),
                gender: None,
                minors: None,
            },
            actors: Vec::new(),
            sources: Vec::new(),
            evidence: Vec::new(),
            explain: None,
        };
        let list = out.entry(case).or_default();
        at.insert(id, (case, list.len()));
        list.push(Claim {
            id: id as u64,
            document_id: r.get(2)?,
            published: parse_date(r.get(3)?),
            incident,
        });
    }
    drop(rows);
    let sql = format!(
        "SELECT p.incident_id, p.name, p.text, p.admin1, p.country, p.precision, p.lat, p.lon, p.geonames_id
         FROM places p WHERE p.incident_id IN (SELECT i.id {members}) ORDER BY p.incident_id, p.ord"
    );
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(params_from_iter(params.iter()))?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let precision: String = r.get(5)?;
        let loc = repatwatch_extract::Location {
            name: r.get(1)?,
            text: r.get(2)?,
            admin1: r.get(3)?,
            country: r.get(4)?,
            precision: serde_json::from_value(serde_json::Value::String(precision))
                .unwrap_or(repatwatch_extract::Precision::Country),
            lat: r.get(6)?,
            lon: r.get(7)?,
            geonames_id: r.get(8)?,
        };
        if let Some((case, i)) = at.get(&id) {
            if let Some(list) = out.get_mut(case) {
                list[*i].incident.locations.push(loc);
            }
        }
    }
    Ok(out)
}

fn classify(file: &str, busy: Duration, e: rusqlite::Error) -> Error {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                return Error::new(
                    ErrorKind::Locked,
                    file,
                    format!(
                        "the database is locked by another process (gave up after {:.1} s); try again when it is done",
                        busy.as_secs_f64()
                    ),
                )
            }
            ErrorCode::DiskFull => {
                return Error::new(
                    ErrorKind::DiskFull,
                    file,
                    "disk full: the database could not grow; this batch was not stored (everything stored before is intact)",
                )
            }
            ErrorCode::NotADatabase => {
                return Error::new(
                    ErrorKind::NotADatabase,
                    file,
                    "not a SQLite database, so not a repatwatch database; refusing to touch it",
                )
            }
            ErrorCode::ReadOnly => {
                return Error::new(ErrorKind::Other, file, "the database is read-only")
            }
            _ => {}
        }
    }
    Error::new(ErrorKind::Other, file, format!("database error: {e}"))
}

fn date_str(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// `YYYY-MM-DD` as stored (a hand parser: this runs for every row of a case listing).
fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    let s = s?;
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// The stable key of an incident: document id, version, type, evidence spans.
fn base_key(doc: &str, version: i64, inc: &Incident) -> String {
    let spans: Vec<String> = inc
        .evidence
        .iter()
        .map(|e| format!("{}-{}", e.start, e.end))
        .collect();
    format!("{doc}@{version}:{}:{}", inc.kind.as_str(), spans.join(","))
}

/// Keys for all incidents of one extraction (a repeated key gets `#2`, `#3`).
fn keys_for(doc: &str, version: i64, incidents: &[Incident]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    incidents
        .iter()
        .map(|inc| {
            let k = base_key(doc, version, inc);
            let n = seen.entry(k.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                k
            } else {
                format!("{k}#{n}")
            }
        })
        .collect()
}

fn people_bounds(inc: &Incident) -> (Option<i64>, Option<i64>) {
    match inc.people.count {
        Some(c) => (
            c.min.or(c.max).map(|v| v as i64),
            c.max.or(c.min).map(|v| v as i64),
        ),
        None => (None, None),
    }
}

/// Writes the columns, places and evidence that mirror an incident's JSON.
fn write_derived(conn: &Connection, id: i64, inc: &Incident) -> rusqlite::Result<()> {
    let (pmin, pmax) = people_bounds(inc);
    let json = serde_json::to_string(inc).expect("incidents serialize");
    conn.prepare_cached("UPDATE incident_json SET incident=?1 WHERE id=?2")?
        .execute(params![json, id])?;
    conn.prepare_cached(
        "UPDATE incidents SET kind=?1, status=?2, hedged=?3, date_start=?4, date_end=?5,
         people_min=?6, people_max=?7 WHERE id=?8",
    )?
    .execute(params![
        inc.kind.as_str(),
        inc.status.as_str(),
        inc.hedged,
        date_str(inc.date.as_ref().map(|d| d.start)),
        date_str(inc.date.as_ref().map(|d| d.end)),
        pmin,
        pmax,
        id
    ])?;
    write_places(conn, id, inc, false)
}

fn write_places(conn: &Connection, id: i64, inc: &Incident, fresh: bool) -> rusqlite::Result<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM places WHERE incident_id=?1")?
            .execute([id])?;
    }
    let mut ins = conn.prepare_cached(
        "INSERT INTO places(incident_id, ord, name, text, admin1, country, precision, lat, lon, geonames_id)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    )?;
    for (i, l) in inc.locations.iter().enumerate() {
        ins.execute(params![
            id,
            i as i64,
            l.name,
            l.text,
            l.admin1,
            l.country.to_ascii_uppercase(),
            enum_text(&l.precision),
            l.lat,
            l.lon,
            l.geonames_id
        ])?;
    }
    Ok(())
}

fn write_evidence(conn: &Connection, id: i64, inc: &Incident, fresh: bool) -> rusqlite::Result<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM evidence WHERE incident_id=?1")?
            .execute([id])?;
    }
    let mut ins = conn.prepare_cached(
        "INSERT INTO evidence(incident_id, ord, start, end, quote) VALUES (?1,?2,?3,?4,?5)",
    )?;
    for (i, e) in inc.evidence.iter().enumerate() {
        ins.execute(params![id, i as i64, e.start as i64, e.end as i64, e.quote])?;
    }
    Ok(())
}

/// The analysts' decisions stored for a key, field -> value.
fn decisions_for(conn: &Connection, key: &str) -> rusqlite::Result<Vec<(String, String)>> {
    let mut st =
        conn.prepare_cached("SELECT field, value FROM decisions WHERE key=?1 ORDER BY field")?;
    let rows = st.query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Applies stored decisions to a freshly extracted incident: edited fields,
/// review and case.
struct Applied {
    incident: Incident,
    review: Option<String>,
    case: Option<CaseId>,
    count: usize,
}

fn apply_decisions(mut inc: Incident, decisions: &[(String, String)]) -> Applied {
    let mut review = None;
    let mut case = None;
    let mut count = 0;
    for (field, value) in decisions {
        count += 1;
        match field.as_str() {
            "review" => review = Some(value.clone()),
            "case" => case = value.parse().ok(),
            f => {
                let _ = apply_edit(&mut inc, f, value);
            }
        }
    }
    Applied {
        incident: inc,
        review,
        case,
        count,
    }
}

fn enum_from<T: serde::de::DeserializeOwned>(
    value: &str,
    what: &str,
    allowed: &str,
) -> std::result::Result<T, String> {
    serde_json::from_value(serde_json::Value::String(value.trim().to_ascii_lowercase()))
        .map_err(|_| format!("{value:?} is not a {what} ({allowed})"))
}

fn enum_text<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn is_none(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "" | "none" | "null" | "-"
    )
}

/// Changes one field of an incident (`review edit`).
pub(crate) fn apply_edit(
    inc: &mut Incident,
    field: &str,
    value: &str,
) -> std::result::Result<(), String> {
    let v = value.trim();
    match field {
        "type" => {
            inc.kind = enum_from::<EventType>(
                v,
                "type",
                "arrest, detention, transfer, repatriation, release, punishment, death",
            )?
        }
        "status" => inc.status = enum_from::<Status>(v, "status", "occurred, planned, blocked")?,
        "hedged" => {
            inc.hedged = match v.to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => true,
                "false" | "no" | "0" => false,
                _ => return Err(format!("{value:?} is not true or false")),
            }
        }
        "date" => {
            if is_none(v) {
                inc.date = None;
            } else {
                let (a, b) = v.split_once("..").unwrap_or((v, v));
                let p = |s: &str| {
                    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                        format!("{value:?} is not a date (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)")
                    })
                };
                let (s, e) = (p(a)?, p(b)?);
                if e < s {
                    return Err(format!("{value:?}: the end is before the start"));
                }
                let text = inc.date.as_ref().and_then(|d| d.text.clone());
                inc.date = Some(IncidentDate {
                    text,
                    start: s,
                    end: e,
                });
            }
        }
        "people" => {
            if is_none(v) {
                inc.people.count = None;
            } else {
                let (approx, n) = match v.strip_prefix('~') {
                    Some(rest) => (true, rest),
                    None => (false, v),
                };
                let (a, b) = n.split_once('-').unwrap_or((n, n));
                let p = |s: &str| {
                    s.trim()
                        .parse::<u64>()
                        .map_err(|_| format!("{value:?} is not a count (N, N-M, ~N or none)"))
                };
                let (a, b) = (p(a)?, p(b)?);
                if b < a {
                    return Err(format!("{value:?}: the maximum is below the minimum"));
                }
                inc.people.count = Some(Count::range(Some(a), Some(b), approx));
            }
        }
        "gender" => {
            inc.people.gender = if is_none(v) {
                None
            } else {
                Some(enum_from::<Gender>(
                    v,
                    "gender",
                    "female, male, mixed, none",
                )?)
            }
        }
        "minors" => {
            inc.people.minors = if is_none(v) {
                None
            } else {
                Some(
                    v.parse()
                        .map_err(|_| format!("{value:?} is not a number"))?,
                )
            }
        }
        "facility" => {
            inc.facility = if is_none(v) {
                None
            } else {
                Some(v.to_string())
            }
        }
        "places" => {
            inc.locations = if is_none(v) {
                Vec::new()
            } else {
                v.split(';')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(resolve_place)
                    .collect::<std::result::Result<_, _>>()?
            }
        }
        "actors" => {
            inc.actors = if is_none(v) {
                Vec::new()
            } else {
                v.split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect()
            }
        }
        _ => {
            return Err(format!(
                "cannot edit {field:?}; editable fields: {}",
                EDITABLE_FIELDS.join(", ")
            ))
        }
    }
    Ok(())
}

/// One place of `review edit ... places`: a gazetteer name, optionally
/// followed by its province and/or country ("Nanping, Jilin",
/// "Dandong, Liaoning, CN"); the likeliest entry that fits.
fn resolve_place(item: &str) -> std::result::Result<repatwatch_extract::Location, String> {
    let mut parts = item.split(',').map(str::trim).filter(|p| !p.is_empty());
    let name = parts.next().unwrap_or_default();
    let quals: Vec<&str> = parts.collect();
    let fits = |p: &repatwatch_extract::place::Place| {
        quals.iter().all(|q| {
            p.country.eq_ignore_ascii_case(q)
                || p.admin1.as_deref().is_some_and(|a| {
                    a.eq_ignore_ascii_case(q)
                        || repatwatch_extract::place::admin1(&p.country, q)
                            .is_some_and(|r| r.name.eq_ignore_ascii_case(a))
                })
                || repatwatch_extract::place::country(q).is_none()
                    && repatwatch_extract::place::lookup(q)
                        .first()
                        .is_some_and(|c| {
                            c.precision == repatwatch_extract::Precision::Country
                                && c.country == p.country
                        })
        })
    };
    let place = repatwatch_extract::place::lookup(name)
        .into_iter()
        .find(|p| fits(p))
        .ok_or_else(|| {
            format!(
                "{item:?} is not a place of the gazetteer (a town, province or country, \
                 optionally followed by its province or country: \"Nanping, Jilin\"; \
                 places are separated by ';')"
            )
        })?;
    Ok(repatwatch_extract::Location {
        text: None,
        name: place.name.clone(),
        admin1: place.admin1.clone(),
        country: place.country.clone(),
        precision: place.precision,
        lat: place.lat,
        lon: place.lon,
        geonames_id: place.geonames_id,
    })
}

/// A field's value as text, for the audit log.
fn field_text(inc: &Incident, field: &str) -> String {
    let none = || "none".to_string();
    match field {
        "type" => inc.kind.as_str().into(),
        "status" => inc.status.as_str().into(),
        "hedged" => inc.hedged.to_string(),
        "date" => inc.date.as_ref().map_or_else(none, |d| {
            if d.start == d.end {
                d.start.to_string()
            } else {
                format!("{}..{}", d.start, d.end)
            }
        }),
        "people" => inc.people.count.map_or_else(none, |c| {
            let a = c.min.or(c.max).map_or("?".into(), |v| v.to_string());
            let b = c.max.or(c.min).map_or("?".into(), |v| v.to_string());
            let t = if a == b { a } else { format!("{a}-{b}") };
            if c.approximate {
                format!("~{t}")
            } else {
                t
            }
        }),
        "gender" => inc.people.gender.map_or_else(none, |g| {
            serde_json::to_value(g)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        }),
        "minors" => inc.people.minors.map_or_else(none, |m| m.to_string()),
        "facility" => inc.facility.clone().unwrap_or_else(none),
        "places" => {
            if inc.locations.is_empty() {
                none()
            } else {
                inc.locations
                    .iter()
                    .map(|l| match &l.admin1 {
                        Some(a) if a != &l.name => format!("{}, {a}, {}", l.name, l.country),
                        _ => format!("{}, {}", l.name, l.country),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
        "actors" => {
            if inc.actors.is_empty() {
                none()
            } else {
                inc.actors.join(",")
            }
        }
        _ => none(),
    }
}

struct NewIncident<'a> {
    report_id: i64,
    doc: &'a str,
    published: Option<NaiveDate>,
    idx: usize,
    key: &'a str,
    incident: &'a Incident,
}

/// Inserts one incident, applies stored decisions for its key, and puts it
/// in a case (a decided one, else the linker's).
fn insert_incident(
    conn: &Connection,
    state: &mut LinkState,
    n: NewIncident<'_>,
) -> rusqlite::Result<(CaseId, usize)> {
    let extracted = serde_json::to_string(n.incident).expect("incidents serialize");
    let decisions = decisions_for(conn, n.key)?;
    let applied = apply_decisions(n.incident.clone(), &decisions);
    let reviewed = if applied.count == 0 {
        extracted.clone()
    } else {
        serde_json::to_string(&applied.incident).expect("incidents serialize")
    };
    let mut claim = Claim {
        id: 0,
        document_id: n.doc.to_string(),
        published: n.published,
        incident: applied.incident,
    };
    let decided = match applied.case {
        Some(c) if case_exists(conn, c)? => Some(c),
        _ => None,
    };
    let case = match decided
        .map(Decision::Join)
        .unwrap_or_else(|| state.linker.decide(&claim))
    {
        Decision::Join(c) => c,
        Decision::New => new_case(conn)?,
    };
    // One row with every column at once (the hot path of ingest).
    let inc = &claim.incident;
    let (pmin, pmax) = people_bounds(inc);
    conn.prepare_cached(
        "INSERT INTO incidents(report_id, idx, key, kind, status, hedged, date_start, date_end,
         people_min, people_max, case_id, review)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        n.report_id,
        n.idx as i64,
        n.key,
        inc.kind.as_str(),
        inc.status.as_str(),
        inc.hedged,
        date_str(inc.date.as_ref().map(|d| d.start)),
        date_str(inc.date.as_ref().map(|d| d.end)),
        pmin,
        pmax,
        case as i64,
        applied.review
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO incident_json(id, extracted, incident) VALUES (?1, ?2, ?3)")?
        .execute(params![id, extracted, reviewed])?;
    write_places(conn, id, inc, true)?;
    write_evidence(conn, id, n.incident, true)?;
    claim.id = id as u64;
    if applied.review.as_deref() != Some("rejected") {
        state.add(case, claim);
    }
    Ok((case, applied.count))
}

fn new_case(conn: &Connection) -> rusqlite::Result<CaseId> {
    conn.prepare_cached(&format!("INSERT INTO cases(created_at) VALUES ({NOW})"))?
        .execute([])?;
    Ok(conn.last_insert_rowid() as CaseId)
}

fn case_exists(conn: &Connection, case: CaseId) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM cases WHERE id=?1")?
        .query_row([case as i64], |_| Ok(()))
        .optional()?
        .is_some())
}

fn audit(
    conn: &Connection,
    user: &str,
    action: &str,
    target: &str,
    field: Option<&str>,
    before: Option<&str>,
    after: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO audit(at, user, action, target, field, before, after) VALUES ({NOW}, ?1, ?2, ?3, ?4, ?5, ?6)"
    ))?
    .execute(params![user, action, target, field, before, after])?;
    Ok(())
}

fn decide(conn: &Connection, key: &str, field: &str, value: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO decisions(key, field, value) VALUES (?1, ?2, ?3)
         ON CONFLICT(key, field) DO UPDATE SET value=excluded.value",
    )?
    .execute(params![key, field, value])?;
    Ok(())
}

/// FTS5 query: the user's own syntax when it uses operators, else every word
/// quoted (so punctuation never is a syntax error) and ANDed.
fn fts_query(q: &str) -> String {
    let ops = q.contains('"')
        || q.contains('*')
        || q.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT" | "NEAR"));
    if ops {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds the reports join to an [`incident_query`] FROM clause.
fn with_reports(rest: &str) -> String {
    rest.replacen(
        " FROM incidents i",
        " FROM incidents i JOIN reports r ON r.id = i.report_id",
        1,
    )
}

const INCIDENT_COLS: &str = "i.id, i.key, r.doc_id, r.version, i.idx, i.case_id, i.review, r.title, r.outlet, r.url, r.published, (SELECT incident FROM incident_json j WHERE j.id = i.id), i.current";

/// The FROM and WHERE of an incident query, and its parameters in order.
fn incident_query(f: &Filter) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut params: Vec<Value> = Vec::new();
    let search = f.search.as_deref().filter(|s| !s.trim().is_empty());
    // No join here: no filter reads `reports`, and as a subquery the join
    // would cost a lookup per candidate row. Callers that need report
    // columns add it (`with_reports`).
    sql.push_str(" FROM incidents i");
    let mut conds: Vec<String> = Vec::new();
    if !f.all_versions {
        conds.push("i.current = 1".into());
    }
    if let Some(s) = search {
        conds.push(
            "i.report_id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)".into(),
        );
        params.push(Value::Text(fts_query(s)));
    }
    if let Some(k) = f.kind {
        conds.push("i.kind = ?".into());
        params.push(Value::Text(k.as_str().into()));
    }
    if let Some(s) = f.status {
        conds.push("i.status = ?".into());
        params.push(Value::Text(s.as_str().into()));
    }
    if let Some(d) = f.from {
        conds.push("i.date_end >= ?".into());
        params.push(Value::Text(d.to_string()));
    }
    if let Some(d) = f.to {
        conds.push("i.date_start <= ?".into());
        params.push(Value::Text(d.to_string()));
    }
    if let Some(c) = &f.country {
        conds.push(
            "EXISTS (SELECT 1 FROM places p WHERE p.incident_id = i.id AND p.country = ?)".into(),
        );
        params.push(Value::Text(c.trim().to_ascii_uppercase()));
    }
    if let Some(p) = &f.province {
        conds.push(
            "i.id IN (SELECT incident_id FROM places WHERE admin1 = ? COLLATE NOCASE)".into(),
        );
        params.push(Value::Text(p.trim().to_string()));
    }
    if let Some(p) = &f.place {
        conds.push(
            "i.id IN (SELECT incident_id FROM places WHERE name LIKE ? OR text LIKE ?)".into(),
        );
        let pat = format!("%{}%", p.trim());
        params.push(Value::Text(pat.clone()));
        params.push(Value::Text(pat));
    }
    if let Some(n) = f.min_people {
        conds.push("i.people_min >= ?".into());
        params.push(Value::Integer(n as i64));
    }
    match f.review.as_deref() {
        None | Some("") | Some("any") => {}
        Some("unreviewed") => conds.push("i.review IS NULL".into()),
        Some(r) => {
            conds.push("i.review = ?".into());
            params.push(Value::Text(r.into()));
        }
    }
    if conds.is_empty() {
        conds.push("1".into());
    }
    sql.push_str(" WHERE ");
    sql.push_str(&conds.join(" AND "));
    (sql, params)
}

/// The incidents query: [`INCIDENT_COLS`], the snippet (NULL), the report's
/// row id.
fn incidents_sql(filter: &Filter) -> (String, Vec<Value>) {
    let (rest, params) = incident_query(filter);
    let sql = match filter.limit {
        // The page's ids first (no join, no JSON), then their rows: a
        // sort or a LIMIT never carries the JSON of rows not returned.
        Some(n) => format!(
            "SELECT {INCIDENT_COLS}, NULL, i.report_id
             FROM incidents i JOIN reports r ON r.id = i.report_id
             WHERE i.id IN (SELECT i.id{rest} ORDER BY i.id LIMIT {n}) ORDER BY i.id"
        ),
        None => format!(
            "SELECT {INCIDENT_COLS}, NULL, i.report_id{} ORDER BY i.id",
            with_reports(&rest)
        ),
    };
    (sql, params)
}

fn incident_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IncidentRow> {
    let json: String = r.get(11)?;
    let incident: Incident = serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(11, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(IncidentRow {
        id: r.get(0)?,
        key: r.get(1)?,
        document_id: r.get(2)?,
        version: r.get(3)?,
        incident_index: r.get::<_, i64>(4)? as usize,
        case_id: r.get::<_, Option<i64>>(5)?.map(|c| c as CaseId),
        review: r.get(6)?,
        title: r.get(7)?,
        outlet: r.get(8)?,
        url: r.get(9)?,
        published: parse_date(r.get(10)?),
        incident,
        current: r.get(12)?,
        snippet: r.get(13)?,
    })
}

impl SqliteStore {
    /// Opens (or creates) a database, refusing files that are not ours or
    /// come from a newer repatwatch, and migrating older schemas.
    pub fn open(path: &Path, opts: &OpenOptions) -> Result<Self> {
        let file = path.display().to_string();
        match std::fs::File::open(path) {
            Ok(mut f) => {
                let mut head = [0u8; 16];
                let mut n = 0;
                while n < 16 {
                    match f.read(&mut head[n..]) {
                        Ok(0) => break,
                        Ok(k) => n += k,
                        Err(e) => return Err(Error::new(ErrorKind::Other, &file, e.to_string())),
                    }
                }
                if n > 0 && (n < 16 || &head != b"SQLite format 3\0") {
                    return Err(Error::new(
                        ErrorKind::NotADatabase,
                        &file,
                        "not a SQLite database, so not a repatwatch database; refusing to touch it",
                    ));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if !opts.create {
                    return Err(Error::new(
                        ErrorKind::NotFound,
                        &file,
                        "no such database (create it with `repatwatch ingest`, or name it with --db or $REPATWATCH_DB)",
                    ));
                }
            }
            Err(e) => return Err(Error::new(ErrorKind::Other, &file, e.to_string())),
        }
        let busy = opts.busy_timeout;
        let err = |e| classify(&file, busy, e);
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if opts.create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(busy).map_err(err)?;
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(err)?;
        let version: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(err)?;
        if app != APPLICATION_ID && !(app == 0 && version == 0 && objects == 0) {
            return Err(Error::new(
                ErrorKind::Foreign,
                &file,
                format!("a SQLite database of another application (application_id {app:#x}), not a repatwatch database; refusing to touch it"),
            ));
        }
        if version > SCHEMA_VERSION {
            return Err(Error::new(
                ErrorKind::NewerSchema,
                &file,
                format!("written by a newer repatwatch (schema version {version}; this one knows up to {SCHEMA_VERSION}); use a newer repatwatch"),
            ));
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::new(
                ErrorKind::Other,
                &file,
                format!("could not switch to WAL (journal mode {mode})"),
            ));
        }
        conn.execute_batch(
            "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;",
        )
        .map_err(err)?;
        let mut store = SqliteStore {
            conn,
            file,
            busy,
            state: None,
        };
        if version < SCHEMA_VERSION {
            store.migrate(version)?;
        }
        Ok(store)
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        classify(&self.file, self.busy, e)
    }

    fn migrate(&mut self, from: i32) -> Result<()> {
        let file = self.file.clone();
        let busy = self.busy;
        let err = |e| classify(&file, busy, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        // Another process may have migrated while we waited for the lock.
        let now: i32 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if now < from {
            return Err(Error::new(
                ErrorKind::Other,
                &file,
                "schema changed while opening",
            ));
        }
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(now as usize) {
            tx.execute_batch(sql).map_err(err)?;
            if v + 1 == 2 {
                // v2: the summaries of the cases already stored.
                refresh_summaries(&tx, None).map_err(err)?;
            }
            tx.execute_batch(&format!(
                "PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={};",
                v + 1
            ))
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// The database file's name, for messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The underlying connection (tests, diagnostics).
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether the bundled SQLite has FTS5 compiled in.
    pub fn has_fts5(&self) -> bool {
        self.conn
            .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|v| v == 1)
            .unwrap_or(false)
    }

    fn load_state(&self) -> Result<LinkState> {
        let mut state = LinkState::new();
        // Read first: a commit by another process during the load shows
        // as a change at the next batch, which then loads again.
        state.data_version = data_version(&self.conn).map_err(|e| self.err(e))?;
        let mut st = self
            .conn
            .prepare(
                "SELECT i.id, i.case_id, r.doc_id, r.published, j.incident FROM incidents i
                 JOIN incident_json j ON j.id = i.id
                 JOIN reports r ON r.id = i.report_id
                 WHERE i.current = 1 AND i.case_id IS NOT NULL AND i.review IS NOT 'rejected'
                 ORDER BY i.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (id, case, doc, published, json) = row.map_err(|e| self.err(e))?;
            if let Ok(incident) = serde_json::from_str(&json) {
                state.add(
                    case as CaseId,
                    Claim {
                        id: id as u64,
                        document_id: doc,
                        published: parse_date(published),
                        incident,
                    },
                );
            }
        }
        // Loading changes no summary.
        state.dirty.clear();
        Ok(state)
    }

    fn ingest_tx(
        conn: &mut Connection,
        state: &mut LinkState,
        batch: &[(Report, Extraction)],
    ) -> rusqlite::Result<Option<Vec<IngestOutcome>>> {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if data_version(&tx)? != state.data_version {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(batch.len());
        // The full-text index gets the batch's reports in one statement at
        // the end: FTS5 flushes its pending terms at every statement.
        let mut first_new: Option<i64> = None;
        for (report, ex) in batch {
            let sha = ex
                .document
                .sha256
                .clone()
                .unwrap_or_else(|| sha256_hex(&report.text));
            let known = tx
                .prepare_cached("SELECT 1 FROM reports WHERE doc_id=?1 AND sha256=?2")?
                .query_row(params![report.id, sha], |_| Ok(()))
                .optional()?
                .is_some();
            if known {
                out.push(IngestOutcome::Unchanged);
                continue;
            }
            let prev: Option<i64> = tx
                .prepare_cached("SELECT max(version) FROM reports WHERE doc_id=?1")?
                .query_row([&report.id], |r| r.get(0))?;
            let version = prev.unwrap_or(0) + 1;
            if prev.is_some() {
                // The old version's incidents stop counting: out of their
                // cases' summaries, and out of the linker, so that later
                // reports of this run are not linked by them.
                let old: Vec<i64> = tx
                    .prepare_cached(
                        "SELECT i.id FROM incidents i JOIN reports r ON r.id = i.report_id
                         WHERE r.doc_id=?1 AND r.current=1 AND i.current=1",
                    )?
                    .query_map([&report.id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for id in old {
                    state.remove(id);
                }
                tx.prepare_cached(
                    "UPDATE incidents SET current=0 WHERE current=1 AND report_id IN
                     (SELECT id FROM reports WHERE doc_id=?1 AND current=1)",
                )?
                .execute([&report.id])?;
                tx.prepare_cached("UPDATE reports SET current=0 WHERE doc_id=?1 AND current=1")?
                    .execute([&report.id])?;
            }
            tx.prepare_cached(&format!(
                "INSERT INTO reports(doc_id, version, sha256, title, outlet, url, published, language,
                 extractor_version, current, ingested_at, extracted_at)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,1,{NOW},{NOW})"
            ))?
            .execute(params![
                report.id,
                version,
                sha,
                report.title,
                report.outlet,
                report.url,
                date_str(report.published),
                report.language,
                repatwatch_extract::EXTRACTOR_VERSION
            ])?;
            let rid = tx.last_insert_rowid();
            // Texts apart, so that report rows stay small and dense.
            tx.prepare_cached("INSERT INTO report_texts(id, title, text) VALUES (?1, ?2, ?3)")?
                .execute(params![rid, report.title, report.text])?;
            first_new.get_or_insert(rid);
            let keys = keys_for(&report.id, version, &ex.incidents);
            let mut cases = Vec::new();
            for (i, inc) in ex.incidents.iter().enumerate() {
                let (case, _) = insert_incident(
                    &tx,
                    state,
                    NewIncident {
                        report_id: rid,
                        doc: &report.id,
                        published: report.published,
                        idx: i,
                        key: &keys[i],
                        incident: inc,
                    },
                )?;
                cases.push(case);
            }
            let incidents = ex.incidents.len();
            out.push(if version == 1 {
                IngestOutcome::New { incidents, cases }
            } else {
                IngestOutcome::NewVersion {
                    version,
                    incidents,
                    cases,
                }
            });
        }
        if let Some(first) = first_new {
            tx.prepare_cached(
                "INSERT INTO reports_fts(rowid, title, text) SELECT id, title, text FROM report_texts WHERE id >= ?1",
            )?
            .execute([first])?;
        }
        state.flush(&tx)?;
        tx.commit()?;
        Ok(Some(out))
    }

    fn members(
        &self,
        case_where: &str,
        params: &[Value],
    ) -> Result<BTreeMap<CaseId, Vec<IncidentRow>>> {
        let sql = format!(
            "SELECT {INCIDENT_COLS}, NULL FROM incidents i JOIN reports r ON r.id = i.report_id
             WHERE {case_where} ORDER BY i.case_id, i.id"
        );
        let mut st = self.conn.prepare(&sql).map_err(|e| self.search_err(e))?;
        let rows = st
            .query_map(params_from_iter(params.iter()), incident_row)
            .map_err(|e| self.search_err(e))?;
        let mut out: BTreeMap<CaseId, Vec<IncidentRow>> = BTreeMap::new();
        for r in rows {
            let r = r.map_err(|e| self.search_err(e))?;
            out.entry(r.case_id.unwrap_or(0)).or_default().push(r);
        }
        Ok(out)
    }

    /// The condition on `case_summary s` that keeps the cases with a
    /// member matching `filter`, and its parameters.
    fn case_condition(filter: &Filter) -> (String, Vec<Value>) {
        let (rest, params) = incident_query(filter);
        if params.is_empty()
            && (rest.ends_with(" WHERE i.current = 1") || rest.ends_with(" WHERE 1"))
        {
            // No filter: every case.
            return ("1".into(), params);
        }
        (format!("s.case_id IN (SELECT i.case_id{rest})"), params)
    }

    /// Our SQL is fixed: a plain SQL error during a query is the search
    /// text's FTS5 syntax.
    fn search_err(&self, e: rusqlite::Error) -> Error {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::Unknown => Error::new(
                ErrorKind::Invalid,
                &self.file,
                format!("--search: not a valid full-text query ({e}); quote phrases with \"...\""),
            ),
            _ => self.err(e),
        }
    }

    /// The number a `SELECT count(*)` query gives.
    fn count_rows(&self, sql: &str, params: &[Value]) -> Result<usize> {
        self.conn
            .query_row(sql, params_from_iter(params.iter()), |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.search_err(e))
    }
}

fn claims(members: &[IncidentRow]) -> Vec<Claim> {
    members
        .iter()
        .filter(|m| m.review.as_deref() != Some("rejected"))
        .map(|m| Claim {
            id: m.id as u64,
            document_id: m.document_id.clone(),
            published: m.published,
            incident: m.incident.clone(),
        })
        .collect()
}

impl Store for SqliteStore {
    fn ingest(&mut self, batch: &[(Report, Extraction)]) -> Result<Vec<IngestOutcome>> {
        loop {
            let mut state = match self.state.take() {
                Some(l) => l,
                None => self.load_state()?,
            };
            match Self::ingest_tx(&mut self.conn, &mut state, batch) {
                Ok(Some(out)) => {
                    self.state = Some(state);
                    return Ok(out);
                }
                // Another process changed the database since the state was
                // loaded (e.g. a review while a long ingest runs): reload.
                Ok(None) => continue,
                // The linker saw claims that were rolled back: reload it next time.
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    fn contains(&self, doc_id: &str, sha256: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM reports WHERE doc_id=?1 AND sha256=?2")
            .and_then(|mut st| st.query_row(params![doc_id, sha256], |_| Ok(())).optional())
            .map(|r| r.is_some())
            .map_err(|e| self.err(e))
    }

    fn incidents(&self, filter: &Filter) -> Result<Vec<IncidentRow>> {
        let (sql, params) = incidents_sql(filter);
        let mut st = self.conn.prepare(&sql).map_err(|e| self.search_err(e))?;
        let rows = st
            .query_map(params_from_iter(params.iter()), |r| {
                Ok((incident_row(r)?, r.get::<_, i64>(14)?))
            })
            .map_err(|e| self.search_err(e))?;
        let rows = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.search_err(e))?;
        let Some(q) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) else {
            return Ok(rows.into_iter().map(|(r, _)| r).collect());
        };
        // Snippets once per report of the rows returned (not per incident).
        let fts = fts_query(q);
        let rids: BTreeSet<i64> = rows.iter().map(|(_, rid)| *rid).collect();
        let mut snippets: HashMap<i64, String> = HashMap::with_capacity(rids.len());
        let e = |e| self.search_err(e);
        if rids.len() <= 32 {
            // A few reports: one look-up each.
            let mut st = self
                .conn
                .prepare(
                    "SELECT snippet(reports_fts, 1, ?1, ?2, '…', 12) FROM reports_fts
                     WHERE reports_fts MATCH ?3 AND rowid = ?4",
                )
                .map_err(e)?;
            for &rid in &rids {
                let hl = &filter.highlight;
                if let Some(s) = st
                    .query_row(params![hl.0, hl.1, fts, rid], |r| r.get(0))
                    .optional()
                    .map_err(e)?
                {
                    snippets.insert(rid, s);
                }
            }
        } else {
            // Many: one pass over the matches (each look-up would start the
            // full-text query again), snippets made only for the reports
            // wanted.
            let wanted = serde_json::to_string(&rids).expect("ids serialize");
            let (lo, hi) = (rids.first().copied(), rids.last().copied());
            let mut st = self
                .conn
                .prepare(
                    "SELECT rowid, snippet(reports_fts, 1, ?1, ?2, '…', 12) FROM reports_fts
                     WHERE reports_fts MATCH ?3 AND rowid BETWEEN ?4 AND ?5
                       AND +rowid IN (SELECT value FROM json_each(?6))",
                )
                .map_err(e)?;
            let hl = &filter.highlight;
            let mut res = st
                .query(params![hl.0, hl.1, fts, lo, hi, wanted])
                .map_err(e)?;
            while let Some(r) = res.next().map_err(e)? {
                snippets.insert(r.get(0).map_err(e)?, r.get(1).map_err(e)?);
            }
        }
        Ok(rows
            .into_iter()
            .map(|(mut row, rid)| {
                row.snippet = snippets.get(&rid).cloned();
                row
            })
            .collect())
    }

    fn each_incident(
        &self,
        filter: &Filter,
        each: &mut dyn FnMut(IncidentRow) -> bool,
    ) -> Result<()> {
        if filter
            .search
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
        {
            // Snippets are made for all the rows' reports at once.
            for row in self.incidents(filter)? {
                if !each(row) {
                    break;
                }
            }
            return Ok(());
        }
        let (sql, params) = incidents_sql(filter);
        let mut st = self.conn.prepare(&sql).map_err(|e| self.search_err(e))?;
        let mut rows = st
            .query(params_from_iter(params.iter()))
            .map_err(|e| self.search_err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.search_err(e))? {
            if !each(incident_row(r).map_err(|e| self.search_err(e))?) {
                break;
            }
        }
        Ok(())
    }

    fn count_incidents(&self, filter: &Filter) -> Result<usize> {
        let (rest, params) = incident_query(filter);
        self.count_rows(&format!("SELECT count(*){rest}"), &params)
    }

    fn cases(&self, filter: &Filter) -> Result<Vec<CaseRow>> {
        let (cond, params) = Self::case_condition(filter);
        let limit = filter
            .limit
            .map_or(String::new(), |n| format!(" LIMIT {n}"));
        let sql = format!(
            "SELECT s.case_id, s.members, s.sources, s.kind, s.status, s.people_min, s.people_max,
                    s.date_start, s.date_end, s.first_report, s.last_report, s.places
             FROM case_summary s WHERE {cond} ORDER BY s.case_id{limit}"
        );
        let mut st = self.conn.prepare(&sql).map_err(|e| self.search_err(e))?;
        let rows = st
            .query_map(params_from_iter(params.iter()), |r| {
                let kind: String = r.get(3)?;
                let status: String = r.get(4)?;
                let places: String = r.get(11)?;
                Ok(CaseRow {
                    id: r.get::<_, i64>(0)? as CaseId,
                    incidents: r.get::<_, i64>(1)? as usize,
                    consolidated: Consolidated {
                        sources: r.get::<_, i64>(2)? as usize,
                        people_min: r.get::<_, Option<i64>>(5)?.map(|v| v as u64),
                        people_max: r.get::<_, Option<i64>>(6)?.map(|v| v as u64),
                        date_start: parse_date(r.get(7)?),
                        date_end: parse_date(r.get(8)?),
                        places: serde_json::from_str(&places).map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                11,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })?,
                        first_report: parse_date(r.get(9)?),
                        last_report: parse_date(r.get(10)?),
                        kind: serde_json::from_value(serde_json::Value::String(kind))
                            .unwrap_or(EventType::Arrest),
                        status: serde_json::from_value(serde_json::Value::String(status))
                            .unwrap_or_default(),
                    },
                })
            })
            .map_err(|e| self.search_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.search_err(e))
    }

    fn count_cases(&self, filter: &Filter) -> Result<usize> {
        let (cond, params) = Self::case_condition(filter);
        self.count_rows(
            &format!("SELECT count(*) FROM case_summary s WHERE {cond}"),
            &params,
        )
    }

    fn case(&self, id: CaseId) -> Result<CasePage> {
        if !case_exists(&self.conn, id).map_err(|e| self.err(e))? {
            return Err(Error::new(
                ErrorKind::NotFound,
                &self.file,
                format!("no case {id}"),
            ));
        }
        let members = self
            .members("i.case_id = ?", &[Value::Integer(id as i64)])?
            .remove(&id)
            .unwrap_or_default();
        let counted: Vec<IncidentRow> = members.iter().filter(|m| m.current).cloned().collect();
        Ok(CasePage {
            id,
            consolidated: consolidate(&claims(&counted)),
            members,
        })
    }

    fn stats(&self, by: Period, filter: &Filter) -> Result<Vec<StatRow>> {
        let (cond, params) = Self::case_condition(filter);
        let len = match by {
            Period::Month => 7,
            Period::Year => 4,
        };
        let both = "s.people_min IS NOT NULL AND s.people_max IS NOT NULL";
        let sql = format!(
            "SELECT coalesce(substr(s.date_start, 1, {len}), 'undated') AS period, s.kind, s.status,
                    count(*), sum(s.members), sum({both}),
                    coalesce(sum(CASE WHEN {both} THEN s.people_min END), 0),
                    coalesce(sum(CASE WHEN {both} THEN s.people_max END), 0)
             FROM case_summary s WHERE {cond}
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        );
        let mut st = self.conn.prepare(&sql).map_err(|e| self.search_err(e))?;
        let rows = st
            .query_map(params_from_iter(params.iter()), |r| {
                Ok(StatRow {
                    period: r.get(0)?,
                    kind: r.get(1)?,
                    status: r.get(2)?,
                    incidents: r.get::<_, i64>(3)? as u64,
                    claims: r.get::<_, i64>(4)? as u64,
                    counted: r.get::<_, i64>(5)? as u64,
                    people_min: r.get::<_, i64>(6)? as u64,
                    people_max: r.get::<_, i64>(7)? as u64,
                })
            })
            .map_err(|e| self.search_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.search_err(e))
    }

    fn review(&mut self, user: &str, action: &ReviewAction) -> Result<String> {
        let file = self.file.clone();
        let busy = self.busy;
        let err = |e| classify(&file, busy, e);
        let nf = |what: String| Error::new(ErrorKind::NotFound, &file, what);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let load = |id: i64| -> Result<(String, Option<String>, Option<i64>, String)> {
            tx.query_row(
                "SELECT i.key, i.review, i.case_id, j.incident FROM incidents i
                 JOIN incident_json j ON j.id = i.id WHERE i.id=?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(err)?
            .ok_or_else(|| nf(format!("no incident {id}")))
        };
        let need_case = |c: CaseId| -> Result<()> {
            if case_exists(&tx, c).map_err(err)? {
                Ok(())
            } else {
                Err(nf(format!("no case {c}")))
            }
        };
        let move_to =
            |id: i64, key: &str, before: Option<i64>, case: CaseId, action: &str| -> Result<()> {
                tx.execute(
                    "UPDATE incidents SET case_id=?1 WHERE id=?2",
                    params![case as i64, id],
                )
                .map_err(err)?;
                decide(&tx, key, "case", &case.to_string()).map_err(err)?;
                audit(
                    &tx,
                    user,
                    action,
                    key,
                    Some("case"),
                    before.map(|b| b.to_string()).as_deref(),
                    Some(&case.to_string()),
                )
                .map_err(err)
            };
        // Cases whose summaries change, rebuilt before the commit.
        let mut touched: BTreeSet<CaseId> = BTreeSet::new();
        let message = match action {
            ReviewAction::Confirm(id) | ReviewAction::Reject(id) => {
                let (key, before, case, _) = load(*id)?;
                touched.extend(case.map(|c| c as CaseId));
                let (verb, value) = match action {
                    ReviewAction::Confirm(_) => ("confirm", "confirmed"),
                    _ => ("reject", "rejected"),
                };
                tx.execute(
                    "UPDATE incidents SET review=?1 WHERE id=?2",
                    params![value, id],
                )
                .map_err(err)?;
                decide(&tx, &key, "review", value).map_err(err)?;
                audit(
                    &tx,
                    user,
                    verb,
                    &key,
                    Some("review"),
                    before.as_deref(),
                    Some(value),
                )
                .map_err(err)?;
                format!("incident {id} {value}")
            }
            ReviewAction::Edit {
                incident,
                field,
                value,
            } => {
                let (key, _, case, json) = load(*incident)?;
                touched.extend(case.map(|c| c as CaseId));
                let mut inc: Incident = serde_json::from_str(&json)
                    .map_err(|e| Error::new(ErrorKind::Other, &file, e.to_string()))?;
                let before = field_text(&inc, field);
                apply_edit(&mut inc, field, value)
                    .map_err(|m| Error::new(ErrorKind::Invalid, &file, m))?;
                let after = field_text(&inc, field);
                write_derived(&tx, *incident, &inc).map_err(err)?;
                decide(&tx, &key, field, &after).map_err(err)?;
                audit(
                    &tx,
                    user,
                    "edit",
                    &key,
                    Some(field),
                    Some(&before),
                    Some(&after),
                )
                .map_err(err)?;
                format!("incident {incident}: {field} {before} -> {after}")
            }
            ReviewAction::Move { incident, case } => {
                need_case(*case)?;
                let (key, _, before, _) = load(*incident)?;
                move_to(*incident, &key, before, *case, "move")?;
                touched.extend(before.map(|c| c as CaseId));
                touched.insert(*case);
                format!("incident {incident} moved to case {case}")
            }
            ReviewAction::Merge { into, from } => {
                need_case(*into)?;
                need_case(*from)?;
                if into == from {
                    return Err(Error::new(
                        ErrorKind::Invalid,
                        &file,
                        "cannot merge a case into itself",
                    ));
                }
                let ids: Vec<i64> = {
                    let mut st = tx
                        .prepare("SELECT id FROM incidents WHERE case_id=?1 ORDER BY id")
                        .map_err(err)?;
                    let rows = st.query_map([*from as i64], |r| r.get(0)).map_err(err)?;
                    rows.collect::<rusqlite::Result<_>>().map_err(err)?
                };
                for id in &ids {
                    let (key, _, before, _) = load(*id)?;
                    move_to(*id, &key, before, *into, "merge")?;
                }
                touched.extend([*into, *from]);
                format!(
                    "case {from} merged into case {into} ({} incidents moved)",
                    ids.len()
                )
            }
            ReviewAction::Split { case, incidents } => {
                need_case(*case)?;
                if incidents.is_empty() {
                    return Err(Error::new(
                        ErrorKind::Invalid,
                        &file,
                        "name the incidents to split off",
                    ));
                }
                let mut rows = Vec::new();
                for id in incidents {
                    let (key, _, before, _) = load(*id)?;
                    if before != Some(*case as i64) {
                        return Err(Error::new(
                            ErrorKind::Invalid,
                            &file,
                            format!("incident {id} is not in case {case}"),
                        ));
                    }
                    rows.push((*id, key, before));
                }
                let new = new_case(&tx).map_err(err)?;
                for (id, key, before) in rows {
                    move_to(id, &key, before, new, "split")?;
                }
                touched.extend([*case, new]);
                format!(
                    "{} incidents split from case {case} into new case {new}",
                    incidents.len()
                )
            }
        };
        refresh_summaries(&tx, Some(&touched)).map_err(err)?;
        tx.commit().map_err(err)?;
        self.state = None;
        Ok(message)
    }

    fn audit(&self) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id, at, user, action, target, field, before, after FROM audit ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    user: r.get(2)?,
                    action: r.get(3)?,
                    target: r.get(4)?,
                    field: r.get(5)?,
                    before: r.get(6)?,
                    after: r.get(7)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    fn reports_to_reextract(
        &self,
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<(i64, Report)>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT r.id, r.doc_id, r.title, r.outlet, r.url, r.published, r.language, t.text
                 FROM reports r JOIN report_texts t ON t.id = r.id
                 WHERE r.current = 1 AND (?1 OR r.extractor_version != ?2) ORDER BY r.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![force, extractor_version], |r| {
                Ok((
                    r.get(0)?,
                    Report {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        outlet: r.get(3)?,
                        url: r.get(4)?,
                        published: parse_date(r.get(5)?),
                        language: r.get(6)?,
                        text: r.get(7)?,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    fn replace_extractions(
        &mut self,
        batch: &[(i64, Extraction)],
        extractor_version: &str,
    ) -> Result<ReextractOutcome> {
        let mut state = match self.state.take() {
            Some(l) => l,
            None => self.load_state()?,
        };
        let r = (|| -> rusqlite::Result<ReextractOutcome> {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut out = ReextractOutcome::default();
            // Cases whose counted members or what their summary reads of
            // them changed: rebuilt from the tables before the batch commits
            // (an unchanged re-extraction rebuilds none).
            let mut touched: BTreeSet<CaseId> = BTreeSet::new();
            for (rid, ex) in batch {
                let (doc, version, published): (String, i64, Option<String>) = tx.query_row(
                    "SELECT doc_id, version, published FROM reports WHERE id=?1",
                    [rid],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?;
                let published = parse_date(published);
                struct Old {
                    id: i64,
                    case: Option<i64>,
                    counted: bool,
                    json: String,
                }
                let mut old: HashMap<String, Old> = HashMap::new();
                {
                    let mut st = tx.prepare_cached(
                        "SELECT i.key, i.id, i.case_id, i.review IS NOT 'rejected' AND i.current = 1,
                                j.incident
                         FROM incidents i JOIN incident_json j ON j.id = i.id WHERE i.report_id=?1",
                    )?;
                    let rows = st.query_map([rid], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            Old {
                                id: r.get(1)?,
                                case: r.get(2)?,
                                counted: r.get(3)?,
                                json: r.get(4)?,
                            },
                        ))
                    })?;
                    for row in rows {
                        let (k, v) = row?;
                        old.insert(k, v);
                    }
                }
                let keys = keys_for(&doc, version, &ex.incidents);
                // Moves every kept incident out of the way of the new indexes first.
                for (i, inc) in ex.incidents.iter().enumerate() {
                    let key = &keys[i];
                    if let Some(Old {
                        id,
                        case: old_case,
                        counted: was_counted,
                        json: old_json,
                    }) = old.remove(key)
                    {
                        let decisions = decisions_for(&tx, key)?;
                        let applied = apply_decisions(inc.clone(), &decisions);
                        out.decisions_reapplied += applied.count;
                        let case = match applied.case {
                            Some(c) if case_exists(&tx, c)? => Some(c as i64),
                            _ => old_case,
                        };
                        let counted = applied.review.as_deref() != Some("rejected");
                        let same_summary = |old_json: &str| {
                            serde_json::from_str::<Incident>(old_json).is_ok_and(|o| {
                                let claim = |incident: Incident| {
                                    summary_claim(&Claim {
                                        id: 0,
                                        document_id: String::new(),
                                        published: None,
                                        incident,
                                    })
                                    .incident
                                };
                                claim(o) == claim(applied.incident.clone())
                            })
                        };
                        if case != old_case || counted != was_counted || !same_summary(&old_json) {
                            touched.extend(old_case.map(|c| c as CaseId));
                            touched.extend(case.map(|c| c as CaseId));
                        }
                        tx.execute(
                            "UPDATE incidents SET idx=?1, review=?2, case_id=?3 WHERE id=?4",
                            params![i as i64, applied.review, case, id],
                        )?;
                        tx.execute(
                            "UPDATE incident_json SET extracted=?1 WHERE id=?2",
                            params![serde_json::to_string(inc).expect("incidents serialize"), id],
                        )?;
                        write_derived(&tx, id, &applied.incident)?;
                        write_evidence(&tx, id, inc, false)?;
                        out.kept += 1;
                    } else {
                        let (case, n) = insert_incident(
                            &tx,
                            &mut state,
                            NewIncident {
                                report_id: *rid,
                                doc: &doc,
                                published,
                                idx: i,
                                key,
                                incident: inc,
                            },
                        )?;
                        out.decisions_reapplied += n;
                        out.added += 1;
                        touched.insert(case);
                    }
                }
                touched.extend(old.values().filter_map(|v| v.case.map(|c| c as CaseId)));
                let mut gone: Vec<i64> = old.values().map(|v| v.id).collect();
                gone.sort();
                for id in gone {
                    tx.execute("DELETE FROM places WHERE incident_id=?1", [id])?;
                    tx.execute("DELETE FROM evidence WHERE incident_id=?1", [id])?;
                    tx.execute("DELETE FROM incident_json WHERE id=?1", [id])?;
                    tx.execute("DELETE FROM incidents WHERE id=?1", [id])?;
                    out.removed += 1;
                }
                tx.execute(
                    &format!(
                        "UPDATE reports SET extractor_version=?1, extracted_at={NOW} WHERE id=?2"
                    ),
                    params![extractor_version, rid],
                )?;
                out.reports += 1;
            }
            refresh_summaries(&tx, Some(&touched))?;
            tx.commit()?;
            Ok(out)
        })();
        // Removed incidents may still be in the linker: reload it next time.
        r.map_err(|e| self.err(e))
    }

    fn dump(&self) -> Result<String> {
        let mut out = String::new();
        for (table, order) in [
            ("reports", "id"),
            ("report_texts", "id"),
            ("cases", "id"),
            ("case_summary", "case_id"),
            ("incidents", "id"),
            ("incident_json", "id"),
            ("places", "incident_id, ord"),
            ("evidence", "incident_id, ord"),
            ("decisions", "key, field"),
            ("audit", "id"),
        ] {
            let mut st = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
                .map_err(|e| self.err(e))?;
            let names: Vec<String> = st.column_names().iter().map(|s| s.to_string()).collect();
            let keep: Vec<usize> = (0..names.len())
                .filter(|&i| names[i] != "at" && !names[i].ends_with("_at"))
                .collect();
            out.push_str(&format!(
                "## {table}: {}\n",
                keep.iter()
                    .map(|&i| names[i].as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            let mut rows = st.query([]).map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let cells: Vec<String> = keep
                    .iter()
                    .map(|&i| format!("{:?}", r.get::<_, Value>(i).unwrap_or(Value::Null)))
                    .collect();
                out.push_str(&cells.join(" | "));
                out.push('\n');
            }
        }
        let fts: i64 = self
            .conn
            .query_row("SELECT count(*) FROM reports_fts", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        out.push_str(&format!("## reports_fts rows: {fts}\n"));
        Ok(out)
    }

    fn integrity_check(&self) -> Result<String> {
        let mut st = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        let lines: Vec<String> = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        let mut msg = lines.join("\n");
        let stale = stale_summaries(&self.conn).map_err(|e| self.err(e))?;
        if !stale.is_empty() {
            msg = format!(
                "{msg}\ncase summaries out of date: {}",
                stale
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if let Err(e) = self.conn.execute(
            "INSERT INTO reports_fts(reports_fts) VALUES('integrity-check')",
            [],
        ) {
            msg = format!("{msg}\nfull-text index: {e}");
        }
        Ok(msg)
    }
}

/// Distinct values helper for summaries.
pub fn distinct_cases(outcomes: &[IngestOutcome]) -> BTreeSet<CaseId> {
    outcomes
        .iter()
        .flat_map(|o| match o {
            IngestOutcome::New { cases, .. } | IngestOutcome::NewVersion { cases, .. } => {
                cases.clone()
            }
            IngestOutcome::Unchanged => Vec::new(),
        })
        .collect()
}

impl Drop for SqliteStore {
    /// Keeps the query planner's statistics fresh (cheap; see SQLite's
    /// `PRAGMA optimize`).
    fn drop(&mut self) {
        let _ = self.conn.execute_batch("PRAGMA optimize;");
    }
}

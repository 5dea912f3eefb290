//! The store on reports written for these tests (no corpus text).

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use repatwatch_extract::{extract, Extraction, Options, Report};
use repatwatch_store::*;

const A: &str = "Chinese border police arrested 7 North Korean defectors in Hunchun, Jilin Province, on March 3, 2021, a source told this newspaper.\n\nThe seven were later sent back to North Korea through Tumen, the source said.";
const B: &str =
    "Police in Shenyang detained 4 North Korean women on May 10, 2022, a relative said.";
const C: &str = "A North Korean man in his 40s was arrested in Dandong, Liaoning Province, on Jan. 5, 2020, according to an aid group.";

fn report(id: &str, text: &str, published: &str) -> Report {
    Report {
        id: id.into(),
        title: Some(format!("Title of {id}")),
        outlet: Some("Test Outlet".into()),
        url: None,
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        language: None,
        text: text.into(),
    }
}

fn extracted(r: Report) -> (Report, Extraction) {
    let ex = extract(&r, &Options::default());
    (r, ex)
}

fn fixtures() -> Vec<(Report, Extraction)> {
    vec![
        extracted(report("a", A, "2021-03-10")),
        extracted(report("b", B, "2022-05-20")),
        extracted(report("c", C, "2020-01-09")),
    ]
}

fn open(path: &Path) -> SqliteStore {
    SqliteStore::open(path, &OpenOptions::default()).unwrap()
}

#[test]
fn fts5_is_compiled_in() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(&dir.path().join("x.db"));
    assert!(s.has_fts5());
}

#[test]
fn fixtures_give_incidents() {
    for (r, ex) in fixtures() {
        assert!(!ex.incidents.is_empty(), "{}: no incidents", r.id);
    }
}

#[test]
fn ingest_is_idempotent_and_versions_changed_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut s = open(&path);
    let out = s.ingest(&fixtures()).unwrap();
    assert!(out.iter().all(|o| matches!(o, IngestOutcome::New { .. })));
    let first = s.dump().unwrap();
    let again = s.ingest(&fixtures()).unwrap();
    assert!(again.iter().all(|o| *o == IngestOutcome::Unchanged));
    assert_eq!(s.dump().unwrap(), first);
    drop(s);
    // Reopened: still identical, still ours.
    let mut s = open(&path);
    assert_eq!(s.dump().unwrap(), first);
    // A changed text under the same id: a new version; the old one's
    // incidents stop counting.
    let changed = extracted(report(
        "b",
        &format!("{B} Two of them were released on June 1, 2022."),
        "2022-06-02",
    ));
    let out = s.ingest(&[changed]).unwrap();
    assert!(
        matches!(out[0], IngestOutcome::NewVersion { version: 2, .. }),
        "{out:?}"
    );
    let rows = s.incidents(&Filter::new()).unwrap();
    assert!(rows
        .iter()
        .filter(|r| r.document_id == "b")
        .all(|r| r.version == 2));
    let mut all = Filter::new();
    all.all_versions = true;
    assert!(s
        .incidents(&all)
        .unwrap()
        .iter()
        .any(|r| r.document_id == "b" && r.version == 1));
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn queries_filter_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&dir.path().join("q.db"));
    s.ingest(&fixtures()).unwrap();
    let all = s.incidents(&Filter::new()).unwrap();
    assert!(all.len() >= 3);
    let mut f = Filter::new();
    f.kind = Some(repatwatch_extract::EventType::Arrest);
    assert!(s
        .incidents(&f)
        .unwrap()
        .iter()
        .all(|r| r.incident.kind == repatwatch_extract::EventType::Arrest));
    let mut f = Filter::new();
    f.province = Some("jilin".into());
    let rows = s.incidents(&f).unwrap();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.document_id == "a"),
        "{rows:?}"
    );
    f.province = None;
    f.country = Some("cn".into());
    assert_eq!(s.incidents(&f).unwrap().len(), all.len());
    let mut f = Filter::new();
    f.place = Some("hunchun".into());
    assert!(s
        .incidents(&f)
        .unwrap()
        .iter()
        .all(|r| r.document_id == "a"));
    let mut f = Filter::new();
    f.from = Some(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap());
    f.to = Some(NaiveDate::from_ymd_opt(2022, 12, 31).unwrap());
    let rows = s.incidents(&f).unwrap();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.document_id == "b"),
        "{rows:?}"
    );
    let mut f = Filter::new();
    f.min_people = Some(5);
    assert!(s
        .incidents(&f)
        .unwrap()
        .iter()
        .all(|r| r.document_id == "a"));
    let mut f = Filter::new();
    f.search = Some("Shenyang".into());
    let rows = s.incidents(&f).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.document_id == "b"));
    assert!(
        rows[0].snippet.as_deref().unwrap().contains("[Shenyang]"),
        "{:?}",
        rows[0].snippet
    );
    // Punctuation is not a syntax error; bad FTS syntax is a clear error.
    f.search = Some("Shenyang, (police".into());
    assert!(s.incidents(&f).is_ok());
    f.search = Some("\"unbalanced".into());
    assert_eq!(s.incidents(&f).unwrap_err().kind, ErrorKind::Invalid);
    // Cases: every incident in one; the case page shows the members.
    let cases = s.cases(&Filter::new()).unwrap();
    assert!(!cases.is_empty());
    let page = s.case(cases[0].id).unwrap();
    assert!(!page.members.is_empty());
    assert_eq!(s.case(999_999).unwrap_err().kind, ErrorKind::NotFound);
    let stats = s.stats(Period::Year, &Filter::new()).unwrap();
    assert_eq!(
        stats.iter().map(|r| r.incidents).sum::<u64>(),
        cases.len() as u64
    );
    assert!(stats
        .iter()
        .any(|r| r.period == "2021" && r.people_min >= 7));
}

#[test]
fn review_is_audited_and_survives_reextract() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&dir.path().join("rv.db"));
    s.ingest(&fixtures()).unwrap();
    let rows = s.incidents(&Filter::new()).unwrap();
    let (x, y) = (rows[0].clone(), rows[rows.len() - 1].clone());
    s.review("ana", &ReviewAction::Confirm(x.id)).unwrap();
    s.review(
        "ana",
        &ReviewAction::Edit {
            incident: x.id,
            field: "people".into(),
            value: "8-9".into(),
        },
    )
    .unwrap();
    s.review("bo", &ReviewAction::Reject(y.id)).unwrap();
    let bad = s.review(
        "bo",
        &ReviewAction::Edit {
            incident: x.id,
            field: "people".into(),
            value: "lots".into(),
        },
    );
    assert_eq!(bad.unwrap_err().kind, ErrorKind::Invalid);
    // Move x into y's case, then split it out again, then merge.
    let ycase = y.case_id.unwrap();
    s.review(
        "ana",
        &ReviewAction::Move {
            incident: x.id,
            case: ycase,
        },
    )
    .unwrap();
    let msg = s
        .review(
            "ana",
            &ReviewAction::Split {
                case: ycase,
                incidents: vec![x.id],
            },
        )
        .unwrap();
    assert!(msg.contains("new case"), "{msg}");
    let xcase = s
        .incidents(&Filter::new())
        .unwrap()
        .iter()
        .find(|r| r.id == x.id)
        .unwrap()
        .case_id
        .unwrap();
    s.review(
        "ana",
        &ReviewAction::Merge {
            into: ycase,
            from: xcase,
        },
    )
    .unwrap();
    assert_eq!(
        s.review(
            "ana",
            &ReviewAction::Move {
                incident: x.id,
                case: 424242
            }
        )
        .unwrap_err()
        .kind,
        ErrorKind::NotFound
    );

    let log = s.audit().unwrap();
    assert_eq!(log.len(), 6, "{log:?}");
    assert_eq!(log[0].user, "ana");
    assert_eq!(log[0].action, "confirm");
    assert_eq!(log[1].field.as_deref(), Some("people"));
    assert_eq!(log[1].after.as_deref(), Some("8-9"));
    assert_eq!(log[2].action, "reject");
    // The audit log is append-only, even through SQL.
    assert!(s.connection().execute("DELETE FROM audit", []).is_err());
    assert!(s
        .connection()
        .execute("UPDATE audit SET user='x'", [])
        .is_err());

    let before: Vec<IncidentRow> = s.incidents(&Filter::new()).unwrap();
    // Pretend an older extractor coded everything, then re-extract.
    s.connection()
        .execute("UPDATE reports SET extractor_version='old'", [])
        .unwrap();
    let todo = s
        .reports_to_reextract(repatwatch_extract::EXTRACTOR_VERSION, false)
        .unwrap();
    assert_eq!(todo.len(), 3);
    // Also drop one incident's row so that re-extraction adds it back by key.
    let batch: Vec<(i64, Extraction)> = todo
        .iter()
        .map(|(id, r)| (*id, extract(r, &Options::default())))
        .collect();
    let out = s
        .replace_extractions(&batch, repatwatch_extract::EXTRACTOR_VERSION)
        .unwrap();
    assert_eq!(out.kept, before.len());
    assert_eq!(out.added + out.removed, 0);
    assert!(out.decisions_reapplied >= 4, "{out:?}");
    let after = s.incidents(&Filter::new()).unwrap();
    let ax = after.iter().find(|r| r.id == x.id).unwrap();
    assert_eq!(ax.review.as_deref(), Some("confirmed"));
    assert_eq!(ax.incident.people.count.unwrap().min, Some(8));
    assert_eq!(ax.incident.people.count.unwrap().max, Some(9));
    assert_eq!(ax.case_id, Some(ycase));
    let ay = after.iter().find(|r| r.id == y.id).unwrap();
    assert_eq!(ay.review.as_deref(), Some("rejected"));
    // Re-extraction of an incident whose row was lost applies its decisions
    // by key when it is inserted again.
    let key = ax.key.clone();
    let conn = s.connection();
    conn.execute("DELETE FROM places WHERE incident_id=?1", [x.id])
        .unwrap();
    conn.execute("DELETE FROM evidence WHERE incident_id=?1", [x.id])
        .unwrap();
    conn.execute("DELETE FROM incident_json WHERE id=?1", [x.id])
        .unwrap();
    conn.execute("DELETE FROM incidents WHERE id=?1", [x.id])
        .unwrap();
    let out = s
        .replace_extractions(&batch, repatwatch_extract::EXTRACTOR_VERSION)
        .unwrap();
    assert_eq!(out.added, 1);
    let back = s
        .incidents(&Filter::new())
        .unwrap()
        .into_iter()
        .find(|r| r.key == key)
        .unwrap();
    assert_eq!(back.review.as_deref(), Some("confirmed"));
    assert_eq!(back.incident.people.count.unwrap().max, Some(9));
    assert_eq!(back.case_id, Some(ycase));
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn refuses_files_that_are_not_ours() {
    let dir = tempfile::tempdir().unwrap();
    // Not SQLite at all: untouched.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "these are my notes, not a database\n").unwrap();
    let e = SqliteStore::open(&text, &OpenOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.kind, ErrorKind::NotADatabase);
    assert!(
        e.to_string().starts_with(&text.display().to_string()),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "these are my notes, not a database\n"
    );
    // Another application's SQLite database: untouched.
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("PRAGMA application_id=1234; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let e = SqliteStore::open(&other, &OpenOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.kind, ErrorKind::Foreign);
    assert!(e.to_string().contains("other.db"), "{e}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // A plain SQLite database with tables but no application id: not ours either.
    let plain = dir.path().join("plain.db");
    rusqlite::Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE t(x);")
        .unwrap();
    assert_eq!(
        SqliteStore::open(&plain, &OpenOptions::default())
            .err()
            .unwrap()
            .kind,
        ErrorKind::Foreign
    );
    // A missing file when not creating.
    let e = SqliteStore::open(
        &dir.path().join("none.db"),
        &OpenOptions {
            create: false,
            ..Default::default()
        },
    )
    .err()
    .unwrap();
    assert_eq!(e.kind, ErrorKind::NotFound);
}

#[test]
fn refuses_a_newer_schema_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let mut s = open(&path);
    s.ingest(&fixtures()).unwrap();
    let dump = s.dump().unwrap();
    s.connection()
        .execute_batch(&format!("PRAGMA user_version={}", SCHEMA_VERSION + 1))
        .unwrap();
    drop(s);
    let e = SqliteStore::open(&path, &OpenOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.kind, ErrorKind::NewerSchema);
    assert!(
        e.to_string().contains("new.db") && e.to_string().contains("newer"),
        "{e}"
    );
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(&format!("PRAGMA user_version={SCHEMA_VERSION}"))
        .unwrap();
    drop(c);
    assert_eq!(open(&path).dump().unwrap(), dump);
}

#[test]
fn a_locked_database_is_a_clear_error_after_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.db");
    let mut s = open(&path);
    s.ingest(&fixtures()[..1]).unwrap();
    let dump = s.dump().unwrap();
    drop(s);
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch("BEGIN IMMEDIATE; INSERT INTO cases(created_at) VALUES ('x');")
        .unwrap();
    let opts = OpenOptions {
        busy_timeout: Duration::from_millis(200),
        create: true,
    };
    let mut s = SqliteStore::open(&path, &opts).unwrap();
    let t = std::time::Instant::now();
    let e = s.ingest(&fixtures()[1..]).unwrap_err();
    assert!(t.elapsed() >= Duration::from_millis(150), "did not wait");
    assert_eq!(e.kind, ErrorKind::Locked);
    assert!(
        e.to_string().contains("locked.db") && e.to_string().contains("locked"),
        "{e}"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(s.dump().unwrap(), dump);
    // Once the lock is gone, the same batch goes in.
    s.ingest(&fixtures()[1..]).unwrap();
}

#[test]
fn a_full_disk_rolls_back_the_batch_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.db");
    let mut s = open(&path);
    s.ingest(&fixtures()).unwrap();
    let dump = s.dump().unwrap();
    // Simulate a full disk: the database may not grow any more.
    let pages: i64 = s
        .connection()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    s.connection()
        .query_row(&format!("PRAGMA max_page_count={pages}"), [], |_| Ok(()))
        .unwrap();
    let big: Vec<(Report, Extraction)> = (0..200)
        .map(|i| {
            extracted(report(
                &format!("big{i}"),
                &format!("{A} {}", "More detail. ".repeat(50 + i)),
                "2021-03-10",
            ))
        })
        .collect();
    let e = s.ingest(&big).unwrap_err();
    assert_eq!(e.kind, ErrorKind::DiskFull, "{e}");
    assert!(
        e.to_string().contains("full.db") && e.to_string().contains("disk full"),
        "{e}"
    );
    assert_eq!(s.dump().unwrap(), dump);
    drop(s);
    let s = open(&path);
    assert_eq!(s.dump().unwrap(), dump);
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn reports_of_one_act_share_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&dir.path().join("link.db"));
    s.ingest(&fixtures()).unwrap();
    let again = "Seven North Korean defectors were arrested by Chinese police in Hunchun on March 3, 2021, according to a rights group.";
    let out = s
        .ingest(&[extracted(report("d", again, "2021-03-15"))])
        .unwrap();
    let IngestOutcome::New { cases, .. } = &out[0] else {
        panic!("{out:?}")
    };
    let a_arrest = s
        .incidents(&Filter::new())
        .unwrap()
        .into_iter()
        .find(|r| r.document_id == "a" && r.incident.kind == repatwatch_extract::EventType::Arrest)
        .unwrap();
    assert!(
        cases.contains(&a_arrest.case_id.unwrap()),
        "{cases:?} vs {a_arrest:?}"
    );
    let page = s.case(a_arrest.case_id.unwrap()).unwrap();
    assert_eq!(page.consolidated.sources, 2);
    assert_eq!(page.consolidated.people_min, Some(7));
}

const AGAIN: &str = "Seven North Korean defectors were arrested by Chinese police in Hunchun on March 3, 2021, according to a rights group.";

/// The stored case summaries equal the consolidated views rebuilt from the
/// members (`integrity_check` rebuilds every one from the tables; `case`
/// consolidates the members' reviewed JSON).
fn assert_summaries_fresh(s: &SqliteStore) {
    assert_eq!(s.integrity_check().unwrap(), "ok");
    let listed = s.cases(&Filter::new()).unwrap();
    assert_eq!(s.count_cases(&Filter::new()).unwrap(), listed.len());
    for c in &listed {
        let page = s.case(c.id).unwrap();
        assert_eq!(c.consolidated, page.consolidated, "case {}", c.id);
        let counted = page
            .members
            .iter()
            .filter(|m| m.current && m.review.as_deref() != Some("rejected"))
            .count();
        assert_eq!(c.incidents, counted, "case {}", c.id);
    }
    let claims: u64 = s
        .stats(Period::Year, &Filter::new())
        .unwrap()
        .iter()
        .map(|r| r.claims)
        .sum();
    assert_eq!(
        claims,
        listed.iter().map(|c| c.incidents as u64).sum::<u64>()
    );
}

fn arrest_of(s: &SqliteStore, doc: &str) -> IncidentRow {
    s.incidents(&Filter::new())
        .unwrap()
        .into_iter()
        .find(|r| r.document_id == doc && r.incident.kind == repatwatch_extract::EventType::Arrest)
        .unwrap()
}

#[test]
fn case_summaries_follow_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&dir.path().join("sum.db"));
    s.ingest(&fixtures()).unwrap();
    assert_summaries_fresh(&s);
    s.ingest(&[extracted(report("d", AGAIN, "2021-03-15"))])
        .unwrap();
    assert_summaries_fresh(&s);
    let (a, d) = (arrest_of(&s, "a"), arrest_of(&s, "d"));
    let case = a.case_id.unwrap();
    assert_eq!(d.case_id, Some(case));
    let row = |s: &SqliteStore| {
        s.cases(&Filter::new())
            .unwrap()
            .into_iter()
            .find(|c| c.id == case)
    };
    assert_eq!(row(&s).unwrap().consolidated.sources, 2);

    let edit = |s: &mut SqliteStore, id: i64, field: &str, value: &str| {
        s.review(
            "ana",
            &ReviewAction::Edit {
                incident: id,
                field: field.into(),
                value: value.into(),
            },
        )
        .unwrap();
        assert_summaries_fresh(s);
    };
    edit(&mut s, d.id, "people", "9-12");
    assert_eq!(row(&s).unwrap().consolidated.people_max, Some(12));
    edit(&mut s, d.id, "date", "2021-03-02..2021-03-04");
    edit(&mut s, d.id, "status", "planned");
    edit(&mut s, d.id, "places", "Dandong");
    assert!(row(&s)
        .unwrap()
        .consolidated
        .places
        .iter()
        .any(|p| p.name == "Dandong"));
    s.review("ana", &ReviewAction::Reject(d.id)).unwrap();
    assert_summaries_fresh(&s);
    assert_eq!(row(&s).unwrap().consolidated.sources, 1);
    assert_eq!(row(&s).unwrap().consolidated.people_max, Some(7));
    s.review("ana", &ReviewAction::Confirm(d.id)).unwrap();
    assert_summaries_fresh(&s);
    assert_eq!(row(&s).unwrap().consolidated.sources, 2);
    let msg = s
        .review(
            "ana",
            &ReviewAction::Split {
                case,
                incidents: vec![d.id],
            },
        )
        .unwrap();
    assert_summaries_fresh(&s);
    assert_eq!(row(&s).unwrap().incidents, 1, "{msg}");
    let new = arrest_of(&s, "d").case_id.unwrap();
    s.review(
        "ana",
        &ReviewAction::Merge {
            into: case,
            from: new,
        },
    )
    .unwrap();
    assert_summaries_fresh(&s);
    assert_eq!(row(&s).unwrap().incidents, 2);
    let b = s
        .incidents(&Filter::new())
        .unwrap()
        .into_iter()
        .find(|r| r.document_id == "b")
        .unwrap();
    s.review(
        "ana",
        &ReviewAction::Move {
            incident: b.id,
            case,
        },
    )
    .unwrap();
    assert_summaries_fresh(&s);
    // A new version of a report: its old incidents stop counting.
    s.ingest(&[extracted(report("a", B, "2021-03-11"))])
        .unwrap();
    assert_summaries_fresh(&s);
    // Re-extraction: an edit whose decision is gone falls back to the
    // extracted value, and the case's summary follows.
    edit(&mut s, d.id, "people", "30");
    assert_eq!(row(&s).unwrap().consolidated.people_max, Some(30));
    s.connection()
        .execute("DELETE FROM decisions WHERE field='people'", [])
        .unwrap();
    s.connection()
        .execute("UPDATE reports SET extractor_version='old'", [])
        .unwrap();
    let todo = s
        .reports_to_reextract(repatwatch_extract::EXTRACTOR_VERSION, false)
        .unwrap();
    let batch: Vec<(i64, Extraction)> = todo
        .iter()
        .map(|(id, r)| (*id, extract(r, &Options::default())))
        .collect();
    s.replace_extractions(&batch, repatwatch_extract::EXTRACTOR_VERSION)
        .unwrap();
    assert_summaries_fresh(&s);
    assert_eq!(row(&s).unwrap().consolidated.people_max, Some(7));
    // Filters on cases: a case is listed when a member matches.
    let mut f = Filter::new();
    // (d's places were edited to Dandong; the Hunchun telling is superseded.)
    f.province = Some("Liaoning".into());
    let found = s.cases(&f).unwrap();
    assert!(found.iter().any(|c| c.id == case), "{found:?}");
    assert_eq!(s.count_cases(&f).unwrap(), found.len());
    f.province = Some("Jilin".into());
    assert!(s.cases(&f).unwrap().iter().all(|c| c.id != case));
    f.province = Some("Liaoning".into());
    f.limit = Some(1);
    assert_eq!(s.cases(&f).unwrap().len(), 1);
}

#[test]
fn a_superseded_version_no_longer_links_later_reports_of_the_same_run() {
    // Report "a" tells an arrest in Hunchun; its second version, in the same
    // ingest run, no longer does; a later report of the run tells that
    // arrest: it must not join the case of the superseded claim.
    for one_batch in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = open(&dir.path().join("v.db"));
        let a1 = extracted(report("a", A, "2021-03-10"));
        let a2 = extracted(report("a", B, "2021-03-11"));
        let d = extracted(report("d", AGAIN, "2021-03-15"));
        if one_batch {
            s.ingest(&[a1, a2, d]).unwrap();
        } else {
            s.ingest(&[a1]).unwrap();
            s.ingest(&[a2]).unwrap();
            s.ingest(&[d]).unwrap();
        }
        let d_arrest = arrest_of(&s, "d");
        let page = s.case(d_arrest.case_id.unwrap()).unwrap();
        assert!(
            page.members.iter().all(|m| m.current),
            "joined a superseded claim: {:?}",
            page.members
                .iter()
                .map(|m| (&m.key, m.current))
                .collect::<Vec<_>>()
        );
        assert_summaries_fresh(&s);
        // The same as a run that starts after the new version is stored.
        let dump = s.dump().unwrap();
        drop(s);
        let dir2 = tempfile::tempdir().unwrap();
        let mut t = open(&dir2.path().join("w.db"));
        t.ingest(&[extracted(report("a", A, "2021-03-10"))])
            .unwrap();
        t.ingest(&[extracted(report("a", B, "2021-03-11"))])
            .unwrap();
        drop(t);
        let mut t = open(&dir2.path().join("w.db"));
        t.ingest(&[extracted(report("d", AGAIN, "2021-03-15"))])
            .unwrap();
        assert_eq!(t.dump().unwrap(), dump);
    }
}

#[test]
fn a_version_1_database_gets_its_case_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    let mut s = open(&path);
    s.ingest(&fixtures()).unwrap();
    s.ingest(&[extracted(report("d", AGAIN, "2021-03-15"))])
        .unwrap();
    let a = arrest_of(&s, "a");
    s.review("ana", &ReviewAction::Confirm(a.id)).unwrap();
    let dump = s.dump().unwrap();
    // Back to schema version 1: no summary table.
    s.connection()
        .execute_batch("DROP TABLE case_summary; PRAGMA user_version=1;")
        .unwrap();
    drop(s);
    let s = open(&path);
    let v: i32 = s
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    assert_eq!(s.dump().unwrap(), dump);
    assert_summaries_fresh(&s);
}

#[test]
fn review_edits_places_with_an_audit_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&dir.path().join("pl.db"));
    s.ingest(&fixtures()).unwrap();
    let a = arrest_of(&s, "a");
    let edit = |s: &mut SqliteStore, value: &str| {
        s.review(
            "ana",
            &ReviewAction::Edit {
                incident: a.id,
                field: "places".into(),
                value: value.into(),
            },
        )
    };
    let msg = edit(&mut s, "Nanping, Jilin; Tumen").unwrap();
    assert!(msg.contains("Hunchun"), "{msg}");
    let row = s
        .incidents(&Filter::new())
        .unwrap()
        .into_iter()
        .find(|r| r.id == a.id)
        .unwrap();
    let names: Vec<(&str, Option<&str>)> = row
        .incident
        .locations
        .iter()
        .map(|l| (l.name.as_str(), l.admin1.as_deref()))
        .collect();
    assert_eq!(names[0], ("Nanping", Some("Jilin")), "{names:?}");
    assert_eq!(names.len(), 2);
    // The places table follows: the place filter finds it.
    let mut f = Filter::new();
    f.place = Some("Nanping".into());
    assert_eq!(s.incidents(&f).unwrap().len(), 1);
    f.place = Some("Hunchun".into());
    assert!(s.incidents(&f).unwrap().iter().all(|r| r.id != a.id));
    let log = s.audit().unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.field.as_deref(), Some("places"));
    assert!(
        last.before.as_deref().unwrap().contains("Hunchun"),
        "{last:?}"
    );
    assert!(
        last.after
            .as_deref()
            .unwrap()
            .starts_with("Nanping, Jilin, CN"),
        "{last:?}"
    );
    // Unknown places are refused; nothing changes.
    let e = edit(&mut s, "Atlantis").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert_eq!(s.audit().unwrap().len(), log.len());
    // The edit survives re-extraction.
    s.connection()
        .execute("UPDATE reports SET extractor_version='old'", [])
        .unwrap();
    let todo = s
        .reports_to_reextract(repatwatch_extract::EXTRACTOR_VERSION, false)
        .unwrap();
    let batch: Vec<(i64, Extraction)> = todo
        .iter()
        .map(|(id, r)| (*id, extract(r, &Options::default())))
        .collect();
    s.replace_extractions(&batch, repatwatch_extract::EXTRACTOR_VERSION)
        .unwrap();
    let after = arrest_of(&s, "a");
    assert_eq!(after.incident.locations, row.incident.locations);
    // `none` clears.
    edit(&mut s, "none").unwrap();
    assert!(arrest_of(&s, "a").incident.locations.is_empty());
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn pages_counts_and_snippets_of_many_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open(&dir.path().join("many.db"));
    let batch: Vec<(Report, Extraction)> = (0..40)
        .map(|i| {
            extracted(report(
                &format!("c{i:02}"),
                &format!("{C} (Copy {i}.)"),
                "2020-01-09",
            ))
        })
        .collect();
    s.ingest(&batch).unwrap();
    let mut f = Filter::new();
    f.search = Some("Dandong".into());
    let all = s.incidents(&f).unwrap();
    assert!(all.len() >= 40);
    assert_eq!(s.count_incidents(&f).unwrap(), all.len());
    // More than a few reports: the snippets come from one pass.
    assert!(all.iter().all(|r| r
        .snippet
        .as_deref()
        .is_some_and(|t| t.contains("[Dandong]"))));
    f.limit = Some(5);
    let page = s.incidents(&f).unwrap();
    assert_eq!(page.len(), 5);
    assert_eq!(
        page.iter().map(|r| r.id).collect::<Vec<_>>(),
        all.iter().take(5).map(|r| r.id).collect::<Vec<_>>()
    );
    assert!(page.iter().all(|r| r.snippet.is_some()));
    assert_eq!(s.count_incidents(&f).unwrap(), all.len());
}

#[test]
fn a_review_by_another_process_during_an_ingest_run_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let mut ingest = open(&path);
    ingest.ingest(&fixtures()).unwrap();
    // Another connection (another process) rejects the arrest of "a"
    // between two batches of the ingest run.
    let mut review = open(&path);
    let a = arrest_of(&review, "a");
    review.review("ana", &ReviewAction::Reject(a.id)).unwrap();
    ingest
        .ingest(&[extracted(report("d", AGAIN, "2021-03-15"))])
        .unwrap();
    assert_summaries_fresh(&ingest);
    let d = arrest_of(&ingest, "d");
    let page = ingest.case(d.case_id.unwrap()).unwrap();
    assert_eq!(page.consolidated.sources, 1);
}

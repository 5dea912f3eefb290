//! The database commands end to end, on reports written for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use repatwatch_store::{OpenOptions, SqliteStore, Store};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_repatwatch");

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    let o = Command::new(BIN)
        .args(args)
        .env_remove("REPATWATCH_DB")
        .env("USER", "tester")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into(),
        stderr: String::from_utf8_lossy(&o.stderr).into(),
    }
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rw-db-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const PLACES: &[&str] = &[
    "Hunchun, Jilin Province",
    "Dandong, Liaoning Province",
    "Shenyang",
    "Yanji",
    "Tumen",
];
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August",
];

/// `n` reports of our own, each different.
fn corpus(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let text = format!(
            "Chinese police arrested {} North Korean defectors in {} on {} {}, 20{:02}, a source said.\n\nThey were sent back to North Korea a week later, the source added. (Report {i}.)",
            2 + i % 17,
            PLACES[i % PLACES.len()],
            MONTHS[i % MONTHS.len()],
            1 + i % 27,
            10 + i % 12,
        );
        let rec = serde_json::json!({
            "id": format!("r{i:05}"),
            "published": format!("20{:02}-09-15", 10 + i % 12),
            "outlet": "Test Wire",
            "title": format!("Report {i}"),
            "text": text,
        });
        s.push_str(&rec.to_string());
        s.push('\n');
    }
    s
}

fn dump(db: &Path) -> String {
    let s = SqliteStore::open(
        db,
        &OpenOptions {
            create: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    s.dump().unwrap()
}

#[test]
fn ingest_twice_gives_identical_contents() {
    let d = tmpdir("twice");
    let input = d.join("in.jsonl");
    std::fs::write(&input, corpus(40)).unwrap();
    let db = d.join("t.db");
    let (i, b) = (input.to_str().unwrap(), db.to_str().unwrap());
    let o = run(&["ingest", i, "--db", b]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.is_empty());
    assert!(o.stderr.contains("40 new"), "{}", o.stderr);
    let first = dump(&db);
    let o = run(&["ingest", i, "--db", b, "--batch", "7"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("0 new, 0 new versions, 40 unchanged"),
        "{}",
        o.stderr
    );
    assert_eq!(dump(&db), first);
    // Different batch sizes and thread counts give the same database.
    let db2 = d.join("t2.db");
    let o = run(&[
        "ingest",
        i,
        "--db",
        db2.to_str().unwrap(),
        "--batch",
        "3",
        "--threads",
        "1",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(dump(&db2), first);
}

#[test]
fn ingest_survives_sigkill_midway() {
    let d = tmpdir("kill");
    let input = d.join("in.jsonl");
    let n = 1500;
    std::fs::write(&input, corpus(n)).unwrap();
    let (i, killed, clean) = (
        input.to_str().unwrap().to_string(),
        d.join("killed.db"),
        d.join("clean.db"),
    );
    let mut child = Command::new(BIN)
        .args([
            "ingest",
            &i,
            "--db",
            killed.to_str().unwrap(),
            "--batch",
            "20",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill -9.
    let t = Instant::now();
    let mut seen = 0i64;
    while t.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(c) = rusqlite::Connection::open_with_flags(
            &killed,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        ) {
            seen = c
                .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
                .unwrap_or(0);
            if seen >= 60 {
                break;
            }
        }
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "finished before the kill; make the input larger"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(seen >= 60 && (seen as usize) < n, "killed at {seen} of {n}");
    // Again, to the end.
    let o = run(&[
        "ingest",
        &i,
        "--db",
        killed.to_str().unwrap(),
        "--batch",
        "20",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains(" unchanged"), "{}", o.stderr);
    let o = run(&["ingest", &i, "--db", clean.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(dump(&killed), dump(&clean));
}

#[test]
fn bad_records_fail_alone_and_exit_1() {
    let d = tmpdir("bad");
    let input = d.join("in.jsonl");
    let mut text = corpus(3);
    text.push_str("{\"id\": \"x\"}\nnot json\n");
    std::fs::write(&input, text).unwrap();
    let db = d.join("b.db");
    let o = run(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("in.jsonl:4: missing \"text\""),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("in.jsonl:5: invalid JSON"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("3 new") && o.stderr.contains("2 failed"),
        "{}",
        o.stderr
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn databases_that_are_not_ours_are_named_and_untouched() {
    let d = tmpdir("foreign");
    let f = d.join("notes.db");
    std::fs::write(&f, "hello\n").unwrap();
    let o = run(&["incidents", "--db", f.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("notes.db: not a SQLite database"),
        "{}",
        o.stderr
    );
    let o = run(&["ingest", "-", "--db", f.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "hello\n");
    let o = run(&["cases", "--db", d.join("missing.db").to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("missing.db: no such database"),
        "{}",
        o.stderr
    );
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn queries_review_and_stats() {
    let d = tmpdir("query");
    let input = d.join("in.jsonl");
    std::fs::write(&input, corpus(30)).unwrap();
    let db = d.join("q.db");
    let b = db.to_str().unwrap();
    assert_eq!(run(&["ingest", input.to_str().unwrap(), "--db", b]).code, 0);

    let o = run(&["incidents", "--db", b, "--limit", "0"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let all = jsonl(&o.stdout);
    assert!(all.len() >= 30);
    assert!(all[0]["incident"]["evidence"][0]["quote"].is_string());
    assert!(!o.stderr.contains("shown"), "{}", o.stderr);
    // A page by default (100 rows), and a note on standard error when more matched.
    let o = run(&["incidents", "--db", b]);
    assert_eq!(jsonl(&o.stdout).len(), all.len().min(100));
    let o = run(&["incidents", "--db", b, "--limit", "5"]);
    assert_eq!(jsonl(&o.stdout)[..], all[..5]);
    assert!(
        o.stderr
            .contains(&format!("5 of {} shown; --limit 0 for all", all.len())),
        "{}",
        o.stderr
    );
    let o = run(&["cases", "--db", b, "--limit", "2"]);
    assert_eq!(jsonl(&o.stdout).len(), 2);
    assert!(o.stderr.contains("2 of "), "{}", o.stderr);

    let o = run(&[
        "incidents",
        "--db",
        b,
        "--type",
        "arrest",
        "--province",
        "Jilin",
        "--format",
        "json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(&o.stdout).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["incident"]["type"] == "arrest"));
    let o = run(&["incidents", "--db", b, "--search", "Dandong"]);
    let rows = jsonl(&o.stdout);
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r["snippet"].as_str().unwrap().contains("**Dandong**")));
    let o = run(&[
        "incidents",
        "--db",
        b,
        "--from",
        "2015-01-01",
        "--to",
        "2015-12-31",
        "--min-people",
        "5",
    ]);
    for r in jsonl(&o.stdout) {
        assert!(r["incident"]["date"]["start"]
            .as_str()
            .unwrap()
            .starts_with("2015"));
        assert!(r["incident"]["people"]["count"]["min"].as_u64().unwrap() >= 5);
    }
    assert_eq!(run(&["incidents", "--db", b, "--type", "party"]).code, 2);

    let o = run(&["cases", "--db", b]);
    let cases = jsonl(&o.stdout);
    assert!(!cases.is_empty());
    let case_id = cases[0]["id"].as_u64().unwrap().to_string();
    let o = run(&["case", &case_id, "--db", b]);
    let page: Value = serde_json::from_str(&o.stdout).unwrap();
    assert!(!page["members"].as_array().unwrap().is_empty());
    assert!(page["consolidated"]["sources"].as_u64().unwrap() >= 1);
    let o = run(&["case", &case_id, "--db", b, "--format", "table"]);
    assert!(o.stdout.contains("consolidated") || o.stdout.contains(&format!("case {case_id}")));
    assert_eq!(run(&["case", "99999", "--db", b]).code, 1);

    let o = run(&["stats", "--db", b, "--by", "month"]);
    let stats = jsonl(&o.stdout);
    let total: u64 = stats.iter().map(|s| s["incidents"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, cases.len());

    let id = all[0]["id"].as_i64().unwrap().to_string();
    let o = run(&["review", "confirm", &id, "--db", b, "--user", "ana"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let o = run(&["review", "edit", &id, "people", "11", "--db", b]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let o = run(&["review", "edit", &id, "colour", "red", "--db", b]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("editable fields"), "{}", o.stderr);
    let o = run(&["review", "log", "--db", b]);
    let log = jsonl(&o.stdout);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["user"], "ana");
    assert_eq!(log[1]["user"], "tester");
    assert_eq!(log[1]["after"], "11");
    let o = run(&["incidents", "--db", b, "--review", "confirmed"]);
    let rows = jsonl(&o.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["incident"]["people"]["count"]["min"], 11);

    // Export through the export crate: reviewed values, every format.
    let o = run(&["export", "--db", b, "--format", "jsonl"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stdout.lines().count(), all.len());
    assert!(
        o.stdout.contains("\"people_min\":11") || o.stdout.contains("\"min\":11"),
        "edited count missing"
    );
    let o = run(&["export", "--db", b, "--format", "csv", "--type", "arrest"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.starts_with("document_id,"),
        "{}",
        &o.stdout[..80.min(o.stdout.len())]
    );
    for f in ["geojson", "acled"] {
        let o = run(&["export", "--db", b, "--format", f, "--redact"]);
        assert_eq!(o.code, 0, "{f}: {}", o.stderr);
        assert!(!o.stdout.is_empty());
    }
    // Rejected incidents are not exported.
    let id2 = all[1]["id"].as_i64().unwrap().to_string();
    assert_eq!(run(&["review", "reject", &id2, "--db", b]).code, 0);
    let o = run(&["export", "--db", b, "--format", "jsonl"]);
    assert_eq!(o.stdout.lines().count(), all.len() - 1);

    // Re-extraction keeps the decisions.
    let o = run(&["reextract", "--force", "--db", b]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("analyst decisions re-applied"),
        "{}",
        o.stderr
    );
    let rows = jsonl(&run(&["incidents", "--db", b, "--review", "confirmed"]).stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["incident"]["people"]["count"]["min"], 11);
}

#[test]
fn the_database_comes_from_repatwatch_db_by_default() {
    let d = tmpdir("envdb");
    let input = d.join("in.jsonl");
    std::fs::write(&input, corpus(2)).unwrap();
    let db = d.join("env.db");
    let o = Command::new(BIN)
        .args(["ingest", input.to_str().unwrap()])
        .env("REPATWATCH_DB", &db)
        .current_dir(&d)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(db.exists());
    assert!(!d.join("repatwatch.db").exists());
    // --db wins over the variable.
    let other = d.join("other.db");
    let o = Command::new(BIN)
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            other.to_str().unwrap(),
        ])
        .env("REPATWATCH_DB", &db)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(other.exists());
}

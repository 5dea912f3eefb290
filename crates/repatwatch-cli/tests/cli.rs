//! Runs the built `repatwatch` binary on invented reports: every input kind,
//! every format, standard input, folders and every kind of bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(args: &[&str], stdin: Option<&[u8]>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_repatwatch"));
    cmd.args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().expect("spawn repatwatch");
    let writer = stdin.map(|data| {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        let data = data.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })
    });
    let out = child.wait_with_output().expect("wait for repatwatch");
    if let Some(w) = writer {
        w.join().expect("stdin writer");
    }
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "repatwatch panicked: {stderr}"
    );
    Out {
        code: out
            .status
            .code()
            .expect("exit code (not killed by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr,
    }
}

fn run(args: &[&str]) -> Out {
    run_in(args, None)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports")
}

fn fx(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

/// A fresh, empty folder for one test.
fn tmpdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(name);
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).expect("create temp dir");
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    fs::write(&p, bytes).expect("write fixture");
    p.display().to_string()
}

fn is_date(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
}

fn str_or_null(v: Option<&Value>) -> bool {
    matches!(v, None | Some(Value::Null) | Some(Value::String(_)))
}

/// Checks one extraction against incidents-v1.schema.json, structurally.
fn assert_schema(v: &Value) {
    let o = v.as_object().expect("extraction is an object");
    assert_eq!(
        o.get("schema"),
        Some(&Value::from("repatwatch/incidents/v1"))
    );
    let d = o
        .get("document")
        .and_then(Value::as_object)
        .expect("document object");
    assert!(
        d.get("id").is_some_and(Value::is_string),
        "document.id: {v}"
    );
    for k in ["title", "outlet", "url", "language", "sha256"] {
        assert!(str_or_null(d.get(k)), "document.{k}: {v}");
    }
    assert!(matches!(d.get("published"), None | Some(Value::Null)) || is_date(&d["published"]));
    if let Some(Value::String(h)) = d.get("sha256") {
        assert!(h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()));
    }
    let incidents = o
        .get("incidents")
        .and_then(Value::as_array)
        .expect("incidents array");
    let types = [
        "arrest",
        "detention",
        "transfer",
        "repatriation",
        "release",
        "punishment",
        "death",
    ];
    for inc in incidents {
        let i = inc.as_object().expect("incident object");
        for k in [
            "type",
            "status",
            "hedged",
            "date",
            "locations",
            "people",
            "actors",
            "evidence",
        ] {
            assert!(i.contains_key(k), "incident lacks {k}: {inc}");
        }
        assert!(types.contains(&i["type"].as_str().unwrap_or("")));
        assert!(["occurred", "planned", "blocked"].contains(&i["status"].as_str().unwrap_or("")));
        assert!(i["hedged"].is_boolean());
        if !i["date"].is_null() {
            assert!(
                is_date(&i["date"]["start"]) && is_date(&i["date"]["end"]),
                "date: {inc}"
            );
        }
        for l in i["locations"].as_array().expect("locations array") {
            assert!(l["name"].is_string() && l["country"].as_str().is_some_and(|c| c.len() == 2));
            assert!(l["precision"].is_string() && l["lat"].is_number() && l["lon"].is_number());
        }
        assert!(i["people"].is_object());
        assert!(i["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .all(Value::is_string));
        let ev = i["evidence"].as_array().expect("evidence array");
        assert!(!ev.is_empty(), "evidence has minItems 1");
        for e in ev {
            assert!(e["start"].is_u64() && e["end"].is_u64() && e["quote"].is_string());
        }
    }
}

/// Parses JSONL output, checking every line is one compact schema object.
fn jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| {
            assert!(
                !l.starts_with(' ') && !l.is_empty(),
                "not one compact line: {l:?}"
            );
            let v: Value = serde_json::from_str(l).expect("each line is JSON");
            assert_schema(&v);
            v
        })
        .collect()
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|v| v["document"]["id"].as_str().unwrap_or("").to_string())
        .collect()
}

// ---- good inputs -----------------------------------------------------------

#[test]
fn text_file_with_metadata_flags() {
    let o = run(&[
        "extract",
        &fx("alpha.txt"),
        "--published",
        "2024-03-05",
        "--id",
        "my-id",
        "--title",
        "A title",
        "--outlet",
        "An outlet",
        "--format",
        "jsonl",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(recs.len(), 1);
    let d = &recs[0]["document"];
    assert_eq!(d["id"], "my-id");
    assert_eq!(d["published"], "2024-03-05");
    assert_eq!(d["title"], "A title");
    assert_eq!(d["outlet"], "An outlet");
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

#[test]
fn default_format_off_a_terminal_is_jsonl_and_id_is_the_stem() {
    let o = run(&["extract", &fx("alpha.txt")]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(ids(&recs), ["alpha"]);
    assert!(recs[0]["document"]["published"].is_null());
}

#[test]
fn json_file_reads_known_keys_and_never_the_incidents() {
    let o = run(&["extract", &fx("beta.json")]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(recs.len(), 1);
    let d = &recs[0]["document"];
    assert_eq!(d["id"], "beta");
    assert_eq!(d["published"], "2023-06-12");
    assert_eq!(d["outlet"], "Invented Weekly");
    assert_eq!(d["url"], "https://example.org/beta");
}

#[test]
fn gold_incidents_are_not_copied_into_the_output() {
    let dir = tmpdir("gold-not-read");
    let gold = r#"{"id":"g","published":"2020-01-01","text":"The weather in Seoul was mild on Sunday.",
        "incidents":[{"type":"arrest","status":"occurred","hedged":false,"date":null,"locations":[],
        "people":{},"actors":[],"evidence":[{"start":0,"end":3,"quote":"The"}]}]}"#;
    let p = write(&dir, "g.json", gold.as_bytes());
    let o = run(&["extract", &p]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(recs[0]["incidents"], Value::Array(vec![]));
}

#[test]
fn jsonl_file_gives_one_line_per_record() {
    let o = run(&["extract", &fx("batch.jsonl"), "--format", "jsonl"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(ids(&recs), ["batch-1", "batch-2"]);
    assert_eq!(recs[1]["document"]["outlet"], "Invented Daily");
}

#[test]
fn folders_are_walked_sorted_skipping_hidden_and_other_files() {
    let dir = fixtures().display().to_string();
    let o = run(&["extract", &dir]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(ids(&recs), ["alpha", "batch-1", "batch-2", "beta", "gamma"]);
    let again = run(&["extract", &dir]);
    assert_eq!(o.stdout, again.stdout, "deterministic");
}

#[test]
fn format_json_is_one_array() {
    let o = run(&[
        "extract",
        &fixtures().display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(&o.stdout).expect("one JSON document");
    let arr = v.as_array().expect("an array");
    assert_eq!(arr.len(), 5);
    arr.iter().for_each(assert_schema);
    assert!(o.stdout.contains("\n    \"document\""), "pretty-printed");
}

#[test]
fn format_json_with_nothing_good_is_an_empty_array() {
    let o = run(&[
        "extract",
        "/nonexistent/repatwatch/x.txt",
        "--format",
        "json",
    ]);
    assert_eq!(o.code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&o.stdout).expect("JSON"),
        Value::Array(vec![])
    );
}

#[test]
fn format_table_is_readable() {
    let o = run(&[
        "extract",
        &fx("alpha.txt"),
        &fx("beta.json"),
        "--format",
        "table",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("report alpha"), "{}", o.stdout);
    assert!(
        o.stdout
            .contains("report beta  published 2023-06-12  Invented Weekly"),
        "{}",
        o.stdout
    );
    assert!(o
        .stdout
        .contains("\"Woman returned to North Korea sentenced, relative says\""));
    assert!(o.stdout.contains("incident"));
    assert!(serde_json::from_str::<Value>(&o.stdout).is_err());
}

#[test]
fn explain_keeps_the_explain_key_and_works_in_tables() {
    let dir = fixtures().display().to_string();
    let o = run(&["extract", &dir, "--explain", "--format", "jsonl"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for rec in jsonl(&o.stdout) {
        for inc in rec["incidents"].as_array().expect("incidents") {
            let ex = inc["explain"]
                .as_array()
                .expect("explain kept with --explain");
            for e in ex {
                assert!(e["field"].is_string() && e["rule"].is_string());
            }
        }
    }
    let plain = run(&["extract", &dir, "--format", "jsonl"]);
    assert!(!plain.stdout.contains("\"explain\""));
    let t = run(&["extract", &dir, "--explain", "--format", "table"]);
    assert_eq!(t.code, 0, "{}", t.stderr);
    assert!(t.stdout.contains("report gamma"));
}

#[test]
fn stdin_text() {
    let text = std::fs::read(fx("nested/gamma.txt")).expect("fixture");
    let o = run_in(&["extract", "--published", "2019-03-20"], Some(&text));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = jsonl(&o.stdout);
    assert_eq!(ids(&recs), ["stdin"]);
    assert_eq!(recs[0]["document"]["published"], "2019-03-20");
    let o = run_in(&["extract", "-", "--id", "piped"], Some(&text));
    assert_eq!(ids(&jsonl(&o.stdout)), ["piped"]);
}

#[test]
fn stdin_json_object_and_jsonl() {
    let json = std::fs::read(fx("beta.json")).expect("fixture");
    let o = run_in(&["extract"], Some(&json));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(ids(&jsonl(&o.stdout)), ["beta"]);

    let lines = std::fs::read(fx("batch.jsonl")).expect("fixture");
    let o = run_in(&["extract", "-"], Some(&lines));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(ids(&jsonl(&o.stdout)), ["batch-1", "batch-2"]);

    let mut broken = lines.clone();
    broken.extend_from_slice(b"{\"id\": \"x\", \"text\": \n");
    let o = run_in(&["extract"], Some(&broken));
    assert_eq!(o.code, 1);
    assert_eq!(ids(&jsonl(&o.stdout)), ["batch-1", "batch-2"]);
    assert!(o.stderr.contains("<stdin>:4: invalid JSON"), "{}", o.stderr);
}

#[test]
fn stdin_and_files_together() {
    let o = run_in(
        &["extract", &fx("alpha.txt"), "-"],
        Some(b"Some pasted report text."),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(ids(&jsonl(&o.stdout)), ["alpha", "stdin"]);
}

#[test]
fn crlf_and_byte_order_mark_are_accepted() {
    let dir = tmpdir("crlf-bom");
    let p = write(
        &dir,
        "r.jsonl",
        b"\xef\xbb\xbf{\"id\":\"a\",\"text\":\"One.\"}\r\n{\"id\":\"b\",\"text\":\"Two.\"}\r\n",
    );
    let t = write(&dir, "t.txt", b"\xef\xbb\xbfA report.\r\nSecond line.\r\n");
    let o = run(&["extract", &p, &t]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(ids(&jsonl(&o.stdout)), ["a", "b", "t"]);
}

#[test]
fn json_array_file_gives_one_report_per_element() {
    let dir = tmpdir("array");
    let p = write(
        &dir,
        "many.json",
        br#"[{"id":"x","text":"One."},{"id":"y"},{"id":"z","text":"Three."}]"#,
    );
    let o = run(&["extract", &p]);
    assert_eq!(o.code, 1);
    assert_eq!(ids(&jsonl(&o.stdout)), ["x", "z"]);
    assert!(
        o.stderr.contains("many.json[1]: missing \"text\""),
        "{}",
        o.stderr
    );
}

// ---- bad inputs --------------------------------------------------------------

/// Runs a bad file beside a good one: exit 1, the error names the file, the
/// good report still comes out, and a summary is printed.
fn bad_beside_good(path: &str, expect: &str) -> Out {
    let o = run(&["extract", path, &fx("alpha.txt"), "--format", "jsonl"]);
    assert_eq!(o.code, 1, "stderr: {}", o.stderr);
    assert!(
        o.stderr.contains(expect),
        "expected {expect:?} in stderr: {}",
        o.stderr
    );
    assert_eq!(ids(&jsonl(&o.stdout)), ["alpha"]);
    assert!(o.stderr.contains("2 reports, 1 failed"), "{}", o.stderr);
    o
}

#[test]
fn binary_file() {
    let dir = tmpdir("binary");
    let p = write(&dir, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    bad_beside_good(
        &p,
        "photo.txt: binary file, not text (NUL byte at byte offset 8)",
    );
    let p = write(&dir, "blob.jsonl", b"{\"id\":\0\0\0\n\0\0");
    bad_beside_good(&p, "blob.jsonl: binary file");
    let p = write(&dir, "utf16.txt", b"\xff\xfeh\0i\0");
    bad_beside_good(&p, "utf16.txt: looks like UTF-16");
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tmpdir("utf8");
    let p = write(
        &dir,
        "latin1.txt",
        b"Police in Hunchun arrested Kim Caf\xe9 owner.",
    );
    bad_beside_good(&p, "latin1.txt: invalid UTF-8 at byte offset 34");
    let p = write(
        &dir,
        "latin1.jsonl",
        b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\n",
    );
    let o = run(&["extract", &p]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("latin1.jsonl:2: invalid UTF-8 at byte offset 44"),
        "{}",
        o.stderr
    );
    assert_eq!(ids(&jsonl(&o.stdout)), ["a"]);
}

#[test]
fn empty_files() {
    let dir = tmpdir("empty");
    let p = write(&dir, "empty.txt", b"");
    bad_beside_good(&p, "empty.txt: empty file");
    let p = write(&dir, "blank.txt", b"  \n\n\t ");
    bad_beside_good(&p, "blank.txt: empty file");
    let p = write(&dir, "empty.json", b"");
    bad_beside_good(&p, "empty.json: empty file");
    let p = write(&dir, "empty.jsonl", b"\n\n");
    bad_beside_good(&p, "empty.jsonl: empty file");
    let o = run_in(&["extract"], Some(b""));
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("<stdin>: empty input"), "{}", o.stderr);
}

#[test]
fn huge_file_without_newline_is_refused_without_reading_it_all() {
    let dir = tmpdir("huge");
    let chunk = "North Korean defectors were arrested near the border. ".repeat(1000);
    let mut big = String::with_capacity(50 * 1024 * 1024 + chunk.len());
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&chunk);
    }
    let p = write(&dir, "huge.txt", big.as_bytes());
    bad_beside_good(&p, "huge.txt: too large");
    // The same bytes as a JSONL "line" are streamed and refused line by line.
    let j = write(&dir, "huge.jsonl", big.as_bytes());
    bad_beside_good(&j, "huge.jsonl:1: line too large");
    // And on standard input.
    let o = run_in(&["extract", "--max-bytes", "1MB"], Some(big.as_bytes()));
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("<stdin>: too large"), "{}", o.stderr);
    drop(big);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn max_bytes_is_a_limit_per_file() {
    let o = run(&["extract", &fx("alpha.txt"), "--max-bytes", "100"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("alpha.txt: too large (405 bytes; the limit is 100"),
        "{}",
        o.stderr
    );
}

#[test]
fn broken_jsonl_line_fails_alone() {
    let dir = tmpdir("broken-jsonl");
    let p = write(
        &dir,
        "reports.jsonl",
        b"{\"id\":\"one\",\"text\":\"First.\"}\n{\"id\":\"two\",\"text\":\"Sec\n{\"id\":\"three\",\"text\":\"Third.\"}\n",
    );
    let o = run(&["extract", &p]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("reports.jsonl:2: invalid JSON: "),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("3 reports, 1 failed"), "{}", o.stderr);
    assert_eq!(ids(&jsonl(&o.stdout)), ["one", "three"]);
}

#[test]
fn bad_published_dates_fail_their_record_only() {
    let dir = tmpdir("bad-dates");
    let p = write(
        &dir,
        "dates.jsonl",
        br#"{"id":"ok","published":"2020-02-29","text":"Fine."}
{"id":"month13","published":"2020-13-45","text":"Bad month."}
{"id":"words","published":"yesterday","text":"Not a date."}
{"id":"num","published":20200101,"text":"A number."}
{"id":"none","published":null,"text":"No date is fine."}
"#,
    );
    let o = run(&["extract", &p]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("dates.jsonl:2: \"published\": invalid date \"2020-13-45\""),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("dates.jsonl:3: \"published\": invalid date \"yesterday\""),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("dates.jsonl:4: \"published\": invalid date"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("5 reports, 3 failed"), "{}", o.stderr);
    assert_eq!(ids(&jsonl(&o.stdout)), ["ok", "none"]);
    let single = write(
        &dir,
        "one.json",
        br#"{"id":"x","published":"2021-02-30","text":"t"}"#,
    );
    bad_beside_good(
        &single,
        "one.json: \"published\": invalid date \"2021-02-30\"",
    );
}

#[test]
fn missing_text_or_id() {
    let dir = tmpdir("missing-keys");
    let p = write(
        &dir,
        "no-text.json",
        br#"{"id":"x","published":"2021-01-01"}"#,
    );
    bad_beside_good(&p, "no-text.json: missing \"text\"");
    let p = write(&dir, "no-id.json", br#"{"text":"A report."}"#);
    bad_beside_good(&p, "no-id.json: missing \"id\"");
    let p = write(
        &dir,
        "wrong.json",
        br#"{"id":"x","text":["not","a","string"]}"#,
    );
    bad_beside_good(&p, "wrong.json: \"text\" must be a string");
    let p = write(&dir, "list.jsonl", b"[1,2,3]\n");
    bad_beside_good(&p, "list.jsonl:1: not a report object");
    let p = write(&dir, "syntax.json", b"{\"id\": \"x\",, }");
    bad_beside_good(&p, "syntax.json: invalid JSON: ");
}

#[test]
fn nonexistent_path() {
    bad_beside_good(
        "/nonexistent/repatwatch/report.txt",
        "/nonexistent/repatwatch/report.txt: no such file or directory",
    );
}

#[test]
fn texts_that_once_broke_the_extractor_never_crash_the_run() {
    // Found by the property test: a byte slice inside a multi-byte character.
    // Whether or not the extractor copes, the tool must not crash: the report
    // either comes out or fails alone with a message, and the others go on.
    let dir = tmpdir("extractor-bug");
    let p = write(
        &dir,
        "hard.txt",
        "arrested MSSontransferredmen transferred탈북자".as_bytes(),
    );
    let o = run(&["extract", &p, &fx("alpha.txt")]);
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
    let got = ids(&jsonl(&o.stdout));
    assert!(got.ends_with(&["alpha".to_string()]), "{got:?}");
    if o.code == 1 {
        assert!(
            o.stderr
                .contains("hard.txt: report \"hard\": internal error in the extractor"),
            "{}",
            o.stderr
        );
    }
}

// ---- usage errors --------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    let alpha = fx("alpha.txt");
    for args in [
        vec!["extract", &alpha, "--format", "xml"],
        vec!["extract", &alpha, "--published", "2020-13-45"],
        vec!["extract", &alpha, "--published", "yesterday"],
        vec!["extract", &alpha, "--max-bytes", "lots"],
        vec!["extract", &alpha, "--no-such-flag"],
        vec!["extract", &alpha, &alpha, "--id", "x"],
        vec!["bench", "--min-mb", "-1"],
        vec!["frobnicate"],
        vec![],
    ] {
        let o = run(&args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}");
    }
    let o = run(&["extract", &alpha, "--published", "2020-13-45"]);
    assert!(o.stderr.contains("--published"), "{}", o.stderr);
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stdout.contains("extract") && o.stdout.contains("bench") && o.stdout.contains("eval")
    );
    let o = run(&["--version"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.starts_with("repatwatch "));
}

// ---- bench and eval --------------------------------------------------------------

#[test]
fn bench_on_the_bundled_sample() {
    let o = run(&["bench", "--min-mb", "0.05", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(o.stdout.trim()).expect("JSON");
    assert!(v["reports"].as_u64().is_some_and(|n| n >= 50));
    assert!(v["bytes"].as_u64().is_some_and(|b| b >= 50_000));
    for k in ["mb", "seconds", "mb_per_s", "reports_per_s"] {
        assert!(v[k].is_number(), "{k}");
    }
    assert!(v["incidents"].is_u64());
    if cfg!(debug_assertions) {
        assert!(o.stderr.contains("debug build"));
    }
    let o = run(&["bench", "--min-mb", "0"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.contains("MB/s") && o.stdout.contains("reports/s"),
        "{}",
        o.stdout
    );
}

#[test]
fn bench_on_given_inputs() {
    let o = run(&[
        "bench",
        &fixtures().display().to_string(),
        "--min-mb",
        "0.01",
        "--format",
        "json",
    ]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(o.stdout.trim()).expect("JSON");
    assert_eq!(v["inputs"], 5);
    let o = run(&["bench", "/nonexistent/repatwatch"]);
    assert_eq!(o.code, 1);
}

#[test]
fn eval_runs_on_a_gold_folder() {
    let dir = tmpdir("eval-gold");
    write(
        &dir,
        "g1.json",
        br#"{"id":"g1","published":"2020-05-01","title":"t","text":"Chinese police arrested two North Koreans in Yanji.",
            "incidents":[{"type":"arrest","status":"occurred","hedged":false,"date":null,"locations":[],
            "people":{},"actors":["CN-POLICE"],"evidence":[{"start":0,"end":7,"quote":"Chinese"}]}]}"#,
    );
    let o = run(&["eval", &dir.display().to_string()]);
    assert!(o.code == 0 || o.code == 1, "{}", o.stderr);
    let o = run(&["eval", "/nonexistent/repatwatch-gold"]);
    assert_ne!(o.code, 0);
}

#[test]
fn eval_links_scores_cases() {
    // Invented reports: two tell one arrest (case "a"), a third another one.
    let dir = tmpdir("eval-links");
    let report = |id: &str, published: &str, text: &str, incident: &str| {
        format!(
            r#"{{"id":"{id}","published":"{published}","text":"{text}","incidents":[{incident}]}}"#
        )
    };
    let arrest = |day: &str, town: &str, lat: f64, n: u32, case: &str| {
        format!(
            r#"{{"type":"arrest","date":{{"text":"x","start":"{day}","end":"{day}"}},
               "locations":[{{"text":"{town}","name":"{town}","admin1":"Jilin","country":"CN","precision":"city","lat":{lat},"lon":129.5}}],
               "people":{{"count":{{"min":{n},"max":{n},"approximate":false}}}},
               "actors":["CN-PSB"],"evidence":[{{"start":0,"end":10,"quote":"Police in "}}],"case":"{case}"}}"#
        )
    };
    let text = "Police in the town arrested a group of North Koreans on Monday.";
    write(
        &dir,
        "r1.json",
        report(
            "r1",
            "2031-05-07",
            text,
            &arrest("2031-05-05", "Yanji", 42.9, 12, "a"),
        )
        .as_bytes(),
    );
    write(
        &dir,
        "r2.json",
        report(
            "r2",
            "2031-05-09",
            text,
            &arrest("2031-05-05", "Yanji", 42.9, 13, "a"),
        )
        .as_bytes(),
    );
    write(
        &dir,
        "r3.json",
        report(
            "r3",
            "2031-05-08",
            text,
            &arrest("2031-05-05", "Tumen", 43.5, 4, "b"),
        )
        .as_bytes(),
    );
    let o = run(&["eval", "--links", &dir.display().to_string(), "--json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v: Value = serde_json::from_str(o.stdout.trim()).expect("JSON");
    let alone = &v["linking_alone"];
    assert_eq!(alone["claims"], 3);
    assert_eq!(alone["cases"], 2);
    assert_eq!(alone["pairwise"]["gold"], 1);
    assert_eq!(alone["pairwise"]["correct"], 1);
    assert_eq!(alone["pairwise"]["f1"], 1.0);
    assert_eq!(alone["bcubed"]["f1"], 1.0);
    assert!(v["end_to_end"]["pairwise"]["gold"].is_number());
    let o = run(&["eval", "--links", &dir.display().to_string(), "--details"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("linking alone"), "{}", o.stdout);
    assert!(o.stdout.contains("end to end"), "{}", o.stdout);
}

//! Reading reports: `.txt`, `.json` and `.jsonl` files, folders and standard
//! input. Every problem with one input becomes a [`Failure`] naming it (and its
//! line, for JSONL); nothing here panics on bad input.
//!
//! Only the known keys of a JSON report are deserialized (`id`, `published`,
//! `text`, `title`, `outlet`, `url`): every other key, a gold file's
//! `incidents` among them, is skipped by the parser without being kept.

use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use repatwatch_extract::Report;
use serde::Deserialize;
use serde_json::value::RawValue;

/// One input that could not be turned into a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file (and `:line` for JSONL, `[index]` for a JSON array).
    pub label: String,
    pub message: String,
}

impl Failure {
    pub fn new(label: impl Into<String>, message: impl Into<String>) -> Self {
        Failure {
            label: label.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.message)
    }
}

/// What readers hand on: a report, or why one input failed.
pub type Item = Result<Report, Failure>;

/// Metadata given on the command line for text inputs.
#[derive(Debug, Clone, Default)]
pub struct TextMeta {
    /// The id of a single text input (default: the file stem, or `stdin`).
    pub id: Option<String>,
    /// Publication date of text inputs, and of JSON records without one.
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The largest file (or JSONL line, or standard input) read, in bytes.
    pub max_bytes: u64,
    pub meta: TextMeta,
}

/// One input named on the command line, or found in a folder.
#[derive(Debug)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be opened or listed.
    Error(PathBuf, String),
}

impl Input {
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) | Input::Error(p, _) => p.display().to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Json,
    Jsonl,
    /// Unknown extension: `{` or `[` first means JSON/JSONL, else text.
    Sniff,
}

fn kind_of(path: &Path) -> Kind {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("txt") => Kind::Text,
        Some("json") => Kind::Json,
        Some("jsonl") | Some("ndjson") => Kind::Jsonl,
        _ => Kind::Sniff,
    }
}

fn walked_ext(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt") | Some("json") | Some("jsonl")
    )
}

/// A short, stable wording of an I/O error.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Expands the command line's paths into inputs: `-` is standard input, a
/// folder is walked recursively (sorted; hidden entries skipped; only `.txt`,
/// `.json` and `.jsonl` files kept; symlinked folders not followed). No path
/// at all means standard input.
pub fn collect_inputs(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Input::Stdin);
    }
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match fs::metadata(&path) {
            Err(e) => out.push(Input::Error(path, io_message(&e))),
            Ok(m) if m.is_dir() => walk(&path, &mut out),
            Ok(_) => out.push(Input::File(path)),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Input::Error(dir.to_path_buf(), io_message(&e)));
            return;
        }
    };
    let mut entries = Vec::new();
    for entry in rd {
        match entry {
            Ok(en) => entries.push(en),
            Err(e) => out.push(Input::Error(dir.to_path_buf(), io_message(&e))),
        }
    }
    entries.sort_by_key(|en| en.file_name());
    for en in entries {
        let name = en.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = en.path();
        let ft = match en.file_type() {
            Ok(ft) => ft,
            Err(e) => {
                out.push(Input::Error(path, io_message(&e)));
                continue;
            }
        };
        if ft.is_dir() {
            walk(&path, out);
        } else if walked_ext(&path) {
            if ft.is_symlink() {
                // Follow symlinked files, never symlinked folders (no loops).
                match fs::metadata(&path) {
                    Ok(m) if m.is_file() => out.push(Input::File(path)),
                    Ok(_) => {}
                    Err(e) => out.push(Input::Error(path, io_message(&e))),
                }
            } else {
                out.push(Input::File(path));
            }
        }
    }
}

/// Reads one input, handing each report or failure to `sink`; stops early
/// when `sink` says so.
pub fn read_input(
    input: &Input,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    match input {
        Input::Error(p, msg) => sink(Err(Failure::new(p.display().to_string(), msg.clone()))),
        Input::Stdin => read_stdin(opts, sink),
        Input::File(p) => read_file(p, opts, sink),
    }
}

fn too_large(max: u64) -> String {
    format!("too large (more than {max} bytes; raise the limit with --max-bytes)")
}

fn read_file(
    path: &Path,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let label = path.display().to_string();
    let fail = |msg: String| Err(Failure::new(label.clone(), msg));
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(fail(io_message(&e))),
    };
    let kind = kind_of(path);
    if kind == Kind::Jsonl {
        let mut r = BufReader::with_capacity(1 << 16, file);
        // A binary file is one failure, not one per "line".
        match r.fill_buf() {
            Ok([]) => return sink(fail("empty file".into())),
            Ok(head) => {
                if let Some(msg) = binary_message(head) {
                    return sink(fail(msg));
                }
            }
            Err(e) => return sink(fail(io_message(&e))),
        }
        return read_jsonl(&label, r, 0, opts, sink);
    }
    if let Ok(m) = file.metadata() {
        if m.is_file() && m.len() > opts.max_bytes {
            return sink(fail(format!(
                "too large ({} bytes; the limit is {}, raise it with --max-bytes)",
                m.len(),
                opts.max_bytes
            )));
        }
    }
    let bytes = match read_capped(file, opts.max_bytes) {
        Ok(Some(b)) => b,
        Ok(None) => return sink(fail(too_large(opts.max_bytes))),
        Err(e) => return sink(fail(io_message(&e))),
    };
    let text = match decode(&bytes, "file") {
        Ok(t) => t,
        Err(msg) => return sink(fail(msg)),
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.clone());
    match kind {
        Kind::Json => read_json_document(&label, text, opts, sink),
        Kind::Sniff if looks_json(text) => read_json_document(&label, text, opts, sink),
        Kind::Text | Kind::Sniff | Kind::Jsonl => sink(Ok(text_report(text, &stem, &opts.meta))),
    }
}

fn looks_json(text: &str) -> bool {
    matches!(
        text.trim_start().as_bytes().first(),
        Some(b'{') | Some(b'[')
    )
}

/// Reads at most `max` bytes; `None` when there is more.
fn read_capped(r: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        Ok(None)
    } else {
        Ok(Some(buf))
    }
}

fn binary_message(bytes: &[u8]) -> Option<String> {
    let pos = bytes.iter().position(|&b| b == 0)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some("looks like UTF-16 text: convert it to UTF-8".to_string())
    } else {
        Some(format!(
            "binary file, not text (NUL byte at byte offset {pos})"
        ))
    }
}

/// Checks that bytes are a non-empty UTF-8 text; strips a byte-order mark.
fn decode<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str, String> {
    if bytes.is_empty() {
        return Err(format!("empty {what}"));
    }
    if let Some(msg) = binary_message(bytes) {
        return Err(msg);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte offset {}", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(format!("empty {what} (only whitespace)"));
    }
    Ok(text)
}

fn text_report(text: &str, default_id: &str, meta: &TextMeta) -> Report {
    Report {
        id: meta.id.clone().unwrap_or_else(|| default_id.to_string()),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        url: None,
        published: meta.published,
        language: None,
        text: text.to_string(),
    }
}

fn read_stdin(
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let label = "<stdin>";
    let fail = |msg: String| Err(Failure::new(label, msg));
    let mut r = BufReader::with_capacity(1 << 16, io::stdin().lock());
    let head = match r.fill_buf() {
        Ok(h) => h,
        Err(e) => return sink(fail(io_message(&e))),
    };
    if head.is_empty() {
        return sink(fail("empty input".into()));
    }
    if let Some(msg) = binary_message(head) {
        return sink(fail(msg));
    }
    let first = head
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    if first == Some(b'{') {
        // JSONL when the first line is a whole JSON value, else one document.
        let mut line = Vec::new();
        let (consumed, too_long) = match read_line_bounded(&mut r, &mut line, opts.max_bytes) {
            Ok(Some(x)) => x,
            Ok(None) => return sink(fail("empty input".into())),
            Err(e) => return sink(fail(io_message(&e))),
        };
        if too_long {
            return sink(fail(too_large(opts.max_bytes)));
        }
        let is_line = std::str::from_utf8(&line)
            .ok()
            .map(|s| {
                serde_json::from_str::<&RawValue>(
                    s.trim_start_matches('\u{feff}').trim_end_matches('\r'),
                )
                .is_ok()
            })
            .unwrap_or(false);
        let mut first_line = line;
        if consumed as usize > first_line.len() {
            first_line.push(b'\n');
        }
        if is_line {
            return read_jsonl(label, io::Cursor::new(first_line).chain(r), 0, opts, sink);
        }
        let rest_max = opts.max_bytes.saturating_sub(first_line.len() as u64);
        let mut bytes = first_line;
        match read_capped(r, rest_max) {
            Ok(Some(rest)) => bytes.extend_from_slice(&rest),
            Ok(None) => return sink(fail(too_large(opts.max_bytes))),
            Err(e) => return sink(fail(io_message(&e))),
        }
        return match decode(&bytes, "input") {
            Ok(text) => read_json_document(label, text, opts, sink),
            Err(msg) => sink(fail(msg)),
        };
    }
    let bytes = match read_capped(r, opts.max_bytes) {
        Ok(Some(b)) => b,
        Ok(None) => return sink(fail(too_large(opts.max_bytes))),
        Err(e) => return sink(fail(io_message(&e))),
    };
    match decode(&bytes, "input") {
        Ok(text) if text.trim_start().starts_with('[') => {
            read_json_document(label, text, opts, sink)
        }
        Ok(text) => sink(Ok(text_report(text, "stdin", &opts.meta))),
        Err(msg) => sink(fail(msg)),
    }
}

/// Reads one line without its `\n`, keeping at most `max` bytes of it (the
/// rest is consumed and dropped). Returns the bytes consumed and whether the
/// line was cut, or `None` at the end of input.
fn read_line_bounded(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> io::Result<Option<(u64, bool)>> {
    buf.clear();
    let mut consumed: u64 = 0;
    let mut too_long = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        let (chunk, used, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        if !too_long {
            if (buf.len() + chunk.len()) as u64 <= max {
                buf.extend_from_slice(chunk);
            } else {
                too_long = true;
                buf.clear();
            }
        }
        r.consume(used);
        consumed += used as u64;
        if done {
            break;
        }
    }
    if consumed == 0 {
        Ok(None)
    } else {
        Ok(Some((consumed, too_long)))
    }
}

/// Streams a JSONL input: one report per non-blank line; a bad line fails
/// alone. Each line is capped at `max_bytes`.
fn read_jsonl(
    name: &str,
    mut r: impl BufRead,
    mut offset: u64,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut line = Vec::new();
    let mut lineno = 0u64;
    let mut records = 0u64;
    loop {
        let (consumed, too_long) = match read_line_bounded(&mut r, &mut line, opts.max_bytes) {
            Ok(Some(x)) => x,
            Ok(None) => break,
            Err(e) => {
                return sink(Err(Failure::new(
                    format!("{name}:{}", lineno + 1),
                    io_message(&e),
                )))
            }
        };
        lineno += 1;
        let start = offset;
        offset += consumed;
        let label = format!("{name}:{lineno}");
        if too_long {
            records += 1;
            sink(Err(Failure::new(
                label,
                format!(
                    "line too large (more than {} bytes; raise the limit with --max-bytes)",
                    opts.max_bytes
                ),
            )))?;
            continue;
        }
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        records += 1;
        if let Some(pos) = line.iter().position(|&b| b == 0) {
            sink(Err(Failure::new(
                label,
                format!(
                    "binary data, not text (NUL byte at byte offset {})",
                    start + pos as u64
                ),
            )))?;
            continue;
        }
        let text = match std::str::from_utf8(&line) {
            Ok(t) => t,
            Err(e) => {
                sink(Err(Failure::new(
                    label,
                    format!(
                        "invalid UTF-8 at byte offset {}",
                        start + e.valid_up_to() as u64
                    ),
                )))?;
                continue;
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .trim_end_matches('\r');
        sink(parse_record(&label, text, &opts.meta))?;
    }
    if records == 0 {
        return sink(Err(Failure::new(name, "empty file (no records)")));
    }
    ControlFlow::Continue(())
}

/// A whole JSON text: one object, an array of objects, or (when the first
/// line is a complete value by itself) JSONL.
fn read_json_document(
    label: &str,
    text: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if text.trim_start().starts_with('[') {
        return match serde_json::from_str::<Vec<&RawValue>>(text) {
            Ok(items) if items.is_empty() => {
                sink(Err(Failure::new(label, "empty array (no records)")))
            }
            Ok(items) => {
                for (i, raw) in items.iter().enumerate() {
                    sink(parse_record(
                        &format!("{label}[{i}]"),
                        raw.get(),
                        &opts.meta,
                    ))?;
                }
                ControlFlow::Continue(())
            }
            Err(e) => sink(Err(Failure::new(label, json_error(&e)))),
        };
    }
    match serde_json::from_str::<&RawValue>(text) {
        Ok(raw) => sink(parse_record(label, raw.get(), &opts.meta)),
        Err(e) => {
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            let first_is_value = lines
                .next()
                .is_some_and(|l| serde_json::from_str::<&RawValue>(l).is_ok());
            if first_is_value && lines.next().is_some() {
                read_jsonl(label, io::Cursor::new(text.as_bytes()), 0, opts, sink)
            } else {
                sink(Err(Failure::new(label, json_error(&e))))
            }
        }
    }
}

fn json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => format!("invalid JSON: {e}"),
        Category::Data => format!("not a report object ({e})"),
        Category::Io => format!("read error: {e}"),
    }
}

/// The keys of a JSON report that are read; serde skips all others unread.
#[derive(Deserialize)]
struct RecordIn {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default)]
    outlet: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
}

/// Parses a `YYYY-MM-DD` date strictly.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let shape_ok = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(format!("invalid date {s:?} (expected YYYY-MM-DD)"));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {s:?} (no such day)"))
}

fn opt_string(rec_field: Option<serde_json::Value>, key: &str) -> Result<Option<String>, String> {
    match rec_field {
        None => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(v) => Err(format!("\"{key}\" must be a string, not {}", kind_name(&v))),
    }
}

fn kind_name(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Turns one JSON object into a report, reading only the known keys.
pub fn parse_record(label: &str, json: &str, meta: &TextMeta) -> Item {
    let fail = |msg: String| Failure::new(label, msg);
    let trimmed = json.trim_start();
    if !trimmed.starts_with('{') {
        // serde would read a struct from an array too; a report is an object.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(json) {
            Err(e) => fail(json_error(&e)),
            Ok(_) => {
                fail("not a report object (expected a JSON object with \"id\" and \"text\")".into())
            }
        });
    }
    let rec: RecordIn = serde_json::from_str(json).map_err(|e| fail(json_error(&e)))?;
    let id = match rec.id {
        None => return Err(fail("missing \"id\"".into())),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => {
            return Err(fail("empty \"id\"".into()))
        }
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(v) => {
            return Err(fail(format!(
                "\"id\" must be a string, not {}",
                kind_name(&v)
            )))
        }
    };
    let text = match rec.text {
        None => return Err(fail("missing \"text\"".into())),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => {
            return Err(fail("empty \"text\"".into()))
        }
        Some(serde_json::Value::String(s)) => s,
        Some(v) => {
            return Err(fail(format!(
                "\"text\" must be a string, not {}",
                kind_name(&v)
            )))
        }
    };
    let published = match rec.published {
        None => meta.published,
        Some(serde_json::Value::String(s)) => {
            Some(parse_date(&s).map_err(|m| fail(format!("\"published\": {m}")))?)
        }
        Some(v) => {
            return Err(fail(format!(
                "\"published\": invalid date {v} (expected \"YYYY-MM-DD\")"
            )))
        }
    };
    Ok(Report {
        id,
        title: opt_string(rec.title, "title").map_err(fail)?,
        outlet: opt_string(rec.outlet, "outlet").map_err(fail)?,
        url: opt_string(rec.url, "url").map_err(fail)?,
        published,
        language: None,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-10-17"),
            Ok(NaiveDate::from_ymd_opt(2024, 10, 17).unwrap())
        );
        assert!(parse_date("2020-13-45").is_err());
        assert!(parse_date("yesterday").is_err());
        assert!(parse_date("2020-2-3").is_err());
        assert!(parse_date("2023-02-29").is_err());
    }

    #[test]
    fn records_read_only_known_keys() {
        let m = TextMeta::default();
        let r = parse_record("x", r#"{"id":"a","text":"t","published":"2020-01-02","incidents":[{"type":"arrest"}],"x":1}"#, &m)
            .unwrap();
        assert_eq!(r.id, "a");
        assert!(parse_record("x", r#"{"text":"t"}"#, &m)
            .unwrap_err()
            .message
            .contains("missing \"id\""));
        assert!(parse_record("x", r#"{"id":"a"}"#, &m)
            .unwrap_err()
            .message
            .contains("missing \"text\""));
        assert!(parse_record("x", r#"{"id":"a","text":"t","published":"yesterday"}"#, &m).is_err());
        assert!(parse_record("x", r#"[1]"#, &m)
            .unwrap_err()
            .message
            .contains("not a report object"));
    }

    #[test]
    fn bounded_lines() {
        let mut r = io::Cursor::new(b"abc\nlonger line\n\nz".to_vec());
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).unwrap(),
            Some((4, false))
        );
        assert_eq!(buf, b"abc");
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).unwrap(),
            Some((12, true))
        );
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).unwrap(),
            Some((1, false))
        );
        assert_eq!(
            read_line_bounded(&mut r, &mut buf, 5).unwrap(),
            Some((1, false))
        );
        assert_eq!(buf, b"z");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 5).unwrap(), None);
    }

    #[test]
    fn decoding() {
        assert!(decode(b"", "file").unwrap_err().contains("empty"));
        assert!(decode(b"ab\0c", "file").unwrap_err().contains("offset 2"));
        assert!(decode(b"ab\xffc", "file")
            .unwrap_err()
            .contains("byte offset 2"));
        assert_eq!(decode("\u{feff}hi".as_bytes(), "file").unwrap(), "hi");
    }
}

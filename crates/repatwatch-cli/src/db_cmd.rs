//! The database commands: `incidents`, `cases`, `case`, `stats`, `review`,
//! `export`. Thin: the store does the work; this file parses flags and prints.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use repatwatch_extract::{EventType, Incident, Status};
use repatwatch_store::{
    CasePage, CaseRow, Consolidated, ErrorKind, Filter, IncidentRow, OpenOptions, Period,
    ReviewAction, SqliteStore, StatRow, Store,
};
use serde::Serialize;

#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// The database file [default: $REPATWATCH_DB, else repatwatch.db].
    #[arg(long)]
    pub db: Option<PathBuf>,
}

impl DbArg {
    pub fn path(&self) -> PathBuf {
        self.db
            .clone()
            .or_else(|| {
                std::env::var_os("REPATWATCH_DB")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .unwrap_or_else(|| PathBuf::from("repatwatch.db"))
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Event type (arrest, detention, transfer, repatriation, release, punishment, death).
    #[arg(long = "type", value_parser = parse_type)]
    pub kind: Option<EventType>,
    /// Status (occurred, planned, blocked).
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Incidents whose date range ends on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Incidents whose date range starts on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// Country code of any place (CN, KP, ...).
    #[arg(long)]
    pub country: Option<String>,
    /// Province (admin1) of any place, e.g. Jilin.
    #[arg(long)]
    pub province: Option<String>,
    /// Part of the name of any place, e.g. Dandong.
    #[arg(long)]
    pub place: Option<String>,
    /// At least this many people (lower bound of the count).
    #[arg(long)]
    pub min_people: Option<u64>,
    /// Full-text search over the reports (words are ANDed; FTS5 syntax with quotes, OR, NOT, *).
    #[arg(long)]
    pub search: Option<String>,
    /// Review state: confirmed, rejected, unreviewed.
    #[arg(long, value_parser = ["confirmed", "rejected", "unreviewed"])]
    pub review: Option<String>,
    /// At most this many rows, in id order (`incidents` and `cases`: 100 by
    /// default; 0: all).
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Rows `incidents` and `cases` print without `--limit` (every format; a
/// note on standard error tells how many matched).
pub const DEFAULT_LIMIT: usize = 100;

fn parse_type(s: &str) -> Result<EventType, String> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase())).map_err(|_| {
        format!("{s:?} is not a type (arrest, detention, transfer, repatriation, release, punishment, death)")
    })
}

fn parse_status(s: &str) -> Result<Status, String> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase()))
        .map_err(|_| format!("{s:?} is not a status (occurred, planned, blocked)"))
}

impl FilterArgs {
    pub fn filter(&self, terminal: bool) -> Filter {
        let mut f = Filter::new();
        f.kind = self.kind;
        f.status = self.status;
        f.from = self.from;
        f.to = self.to;
        f.country = self.country.clone();
        f.province = self.province.clone();
        f.place = self.place.clone();
        f.min_people = self.min_people;
        f.search = self.search.clone();
        f.review = self.review.clone();
        f.limit = self.limit.filter(|&n| n > 0);
        if terminal {
            f.highlight = ("\x1b[1;33m".into(), "\x1b[0m".into());
        } else {
            f.highlight = ("**".into(), "**".into());
        }
        f
    }
}

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format [default: table on a terminal, else jsonl].
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
}

#[derive(Debug, clap::Args)]
pub struct CaseArgs {
    /// The case id.
    pub id: u64,
    #[command(flatten)]
    pub db: DbArg,
    /// Output format [default: table on a terminal, else json].
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum By {
    Month,
    Year,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Period to count by.
    #[arg(long, value_enum, default_value = "year")]
    pub by: By,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format [default: table on a terminal, else jsonl].
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
}

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub action: ReviewCmd,
    /// The database file [default: $REPATWATCH_DB, else repatwatch.db].
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Who decides [default: $USER].
    #[arg(long, global = true)]
    pub user: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
pub enum ReviewCmd {
    /// Mark an incident as checked and right.
    Confirm { incident: i64 },
    /// Mark an incident as wrong (kept, but no longer counted).
    Reject { incident: i64 },
    /// Change one field: type, status, hedged, date (D or D..D), people (N, N-M, ~N), gender, minors, facility, places (NAME[, PROVINCE][, CC]; ...), actors (A,B); `none` clears.
    Edit {
        incident: i64,
        field: String,
        value: String,
    },
    /// Move an incident into another case.
    Move { incident: i64, case: u64 },
    /// Move every incident of the second case into the first.
    Merge { into: u64, from: u64 },
    /// Move the named incidents of a case into one new case.
    Split {
        case: u64,
        #[arg(required = true)]
        incidents: Vec<i64>,
    },
    /// Print the audit log (who, when, what, before, after).
    Log {
        /// Output format [default: table on a terminal, else jsonl].
        #[arg(long, value_enum)]
        format: Option<QueryFormat>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Jsonl,
    Geojson,
    Acled,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Leave out what could identify people or sources.
    #[arg(long)]
    pub redact: bool,
}

fn fail(e: repatwatch_store::Error) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(if e.kind == ErrorKind::Invalid { 2 } else { 1 })
}

fn open(db: &DbArg) -> Result<SqliteStore, ExitCode> {
    SqliteStore::open(
        &db.path(),
        &OpenOptions {
            create: false,
            ..Default::default()
        },
    )
    .map_err(fail)
}

fn format_of(f: Option<QueryFormat>, default_off_terminal: QueryFormat) -> QueryFormat {
    f.unwrap_or(if io::stdout().is_terminal() {
        QueryFormat::Table
    } else {
        default_off_terminal
    })
}

/// Writes JSON / JSONL; a closed pipe ends quietly.
fn print_json<T: Serialize>(items: &[T], format: QueryFormat) -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let r = (|| -> io::Result<()> {
        match format {
            QueryFormat::Json => {
                serde_json::to_writer_pretty(&mut out, items)?;
                writeln!(out)?;
            }
            _ => {
                for it in items {
                    serde_json::to_writer(&mut out, it)?;
                    writeln!(out)?;
                }
            }
        }
        out.flush()
    })();
    finish(r)
}

fn finish(r: io::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`), also when a writer wraps the error.
        Err(e)
            if e.kind() == io::ErrorKind::BrokenPipe || e.to_string().contains("os error 32") =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: writing output: {e}");
            ExitCode::from(1)
        }
    }
}

fn print_table(header: &[&str], rows: &[Vec<String>]) -> ExitCode {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i + 1 < r.len() {
                widths[i] = widths[i].max(visible_len(c));
            }
        }
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let line = |out: &mut BufWriter<_>, cells: &[String]| -> io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i] - visible_len(c) + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    let r = (|| -> io::Result<()> {
        line(
            &mut out,
            &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
        )?;
        for r in rows {
            line(&mut out, r)?;
        }
        out.flush()
    })();
    finish(r)
}

fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut esc = false;
    for c in s.chars() {
        if esc {
            if c == 'm' {
                esc = false;
            }
        } else if c == '\x1b' {
            esc = true;
        } else {
            n += 1;
        }
    }
    n
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn date_text(i: &Incident) -> String {
    match &i.date {
        None => "-".into(),
        Some(d) if d.start == d.end => d.start.to_string(),
        Some(d) => format!("{}..{}", d.start, d.end),
    }
}

fn range(a: Option<u64>, b: Option<u64>) -> String {
    match (a, b) {
        (None, None) => "-".into(),
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        (Some(a), None) => format!("{a}+"),
        (None, Some(b)) => format!("<={b}"),
    }
}

fn people_text(i: &Incident) -> String {
    match i.people.count {
        None => "-".into(),
        Some(c) => format!(
            "{}{}",
            if c.approximate { "~" } else { "" },
            range(c.min, c.max)
        ),
    }
}

fn places_text(locs: &[repatwatch_extract::Location]) -> String {
    if locs.is_empty() {
        return "-".into();
    }
    locs.iter()
        .map(|l| match &l.admin1 {
            Some(a) if a != &l.name => format!("{} ({a}, {})", l.name, l.country),
            _ => format!("{} ({})", l.name, l.country),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn run_incidents(args: QueryArgs) -> ExitCode {
    let format = format_of(args.format, QueryFormat::Jsonl);
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let mut filter = args.filter.filter(matches!(format, QueryFormat::Table));
    if args.filter.limit.is_none() {
        filter.limit = Some(DEFAULT_LIMIT);
    }
    if matches!(format, QueryFormat::Jsonl) {
        // Streamed: each row is written as it is read.
        let mut out = BufWriter::new(io::stdout().lock());
        let mut written = 0;
        let mut failed: Option<io::Error> = None;
        let r = store.each_incident(&filter, &mut |row| {
            let w = serde_json::to_writer(&mut out, &row)
                .map_err(io::Error::from)
                .and_then(|_| writeln!(out));
            written += 1;
            match w {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        });
        if let Err(e) = r {
            return fail(e);
        }
        let flushed = match failed {
            Some(e) => Err(e),
            None => out.flush(),
        };
        let code = finish(flushed);
        if code == ExitCode::SUCCESS {
            if let Err(e) = note_more(written, &filter, |f| store.count_incidents(f)) {
                return fail(e);
            }
        }
        return code;
    }
    let rows = match store.incidents(&filter) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if let Err(e) = note_more(rows.len(), &filter, |f| store.count_incidents(f)) {
        return fail(e);
    }
    match format {
        QueryFormat::Table => {
            let search = filter.search.is_some();
            let mut header = vec![
                "id", "case", "report", "type", "status", "date", "people", "places", "review",
            ];
            header.push(if search { "snippet" } else { "evidence" });
            let table: Vec<Vec<String>> = rows.iter().map(|r| incident_cells(r, search)).collect();
            print_table(&header, &table)
        }
        f => print_json(&rows, f),
    }
}

/// When a page is full, tells on standard error how many rows matched
/// ("100 of 5,331 shown; --limit 0 for all").
fn note_more(
    shown: usize,
    filter: &Filter,
    count: impl Fn(&Filter) -> repatwatch_store::Result<usize>,
) -> repatwatch_store::Result<()> {
    if filter.limit.is_some_and(|n| shown >= n) {
        let total = count(filter)?;
        if total > shown {
            eprintln!(
                "{} of {} shown; --limit 0 for all",
                thousands(shown),
                thousands(total)
            );
        }
    }
    Ok(())
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn incident_cells(r: &IncidentRow, search: bool) -> Vec<String> {
    let i = &r.incident;
    let last = if search {
        r.snippet.clone().unwrap_or_default().replace('\n', " ")
    } else {
        cut(
            &i.evidence
                .first()
                .map(|e| e.quote.replace('\n', " "))
                .unwrap_or_default(),
            70,
        )
    };
    vec![
        r.id.to_string(),
        opt(r.case_id),
        cut(&format!("{}@{}", r.document_id, r.version), 28),
        i.kind.as_str().into(),
        format!("{}{}", i.status.as_str(), if i.hedged { "?" } else { "" }),
        date_text(i),
        people_text(i),
        cut(&places_text(&i.locations), 40),
        r.review.clone().unwrap_or_else(|| "-".into()),
        last,
    ]
}

fn consolidated_cells(c: &Consolidated) -> Vec<String> {
    vec![
        c.kind.as_str().into(),
        c.status.as_str().into(),
        match (c.date_start, c.date_end) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "-".into(),
        },
        range(c.people_min, c.people_max),
        cut(&places_text(&c.places), 40),
        c.sources.to_string(),
        match (c.first_report, c.last_report) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "-".into(),
        },
    ]
}

pub fn run_cases(args: QueryArgs) -> ExitCode {
    let format = format_of(args.format, QueryFormat::Jsonl);
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let mut filter = args.filter.filter(false);
    if args.filter.limit.is_none() {
        filter.limit = Some(DEFAULT_LIMIT);
    }
    let rows: Vec<CaseRow> = match store.cases(&filter) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if let Err(e) = note_more(rows.len(), &filter, |f| store.count_cases(f)) {
        return fail(e);
    }
    match format {
        QueryFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|c| {
                    let mut v = vec![c.id.to_string(), c.incidents.to_string()];
                    v.extend(consolidated_cells(&c.consolidated));
                    v
                })
                .collect();
            print_table(
                &[
                    "case", "claims", "type", "status", "date", "people", "places", "sources",
                    "reported",
                ],
                &table,
            )
        }
        f => print_json(&rows, f),
    }
}

pub fn run_case(args: CaseArgs) -> ExitCode {
    let format = format_of(args.format, QueryFormat::Json);
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let page: CasePage = match store.case(args.id) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    match format {
        QueryFormat::Table => print_case(&page),
        QueryFormat::Json => {
            let mut out = io::stdout().lock();
            finish(
                serde_json::to_writer_pretty(&mut out, &page)
                    .map_err(io::Error::from)
                    .and_then(|_| writeln!(out)),
            )
        }
        QueryFormat::Jsonl => {
            let mut out = io::stdout().lock();
            finish(
                serde_json::to_writer(&mut out, &page)
                    .map_err(io::Error::from)
                    .and_then(|_| writeln!(out)),
            )
        }
    }
}

type CellFn = Box<dyn Fn(&IncidentRow) -> String>;

/// One column per source's claim, then the consolidated view; one row per field.
fn print_case(p: &CasePage) -> ExitCode {
    let c = &p.consolidated;
    let mut header: Vec<String> = vec!["field".into()];
    for m in &p.members {
        header.push(format!(
            "#{} {}@{}",
            m.id,
            cut(&m.document_id, 22),
            m.version
        ));
    }
    header.push(format!("case {}", p.id));
    let field_rows: Vec<(&str, CellFn, String)> = vec![
        (
            "outlet",
            Box::new(|m: &IncidentRow| opt(m.outlet.clone())),
            format!("{} sources", c.sources),
        ),
        (
            "published",
            Box::new(|m: &IncidentRow| opt(m.published)),
            consolidated_cells(c)[6].clone(),
        ),
        (
            "type",
            Box::new(|m: &IncidentRow| m.incident.kind.as_str().into()),
            c.kind.as_str().into(),
        ),
        (
            "status",
            Box::new(|m: &IncidentRow| {
                format!(
                    "{}{}",
                    m.incident.status.as_str(),
                    if m.incident.hedged { " (hedged)" } else { "" }
                )
            }),
            c.status.as_str().into(),
        ),
        (
            "date",
            Box::new(|m: &IncidentRow| date_text(&m.incident)),
            consolidated_cells(c)[2].clone(),
        ),
        (
            "people",
            Box::new(|m: &IncidentRow| people_text(&m.incident)),
            range(c.people_min, c.people_max),
        ),
        (
            "places",
            Box::new(|m: &IncidentRow| cut(&places_text(&m.incident.locations), 30)),
            cut(&places_text(&c.places), 30),
        ),
        (
            "facility",
            Box::new(|m: &IncidentRow| cut(&opt(m.incident.facility.clone()), 30)),
            String::new(),
        ),
        (
            "actors",
            Box::new(|m: &IncidentRow| m.incident.actors.join(",")),
            String::new(),
        ),
        (
            "review",
            Box::new(|m: &IncidentRow| {
                let mut s = m.review.clone().unwrap_or_else(|| "-".into());
                if !m.current {
                    s.push_str(" (superseded)");
                }
                s
            }),
            String::new(),
        ),
        (
            "evidence",
            Box::new(|m: &IncidentRow| {
                cut(
                    &m.incident
                        .evidence
                        .first()
                        .map(|e| e.quote.replace('\n', " "))
                        .unwrap_or_default(),
                    30,
                )
            }),
            String::new(),
        ),
    ];
    let rows: Vec<Vec<String>> = field_rows
        .iter()
        .map(|(name, f, cons)| {
            let mut v = vec![name.to_string()];
            v.extend(p.members.iter().map(f));
            v.push(cons.clone());
            v
        })
        .collect();
    let header: Vec<&str> = header.iter().map(|s| s.as_str()).collect();
    print_table(&header, &rows)
}

pub fn run_stats(args: StatsArgs) -> ExitCode {
    let format = format_of(args.format, QueryFormat::Jsonl);
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let by = match args.by {
        By::Month => Period::Month,
        By::Year => Period::Year,
    };
    let rows: Vec<StatRow> = match store.stats(by, &args.filter.filter(false)) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    match format {
        QueryFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.period.clone(),
                        r.kind.clone(),
                        r.status.clone(),
                        r.incidents.to_string(),
                        r.claims.to_string(),
                        if r.counted == 0 {
                            "-".into()
                        } else if r.people_min == r.people_max {
                            r.people_min.to_string()
                        } else {
                            format!("{}-{}", r.people_min, r.people_max)
                        },
                        r.counted.to_string(),
                    ]
                })
                .collect();
            print_table(
                &[
                    "period",
                    "type",
                    "status",
                    "incidents",
                    "reports' claims",
                    "people (min-max)",
                    "with a count",
                ],
                &table,
            )
        }
        f => print_json(&rows, f),
    }
}

pub fn run_review(args: ReviewArgs) -> ExitCode {
    let mut store = match open(&DbArg {
        db: args.db.clone(),
    }) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let action = match args.action {
        ReviewCmd::Confirm { incident } => ReviewAction::Confirm(incident),
        ReviewCmd::Reject { incident } => ReviewAction::Reject(incident),
        ReviewCmd::Edit {
            incident,
            field,
            value,
        } => ReviewAction::Edit {
            incident,
            field,
            value,
        },
        ReviewCmd::Move { incident, case } => ReviewAction::Move { incident, case },
        ReviewCmd::Merge { into, from } => ReviewAction::Merge { into, from },
        ReviewCmd::Split { case, incidents } => ReviewAction::Split { case, incidents },
        ReviewCmd::Log { format } => {
            let log = match store.audit() {
                Ok(l) => l,
                Err(e) => return fail(e),
            };
            return match format_of(format, QueryFormat::Jsonl) {
                QueryFormat::Table => {
                    let rows: Vec<Vec<String>> = log
                        .iter()
                        .map(|a| {
                            vec![
                                a.id.to_string(),
                                a.at.clone(),
                                a.user.clone(),
                                a.action.clone(),
                                a.target.clone(),
                                opt(a.field.clone()),
                                opt(a.before.clone()),
                                opt(a.after.clone()),
                            ]
                        })
                        .collect();
                    print_table(
                        &[
                            "#", "at", "user", "action", "target", "field", "before", "after",
                        ],
                        &rows,
                    )
                }
                f => print_json(&log, f),
            };
        }
    };
    let user = match args
        .user
        .or_else(|| std::env::var("USER").ok())
        .filter(|u| !u.trim().is_empty())
    {
        Some(u) => u,
        None => {
            eprintln!("error: who is reviewing? give --user NAME (or set $USER)");
            return ExitCode::from(2);
        }
    };
    match store.review(&user, &action) {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// `repatwatch export`: the store's incidents (same filters as
/// `incidents`; rejected ones left out unless `--review rejected` asks for
/// them) through `repatwatch_export::write`.
pub fn run_export(args: ExportArgs) -> ExitCode {
    let store = match open(&args.db) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let mut filter = args.filter.filter(false);
    filter.highlight = (String::new(), String::new());
    let rows = match store.incidents(&filter) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let keep_rejected = filter.review.as_deref() == Some("rejected");
    let rows = rows
        .into_iter()
        .filter(|r| keep_rejected || r.review.as_deref() != Some("rejected"))
        .map(|r| repatwatch_export::ExportRow {
            document_id: r.document_id,
            incident_index: r.incident_index,
            case_id: r.case_id,
            review: r.review,
            outlet: r.outlet,
            url: r.url,
            title: r.title,
            published: r.published,
            incident: r.incident,
        });
    let format = match args.format {
        ExportFormatArg::Csv => repatwatch_export::ExportFormat::Csv,
        ExportFormatArg::Jsonl => repatwatch_export::ExportFormat::Jsonl,
        ExportFormatArg::Geojson => repatwatch_export::ExportFormat::Geojson,
        ExportFormatArg::Acled => repatwatch_export::ExportFormat::Acled,
    };
    let options = repatwatch_export::ExportOptions {
        redact: args.redact,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let r = repatwatch_export::write(rows, format, &options, &mut out).and_then(|n| {
        out.flush()?;
        eprintln!("{n} incidents exported");
        Ok(())
    });
    finish(r)
}

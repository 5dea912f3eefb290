//! `repatwatch ingest` and `repatwatch reextract`: reads reports, extracts
//! them in parallel (output order kept), and hands batches to one writer
//! thread that stores each batch in one transaction.

use std::io::{self, IsTerminal};
use std::ops::ControlFlow;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use chrono::NaiveDate;
use repatwatch_extract::{Extraction, Options, Report, EXTRACTOR_VERSION};
use repatwatch_store::{IngestOutcome, OpenOptions, SqliteStore, Store};

use crate::input::{self, ReadOptions, TextMeta};
use crate::{guard, progress};

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Files (.txt, .json, .jsonl) or folders (walked recursively); `-` or none: standard input.
    pub paths: Vec<String>,
    #[command(flatten)]
    pub db: crate::db_cmd::DbArg,
    /// Publication date (YYYY-MM-DD) of text inputs, and of JSON records without one.
    #[arg(long, value_parser = crate::parse_date_arg)]
    pub published: Option<NaiveDate>,
    /// Title of text inputs.
    #[arg(long)]
    pub title: Option<String>,
    /// Outlet of text inputs.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Largest file, JSONL line or standard input read.
    #[arg(long, default_value = "20MB", value_parser = crate::parse_size)]
    pub max_bytes: u64,
    /// Never show progress on standard error.
    #[arg(long)]
    pub no_progress: bool,
    /// Reports stored per transaction.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Extraction threads [default: the number of cores].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub threads: Option<u32>,
}

#[derive(Debug, clap::Args)]
pub struct ReextractArgs {
    #[command(flatten)]
    pub db: crate::db_cmd::DbArg,
    /// Re-extract every current report, not only those coded by another extractor version.
    #[arg(long)]
    pub force: bool,
    /// Extraction threads [default: the number of cores].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub threads: Option<u32>,
}

fn threads(n: Option<u32>) -> usize {
    n.map(|n| n as usize).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}

/// Extracts every item on up to `threads` threads; results in input order.
pub fn extract_parallel<T: Sync>(
    items: &[T],
    report: impl Fn(&T) -> &Report + Sync,
    threads: usize,
) -> Vec<Result<Extraction, String>> {
    let options = Options::default();
    let n = items.len();
    if n == 0 {
        return Vec::new();
    }
    let per = n.div_ceil(threads.max(1));
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(per)
            .map(|chunk| {
                let report = &report;
                let options = &options;
                s.spawn(move || {
                    // Each annotator over a few dozen reports before the
                    // next (`extract_batch`: faster, same output); a panic
                    // still fails only its own report.
                    let mut out = Vec::with_capacity(chunk.len());
                    for sub in chunk.chunks(crate::bench::DEFAULT_BATCH) {
                        let reports: Vec<&Report> = sub.iter().map(report).collect();
                        out.extend(guard::extract_batch_guarded(&reports, options));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

#[derive(Default)]
struct Tally {
    new: u64,
    versions: u64,
    unchanged: u64,
    incidents: u64,
    cases: std::collections::BTreeSet<u64>,
}

fn open(db: &Path, create: bool) -> Result<SqliteStore, ExitCode> {
    SqliteStore::open(
        db,
        &OpenOptions {
            create,
            ..Default::default()
        },
    )
    .map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(1)
    })
}

pub fn run_ingest(args: IngestArgs) -> ExitCode {
    let started = Instant::now();
    let inputs = input::collect_inputs(&args.paths);
    if inputs
        .iter()
        .filter(|i| matches!(i, input::Input::Stdin))
        .count()
        > 1
    {
        eprintln!("error: standard input (`-`) given more than once");
        return ExitCode::from(2);
    }
    let db = args.db.path();
    let mut store = match open(&db, true) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // A second connection for the reader: reports already stored with the
    // same text are counted unchanged without being extracted.
    let lookup = match open(&db, false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut skipped = 0u64;
    let read_opts = ReadOptions {
        max_bytes: args.max_bytes,
        meta: TextMeta {
            id: None,
            published: args.published,
            title: args.title.clone(),
            outlet: args.outlet.clone(),
        },
    };
    let threads = threads(args.threads);
    let batch_size = args.batch as usize;
    let (tx, rx) = sync_channel::<Vec<(Report, Extraction)>>(2);
    let writer = std::thread::spawn(move || {
        let mut tally = Tally::default();
        for batch in rx {
            match store.ingest(&batch) {
                Ok(outs) => {
                    for o in outs {
                        match o {
                            IngestOutcome::New { incidents, cases } => {
                                tally.new += 1;
                                tally.incidents += incidents as u64;
                                tally.cases.extend(cases);
                            }
                            IngestOutcome::NewVersion {
                                incidents, cases, ..
                            } => {
                                tally.versions += 1;
                                tally.incidents += incidents as u64;
                                tally.cases.extend(cases);
                            }
                            IngestOutcome::Unchanged => tally.unchanged += 1,
                        }
                    }
                }
                Err(e) => return (tally, Some(e)),
            }
        }
        (tally, None)
    });

    let show = !args.no_progress && io::stderr().is_terminal();
    let mut progress = progress::Progress::on_stderr(inputs.len(), show);
    let mut failed = 0u64;
    let mut read = 0u64;
    let mut pending: Vec<(String, Report)> = Vec::with_capacity(batch_size);
    let mut writer_gone = false;
    let flush = |pending: &mut Vec<(String, Report)>,
                 failed: &mut u64,
                 progress: &mut progress::Progress|
     -> bool {
        let results = extract_parallel(pending, |p| &p.1, threads);
        let mut batch = Vec::with_capacity(pending.len());
        for ((label, report), res) in pending.drain(..).zip(results) {
            match res {
                Ok(ex) => batch.push((report, ex)),
                Err(msg) => {
                    progress.clear();
                    eprintln!("error: {label}: report {:?}: {msg}", report.id);
                    *failed += 1;
                }
            }
        }
        tx.send(batch).is_ok()
    };
    for (i, inp) in inputs.iter().enumerate() {
        let label = inp.label();
        progress.tick(i, read, &label);
        let flow = input::read_input(inp, &read_opts, &mut |item| {
            read += 1;
            match item {
                Ok(report) => {
                    let sha = repatwatch_extract::sha256_hex(&report.text);
                    match lookup.contains(&report.id, &sha) {
                        Ok(true) => skipped += 1,
                        _ => pending.push((label.clone(), report)),
                    }
                }
                Err(f) => {
                    progress.clear();
                    eprintln!("error: {f}");
                    failed += 1;
                }
            }
            if pending.len() >= batch_size {
                progress.tick(i, read, &label);
                if !flush(&mut pending, &mut failed, &mut progress) {
                    writer_gone = true;
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        });
        if flow.is_break() {
            break;
        }
    }
    if !writer_gone && !pending.is_empty() {
        flush(&mut pending, &mut failed, &mut progress);
    }
    drop(tx);
    progress.clear();
    let (tally, error) = writer.join().unwrap_or_else(|_| {
        eprintln!("repatwatch: internal error: the database writer stopped");
        std::process::exit(1)
    });
    let secs = started.elapsed().as_secs_f64();
    drop(lookup);
    let unchanged = tally.unchanged + skipped;
    let stored = tally.new + tally.versions + unchanged;
    eprintln!(
        "{}: {} reports: {} new, {} new versions, {} unchanged, {} failed; {} incidents stored; {} cases touched ({:.1} s, {:.0} reports/s)",
        db.display(),
        stored + failed,
        tally.new,
        tally.versions,
        unchanged,
        failed,
        tally.incidents,
        tally.cases.len(),
        secs,
        stored as f64 / secs.max(1e-9)
    );
    if let Some(e) = error {
        let not_stored = read.saturating_sub(stored + failed);
        eprintln!("error: {e}");
        eprintln!("({not_stored} reports read were not stored; the batches stored before this error are kept; run the same command again to store the rest)");
        return ExitCode::from(1);
    }
    if failed > 0 {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

pub fn run_reextract(args: ReextractArgs) -> ExitCode {
    let started = Instant::now();
    let mut store = match open(&args.db.path(), false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let todo = match store.reports_to_reextract(EXTRACTOR_VERSION, args.force) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let threads = threads(args.threads);
    let mut total = repatwatch_store::ReextractOutcome::default();
    let mut failed = 0u64;
    for chunk in todo.chunks(500) {
        let results = extract_parallel(chunk, |p| &p.1, threads);
        let mut batch = Vec::new();
        for ((id, report), res) in chunk.iter().zip(results) {
            match res {
                Ok(ex) => batch.push((*id, ex)),
                Err(msg) => {
                    eprintln!("error: report {:?}: {msg}", report.id);
                    failed += 1;
                }
            }
        }
        match store.replace_extractions(&batch, EXTRACTOR_VERSION) {
            Ok(o) => {
                total.reports += o.reports;
                total.kept += o.kept;
                total.added += o.added;
                total.removed += o.removed;
                total.decisions_reapplied += o.decisions_reapplied;
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    }
    eprintln!(
        "{}: {} reports re-extracted with {EXTRACTOR_VERSION}, {failed} failed; incidents: {} kept, {} added, {} removed; {} analyst decisions re-applied ({:.1} s)",
        store.file(),
        total.reports,
        total.kept,
        total.added,
        total.removed,
        total.decisions_reapplied,
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

//! `repatwatch bench`: throughput of the whole pipeline on one thread.

use std::io::Write;
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use repatwatch_extract::{Options, Report};

use crate::input::{self, ReadOptions, TextMeta};

/// Reports a batch in `bench --batch` and `ingest`: each annotator runs over
/// the batch before the next (`extract_batch`).
pub const DEFAULT_BATCH: usize = 32;

/// The bundled sample report (also at `samples/sample-report.txt`).
pub const SAMPLE: &str = include_str!("../../../samples/sample-report.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Reports to run (files, folders, `-`); default: the bundled sample report.
    pub paths: Vec<String>,
    /// Repeat the inputs until at least this many megabytes (10^6 bytes) of text.
    #[arg(long, default_value_t = 10.0, value_parser = parse_mb)]
    pub min_mb: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BenchFormat::Text)]
    pub format: BenchFormat,
    /// Publication date of text inputs (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date_arg)]
    pub published: Option<NaiveDate>,
    /// Reports run as one batch: each annotator over the whole batch before
    /// the next (`extract_batch`); 1 runs `extract` one report at a time.
    #[arg(long, default_value_t = DEFAULT_BATCH as u32, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Largest input file read.
    #[arg(long, default_value = "20MB", value_parser = crate::parse_size)]
    pub max_bytes: u64,
}

fn parse_mb(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=100_000.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "{s:?} is not a number of megabytes between 0 and 100000"
        )),
    }
}

pub struct BenchResult {
    pub inputs: usize,
    pub reports: u64,
    pub bytes: u64,
    pub seconds: f64,
    /// Seconds the first report took (building the rule tables included),
    /// not counted in `seconds`.
    pub startup: f64,
    pub incidents: u64,
}

/// Runs `extract` (and serializes its output) over the reports, cycling until
/// `min_bytes` of text have gone through; at least one pass. With `batch` >
/// 1, `extract_batch` over batches of that many reports (the same reports
/// in the same order); with 1, `extract` one report at a time.
pub fn run_reports(
    reports: &[Report],
    min_bytes: u64,
    batch: usize,
) -> Result<BenchResult, String> {
    let opts = Options::default();
    let batch = batch.max(1);
    let (mut n, mut bytes, mut incidents) = (0u64, 0u64, 0u64);
    // The rule tables (regexes, gazetteer) are built once per process, on
    // the first report: timed apart, as a long batch amortises it.
    let warm = Instant::now();
    if let Some(r) = reports.first() {
        crate::guard::extract_guarded(r, &opts).map_err(|e| format!("report {:?}: {e}", r.id))?;
    }
    let startup = warm.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut next = reports.iter().cycle();
    let mut chunk: Vec<&Report> = Vec::with_capacity(batch);
    let done = |n: u64, bytes: u64| bytes >= min_bytes && n >= reports.len() as u64;
    while !reports.is_empty() && !done(n, bytes) {
        // The next reports of the cycle, up to `batch`, stopping where the
        // one-by-one run would stop.
        chunk.clear();
        while chunk.len() < batch && !done(n, bytes) {
            let Some(r) = next.next() else { break };
            chunk.push(r);
            n += 1;
            bytes += r.text.len() as u64;
        }
        let results = if batch == 1 {
            vec![crate::guard::extract_guarded(
                std::hint::black_box(chunk[0]),
                &opts,
            )]
        } else {
            crate::guard::extract_batch_guarded(std::hint::black_box(&chunk), &opts)
        };
        for (r, ex) in chunk.iter().zip(std::hint::black_box(results)) {
            let ex = ex.map_err(|e| format!("report {:?}: {e}", r.id))?;
            let _ = serde_json::to_writer(std::io::sink(), &ex);
            incidents += ex.incidents.len() as u64;
        }
    }
    Ok(BenchResult {
        inputs: reports.len(),
        reports: n,
        bytes,
        seconds: start.elapsed().as_secs_f64(),
        startup,
        incidents,
    })
}

pub fn run(args: &BenchArgs) -> ExitCode {
    let mut reports = Vec::new();
    let mut failed = 0usize;
    if args.paths.is_empty() {
        reports.push(Report {
            id: "sample-report".into(),
            published: NaiveDate::from_ymd_opt(2024, 10, 17),
            text: SAMPLE.to_string(),
            ..Default::default()
        });
    } else {
        let opts = ReadOptions {
            max_bytes: args.max_bytes,
            meta: TextMeta {
                published: args.published,
                ..Default::default()
            },
        };
        for inp in input::collect_inputs(&args.paths) {
            let _ = input::read_input(&inp, &opts, &mut |item| {
                match item {
                    Ok(r) => reports.push(r),
                    Err(f) => {
                        eprintln!("error: {f}");
                        failed += 1;
                    }
                }
                ControlFlow::Continue(())
            });
        }
    }
    if reports.is_empty() {
        eprintln!("error: no report to run");
        return ExitCode::from(1);
    }
    if cfg!(debug_assertions) {
        eprintln!(
            "warning: debug build: these numbers mean little; run `cargo run --release -- bench`"
        );
    }
    let min_bytes = (args.min_mb * 1e6) as u64;
    let r = match run_reports(&reports, min_bytes, args.batch as usize) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mb = r.bytes as f64 / 1e6;
    let secs = r.seconds.max(1e-9);
    let out = match args.format {
        BenchFormat::Json => {
            let v = serde_json::json!({
                "inputs": r.inputs,
                "reports": r.reports,
                "bytes": r.bytes,
                "mb": mb,
                "seconds": r.seconds,
                "startup_seconds": r.startup,
                "mb_per_s": mb / secs,
                "reports_per_s": r.reports as f64 / secs,
                "incidents": r.incidents,
                "threads": 1,
                "batch": args.batch,
                "debug_build": cfg!(debug_assertions),
            });
            format!("{v}\n")
        }
        BenchFormat::Text => format!(
            "inputs       {} report(s), repeated to at least {} MB of text\n\
             reports      {}\n\
             text         {:.2} MB ({} bytes)\n\
             batch        {} report(s) per extract_batch call (1: extract one by one)\n\
             time         {:.3} s (one thread)\n\
             throughput   {:.2} MB/s, {:.1} reports/s\n\
             startup      {:.3} s (first report, building the rule tables; not in the time above)\n\
             incidents    {}\n",
            r.inputs,
            args.min_mb,
            r.reports,
            mb,
            r.bytes,
            args.batch,
            r.seconds,
            mb / secs,
            r.reports as f64 / secs,
            r.startup,
            r.incidents
        ),
    };
    let mut o = std::io::stdout().lock();
    if let Err(e) = o.write_all(out.as_bytes()).and_then(|_| o.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: writing output: {e}");
            return ExitCode::from(1);
        }
    }
    if failed > 0 {
        eprintln!(
            "{failed} input{} failed",
            if failed == 1 { "" } else { "s" }
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

//! `repatwatch`: the command-line tool (thin: the work is in the libraries).
//!
//! Exit codes: 0 all inputs coded; 1 some inputs or records failed (the
//! others still come out); 2 usage error (bad flag or flag value).

/// The pipeline allocates many small, short-lived vectors and strings per
/// report; mimalloc serves them faster than the system allocator (about 10%
/// more throughput in `repatwatch bench`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod db_cmd;
mod eval_cmd;
mod guard;
mod ingest;
mod input;
mod output;
mod progress;

use std::io::{self, BufWriter, IsTerminal};
use std::ops::ControlFlow;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand};
use repatwatch_extract::Options;

use input::{Input, ReadOptions, TextMeta};
use output::{Format, Printer};

#[derive(Debug, Parser)]
#[command(
    name = "repatwatch",
    version,
    about = "Codes news reports about North Koreans caught, detained and forcibly returned into incidents",
    after_help = "Exit codes: 0 all good, 1 some inputs or records failed, 2 usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code reports into incidents (schema repatwatch/incidents/v1).
    Extract(ExtractArgs),
    /// Extract every gold report in a folder and score against its gold incidents.
    Eval(eval_cmd::EvalArgs),
    /// Measure the pipeline's throughput on one thread.
    Bench(bench::BenchArgs),
    /// Extract reports and store them and their incidents in the database.
    Ingest(ingest::IngestArgs),
    /// List stored incidents (filters; full-text search).
    Incidents(db_cmd::QueryArgs),
    /// List cases (incidents of several reports that tell one act), consolidated.
    Cases(db_cmd::QueryArgs),
    /// Show one case: every source's claim side by side and the consolidated view.
    Case(db_cmd::CaseArgs),
    /// Incidents and people per period, type and status (each case once).
    Stats(db_cmd::StatsArgs),
    /// Analysts' decisions (confirm, reject, edit, move, merge, split), audited.
    Review(db_cmd::ReviewArgs),
    /// Re-run the extractor over stored reports, keeping analysts' decisions.
    Reextract(ingest::ReextractArgs),
    /// Export incidents (csv, jsonl, geojson, acled).
    Export(db_cmd::ExportArgs),
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files (.txt, .json, .jsonl) or folders (walked recursively); `-` or none: standard input.
    paths: Vec<String>,
    /// Output format [default: jsonl when standard output is not a terminal, else table].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Record, for every incident field, the rule and the words that produced it.
    #[arg(long)]
    explain: bool,
    /// Publication date (YYYY-MM-DD) of text inputs, and of JSON records without one.
    #[arg(long, value_parser = parse_date_arg)]
    published: Option<NaiveDate>,
    /// Id of a single text input [default: the file stem, or `stdin`].
    #[arg(long)]
    id: Option<String>,
    /// Title of text inputs.
    #[arg(long)]
    title: Option<String>,
    /// Outlet of text inputs.
    #[arg(long)]
    outlet: Option<String>,
    /// Largest file, JSONL line or standard input read (bytes; K, M, G, KB, MB, GB suffixes are powers of 1000).
    #[arg(long, default_value = "20MB", value_parser = parse_size)]
    max_bytes: u64,
    /// Never show progress on standard error.
    #[arg(long)]
    no_progress: bool,
}

/// `--published` and friends: a strict YYYY-MM-DD date.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    input::parse_date(s)
}

/// A byte size: `20000000`, `20MB`, `20M`, `512K`, `1G` (powers of 1000).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let (num, mult) = [
        ("GB", 1_000_000_000u64),
        ("MB", 1_000_000),
        ("KB", 1_000),
        ("G", 1_000_000_000),
        ("M", 1_000_000),
        ("K", 1_000),
        ("B", 1),
    ]
    .iter()
    .find_map(|(suf, m)| upper.strip_suffix(suf).map(|n| (n.trim().to_string(), *m)))
    .unwrap_or((upper.clone(), 1));
    let bad = || format!("{s:?} is not a size (e.g. 20000000, 20MB, 512K)");
    let v: f64 = num.parse().map_err(|_| bad())?;
    if !v.is_finite() || v < 1.0 {
        return Err(bad());
    }
    let bytes = v * mult as f64;
    if bytes > u64::MAX as f64 / 2.0 {
        return Err(bad());
    }
    Ok(bytes as u64)
}

fn main() -> ExitCode {
    guard::install_hook();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => e.exit(), // usage errors exit 2; --help and --version 0
    };
    match cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => eval_cmd::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Ingest(args) => ingest::run_ingest(args),
        Command::Incidents(args) => db_cmd::run_incidents(args),
        Command::Cases(args) => db_cmd::run_cases(args),
        Command::Case(args) => db_cmd::run_case(args),
        Command::Stats(args) => db_cmd::run_stats(args),
        Command::Review(args) => db_cmd::run_review(args),
        Command::Reextract(args) => ingest::run_reextract(args),
        Command::Export(args) => db_cmd::run_export(args),
    }
}

fn run_extract(args: ExtractArgs) -> ExitCode {
    let inputs = input::collect_inputs(&args.paths);
    if args.id.is_some()
        && (args.paths.len() > 1
            || inputs.len() > 1
            || args.paths.iter().any(|p| std::path::Path::new(p).is_dir()))
    {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--id names a single input; give one file (or standard input)",
            )
            .exit();
    }
    let stdin_count = inputs.iter().filter(|i| matches!(i, Input::Stdin)).count();
    if stdin_count > 1 {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "standard input (`-`) given more than once",
            )
            .exit();
    }
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let read_opts = ReadOptions {
        max_bytes: args.max_bytes,
        meta: TextMeta {
            id: args.id,
            published: args.published,
            title: args.title,
            outlet: args.outlet,
        },
    };
    let options = Options {
        explain: args.explain,
    };
    let mut printer = Printer::new(BufWriter::new(io::stdout().lock()), format, args.explain);
    let mut progress = progress::Progress::new(inputs.len(), !args.no_progress && inputs.len() > 1);
    let (mut ok, mut failed) = (0u64, 0u64);
    let mut write_error: Option<io::Error> = None;
    for (i, inp) in inputs.iter().enumerate() {
        let label = inp.label();
        progress.tick(i, ok + failed, &label);
        let _ = input::read_input(inp, &read_opts, &mut |item| {
            match item {
                Ok(report) => match guard::extract_guarded(&report, &options) {
                    Ok(ex) => {
                        ok += 1;
                        if let Err(e) = printer.write(&ex) {
                            write_error = Some(e);
                            return ControlFlow::Break(());
                        }
                    }
                    Err(msg) => {
                        progress.clear();
                        eprintln!("error: {label}: report {:?}: {msg}", report.id);
                        failed += 1;
                    }
                },
                Err(f) => {
                    progress.clear();
                    eprintln!("error: {f}");
                    failed += 1;
                }
            }
            progress.tick(i, ok + failed, &label);
            ControlFlow::Continue(())
        });
        if write_error.is_some() {
            break;
        }
    }
    progress.clear();
    if write_error.is_none() {
        if let Err(e) = printer.finish() {
            write_error = Some(e);
        }
    }
    if let Some(e) = write_error {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS; // the reader went away (`| head`): stop quietly
        }
        eprintln!("error: writing output: {e}");
        return ExitCode::from(1);
    }
    if failed > 0 {
        let total = ok + failed;
        eprintln!(
            "{total} report{}, {failed} failed",
            if total == 1 { "" } else { "s" }
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("20MB"), Ok(20_000_000));
        assert_eq!(parse_size("20m"), Ok(20_000_000));
        assert_eq!(parse_size("512K"), Ok(512_000));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("1.5G"), Ok(1_500_000_000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }
}

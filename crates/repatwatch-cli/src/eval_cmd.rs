//! `repatwatch eval GOLD_DIR`: extracts every gold report and scores the
//! result against the gold incidents.
//!
//! The report given to the extractor is built only from a gold file's `id`,
//! `published`, `title`, `outlet`, `url` and `text`; the gold `incidents` are
//! read by the scorer alone, after extraction.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use repatwatch_extract::{Options, Report};

use crate::input::{self, Input, ReadOptions, TextMeta};

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A folder of gold files (one JSON report with its incidents per file).
    pub gold_dir: PathBuf,
    /// Print per-report and per-incident details.
    #[arg(long)]
    pub details: bool,
    /// Print the score as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The report the extractor sees for one gold document: its metadata and
/// text, never its incidents.
pub fn report_from_gold(
    id: &str,
    published: Option<NaiveDate>,
    title: Option<&str>,
    outlet: Option<&str>,
    url: Option<&str>,
    text: &str,
) -> Report {
    Report {
        id: id.to_string(),
        title: title.map(str::to_string),
        outlet: outlet.map(str::to_string),
        url: url.map(str::to_string),
        published,
        language: None,
        text: text.to_string(),
    }
}

/// Extracts every report; the predictions keyed by report id, each incident
/// as the JSON the scorer reads.
pub fn predict(reports: &[Report]) -> HashMap<String, Vec<serde_json::Value>> {
    let opts = Options::default();
    reports
        .iter()
        .map(|r| {
            // A report the extractor fails on predicts nothing (and says so).
            let incidents = match crate::guard::extract_guarded(r, &opts) {
                Ok(ex) => ex
                    .incidents
                    .iter()
                    .filter_map(|i| serde_json::to_value(i).ok())
                    .collect(),
                Err(e) => {
                    eprintln!("error: report {:?}: {e}", r.id);
                    Vec::new()
                }
            };
            (r.id.clone(), incidents)
        })
        .collect()
}

pub fn run(args: &EvalArgs) -> ExitCode {
    if !args.gold_dir.is_dir() {
        eprintln!("error: {}: not a folder", args.gold_dir.display());
        return ExitCode::from(2);
    }
    // TODO(eval wiring): replace this block with
    //     let gold = match repatwatch_eval::load_gold_dir(&args.gold_dir) {
    //         Ok(g) => g,
    //         Err(e) => { eprintln!("error: {}: {e}", args.gold_dir.display()); return ExitCode::from(1); }
    //     };
    //     let reports: Vec<Report> = gold.iter().map(|g| report_from_gold(
    //         &g.id, g.published /* parse with input::parse_date if it is a String */,
    //         g.title.as_deref(), g.outlet.as_deref(), g.url.as_deref(), &g.text)).collect();
    //     let predictions = predict(&reports);
    //     let result = repatwatch_eval::score(&gold, &predictions);
    //     if args.json {
    //         println!("{}", serde_json::to_string_pretty(&result.to_json(args.details)).unwrap_or_default());
    //     } else {
    //         print!("{}", result.to_text(args.details));
    //     }
    //     return ExitCode::SUCCESS;
    //
    // Until then the gold files are read with the extract command's reader
    // (which deserializes only id/published/title/outlet/url/text).
    let opts = ReadOptions {
        max_bytes: 20_000_000,
        meta: TextMeta::default(),
    };
    let mut reports = Vec::new();
    let mut failed = 0usize;
    for inp in input::collect_inputs(&[args.gold_dir.display().to_string()]) {
        if matches!(inp, Input::File(_) | Input::Error(..)) {
            let _ = input::read_input(&inp, &opts, &mut |item| {
                match item {
                    Ok(r) => reports.push(report_from_gold(
                        &r.id,
                        r.published,
                        r.title.as_deref(),
                        r.outlet.as_deref(),
                        r.url.as_deref(),
                        &r.text,
                    )),
                    Err(f) => {
                        eprintln!("error: {f}");
                        failed += 1;
                    }
                }
                ControlFlow::Continue(())
            });
        }
    }
    let predictions = predict(&reports);
    let n: usize = predictions.values().map(Vec::len).sum();
    eprintln!(
        "eval: scoring not yet wired (repatwatch-eval pending): extracted {} reports ({} failed), {} incidents; \
         for now use `repatwatch extract GOLD_DIR > pred.jsonl` and shared/eval/score.py",
        reports.len(),
        failed,
        n
    );
    let _ = (args.details, args.json);
    ExitCode::from(1)
}

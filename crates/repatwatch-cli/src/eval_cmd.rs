//! `repatwatch eval GOLD_DIR`: extracts every gold report and scores the
//! result against the gold incidents.
//!
//! The report given to the extractor is built only from a gold file's `id`,
//! `published`, `title`, `outlet`, `url` and `text`; the gold `incidents` are
//! read by the scorer alone, after extraction.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use repatwatch_extract::{Options, Report};

use crate::input;

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
    // The gold incidents are read by the scorer only, after extraction: the
    // extractor sees a report built from id/published/title/outlet/url/text.
    let gold = match repatwatch_eval::load_gold_dir(&args.gold_dir) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut failed = 0usize;
    let reports: Vec<Report> = gold
        .iter()
        .map(|g| {
            let published = g
                .published
                .as_deref()
                .and_then(|d| match input::parse_date(d) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        eprintln!(
                            "error: {}: report {:?}: published: {e}",
                            args.gold_dir.display(),
                            g.id
                        );
                        failed += 1;
                        None
                    }
                });
            report_from_gold(
                &g.id,
                published,
                g.title.as_deref(),
                g.outlet.as_deref(),
                g.url.as_deref(),
                &g.text,
            )
        })
        .collect();
    let predictions = predict(&reports);
    let result = repatwatch_eval::score(&gold, &predictions);
    if args.json {
        println!("{}", result.to_json_string(args.details));
    } else {
        print!("{}", result.to_text(args.details));
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

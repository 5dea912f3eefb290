//! Exports `repatwatch extract` output (JSON Lines of extractions, on
//! standard input) in one format, until the `repatwatch export` command
//! lands:
//!
//! ```sh
//! repatwatch extract reports/ --format jsonl \
//!   | cargo run -p repatwatch-export --example export -- geojson --redact
//! ```

use repatwatch_export::{write, ExportFormat, ExportOptions, ExportRow};
use repatwatch_extract::Extraction;
use std::io::{self, BufRead};

fn main() {
    let mut format = ExportFormat::Csv;
    let mut options = ExportOptions::default();
    for a in std::env::args().skip(1) {
        if a == "--redact" {
            options.redact = true;
        } else if let Some(f) = ExportFormat::parse(&a) {
            format = f;
        } else {
            eprintln!("usage: export [csv|jsonl|geojson|acled] [--redact] < extractions.jsonl");
            std::process::exit(2);
        }
    }
    let stdin = io::stdin();
    let rows = stdin
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .flat_map(|line| {
            let ex: Extraction = match serde_json::from_str(&line) {
                Ok(ex) => ex,
                Err(e) => {
                    eprintln!("error: invalid extraction: {e}");
                    std::process::exit(1);
                }
            };
            let doc = ex.document;
            ex.incidents
                .into_iter()
                .enumerate()
                .map(move |(i, incident)| ExportRow {
                    document_id: doc.id.clone(),
                    incident_index: i,
                    case_id: None,
                    review: None,
                    outlet: doc.outlet.clone(),
                    url: doc.url.clone(),
                    title: doc.title.clone(),
                    published: doc.published,
                    incident,
                })
        });
    let out = io::stdout().lock();
    match write(rows, format, &options, out) {
        Ok(n) => eprintln!("{n} incidents"),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

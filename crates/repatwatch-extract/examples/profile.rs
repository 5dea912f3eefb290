//! Profiling driver: reports as JSON Lines on stdin, one warm pass (the
//! lazily built tables), then `N` (default 5) measured passes inside
//! `measured`, so that a profiler sees the steady state only:
//!
//! N=5 valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' \
//!     target/release/examples/profile [event|assemble|batch|all] < reports.jsonl
//!
//! (`assemble`: toggle on '*measured_assemble*' to leave out the annotation;
//! `batch`: `extract_batch` over batches of `B` (default 32) reports, after
//! the same warm pass with `extract`; `all`: `extract` one by one.)
use repatwatch_extract::{doc::Doc, event, segment, Report};
use std::io::BufRead;

fn pass(reports: &[Report], which: &str) {
    if which == "batch" {
        let b: usize = std::env::var("B")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&b| b > 0)
            .unwrap_or(32);
        for chunk in reports.chunks(b) {
            drop(repatwatch_extract::extract_batch(
                chunk,
                &Default::default(),
            ));
        }
        return;
    }
    for r in reports {
        match which {
            "event" => {
                let s = segment::sentences(&r.text);
                drop(event::find(&r.text, &s, &[]))
            }
            _ => drop(repatwatch_extract::extract(r, &Default::default())),
        }
    }
}

#[inline(never)]
fn measured(reports: &[Report], which: &str, n: usize) {
    if which == "assemble" {
        let docs: Vec<_> = reports
            .iter()
            .map(|r| Doc::annotate(&r.text, r.published, r.title.as_deref()))
            .collect();
        measured_assemble(&docs, n);
        return;
    }
    for _ in 0..n {
        pass(reports, which);
    }
}

#[inline(never)]
fn measured_assemble(docs: &[Doc], n: usize) {
    for _ in 0..n {
        for d in docs {
            drop(repatwatch_extract::assemble::assemble(
                d,
                &Default::default(),
            ));
        }
    }
}

fn main() {
    let reports: Vec<Report> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect();
    let which = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    // The warm pass runs `extract` in every mode but `event`.
    pass(&reports, if which == "batch" { "all" } else { &which });
    measured(&reports, &which, n);
}

//! Times each pipeline stage over reports given as JSON Lines on stdin
//! (repeated until at least 5 MB): where the time goes, for speed work. The
//! best of `RUNS` runs (default 3) is shown; `STAGE=event` times one stage.
//!
//! cargo run --release -p repatwatch-extract --example stages < reports.jsonl

use repatwatch_extract::{actor, doc::Doc, event, place, quantity, segment, time, Options, Report};
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let reports: Vec<Report> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    if bytes == 0 {
        eprintln!("no reports on stdin");
        return;
    }
    let reps = (5_000_000 / bytes).max(1);
    let total_mb = (bytes * reps) as f64 / 1e6;
    // warm the lazily built tables
    let _ = repatwatch_extract::extract(&reports[0], &Options::default());
    // The best of a few runs: other work on the machine only slows a run down.
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let only = std::env::var("STAGE").ok();
    let stage = |name: &str, f: &dyn Fn(&Report)| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let mut s = f64::MAX;
        for _ in 0..runs {
            let t = Instant::now();
            for _ in 0..reps {
                for r in &reports {
                    f(r);
                }
            }
            s = s.min(t.elapsed().as_secs_f64());
        }
        println!("{name:<10} {:>8.1} MB/s  {:>6.3} s", total_mb / s, s);
    };
    stage("segment", &|r| drop(segment::sentences(&r.text)));
    stage("time", &|r| drop(time::find(&r.text)));
    stage("people", &|r| drop(quantity::find_people(&r.text)));
    stage("place", &|r| drop(place::find(&r.text)));
    stage("actor", &|r| drop(actor::find(&r.text)));
    stage("event", &|r| {
        let s = segment::sentences(&r.text);
        drop(event::find(&r.text, &s, &[]))
    });
    let places: Vec<_> = reports.iter().map(|r| place::find(&r.text)).collect();
    let index = |r: &Report| reports.iter().position(|x| std::ptr::eq(x, r)).unwrap_or(0);
    stage("event+pl", &|r| {
        let s = segment::sentences(&r.text);
        drop(event::find(&r.text, &s, &places[index(r)]))
    });
    stage("no-actor", &|r| {
        let s = segment::sentences(&r.text);
        drop(time::find(&r.text));
        drop(quantity::find_people(&r.text));
        let pl = place::find(&r.text);
        drop(event::find(&r.text, &s, &pl))
    });
    stage("annotate", &|r| {
        drop(Doc::annotate(&r.text, r.published, None))
    });
    let docs: Vec<_> = reports
        .iter()
        .map(|r| Doc::annotate(&r.text, r.published, r.title.as_deref()))
        .collect();
    stage("assemble", &|r| {
        drop(repatwatch_extract::assemble::assemble(
            &docs[index(r)],
            &Options::default(),
        ))
    });
    stage("extract", &|r| {
        drop(repatwatch_extract::extract(r, &Options::default()))
    });
}

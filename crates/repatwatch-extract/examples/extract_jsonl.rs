//! Reads reports as JSON Lines on stdin and prints their extractions as JSON
//! Lines: the smallest driver of the library, for rule writers.
//!
//! `extract_jsonl --batch N` runs `extract_batch` over batches of N reports
//! instead (the same output).

use repatwatch_extract::{extract, extract_batch, Options, Report};
use std::io::BufRead;

fn print(ex: &repatwatch_extract::Extraction) {
    match serde_json::to_string(ex) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("{e}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let batch: Option<usize> = match args.get(1).map(String::as_str) {
        Some("--batch") => Some(
            args.get(2)
                .and_then(|n| n.parse().ok())
                .filter(|&n| n > 0)
                .expect("--batch takes a number of reports"),
        ),
        _ => None,
    };
    let options = Options::default();
    let mut pending: Vec<Report> = Vec::new();
    let stdin = std::io::stdin();
    for line in stdin.lock().lines().map_while(Result::ok) {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Report>(&line) {
            Ok(r) => match batch {
                None => print(&extract(&r, &options)),
                Some(n) => {
                    pending.push(r);
                    if pending.len() == n {
                        extract_batch(&pending, &options).iter().for_each(print);
                        pending.clear();
                    }
                }
            },
            Err(e) => eprintln!("{e}"),
        }
    }
    extract_batch(&pending, &options).iter().for_each(print);
}

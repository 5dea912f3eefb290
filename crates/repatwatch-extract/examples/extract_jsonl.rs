//! Reads reports as JSON Lines on stdin and prints their extractions as JSON
//! Lines: the smallest driver of the library, for rule writers.

use repatwatch_extract::{extract, Options, Report};
use std::io::BufRead;

fn main() {
    let stdin = std::io::stdin();
    for line in stdin.lock().lines().map_while(Result::ok) {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Report>(&line) {
            Ok(r) => match serde_json::to_string(&extract(&r, &Options::default())) {
                Ok(s) => println!("{s}"),
                Err(e) => eprintln!("{e}"),
            },
            Err(e) => eprintln!("{e}"),
        }
    }
}

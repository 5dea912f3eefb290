//! `score.py` work-alike for checking agreement with the reference:
//! `cargo run -p repatwatch-eval --example score -- GOLD_DIR PRED.jsonl [--json] [--details]`.

use repatwatch_eval::{load_gold_dir, read_predictions_jsonl, score};
use std::path::Path;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&String> = argv.iter().filter(|a| !a.starts_with("--")).collect();
    if args.len() != 2 {
        eprintln!("usage: score GOLD_DIR PREDICTIONS.jsonl [--json] [--details]");
        std::process::exit(2);
    }
    let details = argv.iter().any(|a| a == "--details");
    let run = || -> Result<String, repatwatch_eval::EvalError> {
        let gold = load_gold_dir(Path::new(args[0]))?;
        let pred = read_predictions_jsonl(Path::new(args[1]))?;
        let result = score(&gold, &pred);
        Ok(if argv.iter().any(|a| a == "--json") {
            result.to_json_string(details) + "\n"
        } else {
            result.to_text(details)
        })
    };
    match run() {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}

//! Prints the annotations of reports (JSON objects with `text` and
//! `published`, one per file argument): a debugging aid for rule writers.
//!
//! cargo run -p repatwatch-extract --example annotate -- FILE.json ...

use repatwatch_extract::doc::Doc;

fn main() {
    for path in std::env::args().skip(1) {
        let raw = match std::fs::read_to_string(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let v: serde_json::Value = match serde_json::from_str(&raw) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let published = v["published"].as_str().and_then(|d| d.parse().ok());
        let doc = Doc::annotate(&text, published, None);
        println!("=== {path}");
        if std::env::var_os("RW_PEOPLE").is_some() {
            for p in &doc.people {
                println!(
                    "  people «{}» {:?} {:?} def={} pro={} ind={}",
                    &text[p.start..p.end],
                    p.count,
                    p.gender,
                    p.definite,
                    p.pronoun,
                    p.individual
                );
            }
        }
        if std::env::var_os("RW_ACTORS").is_some() {
            for a in &doc.actors {
                println!("  actor «{}» {:?}", &text[a.start..a.end], a);
            }
        }
        if std::env::var_os("RW_TIMES").is_some() {
            for t in &doc.times {
                println!("  time «{}» {:?}", &text[t.start..t.end], t);
            }
        }
        for e in &doc.events {
            let flags = format!(
                "{}{}{}{}{}",
                if e.subordinate { " SUB" } else { "" },
                if e.negated { " NEG" } else { "" },
                if e.generic { " GEN" } else { "" },
                if e.nominal { " NOUN" } else { "" },
                if e.hedged { " HEDGE" } else { "" }
            );
            println!(
                "  {:?}/{:?}{} [{}] «{}» clause «{}»",
                e.kind,
                e.status,
                flags,
                e.rule,
                &text[e.start..e.end],
                &text[e.clause_start..e.clause_end]
            );
        }
    }
}

//! repatwatch-extract: reports in, coded incidents out (codebook v1).
//!
//! The pipeline is a pure, deterministic function of a report's text and
//! metadata: no I/O, no clock, no network. Like spaCy's, it is a row of
//! components that each annotate one shared [`doc::Doc`] (sentences, times,
//! people, places, actors, event words); one final step,
//! [`assemble`], turns those annotations into incidents. [`extract_batch`]
//! runs each component over a batch of reports before the next (faster).
//!
//! Each dimension keeps its rules beside a table of examples with exact
//! expected values, run as tests (Duckling's layout): `time/`, `quantity/`,
//! `place/`, `actor/`, `event/`.

pub mod actor;
pub mod assemble;
pub mod doc;
pub mod event;
pub mod model;
pub mod place;
pub mod quantity;
mod rx;
pub mod segment;
pub mod time;

pub use model::*;

use sha2::{Digest, Sha256};

/// Options of one extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Attach to every incident which rule and which words produced each field.
    pub explain: bool,
}

/// The version of the extractor's rules, stored beside what it produced.
pub const EXTRACTOR_VERSION: &str = concat!("repatwatch-extract ", env!("CARGO_PKG_VERSION"));

/// Codes one report into incidents.
pub fn extract(report: &Report, options: &Options) -> Extraction {
    let doc = doc::Doc::annotate(&report.text, report.published, report.title.as_deref());
    finish(report, &doc, options)
}

/// Codes a batch of reports into incidents: equal to
/// `reports.iter().map(|r| extract(r, options)).collect()`, only faster.
///
/// Why: one report at a time runs every component's large code (tokenizers,
/// word tables, regex engines) once before moving on to the next component,
/// so the instruction cache and branch predictor start cold at each one.
/// Here each component runs over the whole batch before the next
/// ([`doc::Doc::annotate_batch`], spaCy's `nlp.pipe`), then each document
/// is assembled. A few dozen reports a batch is enough; memory grows with
/// the batch (every document's annotations are alive at once).
///
/// Takes `&[Report]` or `&[&Report]`.
pub fn extract_batch<R: std::borrow::Borrow<Report>>(
    reports: &[R],
    options: &Options,
) -> Vec<Extraction> {
    let inputs: Vec<_> = reports
        .iter()
        .map(|r| {
            let r = r.borrow();
            (r.text.as_str(), r.published, r.title.as_deref())
        })
        .collect();
    let docs = doc::Doc::annotate_batch(&inputs);
    reports
        .iter()
        .zip(&docs)
        .map(|(r, doc)| finish(r.borrow(), doc, options))
        .collect()
}

/// Assembles an annotated report's incidents into its extraction.
fn finish(report: &Report, doc: &doc::Doc, options: &Options) -> Extraction {
    let incidents = assemble::assemble(doc, options);
    Extraction {
        schema: SCHEMA.to_string(),
        document: DocumentMeta {
            id: report.id.clone(),
            title: report.title.clone(),
            outlet: report.outlet.clone(),
            url: report.url.clone(),
            published: report.published,
            language: report.language.clone().or_else(|| Some("en".to_string())),
            sha256: Some(sha256_hex(&report.text)),
        },
        incidents,
    }
}

/// Hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

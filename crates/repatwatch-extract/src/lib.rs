//! repatwatch-extract: reports in, coded incidents out (codebook v1).
//!
//! The pipeline is a pure, deterministic function of a report's text and
//! metadata: no I/O, no clock, no network. Like spaCy's, it is a row of
//! components that each annotate one shared [`doc::Doc`] (sentences, times,
//! people, places, actors, event words); one final step,
//! [`assemble`], turns those annotations into incidents.
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
    let incidents = assemble::assemble(&doc, options);
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

//! Place dimension: the bundled gazetteer and the place names found in a text
//! (CODEBOOK.md, "locations").
//!
//! STUB: to be written.

use crate::model::Precision;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub admin1: Option<String>,
    pub country: String,
    pub precision: Precision,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: Option<i64>,
}

/// A place name found in a text, resolved to one gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte offsets into the text given to [`find`].
    pub start: usize,
    pub end: usize,
    pub place: Place,
    pub rule: &'static str,
}

/// Every place name in `text`, in order, not overlapping, each resolved with
/// the whole text as context.
pub fn find(_text: &str) -> Vec<PlaceMention> {
    Vec::new()
}

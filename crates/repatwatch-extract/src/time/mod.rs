//! Time dimension: finds time expressions and resolves them, past-biased,
//! against the publication date (CODEBOOK.md, "date").
//!
//! STUB: to be written. Interface the rest of the pipeline relies on:
//!
//! ```ignore
//! pub fn find(text: &str) -> Vec<TimeMention>;            // byte offsets into `text`
//! impl TimeMention { pub fn resolve(&self, published: NaiveDate, dir: Direction,
//!                                   reference: Option<DateRange>) -> Option<DateRange>; }
//! ```

use crate::model::DateRange;
use chrono::NaiveDate;

/// Which way an underspecified expression ("Oct. 9", "in February") is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Acts that happened: the most recent such day on or before publication.
    Past,
    /// Planned acts: the next such day.
    Future,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    /// Byte offsets into the text given to [`find`].
    pub start: usize,
    pub end: usize,
    /// The rule that matched (for `--explain`).
    pub rule: &'static str,
}

impl TimeMention {
    /// The interval of days this expression denotes.
    pub fn resolve(
        &self,
        _published: NaiveDate,
        _dir: Direction,
        _reference: Option<DateRange>,
    ) -> Option<DateRange> {
        None
    }
}

/// Every time expression in `text`, in order, not overlapping.
pub fn find(_text: &str) -> Vec<TimeMention> {
    Vec::new()
}

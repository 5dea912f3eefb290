//! Quantity dimension: numbers, number words and the people phrases they
//! count (CODEBOOK.md, "people").
//!
//! STUB: to be written.

use crate::model::{Count, Gender};

/// A phrase naming a group of people (or one person), with its count.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleMention {
    /// Byte offsets into the text given to [`find_people`].
    pub start: usize,
    pub end: usize,
    pub count: Option<Count>,
    pub gender: Option<Gender>,
    pub minors: Option<u64>,
    /// The rule that matched (for `--explain`).
    pub rule: &'static str,
    pub definite: bool,
    pub pronoun: bool,
    pub individual: bool,
}

/// Every people phrase in `text`, in order, not overlapping.
pub fn find_people(_text: &str) -> Vec<PeopleMention> {
    Vec::new()
}

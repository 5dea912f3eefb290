//! Event dimension: the words that tell an act, with status, hedging and negation.

use crate::model::{EventType, Status};
use crate::segment::Sentence;

/// A word or phrase telling one act.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    pub start: usize,
    pub end: usize,
    pub kind: EventType,
    pub status: Status,
    pub hedged: bool,
    pub negated: bool,
    pub rule: &'static str,
}

/// Every event word in `text`.
pub fn find(_text: &str, _sentences: &[Sentence]) -> Vec<EventMention> {
    Vec::new()
}

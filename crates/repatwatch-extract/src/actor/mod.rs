//! Actor dimension: the states and agencies that act (CODEBOOK.md, "actors").

/// A phrase naming a state or one of its agencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    /// Codebook code, e.g. `CN-PSB`.
    pub code: String,
    pub rule: &'static str,
}

/// Every actor phrase in `text`.
pub fn find(_text: &str) -> Vec<ActorMention> {
    Vec::new()
}

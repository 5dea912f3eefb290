//! Sentence segmentation that survives abbreviations ("Oct.", "U.N.", "Mr.",
//! "No. 2", initials) and quotes.

/// A sentence: byte offsets into the text, trimmed of surrounding space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let _ = text;
    Vec::new()
}

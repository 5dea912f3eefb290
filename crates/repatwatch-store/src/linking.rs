//! Cross-report linking: the store uses `crates/repatwatch-link` through
//! this one module (the linker decides which case a new incident joins;
//! `consolidate` gives a case's consolidated view).

pub use repatwatch_link::{consolidate, CaseId, Claim, Consolidated, Decision, Linker};

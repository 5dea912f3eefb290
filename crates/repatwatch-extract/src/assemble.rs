//! Assembly: the one final step that turns the annotations into incidents.

use crate::doc::Doc;
use crate::model::Incident;
use crate::Options;

/// Builds the incidents of a document.
pub fn assemble(_doc: &Doc, _options: &Options) -> Vec<Incident> {
    Vec::new()
}

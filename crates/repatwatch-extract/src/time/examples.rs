//! The examples table (Duckling layout): phrase, publication date,
//! direction, reference, expected interval.

use super::*;

#[test]
fn smoke() {
    let ms = find("They were caught on Oct. 9 and sent back last week.");
    assert_eq!(ms.len(), 2);
}

//! Scores of a clustering (predicted cases) against a gold one (gold `case`
//! slugs): pairwise and B-cubed precision, recall and F1.
//!
//! Both clusterings label the same items: `gold[i]` and `pred[i]` are the
//! clusters of item `i` (any labels; equal labels, same cluster).
//!
//! - **Pairwise**: a pair of items is predicted linked when the items share
//!   a predicted cluster, gold linked when they share a gold cluster;
//!   precision = correct / predicted pairs, recall = correct / gold pairs
//!   (0 when there are none, as [`crate::prf`]).
//! - **B-cubed** (Bagga & Baldwin): per item, precision is the share of its
//!   predicted cluster that is in its gold cluster, recall the share of its
//!   gold cluster that is in its predicted cluster; both averaged over the
//!   items (0 with no items), F1 their harmonic mean.

use std::collections::HashMap;
use std::hash::Hash;

/// Pairwise counts and scores (unrounded).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PairScore {
    /// Pairs of items in one gold cluster.
    pub gold: usize,
    /// Pairs of items in one predicted cluster.
    pub predicted: usize,
    /// Pairs in one cluster in both.
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// B-cubed scores (unrounded) over `items`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BCubed {
    pub items: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn pairs(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

fn sizes<T: Eq + Hash>(labels: impl Iterator<Item = T>) -> HashMap<T, usize> {
    let mut m = HashMap::new();
    for l in labels {
        *m.entry(l).or_insert(0) += 1;
    }
    m
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Pairwise precision, recall and F1 of `pred` against `gold`.
///
/// # Panics
/// When the two slices differ in length.
pub fn pairwise<G: Eq + Hash, P: Eq + Hash>(gold: &[G], pred: &[P]) -> PairScore {
    assert_eq!(
        gold.len(),
        pred.len(),
        "one gold and one predicted label per item"
    );
    let g = sizes(gold.iter()).values().map(|&n| pairs(n)).sum();
    let p = sizes(pred.iter()).values().map(|&n| pairs(n)).sum();
    let c = sizes(gold.iter().zip(pred))
        .values()
        .map(|&n| pairs(n))
        .sum();
    let (precision, recall, f1) = crate::prf(c, p, g);
    PairScore {
        gold: g,
        predicted: p,
        correct: c,
        precision,
        recall,
        f1,
    }
}

/// B-cubed precision, recall and F1 of `pred` against `gold`.
///
/// # Panics
/// When the two slices differ in length.
pub fn bcubed<G: Eq + Hash, P: Eq + Hash>(gold: &[G], pred: &[P]) -> BCubed {
    assert_eq!(
        gold.len(),
        pred.len(),
        "one gold and one predicted label per item"
    );
    let n = gold.len();
    if n == 0 {
        return BCubed::default();
    }
    let gs = sizes(gold.iter());
    let ps = sizes(pred.iter());
    let both = sizes(gold.iter().zip(pred));
    let (mut p, mut r) = (0.0, 0.0);
    for (g, q) in gold.iter().zip(pred) {
        let common = both[&(g, q)] as f64;
        p += common / ps[&q] as f64;
        r += common / gs[&g] as f64;
    }
    let (precision, recall) = (p / n as f64, r / n as f64);
    BCubed {
        items: n,
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    // Items 0..5. Gold: {0,1,2} {3,4}. Predicted: {0,1} {2,3,4}.
    const GOLD: [u32; 5] = [1, 1, 1, 2, 2];
    const PRED: [&str; 5] = ["a", "a", "b", "b", "b"];

    #[test]
    fn pairwise_by_hand() {
        // Gold pairs: 3 + 1 = 4; predicted: 1 + 3 = 4; correct: (0,1), (3,4).
        let s = pairwise(&GOLD, &PRED);
        assert_eq!((s.gold, s.predicted, s.correct), (4, 4, 2));
        assert!(close(s.precision, 0.5) && close(s.recall, 0.5) && close(s.f1, 0.5));
    }

    #[test]
    fn bcubed_by_hand() {
        // Precision per item: 2/2, 2/2, 1/3, 2/3, 2/3 -> 11/3 / 5 = 11/15.
        // Recall per item: 2/3, 2/3, 1/3, 2/2, 2/2 -> 11/3 / 5 = 11/15.
        let b = bcubed(&GOLD, &PRED);
        assert_eq!(b.items, 5);
        assert!(close(b.precision, 11.0 / 15.0));
        assert!(close(b.recall, 11.0 / 15.0));
        assert!(close(b.f1, 11.0 / 15.0));
        // Gold {0,1} {2} {3,4}; predicted {0,1,2} {3} {4}.
        // Precision: 2/3, 2/3, 1/3, 1, 1 -> 11/3 / 5 = 11/15.
        // Recall: 1, 1, 1, 1/2, 1/2 -> 4 / 5.
        let b = bcubed(&[1, 1, 2, 3, 3], &[1, 1, 1, 2, 3]);
        assert!(close(b.precision, 11.0 / 15.0) && close(b.recall, 0.8));
        let f = 2.0 * (11.0 / 15.0) * 0.8 / (11.0 / 15.0 + 0.8);
        assert!(close(b.f1, f));
    }

    #[test]
    fn all_singletons_against_one_cluster() {
        // Gold: one case of 3 plus a singleton; predicted: all singletons.
        let gold = [7, 7, 7, 8];
        let pred = [1, 2, 3, 4];
        let s = pairwise(&gold, &pred);
        assert_eq!((s.gold, s.predicted, s.correct), (3, 0, 0));
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
        let b = bcubed(&gold, &pred);
        // Precision 1 everywhere; recall 1/3, 1/3, 1/3, 1 -> 2/4.
        assert!(close(b.precision, 1.0) && close(b.recall, 0.5));
        assert!(close(b.f1, 2.0 / 3.0));
    }

    #[test]
    fn perfect_and_empty() {
        let s = pairwise(&[1, 1, 2], &[5, 5, 9]);
        assert_eq!((s.correct, s.f1), (1, 1.0));
        let b = bcubed(&[1, 1, 2], &[5, 5, 9]);
        assert_eq!((b.precision, b.recall, b.f1), (1.0, 1.0, 1.0));
        let none: [u8; 0] = [];
        assert_eq!(bcubed(&none, &none), BCubed::default());
        assert_eq!(pairwise(&none, &none).f1, 0.0);
    }

    #[test]
    fn over_merging_costs_precision() {
        // Gold {0,1} {2,3}; predicted one cluster of four.
        let s = pairwise(&[1, 1, 2, 2], &[0, 0, 0, 0]);
        assert_eq!((s.gold, s.predicted, s.correct), (2, 6, 2));
        assert!(close(s.precision, 1.0 / 3.0) && close(s.recall, 1.0));
        let b = bcubed(&[1, 1, 2, 2], &[0, 0, 0, 0]);
        assert!(close(b.precision, 0.5) && close(b.recall, 1.0));
    }
}

//! `hungarian_max` of score.py, step for step, so that ties resolve the
//! same way.

/// Maximum-weight assignment on a rectangular matrix (transposed when it has
/// more rows than columns). Returns `(row, col)` pairs with weight > 0, in
/// column order of the (possibly transposed) matrix, as score.py does.
pub fn hungarian_max(weights: &[Vec<i64>]) -> Vec<(usize, usize)> {
    let n0 = weights.len();
    let m0 = weights.first().map_or(0, Vec::len);
    if n0 == 0 || m0 == 0 {
        return Vec::new();
    }
    let transposed = n0 > m0;
    let w: Vec<Vec<i64>> = if transposed {
        (0..m0)
            .map(|c| weights.iter().map(|r| r[c]).collect())
            .collect()
    } else {
        weights.to_vec()
    };
    let (n, m) = (w.len(), w[0].len());
    let big = w
        .iter()
        .map(|r| *r.iter().max().expect("non-empty row"))
        .max()
        .expect("non-empty matrix");
    let cost: Vec<Vec<f64>> = w
        .iter()
        .map(|r| r.iter().map(|&x| (big - x) as f64).collect())
        .collect();
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| {
            let (r, c) = (p[j] - 1, j - 1);
            if transposed {
                (c, r)
            } else {
                (r, c)
            }
        })
        .filter(|&(r, c)| weights[r][c] > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::hungarian_max;

    #[test]
    fn maximises() {
        let w = vec![vec![101, 105, 0], vec![103, 0, 0]];
        assert_eq!(hungarian_max(&w), vec![(1, 0), (0, 1)]);
    }

    #[test]
    fn ties_break_like_python() {
        // score.py: hungarian_max([[5,5],[5,5]]) == [(0, 0), (1, 1)]
        assert_eq!(
            hungarian_max(&[vec![5, 5], vec![5, 5]]),
            vec![(0, 0), (1, 1)]
        );
        // hungarian_max([[5,5,5]]) == [(0, 0)]
        assert_eq!(hungarian_max(&[vec![5, 5, 5]]), vec![(0, 0)]);
        // hungarian_max([[5],[5],[5]]) == [(0, 0)]
        assert_eq!(hungarian_max(&[vec![5], vec![5], vec![5]]), vec![(0, 0)]);
    }

    #[test]
    fn drops_zero_weight_pairs() {
        assert_eq!(hungarian_max(&[vec![0, 0], vec![0, 3]]), vec![(1, 1)]);
        assert!(hungarian_max(&[vec![0]]).is_empty());
        assert!(hungarian_max(&[]).is_empty());
    }
}

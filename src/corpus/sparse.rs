//! Sparse vectors over term ids, the form every sentence is compared in.

use std::cmp::Ordering;

/// A sparse vector: term ids in increasing order with their weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVector {
    pub(crate) terms: Vec<u32>,
    pub(crate) weights: Vec<f32>,
}

impl SparseVector {
    /// Index pairs `(i, j)` where `self.terms[i] == other.terms[j]`, by merging the
    /// two sorted term lists.
    pub(crate) fn matches<'a>(&'a self, other: &'a SparseVector) -> impl Iterator<Item = (usize, usize)> + 'a {
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < self.terms.len() && j < other.terms.len() {
                match self.terms[i].cmp(&other.terms[j]) {
                    Ordering::Less => i += 1,
                    Ordering::Greater => j += 1,
                    Ordering::Equal => {
                        let pair = (i, j);
                        i += 1;
                        j += 1;
                        return Some(pair);
                    }
                }
            }
            None
        })
    }

    /// The dot product, summed in f64 in term order, and how many terms the two
    /// vectors share, in one merge: selection needs both for every neighbour of a
    /// sentence it takes, and a merge for each was a third of its instructions.
    pub(crate) fn dot_and_shared(&self, other: &SparseVector) -> (f64, usize) {
        let mut shared = 0;
        let dot = self
            .matches(other)
            .map(|(i, j)| {
                shared += 1;
                f64::from(self.weights[i]) * f64::from(other.weights[j])
            })
            .sum();
        (dot, shared)
    }

    /// The dot product alone.
    #[cfg(test)]
    pub(crate) fn dot(&self, other: &SparseVector) -> f64 {
        self.dot_and_shared(other).0
    }

    /// The Euclidean length, summed in f64.
    pub(crate) fn norm(&self) -> f64 {
        self.weights.iter().map(|w| f64::from(*w).powi(2)).sum::<f64>().sqrt()
    }

    /// Scales the vector to unit length; the zero vector stays as it is.
    pub(crate) fn normalize(&mut self) {
        let norm = self.norm();
        if norm > 0.0 {
            for w in &mut self.weights {
                *w = (f64::from(*w) / norm) as f32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(terms: &[u32], weights: &[f32]) -> SparseVector {
        SparseVector { terms: terms.to_vec(), weights: weights.to_vec() }
    }

    #[test]
    fn matches_pair_the_shared_terms_in_order() {
        let a = vector(&[1, 3, 5, 9], &[1.0; 4]);
        let b = vector(&[0, 3, 4, 5, 10], &[1.0; 5]);
        assert_eq!(a.matches(&b).collect::<Vec<_>>(), [(1, 1), (2, 3)]);
        assert_eq!(a.dot_and_shared(&b).1, 2);
        assert_eq!(a.matches(&SparseVector::default()).count(), 0);
    }

    #[test]
    fn dot_multiplies_shared_weights_only() {
        let a = vector(&[1, 2, 7], &[0.5, 2.0, 3.0]);
        let b = vector(&[2, 7, 8], &[4.0, 0.5, 9.0]);
        assert_eq!(a.dot(&b), 2.0 * 4.0 + 3.0 * 0.5);
        assert_eq!(a.dot(&b), b.dot(&a));
    }

    #[test]
    fn normalize_gives_unit_length_and_leaves_zero_alone() {
        let mut a = vector(&[0, 4], &[3.0, 4.0]);
        assert_eq!(a.norm(), 5.0);
        a.normalize();
        assert_eq!(a.weights, [0.6, 0.8]);
        assert!((a.dot(&a) - 1.0).abs() < 1e-6);
        let mut zero = vector(&[1], &[0.0]);
        zero.normalize();
        assert_eq!(zero.weights, [0.0]);
    }
}

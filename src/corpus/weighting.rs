//! Term weights: smoothed inverse document frequency, and each sentence's tf-idf
//! vector scaled to unit length so that a dot product is a cosine.

use super::sparse::SparseVector;
use super::vocabulary::DocumentFrequencies;

/// Smoothed idf per term, `ln((1 + N) / (1 + df)) + 1`, so that a term in every
/// unit still weighs a little and none weighs zero.
pub(crate) fn inverse_document_frequency(frequencies: &DocumentFrequencies) -> Vec<f64> {
    let n = frequencies.units as f64;
    frequencies.per_term.iter().map(|&d| ((1.0 + n) / (1.0 + f64::from(d))).ln() + 1.0).collect()
}

/// The unit-length tf-idf vector of a sentence's bag (its distinct `terms` and
/// their `counts`). Weights are computed in f64 and stored as f32: half the
/// memory, and the graph sums their products in f32.
pub(crate) fn unit_vector(terms: Vec<u32>, counts: &[u32], idf: &[f64]) -> SparseVector {
    let weights = terms.iter().zip(counts).map(|(&id, &n)| (f64::from(n) * idf[id as usize]) as f32).collect();
    let mut vector = SparseVector { terms, weights };
    vector.normalize();
    vector
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_weigh_more_and_none_weighs_zero() {
        let idf = inverse_document_frequency(&DocumentFrequencies { per_term: vec![4, 1, 0], units: 4 });
        assert_eq!(idf[0], 1.0);
        assert!(idf[1] > idf[0] && idf[2] > idf[1]);
    }

    #[test]
    fn vectors_are_unit_length_and_keep_their_terms() {
        let vector = unit_vector(vec![0, 2], &[2, 1], &[1.0, 5.0, 2.0]);
        assert_eq!(vector.terms, [0, 2]);
        assert!((vector.weights[0] - vector.weights[1]).abs() < 1e-7);
        assert!((vector.norm() - 1.0).abs() < 1e-6);
    }
}

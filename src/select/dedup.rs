//! Near-duplicates: the same sentence reprinted by two outlets, with other quote
//! marks and dashes, a word added or cut.

use crate::corpus::SparseVector;

/// A sentence whose terms are at least this share of a sentence already chosen
/// (or the other way round) repeats it, whatever else it adds.
const CONTAINMENT: f64 = 0.8;

/// Whether two sentences say the same thing: their tf-idf cosine reaches
/// `threshold`, or nearly all the terms of the shorter one are in the longer.
/// Quote marks, dashes and case never matter: sentences are compared by terms.
pub(crate) fn is_near_duplicate(a: &SparseVector, b: &SparseVector, cosine: f64, threshold: f64) -> bool {
    if cosine >= threshold {
        return true;
    }
    let shorter = a.terms.len().min(b.terms.len());
    shorter >= 3 && a.shared_terms(b) as f64 >= CONTAINMENT * shorter as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(terms: &[u32]) -> SparseVector {
        let weight = 1.0 / (terms.len() as f32).sqrt();
        SparseVector { terms: terms.to_vec(), weights: vec![weight; terms.len()] }
    }

    #[test]
    fn copies_and_contained_sentences_are_duplicates() {
        let a = vector(&[1, 2, 3, 4, 5]);
        assert!(is_near_duplicate(&a, &a, a.dot(&a), 0.5));
        let longer = vector(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        assert!(is_near_duplicate(&a, &longer, a.dot(&longer), 0.9));
        let different = vector(&[1, 2, 20, 21, 22]);
        assert!(!is_near_duplicate(&a, &different, a.dot(&different), 0.5));
    }
}

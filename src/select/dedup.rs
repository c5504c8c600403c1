//! Near-duplicates: the same sentence reprinted by two outlets, with other quote
//! marks and dashes, a word added or cut.

use crate::corpus::SparseVector;

/// A sentence whose terms are at least this share of a sentence already chosen
/// (or the other way round) repeats it, whatever else it adds.
const CONTAINMENT: f64 = 0.8;

/// Whether two sentences say the same thing: their tf-idf cosine reaches
/// `threshold`, nearly all the terms of the shorter one are in the longer, or
/// their sets of terms overlap by `same_fact` with every term counted once.
///
/// The last catches one fact told in two outlets' words: what they share is the
/// story's names and its event ("Russian President Vladimir Putin", "North
/// Korea", "defense"), words in half the cluster, which idf discounts so far that
/// the tf-idf cosine of such a pair stays near 0.3. Counted unweighted, those
/// shared words make the overlap. Quote marks, dashes and case never matter:
/// sentences are compared by terms.
/// `cosine` and `shared` are the pair's tf-idf cosine and the terms they share
/// ([`SparseVector::dot_and_shared`]).
pub(crate) fn is_near_duplicate(
    a: &SparseVector,
    b: &SparseVector,
    (cosine, shared): (f64, usize),
    threshold: f64,
    same_fact: f64,
) -> bool {
    if cosine >= threshold {
        return true;
    }
    let shorter = a.terms.len().min(b.terms.len());
    if shorter >= 3 && shared as f64 >= CONTAINMENT * shorter as f64 {
        return true;
    }
    word_overlap(a, b, shared) >= same_fact
}

/// Cosine of the two sentences' sets of terms, every term weighing the same.
fn word_overlap(a: &SparseVector, b: &SparseVector, shared: usize) -> f64 {
    set_cosine(shared, a.terms.len(), b.terms.len())
}

/// Cosine of two sets of `a` and `b` terms that share `shared`: what
/// `same_fact` is compared with, between candidates and against seen sentences.
pub(crate) fn set_cosine(shared: usize, a: usize, b: usize) -> f64 {
    let product = (a * b) as f64;
    if product == 0.0 {
        0.0
    } else {
        shared as f64 / product.sqrt()
    }
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
        assert!(is_near_duplicate(&a, &a, a.dot_and_shared(&a), 0.5, 2.0));
        let longer = vector(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        assert!(is_near_duplicate(&a, &longer, a.dot_and_shared(&longer), 0.9, 2.0));
        let different = vector(&[1, 2, 20, 21, 22]);
        assert!(!is_near_duplicate(&a, &different, a.dot_and_shared(&different), 0.5, 2.0));
    }

    #[test]
    fn a_fact_retold_in_other_words_is_a_duplicate_by_word_overlap() {
        // Six terms each, three shared (the story's names and its event): an
        // overlap of 0.5, whatever their weights.
        let a = vector(&[1, 2, 3, 10, 11, 12]);
        let b = vector(&[1, 2, 3, 20, 21, 22]);
        let overlap = (0.3, 3);
        assert!(is_near_duplicate(&a, &b, overlap, 0.5, 0.45));
        assert!(!is_near_duplicate(&a, &b, overlap, 0.5, 0.55));
        assert!(!is_near_duplicate(&a, &b, overlap, 0.5, f64::INFINITY));
    }
}

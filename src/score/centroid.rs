//! Centroid (Radev et al. 2004): the cluster's topic is the mean of its sentences'
//! tf-idf vectors; a sentence is as salient as it is close (cosine) to that mean.

use std::collections::HashMap;

use super::{ScoreInput, Scorer};

pub(crate) struct Centroid;

impl Scorer for Centroid {
    fn salience(&self, input: &ScoreInput<'_>) -> Vec<f64> {
        let corpus = input.corpus;
        let mut centroid: HashMap<u32, f64> = HashMap::new();
        for &s in &corpus.candidates {
            let vector = &corpus.sentences[s].vector;
            for (term, weight) in vector.terms.iter().zip(&vector.weights) {
                *centroid.entry(*term).or_default() += f64::from(*weight);
            }
        }
        let norm = centroid.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm == 0.0 {
            return vec![0.0; corpus.candidates.len()];
        }
        corpus
            .candidates
            .iter()
            .map(|&s| {
                let vector = &corpus.sentences[s].vector;
                let dot: f64 = vector
                    .terms
                    .iter()
                    .zip(&vector.weights)
                    .map(|(term, weight)| f64::from(*weight) * centroid.get(term).copied().unwrap_or(0.0))
                    .sum();
                (dot / norm).max(0.0)
            })
            .collect()
    }
}

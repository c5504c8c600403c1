//! Centroid (Radev et al. 2004): the cluster's topic is the mean of its sentences'
//! tf-idf vectors; a sentence is as salient as it is close (cosine) to that mean.

use super::{ScoreInput, Scorer};
use crate::ids::{IdVec, NodeId};

pub(crate) struct Centroid;

impl Scorer for Centroid {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let corpus = input.corpus;
        // Dense over the vocabulary: summed in a fixed order, so scores are
        // identical from run to run.
        let mut centroid = vec![0.0f64; corpus.vocabulary_size];
        for &s in &corpus.candidates {
            let vector = &corpus.sentences[s].vector;
            for (term, weight) in vector.terms.iter().zip(&vector.weights) {
                centroid[*term as usize] += f64::from(*weight);
            }
        }
        let norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
        if norm == 0.0 {
            return IdVec::filled(0.0, corpus.candidates.len());
        }
        corpus.candidates.map(|&s| {
            let vector = &corpus.sentences[s].vector;
            let dot: f64 = vector
                .terms
                .iter()
                .zip(&vector.weights)
                .map(|(term, weight)| f64::from(*weight) * centroid[*term as usize])
                .sum();
            (dot / norm).max(0.0)
        })
    }
}

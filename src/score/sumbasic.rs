//! SumBasic (Nenkova & Vanderwende 2005): a sentence is as salient as the average
//! probability of its terms in the cluster. The original squares the
//! probabilities of chosen words to avoid repeats; here the shared selection's
//! redundancy penalty does that job.

use super::{ScoreInput, Scorer};
use crate::ids::{IdVec, NodeId};

pub(crate) struct SumBasic;

impl Scorer for SumBasic {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let corpus = input.corpus;
        let mut frequency = vec![0u64; corpus.vocabulary_size];
        let mut total = 0u64;
        for &s in &corpus.candidates {
            let sentence = &corpus.sentences[s];
            for (term, count) in sentence.vector.terms.iter().zip(&sentence.counts) {
                frequency[*term as usize] += u64::from(*count);
                total += u64::from(*count);
            }
        }
        corpus.candidates.map(|&s| {
            let sentence = &corpus.sentences[s];
            let words: u32 = sentence.counts.iter().sum();
            if words == 0 || total == 0 {
                return 0.0;
            }
            let mass: f64 = sentence
                .vector
                .terms
                .iter()
                .zip(&sentence.counts)
                .map(|(term, count)| f64::from(*count) * frequency[*term as usize] as f64 / total as f64)
                .sum();
            mass / f64::from(words)
        })
    }
}

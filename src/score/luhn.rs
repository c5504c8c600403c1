//! Luhn (1958): significant words are the cluster's frequent content words; a
//! sentence scores by its densest run of them, (significant words)² / run length,
//! where a run may not bridge more than four insignificant words.

use super::{ScoreInput, Scorer};
use crate::ids::{IdVec, NodeId};

/// Runs break at more than this many insignificant words in a row (Luhn's limit).
const MAX_GAP: usize = 4;
/// The most frequent fifth of the vocabulary is significant...
const SIGNIFICANT_SHARE: f64 = 0.2;
/// ...provided it occurs at least this often.
const MIN_COUNT: u32 = 2;

pub(crate) struct Luhn;

impl Scorer for Luhn {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let corpus = input.corpus;
        let mut frequency = vec![0u32; corpus.vocabulary_size];
        for &s in &corpus.candidates {
            for &term in &corpus.sentences[s].sequence {
                frequency[term as usize] += 1;
            }
        }
        let mut counts: Vec<u32> = frequency.iter().copied().filter(|&c| c > 0).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let cut = counts.get(((counts.len() as f64 * SIGNIFICANT_SHARE) as usize).min(counts.len().saturating_sub(1)));
        let threshold = cut.copied().unwrap_or(u32::MAX).max(MIN_COUNT);
        corpus.candidates.map(|&s| densest_run(&corpus.sentences[s].sequence, |t| frequency[t as usize] >= threshold))
    }
}

fn densest_run(sequence: &[u32], significant: impl Fn(u32) -> bool) -> f64 {
    let positions: Vec<usize> = (0..sequence.len()).filter(|&i| significant(sequence[i])).collect();
    let mut best = 0.0f64;
    let mut start = 0;
    for i in 0..positions.len() {
        if i > 0 && positions[i] - positions[i - 1] - 1 > MAX_GAP {
            start = i;
        }
        let words = (i - start + 1) as f64;
        let span = (positions[i] - positions[start] + 1) as f64;
        best = best.max(words * words / span);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_runs_score_higher() {
        let significant = |t: u32| t < 10;
        assert_eq!(densest_run(&[1, 2, 3], significant), 3.0);
        assert_eq!(densest_run(&[1, 50, 2, 50, 3], significant), 9.0 / 5.0);
        // A gap of five breaks the run: two runs of one.
        assert_eq!(densest_run(&[1, 50, 50, 50, 50, 50, 2], significant), 1.0);
        assert_eq!(densest_run(&[50, 60], significant), 0.0);
    }
}

//! Greedy selection by maximal marginal relevance (Carbonell & Goldstein 1998):
//! each step takes the sentence that best trades its own score against its
//! similarity to what is already chosen, among those that still fit the budget
//! and are not near-duplicates of a chosen one.

use super::{is_near_duplicate, Allowance};
use crate::config::Config;
use crate::corpus::{Corpus, Document};

/// Chooses graph nodes (candidate indices) for the summary, in the order taken.
/// `scores` are the final scores of the nodes.
pub(crate) fn select(corpus: &Corpus, documents: &[Document], scores: &[f64], config: &Config) -> Vec<usize> {
    let allowance = Allowance::new(config.budget, corpus.total_words);
    let highest = scores.iter().copied().fold(0.0, f64::max);
    let relevance: Vec<f64> = scores.iter().map(|s| if highest > 0.0 { s / highest } else { 0.0 }).collect();
    let costs: Vec<usize> = corpus
        .candidates
        .iter()
        .map(|&s| {
            let sentence = &corpus.sentences[s];
            allowance.cost(&documents[sentence.doc].text[sentence.start..sentence.end], sentence.words)
        })
        .collect();
    let mut open: Vec<bool> = vec![true; scores.len()];
    let mut closest = vec![0.0f64; scores.len()];
    let mut remaining = allowance.limit();
    let mut chosen = Vec::new();
    loop {
        let mut best: Option<(usize, f64)> = None;
        for node in 0..scores.len() {
            if !open[node] {
                continue;
            }
            if costs[node] > remaining {
                // The remaining budget only shrinks: it will never fit.
                open[node] = false;
                continue;
            }
            let value = (1.0 - config.redundancy) * relevance[node] - config.redundancy * closest[node];
            if best.is_none_or(|(_, v)| value > v) {
                best = Some((node, value));
            }
        }
        let Some((taken, _)) = best else { break };
        open[taken] = false;
        remaining -= costs[taken];
        chosen.push(taken);
        let taken_vector = &corpus.sentences[corpus.candidates[taken]].vector;
        for node in 0..scores.len() {
            if !open[node] {
                continue;
            }
            let vector = &corpus.sentences[corpus.candidates[node]].vector;
            let cosine = taken_vector.dot(vector);
            closest[node] = closest[node].max(cosine);
            if is_near_duplicate(taken_vector, vector, cosine, config.duplicate_threshold) {
                open[node] = false;
            }
        }
    }
    chosen
}

//! KL-Sum (Haghighi & Vanderwende 2009): greedily add the sentence that keeps the
//! summary's unigram distribution closest to the cluster's, by KL(P_cluster ||
//! P_summary) with P_summary smoothed.
//!
//! Only the terms of a candidate change the divergence, so each candidate is
//! weighed in time proportional to its own length:
//! `-KL = const + Σ_w P(w) log(c_S(w) + δ) - log(|S| + δV)`.
//! The sum only moves for candidates that share a term with what was taken; the
//! size term moves every candidate at every step but is the same for candidates
//! of the same length, so candidates are grouped by length and the pool keeps a
//! lazy heap on the sum per group ([`Pool::best_in_groups`]).

use rustc_hash::FxHashMap as HashMap;

use super::pool::Pool;
use crate::corpus::Corpus;
use crate::ids::NodeId;

/// Additive smoothing of the summary's distribution, per term. Too little and
/// every cluster term missing from the summary weighs so much that short sentences
/// of common words win: 0.01 gave 5.31 ROUGE-2 on DUC 2003, 0.1 gives 9.36
/// (docs/experiments.md).
const SMOOTHING: f64 = 0.1;

/// How far rounding may lift a recomputed closeness above its earlier value.
/// Adding a sentence only raises the summary's counts and size, so every
/// candidate's closeness only falls (the objective is not monotone, but each
/// candidate's value is, which is all that lazy evaluation needs).
const ROUNDING: f64 = 1e-9;

pub(crate) fn select(pool: Pool<'_>, corpus: &Corpus) -> Vec<NodeId> {
    let mut pool = pool.with_slack(ROUNDING);
    let vocabulary = corpus.vocabulary_size;
    let mut cluster = vec![0.0f64; vocabulary];
    let mut total = 0.0;
    for &s in &corpus.candidates {
        let sentence = &corpus.sentences[s];
        for (term, count) in sentence.vector.terms.iter().zip(&sentence.counts) {
            cluster[*term as usize] += f64::from(*count);
            total += f64::from(*count);
        }
    }
    if total == 0.0 {
        return Vec::new();
    }
    for p in &mut cluster {
        *p /= total;
    }
    // Each candidate's length in terms (summed as f64, exact for counts), and the
    // group of the candidates of that length.
    let mut lengths: Vec<f64> = Vec::new();
    let mut group_of_length: HashMap<u64, usize> = HashMap::default();
    let group = corpus.candidates.map(|&s| {
        let added: f64 = corpus.sentences[s].counts.iter().map(|&count| f64::from(count)).sum();
        *group_of_length.entry(added as u64).or_insert_with(|| {
            lengths.push(added);
            lengths.len() - 1
        })
    });
    let mut summary = vec![0.0f64; vocabulary];
    let mut summary_size = 0.0;
    let mut chosen = Vec::new();
    loop {
        // How much closer the candidate's terms bring the summary's counts to the cluster's.
        let change = |node: NodeId| {
            let sentence = corpus.candidate(node);
            let mut change = 0.0;
            for (term, count) in sentence.vector.terms.iter().zip(&sentence.counts) {
                let t = *term as usize;
                let count = f64::from(*count);
                change += cluster[t] * ((summary[t] + count + SMOOTHING).ln() - (summary[t] + SMOOTHING).ln());
            }
            change
        };
        let closeness =
            |group: usize, change: f64| change - (summary_size + lengths[group] + SMOOTHING * vocabulary as f64).ln();
        let Some(taken) = pool.best_in_groups(&group, lengths.len(), change, closeness) else { break };
        let sentence = corpus.candidate(taken);
        for (term, count) in sentence.vector.terms.iter().zip(&sentence.counts) {
            summary[*term as usize] += f64::from(*count);
            summary_size += f64::from(*count);
        }
        chosen.push(taken);
        pool.take(taken, |_, _| {});
    }
    chosen
}

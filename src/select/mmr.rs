//! Greedy selection by maximal marginal relevance (Carbonell & Goldstein 1998):
//! each step takes the sentence that best trades its own score against its
//! similarity to what is already chosen.

use super::pool::Pool;
use crate::config::Config;
use crate::ids::{IdVec, NodeId};

/// Cosine that any two sentences on the cluster's topic share through its
/// vocabulary alone (the names and words every report uses) without repeating each
/// other: only similarity beyond it counts as redundancy. Without the floor, MMR
/// holds back the ledes of distinct articles on one story for their shared names.
/// Measured in docs/experiments.md.
const TOPICAL_COSINE: f64 = 0.1;

/// The redundancy penalty for a sentence whose closest chosen sentence is at
/// `cosine`: 0 up to [`TOPICAL_COSINE`], rising linearly to 1 at cosine 1.
fn overlap(cosine: f64) -> f64 {
    ((cosine - TOPICAL_COSINE) / (1.0 - TOPICAL_COSINE)).max(0.0)
}

/// Chooses graph nodes in the order taken. `scores` are the nodes' final scores.
pub(crate) fn select(mut pool: Pool<'_>, scores: &IdVec<NodeId, f64>, config: &Config) -> Vec<NodeId> {
    let highest = scores.iter().copied().fold(0.0, f64::max);
    let relevance = scores.map(|s| if highest > 0.0 { s / highest } else { 0.0 });
    let mut closest: IdVec<NodeId, f64> = IdVec::filled(0.0, scores.len());
    let mut chosen = Vec::new();
    while let Some(taken) =
        pool.best(|node| (1.0 - config.redundancy) * relevance[node] - config.redundancy * overlap(closest[node]))
    {
        chosen.push(taken);
        pool.take(taken, |node, cosine| closest[node] = closest[node].max(cosine));
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topical_similarity_is_not_redundancy() {
        assert_eq!(overlap(0.0), 0.0);
        assert_eq!(overlap(TOPICAL_COSINE), 0.0);
        assert!((overlap(1.0) - 1.0).abs() < 1e-12);
        assert!(overlap(0.3) > overlap(0.2) && overlap(0.2) > 0.0);
    }
}

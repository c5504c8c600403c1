//! Greedy selection by maximal marginal relevance (Carbonell & Goldstein 1998):
//! each step takes the sentence that best trades its own score against its
//! similarity to what is already chosen.

use super::pool::Pool;
use crate::config::Config;

/// Chooses graph nodes in the order taken. `scores` are the nodes' final scores.
pub(crate) fn select(mut pool: Pool<'_>, scores: &[f64], config: &Config) -> Vec<usize> {
    let highest = scores.iter().copied().fold(0.0, f64::max);
    let relevance: Vec<f64> = scores.iter().map(|s| if highest > 0.0 { s / highest } else { 0.0 }).collect();
    let mut closest = vec![0.0f64; scores.len()];
    let mut chosen = Vec::new();
    while let Some(taken) =
        pool.best(|node| (1.0 - config.redundancy) * relevance[node] - config.redundancy * closest[node])
    {
        chosen.push(taken);
        pool.take(taken, |node, cosine| closest[node] = closest[node].max(cosine));
    }
    chosen
}

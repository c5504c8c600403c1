//! Choosing the summary: fill the budget greedily, by maximal marginal relevance
//! or by a method's own objective, never taking a near-duplicate of a sentence
//! already taken.

mod budget;
mod coverage;
mod dedup;
mod klsum;
mod mmr;
mod pool;

pub(crate) use budget::Allowance;
pub(crate) use dedup::is_near_duplicate;

use crate::config::Config;
use crate::corpus::{Corpus, Document};
use crate::graph::SimilarityGraph;
use crate::ids::{IdVec, NodeId};

/// How a method fills its budget (named in the method table, `src/method.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selector {
    /// Greedy maximal marginal relevance over the scores.
    Mmr,
    /// Budgeted greedy maximisation of the Lin & Bilmes coverage objective.
    Coverage,
    /// Greedy KL-Sum: the summary's word distribution closest to the cluster's.
    KlSum,
}

/// Chooses graph nodes (candidate sentences) for the summary, in the order taken.
pub(crate) fn select(
    corpus: &Corpus,
    graph: &SimilarityGraph,
    documents: &[Document],
    scores: &IdVec<NodeId, f64>,
    config: &Config,
) -> Vec<NodeId> {
    let pool = pool::Pool::new(corpus, documents, config);
    match config.method.selector() {
        Selector::Coverage => coverage::select(pool, graph, scores),
        Selector::KlSum => klsum::select(pool, corpus),
        Selector::Mmr => mmr::select(pool, scores, config),
    }
}

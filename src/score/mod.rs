//! Salience: how central each candidate sentence is to the cluster, by the
//! configured method, then combined with the priors that matter for news.
//!
//! Every method's scorer is one [`Scorer`] in a file of its own, named in the
//! method table (`src/method.rs`).

pub(crate) mod centroid;
pub(crate) mod lead;
pub(crate) mod lexrank;
pub(crate) mod lsa;
pub(crate) mod luhn;
mod pagerank;
pub(crate) mod priors;
pub(crate) mod sumbasic;
pub(crate) mod textrank;

use crate::config::Config;
use crate::corpus::Corpus;
use crate::graph::SimilarityGraph;
use crate::ids::{IdVec, NodeId};

/// What a scorer may look at.
pub(crate) struct ScoreInput<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) graph: &'a SimilarityGraph,
    pub(crate) config: &'a Config,
}

/// A salience method: one non-negative score per graph node (candidate sentence).
pub(crate) trait Scorer {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64>;

    /// Whether it reads how many terms neighbours share
    /// ([`SimilarityGraph::shared_terms`]), which the graph then has to keep.
    fn reads_shared_terms(&self) -> bool {
        false
    }
}

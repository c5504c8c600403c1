//! Salience: how central each candidate sentence is to the cluster, by the
//! configured method, then combined with the priors that matter for news.
//!
//! Every method is one [`Scorer`]; adding a method is adding one file here.

mod centroid;
mod lead;
mod lexrank;
mod lsa;
mod luhn;
mod pagerank;
pub(crate) mod priors;
mod sumbasic;
mod textrank;

use crate::config::{Config, Method};
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
}

/// The scorer for `method`. Methods defined by their selection (coverage,
/// KL-Sum) report centroid salience as their score.
pub(crate) fn scorer(method: Method) -> &'static dyn Scorer {
    match method {
        Method::TextRank => &textrank::TextRank,
        Method::LexRank => &lexrank::LexRank,
        Method::Centroid | Method::Coverage | Method::KlSum => &centroid::Centroid,
        Method::SumBasic => &sumbasic::SumBasic,
        Method::Luhn => &luhn::Luhn,
        Method::Lsa => &lsa::Lsa,
        Method::Lead => &lead::Lead,
    }
}

//! LexRank (Erkan & Radev 2004): PageRank over the tf-idf cosine graph. With a
//! threshold, sentences are linked when their cosine reaches it and every link
//! weighs the same; without one, every link weighs its cosine ("continuous
//! LexRank").

use super::pagerank::pagerank;
use super::{ScoreInput, Scorer};
use crate::ids::{IdVec, NodeId};

pub(crate) struct LexRank;

impl Scorer for LexRank {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let threshold = input.config.lexrank_threshold;
        pagerank(input.graph.len(), |i| {
            input.graph.edges(i).filter_map(move |e| match threshold {
                Some(t) => (e.cosine >= t && e.cosine > 0.0).then_some((e.node, 1.0)),
                None => (e.cosine > 0.0).then_some((e.node, e.cosine)),
            })
        })
    }
}

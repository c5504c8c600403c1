//! TextRank (Mihalcea & Tarau 2004): PageRank over a graph whose edge between two
//! sentences weighs the words they share, normalised by the logs of their lengths
//! so that long sentences do not win by size alone.

use super::pagerank::pagerank;
use super::{ScoreInput, Scorer};
use crate::ids::{IdVec, NodeId};

pub(crate) struct TextRank;

impl Scorer for TextRank {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let corpus = input.corpus;
        let length = corpus.candidates.map(|&s| (1.0 + corpus.sentences[s].term_count as f64).ln());
        let length = &length;
        pagerank(input.graph.len(), |i| {
            let li = length[i];
            let shared = input.graph.shared_terms(i);
            input.graph.edges(i).zip(shared).map(move |(e, &n)| (e.node, f64::from(n) / (li + length[e.node])))
        })
    }

    fn reads_shared_terms(&self) -> bool {
        true
    }
}

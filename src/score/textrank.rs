//! TextRank (Mihalcea & Tarau 2004): PageRank over a graph whose edge between two
//! sentences weighs the words they share, normalised by the logs of their lengths
//! so that long sentences do not win by size alone.

use super::pagerank::pagerank;
use super::{ScoreInput, Scorer};

pub(crate) struct TextRank;

impl Scorer for TextRank {
    fn salience(&self, input: &ScoreInput<'_>) -> Vec<f64> {
        let length: Vec<f64> =
            input.corpus.candidates.iter().map(|&s| (1.0 + input.corpus.sentences[s].term_count as f64).ln()).collect();
        let length = &length;
        pagerank(input.graph.len(), |i| {
            let li = length[i];
            input.graph.edges(i).map(move |e| (e.node, f64::from(e.shared_terms) / (li + length[e.node])))
        })
    }
}

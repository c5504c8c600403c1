//! What every greedy selector shares: the candidates still open, what each costs
//! against the budget, and the rule that taking a sentence closes its
//! near-duplicates.

use super::{is_near_duplicate, Allowance};
use crate::config::Config;
use crate::corpus::{Corpus, Document};
use crate::ids::{IdVec, NodeId};

pub(crate) struct Pool<'a> {
    corpus: &'a Corpus,
    open: IdVec<NodeId, bool>,
    costs: IdVec<NodeId, usize>,
    remaining: usize,
    duplicate_threshold: f64,
}

impl<'a> Pool<'a> {
    pub(crate) fn new(corpus: &'a Corpus, documents: &[Document], config: &Config) -> Self {
        let allowance = Allowance::new(config.budget, corpus.total_words);
        let costs = corpus.candidates.map(|&s| {
            let sentence = &corpus.sentences[s];
            allowance.cost(&documents[sentence.doc].text[sentence.start..sentence.end], sentence.words)
        });
        Pool {
            corpus,
            open: IdVec::filled(true, corpus.candidates.len()),
            costs,
            remaining: allowance.limit(),
            duplicate_threshold: config.duplicate_threshold,
        }
    }

    /// What taking `node` would spend.
    pub(crate) fn cost(&self, node: NodeId) -> usize {
        self.costs[node]
    }

    /// The open node that still fits with the highest `value` (the first on ties),
    /// closing on the way those that no longer fit: the budget only shrinks.
    pub(crate) fn best(&mut self, mut value: impl FnMut(NodeId) -> f64) -> Option<NodeId> {
        let mut best: Option<(NodeId, f64)> = None;
        for node in self.open.ids() {
            if !self.open[node] {
                continue;
            }
            if self.costs[node] > self.remaining {
                self.open[node] = false;
                continue;
            }
            let v = value(node);
            if best.is_none_or(|(_, b)| v > b) {
                best = Some((node, v));
            }
        }
        best.map(|(node, _)| node)
    }

    /// Takes `node`: spends its cost and closes it and its near-duplicates.
    /// `similar(open_node, cosine)` is called for every node still open.
    pub(crate) fn take(&mut self, node: NodeId, mut similar: impl FnMut(NodeId, f64)) {
        self.open[node] = false;
        self.remaining -= self.costs[node];
        let taken = &self.corpus.candidate(node).vector;
        for other in self.open.ids() {
            if !self.open[other] {
                continue;
            }
            let vector = &self.corpus.candidate(other).vector;
            let cosine = taken.dot(vector);
            if is_near_duplicate(taken, vector, cosine, self.duplicate_threshold) {
                self.open[other] = false;
            } else {
                similar(other, cosine);
            }
        }
    }
}

//! Priors that matter for news, and how they combine with salience into the final
//! score of each candidate sentence.

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::corpus::Corpus;
use crate::graph::SimilarityGraph;
use crate::ids::{IdVec, NodeId};

/// Two sentences from different documents that reach this cosine say the same
/// thing, for the support prior.
const SUPPORT_COSINE: f64 = 0.3;

/// The parts a sentence's score is made of, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreComponents {
    /// The method's salience, divided by the highest in the cluster.
    pub salience: f64,
    /// `1 / sqrt(1 + p)` for the p-th candidate sentence of its document: news puts
    /// what matters first.
    pub position: f64,
    /// `min(1, words / min_words)`: short fragments say little.
    pub length: f64,
    /// Share of the other documents with a sentence similar to this one.
    pub support: f64,
    /// Cosine to the query, expanded by its best-matching sentences; 0 without a query.
    #[serde(default)]
    pub relevance: f64,
    /// One minus the highest cosine to a sentence of the seen documents; 1 when
    /// nothing was seen.
    #[serde(default = "one")]
    pub novelty: f64,
}

fn one() -> f64 {
    1.0
}

impl Default for ScoreComponents {
    fn default() -> Self {
        ScoreComponents { salience: 0.0, position: 0.0, length: 0.0, support: 0.0, relevance: 0.0, novelty: 1.0 }
    }
}

impl ScoreComponents {
    /// The final score: the salience and the priors mixed by their weights, damped
    /// by length; with a query, mixed with relevance by `query_weight` (the priors
    /// faded); scaled by novelty (1, so no change, when nothing was seen).
    pub(crate) fn combine(&self, config: &Config, query: bool) -> f64 {
        if !query {
            return self.generic(config.position_weight, config.support_weight) * self.novelty;
        }
        // A query asks about something other than the story's lede: the news
        // priors fade by (1 - query_weight)^2 (DUC 2006: 8.33 generic, 8.79 with
        // relevance mixed in, 9.75 with the priors faded; docs/experiments.md).
        let fade = (1.0 - config.query_weight).powi(2);
        let generic = self.generic(config.position_weight * fade, config.support_weight * fade);
        ((1.0 - config.query_weight) * generic + config.query_weight * self.length * self.relevance) * self.novelty
    }

    fn generic(&self, position_weight: f64, support_weight: f64) -> f64 {
        let salience_weight = 1.0 - position_weight - support_weight;
        self.length
            * (salience_weight * self.salience + position_weight * self.position + support_weight * self.support)
    }
}

/// Components for every graph node, given the method's raw salience.
pub(crate) fn components(
    corpus: &Corpus,
    graph: &SimilarityGraph,
    salience: &IdVec<NodeId, f64>,
    config: &Config,
) -> IdVec<NodeId, ScoreComponents> {
    let highest = salience.iter().copied().fold(0.0, f64::max);
    let other_documents = corpus.documents.saturating_sub(1);
    let mut supporting: Vec<usize> = Vec::new();
    corpus
        .candidates
        .iter_enumerated()
        .map(|(node, &s)| {
            let sentence = &corpus.sentences[s];
            supporting.clear();
            for edge in graph.edges(node).filter(|e| e.cosine >= SUPPORT_COSINE) {
                let doc = corpus.candidate(edge.node).doc;
                if doc != sentence.doc && !supporting.contains(&doc) {
                    supporting.push(doc);
                }
            }
            ScoreComponents {
                salience: if highest > 0.0 { salience[node] / highest } else { 0.0 },
                position: 1.0 / (1.0 + sentence.candidate_position as f64).sqrt(),
                length: (sentence.words as f64 / config.min_words.max(1) as f64).min(1.0),
                support: if other_documents == 0 { 0.0 } else { supporting.len() as f64 / other_documents as f64 },
                relevance: 0.0,
                novelty: 1.0,
            }
        })
        .collect()
}

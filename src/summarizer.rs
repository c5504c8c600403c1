//! The pipeline: documents → corpus → graph → scores → selection → summary.

use rayon::prelude::*;

use crate::config::{Config, Order};
use crate::corpus::{Corpus, Document};
use crate::error::{Error, Result};
use crate::graph::SimilarityGraph;
use crate::ids::{Id, IdVec, NodeId, SentenceId};
use crate::score::priors::{self, ScoreComponents};
use crate::score::ScoreInput;
use crate::select;
use crate::summary::{RankedSentence, Ranking, Similarity, Summary, SummarySentence};

/// Summarises clusters of documents with one validated [`Config`].
///
/// Cheap to clone, immutable, `Send + Sync`: share one across threads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summarizer {
    config: Config,
}

/// A cluster taken through scoring, before selection.
struct Scored {
    corpus: Corpus,
    graph: SimilarityGraph,
    components: IdVec<NodeId, ScoreComponents>,
    scores: IdVec<NodeId, f64>,
}

impl Summarizer {
    /// A summariser for `config`, or the first invalid value in it.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Summarizer { config })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The summary of one cluster. An empty cluster, or one with nothing worth
    /// choosing, gives an empty summary.
    pub fn summarize(&self, documents: &[Document]) -> Result<Summary> {
        let scored = self.score(documents)?;
        let mut chosen = select::select(&scored.corpus, &scored.graph, documents, &scored.scores, &self.config);
        match self.config.order {
            Order::Source => chosen.sort_unstable_by_key(|&node| scored.corpus.candidates[node]),
            // Stable: equal scores keep the order selection took them in.
            Order::Score => chosen.sort_by(|&a, &b| scored.scores[b].total_cmp(&scored.scores[a])),
        }
        let sentences = chosen
            .into_iter()
            .map(|node| {
                let sentence = scored.corpus.candidates[node];
                sentence_record(&scored.corpus, documents, sentence, scored.scores[node], scored.components[node])
            })
            .collect();
        Ok(Summary {
            sentences,
            method: self.config.method,
            documents: documents.len(),
            total_sentences: scored.corpus.sentences.len(),
            total_words: scored.corpus.total_words,
        })
    }

    /// Every sentence of the cluster with its score and, for those that may never
    /// be chosen, the reason; plus the similarity graph among candidates.
    pub fn rank(&self, documents: &[Document]) -> Result<Ranking> {
        let scored = self.score(documents)?;
        let corpus = &scored.corpus;
        let mut node_of: IdVec<SentenceId, Option<NodeId>> = IdVec::filled(None, corpus.sentences.len());
        for (node, &sentence) in corpus.candidates.iter_enumerated() {
            node_of[sentence] = Some(node);
        }
        let sentences = corpus
            .sentences
            .ids()
            .map(|id| {
                let (score, components) = match node_of[id] {
                    Some(node) => (scored.scores[node], scored.components[node]),
                    None => (0.0, ScoreComponents::default()),
                };
                RankedSentence {
                    sentence: sentence_record(corpus, documents, id, score, components),
                    exclusion: corpus.sentences[id].exclusion,
                }
            })
            .collect();
        // The public ranking numbers sentences in cluster order: SentenceId's.
        let mut similarities = Vec::new();
        for node in scored.graph.nodes() {
            for edge in scored.graph.edges(node).filter(|e| e.node > node && e.cosine > 0.0) {
                similarities.push(Similarity {
                    a: corpus.candidates[node].index(),
                    b: corpus.candidates[edge.node].index(),
                    cosine: edge.cosine,
                });
            }
        }
        Ok(Ranking { sentences, similarities })
    }

    /// Summaries of many clusters, in parallel on rayon's thread pool; results in
    /// input order, each identical to what [`summarize`](Self::summarize) gives.
    pub fn summarize_many<C>(&self, clusters: &[C]) -> Vec<Result<Summary>>
    where
        C: AsRef<[Document]> + Sync,
    {
        clusters.par_iter().map(|cluster| self.summarize(cluster.as_ref())).collect()
    }

    fn score(&self, documents: &[Document]) -> Result<Scored> {
        let size: usize = documents.iter().map(|d| d.text.len()).sum();
        if size > self.config.max_input_bytes {
            return Err(Error::InputTooLarge { size, limit: self.config.max_input_bytes });
        }
        let corpus = Corpus::build(documents, &self.config);
        let graph = SimilarityGraph::build(&corpus);
        let input = ScoreInput { corpus: &corpus, graph: &graph, config: &self.config };
        let salience = self.config.method.scorer().salience(&input);
        let components = priors::components(&corpus, &graph, &salience, &self.config);
        let scores = components.map(|c| c.combine(&self.config));
        Ok(Scored { corpus, graph, components, scores })
    }
}

fn sentence_record(
    corpus: &Corpus,
    documents: &[Document],
    id: SentenceId,
    score: f64,
    components: ScoreComponents,
) -> SummarySentence {
    let sentence = &corpus.sentences[id];
    let document = &documents[sentence.doc];
    SummarySentence {
        doc: sentence.doc,
        doc_id: document.id.clone(),
        index: sentence.index,
        start: sentence.start,
        end: sentence.end,
        text: document.text[sentence.start..sentence.end].to_owned(),
        score,
        components,
    }
}

//! The pipeline: documents → corpus → graph → scores → selection → summary.

use rayon::prelude::*;

use crate::clean::Exclusion;
use crate::config::{Config, Method, Order};
use crate::corpus::{Corpus, Document};
use crate::embed::{self, Embeddings, SentenceEmbeddings};
use crate::error::{Error, Result};
use crate::focus::{self, Cluster, Focus};
use crate::graph::SimilarityGraph;
use crate::ids::{Id, IdVec, NodeId, SentenceId};
use crate::score::priors::{self, ScoreComponents};
use crate::score::ScoreInput;
use crate::select::{self, Allowance};
use crate::summary::{RankedSentence, Ranking, Similarity, Summary, SummarySentence};
use crate::tokens::{CountTokens, CustomTokenizer, Tokenizer};

/// Summarises clusters of documents with one validated [`Config`].
///
/// Cheap to clone, immutable, `Send + Sync`: share one across threads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summarizer {
    config: Config,
    /// A token counter of the caller's own, used instead of `config.tokenizer`.
    tokenizer: Option<CustomTokenizer>,
}

/// A cluster taken through scoring, before selection.
struct Scored {
    /// The method that ran (`auto` resolved).
    method: Method,
    corpus: Corpus,
    /// Candidates left out because they restate a seen document.
    restated: usize,
    graph: SimilarityGraph,
    components: IdVec<NodeId, ScoreComponents>,
    scores: IdVec<NodeId, f64>,
    /// The caller's sentence embeddings, scaled, if given.
    embeddings: Option<SentenceEmbeddings>,
}

impl Summarizer {
    /// A summariser for `config`, or the first invalid value in it.
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        Ok(Summarizer { config, tokenizer: None })
    }

    /// This summariser counting a token budget ([`Budget::Tokens`](crate::Budget::Tokens))
    /// with `count` instead of an OpenAI encoding: the tokens of a text, or why
    /// they could not be counted (the summary then fails with
    /// [`Error::Tokenizer`]). `summarize_many` calls it from several threads at
    /// once; it should give the same count for the same text. `config.tokenizer`
    /// is then unused.
    ///
    /// ```
    /// use polysum::{Budget, Config, Document, Summarizer};
    ///
    /// let words = |text: &str| Ok(text.split_whitespace().count());
    /// let config = Config { budget: Budget::Tokens(12), ..Config::default() };
    /// let summarizer = Summarizer::new(config)?.with_tokenizer(words);
    /// let cluster = [Document::new("a", "The council approved the tram line on Monday. \
    ///     Work starts in spring and will cost forty million euros in all.")];
    /// let summary = summarizer.summarize(&cluster)?;
    /// assert!(summary.tokens.unwrap() <= 12);
    /// # Ok::<(), polysum::Error>(())
    /// ```
    pub fn with_tokenizer(
        mut self,
        count: impl Fn(&str) -> std::result::Result<usize, String> + Send + Sync + 'static,
    ) -> Self {
        let count: std::sync::Arc<CountTokens> = std::sync::Arc::new(count);
        self.tokenizer = Some(CustomTokenizer(count));
        self
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn token_counter(&self) -> Tokenizer<'_> {
        match &self.tokenizer {
            Some(custom) => Tokenizer::Custom(&*custom.0),
            None => Tokenizer::Encoding(self.config.tokenizer),
        }
    }

    /// The summary of one cluster. An empty cluster, or one with nothing worth
    /// choosing, gives an empty summary.
    pub fn summarize(&self, documents: &[Document]) -> Result<Summary> {
        self.summarize_focused(documents, &Focus::default())
    }

    /// The summary of one cluster about a query, or about what is new since the
    /// seen documents (see [`Focus`]). With neither it is [`summarize`](Self::summarize).
    pub fn summarize_focused(&self, documents: &[Document], focus: &Focus<'_>) -> Result<Summary> {
        self.summarize_embedded(documents, focus, None)
    }

    /// [`summarize_focused`](Self::summarize_focused) with sentence embeddings of
    /// the caller's own (see [`Embeddings`] for which sentences, in which order):
    /// two candidates whose embeddings' cosine reaches
    /// [`Config::embedding_threshold`] tell the same fact and only one may be
    /// chosen, in every method; MMR's redundancy penalty takes the higher of the
    /// tf-idf and the embedding cosine. With [`Embeddings::Model`] and seen
    /// documents, a candidate at the threshold to a seen sentence is left out as
    /// seen. Scores do not use the embeddings (beyond the candidates left out as
    /// seen), and [`rank`](Self::rank) takes none.
    ///
    /// Rows of the wrong number or width, values that are not finite, and a model
    /// that fails are [`Error::Embeddings`], saying what was expected.
    ///
    /// ```
    /// use ndarray::Array2;
    /// use polysum::{Config, Document, Embeddings, Focus, Summarizer};
    ///
    /// let cluster = [
    ///     Document::new("a", "Washington expressed strong displeasure about the trip, American officials said."),
    ///     Document::new("b", "The United States has criticized this visit by the Kremlin leader to Hanoi."),
    /// ];
    /// let summarizer = Summarizer::new(Config::default())?;
    /// assert_eq!(summarizer.summarize(&cluster)?.sentences.len(), 2);
    /// // A model of one's own: here, one that finds every sentence about the same.
    /// let model = |sentences: &[&str]| Ok(Array2::<f32>::ones((sentences.len(), 4)));
    /// let summary = summarizer.summarize_with_embeddings(&cluster, &Focus::default(), &Embeddings::Model(&model))?;
    /// assert_eq!(summary.sentences.len(), 1);
    /// # Ok::<(), polysum::Error>(())
    /// ```
    pub fn summarize_with_embeddings(
        &self,
        documents: &[Document],
        focus: &Focus<'_>,
        embeddings: &Embeddings<'_>,
    ) -> Result<Summary> {
        self.summarize_embedded(documents, focus, Some(embeddings))
    }

    fn summarize_embedded(
        &self,
        documents: &[Document],
        focus: &Focus<'_>,
        embeddings: Option<&Embeddings<'_>>,
    ) -> Result<Summary> {
        let scored = self.score(documents, focus, embeddings)?;
        let allowance = Allowance::new(self.config.budget, scored.corpus.total_words);
        let tokenizer = self.token_counter();
        let mut taken = select::select(
            &scored.corpus,
            &scored.graph,
            documents,
            &scored.scores,
            scored.method.selector(),
            &self.config,
            allowance,
            tokenizer,
            scored.embeddings.as_ref(),
        )?;
        let mut chosen = taken.clone();
        match self.config.order {
            Order::Source => chosen.sort_unstable_by_key(|&node| scored.corpus.candidates[node]),
            // Stable: equal scores keep the order selection took them in.
            Order::Score => {
                chosen.sort_by(|&a, &b| scored.scores[b].total_cmp(&scored.scores[a]));
                chosen = followers_after_antecedents(&scored.corpus, &chosen);
            }
        }
        let tokens = if allowance.counts_tokens() {
            let corpus = &scored.corpus;
            let text = |node: NodeId| {
                let sentence = &corpus.sentences[corpus.candidates[node]];
                &documents[sentence.doc].text[sentence.start..sentence.end]
            };
            Some(select::fit_tokens(allowance.limit(), tokenizer, &mut taken, &mut chosen, text)?)
        } else {
            None
        };
        let ids: Vec<SentenceId> = chosen.iter().map(|&node| scored.corpus.candidates[node]).collect();
        let offsets = char_offsets(&scored.corpus, documents, &ids);
        let sentences: Vec<SummarySentence> = chosen
            .iter()
            .zip(&ids)
            .zip(offsets)
            .map(|((&node, &id), chars)| {
                let place = Place::of(&scored.corpus, id, chars);
                sentence_record(documents, place, scored.scores[node], scored.components[node])
            })
            .collect();
        let (query_terms, notes) = notes(&scored, focus);
        Ok(Summary {
            words: sentences.iter().map(|s| crate::text::word_count(&s.text)).sum(),
            tokens,
            sentences,
            method: scored.method,
            documents: documents.len(),
            cluster_sentences: scored.corpus.sentences.iter().filter(|s| s.doc < documents.len()).count(),
            cluster_words: scored.corpus.total_words,
            query: focus.query.map(str::to_owned),
            query_terms,
            seen_documents: focus.seen.len(),
            notes,
        })
    }

    /// Every sentence of the cluster with its score and, for those that may never
    /// be chosen, the reason; plus the similarity graph among candidates.
    pub fn rank(&self, documents: &[Document]) -> Result<Ranking> {
        self.rank_focused(documents, &Focus::default())
    }

    /// [`rank`](Self::rank) about a query or what is new (see [`Focus`]): the seen
    /// documents' own sentences are not listed, and those of the cluster that
    /// restate them are excluded as [`Exclusion::Seen`](crate::Exclusion::Seen).
    pub fn rank_focused(&self, documents: &[Document], focus: &Focus<'_>) -> Result<Ranking> {
        let Scored { corpus, graph, components, scores, .. } = self.score(documents, focus, None)?;
        // The public ranking numbers sentences in cluster order: SentenceId's.
        let mut similarities = Vec::new();
        for node in graph.nodes() {
            for edge in graph.edges(node).filter(|e| e.node > node && e.cosine > 0.0) {
                similarities.push(Similarity {
                    a: corpus.candidates[node].index(),
                    b: corpus.candidates[edge.node].index(),
                    cosine: edge.cosine,
                });
            }
        }
        drop(graph);
        // A ranking lists every sentence, and a megabyte of one-word sentences is
        // 333,000 of them: what the records need is taken out and the corpus
        // dropped before they are made, so that the two never hold memory at once
        // (fresh memory, not the work, made `rank` grow faster than its input).
        let places: Vec<(Place, Option<Exclusion>, Option<NodeId>)> = {
            let own: Vec<SentenceId> =
                corpus.sentences.ids().filter(|&id| corpus.sentences[id].doc < documents.len()).collect();
            let offsets = char_offsets(&corpus, documents, &own);
            // Candidates are in cluster order too: one walk pairs them with their nodes.
            let mut nodes = corpus.candidates.iter_enumerated().peekable();
            own.iter()
                .zip(offsets)
                .map(|(&id, chars)| {
                    let node = nodes.next_if(|&(_, &candidate)| candidate == id).map(|(node, _)| node);
                    (Place::of(&corpus, id, chars), corpus.sentences[id].exclusion, node)
                })
                .collect()
        };
        drop(corpus);
        let sentences = places
            .into_iter()
            .map(|(place, exclusion, node)| {
                let (score, components) = match node {
                    Some(node) => (scores[node], components[node]),
                    None => (0.0, ScoreComponents::default()),
                };
                RankedSentence { sentence: sentence_record(documents, place, score, components), exclusion }
            })
            .collect();
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

    /// Summaries of many clusters, each with its own query and seen documents, in
    /// parallel; results in input order, each identical to
    /// [`summarize_focused`](Self::summarize_focused).
    pub fn summarize_clusters(&self, clusters: &[Cluster]) -> Vec<Result<Summary>> {
        clusters.par_iter().map(|cluster| self.summarize_focused(&cluster.documents, &cluster.focus())).collect()
    }

    fn score(&self, documents: &[Document], focus: &Focus<'_>, embeddings: Option<&Embeddings<'_>>) -> Result<Scored> {
        let size: usize = documents.iter().chain(focus.seen).map(|d| d.text.len()).sum();
        if size > self.config.max_input_bytes {
            return Err(Error::InputTooLarge { size, limit: self.config.max_input_bytes });
        }
        let mut corpus = Corpus::build(documents, focus.seen, focus.query, &self.config);
        // What the reader has seen: sentences that restate it leave the candidates
        // before the graph is built; the others keep their novelty.
        // Without seen documents nothing is computed (the generic path stays as it was).
        let overlap = (!focus.seen.is_empty()).then(|| focus::seen_overlap(&corpus));
        let embedded = match embeddings {
            Some(given) => Some(embed::cluster_rows(&corpus, documents, given, self.config.embedding_threshold)?),
            None => None,
        };
        // A seen sentence's fact in other words, by a model's embeddings.
        let embedded_seen = match (embeddings, &embedded) {
            (Some(given), Some(rows)) if !focus.seen.is_empty() => {
                Some(embed::restating_seen(&corpus, focus.seen, given, rows)?)
            }
            _ => None,
        };
        let before = corpus.candidates.len();
        if let Some(overlap) = &overlap {
            let threshold = self.config.duplicate_threshold;
            let same_fact = self.config.same_fact.unwrap_or(f64::INFINITY);
            let restates = |id: SentenceId| {
                overlap.cosine[id] >= threshold
                    || overlap.words[id] >= same_fact
                    || embedded_seen.as_ref().is_some_and(|by_embedding| by_embedding[id])
            };
            for id in corpus.sentences.ids().filter(|&id| restates(id)) {
                if corpus.sentences[id].exclusion.is_none() && corpus.sentences[id].doc < documents.len() {
                    corpus.sentences[id].exclusion = Some(Exclusion::Seen);
                }
            }
            let sentences = &corpus.sentences;
            corpus.candidates =
                corpus.candidates.iter().copied().filter(|&id| sentences[id].exclusion.is_none()).collect();
        }
        let restated = before - corpus.candidates.len();
        let query = corpus.query.as_ref().filter(|q| !q.vector.terms.is_empty());
        let method = self.config.method.resolve(query.is_some());
        let graph = SimilarityGraph::build(&corpus, method.scorer().reads_shared_terms());
        let input = ScoreInput { corpus: &corpus, graph: &graph, config: &self.config };
        let salience = method.scorer().salience(&input);
        let mut components = priors::components(&corpus, &graph, &salience, &self.config);
        if let Some(query) = query {
            let relevance = focus::relevance(&corpus, &query.vector);
            for (component, r) in components.iter_mut().zip(relevance.iter()) {
                component.relevance = *r;
            }
        }
        if let Some(overlap) = &overlap {
            for (component, &id) in components.iter_mut().zip(corpus.candidates.iter()) {
                component.novelty = 1.0 - overlap.cosine[id];
            }
        }
        let focused = query.is_some();
        let scores = components.map(|c| c.combine(&self.config, focused));
        Ok(Scored { method, corpus, restated, graph, components, scores, embeddings: embedded })
    }
}

/// `chosen` with every sentence that leans on the one before it moved to right
/// after that one (selection takes it only together with it), the rest in order.
fn followers_after_antecedents(corpus: &Corpus, chosen: &[NodeId]) -> Vec<NodeId> {
    let mut taken: Vec<NodeId> = chosen.to_vec();
    taken.sort_unstable();
    let leans_on_previous =
        |node: NodeId| node.index() > 0 && corpus.candidate(node).leans_back && taken.binary_search(&node).is_ok();
    let mut ordered = Vec::with_capacity(chosen.len());
    for &node in chosen {
        if leans_on_previous(node) && taken.binary_search(&NodeId::new(node.index() - 1)).is_ok() {
            continue;
        }
        ordered.push(node);
        let mut next = NodeId::new(node.index() + 1);
        while next.index() < corpus.candidates.len() && leans_on_previous(next) {
            ordered.push(next);
            next = NodeId::new(next.index() + 1);
        }
    }
    ordered
}

/// What the reader should know about a focused summary, and how many of the
/// query's content words the cluster has.
fn notes(scored: &Scored, focus: &Focus<'_>) -> (usize, Vec<String>) {
    let mut notes = Vec::new();
    let mut query_terms = 0;
    if let Some(query) = &scored.corpus.query {
        query_terms = query.vector.terms.len();
        if query.content_words == 0 {
            notes.push("the query has no content word (only stop words and words that ask, such as 'describe' or 'what', or none): this is the generic summary".into());
        } else if query_terms == 0 {
            notes.push("no word of the query occurs in the cluster: this is the generic summary".into());
        }
    }
    if !focus.seen.is_empty() {
        if scored.corpus.candidates.is_empty() && scored.restated > 0 {
            notes.push(format!(
                "every candidate sentence ({}) restates the seen documents: nothing new to tell",
                scored.restated
            ));
        } else if scored.restated > 0 {
            notes.push(format!("{} sentences left out as already told by the seen documents", scored.restated));
        }
    }
    (query_terms, notes)
}

/// The character offsets `(start, end)` of each of `ids`' sentences in its
/// document, each document's text walked once (and not at all when it is ASCII).
fn char_offsets(corpus: &Corpus, documents: &[Document], ids: &[SentenceId]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| (corpus.sentences[ids[i]].doc, corpus.sentences[ids[i]].start));
    let mut offsets = vec![(0, 0); ids.len()];
    // (document, byte position reached, characters before it, document is ASCII)
    let mut walk: Option<(usize, usize, usize, bool)> = None;
    for i in order {
        let sentence = &corpus.sentences[ids[i]];
        let text = &documents[sentence.doc].text;
        if walk.is_none_or(|(doc, ..)| doc != sentence.doc) {
            walk = Some((sentence.doc, 0, 0, text.is_ascii()));
        }
        let (_, byte, chars, ascii) = walk.as_mut().expect("set just above");
        let mut at = |target: usize| {
            if *ascii {
                return target;
            }
            if target < *byte {
                (*byte, *chars) = (0, 0);
            }
            *chars += text[*byte..target].chars().count();
            *byte = target;
            *chars
        };
        let start = at(sentence.start);
        let end = at(sentence.end);
        offsets[i] = (start, end);
    }
    offsets
}

/// Where a sentence stands: all its record takes from the corpus.
struct Place {
    doc: usize,
    index: usize,
    /// Byte and character spans in its document.
    bytes: (usize, usize),
    chars: (usize, usize),
}

impl Place {
    fn of(corpus: &Corpus, id: SentenceId, chars: (usize, usize)) -> Place {
        let sentence = &corpus.sentences[id];
        Place { doc: sentence.doc, index: sentence.index, bytes: (sentence.start, sentence.end), chars }
    }
}

fn sentence_record(documents: &[Document], place: Place, score: f64, components: ScoreComponents) -> SummarySentence {
    let document = &documents[place.doc];
    let ((start, end), (byte_start, byte_end)) = (place.chars, place.bytes);
    SummarySentence {
        doc: place.doc,
        doc_id: document.id.clone(),
        index: place.index,
        start,
        end,
        byte_start,
        byte_end,
        text: document.text[byte_start..byte_end].to_owned(),
        score,
        components,
    }
}

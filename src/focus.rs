//! Focused summaries: about a query, and about what is new since the documents a
//! reader has already seen.
//!
//! A query pulls sentences by *relevance*, the cosine between a sentence and the
//! query expanded by pseudo-relevance feedback (Rocchio 1971): the query's own
//! words are few, and the sentences that match it best bring the words the
//! cluster uses for the same thing. Seen documents push sentences away by
//! *novelty*, one minus the highest cosine to a seen sentence: a sentence that
//! restates one (at the near-duplicate threshold) is left out altogether.

mod asking;

use crate::corpus::{Corpus, Document, SparseVector};

use crate::ids::{IdVec, NodeId, SentenceId};
pub(crate) use asking::is_asking;

/// What a summary is for beyond the cluster itself: a question or topic to answer,
/// and documents the reader has already read.
///
/// ```
/// use polysum::{Config, Document, Focus, Summarizer};
///
/// let cluster = [
///     Document::new("a", "The council approved the tram line on Monday. Fares will rise by ten percent next year."),
///     Document::new("b", "The tram line was approved on Monday. Shop owners on Main Street fear a year of roadworks."),
/// ];
/// let summarizer = Summarizer::new(Config::default())?;
/// let summary = summarizer.summarize_focused(&cluster, &Focus { query: Some("What happens to fares?"), ..Focus::default() })?;
/// assert!(summary.sentences[0].text.contains("Fares"));
/// assert!(summary.sentences[0].components.relevance > 0.0);
/// # Ok::<(), polysum::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Focus<'a> {
    /// A question, a topic title with a description, or a few keywords, in the
    /// cluster's language. One without a content word gives the generic summary.
    pub query: Option<&'a str>,
    /// Documents the reader has read: the summary tells what they do not.
    pub seen: &'a [Document],
}

impl Focus<'_> {
    /// Whether the focus changes nothing: no query, nothing seen.
    pub fn is_generic(&self) -> bool {
        self.query.is_none() && self.seen.is_empty()
    }
}

/// A cluster with its own focus, owned: what batches carry (a JSON line, a
/// Python dict `{"docs", "query", "seen"}`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cluster {
    /// The documents to summarise.
    pub documents: Vec<Document>,
    /// The query, if any (see [`Focus::query`]).
    pub query: Option<String>,
    /// Documents the reader has seen (see [`Focus::seen`]).
    pub seen: Vec<Document>,
}

impl Cluster {
    /// The cluster's focus.
    pub fn focus(&self) -> Focus<'_> {
        Focus { query: self.query.as_deref(), seen: &self.seen }
    }
}

impl From<Vec<Document>> for Cluster {
    fn from(documents: Vec<Document>) -> Self {
        Cluster { documents, ..Cluster::default() }
    }
}

/// Sentences whose cosine to the query is among this many highest expand it.
const FEEDBACK_SENTENCES: usize = 8;
/// Weight of the feedback sentences' centroid against the query itself (both unit).
const FEEDBACK_WEIGHT: f64 = 0.5;
/// Terms in more seen sentences than this are left out of the novelty sums, as
/// the similarity graph leaves out its most common terms: their idf is the lowest,
/// and comparing every pair through them would make the work quadratic.
const MAX_SEEN_POSTINGS: usize = 2_000;

/// Relevance of every candidate to the query, in [0, 1], by cosine to the query
/// expanded with its best-matching sentences.
pub(crate) fn relevance(corpus: &Corpus, query: &SparseVector) -> IdVec<NodeId, f64> {
    let mut dense = vec![0.0f64; corpus.vocabulary_size];
    add(&mut dense, query, 1.0);
    let first: IdVec<NodeId, f64> = corpus.candidates.map(|&s| dot(&dense, &corpus.sentences[s].vector));
    let mut best: Vec<(NodeId, f64)> =
        first.iter_enumerated().filter(|(_, &r)| r > 0.0).map(|(n, &r)| (n, r)).collect();
    if best.is_empty() {
        return first;
    }
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    best.truncate(FEEDBACK_SENTENCES);
    let mut centroid = vec![0.0f64; corpus.vocabulary_size];
    for &(node, _) in &best {
        add(&mut centroid, &corpus.candidate(node).vector, 1.0);
    }
    let norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
    for (d, c) in dense.iter_mut().zip(&centroid) {
        *d += FEEDBACK_WEIGHT * c / norm;
    }
    let norm = dense.iter().map(|w| w * w).sum::<f64>().sqrt();
    corpus.candidates.map(|&s| (dot(&dense, &corpus.sentences[s].vector) / norm).clamp(0.0, 1.0))
}

/// How close each sentence of the cluster's own documents comes to the seen
/// documents (0 where nothing was seen).
pub(crate) struct SeenOverlap {
    /// The highest tf-idf cosine to a seen sentence.
    pub(crate) cosine: IdVec<SentenceId, f64>,
    /// The highest overlap of term sets with a seen sentence, every term counted
    /// once: the same fact in other words (see `select::is_near_duplicate`).
    pub(crate) words: IdVec<SentenceId, f64>,
}

/// For every sentence of the cluster's own documents, its overlap with the seen
/// documents.
pub(crate) fn seen_overlap(corpus: &Corpus) -> SeenOverlap {
    let mut overlap: IdVec<SentenceId, f64> = IdVec::filled(0.0, corpus.sentences.len());
    let mut words: IdVec<SentenceId, f64> = IdVec::filled(0.0, corpus.sentences.len());
    let seen: Vec<SentenceId> =
        corpus.sentences.ids().filter(|&id| corpus.sentences[id].doc >= corpus.documents).collect();
    if seen.is_empty() {
        return SeenOverlap { cosine: overlap, words };
    }
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); corpus.vocabulary_size];
    for (k, &id) in seen.iter().enumerate() {
        let vector = &corpus.sentences[id].vector;
        for (term, weight) in vector.terms.iter().zip(&vector.weights) {
            postings[*term as usize].push((k as u32, *weight));
        }
    }
    let mut dot = vec![0.0f32; seen.len()];
    let mut shared = vec![0u32; seen.len()];
    let mut touched: Vec<u32> = Vec::new();
    for id in corpus.sentences.ids().filter(|&id| corpus.sentences[id].doc < corpus.documents) {
        let vector = &corpus.sentences[id].vector;
        for (term, weight) in vector.terms.iter().zip(&vector.weights) {
            let list = &postings[*term as usize];
            if list.len() > MAX_SEEN_POSTINGS {
                continue;
            }
            for &(k, other) in list {
                if shared[k as usize] == 0 {
                    touched.push(k);
                }
                shared[k as usize] += 1;
                dot[k as usize] += weight * other;
            }
        }
        let highest = touched.iter().map(|&k| dot[k as usize]).fold(0.0f32, f32::max);
        overlap[id] = f64::from(highest.min(1.0));
        words[id] = touched
            .iter()
            .map(|&k| {
                let other = corpus.sentences[seen[k as usize]].vector.terms.len();
                crate::select::set_cosine(shared[k as usize] as usize, vector.terms.len(), other)
            })
            .fold(0.0, f64::max);
        for &k in &touched {
            dot[k as usize] = 0.0;
            shared[k as usize] = 0;
        }
        touched.clear();
    }
    SeenOverlap { cosine: overlap, words }
}

fn add(dense: &mut [f64], vector: &SparseVector, scale: f64) {
    for (term, weight) in vector.terms.iter().zip(&vector.weights) {
        dense[*term as usize] += scale * f64::from(*weight);
    }
}

fn dot(dense: &[f64], vector: &SparseVector) -> f64 {
    vector.terms.iter().zip(&vector.weights).map(|(term, weight)| dense[*term as usize] * f64::from(*weight)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn docs(texts: &[&str]) -> Vec<Document> {
        texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), *t)).collect()
    }

    #[test]
    fn relevance_follows_the_query_and_its_expansion() {
        let documents = docs(&[
            "Fares on the new tram line will rise by ten percent. Ticket prices worry commuters on the tram.",
            "Shop owners fear a year of roadworks on Main Street. The council approved the tram line on Monday.",
        ]);
        let corpus = Corpus::build(&documents, &[], Some("What will fares cost?"), &Config::default());
        let query = corpus.query.as_ref().unwrap();
        assert_eq!(query.content_words, 2);
        // Words that ask are not what the query is about.
        let asking =
            Corpus::build(&documents, &[], Some("Describe what the articles say about fares."), &Config::default());
        assert_eq!(asking.query.as_ref().unwrap().content_words, 1);
        let relevance = relevance(&corpus, &query.vector);
        let best = relevance.iter_enumerated().max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0;
        assert!(documents[0].text[corpus.candidate(best).start..].starts_with("Fares"));
        // Expansion: "ticket prices" shares no word with the query but with its best match.
        let tickets = corpus.candidates.iter_enumerated().find(|(_, &s)| corpus.sentences[s].index == 1).unwrap().0;
        assert!(relevance[tickets] > 0.0);
    }

    #[test]
    fn seen_sentences_are_context_not_candidates_and_measure_overlap() {
        let documents = docs(&["The council approved the tram line on Monday. Fares will rise next year."]);
        let seen = docs(&["On Monday the council approved the tram line."]);
        let corpus = Corpus::build(&documents, &seen, None, &Config::default());
        assert_eq!(corpus.documents, 1);
        assert!(corpus.candidates.iter().all(|&s| corpus.sentences[s].doc == 0));
        let overlap = seen_overlap(&corpus);
        let values: Vec<f64> = corpus.candidates.iter().map(|&s| overlap.cosine[s]).collect();
        assert!(values[0] > 0.9 && values[1] < 0.1, "{values:?}");
        let words: Vec<f64> = corpus.candidates.iter().map(|&s| overlap.words[s]).collect();
        assert!((words[0] - 1.0).abs() < 1e-9 && words[1] == 0.0, "{words:?}");
    }

    #[test]
    fn a_seen_fact_in_other_words_overlaps_by_words_more_than_by_cosine() {
        // The tram line is in every sentence, so idf discounts it; counted once
        // per word, the retelling still shares half its words with the seen one.
        let documents = docs(&[
            "The council backed the tram line plan at its Monday meeting. The tram line will cost more.",
            "Tram line fares will rise next year, the operator said.",
        ]);
        let seen = docs(&["The tram line plan was approved by the council."]);
        let corpus = Corpus::build(&documents, &seen, None, &Config::default());
        let overlap = seen_overlap(&corpus);
        let first = corpus.candidates.as_slice()[0];
        assert!(overlap.words[first] >= 0.45, "{}", overlap.words[first]);
        assert!(overlap.cosine[first] < overlap.words[first]);
    }
}

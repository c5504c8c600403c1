//! The cluster as polysum sees it: every sentence of every document with its
//! provenance, and a tf-idf vector per sentence over one vocabulary.
//!
//! Built in stages, each a module with plain data in and out:
//! [`analysis`] (a document → its sentences, spans, exclusions and words) →
//! [`vocabulary`] (words → term ids, bags of terms, document frequencies) →
//! [`weighting`] (idf, unit tf-idf [`SparseVector`]s).

mod analysis;
mod short_words;
mod sparse;
mod vocabulary;
mod weighting;

use serde::{Deserialize, Serialize};

use self::vocabulary::{TermCounts, Vocabulary};
use crate::clean::Exclusion;
use crate::config::{Config, Method};
use crate::ids::{IdVec, NodeId, SentenceId};

pub(crate) use self::sparse::SparseVector;

/// One document of a cluster: an identifier of the caller's choosing and its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Document {
    /// The caller's name for the document (a URL, a file name, an outlet).
    pub id: String,
    /// The full text.
    pub text: String,
}

impl Document {
    /// A document with the given id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document { id: id.into(), text: text.into() }
    }
}

/// One sentence of the cluster and what the pipeline knows about it.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Index of its document in the cluster.
    pub(crate) doc: usize,
    /// Its index among its document's sentences.
    pub(crate) index: usize,
    /// Byte span in its document, after any dateline.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) words: usize,
    /// How many terms (with repeats) it has: its length for TextRank.
    pub(crate) term_count: usize,
    /// Why it may not be chosen, if it may not.
    pub(crate) exclusion: Option<Exclusion>,
    /// Its position among its document's candidate sentences (0 for the first).
    pub(crate) candidate_position: usize,
    /// Whether it leans on the sentence before it in its document (see
    /// `clean::leans_back`).
    pub(crate) leans_back: bool,
    /// Unit-length tf-idf vector.
    pub(crate) vector: SparseVector,
    /// Raw counts of `vector.terms`, in the same order.
    pub(crate) counts: Vec<u32>,
    /// The sentence's terms in reading order, for Luhn (empty for other methods).
    pub(crate) sequence: Vec<u32>,
}

/// The analysed cluster.
#[derive(Debug)]
pub(crate) struct Corpus {
    pub(crate) sentences: IdVec<SentenceId, Sentence>,
    /// The sentences that may be chosen, in cluster order: the nodes of the
    /// similarity graph. A sentence is one if it is not excluded and has a term.
    pub(crate) candidates: IdVec<NodeId, SentenceId>,
    /// The cluster's own documents: their sentences come first, numbered `0..documents`;
    /// those of the seen documents follow and are never candidates.
    pub(crate) documents: usize,
    /// Words in the cluster's own documents.
    pub(crate) total_words: usize,
    pub(crate) vocabulary_size: usize,
    /// The query as a unit tf-idf vector over the cluster's terms, if one was given.
    pub(crate) query: Option<Query>,
}

/// A query read like a sentence of the cluster.
#[derive(Debug, Clone)]
pub(crate) struct Query {
    /// Unit tf-idf vector of the query's terms that occur in the cluster.
    pub(crate) vector: SparseVector,
    /// The query's content words (stop words left out), found in the cluster or not.
    pub(crate) content_words: usize,
}

impl Corpus {
    /// Analyses every document, reads its sentences' terms into one vocabulary and
    /// weighs them by tf-idf. The `seen` documents (what the reader has read) are
    /// analysed after them and count towards the idf, as context for what the story
    /// is about, but their sentences are never candidates; the query is read last
    /// (so the cluster's term ids do not depend on it) and weighed by the same idf.
    pub(crate) fn build<'a>(
        documents: &'a [Document],
        seen: &'a [Document],
        query: Option<&'a str>,
        config: &Config,
    ) -> Corpus {
        let mut vocabulary = Vocabulary::new(config.language, &config.stop_words, config.replace_stop_words);
        let mut sentences: IdVec<SentenceId, Sentence> = IdVec::default();
        // Every sentence's bag of terms, beside it: the weights need the idf, and
        // the idf needs the whole cluster's bags.
        let mut bags: Vec<TermCounts> = Vec::new();
        let mut terms: Vec<u32> = Vec::new();
        let in_order = matches!(config.method.resolve(query.is_some()), Method::Luhn | Method::Concepts);
        for (doc, document) in documents.iter().chain(seen).enumerate() {
            let analysed = analysis::analyse(&document.text, config);
            sentences.reserve(analysed.sentences.len());
            bags.reserve(analysed.sentences.len());
            for sentence in &analysed.sentences {
                let words = analysed.words(sentence);
                vocabulary.read(words, &mut terms);
                sentences.push(Sentence {
                    doc,
                    index: sentence.index,
                    start: sentence.start,
                    end: sentence.end,
                    words: sentence.word_count,
                    term_count: terms.len(),
                    exclusion: sentence.exclusion,
                    candidate_position: sentence.candidate_position,
                    leans_back: sentence.leans_back,
                    // Weighed below, once the idf is known.
                    vector: SparseVector::default(),
                    counts: Vec::new(),
                    // Only Luhn and concepts read the terms in order (`auto` runs
                    // concepts about a query); the others need the counts.
                    sequence: if in_order { terms.clone() } else { Vec::new() },
                });
                bags.push(TermCounts::of(&mut terms));
            }
        }
        let frequencies = vocabulary::document_frequencies(
            sentences.iter().map(|sentence| sentence.doc).zip(&bags),
            vocabulary.len(),
            config.idf,
            documents.len() + seen.len(),
        );
        let idf = weighting::inverse_document_frequency(&frequencies);
        for (sentence, bag) in sentences.iter_mut().zip(bags) {
            sentence.vector = weighting::unit_vector(bag.terms, &bag.counts, &idf);
            sentence.counts = bag.counts;
        }
        let query = query.map(|text| {
            let mut words = analysis::units(text, config.language);
            words.retain(|word| !crate::focus::is_asking(config.language, word));
            vocabulary.read(&words, &mut terms);
            let content_words = terms.len();
            // Terms no sentence has (read only now, so beyond the idf) match nothing.
            terms.retain(|&term| (term as usize) < idf.len());
            let bag = TermCounts::of(&mut terms);
            Query { vector: weighting::unit_vector(bag.terms, &bag.counts, &idf), content_words }
        });
        let own = documents.len();
        let candidates = sentences
            .iter_enumerated()
            .filter(|(_, s)| s.doc < own && s.exclusion.is_none() && !s.vector.terms.is_empty())
            .map(|(id, _)| id)
            .collect();
        Corpus {
            query,
            total_words: sentences.iter().filter(|s| s.doc < own).map(|s| s.words).sum(),
            sentences,
            candidates,
            documents: documents.len(),
            vocabulary_size: vocabulary.len(),
        }
    }

    /// The sentence at graph node `node`.
    pub(crate) fn candidate(&self, node: NodeId) -> &Sentence {
        &self.sentences[self.candidates[node]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::IdfScope;
    use crate::ids::Id;

    #[test]
    fn sentences_carry_provenance_and_unit_vectors() {
        let documents = [
            Document::new(
                "a",
                "Markets\n\nShares fell sharply on Monday in Tokyo trading. Bonds rallied strongly after the news.",
            ),
            Document::new("b", "LONDON (AP) _ Shares fell sharply on Monday in London trading too."),
        ];
        let corpus = Corpus::build(&documents, &[], None, &Config::default());
        let [heading, tokyo, bonds, london] = corpus.sentences.as_slice() else { panic!("{:?}", corpus.sentences) };
        assert_eq!(heading.exclusion, Some(Exclusion::Heading));
        assert_eq!(corpus.candidates.iter().map(|s| s.index()).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(corpus.candidate(NodeId::new(0)).start, tokyo.start);
        assert_eq!((london.doc, london.index), (1, 0));
        assert!(documents[1].text[london.start..london.end].starts_with("Shares fell"));
        assert_eq!(tokyo.candidate_position, 0);
        assert_eq!(bonds.candidate_position, 1);
        for sentence in &corpus.sentences {
            let norm: f64 = sentence.vector.dot(&sentence.vector);
            assert!((norm - 1.0).abs() < 1e-5);
        }
        let similar = tokyo.vector.dot(&london.vector);
        let different = tokyo.vector.dot(&bonds.vector);
        assert!(similar > 0.5 && different < 0.1, "{similar} {different}");
    }

    #[test]
    fn idf_scopes_differ() {
        let documents = [Document::new("a", "Rain fell hard today. Rain fell again.")];
        let sentences = Corpus::build(&documents, &[], None, &Config::default()).sentences;
        let by_documents =
            Corpus::build(&documents, &[], None, &Config { idf: IdfScope::Documents, ..Config::default() }).sentences;
        assert_ne!(sentences.as_slice()[0].vector, by_documents.as_slice()[0].vector);
    }
}

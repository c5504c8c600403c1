//! The cluster as polysum sees it: every sentence of every document with its
//! provenance, and a tf-idf vector per sentence over one vocabulary.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::clean::{self, Exclusion, Placement};
use crate::config::{Config, IdfScope, Method};
use crate::text::{segment, words, Analyzer};

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

/// A sparse vector: term ids in increasing order with their weights.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVector {
    pub(crate) terms: Vec<u32>,
    pub(crate) weights: Vec<f32>,
}

impl SparseVector {
    /// Index pairs `(i, j)` where `self.terms[i] == other.terms[j]`, by merging the
    /// two sorted term lists.
    fn matches<'a>(&'a self, other: &'a SparseVector) -> impl Iterator<Item = (usize, usize)> + 'a {
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < self.terms.len() && j < other.terms.len() {
                match self.terms[i].cmp(&other.terms[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        let pair = (i, j);
                        i += 1;
                        j += 1;
                        return Some(pair);
                    }
                }
            }
            None
        })
    }

    /// The dot product.
    pub(crate) fn dot(&self, other: &SparseVector) -> f64 {
        self.matches(other).map(|(i, j)| f64::from(self.weights[i]) * f64::from(other.weights[j])).sum()
    }

    /// How many terms the two vectors share.
    pub(crate) fn shared_terms(&self, other: &SparseVector) -> usize {
        self.matches(other).count()
    }

    fn normalize(&mut self) {
        let norm = self.weights.iter().map(|w| f64::from(*w).powi(2)).sum::<f64>().sqrt();
        if norm > 0.0 {
            for w in &mut self.weights {
                *w = (f64::from(*w) / norm) as f32;
            }
        }
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
    pub(crate) sentences: Vec<Sentence>,
    /// Indices into `sentences` of those that may be chosen, in cluster order.
    pub(crate) candidates: Vec<usize>,
    pub(crate) documents: usize,
    pub(crate) total_words: usize,
    pub(crate) vocabulary_size: usize,
}

impl Corpus {
    /// Segments and analyses every document and weighs the terms by tf-idf.
    pub(crate) fn build(documents: &[Document], config: &Config) -> Corpus {
        let analyzer = Analyzer::new(config.language);
        let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
        // Surface word -> term id (None for stop words). News repeats its words, so
        // most words are folded and stemmed once per cluster, not once per use.
        let mut known_words: FxHashMap<&str, Option<u32>> = FxHashMap::default();
        let mut sentences = Vec::new();
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut scratch: Vec<u32> = Vec::new();
        for (doc, document) in documents.iter().enumerate() {
            let text = document.text.as_str();
            let mut candidate_position = 0;
            let segments = segment(text, config.language);
            for (index, segment) in segments.iter().enumerate() {
                let placement = Placement::of(text, segment.start, segment.end);
                let mut start = segment.start;
                if placement.starts_line && config.filter_boilerplate {
                    start += clean::dateline_length(&text[start..segment.end]);
                }
                let sentence_text = &text[start..segment.end];
                scratch.clear();
                let mut word_count = 0;
                for (_, word) in words(sentence_text) {
                    word_count += 1;
                    let id = *known_words.entry(word).or_insert_with(|| {
                        let term = analyzer.term(word)?;
                        let next_id = vocabulary.len() as u32;
                        Some(*vocabulary.entry(term).or_insert(next_id))
                    });
                    scratch.extend(id);
                }
                let exclusion = if !config.filter_boilerplate {
                    None
                } else if index == 0 && clean::is_headline(text, &segments) {
                    Some(Exclusion::Heading)
                } else {
                    clean::classify(sentence_text, segment.terminated, &placement, word_count, config.min_words)
                };
                let term_count = scratch.len();
                // Only Luhn reads the terms in order; the others need the counts.
                let sequence = if config.method == Method::Luhn { scratch.clone() } else { Vec::new() };
                scratch.sort_unstable();
                let mut term_counts: Vec<(u32, u32)> = Vec::new();
                for &id in &scratch {
                    match term_counts.last_mut() {
                        Some((last, n)) if *last == id => *n += 1,
                        _ => term_counts.push((id, 1)),
                    }
                }
                counts.push(term_counts);
                sentences.push(Sentence {
                    doc,
                    index,
                    start,
                    end: segment.end,
                    words: word_count,
                    term_count,
                    exclusion,
                    candidate_position,
                    vector: SparseVector::default(),
                    counts: Vec::new(),
                    sequence,
                });
                if exclusion.is_none() {
                    candidate_position += 1;
                }
            }
        }
        let idf = inverse_document_frequency(&sentences, &counts, vocabulary.len(), config.idf, documents.len());
        for (sentence, term_counts) in sentences.iter_mut().zip(&counts) {
            let mut vector = SparseVector {
                terms: term_counts.iter().map(|(id, _)| *id).collect(),
                weights: term_counts.iter().map(|(id, n)| (f64::from(*n) * idf[*id as usize]) as f32).collect(),
            };
            vector.normalize();
            sentence.vector = vector;
            sentence.counts = term_counts.iter().map(|(_, n)| *n).collect();
        }
        let candidates = sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.exclusion.is_none() && !s.vector.terms.is_empty())
            .map(|(i, _)| i)
            .collect();
        Corpus {
            total_words: sentences.iter().map(|s| s.words).sum(),
            sentences,
            candidates,
            documents: documents.len(),
            vocabulary_size: vocabulary.len(),
        }
    }
}

/// Smoothed idf, `ln((1 + N) / (1 + df)) + 1`, so that a term in every unit still
/// weighs a little and none weighs zero.
fn inverse_document_frequency(
    sentences: &[Sentence],
    counts: &[Vec<(u32, u32)>],
    vocabulary_size: usize,
    scope: IdfScope,
    documents: usize,
) -> Vec<f64> {
    let mut df = vec![0u32; vocabulary_size];
    let units = match scope {
        IdfScope::Sentences => {
            for term_counts in counts {
                for (id, _) in term_counts {
                    df[*id as usize] += 1;
                }
            }
            sentences.len()
        }
        IdfScope::Documents => {
            let mut last_doc_seen = vec![usize::MAX; vocabulary_size];
            for (sentence, term_counts) in sentences.iter().zip(counts) {
                for (id, _) in term_counts {
                    if last_doc_seen[*id as usize] != sentence.doc {
                        last_doc_seen[*id as usize] = sentence.doc;
                        df[*id as usize] += 1;
                    }
                }
            }
            documents
        }
    };
    let n = units as f64;
    df.into_iter().map(|d| ((1.0 + n) / (1.0 + f64::from(d))).ln() + 1.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_carry_provenance_and_unit_vectors() {
        let documents = [
            Document::new(
                "a",
                "Markets\n\nShares fell sharply on Monday in Tokyo trading. Bonds rallied strongly after the news.",
            ),
            Document::new("b", "LONDON (AP) _ Shares fell sharply on Monday in London trading too."),
        ];
        let corpus = Corpus::build(&documents, &Config::default());
        assert_eq!(corpus.sentences.len(), 4);
        assert_eq!(corpus.sentences[0].exclusion, Some(Exclusion::Heading));
        assert_eq!(corpus.candidates, [1, 2, 3]);
        let dateline = &corpus.sentences[3];
        assert_eq!((dateline.doc, dateline.index), (1, 0));
        assert!(documents[1].text[dateline.start..dateline.end].starts_with("Shares fell"));
        assert_eq!(corpus.sentences[1].candidate_position, 0);
        assert_eq!(corpus.sentences[2].candidate_position, 1);
        for sentence in &corpus.sentences {
            let norm: f64 = sentence.vector.dot(&sentence.vector);
            assert!((norm - 1.0).abs() < 1e-5);
        }
        let similar = corpus.sentences[1].vector.dot(&corpus.sentences[3].vector);
        let different = corpus.sentences[1].vector.dot(&corpus.sentences[2].vector);
        assert!(similar > 0.5 && different < 0.1, "{similar} {different}");
    }

    #[test]
    fn idf_scopes_differ() {
        let documents = [Document::new("a", "Rain fell hard today. Rain fell again.")];
        let sentences = Corpus::build(&documents, &Config::default()).sentences;
        let by_documents =
            Corpus::build(&documents, &Config { idf: IdfScope::Documents, ..Config::default() }).sentences;
        assert_ne!(sentences[0].vector, by_documents[0].vector);
    }
}

//! The cluster's terms: each word turned into a term id (folded, stemmed, stop
//! words dropped), each sentence into counts of its terms, and how many sentences
//! or documents each term occurs in.
//!
//! Term ids are handed out in order of first occurrence in the cluster. That order
//! is part of the output: vectors list their terms by id and every similarity sum
//! runs in that order, so the floating-point results depend on it.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::IdfScope;
use crate::text::{Analyzer, Language};

/// Words to term ids, for one cluster.
pub(crate) struct Vocabulary<'a> {
    analyzer: Analyzer,
    /// Term -> id.
    terms: FxHashMap<String, u32>,
    /// Surface word -> term id (None for stop words). News repeats its words, so
    /// most words are folded and stemmed once per cluster, not once per use.
    known_words: FxHashMap<&'a str, Option<u32>>,
    /// The caller's own stop words, folded as words are.
    extra_stop_words: FxHashSet<String>,
    /// Whether the caller's stop words replace the language's.
    replace_stop_words: bool,
}

impl<'a> Vocabulary<'a> {
    /// An empty vocabulary for `language`, with `stop_words` of the caller's own
    /// added to the language's list (or, with `replace`, in its place).
    pub(crate) fn new(language: Language, stop_words: &[String], replace: bool) -> Self {
        let analyzer = Analyzer::new(language);
        Vocabulary {
            extra_stop_words: stop_words.iter().filter_map(|w| analyzer.folded(w)).collect(),
            replace_stop_words: replace,
            analyzer,
            terms: FxHashMap::default(),
            known_words: FxHashMap::default(),
        }
    }

    /// The term id of a word under the caller's own stop words: folded, checked
    /// against them (and the language's unless replaced), stemmed, interned.
    fn custom_term(&mut self, word: &str) -> Option<u32> {
        let folded = self.analyzer.folded(word)?;
        if self.extra_stop_words.contains(&folded) || (!self.replace_stop_words && self.analyzer.is_stop_word(&folded))
        {
            return None;
        }
        let term = self.analyzer.stem(folded);
        let next_id = self.terms.len() as u32;
        Some(*self.terms.entry(term).or_insert(next_id))
    }

    /// Makes room for the distinct words of `bytes` of text, so that the maps are
    /// not rebuilt as they grow: news has about one new word form per 35 bytes of a
    /// cluster (about 1,400 in a DUC cluster). Capped, as the count of new forms
    /// slows in long texts and a wrong guess costs one regrowth.
    pub(crate) fn reserve_for(&mut self, bytes: usize) {
        let words = (bytes / 35).min(1 << 16);
        self.known_words.reserve(words);
        self.terms.reserve(words);
    }

    /// How many distinct terms the cluster has so far: ids are below this.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// Replaces `terms` with the term ids of `words` in reading order, stop words
    /// left out.
    pub(crate) fn read(&mut self, words: &[&'a str], terms: &mut Vec<u32>) {
        terms.clear();
        for &word in words {
            let id = match self.known_words.get(word) {
                Some(&id) => id,
                None if self.replace_stop_words || !self.extra_stop_words.is_empty() => {
                    let id = self.custom_term(word);
                    self.known_words.insert(word, id);
                    id
                }
                None => {
                    // The term is borrowed from the analyser's cache: only a term new
                    // to the cluster is copied, into the vocabulary.
                    let vocabulary = &mut self.terms;
                    let id = self.analyzer.with_term(word, |term| {
                        let term = term?;
                        if let Some(&id) = vocabulary.get(term) {
                            return Some(id);
                        }
                        let next_id = vocabulary.len() as u32;
                        vocabulary.insert(term.to_owned(), next_id);
                        Some(next_id)
                    });
                    self.known_words.insert(word, id);
                    id
                }
            };
            terms.extend(id);
        }
    }
}

/// A sentence's terms as a bag: distinct term ids in increasing order, each with
/// how often it occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TermCounts {
    pub(crate) terms: Vec<u32>,
    pub(crate) counts: Vec<u32>,
}

impl TermCounts {
    /// Counts the terms of `sequence`, which is sorted in place.
    pub(crate) fn of(sequence: &mut [u32]) -> Self {
        sequence.sort_unstable();
        // Sized for every term up front: growing two vectors per sentence push by
        // push costs more than the few slots that repeated terms leave unused.
        let mut bag =
            TermCounts { terms: Vec::with_capacity(sequence.len()), counts: Vec::with_capacity(sequence.len()) };
        for run in sequence.chunk_by(|a, b| a == b) {
            bag.terms.push(run[0]);
            bag.counts.push(run.len() as u32);
        }
        bag
    }
}

/// In how many units of the idf scope each term occurs, and how many units there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocumentFrequencies {
    /// Indexed by term id.
    pub(crate) per_term: Vec<u32>,
    /// Sentences or documents in the cluster.
    pub(crate) units: usize,
}

/// Document frequencies over `scope`, from every sentence's bag with the index of
/// its document, in cluster order. `documents` is the cluster's document count
/// (a document may have no sentence).
pub(crate) fn document_frequencies<'b>(
    bags: impl Iterator<Item = (usize, &'b TermCounts)>,
    vocabulary_size: usize,
    scope: IdfScope,
    documents: usize,
) -> DocumentFrequencies {
    let mut per_term = vec![0u32; vocabulary_size];
    let units = match scope {
        IdfScope::Sentences => {
            let mut sentences = 0;
            for (_, bag) in bags {
                for &id in &bag.terms {
                    per_term[id as usize] += 1;
                }
                sentences += 1;
            }
            sentences
        }
        IdfScope::Documents => {
            // Sentences come document by document: a term is counted once per
            // document by remembering the last document it was seen in.
            let mut last_doc_seen = vec![usize::MAX; vocabulary_size];
            for (doc, bag) in bags {
                for &id in &bag.terms {
                    if last_doc_seen[id as usize] != doc {
                        last_doc_seen[id as usize] = doc;
                        per_term[id as usize] += 1;
                    }
                }
            }
            documents
        }
    };
    DocumentFrequencies { per_term, units }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_first_occurrence_and_words_share_stems() {
        let mut vocabulary = Vocabulary::new(Language::English, &[], false);
        let mut terms = Vec::new();
        vocabulary.read(&["Rates", "rose", "and", "rates"], &mut terms);
        assert_eq!(terms, [0, 1, 0]);
        vocabulary.read(&["rising", "rate"], &mut terms);
        assert_eq!(terms, [2, 0]);
        assert_eq!(vocabulary.len(), 3);
    }

    #[test]
    fn bags_count_sorted_terms() {
        let bag = TermCounts::of(&mut [3, 1, 3, 0, 3]);
        assert_eq!(bag, TermCounts { terms: vec![0, 1, 3], counts: vec![1, 1, 3] });
        assert_eq!(TermCounts::of(&mut []), TermCounts::default());
    }

    #[test]
    fn frequencies_count_units_of_the_scope() {
        let a = TermCounts::of(&mut [0, 1]);
        let b = TermCounts::of(&mut [1]);
        let c = TermCounts::of(&mut [1, 2]);
        let bags = [(0, &a), (0, &b), (1, &c)];
        let by_sentence = document_frequencies(bags.iter().copied(), 3, IdfScope::Sentences, 2);
        assert_eq!(by_sentence, DocumentFrequencies { per_term: vec![1, 3, 1], units: 3 });
        let by_document = document_frequencies(bags.iter().copied(), 3, IdfScope::Documents, 2);
        assert_eq!(by_document, DocumentFrequencies { per_term: vec![1, 2, 1], units: 2 });
    }
}

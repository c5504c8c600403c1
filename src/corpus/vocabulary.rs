//! The cluster's terms: each word turned into a term id (folded, stemmed, stop
//! words dropped), each sentence into counts of its terms, and how many sentences
//! or documents each term occurs in.
//!
//! Term ids are handed out in order of first occurrence in the cluster. That order
//! is part of the output: vectors list their terms by id and every similarity sum
//! runs in that order, so the floating-point results depend on it.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::short_words::{ShortWord, ShortWords};
use crate::config::IdfScope;
use crate::text::analyze::LONGEST_STEMMED;
use crate::text::{Analyzer, Language};

/// A thread's lexicon starts over, at the start of a cluster, once it remembers
/// this many words or this many bytes of words and terms (about 10 MB at most, plus
/// what one cluster adds: a cluster only ever adds its own distinct words).
const LEXICON_WORDS: usize = 100_000;
const LEXICON_BYTES: usize = 4 << 20;

/// Marks a lexicon id the current cluster has not met.
const NOT_IN_CLUSTER: u32 = u32::MAX;

/// What a thread remembers of one language's words between clusters: each surface
/// word's term as an id that stays the same from cluster to cluster. Stemming was
/// most of the cost of analysis, and a cluster that mapped words to terms and terms
/// to its own ids through maps of strings built afresh spent about a seventh of its
/// instructions there; with the lexicon a word costs one lookup of its string and
/// one of an array.
#[derive(Default)]
struct Lexicon {
    /// Surface word -> its term's id, or None for a stop word: words of up to
    /// [`SHORT`](super::short_words::SHORT) bytes (most words) in `short`, under
    /// their bytes held in the key itself; the longer ones in `long`. Words over
    /// `LONGEST_STEMMED` bytes are not kept.
    short: ShortWords,
    long: FxHashMap<Box<str>, Option<u32>>,
    /// Term -> id; ids count up from 0.
    ids: FxHashMap<Box<str>, u32>,
    /// Bytes of the surface words and terms remembered (short words included,
    /// though their table holds them in fixed 16-byte keys).
    bytes: usize,
    /// Id -> the current cluster's id of the term, or `NOT_IN_CLUSTER`. All
    /// `NOT_IN_CLUSTER` between clusters: the vocabulary resets the ids it set.
    cluster_ids: Vec<u32>,
}

thread_local! {
    /// The lexicon of each language, by its place in [`Language::ALL`]; batches
    /// summarise cluster after cluster in one language. A vocabulary takes its
    /// language's lexicon for the cluster and gives it back when dropped, so a
    /// second vocabulary alive on the thread starts from an empty one.
    static LEXICONS: RefCell<Vec<Lexicon>> = const { RefCell::new(Vec::new()) };
}

impl Lexicon {
    /// The thread's lexicon of the language at `slot`, emptied if it has grown
    /// past its bounds.
    fn take(slot: usize) -> Lexicon {
        let lexicon = LEXICONS.with_borrow_mut(|lexicons| lexicons.get_mut(slot).map(std::mem::take));
        match lexicon {
            Some(lexicon) if lexicon.words() < LEXICON_WORDS && lexicon.bytes < LEXICON_BYTES => lexicon,
            _ => Lexicon::default(),
        }
    }

    /// Keeps the lexicon for the thread's next cluster in its language.
    fn give_back(self, slot: usize) {
        LEXICONS.with_borrow_mut(|lexicons| {
            if lexicons.len() <= slot {
                lexicons.resize_with(Language::ALL.len(), Lexicon::default);
            }
            lexicons[slot] = self;
        });
    }

    /// The id of `term`, given a new one if it is new.
    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.cluster_ids.len() as u32;
        self.ids.insert(term.into(), id);
        self.bytes += term.len();
        self.cluster_ids.push(NOT_IN_CLUSTER);
        id
    }

    /// How many surface words it remembers.
    fn words(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The id of the term of `word`, whose key is `short` if it is short, or None
    /// for a stop word, the word analysed the first time it is met.
    fn id(&mut self, analyzer: &Analyzer, word: &str, short: Option<ShortWord>) -> Option<u32> {
        let known = match short {
            Some(key) => self.short.get(key),
            None => self.long.get(word).copied(),
        };
        if let Some(id) = known {
            return id;
        }
        let id = analyzer.term(word).map(|term| self.intern(&term));
        if let Some(key) = short {
            self.short.insert(key, id);
        } else if word.len() <= LONGEST_STEMMED {
            self.long.insert(word.into(), id);
        } else {
            return id;
        }
        self.bytes += word.len();
        id
    }
}

/// Words to term ids, for one cluster.
pub(crate) struct Vocabulary<'a> {
    analyzer: Analyzer,
    /// The language's place in [`Language::ALL`]: its lexicon's slot.
    slot: usize,
    lexicon: Lexicon,
    /// The cluster's term ids -> their lexicon ids: the cluster's terms in order of
    /// first occurrence.
    lexicon_ids: Vec<u32>,
    /// With stop words of the caller's own, surface word -> the cluster's term id
    /// (None for stop words): the lexicon knows only the language's stop words.
    custom_words: FxHashMap<&'a str, Option<u32>>,
    /// The caller's own stop words, folded as words are.
    extra_stop_words: FxHashSet<String>,
    /// Whether the caller's stop words replace the language's.
    replace_stop_words: bool,
    /// The keys of the sentence being read, of its short words.
    keys: Vec<Option<ShortWord>>,
}

impl<'a> Vocabulary<'a> {
    /// An empty vocabulary for `language`, with `stop_words` of the caller's own
    /// added to the language's list (or, with `replace`, in its place).
    pub(crate) fn new(language: Language, stop_words: &[String], replace: bool) -> Self {
        let analyzer = Analyzer::new(language);
        let slot =
            Language::ALL.iter().position(|l| *l == language).expect("every Language is listed in Language::ALL");
        Vocabulary {
            extra_stop_words: stop_words.iter().filter_map(|w| analyzer.folded(w)).collect(),
            replace_stop_words: replace,
            analyzer,
            slot,
            lexicon: Lexicon::take(slot),
            lexicon_ids: Vec::new(),
            custom_words: FxHashMap::default(),
            keys: Vec::new(),
        }
    }

    /// The cluster's id of the term with lexicon id `id`, given the next one if the
    /// cluster has not had the term before.
    fn cluster_id(&mut self, id: u32) -> u32 {
        let cluster_id = &mut self.lexicon.cluster_ids[id as usize];
        if *cluster_id == NOT_IN_CLUSTER {
            *cluster_id = self.lexicon_ids.len() as u32;
            self.lexicon_ids.push(id);
        }
        *cluster_id
    }

    /// The cluster's term id of a word under the caller's own stop words: folded,
    /// checked against them (and the language's unless replaced), stemmed.
    fn custom_term(&mut self, word: &'a str) -> Option<u32> {
        if let Some(&id) = self.custom_words.get(word) {
            return id;
        }
        let id = self.analyzer.folded(word).and_then(|folded| {
            let stop = self.extra_stop_words.contains(&folded)
                || (!self.replace_stop_words && self.analyzer.is_stop_word(&folded));
            (!stop).then(|| {
                let id = self.lexicon.intern(&self.analyzer.stem(folded));
                self.cluster_id(id)
            })
        });
        self.custom_words.insert(word, id);
        id
    }

    /// How many distinct terms the cluster has so far: ids are below this.
    pub(crate) fn len(&self) -> usize {
        self.lexicon_ids.len()
    }

    /// Replaces `terms` with the term ids of `words` in reading order, stop words
    /// left out.
    pub(crate) fn read(&mut self, words: &[&'a str], terms: &mut Vec<u32>) {
        terms.clear();
        if self.replace_stop_words || !self.extra_stop_words.is_empty() {
            for &word in words {
                terms.extend(self.custom_term(word));
            }
            return;
        }
        // Every short word's slot is fetched before any is looked up: the rarer
        // words' cache misses then overlap instead of coming one after another.
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys.extend(words.iter().map(|word| ShortWord::of(word)));
        for &key in keys.iter().flatten() {
            self.lexicon.short.prefetch(key);
        }
        for (&word, &key) in words.iter().zip(&keys) {
            let id = self.lexicon.id(&self.analyzer, word, key).map(|id| self.cluster_id(id));
            terms.extend(id);
        }
        self.keys = keys;
    }
}

impl Drop for Vocabulary<'_> {
    /// Gives the lexicon back to the thread with no term marked as the cluster's.
    fn drop(&mut self) {
        let mut lexicon = std::mem::take(&mut self.lexicon);
        for &id in &self.lexicon_ids {
            lexicon.cluster_ids[id as usize] = NOT_IN_CLUSTER;
        }
        lexicon.give_back(self.slot);
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
    fn short_and_long_words_are_remembered_apart() {
        // Fifteen bytes are a short word, sixteen a long one.
        let words = ["zzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzz", "zz", "zzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzz"];
        let mut terms = Vec::new();
        for _ in 0..2 {
            let mut vocabulary = Vocabulary::new(Language::English, &[], false);
            vocabulary.read(&words, &mut terms);
            assert_eq!(terms, [0, 1, 2, 0, 1]);
        }
    }

    #[test]
    fn every_cluster_numbers_its_own_terms_from_zero() {
        let mut terms = Vec::new();
        let mut first = Vocabulary::new(Language::English, &[], false);
        first.read(&["rates", "rose"], &mut terms);
        {
            // A second vocabulary alive at once works from its own lexicon.
            let mut nested = Vocabulary::new(Language::English, &[], false);
            nested.read(&["rose", "sharply"], &mut terms);
            assert_eq!(terms, [0, 1]);
        }
        first.read(&["sharply", "rates"], &mut terms);
        assert_eq!(terms, [2, 0]);
        drop(first);
        let mut next = Vocabulary::new(Language::English, &[], false);
        next.read(&["sharply", "rising", "rates"], &mut terms);
        assert_eq!(terms, [0, 1, 2]);
        assert_eq!(next.len(), 3);
    }

    #[test]
    fn the_callers_stop_words_are_dropped_too() {
        let mut terms = Vec::new();
        let mut vocabulary = Vocabulary::new(Language::English, &["Rates".to_owned()], false);
        vocabulary.read(&["rates", "rose", "and", "Rose"], &mut terms);
        assert_eq!(terms, [0, 0]);
        let mut replaced = Vocabulary::new(Language::English, &["rates".to_owned()], true);
        replaced.read(&["rates", "and", "rose"], &mut terms);
        assert_eq!(terms, [0, 1]);
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

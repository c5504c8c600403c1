//! From a sentence to its index terms: words, case-folded, without stop words,
//! stemmed.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::language::{Language, LanguageData};
use super::tokenize::words;

/// Words a thread remembers the terms of before it starts over: about 10 MB.
const CACHED_WORDS: usize = 100_000;

/// Words longer than this (in bytes) are kept folded but not stemmed, nor
/// cached: no word of any language is this long (the longest German compounds are
/// under 100 bytes), and Snowball stemmers take time quadratic in a word's length,
/// so a megabyte of junk without spaces would take them seconds.
const LONGEST_STEMMED: usize = 128;

/// Surface word -> its term, or None for a stop word; one map per language,
/// indexed by the language's place in [`Language::ALL`]. Keyed by `Box<str>`
/// rather than by (language, word) so that a lookup borrows the word as `&str`:
/// a hit allocates nothing.
type TermCache = Vec<FxHashMap<Box<str>, Option<Box<str>>>>;

thread_local! {
    /// Surface word -> term, per language: batch jobs summarise cluster after
    /// cluster in one language, and stemming is most of the cost of analysis.
    static TERMS: RefCell<TermCache> = const { RefCell::new(Vec::new()) };
}

/// Turns text into the terms polysum compares sentences by.
///
/// Each word is lower-cased, its apostrophes unified (’ and ' are one letter), and
/// dropped if it is a stop word or has no letter or digit; what remains is stemmed
/// with the language's Snowball stemmer.
#[derive(Clone, Copy)]
pub struct Analyzer {
    /// The language's place in [`Language::ALL`]: its slot in the term cache.
    slot: usize,
    data: &'static LanguageData,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").finish_non_exhaustive()
    }
}

impl Analyzer {
    /// The analyser for `language`.
    pub fn new(language: Language) -> Self {
        let slot =
            Language::ALL.iter().position(|l| *l == language).expect("every Language is listed in Language::ALL");
        Analyzer { slot, data: LanguageData::get(language) }
    }

    /// The term of one word: `None` for a stop word or a word without letters or
    /// digits.
    pub fn term(&self, word: &str) -> Option<String> {
        self.with_term(word, |term| term.map(str::to_owned))
    }

    /// Calls `f` with the term of `word` (as [`term`](Self::term) gives it) and
    /// returns what `f` returns. A word seen before is looked up by reference, so
    /// the vocabulary turns it into a term id without any allocation. `f` must not
    /// analyse words itself: it runs while the thread's cache is borrowed.
    pub(crate) fn with_term<R>(&self, word: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
        if word.len() > LONGEST_STEMMED {
            return f(self.fold(word).as_deref());
        }
        TERMS.with_borrow_mut(|cache| {
            if cache.len() <= self.slot {
                cache.resize_with(Language::ALL.len(), FxHashMap::default);
            }
            let terms = &mut cache[self.slot];
            if let Some(term) = terms.get(word) {
                return f(term.as_deref());
            }
            let term = self.fold_and_stem(word).map(String::into_boxed_str);
            if terms.len() >= CACHED_WORDS {
                terms.clear();
            }
            let result = f(term.as_deref());
            terms.insert(Box::from(word), term);
            result
        })
    }

    fn fold_and_stem(&self, word: &str) -> Option<String> {
        let folded = self.fold(word)?;
        Some(match &self.data.stemmer {
            Some(stemmer) => stemmer.stem(&folded).into_owned(),
            None => folded,
        })
    }

    /// The word lower-cased, apostrophes unified and trimmed; `None` for a stop word.
    fn fold(&self, word: &str) -> Option<String> {
        self.folded(word).filter(|folded| !self.data.stopwords.contains(folded.as_str()))
    }

    /// Whether `folded` (as [`folded`](Self::folded) gives it) is one of the
    /// language's stop words.
    pub(crate) fn is_stop_word(&self, folded: &str) -> bool {
        self.data.stopwords.contains(folded)
    }

    /// The term of a folded word, stop words not consulted (words over
    /// `LONGEST_STEMMED` bytes stay unstemmed). Not cached: for the rare analyses
    /// with stop words of the caller's own.
    pub(crate) fn stem(&self, folded: String) -> String {
        match &self.data.stemmer {
            Some(stemmer) if folded.len() <= LONGEST_STEMMED => stemmer.stem(&folded).into_owned(),
            _ => folded,
        }
    }

    /// The word lower-cased, apostrophes unified and trimmed; `None` when nothing
    /// is left.
    pub(crate) fn folded(&self, word: &str) -> Option<String> {
        let folded = if word.is_ascii() {
            // ASCII letters lower-case to themselves in Unicode too, and of the
            // apostrophes only '`' is ASCII: a byte loop gives the same string as
            // the char loop below without its per-char case-mapping lookups.
            let mut folded = word.to_ascii_lowercase();
            if folded.contains('`') {
                folded = folded.replace('`', "'");
            }
            folded
        } else {
            let mut folded = String::with_capacity(word.len());
            for c in word.chars() {
                match c {
                    '’' | 'ʼ' | '`' => folded.push('\''),
                    _ => folded.extend(c.to_lowercase()),
                }
            }
            folded
        };
        let trimmed = folded.trim_end_matches("'s").trim_matches('\'');
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.len() == folded.len() {
            return Some(folded);
        }
        Some(trimmed.to_owned())
    }

    /// The terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text).filter_map(|(_, word)| self.term(word)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_drops_stopwords_and_stems() {
        let analyzer = Analyzer::new(Language::English);
        assert_eq!(analyzer.terms("The Ministers were meeting in Hanoi"), ["minist", "meet", "hanoi"]);
    }

    #[test]
    fn quote_styles_give_the_same_terms() {
        let analyzer = Analyzer::new(Language::English);
        assert_eq!(
            analyzer.terms("Vietnam’s “bamboo diplomacy” — isn’t it?"),
            analyzer.terms("Vietnam's \"bamboo diplomacy\" -- isn't it?")
        );
        assert_eq!(analyzer.terms("Vietnam’s"), ["vietnam"]);
    }

    #[test]
    fn giant_words_are_folded_but_not_stemmed() {
        let analyzer = Analyzer::new(Language::English);
        let giant = "Meetings".repeat(100);
        assert_eq!(analyzer.terms(&giant), [giant.to_lowercase()]);
        assert_eq!(analyzer.terms("Meetings"), ["meet"]);
    }

    #[test]
    fn other_languages_use_their_own_stemmer_and_stopwords() {
        let analyzer = Analyzer::new(Language::German);
        assert_eq!(analyzer.terms("Die Häuser und die Straßen"), ["haus", "strass"]);
        let czech = Analyzer::new(Language::Czech);
        assert_eq!(czech.terms("Vláda a parlament se shodli"), ["vláda", "parlament", "shodli"]);
    }
}

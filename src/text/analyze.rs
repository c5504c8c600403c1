//! From a sentence to its index terms: words, case-folded, without stop words,
//! stemmed.

use super::language::{Language, LanguageData};
use super::tokenize::words;

/// Words longer than this (in bytes) are kept folded but not stemmed, nor
/// remembered between clusters: no word of any language is this long (the longest
/// German compounds are under 100 bytes), and Snowball stemmers take time quadratic
/// in a word's length, so a megabyte of junk without spaces would take them seconds.
pub(crate) const LONGEST_STEMMED: usize = 128;

/// Turns text into the terms polysum compares sentences by.
///
/// Each word is lower-cased, its apostrophes unified (’ and ' are one letter), and
/// dropped if it is a stop word or has no letter or digit; what remains is stemmed
/// with the language's Snowball stemmer.
#[derive(Clone, Copy)]
pub struct Analyzer {
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
        Analyzer { data: LanguageData::get(language) }
    }

    /// The term of one word: `None` for a stop word or a word without letters or
    /// digits. Not cached: the summariser remembers the terms of the words it has
    /// read per thread (`corpus::vocabulary`).
    pub fn term(&self, word: &str) -> Option<String> {
        if word.len() > LONGEST_STEMMED {
            return self.fold(word);
        }
        self.fold_and_stem(word)
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

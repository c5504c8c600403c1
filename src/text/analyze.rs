//! From a sentence to its index terms: words, case-folded, without stop words,
//! stemmed.

use super::language::{Language, LanguageData};
use super::tokenize::words;

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

    /// Calls `emit` with each term of `text`, in order.
    pub fn for_each_term(&self, text: &str, mut emit: impl FnMut(&str)) {
        let mut folded = String::new();
        for (_, word) in words(text) {
            folded.clear();
            for c in word.chars() {
                match c {
                    '’' | 'ʼ' | '`' => folded.push('\''),
                    _ => folded.extend(c.to_lowercase()),
                }
            }
            let word = folded.trim_end_matches("'s").trim_matches('\'');
            if word.is_empty() || self.data.stopwords.contains(word) {
                continue;
            }
            emit(&self.data.stemmer.stem(word));
        }
    }

    /// The terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        self.for_each_term(text, |term| terms.push(term.to_owned()));
        terms
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
    fn other_languages_use_their_own_stemmer_and_stopwords() {
        let analyzer = Analyzer::new(Language::German);
        assert_eq!(analyzer.terms("Die Häuser und die Straßen"), ["haus", "strass"]);
    }
}

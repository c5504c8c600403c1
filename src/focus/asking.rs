//! Words that ask rather than say what about: "Discuss", "Describe", "What did
//! the articles say about ...". A query is read like a sentence of the cluster,
//! and these words would pull sentences that happen to hold them ("said" is in
//! every quotation) towards the top; they are left out of the query before it
//! is read. Listed per language in `asking/<language>.txt`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use crate::text::Language;

/// The lists of the languages that have one.
const SOURCES: &[(Language, &str)] = &[
    (Language::English, include_str!("asking/english.txt")),
    (Language::French, include_str!("asking/french.txt")),
    (Language::German, include_str!("asking/german.txt")),
    (Language::Spanish, include_str!("asking/spanish.txt")),
];

fn parse(source: &str) -> HashSet<&str> {
    source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect()
}

/// Whether `word` (as the tokenizer gives it) only asks, in `language`.
/// Languages without a list have no such words.
pub(crate) fn is_asking(language: Language, word: &str) -> bool {
    static PARSED: OnceLock<Vec<(Language, HashSet<&'static str>)>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| SOURCES.iter().map(|&(l, source)| (l, parse(source))).collect());
    let Some((_, words)) = parsed.iter().find(|(l, _)| *l == language) else { return false };
    if word.bytes().all(|b| !b.is_ascii_uppercase()) && word.is_ascii() {
        return words.contains(word);
    }
    words.contains(word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_and_question_words_ask() {
        for word in ["Discuss", "describe", "What", "say", "articles"] {
            assert!(is_asking(Language::English, word), "{word}");
        }
        for word in ["sanctions", "visit", "Vietnam"] {
            assert!(!is_asking(Language::English, word), "{word}");
        }
        assert!(!is_asking(Language::German, "Discuss"));
        assert!(is_asking(Language::German, "Beschreibe") && !is_asking(Language::German, "Klimaschutzgesetz"));
        assert!(is_asking(Language::French, "Décrivez") && is_asking(Language::Spanish, "Qué"));
        assert!(!is_asking(Language::Italian, "descrivi"));
    }
}

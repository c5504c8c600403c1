//! Word tokens by Unicode word boundaries (UAX #29).

use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` (runs of letters, digits and joiners such as the apostrophe
/// in "don't"; punctuation and spaces are dropped), with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

/// How many words `text` has, as budgets and length priors count them.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_punctuation_and_keep_offsets() {
        let text = "Putin’s “full support” — 3.5bn, U.S.-led!";
        let found: Vec<(usize, &str)> = words(text).collect();
        let tokens: Vec<&str> = found.iter().map(|(_, w)| *w).collect();
        assert_eq!(tokens, ["Putin’s", "full", "support", "3.5bn", "U.S", "led"]);
        for (offset, word) in found {
            assert_eq!(&text[offset..offset + word.len()], word);
        }
        assert_eq!(word_count(text), 6);
        assert_eq!(word_count("  ...  "), 0);
    }
}

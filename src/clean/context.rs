//! Sentences that lean on the one before them.
//!
//! "This piece was published in Nhan Dan" or "However, the talks stalled" only
//! make sense after the sentence they point back to. Such a sentence is marked
//! here by its opening words (a pronoun, a demonstrative or a connective, listed
//! per language in `context/<language>.txt`); selection then shows it only right
//! after that sentence (`src/select/pool.rs`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::text::Language;

/// The opening lists of the languages that have one.
const SOURCES: &[(Language, &str)] = &[
    (Language::Dutch, include_str!("context/dutch.txt")),
    (Language::English, include_str!("context/english.txt")),
    (Language::French, include_str!("context/french.txt")),
    (Language::German, include_str!("context/german.txt")),
    (Language::Italian, include_str!("context/italian.txt")),
    (Language::Portuguese, include_str!("context/portuguese.txt")),
    (Language::Spanish, include_str!("context/spanish.txt")),
];

/// One language's openings, keyed by their first word: (words, points back).
#[derive(Debug, Default)]
struct Openings {
    by_first_word: HashMap<String, Vec<(Vec<String>, bool)>>,
}

impl Openings {
    fn parse(source: &str) -> Openings {
        let mut openings = Openings::default();
        let mut leans = true;
        for line in source.lines().map(str::trim) {
            match line {
                "" => {}
                _ if line.starts_with('#') => {}
                "[openers]" => leans = true,
                "[except]" => leans = false,
                _ => {
                    let words: Vec<String> = line.split(' ').map(str::to_owned).collect();
                    openings.by_first_word.entry(words[0].clone()).or_default().push((words, leans));
                }
            }
        }
        // The longest opening decides: "it is unclear" over "it".
        for entries in openings.by_first_word.values_mut() {
            entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        openings
    }

    /// Whether a sentence whose first words are `words` leans back.
    fn leans_back(&self, words: &[&str]) -> bool {
        let Some(first) = words.first() else { return false };
        let Some(entries) = self.by_first_word.get(&fold(first)) else { return false };
        // Entries are longest first: fold the words they need once, not per entry.
        let longest = entries.first().map_or(0, |(opening, _)| opening.len()).min(words.len());
        let folded: Vec<String> = words[..longest].iter().map(|w| fold(w)).collect();
        entries
            .iter()
            .find(|(opening, _)| opening.len() <= folded.len() && opening[..] == folded[..opening.len()])
            .is_some_and(|&(_, leans)| leans)
    }
}

/// Lower case, with the typographic apostrophe as the typewriter one.
fn fold(word: &str) -> String {
    // ASCII lower-cases to the same string either way, without the case tables,
    // and has no typographic apostrophe: one allocation instead of two.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.to_lowercase().replace('\u{2019}', "'")
}

fn openings(language: Language) -> Option<&'static Openings> {
    static PARSED: OnceLock<Vec<(Language, Openings)>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| SOURCES.iter().map(|&(l, source)| (l, Openings::parse(source))).collect());
    parsed.iter().find(|(l, _)| *l == language).map(|(_, openings)| openings)
}

/// Whether a sentence of `language` whose words are `words` opens by pointing back
/// to the sentence before it. Languages without a list never do.
pub(crate) fn leans_back(language: Language, words: &[&str]) -> bool {
    openings(language).is_some_and(|openings| openings.leans_back(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn leans(language: Language, sentence: &str) -> bool {
        let words: Vec<&str> = words(sentence).map(|(_, w)| w).collect();
        leans_back(language, &words)
    }

    #[test]
    fn pronouns_demonstratives_and_connectives_lean_back() {
        for sentence in [
            "This piece was published in the Nhan Dan.",
            "His visit comes at a time when both face isolation.",
            "Despite this, Vietnam has kept its alliances.",
            "However, economic issues are likely to be on the table.",
            "But receiving Putin will be a test.",
            "The two upgraded ties in 2012.",
            "It's going to take years.",
            "They\u{2019}re expected to vote on Monday.",
        ] {
            assert!(leans(Language::English, sentence), "{sentence}");
        }
        for sentence in [
            "Russian President Vladimir Putin arrived in Vietnam early Thursday.",
            "Thisbe arrived.",
            "Despite the rain, the parade went on.",
            "It is unclear whether the talks will go on.",
            "It's unclear whether the talks will go on.",
            "The visit marks a significant moment.",
        ] {
            assert!(!leans(Language::English, sentence), "{sentence}");
        }
    }

    #[test]
    fn other_languages_have_their_own_openings() {
        assert!(leans(Language::German, "Dies sei ein wichtiger Schritt, sagte der Minister."));
        assert!(!leans(Language::German, "Die Bundesregierung hat das Gesetz beschlossen."));
        assert!(leans(Language::French, "Cette décision a été critiquée par l’opposition."));
        assert!(leans(Language::French, "D’ailleurs, le ministre n’a rien dit."));
        assert!(!leans(Language::French, "Il y a deux ans, la loi avait échoué."));
        assert!(!leans(Language::Finnish, "Tämä on testi."));
    }

    #[test]
    fn every_list_parses_to_lower_case_openings() {
        for &(language, source) in SOURCES {
            let openings = Openings::parse(source);
            assert!(openings.by_first_word.len() >= 15, "{language:?}");
            for entries in openings.by_first_word.values() {
                for (words, _) in entries {
                    assert!(words.iter().all(|w| !w.is_empty() && *w == fold(w)), "{language:?}: {words:?}");
                }
            }
        }
    }
}

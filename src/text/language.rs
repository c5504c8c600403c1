//! The languages polysum knows, and what each brings: a stemmer, stop words and
//! sentence-segmentation abbreviations (read by `rules`).

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::error::Error;

macro_rules! languages {
    ($( $variant:ident => $name:literal, $stemmer:expr, $stopwords:literal, $abbreviations:expr; )*) => {
        /// A language polysum can analyse: it selects the stemmer, the stop-word list
        /// and the abbreviations the segmenter knows.
        ///
        /// Names are lower-case English (`"english"`, `"german"`, ...); parsing also
        /// accepts ISO 639-1 codes (`"en"`, `"de"`, ...).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        #[non_exhaustive]
        pub enum Language {
            $(
                #[doc = concat!("The ", $name, " language.")]
                $variant,
            )*
        }

        impl Default for Language {
            /// English.
            fn default() -> Self {
                Language::English
            }
        }

        impl Language {
            /// Every supported language, in a stable order.
            pub const ALL: &'static [Language] = &[$(Language::$variant),*];
            /// Their names, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The language's lower-case English name, as accepted by `from_str`.
            pub fn name(self) -> &'static str {
                match self { $(Language::$variant => $name),* }
            }

            /// The Snowball stemmer, where rust-stemmers has one for the language.
            fn stemmer_algorithm(self) -> Option<rust_stemmers::Algorithm> {
                match self { $(Language::$variant => $stemmer),* }
            }

            fn stopword_source(self) -> &'static str {
                match self { $(Language::$variant => include_str!(concat!("stopwords/", $stopwords))),* }
            }

            pub(crate) fn abbreviation_source(self) -> Option<&'static str> {
                match self { $(Language::$variant => $abbreviations),* }
            }
        }
    };
}

// Arabic runs unstemmed although Snowball has a stemmer for it: that stemmer cuts
// too deep ("الولايات", the states, becomes "ولا", nor), and on MultiLing 2011
// Arabic summaries scored about a point of ROUGE-2 higher without it than with it
// or with light stemming (docs/experiments.md).
languages! {
    Arabic => "arabic", None, "arabic.txt", None;
    Czech => "czech", None, "czech.txt", Some(include_str!("abbreviations/czech.txt"));
    Danish => "danish", Some(rust_stemmers::Algorithm::Danish), "danish.txt", Some(include_str!("abbreviations/danish.txt"));
    Dutch => "dutch", Some(rust_stemmers::Algorithm::Dutch), "dutch.txt", Some(include_str!("abbreviations/dutch.txt"));
    English => "english", Some(rust_stemmers::Algorithm::English), "english.txt", Some(include_str!("abbreviations/english.txt"));
    Finnish => "finnish", Some(rust_stemmers::Algorithm::Finnish), "finnish.txt", Some(include_str!("abbreviations/finnish.txt"));
    French => "french", Some(rust_stemmers::Algorithm::French), "french.txt", Some(include_str!("abbreviations/french.txt"));
    German => "german", Some(rust_stemmers::Algorithm::German), "german.txt", Some(include_str!("abbreviations/german.txt"));
    Greek => "greek", Some(rust_stemmers::Algorithm::Greek), "greek.txt", Some(include_str!("abbreviations/greek.txt"));
    Hebrew => "hebrew", None, "hebrew.txt", None;
    Hindi => "hindi", None, "hindi.txt", Some(include_str!("abbreviations/hindi.txt"));
    Hungarian => "hungarian", Some(rust_stemmers::Algorithm::Hungarian), "hungarian.txt", Some(include_str!("abbreviations/hungarian.txt"));
    Italian => "italian", Some(rust_stemmers::Algorithm::Italian), "italian.txt", Some(include_str!("abbreviations/italian.txt"));
    Norwegian => "norwegian", Some(rust_stemmers::Algorithm::Norwegian), "norwegian.txt", Some(include_str!("abbreviations/norwegian.txt"));
    Portuguese => "portuguese", Some(rust_stemmers::Algorithm::Portuguese), "portuguese.txt", Some(include_str!("abbreviations/portuguese.txt"));
    Romanian => "romanian", Some(rust_stemmers::Algorithm::Romanian), "romanian.txt", Some(include_str!("abbreviations/romanian.txt"));
    Russian => "russian", Some(rust_stemmers::Algorithm::Russian), "russian.txt", Some(include_str!("abbreviations/russian.txt"));
    Spanish => "spanish", Some(rust_stemmers::Algorithm::Spanish), "spanish.txt", Some(include_str!("abbreviations/spanish.txt"));
    Swedish => "swedish", Some(rust_stemmers::Algorithm::Swedish), "swedish.txt", Some(include_str!("abbreviations/swedish.txt"));
    Tamil => "tamil", Some(rust_stemmers::Algorithm::Tamil), "tamil.txt", None;
    Turkish => "turkish", Some(rust_stemmers::Algorithm::Turkish), "turkish.txt", Some(include_str!("abbreviations/turkish.txt"));
}

const ISO_CODES: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("cs", Language::Czech),
    ("da", Language::Danish),
    ("nl", Language::Dutch),
    ("en", Language::English),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("de", Language::German),
    ("el", Language::Greek),
    ("he", Language::Hebrew),
    ("hi", Language::Hindi),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("no", Language::Norwegian),
    ("nb", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("es", Language::Spanish),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let wanted = s.trim().to_ascii_lowercase();
        Language::ALL
            .iter()
            .copied()
            .find(|language| language.name() == wanted)
            .or_else(|| ISO_CODES.iter().find(|(code, _)| *code == wanted).map(|(_, l)| *l))
            .ok_or_else(|| {
                let valid: Vec<&str> = Language::ALL.iter().map(|l| l.name()).collect();
                Error::invalid("language", format!("unknown language {s:?}; valid values are {}", valid.join(", ")))
            })
    }
}

/// Everything the text pipeline needs to know about one language, built once per
/// process and shared (it is immutable).
pub(crate) struct LanguageData {
    /// None where no Snowball stemmer exists: terms are then the folded words.
    pub(crate) stemmer: Option<rust_stemmers::Stemmer>,
    /// Looked up once per distinct word: Fx hashing is several times cheaper than
    /// SipHash on such short keys, and the lists are ours, not an attacker's.
    pub(crate) stopwords: FxHashSet<String>,
}

impl LanguageData {
    fn build(language: Language) -> Self {
        let stopwords = language
            .stopword_source()
            .lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .collect();
        LanguageData { stemmer: language.stemmer_algorithm().map(rust_stemmers::Stemmer::create), stopwords }
    }

    /// The shared data for `language`, built on first use.
    pub(crate) fn get(language: Language) -> &'static LanguageData {
        static CACHE: [OnceLock<LanguageData>; Language::ALL.len()] = [const { OnceLock::new() }; Language::ALL.len()];
        let slot =
            Language::ALL.iter().position(|l| *l == language).expect("every Language is listed in Language::ALL");
        CACHE[slot].get_or_init(|| LanguageData::build(language))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_parse() {
        for language in Language::ALL {
            assert_eq!(language.name().parse::<Language>().unwrap(), *language);
            assert_eq!(language.to_string(), language.name());
        }
        assert_eq!("DE".parse::<Language>().unwrap(), Language::German);
        assert_eq!(" English ".parse::<Language>().unwrap(), Language::English);
    }

    #[test]
    fn unknown_language_names_the_valid_ones() {
        let message = "klingon".parse::<Language>().unwrap_err().to_string();
        assert!(message.contains("language"), "{message}");
        assert!(message.contains("english") && message.contains("turkish"), "{message}");
    }

    #[test]
    fn every_language_has_stopwords_and_the_snowball_ones_a_stemmer() {
        for language in Language::ALL {
            let data = LanguageData::get(*language);
            assert!(data.stopwords.len() >= 10, "{language} has too few stop words");
            let unstemmed = matches!(language, Language::Arabic | Language::Czech | Language::Hebrew | Language::Hindi);
            assert_eq!(data.stemmer.is_none(), unstemmed, "{language}");
        }
        let english = LanguageData::get(Language::English);
        assert!(english.stopwords.contains("the"));
        assert_eq!(english.stemmer.as_ref().unwrap().stem("running"), "run");
    }
}

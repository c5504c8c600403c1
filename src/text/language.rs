//! The languages polysum knows, and what each brings: a stemmer, stop words and
//! sentence-segmentation abbreviations (read by `rules`).

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::error::Error;

macro_rules! languages {
    ($( $variant:ident => $name:literal, $stemmer:expr, $stopwords:expr, $abbreviations:expr, $units:ident; )*) => {
        /// A language polysum can analyse: it selects the stemmer, the stop-word list,
        /// how words become index terms and the abbreviations the segmenter knows.
        ///
        /// Names are lower-case English (`"english"`, `"german"`, ...); parsing also
        /// accepts ISO 639-1 codes (`"en"`, `"de"`, ...), in any case.
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

            fn stopword_source(self) -> Option<&'static str> {
                match self { $(Language::$variant => $stopwords),* }
            }

            pub(crate) fn abbreviation_source(self) -> Option<&'static str> {
                match self { $(Language::$variant => $abbreviations),* }
            }

            /// What the language's sentences are indexed by.
            pub(crate) fn units(self) -> Units {
                match self { $(Language::$variant => Units::$units),* }
            }
        }
    };
}

/// What a language's sentences are indexed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Words (UAX #29), folded, stop words dropped, stemmed where a stemmer exists.
    Words,
    /// Words, but each run of Han and kana read as its characters and their
    /// overlapping bigrams: text written without spaces between words, where
    /// UAX #29 gives single Han characters and whole kana runs, and no
    /// dictionary is shipped to find the words (docs/experiments.md).
    HanKana,
}

/// A stop-word list compiled in.
macro_rules! stopwords {
    ($file:literal) => {
        Some(include_str!(concat!("stopwords/", $file)))
    };
}

/// An abbreviation list compiled in.
macro_rules! abbreviations {
    ($file:literal) => {
        Some(include_str!(concat!("abbreviations/", $file)))
    };
}

// Arabic runs unstemmed although Snowball has a stemmer for it: that stemmer cuts
// too deep ("الولايات", the states, becomes "ولا", nor), and on MultiLing 2011
// Arabic summaries scored about a point of ROUGE-2 higher without it than with it
// or with light stemming (docs/experiments.md). The languages without a stop-word
// list (Armenian to Korean) are analysed by their words alone, unstemmed: polysum
// segments them, and has no list for them that it could cite a source for.
// Korean is read by its spaced units (eojeol), particles attached: on the CJK
// test cluster they told paraphrases from other sentences better than bigrams
// did (docs/experiments.md).
languages! {
    Arabic => "arabic", None, stopwords!("arabic.txt"), None, Words;
    Czech => "czech", None, stopwords!("czech.txt"), abbreviations!("czech.txt"), Words;
    Danish => "danish", Some(rust_stemmers::Algorithm::Danish), stopwords!("danish.txt"), abbreviations!("danish.txt"), Words;
    Dutch => "dutch", Some(rust_stemmers::Algorithm::Dutch), stopwords!("dutch.txt"), abbreviations!("dutch.txt"), Words;
    English => "english", Some(rust_stemmers::Algorithm::English), stopwords!("english.txt"), abbreviations!("english.txt"), Words;
    Finnish => "finnish", Some(rust_stemmers::Algorithm::Finnish), stopwords!("finnish.txt"), abbreviations!("finnish.txt"), Words;
    French => "french", Some(rust_stemmers::Algorithm::French), stopwords!("french.txt"), abbreviations!("french.txt"), Words;
    German => "german", Some(rust_stemmers::Algorithm::German), stopwords!("german.txt"), abbreviations!("german.txt"), Words;
    Greek => "greek", Some(rust_stemmers::Algorithm::Greek), stopwords!("greek.txt"), abbreviations!("greek.txt"), Words;
    Hebrew => "hebrew", None, stopwords!("hebrew.txt"), None, Words;
    Hindi => "hindi", None, stopwords!("hindi.txt"), abbreviations!("hindi.txt"), Words;
    Hungarian => "hungarian", Some(rust_stemmers::Algorithm::Hungarian), stopwords!("hungarian.txt"), abbreviations!("hungarian.txt"), Words;
    Italian => "italian", Some(rust_stemmers::Algorithm::Italian), stopwords!("italian.txt"), abbreviations!("italian.txt"), Words;
    Norwegian => "norwegian", Some(rust_stemmers::Algorithm::Norwegian), stopwords!("norwegian.txt"), abbreviations!("norwegian.txt"), Words;
    Portuguese => "portuguese", Some(rust_stemmers::Algorithm::Portuguese), stopwords!("portuguese.txt"), abbreviations!("portuguese.txt"), Words;
    Romanian => "romanian", Some(rust_stemmers::Algorithm::Romanian), stopwords!("romanian.txt"), abbreviations!("romanian.txt"), Words;
    Russian => "russian", Some(rust_stemmers::Algorithm::Russian), stopwords!("russian.txt"), abbreviations!("russian.txt"), Words;
    Spanish => "spanish", Some(rust_stemmers::Algorithm::Spanish), stopwords!("spanish.txt"), abbreviations!("spanish.txt"), Words;
    Swedish => "swedish", Some(rust_stemmers::Algorithm::Swedish), stopwords!("swedish.txt"), abbreviations!("swedish.txt"), Words;
    Tamil => "tamil", Some(rust_stemmers::Algorithm::Tamil), stopwords!("tamil.txt"), None, Words;
    Turkish => "turkish", Some(rust_stemmers::Algorithm::Turkish), stopwords!("turkish.txt"), abbreviations!("turkish.txt"), Words;
    Armenian => "armenian", None, None, None, Words;
    Bulgarian => "bulgarian", None, None, abbreviations!("bulgarian.txt"), Words;
    Kazakh => "kazakh", None, None, None, Words;
    Polish => "polish", None, None, abbreviations!("polish.txt"), Words;
    Slovak => "slovak", None, None, abbreviations!("slovak.txt"), Words;
    Chinese => "chinese", None, None, None, HanKana;
    Japanese => "japanese", None, None, None, HanKana;
    Korean => "korean", None, None, None, Words;
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
    ("hy", Language::Armenian),
    ("bg", Language::Bulgarian),
    ("kk", Language::Kazakh),
    ("pl", Language::Polish),
    ("sk", Language::Slovak),
    ("zh", Language::Chinese),
    ("ja", Language::Japanese),
    ("ko", Language::Korean),
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
                let codes: Vec<&str> = ISO_CODES.iter().map(|(code, _)| *code).collect();
                Error::invalid(
                    "language",
                    format!(
                        "unknown language {s:?}; valid values are {} (or their ISO 639-1 codes: {})",
                        Language::NAMES.join(", "),
                        codes.join(", ")
                    ),
                )
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
            .unwrap_or_default()
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
        for (code, language) in ISO_CODES {
            assert_eq!(code.to_uppercase().parse::<Language>().unwrap(), *language);
        }
        assert_eq!("Chinese".parse::<Language>().unwrap(), Language::Chinese);
        assert_eq!("ko".parse::<Language>().unwrap(), Language::Korean);
        assert_eq!("ja".parse::<Language>().unwrap().units(), Units::HanKana);
        assert_eq!("ko".parse::<Language>().unwrap().units(), Units::Words);
        assert_eq!("pl".parse::<Language>().unwrap().units(), Units::Words);
        // Every language has a code.
        assert!(Language::ALL.iter().all(|l| ISO_CODES.iter().any(|(_, c)| c == l)));
    }

    #[test]
    fn unknown_language_names_the_valid_ones() {
        let message = "klingon".parse::<Language>().unwrap_err().to_string();
        assert!(message.contains("language"), "{message}");
        assert!(message.contains("english") && message.contains("turkish"), "{message}");
        assert!(message.contains("korean") && message.contains("zh"), "{message}");
    }

    #[test]
    fn every_language_with_a_list_has_stopwords_and_the_snowball_ones_a_stemmer() {
        for language in Language::ALL {
            let data = LanguageData::get(*language);
            if language.stopword_source().is_some() {
                assert!(data.stopwords.len() >= 10, "{language} has too few stop words");
            } else {
                assert!(data.stopwords.is_empty(), "{language}");
            }
            let stemmed = language.stemmer_algorithm().is_some();
            let unstemmed_with_list =
                matches!(language, Language::Arabic | Language::Czech | Language::Hebrew | Language::Hindi);
            assert_eq!(!stemmed, unstemmed_with_list || language.stopword_source().is_none(), "{language}");
            assert_eq!(data.stemmer.is_none(), !stemmed, "{language}");
        }
        let english = LanguageData::get(Language::English);
        assert!(english.stopwords.contains("the"));
        assert_eq!(english.stemmer.as_ref().unwrap().stem("running"), "run");
    }
}

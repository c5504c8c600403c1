//! Counting tokens, what a `max_tokens` budget spends: with one of OpenAI's BPE
//! encodings (feature `tokens`, through tiktoken-rs), or with a counter of the
//! caller's own ([`Summarizer::with_tokenizer`](crate::Summarizer::with_tokenizer)).

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One of OpenAI's token encodings, by tiktoken's name.
///
/// The default is `o200k_base`, the encoding of OpenAI's current models (GPT-4o,
/// GPT-4.1, GPT-5 and the o-series); `cl100k_base` is GPT-4's and GPT-3.5's.
/// `p50k_edit` and `o200k_harmony` differ from `p50k_base` and `o200k_base` only
/// in special tokens, which a summary is counted without, so they count the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Encoding {
    /// GPT-4o, GPT-4.1, GPT-5, o1, o3, o4-mini.
    #[default]
    O200kBase,
    /// GPT-4, GPT-3.5-turbo, text-embedding-3.
    Cl100kBase,
    /// Codex and text-davinci-002/003.
    P50kBase,
    /// The edit models (as `p50k_base` for ordinary text).
    P50kEdit,
    /// GPT-3 (davinci) and GPT-2.
    R50kBase,
    /// gpt-oss (as `o200k_base` for ordinary text).
    O200kHarmony,
}

impl Encoding {
    /// Every encoding, in a stable order (the default first).
    pub const ALL: &'static [Encoding] = &[
        Encoding::O200kBase,
        Encoding::Cl100kBase,
        Encoding::P50kBase,
        Encoding::P50kEdit,
        Encoding::R50kBase,
        Encoding::O200kHarmony,
    ];
    /// Their names, in the same order.
    pub const NAMES: &'static [&'static str] =
        &["o200k_base", "cl100k_base", "p50k_base", "p50k_edit", "r50k_base", "o200k_harmony"];

    /// The encoding's name, as tiktoken spells it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::O200kBase => "o200k_base",
            Encoding::Cl100kBase => "cl100k_base",
            Encoding::P50kBase => "p50k_base",
            Encoding::P50kEdit => "p50k_edit",
            Encoding::R50kBase => "r50k_base",
            Encoding::O200kHarmony => "o200k_harmony",
        }
    }

    /// The tokens of `text` counted as ordinary text (a special token's spelling,
    /// such as `<|endoftext|>`, is counted as the text it is), as a summary is
    /// sent. The encoding is built on first use, once per process, and shared.
    #[cfg(feature = "tokens")]
    pub fn count(self, text: &str) -> Result<usize> {
        // tiktoken-rs keeps each encoding in a LazyLock: built (about 0.1-0.3 s
        // for the 200k vocabularies) on the first call, shared by every thread.
        let bpe = match self {
            Encoding::O200kBase => tiktoken_rs::o200k_base_singleton(),
            Encoding::Cl100kBase => tiktoken_rs::cl100k_base_singleton(),
            Encoding::P50kBase => tiktoken_rs::p50k_base_singleton(),
            Encoding::P50kEdit => tiktoken_rs::p50k_edit_singleton(),
            Encoding::R50kBase => tiktoken_rs::r50k_base_singleton(),
            Encoding::O200kHarmony => tiktoken_rs::o200k_harmony_singleton(),
        };
        Ok(bpe.encode_ordinary(text).len())
    }

    /// Without the `tokens` feature no encoding is compiled in: an error saying so.
    #[cfg(not(feature = "tokens"))]
    pub fn count(self, _text: &str) -> Result<usize> {
        Err(Error::invalid(
            "tokenizer",
            format!("{self} needs polysum built with the `tokens` feature (or a tokenizer of your own)"),
        ))
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Encoding {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase();
        Encoding::ALL.iter().copied().find(|e| e.name() == wanted).ok_or_else(|| {
            Error::invalid(
                "tokenizer",
                format!("unknown encoding {s:?}; valid values are {}", Encoding::NAMES.join(", ")),
            )
        })
    }
}

/// A token counter of the caller's own: the tokens of a text, or why it could
/// not count them.
pub type CountTokens = dyn Fn(&str) -> std::result::Result<usize, String> + Send + Sync;

/// What a token budget counts with.
#[derive(Clone, Copy)]
pub(crate) enum Tokenizer<'a> {
    Encoding(Encoding),
    Custom(&'a CountTokens),
}

impl Tokenizer<'_> {
    pub(crate) fn count(&self, text: &str) -> Result<usize> {
        match self {
            Tokenizer::Encoding(encoding) => encoding.count(text),
            Tokenizer::Custom(count) => count(text).map_err(Error::Tokenizer),
        }
    }
}

/// A counter of the caller's own, shared by clones of a summariser; two are the
/// same counter only if they are one object.
#[derive(Clone)]
pub(crate) struct CustomTokenizer(pub(crate) Arc<CountTokens>);

impl PartialEq for CustomTokenizer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for CustomTokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CustomTokenizer(..)")
    }
}

#[cfg(all(test, feature = "tokens"))]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_unknown_ones_list_the_valid_ones() {
        for encoding in Encoding::ALL {
            assert_eq!(encoding.name().parse::<Encoding>().unwrap(), *encoding);
        }
        assert_eq!(Encoding::NAMES.len(), Encoding::ALL.len());
        assert_eq!(" CL100K_BASE ".parse::<Encoding>().unwrap(), Encoding::Cl100kBase);
        let message = "gpt2".parse::<Encoding>().unwrap_err().to_string();
        assert!(message.contains("`tokenizer`") && message.contains("o200k_base, cl100k_base, p50k_base"), "{message}");
    }

    /// Counts from OpenAI's own tokenizer, Python tiktoken 0.14 (`encode_ordinary`),
    /// its cache filled with tiktoken-rs's BPE files, which tiktoken's loader
    /// checked against the SHA-256 it publishes for each: tiktoken-rs's tables
    /// and its port of the merging are checked against OpenAI's code.
    #[test]
    fn counts_agree_with_tiktoken() {
        let cases: &[(&str, [usize; 4])] = &[
            // text, counts in o200k_base, cl100k_base, p50k_base, r50k_base
            ("", [0, 0, 0, 0]),
            ("hello world", [2, 2, 2, 2]),
            ("tiktoken is great!", [6, 6, 6, 6]),
            ("The council approved the new tram line on Monday.", [10, 10, 10, 10]),
            ("Größe zählt: 3.5 Mrd. €", [12, 13, 16, 16]),
            ("北京时间3月5日，地震造成12人受伤。", [14, 19, 33, 33]),
            ("<|endoftext|>", [7, 7, 7, 7]),
        ];
        let encodings = [Encoding::O200kBase, Encoding::Cl100kBase, Encoding::P50kBase, Encoding::R50kBase];
        for (text, counts) in cases {
            for (encoding, &count) in encodings.iter().zip(counts) {
                assert_eq!(encoding.count(text).unwrap(), count, "{encoding} {text:?}");
            }
        }
        assert_eq!(Encoding::P50kEdit.count(cases[4].0).unwrap(), Encoding::P50kBase.count(cases[4].0).unwrap());
        assert_eq!(Encoding::O200kHarmony.count(cases[5].0).unwrap(), Encoding::O200kBase.count(cases[5].0).unwrap());
    }
}

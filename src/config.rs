//! What a summary should look like: the method, the language, the budget, the
//! order and the weights. Plain data with serde; [`Config::validate`] checks it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::options::Options;
use crate::text::Language;
use crate::tokens::Encoding;

pub use crate::method::Method;

/// How much text the summary may hold. Whole sentences only: a sentence that
/// would overflow the budget is skipped in favour of one that fits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (Unicode word boundaries).
    Words(usize),
    /// At most this many characters (Unicode scalar values).
    Chars(usize),
    /// At most this many bytes of UTF-8.
    Bytes(usize),
    /// At most this fraction, in (0, 1], of the cluster's words.
    Ratio(f64),
    /// At most this many tokens of [`Config::tokenizer`] (or the summariser's own
    /// tokenizer) in the summary's text as [`Summary::text`](crate::Summary::text)
    /// joins it: never more.
    Tokens(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(5)
    }
}

/// The order of the summary's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Order {
    /// Highest score first.
    #[default]
    Score,
    /// As they stand in the sources: by document, then by position in it.
    Source,
}

impl Order {
    /// Every order, in a stable order.
    pub const ALL: &'static [Order] = &[Order::Score, Order::Source];
    /// Their names, in the same order.
    pub const NAMES: &'static [&'static str] = &["score", "source"];

    /// The order's name as accepted by `from_str`.
    pub fn name(self) -> &'static str {
        match self {
            Order::Score => "score",
            Order::Source => "source",
        }
    }
}

/// What inverse document frequency counts as a "document".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IdfScope {
    /// Each sentence of the cluster: rare within the story means informative.
    #[default]
    Sentences,
    /// Each document of the cluster.
    Documents,
}

impl IdfScope {
    /// Every scope, in a stable order.
    pub const ALL: &'static [IdfScope] = &[IdfScope::Sentences, IdfScope::Documents];
    /// Their names, in the same order.
    pub const NAMES: &'static [&'static str] = &["sentences", "documents"];

    /// The scope's name as accepted by `from_str`.
    pub fn name(self) -> &'static str {
        match self {
            IdfScope::Sentences => "sentences",
            IdfScope::Documents => "documents",
        }
    }
}

macro_rules! parse_by_name {
    ($type:ty, $field:literal) => {
        impl FromStr for $type {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self> {
                let wanted = s.trim().to_ascii_lowercase();
                <$type>::ALL.iter().copied().find(|v| v.name() == wanted).ok_or_else(|| {
                    let valid: Vec<&str> = <$type>::ALL.iter().map(|v| v.name()).collect();
                    Error::invalid($field, format!("unknown value {s:?}; valid values are {}", valid.join(", ")))
                })
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

parse_by_name!(Order, "order");
parse_by_name!(IdfScope, "idf");

/// The default cap on a cluster's total text: 64 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;

/// Everything that shapes a summary, typed for the engine. Build one with struct
/// update syntax over `Config::default()`, or from flat [`Options`] with
/// `Config::try_from`; [`Summarizer::new`](crate::Summarizer::new) validates it.
/// Each field means what the option of the same name means (documented once, on
/// [`Options`]); the budget gathers `max_sentences`, `max_words`, `max_chars`,
/// `max_bytes`, `max_tokens` and `ratio`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// [`Options::method`].
    pub method: Method,
    /// [`Options::language`].
    pub language: Language,
    /// How much the summary may hold: [`Options::max_sentences`] and the rest of its group.
    pub budget: Budget,
    /// [`Options::tokenizer`].
    pub tokenizer: Encoding,
    /// [`Options::order`].
    pub order: Order,
    /// [`Options::redundancy`].
    pub redundancy: f64,
    /// [`Options::duplicate_threshold`].
    pub duplicate_threshold: f64,
    /// [`Options::same_fact`].
    pub same_fact: Option<f64>,
    /// [`Options::embedding_threshold`]: used only with embeddings
    /// ([`Summarizer::summarize_with_embeddings`](crate::Summarizer::summarize_with_embeddings)).
    pub embedding_threshold: f64,
    /// [`Options::position_weight`].
    pub position_weight: f64,
    /// [`Options::support_weight`].
    pub support_weight: f64,
    /// [`Options::min_words`].
    pub min_words: usize,
    /// [`Options::lexrank_threshold`].
    pub lexrank_threshold: Option<f64>,
    /// [`Options::idf`].
    pub idf: IdfScope,
    /// [`Options::filter_boilerplate`].
    pub filter_boilerplate: bool,
    /// [`Options::self_contained`].
    pub self_contained: bool,
    /// [`Options::max_input_bytes`].
    pub max_input_bytes: usize,
    /// [`Options::query_weight`].
    pub query_weight: f64,
    /// [`Options::stop_words`].
    pub stop_words: Vec<String>,
    /// [`Options::replace_stop_words`].
    pub replace_stop_words: bool,
}

impl Default for Config {
    /// The defaults declared in the option table (`src/options.rs`).
    fn default() -> Self {
        Config::try_from(Options::default()).expect("the declared defaults are valid (a unit test checks)")
    }
}

impl Config {
    /// Checks every value, naming the first option out of range (the checks are
    /// declared with the options, `src/options.rs`).
    pub fn validate(&self) -> Result<()> {
        Options::from(self).validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        Config::default().validate().unwrap();
    }

    #[test]
    fn bad_values_name_their_field() {
        let cases = [
            (Config { budget: Budget::Words(0), ..Config::default() }, "max_words"),
            (Config { budget: Budget::Ratio(1.5), ..Config::default() }, "ratio"),
            (Config { budget: Budget::Ratio(f64::NAN), ..Config::default() }, "ratio"),
            (Config { budget: Budget::Tokens(0), ..Config::default() }, "max_tokens"),
            (Config { redundancy: -0.1, ..Config::default() }, "redundancy"),
            (Config { position_weight: f64::NAN, ..Config::default() }, "position_weight"),
            (Config { position_weight: 0.7, support_weight: 0.7, ..Config::default() }, "support_weight"),
            (Config { duplicate_threshold: 0.0, ..Config::default() }, "duplicate_threshold"),
            (Config { embedding_threshold: 0.0, ..Config::default() }, "embedding_threshold"),
            (Config { embedding_threshold: f64::NAN, ..Config::default() }, "embedding_threshold"),
            (Config { lexrank_threshold: Some(1.0), ..Config::default() }, "lexrank_threshold"),
            (Config { max_input_bytes: 0, ..Config::default() }, "max_input_bytes"),
        ];
        for (config, field) in cases {
            match config.validate() {
                Err(Error::InvalidConfig { field: got, .. }) => assert_eq!(got, field),
                other => panic!("expected an error for {field}, got {other:?}"),
            }
        }
    }

    #[test]
    fn names_parse_and_unknown_names_list_valid_ones() {
        assert_eq!("TextRank".parse::<Method>().unwrap(), Method::TextRank);
        assert_eq!("source".parse::<Order>().unwrap(), Order::Source);
        let message = "pagerank".parse::<Method>().unwrap_err().to_string();
        assert!(message.contains("`method`") && message.contains("textrank, lexrank, centroid, coverage"), "{message}");
    }

    #[test]
    fn json_round_trip() {
        let config = Config { budget: Budget::Words(100), method: Method::Centroid, ..Config::default() };
        let json = serde_json::to_string(&config).unwrap();
        assert!(json.contains(r#""budget":{"words":100}"#), "{json}");
        assert_eq!(serde_json::from_str::<Config>(&json).unwrap(), config);
        let partial: Config = serde_json::from_str(r#"{"method": "textrank"}"#).unwrap();
        assert_eq!(partial, Config { method: Method::TextRank, ..Config::default() });
        assert!(serde_json::from_str::<Config>(r#"{"methdo": "textrank"}"#).is_err());
    }
}

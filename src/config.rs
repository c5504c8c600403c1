//! What a summary should look like: the method, the language, the budget, the
//! order and the weights. Plain data with serde; [`Config::validate`] checks it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::Language;

/// How sentences are scored and chosen. Every method runs on the same pipeline
/// (segmentation, analysis, boilerplate filtering, priors, budget, near-duplicate
/// removal) and is multi-document aware.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Method {
    /// PageRank over a graph whose edges weigh the words two sentences share,
    /// normalised by their lengths (Mihalcea & Tarau 2004).
    TextRank,
    /// PageRank over the tf-idf cosine graph, thresholded or with continuous
    /// weights (Erkan & Radev 2004).
    LexRank,
    /// Cosine similarity to the tf-idf centroid of the cluster (Radev et al. 2004).
    /// The default: with the news priors it scores best on the evaluation sets
    /// (docs/experiments.md).
    #[default]
    Centroid,
    /// A monotone submodular objective, coverage of the cluster plus a diversity
    /// reward, maximised by budgeted greedy selection (Lin & Bilmes 2011).
    Coverage,
    /// Greedy selection that keeps the summary's word distribution closest (KL
    /// divergence) to the cluster's (Haghighi & Vanderwende 2009).
    KlSum,
    /// Average probability of a sentence's words in the cluster (Nenkova &
    /// Vanderwende 2005); redundancy is left to the selection.
    SumBasic,
    /// Clusters of significant (frequent) words within a sentence (Luhn 1958).
    Luhn,
    /// Latent semantic analysis: a sentence's length in the space of the
    /// strongest singular vectors of the term-sentence matrix (Steinberger &
    /// Ježek 2004).
    Lsa,
    /// The first sentences of the documents: the baseline news summarisation is
    /// measured against.
    Lead,
}

impl Method {
    /// Every method, in a stable order.
    pub const ALL: &'static [Method] = &[
        Method::TextRank,
        Method::LexRank,
        Method::Centroid,
        Method::Coverage,
        Method::KlSum,
        Method::SumBasic,
        Method::Luhn,
        Method::Lsa,
        Method::Lead,
    ];

    /// The method's name as accepted by `from_str`.
    pub fn name(self) -> &'static str {
        match self {
            Method::TextRank => "textrank",
            Method::LexRank => "lexrank",
            Method::Centroid => "centroid",
            Method::Coverage => "coverage",
            Method::KlSum => "klsum",
            Method::SumBasic => "sumbasic",
            Method::Luhn => "luhn",
            Method::Lsa => "lsa",
            Method::Lead => "lead",
        }
    }
}

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

parse_by_name!(Method, "method");
parse_by_name!(Order, "order");
parse_by_name!(IdfScope, "idf");

/// The default cap on a cluster's total text: 64 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;

/// Everything that shapes a summary. Build one with struct update syntax over
/// `Config::default()`; [`Summarizer::new`](crate::Summarizer::new) validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// How sentences are scored.
    pub method: Method,
    /// The language of the documents.
    pub language: Language,
    /// How much the summary may hold.
    pub budget: Budget,
    /// The order of the summary's sentences.
    pub order: Order,
    /// Weight in [0, 1] of the redundancy penalty in maximal marginal relevance:
    /// 0 ranks by score alone, higher values prefer sentences unlike those chosen.
    pub redundancy: f64,
    /// Sentences whose tf-idf cosine to a chosen sentence reaches this value, in
    /// (0, 1], are near-duplicates and never chosen.
    pub duplicate_threshold: f64,
    /// Weight in [0, 1] of the position prior (earlier in a document is better).
    pub position_weight: f64,
    /// Weight in [0, 1] of support: the share of other documents that say
    /// something similar. `position_weight + support_weight` must not exceed 1.
    pub support_weight: f64,
    /// Sentences with fewer words are damped in proportion; below a quarter of it
    /// they are never chosen.
    pub min_words: usize,
    /// LexRank only: the cosine below which two sentences are not linked. With a
    /// threshold, edges are unweighted (classic LexRank); `None` keeps every edge
    /// with its cosine as weight (continuous LexRank).
    pub lexrank_threshold: Option<f64>,
    /// What inverse document frequency counts over.
    pub idf: IdfScope,
    /// Whether headings, bylines, datelines and boilerplate ("subscribe", copyright
    /// notices) are kept out of the summary.
    pub filter_boilerplate: bool,
    /// The largest cluster, in bytes of text, that is accepted.
    pub max_input_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            method: Method::default(),
            language: Language::default(),
            budget: Budget::default(),
            order: Order::default(),
            // Tuned on DUC 2003 and Multi-News; among settings about as good
            // there, the one ahead of lead in every MultiLing language
            // (docs/experiments.md).
            redundancy: 0.5,
            duplicate_threshold: 0.5,
            position_weight: 0.4,
            support_weight: 0.35,
            min_words: 8,
            lexrank_threshold: None,
            idf: IdfScope::default(),
            filter_boilerplate: true,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

fn unit_interval(field: &'static str, value: f64) -> Result<()> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid(field, format!("must be between 0 and 1, got {value}")))
    }
}

impl Config {
    /// Checks every value, naming the first field that is out of range.
    pub fn validate(&self) -> Result<()> {
        match self.budget {
            Budget::Sentences(0) | Budget::Words(0) | Budget::Chars(0) | Budget::Bytes(0) => {
                return Err(Error::invalid("budget", "must be at least 1"));
            }
            Budget::Ratio(ratio) if !(ratio > 0.0 && ratio <= 1.0) => {
                return Err(Error::invalid("ratio", format!("must be in (0, 1], got {ratio}")));
            }
            _ => {}
        }
        unit_interval("redundancy", self.redundancy)?;
        unit_interval("position_weight", self.position_weight)?;
        unit_interval("support_weight", self.support_weight)?;
        if self.position_weight + self.support_weight > 1.0 {
            return Err(Error::invalid(
                "support_weight",
                format!(
                    "position_weight + support_weight must not exceed 1, got {} + {}",
                    self.position_weight, self.support_weight
                ),
            ));
        }
        if !(self.duplicate_threshold > 0.0 && self.duplicate_threshold <= 1.0) {
            return Err(Error::invalid(
                "duplicate_threshold",
                format!("must be in (0, 1], got {}", self.duplicate_threshold),
            ));
        }
        if let Some(threshold) = self.lexrank_threshold {
            if !(0.0..1.0).contains(&threshold) {
                return Err(Error::invalid("lexrank_threshold", format!("must be in [0, 1), got {threshold}")));
            }
        }
        if self.max_input_bytes == 0 {
            return Err(Error::invalid("max_input_bytes", "must be at least 1"));
        }
        Ok(())
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
            (Config { budget: Budget::Words(0), ..Config::default() }, "budget"),
            (Config { budget: Budget::Ratio(1.5), ..Config::default() }, "ratio"),
            (Config { budget: Budget::Ratio(f64::NAN), ..Config::default() }, "ratio"),
            (Config { redundancy: -0.1, ..Config::default() }, "redundancy"),
            (Config { position_weight: f64::NAN, ..Config::default() }, "position_weight"),
            (Config { position_weight: 0.7, support_weight: 0.7, ..Config::default() }, "support_weight"),
            (Config { duplicate_threshold: 0.0, ..Config::default() }, "duplicate_threshold"),
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

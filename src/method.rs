//! Every method, declared once: its name, what it is, how it scores sentences
//! and how it chooses them.
//!
//! A method is a (scorer, selector) pair over the shared pipeline (segmentation,
//! analysis, boilerplate filtering, priors, budget, near-duplicate removal). The
//! table below is the only place a method is listed: names are parsed and printed
//! from it, the command's and Python's help read it, and the summariser takes the
//! scorer and the selector from it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::score::{self, Scorer};
use crate::select::Selector;

macro_rules! methods {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident = $name:literal, scorer $scorer:expr, selector $selector:ident;
    )*) => {
        /// How sentences are scored and chosen. Every method runs on the same
        /// pipeline and is multi-document aware.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Method {
            /// The default: `centroid` for the story itself; `concepts` about a
            /// query, where concept coverage weighted towards the query's words
            /// scores best (docs/experiments.md). A summary reports the method it
            /// ran.
            #[serde(rename = "auto")]
            Auto,
            $( $(#[doc = $doc])+ #[serde(rename = $name)] $variant, )*
        }

        impl Method {
            /// Every method, in a stable order.
            pub const ALL: &'static [Method] = &[Method::Auto, $(Method::$variant),*];
            /// Their names, in the same order.
            pub const NAMES: &'static [&'static str] = &["auto", $($name),*];

            /// The method's name as accepted by `from_str`.
            pub fn name(self) -> &'static str {
                match self { Method::Auto => "auto", $( Method::$variant => $name, )* }
            }

            /// What the method does, for help texts.
            pub fn help(self) -> &'static str {
                match self {
                    Method::Auto => "The default: centroid for the story itself, concepts about a query \
                        (the summary reports which ran).",
                    $( Method::$variant => concat!($($doc),+), )*
                }
            }

            /// How the method scores candidate sentences (`auto`: as the generic
            /// summary's method; the pipeline resolves it first).
            pub(crate) fn scorer(self) -> &'static dyn Scorer {
                match self {
                    Method::Auto => Method::Auto.resolve(false).scorer(),
                    $( Method::$variant => &$scorer, )*
                }
            }

            /// How the method fills the budget (`auto`: as `scorer`).
            pub(crate) fn selector(self) -> Selector {
                match self {
                    Method::Auto => Method::Auto.resolve(false).selector(),
                    $( Method::$variant => Selector::$selector, )*
                }
            }
        }
    };
}

methods! {
    /// PageRank over a graph whose edges weigh the words two sentences share,
    /// normalised by their lengths (Mihalcea & Tarau 2004).
    TextRank = "textrank", scorer score::textrank::TextRank, selector Mmr;
    /// PageRank over the tf-idf cosine graph, thresholded or with continuous
    /// weights (Erkan & Radev 2004).
    LexRank = "lexrank", scorer score::lexrank::LexRank, selector Mmr;
    /// Cosine similarity to the tf-idf centroid of the cluster (Radev et al. 2004).
    /// What `auto` runs without a query: with the news priors it scores best on
    /// the evaluation sets (docs/experiments.md).
    Centroid = "centroid", scorer score::centroid::Centroid, selector Mmr;
    /// A monotone submodular objective, coverage of the cluster plus a diversity
    /// reward, maximised by budgeted greedy selection (Lin & Bilmes 2011); reports
    /// centroid salience as its score.
    Coverage = "coverage", scorer score::centroid::Centroid, selector Coverage;
    /// Greedy selection that keeps the summary's word distribution closest (KL
    /// divergence) to the cluster's (Haghighi & Vanderwende 2009); reports centroid
    /// salience as its score.
    KlSum = "klsum", scorer score::centroid::Centroid, selector KlSum;
    /// Concept coverage: pairs of adjacent content words, each worth the number
    /// of documents holding it, earned once per summary, chosen greedily by gain
    /// per word and weighed by the centroid score with the news priors (Gillick &
    /// Favre 2009); reports centroid salience as its score.
    Concepts = "concepts", scorer score::centroid::Centroid, selector Concepts;
    /// Average probability of a sentence's words in the cluster (Nenkova &
    /// Vanderwende 2005); redundancy is left to the selection.
    SumBasic = "sumbasic", scorer score::sumbasic::SumBasic, selector Mmr;
    /// Clusters of significant (frequent) words within a sentence (Luhn 1958).
    Luhn = "luhn", scorer score::luhn::Luhn, selector Mmr;
    /// Latent semantic analysis: a sentence's length in the space of the
    /// strongest singular vectors of the term-sentence matrix (Steinberger &
    /// Ježek 2004).
    Lsa = "lsa", scorer score::lsa::Lsa, selector Mmr;
    /// The first sentences of the documents: the baseline news summarisation is
    /// measured against.
    Lead = "lead", scorer score::lead::Lead, selector Mmr;
}

impl Method {
    /// The method that runs: `auto` is `concepts` when the summary answers a
    /// query (`about_query`: the query has a word the cluster holds) and
    /// `centroid` otherwise; every other method is itself.
    pub fn resolve(self, about_query: bool) -> Method {
        match self {
            Method::Auto if about_query => Method::Concepts,
            Method::Auto => Method::Centroid,
            method => method,
        }
    }
}

impl Default for Method {
    /// Auto: centroid, or concepts about a query.
    fn default() -> Self {
        Method::Auto
    }
}

impl FromStr for Method {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase();
        Method::ALL.iter().copied().find(|m| m.name() == wanted).ok_or_else(|| {
            Error::invalid("method", format!("unknown value {s:?}; valid values are {}", Method::NAMES.join(", ")))
        })
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_print_and_serialise_alike() {
        for (method, name) in Method::ALL.iter().zip(Method::NAMES) {
            assert_eq!(method.name(), *name);
            assert_eq!(name.parse::<Method>().unwrap(), *method);
            assert_eq!(serde_json::to_value(method).unwrap(), *name);
            assert!(!method.help().trim().is_empty());
        }
        assert_eq!("TextRank".parse::<Method>().unwrap(), Method::TextRank);
    }
}

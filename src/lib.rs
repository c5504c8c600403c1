#![warn(missing_docs)]
//! polysum: extractive multi-document summarisation.
//!
//! Give it a cluster of documents about one story — reports from several outlets,
//! reviews, notes — and it picks the few sentences, verbatim, that together cover
//! the story best, without saying the same thing twice and without page furniture
//! (headings, bylines, "subscribe" prompts). Each sentence comes back with its
//! document, its byte span in that document and the parts of its score.
//!
//! ```
//! use polysum::{Budget, Config, Document, Summarizer};
//!
//! let cluster = [
//!     Document::new("wire", "The city council approved the new tram line on Monday. \
//!         Construction will start in spring and cost 40 million euros."),
//!     Document::new("daily", "The council approved a new tram line on Monday after a long debate. \
//!         Subscribe to our newsletter for more local news!"),
//! ];
//! let summarizer = Summarizer::new(Config { budget: Budget::Words(30), ..Config::default() })?;
//! let summary = summarizer.summarize(&cluster)?;
//! for sentence in &summary.sentences {
//!     let source = &cluster[sentence.doc].text;
//!     assert_eq!(&source[sentence.byte_range()], sentence.text);
//!     println!("{:.3} [{}#{}] {}", sentence.score, sentence.doc_id, sentence.index, sentence.text);
//! }
//! assert!(!summary.text().contains("Subscribe"));
//! # Ok::<(), polysum::Error>(())
//! ```
//!
//! The pipeline runs one way, each stage a module with plain data in and out:
//! [`segment`] (sentences as byte spans) → analysis (words, stop words, stems) →
//! corpus (tf-idf vectors) → similarity graph → scoring ([`Method`]) → selection
//! (budget, redundancy, near-duplicates) → [`Summary`].

/// The Python module's allocator (see the `mimalloc` feature in Cargo.toml). The
/// command sets its own in `src/bin/polysum.rs`; other programs linking the
/// library (fuzz targets under AddressSanitizer among them) keep theirs.
#[cfg(all(feature = "mimalloc", feature = "python"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod clean;
mod config;
mod corpus;
mod embed;
mod error;
mod focus;
mod graph;
mod ids;
mod method;
mod options;
mod score;
mod select;
mod summarizer;
mod summary;
#[cfg(test)]
mod testing;
pub mod text;
pub mod threads;
mod tokens;

pub use clean::Exclusion;
pub use config::{Budget, Config, IdfScope, Method, Order, DEFAULT_MAX_INPUT_BYTES};
pub use corpus::Document;
pub use embed::{Embed, Embeddings};
pub use error::{Error, Result};
pub use focus::{Cluster, Focus};
pub use options::{Kind, OptionSpec, OptionType, Options, Value, OPTIONS};
pub use score::priors::ScoreComponents;
pub use summarizer::Summarizer;
pub use summary::{display_text, RankedSentence, Ranking, Similarity, Summary, SummarySentence, MAX_MATRIX_BYTES};
pub use text::{segment, segment_by_name, Language, Segment};
pub use tokens::{CountTokens, Encoding};

#[cfg(feature = "python")]
mod python;

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(feature = "cli")]
pub mod cli;

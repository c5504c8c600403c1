//! The text pipeline: sentences, words and index terms, each with byte offsets into
//! the original text.

pub(crate) mod analyze;
pub(crate) mod language;
pub(crate) mod normalize;
pub(crate) mod rules;
pub(crate) mod segment;
pub(crate) mod tokenize;

pub use analyze::Analyzer;
pub use language::Language;
pub use normalize::normalize;
pub use segment::{segment, segment_by_name, Segment};
pub use tokenize::{word_count, words, AsciiWords, Words};

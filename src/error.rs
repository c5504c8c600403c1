//! The one error type of polysum.

/// What went wrong. The core never panics on user input: every problem with a
/// configuration or an input is one of these.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A configuration value is out of range or unknown. `field` names the option
    /// (as spelled in [`Config`](crate::Config) and in Python), `message` says what
    /// is allowed.
    #[error("invalid value for `{field}`: {message}")]
    InvalidConfig {
        /// The option at fault.
        field: &'static str,
        /// What was wrong and which values are valid.
        message: String,
    },
    /// No option has this name. `suggestion` is the nearest one that exists.
    #[error("unknown option `{name}`{}; valid options are {}", did_you_mean(suggestion), option_names())]
    UnknownOption {
        /// The name given.
        name: String,
        /// The declared option closest to it, if any is close.
        suggestion: Option<&'static str>,
    },
    /// An option was given a value of the wrong type (a str for a number, say).
    #[error("`{field}` must be {expected}, not {got}")]
    OptionType {
        /// The option at fault.
        field: &'static str,
        /// The type it takes.
        expected: &'static str,
        /// The type it was given.
        got: &'static str,
    },
    /// JSON that is not a summary polysum wrote, or whose offsets do not cover its
    /// sentences' text.
    #[error("{0}")]
    InvalidSummary(String),
    /// A token counter of the caller's own failed (a Python tokenizer raised, or
    /// returned something other than a count).
    #[error("the tokenizer failed: {0}")]
    Tokenizer(String),
    /// Embeddings of the caller's own do not fit the cluster (a row count or
    /// width other than expected, a value that is not finite), or the model that
    /// computes them failed. The message says what was expected.
    #[error("{0}")]
    Embeddings(String),
    /// The cluster is larger than the configured `max_input_bytes`.
    #[error("input too large: {size} bytes exceed the limit of {limit} bytes (raise `max_input_bytes` to allow it)")]
    InputTooLarge {
        /// Total bytes of text in the cluster.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The similarity matrix asked for would be too large to hold densely.
    #[error("a dense similarity matrix of {sentences} sentences would need {bytes} bytes; the limit is {limit} bytes")]
    MatrixTooLarge {
        /// Sentences in the cluster.
        sentences: usize,
        /// Bytes the matrix would need.
        bytes: usize,
        /// The largest matrix polysum builds.
        limit: usize,
    },
}

fn did_you_mean(suggestion: &Option<&'static str>) -> String {
    suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
}

fn option_names() -> String {
    crate::options::OPTIONS.iter().map(|o| o.name).collect::<Vec<_>>().join(", ")
}

impl Error {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidConfig { field, message: message.into() }
    }
}

/// `Result` with polysum's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

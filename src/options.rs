//! Every option, declared once.
//!
//! The table below is the only place an option is named, typed, given its default
//! and documented. From it come [`Options`] (one flat field per option, the shape
//! the command line, Python and JSON use), the [`OPTIONS`] catalogue that the
//! command builds its flags from and Python builds its keyword arguments, its
//! `Summarizer.options` and its docstring from, and the checks behind
//! [`Config::validate`]. [`Config`] is the engine's typed view of the same values
//! (the budget as one [`Budget`]), reached by `Config::try_from(options)`.
//!
//! Adding an option is one entry in `options!` and its use in the engine.
//!
//! ```
//! use polysum::{Budget, Config, Options, Value};
//!
//! let mut options = Options::default();
//! options.set("max_words", Value::Int(60))?;
//! options.set("method", Value::Str("lexrank".into()))?;
//! let config = Config::try_from(options)?;
//! assert_eq!(config.budget, Budget::Words(60));
//!
//! let error = Options::default().set("max_word", Value::Int(60)).unwrap_err();
//! assert!(error.to_string().contains("did you mean `max_words`"));
//! # Ok::<(), polysum::Error>(())
//! ```

use std::fmt;

use serde::Serialize;

use crate::config::{Budget, Config, IdfScope, Method, Order, DEFAULT_MAX_INPUT_BYTES};
use crate::error::{Error, Result};
use crate::text::Language;
use crate::tokens::Encoding;

/// A value given for an option by a front end, before it is checked: what a
/// command-line word, a Python object or a JSON value turns into.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No value (Python `None`, JSON `null`): "not set" for options that may be unset.
    Null,
    /// A truth value.
    Bool(bool),
    /// A whole number (Python ints of any size fit, larger ones saturate).
    Int(i128),
    /// A real number.
    Float(f64),
    /// A name or a word.
    Str(String),
    /// A list of words.
    List(Vec<String>),
}

impl fmt::Display for Value {
    /// The value as Python writes it, for signatures and help.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("None"),
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Int(n) => write!(f, "{n}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "'{s}'"),
            Value::List(words) => {
                let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
                write!(f, "[{}]", quoted.join(", "))
            }
        }
    }
}

/// What kind of value an option takes, for front ends that must parse words
/// (the command line) or describe types (Python stubs and help).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number, at least 0.
    Count,
    /// A real number.
    Number,
    /// True or false.
    Flag,
    /// One of a list of names, listed in [`OptionSpec::choices`].
    Choice,
    /// A list of words (comma-separated on the command line).
    Words,
}

/// One option as the catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    /// The name, the same in Rust, on the command line (with `-` for `_`), in
    /// Python and in JSON.
    pub name: &'static str,
    /// What kind of value it takes.
    pub kind: Kind,
    /// Whether `None` is a valid value (the option may be unset).
    pub optional: bool,
    /// The valid names of a [`Kind::Choice`] option; empty otherwise.
    pub choices: &'static [&'static str],
    /// Options of one group exclude each other (the budget: at most one of
    /// `max_sentences`, `max_words`, `max_chars`, `max_bytes`, `max_tokens`, `ratio`).
    pub group: Option<&'static str>,
    /// What the option means, in a sentence or two.
    pub help: &'static str,
}

impl OptionSpec {
    /// The option's default, as a [`Value`].
    pub fn default_value(&self) -> Value {
        Options::default().get(self.name).expect("every catalogued option has a value")
    }

    /// A value from a word as a command line gives it: a number, `true`/`false`
    /// (also yes/no, on/off, 1/0), a name, or `none` for an option that may be
    /// unset.
    pub fn parse(&self, word: &str) -> Result<Value> {
        let trimmed = word.trim();
        if self.optional && trimmed.eq_ignore_ascii_case("none") {
            return Ok(Value::Null);
        }
        let expected = match self.kind {
            Kind::Choice => return Ok(Value::Str(trimmed.to_owned())),
            Kind::Count => trimmed.parse::<i128>().map(Value::Int).ok().ok_or("a whole number"),
            Kind::Number => trimmed.parse::<f64>().map(Value::Float).ok().ok_or("a number"),
            Kind::Words => {
                Ok(Value::List(trimmed.split(',').map(str::trim).filter(|w| !w.is_empty()).map(String::from).collect()))
            }
            Kind::Flag => match trimmed.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" | "1" => Ok(Value::Bool(true)),
                "false" | "no" | "off" | "0" => Ok(Value::Bool(false)),
                _ => Err("true or false"),
            },
        };
        expected.map_err(|expected| Error::invalid(self.name, format!("expected {expected}, got {word:?}")))
    }
}

/// A type an option can hold: how a [`Value`] becomes it and back.
pub trait OptionType: Sized {
    /// The kind of value.
    const KIND: Kind;
    /// Whether `None` is accepted.
    const OPTIONAL: bool = false;
    /// Valid names, for choices.
    const CHOICES: &'static [&'static str] = &[];
    /// The option's value from `value`; a wrong type is [`Error::OptionType`].
    fn from_value(field: &'static str, value: Value) -> Result<Self>;
    /// The value as a front end shows it.
    fn to_value(&self) -> Value;
}

fn wrong_type(field: &'static str, expected: &'static str, value: &Value) -> Error {
    let got = match value {
        Value::Null => "None",
        Value::Bool(_) => "a bool",
        Value::Int(_) => "an int",
        Value::Float(_) => "a float",
        Value::Str(_) => "a str",
        Value::List(_) => "a list",
    };
    Error::OptionType { field, expected, got }
}

impl OptionType for usize {
    const KIND: Kind = Kind::Count;

    fn from_value(field: &'static str, value: Value) -> Result<Self> {
        match value {
            // Beyond usize means "no limit", which usize::MAX already is.
            Value::Int(n) if n >= 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
            Value::Int(n) => Err(Error::invalid(field, format!("must be at least 1, got {n}"))),
            other => Err(wrong_type(field, "an int", &other)),
        }
    }

    fn to_value(&self) -> Value {
        Value::Int(*self as i128)
    }
}

impl OptionType for f64 {
    const KIND: Kind = Kind::Number;

    fn from_value(field: &'static str, value: Value) -> Result<Self> {
        match value {
            Value::Float(x) => Ok(x),
            Value::Int(n) => Ok(n as f64),
            other => Err(wrong_type(field, "a number", &other)),
        }
    }

    fn to_value(&self) -> Value {
        Value::Float(*self)
    }
}

impl OptionType for bool {
    const KIND: Kind = Kind::Flag;

    fn from_value(field: &'static str, value: Value) -> Result<Self> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(wrong_type(field, "a bool", &other)),
        }
    }

    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
}

impl OptionType for Vec<String> {
    const KIND: Kind = Kind::Words;

    fn from_value(field: &'static str, value: Value) -> Result<Self> {
        match value {
            Value::List(words) => Ok(words),
            // One word alone is a list of one.
            Value::Str(word) => Ok(vec![word]),
            other => Err(wrong_type(field, "a list of str", &other)),
        }
    }

    fn to_value(&self) -> Value {
        Value::List(self.clone())
    }
}

impl<T: OptionType> OptionType for Option<T> {
    const KIND: Kind = T::KIND;
    const OPTIONAL: bool = true;
    const CHOICES: &'static [&'static str] = T::CHOICES;

    fn from_value(field: &'static str, value: Value) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            value => T::from_value(field, value).map(Some),
        }
    }

    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_value)
    }
}

/// Names parsed by `FromStr` (whose error names the field and the valid values).
macro_rules! named_option {
    ($type:ty, $names:expr) => {
        impl OptionType for $type {
            const KIND: Kind = Kind::Choice;
            const CHOICES: &'static [&'static str] = $names;

            fn from_value(field: &'static str, value: Value) -> Result<Self> {
                match value {
                    Value::Str(name) => name.parse::<$type>().map_err(|error| match error {
                        Error::InvalidConfig { message, .. } => Error::InvalidConfig { field, message },
                        other => other,
                    }),
                    other => Err(wrong_type(field, "a str", &other)),
                }
            }

            fn to_value(&self) -> Value {
                Value::Str(self.name().to_owned())
            }
        }
    };
}

named_option!(Method, Method::NAMES);
named_option!(Order, Order::NAMES);
named_option!(IdfScope, IdfScope::NAMES);
named_option!(Language, Language::NAMES);
named_option!(Encoding, Encoding::NAMES);

/// Checks an option's value; the error names the option.
type Check<T> = fn(&'static str, &T) -> Result<()>;

fn unit_interval(field: &'static str, value: &f64) -> Result<()> {
    if (0.0..=1.0).contains(value) {
        Ok(())
    } else {
        Err(Error::invalid(field, format!("must be between 0 and 1, got {value}")))
    }
}

fn open_unit_interval(field: &'static str, value: &f64) -> Result<()> {
    if *value > 0.0 && *value <= 1.0 {
        Ok(())
    } else {
        Err(Error::invalid(field, format!("must be in (0, 1], got {value}")))
    }
}

fn at_least_one(field: &'static str, value: &usize) -> Result<()> {
    if *value >= 1 {
        Ok(())
    } else {
        Err(Error::invalid(field, "must be at least 1, got 0"))
    }
}

fn some<T>(check: Check<T>) -> impl Fn(&'static str, &Option<T>) -> Result<()> {
    move |field, value| value.as_ref().map_or(Ok(()), |v| check(field, v))
}

fn lexrank_threshold(field: &'static str, value: &Option<f64>) -> Result<()> {
    match value {
        Some(t) if !(0.0..1.0).contains(t) => Err(Error::invalid(field, format!("must be in [0, 1), got {t}"))),
        _ => Ok(()),
    }
}

macro_rules! options {
    ($(
        $(#[doc = $doc:literal])+
        $name:ident : $type:ty = $default:expr $(, group $group:literal)? $(, check $check:expr)? ;
    )*) => {
        /// Every option in one flat record: the shape in which the command line,
        /// Python and JSON give them. `Options::default()` holds the defaults;
        /// `Config::try_from(options)` checks them and builds the engine's view.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct Options {
            $( $(#[doc = $doc])+ pub $name: $type, )*
        }

        impl Default for Options {
            fn default() -> Self {
                Options { $( $name: $default, )* }
            }
        }

        /// The catalogue of options, in the order help lists them.
        pub const OPTIONS: &[OptionSpec] = &[$(
            OptionSpec {
                name: stringify!($name),
                kind: <$type as OptionType>::KIND,
                optional: <$type as OptionType>::OPTIONAL,
                choices: <$type as OptionType>::CHOICES,
                group: group_of!($($group)?),
                help: concat!($($doc),+),
            },
        )*];

        impl Options {
            /// Sets the option called `name` from a front end's value. An unknown
            /// name is [`Error::UnknownOption`] (with the nearest valid name), a
            /// value of the wrong type [`Error::OptionType`]; ranges are checked
            /// by [`Options::validate`].
            pub fn set(&mut self, name: &str, value: Value) -> Result<()> {
                let clears_group = value != Value::Null;
                match name {
                    $( stringify!($name) => self.$name = OptionType::from_value(stringify!($name), value)?, )*
                    _ => return Err(unknown_option(name)),
                }
                // One option of a group (the budget) stands for the whole group.
                let group = OPTIONS.iter().find(|o| o.name == name).and_then(|o| o.group);
                if let (Some(group), true) = (group, clears_group) {
                    for other in OPTIONS.iter().filter(|o| o.group == Some(group) && o.name != name) {
                        self.set(other.name, Value::Null)?;
                    }
                }
                Ok(())
            }

            /// The value of the option called `name`, or `None` for an unknown name.
            pub fn get(&self, name: &str) -> Option<Value> {
                match name {
                    $( stringify!($name) => Some(self.$name.to_value()), )*
                    _ => None,
                }
            }

            /// Checks every value, naming the first option out of range.
            pub fn validate(&self) -> Result<()> {
                $( $( ($check)(stringify!($name), &self.$name)?; )? )*
                self.check_together()
            }
        }
    };
}

macro_rules! group_of {
    () => {
        None
    };
    ($group:literal) => {
        Some($group)
    };
}

// The weights' defaults were tuned on DUC 2003 and Multi-News; among settings
// about as good there, the one ahead of lead in every MultiLing language
// (docs/experiments.md).
options! {
    /// How sentences are scored and chosen: one of the methods (see `METHODS`).
    method: Method = Method::default();
    /// The language of the documents: an English name or its ISO 639-1 code (en,
    /// de, zh, ja, ko, ...), in any case.
    language: Language = Language::default();
    /// At most this many sentences. The budget is one of max_sentences, max_words,
    /// max_chars, max_bytes, max_tokens and ratio; giving one unsets the others.
    max_sentences: Option<usize> = Some(5), group "budget", check some(at_least_one);
    /// At most this many words.
    max_words: Option<usize> = None, group "budget", check some(at_least_one);
    /// At most this many characters.
    max_chars: Option<usize> = None, group "budget", check some(at_least_one);
    /// At most this many bytes of UTF-8.
    max_bytes: Option<usize> = None, group "budget", check some(at_least_one);
    /// At most this many tokens of the tokenizer in the summary's text, joined as
    /// Summary.text joins it; never more.
    max_tokens: Option<usize> = None, group "budget", check some(at_least_one);
    /// At most this fraction, in (0, 1], of the cluster's words.
    ratio: Option<f64> = None, group "budget", check some(open_unit_interval);
    /// What max_tokens counts with: one of OpenAI's encodings (o200k_base is
    /// GPT-4o's and later models', cl100k_base GPT-4's); in Python also any
    /// callable str -> int.
    tokenizer: Encoding = Encoding::default();
    /// The order of the summary's sentences: by score, or as they stand in the sources.
    order: Order = Order::default();
    /// Weight in [0, 1] of the redundancy penalty: 0 ranks by score alone, higher
    /// values prefer sentences unlike those already chosen.
    redundancy: f64 = 0.5, check unit_interval;
    /// Tf-idf cosine in (0, 1] at which a sentence is a near-duplicate of a chosen
    /// one and never chosen.
    duplicate_threshold: f64 = 0.5, check open_unit_interval;
    /// Overlap of content words, each counted once whatever its weight, at which
    /// two sentences tell the same fact in different words and only one may be
    /// chosen; the ledes of two documents (which tell the story's event) at 0.1
    /// less. None leaves paraphrases to the redundancy penalty alone.
    same_fact: Option<f64> = Some(0.45), check some(open_unit_interval);
    /// Only with sentence embeddings of your own (Python's embeddings=; the command
    /// takes none): the cosine in (0, 1] of two sentences' embeddings at which they
    /// tell the same fact and only one may be chosen, and at which a sentence
    /// restates a seen one. It is on the embedding model's own scale:
    /// sentence-transformers models typically put paraphrases at 0.8 or more.
    embedding_threshold: f64 = 0.8, check open_unit_interval;
    /// Weight in [0, 1] of the position prior: earlier in its document is better.
    position_weight: f64 = 0.4, check unit_interval;
    /// Weight in [0, 1] of support, the share of other documents saying something
    /// similar; position_weight + support_weight must not exceed 1.
    support_weight: f64 = 0.35, check unit_interval;
    /// Sentences with fewer words are damped in proportion; below a quarter of it
    /// they are never chosen.
    min_words: usize = 8, check at_least_one;
    /// LexRank only: the cosine in [0, 1) below which two sentences are not linked
    /// (classic LexRank); None keeps every edge weighted by its cosine.
    lexrank_threshold: Option<f64> = None, check lexrank_threshold;
    /// What inverse document frequency counts over: sentences or documents.
    idf: IdfScope = IdfScope::default();
    /// Keep headings, bylines, datelines and boilerplate ("subscribe", copyright
    /// notices) out of the summary.
    filter_boilerplate: bool = true;
    /// Show a sentence that opens by pointing back ("This piece...", "However,",
    /// "He said") only right after the sentence it leans on; without it, such a
    /// sentence may stand alone.
    self_contained: bool = true;
    /// Stop words of your own, added to the language's list: words that say
    /// nothing in your documents (a site's name, "said").
    stop_words: Vec<String> = Vec::new();
    /// Whether stop_words replaces the language's list instead of adding to it.
    replace_stop_words: bool = false;
    /// With a query: how strongly it pulls, in [0, 1]. 0 ignores it, 1 ranks by
    /// relevance to it alone; the position and support priors fade as it grows.
    /// 0.7: tuned on DUC 2006 with `auto` (concepts about a query).
    query_weight: f64 = 0.7, check unit_interval;
    /// The largest cluster accepted, in bytes of text.
    max_input_bytes: usize = DEFAULT_MAX_INPUT_BYTES, check at_least_one;
}

impl Options {
    /// Rules between options.
    fn check_together(&self) -> Result<()> {
        let budgets: Vec<&str> = OPTIONS
            .iter()
            .filter(|o| o.group == Some("budget") && self.get(o.name) != Some(Value::Null))
            .map(|o| o.name)
            .collect();
        if budgets.len() > 1 {
            return Err(Error::invalid(
                "budget",
                format!("give at most one of {} (got {})", budget_names().join(", "), budgets.join(", ")),
            ));
        }
        if self.position_weight + self.support_weight > 1.0 {
            return Err(Error::invalid(
                "support_weight",
                format!(
                    "position_weight + support_weight must not exceed 1, got {} + {}",
                    self.position_weight, self.support_weight
                ),
            ));
        }
        Ok(())
    }

    /// Options from `(name, value)` pairs over the defaults: how a front end turns
    /// what its user wrote into options. Two options of one group are refused.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> Result<Options> {
        let mut options = Options::default();
        let mut given: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            let set = value != Value::Null;
            options.set(name, value)?;
            if let Some(spec) = OPTIONS.iter().find(|o| o.name == name && o.group.is_some() && set) {
                if let Some(other) =
                    given.iter().find(|g| OPTIONS.iter().any(|o| o.name == **g && o.group == spec.group))
                {
                    return Err(Error::invalid(
                        "budget",
                        format!("give at most one of {} (got {other} and {name})", budget_names().join(", ")),
                    ));
                }
                given.push(spec.name);
            }
        }
        Ok(options)
    }

    fn budget(&self) -> Budget {
        if let Some(n) = self.max_sentences {
            Budget::Sentences(n)
        } else if let Some(n) = self.max_words {
            Budget::Words(n)
        } else if let Some(n) = self.max_chars {
            Budget::Chars(n)
        } else if let Some(n) = self.max_bytes {
            Budget::Bytes(n)
        } else if let Some(n) = self.max_tokens {
            Budget::Tokens(n)
        } else if let Some(r) = self.ratio {
            Budget::Ratio(r)
        } else {
            Budget::default()
        }
    }
}

fn budget_names() -> Vec<&'static str> {
    OPTIONS.iter().filter(|o| o.group == Some("budget")).map(|o| o.name).collect()
}

/// The error for an option name no one declared, with the closest declared one.
fn unknown_option(name: &str) -> Error {
    let suggestion = OPTIONS
        .iter()
        .map(|o| (edit_distance(name, o.name), o.name))
        .filter(|&(distance, option)| distance <= 2.max(option.len() / 3))
        .min()
        .map(|(_, option)| option);
    Error::UnknownOption { name: name.to_owned(), suggestion }
}

/// Levenshtein distance over chars, for did-you-mean suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

impl TryFrom<Options> for Config {
    type Error = Error;

    fn try_from(options: Options) -> Result<Config> {
        options.validate()?;
        Ok(Config {
            budget: options.budget(),
            method: options.method,
            language: options.language,
            tokenizer: options.tokenizer,
            order: options.order,
            redundancy: options.redundancy,
            duplicate_threshold: options.duplicate_threshold,
            same_fact: options.same_fact,
            embedding_threshold: options.embedding_threshold,
            position_weight: options.position_weight,
            support_weight: options.support_weight,
            min_words: options.min_words,
            lexrank_threshold: options.lexrank_threshold,
            idf: options.idf,
            filter_boilerplate: options.filter_boilerplate,
            self_contained: options.self_contained,
            max_input_bytes: options.max_input_bytes,
            query_weight: options.query_weight,
            stop_words: options.stop_words,
            replace_stop_words: options.replace_stop_words,
        })
    }
}

impl From<&Config> for Options {
    fn from(config: &Config) -> Options {
        let mut options = Options {
            method: config.method,
            language: config.language,
            tokenizer: config.tokenizer,
            order: config.order,
            redundancy: config.redundancy,
            duplicate_threshold: config.duplicate_threshold,
            same_fact: config.same_fact,
            embedding_threshold: config.embedding_threshold,
            position_weight: config.position_weight,
            support_weight: config.support_weight,
            min_words: config.min_words,
            lexrank_threshold: config.lexrank_threshold,
            idf: config.idf,
            filter_boilerplate: config.filter_boilerplate,
            self_contained: config.self_contained,
            max_input_bytes: config.max_input_bytes,
            query_weight: config.query_weight,
            stop_words: config.stop_words.clone(),
            replace_stop_words: config.replace_stop_words,
            max_sentences: None,
            max_words: None,
            max_chars: None,
            max_bytes: None,
            max_tokens: None,
            ratio: None,
        };
        match config.budget {
            Budget::Sentences(n) => options.max_sentences = Some(n),
            Budget::Words(n) => options.max_words = Some(n),
            Budget::Chars(n) => options.max_chars = Some(n),
            Budget::Bytes(n) => options.max_bytes = Some(n),
            Budget::Tokens(n) => options.max_tokens = Some(n),
            Budget::Ratio(r) => options.ratio = Some(r),
        }
        options
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_options_are_the_default_config() {
        let config = Config::try_from(Options::default()).unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(Config::try_from(Options::from(&config)).unwrap(), config);
    }

    #[test]
    fn every_option_round_trips_through_values() {
        let mut options = Options::default();
        for spec in OPTIONS {
            let value = options.get(spec.name).unwrap();
            options.set(spec.name, value.clone()).unwrap();
            assert_eq!(options.get(spec.name), Some(value), "{}", spec.name);
            assert!(!spec.help.trim().is_empty(), "{} has no help", spec.name);
            assert_eq!(spec.kind == Kind::Choice, !spec.choices.is_empty(), "{}", spec.name);
        }
    }

    #[test]
    fn unknown_names_suggest_the_closest() {
        let error = Options::default().set("max_word", Value::Int(3)).unwrap_err();
        assert_eq!(error, Error::UnknownOption { name: "max_word".into(), suggestion: Some("max_words") });
        let error = Options::default().set("colour", Value::Int(3)).unwrap_err();
        assert_eq!(error, Error::UnknownOption { name: "colour".into(), suggestion: None });
        assert!(error.to_string().contains("valid options are method, language"), "{error}");
    }

    #[test]
    fn wrong_types_and_ranges_name_the_option() {
        let error = Options::default().set("max_words", Value::Str("10".into())).unwrap_err();
        assert!(matches!(error, Error::OptionType { field: "max_words", .. }), "{error:?}");
        let error = Options::default().set("max_words", Value::Int(-1)).unwrap_err();
        assert!(matches!(error, Error::InvalidConfig { field: "max_words", .. }), "{error:?}");
        let error = Options::from_pairs([("max_words", Value::Int(10)), ("ratio", Value::Float(0.5))]).unwrap_err();
        assert!(error.to_string().contains("give at most one of max_sentences, max_words"), "{error}");
        let error = Options::default().set("method", Value::Str("pagerank".into())).unwrap_err();
        assert!(error.to_string().contains("`method`") && error.to_string().contains("textrank, lexrank"), "{error}");
    }

    #[test]
    fn the_budget_is_the_one_given() {
        let options = Options::from_pairs([("ratio", Value::Float(0.25))]).unwrap();
        assert_eq!(Config::try_from(options).unwrap().budget, Budget::Ratio(0.25));
        let options = Options::from_pairs([("max_bytes", Value::Int(i128::MAX))]).unwrap();
        assert_eq!(Config::try_from(options).unwrap().budget, Budget::Bytes(usize::MAX));
        let mut options = Options::from_pairs([("max_tokens", Value::Int(100))]).unwrap();
        assert_eq!(options.max_sentences, None, "a token budget unsets the default sentence budget");
        options.set("tokenizer", Value::Str("cl100k_base".into())).unwrap();
        let config = Config::try_from(options).unwrap();
        assert_eq!((config.budget, config.tokenizer), (Budget::Tokens(100), Encoding::Cl100kBase));
        let error = Options::from_pairs([("max_tokens", Value::Int(10)), ("max_words", Value::Int(5))]).unwrap_err();
        assert!(error.to_string().contains("max_tokens"), "{error}");
        let error = Options::default().set("tokenizer", Value::Str("gpt-4".into())).unwrap_err().to_string();
        assert!(error.contains("`tokenizer`") && error.contains("valid values are o200k_base, cl100k_base"), "{error}");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("max_word", "max_words"), 1);
        assert_eq!(edit_distance("redundnacy", "redundancy"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

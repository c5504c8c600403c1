//! Python values in, Rust values out: documents, options and offsets.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyMapping, PyString};

use super::classes::PyDocument;
use super::errors::{config_error, input_error};
use crate::{Budget, Config, Document, IdfScope, Language, Method, Order};

/// A Python `str` as Rust text, refusing what cannot be UTF-8 (lone surrogates)
/// and NUL characters, which mean binary data was decoded as text.
pub(crate) fn text_of(value: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<String> {
    let string = value
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{} must be a str, not {}", what(), type_name(value))))?;
    let text = string
        .to_cow()
        .map_err(|error| input_error(format!("{} is not valid Unicode text (a lone surrogate?): {error}", what())))?;
    if let Some(position) = text.find('\0') {
        let index = text[..position].chars().count();
        return Err(input_error(format!("{} contains a NUL character at index {index}", what())));
    }
    Ok(text.into_owned())
}

pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "an unknown type".into())
}

/// A cluster from what Python users have at hand: a list (or any iterable) of
/// `str` or `Document`, or a mapping of id to text.
pub(crate) fn documents_of(docs: &Bound<'_, PyAny>) -> PyResult<Vec<Document>> {
    if docs.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "docs must be a list of documents (str or polysum.Document) or a dict of id -> text, not a single str; \
             wrap it in a list: summarize([text])",
        ));
    }
    if let Ok(mapping) = docs.cast::<PyMapping>() {
        let mut documents = Vec::new();
        for item in mapping.items()?.iter() {
            let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let id = text_of(&key, &|| format!("document id {}", repr_of(&key)))?;
            let text = text_of(&value, &|| format!("the text of document {id:?}"))?;
            documents.push(Document { id, text });
        }
        return Ok(documents);
    }
    let iterator = docs.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "docs must be a list of documents (str or polysum.Document) or a dict of id -> text, not {}",
            type_name(docs)
        ))
    })?;
    let mut documents = Vec::new();
    for (index, item) in iterator.enumerate() {
        let item = item?;
        if let Ok(document) = item.cast::<PyDocument>() {
            documents.push(document.get().inner.clone());
        } else if item.is_instance_of::<PyString>() {
            let text = text_of(&item, &|| format!("document {index}"))?;
            documents.push(Document { id: index.to_string(), text });
        } else {
            return Err(PyTypeError::new_err(format!(
                "document {index} must be a str or a polysum.Document, not {}",
                type_name(&item)
            )));
        }
    }
    Ok(documents)
}

fn repr_of(value: &Bound<'_, PyAny>) -> String {
    value.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into())
}

/// A whole number for a count option: `bool` is refused, negative and zero are
/// out of range, and numbers beyond `usize` mean "no limit".
fn count(field: &'static str, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!("{field} must be an int, not {}", type_name(value))));
    }
    match value.extract::<i128>() {
        Ok(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Ok(n) => Err(config_error(format!("invalid value for `{field}`: must be at least 1, got {n}"))),
        Err(_) if value.gt(0)? => Ok(usize::MAX),
        Err(_) => Err(config_error(format!("invalid value for `{field}`: must be at least 1"))),
    }
}

fn number(field: &'static str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    if value.is_instance_of::<PyBool>() || !(value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>()) {
        return Err(PyTypeError::new_err(format!("{field} must be a number, not {}", type_name(value))));
    }
    value.extract::<f64>()
}

fn name(field: &'static str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    value
        .extract::<String>()
        .map_err(|_| PyTypeError::new_err(format!("{field} must be a str, not {}", type_name(value))))
}

fn parsed<T: std::str::FromStr<Err = crate::Error>>(field: &'static str, value: &Bound<'_, PyAny>) -> PyResult<T> {
    name(field, value)?.parse::<T>().map_err(super::errors::to_py)
}

/// The keyword options of `Summarizer(...)` and `summarize(...)`, all optional:
/// what is not given keeps the engine's default.
#[derive(Default)]
pub(crate) struct Options<'py> {
    pub(crate) method: Option<Bound<'py, PyAny>>,
    pub(crate) language: Option<Bound<'py, PyAny>>,
    pub(crate) max_sentences: Option<Bound<'py, PyAny>>,
    pub(crate) max_words: Option<Bound<'py, PyAny>>,
    pub(crate) max_chars: Option<Bound<'py, PyAny>>,
    pub(crate) max_bytes: Option<Bound<'py, PyAny>>,
    pub(crate) ratio: Option<Bound<'py, PyAny>>,
    pub(crate) order: Option<Bound<'py, PyAny>>,
    pub(crate) redundancy: Option<Bound<'py, PyAny>>,
    pub(crate) duplicate_threshold: Option<Bound<'py, PyAny>>,
    pub(crate) position_weight: Option<Bound<'py, PyAny>>,
    pub(crate) support_weight: Option<Bound<'py, PyAny>>,
    pub(crate) min_words: Option<Bound<'py, PyAny>>,
    pub(crate) lexrank_threshold: Option<Bound<'py, PyAny>>,
    pub(crate) idf: Option<Bound<'py, PyAny>>,
    pub(crate) filter_boilerplate: Option<Bound<'py, PyAny>>,
    pub(crate) max_input_bytes: Option<Bound<'py, PyAny>>,
}

impl Options<'_> {
    pub(crate) fn into_config(self) -> PyResult<Config> {
        let mut config = Config::default();
        if let Some(v) = &self.method {
            config.method = parsed::<Method>("method", v)?;
        }
        if let Some(v) = &self.language {
            config.language = parsed::<Language>("language", v)?;
        }
        if let Some(v) = &self.order {
            config.order = parsed::<Order>("order", v)?;
        }
        if let Some(v) = &self.idf {
            config.idf = parsed::<IdfScope>("idf", v)?;
        }
        let budgets = [
            ("max_sentences", &self.max_sentences),
            ("max_words", &self.max_words),
            ("max_chars", &self.max_chars),
            ("max_bytes", &self.max_bytes),
            ("ratio", &self.ratio),
        ];
        let given: Vec<&str> = budgets.iter().filter(|(_, v)| v.is_some()).map(|(n, _)| *n).collect();
        if given.len() > 1 {
            return Err(config_error(format!(
                "invalid value for `budget`: give at most one of max_sentences, max_words, max_chars, max_bytes, ratio (got {})",
                given.join(", ")
            )));
        }
        if let Some(v) = &self.max_sentences {
            config.budget = Budget::Sentences(count("max_sentences", v)?);
        } else if let Some(v) = &self.max_words {
            config.budget = Budget::Words(count("max_words", v)?);
        } else if let Some(v) = &self.max_chars {
            config.budget = Budget::Chars(count("max_chars", v)?);
        } else if let Some(v) = &self.max_bytes {
            config.budget = Budget::Bytes(count("max_bytes", v)?);
        } else if let Some(v) = &self.ratio {
            config.budget = Budget::Ratio(number("ratio", v)?);
        }
        if let Some(v) = &self.redundancy {
            config.redundancy = number("redundancy", v)?;
        }
        if let Some(v) = &self.duplicate_threshold {
            config.duplicate_threshold = number("duplicate_threshold", v)?;
        }
        if let Some(v) = &self.position_weight {
            config.position_weight = number("position_weight", v)?;
        }
        if let Some(v) = &self.support_weight {
            config.support_weight = number("support_weight", v)?;
        }
        if let Some(v) = &self.min_words {
            config.min_words = count("min_words", v)?;
        }
        if let Some(v) = &self.lexrank_threshold {
            if !v.is_none() {
                config.lexrank_threshold = Some(number("lexrank_threshold", v)?);
            }
        }
        if let Some(v) = &self.filter_boilerplate {
            config.filter_boilerplate = v
                .cast::<PyBool>()
                .map_err(|_| PyTypeError::new_err(format!("filter_boilerplate must be a bool, not {}", type_name(v))))?
                .is_true();
        }
        if let Some(v) = &self.max_input_bytes {
            config.max_input_bytes = count("max_input_bytes", v)?;
        }
        config.validate().map_err(super::errors::to_py)?;
        Ok(config)
    }
}

/// Converts increasing byte offsets of one text into `str` (code point) indices,
/// walking the text once.
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharOffsets { text, ascii: text.is_ascii(), byte: 0, chars: 0 }
    }

    /// The `str` index of byte offset `byte`. Offsets may go back, at a cost.
    pub(crate) fn index(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

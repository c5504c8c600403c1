//! Python values in, Rust values out: documents, options and offsets.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PyMapping, PySet, PyString, PyTuple};

use super::classes::PyDocument;
use super::errors::input_error;
use crate::{Cluster, Document, Error, Options, Value};

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
/// `str` or `Document`, or a mapping of id to text. Also says whether the ids are
/// list positions (a list of plain `str`), which Python then gives back as ints.
pub(crate) fn documents_of(docs: &Bound<'_, PyAny>) -> PyResult<(Vec<Document>, bool)> {
    documents_named(docs, "docs")
}

fn documents_named(docs: &Bound<'_, PyAny>, what: &str) -> PyResult<(Vec<Document>, bool)> {
    if docs.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of documents (str or polysum.Document) or a dict of id -> text, not a single str; \
             wrap it in a list: [text]"
        )));
    }
    if let Ok(mapping) = docs.cast::<PyMapping>() {
        let mut documents = Vec::new();
        for item in mapping.items()?.iter() {
            let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let id = text_of(&key, &|| format!("document id {}", repr_of(&key)))?;
            let text = text_of(&value, &|| format!("the text of document {id:?}"))?;
            documents.push(Document { id, text });
        }
        return Ok((documents, false));
    }
    let iterator = docs.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a list of documents (str or polysum.Document) or a dict of id -> text, not {}",
            type_name(docs)
        ))
    })?;
    let mut documents = Vec::new();
    let mut positional = true;
    for (index, item) in iterator.enumerate() {
        let item = item?;
        if let Ok(document) = item.cast::<PyDocument>() {
            documents.push(document.get().inner.clone());
            positional = false;
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
    Ok((documents, positional))
}

/// The query argument: None, or a str (the empty str is a query without content
/// words: the generic summary, with a note saying so).
pub(crate) fn query_of(query: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match query {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) => text_of(value, &|| "query".into()).map(Some),
    }
}

/// The seen argument: None, or documents of the same kinds as `docs`.
pub(crate) fn seen_of(seen: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Document>> {
    match seen {
        None => Ok(Vec::new()),
        Some(value) if value.is_none() => Ok(Vec::new()),
        Some(value) => documents_named(value, "seen").map(|(documents, _)| documents),
    }
}

/// One cluster of a batch: documents as `docs` takes them, or a dict
/// `{"docs": ..., "query": ..., "seen": ...}` carrying its own focus.
pub(crate) fn cluster_of(item: &Bound<'_, PyAny>) -> PyResult<(Cluster, bool)> {
    if let Ok(mapping) = item.cast::<PyMapping>() {
        if let Ok(docs) = mapping.get_item("docs") {
            if !docs.is_instance_of::<PyString>() {
                for key in mapping.keys()?.iter() {
                    let key: String = key.extract().unwrap_or_default();
                    if !["docs", "query", "seen"].contains(&key.as_str()) {
                        return Err(PyTypeError::new_err(format!(
                            "a cluster dict takes the keys docs, query and seen, not {key:?}"
                        )));
                    }
                }
                let (documents, positional) = documents_of(&docs)?;
                let query = query_of(mapping.get_item("query").ok().as_ref())?;
                let seen = seen_of(mapping.get_item("seen").ok().as_ref())?;
                return Ok((Cluster { documents, query, seen }, positional));
            }
        }
    }
    let (documents, positional) = documents_of(item)?;
    Ok((Cluster::from(documents), positional))
}

fn repr_of(value: &Bound<'_, PyAny>) -> String {
    value.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into())
}

/// A Python value as an option [`Value`]: `None`, `bool`, `int` (and anything
/// with `__index__`, such as numpy integers), `float` (and numpy floats), `str`.
fn value_of(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    if value.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(value.is_truthy()?));
    }
    if value.is_instance_of::<PyString>() {
        return Ok(Value::Str(text_of(value, &|| format!("`{field}`"))?));
    }
    if value.is_instance_of::<PyFloat>() {
        return Ok(Value::Float(value.extract::<f64>()?));
    }
    if value.is_instance_of::<PyList>()
        || value.is_instance_of::<PyTuple>()
        || value.is_instance_of::<PySet>()
        || value.is_instance_of::<PyFrozenSet>()
    {
        let mut words = Vec::new();
        for item in value.try_iter()? {
            let item = item?;
            words.push(text_of(&item, &|| format!("an item of `{field}`"))?);
        }
        // Sets have no order: sorted, so that equal options compare equal.
        if !(value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>()) {
            words.sort();
        }
        return Ok(Value::List(words));
    }
    let index = if value.is_instance_of::<PyInt>() {
        Some(value.clone())
    } else if value.hasattr("__index__")? {
        Some(value.py().import("operator")?.call_method1("index", (value,))?)
    } else {
        None
    };
    if let Some(int) = index {
        // Ints beyond i128 saturate: a budget of 10**40 words means "no limit".
        return Ok(Value::Int(match int.extract::<i128>() {
            Ok(n) => n,
            Err(_) if int.gt(0)? => i128::MAX,
            Err(_) => i128::MIN,
        }));
    }
    if value.hasattr("__float__")? && value.is_instance(&value.py().import("numbers")?.getattr("Real")?)? {
        return Ok(Value::Float(value.extract::<f64>()?));
    }
    Err(PyTypeError::new_err(format!(
        "`{field}` must be a number, a str, a bool, a list of str or None, not {}",
        type_name(value)
    )))
}

/// The keyword options of `Summarizer(...)` and `summarize(...)` over the
/// defaults. Names, types and ranges are checked by the option table; an unknown
/// name or a wrong type is a `TypeError`, a bad value a `ConfigError`.
pub(crate) fn options_of(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut pairs: Vec<(String, Value)> = Vec::new();
    if let Some(kwargs) = kwargs {
        for (key, value) in kwargs.iter() {
            let name: String = key.extract()?;
            let value = value_of(&name, &value)?;
            pairs.push((name, value));
        }
    }
    Options::from_pairs(pairs.iter().map(|(name, value)| (name.as_str(), value.clone()))).map_err(|error| match error {
        Error::UnknownOption { .. } | Error::OptionType { .. } => PyTypeError::new_err(error.to_string()),
        other => super::errors::to_py(other),
    })
}

/// A value as Python sees it.
pub(crate) fn py_value<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Int(n) => n.into_pyobject(py)?.into_any(),
        Value::Float(x) => PyFloat::new(py, *x).into_any(),
        Value::Str(s) => PyString::new(py, s).into_any(),
        Value::List(words) => PyList::new(py, words)?.into_any(),
    })
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

//! The Python classes: Document, Summarizer, Summary, SummarySentence, Ranking and
//! Sentence. Results are frozen and hold plain data with `str` offsets.

use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods};
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use std::sync::Arc;

use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};
use serde::{Deserialize, Serialize};

use super::convert::{
    cluster_of, documents_of, options_of, py_value, query_of, seen_of, text_of, type_name, CharOffsets,
};
use super::errors::{guard, input_error, to_py};
use super::html::{summary_card, ViewHeader, ViewSentence};
use crate::{Cluster, Config, Document, Kind, Method, Options, Ranking, Summarizer, Summary, Value, OPTIONS};

/// A document of a cluster: an id of your choosing and its text.
#[pyclass(name = "Document", module = "polysum", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyDocument {
    pub(crate) inner: Document,
}

#[pymethods]
impl PyDocument {
    #[new]
    fn new(id: &Bound<'_, PyAny>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let id = text_of(id, &|| "Document id".into())?;
        let text = text_of(text, &|| format!("the text of Document {id:?}"))?;
        Ok(PyDocument { inner: Document { id, text } })
    }

    /// The document's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The document's text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    fn __repr__(&self) -> String {
        format!("Document(id={}, text={})", py_str_repr(&self.inner.id), py_str_repr(&preview(&self.inner.text, 60)))
    }

    fn __getnewargs__(&self) -> (String, String) {
        (self.inner.id.clone(), self.inner.text.clone())
    }
}

/// How a sentence names its document: by the id the caller gave it, or, for a
/// list of plain texts, by its position, so that `docs[s.doc_id][s.start:s.end]
/// == s.text` holds for a dict and a list alike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum DocKey {
    Position(usize),
    Id(String),
}

impl DocKey {
    fn of(id: &str, positional: bool) -> Self {
        match id.parse::<usize>() {
            Ok(position) if positional => DocKey::Position(position),
            _ => DocKey::Id(id.to_owned()),
        }
    }

    fn text(&self) -> String {
        match self {
            DocKey::Position(p) => p.to_string(),
            DocKey::Id(id) => id.clone(),
        }
    }
}

/// One chosen (or ranked) sentence: the engine's sentence record, with its
/// document named as the caller named it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SentenceView {
    text: String,
    doc: usize,
    doc_id: DocKey,
    index: usize,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    score: f64,
    components: crate::ScoreComponents,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    excluded: Option<crate::Exclusion>,
}

impl SentenceView {
    /// The view of `sentence`, which it takes over: a ranking lists every sentence
    /// of the cluster, and a copy of each would double its memory.
    fn of(sentence: crate::SummarySentence, excluded: Option<crate::Exclusion>, positional: bool) -> Self {
        SentenceView {
            text: sentence.text,
            doc: sentence.doc,
            doc_id: DocKey::of(&sentence.doc_id, positional),
            index: sentence.index,
            start: sentence.start,
            end: sentence.end,
            byte_start: sentence.byte_start,
            byte_end: sentence.byte_end,
            score: sentence.score,
            components: sentence.components,
            excluded,
        }
    }

    /// What a sentence read back from JSON must satisfy: its offsets cover exactly
    /// its text, so offsets and text cannot disagree.
    fn check(&self) -> PyResult<()> {
        if !crate::summary::offsets_cover(&self.text, self.start..self.end, self.byte_start..self.byte_end) {
            return Err(input_error(format!(
                "not a polysum summary: sentence {} of {:?} spans {}..{} (bytes {}..{}) but its text has {} characters",
                self.index,
                self.doc_id.text(),
                self.start,
                self.end,
                self.byte_start,
                self.byte_end,
                self.text.chars().count()
            )));
        }
        Ok(())
    }
}

/// A sentence of a summary or a ranking. `docs[s.doc][s.start:s.end] == s.text`.
#[pyclass(name = "SummarySentence", module = "polysum", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PySummarySentence {
    view: SentenceView,
}

#[pymethods]
impl PySummarySentence {
    /// The sentence, verbatim.
    #[getter]
    fn text(&self) -> &str {
        &self.view.text
    }
    /// Index of its document in the cluster.
    #[getter]
    fn doc(&self) -> usize {
        self.view.doc
    }
    /// Its document: the id given (a dict's key, a Document's id) or, for a list
    /// of str, the position in the list, so that `docs[s.doc_id][s.start:s.end] ==
    /// s.text`.
    #[getter]
    fn doc_id<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match &self.view.doc_id {
            DocKey::Position(p) => p.into_pyobject(py)?.into_any(),
            DocKey::Id(id) => PyString::new(py, id).into_any(),
        })
    }
    /// Its index among its document's sentences.
    #[getter]
    fn index(&self) -> usize {
        self.view.index
    }
    /// `str` index of its first character in its document.
    #[getter]
    fn start(&self) -> usize {
        self.view.start
    }
    /// `str` index just past its last character.
    #[getter]
    fn end(&self) -> usize {
        self.view.end
    }
    /// Byte offset of its first byte in its document's UTF-8 encoding.
    #[getter]
    fn byte_start(&self) -> usize {
        self.view.byte_start
    }
    /// Byte offset just past its last byte in its document's UTF-8 encoding.
    #[getter]
    fn byte_end(&self) -> usize {
        self.view.byte_end
    }
    /// The final score it was ranked by.
    #[getter]
    fn score(&self) -> f64 {
        self.view.score
    }
    /// The parts of the score: salience, position, length, support, relevance (to
    /// the query; 0 without one) and novelty (against the seen documents; 1 when
    /// nothing was seen).
    #[getter]
    fn components<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = &self.view.components;
        let dict = PyDict::new(py);
        dict.set_item("salience", c.salience)?;
        dict.set_item("position", c.position)?;
        dict.set_item("length", c.length)?;
        dict.set_item("support", c.support)?;
        dict.set_item("relevance", c.relevance)?;
        dict.set_item("novelty", c.novelty)?;
        Ok(dict)
    }
    /// Why the sentence may never be chosen (rankings only), or None.
    #[getter]
    fn excluded(&self) -> Option<String> {
        self.view.excluded.map(|e| e.name().to_owned())
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &serde_json::to_string(&self.view).map_err(internal)?)
    }

    /// Rebuilds a sentence from its JSON (what pickling stores).
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, pyo3::types::PyType>, json: &str) -> PyResult<Self> {
        let view: SentenceView = parse_json(json, "summary sentence")?;
        view.check()?;
        Ok(PySummarySentence { view })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&slf.get().view).map_err(internal)?;
        Ok((slf.get_type().getattr("_from_json")?, (json,)))
    }

    fn __repr__(&self) -> String {
        format!(
            "SummarySentence(doc={}, doc_id={}, index={}, start={}, end={}, score={:.4}, text={})",
            self.view.doc,
            match &self.view.doc_id {
                DocKey::Position(p) => p.to_string(),
                DocKey::Id(id) => py_str_repr(id),
            },
            self.view.index,
            self.view.start,
            self.view.end,
            self.view.score,
            py_str_repr(&preview(&self.view.text, 70))
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SummaryView {
    sentences: Vec<SentenceView>,
    method: Method,
    documents: usize,
    cluster_sentences: usize,
    cluster_words: usize,
    words: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tokens: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    query: Option<String>,
    #[serde(default)]
    query_terms: usize,
    #[serde(default)]
    seen_documents: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
}

/// A summary: the chosen sentences, iterable and indexable. `str(summary)` and
/// `summary.text` give the text; `to_dict()`/`to_json()` everything.
#[pyclass(name = "Summary", module = "polysum", frozen, eq, sequence)]
#[derive(Clone, PartialEq)]
pub(crate) struct PySummary {
    view: SummaryView,
}

impl PySummary {
    fn of(summary: Summary, positional: bool) -> Self {
        PySummary {
            view: SummaryView {
                sentences: summary.sentences.into_iter().map(|s| SentenceView::of(s, None, positional)).collect(),
                method: summary.method,
                documents: summary.documents,
                cluster_sentences: summary.cluster_sentences,
                cluster_words: summary.cluster_words,
                words: summary.words,
                tokens: summary.tokens,
                query: summary.query,
                query_terms: summary.query_terms,
                seen_documents: summary.seen_documents,
                notes: summary.notes,
            },
        }
    }

    fn text(&self) -> String {
        crate::display_text(self.view.sentences.iter().map(|s| s.text.as_str()))
    }
}

#[pymethods]
impl PySummary {
    /// The chosen sentences, in the configured order.
    #[getter]
    fn sentences(&self) -> Vec<PySummarySentence> {
        self.view.sentences.iter().map(|view| PySummarySentence { view: view.clone() }).collect()
    }
    /// The summary as one text: its sentences joined by spaces, line breaks inside
    /// a sentence collapsed (each sentence's `text` stays verbatim).
    #[getter(text)]
    fn text_py(&self) -> String {
        self.text()
    }
    /// The method that scored the sentences.
    #[getter]
    fn method(&self) -> &'static str {
        self.view.method.name()
    }
    /// Documents in the cluster.
    #[getter]
    fn documents(&self) -> usize {
        self.view.documents
    }
    /// Sentences in the whole cluster.
    #[getter]
    fn cluster_sentences(&self) -> usize {
        self.view.cluster_sentences
    }
    /// Words in the whole cluster.
    #[getter]
    fn cluster_words(&self) -> usize {
        self.view.cluster_words
    }
    /// Words in the summary itself.
    #[getter]
    fn words(&self) -> usize {
        self.view.words
    }
    /// Tokens in `text`, counted by the tokenizer of a `max_tokens` budget; None
    /// under any other budget.
    #[getter]
    fn tokens(&self) -> Option<usize> {
        self.view.tokens
    }
    /// The query the summary answers, or None.
    #[getter]
    fn query(&self) -> Option<&str> {
        self.view.query.as_deref()
    }
    /// Content words of the query found in the cluster: 0 means the query could
    /// not focus anything and this is the generic summary (see `notes`).
    #[getter]
    fn query_terms(&self) -> usize {
        self.view.query_terms
    }
    /// How many documents the reader had seen.
    #[getter]
    fn seen_documents(&self) -> usize {
        self.view.seen_documents
    }
    /// What a reader should know about how the summary came about (a query that
    /// could not focus it, sentences left out as already seen).
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.view.notes.clone()
    }

    fn __len__(&self) -> usize {
        self.view.sentences.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PySummarySentence> {
        let len = self.view.sentences.len() as isize;
        let position = if index < 0 { index + len } else { index };
        if !(0..len).contains(&position) {
            return Err(PyIndexError::new_err("summary index out of range"));
        }
        Ok(PySummarySentence { view: self.view.sentences[position as usize].clone() })
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.sentences())?.into_any().try_iter()?.into_any())
    }

    fn __str__(&self) -> String {
        self.text()
    }

    fn __repr__(&self) -> String {
        let words = self.view.words;
        let mut repr = format!(
            "Summary(method={}, {} sentences, {} words, from {} documents",
            py_str_repr(self.view.method.name()),
            self.view.sentences.len(),
            words,
            self.view.documents
        );
        if self.view.sentences.is_empty() {
            repr.push(')');
            return repr;
        }
        repr.push_str(":\n");
        for s in &self.view.sentences {
            repr.push_str(&format!("  [{} #{}] {:.3} {}\n", s.doc_id.text(), s.index, s.score, preview(&s.text, 90)));
        }
        repr.push(')');
        repr
    }

    /// The summary as plain Python data (dicts, lists, str, int, float).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.to_json(None)?)
    }

    /// The summary as JSON; `indent` pretty-prints.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        let json = match indent {
            None => serde_json::to_string(&self.view),
            Some(width) => {
                let indent = " ".repeat(width);
                let mut out = Vec::new();
                let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
                let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
                self.view.serialize(&mut serializer).map(|_| String::from_utf8(out).unwrap_or_default())
            }
        };
        json.map_err(internal)
    }

    /// A summary from what `to_json` wrote.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, pyo3::types::PyType>, json: &Bound<'_, PyAny>) -> PyResult<Self> {
        let json = text_of(json, &|| "json".into())?;
        let view: SummaryView = parse_json(&json, "summary")?;
        for sentence in &view.sentences {
            sentence.check()?;
        }
        Ok(PySummary { view })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json(None)?,)))
    }

    /// HTML for notebooks, readable in light and dark themes (see `html.rs`).
    fn _repr_html_(&self) -> String {
        let sentences: Vec<ViewSentence<'_>> = self
            .view
            .sentences
            .iter()
            .map(|s| ViewSentence {
                doc: s.doc,
                doc_id: s.doc_id.text(),
                index: s.index,
                score: s.score,
                relevance: self.view.query_terms.gt(&0).then_some(s.components.relevance),
                text: &s.text,
            })
            .collect();
        let header = ViewHeader {
            method: self.view.method.name(),
            documents: self.view.documents,
            words: self.view.words,
            query: self.view.query.as_deref(),
            notes: &self.view.notes,
        };
        summary_card(&header, &sentences)
    }
}

/// Every sentence of a cluster with its score, in cluster order, with the
/// scores and the similarity matrix as numpy arrays.
#[pyclass(name = "Ranking", module = "polysum", frozen)]
pub(crate) struct PyRanking {
    /// The engine's ranking as it came: a ranking lists every sentence of the
    /// cluster, so views of them are made when asked for, not held beside it
    /// (that doubled the memory, and the time, of `rank` on a megabyte of tiny
    /// sentences).
    ranking: Ranking,
    /// Whether documents are named by their position (see [`DocKey`]).
    positional: bool,
}

#[pymethods]
impl PyRanking {
    /// All sentences, in cluster order; `excluded` says why a sentence may never
    /// be chosen.
    #[getter]
    fn sentences(&self) -> Vec<PySummarySentence> {
        self.ranking
            .sentences
            .iter()
            .map(|r| PySummarySentence { view: SentenceView::of(r.sentence.clone(), r.exclusion, self.positional) })
            .collect()
    }

    /// The final scores as a float64 array, in cluster order.
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        self.ranking.scores().into_pyarray(py)
    }

    /// The dense symmetric tf-idf cosine matrix (float32) over all sentences.
    #[getter]
    fn similarity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f32>>> {
        let matrix = self.ranking.similarity_matrix().map_err(to_py)?;
        Ok(matrix.into_pyarray(py))
    }

    fn __len__(&self) -> usize {
        self.ranking.sentences.len()
    }

    /// Rebuilds a ranking from its JSON (what pickling stores).
    #[classmethod]
    fn _from_json(_cls: &Bound<'_, pyo3::types::PyType>, json: &str) -> PyResult<Self> {
        let (ranking, positional): (Ranking, bool) = parse_json(json, "ranking")?;
        Ok(PyRanking { ranking, positional })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let ranking = slf.get();
        let json = serde_json::to_string(&(&ranking.ranking, ranking.positional)).map_err(internal)?;
        Ok((slf.get_type().getattr("_from_json")?, (json,)))
    }

    fn __repr__(&self) -> String {
        let sentences = &self.ranking.sentences;
        let candidates = sentences.iter().filter(|r| r.exclusion.is_none()).count();
        format!("Ranking({} sentences, {} candidates)", sentences.len(), candidates)
    }
}

/// What pickling stores of a `Sentence`: text, start, end, terminated.
type SentenceFields = (String, usize, usize, bool);

/// A sentence found by `polysum.sentences`: `text[s.start:s.end] == s.text`.
#[pyclass(name = "Sentence", module = "polysum", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PySentence {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    /// Whether it ends with terminal punctuation (False for headings, fragments).
    #[pyo3(get)]
    terminated: bool,
}

#[pymethods]
impl PySentence {
    /// Rebuilds a sentence (what pickling stores).
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, pyo3::types::PyType>,
        text: String,
        start: usize,
        end: usize,
        terminated: bool,
    ) -> Self {
        PySentence { text, start, end, terminated }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, SentenceFields)> {
        let s = slf.get();
        Ok((slf.get_type().getattr("_restore")?, (s.text.clone(), s.start, s.end, s.terminated)))
    }

    fn __repr__(&self) -> String {
        format!("Sentence(start={}, end={}, text={})", self.start, self.end, py_str_repr(&preview(&self.text, 70)))
    }
}

/// Splits `text` into sentences.
#[pyfunction]
#[pyo3(signature = (text, *, language = None))]
pub(crate) fn sentences(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    language: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PySentence>> {
    // Any language name is accepted: one polysum does not know is split by the
    // language-neutral rules.
    let language = match language {
        None => "english".to_owned(),
        Some(value) => text_of(value, &|| "language".into())?,
    };
    let text = text_of(text, &|| "text".into())?;
    let segments = py.detach(|| guard(|| crate::segment_by_name(&text, &language)))?;
    let mut offsets = CharOffsets::new(&text);
    Ok(segments
        .into_iter()
        .map(|s| PySentence {
            text: text[s.range()].to_owned(),
            start: offsets.index(s.start),
            end: offsets.index(s.end),
            terminated: s.terminated,
        })
        .collect())
}

/// Scraped or extracted text rewritten as plain prose (markup, dot leaders,
/// separators and broken lines removed); split the result with `sentences`.
#[pyfunction]
pub(crate) fn normalize(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of(text, &|| "text".into())?;
    Ok(py.detach(|| guard(|| crate::text::normalize(&text)))?)
}

/// The tokens of `text` in one of OpenAI's encodings (see `TOKENIZERS`), as a
/// `max_tokens` budget counts them: ordinary text, special tokens' spellings
/// included as text.
#[pyfunction]
#[pyo3(signature = (text, tokenizer = "o200k_base"))]
pub(crate) fn count_tokens(py: Python<'_>, text: &Bound<'_, PyAny>, tokenizer: &str) -> PyResult<usize> {
    let text = text_of(text, &|| "text".into())?;
    let encoding = tokenizer.parse::<crate::Encoding>().map_err(to_py)?;
    py.detach(|| guard(|| encoding.count(&text)))?.map_err(to_py)
}

/// Summarises clusters of documents (the docstring is built from the option
/// table: see `summarizer_doc`).
#[pyclass(name = "Summarizer", module = "polysum", frozen, eq)]
#[derive(Clone)]
pub(crate) struct PySummarizer {
    inner: Summarizer,
    /// A callable `tokenizer`, which `inner` counts tokens with: kept to give it
    /// back in `options` (and so to pickle it) and to compare summarisers.
    tokenizer: Option<Arc<Py<PyAny>>>,
}

/// Two summarisers are equal when their options are, a callable tokenizer being
/// the same object.
impl PartialEq for PySummarizer {
    fn eq(&self, other: &Self) -> bool {
        self.inner.config() == other.inner.config()
            && match (&self.tokenizer, &other.tokenizer) {
                (None, None) => true,
                (Some(a), Some(b)) => a.as_ptr() == b.as_ptr(),
                _ => false,
            }
    }
}

#[pymethods]
impl PySummarizer {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        // A callable tokenizer is no option value the engine's table knows: it is
        // taken out, and the engine is given a counter that calls it.
        let callable = match options.map(|o| o.get_item("tokenizer")).transpose()?.flatten() {
            Some(value) if value.is_callable() && !value.is_instance_of::<PyString>() => Some(value),
            _ => None,
        };
        let options = match (&callable, options) {
            (Some(_), Some(options)) => {
                let rest = options.copy()?;
                rest.del_item("tokenizer")?;
                Some(rest)
            }
            _ => options.cloned(),
        };
        let config = Config::try_from(options_of(options.as_ref())?).map_err(to_py)?;
        let mut inner = Summarizer::new(config).map_err(to_py)?;
        let tokenizer = callable.map(|callable| Arc::new(callable.unbind()));
        if let Some(callable) = &tokenizer {
            inner = inner.with_tokenizer(python_counter(Arc::clone(callable)));
        }
        Ok(PySummarizer { inner, tokenizer })
    }

    /// The help of `Summarizer`: every option with its meaning and default.
    #[classattr]
    fn __doc__() -> String {
        summarizer_doc()
    }

    /// The signature `help()` and `inspect.signature` show: every option,
    /// keyword-only, with its real default.
    #[classattr]
    fn __signature__(py: Python<'_>) -> PyResult<Py<PyAny>> {
        let inspect = py.import("inspect")?;
        let parameter = inspect.getattr("Parameter")?;
        let keyword_only = parameter.getattr("KEYWORD_ONLY")?;
        let parameters = OPTIONS
            .iter()
            .map(|spec| {
                let kwargs = PyDict::new(py);
                kwargs.set_item("default", py_value(py, &spec.default_value())?)?;
                parameter.call((spec.name, &keyword_only), Some(&kwargs))
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(inspect.getattr("Signature")?.call1((parameters,))?.unbind())
    }

    /// The options, as keyword arguments that rebuild this summariser.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.options_dict(py)
    }

    /// The summary of one cluster: a list of str, a dict of id -> str, or a list
    /// of Document. `query`: a question, a topic or keywords the summary answers.
    /// `seen`: documents (of the same kinds) the reader has read; the summary then
    /// tells what is new. `embeddings`: sentence embeddings of your own, an
    /// array with one row per sentence of `docs` (the sentences `rank(docs)`
    /// lists, in that order) or a callable from a list of those sentences' texts
    /// to such an array (also called with the seen documents' sentences); two
    /// sentences at `embedding_threshold` then tell one fact.
    #[pyo3(signature = (docs, *, query=None, seen=None, embeddings=None))]
    fn summarize(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        query: Option<&Bound<'_, PyAny>>,
        seen: Option<&Bound<'_, PyAny>>,
        embeddings: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySummary> {
        let (cluster, positional) = focused_cluster(docs, query, seen)?;
        let embeddings = embeddings_of(embeddings)?;
        let summary = py
            .detach(|| {
                guard(|| match &embeddings {
                    None => self.inner.summarize_focused(&cluster.documents, &cluster.focus()),
                    Some(given) => {
                        self.inner.summarize_with_embeddings(&cluster.documents, &cluster.focus(), &given.engine())
                    }
                })
            })?
            .map_err(to_py)?;
        Ok(PySummary::of(summary, positional))
    }

    /// Every sentence of the cluster with its score (and, with a query or seen
    /// documents, its relevance and novelty).
    #[pyo3(signature = (docs, *, query=None, seen=None))]
    fn rank(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        query: Option<&Bound<'_, PyAny>>,
        seen: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRanking> {
        let (cluster, positional) = focused_cluster(docs, query, seen)?;
        let ranking =
            py.detach(|| guard(|| self.inner.rank_focused(&cluster.documents, &cluster.focus())))?.map_err(to_py)?;
        Ok(PyRanking { ranking, positional })
    }

    /// Summaries of many clusters, in parallel with the GIL released; results in
    /// input order, identical to one-by-one calls. `n_jobs`: None or -1 for all
    /// cores, else the number of threads.
    #[pyo3(signature = (clusters, *, n_jobs=None))]
    fn summarize_many(
        &self,
        py: Python<'_>,
        clusters: &Bound<'_, PyAny>,
        n_jobs: Option<i64>,
    ) -> PyResult<Vec<PySummary>> {
        let threads = match n_jobs {
            None | Some(-1) => None,
            Some(n) if n >= 1 => Some(crate::threads::capped(n as usize)),
            Some(n) => {
                return Err(super::errors::config_error(format!(
                    "invalid value for `n_jobs`: must be None, -1 or at least 1, got {n}"
                )))
            }
        };
        let (clusters, positional): (Vec<Cluster>, Vec<bool>) = clusters
            .try_iter()
            .map_err(|_| pyo3::exceptions::PyTypeError::new_err("clusters must be an iterable of clusters"))?
            .enumerate()
            .map(|(index, cluster)| cluster_of(&cluster?).map_err(|error| in_cluster(py, index, error)))
            .collect::<PyResult<Vec<_>>>()?
            .into_iter()
            .unzip();
        let results = py.detach(|| {
            guard(|| match threads {
                None => Ok(self.inner.summarize_clusters(&clusters)),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map(|pool| pool.install(|| self.inner.summarize_clusters(&clusters)))
                    .map_err(|e| e.to_string()),
            })
        })?;
        let results =
            results.map_err(|e| super::errors::PolysumError::new_err(format!("cannot start threads: {e}")))?;
        results
            .into_iter()
            .zip(positional)
            .enumerate()
            .map(|(index, (result, positional))| {
                result.map(|s| PySummary::of(s, positional)).map_err(|error| in_cluster(py, index, to_py(error)))
            })
            .collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let options = self.options_dict(py)?;
        let parts: Vec<String> =
            options.iter().map(|(k, v)| Ok(format!("{}={}", k, v.repr()?))).collect::<PyResult<_>>()?;
        Ok(format!("Summarizer({})", parts.join(", ")))
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.options_dict(py)?))
    }
}

impl PySummarizer {
    /// The options as keyword arguments that rebuild this summariser: every
    /// option, but of a group (the budget) only the one given, and a callable
    /// tokenizer as itself.
    fn options_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let options = Options::from(self.inner.config());
        let dict = PyDict::new(py);
        for spec in OPTIONS {
            let value = options.get(spec.name).expect("every catalogued option has a value");
            if spec.group.is_none() || value != Value::Null {
                dict.set_item(spec.name, py_value(py, &value)?)?;
            }
        }
        if let Some(callable) = &self.tokenizer {
            dict.set_item("tokenizer", callable.bind(py))?;
        }
        Ok(dict)
    }
}

/// The engine's token counter for a Python callable `str -> int`. The engine
/// runs with the GIL released, on the calling thread or on rayon's (in
/// `summarize_many`), so each call takes the GIL back for itself: counting is
/// then one call at a time across threads, and the rest of the work stays
/// parallel. What the callable raises, or a result that is no count, fails the
/// summary with a message naming it.
fn python_counter(callable: Arc<Py<PyAny>>) -> impl Fn(&str) -> Result<usize, String> + Send + Sync {
    move |text: &str| {
        Python::attach(|py| {
            let result = callable.bind(py).call1((text,)).map_err(|error| {
                let kind = error.get_type(py).name().map(|n| n.to_string()).unwrap_or_else(|_| "an exception".into());
                format!("{kind}: {}", error.value(py))
            })?;
            if result.is_instance_of::<PyBool>() {
                return Err(format!("the tokenizer must return an int, not {}", type_name(&result)));
            }
            result.extract::<usize>().map_err(|_| {
                let shown = result.repr().map(|r| r.to_string()).unwrap_or_else(|_| type_name(&result));
                format!("the tokenizer must return an int of at least 0, not {shown}")
            })
        })
    }
}

/// The `embeddings` argument of `summarize`, converted while the GIL is held.
enum PyEmbeddings {
    /// An array's rows, as float32.
    Rows(ndarray::Array2<f32>),
    /// A callable, called (with the GIL taken back) from the engine.
    Model(PyEmbedder),
}

impl PyEmbeddings {
    fn engine(&self) -> crate::Embeddings<'_> {
        match self {
            PyEmbeddings::Rows(rows) => crate::Embeddings::Rows(rows.view()),
            PyEmbeddings::Model(model) => crate::Embeddings::Model(model),
        }
    }
}

/// A Python callable `list[str] -> array` as the engine's embedding model.
struct PyEmbedder(Py<PyAny>);

impl crate::Embed for PyEmbedder {
    fn embed(&self, sentences: &[&str]) -> Result<ndarray::Array2<f32>, String> {
        Python::attach(|py| {
            let list = PyList::new(py, sentences).map_err(|error| error.to_string())?;
            let result = self.0.bind(py).call1((list,)).map_err(|error| {
                let kind = error.get_type(py).name().map(|n| n.to_string()).unwrap_or_else(|_| "an exception".into());
                format!("the embeddings callable raised {kind}: {}", error.value(py))
            })?;
            rows_of(&result).map_err(|message| format!("the embeddings callable returned {message}"))
        })
    }
}

/// None, a callable, or an array of one row per sentence.
fn embeddings_of(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<PyEmbeddings>> {
    match value {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) if value.is_callable() => Ok(Some(PyEmbeddings::Model(PyEmbedder(value.clone().unbind())))),
        Some(value) => rows_of(value)
            .map(|rows| Some(PyEmbeddings::Rows(rows)))
            .map_err(|message| input_error(format!("embeddings must be an array or a callable: got {message}"))),
    }
}

/// An array of numbers (anything `numpy.asarray` takes, any dtype it turns into
/// float32, C or Fortran order) as 2-D float32 rows, or what it was instead.
fn rows_of(value: &Bound<'_, PyAny>) -> Result<ndarray::Array2<f32>, String> {
    let py = value.py();
    let what = || type_name(value);
    let convert = || -> PyResult<Bound<'_, PyAny>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("dtype", "float32")?;
        py.import("numpy")?.call_method("asarray", (value,), Some(&kwargs))
    };
    let array = convert().map_err(|error| {
        format!("{} that is no array of numbers ({}); expected one row of floats per sentence", what(), error.value(py))
    })?;
    let array = array
        .cast::<numpy::PyArrayDyn<f32>>()
        .map_err(|_| format!("{} that numpy made no float32 array of", what()))?;
    let readonly = array.try_readonly().map_err(|error| format!("an array that cannot be read: {error}"))?;
    let view = readonly.as_array();
    if view.ndim() != 2 {
        return Err(format!(
            "a {}-dimensional array of shape {:?}; expected a 2-dimensional one, one row per sentence",
            view.ndim(),
            view.shape()
        ));
    }
    let view = view.into_dimensionality::<ndarray::Ix2>().map_err(|error| error.to_string())?;
    Ok(view.to_owned())
}

/// The `docs`, `query` and `seen` arguments of `summarize` and `rank` as one
/// cluster, and whether its ids are list positions.
fn focused_cluster(
    docs: &Bound<'_, PyAny>,
    query: Option<&Bound<'_, PyAny>>,
    seen: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Cluster, bool)> {
    let (documents, positional) = documents_of(docs)?;
    Ok((Cluster { documents, query: query_of(query)?, seen: seen_of(seen)? }, positional))
}

/// `error` of the cluster at `index` of a batch: the same exception type, its
/// message prefixed with the cluster's index.
fn in_cluster(py: Python<'_>, index: usize, error: PyErr) -> PyErr {
    let message = format!("cluster {index}: {}", error.value(py));
    let kind = error.get_type(py);
    match kind.call1((message.clone(),)) {
        Ok(instance) => PyErr::from_value(instance),
        Err(_) => error,
    }
}

/// `Summarizer`'s docstring: what it does, then every option of the table with
/// its type, default and meaning.
fn summarizer_doc() -> String {
    let mut doc = String::from(
        "Summarises clusters of documents: `summarize(docs)`, `rank(docs)`,\n\
         `summarize_many(clusters, n_jobs=None)`. Options are keyword-only; a\n\
         misspelt name raises TypeError, a bad value polysum.ConfigError.\n\n\
         Options:\n",
    );
    for spec in OPTIONS {
        let kind = match spec.kind {
            Kind::Count => "int",
            Kind::Number => "float",
            Kind::Flag => "bool",
            Kind::Choice => "str",
            Kind::Words => "list[str]",
        };
        let kind = if spec.optional { format!("{kind} | None") } else { kind.to_owned() };
        doc.push_str(&format!("\n    {}: {} = {}\n", spec.name, kind, spec.default_value()));
        let mut help = spec.help.split_whitespace().collect::<Vec<_>>().join(" ");
        if !spec.choices.is_empty() {
            help.push_str(&format!(" One of: {}.", spec.choices.join(", ")));
        }
        for line in wrap(&help, 72) {
            doc.push_str(&format!("        {line}\n"));
        }
    }
    doc.push_str("\nMethods:\n");
    for method in Method::ALL {
        let help = method.help().split_whitespace().collect::<Vec<_>>().join(" ");
        doc.push_str(&format!("\n    {}\n", method.name()));
        for line in wrap(&help, 72) {
            doc.push_str(&format!("        {line}\n"));
        }
    }
    doc
}

/// `text` in lines of at most `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// JSON written by `to_json`, or an `InputError` saying what is wrong with it
/// (serde_json refuses nesting deeper than 128 levels, so hostile JSON cannot
/// exhaust the stack).
fn parse_json<T: for<'de> Deserialize<'de>>(json: &str, what: &str) -> PyResult<T> {
    serde_json::from_str(json).map_err(|e| input_error(format!("not a polysum {what}: {e}")))
}

fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

fn internal(error: serde_json::Error) -> PyErr {
    super::errors::PolysumError::new_err(format!("internal error in polysum (please report it): {error}"))
}

/// At most `max` characters of `text`, with an ellipsis if cut.
fn preview(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// A string as Python's `repr` would write it (for the common cases).
fn py_str_repr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

//! Sentence embeddings of the caller's own, for redundancy.
//!
//! polysum never computes or downloads an embedding: the caller gives one row per
//! sentence ([`Embeddings::Rows`]) or a model that embeds a list of sentences
//! ([`Embeddings::Model`]). With them, selection also compares sentences by their
//! embeddings' cosine: two candidates at [`Config::embedding_threshold`] or more
//! tell the same fact, and only one of them may be chosen, in every method; MMR's
//! redundancy penalty takes the higher of the tf-idf and the embedding cosine, so
//! paraphrases that share no word are penalised too. With a model, a candidate at
//! the threshold to a sentence of a seen document is left out as seen.
//!
//! Rows are normalised once. Taking a sentence then compares it with every open
//! candidate: O(n·d) per sentence taken for n candidates of d dimensions (a
//! 100-sentence summary of 10,000 candidates of 384 dimensions is 4·10⁸
//! multiply-adds; it took 0.29 s instead of 0.16 s without embeddings, release
//! build on a shared two-core machine). Seen sentences are compared with every
//! candidate once: O(n·s·d) for s seen sentences.
//!
//! [`Config::embedding_threshold`]: crate::Config::embedding_threshold

use std::fmt;

use ndarray::{Array2, ArrayView2};

use crate::corpus::{Corpus, Document};
use crate::error::{Error, Result};
use crate::ids::{Id, IdVec, SentenceId};

/// A sentence embedding model of the caller's own: the rows of `sentences`, one
/// per sentence, in order, all of one width; or why they could not be computed.
///
/// Any `Fn(&[&str]) -> Result<Array2<f32>, String> + Send + Sync` is one.
pub trait Embed: Send + Sync {
    /// One row per sentence of `sentences`, in the same order.
    fn embed(&self, sentences: &[&str]) -> std::result::Result<Array2<f32>, String>;
}

impl<F> Embed for F
where
    F: Fn(&[&str]) -> std::result::Result<Array2<f32>, String> + Send + Sync,
{
    fn embed(&self, sentences: &[&str]) -> std::result::Result<Array2<f32>, String> {
        self(sentences)
    }
}

/// Sentence embeddings for [`Summarizer::summarize_with_embeddings`](crate::Summarizer::summarize_with_embeddings).
///
/// The sentences are every sentence of the cluster's own documents, in cluster
/// order: document by document, each in reading order, headings and boilerplate
/// included. They are the sentences [`Ranking::sentences`](crate::Ranking::sentences)
/// lists, in that order, each the text [`Summarizer::rank`](crate::Summarizer::rank)
/// gives it (after any dateline).
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum Embeddings<'a> {
    /// One row per sentence of the cluster, computed beforehand. Seen documents'
    /// sentences have no rows, so they are compared by words alone.
    Rows(ArrayView2<'a, f32>),
    /// A model, called once with the texts of the cluster's sentences and, when
    /// there are seen documents, once more with the texts of theirs.
    Model(&'a dyn Embed),
}

impl fmt::Debug for Embeddings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Embeddings::Rows(rows) => write!(f, "Embeddings::Rows({:?})", rows.shape()),
            Embeddings::Model(_) => f.write_str("Embeddings::Model(..)"),
        }
    }
}

/// Rows scaled to unit length (an all-zero row stays zero: it is like nothing),
/// stored one after the other.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitRows {
    width: usize,
    data: Vec<f32>,
}

impl UnitRows {
    /// The rows of `array` scaled to unit length; `what` names them in errors.
    fn of(array: ArrayView2<'_, f32>, what: &str) -> Result<UnitRows> {
        let (rows, width) = array.dim();
        if width == 0 && rows > 0 {
            return Err(Error::Embeddings(format!("{what} have no columns: expected at least one dimension")));
        }
        let mut data = Vec::with_capacity(rows * width);
        for (i, row) in array.outer_iter().enumerate() {
            if let Some(value) = row.iter().find(|v| !v.is_finite()) {
                return Err(Error::Embeddings(format!("{what}: row {i} holds {value}; expected finite numbers")));
            }
            let norm = row.iter().map(|&v| f64::from(v) * f64::from(v)).sum::<f64>().sqrt();
            let scale = if norm > 0.0 && norm.is_finite() { 1.0 / norm } else { 0.0 };
            data.extend(row.iter().map(|&v| (f64::from(v) * scale) as f32));
        }
        Ok(UnitRows { width, data })
    }

    pub(crate) fn len(&self) -> usize {
        self.data.len().checked_div(self.width).unwrap_or(0)
    }

    pub(crate) fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.width..(i + 1) * self.width]
    }
}

/// The cosine of two unit rows.
pub(crate) fn cosine(a: &[f32], b: &[f32]) -> f64 {
    // Eight partial sums, so that the compiler may vectorise; their order is fixed,
    // so the result is too.
    let mut sums = [0.0f32; 8];
    let (a_chunks, b_chunks) = (a.chunks_exact(8), b.chunks_exact(8));
    let (a_rest, b_rest) = (a_chunks.remainder(), b_chunks.remainder());
    for (x, y) in a_chunks.zip(b_chunks) {
        for k in 0..8 {
            sums[k] += x[k] * y[k];
        }
    }
    let rest: f32 = a_rest.iter().zip(b_rest).map(|(x, y)| x * y).sum();
    f64::from(sums.iter().sum::<f32>() + rest)
}

/// The embeddings of a cluster as selection reads them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SentenceEmbeddings {
    /// One unit row per sentence of the cluster's own documents, by `SentenceId`.
    rows: UnitRows,
    /// Cosine at which two sentences tell the same fact.
    pub(crate) threshold: f64,
}

impl SentenceEmbeddings {
    /// Embeddings from rows given by sentence, for tests.
    #[cfg(test)]
    pub(crate) fn of_rows(rows: ArrayView2<'_, f32>, threshold: f64) -> Self {
        SentenceEmbeddings { rows: UnitRows::of(rows, "rows").unwrap(), threshold }
    }

    /// The unit row of sentence `id` of the cluster's own documents.
    pub(crate) fn row(&self, id: SentenceId) -> &[f32] {
        self.rows.row(id.index())
    }
}

/// The texts of the corpus's sentences from document `first` on up to `end`.
fn texts<'a>(corpus: &Corpus, documents: &'a [Document], first: usize, end: usize) -> Vec<&'a str> {
    corpus
        .sentences
        .iter()
        .filter(|s| (first..end).contains(&s.doc))
        .map(|s| &documents[s.doc - first].text[s.start..s.end])
        .collect()
}

/// Checks `rows` against the `expected` sentences and scales them.
fn checked(rows: ArrayView2<'_, f32>, expected: usize, what: &str, unit: &str) -> Result<UnitRows> {
    if rows.nrows() != expected {
        return Err(Error::Embeddings(format!(
            "{what}: expected {unit}, {expected} rows, got {} rows of {} columns",
            rows.nrows(),
            rows.ncols()
        )));
    }
    UnitRows::of(rows, what)
}

/// What a model returned for `expected` sentences, checked.
fn embedded(model: &dyn Embed, sentences: &[&str], what: &str, unit: &str) -> Result<UnitRows> {
    let rows = model.embed(sentences).map_err(|message| Error::Embeddings(format!("{what}: {message}")))?;
    checked(rows.view(), sentences.len(), what, unit)
}

/// The unit rows of the cluster's own sentences (the first `documents` of the corpus).
pub(crate) fn cluster_rows(
    corpus: &Corpus,
    documents: &[Document],
    embeddings: &Embeddings<'_>,
    threshold: f64,
) -> Result<SentenceEmbeddings> {
    const UNIT: &str = "one row per sentence of the cluster's documents, in the order rank() lists them";
    let rows = match embeddings {
        Embeddings::Rows(rows) => {
            let expected = corpus.sentences.iter().filter(|s| s.doc < corpus.documents).count();
            checked(*rows, expected, "the embeddings", UNIT)?
        }
        Embeddings::Model(model) => {
            let sentences = texts(corpus, documents, 0, corpus.documents);
            if sentences.is_empty() {
                UnitRows { width: 0, data: Vec::new() }
            } else {
                embedded(*model, &sentences, "the embedding model", UNIT)?
            }
        }
    };
    Ok(SentenceEmbeddings { rows, threshold })
}

/// For every sentence of the cluster's own documents, whether its embedding is at
/// the threshold to one of a seen document's sentences. Only a model can embed
/// the seen sentences; with rows, or nothing seen, nothing is.
pub(crate) fn restating_seen(
    corpus: &Corpus,
    seen: &[Document],
    embeddings: &Embeddings<'_>,
    cluster: &SentenceEmbeddings,
) -> Result<IdVec<SentenceId, bool>> {
    let mut restates = IdVec::filled(false, corpus.sentences.len());
    let Embeddings::Model(model) = embeddings else { return Ok(restates) };
    let sentences = texts(corpus, seen, corpus.documents, corpus.documents + seen.len());
    if sentences.is_empty() || cluster.rows.len() == 0 {
        return Ok(restates);
    }
    let seen_rows =
        embedded(*model, &sentences, "the embedding model (on the seen documents' sentences)", "one row per sentence")?;
    if seen_rows.width != cluster.rows.width {
        return Err(Error::Embeddings(format!(
            "the embedding model gave the seen documents' sentences {} columns and the cluster's {}; expected one width",
            seen_rows.width, cluster.rows.width
        )));
    }
    for id in corpus.sentences.ids().filter(|&id| corpus.sentences[id].doc < corpus.documents) {
        let row = cluster.row(id);
        restates[id] = (0..seen_rows.len()).any(|k| cosine(row, seen_rows.row(k)) >= cluster.threshold);
    }
    Ok(restates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn rows_are_scaled_to_unit_length_and_zero_rows_stay_zero() {
        let rows = UnitRows::of(array![[3.0f32, 4.0], [0.0, 0.0], [0.0, 2.0]].view(), "rows").unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.row(0), &[0.6, 0.8]);
        assert_eq!(rows.row(1), &[0.0, 0.0]);
        assert!((cosine(rows.row(0), rows.row(2)) - 0.8).abs() < 1e-6);
        assert_eq!(cosine(rows.row(0), rows.row(1)), 0.0);
    }

    #[test]
    fn non_finite_values_and_no_columns_are_refused() {
        let error = UnitRows::of(array![[1.0f32, 0.0], [f32::NAN, 1.0]].view(), "the embeddings").unwrap_err();
        assert!(error.to_string().contains("row 1 holds NaN"), "{error}");
        let error = UnitRows::of(array![[f32::INFINITY]].view(), "the embeddings").unwrap_err();
        assert!(error.to_string().contains("row 0 holds inf"), "{error}");
        let error = UnitRows::of(Array2::<f32>::zeros((2, 0)).view(), "the embeddings").unwrap_err();
        assert!(error.to_string().contains("no columns"), "{error}");
    }

    #[test]
    fn the_cosine_sums_in_chunks_like_a_plain_sum() {
        let a: Vec<f32> = (0..21).map(|i| (i as f32 * 0.37).sin()).collect();
        let b: Vec<f32> = (0..21).map(|i| (i as f32 * 0.11).cos()).collect();
        let plain: f64 = a.iter().zip(&b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum();
        assert!((cosine(&a, &b) - plain).abs() < 1e-5);
    }
}

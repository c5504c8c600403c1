//! What polysum returns: the chosen sentences with their provenance and scores,
//! or, from [`Summarizer::rank`](crate::Summarizer::rank), every sentence.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::clean::Exclusion;
use crate::config::Method;
use crate::error::{Error, Result};
use crate::score::priors::ScoreComponents;

/// One sentence of a summary, verbatim from its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// Index of the document in the cluster.
    pub doc: usize,
    /// The document's id.
    pub doc_id: String,
    /// Index of the sentence among its document's sentences (headings included).
    pub index: usize,
    /// Character (Unicode scalar value) offset of the sentence in its document, as
    /// Python's `str` indices count: `text == document.text[start:end]` in Python.
    /// A leading dateline is skipped.
    pub start: usize,
    /// Character offset just past the sentence.
    pub end: usize,
    /// Byte offset of the sentence in its document's UTF-8:
    /// `text == &document.text[byte_start..byte_end]` in Rust.
    pub byte_start: usize,
    /// Byte offset just past the sentence.
    pub byte_end: usize,
    /// The sentence.
    pub text: String,
    /// The final score the sentence was ranked by.
    pub score: f64,
    /// What the score is made of.
    pub components: ScoreComponents,
}

/// `sentences` joined by spaces, a run of whitespace that holds a line break
/// turned into one space: how a summary reads as one text.
pub fn display_text<'a>(sentences: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for sentence in sentences {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut rest = sentence;
        while let Some(at) = rest.find(['\n', '\r']) {
            let before = rest[..at].trim_end();
            out.push_str(before);
            out.push(' ');
            rest = rest[at..].trim_start();
        }
        out.push_str(rest);
    }
    out
}

impl SummarySentence {
    /// The byte range of the sentence in its document's text.
    pub fn byte_range(&self) -> std::ops::Range<usize> {
        self.byte_start..self.byte_end
    }

    fn is_consistent(&self) -> bool {
        offsets_cover(&self.text, self.start..self.end, self.byte_start..self.byte_end)
    }
}

/// Whether character offsets `chars` and byte offsets `bytes` both span exactly
/// `text`: what every sentence read back from JSON must satisfy.
pub(crate) fn offsets_cover(text: &str, chars: std::ops::Range<usize>, bytes: std::ops::Range<usize>) -> bool {
    chars.start <= chars.end
        && bytes.start <= bytes.end
        && chars.end - chars.start == text.chars().count()
        && bytes.end - bytes.start == text.len()
}

/// A summary: the chosen sentences, in the configured order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The chosen sentences.
    pub sentences: Vec<SummarySentence>,
    /// The method that scored them.
    pub method: Method,
    /// Documents in the cluster.
    pub documents: usize,
    /// Sentences in the whole cluster.
    pub cluster_sentences: usize,
    /// Words in the whole cluster.
    pub cluster_words: usize,
    /// Words in the summary itself.
    pub words: usize,
    /// Tokens in the summary's [`text`](Self::text), counted by the tokenizer of
    /// its token budget; `None` under any other budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<usize>,
    /// The query the summary answers, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Content words of the query (stop words left out) found in the cluster: 0
    /// means the query could not focus anything and this is the generic summary.
    #[serde(default)]
    pub query_terms: usize,
    /// How many documents the reader had seen.
    #[serde(default)]
    pub seen_documents: usize,
    /// What a reader should know about how the summary came about: a query that
    /// could not focus it, sentences left out as already seen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Summary {
    /// The summary as one text, for display or for a prompt: its sentences joined
    /// by spaces, each sentence's own line breaks (a hard-wrapped paragraph)
    /// collapsed to one space. The sentences' `text` and spans stay verbatim.
    pub fn text(&self) -> String {
        display_text(self.sentences.iter().map(|s| s.text.as_str()))
    }

    /// How many sentences were chosen.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether no sentence was chosen (an empty cluster, or nothing that fits).
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// A summary read back from its JSON (what the command and `serde_json` write),
    /// checked: every sentence's offsets must cover exactly its text. JSON nested
    /// deeper than serde_json's limit (128) is refused, never a stack overflow.
    pub fn from_json(json: &str) -> Result<Summary> {
        let summary: Summary =
            serde_json::from_str(json).map_err(|e| Error::InvalidSummary(format!("not a polysum summary: {e}")))?;
        if let Some(bad) = summary.sentences.iter().find(|s| !s.is_consistent()) {
            return Err(Error::InvalidSummary(format!(
                "sentence {} of {:?}: offsets {}..{} (bytes {}..{}) do not cover its {} characters",
                bad.index,
                bad.doc_id,
                bad.start,
                bad.end,
                bad.byte_start,
                bad.byte_end,
                bad.text.chars().count()
            )));
        }
        Ok(summary)
    }
}

/// One sentence of the cluster as ranked: its scores, and why it may not be
/// chosen if it may not (then its score is 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedSentence {
    /// The sentence, its provenance and its score.
    pub sentence: SummarySentence,
    /// Why it is never chosen, if it is not a candidate.
    pub exclusion: Option<Exclusion>,
}

/// A pair of sentences whose tf-idf cosine is above zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Index into [`Ranking::sentences`].
    pub a: usize,
    /// Index into [`Ranking::sentences`], greater than `a`.
    pub b: usize,
    /// Their cosine.
    pub cosine: f64,
}

/// Largest dense similarity matrix [`Ranking::similarity_matrix`] builds: 1 GiB.
pub const MAX_MATRIX_BYTES: usize = 1 << 30;

/// Every sentence of a cluster with its score, in cluster order (document by
/// document), and the sparse similarity graph among the candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// All sentences, in cluster order.
    pub sentences: Vec<RankedSentence>,
    /// Similar candidate pairs, each once.
    pub similarities: Vec<Similarity>,
}

impl Ranking {
    /// The final scores, in cluster order.
    pub fn scores(&self) -> Vec<f64> {
        self.sentences.iter().map(|s| s.sentence.score).collect()
    }

    /// The dense, symmetric cosine matrix over all sentences (zero off the graph,
    /// one on the diagonal of candidates). Refused when it would exceed
    /// [`MAX_MATRIX_BYTES`].
    pub fn similarity_matrix(&self) -> Result<Array2<f32>> {
        let n = self.sentences.len();
        let bytes = n.saturating_mul(n).saturating_mul(std::mem::size_of::<f32>());
        if bytes > MAX_MATRIX_BYTES {
            return Err(Error::MatrixTooLarge { sentences: n, bytes, limit: MAX_MATRIX_BYTES });
        }
        let mut matrix = Array2::<f32>::zeros((n, n));
        for (i, sentence) in self.sentences.iter().enumerate() {
            if sentence.exclusion.is_none() && sentence.sentence.score > 0.0 {
                matrix[[i, i]] = 1.0;
            }
        }
        for pair in &self.similarities {
            matrix[[pair.a, pair.b]] = pair.cosine as f32;
            matrix[[pair.b, pair.a]] = pair.cosine as f32;
        }
        Ok(matrix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_text_collapses_line_breaks_inside_sentences() {
        let text = display_text(["The council met\non Monday.", "Work starts  in spring.\r\n  Late."]);
        assert_eq!(text, "The council met on Monday. Work starts  in spring. Late.");
        assert_eq!(display_text(["One."]), "One.");
        assert_eq!(display_text(Vec::<&str>::new()), "");
    }
}

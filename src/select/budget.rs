//! Budgets in one unit: what a sentence costs and how much may be spent.

use crate::config::Budget;
use crate::corpus::{Corpus, Document};
use crate::error::Result;
use crate::ids::{IdVec, NodeId};
use crate::summary::display_text;
use crate::tokens::Tokenizer;

/// What a budget counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Sentences,
    Words,
    Chars,
    Bytes,
    Tokens,
}

/// A budget resolved against a cluster: a measure and a limit in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Allowance {
    measure: Measure,
    limit: usize,
}

impl Allowance {
    /// Resolves `budget` for a cluster of `total_words` words. A ratio becomes a
    /// word limit, rounded up, of at least one word.
    pub(crate) fn new(budget: Budget, total_words: usize) -> Self {
        let (measure, limit) = match budget {
            Budget::Sentences(n) => (Measure::Sentences, n),
            Budget::Words(n) => (Measure::Words, n),
            Budget::Chars(n) => (Measure::Chars, n),
            Budget::Bytes(n) => (Measure::Bytes, n),
            Budget::Tokens(n) => (Measure::Tokens, n),
            Budget::Ratio(ratio) => (Measure::Words, ((ratio * total_words as f64).ceil() as usize).max(1)),
        };
        Allowance { measure, limit }
    }

    /// The limit, in the budget's unit.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }

    /// Whether the budget counts tokens: then the joined summary must be checked
    /// with [`fit_tokens`], because tokens do not add up across sentences.
    pub(crate) fn counts_tokens(&self) -> bool {
        self.measure == Measure::Tokens
    }

    /// What a sentence of `text` with `words` words costs. Tokens are counted in
    /// the sentence as the summary's text shows it (line breaks collapsed).
    pub(crate) fn cost(&self, text: &str, words: usize, tokenizer: Tokenizer<'_>) -> Result<usize> {
        Ok(match self.measure {
            Measure::Sentences => 1,
            Measure::Words => words,
            Measure::Chars => text.chars().count(),
            Measure::Bytes => text.len(),
            Measure::Tokens => tokenizer.count(&display_text([text]))?,
        })
    }

    /// What each candidate of `corpus` costs.
    pub(crate) fn costs(
        &self,
        corpus: &Corpus,
        documents: &[Document],
        tokenizer: Tokenizer<'_>,
    ) -> Result<IdVec<NodeId, usize>> {
        let mut costs = IdVec::default();
        for &s in corpus.candidates.iter() {
            let sentence = &corpus.sentences[s];
            costs.push(self.cost(
                &documents[sentence.doc].text[sentence.start..sentence.end],
                sentence.words,
                tokenizer,
            )?);
        }
        Ok(costs)
    }
}

/// Holds a summary to `limit` tokens of its joined text: BPE merges across the
/// space that joins two sentences, so the sum of the sentences' own counts
/// (what selection spent) may differ from the count of the text. While the text
/// `ordered` (the summary's sentences in their final order, joined as
/// `Summary::text` joins them) is over `limit`, the sentence taken last in
/// `taken` (selection order) is dropped from both. Returns the text's count;
/// an empty summary sends nothing and counts 0 (the counter is not asked: one
/// that adds special tokens to every text would count them).
pub(crate) fn fit_tokens<'t>(
    limit: usize,
    tokenizer: Tokenizer<'_>,
    taken: &mut Vec<NodeId>,
    ordered: &mut Vec<NodeId>,
    text: impl Fn(NodeId) -> &'t str,
) -> Result<usize> {
    while !ordered.is_empty() {
        let count = tokenizer.count(&display_text(ordered.iter().map(|&node| text(node))))?;
        if count <= limit {
            return Ok(count);
        }
        let last = taken.pop().expect("every sentence shown was taken");
        ordered.retain(|&node| node != last);
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ids::Id;
    use crate::tokens::CountTokens;

    /// A counter that is not additive: one token per word, and one more for each
    /// space between two sentences ("." followed by a space), as a BPE may merge
    /// or split differently at a join.
    fn join_sensitive(text: &str) -> Result<usize, String> {
        Ok(text.split_whitespace().count() + text.matches(". ").count())
    }

    #[test]
    fn each_budget_counts_its_unit() {
        let text = "Größe zählt.";
        let words: &CountTokens = &join_sensitive;
        let tokenizer = Tokenizer::Custom(words);
        assert_eq!(Allowance::new(Budget::Sentences(3), 0).cost(text, 2, tokenizer), Ok(1));
        assert_eq!(Allowance::new(Budget::Words(3), 0).cost(text, 2, tokenizer), Ok(2));
        assert_eq!(Allowance::new(Budget::Chars(3), 0).cost(text, 2, tokenizer), Ok(12));
        assert_eq!(Allowance::new(Budget::Bytes(3), 0).cost(text, 2, tokenizer), Ok(15));
        let tokens = Allowance::new(Budget::Tokens(3), 0);
        assert!(tokens.counts_tokens() && !Allowance::new(Budget::Words(3), 0).counts_tokens());
        assert_eq!(tokens.cost(text, 2, tokenizer), Ok(2));
        // Counted as the summary shows the sentence: its line break collapsed.
        let count_lines: &CountTokens = &|text: &str| Ok(text.matches('\n').count());
        assert_eq!(tokens.cost("a\nb", 2, Tokenizer::Custom(count_lines)), Ok(0));
    }

    #[test]
    fn ratio_becomes_words() {
        let allowance = Allowance::new(Budget::Ratio(0.1), 1005);
        assert_eq!(allowance.limit(), 101);
        assert_eq!(Allowance::new(Budget::Ratio(0.1), 0).limit(), 1);
    }

    #[test]
    fn the_joined_text_is_held_to_the_limit_dropping_the_last_taken_first() {
        let sentences = ["One two three.", "Four five.", "Six seven eight."];
        let text = |node: NodeId| sentences[node.index()];
        let counter: &CountTokens = &join_sensitive;
        let tokenizer = Tokenizer::Custom(counter);
        let node = |i: usize| NodeId::new(i);
        // Each sentence alone: 3 + 2 + 3 = 8 tokens; joined, 8 + 2 for the joins.
        let costs: usize = sentences.iter().map(|s| join_sensitive(s).unwrap()).sum();
        assert_eq!(costs, 8);
        // Taken in the order 2, 0, 1; shown in source order 0, 1, 2.
        for (limit, kept, count) in [(10, vec![0, 1, 2], 10), (9, vec![0, 2], 7), (8, vec![0, 2], 7), (3, vec![2], 3)] {
            let mut taken = vec![node(2), node(0), node(1)];
            let mut ordered = vec![node(0), node(1), node(2)];
            let got = fit_tokens(limit, tokenizer, &mut taken, &mut ordered, text).unwrap();
            assert_eq!(ordered, kept.iter().map(|&i| node(i)).collect::<Vec<_>>(), "limit {limit}");
            assert_eq!(got, count);
            assert!(got <= limit);
            assert_eq!(taken.len(), ordered.len());
        }
        let mut taken = vec![node(0)];
        let mut ordered = taken.clone();
        assert_eq!(fit_tokens(1, tokenizer, &mut taken, &mut ordered, text), Ok(0));
        assert!(ordered.is_empty() && taken.is_empty());
        // Nothing to send is not counted: a failing counter is not even asked.
        let failing: &CountTokens = &|_: &str| Err("no".to_owned());
        assert_eq!(fit_tokens(1, Tokenizer::Custom(failing), &mut taken, &mut ordered, text), Ok(0));
        let (mut taken, mut ordered) = (vec![node(1)], vec![node(1)]);
        let error = fit_tokens(1, Tokenizer::Custom(failing), &mut taken, &mut ordered, text).unwrap_err();
        assert_eq!(error.to_string(), "the tokenizer failed: no");
    }
}

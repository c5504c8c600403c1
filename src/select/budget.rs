//! Budgets in one unit: what a sentence costs and how much may be spent.

use crate::config::Budget;

/// What a budget counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Sentences,
    Words,
    Chars,
    Bytes,
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
            Budget::Ratio(ratio) => (Measure::Words, ((ratio * total_words as f64).ceil() as usize).max(1)),
        };
        Allowance { measure, limit }
    }

    /// The limit, in the budget's unit.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }

    /// What a sentence of `text` with `words` words costs.
    pub(crate) fn cost(&self, text: &str, words: usize) -> usize {
        match self.measure {
            Measure::Sentences => 1,
            Measure::Words => words,
            Measure::Chars => text.chars().count(),
            Measure::Bytes => text.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_budget_counts_its_unit() {
        let text = "Größe zählt.";
        assert_eq!(Allowance::new(Budget::Sentences(3), 0).cost(text, 2), 1);
        assert_eq!(Allowance::new(Budget::Words(3), 0).cost(text, 2), 2);
        assert_eq!(Allowance::new(Budget::Chars(3), 0).cost(text, 2), 12);
        assert_eq!(Allowance::new(Budget::Bytes(3), 0).cost(text, 2), 15);
    }

    #[test]
    fn ratio_becomes_words() {
        let allowance = Allowance::new(Budget::Ratio(0.1), 1005);
        assert_eq!(allowance.limit(), 101);
        assert_eq!(allowance.cost("a b", 2), 2);
        assert_eq!(Allowance::new(Budget::Ratio(0.1), 0).limit(), 1);
    }
}

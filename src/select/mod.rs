//! Choosing the summary: fill the budget greedily, by maximal marginal relevance
//! or by a method's own objective, never taking a near-duplicate of a sentence
//! already taken.

mod budget;
mod concepts;
mod coverage;
mod dedup;
mod klsum;
mod mmr;
mod pool;

pub(crate) use budget::{fit_tokens, Allowance};
pub(crate) use dedup::{is_near_duplicate, set_cosine};

use crate::config::Config;
use crate::corpus::{Corpus, Document};
use crate::embed::SentenceEmbeddings;
use crate::error::Result;
use crate::graph::SimilarityGraph;
use crate::ids::{IdVec, NodeId};
use crate::tokens::Tokenizer;

/// How a method fills its budget (named in the method table, `src/method.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selector {
    /// Greedy maximal marginal relevance over the scores.
    Mmr,
    /// Budgeted greedy maximisation of the Lin & Bilmes coverage objective.
    Coverage,
    /// Greedy KL-Sum: the summary's word distribution closest to the cluster's.
    KlSum,
    /// Greedy concept coverage: word pairs worth the documents that hold them,
    /// each earned once.
    Concepts,
}

/// Chooses graph nodes (candidate sentences) for the summary by `selector` (the
/// method's, `auto` resolved), in the order taken, within `allowance`, each sentence costing what it costs alone (a token
/// budget is then checked on the joined text by [`fit_tokens`]). With
/// `embeddings`, candidates are also compared by them (see [`pool::Pool::take`]).
/// Fails only when a tokenizer of the caller's own does.
#[allow(clippy::too_many_arguments)]
pub(crate) fn select(
    corpus: &Corpus,
    graph: &SimilarityGraph,
    documents: &[Document],
    scores: &IdVec<NodeId, f64>,
    selector: Selector,
    config: &Config,
    allowance: Allowance,
    tokenizer: Tokenizer<'_>,
    embeddings: Option<&SentenceEmbeddings>,
) -> Result<Vec<NodeId>> {
    let costs = allowance.costs(corpus, documents, tokenizer)?;
    let pool = pool::Pool::new(corpus, graph, config, costs, allowance.limit(), embeddings);
    Ok(run(pool, corpus, graph, scores, selector, config))
}

fn run(
    pool: pool::Pool<'_>,
    corpus: &Corpus,
    graph: &SimilarityGraph,
    scores: &IdVec<NodeId, f64>,
    selector: Selector,
    config: &Config,
) -> Vec<NodeId> {
    match selector {
        Selector::Coverage => coverage::select(pool, graph, scores),
        Selector::KlSum => klsum::select(pool, corpus),
        Selector::Concepts => concepts::select(pool, corpus, scores),
        Selector::Mmr => mmr::select(pool, scores, config),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Budget;
    use crate::ids::Id;
    use crate::score::{priors, ScoreInput};
    use crate::Method;

    /// News-like sentences over a small vocabulary, with reprinted and trimmed
    /// copies, so that scores tie, sentences overlap and near-duplicates abound;
    /// some open with "However,".
    fn cluster(documents: usize, sentences: usize) -> Vec<Document> {
        let words = [
            "minister", "bank", "rates", "river", "bridge", "closed", "storm", "council", "vote", "budget", "police",
            "court", "report", "company", "shares", "fell", "rose", "talks", "strike", "union", "election", "border",
            "flood", "rescue", "hospital", "school", "airport", "delay", "market", "oil",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let mut written: Vec<String> = Vec::new();
        (0..documents)
            .map(|d| {
                let mut text = String::new();
                for _ in 0..sentences {
                    let sentence = if !written.is_empty() && next(4) == 0 {
                        // A copy, sometimes with its last word cut.
                        let copy = written[next(written.len())].clone();
                        if next(2) == 0 {
                            copy
                        } else {
                            copy.rsplit_once(' ').map_or(copy.clone(), |(a, _)| format!("{a}."))
                        }
                    } else {
                        let len = 5 + next(12);
                        let body: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
                        // Some lean on the sentence before, so that selection
                        // releases them only once it is taken.
                        let opening = if next(6) == 0 { "However, the" } else { "The" };
                        format!("{opening} {} said on day {}.", body.join(" "), next(40))
                    };
                    written.push(sentence.clone());
                    text.push_str(&sentence);
                    text.push(' ');
                }
                Document::new(d.to_string(), text)
            })
            .collect()
    }

    /// Sentences of 8-20 words drawn with a Zipf-like skew from 3,000 made-up
    /// words, as news spreads over a large vocabulary.
    fn wide_cluster(documents: usize, sentences: usize) -> Vec<Document> {
        const SYLLABLES: &[&str] = &["ka", "ro", "mi", "ten", "sul", "bra", "vo", "lin", "dre", "po", "sha", "tor"];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let words: Vec<String> =
            (0..3_000).map(|_| (0..2 + next(3)).map(|_| SYLLABLES[next(SYLLABLES.len())]).collect()).collect();
        (0..documents)
            .map(|d| {
                let mut text = String::new();
                for _ in 0..sentences {
                    let length = 8 + next(13);
                    // The square of a uniform draw favours the first words: frequent ones.
                    let body: Vec<&str> = (0..length)
                        .map(|_| {
                            let u = next(10_000) as f64 / 10_000.0;
                            words[(u * u * words.len() as f64) as usize].as_str()
                        })
                        .collect();
                    text.push_str(&format!("The {}. ", body.join(" ")));
                }
                Document::new(d.to_string(), text)
            })
            .collect()
    }

    #[test]
    fn kl_sum_of_the_whole_cluster_recomputes_few_candidates_a_step() {
        let documents = wide_cluster(40, 25);
        let config = Config { method: Method::KlSum, budget: Budget::Ratio(1.0), ..Config::default() };
        let corpus = Corpus::build(&documents, &[], None, &config);
        let graph = SimilarityGraph::build(&corpus, false);
        let scores = IdVec::filled(0.0, corpus.candidates.len());
        pool::EVALUATIONS.with(|count| count.set(0));
        let allowance = Allowance::new(config.budget, corpus.total_words);
        let costs = allowance.costs(&corpus, &documents, Tokenizer::Encoding(config.tokenizer)).unwrap();
        let pool = pool::Pool::new(&corpus, &graph, &config, costs, allowance.limit(), None);
        let chosen = run(pool, &corpus, &graph, &scores, config.method.selector(), &config);
        let evaluations = pool::EVALUATIONS.with(std::cell::Cell::get);
        let candidates = corpus.candidates.len();
        assert_eq!(chosen.len(), candidates);
        // One lazy heap over every candidate recomputed nearly all of them at every
        // step, as the summary's size lowers them all: 499,409 values for these
        // 1,000 (n²/2). A heap per sentence length needs 33,273.
        assert!(evaluations < 50 * candidates, "{evaluations} values computed for {candidates} candidates");
    }

    #[test]
    fn lazy_selection_equals_the_exhaustive_scan() {
        let documents = cluster(12, 25);
        let mut budgets = vec![Budget::Words(100), Budget::Words(400), Budget::Sentences(7), Budget::Ratio(1.0)];
        if cfg!(feature = "tokens") {
            budgets.push(Budget::Tokens(150));
        }
        let mut leaning = 0;
        // Embeddings on four axes: many pairs at the threshold, many near it.
        let sentences = Corpus::build(&documents, &[], None, &Config::default()).sentences.len();
        let rows = ndarray::Array2::from_shape_fn((sentences, 4), |(i, j)| ((i * 7 + j * 3) % 5) as f32);
        let embeddings = crate::embed::SentenceEmbeddings::of_rows(rows.view(), 0.95);
        for &method in Method::ALL {
            for &budget in &budgets {
                let config = Config { method, budget, ..Config::default() };
                let corpus = Corpus::build(&documents, &[], None, &config);
                let graph = SimilarityGraph::build(&corpus, method.scorer().reads_shared_terms());
                assert!(graph.is_complete());
                let input = ScoreInput { corpus: &corpus, graph: &graph, config: &config };
                let salience = method.scorer().salience(&input);
                let scores = priors::components(&corpus, &graph, &salience, &config).map(|c| c.combine(&config, false));
                let allowance = Allowance::new(budget, corpus.total_words);
                let tokenizer = Tokenizer::Encoding(config.tokenizer);
                for embeddings in [None, Some(&embeddings)] {
                    let pool = || {
                        let costs = allowance.costs(&corpus, &documents, tokenizer).unwrap();
                        pool::Pool::new(&corpus, &graph, &config, costs, allowance.limit(), embeddings)
                    };
                    let lazy = run(pool(), &corpus, &graph, &scores, config.method.selector(), &config);
                    let mut scan = pool();
                    scan.exhaustive = true;
                    let scan = run(scan, &corpus, &graph, &scores, config.method.selector(), &config);
                    assert!(!lazy.is_empty());
                    assert_eq!(lazy, scan, "{method:?} {budget:?} {}", embeddings.is_some());
                    for (i, &node) in lazy.iter().enumerate() {
                        if corpus.candidate(node).leans_back {
                            let before = NodeId::new(node.index() - 1);
                            assert!(lazy[..i].contains(&before), "{method:?} {budget:?}: taken before its sentence");
                        }
                    }
                    leaning += lazy.iter().filter(|&&node| corpus.candidate(node).leans_back).count();
                }
            }
        }
        assert!(leaning > 0, "no sentence that leans back was ever taken: the rule went untested");
    }
}

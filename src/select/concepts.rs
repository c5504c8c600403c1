//! Concept coverage (Gillick & Favre 2009): the facts of a story are approximated
//! by its concepts, pairs of content words next to each other ("defens pact",
//! "north korea") and, worth less, single content words, each worth the number
//! of documents that tell it. A summary earns a concept's worth once, however
//! many of its sentences hold it, so one fact told twice earns nothing the second
//! time, and the facts most sources agree on are worth the most. About a query,
//! the concepts holding its words are worth more. Greedy selection by gain per
//! unit of budget, which the objective's submodularity makes a good
//! approximation.

use rustc_hash::FxHashMap as HashMap;

use super::pool::Pool;
use crate::corpus::Corpus;
use crate::ids::{Id, IdVec, NodeId};

/// How far rounding may lift a recomputed gain above its earlier value.
const ROUNDING: f64 = 1e-9;

/// A concept counts only if this many documents hold it (in clusters of three
/// or more documents): a word pair in one document is that outlet's wording,
/// not a fact of the story. 3 measured worse on every set (docs/experiments.md).
const MIN_DOCUMENTS: u32 = 2;

/// A single word's worth against a word pair's held by as many documents: words
/// catch the facts each outlet words differently, pairs the ones they share.
/// 0.3 against 0 (pairs alone) and 1: docs/experiments.md, "Focused concepts".
const WORD_WEIGHT: f64 = 0.3;

/// About a query, a concept is worth `1 + QUERY_BOOST × (its words in the
/// query) / (its words)`: the query's own facts first, the story's still counted.
const QUERY_BOOST: f64 = 1.0;

/// A concept: a pair of adjacent terms, or one term and `WORD`.
type Concept = (u32, u32);
const WORD: u32 = u32::MAX;

/// The cluster's concepts, which each candidate holds, and which the summary has.
struct Concepts {
    of_candidate: IdVec<NodeId, Vec<usize>>,
    weight: Vec<f64>,
    covered: Vec<bool>,
}

impl Concepts {
    /// The concepts of every sentence of the cluster's own documents (the seen
    /// documents' are not: what a reader has seen is left out by the pool, and
    /// the references of the update task retell the story's core, docs/experiments.md).
    fn of(corpus: &Corpus) -> Self {
        let n = corpus.candidates.len();
        let mut ids: HashMap<Concept, usize> = HashMap::default();
        let mut documents_of: Vec<(usize, u32)> = Vec::new(); // (last document counted, count)
        let mut of_candidate: IdVec<NodeId, Vec<usize>> = IdVec::filled(Vec::new(), n);
        let mut node = 0;
        for (id, sentence) in corpus.sentences.iter_enumerated() {
            if sentence.doc >= corpus.documents {
                break;
            }
            let sequence = &sentence.sequence;
            let pairs = sequence.windows(2).map(|pair| (pair[0], pair[1]));
            let words = sequence.iter().map(|&term| (term, WORD));
            let mut found: Vec<usize> = Vec::with_capacity(2 * sequence.len());
            for concept in pairs.chain(words) {
                let next = ids.len();
                let c = *ids.entry(concept).or_insert(next);
                if c == documents_of.len() {
                    documents_of.push((usize::MAX, 0));
                }
                if documents_of[c].0 != sentence.doc {
                    documents_of[c] = (sentence.doc, documents_of[c].1 + 1);
                }
                found.push(c);
            }
            found.sort_unstable();
            found.dedup();
            if node < n && corpus.candidates[NodeId::new(node)] == id {
                of_candidate[NodeId::new(node)] = found;
                node += 1;
            }
        }
        let min_documents = if corpus.documents >= 3 { MIN_DOCUMENTS } else { 1 };
        let mut weight: Vec<f64> =
            documents_of.iter().map(|&(_, d)| if d >= min_documents { f64::from(d) } else { 0.0 }).collect();
        // Sorted, as a sparse vector's terms are.
        let query: &[u32] = corpus.query.as_ref().map_or(&[], |q| &q.vector.terms);
        for (&(a, b), &c) in &ids {
            if b == WORD {
                weight[c] *= WORD_WEIGHT;
            }
            if !query.is_empty() {
                let asked = |term: u32| f64::from(u8::from(query.binary_search(&term).is_ok()));
                let share = if b == WORD { asked(a) } else { (asked(a) + asked(b)) / 2.0 };
                weight[c] *= 1.0 + QUERY_BOOST * share;
            }
        }
        let covered = vec![false; weight.len()];
        Concepts { of_candidate, weight, covered }
    }

    /// What the concepts of `node` not yet in the summary are worth.
    fn gain(&self, node: NodeId) -> f64 {
        self.of_candidate[node].iter().filter(|&&c| !self.covered[c]).map(|&c| self.weight[c]).sum()
    }

    fn cover(&mut self, node: NodeId) {
        for &c in &self.of_candidate[node] {
            self.covered[c] = true;
        }
    }
}

pub(crate) fn select(pool: Pool<'_>, corpus: &Corpus, scores: &IdVec<NodeId, f64>) -> Vec<NodeId> {
    let mut pool = pool.with_slack(ROUNDING);
    let n = corpus.candidates.len();
    if n == 0 {
        return Vec::new();
    }
    let mut concepts = Concepts::of(corpus);
    let total: f64 = concepts.weight.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let highest = scores.iter().copied().fold(0.0, f64::max);
    let cost: IdVec<NodeId, f64> = (0..n).map(|i| pool.cost(NodeId::new(i)).max(1) as f64).collect();
    let mut chosen = Vec::new();
    loop {
        let value = |node: NodeId| {
            let score = if highest > 0.0 { scores[node] / highest } else { 0.0 };
            // The score (centroid salience with the news priors, or with the
            // query's relevance) scales the gain: a concept-rich sentence deep in
            // an article loses to an equally rich lede. Mixing in less of it
            // measured worse (docs/experiments.md).
            (concepts.gain(node) / total) * score / cost[node]
        };
        let Some(taken) = pool.best(value) else { break };
        concepts.cover(taken);
        chosen.push(taken);
        pool.take(taken, |_, _| {});
    }
    chosen
}

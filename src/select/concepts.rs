//! Concept coverage (Gillick & Favre 2009): the facts of a story are approximated
//! by its concepts, pairs of content words next to each other ("defens pact",
//! "north korea"), each worth the number of documents that tell it. A summary
//! earns a concept's worth once, however many of its sentences hold it, so one
//! fact told twice earns nothing the second time, and the facts most sources
//! agree on are worth the most. Greedy selection by gain per unit of budget,
//! which the objective's submodularity makes a good approximation.

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

pub(crate) fn select(pool: Pool<'_>, corpus: &Corpus, scores: &IdVec<NodeId, f64>) -> Vec<NodeId> {
    let mut pool = pool.with_slack(ROUNDING);
    let n = corpus.candidates.len();
    if n == 0 {
        return Vec::new();
    }
    // Concepts of every sentence of the cluster's own documents, and in how many
    // documents each occurs.
    let mut ids: HashMap<(u32, u32), usize> = HashMap::default();
    let mut documents_of: Vec<(usize, u32)> = Vec::new(); // (last document counted, count)
    let mut sentence_concepts = |sequence: &[u32], doc: usize, ids: &mut HashMap<(u32, u32), usize>| {
        let mut found: Vec<usize> = Vec::with_capacity(sequence.len());
        for pair in sequence.windows(2) {
            let next = ids.len();
            let id = *ids.entry((pair[0], pair[1])).or_insert(next);
            if id == documents_of.len() {
                documents_of.push((usize::MAX, 0));
            }
            if documents_of[id].0 != doc {
                documents_of[id] = (doc, documents_of[id].1 + 1);
            }
            found.push(id);
        }
        found.sort_unstable();
        found.dedup();
        found
    };
    let mut of_candidate: IdVec<NodeId, Vec<usize>> = IdVec::filled(Vec::new(), n);
    let mut node = 0;
    for (id, sentence) in corpus.sentences.iter_enumerated() {
        if sentence.doc >= corpus.documents {
            break;
        }
        let concepts = sentence_concepts(&sentence.sequence, sentence.doc, &mut ids);
        if node < n && corpus.candidates[NodeId::new(node)] == id {
            of_candidate[NodeId::new(node)] = concepts;
            node += 1;
        }
    }
    let min_documents = if corpus.documents >= 3 { MIN_DOCUMENTS } else { 1 };
    let weight: Vec<f64> =
        documents_of.iter().map(|&(_, d)| if d >= min_documents { f64::from(d) } else { 0.0 }).collect();
    let total: f64 = weight.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let highest = scores.iter().copied().fold(0.0, f64::max);
    let cost: IdVec<NodeId, f64> = (0..n).map(|i| pool.cost(NodeId::new(i)).max(1) as f64).collect();
    let mut covered = vec![false; weight.len()];
    let mut chosen = Vec::new();
    loop {
        let value = |node: NodeId| {
            let gain: f64 = of_candidate[node].iter().filter(|&&c| !covered[c]).map(|&c| weight[c]).sum();
            let score = if highest > 0.0 { scores[node] / highest } else { 0.0 };
            // The score (centroid salience with the news priors) scales the gain: a
            // concept-rich sentence deep in an article loses to an equally rich
            // lede. Mixing in less of it measured worse (docs/experiments.md).
            (gain / total) * score / cost[node]
        };
        let Some(taken) = pool.best(value) else { break };
        for &c in &of_candidate[taken] {
            covered[c] = true;
        }
        chosen.push(taken);
        pool.take(taken, |_, _| {});
    }
    chosen
}

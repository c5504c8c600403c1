//! What every greedy selector shares: the candidates still open, what each costs
//! against the budget, and the rule that taking a sentence closes its
//! near-duplicates (and, with embeddings of the caller's own, the candidates whose
//! embeddings are at the threshold to it).
//!
//! The best open candidate is found by lazy greedy evaluation (Minoux 1978): the
//! selectors' values only fall as the summary grows (MMR's redundancy only rises,
//! coverage is submodular, and KL-Sum's closeness of a sentence only falls as the
//! summary's counts and size grow), so a value computed earlier bounds the value
//! now. Candidates wait in a max-heap under their last value; the top is
//! re-evaluated until it is current, and a current top beats every stale bound.
//! The choice is the one a scan of every candidate would make, ties included.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap as HashMap;

use super::is_near_duplicate;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::embed::{cosine, SentenceEmbeddings};
use crate::graph::SimilarityGraph;
use crate::ids::{Id, IdVec, NodeId};

/// A candidate's value when last computed: the greatest value first, then the
/// lowest node, as a scan in node order that keeps the first maximum finds it.
#[derive(Debug, Clone, Copy)]
struct Entry {
    value: f64,
    node: NodeId,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.total_cmp(&other.value).then(other.node.cmp(&self.node))
    }
}

impl Entry {
    fn new(node: NodeId, value: f64) -> Self {
        // `+ 0.0` turns -0.0 into 0.0: the scan's `>` holds them equal.
        Entry { value: value + 0.0, node }
    }
}

/// How much less word overlap makes two ledes one fact than any other two
/// sentences: every outlet opens with the event, in its own words (the seed
/// cluster's two arrival ledes overlap 0.38; docs/experiments.md).
const LEDE_ALLOWANCE: f64 = 0.1;

#[cfg(test)]
thread_local! {
    /// Values [`Pool::best_in_groups`] has computed on this thread: tests bound
    /// the work of a selection with it.
    pub(crate) static EVALUATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

pub(crate) struct Pool<'a> {
    corpus: &'a Corpus,
    graph: &'a SimilarityGraph,
    open: IdVec<NodeId, bool>,
    costs: IdVec<NodeId, usize>,
    remaining: usize,
    duplicate_threshold: f64,
    same_fact: Option<f64>,
    /// Sentence embeddings of the caller's own: taking a sentence then closes every
    /// open candidate at their threshold, and reports the others' cosines.
    embeddings: Option<&'a SentenceEmbeddings>,
    /// Every open candidate once, under its last value (an upper bound).
    heap: BinaryHeap<Entry>,
    /// For [`Pool::best_in_groups`]: every open candidate once, in its group's
    /// heap, under its last inner value (an upper bound).
    groups: Vec<BinaryHeap<Entry>>,
    /// The step at which each candidate's value was last computed.
    evaluated: IdVec<NodeId, usize>,
    /// Sentences taken so far; values computed at this step are current.
    step: usize,
    started: bool,
    /// How far a recomputed value may exceed its earlier bound by rounding alone
    /// (the selector's value is non-increasing in exact arithmetic).
    slack: f64,
    /// In a graph cut to its strongest neighbours, the candidates with the same
    /// terms as each candidate (its group in `copies`): reprinted sentences
    /// whose shared terms were all too common to be compared.
    twins: IdVec<NodeId, usize>,
    copies: Vec<Vec<NodeId>>,
    /// Sentences that lean on the one before them wait, out of the heap, until
    /// that one is taken: then they are `released` into it.
    waiting: IdVec<NodeId, bool>,
    /// The candidate that leans on each candidate, if any.
    follower: IdVec<NodeId, Option<NodeId>>,
    released: Vec<NodeId>,
    /// Scan every candidate instead, as before lazy evaluation (to check it).
    #[cfg(test)]
    pub(crate) exhaustive: bool,
}

impl<'a> Pool<'a> {
    /// The pool of every candidate, each costing `costs` of a budget of `limit`,
    /// compared by `embeddings` too when given.
    pub(crate) fn new(
        corpus: &'a Corpus,
        graph: &'a SimilarityGraph,
        config: &Config,
        costs: IdVec<NodeId, usize>,
        limit: usize,
        embeddings: Option<&'a SentenceEmbeddings>,
    ) -> Self {
        let n = corpus.candidates.len();
        let mut twins = IdVec::default();
        let mut copies: Vec<Vec<NodeId>> = Vec::new();
        if !graph.is_complete() {
            let mut seen: HashMap<&[u32], usize> = HashMap::default();
            for node in graph.nodes() {
                let terms = corpus.candidate(node).vector.terms.as_slice();
                let group = *seen.entry(terms).or_insert_with(|| {
                    copies.push(Vec::new());
                    copies.len() - 1
                });
                copies[group].push(node);
                twins.push(group);
            }
        }
        let Leaning { open, waiting, follower } = leaning(corpus);
        Pool {
            corpus,
            graph,
            open,
            costs,
            remaining: limit,
            duplicate_threshold: config.duplicate_threshold,
            same_fact: config.same_fact,
            embeddings,
            heap: BinaryHeap::new(),
            groups: Vec::new(),
            evaluated: IdVec::filled(0, n),
            step: 0,
            started: false,
            slack: 0.0,
            twins,
            copies,
            waiting,
            follower,
            released: Vec::new(),
            #[cfg(test)]
            exhaustive: false,
        }
    }

    /// Allows recomputed values to exceed their earlier bounds by up to `slack`
    /// through rounding: candidates within it of the best are all recomputed.
    pub(crate) fn with_slack(mut self, slack: f64) -> Self {
        self.slack = slack;
        self
    }

    /// What taking `node` would spend.
    pub(crate) fn cost(&self, node: NodeId) -> usize {
        self.costs[node]
    }

    /// Whether `node` is open and still fits, closing it if it no longer fits:
    /// the budget only shrinks.
    fn available(&mut self, node: NodeId) -> bool {
        if self.open[node] && self.costs[node] > self.remaining {
            self.open[node] = false;
        }
        self.open[node]
    }

    /// The open node that still fits with the highest `value` (the first on ties).
    /// `value` must not rise as sentences are taken (beyond the pool's slack).
    pub(crate) fn best(&mut self, mut value: impl FnMut(NodeId) -> f64) -> Option<NodeId> {
        #[cfg(test)]
        if self.exhaustive {
            return self.best_by_scan(value);
        }
        if !self.started {
            self.started = true;
            for node in self.open.ids() {
                if !self.waiting[node] && self.available(node) {
                    self.heap.push(Entry::new(node, value(node)));
                }
            }
        }
        while let Some(node) = self.released.pop() {
            if self.available(node) {
                self.evaluated[node] = self.step;
                self.heap.push(Entry::new(node, value(node)));
            }
        }
        // Recompute the top until it is current: then no stale bound exceeds it.
        let top = loop {
            let top = *self.heap.peek()?;
            if !self.available(top.node) {
                self.heap.pop();
                continue;
            }
            if self.evaluated[top.node] == self.step {
                break top;
            }
            self.heap.pop();
            self.evaluated[top.node] = self.step;
            self.heap.push(Entry::new(top.node, value(top.node)));
        };
        if self.slack == 0.0 {
            self.heap.pop();
            return Some(top.node);
        }
        // Values within the slack of the top may have been rounded below their
        // current values: recompute them all and take the best.
        let floor = top.value - self.slack;
        let mut window: Vec<Entry> = Vec::new();
        while let Some(&entry) = self.heap.peek() {
            if entry.value < floor {
                break;
            }
            self.heap.pop();
            if !self.available(entry.node) {
                continue;
            }
            if self.evaluated[entry.node] == self.step {
                window.push(entry);
            } else {
                self.evaluated[entry.node] = self.step;
                window.push(Entry::new(entry.node, value(entry.node)));
            }
        }
        let best = window.iter().copied().max()?;
        self.heap.extend(window.into_iter().filter(|entry| entry.node != best.node));
        Some(best.node)
    }

    /// [`best`](Self::best) for a value made of two parts, `outer(group, inner(node))`
    /// where `group[node]` says which of `groups` the node is in: `inner` must not
    /// rise as sentences are taken (beyond the slack), and `outer` must not fall as
    /// `inner` rises, but may move every node's value at each step. KL-Sum's size
    /// term does so (a longer summary lowers every candidate), and the plain lazy
    /// heap then recomputes nearly every candidate at every step, quadratic when the
    /// budget takes the whole cluster. Here each group keeps a lazy heap on `inner`
    /// alone, whose current top (and whatever lies within the slack of it, as
    /// rounding may tie their values) is its best: each step costs a few
    /// recomputations per group, not one per candidate. Same choice as a scan of
    /// every candidate, ties included.
    pub(crate) fn best_in_groups(
        &mut self,
        group: &IdVec<NodeId, usize>,
        groups: usize,
        mut inner: impl FnMut(NodeId) -> f64,
        outer: impl Fn(usize, f64) -> f64,
    ) -> Option<NodeId> {
        let mut inner = |node: NodeId| {
            #[cfg(test)]
            EVALUATIONS.with(|count| count.set(count.get() + 1));
            inner(node)
        };
        #[cfg(test)]
        if self.exhaustive {
            return self.best_by_scan(|node| outer(group[node], inner(node)));
        }
        if !self.started {
            self.started = true;
            self.groups = vec![BinaryHeap::new(); groups];
            for node in self.open.ids() {
                if !self.waiting[node] && self.available(node) {
                    self.groups[group[node]].push(Entry::new(node, inner(node)));
                }
            }
        }
        while let Some(node) = self.released.pop() {
            if self.available(node) {
                self.evaluated[node] = self.step;
                self.groups[group[node]].push(Entry::new(node, inner(node)));
            }
        }
        let mut best: Option<Entry> = None;
        let mut window: Vec<Entry> = Vec::new();
        for g in 0..groups {
            // Recompute the group's top until it is current, as `best` does.
            let top = loop {
                let Some(&top) = self.groups[g].peek() else { break None };
                if !self.available(top.node) {
                    self.groups[g].pop();
                    continue;
                }
                if self.evaluated[top.node] == self.step {
                    break Some(top);
                }
                self.groups[g].pop();
                self.evaluated[top.node] = self.step;
                self.groups[g].push(Entry::new(top.node, inner(top.node)));
            };
            let Some(top) = top else { continue };
            // Within the slack of the top, rounding may lift a value to the top's.
            let floor = top.value - self.slack;
            window.clear();
            while let Some(&entry) = self.groups[g].peek() {
                if entry.value < floor {
                    break;
                }
                self.groups[g].pop();
                if !self.available(entry.node) {
                    continue;
                }
                let entry = if self.evaluated[entry.node] == self.step {
                    entry
                } else {
                    self.evaluated[entry.node] = self.step;
                    Entry::new(entry.node, inner(entry.node))
                };
                window.push(entry);
                let candidate = Entry::new(entry.node, outer(g, entry.value));
                if best.is_none_or(|b| candidate > b) {
                    best = Some(candidate);
                }
            }
            self.groups[g].extend(window.drain(..));
        }
        // The chosen node stays in its heap until taking it closes it.
        best.map(|entry| entry.node)
    }

    /// Takes `node`: spends its cost and closes it and its near-duplicates.
    /// `similar(open_node, cosine)` is called for every open neighbour of `node` in
    /// the graph that is not a near-duplicate. Only sentences that share a term
    /// can be near-duplicates or similar, and in a complete graph those are the
    /// neighbours; in a graph cut to its strongest neighbours, near-duplicates are
    /// also sought through the neighbours of the near-duplicates found.
    ///
    /// With embeddings, every open candidate is then compared with `node` by its
    /// embedding (O(candidates × dimensions)): one at the embedding threshold is
    /// closed as telling the same fact, and `similar(open_node, embedding_cosine)`
    /// is called for the others, so a neighbour may be reported twice (the caller
    /// keeps the higher cosine).
    pub(crate) fn take(&mut self, node: NodeId, mut similar: impl FnMut(NodeId, f64)) {
        #[cfg(test)]
        if self.exhaustive {
            return self.take_by_scan(node, similar);
        }
        self.spend(node);
        self.take_by_words(node, &mut similar);
        if let Some(embeddings) = self.embeddings {
            let taken = embeddings.row(self.corpus.candidates[node]);
            for other in self.open.ids() {
                if !self.open[other] {
                    continue;
                }
                let cosine = cosine(taken, embeddings.row(self.corpus.candidates[other]));
                if cosine >= embeddings.threshold {
                    self.open[other] = false;
                } else {
                    similar(other, cosine);
                }
            }
        }
    }

    /// The near-duplicate rule of [`Pool::take`], by terms.
    fn take_by_words(&mut self, node: NodeId, similar: &mut impl FnMut(NodeId, f64)) {
        let corpus = self.corpus;
        let graph = self.graph;
        let taken = &corpus.candidate(node).vector;
        let mut found: Vec<NodeId> = Vec::new();
        for edge in graph.edges(node) {
            let other = edge.node;
            if !self.open[other] {
                continue;
            }
            let overlap = taken.dot_and_shared(&corpus.candidate(other).vector);
            if self.repeats(node, other, overlap) {
                self.open[other] = false;
                found.push(other);
            } else {
                similar(other, overlap.0);
            }
        }
        if graph.is_complete() {
            return;
        }
        // The graph may have left out sentences with the same terms, and
        // near-duplicates of near-duplicates: look for them there.
        let mut copies = std::mem::take(&mut self.copies[self.twins[node]]);
        copies.retain(|&other| {
            if !self.open[other] {
                return false;
            }
            if self.repeats(node, other, taken.dot_and_shared(&corpus.candidate(other).vector)) {
                self.open[other] = false;
                found.push(other);
                return false;
            }
            true
        });
        self.copies[self.twins[node]] = copies;
        while let Some(duplicate) = found.pop() {
            for edge in graph.edges(duplicate) {
                let other = edge.node;
                if !self.open[other] || other == node {
                    continue;
                }
                if self.repeats(node, other, taken.dot_and_shared(&corpus.candidate(other).vector)) {
                    self.open[other] = false;
                    found.push(other);
                }
            }
        }
    }

    /// Whether open candidate `other` repeats `taken`, with which it has `overlap`
    /// (tf-idf cosine, shared terms). Two ledes (the first candidates of their documents) tell the
    /// story's event: they repeat each other at a lower word overlap.
    fn repeats(&self, taken: NodeId, other: NodeId, overlap: (f64, usize)) -> bool {
        let (a, b) = (self.corpus.candidate(taken), self.corpus.candidate(other));
        let ledes = a.candidate_position == 0 && b.candidate_position == 0;
        let same_fact = self.same_fact.map_or(f64::INFINITY, |t| if ledes { t - LEDE_ALLOWANCE } else { t });
        is_near_duplicate(&a.vector, &b.vector, overlap, self.duplicate_threshold, same_fact)
    }

    /// Spends `node`'s cost, closes it and releases the sentence that leans on it.
    fn spend(&mut self, node: NodeId) {
        self.open[node] = false;
        self.remaining -= self.costs[node];
        self.step += 1;
        if let Some(follower) = self.follower[node] {
            self.waiting[follower] = false;
            self.released.push(follower);
        }
    }

    /// The scan that [`Pool::best`] replaces, kept to check it.
    #[cfg(test)]
    fn best_by_scan(&mut self, mut value: impl FnMut(NodeId) -> f64) -> Option<NodeId> {
        let mut best: Option<(NodeId, f64)> = None;
        self.released.clear();
        for node in self.open.ids() {
            if self.waiting[node] || !self.available(node) {
                continue;
            }
            let v = value(node);
            if best.is_none_or(|(_, b)| v > b) {
                best = Some((node, v));
            }
        }
        best.map(|(node, _)| node)
    }

    /// The near-duplicate rule that [`Pool::take`] replaces, over every open
    /// sentence, kept to check it.
    #[cfg(test)]
    fn take_by_scan(&mut self, node: NodeId, mut similar: impl FnMut(NodeId, f64)) {
        self.spend(node);
        let taken = &self.corpus.candidate(node).vector;
        for other in self.open.ids() {
            if !self.open[other] {
                continue;
            }
            let overlap = taken.dot_and_shared(&self.corpus.candidate(other).vector);
            let embedded = self.embeddings.map(|e| {
                let rows = (e.row(self.corpus.candidates[node]), e.row(self.corpus.candidates[other]));
                (crate::embed::cosine(rows.0, rows.1), e.threshold)
            });
            if self.repeats(node, other, overlap) || embedded.is_some_and(|(e, threshold)| e >= threshold) {
                self.open[other] = false;
            } else {
                similar(other, embedded.map_or(overlap.0, |(e, _)| overlap.0.max(e)));
            }
        }
    }
}

/// Per candidate: open from the start, waiting for the sentence it leans on, and
/// the candidate that leans on it.
struct Leaning {
    open: IdVec<NodeId, bool>,
    waiting: IdVec<NodeId, bool>,
    follower: IdVec<NodeId, Option<NodeId>>,
}

/// Which candidates are open from the start, which wait for the sentence they lean
/// on, and the follower of each. A sentence that leans on one that is not a
/// candidate (a heading, an excluded or the first of its document) is never open.
fn leaning(corpus: &Corpus) -> Leaning {
    let n = corpus.candidates.len();
    let mut open = IdVec::filled(true, n);
    let mut waiting = IdVec::filled(false, n);
    let mut follower = IdVec::filled(None, n);
    for (node, &id) in corpus.candidates.iter_enumerated() {
        let sentence = &corpus.sentences[id];
        if !sentence.leans_back {
            continue;
        }
        // Candidates are in cluster order: the sentence before, if a candidate,
        // is the node before.
        let before = (node.index() > 0 && sentence.index > 0).then(|| NodeId::new(node.index() - 1));
        match before
            .filter(|&b| corpus.candidates[b].index() + 1 == id.index() && corpus.candidate(b).doc == sentence.doc)
        {
            Some(antecedent) => {
                waiting[node] = true;
                follower[antecedent] = Some(node);
            }
            None => open[node] = false,
        }
    }
    Leaning { open, waiting, follower }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::embed::SentenceEmbeddings;
    use ndarray::array;

    /// Three sentences sharing no term, so no two are neighbours in the graph.
    fn corpus() -> Corpus {
        let text = "Washington expressed strong displeasure about the trip yesterday. \
                    The United States has criticized this visit by the Kremlin leader. \
                    Moscow supplies most weapons bought for Vietnamese army divisions.";
        Corpus::build(&[Document::new("a", text)], &[], None, &Config::default())
    }

    #[test]
    fn taking_a_sentence_closes_those_at_the_embedding_threshold_however_worded() {
        let corpus = corpus();
        let graph = SimilarityGraph::build(&corpus, false);
        assert_eq!(corpus.candidates.len(), 3);
        assert_eq!(graph.edge_count(), 0);
        // The first two on one axis (cosine 0.9), the third apart (cosine 0.6 to the first).
        let rows = array![[1.0f32, 0.0], [0.9, 0.43589], [0.6, -0.8]];
        let config = Config::default();
        let pool = |embeddings| Pool::new(&corpus, &graph, &config, IdVec::filled(1, 3), 10, embeddings);
        let mut reported: Vec<(usize, f64)> = Vec::new();
        let mut words_only = pool(None);
        words_only.take(NodeId::new(0), |node, cosine| reported.push((node.index(), cosine)));
        assert!(reported.is_empty(), "no neighbours by words: {reported:?}");
        assert!(words_only.open[NodeId::new(1)] && words_only.open[NodeId::new(2)]);

        let embeddings = SentenceEmbeddings::of_rows(rows.view(), 0.8);
        let mut embedded = pool(Some(&embeddings));
        embedded.take(NodeId::new(0), |node, cosine| reported.push((node.index(), cosine)));
        assert!(!embedded.open[NodeId::new(1)], "the paraphrase is closed");
        assert!(embedded.open[NodeId::new(2)], "the other fact stays open");
        assert_eq!(reported.len(), 1);
        assert_eq!(reported[0].0, 2);
        assert!((reported[0].1 - 0.6).abs() < 1e-6, "{reported:?}");

        // Above the threshold, nothing is closed: both are reported.
        reported.clear();
        let embeddings = SentenceEmbeddings::of_rows(rows.view(), 0.95);
        let mut loose = pool(Some(&embeddings));
        loose.take(NodeId::new(0), |node, cosine| reported.push((node.index(), cosine)));
        assert!(loose.open[NodeId::new(1)] && loose.open[NodeId::new(2)]);
        assert_eq!(reported.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 2]);
    }
}

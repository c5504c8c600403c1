//! The sentence similarity graph, built sparsely through an inverted index so that
//! only sentences that share a term are ever compared.

use rayon::prelude::*;

use crate::corpus::{Corpus, SparseVector};
use crate::ids::{Id, IdVec, NodeId};

/// Pair work (pairs of sentences visited through a shared term, summed over the
/// terms) below which the exact graph is built, whatever the cluster's size: every
/// pair of sentences sharing a term becomes an edge. The largest cluster of the
/// evaluation sets (DUC 2006, 1,276 candidates) needs 288,145; a graph at this
/// budget builds in a few milliseconds.
const BASE_WORK: u64 = 4_000_000;
/// Pair work allowed per candidate above [`BASE_WORK`], so that the budget, the
/// time and the memory of a huge cluster grow linearly with it.
const WORK_PER_NODE: u64 = 400;
/// Neighbours kept per sentence when the budget is exceeded (before symmetrising).
const NEIGHBOURS: usize = 50;

/// The pair work a cluster of `nodes` candidates may spend on its graph.
fn work_budget(nodes: usize) -> u64 {
    BASE_WORK.max(WORK_PER_NODE.saturating_mul(nodes as u64))
}

/// Pairs visited through a posting list of `len` sentences when each pair is
/// computed once (rows mirrored).
fn half_pairs(len: usize) -> u64 {
    let len = len as u64;
    len * len.saturating_sub(1) / 2
}

/// How the graph is built, decided from the posting lists before any pair is
/// visited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Every pair sharing a term, each computed once and mirrored.
    Exact,
    /// Terms with more postings than `max_postings` skipped, whole rows computed
    /// and cut to their strongest neighbours, then symmetrised.
    Budgeted { max_postings: usize },
}

impl Plan {
    /// The exact graph when its work fits the budget; otherwise the longest
    /// posting lists (the lowest idf) are skipped until the whole rows of the rest
    /// fit it.
    fn choose(lengths: impl Iterator<Item = usize>, nodes: usize) -> Plan {
        let mut lengths: Vec<usize> = lengths.filter(|&len| len > 1).collect();
        let work: u64 = lengths.iter().map(|&len| half_pairs(len)).sum();
        let budget = work_budget(nodes);
        if work <= budget {
            return Plan::Exact;
        }
        lengths.sort_unstable();
        // Whole rows visit every pair twice.
        let mut spent = 0u64;
        let mut max_postings = 1;
        let mut i = 0;
        while i < lengths.len() {
            let len = lengths[i];
            let same = lengths[i..].partition_point(|&l| l == len);
            let cost = 2 * half_pairs(len) * same as u64;
            if spent + cost > budget {
                break;
            }
            spent += cost;
            max_postings = len;
            i += same;
        }
        Plan::Budgeted { max_postings }
    }
}

/// A node in a term's posting list, with the term's weight in it.
type Posting = (u32, f32);

/// The inverted index: for each term, the nodes that have it (in node order) with
/// their weights. All lists in one vector, laid out from the terms' counts: one
/// growing vector per term cost an allocation or more for each of a cluster's
/// thousand-odd terms.
struct Postings {
    /// Where each term's list starts in `entries`; the last is the end of all.
    starts: Vec<usize>,
    entries: Vec<Posting>,
    /// Where each node's own entry is in `entries`, node by node, each node's in
    /// the order of its vector's terms: a row starts from the node's place in the
    /// lists of its terms, and finding it by binary search, whose branches the
    /// processor cannot guess, took a fifth of a DUC cluster's graph time. As
    /// u32 like the node ids in `entries`, half the memory of usize: there are
    /// fewer entries than words in the cluster.
    places: Vec<u32>,
    /// Where each node's places start in `places`; the last is the end of all.
    place_starts: Vec<usize>,
}

impl Postings {
    fn of(vectors: &IdVec<NodeId, &SparseVector>, terms: usize) -> Self {
        let mut starts = vec![0usize; terms + 1];
        for vector in vectors.iter() {
            for &term in &vector.terms {
                starts[term as usize + 1] += 1;
            }
        }
        for term in 0..terms {
            starts[term + 1] += starts[term];
        }
        let mut next = starts[..terms].to_vec();
        let mut entries = vec![(0, 0.0); starts[terms]];
        let mut places = Vec::with_capacity(entries.len());
        let mut place_starts = Vec::with_capacity(vectors.len() + 1);
        for (node, vector) in vectors.iter().enumerate() {
            place_starts.push(places.len());
            for (&term, &weight) in vector.terms.iter().zip(&vector.weights) {
                let place = &mut next[term as usize];
                entries[*place] = (node as u32, weight);
                places.push(*place as u32);
                *place += 1;
            }
        }
        place_starts.push(places.len());
        Postings { starts, entries, places, place_starts }
    }

    /// The length of the list of `term`.
    fn len(&self, term: u32) -> usize {
        self.starts[term as usize + 1] - self.starts[term as usize]
    }

    /// Where `node`'s own entries are, in the order of its vector's terms.
    fn places(&self, node: usize) -> &[u32] {
        &self.places[self.place_starts[node]..self.place_starts[node + 1]]
    }

    /// The entries of the list of `term` before and after the one at `place`:
    /// the nodes before and after that entry's node.
    fn around(&self, term: u32, place: u32) -> (&[Posting], &[Posting]) {
        let place = place as usize;
        (&self.entries[self.starts[term as usize]..place], &self.entries[place + 1..self.starts[term as usize + 1]])
    }

    /// The length of every term's list.
    fn lengths(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts.windows(2).map(|pair| pair[1] - pair[0])
    }
}

/// Graphs with at least this many nodes are built on rayon's thread pool.
const PARALLEL_NODES: usize = 1_000;

/// One node's edges while building: (neighbour, cosine, shared terms). Rows are
/// built on raw node numbers (`u32`, as the posting lists hold them); `NodeId`
/// starts at [`SimilarityGraph::edges`].
type Row = Vec<(u32, f32, u32)>;

/// Per-thread accumulators for one row of the graph at a time.
struct Scratch {
    /// Per node: the dot product with the row's node so far, and the terms shared
    /// so far (0 for a node not reached yet). Side by side, so that a visit costs
    /// one bounds check.
    sums: Vec<(f32, u32)>,
    /// The nodes the row has reached, in the order first reached: the first
    /// `reached_count` of its slots, one more than there are nodes. Every visit
    /// writes its node at the end and counts it only if it is new, rather than
    /// branching on whether it is: that branch went either way at random.
    touched: Vec<u32>,
    reached_count: usize,
    /// The same nodes as bits (node `n` is bit `n % 64` of word `n / 64`): read
    /// word by word, they give the row in node order without sorting `touched` or
    /// testing every node the row may reach, which were a third of a DUC
    /// cluster's graph time.
    reached: Vec<u64>,
}

impl Scratch {
    fn new(nodes: usize) -> Self {
        Scratch {
            sums: vec![(0.0, 0); nodes],
            touched: vec![0; nodes + 1],
            reached_count: 0,
            reached: vec![0; nodes.div_ceil(64)],
        }
    }

    /// Takes the row's sums out, leaving every node unreached, and gives
    /// `(neighbour, dot, shared terms)` for each node reached, in node order. Only
    /// nodes from `reach` on may have been reached.
    fn drain(&mut self, reach: usize, mut edge: impl FnMut(u32, f32, u32)) {
        let Scratch { sums, touched, reached_count, reached } = self;
        let touched = &mut touched[..std::mem::take(reached_count)];
        let words = reach / 64..reached.len();
        let mut take = |other: u32| {
            let (dot, shared) = std::mem::take(&mut sums[other as usize]);
            edge(other, dot, shared);
        };
        // A word of bits costs about what one node of a sort does.
        if words.len() <= 4 * touched.len() {
            for (w, bits) in reached[words.clone()].iter_mut().enumerate() {
                let mut bits = std::mem::take(bits);
                while bits != 0 {
                    take(((words.start + w) * 64) as u32 + bits.trailing_zeros());
                    bits &= bits - 1;
                }
            }
        } else {
            touched.sort_unstable();
            for &other in touched.iter() {
                reached[other as usize / 64] = 0;
                take(other);
            }
        }
    }
}

/// One edge seen from a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    /// The neighbour.
    pub(crate) node: NodeId,
    /// tf-idf cosine of the two sentences.
    pub(crate) cosine: f64,
}

/// Undirected weighted graph over the candidate sentences, in compressed rows.
/// Node `k` is `corpus.candidate(k)`.
#[derive(Debug)]
pub(crate) struct SimilarityGraph {
    offsets: Vec<usize>,
    neighbours: Vec<u32>,
    cosines: Vec<f32>,
    /// How many distinct terms the two sentences of each edge share, kept only for
    /// the scorers that read it (TextRank): a third array as long as the others to
    /// fill and to zero first.
    shared_terms: Option<Vec<u32>>,
    /// Whether every pair of sentences sharing a term is an edge.
    complete: bool,
}

impl SimilarityGraph {
    /// The graph of `corpus`'s candidates, with how many terms neighbours share
    /// if `shared_terms`.
    pub(crate) fn build(corpus: &Corpus, shared_terms: bool) -> Self {
        let vectors: IdVec<NodeId, &SparseVector> = corpus.candidates.map(|&s| &corpus.sentences[s].vector);
        let nodes = vectors.len();
        let postings = Postings::of(&vectors, corpus.vocabulary_size);
        let plan = Plan::choose(postings.lengths(), nodes);
        let (large, max_postings) = match plan {
            Plan::Exact => (false, usize::MAX),
            Plan::Budgeted { max_postings } => (true, max_postings),
        };
        // Over budget each row keeps its strongest neighbours, so whole rows are
        // computed; otherwise only the neighbours after each node are computed and
        // the rows are mirrored, which halves the work (the cosine sums are the same
        // products in the same term order either way, so the values are identical).
        let row = |node: usize, scratch: &mut Scratch| -> Row {
            let vector = vectors[NodeId::new(node)];
            // The accumulators as locals: through `scratch`, every visit reloaded
            // them from memory after each push.
            let Scratch { sums, touched, reached_count, reached } = &mut *scratch;
            for ((&term, weight), &place) in vector.terms.iter().zip(&vector.weights).zip(postings.places(node)) {
                if postings.len(term) > max_postings {
                    continue;
                }
                // Posting lists are in node order, and the node is in the list of
                // each of its terms: the nodes before it and those after it are
                // visited without testing each for the node itself.
                let (before, after) = postings.around(term, place);
                let mut visit = |others: &[Posting]| {
                    for &(other, other_weight) in others {
                        let sum = &mut sums[other as usize];
                        touched[*reached_count] = other;
                        *reached_count += usize::from(sum.1 == 0);
                        reached[other as usize / 64] |= 1 << (other % 64);
                        sum.0 += weight * other_weight;
                        sum.1 += 1;
                    }
                };
                if large {
                    visit(before);
                }
                visit(after);
            }
            // Rows come out ordered by neighbour; mirrored rows reach only the
            // nodes after their own.
            let reach = if large { 0 } else { node + 1 };
            let mut row: Row = Vec::with_capacity(*reached_count);
            scratch.drain(reach, |other, dot, shared| row.push((other, dot.min(1.0), shared)));
            if large && row.len() > NEIGHBOURS {
                // Strongest first; ties by node so that the result is deterministic.
                row.select_nth_unstable_by(NEIGHBOURS - 1, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                row.truncate(NEIGHBOURS);
                // The row was collected with all its candidates: give the rest back,
                // or 100,000 rows keep every candidate's memory until the end.
                row.shrink_to_fit();
            }
            if large {
                row.sort_unstable_by_key(|edge| edge.0);
            }
            row
        };
        // Small graphs are built on the calling thread: handing them to the pool
        // costs more than it saves (and batches already run clusters in parallel).
        let rows: Vec<Row> = if nodes < PARALLEL_NODES {
            let mut scratch = Scratch::new(nodes);
            (0..nodes).map(|node| row(node, &mut scratch)).collect()
        } else {
            (0..nodes).into_par_iter().map_init(|| Scratch::new(nodes), |scratch, node| row(node, scratch)).collect()
        };
        if large {
            SimilarityGraph::of_rows(symmetrise(rows), false, shared_terms)
        } else {
            SimilarityGraph::mirrored(&rows, shared_terms)
        }
    }

    /// The graph of complete rows, each ordered by neighbour.
    fn of_rows(rows: Vec<Row>, complete: bool, shared_terms: bool) -> Self {
        let mut offsets = Vec::with_capacity(rows.len() + 1);
        offsets.push(0);
        for row in &rows {
            offsets.push(offsets[offsets.len() - 1] + row.len());
        }
        let edges = offsets[rows.len()];
        let mut graph = SimilarityGraph {
            offsets,
            neighbours: Vec::with_capacity(edges),
            cosines: Vec::with_capacity(edges),
            shared_terms: shared_terms.then(|| Vec::with_capacity(edges)),
            complete,
        };
        for (node, cosine, shared) in rows.into_iter().flatten() {
            graph.neighbours.push(node);
            graph.cosines.push(cosine);
            if let Some(counts) = &mut graph.shared_terms {
                counts.push(shared);
            }
        }
        graph
    }

    /// The complete graph from rows that hold only the neighbours after each node:
    /// each row is its neighbours before it (in node order) then those after, as
    /// the exact graph lists them. Written straight into the compressed rows, whose
    /// lengths are known from the upper rows, rather than through mirrored row
    /// vectors grown edge by edge (a tenth of a DUC cluster's instructions).
    fn mirrored(upper: &[Row], shared_terms: bool) -> Self {
        let nodes = upper.len();
        let mut degree = vec![0usize; nodes];
        for (node, row) in upper.iter().enumerate() {
            degree[node] += row.len();
            for &(other, ..) in row {
                degree[other as usize] += 1;
            }
        }
        let mut offsets = Vec::with_capacity(nodes + 1);
        offsets.push(0);
        for d in &degree {
            offsets.push(offsets[offsets.len() - 1] + d);
        }
        let edges = offsets[nodes];
        let (mut neighbours, mut cosines) = (vec![0; edges], vec![0.0; edges]);
        let mut counts = if shared_terms { vec![0; edges] } else { Vec::new() };
        // Where each row is written next. A row's neighbours before it come from
        // the nodes before it, all written by the time its own turn comes; its
        // neighbours after it follow.
        let mut next = offsets[..nodes].to_vec();
        for (node, row) in upper.iter().enumerate() {
            for &(other, cosine, shared) in row {
                for (row, neighbour) in [(node, other), (other as usize, node as u32)] {
                    let at = next[row];
                    (neighbours[at], cosines[at]) = (neighbour, cosine);
                    if shared_terms {
                        counts[at] = shared;
                    }
                    next[row] += 1;
                }
            }
        }
        SimilarityGraph { offsets, neighbours, cosines, shared_terms: shared_terms.then_some(counts), complete: true }
    }

    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of edges, each counted from both ends.
    pub(crate) fn edge_count(&self) -> usize {
        self.neighbours.len()
    }

    /// Whether every pair of sentences sharing a term is an edge; otherwise the
    /// cluster was over the work budget and rows hold their strongest neighbours.
    pub(crate) fn is_complete(&self) -> bool {
        self.complete
    }

    /// Every node, in order.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = NodeId> + Clone + 'static {
        (0..self.len()).map(NodeId::new)
    }

    /// The edges of `node`, by increasing neighbour.
    pub(crate) fn edges(&self, node: NodeId) -> impl Iterator<Item = Edge> + '_ {
        let range = self.offsets[node.index()]..self.offsets[node.index() + 1];
        range.map(move |e| Edge { node: NodeId::new(self.neighbours[e] as usize), cosine: f64::from(self.cosines[e]) })
    }

    /// How many distinct terms `node` shares with each of its neighbours, in the
    /// order of [`edges`](Self::edges). Only in a graph built with them.
    pub(crate) fn shared_terms(&self, node: NodeId) -> &[u32] {
        let counts = self.shared_terms.as_deref().expect("the graph was built with shared-term counts");
        &counts[self.offsets[node.index()]..self.offsets[node.index() + 1]]
    }
}

/// Every edge of `rows` seen from its other end, in increasing node order.
fn reversed(rows: &[Row]) -> Vec<Row> {
    let mut reverse: Vec<Row> = vec![Vec::new(); rows.len()];
    for (node, row) in rows.iter().enumerate() {
        for &(other, cosine, shared) in row {
            reverse[other as usize].push((node as u32, cosine, shared));
        }
    }
    reverse
}

/// Adds the reverse of every edge that only one side kept, so that the graph is
/// undirected again (PageRank and support rely on it).
fn symmetrise(mut rows: Vec<Row>) -> Vec<Row> {
    let reverse = reversed(&rows);
    for (row, extra) in rows.iter_mut().zip(reverse) {
        row.extend(extra);
        row.sort_unstable_by_key(|edge| edge.0);
        row.dedup_by_key(|edge| edge.0);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    #[test]
    fn edges_are_symmetric_cosines_between_sentences_sharing_terms() {
        let documents = [Document::new(
            "a",
            "The central bank raised interest rates sharply today. \
             Interest rates were raised by the central bank again. \
             Football fans celebrated the victory in the streets.",
        )];
        let corpus = Corpus::build(&documents, &[], None, &Config::default());
        let graph = SimilarityGraph::build(&corpus, true);
        assert_eq!(graph.len(), 3);
        let [first, second, third] = [0, 1, 2].map(NodeId::new);
        let edges: Vec<Edge> = graph.edges(first).collect();
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].node, second);
        let expected = corpus.candidate(first).vector.dot(&corpus.candidate(second).vector);
        assert!((edges[0].cosine - expected).abs() < 1e-5);
        assert_eq!(graph.shared_terms(first), [5]);
        assert_eq!(SimilarityGraph::build(&corpus, false).edges(first).collect::<Vec<_>>(), edges);
        let back: Vec<Edge> = graph.edges(second).filter(|e| e.node == first).collect();
        assert!((back[0].cosine - edges[0].cosine).abs() < 1e-6);
        assert_eq!(graph.edges(third).count(), 0);
    }
}

#[cfg(test)]
mod scale_tests {
    use super::*;

    #[test]
    fn rows_hold_every_pair_sharing_a_term_in_node_order() {
        // Sentences of rare words (rows far sparser than the graph, read by
        // sorting) and of common ones (dense rows, read from the bits).
        let mut next = crate::testing::splitmix64(5);
        let text: String = (0..1_500)
            .map(|i| {
                let vocabulary = if i % 3 == 0 { 40 } else { 50_000 };
                let words: Vec<String> = (0..8).map(|_| format!("w{}", next() % vocabulary)).collect();
                format!("The {}. ", words.join(" "))
            })
            .collect();
        let corpus = Corpus::build(&[crate::Document::new("a", text)], &[], None, &crate::Config::default());
        let graph = SimilarityGraph::build(&corpus, true);
        assert!(graph.is_complete());
        let (mut sparse, mut dense) = (0, 0);
        for node in graph.nodes() {
            let vector = &corpus.candidate(node).vector;
            let expected: Vec<(NodeId, f32, u32)> = graph
                .nodes()
                .filter(|&other| other != node)
                .filter_map(|other| {
                    let theirs = &corpus.candidate(other).vector;
                    // Summed in f32 in the order of the lower node's terms, as its row is.
                    let (row, column) = if node < other { (vector, theirs) } else { (theirs, vector) };
                    let pairs: Vec<(usize, usize)> = row.matches(column).collect();
                    let dot = pairs.iter().fold(0.0f32, |sum, &(i, j)| sum + row.weights[i] * column.weights[j]);
                    (!pairs.is_empty()).then_some((other, dot.min(1.0), pairs.len() as u32))
                })
                .collect();
            let found: Vec<(NodeId, f32, u32)> =
                graph.edges(node).zip(graph.shared_terms(node)).map(|(e, &s)| (e.node, e.cosine as f32, s)).collect();
            assert_eq!(found, expected, "{node:?}");
            let later = expected.iter().filter(|e| e.0 > node).count();
            // Which way `Scratch::drain` read the row.
            if 4 * later < graph.len().div_ceil(64) - (node.index() + 1) / 64 {
                sparse += 1;
            } else {
                dense += 1;
            }
        }
        assert!(sparse > 10 && dense > 10, "{sparse} {dense}");
    }

    #[test]
    fn mirrored_rows_list_earlier_neighbours_then_later_ones() {
        let upper = vec![vec![(1, 0.5, 2), (2, 0.3, 1)], vec![(2, 0.2, 3)], vec![]];
        let graph = SimilarityGraph::mirrored(&upper, true);
        let row = |n| {
            let node = NodeId::new(n);
            graph
                .edges(node)
                .zip(graph.shared_terms(node))
                .map(|(e, &shared)| (e.node.index(), shared))
                .collect::<Vec<_>>()
        };
        assert_eq!(row(0), [(1, 2), (2, 1)]);
        assert_eq!(row(1), [(0, 2), (2, 3)]);
        assert_eq!(row(2), [(0, 1), (1, 3)]);
        assert_eq!(graph.edge_count(), 6);
    }

    #[test]
    fn symmetrise_adds_missing_reverse_edges_once() {
        let rows = vec![vec![(1, 0.5, 2), (2, 0.3, 1)], vec![(0, 0.5, 2)], vec![]];
        let rows = symmetrise(rows);
        assert_eq!(rows[0], [(1, 0.5, 2), (2, 0.3, 1)]);
        assert_eq!(rows[1], [(0, 0.5, 2)]);
        assert_eq!(rows[2], [(0, 0.3, 1)]);
    }
}

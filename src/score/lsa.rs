//! LSA (Steinberger & Ježek 2004): a sentence's salience is its length in the
//! space of the strongest singular vectors of the term-sentence matrix A,
//! `sqrt(sum_k sigma_k^2 v_ik^2)` over the dimensions whose singular value is at
//! least half the largest.
//!
//! The right singular vectors of A are the eigenvectors of the sentence Gram
//! matrix AᵀA, which for unit tf-idf columns is the cosine matrix the similarity
//! graph already holds (ones on the diagonal). They are found by power iteration
//! with deflation, multiplying by the sparse graph, so no dense matrix is built.

use ndarray::Array1;

use super::{ScoreInput, Scorer};
use crate::graph::SimilarityGraph;
use crate::ids::{Id, IdVec, NodeId};

/// At most this many dimensions.
const DIMENSIONS: usize = 10;
/// Keep dimensions whose singular value is at least this share of the largest.
const SINGULAR_SHARE: f64 = 0.5;
const ITERATIONS: usize = 300;
/// Multiplications by the graph allowed over all dimensions, in entries visited
/// (edges plus nodes per multiplication): once it is spent, each further dimension
/// gets [`MIN_ITERATIONS`], so a dense graph (thousands of near-identical
/// sentences) costs a bounded amount plus work linear in its edges. The
/// evaluation clusters never reach it: the most any spends is 651,157,628 (in DUC
/// 2006), so their results are unchanged.
const WORK: usize = 800_000_000;
/// Iterations per dimension once the work is spent.
const MIN_ITERATIONS: usize = 20;
const TOLERANCE: f64 = 1e-10;

pub(crate) struct Lsa;

impl Scorer for Lsa {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let graph = input.graph;
        let n = graph.len();
        let mut found: Vec<(f64, Array1<f64>)> = Vec::new();
        let per_multiply = (graph.edge_count() + n).max(1);
        let mut spent = 0;
        for k in 0..DIMENSIONS.min(n) {
            let iterations = (WORK.saturating_sub(spent) / per_multiply).clamp(MIN_ITERATIONS, ITERATIONS);
            let mut used = 0;
            let pair = leading_eigenpair(graph, &found, k, iterations, &mut used);
            spent += used * per_multiply;
            let Some((eigenvalue, vector)) = pair else { break };
            let singular = eigenvalue.max(0.0).sqrt();
            if let Some((first, _)) = found.first() {
                if singular < SINGULAR_SHARE * first.sqrt() {
                    break;
                }
            }
            found.push((eigenvalue, vector));
        }
        let mut salience = Array1::<f64>::zeros(n);
        for (eigenvalue, vector) in &found {
            salience += &(vector.mapv(|v| v * v) * *eigenvalue);
        }
        salience.mapv(f64::sqrt).to_vec().into()
    }
}

/// y = (AᵀA) x, through the sparse cosine graph. Vectors are indexed by node.
fn multiply(graph: &SimilarityGraph, x: &Array1<f64>) -> Array1<f64> {
    Array1::from_iter(
        graph.nodes().map(|i| x[i.index()] + graph.edges(i).map(|e| e.cosine * x[e.node.index()]).sum::<f64>()),
    )
}

/// The largest eigenpair of AᵀA orthogonal to the pairs `found`.
fn leading_eigenpair(
    graph: &SimilarityGraph,
    found: &[(f64, Array1<f64>)],
    seed: usize,
    iterations: usize,
    used: &mut usize,
) -> Option<(f64, Array1<f64>)> {
    let n = graph.len();
    // A fixed, slightly uneven start: deterministic, and never orthogonal to the
    // answer by accident of symmetry.
    let mut x = Array1::from_iter((0..n).map(|i| 1.0 + ((i * 7919 + seed * 104729) % 1000) as f64 / 1000.0));
    let orthogonalise = |x: &mut Array1<f64>| {
        for (_, v) in found {
            let projection = x.dot(v);
            x.scaled_add(-projection, v);
        }
    };
    let mut eigenvalue = 0.0;
    for _ in 0..iterations {
        orthogonalise(&mut x);
        let norm = x.dot(&x).sqrt();
        if norm < 1e-12 {
            return None;
        }
        x /= norm;
        *used += 1;
        let mut y = multiply(graph, &x);
        orthogonalise(&mut y);
        let next = x.dot(&y);
        let converged = (next - eigenvalue).abs() < TOLERANCE * next.abs().max(1.0);
        eigenvalue = next;
        x = y;
        if converged {
            break;
        }
    }
    let norm = x.dot(&x).sqrt();
    (norm > 1e-12).then(|| (eigenvalue, x / norm))
}

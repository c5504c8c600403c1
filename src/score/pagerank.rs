//! PageRank by power iteration over a weighted undirected graph.

use crate::ids::{Id, IdVec, NodeId};

/// Damping factor: the probability of following an edge rather than jumping
/// anywhere (Brin & Page 1998; the value TextRank and LexRank use).
pub(crate) const DAMPING: f64 = 0.85;
/// Stop when the L1 change of the scores falls below this.
const TOLERANCE: f64 = 1e-6;
/// Stop after this many iterations even if not converged; on sentence graphs the
/// iteration converges in a few dozen.
const MAX_ITERATIONS: usize = 200;

/// Stationary distribution of the random walk that follows an edge with
/// probability [`DAMPING`] (in proportion to its weight) and otherwise jumps to a
/// uniformly random node. Nodes without edges spread their mass uniformly.
/// `edges(i)` lists `(j, weight)` with weight > 0; the graph must be symmetric.
pub(crate) fn pagerank<I>(nodes: usize, edges: impl Fn(NodeId) -> I) -> IdVec<NodeId, f64>
where
    I: Iterator<Item = (NodeId, f64)>,
{
    if nodes == 0 {
        return IdVec::default();
    }
    let n = nodes as f64;
    // The iteration works on raw node numbers; ids are taken and given back at
    // the edges of this function.
    let out_weight: Vec<f64> = (0..nodes).map(|i| edges(NodeId::new(i)).map(|(_, w)| w).sum()).collect();
    // Incoming edges in compressed rows, each weight already divided by its
    // source's out-weight: the graph is symmetric, so what flows into i from j is
    // rank[j] * w(i, j) / out(j). The iteration is then one multiply-add per edge.
    let mut offsets = Vec::with_capacity(nodes + 1);
    let mut sources: Vec<u32> = Vec::new();
    let mut shares: Vec<f64> = Vec::new();
    offsets.push(0);
    for i in 0..nodes {
        for (j, w) in edges(NodeId::new(i)) {
            sources.push(j.index() as u32);
            shares.push(w / out_weight[j.index()]);
        }
        offsets.push(sources.len());
    }
    let dangling_nodes: Vec<usize> = (0..nodes).filter(|&i| out_weight[i] <= 0.0).collect();
    let mut rank = vec![1.0 / n; nodes];
    let mut next = vec![0.0; nodes];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = dangling_nodes.iter().map(|&i| rank[i]).sum();
        let base = (1.0 - DAMPING) / n + DAMPING * dangling / n;
        for (i, slot) in next.iter_mut().enumerate() {
            let range = offsets[i]..offsets[i + 1];
            let inflow: f64 =
                sources[range.clone()].iter().zip(&shares[range]).map(|(&j, share)| rank[j as usize] * share).sum();
            *slot = base + DAMPING * inflow;
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    rank.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_centre_ranks_highest_and_mass_is_conserved() {
        // Node 0 linked to 1, 2, 3; node 4 isolated.
        let adjacency = [vec![(1, 1.0), (2, 1.0), (3, 1.0)], vec![(0, 1.0)], vec![(0, 1.0)], vec![(0, 1.0)], vec![]];
        let rank = pagerank(5, |i| adjacency[i.index()].iter().map(|&(j, w)| (NodeId::new(j), w)));
        let rank = rank.as_slice();
        assert!((rank.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(rank[0] > rank[1] && rank[1] > rank[4]);
        assert!((rank[1] - rank[2]).abs() < 1e-9);
    }

    #[test]
    fn empty_and_edgeless_graphs() {
        assert!(pagerank(0, |_| std::iter::empty()).is_empty());
        let rank = pagerank(4, |_| std::iter::empty());
        assert!(rank.iter().all(|r| (r - 0.25).abs() < 1e-9));
    }
}

//! Lead: the earlier a sentence stands among its document's candidates, the more
//! salient. Round-robin over documents falls out of the ties between them.

use super::{ScoreInput, Scorer};
use crate::ids::{IdVec, NodeId};

pub(crate) struct Lead;

impl Scorer for Lead {
    fn salience(&self, input: &ScoreInput<'_>) -> IdVec<NodeId, f64> {
        let corpus = input.corpus;
        corpus.candidates.map(|&s| 1.0 / (1.0 + corpus.sentences[s].candidate_position as f64))
    }
}

//! Choosing the summary: fill the budget greedily by maximal marginal relevance,
//! never taking a near-duplicate of a sentence already taken.

mod budget;
mod dedup;
mod mmr;

pub(crate) use budget::Allowance;
pub(crate) use dedup::is_near_duplicate;
pub(crate) use mmr::select;

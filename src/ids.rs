//! The two numberings of a cluster's sentences, as types that do not mix.
//!
//! A [`SentenceId`] numbers every sentence of the cluster, document by document,
//! headings and boilerplate included: it is what the caller sees as a position in
//! a [`Ranking`](crate::Ranking). A [`NodeId`] numbers only the candidates (the
//! sentences that may be chosen), which are the nodes of the similarity graph and
//! what every score and selection vector is indexed by. Both used to be bare
//! integers, so a score could be looked up by a sentence's position and silently
//! read another sentence's; as types, and with [`IdVec`] indexed by one of them
//! only, that mistake no longer compiles. Hot loops convert once at their
//! boundary with [`Id::index`].

use std::marker::PhantomData;
use std::ops::{Deref, Index, IndexMut};

/// A dense index into one kind of sequence.
pub(crate) trait Id: Copy + 'static {
    /// The id of position `index`.
    fn new(index: usize) -> Self;
    /// The position, for slices and arrays that are not an [`IdVec`].
    fn index(self) -> usize;
}

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) struct $name(u32);

        impl Id for $name {
            #[inline]
            fn new(index: usize) -> Self {
                // Clusters are capped far below 4 G sentences (max_input_bytes).
                $name(index as u32)
            }

            #[inline]
            fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id! {
    /// A sentence's position among all sentences of the cluster, in cluster order.
    SentenceId
}

id! {
    /// A candidate sentence's position among the candidates: a node of the
    /// similarity graph.
    NodeId
}

/// A vector indexed by one kind of id: `IdVec<NodeId, f64>` holds one score per
/// graph node and cannot be indexed by a [`SentenceId`]. Reads as a slice
/// (`len`, `iter`, ...) for whatever does not care about positions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IdVec<I, T> {
    items: Vec<T>,
    id: PhantomData<fn(I) -> I>,
}

impl<I: Id, T> IdVec<I, T> {
    /// `n` copies of `value`.
    pub(crate) fn filled(value: T, n: usize) -> Self
    where
        T: Clone,
    {
        IdVec::from(vec![value; n])
    }

    /// Appends `item` under the next id.
    pub(crate) fn push(&mut self, item: T) {
        self.items.push(item);
    }

    /// Room for `additional` more items.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.items.reserve(additional);
    }

    /// The items, mutably, in order.
    pub(crate) fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Every id, in order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = I> + Clone + 'static {
        (0..self.items.len()).map(I::new)
    }

    /// Every item with its id, in order.
    pub(crate) fn iter_enumerated(&self) -> impl Iterator<Item = (I, &T)> {
        self.items.iter().enumerate().map(|(i, item)| (I::new(i), item))
    }

    /// The items as a slice, indexed by position: for tests that name sentences
    /// by pattern.
    #[cfg(test)]
    pub(crate) fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// `f` of every item, under the same ids.
    pub(crate) fn map<U>(&self, f: impl FnMut(&T) -> U) -> IdVec<I, U> {
        self.items.iter().map(f).collect()
    }
}

impl<I, T> Default for IdVec<I, T> {
    fn default() -> Self {
        IdVec::from(Vec::new())
    }
}

impl<I, T> From<Vec<T>> for IdVec<I, T> {
    fn from(items: Vec<T>) -> Self {
        IdVec { items, id: PhantomData }
    }
}

impl<I, T> FromIterator<T> for IdVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        IdVec::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<I, T> IntoIterator for IdVec<I, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, I, T> IntoIterator for &'a IdVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<I, T> Deref for IdVec<I, T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<I: Id, T> Index<I> for IdVec<I, T> {
    type Output = T;

    #[inline]
    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: Id, T> IndexMut<I> for IdVec<I, T> {
    #[inline]
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_their_own_vectors() {
        let mut scores: IdVec<NodeId, f64> = IdVec::filled(0.0, 3);
        scores[NodeId::new(2)] = 1.5;
        assert_eq!(scores.ids().map(Id::index).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(scores.iter_enumerated().last(), Some((NodeId::new(2), &1.5)));
        assert_eq!(scores.map(|s| s * 2.0)[NodeId::new(2)], 3.0);
        assert_eq!(scores.len(), 3);
        // `scores[SentenceId::new(2)]` does not compile: that is the point.
    }
}

//! What each input node of a stored-order fold (`stored_rel_fold.rs`) has folded so far:
//! its relationships, and per aggregate a count or an extreme, kept together in one
//! record per node so that folding a relationship touches one place in memory.
//!
//! The relationships come in the type's stored order, so their input nodes come in no
//! order: each relationship is a random access. With the counts and extremes in separate
//! arrays, and the node's place looked up in a third indexed by node id, that is three
//! cache misses per relationship once the arrays outgrow the cache (80,000 organisations'
//! folds do). Here the records sit in one array, indexed straight by node id less the
//! least input node's when the input nodes are dense in their id range (a label's nodes
//! mostly are), with a bitmap by the same offset saying which are inputs (small enough to
//! stay in the cache), so a relationship costs one miss, on its record; otherwise a
//! record is found through a table by node id, as before.

use super::aggregate_fold::Moments;

#[path = "fold_places_merge.rs"]
mod merge;
use crate::store::{NodeId, Number};

/// No input node here.
const NONE: u32 = u32::MAX;

/// Beyond this many ids per input node, records indexed by id would be mostly empty.
const MAX_SPREAD: usize = 4;

/// What an aggregate keeps in a record.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Keeps {
    /// Nothing (the aggregate is answered otherwise).
    Nothing,
    /// A count.
    Count,
    /// The least or greatest number so far.
    Extreme,
    /// The count, sum and sum of squares of integers (`stDev`), which do not depend on
    /// the order they come in.
    Moments,
}

pub(super) struct Places {
    /// The input nodes, in input order (a node's place is its index here).
    pub(super) nodes: Vec<NodeId>,
    index: Index,
    /// Per aggregate, the offset of its words in a record (`None`: it keeps nothing).
    offsets: Vec<Option<usize>>,
    /// Words per record: the relationships folded, then each aggregate's words (a count:
    /// one; an extreme: its kind and its bits; moments: the count, then the sum and the
    /// sum of squares as two words each).
    stride: usize,
    words: Vec<u64>,
}

/// How a node id finds its record.
enum Index {
    /// The record at the id less `base`, when its bit in `inputs` (by the same offset) says
    /// the node is an input: a bitmap small enough to stay in the cache, so whether a
    /// relationship is folded is known before its record is read.
    Dense { base: u32, inputs: Vec<u64> },
    /// The record at the place `place_of` holds for the id.
    ByPlace { place_of: Vec<u32> },
}

impl Places {
    /// Records for `nodes` (distinct, in input order; ids below `bound`), each keeping
    /// what `slots` say per aggregate.
    pub(super) fn new(nodes: Vec<NodeId>, bound: u32, slots: &[Keeps]) -> Places {
        let mut offsets = Vec::with_capacity(slots.len());
        let mut stride = 1;
        for slot in slots {
            offsets.push(match slot {
                Keeps::Nothing => None,
                Keeps::Count | Keeps::Extreme | Keeps::Moments => Some(stride),
            });
            stride += match slot {
                Keeps::Nothing => 0,
                Keeps::Count => 1,
                Keeps::Extreme => 2,
                Keeps::Moments => 5,
            };
        }
        let least = nodes.iter().map(|n| n.0).min().unwrap_or(0);
        let greatest = nodes.iter().map(|n| n.0).max().unwrap_or(0);
        let span = (greatest - least) as usize + 1;
        let (index, n_records) = if span <= nodes.len().saturating_mul(MAX_SPREAD) {
            let mut inputs = vec![0_u64; span.div_ceil(64)];
            for node in &nodes {
                let at = (node.0 - least) as usize;
                if let Some(word) = inputs.get_mut(at / 64) {
                    *word |= 1 << (at % 64);
                }
            }
            (Index::Dense { base: least, inputs }, span)
        } else {
            let mut place_of = vec![NONE; bound as usize];
            for (place, node) in nodes.iter().enumerate() {
                if let Some(at) = place_of.get_mut(node.0 as usize) {
                    *at = place as u32;
                }
            }
            (Index::ByPlace { place_of }, nodes.len())
        };
        Places { nodes, index, offsets, stride, words: vec![0; n_records * stride] }
    }

    /// The bytes the records and the index hold.
    pub(super) fn bytes(&self) -> u64 {
        let index = match &self.index {
            Index::Dense { inputs, .. } => inputs.len() * 8,
            Index::ByPlace { place_of } => place_of.len() * 4,
        };
        (self.words.len() * 8 + index + self.nodes.len() * 4) as u64
    }

    /// How many records there are, and the bytes of each.
    pub(super) fn shape(&self) -> (usize, usize) {
        (self.words.len() / self.stride.max(1), self.stride * 8)
    }

    /// The record of input node `node`, if it is one.
    #[inline]
    pub(super) fn record_of(&self, node: NodeId) -> Option<usize> {
        match &self.index {
            Index::Dense { base, inputs } => {
                let record = node.0.checked_sub(*base)? as usize;
                let word = inputs.get(record / 64)?;
                (word >> (record % 64) & 1 == 1).then_some(record)
            }
            Index::ByPlace { place_of } => match place_of.get(node.0 as usize) {
                Some(&place) if place != NONE => Some(place as usize),
                _ => None,
            },
        }
    }

    /// The record of the input node at `place`.
    fn record_of_place(&self, place: usize) -> usize {
        match &self.index {
            Index::Dense { base, .. } => self.nodes.get(place).map_or(0, |n| (n.0 - base) as usize),
            Index::ByPlace { .. } => place,
        }
    }

    /// Counts one more relationship folded into `record`.
    #[inline]
    pub(super) fn add_row(&mut self, record: usize) {
        if let Some(word) = self.words.get_mut(record * self.stride) {
            *word += 1;
        }
    }

    /// Adds `n` to aggregate `a`'s count in `record`.
    #[inline]
    pub(super) fn add_count(&mut self, record: usize, a: usize, n: u64) {
        let Some(offset) = self.offsets.get(a).copied().flatten() else { return };
        if let Some(word) = self.words.get_mut(record * self.stride + offset) {
            *word += n;
        }
    }

    /// Makes `x` aggregate `a`'s extreme in `record` when there is none yet or when
    /// `better(x, current)`.
    #[inline]
    pub(super) fn fold_extreme(&mut self, record: usize, a: usize, x: Number, better: impl Fn(Number, Number) -> bool) {
        let Some(offset) = self.offsets.get(a).copied().flatten() else { return };
        let at = record * self.stride + offset;
        let current = self.words.get(at..at + 2).and_then(|w| number_of(w[0], w[1]));
        if current.is_none_or(|c| better(x, c)) {
            let (kind, bits) = words_of(x);
            if let Some(w) = self.words.get_mut(at..at + 2) {
                w[0] = kind;
                w[1] = bits;
            }
        }
    }

    /// Adds the integer `x` to aggregate `a`'s moments in `record` (the caller bounds the
    /// integers so that a record's sums cannot overflow: `StoredRelFold::applies`).
    #[inline]
    pub(super) fn add_moment(&mut self, record: usize, a: usize, x: i64) {
        let Some(offset) = self.offsets.get(a).copied().flatten() else { return };
        let at = record * self.stride + offset;
        let Some(w) = self.words.get_mut(at..at + 5) else { return };
        let x = i128::from(x);
        w[0] += 1;
        let sum = wide(w[1], w[2]).wrapping_add(x);
        let squares = wide(w[3], w[4]).wrapping_add(x * x);
        [w[1], w[2]] = halves(sum);
        [w[3], w[4]] = halves(squares);
    }

    /// Aggregate `a`'s moments at `place`.
    pub(super) fn moments(&self, place: usize, a: usize) -> Moments {
        let Some(offset) = self.offsets.get(a).copied().flatten() else { return Moments::default() };
        let at = self.record_of_place(place) * self.stride + offset;
        match self.words.get(at..at + 5) {
            Some(w) => Moments { n: w[0], sum: wide(w[1], w[2]), squares: wide(w[3], w[4]) },
            None => Moments::default(),
        }
    }

    /// The relationships folded at `place`.
    pub(super) fn rows(&self, place: usize) -> u64 {
        let record = self.record_of_place(place);
        self.words.get(record * self.stride).copied().unwrap_or(0)
    }

    /// Aggregate `a`'s count at `place`.
    pub(super) fn count(&self, place: usize, a: usize) -> u64 {
        let Some(offset) = self.offsets.get(a).copied().flatten() else { return 0 };
        let record = self.record_of_place(place);
        self.words.get(record * self.stride + offset).copied().unwrap_or(0)
    }

    /// Aggregate `a`'s extreme at `place` (`None`: no number came).
    pub(super) fn extreme(&self, place: usize, a: usize) -> Option<Number> {
        let offset = self.offsets.get(a).copied().flatten()?;
        let at = self.record_of_place(place) * self.stride + offset;
        self.words.get(at..at + 2).and_then(|w| number_of(w[0], w[1]))
    }
}

/// An `i128` kept as its low and high words.
fn wide(low: u64, high: u64) -> i128 {
    (u128::from(high) << 64 | u128::from(low)) as i128
}

fn halves(x: i128) -> [u64; 2] {
    [x as u64, ((x as u128) >> 64) as u64]
}

/// A number as its kind (1 integer, 2 float; 0 is none) and its bits.
fn words_of(x: Number) -> (u64, u64) {
    match x {
        Number::Int(i) => (1, i as u64),
        Number::Float(f) => (2, f.to_bits()),
    }
}

fn number_of(kind: u64, bits: u64) -> Option<Number> {
    match kind {
        1 => Some(Number::Int(bits as i64)),
        2 => Some(Number::Float(f64::from_bits(bits))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(nodes: Vec<NodeId>, bound: u32) -> Places {
        let mut places = Places::new(nodes, bound, &[Keeps::Count, Keeps::Nothing, Keeps::Extreme]);
        for (node, x) in [(7, 3), (9, 5), (7, 1), (40, 2), (8, 4)] {
            let Some(record) = places.record_of(NodeId(node)) else { continue };
            places.add_row(record);
            places.add_count(record, 0, 1);
            places.fold_extreme(
                record,
                2,
                Number::Int(x),
                |a, b| matches!((a, b), (Number::Int(a), Number::Int(b)) if a > b),
            );
        }
        places
    }

    #[test]
    fn moments_add_up_across_both_words() {
        let mut places = Places::new(vec![NodeId(3), NodeId(4)], 10, &[Keeps::Count, Keeps::Moments]);
        let xs = [i64::from(i32::MAX), -5, i64::from(i32::MIN), 7, i64::from(i32::MAX)];
        let record = places.record_of(NodeId(4)).unwrap();
        xs.iter().for_each(|&x| places.add_moment(record, 1, x));
        let expected = xs.iter().fold(Moments::default(), |m, &x| m.with(x).unwrap());
        assert_eq!(places.moments(1, 1), expected);
        assert_eq!(places.moments(0, 1), Moments::default());
    }

    #[test]
    fn dense_and_indexed_records_fold_the_same() {
        // 7, 9 and 8 are dense in their span; with 1,000 among them they are not.
        for nodes in [vec![NodeId(9), NodeId(7), NodeId(8)], vec![NodeId(9), NodeId(7), NodeId(8), NodeId(1000)]] {
            let places = folded(nodes.clone(), 2000);
            assert_eq!(places.nodes, nodes);
            assert_eq!((places.rows(0), places.count(0, 0), places.extreme(0, 2)), (1, 1, Some(Number::Int(5))));
            assert_eq!((places.rows(1), places.count(1, 0), places.extreme(1, 2)), (2, 2, Some(Number::Int(3))));
            assert_eq!((places.rows(2), places.extreme(2, 2)), (1, Some(Number::Int(4))));
            assert_eq!(places.record_of(NodeId(40)), None);
            assert_eq!(places.record_of(NodeId(3)), None);
        }
    }
}

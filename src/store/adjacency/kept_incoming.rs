//! Incoming arrays a snapshot keeps beside the outgoing ones, so that a load reads them
//! instead of building them.
//!
//! Building a type's incoming arrays is a counting sort by end node: a write to a random
//! place of two arrays the size of the type's relationships, per relationship. At ten
//! million relationships that was most of a snapshot load's time, while reading the
//! same arrays back from the file is a copy. A kept pair is trusted only once it is
//! checked against the outgoing arrays: the same number of positions, each incoming run
//! in id order, and the same (id, start, end) triples, compared as sums of their hashes
//! over a pass over each side in order (no random reads).

use super::{Adjacency, RelIds, Runs, TypeLayout, TypeRuns};
use crate::store::{NodeId, RelId, RelTypeId};

/// One type's arrays in one direction, borrowed: what a snapshot writes of the
/// incoming side, as [`TypeLayout`] holds it (runs by end node, the start node at each
/// position, and the ids unless consecutive).
#[derive(Debug, Clone, Copy)]
pub struct RunsRef<'a> {
    pub first: Option<u32>,
    pub ids: &'a [RelId],
    pub nodes: Option<&'a [u32]>,
    pub base: u32,
    pub offsets: &'a [u32],
    pub others: &'a [NodeId],
}

impl TypeRuns {
    fn as_ref(&self) -> RunsRef<'_> {
        let (nodes, base, offsets) = match &self.runs {
            Runs::Dense { base, offsets } => (None, *base, offsets.as_slice()),
            Runs::Sparse { nodes, offsets } => (Some(nodes.as_slice()), 0, offsets.as_slice()),
        };
        let (first, ids) = match &self.ids {
            RelIds::Consecutive { first } => (Some(*first), &[][..]),
            RelIds::Listed(ids) => (None, ids.as_slice()),
        };
        RunsRef { first, ids, nodes, base, offsets, others: &self.others }
    }

    /// Calls `f` with each run's node and positions, in order; false when `f` was.
    fn all_runs(&self, mut f: impl FnMut(u32, usize, usize) -> bool) -> bool {
        match &self.runs {
            Runs::Dense { base, offsets } => {
                offsets.windows(2).enumerate().all(|(i, w)| f(base + i as u32, w[0] as usize, w[1] as usize))
            }
            Runs::Sparse { nodes, offsets } => {
                nodes.iter().zip(offsets.windows(2)).all(|(&node, w)| f(node, w[0] as usize, w[1] as usize))
            }
        }
    }

    /// The sum of the hashes of this side's (id, start, end) triples, `outgoing` telling
    /// which end a run's node is; `None` when an incoming run is not in id order or a
    /// run lies outside the arrays.
    fn triples_sum(&self, outgoing: bool) -> Option<u64> {
        let mut sum = 0u64;
        let hash = |id: u32, node: u32, other: NodeId| match outgoing {
            true => triple_hash(id, node, other.0),
            false => triple_hash(id, other.0, node),
        };
        let ok = self.all_runs(|node, lo, hi| {
            let Some(others) = self.others.get(lo..hi) else { return false };
            match &self.ids {
                RelIds::Consecutive { first } => {
                    let first = first.wrapping_add(lo as u32);
                    for (k, &other) in others.iter().enumerate() {
                        sum = sum.wrapping_add(hash(first.wrapping_add(k as u32), node, other));
                    }
                    true
                }
                RelIds::Listed(ids) => {
                    let Some(ids) = ids.get(lo..hi) else { return false };
                    for (id, &other) in ids.iter().zip(others) {
                        sum = sum.wrapping_add(hash(id.0, node, other));
                    }
                    // Each incoming run lists its relationships in id order.
                    outgoing || ids.windows(2).all(|w| w[0] < w[1])
                }
            }
        });
        ok.then_some(sum)
    }

    /// Whether `self`, incoming arrays read from a snapshot, hold exactly the
    /// relationships of the outgoing arrays `out`, by end node.
    pub(super) fn mirrors(&self, out: &TypeRuns) -> bool {
        self.others.len() == out.others.len()
            && matches!((self.triples_sum(false), out.triples_sum(true)), (Some(a), Some(b)) if a == b)
    }
}

/// A 64-bit hash of one relationship (splitmix64's finaliser over its three numbers),
/// summed over a side: equal sums over the two sides mean the same relationships unless
/// the file was made to collide, and a damaged file fails its checksum first.
#[inline]
fn triple_hash(id: u32, start: u32, end: u32) -> u64 {
    let mut z = ((u64::from(id) << 32) | u64::from(start)) ^ u64::from(end).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Adjacency {
    /// Calls `f` with type `ty`'s incoming arrays matching `out`, its outgoing layout for
    /// a snapshot: the arrays held when `out` is the held outgoing arrays as they are
    /// (`as_held`, from [`Adjacency::layout`]) and nothing was removed, else arrays built
    /// from `out` for the purpose.
    pub fn with_incoming<R>(
        &self,
        ty: RelTypeId,
        out: &TypeLayout,
        as_held: bool,
        f: impl FnOnce(RunsRef<'_>) -> R,
    ) -> R {
        let held = self.inc.by_type.get(ty.0 as usize).filter(|_| as_held && self.removed.is_empty());
        match held {
            Some(runs) => f(runs.as_ref()),
            None => f(out.clone().runs().incoming().as_ref()),
        }
    }
}

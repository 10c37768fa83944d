//! The adjacency every read follows: for each direction, a compressed sparse row (CSR)
//! of each node's relationships grouped by type, plus a delta of what changed since the
//! arrays were built.
//!
//! Why not petgraph's own edge lists: they are linked lists threaded through the edge
//! records, so following them is a cache miss per relationship, and an expansion over
//! one type has to look at every other type's relationships too. Here a node's
//! relationships are one contiguous slice sorted by type, so an expansion over `:KNOWS`
//! is a binary search and a linear read, and a degree is a subtraction.
//!
//! Writes do not rebuild the arrays: a new relationship goes into `added` (per node), a
//! removed one that the arrays hold is marked in `removed`. [`Adjacency::needs_rebuild`]
//! says when the delta has grown large enough that the store should rebuild
//! (`Graph::maintain`, after a statement commits, never inside one).

use std::collections::HashMap;

use super::index::BitSet;
use super::{Direction, NodeId, RelEntry, RelId, RelTypeId};

/// One relationship seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    ty: RelTypeId,
    rel: RelId,
    other: NodeId,
}

/// One direction's arrays and delta.
#[derive(Debug, Clone, Default)]
struct Side {
    /// `offsets[n]..offsets[n + 1]` is node `n`'s slice of `entries`; nodes at or past
    /// `offsets.len() - 1` were created after the build and have none.
    offsets: Vec<u32>,
    /// Sorted by (node, type, relationship id).
    entries: Vec<Entry>,
    /// Relationships added since the build, by node, in the order they were added.
    added: HashMap<NodeId, Vec<Entry>>,
}

impl Side {
    fn range(&self, node: NodeId) -> (u32, u32) {
        let i = node.0 as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&lo), Some(&hi)) => (lo, hi),
            _ => (0, 0),
        }
    }

    /// The part of node's slice holding relationships of type `ty`.
    fn type_range(&self, node: NodeId, ty: RelTypeId) -> (u32, u32) {
        let (lo, hi) = self.range(node);
        let slice = &self.entries[lo as usize..hi as usize];
        let first = slice.partition_point(|e| e.ty < ty);
        let last = first + slice[first..].partition_point(|e| e.ty == ty);
        (lo + first as u32, lo + last as u32)
    }

    fn added_at(&self, node: NodeId) -> &[Entry] {
        self.added.get(&node).map_or(&[], Vec::as_slice)
    }

    /// Removes `rel` from node's delta; whether it was there.
    fn remove_added(&mut self, node: NodeId, rel: RelId) -> bool {
        let Some(list) = self.added.get_mut(&node) else {
            return false;
        };
        let Some(i) = list.iter().position(|e| e.rel == rel) else {
            return false;
        };
        list.remove(i);
        if list.is_empty() {
            self.added.remove(&node);
        }
        true
    }

    /// Counting sort of the relationships by `from` (their start for the outgoing side,
    /// their end for the incoming one), then each node's slice by type.
    fn build(node_bound: usize, rels: &RelArrays<'_>, from: &[u32], to: &[u32]) -> Side {
        let mut offsets = vec![0u32; node_bound + 1];
        for &node in from {
            offsets[node as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let placeholder = Entry { ty: RelTypeId(0), rel: RelId(0), other: NodeId(0) };
        let mut entries = vec![placeholder; from.len()];
        let mut cursor: Vec<u32> = offsets[..node_bound].to_vec();
        for (i, (&node, &other)) in from.iter().zip(to).enumerate() {
            let at = &mut cursor[node as usize];
            entries[*at as usize] =
                Entry { ty: RelTypeId(rels.types[i]), rel: RelId(rels.ids[i]), other: NodeId(other) };
            *at += 1;
        }
        // Relationships arrive in id order, so a stable sort by type leaves each type's
        // run in id order.
        for w in offsets.windows(2) {
            let slice = &mut entries[w[0] as usize..w[1] as usize];
            if !slice.is_sorted_by_key(|e| e.ty) {
                slice.sort_by_key(|e| e.ty);
            }
        }
        Side { offsets, entries, added: HashMap::new() }
    }
}

/// Every live relationship as parallel arrays in id order: what the adjacency is built from.
pub struct RelArrays<'a> {
    pub ids: &'a [u32],
    pub types: &'a [u32],
    pub starts: &'a [u32],
    pub ends: &'a [u32],
}

impl RelArrays<'_> {
    /// Whether the arrays agree in length and every node id is below `node_bound`.
    fn fit(&self, node_bound: usize) -> bool {
        let n = self.ids.len();
        [self.types.len(), self.starts.len(), self.ends.len()].iter().all(|&l| l == n)
            && self.starts.iter().chain(self.ends).all(|&node| (node as usize) < node_bound)
    }
}

/// Both directions' adjacency, kept in step with every write by the store's primitives.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    out: Side,
    inc: Side,
    /// Relationships the arrays hold that have since been removed.
    removed: BitSet,
    n_added: usize,
}

/// A relationship as the delta receives it: (id, type, start, end).
pub type RelTuple = (RelId, RelTypeId, NodeId, NodeId);

impl Adjacency {
    /// Builds the arrays from every live relationship, the two directions at once on two
    /// threads. Arrays that do not fit `node_bound` give an empty adjacency (the caller
    /// has checked them; this only keeps a mistake from indexing out of bounds).
    pub fn build(node_bound: usize, rels: &RelArrays<'_>) -> Adjacency {
        if !rels.fit(node_bound) {
            return Adjacency::default();
        }
        let (out, inc) = std::thread::scope(|scope| {
            let incoming = scope.spawn(|| Side::build(node_bound, rels, rels.ends, rels.starts));
            let out = Side::build(node_bound, rels, rels.starts, rels.ends);
            // A thread that could not run is built here instead.
            let inc = incoming.join().unwrap_or_else(|_| Side::build(node_bound, rels, rels.ends, rels.starts));
            (out, inc)
        });
        Adjacency { out, inc, removed: BitSet::default(), n_added: 0 }
    }

    pub fn insert(&mut self, (rel, ty, start, end): RelTuple) {
        self.out.added.entry(start).or_default().push(Entry { ty, rel, other: end });
        self.inc.added.entry(end).or_default().push(Entry { ty, rel, other: start });
        self.n_added += 1;
    }

    pub fn remove(&mut self, (rel, _, start, end): RelTuple) {
        let from_out = self.out.remove_added(start, rel);
        let from_inc = self.inc.remove_added(end, rel);
        if from_out || from_inc {
            self.n_added -= 1;
        } else {
            self.removed.insert(rel.0);
        }
    }

    /// Whether the delta has grown past an eighth of the arrays (and a floor that keeps
    /// small graphs from rebuilding on every statement).
    pub fn needs_rebuild(&self) -> bool {
        let delta = self.n_added + self.removed.len();
        delta > 4096 && delta > self.out.entries.len() / 8
    }

    /// The relationships at `node` in `direction` whose type is in `types` (all for
    /// `None`): each type's run from the arrays, in id order, then the delta.
    pub fn rels<'a>(&'a self, node: NodeId, direction: Direction, types: Option<&'a [RelTypeId]>) -> Rels<'a> {
        let (first, last) = match direction {
            Direction::Outgoing => (SideId::Out, SideId::Out),
            Direction::Incoming => (SideId::In, SideId::In),
            Direction::Both => (SideId::Out, SideId::In),
        };
        let mut rels = Rels {
            adjacency: self,
            node,
            types,
            side: first,
            last,
            skip_loops: direction == Direction::Both,
            next_type: 0,
            pos: 0,
            end: 0,
            added: [].iter(),
        };
        rels.start_side();
        rels
    }

    /// The number of relationships `rels` would yield, without reading them where the
    /// arrays have nothing removed.
    pub fn degree(&self, node: NodeId, direction: Direction, types: Option<&[RelTypeId]>) -> usize {
        if !self.removed.is_empty() || direction == Direction::Both {
            return self.rels(node, direction, types).count();
        }
        let side = match direction {
            Direction::Incoming => &self.inc,
            _ => &self.out,
        };
        let from_arrays = match types {
            None => {
                let (lo, hi) = side.range(node);
                (hi - lo) as usize
            }
            Some(types) => distinct(types)
                .map(|ty| {
                    let (lo, hi) = side.type_range(node, ty);
                    (hi - lo) as usize
                })
                .sum(),
        };
        let added = side.added_at(node).iter().filter(|e| types.is_none_or(|t| t.contains(&e.ty))).count();
        from_arrays + added
    }
}

/// The types of `types` without repeats, in order.
fn distinct(types: &[RelTypeId]) -> impl Iterator<Item = RelTypeId> + '_ {
    types.iter().enumerate().filter(|&(i, t)| !types[..i].contains(t)).map(|(_, &t)| t)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideId {
    Out,
    In,
}

/// The iterator [`Adjacency::rels`] returns.
pub struct Rels<'a> {
    adjacency: &'a Adjacency,
    node: NodeId,
    types: Option<&'a [RelTypeId]>,
    side: SideId,
    last: SideId,
    /// With both directions a self-loop is yielded once, from the outgoing side.
    skip_loops: bool,
    /// The next index into `types` whose run to read.
    next_type: usize,
    pos: u32,
    end: u32,
    added: std::slice::Iter<'a, Entry>,
}

impl Rels<'_> {
    fn current(&self) -> &Side {
        match self.side {
            SideId::Out => &self.adjacency.out,
            SideId::In => &self.adjacency.inc,
        }
    }

    fn start_side(&mut self) {
        self.next_type = 0;
        (self.pos, self.end) = match self.types {
            None => self.current().range(self.node),
            Some(_) => (0, 0),
        };
        self.added = [].iter();
    }

    fn entry(&self, e: &Entry) -> Option<RelEntry> {
        let (start, end) = match self.side {
            SideId::Out => (self.node, e.other),
            SideId::In => {
                if self.skip_loops && e.other == self.node {
                    return None;
                }
                (e.other, self.node)
            }
        };
        Some(RelEntry { id: e.rel, ty: e.ty, start, end })
    }

    /// Moves to the next type's run in the arrays; false when there is none.
    fn next_run(&mut self) -> bool {
        let Some(types) = self.types else {
            return false;
        };
        while self.next_type < types.len() {
            let i = self.next_type;
            self.next_type += 1;
            if !types[..i].contains(&types[i]) {
                (self.pos, self.end) = self.current().type_range(self.node, types[i]);
                return true;
            }
        }
        false
    }
}

impl Iterator for Rels<'_> {
    type Item = RelEntry;

    fn next(&mut self) -> Option<RelEntry> {
        loop {
            while self.pos < self.end {
                let e = self.current().entries[self.pos as usize];
                self.pos += 1;
                if self.adjacency.removed.is_empty() || !self.adjacency.removed.contains(e.rel.0) {
                    if let Some(entry) = self.entry(&e) {
                        return Some(entry);
                    }
                }
            }
            if self.next_run() {
                continue;
            }
            // The arrays are done for this side: its delta, once.
            if self.next_type != usize::MAX {
                self.next_type = usize::MAX;
                let adjacency = self.adjacency;
                let side = match self.side {
                    SideId::Out => &adjacency.out,
                    SideId::In => &adjacency.inc,
                };
                self.added = side.added_at(self.node).iter();
            }
            let types = self.types;
            while let Some(e) = self.added.next() {
                if types.is_none_or(|t| t.contains(&e.ty)) {
                    if let Some(entry) = self.entry(e) {
                        return Some(entry);
                    }
                }
            }
            if self.side == self.last {
                return None;
            }
            self.side = SideId::In;
            self.start_side();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: RelTypeId = RelTypeId(0);
    const B: RelTypeId = RelTypeId(1);

    fn build(rels: &[RelTuple], nodes: usize) -> Adjacency {
        let column = |f: fn(&RelTuple) -> u32| rels.iter().map(f).collect::<Vec<u32>>();
        let (ids, types) = (column(|r| r.0 .0), column(|r| r.1 .0));
        let (starts, ends) = (column(|r| r.2 .0), column(|r| r.3 .0));
        Adjacency::build(nodes, &RelArrays { ids: &ids, types: &types, starts: &starts, ends: &ends })
    }

    fn ids(rels: Rels<'_>) -> Vec<u32> {
        rels.map(|e| e.id.0).collect()
    }

    #[test]
    fn runs_by_type_then_delta_in_every_direction() {
        let n = NodeId;
        let rels = [
            (RelId(0), B, n(1), n(2)),
            (RelId(1), A, n(1), n(3)),
            (RelId(2), B, n(2), n(1)),
            (RelId(3), A, n(1), n(1)),
        ];
        let mut adj = build(&rels, 4);
        assert_eq!(ids(adj.rels(n(1), Direction::Outgoing, None)), vec![1, 3, 0]);
        assert_eq!(ids(adj.rels(n(1), Direction::Incoming, None)), vec![3, 2]);
        // The self-loop once.
        assert_eq!(ids(adj.rels(n(1), Direction::Both, None)), vec![1, 3, 0, 2]);
        assert_eq!(ids(adj.rels(n(1), Direction::Both, Some(&[B, B]))), vec![0, 2]);
        assert_eq!(adj.degree(n(1), Direction::Outgoing, Some(&[A])), 2);
        adj.insert((RelId(4), A, n(1), n(5)));
        adj.remove((RelId(1), A, n(1), n(3)));
        assert_eq!(ids(adj.rels(n(1), Direction::Outgoing, Some(&[A]))), vec![3, 4]);
        assert_eq!(adj.degree(n(1), Direction::Outgoing, Some(&[A])), 2);
        assert_eq!(ids(adj.rels(n(5), Direction::Incoming, None)), vec![4]);
        adj.remove((RelId(4), A, n(1), n(5)));
        assert_eq!(ids(adj.rels(n(5), Direction::Both, None)), Vec::<u32>::new());
        assert_eq!(adj.n_added, 0);
        // A node past the arrays' bound.
        assert_eq!(ids(adj.rels(n(40), Direction::Both, None)), Vec::<u32>::new());
    }
}

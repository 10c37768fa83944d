//! The adjacency every read follows: for each direction and each relationship type, a
//! compressed sparse row (CSR) of the nodes' relationships of that type, plus a delta of
//! what changed since the arrays were built.
//!
//! Why not petgraph's own edge lists: they are linked lists threaded through the edge
//! records, so following them is a cache miss per relationship, and an expansion over
//! one type has to look at every other type's relationships too.
//!
//! Why one CSR per type rather than one per direction with each node's slice sorted by
//! type: an expansion names its types, and a scan over many nodes then reads one type's
//! offsets and links front to back instead of finding the type inside every node's
//! slice (a binary search whose first read is a cache miss per node); the type is the
//! table's, so a link is 8 bytes, not 12. A type's offsets cover only the span of node
//! ids that have its relationships (an import writes a label's nodes together), and a
//! type whose nodes are spread thin over a wide span keeps a sorted list of them instead
//! (`Runs::Sparse`), so no type costs more than 8 bytes of index per relationship.
//!
//! Writes do not rebuild the arrays: a new relationship goes into `added` (per node), a
//! removed one that the arrays hold is marked in `removed`. [`Adjacency::needs_rebuild`]
//! says when the delta has grown large enough that the store should rebuild
//! (`Graph::maintain`, after a statement commits, never inside one).

use std::collections::HashMap;

use super::index::BitSet;
use super::{Direction, NodeId, RelEntry, RelId, RelTypeId};

mod from_records;

/// One relationship in the delta, seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    ty: RelTypeId,
    rel: RelId,
    other: NodeId,
}

/// One relationship in a type's arrays, seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link {
    rel: RelId,
    other: NodeId,
}

/// Where each node's run starts in a type's links.
#[derive(Debug, Clone)]
enum Runs {
    /// `offsets[n - base]..offsets[n - base + 1]` is node `n`'s run, for every node of
    /// the span the type's relationships touch.
    Dense { base: u32, offsets: Vec<u32> },
    /// `offsets[i]..offsets[i + 1]` is the run of `nodes[i]` (sorted): for a type whose
    /// nodes are few for their span.
    Sparse { nodes: Vec<u32>, offsets: Vec<u32> },
}

/// One relationship type's CSR in one direction.
#[derive(Debug, Clone)]
struct TypeRuns {
    runs: Runs,
    /// Each node's run in relationship id order, the nodes in id order.
    links: Vec<Link>,
}

impl TypeRuns {
    /// The runs of a type that has none.
    const EMPTY: TypeRuns = TypeRuns { runs: Runs::Dense { base: 0, offsets: Vec::new() }, links: Vec::new() };

    fn run(&self, node: NodeId) -> &[Link] {
        let bounds = match &self.runs {
            Runs::Dense { base, offsets } => node.0.checked_sub(*base).and_then(|i| {
                let i = i as usize;
                Some((*offsets.get(i)?, *offsets.get(i + 1)?))
            }),
            Runs::Sparse { nodes, offsets } => {
                nodes.binary_search(&node.0).ok().and_then(|i| Some((*offsets.get(i)?, *offsets.get(i + 1)?)))
            }
        };
        bounds.and_then(|(lo, hi)| self.links.get(lo as usize..hi as usize)).unwrap_or(&[])
    }

    /// The CSR of one type's relationships, `rels` being their positions in the arrays
    /// (ascending), `from` and `to` the ends seen from this side.
    fn build(rels: &[u32], ids: &[u32], from: &[u32], to: &[u32]) -> TypeRuns {
        let Some((lo, hi)) = span(rels.iter().map(|&i| from[i as usize])) else {
            return TypeRuns::EMPTY;
        };
        let placeholder = Link { rel: RelId(0), other: NodeId(0) };
        let mut links = vec![placeholder; rels.len()];
        let link = |i: u32| Link { rel: RelId(ids[i as usize]), other: NodeId(to[i as usize]) };
        let width = (hi - lo) as usize + 1;
        if width <= 2 * rels.len() {
            // Dense: a counting sort by node, which keeps each run in id order.
            let mut offsets = vec![0u32; width + 1];
            for &i in rels {
                offsets[(from[i as usize] - lo) as usize + 1] += 1;
            }
            for k in 1..offsets.len() {
                offsets[k] += offsets[k - 1];
            }
            let mut cursor = offsets[..width].to_vec();
            for &i in rels {
                let at = &mut cursor[(from[i as usize] - lo) as usize];
                links[*at as usize] = link(i);
                *at += 1;
            }
            return TypeRuns { runs: Runs::Dense { base: lo, offsets }, links };
        }
        // Sparse: a stable sort by node keeps each run in id order.
        let mut order = rels.to_vec();
        order.sort_by_key(|&i| from[i as usize]);
        let (mut nodes, mut offsets) = (Vec::new(), Vec::new());
        for (k, &i) in order.iter().enumerate() {
            let node = from[i as usize];
            if nodes.last() != Some(&node) {
                nodes.push(node);
                offsets.push(k as u32);
            }
            links[k] = link(i);
        }
        offsets.push(order.len() as u32);
        TypeRuns { runs: Runs::Sparse { nodes, offsets }, links }
    }
}

/// The lowest and highest of `nodes`; `None` when there are none.
fn span(nodes: impl Iterator<Item = u32>) -> Option<(u32, u32)> {
    nodes.fold(None, |acc, n| match acc {
        None => Some((n, n)),
        Some((lo, hi)) => Some((lo.min(n), hi.max(n))),
    })
}

/// What [`Adjacency::type_reader`] reads for a type that has no arrays.
static NO_RUNS: TypeRuns = TypeRuns::EMPTY;

/// One type's runs in one direction ([`Adjacency::type_reader`]).
pub struct TypeReader<'a> {
    runs: &'a TypeRuns,
}

impl TypeReader<'_> {
    /// Node's relationships of the type: each one and its far node, in id order.
    #[inline]
    pub fn links(&self, node: NodeId) -> impl Iterator<Item = (RelId, NodeId)> + '_ {
        self.runs.run(node).iter().map(|l| (l.rel, l.other))
    }
}

/// One direction's arrays and delta.
#[derive(Debug, Clone, Default)]
struct Side {
    /// Each relationship type's CSR, by type id.
    by_type: Vec<TypeRuns>,
    /// How many relationships the arrays hold.
    len: usize,
    /// Relationships added since the build, by node, in the order they were added.
    added: HashMap<NodeId, Vec<Entry>>,
}

impl Side {
    /// Node's run of type `ty` in the arrays.
    fn run(&self, node: NodeId, ty: RelTypeId) -> &[Link] {
        self.by_type.get(ty.0 as usize).map_or(&[], |t| t.run(node))
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

    /// Each type's CSR over `from` (the relationships' starts for the outgoing side,
    /// their ends for the incoming one), `by_type` listing each type's positions.
    fn build(by_type: &[Vec<u32>], rels: &RelArrays<'_>, from: &[u32], to: &[u32]) -> Side {
        let by_type: Vec<TypeRuns> =
            by_type.iter().map(|rels_of| TypeRuns::build(rels_of, rels.ids, from, to)).collect();
        Side { by_type, len: rels.ids.len(), added: HashMap::new() }
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
    /// Whether the arrays agree in length and every node id is below `node_bound` and
    /// every type below `type_bound`.
    fn fit(&self, node_bound: usize, type_bound: usize) -> bool {
        let n = self.ids.len();
        [self.types.len(), self.starts.len(), self.ends.len()].iter().all(|&l| l == n)
            && self.starts.iter().chain(self.ends).all(|&node| (node as usize) < node_bound)
            && self.types.iter().all(|&ty| (ty as usize) < type_bound)
    }

    /// Each type's positions in the arrays, ascending.
    fn positions_by_type(&self, type_bound: usize) -> Vec<Vec<u32>> {
        let mut counts = vec![0usize; type_bound];
        for &ty in self.types {
            counts[ty as usize] += 1;
        }
        let mut by_type: Vec<Vec<u32>> = counts.into_iter().map(Vec::with_capacity).collect();
        for (i, &ty) in self.types.iter().enumerate() {
            by_type[ty as usize].push(i as u32);
        }
        by_type
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
    /// threads. Arrays that do not fit the bounds give an empty adjacency (the caller
    /// checks them; this only keeps a mistake from indexing out of bounds).
    pub fn build(node_bound: usize, type_bound: usize, rels: &RelArrays<'_>) -> Adjacency {
        if !rels.fit(node_bound, type_bound) {
            return Adjacency::default();
        }
        let by_type = rels.positions_by_type(type_bound);
        let (out, inc) = std::thread::scope(|scope| {
            let incoming = scope.spawn(|| Side::build(&by_type, rels, rels.ends, rels.starts));
            let out = Side::build(&by_type, rels, rels.starts, rels.ends);
            // A thread that could not run is built here instead.
            let inc = incoming.join().unwrap_or_else(|_| Side::build(&by_type, rels, rels.ends, rels.starts));
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
        delta > 4096 && delta > self.out.len / 8
    }

    /// The relationships at `node` in `direction` whose type is in `types` (all for
    /// `None`): each type's run from the arrays, in id order, then the delta.
    pub fn rels<'a>(&'a self, node: NodeId, direction: Direction, types: Option<&'a [RelTypeId]>) -> Rels<'a> {
        let (first, last) = match direction {
            Direction::Outgoing => (SideId::Out, SideId::Out),
            Direction::Incoming => (SideId::In, SideId::In),
            Direction::Both => (SideId::Out, SideId::In),
        };
        Rels {
            adjacency: self,
            node,
            types,
            side: first,
            last,
            skip_loops: direction == Direction::Both,
            next_type: 0,
            ty: RelTypeId(0),
            run: [].iter(),
            added: [].iter(),
        }
    }

    /// One type's runs in one direction straight from the arrays, when they are all there
    /// is (nothing added or removed since they were built); `None` otherwise, or for both
    /// directions.
    pub fn type_reader(&self, direction: Direction, ty: RelTypeId) -> Option<TypeReader<'_>> {
        if self.n_added > 0 || !self.removed.is_empty() {
            return None;
        }
        let side = match direction {
            Direction::Outgoing => &self.out,
            Direction::Incoming => &self.inc,
            Direction::Both => return None,
        };
        Some(TypeReader { runs: side.by_type.get(ty.0 as usize).unwrap_or(&NO_RUNS) })
    }

    /// The number of relationships `rels` would yield: where the arrays have nothing
    /// removed, from the runs' lengths, except that with both directions the incoming
    /// runs are read to leave out self-loops (counted once, on the outgoing side).
    pub fn degree(&self, node: NodeId, direction: Direction, types: Option<&[RelTypeId]>) -> usize {
        if !self.removed.is_empty() {
            return self.rels(node, direction, types).count();
        }
        match direction {
            Direction::Outgoing => self.out.degree(node, types, false),
            Direction::Incoming => self.inc.degree(node, types, false),
            Direction::Both => self.out.degree(node, types, false) + self.inc.degree(node, types, true),
        }
    }
}

impl Side {
    /// The number of node's relationships of `types` on this side (arrays and delta),
    /// leaving out self-loops when `skip_loops`.
    fn degree(&self, node: NodeId, types: Option<&[RelTypeId]>, skip_loops: bool) -> usize {
        let run_degree = |links: &[Link]| match skip_loops {
            false => links.len(),
            true => links.iter().filter(|l| l.other != node).count(),
        };
        let from_arrays: usize = match types {
            None => self.by_type.iter().map(|t| run_degree(t.run(node))).sum(),
            Some(types) => distinct(types).map(|ty| run_degree(self.run(node, ty))).sum(),
        };
        let added = self.added_at(node).iter().filter(|e| types.is_none_or(|t| t.contains(&e.ty)));
        from_arrays + added.filter(|e| !(skip_loops && e.other == node)).count()
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
    /// The next type to read a run of: an index into `types`, or with every type a type
    /// id; `usize::MAX` once this side's delta is being read.
    next_type: usize,
    /// The type of `run`.
    ty: RelTypeId,
    run: std::slice::Iter<'a, Link>,
    added: std::slice::Iter<'a, Entry>,
}

impl<'a> Rels<'a> {
    fn current(&self) -> &'a Side {
        match self.side {
            SideId::Out => &self.adjacency.out,
            SideId::In => &self.adjacency.inc,
        }
    }

    fn entry(&self, ty: RelTypeId, rel: RelId, other: NodeId) -> Option<RelEntry> {
        let (start, end) = match self.side {
            SideId::Out => (self.node, other),
            SideId::In => {
                if self.skip_loops && other == self.node {
                    return None;
                }
                (other, self.node)
            }
        };
        Some(RelEntry { id: rel, ty, start, end })
    }

    /// Moves to the next type's run in the arrays; false when there is none.
    fn next_run(&mut self) -> bool {
        let side = self.current();
        match self.types {
            None => {
                while self.next_type < side.by_type.len() {
                    let ty = self.next_type;
                    self.next_type += 1;
                    let run = side.by_type[ty].run(self.node);
                    if !run.is_empty() {
                        (self.ty, self.run) = (RelTypeId(ty as u32), run.iter());
                        return true;
                    }
                }
            }
            Some(types) => {
                while self.next_type < types.len() {
                    let i = self.next_type;
                    self.next_type += 1;
                    if !types[..i].contains(&types[i]) {
                        (self.ty, self.run) = (types[i], side.run(self.node, types[i]).iter());
                        return true;
                    }
                }
            }
        }
        false
    }
}

impl Iterator for Rels<'_> {
    type Item = RelEntry;

    fn next(&mut self) -> Option<RelEntry> {
        let adjacency = self.adjacency;
        let removed = &adjacency.removed;
        loop {
            while let Some(&Link { rel, other }) = self.run.next() {
                if removed.is_empty() || !removed.contains(rel.0) {
                    if let Some(entry) = self.entry(self.ty, rel, other) {
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
                self.added = self.current().added_at(self.node).iter();
            }
            let types = self.types;
            while let Some(e) = self.added.next() {
                if types.is_none_or(|t| t.contains(&e.ty)) {
                    if let Some(entry) = self.entry(e.ty, e.rel, e.other) {
                        return Some(entry);
                    }
                }
            }
            if self.side == self.last {
                return None;
            }
            self.side = SideId::In;
            self.next_type = 0;
            self.added = [].iter();
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
        Adjacency::build(nodes, 2, &RelArrays { ids: &ids, types: &types, starts: &starts, ends: &ends })
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
        assert_eq!(adj.degree(n(1), Direction::Both, None), 4);
        let reader = adj.type_reader(Direction::Incoming, A).unwrap();
        assert_eq!(reader.links(n(1)).collect::<Vec<_>>(), vec![(RelId(3), n(1))]);
        assert_eq!(reader.links(n(3)).collect::<Vec<_>>(), vec![(RelId(1), n(1))]);
        assert!(adj.type_reader(Direction::Outgoing, RelTypeId(9)).unwrap().links(n(1)).next().is_none());
        assert!(adj.type_reader(Direction::Both, A).is_none());
        assert_eq!(adj.degree(n(1), Direction::Both, Some(&[A])), 2);
        assert_eq!(ids(adj.rels(n(1), Direction::Both, Some(&[B, B]))), vec![0, 2]);
        assert_eq!(adj.degree(n(1), Direction::Outgoing, Some(&[A])), 2);
        adj.insert((RelId(4), A, n(1), n(5)));
        // With a delta, the arrays are not all there is.
        assert!(adj.type_reader(Direction::Outgoing, A).is_none());
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

    #[test]
    fn a_type_spread_thin_over_its_span_keeps_a_sorted_node_list() {
        let n = NodeId;
        let rels = [
            (RelId(0), A, n(900), n(3)),
            (RelId(1), B, n(4), n(5)),
            (RelId(2), A, n(3), n(900)),
            (RelId(3), A, n(900), n(4)),
            (RelId(4), B, n(5), n(4)),
        ];
        let adj = build(&rels, 1000);
        assert!(matches!(adj.out.by_type[0].runs, Runs::Sparse { .. }));
        assert!(matches!(adj.out.by_type[1].runs, Runs::Dense { base: 4, .. }));
        assert_eq!(ids(adj.rels(n(900), Direction::Outgoing, None)), vec![0, 3]);
        assert_eq!(ids(adj.rels(n(3), Direction::Both, Some(&[A]))), vec![2, 0]);
        assert_eq!(ids(adj.rels(n(4), Direction::Both, None)), vec![1, 3, 4]);
        for node in [3, 4, 5, 900] {
            for direction in [Direction::Outgoing, Direction::Incoming, Direction::Both] {
                for types in [None, Some(&[A][..]), Some(&[B, A, B][..])] {
                    assert_eq!(adj.degree(n(node), direction, types), adj.rels(n(node), direction, types).count());
                }
            }
        }
        assert_eq!(adj.degree(n(900), Direction::Incoming, Some(&[A, B])), 1);
        for node in [0, 2, 6, 899, 901, 999, 5000] {
            assert_eq!(adj.degree(n(node), Direction::Outgoing, None), 0, "node {node}");
            assert_eq!(ids(adj.rels(n(node), Direction::Both, None)), Vec::<u32>::new(), "node {node}");
        }
    }

    #[test]
    fn arrays_that_name_a_type_past_the_bound_give_an_empty_adjacency() {
        let rels = [(RelId(0), RelTypeId(7), NodeId(0), NodeId(1))];
        let adj = build(&rels, 2);
        assert_eq!(adj.out.len, 0);
        assert_eq!(ids(adj.rels(NodeId(0), Direction::Both, None)), Vec::<u32>::new());
    }
}

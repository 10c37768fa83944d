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

mod from_runs;
mod kept_incoming;
mod layout;
mod locator;
mod type_scan;

pub use kept_incoming::RunsRef;
pub use layout::TypeLayout;
use locator::Locator;

/// One relationship in the delta, seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    ty: RelTypeId,
    rel: RelId,
    other: NodeId,
}

/// The relationships at a type's positions in one direction.
#[derive(Debug, Clone)]
enum RelIds {
    /// The relationship at position `k` is `first + k`: the ids were handed out in the
    /// arrays' order (a bulk load lays its relationships out so), and cost nothing here.
    Consecutive { first: u32 },
    /// The relationship at each position.
    Listed(Vec<RelId>),
}

/// One run of a node's relationships of one type: each one's id and far node.
#[derive(Debug, Clone)]
pub struct Run<'a> {
    others: std::slice::Iter<'a, NodeId>,
    ids: RunIds<'a>,
}

#[derive(Debug, Clone)]
enum RunIds<'a> {
    From(u32),
    Listed(std::slice::Iter<'a, RelId>),
}

impl Run<'_> {
    fn empty() -> Run<'static> {
        Run { others: [].iter(), ids: RunIds::From(0) }
    }

    /// How many relationships are left in the run (a node's degree of the type, unread).
    #[inline]
    pub fn len(&self) -> usize {
        self.others.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.others.len() == 0
    }
}

impl Iterator for Run<'_> {
    type Item = (RelId, NodeId);

    #[inline]
    fn next(&mut self) -> Option<(RelId, NodeId)> {
        let other = *self.others.next()?;
        let id = match &mut self.ids {
            RunIds::From(next) => {
                let id = *next;
                *next += 1;
                RelId(id)
            }
            RunIds::Listed(ids) => *ids.next()?,
        };
        Some((id, other))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.others.size_hint()
    }
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
    /// Each node's run in relationship id order, the nodes in id order: the far node of
    /// the relationship at each position.
    others: Vec<NodeId>,
    /// The relationship at each position.
    ids: RelIds,
}

impl TypeRuns {
    /// The runs of a type that has none.
    const EMPTY: TypeRuns = TypeRuns {
        runs: Runs::Dense { base: 0, offsets: Vec::new() },
        others: Vec::new(),
        ids: RelIds::Consecutive { first: 0 },
    };

    /// Node's positions.
    #[inline]
    fn bounds(&self, node: NodeId) -> (u32, u32) {
        let bounds = match &self.runs {
            Runs::Dense { base, offsets } => node.0.checked_sub(*base).and_then(|i| {
                let i = i as usize;
                Some((*offsets.get(i)?, *offsets.get(i + 1)?))
            }),
            Runs::Sparse { nodes, offsets } => {
                nodes.binary_search(&node.0).ok().and_then(|i| Some((*offsets.get(i)?, *offsets.get(i + 1)?)))
            }
        };
        bounds.filter(|(lo, hi)| lo <= hi && *hi as usize <= self.others.len()).unwrap_or((0, 0))
    }

    #[inline]
    fn run(&self, node: NodeId) -> Run<'_> {
        let (lo, hi) = self.bounds(node);
        let others = self.others[lo as usize..hi as usize].iter();
        let ids = match &self.ids {
            RelIds::Consecutive { first } => RunIds::From(first + lo),
            RelIds::Listed(ids) => RunIds::Listed(ids[lo as usize..hi as usize].iter()),
        };
        Run { others, ids }
    }

    /// The node whose run holds position `pos`.
    fn node_at(&self, pos: u32) -> Option<NodeId> {
        match &self.runs {
            Runs::Dense { base, offsets } => {
                let i = offsets.partition_point(|&o| o <= pos).checked_sub(1)?;
                Some(NodeId(base + i as u32))
            }
            Runs::Sparse { nodes, offsets } => {
                let i = offsets.partition_point(|&o| o <= pos).checked_sub(1)?;
                nodes.get(i).map(|&n| NodeId(n))
            }
        }
    }

    /// The CSR of one type's relationships, `rels` being their positions in the arrays
    /// (ascending), `from` and `to` the ends seen from this side. Also, unless each
    /// relationship's position is its rank among `rels`, the rank at each position.
    fn build(rels: &[u32], ids: &[u32], from: &[u32], to: &[u32]) -> (TypeRuns, Option<Vec<u32>>) {
        let Some((lo, hi)) = span(rels.iter().map(|&i| from[i as usize])) else {
            return (TypeRuns::EMPTY, None);
        };
        let mut order = vec![0u32; rels.len()];
        let width = (hi - lo) as usize + 1;
        let runs = if width <= 2 * rels.len() {
            // Dense: a counting sort by node, which keeps each run in id order.
            let mut offsets = vec![0u32; width + 1];
            for &i in rels {
                offsets[(from[i as usize] - lo) as usize + 1] += 1;
            }
            for k in 1..offsets.len() {
                offsets[k] += offsets[k - 1];
            }
            let mut cursor = offsets[..width].to_vec();
            for (rank, &i) in rels.iter().enumerate() {
                let at = &mut cursor[(from[i as usize] - lo) as usize];
                order[*at as usize] = rank as u32;
                *at += 1;
            }
            Runs::Dense { base: lo, offsets }
        } else {
            // Sparse: a stable sort by node keeps each run in id order.
            for (k, slot) in order.iter_mut().enumerate() {
                *slot = k as u32;
            }
            order.sort_by_key(|&rank| from[rels[rank as usize] as usize]);
            let (mut nodes, mut offsets) = (Vec::new(), Vec::new());
            for (k, &rank) in order.iter().enumerate() {
                let node = from[rels[rank as usize] as usize];
                if nodes.last() != Some(&node) {
                    nodes.push(node);
                    offsets.push(k as u32);
                }
            }
            offsets.push(order.len() as u32);
            Runs::Sparse { nodes, offsets }
        };
        let at = |k: usize| rels[order[k] as usize] as usize;
        let others: Vec<NodeId> = (0..order.len()).map(|k| NodeId(to[at(k)])).collect();
        let first = ids[at(0)];
        let consecutive = (0..order.len()).all(|k| ids[at(k)] == first.wrapping_add(k as u32));
        let in_rank_order = order.iter().enumerate().all(|(k, &rank)| rank == k as u32);
        let ids = match consecutive {
            true => RelIds::Consecutive { first },
            false => RelIds::Listed((0..order.len()).map(|k| RelId(ids[at(k)])).collect()),
        };
        let ranks = (!in_rank_order).then_some(order);
        (TypeRuns { runs, others, ids }, ranks)
    }

    /// Heap bytes held.
    fn heap_bytes(&self) -> usize {
        let runs = match &self.runs {
            Runs::Dense { offsets, .. } => offsets.capacity() * 4,
            Runs::Sparse { nodes, offsets } => (nodes.capacity() + offsets.capacity()) * 4,
        };
        let ids = match &self.ids {
            RelIds::Consecutive { .. } => 0,
            RelIds::Listed(ids) => ids.capacity() * 4,
        };
        runs + self.others.capacity() * 4 + ids
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
    pub fn links(&self, node: NodeId) -> Run<'_> {
        self.runs.run(node)
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
    fn run(&self, node: NodeId, ty: RelTypeId) -> Run<'_> {
        self.by_type.get(ty.0 as usize).map_or(Run::empty(), |t| t.run(node))
    }

    /// Node's far nodes of type `ty` in the arrays.
    fn others<'a>(&self, node: NodeId, ty: &'a TypeRuns) -> &'a [NodeId] {
        let (lo, hi) = ty.bounds(node);
        &ty.others[lo as usize..hi as usize]
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
    /// their ends for the incoming one), `by_type` listing each type's positions; also
    /// each type's ranks at its positions where they are not in order (`TypeRuns::build`).
    fn build(by_type: &[Vec<u32>], rels: &RelArrays<'_>, from: &[u32], to: &[u32]) -> (Side, Vec<Option<Vec<u32>>>) {
        let (mut runs, mut ranks) = (Vec::with_capacity(by_type.len()), Vec::with_capacity(by_type.len()));
        for rels_of in by_type {
            let (type_runs, type_ranks) = TypeRuns::build(rels_of, rels.ids, from, to);
            runs.push(type_runs);
            ranks.push(type_ranks);
        }
        (Side { by_type: runs, len: rels.ids.len(), added: HashMap::new() }, ranks)
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
    /// Whether the arrays agree in length, the ids ascend below `id_bound`, and every node
    /// id is below `node_bound` and every type below `type_bound`.
    fn fit(&self, node_bound: usize, type_bound: usize, id_bound: u32) -> bool {
        let n = self.ids.len();
        [self.types.len(), self.starts.len(), self.ends.len()].iter().all(|&l| l == n)
            && self.ids.windows(2).all(|w| w[0] < w[1])
            && self.ids.last().is_none_or(|&id| id < id_bound)
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
///
/// The arrays are also where the relationships they hold are recorded: a relationship's
/// type and ends are its outgoing position's, and its properties are at that position's
/// row of its type's table. `locator` finds the position from the id.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    out: Side,
    inc: Side,
    /// Relationships the arrays hold that have since been removed: tombstones until the
    /// next build.
    removed: BitSet,
    n_added: usize,
    locator: Locator,
}

/// A relationship as the delta receives it: (id, type, start, end).
pub type RelTuple = (RelId, RelTypeId, NodeId, NodeId);

impl Adjacency {
    /// Builds the arrays from every live relationship, the two directions at once on two
    /// threads. Arrays that do not fit the bounds give an empty adjacency (the caller
    /// checks them; this only keeps a mistake from indexing out of bounds).
    ///
    /// `rels` must be in id order, every id below `id_bound` (the ids handed out so far).
    /// Also returned: for each type, the rank (in id order) of the relationship at each
    /// outgoing position where those are not in order, which is how the type's property
    /// rows must be reordered to be at the positions (`None`: they already are).
    pub fn build(
        node_bound: usize,
        type_bound: usize,
        id_bound: u32,
        rels: &RelArrays<'_>,
    ) -> (Adjacency, Vec<Option<Vec<u32>>>) {
        if !rels.fit(node_bound, type_bound, id_bound) {
            return (Adjacency::default(), Vec::new());
        }
        let by_type = rels.positions_by_type(type_bound);
        let ((out, ranks), inc) = std::thread::scope(|scope| {
            let incoming = scope.spawn(|| Side::build(&by_type, rels, rels.ends, rels.starts).0);
            let out = Side::build(&by_type, rels, rels.starts, rels.ends);
            // A thread that could not run is built here instead.
            let inc = incoming.join().unwrap_or_else(|_| Side::build(&by_type, rels, rels.ends, rels.starts).0);
            (out, inc)
        });
        drop(by_type);
        let locator = Locator::build(rels, id_bound, &out);
        (Adjacency { out, inc, removed: BitSet::default(), n_added: 0, locator }, ranks)
    }

    /// Ids below this were handed out when the arrays were built.
    pub fn id_bound(&self) -> u32 {
        self.locator.bound
    }

    /// The type and outgoing position (its row in the type's table) of relationship
    /// `id`, when the arrays hold it and it has not been removed since.
    #[inline]
    pub fn locate(&self, id: RelId) -> Option<(RelTypeId, u32)> {
        if !self.removed.is_empty() && self.removed.contains(id.0) {
            return None;
        }
        self.locator.locate(id, &self.out)
    }

    /// Relationship `id` as the arrays record it, unless removed since.
    pub fn entry(&self, id: RelId) -> Option<(RelEntry, u32)> {
        if !self.removed.is_empty() && self.removed.contains(id.0) {
            return None;
        }
        self.entry_even_if_removed(id)
    }

    /// Relationship `id` as the arrays record it, even if removed since.
    pub fn entry_even_if_removed(&self, id: RelId) -> Option<(RelEntry, u32)> {
        let (ty, pos) = self.locator.locate(id, &self.out)?;
        let runs = self.out.by_type.get(ty.0 as usize)?;
        let start = runs.node_at(pos)?;
        let end = *runs.others.get(pos as usize)?;
        Some((RelEntry { id, ty, start, end }, pos))
    }

    /// Takes relationship `id` back after [`Adjacency::remove`] took it out of the
    /// arrays (an undone delete); false when the arrays never held it.
    pub fn restore(&mut self, id: RelId) -> bool {
        self.removed.contains(id.0) && self.locator.locate(id, &self.out).is_some() && self.removed.remove(id.0)
    }

    /// Heap bytes held, by part: (outgoing arrays, incoming arrays, locator, delta).
    pub fn heap_bytes(&self) -> [usize; 4] {
        let side = |s: &Side| s.by_type.iter().map(TypeRuns::heap_bytes).sum::<usize>();
        let delta = |s: &Side| s.added.capacity() * 48 + s.added.values().map(|v| v.capacity() * 12).sum::<usize>();
        let locator = self.locator.heap_bytes();
        [side(&self.out), side(&self.inc), locator, delta(&self.out) + delta(&self.inc) + self.removed.heap_bytes()]
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
            run: Run::empty(),
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
        let run_degree = |others: &[NodeId]| match skip_loops {
            false => others.len(),
            true => others.iter().filter(|&&other| other != node).count(),
        };
        let from_arrays: usize = match types {
            None => self.by_type.iter().map(|t| run_degree(self.others(node, t))).sum(),
            Some(types) => distinct(types)
                .filter_map(|ty| self.by_type.get(ty.0 as usize))
                .map(|t| run_degree(self.others(node, t)))
                .sum(),
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
    run: Run<'a>,
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
                    if run.others.len() > 0 {
                        (self.ty, self.run) = (RelTypeId(ty as u32), run);
                        return true;
                    }
                }
            }
            Some(types) => {
                while self.next_type < types.len() {
                    let i = self.next_type;
                    self.next_type += 1;
                    if !types[..i].contains(&types[i]) {
                        (self.ty, self.run) = (types[i], side.run(self.node, types[i]));
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
            while let Some((rel, other)) = self.run.next() {
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
mod tests;

//! The last two hops of a cycle as an intersection (`LogicalOp::ExpandIntersect`):
//! from a bound node `z` to a new node `y` and from `y` into a bound node `x`, the `y`s
//! being the neighbours `z` and `x` have in common.
//!
//! Expanding `z` and then checking each far node for a relationship into `x`
//! (`Expand` then `ExpandInto`) makes a row per neighbour of `z` and looks up a list per
//! row. Here `x`'s neighbours are marked once in arrays indexed by node id (kept while
//! the input rows keep the same `x`, as they do when `x` was scanned and `z` expanded from
//! it), and `z`'s list is walked against the marks: a neighbour that is not common costs
//! one look at an array, and no row. Only common neighbours are tested by the conditions,
//! which the planner allows only when the conditions it moved here cannot fail
//! (`optimize/intersect_cycles.rs`), so the answers and errors are the row path's.
//!
//! A node `x` with many more relationships than `z`, met for one row, is not marked:
//! each common candidate is then found by looking up the relationships between `y` and
//! `x` off the shorter list, as `ExpandInto` does.

use crate::binder::bound::{RelTypeRef, Slot};
use crate::error::Result;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::Hop;
use crate::store::{Direction, Graph, NodeId, RelEntry, RelId, RelTypeId};
use crate::value::Value;

use super::expand::TypeFilter;
use super::filter::FusedFilter;

/// `x`'s relationships by far node: the entries sorted by node (stably, so each node's
/// relationships keep `x`'s order), and per node id the first entry's index, valid where
/// the node's stamp is the current generation.
#[derive(Default)]
struct NeighbourMarks {
    owner: Option<NodeId>,
    generation: u32,
    stamp: Vec<u32>,
    first: Vec<u32>,
    entries: Vec<(NodeId, RelId)>,
}

impl NeighbourMarks {
    /// Marks the neighbours of `x` over `direction` and `types`, unless they are marked.
    fn mark(&mut self, graph: &Graph, x: NodeId, direction: Direction, types: Option<&[RelTypeId]>) {
        if self.owner == Some(x) {
            return;
        }
        self.owner = Some(x);
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
        self.entries.clear();
        for_each_link(graph, x, direction, types, &mut |rel, node| self.entries.push((node, rel)));
        self.entries.sort_by_key(|(node, _)| node.0);
        for (i, (node, _)) in self.entries.iter().enumerate() {
            let at = node.0 as usize;
            if at >= self.stamp.len() {
                self.stamp.resize(at + 1, 0);
                self.first.resize(at + 1, 0);
            }
            if self.stamp[at] != self.generation {
                self.stamp[at] = self.generation;
                self.first[at] = i as u32;
            }
        }
    }

    /// The marked relationships whose far node is `y`, in `x`'s order.
    fn rels_to(&self, y: NodeId) -> impl Iterator<Item = RelId> + '_ {
        let at = y.0 as usize;
        let start = match self.stamp.get(at) {
            Some(&s) if s == self.generation && self.owner.is_some() => self.first[at] as usize,
            _ => self.entries.len(),
        };
        self.entries[start..].iter().take_while(move |(node, _)| *node == y).map(|(_, rel)| *rel)
    }
}

/// Calls `f` with each relationship of `node` in `direction` over `types` and its far
/// node (`node` itself for a self-loop), in the store's order: straight from the
/// adjacency's arrays for one type in one direction when nothing changed since they were
/// built, else through `Graph::rels_of_types`.
fn for_each_link(
    graph: &Graph,
    node: NodeId,
    direction: Direction,
    types: Option<&[RelTypeId]>,
    f: &mut dyn FnMut(RelId, NodeId),
) {
    let reader = match types {
        Some([ty]) => graph.type_reader(direction, *ty),
        _ => None,
    };
    match reader {
        Some(reader) => reader.links(node).for_each(|(rel, other)| f(rel, other)),
        None => graph.rels_of_types(node, direction, types).for_each(|e| f(e.id, far_end(&e, node))),
    }
}

/// The end of `entry` that is not `near` (`near` itself for a self-loop).
fn far_end(entry: &RelEntry, near: NodeId) -> NodeId {
    if entry.start == near {
        entry.end
    } else {
        entry.start
    }
}

/// How many times more relationships than `z` the node `x` may have and still be marked
/// for a single row: marking costs `x`'s list, looking up per common candidate costs the
/// shorter of two lists each.
const MARK_RATIO: usize = 4;

/// The hop from `z` to the new node, and the hop from `x` (bound) back to it, each with
/// its slots, direction (as walked from `z` and from `x`) and types.
pub struct IntersectHops {
    pub z: Slot,
    pub first_rel: Slot,
    pub y: Slot,
    pub first_direction: Direction,
    pub first_types: TypeFilter,
    pub x: Slot,
    pub second_rel: Slot,
    /// The second hop's direction as walked from `x` to `y` (the reverse of `y` to `x`).
    pub x_direction: Direction,
    pub second_types: TypeFilter,
}

impl IntersectHops {
    /// From the plan's two hops: `first` from `z` to `y`, `second` from `y` into `x`.
    pub fn of(first: &Hop, second: &Hop) -> IntersectHops {
        let walked = |d| crate::exec::pattern::direction(d);
        let types = |t: &[RelTypeRef]| TypeFilter::new(t.to_vec());
        IntersectHops {
            z: first.from,
            first_rel: first.rel,
            y: first.to,
            first_direction: walked(first.direction),
            first_types: types(&first.types),
            x: second.to,
            second_rel: second.rel,
            x_direction: walked(second.direction.reversed()),
            second_types: types(&second.types),
        }
    }
}

/// For each input row, each (first relationship, new node, second relationship) closing
/// the cycle whose candidate passes the conditions, as a row; or, counting, a row per
/// (first relationship, new node) with the number of its second relationships in `count`.
pub struct ExpandIntersect {
    input: Box<dyn Operator>,
    hops: IntersectHops,
    /// Conditions on the first relationship and the new node (tested once per common
    /// neighbour reached by a relationship of `z`).
    near: FusedFilter,
    /// Conditions on all three (tested per second relationship).
    far: FusedFilter,
    count: Option<Slot>,
    marks: NeighbourMarks,
    pending: std::vec::IntoIter<Row>,
}

impl ExpandIntersect {
    pub fn new(
        input: Box<dyn Operator>,
        hops: IntersectHops,
        (near, far): (FusedFilter, FusedFilter),
        count: Option<Slot>,
    ) -> ExpandIntersect {
        ExpandIntersect {
            input,
            hops,
            near,
            far,
            count,
            marks: NeighbourMarks::default(),
            pending: Vec::new().into_iter(),
        }
    }

    /// The rows `row` gives: per common neighbour reached by a relationship of `z` that
    /// passes `near`, a row per second relationship that passes `far` with the three
    /// entities set, or, counting, one row with the first two set and the number of second
    /// relationships that pass (none when none does), in the order of `z`'s relationships,
    /// then of `x`'s.
    fn rows_of(&mut self, row: &mut Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let mut out = Vec::new();
        let (Value::Node(z), Value::Node(x)) = (row.get(self.hops.z).clone(), row.get(self.hops.x).clone()) else {
            return Ok(out);
        };
        let graph = ctx.graph();
        let first_types = self.hops.first_types.ids(graph).map(<[RelTypeId]>::to_vec);
        let second_types = self.hops.second_types.ids(graph).map(<[RelTypeId]>::to_vec);
        let (first_types, second_types) = (first_types.as_deref(), second_types.as_deref());
        let h = &self.hops;
        let z_degree = graph.degree_of_types(z, h.first_direction, first_types);
        let marked = self.marks.owner == Some(x)
            || graph.degree_of_types(x, h.x_direction, second_types) <= MARK_RATIO * z_degree + 64;
        if marked {
            self.marks.mark(graph, x, h.x_direction, second_types);
        }
        let mut links = Vec::with_capacity(z_degree);
        for_each_link(graph, z, h.first_direction, first_types, &mut |rel, node| links.push((rel, node)));
        let mut between = Vec::new();
        for (first_rel, y) in links {
            ctx.cancel.tick()?;
            between.clear();
            if marked {
                between.extend(self.marks.rels_to(y));
            } else {
                let mut rels = Vec::new();
                let y_direction = reversed(h.x_direction);
                super::expand_into::rels_between(graph, (y, x), y_direction, second_types, &mut rels);
                between.extend(rels.iter().map(|e| e.id));
            }
            if between.is_empty() {
                continue;
            }
            let near = [(h.first_rel, Entity::Rel(first_rel)), (h.y, Entity::Node(y))];
            if !self.near.passes(row, &near, graph)? {
                continue;
            }
            let mut passing = 0_i64;
            for &rel in &between {
                let all = [near[0], near[1], (h.second_rel, Entity::Rel(rel))];
                if !self.far.passes(row, &all, graph)? {
                    continue;
                }
                passing += 1;
                if self.count.is_none() {
                    out.push(with_entities(row, &all));
                }
            }
            if let (Some(slot), true) = (self.count, passing > 0) {
                let mut counted = with_entities(row, &near);
                counted.set(slot, Value::Int(passing));
                out.push(counted);
            }
        }
        Ok(out)
    }
}

/// `row` with `entities` set in their slots.
fn with_entities(row: &Row, entities: &[(Slot, Entity)]) -> Row {
    let mut out = row.clone();
    for &(slot, entity) in entities {
        out.set(slot, entity.value());
    }
    out
}

fn reversed(direction: Direction) -> Direction {
    match direction {
        Direction::Outgoing => Direction::Incoming,
        Direction::Incoming => Direction::Outgoing,
        Direction::Both => Direction::Both,
    }
}

impl Operator for ExpandIntersect {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(mut row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.rows_of(&mut row, ctx)?.into_iter();
        }
    }

    fn rewind(&mut self) -> bool {
        // The marks are taken again (the statement may have written between two runs),
        // into the same arrays: allocating them per run cost more than the intersection.
        self.marks.owner = None;
        self.pending = Vec::new().into_iter();
        self.input.rewind()
    }
}

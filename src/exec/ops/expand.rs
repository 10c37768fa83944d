//! Following relationships from a bound node.

use crate::binder::bound::{RelTypeRef, Slot};
use crate::error::Result;
use crate::exec::ops::filter::FusedFilter;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::Hop;
use crate::store::{Direction, Graph, NodeId, RelEntry, RelTypeId};
use crate::syntax::ast::RelDirection;
use crate::value::Value;

/// The slots an expansion reads and writes.
#[derive(Debug, Clone, Copy)]
pub struct ExpandSlots {
    pub from: Slot,
    pub rel: Slot,
    pub to: Slot,
    /// `to` is bound already: only relationships reaching it fit.
    pub into: bool,
    /// `rel` is bound already: only that relationship fits.
    pub rel_bound: bool,
}

impl ExpandSlots {
    pub fn of(hop: &Hop) -> ExpandSlots {
        ExpandSlots { from: hop.from, rel: hop.rel, to: hop.to, into: hop.into, rel_bound: hop.rel_bound }
    }

    /// The values the relationship `entry` of `from` gives the `rel` and `to` slots, when
    /// it fits `row`: its far node is the bound `to`, it is the bound `rel`.
    /// The far node, when the hop expands into it bound (`ExpandInto`): only the
    /// relationships joining the two nodes are candidates.
    pub fn bound_far_node(&self, row: &Row) -> Option<NodeId> {
        match row.get(self.to) {
            Value::Node(to) if self.into => Some(*to),
            _ => None,
        }
    }

    pub fn candidate(&self, row: &Row, from: NodeId, entry: &RelEntry) -> Option<[(Slot, Entity); 2]> {
        let other = if entry.start == from { entry.end } else { entry.start };
        if self.into && *row.get(self.to) != Value::Node(other) {
            return None;
        }
        if self.rel_bound && *row.get(self.rel) != Value::Relationship(entry.id) {
            return None;
        }
        Some([(self.rel, Entity::Rel(entry.id)), (self.to, Entity::Node(other))])
    }
}

/// The relationship types an operator follows, resolved against the catalog when first
/// needed. A name the graph does not know yet is looked up again on every use: the
/// statement may create it.
pub struct TypeFilter {
    types: Vec<RelTypeRef>,
    resolved: Option<Vec<RelTypeId>>,
}

impl TypeFilter {
    pub fn new(types: Vec<RelTypeRef>) -> TypeFilter {
        TypeFilter { types, resolved: None }
    }

    /// The type ids to follow; `None` for any type.
    pub fn ids(&mut self, graph: &Graph) -> Option<&[RelTypeId]> {
        if self.types.is_empty() {
            return None;
        }
        let complete = self.resolved.as_ref().is_some_and(|ids| ids.len() == self.types.len());
        if !complete {
            self.resolved = Some(self.types.iter().filter_map(|t| t.resolve(graph.catalog())).collect());
        }
        self.resolved.as_deref()
    }
}

/// For each input row, each relationship of `from` in `direction` with one of `types`;
/// the row gets the relationship and the node at its other end. A filter right above it
/// in the plan is checked here, on each candidate before its row is copied.
pub struct Expand {
    input: Box<dyn Operator>,
    slots: ExpandSlots,
    direction: Direction,
    types: TypeFilter,
    filter: FusedFilter,
    /// The input row being expanded; its `rel` and `to` slots are overwritten by each
    /// candidate in turn.
    current: Option<Row>,
    /// The relationships of the current row's node, reused from row to row.
    pending: Vec<RelEntry>,
    next: usize,
}

impl Expand {
    pub fn new(
        input: Box<dyn Operator>,
        slots: ExpandSlots,
        direction: RelDirection,
        types: Vec<RelTypeRef>,
    ) -> Expand {
        Expand {
            input,
            slots,
            direction: crate::exec::pattern::direction(direction),
            types: TypeFilter::new(types),
            filter: FusedFilter::default(),
            current: None,
            pending: Vec::new(),
            next: 0,
        }
    }

    /// Checks a `Filter` fused into this expansion on each candidate.
    pub fn with_filter(mut self, filter: FusedFilter) -> Expand {
        // Each candidate writes the relationship and the far node: a comparison of theirs
        // with a value of the input row is compiled per row (`predicate/row_constants.rs`).
        self.filter = filter.with_row_constants_for(&[self.slots.rel, self.slots.to]);
        self
    }

    /// Collects the relationships of `row`'s node into `pending`.
    fn load(&mut self, row: &Row, graph: &Graph) {
        self.pending.clear();
        self.next = 0;
        if let Value::Node(from) = *row.get(self.slots.from) {
            let types = self.types.ids(graph);
            match self.slots.bound_far_node(row) {
                Some(to) => {
                    super::expand_into::rels_between(graph, (from, to), self.direction, types, &mut self.pending)
                }
                None => self.pending.extend(graph.rels_of_types(from, self.direction, types)),
            }
        }
    }
}

impl Operator for Expand {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = &mut self.current {
                let Value::Node(from) = *row.get(self.slots.from) else {
                    self.current = None;
                    continue;
                };
                while let Some(entry) = self.pending.get(self.next) {
                    self.next += 1;
                    ctx.cancel.tick()?;
                    let Some(bound) = self.slots.candidate(row, from, entry) else { continue };
                    if self.filter.passes(row, &bound, ctx.graph())? {
                        // Bound slots already hold these values: writing them changes nothing.
                        for (slot, entity) in bound {
                            row.set(slot, entity.value());
                        }
                        return Ok(Some(row.clone()));
                    }
                }
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.load(&row, ctx.graph());
            self.filter.set_row(&row, ctx.graph());
            self.current = Some(row);
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.pending.clear();
        self.next = 0;
        self.input.rewind()
    }
}

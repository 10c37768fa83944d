//! `SHORTEST 1` (or `ALL SHORTEST`, `SHORTEST 1 GROUPS`) over a quantified path pattern
//! of one relationship between plain nodes, `(a)-[r:T WHERE r.x > 1]->{1,6}(b)` or
//! `(a) (()-[r:T]->() WHERE r.x > 1){1,6} (b)`, planned as the breadth-first search of
//! `shortestPath`, the condition checked on each relationship the search reaches.
//!
//! Without this, the selector picks among every trail the `Repeat` operator enumerates,
//! which grows with the degree to the power of the upper bound (workload9's
//! shortest_gql_rel_where timed out at S). The search finds the same paths: a condition on
//! each relationship alone holds for a path exactly when it holds for each of its
//! relationships, so pruning at the first that fails drops only paths the selector would
//! drop, and a shortest walk never repeats a relationship, so trails and walks give the
//! same shortest ones.

use super::build::Planner;
use super::predicates::{conjunction, free_slots, slot_expr};
use super::{ElementFilter, LogicalOp};
use crate::binder::bound::{Expr, NodePattern, PatternPart, QuantifiedPattern, RelPattern, Slot, Type};
use crate::error::Result;

/// The part as the search takes it, and what the quantified pattern adds to it.
pub(super) struct SearchedRepeat {
    /// The part with a variable-length relationship in place of the quantified pattern.
    pub part: PatternPart,
    /// `true` for `ALL SHORTEST` / `SHORTEST 1 GROUPS`: every shortest path.
    pub all: bool,
    /// The inner WHERE and the relationship's own, over its singleton.
    pub filter: Option<ElementFilter>,
    /// The relationship's group variable, when named: it gets the search's list.
    pub group: Option<Slot>,
}

/// The part as a breadth-first search, when its selector keeps the shortest paths and
/// its one step is a quantified relationship whose conditions read only the relationship
/// and what `bound` holds (variables of earlier clauses).
pub(super) fn searched_repeat(part: &PatternPart, bound: &dyn Fn(Slot) -> bool) -> Option<SearchedRepeat> {
    let selector = part.selector?;
    let [rel] = part.rels.as_slice() else { return None };
    let pattern = rel.quantified.as_deref()?;
    let (min, max) = rel.length.unwrap_or((1, None));
    if selector.k != 1 || part.filter.is_some() || min > 1 {
        return None;
    }
    let inner = one_plain_relationship(pattern)?;
    let conditions: Vec<Expr> = pattern.filter.iter().chain(inner.filter.as_ref()).cloned().collect();
    let predicate = conjunction(conditions);
    if let Some(predicate) = &predicate {
        let reads = free_slots(predicate)?;
        if !reads.iter().all(|s| *s == inner.slot || bound(*s)) {
            return None;
        }
    }
    let filter = predicate.map(|predicate| ElementFilter { nodes: false, slot: inner.slot, predicate, negated: false });
    let group = pattern.groups.iter().find(|(singleton, _)| *singleton == inner.slot).map(|(_, group)| *group);
    let searched = RelPattern {
        slot: rel.slot,
        bound: false,
        types: inner.types.clone(),
        direction: inner.direction,
        length: Some((min, max)),
        properties: inner.properties.clone(),
        filter: None,
        dynamic_type: None,
        quantified: None,
        span: rel.span,
    };
    let part = PatternPart { rels: vec![searched], shortest: Some(selector.groups), selector: None, ..part.clone() };
    Some(SearchedRepeat { part, all: selector.groups, filter, group })
}

/// The pattern's one relationship, when its two nodes carry no label, property,
/// condition or name (a named inner node would need its group list).
fn one_plain_relationship(pattern: &QuantifiedPattern) -> Option<&RelPattern> {
    let [inner] = pattern.rels.as_slice() else { return None };
    let named = |node: &NodePattern| pattern.groups.iter().any(|(singleton, _)| *singleton == node.slot);
    let plain = |node: &NodePattern| {
        node.labels.is_empty() && node.properties.is_empty() && node.filter.is_none() && !named(node)
    };
    pattern.nodes.iter().all(plain).then_some(inner)
}

impl Planner<'_> {
    /// The search, then the relationship's group variable given the list it found.
    pub(super) fn plan_searched_repeat(
        &mut self,
        input: LogicalOp,
        searched: SearchedRepeat,
        pending: &mut Vec<super::predicates::Conjunct>,
    ) -> Result<LogicalOp> {
        let rel = searched.part.rels[0].slot;
        let op = self.plan_shortest_path(input, &searched.part, searched.all, searched.filter, pending)?;
        let Some(group) = searched.group else { return Ok(op) };
        self.bound.insert(group);
        let items = vec![(group, slot_expr(rel, Type::List, searched.part.span))];
        let op = LogicalOp::Project { input: super::build::boxed(op), items };
        Ok(self.place_ready(op, pending))
    }
}

//! The conditions every relationship of a variable-length step must meet
//! (`planner::Step::filters`, the WHERE's `all(k IN ks WHERE …)` moved into the search by
//! the `prune_paths` pass), compiled once and tested on each relationship as the search
//! reaches it, so that a path is never extended past a relationship that fails.

use super::ops::FusedFilter;
use super::predicate::Entity;
use super::row::Row;
use crate::binder::bound::{Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::ElementFilter;
use crate::store::{Graph, RelId};
use crate::syntax::ast::{BinaryOp, UnaryOp};

/// A step's relationship conditions, with a scratch copy of the row they are read beside
/// (the relationship goes into each condition's own slot). Empty: everything passes.
#[derive(Default)]
pub struct StepFilter {
    predicate: FusedFilter,
    slots: Vec<Slot>,
    scratch: Row,
}

impl StepFilter {
    /// The conditions of `filters` on relationships (`none(…)` ones negated), read beside
    /// `row`.
    pub fn new(filters: &[ElementFilter], row: &Row) -> StepFilter {
        let conditions: Vec<Expr> = filters.iter().filter(|f| !f.nodes).map(condition).collect();
        let Some(predicate) = conditions.into_iter().reduce(|a, b| {
            let span = a.span.cover(b.span);
            Expr { kind: ExprKind::Binary(BinaryOp::And, Box::new(a), Box::new(b)), ty: Type::Bool, span }
        }) else {
            return StepFilter::default();
        };
        let slots = filters.iter().filter(|f| !f.nodes).map(|f| f.slot).collect();
        StepFilter { predicate: FusedFilter::new(&predicate, None), slots, scratch: row.clone() }
    }

    /// Whether `rel` meets every condition (each true, not false or null).
    pub fn allows(&mut self, rel: RelId, graph: &Graph) -> Result<bool> {
        if self.predicate.is_empty() {
            return Ok(true);
        }
        let bound: Vec<(Slot, Entity)> = self.slots.iter().map(|s| (*s, Entity::Rel(rel))).collect();
        self.predicate.passes(&mut self.scratch, &bound, graph)
    }
}

/// The condition an element must make true: `none(x IN … WHERE f)` holds when every `f`
/// is false, that is when every `NOT f` is true (a null stays null either way).
fn condition(filter: &ElementFilter) -> Expr {
    if !filter.negated {
        return filter.predicate.clone();
    }
    let span = filter.predicate.span;
    Expr { kind: ExprKind::Unary(UnaryOp::Not, Box::new(filter.predicate.clone())), ty: Type::Bool, span }
}

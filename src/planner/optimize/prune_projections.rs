//! Pass `prune_projections`: a projected value or a path that nothing after reads is not
//! computed. Walking down from the results, it keeps the set of slots still needed: a
//! `Retain` (the scope of a WITH) needs only what it keeps, each operator adds what it
//! reads. Only values that cannot fail and hold no node or relationship are dropped (a
//! literal, a property of a node or relationship), so that no error a query would raise
//! goes missing and `--evidence` still sees every entity of a row. An operator whose reads
//! are not tracked here (a subquery, a write, a call) needs every slot below it.

use std::collections::HashSet;

use super::push_filters::binds;
use super::{map_children, Ctx};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::error::Result;
use crate::planner::predicates::{free_slots, plain_value};
use crate::planner::LogicalOp;

/// The slots the operators above still read; `None`: all of them.
type Needed = Option<HashSet<Slot>>;

pub fn prune_projections(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    prune(plan, None)
}

fn prune(op: LogicalOp, needed: Needed) -> Result<LogicalOp> {
    match op {
        LogicalOp::Project { input, items } => prune_project(*input, items, needed),
        LogicalOp::BuildPath { input, slot, .. } if needed.as_ref().is_some_and(|n| !n.contains(&slot)) => {
            prune(*input, needed)
        }
        other => {
            let below = needed_below(&other, needed);
            map_children(other, &mut |child| prune(child, below.clone()))
        }
    }
}

/// A projection without the items nothing reads; none left, no projection.
fn prune_project(input: LogicalOp, items: Vec<(Slot, Expr)>, needed: Needed) -> Result<LogicalOp> {
    let items: Vec<(Slot, Expr)> = items
        .into_iter()
        .filter(|(slot, e)| {
            !is_identity(*slot, e) && (needed.as_ref().is_none_or(|n| n.contains(slot)) || !droppable(e))
        })
        .collect();
    let below = items.iter().fold(needed, |acc, (slot, e)| {
        let mut acc = acc?;
        acc.remove(slot);
        acc.extend(free_slots(e)?);
        Some(acc)
    });
    let input = prune(input, below)?;
    if items.is_empty() {
        return Ok(input);
    }
    Ok(LogicalOp::Project { input: Box::new(input), items })
}

/// `slot := slot`: nothing to do.
fn is_identity(slot: Slot, e: &Expr) -> bool {
    e.kind == ExprKind::Slot(slot)
}

/// A value whose computation cannot fail and is no node or relationship.
fn droppable(e: &Expr) -> bool {
    plain_value(e) && !matches!(e.kind, ExprKind::Slot(_))
}

/// What the input of `op` must hold when `needed` is what is read above `op`.
pub(super) fn needed_below(op: &LogicalOp, needed: Needed) -> Needed {
    let mut needed = match op {
        LogicalOp::Retain { slots, .. } => {
            let kept: HashSet<Slot> = slots.iter().copied().collect();
            return Some(needed.map_or(kept.clone(), |n| n.intersection(&kept).copied().collect()));
        }
        LogicalOp::ProduceResults { slots, .. } => return Some(slots.iter().copied().collect()),
        LogicalOp::AggregateEach { keys, aggregates, list, each, .. } => {
            let args = aggregates.iter().flat_map(|a| a.arg.iter().chain(a.extra.iter()));
            let mut below = reads_all(keys.iter().map(|(_, e)| e).chain(args), HashSet::new())?;
            below.remove(each);
            below.insert(*list);
            return Some(below);
        }
        LogicalOp::Aggregate { keys, aggregates, .. } => {
            let args = aggregates.iter().flat_map(|a| a.arg.iter().chain(a.extra.iter()));
            return reads_all(keys.iter().map(|(_, e)| e).chain(args), HashSet::new());
        }
        LogicalOp::OrderedAggregate { keys, aggregates, order, .. } => {
            let args = aggregates.iter().flat_map(|a| a.arg.iter().chain(a.extra.iter()));
            let sort_keys = order.iter().map(|(e, _)| e);
            return reads_all(keys.iter().map(|(_, e)| e).chain(args).chain(sort_keys), HashSet::new());
        }
        _ => needed?,
    };
    if let Some(binds) = binds(op) {
        binds.iter().for_each(|s| {
            needed.remove(s);
        });
    }
    match op {
        // `prune` prunes projections itself; other passes walking down ask here.
        LogicalOp::Project { items, .. } => {
            items.iter().for_each(|(slot, _)| {
                needed.remove(slot);
            });
            reads_all(items.iter().map(|(_, e)| e), needed)
        }
        LogicalOp::Filter { predicate, .. } => reads_all([predicate], needed),
        LogicalOp::Distinct { slots, .. } => Some(needed.into_iter().chain(slots.iter().copied()).collect()),
        LogicalOp::Sort { keys, .. } => reads_all(keys.iter().map(|(e, _)| e), needed),
        LogicalOp::TopK { keys, skip, limit, .. } => {
            reads_all(keys.iter().map(|(e, _)| e).chain(skip.iter()).chain([limit]), needed)
        }
        LogicalOp::Skip { count, .. } | LogicalOp::Limit { count, .. } => reads_all([count], needed),
        LogicalOp::BuildPath { nodes, rels, .. } => {
            Some(needed.into_iter().chain(nodes.iter().chain(rels).copied()).collect())
        }
        LogicalOp::Unwind { expr, slot, .. } => {
            needed.remove(slot);
            reads_all([expr], needed)
        }
        LogicalOp::NodeScan { .. } => Some(needed),
        LogicalOp::Expand { hop, .. } => {
            needed.extend([hop.from, hop.rel, hop.to]);
            Some(needed)
        }
        _ => None,
    }
}

/// `needed` with every slot `exprs` read; `None` when one of them reads what is not
/// tracked (a pattern, a subquery).
fn reads_all<'e>(exprs: impl IntoIterator<Item = &'e Expr>, mut needed: HashSet<Slot>) -> Needed {
    for e in exprs {
        needed.extend(free_slots(e)?);
    }
    Some(needed)
}

//! Pass `count_semi_joins`: a condition on a node's count (`COUNT { (b)-[:MEMBER_OF]->
//! (:Organization) } >= 5`, made per row by `OptionalExpandCount`) that nothing else reads,
//! over rows where the node repeats (the far end of an expansion), is answered from the set
//! of the nodes that pass it, made once: the node's label scanned, each node counted and
//! tested, the passing ones kept (`SemiHashJoin`); each row then costs one look-up instead
//! of a walk of the node's relationships.
//!
//! In `MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (b)-[:MEMBER_OF]->(:Organization)
//! } >= 5` at M, 1.39 M rows each walked b's memberships and tested each organisation's
//! label; the 600 K people are counted once instead.
//!
//! The set holds the same answer for every row: the count reads only the node (its hop's
//! condition reads nothing of the row), and the condition only the count (and cannot fail,
//! so that testing nodes no row reaches raises nothing). Every node a row can hold is in
//! the scan: the node is bound by an expansion (never null) and carries the scanned label,
//! tested on the way (`b:Person`) or guaranteed by the schema for the hop's type. Taken
//! when more rows reach the count than the label holds nodes.

use std::collections::HashSet;

use super::never_fails::never_fails;
use super::prune_projections::needed_below;
use super::{map_children, Ctx};
use crate::binder::bound::{Expr, ExprKind, LabelRef, Slot};
use crate::error::Result;
use crate::planner::build::{boxed, with_filter};
use crate::planner::cardinality::plan_rows;
use crate::planner::predicates::{conjunction, conjuncts, free_slots};
use crate::planner::stats::Statistics;
use crate::planner::{Hop, LogicalOp, SemiJoinOutput};
use crate::store::Direction;
use crate::syntax::ast::RelDirection;

/// The slots the operators above still read; `None`: all of them.
type Needed = Option<HashSet<Slot>>;

pub fn count_semi_joins(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    walk(plan, None, ctx.stats)
}

fn walk(op: LogicalOp, needed: Needed, stats: &dyn Statistics) -> Result<LogicalOp> {
    let op = match op {
        LogicalOp::Filter { input, predicate } => match counted_set(*input, predicate, needed.as_ref(), stats) {
            Ok(joined) => joined,
            Err((input, predicate)) => LogicalOp::Filter { input, predicate },
        },
        other => other,
    };
    let below = needed_below(&op, needed);
    map_children(op, &mut |child| walk(child, below.clone(), stats))
}

/// `predicate` over `input`, with its conditions on a count `input` makes answered by a
/// `SemiHashJoin` on the counted node; `Err` with both as they were when it does not apply.
#[allow(clippy::result_large_err)]
fn counted_set(
    input: LogicalOp,
    predicate: Expr,
    needed: Option<&HashSet<Slot>>,
    stats: &dyn Statistics,
) -> std::result::Result<LogicalOp, (Box<LogicalOp>, Expr)> {
    let LogicalOp::OptionalExpandCount { input: below, hop, predicate: on_hop, slot } = input else {
        return Err((boxed(input), predicate));
    };
    let node = hop.from;
    let read_above = needed.is_none_or(|n| n.contains(&slot));
    let (on_count, rest) = split(&predicate, slot);
    let label = label_of(node, &below, stats).filter(|_| counts_own_hop(&hop, on_hop.as_ref()));
    let worth =
        label.as_ref().and_then(|l| l.id).is_some_and(|id| plan_rows(&below, stats) > stats.label_count(id) as f64);
    let (Some(on_count), Some(rest), Some(label), true, false) =
        (conjunction(on_count), rest, label, worth, read_above)
    else {
        let input = LogicalOp::OptionalExpandCount { input: below, hop, predicate: on_hop, slot };
        return Err((boxed(input), predicate));
    };
    let scan = LogicalOp::NodeScan { input: boxed(LogicalOp::Start), slot: node, label: Some(label) };
    let count = LogicalOp::OptionalExpandCount { input: boxed(scan), hop, predicate: on_hop, slot };
    let build = LogicalOp::Filter { input: boxed(count), predicate: on_count };
    let joined = LogicalOp::SemiHashJoin {
        input: below,
        build: boxed(build),
        keys: vec![node],
        output: SemiJoinOutput::Matching,
    };
    Ok(with_filter(joined, conjunction(rest)))
}

/// Whether the hop counted reads nothing of the row but its own start: its condition
/// reads only the hop's slots, and it binds its relationship and far node afresh.
fn counts_own_hop(hop: &Hop, on_hop: Option<&Expr>) -> bool {
    let own = [hop.from, hop.rel, hop.to];
    let reads_own = on_hop.is_none_or(|p| free_slots(p).is_some_and(|read| read.iter().all(|s| own.contains(s))));
    reads_own && !hop.into && !hop.rel_bound
}

/// The conjuncts of `predicate` that read only `slot` and cannot fail, and the others;
/// `None` for the others when one of them reads `slot` too (the count is needed on the row).
fn split(predicate: &Expr, slot: Slot) -> (Vec<Expr>, Option<Vec<Expr>>) {
    let mut on_count = Vec::new();
    let mut rest = Vec::new();
    for c in conjuncts(predicate) {
        match free_slots(c) {
            Some(read) if read.len() == 1 && read.contains(&slot) && never_fails(c) => on_count.push(c.clone()),
            Some(read) if !read.contains(&slot) => rest.push(c.clone()),
            _ => return (on_count, None),
        }
    }
    (on_count, Some(rest))
}

/// The label every row of `op` holds `node` with, when `node` is bound by an expansion in
/// `op` (not null, met again on other rows): a label test of it on the way there, or the
/// label the schema guarantees at the far end of the expansion's one type.
fn label_of(node: Slot, op: &LogicalOp, stats: &dyn Statistics) -> Option<LabelRef> {
    match op {
        LogicalOp::Filter { input, predicate } => tested_label(node, predicate)
            .filter(|_| bound_by_expansion(node, input))
            .or_else(|| label_of(node, input, stats)),
        LogicalOp::Expand { hop, .. } if hop.to == node && !hop.into => guaranteed_label(hop, stats),
        LogicalOp::Expand { input, hop } if hop.to != node && hop.rel != node => {
            label_of(node, input, stats).filter(|_| bound_by_expansion(node, input))
        }
        _ => None,
    }
}

fn tested_label(node: Slot, predicate: &Expr) -> Option<LabelRef> {
    conjuncts(predicate).into_iter().find_map(|c| match &c.kind {
        ExprKind::HasLabels(owner, labels) if owner.kind == ExprKind::Slot(node) => match &labels[..] {
            [label] if label.id.is_some() => Some(label.clone()),
            _ => None,
        },
        _ => None,
    })
}

/// Whether `node` is bound by an expansion (into a new node) in `op`, through filters and
/// expansions.
fn bound_by_expansion(node: Slot, op: &LogicalOp) -> bool {
    match op {
        LogicalOp::Expand { hop, .. } if hop.to == node => !hop.into,
        LogicalOp::Filter { input, .. } | LogicalOp::Expand { input, .. } => bound_by_expansion(node, input),
        _ => false,
    }
}

fn guaranteed_label(hop: &Hop, stats: &dyn Statistics) -> Option<LabelRef> {
    let [ty] = &hop.types[..] else { return None };
    let direction = match hop.direction {
        RelDirection::Right => Direction::Outgoing,
        RelDirection::Left => Direction::Incoming,
        RelDirection::Both => return None,
    };
    let label = stats.guaranteed_far_label(ty.id?, direction)?;
    Some(LabelRef { name: stats.label_name(label)?, id: Some(label) })
}

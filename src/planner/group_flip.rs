//! Grouping from the grouped end: an aggregation over one hop from a node scan, grouped by
//! keys of the hop's far node alone, walks the hop the other way round, so that a group is
//! the node the fold walks from (`GroupFold`'s `PerNode`: found once per node, from its
//! relationships in a row) instead of a random group looked up for every relationship.
//!
//! `MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) WITH p, collect(o.year) AS ys WHERE
//! any(y IN ys WHERE y = p.year) …` starts at the organizations (the smaller label) and
//! meets each person once per membership, anywhere in the scan: with half a million people
//! each relationship's group and its states are a cache miss. Scanning the people and
//! folding each one's memberships gives the same groups, each made once.
//!
//! The rows are the same (the hop's matches, each once); only their order changes, so it
//! is taken only when every aggregate's answer is the same in any order: `count(*)`,
//! `count` (DISTINCT or not), and `min`, `max` or a `reduce` that keeps an extreme
//! (`planner::extreme_step`) of values of a type whose equal values cannot be told apart
//! (integers, strings, booleans, nodes, relationships: not floats, whose `1.0` ties `1`).
//! The groups then come in the far nodes' scan order, which Cypher leaves open without an
//! ORDER BY (`count_flip.rs` turns counted hops round on the same terms). Like
//! `count_flip.rs`, it is taken only when the far node's scan reads no more nodes than the
//! hop is estimated to give rows, and only from an unfiltered scan (a filtered one keeps
//! its nodes' relationships out of the walk, which from the far node would each be
//! walked and tested). In a typed graph the far node's label the schema
//! guarantees (left out of the plan as implied) is the one its scan reads, and the
//! scanned start's label is not tested on the reversed hop where the schema guarantees it.

use super::build::boxed;
use super::count_flip::ScannedHop;
use super::predicates::{conjunction, conjuncts, free_slots, slot_expr};
use super::stats::Statistics;
use super::{Hop, LogicalOp};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, LabelRef, Slot, Type};
use crate::span::Span;
use crate::store::Direction;
use crate::syntax::ast::RelDirection;

/// `input` (an aggregation's) walked from its far node when the keys read only that node
/// and the aggregates do not depend on the order of their rows; else `input` itself.
pub(super) fn from_grouped_end(
    input: LogicalOp,
    (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
    stats: &dyn Statistics,
) -> LogicalOp {
    let Some((below, hop, predicate)) = hop_of(&input) else { return input };
    // A filtered scan keeps its nodes' relationships out of the walk; from the far node
    // every relationship would be walked and tested instead.
    if !matches!(below, LogicalOp::NodeScan { .. }) {
        return input;
    }
    let keyed_by_far = !keys.is_empty() && keys.iter().all(|(_, e)| reads_only(e, hop.to) && !super::varies(e));
    if !keyed_by_far || !aggregates.iter().all(order_free) {
        return input;
    }
    let predicate = with_guaranteed_far_label(hop, predicate.cloned(), stats);
    let Some(scanned) = ScannedHop::of(below, hop, predicate.as_ref()) else { return input };
    match scanned.flipped(stats) {
        Some((below, hop, predicate)) => {
            let predicate = predicate.and_then(|p| without_guaranteed_far_label(&hop, p, stats));
            fused(below, hop, predicate)
        }
        None => input,
    }
}

/// The hop's one type and the direction it is read in from the hop's start, when the
/// schema can guarantee the far end's label.
fn typed_way(hop: &Hop) -> Option<(crate::store::RelTypeId, Direction)> {
    let [ty] = &hop.types[..] else { return None };
    let direction = match hop.direction {
        RelDirection::Right => Direction::Outgoing,
        RelDirection::Left => Direction::Incoming,
        RelDirection::Both => return None,
    };
    Some((ty.id?, direction))
}

/// `predicate` with the far node's label the schema guarantees (which the plan dropped as
/// implied, `end_labels.rs`) written back in when it tests none, so that the far node is
/// scanned by that label, not over all nodes.
fn with_guaranteed_far_label(hop: &Hop, predicate: Option<Expr>, stats: &dyn Statistics) -> Option<Expr> {
    let tests_far_label = predicate.iter().flat_map(|p| conjuncts(p)).any(|c| is_label_test_of(c, hop.to));
    let guaranteed = typed_way(hop).and_then(|(ty, direction)| stats.guaranteed_far_label(ty, direction));
    let Some((label, name)) = guaranteed.filter(|_| !tests_far_label).and_then(|l| Some((l, stats.label_name(l)?)))
    else {
        return predicate;
    };
    let owner = slot_expr(hop.to, Type::Node, Span::default());
    let labels = vec![LabelRef { name, id: Some(label) }];
    let test = Expr { kind: ExprKind::HasLabels(Box::new(owner), labels), ty: Type::Bool, span: Span::default() };
    conjunction(predicate.into_iter().chain([test]).collect())
}

/// `predicate` of the reversed `hop` without its test of the far node's label where the
/// schema guarantees it (the scanned start's label, moved onto the hop by the flip).
fn without_guaranteed_far_label(hop: &Hop, predicate: Expr, stats: &dyn Statistics) -> Option<Expr> {
    let Some(guaranteed) = typed_way(hop).and_then(|(ty, direction)| stats.guaranteed_far_label(ty, direction)) else {
        return Some(predicate);
    };
    let implied = |c: &Expr| match &c.kind {
        ExprKind::HasLabels(owner, labels) => {
            owner.kind == ExprKind::Slot(hop.to) && labels.iter().all(|l| l.id == Some(guaranteed))
        }
        _ => false,
    };
    conjunction(conjuncts(&predicate).into_iter().filter(|c| !implied(c)).cloned().collect())
}

/// Whether `c` tests labels of `slot`.
fn is_label_test_of(c: &Expr, slot: Slot) -> bool {
    matches!(&c.kind, ExprKind::HasLabels(owner, _) if owner.kind == ExprKind::Slot(slot))
}

/// The input below an expansion, the hop and its fused condition.
fn hop_of(input: &LogicalOp) -> Option<(&LogicalOp, &Hop, Option<&Expr>)> {
    match input {
        LogicalOp::Expand { input, hop } => Some((input, hop, None)),
        LogicalOp::FilteredExpand { input, hop, predicate } => Some((input, hop, Some(predicate))),
        _ => None,
    }
}

/// The reversed hop over its scan, each condition fused as `fuse_filters` fuses it.
fn fused(below: LogicalOp, hop: Hop, predicate: Option<Expr>) -> LogicalOp {
    let below = match below {
        LogicalOp::Filter { input, predicate } => match *input {
            LogicalOp::NodeScan { input, slot, label } => LogicalOp::FilteredScan { input, slot, label, predicate },
            other => LogicalOp::Filter { input: boxed(other), predicate },
        },
        other => other,
    };
    match predicate {
        Some(predicate) => LogicalOp::FilteredExpand { input: boxed(below), hop, predicate },
        None => LogicalOp::Expand { input: boxed(below), hop },
    }
}

/// Whether `e` reads `slot` and nothing else.
fn reads_only(e: &Expr, slot: Slot) -> bool {
    free_slots(e).is_some_and(|reads| !reads.is_empty() && reads.iter().all(|s| *s == slot))
}

/// Whether `call`'s answer is the same whatever the order of its rows.
fn order_free(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    let exact = || call.arg.as_ref().is_some_and(|e| e.ty.equal_means_identical());
    match call.function {
        A::CountStar | A::Count => call.extra.is_none(),
        A::Min | A::Max => exact(),
        A::Reduce => !call.distinct && exact() && super::extreme_step(call).is_some(),
        _ => false,
    }
}

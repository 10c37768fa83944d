//! Counting without materialising rows: an aggregation that only counts the
//! relationships of a pattern nothing else constrains is answered from the store's counts.
//!
//! - `MATCH ()-[r:T]->() RETURN type(r), count(*)` (with or without the type, the
//!   grouping, or `count(r)`) reads the number of relationships per type
//!   (`RelCountFromStore`), as Neo4j's count store does.
//! - `MATCH (p:Person)-[r]-() RETURN p.id, count(r)`, where the far node is anonymous
//!   and unconstrained, reads each p's degree (`NodeDegree`) instead of expanding, and the
//!   count becomes the sum of the degrees (Neo4j's GetDegree rewrite). When the grouping
//!   keys tell each p apart (p itself, or its declared key) no grouping is left at all:
//!   each row's count is its degree.
//!
//! Both apply only to the plan shape a bare pattern gives: no labels, properties or
//! WHERE conditions on what is counted (those add a `Filter`, and then rows are needed).

use super::build::boxed;
use super::predicates::{free_slots, slot_expr};
use super::stats::Statistics;
use super::LogicalOp;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, LabelRef, Slot, Type};
use crate::syntax::ast::RelDirection;

/// The aggregation of `keys` and `aggregates` over `input`, counted from the store where
/// the shape allows.
pub fn aggregate(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    stats: &dyn Statistics,
) -> LogicalOp {
    let LogicalOp::Expand { input: below, from, rel, to, direction, types, into: false, rel_bound: false } = input
    else {
        return LogicalOp::Aggregate { input: boxed(input), keys, aggregates };
    };
    if aggregates.iter().all(|a| counts_rows(a, rel)) {
        if counts_every_rel(&below, from, direction) {
            if let Some(type_slots) = type_keys(&keys, rel) {
                let count_slots = aggregates.iter().map(|a| a.slot).collect();
                return LogicalOp::RelCountFromStore { input: below_start(), types, type_slots, count_slots };
            }
        }
        if keys.iter().all(|(_, e)| reads_neither(e, rel, to)) {
            // The degree of `from` stands for its rows: the counts become sums of it,
            // written in `rel`'s slot (nothing reads the relationship itself).
            let groups_are_rows = identifies_each_row(&below, from, &keys, stats);
            let degree = boxed(LogicalOp::NodeDegree { input: below, node: from, slot: rel, direction, types });
            if groups_are_rows {
                // Each row is its own group: its count is its degree, with no grouping.
                let counts = aggregates.iter().map(|a| (a.slot, slot_expr(rel, Type::Int, a.span)));
                return LogicalOp::Project { input: degree, items: keys.into_iter().chain(counts).collect() };
            }
            let sums = aggregates.into_iter().map(|a| sum_of(a, rel)).collect();
            return LogicalOp::Aggregate { input: degree, keys, aggregates: sums };
        }
    }
    let input = LogicalOp::Expand { input: below, from, rel, to, direction, types, into: false, rel_bound: false };
    LogicalOp::Aggregate { input: boxed(input), keys, aggregates }
}

/// `count(*)` or `count(rel)`: one per row of a single-relationship expansion (`rel` is
/// never null there).
fn counts_rows(call: &AggregateCall, rel: Slot) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => !call.distinct && call.arg.as_ref().is_some_and(|a| a.kind == ExprKind::Slot(rel)),
        _ => false,
    }
}

/// Whether the expansion below visits every relationship once: from every node of the
/// graph (an unlabelled scan at the start of the query), in one direction.
fn counts_every_rel(below: &LogicalOp, from: Slot, direction: RelDirection) -> bool {
    let scans_all = matches!(
        below,
        LogicalOp::NodeScan { input, slot, label: None } if *slot == from && **input == LogicalOp::Start
    );
    scans_all && direction != RelDirection::Both
}

/// The slots of the keys when every key is `type(rel)`.
fn type_keys(keys: &[(Slot, Expr)], rel: Slot) -> Option<Vec<Slot>> {
    keys.iter()
        .map(|(slot, e)| match &e.kind {
            ExprKind::Call(Function::Type, args) if matches!(&args[..], [a] if a.kind == ExprKind::Slot(rel)) => {
                Some(*slot)
            }
            _ => None,
        })
        .collect()
}

fn below_start() -> Box<LogicalOp> {
    boxed(LogicalOp::Start)
}

/// Whether the grouping `keys` put every row of `below` in a group of its own: `below`
/// gives each node once in `node` (a scan or a key seek from the start, maybe filtered),
/// the keys read nothing else, and one of them is the node or a declared key of the label
/// it was found by (a key is required and unique).
fn identifies_each_row(below: &LogicalOp, node: Slot, keys: &[(Slot, Expr)], stats: &dyn Statistics) -> bool {
    let Some(label) = distinct_nodes(below, node) else { return false };
    let reads_only_node = keys.iter().all(|(_, e)| free_slots(e).is_some_and(|reads| reads.iter().all(|s| *s == node)));
    let identifies = keys.iter().any(|(_, e)| match &e.kind {
        ExprKind::Slot(s) => *s == node,
        ExprKind::Property(owner, key) => {
            owner.kind == ExprKind::Slot(node)
                && label.and_then(|l| l.id).zip(key.id).is_some_and(|(l, k)| stats.is_key(l, k))
        }
        _ => false,
    });
    reads_only_node && identifies
}

/// `Some(label it was found by)` when every row of `op` holds a different node in
/// `slot`: one scan or key seek of it from the start, under filters only.
fn distinct_nodes(op: &LogicalOp, slot: Slot) -> Option<Option<&LabelRef>> {
    match op {
        LogicalOp::Filter { input, .. } => distinct_nodes(input, slot),
        LogicalOp::NodeScan { input, slot: s, label } if *s == slot && **input == LogicalOp::Start => {
            Some(label.as_ref())
        }
        LogicalOp::NodeByKey { input, slot: s, label, .. } | LogicalOp::NodeByKeys { input, slot: s, label, .. }
            if *s == slot && **input == LogicalOp::Start =>
        {
            Some(Some(label))
        }
        _ => None,
    }
}

/// A count turned into the sum of the degrees in `degree`.
fn sum_of(call: AggregateCall, degree: Slot) -> AggregateCall {
    let arg = slot_expr(degree, Type::Int, call.span);
    AggregateCall { function: AggregateFunction::Sum, distinct: false, arg: Some(arg), extra: None, ..call }
}

/// Whether `expr` reads neither slot (an expression holding a pattern may read anything).
fn reads_neither(expr: &Expr, a: Slot, b: Slot) -> bool {
    free_slots(expr).is_some_and(|reads| !reads.contains(&a) && !reads.contains(&b))
}

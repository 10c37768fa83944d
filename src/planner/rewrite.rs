//! Counting without materialising rows: an aggregation that only counts the
//! relationships of a pattern nothing else constrains is answered from the store's counts.
//!
//! - `MATCH ()-[r:T]->() RETURN type(r), count(*)` (with or without the type, the
//!   grouping, or `count(r)`) reads the number of relationships per type
//!   (`RelCountFromStore`), as Neo4j's count store does.
//! - `MATCH (p:Person)-[r]-() RETURN p.id, count(r)`, where the far node is anonymous
//!   and unconstrained, reads each p's degree (`NodeDegree`) instead of expanding, and the
//!   count becomes the sum of the degrees (Neo4j's GetDegree rewrite).
//!
//! Both apply only to the plan shape a bare pattern gives: no labels, properties or
//! WHERE conditions on what is counted (those add a `Filter`, and then rows are needed).

use super::build::boxed;
use super::predicates::{free_slots, slot_expr};
use super::LogicalOp;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, Slot, Type};
use crate::syntax::ast::RelDirection;

/// The aggregation of `keys` and `aggregates` over `input`, counted from the store where
/// the shape allows.
pub fn aggregate(input: LogicalOp, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> LogicalOp {
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
            let degree = LogicalOp::NodeDegree { input: below, node: from, slot: rel, direction, types };
            let sums = aggregates.into_iter().map(|a| sum_of(a, rel)).collect();
            return LogicalOp::Aggregate { input: boxed(degree), keys, aggregates: sums };
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

/// A count turned into the sum of the degrees in `degree`.
fn sum_of(call: AggregateCall, degree: Slot) -> AggregateCall {
    let arg = slot_expr(degree, Type::Int, call.span);
    AggregateCall { function: AggregateFunction::Sum, distinct: false, arg: Some(arg), extra: None, ..call }
}

/// Whether `expr` reads neither slot (an expression holding a pattern may read anything).
fn reads_neither(expr: &Expr, a: Slot, b: Slot) -> bool {
    free_slots(expr).is_some_and(|reads| !reads.contains(&a) && !reads.contains(&b))
}

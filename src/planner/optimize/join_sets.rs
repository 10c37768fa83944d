//! Pass `join_sets` (eager distinct aggregation through a hash join): when an aggregation
//! over a `HashJoin` groups by what the probe side binds and its aggregates ignore how
//! often a value comes (`count(DISTINCT u)`, `collect(DISTINCT u)`, `min(u)`, `max(u)`)
//! of one variable the build side binds, the build side is grouped per join key first
//! into the list of its distinct values (`collect(DISTINCT u)` per key), the join gives
//! each probe row once with its key's list, and `AggregateEach` folds the list's elements
//! into the row's group.
//!
//! Why: the join's rows are the product of the probe rows and the build rows per key, and
//! a hub on the key (a deployment many countries sent troops to, which many units are part
//! of) multiplies them. `MATCH (c)-[:SENT]->(d)<-[:PART_OF]-(u) RETURN c.id, count(DISTINCT
//! u)` made a row per (country, relationship, unit) triple; now it makes one per probe row,
//! and each unit is one insertion into its group's set. The answers are the same: per
//! group, the set of values (and their first appearance, for `collect`) does not change,
//! and a variable a pattern binds is never null, so a key's list is never empty.
//!
//! The build side's grouping costs one hash per build row, less than the join's rows it
//! saves whenever a key has more than one build row, so the pass applies wherever the shape
//! allows, as the counting rewrite through a join does (`count_join.rs`).

use super::{rewrite_up, Ctx};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::LogicalOp;

pub fn join_sets(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } => match *input {
                // A join keyed on values too meets build rows by them, not per node.
                LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values } if values.is_empty() => {
                    let join = LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values };
                    through_join(join, keys, aggregates)
                }
                input => LogicalOp::Aggregate { input: boxed(input), keys, aggregates },
            },
            other => other,
        })
    })
}

/// The aggregation over `join` with the build side grouped per key, or as it was when the
/// shape does not allow it.
fn through_join(join: LogicalOp, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> LogicalOp {
    let fold = match (&join, aggregates.first()) {
        (LogicalOp::HashJoin { keys: join_keys, build_slots, .. }, Some(first)) if join_keys.len() == 1 => {
            folded_variable(&keys, &aggregates, build_slots)
                .zip(first.arg.clone())
                .map(|(each, arg)| (each, arg, first))
        }
        _ => None,
    };
    let Some((each, arg, first)) = fold else {
        return LogicalOp::Aggregate { input: boxed(join), keys, aggregates };
    };
    // The list goes into the first aggregate's slot: nothing reads it before the
    // aggregation writes the aggregate's value there.
    let (list, span) = (first.slot, first.span);
    let per_key = AggregateCall {
        function: AggregateFunction::Collect,
        distinct: true,
        arg: Some(arg),
        extra: None,
        slot: list,
        span,
    };
    let LogicalOp::HashJoin { probe, build, keys: join_keys, .. } = join else {
        return LogicalOp::Aggregate { input: boxed(join), keys, aggregates };
    };
    let key_expr = slot_expr(join_keys[0], Type::Node, span);
    let grouped =
        LogicalOp::Aggregate { input: build, keys: vec![(join_keys[0], key_expr)], aggregates: vec![per_key] };
    let join = LogicalOp::HashJoin {
        probe,
        build: boxed(grouped),
        keys: join_keys,
        build_slots: vec![list],
        values: Vec::new(),
    };
    LogicalOp::AggregateEach { input: boxed(join), keys, aggregates, list, each }
}

/// The one variable of the build side that every aggregate reads bare and without regard
/// to repeats, when the grouping keys read nothing the build side binds.
fn folded_variable(keys: &[(Slot, Expr)], aggregates: &[AggregateCall], build_slots: &[Slot]) -> Option<Slot> {
    let keys_fit = keys.iter().all(|(_, e)| free_slots(e).is_some_and(|r| build_slots.iter().all(|s| !r.contains(s))));
    let mut read = aggregates.iter().map(|a| ignores_repeats_of(a).filter(|s| build_slots.contains(s)));
    let first = read.next()??;
    (keys_fit && read.all(|s| s == Some(first))).then_some(first)
}

/// The variable an aggregate reads bare when its answer does not depend on how often
/// each value comes: a DISTINCT one, `min` or `max`.
fn ignores_repeats_of(call: &AggregateCall) -> Option<Slot> {
    let kind = call.distinct || matches!(call.function, AggregateFunction::Min | AggregateFunction::Max);
    match (&call.arg, &call.extra) {
        (Some(Expr { kind: ExprKind::Slot(slot), .. }), None) if kind => Some(*slot),
        _ => None,
    }
}

//! Counting through a hash join (part of the `count_rows` pass): when an aggregation over
//! a `HashJoin` only counts its rows (or aggregates, without regard to repeats, what the
//! probe side binds: `count(DISTINCT d)`, `min`, `max`) and groups by the probe side, the
//! build side is counted per join key first, and the join gives each probe row once with
//! its count: the counts become sums. A hub on the join key then costs one count, not a
//! row for each of its matches times each probe row that reaches it (eager aggregation).

use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot};
use crate::planner::build::boxed;
use crate::planner::predicates::slot_expr;
use crate::planner::rewrite::sum_of;
use crate::planner::weighted::{ignores_repeats, reads_none_of};
use crate::planner::LogicalOp;

/// An aggregation's input, grouping keys and aggregates.
pub type Parts = (LogicalOp, Vec<(Slot, Expr)>, Vec<AggregateCall>);

/// The aggregation rewritten over a build side counted per key, or `None` (the shape does
/// not allow it) with the parts given back.
pub fn count_through_join(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    let LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values } = input else {
        return Err(Box::new((input, keys, aggregates)));
    };
    // A join keyed on values too meets build rows by them, not per node: not counted here.
    let fits = values.is_empty()
        && join_keys.len() == 1
        && keys.iter().all(|(_, e)| reads_none_of(e, &build_slots))
        && aggregates.iter().all(|a| counts_rows(a, &build_slots, &join_keys) || ignores_repeats(a, &build_slots))
        && aggregates.iter().any(|a| counts_rows(a, &build_slots, &join_keys));
    let count_slot = aggregates.iter().find(|a| counts_rows(a, &build_slots, &join_keys)).map(|a| (a.slot, a.span));
    let (true, Some((slot, span))) = (fits, count_slot) else {
        let input = LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values };
        return Err(Box::new((input, keys, aggregates)));
    };
    let key = join_keys[0];
    let per_key =
        AggregateCall { function: AggregateFunction::CountStar, distinct: false, arg: None, extra: None, slot, span };
    let key_expr = slot_expr(key, crate::binder::bound::Type::Node, span);
    let counted = LogicalOp::Aggregate { input: build, keys: vec![(key, key_expr)], aggregates: vec![per_key] };
    let join =
        LogicalOp::HashJoin { probe, build: boxed(counted), keys: join_keys.clone(), build_slots: vec![slot], values };
    let aggregates = aggregates
        .into_iter()
        .map(|a| if counts_rows(&a, &build_slots, &join_keys) { sum_of(a, slot) } else { a })
        .collect();
    Ok(LogicalOp::Aggregate { input: boxed(join), keys, aggregates })
}

/// `count(*)`, or `count(v)` of a variable the join's rows always hold (the key, or one
/// the build side binds: its pattern never leaves one null).
fn counts_rows(call: &AggregateCall, build_slots: &[Slot], join_keys: &[Slot]) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => {
            !call.distinct
                && call.arg.as_ref().is_some_and(|a| match a.kind {
                    ExprKind::Slot(s) => build_slots.contains(&s) || join_keys.contains(&s),
                    _ => false,
                })
        }
        _ => false,
    }
}

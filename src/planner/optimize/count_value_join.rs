//! Counting through a value join (part of the `count_rows` pass): when an aggregation over
//! a `ValueHashJoin` only counts its rows (`count(*)`, `count(b)` of the build side's
//! node) and groups by nothing the build side binds, the build side is counted per key
//! value first, and each probe row meets one row per distinct value equal to its own,
//! carrying how many build rows hold it: the counts become sums
//! (`MATCH (u:Unit), (d:Deployment) WHERE u.year = d.year RETURN count(*)`).
//! The table then holds a row per distinct key instead of one per build row, and the join
//! gives a row per probe row and value instead of one per matching pair.
//!
//! The answer is the same: the build rows a probe row meets are those whose key is `=` to
//! its own, and grouping puts together only values that are equivalent, which are `=` to
//! the same values (a null or NaN key meets nothing either way, and lists holding one are
//! `=` to nothing).
//! The grouped key is kept in the build side's node slot, which nothing above reads.

use super::count_join::Parts;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot};
use crate::planner::build::boxed;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::rewrite::sum_of;
use crate::planner::LogicalOp;

/// The aggregation over a build side counted per key value, or `None` (the shape does not
/// allow it) with the parts given back.
pub fn count_through_value_join(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    let LogicalOp::ValueHashJoin { probe, build, probe_key, build_key, build_slots } = input else {
        return Err(Box::new((input, keys, aggregates)));
    };
    let fits = build_slots.len() == 1
        && !aggregates.is_empty()
        && aggregates.iter().all(|a| counts_rows(a, &build_slots))
        && keys.iter().all(|(_, e)| free_slots(e).is_some_and(|reads| !reads.contains(&build_slots[0])));
    if !fits {
        let input = LogicalOp::ValueHashJoin { probe, build, probe_key, build_key, build_slots };
        return Err(Box::new((input, keys, aggregates)));
    }
    let (key_slot, count) = (build_slots[0], aggregates[0].clone());
    let per_key =
        AggregateCall { function: AggregateFunction::CountStar, distinct: false, arg: None, extra: None, ..count };
    let counted =
        LogicalOp::Aggregate { input: build, keys: vec![(key_slot, build_key.clone())], aggregates: vec![per_key] };
    let join = LogicalOp::ValueHashJoin {
        probe,
        build: boxed(counted),
        probe_key,
        build_key: slot_expr(key_slot, build_key.ty, build_key.span),
        build_slots: vec![count.slot],
    };
    let aggregates = aggregates.into_iter().map(|a| sum_of(a, count.slot)).collect();
    Ok(LogicalOp::Aggregate { input: boxed(join), keys, aggregates })
}

/// `count(*)`, or `count(b)` of the build side's node (never null on a joined row).
fn counts_rows(call: &AggregateCall, build_slots: &[Slot]) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => {
            !call.distinct
                && call.arg.as_ref().is_some_and(|a| matches!(a.kind, ExprKind::Slot(s) if build_slots.contains(&s)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{around, assert_plan};

    #[test]
    fn count_rows_counts_a_value_joins_build_side_per_key() {
        let (_, after) = around("count_rows", "MATCH (p:P), (q:Q) WHERE q.x = p.x RETURN count(*) AS n");
        assert_plan(
            &after,
            "ProduceResults [n]
             └─ Retain [n]
                └─ Project [n]
                   └─ Aggregate keys [] aggregates [sum(anon_2)]
                      └─ ValueHashJoin build [anon_2] on p.x = q
                         ├─ NodeByLabelScan p:P
                         │  └─ Start
                         └─ Aggregate keys [q.x AS q] aggregates [count(*)]
                            └─ NodeByLabelScan q:Q
                               └─ Start",
        );
    }

    #[test]
    fn count_rows_keeps_a_value_join_whose_build_side_is_read() {
        for text in [
            "MATCH (p:P), (q:Q) WHERE q.x = p.x RETURN count(DISTINCT q) AS n",
            "MATCH (p:P), (q:Q) WHERE q.x = p.x RETURN q.y, count(*) AS n",
            "MATCH (p:P), (q:Q) WHERE q.x = p.x RETURN sum(q.y) AS n",
        ] {
            let (before, after) = around("count_rows", text);
            assert!(after.contains("ValueHashJoin build [q]"), "{text}: {before}\n{after}");
        }
    }
}

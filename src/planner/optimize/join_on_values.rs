//! Pass `join_on_values`: a node scan run again for every row before it, under a filter
//! that equates a value of the scanned node with a value of that row
//! (`MATCH (a:X), (b:Y) WHERE a.k = b.k`, `UNWIND $names AS x MATCH (o:Org {name: x})`),
//! becomes a `ValueHashJoin`: the scan runs once, its nodes kept in a hash table by their
//! side of the equality, and each row meets only the nodes whose value equals its own.
//! A nested loop tests every pair (rows × nodes); the join reads each side once, so it is
//! chosen whenever the rows before the scan are estimated at two or more.
//!
//! The scan's conditions on the node alone move into the build side, so that only the
//! nodes passing them are kept; the others stay in a filter above the join.
//! With no such equality but conditions on the node alone (`MATCH (c:Country) WHERE
//! c.year < 1910 MATCH (o:Organization) WHERE o.year = $year`), the scan becomes the build
//! side of a hash join on no key, a cartesian product (EXPLAIN `CartesianProduct`): its
//! conditions are tested once per node, not once per row and node. A key index
//! or range index on the property is already used by a seek per row (`start.rs`), so
//! this pass only sees properties without one.
//! A chain of expansions from such a scan, under a filter equating a value it binds with
//! a value of the row, is joined the same way, the chain run once (`join_chains.rs`).

use std::collections::HashSet;

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, ExprKind, LabelRef, Slot};
use crate::error::Result;
use crate::planner::build::{boxed, with_filter};
use crate::planner::cardinality::plan_rows;
use crate::planner::predicates::{conjunction, conjuncts, fixed_before, free_slots};
use crate::planner::stats::Statistics;
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

/// Below this many estimated rows before the scan, the nested loop is kept: one row
/// scans once either way, and the join would also build a table.
const MIN_PROBE_ROWS: f64 = 2.0;

pub fn join_on_values(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| Ok(join(op, ctx.stats)))
}

/// `op` as a `ValueHashJoin` when it is a filter with a join equality over a node scan
/// repeated per input row, and the join is estimated cheaper; else `op` unchanged.
fn join(op: LogicalOp, stats: &dyn Statistics) -> LogicalOp {
    let LogicalOp::Filter { input, predicate } = op else { return op };
    let LogicalOp::NodeScan { input: probe, slot, label } = *input else {
        // A chain of expansions from such a scan joins the same way (`join_chains.rs`).
        return super::join_chains::join_chain(*input, predicate, stats)
            .unwrap_or_else(|parts| LogicalOp::Filter { input: boxed(parts.0), predicate: parts.1 });
    };
    let rejoin = |probe: Box<LogicalOp>, label: Option<LabelRef>, predicate: Expr| LogicalOp::Filter {
        input: boxed(LogicalOp::NodeScan { input: probe, slot, label }),
        predicate,
    };
    if matches!(*probe, LogicalOp::Start | LogicalOp::Argument) {
        return rejoin(probe, label, predicate);
    }
    let parts: Vec<Expr> = conjuncts(&predicate).into_iter().cloned().collect();
    let keys = parts.iter().enumerate().find_map(|(i, c)| join_keys(c, slot).map(|(p, b)| (i, p, b)));
    if !cheaper_than_nested_loop(&probe, label.as_ref(), stats) {
        return rejoin(probe, label, predicate);
    }
    let at = keys.as_ref().map(|(at, _, _)| *at);
    let (on_node, rest): (Vec<Expr>, Vec<Expr>) =
        parts.into_iter().enumerate().filter(|(i, _)| Some(*i) != at).map(|(_, c)| c).partition(|c| {
            free_slots(c).is_some_and(|reads| reads.iter().all(|s| *s == slot) && fixed_before(c, &reads))
        });
    if keys.is_none() && on_node.is_empty() {
        // Nothing to test once per node: the nested loop reads the label as the join would.
        return rejoin(probe, label, predicate);
    }
    let scan = LogicalOp::NodeScan { input: boxed(LogicalOp::Start), slot, label };
    let build = boxed(with_filter(scan, conjunction(on_node)));
    let build_slots = vec![slot];
    let joined = match keys {
        Some((_, probe_key, build_key)) => LogicalOp::ValueHashJoin { probe, build, probe_key, build_key, build_slots },
        // No equality: a cartesian product (a hash join on no key), the scan's own
        // conditions tested once per node instead of once per row and node.
        None => LogicalOp::HashJoin { probe, build, keys: Vec::new(), build_slots, values: Vec::new() },
    };
    with_filter(joined, conjunction(rest))
}

/// `(probe side, build side)` of `condition` when it is `x = y` with one side reading
/// only `slot` (and reading it) and the other reading only what was bound before, with
/// nothing random: the value a row looks for, and the value each node is kept by.
fn join_keys(condition: &Expr, slot: Slot) -> Option<(Expr, Expr)> {
    let ExprKind::Binary(BinaryOp::Eq, lhs, rhs) = &condition.kind else { return None };
    // The slots a side reads, when it has them and calls nothing random (`fixed_before`
    // over its own slots).
    let reads = |e: &Expr| free_slots(e).filter(|reads| fixed_before(e, reads));
    let (l, r) = (reads(lhs)?, reads(rhs)?);
    let only_node = |s: &HashSet<Slot>| s.len() == 1 && s.contains(&slot);
    let before = |s: &HashSet<Slot>| !s.is_empty() && !s.contains(&slot);
    if only_node(&l) && before(&r) {
        Some(((**rhs).clone(), (**lhs).clone()))
    } else if only_node(&r) && before(&l) {
        Some(((**lhs).clone(), (**rhs).clone()))
    } else {
        None
    }
}

/// Whether hashing the scanned nodes once beats scanning them for every row of `probe`:
/// `rows × nodes` tests against `rows + nodes`.
fn cheaper_than_nested_loop(probe: &LogicalOp, label: Option<&LabelRef>, stats: &dyn Statistics) -> bool {
    let rows = plan_rows(probe, stats);
    let nodes = match label {
        Some(l) => l.id.map_or(0, |id| stats.label_count(id)),
        None => stats.node_count(),
    } as f64;
    rows >= MIN_PROBE_ROWS && rows * nodes > rows + nodes
}

#[cfg(test)]
mod tests {
    use super::super::tests::{around, assert_plan};

    #[test]
    fn join_on_values_hashes_a_scan_repeated_per_row_by_its_side_of_an_equality() {
        let (before, after) = around("join_on_values", "MATCH (p:P), (q:Q) WHERE q.id = p.x AND q.id > 0 RETURN p.id");
        assert!(before.contains("Filter q.id = p.x AND q.id > 0"), "{before}");
        assert_plan(
            &after,
            "ProduceResults [`p.id`]
             └─ Retain [`p.id`]
                └─ Project [`p.id`]
                   └─ ValueHashJoin build [q] on p.x = q.id
                      ├─ NodeByLabelScan p:P
                      │  └─ Start
                      └─ Filter q.id > 0
                         └─ NodeByLabelScan q:Q
                            └─ Start",
        );
    }

    #[test]
    fn join_on_values_runs_a_scan_with_its_own_conditions_once_as_a_cartesian_product() {
        let (_, after) = around("join_on_values", "MATCH (p:P), (q:Q) WHERE q.id > 0 AND q.id < p.x RETURN p.id");
        assert_plan(
            &after,
            "ProduceResults [`p.id`]
             └─ Retain [`p.id`]
                └─ Project [`p.id`]
                   └─ Filter q.id < p.x
                      └─ CartesianProduct build [q]
                         ├─ NodeByLabelScan p:P
                         │  └─ Start
                         └─ Filter q.id > 0
                            └─ NodeByLabelScan q:Q
                               └─ Start",
        );
    }

    #[test]
    fn join_on_values_keeps_the_nested_loop_for_one_row_or_no_equality() {
        for text in [
            "MATCH (p:P {id: 3}), (q:Q) WHERE q.id = p.x RETURN p.id",
            "MATCH (p:P), (q:Q) WHERE q.id < p.x RETURN p.id",
            "MATCH (p:P), (q:Q) WHERE q.id = q.id + p.x RETURN p.id",
        ] {
            let (before, after) = around("join_on_values", text);
            assert_eq!(before, after, "{text}");
        }
    }
}

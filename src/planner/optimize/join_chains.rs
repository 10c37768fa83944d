//! Part of pass `join_on_values`: a chain of expansions from a node scan, run again for
//! every row before it, under a filter that equates a value the chain binds with a value
//! of that row (`UNWIND range($y - 4, $y) AS y MATCH (a:Article)-[m:MENTIONS]->(c:Country)
//! WHERE m.year = y`, workload10), becomes a `ValueHashJoin` whose build side is the chain
//! run once from `Start`. The nested loop reads the whole chain for every row; the join
//! reads it once and hands each row only the chain's rows whose value equals its own.
//!
//! The chain may hold expansions (from a node it bound itself) and filters that read only
//! what it binds; its base is a node scan or a relationship type scan over the rows
//! before it, or the cartesian product `join_on_values` made of a scan with its own
//! conditions. Conditions of the
//! filter that read only the chain move into the build side; the others stay above the
//! join. Each row meets the chain's rows of its value in the chain's order, as the nested
//! loop gives them.

use std::collections::HashSet;

use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::planner::build::{boxed, with_filter};
use crate::planner::cardinality::plan_rows;
use crate::planner::predicates::{conjunction, conjuncts, fixed_before, free_slots};
use crate::planner::stats::Statistics;
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

/// Below this many estimated rows before the chain, the nested loop is kept: one row
/// reads the chain once either way, and the join would also build a table.
const MIN_PROBE_ROWS: f64 = 2.0;

/// Above this many estimated rows of the chain (run once), the nested loop is kept: the
/// join holds every row of the chain in its table, where the nested loop streams them,
/// and a chain of two hops over a big type can make tens of millions (a scan's nodes,
/// which `join_on_values` hashes, are bounded by the graph's nodes).
const MAX_BUILD_ROWS: f64 = 2_000_000.0;

/// `Filter { input, predicate }` as a `ValueHashJoin` of the rows before the chain in
/// `input` with the chain run once, when `input` is such a chain with at least one
/// expansion and `predicate` holds a join equality; `Err` gives the parts back unchanged.
pub(super) fn join_chain(
    input: LogicalOp,
    predicate: Expr,
    stats: &dyn Statistics,
) -> Result<LogicalOp, Box<(LogicalOp, Expr)>> {
    let Some(chain) = chain_slots(&input).filter(|c| c.expansions > 0) else {
        return Err(Box::new((input, predicate)));
    };
    let parts: Vec<Expr> = conjuncts(&predicate).into_iter().cloned().collect();
    let Some((at, probe_key, build_key)) =
        parts.iter().enumerate().find_map(|(i, c)| join_keys(c, &chain.slots).map(|(p, b)| (i, p, b)))
    else {
        return Err(Box::new((input, predicate)));
    };
    let (on_chain, rest): (Vec<Expr>, Vec<Expr>) = parts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, c)| c)
        .partition(|c| fixed_before(c, &chain.slots));
    // The build side holds the chain's rows that pass its own conditions (`m.year IN
    // list` beside `m.year = y`, `unwind_in.rs`).
    let kept = plan_rows(&with_filter(input.clone(), conjunction(on_chain.clone())), stats);
    if !cheaper_than_nested_loop(&input, kept, stats) {
        return Err(Box::new((input, predicate)));
    }
    let (build, probe) = detach(input);
    let build = boxed(with_filter(build, conjunction(on_chain)));
    let mut build_slots: Vec<Slot> = chain.slots.into_iter().collect();
    build_slots.sort_by_key(|s| s.0);
    let joined = LogicalOp::ValueHashJoin { probe: boxed(probe), build, probe_key, build_key, build_slots };
    Ok(with_filter(joined, conjunction(rest)))
}

/// What a chain binds, and how many expansions it holds.
struct Chain {
    slots: HashSet<Slot>,
    expansions: usize,
}

/// The chain `op` is, when it is one: expansions and filters reading only what the chain
/// binds, down to a node scan over rows bound before it (not the plan's start: then
/// there is nothing to join) or to a cartesian product whose build side is its base.
fn chain_slots(op: &LogicalOp) -> Option<Chain> {
    match op {
        LogicalOp::Expand { input, hop } => {
            let mut chain = chain_slots(input)?;
            let bound_here = |s: &Slot| chain.slots.contains(s);
            let reads_chain =
                bound_here(&hop.from) && (!hop.into || bound_here(&hop.to)) && (!hop.rel_bound || bound_here(&hop.rel));
            if !reads_chain {
                return None;
            }
            chain.slots.extend([hop.rel, hop.to]);
            chain.expansions += 1;
            Some(chain)
        }
        LogicalOp::Filter { input, predicate } => {
            let chain = chain_slots(input)?;
            fixed_before(predicate, &chain.slots).then_some(chain)
        }
        LogicalOp::NodeScan { input, slot, .. } if !matches!(**input, LogicalOp::Start | LogicalOp::Argument) => {
            Some(Chain { slots: HashSet::from([*slot]), expansions: 0 })
        }
        // A scan of a relationship type is a chain of one expansion.
        LogicalOp::RelTypeScan { input, scan, predicate }
            if !matches!(**input, LogicalOp::Start | LogicalOp::Argument) =>
        {
            let slots = HashSet::from([scan.rel, scan.start, scan.end]);
            predicate.as_ref().is_none_or(|p| fixed_before(p, &slots)).then_some(Chain { slots, expansions: 1 })
        }
        LogicalOp::HashJoin { keys, build_slots, values, .. } if keys.is_empty() && values.is_empty() => {
            Some(Chain { slots: build_slots.iter().copied().collect(), expansions: 0 })
        }
        _ => None,
    }
}

/// `(the chain run from Start, the rows before it)` of a plan `chain_slots` accepted.
fn detach(op: LogicalOp) -> (LogicalOp, LogicalOp) {
    match op {
        LogicalOp::Expand { input, hop } => {
            let (chain, probe) = detach(*input);
            (LogicalOp::Expand { input: boxed(chain), hop }, probe)
        }
        LogicalOp::Filter { input, predicate } => {
            let (chain, probe) = detach(*input);
            (LogicalOp::Filter { input: boxed(chain), predicate }, probe)
        }
        LogicalOp::NodeScan { input, slot, label } => {
            (LogicalOp::NodeScan { input: boxed(LogicalOp::Start), slot, label }, *input)
        }
        LogicalOp::RelTypeScan { input, scan, predicate } => {
            (LogicalOp::RelTypeScan { input: boxed(LogicalOp::Start), scan, predicate }, *input)
        }
        LogicalOp::HashJoin { probe, build, .. } => (*build, *probe),
        // `chain_slots` admits no other operator.
        other => (other, LogicalOp::Start),
    }
}

/// `(probe side, build side)` of `condition` when it is `x = y` with one side reading
/// only what the chain binds and the other only what was bound before it, nothing random.
fn join_keys(condition: &Expr, chain: &HashSet<Slot>) -> Option<(Expr, Expr)> {
    let ExprKind::Binary(BinaryOp::Eq, lhs, rhs) = &condition.kind else { return None };
    let reads = |e: &Expr| free_slots(e).filter(|reads| fixed_before(e, reads));
    let (l, r) = (reads(lhs)?, reads(rhs)?);
    let on_chain = |s: &HashSet<Slot>| !s.is_empty() && s.is_subset(chain);
    let before = |s: &HashSet<Slot>| !s.is_empty() && s.is_disjoint(chain);
    if on_chain(&l) && before(&r) {
        Some(((**rhs).clone(), (**lhs).clone()))
    } else if on_chain(&r) && before(&l) {
        Some(((**lhs).clone(), (**rhs).clone()))
    } else {
        None
    }
}

/// Whether running the chain once beats running it for every row before it: `rows ×
/// work` rows made against `rows + work`, `work` being the rows the chain's operators make
/// per row before it, with the chain's rows that pass its conditions (`kept`, over all
/// the rows before it) few enough to hold.
fn cheaper_than_nested_loop(chain: &LogicalOp, kept: f64, stats: &dyn Statistics) -> bool {
    let (rows, made) = chain_rows(chain, stats);
    let work = made / rows.max(1.0);
    let kept = kept / rows.max(1.0);
    rows >= MIN_PROBE_ROWS && rows * work > rows + work && kept <= MAX_BUILD_ROWS
}

/// `(the rows before the chain, the rows its operators make over them)`, estimated.
fn chain_rows(op: &LogicalOp, stats: &dyn Statistics) -> (f64, f64) {
    match op {
        LogicalOp::Expand { input, .. } | LogicalOp::Filter { input, .. } => {
            let (rows, made) = chain_rows(input, stats);
            (rows, made + plan_rows(op, stats))
        }
        LogicalOp::NodeScan { input, .. } | LogicalOp::RelTypeScan { input, .. } => {
            (plan_rows(input, stats), plan_rows(op, stats))
        }
        LogicalOp::HashJoin { probe, .. } => (plan_rows(probe, stats), plan_rows(op, stats)),
        _ => (1.0, plan_rows(op, stats)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::around;

    #[test]
    fn join_chain_runs_a_chain_repeated_per_row_once_keyed_by_its_side_of_an_equality() {
        let text = "UNWIND [3, 4, 5] AS w MATCH (p:P)-[r:R]->(q:Q) WHERE r.w = w AND q.id > 0 RETURN p.id";
        let (before, after) = around("join_on_values", text);
        assert!(!before.contains("ValueHashJoin"), "{before}");
        assert!(after.contains("ValueHashJoin build [p, r, q] on w = r.w"), "{after}");
        // The chain (here a scan of R's relationships) runs from the start; the rows
        // before it are the probe side.
        let scan = after.lines().position(|l| l.contains("RelationshipTypeScan (p)-[r:R]->(q)")).unwrap_or(0);
        assert!(after.lines().nth(scan + 1).is_some_and(|l| l.contains("Start")), "{after}");
        assert!(after.contains("Unwind w"), "{after}");
    }

    #[test]
    fn join_chain_joins_an_expansion_from_a_scan_on_its_far_node() {
        let (_, after) =
            around("join_on_values", "UNWIND [1, 2] AS w MATCH (q:Q)<-[r:R]-(p:P) WHERE p.x = w RETURN q.id");
        let join = after.lines().find(|l| l.contains("ValueHashJoin")).unwrap_or_default();
        assert!(join.contains("on w = p.x"), "{after}");
    }

    #[test]
    fn join_chain_keeps_the_nested_loop_for_one_row_a_chain_reading_the_row_or_no_equality() {
        for text in [
            // One row before the chain.
            "MATCH (x:Q {id: 1}) MATCH (p:P)-[r:R]->(q:Q) WHERE r.w = x.id RETURN p.id",
            // The expansion starts at a node the row bound.
            "UNWIND [1, 2] AS w MATCH (q:Q) WHERE q.id = w WITH q, w MATCH (q)<-[r:R]-(p:P) WHERE r.w = w RETURN p.id",
            // No equality between the chain and the row.
            "UNWIND [1, 2] AS w MATCH (p:P)-[r:R]->(q:Q) WHERE r.w > w RETURN p.id",
            // The equality reads both sides on one side.
            "UNWIND [1, 2] AS w MATCH (p:P)-[r:R]->(q:Q) WHERE r.w = w + q.id RETURN p.id",
        ] {
            let (_, after) = around("join_on_values", text);
            let joined_on_r = after.lines().any(|l| l.contains("ValueHashJoin") && l.contains("r.w"));
            assert!(!joined_on_r, "{text}\n{after}");
        }
    }
}

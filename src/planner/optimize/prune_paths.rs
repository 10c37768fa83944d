//! Pass `prune_paths`: a WHERE condition `all(k IN ks WHERE f)` (or `none(k IN ks WHERE
//! f)`, `NOT any(…)`) right over the variable-length expansion that binds `ks`, whose `f`
//! reads only `k` and what was bound before the expansion, becomes a condition of the
//! expansion's step (`Step::filters`): the search tests each relationship as it reaches
//! it and never extends a path past one that fails.
//!
//! Why: `(p {id: $x})-[ks:KNOWS*1..3]->(q) WHERE all(k IN ks WHERE k.year >= 2000)` built
//! every path of up to three hops and then threw most away; pruned, the search only walks
//! the paths that pass, and since nothing else reads `ks` any more, `count_rows` can count
//! them or their ends without building them (`count_paths.rs`).
//!
//! The answers are the same: `all(…)` is true exactly when `f` is true for every
//! relationship of the path (false or null for one makes it false or null, and the filter
//! drops the row), and a path whose prefix fails has a failing relationship itself; for
//! `none(…)`, `NOT f` must be true for each. The empty path of `*0..` passes both, as
//! before. The condition leaves the filter, which no longer reads the list.

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::planner::build::with_filter;
use crate::planner::pattern::element_filter;
use crate::planner::predicates::{conjunction, conjuncts, free_slots};
use crate::planner::{ElementFilter, LogicalOp};

pub fn prune_paths(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| Ok(prune(op)))
}

fn prune(op: LogicalOp) -> LogicalOp {
    let LogicalOp::Filter { input, predicate } = op else { return op };
    match *input {
        LogicalOp::VarExpand { input: below, mut path, into, exclude } => {
            let (steps, rest) = split_step_filters(&predicate, path.rel, path.to, None);
            path.step.filters.extend(steps);
            let op = LogicalOp::VarExpand { input: below, path, into, exclude };
            with_filter(op, conjunction(rest))
        }
        LogicalOp::BuildPath { input: below, slot, nodes, rels } => prune_named(predicate, *below, slot, nodes, rels),
        other => LogicalOp::Filter { input: Box::new(other), predicate },
    }
}

/// A filter over the path `p` built from one variable-length expansion alone
/// (`p = (a)-[*]->(b)`): `all(r IN relationships(p) WHERE f)` is a condition on each
/// relationship of the expansion's list, as `all(r IN ks WHERE f)` is (workload8's
/// `var_length_all_rel_properties`: every path of up to three hops was built, then
/// most dropped). Filters between the path and the expansion that read neither the list
/// nor the path (`b:Person` where no schema guarantees the label) are looked through:
/// they drop whole paths by their end, before or after the pruning alike.
fn prune_named(predicate: Expr, below: LogicalOp, slot: Slot, nodes: Vec<Slot>, rels: Vec<Slot>) -> LogicalOp {
    let one_expansion = |path: &crate::planner::PathSpec| {
        rels == [path.rel] && nodes.len() == 2 && nodes.contains(&path.from) && nodes.contains(&path.to)
    };
    let mut rest = None;
    let below = map_expansion(below, &mut |expand| match expand {
        LogicalOp::VarExpand { input, mut path, into, exclude } if one_expansion(&path) => {
            let (steps, others) = split_step_filters(&predicate, path.rel, path.to, Some(slot));
            path.step.filters.extend(steps);
            rest = Some(others);
            LogicalOp::VarExpand { input, path, into, exclude }
        }
        other => other,
    });
    let built = LogicalOp::BuildPath { input: Box::new(below), slot, nodes, rels };
    match rest {
        Some(rest) => with_filter(built, conjunction(rest)),
        None => LogicalOp::Filter { input: Box::new(built), predicate },
    }
}

/// The conjuncts of `predicate` that are conditions on each relationship of the list in
/// `rel` (or of `relationships(path)`, the path of that expansion alone), reading neither
/// the list, the path nor the end node `to` otherwise, and the others.
fn split_step_filters(predicate: &Expr, rel: Slot, to: Slot, path: Option<Slot>) -> (Vec<ElementFilter>, Vec<Expr>) {
    let mut steps = Vec::new();
    let mut rest = Vec::new();
    for conjunct in conjuncts(predicate) {
        let before = |s: Slot| s != rel && s != to && Some(s) != path;
        match element_filter(conjunct, &[Some(rel), path], &before).filter(|f| !f.nodes) {
            Some(filter) => steps.push(filter),
            None => rest.push(conjunct.clone()),
        }
    }
    (steps, rest)
}

/// `op` with `f` applied to the `VarExpand` at the bottom of the filters at its top, when
/// none of them reads its list (`op` unchanged otherwise).
fn map_expansion(op: LogicalOp, f: &mut dyn FnMut(LogicalOp) -> LogicalOp) -> LogicalOp {
    match list_under_filters(&op) {
        Some(list) => map_under_filters(op, list, f),
        None => op,
    }
}

/// The list slot of the `VarExpand` under the filters at the top of `op`, if any.
fn list_under_filters(op: &LogicalOp) -> Option<Slot> {
    match op {
        LogicalOp::Filter { input, .. } => list_under_filters(input),
        LogicalOp::VarExpand { path, .. } => Some(path.rel),
        _ => None,
    }
}

fn map_under_filters(op: LogicalOp, list: Slot, f: &mut dyn FnMut(LogicalOp) -> LogicalOp) -> LogicalOp {
    match op {
        LogicalOp::Filter { input, predicate } if free_slots(&predicate).is_some_and(|r| !r.contains(&list)) => {
            LogicalOp::Filter { input: Box::new(map_under_filters(*input, list, f)), predicate }
        }
        expand @ LogicalOp::VarExpand { .. } => f(expand),
        other => other,
    }
}

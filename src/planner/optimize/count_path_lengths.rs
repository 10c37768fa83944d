//! Counting variable-length paths per length without making them (part of the
//! `count_rows` pass): an aggregation over a path `p` of one variable-length relationship
//! (`MATCH p = (a)-[:T*1..3]->(b) RETURN length(p) AS hops, count(*)`) whose keys read the
//! path only through its length (`length(p)`, or `size(r)` of its list) and otherwise only
//! what was bound before it, and whose aggregates only count, becomes a `VarExpandCount`
//! per length: each input row gives one row per length with the number of its paths of
//! that length, and the counts become sums. No path, list or row per path is built.
//!
//! The search is the one `VarExpand` runs (`exec::pattern::paths`), so the paths counted
//! per length are exactly those the plain plan builds: relationship uniqueness holds
//! (counting walks per depth would count a path that takes a relationship twice).

use super::count_join::Parts;
use super::count_paths::take_var_expand;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, Slot};
use crate::planner::build::boxed;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::rewrite::sum_of;
use crate::planner::{LogicalOp, PathSpec};

/// The aggregation over counts per path length, or the parts given back.
pub fn count_path_lengths(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    // The path value, when there is one: its slot and what it is built from.
    let (below, built) = match input {
        LogicalOp::BuildPath { input, slot, nodes, rels } => (*input, Some((slot, nodes, rels))),
        other => (other, None),
    };
    let rebuild = |below: LogicalOp, built: Option<(Slot, Vec<Slot>, Vec<Slot>)>| match built {
        Some((slot, nodes, rels)) => LogicalOp::BuildPath { input: boxed(below), slot, nodes, rels },
        None => below,
    };
    let (search, path, into, exclude, predicate) = match take_var_expand(below) {
        Ok(parts) => parts,
        Err(below) => return Err(Box::new((rebuild(*below, built), keys, aggregates))),
    };
    let path_slot = built.as_ref().map(|(slot, _, _)| *slot);
    let only_this_path = built.as_ref().is_none_or(|(_, nodes, rels)| {
        *rels == [path.rel] && nodes.len() == 2 && nodes.contains(&path.from) && nodes.contains(&path.to)
    });
    let is_length = |e: &Expr| is_length(e, path_slot, path.rel);
    let not_after = [Some(path.rel), Some(path.to), path_slot];
    let fits = only_this_path
        && !aggregates.is_empty()
        && aggregates.iter().all(|a| counts(a, &path, path_slot))
        && keys.iter().all(|(_, e)| is_length(e) || reads_none(e, &not_after));
    let Some(length) = keys.iter().find(|(_, e)| is_length(e)).map(|(s, _)| *s).filter(|_| fits) else {
        let below = LogicalOp::VarExpand { input: search, path, into, exclude };
        let below = match predicate {
            Some(predicate) => LogicalOp::Filter { input: boxed(below), predicate },
            None => below,
        };
        return Err(Box::new((rebuild(below, built), keys, aggregates)));
    };
    let keys = keys
        .into_iter()
        .map(|(s, e)| if is_length(&e) { (s, slot_expr(length, e.ty, e.span)) } else { (s, e) })
        .collect();
    let slot = aggregates[0].slot;
    let counted =
        LogicalOp::VarExpandCount { input: search, path, into, exclude, predicate, slot, by_length: Some(length) };
    let sums = aggregates.into_iter().map(|a| sum_of(a, slot)).collect();
    Ok(LogicalOp::Aggregate { input: boxed(counted), keys, aggregates: sums })
}

/// `length(p)` of the path, or `size(r)` of its relationship list: the path's length.
pub(super) fn is_length(expr: &Expr, path: Option<Slot>, rel: Slot) -> bool {
    let ExprKind::Call(function, args) = &expr.kind else { return false };
    let is_slot = |s: Slot| matches!(args.as_slice(), [arg] if matches!(arg.kind, ExprKind::Slot(x) if x == s));
    match function {
        Function::Length => path.is_some_and(is_slot),
        Function::Size => is_slot(rel),
        _ => false,
    }
}

/// `count(*)`, or `count(v)` of an end of the path or of the path itself (never null).
fn counts(call: &AggregateCall, path: &PathSpec, path_slot: Option<Slot>) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => {
            !call.distinct
                && call.arg.as_ref().is_some_and(
                    |e| matches!(e.kind, ExprKind::Slot(s) if s == path.from || s == path.to || Some(s) == path_slot),
                )
        }
        _ => false,
    }
}

/// Whether `expr` reads none of `slots` (and its variables are known).
fn reads_none(expr: &Expr, slots: &[Option<Slot>]) -> bool {
    free_slots(expr).is_some_and(|reads| slots.iter().flatten().all(|s| !reads.contains(s)))
}

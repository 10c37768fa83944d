//! Counting variable-length paths without making them (part of the `count_rows` pass):
//! an aggregation right over a `VarExpand` (or over a filter on its end node only, such
//! as a label the schema does not guarantee) that reads neither the relationship list
//! nor, for a count, the far node, needs no row per path. The filter is tested once per
//! end node and input row, not once per path.
//!
//! - Only counts (`count(*)`, or `count(v)` of a node the paths always hold) and keys that
//!   read neither: `VarExpandCount` counts each input row's paths into a slot, the search
//!   building no list, row or value per path, and the counts become sums.
//! - Only aggregates that ignore repeats (`count(DISTINCT b)`, `min`, `max`, or no
//!   aggregate: a grouping) and keys and aggregates that do not read the list:
//!   `VarExpandEnds` gives each input row's distinct end nodes once.
//! - Both kinds, or counts grouped by keys that read the far node: `VarExpandEnds` with
//!   the number of paths ending at each end, and the counts become its sums
//!   (`count(*), count(DISTINCT x)` from one start over 34 million paths: one row per end).
//!
//! The search is the one `VarExpand` runs (`exec::pattern::paths`: depth first, each
//! relationship at most once per path and none of the MATCH's others), so the paths
//! counted are exactly those it would have made rows for: relationship uniqueness holds
//! as before. Counting by multiplicities over a frontier would not keep it (a path may
//! come back along a relationship it used), so it is not done.

use super::count_join::Parts;
use super::count_path_lengths::is_length;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::planner::build::boxed;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::rewrite::sum_of;
use crate::planner::{LogicalOp, PathSpec};

/// The aggregation over a path count or the distinct ends, or the parts given back.
pub fn count_paths(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    let (below, built) = split_built_path(input);
    let (below, path, into, exclude, predicate) = match take_var_expand(below) {
        Ok(parts) => parts,
        Err(below) => return Err(Box::new((rebuild_path(*below, built), keys, aggregates))),
    };
    let give_back = |built, keys, aggregates, below, path, exclude, predicate| {
        let input = LogicalOp::VarExpand { input: below, path, into, exclude };
        let input = match predicate {
            Some(predicate) => LogicalOp::Filter { input: boxed(input), predicate },
            None => input,
        };
        Err(Box::new((rebuild_path(input, built), keys, aggregates)))
    };
    // The path value, only when made of this expansion alone: then it is read through
    // its length or not at all, and need not be built.
    let path_slot = match &built {
        Some(built) if built.is_of(&path) => Some(built.slot),
        Some(_) => return give_back(built, keys, aggregates, below, path, exclude, predicate),
        None => None,
    };
    let unread = [Some(path.rel), path_slot];
    let reads_none = |e: &Expr, slots: &[Option<Slot>]| {
        free_slots(e).is_some_and(|r| slots.iter().flatten().all(|s| !r.contains(s)))
    };
    let counts = |a: &AggregateCall| match a.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => {
            !a.distinct
                && a.arg.as_ref().is_some_and(|e| matches!(e.kind, ExprKind::Slot(s) if s == path.from || s == path.to))
        }
        _ => false,
    };
    let ignores_repeats = |a: &AggregateCall| {
        (a.distinct || matches!(a.function, AggregateFunction::Min | AggregateFunction::Max))
            && a.arg.iter().chain(a.extra.iter()).all(|e| reads_none(e, &unread))
    };
    let shortest = |a: &AggregateCall| {
        a.function == AggregateFunction::Min
            && a.extra.is_none()
            && a.arg.as_ref().is_some_and(|e| is_length(e, path_slot, path.rel))
    };
    let keys_read_neither = keys.iter().all(|(_, e)| reads_none(e, &[Some(path.rel), Some(path.to), path_slot]));
    if keys_read_neither && !aggregates.is_empty() && aggregates.iter().all(counts) {
        let slot = aggregates[0].slot;
        let counted = LogicalOp::VarExpandCount { input: below, path, into, exclude, predicate, slot, by_length: None };
        let sums = aggregates.into_iter().map(|a| sum_of(a, slot)).collect();
        return Ok(LogicalOp::Aggregate { input: boxed(counted), keys, aggregates: sums });
    }
    let keys_read_no_list = keys.iter().all(|(_, e)| reads_none(e, &unread));
    if !keys_read_no_list || !aggregates.iter().all(|a| counts(a) || ignores_repeats(a) || shortest(a)) {
        return give_back(built, keys, aggregates, below, path, exclude, predicate);
    }
    // Aggregates that ignore repeats need each end once; counts beside them, or grouped
    // by the end, the number of paths ending there, summed; `min(length(p))` the fewest
    // relationships of a path ending there, the least of them per group.
    let paths = aggregates.iter().find(|a| counts(a)).map(|a| a.slot);
    let nearest = aggregates.iter().find(|a| shortest(a)).map(|a| a.slot);
    let aggregates = aggregates
        .into_iter()
        .map(|a| match (paths, nearest) {
            (Some(slot), _) if counts(&a) => sum_of(a, slot),
            (_, Some(slot)) if shortest(&a) => min_of(a, slot),
            _ => a,
        })
        .collect();
    let ends = LogicalOp::VarExpandEnds { input: below, path, into, exclude, predicate, paths, shortest: nearest };
    Ok(LogicalOp::Aggregate { input: boxed(ends), keys, aggregates })
}

/// `min(length(p))` as the least of the fewest relationships per end in `slot`.
fn min_of(call: AggregateCall, slot: Slot) -> AggregateCall {
    let arg = slot_expr(slot, Type::Int, call.span);
    AggregateCall { function: AggregateFunction::Min, distinct: false, arg: Some(arg), extra: None, ..call }
}

/// A path value built over the plan: its slot and what it is made of.
struct BuiltPath {
    slot: Slot,
    nodes: Vec<Slot>,
    rels: Vec<Slot>,
}

impl BuiltPath {
    /// Whether the path is made of the one expansion `path` alone.
    fn is_of(&self, path: &PathSpec) -> bool {
        self.rels == [path.rel]
            && self.nodes.len() == 2
            && self.nodes.contains(&path.from)
            && self.nodes.contains(&path.to)
    }
}

/// `op` without the `BuildPath` at its top, and that path, if there is one.
fn split_built_path(op: LogicalOp) -> (LogicalOp, Option<BuiltPath>) {
    match op {
        LogicalOp::BuildPath { input, slot, nodes, rels } => (*input, Some(BuiltPath { slot, nodes, rels })),
        other => (other, None),
    }
}

/// `op` with the path `built` built over it again, if there is one.
fn rebuild_path(op: LogicalOp, built: Option<BuiltPath>) -> LogicalOp {
    match built {
        Some(BuiltPath { slot, nodes, rels }) => LogicalOp::BuildPath { input: boxed(op), slot, nodes, rels },
        None => op,
    }
}

/// The parts of a `VarExpand`, under a `Filter` that reads neither its list nor a slot
/// bound after it (only its end node and what was bound before), or `op` given back.
#[allow(clippy::type_complexity)] // the variant's fields, and the filter's predicate
pub(super) fn take_var_expand(
    op: LogicalOp,
) -> Result<(Box<LogicalOp>, crate::planner::PathSpec, bool, Vec<Slot>, Option<Expr>), Box<LogicalOp>> {
    match op {
        LogicalOp::VarExpand { input, path, into, exclude } => Ok((input, path, into, exclude, None)),
        LogicalOp::Filter { input, predicate } => match *input {
            LogicalOp::VarExpand { input: below, path, into, exclude }
                if free_slots(&predicate).is_some_and(|r| !r.contains(&path.rel)) =>
            {
                Ok((below, path, into, exclude, Some(predicate)))
            }
            other => Err(boxed(LogicalOp::Filter { input: boxed(other), predicate })),
        },
        other => Err(boxed(other)),
    }
}

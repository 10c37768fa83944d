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
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot};
use crate::planner::build::boxed;
use crate::planner::predicates::free_slots;
use crate::planner::rewrite::sum_of;
use crate::planner::LogicalOp;

/// The aggregation over a path count or the distinct ends, or the parts given back.
pub fn count_paths(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    let (below, path, into, exclude, predicate) = match take_var_expand(input) {
        Ok(parts) => parts,
        Err(input) => return Err(Box::new((*input, keys, aggregates))),
    };
    let reads_none = |e: &Expr, slots: &[Slot]| free_slots(e).is_some_and(|r| slots.iter().all(|s| !r.contains(s)));
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
            && a.arg.iter().chain(a.extra.iter()).all(|e| reads_none(e, &[path.rel]))
    };
    let keys_read_neither = keys.iter().all(|(_, e)| reads_none(e, &[path.rel, path.to]));
    if keys_read_neither && !aggregates.is_empty() && aggregates.iter().all(counts) {
        let slot = aggregates[0].slot;
        let counted = LogicalOp::VarExpandCount { input: below, path, into, exclude, predicate, slot, by_length: None };
        let sums = aggregates.into_iter().map(|a| sum_of(a, slot)).collect();
        return Ok(LogicalOp::Aggregate { input: boxed(counted), keys, aggregates: sums });
    }
    let keys_read_no_list = keys.iter().all(|(_, e)| reads_none(e, &[path.rel]));
    if keys_read_no_list && aggregates.iter().all(ignores_repeats) {
        let ends = LogicalOp::VarExpandEnds { input: below, path, into, exclude, predicate, paths: None };
        return Ok(LogicalOp::Aggregate { input: boxed(ends), keys, aggregates });
    }
    if keys_read_no_list && aggregates.iter().all(|a| counts(a) || ignores_repeats(a)) {
        // Counts beside repeat-free aggregates, or grouped by the end: one row per end,
        // with the number of paths ending there, summed.
        if let Some(slot) = aggregates.iter().find(|a| counts(a)).map(|a| a.slot) {
            let aggregates = aggregates.into_iter().map(|a| if counts(&a) { sum_of(a, slot) } else { a }).collect();
            let paths = Some(slot);
            let ends = LogicalOp::VarExpandEnds { input: below, path, into, exclude, predicate, paths };
            return Ok(LogicalOp::Aggregate { input: boxed(ends), keys, aggregates });
        }
    }
    let input = LogicalOp::VarExpand { input: below, path, into, exclude };
    let input = match predicate {
        Some(predicate) => LogicalOp::Filter { input: boxed(input), predicate },
        None => input,
    };
    Err(Box::new((input, keys, aggregates)))
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

//! Pass `plan_patterns` (start and join order): each `MatchPattern` of the naive plan
//! becomes a start operator and expansions, the start and order chosen together by cost
//! (`start.rs`, `pattern.rs`), or as written when `Options` forces a start.

use std::collections::HashSet;

use super::{map_children, reads_after, Ctx};
use crate::binder::bound::Slot;
use crate::error::Result;
use crate::planner::build::Planner;
use crate::planner::cardinality::plan_rows_from;
use crate::planner::estimate::Known;
use crate::planner::LogicalOp;

pub fn plan_patterns(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    let mut known = Known::default();
    lower(plan, ctx, &mut known, &HashSet::new(), 1.0)
}

/// Inputs first, so that what the patterns say of each variable's labels and types
/// (`known`) grows in the order the query reads them, as it did when the builder planned.
/// `read_after`: the slots whose properties the operators above read for each row.
/// `argument`: the rows the `Argument` below stands for (`Planner::argument_rows`).
fn lower(
    op: LogicalOp,
    ctx: &Ctx<'_>,
    known: &mut Known,
    read_after: &HashSet<Slot>,
    argument: f64,
) -> Result<LogicalOp> {
    let below = reads_after::read_below(&op, read_after);
    let op = if matches!(op, LogicalOp::Union { .. }) {
        lower_union_parts(op, ctx, known, &below, argument)?
    } else if has_inner_plan(&op) {
        lower_with_inner(op, ctx, known, &below, argument)?
    } else {
        map_children(op, &mut |child| lower(child, ctx, known, &below, argument))?
    };
    let LogicalOp::MatchPattern { input, pattern, mut predicates, bound } = op else { return Ok(op) };
    // `UNWIND list AS y MATCH … WHERE m.year = y`: the pattern also has `m.year IN list`.
    let implied = crate::planner::unwind_in::implied_memberships(&input, &predicates, &bound);
    predicates.extend(implied);
    let mut planner = Planner {
        stats: ctx.stats,
        bound: bound.into_iter().collect::<HashSet<_>>(),
        match_rels: Vec::new(),
        known: std::mem::take(known),
        options: ctx.options,
        read_after: read_after.clone(),
        argument_rows: argument,
    };
    let planned = planner.plan_pattern(*input, &pattern, predicates);
    *known = planner.known;
    planned
}

/// Each part of a UNION from what was known before it: the parts are separate queries
/// whose variables may share slots, so a label one part gives a slot says nothing of the
/// other parts' (a second part's `(o:Organization)` in the slot of the first's
/// `(c:Country)` was taken for a node with both labels, estimated at the smaller label's
/// count, and started from the wrong end: workload11's `union_distinct_decades_whole_types`).
/// After the union only what was known before it holds, since each part binds its own.
fn lower_union_parts(
    op: LogicalOp,
    ctx: &Ctx<'_>,
    known: &mut Known,
    read_after: &HashSet<Slot>,
    argument: f64,
) -> Result<LogicalOp> {
    let before = known.clone();
    map_children(op, &mut |part| lower(part, ctx, &mut before.clone(), read_after, argument))
}

/// Operators that run their second input, an inner plan starting at an `Argument`, once
/// per row of their first.
fn has_inner_plan(op: &LogicalOp) -> bool {
    matches!(
        op,
        LogicalOp::Optional { .. }
            | LogicalOp::SemiApply { .. }
            | LogicalOp::Apply { .. }
            | LogicalOp::SubqueryValue { .. }
    )
}

/// The outer input lowered first; the inner plan then with its `Argument` standing for
/// the rows the outer input is estimated to give.
fn lower_with_inner(
    op: LogicalOp,
    ctx: &Ctx<'_>,
    known: &mut Known,
    read_after: &HashSet<Slot>,
    argument: f64,
) -> Result<LogicalOp> {
    let mut outer_rows: Option<f64> = None;
    map_children(op, &mut |child| match outer_rows {
        None => {
            let lowered = lower(child, ctx, known, read_after, argument)?;
            outer_rows = Some(plan_rows_from(&lowered, argument, ctx.stats).max(1.0));
            Ok(lowered)
        }
        Some(rows) => lower(child, ctx, known, read_after, rows),
    })
}

//! Pass `plan_patterns` (start and join order): each `MatchPattern` of the naive plan
//! becomes a start operator and expansions, the start and order chosen together by cost
//! (`start.rs`, `pattern.rs`), or as written when `Options` forces a start.

use std::collections::HashSet;

use super::{map_children, reads_after, Ctx};
use crate::binder::bound::Slot;
use crate::error::Result;
use crate::planner::build::Planner;
use crate::planner::estimate::Known;
use crate::planner::LogicalOp;

pub fn plan_patterns(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    let mut known = Known::default();
    lower(plan, ctx, &mut known, &HashSet::new())
}

/// Inputs first, so that what the patterns say of each variable's labels and types
/// (`known`) grows in the order the query reads them, as it did when the builder planned.
/// `read_after`: the slots whose properties the operators above read for each row.
fn lower(op: LogicalOp, ctx: &Ctx<'_>, known: &mut Known, read_after: &HashSet<Slot>) -> Result<LogicalOp> {
    let below = reads_after::read_below(&op, read_after);
    let op = map_children(op, &mut |child| lower(child, ctx, known, &below))?;
    let LogicalOp::MatchPattern { input, pattern, predicates, bound } = op else { return Ok(op) };
    let mut planner = Planner {
        stats: ctx.stats,
        bound: bound.into_iter().collect::<HashSet<_>>(),
        match_rels: Vec::new(),
        known: std::mem::take(known),
        options: ctx.options,
        read_after: read_after.clone(),
    };
    let planned = planner.plan_pattern(*input, &pattern, predicates);
    *known = planner.known;
    planned
}

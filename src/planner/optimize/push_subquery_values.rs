//! Pass `push_subquery_values`: an `EXISTS`, `COUNT` or `COLLECT { … }` used as a value
//! (`WHERE COUNT { (a)-[:MEMBER_OF]->() } >= 5`) is planned after the whole MATCH, so it
//! runs once per matched row, and the condition on it is checked after all of them. When
//! the subquery reads only what an earlier operator of the pattern bound, its value is
//! computed below the expansions that bind nothing it reads, where the fewest rows are
//! estimated to reach it (as `push_semi_applies` moves an EXISTS), and each condition on
//! the value then moves down to right after it.
//!
//! In `MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE COUNT { (a)-[:MEMBER_OF]->() } >= 5`
//! the count was made for each of a's acquaintances and the rows of the people with
//! fewer than five made anyway; computed after the scan of `a`, it is made once per
//! person, and only the people kept are expanded.
//!
//! A subquery value adds one slot to each row and keeps the row, so it commutes with an
//! expansion that binds nothing its inner plan reads, with a filter that does not read
//! its slot, and with another subquery (value or semi-apply) that reads neither. Every
//! comparison keeps its meaning (`= 0`, `< k`, a null count): the condition is the same
//! expression over the same value, only checked earlier. Only inner plans whose operators
//! `mentioned_slots` reads move (no write, no nested subquery).

use std::collections::HashSet;

use super::push_filters::{binds, sink_below};
use super::push_semi_applies::{mentioned_slots, place_where_fewest, toward_read_node};
use super::{map_children, Ctx};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::free_slots;
use crate::planner::stats::Statistics;
use crate::planner::LogicalOp;

pub fn push_subquery_values(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    push(plan, ctx.stats)
}

fn push(op: LogicalOp, stats: &dyn Statistics) -> Result<LogicalOp> {
    let op = map_children(op, &mut |child| push(child, stats))?;
    Ok(match op {
        LogicalOp::SubqueryValue { input, inner, kind, slot, column, memo: None } => {
            let Some(mentioned) = mentioned_slots(&inner) else {
                return Ok(LogicalOp::SubqueryValue { input, inner, kind, slot, column, memo: None });
            };
            let input = toward_read_node(*input, &mentioned, stats);
            let place = |rest| LogicalOp::SubqueryValue { input: boxed(rest), inner, kind, slot, column, memo: None };
            place_where_fewest(input, stats, &|op| crossable(op, slot, &mentioned), place)
        }
        LogicalOp::Filter { input, predicate } if over_subquery_values(&input) => {
            sink_below(*input, predicate, &binds_or_values)
        }
        other => other,
    })
}

/// Whether a subquery value into `slot` whose inner plan names `mentioned` may go below
/// `op`: a pattern operator with one input that binds none of them, a filter that does
/// not read `slot`, or another subquery that reads neither `slot` nor binds what it reads.
fn crossable(op: &LogicalOp, slot: Slot, mentioned: &HashSet<Slot>) -> bool {
    if op.children().len() != 1 {
        return false;
    }
    match op {
        LogicalOp::Filter { predicate, .. } => reads_none_of(predicate, &[slot]),
        LogicalOp::SubqueryValue { inner, slot: other, memo: None, .. } => {
            !mentioned.contains(other) && mentioned_slots(inner).is_some_and(|theirs| !theirs.contains(&slot))
        }
        LogicalOp::SemiApply { inner, memo: None, .. } => {
            mentioned_slots(inner).is_some_and(|theirs| !theirs.contains(&slot))
        }
        _ => binds(op).is_some_and(|slots| slots.iter().all(|s| !mentioned.contains(s))),
    }
}

fn reads_none_of(predicate: &Expr, slots: &[Slot]) -> bool {
    free_slots(predicate).is_some_and(|read| slots.iter().all(|s| !read.contains(s)))
}

/// Whether a filter over `op` has a subquery value below it, past other subqueries,
/// filters and pattern operators: the filter's conditions on that value may move down to it.
fn over_subquery_values(op: &LogicalOp) -> bool {
    match op {
        LogicalOp::SubqueryValue { .. } => true,
        LogicalOp::SemiApply { input, .. } | LogicalOp::Filter { input, .. } => over_subquery_values(input),
        _ if op.children().len() == 1 && binds(op).is_some() => op.children().into_iter().any(over_subquery_values),
        _ => false,
    }
}

/// The slots `op` sets on each row it passes on, for the pattern operators (`binds`),
/// a subquery value (its slot) and a semi-apply (none: it only drops rows); `None` for
/// any other operator, where a condition stops.
fn binds_or_values(op: &LogicalOp) -> Option<Vec<Slot>> {
    match op {
        LogicalOp::SubqueryValue { slot, .. } => Some(vec![*slot]),
        LogicalOp::SemiApply { .. } => Some(Vec::new()),
        other => binds(other),
    }
}

//! Pass `unwind_collected`: a list collected per group and unwound right after
//! (`WITH c, collect(s.year) AS ys UNWIND ys AS y`) gives back the rows it was made of,
//! less those whose value was null. When nothing after the UNWIND reads the list, the
//! aggregation and the UNWIND become one projection of the keys and the value per row,
//! and a filter dropping nulls: no group is built, and the passes after see a plain
//! pipeline over the pattern (workload13's sent_years_unwound_recent built 2,000 lists of
//! 200,000 years at M, then unwound them).
//!
//! Why the answers stay:
//! - `collect` skips nulls and keeps every other value once per row, so the unwound rows
//!   are the input rows whose value is not null, each with its group's keys;
//! - a group's key is the key of each of its rows only when values that group together
//!   are the same value: nodes, relationships, paths, booleans, integers and strings
//!   (`1` and `1.0` group together, and the group would show the first), so keys of
//!   other or unknown types keep the aggregation;
//! - the rows come in the input's order rather than group by group: without an ORDER BY
//!   no order is promised, and an ORDER BY after sorts them anyway;
//! - the keys and the value are computed for the same rows as the aggregation computed
//!   them, so the same errors are raised;
//! - between the aggregation and the UNWIND only scope boundaries, projections and
//!   filters that do not read the list may stand, and nothing after reads it.

use std::collections::HashSet;

use super::prune_projections::needed_below;
use super::{map_children, Ctx};
use crate::binder::bound::{AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::group_fold::reads_any;
use crate::planner::LogicalOp;

pub fn unwind_collected(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite(plan, None)
}

/// `op` rewritten, when `needed` (`None`: unknown) is what the operators above read.
fn rewrite(op: LogicalOp, needed: Option<HashSet<Slot>>) -> Result<LogicalOp> {
    let op = match op {
        LogicalOp::Unwind { input, expr, slot } => match unwound_list(&expr, needed.as_ref()) {
            // The rows come back as a WITH would give them (`WITH c, s.year AS y WHERE y IS
            // NOT NULL`): the filter over the scope boundary, where the passes after look.
            Some(list) => match unnest(&input, list, slot) {
                Some((unnested, value)) => {
                    LogicalOp::Filter { input: Box::new(unnested), predicate: is_not_null(slot, &value) }
                }
                None => LogicalOp::Unwind { input, expr, slot },
            },
            None => LogicalOp::Unwind { input, expr, slot },
        },
        other => other,
    };
    let below = needed_below(&op, needed);
    map_children(op, &mut |child| rewrite(child, below.clone()))
}

/// The list slot an UNWIND reads, when nothing above it reads the list too.
fn unwound_list(expr: &Expr, needed: Option<&HashSet<Slot>>) -> Option<Slot> {
    let ExprKind::Slot(list) = expr.kind else { return None };
    needed.filter(|n| !n.contains(&list)).map(|_| list)
}

/// The operators from the UNWIND's input down to the aggregation that collects `list`,
/// with the aggregation and the UNWIND into `each` made a projection per row, and the
/// value collected.
fn unnest(op: &LogicalOp, list: Slot, each: Slot) -> Option<(LogicalOp, Expr)> {
    match op {
        LogicalOp::Retain { input, slots } if slots.contains(&list) => {
            let (input, value) = unnest(input, list, each)?;
            let slots = slots.iter().map(|&s| if s == list { each } else { s }).collect();
            Some((LogicalOp::Retain { input: Box::new(input), slots }, value))
        }
        LogicalOp::Project { input, items } => {
            // The list under another name: a copy of the collect's slot (`WITH c, ys`).
            let source = items.iter().find(|(slot, _)| *slot == list).map(|(_, e)| &e.kind);
            let below = match source {
                Some(ExprKind::Slot(source)) => *source,
                Some(_) => return None,
                None => list,
            };
            let others: Vec<(Slot, Expr)> = items.iter().filter(|(slot, _)| *slot != list).cloned().collect();
            if others.iter().any(|(_, e)| reads_any(e, &[list, below])) {
                return None;
            }
            let (input, value) = unnest(input, below, each)?;
            if others.is_empty() {
                return Some((input, value));
            }
            Some((LogicalOp::Project { input: Box::new(input), items: others }, value))
        }
        LogicalOp::Filter { input, predicate } if !reads_any(predicate, &[list]) => {
            let (input, value) = unnest(input, list, each)?;
            Some((LogicalOp::Filter { input: Box::new(input), predicate: predicate.clone() }, value))
        }
        LogicalOp::Aggregate { input, keys, aggregates } => {
            let [call] = aggregates.as_slice() else { return None };
            let collects = call.function == AggregateFunction::Collect && !call.distinct && call.extra.is_none();
            if !collects || call.slot != list || !keys.iter().all(|(_, k)| k.ty.equal_means_identical()) {
                return None;
            }
            let value = call.arg.clone()?;
            // A key that is a variable of the input is there already (`c`).
            let mut items: Vec<(Slot, Expr)> =
                keys.iter().filter(|(slot, k)| k.kind != ExprKind::Slot(*slot)).cloned().collect();
            items.push((each, value.clone()));
            Some((LogicalOp::Project { input: input.clone(), items }, value))
        }
        _ => None,
    }
}

/// `each IS NOT NULL`, placed where `value` was.
fn is_not_null(each: Slot, value: &Expr) -> Expr {
    let slot = Expr { kind: ExprKind::Slot(each), ty: value.ty, span: value.span };
    Expr { kind: ExprKind::IsNull { expr: Box::new(slot), negated: true }, ty: Type::Bool, span: value.span }
}

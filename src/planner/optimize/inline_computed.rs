//! Pass `inline_computed`: a projection (`WITH *, m.year - a.year AS lag`) whose values are
//! read only by the filters and the aggregation right above it (`WHERE lag > 60 RETURN
//! c.name, max(lag)`) leaves the plan. Its copies are read from the slots they copy, and
//! each computed value is written into its readers (`m.year - a.year > 60`,
//! `max(m.year - a.year)`), so the filter joins the one below it (a condition of the
//! expansion, compiled as a column program: `predicate/`), the aggregation sits right over
//! the pattern (where `fold_groups` folds it), and no row is made per input.
//!
//! It holds when:
//! - between the projection and the aggregation there are only filters and retains (the
//!   scope of the WITH), and no condition holds a pattern or a subquery;
//! - each computed value is cheap and deterministic (properties, literals, arithmetic,
//!   comparisons, `CASE`, a few scalar functions: never `rand()`), and read at most
//!   [`MAX_READS`] times, since each read computes it again;
//! - no aggregation key is a bare variable of the projection (the aggregation writes such
//!   a key into the variable's own slot too, for the items after it);
//! - errors stay where they were: at most one computed value can fail, and then the first
//!   filter above computes it before anything else that could fail or drop the row
//!   (`WHERE lag > 60 AND …`), so each row raises the error the projection raised; the
//!   later reads compute it again on rows where it already succeeded, and it is
//!   deterministic. A value that can fail and is read by nothing stays.
//!
//! The aggregation makes new rows of its keys and aggregates only, so the retains below it
//! (which cleared what the WITH did not keep) are dropped with the projection.

use std::collections::{HashMap, HashSet};

use super::never_fails::never_fails;
use super::{rewrite_up, Ctx};
use crate::binder::bound::{AggregateCall, Expr, ExprKind, Function, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::{conjunction, conjuncts, free_slots};
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

/// Each computed value is computed again at each read: no more than this many.
const MAX_READS: usize = 3;

/// Expressions larger than this (in nodes) are computed once, in the projection.
const MAX_NODES: usize = 16;

pub fn inline_computed(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| Ok(inline_into_aggregate(op)))
}

/// `op` without the projections below it, when `op` is an aggregation they may be inlined
/// into: one at a time, so that a WITH of copies over a WITH of computed values
/// (`WITH c, y WHERE …` after `WITH c, s.year AS y`) goes too.
fn inline_into_aggregate(op: LogicalOp) -> LogicalOp {
    let mut op = op;
    loop {
        let LogicalOp::Aggregate { input, keys, aggregates } = op else { return op };
        match inlined(&input, &keys, &aggregates) {
            Some(rewritten) => op = rewritten,
            None => return LogicalOp::Aggregate { input, keys, aggregates },
        }
    }
}

/// The operators between an aggregation and the projection below it, top first.
struct Chain<'p> {
    filters: Vec<&'p Expr>,
    items: &'p [(Slot, Expr)],
    below: &'p LogicalOp,
}

/// The chain below `input` down to a projection: filters and retains only.
fn chain(input: &LogicalOp) -> Option<Chain<'_>> {
    let mut filters = Vec::new();
    let mut op = input;
    loop {
        match op {
            LogicalOp::Retain { input, .. } => op = input,
            LogicalOp::Filter { input, predicate } => {
                filters.push(predicate);
                op = input;
            }
            LogicalOp::Project { input, items } => return Some(Chain { filters, items, below: input }),
            _ => return None,
        }
    }
}

/// The aggregation rewritten over the projection's input, or `None` where the rule does
/// not hold.
fn inlined(input: &LogicalOp, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> Option<LogicalOp> {
    let chain = chain(input)?;
    let projected: HashMap<Slot, &Expr> = chain.items.iter().map(|(slot, e)| (*slot, e)).collect();
    if !items_inline(chain.items) || keys.iter().any(|(_, e)| bare_slot_of(e, &projected)) {
        return None;
    }
    let readers = readers(&chain.filters, keys, aggregates)?;
    if !reads_allowed(chain.items, &readers, &chain.filters) {
        return None;
    }
    let substitute = |e: &Expr| substituted(e, &projected);
    // Filters apply bottom first: the lowest one (the WITH's WHERE) joins a filter below.
    let mut below = chain.below.clone();
    for predicate in chain.filters.iter().rev() {
        below = with_filter(below, substitute(predicate));
    }
    let keys = keys.iter().map(|(slot, e)| (*slot, substitute(e))).collect();
    let aggregates = aggregates
        .iter()
        .map(|a| AggregateCall {
            arg: a.arg.as_ref().map(substitute),
            extra: a.extra.as_ref().map(substitute),
            ..a.clone()
        })
        .collect();
    Some(LogicalOp::Aggregate { input: boxed(below), keys, aggregates })
}

/// `predicate` applied to the rows of `op`, joined after the conditions of a filter right
/// there (they were checked first before, too).
fn with_filter(op: LogicalOp, predicate: Expr) -> LogicalOp {
    match op {
        LogicalOp::Filter { input, predicate: first } => {
            let mut parts: Vec<Expr> = conjuncts(&first).into_iter().cloned().collect();
            parts.extend(conjuncts(&predicate).into_iter().cloned());
            match conjunction(parts) {
                Some(predicate) => LogicalOp::Filter { input, predicate },
                None => LogicalOp::Filter { input, predicate: first },
            }
        }
        other => LogicalOp::Filter { input: boxed(other), predicate },
    }
}

/// Whether every item is a copy of a slot or a value that may be computed where it is
/// read, and no item writes a slot another item reads (the copies then still read what
/// they read below the projection).
fn items_inline(items: &[(Slot, Expr)]) -> bool {
    let written: HashSet<Slot> = items.iter().map(|(slot, _)| *slot).collect();
    items.iter().all(|(slot, e)| {
        let reads = free_slots(e).unwrap_or_default();
        let clobbered = reads.iter().any(|r| written.contains(r) && r != slot)
            || (reads.contains(slot) && !matches!(e.kind, ExprKind::Slot(_)));
        !clobbered && (matches!(e.kind, ExprKind::Slot(_)) || inlinable(e))
    })
}

/// A key that is bare one of the projection's variables.
fn bare_slot_of(e: &Expr, projected: &HashMap<Slot, &Expr>) -> bool {
    matches!(e.kind, ExprKind::Slot(slot) if projected.contains_key(&slot))
}

/// Every expression above the projection that may read it: the filters' conditions, top
/// first, then the keys and aggregates; `None` when one holds a pattern or a subquery.
fn readers<'e>(
    filters: &[&'e Expr],
    keys: &'e [(Slot, Expr)],
    aggregates: &'e [AggregateCall],
) -> Option<Vec<&'e Expr>> {
    let mut all: Vec<&Expr> = filters.to_vec();
    all.extend(keys.iter().map(|(_, e)| e));
    all.extend(aggregates.iter().flat_map(|a| a.arg.iter().chain(a.extra.iter())));
    all.iter().all(|e| free_slots(e).is_some()).then_some(all)
}

/// Whether each computed item is read few enough times, and errors keep their place: at
/// most one item can fail, and the first filter above the projection (the last of
/// `filters`) computes it first.
fn reads_allowed(items: &[(Slot, Expr)], readers: &[&Expr], filters: &[&Expr]) -> bool {
    let mut failing = items.iter().filter(|(_, e)| !never_fails(e));
    let first_failing = failing.next();
    if failing.next().is_some() {
        return false;
    }
    let computed = items.iter().filter(|(_, e)| !matches!(e.kind, ExprKind::Slot(_)));
    let few_reads =
        computed.clone().all(|(slot, _)| readers.iter().map(|e| reads_of(e, *slot)).sum::<usize>() <= MAX_READS);
    let errors_kept = match first_failing {
        None => true,
        Some((slot, _)) => filters.last().is_some_and(|first| computed_first(first, *slot)),
    };
    few_reads && errors_kept
}

/// How many times `e` reads `slot`.
fn reads_of(e: &Expr, slot: Slot) -> usize {
    let mut n = 0;
    e.visit(&mut |e| n += usize::from(e.kind == ExprKind::Slot(slot)));
    n
}

/// Whether evaluating `e` always reads `slot` before anything that could fail or decide
/// the answer without it (AND and OR evaluate their left side first, other operators both
/// sides left to right).
fn computed_first(e: &Expr, slot: Slot) -> bool {
    match &e.kind {
        ExprKind::Slot(s) => *s == slot,
        ExprKind::Binary(BinaryOp::And | BinaryOp::Or, left, _) => computed_first(left, slot),
        ExprKind::Binary(_, left, right) => {
            computed_first(left, slot) || (never_fails(left) && computed_first(right, slot))
        }
        ExprKind::Unary(_, inner) | ExprKind::IsNull { expr: inner, .. } => computed_first(inner, slot),
        _ => false,
    }
}

/// `e` with each slot the projection wrote replaced by the expression written there.
fn substituted(e: &Expr, projected: &HashMap<Slot, &Expr>) -> Expr {
    let mut e = e.clone();
    e.rewrite(&mut |e| match e.kind {
        ExprKind::Slot(slot) => projected.get(&slot).map(|by| (*by).clone()),
        _ => None,
    });
    e
}

/// A value cheap and deterministic enough to compute at each read.
fn inlinable(e: &Expr) -> bool {
    let mut nodes = 0;
    let mut plain = true;
    e.visit(&mut |e| {
        nodes += 1;
        plain &= plain_node(e);
    });
    plain && nodes <= MAX_NODES
}

/// One node of an inlinable expression.
fn plain_node(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(_) | ExprKind::Slot(_) | ExprKind::Unary(..) | ExprKind::Binary(..) => true,
        ExprKind::IsNull { .. } | ExprKind::Case { .. } | ExprKind::HasLabels(..) => true,
        ExprKind::Property(owner, _) => matches!(owner.kind, ExprKind::Slot(_)),
        ExprKind::Call(function, _) => pure_function(*function),
        _ => false,
    }
}

/// Scalar functions whose value depends on their arguments alone.
fn pure_function(function: Function) -> bool {
    use Function as F;
    matches!(
        function,
        F::Id
            | F::Type
            | F::Coalesce
            | F::ToInteger
            | F::ToFloat
            | F::ToString
            | F::Abs
            | F::Ceil
            | F::Floor
            | F::Round
            | F::Sign
            | F::ToUpper
            | F::ToLower
            | F::Trim
            | F::Size
            | F::StartNode
            | F::EndNode
    )
}

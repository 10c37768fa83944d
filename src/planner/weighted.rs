//! Aggregates weighted by a count per row (factorised aggregation): when the last hop of
//! a plan is counted per input row (`ExpandCount`, `OptionalExpandCount`, a degree)
//! instead of making a row per relationship, the aggregates above it see one row with
//! the number of rows it stands for. This module rewrites each aggregate to give over
//! those rows what it gave over the flattened ones, or says that it cannot.
//!
//! With `w` the number of the hop's matches of a row (in the weight slot):
//! - `count(*)` and `count(v)` of a variable the hop binds: `sum(w)`; under OPTIONAL
//!   MATCH, `count(*)` counts the row of nulls a row without a match gives (`w` = 0 is 1);
//! - `count(x)` of an expression bound before the hop: `sum(CASE WHEN x IS NULL THEN 0
//!   ELSE rows END)`, `rows` being what the row stands for (`w`, or 1 at least under
//!   OPTIONAL MATCH);
//! - aggregates that ignore repeats (any DISTINCT one, `min`, `max`) of expressions bound
//!   before the hop stay as they are: a row stands for one or more equal values, and under
//!   plain MATCH the counting operator drops the rows with no match, which give none.
//!
//! Every other aggregate does not decompose over the count alone, and refuses the rewrite:
//! `count(DISTINCT c)`, `min(c.x)`, `collect(x)` of what the hop binds (they need its
//! values), `sum` and `avg` (a float summed `w` times is not `w` times it, rounding apart),
//! `collect` of earlier values (its length is the rows').

use super::predicates::{free_slots, slot_expr};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

/// Whether the counted rows are those of an OPTIONAL MATCH (a row without a match still
/// gives one row, of nulls) or of a plain one (it gives none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    Plain,
    Optional,
}

/// `aggregates` over rows that each stand for the number of matches in `weight` of a hop
/// binding the variables `new`, or `None` when one of them does not decompose.
pub fn weighted(
    aggregates: &[AggregateCall],
    new: &[Slot],
    weight: Slot,
    matching: Matching,
) -> Option<Vec<AggregateCall>> {
    aggregates.iter().map(|a| weighted_one(a, new, weight, matching)).collect()
}

/// Whether each aggregate decomposes and at least one of them counts (else nothing needs
/// the count, and the hop's rows are only a semi-join, which `rewrite.rs` handles).
pub fn decomposes(aggregates: &[AggregateCall], new: &[Slot]) -> bool {
    let counts = aggregates.iter().any(|a| counted(a, new).is_some());
    counts && aggregates.iter().all(|a| counted(a, new).is_some() || ignores_repeats(a, new))
}

/// What one aggregate counts, when it is a plain count.
enum Counted<'a> {
    /// Every row: `count(*)`, or `count(v)` of a variable the hop binds (never null on a
    /// match, null on the row of nulls).
    Matches { star: bool },
    /// The rows where this expression, bound before the hop, is not null.
    Earlier(&'a Expr),
}

fn counted<'a>(call: &'a AggregateCall, new: &[Slot]) -> Option<Counted<'a>> {
    match call.function {
        AggregateFunction::CountStar => Some(Counted::Matches { star: true }),
        AggregateFunction::Count if !call.distinct => {
            let arg = call.arg.as_ref()?;
            match arg.kind {
                ExprKind::Slot(s) if new.contains(&s) => Some(Counted::Matches { star: false }),
                _ if reads_none_of(arg, new) => Some(Counted::Earlier(arg)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A DISTINCT aggregate, `min` or `max`, reading none of `new` (what the hop binds; for
/// `count_join.rs`, what a join's build side binds): rows that repeat give it nothing new.
pub(crate) fn ignores_repeats(call: &AggregateCall, new: &[Slot]) -> bool {
    let kind = call.distinct || matches!(call.function, AggregateFunction::Min | AggregateFunction::Max);
    kind && call.arg.iter().chain(call.extra.iter()).all(|e| reads_none_of(e, new))
}

pub(crate) fn reads_none_of(expr: &Expr, new: &[Slot]) -> bool {
    free_slots(expr).is_some_and(|reads| new.iter().all(|s| !reads.contains(s)))
}

fn weighted_one(call: &AggregateCall, new: &[Slot], weight: Slot, matching: Matching) -> Option<AggregateCall> {
    let w = slot_expr(weight, Type::Int, call.span);
    let summed = match counted(call, new) {
        Some(Counted::Matches { star: false }) => w,
        Some(Counted::Matches { star: true }) => rows_of(w, matching),
        Some(Counted::Earlier(x)) => unless_null(x, rows_of(w, matching)),
        None if ignores_repeats(call, new) => return Some(call.clone()),
        None => return None,
    };
    Some(sum_instead(call, summed))
}

/// `call` (a count) as the `sum` of `summed`, each row standing for that many.
pub(crate) fn sum_instead(call: &AggregateCall, summed: Expr) -> AggregateCall {
    AggregateCall { function: AggregateFunction::Sum, distinct: false, arg: Some(summed), extra: None, ..call.clone() }
}

/// The number of rows a counted row stands for: its matches, or under OPTIONAL MATCH one
/// at least (`CASE WHEN w = 0 THEN 1 ELSE w END`).
fn rows_of(w: Expr, matching: Matching) -> Expr {
    if matching == Matching::Plain {
        return w;
    }
    let span = w.span;
    let is_zero = Expr {
        kind: ExprKind::Binary(BinaryOp::Eq, Box::new(w.clone()), Box::new(int(0, w.span))),
        ty: Type::Bool,
        span,
    };
    Expr {
        kind: ExprKind::Case { subject: None, whens: vec![(is_zero, int(1, span))], otherwise: Some(Box::new(w)) },
        ty: Type::Int,
        span,
    }
}

/// `CASE WHEN x IS NULL THEN 0 ELSE rows END`.
pub(crate) fn unless_null(x: &Expr, rows: Expr) -> Expr {
    let span = rows.span;
    let is_null = Expr { kind: ExprKind::IsNull { expr: Box::new(x.clone()), negated: false }, ty: Type::Bool, span };
    Expr {
        kind: ExprKind::Case { subject: None, whens: vec![(is_null, int(0, span))], otherwise: Some(Box::new(rows)) },
        ty: Type::Int,
        span,
    }
}

fn int(n: i64, span: crate::span::Span) -> Expr {
    Expr { kind: ExprKind::Literal(Value::Int(n)), ty: Type::Int, span }
}

//! How `fold_collected_lists` folds `any`, `all` and `none(y IN list WHERE c)` over a
//! collected list: each collected value's verdict (`c` on it: true, false, or null, as
//! the quantifier counts it) is coded as an integer, `2`, `0` or `1`, and the group keeps
//! the greatest code (`any`, `none`) or the least (`all`) instead of the list.
//! The quantifier's answer is read back from that one value, the codes ordered so that:
//! - `any`: a true verdict (2) answers true; else a null one (1) answers null; else false,
//!   also for a group that collected nothing (no code at all);
//! - `none`: the negation of `any`'s answer;
//! - `all`: a false verdict (0) answers false; else a null one (1) null; else true.
//!
//! These are the answers `exec::expr::quantifier` gives over the list (a verdict neither
//! true nor null counts as false there, as a `CASE` test does here). `single` needs the
//! number of true verdicts, which one code cannot carry, and is not folded.

use std::collections::HashMap;

use crate::binder::bound::{AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::syntax::ast::QuantifierKind;
use crate::value::Value;

/// A folded quantifier: its kind and its element variable's slot.
#[derive(Clone, Copy)]
pub(super) struct Quantified {
    kind: QuantifierKind,
    element: Slot,
}

/// The codes of the verdicts.
const FALSE: i64 = 0;
const NULL: i64 = 1;
const TRUE: i64 = 2;

impl Quantified {
    /// The fold of a quantifier of `kind` over element `element`; `None` for `single`.
    pub(super) fn of(kind: QuantifierKind, element: Slot) -> Option<Quantified> {
        (kind != QuantifierKind::Single).then_some(Quantified { kind, element })
    }

    /// The aggregate over the codes: the greatest for `any` and `none`, the least for `all`.
    pub(super) fn function(&self) -> AggregateFunction {
        match self.kind {
            QuantifierKind::All => AggregateFunction::Min,
            _ => AggregateFunction::Max,
        }
    }

    /// The slot of the element variable, which only the quantifier read.
    pub(super) fn element(&self) -> Slot {
        self.element
    }

    /// The quantifier's answer from `code`, the aggregate's value (null for no value).
    pub(super) fn answer(&self, code: Expr) -> Expr {
        let span = code.span;
        let (decisive, then, otherwise) = match self.kind {
            QuantifierKind::All => (FALSE, false, true),
            QuantifierKind::None => (TRUE, false, true),
            _ => (TRUE, true, false),
        };
        let literal = |value: Value, ty: Type| Expr { kind: ExprKind::Literal(value), ty, span };
        let whens = vec![
            (literal(Value::Int(decisive), Type::Int), literal(Value::Bool(then), Type::Bool)),
            (literal(Value::Int(NULL), Type::Int), literal(Value::Null, Type::Bool)),
        ];
        let otherwise = Some(Box::new(literal(Value::Bool(otherwise), Type::Bool)));
        Expr { kind: ExprKind::Case { subject: Some(Box::new(code)), whens, otherwise }, ty: Type::Bool, span }
    }
}

/// The code of `verdict` for a row whose collected value is `x`: null when `x` is null (the
/// list held no such value), else 2, 0 or 1 (true, neither true nor null, null).
pub(super) fn verdict_code(verdict: &Expr, x: &Expr) -> Expr {
    let span = verdict.span;
    let int = |n: i64| Expr { kind: ExprKind::Literal(Value::Int(n)), ty: Type::Int, span };
    let is_null =
        |e: &Expr| Expr { kind: ExprKind::IsNull { expr: Box::new(e.clone()), negated: false }, ty: Type::Bool, span };
    let null = Expr { kind: ExprKind::Literal(Value::Null), ty: Type::Int, span };
    let whens = vec![(is_null(x), null), (verdict.clone(), int(TRUE)), (is_null(verdict), int(NULL))];
    Expr { kind: ExprKind::Case { subject: None, whens, otherwise: Some(Box::new(int(FALSE))) }, ty: Type::Int, span }
}

/// The keys of an aggregation a quantifier's condition may read, each with the expression
/// that gives it on the rows aggregated: those whose rows in one group all hold the very
/// same value (a node, a relationship, an integer, a string, a boolean; not a float,
/// whose `1.0` groups with `1`, nor a list of such), and which read no subquery and
/// call nothing random.
pub(super) fn readable_keys(keys: &[(Slot, Expr)]) -> HashMap<Slot, Expr> {
    let exact = |e: &Expr| matches!(e.ty, Type::Node | Type::Relationship | Type::Int | Type::String | Type::Bool);
    let plain =
        |e: &Expr| crate::planner::predicates::free_slots(e).is_some() && !crate::planner::group_fold::varies(e);
    keys.iter().filter(|(_, e)| exact(e) && plain(e)).map(|(slot, e)| (*slot, e.clone())).collect()
}

/// The slot of the code an `any` answer reads, when `e` is exactly the answer
/// [`Quantified::answer`] makes for `any` (`CASE code WHEN 2 THEN true WHEN 1 THEN null
/// ELSE false END`).
pub(super) fn any_answer_of(e: &Expr) -> Option<Slot> {
    let ExprKind::Case { subject: Some(code), whens, otherwise: Some(otherwise) } = &e.kind else { return None };
    let ExprKind::Slot(slot) = code.kind else { return None };
    let [(two, t), (one, null)] = &whens[..] else { return None };
    let answers_any = is_int(two, TRUE)
        && is_bool(t, true)
        && is_int(one, NULL)
        && is_null_literal(null)
        && is_bool(otherwise, false);
    answers_any.then_some(slot)
}

/// The collected value and the verdict of a verdict code made by [`verdict_code`]
/// (`CASE WHEN x IS NULL THEN null WHEN c THEN 2 WHEN c IS NULL THEN 1 ELSE 0 END`).
pub(super) fn code_parts(code: &Expr) -> Option<(&Expr, &Expr)> {
    let ExprKind::Case { subject: None, whens, otherwise: Some(otherwise) } = &code.kind else { return None };
    let [(x_null, null), (verdict, two), (verdict_null, one)] = &whens[..] else { return None };
    let x = is_null_of(x_null)?;
    let coded = is_null_literal(null)
        && is_int(two, TRUE)
        && is_int(one, NULL)
        && is_int(otherwise, FALSE)
        && is_null_of(verdict_null) == Some(verdict);
    coded.then_some((x, verdict))
}

fn is_int(e: &Expr, n: i64) -> bool {
    matches!(e.kind, ExprKind::Literal(Value::Int(m)) if m == n)
}

fn is_bool(e: &Expr, b: bool) -> bool {
    matches!(e.kind, ExprKind::Literal(Value::Bool(c)) if c == b)
}

fn is_null_literal(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Literal(Value::Null))
}

/// `e` of `e IS NULL`.
fn is_null_of(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::IsNull { expr, negated: false } => Some(expr),
        _ => None,
    }
}

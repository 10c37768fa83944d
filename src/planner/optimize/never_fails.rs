//! Whether an expression can raise an error whatever the values it reads, for the
//! rewrites that move an expression to where it is evaluated on other rows or in
//! another order (`fold_collected_lists`, `inline_computed`): such a move may not make a
//! statement fail that did not, nor fail at another place.

use crate::binder::bound::{Expr, ExprKind, Function, Type};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::value::Value;

/// Whether evaluating `e` can raise no error whatever the values it reads: literals,
/// variables, a property of a node or relationship variable, `IS NULL`, comparisons of
/// those, boolean operators over such tests, and a `CASE` whose tests are such and whose
/// results are too.
pub(in crate::planner) fn never_fails(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(_) | ExprKind::Slot(_) => true,
        ExprKind::Property(owner, _) => {
            matches!(owner.kind, ExprKind::Slot(_)) && matches!(owner.ty, Type::Node | Type::Relationship)
        }
        ExprKind::IsNull { expr, .. } => never_fails(expr),
        ExprKind::List(items) => items.iter().all(never_fails),
        ExprKind::Binary(op, a, b) if is_comparison(*op) => never_fails(a) && never_fails(b),
        ExprKind::Binary(BinaryOp::In, a, b) => never_fails(a) && is_list(b),
        ExprKind::Binary(BinaryOp::And | BinaryOp::Or | BinaryOp::Xor, a, b) => is_test(a) && is_test(b),
        ExprKind::Unary(UnaryOp::Not, a) => is_test(a),
        ExprKind::Case { subject: None, whens, otherwise } => {
            whens.iter().all(|(w, t)| is_test(w) && never_fails(t)) && otherwise.as_deref().is_none_or(never_fails)
        }
        _ => false,
    }
}

/// A list (or null) whatever the values it reads: a list literal or parameter, a list of
/// such values, or a short `range()` of integer literals (a step of 0, or a range past the
/// function's limit, raises).
fn is_list(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(v) => matches!(v, Value::List(_) | Value::Null),
        ExprKind::List(items) => items.iter().all(never_fails),
        ExprKind::Call(Function::Range, args) => short_range(args),
        _ => false,
    }
}

fn short_range(args: &[Expr]) -> bool {
    let int = |e: &Expr| match e.kind {
        ExprKind::Literal(Value::Int(i)) => Some(i as i128),
        _ => None,
    };
    let (from, to, step) = match args {
        [from, to] => (int(from), int(to), Some(1)),
        [from, to, step] => (int(from), int(to), int(step)),
        _ => return false,
    };
    match (from, to, step) {
        (Some(from), Some(to), Some(step)) if step != 0 => (to - from) / step < 100_000,
        _ => false,
    }
}

/// A test that cannot fail and gives a boolean or null.
pub(super) fn is_test(e: &Expr) -> bool {
    let boolean = match &e.kind {
        ExprKind::Literal(v) => matches!(v, Value::Bool(_) | Value::Null),
        ExprKind::IsNull { .. } | ExprKind::Unary(UnaryOp::Not, _) => true,
        ExprKind::Binary(op, _, _) => is_comparison(*op) || matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor),
        _ => false,
    };
    boolean && never_fails(e)
}

pub(super) fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge)
}

//! Whether an expression can raise an error whatever the values it reads, for the
//! rewrites that move an expression to where it is evaluated on other rows or in
//! another order (`fold_collected_lists`, `inline_computed`): such a move may not make a
//! statement fail that did not, nor fail at another place.

use crate::binder::bound::{Expr, ExprKind, Type};
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
        ExprKind::Binary(BinaryOp::And | BinaryOp::Or | BinaryOp::Xor, a, b) => is_test(a) && is_test(b),
        ExprKind::Unary(UnaryOp::Not, a) => is_test(a),
        ExprKind::Case { subject: None, whens, otherwise } => {
            whens.iter().all(|(w, t)| is_test(w) && never_fails(t)) && otherwise.as_deref().is_none_or(never_fails)
        }
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

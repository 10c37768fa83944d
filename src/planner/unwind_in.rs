//! An UNWIND of a list of constants whose variable meets a later MATCH only in an
//! equality with a property (`UNWIND range($year - 4, $year) AS y MATCH
//! (a:Article)-[m:MENTIONS]->(c:Country) WHERE m.year = y`) gives that MATCH the implied
//! condition `m.year IN range($year - 4, $year)` (`plan_patterns` adds it to the
//! pattern's conditions).
//!
//! The condition is exact: a row of the MATCH that passes `m.year = y` for some `y` of
//! the list has `m.year` equal to an item of the list, so `IN` is true (the same
//! equality: `2000 = 2000.0`, a null on either side never true); each row of the UNWIND
//! still meets the MATCH's rows through its own equality, so duplicates in the list,
//! nulls, and items that find nothing come out as before. What changes is the plan: the
//! pattern now has a condition on the relationship alone, estimated item by item, so a
//! scan of the type narrowed down its column can start it, and the MATCH, run once as
//! the build side of a join on `m.year = y` (`optimize/join_chains.rs`), holds only the
//! rows of the list's values instead of every mention (workload10
//! unwind_range_rel_property: the type read five times at M, once per year).

use super::logical::LogicalOp;
use crate::binder::bound::{Expr, ExprKind, Function, Slot, Type};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

/// For each of `conditions` (a MATCH's, over the rows of `input`) that equates a
/// property of a variable the MATCH binds (not in `bound`) with a variable `input`
/// unwinds from a list of constants, the condition `property IN list`; none already
/// among `conditions`.
pub(crate) fn implied_memberships(input: &LogicalOp, conditions: &[Expr], bound: &[Slot]) -> Vec<Expr> {
    let mut implied: Vec<Expr> = Vec::new();
    for condition in conditions {
        let ExprKind::Binary(BinaryOp::Eq, lhs, rhs) = &condition.kind else { continue };
        let pair = match (&lhs.kind, &rhs.kind) {
            (ExprKind::Slot(y), _) => Some((*y, &**rhs)),
            (_, ExprKind::Slot(y)) => Some((*y, &**lhs)),
            _ => None,
        };
        let Some((y, property)) = pair else { continue };
        if !is_property_of_new(property, bound) {
            continue;
        }
        let Some(list) = unwound_list(input, y) else { continue };
        let membership = Expr {
            kind: ExprKind::Binary(BinaryOp::In, Box::new(property.clone()), Box::new(list.clone())),
            ty: Type::Bool,
            span: condition.span,
        };
        if !conditions.iter().chain(&implied).any(|c| c.same_as(&membership)) {
            implied.push(membership);
        }
    }
    implied
}

/// Whether `e` is `v.key` for a variable `v` not in `bound` (one the MATCH binds).
fn is_property_of_new(e: &Expr, bound: &[Slot]) -> bool {
    matches!(&e.kind, ExprKind::Property(owner, _) if matches!(owner.kind, ExprKind::Slot(v) if !bound.contains(&v)))
}

/// The list `input` unwinds into `slot`, when an `Unwind` binds it from a list of
/// constants (a literal list (a parameter is one by now), a written list of literals,
/// `range()` of literals with a step that is no literal 0) and the operators above it
/// only filter, keep or project other columns: then every value of `slot` is an item.
fn unwound_list(input: &LogicalOp, slot: Slot) -> Option<&Expr> {
    match input {
        LogicalOp::Unwind { expr, slot: s, .. } if *s == slot => is_constant_list(expr).then_some(expr),
        LogicalOp::Unwind { input, .. } | LogicalOp::Filter { input, .. } | LogicalOp::Retain { input, .. } => {
            unwound_list(input, slot)
        }
        LogicalOp::Project { input, items } if items.iter().all(|(s, _)| *s != slot) => unwound_list(input, slot),
        _ => None,
    }
}

fn is_constant_list(e: &Expr) -> bool {
    let literal = arithmetic_of_literals;
    match &e.kind {
        ExprKind::Literal(Value::List(_)) => true,
        ExprKind::List(items) => items.iter().all(literal),
        ExprKind::Call(Function::Range, args) => {
            let zero_step = matches!(args.get(2).map(|e| &e.kind), Some(ExprKind::Literal(Value::Int(0))));
            (2..=3).contains(&args.len()) && args.iter().all(literal) && !zero_step
        }
        _ => false,
    }
}

/// `$year - 4`: arithmetic on literals, which reads nothing and varies with nothing.
fn arithmetic_of_literals(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(_) => true,
        ExprKind::Binary(BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul, l, r) => {
            arithmetic_of_literals(l) && arithmetic_of_literals(r)
        }
        _ => false,
    }
}

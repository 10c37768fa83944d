//! Arithmetic on one property compared with a constant (`p.year % 2 = 0`, `(m.year -
//! 1990) / 10 < 2`, `$year - p.year >= 18`): a conjunct compiled, so that a scan or an
//! expansion tests each candidate without a row.
//!
//! Interpreted, every candidate cost a copy of its row and the interpreter's walk of the
//! expression. Compiled, the property is read from the store and each step of the
//! arithmetic, then the comparison, is the interpreter's own operator (`apply_binary`)
//! with the expression's span, so the answers and the errors (overflow, division by
//! zero, a string where a number was meant) are the interpreter's. Since a step can fail
//! on a live entity, the conjunct is tried in the order written, never reordered.

use super::{constant, Bindings, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind};
use crate::error::Result;
use crate::exec::expr::apply_binary;
use crate::span::Span;
use crate::store::Graph;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

#[derive(Debug, Clone)]
pub(super) struct ArithCompare {
    pub(super) property: Property,
    /// The arithmetic from the property outwards: each step's operator, its constant,
    /// whether the constant is on the left, and the step's span.
    steps: Vec<Step>,
    /// The comparison with the constant, as written.
    compare: Step,
}

#[derive(Debug, Clone)]
struct Step {
    op: BinaryOp,
    constant: Value,
    constant_first: bool,
    span: Span,
}

impl ArithCompare {
    /// `Some` when `conjunct` compares, with a constant, arithmetic on one property and
    /// constants (at least one step of it: a bare property is a plain comparison).
    pub(super) fn of(conjunct: &Expr) -> Option<ArithCompare> {
        let ExprKind::Binary(op, lhs, rhs) = &conjunct.kind else { return None };
        if !is_comparison(*op) {
            return None;
        }
        let (side, value, constant_first) = constant_side(lhs, rhs)?;
        let mut steps = Vec::new();
        let property = arithmetic(side, &mut steps)?;
        if steps.is_empty() {
            return None;
        }
        steps.reverse();
        let compare = Step { op: *op, constant: value, constant_first, span: conjunct.span };
        Some(ArithCompare { property, steps, compare })
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let mut value = self.property.read(row, graph)?;
        for step in self.steps.iter().chain(std::iter::once(&self.compare)) {
            value = step.apply(value)?;
        }
        Ok(Verdict::of(&value))
    }
}

impl Step {
    fn apply(&self, value: Value) -> Result<Value> {
        let constant = self.constant.clone();
        if self.constant_first {
            apply_binary(self.op, constant, value, self.span)
        } else {
            apply_binary(self.op, value, constant, self.span)
        }
    }
}

/// The property at the bottom of `e`, a chain of arithmetic each step of which has a
/// constant on one side; the steps are pushed from the outside in.
fn arithmetic(e: &Expr, steps: &mut Vec<Step>) -> Option<Property> {
    if let Some(property) = Property::of(e) {
        return Some(property);
    }
    let ExprKind::Binary(op, lhs, rhs) = &e.kind else { return None };
    if !is_arithmetic(*op) {
        return None;
    }
    let (inner, value, constant_first) = constant_side(lhs, rhs)?;
    steps.push(Step { op: *op, constant: value, constant_first, span: e.span });
    arithmetic(inner, steps)
}

/// The side of `lhs op rhs` that is not a constant, the constant, and whether the
/// constant is written first; `None` unless exactly one side is a constant.
fn constant_side<'e>(lhs: &'e Expr, rhs: &'e Expr) -> Option<(&'e Expr, Value, bool)> {
    match (constant(rhs), constant(lhs)) {
        (Some(c), None) => Some((lhs, c, false)),
        (None, Some(c)) => Some((rhs, c, true)),
        _ => None,
    }
}

fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge)
}

fn is_arithmetic(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod)
}

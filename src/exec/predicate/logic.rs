//! `NOT a` and `a XOR b` over compiled tests (`NOT p.year < 1950`, `p.weight > 0.5 XOR
//! p.year % 2 = 0`): one conjunct compiled, so that a scan or an expansion tests each
//! candidate without a row.
//!
//! Interpreted, such a conjunct cost every candidate the interpreter's walk of the whole
//! expression (workload6 not_xor_whole_label: 60,000 people in 19 ms at S, Kuzu 1.3 ms).
//! Compiled, each side is the test it would be alone, combined with the interpreter's
//! three-valued logic: NOT turns true and false round and keeps null; XOR evaluates both
//! sides in order and is null when either is. A side that gives a value no boolean hands
//! the whole to the interpreter, which raises its error.

use super::{Bindings, Test, Verdict};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::store::Graph;
use crate::syntax::ast::{BinaryOp, UnaryOp};

#[derive(Debug, Clone)]
pub(super) enum Logic {
    Not(Test),
    Xor(Test, Test),
}

#[derive(Debug, Clone)]
pub(super) struct Combined {
    logic: Logic,
    /// The conjunct as written, for a side that gives a value no boolean.
    source: Expr,
}

impl Combined {
    /// `Some` when `conjunct` is `NOT a` or `a XOR b` and every side compiles.
    pub(super) fn of(conjunct: &Expr) -> Option<Combined> {
        let compiled = |e: &Expr| Some(Test::compile(e)).filter(|t| !matches!(t, Test::Interpreted(_)));
        let logic = match &conjunct.kind {
            ExprKind::Unary(UnaryOp::Not, operand) => Logic::Not(compiled(operand)?),
            ExprKind::Binary(BinaryOp::Xor, lhs, rhs) => Logic::Xor(compiled(lhs)?, compiled(rhs)?),
            _ => return None,
        };
        Some(Combined { logic, source: conjunct.clone() })
    }

    fn sides(&self) -> Vec<&Test> {
        match &self.logic {
            Logic::Not(a) => vec![a],
            Logic::Xor(a, b) => vec![a, b],
        }
    }

    /// The one slot every side reads, or `None` when they read several.
    pub(super) fn slot(&self) -> Option<Slot> {
        let sides = self.sides();
        let first = sides.first()?.slot()?;
        sides.iter().all(|t| t.slot() == Some(first) && t.other_slot().is_none()).then_some(first)
    }

    /// Whether a side can fail on a live entity (then the whole is tried in order only).
    pub(super) fn may_fail(&self) -> bool {
        self.sides().iter().any(|t| t.may_fail())
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let verdict = match &self.logic {
            Logic::Not(a) => match a.eval(row, graph)? {
                Verdict::True => Verdict::False,
                Verdict::False => Verdict::True,
                other => other,
            },
            Logic::Xor(a, b) => match (a.eval(row, graph)?, b.eval(row, graph)?) {
                (Verdict::Other, _) | (_, Verdict::Other) => Verdict::Other,
                (Verdict::Null, _) | (_, Verdict::Null) => Verdict::Null,
                (x, y) => Verdict::of_bool(matches!(x, Verdict::True) != matches!(y, Verdict::True)),
            },
        };
        match verdict {
            Verdict::Other => Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?)),
            verdict => Ok(verdict),
        }
    }
}

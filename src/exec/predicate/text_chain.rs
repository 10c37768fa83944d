//! A chain of string functions of one property compared with a literal, tested on the
//! property's bytes in place (`fold_string.rs`'s `StringSteps`): `substring(o.name, 13, 1)
//! = '7'`, `left(toLower(p.name), 3) STARTS WITH 'ab'`, and the size of such a chain
//! compared with an integer, `size(split(o.name, ' ')[1]) = 3`, which counts the piece's
//! characters without making the list of pieces or any string.
//!
//! A null property, or a piece `split` does not give, is null as in the interpreter; any
//! other value that is no string (a number, a list) is handed to the interpreter, which
//! raises its type error, so the answers and the errors are the interpreter's.

use std::borrow::Cow;

use super::{Bindings, Entity, Property, Verdict};
use crate::binder::bound::{Expr, ExprKind, Function};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::ops::StringSteps;
use crate::store::Graph;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

#[derive(Debug, Clone)]
pub(super) struct TextChain {
    pub(super) property: Property,
    steps: StringSteps,
    test: ChainTest,
    /// The conjunct as written, for the values the fast path does not take.
    source: Expr,
}

#[derive(Debug, Clone)]
enum ChainTest {
    /// `chain <op> 'literal'` for `=`, `<>`, `STARTS WITH`, `ENDS WITH`, `CONTAINS`.
    Text(BinaryOp, String),
    /// `size(chain) <op> integer` for the six comparisons.
    Size(BinaryOp, i64),
}

impl TextChain {
    /// `Some` when `conjunct` has one of the forms.
    pub(super) fn of(conjunct: &Expr) -> Option<TextChain> {
        let ExprKind::Binary(op, lhs, rhs) = &conjunct.kind else { return None };
        let (steps, test) = match (&lhs.kind, &rhs.kind) {
            (ExprKind::Call(Function::Size, args), ExprKind::Literal(Value::Int(n))) => {
                let [inner] = args.as_slice() else { return None };
                let sized = matches!(
                    op,
                    BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                );
                (StringSteps::chain(inner, true).filter(|_| sized)?, ChainTest::Size(*op, *n))
            }
            (_, ExprKind::Literal(Value::String(text))) => {
                let tested = matches!(
                    op,
                    BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains | BinaryOp::Eq | BinaryOp::Ne
                );
                (StringSteps::of(lhs).filter(|_| tested)?, ChainTest::Text(*op, text.to_string()))
            }
            _ => return None,
        };
        let property = Property { slot: steps.slot, key: steps.key.clone(), span: conjunct.span };
        Some(TextChain { property, steps, test, source: conjunct.clone() })
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let key = self.property.key.resolve(graph.catalog());
        if let (Some(Entity::Node(node)), Some(key)) = (row.entity(self.property.slot), key) {
            if let Some(s) = graph.node_str(node, key) {
                return Ok(self.verdict(self.steps.apply_str(s)));
            }
        }
        match self.property.read(row, graph)? {
            Value::String(s) => Ok(self.verdict(self.steps.apply_str(&s))),
            Value::Null => Ok(Verdict::Null),
            _ => Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?)),
        }
    }

    /// The test of the chain's string (`None`: null).
    fn verdict(&self, s: Option<Cow<'_, str>>) -> Verdict {
        let Some(s) = s else { return Verdict::Null };
        Verdict::of_bool(match &self.test {
            ChainTest::Text(op, c) => match op {
                BinaryOp::StartsWith => s.starts_with(c.as_str()),
                BinaryOp::EndsWith => s.ends_with(c.as_str()),
                BinaryOp::Contains => s.contains(c.as_str()),
                BinaryOp::Eq => *s == **c,
                _ => *s != **c,
            },
            ChainTest::Size(op, n) => {
                let size = s.chars().count() as i64;
                match op {
                    BinaryOp::Eq => size == *n,
                    BinaryOp::Ne => size != *n,
                    BinaryOp::Lt => size < *n,
                    BinaryOp::Le => size <= *n,
                    BinaryOp::Gt => size > *n,
                    _ => size >= *n,
                }
            }
        })
    }
}

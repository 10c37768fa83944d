//! Arithmetic over one node's numeric properties, read straight off the store's columns:
//! `o.weight * (o.year - 1900)` for each of many nodes with no row and no interpreter
//! (what `NodeColumnTop` ranks by when ORDER BY holds an expression).
//!
//! A `NodeArith` is compiled once from a bound expression made only of the node's
//! properties, number literals, `+ - * / %` and unary `-`. For a node it gives the
//! interpreter's value whenever every step is a number or null; anything else (a property
//! holding no number, an integer overflow, a division by zero) gives `None`, and the
//! caller asks the interpreter, which gives the same value or raises the same error.

use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::store::{Graph, NodeId, Number, PropKeyId};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::value::Value;

/// A compiled arithmetic expression of one node.
#[derive(Debug, Clone)]
pub(crate) enum NodeArith {
    /// The node's property (`None`: a key no node has, so always null).
    Property(Option<PropKeyId>),
    /// A number or null literal.
    Constant(Option<Number>),
    Negate(Box<NodeArith>),
    Binary(BinaryOp, Box<NodeArith>, Box<NodeArith>),
}

impl NodeArith {
    /// `expr` compiled over the node in `node`; `None` when it holds anything else.
    pub(crate) fn compile(expr: &Expr, node: Slot, graph: &Graph) -> Option<NodeArith> {
        Some(match &expr.kind {
            ExprKind::Property(owner, key) if matches!(owner.kind, ExprKind::Slot(s) if s == node) => {
                NodeArith::Property(key.resolve(graph.catalog()))
            }
            ExprKind::Literal(Value::Int(i)) => NodeArith::Constant(Some(Number::Int(*i))),
            ExprKind::Literal(Value::Float(f)) => NodeArith::Constant(Some(Number::Float(*f))),
            ExprKind::Literal(Value::Null) => NodeArith::Constant(None),
            ExprKind::Unary(UnaryOp::Neg, inner) => NodeArith::Negate(Box::new(Self::compile(inner, node, graph)?)),
            ExprKind::Binary(
                op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod),
                l,
                r,
            ) => NodeArith::Binary(
                *op,
                Box::new(Self::compile(l, node, graph)?),
                Box::new(Self::compile(r, node, graph)?),
            ),
            _ => return None,
        })
    }

    /// The value for node `id` (`Ok(None)` is null); `Err(())` when the interpreter must
    /// decide.
    pub(crate) fn number(&self, graph: &Graph, id: NodeId) -> Result<Option<Number>, ()> {
        match self {
            NodeArith::Property(None) => Ok(None),
            NodeArith::Property(Some(key)) => match graph.node_number(id, *key) {
                Some(n) => Ok(Some(n)),
                // No number: null when the node has no value, else not ours to decide.
                None if graph.node_property(id, *key).is_none() => Ok(None),
                None => Err(()),
            },
            NodeArith::Constant(n) => Ok(*n),
            NodeArith::Negate(inner) => match inner.number(graph, id)? {
                None => Ok(None),
                Some(Number::Int(i)) => i.checked_neg().map(|i| Some(Number::Int(i))).ok_or(()),
                Some(Number::Float(f)) => Ok(Some(Number::Float(-f))),
            },
            NodeArith::Binary(op, l, r) => {
                let l = l.number(graph, id)?;
                let r = r.number(graph, id)?;
                match (l, r) {
                    (Some(l), Some(r)) => arithmetic(*op, l, r).map(Some),
                    // openCypher: null with anything is null.
                    _ => Ok(None),
                }
            }
        }
    }
}

impl NodeArith {
    /// The value for each of `nodes`, in order, as [`NodeArith::number`] gives it, each
    /// property read in one loop over its column where it holds numbers of one kind.
    pub(crate) fn numbers(&self, graph: &Graph, nodes: &[NodeId]) -> Vec<Result<Option<Number>, ()>> {
        match self {
            NodeArith::Property(Some(key)) => {
                let mut numbers = Vec::with_capacity(nodes.len());
                if graph.node_numbers(*key, nodes, &mut numbers) {
                    numbers.into_iter().map(Ok).collect()
                } else {
                    nodes.iter().map(|&id| self.number(graph, id)).collect()
                }
            }
            NodeArith::Property(None) => vec![Ok(None); nodes.len()],
            NodeArith::Constant(n) => vec![Ok(*n); nodes.len()],
            NodeArith::Negate(inner) => {
                let mut values = inner.numbers(graph, nodes);
                for value in &mut values {
                    *value = match *value {
                        Ok(Some(Number::Int(i))) => i.checked_neg().map(|i| Some(Number::Int(i))).ok_or(()),
                        Ok(Some(Number::Float(f))) => Ok(Some(Number::Float(-f))),
                        other => other,
                    };
                }
                values
            }
            NodeArith::Binary(op, l, r) => {
                let mut left = l.numbers(graph, nodes);
                let right = r.numbers(graph, nodes);
                for (value, r) in left.iter_mut().zip(right) {
                    *value = match (*value, r) {
                        (Ok(Some(l)), Ok(Some(r))) => arithmetic(*op, l, r).map(Some),
                        (Err(()), _) | (_, Err(())) => Err(()),
                        _ => Ok(None),
                    };
                }
                left
            }
        }
    }
}

/// `l op r` as the interpreter computes it for two numbers (`exec/expr.rs`:
/// `int_arithmetic`, `float_arithmetic`); `Err(())` where it raises an error.
#[inline]
pub(crate) fn arithmetic(op: BinaryOp, l: Number, r: Number) -> Result<Number, ()> {
    let floats = |a: f64, b: f64| {
        Number::Float(match op {
            BinaryOp::Add => a + b,
            BinaryOp::Sub => a - b,
            BinaryOp::Mul => a * b,
            BinaryOp::Div => a / b,
            _ => a % b,
        })
    };
    match (l, r) {
        (Number::Int(a), Number::Int(b)) => {
            let result = match op {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Sub => a.checked_sub(b),
                BinaryOp::Mul => a.checked_mul(b),
                BinaryOp::Div if b == 0 => None,
                BinaryOp::Div => a.checked_div(b),
                BinaryOp::Mod if b == 0 => None,
                // The one remainder that overflows Rust's i64, i64::MIN % -1, is 0, as in Neo4j.
                _ => Some(a.wrapping_rem(b)),
            };
            result.map(Number::Int).ok_or(())
        }
        (Number::Int(a), Number::Float(b)) => Ok(floats(a as f64, b)),
        (Number::Float(a), Number::Int(b)) => Ok(floats(a, b as f64)),
        (Number::Float(a), Number::Float(b)) => Ok(floats(a, b)),
    }
}

/// A number as the interpreter's value.
pub(crate) fn number_value(n: Option<Number>) -> Value {
    match n {
        None => Value::Null,
        Some(Number::Int(i)) => Value::Int(i),
        Some(Number::Float(f)) => Value::Float(f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::expr::number_arithmetic;

    /// Each operator on integers, floats and the edges (overflow, zero, NaN) gives the
    /// interpreter's value, or declines exactly where the interpreter fails.
    #[test]
    fn arithmetic_is_the_interpreters() {
        let numbers = [
            Number::Int(0),
            Number::Int(7),
            Number::Int(-3),
            Number::Int(-1),
            Number::Int(i64::MAX),
            Number::Int(i64::MIN),
            Number::Float(0.0),
            Number::Float(-0.0),
            Number::Float(2.5),
            Number::Float(f64::NAN),
            Number::Float(f64::INFINITY),
        ];
        let ops = [BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div, BinaryOp::Mod];
        for op in ops {
            for l in numbers {
                for r in numbers {
                    let ours = arithmetic(op, l, r).ok().map(|n| number_value(Some(n)));
                    let theirs = number_arithmetic(op, &number_value(Some(l)), &number_value(Some(r)));
                    let same = match (&ours, &theirs) {
                        (Some(Value::Float(a)), Some(Value::Float(b))) => a.to_bits() == b.to_bits(),
                        _ => ours == theirs,
                    };
                    assert!(same, "{l:?} {op:?} {r:?}: {ours:?} against {theirs:?}");
                }
            }
        }
    }
}

//! A string built with `+` from one node's properties, as a grouping key of `GroupFold`
//! (workload5 string_functions_many_rows: `toUpper(substring(o.name, 0, 3)) + '-' +
//! toString(o.id % 97)`): string literals, string functions of a property on its bytes
//! in place (`fold_string.rs`), and `toString` of a column program of the node's
//! numbers (`exec/column_expr`), joined into one string per node with no row, no
//! interpreter and no string per step.
//!
//! Interpreted, such a key cost each node a copy of its row and of the property, and a
//! string per function and per `+` (about 1 µs a node). Each part gives the
//! interpreter's value; a node for which one cannot (a property that is no packed string,
//! a number the program leaves to the interpreter) is left whole to the interpreter, as
//! is a string past the memory check each `+` makes, which then raises its error.

use std::fmt::Write;
use std::sync::Arc;

use super::fold_string::StringSteps;
use crate::binder::bound::{Expr, ExprKind, Function, PropKeyRef, Slot};
use crate::exec::column_expr::{Cell, ColumnExpr};
use crate::exec::memory;
use crate::exec::predicate::Entity;
use crate::store::Graph;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

/// A `+` chain of string parts over the node in `slot`.
#[derive(Debug, Clone)]
pub(super) struct Concat {
    pub(super) slot: Slot,
    /// The parts, left to right (`a + b + c` is `(a + b) + c`).
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Literal(Arc<str>),
    /// A property holding a string, read in place.
    Text(PropKeyRef),
    /// String functions of a property (`toUpper(substring(o.name, 0, 3))`).
    Functions(StringSteps),
    /// `toString` of numbers, booleans or null.
    ToString(ColumnExpr),
}

/// What one part gave.
enum Piece<'g> {
    Str(std::borrow::Cow<'g, str>),
    Null,
}

impl Concat {
    /// `Some` when `expr` is `a + b + …` (left to right) of parts of one node, at least
    /// one of them reading it.
    pub(super) fn of(expr: &Expr) -> Option<Concat> {
        let mut parts = Vec::new();
        let mut slot = None;
        let mut at = expr;
        loop {
            match &at.kind {
                ExprKind::Binary(BinaryOp::Add, lhs, rhs) => {
                    parts.push(part(rhs, &mut slot)?);
                    at = lhs;
                }
                _ => {
                    parts.push(part(at, &mut slot)?);
                    break;
                }
            }
        }
        parts.reverse();
        // Some part must be a string whatever the data (a sum of two properties is
        // mostly of numbers, which this does not join).
        let stringy = parts.iter().any(|p| !matches!(p, Part::Text(_)));
        (parts.len() >= 2 && stringy).then_some(Concat { slot: slot?, parts })
    }

    /// The value for the node `entity` (live); `None` when the interpreter must decide.
    pub(super) fn value(&self, graph: &Graph, entity: Entity) -> Option<Value> {
        let Entity::Node(node) = entity else { return None };
        let mut out = String::new();
        let mut null = false;
        for (i, part) in self.parts.iter().enumerate() {
            let piece = match part {
                Part::Literal(s) => Piece::Str(std::borrow::Cow::Borrowed(&**s)),
                Part::Text(key) => {
                    Piece::Str(std::borrow::Cow::Borrowed(graph.node_str(node, key.resolve(graph.catalog())?)?))
                }
                Part::Functions(steps) => {
                    Piece::Str(steps.apply_str(graph.node_str(node, steps.key.resolve(graph.catalog())?)?)?)
                }
                Part::ToString(program) => match program.eval_one(graph, entity) {
                    Cell::Null => Piece::Null,
                    Cell::Defer => return None,
                    cell => {
                        // `toString` of a number or a boolean is its Display (`functions.rs`).
                        let mut text = String::new();
                        write!(text, "{}", cell.value()?).ok()?;
                        Piece::Str(std::borrow::Cow::Owned(text))
                    }
                },
            };
            match piece {
                // `x + null` is null; the parts after still decide nothing else, as each
                // gives a string or null without an error.
                Piece::Null => null = true,
                Piece::Str(s) => {
                    // The interpreter's check before each `+` (its error, if any, is the
                    // interpreter's to raise).
                    if i > 0 && !null && memory::check_string(out.len() + s.len()).is_err() {
                        return None;
                    }
                    out.push_str(&s);
                }
            }
        }
        Some(if null { Value::Null } else { Value::string(out) })
    }
}

/// One part, every property it reads being of the node in `slot` (set by the first).
fn part(e: &Expr, slot: &mut Option<Slot>) -> Option<Part> {
    let mut same = |s: Slot| *slot.get_or_insert(s) == s;
    match &e.kind {
        ExprKind::Literal(Value::String(s)) => Some(Part::Literal(s.clone())),
        ExprKind::Property(owner, key) => match owner.kind {
            ExprKind::Slot(s) if same(s) => Some(Part::Text(key.clone())),
            _ => None,
        },
        ExprKind::Call(Function::ToString, args) => {
            let [arg] = args.as_slice() else { return None };
            let (s, program) = ColumnExpr::compile(arg)?;
            same(s).then_some(Part::ToString(program))
        }
        _ => {
            let steps = StringSteps::of(e)?;
            same(steps.slot).then_some(Part::Functions(steps))
        }
    }
}

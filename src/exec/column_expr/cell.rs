//! One value of a column program (`column_expr`): null, a boolean, a number, or
//! `Defer`, which leaves the element to the interpreter (a value of another kind, or a
//! step the interpreter would answer with an error).
//!
//! Each operation gives the interpreter's value for the kinds it takes (`exec/expr.rs`:
//! `compare_values`, `logic`, `arithmetic`, `case`, `in_list`); pairs off the fast path
//! are handed to the interpreter's own functions on small values that own no memory, so
//! there is one definition of each operator. A cell never holds an error: an operation
//! whose operands the interpreter would refuse gives `Defer`, and only matters when the
//! interpreter's walk would have reached it.

use crate::exec::expr::compare_values;
use crate::exec::node_arith;
use crate::store::Number;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Not ours to decide: the interpreter gives the value or the error.
    Defer,
}

impl Cell {
    /// The cell of a stored value (`None`: the entity has no such property, null).
    pub(crate) fn of_value(value: Option<&Value>) -> Cell {
        match value {
            None | Some(Value::Null) => Cell::Null,
            Some(Value::Bool(b)) => Cell::Bool(*b),
            Some(Value::Int(i)) => Cell::Int(*i),
            Some(Value::Float(f)) => Cell::Float(*f),
            Some(_) => Cell::Defer,
        }
    }

    pub(crate) fn of_number(number: Option<Number>) -> Cell {
        match number {
            None => Cell::Null,
            Some(Number::Int(i)) => Cell::Int(i),
            Some(Number::Float(f)) => Cell::Float(f),
        }
    }

    /// The interpreter's value; `None` for `Defer`.
    pub(crate) fn value(self) -> Option<Value> {
        Some(match self {
            Cell::Null => Value::Null,
            Cell::Bool(b) => Value::Bool(b),
            Cell::Int(i) => Value::Int(i),
            Cell::Float(f) => Value::Float(f),
            Cell::Defer => return None,
        })
    }

    fn number(self) -> Option<Number> {
        match self {
            Cell::Int(i) => Some(Number::Int(i)),
            Cell::Float(f) => Some(Number::Float(f)),
            _ => None,
        }
    }
}

/// `l op r` for `=`, `<>`, `<`, `<=`, `>`, `>=` (`compare_values`).
#[inline(always)]
pub(crate) fn compare(op: BinaryOp, l: Cell, r: Cell) -> Cell {
    let holds = match (l, r) {
        (Cell::Defer, _) | (_, Cell::Defer) => return Cell::Defer,
        // Rust's comparisons of two integers or two floats are the interpreter's (NaN
        // unordered and unequal: every comparison false but `<>`).
        (Cell::Int(a), Cell::Int(b)) => ordered(op, a, b),
        (Cell::Float(a), Cell::Float(b)) => ordered(op, a, b),
        (l, r) => return compare_values_of(op, l, r),
    };
    Cell::Bool(holds)
}

/// The other pairs, by the interpreter's own comparison.
#[cold]
fn compare_values_of(op: BinaryOp, l: Cell, r: Cell) -> Cell {
    let (Some(l), Some(r)) = (l.value(), r.value()) else { return Cell::Defer };
    Cell::of_value(Some(&compare_values(op, &l, &r)))
}

#[inline]
fn ordered<T: PartialOrd>(op: BinaryOp, a: T, b: T) -> bool {
    match op {
        BinaryOp::Eq => a == b,
        BinaryOp::Ne => a != b,
        BinaryOp::Lt => a < b,
        BinaryOp::Le => a <= b,
        BinaryOp::Gt => a > b,
        _ => a >= b,
    }
}

/// openCypher `=` as `CASE x WHEN v` and `IN` use it (`Value::cypher_eq`): `None` is
/// unknown (a null); `Err(())` for `Defer`.
pub(crate) fn equals(l: Cell, r: Cell) -> Result<Option<bool>, ()> {
    match (l, r) {
        (Cell::Defer, _) | (_, Cell::Defer) => Err(()),
        (Cell::Int(a), Cell::Int(b)) => Ok(Some(a == b)),
        (l, r) => {
            let (Some(l), Some(r)) = (l.value(), r.value()) else { return Err(()) };
            Ok(l.cypher_eq(&r))
        }
    }
}

/// `l op r` for `+ - * / %` (`Defer` for an overflow, a division by zero, or an operand
/// that is no number: the interpreter's errors).
#[inline]
pub(crate) fn arithmetic(op: BinaryOp, l: Cell, r: Cell) -> Cell {
    match (l, r) {
        (Cell::Defer, _) | (_, Cell::Defer) => Cell::Defer,
        (Cell::Null, _) | (_, Cell::Null) => Cell::Null,
        (l, r) => match (l.number(), r.number()) {
            (Some(l), Some(r)) => node_arith::arithmetic(op, l, r).map_or(Cell::Defer, |n| Cell::of_number(Some(n))),
            _ => Cell::Defer,
        },
    }
}

/// Unary minus.
pub(crate) fn negate(cell: Cell) -> Cell {
    match cell {
        Cell::Null => Cell::Null,
        Cell::Int(i) => i.checked_neg().map_or(Cell::Defer, Cell::Int),
        Cell::Float(f) => Cell::Float(-f),
        _ => Cell::Defer,
    }
}

/// `NOT`: a value that is no boolean is the interpreter's type error.
#[inline]
pub(crate) fn not(cell: Cell) -> Cell {
    match cell {
        Cell::Bool(b) => Cell::Bool(!b),
        Cell::Null => Cell::Null,
        _ => Cell::Defer,
    }
}

/// A side of `AND`, `OR`, `XOR`: `Ok(None)` for null, `Err(())` for anything the
/// interpreter refuses or must decide.
fn truth(cell: Cell) -> Result<Option<bool>, ()> {
    match cell {
        Cell::Bool(b) => Ok(Some(b)),
        Cell::Null => Ok(None),
        _ => Err(()),
    }
}

/// `AND`, `OR` and `XOR` (`logic` in the interpreter). The interpreter does not look at
/// the right side of `AND` when the left is false (nor of `OR` when it is true), so the
/// left side alone decides then, whatever the right side is.
#[inline]
pub(crate) fn logic(op: BinaryOp, l: Cell, r: Cell) -> Cell {
    let decides = match op {
        BinaryOp::And => Some(false),
        BinaryOp::Or => Some(true),
        _ => None,
    };
    if decides.is_some() && l == Cell::Bool(decides == Some(true)) {
        return l;
    }
    let (Ok(a), Ok(b)) = (truth(l), truth(r)) else { return Cell::Defer };
    let result = match op {
        BinaryOp::And => match (a, b) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        },
        BinaryOp::Or => match (a, b) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        },
        _ => a.zip(b).map(|(x, y)| x != y),
    };
    result.map_or(Cell::Null, Cell::Bool)
}

/// `x IS [NOT] NULL`.
pub(crate) fn is_null(cell: Cell, negated: bool) -> Cell {
    match cell {
        Cell::Defer => Cell::Defer,
        cell => Cell::Bool((cell == Cell::Null) != negated),
    }
}

/// `x IN [items]` over a constant list (`in_list`): true when an item equals, else null
/// when one compared unknown, else false.
pub(crate) fn in_items(cell: Cell, items: &[Cell]) -> Cell {
    let mut unknown = false;
    for &item in items {
        match equals(cell, item) {
            Err(()) => return Cell::Defer,
            Ok(Some(true)) => return Cell::Bool(true),
            Ok(None) => unknown = true,
            Ok(Some(false)) => {}
        }
    }
    if cell == Cell::Defer {
        return Cell::Defer;
    }
    if unknown {
        Cell::Null
    } else {
        Cell::Bool(false)
    }
}

/// Whether a `CASE` branch is taken: the subject equal to the `WHEN` value, or with no
/// subject the `WHEN` condition true (`case` in the interpreter); `Err(())` when the
/// interpreter must decide.
pub(crate) fn case_hit(subject: Option<Cell>, when: Cell) -> Result<bool, ()> {
    match subject {
        Some(subject) => Ok(equals(subject, when)? == Some(true)),
        None if when == Cell::Defer => Err(()),
        None => Ok(when == Cell::Bool(true)),
    }
}

use super::cell::{self, Cell};
use crate::exec::expr::apply_binary;
use crate::span::Span;
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

const CELLS: [Cell; 12] = [
    Cell::Null,
    Cell::Bool(true),
    Cell::Bool(false),
    Cell::Int(0),
    Cell::Int(3),
    Cell::Int(-7),
    Cell::Int(i64::MAX),
    Cell::Int(i64::MIN),
    Cell::Float(0.0),
    Cell::Float(-2.5),
    Cell::Float(f64::NAN),
    Cell::Float(3.0),
];

/// The same value, floats by their bits (NaN equal to NaN).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Every binary operator on every pair of cells gives the interpreter's value, or
/// `Defer` exactly where the interpreter raises an error (never where it answers with a
/// value the cell could hold, except the logic operators' short cut, checked apart).
#[test]
fn binary_operators_are_the_interpreters() {
    use BinaryOp::*;
    let ops = [Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, And, Or, Xor];
    for op in ops {
        for l in CELLS {
            for r in CELLS {
                let ours = match op {
                    Eq | Ne | Lt | Le | Gt | Ge => cell::compare(op, l, r),
                    And | Or | Xor => cell::logic(op, l, r),
                    _ => cell::arithmetic(op, l, r),
                };
                let theirs = apply_binary(op, l.value().unwrap(), r.value().unwrap(), Span::default());
                // The interpreter's AND/OR never looks right of a deciding left side.
                let decided = matches!((op, l), (And, Cell::Bool(false)) | (Or, Cell::Bool(true)));
                match (ours.value(), theirs) {
                    (Some(v), Ok(w)) => assert!(same(&v, &w), "{l:?} {op:?} {r:?}: {v:?} against {w:?}"),
                    (None, Err(_)) => {}
                    (Some(v), Err(e)) => assert!(decided, "{l:?} {op:?} {r:?}: {v:?} against {e:?}"),
                    (None, Ok(w)) => panic!("{l:?} {op:?} {r:?} deferred, the interpreter gives {w:?}"),
                }
            }
        }
    }
}

#[test]
fn in_and_case_equality_are_the_interpreters() {
    let items = [Cell::Int(1), Cell::Float(2.0), Cell::Null];
    let list = Value::list(items.iter().map(|c| c.value().unwrap()).collect());
    for c in CELLS {
        let theirs = apply_binary(BinaryOp::In, c.value().unwrap(), list.clone(), Span::default()).unwrap();
        assert!(same(&cell::in_items(c, &items).value().unwrap(), &theirs), "{c:?}");
        assert_eq!(cell::in_items(c, &[]), Cell::Bool(false));
        for w in CELLS {
            let hit = c.value().unwrap().cypher_eq(&w.value().unwrap()) == Some(true);
            assert_eq!(cell::case_hit(Some(c), w), Ok(hit), "{c:?} WHEN {w:?}");
        }
    }
    assert_eq!(cell::case_hit(None, Cell::Int(1)), Ok(false));
    assert_eq!(cell::case_hit(None, Cell::Defer), Err(()));
    assert_eq!(cell::in_items(Cell::Defer, &items), Cell::Defer);
}

//! Numeric functions of one argument and type tests in a column program:
//! `toInteger(p.weight * 100) = 42`, `abs(m.year - a.year) < 5`, `floor(r.weight * 10)`,
//! `o.year IS :: INTEGER NOT NULL`.
//!
//! Without them a condition holding one call fell back to the interpreter for every
//! node of the label (`toInteger(p.weight * 100) = 42` over 600 thousand people: 345 ms,
//! Kuzu 20 ms). Each value is the interpreter's: a cell is handed to
//! `exec::functions::number_function` (small values that own no memory), and an error
//! there (`abs()` of a boolean, an overflow) is `Defer`, so the interpreter raises it
//! where its own walk reaches it. A typed block of integers or floats is mapped in one
//! loop for the functions whose answer on a number is plain arithmetic; the unit tests
//! compare those loops with the interpreter.

use super::block::{bit, Block};
use super::cell::Cell;
use crate::binder::bound::Function;
use crate::value::types::CypherType;
use crate::value::Value;

/// Whether a column program computes `function` of one argument itself.
pub(crate) fn takes(function: Function, arity: usize) -> bool {
    use Function as F;
    arity == 1
        && matches!(
            function,
            F::ToInteger
                | F::ToFloat
                | F::Abs
                | F::Ceil
                | F::Floor
                | F::Round
                | F::Sqrt
                | F::Sign
                | F::Exp
                | F::Log
                | F::Log10
        )
}

/// `function(c)` for one cell.
pub(crate) fn apply_cell(function: Function, c: Cell) -> Cell {
    match c {
        // Every function taken gives null for null.
        Cell::Null => Cell::Null,
        Cell::Defer => Cell::Defer,
        c => match c.value().map(|v| crate::exec::functions::number_function(function, v)) {
            Some(Ok(value)) => Cell::of_value(Some(&value)),
            _ => Cell::Defer,
        },
    }
}

/// `function` of each of a block's `len` elements.
pub(crate) fn apply_block(function: Function, block: Block, len: usize) -> Block {
    use Function as F;
    let floats = |values: Vec<f64>, valid, f: fn(f64) -> f64| Block::Floats {
        values: values.into_iter().map(f).collect(),
        valid,
    };
    match (function, block) {
        (F::ToInteger, ints @ Block::Ints { .. }) | (F::ToFloat, ints @ Block::Floats { .. }) => ints,
        (F::ToFloat, Block::Ints { values, valid }) => {
            Block::Floats { values: values.into_iter().map(|i| i as f64).collect(), valid }
        }
        (F::ToInteger, Block::Floats { values, valid }) => truncated(&values, valid),
        (F::Abs, Block::Floats { values, valid }) => floats(values, valid, f64::abs),
        (F::Abs, Block::Ints { values, valid }) if no_valid_minimum(&values, &valid) => {
            Block::Ints { values: values.into_iter().map(i64::wrapping_abs).collect(), valid }
        }
        (F::Ceil | F::Floor | F::Sqrt | F::Exp | F::Log | F::Log10, Block::Ints { values, valid }) => {
            let values = values.into_iter().map(|i| i as f64).collect();
            floats(values, valid, float_function(function))
        }
        (F::Ceil | F::Floor | F::Sqrt | F::Exp | F::Log | F::Log10, Block::Floats { values, valid }) => {
            floats(values, valid, float_function(function))
        }
        (_, block) => Block::Cells(block.into_cells(len).into_iter().map(|c| apply_cell(function, c)).collect()),
    }
}

/// The arithmetic of a function whose value on any number is that of its float.
fn float_function(function: Function) -> fn(f64) -> f64 {
    match function {
        Function::Ceil => f64::ceil,
        Function::Floor => f64::floor,
        Function::Sqrt => f64::sqrt,
        Function::Exp => f64::exp,
        Function::Log => f64::ln,
        _ => f64::log10,
    }
}

/// `toInteger()` of floats: truncated toward zero, null where the float is no integer's
/// (not finite, or beyond the integers' range), as `functions::conversion` has it.
fn truncated(values: &[f64], mut valid: Vec<u64>) -> Block {
    let ints = values
        .iter()
        .enumerate()
        .map(|(i, &f)| {
            if f.is_finite() && f.abs() < 9.2e18 {
                f.trunc() as i64
            } else {
                valid[i / 64] &= !(1u64 << (i % 64));
                0
            }
        })
        .collect();
    Block::Ints { values: ints, valid }
}

/// Whether no non-null integer is `i64::MIN`, whose `abs()` overflows.
fn no_valid_minimum(values: &[i64], valid: &[u64]) -> bool {
    values.iter().enumerate().all(|(i, &v)| v != i64::MIN || !bit(valid, i))
}

/// `x IS [NOT] :: ty` for one cell: never null.
pub(crate) fn type_test_cell(ty: &CypherType, negated: bool, c: Cell) -> Cell {
    match c.value() {
        Some(value) => Cell::Bool(ty.holds(&value) != negated),
        None => Cell::Defer,
    }
}

/// `x IS [NOT] :: ty` for a block: a typed block's answer is one per kind, the
/// non-null elements' and the nulls'.
pub(crate) fn type_test_block(ty: &CypherType, negated: bool, block: Block, len: usize) -> Block {
    let kind_of = |sample: Value, valid: &[u64]| {
        let (held, null) = (ty.holds(&sample) != negated, ty.holds(&Value::Null) != negated);
        let values = (0..len).fold(vec![0u64; len.div_ceil(64)], |mut bits, i| {
            if if bit(valid, i) { held } else { null } {
                bits[i / 64] |= 1 << (i % 64);
            }
            bits
        });
        Block::Bools { values, valid: super::block::full(len) }
    };
    match block {
        Block::Ints { valid, .. } => kind_of(Value::Int(0), &valid),
        Block::Floats { valid, .. } => kind_of(Value::Float(0.0), &valid),
        Block::Bools { valid, .. } => kind_of(Value::Bool(false), &valid),
        Block::Cells(cells) => Block::Cells(cells.into_iter().map(|c| type_test_cell(ty, negated, c)).collect()),
    }
}

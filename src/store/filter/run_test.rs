//! A number comparison over items whose rows are consecutive (a label's nodes, as a scan
//! reads them in id order): the column's slice for those rows compared as a whole into
//! bits, the held bits copied a word at a time, then the items kept by the bits. The
//! per-item loop of `property_test.rs` looks each row up in the held set and the cells
//! one at a time; here the compiler gets one straight loop over a slice.

use super::super::index::BitSet;
use super::super::narrow::{FloatCells, IntCells, IntSlice};
use super::super::properties::Cells;
use super::{on_units, CmpOp, Compare, PropertyTest, TestOp};
use crate::value::Value;

/// Keeps the `items` that pass `test` when their rows (`row_of`) are consecutive and the
/// test is an integer or float comparison; false, with `items` untouched, otherwise.
pub(super) fn retain_run<T: Copy>(
    test: &PropertyTest,
    (present, cells): (&BitSet, &Cells),
    items: &mut Vec<T>,
    row_of: impl Fn(T) -> Option<u32>,
) -> bool {
    let Some(start) = consecutive(items, row_of) else { return false };
    let (from, len) = (start as usize, items.len());
    let mut pass = vec![0u64; len.div_ceil(64)];
    let tested = match (cells, test.op, &test.constant) {
        (Cells::Int(ints), TestOp::Cmp(op), &Value::Int(c)) => {
            int_bits(ints, from, len, Compare { op, constant: c }, &mut pass)
        }
        (Cells::Float(FloatCells::Decimal { places, units }), TestOp::Cmp(op), constant) => {
            let constant = match constant {
                Value::Float(c) => *c,
                Value::Int(c) => *c as f64,
                _ => return false,
            };
            match on_units(Compare { op, constant }, *places) {
                Some(threshold) => int_bits(units, from, len, threshold, &mut pass),
                None => false,
            }
        }
        (Cells::Float(FloatCells::Plain(floats)), TestOp::Cmp(op), &Value::Float(c)) => floats
            .get(from..from + len)
            .is_some_and(|v| compare_bits(v, |&f| f, Compare { op, constant: c }, &mut pass)),
        _ => false,
    };
    if !tested {
        return false;
    }
    let mut held = vec![0u64; pass.len()];
    present.copy_bits(start, len, &mut held);
    let mut kept = 0;
    for (w, (&p, &h)) in pass.iter().zip(&held).enumerate() {
        let mut word = p & h;
        while word != 0 {
            items[kept] = items[w * 64 + word.trailing_zeros() as usize];
            kept += 1;
            word &= word - 1;
        }
    }
    items.truncate(kept);
    true
}

/// The first row when the items' rows are `start, start + 1, …`.
fn consecutive<T: Copy>(items: &[T], row_of: impl Fn(T) -> Option<u32>) -> Option<u32> {
    let start = row_of(*items.first()?)?;
    let mut next = start;
    for &item in items {
        if row_of(item)? != next {
            return None;
        }
        next = next.checked_add(1)?;
    }
    Some(start)
}

/// The integers of rows `from..from + len` compared into `pass`; false when the column is shorter.
fn int_bits(cells: &IntCells, from: usize, len: usize, compare: Compare<i64>, pass: &mut [u64]) -> bool {
    let rows = from..from + len;
    match cells.slice() {
        (base, IntSlice::Byte(v)) => {
            v.get(rows).is_some_and(|v| compare_bits(v, |&d| base + i64::from(d), compare, pass))
        }
        (base, IntSlice::Short(v)) => {
            v.get(rows).is_some_and(|v| compare_bits(v, |&d| base + i64::from(d), compare, pass))
        }
        (base, IntSlice::Int(v)) => {
            v.get(rows).is_some_and(|v| compare_bits(v, |&d| base + i64::from(d), compare, pass))
        }
        (_, IntSlice::Wide(v)) => v.get(rows).is_some_and(|v| compare_bits(v, |&d| d, compare, pass)),
    }
}

/// `compare` of each cell's value as bits, 64 a word, the operator chosen once outside the loop.
fn compare_bits<C, N: PartialOrd + Copy>(
    cells: &[C],
    value: impl Fn(&C) -> N,
    compare: Compare<N>,
    pass: &mut [u64],
) -> bool {
    let c = compare.constant;
    match compare.op {
        CmpOp::Eq => bits(cells, pass, |x| value(x) == c),
        CmpOp::Ne => bits(cells, pass, |x| value(x) != c),
        CmpOp::Lt => bits(cells, pass, |x| value(x) < c),
        CmpOp::Le => bits(cells, pass, |x| value(x) <= c),
        CmpOp::Gt => bits(cells, pass, |x| value(x) > c),
        CmpOp::Ge => bits(cells, pass, |x| value(x) >= c),
    }
    true
}

fn bits<C>(cells: &[C], pass: &mut [u64], holds: impl Fn(&C) -> bool) {
    for (word, chunk) in pass.iter_mut().zip(cells.chunks(64)) {
        let mut w = 0u64;
        for (j, cell) in chunk.iter().enumerate() {
            w |= u64::from(holds(cell)) << j;
        }
        *word = w;
    }
}

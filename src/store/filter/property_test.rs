//! Property tests over many entities at once: `property op constant` answered by a loop
//! over the property's column in the encoding the store keeps it in, never a `Value`
//! built per row (integers against their narrow cells, decimals against their integer
//! units, strings compared as the bytes they are stored as).
//!
//! A test keeps the items that pass and drops the others, so a conjunction narrows a
//! batch one test at a time and each later test reads only the survivors.
//!
//! Every kernel gives openCypher's answer (is the expression true, neither false nor
//! null), which [`holds_value`] states on values: the unit tests below hold each
//! encoding's loop to it, and a test in the executor holds it to the interpreter's.

use std::cmp::Ordering;

use super::super::index::BitSet;
use super::super::narrow::{FloatCells, IntCells, IntSlice, StrCells};
use super::super::properties::Cells;
use super::{CmpOp, Compare};
use crate::store::PropKeyId;
use crate::value::Value;

/// What a [`PropertyTest`] asks of a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestOp {
    /// `property op constant`.
    Cmp(CmpOp),
    StartsWith,
    EndsWith,
    Contains,
    IsNull,
    IsNotNull,
}

/// `property op constant`: one conjunct the store answers for many entities at once.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyTest {
    /// `None` for a key the catalog does not know: no entity holds it.
    pub key: Option<PropKeyId>,
    pub op: TestOp,
    /// Ignored by `IsNull` and `IsNotNull`.
    pub constant: Value,
}

impl PropertyTest {
    /// Whether an entity whose property is `value` (`None`: it has none) passes.
    pub fn holds(&self, value: Option<&Value>) -> bool {
        holds_value(self.op, value, &self.constant)
    }
}

/// openCypher's answer to `value op constant` (or `value IS [NOT] NULL`): true, as
/// opposed to false or null. A comparison of values of kinds that have no order between
/// them is null; `=` between them is false (so `<>` is true); a string predicate on
/// anything but two strings is null.
pub fn holds_value(op: TestOp, value: Option<&Value>, constant: &Value) -> bool {
    let Some(value) = value.filter(|v| !v.is_null()) else { return op == TestOp::IsNull };
    match op {
        TestOp::IsNull => false,
        TestOp::IsNotNull => true,
        TestOp::Cmp(CmpOp::Eq) => value.cypher_eq(constant) == Some(true),
        TestOp::Cmp(CmpOp::Ne) => value.cypher_eq(constant) == Some(false),
        TestOp::Cmp(op) => value.cypher_cmp(constant).is_some_and(|o| ordering_holds(op, o)),
        TestOp::StartsWith | TestOp::EndsWith | TestOp::Contains => match (value, constant) {
            (Value::String(text), Value::String(part)) => string_holds(op, text, part),
            _ => false,
        },
    }
}

/// Whether `value op constant` holds when `value` compares to the constant as `ordering`.
#[inline]
fn ordering_holds(op: CmpOp, ordering: Ordering) -> bool {
    match op {
        CmpOp::Eq => ordering == Ordering::Equal,
        CmpOp::Ne => ordering != Ordering::Equal,
        CmpOp::Lt => ordering == Ordering::Less,
        CmpOp::Le => ordering != Ordering::Greater,
        CmpOp::Gt => ordering == Ordering::Greater,
        CmpOp::Ge => ordering != Ordering::Less,
    }
}

/// A string predicate or comparison of `text` with `part`, on their bytes (a string's
/// order is its bytes' order, as `str`'s `Ord` is).
#[inline]
fn string_holds(op: TestOp, text: &str, part: &str) -> bool {
    match op {
        TestOp::StartsWith => text.as_bytes().starts_with(part.as_bytes()),
        TestOp::EndsWith => text.as_bytes().ends_with(part.as_bytes()),
        TestOp::Contains => text.contains(part),
        TestOp::Cmp(CmpOp::Eq) => text == part,
        TestOp::Cmp(CmpOp::Ne) => text != part,
        TestOp::Cmp(op) => ordering_holds(op, text.as_bytes().cmp(part.as_bytes())),
        TestOp::IsNull => false,
        TestOp::IsNotNull => true,
    }
}

/// Keeps the `items` that pass `test`, in order, reading each one's row of the column
/// (`present`, `cells`) through `row_of` (`None`: the item is no entity the table holds,
/// and fails). `column` is `None` when no row ever held the key.
pub(in crate::store) fn retain<T: Copy>(
    test: &PropertyTest,
    column: Option<(&BitSet, &Cells)>,
    items: &mut Vec<T>,
    row_of: impl Fn(T) -> Option<u32>,
) {
    let Some((present, cells)) = column else {
        // Nobody holds the property: every entity's is null.
        if !test.holds(None) {
            items.clear();
        }
        return retain_by(items, |item| row_of(item).is_some());
    };
    let held = |item: T| row_of(item).filter(|&row| present.contains(row));
    match test.op {
        TestOp::IsNull => return retain_by(items, |item| row_of(item).is_some_and(|row| !present.contains(row))),
        TestOp::IsNotNull => return retain_by(items, |item| held(item).is_some()),
        _ if test.constant.is_null() => return items.clear(),
        _ => {}
    }
    if super::run_test::retain_run(test, (present, cells), items, &row_of) {
        return;
    }
    match (cells, test.op, &test.constant) {
        (Cells::Int(ints), TestOp::Cmp(op), Value::Int(c)) => {
            let compare = Compare { op, constant: *c };
            ints_where(ints, items, held, |v| compare.holds(Some(v)));
        }
        (Cells::Int(ints), TestOp::Cmp(op), Value::Float(c)) => {
            // An integer against a float is compared as a float, as openCypher does.
            let compare = Compare { op, constant: *c };
            ints_where(ints, items, held, |v| compare.holds(Some(v as f64)));
        }
        (Cells::Float(floats), TestOp::Cmp(op), &Value::Float(c)) => {
            floats_where(floats, Compare { op, constant: c }, items, held)
        }
        (Cells::Float(floats), TestOp::Cmp(op), &Value::Int(c)) => {
            floats_where(floats, Compare { op, constant: c as f64 }, items, held)
        }
        (Cells::Str(strings), op, Value::String(c)) => strings_where(strings, op, c, items, held),
        (Cells::Any(values), ..) => {
            retain_by(items, |item| test.holds(held(item).and_then(|row| values.get(row as usize))))
        }
        // A constant of a kind the column's values have nothing in common with: the
        // answer is the same for every value the column holds (`1 = 'a'` is false,
        // `1 <> 'a'` true, `1 < 'a'` null), so one stands for them all.
        (Cells::Int(_), ..) => uniform(test, &Value::Int(0), items, held),
        (Cells::Float(_), ..) => uniform(test, &Value::Float(0.0), items, held),
        (Cells::Str(_), ..) => uniform(test, &Value::string(""), items, held),
    }
}

/// Keeps the items that hold a value when a value of the column's kind, `sample`, passes
/// `test` (the answer is the same for all of them); none otherwise.
fn uniform<T: Copy>(test: &PropertyTest, sample: &Value, items: &mut Vec<T>, held: impl Fn(T) -> Option<u32>) {
    if test.holds(Some(sample)) {
        retain_by(items, |item| held(item).is_some());
    } else {
        items.clear();
    }
}

/// Keeps the items for which `pass` is true, in order. Without a branch on the answer
/// (each item is written, and the end moves on only past a kept one): a filter's answers
/// are as good as random, and a mispredicted branch per item costs more than the write.
#[inline]
pub(super) fn retain_by<T: Copy>(items: &mut Vec<T>, pass: impl Fn(T) -> bool) {
    let mut kept = 0;
    for i in 0..items.len() {
        let item = items[i];
        items[kept] = item;
        kept += usize::from(pass(item));
    }
    items.truncate(kept);
}

/// Keeps the items whose integer passes `test`, the cells' width settled once for the loop.
fn ints_where<T: Copy>(
    cells: &IntCells,
    items: &mut Vec<T>,
    held: impl Fn(T) -> Option<u32>,
    test: impl Fn(i64) -> bool,
) {
    fn run<T: Copy, D: Copy + Into<i64>>(
        (base, cells): (i64, &[D]),
        items: &mut Vec<T>,
        held: impl Fn(T) -> Option<u32>,
        test: impl Fn(i64) -> bool,
    ) {
        retain_by(items, |item| {
            held(item).and_then(|row| cells.get(row as usize)).is_some_and(|&d| test(base + d.into()))
        });
    }
    match cells.slice() {
        (base, IntSlice::Byte(v)) => run((base, v), items, held, test),
        (base, IntSlice::Short(v)) => run((base, v), items, held, test),
        (base, IntSlice::Int(v)) => run((base, v), items, held, test),
        (base, IntSlice::Wide(v)) => run((base, v), items, held, test),
    }
}

/// Keeps the items whose float passes `compare`: an ordering of a decimal column on its
/// integer units against a threshold (no decoding, no division), anything else on the
/// decoded floats.
fn floats_where<T: Copy>(
    cells: &FloatCells,
    compare: Compare<f64>,
    items: &mut Vec<T>,
    held: impl Fn(T) -> Option<u32>,
) {
    if let FloatCells::Decimal { places, units } = cells {
        if let Some(threshold) = super::on_units(compare, *places) {
            return ints_where(units, items, held, |u| threshold.holds(Some(u)));
        }
    }
    retain_by(items, |item| compare.holds(held(item).and_then(|row| cells.get(row as usize))));
}

/// Keeps the items whose string passes `op` against `part`, compared where it is stored.
fn strings_where<T: Copy>(
    cells: &StrCells,
    op: TestOp,
    part: &str,
    items: &mut Vec<T>,
    held: impl Fn(T) -> Option<u32>,
) {
    retain_by(items, |item| {
        held(item).and_then(|row| cells.get(row as usize)).is_some_and(|text| string_holds(op, text, part))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::properties::PropertyTable;

    const CMPS: [CmpOp; 6] = [CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge];

    fn ops() -> Vec<TestOp> {
        let mut ops: Vec<TestOp> = CMPS.iter().map(|&op| TestOp::Cmp(op)).collect();
        ops.extend([TestOp::StartsWith, TestOp::EndsWith, TestOp::Contains, TestOp::IsNull, TestOp::IsNotNull]);
        ops
    }

    /// Constants of every kind a column is tested against: on, between and beyond the
    /// cells, of the column's kind and of others, null and NaN.
    fn constants() -> Vec<Value> {
        let mut constants: Vec<Value> = [i64::MIN, -3, 0, 7, 2009, 2011, 300, i64::MAX].map(Value::Int).to_vec();
        constants.extend([-0.0, 0.0, 0.05, 0.9, 0.25, 2009.5, 1e300, f64::NAN, f64::INFINITY].map(Value::Float));
        constants.extend(["", "Organization 12", "Org", "é", "zz", "Organization 1"].map(Value::string));
        constants.extend([Value::Null, Value::Bool(true), Value::list(vec![Value::Int(1)])]);
        constants
    }

    /// A column of `values` (row `i` holds `values[i]`; `None` holds nothing), through
    /// the table's own writes, so it takes the encoding the store would give it.
    fn column(values: &[Option<Value>]) -> PropertyTable {
        let mut table = PropertyTable::default();
        for (row, value) in values.iter().enumerate() {
            table.set(row as u32, PropKeyId(0), value.clone());
        }
        table
    }

    /// For a column and every test: the kernel keeps exactly the rows whose value
    /// `holds_value` says pass, a row past the column's end holding nothing, and an item
    /// with no row failing.
    fn check(values: &[Option<Value>], expect: impl Fn(&Cells) -> bool) {
        let table = column(values);
        let Some((present, cells)) = table.column_cells(PropKeyId(0)) else { panic!("no column") };
        assert!(expect(cells), "unexpected encoding {cells:?}");
        // Row `n + 2` is past the end; `u32::MAX` stands for an item with no row.
        let items: Vec<u32> = (0..values.len() as u32 + 3).chain([u32::MAX]).collect();
        for op in ops() {
            for constant in constants() {
                let test = PropertyTest { key: Some(PropKeyId(0)), op, constant: constant.clone() };
                let mut kept = items.clone();
                retain(&test, Some((present, cells)), &mut kept, |i| (i != u32::MAX).then_some(i));
                let want: Vec<u32> = items
                    .iter()
                    .copied()
                    .filter(|&i| i != u32::MAX && test.holds(values.get(i as usize).and_then(Option::as_ref)))
                    .collect();
                assert_eq!(kept, want, "{op:?} {constant:?} over {cells:?}");
                // Consecutive rows (a label's nodes in id order) take the run path.
                for run in [0..values.len() as u32, 5..values.len() as u32 - 3, 70..71] {
                    let mut kept: Vec<u32> = run.clone().collect();
                    retain(&test, Some((present, cells)), &mut kept, Some);
                    let want: Vec<u32> = want.iter().copied().filter(|i| run.contains(i)).collect();
                    assert_eq!(kept, want, "{run:?} {op:?} {constant:?} over {cells:?}");
                }
            }
        }
    }

    #[test]
    fn integer_columns_of_every_width_answer_as_the_values_do() {
        let years = |span: i64| {
            (0..300).map(|i| (i % 11 != 0).then(|| Value::Int(2000 + (i * 104_729) % span))).collect::<Vec<_>>()
        };
        check(&years(25), |c| matches!(c, Cells::Int(i) if matches!(i.slice().1, IntSlice::Byte(_))));
        check(&years(1000), |c| matches!(c, Cells::Int(i) if matches!(i.slice().1, IntSlice::Short(_))));
        check(&years(100_000), |c| matches!(c, Cells::Int(i) if matches!(i.slice().1, IntSlice::Int(_))));
        let mut wide = years(25);
        wide.push(Some(Value::Int(i64::MIN)));
        wide.push(Some(Value::Int(i64::MAX)));
        check(&wide, |c| matches!(c, Cells::Int(i) if matches!(i.slice().1, IntSlice::Wide(_))));
    }

    #[test]
    fn float_columns_decimal_and_plain_answer_as_the_values_do() {
        let weights: Vec<Option<Value>> =
            (0..400).map(|i| (i % 13 != 0).then(|| Value::Float(f64::from((i * 7919) % 10_000) / 1e4))).collect();
        check(&weights, |c| matches!(c, Cells::Float(FloatCells::Decimal { .. })));
        let mut plain = weights.clone();
        plain.extend([Some(Value::Float(1.0 / 3.0)), Some(Value::Float(-0.0)), Some(Value::Float(f64::NAN))]);
        plain.push(Some(Value::Float(f64::NEG_INFINITY)));
        check(&plain, |c| matches!(c, Cells::Float(FloatCells::Plain(_))));
    }

    #[test]
    fn string_columns_compare_their_bytes_in_place() {
        let names: Vec<Option<Value>> = (0..300)
            .map(|i| match i % 17 {
                0 => None,
                1 => Some(Value::string("")),
                2 => Some(Value::string("élan Organization 12")),
                _ => Some(Value::string(format!("Organization {i}"))),
            })
            .collect();
        check(&names, |c| matches!(c, Cells::Str(_)));
    }

    /// A schemaless column whose values are of several kinds keeps them as values: each
    /// is tested as the interpreter would, integers against floats as numbers.
    #[test]
    fn mixed_columns_answer_value_by_value() {
        let mixed: Vec<Option<Value>> = (0..200)
            .map(|i| match i % 6 {
                0 => None,
                1 => Some(Value::Int(i)),
                2 => Some(Value::Float(i as f64 / 7.0)),
                3 => Some(Value::string(format!("Organization {i}"))),
                4 => Some(Value::Bool(i % 4 == 0)),
                _ => Some(Value::Int(2009 + i % 3)),
            })
            .collect();
        check(&mixed, |c| matches!(c, Cells::Any(_)));
    }

    #[test]
    fn a_key_no_row_holds_is_null_everywhere() {
        for op in ops() {
            let test = PropertyTest { key: None, op, constant: Value::Int(1) };
            let mut items = vec![1u32, 2, 3];
            retain(&test, None, &mut items, Some);
            assert_eq!(items, if op == TestOp::IsNull { vec![1, 2, 3] } else { vec![] }, "{op:?}");
        }
    }
}

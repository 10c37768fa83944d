//! Aggregates of one numeric property over many entities, read a column at a time:
//! what `sum`, `avg`, `min`, `max` and `count` of a property over a label's nodes or a
//! type's relationships need, without a row or a `Value` per entity.
//!
//! The fold visits the cells in the entities' order and adds the floats one after the
//! other, as the row-by-row aggregation does over a scan in the same order, so the answer
//! is the same to the last bit (relationships are visited in their type's row order, which
//! may differ from a scan's, so a float sum may differ in its last bits there). Only a
//! column that holds numbers of one kind folds; the caller reads the values otherwise.

use std::cmp::Ordering;

use super::narrow::{decode, IntSlice};
use super::properties::{FloatCells, NumberCells, Numbers};
use super::{Graph, NodeId, Number, PropKeyId, RelTypeId};

/// The numbers one property holds over a set of entities.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberFold {
    /// How many of the entities hold a number.
    pub count: u64,
    /// Whether the numbers are integers (else floats).
    pub ints: bool,
    /// The integers' sum; `None` when it passes the range of `i64`.
    pub int_sum: Option<i64>,
    /// The numbers as floats, added in order from the empty sum (as `Iterator::sum`).
    pub float_sum: f64,
    /// The least and the greatest in Cypher's order (the first least, the last greatest).
    pub min: Option<Number>,
    pub max: Option<Number>,
}

impl NumberFold {
    fn empty(ints: bool) -> NumberFold {
        let zero = std::iter::empty::<f64>().sum::<f64>();
        NumberFold { count: 0, ints, int_sum: Some(0), float_sum: zero, min: None, max: None }
    }

    fn add(&mut self, x: Number) {
        self.count += 1;
        match x {
            Number::Int(i) => {
                self.int_sum = self.int_sum.and_then(|s| s.checked_add(i));
                self.float_sum += i as f64;
            }
            Number::Float(f) => self.float_sum += f,
        }
        if self.min.is_none_or(|m| order(x, m) == Ordering::Less) {
            self.min = Some(x);
        }
        if self.max.is_none_or(|m| order(x, m) != Ordering::Less) {
            self.max = Some(x);
        }
    }
}

/// Cypher's order of two numbers of one kind: NaN above every other float.
fn order(a: Number, b: Number) -> Ordering {
    match (a, b) {
        (Number::Int(x), Number::Int(y)) => x.cmp(&y),
        (Number::Float(x), Number::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        },
        // A column holds one kind.
        _ => Ordering::Equal,
    }
}

/// Folds the cells of `numbers` at `rows` (those holding a number), in order: one loop
/// per cell width, so that no cell is matched on its encoding or made a `Number`.
fn fold(numbers: &Numbers<'_>, rows: impl Iterator<Item = u32>) -> NumberFold {
    match numbers.cells {
        NumberCells::Int(cells) => {
            let (base, slice) = cells.slice();
            let (acc, extremes) = match slice {
                IntSlice::Byte(v) => fold_ints(v, base, rows),
                IntSlice::Short(v) => fold_ints(v, base, rows),
                IntSlice::Int(v) => fold_ints(v, base, rows),
                IntSlice::Wide(v) => fold_ints(v, 0, rows),
            };
            NumberFold {
                min: extremes.map(|(lo, _)| Number::Int(lo)),
                max: extremes.map(|(_, hi)| Number::Int(hi)),
                ..acc
            }
        }
        NumberCells::Float(FloatCells::Decimal { places, units }) => {
            // Units order as their floats do (dividing by a power of ten keeps the order,
            // and distinct units are distinct floats); each float is still added in turn.
            let places = *places;
            let (base, slice) = units.slice();
            let (acc, extremes) = match slice {
                IntSlice::Byte(v) => fold_units(v, base, places, rows),
                IntSlice::Short(v) => fold_units(v, base, places, rows),
                IntSlice::Int(v) => fold_units(v, base, places, rows),
                IntSlice::Wide(v) => fold_units(v, 0, places, rows),
            };
            let float = |u: i64| Number::Float(decode(u, places));
            NumberFold { min: extremes.map(|(lo, _)| float(lo)), max: extremes.map(|(_, hi)| float(hi)), ..acc }
        }
        NumberCells::Float(FloatCells::Plain(cells)) => {
            let mut acc = NumberFold::empty(false);
            rows.filter_map(|row| cells.get(row as usize)).for_each(|&f| acc.add(Number::Float(f)));
            acc
        }
    }
}

/// The fold of integer cells `base + d` at `rows`, and their least and greatest.
fn fold_ints<T: Copy + Into<i64>>(
    cells: &[T],
    base: i64,
    rows: impl Iterator<Item = u32>,
) -> (NumberFold, Option<(i64, i64)>) {
    let mut acc = NumberFold::empty(true);
    let (mut sum, mut overflowed, mut lo, mut hi) = (0_i64, false, i64::MAX, i64::MIN);
    for row in rows {
        let Some(&d) = cells.get(row as usize) else { continue };
        let x = base + d.into();
        acc.count += 1;
        let (s, o) = sum.overflowing_add(x);
        sum = s;
        overflowed |= o;
        acc.float_sum += x as f64;
        lo = lo.min(x);
        hi = hi.max(x);
    }
    acc.int_sum = (!overflowed).then_some(sum);
    (acc, (acc.count > 0).then_some((lo, hi)))
}

/// The fold of a decimal column's units `base + d` at `rows` (the floats added in turn),
/// and the least and greatest units.
fn fold_units<T: Copy + Into<i64>>(
    cells: &[T],
    base: i64,
    places: u8,
    rows: impl Iterator<Item = u32>,
) -> (NumberFold, Option<(i64, i64)>) {
    let mut acc = NumberFold::empty(false);
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for row in rows {
        let Some(&d) = cells.get(row as usize) else { continue };
        let u = base + d.into();
        acc.count += 1;
        acc.float_sum += decode(u, places);
        lo = lo.min(u);
        hi = hi.max(u);
    }
    (acc, (acc.count > 0).then_some((lo, hi)))
}

impl Graph {
    /// The numbers `key` holds over `nodes` (in the order given); `None` when its column
    /// holds values other than numbers of one kind. A key no node holds folds to nothing.
    pub fn fold_node_numbers(&self, key: PropKeyId, nodes: &[NodeId]) -> Option<NumberFold> {
        if !self.node_props.has_column(key) {
            return Some(NumberFold::empty(true));
        }
        let numbers = self.node_props.numbers(key)?;
        Some(fold(&numbers, nodes.iter().filter_map(|n| numbers.held(n.0))))
    }

    /// The numbers `key` holds over every relationship of type `ty`, in the type's row
    /// order; `None` as for [`Graph::fold_node_numbers`].
    pub fn fold_rel_numbers(&self, ty: RelTypeId, key: PropKeyId) -> Option<NumberFold> {
        let Some(table) = self.rel_tables.get(ty.0 as usize).filter(|t| t.has_column(key)) else {
            return Some(NumberFold::empty(true));
        };
        let numbers = table.numbers(key)?;
        Some(fold(&numbers, numbers.rows()))
    }

    /// The numbers `key` holds over the relationships of type `ty` at `rows` of its
    /// table, in that order; `None` as for [`Graph::fold_node_numbers`].
    pub(super) fn fold_rel_rows(&self, ty: RelTypeId, key: PropKeyId, rows: &[u32]) -> Option<NumberFold> {
        let Some(table) = self.rel_tables.get(ty.0 as usize).filter(|t| t.has_column(key)) else {
            return Some(NumberFold::empty(true));
        };
        let numbers = table.numbers(key)?;
        Some(fold(&numbers, rows.iter().filter_map(|&row| numbers.held(row))))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::store::{LabelId, Txn};
    use crate::value::Value;

    /// A graph of one node per value of `x` (a missing one for `None`), and the nodes.
    pub(in crate::store) fn graph_of(values: &[Option<Value>]) -> (Graph, PropKeyId, Vec<NodeId>) {
        let mut graph = Graph::new();
        let mut txn = Txn::new(&mut graph);
        let label = txn.label("N").unwrap_or(LabelId(0));
        let key = txn.prop_key("x");
        let nodes = values
            .iter()
            .map(|v| txn.create_node(vec![label], v.iter().map(|v| (key, v.clone())).collect()).unwrap_or(NodeId(0)))
            .collect();
        assert!(txn.commit().is_ok());
        (graph, key, nodes)
    }

    /// The fold made value by value, as the row-by-row aggregation reads the numbers.
    fn by_values(values: &[Option<Value>]) -> NumberFold {
        let numbers: Vec<Number> = values
            .iter()
            .flatten()
            .map(|v| match v {
                Value::Int(i) => Number::Int(*i),
                Value::Float(f) => Number::Float(*f),
                other => panic!("not a number: {other:?}"),
            })
            .collect();
        let mut acc = NumberFold::empty(matches!(numbers.first(), Some(Number::Int(_)) | None));
        numbers.into_iter().for_each(|x| acc.add(x));
        acc
    }

    #[test]
    fn a_fold_by_cell_width_is_the_fold_value_by_value() {
        let ints = |xs: &[i64]| xs.iter().map(|&x| Some(Value::Int(x))).collect::<Vec<_>>();
        let floats = |xs: &[f64]| xs.iter().map(|&x| Some(Value::Float(x))).collect::<Vec<_>>();
        let cases: Vec<Vec<Option<Value>>> = vec![
            ints(&[2008, 1900, 1999, 2008]),                               // bytes from a base
            ints(&[5, -30_000, 7, 30_000]),                                // shorts
            ints(&[5, -3_000_000_000 / 2, 2_000_000_000]),                 // ints
            ints(&[1, i64::MAX, -5]),                                      // wide, the sum overflows
            ints(&[i64::MIN + 1, 3, i64::MAX - 2]),                        // wide, no overflow in the end
            floats(&[0.5764, 0.9062, 0.0, 0.9999, 0.25]),                  // decimals
            floats(&[-1.5, 2.25, -1.5, 1e-3]),                             // decimals, a repeated least
            floats(&[0.1, f64::NAN, 1.0 / 3.0, -0.0, 0.0, f64::INFINITY]), // plain floats
            vec![Some(Value::Int(3)), None, Some(Value::Int(-4)), None],
            vec![None, None],
        ];
        for values in cases {
            let (graph, key, nodes) = graph_of(&values);
            let folded = graph.fold_node_numbers(key, &nodes);
            let expected = by_values(&values);
            let folded = folded.unwrap_or_else(|| panic!("{values:?} does not fold"));
            assert_eq!(folded.count, expected.count, "{values:?}");
            assert_eq!(folded.int_sum, expected.int_sum, "{values:?}");
            assert_eq!(folded.float_sum.to_bits(), expected.float_sum.to_bits(), "{values:?}");
            let bits = |n: Option<Number>| match n {
                Some(Number::Int(i)) => Some((0, i as u64)),
                Some(Number::Float(f)) => Some((1, f.to_bits())),
                None => None,
            };
            assert_eq!(bits(folded.min), bits(expected.min), "min of {values:?}");
            assert_eq!(bits(folded.max), bits(expected.max), "max of {values:?}");
        }
    }
}

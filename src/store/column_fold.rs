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

use super::properties::{NumberCells, Numbers};
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

/// Folds the cells of `numbers` at `rows` (those holding a number), in order.
fn fold(numbers: &Numbers<'_>, rows: impl Iterator<Item = u32>) -> NumberFold {
    match numbers.cells {
        NumberCells::Int(cells) => {
            let mut acc = NumberFold::empty(true);
            rows.filter_map(|row| cells.get(row as usize)).for_each(|i| acc.add(Number::Int(i)));
            acc
        }
        NumberCells::Float(cells) => {
            let mut acc = NumberFold::empty(false);
            rows.filter_map(|row| cells.get(row as usize)).for_each(|f| acc.add(Number::Float(f)));
            acc
        }
    }
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
}

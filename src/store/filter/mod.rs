//! The store-side column predicates: which of a batch of nodes or relationships hold a
//! property that satisfies `op constant`, answered by a loop over the property's column
//! in whatever encoding the store keeps it (see `narrow.rs`).
//!
//! The executor names an operator and a constant ([`CmpOp`], [`TestOp`], a [`Value`]);
//! how the cells are stored (widths, decimal units, thresholds, packed strings) never
//! leaves the store. [`Graph::retain_nodes_where`] and [`Graph::retain_rels_where`] keep
//! the items of a batch that pass one [`PropertyTest`] (`property_test.rs`: every
//! comparison, `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `IS [NOT] NULL`, against cells of
//! every kind); [`Graph::append_nodes_from`] hands a scan its candidates a chunk at a time.

mod property_test;
mod run_test;

/// The column predicate over items that carry their rows (a relationship-type scan's chunk).
pub(super) use property_test::retain as retain_rows;
pub use property_test::{holds_value, PropertyTest, TestOp};

use super::narrow::{units_threshold, FloatCells, IntCells, IntSlice};
use super::properties::NumberCells;
use super::{Graph, LabelId, NodeId, PropKeyId, RelId, RelTypeId};
use crate::value::Value;

/// A comparison operator, as `value op constant`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The operator with its operands swapped: `c < v` is `v > c`.
    pub fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            op => op,
        }
    }
}

/// A comparison with a constant, with Rust's comparisons of integers and floats: for
/// two integers, or two floats, these are the interpreter's (NaN is unordered and
/// unequal; a unit test in the executor holds them to that).
#[derive(Debug, Clone, Copy)]
pub struct Compare<T> {
    pub op: CmpOp,
    pub constant: T,
}

impl<T: PartialOrd + Copy> Compare<T> {
    /// Whether `value` passes; a missing one (null) never does. The operator is the
    /// same for every value of a loop, so its branch is always predicted.
    #[inline]
    pub fn holds(&self, value: Option<T>) -> bool {
        let Some(v) = value else { return false };
        let c = self.constant;
        match self.op {
            CmpOp::Eq => v == c,
            CmpOp::Ne => v != c,
            CmpOp::Lt => v < c,
            CmpOp::Le => v <= c,
            CmpOp::Gt => v > c,
            CmpOp::Ge => v >= c,
        }
    }
}

impl Graph {
    /// Keeps the `items` whose node passes `test`, in order (see `property_test.rs`).
    /// A deleted node's row is cleared, so it holds no property.
    pub fn retain_nodes_where<T: Copy>(&self, test: &PropertyTest, items: &mut Vec<T>, node_of: impl Fn(T) -> NodeId) {
        let column = test.key.and_then(|key| self.node_props.column_cells(key));
        property_test::retain(test, column, items, |item| Some(node_of(item).0))
    }

    /// Keeps the `items` whose relationship, of type `ty`, passes `test`, in order; one of
    /// another type, or none, fails.
    pub fn retain_rels_where<T: Copy>(
        &self,
        ty: RelTypeId,
        test: &PropertyTest,
        items: &mut Vec<T>,
        rel_of: impl Fn(T) -> RelId,
    ) {
        let column = test.key.and_then(|key| self.rel_tables.get(ty.0 as usize)?.column_cells(key));
        let row_of = |item: T| self.rel_slot(rel_of(item)).and_then(|(of_type, row)| (of_type == ty).then_some(row));
        property_test::retain(test, column, items, row_of)
    }

    /// The live nodes of `label` (every live node for `None`) from id `from` on, in id
    /// order, about `limit` of them (a few more when whole words of the label's bitset
    /// are read), appended to `out`; where the next chunk starts. A scan reads its
    /// candidates this way a chunk at a time instead of listing them all first.
    pub fn append_nodes_from(&self, label: Option<LabelId>, from: u32, limit: usize, out: &mut Vec<NodeId>) -> u32 {
        if let Some(label) = label {
            return self.label_index.append_nodes_from(label, from, limit, out);
        }
        let start = out.len();
        let mut id = from as usize;
        while id < self.nodes.len() && out.len() - start < limit {
            if self.nodes[id].state == super::SlotState::Live {
                out.push(NodeId(id as u32));
            }
            id += 1;
        }
        u32::try_from(id).unwrap_or(u32::MAX)
    }

    /// Whether each of `ids`' property `key` satisfies `op constant`, appended to `mask`
    /// (false for a node without a number there), by a loop over the column. Returns
    /// false, with nothing appended, unless the column holds only numbers of the
    /// constant's kind (integers for an integer, floats for a float): the caller then
    /// tests those candidates another way.
    pub fn filter_nodes_by(
        &self,
        key: PropKeyId,
        (op, constant): (CmpOp, &Value),
        ids: &[NodeId],
        mask: &mut Vec<bool>,
    ) -> bool {
        let Some(numbers) = self.node_props.numbers(key) else { return false };
        compare_column(ids, (numbers.cells, |n: &NodeId| numbers.held(n.0)), (op, constant), mask)
    }

    /// As [`Graph::filter_nodes_by`], for relationships all of type `ty` (a relationship
    /// of another type fails).
    pub fn filter_rels_by(
        &self,
        ty: RelTypeId,
        key: PropKeyId,
        (op, constant): (CmpOp, &Value),
        ids: &[RelId],
        mask: &mut Vec<bool>,
    ) -> bool {
        let Some(numbers) = self.rel_tables.get(ty.0 as usize).and_then(|t| t.numbers(key)) else { return false };
        let held = |r: &RelId| {
            let (of_type, row) = self.rel_slot(*r)?;
            numbers.held(row).filter(|_| of_type == ty)
        };
        compare_column(ids, (numbers.cells, held), (op, constant), mask)
    }
}

/// `value op constant` for each of `ids`, into `mask`, reading each one's row in the
/// column through `held` (`None` for no number there); false (and nothing done) unless
/// the constant is a number of the column's kind.
fn compare_column<I>(
    ids: &[I],
    (cells, held): (NumberCells<'_>, impl Fn(&I) -> Option<u32>),
    (op, constant): (CmpOp, &Value),
    mask: &mut Vec<bool>,
) -> bool {
    match (cells, constant) {
        (NumberCells::Int(cells), Value::Int(c)) => {
            let compare = Compare { op, constant: *c };
            test_ints(ids, cells, held, |x| compare.holds(Some(x)), mask);
        }
        (NumberCells::Float(cells), Value::Float(c)) => {
            let compare = Compare { op, constant: *c };
            let decimal = match cells {
                FloatCells::Decimal { places, units } => on_units(compare, *places).map(|t| (units, t)),
                FloatCells::Plain(_) => None,
            };
            match decimal {
                Some((units, threshold)) => test_ints(ids, units, held, |u| threshold.holds(Some(u)), mask),
                None => mask.extend(ids.iter().map(|id| compare.holds(held(id).and_then(|r| cells.get(r as usize))))),
            }
        }
        _ => return false,
    }
    true
}

/// An ordering of a decimal column's values with a constant, as the same test of its
/// integer units against a threshold (see `units_threshold`), so the loop neither
/// decodes nor divides; `None` for an equality test or a NaN constant, left to the floats.
fn on_units(compare: Compare<f64>, places: u8) -> Option<Compare<i64>> {
    let (op, strict) = match compare.op {
        CmpOp::Ge => (CmpOp::Ge, false),
        CmpOp::Lt => (CmpOp::Lt, false),
        CmpOp::Gt => (CmpOp::Ge, true),
        CmpOp::Le => (CmpOp::Lt, true),
        CmpOp::Eq | CmpOp::Ne => return None,
    };
    Some(Compare { op, constant: units_threshold(places, compare.constant, strict)? })
}

/// `test` of each of `ids`' integer in `cells`, into `mask` (false for no number),
/// with the cells' width settled once for the loop.
fn test_ints<I>(
    ids: &[I],
    cells: &IntCells,
    held: impl Fn(&I) -> Option<u32>,
    test: impl Fn(i64) -> bool,
    mask: &mut Vec<bool>,
) {
    fn run<I, T: Copy + Into<i64>>(
        ids: &[I],
        (base, cells): (i64, &[T]),
        held: impl Fn(&I) -> Option<u32>,
        test: impl Fn(i64) -> bool,
        mask: &mut Vec<bool>,
    ) {
        let value = |id: &I| held(id).and_then(|r| cells.get(r as usize)).map(|&d| base + d.into());
        mask.extend(ids.iter().map(|id| value(id).is_some_and(&test)));
    }
    match cells.slice() {
        (base, IntSlice::Byte(v)) => run(ids, (base, v), held, test, mask),
        (base, IntSlice::Short(v)) => run(ids, (base, v), held, test, mask),
        (base, IntSlice::Int(v)) => run(ids, (base, v), held, test, mask),
        (base, IntSlice::Wide(v)) => run(ids, (base, v), held, test, mask),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPS: [CmpOp; 6] = [CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge];

    /// The loops over a decimal column's units (orderings) and over its floats
    /// (equalities) answer as comparing each decoded float does, for every operator,
    /// at constants on, between and beyond the cells.
    #[test]
    fn a_decimal_column_compares_as_its_floats_do() {
        let values: Vec<f64> = (0..2_000).map(|i| f64::from(i * 3 - 3_000) / 1e4).collect();
        let cells = FloatCells::from_values(&values);
        assert!(matches!(cells, FloatCells::Decimal { .. }));
        let rows: Vec<u32> = (0..2_100).collect();
        let held = |r: &u32| (*r < 2_000 && !r.is_multiple_of(13)).then_some(*r);
        for c in [0.0003, 0.15, -0.3, 0.2997, 0.00015, 0.0, -0.0, 3.0, -7.0, f64::NAN, f64::INFINITY] {
            for op in OPS {
                let mut mask = Vec::new();
                assert!(compare_column(&rows, (NumberCells::Float(&cells), held), (op, &Value::Float(c)), &mut mask));
                let direct = Compare { op, constant: c };
                for (r, got) in rows.iter().zip(&mask) {
                    let want = direct.holds(held(r).map(|r| values[r as usize]));
                    assert_eq!(*got, want, "row {r} {op:?} {c}");
                }
            }
        }
    }

    /// Through the graph: nodes and relationships of a type, a column of integers, the
    /// answers those of comparing each stored value, and a constant of the other kind refused.
    #[test]
    fn the_graph_filters_a_batch_by_its_columns() {
        let mut graph = Graph::new();
        let mut txn = crate::store::Txn::new(&mut graph);
        let year = txn.prop_key("year");
        let (Ok(ty), Ok(other)) = (txn.rel_type("T"), txn.rel_type("U")) else { panic!("no types") };
        let mut nodes = Vec::new();
        for i in 0..300i64 {
            let props = if i % 7 == 0 { vec![] } else { vec![(year, Value::Int(1900 + i))] };
            let Ok(node) = txn.create_node(vec![], props) else { panic!("create failed") };
            nodes.push(node);
        }
        let mut rels = Vec::new();
        for (i, pair) in nodes.windows(2).enumerate() {
            let t = if i % 5 == 0 { other } else { ty };
            let Ok(rel) = txn.create_rel(t, pair[0], pair[1], vec![(year, Value::Int(i as i64))]) else {
                panic!("create failed")
            };
            rels.push(rel);
        }
        assert!(txn.commit().is_ok());
        for op in OPS {
            let mut mask = Vec::new();
            assert!(graph.filter_nodes_by(year, (op, &Value::Int(2000)), &nodes, &mut mask));
            let compare = Compare { op, constant: 2000 };
            for (n, got) in nodes.iter().zip(&mask) {
                let want = compare.holds(match graph.node_property(*n, year) {
                    Some(Value::Int(v)) => Some(v),
                    _ => None,
                });
                assert_eq!(*got, want);
            }
            let mut mask = Vec::new();
            assert!(graph.filter_rels_by(ty, year, (op, &Value::Int(100)), &rels, &mut mask));
            let compare = Compare { op, constant: 100 };
            for (r, got) in rels.iter().zip(&mask) {
                let of_type = graph.rel(*r).is_some_and(|e| e.ty == ty);
                let stored = match graph.rel_property(*r, year) {
                    Some(Value::Int(v)) if of_type => Some(v),
                    _ => None,
                };
                assert_eq!(*got, compare.holds(stored));
            }
        }
        let mut mask = Vec::new();
        assert!(!graph.filter_nodes_by(year, (CmpOp::Lt, &Value::Float(2000.0)), &nodes, &mut mask));
        assert!(mask.is_empty());
    }
}

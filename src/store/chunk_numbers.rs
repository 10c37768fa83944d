//! One property's numbers over a chunk of a type's relationships (`rel_scan.rs`), a cell
//! per relationship read down the type's column at the rows the chunk carries: what a
//! fold of relationship columns per node needs (`exec/ops/stored_rel_fold.rs`), without
//! looking any relationship up by its id. The same over a batch of nodes, for a grouped
//! fold over a node scan (`exec/ops/group_fold_batch.rs`).

use super::narrow::{FloatCells, IntSlice};
use super::properties::NumberCells;
use super::rel_scan::RelChunk;
use super::{Graph, NodeId, Number, PropKeyId, RelTypeId};

/// The kind of numbers a type's column of one property holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// No relationship of the type holds the property.
    Absent,
    Ints,
    /// Floats of a few decimal places, kept as integer units: distinct cells are distinct
    /// floats, and none is `-0.0` or NaN.
    Decimals,
    /// Any other floats.
    Floats,
}

impl Graph {
    /// The kind of numbers `key` holds over the relationships of type `ty`; `None` when
    /// its column holds values other than numbers of one kind.
    pub fn rel_number_kind(&self, ty: RelTypeId, key: PropKeyId) -> Option<NumberKind> {
        let Some(table) = self.rel_tables.get(ty.0 as usize).filter(|t| t.has_column(key)) else {
            return Some(NumberKind::Absent);
        };
        Some(match table.numbers(key)?.cells {
            NumberCells::Int(_) => NumberKind::Ints,
            NumberCells::Float(FloatCells::Decimal { .. }) => NumberKind::Decimals,
            NumberCells::Float(FloatCells::Plain(_)) => NumberKind::Floats,
        })
    }

    /// Whether every value `key` holds over the relationships of type `ty` is an integer of
    /// magnitude below `bound` (true when none holds one), judged from the column's cells.
    pub fn rel_ints_below(&self, ty: RelTypeId, key: PropKeyId, bound: u64) -> bool {
        let Some(table) = self.rel_tables.get(ty.0 as usize).filter(|t| t.has_column(key)) else {
            return true;
        };
        match table.numbers(key).map(|numbers| numbers.cells) {
            Some(NumberCells::Int(cells)) => cells.magnitude_bound() < bound,
            _ => false,
        }
    }

    /// Sets `out` to `key`'s number for each relationship of `chunk` (of type `ty`), in
    /// the chunk's order (`None` where it holds none); false, with `out` emptied, when the
    /// column holds values other than numbers of one kind.
    pub fn chunk_numbers(
        &self,
        ty: RelTypeId,
        key: PropKeyId,
        chunk: &RelChunk,
        out: &mut Vec<Option<Number>>,
    ) -> bool {
        out.clear();
        let Some(table) = self.rel_tables.get(ty.0 as usize).filter(|t| t.has_column(key)) else {
            out.resize(chunk.len(), None);
            return true;
        };
        let Some(numbers) = table.numbers(key) else { return false };
        let rows = chunk.rows.iter().map(|&row| numbers.held(row));
        match numbers.cells {
            NumberCells::Int(cells) => {
                out.extend(rows.map(|row| row.and_then(|r| cells.get(r as usize)).map(Number::Int)));
            }
            NumberCells::Float(cells) => {
                out.extend(rows.map(|row| row.and_then(|r| cells.get(r as usize)).map(Number::Float)));
            }
        }
        true
    }

    /// Sets `out` to `key`'s number for each of `nodes`, in order (`None` where a node
    /// holds none); false, with `out` emptied, as for [`Graph::chunk_numbers`].
    pub fn node_numbers(&self, key: PropKeyId, nodes: &[NodeId], out: &mut Vec<Option<Number>>) -> bool {
        out.clear();
        if !self.node_props.has_column(key) {
            out.resize(nodes.len(), None);
            return true;
        }
        let Some(numbers) = self.node_props.numbers(key) else { return false };
        let rows = nodes.iter().map(|node| numbers.held(node.0));
        match numbers.cells {
            // The integers' width is settled once for the whole batch, not per cell.
            NumberCells::Int(cells) => match cells.slice() {
                (base, IntSlice::Byte(v)) => extend_ints(out, v, base, rows),
                (base, IntSlice::Short(v)) => extend_ints(out, v, base, rows),
                (base, IntSlice::Int(v)) => extend_ints(out, v, base, rows),
                (_, IntSlice::Wide(v)) => extend_ints(out, v, 0, rows),
            },
            NumberCells::Float(cells) => {
                out.extend(rows.map(|row| row.and_then(|r| cells.get(r as usize)).map(Number::Float)));
            }
        }
        true
    }
}

/// Appends to `out` the integers `base + d` at `rows` (`None`: no value).
fn extend_ints<T: Copy + Into<i64>>(
    out: &mut Vec<Option<Number>>,
    cells: &[T],
    base: i64,
    rows: impl Iterator<Item = Option<u32>>,
) {
    out.extend(
        rows.map(|row| row.and_then(|r| cells.get(r as usize)).map(|&d| Number::Int(base.wrapping_add(d.into())))),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{NodeId, RelScanCursor, Txn};
    use crate::value::Value;

    /// A graph of one relationship per value of `w` (none for `None`) between two nodes.
    fn graph_of(values: &[Option<Value>]) -> (Graph, RelTypeId, PropKeyId) {
        let mut graph = Graph::new();
        let mut txn = Txn::new(&mut graph);
        let ty = txn.rel_type("T").unwrap_or(RelTypeId(0));
        let key = txn.prop_key("w");
        let a = txn.create_node(vec![], vec![]).unwrap_or(NodeId(0));
        let b = txn.create_node(vec![], vec![]).unwrap_or(NodeId(0));
        for v in values {
            let props = v.iter().map(|v| (key, v.clone())).collect();
            assert!(txn.create_rel(ty, a, b, props).is_ok());
        }
        assert!(txn.commit().is_ok());
        (graph, ty, key)
    }

    fn numbers_of(graph: &Graph, ty: RelTypeId, key: PropKeyId) -> Option<Vec<Option<Number>>> {
        let (mut cursor, mut chunk) = (RelScanCursor::default(), RelChunk::default());
        while !cursor.is_done() {
            graph.append_rels_of_type(ty, &mut cursor, 2, &mut chunk);
        }
        let mut out = Vec::new();
        graph.chunk_numbers(ty, key, &chunk, &mut out).then_some(out)
    }

    #[test]
    fn a_chunk_reads_each_relationships_number_in_order() {
        let (graph, ty, key) = graph_of(&[Some(Value::Int(1990)), None, Some(Value::Int(-4))]);
        assert_eq!(graph.rel_number_kind(ty, key), Some(NumberKind::Ints));
        assert_eq!(numbers_of(&graph, ty, key), Some(vec![Some(Number::Int(1990)), None, Some(Number::Int(-4))]));
        let (graph, ty, key) = graph_of(&[Some(Value::Float(0.25)), Some(Value::Float(1.5))]);
        assert_eq!(graph.rel_number_kind(ty, key), Some(NumberKind::Decimals));
        assert_eq!(numbers_of(&graph, ty, key), Some(vec![Some(Number::Float(0.25)), Some(Number::Float(1.5))]));
    }

    #[test]
    fn a_batch_of_nodes_reads_each_nodes_number_in_order() {
        let (graph, key, nodes) =
            crate::store::column_fold::tests::graph_of(&[Some(Value::Float(0.5)), None, Some(Value::Float(-2.25))]);
        let mut out = Vec::new();
        assert!(graph.node_numbers(key, &[nodes[2], nodes[0], nodes[1]], &mut out));
        assert_eq!(out, vec![Some(Number::Float(-2.25)), Some(Number::Float(0.5)), None]);
        let (graph, key, nodes) =
            crate::store::column_fold::tests::graph_of(&[Some(Value::Int(1)), Some(Value::string("x"))]);
        assert!(!graph.node_numbers(key, &nodes, &mut out));
        assert!(out.is_empty());
    }

    #[test]
    fn a_column_of_mixed_kinds_or_no_column_is_told_apart() {
        let (graph, ty, key) = graph_of(&[Some(Value::Int(1)), Some(Value::string("x"))]);
        assert_eq!(graph.rel_number_kind(ty, key), None);
        assert_eq!(numbers_of(&graph, ty, key), None);
        let (graph, ty, _) = graph_of(&[None, None]);
        let other = PropKeyId(77);
        assert_eq!(graph.rel_number_kind(ty, other), Some(NumberKind::Absent));
        assert_eq!(numbers_of(&graph, ty, other), Some(vec![None, None]));
    }
}

//! One property's numbers over a batch of nodes as a typed slice (`i64` or `f64`) and a
//! mask of the nodes holding one: what a column program (`exec/column_expr`) computes
//! on without a tagged cell per node.

use super::narrow::{decode, FloatCells, IntSlice};
use super::properties::{NumberCells, Numbers};
use super::{Graph, NodeId, PropKeyId, RelId, RelTypeId};

/// A batch's numbers of one kind, a slot per node (0 where the node holds none).
#[derive(Debug, Clone, PartialEq)]
pub enum NumberBlock {
    Ints(Vec<i64>),
    Floats(Vec<f64>),
}

impl Graph {
    /// `key`'s numbers for each of `nodes`, in order, with `held` set to a bit per node
    /// (bit `i % 64` of word `i / 64`) that holds one; `None` when the column holds values
    /// other than numbers of one kind. A key no node holds gives integers none of which is held.
    pub fn node_number_block(&self, key: PropKeyId, nodes: &[NodeId], held: &mut Vec<u64>) -> Option<NumberBlock> {
        held.clear();
        held.resize(nodes.len().div_ceil(64), 0);
        if !self.node_props.has_column(key) {
            return Some(NumberBlock::Ints(vec![0; nodes.len()]));
        }
        let numbers = self.node_props.numbers(key)?;
        if let Some(block) = run_block(&numbers, nodes, held) {
            return Some(block);
        }
        let present = |i: usize| numbers.held(nodes[i].0).map(|r| r as usize);
        Some(gather_block(&numbers, nodes.len(), held, present))
    }

    /// `key`'s numbers for relationships of type `ty` at `rows` of the type's table (a
    /// chunk's rows, or [`Graph::rel_rows`]), as [`Graph::node_number_block`] gives a
    /// batch of nodes': what a column program over a relationship and its ends reads.
    pub fn rel_number_block(
        &self,
        ty: RelTypeId,
        key: PropKeyId,
        rows: &[u32],
        held: &mut Vec<u64>,
    ) -> Option<NumberBlock> {
        held.clear();
        held.resize(rows.len().div_ceil(64), 0);
        let Some(table) = self.rel_tables.get(ty.0 as usize).filter(|t| t.has_column(key)) else {
            return Some(NumberBlock::Ints(vec![0; rows.len()]));
        };
        let numbers = table.numbers(key)?;
        let present = |i: usize| numbers.held(rows[i]).map(|r| r as usize);
        Some(gather_block(&numbers, rows.len(), held, present))
    }

    /// The table rows of `rels` into `rows`, with their one type; `None` when they are not
    /// all live relationships of one type.
    pub fn rel_rows(&self, rels: &[RelId], rows: &mut Vec<u32>) -> Option<RelTypeId> {
        rows.clear();
        let mut one = None;
        for &rel in rels {
            let (ty, row) = self.rel_slot(rel)?;
            if *one.get_or_insert(ty) != ty {
                return None;
            }
            rows.push(row);
        }
        one
    }
}

/// The numbers of `len` elements, element `i` at the cell `present(i)` (`None`: no
/// number), with `held` marking those that have one.
fn gather_block(
    numbers: &Numbers<'_>,
    len: usize,
    held: &mut [u64],
    present: impl Fn(usize) -> Option<usize>,
) -> NumberBlock {
    match numbers.cells {
        // The integers' width is settled once for the whole batch, not per cell.
        NumberCells::Int(cells) => NumberBlock::Ints(match cells.slice() {
            (base, IntSlice::Byte(v)) => gather(v, len, held, present, |&d| base + i64::from(d)),
            (base, IntSlice::Short(v)) => gather(v, len, held, present, |&d| base + i64::from(d)),
            (base, IntSlice::Int(v)) => gather(v, len, held, present, |&d| base + i64::from(d)),
            (_, IntSlice::Wide(v)) => gather(v, len, held, present, |&d| d),
        }),
        NumberCells::Float(FloatCells::Plain(v)) => NumberBlock::Floats(gather(v, len, held, present, |&f| f)),
        NumberCells::Float(cells @ FloatCells::Decimal { .. }) => {
            let mut out = vec![0.0; len];
            for (i, slot) in out.iter_mut().enumerate() {
                if let Some(f) = present(i).and_then(|r| cells.get(r)) {
                    *slot = f;
                    held[i / 64] |= 1 << (i % 64);
                }
            }
            NumberBlock::Floats(out)
        }
    }
}

/// The numbers of `nodes` when they are consecutive ids (a label's nodes as a scan reads
/// them): the held bits copied a word at a time and the cells decoded straight down their
/// slice, with no lookup per node; `None` for any other batch.
fn run_block(numbers: &Numbers<'_>, nodes: &[NodeId], held: &mut [u64]) -> Option<NumberBlock> {
    let start = nodes.first()?.0 as usize;
    if !nodes.iter().enumerate().all(|(i, n)| n.0 as usize == start + i) {
        return None;
    }
    let rows = start..start + nodes.len();
    let block = match numbers.cells {
        NumberCells::Int(cells) => NumberBlock::Ints(match cells.slice() {
            (base, IntSlice::Byte(v)) => decode_run(v.get(rows)?, |&d| base + i64::from(d)),
            (base, IntSlice::Short(v)) => decode_run(v.get(rows)?, |&d| base + i64::from(d)),
            (base, IntSlice::Int(v)) => decode_run(v.get(rows)?, |&d| base + i64::from(d)),
            (_, IntSlice::Wide(v)) => v.get(rows)?.to_vec(),
        }),
        NumberCells::Float(FloatCells::Plain(v)) => NumberBlock::Floats(v.get(rows)?.to_vec()),
        NumberCells::Float(FloatCells::Decimal { places, units }) => {
            let places = *places;
            NumberBlock::Floats(match units.slice() {
                (base, IntSlice::Byte(v)) => decode_run(v.get(rows)?, |&d| decode(base + i64::from(d), places)),
                (base, IntSlice::Short(v)) => decode_run(v.get(rows)?, |&d| decode(base + i64::from(d), places)),
                (base, IntSlice::Int(v)) => decode_run(v.get(rows)?, |&d| decode(base + i64::from(d), places)),
                (_, IntSlice::Wide(v)) => decode_run(v.get(rows)?, |&d| decode(d, places)),
            })
        }
    };
    numbers.held_bits(start as u32, nodes.len(), held);
    Some(block)
}

fn decode_run<T, N>(cells: &[T], decode: impl Fn(&T) -> N) -> Vec<N> {
    cells.iter().map(decode).collect()
}

/// `decode` of the cell at each element's row (`row(i)`, `None`: no value), marking in
/// `held` the elements that have one.
fn gather<T, N: Copy + Default>(
    cells: &[T],
    len: usize,
    held: &mut [u64],
    row: impl Fn(usize) -> Option<usize>,
    decode: impl Fn(&T) -> N,
) -> Vec<N> {
    let mut out = vec![N::default(); len];
    for (i, slot) in out.iter_mut().enumerate() {
        if let Some(cell) = row(i).and_then(|r| cells.get(r)) {
            *slot = decode(cell);
            held[i / 64] |= 1 << (i % 64);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    #[test]
    fn a_batch_reads_each_nodes_number_and_whether_it_has_one() {
        let (graph, key, nodes) =
            crate::store::column_fold::tests::graph_of(&[Some(Value::Float(0.5)), None, Some(Value::Float(-2.25))]);
        let mut held = Vec::new();
        let block = graph.node_number_block(key, &[nodes[2], nodes[0], nodes[1]], &mut held);
        assert_eq!(block, Some(NumberBlock::Floats(vec![-2.25, 0.5, 0.0])));
        assert_eq!(held, vec![0b011]);
        let (graph, key, nodes) =
            crate::store::column_fold::tests::graph_of(&[Some(Value::Int(1990)), Some(Value::Int(-7)), None]);
        assert_eq!(graph.node_number_block(key, &nodes, &mut held), Some(NumberBlock::Ints(vec![1990, -7, 0])));
        assert_eq!(held, vec![0b011]);
        assert_eq!(graph.node_number_block(PropKeyId(77), &nodes, &mut held), Some(NumberBlock::Ints(vec![0; 3])));
        assert_eq!(held, vec![0]);
        let (graph, key, nodes) =
            crate::store::column_fold::tests::graph_of(&[Some(Value::Int(1)), Some(Value::string("x"))]);
        assert_eq!(graph.node_number_block(key, &nodes, &mut held), None);
    }

    #[test]
    fn plain_floats_keep_their_bits() {
        let values = [Some(Value::Float(-0.0)), Some(Value::Float(f64::NAN)), Some(Value::Float(1e300))];
        let (graph, key, nodes) = crate::store::column_fold::tests::graph_of(&values);
        let mut held = Vec::new();
        let Some(NumberBlock::Floats(fs)) = graph.node_number_block(key, &nodes, &mut held) else {
            panic!("floats expected")
        };
        assert!(fs[0] == 0.0 && fs[0].is_sign_negative() && fs[1].is_nan() && fs[2] == 1e300);
        assert_eq!(held, vec![0b111]);
    }
}

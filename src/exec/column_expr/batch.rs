//! A [`ColumnExpr`] over a batch of nodes: each property read in one loop over its
//! column into a typed slice, each operator one loop over its operands' slices, or over
//! their cells where they are not typed as it needs ([`Block`]).

use super::block::{self, bit, Block};
use super::{Case, Cell, ColumnExpr};
use crate::binder::bound::PropKeyRef;
use crate::store::{Graph, NodeId};

impl ColumnExpr {
    /// The value for each of `nodes` (live nodes), in order, typed where it can be.
    pub(crate) fn eval_block(&self, graph: &Graph, nodes: &[NodeId]) -> Block {
        let len = nodes.len();
        let of = |e: &ColumnExpr| e.eval_block(graph, nodes);
        match self {
            ColumnExpr::Property(key) => read_nodes(graph, nodes, key),
            ColumnExpr::Constant(c) => Block::constant(*c, len),
            ColumnExpr::Negate(e) => block::negate(of(e), len),
            ColumnExpr::Not(e) => block::not(of(e), len),
            ColumnExpr::Arithmetic(op, l, r) => block::arithmetic(*op, of(l), of(r), len),
            ColumnExpr::Compare(op, l, r) => block::compare(*op, of(l), of(r), len),
            ColumnExpr::Logic(op, l, r) => block::logic(*op, of(l), of(r), len),
            ColumnExpr::IsNull(e, negated) => block::is_null(of(e), *negated, len),
            ColumnExpr::InList(e, items) => block::in_items(of(e), items, len),
            ColumnExpr::Text(e, test) => {
                Block::Cells(of(e).into_cells(len).into_iter().map(|c| test.test(c)).collect())
            }
            ColumnExpr::Case(case) => case.eval_block(graph, nodes),
            ColumnExpr::Function(f, e) => super::number_function::apply_block(*f, of(e), len),
            ColumnExpr::TypeTest(e, ty, negated) => super::number_function::type_test_block(ty, *negated, of(e), len),
        }
    }
}

impl Case {
    /// Every branch computed for every node, each node then taking the first that hits
    /// (`block::case`).
    fn eval_block(&self, graph: &Graph, nodes: &[NodeId]) -> Block {
        let subject = self.subject.as_ref().map(|s| s.eval_block(graph, nodes));
        let whens = self.whens.iter().map(|(w, t)| (w.eval_block(graph, nodes), t.eval_block(graph, nodes))).collect();
        let otherwise = self.otherwise.as_ref().map(|e| e.eval_block(graph, nodes));
        block::case(subject, whens, otherwise, nodes.len())
    }
}

/// Whether element `i` of a condition's block is true (`None`: the interpreter decides).
pub(crate) fn truth_at(block: &Block, i: usize) -> Option<bool> {
    match block {
        Block::Bools { values, .. } => Some(bit(values, i)),
        Block::Cells(cells) => match cells[i] {
            Cell::Defer => None,
            c => Some(c == Cell::Bool(true)),
        },
        Block::Ints { .. } | Block::Floats { .. } => Some(false),
    }
}

/// `key` of each node: down the column into a typed slice when it holds numbers of one
/// kind, else value by value (a column of strings, booleans or mixed kinds).
fn read_nodes(graph: &Graph, nodes: &[NodeId], key: &PropKeyRef) -> Block {
    let Some(key) = key.resolve(graph.catalog()) else { return Block::constant(Cell::Null, nodes.len()) };
    let mut held = Vec::new();
    match graph.node_number_block(key, nodes, &mut held) {
        Some(numbers) => Block::of_numbers(numbers, held),
        None => {
            Block::Cells(nodes.iter().map(|&node| Cell::of_value(graph.node_property(node, key).as_ref())).collect())
        }
    }
}

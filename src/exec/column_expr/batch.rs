//! A [`ColumnExpr`] over a batch of nodes: each property read in one loop over its
//! column, each operator one loop over its operands' cells.

use super::{cell, Case, Cell, ColumnExpr};
use crate::binder::bound::PropKeyRef;
use crate::store::{Graph, NodeId};
use crate::syntax::ast::BinaryOp;

impl ColumnExpr {
    /// The value for each of `nodes` (live nodes), in order.
    pub(crate) fn eval_nodes(&self, graph: &Graph, nodes: &[NodeId]) -> Vec<Cell> {
        match self {
            ColumnExpr::Property(key) => read_nodes(graph, nodes, key),
            ColumnExpr::Constant(c) => vec![*c; nodes.len()],
            ColumnExpr::Negate(e) => map(e.eval_nodes(graph, nodes), cell::negate),
            ColumnExpr::Not(e) => map(e.eval_nodes(graph, nodes), cell::not),
            ColumnExpr::Arithmetic(op, l, r) => zip(l, r, graph, nodes, |a, b| cell::arithmetic(*op, a, b)),
            ColumnExpr::Compare(op, l, r) => compare(*op, l, r, graph, nodes),
            ColumnExpr::Logic(op, l, r) => zip(l, r, graph, nodes, |a, b| cell::logic(*op, a, b)),
            ColumnExpr::IsNull(e, negated) => map(e.eval_nodes(graph, nodes), |c| cell::is_null(c, *negated)),
            ColumnExpr::InList(e, items) => map(e.eval_nodes(graph, nodes), |c| cell::in_items(c, items)),
            ColumnExpr::Case(case) => case.eval_nodes(graph, nodes),
        }
    }
}

impl Case {
    /// Every branch computed for every node, each node then taking the first that hits
    /// (a `Defer` in a branch not taken never shows).
    fn eval_nodes(&self, graph: &Graph, nodes: &[NodeId]) -> Vec<Cell> {
        let subject = self.subject.as_ref().map(|s| s.eval_nodes(graph, nodes));
        let whens: Vec<(Vec<Cell>, Vec<Cell>)> =
            self.whens.iter().map(|(w, t)| (w.eval_nodes(graph, nodes), t.eval_nodes(graph, nodes))).collect();
        let mut out = match &self.otherwise {
            Some(e) => e.eval_nodes(graph, nodes),
            None => vec![Cell::Null; nodes.len()],
        };
        for (i, value) in out.iter_mut().enumerate() {
            let subject = subject.as_ref().map(|s| s[i]);
            for (when, then) in &whens {
                match cell::case_hit(subject, when[i]) {
                    Err(()) => *value = Cell::Defer,
                    Ok(true) => *value = then[i],
                    Ok(false) => continue,
                }
                break;
            }
        }
        out
    }
}

/// A comparison; with a constant on the right (the common `p.year < 1950`), one loop
/// with the constant held outside it.
fn compare(op: BinaryOp, l: &ColumnExpr, r: &ColumnExpr, graph: &Graph, nodes: &[NodeId]) -> Vec<Cell> {
    match r {
        ColumnExpr::Constant(c) => map(l.eval_nodes(graph, nodes), |a| cell::compare(op, a, *c)),
        _ => zip(l, r, graph, nodes, |a, b| cell::compare(op, a, b)),
    }
}

fn map(mut cells: Vec<Cell>, f: impl Fn(Cell) -> Cell) -> Vec<Cell> {
    for c in &mut cells {
        *c = f(*c);
    }
    cells
}

fn zip(l: &ColumnExpr, r: &ColumnExpr, graph: &Graph, nodes: &[NodeId], f: impl Fn(Cell, Cell) -> Cell) -> Vec<Cell> {
    let mut left = l.eval_nodes(graph, nodes);
    let right = r.eval_nodes(graph, nodes);
    for (a, b) in left.iter_mut().zip(right) {
        *a = f(*a, b);
    }
    left
}

/// `key` of each node: down the column when it holds numbers of one kind, else value
/// by value (a column of strings, booleans or mixed kinds).
fn read_nodes(graph: &Graph, nodes: &[NodeId], key: &PropKeyRef) -> Vec<Cell> {
    let Some(key) = key.resolve(graph.catalog()) else { return vec![Cell::Null; nodes.len()] };
    let mut numbers = Vec::with_capacity(nodes.len());
    if graph.node_numbers(key, nodes, &mut numbers) {
        return numbers.into_iter().map(Cell::of_number).collect();
    }
    nodes.iter().map(|&node| Cell::of_value(graph.node_property(node, key).as_ref())).collect()
}

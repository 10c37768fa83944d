//! Grouping keys evaluated per row, except a key that reads one node only through its
//! labels (`head(labels(x))`, `x:Person`): it is evaluated once per label set of that node
//! and kept by the set's number (`Graph::node_label_set`), so a row costs a look-up
//! instead of a list of label names built and taken apart.

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::Row;
use crate::planner::labels_only_node;
use crate::store::Graph;
use crate::value::Value;

/// How each grouping key is evaluated.
pub(super) struct KeyEvaluation {
    /// Per key: for a key of one node's labels, that node's slot and the value per label
    /// set met so far.
    by_label_set: Vec<Option<(Slot, Vec<Option<Value>>)>>,
}

impl KeyEvaluation {
    pub(super) fn new(keys: &[(Slot, Expr)]) -> KeyEvaluation {
        let by_label_set = keys.iter().map(|(_, e)| labels_only_node(e).map(|node| (node, Vec::new()))).collect();
        KeyEvaluation { by_label_set }
    }

    /// Appends the value of key `i` (`e`) for `row` to `out`.
    pub(super) fn push(&mut self, i: usize, e: &Expr, row: &Row, graph: &Graph, out: &mut Vec<Value>) -> Result<()> {
        let set = match self.by_label_set.get_mut(i) {
            Some(Some((node, values))) => match row.get(*node) {
                // A node no longer live is left to the interpreter, which raises the error.
                Value::Node(id) => graph.node_label_set(*id).map(|set| (set, values)),
                _ => None,
            },
            _ => None,
        };
        let Some((set, values)) = set else {
            out.push(eval(e, row, graph)?);
            return Ok(());
        };
        if let Some(Some(value)) = values.get(set) {
            out.push(value.clone());
            return Ok(());
        }
        let value = eval(e, row, graph)?;
        if values.len() <= set {
            values.resize(set + 1, None);
        }
        values[set] = Some(value.clone());
        out.push(value);
        Ok(())
    }
}

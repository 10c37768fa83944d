//! Where rows come from: the start row, the argument row, node scans and key lookups.

use crate::binder::bound::{Expr, LabelRef, PropKeyRef, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::NodeId;
use crate::value::Value;

/// One empty row, once.
#[derive(Default)]
pub struct Start {
    done: bool,
}

impl Operator for Start {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        Ok(Some(Row::new(ctx.width)))
    }
}

/// The row of the enclosing `Optional`, once.
#[derive(Default)]
pub struct Argument {
    done: bool,
}

impl Operator for Argument {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        Ok(ctx.arguments.last().cloned())
    }
}

/// For each input row, each node (of a label) bound into `slot`. The candidates are
/// fixed when an input row arrives, so writes later in the statement are not seen.
pub struct NodeScan {
    input: Box<dyn Operator>,
    slot: Slot,
    label: Option<LabelRef>,
    current: Option<Row>,
    candidates: std::vec::IntoIter<NodeId>,
}

impl NodeScan {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: Option<LabelRef>) -> NodeScan {
        NodeScan { input, slot, label, current: None, candidates: Vec::new().into_iter() }
    }
}

impl Operator for NodeScan {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = &self.current {
                for node in self.candidates.by_ref() {
                    ctx.cancel.tick()?;
                    if ctx.graph().contains_node(node) {
                        let mut out = row.clone();
                        out.set(self.slot, Value::Node(node));
                        return Ok(Some(out));
                    }
                }
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            let graph = ctx.graph();
            let nodes: Vec<NodeId> = match &self.label {
                Some(label) => match label.resolve(graph.catalog()) {
                    Some(l) => graph.nodes_with_label(l).collect(),
                    None => Vec::new(),
                },
                None => graph.node_ids().collect(),
            };
            self.candidates = nodes.into_iter();
            self.current = Some(row);
        }
    }
}

/// For each input row, the node of `label` whose key equals `value`: through the key
/// index when the graph keeps one for it, else by scanning the label.
pub struct NodeByKey {
    input: Box<dyn Operator>,
    slot: Slot,
    label: LabelRef,
    key: PropKeyRef,
    value: Expr,
}

impl NodeByKey {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: LabelRef, key: PropKeyRef, value: Expr) -> NodeByKey {
        NodeByKey { input, slot, label, key, value }
    }
}

impl Operator for NodeByKey {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(mut row) = self.input.next(ctx)? {
            let graph = ctx.graph();
            let (Some(label), Some(key)) = (self.label.resolve(graph.catalog()), self.key.resolve(graph.catalog()))
            else {
                continue;
            };
            let value = eval(&self.value, &row, graph)?;
            let found = if graph.is_key(label, key) {
                graph.node_by_key(label, key, &value)
            } else {
                graph
                    .nodes_with_label(label)
                    .find(|n| graph.node_property(*n, key).and_then(|v| v.cypher_eq(&value)) == Some(true))
            };
            if let Some(node) = found {
                row.set(self.slot, Value::Node(node));
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

//! Where rows come from: the start row, the argument row, node scans and key lookups.

use std::collections::HashSet;

use crate::binder::bound::{Expr, LabelRef, PropKeyRef, Slot};
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::exec::expr::eval;
use crate::exec::ops::filter::FusedFilter;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Operator, Row};
use crate::store::{Graph, LabelId, NodeId, PropKeyId};
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
/// fixed when an input row arrives, so writes later in the statement are not seen. A
/// filter right above it in the plan is checked here, on each candidate before its row is
/// copied.
pub struct NodeScan {
    input: Box<dyn Operator>,
    slot: Slot,
    label: Option<LabelRef>,
    filter: FusedFilter,
    /// The input row being extended; its `slot` is overwritten by each candidate.
    current: Option<Row>,
    nodes: std::vec::IntoIter<NodeId>,
}

impl NodeScan {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: Option<LabelRef>) -> NodeScan {
        NodeScan { input, slot, label, filter: FusedFilter::default(), current: None, nodes: Vec::new().into_iter() }
    }

    /// Checks a `Filter` fused into the scan on each node.
    pub fn with_filter(mut self, filter: FusedFilter) -> NodeScan {
        self.filter = filter;
        self
    }
}

impl Operator for NodeScan {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = &mut self.current {
                for node in self.nodes.by_ref() {
                    ctx.cancel.tick()?;
                    if !ctx.graph().contains_node(node) {
                        continue;
                    }
                    let bound = [(self.slot, Entity::Node(node))];
                    if self.filter.passes(row, &bound, ctx.graph())? {
                        row.set(self.slot, Value::Node(node));
                        return Ok(Some(row.clone()));
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
            self.nodes = nodes.into_iter();
            self.current = Some(row);
        }
    }
}

/// The node of `label` whose `key` property equals `value` (openCypher's `=`: null and
/// NaN equal nothing): through the key index when the graph keeps one for it, else by
/// scanning the label.
fn find_by_key(graph: &Graph, label: LabelId, key: PropKeyId, value: &Value) -> Option<NodeId> {
    let equal = |n: &NodeId| graph.node_property(*n, key).and_then(|v| v.cypher_eq(value)) == Some(true);
    if graph.is_key(label, key) {
        // The index groups values by the order's equivalence (where NaN equals NaN): the
        // candidate is checked with `=` itself.
        graph.node_by_key(label, key, value).filter(equal)
    } else {
        graph.nodes_with_label(label).find(equal)
    }
}

/// For each input row, the node of `label` whose key equals `value`.
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
            if let Some(node) = find_by_key(graph, label, key, &value) {
                row.set(self.slot, Value::Node(node));
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

/// For each input row, the nodes of `label` whose key is one of the values of a list
/// (`WHERE n.key IN list`), in the list's order, each node once.
pub struct NodeByKeys {
    input: Box<dyn Operator>,
    slot: Slot,
    label: LabelRef,
    key: PropKeyRef,
    values: Expr,
    current: Option<Row>,
    found: std::vec::IntoIter<NodeId>,
}

impl NodeByKeys {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: LabelRef, key: PropKeyRef, values: Expr) -> NodeByKeys {
        NodeByKeys { input, slot, label, key, values, current: None, found: Vec::new().into_iter() }
    }

    /// The nodes the list's values find. A null list finds none (`x IN null` is null); a
    /// value that is no list is the error `IN` gives.
    fn seek(&self, row: &Row, graph: &Graph) -> Result<Vec<NodeId>> {
        let (Some(label), Some(key)) = (self.label.resolve(graph.catalog()), self.key.resolve(graph.catalog())) else {
            return Ok(Vec::new());
        };
        let items = match eval(&self.values, row, graph)? {
            Value::Null => return Ok(Vec::new()),
            Value::List(items) => items,
            other => {
                let message = format!("IN needs a list on its right, got a {}", other.type_name());
                return Err(
                    Error::at(ErrorCode::InvalidArgumentType, self.values.span, message).as_kind(ErrorKind::TypeError)
                );
            }
        };
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        for value in items.iter().filter(|v| !v.is_null()) {
            // `1` and `1.0` find the same node: it comes once.
            if let Some(node) = find_by_key(graph, label, key, value).filter(|n| seen.insert(*n)) {
                found.push(node);
            }
        }
        Ok(found)
    }
}

impl Operator for NodeByKeys {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(node)) = (&self.current, self.found.next()) {
                let mut out = row.clone();
                out.set(self.slot, Value::Node(node));
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.found = self.seek(&row, ctx.graph())?.into_iter();
            self.current = Some(row);
        }
    }
}

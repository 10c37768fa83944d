//! Exporting a graph, or the part of it a query returned, to formats other tools read.
//!
//! Input: a [`GraphView`] (the whole graph or a subgraph). Output: text written to any
//! `io::Write`. Exporters read the graph and never change it, and never print by
//! themselves.

mod dot;

use std::collections::BTreeSet;
use std::io::{self, Write};

use crate::result::QueryResult;
use crate::store::{Graph, NodeId, RelId};
use crate::value::Value;

/// The formats `steppe export --to` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Graphviz DOT, for pictures.
    Dot,
}

impl ExportFormat {
    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text.to_ascii_lowercase().as_str() {
            "dot" => Some(ExportFormat::Dot),
            _ => None,
        }
    }
}

/// What an export shows besides labels and types.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Property keys to show on nodes and relationships; empty: each node's `name`
    /// (or `title`, or `id`) only.
    pub show: Vec<String>,
}

/// The nodes and relationships to export, in id order.
#[derive(Debug, Clone)]
pub struct GraphView<'g> {
    pub graph: &'g Graph,
    pub nodes: BTreeSet<NodeId>,
    pub rels: BTreeSet<RelId>,
}

impl<'g> GraphView<'g> {
    pub fn whole(graph: &'g Graph) -> GraphView<'g> {
        GraphView { graph, nodes: graph.node_ids().collect(), rels: graph.rel_ids().collect() }
    }

    /// The nodes, relationships and paths a query returned, with the end nodes of the
    /// returned relationships.
    pub fn of_result(graph: &'g Graph, result: &QueryResult) -> GraphView<'g> {
        let mut view = GraphView { graph, nodes: BTreeSet::new(), rels: BTreeSet::new() };
        for value in result.rows.iter().flatten() {
            view.add(value);
        }
        let ends: Vec<NodeId> = view.rels.iter().filter_map(|r| graph.rel(*r)).flat_map(|e| [e.start, e.end]).collect();
        view.nodes.extend(ends);
        view.nodes.retain(|n| graph.contains_node(*n));
        view.rels.retain(|r| graph.contains_rel(*r));
        view
    }

    fn add(&mut self, value: &Value) {
        match value {
            Value::Node(id) => {
                self.nodes.insert(*id);
            }
            Value::Relationship(id) => {
                self.rels.insert(*id);
            }
            Value::Path(path) => {
                self.nodes.extend(path.nodes.iter().copied());
                self.rels.extend(path.rels.iter().copied());
            }
            Value::List(items) => items.iter().for_each(|v| self.add(v)),
            Value::Map(map) => map.values().for_each(|v| self.add(v)),
            _ => {}
        }
    }
}

pub fn export(
    format: ExportFormat,
    view: &GraphView<'_>,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Dot => dot::write(view, options, out),
    }
}

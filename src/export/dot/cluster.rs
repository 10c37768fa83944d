//! Which box (a Graphviz cluster) each node of a picture is drawn in.
//!
//! - By label: one box per label, holding the nodes it is the primary label of.
//! - By article (by source): one box per source a node comes from, when it comes from
//!   exactly one; what several sources share stays outside the boxes, between them. A
//!   node's sources are its own `sources`, those of its properties (`k__sources`) and
//!   those of every relationship it has (MENTIONS included, drawn or not), so the boxes
//!   show what only one article says, and the middle what the articles have in common.
//!   A source node (the `Article` whose key a source names) is in its own box.

use std::collections::{BTreeMap, BTreeSet};

use super::style::primary_label;
use crate::export::GraphView;
use crate::provenance::SOURCES_SUFFIX;
use crate::store::{Direction, Graph, NodeId};
use crate::value::Value;

/// How a picture groups its nodes into boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cluster {
    /// No boxes.
    None,
    /// One box per label.
    Label,
    /// One box per article (source) for what only it says.
    Article,
}

impl Cluster {
    pub fn parse(text: &str) -> Option<Cluster> {
        match text.to_ascii_lowercase().as_str() {
            "none" => Some(Cluster::None),
            "label" => Some(Cluster::Label),
            "article" | "source" => Some(Cluster::Article),
            _ => None,
        }
    }
}

/// One box: a stable id, its title, its nodes.
pub struct Group {
    pub id: String,
    pub title: String,
    pub nodes: Vec<NodeId>,
}

/// The boxes of the view, and the nodes outside any box.
pub fn group(view: &GraphView<'_>, cluster: Cluster) -> (Vec<Group>, Vec<NodeId>) {
    match cluster {
        Cluster::None => (Vec::new(), view.nodes.iter().copied().collect()),
        Cluster::Label => by_label(view),
        Cluster::Article => by_source(view),
    }
}

fn by_label(view: &GraphView<'_>) -> (Vec<Group>, Vec<NodeId>) {
    let catalog = view.graph.catalog();
    let mut groups: BTreeMap<String, Vec<NodeId>> = BTreeMap::new();
    let mut loose = Vec::new();
    for &node in &view.nodes {
        match primary_label(view.graph, node) {
            Some(label) => groups.entry(catalog.label_name(label).to_string()).or_default().push(node),
            None => loose.push(node),
        }
    }
    let groups = groups
        .into_iter()
        .map(|(name, nodes)| Group { id: format!("label {name}"), title: format!("{name} ({})", nodes.len()), nodes })
        .collect();
    (groups, loose)
}

fn by_source(view: &GraphView<'_>) -> (Vec<Group>, Vec<NodeId>) {
    let graph = view.graph;
    let source_nodes: BTreeMap<NodeId, String> =
        sources_in(view).into_iter().filter_map(|s| node_by_key_value(graph, &s).map(|n| (n, s))).collect();
    let mut groups: BTreeMap<String, Vec<NodeId>> = BTreeMap::new();
    let mut loose = Vec::new();
    for &node in &view.nodes {
        let own = source_nodes.get(&node).cloned();
        let sources = node_sources(graph, node);
        match own.or_else(|| (sources.len() == 1).then(|| sources.into_iter().next()).flatten()) {
            Some(source) => groups.entry(source).or_default().push(node),
            None => loose.push(node),
        }
    }
    let title_of = |source: &str| {
        let title = node_by_key_value(graph, source).and_then(|n| text_property(graph, n, "title"));
        match title {
            Some(title) => format!("{source}\n{}", super::style::wrap(&title, 40)),
            None => source.to_string(),
        }
    };
    let groups = groups
        .into_iter()
        .map(|(source, nodes)| Group { id: format!("source {source}"), title: title_of(&source), nodes })
        .collect();
    (groups, loose)
}

/// Every source any node of the view names.
fn sources_in(view: &GraphView<'_>) -> BTreeSet<String> {
    view.nodes.iter().flat_map(|&n| node_sources(view.graph, n)).collect()
}

/// A node's sources: its own, its properties', its relationships'.
fn node_sources(graph: &Graph, node: NodeId) -> BTreeSet<String> {
    let catalog = graph.catalog();
    let mut sources = BTreeSet::new();
    for (key, value) in graph.node_properties(node) {
        let name = catalog.prop_key_name(key);
        if &**name == "sources" || name.ends_with(SOURCES_SUFFIX) {
            add_strings(&value, &mut sources);
        }
    }
    if let Some(key) = catalog.prop_key("sources") {
        for rel in graph.rels_of(node, Direction::Both) {
            if let Some(value) = graph.rel_property(rel.id, key) {
                add_strings(&value, &mut sources);
            }
        }
    }
    sources
}

fn add_strings(value: &Value, into: &mut BTreeSet<String>) {
    if let Value::List(items) = value {
        into.extend(items.iter().filter_map(|v| v.as_str().map(str::to_string)));
    }
}

/// The node whose declared key has this value (an article by its id).
fn node_by_key_value(graph: &Graph, text: &str) -> Option<NodeId> {
    let value = Value::string(text);
    graph
        .schema()
        .node_types()
        .filter_map(|t| Some((t.label, t.key?)))
        .find_map(|(l, k)| graph.node_by_key(l, k, &value))
}

fn text_property(graph: &Graph, node: NodeId, key: &str) -> Option<String> {
    let key = graph.catalog().prop_key(key)?;
    graph.node_property(node, key).and_then(|v| v.as_str().map(str::to_string))
}

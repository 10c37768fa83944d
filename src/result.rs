//! What a statement returns: columns, rows, side-effect counts, and the labels and
//! properties of every node and relationship the rows mention, so that the result can
//! be printed without the graph.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use crate::store::{Graph, NodeId, RelId, Stats};
use crate::value::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct NodeData {
    pub labels: Vec<Arc<str>>,
    pub properties: BTreeMap<Arc<str>, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelData {
    pub rel_type: Arc<str>,
    pub start: NodeId,
    pub end: NodeId,
    pub properties: BTreeMap<Arc<str>, Value>,
}

/// Labels and properties of the entities a result refers to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    pub nodes: HashMap<NodeId, NodeData>,
    pub rels: HashMap<RelId, RelData>,
}

impl Entities {
    /// Snapshots every node and relationship found in `rows` (inside lists, maps and
    /// paths too).
    pub fn collect(rows: &[Vec<Value>], graph: &Graph) -> Entities {
        let mut entities = Entities::default();
        for value in rows.iter().flatten() {
            entities.visit(value, graph);
        }
        entities
    }

    /// Adds the entities of more rows (a result's evidence).
    pub fn extend(&mut self, rows: &[Vec<Value>], graph: &Graph) {
        for value in rows.iter().flatten() {
            self.visit(value, graph);
        }
    }

    fn visit(&mut self, value: &Value, graph: &Graph) {
        match value {
            Value::Node(id) => self.add_node(*id, graph),
            Value::Relationship(id) => self.add_rel(*id, graph),
            Value::Path(path) => {
                path.nodes.iter().for_each(|n| self.add_node(*n, graph));
                path.rels.iter().for_each(|r| self.add_rel(*r, graph));
            }
            Value::List(items) => items.iter().for_each(|v| self.visit(v, graph)),
            Value::Map(map) => map.values().for_each(|v| self.visit(v, graph)),
            _ => {}
        }
    }

    fn add_node(&mut self, id: NodeId, graph: &Graph) {
        if self.nodes.contains_key(&id) {
            return;
        }
        let catalog = graph.catalog();
        let labels = graph.node_labels(id).iter().map(|l| catalog.label_name(*l).clone()).collect();
        let properties =
            graph.node_properties(id).into_iter().map(|(k, v)| (catalog.prop_key_name(k).clone(), v)).collect();
        self.nodes.insert(id, NodeData { labels, properties });
    }

    fn add_rel(&mut self, id: RelId, graph: &Graph) {
        if self.rels.contains_key(&id) {
            return;
        }
        let Some(entry) = graph.rel(id) else { return };
        let catalog = graph.catalog();
        let properties =
            graph.rel_properties(id).into_iter().map(|(k, v)| (catalog.prop_key_name(k).clone(), v)).collect();
        self.rels.insert(
            id,
            RelData {
                rel_type: catalog.rel_type_name(entry.ty).clone(),
                start: entry.start,
                end: entry.end,
                properties,
            },
        );
        self.add_node(entry.start, graph);
        self.add_node(entry.end, graph);
    }
}

/// Time spent in each stage, for `--timing`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timing {
    pub parse: Duration,
    pub plan: Duration,
    pub execute: Duration,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub stats: Stats,
    pub entities: Entities,
    /// The plan, for EXPLAIN (without rows) and PROFILE (with counts).
    pub plan: Option<String>,
    /// EXPLAIN: the statement was planned, not run.
    pub plan_only: bool,
    pub timing: Timing,
    /// Hints beside the result, not errors: a name that matched nothing, with the
    /// entities closest to it (shown on standard error in the shell, `notifications` in JSON).
    pub notifications: Vec<Notification>,
    /// With `ExecOptions::evidence`: for each row, the nodes and relationships bound when
    /// it was produced (path elements included); their labels and properties, provenance
    /// included, are in `entities`.
    pub evidence: Option<Vec<Vec<Value>>>,
}

/// A hint about a statement that ran (Neo4j's "notifications").
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub code: String,
    pub message: String,
}

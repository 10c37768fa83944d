//! A Cypher script that recreates the graph.
//!
//! Nodes and relationships go in batches of [`BATCH`] rows, each batch one statement of
//! the form `UNWIND [{…}, …] AS row CREATE … SET … = row…`, grouped by label set and by
//! relationship type, so that a statement stays small and the target plans it once.
//!
//! **steppe** (the default): the schema DDL first, then the data, for
//! `steppe --db new.db run dump.cypher` on an empty graph. A relationship finds its end
//! nodes by their declared key (`MATCH (a:Country {name: row.s})`, an index lookup).
//! A node without a key — every node of an open graph — carries a temporary
//! `__dump_id` property while the script runs, matched by the relationships and removed
//! at the end. A typed graph cannot take that property, so there a relationship whose
//! end node has no key cannot be written (an `ExportUnsupported` error: use JSON or CSV).
//!
//! **neo4j** (`--dialect neo4j`): for Neo4j 5 and Memgraph, which take no steppe DDL.
//! Every node gets a temporary label `__SteppeImport` and property `__steppe_id` (as
//! APOC's export does), the relationships match on them, and a last statement removes
//! both. The statements that index the temporary key (their syntax differs between the
//! two servers) and the key constraints of the schema are written as comments to run
//! by hand. Map values, which neither server stores as properties, become JSON text.
//! Kuzu needs declared node tables and takes CSV through `COPY FROM`: use `--to csv`.

use std::collections::BTreeMap;
use std::io::Write;

use super::GraphView;
use crate::error::{Error, ErrorCode, Result};
use crate::store::{Graph, LabelId, NodeId, PropKeyId, RelTypeId};
use crate::syntax::quote_name;
use crate::value::Value;

/// Rows per statement.
pub const BATCH: usize = 500;

const DUMP_ID: &str = "__dump_id";
const NEO4J_LABEL: &str = "__SteppeImport";
const NEO4J_ID: &str = "__steppe_id";

/// Which engines a Cypher dump is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// steppe itself: schema DDL and all.
    #[default]
    Steppe,
    /// Neo4j 5 and Memgraph.
    Neo4j,
}

impl Dialect {
    pub fn parse(text: &str) -> Option<Dialect> {
        match text.to_ascii_lowercase().as_str() {
            "steppe" => Some(Dialect::Steppe),
            "neo4j" | "memgraph" => Some(Dialect::Neo4j),
            _ => None,
        }
    }
}

pub fn write(view: &GraphView<'_>, dialect: Dialect, out: &mut dyn Write) -> Result<()> {
    let text = match dialect {
        Dialect::Steppe => steppe_dump(view)?,
        Dialect::Neo4j => neo4j_dump(view),
    };
    super::written(out.write_all(text.as_bytes()))
}

/// How a relationship's end node is found again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Handle {
    /// `(:Label {key: value})`.
    Key { label: String, key: String },
    /// `(:Label {__dump_id: id})`, the label (if any) narrowing the scan.
    DumpId { label: Option<String> },
    /// `(:__SteppeImport {__steppe_id: id})`, for Neo4j and Memgraph.
    Import,
}

impl Handle {
    fn pattern(&self, var: &str, field: &str) -> String {
        match self {
            Handle::Key { label, key } => format!("({var}:{} {{{}: row.{field}}})", quote_name(label), quote_name(key)),
            Handle::DumpId { label: Some(label) } => {
                format!("({var}:{} {{{DUMP_ID}: row.{field}}})", quote_name(label))
            }
            Handle::DumpId { label: None } => format!("({var} {{{DUMP_ID}: row.{field}}})"),
            Handle::Import => format!("({var}:{NEO4J_LABEL} {{{NEO4J_ID}: row.{field}}})"),
        }
    }
}

/// The handle of `node` and the value that finds it.
fn handle(graph: &Graph, node: NodeId) -> Option<(Handle, Value)> {
    let catalog = graph.catalog();
    let mut labels: Vec<LabelId> = graph.node_labels(node).to_vec();
    labels.sort_by_key(|l| catalog.label_name(*l).to_string());
    for label in &labels {
        if let Some(key) = graph.schema().node_type(*label).and_then(|t| t.key) {
            if let Some(value) = graph.node_property(node, key) {
                let handle = Handle::Key {
                    label: catalog.label_name(*label).to_string(),
                    key: catalog.prop_key_name(key).to_string(),
                };
                return Some((handle, value.clone()));
            }
        }
    }
    if graph.schema().is_typed() {
        return None;
    }
    let label = labels.first().map(|l| catalog.label_name(*l).to_string());
    Some((Handle::DumpId { label }, Value::Int(i64::from(node.0))))
}

fn label_suffix(graph: &Graph, labels: &[LabelId]) -> String {
    let catalog = graph.catalog();
    let mut names: Vec<String> = labels.iter().map(|l| catalog.label_name(*l).to_string()).collect();
    names.sort();
    names.iter().map(|n| format!(":{}", quote_name(n))).collect()
}

fn nodes_by_labels(view: &GraphView<'_>) -> BTreeMap<String, Vec<NodeId>> {
    let mut groups: BTreeMap<String, Vec<NodeId>> = BTreeMap::new();
    for node in &view.nodes {
        groups.entry(label_suffix(view.graph, view.graph.node_labels(*node))).or_default().push(*node);
    }
    groups
}

fn header(view: &GraphView<'_>, out: &mut String, lines: &[&str]) {
    out.push_str(&format!(
        "// A steppe graph as Cypher: {} nodes, {} relationships.\n",
        view.nodes.len(),
        view.rels.len()
    ));
    for line in lines {
        out.push_str(&format!("// {line}\n"));
    }
}

fn steppe_dump(view: &GraphView<'_>) -> Result<String> {
    let graph = view.graph;
    let catalog = graph.catalog();
    let mut out = String::new();
    header(view, &mut out, &["Load it into an empty graph: steppe --db new.db run dump.cypher"]);
    let ddl = graph.schema().to_ddl(catalog);
    if !ddl.is_empty() {
        out.push_str("\n// The schema.\n");
        out.push_str(&ddl);
    }
    // Nodes that relationships find by a temporary id, not by a key.
    let mut handles: BTreeMap<NodeId, (Handle, Value)> = BTreeMap::new();
    for rel in &view.rels {
        let Some(entry) = graph.rel(*rel) else { continue };
        for node in [entry.start, entry.end] {
            if handles.contains_key(&node) {
                continue;
            }
            let found = handle(graph, node).ok_or_else(|| {
                Error::new(
                    ErrorCode::ExportUnsupported,
                    format!(
                        "node {} has no key, so a Cypher dump cannot find it again for its relationships in a typed graph",
                        describe(graph, node)
                    ),
                )
                .with_hint("declare a KEY on its type, or export --to json or --to csv")
            })?;
            handles.insert(node, found);
        }
    }
    let uses_dump_id = handles.values().any(|(h, _)| matches!(h, Handle::DumpId { .. }));
    out.push_str("\n// The nodes.\n");
    for (labels, nodes) in nodes_by_labels(view) {
        for batch in nodes.chunks(BATCH) {
            let rows: Vec<String> = batch
                .iter()
                .map(|n| {
                    let mut props =
                        props_literal(graph, graph.node_properties(*n).iter().map(|(k, v)| (*k, v)), Dialect::Steppe);
                    if let Some((Handle::DumpId { .. }, id)) = handles.get(n) {
                        props.push((DUMP_ID.to_string(), id.to_string()));
                    }
                    map_literal(&props)
                })
                .collect();
            out.push_str(&format!("UNWIND [{}] AS row CREATE (n{labels}) SET n = row;\n", rows.join(", ")));
        }
    }
    write_rels(view, &mut out, Dialect::Steppe, |node| handles.get(&node).cloned());
    if uses_dump_id {
        out.push_str(&format!(
            "\n// The temporary ids.\nMATCH (n) WHERE n.{DUMP_ID} IS NOT NULL REMOVE n.{DUMP_ID};\n"
        ));
    }
    write_constraints(graph, &mut out);
    Ok(out)
}

/// The relationships, batched by type and by how their ends are found.
fn write_rels(
    view: &GraphView<'_>,
    out: &mut String,
    dialect: Dialect,
    handle: impl Fn(NodeId) -> Option<(Handle, Value)>,
) {
    let graph = view.graph;
    let mut groups: BTreeMap<(RelTypeId, Handle, Handle), Vec<String>> = BTreeMap::new();
    for rel in &view.rels {
        let Some(entry) = graph.rel(*rel) else { continue };
        let (Some((start, s)), Some((end, e))) = (handle(entry.start), handle(entry.end)) else { continue };
        let props = graph.rel_properties(*rel);
        let props = props_literal(graph, props.iter().map(|(k, v)| (*k, v)), dialect);
        let row = format!("{{s: {}, e: {}, p: {}}}", literal(&s, dialect), literal(&e, dialect), map_literal(&props));
        groups.entry((entry.ty, start, end)).or_default().push(row);
    }
    if groups.is_empty() {
        return;
    }
    out.push_str("\n// The relationships.\n");
    let set = if dialect == Dialect::Steppe { "=" } else { "+=" };
    for ((ty, start, end), rows) in groups {
        let ty = quote_name(graph.catalog().rel_type_name(ty));
        for batch in rows.chunks(BATCH) {
            out.push_str(&format!(
                "UNWIND [{}] AS row MATCH {}, {} CREATE (a)-[r:{ty}]->(b) SET r {set} row.p;\n",
                batch.join(", "),
                start.pattern("a", "s"),
                end.pattern("b", "e"),
            ));
        }
    }
}

fn neo4j_dump(view: &GraphView<'_>) -> String {
    let graph = view.graph;
    let catalog = graph.catalog();
    let mut out = String::new();
    header(
        view,
        &mut out,
        &[
            "For Neo4j 5 and Memgraph: run it on an empty database (cypher-shell -f dump.cypher, mgconsole < dump.cypher).",
            "On a large graph, first index the temporary key that relationships match on:",
            &format!("  Neo4j:    CREATE CONSTRAINT steppe_import IF NOT EXISTS FOR (n:{NEO4J_LABEL}) REQUIRE n.{NEO4J_ID} IS UNIQUE;"),
            &format!("  Memgraph: CREATE INDEX ON :{NEO4J_LABEL}({NEO4J_ID});"),
        ],
    );
    let keys: Vec<String> = graph
        .schema()
        .node_types()
        .filter_map(|t| Some((catalog.label_name(t.label), catalog.prop_key_name(t.key?))))
        .map(|(label, key)| {
            format!(
                "//   CREATE CONSTRAINT IF NOT EXISTS FOR (n:{}) REQUIRE n.{} IS UNIQUE;",
                quote_name(label),
                quote_name(key)
            )
        })
        .collect();
    if !keys.is_empty() {
        out.push_str("// The keys of the steppe schema, as Neo4j 5 constraints (Memgraph: CREATE CONSTRAINT ON (n:L) ASSERT n.k IS UNIQUE):\n");
        out.push_str(&keys.join("\n"));
        out.push('\n');
    }
    out.push_str("\n// The nodes.\n");
    for (labels, nodes) in nodes_by_labels(view) {
        for batch in nodes.chunks(BATCH) {
            let rows: Vec<String> = batch
                .iter()
                .map(|n| {
                    let props =
                        props_literal(graph, graph.node_properties(*n).iter().map(|(k, v)| (*k, v)), Dialect::Neo4j);
                    format!("{{i: {n}, p: {}}}", map_literal(&props))
                })
                .collect();
            out.push_str(&format!(
                "UNWIND [{}] AS row CREATE (n{labels}:{NEO4J_LABEL} {{{NEO4J_ID}: row.i}}) SET n += row.p;\n",
                rows.join(", ")
            ));
        }
    }
    write_rels(view, &mut out, Dialect::Neo4j, |node| Some((Handle::Import, Value::Int(i64::from(node.0)))));
    out.push_str(&format!(
        "\n// The temporary label and ids.\nMATCH (n:{NEO4J_LABEL}) REMOVE n:{NEO4J_LABEL}, n.{NEO4J_ID};\n"
    ));
    write_constraints(graph, &mut out);
    out
}

/// Neo4j's property constraints, after the data (each is checked against it once), in
/// the syntax both steppe and Neo4j 5 read.
fn write_constraints(graph: &Graph, out: &mut String) {
    let constraints = graph.schema().constraints();
    if constraints.is_empty() {
        return;
    }
    out.push_str("\n// The constraints.\n");
    for c in constraints {
        out.push_str(&crate::store::constraint_create_statement(graph, c));
        out.push_str(";\n");
    }
}

/// Properties as `(name, literal)` pairs, sorted by name.
fn props_literal<'v>(
    graph: &Graph,
    props: impl Iterator<Item = (PropKeyId, &'v Value)>,
    dialect: Dialect,
) -> Vec<(String, String)> {
    let catalog = graph.catalog();
    let mut out: Vec<(String, String)> =
        props.map(|(k, v)| (quote_name(catalog.prop_key_name(k)), literal(v, dialect))).collect();
    out.sort();
    out
}

fn map_literal(entries: &[(String, String)]) -> String {
    let inner: Vec<String> = entries.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{{}}}", inner.join(", "))
}

/// A value as a Cypher expression both steppe and the servers read back to it.
pub fn literal(value: &Value, dialect: Dialect) -> String {
    match value {
        Value::Float(f) if f.is_nan() => "0.0 / 0.0".to_string(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { "1.0 / 0.0" } else { "-1.0 / 0.0" }.to_string(),
        Value::List(items) => {
            format!("[{}]", items.iter().map(|v| literal(v, dialect)).collect::<Vec<_>>().join(", "))
        }
        Value::Map(_) if dialect == Dialect::Neo4j => {
            let mut json = String::new();
            super::json::value_json(value, &mut json);
            Value::string(json).to_string()
        }
        Value::Map(map) => {
            let inner: Vec<String> =
                map.iter().map(|(k, v)| format!("{}: {}", quote_name(k), literal(v, dialect))).collect();
            format!("{{{}}}", inner.join(", "))
        }
        other => other.to_string(),
    }
}

/// `(:Label) 7`: how an export error names a node.
fn describe(graph: &Graph, node: NodeId) -> String {
    format!("({}) {node}", label_suffix(graph, graph.node_labels(node)))
}

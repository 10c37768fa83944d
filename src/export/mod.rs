//! Exporting a graph, or the part of it a query returned, to formats other tools read.
//!
//! Input: a [`GraphView`] (the whole graph or a subgraph). Output: text written to any
//! `io::Write` ([`export`]), or, for CSV, files in a directory ([`export_csv`]).
//! Exporters read the graph and never change it, and never print by themselves.
//!
//! | format | module | lossless | read back by |
//! |---|---|---|---|
//! | DOT, SVG | `dot.rs`, [`render_svg`] | no (a picture) | Graphviz |
//! | JSON | `json.rs` | yes | `steppe import --json` |
//! | GraphML | `graphml.rs` | no schema; lists as JSON text | networkx, Gephi, yEd |
//! | Cypher | `cypher.rs` | yes (steppe dialect) | `steppe run`; Neo4j, Memgraph (`--dialect neo4j`) |
//! | CSV | `csv.rs` | yes but the schema and empty-vs-missing subtleties (see there) | `steppe import`, neo4j-admin |
//! | Turtle, TriG | `rdf/` | no schema; ids only where a node has no key | rdflib, pyoxigraph, any RDF store (Turtle: RDF 1.2 readers) |

mod csv;
mod cypher;
mod dot;
mod graphml;
mod json;
mod rdf;

pub use self::csv::{export_csv, CsvExport};
pub use cypher::Dialect;
pub use json::{FORMAT as JSON_FORMAT, VERSION as JSON_VERSION};
pub use rdf::{valid_base, DEFAULT_BASE as DEFAULT_RDF_BASE};

use std::collections::BTreeSet;
use std::io::{self, Write};

use crate::error::{Error, ErrorCode, Result};
use crate::result::QueryResult;
use crate::store::{Graph, NodeId, RelId};
use crate::value::Value;

/// The formats `steppe export --to` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Graphviz DOT, for pictures.
    Dot,
    /// DOT rendered by Graphviz's `dot -Tsvg`.
    Svg,
    /// The whole graph, lossless, for `steppe import --json`.
    Json,
    /// GraphML for networkx, Gephi and yEd.
    Graphml,
    /// A Cypher script that recreates the graph.
    Cypher,
    /// neo4j-admin import CSV files, one per label set and per type, in a directory.
    Csv,
    /// RDF 1.2 Turtle with PROV-O provenance; each claim a reified, annotated triple.
    Turtle,
    /// TriG with PROV-O provenance; each claim a named graph.
    Trig,
}

impl ExportFormat {
    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text.to_ascii_lowercase().as_str() {
            "dot" => Some(ExportFormat::Dot),
            "svg" => Some(ExportFormat::Svg),
            "json" => Some(ExportFormat::Json),
            "graphml" => Some(ExportFormat::Graphml),
            "cypher" => Some(ExportFormat::Cypher),
            "csv" => Some(ExportFormat::Csv),
            "turtle" | "ttl" => Some(ExportFormat::Turtle),
            "trig" => Some(ExportFormat::Trig),
            _ => None,
        }
    }

    /// Whether the export is a directory of files rather than one stream.
    pub fn writes_directory(self) -> bool {
        self == ExportFormat::Csv
    }
}

/// What an export shows besides labels and types.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Property keys to show on nodes and relationships; empty: each node's `name`
    /// (or `title`, or `id`) only.
    pub show: Vec<String>,
    /// Which engines the Cypher dump is for.
    pub dialect: Dialect,
    /// The base IRI of an RDF export (ends in `/` or `#`); `None`: [`DEFAULT_RDF_BASE`].
    pub base: Option<String>,
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

/// Writes `view` in `format` to `out`. CSV, which is a directory of files, goes through
/// [`export_csv`] instead.
pub fn export(format: ExportFormat, view: &GraphView<'_>, options: &ExportOptions, out: &mut dyn Write) -> Result<()> {
    match format {
        ExportFormat::Dot => written(dot::write(view, options, out)),
        ExportFormat::Svg => {
            let mut dot_text = Vec::new();
            written(dot::write(view, options, &mut dot_text))?;
            written(out.write_all(&render_svg(&dot_text)?))
        }
        ExportFormat::Json => written(json::write(view, out)),
        ExportFormat::Graphml => written(graphml::write(view, out)),
        ExportFormat::Cypher => cypher::write(view, options.dialect, out),
        ExportFormat::Turtle | ExportFormat::Trig => {
            let base = options.base.as_deref().unwrap_or(DEFAULT_RDF_BASE);
            if !valid_base(base) {
                return Err(Error::new(
                    ErrorCode::InvalidArgumentValue,
                    format!("the base IRI `{base}` must be absolute and end in `/` or `#`"),
                ));
            }
            let syntax = if format == ExportFormat::Turtle { rdf::Syntax::Turtle } else { rdf::Syntax::Trig };
            written(rdf::write(view, syntax, base, out))
        }
        ExportFormat::Csv => Err(Error::new(
            ErrorCode::ExportUnsupported,
            "a CSV export is a directory of files: write it with `-o DIR` (export_csv)",
        )),
    }
}

/// The SVG that Graphviz's `dot` draws from `dot_text`; a clear error when Graphviz is
/// not installed, or when it fails.
pub fn render_svg(dot_text: &[u8]) -> Result<Vec<u8>> {
    use std::process::{Command, Stdio};
    let unavailable = |e: io::Error| {
        Error::new(ErrorCode::GraphvizUnavailable, format!("cannot run Graphviz's `dot`: {e}"))
            .with_hint("install Graphviz (e.g. `apt install graphviz` or `brew install graphviz`), or export --to dot")
    };
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(unavailable)?;
    // Writing on this thread while `dot` writes its output could deadlock on large
    // graphs once both pipes fill, so the input goes in from a thread of its own.
    let mut stdin = child.stdin.take().ok_or_else(|| Error::internal("no pipe to Graphviz"))?;
    let input = dot_text.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(unavailable)?;
    let fed = feeder.join().map_err(|_| Error::internal("the thread feeding Graphviz failed"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(Error::new(ErrorCode::GraphvizUnavailable, format!("Graphviz's `dot` failed: {}", stderr.trim())));
    }
    fed.map_err(unavailable)?;
    Ok(output.stdout)
}

/// A write's outcome as an export's: a reader that went away (`steppe export | head`)
/// wants no more, which is no failure.
fn written(result: io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Error::new(ErrorCode::FileWrite, format!("cannot write the export: {e}")))
        }
        _ => Ok(()),
    }
}

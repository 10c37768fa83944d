//! CSV in the neo4j-admin import layout, one directory:
//!
//! - `nodes-<Label>+<Label>.csv`, one per set of labels, headed
//!   `:ID,name:string,founded:int,aliases:string[],:LABEL`;
//! - `rels-<TYPE>.csv`, one per relationship type, headed
//!   `:START_ID,:END_ID,:TYPE,since:int,sources:string[]`;
//! - `schema.cypher`, the schema DDL (empty for an open graph), since CSV carries none;
//! - `README.txt`, the commands that load the directory into steppe and into Neo4j.
//!
//! `:ID` is the steppe node id; it is not stored as a property when imported back (an
//! unnamed `:ID` column, as in neo4j-admin). Each column's type comes from the schema,
//! or else from the values. An unquoted empty field is a missing property, a quoted one
//! (`""`) an empty string or an empty list, as neo4j-admin reads them. Arrays and a
//! node's labels are joined with `;`, or, when some label or some string in a list holds
//! `;`, with the first printable ASCII sign that none holds (`ARRAY_DELIMITERS`); none
//! fitting is an `ExportUnsupported` error, never a corrupt file. README.txt gives the
//! command that loads the directory, with that delimiter. A name with spaces at its ends
//! (a key in the header, a label, a type) is written quoted, and read back exactly.
//! Floats that are not finite are written `NaN`, `Infinity`, `-Infinity`.
//!
//! Lossy only where the layout has no words: a property whose values differ in type
//! across one file, and maps, are written as text in Cypher notation.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::GraphView;
use crate::error::{Error, ErrorCode, Result};
use crate::import::{type_name, ScalarType};
use crate::store::{Graph, LabelId, NodeId, PropKeyId, PropertyType, RelId, RelTypeId};
use crate::value::Value;

/// What a CSV export wrote, as `steppe import` needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvExport {
    /// The nodes files, then the relationships files, by name inside the directory.
    pub nodes: Vec<String>,
    pub relationships: Vec<String>,
    pub array_delimiter: char,
}

/// Writes the view as CSV files into `dir` (created if missing).
pub fn export_csv(view: &GraphView<'_>, dir: &Path) -> Result<CsvExport> {
    let failed = |e: io::Error| {
        Error::new(ErrorCode::FileWrite, format!("cannot write the CSV export: {e}")).in_file(dir.display().to_string())
    };
    fs::create_dir_all(dir).map_err(failed)?;
    let graph = view.graph;
    let array_delimiter = choose_array_delimiter(view)?;
    let mut names = FileNames::default();
    let mut node_files = Vec::new();
    for (labels, nodes) in nodes_by_labels(view) {
        let name = names.take("nodes", &label_names(graph, &labels).join("+"));
        write_nodes(graph, &labels, &nodes, array_delimiter, &dir.join(&name)).map_err(failed)?;
        node_files.push(name);
    }
    let mut rel_files = Vec::new();
    for (ty, rels) in rels_by_type(view) {
        let name = names.take("rels", graph.catalog().rel_type_name(ty));
        write_rels(graph, ty, &rels, array_delimiter, &dir.join(&name)).map_err(failed)?;
        rel_files.push(name);
    }
    fs::write(dir.join("schema.cypher"), graph.schema().to_ddl(graph.catalog())).map_err(failed)?;
    fs::write(dir.join("README.txt"), readme(&node_files, &rel_files, array_delimiter)).map_err(failed)?;
    Ok(CsvExport { nodes: node_files, relationships: rel_files, array_delimiter })
}

/// The signs an array may be joined with, in order of preference: printable ASCII that a
/// shell takes inside single quotes, and neither the field delimiter nor the quote.
const ARRAY_DELIMITERS: &[char] =
    &[';', '|', '^', '~', '!', '#', '$', '%', '&', '*', '+', '/', '<', '=', '>', '?', '@', '`', '-', '_', '.', ':'];

/// The array delimiter: the first of `ARRAY_DELIMITERS` that no label and no string in a
/// list holds, since neither can be quoted inside its field.
fn choose_array_delimiter(view: &GraphView<'_>) -> Result<char> {
    let mut used = BTreeSet::new();
    let mut note_list = |value: &Value| {
        if let Value::List(items) = value {
            for item in items.iter() {
                if let Value::String(s) = item {
                    used.extend(s.chars().filter(|c| ARRAY_DELIMITERS.contains(c)));
                }
            }
        }
    };
    for node in &view.nodes {
        view.graph.node_properties(*node).iter().for_each(|(_, v)| note_list(v));
    }
    for rel in &view.rels {
        view.graph.rel_properties(*rel).iter().for_each(|(_, v)| note_list(v));
    }
    for node in &view.nodes {
        for label in view.graph.node_labels(*node) {
            used.extend(view.graph.catalog().label_name(*label).chars().filter(|c| ARRAY_DELIMITERS.contains(c)));
        }
    }
    ARRAY_DELIMITERS.iter().copied().find(|c| !used.contains(c)).ok_or_else(|| {
        Error::new(
            ErrorCode::ExportUnsupported,
            format!(
                "no array delimiter fits: the labels and list strings hold every one of {}; \
                 neo4j-admin's layout cannot quote inside an array, so the CSV would not read back",
                ARRAY_DELIMITERS.iter().collect::<String>()
            ),
        )
        .with_hint("export to JSON (--to json), which keeps every value")
    })
}

fn label_names(graph: &Graph, labels: &[LabelId]) -> Vec<String> {
    labels.iter().map(|l| graph.catalog().label_name(*l).to_string()).collect()
}

fn nodes_by_labels(view: &GraphView<'_>) -> BTreeMap<Vec<LabelId>, Vec<NodeId>> {
    let catalog = view.graph.catalog();
    let mut groups: BTreeMap<Vec<LabelId>, Vec<NodeId>> = BTreeMap::new();
    for node in &view.nodes {
        let mut labels = view.graph.node_labels(*node).to_vec();
        labels.sort_by_key(|l| catalog.label_name(*l).to_string());
        groups.entry(labels).or_default().push(*node);
    }
    groups
}

fn rels_by_type(view: &GraphView<'_>) -> BTreeMap<RelTypeId, Vec<RelId>> {
    let mut groups: BTreeMap<RelTypeId, Vec<RelId>> = BTreeMap::new();
    for rel in &view.rels {
        if let Some(entry) = view.graph.rel(*rel) {
            groups.entry(entry.ty).or_default().push(*rel);
        }
    }
    groups
}

/// File names made of label and type names, kept to safe characters and unique.
#[derive(Default)]
struct FileNames {
    taken: BTreeSet<String>,
}

impl FileNames {
    fn take(&mut self, kind: &str, what: &str) -> String {
        let safe: String =
            what.chars().map(|c| if c.is_alphanumeric() || "+_-".contains(c) { c } else { '_' }).collect();
        let base = if safe.is_empty() { format!("{kind}-unlabelled") } else { format!("{kind}-{safe}") };
        let mut name = format!("{base}.csv");
        let mut n = 2;
        while !self.taken.insert(name.clone()) {
            name = format!("{base}-{n}.csv");
            n += 1;
        }
        name
    }
}

/// A column's header type, from the schema if it declares one, else from the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnType {
    Typed(ScalarType, bool),
    /// Values of different types, or maps: written as Cypher notation in a string column.
    Text,
}

fn scalar_of(value: &Value) -> Option<ScalarType> {
    Some(match value {
        Value::String(_) => ScalarType::String,
        Value::Int(_) => ScalarType::Int,
        Value::Float(_) => ScalarType::Float,
        Value::Bool(_) => ScalarType::Bool,
        Value::Date(_) => ScalarType::Date,
        _ => return None,
    })
}

fn declared_type(ty: &PropertyType) -> Option<ColumnType> {
    let scalar = |t: &PropertyType| match t {
        PropertyType::String => Some(ScalarType::String),
        PropertyType::Int => Some(ScalarType::Int),
        PropertyType::Float => Some(ScalarType::Float),
        PropertyType::Bool => Some(ScalarType::Bool),
        PropertyType::Date => Some(ScalarType::Date),
        _ => None,
    };
    match ty {
        PropertyType::List(item) => scalar(item).map(|s| ColumnType::Typed(s, true)),
        other => scalar(other).map(|s| ColumnType::Typed(s, false)),
    }
}

/// The type every value of a column fits, or `Text`. An empty list fits any list type.
fn inferred_type<'v>(values: impl Iterator<Item = &'v Value>) -> ColumnType {
    let mut found: Option<(Option<ScalarType>, bool)> = None;
    for value in values {
        let this = match value {
            Value::List(items) => {
                let mut item_type = None;
                for item in items.iter() {
                    match (scalar_of(item), item_type) {
                        (None, _) => return ColumnType::Text,
                        (Some(t), None) => item_type = Some(t),
                        (Some(t), Some(u)) if t == u => {}
                        _ => return ColumnType::Text,
                    }
                }
                (item_type, true)
            }
            other => match scalar_of(other) {
                Some(t) => (Some(t), false),
                None => return ColumnType::Text,
            },
        };
        found = match (found, this) {
            (None, this) => Some(this),
            (Some((a, la)), (b, lb)) if la == lb => match (a, b) {
                (Some(x), Some(y)) if x != y => return ColumnType::Text,
                (x, y) => Some((x.or(y), la)),
            },
            _ => return ColumnType::Text,
        };
    }
    match found {
        Some((item, array)) => ColumnType::Typed(item.unwrap_or(ScalarType::String), array),
        None => ColumnType::Typed(ScalarType::String, false),
    }
}

struct Columns {
    keys: Vec<(PropKeyId, String, ColumnType)>,
}

impl Columns {
    fn header(&self) -> Vec<String> {
        self.keys
            .iter()
            .map(|(_, name, ty)| match ty {
                ColumnType::Typed(t, array) => format!("{name}:{}", type_name(*t, *array)),
                ColumnType::Text => format!("{name}:string"),
            })
            .collect()
    }
}

fn node_columns(graph: &Graph, labels: &[LabelId], nodes: &[NodeId]) -> Columns {
    let catalog = graph.catalog();
    let mut keys: BTreeSet<(String, PropKeyId)> = BTreeSet::new();
    for node in nodes {
        keys.extend(graph.node_properties(*node).into_iter().map(|(k, _)| (catalog.prop_key_name(k).to_string(), k)));
    }
    let keys = keys
        .into_iter()
        .map(|(name, key)| {
            let ty =
                graph.schema().node_property(labels, key).and_then(|d| declared_type(&d.ty)).unwrap_or_else(|| {
                    let values: Vec<Value> = nodes.iter().filter_map(|n| graph.node_property(*n, key)).collect();
                    inferred_type(values.iter())
                });
            (key, name, ty)
        })
        .collect();
    Columns { keys }
}

fn rel_columns(graph: &Graph, ty: RelTypeId, rels: &[RelId]) -> Columns {
    let catalog = graph.catalog();
    let mut keys: BTreeSet<(String, PropKeyId)> = BTreeSet::new();
    for rel in rels {
        keys.extend(graph.rel_properties(*rel).into_iter().map(|(k, _)| (catalog.prop_key_name(k).to_string(), k)));
    }
    let keys = keys
        .into_iter()
        .map(|(name, key)| {
            let column = graph.schema().rel_property(ty, key).and_then(|d| declared_type(&d.ty)).unwrap_or_else(|| {
                let values: Vec<Value> = rels.iter().filter_map(|r| graph.rel_property(*r, key)).collect();
                inferred_type(values.iter())
            });
            (key, name, column)
        })
        .collect();
    Columns { keys }
}

fn write_nodes(graph: &Graph, labels: &[LabelId], nodes: &[NodeId], array: char, path: &Path) -> io::Result<()> {
    let columns = node_columns(graph, labels, nodes);
    let mut out = BufWriter::new(fs::File::create(path)?);
    let mut header = vec![":ID".to_string()];
    header.extend(columns.header());
    header.push(":LABEL".to_string());
    write_record(&mut out, header.iter().map(|h| Some(h.clone())))?;
    let label_field = label_names(graph, labels).join(&array.to_string());
    for node in nodes {
        let mut fields = vec![Some(node.to_string())];
        for (key, _, ty) in &columns.keys {
            fields.push(graph.node_property(*node, *key).map(|v| cell(&v, *ty, array)));
        }
        fields.push((!label_field.is_empty()).then(|| label_field.clone()));
        write_record(&mut out, fields.into_iter())?;
    }
    out.flush()
}

fn write_rels(graph: &Graph, ty: RelTypeId, rels: &[RelId], array: char, path: &Path) -> io::Result<()> {
    let columns = rel_columns(graph, ty, rels);
    let mut out = BufWriter::new(fs::File::create(path)?);
    let mut header = vec![":START_ID".to_string(), ":END_ID".to_string(), ":TYPE".to_string()];
    header.extend(columns.header());
    write_record(&mut out, header.iter().map(|h| Some(h.clone())))?;
    let type_name = graph.catalog().rel_type_name(ty).to_string();
    for rel in rels {
        let Some(entry) = graph.rel(*rel) else { continue };
        let mut fields = vec![Some(entry.start.to_string()), Some(entry.end.to_string()), Some(type_name.clone())];
        for (key, _, column) in &columns.keys {
            fields.push(graph.rel_property(*rel, *key).map(|v| cell(&v, *column, array)));
        }
        write_record(&mut out, fields.into_iter())?;
    }
    out.flush()
}

/// One value as its field's text.
fn cell(value: &Value, ty: ColumnType, array: char) -> String {
    match (value, ty) {
        (Value::List(items), ColumnType::Typed(_, true)) => {
            items.iter().map(scalar_text).collect::<Vec<_>>().join(&array.to_string())
        }
        (_, ColumnType::Typed(_, false)) if scalar_of(value).is_some() => scalar_text(value),
        (Value::String(s), _) => s.to_string(),
        (other, _) => other.to_string(),
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.to_string(),
        Value::Float(f) => crate::value::format_float(*f),
        Value::Date(d) => d.to_string(),
        other => other.to_string(),
    }
}

/// Writes one record; `None` is a missing value (an empty, unquoted field). Every
/// present value that is empty or holds a delimiter, quote, line break or edge space
/// is quoted, so that an empty string stays distinct from a missing value.
fn write_record(out: &mut dyn Write, fields: impl Iterator<Item = Option<String>>) -> io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            line.push(',');
        }
        let Some(text) = field else { continue };
        let quote = text.is_empty()
            || text.contains([',', '"', '\n', '\r'])
            || text.starts_with(char::is_whitespace)
            || text.ends_with(char::is_whitespace);
        if quote {
            line.push('"');
            line.push_str(&text.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&text);
        }
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

fn readme(nodes: &[String], rels: &[String], array: char) -> String {
    let array_flag = if array == ';' { String::new() } else { format!(" --array-delimiter {}", shown(array)) };
    let neo4j_array_flag = if array == ';' { String::new() } else { format!(" --array-delimiter={}", shown(array)) };
    let list = |flag: &str, files: &[String]| {
        if files.is_empty() {
            String::new()
        } else {
            format!(" {flag} {}", files.join(" "))
        }
    };
    format!(
        "A steppe graph exported as CSV in the neo4j-admin import layout.\n\
         \n\
         Arrays are joined with {}.\n\
         \n\
         Into steppe (the schema is declared in the same load, so every row is checked against it):\n\
         \n  steppe import --db graph.db --schema schema.cypher{}{}{array_flag}\n\
         \n\
         Into Neo4j (an empty database; quoted fields may span lines):\n\
         \n  neo4j-admin database import full{}{} --multiline-fields=true{} neo4j\n",
        shown(array),
        list("--nodes", nodes),
        list("--relationships", rels),
        list("--nodes", nodes),
        list("--relationships", rels),
        neo4j_array_flag,
    )
}

/// A delimiter as a shell word: every one of `ARRAY_DELIMITERS` is literal inside single quotes.
fn shown(c: char) -> String {
    format!("'{c}'")
}

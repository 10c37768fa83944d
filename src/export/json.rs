//! The whole graph as one JSON document, lossless: the schema, every node and
//! relationship with its id, labels or type, and properties of every value type.
//! `steppe import --json` reads it back.
//!
//! ```json
//! {"format": "steppe-graph", "version": 1,
//!  "schema": {
//!   "node_types": [{"label": "Country", "key": "name",
//!                   "properties": [{"name": "name", "type": "STRING", "required": true}]}],
//!   "relationship_types": [{"type": "MEMBER_OF", "endpoints": [[["Country"], ["Organization"]]],
//!                           "properties": [{"name": "since", "type": "INT", "required": false}]}]},
//!  "nodes": [
//!   {"id": 1, "labels": ["Country"], "properties": {"name": "Russia"}}
//!  ],
//!  "relationships": [
//!   {"id": 0, "type": "MEMBER_OF", "start": 1, "end": 2, "properties": {"since": 1992}}
//!  ]}
//! ```
//!
//! The members come in this order (schema, nodes, relationships), one entity per line,
//! so that the file can be read back as a stream. An endpoint side of `null` is `ANY`;
//! property types are written as the DDL writes them (`LIST<STRING>`). Values are
//! encoded as in `--format json`: integers as JSON integers, floats always with a `.`
//! or an exponent, and what JSON cannot hold as tagged objects: `{"$date": "2022-01-06"}`,
//! `{"$float": "NaN"}` (also `"Infinity"`, `"-Infinity"`). A map property whose only key
//! starts with `$` is wrapped as `{"$map": {...}}`, so that it never reads as a tag.

use std::io::{self, Write};

use super::GraphView;
use crate::store::{Catalog, EndpointLabels, PropKeyId, PropertyDef, Schema};
use crate::value::Value;

pub const FORMAT: &str = "steppe-graph";
pub const VERSION: u64 = 1;

pub fn write(view: &GraphView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let catalog = graph.catalog();
    writeln!(out, "{{\"format\": \"{FORMAT}\", \"version\": {VERSION},")?;
    writeln!(out, " \"schema\": {},", schema_json(graph.schema(), catalog))?;
    writeln!(out, " \"nodes\": [")?;
    let mut line = String::new();
    for (i, node) in view.nodes.iter().enumerate() {
        line.clear();
        line.push_str(if i == 0 { "  " } else { ",\n  " });
        line.push_str(&format!("{{\"id\": {node}, \"labels\": ["));
        let labels: Vec<String> = graph.node_labels(*node).iter().map(|l| string(catalog.label_name(*l))).collect();
        line.push_str(&labels.join(", "));
        line.push_str("], \"properties\": ");
        properties_json(graph.node_properties(*node).iter().map(|(k, v)| (*k, v)), catalog, &mut line);
        line.push('}');
        out.write_all(line.as_bytes())?;
    }
    writeln!(out, "\n ],")?;
    writeln!(out, " \"relationships\": [")?;
    let mut first = true;
    for rel in &view.rels {
        let Some(entry) = graph.rel(*rel) else { continue };
        line.clear();
        line.push_str(if first { "  " } else { ",\n  " });
        first = false;
        line.push_str(&format!(
            "{{\"id\": {rel}, \"type\": {}, \"start\": {}, \"end\": {}, \"properties\": ",
            string(catalog.rel_type_name(entry.ty)),
            entry.start,
            entry.end
        ));
        let props = graph.rel_properties(*rel);
        properties_json(props.iter().map(|(k, v)| (*k, v)), catalog, &mut line);
        line.push('}');
        out.write_all(line.as_bytes())?;
    }
    writeln!(out, "\n ]}}")
}

pub use crate::format::json_string as string;

fn properties_json<'v>(props: impl Iterator<Item = (PropKeyId, &'v Value)>, catalog: &Catalog, out: &mut String) {
    // Sorted by name, so that the output does not depend on interning order.
    let mut props: Vec<(&str, &Value)> = props.map(|(k, v)| (&**catalog.prop_key_name(k), v)).collect();
    props.sort_by(|a, b| a.0.cmp(b.0));
    out.push('{');
    for (i, (key, value)) in props.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&string(key));
        out.push_str(": ");
        value_json(value, out);
    }
    out.push('}');
}

/// A property value as JSON, tagged where JSON has no such type.
pub fn value_json(value: &Value, out: &mut String) {
    if crate::format::scalar_json(value, out) {
        return;
    }
    // A map that looks like a tag (`{"$date": …}`) is wrapped, so that import reads it back as a map.
    let looks_tagged = matches!(value, Value::Map(map) if map.len() == 1 && map.keys().all(|k| k.starts_with('$')));
    if looks_tagged {
        out.push_str("{\"$map\": ");
    }
    if !crate::format::container_json(value, out, &mut value_json) {
        // Graph values are never stored as properties.
        out.push_str("null");
    }
    if looks_tagged {
        out.push('}');
    }
}

fn schema_json(schema: &Schema, catalog: &Catalog) -> String {
    let defs = |defs: &[PropertyDef]| {
        let items: Vec<String> = defs
            .iter()
            .map(|d| {
                format!(
                    "{{\"name\": {}, \"type\": {}, \"required\": {}}}",
                    string(catalog.prop_key_name(d.key)),
                    string(&d.ty.to_string()),
                    d.required
                )
            })
            .collect();
        format!("[{}]", items.join(", "))
    };
    let node_types: Vec<String> = schema
        .node_types()
        .map(|t| {
            let key = t.key.map_or("null".to_string(), |k| string(catalog.prop_key_name(k)));
            format!(
                "{{\"label\": {}, \"key\": {key}, \"properties\": {}}}",
                string(catalog.label_name(t.label)),
                defs(&t.properties)
            )
        })
        .collect();
    let side = |s: &EndpointLabels| match s {
        EndpointLabels::Any => "null".to_string(),
        EndpointLabels::OneOf(ls) => {
            format!("[{}]", ls.iter().map(|l| string(catalog.label_name(*l))).collect::<Vec<_>>().join(", "))
        }
    };
    let rel_types: Vec<String> = schema
        .rel_types()
        .map(|t| {
            let endpoints: Vec<String> =
                t.endpoints.iter().map(|(a, b)| format!("[{}, {}]", side(a), side(b))).collect();
            format!(
                "{{\"type\": {}, \"endpoints\": [{}], \"properties\": {}}}",
                string(catalog.rel_type_name(t.rel_type)),
                endpoints.join(", "),
                defs(&t.properties)
            )
        })
        .collect();
    format!(
        "{{\n  \"node_types\": [{}],\n  \"relationship_types\": [{}]}}",
        node_types.join(",\n    "),
        rel_types.join(",\n    ")
    )
}

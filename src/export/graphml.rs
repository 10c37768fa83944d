//! GraphML, as networkx, Gephi and yEd read it.
//!
//! One `<key>` per property name and domain (nodes `n_<name>`, relationships
//! `e_<name>`), typed from the values: `long` for integers, `double` for floats
//! (`NaN`, `Infinity`, `-Infinity` as Java and Python read them), `boolean`, and
//! `string` for strings, dates (ISO `2022-01-06`), and anything else. Lists and maps have
//! no GraphML type: they are written as JSON text (`["a", "b"]`), as neo4j's APOC
//! export does, in a `string` key. A key whose values differ in type is a `string` key
//! too. Node labels go in the `labels` key as `:Country:Organization` and the
//! relationship type in the `type` key, as in APOC; ids are `n<id>` and `e<id>`.
//! Text is escaped for XML; characters XML 1.0 cannot hold (control characters other
//! than tab and line breaks) become U+FFFD.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::GraphView;
use crate::store::PropKeyId;
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyType {
    Long,
    Double,
    Boolean,
    String,
}

impl KeyType {
    fn of(value: &Value) -> KeyType {
        match value {
            Value::Int(_) => KeyType::Long,
            Value::Float(_) => KeyType::Double,
            Value::Bool(_) => KeyType::Boolean,
            _ => KeyType::String,
        }
    }

    fn name(self) -> &'static str {
        match self {
            KeyType::Long => "long",
            KeyType::Double => "double",
            KeyType::Boolean => "boolean",
            KeyType::String => "string",
        }
    }
}

/// The key of each property name in one domain, by name.
fn key_types<'v>(props: impl Iterator<Item = (PropKeyId, &'v Value)>) -> BTreeMap<PropKeyId, KeyType> {
    let mut types: BTreeMap<PropKeyId, KeyType> = BTreeMap::new();
    for (key, value) in props {
        let ty = KeyType::of(value);
        types
            .entry(key)
            .and_modify(|t| {
                if *t != ty {
                    *t = KeyType::String
                }
            })
            .or_insert(ty);
    }
    types
}

pub fn write(view: &GraphView<'_>, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let catalog = graph.catalog();
    let rel_props: Vec<(crate::store::RelId, Vec<(PropKeyId, Value)>)> =
        view.rels.iter().map(|r| (*r, graph.rel_properties(*r))).collect();
    let node_props: Vec<Vec<(PropKeyId, Value)>> = view.nodes.iter().map(|n| graph.node_properties(*n)).collect();
    let node_keys = key_types(node_props.iter().flat_map(|props| props.iter().map(|(k, v)| (*k, v))));
    let edge_keys = key_types(rel_props.iter().flat_map(|(_, props)| props.iter().map(|(k, v)| (*k, v))));
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(out, r#"  <key id="labels" for="node" attr.name="labels" attr.type="string"/>"#)?;
    writeln!(out, r#"  <key id="type" for="edge" attr.name="type" attr.type="string"/>"#)?;
    for (domain, prefix, keys) in [("node", "n", &node_keys), ("edge", "e", &edge_keys)] {
        for (key, ty) in keys {
            let name = catalog.prop_key_name(*key);
            writeln!(
                out,
                r#"  <key id="{}" for="{domain}" attr.name="{}" attr.type="{}"/>"#,
                escape(&format!("{prefix}_{name}")),
                escape(name),
                ty.name()
            )?;
        }
    }
    writeln!(out, r#"  <graph id="G" edgedefault="directed">"#)?;
    for (node, props) in view.nodes.iter().zip(node_props) {
        let labels: String = graph.node_labels(*node).iter().map(|l| format!(":{}", catalog.label_name(*l))).collect();
        write!(out, r#"    <node id="n{node}"><data key="labels">{}</data>"#, escape(&labels))?;
        for (key, value) in props {
            write!(
                out,
                r#"<data key="{}">{}</data>"#,
                escape(&format!("n_{}", catalog.prop_key_name(key))),
                escape(&text(&value))
            )?;
        }
        writeln!(out, "</node>")?;
    }
    for (rel, props) in &rel_props {
        let Some(entry) = graph.rel(*rel) else { continue };
        write!(
            out,
            r#"    <edge id="e{rel}" source="n{}" target="n{}"><data key="type">{}</data>"#,
            entry.start,
            entry.end,
            escape(catalog.rel_type_name(entry.ty))
        )?;
        for (key, value) in props {
            write!(
                out,
                r#"<data key="{}">{}</data>"#,
                escape(&format!("e_{}", catalog.prop_key_name(*key))),
                escape(&text(value))
            )?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

/// A value as the text of its `<data>` element.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.to_string(),
        Value::Float(f) => crate::value::format_float(*f),
        Value::Date(d) => d.to_string(),
        Value::List(_) | Value::Map(_) => {
            let mut out = String::new();
            plain_json(value, &mut out);
            out
        }
        other => other.to_string(),
    }
}

/// JSON text for a list or map: dates as ISO strings, non-finite floats as strings.
fn plain_json(value: &Value, out: &mut String) {
    if crate::format::container_json(value, out, &mut plain_json) {
        return;
    }
    match value {
        Value::Int(_) | Value::Bool(_) | Value::Null => out.push_str(&value.to_string()),
        Value::Float(f) if f.is_finite() => out.push_str(&crate::value::format_float(*f)),
        other => out.push_str(&super::json::string(&text(other))),
    }
}

/// Text escaped for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Line breaks in attributes would be normalised away; references keep them.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_forbidden_characters() {
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
        assert_eq!(escape("a\u{1}b\nc"), "a\u{fffd}b&#10;c");
    }
}

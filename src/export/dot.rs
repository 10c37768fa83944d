//! Graphviz DOT: one node statement per node, one edge per relationship labelled with
//! its type, a shape and colour per label, and a legend. Every identifier and label is
//! quoted and escaped, so any name (quotes, backslashes, new lines, any script) is safe.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{ExportOptions, GraphView};
use crate::store::{Graph, LabelId, NodeId};
use crate::value::Value;

/// Fill colours and shapes handed to labels in order of their names; both cycle, so
/// many labels still look distinct.
const COLOURS: &[&str] = &[
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd",
    "#ccebc5", "#ffed6f",
];
const SHAPES: &[&str] = &["box", "ellipse", "hexagon", "octagon", "diamond", "note", "cylinder", "house", "component"];

/// A string as a DOT quoted identifier: `"…"` with `"` and `\` escaped and line breaks
/// as `\n`. Characters that XML 1.0 cannot hold (other control characters, U+FFFE and
/// U+FFFF) become U+FFFD, as in GraphML, since Graphviz copies labels into its SVG
/// verbatim and the SVG must stay well-formed.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The look of each label present in the view, by label name order.
fn styles(view: &GraphView<'_>) -> BTreeMap<String, (LabelId, &'static str, &'static str)> {
    let catalog = view.graph.catalog();
    let mut labels: BTreeMap<String, LabelId> = BTreeMap::new();
    for node in &view.nodes {
        if let Some(&label) = primary_label(view.graph, *node) {
            labels.insert(catalog.label_name(label).to_string(), label);
        }
    }
    labels
        .into_iter()
        .enumerate()
        .map(|(i, (name, id))| (name, (id, COLOURS[i % COLOURS.len()], SHAPES[i % SHAPES.len()])))
        .collect()
}

/// The label a node is drawn by: its first by name.
fn primary_label(graph: &Graph, node: NodeId) -> Option<&LabelId> {
    let catalog = graph.catalog();
    graph.node_labels(node).iter().min_by_key(|l| catalog.label_name(**l).to_string())
}

fn shown_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.to_string(),
        other => other.to_string(),
    }
}

/// The text inside a node: its name (or the chosen properties), then its labels.
fn node_text(graph: &Graph, node: NodeId, options: &ExportOptions) -> String {
    let catalog = graph.catalog();
    let prop = |name: &str| catalog.prop_key(name).and_then(|k| graph.node_property(node, k));
    let mut lines: Vec<String> = Vec::new();
    if options.show.is_empty() {
        if let Some(v) = prop("name").or_else(|| prop("title")).or_else(|| prop("id")) {
            lines.push(shown_value(&v));
        }
    } else {
        for key in &options.show {
            if let Some(v) = prop(key) {
                lines.push(format!("{key}: {}", shown_value(&v)));
            }
        }
    }
    let labels: String = graph.node_labels(node).iter().map(|l| format!(":{}", catalog.label_name(*l))).collect();
    lines.push(if labels.is_empty() { format!("#{node}") } else { labels });
    lines.join("\n")
}

pub fn write(view: &GraphView<'_>, options: &ExportOptions, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let catalog = graph.catalog();
    let styles = styles(view);
    writeln!(out, "digraph steppe {{")?;
    // Left to right reads well for knowledge graphs; no overlap keeps labels legible.
    writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.3, ranksep=1.0, fontname=\"Helvetica\"];"
    )?;
    writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];")?;
    for node in &view.nodes {
        let (colour, shape) = primary_label(graph, *node)
            .map(|l| catalog.label_name(*l).to_string())
            .and_then(|name| styles.get(&name).map(|(_, c, s)| (*c, *s)))
            .unwrap_or(("#ffffff", "box"));
        writeln!(
            out,
            "  {} [label={}, shape={shape}, fillcolor={}];",
            quote(&format!("n{node}")),
            quote(&node_text(graph, *node, options)),
            quote(colour)
        )?;
    }
    for rel in &view.rels {
        let Some(entry) = graph.rel(*rel) else { continue };
        let mut text = catalog.rel_type_name(entry.ty).to_string();
        for key in &options.show {
            if let Some(v) = catalog.prop_key(key).and_then(|k| graph.rel_property(*rel, k)) {
                text.push_str(&format!("\n{key}: {}", shown_value(&v)));
            }
        }
        writeln!(
            out,
            "  {} -> {} [label={}];",
            quote(&format!("n{}", entry.start)),
            quote(&format!("n{}", entry.end)),
            quote(&text)
        )?;
    }
    if !styles.is_empty() {
        writeln!(out, "  subgraph cluster_legend {{")?;
        writeln!(out, "    label=\"Legend\"; style=dashed; fontname=\"Helvetica\";")?;
        for (name, (_, colour, shape)) in &styles {
            writeln!(
                out,
                "    {} [label={}, shape={shape}, fillcolor={}];",
                quote(&format!("legend {name}")),
                quote(name),
                quote(colour)
            )?;
        }
        writeln!(out, "  }}")?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_everything_dot_cares_about() {
        assert_eq!(quote(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
        assert_eq!(quote("two\r\nlines"), r#""two\nlines""#);
        assert_eq!(quote("Алматы ✓"), "\"Алматы ✓\"");
    }

    #[test]
    fn writes_nodes_edges_and_a_legend() {
        let mut db = crate::Database::empty();
        let setup =
            "CREATE (a:Country {name: 'Say \"Hi\"'})-[:MEMBER_OF {since: 1992}]->(b:Organization {name: 'CSTO'})";
        assert!(db.execute(setup, &crate::Params::new()).is_ok());
        let mut out = Vec::new();
        let options = ExportOptions { show: vec!["name".into(), "since".into()], ..ExportOptions::default() };
        assert!(write(&super::super::GraphView::whole(db.graph()), &options, &mut out).is_ok());
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.starts_with("digraph steppe {"), "{text}");
        assert!(text.contains(r#"label="name: Say \"Hi\"\n:Country""#), "{text}");
        assert!(text.contains(r#""n1" -> "n2" [label="MEMBER_OF\nsince: 1992"];"#), "{text}");
        assert!(text.contains("subgraph cluster_legend"), "{text}");
        assert_eq!(text.matches("->").count(), 1);
        assert!(text.trim_end().ends_with('}'));
    }
}

//! How labels look in a picture: a fill colour and a shape per label, fixed for the
//! graph (the same in every export), and DOT's quoting.

use std::collections::BTreeMap;

use crate::export::GraphView;
use crate::store::{Graph, LabelId, NodeId};

/// Fill colours and shapes handed to labels in order of their names; both cycle, so
/// many labels still look distinct.
const COLOURS: &[&str] = &[
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd",
    "#ccebc5", "#ffed6f",
];
const SHAPES: &[&str] = &["box", "ellipse", "hexagon", "octagon", "diamond", "note", "cylinder", "house", "component"];

/// A label's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub colour: &'static str,
    pub shape: &'static str,
}

/// A node without a label.
pub const UNLABELLED: Style = Style { colour: "#ffffff", shape: "box" };

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

/// The look of each label present in the view, by label name. It is fixed for the graph,
/// whatever the view holds: in a typed graph by the label's place among the declared types
/// (by name), else by a hash of its name, so that a label looks the same in every export.
pub fn styles(view: &GraphView<'_>) -> BTreeMap<String, Style> {
    let catalog = view.graph.catalog();
    let mut labels: BTreeMap<String, LabelId> = BTreeMap::new();
    for node in &view.nodes {
        if let Some(label) = primary_label(view.graph, *node) {
            labels.insert(catalog.label_name(label).to_string(), label);
        }
    }
    let mut declared: Vec<String> =
        view.graph.schema().node_types().map(|t| catalog.label_name(t.label).to_string()).collect();
    declared.sort();
    labels
        .into_keys()
        .map(|name| {
            let i = declared.iter().position(|d| *d == name).unwrap_or_else(|| fnv1a(&name) as usize);
            // Colours and shapes cycle at different lengths, so a pair repeats only after many labels.
            let style =
                Style { colour: COLOURS[i % COLOURS.len()], shape: SHAPES[(i / COLOURS.len() + i) % SHAPES.len()] };
            (name, style)
        })
        .collect()
}

/// FNV-1a: a stable hash of a label's name (the same in every run and build).
pub fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The label a node is drawn by: its first by name.
pub fn primary_label(graph: &Graph, node: NodeId) -> Option<LabelId> {
    let catalog = graph.catalog();
    graph.node_labels(node).iter().copied().min_by_key(|l| catalog.label_name(*l).to_string())
}

/// The style of a node: its primary label's.
pub fn node_style(graph: &Graph, styles: &BTreeMap<String, Style>, node: NodeId) -> Style {
    primary_label(graph, node).and_then(|l| styles.get(&**graph.catalog().label_name(l)).copied()).unwrap_or(UNLABELLED)
}

/// Long text broken into lines of about `width` characters at spaces, so that long
/// names (statements, events) make narrow nodes rather than one wide line.
pub fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

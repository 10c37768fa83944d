//! Graphviz DOT: one node statement per node, one edge per relationship labelled with
//! its type, a shape and colour per label, and a legend. Every identifier and label is
//! quoted and escaped, so any name (quotes, backslashes, new lines, any script) is safe.
//!
//! A picture of the whole graph is drawn to be read, not only to be correct:
//! - `MENTIONS` (an article names an entity: a third of the CSTO graph's relationships,
//!   all between the articles and everything else) is left out unless asked for, and the
//!   caption says how many were left out;
//! - nodes can be grouped into boxes (clusters) per label or per article (`cluster.rs`);
//! - the layout engine is named in the DOT text (`layout=…`), so `dot -Tsvg` uses it:
//!   unless one is chosen, Graphviz's `dot` for small pictures and, past [`SFDP_ABOVE`]
//!   nodes, `sfdp` (force-directed, made for large graphs; it draws no boxes) or, for a
//!   picture in boxes, `osage` (which packs the boxes side by side; `dot` with boxes takes
//!   long and can fail on large graphs, `fdp` takes minutes);
//! - long names are wrapped, so a statement makes a narrow node rather than one long line.
//!
//! A query's picture shows what the query returned, MENTIONS included.

mod cluster;
mod style;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::io::{self, Write};

pub use self::cluster::Cluster;
pub use self::style::quote;
use self::style::{node_style, styles, wrap, Style};
use super::{ExportOptions, GraphView};
use crate::store::{Graph, NodeId, RelId};
use crate::value::Value;

/// The relationship type a whole-graph picture leaves out by default.
pub const MENTIONS: &str = "MENTIONS";
/// Past this many nodes an automatic layout is `sfdp`: `dot`'s ranks grow too wide.
pub const SFDP_ABOVE: usize = 150;
/// Node names are wrapped at about this many characters.
const WRAP_AT: usize = 28;
/// Values `--show` asks for are wrapped at about this many characters.
const SHOWN_WRAP_AT: usize = 48;

/// Graphviz's layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Dot,
    Sfdp,
    Fdp,
    Neato,
    Circo,
    Twopi,
    Osage,
}

impl Layout {
    pub const NAMES: [&'static str; 7] = ["dot", "sfdp", "fdp", "neato", "circo", "twopi", "osage"];

    pub fn parse(text: &str) -> Option<Layout> {
        Some(match text.to_ascii_lowercase().as_str() {
            "dot" => Layout::Dot,
            "sfdp" => Layout::Sfdp,
            "fdp" => Layout::Fdp,
            "neato" => Layout::Neato,
            "circo" => Layout::Circo,
            "twopi" => Layout::Twopi,
            "osage" => Layout::Osage,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
            Layout::Fdp => "fdp",
            Layout::Neato => "neato",
            Layout::Circo => "circo",
            Layout::Twopi => "twopi",
            Layout::Osage => "osage",
        }
    }

    /// Whether the engine draws clusters as boxes (sfdp, neato, circo and twopi ignore them).
    pub fn draws_boxes(self) -> bool {
        matches!(self, Layout::Dot | Layout::Fdp | Layout::Osage)
    }

    /// The graph attributes that make this engine's picture legible.
    fn attributes(self) -> &'static str {
        match self {
            // Left to right reads well for knowledge graphs; `newrank` ranks the whole graph
            // at once, without which boxes with edges between them can fail to lay out.
            Layout::Dot => "rankdir=LR, newrank=true, nodesep=0.3, ranksep=1.0, splines=true",
            // Force-directed: remove overlaps without blowing the picture up; straight
            // edges, since spline routing around hundreds of nodes is what takes minutes.
            Layout::Sfdp => "overlap=prism, overlap_scaling=-4, sep=\"+8\", splines=false, K=1.2, repulsiveforce=1.5",
            Layout::Fdp | Layout::Neato => "overlap=false, sep=\"+8\", splines=true",
            Layout::Circo | Layout::Twopi => "overlap=false, splines=true",
            // Boxes packed in a grid, a box per group: an inventory rather than a network.
            Layout::Osage => "pack=12, splines=false",
        }
    }
}

/// What a picture draws, decided once from the view and the options.
pub struct Plan {
    pub layout: Layout,
    pub cluster: Cluster,
    /// The relationships drawn, and how many were left out (MENTIONS).
    pub rels: Vec<RelId>,
    pub hidden: usize,
}

impl Plan {
    pub fn new(view: &GraphView<'_>, options: &ExportOptions) -> Plan {
        let graph = view.graph;
        let whole = view.nodes.len() == graph.node_count() && view.rels.len() == graph.rel_count();
        let show_mentions = options.mentions.unwrap_or(!whole);
        let mentions = graph.catalog().rel_type(MENTIONS);
        let drawn = |rel: &RelId| show_mentions || mentions.is_none() || graph.rel(*rel).map(|r| r.ty) != mentions;
        let rels: Vec<RelId> = view.rels.iter().copied().filter(drawn).collect();
        let hidden = view.rels.len() - rels.len();
        let cluster = options.cluster.unwrap_or(Cluster::None);
        // sfdp draws no boxes: a large picture in boxes is packed by osage instead.
        let layout = options.layout.unwrap_or(match (cluster, view.nodes.len() > SFDP_ABOVE) {
            (_, false) => Layout::Dot,
            (Cluster::None, true) => Layout::Sfdp,
            (_, true) => Layout::Osage,
        });
        Plan { layout, cluster, rels, hidden }
    }
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
            lines.push(wrap(&shown_value(&v), WRAP_AT));
        }
    } else {
        // A value already shown under another key (an article's `title`, the same as its
        // `name`) is not repeated: `--show name,title` is for the offices' titles.
        let mut shown: Vec<Value> = Vec::new();
        for key in &options.show {
            if let Some(v) = prop(key).filter(|v| !shown.contains(v)) {
                lines.push(wrap(&format!("{key}: {}", shown_value(&v)), SHOWN_WRAP_AT));
                shown.push(v);
            }
        }
    }
    let labels: String = graph.node_labels(node).iter().map(|l| format!(":{}", catalog.label_name(*l))).collect();
    lines.push(if labels.is_empty() { format!("#{node}") } else { labels });
    lines.join("\n")
}

pub fn write(view: &GraphView<'_>, options: &ExportOptions, out: &mut dyn Write) -> io::Result<()> {
    let graph = view.graph;
    let plan = Plan::new(view, options);
    let styles = styles(view);
    writeln!(out, "digraph steppe {{")?;
    writeln!(
        out,
        "  graph [layout={}, {}, fontname=\"Helvetica\", labelloc=b, label={}];",
        plan.layout.name(),
        plan.layout.attributes(),
        quote(&caption(view, &plan))
    )?;
    writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=10];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];")?;
    let (groups, loose) = cluster::group(view, plan.cluster);
    write_boxes(view, options, &styles, &groups, out)?;
    for &node in &loose {
        write_node(view, options, &styles, node, "  ", out)?;
    }
    for &rel in &plan.rels {
        write_edge(graph, options, rel, out)?;
    }
    write_legend(&styles, plan.layout, out)?;
    writeln!(out, "}}")
}

/// Each group as a box (a Graphviz cluster) with its title.
fn write_boxes(
    view: &GraphView<'_>,
    options: &ExportOptions,
    styles: &BTreeMap<String, Style>,
    groups: &[cluster::Group],
    out: &mut dyn Write,
) -> io::Result<()> {
    for group in groups {
        writeln!(out, "  subgraph {} {{", quote(&format!("cluster_{}", group.id)))?;
        writeln!(
            out,
            "    label={}; style=\"rounded,filled\"; fillcolor=\"#f7f7f7\"; color=\"#999999\"; fontsize=14;",
            quote(&group.title)
        )?;
        for &node in &group.nodes {
            write_node(view, options, styles, node, "    ", out)?;
        }
        writeln!(out, "  }}")?;
    }
    Ok(())
}

/// The line under the picture: what it holds and what it leaves out.
fn caption(view: &GraphView<'_>, plan: &Plan) -> String {
    let mut text = format!("{} nodes, {} relationships", view.nodes.len(), plan.rels.len());
    if plan.hidden > 0 {
        text.push_str(&format!(" ({} {MENTIONS} not drawn: --mentions draws them)", plan.hidden));
    }
    text
}

fn write_node(
    view: &GraphView<'_>,
    options: &ExportOptions,
    styles: &BTreeMap<String, Style>,
    node: NodeId,
    indent: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Style { colour, shape } = node_style(view.graph, styles, node);
    writeln!(
        out,
        "{indent}{} [label={}, shape={shape}, fillcolor={}];",
        quote(&format!("n{node}")),
        quote(&node_text(view.graph, node, options)),
        quote(colour)
    )
}

fn write_edge(graph: &Graph, options: &ExportOptions, rel: RelId, out: &mut dyn Write) -> io::Result<()> {
    let catalog = graph.catalog();
    let Some(entry) = graph.rel(rel) else { return Ok(()) };
    let mut text = catalog.rel_type_name(entry.ty).to_string();
    for key in &options.show {
        if let Some(v) = catalog.prop_key(key).and_then(|k| graph.rel_property(rel, k)) {
            text.push('\n');
            text.push_str(&wrap(&format!("{key}: {}", shown_value(&v)), SHOWN_WRAP_AT));
        }
    }
    writeln!(
        out,
        "  {} -> {} [label={}];",
        quote(&format!("n{}", entry.start)),
        quote(&format!("n{}", entry.end)),
        quote(&text)
    )
}

/// One box naming each label with its look. An engine that draws no boxes (sfdp for a large
/// graph) would scatter the entries over the picture, so there they are also chained by
/// invisible edges into one component, which the engine keeps together beside the graph.
fn write_legend(styles: &BTreeMap<String, Style>, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    if styles.is_empty() {
        return Ok(());
    }
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(out, "    label=\"Legend\"; style=dashed; fontname=\"Helvetica\";")?;
    for (name, Style { colour, shape }) in styles {
        writeln!(
            out,
            "    {} [label={}, shape={shape}, fillcolor={}];",
            quote(&format!("legend {name}")),
            quote(name),
            quote(colour)
        )?;
    }
    if !layout.draws_boxes() {
        let names: Vec<&String> = styles.keys().collect();
        for pair in names.windows(2) {
            let [from, to] = pair else { continue };
            let (from, to) = (quote(&format!("legend {from}")), quote(&format!("legend {to}")));
            writeln!(out, "    {from} -> {to} [style=invis];")?;
        }
    }
    writeln!(out, "  }}")
}

//! Pictures of the CSTO graph (issue 19): the whole graph without MENTIONS unless asked,
//! a legend of the labels' fixed styles, boxes per article, and the rendered formats.

use std::collections::BTreeSet;

use steppe::export::{render, Image};
use steppe::{Database, Params, Value};

use crate::common::{steppe_with_stdin, text};

fn export(args: &[&str]) -> String {
    let mut all = vec!["export", "--to", "dot"];
    all.extend_from_slice(args);
    let out = steppe_with_stdin(&all, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn count(db: &mut Database, query: &str) -> usize {
    let res = db.execute(query, &Params::new()).unwrap_or_else(|e| panic!("{e}"));
    match res.rows[0][0] {
        Value::Int(n) => n as usize,
        ref other => panic!("{other:?}"),
    }
}

/// The labels of the edges drawn (the legend's invisible chain left out).
fn edge_labels(dot: &str) -> Vec<String> {
    dot.lines()
        .filter(|l| l.contains(" -> ") && !l.contains("style=invis"))
        .filter_map(|l| {
            l.split("[label=\"").nth(1).map(|t| t.split(['"', '\\']).next().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn the_whole_graph_leaves_mentions_out_unless_asked_and_says_so() {
    let mut db = Database::default_graph().unwrap_or_else(|e| panic!("{e}"));
    let mentions = count(&mut db, "MATCH ()-[r:MENTIONS]->() RETURN count(r)");
    let all = count(&mut db, "MATCH ()-[r]->() RETURN count(r)");
    assert!(mentions > 0);
    let dot = export(&[]);
    let drawn = edge_labels(&dot);
    assert_eq!(drawn.len(), all - mentions, "{dot}");
    assert!(!drawn.iter().any(|l| l == "MENTIONS"));
    assert!(dot.contains(&format!("({mentions} MENTIONS not drawn: --mentions draws them)")), "the caption says so");
    assert!(dot.contains("layout=sfdp"), "a graph this large is laid out by sfdp");
    let with = edge_labels(&export(&["--mentions"]));
    assert_eq!(with.len(), all);
    assert_eq!(with.iter().filter(|l| *l == "MENTIONS").count(), mentions);
}

#[test]
fn the_legend_names_every_label_in_the_picture() {
    let mut db = Database::default_graph().unwrap_or_else(|e| panic!("{e}"));
    let res = db
        .execute("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l", &Params::new())
        .unwrap_or_else(|e| panic!("{e}"));
    let labels: BTreeSet<String> = res.rows.iter().filter_map(|r| r[0].as_str().map(str::to_string)).collect();
    let dot = export(&[]);
    let legend = dot.split("subgraph cluster_legend").nth(1).unwrap_or_default();
    let named: BTreeSet<String> = legend
        .lines()
        .filter(|l| !l.contains(" -> "))
        .filter_map(|l| l.trim().strip_prefix("\"legend ").and_then(|t| t.split('"').next()).map(str::to_string))
        .collect();
    assert_eq!(named, labels, "{legend}");
    // The same label has the same look in another export.
    let other = export(&["--query", "MATCH (c:Country)-[r:MEMBER_OF]->(o) RETURN r"]);
    let look = |dot: &str, label: &str| {
        dot.lines()
            .find(|l| l.contains(&format!("\"legend {label}\" [")))
            .map(|l| l.split_once('[').map(|x| x.1.to_string()))
    };
    assert_eq!(look(&dot, "Country"), look(&other, "Country"));
}

#[test]
fn boxes_per_article_are_named_by_the_articles() {
    let mut db = Database::default_graph().unwrap_or_else(|e| panic!("{e}"));
    let articles = count(&mut db, "MATCH (a:Article) RETURN count(a)");
    let dot = export(&["--cluster", "article"]);
    let boxes: Vec<&str> = dot.lines().filter(|l| l.contains("subgraph \"cluster_source ")).collect();
    assert_eq!(boxes.len(), articles, "{dot}");
    assert!(dot.contains("layout=osage"), "boxes in a large picture are packed by osage");
}

#[test]
fn graphviz_renders_png_and_svg_and_reports_progress() {
    if std::process::Command::new("dot").arg("-V").output().is_err() {
        return; // CI installs Graphviz; without it `render` says so (tested in cli.rs).
    }
    let dot_text = b"digraph { a -> b }";
    let mut ticks = 0;
    let png = render(dot_text, Image::Png, &mut |_| ticks += 1).unwrap_or_else(|e| panic!("{e}"));
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    assert!(ticks >= 1, "progress is reported at least once");
    let svg = render(dot_text, Image::Svg, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    assert!(text(&svg).contains("<svg"));
    let out =
        steppe_with_stdin(&["export", "--to", "png", "--query", "MATCH (c:Country)-[r:MEMBER_OF]->() RETURN r"], None);
    assert!(out.status.success() && out.stdout.starts_with(b"\x89PNG"), "{}", text(&out.stderr));
}

/// See: issue 19. `examples/csto-deployment.svg` showed names the graph had dropped. Each
/// picture `examples/pictures.sh` draws is exported again here as DOT, and every line of
/// every node's label must be a text of the committed SVG.
#[test]
fn the_readme_pictures_show_the_graphs_current_names() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("examples/pictures.sh")).unwrap_or_else(|e| panic!("{e}"));
    let commands: Vec<&str> = script.split("\"$steppe\" export ").skip(1).collect();
    assert!(commands.len() >= 2, "{script}");
    for command in commands {
        let arg = |flag: &str| command.split(flag).nth(1).and_then(|t| t.split_whitespace().next()).unwrap_or_default();
        let query = command.split("--query \"").nth(1).and_then(|t| t.split('"').next()).unwrap_or_default();
        let svg_path = arg(" -o ");
        let svg = std::fs::read_to_string(root.join(svg_path)).unwrap_or_else(|e| panic!("{svg_path}: {e}"));
        let texts: BTreeSet<String> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>').and_then(|(_, rest)| rest.split("</text>").next()))
            .map(unescape_xml)
            .collect();
        let dot = export(&["--show", arg("--show "), "--query", query]);
        for line in dot.lines().filter(|l| l.trim_start().starts_with("\"n") && !l.contains(" -> ")) {
            let label = line.split("label=\"").nth(1).and_then(|t| t.split("\", shape=").next()).unwrap_or_default();
            for part in label.split("\\n") {
                let part = part.replace("\\\"", "\"");
                assert!(
                    texts.contains(&part),
                    "{svg_path} is stale: it lacks `{part}` (examples/pictures.sh redraws it)"
                );
            }
        }
    }
}

fn unescape_xml(text: &str) -> String {
    text.replace("&#45;", "-")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

//! The picture and interchange exports read back by independent parsers: DOT by
//! graphviz-rust's parser, GraphML by roxmltree.

use graphviz_rust::dot_structures::{Graph as DotGraph, Stmt};
use steppe::export::{export, ExportFormat, ExportOptions, GraphView};
use steppe::{Database, Params};

fn exported(db: &Database, format: ExportFormat) -> String {
    let mut out = Vec::new();
    export(format, &GraphView::whole(db.graph()), &ExportOptions::default(), &mut out)
        .unwrap_or_else(|e| panic!("{}", e.message));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

/// Names that need escaping in DOT and XML.
fn awkward() -> Database {
    let mut db = Database::empty();
    let script = r#"
        CREATE (a:`Say "Hi"` {name: 'back\\slash "quoted" <tag> & amp', note: 'two
lines', n: 7, x: 0.0 / 0.0, ok: true, tags: ['a', 'b'], d: date('2022-01-06')})
        CREATE (b:Place {name: 'Алматы'})
        CREATE (a)-[:`REL "1"` {w: 1.5, why: 'it\'s <fine>'}]->(b)
        CREATE (b)-[:LOOP]->(b);
    "#;
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(script)));
    db
}

fn dot_counts(text: &str) -> (usize, usize) {
    let graph = graphviz_rust::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let DotGraph::DiGraph { stmts, .. } = graph else { panic!("not a digraph") };
    let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
    let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
    (nodes, edges)
}

#[test]
fn dot_parses_with_one_statement_per_node_and_relationship() {
    for db in [awkward(), Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message))] {
        // MENTIONS drawn too: the whole graph's picture leaves them out by default.
        let options = ExportOptions { mentions: Some(true), ..ExportOptions::default() };
        let mut out = Vec::new();
        export(ExportFormat::Dot, &GraphView::whole(db.graph()), &options, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dot_counts(&text), (db.graph().node_count(), db.graph().rel_count()));
    }
}

#[test]
fn graphml_parses_with_typed_keys_and_exact_text() {
    let db = awkward();
    let text = exported(&db, ExportFormat::Graphml);
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let elements = |name: &'static str| doc.descendants().filter(move |n| n.has_tag_name(name));
    assert_eq!(elements("node").count(), 2);
    assert_eq!(elements("edge").count(), 2);
    let key_type = |id: &str| {
        elements("key")
            .find(|k| k.attribute("id") == Some(id))
            .and_then(|k| k.attribute("attr.type"))
            .map(str::to_string)
    };
    assert_eq!(key_type("n_n").as_deref(), Some("long"));
    assert_eq!(key_type("n_x").as_deref(), Some("double"));
    assert_eq!(key_type("n_ok").as_deref(), Some("boolean"));
    assert_eq!(key_type("n_tags").as_deref(), Some("string"));
    assert_eq!(key_type("e_w").as_deref(), Some("double"));
    let data = |key: &str| {
        elements("data").filter(|d| d.attribute("key") == Some(key)).filter_map(|d| d.text()).collect::<Vec<_>>()
    };
    assert!(data("n_name").contains(&"back\\slash \"quoted\" <tag> & amp"), "{text}");
    assert_eq!(data("n_note"), vec!["two\nlines"]);
    assert_eq!(data("n_x"), vec!["NaN"]);
    assert_eq!(data("n_tags"), vec![r#"["a", "b"]"#]);
    assert_eq!(data("n_d"), vec!["2022-01-06"]);
    assert!(data("labels").contains(&":Say \"Hi\""));
    assert!(data("type").contains(&"REL \"1\""));
    assert_eq!(data("e_why"), vec!["it's <fine>"]);
    // Every edge names nodes that exist.
    let ids: Vec<&str> = elements("node").filter_map(|n| n.attribute("id")).collect();
    assert!(elements("edge")
        .all(|e| ids.contains(&e.attribute("source").unwrap_or(""))
            && ids.contains(&e.attribute("target").unwrap_or(""))));
}

#[test]
fn graphml_of_the_csto_graph_is_well_formed() {
    let db = Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message));
    let text = exported(&db, ExportFormat::Graphml);
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("edge")).count(), db.graph().rel_count());
}

/// See: issue 18. Control characters in names and values reached Graphviz's SVG, which
/// was then not well-formed XML. DOT now carries U+FFFD in their place; the SVG is
/// parsed when Graphviz is installed (CI installs it before the tests).
#[test]
fn control_characters_never_reach_the_svg() {
    let mut db = Database::empty();
    let script = "CREATE (:`Bell\u{7}` {name: 'nul\u{0} esc\u{1b} vt\u{b}', note: 'tab\tok'})-[:`T\u{1}`]->()";
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(script)));
    let text = exported(&db, ExportFormat::Dot);
    assert!(!text.chars().any(|c| (c as u32) < 0x20 && !"\n\t".contains(c)), "{text:?}");
    assert!(text.contains("nul\u{fffd} esc\u{fffd} vt\u{fffd}"), "{text}");
    assert_eq!(dot_counts(&text), (2, 1));
    let has_graphviz = std::process::Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success());
    if has_graphviz {
        let svg = exported(&db, ExportFormat::Svg);
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
        roxmltree::Document::parse_with_options(&svg, options).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    }
}

use super::*;
use crate::export::GraphView;
use crate::{Database, Params};

fn db_of(script: &str) -> Database {
    let mut db = Database::empty();
    let res = db.execute_script(script, &Params::new());
    assert!(res.is_ok(), "{res:?}");
    db
}

fn dot(view: &GraphView<'_>, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    assert!(write(view, options, &mut out).is_ok());
    String::from_utf8(out).unwrap_or_default()
}

/// The DOT edge statements that are drawn (the legend's invisible chain left out).
fn edges(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains(" -> ") && !l.contains("style=invis")).collect()
}

#[test]
fn quoting_escapes_everything_dot_cares_about() {
    assert_eq!(quote(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
    assert_eq!(quote("two\r\nlines"), r#""two\nlines""#);
    assert_eq!(quote("Алматы ✓"), "\"Алматы ✓\"");
}

#[test]
fn long_names_are_wrapped_at_spaces() {
    assert_eq!(
        style::wrap("Russian Foreign Ministry statement on the unrest", 20),
        "Russian Foreign\nMinistry statement\non the unrest"
    );
    assert_eq!(style::wrap("short", 20), "short");
}

#[test]
fn writes_nodes_edges_and_a_legend() {
    let db =
        db_of("CREATE (a:Country {name: 'Say \"Hi\"'})-[:MEMBER_OF {since: 1992}]->(b:Organization {name: 'CSTO'})");
    let options = ExportOptions { show: vec!["name".into(), "since".into()], ..ExportOptions::default() };
    let text = dot(&GraphView::whole(db.graph()), &options);
    assert!(text.starts_with("digraph steppe {"), "{text}");
    assert!(text.contains(r#"label="name: Say \"Hi\"\n:Country""#), "{text}");
    assert!(text.contains(r#" [label="MEMBER_OF\nsince: 1992"];"#), "{text}");
    assert!(text.contains("subgraph cluster_legend"), "{text}");
    assert!(!text.contains("style=invis"), "dot draws the legend's box, so needs no chain: {text}");
    assert_eq!(edges(&text).len(), 1, "{text}");
    assert!(text.trim_end().ends_with('}'));
}

/// The legend names every label of the picture once, in the label's own shape and colour.
#[test]
fn the_legend_shows_each_label_in_its_style() {
    let db = db_of("CREATE (:Country {name: 'A'})-[:R]->(:Person {name: 'B'})-[:R]->(:Country {name: 'C'})");
    let text = dot(&GraphView::whole(db.graph()), &ExportOptions::default());
    let legend = text.split("subgraph cluster_legend").nth(1).unwrap_or_default();
    for label in ["Country", "Person"] {
        let entry = legend.lines().find(|l| l.contains(&format!("\"legend {label}\" [")));
        let entry = entry.unwrap_or_else(|| panic!("no legend entry for {label}: {text}"));
        let node = text.lines().find(|l| l.contains(&format!(":{label}\"")) && !l.contains("legend"));
        let style_of = |line: &str| line.split("shape=").nth(1).map(str::to_string);
        assert_eq!(style_of(entry), node.and_then(style_of), "{label} looks the same in the legend: {text}");
    }
}

#[test]
fn mentions_are_hidden_from_the_whole_graph_unless_asked_for() {
    let db = db_of(
        "CREATE (a:Article {name: 'a1'})-[:MENTIONS]->(c:Country {name: 'Russia'}),
                (a)-[:MENTIONS]->(o:Organization {name: 'CSTO'}), (c)-[:MEMBER_OF]->(o)",
    );
    let whole = GraphView::whole(db.graph());
    let text = dot(&whole, &ExportOptions::default());
    assert!(!text.contains("MENTIONS\""), "{text}");
    assert_eq!(edges(&text).len(), 1, "{text}");
    assert!(text.contains("2 MENTIONS not drawn"), "the caption says what is left out: {text}");
    let shown = dot(&whole, &ExportOptions { mentions: Some(true), ..ExportOptions::default() });
    assert_eq!(edges(&shown).iter().filter(|l| l.contains("label=\"MENTIONS\"")).count(), 2, "{shown}");
}

#[test]
fn large_graphs_use_sfdp_or_osage_for_boxes() {
    let db = db_of("UNWIND range(1, 160) AS i CREATE (:Person {name: 'p' + i})-[:KNOWS]->(:Place {name: 'x' + i})");
    let whole = GraphView::whole(db.graph());
    let text = dot(&whole, &ExportOptions::default());
    assert!(text.contains("layout=sfdp") && !text.contains("subgraph \"cluster_label"), "{text}");
    // sfdp draws no boxes: the legend's entries are held together by an invisible chain.
    assert!(text.contains("\"legend Person\" -> \"legend Place\" [style=invis];"), "{text}");
    let boxed = ExportOptions { cluster: Some(Cluster::Label), ..ExportOptions::default() };
    let text = dot(&whole, &boxed);
    assert!(text.contains("layout=osage"), "{text}");
    assert!(text.contains("subgraph \"cluster_label Person\""), "{text}");
    assert!(text.contains("label=\"Person (160)\""), "{text}");
    let small = db_of("CREATE (:Person {name: 'a'})-[:KNOWS]->(:Person {name: 'b'})");
    let text = dot(&GraphView::whole(small.graph()), &boxed);
    assert!(text.contains("layout=dot") && text.contains("cluster_label Person"), "{text}");
}

#[test]
fn boxes_per_article_hold_what_only_that_article_says() {
    let db = db_of(
        "CREATE NODE TYPE Article (id STRING KEY, title STRING);
         CREATE NODE TYPE Thing (name STRING KEY);
         CREATE RELATIONSHIP TYPE SAYS (Article -> Thing, sources LIST<STRING>);
         CREATE RELATIONSHIP TYPE NEAR (Thing -> Thing, sources LIST<STRING>);
         CREATE (a:Article {id: 'a', title: 'First'}), (b:Article {id: 'b'}),
                (x:Thing {name: 'only a'}), (y:Thing {name: 'both'}),
                (a)-[:SAYS {sources: ['a']}]->(x), (a)-[:SAYS {sources: ['a']}]->(y), (b)-[:SAYS {sources: ['b']}]->(y);",
    );
    let options = ExportOptions { cluster: Some(Cluster::Article), ..ExportOptions::default() };
    let text = dot(&GraphView::whole(db.graph()), &options);
    let boxed =
        |source: &str| text.split(&format!("cluster_source {source}\"")).nth(1).and_then(|t| t.split("  }").next());
    let a = boxed("a").unwrap_or_default();
    assert!(a.contains("label=\"a\\nFirst\"") && a.contains("only a") && a.contains(":Article"), "{text}");
    assert!(!a.contains("both"), "what two articles say is outside their boxes: {text}");
    assert!(boxed("b").is_some_and(|b| !b.contains("only a")), "{text}");
}

/// A value already shown under another `--show` key is not repeated (an article's `title`
/// is its `name`), while a different value under that key is (an office's title).
#[test]
fn a_value_shown_once_is_not_repeated_under_another_key() {
    let db = db_of("CREATE (:Article {name: 'A headline', title: 'A headline'}), (:Role {name: 'President of X', title: 'President'})");
    let options = ExportOptions { show: vec!["name".into(), "title".into()], ..ExportOptions::default() };
    let text = dot(&GraphView::whole(db.graph()), &options);
    assert!(text.contains(r#"label="name: A headline\n:Article""#), "{text}");
    assert!(text.contains(r#"label="name: President of X\ntitle: President\n:Role""#), "{text}");
}

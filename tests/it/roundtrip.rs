//! Export → import gives the same graph, for every lossless format (JSON, the Cypher
//! dump, CSV), on the CSTO graph and on graphs holding every value type.

use std::path::Path;

use steppe::export::{export, export_csv, Dialect, ExportFormat, ExportOptions, GraphView};
use steppe::import::{import_csv, import_json, CsvOptions, CsvSource, NoProgress};
use steppe::store::Graph;
use steppe::{Database, Params};

/// A graph as sorted text: the schema's declarations, each node (labels and
/// properties), and each relationship with its end nodes. Values print with their
/// type (`Int(1)` and `Float(1.0)` differ), so the comparison is exact.
pub fn canonical(graph: &Graph) -> (Vec<String>, Vec<String>, Vec<String>) {
    let catalog = graph.catalog();
    let mut ddl: Vec<String> = graph.schema().to_ddl(catalog).lines().map(str::to_string).collect();
    ddl.sort();
    let node = |id| {
        let mut labels: Vec<String> =
            graph.node_labels(id).iter().map(|l| catalog.label_name(*l).to_string()).collect();
        labels.sort();
        let mut props: Vec<String> =
            graph.node_properties(id).into_iter().map(|(k, v)| format!("{}={v:?}", catalog.prop_key_name(k))).collect();
        props.sort();
        format!("({} {{{}}})", labels.join(":"), props.join(", "))
    };
    let mut nodes: Vec<String> = graph.node_ids().map(node).collect();
    nodes.sort();
    let mut rels: Vec<String> = graph
        .rel_ids()
        .filter_map(|r| {
            let entry = graph.rel(r)?;
            let mut props: Vec<String> =
                graph.rel_properties(r).iter().map(|(k, v)| format!("{}={v:?}", catalog.prop_key_name(*k))).collect();
            props.sort();
            Some(format!(
                "{} -[{} {{{}}}]-> {}",
                node(entry.start),
                catalog.rel_type_name(entry.ty),
                props.join(", "),
                node(entry.end)
            ))
        })
        .collect();
    rels.sort();
    (ddl, nodes, rels)
}

fn run(db: &mut Database, script: &str) {
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(script)));
}

/// An open graph with every value type a CSV column can hold, and awkward text.
fn every_value_open(with_maps: bool) -> Database {
    let mut db = Database::empty();
    run(
        &mut db,
        r#"
        CREATE (a:Thing:Other {s: 'quote \' and "double", back\\slash, comma, semi;colon | pipe', nl: 'two
lines', empty: '', uni: 'Алматы ✓ 中文', big: 9223372036854775807, small: -9223372036854775807 - 1,
            f: 1.5, e: 1e300, tiny: 5e-324, nan: 0.0 / 0.0, inf: 1.0 / 0.0, ninf: -1.0 / 0.0, t: true, fl: false,
            d: date('2022-01-06'), strs: ['a', 'b;c', 'x|y', ''], ints: [1, -2], floats: [0.5, 0.0 / 0.0],
            bools: [true, false], dates: [date('1991-12-26')], nothing: []})
        CREATE (b:Thing {s: ' lead and trail ', n: 1})
        CREATE (c {only: 'no label'})
        CREATE (d:Plain)
        CREATE (a)-[:REL {w: 2.0, tags: ['x'], d: date('2000-02-29')}]->(b)
        CREATE (a)-[:REL {w: 3.0}]->(b)
        CREATE (b)-[:SELF]->(b)
        CREATE (c)-[:`odd type`]->(d);
        "#,
    );
    if with_maps {
        run(
            &mut db,
            "MATCH (n:Plain) SET n.m = {a: 1, b: [date('2022-01-01')], c: {d: 'e'}}, n.tricky = {`$date`: 'no'}",
        );
    }
    db
}

/// A typed graph with keys, declaring every property type.
fn every_value_typed() -> Database {
    let mut db = Database::empty();
    run(
        &mut db,
        "
        CREATE NODE TYPE T (k INT KEY, s STRING, f FLOAT, b BOOL, d DATE, ls LIST<STRING> NOT NULL, li LIST<INT>,
                            lf LIST<FLOAT>, m MAP, a ANY);
        CREATE NODE TYPE `Odd Label` (name STRING KEY);
        CREATE RELATIONSHIP TYPE R (T -> T|`Odd Label`, w FLOAT NOT NULL, `when` DATE, notes LIST<STRING>);
        CREATE (:T {k: 1, s: 'one', f: 1, b: true, d: date('2022-01-06'), ls: [], li: [1, 2], lf: [0.0 / 0.0],
                    m: {x: [1, 'two']}, a: 'anything'});
        CREATE (:T {k: 2, ls: ['a;b', 'c'], a: 42});
        CREATE (:`Odd Label` {name: 'it\\'s'});
        MATCH (a:T {k: 1}), (b:T {k: 2}) CREATE (a)-[:R {w: 0.5, `when`: date('1999-12-31'), notes: []}]->(b);
        MATCH (a:T {k: 2}), (b:`Odd Label`) CREATE (a)-[:R {w: 1.0 / 0.0}]->(b);
        ",
    );
    db
}

fn json_round_trip(db: &Database) -> Graph {
    let mut out = Vec::new();
    export(ExportFormat::Json, &GraphView::whole(db.graph()), &ExportOptions::default(), &mut out)
        .unwrap_or_else(|e| panic!("{}", e.message));
    let mut graph = Graph::new();
    import_json(&mut graph, out.as_slice(), "export.json").unwrap_or_else(|e| panic!("{}", e.describe("")));
    graph
}

fn cypher_round_trip(db: &Database) -> Graph {
    let mut out = Vec::new();
    export(ExportFormat::Cypher, &GraphView::whole(db.graph()), &ExportOptions::default(), &mut out)
        .unwrap_or_else(|e| panic!("{}", e.message));
    let script = String::from_utf8(out).unwrap_or_default();
    let mut copy = Database::empty();
    run(&mut copy, &script);
    copy.graph().clone()
}

fn csv_round_trip(db: &Database, dir: &Path) -> Graph {
    let written = export_csv(&GraphView::whole(db.graph()), dir).unwrap_or_else(|e| panic!("{}", e.message));
    let mut copy = Database::empty();
    let schema = std::fs::read_to_string(dir.join("schema.cypher")).unwrap_or_default();
    run(&mut copy, &schema);
    let mut graph = copy.graph().clone();
    let source = |name: &String| CsvSource { path: dir.join(name), prefix: Vec::new() };
    let nodes: Vec<CsvSource> = written.nodes.iter().map(source).collect();
    let rels: Vec<CsvSource> = written.relationships.iter().map(source).collect();
    let options = CsvOptions { array_delimiter: written.array_delimiter, ..CsvOptions::default() };
    import_csv(&mut graph, &nodes, &rels, &options, &mut NoProgress).unwrap_or_else(|e| panic!("{}", e.describe("")));
    graph
}

fn csto() -> Database {
    Database::default_graph().unwrap_or_else(|e| panic!("{}", e.message))
}

#[test]
fn json_keeps_the_csto_graph_and_its_ids() {
    let db = csto();
    let copy = json_round_trip(&db);
    assert_eq!(canonical(&copy), canonical(db.graph()));
    let ids = |g: &Graph| (g.node_ids().collect::<Vec<_>>(), g.rel_ids().collect::<Vec<_>>());
    assert_eq!(ids(&copy), ids(db.graph()));
    // The schema came along: it still refuses a duplicate key.
    let mut copy = Database::from_graph(copy);
    let dup = copy.execute("CREATE (:Country {name: 'Russia', aliases: []})", &Params::new());
    assert_eq!(dup.err().map(|e| e.code), Some(steppe::ErrorCode::DuplicateKey));
}

#[test]
fn json_keeps_every_value_type() {
    for db in [every_value_open(true), every_value_typed()] {
        assert_eq!(canonical(&json_round_trip(&db)), canonical(db.graph()));
    }
}

#[test]
fn the_cypher_dump_recreates_the_csto_graph() {
    let db = csto();
    assert_eq!(canonical(&cypher_round_trip(&db)), canonical(db.graph()));
}

#[test]
fn the_cypher_dump_keeps_every_value_type_and_removes_its_temporary_ids() {
    for db in [every_value_open(true), every_value_typed()] {
        let copy = cypher_round_trip(&db);
        assert_eq!(canonical(&copy), canonical(db.graph()));
    }
}

#[test]
fn the_cypher_dump_refuses_keyless_endpoints_in_a_typed_graph() {
    let mut db = Database::empty();
    run(&mut db, "CREATE NODE TYPE A (x INT); CREATE RELATIONSHIP TYPE R (A -> A); CREATE (:A)-[:R]->(:A);");
    let mut out = Vec::new();
    let err = export(ExportFormat::Cypher, &GraphView::whole(db.graph()), &ExportOptions::default(), &mut out).err();
    assert_eq!(err.map(|e| e.code), Some(steppe::ErrorCode::ExportUnsupported));
}

#[test]
fn the_neo4j_dialect_has_no_steppe_ddl_and_cleans_up() {
    let db = csto();
    let mut out = Vec::new();
    let options = ExportOptions { dialect: Dialect::Neo4j, ..ExportOptions::default() };
    export(ExportFormat::Cypher, &GraphView::whole(db.graph()), &options, &mut out).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(out).unwrap_or_default();
    let statements: Vec<&str> = text.lines().filter(|l| !l.starts_with("//") && !l.is_empty()).collect();
    assert!(
        statements.iter().all(|s| s.starts_with("UNWIND [") || s.starts_with("MATCH (n:__SteppeImport)")),
        "{text}"
    );
    assert!(!text.contains("NODE TYPE"));
    assert_eq!(statements.last(), Some(&"MATCH (n:__SteppeImport) REMOVE n:__SteppeImport, n.__steppe_id;"));
    // Every node and relationship is in some batch.
    let rows = |prefix: &str| text.matches(prefix).count();
    assert_eq!(rows("{i: "), db.graph().node_count());
    assert_eq!(rows("{s: "), db.graph().rel_count());
}

#[test]
fn csv_keeps_the_csto_graph() {
    let db = csto();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(canonical(&csv_round_trip(&db, dir.path())), canonical(db.graph()));
}

#[test]
fn csv_keeps_every_value_type_it_has_words_for() {
    let db = every_value_open(false);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copy = csv_round_trip(&db, dir.path());
    assert_eq!(canonical(&copy), canonical(db.graph()));
    // The strings' `;` and `|` made the export pick the next sign for arrays.
    let readme = std::fs::read_to_string(dir.path().join("README.txt")).unwrap_or_default();
    assert!(readme.contains("--array-delimiter '^'"), "{readme}");
}

/// See: issue 18. Labels holding `;` or `|` were split, names with spaces at their ends
/// trimmed, and lists holding every delimiter candidate corrupted.
#[test]
fn csv_keeps_awkward_names_and_lists_exactly() {
    let mut db = Database::empty();
    run(
        &mut db,
        "CREATE (:`semi;colon`:`pi|pe`:` spaced ` {` key `: 1, tags: ['a;b|c^d~e!f#g$h%i&j*k+l/m<n=o>p?q@r`s-t', ' x ']})
                -[:` T ` {` w `: 2, `x;y`: ['1|2']}]->(:`B^`)",
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copy = csv_round_trip(&db, dir.path());
    assert_eq!(canonical(&copy), canonical(db.graph()));
}

#[test]
fn csv_refuses_lists_that_leave_no_delimiter() {
    let mut db = Database::empty();
    run(&mut db, "CREATE ({tags: [';|^~!#$%&*+/<=>?@`-_.:']})");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let err = export_csv(&GraphView::whole(db.graph()), dir.path()).err().unwrap_or_else(|| panic!("exported"));
    assert_eq!(err.code, steppe::ErrorCode::ExportUnsupported);
    assert!(err.message.contains("no array delimiter fits"), "{}", err.message);
}

#[test]
fn the_comparison_sees_value_types_and_missing_entities() {
    let db = every_value_open(true);
    let (_, nodes, rels) = canonical(db.graph());
    assert_eq!((nodes.len(), rels.len()), (4, 4));
    assert!(
        nodes.iter().any(|n| n.contains("nan=Float(NaN)") && n.contains("big=Int(9223372036854775807)")),
        "{nodes:?}"
    );
    let mut changed = every_value_open(true);
    run(&mut changed, "MATCH (n:Thing {n: 1}) SET n.n = 1.0");
    assert_ne!(canonical(changed.graph()), canonical(db.graph()));
}

/// The importer adds a file's relationships in start-node order (ties in file order), so
/// that a node's relationships get neighbouring ids and property rows.
#[test]
fn csv_import_numbers_relationships_by_start_node() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("nodes.csv"), "id:ID,:LABEL\n1,P\n2,P\n3,P\n").unwrap_or_else(|e| panic!("{e}"));
    let rels = ":START_ID,:END_ID,:TYPE,order:int\n3,1,R,0\n1,2,R,1\n2,3,R,2\n1,3,R,3\n3,2,R,4\n";
    std::fs::write(dir.path().join("rels.csv"), rels).unwrap_or_else(|e| panic!("{e}"));
    let mut graph = Graph::new();
    let source = |name: &str| CsvSource { path: dir.path().join(name), prefix: Vec::new() };
    import_csv(&mut graph, &[source("nodes.csv")], &[source("rels.csv")], &CsvOptions::default(), &mut NoProgress)
        .unwrap_or_else(|e| panic!("{}", e.describe("")));
    let mut db = Database::from_graph(graph);
    let rows = db
        .execute("MATCH (a)-[r:R]->() RETURN a.id AS start, r.order AS row ORDER BY id(r)", &Params::new())
        .unwrap_or_else(|e| panic!("{}", e.message));
    let seen: Vec<String> = rows.rows.iter().map(|r| format!("{}:{}", r[0], r[1])).collect();
    assert_eq!(seen, ["'1':1", "'1':3", "'2':2", "'3':0", "'3':4"]);
}

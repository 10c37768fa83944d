//! `steppe import --schema FILE`: types declared before the CSV rows, rows checked
//! against them, keys enforced; errors in the schema file name its line and column; a
//! failure leaves the graph file as it was, types included.

use super::common::{steppe_in, text};
use std::path::Path;

use steppe::export::{export_csv, GraphView};
use steppe::import::{import_csv_with_schema, CsvOptions, CsvSource, NoProgress, SchemaScript};
use steppe::store::Graph;
use steppe::{Database, ErrorCode, Params};

use crate::roundtrip::canonical;

fn write(dir: &Path, name: &str, contents: &str) {
    std::fs::write(dir.join(name), contents).unwrap_or_else(|e| panic!("{name}: {e}"));
}

const SCHEMA: &str = "// people and who they know\n\
    CREATE NODE TYPE Person (id INTEGER KEY, name STRING, weight FLOAT);\n\
    CREATE RELATIONSHIP TYPE KNOWS (Person -> Person, since INTEGER);\n";

/// A small typed graph in files: two people who know each other.
fn typed_files(dir: &Path) {
    write(dir, "schema.cypher", SCHEMA);
    write(dir, "people.csv", "id:ID,name:string,weight:int\n1,Alice,2\n2,Bob,3\n");
    write(dir, "knows.csv", ":START_ID,:END_ID,since:int\n1,2,2001\n");
}

const IMPORT: [&str; 11] = [
    "import",
    "--db",
    "g.db",
    "--id-type",
    "integer",
    "--schema",
    "schema.cypher",
    "--nodes",
    "Person=people.csv",
    "--relationships",
    "KNOWS=knows.csv",
];

#[test]
fn a_csto_csv_export_comes_back_typed_through_its_schema_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let csto = Database::default_graph().unwrap_or_else(|e| panic!("{e}"));
    let written = export_csv(&GraphView::whole(csto.graph()), &dir.path().join("csv"))
        .unwrap_or_else(|e| panic!("{}", e.message));

    let mut args: Vec<String> = ["import", "--db", "back.db", "--schema", "csv/schema.cypher"].map(String::from).into();
    args.push(format!("--array-delimiter={}", written.array_delimiter));
    args.push("--nodes".into());
    args.extend(written.nodes.iter().map(|f| format!("csv/{f}")));
    args.push("--relationships".into());
    args.extend(written.relationships.iter().map(|f| format!("csv/{f}")));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = steppe_in(&args, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let types = csto.graph().schema().node_types().count() + csto.graph().schema().rel_types().count();
    assert!(text(&out.stdout).contains(&format!(", {types} types)")), "{}", text(&out.stdout));

    let mut back = Database::open(&dir.path().join("back.db")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(canonical(back.graph()), canonical(csto.graph()));
    // The key came with its type: a second Kazakhstan is refused.
    let duplicate = back.execute("CREATE (:Country {name: 'Kazakhstan', aliases: []})", &Params::new());
    assert_eq!(duplicate.map_err(|e| e.code).err(), Some(ErrorCode::DuplicateKey));
}

#[test]
fn rows_are_checked_against_the_schema_as_they_load() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    typed_files(path);
    let out = steppe_in(&IMPORT, path);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("imported 2 nodes and 1 relationships (7 properties, 2 types)"));
    // The INTEGER column of the file became the FLOAT the schema declares.
    let out =
        steppe_in(&["--db", "g.db", "query", "--format", "csv", "MATCH (p:Person {id: 2}) RETURN p.weight"], path);
    assert_eq!(text(&out.stdout), "p.weight\n3.0\n");

    // A second load with the same schema file declares nothing new and adds the rows;
    // a duplicate key among them fails the whole load.
    write(path, "people.csv", "id:ID,name:string,weight:int\n3,Carol,1\n1,Alice again,1\n");
    write(path, "knows.csv", ":START_ID,:END_ID,since:int\n");
    let saved = std::fs::read(path.join("g.db")).unwrap_or_default();
    let out = steppe_in(&IMPORT, path);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("people.csv:3:") && err.contains("(DuplicateKey)"), "{err}");
    assert_eq!(std::fs::read(path.join("g.db")).unwrap_or_default(), saved);

    write(path, "people.csv", "id:ID,name:string,weight:int\n3,Carol,1\n");
    let out = steppe_in(&IMPORT, path);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("imported 1 nodes and 0 relationships (3 properties)"));
}

#[test]
fn a_label_the_schema_does_not_declare_fails_the_load() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    typed_files(path);
    write(path, "places.csv", "id:ID,name:string\n9,Almaty\n");
    let mut args = IMPORT.to_vec();
    args.extend(["--nodes", "Place=places.csv"]);
    let out = steppe_in(&args, path);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("(UnknownLabel)"), "{}", text(&out.stderr));
    assert!(!path.join("g.db").exists());
}

#[test]
fn errors_in_the_schema_file_name_its_line_and_column_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    typed_files(path);
    let cases = [
        (
            "CREATE NODE TYPE Person (id INTEGER KEY);\nCREATE NODE TYPE Thing (x STRANGE);\n",
            "schema.cypher:2:",
            "SchemaError (InvalidSchemaDefinition)",
        ),
        (
            "CREATE NODE TYPE Person (id INTEGER KEY);\n\n  CREATE RELATIONSHIP TYPE KNOWS (Persn -> Person);\n",
            "schema.cypher:3:",
            "(UnknownLabel)",
        ),
        (
            "CREATE NODE TYPE Person (id INTEGER KEY);\n  CREATE (:Person {id: 1});\n",
            "schema.cypher:2:3: SchemaError (InvalidSchemaDefinition): a schema file holds only",
            "",
        ),
        ("CREATE NODE TYPE Person (id INTEGER KEY,;\n", "schema.cypher:1:", "SyntaxError"),
        (
            "CREATE NODE TYPE Person (id INTEGER KEY);\nCREATE NODE TYPE Person (id STRING KEY);\n",
            "schema.cypher:2:18: SchemaError (TypeAlreadyDefined)",
            "",
        ),
    ];
    for (schema, place, what) in cases {
        write(path, "schema.cypher", schema);
        let out = steppe_in(&IMPORT, path);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{schema}: {err}");
        assert!(err.contains(place) && err.contains(what), "{schema}: {err}");
        assert!(!path.join("g.db").exists(), "{schema}");
    }

    // Into an existing graph file: the file is left byte for byte, and no type sticks.
    let out = steppe_in(&["import", "--db", "g.db", "--nodes", "people.csv"], path);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = std::fs::read(path.join("g.db")).unwrap_or_default();
    write(path, "schema.cypher", SCHEMA);
    let out = steppe_in(&IMPORT, path);
    assert_eq!(out.status.code(), Some(1), "an open graph holding rows cannot be given types");
    assert!(text(&out.stderr).contains("(InvalidSchemaDefinition)"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(path.join("g.db")).unwrap_or_default(), saved);

    // A schema file that cannot be read is a bad command line (exit 2).
    let mut args = IMPORT.to_vec();
    args[6] = "missing.cypher";
    let out = steppe_in(&args, path);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("missing.cypher"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(path.join("g.db")).unwrap_or_default(), saved);
}

#[test]
fn a_failed_load_takes_its_types_back_with_its_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    typed_files(path);
    write(path, "knows.csv", ":START_ID,:END_ID,since:int\n1,2,2001\n2,1,not a number\n");
    let source = |prefix: &str, file: &str| CsvSource { path: path.join(file), prefix: vec![prefix.to_string()] };
    let schema = SchemaScript { text: SCHEMA, file: "schema.cypher" };
    let options = CsvOptions { id_type: steppe::import::IdType::Integer, ..CsvOptions::default() };
    let mut graph = Graph::new();
    let failed = import_csv_with_schema(
        &mut graph,
        Some(&schema),
        &[source("Person", "people.csv")],
        &[source("KNOWS", "knows.csv")],
        &options,
        &mut NoProgress,
    );
    assert!(failed.is_err());
    assert!(!graph.schema().is_typed());
    assert_eq!((graph.node_count(), graph.rel_count(), graph.catalog().lens()), (0, 0, [0, 0, 0]));
}

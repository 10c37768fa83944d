//! A catalogue of bad CSV input: each case gives the error's code, kind, file, line and
//! field, and leaves the graph exactly as it was.

use std::path::Path;

use steppe::import::{import_csv, CsvOptions, CsvSource, IdType, NoProgress};
use steppe::store::Graph;
use steppe::{Database, ErrorCode, ErrorKind, Params};

use crate::roundtrip::canonical;

struct Case {
    name: &'static str,
    nodes: &'static str,
    rels: &'static str,
    code: ErrorCode,
    /// The file (`nodes.csv` or `rels.csv`), the line and the field at fault.
    at: (&'static str, u32, u32),
    /// Words the message must hold.
    says: &'static str,
}

const PEOPLE: &str = "id:ID,name,born:int,:LABEL\n1,Alice,1990,Person\n2,Bob,,Person\n";

fn cases() -> Vec<Case> {
    use ErrorCode::*;
    vec![
        Case {
            name: "missing id",
            nodes: ":ID,name\n1,A\n,B\n",
            rels: "",
            code: MissingId,
            at: ("nodes.csv", 3, 1),
            says: "no id",
        },
        Case {
            name: "duplicate id",
            nodes: ":ID,name\n1,A\n2,B\n1,C\n",
            rels: "",
            code: DuplicateId,
            at: ("nodes.csv", 4, 1),
            says: "duplicate id `1`",
        },
        Case {
            name: "unknown end node",
            nodes: PEOPLE,
            rels: ":START_ID,:END_ID,:TYPE\n1,2,KNOWS\n2,9,KNOWS\n",
            code: UnknownEndpoint,
            at: ("rels.csv", 3, 2),
            says: "end node `9`",
        },
        Case {
            name: "endpoint in another id space",
            nodes: ":ID(Person),name\n1,A\n",
            rels: ":START_ID,:END_ID(Person),:TYPE\n1,1,SELF\n",
            code: UnknownEndpoint,
            at: ("rels.csv", 2, 1),
            says: "start node `1`",
        },
        Case {
            name: "bad integer",
            nodes: ":ID,year:int\n1,19x0\n",
            rels: "",
            code: InvalidCsvValue,
            at: ("nodes.csv", 2, 2),
            says: "`19x0` is not an integer",
        },
        Case {
            name: "bad float in an array",
            nodes: ":ID,w:float[]\n1,1.5;x\n",
            rels: "",
            code: InvalidCsvValue,
            at: ("nodes.csv", 2, 2),
            says: "`x` is not a number",
        },
        Case {
            name: "impossible date",
            nodes: ":ID,d:date\n1,2022-02-30\n",
            rels: "",
            code: InvalidCsvValue,
            at: ("nodes.csv", 2, 2),
            says: "not a date",
        },
        Case {
            name: "bad boolean",
            nodes: ":ID,ok:boolean\n1,yes\n",
            rels: "",
            code: InvalidCsvValue,
            at: ("nodes.csv", 2, 2),
            says: "not a boolean",
        },
        Case {
            name: "bad relationship property",
            nodes: PEOPLE,
            rels: ":START_ID,:END_ID,:TYPE,w:float\n1,2,KNOWS,heavy\n",
            code: InvalidCsvValue,
            at: ("rels.csv", 2, 4),
            says: "`heavy` is not a number",
        },
        Case {
            name: "too many fields",
            nodes: ":ID,name\n1,A,extra\n",
            rels: "",
            code: WrongFieldCount,
            at: ("nodes.csv", 2, 3),
            says: "expected 2 fields",
        },
        Case {
            name: "too few fields",
            nodes: ":ID,name,age:int\n1,A\n",
            rels: "",
            code: WrongFieldCount,
            at: ("nodes.csv", 2, 3),
            says: "found 2",
        },
        Case {
            name: "unclosed quote",
            nodes: ":ID,name\n1,A\n2,\"open\n",
            rels: "",
            code: InvalidCsvValue,
            at: ("nodes.csv", 3, 2),
            says: "never closed",
        },
        Case {
            name: "text after a closing quote",
            nodes: ":ID,name\n1,\"A\"B\n",
            rels: "",
            code: InvalidCsvValue,
            at: ("nodes.csv", 2, 2),
            says: "after the closing quote",
        },
        Case {
            name: "unknown column type",
            nodes: ":ID,year:itn\n",
            rels: "",
            code: InvalidCsvHeader,
            at: ("nodes.csv", 1, 2),
            says: "unknown column type `itn`",
        },
        Case {
            name: "empty file",
            nodes: "",
            rels: "",
            code: InvalidCsvHeader,
            at: ("nodes.csv", 1, 1),
            says: "empty",
        },
        Case {
            name: "relationships without a type",
            nodes: PEOPLE,
            rels: ":START_ID,:END_ID\n1,2\n",
            code: InvalidCsvHeader,
            at: ("rels.csv", 1, 1),
            says: ":TYPE",
        },
        Case {
            name: "empty type field",
            nodes: PEOPLE,
            rels: ":START_ID,:END_ID,:TYPE\n1,2,\n",
            code: MissingId,
            at: ("rels.csv", 2, 3),
            says: "no type",
        },
        Case {
            name: "an :ID column in a relationships file",
            nodes: PEOPLE,
            rels: ":ID,:START_ID,:END_ID,:TYPE\n",
            code: InvalidCsvHeader,
            at: ("rels.csv", 1, 1),
            says: "nodes file",
        },
    ]
}

fn write(dir: &Path, name: &str, text: &str) -> CsvSource {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    CsvSource { path, prefix: Vec::new() }
}

fn import(graph: &mut Graph, dir: &Path, nodes: &str, rels: &str, options: &CsvOptions) -> steppe::Result<()> {
    let nodes = vec![write(dir, "nodes.csv", nodes)];
    let rels = if rels.is_empty() { Vec::new() } else { vec![write(dir, "rels.csv", rels)] };
    import_csv(graph, &nodes, &rels, options, &mut NoProgress).map(|_| ())
}

fn starting_graph() -> Graph {
    let mut db = Database::empty();
    db.execute("CREATE (:Person {name: 'Already here'})-[:KNOWS]->(:Person {name: 'Me too'})", &Params::new())
        .unwrap_or_else(|e| panic!("{e}"));
    db.graph().clone()
}

/// What must not change: the data, the id bounds and the catalog of names.
fn state(graph: &Graph) -> impl PartialEq + std::fmt::Debug {
    let catalog = graph.catalog();
    (
        canonical(graph),
        graph.node_id_bound(),
        graph.rel_id_bound(),
        (catalog.labels.len(), catalog.rel_types.len(), catalog.prop_keys.len()),
    )
}

#[test]
fn every_bad_row_names_its_place_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for case in cases() {
        let mut graph = starting_graph();
        let before = state(&graph);
        let err = match import(&mut graph, dir.path(), case.nodes, case.rels, &CsvOptions::default()) {
            Ok(()) => panic!("{}: imported", case.name),
            Err(err) => err,
        };
        assert_eq!(err.code, case.code, "{}: {}", case.name, err.message);
        assert_eq!(err.kind(), ErrorKind::IoError, "{}", case.name);
        let file = err.file.as_deref().and_then(|f| Path::new(f).file_name()).and_then(|f| f.to_str());
        assert_eq!(
            (file, err.location),
            (Some(case.at.0), Some((case.at.1, case.at.2))),
            "{}: {}",
            case.name,
            err.message
        );
        assert!(err.message.contains(case.says), "{}: {}", case.name, err.message);
        assert_eq!(state(&graph), before, "{}: the graph changed", case.name);
        // The graph still takes ids as if the import had never been tried.
        let mut db = Database::from_graph(graph);
        let created = db.execute("CREATE (n:Probe) RETURN id(n)", &Params::new()).map(|r| r.rows);
        assert_eq!(created, Ok(vec![vec![steppe::Value::Int(3)]]), "{}", case.name);
    }
}

#[test]
fn integer_ids_must_be_integers_and_are_stored_as_such() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let options = CsvOptions { id_type: IdType::Integer, ..CsvOptions::default() };
    let mut graph = Graph::new();
    let err = import(&mut graph, dir.path(), "id:ID,name\n1,A\nx2,B\n", "", &options).err();
    assert_eq!(err.map(|e| (e.code, e.location)), Some((ErrorCode::InvalidCsvValue, Some((3, 1)))));
    assert_eq!(graph.node_count(), 0);
    // `01` and `1` are the same integer id.
    let ok = import(&mut graph, dir.path(), "id:ID,name\n01,A\n", ":START_ID,:END_ID,:TYPE\n1,1,SELF\n", &options);
    assert!(ok.is_ok(), "{ok:?}");
    let mut db = Database::from_graph(graph);
    let rows = db.execute("MATCH (n)-[:SELF]->(n) RETURN n.id", &Params::new()).map(|r| r.rows);
    assert_eq!(rows, Ok(vec![vec![steppe::Value::Int(1)]]));
}

#[test]
fn a_typed_graph_refuses_rows_its_schema_does_not_allow() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut db = Database::empty();
    let schema =
        "CREATE NODE TYPE Person (name STRING KEY, born INT); CREATE RELATIONSHIP TYPE KNOWS (Person -> Person);";
    db.execute_script(schema, &Params::new()).unwrap_or_else(|e| panic!("{e}"));
    type TypedCase = (&'static str, &'static str, &'static str, ErrorCode, (u32, u32));
    let typed: Vec<TypedCase> = vec![
        ("unknown label", ":ID,name,:LABEL\n1,A,Person\n2,B,Persn\n", "", ErrorCode::UnknownLabel, (3, 3)),
        ("wrong type", ":ID,name,born,:LABEL\n1,A,1990,Person\n", "", ErrorCode::PropertyTypeMismatch, (2, 1)),
        ("undeclared property", ":ID,name,age:int,:LABEL\n1,A,3,Person\n", "", ErrorCode::UnknownPropertyKey, (2, 1)),
        ("duplicate key", ":ID,name,:LABEL\n1,A,Person\n2,A,Person\n", "", ErrorCode::DuplicateKey, (3, 1)),
        ("missing key", ":ID,name,:LABEL\n1,,Person\n", "", ErrorCode::MissingRequiredProperty, (2, 1)),
        (
            "unknown type",
            ":ID,name,:LABEL\n1,A,Person\n",
            ":START_ID,:END_ID,:TYPE\n1,1,LIKES\n",
            ErrorCode::UnknownRelationshipType,
            (2, 3),
        ),
    ];
    for (name, nodes, rels, code, at) in typed {
        let mut graph = db.graph().clone();
        let before = state(&graph);
        let err = import(&mut graph, dir.path(), nodes, rels, &CsvOptions::default()).err();
        assert_eq!(err.as_ref().map(|e| (e.code, e.location)), Some((code, Some(at))), "{name}: {err:?}");
        assert_eq!(err.map(|e| e.kind()), Some(ErrorKind::SchemaError), "{name}");
        assert_eq!(state(&graph), before, "{name}: the graph changed");
        assert_eq!(graph.schema(), db.graph().schema());
    }
}

#[test]
fn labels_and_types_from_the_command_line_and_quoted_empties() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let nodes = write(dir.path(), "people.csv", ":ID,name,nick,tags:string[]\n1,Alice,\"\",\"\"\n2,Bob,,\n");
    let rels = write(dir.path(), "knows.csv", ":START_ID,:END_ID\n1,2\n");
    let sources = |spec: String| CsvSource::parse(&spec);
    let nodes = vec![sources(format!("Person:Agent={}", nodes.path.display()))];
    let rels = vec![sources(format!("KNOWS={}", rels.path.display()))];
    let mut graph = Graph::new();
    let stats = import_csv(&mut graph, &nodes, &rels, &CsvOptions::default(), &mut NoProgress);
    assert_eq!(stats.map(|s| (s.nodes_created, s.relationships_created)), Ok((2, 1)));
    let mut db = Database::from_graph(graph);
    let rows = db
        .execute("MATCH (a:Person:Agent)-[:KNOWS]->(b) RETURN a.nick, a.tags, b.nick, b.tags", &Params::new())
        .map(|r| r.rows);
    let empty = steppe::Value::list(vec![]);
    assert_eq!(rows, Ok(vec![vec![steppe::Value::string(""), empty, steppe::Value::Null, steppe::Value::Null]]));
}

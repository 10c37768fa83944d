//! The import read in many small chunks, parsed on worker threads, gives the same graph,
//! the same ids and the same errors as read in one chunk on one thread (issue 16).

use std::fmt::Write as _;
use std::path::Path;

use steppe::import::{import_csv, CsvOptions, CsvSource, IdType, NoProgress};
use steppe::store::{Graph, NodeId, RelId};
use steppe::ErrorCode;

/// Chunks of this many bytes cut the files below into hundreds of pieces.
const SMALL: usize = 64;

fn write(dir: &Path, name: &str, text: &str) -> CsvSource {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    CsvSource { path, prefix: Vec::new() }
}

fn options(chunk_bytes: usize, id_type: IdType) -> CsvOptions {
    CsvOptions { chunk_bytes, id_type, ..CsvOptions::default() }
}

/// Everything by id: each node's labels and properties, each relationship's type, ends
/// and properties, and the names in the order they were interned.
fn listing(graph: &Graph) -> String {
    let catalog = graph.catalog();
    let mut out = String::new();
    let names = |i: &steppe::store::Interner| format!("{:?}", i.names());
    let _ = writeln!(out, "{} {} {}", names(&catalog.labels), names(&catalog.rel_types), names(&catalog.prop_keys));
    for id in 0..graph.node_id_bound() {
        let id = NodeId(id);
        if graph.contains_node(id) {
            let _ = writeln!(out, "node {id} {:?} {:?}", graph.node_labels(id), graph.node_properties(id));
        }
    }
    for id in 0..graph.rel_id_bound() {
        if let Some(rel) = graph.rel(RelId(id)) {
            let mut props = graph.rel_properties(rel.id);
            props.sort_by_key(|(k, _)| *k);
            let _ = writeln!(out, "rel {} {} {}->{} {props:?}", rel.id, rel.ty.0, rel.start, rel.end);
        }
    }
    out
}

/// People with names that hold commas, doubled quotes and line ends, so that many
/// quoted fields run across the places a small chunk would otherwise be cut.
fn people(n: usize) -> String {
    let mut text = String::from("id:ID,name,age:int,:LABEL\n");
    for i in 0..n {
        let name = match i % 4 {
            0 => format!("\"line one {i}\nline two, with a comma\""),
            1 => format!("\"say \"\"{i}\"\"\""),
            2 => format!("plain{i}"),
            _ => String::new(),
        };
        let age = if i % 5 == 0 { String::new() } else { (i % 90).to_string() };
        let _ = writeln!(text, "{i},{name},{age},Person");
    }
    text
}

/// Relationships between the people, starts out of order, several types (two new to the
/// catalog, first seen late), some properties missing.
fn knows(n_people: usize, n: usize) -> String {
    let mut text = String::from(":START_ID,:END_ID,:TYPE,since:int,weight:float,note\n");
    for i in 0..n {
        let start = (i * 7919) % n_people;
        let end = (i * 104_729 + 3) % n_people;
        let ty = match i % 7 {
            0 if i > n / 2 => "LIKES",
            3 if i > n / 3 => "\"HAS \"\"QUOTES\"\"\"",
            _ => "KNOWS",
        };
        let since = if i % 6 == 0 { String::new() } else { (1990 + i % 30).to_string() };
        let weight = if i % 9 == 0 { String::new() } else { format!("{}.25", i % 100) };
        let note = if i % 11 == 0 { format!("\"multi\nline {i}\"") } else { format!("n{i}") };
        let _ = writeln!(text, "{start},{end},{ty},{since},{weight},{note}");
    }
    text
}

fn load(dir: &Path, nodes: &str, rels: &str, options: &CsvOptions) -> (Graph, steppe::Result<()>) {
    let nodes = vec![write(dir, "people.csv", nodes)];
    let rels = vec![write(dir, "knows.csv", rels)];
    let mut graph = Graph::new();
    let res = import_csv(&mut graph, &nodes, &rels, options, &mut NoProgress).map(|_| ());
    (graph, res)
}

#[test]
fn many_chunks_give_the_same_graph_and_ids_as_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (nodes, rels) = (people(400), knows(400, 5000));
    assert!(rels.len() > 100 * SMALL, "the file must span many chunks");
    for id_type in [IdType::String, IdType::Integer] {
        let (whole, res) = load(dir.path(), &nodes, &rels, &options(usize::MAX / 2, id_type));
        assert_eq!(res, Ok(()));
        let (chunked, res) = load(dir.path(), &nodes, &rels, &options(SMALL, id_type));
        assert_eq!(res, Ok(()));
        assert_eq!((chunked.node_count(), chunked.rel_count()), (400, 5000));
        let (chunked, whole) = (listing(&chunked), listing(&whole));
        let differ = chunked.lines().zip(whole.lines()).find(|(a, b)| a != b);
        assert_eq!(differ, None, "{id_type:?}");
        assert_eq!(chunked, whole, "{id_type:?}");
    }
}

#[test]
fn relationships_get_ids_in_start_order_ties_in_file_order() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let nodes = "id:ID\n1\n2\n3\n";
    let rels = ":START_ID,:END_ID,:TYPE,n:int\n3,1,R,1\n1,2,R,2\n3,2,R,3\n1,3,R,4\n2,2,R,5\n";
    let (graph, res) = load(dir.path(), nodes, rels, &options(8, IdType::String));
    assert_eq!(res, Ok(()));
    let order: Vec<(u32, u32)> = (0..5)
        .filter_map(|id| graph.rel(RelId(id)))
        .map(|r| {
            let n = match graph.rel_properties(r.id).first() {
                Some((_, steppe::Value::Int(n))) => *n as u32,
                _ => 0,
            };
            (r.start.0, n)
        })
        .collect();
    assert_eq!(order, vec![(1, 2), (1, 4), (2, 5), (3, 1), (3, 3)]);
}

/// An import error's code, line and field, and message.
type Failure = (ErrorCode, Option<(u32, u32)>, String);

/// The error of `rels` read in one chunk and in many.
fn errors(dir: &Path, nodes: &str, rels: &str) -> [Option<Failure>; 2] {
    [usize::MAX / 2, SMALL].map(|chunk_bytes| {
        let (graph, res) = load(dir, nodes, rels, &options(chunk_bytes, IdType::String));
        assert_eq!((graph.node_count(), graph.rel_count()), (0, 0), "a failed import leaves nothing");
        res.err().map(|e| (e.code, e.location, e.message))
    })
}

#[test]
fn an_error_in_a_late_chunk_names_its_line_as_one_thread_would() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let nodes = people(400);
    let good = knows(400, 3000);
    let lines: Vec<&str> = good.lines().collect();
    // Line numbers count the line ends inside quoted notes (every 11th row has one).
    let line_of_row = |row: usize| 2 + row + (0..row).filter(|i| i % 11 == 0).count();
    let late_bad_float = replace_row(&lines, 2900, "5,6,KNOWS,1,heavy,n");
    let late_bad_float: Vec<&str> = late_bad_float.lines().collect();
    let cases: Vec<(String, ErrorCode, (u32, u32))> = vec![
        // A bad integer late in the file.
        (replace_row(&lines, 2700, "5,6,KNOWS,19x0,1.5,n"), ErrorCode::InvalidCsvValue, (line_of_row(2700) as u32, 4)),
        // An unknown end node, and a bad float after it: the first in the file wins.
        (
            replace_row(&late_bad_float, 2100, "5,999,KNOWS,1,1.5,n"),
            ErrorCode::UnknownEndpoint,
            (line_of_row(2100) as u32, 2),
        ),
        // Too few fields, and a quote never closed at the end.
        (
            replace_row(&lines, 2999, "5,6,KNOWS,1,\"open") + "\n",
            ErrorCode::InvalidCsvValue,
            (line_of_row(2999) as u32, 5),
        ),
        (replace_row(&lines, 1500, "5,6"), ErrorCode::WrongFieldCount, (line_of_row(1500) as u32, 3)),
        (replace_row(&lines, 2500, "5,6,,1,1.5,n"), ErrorCode::MissingId, (line_of_row(2500) as u32, 3)),
    ];
    for (rels, code, at) in cases {
        let [whole, chunked] = errors(dir.path(), &nodes, &rels);
        assert_eq!(whole.as_ref().map(|e| (e.0, e.1)), Some((code, Some(at))), "{whole:?}");
        assert_eq!(chunked, whole);
    }
}

#[test]
fn a_bad_node_in_a_late_chunk_after_multi_line_names() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut nodes = people(400);
    nodes.push_str("400,\"two\nlines\",x9,Person\n");
    // 400 records, a quarter of them two lines long, then the header.
    let line = 1 + 400 + 100 + 1;
    let line = line as u32;
    let [whole, chunked] = errors(dir.path(), &nodes, ":START_ID,:END_ID,:TYPE\n");
    assert_eq!(whole.as_ref().map(|e| (e.0, e.1)), Some((ErrorCode::InvalidCsvValue, Some((line, 3)))));
    assert_eq!(chunked, whole);
}

fn replace_row(lines: &[&str], row: usize, with: &str) -> String {
    // Rows are records; a record with a multi-line note spans two lines.
    let mut out = String::new();
    let mut record = 0;
    let mut i = 1;
    out.push_str(lines[0]);
    out.push('\n');
    while i < lines.len() {
        let spans = if lines[i].ends_with(",\"multi") { 2 } else { 1 };
        if record == row {
            out.push_str(with);
            out.push('\n');
        } else {
            for line in &lines[i..(i + spans).min(lines.len())] {
                out.push_str(line);
                out.push('\n');
            }
        }
        i += spans;
        record += 1;
    }
    out
}

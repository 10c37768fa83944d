//! `steppe export` and `steppe import` as a user runs them: files written or left
//! alone, exit codes, messages.

use std::process::{Command, Output};

use super::common::{steppe_in, text};

fn ok(output: &Output) {
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
}

#[test]
fn a_failed_import_leaves_the_graph_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    std::fs::write(path.join("people.csv"), "id:ID,name,:LABEL\n1,Alice,Person\n2,Bob,Person\n").unwrap_or_default();
    std::fs::write(path.join("knows.csv"), ":START_ID,:END_ID,:TYPE\n1,2,KNOWS\n").unwrap_or_default();
    std::fs::write(path.join("bad.csv"), ":START_ID,:END_ID,:TYPE\n1,2,KNOWS\n2,3,KNOWS\n").unwrap_or_default();

    // Into a file that does not exist: a failure creates nothing.
    let out = steppe_in(&["import", "--db", "g.db", "--nodes", "people.csv", "--relationships", "bad.csv"], path);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr).trim(), "steppe: import failed, nothing changed: bad.csv:3:2: IoError (UnknownEndpoint): end node `3` is not in any nodes file");
    assert!(!path.join("g.db").exists());

    let out = steppe_in(&["import", "--db", "g.db", "--nodes", "people.csv", "--relationships", "knows.csv"], path);
    ok(&out);
    assert!(text(&out.stdout).starts_with("imported 2 nodes and 1 relationships"), "{}", text(&out.stdout));
    // Not a terminal: no progress bar.
    assert_eq!(text(&out.stderr), "");
    let saved = std::fs::read(path.join("g.db")).unwrap_or_default();

    let out = steppe_in(&["import", "--db", "g.db", "--nodes", "people.csv", "--relationships", "bad.csv"], path);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(path.join("g.db")).unwrap_or_default(), saved);

    let out = steppe_in(&["import", "--db", "g.db", "--nodes", "missing.csv"], path);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(path.join("g.db")).unwrap_or_default(), saved);

    let out = steppe_in(
        &["--db", "g.db", "query", "--format", "csv", "MATCH (a)-[:KNOWS]->(b) RETURN a.name, b.name, a.id"],
        path,
    );
    assert_eq!(text(&out.stdout), "a.name,b.name,a.id\nAlice,Bob,1\n");
}

#[test]
fn an_import_adds_to_a_graph_file_that_already_holds_data() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    std::fs::write(path.join("people.csv"), "id:ID,name,:LABEL\n1,Alice,Person\n").unwrap_or_default();
    // Written by a statement, so the graph file has a checkpointed snapshot and a journal.
    ok(&steppe_in(&["--db", "g.db", "query", "CREATE (:Note {text: 'kept'})"], path));
    ok(&steppe_in(&["import", "--db", "g.db", "--nodes", "people.csv"], path));
    let out =
        steppe_in(&["--db", "g.db", "query", "--format", "csv", "MATCH (n) RETURN labels(n) AS l ORDER BY l"], path);
    assert_eq!(text(&out.stdout), "l\n['Note']\n['Person']\n");
}

#[test]
fn import_needs_a_graph_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = steppe_in(&["import", "--nodes", "x.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--db PATH"), "{}", text(&out.stderr));
}

#[test]
fn json_export_and_import_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    ok(&steppe_in(&["export", "--to", "json", "-o", "csto.json"], path));
    ok(&steppe_in(&["import", "--db", "copy.db", "--json", "csto.json"], path));
    let count = |args: &[&str]| text(&steppe_in(args, path).stdout);
    let query = "MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r";
    assert_eq!(
        count(&["--db", "copy.db", "query", "--format", "csv", query]),
        count(&["query", "--format", "csv", query])
    );
    // A broken JSON file: an error with its position, and the graph untouched.
    std::fs::write(
        path.join("broken.json"),
        "{\"format\": \"steppe-graph\", \"version\": 1,\n \"nodes\": [{\"id\": 1}]}",
    )
    .unwrap_or_default();
    let before = std::fs::read(path.join("copy.db")).unwrap_or_default();
    let out = steppe_in(&["import", "--db", "copy.db", "--json", "broken.json"], path);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("broken.json:2:"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(path.join("copy.db")).unwrap_or_default(), before);
}

#[test]
fn csv_export_needs_a_directory_and_svg_needs_graphviz() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = steppe_in(&["export", "--to", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("-o DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_steppe"))
        .args(["export", "--to", "svg", "-o", "x.svg"])
        .current_dir(dir.path())
        .env("PATH", "")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("GraphvizUnavailable"), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("install Graphviz"), "{}", text(&out.stderr));
    // No half-written file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).map(|d| d.count()).unwrap_or(0), 0);
}

/// See: issue 18. The README of a CSV export gave an `--array-delimiter` that `steppe
/// import` rejected; its command now runs as written, in the export's directory.
#[test]
fn the_csv_exports_readme_command_runs_as_written() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path();
    // Strings holding `;` and `|` make the export choose another array delimiter.
    let create = "CREATE (:Person:`semi;colon` {name: ' Ann ', tags: ['a;b', 'c|d']})-[:KNOWS {since: 2020}]->(:Person {name: 'Bo'})";
    ok(&steppe_in(&["--db", "g.db", "query", create], path));
    ok(&steppe_in(&["--db", "g.db", "export", "--to", "csv", "-o", "out"], path));
    let readme = std::fs::read_to_string(path.join("out/README.txt")).unwrap_or_default();
    let command = readme.lines().map(str::trim).find(|l| l.starts_with("steppe import")).unwrap_or_default();
    assert!(command.contains("--array-delimiter '^'"), "{readme}");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_steppe")).parent().map(|p| p.display().to_string());
    let search_path = format!("{}:{}", bin.unwrap_or_default(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("sh")
        .args(["-c", command])
        .current_dir(path.join("out"))
        .env("PATH", search_path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    ok(&out);
    let all = "MATCH (p:Person) OPTIONAL MATCH (p)-[k:KNOWS]->() \
               RETURN p.name AS name, labels(p) AS labels, p.tags AS tags, k.since AS since ORDER BY name";
    let original = steppe_in(&["--db", "g.db", "query", "--format", "json", all], path);
    let copy = steppe_in(&["--db", "out/graph.db", "query", "--format", "json", all], path);
    ok(&copy);
    assert_eq!(text(&copy.stdout), text(&original.stdout));
    assert!(text(&copy.stdout).contains("\" Ann \""), "{}", text(&copy.stdout));
}

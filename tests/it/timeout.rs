//! `--timeout` through the real binary: a statement that would run for hours stops with
//! `QueryTimedOut`, says its limit, and changes nothing. The tests assert the error,
//! never how long anything took.

use std::process::Output;

use super::common::steppe_with_stdin;

/// 10^10 rows: far more than any test could wait for.
const ENDLESS: &str = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n";

fn steppe(args: &[&str]) -> Output {
    steppe_with_stdin(args, None)
}

#[test]
fn an_endless_query_times_out_with_its_limit_in_the_message() {
    let out = steppe(&["query", "--empty", "--timeout", "50ms", ENDLESS]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[ArgumentError/QueryTimedOut] Error"), "{err}");
    assert!(err.contains("time limit of 50ms"), "{err}");
    assert!(err.contains("--> query:1:1"), "{err}");
}

#[test]
fn a_timed_out_write_changes_nothing_in_a_graph_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("g.steppe");
    let db = path.to_str().unwrap_or_default();
    let writes = "UNWIND range(1, 1000) AS i CREATE (:Note {i: i}) WITH i UNWIND range(1, 100000) AS j UNWIND range(1, 100000) AS k RETURN count(*)";
    let out = steppe(&["query", "--db", db, "--format", "json", "--timeout", "100ms", writes]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["error"]["kind"], "ArgumentError");
    assert_eq!(doc["error"]["code"], "QueryTimedOut");
    let count = steppe(&["query", "--db", db, "--format", "json", "MATCH (n:Note) RETURN count(n)"]);
    let doc: serde_json::Value = serde_json::from_slice(&count.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc["rows"], serde_json::json!([[0]]));
}

#[test]
fn a_script_stops_at_the_statement_that_timed_out() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let script = dir.path().join("slow.cypher");
    std::fs::write(&script, format!("RETURN 1 AS quick;\n\n{ENDLESS};\nRETURN 2 AS never;\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = steppe(&["run", "--empty", "--format", "json", "--timeout", "1s", script.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    let docs: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(docs[0]["rows"], serde_json::json!([[1]]));
    assert_eq!(docs[1]["error"]["code"], "QueryTimedOut");
    assert_eq!((docs[1]["error"]["line"].as_i64(), docs[1]["error"]["column"].as_i64()), (Some(3), Some(1)));
}

#[test]
fn a_timeout_that_is_not_a_duration_is_a_usage_error() {
    assert_eq!(steppe(&["query", "--empty", "--timeout", "soon", "RETURN 1"]).status.code(), Some(2));
    assert_eq!(steppe(&["query", "--empty", "--timeout", "0s", "RETURN 1"]).status.code(), Some(2));
    assert_eq!(steppe(&["query", "--empty", "--timeout", "5s", "RETURN 1"]).status.code(), Some(0));
}

#[test]
fn a_deep_plan_on_its_own_thread_times_out_too() {
    // Thirty WITH clauses make a plan deep enough to run on a helper thread.
    let deep = format!(
        "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b {} RETURN count(*)",
        "WITH a, b ".repeat(30)
    );
    let out = steppe(&["query", "--empty", "--timeout", "50ms", &deep]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("QueryTimedOut"));
}

#[test]
fn a_pattern_searched_inside_an_expression_times_out_too() {
    // The predicate enumerates every path between two nodes of the CSTO graph.
    let out = steppe(&["query", "--timeout", "100ms", "MATCH (a), (b) WHERE (a)-[*]-(b) RETURN count(*)"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("QueryTimedOut"));
}

#[test]
fn a_timeout_inside_an_expression_points_at_the_statement_not_the_expression() {
    use steppe::{Database, ExecOptions, Params};
    // 10^10 steps of a nested list comprehension and no operator loop: the limit runs out
    // at one of the checks the comprehension makes while it builds its lists, and the
    // error still names the whole statement.
    let text = "  RETURN size([x IN range(1, 100000) | size([y IN range(1, 100000) | y])]) AS n";
    let options = ExecOptions { timeout: Some(std::time::Duration::from_millis(50)), ..ExecOptions::default() };
    let err = Database::empty().execute_with(text, &Params::new(), &options).err();
    let err = err.unwrap_or_else(|| panic!("a 50ms limit must stop 10^10 steps"));
    assert_eq!(err.code, steppe::ErrorCode::QueryTimedOut);
    assert_eq!(err.span.map(|s| (s.start, s.end)), Some((2, text.len())));
}

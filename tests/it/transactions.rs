//! Explicit transactions through the binary: BEGIN/COMMIT/ROLLBACK in scripts, the
//! shell's `:begin`/`:commit`/`:rollback`, `run --single-transaction`, and what an open
//! transaction at exit leaves (nothing).

use std::path::Path;
use std::process::Output;

use super::common::{steppe_with_stdin, text};

fn steppe(args: &[&str], stdin: Option<&str>) -> Output {
    steppe_with_stdin(args, stdin.map(str::as_bytes))
}

fn count(db: &Path, label: &str) -> String {
    let db = db.to_string_lossy();
    let out = steppe(
        &["--db", &db, "--read-only", "query", "--format", "csv", &format!("MATCH (n:{label}) RETURN count(n)")],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout).lines().nth(1).unwrap_or_default().to_string()
}

fn run_script(db: &Path, script: &str, extra: &[&str]) -> Output {
    let db = db.to_string_lossy();
    let mut args = vec!["--db", &*db, "run", "--format", "json"];
    args.extend_from_slice(extra);
    args.push("-");
    steppe(&args, Some(script))
}

#[test]
fn committed_statements_are_kept_and_rolled_back_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let out = run_script(
        &db,
        "BEGIN;\nCREATE (:A);\nMATCH (a:A) RETURN count(a);\nCOMMIT;\nBEGIN TRANSACTION;\nCREATE (:A);\nROLLBACK;\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 7);
    // The statement sees the transaction's own write.
    assert_eq!(lines[2]["rows"], serde_json::json!([[1]]));
    assert_eq!(count(&db, "A"), "1");
}

#[test]
fn a_failure_inside_a_transaction_rolls_it_back_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let out = run_script(&db, "CREATE (:Kept);\nBEGIN;\nCREATE (:A);\nRETURN 1 / 0;\nCOMMIT;\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    let last = text(&out.stdout).lines().last().unwrap_or_default().to_string();
    let doc: serde_json::Value = serde_json::from_str(&last).unwrap();
    let message = doc["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("rolled back"), "{message}");
    assert_eq!((count(&db, "A"), count(&db, "Kept")), ("0".to_string(), "1".to_string()));
}

#[test]
fn misplaced_commit_and_nested_begin_are_transaction_errors() {
    let out = steppe(&["query", "--empty", "--format", "json", "COMMIT"], None);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(doc["error"]["kind"], "TransactionError");
    assert_eq!(doc["error"]["code"], "NoOpenTransaction");
    let out = steppe(&["run", "--empty", "--format", "json", "-"], Some("BEGIN;\nBEGIN;\n"));
    assert_eq!(out.status.code(), Some(1));
    let last = text(&out.stdout).lines().last().unwrap_or_default().to_string();
    assert!(last.contains("TransactionAlreadyOpen"), "{last}");
}

#[test]
fn a_script_ending_with_an_open_transaction_keeps_nothing_of_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let out = run_script(&db, "CREATE (:Kept);\nBEGIN;\nCREATE (:A);\n", &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("rolled back"), "{}", text(&out.stderr));
    assert_eq!((count(&db, "A"), count(&db, "Kept")), ("0".to_string(), "1".to_string()));
}

#[test]
fn single_transaction_runs_a_script_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let out = run_script(&db, "CREATE (:A);\nCREATE (:A);\nRETURN 1 / 0;\n", &["--single-transaction"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(count(&db, "A"), "0");
    let out = run_script(&db, "CREATE (:A);\nCREATE (:A);\n", &["--single-transaction"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(count(&db, "A"), "2");
    // One journal record for the whole script.
    let journal = std::fs::read(steppe::store::durable::journal_path(&db)).unwrap_or_default();
    if !journal.is_empty() {
        let scan = steppe::store::journal::scan(&journal).unwrap();
        assert!(scan.records.len() <= 2, "{} records", scan.records.len());
    }
}

#[test]
fn the_shell_takes_cypher_shell_transaction_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let db_arg = db.to_string_lossy().into_owned();
    let input = ":begin\nCREATE (:A);\n:rollback\n:begin\nCREATE (:B);\n:commit\n:commit\n";
    let out = steppe(&["--db", &db_arg], Some(input));
    // The second :commit has no transaction: the piped shell stops there with an error.
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("NoOpenTransaction"), "{}", text(&out.stderr));
    assert_eq!((count(&db, "A"), count(&db, "B")), ("0".to_string(), "1".to_string()));
}

#[test]
fn uncommitted_writes_are_invisible_to_a_reader_and_schema_statements_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let db_arg = db.to_string_lossy().into_owned();
    let out = run_script(&db, "CREATE NODE TYPE T (name STRING);\n", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run_script(&db, "BEGIN;\nCREATE NODE TYPE U (name STRING);\n", &[]);
    assert!(text(&out.stdout).contains("ForbiddenDueToTransactionType"), "{}", text(&out.stdout));
    // A writer holding an open transaction: the reader sees the committed graph only.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_steppe"))
        .args(["--db", &db_arg, "run", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, b"BEGIN;\nCREATE (:T {name: 'x'});\n").unwrap();
    std::io::Write::flush(&mut stdin).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(count(&db, "T"), "0");
    drop(stdin);
    let _ = child.wait();
    assert_eq!(count(&db, "T"), "0");
}

//! `CALL { … } IN TRANSACTIONS` on a database file: each batch is its own journaled
//! commit, so the batches committed before a failure, or before the process is killed,
//! are there when the file is opened again, and a batch is there whole or not at all.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use steppe::store::durable::DurableOptions;
use steppe::{Database, Params, Value};

fn create(path: &Path) -> Database {
    Database::open_with(path, &DurableOptions { create: true, ..Default::default() })
        .unwrap_or_else(|e| panic!("{}", e.message))
}

fn items(db: &mut Database) -> Vec<i64> {
    let rows = db.execute("MATCH (x:Item) RETURN x.n ORDER BY x.n", &Params::new()).unwrap().rows;
    rows.iter()
        .map(|r| match r[0] {
            Value::Int(n) => n,
            ref other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn batches_committed_before_a_failure_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batches.steppe");
    let mut db = create(&path);
    // Rows 1..=6 commit in two batches; the batch of 7, 8, 9 divides by zero at 7.
    let query =
        "UNWIND range(1, 10) AS i CALL (i) { CREATE (:Item {n: i, q: 10 / (7 - i)}) } IN TRANSACTIONS OF 3 ROWS";
    let err = db.execute(query, &Params::new()).unwrap_err();
    assert_eq!(err.code.as_str(), "InvalidArgumentValue", "{}", err.message);
    assert_eq!(items(&mut db), vec![1, 2, 3, 4, 5, 6]);
    drop(db);
    let mut db = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(items(&mut db), vec![1, 2, 3, 4, 5, 6], "the committed batches were journaled");
    // Under ON ERROR CONTINUE the batches after the failing one commit too.
    let query = "UNWIND range(11, 19) AS i CALL (i) { CREATE (:Item {n: i, q: 1 / (i % 5)}) } IN TRANSACTIONS OF 2 ROWS ON ERROR CONTINUE";
    db.execute(query, &Params::new()).unwrap();
    drop(db);
    let mut db = Database::open(&path).unwrap();
    // 15 and 16 share the batch that fails at 15.
    assert_eq!(items(&mut db), vec![1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 17, 18, 19]);
}

/// The committed items a read-only reader sees beside the writer.
fn committed_items(path: &Path) -> usize {
    let read_only = DurableOptions { read_only: true, ..DurableOptions::default() };
    match Database::open_with(path, &read_only) {
        Ok(mut reader) => items(&mut reader).len(),
        Err(_) => 0,
    }
}

#[test]
fn a_killed_statement_keeps_its_committed_batches_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("killed.steppe");
    drop(create(&path));
    // Two quick batches of ten, then a batch whose every row counts for a very long time.
    let query = "UNWIND range(1, 40) AS i CALL (i) { CREATE (:Item {n: i}) WITH i WHERE i > 20 \
                 UNWIND range(1, 2000000000) AS x WITH count(x) AS c RETURN c } IN TRANSACTIONS OF 10 ROWS RETURN count(*)";
    let db = path.to_string_lossy().into_owned();
    let mut child = Command::new(env!("CARGO_BIN_EXE_steppe"))
        .args(["--db", &db, "query", query])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run steppe: {e}"));
    let started = Instant::now();
    let mut seen = 0;
    while started.elapsed() < Duration::from_secs(60) && seen < 20 {
        std::thread::sleep(Duration::from_millis(50));
        seen = committed_items(&path);
    }
    // The third batch is still counting: kill the writer in the middle of it.
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(seen, 20, "a reader saw {seen} items while the statement ran");
    let mut db = Database::open(&path).unwrap_or_else(|e| panic!("reopen failed: {}", e.message));
    assert_eq!(items(&mut db), (1..=20).collect::<Vec<_>>(), "exactly the two committed batches survive");
    db.graph().validate().unwrap();
}

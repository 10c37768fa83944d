use crate::error::ErrorCode;
use crate::store::durable::DurableOptions;
use crate::{Database, Params, Value};

fn count(db: &mut Database) -> i64 {
    let result = db.execute("MATCH (n) RETURN count(n)", &Params::new()).unwrap();
    match result.rows[0][0] {
        Value::Int(n) => n,
        ref other => panic!("not a count: {other:?}"),
    }
}

fn run(db: &mut Database, text: &str) -> crate::Result<crate::QueryResult> {
    db.execute(text, &Params::new())
}

#[test]
fn a_transaction_sees_its_own_writes_and_rollback_undoes_them() {
    let mut db = Database::empty();
    run(&mut db, "CREATE (:A)").unwrap();
    run(&mut db, "BEGIN").unwrap();
    assert!(db.in_transaction());
    run(&mut db, "CREATE (:B {k: 'new key'})").unwrap();
    run(&mut db, "MATCH (a:A) SET a.x = 1").unwrap();
    assert_eq!(count(&mut db), 2);
    run(&mut db, "ROLLBACK").unwrap();
    assert!(!db.in_transaction());
    assert_eq!(count(&mut db), 1);
    let x = run(&mut db, "MATCH (a:A) RETURN a.x").unwrap();
    assert_eq!(x.rows, vec![vec![Value::Null]]);
    // The names the transaction interned are gone with it.
    assert!(db.graph().catalog().labels.names().iter().all(|n| &**n != "B"));
}

#[test]
fn commit_keeps_everything() {
    let mut db = Database::empty();
    run(&mut db, "BEGIN TRANSACTION").unwrap();
    run(&mut db, "CREATE (:A)").unwrap();
    run(&mut db, "CREATE (:A)").unwrap();
    run(&mut db, "commit;").unwrap();
    assert_eq!(count(&mut db), 2);
}

#[test]
fn a_failing_statement_rolls_the_transaction_back_and_says_so() {
    let mut db = Database::empty();
    run(&mut db, "BEGIN").unwrap();
    run(&mut db, "CREATE (:A)").unwrap();
    let err = run(&mut db, "RETURN 1 / 0").unwrap_err();
    assert!(err.message.contains("rolled back"), "{}", err.message);
    assert!(!db.in_transaction());
    assert_eq!(count(&mut db), 0);
    // A syntax error ends it too.
    run(&mut db, "BEGIN").unwrap();
    run(&mut db, "CREATE (:A)").unwrap();
    let err = run(&mut db, "MATCH (").unwrap_err();
    assert!(err.message.contains("rolled back"), "{}", err.message);
    assert_eq!(count(&mut db), 0);
}

#[test]
fn misplaced_transaction_statements_are_transaction_errors() {
    let mut db = Database::empty();
    let err = run(&mut db, "COMMIT").unwrap_err();
    assert_eq!((err.code, err.kind().as_str()), (ErrorCode::NoOpenTransaction, "TransactionError"));
    let err = run(&mut db, "ROLLBACK").unwrap_err();
    assert_eq!(err.code, ErrorCode::NoOpenTransaction);
    run(&mut db, "BEGIN").unwrap();
    run(&mut db, "CREATE (:A)").unwrap();
    let err = run(&mut db, "BEGIN").unwrap_err();
    assert_eq!(err.code, ErrorCode::TransactionAlreadyOpen);
    // A nested BEGIN leaves the open transaction as it was.
    assert!(db.in_transaction());
    assert_eq!(count(&mut db), 1);
    let err = run(&mut db, "CREATE NODE TYPE T (name STRING)").unwrap_err();
    assert_eq!(err.code, ErrorCode::ForbiddenDueToTransactionType);
    assert!(!db.in_transaction());
    assert_eq!(count(&mut db), 0);
    assert!(!db.graph().schema().is_typed());
}

#[test]
fn only_commit_reaches_the_files_and_as_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let options = DurableOptions { create: true, ..DurableOptions::default() };
    let mut db = Database::open_with(&path, &options).unwrap();
    run(&mut db, "BEGIN").unwrap();
    run(&mut db, "CREATE (:A {n: 1})").unwrap();
    run(&mut db, "CREATE (:A {n: 2})").unwrap();
    let reader = |path: &std::path::Path| {
        let options = DurableOptions { read_only: true, ..DurableOptions::default() };
        let mut reader = Database::open_with(path, &options).unwrap();
        count(&mut reader)
    };
    assert_eq!(reader(&path), 0, "uncommitted writes are visible to a reader");
    assert!(db.checkpoint().is_err(), "a checkpoint inside a transaction");
    run(&mut db, "COMMIT").unwrap();
    assert_eq!(reader(&path), 2);
    let journal = std::fs::read(crate::store::durable::journal_path(&path)).unwrap();
    let scan = crate::store::journal::scan(&journal).unwrap();
    assert_eq!(scan.records.len(), 1, "one record per committed transaction");
    // A transaction left open when the database is dropped leaves nothing behind.
    run(&mut db, "BEGIN").unwrap();
    run(&mut db, "CREATE (:A {n: 3})").unwrap();
    drop(db);
    let mut db = Database::open(&path).unwrap();
    assert_eq!(count(&mut db), 2);
}

#[test]
fn a_read_only_database_refuses_a_write_inside_a_transaction_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let options = DurableOptions { create: true, ..DurableOptions::default() };
    drop(Database::open_with(&path, &options).unwrap());
    let options = DurableOptions { read_only: true, ..DurableOptions::default() };
    let mut db = Database::open_with(&path, &options).unwrap();
    run(&mut db, "BEGIN").unwrap();
    let err = run(&mut db, "CREATE (:A)").unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnlyDatabase);
    assert!(!db.in_transaction());
}

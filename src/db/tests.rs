//! The durable database: journaling, replay, checkpoints, the lock, and failing disks.

use std::path::{Path, PathBuf};

use super::*;
use crate::error::ErrorKind;
use crate::store::durable::journal_path;
use crate::store::journal::tests::FullDisk;
use crate::value::Value;

fn run(db: &mut Database, text: &str) -> Result<QueryResult> {
    db.execute(text, &Params::new())
}

fn must(db: &mut Database, text: &str) -> QueryResult {
    run(db, text).unwrap_or_else(|e| panic!("{text}: {}", e.describe(text)))
}

/// Every node and relationship with its id, labels and properties, and the schema: what
/// must survive a reopen exactly.
fn contents(db: &mut Database) -> Vec<String> {
    let queries = [
        "MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)",
        "MATCH (a)-[r]->(b) RETURN id(r), type(r), id(a), id(b), properties(r) ORDER BY id(r)",
        "CALL db.schema()",
    ];
    queries.iter().map(|q| format!("{:?}", run(db, q).map(|r| r.rows))).collect()
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("graph.steppe");
    (dir, path)
}

fn create(path: &Path) -> Database {
    let options = DurableOptions { create: true, ..DurableOptions::default() };
    Database::open_with(path, &options).unwrap_or_else(|e| panic!("{}", e.message))
}

const SCHEMA_AND_DATA: &str = "
    CREATE NODE TYPE Country (name STRING KEY, since INT);
    CREATE RELATIONSHIP TYPE BORDERS (Country -> Country, km INT);
    CREATE (:Country {name: 'Kazakhstan'}), (:Country {name: 'Russia'});
    MATCH (a:Country {name: 'Kazakhstan'}), (b:Country {name: 'Russia'}) CREATE (a)-[:BORDERS {km: 7644}]->(b);
    MATCH (c:Country {name: 'Russia'}) SET c.since = 1991;
";

#[test]
fn statements_survive_a_reopen_through_the_journal_alone() {
    let (_dir, path) = temp();
    let mut db = create(&path);
    for statement in SCHEMA_AND_DATA.split(';').filter(|s| !s.trim().is_empty()) {
        must(&mut db, statement);
    }
    // A failing statement in between: it frees the ids it took, and writes nothing.
    assert!(run(&mut db, "CREATE (:Country {name: 'Armenia'}), (:Country {name: 'Russia'})").is_err());
    must(&mut db, "CREATE (:Country {name: 'Belarus'})");
    must(&mut db, "MATCH (a)-[r:BORDERS]->() DELETE r");
    // A name interned by a statement that changes nothing else must not shift later ids.
    must(&mut db, "MATCH (c:Country {name: 'Belarus'}) SET c.since = 1991, c.since = null");
    let expected = contents(&mut db);
    // Dropping without a checkpoint: as if the process had been killed.
    drop(db);
    let journal = std::fs::metadata(journal_path(&path)).map(|m| m.len()).unwrap_or(0);
    assert!(journal > 12, "the journal holds the statements");
    let mut reopened = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.describe("")));
    assert_eq!(contents(&mut reopened), expected);
    // The schema came back from the journal too.
    let dup = run(&mut reopened, "CREATE (:Country {name: 'Russia'})").err().map(|e| e.code);
    assert_eq!(dup, Some(ErrorCode::DuplicateKey));
    // New ids continue where the first process stopped.
    let id = must(&mut reopened, "CREATE (c:Country {name: 'Armenia'}) RETURN id(c)").rows;
    let mut fresh = Database::empty();
    let mut replay = String::from(SCHEMA_AND_DATA);
    replay.push_str("CREATE (:Country {name: 'Belarus'}); CREATE (c:Country {name: 'Armenia'}) RETURN id(c);");
    let fresh_id = fresh.execute_script(&replay, &Params::new()).ok().and_then(|r| r.last().map(|r| r.rows.clone()));
    assert_eq!(Some(id), fresh_id);
}

#[test]
fn a_checkpoint_empties_the_journal_and_keeps_everything() {
    let (_dir, path) = temp();
    let mut db = create(&path);
    must(&mut db, "CREATE (:A {n: 1})");
    assert!(db.checkpoint().is_ok());
    assert_eq!(std::fs::metadata(journal_path(&path)).map(|m| m.len()).ok(), Some(12));
    must(&mut db, "CREATE (:A {n: 2})");
    let expected = contents(&mut db);
    drop(db);
    let mut reopened = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(contents(&mut reopened), expected);
}

/// A crash between a checkpoint's two steps leaves records the snapshot already holds;
/// they are skipped by LSN, not applied twice.
#[test]
fn records_already_in_the_snapshot_are_skipped() {
    let (_dir, path) = temp();
    let mut db = create(&path);
    must(&mut db, "CREATE (:A {n: 1})");
    must(&mut db, "CREATE (:A {n: 2})");
    let journal = std::fs::read(journal_path(&path)).unwrap_or_default();
    assert!(db.checkpoint().is_ok());
    let expected = contents(&mut db);
    drop(db);
    // Put the old journal back, as if the reset had not happened.
    std::fs::write(journal_path(&path), &journal).unwrap_or_else(|e| panic!("{e}"));
    let mut reopened = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(contents(&mut reopened), expected);
    must(&mut reopened, "CREATE (:A {n: 3})");
    let expected = contents(&mut reopened);
    drop(reopened);
    let mut again = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(contents(&mut again), expected);
}

#[test]
fn a_full_disk_fails_the_statement_and_loses_nothing_committed() {
    let (_dir, path) = temp();
    let mut db = create(&path);
    must(&mut db, "CREATE NODE TYPE A (n INT)");
    must(&mut db, "CREATE (:A {n: 1})");
    assert!(db.checkpoint().is_ok());
    let committed = contents(&mut db);
    // The disk has room for the journal's header and little more.
    let disk = FullDisk { bytes: crate::store::journal::file_header(), room: 30, failing_truncate: false };
    assert!(db.replace_journal_file(Box::new(disk)).is_ok());
    let err = run(&mut db, "CREATE (:A {n: 2}), (:A {n: 3}), (:A {n: 4})").err();
    let err = err.unwrap_or_else(|| panic!("the write succeeded on a full disk"));
    assert_eq!((err.kind(), err.code), (ErrorKind::IoError, ErrorCode::FileWrite));
    assert!(err.message.contains("no space left"), "{}", err.message);
    // Rolled back in memory: the graph is as the last acknowledged statement left it.
    assert_eq!(contents(&mut db), committed);
    // DDL goes through the same commit.
    let ddl = run(&mut db, "CREATE NODE TYPE B (k STRING KEY)").err().map(|e| e.code);
    assert_eq!(ddl, Some(ErrorCode::FileWrite));
    assert_eq!(contents(&mut db), committed);
    // Reads still work.
    assert!(run(&mut db, "MATCH (n) RETURN count(n)").is_ok());
    drop(db);
    let mut reopened = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(contents(&mut reopened), committed);
}

#[test]
fn one_writer_and_any_number_of_readers() {
    let (_dir, path) = temp();
    let mut writer = create(&path);
    must(&mut writer, "CREATE NODE TYPE A (n INT)");
    must(&mut writer, "CREATE (:A {n: 1})");
    let second = Database::open(&path).err().map(|e| (e.code, e.message));
    let Some((code, message)) = second else { panic!("two writers opened the same database") };
    assert_eq!(code, ErrorCode::DatabaseLocked);
    assert!(message.contains(&std::process::id().to_string()), "names the holder's pid: {message}");
    let read_only = DurableOptions { read_only: true, ..DurableOptions::default() };
    let mut reader = Database::open_with(&path, &read_only).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(must(&mut reader, "MATCH (n:A) RETURN n.n").rows, vec![vec![Value::Int(1)]]);
    let refused = run(&mut reader, "CREATE (:A {n: 2})").err().map(|e| e.code);
    assert_eq!(refused, Some(ErrorCode::ReadOnlyDatabase));
    let refused = run(&mut reader, "CREATE NODE TYPE B (k STRING KEY)").err().map(|e| e.code);
    assert_eq!(refused, Some(ErrorCode::ReadOnlyDatabase));
    assert_eq!(must(&mut reader, "MATCH (n) RETURN count(n)").rows, vec![vec![Value::Int(1)]]);
    // The lock goes with its holder.
    drop(writer);
    assert!(Database::open(&path).is_ok());
}

#[test]
fn saving_over_another_database_replaces_it_whole() {
    let (_dir, path) = temp();
    let other = path.with_file_name("other.steppe");
    let mut old = create(&other);
    must(&mut old, "CREATE (:Old)");
    drop(old);
    let mut db = create(&path);
    must(&mut db, "CREATE (:New)");
    assert!(db.save(&other).is_ok());
    assert!(!journal_path(&other).exists(), "the replaced database's journal is gone");
    let mut copy = Database::open(&other).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(contents(&mut copy), contents(&mut db));
}

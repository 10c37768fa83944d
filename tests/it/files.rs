//! Issue 18: the database's files. A journal is only replayed onto the snapshot it
//! follows; a missing one is reported; a checkpoint keeps the file's mode; a writer
//! cleans up after a dead one; no symlink is ever written through.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use steppe::store::durable::{journal_path, DurableOptions};
use steppe::{Database, ErrorCode, Params};

fn create(path: &Path) -> Database {
    Database::open_with(path, &DurableOptions { create: true, ..DurableOptions::default() })
        .unwrap_or_else(|e| panic!("{}", e.message))
}

fn run(db: &mut Database, statement: &str) {
    db.execute(statement, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
}

fn count(path: &Path) -> usize {
    Database::open(path).map(|db| db.graph().node_count()).unwrap_or_else(|e| panic!("{}", e.message))
}

fn refused(path: &Path) -> steppe::Error {
    Database::open(path).err().unwrap_or_else(|| panic!("{} opened", path.display()))
}

/// A database with one node in its snapshot and one in its journal.
fn database_with_journal(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut db = create(&path);
    run(&mut db, "CREATE (:A {n: 1})");
    db.checkpoint().unwrap_or_else(|e| panic!("{}", e.message));
    run(&mut db, "CREATE (:A {n: 2})");
    path
}

#[test]
fn a_journal_of_another_database_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let a = database_with_journal(dir.path(), "a.db");
    let b = database_with_journal(dir.path(), "b.db");
    fs::copy(journal_path(&a), journal_path(&b)).unwrap();
    let err = refused(&b);
    assert_eq!(err.code, ErrorCode::CorruptJournal);
    assert!(err.message.contains("another database"), "{}", err.message);
    // Both ids are named, 32 hex digits each, and they differ.
    let ids: Vec<&str> = err.message.split(|c: char| !c.is_ascii_hexdigit()).filter(|w| w.len() == 32).collect();
    assert_eq!(ids.len(), 2, "{}", err.message);
    assert_ne!(ids[0], ids[1]);
    // Its own journal back, it opens with both nodes.
    assert_eq!(count(&a), 2);
}

#[test]
fn a_snapshot_replaced_by_an_older_copy_refuses_the_newer_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let mut db = create(&path);
    run(&mut db, "CREATE (:A {n: 1})");
    db.checkpoint().unwrap_or_else(|e| panic!("{}", e.message));
    let older = fs::read(&path).unwrap();
    run(&mut db, "CREATE (:A {n: 2})");
    db.checkpoint().unwrap_or_else(|e| panic!("{}", e.message));
    run(&mut db, "CREATE (:A {n: 3})");
    drop(db);
    fs::write(&path, older).unwrap();
    let err = refused(&path);
    assert_eq!(err.code, ErrorCode::CorruptJournal);
    assert!(err.message.contains("later snapshot") && err.message.contains("generation 2"), "{}", err.message);
}

#[test]
fn a_deleted_journal_is_reported_and_an_empty_one_accepts_the_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_with_journal(dir.path(), "g.db");
    fs::remove_file(journal_path(&path)).unwrap();
    let err = refused(&path);
    assert_eq!(err.code, ErrorCode::CorruptJournal);
    assert!(err.message.contains("missing"), "{}", err.message);
    assert!(err.hint.as_deref().is_some_and(|h| h.contains("touch")), "{:?}", err.hint);
    // A reader is told the same.
    let reader = Database::open_with(&path, &DurableOptions { read_only: true, ..DurableOptions::default() });
    assert_eq!(reader.err().map(|e| e.code), Some(ErrorCode::CorruptJournal));
    fs::write(journal_path(&path), b"").unwrap();
    assert_eq!(count(&path), 1, "the snapshot as it was, without the lost statement");
}

#[test]
fn a_checkpoint_keeps_the_files_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let mut db = create(&path);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    run(&mut db, "CREATE (:A)");
    db.checkpoint().unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(count_after_drop(db, &path), 1);
}

fn count_after_drop(db: Database, path: &Path) -> usize {
    drop(db);
    count(path)
}

#[test]
fn a_writer_removes_what_a_dead_writer_left_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_with_journal(dir.path(), "g.db");
    // No process has this pid (beyond any pid limit); the other files are not the snapshot's.
    let orphan = dir.path().join(".g.db.tmp-4294967294-00112233445566ff");
    let keep = [dir.path().join(".other.db.tmp-4294967294-00112233445566ff"), dir.path().join("g.db.tmp-notes")];
    for file in keep.iter().chain([&orphan]) {
        fs::write(file, b"leftover").unwrap();
    }
    let mut db = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(!orphan.exists());
    assert!(keep.iter().all(|f| f.exists()));
    assert!(db.take_warnings().iter().any(|w| w.contains("temporary file")));
}

#[test]
fn a_planted_symlink_lock_or_journal_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, b"precious").unwrap();
    for planted in ["g.db.lock", "g.db.journal"] {
        let path = database_with_journal(dir.path(), "g.db");
        let link = dir.path().join(planted);
        fs::remove_file(&link).ok();
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(Database::open(&path).is_err(), "{planted}");
        assert_eq!(fs::read(&victim).unwrap(), b"precious", "{planted}");
        for file in ["g.db", "g.db.lock", "g.db.journal"] {
            fs::remove_file(dir.path().join(file)).ok();
        }
    }
}

#[test]
fn a_version_5_database_gets_an_identity_when_a_writer_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/snapshots/csto-v5.snapshot");
    fs::copy(fixture, &path).unwrap();
    let before = count(&path);
    let mut db = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    run(&mut db, "MATCH (n) WITH n LIMIT 1 DETACH DELETE n");
    drop(db);
    let bytes = fs::read(&path).unwrap();
    assert_eq!(
        u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]),
        8,
        "the database is written in the current version for a graph without a type of 65,536 relationships"
    );
    assert_eq!(count(&path), before - 1);
}

#[test]
fn show_databases_reports_a_read_only_open_as_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = database_with_journal(dir.path(), "g.db");
    let access = |db: &mut Database| {
        let result =
            db.execute("SHOW DATABASES YIELD access", &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
        result.rows[0][0].as_str().map(str::to_string)
    };
    let mut writer = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(access(&mut writer).as_deref(), Some("read-write"));
    drop(writer);
    let mut reader = Database::open_with(&path, &DurableOptions { read_only: true, ..DurableOptions::default() })
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(access(&mut reader).as_deref(), Some("read-only"));
}

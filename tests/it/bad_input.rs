//! A catalogue of bad input, from outside: each case gets its exact error kind and code
//! (or exit code), a message a user understands, and leaves the database files exactly
//! as they were.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::common::steppe_with_stdin as steppe;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The bytes of a database's files, to tell that nothing changed.
fn files(db: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let journal = steppe::store::durable::journal_path(db);
    [db.to_path_buf(), journal].into_iter().map(|p| (p.clone(), std::fs::read(&p).ok())).collect()
}

/// A durable copy of the CSTO graph in a fresh directory.
fn csto_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("csto.steppe");
    let out = steppe(&["--db", &db.to_string_lossy(), "--init-default", "query", "RETURN 1"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (dir, db)
}

/// Statements that fail, with the kind, code and words of their error.
const BAD_STATEMENTS: &[(&str, &str, &str, &str)] = &[
    ("MATCH (n RETURN n", "SyntaxError", "UnexpectedSyntax", "a label `:Label`, a map"),
    ("RETURN 'unterminated", "SyntaxError", "UnexpectedSyntax", "expected more input"),
    ("RETURN x", "SyntaxError", "UndefinedVariable", "variable `x` is not defined"),
    ("RETURN nosuch(1)", "SyntaxError", "UnknownFunction", "unknown function `nosuch`"),
    ("MATCH (c:Country) RETURN c.name LIMIT -1", "SyntaxError", "NegativeIntegerArgument", "non-negative"),
    ("MATCH (c:Contry) RETURN c", "SchemaError", "UnknownLabel", "did you mean `Country`?"),
    ("MATCH ()-[r:LEADZ]->() RETURN r", "SchemaError", "UnknownRelationshipType", "did you mean `LEADS`?"),
    ("MATCH (c:Country) RETURN c.nmae", "SchemaError", "UnknownPropertyKey", "did you mean `name`?"),
    ("CREATE (:Country {name: 7, aliases: []})", "SchemaError", "PropertyTypeMismatch", "declared STRING"),
    ("CREATE (:Country {name: 'Atlantis'})", "SchemaError", "MissingRequiredProperty", "`aliases`"),
    ("CREATE (:Country {name: 'Russia', aliases: []})", "SchemaError", "DuplicateKey", "already exists"),
    // The first node is created before the second fails: the statement leaves neither.
    (
        "CREATE (:Country {name: 'Y', aliases: []}), (:Country {name: 'Y', aliases: []})",
        "SchemaError",
        "DuplicateKey",
        "already exists",
    ),
    ("CREATE NODE TYPE Country (name STRING KEY)", "SchemaError", "TypeAlreadyDefined", "already defined"),
    ("MATCH (c:Country {name: 'Russia'}) DELETE c", "ConstraintVerificationFailed", "DeleteConnectedNode", "DETACH"),
    (
        "MATCH (c:Country {name: 'Russia'}) SET c.aliases = [toString(1 / 0)]",
        "ArgumentError",
        "InvalidArgumentValue",
        "division by zero",
    ),
    ("RETURN 9223372036854775807 + 1", "ArgumentError", "IntegerOverflow", "does not fit"),
    ("RETURN $missing", "SemanticError", "ParameterMissing", "--param missing="),
    ("MATCH (a:Country)-[*]-(b) RETURN count(*)", "ArgumentError", "LimitExceeded", "max-path-length"),
    ("MATCH (n) RETURN n", "ArgumentError", "LimitExceeded", "max-rows"),
];

#[test]
fn bad_statements_name_their_error_and_change_nothing() {
    let (_dir, db) = csto_db();
    let path = db.to_string_lossy().into_owned();
    let before = files(&db);
    for (statement, kind, code, words) in BAD_STATEMENTS {
        let args =
            ["--db", &path, "--max-rows", "100", "--max-path-length", "3", "query", "--format", "json", statement];
        let out = steppe(&args, None);
        assert_eq!(out.status.code(), Some(1), "{statement}: {}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{statement}: {e}"));
        let error = &doc["error"];
        assert_eq!((error["kind"].as_str(), error["code"].as_str()), (Some(*kind), Some(*code)), "{statement}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(words), "{statement}: {message}");
        assert_eq!(files(&db), before, "{statement} changed the database files");
    }
}

/// Arguments, standard input, words the error must contain.
type Case<'a> = (&'a [&'a str], Option<&'a [u8]>, &'a str);

#[test]
fn bad_command_lines_and_unreadable_scripts_exit_2() {
    let (dir, db) = csto_db();
    let path = db.to_string_lossy().into_owned();
    let before = files(&db);
    let not_utf8 = dir.path().join("latin1.cypher");
    std::fs::write(&not_utf8, b"RETURN 1;\nRETURN 'Almaty \xe9t\xe9';\n").unwrap_or_else(|e| panic!("{e}"));
    let not_utf8 = not_utf8.to_string_lossy().into_owned();
    let missing = dir.path().join("missing.cypher").to_string_lossy().into_owned();
    let a_directory = dir.path().to_string_lossy().into_owned();
    let cases: &[Case] = &[
        (&["--db", &path, "run", &not_utf8], None, "not UTF-8 text (invalid byte at offset 25, line 2)"),
        (&["--db", &path, "run", "-"], Some(b"RETURN '\xff';"), "standard input: not UTF-8 text"),
        (&["--db", &path, "run", &missing], None, "No such file"),
        (&["--db", &path, "run", &a_directory], None, "cannot read"),
        (&["--db", &path, "query", "--param", "x", "RETURN $x"], None, "expected K=V"),
        (&["--db", &path, "query", "--param", "x=[1,", "RETURN $x"], None, "--param x"),
        (&["--db", &path, "--max-rows", "many", "query", "RETURN 1"], None, "invalid value"),
    ];
    for (args, stdin, words) in cases {
        let out = steppe(args, *stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty() || !stderr(&out).is_empty(), "{args:?}");
        assert_eq!(files(&db), before, "{args:?} changed the database files");
    }
}

/// Damaged database files: exit 2, a message naming the file and what is wrong, and the
/// files left as they were (nothing is "repaired" away).
#[test]
fn damaged_database_files_are_refused_and_kept() {
    let (dir, db) = csto_db();
    let path = db.to_string_lossy().into_owned();
    let good = std::fs::read(&db).unwrap_or_default();
    let foreign = dir.path().join("photo.steppe");
    std::fs::write(&foreign, b"\x89PNG\r\n\x1a\n not a graph").unwrap_or_else(|e| panic!("{e}"));
    let truncated = dir.path().join("truncated.steppe");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    let newer = dir.path().join("newer.steppe");
    let mut bytes = good.clone();
    bytes[8..12].copy_from_slice(&99u32.to_le_bytes());
    std::fs::write(&newer, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let cases = [
        (foreign, "not a steppe snapshot"),
        (truncated, "snapshot truncated"),
        (newer, "version 99 is not supported"),
        (dir.path().join("missing.steppe"), "No such file"),
    ];
    for (file, words) in cases {
        let before = files(&file);
        let read_only = ["--db", &file.to_string_lossy(), "--read-only", "query", "RETURN 1"].map(String::from);
        let out = steppe(&read_only.iter().map(String::as_str).collect::<Vec<_>>(), None);
        assert_eq!(out.status.code(), Some(2), "{}: {}", file.display(), stderr(&out));
        assert!(stderr(&out).contains(words), "{}", stderr(&out));
        assert!(stderr(&out).contains(&*file.to_string_lossy()), "names the file: {}", stderr(&out));
        assert_eq!(files(&file), before);
    }
    // The original is untouched by all of this.
    assert_eq!(std::fs::read(&db).ok(), Some(good));
    assert_eq!(steppe(&["--db", &path, "query", "RETURN 1"], None).status.code(), Some(0));
}

/// Three statements journaled, then the journal damaged: in its last record (a torn
/// tail: dropped with a warning, the two before kept) or in its first (an error that
/// says the byte, and nothing dropped).
#[test]
fn damaged_journals_are_told_apart_from_torn_tails() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("j.steppe");
    let options = steppe::store::durable::DurableOptions { create: true, ..Default::default() };
    let mut writer = steppe::Database::open_with(&db, &options).unwrap_or_else(|e| panic!("{}", e.message));
    for i in 1..=3 {
        let created = writer.execute(&format!("CREATE (:Item {{i: {i}}})"), &steppe::Params::new());
        assert!(created.is_ok());
    }
    drop(writer); // No checkpoint: the statements live in the journal only.
    let journal = steppe::store::durable::journal_path(&db);
    let whole = std::fs::read(&journal).unwrap_or_default();
    let path = db.to_string_lossy().into_owned();
    let count = ["--db", &path, "--read-only", "query", "--format", "csv", "MATCH (n:Item) RETURN count(n) AS n"];

    // Damage in the first record, with two good records after it.
    let mut damaged = whole.clone();
    damaged[12 + 16] ^= 0x20;
    std::fs::write(&journal, &damaged).unwrap_or_else(|e| panic!("{e}"));
    let out = steppe(&count, None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("damaged record at byte 12"), "{}", stderr(&out));
    assert!(stderr(&out).contains("j.steppe.journal"), "{}", stderr(&out));
    // A writer refuses it too, and leaves the evidence alone.
    let out = steppe(&["--db", &path, "query", "RETURN 1"], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&journal).ok(), Some(damaged));

    // The last record cut short, as a crash mid-append leaves it.
    std::fs::write(&journal, &whole[..whole.len() - 3]).unwrap_or_else(|e| panic!("{e}"));
    let out = steppe(&count, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().nth(1), Some("2"));
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_second_writer_is_told_who_holds_the_lock() {
    let (_dir, db) = csto_db();
    let path = db.to_string_lossy().into_owned();
    let holder = steppe::Database::open(&db).unwrap_or_else(|e| panic!("{}", e.message));
    let out = steppe(&["--db", &path, "query", "RETURN 1"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("process {}", std::process::id())), "{}", stderr(&out));
    assert!(stderr(&out).contains("--read-only"), "{}", stderr(&out));
    // A reader works beside it, and cannot write.
    let out = steppe(
        &[
            "--db",
            &path,
            "--read-only",
            "query",
            "--format",
            "json",
            "CREATE (:Country {name: 'Atlantis', aliases: []})",
        ],
        None,
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["error"]["code"].as_str(), Some("ReadOnlyDatabase"), "{}", stderr(&out));
    assert_eq!(doc["error"]["kind"].as_str(), Some("IoError"));
    drop(holder);
}

/// A directory the user cannot write: the database cannot be opened for writing (a
/// clear error), and `--read-only` reads it. Root can write anywhere, so as root only
/// the reading half is checked.
#[test]
fn a_read_only_directory() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = csto_db();
    let path = db.to_string_lossy().into_owned();
    std::fs::remove_file(steppe::store::durable::journal_path(&db)).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(format!("{path}.lock")).unwrap_or_else(|e| panic!("{e}"));
    let before = files(&db);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap_or_else(|e| panic!("{e}"));
    let writable = std::fs::write(dir.path().join("probe"), b"").is_ok();
    let reader =
        steppe(&["--db", &path, "--read-only", "query", "--format", "csv", "MATCH (c:Country) RETURN count(c)"], None);
    let writer = steppe(&["--db", &path, "query", "RETURN 1"], None);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reader.status.code(), Some(0), "{}", stderr(&reader));
    assert_eq!(String::from_utf8_lossy(&reader.stdout).lines().nth(1), Some("14"));
    if !writable {
        assert_eq!(writer.status.code(), Some(2));
        assert!(stderr(&writer).contains("Permission denied"), "{}", stderr(&writer));
        assert!(stderr(&writer).contains("--read-only"), "{}", stderr(&writer));
        assert_eq!(files(&db), before);
    }
}

//! Snapshots: a round trip gives the same graph; every kind of damaged file gives a
//! clear `IoError`, never a panic.

use proptest::prelude::*;
use steppe::store::snapshot::{self, MAGIC, VERSION};
use steppe::{Database, ErrorCode, ErrorKind, Params};

fn sample() -> Database {
    let mut db = Database::empty();
    let script = "
        CREATE NODE TYPE Country (name STRING KEY, aliases LIST<STRING> NOT NULL, area FLOAT, since DATE, extra MAP);
        CREATE NODE TYPE Organization (name STRING KEY);
        CREATE RELATIONSHIP TYPE MEMBER_OF (Country -> Organization, sources LIST<STRING> NOT NULL, weight FLOAT);
        CREATE (:Country {name: 'Russia', aliases: ['RF'], area: 17.1, since: date('1991-12-26'), extra: {a: [1, 2], b: null}});
        CREATE (:Country {name: 'Belarus', aliases: []});
        CREATE (:Organization {name: 'CSTO'});
        MATCH (c:Country), (o:Organization) CREATE (c)-[:MEMBER_OF {sources: ['001'], weight: 0.5}]->(o);
        MATCH (c:Country {name: 'Belarus'}) DETACH DELETE c;
        CREATE (:Country {name: 'Armenia', aliases: ['Hayastan']});
    ";
    db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.describe(script)));
    db
}

fn answers(db: &mut Database) -> Vec<String> {
    let queries = [
        "MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)",
        "MATCH (a)-[r]->(b) RETURN id(r), type(r), id(a), id(b), properties(r) ORDER BY id(r)",
        "CALL db.schema()",
    ];
    queries.iter().map(|q| format!("{:?}", db.execute(q, &Params::new()).map(|r| r.rows))).collect()
}

#[test]
fn round_trip_keeps_schema_data_and_ids() {
    let mut original = sample();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("graph.steppe");
    original.save(&path).unwrap_or_else(|e| panic!("{}", e.message));
    let mut loaded = Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(answers(&mut original), answers(&mut loaded));
    // Byte-identical when written again: nothing was lost or reordered.
    assert_eq!(snapshot::to_bytes(original.graph()).ok(), snapshot::to_bytes(loaded.graph()).ok());
    // Ids keep being fresh after a reload: the deleted Belarus node's id is not reused.
    let next = loaded.execute("CREATE (c:Country {name: 'Kazakhstan', aliases: []}) RETURN id(c)", &Params::new());
    let max_before = original.graph().node_id_bound() as i64;
    assert_eq!(next.map(|r| r.rows), Ok(vec![vec![steppe::Value::Int(max_before)]]));
    // The schema still holds after a reload.
    let dup = loaded.execute("CREATE (:Country {name: 'Russia', aliases: []})", &Params::new());
    assert_eq!(dup.err().map(|e| e.code), Some(ErrorCode::DuplicateKey));
}

fn load_err(bytes: &[u8]) -> steppe::Error {
    match snapshot::from_bytes(bytes) {
        Ok(_) => panic!("damaged snapshot loaded"),
        Err(e) => e,
    }
}

#[test]
fn damaged_files_give_clear_io_errors() {
    let good = snapshot::to_bytes(sample().graph()).unwrap_or_default();

    let truncated = load_err(&good[..good.len() - 10]);
    assert_eq!((truncated.kind(), truncated.code), (ErrorKind::IoError, ErrorCode::CorruptSnapshot));
    assert!(truncated.message.contains("truncated"), "{}", truncated.message);

    let short = load_err(&good[..10]);
    assert_eq!(short.code, ErrorCode::CorruptSnapshot);

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    let corrupted = load_err(&flipped);
    assert_eq!(corrupted.code, ErrorCode::CorruptSnapshot);
    assert!(corrupted.message.contains("checksum"), "{}", corrupted.message);

    let foreign = load_err(b"PK\x03\x04 this is a zip file, not a graph");
    assert_eq!((foreign.kind(), foreign.code), (ErrorKind::IoError, ErrorCode::NotASnapshot));

    let mut newer = good.clone();
    newer[8..12].copy_from_slice(&(VERSION + 1).to_le_bytes());
    let newer = load_err(&newer);
    assert_eq!(newer.code, ErrorCode::UnsupportedSnapshotVersion);
    assert!(newer.message.contains(&format!("{}", VERSION + 1)), "{}", newer.message);

    assert_eq!(load_err(b"").code, ErrorCode::NotASnapshot);
    assert_eq!(&good[..8], MAGIC);
}

#[test]
fn errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bad.steppe");
    std::fs::write(&path, b"STEPPEDB\x01\x00").unwrap_or_else(|e| panic!("{e}"));
    let err = Database::open(&path).err().unwrap_or_else(|| panic!("loaded"));
    assert_eq!(err.file.as_deref(), Some(path.display().to_string().as_str()));
    let missing = Database::open(&dir.path().join("nope")).err().unwrap_or_else(|| panic!("loaded"));
    assert_eq!((missing.kind(), missing.code), (ErrorKind::IoError, ErrorCode::FileNotFound));
}

#[test]
fn saving_replaces_the_file_atomically() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("g.steppe");
    sample().save(&path).unwrap_or_else(|e| panic!("{}", e.message));
    Database::empty().save(&path).unwrap_or_else(|e| panic!("{}", e.message));
    let names: Vec<_> = std::fs::read_dir(dir.path()).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 1, "a temporary file was left behind: {names:?}");
    assert_eq!(Database::open(&path).map(|db| db.graph().node_count()).ok(), Some(0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any graph built from random writes round-trips exactly.
    #[test]
    fn random_graphs_round_trip(values in proptest::collection::vec((0i64..5, -1000i64..1000, "[a-z]{0,6}"), 1..30)) {
        let mut db = Database::empty();
        for (i, (label, n, s)) in values.iter().enumerate() {
            let q = format!("CREATE (:L{label} {{n: {n}, s: '{s}', f: {n}.5, xs: [{n}, {i}]}})");
            prop_assert!(db.execute(&q, &Params::new()).is_ok());
            if i % 3 == 0 {
                let link = format!("MATCH (a:L{label}), (b) WHERE id(b) = {} CREATE (a)-[:R {{i: {i}}}]->(b)", i + 1);
                prop_assert!(db.execute(&link, &Params::new()).is_ok());
            }
            if i % 7 == 6 {
                prop_assert!(db.execute("MATCH (n:L0) WITH n LIMIT 1 DETACH DELETE n", &Params::new()).is_ok());
            }
        }
        let bytes = snapshot::to_bytes(db.graph()).unwrap_or_default();
        let loaded = snapshot::from_bytes(&bytes);
        prop_assert!(loaded.is_ok());
        let again = loaded.map(|g| snapshot::to_bytes(&g).unwrap_or_default()).unwrap_or_default();
        prop_assert_eq!(bytes, again);
    }

    /// Any corruption of a valid snapshot is an error, never a panic or a wrong graph.
    #[test]
    fn corrupted_snapshots_never_panic(position in 0usize..10_000, xor in 1u8..=255, cut in proptest::option::of(0usize..10_000)) {
        let mut bytes = snapshot::to_bytes(sample().graph()).unwrap_or_default();
        let at = position % bytes.len();
        bytes[at] ^= xor;
        if let Some(cut) = cut {
            bytes.truncate(cut % bytes.len());
        }
        prop_assert!(snapshot::from_bytes(&bytes).is_err());
    }
}

/// `tests/fixtures/snapshots/csto-vN.snapshot` is the CSTO graph as format version N
/// wrote it, kept to show that older files still open: version 2 kept one record per
/// entity, version 3 one record per node and columns for the relationships, version 4
/// columns for both with every number cell 8 bytes wide, version 5 narrow cells and no
/// database identity.
#[test]
fn older_versions_read_as_the_same_graph() {
    let expected = steppe::default_graph::snapshot_from_files().unwrap_or_else(|e| panic!("{}", e.message));
    for version in [2u32, 3, 4, 5] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/snapshots/csto-v{version}.snapshot"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]), version);
        let old = snapshot::from_bytes(&bytes).unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(snapshot::to_bytes(&old).unwrap_or_default(), expected, "version {version}");
    }
}

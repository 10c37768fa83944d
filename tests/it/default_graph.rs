//! The embedded snapshot of the CSTO graph (`graph-data/csto.snapshot`) is the graph the
//! `.cypher` files make, byte for byte, and is what the binary starts from.
//!
//! When the data files or the snapshot format change, `graph_data_snapshot_is_current`
//! fails; `STEPPE_BLESS=1 cargo test default_graph` rewrites the snapshot and its
//! fingerprint file, to be committed with the change.

use std::path::Path;

use steppe::default_graph::{self, SNAPSHOT_PATH, SNAPSHOT_SOURCES_PATH, SOURCES_FINGERPRINT};
use steppe::store::snapshot;
use steppe::Params;

const REGENERATE: &str =
    "regenerate it with `STEPPE_BLESS=1 cargo test default_graph` and commit graph-data/csto.snapshot*";

fn in_tree(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn from_files() -> Vec<u8> {
    default_graph::snapshot_from_files().unwrap_or_else(|e| panic!("the CSTO graph does not load: {}", e.message))
}

#[test]
fn graph_data_snapshot_is_current() {
    let expected = from_files();
    if std::env::var_os("STEPPE_BLESS").is_some() {
        std::fs::write(in_tree(SNAPSHOT_PATH), &expected).unwrap();
        std::fs::write(in_tree(SNAPSHOT_SOURCES_PATH), format!("{SOURCES_FINGERPRINT}\n")).unwrap();
        return;
    }
    let committed = std::fs::read(in_tree(SNAPSHOT_PATH)).unwrap_or_default();
    assert!(committed == expected, "{SNAPSHOT_PATH} is not the graph graph-data/*.cypher make: {REGENERATE}");
    let recorded = std::fs::read_to_string(in_tree(SNAPSHOT_SOURCES_PATH)).unwrap_or_default();
    assert_eq!(recorded.trim(), SOURCES_FINGERPRINT, "{SNAPSHOT_SOURCES_PATH} is stale: {REGENERATE}");
}

/// The binary really starts from the snapshot: build.rs embedded it (the fingerprint
/// matched), it decodes, and writing the decoded graph again gives the same bytes, so
/// nothing was lost on the way. (A build of a stale tree fails here too, after a
/// build warning; regenerate as above.)
#[test]
fn the_embedded_snapshot_is_used_and_decodes_to_the_same_graph() {
    let embedded = default_graph::embedded_snapshot()
        .unwrap_or_else(|| panic!("build.rs did not embed the snapshot: {REGENERATE}"));
    let graph = snapshot::from_bytes(embedded).unwrap_or_else(|e| panic!("{}: {REGENERATE}", e.message));
    let again = snapshot::to_bytes(&graph).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(again == from_files(), "the embedded snapshot is not the graph the files make: {REGENERATE}");
}

/// Ids, catalog order, property order: nothing in what the snapshot writes may depend on
/// a hash map's random order, or the committed bytes would differ from build to build.
/// Each load makes fresh hash maps with fresh keys.
#[test]
fn loading_the_files_twice_gives_the_same_bytes() {
    assert!(from_files() == from_files(), "two loads of graph-data/*.cypher wrote different snapshots");
}

/// What queries see is the same either way: the indexes rebuilt from the snapshot answer
/// lookups by key, as those the statements built.
#[test]
fn queries_answer_the_same_on_the_snapshot_and_on_the_files() {
    let mut from_snapshot = default_graph::load().unwrap_or_else(|e| panic!("{}", e.message));
    let mut parsed = default_graph::load_from_files().unwrap_or_else(|e| panic!("{}", e.message));
    let queries = [
        "MATCH (c:Country {name: 'Kazakhstan'})<-[r]-(x) RETURN type(r), x.name, r.sources ORDER BY type(r), x.name",
        "MATCH (n) RETURN labels(n) AS l, count(*) AS n ORDER BY l",
        "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t",
        "CALL db.schema()",
    ];
    for query in queries {
        let a = from_snapshot.execute(query, &Params::new()).map(|r| r.rows).map_err(|e| e.message);
        let b = parsed.execute(query, &Params::new()).map(|r| r.rows).map_err(|e| e.message);
        assert!(a.as_ref().is_ok_and(|rows| !rows.is_empty()), "{query}: {a:?}");
        assert_eq!(a, b, "{query}");
    }
    // A write that the key constraint must refuse is refused on both.
    let dup = "CREATE (:Country {name: 'Kazakhstan', aliases: []})";
    let codes = [&mut from_snapshot, &mut parsed].map(|db| db.execute(dup, &Params::new()).err().map(|e| e.code));
    assert!(codes[0].is_some() && codes[0] == codes[1], "{codes:?}");
}

/// `--init-default` writes the graph the files make: the new database file opens to the
/// same graph, ids and all, as loading the `.cypher` files.
#[test]
fn init_default_writes_the_graph_the_files_make() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csto.steppe");
    let db = path.to_str().unwrap();
    let out = crate::common::steppe_with_stdin(&["--db", db, "--init-default", "query", "RETURN 1"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let opened = steppe::Database::open(&path).unwrap_or_else(|e| panic!("{}", e.message));
    let written = snapshot::to_bytes(opened.graph()).unwrap_or_else(|e| panic!("{}", e.message));
    assert!(written == from_files(), "--init-default wrote another graph than graph-data/*.cypher make");
}

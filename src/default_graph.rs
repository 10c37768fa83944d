//! The CSTO knowledge graph, compiled into the binary (see `build.rs`).
//!
//! The `graph-data/*.cypher` files are the source of truth. Parsing their thousand
//! statements at every start took most of the shell's start-up time, so the binary also
//! carries `graph-data/csto.snapshot`, the same graph already built, and [`load`]
//! decodes that instead. `build.rs` embeds the snapshot only when it was made from the
//! very files being compiled; a test rebuilds it from the files and fails when the
//! committed bytes differ (`STEPPE_BLESS=1 cargo test default_graph` regenerates it).
//! Should it still not decode (its format changed), [`load`] parses the files: a stale
//! snapshot costs start-up time, never the graph.
//!
//! A load error from the files names the file, line and column.

use crate::binder::Params;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::store::snapshot;

mod files {
    include!(concat!(env!("OUT_DIR"), "/graph_data.rs"));
}

/// Where the embedded snapshot lives in the source tree, for the test that regenerates it.
pub const SNAPSHOT_PATH: &str = "graph-data/csto.snapshot";

/// Where the fingerprint of the files the snapshot was made from lives.
pub const SNAPSHOT_SOURCES_PATH: &str = "graph-data/csto.snapshot.sources";

/// The fingerprint of the compiled data files, as `SNAPSHOT_SOURCES_PATH` must hold it.
pub const SOURCES_FINGERPRINT: &str = files::SOURCES_FINGERPRINT;

/// The data files, in load order: (path, text).
pub fn files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

/// The embedded snapshot, when `build.rs` found it made from the compiled files.
pub fn embedded_snapshot() -> Option<&'static [u8]> {
    files::SNAPSHOT
}

/// The CSTO graph: from the embedded snapshot, or from the data files when there is none
/// or it does not decode.
pub fn load() -> Result<Database> {
    load_preferring(embedded_snapshot())
}

/// The graph `snapshot` holds, or, when there is none or it does not decode, the graph
/// the data files make.
fn load_preferring(snapshot: Option<&[u8]>) -> Result<Database> {
    match snapshot.map(snapshot::from_bytes) {
        Some(Ok(graph)) => Ok(Database::from_graph(graph)),
        Some(Err(_)) | None => load_from_files(),
    }
}

/// The CSTO graph parsed from the data files, as the snapshot is made.
pub fn load_from_files() -> Result<Database> {
    load_files(files())
}

/// Loads a graph from data files in order: (path, text).
pub fn load_files(files: &[(&str, &str)]) -> Result<Database> {
    let mut db = Database::empty();
    for (path, text) in files {
        db.execute_script(text, &Params::new()).map_err(|e| locate(e, path, text))?;
    }
    Ok(db)
}

/// The snapshot bytes of the graph the data files make: what `SNAPSHOT_PATH` must hold.
pub fn snapshot_from_files() -> Result<Vec<u8>> {
    snapshot::to_bytes(load_from_files()?.graph())
}

/// Puts `file:line:column` into the message of an error in a data file.
pub fn locate(err: Error, path: &str, text: &str) -> Error {
    let at = match err.position(text) {
        Some(p) => format!("{path}:{}:{}", p.line, p.column),
        None => path.to_string(),
    };
    Error { message: format!("{at}: {}", err.message), span: None, file: Some(path.to_string()), ..err }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes_of(db: Result<Database>) -> Option<Vec<u8>> {
        db.ok().and_then(|db| snapshot::to_bytes(db.graph()).ok())
    }

    /// A snapshot this steppe cannot read (a newer format, damage) falls back to the files.
    #[test]
    fn an_unreadable_snapshot_falls_back_to_the_files() {
        let expected = bytes_of(load_from_files());
        assert!(expected.is_some());
        let mut newer = snapshot_from_files().ok().unwrap_or_default();
        newer[8..12].copy_from_slice(&(snapshot::VERSION + 1).to_le_bytes());
        for unreadable in [Some(&newer[..]), Some(&b"not a snapshot"[..]), None] {
            assert_eq!(bytes_of(load_preferring(unreadable)), expected);
        }
    }
}

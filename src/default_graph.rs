//! The CSTO knowledge graph, loaded from the `graph-data/` files compiled into the
//! binary (see `build.rs`). A load error names the file, line and column.

use crate::binder::Params;
use crate::db::Database;
use crate::error::{Error, Result};

mod files {
    include!(concat!(env!("OUT_DIR"), "/graph_data.rs"));
}

/// The data files, in load order: (path, text).
pub fn files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

pub fn load() -> Result<Database> {
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

/// Puts `file:line:column` into the message of an error in a data file.
pub fn locate(err: Error, path: &str, text: &str) -> Error {
    let at = match err.position(text) {
        Some(p) => format!("{path}:{}:{}", p.line, p.column),
        None => path.to_string(),
    };
    Error { message: format!("{at}: {}", err.message), span: None, file: Some(path.to_string()), ..err }
}

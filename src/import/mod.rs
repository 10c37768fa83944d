//! Importing graphs from files: CSV in the neo4j-admin import layout, and steppe's own
//! JSON export.
//!
//! Input: files, streamed. Output: nodes and relationships appended to a [`Graph`]
//! through a [`crate::store::GraphBuilder`], which keeps no per-row log, so memory stays
//! near the size of the graph itself. An import that fails leaves the graph as it was;
//! errors name the file, the line and the field. This module never prints: progress
//! goes to an [`ImportProgress`] the caller supplies.

mod cell;
mod chunks;
mod csv;
mod header;
mod ids;
mod json;
mod nodes;
mod pipeline;
pub(crate) mod records;
mod rels;
mod schema;
mod slice_records;

pub use self::csv::{import_csv, import_csv_with_schema, CsvOptions, CsvSource};
pub use header::{type_name, ScalarType};
pub use json::import_json;
pub use schema::SchemaScript;

/// How `:ID` values compare and are stored (neo4j-admin's `--id-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdType {
    /// Ids are strings: `7` and `07` differ; an `id:ID` column stores a string.
    #[default]
    String,
    /// Ids are integers: an `id:ID` column stores an integer.
    Integer,
}

/// Told how far an import has read, in bytes of its input files.
pub trait ImportProgress {
    fn start(&mut self, total_bytes: u64);
    fn advance(&mut self, bytes_done: u64);
    fn finish(&mut self);
}

/// Progress nobody watches.
pub struct NoProgress;

impl ImportProgress for NoProgress {
    fn start(&mut self, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self) {}
}

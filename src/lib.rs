//! steppe: a small embedded knowledge-graph engine with a typed schema and an
//! openCypher-style query language.
//!
//! Data flows one way: text → [`syntax`] (pest, AST) → [`binder`] (checked against the
//! schema) → [`planner`] (logical plan) → [`exec`] (operators over the [`store`]) →
//! [`QueryResult`] → [`format`] (table, JSON Lines, CSV, TSV). [`Database`] is the
//! entry point. See ARCHITECTURE.md.

pub mod binder;
pub mod db;
pub mod default_graph;
pub mod error;
pub mod exec;
pub mod export;
pub mod format;
pub mod import;
pub mod limits;
pub mod planner;
pub mod result;
pub mod safe_file;
pub mod span;
pub mod store;
pub mod suggest;
pub mod syntax;
pub mod value;

pub use binder::Params;
pub use db::Database;
pub use error::{Error, ErrorCode, ErrorKind, Result};
pub use exec::{ExecOptions, Interrupt};
pub use format::OutputFormat;
pub use limits::Limits;
pub use result::QueryResult;
pub use syntax::parse_statement;
pub use value::Value;

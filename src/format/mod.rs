//! Printing results: table, plain, JSON Lines, CSV and TSV, each to any `io::Write`.
//!
//! Formatters never print by themselves and never read the graph: everything they need
//! is in the [`QueryResult`] (rows plus the entities they mention).

mod csv;
pub mod evidence;
mod json;
mod notation;
mod plain;
mod table;

use std::io::{self, Write};

use crate::error::Error;
use crate::result::QueryResult;

pub use json::{container_json, scalar_json, string as json_string, write_error_json, write_value_json};
pub use notation::cypher_notation;

/// How `query` and `run` print results (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned boxes, for a terminal.
    Table,
    /// A header line and comma-separated values, for a pipe or a file (cypher-shell's plain).
    Plain,
    Json,
    Csv,
    Tsv,
}

impl OutputFormat {
    pub fn parse(text: &str) -> Option<OutputFormat> {
        match text.to_ascii_lowercase().as_str() {
            "table" => Some(OutputFormat::Table),
            "plain" => Some(OutputFormat::Plain),
            "json" => Some(OutputFormat::Json),
            "csv" => Some(OutputFormat::Csv),
            "tsv" => Some(OutputFormat::Tsv),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Plain => "plain",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Tsv => "tsv",
        }
    }
}

/// Options that change how a result looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Add the time spent (`--timing`).
    pub timing: bool,
    /// Table only: the widest the table may be, in columns of the terminal.
    pub max_width: Option<u16>,
    /// Table only: at most this many rows, with a note saying how many were left out.
    pub max_rows: Option<usize>,
    /// Table only: how to see the rows `max_rows` left out, ending that note.
    pub more_rows_hint: Option<&'static str>,
    /// Table only: the total time after the row count, as a shell shows it.
    pub elapsed: bool,
}

pub fn write_result(
    format: OutputFormat,
    result: &QueryResult,
    options: WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Table => table::write(result, options, out),
        OutputFormat::Plain => plain::write(result, options, out),
        OutputFormat::Json => json::write(result, options, out),
        OutputFormat::Csv => csv::write(result, b',', out),
        OutputFormat::Tsv => csv::write(result, b'\t', out),
    }
}

/// An error in the JSON stream: `{"error": {...}}` with the line and column in `source`.
pub fn write_error(format: OutputFormat, err: &Error, source: &str, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Json => write_error_json(err, source, out),
        _ => writeln!(out, "{}", err.describe(source)),
    }
}

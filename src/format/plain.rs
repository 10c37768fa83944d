//! Plain text, for output that is not a terminal (a pipe, a file): what cypher-shell's
//! `--format plain` prints. A header line of column names, then one line per row, the
//! values in Cypher notation separated by `, `; no box drawing, no colour, no row count.

use std::io::{self, Write};

use super::notation::cypher_notation;
use super::WriteOptions;
use crate::result::QueryResult;

pub fn write(result: &QueryResult, options: WriteOptions, out: &mut dyn Write) -> io::Result<()> {
    if let Some(plan) = &result.plan {
        write!(out, "{plan}")?;
    }
    if result.plan_only {
        return Ok(());
    }
    if !result.columns.is_empty() {
        writeln!(out, "{}", result.columns.join(", "))?;
        for row in &result.rows {
            // Strings keep their quotes, so a value holding `, ` stays readable.
            let values: Vec<String> = row.iter().map(|v| cypher_notation(v, &result.entities, false)).collect();
            writeln!(out, "{}", values.join(", "))?;
        }
    }
    if options.timing {
        writeln!(out, "{}", super::table::describe_timing(result))?;
    }
    Ok(())
}

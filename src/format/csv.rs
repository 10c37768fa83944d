//! CSV and TSV: a header of column names, then one line per row. Strings are written
//! as they are, `null` as an empty field, other values in Cypher notation.

use std::io::{self, Write};

use super::notation::cypher_notation;
use crate::result::QueryResult;

pub fn write(result: &QueryResult, delimiter: u8, out: &mut dyn Write) -> io::Result<()> {
    if result.columns.is_empty() {
        // A statement without RETURN has no table to print.
        return Ok(());
    }
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(out);
    let to_io = |e: csv::Error| io::Error::other(e.to_string());
    writer.write_record(&result.columns).map_err(to_io)?;
    for row in &result.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|v| match v {
                crate::value::Value::Null => String::new(),
                other => cypher_notation(other, &result.entities, true),
            })
            .collect();
        writer.write_record(&fields).map_err(to_io)?;
    }
    writer.flush()
}

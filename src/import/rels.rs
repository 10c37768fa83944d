//! A relationships file: its chunks parsed on every core into compact columns
//! (`pipeline.rs`), and added to the graph chunk by chunk in file order.
//!
//! Ends are resolved to node ids as they are parsed: a row costs 12 bytes (start, end,
//! line) plus its cells (8 bytes a number) until its chunk is added. Type names are
//! resolved as rows are added, so that an undeclared type is reported in file order
//! among the other errors. The store's bulk API checks each row against the schema as
//! it comes and keeps only its ends until the load's end, when each type's become its
//! arrays in one pass, numbered by start node with ties in file order
//! (`store/bulk_rels.rs`): a node's relationships get neighbouring ids and property
//! rows, so an expansion reads its relationships' columns in order.

use std::collections::HashMap;

use super::cell::parse_cell;
use super::chunks::Chunk;
use super::csv::{check_field_count, located_error, not_an_integer, record_error, space_name, FileLoad, Prefix, Slot};
use super::header::ScalarType;
use super::ids::{IdError, IdMap, IdSpaces};
use super::pipeline::{parse_and_add, Parsed};
use super::records::Field;
use super::slice_records::{Fields, SliceReader};
use super::{IdType, ImportProgress};
use crate::error::{Error, ErrorCode, Result};
use crate::store::{GraphBuilder, NodeId, PropKeyId, RelTypeId};
use crate::value::Value;

/// Parses the chunks of a relationships file (`first` is the rest of the one holding
/// the header) and adds its relationships.
pub(super) fn load_rels(
    load: &mut FileLoad<'_>,
    builder: &mut GraphBuilder<'_>,
    ids: &IdSpaces,
    slots: &[Slot],
    prefix: &Prefix,
    first: Chunk,
    progress: &mut dyn ImportProgress,
) -> Result<()> {
    let file = load.name.clone();
    let prefix_type = match prefix {
        Prefix::Type(ty) => Some(*ty),
        _ => None,
    };
    let parser = RowParser {
        file: &file,
        delimiter: load.options.delimiter,
        array_delimiter: load.options.array_delimiter,
        id_type: load.options.id_type,
        slots,
        prefix_type,
        has_type_column: slots.iter().any(|s| matches!(s, Slot::Type)),
        start_ids: space_of(ids, slots, |s| matches!(s, Slot::StartId { .. })),
        end_ids: space_of(ids, slots, |s| matches!(s, Slot::EndId { .. })),
    };
    let type_column = slots.iter().position(|s| matches!(s, Slot::Type)).map_or(1, |i| i + 1);
    let mut adder = Adder { builder, file: &file, prefix_type, type_column, types: HashMap::new(), props: Vec::new() };
    parse_and_add(load, first, &|chunk| parser.parse(chunk), &mut |rows| adder.add(rows), progress)
}

/// The id space of the first column `is_end` picks.
fn space_of<'a>(ids: &'a IdSpaces, slots: &[Slot], is_end: fn(&Slot) -> bool) -> Option<&'a IdMap> {
    slots.iter().find(|s| is_end(s)).and_then(|slot| match slot {
        Slot::StartId { group } | Slot::EndId { group } => ids.space(group),
        _ => None,
    })
}

/// The cells of one property column, for the rows parsed so far.
enum Cells {
    Int {
        values: Vec<i64>,
        missing: Vec<u32>,
    },
    Float {
        values: Vec<f64>,
        missing: Vec<u32>,
    },
    /// Anything else; `Value::Null` where a row has none.
    Values(Vec<Value>),
}

impl Cells {
    fn for_slot(slot: &Slot) -> Option<Cells> {
        match slot {
            Slot::Property { ty: ScalarType::Int, array: false, .. } => {
                Some(Cells::Int { values: Vec::new(), missing: Vec::new() })
            }
            Slot::Property { ty: ScalarType::Float, array: false, .. } => {
                Some(Cells::Float { values: Vec::new(), missing: Vec::new() })
            }
            Slot::Property { .. } => Some(Cells::Values(Vec::new())),
            _ => None,
        }
    }

    /// Puts the next row's value (`None` for none).
    fn push(&mut self, value: Option<Value>) {
        match (self, value) {
            (Cells::Int { values, .. }, Some(Value::Int(i))) => values.push(i),
            (Cells::Float { values, .. }, Some(Value::Float(f))) => values.push(f),
            (Cells::Int { values, missing }, _) => {
                missing.push(values.len() as u32);
                values.push(0);
            }
            (Cells::Float { values, missing }, _) => {
                missing.push(values.len() as u32);
                values.push(0.0);
            }
            (Cells::Values(values), value) => values.push(value.unwrap_or(Value::Null)),
        }
    }

    /// Row `row`'s value.
    fn get(&self, row: u32) -> Option<Value> {
        match self {
            Cells::Int { values, missing } => {
                (missing.is_empty() || missing.binary_search(&row).is_err()).then(|| Value::Int(values[row as usize]))
            }
            Cells::Float { values, missing } => {
                (missing.is_empty() || missing.binary_search(&row).is_err()).then(|| Value::Float(values[row as usize]))
            }
            Cells::Values(values) => values.get(row as usize).filter(|v| !v.is_null()).cloned(),
        }
    }
}

/// A row's type: the file's (named before its name on the command line), or the i-th
/// name of its chunk's `:TYPE` column, resolved as the row is added.
#[derive(Clone, Copy)]
enum RowType {
    Known(RelTypeId),
    Named(u32),
}

/// A chunk's parsed rows, as columns.
#[derive(Default)]
struct Rows {
    starts: Vec<NodeId>,
    ends: Vec<NodeId>,
    lines: Vec<u32>,
    types: Vec<RowType>,
    /// The names the chunk's `:TYPE` column gives, each once.
    type_names: Vec<String>,
    /// One per property column, with its key.
    cells: Vec<(PropKeyId, Cells)>,
    /// The type name and line of the row that stopped the chunk, when its `:TYPE` field
    /// came before the field in error: a row by row reader would have met an undeclared
    /// type first.
    failing_type: Option<(u32, u32)>,
}

impl Rows {
    fn new(slots: &[Slot]) -> Rows {
        let cells = slots
            .iter()
            .filter_map(|slot| match slot {
                Slot::Property { key, .. } => Cells::for_slot(slot).map(|c| (*key, c)),
                _ => None,
            })
            .collect();
        Rows { cells, ..Rows::default() }
    }
}

/// Adds parsed chunks to the graph, in file order, on the loading thread.
struct Adder<'a, 'g> {
    builder: &'a mut GraphBuilder<'g>,
    file: &'a str,
    /// The type of every row when the file names it (`--relationships=TYPE=FILE`).
    prefix_type: Option<RelTypeId>,
    /// The `:TYPE` column, for errors naming an undeclared type.
    type_column: usize,
    /// The types of the names met so far.
    types: HashMap<String, RelTypeId>,
    /// A row's properties on their way in (kept to reuse its room).
    props: Vec<(PropKeyId, Value)>,
}

impl Adder<'_, '_> {
    /// Adds a chunk's rows in order; the first that the graph refuses is the error, with
    /// its line.
    fn add(&mut self, rows: Rows) -> Result<()> {
        let file = self.file;
        let at_line =
            |row: usize, column: usize, e: Error| e.in_file(file).at_location(rows.lines[row] as usize, column);
        let mut chunk_types: Vec<Option<RelTypeId>> = vec![None; rows.type_names.len()];
        for r in 0..rows.starts.len() {
            let ty = match rows.types.get(r) {
                Some(RowType::Known(ty)) => *ty,
                Some(RowType::Named(i)) => match chunk_types[*i as usize] {
                    Some(ty) => ty,
                    None => {
                        let name = &rows.type_names[*i as usize];
                        let ty = self.type_named(name).map_err(|e| at_line(r, self.type_column, e))?;
                        chunk_types[*i as usize] = Some(ty);
                        ty
                    }
                },
                None => self.prefix_type.ok_or_else(|| Error::internal("a relationship without a type"))?,
            };
            let row = r as u32;
            self.props.extend(rows.cells.iter().filter_map(|(key, cells)| cells.get(row).map(|v| (*key, v))));
            self.builder.append_rel(ty, rows.starts[r], rows.ends[r], &mut self.props).map_err(|e| at_line(r, 1, e))?;
            self.props.clear();
        }
        if let Some((i, line)) = rows.failing_type {
            let name = rows.type_names.get(i as usize).map_or("", String::as_str);
            self.type_named(name).map_err(|e| e.in_file(file).at_location(line as usize, self.type_column))?;
        }
        Ok(())
    }

    /// The type a `:TYPE` field names: interned, or an error if a typed graph does not
    /// declare it.
    fn type_named(&mut self, name: &str) -> Result<RelTypeId> {
        if let Some(&ty) = self.types.get(name) {
            return Ok(ty);
        }
        let ty = self.builder.rel_type(name)?;
        self.types.insert(name.to_string(), ty);
        Ok(ty)
    }
}

/// What parsing a row needs; shared by the worker threads.
struct RowParser<'a> {
    file: &'a str,
    delimiter: u8,
    array_delimiter: char,
    id_type: IdType,
    slots: &'a [Slot],
    prefix_type: Option<RelTypeId>,
    has_type_column: bool,
    /// The id spaces of the start and end columns, found once rather than per row.
    start_ids: Option<&'a IdMap>,
    end_ids: Option<&'a IdMap>,
}

impl RowParser<'_> {
    fn parse(&self, chunk: Chunk) -> Parsed<Rows> {
        let mut rows = Rows::new(self.slots);
        let mut local_types: HashMap<String, u32> = HashMap::new();
        let mut reader = SliceReader::new(&chunk.bytes, self.delimiter, chunk.first_line, chunk.file_start);
        let mut fields = Fields::default();
        let error = loop {
            match reader.next_record(&mut fields) {
                Ok(Some(line)) => {
                    if let Err(e) = self.row(&mut rows, &mut local_types, fields.as_slice(), line) {
                        break Some(e);
                    }
                }
                Ok(None) => break None,
                Err(e) => break Some(record_error(self.file, e)),
            }
        };
        Parsed { index: chunk.index, rows, error }
    }

    /// Parses one row onto `rows`. On an error the row may be half there, but the chunk
    /// is then given up.
    fn row(
        &self,
        rows: &mut Rows,
        local_types: &mut HashMap<String, u32>,
        fields: &[Field],
        line: usize,
    ) -> Result<()> {
        check_field_count(self.file, fields, self.slots, line)?;
        let mut ty = self.prefix_type.map(RowType::Known);
        let (mut start, mut end) = (None, None);
        let mut cell = 0;
        for (i, (slot, field)) in self.slots.iter().zip(fields).enumerate() {
            let column = i + 1;
            match slot {
                Slot::StartId { group } => {
                    start = Some(self.endpoint(self.start_ids, group, field, line, column, "start")?)
                }
                Slot::EndId { group } => end = Some(self.endpoint(self.end_ids, group, field, line, column, "end")?),
                Slot::Type if !field.text.trim().is_empty() => {
                    let name = if field.quoted { field.text.as_str() } else { field.text.trim() };
                    let named = self.row_type(rows, local_types, name);
                    if let RowType::Named(i) = named {
                        rows.failing_type = Some((i, u32::try_from(line).unwrap_or(u32::MAX)));
                    }
                    ty = Some(named);
                }
                Slot::Property { ty, array, .. } => {
                    let value = parse_cell(field, *ty, *array, self.array_delimiter)
                        .map_err(|m| located_error(self.file, ErrorCode::InvalidCsvValue, line, column, m))?;
                    if let Some((_, cells)) = rows.cells.get_mut(cell) {
                        cells.push(value);
                    }
                    cell += 1;
                }
                _ => {}
            }
        }
        let (Some(start), Some(end)) = (start, end) else {
            return Err(Error::internal("a relationships header without both ends"));
        };
        let Some(ty) = ty else {
            let column = self.slots.iter().position(|s| matches!(s, Slot::Type)).map_or(1, |i| i + 1);
            return Err(located_error(
                self.file,
                ErrorCode::MissingId,
                line,
                column,
                "the relationship has no type".into(),
            ));
        };
        rows.failing_type = None;
        rows.starts.push(start);
        rows.ends.push(end);
        rows.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
        if self.has_type_column {
            rows.types.push(ty);
        }
        Ok(())
    }

    /// The chunk's number for a `:TYPE` name.
    fn row_type(&self, rows: &mut Rows, local_types: &mut HashMap<String, u32>, name: &str) -> RowType {
        if let Some(&i) = local_types.get(name) {
            return RowType::Named(i);
        }
        let i = rows.type_names.len() as u32;
        rows.type_names.push(name.to_string());
        local_types.insert(name.to_string(), i);
        RowType::Named(i)
    }

    fn endpoint(
        &self,
        space: Option<&IdMap>,
        group: &str,
        field: &Field,
        line: usize,
        column: usize,
        which: &str,
    ) -> Result<NodeId> {
        if field.text.is_empty() {
            let message = format!("the relationship has no {which} id");
            return Err(located_error(self.file, ErrorCode::MissingId, line, column, message));
        }
        let found = match space {
            Some(space) => space.lookup(&field.text, self.id_type),
            // No node has an id in the space; an integer id must still be an integer.
            None => match self.id_type {
                IdType::Integer if field.text.trim().parse::<i64>().is_err() => Err(IdError::NotInteger),
                _ => Err(IdError::Unknown),
            },
        };
        found.map_err(|e| match e {
            IdError::NotInteger => not_an_integer(self.file, &field.text, line, column),
            IdError::Unknown => {
                let message = format!("{which} node `{}`{} is not in any nodes file", field.text, space_name(group));
                located_error(self.file, ErrorCode::UnknownEndpoint, line, column, message)
            }
        })
    }
}

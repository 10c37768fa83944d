//! A relationships file: its chunks parsed on worker threads into compact columns, then
//! added in start-node order.
//!
//! Parsing a row needs only what is fixed while the file is read (the id maps, the
//! columns, the schema), so the chunks are parsed on as many threads as the machine
//! has, while this thread reads the file and puts the parsed chunks back in file order.
//! A chunk stops at its first bad row; the first bad chunk in file order gives the
//! error, so it is the one a reader going record by record would meet first, at the
//! same line and field. Ends are resolved to node ids as they are parsed: a row costs
//! 12 bytes (start, end, line) plus its cells (8 bytes a number) until it is added.
//!
//! Then the rows are ordered by start node with a counting sort (stable, so ties keep
//! file order) and appended through the store's bulk API; the schema checks run over
//! the new relationships in that order, so the first that fails is the one a row by row
//! load in that order would have refused.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use super::cell::parse_cell;
use super::chunks::Chunk;
use super::csv::{check_field_count, located_error, not_an_integer, record_error, space_name, FileLoad, Prefix, Slot};
use super::header::ScalarType;
use super::ids::{IdError, IdMap, IdSpaces};
use super::records::Field;
use super::slice_records::{Fields, SliceReader};
use super::{IdType, ImportProgress};
use crate::error::{Error, ErrorCode, Result};
use crate::store::{GraphBuilder, NodeId, PropKeyId, RelId, RelTypeId};
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
    let rows = {
        let parser = RowParser {
            file: &file,
            delimiter: load.options.delimiter,
            array_delimiter: load.options.array_delimiter,
            id_type: load.options.id_type,
            slots,
            prefix_type: match prefix {
                Prefix::Type(ty) => Some(*ty),
                _ => None,
            },
            has_type_column: slots.iter().any(|s| matches!(s, Slot::Type)),

            start_ids: space_of(ids, slots, |s| matches!(s, Slot::StartId { .. })),
            end_ids: space_of(ids, slots, |s| matches!(s, Slot::EndId { .. })),
            builder,
        };
        parse_file(&parser, load, first, progress)?
    };
    rows.add_by_start(builder, &file)
}

/// The id space of the first column `is_end` picks.
fn space_of<'a>(ids: &'a IdSpaces, slots: &[Slot], is_end: fn(&Slot) -> bool) -> Option<&'a IdMap> {
    slots.iter().find(|s| is_end(s)).and_then(|slot| match slot {
        Slot::StartId { group } | Slot::EndId { group } => ids.space(group),
        _ => None,
    })
}

/// How many threads parse: one per core the machine offers.
fn parse_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Parses the chunks on every core, this thread included: each thread takes the next
/// chunk from the file, parses it, and puts its rows back in file order. No thread
/// waits on a channel (spinning there showed as a sixth of the import's time on a busy
/// machine); the locks are held only to cut a chunk off the file or to append rows.
/// The first error in file order stops every thread.
fn parse_file(
    parser: &RowParser<'_>,
    load: &mut FileLoad<'_>,
    first: Chunk,
    progress: &mut dyn ImportProgress,
) -> Result<FileRows> {
    let mut rows = FileRows::new(parser.slots, parser.prefix_type);
    let Some(second) = load.next_chunk()? else {
        // One chunk: no threads.
        rows.append(parser.parse(first))?;
        return Ok(rows);
    };
    let source = Mutex::new(Source { load, queued: vec![second, first], stopped: false });
    let gather = Mutex::new(Gather { pending: BTreeMap::new(), next: 0, rows, failed: None });
    std::thread::scope(|scope| {
        for _ in 1..parse_threads() {
            scope.spawn(|| parse_chunks(parser, &source, &gather, &mut |_| {}));
        }
        parse_chunks(parser, &source, &gather, &mut |done| progress.advance(done));
    });
    let gather = gather.into_inner().map_err(|_| Error::internal("a parsing thread failed"))?;
    match gather.failed {
        Some(error) => Err(error),
        None => Ok(gather.rows),
    }
}

/// The file's chunks, shared by the parsing threads.
struct Source<'l, 's> {
    load: &'l mut FileLoad<'s>,
    /// Chunks read before the threads started, last first.
    queued: Vec<Chunk>,
    /// An error was found: take no more chunks.
    stopped: bool,
}

impl Source<'_, '_> {
    /// The next chunk, or the error reading it (as a parsed chunk holding only that error).
    fn next(&mut self) -> Option<std::result::Result<Chunk, ParsedChunk>> {
        if self.stopped {
            return None;
        }
        if let Some(chunk) = self.queued.pop() {
            return Some(Ok(chunk));
        }
        let index = self.load.chunks_read();
        match self.load.next_chunk() {
            Ok(chunk) => chunk.map(Ok),
            Err(error) => {
                self.stopped = true;
                Some(Err(ParsedChunk { index, rows: Rows::empty(), error: Some(error) }))
            }
        }
    }
}

/// One thread's loop: take a chunk, parse it, gather it; `progress` hears the bytes read.
fn parse_chunks(
    parser: &RowParser<'_>,
    source: &Mutex<Source<'_, '_>>,
    gather: &Mutex<Gather>,
    progress: &mut dyn FnMut(u64),
) {
    loop {
        let (next, done) = match source.lock() {
            Ok(mut source) => (source.next(), source.load.done()),
            Err(_) => return,
        };
        progress(done);
        let parsed = match next {
            None => return,
            Some(Ok(chunk)) => parser.parse(chunk),
            Some(Err(failed)) => failed,
        };
        let failed = match gather.lock() {
            Ok(mut gather) => gather.put(parsed),
            Err(_) => return,
        };
        if failed {
            if let Ok(mut source) = source.lock() {
                source.stopped = true;
            }
            return;
        }
    }
}

/// Puts parsed chunks back in file order.
struct Gather {
    pending: BTreeMap<usize, ParsedChunk>,
    next: usize,
    rows: FileRows,
    /// The first error in file order.
    failed: Option<Error>,
}

impl Gather {
    /// Appends what is now in order; whether an error has been met.
    fn put(&mut self, parsed: ParsedChunk) -> bool {
        if self.failed.is_none() {
            self.pending.insert(parsed.index, parsed);
        }
        while let Some(parsed) = self.pending.remove(&self.next) {
            self.next += 1;
            if let Err(error) = self.rows.append(parsed) {
                self.failed = Some(error);
                self.pending.clear();
            }
        }
        self.failed.is_some()
    }
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

    /// Moves `other`'s rows after this column's `n_rows`.
    fn append(&mut self, other: Cells, n_rows: u32) {
        match (self, other) {
            (Cells::Int { values, missing }, Cells::Int { values: more, missing: more_missing }) => {
                values.extend(more);
                missing.extend(more_missing.into_iter().map(|r| r + n_rows));
            }
            (Cells::Float { values, missing }, Cells::Float { values: more, missing: more_missing }) => {
                values.extend(more);
                missing.extend(more_missing.into_iter().map(|r| r + n_rows));
            }
            (Cells::Values(values), Cells::Values(more)) => values.extend(more),
            // Both come from the same slot.
            _ => {}
        }
    }
}

/// A row's type when the file has a `:TYPE` column: interned already, or the i-th name
/// new to the catalog (interned once the file is parsed, in order of first appearance).
#[derive(Clone, Copy)]
enum RowType {
    Known(RelTypeId),
    New(u32),
}

/// Parsed rows, as columns: a chunk's, or the whole file's.
struct Rows {
    starts: Vec<NodeId>,
    ends: Vec<NodeId>,
    lines: Vec<u32>,
    /// Empty unless the file has a `:TYPE` column.
    types: Vec<RowType>,
    new_types: Vec<String>,
    /// One per property column, with its key.
    cells: Vec<(PropKeyId, Cells)>,
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
        Rows {
            starts: Vec::new(),
            ends: Vec::new(),
            lines: Vec::new(),
            types: Vec::new(),
            new_types: Vec::new(),
            cells,
        }
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    /// Rows of no columns, for a chunk that failed before any row.
    fn empty() -> Rows {
        Rows::new(&[])
    }
}

/// A chunk's rows, and the error that stopped it, if any.
struct ParsedChunk {
    index: usize,
    rows: Rows,
    error: Option<Error>,
}

/// A whole file's rows, with the new type names merged across chunks.
struct FileRows {
    rows: Rows,
    new_type_index: HashMap<String, u32>,
    /// The type of every row that names none (the command line's).
    prefix_type: Option<RelTypeId>,
}

impl FileRows {
    fn new(slots: &[Slot], prefix_type: Option<RelTypeId>) -> FileRows {
        FileRows { rows: Rows::new(slots), new_type_index: HashMap::new(), prefix_type }
    }

    /// Appends the next chunk's rows; its error, if it has one.
    fn append(&mut self, parsed: ParsedChunk) -> Result<()> {
        if let Some(error) = parsed.error {
            return Err(error);
        }
        let chunk = parsed.rows;
        let n_rows = self.rows.len() as u32;
        let renumbered: Vec<u32> = chunk
            .new_types
            .into_iter()
            .map(|name| {
                let next = self.rows.new_types.len() as u32;
                *self.new_type_index.entry(name.clone()).or_insert_with(|| {
                    self.rows.new_types.push(name);
                    next
                })
            })
            .collect();
        let file = &mut self.rows;
        file.starts.extend(chunk.starts);
        file.ends.extend(chunk.ends);
        file.lines.extend(chunk.lines);
        file.types.extend(chunk.types.into_iter().map(|t| match t {
            RowType::New(i) => RowType::New(renumbered[i as usize]),
            known => known,
        }));
        for ((_, cells), (_, more)) in file.cells.iter_mut().zip(chunk.cells) {
            cells.append(more, n_rows);
        }
        Ok(())
    }

    /// Adds the rows by start node, ties in file order. A row the schema refuses is
    /// reported with its line; with several such rows, the first in that order.
    fn add_by_start(self, builder: &mut GraphBuilder<'_>, file: &str) -> Result<()> {
        let rows = self.rows;
        let at_line = |row: u32, e: Error| e.in_file(file).at_location(rows.lines[row as usize] as usize, 1);
        let mut new_types = Vec::with_capacity(rows.new_types.len());
        for name in &rows.new_types {
            let first =
                rows.types.iter().position(|t| matches!(t, RowType::New(i) if rows.new_types[*i as usize] == *name));
            new_types.push(builder.rel_type(name).map_err(|e| at_line(first.unwrap_or(0) as u32, e))?);
        }
        let order = order_by_start(&rows.starts, builder.graph().node_id_bound());
        builder.reserve(0, order.len());
        let first_id = builder.graph().rel_id_bound();
        for &row in &order {
            let r = row as usize;
            let ty = match rows.types.get(r) {
                Some(RowType::Known(ty)) => *ty,
                Some(RowType::New(i)) => new_types[*i as usize],
                None => self.prefix_type.ok_or_else(|| Error::internal("a relationship without a type"))?,
            };
            let props = rows.cells.iter().filter_map(|(key, cells)| cells.get(row).map(|v| (*key, v)));
            builder.append_rel(ty, rows.starts[r], rows.ends[r], props).map_err(|e| at_line(row, e))?;
        }
        let new_ids = (first_id..first_id + order.len() as u32).map(RelId);
        builder.check_new_rels(new_ids).map_err(|(id, e)| at_line(order[(id.0 - first_id) as usize], e))
    }
}

/// The positions of `starts` ordered by value, ties in position order: a counting sort
/// over the node ids.
fn order_by_start(starts: &[NodeId], node_bound: u32) -> Vec<u32> {
    let mut offsets = vec![0u32; node_bound as usize + 1];
    for start in starts {
        if let Some(count) = offsets.get_mut(start.0 as usize + 1) {
            *count += 1;
        }
    }
    for i in 1..offsets.len() {
        offsets[i] += offsets[i - 1];
    }
    let mut order = vec![0u32; starts.len()];
    for (row, start) in starts.iter().enumerate() {
        if let Some(at) = offsets.get_mut(start.0 as usize) {
            order[*at as usize] = row as u32;
            *at += 1;
        }
    }
    order
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
    builder: &'a GraphBuilder<'a>,
}

impl RowParser<'_> {
    fn parse(&self, chunk: Chunk) -> ParsedChunk {
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
        ParsedChunk { index: chunk.index, rows, error }
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
                    ty = Some(
                        self.row_type(rows, local_types, name)
                            .map_err(|e| e.in_file(self.file).at_location(line, column))?,
                    );
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
        rows.starts.push(start);
        rows.ends.push(end);
        rows.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
        if self.has_type_column {
            rows.types.push(ty);
        }
        Ok(())
    }

    fn row_type(&self, rows: &mut Rows, local_types: &mut HashMap<String, u32>, name: &str) -> Result<RowType> {
        if let Some(ty) = self.builder.known_rel_type(name)? {
            return Ok(RowType::Known(ty));
        }
        if let Some(&i) = local_types.get(name) {
            return Ok(RowType::New(i));
        }
        let i = rows.new_types.len() as u32;
        rows.new_types.push(name.to_string());
        local_types.insert(name.to_string(), i);
        Ok(RowType::New(i))
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

//! A nodes file: its chunks parsed on every core (`pipeline.rs`) into each row's id,
//! label names and property values, and added to the graph chunk by chunk in file
//! order on the loading thread, which alone checks ids for duplicates, interns labels
//! and enters the nodes with their keys.
//!
//! A chunk stops at its first bad row; that row is then read again as a reader going
//! row by row reads it (`FileLoad::node_row`), after the chunk's good rows are added, so
//! that an error a parser cannot see (a duplicate id, an undeclared label) in an earlier
//! field of the same row is still the one reported.

use super::cell::parse_cell;
use super::chunks::Chunk;
use super::csv::{check_field_count, located_error, not_an_integer, record_error, space_name, FileLoad, Prefix, Slot};
use super::ids::{IdSpaces, NewId};
use super::pipeline::{parse_and_add, Parsed};
use super::records::Field;
use super::slice_records::{Fields, SliceReader};
use super::ImportProgress;
use crate::error::{ErrorCode, Result};
use crate::store::{GraphBuilder, PropKeyId};
use crate::value::Value;

/// A chunk's parsed rows.
#[derive(Default)]
struct NodeRows {
    lines: Vec<u32>,
    /// Each row's imported id, when the file has an id column.
    ids: Vec<Option<NewId>>,
    /// Every row's properties one after another (the id's first when it is stored),
    /// `prop_ends[i]` where row `i`'s end.
    props: Vec<(PropKeyId, Value)>,
    prop_ends: Vec<u32>,
    /// The names of each row's `:LABEL` fields, likewise.
    labels: Vec<String>,
    label_ends: Vec<u32>,
    /// The text of each integer id not written as the number reads back (` 7`, `+7`),
    /// by row, for the message naming a duplicate.
    odd_id_texts: Vec<(u32, String)>,
    /// The row that stopped the chunk, its fields and line, to be read again.
    failed: Option<(Vec<Field>, usize)>,
}

/// Parses the chunks of a nodes file (`first` is the rest of the one holding the
/// header) and adds its nodes.
pub(super) fn load_nodes(
    load: &mut FileLoad<'_>,
    builder: &mut GraphBuilder<'_>,
    ids: &mut IdSpaces,
    slots: &[Slot],
    prefix: &Prefix,
    first: Chunk,
    progress: &mut dyn ImportProgress,
) -> Result<()> {
    let reader = load.reader_settings();
    let parse = |chunk: Chunk| parse_chunk(&reader, slots, chunk);
    let mut add = |rows: NodeRows| add_rows(&reader, builder, ids, slots, prefix, rows);
    parse_and_add(load, first, &parse, &mut add, progress)
}

/// What reading a row needs, copied out of the file being loaded.
pub(super) struct ReaderSettings {
    pub file: String,
    pub delimiter: u8,
    pub array_delimiter: char,
    pub id_type: super::IdType,
}

fn parse_chunk(reader: &ReaderSettings, slots: &[Slot], chunk: Chunk) -> Parsed<NodeRows> {
    let mut rows = NodeRows::default();
    let mut records = SliceReader::new(&chunk.bytes, reader.delimiter, chunk.first_line, chunk.file_start);
    let mut fields = Fields::default();
    let error = loop {
        match records.next_record(&mut fields) {
            Ok(Some(line)) => {
                if let Err(e) = parse_row(reader, slots, &mut rows, fields.as_slice(), line) {
                    rows.failed = Some((fields.as_slice().to_vec(), line));
                    break Some(e);
                }
            }
            Ok(None) => break None,
            Err(e) => break Some(record_error(&reader.file, e)),
        }
    };
    Parsed { index: chunk.index, rows, error }
}

/// Parses one row onto `rows`; on an error nothing of the row is kept.
fn parse_row(
    reader: &ReaderSettings,
    slots: &[Slot],
    rows: &mut NodeRows,
    fields: &[Field],
    line: usize,
) -> Result<()> {
    let (n_props, n_labels) = (rows.props.len(), rows.labels.len());
    let parsed = parse_fields(reader, slots, rows, fields, line);
    match parsed {
        Ok(id) => {
            rows.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
            rows.ids.push(id);
            rows.prop_ends.push(rows.props.len() as u32);
            rows.label_ends.push(rows.labels.len() as u32);
            Ok(())
        }
        Err(e) => {
            rows.props.truncate(n_props);
            rows.labels.truncate(n_labels);
            Err(e)
        }
    }
}

/// The row's fields onto `rows`' properties and labels; its imported id.
fn parse_fields(
    reader: &ReaderSettings,
    slots: &[Slot],
    rows: &mut NodeRows,
    fields: &[Field],
    line: usize,
) -> Result<Option<NewId>> {
    let file = &reader.file;
    check_field_count(file, fields, slots, line)?;
    let mut imported = None;
    for (i, (slot, field)) in slots.iter().zip(fields).enumerate() {
        let column = i + 1;
        match slot {
            Slot::Id { key, .. } => {
                if field.text.is_empty() {
                    let e = located_error(file, ErrorCode::MissingId, line, column, "the node has no id".into());
                    return Err(e);
                }
                let id = NewId::parse(&field.text, reader.id_type)
                    .ok_or_else(|| not_an_integer(file, &field.text, line, column))?;
                if matches!(id, NewId::Int(_)) && !plain_integer(&field.text) {
                    rows.odd_id_texts.push((rows.ids.len() as u32, field.text.to_string()));
                }
                if let Some(key) = key {
                    rows.props.push((*key, id.value()));
                }
                imported = Some(id);
            }
            Slot::Label => {
                rows.labels.extend(super::csv::names_in(field, reader.array_delimiter).map(str::to_string));
            }
            Slot::Property { ty, array, key } => {
                let value = parse_cell(field, *ty, *array, reader.array_delimiter)
                    .map_err(|m| located_error(file, ErrorCode::InvalidCsvValue, line, column, m))?;
                rows.props.extend(value.map(|v| (*key, v)));
            }
            _ => {}
        }
    }
    Ok(imported)
}

/// Adds a chunk's rows in order, then reads the row that stopped it, if any, as a
/// reader going row by row would (which gives that row's first error).
fn add_rows(
    reader: &ReaderSettings,
    builder: &mut GraphBuilder<'_>,
    ids: &mut IdSpaces,
    slots: &[Slot],
    prefix: &Prefix,
    rows: NodeRows,
) -> Result<()> {
    // The last id column is the one a row's id comes from, as `node_row` reads it.
    let id_slot = slots.iter().enumerate().rev().find_map(|(i, s)| match s {
        Slot::Id { key, group } => Some((i + 1, *key, group.as_str())),
        _ => None,
    });
    let label_column = slots.iter().position(|s| matches!(s, Slot::Label)).map_or(usize::MAX, |i| i + 1);
    let file = &reader.file;
    let mut props = rows.props.into_iter();
    let mut labels = rows.labels.into_iter();
    let (mut props_at, mut labels_at) = (0u32, 0u32);
    for (r, id) in rows.ids.into_iter().enumerate() {
        let line = rows.lines[r] as usize;
        let duplicate = match (&id, id_slot) {
            (Some(id), Some((column, _, group))) if ids.contains(group, id) => {
                let odd = rows.odd_id_texts.iter().find(|(row, _)| *row as usize == r).map(|(_, t)| t.clone());
                let text = odd.unwrap_or_else(|| id.text());
                let message = format!("duplicate id `{text}`{}: an earlier node has it", space_name(group));
                Some((column, located_error(file, ErrorCode::DuplicateId, line, column, message)))
            }
            _ => None,
        };
        let mut row_labels = match prefix {
            Prefix::Labels(labels) => labels.clone(),
            _ => Vec::new(),
        };
        let n_labels = rows.label_ends[r] - labels_at;
        labels_at = rows.label_ends[r];
        let mut label_error = None;
        for name in labels.by_ref().take(n_labels as usize) {
            match builder.label(&name) {
                Ok(label) => row_labels.push(label),
                Err(e) if label_error.is_none() => label_error = Some(e),
                Err(_) => {}
            }
        }
        // The field further left is the one a row by row reader would have refused.
        match (duplicate, label_error) {
            (Some((column, e)), _) if column < label_column => return Err(e),
            (_, Some(e)) => return Err(e.in_file(file.clone()).at_location(line, label_column)),
            (Some((_, e)), None) => return Err(e),
            (None, None) => {}
        }
        let n_props = rows.prop_ends[r] - props_at;
        props_at = rows.prop_ends[r];
        let row_props: Vec<(PropKeyId, Value)> = props.by_ref().take(n_props as usize).collect();
        if let Some((_, Some(key), _)) = id_slot.filter(|_| id.is_some()) {
            for &label in &row_labels {
                if !ids.keyed.contains(&(label, key)) {
                    ids.keyed.push((label, key));
                }
            }
        }
        let node = builder.add_node(row_labels, row_props).map_err(|e| e.in_file(file.clone()).at_location(line, 1))?;
        if let (Some(id), Some((_, _, group))) = (id, id_slot) {
            ids.insert(group, id, node);
        }
    }
    match rows.failed {
        Some((fields, line)) => super::csv::node_row(reader, builder, ids, slots, prefix, &fields, line),
        None => Ok(()),
    }
}

/// Whether an integer is written as it reads back: an optional minus, then digits
/// without a leading zero (or `0` alone).
fn plain_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let bytes = digits.as_bytes();
    !bytes.is_empty()
        && bytes.iter().all(u8::is_ascii_digit)
        && (bytes[0] != b'0' || (bytes.len() == 1 && digits.len() == text.len()))
}

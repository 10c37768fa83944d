//! Bulk import of CSV files in the neo4j-admin layout: all nodes files first, then all
//! relationships files, each streamed in chunks of whole records (`chunks.rs`) into a
//! [`GraphBuilder`]. Every file's chunks are parsed on all cores and added on this
//! thread in file order (`pipeline.rs`; `nodes.rs`, `rels.rs`).
//!
//! Memory holds the graph being built, one map from imported id to node per id space,
//! a few parsed chunks in flight, and each new relationship's two ends until the load's
//! end, when the store makes them its arrays, numbered by start node so that the
//! relationships of a node get neighbouring ids and neighbouring rows in their type's
//! property columns. An expansion then reads its relationships' properties in order
//! instead of at random (Kuzu's and neo4j-admin's importers group them the same way).
//! Every error names the file, the record's line and the field (1-based), and leaves
//! the graph as it was: the builder undoes the load when dropped.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::cell::parse_cell;
use super::chunks::{Chunk, Chunker, CHUNK_BYTES};
use super::header::{Column, FileKind, Header, ScalarType};
use super::ids::{IdSpaces, NewId};
use super::nodes::{self, ReaderSettings};
use super::records::{Field, RecordError};
use super::rels;
use super::schema::{define_types, SchemaScript};
use super::slice_records::{Fields, SliceReader};
use super::{IdType, ImportProgress};
use crate::error::{Error, ErrorCode, Result};
use crate::store::{BulkStats, Graph, GraphBuilder, LabelId, PropKeyId, RelTypeId};

/// One file to import, with the labels (nodes) or type (relationships) given on the
/// command line as `--nodes=Person:Agent=people.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSource {
    pub path: PathBuf,
    pub prefix: Vec<String>,
}

impl CsvSource {
    /// `FILE` or `Label1:Label2=FILE` (for relationships `TYPE=FILE`), as neo4j-admin takes them.
    pub fn parse(spec: &str) -> CsvSource {
        match spec.split_once('=') {
            Some((names, path)) if !names.is_empty() && !Path::new(spec).exists() => CsvSource {
                path: PathBuf::from(path),
                prefix: names.split(':').filter(|n| !n.is_empty()).map(str::to_string).collect(),
            },
            _ => CsvSource { path: PathBuf::from(spec), prefix: Vec::new() },
        }
    }
}

/// How the files are written.
#[derive(Debug, Clone)]
pub struct CsvOptions {
    pub delimiter: u8,
    pub array_delimiter: char,
    pub id_type: IdType,
    /// About how many bytes of a file are parsed at a time, by one thread (tests make
    /// it small, to read a small file in many chunks).
    pub chunk_bytes: usize,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions { delimiter: b',', array_delimiter: ';', id_type: IdType::String, chunk_bytes: CHUNK_BYTES }
    }
}

/// Imports every nodes file, then every relationships file, into `graph`. On error the
/// graph is left exactly as it was.
pub fn import_csv(
    graph: &mut Graph,
    nodes: &[CsvSource],
    rels: &[CsvSource],
    options: &CsvOptions,
    progress: &mut dyn ImportProgress,
) -> Result<BulkStats> {
    import_csv_with_schema(graph, None, nodes, rels, options, progress)
}

/// [`import_csv`] after declaring the types of a schema file, in the same load: the rows
/// are checked against them as they arrive, and a failure undoes the types too.
pub fn import_csv_with_schema(
    graph: &mut Graph,
    schema: Option<&SchemaScript<'_>>,
    nodes: &[CsvSource],
    rels: &[CsvSource],
    options: &CsvOptions,
    progress: &mut dyn ImportProgress,
) -> Result<BulkStats> {
    let sizes = nodes.iter().chain(rels).map(|s| std::fs::metadata(&s.path).map(|m| m.len()).unwrap_or(0));
    let mut builder = graph.bulk_load();
    if let Some(schema) = schema {
        define_types(&mut builder, schema)?;
    }
    progress.start(sizes.sum());
    let mut ids = IdSpaces::default();
    let mut done = 0u64;
    for source in nodes {
        done = FileLoad::open(source, FileKind::Nodes, options, done)?.load(&mut builder, &mut ids, progress)?;
    }
    for (label, key) in std::mem::take(&mut ids.keyed) {
        builder.add_key_index(label, key)?;
    }
    for source in rels {
        done =
            FileLoad::open(source, FileKind::Relationships, options, done)?.load(&mut builder, &mut ids, progress)?;
    }
    drop(ids);
    builder.check_constraints()?;
    let stats = builder.finish();
    progress.finish();
    Ok(stats)
}

/// The columns of a file resolved against the graph: key ids interned once per file.
pub(super) enum Slot {
    Id { key: Option<PropKeyId>, group: String },
    StartId { group: String },
    EndId { group: String },
    Label,
    Type,
    Ignore,
    Property { key: PropKeyId, ty: ScalarType, array: bool },
}

/// The labels or type named on the command line for every row of a file.
pub(super) enum Prefix {
    None,
    Labels(Vec<LabelId>),
    Type(RelTypeId),
}

/// One file being read: its chunks, and how to name it in errors.
pub(super) struct FileLoad<'s> {
    source: &'s CsvSource,
    pub name: String,
    kind: FileKind,
    pub options: &'s CsvOptions,
    chunks: Chunker<File>,
    /// Bytes of this file handed out in chunks so far, and of the files before it.
    read: u64,
    before: u64,
}

impl<'s> FileLoad<'s> {
    fn open(source: &'s CsvSource, kind: FileKind, options: &'s CsvOptions, before: u64) -> Result<FileLoad<'s>> {
        let name = source.path.display().to_string();
        let file = File::open(&source.path).map_err(|e| Error::from(e).in_file(name.clone()))?;
        let chunks = Chunker::with_target(file, options.delimiter, options.chunk_bytes);
        Ok(FileLoad { source, name, kind, options, chunks, read: 0, before })
    }

    pub fn error(&self, code: ErrorCode, line: usize, column: usize, message: String) -> Error {
        located_error(&self.name, code, line, column, message)
    }

    /// The next chunk of the file, counted for the progress bar.
    pub fn next_chunk(&mut self) -> Result<Option<Chunk>> {
        let chunk = self.chunks.next_chunk().map_err(|e| Error::from(e).in_file(self.name.clone()))?;
        if let Some(chunk) = &chunk {
            self.read += chunk.bytes.len() as u64;
        }
        Ok(chunk)
    }

    /// How many chunks of the file have been read.
    pub fn chunks_read(&self) -> usize {
        self.chunks.chunks_read()
    }

    /// Bytes of all files read so far, for the progress bar.
    pub fn done(&self) -> u64 {
        self.before + self.read
    }

    /// Reads the whole file into the builder; returns the bytes read so far in all files.
    fn load(
        mut self,
        builder: &mut GraphBuilder<'_>,
        ids: &mut IdSpaces,
        progress: &mut dyn ImportProgress,
    ) -> Result<u64> {
        let (header_fields, rest) = self.header()?;
        let texts: Vec<(&str, bool)> = header_fields.iter().map(|f| (f.text.as_str(), f.quoted)).collect();
        let header = Header::parse_fields(&texts, self.kind, &self.name)?;
        let slots = self.resolve(builder, &header)?;
        let prefix = self.prefix(builder)?;
        match self.kind {
            FileKind::Nodes => nodes::load_nodes(&mut self, builder, ids, &slots, &prefix, rest, progress)?,
            FileKind::Relationships => rels::load_rels(&mut self, builder, ids, &slots, &prefix, rest, progress)?,
        }
        let done = self.done();
        progress.advance(done);
        Ok(done)
    }

    /// The header record, and the rest of the chunk it was in.
    fn header(&mut self) -> Result<(Vec<Field>, Chunk)> {
        let mut fields = Fields::default();
        while let Some(chunk) = self.next_chunk()? {
            let mut reader = SliceReader::new(&chunk.bytes, self.options.delimiter, chunk.first_line, chunk.file_start);
            if reader.next_record(&mut fields).map_err(|e| record_error(&self.name, e))?.is_some() {
                let rest = Chunk {
                    bytes: chunk.bytes[reader.position()..].to_vec(),
                    first_line: reader.line(),
                    file_start: false,
                    index: chunk.index,
                };
                return Ok((fields.as_slice().to_vec(), rest));
            }
        }
        Err(self.error(ErrorCode::InvalidCsvHeader, 1, 1, "the file is empty: it needs a header row".into()))
    }

    /// What reading a row needs, copied out so that parsing threads can share it.
    pub fn reader_settings(&self) -> ReaderSettings {
        ReaderSettings {
            file: self.name.clone(),
            delimiter: self.options.delimiter,
            array_delimiter: self.options.array_delimiter,
            id_type: self.options.id_type,
        }
    }

    fn resolve(&self, builder: &mut GraphBuilder<'_>, header: &Header) -> Result<Vec<Slot>> {
        let mut slots = Vec::with_capacity(header.columns.len());
        for column in &header.columns {
            slots.push(match column {
                Column::Id { name, group } => {
                    Slot::Id { key: name.as_deref().map(|n| builder.prop_key(n)), group: group.clone() }
                }
                Column::StartId { group } => Slot::StartId { group: group.clone() },
                Column::EndId { group } => Slot::EndId { group: group.clone() },
                Column::Label => Slot::Label,
                Column::Type => Slot::Type,
                Column::Ignore => Slot::Ignore,
                Column::Property { name, ty, array } => {
                    Slot::Property { key: builder.prop_key(name), ty: *ty, array: *array }
                }
            });
        }
        if self.kind == FileKind::Relationships
            && !slots.iter().any(|s| matches!(s, Slot::Type))
            && self.source.prefix.is_empty()
        {
            return Err(self.error(
                ErrorCode::InvalidCsvHeader,
                1,
                1,
                "a relationships file needs a :TYPE column, or a type before its name (--relationships=TYPE=FILE)"
                    .into(),
            ));
        }
        Ok(slots)
    }

    /// The labels or type named on the command line for every row of the file.
    fn prefix(&self, builder: &mut GraphBuilder<'_>) -> Result<Prefix> {
        let located = |e: Error| e.in_file(self.name.clone()).at_location(1, 1);
        Ok(match self.kind {
            FileKind::Nodes => Prefix::Labels(
                self.source.prefix.iter().map(|l| builder.label(l)).collect::<Result<_>>().map_err(located)?,
            ),
            FileKind::Relationships => match self.source.prefix.as_slice() {
                [] => Prefix::None,
                [ty] => Prefix::Type(builder.rel_type(ty).map_err(located)?),
                _ => {
                    return Err(self.error(
                        ErrorCode::InvalidCsvHeader,
                        1,
                        1,
                        format!("a relationships file takes one type, not `{}`", self.source.prefix.join(":")),
                    ))
                }
            },
        })
    }
}

/// Reads one row of a nodes file into the builder, field by field: the reader of
/// record for a row's first error (`nodes.rs` reads a row that stopped a chunk again with it).
pub(super) fn node_row(
    reader: &ReaderSettings,
    builder: &mut GraphBuilder<'_>,
    ids: &mut IdSpaces,
    slots: &[Slot],
    prefix: &Prefix,
    fields: &[Field],
    line: usize,
) -> Result<()> {
    let mut labels: Vec<LabelId> = match prefix {
        Prefix::Labels(labels) => labels.clone(),
        _ => Vec::new(),
    };
    let mut props = Vec::with_capacity(slots.len());
    let mut imported_id = None;
    let mut id_property = None;
    for (i, (slot, field)) in slots.iter().zip(fields).enumerate() {
        let column = i + 1;
        match slot {
            Slot::Id { key, group } => {
                if field.text.is_empty() {
                    return Err(located_error(
                        &reader.file,
                        ErrorCode::MissingId,
                        line,
                        column,
                        "the node has no id".into(),
                    ));
                }
                let id = NewId::parse(&field.text, reader.id_type)
                    .ok_or_else(|| not_an_integer(&reader.file, &field.text, line, column))?;
                if ids.contains(group, &id) {
                    let message = format!("duplicate id `{}`{}: an earlier node has it", field.text, space_name(group));
                    return Err(located_error(&reader.file, ErrorCode::DuplicateId, line, column, message));
                }
                if let Some(key) = key {
                    props.push((*key, id.value()));
                }
                imported_id = Some((group, id));
                id_property = *key;
            }
            Slot::Label => {
                for name in names_in(field, reader.array_delimiter) {
                    let label =
                        builder.label(name).map_err(|e| e.in_file(reader.file.clone()).at_location(line, column))?;
                    labels.push(label);
                }
            }
            Slot::Property { ty, array, key } => {
                let value = parse_cell(field, *ty, *array, reader.array_delimiter)
                    .map_err(|m| located_error(&reader.file, ErrorCode::InvalidCsvValue, line, column, m))?;
                props.extend(value.map(|v| (*key, v)));
            }
            _ => {}
        }
    }
    if let Some(key) = id_property {
        for &label in &labels {
            if !ids.keyed.contains(&(label, key)) {
                ids.keyed.push((label, key));
            }
        }
    }
    let node = builder.add_node(labels, props).map_err(|e| e.in_file(reader.file.clone()).at_location(line, 1))?;
    if let Some((group, id)) = imported_id {
        ids.insert(group, id, node);
    }
    Ok(())
}

pub(super) fn located_error(file: &str, code: ErrorCode, line: usize, column: usize, message: String) -> Error {
    Error::new(code, message).in_file(file).at_location(line, column)
}

/// A malformed record, or a file that could not be read, as an import error.
pub(super) fn record_error(file: &str, err: RecordError) -> Error {
    match err {
        RecordError::Io(e) => Error::from(e).in_file(file),
        RecordError::Malformed { line, column, message } => {
            located_error(file, ErrorCode::InvalidCsvValue, line, column, message)
        }
    }
}

/// A record must have as many fields as the header.
pub(super) fn check_field_count(file: &str, fields: &[Field], slots: &[Slot], line: usize) -> Result<()> {
    if fields.len() == slots.len() {
        return Ok(());
    }
    let column = fields.len().min(slots.len()) + 1;
    let message = format!("expected {} fields as the header says, found {}", slots.len(), fields.len());
    Err(located_error(file, ErrorCode::WrongFieldCount, line, column, message))
}

pub(super) fn not_an_integer(file: &str, text: &str, line: usize, column: usize) -> Error {
    let message = format!("id `{text}` is not an integer (--id-type integer)");
    located_error(file, ErrorCode::InvalidCsvValue, line, column, message)
}

pub(super) fn space_name(group: &str) -> String {
    if group.is_empty() {
        String::new()
    } else {
        format!(" in id space `{group}`")
    }
}

/// The labels in a `:LABEL` field. Unquoted, each is trimmed, as hand-written files
/// expect; quoted, each is taken exactly, so that a name with spaces at its ends (as the
/// CSV export quotes it) reads back as it was.
pub(super) fn names_in(field: &Field, delimiter: char) -> impl Iterator<Item = &str> {
    let exact = field.quoted;
    field.text.split(delimiter).map(move |n| if exact { n } else { n.trim() }).filter(|n| !n.is_empty())
}

//! Bulk import of CSV files in the neo4j-admin layout: all nodes files first, then all
//! relationships files, each streamed one record at a time into a [`GraphBuilder`].
//!
//! Memory holds the graph being built, one map from imported id to node per id space,
//! and the parsed rows of the relationships file being read: those are added in the
//! order of their start nodes, so that the relationships of a node get neighbouring ids
//! and neighbouring rows in their type's property columns. An expansion then reads its
//! relationships' records and properties in order instead of at random (Kuzu's and
//! neo4j-admin's importers group them the same way). Every error names the file, the
//! record's line and the field (1-based), and leaves the graph as it was: the builder
//! undoes the load when dropped.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::cell::parse_cell;
use super::header::{Column, FileKind, Header};
use super::records::{Field, RecordError, RecordReader};
use super::schema::{define_types, SchemaScript};
use super::{IdType, ImportProgress};
use crate::error::{Error, ErrorCode, Result};
use crate::store::{BulkStats, Graph, GraphBuilder, LabelId, NodeId, PropKeyId, RelTypeId};
use crate::value::Value;

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
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions { delimiter: b',', array_delimiter: ';', id_type: IdType::String }
    }
}

/// An imported id, as its id space compares it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum IdKey {
    Int(i64),
    Str(Box<str>),
}

/// Imported id → node, per id space (`:ID(Person)`; the unnamed space is `""`).
#[derive(Default)]
struct IdSpaces {
    spaces: HashMap<String, HashMap<IdKey, NodeId>>,
    /// Each (label, property) an id column was stored under: after the nodes, each
    /// becomes a key with an index, as Kuzu's primary key is (`GraphBuilder::add_key_index`).
    keyed: Vec<(LabelId, PropKeyId)>,
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

/// Counts the bytes read, for the progress bar.
struct Counted<R> {
    inner: R,
    count: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// The columns of a file resolved against the graph: key ids interned once per file.
enum Slot {
    Id { key: Option<PropKeyId>, group: String },
    StartId { group: String },
    EndId { group: String },
    Label,
    Type,
    Ignore,
    Property { key: PropKeyId, ty: super::header::ScalarType, array: bool },
}

struct FileLoad<'s> {
    source: &'s CsvSource,
    name: String,
    kind: FileKind,
    options: &'s CsvOptions,
    reader: RecordReader<BufReader<Counted<File>>>,
    read: std::rc::Rc<std::cell::Cell<u64>>,
    /// Bytes of the files before this one, for the progress bar.
    before: u64,
}

impl<'s> FileLoad<'s> {
    fn open(source: &'s CsvSource, kind: FileKind, options: &'s CsvOptions, before: u64) -> Result<FileLoad<'s>> {
        let name = source.path.display().to_string();
        let file = File::open(&source.path).map_err(|e| Error::from(e).in_file(name.clone()))?;
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = Counted { inner: file, count: read.clone() };
        let reader = RecordReader::new(BufReader::with_capacity(1 << 16, counted), options.delimiter);
        Ok(FileLoad { source, name, kind, options, reader, read, before })
    }

    fn error(&self, code: ErrorCode, line: usize, column: usize, message: String) -> Error {
        Error::new(code, message).in_file(self.name.clone()).at_location(line, column)
    }

    fn next(&mut self, fields: &mut Vec<Field>) -> Result<Option<usize>> {
        self.reader.next_record(fields).map_err(|e| match e {
            RecordError::Io(e) => Error::from(e).in_file(self.name.clone()),
            RecordError::Malformed { line, column, message } => {
                self.error(ErrorCode::InvalidCsvValue, line, column, message)
            }
        })
    }

    /// Reads the whole file into the builder; returns the bytes read so far in all files.
    fn load(
        mut self,
        builder: &mut GraphBuilder<'_>,
        ids: &mut IdSpaces,
        progress: &mut dyn ImportProgress,
    ) -> Result<u64> {
        let mut fields = Vec::new();
        let Some(_) = self.next(&mut fields)? else {
            return Err(self.error(
                ErrorCode::InvalidCsvHeader,
                1,
                1,
                "the file is empty: it needs a header row".into(),
            ));
        };
        let texts: Vec<(&str, bool)> = fields.iter().map(|f| (f.text.as_str(), f.quoted)).collect();
        let header = Header::parse_fields(&texts, self.kind, &self.name)?;
        let slots = self.resolve(builder, &header)?;
        let prefix = self.prefix(builder)?;
        let mut rels = RelBatch::default();
        let mut n_rows = 0u64;
        while let Some(line) = self.next(&mut fields)? {
            if fields.len() != slots.len() {
                let column = fields.len().min(slots.len()) + 1;
                let message = format!("expected {} fields as the header says, found {}", slots.len(), fields.len());
                return Err(self.error(ErrorCode::WrongFieldCount, line, column, message));
            }
            match self.kind {
                FileKind::Nodes => self.node_row(builder, ids, &slots, &prefix, &fields, line)?,
                FileKind::Relationships => {
                    let (ty, ends, props) = self.rel_row(builder, ids, &slots, &prefix, &fields, line)?;
                    rels.push(ty, ends, line, props);
                }
            }
            n_rows += 1;
            if n_rows.is_multiple_of(4096) {
                progress.advance(self.before + self.read.get());
            }
        }
        rels.add_by_start(builder, &self.name)?;
        let done = self.before + self.read.get();
        progress.advance(done);
        Ok(done)
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

    fn id_key(&self, text: &str, line: usize, column: usize) -> Result<IdKey> {
        match self.options.id_type {
            IdType::String => Ok(IdKey::Str(text.into())),
            IdType::Integer => text.trim().parse().map(IdKey::Int).map_err(|_| {
                self.error(
                    ErrorCode::InvalidCsvValue,
                    line,
                    column,
                    format!("id `{text}` is not an integer (--id-type integer)"),
                )
            }),
        }
    }

    fn cell(&self, field: &Field, slot: &Slot, line: usize, column: usize) -> Result<Option<(PropKeyId, Value)>> {
        let Slot::Property { key, ty, array } = slot else {
            return Ok(None);
        };
        parse_cell(field, *ty, *array, self.options.array_delimiter)
            .map(|v| v.map(|v| (*key, v)))
            .map_err(|m| self.error(ErrorCode::InvalidCsvValue, line, column, m))
    }

    fn node_row(
        &self,
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
                        return Err(self.error(ErrorCode::MissingId, line, column, "the node has no id".into()));
                    }
                    let id = self.id_key(&field.text, line, column)?;
                    if ids.spaces.get(group).is_some_and(|space| space.contains_key(&id)) {
                        let message =
                            format!("duplicate id `{}`{}: an earlier node has it", field.text, space_name(group));
                        return Err(self.error(ErrorCode::DuplicateId, line, column, message));
                    }
                    if let Some(key) = key {
                        let value = match &id {
                            IdKey::Int(i) => Value::Int(*i),
                            IdKey::Str(s) => Value::string(&**s),
                        };
                        props.push((*key, value));
                    }
                    imported_id = Some((group, id));
                    id_property = *key;
                }
                Slot::Label => {
                    for name in names_in(field, self.options.array_delimiter) {
                        let label =
                            builder.label(name).map_err(|e| e.in_file(self.name.clone()).at_location(line, column))?;
                        labels.push(label);
                    }
                }
                _ => props.extend(self.cell(field, slot, line, column)?),
            }
        }
        if let Some(key) = id_property {
            for &label in &labels {
                if !ids.keyed.contains(&(label, key)) {
                    ids.keyed.push((label, key));
                }
            }
        }
        let node = builder.add_node(labels, props).map_err(|e| e.in_file(self.name.clone()).at_location(line, 1))?;
        if let Some((group, id)) = imported_id {
            ids.spaces.entry(group.clone()).or_default().insert(id, node);
        }
        Ok(())
    }

    /// Parses a relationship row: its type, its ends and its properties.
    fn rel_row(
        &self,
        builder: &mut GraphBuilder<'_>,
        ids: &IdSpaces,
        slots: &[Slot],
        prefix: &Prefix,
        fields: &[Field],
        line: usize,
    ) -> Result<ParsedRel> {
        let mut ty: Option<RelTypeId> = match prefix {
            Prefix::Type(ty) => Some(*ty),
            _ => None,
        };
        let (mut start, mut end) = (None, None);
        let mut props = Vec::with_capacity(slots.len());
        for (i, (slot, field)) in slots.iter().zip(fields).enumerate() {
            let column = i + 1;
            match slot {
                Slot::StartId { group } => start = Some(self.endpoint(ids, group, field, line, column, "start")?),
                Slot::EndId { group } => end = Some(self.endpoint(ids, group, field, line, column, "end")?),
                Slot::Type if !field.text.trim().is_empty() => {
                    let located = |e: Error| e.in_file(self.name.clone()).at_location(line, column);
                    let name = if field.quoted { field.text.as_str() } else { field.text.trim() };
                    ty = Some(builder.rel_type(name).map_err(located)?);
                }
                _ => props.extend(self.cell(field, slot, line, column)?),
            }
        }
        let (Some(start), Some(end)) = (start, end) else {
            return Err(Error::internal("a relationships header without both ends"));
        };
        let Some(ty) = ty else {
            let column = slots.iter().position(|s| matches!(s, Slot::Type)).map_or(1, |i| i + 1);
            return Err(self.error(ErrorCode::MissingId, line, column, "the relationship has no type".into()));
        };
        Ok((ty, (start, end), props))
    }

    fn endpoint(
        &self,
        ids: &IdSpaces,
        group: &str,
        field: &Field,
        line: usize,
        column: usize,
        which: &str,
    ) -> Result<NodeId> {
        if field.text.is_empty() {
            return Err(self.error(ErrorCode::MissingId, line, column, format!("the relationship has no {which} id")));
        }
        let key = self.id_key(&field.text, line, column)?;
        ids.spaces.get(group).and_then(|space| space.get(&key)).copied().ok_or_else(|| {
            let message = format!("{which} node `{}`{} is not in any nodes file", field.text, space_name(group));
            self.error(ErrorCode::UnknownEndpoint, line, column, message)
        })
    }
}

/// A relationship row as parsed: its type, (start, end), and properties.
type ParsedRel = (RelTypeId, (NodeId, NodeId), Vec<(PropKeyId, Value)>);

/// A relationships file's parsed rows, waiting to be added in start-node order.
#[derive(Default)]
struct RelBatch {
    rels: Vec<PendingRel>,
    /// Every row's properties, one after the other; a row names its own stretch.
    props: Vec<(PropKeyId, Value)>,
}

struct PendingRel {
    ty: RelTypeId,
    start: NodeId,
    end: NodeId,
    line: usize,
    /// Where the row's properties start in `RelBatch::props`, and how many there are.
    props_at: usize,
    props_len: usize,
}

impl RelBatch {
    fn push(&mut self, ty: RelTypeId, (start, end): (NodeId, NodeId), line: usize, props: Vec<(PropKeyId, Value)>) {
        let (props_at, props_len) = (self.props.len(), props.len());
        self.rels.push(PendingRel { ty, start, end, line, props_at, props_len });
        self.props.extend(props);
    }

    /// Adds the rows by start node, ties in file order. A row the schema refuses is
    /// reported with its line; with several such rows, the first in that order.
    fn add_by_start(mut self, builder: &mut GraphBuilder<'_>, file: &str) -> Result<()> {
        // The rows themselves are sorted (stable, so ties keep their file order), and then
        // read in order: reading each through a sorted list of positions instead was a
        // cache miss per field, a quarter of the import's time.
        self.rels.sort_by_key(|rel| rel.start);
        for rel in &self.rels {
            let props = self.props[rel.props_at..rel.props_at + rel.props_len].to_vec();
            builder
                .add_rel(rel.ty, rel.start, rel.end, props)
                .map_err(|e| e.in_file(file.to_string()).at_location(rel.line, 1))?;
        }
        Ok(())
    }
}

enum Prefix {
    None,
    Labels(Vec<LabelId>),
    Type(RelTypeId),
}

fn space_name(group: &str) -> String {
    if group.is_empty() {
        String::new()
    } else {
        format!(" in id space `{group}`")
    }
}

/// The labels in a `:LABEL` field. Unquoted, each is trimmed, as hand-written files
/// expect; quoted, each is taken exactly, so that a name with spaces at its ends (as the
/// CSV export quotes it) reads back as it was.
fn names_in(field: &Field, delimiter: char) -> impl Iterator<Item = &str> {
    let exact = field.quoted;
    field.text.split(delimiter).map(move |n| if exact { n } else { n.trim() }).filter(|n| !n.is_empty())
}

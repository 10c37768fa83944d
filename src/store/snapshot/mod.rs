//! Snapshots: the whole graph (names, schema, data, ids) in one file; and the codec of
//! journal record bodies, which share its value and schema encodings.
//!
//! Layout: 8 magic bytes `STEPPEDB`, a little-endian `u32` format version, a `u64` body
//! length, a `u32` CRC-32 of the body, then the body encoded with bincode 2. Version 3's
//! body is the last journal sequence number (LSN) the snapshot contains, the names and
//! schema, the nodes, and the relationships as columns (`columns.rs`). Versions 2 (LSN,
//! then one record per entity, [`GraphDto`]) and 1 (the records alone, LSN 0) are still read.
//! Version 8 (`layout.rs`) holds the relationships as the store keeps them, and a file
//! of that version is read as a stream rather than whole; version 9 (the one written
//! when a type has many relationships) also keeps such types' incoming arrays.
//! Engine types never derive `Serialize`; this module copies them into DTOs and back,
//! and is the only one that names `bincode`, so the encoding can change here alone.
//! Files are written atomically: a temporary file beside the target, fsync, rename,
//! fsync of the directory.

use std::fs;
use std::path::Path;
use std::sync::Arc;

mod columns;
mod constraints;
mod indexes;
#[cfg(test)]
mod kept_tests;
mod layout;
mod packed;

use serde::{Deserialize, Serialize};

use super::txn::Committed;
use super::{
    Change, EndpointLabels, Graph, LabelId, NodeId, NodeType, PropKeyId, PropertyDef, PropertyMap, PropertyType,
    RelEntry, RelId, RelType, RelTypeId,
};
use crate::error::{Error, ErrorCode, Result};
use crate::value::temporal::Zone;
use crate::value::{Date, DateTime, Duration, LocalDateTime, LocalTime, Time, Value};

pub const MAGIC: &[u8; 8] = b"STEPPEDB";
/// The newest version this steppe writes (a graph without a type of many relationships
/// is written as version 8); it reads this one and every older one.
pub const VERSION: u32 = 9;
/// The first version read as a stream.
const STREAMED_FROM: u32 = 8;
/// Version 6's frame, which tests of the older loads write (`frame`, `to_bytes_v7`).
#[cfg(test)]
const VERSION_WITHOUT_INDEXES: u32 = 6;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;
/// From version 6 the header is followed by the database's [`Identity`], which the
/// checksum covers with the body.
const IDENTITY_LEN: usize = 16 + 8 + 1;

/// Which database a snapshot is, and which of its snapshots: journal records carry the
/// same id and generation (`journal::Stamp`), so a journal is only ever replayed onto
/// the snapshot it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    /// Random, drawn when the database is created.
    pub db_id: [u8; 16],
    /// Counts the database's snapshots: each checkpoint writes the next.
    pub generation: u64,
    /// Whether a writer keeps a journal beside this snapshot, so that a missing journal
    /// is a loss to report, not a database that never had one.
    pub journal_kept: bool,
}

impl Identity {
    /// A new database's identity: a fresh random id, generation 0.
    pub fn fresh(journal_kept: bool) -> Identity {
        Identity { db_id: crate::safe_file::random_bytes::<16>(), generation: 0, journal_kept }
    }

    /// The identity of snapshots that must come out byte for byte the same each time
    /// (the embedded default graph, tests): no id. A writer that opens such a file gives
    /// it a fresh one first.
    pub const ANONYMOUS: Identity = Identity { db_id: [0; 16], generation: 0, journal_kept: false };

    pub fn is_anonymous(&self) -> bool {
        self.db_id == [0; 16]
    }

    /// What the journal records following this snapshot are stamped with.
    pub fn stamp(&self) -> super::journal::Stamp {
        super::journal::Stamp { db_id: self.db_id, generation: self.generation }
    }

    /// The identity of the snapshot a checkpoint writes next.
    pub fn next_generation(&self) -> Identity {
        Identity { generation: self.generation + 1, journal_kept: true, ..*self }
    }

    fn to_bytes(self) -> [u8; IDENTITY_LEN] {
        let mut out = [0u8; IDENTITY_LEN];
        out[..16].copy_from_slice(&self.db_id);
        out[16..24].copy_from_slice(&self.generation.to_le_bytes());
        out[24] = u8::from(self.journal_kept);
        out
    }

    fn from_bytes(bytes: &[u8; IDENTITY_LEN]) -> Result<Identity> {
        let mut db_id = [0u8; 16];
        db_id.copy_from_slice(&bytes[..16]);
        let mut generation = [0u8; 8];
        generation.copy_from_slice(&bytes[16..24]);
        let journal_kept = match bytes[24] {
            0 => false,
            1 => true,
            other => return Err(corrupt(format!("snapshot identity has an unknown journal flag {other}"))),
        };
        Ok(Identity { db_id, generation: u64::from_le_bytes(generation), journal_kept })
    }
}

/// What a snapshot file holds besides the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnapshotMeta {
    /// The last journal record the snapshot contains.
    pub last_lsn: u64,
    /// `None` for snapshots older than version 6.
    pub identity: Option<Identity>,
}

/// The graph as one record per entity: the whole body of a version 1 snapshot. bincode
/// writes a nested struct's fields in line, so `head` reads the same bytes its seven
/// fields did when they stood here.
#[derive(Serialize, Deserialize, Debug)]
struct GraphDto {
    head: GraphHead,
    nodes: Vec<NodeDto>,
    rels: Vec<RelDto>,
}

/// The body of a version 2 snapshot: journal records up to `last_lsn` are in `graph`.
#[derive(Serialize, Deserialize, Debug)]
struct SnapshotV2 {
    last_lsn: u64,
    graph: GraphDto,
}

/// Names, schema and id bounds: what every version's body starts from.
#[derive(Serialize, Deserialize, Debug)]
struct GraphHead {
    labels: Vec<String>,
    rel_types: Vec<String>,
    prop_keys: Vec<String>,
    node_types: Vec<NodeTypeDto>,
    rel_type_decls: Vec<RelTypeDto>,
    node_id_bound: u32,
    rel_id_bound: u32,
}

#[derive(Serialize, Deserialize, Debug)]
struct PropertyDefDto {
    key: u32,
    ty: TypeDto,
    required: bool,
}

#[derive(Serialize, Deserialize, Debug)]
enum TypeDto {
    String,
    Int,
    Float,
    Bool,
    Date,
    Map,
    Any,
    List(Box<TypeDto>),
    // Added after version 1's first types: new variants go last, so older files still read.
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
    Point,
}

#[derive(Serialize, Deserialize, Debug)]
struct NodeTypeDto {
    label: u32,
    properties: Vec<PropertyDefDto>,
    key: Option<u32>,
}

type EndpointDto = Option<Vec<u32>>;

#[derive(Serialize, Deserialize, Debug)]
struct RelTypeDto {
    rel_type: u32,
    /// (from, to); `None` on a side means any label.
    endpoints: Vec<(EndpointDto, EndpointDto)>,
    properties: Vec<PropertyDefDto>,
}

#[derive(Serialize, Deserialize, Debug)]
struct NodeDto {
    id: u32,
    labels: Vec<u32>,
    props: Vec<(u32, ValueDto)>,
}

#[derive(Serialize, Deserialize, Debug)]
struct RelDto {
    id: u32,
    ty: u32,
    start: u32,
    end: u32,
    props: Vec<(u32, ValueDto)>,
}

#[derive(Serialize, Deserialize, Debug)]
enum ValueDto {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<ValueDto>),
    Map(Vec<(String, ValueDto)>),
    Date(i32),
    // Temporal values beyond DATE; new variants go last, so older files still read.
    /// A date outside the `i32` day range (years beyond ±5.8 million).
    WideDate(i64),
    /// Nanoseconds since midnight.
    LocalTime(u64),
    /// Nanoseconds since midnight, offset in seconds.
    Time(u64, i32),
    /// Days since 1970-01-01, nanoseconds since midnight.
    LocalDateTime(i64, u64),
    /// The instant (seconds and nanoseconds since the epoch, UTC) and its zone.
    DateTime {
        epoch_seconds: i64,
        nanos: u32,
        zone: ZoneDto,
    },
    /// Months, days, seconds, nanoseconds.
    Duration(i64, i64, i64, i32),
    /// A spatial point: SRID, x, y and, in 3D, z.
    Point(u32, f64, f64, Option<f64>),
}

#[derive(Serialize, Deserialize, Debug)]
enum ZoneDto {
    Offset(i32),
    Named(String),
}

/// Writes `graph` to `path` atomically, as a new database without a journal.
pub fn save(graph: &Graph, path: &Path) -> Result<()> {
    save_as(graph, path, 0, &Identity::fresh(false))
}

/// Writes `graph` to `path` atomically, as the snapshot `identity` names, holding every
/// journal record up to `last_lsn`.
///
/// The body is streamed to the file section by section (never in memory whole), after
/// room for the header, which is written last, once the body's length and checksum
/// are known.
pub fn save_as(graph: &Graph, path: &Path, last_lsn: u64, identity: &Identity) -> Result<()> {
    let head = head_dto(graph);
    let identity = identity.to_bytes();
    let written = crate::safe_file::write_atomically(path, |w| -> Result<()> {
        use std::io::{Seek, SeekFrom, Write};
        w.write_all(&[0u8; HEADER_LEN])?;
        w.write_all(&identity)?;
        let mut crc = crc32fast::Hasher::new();
        crc.update(&identity);
        let mut body = layout::Summed { inner: &mut *w, len: 0, crc };
        let version = layout::write_body(graph, last_lsn, head, &mut body)?;
        let (len, crc) = (body.len, body.crc.finalize());
        w.seek(SeekFrom::Start(0))?;
        w.write_all(&header_bytes(version, len, crc))?;
        Ok(())
    });
    written
        .map_err(|e| match e.code {
            ErrorCode::FileWrite | ErrorCode::CorruptSnapshot | ErrorCode::Internal => e,
            _ => Error::new(ErrorCode::FileWrite, format!("cannot write snapshot: {}", e.message)),
        })
        .map_err(|e| e.in_file(path.display().to_string()))
}

/// The header of a file of `version` whose body is `len` bytes with checksum `crc`
/// (over the identity and the body).
fn header_bytes(version: u32, len: u64, crc: u32) -> [u8; HEADER_LEN] {
    let mut header = [0u8; HEADER_LEN];
    header[..8].copy_from_slice(MAGIC);
    header[8..12].copy_from_slice(&version.to_le_bytes());
    header[12..20].copy_from_slice(&len.to_le_bytes());
    header[20..24].copy_from_slice(&crc.to_le_bytes());
    header
}

/// Reads a snapshot file.
pub fn load(path: &Path) -> Result<Graph> {
    load_with_lsn(path).map(|(graph, _)| graph)
}

/// Reads a snapshot file and the last journal sequence number it contains.
pub fn load_with_lsn(path: &Path) -> Result<(Graph, u64)> {
    load_with_meta(path).map(|(graph, meta)| (graph, meta.last_lsn))
}

/// Reads a snapshot file, its last journal sequence number and its identity. A version 8
/// file is read as a stream, its arrays straight into the graph's; an older one whole.
pub fn load_with_meta(path: &Path) -> Result<(Graph, SnapshotMeta)> {
    let named = |e: Error| e.in_file(path.display().to_string());
    let mut file = fs::File::open(path).map_err(|e| named(Error::from(e)))?;
    let mut header = [0u8; HEADER_LEN + IDENTITY_LEN];
    let head_len = layout::read_up_to(&mut file, &mut header).map_err(|e| named(Error::from(e)))?;
    let file_len = file.metadata().map_err(|e| named(Error::from(e)))?.len();
    let version = layout::version_of(&header).filter(|&v| head_len == header.len() && v >= STREAMED_FROM);
    if let Some(version @ STREAMED_FROM..=VERSION) = version {
        let (identity, graph, last_lsn) = layout::load_streamed(file, &header, file_len, version).map_err(named)?;
        return Ok((graph, SnapshotMeta { last_lsn, identity: Some(identity) }));
    }
    let mut bytes = header[..head_len].to_vec();
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| named(Error::from(e)))?;
    drop(file);
    let (identity, body) = decode_body(&bytes).map_err(named)?;
    // The file's bytes are not needed while the graph is built from what they held.
    drop(bytes);
    let (graph, last_lsn) = body.into_graph().map_err(named)?;
    Ok((graph, SnapshotMeta { last_lsn, identity }))
}

/// The snapshot of `graph`, header and body, with no identity: the same bytes for the
/// same graph.
pub fn to_bytes(graph: &Graph) -> Result<Vec<u8>> {
    to_bytes_as(graph, 0, &Identity::ANONYMOUS)
}

/// The snapshot of `graph` holding the journal up to `last_lsn`, with no identity.
pub fn to_bytes_at_lsn(graph: &Graph, last_lsn: u64) -> Result<Vec<u8>> {
    to_bytes_as(graph, last_lsn, &Identity::ANONYMOUS)
}

/// The snapshot of `graph` holding the journal up to `last_lsn`: header, identity, body.
pub fn to_bytes_as(graph: &Graph, last_lsn: u64, identity: &Identity) -> Result<Vec<u8>> {
    let (version, body) = layout::encode_body(graph, last_lsn, head_dto(graph))?;
    Ok(frame_as(version, identity, &body))
}

/// The snapshot of `graph` as version 6 (or, with named indexes, 7) wrote it: for tests
/// of the older loads.
#[cfg(test)]
pub(crate) fn to_bytes_v7(graph: &Graph) -> Result<Vec<u8>> {
    let body = columns::SnapshotV4 {
        last_lsn: 0,
        head: head_dto(graph),
        nodes: columns::nodes_dto(graph)?,
        rels: columns::rels_dto(graph)?,
        trailer: constraints::encode_trailer(graph)?,
    }
    .encode()?;
    let (version, body) = match graph.index_defs() {
        [] => (VERSION_WITHOUT_INDEXES, body),
        defs => (7, indexes::encode_v7(&body, defs)?),
    };
    Ok(frame_as(version, &Identity::ANONYMOUS, &body))
}

/// A body framed as a current-version file: header, identity, body.
#[cfg(test)]
fn frame(identity: &Identity, body: &[u8]) -> Vec<u8> {
    frame_as(VERSION_WITHOUT_INDEXES, identity, body)
}

/// A body framed as a file of `version` (6 or later): header, identity, body.
fn frame_as(version: u32, identity: &Identity, body: &[u8]) -> Vec<u8> {
    let identity = identity.to_bytes();
    let mut crc = crc32fast::Hasher::new();
    crc.update(&identity);
    crc.update(body);
    let mut out = Vec::with_capacity(HEADER_LEN + IDENTITY_LEN + body.len());
    out.extend_from_slice(&header_bytes(version, body.len() as u64, crc.finalize()));
    out.extend_from_slice(&identity);
    out.extend_from_slice(body);
    out
}

fn corrupt(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::CorruptSnapshot, message)
}

/// Reads a snapshot from bytes, checking magic, version, length and checksum first.
pub fn from_bytes(bytes: &[u8]) -> Result<Graph> {
    from_bytes_with_lsn(bytes).map(|(graph, _)| graph)
}

/// Reads a snapshot from bytes; also the last journal sequence number it contains.
pub fn from_bytes_with_lsn(bytes: &[u8]) -> Result<(Graph, u64)> {
    decode_body(bytes)?.1.into_graph()
}

/// A decoded body of any version this steppe reads.
enum Body {
    Records(SnapshotV2),
    /// Version 3 to 7: the last journal sequence number, the head, nodes and
    /// relationships, and the named indexes (version 7).
    Columns(u64, GraphHead, columns::Nodes, columns::RelsDto, Vec<indexes::IndexDefDto>),
    /// Version 5 to 7 with the property constraints after its frame.
    WithTrailer(Box<Body>, Vec<u8>),
    /// Version 8, decoded straight into the graph.
    Loaded(Box<Graph>, u64),
}

impl Body {
    /// The graph and the last journal sequence number it holds.
    fn into_graph(self) -> Result<(Graph, u64)> {
        match self {
            Body::WithTrailer(body, trailer) => {
                let (mut graph, last_lsn) = body.into_graph()?;
                constraints::decode_trailer(&mut graph, &trailer)?;
                Ok((graph, last_lsn))
            }
            Body::Records(dto) => Ok((from_dto(dto.graph)?, dto.last_lsn)),
            Body::Loaded(graph, last_lsn) => Ok((*graph, last_lsn)),
            Body::Columns(last_lsn, head, nodes, rels, index_defs) => {
                let (node_bound, rel_bound) = (head.node_id_bound, head.rel_id_bound);
                let n_nodes = match &nodes {
                    columns::Nodes::Records(nodes) => nodes.len(),
                    columns::Nodes::Columns(nodes) => nodes.len(),
                };
                let (mut graph, names) = graph_from_head(head, n_nodes, rels.len())?;
                let index_defs = index_defs
                    .into_iter()
                    .map(|dto| indexes::index_def_from_dto(&names, dto))
                    .collect::<Result<Vec<_>>>()?;
                // The bounds are checked against the body's size, and exact room spares
                // the copies (and up to half the memory) that growing by doubling costs.
                graph.reserve_exact(node_bound);
                columns::load(&mut graph, &names, nodes, rels, (node_bound, rel_bound))?;
                pad_to_bounds(&mut graph, node_bound, rel_bound)?;
                graph.restore_indexes(index_defs).map_err(|e| corrupt(e.message))?;
                Ok((graph, last_lsn))
            }
        }
    }
}

/// A columnar body with its named indexes, and its constraints trailer if it has one.
fn columns_body(s: columns::SnapshotV4, defs: Vec<indexes::IndexDefDto>) -> Body {
    let columns = Body::Columns(s.last_lsn, s.head, columns::Nodes::Columns(s.nodes), s.rels, defs);
    match s.trailer.is_empty() {
        true => columns,
        false => Body::WithTrailer(Box::new(columns), s.trailer),
    }
}

/// Checks the header and checksum, then decodes the identity (from version 6) and the body.
fn decode_body(bytes: &[u8]) -> Result<(Option<Identity>, Body)> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(Error::new(ErrorCode::NotASnapshot, "not a steppe snapshot (wrong magic bytes)"));
    }
    if bytes.len() < HEADER_LEN {
        return Err(corrupt(format!(
            "snapshot truncated: {} bytes, shorter than its {HEADER_LEN}-byte header",
            bytes.len()
        )));
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version == 0 || version > VERSION {
        return Err(Error::new(
            ErrorCode::UnsupportedSnapshotVersion,
            format!("snapshot format version {version} is not supported (this steppe reads versions 1 to {VERSION})"),
        ));
    }
    let mut len_bytes = [0u8; 8];
    len_bytes.copy_from_slice(&bytes[12..20]);
    let body_len = u64::from_le_bytes(len_bytes);
    let crc = u32::from_le_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    let identity_len = if version >= 6 { IDENTITY_LEN } else { 0 };
    let Some(identity_bytes) = bytes.get(HEADER_LEN..HEADER_LEN + identity_len) else {
        return Err(corrupt(format!(
            "snapshot truncated: {} bytes, shorter than its header and identity",
            bytes.len()
        )));
    };
    let body = &bytes[HEADER_LEN + identity_len..];
    if (body.len() as u64) < body_len {
        return Err(corrupt(format!("snapshot truncated: body has {} of {body_len} bytes", body.len())));
    }
    if (body.len() as u64) > body_len {
        return Err(corrupt(format!("snapshot has {} unexpected bytes after its body", body.len() as u64 - body_len)));
    }
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(identity_bytes);
    hasher.update(body);
    if hasher.finalize() != crc {
        return Err(corrupt("snapshot checksum mismatch: the file is corrupted"));
    }
    let identity = match <&[u8; IDENTITY_LEN]>::try_from(identity_bytes) {
        Ok(bytes) => Some(Identity::from_bytes(bytes)?),
        Err(_) => None,
    };
    let decoded = match version {
        1 => decode::<GraphDto>(body).map(|graph| Body::Records(SnapshotV2 { last_lsn: 0, graph })),
        2 => decode::<SnapshotV2>(body).map(Body::Records),
        3 => decode::<columns::SnapshotV3>(body)
            .map(|s| Body::Columns(s.last_lsn, s.head, columns::Nodes::Records(s.nodes), s.rels.into(), Vec::new())),
        4..=6 => columns::SnapshotV4::decode(body).map(|s| columns_body(s, Vec::new())),
        7 => indexes::decode_v7(body)
            .and_then(|(v6, defs)| columns::SnapshotV4::decode(v6).map(|s| columns_body(s, defs))),
        _ => {
            let mut reader = layout::Budgeted { inner: body, left: body.len() as u64, crc: crc32fast::Hasher::new() };
            layout::decode_body(&mut reader, version).map(|(graph, last_lsn)| Body::Loaded(Box::new(graph), last_lsn))
        }
    };
    let body = decoded.map_err(|e| corrupt(format!("snapshot body cannot be decoded: {}", e.message)))?;
    Ok((identity, body))
}

// ---- bincode, in one place.

/// Encodes `value` straight into `out`: the same bytes as [`encode`], without holding them.
fn encode_into<T: Serialize>(value: &T, out: &mut impl std::io::Write) -> Result<()> {
    bincode::serde::encode_into_std_write(value, out, bincode::config::standard())
        .map(|_| ())
        .map_err(|e| Error::internal(format!("cannot encode: {e}")))
}

fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    bincode::serde::encode_to_vec(value, bincode::config::standard())
        .map_err(|e| Error::internal(format!("cannot encode: {e}")))
}

/// Decodes all of `bytes` as a `T`. bincode allocates a string's or list's claimed
/// length before reading it, so the limit grows with the input (every element takes at
/// least one byte): a damaged length can never ask for more memory than a few times
/// the input's size.
fn decode<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T> {
    let (value, read) = decode_prefix(bytes)?;
    if read != bytes.len() {
        return Err(corrupt(format!("{} trailing bytes after the encoded value", bytes.len() - read)));
    }
    Ok(value)
}

/// Decodes a `T` from `reader`, its claimed lengths bounded by what is left of the body.
fn decode_from_read<T: serde::de::DeserializeOwned, R: std::io::Read>(reader: &mut layout::Budgeted<R>) -> Result<T> {
    fn with_limit<T: serde::de::DeserializeOwned, R: std::io::Read, const LIMIT: usize>(
        reader: &mut layout::Budgeted<R>,
    ) -> Result<T> {
        let config = bincode::config::standard().with_limit::<LIMIT>();
        bincode::serde::decode_from_std_read(reader, config).map_err(|e| corrupt(e.to_string()))
    }
    let scaled = reader.left.saturating_mul(64);
    if scaled <= 1 << 20 {
        with_limit::<T, R, { 1 << 20 }>(reader)
    } else if scaled <= 1 << 26 {
        with_limit::<T, R, { 1 << 26 }>(reader)
    } else if scaled <= 1 << 32 {
        with_limit::<T, R, { 1 << 32 }>(reader)
    } else {
        with_limit::<T, R, { 1 << 38 }>(reader)
    }
}

/// Decodes a `T` from the start of `bytes`, and how many bytes it took.
fn decode_prefix<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<(T, usize)> {
    fn with_limit<'de, T: Deserialize<'de>, const LIMIT: usize>(bytes: &'de [u8]) -> Result<(T, usize)> {
        let config = bincode::config::standard().with_limit::<LIMIT>();
        // Borrowing lets a packed array be read straight from `bytes`, without a copy.
        bincode::serde::borrow_decode_from_slice(bytes, config).map_err(|e| corrupt(e.to_string()))
    }
    let scaled = bytes.len().saturating_mul(64);
    let (value, read) = if scaled <= 1 << 20 {
        with_limit::<T, { 1 << 20 }>(bytes)?
    } else if scaled <= 1 << 26 {
        with_limit::<T, { 1 << 26 }>(bytes)?
    } else if scaled <= 1 << 32 {
        with_limit::<T, { 1 << 32 }>(bytes)?
    } else {
        with_limit::<T, { 1 << 38 }>(bytes)?
    };
    Ok((value, read))
}

// ---- Engine types → DTO.

fn head_dto(graph: &Graph) -> GraphHead {
    let catalog = graph.catalog();
    let names = |i: &super::Interner| i.names().iter().map(|n| n.to_string()).collect();
    GraphHead {
        labels: names(&catalog.labels),
        rel_types: names(&catalog.rel_types),
        prop_keys: names(&catalog.prop_keys),
        node_types: graph.schema().node_types().map(node_type_dto).collect(),
        rel_type_decls: graph.schema().rel_types().map(rel_type_dto).collect(),
        node_id_bound: graph.node_id_bound(),
        rel_id_bound: graph.rel_id_bound(),
    }
}

fn value_dto(value: &Value) -> Result<ValueDto> {
    Ok(match value {
        Value::Null => ValueDto::Null,
        Value::Bool(b) => ValueDto::Bool(*b),
        Value::Int(i) => ValueDto::Int(*i),
        Value::Float(f) => ValueDto::Float(*f),
        Value::String(s) => ValueDto::String(s.to_string()),
        Value::List(items) => ValueDto::List(items.iter().map(value_dto).collect::<Result<_>>()?),
        Value::Map(map) => {
            ValueDto::Map(map.iter().map(|(k, v)| Ok((k.to_string(), value_dto(v)?))).collect::<Result<_>>()?)
        }
        Value::Date(d) => match i32::try_from(d.days()) {
            Ok(days) => ValueDto::Date(days),
            Err(_) => ValueDto::WideDate(d.days()),
        },
        Value::LocalTime(t) => ValueDto::LocalTime(t.nanos() as u64),
        Value::Time(t) => ValueDto::Time(t.time.nanos() as u64, t.offset),
        Value::LocalDateTime(t) => ValueDto::LocalDateTime(t.date.days(), t.time.nanos() as u64),
        Value::DateTime(t) => ValueDto::DateTime {
            epoch_seconds: t.epoch_seconds(),
            nanos: t.nanos(),
            zone: match t.zone() {
                Zone::Offset(offset) => ZoneDto::Offset(*offset),
                Zone::Named(named) => ZoneDto::Named(named.name().to_string()),
            },
        },
        Value::Duration(d) => ValueDto::Duration(d.months(), d.days(), d.seconds(), d.nanos()),
        Value::Point(p) => ValueDto::Point(p.crs.srid(), p.x, p.y, p.z),
        Value::Node(_) | Value::Relationship(_) | Value::Path(_) => {
            return Err(Error::internal(format!("a {} cannot be stored as a property", value.type_name())))
        }
    })
}

fn type_dto(ty: &PropertyType) -> TypeDto {
    match ty {
        PropertyType::String => TypeDto::String,
        PropertyType::Int => TypeDto::Int,
        PropertyType::Float => TypeDto::Float,
        PropertyType::Bool => TypeDto::Bool,
        PropertyType::Date => TypeDto::Date,
        PropertyType::LocalTime => TypeDto::LocalTime,
        PropertyType::Time => TypeDto::Time,
        PropertyType::LocalDateTime => TypeDto::LocalDateTime,
        PropertyType::DateTime => TypeDto::DateTime,
        PropertyType::Duration => TypeDto::Duration,
        PropertyType::Point => TypeDto::Point,
        PropertyType::Map => TypeDto::Map,
        PropertyType::Any => TypeDto::Any,
        PropertyType::List(item) => TypeDto::List(Box::new(type_dto(item))),
    }
}

fn property_defs_dto(defs: &[PropertyDef]) -> Vec<PropertyDefDto> {
    defs.iter().map(|d| PropertyDefDto { key: d.key.0, ty: type_dto(&d.ty), required: d.required }).collect()
}

fn node_type_dto(ty: &NodeType) -> NodeTypeDto {
    NodeTypeDto { label: ty.label.0, properties: property_defs_dto(&ty.properties), key: ty.key.map(|k| k.0) }
}

fn rel_type_dto(ty: &RelType) -> RelTypeDto {
    let side = |s: &EndpointLabels| match s {
        EndpointLabels::Any => None,
        EndpointLabels::OneOf(ls) => Some(ls.iter().map(|l| l.0).collect()),
    };
    RelTypeDto {
        rel_type: ty.rel_type.0,
        endpoints: ty.endpoints.iter().map(|(a, b)| (side(a), side(b))).collect(),
        properties: property_defs_dto(&ty.properties),
    }
}

// ---- DTO → engine types, checking every id against the tables it names.

struct Names {
    n_labels: u32,
    n_rel_types: u32,
    n_prop_keys: u32,
}

impl Names {
    fn label(&self, id: u32) -> Result<LabelId> {
        (id < self.n_labels).then_some(LabelId(id)).ok_or_else(|| corrupt(format!("label id {id} out of range")))
    }

    fn rel_type(&self, id: u32) -> Result<RelTypeId> {
        (id < self.n_rel_types)
            .then_some(RelTypeId(id))
            .ok_or_else(|| corrupt(format!("relationship type id {id} out of range")))
    }

    fn prop_key(&self, id: u32) -> Result<PropKeyId> {
        (id < self.n_prop_keys)
            .then_some(PropKeyId(id))
            .ok_or_else(|| corrupt(format!("property key id {id} out of range")))
    }

    fn props(&self, props: Vec<(u32, ValueDto)>) -> Result<Vec<(PropKeyId, Value)>> {
        props.into_iter().map(|(k, v)| Ok((self.prop_key(k)?, value_from_dto(v)?))).collect()
    }
}

/// How many more id slots than entities a snapshot may claim: deleted entities keep
/// their slots, but a bound far beyond what is there is damage, and padding up to it
/// would exhaust memory. Found by the snapshot fuzz target.
const MAX_RETIRED_SLOTS: u64 = 1 << 24;

/// A version 1 or 2 body: one record per entity.
fn from_dto(dto: GraphDto) -> Result<Graph> {
    let (node_bound, rel_bound) = (dto.head.node_id_bound, dto.head.rel_id_bound);
    let (mut graph, names) = graph_from_head(dto.head, dto.nodes.len(), dto.rels.len())?;
    place_nodes(&mut graph, &names, dto.nodes, node_bound)?;
    for rel in dto.rels {
        if rel.id >= rel_bound {
            return Err(corrupt(format!("relationship id {} out of range", rel.id)));
        }
        let entry =
            RelEntry { id: RelId(rel.id), ty: names.rel_type(rel.ty)?, start: NodeId(rel.start), end: NodeId(rel.end) };
        graph.place_rel(entry.id, entry, names.props(rel.props)?)?;
    }
    pad_to_bounds(&mut graph, node_bound, rel_bound)?;
    graph.rebuild_adjacency();
    Ok(graph)
}

/// An empty graph with the names and schema of `head`, after checking its id bounds
/// against how many nodes and relationships the body holds.
fn graph_from_head(head: GraphHead, n_nodes: usize, n_rels: usize) -> Result<(Graph, Names)> {
    for (what, bound, live) in [("node", head.node_id_bound, n_nodes), ("relationship", head.rel_id_bound, n_rels)] {
        if u64::from(bound) > live as u64 + MAX_RETIRED_SLOTS {
            return Err(corrupt(format!("snapshot claims {bound} {what} ids for {live} {what}s: the file is damaged")));
        }
    }
    let mut graph = Graph::new();
    let catalog = graph.catalog_mut();
    for (interner, names) in [
        (&mut catalog.labels, &head.labels),
        (&mut catalog.rel_types, &head.rel_types),
        (&mut catalog.prop_keys, &head.prop_keys),
    ] {
        for name in names {
            let before = interner.len();
            if interner.intern(name) as usize != before {
                return Err(corrupt(format!("name `{name}` appears twice in the snapshot's name table")));
            }
        }
    }
    let names = Names {
        n_labels: head.labels.len() as u32,
        n_rel_types: head.rel_types.len() as u32,
        n_prop_keys: head.prop_keys.len() as u32,
    };
    for ty in head.node_types {
        graph.declare_node_type(node_type_from_dto(&names, ty)?);
    }
    for ty in head.rel_type_decls {
        graph.define_rel_type(rel_type_from_dto(&names, ty)?);
    }
    Ok((graph, names))
}

fn place_nodes(graph: &mut Graph, names: &Names, nodes: Vec<NodeDto>, node_bound: u32) -> Result<()> {
    for node in nodes {
        if node.id == 0 || node.id >= node_bound {
            return Err(corrupt(format!("node id {} out of range", node.id)));
        }
        let labels = node.labels.into_iter().map(|l| names.label(l)).collect::<Result<Vec<_>>>()?;
        graph.place_node(NodeId(node.id), labels, PropertyMap::from_entries(names.props(node.props)?))?;
    }
    Ok(())
}

fn node_type_from_dto(names: &Names, ty: NodeTypeDto) -> Result<NodeType> {
    Ok(NodeType {
        label: names.label(ty.label)?,
        properties: property_defs(names, ty.properties)?,
        key: ty.key.map(|k| names.prop_key(k)).transpose()?,
    })
}

fn rel_type_from_dto(names: &Names, ty: RelTypeDto) -> Result<RelType> {
    let side = |s: Option<Vec<u32>>| -> Result<EndpointLabels> {
        match s {
            None => Ok(EndpointLabels::Any),
            Some(ls) => Ok(EndpointLabels::OneOf(ls.into_iter().map(|l| names.label(l)).collect::<Result<_>>()?)),
        }
    };
    let endpoints = ty.endpoints.into_iter().map(|(a, b)| Ok((side(a)?, side(b)?))).collect::<Result<_>>()?;
    Ok(RelType { rel_type: names.rel_type(ty.rel_type)?, endpoints, properties: property_defs(names, ty.properties)? })
}

/// Retired slots after the last live entity keep their ids from being handed out again.
fn pad_to_bounds(graph: &mut Graph, node_bound: u32, rel_bound: u32) -> Result<()> {
    if graph.node_id_bound() > node_bound.max(1) || graph.rel_id_bound() > rel_bound {
        return Err(corrupt("snapshot ids exceed its recorded bounds"));
    }
    while graph.node_id_bound() < node_bound {
        graph.push_retired_node();
    }
    while graph.rel_id_bound() < rel_bound {
        graph.push_retired_rel();
    }
    Ok(())
}

fn property_defs(names: &Names, defs: Vec<PropertyDefDto>) -> Result<Vec<PropertyDef>> {
    defs.into_iter()
        .map(|d| Ok(PropertyDef { key: names.prop_key(d.key)?, ty: type_from_dto(d.ty), required: d.required }))
        .collect()
}

fn type_from_dto(ty: TypeDto) -> PropertyType {
    match ty {
        TypeDto::String => PropertyType::String,
        TypeDto::Int => PropertyType::Int,
        TypeDto::Float => PropertyType::Float,
        TypeDto::Bool => PropertyType::Bool,
        TypeDto::Date => PropertyType::Date,
        TypeDto::LocalTime => PropertyType::LocalTime,
        TypeDto::Time => PropertyType::Time,
        TypeDto::LocalDateTime => PropertyType::LocalDateTime,
        TypeDto::DateTime => PropertyType::DateTime,
        TypeDto::Duration => PropertyType::Duration,
        TypeDto::Point => PropertyType::Point,
        TypeDto::Map => PropertyType::Map,
        TypeDto::Any => PropertyType::Any,
        TypeDto::List(item) => PropertyType::List(Box::new(type_from_dto(*item))),
    }
}

fn value_from_dto(value: ValueDto) -> Result<Value> {
    Ok(match value {
        ValueDto::Null => Value::Null,
        ValueDto::Bool(b) => Value::Bool(b),
        ValueDto::Int(i) => Value::Int(i),
        ValueDto::Float(f) => Value::Float(f),
        ValueDto::String(s) => Value::string(s),
        ValueDto::List(items) => Value::list(items.into_iter().map(value_from_dto).collect::<Result<_>>()?),
        ValueDto::Map(entries) => {
            Value::map(entries.into_iter().map(|(k, v)| Ok((k.into(), value_from_dto(v)?))).collect::<Result<_>>()?)
        }
        ValueDto::Date(days) => Value::Date(temporal_from_dto(Date::from_days(days as i64))?),
        ValueDto::WideDate(days) => Value::Date(temporal_from_dto(Date::from_days(days))?),
        ValueDto::LocalTime(nanos) => Value::LocalTime(local_time_from_dto(nanos)?),
        ValueDto::Time(nanos, offset) => Value::Time(Time { time: local_time_from_dto(nanos)?, offset }),
        ValueDto::LocalDateTime(days, nanos) => Value::LocalDateTime(LocalDateTime::new(
            temporal_from_dto(Date::from_days(days))?,
            local_time_from_dto(nanos)?,
        )),
        ValueDto::DateTime { epoch_seconds, nanos, zone } => {
            let zone = match zone {
                ZoneDto::Offset(offset) => Zone::Offset(offset),
                ZoneDto::Named(name) => temporal_from_dto(Zone::parse(&name))?,
            };
            Value::DateTime(Arc::new(temporal_from_dto(DateTime::from_instant(epoch_seconds, nanos, zone))?))
        }
        ValueDto::Duration(months, days, seconds, nanos) => Value::Duration(Arc::new(
            Duration::new(months as i128, days as i128, seconds as i128, nanos as i128)
                .map_err(|_| corrupt_temporal())?,
        )),
        ValueDto::Point(srid, x, y, z) => {
            let crs = crate::value::point::Crs::of_srid(i64::from(srid))
                .filter(|c| c.is_3d() == z.is_some())
                .ok_or_else(|| Error::internal(format!("a stored point has the unknown SRID {srid}")))?;
            Value::Point(Arc::new(crate::value::point::Point { crs, x, y, z }))
        }
    })
}

// ---- Journal record bodies: what one statement committed.

/// One change as the journal keeps it: only what a redo needs (no old values).
#[derive(Serialize, Deserialize, Debug)]
enum ChangeDto {
    CreateNode { id: u32, labels: Vec<u32>, props: Vec<(u32, ValueDto)> },
    DeleteNode { id: u32 },
    SetNodeProperty { id: u32, key: u32, new: Option<ValueDto> },
    SetLabels { id: u32, new: Vec<u32> },
    CreateRel { id: u32, ty: u32, start: u32, end: u32, props: Vec<(u32, ValueDto)> },
    DeleteRel { id: u32, ty: u32, start: u32, end: u32 },
    SetRelProperty { id: u32, key: u32, new: Option<ValueDto> },
    DefineNodeType(NodeTypeDto),
    DefineRelType(RelTypeDto),
    CreateConstraint(constraints::ConstraintDto),
    DropConstraint(constraints::ConstraintDto),
    // Added with version 6: new variants go last, so older journals still read.
    CreateIndex(indexes::IndexDefDto),
    DropIndex(indexes::IndexDefDto),
}

#[derive(Serialize, Deserialize, Debug)]
struct RecordDto {
    /// The catalog's sizes before the statement; its new names take ids from there.
    name_bases: [u32; 3],
    labels: Vec<String>,
    rel_types: Vec<String>,
    prop_keys: Vec<String>,
    changes: Vec<ChangeDto>,
}

/// A decoded journal record body, its ids checked against the names it may use.
#[derive(Debug)]
pub struct RecordBody {
    pub name_bases: [usize; 3],
    /// New labels, relationship types and property keys, in id order.
    pub new_names: [Vec<String>; 3],
    /// The changes, with old values left empty: a redo never reads them.
    pub changes: Vec<Change>,
}

/// Encodes what a statement committed as a journal record body.
pub fn encode_record_body(committed: &Committed<'_>) -> Result<Vec<u8>> {
    let names = |i: usize| committed.new_names[i].iter().map(|n| n.to_string()).collect();
    let base = |i: usize| {
        u32::try_from(committed.name_bases[i]).map_err(|_| Error::internal("the catalog outgrew 32-bit ids"))
    };
    let dto = RecordDto {
        name_bases: [base(0)?, base(1)?, base(2)?],
        labels: names(0),
        rel_types: names(1),
        prop_keys: names(2),
        changes: committed.changes.iter().map(change_dto).collect::<Result<_>>()?,
    };
    encode(&dto)
}

/// Decodes a journal record body; an id beyond the names the record may use is an error.
pub fn decode_record_body(bytes: &[u8]) -> Result<RecordBody> {
    let dto: RecordDto = decode(bytes).map_err(|e| Error::new(ErrorCode::CorruptJournal, e.message))?;
    let bound = |base: u32, added: usize| {
        u32::try_from(added).ok().and_then(|a| base.checked_add(a)).ok_or_else(|| corrupt("name ids overflow"))
    };
    let names = Names {
        n_labels: bound(dto.name_bases[0], dto.labels.len())?,
        n_rel_types: bound(dto.name_bases[1], dto.rel_types.len())?,
        n_prop_keys: bound(dto.name_bases[2], dto.prop_keys.len())?,
    };
    let changes = dto.changes.into_iter().map(|c| change_from_dto(&names, c)).collect::<Result<_>>();
    let changes = changes.map_err(|e| Error::new(ErrorCode::CorruptJournal, e.message))?;
    Ok(RecordBody {
        name_bases: dto.name_bases.map(|b| b as usize),
        new_names: [dto.labels, dto.rel_types, dto.prop_keys],
        changes,
    })
}

fn props_dto(props: &[(PropKeyId, Value)]) -> Result<Vec<(u32, ValueDto)>> {
    props.iter().map(|(k, v)| Ok((k.0, value_dto(v)?))).collect()
}

fn change_dto(change: &Change) -> Result<ChangeDto> {
    Ok(match change {
        Change::CreateNode { id, labels, props } => {
            ChangeDto::CreateNode { id: id.0, labels: labels.iter().map(|l| l.0).collect(), props: props_dto(props)? }
        }
        Change::DeleteNode { id, .. } => ChangeDto::DeleteNode { id: id.0 },
        Change::SetNodeProperty { id, key, new, .. } => {
            ChangeDto::SetNodeProperty { id: id.0, key: key.0, new: new.as_ref().map(value_dto).transpose()? }
        }
        Change::SetLabels { id, new, .. } => ChangeDto::SetLabels { id: id.0, new: new.iter().map(|l| l.0).collect() },
        Change::CreateRel { entry, props } => ChangeDto::CreateRel {
            id: entry.id.0,
            ty: entry.ty.0,
            start: entry.start.0,
            end: entry.end.0,
            props: props_dto(props)?,
        },
        Change::DeleteRel { entry, .. } => {
            ChangeDto::DeleteRel { id: entry.id.0, ty: entry.ty.0, start: entry.start.0, end: entry.end.0 }
        }
        Change::SetRelProperty { id, key, new, .. } => {
            ChangeDto::SetRelProperty { id: id.0, key: key.0, new: new.as_ref().map(value_dto).transpose()? }
        }
        Change::DefineNodeType(ty) => ChangeDto::DefineNodeType(node_type_dto(ty)),
        Change::DefineRelType(ty) => ChangeDto::DefineRelType(rel_type_dto(ty)),
        Change::CreateConstraint(c) => ChangeDto::CreateConstraint(constraints::constraint_dto(c)),
        Change::DropConstraint(c) => ChangeDto::DropConstraint(constraints::constraint_dto(c)),
        Change::CreateIndex(def) => ChangeDto::CreateIndex(indexes::index_def_dto(def)),
        Change::DropIndex(def) => ChangeDto::DropIndex(indexes::index_def_dto(def)),
    })
}

fn labels_from_dto(names: &Names, labels: Vec<u32>) -> Result<Vec<LabelId>> {
    labels.into_iter().map(|l| names.label(l)).collect()
}

fn change_from_dto(names: &Names, change: ChangeDto) -> Result<Change> {
    Ok(match change {
        ChangeDto::CreateNode { id, labels, props } => {
            Change::CreateNode { id: NodeId(id), labels: labels_from_dto(names, labels)?, props: names.props(props)? }
        }
        ChangeDto::DeleteNode { id } => Change::DeleteNode { id: NodeId(id), labels: Vec::new(), props: Vec::new() },
        ChangeDto::SetNodeProperty { id, key, new } => Change::SetNodeProperty {
            id: NodeId(id),
            key: names.prop_key(key)?,
            old: None,
            new: new.map(value_from_dto).transpose()?,
        },
        ChangeDto::SetLabels { id, new } => {
            Change::SetLabels { id: NodeId(id), old: Vec::new(), new: labels_from_dto(names, new)? }
        }
        ChangeDto::CreateRel { id, ty, start, end, props } => Change::CreateRel {
            entry: RelEntry { id: RelId(id), ty: names.rel_type(ty)?, start: NodeId(start), end: NodeId(end) },
            props: names.props(props)?,
        },
        ChangeDto::DeleteRel { id, ty, start, end } => Change::DeleteRel {
            entry: RelEntry { id: RelId(id), ty: names.rel_type(ty)?, start: NodeId(start), end: NodeId(end) },
            props: Vec::new(),
        },
        ChangeDto::SetRelProperty { id, key, new } => Change::SetRelProperty {
            id: RelId(id),
            key: names.prop_key(key)?,
            old: None,
            new: new.map(value_from_dto).transpose()?,
        },
        ChangeDto::DefineNodeType(ty) => Change::DefineNodeType(node_type_from_dto(names, ty)?),
        ChangeDto::DefineRelType(ty) => Change::DefineRelType(rel_type_from_dto(names, ty)?),
        ChangeDto::CreateConstraint(c) => Change::CreateConstraint(constraints::constraint_from_dto(names, c)?),
        ChangeDto::DropConstraint(c) => Change::DropConstraint(constraints::constraint_from_dto(names, c)?),
        ChangeDto::CreateIndex(def) => Change::CreateIndex(indexes::index_def_from_dto(names, def)?),
        ChangeDto::DropIndex(def) => Change::DropIndex(indexes::index_def_from_dto(names, def)?),
    })
}

fn corrupt_temporal() -> Error {
    Error::new(ErrorCode::CorruptSnapshot, "the snapshot holds a temporal value out of range")
}

fn temporal_from_dto<T>(value: Option<T>) -> Result<T> {
    value.ok_or_else(corrupt_temporal)
}

fn local_time_from_dto(nanos: u64) -> Result<LocalTime> {
    temporal_from_dto(i64::try_from(nanos).ok().and_then(LocalTime::from_nanos))
}

#[cfg(test)]
mod tests {
    use crate::{Database, Params};

    fn events(db: &mut Database) -> String {
        let res = db.execute("MATCH (e:Event) RETURN properties(e) AS p", &Params::new());
        format!("{:?}", res.map(|r| r.rows))
    }

    #[test]
    fn temporal_properties_and_types_round_trip() {
        let mut db = Database::empty();
        let script = "
            CREATE NODE TYPE Event (name STRING KEY, on DATE, far DATE, at DATETIME, fixed DATETIME,
                                    local LOCALDATETIME, starts TIME, opens LOCALTIME, took DURATION);
            CREATE (:Event {name: 'x', on: date('2022-01-06'), far: date('+999999999-12-31'),
                            at: datetime('2022-01-06T10:00:00.5[Asia/Almaty]'), fixed: datetime('2022-01-06T10:00-03:30'),
                            local: localdatetime('2022-01-06T10:00'), starts: time('10:00+06:00'),
                            opens: localtime('09:00:00.000000001'), took: duration('P1M1DT-2.5S')});
        ";
        db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
        let bytes = super::to_bytes(db.graph()).unwrap_or_else(|e| panic!("{}", e.message));
        let graph = super::from_bytes(&bytes).unwrap_or_else(|e| panic!("{}", e.message));
        let mut loaded = Database::from_graph(graph);
        assert_eq!(events(&mut loaded), events(&mut db));
        assert!(events(&mut db).contains("Asia/Almaty"));
        let schema =
            |db: &mut Database| format!("{:?}", db.execute("CALL db.schema()", &Params::new()).map(|r| r.rows));
        assert!(schema(&mut loaded).contains("took DURATION"));
        assert_eq!(schema(&mut loaded), schema(&mut db));
    }
}

//! Version 8: the relationships as the store keeps them, read from the file as a stream.
//!
//! Versions 3 to 7 hold the relationships as four arrays in id order (id, type, start,
//! end), from which a load builds the adjacency: the arrays, the file's bytes and the
//! arrays being built were all in memory at once, about twice the loaded graph at its
//! peak. Version 8 holds each type's outgoing arrays in their resident form (the runs'
//! offsets, the far node at each position, and the ids only when they are not
//! consecutive: a bulk load makes them so) and its property columns with a row per
//! position. A load reads the file section by section into those arrays and keeps them;
//! only the incoming arrays are built, one counting sort per type, on two threads.
//!
//! The body is a sequence of sections, each bincode but the number arrays, which are a
//! little-endian `u64` count and the numbers' bytes (`put_u32s`, `read_u32s`):
//! [`Head`], the nodes ([`NodesDto`], as in version 4), the number of types, per type a
//! [`TypeHead`] with its columns and then its arrays, and last a [`Tail`] (the
//! constraints' trailer and the named indexes).

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};

use super::columns::{self, ColumnDto, NodesDto};
use super::indexes::{self, IndexDefDto};
use super::{constraints, corrupt, decode_from_read, encode_into, graph_from_head, pad_to_bounds, GraphHead, Names};
use super::{Identity, HEADER_LEN, IDENTITY_LEN, MAGIC};
use crate::error::{Error, Result};
use crate::store::adjacency::{Adjacency, RunsRef, TypeLayout};
use crate::store::properties::PropertyTable;
use crate::store::restore::LiveNodes;
use crate::store::{Graph, NodeId, RelTypeId};

/// The first section: the last journal sequence number the snapshot holds, the names,
/// schema and id bounds, and how many relationships follow.
#[derive(Serialize, Deserialize, Debug)]
struct Head {
    last_lsn: u64,
    head: GraphHead,
    n_rels: u64,
}

/// One type's section before its arrays: which arrays follow, and its property columns
/// (row `i` being position `i`).
#[derive(Serialize, Deserialize, Debug)]
struct TypeHead {
    rel_type: u32,
    /// The first id, when the ids are consecutive (then no id array follows).
    first: Option<u32>,
    /// Whether the runs name their nodes (a node array follows the offsets).
    sparse: bool,
    /// The first node of dense runs.
    base: u32,
    columns: Vec<ColumnDto>,
}

/// Version 9: what comes after a type's outgoing arrays, `None` or its incoming arrays'
/// head followed by the arrays (offsets, nodes when sparse, start nodes, ids unless
/// consecutive).
#[derive(Serialize, Deserialize, Debug)]
struct KeptHead {
    first: Option<u32>,
    sparse: bool,
    base: u32,
}

/// Types with at least this many relationships keep their incoming arrays in a version 9
/// file: building them was most of a load's time at millions of relationships, while
/// below this it takes about a millisecond, and a graph with no such type is written as
/// version 8 (so the built-in graph's snapshot keeps its bytes).
const KEEP_INCOMING_FROM: usize = 1 << 16;

/// The last section.
#[derive(Serialize, Deserialize, Debug)]
struct Tail {
    trailer: Vec<u8>,
    indexes: Vec<IndexDefDto>,
}

/// The version 8 or 9 body of `graph`, and its version.
pub(super) fn encode_body(graph: &Graph, last_lsn: u64, head: GraphHead) -> Result<(u32, Vec<u8>)> {
    encode_body_keeping(graph, last_lsn, head, KEEP_INCOMING_FROM)
}

/// [`encode_body`] with the types of at least `keep_from` relationships keeping their
/// incoming arrays (tests choose it).
pub(super) fn encode_body_keeping(
    graph: &Graph,
    last_lsn: u64,
    head: GraphHead,
    keep_from: usize,
) -> Result<(u32, Vec<u8>)> {
    let mut out = Vec::new();
    let version = write_body_keeping(graph, last_lsn, head, &mut out, keep_from)?;
    Ok((version, out))
}

/// Writes the body of `graph` to `out` section by section, so that a save holds one
/// type's arrays at a time beside the graph, never the whole body; the version written
/// (9 when a type keeps its incoming arrays, else 8).
pub(super) fn write_body(graph: &Graph, last_lsn: u64, head: GraphHead, out: &mut impl Write) -> Result<u32> {
    write_body_keeping(graph, last_lsn, head, out, KEEP_INCOMING_FROM)
}

fn write_body_keeping(
    graph: &Graph,
    last_lsn: u64,
    head: GraphHead,
    out: &mut impl Write,
    keep_from: usize,
) -> Result<u32> {
    let n_types = graph.catalog().rel_types.len() as u32;
    let keeps = |n: usize| n > 0 && n >= keep_from;
    let version = match (0..n_types).any(|ty| keeps(graph.rel_type_count(RelTypeId(ty)))) {
        true => 9,
        false => 8,
    };
    let nodes = columns::nodes_dto(graph)?;
    encode_into(&Head { last_lsn, head, n_rels: graph.rel_count() as u64 }, out)?;
    encode_into(&nodes, out)?;
    drop(nodes);
    encode_into(&n_types, out)?;
    for ty in 0..n_types {
        let ty = RelTypeId(ty);
        let (layout, rows, as_held) = graph.rel_layout(ty);
        let columns = match graph.rel_table(ty) {
            Some(table) => columns::table_columns_dto(table, &rows)?,
            None => Vec::new(),
        };
        drop(rows);
        let type_head = TypeHead {
            rel_type: ty.0,
            first: layout.first,
            sparse: layout.nodes.is_some(),
            base: layout.base,
            columns,
        };
        encode_into(&type_head, out)?;
        drop(type_head);
        put_u32s(out, &layout.offsets, |x| x)?;
        if let Some(nodes) = &layout.nodes {
            put_u32s(out, nodes, |x| x)?;
        }
        put_u32s(out, &layout.others, |x| x)?;
        if layout.first.is_none() {
            put_u32s(out, &layout.ids, |x| x)?;
        }
        match version >= 9 && keeps(layout.others.len()) {
            true => graph.with_rel_incoming(ty, &layout, as_held, |runs| put_kept(out, runs))?,
            false if version >= 9 => encode_into(&None::<KeptHead>, out)?,
            false => {}
        }
    }
    let indexes = graph.index_defs().iter().map(indexes::index_def_dto).collect();
    encode_into(&Tail { trailer: constraints::encode_trailer(graph)?, indexes }, out)?;
    Ok(version)
}

/// Writes a type's incoming arrays after its outgoing ones (version 9).
fn put_kept(out: &mut impl Write, runs: RunsRef<'_>) -> Result<()> {
    encode_into(&Some(KeptHead { first: runs.first, sparse: runs.nodes.is_some(), base: runs.base }), out)?;
    put_u32s(out, runs.offsets, |x| x)?;
    if let Some(nodes) = runs.nodes {
        put_u32s(out, nodes, |x| x)?;
    }
    put_u32s(out, runs.others, |node| node.0)?;
    if runs.first.is_none() {
        put_u32s(out, runs.ids, |id| id.0)?;
    }
    Ok(())
}

/// A writer that counts the bytes it passes on and feeds them to a checksum: a body
/// streamed to a file, whose header (written last) gives its length and checksum.
pub(super) struct Summed<W> {
    pub inner: W,
    pub len: u64,
    pub crc: crc32fast::Hasher,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Reads a version 8 or 9 body of `budget` bytes from `reader`: the graph and the last
/// journal sequence number it holds. Every claimed length is checked against what is
/// left of the budget before anything is allocated for it.
pub(super) fn decode_body(reader: &mut Budgeted<impl Read>, version: u32) -> Result<(Graph, u64)> {
    let Head { last_lsn, head, n_rels } = decode_from_read(reader)?;
    let nodes: NodesDto = decode_from_read(reader)?;
    let (node_bound, rel_bound) = (head.node_id_bound, head.rel_id_bound);
    let n_claimed = usize::try_from(n_rels).map_err(|_| corrupt("the snapshot claims too many relationships"))?;
    let (mut graph, names) = graph_from_head(head, nodes.len(), n_claimed)?;
    graph.reserve_exact(node_bound);
    // The relationships are read while the key index is filled.
    let read = columns::place_node_columns_while(&mut graph, &names, nodes, node_bound, |live| {
        read_types(reader, live, &names, version)
    })?;
    let RelSections { layouts, kept, tables, n_by_type } = read?;
    if n_by_type.iter().map(|&n| u64::from(n)).sum::<u64>() != n_rels {
        return Err(corrupt("the snapshot's relationship count does not match its layouts"));
    }
    let adjacency = Adjacency::from_layouts_keeping(node_bound as usize, rel_bound, layouts, kept)
        .ok_or_else(|| corrupt("the snapshot's relationship layouts do not fit its bounds or each other"))?;
    graph.set_adjacency(adjacency, &n_by_type);
    for (ty, table) in tables.into_iter().enumerate() {
        graph.set_rel_table(RelTypeId(ty as u32), table);
    }
    let Tail { trailer, indexes } = decode_from_read(reader)?;
    if !trailer.is_empty() {
        constraints::decode_trailer(&mut graph, &trailer)?;
    }
    let defs = indexes.into_iter().map(|dto| indexes::index_def_from_dto(&names, dto)).collect::<Result<Vec<_>>>()?;
    pad_to_bounds(&mut graph, node_bound, rel_bound)?;
    graph.restore_indexes(defs).map_err(|e| corrupt(e.message))?;
    Ok((graph, last_lsn))
}

/// Every relationship type's sections, by type.
struct RelSections {
    layouts: Vec<TypeLayout>,
    /// The incoming arrays a version 9 file keeps.
    kept: Vec<Option<TypeLayout>>,
    tables: Vec<PropertyTable>,
    n_by_type: Vec<u32>,
}

/// The number of types and each type's section ([`read_type`]).
fn read_types(
    reader: &mut Budgeted<impl Read>,
    live: &LiveNodes<'_>,
    names: &Names,
    version: u32,
) -> Result<RelSections> {
    let n_types: u32 = decode_from_read(reader)?;
    if n_types != names.n_rel_types {
        return Err(corrupt(format!(
            "the snapshot has {n_types} relationship layouts for {} types",
            names.n_rel_types
        )));
    }
    let n = n_types as usize;
    let mut read = RelSections {
        layouts: Vec::with_capacity(n),
        kept: Vec::with_capacity(n),
        tables: Vec::with_capacity(n),
        n_by_type: Vec::with_capacity(n),
    };
    for ty in 0..n_types {
        let (layout, incoming, table) = read_type(reader, live, names, ty, version)?;
        read.n_by_type.push(layout.others.len() as u32);
        read.layouts.push(layout);
        read.kept.push(incoming);
        read.tables.push(table);
    }
    Ok(read)
}

/// Fills `buf` from `reader` as far as it goes; how many bytes it got.
pub(super) fn read_up_to(reader: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match reader.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// The format version in a header with the right magic bytes.
pub(super) fn version_of(header: &[u8]) -> Option<u32> {
    let version = header.get(8..12)?;
    header.starts_with(MAGIC).then(|| u32::from_le_bytes([version[0], version[1], version[2], version[3]]))
}

/// Reads a version 8 file past its `header` (with the identity) as a stream; the file's
/// length is checked against the header first, and the checksum once all is read (a
/// damaged body that fails to decode first is reported as the checksum's failure).
pub(super) fn load_streamed(
    file: std::fs::File,
    header: &[u8],
    file_len: u64,
    version: u32,
) -> Result<(Identity, Graph, u64)> {
    let mut len_bytes = [0u8; 8];
    len_bytes.copy_from_slice(&header[12..20]);
    let body_len = u64::from_le_bytes(len_bytes);
    let crc = u32::from_le_bytes([header[20], header[21], header[22], header[23]]);
    let body_has = file_len.saturating_sub(header.len() as u64);
    if body_has < body_len {
        return Err(corrupt(format!("snapshot truncated: body has {body_has} of {body_len} bytes")));
    }
    if body_has > body_len {
        return Err(corrupt(format!("snapshot has {} unexpected bytes after its body", body_has - body_len)));
    }
    let identity_bytes = &header[HEADER_LEN..];
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(identity_bytes);
    let reader = std::io::BufReader::with_capacity(PIECE, file);
    let mut reader = Budgeted { inner: reader, left: body_len, crc: hasher };
    let decoded = decode_body(&mut reader, version);
    // What a failed decode left unread still counts towards the checksum.
    let _ = std::io::copy(&mut reader, &mut std::io::sink());
    if reader.crc.finalize() != crc {
        return Err(corrupt("snapshot checksum mismatch: the file is corrupted"));
    }
    let (graph, last_lsn) = decoded.map_err(|e| corrupt(format!("snapshot body cannot be decoded: {}", e.message)))?;
    let identity = match <&[u8; IDENTITY_LEN]>::try_from(identity_bytes) {
        Ok(bytes) => Identity::from_bytes(bytes)?,
        Err(_) => return Err(Error::internal("a snapshot header of the wrong length")),
    };
    Ok((identity, graph, last_lsn))
}

/// Type `ty`'s section: its layout (whose nodes must be live in `graph`), its incoming
/// arrays when the file keeps them (version 9), and its table.
fn read_type(
    reader: &mut Budgeted<impl Read>,
    live: &LiveNodes<'_>,
    names: &Names,
    ty: u32,
    version: u32,
) -> Result<(TypeLayout, Option<TypeLayout>, PropertyTable)> {
    let head: TypeHead = decode_from_read(reader)?;
    if head.rel_type != ty {
        return Err(corrupt(format!("relationship layout {} where {ty} was due", head.rel_type)));
    }
    let offsets = read_u32s(reader)?;
    let nodes = if head.sparse { Some(read_u32s(reader)?) } else { None };
    let others = read_u32s(reader)?;
    let ids = if head.first.is_none() { read_u32s(reader)? } else { Vec::new() };
    let incoming = if version >= 9 { read_kept(reader)? } else { None };
    let live = |n: u32| live.contains(NodeId(n));
    let starts_live = match &nodes {
        Some(nodes) => nodes.iter().all(|&n| live(n)),
        None => offsets.windows(2).enumerate().all(|(i, w)| w[0] == w[1] || live(head.base.wrapping_add(i as u32))),
    };
    if !starts_live || !others.iter().all(|&n| live(n)) {
        return Err(corrupt(format!("a relationship of type {ty} joins a node that does not exist")));
    }
    let n_rows = others.len() as u32;
    names.rel_type(ty)?;
    let columns =
        head.columns.into_iter().map(|c| columns::column_from_dto(names, c, n_rows)).collect::<Result<Vec<_>>>()?;
    let layout = TypeLayout { first: head.first, ids, nodes, base: head.base, offsets, others };
    Ok((layout, incoming, PropertyTable::from_columns(n_rows, columns)))
}

/// A type's incoming arrays, when the file keeps them (version 9); checked against its
/// outgoing ones when the adjacency is put together.
fn read_kept(reader: &mut Budgeted<impl Read>) -> Result<Option<TypeLayout>> {
    let Some(head): Option<KeptHead> = decode_from_read(reader)? else { return Ok(None) };
    let offsets = read_u32s(reader)?;
    let nodes = if head.sparse { Some(read_u32s(reader)?) } else { None };
    let others = read_u32s(reader)?;
    let ids = if head.first.is_none() { read_u32s(reader)? } else { Vec::new() };
    Ok(Some(TypeLayout { first: head.first, ids, nodes, base: head.base, offsets, others }))
}

/// A reader that gives at most `left` more bytes, feeding a checksum with what it gives.
pub(super) struct Budgeted<R> {
    pub inner: R,
    pub left: u64,
    pub crc: crc32fast::Hasher,
}

impl<R: Read> Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let cap = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..cap])?;
        self.crc.update(&buf[..n]);
        self.left -= n as u64;
        Ok(n)
    }
}

/// Writes `values`, each a number as `number` gives it, as a count and their
/// little-endian bytes, a piece at a time.
fn put_u32s<T: Copy>(out: &mut impl Write, values: &[T], number: impl Fn(T) -> u32) -> Result<()> {
    out.write_all(&(values.len() as u64).to_le_bytes())?;
    let mut piece = Vec::with_capacity(values.len().min(1 << 14) * 4);
    for chunk in values.chunks(1 << 14) {
        piece.clear();
        for &x in chunk {
            piece.extend_from_slice(&number(x).to_le_bytes());
        }
        out.write_all(&piece)?;
    }
    Ok(())
}

/// The file's read buffer, and the pieces arrays are read in.
const PIECE: usize = 1 << 20;

/// Reads what [`put_u32s`] wrote into a vector of exactly its length, a piece at a time.
fn read_u32s(reader: &mut Budgeted<impl Read>) -> Result<Vec<u32>> {
    let mut count = [0u8; 8];
    read_exact(reader, &mut count)?;
    let count = u64::from_le_bytes(count);
    if count.saturating_mul(4) > reader.left {
        return Err(corrupt(format!("an array of {count} numbers claims more than the snapshot holds")));
    }
    let mut values = Vec::with_capacity(count as usize);
    // Pieces as large as the file's buffer, so that once it is drained the reads go
    // straight from the file into the piece instead of through the buffer.
    let mut piece = vec![0u8; PIECE.min(count as usize * 4)];
    let mut left = count as usize * 4;
    while left > 0 {
        let bytes = &mut piece[..left.min(PIECE)];
        read_exact(reader, bytes)?;
        values.extend(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
        left -= bytes.len();
    }
    Ok(values)
}

fn read_exact(reader: &mut impl Read, buf: &mut [u8]) -> Result<()> {
    reader.read_exact(buf).map_err(|e| corrupt(format!("snapshot truncated: {e}")))
}

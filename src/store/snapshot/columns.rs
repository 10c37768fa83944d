//! Versions 3 to 5: the relationships (and, from version 4, the nodes) as columns, so
//! that a load is a pass over arrays.
//!
//! Versions 1 and 2 kept one record per relationship with its own property list; loading
//! ten million of them meant ten million small allocations and a slot juggled through
//! petgraph's free list each. Here the relationships are four parallel arrays in id order
//! (id, type, start, end) and each type's properties are its columns, row `i` being the
//! type's `i`-th relationship in id order; integer and float columns stay unboxed on disk
//! as in memory. A load appends the relationships in id order (retired slots fill the
//! gaps), takes the columns over as they are, and builds the adjacency once at the end.
//!
//! Version 4 stores the nodes the same way: their ids in order, each one's label set by
//! number, and one column per property key, row `i` being the `i`-th node. Version 3
//! kept a record per node with its own property list. Version 5 has version 4's frame
//! and writes the cells as narrow as memory holds them (`CellsDto::Ints`, `Decimals`,
//! `Strs`); version 4's 8-byte numbers and string values are narrowed as they load.

use serde::{Deserialize, Serialize};

use super::decode;
#[cfg(test)]
use super::encode;
use super::packed::{Blob, Packed};
use super::{corrupt, place_nodes, value_dto, value_from_dto, GraphHead, Names, NodeDto};
use crate::error::Result;
use crate::store::adjacency::{Adjacency, RelArrays};
use crate::store::index::BitSet;
use crate::store::narrow::{Diffs, MAX_DECIMALS};
use crate::store::properties::{Cells, FloatCells, IntCells, PropertyTable, StrCells};
use crate::store::restore::LiveNodes;
use crate::store::{Graph, NodeId, PropKeyId, RelTypeId};
use crate::value::Value;

#[derive(Serialize, Deserialize, Debug)]
pub(super) struct SnapshotV3 {
    pub last_lsn: u64,
    pub head: GraphHead,
    pub nodes: Vec<NodeDto>,
    pub rels: v3::RelsDto,
}

/// A version 4 or 5 body (the two differ only in the cells they may hold).
#[derive(Debug)]
pub(super) struct SnapshotV4 {
    pub last_lsn: u64,
    pub head: GraphHead,
    pub nodes: NodesDto,
    pub rels: RelsDto,
    /// What a version 5 or 6 body may carry after its frame: the schema's property
    /// constraints (`snapshot/constraints.rs`); empty when there are none, so a graph
    /// without constraints writes the bytes it always did.
    pub trailer: Vec<u8>,
}

/// How a version 4 or 5 body is written: the nodes and the relationships each encoded on
/// their own, as byte strings, so that a load decodes the two on two threads.
#[derive(Serialize, Deserialize)]
struct V4Frame<'a> {
    last_lsn: u64,
    head: GraphHead,
    #[serde(borrow)]
    nodes: Blob<'a>,
    #[serde(borrow)]
    rels: Blob<'a>,
}

impl SnapshotV4 {
    /// Versions 4 to 7 are no longer written, except by tests of their loads.
    #[cfg(test)]
    pub fn encode(self) -> Result<Vec<u8>> {
        let (nodes, rels) = (encode(&self.nodes)?, encode(&self.rels)?);
        let mut out =
            encode(&V4Frame { last_lsn: self.last_lsn, head: self.head, nodes: Blob(&nodes), rels: Blob(&rels) })?;
        out.extend_from_slice(&self.trailer);
        Ok(out)
    }

    /// Decodes the frame, then the nodes here and the relationships on another thread.
    pub fn decode(bytes: &[u8]) -> Result<SnapshotV4> {
        let (frame, read): (V4Frame<'_>, usize) = super::decode_prefix(bytes)?;
        let trailer = bytes.get(read..).unwrap_or_default().to_vec();
        let (nodes, rels) = std::thread::scope(|scope| {
            let rels = scope.spawn(|| decode::<RelsDto>(frame.rels.0));
            let nodes = decode::<NodesDto>(frame.nodes.0);
            let rels = rels.join().unwrap_or_else(|_| decode::<RelsDto>(frame.rels.0));
            (nodes, rels)
        });
        Ok(SnapshotV4 { last_lsn: frame.last_lsn, head: frame.head, nodes: nodes?, rels: rels?, trailer })
    }
}

/// Every live node, in id order, with its label set's number and its properties by column.
#[derive(Serialize, Deserialize, Debug, Default)]
pub(super) struct NodesDto {
    ids: Packed<u32>,
    label_sets: Vec<Vec<u32>>,
    /// Each node's label set, as an index into `label_sets`.
    label_set_of: Packed<u32>,
    columns: Vec<ColumnDto>,
}

impl NodesDto {
    pub fn len(&self) -> usize {
        self.ids.0.len()
    }
}

/// A snapshot's nodes: one record each (version 3) or columns (versions 4 and 5).
pub(super) enum Nodes {
    Records(Vec<NodeDto>),
    Columns(NodesDto),
}

/// The nodes of `graph` as columns.
pub(super) fn nodes_dto(graph: &Graph) -> Result<NodesDto> {
    let mut dto = NodesDto::default();
    let mut set_numbers = std::collections::HashMap::new();
    for id in graph.node_ids() {
        let labels = graph.node_labels(id);
        let next = set_numbers.len() as u32;
        let number = *set_numbers.entry(labels).or_insert(next);
        if number == next {
            dto.label_sets.push(labels.iter().map(|l| l.0).collect());
        }
        dto.ids.push(id.0);
        dto.label_set_of.push(number);
    }
    for (key, present, cells) in graph.node_columns() {
        if dto.ids.iter().any(|&r| present.contains(r)) {
            dto.columns.push(column_dto(key, present, cells, &dto.ids)?);
        }
    }
    Ok(dto)
}

/// Every live relationship, in id order, as parallel arrays.
#[derive(Serialize, Deserialize, Debug, Default)]
pub(super) struct RelsDto {
    ids: Packed<u32>,
    types: Packed<u32>,
    starts: Packed<u32>,
    ends: Packed<u32>,
    tables: Vec<TableDto>,
}

#[derive(Serialize, Deserialize, Debug)]
struct TableDto {
    rel_type: u32,
    columns: Vec<ColumnDto>,
}

#[derive(Serialize, Deserialize, Debug)]
pub(super) struct ColumnDto {
    key: u32,
    /// Bit `i` says whether row `i` holds a value.
    present: Packed<u64>,
    cells: CellsDto,
}

#[derive(Serialize, Deserialize, Debug)]
enum CellsDto {
    /// Version 4's integers, 8 bytes each.
    Int(Packed<i64>),
    /// Floats no short decimal holds (and every float column of version 4).
    Float(Packed<f64>),
    Any(Vec<super::ValueDto>),
    /// From version 5: integers as narrow as in memory (`narrow.rs`).
    Ints(IntsDto),
    /// From version 5: decimals as narrow integers with their number of places.
    Decimals {
        places: u8,
        units: IntsDto,
    },
    /// From version 5: strings as one text and where each row's ends (an empty row for none).
    Strs {
        text: String,
        ends: Packed<u32>,
    },
}

/// An [`IntCells`] column: its base and its differences, in their width.
#[derive(Serialize, Deserialize, Debug)]
struct IntsDto {
    base: i64,
    diffs: DiffsDto,
}

#[derive(Serialize, Deserialize, Debug)]
enum DiffsDto {
    Byte(Packed<i8>),
    Short(Packed<i16>),
    Int(Packed<i32>),
    Wide(Packed<i64>),
}

impl IntsDto {
    fn from_cells(cells: IntCells) -> IntsDto {
        let (base, diffs) = cells.into_parts();
        let diffs = match diffs {
            Diffs::Byte(v) => DiffsDto::Byte(Packed(v)),
            Diffs::Short(v) => DiffsDto::Short(Packed(v)),
            Diffs::Int(v) => DiffsDto::Int(Packed(v)),
            Diffs::Wide(v) => DiffsDto::Wide(Packed(v)),
        };
        IntsDto { base, diffs }
    }

    fn into_cells(self) -> IntCells {
        let diffs = match self.diffs {
            DiffsDto::Byte(v) => Diffs::Byte(v.0),
            DiffsDto::Short(v) => Diffs::Short(v.0),
            DiffsDto::Int(v) => Diffs::Int(v.0),
            DiffsDto::Wide(v) => Diffs::Wide(v.0),
        };
        IntCells::from_parts(self.base, diffs)
    }

    fn len(&self) -> usize {
        match &self.diffs {
            DiffsDto::Byte(v) => v.len(),
            DiffsDto::Short(v) => v.len(),
            DiffsDto::Int(v) => v.len(),
            DiffsDto::Wide(v) => v.len(),
        }
    }
}

/// Integer cells, written as narrow as the rows `counts` says hold a value need.
fn ints_dto(values: &[i64], counts: impl Fn(usize) -> bool) -> CellsDto {
    CellsDto::Ints(IntsDto::from_cells(IntCells::from_values_where(values, counts)))
}

/// String cells, as [`StrCells::gather`] gave them.
fn strs_dto((text, ends): (String, Vec<u32>)) -> CellsDto {
    CellsDto::Strs { text, ends: Packed(ends) }
}

/// Float cells, as decimals when the rows `counts` says hold a value are short decimals.
fn floats_dto(values: Vec<f64>, counts: impl Fn(usize) -> bool) -> CellsDto {
    match FloatCells::from_values_where(&values, counts) {
        FloatCells::Decimal { places, units } => CellsDto::Decimals { places, units: IntsDto::from_cells(units) },
        FloatCells::Plain(_) => CellsDto::Float(Packed(values)),
    }
}

/// Version 3's relationships: the same arrays, each number written on its own.
pub(super) mod v3 {
    use serde::{Deserialize, Serialize};

    use super::Packed;

    #[derive(Serialize, Deserialize, Debug, Default)]
    pub struct RelsDto {
        ids: Vec<u32>,
        types: Vec<u32>,
        starts: Vec<u32>,
        ends: Vec<u32>,
        tables: Vec<TableDto>,
    }

    #[derive(Serialize, Deserialize, Debug)]
    struct TableDto {
        rel_type: u32,
        columns: Vec<ColumnDto>,
    }

    #[derive(Serialize, Deserialize, Debug)]
    struct ColumnDto {
        key: u32,
        present: Vec<u64>,
        cells: CellsDto,
    }

    #[derive(Serialize, Deserialize, Debug)]
    enum CellsDto {
        Int(Vec<i64>),
        Float(Vec<f64>),
        Any(Vec<super::super::ValueDto>),
    }

    impl From<RelsDto> for super::RelsDto {
        fn from(dto: RelsDto) -> super::RelsDto {
            let column = |c: ColumnDto| super::ColumnDto {
                key: c.key,
                present: Packed(c.present),
                cells: match c.cells {
                    CellsDto::Int(v) => super::CellsDto::Int(Packed(v)),
                    CellsDto::Float(v) => super::CellsDto::Float(Packed(v)),
                    CellsDto::Any(v) => super::CellsDto::Any(v),
                },
            };
            let table = |t: TableDto| super::TableDto {
                rel_type: t.rel_type,
                columns: t.columns.into_iter().map(column).collect(),
            };
            super::RelsDto {
                ids: Packed(dto.ids),
                types: Packed(dto.types),
                starts: Packed(dto.starts),
                ends: Packed(dto.ends),
                tables: dto.tables.into_iter().map(table).collect(),
            }
        }
    }
}

impl RelsDto {
    pub fn len(&self) -> usize {
        self.ids.0.len()
    }
}

/// The relationships of `graph` as columns.
#[cfg(test)]
pub(super) fn rels_dto(graph: &Graph) -> Result<RelsDto> {
    let mut dto = RelsDto::default();
    // Each type's rows in the order its relationships' ids come.
    let n_types = graph.catalog().rel_types.len();
    let mut rows_by_type: Vec<Vec<u32>> = vec![Vec::new(); n_types];
    for id in graph.rel_ids() {
        let (Some(entry), Some(row)) = (graph.rel(id), graph.rel_row(id)) else { continue };
        dto.ids.push(id.0);
        dto.types.push(entry.ty.0);
        dto.starts.push(entry.start.0);
        dto.ends.push(entry.end.0);
        if let Some(rows) = rows_by_type.get_mut(entry.ty.0 as usize) {
            rows.push(row);
        }
    }
    // Only what the live relationships hold: a failed statement may have left an empty
    // column, or a table for a type name it created and was then undone.
    for (ty, rows) in rows_by_type.iter().enumerate() {
        let Some(table) = graph.rel_table(RelTypeId(ty as u32)) else { continue };
        let mut columns = Vec::new();
        for (key, present, cells) in table.columns() {
            if rows.iter().any(|&r| present.contains(r)) {
                columns.push(column_dto(key, present, cells, rows)?);
            }
        }
        if !columns.is_empty() {
            dto.tables.push(TableDto { rel_type: ty as u32, columns });
        }
    }
    Ok(dto)
}

/// The columns of `table` holding a value at one of `rows`, gathered at `rows`.
pub(super) fn table_columns_dto(table: &PropertyTable, rows: &[u32]) -> Result<Vec<ColumnDto>> {
    let mut columns = Vec::new();
    for (key, present, cells) in table.columns() {
        if rows.iter().any(|&r| present.contains(r)) {
            columns.push(column_dto(key, present, cells, rows)?);
        }
    }
    Ok(columns)
}

/// One column, gathered at `rows`.
fn column_dto(key: PropKeyId, present: &BitSet, cells: &Cells, rows: &[u32]) -> Result<ColumnDto> {
    let mut words = vec![0u64; rows.len().div_ceil(64)];
    for (i, &row) in rows.iter().enumerate() {
        if present.contains(row) {
            words[i / 64] |= 1 << (i % 64);
        }
    }
    let at = |row: u32| row as usize;
    // The width and places are worked out again from the rows that hold a value, and an
    // empty cell is written as the base, so the file depends on the data, not on what
    // the column held before.
    let holds = |r: u32| present.contains(r);
    let counts = |i: usize| holds(rows[i]);
    let cells = match cells {
        Cells::Int(v) => ints_dto(&v.gather(rows, holds), counts),
        Cells::Float(v) => floats_dto(v.gather(rows, holds), counts),
        Cells::Str(v) => strs_dto(v.gather(rows.iter().copied(), holds)),
        Cells::Any(v) => {
            let value = |r: u32| v.get(at(r)).filter(|_| present.contains(r));
            // A column widened by a value since removed (or undone) is written as the
            // narrow column it is again.
            if rows.iter().all(|&r| matches!(value(r), None | Some(Value::Int(_)))) {
                let ints: Vec<i64> =
                    rows.iter().map(|&r| if let Some(Value::Int(i)) = value(r) { *i } else { 0 }).collect();
                ints_dto(&ints, counts)
            } else if rows.iter().all(|&r| matches!(value(r), None | Some(Value::Float(_)))) {
                let floats = rows.iter().map(|&r| if let Some(Value::Float(f)) = value(r) { *f } else { 0.0 });
                floats_dto(floats.collect(), counts)
            } else if let Some(strings) = StrCells::from_values(rows.iter().map(|&r| value(r))) {
                strs_dto(strings.gather(0..rows.len() as u32, |_| true))
            } else {
                CellsDto::Any(
                    rows.iter()
                        .map(|&r| value(r).map_or(Ok(super::ValueDto::Null), value_dto))
                        .collect::<Result<_>>()?,
                )
            }
        }
    };
    Ok(ColumnDto { key: key.0, present: Packed(words), cells })
}

/// Puts the nodes and then the relationships of a version 3 body into `graph` (which
/// holds its names and schema), checking every id and name against what the snapshot
/// declares. The adjacency is built from the relationship arrays on other threads
/// meanwhile: it needs nothing else.
pub(super) fn load(graph: &mut Graph, names: &Names, nodes: Nodes, dto: RelsDto, bounds: (u32, u32)) -> Result<()> {
    let (node_bound, rel_bound) = bounds;
    let n = dto.ids.len();
    if dto.types.len() != n || dto.starts.len() != n || dto.ends.len() != n {
        return Err(corrupt("the snapshot's relationship arrays differ in length"));
    }
    let arrays = RelArrays { ids: &dto.ids, types: &dto.types, starts: &dto.starts, ends: &dto.ends };
    let n_types = names.n_rel_types as usize;
    let (placed, built) = std::thread::scope(|scope| {
        let built = scope.spawn(|| Adjacency::build(node_bound as usize, n_types, rel_bound, &arrays));
        let placed = match nodes {
            Nodes::Records(nodes) => place_nodes(graph, names, nodes, node_bound),
            Nodes::Columns(nodes) => place_node_columns_while(graph, names, nodes, node_bound, |_| ()),
        };
        let placed = placed.and_then(|()| check_rels(graph, names, &arrays, rel_bound));
        (placed, built.join())
    });
    let rows_by_type = placed?;
    // The arrays checked out, so the adjacency holds exactly them: it records them.
    let ranks = match built {
        Ok((adjacency, ranks)) => {
            graph.set_adjacency(adjacency, &rows_by_type);
            ranks
        }
        Err(_) => return Err(crate::error::Error::internal("building the adjacency failed")),
    };
    drop(dto.ids);
    drop(dto.types);
    drop(dto.starts);
    drop(dto.ends);
    // Every type's table counts its rows, even one whose relationships hold no property,
    // so that the next relationship of that type takes a fresh row.
    for (ty, &n_rows) in rows_by_type.iter().enumerate() {
        graph.set_rel_table(RelTypeId(ty as u32), PropertyTable::from_columns(n_rows, Vec::new()));
    }
    let mut seen = vec![false; names.n_rel_types as usize];
    for table in dto.tables {
        let ty = names.rel_type(table.rel_type)?;
        if std::mem::replace(&mut seen[ty.0 as usize], true) {
            return Err(corrupt(format!("relationship type {} has two property tables", ty.0)));
        }
        let n_rows = rows_by_type[ty.0 as usize];
        let columns = table.columns.into_iter().map(|c| column_from_dto(names, c, n_rows)).collect::<Result<_>>()?;
        let mut table = PropertyTable::from_columns(n_rows, columns);
        // The file's rows come in id order; a type whose ids are not in the arrays' order
        // has its rows moved to the positions.
        if let Some(ranks) = ranks.get(ty.0 as usize).and_then(Option::as_ref) {
            let in_id_order: Vec<u32> = (0..n_rows).collect();
            table.move_rows_to_positions(&in_id_order, Some(ranks));
        }
        graph.set_rel_table(ty, table);
    }
    Ok(())
}

/// Puts the nodes of a version 4 or later body into `graph`: first the property columns,
/// moved from node order to id order (a node's row is its id), then each node with its
/// labels, which enters it into the label and key indexes; the key index is filled on
/// another thread while `meanwhile` runs ([`Graph::add_live_nodes_while`]).
pub(super) fn place_node_columns_while<R>(
    graph: &mut Graph,
    names: &Names,
    nodes: NodesDto,
    node_bound: u32,
    meanwhile: impl FnOnce(&LiveNodes<'_>) -> R,
) -> Result<R> {
    let n = nodes.ids.len();
    if nodes.label_set_of.len() != n {
        return Err(corrupt("the snapshot's node arrays differ in length"));
    }
    if let Some(pair) = nodes.ids.windows(2).find(|w| w[0] >= w[1]) {
        return Err(corrupt(format!("node id {} out of order", pair[1])));
    }
    if let Some(&id) = nodes.ids.iter().find(|&&id| id == 0 || id >= node_bound) {
        return Err(corrupt(format!("node id {id} out of range")));
    }
    let label_sets = nodes
        .label_sets
        .into_iter()
        .map(|set| set.into_iter().map(|l| names.label(l)).collect::<Result<Vec<_>>>())
        .collect::<Result<Vec<_>>>()?;
    graph.set_node_table(node_table(names, nodes.columns, &nodes.ids, node_bound)?);
    graph.add_live_nodes_while(&nodes.ids, &nodes.label_set_of, &label_sets, meanwhile)
}

/// The node property table from a snapshot's columns, whose row `i` is node `ids[i]`.
fn node_table(names: &Names, columns: Vec<ColumnDto>, ids: &[u32], node_bound: u32) -> Result<PropertyTable> {
    let mut by_id = Vec::with_capacity(columns.len());
    let mut seen_keys = std::collections::HashSet::new();
    for column in columns {
        let (key, present, cells) = column_from_dto(names, column, ids.len() as u32)?;
        if !seen_keys.insert(key) {
            return Err(corrupt(format!("property key {} has two node columns", key.0)));
        }
        let (present, cells) = scatter(&present, cells, ids, node_bound);
        by_id.push((key, present, cells));
    }
    Ok(PropertyTable::from_columns(node_bound, by_id))
}

/// A column whose row `i` is `rows[i]`'s cell, as a column of `bound` rows.
fn scatter(present: &BitSet, cells: Cells, rows: &[u32], bound: u32) -> (BitSet, Cells) {
    /// `cells[i]` moved to row `rows[i]`, the other rows `empty`.
    fn spread<T: Clone>(cells: Vec<T>, rows: &[u32], bound: u32, empty: T) -> Vec<T> {
        let mut out = vec![empty; bound as usize];
        for (cell, &row) in cells.into_iter().zip(rows) {
            out[row as usize] = cell;
        }
        out
    }
    let mut words = vec![0u64; (bound as usize).div_ceil(64)];
    for (i, &row) in rows.iter().enumerate() {
        if present.contains(i as u32) {
            words[row as usize / 64] |= 1 << (row % 64);
        }
    }
    let cells = match cells {
        Cells::Int(v) => Cells::Int(v.scatter(rows, bound)),
        Cells::Float(v) => Cells::Float(v.scatter(rows, bound)),
        Cells::Str(v) => Cells::Str(v.scatter(rows, bound)),
        Cells::Any(v) => Cells::Any(spread(v, rows, bound, Value::Null)),
    };
    (BitSet::from_words(words), cells)
}

/// Checks the relationship arrays (ids ascending below the bound, known types, live
/// ends); each type's count.
fn check_rels(graph: &Graph, names: &Names, rels: &RelArrays<'_>, rel_bound: u32) -> Result<Vec<u32>> {
    let mut n_by_type = vec![0u32; names.n_rel_types as usize];
    let mut next = 0u32;
    for i in 0..rels.ids.len() {
        let (id, ty) = (rels.ids[i], names.rel_type(rels.types[i])?);
        if id >= rel_bound || id < next {
            return Err(corrupt(format!("relationship id {id} out of range or out of order")));
        }
        if !graph.contains_node(NodeId(rels.starts[i])) || !graph.contains_node(NodeId(rels.ends[i])) {
            return Err(corrupt(format!("relationship {id} joins a node that does not exist")));
        }
        n_by_type[ty.0 as usize] += 1;
        next = id + 1;
    }
    Ok(n_by_type)
}

pub(super) fn column_from_dto(names: &Names, column: ColumnDto, n_rows: u32) -> Result<(PropKeyId, BitSet, Cells)> {
    let key = names.prop_key(column.key)?;
    let len = match &column.cells {
        CellsDto::Int(v) => v.len(),
        CellsDto::Float(v) => v.len(),
        CellsDto::Any(v) => v.len(),
        CellsDto::Ints(v) | CellsDto::Decimals { units: v, .. } => v.len(),
        CellsDto::Strs { ends, .. } => ends.len(),
    };
    if len > n_rows as usize || column.present.len() > (n_rows as usize).div_ceil(64) {
        return Err(corrupt(format!("a property column of {len} cells for {n_rows} rows")));
    }
    let present = BitSet::from_words(column.present.0);
    let cells = match column.cells {
        CellsDto::Int(v) => Cells::Int(IntCells::from_values(&v.0)),
        CellsDto::Float(v) => Cells::Float(FloatCells::from_values(&v.0)),
        CellsDto::Any(v) => Cells::from_values(v.into_iter().map(value_from_dto).collect::<Result<_>>()?, &present),
        CellsDto::Strs { text, ends } => match StrCells::from_ends(text, &ends) {
            Some(strings) => Cells::Str(strings),
            None => return Err(corrupt("a string column whose ends do not fit its text")),
        },
        CellsDto::Ints(v) => Cells::Int(v.into_cells()),
        CellsDto::Decimals { places, units } if places <= MAX_DECIMALS => {
            Cells::Float(FloatCells::Decimal { places, units: units.into_cells() })
        }
        CellsDto::Decimals { places, .. } => return Err(corrupt(format!("a decimal column with {places} places"))),
    };
    Ok((key, present, cells))
}

#[cfg(test)]
mod tests {
    use super::super::{frame, from_bytes, Identity, HEADER_LEN, IDENTITY_LEN};
    use super::*;
    use crate::{Database, ErrorCode, Params};

    /// A small graph's snapshot body, changed by `damage`, framed again with a correct
    /// header and checksum: what the load itself must refuse, past the checksum.
    fn damaged(damage: impl FnOnce(&mut SnapshotV4)) -> Vec<u8> {
        let mut db = Database::empty();
        let script = "CREATE NODE TYPE P (id INT KEY, w FLOAT);
                      CREATE RELATIONSHIP TYPE R (P -> P, y INT);
                      CREATE (:P {id: 1, w: 0.5})-[:R {y: 2}]->(:P {id: 2}), (:P {id: 3});";
        db.execute_script(script, &Params::new()).unwrap_or_else(|e| panic!("{}", e.message));
        let bytes = super::super::to_bytes_v7(db.graph()).unwrap_or_else(|e| panic!("{}", e.message));
        let mut body =
            SnapshotV4::decode(&bytes[HEADER_LEN + IDENTITY_LEN..]).unwrap_or_else(|e| panic!("{}", e.message));
        damage(&mut body);
        frame(&Identity::ANONYMOUS, &body.encode().unwrap_or_default())
    }

    fn refused(bytes: &[u8]) -> String {
        match from_bytes(bytes) {
            Ok(_) => panic!("a damaged snapshot loaded"),
            Err(e) => {
                assert_eq!(e.code, ErrorCode::CorruptSnapshot, "{}", e.message);
                e.message
            }
        }
    }

    #[test]
    fn the_undamaged_body_loads() {
        assert!(from_bytes(&damaged(|_| {})).is_ok());
    }

    #[test]
    fn damaged_node_columns_are_refused_with_what_is_wrong() {
        assert!(refused(&damaged(|s| s.nodes.label_set_of[0] = 7)).contains("no label set 7"));
        assert!(refused(&damaged(|s| s.nodes.label_set_of.push(0))).contains("differ in length"));
        assert!(refused(&damaged(|s| s.nodes.ids.swap(0, 1))).contains("out of order"));
        assert!(refused(&damaged(|s| s.nodes.ids[2] = 99)).contains("out of range"));
        assert!(refused(&damaged(|s| s.nodes.columns[0].present.push(u64::MAX))).contains("property column"));
        let duplicate = |s: &mut SnapshotV4| {
            let key = s.nodes.columns[0].key;
            s.nodes.columns[1].key = key;
        };
        assert!(refused(&damaged(duplicate)).contains("two node columns"));
    }

    #[test]
    fn damaged_relationship_arrays_are_refused() {
        assert!(refused(&damaged(|s| s.rels.ends[0] = 3_000)).contains("does not exist"));
        assert!(refused(&damaged(|s| s.rels.types.push(0))).contains("differ in length"));
    }
}

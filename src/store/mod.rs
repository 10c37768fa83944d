//! The property graph: records, adjacency, properties, names, schema and indexes.
//!
//! Input: writes through a [`Txn`]; reads through `&Graph`. Output: nodes, relationships
//! and values. This is the only module that names `petgraph` (which sees the stored
//! graph through `view.rs`).
//!
//! # Ids
//! A node's id is its slot in `Graph::nodes`; the store hands ids out itself, in order.
//! A relationship the adjacency's arrays hold (everything there was at their last build:
//! a load, a bulk import, a compaction) is recorded there, its id naming its type and its
//! position in that type's outgoing arrays (`adjacency.rs`, the locator); one written
//! since has a record in `Graph::rel_records`, at its id less the arrays' id bound.
//! Committed ids are never reused: a deleted entity's slot stays as a *retired* record
//! (a relationship in the arrays becomes a tombstone until the next compaction, after
//! which its id is a hole). Slot 0 of the nodes is an anchor, never live, so node ids
//! start at 1 as they always have. Only the slot of an entity created by a statement
//! that then failed is given back, and only when it is the last one (undo runs newest
//! first, so it always is): the next entity takes it, as a fresh graph would, and nobody
//! ever saw it. A redo (journal replay, snapshot load) places an entity at an explicit id
//! by taking over its retired slot.

mod adjacency;
mod bulk;
mod bulk_rels;
mod catalog;
mod chunk_numbers;
mod column_fold;
mod column_top;
pub use column_top::best_numbers;
mod constraints;
mod degree_tally;
pub mod durable;
mod filter;
mod index;
mod indexing;
pub mod journal;
mod label_set_counts;
mod label_sets;
mod lock;
mod memory;
mod narrow;
mod number_block;
mod presence_count;
mod properties;
mod property_constraints;
pub mod range_index;
mod rel_scan;
mod restore;
mod schema;
pub mod snapshot;
mod stale_provenance;
mod stats;
mod string_read;
mod txn;
pub mod view;

use std::fmt;

pub use bulk::{BulkStats, GraphBuilder};
pub use catalog::{Catalog, Interner};
pub use chunk_numbers::NumberKind;
pub use column_fold::NumberFold;
pub use filter::{holds_value, CmpOp, Compare, PropertyTest, TestOp};
pub use label_set_counts::{LabelSetCount, NO_LABEL_SET};
pub use memory::HeapBreakdown;
pub use number_block::NumberBlock;
pub use properties::{Number, PropertyMap};
pub use property_constraints::{
    create_statement as constraint_create_statement, type_constraint_text, Constraint, ConstraintKind, ConstraintScope,
};
pub use rel_scan::{RelChunk, RelScanCursor, ScannedRels};
pub use schema::{node_type_ddl, rel_type_ddl, EndpointLabels, NodeType, PropertyDef, PropertyType, RelType, Schema};
pub use stats::{DegreeKey, DegreeStats, GraphStats, NodeStats, PropertyStats, RelStats};
pub use txn::{Change, Committed, Savepoint, Stats, Txn, TxnLog};

pub use adjacency::TypeReader;
use adjacency::{Adjacency, RelArrays};
use index::{KeyIndex, LabelIndex};
use label_sets::{LabelSetId, LabelSets};
use properties::PropertyTable;
use range_index::{IndexTarget, Indexes};

use crate::value::Value;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(/// A node's id: stable for the life of the graph, never reused.
    NodeId);
id_type!(/// A relationship's id: stable for the life of the graph, never reused.
    RelId);
id_type!(/// An interned label name.
    LabelId);
id_type!(/// An interned relationship type name.
    RelTypeId);
id_type!(/// An interned property key.
    PropKeyId);

/// Which relationships of a node to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Outgoing,
    Incoming,
    Both,
}

/// One relationship: its id, type and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelEntry {
    pub id: RelId,
    pub ty: RelTypeId,
    pub start: NodeId,
    pub end: NodeId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlotState {
    Live,
    Retired,
    /// Slot 0: holds the retired relationship placeholders.
    Anchor,
}

/// A node slot's record: 8 bytes, its labels named by set and its properties in
/// `Graph::node_props` at the row of its id.
#[derive(Debug, Clone, Copy)]
struct NodeRecord {
    state: SlotState,
    labels: LabelSetId,
}

impl NodeRecord {
    fn retired(state: SlotState) -> NodeRecord {
        NodeRecord { state, labels: LabelSetId::EMPTY }
    }
}

/// A relationship slot's record: its type, its row in that type's table, its ends.
#[derive(Debug, Clone, Copy)]
struct RelRecord {
    ty: RelTypeId,
    row: u32,
    start: NodeId,
    end: NodeId,
}

impl RelRecord {
    const RETIRED: RelRecord =
        RelRecord { ty: RelTypeId(u32::MAX), row: u32::MAX, start: NodeId(u32::MAX), end: NodeId(u32::MAX) };

    fn is_retired(self) -> bool {
        self.ty.0 == u32::MAX
    }
}

/// A property graph with an optional schema.
#[derive(Debug, Clone)]
pub struct Graph {
    /// Each node slot's record, by id (slot 0 the anchor).
    nodes: Vec<NodeRecord>,
    /// The record of each relationship written since the adjacency's arrays were built
    /// (their id bound is where this starts), by id (`RelRecord::RETIRED` for a retired
    /// slot). Those in the arrays need none: the arrays record them.
    rel_records: Vec<RelRecord>,
    /// The retired slot a redo is taking over (`place_rel`): the next relationship goes
    /// there instead of at the end, so a redo runs the same `insert_rel` as a write.
    taking_over: Option<RelId>,
    /// What reads follow: a CSR per type and direction, with a delta of writes; see `adjacency.rs`.
    adjacency: Adjacency,
    /// A bulk load is running: writes leave the adjacency alone, and it is rebuilt once
    /// the load ends (finished or undone) instead of growing a delta entry per relationship.
    adjacency_deferred: bool,
    catalog: Catalog,
    schema: Schema,
    /// The labels of each node, as numbered sets.
    label_sets: LabelSets,
    /// Every node's properties, the row being the node's id.
    node_props: PropertyTable,
    /// Each relationship type's properties, the row being in the relationship's record.
    rel_tables: Vec<PropertyTable>,
    label_index: LabelIndex,
    key_index: KeyIndex,
    /// The indexes a user names: range indexes and imported keys (`range_index.rs`).
    indexes: Indexes,
    n_nodes: usize,
    n_rels: usize,
    n_rels_by_type: Vec<usize>,
    /// Writes to the data so far, and the planner's statistics taken at some count of
    /// them (`stats.rs`): recomputed once enough writes made them stale.
    changes: u64,
    stats_cache: stats::StatsCache,
}

impl Default for Graph {
    fn default() -> Graph {
        Graph::new()
    }
}

impl Graph {
    /// An empty, open graph.
    pub fn new() -> Graph {
        Graph {
            nodes: vec![NodeRecord::retired(SlotState::Anchor)],
            adjacency: Adjacency::default(),
            adjacency_deferred: false,
            rel_records: Vec::new(),
            taking_over: None,
            catalog: Catalog::default(),
            schema: Schema::default(),
            label_sets: LabelSets::default(),
            node_props: PropertyTable::default(),
            rel_tables: Vec::new(),
            label_index: LabelIndex::default(),
            key_index: KeyIndex::default(),
            indexes: Indexes::default(),
            n_nodes: 0,
            n_rels: 0,
            n_rels_by_type: Vec::new(),
            changes: 0,
            stats_cache: stats::StatsCache::default(),
        }
    }

    /// A graph with this one's names and schema but no data: for checking scripts.
    pub fn schema_only(&self) -> Graph {
        let mut graph = Graph::new();
        graph.catalog = self.catalog.clone();
        for ty in self.schema.node_types() {
            graph.declare_node_type(ty.clone());
        }
        for ty in self.schema.rel_types() {
            graph.schema.insert_rel_type(ty.clone());
        }
        // With no entities, filling them cannot fail.
        let _ = graph.restore_indexes(self.indexes.defs().to_vec());
        graph
    }

    /// Checks every node and relationship against the schema; the first violation.
    pub fn validate(&self) -> crate::Result<()> {
        for node in self.node_ids() {
            constraints::check_node(self, node)?;
        }
        for rel in self.rel_ids() {
            constraints::check_rel(self, rel)?;
        }
        Ok(())
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    pub fn node_count(&self) -> usize {
        self.n_nodes
    }

    pub fn rel_count(&self) -> usize {
        self.n_rels
    }

    /// One more than the highest node id ever allocated.
    pub fn node_id_bound(&self) -> u32 {
        self.nodes.len() as u32
    }

    /// One more than the highest relationship id ever allocated.
    pub fn rel_id_bound(&self) -> u32 {
        self.adjacency.id_bound() + self.rel_records.len() as u32
    }

    /// Where to cut a scan of `label`'s nodes (every node's, for `None`) into `parts`
    /// ranges of ids holding about as many nodes each, for threads scanning one range each:
    /// the first id of each range but the first, ascending.
    pub fn node_cuts(&self, label: Option<LabelId>, parts: usize) -> Vec<u32> {
        match label {
            Some(label) => self.label_index.cuts(label, parts),
            None => {
                let bound = self.nodes.len();
                (1..parts).filter_map(|i| u32::try_from(i * bound / parts).ok()).collect()
            }
        }
    }

    pub fn label_count(&self, label: LabelId) -> usize {
        self.label_index.count(label)
    }

    pub fn rel_type_count(&self, ty: RelTypeId) -> usize {
        self.n_rels_by_type.get(ty.0 as usize).copied().unwrap_or(0)
    }

    fn node_record(&self, id: NodeId) -> Option<&NodeRecord> {
        self.nodes.get(id.0 as usize).filter(|r| r.state == SlotState::Live)
    }

    /// The relationship's type alone: found from its id, without its ends, which
    /// [`Graph::rel`] reads too (`type(r)` in a fold program, per relationship).
    #[inline]
    pub fn rel_type_of(&self, id: RelId) -> Option<RelTypeId> {
        self.rel_slot(id).map(|(ty, _)| ty)
    }

    /// The relationship's type, row, and ends.
    fn rel_record(&self, id: RelId) -> Option<RelRecord> {
        match id.0.checked_sub(self.adjacency.id_bound()) {
            Some(i) => self.rel_records.get(i as usize).copied().filter(|r| !r.is_retired()),
            None => {
                let (entry, row) = self.adjacency.entry(id)?;
                Some(RelRecord { ty: entry.ty, row, start: entry.start, end: entry.end })
            }
        }
    }

    /// The relationship's type and its row in that type's table, without its ends.
    #[inline]
    fn rel_slot(&self, id: RelId) -> Option<(RelTypeId, u32)> {
        match id.0.checked_sub(self.adjacency.id_bound()) {
            Some(i) => self.rel_records.get(i as usize).filter(|r| !r.is_retired()).map(|r| (r.ty, r.row)),
            None => self.adjacency.locate(id),
        }
    }

    pub fn contains_node(&self, id: NodeId) -> bool {
        self.node_record(id).is_some()
    }

    pub fn contains_rel(&self, id: RelId) -> bool {
        self.rel_slot(id).is_some()
    }

    /// Every live node, in id order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes.iter().enumerate().filter(|(_, r)| r.state == SlotState::Live).map(|(i, _)| NodeId(i as u32))
    }

    /// Every live relationship, in id order.
    pub fn rel_ids(&self) -> impl Iterator<Item = RelId> + '_ {
        (0..self.rel_id_bound()).map(RelId).filter(|&id| self.contains_rel(id))
    }

    /// The live nodes carrying `label`, in id order.
    pub fn nodes_with_label(&self, label: LabelId) -> impl Iterator<Item = NodeId> + '_ {
        self.label_index.nodes(label)
    }

    /// [`Graph::nodes_with_label`] as a vector, read off the label's bitset a word at a time.
    pub fn nodes_with_label_vec(&self, label: LabelId) -> Vec<NodeId> {
        self.label_index.node_vec(label)
    }

    pub fn node_labels(&self, id: NodeId) -> &[LabelId] {
        self.node_record(id).map_or(&[], |r| self.label_sets.get(r.labels))
    }

    /// Answered by the label index: one bit in a bitset a few hundred kilobytes long
    /// even for a million nodes, where the node's own record would be a cache miss.
    #[inline]
    pub fn node_has_label(&self, id: NodeId, label: LabelId) -> bool {
        self.label_index.contains(label, id)
    }

    /// A deleted node's row is cleared, so this needs no look at the node's record: a
    /// read is the column's presence bit and its cell.
    pub fn node_property(&self, id: NodeId, key: PropKeyId) -> Option<Value> {
        self.node_props.get(id.0, key)
    }

    /// The node's properties, by key.
    pub fn node_properties(&self, id: NodeId) -> Vec<(PropKeyId, Value)> {
        let mut props = self.node_props.row(id.0);
        props.sort_by_key(|&(k, _)| k);
        props
    }

    pub fn rel(&self, id: RelId) -> Option<RelEntry> {
        let record = self.rel_record(id)?;
        Some(RelEntry { id, ty: record.ty, start: record.start, end: record.end })
    }

    /// The node's property when it is a number, without building a `Value`; `None` when
    /// it has none or one of another type.
    #[inline]
    pub fn node_number(&self, id: NodeId, key: PropKeyId) -> Option<Number> {
        self.node_props.number(id.0, key)
    }

    /// The relationship's property when it is a number; as [`Graph::node_number`].
    #[inline]
    pub fn rel_number(&self, id: RelId, key: PropKeyId) -> Option<Number> {
        let (ty, row) = self.rel_slot(id)?;
        self.rel_tables.get(ty.0 as usize)?.number(row, key)
    }

    /// Reads `key`'s number for each of `rels`, so that the cells are in the cache when a
    /// fold reads them one by one next: a short loop of independent reads, which the
    /// processor overlaps, where the fold's long step between two reads lets it wait for
    /// each miss in turn (the reads are the prefetch: the crate has no unsafe code).
    /// Returns how many held a number, only so that the reads are kept.
    pub fn touch_rel_numbers(&self, rels: &[RelEntry], key: PropKeyId) -> usize {
        let held = rels
            .iter()
            .filter(|rel| {
                let Some((ty, row)) = self.rel_slot(rel.id) else { return false };
                self.rel_tables.get(ty.0 as usize).is_some_and(|table| table.number(row, key).is_some())
            })
            .count();
        std::hint::black_box(held)
    }

    pub fn rel_property(&self, id: RelId, key: PropKeyId) -> Option<Value> {
        let (ty, row) = self.rel_slot(id)?;
        self.rel_tables.get(ty.0 as usize)?.get(row, key)
    }

    pub fn rel_properties(&self, id: RelId) -> Vec<(PropKeyId, Value)> {
        match self.rel_slot(id) {
            Some((ty, row)) => self.rel_tables.get(ty.0 as usize).map(|t| t.row(row)).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// The relationships at `node` in `direction`. With [`Direction::Both`] a self-loop
    /// comes once.
    pub fn rels_of(&self, node: NodeId, direction: Direction) -> impl Iterator<Item = RelEntry> + '_ {
        self.rels_of_types(node, direction, None)
    }

    /// The relationships at `node` in `direction` whose type is one of `types` (any type
    /// for `None`), each type's in id order. With [`Direction::Both`] a self-loop comes once.
    pub fn rels_of_types<'a>(
        &'a self,
        node: NodeId,
        direction: Direction,
        types: Option<&'a [RelTypeId]>,
    ) -> impl Iterator<Item = RelEntry> + 'a {
        // A retired node keeps no relationships, so the adjacency has none for it.
        self.adjacency.rels(node, direction, types)
    }

    /// One type's relationships in one direction read straight from the adjacency's
    /// arrays, when nothing has changed since they were built (see `Adjacency::type_reader`).
    pub fn type_reader(&self, direction: Direction, ty: RelTypeId) -> Option<TypeReader<'_>> {
        self.adjacency.type_reader(direction, ty)
    }

    /// The number of relationships at `node` in `direction`.
    pub fn degree(&self, node: NodeId, direction: Direction) -> usize {
        self.adjacency.degree(node, direction, None)
    }

    /// The number of relationships at `node` in `direction` whose type is one of `types`
    /// (any type for `None`), without materialising them.
    pub fn degree_of_types(&self, node: NodeId, direction: Direction, types: Option<&[RelTypeId]>) -> usize {
        self.adjacency.degree(node, direction, types)
    }

    /// Rebuilds the adjacency arrays when enough has changed since they were built. The
    /// store calls it between statements, never inside one.
    fn maintain(&mut self) {
        if self.adjacency.needs_rebuild() {
            self.rebuild_adjacency();
        }
    }

    /// Builds the adjacency arrays from every live relationship (a compaction): the
    /// records written since the last build move into them, tombstones are dropped, and
    /// each type's property rows are reordered to its relationships' new positions.
    fn rebuild_adjacency(&mut self) {
        let n = self.n_rels;
        let bound = self.rel_id_bound();
        let n_types = self.catalog.rel_types.len().max(self.rel_tables.len());
        let (mut ids, mut types, mut starts, mut ends) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        // Each type's rows, in the order of its relationships' ids.
        let mut rows_by_type: Vec<Vec<u32>> = vec![Vec::new(); n_types];
        for id in 0..bound {
            let Some(record) = self.rel_record(RelId(id)) else { continue };
            ids.push(id);
            types.push(record.ty.0);
            starts.push(record.start.0);
            ends.push(record.end.0);
            rows_by_type[record.ty.0 as usize].push(record.row);
        }
        // The arrays hold them all now: the records go first, which lowers the peak.
        self.rel_records = Vec::new();
        self.taking_over = None;
        let rels = RelArrays { ids: &ids, types: &types, starts: &starts, ends: &ends };
        let (adjacency, ranks) = Adjacency::build(self.nodes.len(), n_types, bound, &rels);
        self.adjacency = adjacency;
        drop((ids, types, starts, ends));
        for (ty, rows) in rows_by_type.into_iter().enumerate() {
            let ranks = ranks.get(ty).and_then(Option::as_ref);
            let Some(table) = self.rel_tables.get_mut(ty) else { continue };
            table.move_rows_to_positions(&rows, ranks);
        }
    }

    /// The node of type `label` whose key property `key` equals `value`, through the key index.
    pub fn node_by_key(&self, label: LabelId, key: PropKeyId, value: &Value) -> Option<NodeId> {
        self.key_index.get(label, key, value, &self.node_props).filter(|&n| self.contains_node(n))
    }

    /// Whether `(label, key)` is a declared key, answered by the key index.
    pub fn is_key(&self, label: LabelId, key: PropKeyId) -> bool {
        self.key_index.is_indexed(label, key)
    }

    // ---- Primitive writes. Only `txn.rs` (with undo) and redo paths call these; they
    // ---- keep the indexes in step and check nothing.

    fn insert_node(&mut self, labels: Vec<LabelId>, props: PropertyMap) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(NodeRecord::retired(SlotState::Retired));
        self.revive_node(id, labels, props);
        id
    }

    /// Puts a live node at `id`, padding with retired slots up to it (redo paths).
    fn place_node(&mut self, id: NodeId, labels: Vec<LabelId>, props: PropertyMap) -> crate::Result<()> {
        while self.node_id_bound() <= id.0 {
            self.nodes.push(NodeRecord::retired(SlotState::Retired));
        }
        match self.nodes.get(id.0 as usize) {
            Some(r) if r.state == SlotState::Retired => {
                self.revive_node(id, labels, props);
                Ok(())
            }
            _ => Err(crate::Error::new(crate::ErrorCode::CorruptSnapshot, format!("node id {id} is already taken"))),
        }
    }

    fn revive_node(&mut self, id: NodeId, labels: Vec<LabelId>, props: PropertyMap) {
        self.changed();
        let Some(slot) = self.nodes.get_mut(id.0 as usize) else { return };
        *slot = NodeRecord { state: SlotState::Live, labels: self.label_sets.intern(&labels) };
        self.n_nodes += 1;
        for (key, value) in props.into_entries() {
            self.node_props.set(id.0, key, Some(value));
        }
        self.index_node(id, &labels);
    }

    /// Enters a live node into the label index, and into the key index of each of
    /// `labels` whose key it holds.
    fn index_node(&mut self, id: NodeId, labels: &[LabelId]) {
        for &label in labels {
            self.label_index.insert(label, id);
        }
        for (label, key) in self.declared_keys(labels) {
            self.key_index.insert(label, key, id, &self.node_props);
        }
        self.file_node_ranges(id, labels, None);
    }

    /// Takes a node out of the indexes of `labels`.
    fn unindex_node(&mut self, id: NodeId, labels: &[LabelId]) {
        self.unfile_node_ranges(id, labels, None);
        for (label, key) in self.declared_keys(labels) {
            if let Some(value) = self.node_props.get(id.0, key) {
                self.key_index.remove(label, key, &value, id);
            }
        }
        for &label in labels {
            self.label_index.remove(label, id);
        }
    }

    /// Retires a node that has no relationships left; returns what it held.
    fn retire_node(&mut self, id: NodeId) -> Option<(Vec<LabelId>, PropertyMap)> {
        self.changed();
        let record = *self.node_record(id)?;
        let labels = self.label_sets.get(record.labels).to_vec();
        self.unindex_node(id, &labels);
        let slot = self.nodes.get_mut(id.0 as usize)?;
        *slot = NodeRecord::retired(SlotState::Retired);
        self.n_nodes -= 1;
        let props = PropertyMap::from_entries(self.node_props.take_row(id.0));
        Some((labels, props))
    }

    /// Undoes the creation of a node by a statement that failed: its slot is given back
    /// when it is the last one, else kept retired.
    fn unmake_node(&mut self, id: NodeId) {
        if self.retire_node(id).is_some() && id.0 as usize + 1 == self.nodes.len() {
            self.nodes.pop();
        }
    }

    fn set_node_property_raw(&mut self, id: NodeId, key: PropKeyId, value: Option<Value>) -> Option<Value> {
        self.changed();
        let labels: Vec<LabelId> = self.node_labels(id).to_vec();
        let keyed: Vec<LabelId> = labels.into_iter().filter(|&l| self.key_index.is_indexed(l, key)).collect();
        self.node_record(id)?;
        let ranged: Vec<LabelId> = match self.indexes.is_empty() {
            true => Vec::new(),
            false => {
                self.node_labels(id).iter().copied().filter(|&l| self.range_reads(IndexTarget::Node(l), key)).collect()
            }
        };
        self.unfile_node_ranges(id, &ranged, Some(key));
        let old = self.node_props.set(id.0, key, value);
        self.file_node_ranges(id, &ranged, Some(key));
        // The key index files a node under the value its column holds: out under the old
        // value, in under the new one now in the column.
        for label in keyed {
            if let Some(old) = &old {
                self.key_index.remove(label, key, old, id);
            }
            self.key_index.insert(label, key, id, &self.node_props);
        }
        old
    }

    fn set_node_labels_raw(&mut self, id: NodeId, labels: Vec<LabelId>) -> Option<Vec<LabelId>> {
        self.changed();
        let record = *self.node_record(id)?;
        let old = self.label_sets.get(record.labels).to_vec();
        self.unindex_node(id, &old);
        let labels_id = self.label_sets.intern(&labels);
        if let Some(slot) = self.nodes.get_mut(id.0 as usize) {
            slot.labels = labels_id;
        }
        self.index_node(id, &labels);
        Some(old)
    }

    fn ensure_rel_table(&mut self, ty: RelTypeId) -> &mut PropertyTable {
        let i = ty.0 as usize;
        if self.rel_tables.len() <= i {
            self.rel_tables.resize_with(i + 1, PropertyTable::default);
            self.n_rels_by_type.resize(i + 1, 0);
        }
        &mut self.rel_tables[i]
    }

    pub(super) fn insert_rel(
        &mut self,
        ty: RelTypeId,
        start: NodeId,
        end: NodeId,
        props: Vec<(PropKeyId, Value)>,
    ) -> RelId {
        let row = self.ensure_rel_table(ty).push_row(props);
        self.insert_rel_at_row(ty, row, start, end)
    }

    /// [`Graph::insert_rel`] for a relationship whose properties are already at `row` of
    /// its type's table.
    fn insert_rel_at_row(&mut self, ty: RelTypeId, row: u32, start: NodeId, end: NodeId) -> RelId {
        self.ensure_rel_table(ty);
        let id = self.add_edge(RelRecord { ty, row, start, end });
        if !self.adjacency_deferred {
            self.adjacency.insert((id, ty, start, end));
        }
        self.file_rel_ranges(id, None);
        self.n_rels += 1;
        self.n_rels_by_type[ty.0 as usize] += 1;
        id
    }

    /// Whether a range index on relationships files them by id.
    fn rels_range_indexed(&self) -> bool {
        self.indexes.defs().iter().any(|d| matches!(d.target, IndexTarget::Rel(_)))
    }

    /// Appends a retired placeholder at the next relationship id.
    fn push_retired_rel(&mut self) {
        self.rel_records.push(RelRecord::RETIRED);
    }

    /// Puts a relationship's record at the slot being taken over, if any, else at the next id.
    fn add_edge(&mut self, record: RelRecord) -> RelId {
        self.changed();
        let first = self.adjacency.id_bound();
        if let Some(id) = self.taking_over.take() {
            if let Some(slot) = id.0.checked_sub(first).and_then(|i| self.rel_records.get_mut(i as usize)) {
                *slot = record;
                return id;
            }
        }
        let id = RelId(first + self.rel_records.len() as u32);
        self.rel_records.push(record);
        id
    }

    /// Retires a relationship's slot; the last slot is given back (undo, newest first).
    /// One in the arrays becomes a tombstone instead (its id is never given back).
    fn remove_edge(&mut self, id: RelId) {
        self.changed();
        let Some(i) = id.0.checked_sub(self.adjacency.id_bound()) else {
            if let Some((entry, _)) = self.adjacency.entry(id) {
                self.adjacency.remove((id, entry.ty, entry.start, entry.end));
            }
            return;
        };
        if i as usize + 1 == self.rel_records.len() {
            self.rel_records.pop();
        } else if let Some(record) = self.rel_records.get_mut(i as usize) {
            *record = RelRecord::RETIRED;
        }
    }

    /// Puts a live relationship at `id`, taking over its retired slot (redo paths).
    fn place_rel(&mut self, id: RelId, entry: RelEntry, props: Vec<(PropKeyId, Value)>) -> crate::Result<()> {
        let taken =
            || crate::Error::new(crate::ErrorCode::CorruptSnapshot, format!("relationship id {id} is already taken"));
        if !self.contains_node(entry.start) || !self.contains_node(entry.end) {
            return Err(crate::Error::new(
                crate::ErrorCode::CorruptSnapshot,
                format!("relationship {id} joins a node that does not exist"),
            ));
        }
        while self.rel_id_bound() <= id.0 {
            self.push_retired_rel();
        }
        if self.contains_rel(id) {
            return Err(taken());
        }
        if id.0 < self.adjacency.id_bound() {
            return self.restore_rel(id, entry, props);
        }
        self.taking_over = Some(id);
        let placed = self.insert_rel(entry.ty, entry.start, entry.end, props);
        if placed == id {
            Ok(())
        } else {
            Err(crate::Error::internal(format!("relationship placed at {placed} instead of {id}")))
        }
    }

    /// Takes back relationship `id`, which the arrays hold and a delete took out (an
    /// undone delete): the arrays still have its place, so only its properties return.
    fn restore_rel(&mut self, id: RelId, entry: RelEntry, props: Vec<(PropKeyId, Value)>) -> crate::Result<()> {
        let recorded = self.adjacency.entry_even_if_removed(id);
        if recorded.is_none_or(|(e, _)| (e.ty, e.start, e.end) != (entry.ty, entry.start, entry.end))
            || !self.adjacency.restore(id)
        {
            return Err(crate::Error::new(
                crate::ErrorCode::CorruptSnapshot,
                format!("relationship id {id} cannot be placed again: it was compacted away"),
            ));
        }
        self.changed();
        let row = recorded.map_or(0, |(_, row)| row);
        let table = self.ensure_rel_table(entry.ty);
        for (key, value) in props {
            table.set(row, key, Some(value));
        }
        self.file_rel_ranges(id, None);
        self.n_rels += 1;
        self.n_rels_by_type[entry.ty.0 as usize] += 1;
        Ok(())
    }

    /// Retires a relationship; returns what it was.
    fn retire_rel(&mut self, id: RelId) -> Option<(RelEntry, Vec<(PropKeyId, Value)>)> {
        let entry = self.rel(id)?;
        let record = self.rel_record(id)?;
        self.unfile_rel_ranges(id, None);
        let props = self.rel_tables.get_mut(record.ty.0 as usize).map(|t| t.take_row(record.row)).unwrap_or_default();
        let first = self.adjacency.id_bound();
        // One in the arrays is a tombstone there whether or not a bulk load defers the rest.
        if !self.adjacency_deferred || id.0 < first {
            self.adjacency.remove((id, entry.ty, entry.start, entry.end));
        }
        // The slot stays, retired, so that the id is never handed out again.
        if let Some(slot) = id.0.checked_sub(first).and_then(|i| self.rel_records.get_mut(i as usize)) {
            *slot = RelRecord::RETIRED;
        }
        self.n_rels -= 1;
        self.n_rels_by_type[entry.ty.0 as usize] -= 1;
        Some((entry, props))
    }

    /// Frees the slot of a relationship created by a statement that failed.
    fn unmake_rel(&mut self, id: RelId) {
        let (Some(entry), Some(record)) = (self.rel(id), self.rel_record(id)) else {
            return;
        };
        // `remove_edge` makes a tombstone of one in the arrays.
        if !self.adjacency_deferred && id.0 >= self.adjacency.id_bound() {
            self.adjacency.remove((id, entry.ty, entry.start, entry.end));
        }
        self.unfile_rel_ranges(id, None);
        if let Some(table) = self.rel_tables.get_mut(record.ty.0 as usize) {
            table.take_row(record.row);
        }
        self.remove_edge(id);
        self.n_rels -= 1;
        self.n_rels_by_type[record.ty.0 as usize] -= 1;
    }

    fn set_rel_property_raw(&mut self, id: RelId, key: PropKeyId, value: Option<Value>) -> Option<Value> {
        self.changed();
        let (ty, row) = self.rel_slot(id)?;
        let ranged = self.range_reads(IndexTarget::Rel(ty), key);
        if ranged {
            self.unfile_rel_ranges(id, Some(key));
        }
        let old = self.rel_tables.get_mut(ty.0 as usize)?.set(row, key, value);
        if ranged {
            self.file_rel_ranges(id, Some(key));
        }
        old
    }

    fn declare_node_type(&mut self, ty: NodeType) {
        if let Some(key) = ty.key {
            self.key_index.declare(ty.label, key);
        }
        self.schema.insert_node_type(ty);
    }

    fn undeclare_node_type(&mut self, label: LabelId) {
        if let Some(key) = self.schema.node_type(label).and_then(|t| t.key) {
            self.key_index.drop_key(label, key);
        }
        self.schema.remove_node_type(label);
    }

    pub(crate) fn catalog_mut(&mut self) -> &mut Catalog {
        &mut self.catalog
    }

    /// The (label, key) pairs of the key index that a node with `labels` goes into.
    pub(crate) fn declared_keys(&self, labels: &[LabelId]) -> Vec<(LabelId, PropKeyId)> {
        self.key_index.keys().filter(|(label, _)| labels.contains(label)).collect()
    }
}

#[cfg(test)]
mod model_tests;
#[cfg(test)]
mod tests;

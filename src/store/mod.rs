//! The property graph: topology in petgraph, properties, names, schema and indexes.
//!
//! Input: writes through a [`Txn`]; reads through `&Graph`. Output: nodes, relationships
//! and values. This is the only module that names `petgraph`.
//!
//! # Ids
//! A node's id is its petgraph slot, and so is a relationship's. Committed ids are never
//! reused: a deleted relationship's slot is at once taken by a *retired* placeholder edge
//! hanging off the anchor node (slot 0, never visible), and a deleted node's slot stays
//! as a retired record. Only the slots of entities created by a statement that then
//! failed are freed; petgraph hands freed slots out last-freed-first, so they are taken
//! again in the order a fresh graph would take them, and nobody ever saw them. A redo
//! (journal replay, snapshot load) places an entity at an explicit id by taking over
//! its retired slot.

mod adjacency;
mod bulk;
mod catalog;
mod constraints;
pub mod durable;
mod index;
mod indexing;
pub mod journal;
mod label_sets;
mod lock;
mod narrow;
mod properties;
pub mod range_index;
mod schema;
pub mod snapshot;
mod txn;

use std::fmt;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};

pub use bulk::{BulkStats, GraphBuilder};
pub use catalog::{Catalog, Interner};
pub use properties::{units_threshold, FloatCells, IntCells, IntSlice, Number, NumberCells, Numbers, PropertyMap};
pub use schema::{node_type_ddl, rel_type_ddl, EndpointLabels, NodeType, PropertyDef, PropertyType, RelType, Schema};
pub use txn::{Change, Committed, Stats, Txn};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Outgoing,
    Incoming,
    Both,
}

/// One relationship as seen from the topology.
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

/// A relationship slot's record: its type and its row in that type's table.
#[derive(Debug, Clone, Copy)]
struct RelRecord {
    ty: RelTypeId,
    row: u32,
}

impl RelRecord {
    const RETIRED: RelRecord = RelRecord { ty: RelTypeId(u32::MAX), row: u32::MAX };

    fn is_retired(self) -> bool {
        self.ty.0 == u32::MAX
    }
}

/// One relationship type's column of numbers, read by relationship id
/// ([`Graph::rel_numbers`]).
pub struct RelNumbers<'a> {
    ty: RelTypeId,
    records: &'a [RelRecord],
    numbers: Numbers<'a>,
}

impl RelNumbers<'_> {
    pub fn cells(&self) -> NumberCells<'_> {
        self.numbers.cells
    }

    /// The row of `rel` in the column; `None` for a relationship of another type or none.
    #[inline]
    fn row(&self, rel: RelId) -> Option<u32> {
        self.records.get(rel.0 as usize).filter(|r| r.ty == self.ty).map(|r| r.row)
    }

    /// The row of `rel` in the column, when it holds a number there.
    #[inline]
    pub fn held(&self, rel: RelId) -> Option<u32> {
        self.numbers.held(self.row(rel)?)
    }
}

/// A property graph with an optional schema.
#[derive(Debug, Clone)]
pub struct Graph {
    /// Nodes with their records, relationships with their endpoints; a relationship's
    /// record is in `rel_records`.
    topology: StableDiGraph<NodeRecord, (), u32>,
    /// Each relationship slot's type and row, by id (`RelRecord::RETIRED` for a retired or
    /// vacant slot). Kept beside petgraph rather than as its edge weight because reading
    /// a relationship's properties or type needs only this, and an array of 8-byte
    /// records is less than half the size of petgraph's 20-byte edges, so more of it stays in cache.
    rel_records: Vec<RelRecord>,
    /// What reads follow instead of petgraph's edge lists; see `adjacency.rs`.
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
}

impl Default for Graph {
    fn default() -> Graph {
        Graph::new()
    }
}

impl Graph {
    /// An empty, open graph.
    pub fn new() -> Graph {
        let mut topology = StableDiGraph::default();
        topology.add_node(NodeRecord::retired(SlotState::Anchor));
        Graph {
            topology,
            adjacency: Adjacency::default(),
            adjacency_deferred: false,
            rel_records: Vec::new(),
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
        self.topology.node_bound() as u32
    }

    /// One more than the highest relationship id ever allocated.
    pub fn rel_id_bound(&self) -> u32 {
        self.topology.edge_bound() as u32
    }

    pub fn label_count(&self, label: LabelId) -> usize {
        self.label_index.count(label)
    }

    pub fn rel_type_count(&self, ty: RelTypeId) -> usize {
        self.n_rels_by_type.get(ty.0 as usize).copied().unwrap_or(0)
    }

    fn node_record(&self, id: NodeId) -> Option<&NodeRecord> {
        self.topology.node_weight(NodeIndex::new(id.0 as usize)).filter(|r| r.state == SlotState::Live)
    }

    #[inline]
    fn rel_record(&self, id: RelId) -> Option<RelRecord> {
        self.rel_records.get(id.0 as usize).copied().filter(|r| !r.is_retired())
    }

    pub fn contains_node(&self, id: NodeId) -> bool {
        self.node_record(id).is_some()
    }

    pub fn contains_rel(&self, id: RelId) -> bool {
        self.rel_record(id).is_some()
    }

    /// Every live node, in id order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.topology
            .node_indices()
            .filter(|&i| self.topology[i].state == SlotState::Live)
            .map(|i| NodeId(i.index() as u32))
    }

    /// Every live relationship, in id order.
    pub fn rel_ids(&self) -> impl Iterator<Item = RelId> + '_ {
        self.rel_records.iter().enumerate().filter(|(_, r)| !r.is_retired()).map(|(i, _)| RelId(i as u32))
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
        let (start, end) = self.topology.edge_endpoints(EdgeIndex::new(id.0 as usize))?;
        Some(RelEntry { id, ty: record.ty, start: NodeId(start.index() as u32), end: NodeId(end.index() as u32) })
    }

    /// The node's property when it is a number, without building a `Value`; `None` when
    /// it has none or one of another type.
    #[inline]
    pub fn node_number(&self, id: NodeId, key: PropKeyId) -> Option<Number> {
        self.node_props.number(id.0, key)
    }

    /// The nodes' column of `key`, by node id, when it holds only integers or only floats.
    pub fn node_numbers(&self, key: PropKeyId) -> Option<Numbers<'_>> {
        self.node_props.numbers(key)
    }

    /// The column of `key` of the relationships of type `ty`, read by relationship id,
    /// when it holds only integers or only floats.
    pub fn rel_numbers(&self, ty: RelTypeId, key: PropKeyId) -> Option<RelNumbers<'_>> {
        let numbers = self.rel_tables.get(ty.0 as usize)?.numbers(key)?;
        Some(RelNumbers { ty, records: &self.rel_records, numbers })
    }

    /// The relationship's property when it is a number; as [`Graph::node_number`].
    #[inline]
    pub fn rel_number(&self, id: RelId, key: PropKeyId) -> Option<Number> {
        let record = self.rel_record(id)?;
        self.rel_tables.get(record.ty.0 as usize)?.number(record.row, key)
    }

    pub fn rel_property(&self, id: RelId, key: PropKeyId) -> Option<Value> {
        let record = self.rel_record(id)?;
        self.rel_tables.get(record.ty.0 as usize)?.get(record.row, key)
    }

    pub fn rel_properties(&self, id: RelId) -> Vec<(PropKeyId, Value)> {
        match self.rel_record(id) {
            Some(r) => self.rel_tables.get(r.ty.0 as usize).map(|t| t.row(r.row)).unwrap_or_default(),
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

    /// Builds the adjacency arrays from every live relationship.
    fn rebuild_adjacency(&mut self) {
        let n = self.n_rels;
        let (mut ids, mut types, mut starts, mut ends) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        for edge in self.topology.edge_references() {
            let record = self.rel_records.get(edge.id().index()).copied().unwrap_or(RelRecord::RETIRED);
            if !record.is_retired() {
                ids.push(edge.id().index() as u32);
                types.push(record.ty.0);
                starts.push(edge.source().index() as u32);
                ends.push(edge.target().index() as u32);
            }
        }
        let rels = RelArrays { ids: &ids, types: &types, starts: &starts, ends: &ends };
        self.adjacency = Adjacency::build(self.topology.node_bound(), self.catalog.rel_types.len(), &rels);
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
        let index = self.topology.add_node(NodeRecord::retired(SlotState::Retired));
        let id = NodeId(index.index() as u32);
        self.revive_node(id, labels, props);
        id
    }

    /// Puts a live node at `id`, padding with retired slots up to it (redo paths).
    fn place_node(&mut self, id: NodeId, labels: Vec<LabelId>, props: PropertyMap) -> crate::Result<()> {
        while self.node_id_bound() <= id.0 {
            self.topology.add_node(NodeRecord::retired(SlotState::Retired));
        }
        match self.topology.node_weight(NodeIndex::new(id.0 as usize)) {
            Some(r) if r.state == SlotState::Retired => {
                self.revive_node(id, labels, props);
                Ok(())
            }
            _ => Err(crate::Error::new(crate::ErrorCode::CorruptSnapshot, format!("node id {id} is already taken"))),
        }
    }

    fn revive_node(&mut self, id: NodeId, labels: Vec<LabelId>, props: PropertyMap) {
        let Some(slot) = self.topology.node_weight_mut(NodeIndex::new(id.0 as usize)) else { return };
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
        let record = *self.node_record(id)?;
        let labels = self.label_sets.get(record.labels).to_vec();
        self.unindex_node(id, &labels);
        let slot = self.topology.node_weight_mut(NodeIndex::new(id.0 as usize))?;
        *slot = NodeRecord::retired(SlotState::Retired);
        self.n_nodes -= 1;
        let props = PropertyMap::from_entries(self.node_props.take_row(id.0));
        Some((labels, props))
    }

    /// Frees the slot of a node created by a statement that failed.
    fn unmake_node(&mut self, id: NodeId) {
        if self.retire_node(id).is_some() {
            self.topology.remove_node(NodeIndex::new(id.0 as usize));
        }
    }

    fn set_node_property_raw(&mut self, id: NodeId, key: PropKeyId, value: Option<Value>) -> Option<Value> {
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
        let record = *self.node_record(id)?;
        let old = self.label_sets.get(record.labels).to_vec();
        self.unindex_node(id, &old);
        let labels_id = self.label_sets.intern(&labels);
        if let Some(slot) = self.topology.node_weight_mut(NodeIndex::new(id.0 as usize)) {
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

    fn insert_rel(&mut self, ty: RelTypeId, start: NodeId, end: NodeId, props: Vec<(PropKeyId, Value)>) -> RelId {
        let row = self.ensure_rel_table(ty).push_row(props);
        let id = self.add_edge(start, end, RelRecord { ty, row });
        if !self.adjacency_deferred {
            self.adjacency.insert((id, ty, start, end));
        }
        self.file_rel_ranges(id, None);
        self.n_rels += 1;
        self.n_rels_by_type[ty.0 as usize] += 1;
        id
    }

    /// Appends a relationship at the next id, with its properties already at `row` of its
    /// type's table, leaving the adjacency to be rebuilt (snapshot loads).
    fn push_rel(&mut self, ty: RelTypeId, row: u32, start: NodeId, end: NodeId) -> RelId {
        self.ensure_rel_table(ty);
        let id = self.add_edge(start, end, RelRecord { ty, row });
        self.n_rels += 1;
        self.n_rels_by_type[ty.0 as usize] += 1;
        id
    }

    /// Appends a retired placeholder at the next relationship id.
    fn push_retired_rel(&mut self) {
        self.add_edge(NodeId(0), NodeId(0), RelRecord::RETIRED);
    }

    /// Adds an edge to petgraph (taking its free slot, if any, else the next) and its
    /// record beside it.
    fn add_edge(&mut self, start: NodeId, end: NodeId, record: RelRecord) -> RelId {
        let edge = self.topology.add_edge(NodeIndex::new(start.0 as usize), NodeIndex::new(end.0 as usize), ());
        let i = edge.index();
        if self.rel_records.len() <= i {
            self.rel_records.resize(i + 1, RelRecord::RETIRED);
        }
        self.rel_records[i] = record;
        RelId(i as u32)
    }

    /// Removes an edge from petgraph, freeing its slot; its record becomes vacant.
    fn remove_edge(&mut self, id: RelId) {
        self.topology.remove_edge(EdgeIndex::new(id.0 as usize));
        if let Some(record) = self.rel_records.get_mut(id.0 as usize) {
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
        // Only a retired placeholder's slot may be taken over (a vacant one is no id).
        let placeholder = self.topology.edge_weight(EdgeIndex::new(id.0 as usize)).is_some();
        if !placeholder || self.contains_rel(id) {
            return Err(taken());
        }
        self.remove_edge(id);
        // The free list held only this slot, so the new edge takes it.
        let placed = self.insert_rel(entry.ty, entry.start, entry.end, props);
        if placed == id {
            Ok(())
        } else {
            Err(crate::Error::internal(format!("relationship placed at {placed} instead of {id}")))
        }
    }

    /// Retires a relationship; returns what it was.
    fn retire_rel(&mut self, id: RelId) -> Option<(RelEntry, Vec<(PropKeyId, Value)>)> {
        let entry = self.rel(id)?;
        let record = self.rel_record(id)?;
        self.unfile_rel_ranges(id, None);
        let props = self.rel_tables.get_mut(record.ty.0 as usize).map(|t| t.take_row(record.row)).unwrap_or_default();
        if !self.adjacency_deferred {
            self.adjacency.remove((id, entry.ty, entry.start, entry.end));
        }
        self.remove_edge(id);
        // Keep the slot occupied so that the id is never handed out again.
        self.push_retired_rel();
        self.n_rels -= 1;
        self.n_rels_by_type[entry.ty.0 as usize] -= 1;
        Some((entry, props))
    }

    /// Frees the slot of a relationship created by a statement that failed.
    fn unmake_rel(&mut self, id: RelId) {
        let (Some(entry), Some(record)) = (self.rel(id), self.rel_record(id)) else {
            return;
        };
        if !self.adjacency_deferred {
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
        let record = self.rel_record(id)?;
        let ranged = self.range_reads(IndexTarget::Rel(record.ty), key);
        if ranged {
            self.unfile_rel_ranges(id, Some(key));
        }
        let old = self.rel_tables.get_mut(record.ty.0 as usize)?.set(record.row, key, value);
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
mod tests;

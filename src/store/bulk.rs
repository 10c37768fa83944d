//! Bulk loading: appending many nodes and relationships at once, for imports.
//!
//! A [`Txn`](super::Txn) records every change with what it replaced, so that a failing
//! statement can be undone; for an import of millions of rows that log would cost as
//! much memory as the graph itself. A [`GraphBuilder`] keeps no log: it remembers only
//! where the graph ended when it began (the id bounds and the catalog's size), appends
//! entities with the label and key indexes kept in step, and, if it is dropped without
//! [`GraphBuilder::finish`], removes everything past those bounds again.
//!
//! The relationships' ids are the load's to choose until [`GraphBuilder::finish`]:
//! unless the load placed some at ids of its own ([`GraphBuilder::add_rel_at`]), finish
//! numbers them again in (type, start node) order, the order of their type's outgoing
//! arrays, so that an id is its position there and the arrays keep no id per
//! relationship (`adjacency.rs`, `RelIds::Consecutive`). A load that adds a type's
//! relationships together, by start node, finds them numbered as it added them.
//!
//! In a typed graph each entity is checked against the schema as it arrives (key
//! uniqueness through the key index, then its type), so an error can name the row that
//! caused it; the check reads only the entity and its end nodes, so nodes must come
//! before the relationships that join them.

use super::{
    constraints, Graph, LabelId, NodeId, NodeType, PropKeyId, PropertyMap, RelEntry, RelId, RelType, RelTypeId,
};
use crate::error::Result;
use crate::value::Value;

/// How many entities a bulk load added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BulkStats {
    pub nodes_created: u64,
    pub relationships_created: u64,
    pub properties_set: u64,
    pub types_defined: u64,
}

/// Appends to a graph without a change log; rolls back on drop unless finished.
pub struct GraphBuilder<'g> {
    pub(super) graph: &'g mut Graph,
    /// The id bounds when the load began: every id at or past them is new.
    node_bound: u32,
    pub(super) rel_bound: u32,
    /// New entities that took a freed slot below the bounds (only slots of entities
    /// created by a failed statement are ever freed, so these are few).
    reused_nodes: Vec<NodeId>,
    pub(super) reused_rels: Vec<RelId>,
    /// Whether a relationship was put at an id of the load's choosing.
    pub(super) placed_rels: bool,
    defined_node_types: Vec<LabelId>,
    defined_rel_types: Vec<RelTypeId>,
    /// Indexes the load added (the keys of its id columns), by name.
    added_indexes: Vec<std::sync::Arc<str>>,
    /// Relationships appended through `append_rel`, placed at `finish` (`bulk_rels.rs`).
    pub(super) pending: super::bulk_rels::PendingRels,
    catalog_lens: [usize; 3],
    pub(super) stats: BulkStats,
    finished: bool,
}

impl Graph {
    /// Starts a bulk load; see [`GraphBuilder`].
    pub fn bulk_load(&mut self) -> GraphBuilder<'_> {
        self.adjacency_deferred = true;
        GraphBuilder {
            node_bound: self.node_id_bound(),
            rel_bound: self.rel_id_bound(),
            catalog_lens: self.catalog().lens(),
            graph: self,
            reused_nodes: Vec::new(),
            reused_rels: Vec::new(),
            placed_rels: false,
            defined_node_types: Vec::new(),
            defined_rel_types: Vec::new(),
            added_indexes: Vec::new(),
            pending: Default::default(),
            stats: BulkStats::default(),
            finished: false,
        }
    }
}

impl GraphBuilder<'_> {
    pub fn graph(&self) -> &Graph {
        self.graph
    }

    pub fn stats(&self) -> BulkStats {
        self.stats
    }

    /// Makes room for this many more nodes and relationships, to avoid regrowing.
    pub fn reserve(&mut self, nodes: usize, rels: usize) {
        self.graph.nodes.reserve(nodes);
        self.graph.rel_records.reserve(rels);
    }

    /// Whether the graph held nothing when the load began, so entities may keep the
    /// ids they had elsewhere.
    pub fn started_empty(&self) -> bool {
        self.node_bound <= 1 && self.rel_bound == 0
    }

    /// A label's id: interned in an open graph; in a typed one, an error unless declared.
    pub fn label(&mut self, name: &str) -> Result<LabelId> {
        constraints::resolve_label(self.graph, name)?;
        Ok(self.graph.catalog_mut().intern_label(name))
    }

    pub fn rel_type(&mut self, name: &str) -> Result<RelTypeId> {
        constraints::resolve_rel_type(self.graph, name)?;
        Ok(self.graph.catalog_mut().intern_rel_type(name))
    }

    /// A name interned for a type definition, which is what declares it.
    pub fn label_for_definition(&mut self, name: &str) -> LabelId {
        self.graph.catalog_mut().intern_label(name)
    }

    pub fn rel_type_for_definition(&mut self, name: &str) -> RelTypeId {
        self.graph.catalog_mut().intern_rel_type(name)
    }

    pub fn prop_key(&mut self, name: &str) -> PropKeyId {
        self.graph.catalog_mut().intern_prop_key(name)
    }

    pub fn define_node_type(&mut self, ty: NodeType) -> Result<()> {
        constraints::check_new_node_type(self.graph, &ty)?;
        self.defined_node_types.push(ty.label);
        self.graph.declare_node_type(ty);
        self.stats.types_defined += 1;
        Ok(())
    }

    pub fn define_rel_type(&mut self, ty: RelType) -> Result<()> {
        constraints::check_new_rel_type(self.graph, &ty)?;
        self.defined_rel_types.push(ty.rel_type);
        self.graph.schema.insert_rel_type(ty);
        self.stats.types_defined += 1;
        Ok(())
    }

    /// Appends a node; a key value another node of the same type holds is an error.
    pub fn add_node(&mut self, labels: Vec<LabelId>, props: Vec<(PropKeyId, Value)>) -> Result<NodeId> {
        let (labels, props) = self.prepare_node(labels, props)?;
        let n_props = props.len() as u64;
        let id = self.graph.insert_node(labels, props);
        if id.0 < self.node_bound {
            self.reused_nodes.push(id);
        }
        self.stats.nodes_created += 1;
        self.stats.properties_set += n_props;
        constraints::check_node(self.graph, id)?;
        Ok(id)
    }

    /// Puts a node at a chosen id, for loads that keep ids ([`Self::started_empty`]).
    pub fn add_node_at(&mut self, id: NodeId, labels: Vec<LabelId>, props: Vec<(PropKeyId, Value)>) -> Result<()> {
        if id.0 < self.node_bound {
            return Err(crate::Error::internal(format!("node id {id} is below the bulk load's first id")));
        }
        let (labels, props) = self.prepare_node(labels, props)?;
        let n_props = props.len() as u64;
        self.graph.place_node(id, labels, props)?;
        self.stats.nodes_created += 1;
        self.stats.properties_set += n_props;
        constraints::check_node(self.graph, id)
    }

    fn prepare_node(
        &self,
        mut labels: Vec<LabelId>,
        props: Vec<(PropKeyId, Value)>,
    ) -> Result<(Vec<LabelId>, PropertyMap)> {
        labels.sort();
        labels.dedup();
        let props = constraints::coerce_node_props(self.graph, &labels, PropertyMap::from_entries(props));
        constraints::check_keys_free(self.graph, None, &labels, &props)?;
        Ok((labels, props))
    }

    /// Appends a relationship between two live nodes.
    pub fn add_rel(
        &mut self,
        ty: RelTypeId,
        start: NodeId,
        end: NodeId,
        props: Vec<(PropKeyId, Value)>,
    ) -> Result<RelId> {
        if !self.graph.contains_node(start) || !self.graph.contains_node(end) {
            return Err(crate::Error::internal(format!("relationship between {start} and {end}: no such node")));
        }
        self.record_pending();
        let props = constraints::coerce_rel_props(self.graph, ty, PropertyMap::from_entries(props)).into_entries();
        self.stats.properties_set += props.len() as u64;
        let id = self.graph.insert_rel(ty, start, end, props);
        if id.0 < self.rel_bound {
            self.reused_rels.push(id);
        }
        self.stats.relationships_created += 1;
        constraints::check_rel(self.graph, id)?;
        Ok(id)
    }

    /// Puts a relationship at a chosen id, for loads that keep ids.
    pub fn add_rel_at(&mut self, entry: RelEntry, props: Vec<(PropKeyId, Value)>) -> Result<()> {
        if entry.id.0 < self.rel_bound {
            return Err(crate::Error::internal(format!(
                "relationship id {} is below the bulk load's first id",
                entry.id
            )));
        }
        let props =
            constraints::coerce_rel_props(self.graph, entry.ty, PropertyMap::from_entries(props)).into_entries();
        self.stats.properties_set += props.len() as u64;
        self.record_pending();
        self.placed_rels = true;
        self.graph.place_rel(entry.id, entry, props)?;
        self.stats.relationships_created += 1;
        constraints::check_rel(self.graph, entry.id)
    }

    /// Makes `key` a key of `label` with an index, unless it is one already, as an
    /// import's id column is: lookups by it become seeks, and a later node of `label` may
    /// not take a value another holds. Nodes of `label` that share a value (the label
    /// spans two id spaces) leave it an ordinary property; whether it became a key.
    pub fn add_key_index(&mut self, label: LabelId, key: PropKeyId) -> Result<bool> {
        use super::range_index::{IndexDef, IndexKind, IndexTarget};
        if self.graph.is_key(label, key) {
            return Ok(false);
        }
        let target = IndexTarget::Node(label);
        let name = self.graph.default_index_name(IndexKind::Key, target, &[key]);
        let def = IndexDef { name: name.into(), kind: IndexKind::Key, target, keys: vec![key] };
        match self.graph.add_index(def.clone()) {
            Ok(()) => {
                self.added_indexes.push(def.name);
                Ok(true)
            }
            Err(e) if e.code == crate::ErrorCode::DuplicateKey => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Keeps everything loaded. (Dropping the builder instead undoes the load.)
    /// Checks the graph against Neo4j's property constraints, which the rows were not
    /// checked against one by one: call it before [`GraphBuilder::finish`], so that a
    /// failure drops the builder and undoes the load.
    pub fn check_constraints(&mut self) -> crate::error::Result<()> {
        if self.graph.schema().constraints().is_empty() {
            return Ok(());
        }
        // The checks read relationships through the graph, which sees only records.
        self.record_pending();
        let nodes: Vec<NodeId> = self.graph.node_ids().collect();
        let rels: Vec<RelId> = self.graph.rel_ids().collect();
        super::property_constraints::check_touched(self.graph, &nodes, &rels)
    }

    /// The relationships this load added with [`GraphBuilder::add_rel`] get their final
    /// ids here (see the module's header); ids it returned before are not kept.
    pub fn finish(mut self) -> BulkStats {
        self.finished = true;
        self.graph.adjacency_deferred = false;
        if self.place_pending_in_arrays() {
            return self.stats;
        }
        self.record_pending();
        if !self.placed_rels && self.reused_rels.is_empty() {
            self.graph.number_in_layout_order(RelId(self.rel_bound));
        }
        self.graph.rebuild_adjacency();
        self.stats
    }

    /// Removes every new entity, newest first so that the slots past the old bounds are
    /// given back and handed out again as a fresh graph would, then the new types and names.
    fn undo(&mut self) {
        self.discard_pending();
        // Highest first: a new relationship, or a retired slot that padded the way to a
        // placed id.
        for id in (self.rel_bound..self.graph.rel_id_bound()).rev() {
            if self.graph.contains_rel(RelId(id)) {
                self.graph.unmake_rel(RelId(id));
            } else {
                self.graph.remove_edge(RelId(id));
            }
        }
        for rel in std::mem::take(&mut self.reused_rels).into_iter().rev() {
            self.graph.unmake_rel(rel);
        }
        for id in (self.node_bound.max(1)..self.graph.node_id_bound()).rev() {
            if self.graph.contains_node(NodeId(id)) {
                self.graph.unmake_node(NodeId(id));
            } else {
                self.graph.nodes.truncate(id as usize);
            }
        }
        for node in std::mem::take(&mut self.reused_nodes).into_iter().rev() {
            self.graph.unmake_node(node);
        }
        for name in self.added_indexes.drain(..).rev() {
            self.graph.remove_index(&name);
        }
        for ty in self.defined_rel_types.drain(..) {
            self.graph.schema.remove_rel_type(ty);
        }
        for label in self.defined_node_types.drain(..) {
            self.graph.undeclare_node_type(label);
        }
        self.graph.catalog_mut().truncate(self.catalog_lens);
    }
}

impl Graph {
    /// Numbers the relationships from `first` on (all written since the arrays were built,
    /// none retired) again in (type, start node, id) order, so that the next build finds
    /// each type's ids consecutive in its outgoing arrays. Nothing is done when a range
    /// index on relationships has filed them under their ids.
    fn number_in_layout_order(&mut self, first: RelId) {
        let rel_indexed =
            self.indexes.defs().iter().any(|d| matches!(d.target, super::range_index::IndexTarget::Rel(_)));
        let Some(from) = first.0.checked_sub(self.adjacency.id_bound()) else { return };
        let Some(records) = self.rel_records.get_mut(from as usize..) else { return };
        if rel_indexed || records.iter().any(|r| r.is_retired()) {
            return;
        }
        // Rows ascend with ids within a type, so (type, start, row) orders ties by id.
        let key = |r: &super::RelRecord| (r.ty.0, r.start.0, r.row);
        if records.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            return;
        }
        records.sort_unstable_by_key(key);
        self.changed();
    }
}

impl Drop for GraphBuilder<'_> {
    fn drop(&mut self) {
        if !self.finished {
            self.undo();
            self.graph.adjacency_deferred = false;
            self.graph.rebuild_adjacency();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Direction;

    #[test]
    fn a_dropped_load_leaves_the_graph_as_it_was_even_with_placed_ids() {
        let mut graph = Graph::new();
        {
            let mut builder = graph.bulk_load();
            assert!(builder.started_empty());
            let label = builder.label("Person").unwrap_or(LabelId(99));
            let key = builder.prop_key("name");
            let ok = builder.add_node_at(NodeId(5), vec![label], vec![(key, Value::string("a"))]);
            assert!(ok.is_ok());
            let ty = builder.rel_type("KNOWS").unwrap_or(RelTypeId(99));
            let ok = builder.add_rel_at(RelEntry { id: RelId(3), ty, start: NodeId(5), end: NodeId(5) }, vec![]);
            assert!(ok.is_ok());
            assert_eq!((builder.graph().node_count(), builder.graph().rel_count()), (1, 1));
        }
        assert_eq!((graph.node_count(), graph.rel_count()), (0, 0));
        assert_eq!((graph.node_id_bound(), graph.rel_id_bound()), (1, 0));
        assert_eq!(graph.catalog().lens(), [0, 0, 0]);
        let mut builder = graph.bulk_load();
        assert_eq!(builder.add_node(vec![], vec![]).ok(), Some(NodeId(1)));
        let stats = builder.finish();
        assert_eq!(stats.nodes_created, 1);
        assert_eq!(graph.node_count(), 1);
    }

    #[test]
    fn the_adjacency_holds_what_a_load_kept_and_not_what_it_undid() {
        let mut graph = Graph::new();
        let mut txn = crate::store::Txn::new(&mut graph);
        let ty = txn.rel_type("R").unwrap_or(RelTypeId(0));
        let a = txn.create_node(vec![], vec![]).unwrap_or(NodeId(0));
        let first = txn.create_rel(ty, a, a, vec![]).unwrap_or(RelId(0));
        assert!(txn.commit().is_ok());
        let out = |g: &Graph| g.rels_of(a, Direction::Outgoing).map(|e| e.id).collect::<Vec<_>>();
        {
            let mut builder = graph.bulk_load();
            assert!(builder.add_rel(ty, a, a, vec![]).is_ok());
        }
        assert_eq!(out(&graph), vec![first]);
        let mut builder = graph.bulk_load();
        let second = builder.add_rel(ty, a, a, vec![]).unwrap_or(RelId(0));
        builder.finish();
        assert_eq!(out(&graph), vec![first, second]);
        assert_eq!(graph.degree(a, Direction::Both), 2);
    }
}

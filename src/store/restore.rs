//! The narrow API through which snapshots read a graph's columns and put a loaded one
//! together, so that `snapshot/` needs none of `Graph`'s fields and the layout behind
//! them can change without it.

use super::adjacency::{Adjacency, RunsRef, TypeLayout};
use super::index::{BitSet, KeyIndex};
use super::label_sets::LabelSetId;
use super::properties::{Cells, PropertyTable};
use super::{Graph, LabelId, NodeId, NodeRecord, PropKeyId, RelType, RelTypeId, SlotState};
use crate::error::{Error, ErrorCode, Result};

impl Graph {
    /// Exact room for ids below these bounds: growing by doubling would copy, and could
    /// leave up to half the memory unused.
    /// (Relationships need none: the arrays built for them are exact.)
    pub(super) fn reserve_exact(&mut self, node_bound: u32) {
        self.nodes.reserve_exact((node_bound as usize).saturating_sub(self.nodes.len()));
    }

    /// The nodes' property columns, each by node id: key, the rows holding a value, cells.
    pub(super) fn node_columns(&self) -> Vec<(PropKeyId, &BitSet, &Cells)> {
        self.node_props.columns()
    }

    /// The property table of relationship type `ty`, whose rows are in the relationships' records.
    pub(super) fn rel_table(&self, ty: RelTypeId) -> Option<&PropertyTable> {
        self.rel_tables.get(ty.0 as usize)
    }

    /// Type `ty`'s live relationships in their outgoing layout, and the table row of each
    /// position (a snapshot writes the columns in that order); also whether the layout is
    /// the held arrays as they are (for [`Graph::with_rel_incoming`]).
    pub(super) fn rel_layout(&self, ty: RelTypeId) -> (TypeLayout, Vec<u32>, bool) {
        let first = self.adjacency.id_bound();
        let written: Vec<(u32, u32, u32, u32)> = self
            .rel_records
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_retired() && r.ty == ty)
            .map(|(i, r)| (r.start.0, first + i as u32, r.end.0, r.row))
            .collect();
        self.adjacency.layout(ty, &written)
    }

    /// Calls `f` with type `ty`'s incoming arrays matching `out`, the layout
    /// [`Graph::rel_layout`] gave (a snapshot may keep them beside it).
    pub(super) fn with_rel_incoming<R>(
        &self,
        ty: RelTypeId,
        out: &TypeLayout,
        as_held: bool,
        f: impl FnOnce(RunsRef<'_>) -> R,
    ) -> R {
        self.adjacency.with_incoming(ty, out, as_held, f)
    }

    /// The row of relationship `id` in its type's table.
    #[cfg(test)]
    pub(super) fn rel_row(&self, id: super::RelId) -> Option<u32> {
        self.rel_slot(id).map(|(_, row)| row)
    }

    /// Installs the node property table, whose row is a node's id (loads).
    pub(super) fn set_node_table(&mut self, table: PropertyTable) {
        self.node_props = table;
    }

    /// Installs the property table of relationship type `ty` (loads).
    pub(super) fn set_rel_table(&mut self, ty: RelTypeId, table: PropertyTable) {
        self.ensure_rel_table(ty);
        self.rel_tables[ty.0 as usize] = table;
    }

    /// Installs adjacency arrays built from the live relationships of a graph that has
    /// none yet (loads): they record the relationships, `n_by_type` of each type.
    pub(super) fn set_adjacency(&mut self, adjacency: Adjacency, n_by_type: &[u32]) {
        self.adjacency = adjacency;
        self.rel_records = Vec::new();
        for (ty, &n) in n_by_type.iter().enumerate() {
            self.ensure_rel_table(RelTypeId(ty as u32));
            self.n_rels_by_type[ty] = n as usize;
        }
        self.n_rels = n_by_type.iter().map(|&n| n as usize).sum();
        self.changed();
    }

    /// Declares a relationship type's schema (loads; checked by the snapshot's writer).
    pub(super) fn define_rel_type(&mut self, ty: RelType) {
        self.schema.insert_rel_type(ty);
    }

    /// Appends a retired slot at the next node id, so the id is never handed out.
    pub(super) fn push_retired_node(&mut self) {
        self.nodes.push(NodeRecord::retired(SlotState::Retired));
    }

    /// Adds node `ids[i]` (ascending) with label set `set_of[i]`, live, into the label
    /// and key indexes (their properties already in place), retired slots filling the
    /// gaps. The key index is filled on another thread while `meanwhile` runs on this one
    /// with the nodes' liveness to read (a load reads its relationships meanwhile): at a
    /// million keys the index took a fifth of a load.
    pub(super) fn add_live_nodes_while<R>(
        &mut self,
        ids: &[u32],
        set_of: &[u32],
        label_sets: &[Vec<LabelId>],
        meanwhile: impl FnOnce(&LiveNodes<'_>) -> R,
    ) -> Result<R> {
        let mut per_set = vec![0usize; label_sets.len()];
        for (&id, &set) in ids.iter().zip(set_of) {
            let count = per_set.get_mut(set as usize);
            *count.ok_or_else(|| corrupt(format!("node {id} has no label set {set}")))? += 1;
        }
        for (labels, &count) in label_sets.iter().zip(&per_set) {
            for &label in labels {
                self.key_index.reserve(label, count, &self.node_props);
            }
        }
        let set_ids: Vec<LabelSetId> = label_sets.iter().map(|labels| self.label_sets.intern(labels)).collect();
        for (&id, &set) in ids.iter().zip(set_of) {
            while self.node_id_bound() < id {
                self.push_retired_node();
            }
            let set = set as usize;
            let record = NodeRecord { state: SlotState::Live, labels: set_ids[set] };
            if self.nodes.len() != id as usize {
                return Err(Error::internal(format!("node {id} placed at another id")));
            }
            self.nodes.push(record);
            self.n_nodes += 1;
            for &label in &label_sets[set] {
                self.label_index.insert(label, NodeId(id));
            }
        }
        // The (label, key) pairs of the key index each label set's nodes go into.
        let keyed: Vec<Vec<(LabelId, PropKeyId)>> =
            label_sets.iter().map(|labels| self.declared_keys(labels)).collect();
        let n_keyed: usize = keyed.iter().zip(&per_set).map(|(keys, &n)| keys.len() * n).sum();
        let fill = move |key_index: &mut KeyIndex, props: &PropertyTable| {
            for (&id, &set) in ids.iter().zip(set_of) {
                for &(label, key) in &keyed[set as usize] {
                    key_index.insert(label, key, NodeId(id), props);
                }
            }
        };
        // A thread pays for itself only past some thousands of keys.
        if n_keyed < 1 << 14 {
            fill(&mut self.key_index, &self.node_props);
            return Ok(meanwhile(&LiveNodes(&self.nodes)));
        }
        // The index and the columns it reads are the thread's own meanwhile: read through
        // the graph, their headers would share cache lines with what this thread writes.
        let (mut key_index, props) = (std::mem::take(&mut self.key_index), std::mem::take(&mut self.node_props));
        let (res, filled) = std::thread::scope(|scope| {
            let filler = scope.spawn(move || {
                fill(&mut key_index, &props);
                (key_index, props)
            });
            (meanwhile(&LiveNodes(&self.nodes)), filler.join())
        });
        let (key_index, props) = filled.map_err(|_| Error::internal("filling the key index failed"))?;
        (self.key_index, self.node_props) = (key_index, props);
        Ok(res)
    }
}

/// Which nodes are live, readable while the key index is filled (`add_live_nodes_while`).
pub(super) struct LiveNodes<'a>(&'a [NodeRecord]);

impl LiveNodes<'_> {
    pub(super) fn contains(&self, id: NodeId) -> bool {
        self.0.get(id.0 as usize).is_some_and(|r| r.state == SlotState::Live)
    }
}

fn corrupt(message: String) -> Error {
    Error::new(ErrorCode::CorruptSnapshot, message)
}

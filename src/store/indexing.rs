//! The graph's named indexes (`range_index.rs`): making and dropping them, keeping the
//! range indexes' entries in step with the primitive writes, and seeking through them.
//!
//! Every primitive write that can change what an index holds (a node made, retired or
//! relabelled, a property set, a relationship made or retired) calls in here, so undo and
//! redo, which replay primitive writes, keep the indexes right too. A snapshot load puts
//! columns in place without those writes and fills the indexes afterwards (`restore`).

use super::range_index::{default_name, index_value, IndexDef, IndexKind, IndexSeek, IndexTarget, RangeIndex};
use super::{Graph, LabelId, NodeId, PropKeyId, RelId, RelTypeId};
use crate::error::{Error, ErrorCode, Result};
use crate::value::Value;

impl Graph {
    /// Every named index, in the order they were made.
    pub fn index_defs(&self) -> &[IndexDef] {
        self.indexes.defs()
    }

    pub fn index_by_name(&self, name: &str) -> Option<&IndexDef> {
        self.indexes.by_name(name)
    }

    /// How many entities a named index holds (for a key index, the nodes of its label).
    pub fn index_size(&self, def: &IndexDef) -> usize {
        match (def.kind, def.target) {
            (IndexKind::Range, _) => self.indexes.entries(&def.name),
            (IndexKind::Key, IndexTarget::Node(label)) => self.label_count(label),
            (IndexKind::Key, IndexTarget::Rel(ty)) => self.rel_type_count(ty),
        }
    }

    /// Whether a range index over `target` has `key` as its only property.
    pub fn has_range_index(&self, target: IndexTarget, key: PropKeyId) -> bool {
        self.indexes.single(target, key).is_some()
    }

    /// The live nodes of `label` the range index on `key` finds for `seek`, in id order.
    pub fn seek_nodes(&self, label: LabelId, key: PropKeyId, seek: &IndexSeek) -> Vec<NodeId> {
        let Some(index) = self.indexes.single(IndexTarget::Node(label), key) else { return Vec::new() };
        index.seek(seek).into_iter().map(NodeId).filter(|&n| self.contains_node(n)).collect()
    }

    /// The live relationships of `ty` the range index on `key` finds for `seek`.
    pub fn seek_rels(&self, ty: RelTypeId, key: PropKeyId, seek: &IndexSeek) -> Vec<RelId> {
        let Some(index) = self.indexes.single(IndexTarget::Rel(ty), key) else { return Vec::new() };
        index.seek(seek).into_iter().map(RelId).filter(|&r| self.contains_rel(r)).collect()
    }

    /// The name Neo4j would give an index of this kind over `target` and `keys`.
    pub fn default_index_name(&self, kind: IndexKind, target: IndexTarget, keys: &[PropKeyId]) -> String {
        let catalog = self.catalog();
        let (target_name, rel) = match target {
            IndexTarget::Node(label) => (catalog.label_name(label).to_string(), false),
            IndexTarget::Rel(ty) => (catalog.rel_type_name(ty).to_string(), true),
        };
        let names: Vec<String> = keys.iter().map(|k| catalog.prop_key_name(*k).to_string()).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        default_name(kind, &target_name, rel, &names)
    }

    /// Checks that `def` may be added: its name is free and no index covers the same.
    pub fn check_new_index(&self, def: &IndexDef) -> Result<()> {
        if let Some(same) = self.indexes.find(def.kind, def.target, &def.keys) {
            return Err(Error::new(
                ErrorCode::EquivalentSchemaRuleAlreadyExists,
                format!("an equivalent index already exists: `{}`", same.name),
            ));
        }
        if self.indexes.by_name(&def.name).is_some() {
            return Err(Error::new(
                ErrorCode::IndexWithNameAlreadyExists,
                format!("there already exists an index called `{}`", def.name),
            ));
        }
        Ok(())
    }

    /// Adds an index and files every entity it covers. A key index over values that two
    /// nodes share is refused, and changes nothing.
    pub(crate) fn add_index(&mut self, def: IndexDef) -> Result<()> {
        self.check_new_index(&def)?;
        match (def.kind, def.target, def.keys.as_slice()) {
            (IndexKind::Key, IndexTarget::Node(label), &[key]) => self.add_key_index(label, key)?,
            (IndexKind::Key, ..) => return Err(Error::internal("a key index covers one node property")),
            (IndexKind::Range, ..) => {}
        }
        let (name, target, keys) = (def.name.clone(), def.target, def.keys.clone());
        let range = def.kind == IndexKind::Range;
        self.indexes.add(def);
        if range {
            let filled = self.fill(target, &keys);
            if let Some(tree) = self.indexes.tree_mut(&name) {
                *tree = filled;
            }
        }
        Ok(())
    }

    /// Declares `(label, key)` in the key index and files every node of `label` there.
    fn add_key_index(&mut self, label: LabelId, key: PropKeyId) -> Result<()> {
        if self.key_index.is_indexed(label, key) {
            return Ok(());
        }
        self.key_index.declare(label, key);
        let nodes = self.label_index.node_vec(label);
        self.key_index.reserve(label, nodes.len(), &self.node_props);
        for node in nodes {
            if let Some(holder) = self.key_index.insert(label, key, node, &self.node_props) {
                self.key_index.drop_key(label, key);
                let value = self.node_props.get(node.0, key).unwrap_or(Value::Null);
                return Err(Error::new(
                    ErrorCode::DuplicateKey,
                    format!(
                        "nodes {holder} and {node} both have {} = {value}: `{}` cannot be a key of `{}`",
                        self.catalog.prop_key_name(key),
                        self.catalog.prop_key_name(key),
                        self.catalog.label_name(label)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Removes an index by name; what it was.
    pub(crate) fn remove_index(&mut self, name: &str) -> Option<IndexDef> {
        let def = self.indexes.remove(name)?;
        if let (IndexKind::Key, IndexTarget::Node(label), &[key]) = (def.kind, def.target, def.keys.as_slice()) {
            // A declared type's key stays: the schema owns it.
            if self.schema.node_type(label).and_then(|t| t.key) != Some(key) {
                self.key_index.drop_key(label, key);
            }
        }
        Some(def)
    }

    /// Adds the indexes a snapshot names, after its entities are in place.
    pub(crate) fn restore_indexes(&mut self, defs: Vec<IndexDef>) -> Result<()> {
        for def in defs {
            self.add_index(def)?;
        }
        Ok(())
    }

    /// A range index over `target` and `keys`, filled from the entities there are.
    fn fill(&self, target: IndexTarget, keys: &[PropKeyId]) -> RangeIndex {
        let mut tree = RangeIndex::default();
        match target {
            IndexTarget::Node(label) => {
                for node in self.label_index.nodes(label) {
                    let values = keys.iter().map(|k| self.node_props.get(node.0, *k)).collect();
                    if let Some(value) = index_value(values) {
                        tree.insert(value, node.0);
                    }
                }
            }
            IndexTarget::Rel(ty) => {
                for rel in self.rel_ids() {
                    let Some(record) = self.rel_record(rel).filter(|r| r.ty == ty) else { continue };
                    let Some(table) = self.rel_tables.get(ty.0 as usize) else { continue };
                    let values = keys.iter().map(|k| table.get(record.row, *k)).collect();
                    if let Some(value) = index_value(values) {
                        tree.insert(value, rel.0);
                    }
                }
            }
        }
        tree
    }

    // ---- Kept in step by the primitive writes.

    /// Files a node in the range indexes of `labels` (`only`: just those reading that key).
    pub(super) fn file_node_ranges(&mut self, id: NodeId, labels: &[LabelId], only: Option<PropKeyId>) {
        self.node_ranges(id, labels, only, true);
    }

    /// Takes a node out of the range indexes of `labels`, under the values it holds now.
    pub(super) fn unfile_node_ranges(&mut self, id: NodeId, labels: &[LabelId], only: Option<PropKeyId>) {
        self.node_ranges(id, labels, only, false);
    }

    fn node_ranges(&mut self, id: NodeId, labels: &[LabelId], only: Option<PropKeyId>, file: bool) {
        if self.indexes.is_empty() {
            return;
        }
        let props = &self.node_props;
        for &label in labels {
            for (keys, tree) in self.indexes.ranges_mut(IndexTarget::Node(label)) {
                if only.is_some_and(|k| !keys.contains(&k)) {
                    continue;
                }
                if let Some(value) = index_value(keys.iter().map(|k| props.get(id.0, *k)).collect()) {
                    if file {
                        tree.insert(value, id.0);
                    } else {
                        tree.remove(value, id.0);
                    }
                }
            }
        }
    }

    pub(super) fn file_rel_ranges(&mut self, id: RelId, only: Option<PropKeyId>) {
        self.rel_ranges(id, only, true);
    }

    pub(super) fn unfile_rel_ranges(&mut self, id: RelId, only: Option<PropKeyId>) {
        self.rel_ranges(id, only, false);
    }

    fn rel_ranges(&mut self, id: RelId, only: Option<PropKeyId>, file: bool) {
        if self.indexes.is_empty() {
            return;
        }
        let Some(record) = self.rel_record(id) else { return };
        let Some(table) = self.rel_tables.get(record.ty.0 as usize) else { return };
        for (keys, tree) in self.indexes.ranges_mut(IndexTarget::Rel(record.ty)) {
            if only.is_some_and(|k| !keys.contains(&k)) {
                continue;
            }
            if let Some(value) = index_value(keys.iter().map(|k| table.get(record.row, *k)).collect()) {
                if file {
                    tree.insert(value, id.0);
                } else {
                    tree.remove(value, id.0);
                }
            }
        }
    }

    /// Whether any range index over a relationship type or node label reads `key`.
    pub(super) fn range_reads(&self, target: IndexTarget, key: PropKeyId) -> bool {
        !self.indexes.is_empty() && self.indexes.reads(target, key)
    }
}

//! What the planner may know about the graph: counts and which keys are indexed, never
//! a node or a relationship. The store answers them in constant time.

use crate::store::{Graph, LabelId, PropKeyId, RelTypeId};

pub trait Statistics {
    fn node_count(&self) -> usize;
    fn rel_count(&self) -> usize;
    fn label_count(&self, label: LabelId) -> usize;
    fn rel_type_count(&self, ty: RelTypeId) -> usize;
    /// Whether `(label, key)` is a declared key, so that the key index finds its nodes.
    fn is_key(&self, label: LabelId, key: PropKeyId) -> bool;
    /// Whether a range index (`CREATE INDEX`) on `key` alone covers the nodes of `label`.
    fn has_range_index(&self, _label: LabelId, _key: PropKeyId) -> bool {
        false
    }
    /// Whether a range index on `key` alone covers the relationships of `ty`.
    fn has_rel_range_index(&self, _ty: RelTypeId, _key: PropKeyId) -> bool {
        false
    }
}

impl Statistics for Graph {
    fn node_count(&self) -> usize {
        Graph::node_count(self)
    }

    fn rel_count(&self) -> usize {
        Graph::rel_count(self)
    }

    fn label_count(&self, label: LabelId) -> usize {
        Graph::label_count(self, label)
    }

    fn rel_type_count(&self, ty: RelTypeId) -> usize {
        Graph::rel_type_count(self, ty)
    }

    fn is_key(&self, label: LabelId, key: PropKeyId) -> bool {
        Graph::is_key(self, label, key)
    }

    fn has_range_index(&self, label: LabelId, key: PropKeyId) -> bool {
        Graph::has_range_index(self, crate::store::range_index::IndexTarget::Node(label), key)
    }

    fn has_rel_range_index(&self, ty: RelTypeId, key: PropKeyId) -> bool {
        Graph::has_range_index(self, crate::store::range_index::IndexTarget::Rel(ty), key)
    }
}

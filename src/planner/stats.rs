//! What the planner may know about the graph: exact counts, which keys are indexed, and
//! sampled figures per label, type and property (`store::GraphStats`), never a node or a
//! relationship. The store answers them without reading the data (the sampled figures
//! are taken once and kept until the graph changed enough).

use crate::store::{
    DegreeKey, DegreeStats, Direction, EndpointLabels, Graph, LabelId, PropKeyId, PropertyStats, RelTypeId,
};

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
    /// Whether a range index on `(label, key)` can find nodes by value.
    fn has_index(&self, label: LabelId, key: PropKeyId) -> bool {
        self.has_range_index(label, key)
    }
    /// Figures for property `key` of the nodes of `label` (of all nodes when `None`).
    fn node_property(&self, _label: Option<LabelId>, _key: PropKeyId) -> Option<PropertyStats> {
        None
    }
    /// Figures for property `key` of the relationships of type `ty`.
    fn rel_property(&self, _ty: RelTypeId, _key: PropKeyId) -> Option<PropertyStats> {
        None
    }
    /// Relationships per node of `label` (any node when `None`), of type `ty` (any when
    /// `None`), in `direction` (Outgoing or Incoming).
    fn degree(&self, _label: Option<LabelId>, _ty: Option<RelTypeId>, _direction: Direction) -> Option<DegreeStats> {
        None
    }
    /// Over the nodes of `label` (any node when `None`), the mean product of their degrees
    /// of kinds `a` and `b` (a type, any when `None`, and a direction): E[a·b].
    fn co_degree(&self, _label: Option<LabelId>, _a: DegreeKey, _b: DegreeKey) -> Option<f64> {
        None
    }
    /// Relationships of type `ty` from a node of `start` to a node of `end` (`None`: any).
    fn endpoint_count(&self, _start: Option<LabelId>, _ty: Option<RelTypeId>, _end: Option<LabelId>) -> Option<f64> {
        None
    }
    /// The label the schema guarantees the node at the far end of every relationship of
    /// type `ty` carries, read in `direction` (Outgoing: its end; Incoming: its start):
    /// the declared type allows exactly that one label there, in every endpoint pair.
    /// The store refuses any write that would break it, a label's removal included.
    fn guaranteed_far_label(&self, _ty: RelTypeId, _direction: Direction) -> Option<LabelId> {
        None
    }

    /// The name of `label`, for a plan that scans by a label the query did not write (one
    /// the schema guarantees).
    fn label_name(&self, _label: LabelId) -> Option<std::sync::Arc<str>> {
        None
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

    fn node_property(&self, label: Option<LabelId>, key: PropKeyId) -> Option<PropertyStats> {
        let stats = self.statistics();
        let nodes = stats.nodes.get(&label)?;
        match nodes.properties.get(&key) {
            Some(p) => Some(p.clone()),
            // Sampled, and none had it.
            None if nodes.sampled > 0 => Some(PropertyStats::absent()),
            None => None,
        }
    }

    fn rel_property(&self, ty: RelTypeId, key: PropKeyId) -> Option<PropertyStats> {
        let stats = self.statistics();
        let rels = stats.rels.get(&ty)?;
        match rels.properties.get(&key) {
            Some(p) => Some(p.clone()),
            None if rels.sampled > 0 => Some(PropertyStats::absent()),
            None => None,
        }
    }

    fn degree(&self, label: Option<LabelId>, ty: Option<RelTypeId>, direction: Direction) -> Option<DegreeStats> {
        let stats = self.statistics();
        let nodes = stats.nodes.get(&label)?;
        if nodes.sampled == 0 {
            return None;
        }
        Some(nodes.degrees.get(&(ty, direction)).copied().unwrap_or_default())
    }

    fn co_degree(&self, label: Option<LabelId>, a: DegreeKey, b: DegreeKey) -> Option<f64> {
        let stats = self.statistics();
        let nodes = stats.nodes.get(&label)?;
        if nodes.sampled == 0 {
            return None;
        }
        Some(nodes.co_degrees.get(&(a, b)).copied().unwrap_or_default())
    }

    fn guaranteed_far_label(&self, ty: RelTypeId, direction: Direction) -> Option<LabelId> {
        let declared = self.schema().rel_type(ty)?;
        let far = |(start, end): &(EndpointLabels, EndpointLabels)| match direction {
            Direction::Outgoing => only_label(end),
            Direction::Incoming => only_label(start),
            Direction::Both => None,
        };
        let first = far(declared.endpoints.first()?)?;
        declared.endpoints.iter().all(|pair| far(pair) == Some(first)).then_some(first)
    }

    fn label_name(&self, label: LabelId) -> Option<std::sync::Arc<str>> {
        Some(self.catalog().label_name(label).clone())
    }

    fn endpoint_count(&self, start: Option<LabelId>, ty: Option<RelTypeId>, end: Option<LabelId>) -> Option<f64> {
        let stats = self.statistics();
        let count = |rels: &crate::store::RelStats| rels.endpoints.get(&(start, end)).copied().unwrap_or(0.0);
        match ty {
            Some(ty) if self.rel_type_count(ty) == 0 => Some(0.0),
            Some(ty) => stats.rels.get(&ty).map(count),
            None if stats.rels.is_empty() && self.rel_count() > 0 => None,
            None => Some(stats.rels.values().map(count).sum()),
        }
    }
}

/// The one label an endpoint allows, if it allows exactly one.
fn only_label(side: &EndpointLabels) -> Option<LabelId> {
    match side {
        EndpointLabels::OneOf(labels) if labels.len() == 1 => labels.first().copied(),
        _ => None,
    }
}

//! The stored graph as a petgraph graph: [`View`] implements petgraph's visit traits
//! over the store's own arrays, so petgraph's algorithms (and libraries written against
//! those traits, such as rustworkx-core) run on the stored graph without a copy.
//!
//! A view covers every node and relationship, or the nodes carrying one of a set of
//! labels and the relationships of a set of types between them, in one orientation
//! ([`Natural`], [`Reversed`] or [`Undirected`], a type parameter so that petgraph's
//! `GraphProp::EdgeType` tells the truth). Node ids are the store's [`NodeId`]s,
//! indexable up to the store's node-id bound; edge ids are [`RelId`]s; an edge's weight
//! is its relationship type. A view borrows the graph, so nothing changes under it.

use std::marker::PhantomData;

use petgraph::visit::{
    Data, EdgeCount, EdgeRef, GraphBase, GraphProp, GraphRef, IntoEdgeReferences, IntoEdges, IntoEdgesDirected,
    IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount, NodeIndexable, VisitMap, Visitable,
};
use petgraph::{Directed, EdgeType};

use super::index::BitSet;
use super::{Direction, Graph, LabelId, NodeId, RelEntry, RelId, RelTypeId};

/// Which way a view's edges point, as a type: see [`Natural`], [`Reversed`], [`Undirected`].
pub trait Orientation: Copy + 'static {
    /// petgraph's kind of edges for this orientation.
    type EdgeType: EdgeType;
    /// The store's direction that gives the view's edges out of a node in `direction`.
    fn stored(direction: petgraph::Direction) -> Direction;
    /// A relationship as an edge of the view, seen from `from` (`None` for the view as a whole).
    fn ends(entry: &RelEntry, from: Option<(NodeId, petgraph::Direction)>) -> (NodeId, NodeId);
}

/// Edges from a relationship's start to its end.
#[derive(Debug, Clone, Copy)]
pub struct Natural;
/// Edges from a relationship's end to its start.
#[derive(Debug, Clone, Copy)]
pub struct Reversed;
/// Edges without direction: a node's edges are all its relationships, each seen from it.
#[derive(Debug, Clone, Copy)]
pub struct Undirected;

impl Orientation for Natural {
    type EdgeType = Directed;
    fn stored(direction: petgraph::Direction) -> Direction {
        match direction {
            petgraph::Direction::Outgoing => Direction::Outgoing,
            petgraph::Direction::Incoming => Direction::Incoming,
        }
    }
    fn ends(entry: &RelEntry, _: Option<(NodeId, petgraph::Direction)>) -> (NodeId, NodeId) {
        (entry.start, entry.end)
    }
}

impl Orientation for Reversed {
    type EdgeType = Directed;
    fn stored(direction: petgraph::Direction) -> Direction {
        Natural::stored(direction.opposite())
    }
    fn ends(entry: &RelEntry, _: Option<(NodeId, petgraph::Direction)>) -> (NodeId, NodeId) {
        (entry.end, entry.start)
    }
}

impl Orientation for Undirected {
    type EdgeType = petgraph::Undirected;
    fn stored(_: petgraph::Direction) -> Direction {
        Direction::Both
    }
    /// As petgraph's undirected graphs give them: an edge out of a node starts at it,
    /// one into a node ends at it.
    fn ends(entry: &RelEntry, from: Option<(NodeId, petgraph::Direction)>) -> (NodeId, NodeId) {
        let Some((node, direction)) = from else { return (entry.start, entry.end) };
        let other = if entry.start == node { entry.end } else { entry.start };
        match direction {
            petgraph::Direction::Outgoing => (node, other),
            petgraph::Direction::Incoming => (other, node),
        }
    }
}

/// The stored graph, or part of it, in one orientation, as petgraph sees a graph.
#[derive(Debug, Clone, Copy)]
pub struct View<'g, O: Orientation = Natural> {
    graph: &'g Graph,
    /// The labels of which a node carries at least one, or every node for `None`.
    labels: Option<&'g [LabelId]>,
    /// The types of the relationships in the view, or every type for `None`.
    types: Option<&'g [RelTypeId]>,
    orientation: PhantomData<O>,
}

impl Graph {
    /// Every node and relationship, as petgraph sees a graph.
    pub fn view(&self) -> View<'_, Natural> {
        View { graph: self, labels: None, types: None, orientation: PhantomData }
    }
}

impl<'g, O: Orientation> View<'g, O> {
    /// Only the nodes carrying one of `labels` (and the relationships between them).
    pub fn with_labels(self, labels: &'g [LabelId]) -> View<'g, O> {
        View { labels: Some(labels), ..self }
    }

    /// Only the relationships of one of `types`.
    pub fn with_types(self, types: &'g [RelTypeId]) -> View<'g, O> {
        View { types: Some(types), ..self }
    }

    /// The same nodes and relationships in another orientation.
    pub fn oriented<P: Orientation>(self) -> View<'g, P> {
        View { graph: self.graph, labels: self.labels, types: self.types, orientation: PhantomData }
    }

    /// Whether `node` is a live node of the view.
    pub fn has_node(&self, node: NodeId) -> bool {
        match self.labels {
            None => self.graph.contains_node(node),
            Some(labels) => labels.iter().any(|&l| self.graph.node_has_label(node, l)),
        }
    }

    /// Whether the relationship (of one of the view's types) joins two nodes of the view.
    fn has_rel(&self, entry: &RelEntry) -> bool {
        self.labels.is_none() || (self.has_node(entry.start) && self.has_node(entry.end))
    }

    fn has_type(&self, ty: RelTypeId) -> bool {
        self.types.is_none_or(|types| types.contains(&ty))
    }

    /// The view's edges at `node` in `direction`, each seen from it.
    fn edges_at(self, node: NodeId, direction: petgraph::Direction) -> Edges<'g> {
        if !self.has_node(node) {
            return Box::new(std::iter::empty());
        }
        let rels = self.graph.rels_of_types(node, O::stored(direction), self.types);
        Box::new(rels.filter(move |e| self.has_rel(e)).map(move |e| Edge::of(&e, O::ends(&e, Some((node, direction))))))
    }
}

/// One edge of a view: the relationship's id, its ends as the view orients them, its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub id: RelId,
    pub source: NodeId,
    pub target: NodeId,
    pub ty: RelTypeId,
}

impl Edge {
    fn of(entry: &RelEntry, (source, target): (NodeId, NodeId)) -> Edge {
        Edge { id: entry.id, source, target, ty: entry.ty }
    }
}

impl EdgeRef for Edge {
    type NodeId = NodeId;
    type EdgeId = RelId;
    type Weight = RelTypeId;
    fn source(&self) -> NodeId {
        self.source
    }
    fn target(&self) -> NodeId {
        self.target
    }
    fn weight(&self) -> &RelTypeId {
        &self.ty
    }
    fn id(&self) -> RelId {
        self.id
    }
}

/// A view's edges at a node, or all of them.
pub type Edges<'g> = Box<dyn Iterator<Item = Edge> + 'g>;
/// A view's nodes, or the neighbours of one.
pub type Nodes<'g> = Box<dyn Iterator<Item = NodeId> + 'g>;

impl<O: Orientation> GraphBase for View<'_, O> {
    type NodeId = NodeId;
    type EdgeId = RelId;
}

impl<O: Orientation> GraphRef for View<'_, O> {}

impl<O: Orientation> Data for View<'_, O> {
    type NodeWeight = ();
    type EdgeWeight = RelTypeId;
}

impl<O: Orientation> GraphProp for View<'_, O> {
    type EdgeType = O::EdgeType;
}

impl<'g, O: Orientation> IntoNeighbors for View<'g, O> {
    type Neighbors = Nodes<'g>;
    fn neighbors(self, a: NodeId) -> Nodes<'g> {
        Box::new(self.edges_at(a, petgraph::Direction::Outgoing).map(|e| e.target))
    }
}

impl<'g, O: Orientation> IntoNeighborsDirected for View<'g, O> {
    type NeighborsDirected = Nodes<'g>;
    fn neighbors_directed(self, a: NodeId, d: petgraph::Direction) -> Nodes<'g> {
        let other = move |e: Edge| match d {
            petgraph::Direction::Outgoing => e.target,
            petgraph::Direction::Incoming => e.source,
        };
        Box::new(self.edges_at(a, d).map(other))
    }
}

impl<'g, O: Orientation> IntoEdgeReferences for View<'g, O> {
    type EdgeRef = Edge;
    type EdgeReferences = Edges<'g>;
    /// Every edge once, in relationship id order.
    fn edge_references(self) -> Edges<'g> {
        let graph = self.graph;
        let rels = graph.rel_ids().filter_map(|id| graph.rel(id));
        Box::new(rels.filter(move |e| self.has_type(e.ty) && self.has_rel(e)).map(|e| Edge::of(&e, O::ends(&e, None))))
    }
}

impl<'g, O: Orientation> IntoEdges for View<'g, O> {
    type Edges = Edges<'g>;
    fn edges(self, a: NodeId) -> Edges<'g> {
        self.edges_at(a, petgraph::Direction::Outgoing)
    }
}

impl<'g, O: Orientation> IntoEdgesDirected for View<'g, O> {
    type EdgesDirected = Edges<'g>;
    fn edges_directed(self, a: NodeId, dir: petgraph::Direction) -> Edges<'g> {
        self.edges_at(a, dir)
    }
}

impl<'g, O: Orientation> IntoNodeIdentifiers for View<'g, O> {
    type NodeIdentifiers = Nodes<'g>;
    /// The view's nodes in id order.
    fn node_identifiers(self) -> Nodes<'g> {
        Box::new(self.graph.node_ids().filter(move |&n| self.has_node(n)))
    }
}

impl<O: Orientation> NodeIndexable for View<'_, O> {
    fn node_bound(&self) -> usize {
        self.graph.node_id_bound() as usize
    }
    fn to_index(&self, a: NodeId) -> usize {
        a.0 as usize
    }
    fn from_index(&self, i: usize) -> NodeId {
        NodeId(i as u32)
    }
}

impl<O: Orientation> NodeCount for View<'_, O> {
    fn node_count(&self) -> usize {
        match self.labels {
            None => self.graph.node_count(),
            Some(_) => self.graph.node_ids().filter(|&n| self.has_node(n)).count(),
        }
    }
}

impl<O: Orientation> EdgeCount for View<'_, O> {
    fn edge_count(&self) -> usize {
        match (self.labels, self.types) {
            (None, None) => self.graph.rel_count(),
            (None, Some(types)) => types.iter().map(|&t| self.graph.rel_type_count(t)).sum(),
            (Some(_), _) => self.oriented::<Natural>().edge_references().count(),
        }
    }
}

/// Which nodes a traversal has visited: one bit per id below the store's node-id bound.
#[derive(Debug, Clone)]
pub struct Visited(BitSet);

impl VisitMap<NodeId> for Visited {
    fn visit(&mut self, a: NodeId) -> bool {
        self.0.insert(a.0)
    }
    fn is_visited(&self, a: &NodeId) -> bool {
        self.0.contains(a.0)
    }
    fn unvisit(&mut self, a: NodeId) -> bool {
        self.0.remove(a.0)
    }
}

impl<O: Orientation> Visitable for View<'_, O> {
    type Map = Visited;
    fn visit_map(&self) -> Visited {
        let words = (self.graph.node_id_bound() as usize).div_ceil(64);
        Visited(BitSet::from_words(vec![0; words]))
    }
    fn reset_map(&self, map: &mut Visited) {
        *map = self.visit_map();
    }
}

#[cfg(test)]
mod tests;

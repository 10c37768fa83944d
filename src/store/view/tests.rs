//! petgraph's algorithms over a [`View`] give what they give over a petgraph `Graph`
//! built from the same nodes and relationships, for every selection and orientation.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::algo::{dijkstra, kosaraju_scc};
use petgraph::graph::NodeIndex;
use petgraph::visit::{Bfs, EdgeCount, IntoNeighborsDirected, NodeCount};

use super::*;
use crate::store::Txn;

/// The stored graph and what the test knows of it: each live node's labels, each live
/// relationship.
struct Fixture {
    graph: Graph,
    labels: BTreeMap<NodeId, Vec<LabelId>>,
    rels: Vec<RelEntry>,
    a: LabelId,
    t: RelTypeId,
}

/// 60 nodes labelled A, B or both, 240 relationships of types T and U at random
/// (self-loops and parallel ones among them), then some of each deleted, so ids have holes.
fn fixture() -> Fixture {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut graph = Graph::new();
    let mut txn = Txn::new(&mut graph);
    let (Ok(a), Ok(b), Ok(t), Ok(u)) = (txn.label("A"), txn.label("B"), txn.rel_type("T"), txn.rel_type("U")) else {
        panic!("names")
    };
    let mut nodes = Vec::new();
    for i in 0..60 {
        let labels = match i % 4 {
            0 => vec![b],
            1 => vec![a, b],
            _ => vec![a],
        };
        let Ok(node) = txn.create_node(labels, vec![]) else { panic!("create node") };
        nodes.push(node);
    }
    for _ in 0..240 {
        let (s, e) = (nodes[next(60) as usize], nodes[next(60) as usize]);
        let ty = if next(3) == 0 { u } else { t };
        assert!(txn.create_rel(ty, s, e, vec![]).is_ok());
    }
    assert!(txn.commit().is_ok());
    let mut txn = Txn::new(&mut graph);
    for i in [3, 17, 40] {
        assert!(txn.delete_node(nodes[i], true).is_ok());
    }
    assert!(txn.commit().is_ok());
    let doomed: Vec<RelId> = graph.rel_ids().filter(|r| r.0 % 11 == 0).collect();
    let mut txn = Txn::new(&mut graph);
    for r in doomed {
        assert!(txn.delete_rel(r).is_ok());
    }
    assert!(txn.commit().is_ok());
    let labels = graph.node_ids().map(|n| (n, graph.node_labels(n).to_vec())).collect();
    let rels = graph.rel_ids().filter_map(|r| graph.rel(r)).collect();
    Fixture { graph, labels, rels, a, t }
}

/// A petgraph `Graph` of the selected nodes and relationships, oriented as `O`, its
/// weights the store's ids.
fn reference<O: Orientation>(
    f: &Fixture,
    labels: Option<&[LabelId]>,
    types: Option<&[RelTypeId]>,
) -> petgraph::Graph<NodeId, RelId, O::EdgeType> {
    let mut reference = petgraph::Graph::default();
    let mut index = HashMap::new();
    for (&node, node_labels) in &f.labels {
        if labels.is_none_or(|ls| ls.iter().any(|l| node_labels.contains(l))) {
            index.insert(node, reference.add_node(node));
        }
    }
    for rel in f.rels.iter().filter(|r| types.is_none_or(|ts| ts.contains(&r.ty))) {
        if let (Some(&s), Some(&e)) = (index.get(&rel.start), index.get(&rel.end)) {
            let (s, e) = if O::ends(rel, None) == (rel.start, rel.end) { (s, e) } else { (e, s) };
            reference.add_edge(s, e, rel.id);
        }
    }
    reference
}

fn sorted_components(components: Vec<Vec<NodeId>>) -> BTreeSet<BTreeSet<NodeId>> {
    components.into_iter().map(|c| c.into_iter().collect()).collect()
}

/// The same answers from the view and from the reference graph.
fn compare<O: Orientation>(view: View<'_, O>, reference: &petgraph::Graph<NodeId, RelId, O::EdgeType>) {
    let id = |i: NodeIndex| reference[i];
    assert_eq!(view.node_count(), reference.node_count());
    assert_eq!(view.edge_count(), reference.edge_count());
    // Each node's neighbours, as multisets, both ways.
    for i in reference.node_indices() {
        for d in [petgraph::Direction::Outgoing, petgraph::Direction::Incoming] {
            let mut got: Vec<NodeId> = view.neighbors_directed(id(i), d).collect();
            let mut want: Vec<NodeId> = reference.neighbors_directed(i, d).map(id).collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "neighbours of {} {d:?}", id(i));
        }
    }
    let got = sorted_components(kosaraju_scc(view));
    let want =
        sorted_components(kosaraju_scc(reference).into_iter().map(|c| c.into_iter().map(id).collect()).collect());
    assert_eq!(got, want, "strongly connected components");
    let cost = |rel: RelId| u64::from(rel.0 % 5) + 1;
    for start in reference.node_indices().step_by(7) {
        let got: BTreeMap<NodeId, u64> = dijkstra(view, id(start), None, |e| cost(e.id())).into_iter().collect();
        let want: BTreeMap<NodeId, u64> =
            dijkstra(reference, start, None, |e| cost(*e.weight())).into_iter().map(|(i, c)| (id(i), c)).collect();
        assert_eq!(got, want, "shortest paths from {}", id(start));
        let mut bfs = Bfs::new(view, id(start));
        let mut got = BTreeSet::new();
        while let Some(n) = bfs.next(view) {
            got.insert(n);
        }
        let mut bfs = Bfs::new(reference, start);
        let mut want = BTreeSet::new();
        while let Some(n) = bfs.next(reference) {
            want.insert(id(n));
        }
        assert_eq!(got, want, "reached from {}", id(start));
    }
}

fn compare_orientations(f: &Fixture, labels: Option<&[LabelId]>, types: Option<&[RelTypeId]>) {
    let mut view = f.graph.view();
    if let Some(labels) = labels {
        view = view.with_labels(labels);
    }
    if let Some(types) = types {
        view = view.with_types(types);
    }
    compare(view, &reference::<Natural>(f, labels, types));
    compare(view.oriented::<Reversed>(), &reference::<Reversed>(f, labels, types));
    compare(view.oriented::<Undirected>(), &reference::<Undirected>(f, labels, types));
}

#[test]
fn algorithms_over_the_whole_graph_match_petgraph() {
    let f = fixture();
    assert!(f.graph.node_id_bound() as usize > f.labels.len(), "deleted nodes leave holes");
    compare_orientations(&f, None, None);
}

#[test]
fn algorithms_over_a_label_or_a_type_match_petgraph() {
    let f = fixture();
    compare_orientations(&f, Some(&[f.a]), None);
    compare_orientations(&f, None, Some(&[f.t]));
    compare_orientations(&f, Some(&[f.a]), Some(&[f.t]));
}

#[test]
fn an_undirected_edge_starts_at_the_node_it_is_seen_from() {
    use petgraph::visit::{EdgeRef, IntoEdgesDirected};
    let f = fixture();
    let view = f.graph.view().oriented::<Undirected>();
    for &node in f.labels.keys() {
        assert!(view.edges_directed(node, petgraph::Direction::Outgoing).all(|e| e.source() == node));
        assert!(view.edges_directed(node, petgraph::Direction::Incoming).all(|e| e.target() == node));
    }
}

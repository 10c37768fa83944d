use super::*;
use crate::value::Value;

fn txn_create_node(graph: &mut Graph, label: &str, name: &str) -> NodeId {
    let mut txn = Txn::new(graph);
    let label = txn.label(label).unwrap_or(LabelId(0));
    let key = txn.prop_key("name");
    let id = txn.create_node(vec![label], vec![(key, Value::string(name))]);
    let id = id.unwrap_or(NodeId(0));
    assert!(txn.commit().is_ok());
    id
}

fn link(graph: &mut Graph, a: NodeId, b: NodeId) -> RelId {
    let mut txn = Txn::new(graph);
    let ty = txn.rel_type("KNOWS").unwrap_or(RelTypeId(0));
    let id = txn.create_rel(ty, a, b, vec![]).unwrap_or(RelId(0));
    assert!(txn.commit().is_ok());
    id
}

#[test]
fn ids_are_never_reused_after_deletion() {
    let mut graph = Graph::new();
    let a = txn_create_node(&mut graph, "A", "a");
    let b = txn_create_node(&mut graph, "A", "b");
    let r = link(&mut graph, a, b);
    let mut txn = Txn::new(&mut graph);
    assert!(txn.delete_node(b, true).is_ok());
    assert!(txn.commit().is_ok());
    let c = txn_create_node(&mut graph, "A", "c");
    let r2 = link(&mut graph, a, c);
    assert!(c.0 > b.0, "node id {c} reuses a deleted id");
    assert!(r2.0 > r.0, "relationship id {r2} reuses a deleted id");
    assert_eq!(graph.node_count(), 2);
    assert_eq!(graph.rel_count(), 1);
    assert!(!graph.contains_node(b));
    assert!(!graph.contains_rel(r));
}

#[test]
fn a_dropped_transaction_undoes_everything() {
    let mut graph = Graph::new();
    let a = txn_create_node(&mut graph, "A", "a");
    let b = txn_create_node(&mut graph, "A", "b");
    let r = link(&mut graph, a, b);
    let before = snapshot::to_bytes(&graph).unwrap_or_default();
    {
        let mut txn = Txn::new(&mut graph);
        let key = txn.prop_key("name");
        assert!(txn.set_node_property(a, key, Value::string("changed")).is_ok());
        assert!(txn.delete_node(b, true).is_ok());
        let label = txn.label("B").unwrap_or(LabelId(0));
        assert!(txn.create_node(vec![label], vec![]).is_ok());
        // Dropped without commit.
    }
    assert_eq!(snapshot::to_bytes(&graph).unwrap_or_default(), before);
    assert!(graph.contains_rel(r));
    assert_eq!(graph.rel(r).map(|e| (e.start, e.end)), Some((a, b)));
}

#[test]
fn deleting_a_connected_node_without_detach_fails() {
    let mut graph = Graph::new();
    let a = txn_create_node(&mut graph, "A", "a");
    let b = txn_create_node(&mut graph, "A", "b");
    link(&mut graph, a, b);
    let mut txn = Txn::new(&mut graph);
    let err = txn.delete_node(a, false).err().map(|e| e.code);
    assert_eq!(err, Some(crate::ErrorCode::DeleteConnectedNode));
}

/// A graph whose one node type, Country, is keyed by its required `name`.
fn graph_keyed_by_country_name() -> (Graph, LabelId, PropKeyId) {
    let mut graph = Graph::new();
    let mut txn = Txn::new(&mut graph);
    let label = txn.label_for_definition("Country");
    let name = txn.prop_key("name");
    let def = PropertyDef { key: name, ty: PropertyType::String, required: true };
    assert!(txn.define_node_type(NodeType { label, properties: vec![def], key: Some(name) }).is_ok());
    assert!(txn.commit().is_ok());
    (graph, label, name)
}

#[test]
fn label_and_key_indexes_follow_writes() {
    let (mut graph, label, name) = graph_keyed_by_country_name();
    let russia = txn_create_node(&mut graph, "Country", "Russia");
    assert_eq!(graph.node_by_key(label, name, &Value::string("Russia")), Some(russia));
    let mut txn = Txn::new(&mut graph);
    assert!(txn.set_node_property(russia, name, Value::string("Russian Federation")).is_ok());
    assert!(txn.commit().is_ok());
    assert_eq!(graph.node_by_key(label, name, &Value::string("Russia")), None);
    assert_eq!(graph.node_by_key(label, name, &Value::string("Russian Federation")), Some(russia));
    assert_eq!(graph.nodes_with_label(label).collect::<Vec<_>>(), vec![russia]);
}

#[test]
fn relationship_properties_live_in_columns_per_type() {
    let mut graph = Graph::new();
    let a = txn_create_node(&mut graph, "A", "a");
    let b = txn_create_node(&mut graph, "A", "b");
    let mut txn = Txn::new(&mut graph);
    let ty = txn.rel_type("R").unwrap_or(RelTypeId(0));
    let w = txn.prop_key("w");
    let r1 = txn.create_rel(ty, a, b, vec![(w, Value::Int(1))]).unwrap_or(RelId(0));
    let r2 = txn.create_rel(ty, b, a, vec![]).unwrap_or(RelId(0));
    assert!(txn.commit().is_ok());
    assert_eq!(graph.rel_property(r1, w), Some(Value::Int(1)));
    assert_eq!(graph.rel_property(r2, w), None);
    assert_eq!(graph.rels_of(a, Direction::Both).count(), 2);
    assert_eq!(graph.rels_of(a, Direction::Outgoing).map(|e| e.id).collect::<Vec<_>>(), vec![r1]);
}

/// Reading a node's relationships' numbers ahead of a fold (`touch_rel_numbers`) reads
/// each relationship's cell: it counts those that hold a number, and none of a key no
/// relationship holds.
#[test]
fn touching_relationship_numbers_reads_each_cell() {
    let mut graph = Graph::new();
    let a = txn_create_node(&mut graph, "A", "a");
    let b = txn_create_node(&mut graph, "A", "b");
    let mut txn = Txn::new(&mut graph);
    let ty = txn.rel_type("R").unwrap_or(RelTypeId(0));
    let (w, name, none) = (txn.prop_key("w"), txn.prop_key("name"), txn.prop_key("none"));
    for i in 0..10 {
        let props = match i % 3 {
            0 => vec![(w, Value::Int(i))],
            1 => vec![(w, Value::Float(i as f64 / 2.0))],
            _ => vec![(name, Value::string("x"))],
        };
        assert!(txn.create_rel(ty, a, b, props).is_ok());
    }
    assert!(txn.commit().is_ok());
    let rels: Vec<RelEntry> = graph.rels_of(a, Direction::Outgoing).collect();
    assert_eq!(rels.len(), 10);
    let numbers = rels.iter().filter(|r| graph.rel_number(r.id, w).is_some()).count();
    assert_eq!(graph.touch_rel_numbers(&rels, w), numbers);
    assert_eq!(graph.touch_rel_numbers(&rels, name), 0);
    assert_eq!(graph.touch_rel_numbers(&rels, none), 0);
}

/// The change log of committed statements is complete: replaying it on the state before
/// them rebuilds the same graph, ids included. The journal relies on this.
#[test]
fn redo_of_committed_changes_rebuilds_the_graph() {
    let mut graph = Graph::new();
    let a = txn_create_node(&mut graph, "A", "a");
    let before = graph.clone();
    let mut log = Vec::new();
    let b = txn_create_node(&mut graph, "B", "b");
    let r = link(&mut graph, a, b);
    for step in 0..3 {
        let mut txn = Txn::new(&mut graph);
        let key = txn.prop_key("step");
        assert!(txn.set_node_property(a, key, Value::Int(step)).is_ok());
        if step == 1 {
            assert!(txn.delete_rel(r).is_ok());
            let label = txn.label("C").unwrap_or(LabelId(0));
            assert!(txn.set_labels(b, &[label], &[]).is_ok());
        }
        let (_, changes) = txn.commit().unwrap_or_default();
        log.extend(changes);
    }
    // The first two statements were committed before the log started: replay them too.
    let mut replayed = before;
    let mut prefix = Vec::new();
    {
        let mut scratch = replayed.clone();
        let mut txn = Txn::new(&mut scratch);
        let label = txn.label("B").unwrap_or(LabelId(0));
        let name = txn.prop_key("name");
        let _ = txn.create_node(vec![label], vec![(name, Value::string("b"))]);
        let ty = txn.rel_type("KNOWS").unwrap_or(RelTypeId(0));
        let _ = txn.create_rel(ty, a, b, vec![]);
        prefix.extend(txn.commit().map(|(_, c)| c).unwrap_or_default());
    }
    *replayed.catalog_mut() = graph.catalog().clone();
    assert!(txn::redo(&mut replayed, prefix.into_iter().chain(log).collect()).is_ok());
    assert_eq!(snapshot::to_bytes(&replayed).ok(), snapshot::to_bytes(&graph).ok());
}

mod adjacency_agrees_with_a_scan {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Node,
        Rel {
            ty: u8,
            start: u8,
            end: u8,
        },
        DeleteRel(u8),
        DetachDeleteNode(u8),
        /// The statement so far fails: everything since the last commit is undone.
        Rollback,
        Commit,
        Rebuild,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            2 => Just(Op::Node),
            6 => (0u8..3, any::<u8>(), any::<u8>()).prop_map(|(ty, start, end)| Op::Rel { ty, start, end }),
            2 => any::<u8>().prop_map(Op::DeleteRel),
            1 => any::<u8>().prop_map(Op::DetachDeleteNode),
            1 => Just(Op::Rollback),
            2 => Just(Op::Commit),
            1 => Just(Op::Rebuild),
        ]
    }

    fn pick<T: Copy>(items: &[T], i: u8) -> Option<T> {
        (!items.is_empty()).then(|| items[i as usize % items.len()])
    }

    /// What `rels_of_types` should yield, found by looking at every relationship.
    fn scanned(graph: &Graph, node: NodeId, direction: Direction, ty: Option<RelTypeId>) -> Vec<u32> {
        let mut ids: Vec<u32> = graph
            .rel_ids()
            .filter_map(|id| graph.rel(id))
            .filter(|e| ty.is_none_or(|t| e.ty == t))
            .filter(|e| match direction {
                Direction::Outgoing => e.start == node,
                Direction::Incoming => e.end == node,
                Direction::Both => e.start == node || e.end == node,
            })
            .map(|e| e.id.0)
            .collect();
        ids.sort();
        ids
    }

    fn check(graph: &Graph) -> Result<(), TestCaseError> {
        let types: Vec<RelTypeId> = (0..graph.catalog().rel_types.len() as u32).map(RelTypeId).collect();
        for node in graph.node_ids() {
            for direction in [Direction::Outgoing, Direction::Incoming, Direction::Both] {
                for ty in std::iter::once(None).chain(types.iter().map(|&t| Some(t))) {
                    let wanted = ty.map(|t| vec![t]);
                    let mut got: Vec<u32> =
                        graph.rels_of_types(node, direction, wanted.as_deref()).map(|e| e.id.0).collect();
                    let count = graph.degree_of_types(node, direction, wanted.as_deref());
                    got.sort();
                    let expected = scanned(graph, node, direction, ty);
                    prop_assert_eq!(&got, &expected, "node {} {:?} {:?}", node, direction, ty);
                    prop_assert_eq!(count, expected.len());
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn after_any_writes_rollbacks_and_rebuilds(ops in prop::collection::vec(op(), 1..80)) {
            let mut graph = Graph::new();
            let mut txn = Txn::new(&mut graph);
            for op in ops {
                match op {
                    Op::Node => {
                        let label = txn.label("N").unwrap_or(LabelId(0));
                        let _ = txn.create_node(vec![label], vec![]);
                    }
                    Op::Rel { ty, start, end } => {
                        let nodes: Vec<NodeId> = txn.graph().node_ids().collect();
                        if let (Some(a), Some(b)) = (pick(&nodes, start), pick(&nodes, end)) {
                            let ty = txn.rel_type(["A", "B", "C"][ty as usize]).unwrap_or(RelTypeId(0));
                            let _ = txn.create_rel(ty, a, b, vec![]);
                        }
                    }
                    Op::DeleteRel(i) => {
                        let rels: Vec<RelId> = txn.graph().rel_ids().collect();
                        if let Some(r) = pick(&rels, i) {
                            let _ = txn.delete_rel(r);
                        }
                    }
                    Op::DetachDeleteNode(i) => {
                        let nodes: Vec<NodeId> = txn.graph().node_ids().collect();
                        if let Some(n) = pick(&nodes, i) {
                            let _ = txn.delete_node(n, true);
                        }
                    }
                    Op::Rollback => {
                        txn.rollback();
                        check(&graph)?;
                        txn = Txn::new(&mut graph);
                    }
                    Op::Commit => {
                        prop_assert!(txn.commit().is_ok());
                        check(&graph)?;
                        txn = Txn::new(&mut graph);
                    }
                    Op::Rebuild => {
                        prop_assert!(txn.commit().is_ok());
                        graph.rebuild_adjacency();
                        check(&graph)?;
                        txn = Txn::new(&mut graph);
                    }
                }
                check(txn.graph())?;
            }
        }
    }
}

#[test]
fn the_key_index_follows_undone_and_committed_writes() {
    let (mut graph, label, name) = graph_keyed_by_country_name();
    let key = |i: usize| Value::string(format!("c{i}"));
    let nodes: Vec<NodeId> = (0..300).map(|i| txn_create_node(&mut graph, "Country", &format!("c{i}"))).collect();
    {
        // Enough writes for the table to grow while the statement runs, then undone.
        let mut txn = Txn::new(&mut graph);
        for (i, &node) in nodes.iter().enumerate().step_by(2) {
            assert!(txn.set_node_property(node, name, key(i + 1000)).is_ok());
        }
        assert!(txn.delete_node(nodes[1], false).is_ok());
        for i in 2000..2500 {
            assert!(txn.create_node(vec![label], vec![(name, key(i))]).is_ok());
        }
        let taken = txn.create_node(vec![label], vec![(name, key(3))]).err().map(|e| e.code);
        assert_eq!(taken, Some(crate::ErrorCode::DuplicateKey));
    }
    for (i, &node) in nodes.iter().enumerate() {
        assert_eq!(graph.node_by_key(label, name, &key(i)), Some(node));
        assert_eq!(graph.node_by_key(label, name, &key(i + 1000)), None);
    }
    assert_eq!(graph.node_by_key(label, name, &key(2000)), None);
    let mut txn = Txn::new(&mut graph);
    assert!(txn.delete_node(nodes[1], false).is_ok());
    let again = txn.create_node(vec![label], vec![(name, key(1))]).unwrap_or(NodeId(0));
    assert!(txn.commit().is_ok());
    assert_eq!(graph.node_by_key(label, name, &key(1)), Some(again));
    assert_ne!(again, nodes[1]);
}

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

#[test]
fn label_and_key_indexes_follow_writes() {
    let mut graph = Graph::new();
    let mut txn = Txn::new(&mut graph);
    let label = txn.label_for_definition("Country");
    let name = txn.prop_key("name");
    let def = PropertyDef { key: name, ty: PropertyType::String, required: true };
    assert!(txn.define_node_type(NodeType { label, properties: vec![def], key: Some(name) }).is_ok());
    assert!(txn.commit().is_ok());
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
    assert_eq!(graph.rel_property(r1, w), Some(&Value::Int(1)));
    assert_eq!(graph.rel_property(r2, w), None);
    assert_eq!(graph.rels_of(a, Direction::Both).count(), 2);
    assert_eq!(graph.rels_of(a, Direction::Outgoing).map(|e| e.id).collect::<Vec<_>>(), vec![r1]);
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

//! A graph-level property test: random creates, deletes, property writes, failed
//! statements, compactions and snapshot round trips, the graph compared after each step
//! with a plain model of it, and with a replica that only replays the committed changes
//! (as the journal does), so ids must come out the same in both. A bulk load is not
//! journaled (the database writes a snapshot after it), so the replica then loads one.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

#[derive(Debug, Clone)]
enum Op {
    CreateNode {
        labels: u8,
        value: Option<i64>,
    },
    CreateRel {
        start: usize,
        end: usize,
        ty: u8,
        value: Option<i64>,
    },
    DeleteRel {
        pick: usize,
    },
    DetachDeleteNode {
        pick: usize,
    },
    SetNodeProperty {
        pick: usize,
        value: Option<i64>,
    },
    SetRelProperty {
        pick: usize,
        value: Option<i64>,
    },
    /// A statement that creates nodes and a relationship, deletes one, then fails.
    Failed {
        pick: usize,
    },
    Compact,
    /// A snapshot written and read back: the current version, or version 6 or 7.
    RoundTrip {
        old: bool,
    },
    /// Relationships added by a bulk load, which numbers them in its layout's order.
    BulkLoad {
        rels: Vec<(usize, usize, u8, Option<i64>)>,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let value = proptest::option::of(-1_000i64..1_000);
    prop_oneof![
        3 => (0u8..4, value.clone()).prop_map(|(labels, value)| Op::CreateNode { labels, value }),
        5 => (any::<usize>(), any::<usize>(), 0u8..3, value.clone())
            .prop_map(|(start, end, ty, value)| Op::CreateRel { start, end, ty, value }),
        2 => any::<usize>().prop_map(|pick| Op::DeleteRel { pick }),
        1 => any::<usize>().prop_map(|pick| Op::DetachDeleteNode { pick }),
        2 => (any::<usize>(), value.clone()).prop_map(|(pick, value)| Op::SetNodeProperty { pick, value }),
        2 => (any::<usize>(), value.clone()).prop_map(|(pick, value)| Op::SetRelProperty { pick, value }),
        1 => any::<usize>().prop_map(|pick| Op::Failed { pick }),
        1 => Just(Op::Compact),
        1 => any::<bool>().prop_map(|old| Op::RoundTrip { old }),
        1 => proptest::collection::vec((any::<usize>(), any::<usize>(), 0u8..3, value), 0..12)
            .prop_map(|rels| Op::BulkLoad { rels }),
    ]
}

/// What the graph should hold.
#[derive(Default)]
struct Model {
    nodes: BTreeMap<NodeId, (Vec<LabelId>, Option<i64>)>,
    rels: BTreeMap<RelId, (RelEntry, Option<i64>)>,
    /// The highest committed ids so far: a new one must be above them.
    last_node: Option<NodeId>,
    last_rel: Option<RelId>,
}

fn pick<K: Copy, V>(map: &BTreeMap<K, V>, i: usize) -> Option<K> {
    (!map.is_empty()).then(|| *map.keys().nth(i % map.len()).unwrap_or_else(|| unreachable!()))
}

/// The names the test uses, interned in the same order in every graph.
struct Names {
    labels: [LabelId; 2],
    types: [RelTypeId; 3],
    key: PropKeyId,
}

fn names(graph: &mut Graph) -> Names {
    let mut txn = Txn::new(graph);
    let label = |txn: &mut Txn<'_>, n: &str| txn.label(n).unwrap_or_else(|e| panic!("{e:?}"));
    let ty = |txn: &mut Txn<'_>, n: &str| txn.rel_type(n).unwrap_or_else(|e| panic!("{e:?}"));
    let labels = [label(&mut txn, "A"), label(&mut txn, "B")];
    let types = [ty(&mut txn, "T"), ty(&mut txn, "U"), ty(&mut txn, "V")];
    let key = txn.prop_key("x");
    assert!(txn.commit().is_ok());
    Names { labels, types, key }
}

/// Runs `op` on `graph` (committing, except for a failed statement) and the model;
/// returns the committed changes, or `None` for a bulk load (no changes to replay).
fn apply(graph: &mut Graph, model: &mut Model, names: &Names, op: Op) -> Option<Vec<Change>> {
    if let Op::BulkLoad { rels } = op {
        bulk_load(graph, model, names, rels);
        return None;
    }
    Some(apply_in_txn(graph, model, names, op))
}

/// A bulk load of `rels` between nodes the model holds; the model learns the ids the
/// load gave them: from the old bound on, in (type, start) order, ties in the order added.
fn bulk_load(graph: &mut Graph, model: &mut Model, names: &Names, rels: Vec<(usize, usize, u8, Option<i64>)>) {
    let key = names.key;
    let before = graph.rel_id_bound();
    let mut added = Vec::new();
    let mut builder = graph.bulk_load();
    for (start, end, ty, value) in rels {
        let (Some(start), Some(end)) = (pick(&model.nodes, start), pick(&model.nodes, end)) else { continue };
        let ty = names.types[ty as usize];
        let props = value.map(|v| vec![(key, Value::Int(v))]).unwrap_or_default();
        assert!(builder.add_rel(ty, start, end, props).is_ok());
        added.push((ty, start, end, value));
    }
    builder.finish();
    added.sort_by_key(|&(ty, start, _, _)| (ty, start));
    let new: Vec<RelEntry> = (before..graph.rel_id_bound()).filter_map(|i| graph.rel(RelId(i))).collect();
    assert_eq!(new.len(), added.len(), "relationships loaded");
    for (entry, (ty, start, end, value)) in new.into_iter().zip(added) {
        assert_eq!((entry.ty, entry.start, entry.end), (ty, start, end), "relationship {}", entry.id);
        assert!(model.last_rel.is_none_or(|last| entry.id > last), "relationship id {} handed out again", entry.id);
        model.last_rel = Some(entry.id);
        model.rels.insert(entry.id, (entry, value));
    }
}

fn apply_in_txn(graph: &mut Graph, model: &mut Model, names: &Names, op: Op) -> Vec<Change> {
    let key = names.key;
    let props = |v: Option<i64>| v.map(|v| vec![(key, Value::Int(v))]).unwrap_or_default();
    let mut txn = Txn::new(graph);
    match op {
        Op::CreateNode { labels, value } => {
            let labels: Vec<LabelId> = (0..2).filter(|b| labels & (1 << b) != 0).map(|b| names.labels[b]).collect();
            let Ok(id) = txn.create_node(labels.clone(), props(value)) else { panic!("create node") };
            assert!(model.last_node.is_none_or(|last| id > last), "node id {id} handed out again");
            model.last_node = Some(id);
            model.nodes.insert(id, (labels, value));
        }
        Op::CreateRel { start, end, ty, value } => {
            let (Some(start), Some(end)) = (pick(&model.nodes, start), pick(&model.nodes, end)) else { return vec![] };
            let ty = names.types[ty as usize];
            let Ok(id) = txn.create_rel(ty, start, end, props(value)) else { panic!("create rel") };
            assert!(model.last_rel.is_none_or(|last| id > last), "relationship id {id} handed out again");
            model.last_rel = Some(id);
            model.rels.insert(id, (RelEntry { id, ty, start, end }, value));
        }
        Op::DeleteRel { pick: i } => {
            let Some(id) = pick(&model.rels, i) else { return vec![] };
            assert!(txn.delete_rel(id).is_ok());
            model.rels.remove(&id);
        }
        Op::DetachDeleteNode { pick: i } => {
            let Some(id) = pick(&model.nodes, i) else { return vec![] };
            assert!(txn.delete_node(id, true).is_ok());
            model.nodes.remove(&id);
            model.rels.retain(|_, (e, _)| e.start != id && e.end != id);
        }
        Op::SetNodeProperty { pick: i, value } => {
            let Some(id) = pick(&model.nodes, i) else { return vec![] };
            assert!(txn.set_node_property(id, key, value.map_or(Value::Null, Value::Int)).is_ok());
            if let Some(node) = model.nodes.get_mut(&id) {
                node.1 = value;
            }
        }
        Op::SetRelProperty { pick: i, value } => {
            let Some(id) = pick(&model.rels, i) else { return vec![] };
            assert!(txn.set_rel_property(id, key, value.map_or(Value::Null, Value::Int)).is_ok());
            if let Some(rel) = model.rels.get_mut(&id) {
                rel.1 = value;
            }
        }
        Op::Failed { pick: i } => {
            let (Ok(a), Ok(b)) = (txn.create_node(vec![names.labels[0]], vec![]), txn.create_node(vec![], vec![]))
            else {
                panic!("create node")
            };
            assert!(txn.create_rel(names.types[0], a, b, vec![(key, Value::Int(1))]).is_ok());
            if let Some(id) = pick(&model.rels, i) {
                assert!(txn.delete_rel(id).is_ok());
            }
            txn.rollback();
            return vec![];
        }
        Op::Compact => {
            drop(txn);
            graph.rebuild_adjacency();
            return vec![];
        }
        Op::RoundTrip { old } => {
            drop(txn);
            let bytes = match old {
                true => snapshot::to_bytes_v7(graph),
                false => snapshot::to_bytes(graph),
            };
            let bytes = bytes.unwrap_or_else(|e| panic!("{e:?}"));
            *graph = snapshot::from_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
            return vec![];
        }
        Op::BulkLoad { .. } => return vec![],
    }
    let Ok((_, changes)) = txn.commit() else { panic!("commit") };
    changes
}

/// The graph holds exactly the model: entities, labels, properties, ends, adjacency,
/// the column predicate's answers.
fn check(graph: &Graph, model: &Model, names: &Names) {
    let key = names.key;
    assert_eq!(graph.node_ids().collect::<Vec<_>>(), model.nodes.keys().copied().collect::<Vec<_>>());
    assert_eq!(graph.rel_ids().collect::<Vec<_>>(), model.rels.keys().copied().collect::<Vec<_>>());
    assert_eq!((graph.node_count(), graph.rel_count()), (model.nodes.len(), model.rels.len()));
    for (&id, (labels, value)) in &model.nodes {
        let mut got = graph.node_labels(id).to_vec();
        got.sort();
        assert_eq!(&got, labels, "labels of {id}");
        assert_eq!(graph.node_property(id, key), value.map(Value::Int), "property of node {id}");
        for direction in [Direction::Outgoing, Direction::Incoming, Direction::Both] {
            let mut got: Vec<RelEntry> = graph.rels_of(id, direction).collect();
            got.sort_by_key(|e| e.id);
            let want: Vec<RelEntry> = model
                .rels
                .values()
                .map(|(e, _)| *e)
                .filter(|e| match direction {
                    Direction::Outgoing => e.start == id,
                    Direction::Incoming => e.end == id,
                    Direction::Both => e.start == id || e.end == id,
                })
                .collect();
            assert_eq!(got, want, "relationships of {id} {direction:?}");
            assert_eq!(graph.degree(id, direction), want.len());
        }
    }
    for (&id, (entry, value)) in &model.rels {
        assert_eq!(graph.rel(id), Some(*entry));
        assert_eq!(graph.rel_property(id, key), value.map(Value::Int), "property of relationship {id}");
    }
    for &label in &names.labels {
        let want: Vec<NodeId> =
            model.nodes.iter().filter(|(_, (ls, _))| ls.contains(&label)).map(|(&n, _)| n).collect();
        assert_eq!(graph.nodes_with_label_vec(label), want);
    }
    check_scans_and_property_tests(graph, model, names, key);
    let ids: Vec<NodeId> = model.nodes.keys().copied().collect();
    let mut mask = Vec::new();
    if graph.filter_nodes_by(key, (CmpOp::Ge, &Value::Int(0)), &ids, &mut mask) {
        let want: Vec<bool> = model.nodes.values().map(|(_, v)| v.is_some_and(|v| v >= 0)).collect();
        assert_eq!(mask, want);
    }
    // Every relationship against each type: one of another type fails.
    let rel_ids: Vec<RelId> = model.rels.keys().copied().collect();
    for &ty in &names.types {
        let mut mask = Vec::new();
        if graph.filter_rels_by(ty, key, (CmpOp::Ge, &Value::Int(0)), &rel_ids, &mut mask) {
            let want: Vec<bool> = model.rels.values().map(|(e, v)| e.ty == ty && v.is_some_and(|v| v >= 0)).collect();
            assert_eq!(mask, want, "relationships of type {ty} with x >= 0");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_graph_matches_a_plain_model_through_any_history(ops in proptest::collection::vec(op(), 1..60)) {
        let (mut graph, mut replica) = (Graph::new(), Graph::new());
        let names = names(&mut graph);
        let _ = names_of_replica(&mut replica);
        let mut model = Model::default();
        for op in ops {
            let changes = apply(&mut graph, &mut model, &names, op);
            check(&graph, &model, &names);
            match changes {
                Some(changes) => prop_assert!(txn::redo(&mut replica, changes).is_ok()),
                None => {
                    let bytes = snapshot::to_bytes(&graph).unwrap_or_else(|e| panic!("{e:?}"));
                    replica = snapshot::from_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
                }
            }
            replica.maintain();
            check(&replica, &model, &names);
            prop_assert_eq!((replica.node_id_bound(), replica.rel_id_bound()), (graph.node_id_bound(), graph.rel_id_bound()));
        }
    }
}

/// The replica's names, interned as the graph's were (a journal would carry them).
fn names_of_replica(replica: &mut Graph) -> Names {
    names(replica)
}

/// The column predicates (`filter/`) and the chunked candidates of a scan, after any
/// history of writes, deletes and rebuilds: chunks of every size put together are the
/// label's nodes (every live node without a label), and each test keeps exactly the
/// entities whose value in the model passes it.
fn check_scans_and_property_tests(graph: &Graph, model: &Model, names: &Names, key: PropKeyId) {
    let labels = names.labels.iter().map(|&l| Some(l)).chain([None]);
    for label in labels {
        for limit in [1, 3, 64, 1000] {
            let (mut got, mut from) = (Vec::new(), 0);
            loop {
                let before = got.len();
                from = graph.append_nodes_from(label, from, limit, &mut got);
                if got.len() == before {
                    break;
                }
            }
            let want: Vec<NodeId> = match label {
                Some(label) => graph.nodes_with_label_vec(label),
                None => model.nodes.keys().copied().collect(),
            };
            assert_eq!(got, want, "chunks of {limit} of {label:?}");
        }
    }
    let tests = [
        (TestOp::Cmp(CmpOp::Ge), Value::Int(0)),
        (TestOp::Cmp(CmpOp::Lt), Value::Float(0.5)),
        (TestOp::Cmp(CmpOp::Ne), Value::Int(1)),
        (TestOp::IsNull, Value::Null),
        (TestOp::StartsWith, Value::string("1")),
    ];
    for (op, constant) in tests {
        let test = PropertyTest { key: Some(key), op, constant };
        let mut nodes: Vec<NodeId> = model.nodes.keys().copied().collect();
        graph.retain_nodes_where(&test, &mut nodes, |n| n);
        let want: Vec<NodeId> =
            model.nodes.iter().filter(|(_, (_, v))| test.holds(v.map(Value::Int).as_ref())).map(|(&n, _)| n).collect();
        assert_eq!(nodes, want, "nodes passing {test:?}");
        for &ty in &names.types {
            let mut rels: Vec<RelId> = model.rels.keys().copied().collect();
            graph.retain_rels_where(ty, &test, &mut rels, |r| r);
            let want: Vec<RelId> = model
                .rels
                .iter()
                .filter(|(_, (e, v))| e.ty == ty && test.holds(v.map(Value::Int).as_ref()))
                .map(|(&r, _)| r)
                .collect();
            assert_eq!(rels, want, "relationships of type {ty} passing {test:?}");
        }
    }
}

use super::*;

const A: RelTypeId = RelTypeId(0);
const B: RelTypeId = RelTypeId(1);

fn build(rels: &[RelTuple], nodes: usize) -> Adjacency {
    let column = |f: fn(&RelTuple) -> u32| rels.iter().map(f).collect::<Vec<u32>>();
    let (ids, types) = (column(|r| r.0 .0), column(|r| r.1 .0));
    let (starts, ends) = (column(|r| r.2 .0), column(|r| r.3 .0));
    let id_bound = ids.last().map_or(0, |&id| id + 1);
    Adjacency::build(nodes, 2, id_bound, &RelArrays { ids: &ids, types: &types, starts: &starts, ends: &ends }).0
}

#[test]
fn the_arrays_record_each_relationship_whether_its_ids_are_consecutive_or_listed() {
    let n = NodeId;
    // A's ids come in its outgoing order (consecutive); B's do not (listed); 4 is a hole.
    let rels = [
        (RelId(0), A, n(1), n(2)),
        (RelId(1), A, n(1), n(3)),
        (RelId(2), A, n(3), n(1)),
        (RelId(3), B, n(3), n(2)),
        (RelId(5), B, n(1), n(1)),
        (RelId(6), B, n(4), n(4)),
    ];
    let column = |f: fn(&RelTuple) -> u32| rels.iter().map(f).collect::<Vec<u32>>();
    let (rel_ids, types) = (column(|r| r.0 .0), column(|r| r.1 .0));
    let (starts, ends) = (column(|r| r.2 .0), column(|r| r.3 .0));
    let arrays = RelArrays { ids: &rel_ids, types: &types, starts: &starts, ends: &ends };
    let (mut adj, ranks) = Adjacency::build(5, 2, 8, &arrays);
    assert!(matches!(adj.out.by_type[0].ids, RelIds::Consecutive { first: 0 }));
    assert!(matches!(adj.out.by_type[1].ids, RelIds::Listed(_)));
    // B's relationship 5 (rank 1) comes first, at node 1.
    assert_eq!(ranks, vec![None, Some(vec![1, 0, 2])]);
    for &(id, ty, start, end) in &rels {
        let (entry, _) = adj.entry(id).unwrap();
        assert_eq!((entry.ty, entry.start, entry.end), (ty, start, end), "relationship {id}");
    }
    assert_eq!(adj.locate(RelId(5)), Some((B, 0)));
    assert_eq!(adj.locate(RelId(6)), Some((B, 2)));
    for hole in [4, 7, 8, 100] {
        assert_eq!(adj.locate(RelId(hole)), None, "id {hole}");
    }
    adj.remove((RelId(1), A, n(1), n(3)));
    assert_eq!(adj.locate(RelId(1)), None);
    assert!(!adj.restore(RelId(4)));
    assert!(adj.restore(RelId(1)));
    assert_eq!(adj.locate(RelId(1)), Some((A, 1)));
    assert_eq!(ids(adj.rels(n(1), Direction::Outgoing, None)), vec![0, 1, 5]);
}

fn ids(rels: Rels<'_>) -> Vec<u32> {
    rels.map(|e| e.id.0).collect()
}

#[test]
fn runs_by_type_then_delta_in_every_direction() {
    let n = NodeId;
    let rels =
        [(RelId(0), B, n(1), n(2)), (RelId(1), A, n(1), n(3)), (RelId(2), B, n(2), n(1)), (RelId(3), A, n(1), n(1))];
    let mut adj = build(&rels, 4);
    assert_eq!(ids(adj.rels(n(1), Direction::Outgoing, None)), vec![1, 3, 0]);
    assert_eq!(ids(adj.rels(n(1), Direction::Incoming, None)), vec![3, 2]);
    // The self-loop once.
    assert_eq!(ids(adj.rels(n(1), Direction::Both, None)), vec![1, 3, 0, 2]);
    assert_eq!(adj.degree(n(1), Direction::Both, None), 4);
    let reader = adj.type_reader(Direction::Incoming, A).unwrap();
    assert_eq!(reader.links(n(1)).collect::<Vec<_>>(), vec![(RelId(3), n(1))]);
    assert_eq!(reader.links(n(3)).collect::<Vec<_>>(), vec![(RelId(1), n(1))]);
    assert!(adj.type_reader(Direction::Outgoing, RelTypeId(9)).unwrap().links(n(1)).next().is_none());
    assert!(adj.type_reader(Direction::Both, A).is_none());
    assert_eq!(adj.degree(n(1), Direction::Both, Some(&[A])), 2);
    assert_eq!(ids(adj.rels(n(1), Direction::Both, Some(&[B, B]))), vec![0, 2]);
    assert_eq!(adj.degree(n(1), Direction::Outgoing, Some(&[A])), 2);
    adj.insert((RelId(4), A, n(1), n(5)));
    // With a delta, the arrays are not all there is.
    assert!(adj.type_reader(Direction::Outgoing, A).is_none());
    adj.remove((RelId(1), A, n(1), n(3)));
    assert_eq!(ids(adj.rels(n(1), Direction::Outgoing, Some(&[A]))), vec![3, 4]);
    assert_eq!(adj.degree(n(1), Direction::Outgoing, Some(&[A])), 2);
    assert_eq!(ids(adj.rels(n(5), Direction::Incoming, None)), vec![4]);
    adj.remove((RelId(4), A, n(1), n(5)));
    assert_eq!(ids(adj.rels(n(5), Direction::Both, None)), Vec::<u32>::new());
    assert_eq!(adj.n_added, 0);
    // A node past the arrays' bound.
    assert_eq!(ids(adj.rels(n(40), Direction::Both, None)), Vec::<u32>::new());
}

#[test]
fn a_type_spread_thin_over_its_span_keeps_a_sorted_node_list() {
    let n = NodeId;
    let rels = [
        (RelId(0), A, n(900), n(3)),
        (RelId(1), B, n(4), n(5)),
        (RelId(2), A, n(3), n(900)),
        (RelId(3), A, n(900), n(4)),
        (RelId(4), B, n(5), n(4)),
    ];
    let adj = build(&rels, 1000);
    assert!(matches!(adj.out.by_type[0].runs, Runs::Sparse { .. }));
    assert!(matches!(adj.out.by_type[1].runs, Runs::Dense { base: 4, .. }));
    assert_eq!(ids(adj.rels(n(900), Direction::Outgoing, None)), vec![0, 3]);
    assert_eq!(ids(adj.rels(n(3), Direction::Both, Some(&[A]))), vec![2, 0]);
    assert_eq!(ids(adj.rels(n(4), Direction::Both, None)), vec![1, 3, 4]);
    for node in [3, 4, 5, 900] {
        for direction in [Direction::Outgoing, Direction::Incoming, Direction::Both] {
            for types in [None, Some(&[A][..]), Some(&[B, A, B][..])] {
                assert_eq!(adj.degree(n(node), direction, types), adj.rels(n(node), direction, types).count());
            }
        }
    }
    assert_eq!(adj.degree(n(900), Direction::Incoming, Some(&[A, B])), 1);
    for node in [0, 2, 6, 899, 901, 999, 5000] {
        assert_eq!(adj.degree(n(node), Direction::Outgoing, None), 0, "node {node}");
        assert_eq!(ids(adj.rels(n(node), Direction::Both, None)), Vec::<u32>::new(), "node {node}");
    }
}

#[test]
fn arrays_that_name_a_type_past_the_bound_give_an_empty_adjacency() {
    let rels = [(RelId(0), RelTypeId(7), NodeId(0), NodeId(1))];
    let adj = build(&rels, 2);
    assert_eq!(adj.out.len, 0);
    assert_eq!(ids(adj.rels(NodeId(0), Direction::Both, None)), Vec::<u32>::new());
}

#[test]
fn kept_incoming_arrays_are_taken_only_when_they_mirror_the_outgoing_ones() {
    // (start, id, end), sorted by start: node 2's incoming run is relationships 0 and 3.
    let out = TypeLayout::of_sorted(&[(1, 0, 2), (1, 1, 3), (3, 2, 1), (3, 3, 2)]);
    let built = out.clone().runs().incoming().to_layout();
    let keeping = |kept: TypeLayout| Adjacency::from_layouts_keeping(5, 4, vec![out.clone()], vec![Some(kept)]);
    let (Some(kept), Some(plain)) = (keeping(built.clone()), Adjacency::from_layouts(5, 4, vec![out.clone()])) else {
        panic!("the built incoming arrays were refused");
    };
    assert_eq!(format!("{:?}", kept.inc.by_type), format!("{:?}", plain.inc.by_type));
    let damaged = |damage: fn(&mut TypeLayout)| {
        let mut layout = built.clone();
        damage(&mut layout);
        keeping(layout).is_none()
    };
    assert!(damaged(|l| l.others[0] = NodeId(4).0), "a wrong start node");
    assert!(damaged(|l| l.ids.swap(1, 2)), "a run out of id order");
    assert!(damaged(|l| l.ids[0] = 3), "a relationship twice");
    assert!(damaged(|l| l.others[0] = 9), "a node past the bound");
    assert!(damaged(|l| {
        l.others.pop();
        l.ids.pop();
        *l.offsets.last_mut().unwrap_or(&mut 0) -= 1;
    }));
}

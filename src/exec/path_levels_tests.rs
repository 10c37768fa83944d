//! The breadth-first ends against the depth-first paths: on random graphs, the same ends,
//! each with the fewest relationships of a path there.

use std::collections::{BTreeMap, HashSet};

use super::{levels_apply, nearest_ends};
use crate::exec::pattern::paths;
use crate::exec::row::Row;
use crate::planner::Step;
use crate::store::{Graph, NodeId, RelId};
use crate::syntax::ast::RelDirection;
use crate::{Database, Params};

/// A random multigraph of `nodes` nodes and `rels` relationships (loops and parallel
/// ones included), from a small linear congruential generator seeded with `seed`.
fn random_graph(seed: u64, nodes: u64, rels: u64) -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    db.execute(&format!("UNWIND range(0, {}) AS i CREATE (:N {{i: i}})", nodes - 1), &params).unwrap();
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = |bound: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % bound
    };
    let pairs: Vec<String> = (0..rels).map(|_| format!("[{}, {}]", next(nodes), next(nodes))).collect();
    let create = format!(
        "UNWIND [{}] AS pair MATCH (a:N {{i: pair[0]}}), (b:N {{i: pair[1]}}) CREATE (a)-[:K]->(b)",
        pairs.join(", ")
    );
    db.execute(&create, &params).unwrap();
    db
}

fn any_step(direction: RelDirection) -> Step {
    Step { direction, types: Vec::new(), properties: Vec::new(), filters: Vec::new() }
}

/// Each end of the paths of `min..=max` relationships, with the fewest of one there.
fn by_paths(
    graph: &Graph,
    start: NodeId,
    step: &Step,
    (min, max): (u64, u64),
    exclude: &HashSet<RelId>,
) -> BTreeMap<NodeId, u64> {
    let mut out = BTreeMap::new();
    paths(graph, start, step, &Row::default(), (min, Some(max), None), exclude, &mut |rels, end| {
        let length = rels.len() as u64;
        out.entry(end).and_modify(|l: &mut u64| *l = (*l).min(length)).or_insert(length);
        Ok(true)
    })
    .unwrap();
    out
}

#[test]
fn the_nearest_ends_are_those_of_the_paths_with_their_fewest_relationships() {
    let mut compared = 0;
    for seed in 0..40 {
        let (nodes, rels) = (3 + seed % 9, 2 + (seed * 7) % 23);
        let db = random_graph(seed, nodes, rels);
        let graph = db.graph();
        let exclude: HashSet<RelId> = graph.rel_ids().take((seed % 3) as usize).collect();
        for start in graph.node_ids() {
            for direction in [RelDirection::Right, RelDirection::Left, RelDirection::Both] {
                let step = any_step(direction);
                for (min, max) in [(0, 1), (0, 3), (1, 1), (1, 2), (1, 3), (1, 5)] {
                    let expected = by_paths(graph, start, &step, (min, max), &exclude);
                    let found = nearest_ends(graph, start, &step, &Row::default(), (min, max), &exclude).unwrap();
                    assert_eq!(found.len(), expected.len(), "seed {seed} {direction:?} {min}..{max}: each end once");
                    let found: BTreeMap<NodeId, u64> = found.into_iter().collect();
                    assert_eq!(found, expected, "seed {seed} {direction:?} {min}..{max} from {start:?}");
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 1000);
}

#[test]
fn the_nearest_ends_come_nearest_first() {
    let db = random_graph(7, 12, 30);
    let graph = db.graph();
    let start = graph.node_ids().next().unwrap();
    let found =
        nearest_ends(graph, start, &any_step(RelDirection::Both), &Row::default(), (1, 4), &HashSet::new()).unwrap();
    let lengths: Vec<u64> = found.iter().filter(|(n, _)| *n != start).map(|(_, l)| *l).collect();
    assert!(lengths.windows(2).all(|w| w[0] <= w[1]), "{lengths:?}");
}

#[test]
fn the_search_applies_to_lengths_from_zero_or_one_up_to_a_bound_within_the_limit() {
    assert!(levels_apply(0, Some(3), None));
    assert!(levels_apply(1, Some(3), Some(3)));
    assert!(!levels_apply(2, Some(3), None));
    assert!(!levels_apply(1, None, None));
    assert!(!levels_apply(1, Some(4), Some(3)));
}

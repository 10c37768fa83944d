//! The resumable search against the plain recursive definition of the paths of a step.

use std::collections::HashSet;

use super::PathSearch;
use crate::exec::pattern::step_candidates;
use crate::exec::row::Row;
use crate::planner::Step;
use crate::store::{Graph, NodeId, RelId};
use crate::syntax::ast::RelDirection;
use crate::{Database, Params};

/// Eight nodes, each joined to the next three (around a ring), and one loop: many paths
/// either way, and relationships a path meets from both ends.
fn knot() -> Database {
    let mut db = Database::empty();
    let params = Params::new();
    db.execute("UNWIND range(0, 7) AS i CREATE (:N {i: i})", &params).unwrap();
    db.execute(
        "MATCH (a:N), (b:N) WHERE b.i IN [(a.i + 1) % 8, (a.i + 2) % 8, (a.i + 3) % 8] CREATE (a)-[:K]->(b)",
        &params,
    )
    .unwrap();
    db.execute("MATCH (a:N {i: 0}) CREATE (a)-[:K]->(a)", &params).unwrap();
    db
}

fn any_step(direction: RelDirection) -> Step {
    Step { direction, types: Vec::new(), properties: Vec::new(), filters: Vec::new() }
}

/// Each path as its relationships and end, in the order of the definition: take each
/// candidate in turn, hand the path on once it is long enough, then extend it.
fn reference(
    graph: &Graph,
    node: NodeId,
    step: &Step,
    (min, max): (u64, u64),
    path: &mut Vec<RelId>,
    out: &mut Vec<(Vec<RelId>, NodeId)>,
) {
    for (rel, other) in step_candidates(graph, node, step, &Row::default()).unwrap() {
        if path.contains(&rel) {
            continue;
        }
        path.push(rel);
        if path.len() as u64 >= min {
            out.push((path.clone(), other));
        }
        if (path.len() as u64) < max {
            reference(graph, other, step, (min, max), path, out);
        }
        path.pop();
    }
}

fn searched(graph: &Graph, start: NodeId, step: &Step, (min, max): (u64, u64)) -> Vec<(Vec<RelId>, NodeId)> {
    let row = Row::default();
    let mut search = PathSearch::new(start, step, &row, (min, Some(max), None), HashSet::new());
    let mut out = Vec::new();
    while let Some(end) = search.next(graph, step, &row).unwrap() {
        out.push((search.path().to_vec(), end));
    }
    out
}

#[test]
fn the_search_finds_the_paths_of_the_definition_in_its_order() {
    let db = knot();
    let graph = db.graph();
    let start = graph.node_ids().next().unwrap();
    for direction in [RelDirection::Right, RelDirection::Left, RelDirection::Both] {
        let step = any_step(direction);
        for (min, max) in [(1, 1), (1, 3), (2, 4), (3, 3), (1, 6)] {
            let mut expected = Vec::new();
            reference(graph, start, &step, (min, max), &mut Vec::new(), &mut expected);
            assert!(!expected.is_empty(), "{direction:?} {min}..{max}");
            assert_eq!(searched(graph, start, &step, (min, max)), expected, "{direction:?} {min}..{max}");
        }
    }
}

#[test]
fn a_zero_length_path_comes_first_and_alone_for_max_zero() {
    let db = knot();
    let graph = db.graph();
    let start = graph.node_ids().next().unwrap();
    let step = any_step(RelDirection::Both);
    assert_eq!(searched(graph, start, &step, (0, 0)), vec![(Vec::new(), start)]);
    let paths = searched(graph, start, &step, (0, 2));
    assert_eq!(paths.first(), Some(&(Vec::new(), start)));
    assert_eq!(paths[1..], searched(graph, start, &step, (1, 2))[..]);
}

#[test]
fn excluded_relationships_are_never_taken() {
    let db = knot();
    let graph = db.graph();
    let start = graph.node_ids().next().unwrap();
    let step = any_step(RelDirection::Both);
    let first = step_candidates(graph, start, &step, &Row::default()).unwrap()[0].0;
    let row = Row::default();
    let mut search = PathSearch::new(start, &step, &row, (1, Some(3), None), HashSet::from([first]));
    let mut n_paths = 0;
    while search.next(graph, &step, &row).unwrap().is_some() {
        assert!(!search.path().contains(&first));
        n_paths += 1;
    }
    assert!(n_paths > 0);
}

/// The search stops where the caller stops: a path limit further down is never reached.
#[test]
fn a_caller_that_stops_early_never_meets_the_path_limit() {
    let db = knot();
    let graph = db.graph();
    let start = graph.node_ids().next().unwrap();
    let step = any_step(RelDirection::Both);
    let row = Row::default();
    let mut search = PathSearch::new(start, &step, &row, (1, None, Some(3)), HashSet::new());
    for len in 1..=3 {
        assert!(search.next(graph, &step, &row).unwrap().is_some());
        assert_eq!(search.path().len(), len);
    }
    let err = search.next(graph, &step, &row).unwrap_err();
    assert_eq!(err.code, crate::error::ErrorCode::LimitExceeded);
}

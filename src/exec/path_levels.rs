//! The breadth-first search for the ends of a variable-length step and the fewest
//! relationships of a path to each, level by level with a visited set, for `VarExpandEnds`:
//! the distinct ends of `(a)-[:T*1..3]-(b)` and `min(length(p))` per end, without walking
//! every path as the depth-first search ([`super::path_search`]) must.
//!
//! Why it gives the same ends and lengths as the paths of `min..=max` relationships, each
//! at most once (a trail), when `min` is 0 or 1: the shortest walk from the start to a
//! node never takes a relationship twice (it would repeat a node), so it is a trail, and
//! a node reached at depth `d ≤ max` ends a trail of `d` relationships and none shorter.
//! The start itself ends a trail of `min` 0 (the empty path) or, for `min` 1, a closed
//! trail: the shortest is a cycle through the start. Along the tree of first reaches, each
//! node belongs to the branch of the start's relationship it was first reached by; a
//! relationship into the start other than the one that reached its near node (directed or
//! not), or, undirected, one between two branches, closes a cycle of the two depths plus
//! one, and the shortest cycle has such a relationship (walking around it, the branch must
//! change somewhere, since it leaves and comes back by different relationships).
//! With `min` 2 or more a node nearer than `min` may still end a longer trail, so the
//! depth-first search stays (see [`levels_apply`]).

use std::collections::HashSet;

use super::pattern::step_candidates_into;
use super::row::Row;
use super::step_filter::StepFilter;
use crate::error::Result;
use crate::planner::Step;
use crate::store::{Graph, NodeId, RelId};
use crate::syntax::ast::RelDirection;

/// Whether the breadth-first search gives the ends of the paths of `min..=max`
/// relationships: a bound `max` the statement's path limit allows (the depth-first
/// search raises an error for a path that could grow past the limit) and `min` at most 1.
pub fn levels_apply(min: u64, max: Option<u64>, limit: Option<u64>) -> bool {
    min <= 1 && max.is_some_and(|m| limit.is_none_or(|l| m <= l))
}

/// How a node was first reached: its depth, the start's relationship its branch of the
/// tree began with, and the relationship that reached it.
#[derive(Clone, Copy)]
struct Reached {
    depth: u64,
    branch: RelId,
    by: RelId,
}

/// Each node that ends a path of `min..=max` relationships of `step` from `start` (none
/// in `exclude`), with the fewest relationships of such a path, in the order reached
/// (nearest first). [`levels_apply`] must hold for `min` and `max`.
pub fn nearest_ends(
    graph: &Graph,
    start: NodeId,
    step: &Step,
    row: &Row,
    (min, max): (u64, u64),
    exclude: &HashSet<RelId>,
) -> Result<Vec<(NodeId, u64)>> {
    let undirected = step.direction == RelDirection::Both;
    let mut filter = StepFilter::new(&step.filters, row);
    let mut reached: foldhash::HashMap<NodeId, Reached> = Default::default();
    let mut order: Vec<NodeId> = Vec::new();
    // The fewest relationships of a closed trail from the start back to it.
    let mut closed: Option<u64> = None;
    let mut frontier = vec![start];
    let mut candidates = Vec::new();
    let mut depth = 0;
    while depth < max && !frontier.is_empty() {
        let mut next = Vec::new();
        for &node in &frontier {
            super::cancel::tick_running()?;
            let near = reached.get(&node).copied();
            step_candidates_into(graph, node, step, row, &mut filter, &mut candidates)?;
            for &(rel, other) in &candidates {
                if exclude.contains(&rel) {
                    continue;
                }
                if other == start {
                    // Back to the start by another relationship than the one that left it.
                    if near.is_none_or(|n| n.by != rel) {
                        closed = shorter(closed, depth + 1);
                    }
                    continue;
                }
                match reached.get(&other) {
                    None => {
                        let branch = near.map_or(rel, |n| n.branch);
                        reached.insert(other, Reached { depth: depth + 1, branch, by: rel });
                        order.push(other);
                        next.push(other);
                    }
                    Some(far) if undirected && near.is_none_or(|n| n.branch != far.branch) && far.by != rel => {
                        let length = depth + far.depth + 1;
                        if length <= max {
                            closed = shorter(closed, length);
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        frontier = next;
        depth += 1;
    }
    let start_length = if min == 0 { Some(0) } else { closed };
    let mut ends: Vec<(NodeId, u64)> = start_length.map(|l| (start, l)).into_iter().collect();
    ends.extend(order.into_iter().filter_map(|n| reached.get(&n).map(|r| (n, r.depth))));
    Ok(ends)
}

fn shorter(current: Option<u64>, length: u64) -> Option<u64> {
    Some(current.map_or(length, |c| c.min(length)))
}

#[cfg(test)]
#[path = "path_levels_tests.rs"]
mod tests;

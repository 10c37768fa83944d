//! The relationships joining two bound nodes, for an expansion into a bound far node
//! (`ExpandInto`, and its counting form): read off whichever of the two nodes' adjacency
//! lists is shorter.
//!
//! Closing a cycle (`(a)-[:KNOWS]->(b)-[:KNOWS]->(a)`) checks, for every row, whether `b`
//! has a relationship to `a`. Reading `b`'s list each time costs its degree, and the rows
//! that reach `b` are many exactly when `b` is a hub: over a skewed graph that is the sum
//! of in·out degrees (38 million reads for KNOWS at S). Reading `a`'s list the other way
//! when it is the shorter costs the smaller degree instead. The relationships come in the
//! order the near node's own list gives them (each type in id order, outgoing before
//! incoming for both directions), so the rows do not change order.

use crate::store::{Direction, Graph, NodeId, RelEntry, RelTypeId};

/// Appends to `out` the relationships of `from` in `direction` whose other end is `to`.
pub fn rels_between(
    graph: &Graph,
    (from, to): (NodeId, NodeId),
    direction: Direction,
    types: Option<&[RelTypeId]>,
    out: &mut Vec<RelEntry>,
) {
    let other_end = |e: &RelEntry, near: NodeId| if e.start == near { e.end } else { e.start };
    if from == to || list_len(graph, from, direction, types) <= list_len(graph, to, reversed(direction), types) {
        out.extend(graph.rels_of_types(from, direction, types).filter(|e| other_end(e, from) == to));
        return;
    }
    // From `to`'s side: `from`'s outgoing relationships are `to`'s incoming ones, and for
    // both directions `from`'s own order (its outgoing first) is `to`'s incoming first.
    let sides: &[Direction] = match direction {
        Direction::Outgoing => &[Direction::Incoming],
        Direction::Incoming => &[Direction::Outgoing],
        Direction::Both => &[Direction::Incoming, Direction::Outgoing],
    };
    for &side in sides {
        out.extend(graph.rels_of_types(to, side, types).filter(|e| other_end(e, to) == from));
    }
}

/// How long `node`'s list in `direction` is; for both directions the two sides added
/// (a self-loop counted twice: only a guide to which list is shorter).
fn list_len(graph: &Graph, node: NodeId, direction: Direction, types: Option<&[RelTypeId]>) -> usize {
    match direction {
        Direction::Both => {
            graph.degree_of_types(node, Direction::Outgoing, types)
                + graph.degree_of_types(node, Direction::Incoming, types)
        }
        one => graph.degree_of_types(node, one, types),
    }
}

fn reversed(direction: Direction) -> Direction {
    match direction {
        Direction::Outgoing => Direction::Incoming,
        Direction::Incoming => Direction::Outgoing,
        Direction::Both => Direction::Both,
    }
}

//! The relationships one hop of a pattern matched in an expression (`exec/pattern.rs`)
//! tries from a node: only those of the hop's types, and, when its far node is bound
//! and only whether a match exists matters, those found from whichever end has fewer.
//!
//! A pattern predicate such as `(g)-[:MEMBER_OF]->(:Organization)<-[:MEMBER_OF]-(p)`,
//! with `p` bound, reached an organization from `g` and then read every relationship of
//! it (its members, and its mentions, to be dropped by type) to find `p`; from `p` the
//! same hop reads `p`'s few memberships. Workload8's `positive_pattern_predicate_two_hops`
//! tested that for 20,000 candidates `g` over hub organizations (BENCHMARKS.md).

use super::pattern::direction;
use crate::binder::bound::RelPattern;
use crate::store::{Graph, NodeId, RelEntry, RelTypeId};

/// The types a hop admits, sorted so that reading them gives the store's order of all
/// types (each type's in id order); `None` for any type, and `Some` empty when none of
/// its types exists in the graph.
pub(super) fn hop_types(rel: &RelPattern, graph: &Graph) -> Option<Vec<RelTypeId>> {
    if rel.types.is_empty() {
        return None;
    }
    let mut types: Vec<RelTypeId> = rel.types.iter().filter_map(|t| t.resolve(graph.catalog())).collect();
    types.sort_by_key(|t| t.0);
    types.dedup();
    Some(types)
}

/// The relationships of `rel`'s types at `from` in its direction, in the store's order;
/// when `target` binds the far node and `any_order` (only existence is asked), those
/// joining the two looked up at the end with fewer.
pub(super) fn hop_entries(
    rel: &RelPattern,
    from: NodeId,
    target: Option<NodeId>,
    any_order: bool,
    graph: &Graph,
) -> Vec<RelEntry> {
    let types = hop_types(rel, graph);
    if types.as_ref().is_some_and(Vec::is_empty) {
        return Vec::new();
    }
    let types = types.as_deref();
    let forward = direction(rel.direction);
    if let (Some(to), true) = (target, any_order) {
        // `ExpandInto`'s look-up: from whichever of the two ends has the shorter list.
        let mut between = Vec::new();
        super::ops::expand_into::rels_between(graph, (from, to), forward, types, &mut between);
        return between;
    }
    graph.rels_of_types(from, forward, types).collect()
}

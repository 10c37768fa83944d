//! `(p)-[:T]-()` as a pattern predicate (`WHERE NOT (p)-[:KNOWS]-()`): one relationship
//! from a bound node to a node nothing limits (no variable bound, label, property or
//! condition) matches exactly when the bound node has a relationship of those types in
//! that direction, so its degree answers it, with no relationship read.

use super::pattern::{direction, node_fits, passes};
use super::row::Row;
use crate::binder::bound::PatternPart;
use crate::error::Result;
use crate::store::Graph;
use crate::value::Value;

/// Whether `part` matches from `row`, when it is one bare hop from a bound node to a free
/// node; `None` for any other pattern (or a near end that holds no node).
pub(super) fn exists_by_degree(part: &PatternPart, row: &Row, graph: &Graph) -> Option<Result<bool>> {
    let ([rel], [near, _]) = (&part.rels[..], &part.nodes[..]) else { return None };
    if !part.is_bare_hop() {
        return None;
    }
    let Value::Node(node) = *row.get(near.slot) else { return None };
    let types: Vec<_> = rel.types.iter().filter_map(|t| t.resolve(graph.catalog())).collect();
    if !rel.types.is_empty() && types.is_empty() {
        return Some(Ok(false));
    }
    let types = (!rel.types.is_empty()).then_some(&types[..]);
    let fits =
        || -> Result<bool> { Ok(node_fits(near, node, row, graph)? && passes(near.filter.as_ref(), row, graph)?) };
    Some(fits().map(|fit| fit && graph.degree_of_types(node, direction(rel.direction), types) > 0))
}

//! Skew across a join of pattern parts: a node the earlier parts reached by following a
//! relationship is likely a hub, so a part expanded from it per row reads more than the
//! mean degree says.
//!
//! `start.rs` multiplies the skew in at each inner node of one chain (`Estimator::skew`),
//! but a part joined to what is bound (`part_join.rs`) starts at a node the probe side
//! reached: `MATCH (a {id: $x})-[:KNOWS]->(f)-[:KNOWS]->(g), (b:Person)-[:KNOWS]->(g)`
//! reaches `g` by an incoming KNOWS and would expand `g`'s incoming KNOWS again, a node
//! with many of one having many of the other. Without the skew the expansion per row
//! looked cheap beside building the filtered `b` side once; with it, both the expansion
//! and the joined rows are priced at what the hubs make them.

use super::build::Planner;
use super::LogicalOp;
use crate::binder::bound::{PatternPart, RelPattern, Slot};
use crate::store::RelTypeId;
use crate::syntax::ast::RelDirection;

impl Planner<'_> {
    /// How many times the mean the part's relationships at `keys` give per key, for keys
    /// the probe side (`input`) reached by an expansion: the largest over the keys and
    /// the part's relationships at them; 1 when none was reached so.
    pub(super) fn skew_at_keys(&self, input: &LogicalOp, part: &PatternPart, keys: &[Slot]) -> f64 {
        let est = self.estimator();
        let mut skew: f64 = 1.0;
        for &key in keys {
            let Some(arrival) = arrival(input, key) else { continue };
            let labels: Vec<_> = self.known.nodes.get(&key).cloned().unwrap_or_default();
            for (i, _) in part.nodes.iter().enumerate().filter(|(_, n)| n.slot == key) {
                let before = i.checked_sub(1).and_then(|j| part.rels.get(j)).map(|r| leaving(r, true));
                let after = part.rels.get(i).map(|r| leaving(r, false));
                for (types, direction) in before.into_iter().chain(after) {
                    skew = skew.max(est.skew(&labels, (&arrival.0, arrival.1), (&types, direction)));
                }
            }
        }
        skew
    }
}

/// The types of `rel` and the direction it leaves the node on its `end` side in (its
/// right end when `end`, else its left end).
fn leaving(rel: &RelPattern, end: bool) -> (Vec<RelTypeId>, RelDirection) {
    let types = rel.types.iter().filter_map(|t| t.id).collect();
    (types, if end { rel.direction.reversed() } else { rel.direction })
}

/// The relationship kind (types, and the direction it leaves the node in) by which the
/// plan `op` reached `slot`, when an expansion bound it.
pub(super) fn arrival(op: &LogicalOp, slot: Slot) -> Option<(Vec<RelTypeId>, RelDirection)> {
    match op {
        LogicalOp::Expand { hop, .. } | LogicalOp::FilteredExpand { hop, .. } if hop.to == slot && !hop.into => {
            Some((hop.types.iter().filter_map(|t| t.id).collect(), hop.direction.reversed()))
        }
        _ => op.children().into_iter().find_map(|child| arrival(child, slot)),
    }
}

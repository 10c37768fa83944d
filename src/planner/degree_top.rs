//! Ranking by degree as a column loop: `MATCH (p:Person)-[r]-() RETURN p.id, count(r) AS d
//! ORDER BY d DESC, p.id LIMIT 10` reads every degree off the adjacency's offsets and
//! makes rows only for the nodes that can rank (`NodeDegreeTop`), instead of a row per
//! node through the projection into the top-k buffer.
//!
//! The shape is the one `rewrite.rs` leaves for such a count when each node is its own
//! group: a label scan from the start, `NodeDegree`, a projection, then `TopK` whose first
//! key is the degree. A node whose degree is worse than the `SKIP + LIMIT`-th best cannot
//! be among the first rows whatever the later keys say, so only the nodes at least as good
//! are passed on (ties at the boundary included), in node order, and the `TopK` above
//! orders them exactly as it would have ordered every row.
//!
//! Where no schema says what the far end is (a graph imported without one), the count
//! tests the far node's label per relationship (`ExpandCount … where d:Deployment`); the
//! same ranking then counts with the label index (`NodeDegreeTop (c:Country)-[:SENT]->
//! (:Deployment)`), so the counting rewrite is the same with or without a schema.

use super::build::boxed;
use super::column_top::kept_rows;
use super::LogicalOp;
use crate::binder::bound::{Expr, ExprKind, LabelRef, Slot};

/// `op` (a `TopK`) with its scan and degree count replaced by `NodeDegreeTop` when the
/// shape allows; else `op` unchanged.
pub(super) fn rank_by_degree(op: LogicalOp) -> LogicalOp {
    let LogicalOp::TopK { input, keys, skip, limit } = op else { return op };
    let ranking = kept_rows(skip.as_ref(), &limit).zip(keys.first().and_then(|(e, descending)| match e.kind {
        ExprKind::Slot(s) => Some((s, *descending)),
        _ => None,
    }));
    let input = match ranking {
        Some((keep, (key, descending))) => replace_degree(*input, key, keep, descending),
        None => *input,
    };
    LogicalOp::TopK { input: boxed(input), keys, skip, limit }
}

/// Below projections that copy the ranking slot `key` (or leave it be), `NodeDegree`
/// into `key` over a bare label scan becomes `NodeDegreeTop`; anything else stays.
fn replace_degree(op: LogicalOp, key: Slot, keep: u64, descending: bool) -> LogicalOp {
    match op {
        LogicalOp::Project { input, items } => {
            let below = match items.iter().find(|(slot, _)| *slot == key) {
                Some((_, Expr { kind: ExprKind::Slot(copied), .. })) => Some(*copied),
                Some(_) => None,
                None => Some(key),
            };
            let input = match below {
                Some(below) => boxed(replace_degree(*input, below, keep, descending)),
                None => input,
            };
            LogicalOp::Project { input, items }
        }
        LogicalOp::NodeDegree { input, node, slot, direction, types } if slot == key => match *input {
            LogicalOp::NodeScan { input: start, slot: scanned, label }
                if *start == LogicalOp::Start && scanned == node =>
            {
                let input = boxed(LogicalOp::Start);
                let far_labels = Vec::new();
                LogicalOp::NodeDegreeTop { input, node, label, slot, direction, types, keep, descending, far_labels }
            }
            other => LogicalOp::NodeDegree { input: boxed(other), node, slot, direction, types },
        },
        LogicalOp::ExpandCount { input, hop, predicate: Some(predicate), slot } if slot == key => {
            let far = far_labels_only(&predicate, hop.to).filter(|_| !hop.into && !hop.rel_bound);
            match (*input, far) {
                (LogicalOp::NodeScan { input: start, slot: scanned, label }, Some(far_labels))
                    if *start == LogicalOp::Start && scanned == hop.from =>
                {
                    let (node, direction, types) = (hop.from, hop.direction, hop.types);
                    let input = boxed(LogicalOp::Start);
                    LogicalOp::NodeDegreeTop {
                        input,
                        node,
                        label,
                        slot,
                        direction,
                        types,
                        keep,
                        descending,
                        far_labels,
                    }
                }
                (other, _) => LogicalOp::ExpandCount { input: boxed(other), hop, predicate: Some(predicate), slot },
            }
        }
        other => other,
    }
}

/// The labels `predicate` requires of the node in `far`, when that is all it tests (and
/// the graph knows each of them).
fn far_labels_only(predicate: &Expr, far: Slot) -> Option<Vec<LabelRef>> {
    match &predicate.kind {
        ExprKind::HasLabels(owner, labels)
            if owner.kind == ExprKind::Slot(far) && labels.iter().all(|l| l.id.is_some()) =>
        {
            Some(labels.clone())
        }
        _ => None,
    }
}

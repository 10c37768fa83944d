//! Counting the nodes that hold or lack a property from the column's presence bits:
//! `MATCH (n) WHERE n.weight IS NULL RETURN count(*)` (part of the `count_rows` pass).
//! Every node of the scan passes or fails `n.key IS [NOT] NULL` by whether its row holds
//! the key, so the count is the store's count of rows holding it (or the scan's nodes
//! minus that): `NodePresenceCount`, with no node read (`store/presence_count.rs`).
//!
//! The shape: an `Aggregate` without keys right over a filter `n.key IS [NOT] NULL`
//! over a scan of one label or of all nodes from the start, every aggregate `count(*)`
//! or `count(n)`.

use super::build::boxed;
use super::label_set_count::counts_nodes;
use super::LogicalOp;
use crate::binder::bound::{AggregateCall, Expr, ExprKind, Slot};

/// The `NodePresenceCount` answering `aggregates` over `input`, when the shape allows one.
pub(super) fn count_by_presence(
    input: &LogicalOp,
    keys: &[(Slot, Expr)],
    aggregates: &[AggregateCall],
) -> Option<LogicalOp> {
    let LogicalOp::Filter { input: scan, predicate } = input else { return None };
    let LogicalOp::NodeScan { input: start, slot: node, label } = &**scan else { return None };
    let ExprKind::IsNull { expr, negated } = &predicate.kind else { return None };
    let ExprKind::Property(owner, key) = &expr.kind else { return None };
    let fits = **start == LogicalOp::Start
        && owner.kind == ExprKind::Slot(*node)
        && keys.is_empty()
        && !aggregates.is_empty()
        && aggregates.iter().all(|a| counts_nodes(a, *node));
    fits.then(|| LogicalOp::NodePresenceCount {
        input: boxed(LogicalOp::Start),
        node: *node,
        label: label.clone(),
        key: key.clone(),
        holding: *negated,
        count_slots: aggregates.iter().map(|a| a.slot).collect(),
    })
}

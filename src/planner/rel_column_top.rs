//! Ranking relationships by a column: `MATCH (a:Article)-[m:MENTIONS]->(p:Person) RETURN
//! a.id AS article, p.id AS person ORDER BY m.weight DESC, article, person SKIP 100000
//! LIMIT 10` reads each relationship's `weight` off its type's column as the expansion
//! finds it, and makes rows only for the relationships that can rank among the first
//! `SKIP + LIMIT` (`RelColumnTop`), instead of a row per relationship through the
//! projections into the top-k buffer.
//!
//! The shape: a `TopK` over projections over one expansion of one relationship type (not
//! into a bound node, the relationship not bound) from a scan of the start, where the
//! first sort key is a property of the relationship (directly or through the projections'
//! aliases). `RelColumnTop` goes right above the expansion, which it walks itself: every
//! relationship the expansion (and its fused filter) lets through, in the expansion's
//! order, those at least as good as the `SKIP + LIMIT`-th by the key kept, ties at the
//! boundary all kept, so the `TopK` above orders them exactly as it would have ordered
//! every row. As for `NodeColumnTop`, the projections and the sort keys must be values
//! that cannot fail, since they are now computed for fewer rows.

use super::build::boxed;
use super::column_top::{cannot_fail, column_key, kept_rows, under_projections, ColumnKey};
use super::LogicalOp;
use crate::binder::bound::{Expr, PropKeyRef, Slot};

/// `op` (a `TopK`) with `RelColumnTop` put above its expansion when the shape allows; else
/// `op` unchanged.
pub(super) fn rank_rels_by_columns(op: LogicalOp) -> LogicalOp {
    let LogicalOp::TopK { input, keys, skip, limit } = op else { return op };
    let (projections, below) = under_projections(&input);
    let safe = projections.iter().all(|items| items.iter().all(|(_, e)| cannot_fail(e)))
        && keys.iter().all(|(e, _)| cannot_fail(e));
    let ranked = expanded_rel(below).filter(|_| safe).and_then(|rel| {
        let (first, descending) = keys.first()?;
        match column_key(first, &projections, rel)? {
            ColumnKey::Property(key) => Some((rel, key, *descending)),
            ColumnKey::Id | ColumnKey::Arithmetic(_) => None,
        }
    });
    let input = match ranked {
        Some((rel, key, descending)) => {
            boxed(insert_above_expand(*input, (rel, key, descending), skip.clone(), limit.clone()))
        }
        None => input,
    };
    LogicalOp::TopK { input, keys, skip, limit }
}

/// The relationship an expansion of one type from a scan of the start binds (its filter
/// right above it, not fused yet when this runs, or fused).
fn expanded_rel(op: &LogicalOp) -> Option<Slot> {
    let op = match op {
        LogicalOp::Filter { input, .. } if matches!(**input, LogicalOp::Expand { .. }) => input,
        other => other,
    };
    let (LogicalOp::Expand { input, hop } | LogicalOp::FilteredExpand { input, hop, .. }) = op else { return None };
    let plain = hop.types.len() == 1 && !hop.into && !hop.rel_bound;
    (plain && super::column_top::scanned_node(input) == Some(hop.from)).then_some(hop.rel)
}

/// `op` (projections over the expansion) with `RelColumnTop` between the projections and
/// the expansion.
fn insert_above_expand(
    op: LogicalOp,
    (rel, key, descending): (Slot, PropKeyRef, bool),
    skip: Option<Expr>,
    limit: Expr,
) -> LogicalOp {
    match op {
        LogicalOp::Project { input, items } => {
            LogicalOp::Project { input: boxed(insert_above_expand(*input, (rel, key, descending), skip, limit)), items }
        }
        expand => LogicalOp::RelColumnTop { input: boxed(expand), rel, key, descending, skip, limit },
    }
}

/// EXPLAIN's line: `RelColumnTop m by m.weight DESC keep 100010` (the kept count as
/// `SKIP + LIMIT` when they are not literals yet).
pub(super) fn describe(
    (rel, key, descending): (Slot, &PropKeyRef, bool),
    skip: Option<&Expr>,
    limit: &Expr,
    name: &dyn Fn(Slot) -> String,
) -> String {
    let rel_name = name(rel);
    let order = if descending { " DESC" } else { "" };
    let keep = match kept_rows(skip, limit) {
        Some(n) => n.to_string(),
        None => "SKIP + LIMIT".to_string(),
    };
    format!("RelColumnTop {rel_name} by {rel_name}.{}{order} keep {keep}", key.name)
}

//! Grouped column folds: an aggregation whose input is a node scan (filtered or not) or
//! one expansion (filtered or not), and whose keys and aggregate arguments are
//! expressions of what those bind, becomes `GroupFold` (`exec/ops/group_fold.rs`).
//! It keeps its input plan, but folds each scanned node, or each relationship of each
//! expanded node, into its group without making a row for it:
//!
//! - `MATCH (p:Person) RETURN CASE WHEN p.year < 1950 THEN 'old' ELSE 'new' END, count(*)`
//!   (the key evaluated once per distinct `p.year`)
//! - `MATCH (o:Org)<-[m:MEMBER_OF]-(:Person) RETURN o.id, max(m.year), count(*)`
//!   (the group found once per organization, its memberships folded into it)
//!
//! The aggregates: `count(*)`, and `count`, `sum`, `avg`, `min`, `max`, `collect`,
//! `stDev`, `stDevP`, `percentileCont`, `percentileDisc` of any expression, DISTINCT or
//! not (a DISTINCT one keeps its group's set of seen values, as in `Aggregate`). The
//! fold does what `Aggregate` does per row less the row, so it is taken wherever the shape
//! allows, after every counting rewrite has had its chance (`optimize/fold_groups.rs`).

use super::predicates::free_slots;
use super::{Hop, LogicalOp};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, PropKeyRef, Slot, Type};
use crate::value::Value;

/// Whether an `Aggregate` of `keys` and `aggregates` over `input` can be a `GroupFold`.
pub(super) fn fits(input: &LogicalOp, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> bool {
    let shape = match input {
        LogicalOp::NodeScan { .. } | LogicalOp::FilteredScan { .. } => true,
        LogicalOp::Expand { hop, .. } | LogicalOp::FilteredExpand { hop, .. } => plain_hop(hop),
        _ => false,
    };
    // Counting alone with no key, `Aggregate` takes a scan's batches whole: nothing to fold.
    let counts_batches = keys.is_empty() && aggregates.iter().all(|a| a.function == AggregateFunction::CountStar);
    let args = aggregates.iter().flat_map(|a| a.arg.iter().chain(a.extra.iter()));
    shape
        && !counts_batches
        && aggregates.iter().all(folds)
        && keys.iter().map(|(_, e)| e).chain(args).all(|e| free_slots(e).is_some() && !varies(e))
}

/// A hop that binds a new relationship and far node.
fn plain_hop(hop: &Hop) -> bool {
    !hop.into && !hop.rel_bound
}

/// An aggregate the fold keeps in `Aggregate`'s own state: every function, DISTINCT or
/// not (the state keeps the set of seen values per group, compared by Cypher's equality
/// as the row path compares them); a percentile's second argument is evaluated on the
/// group's first input, as the row path evaluates it on the group's first row.
fn folds(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    match call.function {
        A::CountStar | A::Count | A::Sum | A::Avg | A::Min | A::Max | A::Collect | A::StDev | A::StDevP => true,
        A::PercentileCont | A::PercentileDisc => call.extra.is_some(),
        // Its step reads only the accumulator and the value (`fold_collected_lists.rs`).
        A::Reduce => !call.distinct,
    }
}

/// Whether `e` may give another value for the same input (`rand()`), so that it must be
/// evaluated for every input, never once for many.
pub fn varies(e: &Expr) -> bool {
    let mut varies = false;
    e.visit(&mut |e| {
        varies |= matches!(e.kind, ExprKind::Call(Function::Rand | Function::RandomUuid | Function::Timestamp, _));
    });
    varies
}

/// The one property `slot.key` that `e` reads, when it reads nothing else of the row and
/// gives the same value for the same property value: a key or argument the fold computes
/// once per distinct value of that property.
pub fn one_property(e: &Expr) -> Option<(Slot, PropKeyRef)> {
    let mut read: Vec<(Slot, PropKeyRef)> = Vec::new();
    e.visit(&mut |e| {
        if let ExprKind::Property(owner, key) = &e.kind {
            if let ExprKind::Slot(slot) = owner.kind {
                if !read.iter().any(|(s, k)| *s == slot && k.name == key.name) {
                    read.push((slot, key.clone()));
                }
            }
        }
    });
    let [(slot, key)] = <[(Slot, PropKeyRef); 1]>::try_from(read).ok()?;
    let mut without = e.clone();
    without.rewrite(&mut |e| is_property(e, slot, &key).then(|| placeholder(e)));
    let reads_nothing_else = free_slots(&without).is_some_and(|slots| slots.is_empty());
    (reads_nothing_else && !varies(e)).then_some((slot, key))
}

fn is_property(e: &Expr, slot: Slot, key: &PropKeyRef) -> bool {
    matches!(&e.kind, ExprKind::Property(owner, k) if owner.kind == ExprKind::Slot(slot) && k.name == key.name)
}

/// A literal standing in for the property read (only to see what else is read).
fn placeholder(e: &Expr) -> Expr {
    Expr { kind: ExprKind::Literal(Value::Null), ty: Type::Any, span: e.span }
}

/// Whether `e` reads any of `slots` (or something the planner cannot follow: a pattern).
pub fn reads_any(e: &Expr, slots: &[Slot]) -> bool {
    free_slots(e).is_none_or(|read| slots.iter().any(|s| read.contains(s)))
}

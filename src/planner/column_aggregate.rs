//! Full scans as column loops: an aggregation over every node of a label, or over every
//! relationship (per type, or of some types), whose aggregates read only properties of
//! the scanned variable is answered from the store's columns (`ColumnAggregate`) instead
//! of a row per entity through the interpreter.
//!
//! - `MATCH (n:Person) RETURN sum(n.year), min(n.weight), max(n.weight), count(*)`
//! - `MATCH ()-[r]->() RETURN type(r), count(*), avg(r.weight)` (or `[r:T]`, or no key)
//! - `MATCH (:A)-[r:T]->(:B) WHERE r.year >= $y RETURN count(*), avg(r.weight)` over a
//!   relationship-type scan (`rel_scan.rs`): its survivors' columns, a chunk at a time
//!
//! The aggregates: `count(*)`, `count(v)` of the variable, and `count`, `sum`, `avg`,
//! `min`, `max` of one of its properties (DISTINCT or not: a distinct count of a column of
//! integers is a set of them). At least one must read a
//! property, or the scan be filtered: counting alone is `RelCountFromStore`'s (`rewrite.rs`).

use super::build::boxed;
use super::{ColumnSource, Hop, LogicalOp};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, Slot};
use crate::syntax::ast::RelDirection;

/// The column aggregation answering `keys` and `aggregates` over `input`, when the shape
/// allows one.
pub(super) fn column_aggregate(
    input: &LogicalOp,
    keys: &[(Slot, Expr)],
    aggregates: &[AggregateCall],
) -> Option<LogicalOp> {
    let source = source(input, keys).or_else(|| super::rel_scan::scanned_rels(input, keys))?;
    let slot = match &source {
        ColumnSource::Nodes { slot, .. } | ColumnSource::Rels { slot, .. } => *slot,
        ColumnSource::ScannedRels { scan, .. } => scan.rel,
    };
    // A filtered scan's count is worth a column loop too; an unfiltered one is the store's.
    let filtered = matches!(&source, ColumnSource::ScannedRels { predicate: Some(_), .. });
    let reads_property = filtered || aggregates.iter().any(|a| property_of(a, slot));
    let all_fit = aggregates.iter().all(|a| counts_rows(a, slot) || property_of(a, slot));
    (reads_property && all_fit).then(|| LogicalOp::ColumnAggregate {
        input: boxed(LogicalOp::Start),
        source,
        aggregates: aggregates.to_vec(),
    })
}

/// What `input` scans, when it is a whole label (no key), or every relationship in one
/// direction from an unlabelled scan (keys: none, or each `type(r)`).
fn source(input: &LogicalOp, keys: &[(Slot, Expr)]) -> Option<ColumnSource> {
    match input {
        LogicalOp::NodeScan { input, slot, label } if **input == LogicalOp::Start && keys.is_empty() => {
            Some(ColumnSource::Nodes { slot: *slot, label: label.clone() })
        }
        LogicalOp::Expand { input: below, hop } if every_rel(below, hop) => {
            let type_slots =
                keys.iter().map(|(slot, e)| is_type_of(e, hop.rel).then_some(*slot)).collect::<Option<_>>()?;
            Some(ColumnSource::Rels { slot: hop.rel, types: hop.types.clone(), type_slots })
        }
        _ => None,
    }
}

/// Whether the expansion visits every relationship (of its types) once: from an
/// unlabelled scan at the start, in one direction, binding a new relationship and node.
fn every_rel(below: &LogicalOp, hop: &Hop) -> bool {
    let scans_all = matches!(
        below,
        LogicalOp::NodeScan { input, slot, label: None } if *slot == hop.from && **input == LogicalOp::Start
    );
    scans_all && hop.direction != RelDirection::Both && !hop.into && !hop.rel_bound
}

pub(super) fn is_type_of(expr: &Expr, rel: Slot) -> bool {
    matches!(&expr.kind, ExprKind::Call(Function::Type, args) if matches!(&args[..], [a] if a.kind == ExprKind::Slot(rel)))
}

/// `count(*)` or `count(v)`: the number of entities.
fn counts_rows(call: &AggregateCall, slot: Slot) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => !call.distinct && call.arg.as_ref().is_some_and(|a| a.kind == ExprKind::Slot(slot)),
        _ => false,
    }
}

/// `count`, `sum`, `avg`, `min` or `max` of `v.key`, DISTINCT or not.
fn property_of(call: &AggregateCall, slot: Slot) -> bool {
    use AggregateFunction as A;
    let fits = matches!(call.function, A::Count | A::Sum | A::Avg | A::Min | A::Max);
    let reads = call.arg.as_ref().is_some_and(
        |a| matches!(&a.kind, ExprKind::Property(owner, key) if owner.kind == ExprKind::Slot(slot) && key.id.is_some()),
    );
    fits && reads && call.extra.is_none()
}

//! Which order a `GroupFold` over one expansion reads its relationships in
//! (`LogicalOp::GroupFold`'s `order`, an access-path choice of `optimize/fold_groups.rs`).
//!
//! Node by node (`FoldOrder::Inputs`), each input node's relationships are gathered from
//! the adjacency and each argument is read by relationship id: a random read per
//! relationship. In stored order (`FoldOrder::StoredRels`), every relationship of the
//! hop's one type is read once, in the order of its property rows, and folded into the
//! group of its input node, so the columns are read down in order:
//! `MATCH (o:Org)<-[m:MEMBER_OF]-(:Person) RETURN o.id, max(m.year), count(*)`.
//!
//! It is taken when it gives the same answer whatever the order, and reads less:
//! - the hop is one type in one direction from a node scan at the top of the query (each
//!   input node comes once), with no condition but labels of the far node;
//! - the groups are per input node (no key reads what the hop binds);
//! - every aggregate is `count(*)`, or one of a property of the relationship, not
//!   DISTINCT and with no second argument, that does not depend on the order in which its
//!   values come: `count`, `min`, `max`, and `stDev`/`stDevP`, whose integers are folded as
//!   exact moments (`exec/ops/aggregate_fold.rs`; a column of floats leaves the fold to the
//!   node-by-node walk at run time); or `count` of an expression of the far node alone
//!   (`count(CASE WHEN a.year < 1960 THEN 1 END)`), which the stored order reads by start
//!   node, so an incoming hop's far nodes come in order; or `count`, `min` or `max` (of
//!   integers) of an expression of the relationship alone, evaluated on each one folded;
//! - the input nodes' relationships are at least a share of the type's that falls as the
//!   type grows, from a sixth for small types to a tenth from about 1.5 million
//!   relationships (else the node-by-node walk reads fewer: measured, see `min_share`).
//!
//! An aggregate whose answer depends on the order of its values (`sum`, `avg`, `collect`)
//! would have its values replayed in the row path's order, by a sort of every relationship
//! folded: measured in session 16 (`o.year >= y` folds reaching 29%, 59% and 100% of
//! MEMBER_OF, `avg(m.year)` and the old collected `stDev(m.year)`, typed, S and M), that
//! was slower than node by node at every share (at 100%: 53 against 33 ms at S, 723
//! against 577 ms at M under load), so such a fold stays node by node.

use super::{cardinality, FoldOrder, Hop, LogicalOp, Options, Statistics};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::syntax::ast::RelDirection;
use crate::value::Value;

/// Below the share of the type's relationships reached from the input nodes that
/// [`min_share`] gives, reading them all in stored order costs more than the random reads
/// it saves. Stored order costs a sequential read per relationship of the type plus a fold
/// per one reached; node by node a random read per one reached, which costs more as the
/// type outgrows the caches, so the share where they cross falls as the type grows.
/// Measured in session 14 at 16% (S, 150,000 MEMBER_OF) and 18% (M, 1.5 million); in
/// session 16 (`--planner prefer-stored-folds` against the cost plan, `o.year >= y` folds
/// reaching 4% to 19%, load 6 to 9) at 12–15% at S and 9–11% at M for `max` and `count`,
/// 10–15% at S and 6–8% at M for `stDev` as moments: this share at S, falling by a
/// twentieth per tenfold more relationships, between these bounds.
const MIN_SHARE_AT_S: f64 = 0.15;
const S_TYPE_RELS: f64 = 150_000.0;
const SHARE_FALL_PER_DECADE: f64 = 0.05;
const SHARE_BOUNDS: (f64, f64) = (0.10, 0.17);

/// The least share of a type of `type_rels` relationships that a stored-order fold must
/// reach to be taken (see [`MIN_SHARE_AT_S`]).
fn min_share(type_rels: f64) -> f64 {
    let decades = (type_rels.max(1.0) / S_TYPE_RELS).log10();
    (MIN_SHARE_AT_S - SHARE_FALL_PER_DECADE * decades).clamp(SHARE_BOUNDS.0, SHARE_BOUNDS.1)
}

/// The order for a `GroupFold` of `keys` and `aggregates` over `input`.
pub(super) fn fold_order(
    input: &LogicalOp,
    (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
    stats: &dyn Statistics,
    options: Options,
) -> FoldOrder {
    let (below, hop, predicate) = match input {
        LogicalOp::Expand { input, hop } => (input, hop, None),
        LogicalOp::FilteredExpand { input, hop, predicate } => (input, hop, Some(predicate)),
        _ => return FoldOrder::Inputs,
    };
    let fits = scans_each_node_once(below, hop.from)
        && one_type_one_way(hop)
        && predicate.is_none_or(|p| tests_far_labels_only(p, hop.to))
        && keys.iter().all(|(_, e)| !super::reads_any(e, &[hop.rel, hop.to]))
        && aggregates.iter().all(|call| {
            folds_in_stored_order(call, hop.rel) || counts_far_node(call, hop.to) || folds_rel_expression(call, hop.rel)
        });
    let Some(ty) = hop.types.first().and_then(|t| t.id) else { return FoldOrder::Inputs };
    let reached = cardinality::plan_rows(input, stats);
    let all = stats.rel_type_count(ty) as f64;
    let enough = reached >= min_share(all) * all || options == Options::PreferStoredFolds;
    match fits && enough {
        true => FoldOrder::StoredRels,
        false => FoldOrder::Inputs,
    }
}

/// A label scan (filtered or not) at the top of the query: each node once, and no
/// other variable in the row.
fn scans_each_node_once(below: &LogicalOp, from: Slot) -> bool {
    match below {
        LogicalOp::NodeScan { input, slot, .. } | LogicalOp::FilteredScan { input, slot, .. } => {
            *slot == from && matches!(**input, LogicalOp::Start)
        }
        _ => false,
    }
}

/// A plain hop of one known type, outgoing or incoming.
fn one_type_one_way(hop: &Hop) -> bool {
    let one_type = hop.types.len() == 1 && hop.types.iter().all(|t| t.id.is_some());
    one_type && !hop.into && !hop.rel_bound && hop.direction != RelDirection::Both
}

/// Whether `predicate` only tests labels of the far node `to` (a conjunction of `to:L`).
fn tests_far_labels_only(predicate: &Expr, to: Slot) -> bool {
    super::conjuncts(predicate).into_iter().all(|part| match &part.kind {
        ExprKind::HasLabels(node, labels) => {
            matches!(node.kind, ExprKind::Slot(s) if s == to) && labels.iter().all(|l| l.id.is_some())
        }
        _ => false,
    })
}

/// The labels `predicate` tests on the far node (what [`tests_far_labels_only`] admits).
pub fn far_labels(predicate: &Expr) -> Vec<crate::store::LabelId> {
    let mut labels = Vec::new();
    predicate.visit(&mut |e| {
        if let ExprKind::HasLabels(_, ls) = &e.kind {
            labels.extend(ls.iter().filter_map(|l| l.id));
        }
    });
    labels
}

/// `count(e)`, not DISTINCT, of an expression `e` that reads only the far node `to`
/// (`count(CASE WHEN a.year < 1960 THEN 1 END)`): a count does not depend on the order.
fn counts_far_node(call: &AggregateCall, to: Slot) -> bool {
    let reads_far_only = |e: &Expr| super::predicates::free_slots(e).is_some_and(|read| read.iter().all(|s| *s == to));
    call.function == AggregateFunction::Count
        && !call.distinct
        && call.arg.as_ref().is_some_and(|e| reads_far_only(e) && !super::varies(e))
}

/// `count(e)`, or `min(e)`/`max(e)` of an integer `e`, not DISTINCT, of an expression that
/// reads only the relationship `rel` (`count(CASE WHEN pt.year >= 2000 THEN 1 END)`, the
/// verdict codes a folded `all(w IN ws WHERE w > 0.1)` takes the least of): evaluated on
/// each relationship folded, whose properties the stored order reads down the columns.
/// An extreme only of integers, which no two equal values tell apart (no `1.0` beside `1`).
fn folds_rel_expression(call: &AggregateCall, rel: Slot) -> bool {
    use AggregateFunction as A;
    let Some(arg) = call.arg.as_ref().filter(|e| !super::varies(e)) else { return false };
    let reads_rel_only = super::predicates::free_slots(arg).is_some_and(|read| read.iter().all(|s| *s == rel));
    let kind_fits = match call.function {
        A::Count => true,
        A::Min | A::Max => arg.ty == Type::Int,
        _ => false,
    };
    reads_rel_only && kind_fits && !call.distinct && call.extra.is_none()
}

/// An aggregate whose result does not depend on the order of its values (`stDev` over
/// integers, as moments; over floats the executor walks node by node).
fn order_free(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    matches!(call.function, A::CountStar | A::Count | A::Min | A::Max | A::StDev | A::StDevP)
}

/// `count(*)`, or an order-free aggregate of a property of `rel`, neither DISTINCT nor
/// with a second argument.
fn folds_in_stored_order(call: &AggregateCall, rel: Slot) -> bool {
    use AggregateFunction as A;
    let reads_rel_property = |arg: &Option<Expr>| {
        matches!(arg.as_ref().map(|e| &e.kind),
            Some(ExprKind::Property(owner, _)) if matches!(owner.kind, ExprKind::Slot(s) if s == rel))
    };
    match call.function {
        A::CountStar => true,
        A::Reduce => extreme_step(call).is_some() && reads_rel_property(&call.arg),
        _ => order_free(call) && !call.distinct && call.extra.is_none() && reads_rel_property(&call.arg),
    }
}

/// Which extreme a folded `reduce` keeps, when its step only keeps the greater
/// (`Ordering::Greater`) or the lesser of the accumulator and the value and it starts from
/// a number: `reduce(m = 0, y IN ys | CASE WHEN y > m THEN y ELSE m END)`. Over numbers of
/// one kind that no two equal values tell apart, it is the step applied once, from `init`,
/// to the values' extreme, whatever their order: so it folds in stored order, the extreme
/// found as `max`'s is (`exec/ops/stored_rel_fold.rs`, which checks the column first).
pub fn extreme_step(call: &AggregateCall) -> Option<std::cmp::Ordering> {
    use crate::syntax::ast::BinaryOp as B;
    use std::cmp::Ordering;
    let Some(ExprKind::Reduce { accumulator, init, slot, expr, .. }) = call.extra.as_ref().map(|e| &e.kind) else {
        return None;
    };
    let number = matches!(init.kind, ExprKind::Literal(Value::Int(_)))
        || matches!(init.kind, ExprKind::Literal(Value::Float(f)) if f.is_finite());
    let ExprKind::Case { subject: None, whens, otherwise: Some(otherwise) } = &expr.kind else { return None };
    let [(test, then)] = &whens[..] else { return None };
    let is = |e: &Expr, s: Slot| e.kind == ExprKind::Slot(s);
    // The test as `value <op> accumulator`.
    let op = match &test.kind {
        ExprKind::Binary(op, a, b) if is(a, *slot) && is(b, *accumulator) => *op,
        ExprKind::Binary(op, a, b) if is(a, *accumulator) && is(b, *slot) => match op {
            B::Gt => B::Lt,
            B::Ge => B::Le,
            B::Lt => B::Gt,
            B::Le => B::Ge,
            _ => return None,
        },
        _ => return None,
    };
    let value_if_true =
        match (is(then, *slot) && is(otherwise, *accumulator), is(then, *accumulator) && is(otherwise, *slot)) {
            (true, _) => true,
            (_, true) => false,
            _ => return None,
        };
    let kept = match (op, value_if_true) {
        (B::Gt | B::Ge, true) | (B::Lt | B::Le, false) => Ordering::Greater,
        (B::Lt | B::Le, true) | (B::Gt | B::Ge, false) => Ordering::Less,
        _ => return None,
    };
    (number && call.function == AggregateFunction::Reduce && !call.distinct).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_falls_as_the_type_grows_within_its_bounds() {
        assert_eq!(min_share(0.0), SHARE_BOUNDS.1);
        assert_eq!(min_share(1_000.0), SHARE_BOUNDS.1);
        assert!((min_share(S_TYPE_RELS) - MIN_SHARE_AT_S).abs() < 1e-12);
        assert!((min_share(10.0 * S_TYPE_RELS) - (MIN_SHARE_AT_S - SHARE_FALL_PER_DECADE)).abs() < 1e-12);
        assert_eq!(min_share(1e9), SHARE_BOUNDS.0);
        let shares: Vec<f64> = (0..12).map(|e| min_share(10f64.powi(e))).collect();
        assert!(shares.windows(2).all(|w| w[1] <= w[0]), "{shares:?}");
    }
}

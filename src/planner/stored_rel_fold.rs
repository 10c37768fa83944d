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
//!   DISTINCT and with no second argument: `count`, `min`, `max` do not depend on the
//!   order in which their values come, and the others are given their values in the row
//!   path's order (`exec/ops/stored_rel_fold.rs`); or `count` of an expression of the far
//!   node alone (`count(CASE WHEN a.year < 1960 THEN 1 END)`), which the stored order reads
//!   by start node, so an incoming hop's far nodes come in order;
//! - the input nodes' relationships are at least a sixth of the type's (else the
//!   node-by-node walk reads fewer: measured, see `MIN_SHARE`), a quarter when an aggregate
//!   depends on the order of its values (`MIN_SHARE_REPLAYED`).

use super::{cardinality, FoldOrder, Hop, LogicalOp, Statistics};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot};
use crate::syntax::ast::RelDirection;

/// Below this share of the type's relationships reached from the input nodes, reading
/// them all in stored order costs more than the random reads it saves. Measured (session
/// 14) on `(o:Organization)<-[m:MEMBER_OF]-(:Person)` folds filtered by `o.year` to reach
/// 5% to 100% of the type: node by node costs about 120 ns per relationship reached at S
/// and 200 ns at M, stored order about 14 ns per relationship of the type plus 30 ns per
/// one reached at S (23 and 70 at M), so they cross at 16% (S) and 18% (M) of the type.
const MIN_SHARE: f64 = 0.17;

/// The share from which the stored order is taken when an aggregate depends on the order of
/// its values (`sum`, `avg`, `stDev`, `collect`…), which the fold then replays in the row
/// path's order: that costs more than the order-free folds `MIN_SHARE` was measured on. At
/// 19% of MEMBER_OF at M, `stDev(m.year)` took 75 ms in stored order and 62 ms node by
/// node; this is the share session 13 used for every fold, under which that query was
/// node by node.
const MIN_SHARE_REPLAYED: f64 = 0.25;

/// The order for a `GroupFold` of `keys` and `aggregates` over `input`.
pub(super) fn fold_order(
    input: &LogicalOp,
    keys: &[(Slot, Expr)],
    aggregates: &[AggregateCall],
    stats: &dyn Statistics,
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
        && aggregates.iter().all(|call| folds_in_stored_order(call, hop.rel) || counts_far_node(call, hop.to));
    let Some(ty) = hop.types.first().and_then(|t| t.id) else { return FoldOrder::Inputs };
    let reached = cardinality::plan_rows(input, stats);
    let all = stats.rel_type_count(ty) as f64;
    let share = match aggregates.iter().all(order_free) {
        true => MIN_SHARE,
        false => MIN_SHARE_REPLAYED,
    };
    match fits && reached >= share * all {
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

/// `count(*)`, or an aggregate of a property of `rel`, neither DISTINCT nor with a
/// second argument.
/// An aggregate whose result does not depend on the order of its values.
fn order_free(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    matches!(call.function, A::CountStar | A::Count | A::Min | A::Max)
}

fn folds_in_stored_order(call: &AggregateCall, rel: Slot) -> bool {
    use AggregateFunction as A;
    let reads_rel_property = |arg: &Option<Expr>| {
        matches!(arg.as_ref().map(|e| &e.kind),
            Some(ExprKind::Property(owner, _)) if matches!(owner.kind, ExprKind::Slot(s) if s == rel))
    };
    match call.function {
        A::CountStar => true,
        _ => !call.distinct && call.extra.is_none() && reads_rel_property(&call.arg),
    }
}

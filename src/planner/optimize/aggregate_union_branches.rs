//! Pass `aggregate_union_branches`: an aggregation over a `CALL { … UNION ALL … }`
//! whose aggregates can be combined from parts (`count(*)`, `count(x)`, `min`, `max`)
//! aggregates each branch alone first, and then combines the branches' groups: counts
//! summed, the least of the minimums, the greatest of the maximums.
//!
//! `CALL { MATCH (:Country)-[s:SENT]->(d) RETURN d, s.year AS year UNION ALL MATCH
//! (o:Organization)-[s:SENT]->(d) WHERE o.year >= 2000 RETURN d, s.year AS year } WITH d,
//! min(year) AS first, count(*) AS n` made a row per relationship of both branches, each
//! projected twice and handed through the union and the apply (259,000 rows at M,
//! workload9 call_union_all_then_aggregate), where a branch alone is one expansion under
//! an aggregation, which the counting rewrites and `GroupFold` answer without a row.
//!
//! Why the answers stay: each row of the union is a row of one branch, so a group's rows
//! are the union of its rows in each branch; a count over them is the sum of the
//! branches' counts, a minimum the least of theirs (a branch without the group gives no
//! row; one whose values are all null gives a null minimum, which the least ignores, as
//! the aggregate over all would). The groups come in the order the union first meets
//! them, as before. DISTINCT aggregates, `sum`, `avg` and `collect` stay over the union:
//! a value in two branches counts once, and floating-point sums depend on their order.
//!
//! Each branch ends with a projection of its columns onto the call's outputs; the keys
//! and arguments are read through the branch's top projections (a slot projected is
//! replaced by its expression), so that each branch's aggregation sits right over its
//! pattern, where `count_rows` and `fold_groups` find it.

use std::collections::{HashMap, HashSet};

use super::{rewrite_up, Ctx};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::cardinality::plan_rows;
use crate::planner::group_fold::varies;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::LogicalOp;

pub fn aggregate_union_branches(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } if splits(&input, &keys, &aggregates, ctx) => {
                let input = per_branch(*input, &keys, &aggregates);
                combined(input, keys, aggregates)
            }
            other => other,
        })
    })
}

/// Whether `input` is an `Apply` over a read-only `UNION ALL` whose outputs are all the
/// keys and the aggregates read, and the aggregates are made from their parts.
///
/// The `Apply` must run once (its input estimated at one row, as `CALL { … }` first in a
/// query): the aggregations cannot be rewound, so the branches would be built anew for
/// each input row, where the union rewinds them.
fn splits(input: &LogicalOp, keys: &[(Slot, Expr)], aggregates: &[AggregateCall], ctx: &Ctx<'_>) -> bool {
    let LogicalOp::Apply { input: outer, inner, output, optional: false, transactions: None } = input else {
        return false;
    };
    if plan_rows(outer, ctx.stats) > 1.0 {
        return false;
    }
    let read_only_union = matches!(&**inner, LogicalOp::Union { all: true, .. }) && !inner.writes();
    let reads_outputs = reads_of(keys, aggregates).is_some_and(|r| r.iter().all(|s| output.contains(s)));
    read_only_union && reads_outputs && !aggregates.is_empty() && aggregates.iter().all(combinable)
}

/// `input` (which [`splits`]) with each branch aggregated alone by `keys` into the key
/// slots and by each aggregate into its slot.
fn per_branch(input: LogicalOp, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> LogicalOp {
    let LogicalOp::Apply { input: outer, inner, output, optional, transactions } = input else {
        return input;
    };
    let LogicalOp::Union { inputs, all } = *inner else {
        return LogicalOp::Apply { input: outer, inner, output, optional, transactions };
    };
    let branches = inputs.into_iter().map(|branch| aggregated_branch(branch, keys, aggregates)).collect();
    let output = keys.iter().map(|(slot, _)| *slot).chain(aggregates.iter().map(|a| a.slot)).collect();
    let inner = boxed(LogicalOp::Union { inputs: branches, all });
    LogicalOp::Apply { input: outer, inner, output, optional, transactions }
}

/// An aggregate whose value over a union is made from its values over the parts.
fn combinable(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    match call.function {
        A::CountStar | A::Count => !call.distinct,
        A::Min | A::Max => true,
        _ => false,
    }
}

/// Every slot the keys and the aggregates' arguments read; `None` when one holds a
/// pattern or a subquery.
fn reads_of(keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> Option<HashSet<Slot>> {
    let exprs = keys.iter().map(|(_, e)| e).chain(aggregates.iter().flat_map(|a| a.arg.iter().chain(&a.extra)));
    let mut read = HashSet::new();
    for e in exprs {
        read.extend(free_slots(e)?);
    }
    Some(read)
}

/// `branch` under an aggregation by `keys` and `aggregates`, read through its top
/// projections where they allow it.
fn aggregated_branch(branch: LogicalOp, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> LogicalOp {
    let (input, keys, aggregates) = read_down(branch, keys.to_vec(), aggregates.to_vec());
    LogicalOp::Aggregate { input: boxed(input), keys, aggregates }
}

/// The keys and aggregates moved below the `Retain`s and `Project`s at the top of `op`
/// that they can be read through, and the operator they stop at.
fn read_down(op: LogicalOp, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> Parts {
    match op {
        // Under an aggregation, which hands on only its keys and aggregates, a
        // projection onto fewer slots changes nothing.
        LogicalOp::Retain { input, .. } => read_down(*input, keys, aggregates),
        LogicalOp::Project { input, items } => match read_through(&items, &keys, &aggregates) {
            Some((keys, aggregates)) => read_down(*input, keys, aggregates),
            None => (LogicalOp::Project { input, items }, keys, aggregates),
        },
        other => (other, keys, aggregates),
    }
}

/// An operator with the keys and aggregates that read its rows.
type Parts = (LogicalOp, Vec<(Slot, Expr)>, Vec<AggregateCall>);

/// Keys and aggregates.
type Grouping = (Vec<(Slot, Expr)>, Vec<AggregateCall>);

/// The keys and arguments with each slot of `items` they read replaced by the expression
/// projected into it; `None` when an expression projected may give another value where
/// it is read (`rand()`, a pattern, a subquery), or when one nothing reads could fail,
/// which the projection would have raised.
fn read_through(items: &[(Slot, Expr)], keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> Option<Grouping> {
    let read = reads_of(keys, aggregates)?;
    let movable = |(slot, e): &(Slot, Expr)| {
        let fixed = free_slots(e).is_some() && !varies(e);
        fixed && (read.contains(slot) || cannot_fail(e))
    };
    if !items.iter().all(movable) {
        return None;
    }
    let projected: HashMap<Slot, &Expr> = items.iter().map(|(slot, e)| (*slot, e)).collect();
    let (mut keys, mut aggregates) = (keys.to_vec(), aggregates.to_vec());
    let exprs = keys.iter_mut().map(|(_, e)| e).chain(aggregates.iter_mut().flat_map(|a| a.arg.iter_mut()));
    for e in exprs {
        substitute(e, &projected);
    }
    Some((keys, aggregates))
}

/// A slot, a literal or a property of a slot: nothing whose evaluation can raise an error.
fn cannot_fail(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Slot(_) | ExprKind::Literal(_) => true,
        ExprKind::Property(base, _) => matches!(base.kind, ExprKind::Slot(_)),
        _ => false,
    }
}

/// `e` with each slot of `projected` it names replaced by its expression.
fn substitute(e: &mut Expr, projected: &HashMap<Slot, &Expr>) {
    if let ExprKind::Slot(slot) = &e.kind {
        if let Some(&by) = projected.get(slot) {
            *e = by.clone();
        }
        return;
    }
    for child in e.children_mut() {
        substitute(child, projected);
    }
}

/// The aggregation combining the branches' groups: by the key slots, each aggregate
/// from its parts in its own slot.
fn combined(input: LogicalOp, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> LogicalOp {
    let keys = keys.into_iter().map(|(slot, e)| (slot, slot_expr(slot, e.ty, e.span))).collect();
    let aggregates = aggregates.into_iter().map(combining).collect();
    LogicalOp::Aggregate { input: boxed(input), keys, aggregates }
}

/// The aggregate that combines the parts of `call`, held in its slot: counts summed, the
/// least of the minimums, the greatest of the maximums.
fn combining(call: AggregateCall) -> AggregateCall {
    use AggregateFunction as A;
    let (function, ty) = match (call.function, &call.arg) {
        (A::CountStar | A::Count, _) | (_, None) => (A::Sum, Type::Int),
        (other, Some(arg)) => (other, arg.ty),
    };
    let arg = Some(slot_expr(call.slot, ty, call.span));
    AggregateCall { function, distinct: false, arg, extra: None, slot: call.slot, span: call.span }
}

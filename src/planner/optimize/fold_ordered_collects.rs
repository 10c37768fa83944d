//! Pass `fold_ordered_collects`: an ORDER BY whose only use is the order of the
//! `collect`s of the aggregation right after it, each read only at one end
//! (`head(collect(x))`, `collect(x)[0]`, `collect(x)[..k]`, `last(collect(x))`,
//! `collect(x)[-1]`), is folded into the aggregation: each group keeps the first (or last)
//! few values by the sort keys (`OrderedAggregate`, `exec/ops/collect_ends.rs`) and the
//! input is not sorted.
//!
//! `MATCH (c:Country)<-[:MENTIONS]-(a:Article) WITH c, a ORDER BY a.year DESC, a.id
//! WITH c, head(collect(a.id)) AS newest, count(*) AS n` sorted all 50,000 mentions at S to
//! keep one article per country (workload8 collect_head_after_order_whole_type).
//!
//! Why the answers stay:
//! - the fold keeps, per group, the values the stable sort would have put at that end of
//!   the group's list: by the keys, equal keys in arrival order; it skips nulls, as
//!   `collect` does, and the reads above take no more values than it keeps;
//! - every other aggregate of the aggregation ignores the order of its input (counts,
//!   sums, averages, extremes, deviations, percentiles, and DISTINCT ones but
//!   `collect(DISTINCT …)`, whose list follows the order);
//! - between the sort and the aggregation there are only projections, filters and scope
//!   boundaries, which keep each row or drop it alone; a SKIP or LIMIT there makes the
//!   order choose rows, and then nothing changes;
//! - what the sort keys read is still in the rows the aggregation takes.
//!
//! The groups then come out in the order their first rows arrive unsorted: the order of
//! an aggregation's rows is not defined without an ORDER BY of its own.

use std::collections::HashSet;

use super::{rewrite_up, Ctx};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Function, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::free_slots;
use crate::planner::{CollectEnd, LogicalOp};
use crate::value::Value;

pub fn fold_ordered_collects(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Retain { input, slots } => LogicalOp::Retain { input: boxed(in_scope(*input, &slots)), slots },
            other => other,
        })
    })
}

/// `op`, the operators of one scope (a `Retain` of `kept` above them) down to a
/// projection over an aggregation, with the aggregation folding the sort below it when
/// they read its collects at one end only.
fn in_scope(mut op: LogicalOp, kept: &[Slot]) -> LogicalOp {
    let mut reads = Vec::new();
    let Some((depth, aggregates)) = aggregation_in_scope(&op, &mut reads) else {
        return op;
    };
    let Some(ends) = collect_ends(aggregates, &reads, kept) else {
        return op;
    };
    let mut at = &mut op;
    for _ in 0..depth {
        let Some(child) = at.children_mut().into_iter().next() else {
            return op;
        };
        at = child;
    }
    if let LogicalOp::Aggregate { input, keys, aggregates } = std::mem::replace(at, LogicalOp::Start) {
        *at = fold_sort(*input, keys, aggregates, ends);
    }
    op
}

/// How deep under `op` the aggregation of its scope stands, and its aggregates, when
/// only sorts, filters, skips and limits stand above the projection right over it; what
/// they all read goes into `reads`. A SKIP or LIMIT with no sort below it would choose
/// groups by the order they come in, which folding the sort changes: then `None`.
fn aggregation_in_scope<'a>(op: &'a LogicalOp, reads: &mut Vec<&'a Expr>) -> Option<(usize, &'a [AggregateCall])> {
    let mut depth = 0;
    let mut op = op;
    let mut unsorted_cut = false;
    loop {
        match op {
            LogicalOp::Sort { input, keys } => {
                reads.extend(keys.iter().map(|(e, _)| e));
                unsorted_cut = false;
                op = input;
            }
            LogicalOp::TopK { input, keys, skip, limit } => {
                reads.extend(keys.iter().map(|(e, _)| e).chain(skip).chain([limit]));
                unsorted_cut = false;
                op = input;
            }
            LogicalOp::Filter { input, predicate } => {
                reads.push(predicate);
                op = input;
            }
            LogicalOp::Skip { input, count } | LogicalOp::Limit { input, count } => {
                reads.push(count);
                unsorted_cut = true;
                op = input;
            }
            LogicalOp::Project { .. } if unsorted_cut => return None,
            LogicalOp::Project { input, items } => {
                reads.extend(items.iter().map(|(_, e)| e));
                let LogicalOp::Aggregate { aggregates, .. } = &**input else {
                    return None;
                };
                return Some((depth + 1, aggregates));
            }
            _ => return None,
        }
        depth += 1;
    }
}

/// The end each collect of `aggregates` is read at by `reads`, when every collect is
/// read only so, and one at least is a collect.
fn collect_ends(aggregates: &[AggregateCall], reads: &[&Expr], kept: &[Slot]) -> Option<Vec<CollectEnd>> {
    let mut ends = Vec::new();
    for call in aggregates {
        match (call.function, call.distinct) {
            (AggregateFunction::Collect, false) if !kept.contains(&call.slot) => {
                ends.push(end_read(call.slot, reads)?);
            }
            (AggregateFunction::Collect, _) => return None,
            _ => {}
        }
    }
    (!ends.is_empty()).then_some(ends)
}

/// How many values of the list in `slot` `reads` take, and from which end, when they read
/// it only through `head`, `last`, a literal index or a literal prefix slice.
fn end_read(slot: Slot, reads: &[&Expr]) -> Option<CollectEnd> {
    let mut first = 0;
    let mut last = 0;
    let mut plain_reads = 0;
    for e in reads {
        // A subquery or pattern could read the slot where `visit` does not look.
        free_slots(e)?;
        e.visit(&mut |e| match end_taken(e, slot) {
            Some((keep, false)) => first = first.max(keep),
            Some((keep, true)) => last = last.max(keep),
            None if e.kind == ExprKind::Slot(slot) => plain_reads += 1,
            None => {}
        });
    }
    // Each read at one end holds one plain read of the slot inside it.
    let end_reads = count_end_reads(slot, reads);
    if plain_reads != end_reads || first > 0 && last > 0 {
        return None;
    }
    Some(CollectEnd { slot, keep: first.max(last), from_end: last > 0 })
}

/// How many expressions in `reads` read `slot` at one end.
fn count_end_reads(slot: Slot, reads: &[&Expr]) -> usize {
    let mut n = 0;
    for e in reads {
        e.visit(&mut |e| n += usize::from(end_taken(e, slot).is_some()));
    }
    n
}

/// When `e` reads the list in `slot` at one end: how many values, and whether from the
/// last.
fn end_taken(e: &Expr, slot: Slot) -> Option<(usize, bool)> {
    let is_list = |e: &Expr| e.kind == ExprKind::Slot(slot);
    match &e.kind {
        ExprKind::Call(Function::Head, args) if args.len() == 1 && is_list(&args[0]) => Some((1, false)),
        ExprKind::Call(Function::Last, args) if args.len() == 1 && is_list(&args[0]) => Some((1, true)),
        ExprKind::Index(list, at) if is_list(list) => match literal_int(at)? {
            i if i >= 0 => Some((usize::try_from(i).ok()?.checked_add(1)?, false)),
            i => Some((usize::try_from(i.checked_neg()?).ok()?, true)),
        },
        ExprKind::Slice(list, from, Some(to)) if is_list(list) => {
            let from_start = from.as_deref().is_none_or(|from| literal_int(from) == Some(0));
            let to = usize::try_from(literal_int(to)?).ok()?;
            from_start.then_some((to, false))
        }
        _ => None,
    }
}

fn literal_int(e: &Expr) -> Option<i64> {
    match e.kind {
        ExprKind::Literal(Value::Int(i)) => Some(i),
        _ => None,
    }
}

/// The aggregation over `input`, folding the first sort below it when only projections,
/// filters and retains stand between and they keep what its keys read.
fn fold_sort(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    ends: Vec<CollectEnd>,
) -> LogicalOp {
    if !aggregates.iter().all(|call| ignores_order(call) || ends.iter().any(|end| end.slot == call.slot)) {
        return LogicalOp::Aggregate { input: boxed(input), keys, aggregates };
    }
    if !sort_reachable(&input, &mut Vec::new()) {
        return LogicalOp::Aggregate { input: boxed(input), keys, aggregates };
    }
    let (input, order) = remove_sort(input);
    LogicalOp::OrderedAggregate { input: boxed(input), keys, aggregates, order, ends }
}

/// Whether an aggregate's value does not depend on the order of its input.
fn ignores_order(call: &AggregateCall) -> bool {
    use AggregateFunction as A;
    match call.function {
        A::Collect | A::Reduce => false,
        A::CountStar | A::Count | A::Sum | A::Avg | A::Min | A::Max => true,
        A::StDev | A::StDevP | A::PercentileCont | A::PercentileDisc => true,
    }
}

/// Whether a sort stands under `op`'s chain of projections, filters and retains, and
/// every slot its keys read reaches the top: no retain drops it, no projection writes it.
/// `chain` holds the operators above, on the way down.
fn sort_reachable<'a>(op: &'a LogicalOp, chain: &mut Vec<&'a LogicalOp>) -> bool {
    match op {
        LogicalOp::Sort { keys, .. } => {
            let Some(read) = keys.iter().map(|(e, _)| free_slots(e)).collect::<Option<Vec<_>>>() else {
                return false;
            };
            let read: HashSet<Slot> = read.into_iter().flatten().collect();
            chain.iter().all(|above| keeps(above, &read))
        }
        LogicalOp::Project { input, .. } | LogicalOp::Filter { input, .. } | LogicalOp::Retain { input, .. } => {
            chain.push(op);
            sort_reachable(input, chain)
        }
        _ => false,
    }
}

/// Whether `op` passes the slots of `read` up unchanged.
fn keeps(op: &LogicalOp, read: &HashSet<Slot>) -> bool {
    match op {
        LogicalOp::Retain { slots, .. } => read.iter().all(|slot| slots.contains(slot)),
        LogicalOp::Project { items, .. } => {
            items.iter().all(|(slot, e)| !read.contains(slot) || e.kind == ExprKind::Slot(*slot))
        }
        _ => true,
    }
}

/// `op` with the sort under its chain (found by [`sort_reachable`]) taken out, and its keys.
fn remove_sort(op: LogicalOp) -> (LogicalOp, Vec<(Expr, bool)>) {
    let mut op = op;
    if let LogicalOp::Sort { input, keys } = op {
        return (*input, keys);
    }
    let mut keys = Vec::new();
    if let Some(child) = op.children_mut().into_iter().next() {
        let (below, order) = remove_sort(std::mem::replace(child, LogicalOp::Start));
        *child = below;
        keys = order;
    }
    (op, keys)
}

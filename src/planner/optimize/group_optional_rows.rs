//! Pass `group_optional_rows`: under an aggregation that counts what an OPTIONAL MATCH
//! binds and otherwise reads its variables only through aggregates that ignore repeats,
//! the OPTIONAL MATCH's rows of each input row are grouped first by the variables read,
//! with their number: the `Optional` then hands on a row per distinct value and its
//! multiplicity, and each count is the sum of the multiplicities.
//!
//! `MATCH (u:Unit) WHERE u.year = $year OPTIONAL MATCH (u)-[:PART_OF]->(d)<-[:SENT]-(c:Country)
//! RETURN u.id, count(DISTINCT c), count(d)` made a row per (unit, deployment, country)
//! path, 1.6 million at M, each handed through the `Optional` and grouped by `u.id`
//! (workload8 optional_two_hops_distinct_per_row), where the answer needs each unit's
//! distinct countries and how many paths reach them.
//!
//! Why the answers stay: per input row, the inner rows with equal values of the variables
//! read (`X`) are one row with their number `m`. An aggregate that ignores repeats sees
//! the same values; `count(v)` of a variable the pattern binds (never null on an inner
//! row) is the number of inner rows, the sum of `m`; an input row without a match still
//! gives its one row of nulls, whose `m` is null, which the sum skips as `count` skips the
//! null `v`. `count(*)`, `sum`, `avg` and `collect` without DISTINCT stay as they were.
//!
//! The `Optional` becomes an optional `Apply` over the grouping, which joins each grouped
//! row to its input row; `m` goes into a variable of the OPTIONAL MATCH that nothing
//! reads any more. It is taken only where the inner plan
//! is estimated to give several rows per input row, so that the grouping run per row
//! pays for itself.

use std::collections::HashSet;

use super::distinct_before_expand::ignores_repeats;
use super::{rewrite_up, Ctx};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::cardinality::plan_rows;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::rewrite::sum_of;
use crate::planner::LogicalOp;

/// The inner rows per input row from which grouping them is estimated to pay (the
/// grouping is built anew for each input row).
const MIN_INNER_ROWS: f64 = 4.0;

pub fn group_optional_rows(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } if grouping_pays(&input, ctx) => {
                grouped(*input, keys, aggregates)
            }
            other => other,
        })
    })
}

/// What the aggregation reads of an OPTIONAL MATCH: the new variables read by aggregates
/// that ignore repeats (`by`), and which aggregates are counts of the new variables.
struct Reads {
    by: Vec<Slot>,
    counts: Vec<bool>,
}

/// The aggregation over `optional` with its inner rows grouped, or as it was.
///
/// The grouped rows are joined to each input row by an optional `Apply`, which copies
/// the variables it names onto the input row (a row of nulls when nothing matched), so
/// the grouping needs no key for the input row's variables, one value per run.
fn grouped(optional: LogicalOp, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> LogicalOp {
    let LogicalOp::Optional { input: outer, inner, new_slots } = optional else {
        return LogicalOp::Aggregate { input: boxed(optional), keys, aggregates };
    };
    let reads = reads(&new_slots, &keys, &aggregates);
    let multiplicity = reads.as_ref().and_then(|r| new_slots.iter().copied().find(|s| !r.by.contains(s)));
    let (Some(reads), Some(m)) = (reads, multiplicity) else {
        let input = LogicalOp::Optional { input: outer, inner, new_slots };
        return LogicalOp::Aggregate { input: boxed(input), keys, aggregates };
    };
    let span = aggregates.first().map(|a| a.span).unwrap_or_default();
    let group_keys = reads.by.iter().map(|&s| (s, slot_expr(s, Type::Any, span))).collect();
    let count = AggregateCall {
        function: AggregateFunction::CountStar,
        distinct: false,
        arg: None,
        extra: None,
        slot: m,
        span,
    };
    let inner = LogicalOp::Aggregate { input: inner, keys: group_keys, aggregates: vec![count] };
    let output = reads.by.iter().copied().chain([m]).collect();
    let input = LogicalOp::Apply { input: outer, inner: boxed(inner), output, optional: true, transactions: None };
    let aggregates = aggregates.into_iter().zip(reads.counts).map(|(a, c)| if c { sum_of(a, m) } else { a }).collect();
    LogicalOp::Aggregate { input: boxed(input), keys, aggregates }
}

/// Whether the `Optional` is estimated to give several rows per input row (estimated
/// with the input, so that its labels are known) through two expansions or more, and
/// its inner plan is made of expansions and filters only, so that each variable it binds
/// is bound on each of its rows and building it per row costs little.
fn grouping_pays(optional: &LogicalOp, ctx: &Ctx<'_>) -> bool {
    let LogicalOp::Optional { input: outer, inner, .. } = optional else { return false };
    let rows = plan_rows(optional, ctx.stats);
    let input_rows = plan_rows(outer, ctx.stats).max(1.0);
    rows >= MIN_INNER_ROWS * input_rows && rebuilt_cheaply(inner) && expansions(inner) >= 2
}

/// Whether `op` is expansions and filters from the input row alone. The grouping cannot
/// be rewound, so the inner plan under it is built anew for each input row: a hash
/// join's build side or a scan, which an `Optional` rewinds and builds once, would be
/// built per row (workload7's bi8_central_person_country took 60 times as long).
fn rebuilt_cheaply(op: &LogicalOp) -> bool {
    let own = matches!(
        op,
        LogicalOp::Argument | LogicalOp::Expand { .. } | LogicalOp::FilteredExpand { .. } | LogicalOp::Filter { .. }
    );
    own && op.children().into_iter().all(rebuilt_cheaply)
}

/// The expansions of `op`: with one, the rows per far node are the relationships to it,
/// seldom more than one, and grouping them gains nothing.
fn expansions(op: &LogicalOp) -> usize {
    let own = matches!(op, LogicalOp::Expand { .. } | LogicalOp::FilteredExpand { .. } | LogicalOp::VarExpand { .. });
    usize::from(own) + op.children().into_iter().map(expansions).sum::<usize>()
}

/// What the aggregation reads, when it allows the grouping: keys read no new variable;
/// each aggregate reading one either ignores repeats or is `count(v)` of a bare new
/// variable; at least one is such a count; and some new variable is left unread.
fn reads(new_slots: &[Slot], keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> Option<Reads> {
    let new: HashSet<Slot> = new_slots.iter().copied().collect();
    for (_, e) in keys {
        if !free_slots(e)?.is_disjoint(&new) {
            return None;
        }
    }
    let (mut by, mut counts) = (HashSet::new(), Vec::new());
    for call in aggregates {
        let read = call.arg.iter().chain(&call.extra).map(free_slots).collect::<Option<Vec<_>>>()?;
        let read: HashSet<Slot> = read.into_iter().flatten().collect();
        let is_count = counts_new_variable(call, &new);
        if !is_count && !ignores_repeats(call) {
            return None;
        }
        if !is_count {
            by.extend(read.intersection(&new).copied());
        }
        counts.push(is_count);
    }
    let mut by: Vec<Slot> = by.into_iter().collect();
    by.sort_unstable();
    counts.contains(&true).then_some(Reads { by, counts })
}

/// `count(v)` (not DISTINCT) of a variable the OPTIONAL MATCH binds.
fn counts_new_variable(call: &AggregateCall, new: &HashSet<Slot>) -> bool {
    let bare_new = call.arg.as_ref().is_some_and(|e| matches!(e.kind, ExprKind::Slot(s) if new.contains(&s)));
    call.function == AggregateFunction::Count && !call.distinct && bare_new
}

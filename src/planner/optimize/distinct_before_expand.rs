//! Pass `distinct_before_expand` (eager distinct over a chain): under an aggregation whose
//! answer does not depend on how often a row comes (every aggregate DISTINCT, `min` or
//! `max`, or none at all, as `RETURN DISTINCT` groups), the rows reaching each expansion
//! of the chain below it are made distinct on the variables still read above, first.
//!
//! `MATCH (p {id: $x})-->(f)-->(o)-->(d)<--(u) RETURN count(DISTINCT u), count(DISTINCT d)`
//! reaches each `d` along many paths, and without it expands every one of them again to
//! every `u`: a row per path and unit (11 s at S for workload5 long_chain_middle_filter,
//! Kuzu 1.6 s). Only `d` is read after that expansion, so the paths are cut to their
//! distinct `d` before it, and the rows after it are the distinct pairs at most.
//!
//! A variable-length expansion in the chain whose list is not read becomes `VarExpandEnds`,
//! each input row's distinct ends once (workload8's distinct_rel_values_var_length).
//!
//! Walking down from the aggregation through filters and expansions, it keeps the set of
//! variables read above (the aggregation's keys and arguments, each filter's, each
//! expansion's near node, and the far node or relationship it expands into when bound).
//! Before an expansion whose input binds by expansions something no longer read, it puts
//! a `Distinct` on what is read. It stops at any other operator. Relationship uniqueness
//! is kept: a later condition that a relationship differs from an earlier one reads the
//! earlier one, which then stays in the distinct rows.

use std::collections::HashSet;

use super::{map_children, Ctx};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::free_slots;
use crate::planner::{LogicalOp, PathSpec};

pub fn distinct_before_expand(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite(plan)
}

fn rewrite(op: LogicalOp) -> Result<LogicalOp> {
    let op = map_children(op, &mut rewrite)?;
    Ok(match op {
        LogicalOp::Aggregate { input, keys, aggregates } if aggregates.iter().all(ignores_repeats) => {
            let reads = keys.iter().map(|(_, e)| e).chain(aggregates.iter().flat_map(|a| a.arg.iter().chain(&a.extra)));
            let input = match read_slots(reads, HashSet::new()) {
                Some(needed) => dedupe(*input, needed),
                None => *input,
            };
            LogicalOp::Aggregate { input: boxed(input), keys, aggregates }
        }
        other => other,
    })
}

/// An aggregate whose answer is the same however often each row comes (nulls ignored too:
/// `union_optionals` relies on that).
pub(super) fn ignores_repeats(call: &AggregateCall) -> bool {
    call.distinct || matches!(call.function, AggregateFunction::Min | AggregateFunction::Max)
}

/// `op`, the chain of filters and expansions under the aggregation, with a `Distinct` on
/// `needed` (what is read above `op`) before each expansion where rows may repeat on it.
fn dedupe(op: LogicalOp, needed: HashSet<Slot>) -> LogicalOp {
    match op {
        LogicalOp::Filter { input, predicate } => match read_slots([&predicate], needed) {
            Some(below) => LogicalOp::Filter { input: boxed(dedupe(*input, below)), predicate },
            None => LogicalOp::Filter { input, predicate },
        },
        LogicalOp::Expand { input, hop } => {
            let mut below = needed;
            if !hop.rel_bound {
                below.remove(&hop.rel);
            }
            if !hop.into {
                below.remove(&hop.to);
            }
            below.insert(hop.from);
            let input = dedupe(*input, below.clone());
            let input = if drops_an_expanded_slot(&input, &below) {
                let mut slots: Vec<Slot> = below.into_iter().collect();
                slots.sort_unstable_by_key(|s| s.0);
                LogicalOp::Distinct { input: boxed(input), slots }
            } else {
                input
            };
            LogicalOp::Expand { input: boxed(input), hop }
        }
        LogicalOp::VarExpand { input, path, into, exclude } if !needed.contains(&path.rel) => {
            ends_only(*input, path, into, exclude, needed)
        }
        other => other,
    }
}

/// A variable-length expansion whose list nothing above reads: only which nodes its
/// paths end at matters, so `VarExpandEnds` gives each input row's distinct ends once,
/// found without walking every path (`(p)-[:KNOWS*1..2]-(f)-[:MEMBER_OF]->(o)` under
/// `count(DISTINCT o.year)`: each friend's memberships once, not once per path to them).
fn ends_only(input: LogicalOp, path: PathSpec, into: bool, exclude: Vec<Slot>, needed: HashSet<Slot>) -> LogicalOp {
    let mut below = needed;
    if !into {
        below.remove(&path.to);
    }
    below.insert(path.from);
    below.extend(exclude.iter().copied());
    let input = boxed(dedupe(input, below));
    LogicalOp::VarExpandEnds { input, path, into, exclude, predicate: None, paths: None, shortest: None }
}

/// Whether the chain of filters and expansions at the top of `op` binds, by an
/// expansion, a relationship that `kept` leaves out: only then can two of its rows agree
/// on `kept` (a scan's or a seek's rows are distinct nodes already, and a relationship
/// kept fixes the node it leads to).
fn drops_an_expanded_slot(op: &LogicalOp, kept: &HashSet<Slot>) -> bool {
    match op {
        LogicalOp::Filter { input, .. } => drops_an_expanded_slot(input, kept),
        LogicalOp::Expand { input, hop } => {
            (!hop.rel_bound && !kept.contains(&hop.rel)) || drops_an_expanded_slot(input, kept)
        }
        LogicalOp::VarExpand { input, path, .. } => !kept.contains(&path.rel) || drops_an_expanded_slot(input, kept),
        // Each input row's ends once.
        LogicalOp::VarExpandEnds { input, .. } => drops_an_expanded_slot(input, kept),
        _ => false,
    }
}

/// `needed` with every slot `exprs` read; `None` when one reads what is not tracked (a
/// pattern, a subquery).
fn read_slots<'e>(exprs: impl IntoIterator<Item = &'e Expr>, mut needed: HashSet<Slot>) -> Option<HashSet<Slot>> {
    for e in exprs {
        needed.extend(free_slots(e)?);
    }
    Some(needed)
}

//! Counting an optional hop (part of the `count_rows` pass): an aggregation that only
//! counts what one bare OPTIONAL MATCH hop binds (`count(p)`, `count(r)`), grouped by what
//! was bound before it, is the sum of each row's degree, zero included:
//! `MATCH (o:Org) OPTIONAL MATCH (o)<-[:MEMBER_OF]-(p) RETURN o, count(p)`.
//! `DegreeValue` reads that degree off the adjacency for each row, instead of running the
//! optional expansion per row and making a row per relationship (and a null row for
//! none, which `count` skips). When the keys give each row a group of its own (the
//! scanned node itself), the degrees are projected with no grouping, as `rewrite.rs` does.
//!
//! A hop with conditions on what it binds (`(o)<-[:MEMBER_OF]-(p:Person)` without a
//! schema that guarantees the label, `WHERE p.age > 30` inside the OPTIONAL MATCH) is not
//! a degree: it becomes `OptionalExpandCount`, which tests each relationship's candidate
//! as the optional expansion's filter would and counts those that pass, zero included,
//! a batch of near nodes at a time by columns where the conditions allow.

use super::count_join::Parts;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::planner::build::boxed;
use crate::planner::predicates::{free_slots, slot_expr};
use crate::planner::rewrite::{identifies_each_row, sum_of};
use crate::planner::stats::Statistics;
use crate::planner::weighted::{self, Matching};
use crate::planner::{Hop, LogicalOp};

/// The aggregation over each row's degree, or `None` (the shape does not allow it) with
/// the parts given back.
pub fn count_optional_hop(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    stats: &dyn Statistics,
) -> Result<LogicalOp, Box<Parts>> {
    let LogicalOp::Optional { input: outer, inner, new_slots } = input else {
        return Err(Box::new((input, keys, aggregates)));
    };
    let (hop, predicate) = match &*inner {
        LogicalOp::Expand { input: argument, hop } if is_bare_from_argument(argument, hop) => (hop.clone(), None),
        LogicalOp::Filter { input: expand, predicate } => match &**expand {
            LogicalOp::Expand { input: argument, hop } if is_bare_from_argument(argument, hop) => {
                (hop.clone(), Some(predicate.clone()))
            }
            _ => return Err(Box::new((LogicalOp::Optional { input: outer, inner, new_slots }, keys, aggregates))),
        },
        _ => return Err(Box::new((LogicalOp::Optional { input: outer, inner, new_slots }, keys, aggregates))),
    };
    let new = [hop.rel, hop.to];
    let keys_fit = keys.iter().all(|(_, e)| free_slots(e).is_some_and(|reads| new.iter().all(|s| !reads.contains(s))));
    let only_counts = aggregates.iter().all(|a| counts_matches(a, &new));
    let slot = aggregates.first().map(|a| a.slot);
    // Beside the counts, aggregates of what was bound before the hop: each weighted by
    // the row's count (`weighted.rs`), the row of nulls counting once where a count of
    // rows reads it.
    let summed = match (keys_fit, slot) {
        (true, Some(slot)) if only_counts => Some(aggregates.iter().map(|a| sum_of(a.clone(), slot)).collect()),
        (true, Some(slot)) if weighted::decomposes(&aggregates, &new) => {
            weighted::weighted(&aggregates, &new, slot, Matching::Optional)
        }
        _ => None,
    };
    let (Some(slot), Some(summed)) = (slot, summed) else {
        return Err(Box::new((LogicalOp::Optional { input: outer, inner, new_slots }, keys, aggregates)));
    };
    let groups_are_rows = only_counts && identifies_each_row(&outer, hop.from, &keys, stats);
    let degrees = match predicate {
        // The conditions are tested per relationship, as the optional expansion's filter
        // tests them (the outer row, the relationship and its far node bound).
        Some(predicate) => LogicalOp::OptionalExpandCount { input: outer, hop, predicate: Some(predicate), slot },
        None => {
            let Hop { from: node, direction, types, .. } = hop;
            LogicalOp::DegreeValue { input: outer, node, slot, direction, types }
        }
    };
    if groups_are_rows {
        let counts = aggregates.iter().map(|a| (a.slot, slot_expr(slot, Type::Int, a.span)));
        return Ok(LogicalOp::Project { input: boxed(degrees), items: keys.into_iter().chain(counts).collect() });
    }
    Ok(LogicalOp::Aggregate { input: boxed(degrees), keys, aggregates: summed })
}

/// A hop from a node of the outer row that nothing but its direction and types limits,
/// binding a new relationship and a new far node: each of its rows is one relationship.
fn is_bare_from_argument(below: &LogicalOp, hop: &Hop) -> bool {
    matches!(below, LogicalOp::Argument) && !hop.into && !hop.rel_bound
}

/// `count(v)` of the relationship or far node the hop binds: null on the row an optional
/// match without a match gives, so it counts exactly the relationships.
fn counts_matches(call: &AggregateCall, new: &[Slot; 2]) -> bool {
    call.function == AggregateFunction::Count
        && !call.distinct
        && call.arg.as_ref().is_some_and(|a| matches!(a.kind, ExprKind::Slot(s) if new.contains(&s)))
}

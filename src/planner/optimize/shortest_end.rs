//! Part of the `fuse_filters` pass: the conditions of a filter over a shortest path
//! searched from one end (`ShortestPath … from a`) that read the far end but no path
//! become the search's `end_filter`.
//!
//! Why: the search hands on every node it reaches with its shortest path(s), and building
//! a path means walking its ways in back to the root and making a list. In
//! `shortestPath((a {id: $x})-[:KNOWS*1..3]-(b)) WHERE b.name STARTS WITH 'P'` the
//! search reaches tens of thousands of people of whom a few hundred pass: tested first,
//! only those cost a path. The answers are the same, since a condition that reads no
//! path gives every path of one node the same answer.

use crate::binder::bound::Expr;
use crate::planner::build::boxed;
use crate::planner::predicates::{conjunction, conjuncts, free_slots};
use crate::planner::LogicalOp;

/// `shortest` with the conditions of `predicate` that read no path moved into its end
/// filter, under a `Filter` of the rest (none left, no filter).
pub fn filter_ends(shortest: LogicalOp, predicate: Expr) -> LogicalOp {
    let LogicalOp::ShortestPath { input, path, all, filters, single_source, end_filter, stop_after } = shortest else {
        return LogicalOp::Filter { input: boxed(shortest), predicate };
    };
    let (on_end, rest): (Vec<Expr>, Vec<Expr>) = conjuncts(&predicate)
        .into_iter()
        .cloned()
        .partition(|c| free_slots(c).is_some_and(|reads| !reads.contains(&path.rel)));
    let end_filter = conjunction(end_filter.into_iter().chain(on_end).collect());
    let op = LogicalOp::ShortestPath { input, path, all, filters, single_source, end_filter, stop_after };
    match conjunction(rest) {
        Some(predicate) => LogicalOp::Filter { input: boxed(op), predicate },
        None => op,
    }
}

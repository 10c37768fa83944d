//! Pass `count_rows` (the counting rewrites): an aggregate over a whole label or every
//! relationship that reads only the scanned variable's properties folds the store's
//! columns (`column_aggregate.rs`); one that only counts the rows of the last hop reads
//! the store's counts or counts per row instead (`rewrite.rs`); one over a hash join
//! counts the build side per join key first (`count_join.rs`; a value join per key value,
//! `count_value_join.rs`); one without keys over a product aggregates each side alone
//! (`product_aggregates.rs`); one right over a
//! variable-length expansion counts its paths or lists its ends without making a row
//! per path (`count_paths.rs`), or per path length when it groups by `length(p)`
//! (`count_path_lengths.rs`); one without keys over two or more expansions from one hub,
//! or over one expansion from a hub that a chain's rows bound, aggregates each arm once per
//! hub, the others counted (`count_star.rs`); one that counts
//! what a bare OPTIONAL MATCH hop binds sums
//! each row's degree, zero included (`count_optional.rs`). `COUNT { (n)-[:T]->() }` over
//! one bare hop from an outer node is that node's degree (`DegreeValue`); with conditions
//! on the far end, a count made as the hop is walked (`OptionalExpandCount`). A count grouped
//! by functions of a scanned node's labels counts the nodes per label set
//! (`label_set_count.rs`); a count of the nodes where `n.key IS [NOT] NULL` reads the
//! column's presence bits (`presence_count.rs`).

use super::count_join::count_through_join;
use super::count_optional::count_optional_hop;
use super::count_path_lengths::count_path_lengths;
use super::count_paths::count_paths;
use super::count_star::count_star_arms;
use super::count_value_join::count_through_value_join;
use super::product_aggregates::aggregate_per_side;
use super::{rewrite_up, Ctx};
use crate::binder::bound::SubqueryKind;
use crate::error::Result;
use crate::planner::{column_aggregate, label_set_count, presence_count, rewrite};
use crate::planner::{Hop, LogicalOp};

pub fn count_rows(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } => {
                if let Some(columns) = column_aggregate::column_aggregate(&input, &keys, &aggregates) {
                    return Ok(columns);
                }
                if let Some(counted) = label_set_count::count_by_label_set(&input, &keys, &aggregates) {
                    return Ok(counted);
                }
                if let Some(counted) = presence_count::count_by_presence(&input, &keys, &aggregates) {
                    return Ok(counted);
                }
                let (input, keys, aggregates) = match count_path_lengths(*input, keys, aggregates) {
                    Ok(counted) => return Ok(counted),
                    Err(parts) => *parts,
                };
                let (input, keys, aggregates) = match count_paths(input, keys, aggregates) {
                    Ok(counted) => return Ok(counted),
                    Err(parts) => *parts,
                };
                let (input, keys, aggregates) = match count_optional_hop(input, keys, aggregates, ctx.stats) {
                    Ok(counted) => return Ok(counted),
                    Err(parts) => *parts,
                };
                let (input, keys, aggregates) = match count_star_arms(input, keys, aggregates, ctx.stats) {
                    Ok(counted) => return Ok(counted),
                    Err(parts) => *parts,
                };
                let (input, keys, aggregates) = match count_through_value_join(input, keys, aggregates) {
                    Ok(counted) => return Ok(counted),
                    Err(parts) => *parts,
                };
                let (input, keys, aggregates) = match aggregate_per_side(input, keys, aggregates) {
                    Ok(counted) => return Ok(counted),
                    Err(parts) => *parts,
                };
                match count_through_join(input, keys, aggregates) {
                    Ok(counted) => counted,
                    Err(parts) => {
                        let (input, keys, aggregates) = *parts;
                        rewrite::aggregate(input, keys, aggregates, ctx.stats)
                    }
                }
            }
            LogicalOp::SubqueryValue { input, inner, kind: SubqueryKind::Count, slot, column, memo } => match *inner {
                LogicalOp::Expand { input: argument, hop } if is_bare_from_outer(&argument, &hop) => {
                    let Hop { from: node, direction, types, .. } = hop;
                    LogicalOp::DegreeValue { input, node, slot, direction, types }
                }
                // `COUNT { (n)-[:T]->(m) WHERE cond }`: the hop's relationships whose far
                // end passes counted as they are walked, zero included, as the subquery
                // counts them, without a row each (the count an OPTIONAL MATCH of one hop makes).
                LogicalOp::Filter { input: below, predicate } => match *below {
                    LogicalOp::Expand { input: argument, hop } if is_bare_from_outer(&argument, &hop) => {
                        LogicalOp::OptionalExpandCount { input, hop, predicate: Some(predicate), slot }
                    }
                    below => {
                        let inner = Box::new(LogicalOp::Filter { input: Box::new(below), predicate });
                        LogicalOp::SubqueryValue { input, inner, kind: SubqueryKind::Count, slot, column, memo }
                    }
                },
                inner => LogicalOp::SubqueryValue {
                    input,
                    inner: Box::new(inner),
                    kind: SubqueryKind::Count,
                    slot,
                    column,
                    memo,
                },
            },
            other => other,
        })
    })
}

/// A hop from a node of the outer row (the subquery starts from its `Argument`) that
/// nothing but its direction and types limits: each of its rows is one relationship of
/// that node.
pub(super) fn is_bare_from_outer(below: &LogicalOp, hop: &Hop) -> bool {
    matches!(below, LogicalOp::Argument) && !hop.into && !hop.rel_bound
}

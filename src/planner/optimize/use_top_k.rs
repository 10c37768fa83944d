//! Pass `use_top_k`: `ORDER BY … [SKIP s] LIMIT l` needs only the first s + l rows of
//! the order, which `TopK` keeps in a bounded buffer instead of sorting every row. SKIP
//! and LIMIT stay above it and still trim them. A top-k by a node's degree reads the
//! degrees off the adjacency (`NodeDegreeTop`); one by properties of a scanned node reads
//! them off its columns first and makes rows only for the nodes that can rank
//! (`NodeColumnTop`); one by a property of an expanded relationship reads it off the
//! type's column as the expansion finds each, and makes rows only for the relationships
//! that can rank (`RelColumnTop`).

use super::{rewrite_up, Ctx};
use crate::binder::bound::Expr;
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::column_top::rank_by_columns;
use crate::planner::degree_top::rank_by_degree;
use crate::planner::rel_column_top::rank_rels_by_columns;
use crate::planner::LogicalOp;

pub fn use_top_k(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Limit { input, count } => LogicalOp::Limit { input: boxed(under_limit(*input, &count)), count },
            other => other,
        })
    })
}

/// A top-k read off the store where it can be: by degree (`NodeDegreeTop`), else by the
/// scanned node's columns (`NodeColumnTop`), else by an expanded relationship's column
/// (`RelColumnTop`).
fn ranked(top: LogicalOp) -> LogicalOp {
    rank_rels_by_columns(rank_by_columns(rank_by_degree(top)))
}

/// What a LIMIT of `limit` reads from: a sort, or a skip over a sort, becomes a top-k.
fn under_limit(op: LogicalOp, limit: &Expr) -> LogicalOp {
    match op {
        LogicalOp::Sort { input, keys } => ranked(LogicalOp::TopK { input, keys, skip: None, limit: limit.clone() }),
        LogicalOp::Skip { input, count } => match *input {
            LogicalOp::Sort { input: below, keys } => {
                let top =
                    ranked(LogicalOp::TopK { input: below, keys, skip: Some(count.clone()), limit: limit.clone() });
                match top {
                    // The ranking below drops the first SKIP itself (`NodeColumnTop`).
                    LogicalOp::TopK { skip: None, .. } => top,
                    top => LogicalOp::Skip { input: boxed(top), count },
                }
            }
            other => LogicalOp::Skip { input: boxed(other), count },
        },
        other => other,
    }
}

//! Pass `count_rows` (the counting rewrites): an aggregate over a whole label or every
//! relationship that reads only the scanned variable's properties folds the store's
//! columns (`column_aggregate.rs`); one that only counts the rows of the last hop reads
//! the store's counts or counts per row instead (`rewrite.rs`); one over a hash join
//! counts the build side per join key first (`count_join.rs`); one right over a
//! variable-length expansion counts its paths or lists its ends without making a row
//! per path (`count_paths.rs`).

use super::count_join::count_through_join;
use super::count_paths::count_paths;
use super::{rewrite_up, Ctx};
use crate::error::Result;
use crate::planner::LogicalOp;
use crate::planner::{column_aggregate, rewrite};

pub fn count_rows(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } => {
                if let Some(columns) = column_aggregate::column_aggregate(&input, &keys, &aggregates) {
                    return Ok(columns);
                }
                let (input, keys, aggregates) = match count_paths(*input, keys, aggregates) {
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
            other => other,
        })
    })
}

//! Pass `count_rows` (the counting rewrites): an aggregate that only counts the rows of
//! the last hop reads the store's counts or counts per row instead (`rewrite.rs`).

use super::{rewrite_up, Ctx};
use crate::error::Result;
use crate::planner::rewrite;
use crate::planner::LogicalOp;

pub fn count_rows(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } => rewrite::aggregate(*input, keys, aggregates, ctx.stats),
            other => other,
        })
    })
}

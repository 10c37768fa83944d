//! Pass `fold_groups`: an `Aggregate` left over a node scan or one expansion, whose keys
//! and aggregates `GroupFold` can fold (`planner/group_fold.rs`), becomes one: the same
//! input plan, each scanned node or expanded relationship folded into its group without
//! a row. Last, so that every counting rewrite (which reads no property at all) comes
//! first, and the filters are already fused into the scan or expansion it reads.

use super::{rewrite_up, Ctx};
use crate::error::Result;
use crate::planner::group_fold;
use crate::planner::LogicalOp;

pub fn fold_groups(plan: LogicalOp, _ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } if group_fold::fits(&input, &keys, &aggregates) => {
                LogicalOp::GroupFold { input, keys, aggregates }
            }
            other => other,
        })
    })
}

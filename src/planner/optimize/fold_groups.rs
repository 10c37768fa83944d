//! Pass `fold_groups`: an `Aggregate` left over a node scan or one expansion, whose keys
//! and aggregates `GroupFold` can fold (`planner/group_fold.rs`), becomes one: the same
//! input plan, each scanned node or expanded relationship folded into its group without
//! a row. Last, so that every counting rewrite (which reads no property at all) comes
//! first, and the filters are already fused into the scan or expansion it reads. Over one
//! expansion it also chooses, by cost, whether the relationships are read node by node
//! or all of the hop's type in stored order (`stored_rel_fold.rs`). A `Distinct` there
//! whose rows nothing reads but its columns becomes one too, with no aggregates
//! (`distinct_fold.rs`). An aggregation grouped by keys of the hop's far node alone
//! walks the hop from that node first when its aggregates ignore the rows' order
//! (`group_flip.rs`), so each group is folded from one node's relationships.

use super::{rewrite_up, Ctx};
use crate::error::Result;
use crate::planner::LogicalOp;
use crate::planner::{distinct_fold, group_flip, group_fold, stored_rel_fold};

pub fn fold_groups(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::Aggregate { input, keys, aggregates } if group_fold::fits(&input, &keys, &aggregates) => {
                let input = Box::new(group_flip::from_grouped_end(*input, (&keys, &aggregates), ctx.stats));
                let order = stored_rel_fold::fold_order(&input, (&keys, &aggregates), ctx.stats, ctx.options);
                LogicalOp::GroupFold { input, keys, aggregates, order }
            }
            // A DISTINCT is an aggregation with keys alone, when nothing after reads more.
            LogicalOp::Retain { input, slots } => {
                let input = Box::new(distinct_fold::fold_distinct(*input, &slots, (ctx.stats, ctx.options)));
                LogicalOp::Retain { input, slots }
            }
            LogicalOp::ProduceResults { input, slots } => {
                let input = Box::new(distinct_fold::fold_distinct(*input, &slots, (ctx.stats, ctx.options)));
                LogicalOp::ProduceResults { input, slots }
            }
            other => other,
        })
    })
}

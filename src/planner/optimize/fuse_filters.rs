//! Pass `fuse_filters`: a filter right over a node scan, an expansion or a relationship-type
//! scan becomes one operator (`FilteredScan`, `FilteredExpand`, a `RelTypeScan` with its
//! predicate) that tests each candidate in place before making its row; the executor runs
//! it as it is, and EXPLAIN shows it. Over a shortest path searched from one end, the
//! conditions that read no path become its `end_filter` (`shortest_end.rs`), tested on
//! each node reached before its paths are built.

use super::{rewrite_up, Ctx};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::LogicalOp;

pub fn fuse_filters(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| Ok(fuse(op)))
}

fn fuse(op: LogicalOp) -> LogicalOp {
    let LogicalOp::Filter { input, predicate } = op else { return op };
    match *input {
        LogicalOp::NodeScan { input, slot, label } => LogicalOp::FilteredScan { input, slot, label, predicate },
        LogicalOp::Expand { input, hop } => LogicalOp::FilteredExpand { input, hop, predicate },
        LogicalOp::RelTypeScan { input, scan, predicate: None } => {
            LogicalOp::RelTypeScan { input, scan, predicate: Some(predicate) }
        }
        shortest @ LogicalOp::ShortestPath { single_source: true, .. } => {
            super::shortest_end::filter_ends(shortest, predicate)
        }
        other => LogicalOp::Filter { input: boxed(other), predicate },
    }
}

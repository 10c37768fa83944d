//! Which slots a plan's rows come clustered by: every value of such a slot fills one run
//! of consecutive rows and never comes again after it. A node scan over the one starting
//! row gives each node once; an expansion, a filter, a projection or a `Distinct` keeps its
//! input's runs, since it turns each input row into consecutive rows (or none) in order.
//!
//! An aggregation grouped by such a slot (`WITH c, p, count(*)` over `(c:Country)<-[]-(a)-[]->(p)`)
//! has seen every group of a run once the run ends, so it can hand those groups on and
//! forget them: its table holds one run's groups, not all of them (`exec/ops/group_fold.rs`).

use super::logical::LogicalOp;
use crate::binder::bound::{ExprKind, Slot};

/// The slots whose values come in runs in the rows of `plan` (see the module comment);
/// empty when none is known to.
pub fn clustered_slots(plan: &LogicalOp) -> Vec<Slot> {
    match plan {
        LogicalOp::NodeScan { input, slot, .. } | LogicalOp::FilteredScan { input, slot, .. } => {
            // Over more than one input row, the scan gives each node again for each.
            match **input {
                LogicalOp::Start => vec![*slot],
                _ => Vec::new(),
            }
        }
        LogicalOp::Expand { input, hop } | LogicalOp::FilteredExpand { input, hop, .. } => {
            let written = [hop.rel, hop.to];
            clustered_slots(input).into_iter().filter(|s| !written.contains(s)).collect()
        }
        // A subset of the rows in their order keeps their runs.
        LogicalOp::Filter { input, .. }
        | LogicalOp::Distinct { input, .. }
        | LogicalOp::Skip { input, .. }
        | LogicalOp::Limit { input, .. } => clustered_slots(input),
        LogicalOp::Retain { input, slots } => {
            clustered_slots(input).into_iter().filter(|s| slots.contains(s)).collect()
        }
        LogicalOp::Project { input, items } => {
            let rewritten = |s: &Slot| {
                items.iter().any(|(slot, e)| slot == s && !matches!(e.kind, ExprKind::Slot(same) if same == *s))
            };
            clustered_slots(input).into_iter().filter(|s| !rewritten(s)).collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::Hop;
    use crate::syntax::ast::RelDirection;

    fn scan(input: LogicalOp, slot: u32) -> LogicalOp {
        LogicalOp::NodeScan { input: Box::new(input), slot: Slot(slot), label: None }
    }

    fn expand(input: LogicalOp, from: u32, to: u32) -> LogicalOp {
        let hop = Hop {
            from: Slot(from),
            rel: Slot(to + 100),
            to: Slot(to),
            direction: RelDirection::Right,
            types: Vec::new(),
            into: false,
            rel_bound: false,
        };
        LogicalOp::Expand { input: Box::new(input), hop }
    }

    #[test]
    fn a_scan_over_the_start_is_clustered_and_expansions_keep_it() {
        let plan = expand(expand(scan(LogicalOp::Start, 1), 1, 2), 2, 3);
        assert_eq!(clustered_slots(&plan), vec![Slot(1)]);
    }

    #[test]
    fn a_scan_over_many_rows_repeats_its_nodes() {
        let plan = scan(scan(LogicalOp::Start, 1), 2);
        assert_eq!(clustered_slots(&plan), Vec::<Slot>::new());
    }

    #[test]
    fn an_operator_that_may_reorder_rows_forgets_the_runs() {
        let sorted = LogicalOp::Sort { input: Box::new(scan(LogicalOp::Start, 1)), keys: Vec::new() };
        assert_eq!(clustered_slots(&sorted), Vec::<Slot>::new());
    }
}

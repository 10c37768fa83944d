//! Pass `semi_join_scans`: a node scan under `SemiHashJoin`s keyed on the scanned node
//! alone becomes a `SemiJoinScan`, which reads the nodes from the semi-joins' sets
//! instead of probing every node of the label, when a set must hold each row: a
//! `Matching` one (`WHERE EXISTS { … }`, a pattern predicate), or one of the marked ones a
//! filter above ORs (`WHERE (p)-[:A]->(…) OR (p)<-[:B]-(…)`, each side marked into a slot).
//!
//! Why: the planner builds such a semi-join's set from the far, selective end (the
//! organisations of one year and their members); the scan then still made a row of every
//! person and looked each up, 600 000 lookups for 25 000 rows (workload10's
//! `pattern_predicates_or_whole_label`, workload12's `year_list_and_membership_predicate`).
//! Read from the sets, in id order, each candidate is checked for the label, the scan's
//! condition and every set, so the rows are the chain's, in the same order; a filter above
//! stays. The scan's condition must not be able to fail (`never_fails`): checked only on
//! the candidates, it would no longer raise an error another node would have raised.

use super::never_fails::never_fails;
use super::{map_children, Ctx};
use crate::binder::bound::{Expr, ExprKind, LabelRef, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::{conjuncts, disjuncts};
use crate::planner::{LogicalOp, SemiJoinOutput};

pub fn semi_join_scans(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_down(plan)
}

/// Top-down, so that a filter sees the whole chain below it before the chain's own
/// semi-joins are looked at.
fn rewrite_down(op: LogicalOp) -> Result<LogicalOp> {
    map_children(rewrite(op), &mut rewrite_down)
}

fn rewrite(op: LogicalOp) -> LogicalOp {
    match op {
        LogicalOp::Filter { input, predicate } => {
            let any_of = chain_of(&input).map(|chain| marks_one_needed(&predicate, &chain.marks)).unwrap_or_default();
            let input = if any_of.is_empty() { *input } else { into_scan(*input, any_of) };
            LogicalOp::Filter { input: boxed(input), predicate }
        }
        op @ LogicalOp::SemiHashJoin { .. } if chain_of(&op).is_some_and(|c| c.matching) => into_scan(op, Vec::new()),
        other => other,
    }
}

/// What a chain of semi-joins over a scan holds: whether one of them keeps only the nodes
/// in its set, and the slots the others mark.
struct Chain {
    matching: bool,
    marks: Vec<Slot>,
}

/// The chain `op` heads: `SemiHashJoin`s, each keyed on one slot, down to a scan binding
/// that slot whose condition cannot fail.
fn chain_of(op: &LogicalOp) -> Option<Chain> {
    let mut chain = Chain { matching: false, marks: Vec::new() };
    let mut op = op;
    let mut key = None;
    let mut joins = 0;
    loop {
        match op {
            LogicalOp::SemiHashJoin { input, keys, output, .. } => {
                let [k] = keys[..] else { return None };
                if key.is_some_and(|key| key != k) {
                    return None;
                }
                key = Some(k);
                match output {
                    SemiJoinOutput::Matching => chain.matching = true,
                    SemiJoinOutput::Mark(slot) => chain.marks.push(*slot),
                    SemiJoinOutput::NotMatching => {}
                }
                joins += 1;
                op = input;
            }
            LogicalOp::NodeScan { slot, .. } => return (joins > 0 && key == Some(*slot)).then_some(chain),
            LogicalOp::FilteredScan { slot, predicate, .. } => {
                return (joins > 0 && key == Some(*slot) && never_fails(predicate)).then_some(chain)
            }
            _ => return None,
        }
    }
}

/// The marks of a conjunct of `predicate` that is an OR of mark slots alone (`m1 OR m2`,
/// or one bare `m1`): a row passes only when one of them is true. Empty if none is.
fn marks_one_needed(predicate: &Expr, marks: &[Slot]) -> Vec<Slot> {
    let slots_of = |c: &Expr| -> Option<Vec<Slot>> {
        disjuncts(c)
            .into_iter()
            .map(|d| match d.kind {
                ExprKind::Slot(s) if marks.contains(&s) => Some(s),
                _ => None,
            })
            .collect()
    };
    conjuncts(predicate).into_iter().find_map(slots_of).unwrap_or_default()
}

/// The chain `op` heads (checked by `chain_of`) as one `SemiJoinScan`.
fn into_scan(op: LogicalOp, any_of: Vec<Slot>) -> LogicalOp {
    let mut builds = Vec::new();
    let mut outputs = Vec::new();
    let mut op = op;
    while let LogicalOp::SemiHashJoin { input, build, output, .. } = op {
        builds.push(*build);
        outputs.push(output);
        op = *input;
    }
    // The lowest join first, as the chain checked them.
    builds.reverse();
    outputs.reverse();
    let (input, slot, label, predicate): (Box<LogicalOp>, Slot, Option<LabelRef>, Option<Expr>) = match op {
        LogicalOp::NodeScan { input, slot, label } => (input, slot, label, None),
        LogicalOp::FilteredScan { input, slot, label, predicate } => (input, slot, label, Some(predicate)),
        other => return other,
    };
    LogicalOp::SemiJoinScan { input, slot, label, predicate, builds, outputs, any_of }
}

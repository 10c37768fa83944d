//! Pass `reverse_semi_probes`: an `EXISTS { … }` whose inner plan joins one hop from the
//! outer row's node with a build side that reads nothing of the outer row
//! (`EXISTS { (u)-[:PART_OF]->(d)<-[:SENT]-(:Country {name: $c}) }`: a `NodeHashJoin [d]`
//! whose probe side expands `u` over the `Argument`) walks that hop backwards from the
//! build side's rows instead, once, and becomes a `SemiHashJoin` on the outer node.
//!
//! Why: run per outer row, the inner plan expanded every row's node and probed the join's
//! table with each relationship (and rewound the operators), where the build side, chosen
//! for being selective, reaches few nodes; walked from those, the hop's far ends are the
//! set of outer nodes that have a match, and each outer row is one lookup.
//!
//! The answers are the same: a node has a match exactly when one of its relationships of
//! the hop reaches a key of the build side, which is when the hop walked back from that key
//! reaches it. The hop's conditions (on its relationship and far node) move with it to the
//! build side, where they are tested on rows the outer plan may not have reached, so each
//! must be one that cannot fail. Taken when the build side walked back is estimated at half
//! the rows of the hop walked from every outer row or fewer: each row walked back is put in
//! a set, which costs more than a row walked forward and looked up (at S, 41 K rows walked
//! back against 19 K forward took 9.7 ms of cpu against 6.5).

use super::count_star::cannot_fail;
use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, Slot, SubqueryKind};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::cardinality::{estimate, plan_rows};
use crate::planner::predicates::{conjunction, conjuncts, free_slots};
use crate::planner::stats::Statistics;
use crate::planner::{Hop, LogicalOp, SemiJoinOutput};

pub fn reverse_semi_probes(plan: LogicalOp, ctx: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::SemiApply { input, inner, negated, memo: None } => {
                let output = if negated { SemiJoinOutput::NotMatching } else { SemiJoinOutput::Matching };
                match reversed(&input, &inner, ctx.stats) {
                    Some((build, key)) => {
                        LogicalOp::SemiHashJoin { input, build: boxed(build), keys: vec![key], output }
                    }
                    None => LogicalOp::SemiApply { input, inner, negated, memo: None },
                }
            }
            LogicalOp::SubqueryValue { input, inner, kind: SubqueryKind::Exists, slot, column, memo: None } => {
                match reversed(&input, &inner, ctx.stats) {
                    Some((build, key)) => LogicalOp::SemiHashJoin {
                        input,
                        build: boxed(build),
                        keys: vec![key],
                        output: SemiJoinOutput::Mark(slot),
                    },
                    None => {
                        LogicalOp::SubqueryValue { input, inner, kind: SubqueryKind::Exists, slot, column, memo: None }
                    }
                }
            }
            other => other,
        })
    })
}

/// The build side with the hop walked back onto the outer node, and that node's slot, when
/// `inner` is such a join and the reversed walk is estimated to pay.
fn reversed(input: &LogicalOp, inner: &LogicalOp, stats: &dyn Statistics) -> Option<(LogicalOp, Slot)> {
    let (probe, build) = argument_hop_join(inner)?;
    let (hop, conditions) = hop_from_argument(probe)?;
    let back = Hop { from: hop.to, to: hop.from, direction: hop.direction.reversed(), ..hop.clone() };
    let walked = LogicalOp::Expand { input: boxed(build.clone()), hop: back };
    let walked = match conjunction(conditions) {
        Some(predicate) => LogicalOp::Filter { input: boxed(walked), predicate },
        None => walked,
    };
    (2.0 * plan_rows(&walked, stats) <= hop_rows(input, inner, stats)?).then_some((walked, hop.from))
}

/// The rows the hop is estimated to make from every outer row, estimated in the whole plan
/// (where the outer node's labels are known).
fn hop_rows(input: &LogicalOp, inner: &LogicalOp, stats: &dyn Statistics) -> Option<f64> {
    let whole =
        LogicalOp::SemiApply { input: boxed(input.clone()), inner: boxed(inner.clone()), negated: false, memo: None };
    let estimates = estimate(&whole, stats);
    let LogicalOp::SemiApply { inner, .. } = &whole else { return None };
    let (probe, _) = argument_hop_join(inner)?;
    estimates.get(&(probe as *const LogicalOp as usize)).copied()
}

/// The probe and build sides of a hash join on one node key, under nothing but `Retain`s
/// and `Project`s (which keep every row: existence does not read their values).
fn argument_hop_join(op: &LogicalOp) -> Option<(&LogicalOp, &LogicalOp)> {
    match op {
        LogicalOp::Retain { input, .. } | LogicalOp::Project { input, .. } => argument_hop_join(input),
        LogicalOp::HashJoin { probe, build, keys, values, .. } if keys.len() == 1 && values.is_empty() => {
            let (hop, _) = hop_from_argument(probe)?;
            (hop.to == keys[0]).then_some((&**probe, &**build))
        }
        _ => None,
    }
}

/// One hop from the outer row's node to a new node over the `Argument`, with the
/// conditions of a filter over it, each reading only the hop and unable to fail.
fn hop_from_argument(op: &LogicalOp) -> Option<(&Hop, Vec<Expr>)> {
    let (expand, conditions) = match op {
        LogicalOp::Filter { input, predicate } => (&**input, conjuncts(predicate).into_iter().cloned().collect()),
        other => (other, Vec::new()),
    };
    let LogicalOp::Expand { input, hop } = expand else { return None };
    let bare = matches!(**input, LogicalOp::Argument) && !hop.into && !hop.rel_bound;
    let own = |c: &Expr| {
        free_slots(c).is_some_and(|reads| reads.iter().all(|s| [hop.from, hop.rel, hop.to].contains(s)))
            && cannot_fail(c)
    };
    (bare && conditions.iter().all(own)).then_some((hop, conditions))
}

//! Pass `prune_paths`: a WHERE condition `all(k IN ks WHERE f)` (or `none(k IN ks WHERE
//! f)`, `NOT any(…)`) right over the variable-length expansion that binds `ks`, whose `f`
//! reads only `k` and what was bound before the expansion, becomes a condition of the
//! expansion's step (`Step::filters`): the search tests each relationship as it reaches
//! it and never extends a path past one that fails.
//!
//! Why: `(p {id: $x})-[ks:KNOWS*1..3]->(q) WHERE all(k IN ks WHERE k.year >= 2000)` built
//! every path of up to three hops and then threw most away; pruned, the search only walks
//! the paths that pass, and since nothing else reads `ks` any more, `count_rows` can count
//! them or their ends without building them (`count_paths.rs`).
//!
//! The answers are the same: `all(…)` is true exactly when `f` is true for every
//! relationship of the path (false or null for one makes it false or null, and the filter
//! drops the row), and a path whose prefix fails has a failing relationship itself; for
//! `none(…)`, `NOT f` must be true for each. The empty path of `*0..` passes both, as
//! before. The condition leaves the filter, which no longer reads the list.

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::planner::build::with_filter;
use crate::planner::pattern::element_filter;
use crate::planner::predicates::{conjunction, conjuncts};
use crate::planner::{ElementFilter, LogicalOp};

pub fn prune_paths(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| Ok(prune(op)))
}

fn prune(op: LogicalOp) -> LogicalOp {
    let LogicalOp::Filter { input, predicate } = op else { return op };
    let LogicalOp::VarExpand { input: below, mut path, into, exclude } = *input else {
        return LogicalOp::Filter { input, predicate };
    };
    let (steps, rest) = split_step_filters(&predicate, path.rel, path.to);
    path.step.filters.extend(steps);
    let op = LogicalOp::VarExpand { input: below, path, into, exclude };
    with_filter(op, conjunction(rest))
}

/// The conjuncts of `predicate` that are conditions on each relationship of the list in
/// `rel` (reading neither the list nor the end node `to` otherwise), and the others.
fn split_step_filters(predicate: &Expr, rel: Slot, to: Slot) -> (Vec<ElementFilter>, Vec<Expr>) {
    let mut steps = Vec::new();
    let mut rest = Vec::new();
    for conjunct in conjuncts(predicate) {
        let before = |s: Slot| s != rel && s != to;
        match element_filter(conjunct, &[Some(rel), None], &before).filter(|f| !f.nodes) {
            Some(filter) => steps.push(filter),
            None => rest.push(conjunct.clone()),
        }
    }
    (steps, rest)
}

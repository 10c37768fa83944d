//! Pass `union_optionals`: OPTIONAL MATCHes in a row that read nothing of each other,
//! under an aggregation that ignores repeats, run side by side for each input row (one
//! `Optional` over the `Union` of their inner plans) instead of each one once per row of
//! the one before.
//!
//! `MATCH (d) OPTIONAL MATCH (d)<--(c:Country) OPTIONAL MATCH (d)<--(u:Unit) RETURN d.id,
//! count(DISTINCT c), count(DISTINCT u)` makes, per deployment, every pair of a country and
//! a unit: 62 million rows at M for 650 deployments with thousands of each (workload7
//! optional_two_labels_per_row timed out), where the answer needs only the countries and
//! the units, 20 thousand rows.
//!
//! Why the answers stay: per input row, the nested plan gives the product of the branches'
//! rows (a branch with no match gives one row of nulls), the side-by-side plan each
//! branch's rows with the other branches' variables null. So each group sees the same
//! input rows, and every value an aggregate reads from one branch comes in both plans,
//! only in other numbers and beside nulls. That is why it applies only when
//! - every aggregate ignores repeats (DISTINCT, `min`, `max`) and nulls;
//! - no key reads a branch's variables, and each aggregate reads those of one branch at
//!   most, through an expression that is null when they are (a variable, its properties,
//!   arithmetic and comparisons of them), so the rows with that branch's variables null
//!   add nothing;
//! - no branch reads a variable an earlier one binds.
//!
//! A branch that matches nothing now gives no row of its own (the other branches' rows,
//! or the one row of nulls when all match nothing, keep the group), which only nulls
//! could tell apart, and they are ignored.

use std::collections::HashSet;

use super::distinct_before_expand::ignores_repeats;
use super::push_semi_applies::mentioned_slots;
use super::{map_children, Ctx};
use crate::binder::bound::{AggregateCall, Expr, ExprKind, Slot};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::free_slots;
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

pub fn union_optionals(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite(plan)
}

fn rewrite(op: LogicalOp) -> Result<LogicalOp> {
    let op = map_children(op, &mut rewrite)?;
    Ok(match op {
        LogicalOp::Aggregate { input, keys, aggregates } if aggregates.iter().all(ignores_repeats) => {
            let input = side_by_side(*input, &keys, &aggregates);
            LogicalOp::Aggregate { input: boxed(input), keys, aggregates }
        }
        other => other,
    })
}

/// One OPTIONAL MATCH of the chain: its inner plan and the variables it binds.
struct Branch {
    inner: LogicalOp,
    new_slots: Vec<Slot>,
}

/// `op` with the top two or more independent `Optional`s of its top chain made one
/// `Optional` over the union of their inner plans, when the aggregation's reads allow it.
///
/// The lower `Optional`s of the chain, which the top ones may read (`OPTIONAL MATCH
/// (c)-->(d) OPTIONAL MATCH (d)<--(u) OPTIONAL MATCH (d)<--(o)`: `u` and `o` both start
/// at `d`), stay below as part of the input: each of their rows is still one input row.
fn side_by_side(op: LogicalOp, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> LogicalOp {
    let (base, mut branches) = take_chain(op);
    let lower = branches.len() - independent_top(&branches);
    let top = branches.split_off(lower);
    let base = put_back(base, branches);
    if top.len() < 2 || !reads_allow(keys, aggregates, &top) {
        return put_back(base, top);
    }
    let branches = top;
    let new_slots = branches.iter().flat_map(|b| b.new_slots.iter().copied()).collect();
    let inputs = branches.into_iter().map(|b| b.inner).collect();
    let inner = LogicalOp::Union { inputs, all: true };
    LogicalOp::Optional { input: boxed(base), inner: boxed(inner), new_slots }
}

/// The operator under the top chain of `Optional`s, and the chain's branches, first
/// (lowest) first.
fn take_chain(op: LogicalOp) -> (LogicalOp, Vec<Branch>) {
    let mut branches = Vec::new();
    let mut op = op;
    while let LogicalOp::Optional { input, inner, new_slots } = op {
        branches.push(Branch { inner: *inner, new_slots });
        op = *input;
    }
    branches.reverse();
    (op, branches)
}

/// The chain as it was.
fn put_back(base: LogicalOp, branches: Vec<Branch>) -> LogicalOp {
    branches.into_iter().fold(base, |input, b| LogicalOp::Optional {
        input: boxed(input),
        inner: boxed(b.inner),
        new_slots: b.new_slots,
    })
}

/// How many branches at the top of the chain are independent: no branch's plan among
/// them names a variable another of them binds (and every plan is one whose variables
/// are known). Reading what a lower branch binds is allowed, as that branch stays below.
fn independent_top(branches: &[Branch]) -> usize {
    // Walked from the top down: a branch joins when none of those above it (taken)
    // names what it binds, and it names nothing they bind.
    let (mut bound, mut mentioned_above): (HashSet<Slot>, HashSet<Slot>) = Default::default();
    let mut taken = 0;
    for branch in branches.iter().rev() {
        let Some(mentioned) = mentioned_slots(&branch.inner) else { break };
        let reads_above = mentioned.iter().any(|s| bound.contains(s));
        if reads_above || branch.new_slots.iter().any(|s| mentioned_above.contains(s)) {
            break;
        }
        bound.extend(branch.new_slots.iter().copied());
        mentioned_above.extend(mentioned);
        taken += 1;
    }
    taken
}

/// Keys read no branch's variables; each aggregate reads one branch's at most, through
/// an expression that is null when they are.
fn reads_allow(keys: &[(Slot, Expr)], aggregates: &[AggregateCall], branches: &[Branch]) -> bool {
    let branch_of = |slot: &Slot| branches.iter().position(|b| b.new_slots.contains(slot));
    let reads_no_branch = |e: &Expr| free_slots(e).is_some_and(|read| read.iter().all(|s| branch_of(s).is_none()));
    let aggregate_ok = |a: &AggregateCall| {
        if !a.extra.iter().all(reads_no_branch) {
            return false;
        }
        let Some(arg) = &a.arg else { return true };
        let Some(read) = free_slots(arg) else { return false };
        let mut touched: Vec<usize> = read.iter().filter_map(branch_of).collect();
        touched.sort_unstable();
        touched.dedup();
        match touched.as_slice() {
            [] => true,
            [only] => null_when_null(arg, &branches[*only].new_slots),
            _ => false,
        }
    };
    keys.iter().all(|(_, e)| reads_no_branch(e)) && aggregates.iter().all(aggregate_ok)
}

/// Whether `e` is null whenever every slot of `slots` is null: a slot among them, a
/// property of such an expression, or arithmetic, comparison or concatenation with one.
fn null_when_null(e: &Expr, slots: &[Slot]) -> bool {
    match &e.kind {
        ExprKind::Slot(s) => slots.contains(s),
        ExprKind::Property(base, _) => null_when_null(base, slots),
        ExprKind::Binary(op, l, r) if strict(*op) => null_when_null(l, slots) || null_when_null(r, slots),
        _ => false,
    }
}

/// A binary operator whose result is null when either side is.
fn strict(op: BinaryOp) -> bool {
    !matches!(op, BinaryOp::Or | BinaryOp::Xor | BinaryOp::And | BinaryOp::In)
}

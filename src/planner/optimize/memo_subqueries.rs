//! Pass `memo_subqueries`: a `[NOT] EXISTS { … }` (`SemiApply`) or an `EXISTS/COUNT/COLLECT
//! { … }` value (`SubqueryValue`) whose inner plan reads from the outer row only a few
//! slots, and nothing random, is marked to be answered once per distinct value of those
//! slots (`memo: Some(keys)`); the executor keeps each answer and looks it up for a row
//! that repeats them (`exec/ops/subquery_memo.rs`).
//!
//! Why: the inner plan runs once per outer row, and outer rows often repeat the few
//! variables it reads: in `MATCH (o:Organization)-[:SENT]->(d:Deployment) WHERE NOT
//! (o)<-[:MENTIONS]-(:Article)` each organisation comes once per deployment it sent
//! troops to, and its mentions were walked again each time (300,000 rows, 74,000
//! organisations at M). The answers are the same: the inner plan reads only the outer
//! row's `keys` (read off its operators, bottom up, less what they bind themselves) and
//! the graph, which the executor watches for writes (a write empties the memo).
//!
//! Only inner plans of the operators listed in `outer_reads` are marked, without writes
//! or `rand()`; others run per row as before.

use std::collections::HashSet;

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::planner::predicates::{calls_random, free_slots};
use crate::planner::LogicalOp;

pub fn memo_subqueries(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::SemiApply { input, inner, negated, memo: None } => {
                let memo = memo_keys(&inner, None).filter(|keys| !once_each(&input, keys));
                LogicalOp::SemiApply { input, inner, negated, memo }
            }
            LogicalOp::SubqueryValue { input, inner, kind, slot, column, memo: None } => {
                let memo = memo_keys(&inner, column).filter(|keys| !once_each(&input, keys));
                LogicalOp::SubqueryValue { input, inner, kind, slot, column, memo }
            }
            other => other,
        })
    })
}

/// The outer slots whose values decide what `inner` gives (with `column`, the slot read
/// off each of its rows), sorted; `None` when that cannot be told or the answer may
/// differ between two runs on the same values (a write, `rand()`).
pub fn memo_keys(inner: &LogicalOp, column: Option<Slot>) -> Option<Vec<Slot>> {
    if inner.writes() {
        return None;
    }
    let mut reads = Reads::default();
    reads.walk(inner)?;
    if let Some(column) = column {
        reads.read([column]);
    }
    let mut keys: Vec<Slot> = reads.outer.into_iter().collect();
    keys.sort();
    Some(keys)
}

/// Whether `input` gives each value of `keys` once: the key is the node of a scan from
/// the query's start, under only operators that keep or drop its rows (a memo would
/// never be read).
fn once_each(input: &LogicalOp, keys: &[Slot]) -> bool {
    let [key] = keys else { return false };
    match input {
        LogicalOp::NodeScan { input, slot, .. }
        | LogicalOp::FilteredScan { input, slot, .. }
        | LogicalOp::SemiJoinScan { input, slot, .. } => slot == key && **input == LogicalOp::Start,
        LogicalOp::Filter { input, .. }
        | LogicalOp::SemiApply { input, .. }
        | LogicalOp::SemiHashJoin { input, .. }
        | LogicalOp::SubqueryValue { input, .. }
        | LogicalOp::NodeDegree { input, .. }
        | LogicalOp::DegreeValue { input, .. } => once_each(input, keys),
        _ => false,
    }
}

/// The slots a chain of operators reads before any of them binds them (the outer row's)
/// and those they bind, gathered from the bottom up.
#[derive(Default)]
struct Reads {
    outer: HashSet<Slot>,
    bound: HashSet<Slot>,
}

impl Reads {
    fn read(&mut self, slots: impl IntoIterator<Item = Slot>) {
        for slot in slots {
            if !self.bound.contains(&slot) {
                self.outer.insert(slot);
            }
        }
    }

    /// Reads `expr`, whose `local` slots are bound while it is evaluated.
    fn read_expr(&mut self, expr: &Expr, local: &[Slot]) -> Option<()> {
        if calls_random(expr) {
            return None;
        }
        let slots = free_slots(expr)?;
        self.read(slots.into_iter().filter(|s| !local.contains(s)));
        Some(())
    }

    fn bind(&mut self, slots: impl IntoIterator<Item = Slot>) {
        self.bound.extend(slots);
    }

    /// Walks `op`'s input first, then `op` itself; `None` at an operator not read here.
    fn walk(&mut self, op: &LogicalOp) -> Option<()> {
        match op {
            LogicalOp::HashJoin { probe, build, keys, build_slots, values } => {
                self.walk(probe)?;
                // The build side is its own chain: what it reads before binding comes
                // from outside it.
                let mut side = Reads::default();
                side.walk(build)?;
                for (_, build_value) in values {
                    side.read_expr(build_value, &[])?;
                }
                self.read(side.outer);
                self.read(keys.iter().copied());
                for (probe_value, _) in values {
                    self.read_expr(probe_value, &[])?;
                }
                self.bind(build_slots.iter().copied());
                Some(())
            }
            // A subquery inside reads from this chain's row what its own keys say.
            LogicalOp::SemiApply { input, inner, .. } => {
                self.walk(input)?;
                self.read(memo_keys(inner, None)?);
                Some(())
            }
            LogicalOp::SubqueryValue { input, inner, slot, column, .. } => {
                self.walk(input)?;
                self.read(memo_keys(inner, *column)?);
                self.bind([*slot]);
                Some(())
            }
            _ => {
                let children = op.children();
                match children.as_slice() {
                    [] => {}
                    [input] => self.walk(input)?,
                    _ => return None,
                }
                self.operator(op)
            }
        }
    }

    fn operator(&mut self, op: &LogicalOp) -> Option<()> {
        match op {
            LogicalOp::Argument | LogicalOp::Start | LogicalOp::Retain { .. } => {}
            LogicalOp::Expand { hop, .. } | LogicalOp::FilteredExpand { hop, .. } => {
                self.read([hop.from]);
                let (rel, to) = (hop.rel_bound.then_some(hop.rel), hop.into.then_some(hop.to));
                self.read(rel.into_iter().chain(to));
                if let LogicalOp::FilteredExpand { predicate, .. } = op {
                    self.read_expr(predicate, &[hop.rel, hop.to])?;
                }
                self.bind([hop.rel, hop.to]);
            }
            LogicalOp::OptionalExpandCount { hop, predicate, slot, .. } => {
                self.read([hop.from]);
                let (rel, to) = (hop.rel_bound.then_some(hop.rel), hop.into.then_some(hop.to));
                self.read(rel.into_iter().chain(to));
                if let Some(predicate) = predicate {
                    self.read_expr(predicate, &[hop.rel, hop.to])?;
                }
                self.bind([*slot]);
            }
            LogicalOp::NodeDegree { node, slot, .. } | LogicalOp::DegreeValue { node, slot, .. } => {
                self.read([*node]);
                self.bind([*slot]);
            }
            LogicalOp::Filter { predicate, .. } => self.read_expr(predicate, &[])?,
            LogicalOp::NodeScan { slot, .. } => self.bind([*slot]),
            LogicalOp::FilteredScan { slot, predicate, .. } => {
                self.read_expr(predicate, &[*slot])?;
                self.bind([*slot]);
            }
            LogicalOp::NodeByKey { slot, value, .. } => {
                self.read_expr(value, &[])?;
                self.bind([*slot]);
            }
            LogicalOp::Limit { count, .. } => self.read_expr(count, &[])?,
            LogicalOp::Project { items, .. } => {
                for (_, expr) in items {
                    self.read_expr(expr, &[])?;
                }
                self.bind(items.iter().map(|(slot, _)| *slot));
            }
            _ => return None,
        }
        Some(())
    }
}

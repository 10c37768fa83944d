//! Two groupings in a row folded into one operator: an aggregation whose keys and
//! arguments each read bare a key or an aggregate of the `GroupFold` below it (through
//! projections and retains that only keep or rename columns), as in
//! `WITH c, p, count(*) AS k WITH c, count(p) AS people, max(k) AS most`.
//! The fold's groups go straight into the second grouping's states, in the order their
//! rows would come, instead of each becoming a row that is projected, retained and
//! grouped again; with runs (`group_runs.rs`) the first table holds one run's groups.
//! The answers, their order and the floats' sums are the row path's: the second grouping
//! takes the same values in the same order.

use super::aggregate::Groups;
use super::{BuildCtx, Operator};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot};
use crate::error::Result;
use crate::exec::memory;
use crate::planner::LogicalOp;
use crate::value::Value;

/// The second grouping, fed a group of the first at a time.
pub(super) struct Regroup {
    keys: Vec<(Slot, Expr)>,
    /// Per key, the first grouping's key it is.
    key_from: Vec<usize>,
    aggregates: Vec<AggregateCall>,
    args: Vec<Source>,
    groups: Groups,
    /// The key of the group being taken, reused from group to group.
    key: Vec<Value>,
}

/// What an aggregate of the second grouping takes from each group of the first.
#[derive(Clone, Copy)]
enum Source {
    /// `count(*)`: one more.
    Rows,
    Key(usize),
    Aggregate(usize),
}

/// The operator for an aggregation of `keys` and `aggregates` over `input`, when `input` is
/// a `GroupFold` whose groups it can take as they are (see the module comment); `None`
/// otherwise.
pub(super) fn build(
    input: &LogicalOp,
    (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
    at: &BuildCtx,
) -> Result<Option<Box<dyn Operator>>> {
    let mut chain = Vec::new();
    let mut below = input;
    while let LogicalOp::Project { input, .. } | LogicalOp::Retain { input, .. } = below {
        chain.push(below);
        below = input;
    }
    let LogicalOp::GroupFold { input: fold_input, keys: first_keys, aggregates: first_aggregates, order } = below
    else {
        return Ok(None);
    };
    let Some(regroup) = Regroup::new((keys, aggregates), &chain, (first_keys, first_aggregates)) else {
        return Ok(None);
    };
    // The fold's own counters sit below the projections skipped.
    let at = BuildCtx { index: at.index + chain.len() + 1, ..at.clone() };
    let fold = super::group_fold::build_fold(fold_input, (first_keys, first_aggregates), *order, &at)?;
    Ok(Some(Box::new(fold.regrouping(regroup))))
}

impl Regroup {
    fn new(
        (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
        chain: &[&LogicalOp],
        first: (&[(Slot, Expr)], &[AggregateCall]),
    ) -> Option<Regroup> {
        // A first grouping without keys makes its one row even over nothing.
        if first.0.is_empty() {
            return None;
        }
        let source = |e: &Expr| match e.kind {
            ExprKind::Slot(slot) => source_of(resolve(chain, slot)?, first),
            _ => None,
        };
        let key_from = keys
            .iter()
            .map(|(_, e)| match source(e)? {
                Source::Key(i) => Some(i),
                _ => None,
            })
            .collect::<Option<Vec<usize>>>()?;
        let args = aggregates
            .iter()
            .map(|call| match (&call.function, &call.arg, &call.extra) {
                (AggregateFunction::CountStar, _, None) => Some(Source::Rows),
                (_, Some(arg), None) => source(arg),
                _ => None,
            })
            .collect::<Option<Vec<Source>>>()?;
        let (keys, aggregates) = (keys.to_vec(), aggregates.to_vec());
        Some(Regroup { keys, key_from, aggregates, args, groups: Groups::default(), key: Vec::new() })
    }

    /// Takes one group of the first grouping: its key's values and its aggregates' values.
    pub(super) fn take(&mut self, key: &[Value], finals: &[Value]) -> Result<()> {
        self.key.clear();
        self.key.extend(self.key_from.iter().filter_map(|&i| key.get(i).cloned()));
        let n_groups = self.groups.len();
        let group = self.groups.group_of(&self.key, &self.aggregates);
        let mut bytes = 0;
        if self.groups.len() > n_groups {
            bytes += self.key.iter().map(memory::value_bytes).sum::<u64>() + 64 * (self.aggregates.len() as u64 + 1);
        }
        let states = self.groups.states_of(group, self.aggregates.len());
        for ((call, source), state) in self.aggregates.iter().zip(&self.args).zip(states) {
            let value = match *source {
                Source::Key(i) => key.get(i),
                Source::Aggregate(j) => finals.get(j),
                Source::Rows => None,
            };
            match (call.function, value) {
                (AggregateFunction::CountStar, _) => state.count_row(),
                (_, Some(value)) => bytes += state.add(call, value),
                (_, None) => {}
            }
        }
        self.groups.hold(bytes)
    }

    /// The second grouping's rows, and the memory they keep.
    pub(super) fn into_rows(self, ctx: &crate::exec::ExecCtx<'_, '_>) -> Result<(Vec<crate::exec::Row>, memory::Held)> {
        self.groups.into_rows(&self.keys, &self.aggregates, ctx)
    }
}

/// The slot below `chain` (projections and retains, top first) whose value `slot` holds
/// above it; `None` when one computes it or drops it.
fn resolve(chain: &[&LogicalOp], mut slot: Slot) -> Option<Slot> {
    for op in chain {
        match op {
            LogicalOp::Retain { slots, .. } if !slots.contains(&slot) => return None,
            LogicalOp::Project { items, .. } => {
                if let Some((_, e)) = items.iter().find(|(s, _)| *s == slot) {
                    let ExprKind::Slot(from) = e.kind else { return None };
                    slot = from;
                }
            }
            _ => {}
        }
    }
    Some(slot)
}

/// Which key or aggregate of the first grouping a row of it holds in `slot`: the one
/// written last there (`Groups::into_rows` writes the keys in order, each bare one in its
/// own slot too, then the aggregates).
fn source_of(slot: Slot, (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall])) -> Option<Source> {
    if let Some(j) = aggregates.iter().rposition(|call| call.slot == slot) {
        return Some(Source::Aggregate(j));
    }
    keys.iter()
        .rposition(|(s, e)| *s == slot || matches!(e.kind, ExprKind::Slot(original) if original == slot))
        .map(Source::Key)
}

//! The runs a `GroupFold`'s input comes in: slots whose every value fills one run of
//! consecutive inputs and never comes again (`planner::clustered_slots`).
//!
//! A key that reads such a slot bare (`c` in `WITH c, p, count(*)` over
//! `(c:Country)<-[]-(a)-[]->(p)`) makes groups of two runs differ, so the groups of a run
//! that ended are all complete: they are handed on and the table starts empty.
//! A DISTINCT aggregate of such a slot (`count(DISTINCT a)` over rows that come article by
//! article) takes a value new to its group exactly when the group took none in the value's
//! run, so it keeps the number of its last run instead of a set of the values.

use crate::binder::bound::{AggregateCall, Expr, ExprKind, Slot};
use crate::exec::Row;
use crate::planner::LogicalOp;
use crate::store::NodeId;
use crate::value::Value;

#[derive(Default)]
pub(super) struct Runs {
    runs: Vec<Run>,
    /// The run whose end hands the groups on: of a key's slot.
    key: Option<usize>,
    /// Per aggregate, the run of its DISTINCT argument's slot.
    args: Vec<Option<usize>>,
}

/// The run of one slot's value the input is in.
struct Run {
    slot: Slot,
    current: Option<Value>,
    /// Counts the runs: the same number for every input of one run.
    number: u64,
}

impl Runs {
    /// The runs worth following for `keys` and `aggregates` over `input`'s rows.
    pub(super) fn new(keys: &[(Slot, Expr)], aggregates: &[AggregateCall], input: &LogicalOp) -> Runs {
        let clustered = crate::planner::clustered_slots(input);
        let mut runs = Runs::default();
        let bare = |e: &Expr| match e.kind {
            ExprKind::Slot(slot) if clustered.contains(&slot) => Some(slot),
            _ => None,
        };
        runs.key = keys.iter().find_map(|(_, e)| bare(e)).map(|slot| runs.follow_slot(slot));
        runs.args = aggregates
            .iter()
            .map(|call| match (&call.arg, call.distinct) {
                (Some(arg), true) => bare(arg).map(|slot| runs.follow_slot(slot)),
                _ => None,
            })
            .collect();
        runs
    }

    /// Whether no run is followed.
    pub(super) fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Follows the input to the row `row` (its node `id` in the slot `node` walked, for a
    /// batch's inputs); true when the key's run ended there.
    pub(super) fn follow(&mut self, row: &Row, node: Option<(Slot, NodeId)>) -> bool {
        let mut key_run_ended = false;
        for (i, run) in self.runs.iter_mut().enumerate() {
            let value = match node {
                Some((slot, id)) if slot == run.slot => Value::Node(id),
                _ => row.get(run.slot).clone(),
            };
            if run.current.as_ref() == Some(&value) {
                continue;
            }
            key_run_ended |= self.key == Some(i) && run.current.is_some();
            run.current = Some(value);
            run.number += 1;
        }
        key_run_ended
    }

    /// The number of the run aggregate `i`'s DISTINCT argument is in, when it comes in runs.
    pub(super) fn of_arg(&self, i: usize) -> Option<u64> {
        let run = (*self.args.get(i)?)?;
        self.runs.get(run).map(|run| run.number)
    }

    /// The index of the run of `slot`, followed from now on.
    fn follow_slot(&mut self, slot: Slot) -> usize {
        match self.runs.iter().position(|run| run.slot == slot) {
            Some(i) => i,
            None => {
                self.runs.push(Run { slot, current: None, number: 0 });
                self.runs.len() - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::{AggregateFunction, Type};
    use crate::span::Span;

    fn slot(n: u32) -> Expr {
        Expr { kind: ExprKind::Slot(Slot(n)), ty: Type::Any, span: Span::default() }
    }

    fn scan(n: u32) -> LogicalOp {
        LogicalOp::NodeScan { input: Box::new(LogicalOp::Start), slot: Slot(n), label: None }
    }

    fn row(value: u32) -> Row {
        let mut row = Row::new(2);
        row.set(Slot(0), Value::Node(NodeId(value)));
        row
    }

    #[test]
    fn a_key_run_ends_where_the_value_changes() {
        let mut runs = Runs::new(&[(Slot(1), slot(0))], &[], &scan(0));
        let ended: Vec<bool> = [1, 1, 2, 2, 2, 3].into_iter().map(|v| runs.follow(&row(v), None)).collect();
        assert_eq!(ended, [false, false, true, false, false, true]);
    }

    #[test]
    fn a_distinct_argument_counts_its_runs() {
        let call = AggregateCall {
            function: AggregateFunction::Count,
            distinct: true,
            arg: Some(slot(0)),
            extra: None,
            slot: Slot(1),
            span: Span::default(),
        };
        let mut runs = Runs::new(&[], &[call], &scan(0));
        let numbers: Vec<Option<u64>> = [4, 4, 9, 4]
            .into_iter()
            .map(|v| {
                runs.follow(&row(v), None);
                runs.of_arg(0)
            })
            .collect();
        // The last 4 would be a new run: the plan promises it never comes.
        assert_eq!(numbers, [Some(1), Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn a_slot_not_clustered_is_not_followed() {
        let sorted = LogicalOp::Sort { input: Box::new(scan(0)), keys: Vec::new() };
        assert!(Runs::new(&[(Slot(1), slot(0))], &[], &sorted).is_empty());
    }
}

//! `AggregateFunction::Reduce`: `reduce(acc = init, y IN collect(x) | step)` folded into
//! the aggregation (`planner/optimize/fold_collected_lists.rs`). Each group keeps its
//! accumulator instead of its list, and each non-null value of `x` is folded in as it
//! arrives, in arrival order, the order `collect` would have listed it in: so the answer
//! and any error are those of the `reduce` over the collected list.
//!
//! The step runs as a program over cells (`column_expr::CompiledStep`) where it decides,
//! else through the interpreter with the accumulator and the value in their slots of a
//! scratch row. A state that was given values without the step (a path that only has
//! `State::add`) keeps them in arrival order, and they are folded when the group finishes
//! (`finish_reduce`), after what was folded before them.

use crate::binder::bound::{AggregateCall, Expr, ExprKind, Slot};
use crate::error::{Error, Result};
use crate::exec::column_expr::CompiledStep;
use crate::exec::expr::eval;
use crate::exec::{memory, Row};
use crate::store::Graph;
use crate::value::Value;

/// The parts of a folded `reduce`, read from its call's `extra`.
struct Parts<'a> {
    accumulator: Slot,
    init: &'a Expr,
    slot: Slot,
    step: &'a Expr,
}

fn parts(call: &AggregateCall) -> Result<Parts<'_>> {
    match call.extra.as_ref().map(|e| &e.kind) {
        Some(ExprKind::Reduce { accumulator, init, slot, expr, .. }) => {
            Ok(Parts { accumulator: *accumulator, init, slot: *slot, step: expr })
        }
        _ => Err(Error::internal("a folded reduce without its step")),
    }
}

/// The accumulator a group starts from: `init`, which reads no slot (the planner folds
/// only such a `reduce`).
pub(super) fn initial(call: &AggregateCall, graph: &Graph) -> Result<Value> {
    eval(parts(call)?.init, &Row::default(), graph)
}

/// One operator's means of folding values into the accumulators of its `Reduce` calls.
pub(super) struct Reducer {
    accumulator: Slot,
    slot: Slot,
    step: Expr,
    compiled: Option<CompiledStep>,
    /// The interpreter's row: the accumulator and the value in their slots.
    scratch: Row,
}

impl Reducer {
    /// A reducer for each call that is a folded `reduce`, `None` for the others.
    pub(super) fn for_calls(calls: &[AggregateCall]) -> Vec<Option<Reducer>> {
        calls.iter().map(Reducer::of).collect()
    }

    fn of(call: &AggregateCall) -> Option<Reducer> {
        let parts = parts(call).ok().filter(|_| call.function == crate::binder::bound::AggregateFunction::Reduce)?;
        Some(Reducer {
            accumulator: parts.accumulator,
            slot: parts.slot,
            step: parts.step.clone(),
            compiled: CompiledStep::compile(parts.accumulator, parts.slot, parts.step),
            scratch: Row::default(),
        })
    }

    /// `acc` with `item` folded in.
    pub(super) fn step(&mut self, acc: Value, item: Value, graph: &Graph) -> Result<Value> {
        if let Some(next) = self.compiled.as_ref().and_then(|c| c.step(&acc, &item, graph)) {
            return Ok(next);
        }
        self.scratch.set(self.accumulator, acc);
        self.scratch.set(self.slot, item);
        let next = eval(&self.step, &self.scratch, graph)?;
        if matches!(next, Value::List(_) | Value::Map(_)) {
            memory::check_depth(&next).map_err(|e| e.or_span(self.step.span))?;
        }
        Ok(next)
    }
}

/// The group's value: `acc` (or `init` when nothing was folded yet) with the values
/// `pending` kept without the step folded in after it, in their order.
pub(super) fn finish_reduce(
    call: &AggregateCall,
    acc: Option<Value>,
    pending: Vec<Value>,
    graph: &Graph,
) -> Result<Value> {
    let Parts { accumulator, slot, step, .. } = parts(call)?;
    let acc = match acc {
        Some(acc) => acc,
        None => initial(call, graph)?,
    };
    if pending.is_empty() {
        return Ok(acc);
    }
    crate::exec::expr::reduce(accumulator, acc, slot, pending, step, &Row::default(), graph)
}

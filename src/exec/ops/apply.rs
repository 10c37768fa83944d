//! Operators that run a subquery's plan once per input row, the row handed down as its
//! argument: `Apply` (`CALL { … }`, FOREACH) and `SubqueryValue` (`COUNT { … }`,
//! `COLLECT { … }` and `EXISTS { … }` inside an expression).

use std::collections::VecDeque;

use super::subquery_memo::SubqueryMemo;
use super::BuildCtx;
use crate::binder::bound::{Slot, SubqueryKind};
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::LogicalOp;
use crate::value::Value;

/// The inner plan of an apply and where it sits in the plan (for PROFILE).
pub struct Inner {
    plan: LogicalOp,
    at: BuildCtx,
    /// The operator tree run for the last row, rewound for the next one (as Optional and
    /// SemiApply do) instead of built again with its conditions compiled again.
    spent: Option<Box<dyn Operator>>,
}

impl Inner {
    pub fn new(plan: LogicalOp, at: BuildCtx) -> Inner {
        Inner { plan, at, spent: None }
    }

    /// Runs the inner plan on `row`, handing each of its rows to `each` until it says stop.
    pub fn run(
        &mut self,
        ctx: &mut ExecCtx<'_, '_>,
        row: &Row,
        each: &mut dyn FnMut(Row) -> Result<bool>,
    ) -> Result<()> {
        let mut inner = super::optional::reuse(&mut self.spent, &self.plan, &self.at)?;
        ctx.arguments.push(row.clone());
        let result = (|| {
            while let Some(out) = inner.next(ctx)? {
                if !each(out)? {
                    break;
                }
            }
            Ok(())
        })();
        ctx.arguments.pop();
        self.spent = Some(inner);
        result
    }
}

/// Where an Apply takes its input rows from: the input as it comes, or, when the inner
/// plan writes, all of it read first (Neo4j's eager barrier: the input never sees the
/// subquery's writes, and no scan is between candidates while it writes).
pub enum Source {
    Streaming(Box<dyn Operator>),
    Eager { input: Box<dyn Operator>, rows: Option<VecDeque<Row>> },
}

impl Source {
    pub fn new(input: Box<dyn Operator>, eager: bool) -> Source {
        match eager {
            true => Source::Eager { input, rows: None },
            false => Source::Streaming(input),
        }
    }

    fn is_eager(&self) -> bool {
        matches!(self, Source::Eager { .. })
    }

    pub fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        match self {
            Source::Streaming(input) => input.next(ctx),
            Source::Eager { input, rows } => {
                if rows.is_none() {
                    let mut all = VecDeque::new();
                    while let Some(row) = input.next(ctx)? {
                        all.push_back(row);
                    }
                    *rows = Some(all);
                }
                Ok(rows.as_mut().and_then(VecDeque::pop_front))
            }
        }
    }
}

/// `CALL { … }`: each input row joined with each row the subquery returns (`output`
/// copied from it); a unit subquery (no `output`) passes the input row on once.
pub struct Apply {
    input: Source,
    inner: Inner,
    output: Vec<Slot>,
    optional: bool,
    pending: VecDeque<Row>,
    /// Whether a writing subquery has already run for every input row.
    drained: bool,
}

impl Apply {
    pub fn new(input: Source, inner: Inner, output: Vec<Slot>, optional: bool) -> Apply {
        Apply { input, inner, output, optional, pending: VecDeque::new(), drained: false }
    }
}

/// The rows `row` gives through the subquery, in `out`.
pub fn apply_row(
    inner: &mut Inner,
    ctx: &mut ExecCtx<'_, '_>,
    row: &Row,
    output: &[Slot],
    optional: bool,
    out: &mut VecDeque<Row>,
) -> Result<()> {
    let before = out.len();
    inner.run(ctx, row, &mut |returned| {
        if !output.is_empty() {
            let mut joined = row.clone();
            for slot in output {
                joined.set(*slot, returned.get(*slot).clone());
            }
            out.push_back(joined);
        }
        Ok(true)
    })?;
    if output.is_empty() {
        out.push_back(row.clone());
    } else if optional && out.len() == before {
        out.push_back(with_nulls(row.clone(), output));
    }
    Ok(())
}

pub fn with_nulls(mut row: Row, slots: &[Slot]) -> Row {
    for slot in slots {
        row.set(*slot, Value::Null);
    }
    row
}

impl Operator for Apply {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.input.is_eager() && !self.drained {
            // A writing subquery runs for every input row before any row goes on, so the
            // clauses after it see all of its writes, as the clauses after CREATE or SET do
            // (Neo4j's eager barrier on both sides of the CALL).
            self.drained = true;
            while let Some(row) = self.input.next(ctx)? {
                ctx.cancel.tick()?;
                apply_row(&mut self.inner, ctx, &row, &self.output, self.optional, &mut self.pending)?;
            }
        }
        loop {
            if let Some(row) = self.pending.pop_front() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            ctx.cancel.tick()?;
            apply_row(&mut self.inner, ctx, &row, &self.output, self.optional, &mut self.pending)?;
        }
    }
}

/// `EXISTS/COUNT/COLLECT { … }` computed for each input row into `slot`.
pub struct SubqueryValue {
    input: Box<dyn Operator>,
    inner: Inner,
    kind: SubqueryKind,
    slot: Slot,
    column: Option<Slot>,
    /// The value, per value of the outer slots the inner plan reads.
    memo: Option<SubqueryMemo<Value>>,
}

impl SubqueryValue {
    pub fn new(
        input: Box<dyn Operator>,
        inner: Inner,
        (kind, slot, column): (SubqueryKind, Slot, Option<Slot>),
        memo: Option<Vec<Slot>>,
    ) -> Self {
        SubqueryValue { input, inner, kind, slot, column, memo: memo.map(SubqueryMemo::new) }
    }

    /// The subquery's value for `row`: kept from a row with the same keys, or run.
    fn value(&mut self, row: &Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Value> {
        if let Some(found) = self.memo.as_mut().and_then(|memo| memo.lookup(row, ctx)) {
            return Ok(found);
        }
        let value = self.run(row, ctx)?;
        if let Some(memo) = &mut self.memo {
            memo.keep(&value, crate::exec::memory::value_bytes(&value))?;
        }
        Ok(value)
    }

    fn run(&mut self, row: &Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Value> {
        let mut count = 0i64;
        let mut items = Vec::new();
        let (kind, column) = (self.kind, self.column);
        self.inner.run(ctx, row, &mut |returned| {
            count += 1;
            if let (SubqueryKind::Collect, Some(column)) = (kind, column) {
                items.push(returned.get(column).clone());
            }
            Ok(kind != SubqueryKind::Exists)
        })?;
        Ok(match self.kind {
            SubqueryKind::Exists => Value::Bool(count > 0),
            SubqueryKind::Count => Value::Int(count),
            SubqueryKind::Collect => Value::list(items),
        })
    }
}

impl Operator for SubqueryValue {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let Some(mut row) = self.input.next(ctx)? else {
            return Ok(None);
        };
        let value = self.value(&row, ctx)?;
        row.set(self.slot, value);
        Ok(Some(row))
    }
}

//! Operators that run an inner plan once per input row, the row handed down as its
//! argument: OPTIONAL MATCH (no match gives the row with the new variables null) and
//! `WHERE [NOT] EXISTS { … }` (the row is kept if the inner plan gives a row, or none).

use super::subquery_memo::SubqueryMemo;
use super::{build, BuildCtx};
use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::LogicalOp;
use crate::value::Value;

pub struct Optional {
    input: Box<dyn Operator>,
    inner_plan: LogicalOp,
    inner_at: BuildCtx,
    new_slots: Vec<Slot>,
    inner: Option<Box<dyn Operator>>,
    /// The inner plan run to its end for the last row, to rewind for the next.
    spent: Option<Box<dyn Operator>>,
    current: Option<Row>,
    matched: bool,
}

impl Optional {
    pub fn new(input: Box<dyn Operator>, inner_plan: LogicalOp, inner_at: BuildCtx, new_slots: Vec<Slot>) -> Optional {
        Optional { input, inner_plan, inner_at, new_slots, inner: None, spent: None, current: None, matched: false }
    }
}

impl Operator for Optional {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(inner), Some(row)) = (&mut self.inner, &self.current) {
                ctx.arguments.push(row.clone());
                let next = inner.next(ctx);
                ctx.arguments.pop();
                if let Some(out) = next? {
                    self.matched = true;
                    return Ok(Some(out));
                }
                self.spent = self.inner.take();
                if !self.matched {
                    let mut out = self.current.take().unwrap_or_default();
                    for slot in &self.new_slots {
                        out.set(*slot, Value::Null);
                    }
                    return Ok(Some(out));
                }
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.inner = Some(reuse(&mut self.spent, &self.inner_plan, &self.inner_at)?);
            self.current = Some(row);
            self.matched = false;
        }
    }
}

/// The inner plan an operator ran for its last row, rewound for the next one when every
/// operator in it can be (`Operator::rewind`), else built again.
pub(super) fn reuse(
    spent: &mut Option<Box<dyn Operator>>,
    plan: &LogicalOp,
    at: &BuildCtx,
) -> Result<Box<dyn Operator>> {
    if let Some(mut inner) = spent.take() {
        if inner.rewind() {
            return Ok(inner);
        }
    }
    build(plan, at)
}

pub struct SemiApply {
    input: Box<dyn Operator>,
    inner_plan: LogicalOp,
    inner_at: BuildCtx,
    negated: bool,
    /// The inner plan of the last row, to rewind for the next.
    spent: Option<Box<dyn Operator>>,
    /// Whether the inner plan had a row, per value of the outer slots it reads.
    memo: Option<SubqueryMemo<bool>>,
}

impl SemiApply {
    pub fn new(
        input: Box<dyn Operator>,
        inner_plan: LogicalOp,
        inner_at: BuildCtx,
        negated: bool,
        memo: Option<Vec<Slot>>,
    ) -> SemiApply {
        let memo = memo.map(SubqueryMemo::new);
        SemiApply { input, inner_plan, inner_at, negated, spent: None, memo }
    }

    /// Whether the inner plan gives a row for `row`: kept from a row with the same keys,
    /// or run. The row is lent to the inner plan as its argument and handed back, not
    /// copied (a copy per row showed in the profile of an EXISTS over a whole label).
    fn matches(&mut self, row: Row, ctx: &mut ExecCtx<'_, '_>) -> Result<(Row, bool)> {
        if let Some(found) = self.memo.as_mut().and_then(|memo| memo.lookup(&row, ctx)) {
            return Ok((row, found));
        }
        // The inner plan, rewound (or built) per row, pulled once: existence needs no more.
        let mut inner = reuse(&mut self.spent, &self.inner_plan, &self.inner_at)?;
        ctx.arguments.push(row);
        let found = inner.next(ctx);
        let row = ctx.arguments.pop().unwrap_or_default();
        self.spent = Some(inner);
        let found = found?.is_some();
        if let Some(memo) = &mut self.memo {
            memo.keep(&found, 0)?;
        }
        Ok((row, found))
    }
}

impl Operator for SemiApply {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(row) = self.input.next(ctx)? {
            let (row, found) = self.matches(row, ctx)?;
            if found != self.negated {
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

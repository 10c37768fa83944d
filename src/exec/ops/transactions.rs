//! `CALL { … } IN TRANSACTIONS`: the subquery run over the input in batches of rows.
//!
//! Each batch ends with a commit of its own (`Txn::commit_part`: checked against the
//! schema and the constraints, journaled by a durable database, and kept whatever happens
//! to the statement after), as in Neo4j; the writes the statement made before the first
//! batch are committed with it. A failing batch is undone alone. With `ON ERROR CONTINUE`
//! the next batch runs, with `BREAK` none does, and the failed (and skipped) batches' rows
//! go on with the subquery's columns null and `REPORT STATUS` saying what happened. With
//! `ON ERROR FAIL` (the default) the statement fails, and the batches committed before
//! the failing one stay. An explicit transaction refuses the statement before it runs
//! (`Database`), since no part of one may commit on its own.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use super::apply::{apply_row, with_nulls, Inner, Source};
use crate::binder::bound::{Expr, InTransactions, OnError, Slot};
use crate::error::{ErrorCode, Result};
use crate::exec::expr::eval;
use crate::exec::{ExecCtx, Operator, Row};
use crate::value::Value;

/// Neo4j's batch size when `OF n ROWS` is not given.
const DEFAULT_BATCH: usize = 1000;

pub struct Batched {
    input: Source,
    inner: Inner,
    output: Vec<Slot>,
    optional: bool,
    batch: Option<Expr>,
    on_error: OnError,
    report: Option<Slot>,
    pending: VecDeque<Row>,
    /// A batch failed under `ON ERROR BREAK`: the rest are not run.
    broken: bool,
    batches: u64,
}

/// What `REPORT STATUS` says of one batch.
struct Status {
    started: bool,
    committed: bool,
    error: Option<String>,
}

impl Batched {
    pub fn new(input: Source, inner: Inner, output: Vec<Slot>, optional: bool, t: &InTransactions) -> Batched {
        Batched {
            input,
            inner,
            output,
            optional,
            batch: t.batch.clone(),
            on_error: t.on_error,
            report: t.report,
            pending: VecDeque::new(),
            broken: false,
            batches: 0,
        }
    }

    fn batch_size(&self, ctx: &ExecCtx<'_, '_>) -> Result<usize> {
        match &self.batch {
            None => Ok(DEFAULT_BATCH),
            Some(e) => {
                let n = crate::binder::check_count(&eval(e, &Row::default(), ctx.graph())?, e.span, "OF … ROWS")?;
                Ok(n.max(1))
            }
        }
    }

    /// Runs one batch of input rows; its output rows go to `pending`.
    fn run_batch(&mut self, ctx: &mut ExecCtx<'_, '_>, rows: Vec<Row>) -> Result<()> {
        self.batches += 1;
        if self.broken {
            let status = Status { started: false, committed: false, error: None };
            return self.give_failed(rows, &status);
        }
        let mark = ctx.txn()?.savepoint();
        let mut out = VecDeque::new();
        let mut run = || -> Result<()> {
            for row in &rows {
                ctx.cancel.tick()?;
                apply_row(&mut self.inner, ctx, row, &self.output, self.optional, &mut out)?;
            }
            ctx.txn()?.commit_part()
        };
        match run() {
            Ok(()) => {
                let status = Status { started: true, committed: true, error: None };
                for row in out {
                    self.pending.push_back(self.reported(row, &status));
                }
                Ok(())
            }
            Err(e) if self.on_error == OnError::Fail || cancelled(e.code) => Err(e),
            Err(e) => {
                ctx.txn()?.rollback_to(&mark);
                self.broken = self.on_error == OnError::Break;
                let status = Status { started: true, committed: false, error: Some(e.message.clone()) };
                self.give_failed(rows, &status)
            }
        }
    }

    fn give_failed(&mut self, rows: Vec<Row>, status: &Status) -> Result<()> {
        for row in rows {
            let row = with_nulls(row, &self.output);
            self.pending.push_back(self.reported(row, status));
        }
        Ok(())
    }

    fn reported(&self, mut row: Row, status: &Status) -> Row {
        if let Some(slot) = self.report {
            let mut map: BTreeMap<Arc<str>, Value> = BTreeMap::new();
            map.insert("started".into(), Value::Bool(status.started));
            map.insert("committed".into(), Value::Bool(status.committed));
            let id = match status.started {
                true => Value::String(format!("steppe-batch-{}", self.batches).into()),
                false => Value::Null,
            };
            map.insert("transactionId".into(), id);
            map.insert("errorMessage".into(), status.error.clone().map_or(Value::Null, |m| Value::String(m.into())));
            row.set(slot, Value::map(map));
        }
        row
    }
}

fn cancelled(code: ErrorCode) -> bool {
    matches!(code, ErrorCode::QueryCancelled | ErrorCode::QueryTimedOut)
}

impl Operator for Batched {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.pop_front() {
                return Ok(Some(row));
            }
            let size = self.batch_size(ctx)?;
            let mut rows = Vec::new();
            while rows.len() < size {
                match self.input.next(ctx)? {
                    Some(row) => rows.push(row),
                    None => break,
                }
            }
            if rows.is_empty() {
                return Ok(None);
            }
            self.run_batch(ctx, rows)?;
        }
    }
}

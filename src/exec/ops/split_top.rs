//! `TopK` (ORDER BY … LIMIT) over a whole scan under operators that make each row's rows
//! alone (`split_fold::scan_under_rows`: filters, projections, expansions, degrees and
//! counts of a node's relationships), on several threads (`exec/parallel.rs`).
//!
//! Each thread keeps the best `skip + limit` rows of its range of the scan, sorted by the
//! keys and, among equal keys, in arrival order (a `TopK` of its own, with no SKIP). The
//! kept rows of the ranges, one range after the other, go through the statement's own
//! `TopK`: a row among the best of the whole scan is among the best of its range, and rows
//! with equal keys come in scan order (the ranges one after the other are the scan), which
//! is how a `TopK` breaks ties, so the rows and their order are one thread's. The first
//! error in range order is raised, the one scanning in order meets first.

use std::collections::VecDeque;

use super::sort::TopK;
use super::split_fold::{record_thread_counts, scan_ranges, scan_under_rows, Scanned};
use super::{BuildCtx, Counters};
use crate::binder::bound::{Expr, ExprKind, Type};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory::{self, Held};
use crate::exec::parallel::run_split;
use crate::exec::{count_ops, ExecCtx, Operator, Row};
use crate::planner::LogicalOp;
use crate::value::Value;

pub(super) struct SplitTop {
    input: LogicalOp,
    keys: Vec<(Expr, bool)>,
    skip: Option<Expr>,
    limit: Expr,
    scanned: Scanned,
    at: BuildCtx,
    /// The `TopK` on the statement's thread: over the input itself until the scan is
    /// split (or for good), else over the rows the threads kept.
    one: Option<Box<dyn Operator>>,
    started: bool,
    /// The rows the threads kept, for the last `TopK`, and the memory they hold.
    held: Held,
}

/// The operator for `TopK` (`keys`, `skip`, `limit` over `input`): split over threads when
/// its input is a whole scan under operators that make each row's rows alone.
pub(super) fn build(
    input: &LogicalOp,
    keys: &[(Expr, bool)],
    (skip, limit): (Option<&Expr>, &Expr),
    at: &BuildCtx,
) -> Result<Box<dyn Operator>> {
    let one = TopK::new(super::build(input, &at.child(1))?, keys.to_vec(), skip.cloned(), limit.clone());
    let Some(scanned) = scan_under_rows(input).filter(|_| at.scan_range.is_none()) else { return Ok(Box::new(one)) };
    Ok(Box::new(SplitTop {
        input: input.clone(),
        keys: keys.to_vec(),
        skip: skip.cloned(),
        limit: limit.clone(),
        scanned,
        at: at.clone(),
        one: Some(Box::new(one)),
        started: false,
        held: Held::default(),
    }))
}

impl SplitTop {
    /// The rows each thread keeps, `skip + limit`; `None` when a count is not one (the
    /// statement's `TopK` then raises its error, on one thread) or keeps nothing.
    fn kept_per_range(&self, ctx: &ExecCtx<'_, '_>) -> Option<usize> {
        let count = |expr: &Expr, what: &str| {
            let value = eval(expr, &Row::default(), ctx.graph()).ok()?;
            crate::binder::check_count(&value, expr.span, what).ok()
        };
        let skip = match &self.skip {
            Some(skip) => count(skip, "SKIP")?,
            None => 0,
        };
        let k = skip.checked_add(count(&self.limit, "LIMIT")?)?;
        (k > 0 && i64::try_from(k).is_ok()).then_some(k)
    }

    /// Splits the scan when it is worth it: the best rows of each range kept on its
    /// thread, and the statement's `TopK` put over them.
    fn start(&mut self, ctx: &ExecCtx<'_, '_>) -> Result<()> {
        self.started = true;
        let Some(k) = self.kept_per_range(ctx) else { return Ok(()) };
        let ranges = scan_ranges(&self.scanned, &self.input, ctx);
        if ranges.len() < 2 {
            return Ok(());
        }
        let n_ops = self.at.index + count_ops(&self.input) + 1;
        let profiling = self.at.counters.is_some();
        let (input, keys, index) = (&self.input, &self.keys, self.at.index);
        let kept = Expr { kind: ExprKind::Literal(Value::Int(k as i64)), ty: Type::Int, span: self.limit.span };
        let n_threads = ranges.len() as u32;
        let results = run_split(ctx, ranges, |reader, range| {
            let counters = profiling.then(|| Counters::new(n_ops));
            let at = BuildCtx { counters: counters.clone(), index, scan_range: Some(range) };
            let mut top = TopK::new(super::build(input, &at.child(1))?, keys.clone(), None, kept.clone());
            let mut rows = Vec::new();
            while let Some(row) = top.next(reader)? {
                rows.push(row);
            }
            Ok((rows, counters.map(|c| c.take())))
        });
        let mut rows = Vec::new();
        let mut counts = Vec::new();
        for result in results {
            let (kept, worker_counts) = result?;
            for row in &kept {
                self.held.add(memory::row_bytes(row))?;
            }
            rows.extend(kept);
            counts.extend(worker_counts);
        }
        if let Some(counters) = &self.at.counters {
            record_thread_counts(counters, &counts);
            counters.record_threads(self.at.index, n_threads);
        }
        let kept_rows = Box::new(KeptRows(rows.into()));
        self.one = Some(Box::new(TopK::new(kept_rows, self.keys.clone(), self.skip.clone(), self.limit.clone())));
        Ok(())
    }
}

impl Operator for SplitTop {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if !self.started {
            self.start(ctx)?;
        }
        match &mut self.one {
            Some(one) => one.next(ctx),
            None => Ok(None),
        }
    }
}

/// Rows kept by the threads of a split scan, handed on in order.
struct KeptRows(VecDeque<Row>);

impl Operator for KeptRows {
    fn next(&mut self, _: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        Ok(self.0.pop_front())
    }
}

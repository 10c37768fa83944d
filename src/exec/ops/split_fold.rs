//! `GroupFold` over a whole node scan (a label's nodes or all nodes, perhaps filtered,
//! perhaps with one expansion from them), and `Aggregate` over such a scan under
//! operators that make each row's rows alone (filters, projections, expansions, degrees),
//! on several threads (`exec/parallel.rs`).
//!
//! The scan's nodes are cut into consecutive ranges of ids with about as many nodes each;
//! each thread builds the fold with its scan kept to one range (`BuildCtx::scan_range`,
//! `NodeScan::within`) and folds it into groups, not rows. The groups are merged in range
//! order (`aggregate_merge.rs`): a scan hands on its nodes in id order, so the ranges one
//! after the other are the whole scan, and groups, their order and each state's values
//! come out as folding in one pass makes them; a float `sum`/`avg` adds the ranges' sums,
//! which may differ from adding in turn in the last bits. The first error in range order
//! is raised. A fold the merge cannot take exactly (`GroupFold::splits`, or a state that
//! turns out not to merge) runs on the statement's thread, as does a scan of fewer nodes
//! than two threads are worth.

use std::collections::VecDeque;
use std::time::Duration;

use super::aggregate::{Aggregate, Groups};
use super::group_fold;
use super::{BuildCtx, Counters};
use crate::binder::bound::{AggregateCall, Expr, LabelRef, RelTypeRef, Slot};
use crate::error::Result;
use crate::exec::memory::Held;
use crate::exec::parallel::{ranges, run_split, threads_for, work};
use crate::exec::{count_ops, ExecCtx, Operator, Row};
use crate::planner::{FoldOrder, LogicalOp};

/// The scan a split fold cuts into ranges.
#[derive(Clone)]
pub(super) enum Scanned {
    /// A label's nodes (`None`: every node), cut by node id.
    Nodes(Option<LabelRef>),
    /// One relationship type, cut by position in its arrays.
    Rels(RelTypeRef),
}

pub(super) struct SplitFold {
    /// The fold's input (the scan, or the operators over it), keys and aggregates.
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    /// A `GroupFold` in this order, or (`None`) an `Aggregate`.
    order: Option<FoldOrder>,
    /// What is scanned.
    scanned: Scanned,
    at: BuildCtx,
    /// The fold on the statement's thread, until the scan is split (or for good).
    one: Option<Box<dyn Operator>>,
    /// The merged groups' rows, once split.
    output: Option<VecDeque<Row>>,
    held: Held,
}

/// The operator for `GroupFold` (`op`): split over threads when its input is a whole scan
/// and its aggregates merge, else the fold itself.
pub(super) fn build(op: &LogicalOp, at: &BuildCtx) -> Result<Box<dyn Operator>> {
    let LogicalOp::GroupFold { input, keys, aggregates, order } = op else {
        return Err(crate::error::Error::internal("a split fold of something other than a GroupFold"));
    };
    let one = group_fold::build_fold(input, (keys, aggregates), *order, at)?;
    let scanned = match whole_scan(input) {
        Some(label) if at.scan_range.is_none() && one.splits() => Scanned::Nodes(label.cloned()),
        _ => return Ok(Box::new(one)),
    };
    let one: Box<dyn Operator> = Box::new(one);
    Ok(Box::new(SplitFold::new(input, (keys, aggregates), Some(*order), scanned, (at, one))))
}

/// The operator for `Aggregate` (`keys`, `aggregates` over `input`): split over threads
/// when its input is a whole scan under operators that make each row's rows alone and its
/// aggregates merge, else the aggregation itself.
pub(super) fn build_aggregate(
    input: &LogicalOp,
    (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
    at: &BuildCtx,
) -> Result<Box<dyn Operator>> {
    let one = Aggregate::new(super::build(input, &at.child(1))?, keys.to_vec(), aggregates.to_vec());
    let scanned = match scan_under_rows(input) {
        Some(scanned) if at.scan_range.is_none() && one.splits() => scanned,
        _ => return Ok(Box::new(one)),
    };
    let one: Box<dyn Operator> = Box::new(one);
    Ok(Box::new(SplitFold::new(input, (keys, aggregates), None, scanned, (at, one))))
}

impl SplitFold {
    fn new(
        input: &LogicalOp,
        (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
        order: Option<FoldOrder>,
        scanned: Scanned,
        (at, one): (&BuildCtx, Box<dyn Operator>),
    ) -> SplitFold {
        SplitFold {
            input: input.clone(),
            keys: keys.to_vec(),
            aggregates: aggregates.to_vec(),
            order,
            scanned,
            at: at.clone(),
            one: Some(one),
            output: None,
            held: Held::default(),
        }
    }
}

/// A whole scan from the start under `input`'s operators that make each input row's rows
/// from it alone, in order (so the rows of a range of the scan after another's are the
/// rows of the whole scan): a label's nodes, or one relationship type's relationships.
pub(super) fn scan_under_rows(input: &LogicalOp) -> Option<Scanned> {
    match input {
        LogicalOp::NodeScan { .. } | LogicalOp::FilteredScan { .. } => {
            whole_scan(input).map(|label| Scanned::Nodes(label.cloned()))
        }
        LogicalOp::RelTypeScan { input, scan, .. } => match (&**input, scan.types.as_slice()) {
            (LogicalOp::Start, [ty]) => Some(Scanned::Rels(ty.clone())),
            _ => None,
        },
        LogicalOp::Filter { input, .. }
        | LogicalOp::Project { input, .. }
        | LogicalOp::Retain { input, .. }
        | LogicalOp::Expand { input, .. }
        | LogicalOp::FilteredExpand { input, .. }
        | LogicalOp::ExpandCount { input, .. }
        | LogicalOp::NodeDegree { input, .. }
        | LogicalOp::DegreeValue { input, .. } => scan_under_rows(input),
        _ => None,
    }
}

/// The label of the scan from the start that `input` is or expands once from (`Some(None)`
/// for all nodes); `None` for any other input.
fn whole_scan(input: &LogicalOp) -> Option<Option<&LabelRef>> {
    match input {
        LogicalOp::NodeScan { input, label, .. } | LogicalOp::FilteredScan { input, label, .. } => {
            matches!(**input, LogicalOp::Start).then_some(label.as_ref())
        }
        LogicalOp::Expand { input, .. } | LogicalOp::FilteredExpand { input, .. } => match &**input {
            LogicalOp::NodeScan { .. } | LogicalOp::FilteredScan { .. } => whole_scan(input),
            _ => None,
        },
        _ => None,
    }
}

/// The ranges of `scanned` (under `input`) to run on threads of their own; one range (or
/// none) keeps the work on the statement's thread.
pub(super) fn scan_ranges(scanned: &Scanned, input: &LogicalOp, ctx: &ExecCtx<'_, '_>) -> Vec<std::ops::Range<u32>> {
    let graph = ctx.graph();
    let catalog = graph.catalog();
    // Priced by the rows the operator's input makes or walks, when more than it scans (an
    // expansion: 80,000 organisations' 1.5 million memberships).
    let input_rows = crate::planner::rows_walked(input, graph);
    let cut =
        |scanned: usize, cuts: &dyn Fn(usize) -> Vec<u32>| match threads_for(&ctx.limits, work(scanned, input_rows)) {
            threads if threads >= 2 => ranges(&cuts(threads)),
            _ => Vec::new(),
        };
    match scanned {
        Scanned::Nodes(None) => cut(graph.node_count(), &|parts| graph.node_cuts(None, parts)),
        Scanned::Nodes(Some(label)) => match label.resolve(catalog) {
            Some(id) => cut(graph.label_count(id), &|parts| graph.node_cuts(Some(id), parts)),
            None => Vec::new(),
        },
        Scanned::Rels(ty) => match ty.resolve(catalog) {
            Some(id) => cut(graph.rel_type_count(id), &|parts| graph.rel_type_cuts(id, parts)),
            None => Vec::new(),
        },
    }
}

impl SplitFold {
    /// Folds each range on its own thread and merges their groups in range order; `None`
    /// when a state does not merge exactly (the fold then runs on this thread).
    fn fold_split(&mut self, ranges: Vec<std::ops::Range<u32>>, ctx: &ExecCtx<'_, '_>) -> Result<Option<Groups>> {
        let n_ops = self.at.index + count_ops(&self.input) + 1;
        let profiling = self.at.counters.is_some();
        let (input, keys, aggregates, order) = (&self.input, &self.keys, &self.aggregates, self.order);
        let index = self.at.index;
        let n_threads = ranges.len() as u32;
        let results = run_split(ctx, ranges, |reader, range| {
            let counters = profiling.then(|| Counters::new(n_ops));
            let at = BuildCtx { counters: counters.clone(), index, scan_range: Some(range) };
            let mut groups = match order {
                Some(order) => group_fold::build_fold(input, (keys, aggregates), order, &at)?.into_groups(reader)?,
                None => {
                    let input = super::build(input, &at.child(1))?;
                    Aggregate::new(input, keys.clone(), aggregates.clone()).into_groups(reader)?
                }
            };
            let bytes = groups.let_go_of_memory();
            Ok((groups, bytes, counters.map(|c| c.take())))
        });
        let mut merged: Option<Groups> = None;
        let mut counts = Vec::new();
        for result in results {
            let (groups, bytes, worker_counts) = result?;
            counts.extend(worker_counts);
            match &mut merged {
                None => {
                    let mut first = groups;
                    first.hold(bytes)?;
                    merged = Some(first);
                }
                Some(merged) => {
                    if !merged.append(groups, bytes, &self.aggregates)? {
                        return Ok(None);
                    }
                }
            }
        }
        if let Some(counters) = &self.at.counters {
            record_thread_counts(counters, &counts);
            counters.record_threads(self.at.index, n_threads);
        }
        Ok(merged)
    }

    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let ranges = scan_ranges(&self.scanned, &self.input, ctx);
        if ranges.len() < 2 {
            self.output = Some(VecDeque::new());
            return Ok(());
        }
        let Some(groups) = self.fold_split(ranges, ctx)? else {
            self.output = Some(VecDeque::new());
            return Ok(());
        };
        // Split: the fold on this thread is not needed.
        self.one = None;
        let (rows, held) = groups.into_rows(&self.keys, &self.aggregates, ctx)?;
        self.held = held;
        self.output = Some(rows.into());
        Ok(())
    }
}

/// The rows and time of the operators below the fold, from each thread's counters: rows
/// added up, time the longest thread's (the threads ran side by side).
pub(super) fn record_thread_counts(counters: &Counters, per_thread: &[Vec<(u64, Duration)>]) {
    let n = per_thread.iter().map(Vec::len).max().unwrap_or(0);
    for index in 0..n {
        let rows = per_thread.iter().filter_map(|c| c.get(index)).map(|(rows, _)| rows).sum();
        let time = per_thread.iter().filter_map(|c| c.get(index)).map(|(_, time)| *time).max();
        counters.record(index, rows, time.unwrap_or_default());
    }
}

impl Operator for SplitFold {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            self.fill(ctx)?;
        }
        if let Some(one) = &mut self.one {
            return one.next(ctx);
        }
        Ok(self.output.as_mut().and_then(VecDeque::pop_front))
    }
}

//! Execution: a [`LogicalOp`] tree → operators pulling rows over the graph.
//!
//! The only stage that touches graph data. Reads go through `Txn::graph`, writes
//! through the `Txn`, so a failing statement is undone by the caller dropping it.
//! Operators are pull-based: each `next` returns one row or `None` when done.

mod bare_hop;
mod batch;
mod cancel;
mod column_expr;
mod conflicts;
mod convert;
mod evidence;
mod expr;
mod functions;
mod labels;
pub mod lookup;
mod math;
pub mod memory;
mod node_arith;
mod ops;
mod parallel;
mod path_levels;
pub(crate) mod path_search;
mod pattern;
mod pattern_hop;
mod predicate;
mod provenance;
mod regex_cache;
mod row;
mod spatial;
mod step_filter;
mod strings;
mod temporal;

use std::time::{Duration, Instant};

pub use batch::{Batch, Column};
pub use cancel::{parse_duration, Cancel, ExecOptions, HumanDuration, Interrupt};
pub use row::Row;

use crate::error::Result;
use crate::limits::Limits;
use crate::planner::LogicalOp;
use crate::store::Txn;
use crate::value::Value;

/// What operators share while a statement runs.
pub struct ExecCtx<'a, 'g> {
    /// The statement's transaction, or (on a worker thread of a split scan,
    /// `parallel.rs`) the graph alone: a worker only reads.
    access: Access<'a, 'g>,
    /// The rows handed down by enclosing `Optional` operators, innermost last.
    arguments: Vec<Row>,
    width: usize,
    /// Whether the statement has been interrupted or has run out of time: operators that
    /// loop for long tick it.
    pub cancel: &'a Cancel,
    /// What the statement may do (path lengths); rows are counted in [`execute`].
    pub limits: Limits,
    /// The directory LOAD CSV reads from (`ExecOptions::import_dir`).
    pub import_dir: Option<std::path::PathBuf>,
    /// Whether the database refuses writes (SHOW DATABASES reports it).
    pub read_only: bool,
}

/// What a statement runs under, besides its plan and transaction: the width of its rows,
/// what may stop it, its limits, LOAD CSV's directory and whether the database is
/// read-only.
pub struct RunSettings<'a> {
    pub width: usize,
    pub cancel: &'a Cancel,
    pub limits: Limits,
    pub import_dir: Option<std::path::PathBuf>,
    pub read_only: bool,
}

/// What an [`ExecCtx`] reaches the graph through.
enum Access<'a, 'g> {
    /// The statement's transaction: reads and writes.
    Writer(&'a mut Txn<'g>),
    /// The graph alone, shared by the threads of a split scan (`parallel.rs`).
    Reader(&'a crate::store::Graph),
}

impl<'a, 'g> ExecCtx<'a, 'g> {
    pub fn graph(&self) -> &crate::store::Graph {
        match &self.access {
            Access::Writer(txn) => txn.graph(),
            Access::Reader(graph) => graph,
        }
    }

    /// The statement's transaction, for the operators that write; an internal error on a
    /// worker thread, which only runs reading operators.
    pub fn txn(&mut self) -> Result<&mut Txn<'g>> {
        match &mut self.access {
            Access::Writer(txn) => Ok(txn),
            Access::Reader(_) => Err(crate::error::Error::internal("a write on a worker thread of a split scan")),
        }
    }

    /// How many changes the statement has made so far (`Txn::change_count`; none on a worker).
    pub fn change_count(&self) -> usize {
        match &self.access {
            Access::Writer(txn) => txn.change_count(),
            Access::Reader(_) => 0,
        }
    }

    /// `Txn::write_count` (0 on a worker, where nothing writes).
    pub fn write_count(&self) -> u64 {
        match &self.access {
            Access::Writer(txn) => txn.write_count(),
            Access::Reader(_) => 0,
        }
    }

    /// Whether the statement runs inside an explicit transaction (`Txn::is_explicit`).
    pub fn is_explicit(&self) -> bool {
        match &self.access {
            Access::Writer(txn) => txn.is_explicit(),
            Access::Reader(_) => false,
        }
    }

    /// A context of its own for a worker thread of a split scan (`parallel.rs`): the
    /// graph read only, `cancel` (a clone of the statement's: its flag and deadline), and
    /// the statement's row width and limits.
    pub(crate) fn reader(graph: &'a crate::store::Graph, cancel: &'a Cancel, width: usize, limits: Limits) -> Self {
        ExecCtx {
            access: Access::Reader(graph),
            arguments: Vec::new(),
            width,
            cancel,
            limits,
            import_dir: None,
            read_only: true,
        }
    }
}

/// A pull-based physical operator.
pub trait Operator {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>>;

    /// The next rows as a [`Batch`]: by default the next row alone. An operator that
    /// makes many rows alike gives them as columns; a caller may mix this with `next`,
    /// and gets each row once either way.
    fn next_batch(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Batch>> {
        Ok(self.next(ctx)?.map(Batch::single))
    }

    /// Whether `next_batch` gives batches of more than one row (else a caller uses `next`).
    fn gives_batches(&self) -> bool {
        false
    }

    /// Puts the operator and everything below it back as they were when built, so that an
    /// operator running an inner plan per input row (`Optional`, `SemiApply`) pulls it
    /// again instead of building it (and compiling its conditions) anew. `false` when this
    /// operator or one below cannot: then the caller builds the plan again.
    fn rewind(&mut self) -> bool {
        false
    }
}

/// Rows and time spent per operator, in pre-order of the plan, for PROFILE, and the most
/// memory each held at once (an estimate, `memory.rs`).
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub counts: Vec<(u64, Duration)>,
    pub memory: Vec<u64>,
    /// The threads each operator ran on, where more than one (`parallel.rs`).
    pub threads: Vec<u32>,
}

/// Runs `plan` to completion and returns the produced rows (the output slots only),
/// stopping when the settings' `cancel` says so or when the statement passes their
/// `limits` (more rows than allowed, a longer path). PROFILE's counts and the evidence
/// of each row are recorded when asked for.
pub fn execute(
    plan: &LogicalOp,
    txn: &mut Txn<'_>,
    settings: RunSettings<'_>,
    profile: Option<&mut Profile>,
    mut evidence: Option<&mut Vec<Vec<Value>>>,
) -> Result<Vec<Vec<Value>>> {
    let RunSettings { width, cancel, limits, import_dir, read_only } = settings;
    let (root, output) = match plan {
        LogicalOp::ProduceResults { input, slots } => (&**input, slots.clone()),
        // Each part of a UNION produces its columns at positions 0, 1, ….
        LogicalOp::Union { inputs, .. } => {
            let n_columns = match inputs.first() {
                Some(LogicalOp::ProduceResults { slots, .. }) => slots.len(),
                _ => 0,
            };
            (plan, (0..n_columns as u32).map(crate::binder::bound::Slot).collect())
        }
        other => (other, Vec::new()),
    };
    // With evidence on, the last scope boundary keeps its slots: it only clears what the
    // output does not show, and the output is read from its own slots below.
    let root = match root {
        LogicalOp::Retain { input, .. } if evidence.is_some() => &**input,
        other => other,
    };
    temporal::reset_statement_clock();
    let n_ops = count_ops(plan);
    // Made before the operators, so that it outlives them: they release what they hold
    // when dropped.
    let tracking = memory::enter(limits.max_memory, if profile.is_some() { n_ops } else { 0 });
    let counters = profile.is_some().then(|| ops::Counters::new(n_ops));
    let mut operator = ops::build(root, &ops::BuildCtx::root(counters.clone()))?;
    // Planning may already have used up the time limit.
    cancel.check()?;
    let _running = cancel.enter();
    let mut ctx =
        ExecCtx { access: Access::Writer(txn), arguments: Vec::new(), width, cancel, limits, import_dir, read_only };
    let mut rows = Vec::new();
    // The result is held until the statement ends: its rows count against the limit.
    let mut held = memory::Held::default();
    let started = Instant::now();
    while let Some(row) = operator.next(&mut ctx)? {
        if limits.max_rows.is_some_and(|max| rows.len() >= max) && !output.is_empty() {
            return Err(Limits::too_many_rows(rows.len()));
        }
        let projected = row.project(&output);
        held.add(projected.iter().map(memory::value_bytes).sum::<u64>() + 24)?;
        rows.push(projected);
        if let Some(evidence) = evidence.as_deref_mut() {
            evidence.push(evidence::entities_of(&row));
        }
    }
    if let (Some(profile), Some(counters)) = (profile, counters) {
        counters.record(0, rows.len() as u64, started.elapsed());
        profile.counts = counters.take();
        profile.threads = counters.take_threads();
        drop(operator);
        profile.memory = tracking.peaks();
        // The result's rows are the root's.
        if let Some(root) = profile.memory.first_mut() {
            *root = (*root).max(held.bytes());
        }
    }
    Ok(rows)
}

/// The number of operators in a plan: PROFILE's counters are indexed in pre-order.
pub fn count_ops(op: &LogicalOp) -> usize {
    1 + op.children().into_iter().map(count_ops).sum::<usize>()
}

//! Whole scans on several threads: a scan's candidates cut into consecutive ranges of
//! ids, each range run on a thread of its own, the results handed back in range order.
//!
//! Who decides: the operator that ends the scan (`ops/split_fold.rs` for `GroupFold`)
//! asks [`threads_for`] how many threads its candidates are worth, cuts them with the
//! store (`Graph::node_cuts`), and gives [`run_split`] the work of one range; it merges
//! the results itself, in range order, so its answer is the one-thread answer.
//!
//! Each thread gets its own `ExecCtx` (`ExecCtx::reader`: the shared `Graph` read by
//! reference, no transaction), builds its own operators, and keeps the statement's
//! rules: the cancel check is a clone of the statement's (its flag and deadline), the
//! memory all threads hold is counted together against what was left of the limit when
//! the scan was split (`memory::Budget`), and the statement's clock is the caller's, so
//! `date()` is the same on every thread. Errors come back per range; the caller raises
//! the first one in range order, which is the one scanning in order meets first.
//!
//! The threads are scoped (`std::thread::scope`): started per split scan, joined before
//! it returns, so nothing outlives the statement. Starting one costs tens of
//! microseconds, hence [`MIN_CANDIDATES_PER_THREAD`].

use std::ops::Range;

use super::{memory, temporal, ExecCtx};
use crate::error::{Error, Result};
use crate::limits::Limits;

/// A thread is started for at least this many candidates of a scan. A range of fewer is
/// folded in a millisecond or less (a column filter reads 80,000 nodes in 0.45 ms), not
/// worth a thread's start, which on a busy machine waits for a core (a split of 80,000
/// took 0.5 to 8 ms at a load of 8 on 2 cores, against 0.5 ms on one thread).
pub const MIN_CANDIDATES_PER_THREAD: usize = 65_536;

/// How many threads a scan worth `candidates` runs on (the rows it reads or makes,
/// [`work`]): the statement's `threads` setting, but no more than ranges of
/// [`MIN_CANDIDATES_PER_THREAD`] each; 1 keeps it on the statement's own thread.
pub fn threads_for(limits: &Limits, candidates: usize) -> usize {
    limits.threads.min(candidates / MIN_CANDIDATES_PER_THREAD).max(1)
}

/// What a split operator's work is priced by: the candidates its scan reads, or, when
/// more, the rows the planner estimates its input makes of them (`planner::estimated_rows`:
/// an expansion's relationships), each worth a scanned candidate.
pub fn work(scanned: usize, estimated_rows: f64) -> usize {
    let estimated = if estimated_rows.is_finite() && estimated_rows > 0.0 { estimated_rows as usize } else { 0 };
    scanned.max(estimated)
}

/// The ranges of ids that `cuts` (ascending first ids of every range but the first) make.
pub fn ranges(cuts: &[u32]) -> Vec<Range<u32>> {
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(u32::MAX));
    starts.zip(ends).filter(|(start, end)| start < end).map(|(start, end)| start..end).collect()
}

/// Runs `work` for each range on a thread of its own, over a read-only context for the
/// statement `ctx` runs; the results in range order.
pub fn run_split<T: Send>(
    ctx: &ExecCtx<'_, '_>,
    ranges: Vec<Range<u32>>,
    work: impl Fn(&mut ExecCtx<'_, '_>, Range<u32>) -> Result<T> + Sync,
) -> Vec<Result<T>> {
    let graph = ctx.graph();
    let budget = memory::budget();
    let clock = temporal::statement_clock();
    let (width, limits) = (ctx.width, ctx.limits);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .into_iter()
            .map(|range| {
                let cancel = ctx.cancel.clone();
                let budget = budget.clone();
                scope.spawn(move || {
                    let _tracking = memory::enter_worker(&budget);
                    let _running = cancel.enter();
                    temporal::set_statement_clock(clock);
                    let mut reader = ExecCtx::reader(graph, &cancel, width, limits);
                    work(&mut reader, range)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|_| Err(Error::internal("a thread of a split scan failed"))))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_make_ranges_that_cover_every_id_once() {
        assert_eq!(ranges(&[]), vec![0..u32::MAX]);
        assert_eq!(ranges(&[64, 128]), vec![0..64, 64..128, 128..u32::MAX]);
        // A cut at 0 leaves no empty first range.
        assert_eq!(ranges(&[0, 64]), vec![0..64, 64..u32::MAX]);
    }

    #[test]
    fn small_scans_keep_to_one_thread_and_the_setting_caps_the_rest() {
        let limits = |threads| Limits { threads, ..Limits::default() };
        assert_eq!(threads_for(&limits(2), MIN_CANDIDATES_PER_THREAD * 2 - 1), 1);
        assert_eq!(threads_for(&limits(2), MIN_CANDIDATES_PER_THREAD * 2), 2);
        assert_eq!(threads_for(&limits(1), 1 << 30), 1);
        assert_eq!(threads_for(&limits(8), MIN_CANDIDATES_PER_THREAD * 3), 3);
        assert_eq!(threads_for(&limits(0), 1 << 30), 1);
    }

    #[test]
    fn work_is_the_larger_of_the_scan_and_the_estimate() {
        assert_eq!(work(80_000, 1_500_000.0), 1_500_000);
        assert_eq!(work(80_000, 1_000.0), 80_000);
        assert_eq!(work(80_000, f64::NAN), 80_000);
        assert_eq!(work(80_000, f64::INFINITY), 80_000);
        assert_eq!(work(0, -3.0), 0);
    }
}

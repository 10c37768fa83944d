//! A stored-order fold's read of its type on several threads (`exec/parallel.rs`): the
//! type's relationships cut into consecutive ranges of positions in its arrays
//! (`Graph::rel_type_cuts`), each range folded on a thread of its own into an empty copy
//! of the input nodes' records (`Places::empty_copy`), the copies then merged into the
//! records in range order (`fold_places_merge.rs`).
//!
//! What a record keeps (counts, extremes, moments) does not depend on the order its
//! relationships come in, so the merged records are the ones one pass makes, and the
//! groups made of them, their order and their values are one thread's. Each thread makes
//! its own fold (`MadeOf`: its expressions keep caches), keeps the statement's cancel
//! check and counts its records against the memory the threads share; the merging thread
//! counts the copies it receives. The first error in range order is raised: a thread
//! stops at its range's first, so that is the one one pass meets first.
//!
//! A split is priced by what the fold reads, the whole type ([`ranges`]).

use std::cmp::Ordering;
use std::ops::Range;

use super::{Read, StoredRelFold};
use crate::binder::bound::{AggregateCall, Expr};
use crate::error::{Error, Result};
use crate::exec::memory::Held;
use crate::exec::ops::fold_places::{Keeps, Places};
use crate::exec::ops::fold_value::Working;
use crate::exec::parallel::{self, run_split, threads_for};
use crate::exec::{ExecCtx, Row};
use crate::planner::Hop;
use crate::store::{RelScanCursor, RelTypeId};

/// What a stored-order fold is made of: the hop, its condition and the aggregates.
pub(super) struct MadeOf {
    hop: Hop,
    predicate: Option<Expr>,
    aggregates: Vec<AggregateCall>,
}

impl MadeOf {
    pub(super) fn new(hop: &Hop, predicate: Option<&Expr>, aggregates: &[AggregateCall]) -> MadeOf {
        MadeOf { hop: hop.clone(), predicate: predicate.cloned(), aggregates: aggregates.to_vec() }
    }

    /// A fold of its own for a thread (no PROFILE counter: the caller counts).
    fn fold(&self) -> Result<StoredRelFold> {
        StoredRelFold::new(&self.hop, self.predicate.as_ref(), &self.aggregates, None)
            .ok_or_else(|| Error::internal("a split stored-order fold that its thread could not make"))
    }
}

/// The ranges of the type `ty`'s positions to fold on threads of their own: as many as
/// its relationships, every one of which the fold reads, are worth; one range (or none)
/// keeps the read on this thread.
pub(super) fn ranges(ty: RelTypeId, ctx: &ExecCtx<'_, '_>) -> Vec<Range<u32>> {
    let graph = ctx.graph();
    match threads_for(&ctx.limits, graph.rel_type_count(ty)) {
        threads if threads >= 2 => parallel::ranges(&graph.rel_type_cuts(ty, threads)),
        _ => Vec::new(),
    }
}

impl StoredRelFold {
    /// Folds the relationships of each of `ranges` on a thread of its own into a copy of
    /// `places` (whose aggregates keep `keeps`), and merges the copies into `places` in
    /// range order; returns how many relationships were folded.
    pub(super) fn scan_split(
        &self,
        ranges: Vec<Range<u32>>,
        (places, keeps): (&mut Places, &[Keeps]),
        row: &Row,
        ctx: &ExecCtx<'_, '_>,
    ) -> Result<u64> {
        let n_threads = ranges.len() as u32;
        let (made_of, template) = (&self.made_of, &*places);
        let results = run_split(ctx, ranges, |reader, range| {
            let mut fold = made_of.fold()?;
            let mut mine = template.empty_copy();
            let mut held = Held::default();
            held.add(mine.bytes())?;
            let mut partitions = fold.partitions(&mine);
            if let Some(partitions) = &partitions {
                held.add(partitions.bytes())?;
            }
            let from = (Working::new(row.clone()), RelScanCursor::within(range));
            let folded = fold.scan((&mut mine, partitions.as_mut()), from, reader)?;
            Ok((mine, folded))
        });
        let wants: Vec<Ordering> = self.reads.iter().map(extreme_wanted).collect();
        let copies = results.into_iter().collect::<Result<Vec<(Places, u64)>>>()?;
        // The copies, handed over from their threads, are held here until merged.
        let mut held = Held::default();
        held.add(copies.iter().map(|(copy, _)| copy.bytes()).sum())?;
        let mut folded = 0;
        for (copy, n) in copies {
            places.merge(&copy, (keeps, &wants));
            folded += n;
        }
        if let Some((counters, index)) = &self.counter {
            // The expansion's counter is the fold's next operator's.
            counters.record_threads(index.saturating_sub(1), n_threads);
        }
        Ok(folded)
    }
}

/// Which extreme `read` keeps (`Equal` for a read that keeps none).
fn extreme_wanted(read: &Read) -> Ordering {
    match read {
        Read::Extreme(want) => *want,
        _ => Ordering::Equal,
    }
}

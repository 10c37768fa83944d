//! One type's relationships in the order its outgoing arrays keep them: each node's run
//! in turn, the nodes in id order, which is also the order of the type's property rows.
//! A relationship-type scan reads them a stretch at a time, so its property tests run
//! down the columns front to back instead of jumping to a row per relationship.

use super::{Adjacency, RelIds, Runs};
use crate::store::rel_scan::RelChunk;
use crate::store::{NodeId, RelId, RelTypeId};

impl Adjacency {
    /// How many positions type `ty`'s arrays hold (removed relationships included).
    pub fn type_len(&self, ty: RelTypeId) -> u32 {
        self.out.by_type.get(ty.0 as usize).map_or(0, |runs| runs.others.len() as u32)
    }

    /// Appends to `out` the relationships of type `ty` the arrays hold (those removed since
    /// their build left out), in outgoing position order from position `from`, whole runs
    /// until at least `limit` positions were read or the type ends; returns the position
    /// the next call starts from, `None` once the type is done.
    pub fn append_type_from(&self, ty: RelTypeId, from: u32, limit: usize, out: &mut RelChunk) -> Option<u32> {
        let runs = self.out.by_type.get(ty.0 as usize)?;
        let len = runs.others.len() as u32;
        let (starts, offsets) = match &runs.runs {
            Runs::Dense { base, offsets } => (RunStarts::Dense(*base), offsets),
            Runs::Sparse { nodes, offsets } => (RunStarts::Sparse(nodes), offsets),
        };
        // The run holding `from`: the last whose offset is at or below it.
        let mut run = offsets.partition_point(|&o| o <= from).saturating_sub(1);
        let mut pos = from;
        let stop = from.saturating_add(u32::try_from(limit).unwrap_or(u32::MAX)).min(len);
        loop {
            if pos >= len {
                return None;
            }
            if pos >= stop {
                return Some(pos);
            }
            let end = (*offsets.get(run + 1)?).min(len);
            if end > pos {
                self.push_run(runs, (pos, end), starts.node(run), out);
                pos = end;
            }
            run += 1;
        }
    }

    /// The relationships at positions `lo..hi` of `runs`, all started at `start`, unless
    /// removed: copied a run at a time.
    fn push_run(&self, runs: &super::TypeRuns, (lo, hi): (u32, u32), start: NodeId, out: &mut RelChunk) {
        let (Some(others), ids) = (runs.others.get(lo as usize..hi as usize), &runs.ids) else { return };
        let id_at = |pos: u32| match ids {
            RelIds::Consecutive { first } => Some(RelId(first + pos)),
            RelIds::Listed(ids) => ids.get(pos as usize).copied(),
        };
        if self.removed.is_empty() && matches!(ids, RelIds::Consecutive { .. }) {
            out.ids.extend((lo..hi).filter_map(id_at));
            out.starts.extend(std::iter::repeat_n(start, others.len()));
            out.ends.extend_from_slice(others);
            out.rows.extend(lo..hi);
            return;
        }
        for (pos, &end) in (lo..hi).zip(others) {
            let Some(id) = id_at(pos) else { continue };
            if self.removed.contains(id.0) {
                continue;
            }
            out.push(id, (start, end), pos);
        }
    }
}

/// The start node of each run: a span of node ids from a base, or a listed node per run.
enum RunStarts<'a> {
    Dense(u32),
    Sparse(&'a [u32]),
}

impl RunStarts<'_> {
    #[inline]
    fn node(&self, run: usize) -> NodeId {
        match self {
            RunStarts::Dense(base) => NodeId(base + run as u32),
            RunStarts::Sparse(nodes) => NodeId(nodes.get(run).copied().unwrap_or(u32::MAX)),
        }
    }
}

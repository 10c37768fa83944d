//! A relationship type's relationships in stored order, a chunk at a time: first those
//! the adjacency's arrays hold, in their outgoing order (the order of the type's
//! property rows), then those written since the arrays' build, in id order. A
//! relationship-type scan reads them so, and tests their properties down the columns:
//! a chunk knows where each relationship's properties are, so a test or a fold over it
//! reads the cells in order without looking any relationship up by its id.

use super::column_fold::NumberFold;
use super::filter::PropertyTest;
use super::{Graph, NodeId, PropKeyId, RelId, RelTypeId};

/// Where a scan of one type's relationships stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelScanCursor {
    /// Past the arrays, into the records of relationships written since their build.
    in_records: bool,
    /// The next position in the arrays, or the next record.
    at: u32,
    done: bool,
    /// Where in the arrays a range of a split scan ends (`exec/parallel.rs`): a range
    /// that ends there reads no record; 0 for no end.
    end: u32,
}

impl RelScanCursor {
    /// A cursor over the positions `range` of a type's arrays only (the records written
    /// since their build too, for a range with no end): one range of a split scan, cut
    /// where [`Graph::rel_type_cuts`] says.
    pub fn within(range: std::ops::Range<u32>) -> RelScanCursor {
        let end = if range.end == u32::MAX { 0 } else { range.end };
        RelScanCursor { in_records: false, at: range.start, done: false, end }
    }

    /// Whether every relationship of the type has been handed out.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

/// Relationships of one type as a scan reads them: each one's id, start and end, and
/// (for the store alone) its row in the type's property table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelChunk {
    pub ids: Vec<RelId>,
    pub starts: Vec<NodeId>,
    pub ends: Vec<NodeId>,
    pub(super) rows: Vec<u32>,
}

impl RelChunk {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Where the relationship at `i` keeps its properties in its type's table (the rows a
    /// [`Graph::rel_number_block`] reads).
    pub fn row(&self, i: usize) -> Option<u32> {
        self.rows.get(i).copied()
    }

    pub fn clear(&mut self) {
        self.ids.clear();
        self.starts.clear();
        self.ends.clear();
        self.rows.clear();
    }

    /// Keeps the first `len` relationships.
    fn truncate(&mut self, len: usize) {
        self.ids.truncate(len);
        self.starts.truncate(len);
        self.ends.truncate(len);
        self.rows.truncate(len);
    }

    pub(super) fn push(&mut self, id: RelId, (start, end): (NodeId, NodeId), row: u32) {
        self.ids.push(id);
        self.starts.push(start);
        self.ends.push(end);
        self.rows.push(row);
    }

    /// The relationships at `at` (indices into the chunk, in order) appended to `rels`.
    pub fn take_into(&self, at: &[u32], rels: &mut ScannedRels) {
        for &i in at {
            if let (Some(&id), Some(&row)) = (self.ids.get(i as usize), self.rows.get(i as usize)) {
                rels.ids.push(id);
                rels.rows.push(row);
            }
        }
    }
}

/// Relationships of one type a scan kept, in its order, for aggregates over their
/// properties ([`Graph::fold_scanned_numbers`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScannedRels {
    pub ids: Vec<RelId>,
    rows: Vec<u32>,
}

impl Graph {
    /// Appends to `out` the next live relationships of type `ty` from `cursor` on, about
    /// `limit` of them (whole runs of a node), and moves the cursor past them. Once it is
    /// done nothing more is appended. Writes between two calls may be missed or seen, so
    /// a caller reads a type only while nothing writes (as a node scan's chunks do).
    /// Where to cut a scan of type `ty` into `parts` ranges of about as many of its
    /// relationships (positions in its arrays, [`RelScanCursor::within`]); the records
    /// written since the arrays' build go with the last range.
    pub fn rel_type_cuts(&self, ty: RelTypeId, parts: usize) -> Vec<u32> {
        let len = self.adjacency.type_len(ty) as usize;
        let parts = parts.max(1);
        (1..parts).filter_map(|i| u32::try_from(i * len / parts).ok()).filter(|&cut| cut > 0).collect()
    }

    pub fn append_rels_of_type(&self, ty: RelTypeId, cursor: &mut RelScanCursor, limit: usize, out: &mut RelChunk) {
        if cursor.done {
            return;
        }
        if !cursor.in_records {
            let before = out.ids.len();
            let next = self.adjacency.append_type_from(ty, cursor.at, limit, out);
            if cursor.end > 0 {
                // A range of a split scan: nothing at its end or past it.
                let kept = out.rows[before..].iter().take_while(|&&row| row < cursor.end).count();
                out.truncate(before + kept);
                cursor.at = next.unwrap_or(cursor.end).min(cursor.end);
                cursor.done = cursor.at >= cursor.end || next.is_none();
                return;
            }
            match next {
                Some(next) => {
                    cursor.at = next;
                    return;
                }
                None => *cursor = RelScanCursor { in_records: true, at: 0, done: false, end: 0 },
            }
        }
        let first_id = self.adjacency.id_bound();
        let from = cursor.at as usize;
        let to = from.saturating_add(limit).min(self.rel_records.len());
        for (i, record) in self.rel_records.iter().enumerate().take(to).skip(from) {
            if record.ty == ty && !record.is_retired() {
                out.push(RelId(first_id + i as u32), (record.start, record.end), record.row);
            }
        }
        cursor.at = u32::try_from(to).unwrap_or(u32::MAX);
        cursor.done = to >= self.rel_records.len();
    }

    /// Keeps the `items` whose relationship in `chunk` (of type `ty`; `at` gives an item's
    /// index there) passes `test`, in order, reading its row straight from the chunk.
    pub fn retain_scanned_where<T: Copy>(
        &self,
        ty: RelTypeId,
        test: &PropertyTest,
        (chunk, at): (&RelChunk, impl Fn(T) -> usize),
        items: &mut Vec<T>,
    ) {
        let column = test.key.and_then(|key| self.rel_tables.get(ty.0 as usize)?.column_cells(key));
        super::filter::retain_rows(test, column, items, |item| chunk.rows.get(at(item)).copied())
    }

    /// The numbers `key` holds over `rels` (all of type `ty`, in their order); `None` as
    /// for [`Graph::fold_node_numbers`].
    pub fn fold_scanned_numbers(&self, ty: RelTypeId, key: PropKeyId, rels: &ScannedRels) -> Option<NumberFold> {
        self.fold_rel_rows(ty, key, &rels.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{RelEntry, Txn};

    /// Every relationship of `ty` the scan gives, in chunks of `limit`, each with the row
    /// its properties are at.
    fn scanned(graph: &Graph, ty: RelTypeId, limit: usize) -> Vec<RelEntry> {
        scanned_within(graph, ty, limit, 0..u32::MAX)
    }

    /// [`scanned`] over the positions `range` alone (`RelScanCursor::within`).
    fn scanned_within(graph: &Graph, ty: RelTypeId, limit: usize, range: std::ops::Range<u32>) -> Vec<RelEntry> {
        let (mut cursor, mut out) = (RelScanCursor::within(range), RelChunk::default());
        while !cursor.is_done() {
            graph.append_rels_of_type(ty, &mut cursor, limit, &mut out);
        }
        for (i, &id) in out.ids.iter().enumerate() {
            assert_eq!(graph.rel_slot(id), Some((ty, out.rows[i])), "the row of {id:?}");
        }
        (0..out.len()).map(|i| RelEntry { id: out.ids[i], ty, start: out.starts[i], end: out.ends[i] }).collect()
    }

    /// The live relationships of `ty`, by the graph's own records, in the scan's order.
    fn expected(graph: &Graph, ty: RelTypeId, arrays_bound: u32) -> Vec<RelEntry> {
        let live: Vec<RelEntry> = graph.rel_ids().filter_map(|r| graph.rel(r)).filter(|e| e.ty == ty).collect();
        let (mut held, written): (Vec<RelEntry>, Vec<RelEntry>) = live.into_iter().partition(|e| e.id.0 < arrays_bound);
        // The arrays keep a type by start node, each node's run in id order.
        held.sort_by_key(|e| (e.start, e.id));
        held.into_iter().chain(written).collect()
    }

    #[test]
    fn a_type_scan_gives_each_live_relationship_once_in_stored_order() {
        let mut graph = Graph::new();
        let mut txn = Txn::new(&mut graph);
        let (a, b) = (txn.rel_type("A").unwrap_or(RelTypeId(0)), txn.rel_type("B").unwrap_or(RelTypeId(0)));
        let nodes: Vec<NodeId> = (0..30).map(|_| txn.create_node(vec![], vec![]).unwrap_or(NodeId(0))).collect();
        let mut rels: Vec<RelId> = Vec::new();
        for i in 0..200usize {
            // Starts out of order, a few self-loops, both types mixed.
            let (s, e) = (nodes[(i * 7) % 30], nodes[(i * 11 + 3) % 30]);
            let ty = if i % 3 == 0 { b } else { a };
            rels.push(txn.create_rel(ty, s, e, vec![]).unwrap_or(RelId(0)));
        }
        assert!(txn.commit().is_ok());
        for ty in [a, b] {
            assert_eq!(scanned(&graph, ty, 7), expected(&graph, ty, 0), "all written since a build");
        }
        graph.rebuild_adjacency();
        let bound = graph.adjacency.id_bound();
        for (ty, limit) in [(a, 1), (a, 16), (b, 1000)] {
            assert_eq!(scanned(&graph, ty, limit), expected(&graph, ty, bound), "all in the arrays");
        }
        // Tombstones in the arrays, and new relationships beside them.
        let mut txn = Txn::new(&mut graph);
        for r in rels.iter().step_by(5) {
            assert!(txn.delete_rel(*r).is_ok());
        }
        for i in 0..20 {
            assert!(txn.create_rel(a, nodes[i], nodes[29 - i], vec![]).is_ok());
        }
        assert!(txn.commit().is_ok());
        for (ty, limit) in [(a, 3), (b, 64)] {
            let got = scanned(&graph, ty, limit);
            assert_eq!(got, expected(&graph, ty, bound), "arrays with tombstones, then the records");
            assert!(got.len() > 10);
            // Cut into ranges, one after the other: the same scan.
            for parts in [2, 3, 7] {
                let cuts = graph.rel_type_cuts(ty, parts);
                assert_eq!(cuts.len(), parts - 1, "{cuts:?}");
                let starts = std::iter::once(0).chain(cuts.iter().copied());
                let ends = cuts.iter().copied().chain(std::iter::once(u32::MAX));
                let split: Vec<RelEntry> =
                    starts.zip(ends).flat_map(|(lo, hi)| scanned_within(&graph, ty, limit, lo..hi)).collect();
                assert_eq!(split, got, "{parts} ranges of {ty:?}");
            }
        }
    }
}

//! `RelTypeScan`: for each input row, each relationship of some types with its two ends,
//! read a chunk at a time in the order the store keeps them (`Graph::append_rels_of_type`),
//! so that a condition on the relationship's properties runs down the type's columns.
//!
//! A fused filter that reads only the relationship, its ends and what the input row holds
//! narrows each chunk a conjunct at a time ([`FusedFilter::narrow`]); any other is tested
//! candidate by candidate. Either way candidates are tested in the scan's order, so the
//! answers and the first error are those of testing row by row. Nothing writes while a
//! scan is between chunks: every write operator reads all its input first (`write.rs`).

use crate::error::Result;
use crate::exec::ops::filter::FusedFilter;
use crate::exec::predicate::{Candidates, Entity, Ids, Narrowing};
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::RelScan;
use crate::store::{Graph, NodeId, RelChunk, RelId, RelScanCursor, RelTypeId, ScannedRels};
use crate::value::Value;

/// One matched orientation of a relationship: it, and the nodes bound as start and end.
type Found = (RelId, NodeId, NodeId);

pub struct RelTypeScan {
    input: Box<dyn Operator>,
    scan: RelScan,
    filter: FusedFilter,
    /// The input row being extended, and the types resolved for it.
    current: Option<Row>,
    types: Vec<RelTypeId>,
    /// Which of `types` is being read, and where in it.
    type_at: usize,
    cursor: RelScanCursor,
    chunk_size: usize,
    /// The current chunk's relationships that passed, and the next to hand on.
    passing: Vec<Found>,
    next_passing: usize,
    read: RelChunk,
    narrowing: Narrowing,
    /// The positions of its one type the scan keeps to, when it is one range of a scan
    /// split over threads (`exec/parallel.rs`); all of them otherwise.
    range: Option<std::ops::Range<u32>>,
}

/// The first chunk's size; each next one is twice the last, up to `MAX_CHUNK`, so that a
/// `LIMIT` stops a scan early and a long one spends little per chunk (as a node scan's).
const CHUNK: usize = 1024;
const MAX_CHUNK: usize = 1 << 16;

impl RelTypeScan {
    pub fn new(input: Box<dyn Operator>, scan: RelScan, filter: FusedFilter) -> RelTypeScan {
        RelTypeScan {
            input,
            scan,
            filter,
            current: None,
            types: Vec::new(),
            type_at: 0,
            cursor: RelScanCursor::default(),
            chunk_size: CHUNK,
            passing: Vec::new(),
            next_passing: 0,
            read: RelChunk::default(),
            narrowing: Narrowing::default(),
            range: None,
        }
    }

    /// The scan of the positions `range` of its one type only: one range of a scan split
    /// over threads, each handing on its relationships in the type's order, as the whole
    /// scan does.
    pub fn within(self, range: std::ops::Range<u32>) -> RelTypeScan {
        RelTypeScan { range: Some(range), ..self }
    }

    /// Where reading a type starts: its first position, or the range's.
    fn first_cursor(&self) -> RelScanCursor {
        self.range.clone().map_or_else(RelScanCursor::default, RelScanCursor::within)
    }

    /// Takes the next input row and resolves the types for it; false when the input is done.
    fn start(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<bool> {
        let Some(row) = self.input.next(ctx)? else { return Ok(false) };
        self.types = self.scan.type_ids(ctx.graph().catalog());
        (self.type_at, self.cursor, self.chunk_size) = (0, self.first_cursor(), CHUNK);
        self.passing.clear();
        self.next_passing = 0;
        self.current = Some(row);
        Ok(true)
    }

    /// Reads and tests the next chunk into `passing`; false when every type is done.
    fn fill_chunk(&mut self, row: &mut Row, ctx: &mut ExecCtx<'_, '_>) -> Result<bool> {
        ctx.cancel.check()?;
        let graph = ctx.graph();
        loop {
            let Some(&ty) = self.types.get(self.type_at) else { return Ok(false) };
            if self.cursor.is_done() {
                (self.type_at, self.cursor) = (self.type_at + 1, self.first_cursor());
                continue;
            }
            self.read.clear();
            graph.append_rels_of_type(ty, &mut self.cursor, self.chunk_size, &mut self.read);
            if self.read.is_empty() {
                continue;
            }
            self.chunk_size = (self.chunk_size * 2).min(MAX_CHUNK);
            let chunk = std::mem::take(&mut self.read);
            let (chunk, passing) = test_chunk((&self.scan, &self.filter, &mut self.narrowing), chunk, ty, row, graph)?;
            self.passing = passing;
            self.read = chunk;
            self.next_passing = 0;
            return Ok(true);
        }
    }
}

/// The candidates of one chunk (all of type `ty`) that pass `filter`, in order (with the
/// chunk, handed back): down the columns when the filter reads only the scan's slots and
/// the row, else one at a time. A directed scan's candidates are the chunk's
/// relationships, tested where the chunk says their properties are; an undirected one's
/// are each orientation of them.
fn test_chunk(
    (scan, filter, narrowing): (&RelScan, &FusedFilter, &mut Narrowing),
    chunk: RelChunk,
    ty: RelTypeId,
    row: &mut Row,
    graph: &Graph,
) -> Result<(RelChunk, Vec<Found>)> {
    let RelScan { rel, start, end, .. } = *scan;
    let found = |chunk: &RelChunk, i: usize| Some((*chunk.ids.get(i)?, *chunk.starts.get(i)?, *chunk.ends.get(i)?));
    if filter.is_empty() {
        let all = orientations(&chunk, scan.undirected);
        return Ok((chunk, all));
    }
    if !filter.reads_only(&[rel, start, end]) {
        let mut out = Vec::new();
        for f in orientations(&chunk, scan.undirected) {
            let bound = [(rel, Entity::Rel(f.0)), (start, Entity::Node(f.1)), (end, Entity::Node(f.2))];
            if filter.passes(row, &bound, graph)? {
                out.push(f);
            }
        }
        return Ok((chunk, out));
    }
    if scan.undirected {
        let all = orientations(&chunk, true);
        let candidates = Candidates {
            columns: vec![
                (rel, Ids::Rels(all.iter().map(|f| f.0).collect())),
                (start, Ids::Nodes(all.iter().map(|f| f.1).collect())),
                (end, Ids::Nodes(all.iter().map(|f| f.2).collect())),
            ],
            tags: vec![0; all.len()],
        };
        let passing = filter.narrow(row, &candidates, Some(ty), graph, narrowing)?;
        return Ok((chunk, passing.into_iter().filter_map(|i| all.get(i as usize).copied()).collect()));
    }
    let (chunk, passing) = narrow_directed((scan, filter, narrowing), chunk, ty, row, graph)?;
    let kept = passing.into_iter().filter_map(|i| found(&chunk, i as usize)).collect();
    Ok((chunk, kept))
}

/// The indices of the relationships of `chunk` (a directed scan's candidates) that pass
/// `filter`, which reads only the scan's slots and the row, narrowed down the columns
/// (the relationship's properties read where the chunk says they are), with the chunk.
fn narrow_directed(
    (scan, filter, narrowing): (&RelScan, &FusedFilter, &mut Narrowing),
    chunk: RelChunk,
    ty: RelTypeId,
    row: &Row,
    graph: &Graph,
) -> Result<(RelChunk, Vec<u32>)> {
    // The ends' columns only where the filter reads them.
    let mut columns = Vec::with_capacity(3);
    for (slot, nodes) in [(scan.start, &chunk.starts), (scan.end, &chunk.ends)] {
        if filter.reads(slot) {
            columns.push((slot, Ids::Nodes(nodes.clone())));
        }
    }
    let n = chunk.len();
    columns.push((scan.rel, Ids::Scanned(chunk)));
    let candidates = Candidates { columns, tags: vec![0; n] };
    let passing = filter.narrow(row, &candidates, Some(ty), graph, narrowing)?;
    match candidates.columns.into_iter().next_back() {
        Some((_, Ids::Scanned(chunk))) => Ok((chunk, passing)),
        _ => Err(crate::error::Error::internal("a scanned chunk lost its column")),
    }
}

/// Every relationship of type `ty` that a directed scan of `scan` gives beside `row` and
/// that passes `filter`, in the scan's order: what a column aggregation over the scan
/// folds (`ColumnAggregate`).
pub(super) fn passing_of_type(
    (scan, filter, narrowing): (&RelScan, &FusedFilter, &mut Narrowing),
    ty: RelTypeId,
    row: &mut Row,
    ctx: &ExecCtx<'_, '_>,
) -> Result<ScannedRels> {
    let (mut cursor, mut chunk, mut out) = (RelScanCursor::default(), RelChunk::default(), ScannedRels::default());
    let all_pass = filter.is_empty();
    while !cursor.is_done() {
        ctx.cancel.check()?;
        chunk.clear();
        ctx.graph().append_rels_of_type(ty, &mut cursor, MAX_CHUNK, &mut chunk);
        let passing: Vec<u32> = if all_pass {
            (0..chunk.len() as u32).collect()
        } else if filter.reads_only(&[scan.rel, scan.start, scan.end]) {
            let taken = std::mem::take(&mut chunk);
            let (back, passing) = narrow_directed((scan, filter, &mut *narrowing), taken, ty, row, ctx.graph())?;
            chunk = back;
            passing
        } else {
            let taken = std::mem::take(&mut chunk);
            let (back, kept) = test_chunk((scan, filter, &mut *narrowing), taken, ty, row, ctx.graph())?;
            chunk = back;
            positions(&chunk, &kept)
        };
        chunk.take_into(&passing, &mut out);
    }
    Ok(out)
}

/// The indices in `chunk` of the relationships `kept` (a directed scan's, in its order).
fn positions(chunk: &RelChunk, kept: &[Found]) -> Vec<u32> {
    let mut out = Vec::with_capacity(kept.len());
    let mut k = kept.iter().peekable();
    for (i, id) in chunk.ids.iter().enumerate() {
        if k.peek().is_some_and(|f| f.0 == *id) {
            out.push(i as u32);
            k.next();
        }
    }
    out
}

/// Each relationship as the pattern matches it: once from its start to its end, and, for
/// an undirected pattern, once more the other way unless it is a self-loop (whose two
/// orientations are one match).
fn orientations(chunk: &RelChunk, undirected: bool) -> Vec<Found> {
    let mut out = Vec::with_capacity(chunk.len() * if undirected { 2 } else { 1 });
    for ((&id, &start), &end) in chunk.ids.iter().zip(&chunk.starts).zip(&chunk.ends) {
        out.push((id, start, end));
        if undirected && start != end {
            out.push((id, end, start));
        }
    }
    out
}

impl Operator for RelTypeScan {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(mut row) = self.current.take() {
                if let Some(&(rel, start, end)) = self.passing.get(self.next_passing) {
                    self.next_passing += 1;
                    ctx.cancel.tick()?;
                    row.set(self.scan.rel, Value::Relationship(rel));
                    row.set(self.scan.start, Value::Node(start));
                    row.set(self.scan.end, Value::Node(end));
                    let out = row.clone();
                    self.current = Some(row);
                    return Ok(Some(out));
                }
                if self.fill_chunk(&mut row, ctx)? {
                    self.current = Some(row);
                    continue;
                }
            }
            if !self.start(ctx)? {
                return Ok(None);
            }
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.passing.clear();
        self.next_passing = 0;
        self.input.rewind()
    }
}

//! `VarExpandCount` and `VarExpandEnds`: a variable-length expansion whose paths nothing
//! reads, only how many there are or where they end (the planner's `count_paths.rs`).
//!
//! Both run the search `VarExpand` runs (`exec::pattern::paths`, depth first, each
//! relationship at most once per path, none of the MATCH's others), so they see exactly
//! its paths; they only skip what it does per path: the relationship list, the row and
//! its memory accounting. A condition on the end node is tested once per end node and
//! input row. `VarExpandEnds` without path counts, for paths of `min` 0 or 1 and a bound
//! `max`, searches breadth first instead (`exec::path_levels`): the same ends, each with
//! the fewest relationships of a path there, each node reached once.

use super::filter::FusedFilter;
use super::var_expand::excluded;
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::path_levels::{levels_apply, nearest_ends};
use crate::exec::pattern::paths;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::PathSpec;
use crate::store::NodeId;
use crate::value::Value;

/// What the two operators share: the search from one input row.
struct Search {
    path: PathSpec,
    into: bool,
    exclude: Vec<Slot>,
    filter: FusedFilter,
}

impl Search {
    fn new(path: PathSpec, into: bool, exclude: Vec<Slot>, predicate: Option<&Expr>) -> Search {
        let filter = predicate.map_or_else(FusedFilter::default, |p| FusedFilter::new(p, None));
        Search { path, into, exclude, filter }
    }

    /// Calls `each` with the length and the end of every path from `row`'s start that
    /// reaches its target (when bound) and passes the filter.
    fn run(&self, row: &Row, ctx: &ExecCtx<'_, '_>, each: &mut dyn FnMut(usize, NodeId)) -> Result<()> {
        let PathSpec { step, min, max, .. } = &self.path;
        let Some((start, target)) = self.ends_of(row) else { return Ok(()) };
        let exclude = excluded(row, &self.exclude);
        let graph = ctx.graph();
        let mut end_test = EndTest::new(row);
        let lengths = (*min, *max, ctx.limits.max_path_length);
        paths(graph, start, step, row, lengths, &exclude, &mut |rels, end| {
            // A long variable-length pattern can find paths for a very long time.
            ctx.cancel.tick()?;
            if target.is_none_or(|t| t == end) && end_test.passes(self, end, graph)? {
                each(rels.len(), end);
            }
            Ok(true)
        })
    }

    /// Each distinct end of the paths from `row`'s start that reaches its target (when
    /// bound) and passes the filter, with the fewest relationships of a path there, found
    /// breadth first ([`nearest_ends`]); `None` when that search does not apply to these
    /// lengths (see [`levels_apply`]).
    fn nearest(&self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Option<Vec<(NodeId, u64)>>> {
        let PathSpec { step, min, max, .. } = &self.path;
        let (Some(max), true) = (*max, levels_apply(*min, *max, ctx.limits.max_path_length)) else { return Ok(None) };
        let Some((start, target)) = self.ends_of(row) else { return Ok(Some(Vec::new())) };
        let graph = ctx.graph();
        let exclude = excluded(row, &self.exclude);
        // Each end comes once: its test needs no memo.
        let mut scratch = row.clone();
        let mut out = Vec::new();
        for (end, length) in nearest_ends(graph, start, step, row, (*min, max), &exclude)? {
            if target.is_some_and(|t| t != end) {
                continue;
            }
            if self.filter.is_empty()
                || self.filter.passes(&mut scratch, &[(self.path.to, Entity::Node(end))], graph)?
            {
                out.push((end, length));
            }
        }
        Ok(Some(out))
    }

    /// The start node of `row`'s paths and the node they must end at (when the far end
    /// is bound), or `None` when the row can have no path.
    fn ends_of(&self, row: &Row) -> Option<(NodeId, Option<NodeId>)> {
        let Value::Node(start) = *row.get(self.path.from) else { return None };
        match (self.into, row.get(self.path.to)) {
            (true, Value::Node(id)) => Some((start, Some(*id))),
            (true, _) => None,
            (false, _) => Some((start, None)),
        }
    }
}

/// The end filter's answer per end node, tested once each per input row.
struct EndTest {
    scratch: Row,
    passes: foldhash::HashMap<NodeId, bool>,
}

impl EndTest {
    fn new(row: &Row) -> EndTest {
        EndTest { scratch: row.clone(), passes: Default::default() }
    }

    fn passes(&mut self, search: &Search, end: NodeId, graph: &crate::store::Graph) -> Result<bool> {
        if search.filter.is_empty() {
            return Ok(true);
        }
        if let Some(&pass) = self.passes.get(&end) {
            return Ok(pass);
        }
        let pass = search.filter.passes(&mut self.scratch, &[(search.path.to, Entity::Node(end))], graph)?;
        self.passes.insert(end, pass);
        Ok(pass)
    }
}

/// For each input row, the number of its paths into `slot`; rows with none are dropped.
/// With a `by_length` slot, one row per length instead, with the paths of that length.
pub struct VarExpandCount {
    input: Box<dyn Operator>,
    search: Search,
    slot: Slot,
    by_length: Option<Slot>,
    pending: std::vec::IntoIter<Row>,
}

impl VarExpandCount {
    pub fn new(
        input: Box<dyn Operator>,
        (path, into, exclude): (PathSpec, bool, Vec<Slot>),
        predicate: Option<&Expr>,
        (slot, by_length): (Slot, Option<Slot>),
    ) -> VarExpandCount {
        let search = Search::new(path, into, exclude, predicate);
        VarExpandCount { input, search, slot, by_length, pending: Vec::new().into_iter() }
    }

    /// The rows of one input row: its count, or a count per length (none without paths).
    fn counted(&self, row: Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        // Index: the path's length; a search is bounded by `max` (or the statement's limit).
        let mut per_length: Vec<i64> = Vec::new();
        self.search.run(&row, ctx, &mut |length, _| {
            let at = if self.by_length.is_some() { length } else { 0 };
            if per_length.len() <= at {
                per_length.resize(at + 1, 0);
            }
            per_length[at] += 1;
        })?;
        let rows = per_length.into_iter().enumerate().filter(|(_, n)| *n > 0).map(|(length, n)| {
            let mut next = row.clone();
            if let Some(slot) = self.by_length {
                next.set(slot, Value::Int(length as i64));
            }
            next.set(self.slot, Value::Int(n));
            next
        });
        Ok(rows.collect())
    }
}

impl Operator for VarExpandCount {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.counted(row, ctx)?.into_iter();
        }
    }
}

/// For each input row, one row per distinct end of its paths; with a `paths` slot, the
/// number of paths ending there goes into it, and with a `shortest` slot, the fewest
/// relationships of a path ending there. Without `paths`, and when the path's lengths
/// allow it (`min` at most 1, `max` bound), the ends are found breadth first, each node
/// reached once ([`nearest_ends`]), nearest first; otherwise depth first, in the order
/// first reached.
pub struct VarExpandEnds {
    input: Box<dyn Operator>,
    search: Search,
    paths: Option<Slot>,
    shortest: Option<Slot>,
    pending: std::vec::IntoIter<Row>,
}

/// What one end gathers over the paths of a row: how many end there, the fewest
/// relationships of one.
struct End {
    node: NodeId,
    paths: i64,
    shortest: u64,
}

impl VarExpandEnds {
    pub fn new(
        input: Box<dyn Operator>,
        (path, into, exclude): (PathSpec, bool, Vec<Slot>),
        predicate: Option<&Expr>,
        (paths, shortest): (Option<Slot>, Option<Slot>),
    ) -> VarExpandEnds {
        let search = Search::new(path, into, exclude, predicate);
        VarExpandEnds { input, search, paths, shortest, pending: Vec::new().into_iter() }
    }

    /// The rows of one input row: each distinct end once, with its number of paths and
    /// the fewest relationships of one.
    fn ends(&self, row: Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let ends = match self.paths.is_none().then(|| self.search.nearest(&row, ctx)).transpose()?.flatten() {
            Some(nearest) => nearest.into_iter().map(|(node, shortest)| End { node, paths: 1, shortest }).collect(),
            None => self.walked_ends(&row, ctx)?,
        };
        let to = self.search.path.to;
        let rows = ends.into_iter().map(|end| {
            let mut next = row.clone();
            next.set(to, Value::Node(end.node));
            if let Some(slot) = self.paths {
                next.set(slot, Value::Int(end.paths));
            }
            if let Some(slot) = self.shortest {
                next.set(slot, Value::Int(end.shortest as i64));
            }
            next
        });
        Ok(rows.collect())
    }

    /// The ends of `row`'s paths by the depth-first search, which walks every path.
    fn walked_ends(&self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<End>> {
        let mut ends: Vec<End> = Vec::new();
        let mut at: foldhash::HashMap<NodeId, usize> = Default::default();
        self.search.run(row, ctx, &mut |length, node| match at.get(&node) {
            Some(&i) => {
                ends[i].paths += 1;
                ends[i].shortest = ends[i].shortest.min(length as u64);
            }
            None => {
                at.insert(node, ends.len());
                ends.push(End { node, paths: 1, shortest: length as u64 });
            }
        })?;
        Ok(ends)
    }
}

impl Operator for VarExpandEnds {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.ends(row, ctx)?.into_iter();
        }
    }
}

//! `VarExpandCount` and `VarExpandEnds`: a variable-length expansion whose paths nothing
//! reads, only how many there are or where they end (the planner's `count_paths.rs`).
//!
//! Both run the search `VarExpand` runs (`exec::pattern::paths`, depth first, each
//! relationship at most once per path, none of the MATCH's others), so they see exactly
//! its paths; they only skip what it does per path: the relationship list, the row and
//! its memory accounting. A condition on the end node is tested once per end node and
//! input row.

use super::filter::FusedFilter;
use super::var_expand::excluded;
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
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
        let PathSpec { from, to, step, min, max, .. } = &self.path;
        let Value::Node(start) = *row.get(*from) else { return Ok(()) };
        let target = match (self.into, row.get(*to)) {
            (true, Value::Node(id)) => Some(*id),
            (true, _) => return Ok(()),
            (false, _) => None,
        };
        let exclude = excluded(row, &self.exclude);
        let graph = ctx.graph();
        let mut scratch = row.clone();
        let mut passes: foldhash::HashMap<NodeId, bool> = Default::default();
        let lengths = (*min, *max, ctx.limits.max_path_length);
        paths(graph, start, step, row, lengths, &exclude, &mut |rels, end| {
            // A long variable-length pattern can find paths for a very long time.
            ctx.cancel.tick()?;
            if target.is_some_and(|t| t != end) {
                return Ok(true);
            }
            let pass = self.filter.is_empty()
                || match passes.get(&end) {
                    Some(&pass) => pass,
                    None => {
                        let pass = self.filter.passes(&mut scratch, &[(*to, Entity::Node(end))], graph)?;
                        passes.insert(end, pass);
                        pass
                    }
                };
            if pass {
                each(rels.len(), end);
            }
            Ok(true)
        })
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

/// For each input row, one row per distinct end of its paths, in the order first reached;
/// with a `paths` slot, the number of paths ending there goes into it.
pub struct VarExpandEnds {
    input: Box<dyn Operator>,
    search: Search,
    paths: Option<Slot>,
    pending: std::vec::IntoIter<Row>,
}

impl VarExpandEnds {
    pub fn new(
        input: Box<dyn Operator>,
        (path, into, exclude): (PathSpec, bool, Vec<Slot>),
        predicate: Option<&Expr>,
        paths: Option<Slot>,
    ) -> VarExpandEnds {
        let search = Search::new(path, into, exclude, predicate);
        VarExpandEnds { input, search, paths, pending: Vec::new().into_iter() }
    }

    /// The rows of one input row: each distinct end once, with its number of paths.
    fn ends(&self, row: Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let mut ends: Vec<(NodeId, i64)> = Vec::new();
        let mut at: foldhash::HashMap<NodeId, usize> = Default::default();
        self.search.run(&row, ctx, &mut |_, end| match at.get(&end) {
            Some(&i) => ends[i].1 += 1,
            None => {
                at.insert(end, ends.len());
                ends.push((end, 1));
            }
        })?;
        let to = self.search.path.to;
        let rows = ends.into_iter().map(|(end, paths)| {
            let mut next = row.clone();
            next.set(to, Value::Node(end));
            if let Some(slot) = self.paths {
                next.set(slot, Value::Int(paths));
            }
            next
        });
        Ok(rows.collect())
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

//! `VarExpandCount` and `VarExpandEnds`: a variable-length expansion whose paths nothing
//! reads, only how many there are or where they end (the planner's `count_paths.rs`).
//!
//! Both run the search `VarExpand` runs (`exec::pattern::paths`, depth first, each
//! relationship at most once per path, none of the MATCH's others), so they see exactly
//! its paths; they only skip what it does per path: the relationship list, the row and
//! its memory accounting. A condition on the end node is tested once per end node and
//! input row.

use std::collections::HashMap;

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

    /// Calls `each` with the end of every path from `row`'s start that reaches its target
    /// (when bound) and passes the filter.
    fn run(&self, row: &Row, ctx: &ExecCtx<'_, '_>, each: &mut dyn FnMut(NodeId)) -> Result<()> {
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
        let mut passes: HashMap<NodeId, bool> = HashMap::new();
        let lengths = (*min, *max, ctx.limits.max_path_length);
        paths(graph, start, step, row, lengths, &exclude, &mut |_, end| {
            // A long variable-length pattern can find paths for a very long time.
            ctx.cancel.tick()?;
            if target.is_some_and(|t| t != end) {
                return Ok(true);
            }
            let pass = match passes.get(&end) {
                Some(&pass) => pass,
                None => {
                    let pass = self.filter.is_empty()
                        || self.filter.passes(&mut scratch, &[(*to, Entity::Node(end))], graph)?;
                    passes.insert(end, pass);
                    pass
                }
            };
            if pass {
                each(end);
            }
            Ok(true)
        })
    }
}

/// For each input row, the number of its paths into `slot`; rows with none are dropped.
pub struct VarExpandCount {
    input: Box<dyn Operator>,
    search: Search,
    slot: Slot,
}

impl VarExpandCount {
    pub fn new(
        input: Box<dyn Operator>,
        (path, into, exclude): (PathSpec, bool, Vec<Slot>),
        predicate: Option<&Expr>,
        slot: Slot,
    ) -> VarExpandCount {
        VarExpandCount { input, search: Search::new(path, into, exclude, predicate), slot }
    }
}

impl Operator for VarExpandCount {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(mut row) = self.input.next(ctx)? {
            let mut n = 0_i64;
            self.search.run(&row, ctx, &mut |_| n += 1)?;
            if n > 0 {
                row.set(self.slot, Value::Int(n));
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

/// For each input row, one row per distinct end of its paths, in the order first reached.
pub struct VarExpandEnds {
    input: Box<dyn Operator>,
    search: Search,
    pending: std::vec::IntoIter<Row>,
}

impl VarExpandEnds {
    pub fn new(
        input: Box<dyn Operator>,
        (path, into, exclude): (PathSpec, bool, Vec<Slot>),
        predicate: Option<&Expr>,
    ) -> VarExpandEnds {
        VarExpandEnds { input, search: Search::new(path, into, exclude, predicate), pending: Vec::new().into_iter() }
    }
}

impl Operator for VarExpandEnds {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            let mut ends: Vec<NodeId> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            self.search.run(&row, ctx, &mut |end| {
                if seen.insert(end) {
                    ends.push(end);
                }
            })?;
            let to = self.search.path.to;
            let rows: Vec<Row> = ends
                .into_iter()
                .map(|end| {
                    let mut next = row.clone();
                    next.set(to, Value::Node(end));
                    next
                })
                .collect();
            self.pending = rows.into_iter();
        }
    }
}

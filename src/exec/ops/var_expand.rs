//! Variable-length expansion.

use std::collections::HashSet;

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::path_search::PathSearch;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::PathSpec;
use crate::store::{NodeId, RelId};
use crate::value::Value;

/// Relationships bound in `slots` of `row` (single or lists): a MATCH uses each once.
pub(super) fn excluded(row: &Row, slots: &[Slot]) -> HashSet<RelId> {
    let mut out = HashSet::new();
    for slot in slots {
        match row.get(*slot) {
            Value::Relationship(id) => {
                out.insert(*id);
            }
            Value::List(items) => out.extend(items.iter().filter_map(|v| match v {
                Value::Relationship(id) => Some(*id),
                _ => None,
            })),
            _ => {}
        }
    }
    out
}

fn rel_list<'a>(rels: impl Iterator<Item = &'a RelId>) -> Value {
    Value::list(rels.map(|r| Value::Relationship(*r)).collect())
}

/// The paths of one input row, found one at a time.
struct RowPaths {
    row: Row,
    /// The node the paths must end at (the row binds the far end already), if any.
    target: Option<NodeId>,
    search: PathSearch,
}

/// One row per path of each input row, handed on as the search finds it: the search
/// holds only the levels of the path it stands on, and stops when no more rows are
/// wanted (a LIMIT above), however many paths are left.
pub struct VarExpand {
    input: Box<dyn Operator>,
    path: PathSpec,
    into: bool,
    exclude: Vec<Slot>,
    current: Option<RowPaths>,
}

impl VarExpand {
    pub fn new(input: Box<dyn Operator>, path: PathSpec, into: bool, exclude: Vec<Slot>) -> VarExpand {
        VarExpand { input, path, into, exclude, current: None }
    }

    /// The search for the paths of `row`, or `None` if it can have none (no start node,
    /// or a far end bound to something not a node).
    fn start(&self, row: Row, ctx: &ExecCtx<'_, '_>) -> Option<RowPaths> {
        let PathSpec { from, to, step, min, max, .. } = &self.path;
        let Value::Node(start) = *row.get(*from) else { return None };
        let target = match (self.into, row.get(*to)) {
            (true, Value::Node(id)) => Some(*id),
            (true, _) => return None,
            (false, _) => None,
        };
        let lengths = (*min, *max, ctx.limits.max_path_length);
        let search = PathSearch::new(start, step, &row, lengths, excluded(&row, &self.exclude));
        Some(RowPaths { row, target, search })
    }

    /// The row of the next path of the current input row that reaches its target, or
    /// `None` when it has no more.
    fn next_path(&mut self, ctx: &ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let Some(RowPaths { row, target, search }) = &mut self.current else { return Ok(None) };
        let PathSpec { rel, to, step, reversed, .. } = &self.path;
        while let Some(end) = search.next(ctx.graph(), step, row)? {
            // A long variable-length pattern can find paths for a very long time.
            ctx.cancel.tick()?;
            if target.is_some_and(|t| t != end) {
                continue;
            }
            let rels = search.path();
            let list = if *reversed { rel_list(rels.iter().rev()) } else { rel_list(rels.iter()) };
            let mut next = row.clone();
            next.set(*rel, list);
            next.set(*to, Value::Node(end));
            return Ok(Some(next));
        }
        Ok(None)
    }
}

impl Operator for VarExpand {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.next_path(ctx)? {
                return Ok(Some(row));
            }
            // The finished search lets go of what it held before the next one starts.
            self.current = None;
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.current = self.start(row, ctx);
        }
    }

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.input.rewind()
    }
}

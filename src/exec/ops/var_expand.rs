//! Variable-length expansion.

use std::collections::HashSet;

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::pattern::paths;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::PathSpec;
use crate::store::RelId;
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

fn rel_list(rels: &[RelId]) -> Value {
    Value::list(rels.iter().map(|r| Value::Relationship(*r)).collect())
}

pub struct VarExpand {
    input: Box<dyn Operator>,
    path: PathSpec,
    into: bool,
    exclude: Vec<Slot>,
    pending: std::vec::IntoIter<Row>,
    /// What the paths of the current input row hold (they are all found before the
    /// first is handed on).
    held: crate::exec::memory::Held,
}

impl VarExpand {
    pub fn new(input: Box<dyn Operator>, path: PathSpec, into: bool, exclude: Vec<Slot>) -> VarExpand {
        VarExpand { input, path, into, exclude, pending: Vec::new().into_iter(), held: Default::default() }
    }

    fn expand(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let PathSpec { from, rel, to, step, min, max, reversed } = &self.path;
        let Value::Node(start) = *row.get(*from) else { return Ok(Vec::new()) };
        let target = match (self.into, row.get(*to)) {
            (true, Value::Node(id)) => Some(*id),
            (true, _) => return Ok(Vec::new()),
            (false, _) => None,
        };
        let exclude = excluded(row, &self.exclude);
        let mut out = Vec::new();
        let held = &mut self.held;
        let lengths = (*min, *max, ctx.limits.max_path_length);
        paths(ctx.graph(), start, step, row, lengths, &exclude, &mut |rels, end| {
            // A long variable-length pattern can find paths for a very long time.
            ctx.cancel.tick()?;
            if target.is_none_or(|t| t == end) {
                let mut next = row.clone();
                let list = if *reversed { rels.iter().rev().copied().collect::<Vec<_>>() } else { rels.to_vec() };
                next.set(*rel, rel_list(&list));
                next.set(*to, Value::Node(end));
                held.add_row(&next)?;
                out.push(next);
            }
            Ok(true)
        })?;
        Ok(out)
    }
}

impl Operator for VarExpand {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.held.clear();
            self.pending = self.expand(&row, ctx)?.into_iter();
        }
    }
}

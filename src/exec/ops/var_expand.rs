//! Variable-length expansion and shortest paths.

use std::collections::{HashMap, HashSet};

use crate::binder::bound::Slot;
use crate::error::Result;
use crate::exec::pattern::{paths, step_candidates};
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::PathSpec;
use crate::store::{NodeId, RelId};
use crate::value::Value;

/// Relationships bound in `slots` of `row` (single or lists): a MATCH uses each once.
fn excluded(row: &Row, slots: &[Slot]) -> HashSet<RelId> {
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
}

impl VarExpand {
    pub fn new(input: Box<dyn Operator>, path: PathSpec, into: bool, exclude: Vec<Slot>) -> VarExpand {
        VarExpand { input, path, into, exclude, pending: Vec::new().into_iter() }
    }

    fn expand(&self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let PathSpec { from, rel, to, step, min, max, reversed } = &self.path;
        let Value::Node(start) = *row.get(*from) else { return Ok(Vec::new()) };
        let target = match (self.into, row.get(*to)) {
            (true, Value::Node(id)) => Some(*id),
            (true, _) => return Ok(Vec::new()),
            (false, _) => None,
        };
        let exclude = excluded(row, &self.exclude);
        let mut out = Vec::new();
        let lengths = (*min, *max, ctx.limits.max_path_length);
        paths(ctx.graph(), start, step, row, lengths, &exclude, &mut |rels, end| {
            // A long variable-length pattern can find paths for a very long time.
            ctx.cancel.tick()?;
            if target.is_none_or(|t| t == end) {
                let mut next = row.clone();
                let list = if *reversed { rels.iter().rev().copied().collect::<Vec<_>>() } else { rels.to_vec() };
                next.set(*rel, rel_list(&list));
                next.set(*to, Value::Node(end));
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
            self.pending = self.expand(&row, ctx)?.into_iter();
        }
    }
}

pub struct ShortestPath {
    input: Box<dyn Operator>,
    path: PathSpec,
    all: bool,
    pending: std::vec::IntoIter<Row>,
}

impl ShortestPath {
    pub fn new(input: Box<dyn Operator>, path: PathSpec, all: bool) -> ShortestPath {
        ShortestPath { input, path, all, pending: Vec::new().into_iter() }
    }

    fn search(&self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let spec = &self.path;
        let (Value::Node(from), Value::Node(to)) = (row.get(spec.from).clone(), row.get(spec.to).clone()) else {
            return Ok(Vec::new());
        };
        let with = |rels: &[RelId]| {
            let mut next = row.clone();
            next.set(spec.rel, rel_list(rels));
            next
        };
        if from == to {
            return Ok(if spec.min == 0 { vec![with(&[])] } else { Vec::new() });
        }
        let graph = ctx.graph();
        // Breadth first, remembering every way into a node at its first depth.
        let mut depth_of: HashMap<NodeId, u64> = HashMap::from([(from, 0)]);
        let mut parents: HashMap<NodeId, Vec<(RelId, NodeId)>> = HashMap::new();
        let mut frontier = vec![from];
        let mut depth = 0;
        while !frontier.is_empty() && !depth_of.contains_key(&to) && spec.max.is_none_or(|m| depth < m) {
            if let Some(limit) = ctx.limits.max_path_length.filter(|&l| depth >= l) {
                return Err(crate::limits::Limits::path_too_long(limit));
            }
            depth += 1;
            let mut next = Vec::new();
            for node in frontier {
                ctx.cancel.tick()?;
                for (rel, other) in step_candidates(graph, node, &spec.step, row)? {
                    match depth_of.get(&other) {
                        None => {
                            depth_of.insert(other, depth);
                            parents.insert(other, vec![(rel, node)]);
                            next.push(other);
                        }
                        Some(d) if *d == depth => parents.entry(other).or_default().push((rel, node)),
                        Some(_) => {}
                    }
                }
            }
            frontier = next;
        }
        if !depth_of.contains_key(&to) {
            return Ok(Vec::new());
        }
        let mut found = Vec::new();
        collect_paths(&parents, from, to, &mut Vec::new(), self.all, &mut found);
        Ok(found.iter().map(|rels| with(rels)).collect())
    }
}

/// The relationship sequences from `from` to `node` through `parents`, in order; only
/// the first unless `all`.
fn collect_paths(
    parents: &HashMap<NodeId, Vec<(RelId, NodeId)>>,
    from: NodeId,
    node: NodeId,
    suffix: &mut Vec<RelId>,
    all: bool,
    out: &mut Vec<Vec<RelId>>,
) {
    if node == from {
        out.push(suffix.iter().rev().copied().collect());
        return;
    }
    for (rel, parent) in parents.get(&node).into_iter().flatten() {
        suffix.push(*rel);
        collect_paths(parents, from, *parent, suffix, all, out);
        suffix.pop();
        if !all && !out.is_empty() {
            return;
        }
    }
}

impl Operator for ShortestPath {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.search(&row, ctx)?.into_iter();
        }
    }
}

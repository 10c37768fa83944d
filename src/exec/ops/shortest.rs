//! Shortest paths between two bound nodes: a breadth-first search from both ends at
//! once, always widening the smaller frontier, until the two searches meet.
//!
//! Each side keeps, per node id, the depth at which it reached the node and the ways in
//! at that depth (a linked list in one vector), so that a search allocates nothing per
//! node and is reset by clearing only the nodes it touched. `allShortestPaths` gets every
//! shortest path: each goes through exactly one meeting node at the depth the searches
//! met, and is the product of that node's ways in from both ends.
//!
//! With the far end unbound (`searching_from_one_end`), one search from the bound end reaches every
//! node up to the maximum length, in order of distance, and each reached node is handed
//! on as the far end with its shortest path(s), one row at a time; a node that fails the
//! plan's end filter (conditions on the far end that read no path) is passed over before
//! its paths are built. The search widens one depth at a time, only once the nodes of the
//! depth before have been handed on, so that under a top-k by length (`stop_after`) it
//! stops at the depth that gave enough rows.

use crate::binder::bound::Expr;
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::ops::filter::FusedFilter;
use crate::exec::pattern::step_candidates;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::{ElementFilter, PathSpec, Step};
use crate::store::{Graph, NodeId, RelId};
use crate::value::Value;

const UNSEEN: u32 = u32::MAX;
const NO_PARENT: u32 = u32::MAX;

/// One end's breadth-first search.
#[derive(Default)]
struct Side {
    /// One more than the depth at which the search reached each node (by id), 0 if it
    /// did not: zero is "nothing", so that a new vector is zeroed memory the system
    /// hands out lazily, and a search in a large graph pays only for the pages it touches.
    depth: Vec<u32>,
    /// One more than the index in `parents` of the newest way into each node, 0 if none.
    head: Vec<u32>,
    /// Ways in: the relationship, the node it came from, and the next way into the same node.
    parents: Vec<(RelId, NodeId, u32)>,
    /// The nodes with a depth, to reset them.
    touched: Vec<NodeId>,
    frontier: Vec<NodeId>,
    /// The depth of the frontier.
    level: u32,
}

impl Side {
    /// Ready to search from `root` in a graph whose node ids are below `bound`.
    fn reset(&mut self, root: NodeId, bound: usize) {
        for node in self.touched.drain(..) {
            self.depth[node.0 as usize] = 0;
            self.head[node.0 as usize] = 0;
        }
        if self.depth.len() < bound {
            self.depth = vec![0; bound];
            self.head = vec![0; bound];
        }
        self.parents.clear();
        self.frontier.clear();
        self.level = 0;
        self.reach(root, 0);
        self.frontier.push(root);
    }

    fn depth_of(&self, node: NodeId) -> u32 {
        match self.depth.get(node.0 as usize) {
            Some(&d) if d > 0 => d - 1,
            _ => UNSEEN,
        }
    }

    fn reach(&mut self, node: NodeId, depth: u32) {
        if let Some(d) = self.depth.get_mut(node.0 as usize) {
            *d = depth + 1;
            self.touched.push(node);
        }
    }

    fn add_parent(&mut self, node: NodeId, rel: RelId, parent: NodeId) {
        let i = node.0 as usize;
        if i < self.head.len() {
            let previous = self.head[i].checked_sub(1).unwrap_or(NO_PARENT);
            self.parents.push((rel, parent, previous));
            self.head[i] = self.parents.len() as u32;
        }
    }

    /// The ways into `node` at its depth: (relationship, the node one step nearer the root).
    fn ways_in(&self, node: NodeId) -> impl Iterator<Item = (RelId, NodeId)> + '_ {
        let mut next = self.head.get(node.0 as usize).and_then(|h| h.checked_sub(1)).unwrap_or(NO_PARENT);
        std::iter::from_fn(move || {
            let (rel, parent, after) = *self.parents.get(next as usize)?;
            next = after;
            Some((rel, parent))
        })
    }

    /// The relationships of every path from the root to `node` (nearest the root first),
    /// or only the first when not `all`.
    fn paths_to(&self, node: NodeId, all: bool) -> Result<Vec<Vec<RelId>>> {
        let mut out = Vec::new();
        let mut bytes = 0u64;
        let mut emit = |suffix: &[RelId], out: &mut Vec<Vec<RelId>>| -> Result<()> {
            // The shortest paths between two nodes can be exponentially many: their
            // memory is checked as they are found.
            bytes += suffix.len() as u64 * 4 + 24;
            crate::exec::memory::check_value(bytes)?;
            crate::exec::cancel::tick_running()?;
            out.push(suffix.iter().rev().copied().collect());
            Ok(())
        };
        if self.depth_of(node) == 0 {
            emit(&[], &mut out)?;
            return Ok(out);
        }
        // Depth first over the ways in, without recursion: a path may be as long as the
        // graph has nodes. `suffix` holds the relationships from `node` back to the level
        // on top of the stack.
        let mut suffix: Vec<RelId> = Vec::new();
        let mut stack: Vec<(Vec<(RelId, NodeId)>, usize)> = vec![(self.ways_in(node).collect(), 0)];
        while let Some((ways, next)) = stack.last_mut() {
            let Some(&(rel, parent)) = ways.get(*next) else {
                stack.pop();
                suffix.pop();
                continue;
            };
            *next += 1;
            suffix.push(rel);
            if self.depth_of(parent) == 0 {
                emit(&suffix, &mut out)?;
                suffix.pop();
                if !all {
                    break;
                }
                continue;
            }
            stack.push((self.ways_in(parent).collect(), 0));
        }
        Ok(out)
    }
}

pub struct ShortestPath {
    input: Box<dyn Operator>,
    path: PathSpec,
    all: bool,
    pending: std::vec::IntoIter<Row>,
    forward: Side,
    backward: Side,
    /// What the paths of the current input row hold until they are handed on.
    held: crate::exec::memory::Held,
    filters: Filters,
    /// One search per input row from `from`, binding `to` (see the module's comment).
    single_source: Option<Reached>,
}

/// The nodes one search from the bound end reached, handed on one at a time.
#[derive(Default)]
struct Reached {
    row: Row,
    /// The next of the forward side's `touched` nodes (in order of distance) to hand on.
    next: usize,
    /// The conditions a reached node must pass before its paths are built.
    end_filter: FusedFilter,
    /// The plan's number of rows after whose depth the search may stop (`stop_after`),
    /// and its value for the current input row.
    stop_after: Option<Expr>,
    enough: Option<u64>,
    /// The rows of the current input row handed on so far.
    handed: u64,
}

/// The WHERE's conditions on every node and every relationship of the path, checked as
/// the search reaches them, each with the element in its slot of a scratch row.
struct Filters {
    filters: Vec<ElementFilter>,
    scratch: Row,
}

impl Filters {
    fn allows(&mut self, element: Value, nodes: bool, graph: &Graph) -> Result<bool> {
        for filter in self.filters.iter().filter(|f| f.nodes == nodes) {
            self.scratch.set(filter.slot, element.clone());
            if eval(&filter.predicate, &self.scratch, graph)? != Value::Bool(!filter.negated) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn allows_step(&mut self, rel: RelId, next: NodeId, graph: &Graph) -> Result<bool> {
        if self.filters.is_empty() {
            return Ok(true);
        }
        Ok(self.allows(Value::Relationship(rel), false, graph)? && self.allows(Value::Node(next), true, graph)?)
    }
}

impl ShortestPath {
    pub fn new(input: Box<dyn Operator>, path: PathSpec, all: bool, filters: Vec<ElementFilter>) -> ShortestPath {
        ShortestPath {
            input,
            path,
            all,
            pending: Vec::new().into_iter(),
            forward: Side::default(),
            backward: Side::default(),
            held: Default::default(),
            filters: Filters { filters, scratch: Row::default() },
            single_source: None,
        }
    }

    /// The far end `to` left unbound: bound to each node one search from `from` reaches
    /// that passes `end_filter`.
    pub fn searching_from_one_end(self, end_filter: FusedFilter, stop_after: Option<Expr>) -> ShortestPath {
        ShortestPath { single_source: Some(Reached { end_filter, stop_after, ..Reached::default() }), ..self }
    }

    /// Starts a search from the row's `from`: the root is the forward side's first
    /// `touched` node, and `widen_further` adds the others a depth at a time. Returns
    /// whether the root may start a path.
    fn start_search(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<bool> {
        let Value::Node(from) = row.get(self.path.from).clone() else { return Ok(false) };
        let graph = ctx.graph();
        self.filters.scratch = row.clone();
        if !self.filters.allows(Value::Node(from), true, graph)? {
            return Ok(false);
        }
        self.forward.reset(from, graph.node_id_bound() as usize);
        Ok(true)
    }

    /// Widens the one-end search by a depth, unless it has nowhere left to go or reached
    /// the path's maximum length; returns whether it did.
    fn widen_further(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<bool> {
        let spec = &self.path;
        let length = u64::from(self.forward.level);
        if self.forward.frontier.is_empty() || spec.max.is_some_and(|m| length >= m) {
            return Ok(false);
        }
        if let Some(limit) = ctx.limits.max_path_length.filter(|&l| length >= l) {
            return Err(crate::limits::Limits::path_too_long(limit));
        }
        let nobody = Side::default();
        widen(&mut self.forward, &nobody, (ctx.graph(), &spec.step, &mut self.filters), row, self.all, ctx)?;
        Ok(true)
    }

    /// The next row of the current search: a reached node as `to`, with its path(s).
    fn next_reached(&mut self, ctx: &ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let graph = ctx.graph();
        loop {
            let Some(reached) = &mut self.single_source else { return Ok(None) };
            if let Some(row) = self.pending.next() {
                reached.handed += 1;
                return Ok(Some(row));
            }
            let Some(&node) = self.forward.touched.get(reached.next) else {
                // Every node of the depths searched so far has been handed on.
                if reached.enough.is_some_and(|k| reached.handed >= k) {
                    return Ok(None);
                }
                let row = reached.row.clone();
                if !self.widen_further(&row, ctx)? {
                    return Ok(None);
                }
                continue;
            };
            reached.next += 1;
            // The bound end itself is a path of length 0, which only `*0..` admits.
            if self.forward.depth_of(node) == 0 && self.path.min > 0 {
                continue;
            }
            let spec = &self.path;
            if !reached.end_filter.passes(&mut reached.row, &[(spec.to, Entity::Node(node))], graph)? {
                continue;
            }
            let mut rows = Vec::new();
            for mut rels in self.forward.paths_to(node, self.all)? {
                if spec.reversed {
                    rels.reverse();
                }
                let mut next = reached.row.clone();
                next.set(spec.to, Value::Node(node));
                next.set(spec.rel, Value::list(rels.into_iter().map(Value::Relationship).collect()));
                rows.push(next);
            }
            self.pending = rows.into_iter();
        }
    }

    fn search(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let spec = &self.path;
        let (Value::Node(from), Value::Node(to)) = (row.get(spec.from).clone(), row.get(spec.to).clone()) else {
            return Ok(Vec::new());
        };
        let with = |rels: &[RelId]| {
            let mut next = row.clone();
            next.set(spec.rel, Value::list(rels.iter().map(|r| Value::Relationship(*r)).collect()));
            next
        };
        let graph = ctx.graph();
        self.filters.scratch = row.clone();
        if !self.filters.allows(Value::Node(from), true, graph)?
            || !self.filters.allows(Value::Node(to), true, graph)?
        {
            return Ok(Vec::new());
        }
        if from == to {
            return Ok(if spec.min == 0 { vec![with(&[])] } else { Vec::new() });
        }
        let bound = graph.node_id_bound() as usize;
        self.forward.reset(from, bound);
        self.backward.reset(to, bound);
        let back_step = Step { direction: spec.step.direction.reversed(), ..spec.step.clone() };
        loop {
            let (forward, backward) = (&mut self.forward, &mut self.backward);
            if forward.frontier.is_empty() || backward.frontier.is_empty() {
                return Ok(Vec::new());
            }
            let length = u64::from(forward.level + backward.level);
            if spec.max.is_some_and(|m| length >= m) {
                return Ok(Vec::new());
            }
            if let Some(limit) = ctx.limits.max_path_length.filter(|&l| length >= l) {
                return Err(crate::limits::Limits::path_too_long(limit));
            }
            let filters = &mut self.filters;
            let meeting = if forward.frontier.len() <= backward.frontier.len() {
                widen(forward, backward, (graph, &spec.step, filters), row, self.all, ctx)?
            } else {
                widen(backward, forward, (graph, &back_step, filters), row, self.all, ctx)?
            };
            if !meeting.is_empty() {
                let paths = self.join(&meeting)?;
                return Ok(paths.iter().map(|rels| with(rels)).collect());
            }
        }
    }

    /// The shortest paths through the meeting nodes: the forward ways to each, then the
    /// backward ways from it (only the meeting nodes on the shortest total make a
    /// shortest path); one path unless `all`.
    fn join(&self, meeting: &[NodeId]) -> Result<Vec<Vec<RelId>>> {
        let length = |m: &NodeId| u64::from(self.forward.depth_of(*m)) + u64::from(self.backward.depth_of(*m));
        let shortest = meeting.iter().map(length).min().unwrap_or(u64::MAX);
        let mut out = Vec::new();
        let mut bytes = 0u64;
        for &node in meeting.iter().filter(|m| length(m) == shortest) {
            let tails = self.backward.paths_to(node, self.all)?;
            for head in self.forward.paths_to(node, self.all)? {
                for tail in &tails {
                    bytes += (head.len() + tail.len()) as u64 * 4 + 24;
                    crate::exec::memory::check_value(bytes)?;
                    out.push(head.iter().chain(tail.iter().rev()).copied().collect());
                    if !self.all {
                        return Ok(out);
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Widens `side` by one level along `step`; returns the newly reached nodes that `other`
/// has reached too. With `all`, every way into a new node at this level is kept, else
/// only the first.
fn widen(
    side: &mut Side,
    other: &Side,
    (graph, step, filters): (&Graph, &Step, &mut Filters),
    row: &Row,
    all: bool,
    ctx: &ExecCtx<'_, '_>,
) -> Result<Vec<NodeId>> {
    let depth = side.level + 1;
    let frontier = std::mem::take(&mut side.frontier);
    let mut meeting = Vec::new();
    for &node in &frontier {
        ctx.cancel.tick()?;
        for (rel, next) in step_candidates(graph, node, step, row)? {
            if side.depth_of(next) >= depth && !filters.allows_step(rel, next, graph)? {
                continue;
            }
            match side.depth_of(next) {
                UNSEEN => {
                    side.reach(next, depth);
                    side.add_parent(next, rel, node);
                    side.frontier.push(next);
                    if other.depth_of(next) != UNSEEN {
                        meeting.push(next);
                    }
                }
                d if d == depth && all => side.add_parent(next, rel, node),
                _ => {}
            }
        }
    }
    side.level = depth;
    Ok(meeting)
}

impl Operator for ShortestPath {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.single_source.is_some() {
            loop {
                if let Some(row) = self.next_reached(ctx)? {
                    return Ok(Some(row));
                }
                let Some(row) = self.input.next(ctx)? else { return Ok(None) };
                let reaches = self.start_search(&row, ctx)?;
                if let Some(reached) = &mut self.single_source {
                    // Past every touched node, with nothing to widen, when the root may
                    // not start a path.
                    reached.next = if reaches { 0 } else { self.forward.touched.len() };
                    if !reaches {
                        self.forward.frontier.clear();
                    }
                    reached.enough = match &reached.stop_after {
                        Some(rows) => match eval(rows, &row, ctx.graph())? {
                            Value::Int(n) if n >= 0 => Some(n as u64),
                            _ => None,
                        },
                        None => None,
                    };
                    reached.handed = 0;
                    reached.row = row;
                }
            }
        }
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.held.clear();
            let rows = self.search(&row, ctx)?;
            for row in &rows {
                self.held.add_row(row)?;
            }
            self.pending = rows.into_iter();
        }
    }
}

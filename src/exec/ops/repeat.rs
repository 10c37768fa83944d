//! `Repeat`: a quantified path pattern, `(x) ((a)-[r]->(b) WHERE …){1,3} (y)`.
//!
//! From the row's start node it walks the inner chain hop by hop, depth first without
//! recursion (paths can be long), each iteration starting where the last ended. A hop
//! checks only what needs no expression (direction, type, the far node's labels, every
//! relationship once); when an iteration is complete its singletons are set on a working
//! row and all of its conditions are checked there (inline properties and WHEREs, the
//! inner WHERE), since any of them may read any of the iteration's variables.

use std::collections::HashSet;

use super::var_expand::excluded;
use crate::binder::bound::{NodePattern, RelPattern, Slot};
use crate::error::Result;
use crate::exec::memory::Held;
use crate::exec::pattern::{node_fits, passes, rel_fits, step_candidates};
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::{RepeatSpec, Step};
use crate::store::{Graph, NodeId, RelId};
use crate::value::Value;

/// Where a group variable's singleton stands in the inner pattern (in its own order).
#[derive(Clone, Copy)]
enum Position {
    Node(usize),
    Rel(usize),
}

/// The inner pattern in the order it is walked (reversed when the plan goes right to left).
struct Walk {
    nodes: Vec<NodePattern>,
    rels: Vec<RelPattern>,
    /// What each hop may follow: direction (as walked) and types; properties are checked
    /// with the iteration.
    steps: Vec<Step>,
}

impl Walk {
    fn of(spec: &RepeatSpec) -> Walk {
        let (mut nodes, mut rels) = (spec.pattern.nodes.clone(), spec.pattern.rels.clone());
        if spec.reversed {
            nodes.reverse();
            rels.reverse();
        }
        let steps = rels
            .iter()
            .map(|rel| Step {
                direction: if spec.reversed { rel.direction.reversed() } else { rel.direction },
                types: rel.types.clone(),
                properties: Vec::new(),
                filters: Vec::new(),
            })
            .collect();
        Walk { nodes, rels, steps }
    }

    fn hops(&self) -> usize {
        self.rels.len()
    }
}

/// The path walked so far: its nodes (one more than its relationships) and the
/// relationships it holds, for the every-relationship-once rule.
struct Trail {
    nodes: Vec<NodeId>,
    rels: Vec<RelId>,
    used: HashSet<RelId>,
}

impl Trail {
    fn push(&mut self, rel: RelId, node: NodeId) {
        self.rels.push(rel);
        self.nodes.push(node);
        self.used.insert(rel);
    }

    fn pop(&mut self) {
        if let Some(rel) = self.rels.pop() {
            self.used.remove(&rel);
        }
        self.nodes.pop();
    }
}

pub struct Repeat {
    input: Box<dyn Operator>,
    matcher: RepeatMatcher,
    into: bool,
    exclude: Vec<Slot>,
    pending: std::vec::IntoIter<Row>,
    /// What the matches of the current input row hold (all are found before the first is
    /// handed on).
    held: Held,
}

impl Repeat {
    pub fn new(input: Box<dyn Operator>, spec: RepeatSpec, into: bool, exclude: Vec<Slot>) -> Repeat {
        let matcher = RepeatMatcher::new(spec);
        Repeat { input, matcher, into, exclude, pending: Vec::new().into_iter(), held: Held::default() }
    }

    /// Every match from the row's start node, as rows.
    fn expand(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let target = match (self.into, row.get(self.matcher.spec.to)) {
            (true, Value::Node(id)) => Some(*id),
            (true, _) => return Ok(Vec::new()),
            (false, _) => None,
        };
        let exclude = excluded(row, &self.exclude);
        let search = Search { target, exclude: &exclude, limit: ctx.limits.max_path_length };
        self.matcher.matches(row, &search, ctx.graph(), &mut || ctx.cancel.tick(), &mut self.held)
    }
}

/// What one search looks for besides the pattern: the end node when it is bound, the
/// relationships it may not take (the MATCH's others), and the longest path allowed.
pub struct Search<'a> {
    pub target: Option<NodeId>,
    pub exclude: &'a HashSet<RelId>,
    pub limit: Option<u64>,
}

/// The walk of one quantified path pattern, shared by the `Repeat` operator and the
/// pattern matcher of expressions (`EXISTS { (a) ((x)-->(y))+ (b) }` inside an `OR`).
pub struct RepeatMatcher {
    spec: RepeatSpec,
    walk: Walk,
    groups: Vec<(Slot, Position)>,
}

impl RepeatMatcher {
    pub fn new(spec: RepeatSpec) -> RepeatMatcher {
        let pattern = &spec.pattern;
        let groups = pattern
            .groups
            .iter()
            .filter_map(|(singleton, group)| {
                let node = pattern.nodes.iter().position(|n| n.slot == *singleton).map(Position::Node);
                let position =
                    node.or_else(|| pattern.rels.iter().position(|r| r.slot == *singleton).map(Position::Rel));
                position.map(|p| (*group, p))
            })
            .collect();
        let walk = Walk::of(&spec);
        RepeatMatcher { spec, walk, groups }
    }

    /// Every match from the row's start node, as rows (each charged to `held`); `tick`
    /// is called once per candidate, so that a long search can be cancelled.
    pub fn matches(
        &self,
        row: &Row,
        search: &Search<'_>,
        graph: &Graph,
        tick: &mut dyn FnMut() -> Result<()>,
        held: &mut Held,
    ) -> Result<Vec<Row>> {
        let Value::Node(start) = *row.get(self.spec.from) else { return Ok(Vec::new()) };
        let Search { target, exclude, limit } = *search;
        let (min, max, hops) = (self.spec.min, self.spec.max, self.walk.hops());
        let mut trail = Trail { nodes: vec![start], rels: Vec::new(), used: HashSet::new() };
        let mut out = Vec::new();
        if min == 0 && target.is_none_or(|t| t == start) {
            out.push(self.emit(row, &trail, start));
            held.add_row(&out[0])?;
        }
        if max == Some(0) || !labels_fit(&self.walk.nodes[0], start, graph) {
            return Ok(out);
        }
        let mut work = row.clone();
        // The search's stack holds the candidates of every hop of the path.
        let mut stack_held = Held::default();
        let first = step_candidates(graph, start, &self.walk.steps[0], row)?;
        stack_held.add(level_bytes(&first))?;
        let mut stack = vec![(first, 0usize)];
        while let Some((candidates, next)) = stack.last_mut() {
            tick()?;
            let Some(&(rel, far)) = candidates.get(*next) else {
                stack_held.remove(level_bytes(candidates));
                stack.pop();
                if !stack.is_empty() {
                    trail.pop();
                }
                continue;
            };
            *next += 1;
            let hop = trail.rels.len();
            let at = hop % hops;
            if trail.used.contains(&rel) || exclude.contains(&rel) || !labels_fit(&self.walk.nodes[at + 1], far, graph)
            {
                continue;
            }
            trail.push(rel, far);
            let next_step = if at + 1 < hops {
                Some(at + 1)
            } else if !self.iteration_holds(hop / hops, &trail, &mut work, graph)? {
                None
            } else {
                let done = (hop / hops) as u64 + 1;
                if done >= min && target.is_none_or(|t| t == far) {
                    let found = self.emit(row, &trail, far);
                    held.add_row(&found)?;
                    out.push(found);
                }
                let more = max.is_none_or(|m| done < m) && labels_fit(&self.walk.nodes[0], far, graph);
                more.then_some(0)
            };
            let Some(step) = next_step else {
                trail.pop();
                continue;
            };
            let candidates = step_candidates(graph, far, &self.walk.steps[step], row)?;
            if let Some(limit) = limit.filter(|&l| trail.rels.len() as u64 >= l) {
                if candidates.iter().any(|(r, _)| !trail.used.contains(r) && !exclude.contains(r)) {
                    return Err(crate::limits::Limits::path_too_long(limit));
                }
            }
            stack_held.add(level_bytes(&candidates) + 8)?;
            stack.push((candidates, 0));
        }
        Ok(out)
    }

    /// Whether iteration `i` of the trail meets every condition of the inner pattern, its
    /// singletons set on `work`.
    fn iteration_holds(&self, i: usize, trail: &Trail, work: &mut Row, graph: &Graph) -> Result<bool> {
        let hops = self.walk.hops();
        let mut assigned: Vec<(Slot, Value)> = Vec::new();
        let nodes = self.walk.nodes.iter().enumerate().map(|(w, n)| (n.slot, Value::Node(trail.nodes[i * hops + w])));
        let rels =
            self.walk.rels.iter().enumerate().map(|(w, r)| (r.slot, Value::Relationship(trail.rels[i * hops + w])));
        for (slot, value) in nodes.chain(rels) {
            // A variable named twice inside (`((a)-->(a))`) is one entity.
            if let Some((_, earlier)) = assigned.iter().find(|(s, _)| *s == slot) {
                if *earlier != value {
                    return Ok(false);
                }
                continue;
            }
            work.set(slot, value.clone());
            assigned.push((slot, value));
        }
        for (w, node) in self.walk.nodes.iter().enumerate() {
            let id = trail.nodes[i * hops + w];
            if !node_fits(node, id, work, graph)? || !passes(node.filter.as_ref(), work, graph)? {
                return Ok(false);
            }
        }
        for (w, rel) in self.walk.rels.iter().enumerate() {
            let Some(entry) = graph.rel(trail.rels[i * hops + w]) else { return Ok(false) };
            if !rel_fits(rel, &entry, work, graph)? || !passes(rel.filter.as_ref(), work, graph)? {
                return Ok(false);
            }
        }
        passes(self.spec.pattern.filter.as_ref(), work, graph)
    }

    /// The input row with the match: the end node, every relationship in the pattern's
    /// order, and each group's list.
    fn emit(&self, row: &Row, trail: &Trail, end: NodeId) -> Row {
        let (mut nodes, mut rels) = (trail.nodes.clone(), trail.rels.clone());
        if self.spec.reversed {
            nodes.reverse();
            rels.reverse();
        }
        let mut next = row.clone();
        next.set(self.spec.to, Value::Node(end));
        next.set(self.spec.rel, Value::list(rels.iter().map(|r| Value::Relationship(*r)).collect()));
        let hops = self.walk.hops();
        let iterations = rels.len() / hops.max(1);
        for (group, position) in &self.groups {
            let values = (0..iterations)
                .map(|i| match position {
                    Position::Node(p) => Value::Node(nodes[i * hops + p]),
                    Position::Rel(p) => Value::Relationship(rels[i * hops + p]),
                })
                .collect();
            next.set(*group, Value::list(values));
        }
        next
    }
}

/// Whether `node` carries the pattern's labels (its other conditions wait for the iteration).
fn labels_fit(pattern: &NodePattern, node: NodeId, graph: &Graph) -> bool {
    pattern.labels.iter().all(|label| label.resolve(graph.catalog()).is_some_and(|l| graph.node_has_label(node, l)))
}

/// What one level of the search keeps: its candidates.
fn level_bytes(candidates: &[(RelId, NodeId)]) -> u64 {
    candidates.len() as u64 * std::mem::size_of::<(RelId, NodeId)>() as u64 + 40
}

impl Operator for Repeat {
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

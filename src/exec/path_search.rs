//! The depth-first search for the paths of a variable-length step, resumable: each call
//! of [`PathSearch::next`] walks on to the next path and stops there, so that a caller can
//! hand on one path at a time (`VarExpand`, whose input row may have millions of paths)
//! and stop the search early (a LIMIT above it). Its memory is the stack of the path's
//! levels, bounded by the path's length, never the paths found.
//!
//! [`super::pattern::paths`], which `VarExpandCount`, `VarExpandEnds` and pattern
//! predicates use, is a loop over this search, so every caller sees the same paths in
//! the same order.

use std::collections::HashSet;

use super::memory::Held;
use super::pattern::step_candidates_where;
use super::row::Row;
use super::step_filter::StepFilter;
use crate::error::Result;
use crate::planner::Step;
use crate::store::{Graph, NodeId, RelId};

/// Where the search stands between two calls of [`PathSearch::next`].
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Nothing done yet: the empty path (for `min` 0) comes first.
    Start,
    /// The path ends at this node and may grow from it (it was just handed on, or is
    /// shorter than `min`).
    Grow(NodeId),
    /// Trying the next candidate of the deepest level.
    Walk,
    /// Every path was found, or the caller was handed the last one it wanted.
    Done,
}

/// One level of the path: the relationships the step may take from its node, and the
/// index of the next to try.
struct Level {
    candidates: Vec<(RelId, NodeId)>,
    next: usize,
}

/// The state of the search for the paths of `min..=max` relationships from one node,
/// each relationship at most once and none in `exclude`. It holds no borrow of the graph,
/// the step or the row: the caller passes them to every call (the same ones each time).
pub struct PathSearch {
    start: NodeId,
    min: u64,
    max: Option<u64>,
    /// A path that could grow past this many relationships is a `LimitExceeded` error.
    limit: Option<u64>,
    exclude: HashSet<RelId>,
    filter: StepFilter,
    path: Vec<RelId>,
    stack: Vec<Level>,
    phase: Phase,
    /// What the stack holds, released as its levels are let go.
    held: Held,
}

/// What one level of the search keeps: its candidates, and its relationship in the path.
fn level_bytes(candidates: &[(RelId, NodeId)]) -> u64 {
    candidates.len() as u64 * std::mem::size_of::<(RelId, NodeId)>() as u64 + 48
}

impl PathSearch {
    /// The search from `start` for the paths of `step` from `row` (whose conditions the
    /// step's filters read), of `min..=max` relationships, none longer than `limit`.
    pub fn new(
        start: NodeId,
        step: &Step,
        row: &Row,
        (min, max, limit): (u64, Option<u64>, Option<u64>),
        exclude: HashSet<RelId>,
    ) -> PathSearch {
        PathSearch {
            start,
            min,
            max,
            limit,
            exclude,
            filter: StepFilter::new(&step.filters, row),
            path: Vec::new(),
            stack: Vec::new(),
            phase: Phase::Start,
            held: Held::default(),
        }
    }

    /// The relationships of the path [`PathSearch::next`] last returned, in walking order.
    pub fn path(&self) -> &[RelId] {
        &self.path
    }

    /// Walks on to the next path and returns its end node (its relationships are
    /// [`PathSearch::path`]), or `None` when there are no more. `graph`, `step` and `row`
    /// must be those the search was made for.
    pub fn next(&mut self, graph: &Graph, step: &Step, row: &Row) -> Result<Option<NodeId>> {
        loop {
            match self.phase {
                Phase::Start => {
                    self.phase = Phase::Grow(self.start);
                    if self.min == 0 {
                        return Ok(Some(self.start));
                    }
                }
                Phase::Grow(node) => {
                    self.grow(graph, step, row, node)?;
                    self.phase = Phase::Walk;
                }
                Phase::Walk => {
                    if let Some(end) = self.walk()? {
                        return Ok(Some(end));
                    }
                }
                Phase::Done => return Ok(None),
            }
        }
    }

    /// Pushes the level of the candidates from `node`, where the path ends, if the path
    /// may grow; otherwise takes its last relationship off.
    fn grow(&mut self, graph: &Graph, step: &Step, row: &Row, node: NodeId) -> Result<()> {
        let len = self.path.len() as u64;
        if self.max.is_some_and(|m| len >= m) {
            self.path.pop();
            return Ok(());
        }
        let candidates = step_candidates_where(graph, node, step, row, &mut self.filter)?;
        if let Some(limit) = self.limit.filter(|&l| len > 0 && len >= l) {
            if candidates.iter().any(|(r, _)| self.may_take(*r)) {
                return Err(crate::limits::Limits::path_too_long(limit));
            }
        }
        self.held.add(level_bytes(&candidates))?;
        self.stack.push(Level { candidates, next: 0 });
        Ok(())
    }

    /// Tries the next candidate of the deepest level: `Some(end)` when it makes a path
    /// long enough to hand on (the search then grows from `end` on the next call), `None`
    /// when the candidate was skipped, the level was let go, or the search is over.
    fn walk(&mut self) -> Result<Option<NodeId>> {
        // Paths can be searched for a very long time, inside an expression too.
        super::cancel::tick_running()?;
        let Some(level) = self.stack.last_mut() else {
            self.phase = Phase::Done;
            return Ok(None);
        };
        let Some(&(rel, other)) = level.candidates.get(level.next) else {
            self.held.remove(level_bytes(&level.candidates));
            self.stack.pop();
            self.path.pop();
            return Ok(None);
        };
        level.next += 1;
        if !self.may_take(rel) {
            return Ok(None);
        }
        self.path.push(rel);
        self.phase = Phase::Grow(other);
        if self.path.len() as u64 >= self.min {
            return Ok(Some(other));
        }
        Ok(None)
    }

    /// Whether the path may take `rel`: not yet in it, nor one of the MATCH's others.
    fn may_take(&self, rel: RelId) -> bool {
        !self.path.contains(&rel) && !self.exclude.contains(&rel)
    }
}

#[cfg(test)]
#[path = "path_search_tests.rs"]
mod tests;

//! Where a pattern part starts: first by how the node is found (bound already, then a
//! key seek, then a label scan, then all nodes), and among nodes found alike, the one from
//! which matching the whole part is estimated to produce the fewest intermediate rows.
//!
//! The estimate walks the plan `plan_part` would build from each candidate start (the
//! start operator, then the expansions right, then left) and adds up the rows each step
//! is guessed to produce, from the graph's counts: nodes per label, relationships per
//! type, and a fixed selectivity per WHERE condition once its variables are bound. It is
//! a guess (no histograms, no correlation), but it is enough to start at a key seek, at a
//! bound node, or at the side of a pattern where filters cut rows before an expansion.

use std::collections::HashSet;

use super::build::Planner;
use super::pattern::Access;
use super::predicates::Conjunct;
use crate::binder::bound::{NodePattern, PatternPart, RelPattern, Slot};
use crate::syntax::ast::RelDirection;

impl Planner<'_> {
    /// The index of the node of `part` to start at; the first of equally cheap ones.
    pub(super) fn choose_start(&self, part: &PatternPart, pending: &[Conjunct]) -> usize {
        let mut best = (0, (u8::MAX, f64::INFINITY));
        for start in 0..part.nodes.len() {
            let rank = match self.access(&part.nodes[start], pending) {
                Access::Bound => 0,
                Access::InlineKey(..) | Access::KeyCondition(..) => 1,
                Access::IndexSeek(seek) if seek.seek.is_point() => 1,
                Access::IndexSeek(_) => 2,
                Access::Label(_) => 2,
                Access::AllNodes => 3,
            };
            let cost = (rank, self.cost_from(part, start, pending));
            if cost.0 < best.1 .0 || (cost.0 == best.1 .0 && cost.1 < best.1 .1) {
                best = (start, cost);
            }
        }
        best.0
    }

    /// The rows the part is guessed to produce, summed over its operators, when it starts
    /// at node `start`.
    fn cost_from(&self, part: &PatternPart, start: usize, pending: &[Conjunct]) -> f64 {
        let mut bound = self.bound.clone();
        let mut waiting: Vec<&Conjunct> = pending.iter().filter(|c| !c.ready(&bound)).collect();
        let node = &part.nodes[start];
        let mut rows = match self.access(node, pending) {
            Access::Bound => 1.0,
            Access::InlineKey(..) => 1.0,
            Access::KeyCondition(i, condition) => {
                waiting.retain(|c| !std::ptr::eq(*c, &pending[i]));
                condition.rows()
            }
            Access::IndexSeek(seek) => {
                let label_nodes = seek.label.id.map_or(0, |id| self.stats.label_count(id));
                seek.seek.rows(label_nodes as f64)
            }
            Access::Label(_) => self.nodes_matching(node),
            Access::AllNodes => self.stats.node_count() as f64,
        };
        let mut cost = rows;
        bound.insert(node.slot);
        rows *= newly_ready(&mut waiting, &bound);
        let right = (start..part.rels.len()).map(|i| (&part.rels[i], &part.nodes[i], &part.nodes[i + 1]));
        let left = (0..start).rev().map(|i| (&part.rels[i], &part.nodes[i + 1], &part.nodes[i]));
        for (rel, from, to) in right.chain(left) {
            rows *= self.expansion_factor(rel, from);
            cost += rows;
            if bound.contains(&to.slot) {
                // Only the relationships reaching the bound node are kept.
                rows /= self.nodes_matching(to).max(1.0);
            } else {
                // A typed relationship is taken to reach the labels it is declared for.
                let labels = if rel.types.is_empty() { self.label_selectivity(to) } else { 1.0 };
                rows *= labels * 0.1f64.powi(to.properties.len() as i32);
            }
            bound.extend([rel.slot, to.slot]);
            rows *= newly_ready(&mut waiting, &bound);
            cost += rows;
        }
        cost
    }

    /// The nodes a node pattern's labels allow (the label with the fewest).
    fn nodes_matching(&self, node: &NodePattern) -> f64 {
        let counts = node.labels.iter().map(|l| l.id.map_or(0, |id| self.stats.label_count(id)));
        counts.min().unwrap_or_else(|| self.stats.node_count()) as f64
    }

    /// The fraction of all nodes that carry the node pattern's labels.
    fn label_selectivity(&self, node: &NodePattern) -> f64 {
        if node.labels.is_empty() {
            return 1.0;
        }
        self.nodes_matching(node) / (self.stats.node_count().max(1) as f64)
    }

    /// The relationships a node matching `from` is guessed to have that fit `rel`, for
    /// each step of a variable-length relationship: those of its types spread over the
    /// nodes `from` allows (a type is taken to join the labels it is used with), or, for
    /// any type, every relationship spread over every node.
    fn expansion_factor(&self, rel: &RelPattern, from: &NodePattern) -> f64 {
        let (rels, nodes) = if rel.types.is_empty() {
            (self.stats.rel_count(), self.stats.node_count() as f64)
        } else {
            let rels = rel.types.iter().filter_map(|t| t.id).map(|id| self.stats.rel_type_count(id)).sum();
            (rels, self.nodes_matching(from))
        };
        let mut per_node = rels as f64 / nodes.max(1.0);
        if rel.direction == RelDirection::Both {
            per_node *= 2.0;
        }
        per_node *= 0.1f64.powi(rel.properties.len() as i32);
        match rel.length {
            None => per_node,
            Some((_, max)) => per_node.powi(max.unwrap_or(3).clamp(1, 4) as i32),
        }
    }
}

/// The product of the selectivities of the waiting conditions that `bound` now makes
/// checkable; they stop waiting.
fn newly_ready(waiting: &mut Vec<&Conjunct>, bound: &HashSet<Slot>) -> f64 {
    let mut factor = 1.0;
    waiting.retain(|c| {
        let ready = c.ready(bound);
        if ready {
            factor *= c.selectivity();
        }
        !ready
    });
    factor
}

//! The order in which the parts of one MATCH are planned, so that a cartesian product is
//! made only where the query asks for one.
//!
//! Parts are planned one after the other, each over the rows of those before it. A part
//! that shares no variable with what is bound multiplies the rows by its own: right for
//! `MATCH (a:A), (b:B)` (the query asks for every pair), wasteful for
//! `MATCH (a:A), (b:B), (a)-->(b)`, where planning the third part second expands from `a`
//! instead of pairing every `a` with every `b` first. So the next part is always one
//! connected to what is bound when there is one (the first written); otherwise a new
//! group of connected parts begins, the group of the first part left, at its part with
//! the cheapest start (a greedy choice, as Neo4j's planner makes across parts). Groups
//! keep their written order, so a product the query asks for pairs rows as written.

use std::collections::HashSet;

use super::build::Planner;
use crate::binder::bound::{PatternPart, Slot};

impl Planner<'_> {
    /// `parts` in the order to plan them.
    pub(super) fn order_parts<'p>(&self, parts: &'p [PatternPart]) -> Vec<&'p PatternPart> {
        let mut bound: HashSet<Slot> = self.bound.clone();
        let mut left: Vec<&PatternPart> = parts.iter().collect();
        let mut order = Vec::with_capacity(parts.len());
        while let Some(first) = left.first().copied() {
            let next = match left.iter().position(|p| shares(p, &bound)) {
                Some(i) => i,
                None => self.cheapest_of_group(&left, first),
            };
            let part = left.remove(next);
            bound.extend(slots(part));
            order.push(part);
        }
        order
    }

    /// The index in `left` of the part with the cheapest start among those connected to
    /// `first` (through shared variables, directly or not); the first written on a tie.
    fn cheapest_of_group(&self, left: &[&PatternPart], first: &PatternPart) -> usize {
        let mut group: HashSet<Slot> = slots(first).collect();
        let mut members = vec![0];
        let mut grown = true;
        while grown {
            grown = false;
            for (i, part) in left.iter().enumerate() {
                if !members.contains(&i) && shares(part, &group) {
                    group.extend(slots(part));
                    members.push(i);
                    grown = true;
                }
            }
        }
        members.sort_unstable();
        let est = self.estimator();
        let start_rows = |part: &PatternPart| part.nodes.iter().map(|n| est.node_rows(n)).fold(f64::INFINITY, f64::min);
        let mut best = members[0];
        for &i in &members[1..] {
            if start_rows(left[i]) < start_rows(left[best]) {
                best = i;
            }
        }
        best
    }
}

/// The variables a part binds: its nodes, relationships and path.
fn slots(part: &PatternPart) -> impl Iterator<Item = Slot> + '_ {
    part.nodes.iter().map(|n| n.slot).chain(part.rels.iter().map(|r| r.slot)).chain(part.path)
}

fn shares(part: &PatternPart, bound: &HashSet<Slot>) -> bool {
    slots(part).any(|s| bound.contains(&s))
}

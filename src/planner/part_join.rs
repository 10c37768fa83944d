//! Hash joins across pattern parts and MATCH clauses: a part that shares nodes with what
//! is already bound, planned on its own from its selective end, once, and joined by hash
//! on the shared nodes.
//!
//! `join.rs` joins two intervals of one chain. Here the probe side is everything bound
//! before the part: the parts of the MATCH planned before it (`part_order.rs`) or an
//! earlier MATCH clause. In
//! `MATCH (a:Person {id: $x})-[:KNOWS]->(f), (b:Person {id: $y})-[:KNOWS]->(f)` (or the
//! same as two MATCH clauses, or `MATCH (a {id: $x})-->(m) MATCH (m)-->(b {id: $y})`)
//! the second part would otherwise be expanded from `f` for every row of the first,
//! reading the in-degree of every friend of `a`, hubs included, to keep those that `b`
//! knows; planned on its own it starts at `b` (a key seek), reads `b`'s few friends once,
//! and the join keeps the rows that meet on `f`.
//!
//! The choice is by cost, in the units of `start.rs`: expanding costs the probe side's
//! estimated rows times the part's cost per row with its shared nodes bound; joining
//! costs the part's cost on its own, its rows (hashed), the probe rows (looked up) and
//! the joined rows twice (made, then checked), as `join.rs` counts a join.
//! WHERE conditions that read only the part's own variables are checked inside the build
//! side, before the join (pushed into it); those that read the probe side's too after it.
//! Relationships of the build side are checked to differ from those the same MATCH bound
//! before it, after the join.
//!
//! Only a part that can be built once is joined: no variable-length, quantified or
//! shortest relationship, no selector, no relationship bound before, and inline
//! properties that are constants. A part that shares nothing with what is bound is never
//! joined (that is a cartesian product, made only where the query asks for one).

use super::build::Planner;
use super::cardinality::plan_rows_from;
use super::predicates::{fixed_before, Conjunct};
use super::start::Order;
use super::{LogicalOp, Options};
use crate::binder::bound::{PatternPart, Slot};
use crate::error::Result;

impl Planner<'_> {
    /// The order to build `part` in on its own when joining it to `input` by hash on its
    /// bound nodes is estimated cheaper than expanding it from them per row.
    pub(super) fn choose_part_join(
        &mut self,
        input: &LogicalOp,
        part: &PatternPart,
        pending: &[Conjunct],
    ) -> Option<Order> {
        let scale = match self.options {
            Options::Cost => 1.0,
            Options::PreferJoins => 0.01,
            _ => return None,
        };
        if self.join_keys(part).is_empty() || !self.buildable(part) {
            return None;
        }
        let bound_here = self.costed_order(part, pending);
        let probe_rows = plan_rows_from(input, self.argument_rows, self.stats);
        // Matched per row, the part may itself join two of its intervals (`join.rs`),
        // its build side run once: that is the way to beat, when cheaper than expanding.
        let inner_join = self.choose_costed_join(part, pending, probe_rows).map(|(_, cost)| cost);
        let per_row = inner_join.map_or(bound_here.cost, |cost| cost.min(bound_here.cost));
        let outer = std::mem::take(&mut self.bound);
        let alone = self.costed_order(part, pending);
        self.bound = outer;
        // The shared node the probe side reached by following relationships is likely a
        // hub: expanding the part from it, and the rows either way, are priced with the
        // skew (not when the part starts elsewhere and only checks what meets it).
        let start = part.nodes[bound_here.order.start].slot;
        let skew = self.skew_at_keys(input, part, &[start]);
        let expand = probe_rows * per_row * skew;
        let join = scale * (alone.cost + alone.rows + probe_rows + 2.0 * probe_rows * bound_here.rows * skew);
        (join < expand * (1.0 - 1e-9)).then_some(alone.order)
    }

    /// The part's nodes bound before it, each once, in slot order: the join's keys.
    fn join_keys(&self, part: &PatternPart) -> Vec<Slot> {
        let mut keys: Vec<Slot> = part.nodes.iter().map(|n| n.slot).filter(|s| self.bound.contains(s)).collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Whether `part` can be planned from nothing bound, once, and joined.
    fn buildable(&self, part: &PatternPart) -> bool {
        let nothing = std::collections::HashSet::new();
        let constant = |props: &[(crate::binder::bound::PropKeyRef, crate::binder::bound::Expr)]| {
            props.iter().all(|(_, value)| fixed_before(value, &nothing))
        };
        part.selector.is_none()
            && part.shortest.is_none()
            && part.path.is_none_or(|p| !self.bound.contains(&p))
            && part.rels.iter().all(|r| {
                r.length.is_none() && r.quantified.is_none() && !self.bound.contains(&r.slot) && constant(&r.properties)
            })
            && part.nodes.iter().all(|n| constant(&n.properties))
    }

    /// `part` planned in `order` from nothing bound, joined to `probe` on its bound nodes,
    /// with the conditions that read only the part placed inside the build side.
    pub(super) fn plan_part_join(
        &mut self,
        probe: LogicalOp,
        part: &PatternPart,
        order: Order,
        pending: &mut Vec<Conjunct>,
    ) -> Result<LogicalOp> {
        let keys = self.join_keys(part);
        let outer_bound = std::mem::take(&mut self.bound);
        let outer_rels = std::mem::take(&mut self.match_rels);
        let built = self.plan_start(LogicalOp::Start, &part.nodes[order.start], pending);
        let built = self
            .plan_steps(built, part, &order.steps, (order.start, order.start))
            .map(|op| self.place_ready(op, pending));
        let build_bound = std::mem::replace(&mut self.bound, outer_bound);
        let build_rels = std::mem::replace(&mut self.match_rels, outer_rels);
        let build = built?;
        let op = self.hash_join(probe, build, keys, part, (build_bound, build_rels));
        let op = self.with_path(op, part, pending);
        Ok(self.place_ready(op, pending))
    }
}

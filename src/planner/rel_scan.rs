//! Starting a pattern part at a relationship: a scan of the relationship's types in the
//! order the store keeps them (`RelationshipTypeScan`), which binds the relationship and
//! both its ends, its conditions tested down the type's columns before any end is read.
//!
//! It pays where the part's most selective (or only) conditions are on a relationship:
//! `MATCH (:Person)-[m:MEMBER_OF]->(o) WHERE m.year >= $y RETURN avg(m.weight)` reads the
//! type's `year` column front to back instead of reaching every membership from a node
//! scan (and, from the incoming side, reading its year at a scattered row).
//!
//! The choice is by cost, in the units of `start.rs`: the scan reads each relationship of
//! its types once (twice for an undirected pattern: each orientation is a candidate), as
//! an expansion reads its candidates, the rows after its checks count as an interval's
//! rows do, and the part then grows from the two ends by the same interval dynamic
//! programming as a node start; the scan is taken when that is cheaper than the best node
//! start (a label scan and expansions, `start.rs`). Only a relationship whose conditions read its properties is
//! considered: without them a node start's plan is what the counting rewrites answer from
//! degrees and counts (`rewrite.rs`, `column_aggregate.rs`), which this estimate cannot see.

use super::build::{boxed, Planner};
use super::logical_text::type_text;
use super::pattern::node_predicate;
use super::predicates::{conjunction, Conjunct};
use super::start::{reads_property_of, Side};
use super::{ColumnSource, LogicalOp, Options};
use crate::binder::bound::{PatternPart, RelPattern, RelTypeRef, Slot, Type};
use crate::syntax::ast::RelDirection;

/// What a candidate of a relationship-type scan costs, in the units of an expansion's
/// candidate. The scan reads a chunk of the type's columns front to back and tests its
/// conditions down them, with no row and no end read, where an expansion reads each
/// candidate's properties at its position: timed in session 12 (BENCHMARKS.md, branch
/// `filters`, the same queries forced to each start with `query_loop --planner`) at 0.05
/// to 0.46 of the Person start's time per relationship, and in session 13 at 0.35 (a
/// filtered `KNOWS` count at M: 34 ms of CPU by the scan, 99 ms by the node start). It is
/// set above that, at 0.6, since a node scan's candidate, read by the same kind of column
/// loop, is priced at 1: at 0.35 a scan of a small type undercut a label scan filtered to
/// one node in `planner_random`'s graphs.
const SCAN_READ: f64 = 0.6;

/// What each relationship that passes the scan's own conditions costs beyond its read, in
/// the same units: its ends read and checked (labels, their conditions) and, when they
/// pass, a row bound with all three. With it the scan's cost grows with the rows it
/// checks and hands on, so a scan of a small type whose conditions pass many of its
/// relationships no longer undercuts a start at one node found by its key or a filter
/// (session 12 left `SCAN_READ` at 1.5 for want of it: at 0.5 alone such scans beat
/// those starts in `planner_random`).
const SCAN_ROW: f64 = 1.0;

/// What a `RelationshipTypeScan` binds: each relationship of `types` into `rel`, its start
/// node into `start` and its end node into `end`; when `undirected`, each relationship
/// also the other way round (its end into `start`, its start into `end`), except a
/// self-loop, which an undirected pattern matches once.
#[derive(Debug, Clone, PartialEq)]
pub struct RelScan {
    pub rel: Slot,
    pub start: Slot,
    pub end: Slot,
    pub types: Vec<RelTypeRef>,
    pub undirected: bool,
}

impl RelScan {
    /// The types the scan reads, each once (`[:A|A]` reads A once, as an expansion
    /// follows each relationship once); every type of the graph when the pattern names
    /// none (`()-[r]->()`). Resolved when the scan starts: the statement may have made one.
    pub fn type_ids(&self, catalog: &crate::store::Catalog) -> Vec<crate::store::RelTypeId> {
        if self.types.is_empty() {
            return (0..catalog.rel_types.len() as u32).map(crate::store::RelTypeId).collect();
        }
        let mut types = Vec::new();
        for ty in self.types.iter().filter_map(|t| t.resolve(catalog)) {
            if !types.contains(&ty) {
                types.push(ty);
            }
        }
        types
    }

    /// EXPLAIN's text: `(a)-[r:T]->(b)`, or `(a)-[r:T]-(b)` undirected.
    pub(super) fn describe(&self, name: &dyn Fn(Slot) -> String) -> String {
        let arrow = if self.undirected { "-" } else { "->" };
        let (start, rel, end) = (name(self.start), name(self.rel), name(self.end));
        format!("({start})-[{rel}{}]{arrow}({end})", type_text(&self.types))
    }
}

/// The relationship a part starts at and the expansions after it, from its two ends.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RelScanOrder {
    /// The relationship's place in the part: it joins nodes `index` and `index + 1`.
    pub index: usize,
    pub steps: Vec<Side>,
    pub cost: f64,
}

impl Planner<'_> {
    /// The relationship of `part` to start at by a scan of its types, with the order of
    /// the expansions after it, when that is estimated cheaper than the best node start.
    pub(super) fn choose_rel_scan(&self, part: &PatternPart, pending: &[Conjunct]) -> Option<RelScanOrder> {
        let scale = match self.options {
            Options::Cost | Options::CostWithoutJoins | Options::PreferJoins | Options::PreferStoredFolds => 1.0,
            Options::PreferRelScans => 0.01,
            Options::FirstNode | Options::LastNode => return None,
        };
        if part.selector.is_some() || part.shortest.is_some() {
            return None;
        }
        let candidates: Vec<usize> = (0..part.rels.len()).filter(|&i| self.scannable(part, i, pending)).collect();
        if candidates.is_empty() {
            return None;
        }
        let node_start = self.costed_order(part, pending).cost;
        let figures = self.figures(part, pending);
        let rows = self.interval_rows(part, pending, &figures);
        let best = candidates
            .into_iter()
            .map(|i| {
                let checked = self.passing_own_conditions(part, i, pending, &figures);
                let scan = scale * (self.rel_scan_cost(part, i) + SCAN_ROW * checked + rows[i][i + 1]);
                grow_from(i, scan, |l, r, side| figures.growth_cost(&rows, l, r, side) + rows[l][r], part.nodes.len())
            })
            .min_by(|a, b| a.cost.total_cmp(&b.cost))?;
        (best.cost < node_start * (1.0 - 1e-9)).then_some(best)
    }

    /// Whether relationship `i` of `part` may start it: one hop (of any types) between two
    /// distinct nodes, none of the three bound yet, with conditions on its properties.
    fn scannable(&self, part: &PatternPart, i: usize, pending: &[Conjunct]) -> bool {
        let (rel, a, b) = (&part.rels[i], &part.nodes[i], &part.nodes[i + 1]);
        rel.length.is_none()
            && rel.quantified.is_none()
            && a.slot != b.slot
            && [rel.slot, a.slot, b.slot].iter().all(|s| !self.bound.contains(s))
            && reads_own_properties(rel, pending)
    }

    /// What reading relationship `i`'s types costs: each relationship of its types read
    /// (each orientation of it when undirected), at `SCAN_READ` each. Its ends' checks are
    /// made on the relationships that pass its own conditions, priced apart (`SCAN_ROW`).
    fn rel_scan_cost(&self, part: &PatternPart, i: usize) -> f64 {
        let rel = &part.rels[i];
        let orientations = if rel.direction == RelDirection::Both { 2.0 } else { 1.0 };
        scanned_count(&rel.types, self.stats) * orientations * SCAN_READ
    }

    /// The relationships of scan `i` estimated to pass the conditions that read only it
    /// (and what was bound before): those whose ends it then reads and checks.
    ///
    /// A condition over the relationship's properties and its ends' (`m.year < a.year -
    /// 1000`, `CASE WHEN o.year < 1950 THEN m.weight > 0.99 … END`) counts as its own: the
    /// scan tests it a block of relationships at a time down the chunk's columns, the
    /// ends' properties gathered for the block (`exec/column_expr/fold_block.rs`), before
    /// any end is checked or row made.
    fn passing_own_conditions(
        &self,
        part: &PatternPart,
        i: usize,
        pending: &[Conjunct],
        figures: &super::start::Figures,
    ) -> f64 {
        let rel = part.rels[i].slot;
        let mut bound = self.bound.clone();
        bound.insert(rel);
        let mut with_ends = bound.clone();
        with_ends.extend([part.nodes[i].slot, part.nodes[i + 1].slot]);
        let own: Vec<&crate::binder::bound::Expr> = pending
            .iter()
            .filter(|c| c.ready(&bound) || (c.ready(&with_ends) && reads_property_of(&c.expr, rel)))
            .map(|c| &c.expr)
            .collect();
        let pairs = figures.raw[i] * figures.raw[i + 1] * figures.joins[i];
        pairs * super::estimate::conjoin(self.estimator().selectivities(&own))
    }

    /// The two end patterns as the scan must check them: without the labels the schema
    /// guarantees at each end of every relationship of the types.
    fn scanned_ends(
        &self,
        rel: &RelPattern,
        a: &crate::binder::bound::NodePattern,
        b: &crate::binder::bound::NodePattern,
    ) -> (crate::binder::bound::NodePattern, crate::binder::bound::NodePattern) {
        // Read from `b` back to `a` is the relationship reversed, which gives `a`'s side.
        let left = self.without_guaranteed_labels(rel, a, rel.direction.reversed());
        let right = self.without_guaranteed_labels(rel, b, rel.direction);
        (left, right)
    }

    /// `part` from a scan of relationship `order.index`, then its expansions.
    pub(super) fn plan_rel_scan_part(
        &mut self,
        input: LogicalOp,
        part: &PatternPart,
        order: &RelScanOrder,
        pending: &mut Vec<Conjunct>,
    ) -> crate::error::Result<LogicalOp> {
        let i = order.index;
        let op = self.plan_rel_scan(input, part, i);
        let op = self.plan_steps(op, part, &order.steps, (i, i + 1))?;
        let op = self.with_path(op, part, pending);
        Ok(self.place_ready(op, pending))
    }

    /// The scan of relationship `i`, binding it and both its ends, with the ends' labels
    /// (those the schema does not guarantee) and inline properties, the relationship's
    /// inline properties and its difference from the MATCH's earlier relationships
    /// checked after it (the `fuse_filters` pass makes them the scan's own test).
    fn plan_rel_scan(&mut self, input: LogicalOp, part: &PatternPart, i: usize) -> LogicalOp {
        let (rel, a, b) = (&part.rels[i], &part.nodes[i], &part.nodes[i + 1]);
        let (left, right) = self.scanned_ends(rel, a, b);
        let (start, end) = match rel.direction {
            RelDirection::Left => (b.slot, a.slot),
            _ => (a.slot, b.slot),
        };
        let mut predicates = self.uniqueness(rel.slot, rel.span);
        predicates.extend(super::pattern::property_predicates(
            rel.slot,
            Type::Relationship,
            &rel.properties,
            None,
            rel.span,
        ));
        predicates.extend(node_predicate(&left, None));
        predicates.extend(node_predicate(&right, None));
        self.match_rels.push((rel.slot, false));
        self.bound.extend([rel.slot, a.slot, b.slot]);
        let scan = RelScan {
            rel: rel.slot,
            start,
            end,
            types: rel.types.clone(),
            undirected: rel.direction == RelDirection::Both,
        };
        let op = LogicalOp::RelTypeScan { input: boxed(input), scan, predicate: None };
        super::build::with_filter(op, conjunction(predicates))
    }
}

/// The relationships a scan of `types` reads: every one of the graph when it names none.
pub(super) fn scanned_count(types: &[RelTypeRef], stats: &dyn super::stats::Statistics) -> f64 {
    if types.is_empty() {
        return stats.rel_count() as f64;
    }
    types.iter().filter_map(|t| t.id).map(|t| stats.rel_type_count(t) as f64).sum()
}

/// Whether `rel`'s conditions read its properties: inline ones, its own `WHERE`, or a
/// condition of the MATCH.
fn reads_own_properties(rel: &RelPattern, pending: &[Conjunct]) -> bool {
    !rel.properties.is_empty()
        || pending.iter().any(|c| reads_property_of(&c.expr, rel.slot))
        || rel.filter.as_ref().is_some_and(|f| reads_property_of(f, rel.slot))
}

/// The cheapest way to grow the interval `i..=i+1`, bound at cost `scan`, to the whole
/// chain of `n` nodes, `grow(l, r, side)` being what binding interval `l..=r` by growing
/// to that side costs: the interval dynamic programming of `start.rs` from one seed.
fn grow_from(i: usize, scan: f64, grow: impl Fn(usize, usize, Side) -> f64, n: usize) -> RelScanOrder {
    // cost[l][r] and the last step taken, for the intervals holding i..=i+1.
    let mut best: Vec<Vec<(f64, Option<Side>)>> = vec![vec![(f64::INFINITY, None); n]; n];
    best[i][i + 1] = (scan, None);
    for len in 2..n {
        for l in i.saturating_sub(len - 1)..=i {
            let r = l + len;
            if r >= n || r < i + 1 {
                continue;
            }
            let left = (l < i).then(|| (best[l + 1][r].0 + grow(l, r, Side::Left), Some(Side::Left)));
            let right = (r > i + 1).then(|| (best[l][r - 1].0 + grow(l, r, Side::Right), Some(Side::Right)));
            best[l][r] = match (left, right) {
                (Some(a), Some(b)) if a.0 < b.0 => a,
                (Some(_), Some(b)) => b,
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => continue,
            };
        }
    }
    let (mut l, mut r, mut steps) = (0, n - 1, Vec::new());
    let cost = best[l][r].0;
    while let Some(side) = best[l][r].1 {
        steps.push(side);
        match side {
            Side::Left => l += 1,
            Side::Right => r -= 1,
        }
    }
    steps.reverse();
    RelScanOrder { index: i, steps, cost }
}

/// What a column aggregation reads when `input` is a directed relationship-type scan from
/// the start (perhaps under the filter `push_filters` left right above it, which
/// `fuse_filters` would fuse) and the keys are none or each `type(r)`.
pub(super) fn scanned_rels(input: &LogicalOp, keys: &[(Slot, crate::binder::bound::Expr)]) -> Option<ColumnSource> {
    let (scan_op, filter) = match input {
        LogicalOp::Filter { input, predicate } => (&**input, Some(predicate.clone())),
        other => (other, None),
    };
    let LogicalOp::RelTypeScan { input, scan, predicate } = scan_op else { return None };
    let predicate = match (predicate, filter) {
        (Some(_), Some(_)) => return None,
        (p, f) => p.clone().or(f),
    };
    if **input != LogicalOp::Start || scan.undirected {
        return None;
    }
    let type_slots = keys
        .iter()
        .map(|(slot, e)| super::column_aggregate::is_type_of(e, scan.rel).then_some(*slot))
        .collect::<Option<_>>()?;
    Some(ColumnSource::ScannedRels { scan: scan.clone(), predicate, type_slots })
}

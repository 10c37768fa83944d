//! Where a pattern part starts and in which order it expands, by estimated cost.
//!
//! A part is a chain of nodes; whatever the start, the nodes bound after each step form
//! an interval of the chain that grows by one node to the left or to the right. The rows
//! an interval yields do not depend on the order it was bound in, so dynamic programming
//! over the intervals finds the cheapest start and order together, exactly, in O(n²)
//! steps for n nodes (a few microseconds for 8).
//!
//! The rows of an interval are those of its nodes (labels, inline properties) times,
//! per relationship, the fraction of node pairs it joins, times each WHERE condition that
//! its slots make checkable (`estimate.rs` for each figure). The cost of a plan is what
//! its operators produce: the start's scan (all nodes of its label, unless a key seek
//! finds them), then each expansion's rows before and after its filters.
//! So a filtered start wins over an unfiltered one even without an index: both scan the
//! label, but the filtered one expands from fewer rows.

use std::collections::HashSet;

use super::build::Planner;
use super::estimate::{conjoin, Estimator, SeekOwner};
use super::pattern::Access;
use super::predicates::Conjunct;
use super::Options;
use crate::binder::bound::{Expr, ExprKind, PatternPart, RelPattern, Slot};
use crate::store::LabelId;
use crate::syntax::ast::RelDirection;

/// Which way the bound interval grows next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
}

/// The chosen start node and the expansions after it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Order {
    pub start: usize,
    pub steps: Vec<Side>,
}

/// An order with its estimated cost and the rows it yields, per input row.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CostedOrder {
    pub order: Order,
    pub cost: f64,
    pub rows: f64,
}

/// One way of binding an interval of a part's nodes.
#[derive(Debug, Clone, Copy)]
struct Way {
    cost: f64,
    start: usize,
    last: Option<Side>,
}

impl Way {
    /// Cheaper by more than rounding, or as cheap and starting further left.
    fn better_than(&self, other: &Way) -> bool {
        let tolerance = 1e-9 * self.cost.abs().max(other.cost.abs()).max(1.0);
        if (self.cost - other.cost).abs() > tolerance {
            self.cost < other.cost
        } else {
            self.start < other.start
        }
    }
}

/// Per-node and per-relationship figures of one part, computed once.
pub(super) struct Figures {
    /// Nodes per node before its own filters (its label), and after them (1 if bound).
    pub raw: Vec<f64>,
    pub filtered: Vec<f64>,
    /// Per relationship: the fraction of (left node, right node) pairs it joins.
    pub joins: Vec<f64>,
    /// Per relationship: the same fraction before its inline properties are checked
    /// (`-[:T {year: 2009}]-`), which an expansion still reads and rejects one by one.
    pub candidates: Vec<f64>,
    /// Per node: how many times the mean number of paths pass through it when it joins
    /// its two relationships (`Estimator::skew`; 1 at the ends).
    pub skew: Vec<f64>,
    /// Per relationship: what each candidate costs when it is reached by growing the
    /// interval to the left and to the right (`read_cost`).
    pub read_cost: Vec<[f64; 2]>,
    /// Per node: its variable, which a cycle's closing node shares with its first.
    pub slots: Vec<Slot>,
    /// Per relationship: the relationships of its types an expansion reads per node and
    /// drops because the far node lacks the far labels, growing to the left (read from
    /// the right node) and to the right (read from the left node); see `far_label_misses`.
    pub misses: Vec<[f64; 2]>,
}

/// What a candidate relationship costs beside its row when its conditions read its
/// properties from the side the store does not keep them in order for: a relationship's
/// properties are stored in its type's outgoing order, so an expansion along the
/// outgoing direction reads them in order, and one along the incoming direction (or
/// both) reads a scattered cell per candidate (a cache miss at scale, several times a
/// row's cost: `memberships_year_range`, `member_of_filtered` in BENCHMARKS.md).
const SCATTERED_READ: f64 = 1.0;

/// What a relationship an expansion reads and drops on its far node's label costs beside
/// a row: a look at the neighbour's labels, no row made. Priced as a row, the misses made
/// a hash join's build side, whose rows cost far more than an adjacency read, look
/// cheaper than expanding (workload2's `country_comentions` ran three times slower).
const MISS_COST: f64 = 0.1;

impl Figures {
    /// The candidates, before the new node's own filters and the relationship's inline
    /// properties, of interval `i..=j` bound by growing `i+1..=j` (`Side::Left`) or
    /// `i..=j-1` (`Side::Right`) by one relationship. An inline property is a condition
    /// like a WHERE on the relationship: the expansion reads every relationship of the
    /// hop to test it, so counting only those that pass made a node start look cheaper
    /// than a scan of the type's column (`MATCH (:A)-[k:T {year: $y}]->(:B)`, workload10).
    pub fn grown(&self, rows: &[Vec<f64>], i: usize, j: usize, side: Side) -> f64 {
        // Closing a cycle reads the shorter of the two bound nodes' lists
        // (`exec/ops/expand_into.rs`), so a hub in the middle does not multiply it.
        let through = |inner: usize| if j > i + 1 && !self.closes(i, j, side) { self.skew[inner] } else { 1.0 };
        match side {
            Side::Left => rows[i + 1][j] * self.candidates[i] * self.raw[i] * through(i + 1),
            Side::Right => rows[i][j - 1] * self.candidates[j - 1] * self.raw[j] * through(j - 1),
        }
    }

    /// Whether growing to `i..=j` on `side` reaches a node the interval holds already.
    fn closes(&self, i: usize, j: usize, side: Side) -> bool {
        match side {
            Side::Left => self.slots[i + 1..=j].contains(&self.slots[i]),
            Side::Right => self.slots[i..j].contains(&self.slots[j]),
        }
    }

    /// What growing `i+1..=j` (`Left`) or `i..=j-1` (`Right`) by one relationship costs:
    /// its candidates, each at the cost of reading it from that side, and the
    /// relationships read and dropped by the far node's label test.
    pub fn growth_cost(&self, rows: &[Vec<f64>], i: usize, j: usize, side: Side) -> f64 {
        let per_candidate = match side {
            Side::Left => self.read_cost[i][0],
            Side::Right => self.read_cost[j - 1][1],
        };
        self.grown(rows, i, j, side) * per_candidate + self.missed(rows, i, j, side)
    }

    /// What the last two hops of `i..=j` on `side` cost as one intersection, when the
    /// last closes a cycle and the one before reached a new node (`z`, new `y`, bound
    /// `x`): `intersect_cycles` makes them an `ExpandIntersect`, which walks `z`'s list
    /// against `x`'s marked neighbours per row before them and makes no row for a `y` that
    /// does not close the cycle (`exec/ops/intersect.rs`). Priced as two expansions, a
    /// cycle from one node (`(p {id: $x})-…-(p)`) looked dearer than joining its halves.
    pub fn intersection_cost(&self, rows: &[Vec<f64>], i: usize, j: usize, side: Side) -> Option<f64> {
        if j < i + 2 || !self.closes(i, j, side) {
            return None;
        }
        match side {
            Side::Right if !self.closes(i, j - 1, Side::Right) => {
                let from_z = self.candidates[j - 2] * self.raw[j - 1] * self.read_cost[j - 2][1];
                let from_x = self.candidates[j - 1] * self.raw[j - 1] * self.read_cost[j - 1][0];
                Some(rows[i][j - 2] * (from_z + from_x))
            }
            Side::Left if !self.closes(i + 1, j, Side::Left) => {
                let from_z = self.candidates[i + 1] * self.raw[i + 1] * self.read_cost[i + 1][0];
                let from_x = self.candidates[i] * self.raw[i + 1] * self.read_cost[i][1];
                Some(rows[i + 2][j] * (from_z + from_x))
            }
            _ => None,
        }
    }

    /// The relationships growing to `i..=j` on `side` reads and drops because the new
    /// node lacks its labels: every relationship of the type leaves the near node, and
    /// only the label test tells them apart, one by one. A hop into a node the interval
    /// holds (`ExpandInto`) tests no label.
    fn missed(&self, rows: &[Vec<f64>], i: usize, j: usize, side: Side) -> f64 {
        if self.closes(i, j, side) {
            return 0.0;
        }
        let through = |inner: usize| if j > i + 1 { self.skew[inner] } else { 1.0 };
        match side {
            Side::Left => rows[i + 1][j] * self.misses[i][0] * through(i + 1) * MISS_COST,
            Side::Right => rows[i][j - 1] * self.misses[j - 1][1] * through(j - 1) * MISS_COST,
        }
    }
}

impl Planner<'_> {
    /// The cheapest start and order of expansions for `part`.
    pub(super) fn choose_order(&self, part: &PatternPart, pending: &[Conjunct]) -> Order {
        let n = part.nodes.len();
        match self.options {
            Options::FirstNode => return Order { start: 0, steps: vec![Side::Right; n - 1] },
            Options::LastNode => return Order { start: n - 1, steps: vec![Side::Left; n - 1] },
            Options::Cost
            | Options::CostWithoutJoins
            | Options::PreferJoins
            | Options::PreferRelScans
            | Options::PreferStoredFolds => {}
        }
        self.costed_order(part, pending).order
    }

    /// The cheapest start and order of expansions for `part` by cost, with that cost and
    /// the rows the whole part yields, per input row.
    pub(super) fn costed_order(&self, part: &PatternPart, pending: &[Conjunct]) -> CostedOrder {
        let n = part.nodes.len();
        let figures = self.figures(part, pending);
        let rows = self.interval_rows(part, pending, &figures);
        // best[i][j]: the cheapest way to bind nodes i..=j: its cost, its start, its last
        // step. Of equally cheap ways, the one starting further left wins, and of those
        // the one expanding right first (the plan reads the pattern as written).
        let mut best: Vec<Vec<Way>> = vec![vec![Way { cost: f64::INFINITY, start: 0, last: None }; n]; n];
        for (s, row) in best.iter_mut().enumerate() {
            row[s] = Way { cost: self.start_cost(part, s, pending) + rows[s][s], start: s, last: None };
        }
        for len in 1..n {
            for i in 0..n - len {
                let j = i + len;
                // Grown to the left from i+1..=j, or to the right from i..=j-1.
                let left = Way {
                    cost: best[i + 1][j].cost + figures.growth_cost(&rows, i, j, Side::Left) + rows[i][j],
                    start: best[i + 1][j].start,
                    last: Some(Side::Left),
                };
                let right = Way {
                    cost: best[i][j - 1].cost + figures.growth_cost(&rows, i, j, Side::Right) + rows[i][j],
                    start: best[i][j - 1].start,
                    last: Some(Side::Right),
                };
                best[i][j] = if right.better_than(&left) { right } else { left };
            }
        }
        let (mut i, mut j, mut steps) = (0, n - 1, Vec::new());
        while let Some(side) = best[i][j].last {
            steps.push(side);
            match side {
                Side::Left => i += 1,
                Side::Right => j -= 1,
            }
        }
        steps.reverse();
        CostedOrder { order: Order { start: i, steps }, cost: best[0][n - 1].cost, rows: rows[0][n - 1] }
    }

    /// What the start operator reads: one row for a bound node or a key seek, the
    /// label's nodes for a label scan, every node otherwise.
    pub(super) fn start_cost(&self, part: &PatternPart, start: usize, pending: &[Conjunct]) -> f64 {
        match self.access(&part.nodes[start], pending) {
            Access::Bound | Access::InlineKey(..) => 1.0,
            Access::KeyCondition(_, condition) => condition.rows(),
            Access::IndexSeek(seek) => match (seek.label.id, seek.key.id) {
                (Some(label), Some(key)) => self.estimator().seek_rows(SeekOwner::Label(label), key, &seek.seek),
                _ => 0.0,
            },
            Access::Label(label) => label.id.map_or(0, |id| self.stats.label_count(id)) as f64,
            Access::LabelUnion(labels) => self.label_union_rows(&labels),
            Access::AllNodes => self.stats.node_count() as f64,
        }
    }

    /// The nodes a scan of each of `labels` reads.
    pub(super) fn label_union_rows(&self, labels: &[crate::binder::bound::LabelRef]) -> f64 {
        labels.iter().map(|l| l.id.map_or(0, |id| self.stats.label_count(id)) as f64).sum()
    }

    pub(super) fn estimator(&self) -> Estimator<'_> {
        Estimator { stats: self.stats, known: &self.known }
    }

    pub(super) fn figures(&self, part: &PatternPart, pending: &[Conjunct]) -> Figures {
        let est = self.estimator();
        let labels =
            |i: usize| -> Vec<LabelId> { self.known.nodes.get(&part.nodes[i].slot).cloned().unwrap_or_default() };
        let raw: Vec<f64> = (0..part.nodes.len()).map(|i| est.label_rows(&labels(i)).max(1.0)).collect();
        let filtered = part
            .nodes
            .iter()
            .map(|node| if self.bound.contains(&node.slot) { 1.0 } else { est.node_rows(node) })
            .collect();
        let candidates: Vec<f64> = part
            .rels
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let (from, to) = (labels(i), labels(i + 1));
                let types: Vec<_> = rel.types.iter().filter_map(|t| t.id).collect();
                if types.len() < rel.types.len() && types.is_empty() {
                    return 0.0;
                }
                let per_node = match rel.length {
                    None => est.fanout(&from, &types, rel.direction, &to),
                    Some((min, max)) => {
                        let step = est.fanout(&from, &types, rel.direction, &[]);
                        let to_fraction = raw[i + 1] / self.stats.node_count().max(1) as f64;
                        // The path's inner nodes taken to be like its start.
                        let along = (&types[..], rel.direction);
                        let skew = est.skew(&from, (&types, rel.direction.reversed()), along);
                        est.var_length_paths(step, skew, min, max) * to_fraction.min(1.0)
                    }
                };
                per_node / raw[i + 1]
            })
            .collect();
        let joins = part
            .rels
            .iter()
            .zip(&candidates)
            .map(|(rel, candidates)| {
                let types: Vec<_> = rel.types.iter().filter_map(|t| t.id).collect();
                let props =
                    rel.properties.iter().map(|(k, v)| est.rel_equality(&types, k, super::estimate::literal(v)));
                candidates * conjoin(props.collect())
            })
            .collect();
        let skew = (0..part.nodes.len())
            .map(|k| {
                if k == 0 || k + 1 == part.nodes.len() {
                    return 1.0;
                }
                let (left, right) = (&part.rels[k - 1], &part.rels[k]);
                let types =
                    |r: &crate::binder::bound::RelPattern| -> Vec<_> { r.types.iter().filter_map(|t| t.id).collect() };
                let (lt, rt) = (types(left), types(right));
                est.skew(&labels(k), (&lt, left.direction.reversed()), (&rt, right.direction))
            })
            .collect();
        let read_cost = part.rels.iter().map(|rel| read_cost(rel, pending, &self.read_after)).collect();
        let slots = part.nodes.iter().map(|n| n.slot).collect();
        let misses = part
            .rels
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let far_bound = |k: usize| self.bound.contains(&part.nodes[k].slot);
                let read_from = |near: usize, far: usize, direction: RelDirection| {
                    if rel.length.is_some() || far_bound(far) {
                        return 0.0;
                    }
                    far_label_misses(&est, rel, (&labels(near), direction, &labels(far)))
                };
                [read_from(i + 1, i, rel.direction.reversed()), read_from(i, i + 1, rel.direction)]
            })
            .collect();
        Figures { raw, filtered, joins, candidates, skew, read_cost, slots, misses }
    }

    /// rows[i][j]: the rows, per input row, once nodes i..=j and the relationships
    /// between them are bound and every condition they make checkable is checked.
    #[allow(clippy::needless_range_loop)] // rows[i][j]: indexed by both ends of the interval
    pub(super) fn interval_rows(&self, part: &PatternPart, pending: &[Conjunct], figures: &Figures) -> Vec<Vec<f64>> {
        let est = self.estimator();
        let n = part.nodes.len();
        let waiting: Vec<&Conjunct> = pending.iter().filter(|c| !c.ready(&self.bound)).collect();
        let mut rows = vec![vec![0.0; n]; n];
        for (i, row) in rows.iter_mut().enumerate() {
            let mut bound: HashSet<Slot> = self.bound.clone();
            let mut base = 1.0;
            for (j, cell) in row.iter_mut().enumerate().skip(i) {
                // A cycle's closing node counts as a new node of its own conditions: taken
                // as the one node it is (the join fraction alone), triangles of a skewed
                // KNOWS came out 2,500 times too few and their joins too cheap (workload5).
                base *= figures.filtered[j];
                bound.insert(part.nodes[j].slot);
                if j > i + 1 {
                    base *= figures.skew[j - 1];
                }
                if j > i {
                    base *= figures.joins[j - 1];
                    bound.insert(part.rels[j - 1].slot);
                }
                let conditions: Vec<&crate::binder::bound::Expr> =
                    waiting.iter().filter(|c| c.ready(&bound)).map(|c| &c.expr).collect();
                *cell = base * conjoin(est.selectivities(&conditions));
            }
        }
        rows
    }
}

/// The relationships of `rel`'s types leaving a node of `near` labels in `direction`
/// that reach no node of the `far` labels, per near node: an expansion reads them all
/// and its filter drops them on the far node's label. Counting only those that reach the
/// far label made both ends of `(a:Article)-[:MENTIONS]->(c:Country)` look alike, and
/// the scan of the articles read six times the relationships the countries' would
/// (workload11's `with_star_computed_lag_whole_type`). None when the far node has no
/// label, or the statistics say every relationship reaches it (the schema's only end).
fn far_label_misses(
    est: &Estimator<'_>,
    rel: &RelPattern,
    (near, direction, far): (&[LabelId], RelDirection, &[LabelId]),
) -> f64 {
    if far.is_empty() {
        return 0.0;
    }
    let types: Vec<_> = rel.types.iter().filter_map(|t| t.id).collect();
    if types.len() < rel.types.len() && types.is_empty() {
        return 0.0;
    }
    (est.fanout(near, &types, direction, &[]) - est.fanout(near, &types, direction, far)).max(0.0)
}

/// What each candidate of `rel` costs when reached growing left and growing right: 1,
/// plus `SCATTERED_READ` when its conditions (inline properties, or a condition of the
/// MATCH) or the operators right after the MATCH (`read_after`) read its properties and
/// that side follows it against its stored (outgoing) order.
fn read_cost(rel: &RelPattern, pending: &[Conjunct], read_after: &HashSet<Slot>) -> [f64; 2] {
    let reads_properties = !rel.properties.is_empty()
        || read_after.contains(&rel.slot)
        || pending.iter().any(|c| reads_property_of(&c.expr, rel.slot))
        || rel.filter.as_ref().is_some_and(|f| reads_property_of(f, rel.slot));
    if !reads_properties {
        return [1.0; 2];
    }
    // Growing right follows the relationship as written, growing left the other way.
    let scattered = |outgoing: bool| if outgoing { 1.0 } else { 1.0 + SCATTERED_READ };
    match rel.direction {
        RelDirection::Right => [scattered(false), scattered(true)],
        RelDirection::Left => [scattered(true), scattered(false)],
        RelDirection::Both => [scattered(false); 2],
    }
}

/// Whether `expr` reads a property of the variable in `slot`.
pub(super) fn reads_property_of(expr: &Expr, slot: Slot) -> bool {
    let mut reads = false;
    expr.visit(&mut |e| {
        if let ExprKind::Property(owner, _) = &e.kind {
            reads |= owner.kind == ExprKind::Slot(slot);
        }
    });
    reads
}

//! Hash joins inside a pattern part: two intervals of the chain, each started at its own
//! selective end, joined by hash on the node they share (and on a cycle's closing node
//! when both hold it, `shared_keys`).
//!
//! `start.rs` grows one interval of the chain from its start, one relationship at a time.
//! Here an interval may also be the join of two intervals that share a node: the probe
//! side is planned as usual (from the rows before the part), the build side from nothing
//! bound, once, its rows kept in a hash table by the shared node. For
//! `(a:Person {id: $x})-[:KNOWS]->(m)<-[:KNOWS]-(b:Person {id: $y})` both ends are
//! found by their keys and meet at `m`, instead of walking every `m` reached from `a`
//! back to every person who knows it.
//!
//! The search is the same dynamic programme over intervals, with a third way of binding
//! an interval: a join at any inner node. Every plan of a chain binds intervals (the
//! nodes bound at any point are connected), so the programme is exact over bushy join
//! trees too (O(n⁴) steps with the build sides' checks, a few microseconds for 8 nodes);
//! chains longer than `MAX_JOIN_SEARCH_NODES` are planned by `start.rs` alone. The cost of a join
//! is both sides' costs, the build side's rows (hashed) and the probe side's (looked
//! up), and the rows it gives, twice (made, then checked), as an expansion's count.
//! A cartesian product is never made: both sides share the node they join on.
//!
//! Only parts without variable-length relationships, selectors or shortest paths are
//! joined, and only a build side that reads nothing bound before the part (no bound
//! node or relationship, inline properties that are constants) can be built once.

use std::collections::HashSet;

use super::build::{boxed, with_filter, Planner};
use super::predicates::{conjunction, fixed_before, Conjunct};
use super::start::Side;
use super::{LogicalOp, Options};
use crate::binder::bound::{Expr, PatternPart, PropKeyRef, Slot};
use crate::error::Result;

/// The longest chain whose joins are searched. The programme is O(n⁴) with its
/// standalone checks, so a 3,000-node chain would plan for hours; beyond this many nodes
/// the part is planned by the start and expansion order alone (O(n²)).
const MAX_JOIN_SEARCH_NODES: usize = 16;

/// How an interval of a part's chain is bound.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Binding {
    /// The node at this index, found by its start operator.
    Start(usize),
    /// The interval `inner` binds, grown by one relationship on `side`.
    Grow(Box<Binding>, Side),
    /// Two intervals sharing the node at index `at`, each bound on its own and joined by
    /// hash on it; `build` from nothing bound.
    Join { probe: Box<Binding>, build: Box<Binding>, at: usize },
}

impl Binding {
    fn has_join(&self) -> bool {
        match self {
            Binding::Start(_) => false,
            Binding::Grow(inner, _) => inner.has_join(),
            Binding::Join { .. } => true,
        }
    }
}

/// The last choice made for an interval, from which its binding is read back.
#[derive(Debug, Clone, Copy)]
enum Choice {
    Start,
    Grow(Side),
    /// Grown twice on this side, the second hop closing a cycle: the two hops become one
    /// intersection (`Figures::intersection_cost`).
    Intersect(Side),
    /// Joined at node `at`; the build side is the right interval (`at..=j`) when
    /// `build_right`, else the left (`i..=at`).
    Join {
        at: usize,
        build_right: bool,
    },
}

#[derive(Debug, Clone, Copy)]
struct Best {
    cost: f64,
    start: usize,
    choice: Choice,
}

impl Best {
    /// Cheaper by more than rounding, or as cheap and starting further left (the plan
    /// reads the pattern as written); a join must be cheaper by more than rounding.
    fn better_than(&self, other: &Best) -> bool {
        let tolerance = 1e-9 * self.cost.abs().max(other.cost.abs()).max(1.0);
        if (self.cost - other.cost).abs() > tolerance {
            return self.cost < other.cost;
        }
        !matches!(self.choice, Choice::Join { .. })
            && (matches!(other.choice, Choice::Join { .. }) || self.start < other.start)
    }
}

impl Planner<'_> {
    /// The cheapest binding of `part` when it uses a hash join, with its estimated cost (in
    /// `start.rs`'s units), so that other ways to bind the whole part (a relationship-type
    /// scan) can be weighed against it; `None` when expanding from one start is as cheap
    /// (then `start.rs`'s order is the plan) or joins do not apply.
    /// `runs`: the rows before the part, for each of which it is matched; the build side
    /// runs once for all of them, so its cost per row is its cost over `runs`.
    pub(super) fn choose_costed_join(
        &mut self,
        part: &PatternPart,
        pending: &[Conjunct],
        runs: f64,
    ) -> Option<(Binding, f64)> {
        let n = part.nodes.len();
        let scale = match self.options {
            Options::Cost => 1.0,
            Options::PreferJoins => 0.01,
            _ => return None,
        };
        let joinable = (3..=MAX_JOIN_SEARCH_NODES).contains(&n)
            && part.selector.is_none()
            && part.shortest.is_none()
            && part.rels.iter().all(|r| r.length.is_none() && r.quantified.is_none());
        if !joinable {
            return None;
        }
        // A build side may hold a cycle's closing node without its first occurrence, so
        // build sides are checked, priced and planned with every occurrence's conditions.
        let builds = with_repeated_constraints(part);
        let (free_nodes, free_rels) = self.standalone(&builds);
        let standalone = |from: usize, to: usize| free_nodes[from..=to].iter().chain(&free_rels[from..to]).all(|f| *f);
        // A build side is planned from nothing bound: it cannot seek by, or filter on,
        // what the rows before the part hold (`WHERE b.id IN ids` with `ids` from a WITH),
        // so it is priced in a table of its own, made with nothing bound.
        let outer = std::mem::take(&mut self.bound);
        let alone = self.join_table(&builds, pending, &standalone, (1.0, scale), None);
        self.bound = outer;
        // The build side is run (and hashed) once for every row before the part. The probe
        // side's table is made with every occurrence's conditions too: a cycle's closing
        // node is still counted as a new node, but one of the labels and inline properties
        // it has (`(c {name: $n})…(c)` closes on one country, not on any node), as the
        // build sides count it; without them a join holding the closing node was priced at
        // every node the last relationship reaches (`plan_join_binding` plans the same).
        let once = 1.0 / runs.max(1.0);
        let table = self.join_table(&builds, pending, &standalone, (once, scale), Some(&alone));
        let binding = table.read_back(&alone, 0, n - 1);
        binding.has_join().then_some((binding, table.best[0][n - 1].cost))
    }

    /// The dynamic programme over `part`'s intervals with what is bound now: each
    /// interval's cheapest binding by a start, a growth or a join. A join's build side is
    /// read from `builds` (the table made with nothing bound), or from this table when it
    /// is that one. `(once, scale)`: the share of a build side's cost each run pays, and
    /// the factor on a join's cost (below 1 when joins are preferred).
    fn join_table(
        &self,
        part: &PatternPart,
        pending: &[Conjunct],
        standalone: &dyn Fn(usize, usize) -> bool,
        (once, scale): (f64, f64),
        builds: Option<&JoinTable>,
    ) -> JoinTable {
        let n = part.nodes.len();
        let figures = self.figures(part, pending);
        let rows = self.interval_rows(part, pending, &figures);
        let unset = Best { cost: f64::INFINITY, start: 0, choice: Choice::Start };
        let mut best = vec![vec![unset; n]; n];
        for (s, row) in best.iter_mut().enumerate() {
            row[s] = Best { cost: self.start_cost(part, s, pending) + rows[s][s], start: s, choice: Choice::Start };
        }
        for len in 1..n {
            for i in 0..n - len {
                let j = i + len;
                let left = Best {
                    cost: best[i + 1][j].cost + figures.growth_cost(&rows, i, j, Side::Left) + rows[i][j],
                    start: best[i + 1][j].start,
                    choice: Choice::Grow(Side::Left),
                };
                let right = Best {
                    cost: best[i][j - 1].cost + figures.growth_cost(&rows, i, j, Side::Right) + rows[i][j],
                    start: best[i][j - 1].start,
                    choice: Choice::Grow(Side::Right),
                };
                let mut chosen = if right.better_than(&left) { right } else { left };
                for side in [Side::Right, Side::Left] {
                    let Some(cost) = figures.intersection_cost(&rows, i, j, side) else { continue };
                    let before = if side == Side::Right { best[i][j - 2] } else { best[i + 2][j] };
                    let intersect = Best {
                        cost: before.cost + cost + rows[i][j],
                        start: before.start,
                        choice: Choice::Intersect(side),
                    };
                    if intersect.better_than(&chosen) {
                        chosen = intersect;
                    }
                }
                for at in i + 1..j {
                    // The joined rows count twice, as an expansion's do: each is made (the
                    // probe row with the build row's slots) before the checks after the
                    // join, and then handed on.
                    let joined = 2.0 * rows[i][j];
                    for build_right in [true, false] {
                        let (build_from, build_to) = if build_right { (at, j) } else { (i, at) };
                        if !standalone(build_from, build_to) {
                            continue;
                        }
                        let (probe_from, probe_to) = if build_right { (i, at) } else { (at, j) };
                        let probe = best[probe_from][probe_to].cost + rows[probe_from][probe_to];
                        let (build_best, build_rows) = match builds {
                            Some(table) => (&table.best, &table.rows),
                            None => (&best, &rows),
                        };
                        let build = (build_best[build_from][build_to].cost + build_rows[build_from][build_to]) * once;
                        let cost = scale * (probe + build + joined);
                        let start = if build_right { best[i][at].start } else { best[at][j].start };
                        let join = Best { cost, start, choice: Choice::Join { at, build_right } };
                        if join.better_than(&chosen) {
                            chosen = join;
                        }
                    }
                }
                best[i][j] = chosen;
            }
        }
        JoinTable { best, rows }
    }

    /// Which nodes and which relationships a build side may hold: those bound by nothing
    /// before, whose inline properties are constants.
    fn standalone(&self, part: &PatternPart) -> (Vec<bool>, Vec<bool>) {
        let nothing = HashSet::new();
        let free = |slot: Slot, props: &[(PropKeyRef, Expr)]| {
            !self.bound.contains(&slot) && props.iter().all(|(_, value)| fixed_before(value, &nothing))
        };
        let nodes = part.nodes.iter().map(|n| free(n.slot, &n.properties)).collect();
        let rels = part.rels.iter().map(|r| free(r.slot, &r.properties)).collect();
        (nodes, rels)
    }

    /// One expansion of the interval `left..=right` on `side`.
    fn plan_step(
        &mut self,
        op: LogicalOp,
        part: &PatternPart,
        side: Side,
        left: usize,
        right: usize,
    ) -> Result<LogicalOp> {
        match side {
            Side::Right => {
                let (rel, from, to) = (&part.rels[right], &part.nodes[right], &part.nodes[right + 1]);
                self.plan_expand(op, rel, from, to, rel.direction, false)
            }
            Side::Left => {
                let (rel, from, to) = (&part.rels[left - 1], &part.nodes[left], &part.nodes[left - 1]);
                self.plan_expand(op, rel, from, to, rel.direction.reversed(), true)
            }
        }
    }

    /// The operators of a binding `choose_costed_join` chose for `part`, planned as it was
    /// priced: each node with the labels and inline properties of every occurrence of its
    /// variable (a cycle's closing node is checked against the first one's conditions).
    pub(super) fn plan_join_binding(
        &mut self,
        input: LogicalOp,
        part: &PatternPart,
        binding: &Binding,
        pending: &mut Vec<Conjunct>,
    ) -> Result<LogicalOp> {
        let (op, ..) = self.plan_binding(input, &with_repeated_constraints(part), binding, pending)?;
        Ok(op)
    }

    /// The operators of `binding` over `input`, with the WHERE conditions (`pending`)
    /// placed where their variables are bound; returns the interval it bound.
    pub(super) fn plan_binding(
        &mut self,
        input: LogicalOp,
        part: &PatternPart,
        binding: &Binding,
        pending: &mut Vec<Conjunct>,
    ) -> Result<(LogicalOp, usize, usize)> {
        let (op, left, right) = match binding {
            Binding::Start(s) => (self.plan_start(input, &part.nodes[*s], pending), *s, *s),
            Binding::Grow(inner, side) => {
                let (op, left, right) = self.plan_binding(input, part, inner, pending)?;
                let op = self.plan_step(op, part, *side, left, right)?;
                match side {
                    Side::Left => (op, left - 1, right),
                    Side::Right => (op, left, right + 1),
                }
            }
            Binding::Join { probe, build, at } => {
                let (probe_op, l1, r1) = self.plan_binding(input, part, probe, pending)?;
                let (op, l2, r2) = self.plan_build_side(probe_op, part, build, *at, pending)?;
                (op, l1.min(l2), r1.max(r2))
            }
        };
        Ok((self.place_ready(op, pending), left, right))
    }

    /// The build side of a join, planned from nothing bound, then the join itself with
    /// each build relationship required to differ from the relationships bound before.
    fn plan_build_side(
        &mut self,
        probe: LogicalOp,
        part: &PatternPart,
        build: &Binding,
        at: usize,
        pending: &mut Vec<Conjunct>,
    ) -> Result<(LogicalOp, usize, usize)> {
        let outer_bound = std::mem::take(&mut self.bound);
        let outer_rels = std::mem::take(&mut self.match_rels);
        let built = self.plan_binding(LogicalOp::Start, &with_repeated_constraints(part), build, pending);
        let build_bound = std::mem::replace(&mut self.bound, outer_bound);
        let build_rels = std::mem::replace(&mut self.match_rels, outer_rels);
        let (build_op, left, right) = built?;
        let keys = shared_keys(part.nodes[at].slot, &build_bound, &self.bound);
        Ok((self.hash_join(probe, build_op, keys, part, (build_bound, build_rels)), left, right))
    }

    /// The join of `probe` with `build` on `keys`, once the build side was planned from
    /// nothing bound (`built`: the slots and relationships it bound). Those become bound,
    /// and each build relationship of `part` must differ from the ones bound before.
    pub(super) fn hash_join(
        &mut self,
        probe: LogicalOp,
        build: LogicalOp,
        keys: Vec<Slot>,
        part: &PatternPart,
        (build_bound, build_rels): (HashSet<Slot>, Vec<(Slot, bool)>),
    ) -> LogicalOp {
        let mut build_slots: Vec<Slot> = build_bound.iter().copied().filter(|s| !keys.contains(s)).collect();
        build_slots.sort();
        let mut differ = Vec::new();
        for rel in part.rels.iter().filter(|r| build_rels.iter().any(|(s, _)| *s == r.slot)) {
            differ.extend(self.uniqueness(rel.slot, rel.span));
        }
        self.bound.extend(build_bound);
        self.match_rels.extend(build_rels);
        let op =
            LogicalOp::HashJoin { probe: boxed(probe), build: boxed(build), keys, build_slots, values: Vec::new() };
        with_filter(op, conjunction(differ))
    }
}

/// `part` with each node holding the labels and inline properties of every occurrence of
/// its variable: in `(c:Country {name: $n})<-[:M]-(a)-[:M]->(p)<-[:M]-(b)-[:M]->(c)` the
/// second `(c)` is the same node, so a build side that starts there, or ends there,
/// finds it by the first one's conditions instead of scanning every node.
fn with_repeated_constraints(part: &PatternPart) -> PatternPart {
    let mut merged = part.clone();
    for (i, node) in merged.nodes.iter_mut().enumerate() {
        for other in part.nodes.iter().enumerate().filter(|(k, o)| *k != i && o.slot == node.slot).map(|(_, o)| o) {
            for label in &other.labels {
                if !node.labels.contains(label) {
                    node.labels.push(label.clone());
                }
            }
            // Only what this occurrence lacks: a part merged once (the probe side's) is
            // merged again for its build sides, and a condition counted twice would square
            // its selectivity.
            let added: Vec<_> = other.properties.iter().filter(|p| !node.properties.contains(p)).cloned().collect();
            if node.key.is_none() && added.len() == other.properties.len() {
                node.key = other.key.clone().map(|(label, at)| (label, node.properties.len() + at));
            }
            node.properties.extend(added);
        }
    }
    merged
}

/// The keys of a join at the node `at`: that node, and every other slot both sides bind.
/// A cycle's closing node (`(a)-…-(d)-[]->(a)`) is bound by the probe side and again by
/// a build side that holds the cycle's last relationship; joining on `at` alone would let
/// the build side's `a` overwrite the probe's.
fn shared_keys(at: Slot, build_bound: &HashSet<Slot>, probe_bound: &HashSet<Slot>) -> Vec<Slot> {
    let mut shared: Vec<Slot> = build_bound.intersection(probe_bound).copied().filter(|s| *s != at).collect();
    shared.sort();
    let mut keys = vec![at];
    keys.extend(shared);
    keys
}

/// One table of the dynamic programme: per interval `i..=j`, its cheapest binding and
/// the rows it yields.
struct JoinTable {
    best: Vec<Vec<Best>>,
    rows: Vec<Vec<f64>>,
}

impl JoinTable {
    /// The binding of interval `i..=j` as this table says it was chosen, its build sides
    /// as `builds` (the table made with nothing bound) says they were.
    fn read_back(&self, builds: &JoinTable, i: usize, j: usize) -> Binding {
        match self.best[i][j].choice {
            Choice::Start => Binding::Start(i),
            Choice::Grow(Side::Left) => Binding::Grow(Box::new(self.read_back(builds, i + 1, j)), Side::Left),
            Choice::Grow(Side::Right) => Binding::Grow(Box::new(self.read_back(builds, i, j - 1)), Side::Right),
            Choice::Intersect(Side::Left) => {
                let opened = Binding::Grow(Box::new(self.read_back(builds, i + 2, j)), Side::Left);
                Binding::Grow(Box::new(opened), Side::Left)
            }
            Choice::Intersect(Side::Right) => {
                let opened = Binding::Grow(Box::new(self.read_back(builds, i, j - 2)), Side::Right);
                Binding::Grow(Box::new(opened), Side::Right)
            }
            Choice::Join { at, build_right } => {
                let ((probe_from, probe_to), (build_from, build_to)) =
                    if build_right { ((i, at), (at, j)) } else { ((at, j), (i, at)) };
                let probe = self.read_back(builds, probe_from, probe_to);
                let build = builds.read_back(builds, build_from, build_to);
                Binding::Join { probe: Box::new(probe), build: Box::new(build), at }
            }
        }
    }
}

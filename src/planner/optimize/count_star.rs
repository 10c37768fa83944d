//! Counting a star per arm (part of the `count_rows` pass): an aggregation without keys
//! over two or more expansions from one hub node (`MATCH (o:Org)-[:SENT]->(d)<-[:PART_OF]-(u:Unit)
//! RETURN count(DISTINCT o), count(DISTINCT u), count(*)`) makes a row per combination of
//! the arms' matches, the product of their numbers per hub. Every aggregate that reads one
//! arm at most decomposes over the arms instead (factorised aggregation): for arm `i`, the
//! other arms are counted per hub in place (`ExpandCount`, or the degree of a bare hop),
//! which drops the hubs where one of them has no match, and only arm `i` is expanded. So
//! each arm's rows are made once per hub, `w_j` beside them for each other arm `j`:
//! - aggregates that ignore repeats (DISTINCT ones, `min`, `max`) of arm `i` (or of what
//!   the hub's row holds) are the same over those rows;
//! - `count(*)` is `sum(w_j * …)` over arm `i`'s rows, `count(x)` that sum where `x` is
//!   not null.
//!
//! The arms' aggregations, each one row, are joined as a cartesian product under the
//! projection that read the aggregates. Two arms that may hold the same relationship (the
//! same type, or no type) carry the pattern's uniqueness check `r1 <> r0`: with exactly two
//! arms from a hub scanned from the start, the other arm is counted per row less the
//! current relationship (a `CountingHashJoin` on the hub, its build side the other arm
//! once); with more arms, or any other condition reading two arms, the rows are kept.
//! A condition moved to its arm is evaluated on hubs the flattened plan may not reach, so
//! each must be one that cannot fail; and the rewrite is taken only when the flattened
//! rows are estimated at twice the arms' rows or more (the hub's row is made once per arm).

use super::count_join::Parts;
use super::never_fails::never_fails;
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::planner::build::boxed;
use crate::planner::cardinality::plan_rows;
use crate::planner::predicates::{conjunction, conjuncts, free_slots, slot_expr};
use crate::planner::stats::Statistics;
use crate::planner::weighted::{sum_instead, unless_null};
use crate::planner::{Hop, LogicalOp};
use crate::syntax::ast::BinaryOp;

/// The aggregation decomposed over the arms of a star, or the parts given back.
pub fn count_star_arms(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
    stats: &dyn Statistics,
) -> Result<LogicalOp, Box<Parts>> {
    let star = match keys.is_empty().then(|| Star::of(&input)).flatten() {
        Some(star) => star,
        None => return Err(Box::new((input, keys, aggregates))),
    };
    if star.arms.len() == 1 {
        return match star.one_arm_branches(&aggregates) {
            Some(branches) if star.pays(&input, stats) => Ok(joined(branches)),
            _ => Err(Box::new((input, keys, aggregates))),
        };
    }
    let Some(per_arm) = star.assign(&aggregates) else { return Err(Box::new((input, keys, aggregates))) };
    let branches: Vec<LogicalOp> = (0..star.arms.len())
        .filter(|i| !per_arm[*i].is_empty())
        .map(|i| LogicalOp::Aggregate {
            input: boxed(star.counted_except(i)),
            keys: Vec::new(),
            aggregates: per_arm[i].clone(),
        })
        .collect();
    if !star.pays(&input, stats) {
        return Err(Box::new((input, keys, aggregates)));
    }
    Ok(joined(branches))
}

/// One expansion from the hub, with the conditions that read what it binds.
#[derive(Clone)]
struct Arm {
    hop: Hop,
    conditions: Vec<Expr>,
}

impl Arm {
    fn binds(&self, reads: &std::collections::HashSet<Slot>) -> bool {
        reads.contains(&self.hop.rel) || reads.contains(&self.hop.to)
    }

    /// Whether `reads` holds nothing but what the arm binds and its hub.
    fn reads_only_itself(&self, reads: &std::collections::HashSet<Slot>) -> bool {
        reads.iter().all(|&s| s == self.hop.rel || s == self.hop.to || s == self.hop.from)
    }

    /// The arm expanded, its conditions over it.
    fn expanded(&self, input: LogicalOp) -> LogicalOp {
        let expand = LogicalOp::Expand { input: boxed(input), hop: self.hop.clone() };
        with_filter(expand, conjunction(self.conditions.clone()))
    }

    /// The arm counted per row into its relationship's slot (which nothing else reads
    /// where it is counted), rows with no match dropped: the degree of a bare hop, else the
    /// matches that pass its conditions.
    fn counted(&self, input: LogicalOp) -> LogicalOp {
        let Hop { from, rel, direction, ref types, .. } = self.hop;
        match conjunction(self.conditions.clone()) {
            None => {
                LogicalOp::NodeDegree { input: boxed(input), node: from, slot: rel, direction, types: types.clone() }
            }
            Some(predicate) => LogicalOp::ExpandCount {
                input: boxed(input),
                hop: self.hop.clone(),
                predicate: Some(predicate),
                slot: rel,
            },
        }
    }
}

/// Expansions from one hub over what bound it (`base`), bottom first, and the conditions
/// that read none of them.
struct Star {
    base: LogicalOp,
    arms: Vec<Arm>,
    base_conditions: Vec<Expr>,
    /// The two arms' relationships must differ (the pattern's uniqueness check).
    apart: bool,
}

impl Star {
    /// `op` as a star whose conditions each read one arm at most and cannot fail, or
    /// `None`: two arms or more, or one arm over rows that bound its hub, which then
    /// stand for a second arm (`(p {id: $x})-[:KNOWS]->(f)-[:MEMBER_OF]->(o)-[:SENT]->(d)
    /// <-[:PART_OF]-(u)`: the rows up to `d`, and `d`'s units).
    fn of(op: &LogicalOp) -> Option<Star> {
        let mut conditions: Vec<Expr> = Vec::new();
        let mut arms: Vec<Arm> = Vec::new();
        let mut op = op;
        loop {
            match op {
                LogicalOp::Filter { input, predicate } => {
                    conditions.extend(conjuncts(predicate).into_iter().cloned());
                    op = input;
                }
                LogicalOp::Expand { input, hop } if is_arm(hop, arms.first()) => {
                    arms.push(Arm { hop: hop.clone(), conditions: Vec::new() });
                    op = input;
                }
                _ => break,
            }
        }
        if arms.is_empty() || (arms.len() == 1 && !binds_more_than_hub(op, arms[0].hop.from)) {
            return None;
        }
        arms.reverse();
        let mut base_conditions = Vec::new();
        let mut apart = false;
        for condition in conditions.into_iter().rev() {
            if rels_apart(&condition, &arms) {
                apart = true;
                continue;
            }
            let reads = free_slots(&condition)?;
            let one_arm = arms.len() == 1;
            let mut read: Vec<&mut Arm> = arms.iter_mut().filter(|a| a.binds(&reads)).collect();
            if !cannot_fail(&condition) || read.len() > 1 {
                return None;
            }
            // With one arm the rows below are the other: a condition reading both (the
            // pattern's `r1 <> r0`) is not the arm's alone.
            if one_arm && read.first().is_some_and(|arm| !arm.reads_only_itself(&reads)) {
                return None;
            }
            match read.pop() {
                Some(arm) => arm.conditions.push(condition),
                None => base_conditions.push(condition),
            }
        }
        if apart && (arms.len() != 2 || !scanned_from_start(op)) {
            return None;
        }
        Some(Star { base: op.clone(), arms, base_conditions, apart })
    }

    /// The aggregates each arm's aggregation computes (weighted by the other arms'
    /// counts), or `None` when one of them does not decompose. Those reading no arm go
    /// with the first.
    fn assign(&self, aggregates: &[AggregateCall]) -> Option<Vec<Vec<AggregateCall>>> {
        let mut per_arm = vec![Vec::new(); self.arms.len()];
        for call in aggregates {
            let reads = slots_read_by(call)?;
            let read: Vec<usize> = (0..self.arms.len()).filter(|&i| self.arms[i].binds(&reads)).collect();
            let arm = match read[..] {
                [] => 0,
                [i] => i,
                _ => return None,
            };
            per_arm[arm].push(self.weighted(call, arm)?);
        }
        Some(per_arm)
    }

    /// `call` over arm `arm`'s rows, each standing for the product of the other arms'
    /// counts.
    fn weighted(&self, call: &AggregateCall, arm: usize) -> Option<AggregateCall> {
        if call.distinct || matches!(call.function, AggregateFunction::Min | AggregateFunction::Max) {
            return Some(call.clone());
        }
        let rows = self.weight(arm, call.span);
        let summed = match (call.function, &call.arg) {
            (AggregateFunction::CountStar, _) => rows,
            (AggregateFunction::Count, Some(x)) => unless_null(x, rows),
            _ => return None,
        };
        Some(sum_instead(call, summed))
    }

    /// The product of the counts of every arm but `arm`.
    fn weight(&self, arm: usize, span: crate::span::Span) -> Expr {
        let counts =
            self.arms.iter().enumerate().filter(|(i, _)| *i != arm).map(|(_, a)| slot_expr(a.hop.rel, Type::Int, span));
        counts
            .reduce(|a, b| Expr {
                kind: ExprKind::Binary(BinaryOp::Mul, Box::new(a), Box::new(b)),
                ty: Type::Int,
                span,
            })
            .unwrap_or_else(|| slot_expr(self.arms[arm].hop.rel, Type::Int, span))
    }

    /// The branches of a star of one arm over the rows that bound its hub: those rows
    /// with the arm counted per row (`count(*)` the sum of the counts, what ignores
    /// repeats as it is), and each hub once with the arm expanded (what reads the arm
    /// and ignores repeats). `None` when an aggregate reads the arm and counts repeats,
    /// when none reads it, or when none counts repeats.
    fn one_arm_branches(&self, aggregates: &[AggregateCall]) -> Option<Vec<LogicalOp>> {
        let arm = &self.arms[0];
        let (mut on_rows, mut on_arm) = (Vec::new(), Vec::new());
        for call in aggregates {
            let reads = slots_read_by(call)?;
            let ignores_repeats =
                call.distinct || matches!(call.function, AggregateFunction::Min | AggregateFunction::Max);
            if arm.binds(&reads) {
                on_arm.push(ignores_repeats.then(|| call.clone())?);
            } else {
                on_rows.push(self.weighted(call, 1)?);
            }
        }
        // Without aggregates of the arm, the last hop is only counted per row, which the
        // plain counting rewrites do (`rewrite.rs`); without one that counts repeats,
        // `distinct_before_expand` keeps each level's distinct nodes, which is cheaper.
        let counts_repeats = aggregates
            .iter()
            .any(|c| !c.distinct && !matches!(c.function, AggregateFunction::Min | AggregateFunction::Max));
        if on_arm.is_empty() || !counts_repeats {
            return None;
        }
        let mut branches = Vec::new();
        if !on_rows.is_empty() {
            let input = boxed(arm.counted(self.hubs()));
            branches.push(LogicalOp::Aggregate { input, keys: Vec::new(), aggregates: on_rows });
        }
        if !on_arm.is_empty() {
            let hubs = LogicalOp::Distinct { input: boxed(self.hubs()), slots: vec![arm.hop.from] };
            let input = boxed(arm.expanded(hubs));
            branches.push(LogicalOp::Aggregate { input, keys: Vec::new(), aggregates: on_arm });
        }
        Some(branches)
    }

    /// The hub's rows with every arm but `arm` counted and `arm` expanded.
    fn counted_except(&self, arm: usize) -> LogicalOp {
        if self.apart {
            return self.counted_apart(arm);
        }
        let mut op = self.hubs();
        for (i, other) in self.arms.iter().enumerate() {
            if i != arm {
                op = other.counted(op);
            }
        }
        self.arms[arm].expanded(op)
    }

    /// Of two arms whose relationships must differ, `arm` expanded and the other counted
    /// per row less the row's own relationship: the other arm's rows, built once, counted
    /// per hub and per hub and relationship.
    fn counted_apart(&self, arm: usize) -> LogicalOp {
        let (this, other) = (&self.arms[arm], &self.arms[1 - arm]);
        LogicalOp::CountingHashJoin {
            probe: boxed(this.expanded(self.hubs())),
            build: boxed(other.expanded(self.hubs())),
            keys: vec![this.hop.from],
            build_rels: vec![other.hop.rel],
            probe_rels: vec![this.hop.rel],
            slot: other.hop.rel,
        }
    }

    /// The rows binding the hub, with the conditions that read no arm.
    fn hubs(&self) -> LogicalOp {
        with_filter(self.base.clone(), conjunction(self.base_conditions.clone()))
    }

    /// Whether the flattened rows are estimated at twice the arms' own rows or more (with
    /// one arm: the rows that bound the hubs, and the arm's from each hub once, which are
    /// no more than the relationships of its types).
    fn pays(&self, flattened: &LogicalOp, stats: &dyn Statistics) -> bool {
        let arms: f64 = match &self.arms[..] {
            [arm] => {
                let hubs = self.hubs();
                let types: Option<Vec<_>> = arm.hop.types.iter().map(|t| t.id).collect();
                let rels = match types {
                    Some(types) if !types.is_empty() => types.iter().map(|&t| stats.rel_type_count(t)).sum(),
                    _ => stats.rel_count(),
                };
                plan_rows(&hubs, stats) + plan_rows(&arm.expanded(hubs.clone()), stats).min(rels as f64)
            }
            arms => arms.iter().map(|a| plan_rows(&a.expanded(self.hubs()), stats)).sum(),
        };
        plan_rows(flattened, stats) >= 2.0 * arms
    }
}

/// An expansion binding a new relationship and node from the hub of the arms above it
/// (the first arm's near node), or from any node when it is the first.
fn is_arm(hop: &Hop, first: Option<&Arm>) -> bool {
    !hop.into && !hop.rel_bound && hop.to != hop.from && first.is_none_or(|a| a.hop.from == hop.from)
}

/// Whether the rows of `base` bind the node `hub` by an expansion: rows that may repeat
/// a hub, so that the arm over them counts as a star's (a hub found by a scan or a key is
/// one row per hub already).
fn binds_more_than_hub(base: &LogicalOp, hub: Slot) -> bool {
    match base {
        LogicalOp::Filter { input, .. } => binds_more_than_hub(input, hub),
        LogicalOp::Expand { hop, .. } => hop.to == hub && !hop.into,
        _ => false,
    }
}

/// The slots an aggregate's argument and extra arguments read, `None` when one of them
/// holds a pattern or a subquery (whose reads `free_slots` cannot tell).
fn slots_read_by(call: &AggregateCall) -> Option<std::collections::HashSet<Slot>> {
    let mut reads = std::collections::HashSet::new();
    for e in call.arg.iter().chain(call.extra.iter()) {
        reads.extend(free_slots(e)?);
    }
    Some(reads)
}

/// `r1 <> r0` between the relationships of two of `arms`.
fn rels_apart(condition: &Expr, arms: &[Arm]) -> bool {
    let ExprKind::Binary(BinaryOp::Ne, a, b) = &condition.kind else { return false };
    let rel = |e: &Expr| arms.iter().position(|arm| e.kind == ExprKind::Slot(arm.hop.rel));
    matches!((rel(a), rel(b)), (Some(i), Some(j)) if i != j)
}

/// A node scan (of a label or all nodes) right over the start: rows that read nothing of
/// an outer row, so that a join's build side may run them once.
fn scanned_from_start(op: &LogicalOp) -> bool {
    matches!(op, LogicalOp::NodeScan { input, .. } if **input == LogicalOp::Start)
}

/// A condition that can be tested on more rows than before: it raises no error (a label
/// test of a variable, or what `never_fails` allows).
pub(super) fn cannot_fail(condition: &Expr) -> bool {
    match &condition.kind {
        ExprKind::HasLabels(e, _) => matches!(e.kind, ExprKind::Slot(_)),
        _ => never_fails(condition),
    }
}

fn with_filter(op: LogicalOp, predicate: Option<Expr>) -> LogicalOp {
    match predicate {
        Some(predicate) => LogicalOp::Filter { input: boxed(op), predicate },
        None => op,
    }
}

/// The one-row aggregations side by side: a cartesian product (a hash join on no key).
fn joined(branches: Vec<LogicalOp>) -> LogicalOp {
    let mut branches = branches.into_iter();
    let first = branches.next().unwrap_or(LogicalOp::Start);
    branches.fold(first, |probe, build| {
        let build_slots = match &build {
            LogicalOp::Aggregate { aggregates, .. } => aggregates.iter().map(|a| a.slot).collect(),
            _ => Vec::new(),
        };
        LogicalOp::HashJoin {
            probe: boxed(probe),
            build: boxed(build),
            keys: Vec::new(),
            build_slots,
            values: Vec::new(),
        }
    })
}

//! Counting through a hash join (part of the `count_rows` pass): when an aggregation over
//! a `HashJoin` only counts its rows (or aggregates, without regard to repeats, what the
//! probe side binds: `count(DISTINCT d)`, `min`, `max`) and groups by the probe side, the
//! build side is counted per join key first, and the join gives each probe row once with
//! its count: the counts become sums. A hub on the join key then costs one count, not a
//! row for each of its matches times each probe row that reaches it (eager aggregation).
//! When the join is under the pattern's relationship uniqueness (`r2 <> r1` across it), the
//! build side is counted per key and per key and relationship instead, and each probe row
//! takes away the build rows holding its own relationships (`CountingHashJoin`).

use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::planner::build::boxed;
use crate::planner::predicates::{conjuncts, slot_expr};
use crate::planner::rewrite::sum_of;
use crate::planner::weighted::{ignores_repeats, reads_none_of};
use crate::planner::LogicalOp;
use crate::span::Span;
use crate::syntax::ast::BinaryOp;

/// An aggregation's input, grouping keys and aggregates.
pub type Parts = (LogicalOp, Vec<(Slot, Expr)>, Vec<AggregateCall>);

/// The aggregation rewritten over a build side counted per key, or `None` (the shape does
/// not allow it) with the parts given back.
pub fn count_through_join(
    input: LogicalOp,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    match input {
        LogicalOp::Filter { input: join, predicate } => match *join {
            LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values } => {
                let join = Join { probe, build, keys: join_keys, build_slots, values };
                count_apart(join, predicate, keys, aggregates)
            }
            join => Err(Box::new((LogicalOp::Filter { input: boxed(join), predicate }, keys, aggregates))),
        },
        LogicalOp::HashJoin { probe, build, keys: join_keys, build_slots, values } => {
            count_per_key(Join { probe, build, keys: join_keys, build_slots, values }, keys, aggregates)
        }
        input => Err(Box::new((input, keys, aggregates))),
    }
}

/// A `HashJoin`'s fields.
struct Join {
    probe: Box<LogicalOp>,
    build: Box<LogicalOp>,
    keys: Vec<Slot>,
    build_slots: Vec<Slot>,
    values: Vec<(Expr, Expr)>,
}

impl Join {
    fn into_op(self) -> LogicalOp {
        let Join { probe, build, keys, build_slots, values } = self;
        LogicalOp::HashJoin { probe, build, keys, build_slots, values }
    }

    /// The slot and span of the aggregation's first count of rows, when the aggregation
    /// only counts the join's rows or ignores repeats of the probe side's values and
    /// groups by the probe side (a join keyed on values too meets build rows by them, not
    /// per node: not counted here).
    fn counted_by(&self, keys: &[(Slot, Expr)], aggregates: &[AggregateCall]) -> Option<(Slot, Span)> {
        let counts = |a: &AggregateCall| counts_rows(a, &self.build_slots, &self.keys);
        let fits = self.values.is_empty()
            && !self.keys.is_empty()
            && keys.iter().all(|(_, e)| reads_none_of(e, &self.build_slots))
            && aggregates.iter().all(|a| counts(a) || ignores_repeats(a, &self.build_slots));
        fits.then(|| aggregates.iter().find(|a| counts(a)).map(|a| (a.slot, a.span)))?
    }
}

/// The build side counted per join key, the counts summed.
fn count_per_key(join: Join, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> Result<LogicalOp, Box<Parts>> {
    let Some((slot, span)) = join.counted_by(&keys, &aggregates).filter(|_| join.keys.len() == 1) else {
        return Err(Box::new((join.into_op(), keys, aggregates)));
    };
    let Join { probe, build, keys: join_keys, values, build_slots } = join;
    let key = join_keys[0];
    let per_key =
        AggregateCall { function: AggregateFunction::CountStar, distinct: false, arg: None, extra: None, slot, span };
    let key_expr = slot_expr(key, Type::Node, span);
    let counted = LogicalOp::Aggregate { input: build, keys: vec![(key, key_expr)], aggregates: vec![per_key] };
    let join =
        LogicalOp::HashJoin { probe, build: boxed(counted), keys: join_keys.clone(), build_slots: vec![slot], values };
    Ok(LogicalOp::Aggregate {
        input: boxed(join),
        keys,
        aggregates: summed(aggregates, slot, &build_slots, &join_keys),
    })
}

/// Under the relationship uniqueness of a pattern split by the join (`predicate`: each
/// conjunct `rb <> rp` of a build side's relationship and a probe side's, one side holding
/// one of them), each probe row counted as the build rows of its key less those holding one
/// of its relationships (`CountingHashJoin`): exact where both sides can take one
/// relationship (one type and direction, an undirected hop, a node of both end labels).
fn count_apart(
    join: Join,
    predicate: Expr,
    keys: Vec<(Slot, Expr)>,
    aggregates: Vec<AggregateCall>,
) -> Result<LogicalOp, Box<Parts>> {
    // The operator keys its counts by one or two nodes' ids.
    let apart = rels_apart(&predicate, &join.build_slots).filter(|_| join.keys.len() <= 2);
    let (Some((slot, _)), Some((build_rels, probe_rels))) = (join.counted_by(&keys, &aggregates), apart) else {
        let input = LogicalOp::Filter { input: boxed(join.into_op()), predicate };
        return Err(Box::new((input, keys, aggregates)));
    };
    let Join { probe, build, keys: join_keys, build_slots, .. } = join;
    let aggregates = summed(aggregates, slot, &build_slots, &join_keys);
    let counted = LogicalOp::CountingHashJoin { probe, build, keys: join_keys, build_rels, probe_rels, slot };
    Ok(LogicalOp::Aggregate { input: boxed(counted), keys, aggregates })
}

/// The build side's relationships and the probe side's ones they must differ from, when
/// `predicate` is only such inequalities, each between two relationship variables, and
/// one side holds one of them (with several on both sides, a build row could hold two of
/// a probe row's relationships, and the rows to take away would not add up).
fn rels_apart(predicate: &Expr, build_slots: &[Slot]) -> Option<(Vec<Slot>, Vec<Slot>)> {
    let (mut build_rels, mut probe_rels) = (Vec::new(), Vec::new());
    for conjunct in conjuncts(predicate) {
        let ExprKind::Binary(BinaryOp::Ne, left, right) = &conjunct.kind else { return None };
        let (ExprKind::Slot(a), ExprKind::Slot(b)) = (&left.kind, &right.kind) else { return None };
        if left.ty != Type::Relationship || right.ty != Type::Relationship {
            return None;
        }
        let (built, probed) = match (build_slots.contains(a), build_slots.contains(b)) {
            (true, false) => (*a, *b),
            (false, true) => (*b, *a),
            _ => return None,
        };
        push_new(&mut build_rels, built);
        push_new(&mut probe_rels, probed);
    }
    let one_side = build_rels.len() == 1 || probe_rels.len() == 1;
    (one_side && !build_rels.is_empty()).then_some((build_rels, probe_rels))
}

fn push_new(slots: &mut Vec<Slot>, slot: Slot) {
    if !slots.contains(&slot) {
        slots.push(slot);
    }
}

/// The aggregates over rows that each stand for the count in `slot`: counts become sums.
fn summed(aggregates: Vec<AggregateCall>, slot: Slot, build_slots: &[Slot], join_keys: &[Slot]) -> Vec<AggregateCall> {
    aggregates.into_iter().map(|a| if counts_rows(&a, build_slots, join_keys) { sum_of(a, slot) } else { a }).collect()
}

/// `count(*)`, or `count(v)` of a variable the join's rows always hold (the key, or one
/// the build side binds: its pattern never leaves one null).
fn counts_rows(call: &AggregateCall, build_slots: &[Slot], join_keys: &[Slot]) -> bool {
    match call.function {
        AggregateFunction::CountStar => true,
        AggregateFunction::Count => {
            !call.distinct
                && call.arg.as_ref().is_some_and(|a| match a.kind {
                    ExprKind::Slot(s) => build_slots.contains(&s) || join_keys.contains(&s),
                    _ => false,
                })
        }
        _ => false,
    }
}

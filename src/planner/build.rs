//! `plan_<clause>`: each clause becomes operators stacked on the plan so far.

use std::collections::HashSet;

use super::estimate::Known;
use super::predicates::{conjunction, conjuncts};
use super::stats::Statistics;
use super::{LogicalOp, Options};
use crate::binder::bound::{self, Clause, Expr, ExprKind, PatternPart, SetItem, Slot, SubqueryKind};
use crate::error::{Error, ErrorCode, Result};
use crate::syntax::ast::UnaryOp;

/// The most operators one query part may stack: operators pull through their inputs
/// recursively, so the plan's depth must stay bounded.
pub const MAX_PLAN_DEPTH: usize = 1_000;

pub fn plan_single_query(query: &bound::SingleQuery, stats: &dyn Statistics, options: Options) -> Result<LogicalOp> {
    let mut planner = Planner {
        stats,
        bound: HashSet::new(),
        match_rels: Vec::new(),
        known: Known::default(),
        options,
        read_after: HashSet::new(),
        argument_rows: 1.0,
    };
    let op = planner.plan_clauses(LogicalOp::Start, &query.clauses)?;
    Ok(LogicalOp::ProduceResults { input: Box::new(op), slots: query.output.clone() })
}

/// What the plan so far has bound, and the counts that guide its choices.
pub(super) struct Planner<'s> {
    pub(super) stats: &'s dyn Statistics,
    pub(super) bound: HashSet<Slot>,
    /// The relationship slots the current MATCH has bound so far, and whether each holds
    /// a list (a variable-length relationship): a MATCH never uses one relationship twice.
    pub(super) match_rels: Vec<(Slot, bool)>,
    /// The labels and types the patterns so far give each node and relationship slot.
    pub(super) known: Known,
    pub(super) options: Options,
    /// The slots whose properties the operators right after the MATCH read for each of its
    /// rows (an aggregation's keys, a projection: `optimize/reads_after.rs`), so that an
    /// expansion reading a relationship's properties against their stored order costs
    /// its scattered reads even when no condition reads them.
    pub(super) read_after: HashSet<Slot>,
    /// The rows the plan's `Argument` is estimated to stand for (an inner plan runs once
    /// per outer row; 1 outside one), so that a hash join's build side, run once, is
    /// priced once over all of them (`join.rs`, `part_join.rs`).
    pub(super) argument_rows: f64,
}

pub(super) fn boxed(op: LogicalOp) -> Box<LogicalOp> {
    Box::new(op)
}

impl Planner<'_> {
    fn plan_clause(&mut self, input: LogicalOp, clause: &Clause) -> Result<LogicalOp> {
        Ok(match clause {
            Clause::Match(m) => self.plan_match(input, m)?,
            Clause::Unwind { expr, slot } => {
                let mut expr = expr.clone();
                let input = self.lift_subqueries(input, [&mut expr])?;
                self.bound.insert(*slot);
                LogicalOp::Unwind { input: boxed(input), expr, slot: *slot }
            }
            Clause::Project(p) => self.plan_projection(input, p)?,
            Clause::Create(pattern) => {
                self.bind_pattern_slots(pattern.parts.iter());
                LogicalOp::Create { input: boxed(input), pattern: pattern.clone() }
            }
            Clause::Merge(m) => {
                self.bind_pattern_slots(std::iter::once(&m.part));
                LogicalOp::Merge { input: boxed(input), merge: Box::new(m.clone()) }
            }
            Clause::Set(items) => {
                let mut items = items.clone();
                let input = self.lift_subqueries(input, items.iter_mut().filter_map(set_value))?;
                LogicalOp::SetProperties { input: boxed(input), items }
            }
            Clause::Remove(items) => LogicalOp::Remove { input: boxed(input), items: items.clone() },
            Clause::Delete { detach, exprs } => {
                let mut exprs = exprs.clone();
                let input = self.lift_subqueries(input, exprs.iter_mut())?;
                LogicalOp::Delete { input: boxed(input), detach: *detach, exprs }
            }
            Clause::Subquery(c) => self.plan_call_subquery(input, c)?,
            Clause::Foreach { slot, list, clauses } => self.plan_foreach(input, *slot, list, clauses)?,
            Clause::LoadCsv(load) => {
                let mut load = load.clone();
                let input = self.lift_subqueries(input, [&mut load.url])?;
                self.bound.extend([load.slot, load.line_slot, load.file_slot]);
                LogicalOp::LoadCsv { input: boxed(input), load: Box::new(load) }
            }
            Clause::Call(call) => {
                self.bound.extend(call.yields.iter().flatten());
                let op = LogicalOp::ProcedureCall { input: boxed(input), call: call.clone() };
                match &call.filter {
                    Some(predicate) => LogicalOp::Filter { input: boxed(op), predicate: predicate.clone() },
                    None => op,
                }
            }
        })
    }

    fn bind_pattern_slots<'p>(&mut self, parts: impl Iterator<Item = &'p PatternPart>) {
        for part in parts {
            self.bound.extend(part.nodes.iter().map(|n| n.slot));
            self.bound.extend(part.rels.iter().map(|r| r.slot));
            self.bound.extend(part.path);
        }
    }

    /// A WHERE condition: its `[NOT] EXISTS { … }` conjuncts become semi-applies over
    /// the subquery's plan, after a `Filter` of the other conjuncts.
    pub(super) fn plan_filter(&mut self, input: LogicalOp, predicate: Option<&Expr>) -> Result<LogicalOp> {
        let (mut plain, subqueries) = split_where(predicate);
        let input = self.lift_subqueries(input, plain.iter_mut())?;
        let op = with_filter(input, conjunction(plain));
        self.plan_semi_applies(op, &subqueries)
    }

    /// A semi-apply over each `[NOT] EXISTS { … }` condition, in order.
    pub(super) fn plan_semi_applies(
        &mut self,
        mut op: LogicalOp,
        subqueries: &[(&bound::Subquery, bool)],
    ) -> Result<LogicalOp> {
        for (subquery, negated) in subqueries {
            let inner = self.plan_subquery(subquery)?;
            op = LogicalOp::SemiApply { input: boxed(op), inner: boxed(inner), negated: *negated, memo: None };
        }
        Ok(op)
    }

    /// The clauses of an `EXISTS { … }` over the row handed down; the variables they bind
    /// stay inside.
    fn plan_subquery(&mut self, subquery: &bound::Subquery) -> Result<LogicalOp> {
        self.plan_body(&subquery.body)
    }

    pub(super) fn plan_clauses(&mut self, mut op: LogicalOp, clauses: &[Clause]) -> Result<LogicalOp> {
        for clause in clauses {
            op = check_depth(self.plan_clause(op, clause)?)?;
        }
        Ok(op)
    }

    fn plan_projection(&mut self, input: LogicalOp, p: &bound::Projection) -> Result<LogicalOp> {
        // Subqueries in the items are computed before the projection, those in ORDER BY
        // after it (they may read what it projects); WITH … WHERE's in plan_filter.
        let mut p = p.clone();
        let lifted = p.items.iter_mut().map(|(_, e)| e);
        let args = p.aggregates.iter_mut().flat_map(|a| a.arg.iter_mut().chain(a.extra.iter_mut()));
        let input = self.lift_subqueries(input, lifted.chain(args))?;
        let p = &p;
        let mut op = if p.aggregates.is_empty() {
            LogicalOp::Project { input: boxed(input), items: p.items.clone() }
        } else {
            let agg_slots: Vec<Slot> = p.aggregates.iter().map(|a| a.slot).collect();
            let (after, keys): (Vec<_>, Vec<_>) = p.items.iter().cloned().partition(|(_, e)| references(e, &agg_slots));
            let op = LogicalOp::Aggregate { input: boxed(input), keys, aggregates: p.aggregates.clone() };
            if after.is_empty() {
                op
            } else {
                LogicalOp::Project { input: boxed(op), items: after }
            }
        };
        // ORDER BY and WITH … WHERE read the projected slots as well as the earlier ones:
        // a subquery in them must find the projected variables bound.
        self.bound.extend(p.kept.iter().copied());
        self.bound.extend(p.aggregates.iter().map(|a| a.slot));
        if p.distinct {
            op = LogicalOp::Distinct { input: boxed(op), slots: p.kept.clone() };
        }
        let mut order_by = p.order_by.clone();
        op = self.lift_subqueries(op, order_by.iter_mut().map(|(e, _)| e))?;
        if !order_by.is_empty() {
            op = LogicalOp::Sort { input: boxed(op), keys: order_by };
        }
        if let Some(skip) = &p.skip {
            op = LogicalOp::Skip { input: boxed(op), count: skip.clone() };
        }
        if let Some(limit) = &p.limit {
            op = LogicalOp::Limit { input: boxed(op), count: limit.clone() };
        }
        // WITH … WHERE may read variables from before the projection: filter, then retain.
        op = self.plan_filter(op, p.filter.as_ref())?;
        self.bound = p.kept.iter().copied().collect();
        Ok(LogicalOp::Retain { input: boxed(op), slots: p.kept.clone() })
    }
}

/// The conditions of a WHERE: the plain ones, and the `[NOT] EXISTS { … }` ones (with
/// whether negated), each in order.
pub(super) fn split_where(predicate: Option<&Expr>) -> (Vec<Expr>, Vec<(&bound::Subquery, bool)>) {
    let mut plain = Vec::new();
    let mut subqueries = Vec::new();
    for conjunct in predicate.map(conjuncts).unwrap_or_default() {
        match &conjunct.kind {
            ExprKind::Subquery(subquery) if subquery.kind == SubqueryKind::Exists => {
                subqueries.push((&**subquery, false))
            }
            ExprKind::Unary(UnaryOp::Not, inner) => match &inner.kind {
                ExprKind::Subquery(subquery) if subquery.kind == SubqueryKind::Exists => {
                    subqueries.push((&**subquery, true))
                }
                _ => plain.push(conjunct.clone()),
            },
            _ => plain.push(conjunct.clone()),
        }
    }
    (plain, subqueries)
}

/// Refuses a plan deeper than [`MAX_PLAN_DEPTH`], checked as it grows so that no deeper
/// tree is ever built.
pub(super) fn check_depth(op: LogicalOp) -> Result<LogicalOp> {
    if op.depth() <= MAX_PLAN_DEPTH {
        return Ok(op);
    }
    Err(too_deep())
}

/// The error for a plan that would stack more than [`MAX_PLAN_DEPTH`] operators.
pub(super) fn too_deep() -> Error {
    Error::new(
        ErrorCode::NestingTooDeep,
        format!("the query needs more than {MAX_PLAN_DEPTH} operators in a row; split it into several statements"),
    )
}

pub(super) fn with_filter(op: LogicalOp, predicate: Option<Expr>) -> LogicalOp {
    match predicate {
        Some(predicate) => LogicalOp::Filter { input: boxed(op), predicate },
        None => op,
    }
}

/// The value a SET item computes, where a subquery may stand.
fn set_value(item: &mut SetItem) -> Option<&mut Expr> {
    match item {
        SetItem::Property { value, .. }
        | SetItem::DynamicProperty { value, .. }
        | SetItem::Replace { value, .. }
        | SetItem::Merge { value, .. } => Some(value),
        SetItem::Labels { .. } => None,
    }
}

/// Whether `expr` reads any of `slots`.
fn references(expr: &Expr, slots: &[Slot]) -> bool {
    let mut found = false;
    expr.visit(&mut |e| {
        if let ExprKind::Slot(s) = &e.kind {
            found |= slots.contains(s);
        }
    });
    found
}

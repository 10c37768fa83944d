//! Subqueries in the plan: `CALL { … }` and FOREACH become an `Apply` over the body's
//! plan (which starts from an `Argument`, the outer row, as OPTIONAL MATCH's does); an
//! `EXISTS/COUNT/COLLECT { … }` inside an expression is computed into its slot by a
//! `SubqueryValue` stacked before the operator that evaluates the expression, which then
//! reads the slot (the subquery is "lifted" out of it).

use super::build::{boxed, Planner};
use super::LogicalOp;
use crate::binder::bound::{self, Clause, Expr, ExprKind, Subquery};

impl Planner<'_> {
    /// The body of a subquery over the row handed down: its UNION parts mapped onto the
    /// body's output slots. What the body binds stays inside.
    pub(super) fn plan_body(&mut self, body: &bound::SubqueryBody) -> crate::Result<LogicalOp> {
        let mut inputs = Vec::with_capacity(body.parts.len());
        for part in &body.parts {
            let mut op = self.plan_isolated(LogicalOp::Argument, &part.clauses)?;
            if body.parts.len() > 1 {
                let items = body
                    .output
                    .iter()
                    .zip(&part.output)
                    .map(|(to, from)| (*to, super::predicates::slot_expr(*from, bound::Type::Any, Default::default())))
                    .collect();
                op = LogicalOp::Project { input: boxed(op), items };
            }
            inputs.push(op);
        }
        if inputs.len() == 1 {
            return Ok(inputs.remove(0));
        }
        let union = LogicalOp::Union { inputs, all: true };
        Ok(match body.union_all {
            true => union,
            false => LogicalOp::Distinct { input: boxed(union), slots: body.output.clone() },
        })
    }

    /// Clauses planned on `op` with the planner's state restored afterwards.
    pub(super) fn plan_isolated(&mut self, op: LogicalOp, clauses: &[Clause]) -> crate::Result<LogicalOp> {
        let bound = self.bound.clone();
        let match_rels = std::mem::take(&mut self.match_rels);
        let planned = self.plan_clauses(op, clauses);
        self.bound = bound;
        self.match_rels = match_rels;
        planned
    }

    /// `[OPTIONAL] CALL { … } [IN TRANSACTIONS]`
    pub(super) fn plan_call_subquery(&mut self, input: LogicalOp, c: &bound::CallSubquery) -> crate::Result<LogicalOp> {
        let inner = self.plan_body(&c.body)?;
        self.bound.extend(c.body.output.iter().copied());
        if let Some(report) = c.in_transactions.as_ref().and_then(|t| t.report) {
            self.bound.insert(report);
        }
        Ok(LogicalOp::Apply {
            input: boxed(input),
            inner: boxed(inner),
            output: c.body.output.clone(),
            optional: c.optional,
            transactions: c.in_transactions.clone(),
        })
    }

    /// `FOREACH (x IN list | clauses)`: an Apply of a unit body that unwinds the list.
    pub(super) fn plan_foreach(
        &mut self,
        input: LogicalOp,
        slot: bound::Slot,
        list: &Expr,
        clauses: &[Clause],
    ) -> crate::Result<LogicalOp> {
        let mut list = list.clone();
        let input = self.lift_subqueries(input, [&mut list])?;
        let bound = self.bound.clone();
        self.bound.insert(slot);
        let unwind = LogicalOp::Unwind { input: boxed(LogicalOp::Argument), expr: list, slot };
        let inner = self.plan_isolated(unwind, clauses);
        self.bound = bound;
        Ok(LogicalOp::Apply {
            input: boxed(input),
            inner: boxed(inner?),
            output: Vec::new(),
            optional: false,
            transactions: None,
        })
    }

    /// Computes every expression subquery in `exprs` into its slot on top of `op`, and
    /// makes the expressions read the slot instead. Subqueries inside comprehensions,
    /// quantifiers and reduce bodies stay where they are (they may read the element).
    pub(super) fn lift_subqueries<'e>(
        &mut self,
        mut op: LogicalOp,
        exprs: impl IntoIterator<Item = &'e mut Expr>,
    ) -> crate::Result<LogicalOp> {
        let mut found = Vec::new();
        for expr in exprs {
            take_subqueries(expr, &mut found);
        }
        for subquery in found {
            let inner = self.plan_body(&subquery.body)?;
            self.bound.insert(subquery.slot);
            op = LogicalOp::SubqueryValue {
                input: boxed(op),
                inner: boxed(inner),
                kind: subquery.kind,
                slot: subquery.slot,
                column: subquery.body.output.first().copied(),
                memo: None,
            };
        }
        Ok(op)
    }
}

/// Replaces each liftable subquery in `expr` by a read of its slot, collecting them
/// innermost first.
fn take_subqueries(expr: &mut Expr, out: &mut Vec<Subquery>) {
    match &mut expr.kind {
        ExprKind::Subquery(subquery) => {
            let slot = subquery.slot;
            out.push((**subquery).clone());
            expr.kind = ExprKind::Slot(slot);
        }
        ExprKind::ListComprehension { list, .. } | ExprKind::Quantifier { list, .. } => take_subqueries(list, out),
        ExprKind::Reduce { init, list, .. } => {
            take_subqueries(init, out);
            take_subqueries(list, out);
        }
        ExprKind::PatternComprehension { .. } => {}
        _ => {
            for child in expr.children_mut() {
                take_subqueries(child, out);
            }
        }
    }
}

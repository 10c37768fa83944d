//! What an expression may read next to an aggregation or after a projection.
//!
//! openCypher's rules: in an item that mixes aggregates with other values, the other
//! values must be grouping keys, reused as variables or property reads
//! (`RETURN me.age, me.age + count(*)`). After an aggregating or DISTINCT projection,
//! ORDER BY and WHERE see only the projected columns, and earlier variables only
//! inside an expression that was projected (`WITH a.name AS name … ORDER BY a.name + 'x'`);
//! an aggregate in ORDER BY must be one the projection computes.

use super::bound::{AggregateCall, Expr, ExprKind, Slot};
use super::scope::Scope;
use crate::error::{Error, ErrorCode, Result};

/// The columns of one WITH/RETURN and the variables it hides.
pub struct Projected<'a> {
    pub items: &'a [(Slot, Expr)],
    pub aggregates: &'a [AggregateCall],
    /// The projection's own columns.
    pub columns: &'a Scope,
    /// The variables in scope before it.
    pub before: &'a Scope,
}

impl Projected<'_> {
    /// Rewrites the items that mix aggregates with other values to read their grouping
    /// keys' columns, and refuses one that reads anything else.
    pub fn group_mixed_items(&self) -> Result<Vec<(Slot, Expr)>> {
        let agg_slots = self.aggregate_slots();
        let keys: Vec<&(Slot, Expr)> = self.items.iter().filter(|(_, e)| !reads_any(e, &agg_slots)).collect();
        let key_slots: Vec<Slot> = keys.iter().map(|(s, _)| *s).collect();
        let mut out = Vec::with_capacity(self.items.len());
        for (slot, item) in self.items {
            let mut item = item.clone();
            if reads_any(&item, &agg_slots) {
                item.rewrite(&mut |e| {
                    let key = keys.iter().find(|(_, k)| is_variable_or_property(e) && k.same_as(e))?;
                    Some(column(key.0, e))
                });
                if let Some(stray) = first_stray(&item, &[&agg_slots, &key_slots, &local_slots(&item)]) {
                    return Err(ambiguous(&stray));
                }
            }
            out.push((*slot, item));
        }
        Ok(out)
    }

    /// Binds an ORDER BY key or a WHERE predicate of an aggregating or DISTINCT
    /// projection to the projection's columns. `extra` are the aggregates `expr` was
    /// bound with.
    pub fn resolve_after(&self, mut expr: Expr, extra: &[AggregateCall]) -> Result<Expr> {
        for call in extra {
            let Some(same) = self.aggregates.iter().find(|a| a.same_as(call)) else {
                return Err(self.unprojected_aggregate(call));
            };
            expr.rewrite(&mut |e| matches!(e.kind, ExprKind::Slot(s) if s == call.slot).then(|| column(same.slot, e)));
        }
        let agg_slots = self.aggregate_slots();
        let next_to_aggregate = reads_any(&expr, &agg_slots);
        expr.rewrite(&mut |e| {
            if next_to_aggregate && !is_variable_or_property(e) {
                return None;
            }
            let (slot, _) = self.items.iter().find(|(_, item)| item.same_as(e))?;
            Some(column(*slot, e))
        });
        let columns = self.columns.slots();
        match first_stray(&expr, &[&agg_slots, &columns, &local_slots(&expr)]) {
            None => Ok(expr),
            Some(stray) if next_to_aggregate && self.projects_part_of(&stray) => Err(ambiguous(&stray)),
            Some(stray) => Err(self.hidden(&stray)),
        }
    }

    /// Whether a projected item reads `variable`: then using it next to an aggregate is
    /// ambiguous rather than undefined.
    fn projects_part_of(&self, variable: &Expr) -> bool {
        let ExprKind::Slot(slot) = variable.kind else { return false };
        self.items.iter().any(|(_, item)| reads_any(item, &[slot]))
    }

    fn aggregate_slots(&self) -> Vec<Slot> {
        self.aggregates.iter().map(|a| a.slot).collect()
    }

    /// An aggregate in ORDER BY that the projection does not compute: its variables
    /// are gone by then.
    fn unprojected_aggregate(&self, call: &AggregateCall) -> Error {
        let columns = self.columns.slots();
        let mut hidden = None;
        for arg in call.arg.iter().chain(&call.extra) {
            hidden = hidden.or_else(|| first_stray(arg, &[&columns, &local_slots(arg)]));
        }
        match hidden {
            Some(stray) => self.hidden(&stray),
            None => Error::at(
                ErrorCode::InvalidAggregation,
                call.span,
                "ORDER BY can only use an aggregate that the projection computes; project it too",
            ),
        }
    }

    fn hidden(&self, stray: &Expr) -> Error {
        let name = match stray.kind {
            ExprKind::Slot(slot) => {
                self.before.entries().iter().find(|(_, s, _)| *s == slot).map(|(n, _, _)| n.clone())
            }
            _ => None,
        };
        Error::at(
            ErrorCode::UndefinedVariable,
            stray.span,
            format!(
                "variable `{}` is not defined here: after an aggregating or DISTINCT projection only its columns remain",
                name.as_deref().unwrap_or("?")
            ),
        )
        .with_hint("project what you need (WITH x, … or RETURN x, …)")
    }
}

fn ambiguous(stray: &Expr) -> Error {
    Error::at(
        ErrorCode::AmbiguousAggregationExpression,
        stray.span,
        "next to an aggregate, only grouping keys may be used, as a variable or a property read that is projected on its own",
    )
}

fn is_variable_or_property(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Slot(_) => true,
        ExprKind::Property(owner, _) => is_variable_or_property(owner),
        _ => false,
    }
}

fn column(slot: Slot, replaced: &Expr) -> Expr {
    Expr { kind: ExprKind::Slot(slot), ty: replaced.ty, span: replaced.span }
}

fn reads_any(expr: &Expr, slots: &[Slot]) -> bool {
    let mut found = false;
    expr.visit(&mut |e| found |= matches!(e.kind, ExprKind::Slot(s) if slots.contains(&s)));
    found
}

/// Variables that comprehensions, quantifiers and reduce introduce inside `expr`.
fn local_slots(expr: &Expr) -> Vec<Slot> {
    let mut local = Vec::new();
    expr.visit(&mut |x| match &x.kind {
        ExprKind::ListComprehension { slot, .. } | ExprKind::Quantifier { slot, .. } => local.push(*slot),
        ExprKind::Reduce { accumulator, slot, .. } => local.extend([*accumulator, *slot]),
        _ => {}
    });
    local
}

/// The first variable read in `expr` that is in none of `allowed`.
fn first_stray(expr: &Expr, allowed: &[&[Slot]]) -> Option<Expr> {
    let mut stray = None;
    expr.visit(&mut |e| {
        if let ExprKind::Slot(s) = e.kind {
            if stray.is_none() && !allowed.iter().any(|a| a.contains(&s)) {
                stray = Some(e.clone());
            }
        }
    });
    stray
}

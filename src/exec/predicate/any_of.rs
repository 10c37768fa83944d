//! `a OR b OR …` where every disjunct is itself a compiled test (`m.year IS NULL OR
//! m.weight < 0.001`, `o.year < 1950 OR o.name STARTS WITH 'X'`): one conjunct compiled as
//! a disjunction, so that a scan or an expansion tests each candidate without a row.
//!
//! Interpreted, a disjunction cost every candidate a copy of its row and both sides
//! evaluated by the interpreter (workload6 rel_property_is_null_or: 300,000 mentions in
//! 375 ms at S, Kuzu 64 ms). Compiled, each disjunct is the test it would be alone, tried
//! in the written order until one is true, with the interpreter's three-valued OR (true
//! if any is true, else null if any is null, else false), so the answers and the errors
//! are the interpreter's. Over a column of candidates that all disjuncts read through one
//! slot, each disjunct is the store's column loop over the candidates no disjunct before
//! it let through, and the candidates kept are the union of what each let through.

use super::{Bindings, Candidates, Test, Verdict};
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::store::{Graph, RelTypeId};
use crate::syntax::ast::BinaryOp;

#[derive(Debug, Clone)]
pub(super) struct AnyOf {
    /// The disjuncts in the order written, each compiled.
    disjuncts: Vec<Test>,
    /// The disjunction as written, for a disjunct that gives a value no boolean.
    source: Expr,
}

impl AnyOf {
    /// `Some` when `conjunct` is an OR of two or more disjuncts that each compile to a
    /// test that cannot fail on a live entity (a string function or a regular expression
    /// stays with the interpreter, which decides which side it evaluates).
    pub(super) fn of(conjunct: &Expr) -> Option<AnyOf> {
        if !matches!(conjunct.kind, ExprKind::Binary(BinaryOp::Or, ..)) {
            return None;
        }
        let disjuncts: Vec<Test> = crate::planner::disjuncts(conjunct).into_iter().map(Test::compile).collect();
        let compiled = disjuncts.iter().all(|t| !matches!(t, Test::Interpreted(_)) && !t.may_fail());
        compiled.then(|| AnyOf { disjuncts, source: conjunct.clone() })
    }

    /// The one slot every disjunct reads (so candidates binding it can be narrowed by
    /// it), or `None` when they read several.
    pub(super) fn slot(&self) -> Option<Slot> {
        let first = self.disjuncts.first()?.slot()?;
        let one = self.disjuncts.iter().all(|t| t.slot() == Some(first) && t.other_slot().is_none());
        one.then_some(first)
    }

    /// The interpreter's `a OR b`: the disjuncts in order, the first true one decides.
    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        let mut any_null = false;
        for test in &self.disjuncts {
            match test.eval(row, graph)? {
                Verdict::True => return Ok(Verdict::True),
                Verdict::False => {}
                Verdict::Null => any_null = true,
                // Not a boolean: the interpreter's error (or answer) for the whole.
                Verdict::Other => return Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?)),
            }
        }
        Ok(if any_null { Verdict::Null } else { Verdict::False })
    }

    /// Keeps the candidates (indices, ascending) for which some disjunct holds, each
    /// disjunct by its column loop over those not yet kept; false, with `alive` as it
    /// was, when a disjunct has no column loop over these candidates.
    pub(super) fn retain_by_column(
        &self,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        alive: &mut Vec<u32>,
    ) -> bool {
        let mut kept: Vec<u32> = Vec::new();
        let mut rest = alive.clone();
        for test in &self.disjuncts {
            if rest.is_empty() {
                break;
            }
            let mut passed = rest.clone();
            if !test.retain_by_column(candidates, rel_type, graph, &mut passed) {
                return false;
            }
            rest = difference(&rest, &passed);
            kept.extend(passed);
        }
        kept.sort_unstable();
        *alive = kept;
        true
    }
}

/// The items of `all` not in `some` (both ascending, `some` a subset of `all`).
fn difference(all: &[u32], some: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(all.len() - some.len().min(all.len()));
    let mut j = 0;
    for &item in all {
        if j < some.len() && some[j] == item {
            j += 1;
        } else {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_difference_of_ascending_lists_keeps_the_order() {
        assert_eq!(difference(&[1, 3, 4, 7, 9], &[3, 9]), vec![1, 4, 7]);
        assert_eq!(difference(&[1, 3], &[]), vec![1, 3]);
        assert_eq!(difference(&[1, 3], &[1, 3]), Vec::<u32>::new());
    }
}

//! Pass `filter_any_groups`: a WHERE that keeps the groups of an aggregation by
//! `any(y IN collected WHERE c)` (folded by `fold_collected_lists` into the greatest of
//! each row's verdict code, `quantified_folds.rs`) keeps exactly the groups one of whose
//! rows passes `c`. When that fold is the aggregation's only aggregate and nothing above
//! reads its value, the rows are filtered by `c` instead, before they are grouped, and
//! the aggregation only makes the groups (its keys, no aggregate):
//!
//! `MATCH (p:Person)-[:MEMBER_OF]->(o:Organization) WITH p, collect(o.year) AS years
//! WHERE any(y IN years WHERE y = p.year) RETURN count(*)` folded a verdict for each of
//! 1.5 million memberships into 505,909 one-person groups, then kept 11,676 of them
//! (workload11 any_over_collected_whole_label); now the condition is one of the
//! expansion (`o.year = p.year`, compiled per person) and only the people it keeps are
//! grouped.
//!
//! Why the answers stay:
//! - `any` over a group's list is true exactly when some row's collected value is not
//!   null and its verdict is true (a null value was never in the list); a null or false
//!   answer drops the group alike, so the row test is `x IS NOT NULL AND c[y := x]`
//!   (`c` evaluated only where the value is not null, as the verdict code evaluates it);
//! - `c` is evaluated on the same rows as before (every row of every group), so a query
//!   that raised an error still raises one: where `c` may fail the test is a `CASE` that
//!   evaluates it exactly where the code did;
//! - the groups come in the order of their first row that passes, so either the order of
//!   the groups cannot be seen (only an aggregation with no key and aggregates that ignore
//!   their rows' order reads them, through filters and projections: `RETURN count(*)`),
//!   or it is the same: the keys read only one slot the rows come clustered by
//!   (`planner/clustered.rs`), some key being that slot itself, so each group's rows are
//!   one run, and dropping rows keeps the runs' order;
//! - with no key the aggregation makes one row even over no rows, so a key is required.
//!
//! The other conjuncts of the WHERE (reading the keys) stay above the aggregation; they
//! must be ones that cannot fail, since they were evaluated for the groups whose answer
//! was null too, which are now never made.

use super::never_fails::never_fails;
use super::prune_projections::needed_below;
use super::quantified_folds;
use super::{map_children, Ctx};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::{conjunction, conjuncts, free_slots};
use crate::planner::{clustered_slots, varies, LogicalOp};
use crate::value::Value;
use std::collections::HashSet;

/// The slots the operators above still read; `None`: all of them.
type Needed = Option<HashSet<Slot>>;

pub fn filter_any_groups(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite(plan, Above { needed: None, order_unseen: false })
}

/// What the operators above one read of its rows.
#[derive(Clone)]
struct Above {
    /// The slots they read; `None`: all of them.
    needed: Needed,
    /// Whether the order of its rows cannot change their answer: they reach only an
    /// aggregation with no key whose aggregates ignore order, through filters and
    /// projections.
    order_unseen: bool,
}

fn rewrite(op: LogicalOp, above: Above) -> Result<LogicalOp> {
    let op = match &above.needed {
        Some(needed) => filter_rows_first(op, needed, above.order_unseen),
        None => op,
    };
    let order_unseen = match &op {
        LogicalOp::Aggregate { keys, aggregates, .. } => keys.is_empty() && aggregates.iter().all(order_free),
        LogicalOp::Filter { .. } | LogicalOp::Project { .. } | LogicalOp::Retain { .. } => above.order_unseen,
        _ => false,
    };
    let below = Above { needed: needed_below(&op, above.needed), order_unseen };
    map_children(op, &mut |child| rewrite(child, below.clone()))
}

/// Whether `call`'s answer is the same whatever the order of its rows (`count`, and `min`
/// or `max` of values whose equal ones cannot be told apart, as `group_flip.rs` asks).
fn order_free(call: &AggregateCall) -> bool {
    let exact = || call.arg.as_ref().is_some_and(|e| e.ty.equal_means_identical());
    match call.function {
        AggregateFunction::CountStar | AggregateFunction::Count => call.extra.is_none(),
        AggregateFunction::Min | AggregateFunction::Max => exact(),
        _ => false,
    }
}

/// `op` rewritten when it is a filter keeping an aggregation's groups by a folded `any`
/// (see the module comment); `above` is what the operators above it read, and
/// `order_unseen` whether the order of its rows changes nothing above.
fn filter_rows_first(op: LogicalOp, above: &HashSet<Slot>, order_unseen: bool) -> LogicalOp {
    let Some(plan) = AnyGroups::of(&op, above, order_unseen) else { return op };
    let LogicalOp::Filter { input, predicate } = op else { return op };
    match without_fold(*input, plan.row_test) {
        Ok(grouped) => match plan.rest {
            Some(predicate) => LogicalOp::Filter { input: boxed(grouped), predicate },
            None => grouped,
        },
        Err(input) => LogicalOp::Filter { input, predicate },
    }
}

/// The aggregation under `op` (through the projections `AnyGroups::of` looked through)
/// with no aggregate, over its rows under `row_test`; `Err(op)` unchanged when it is not
/// there.
fn without_fold(op: LogicalOp, row_test: Expr) -> std::result::Result<LogicalOp, Box<LogicalOp>> {
    match op {
        LogicalOp::Project { input, items } => match without_fold(*input, row_test) {
            Ok(input) => Ok(LogicalOp::Project { input: boxed(input), items }),
            Err(input) => Err(boxed(LogicalOp::Project { input, items })),
        },
        LogicalOp::Aggregate { input, keys, .. } => {
            Ok(LogicalOp::Aggregate { input: boxed(with_row_test(*input, row_test)), keys, aggregates: Vec::new() })
        }
        other => Err(boxed(other)),
    }
}

/// What the rewrite of one filter needs: the test each row must pass, and the filter's
/// other conjuncts.
struct AnyGroups {
    row_test: Expr,
    rest: Option<Expr>,
}

impl AnyGroups {
    fn of(op: &LogicalOp, above: &HashSet<Slot>, order_unseen: bool) -> Option<AnyGroups> {
        let LogicalOp::Filter { input, predicate } = op else { return None };
        // Projections between (an empty one the WITH left) that do not touch the fold.
        let mut below = &**input;
        let mut projected = Vec::new();
        while let LogicalOp::Project { input, items } = below {
            projected.extend(items);
            below = input;
        }
        let LogicalOp::Aggregate { input: rows, keys, aggregates } = below else { return None };
        let [call] = &aggregates[..] else { return None };
        let touches =
            |(slot, e): &&(Slot, Expr)| *slot == call.slot || free_slots(e).is_none_or(|r| r.contains(&call.slot));
        if projected.iter().any(touches) {
            return None;
        }
        let (x, verdict) = folded_any(call)?;
        let parts = conjuncts(predicate);
        let answers: Vec<usize> =
            (0..parts.len()).filter(|&i| quantified_folds::any_answer_of(parts[i]) == Some(call.slot)).collect();
        let [at] = answers[..] else { return None };
        let rest: Vec<Expr> = parts.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, e)| (*e).clone()).collect();
        // A conjunct beside the answer is evaluated for a group whose answer is null (or
        // before it), which the rows filtered first drop: it must not be able to fail.
        let rest_reads_value = rest.iter().any(|e| free_slots(e).is_none_or(|read| read.contains(&call.slot)));
        let rest_may_fail = rest.iter().any(|e| !never_fails(e));
        let order_kept = order_unseen || groups_are_runs(keys, rows);
        if rest_reads_value || rest_may_fail || above.contains(&call.slot) || keys.is_empty() || !order_kept {
            return None;
        }
        Some(AnyGroups { row_test: row_test(x, verdict), rest: conjunction(rest) })
    }
}

/// The collected value and the verdict of `max(code)`, when its argument is a quantifier's
/// verdict code (`quantified_folds::verdict_code`) of a boolean verdict.
fn folded_any(call: &AggregateCall) -> Option<(&Expr, &Expr)> {
    if call.function != AggregateFunction::Max || call.distinct || call.extra.is_some() {
        return None;
    }
    let (x, verdict) = quantified_folds::code_parts(call.arg.as_ref()?)?;
    (verdict.ty == Type::Bool && !varies(verdict) && !varies(x)).then_some((x, verdict))
}

/// Whether the groups of `keys` over `rows` each fill one run of consecutive rows: every
/// key reads only one slot the rows come clustered by, and one key is that slot bare.
fn groups_are_runs(keys: &[(Slot, Expr)], rows: &LogicalOp) -> bool {
    let clustered = clustered_slots(rows);
    let bare = keys.iter().find_map(|(_, e)| match e.kind {
        ExprKind::Slot(s) if clustered.contains(&s) => Some(s),
        _ => None,
    });
    let Some(run) = bare else { return false };
    keys.iter().all(|(_, e)| !varies(e) && free_slots(e).is_some_and(|read| read.iter().all(|s| *s == run)))
}

/// The test a row passes when its verdict counts as `any`'s true: its value `x` is not
/// null and the verdict is true; where the verdict may fail, a `CASE` that evaluates it
/// only for a value that is not null, as the code did.
fn row_test(x: &Expr, verdict: &Expr) -> Expr {
    let span = verdict.span;
    let not_null = Expr { kind: ExprKind::IsNull { expr: Box::new(x.clone()), negated: true }, ty: Type::Bool, span };
    if never_fails(verdict) {
        return crate::planner::predicates::binary(crate::syntax::ast::BinaryOp::And, not_null, verdict.clone());
    }
    let is_null = Expr { kind: ExprKind::IsNull { expr: Box::new(x.clone()), negated: false }, ty: Type::Bool, span };
    let false_ = Expr { kind: ExprKind::Literal(Value::Bool(false)), ty: Type::Bool, span };
    let kind =
        ExprKind::Case { subject: None, whens: vec![(is_null, false_)], otherwise: Some(Box::new(verdict.clone())) };
    Expr { kind, ty: Type::Bool, span }
}

/// `rows` under `test`: joined to a filter right over them when the test cannot fail
/// (evaluated after the filter's own conjuncts, which drop a row before it when false; a
/// null one would let a failing test raise where it was never evaluated), so that the
/// filter is still fused into the scan or expansion below.
fn with_row_test(rows: LogicalOp, test: Expr) -> LogicalOp {
    match rows {
        LogicalOp::Filter { input, predicate } if never_fails(&test) => {
            let both = crate::planner::predicates::binary(crate::syntax::ast::BinaryOp::And, predicate, test);
            LogicalOp::Filter { input, predicate: both }
        }
        rows => LogicalOp::Filter { input: boxed(rows), predicate: test },
    }
}

//! Pass `semi_joins`: a `[NOT] EXISTS { … }` whose inner plan is a hash join of the outer
//! row with a build side (`NodeHashJoin` over an `Argument`) becomes a `SemiHashJoin`: the
//! build side runs once into the set of its keys, and each outer row is one lookup.
//!
//! Why: the planner chooses such an inner plan when the subquery's pattern is selective
//! from its far end (`MATCH (p:Person) WHERE EXISTS { (p)<-[:MENTIONS]-(:Article {year:
//! $y}) }`): the build side is cheap once, where expanding each of many people is not. But
//! run per outer row, the join still pushed the row as an argument, rewound the inner
//! operators and probed the table, a few hundred nanoseconds per row, which over a whole
//! label cost more than the build side itself. The answers are the same: the build side
//! reads nothing of the outer row (the planner's condition for a build side), so its set
//! is the same for every row, and an outer row has a match exactly when its keys are in it
//! (a null key has none, as the join's probe finds none).
//!
//! An EXISTS whose inner plan is one bare hop from the outer row's node (`EXISTS { (p)-
//! [:KNOWS]-() }`) is answered by the node's degree, read off the adjacency (`NodeDegree`,
//! `DegreeValue`), as `COUNT { }` is (`count_rows.rs`): run per row, the `Expand` made a
//! row for every relationship of the node before the first was looked at. A hop with
//! conditions stays a `SemiApply`, which stops at the first candidate that passes
//! (counting them all, `OptionalExpandCount`, cost 14x over organisations with many
//! members).
//!
//! Only these exact shapes are taken: conditions above the join (reading both sides) or
//! anything else in the inner plan keep the `SemiApply`.

use super::count_rows::is_bare_from_outer;
use super::rewrite_up;
use super::Ctx;
use crate::binder::bound::{Expr, ExprKind, Slot, SubqueryKind, Type};
use crate::error::Result;
use crate::planner::build::boxed;
use crate::planner::predicates::{binary, slot_expr};
use crate::planner::{Hop, LogicalOp, SemiJoinOutput};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

pub fn semi_joins(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::SemiApply { input, inner, negated, memo: None } => {
                let output = if negated { SemiJoinOutput::NotMatching } else { SemiJoinOutput::Matching };
                match without_rows(input, *inner, output) {
                    Ok(answered) => answered,
                    Err(parts) => {
                        let (input, inner) = *parts;
                        LogicalOp::SemiApply { input, inner: boxed(inner), negated, memo: None }
                    }
                }
            }
            LogicalOp::SubqueryValue { input, inner, kind: SubqueryKind::Exists, slot, column, memo: None } => {
                match without_rows(input, *inner, SemiJoinOutput::Mark(slot)) {
                    Ok(answered) => answered,
                    Err(parts) => {
                        let (input, inner) = *parts;
                        LogicalOp::SubqueryValue {
                            input,
                            inner: boxed(inner),
                            kind: SubqueryKind::Exists,
                            slot,
                            column,
                            memo: None,
                        }
                    }
                }
            }
            other => other,
        })
    })
}

/// The outer plan and the inner one, handed back when the shape does not fit.
type Parts = Box<(Box<LogicalOp>, LogicalOp)>;

/// `input` with each row kept, dropped or marked (`output`) by whether `inner` has a
/// match for it, answered without making the inner plan's rows when its shape allows;
/// the two plans back otherwise.
fn without_rows(
    input: Box<LogicalOp>,
    inner: LogicalOp,
    output: SemiJoinOutput,
) -> std::result::Result<LogicalOp, Parts> {
    let inner = match build_of_argument_join(inner) {
        Ok((build, keys)) => return Ok(LogicalOp::SemiHashJoin { input, build, keys, output }),
        Err(inner) => *inner,
    };
    match inner {
        LogicalOp::Expand { input: argument, hop } if is_bare_from_outer(&argument, &hop) => {
            Ok(by_degree(input, hop, output))
        }
        inner => Err(Box::new((input, inner))),
    }
}

/// Whether the hop's node has a relationship of its direction and types: its degree,
/// into the hop's relationship slot (the subquery's own, read by nothing outside it) or
/// the marked slot.
fn by_degree(input: Box<LogicalOp>, hop: Hop, output: SemiJoinOutput) -> LogicalOp {
    let Hop { from: node, rel, direction, types, .. } = hop;
    match output {
        SemiJoinOutput::Matching => LogicalOp::NodeDegree { input, node, slot: rel, direction, types },
        SemiJoinOutput::NotMatching => {
            let degree = LogicalOp::DegreeValue { input, node, slot: rel, direction, types };
            with_count_test(degree, rel, BinaryOp::Eq, None)
        }
        SemiJoinOutput::Mark(slot) => {
            let degree = LogicalOp::DegreeValue { input, node, slot, direction, types };
            with_count_test(degree, slot, BinaryOp::Gt, Some(slot))
        }
    }
}

/// `op` whose `count` slot is compared with 0 (`count > 0`, `count = 0`): the rows that
/// pass, or, with `mark`, every row with the comparison's value in `mark`.
fn with_count_test(op: LogicalOp, count: Slot, test: BinaryOp, mark: Option<Slot>) -> LogicalOp {
    let span = Default::default();
    let zero = Expr { kind: ExprKind::Literal(Value::Int(0)), ty: Type::Int, span };
    let compared = binary(test, slot_expr(count, Type::Int, span), zero);
    match mark {
        Some(slot) => LogicalOp::Project { input: boxed(op), items: vec![(slot, compared)] },
        None => LogicalOp::Filter { input: boxed(op), predicate: compared },
    }
}

/// The build side and keys of an inner plan that is a hash join of the outer row (an
/// `Argument`) with a build side, seen through what only carries rows on (the scope
/// boundary and projections an EXISTS body's RETURN makes); the plan back otherwise.
fn build_of_argument_join(inner: LogicalOp) -> std::result::Result<(Box<LogicalOp>, Vec<Slot>), Box<LogicalOp>> {
    if !is_argument_join(&inner) {
        return Err(Box::new(inner));
    }
    let mut op = inner;
    loop {
        op = match op {
            LogicalOp::Retain { input, .. } | LogicalOp::Project { input, .. } => *input,
            LogicalOp::HashJoin { build, keys, .. } => return Ok((build, keys)),
            other => return Err(Box::new(other)),
        };
    }
}

/// Whether `op` is a hash join of an `Argument` with a build side on nodes alone, under nothing but
/// `Retain`s and `Project`s (which keep every row: existence does not read their values).
fn is_argument_join(op: &LogicalOp) -> bool {
    match op {
        LogicalOp::Retain { input, .. } | LogicalOp::Project { input, .. } => is_argument_join(input),
        // Value keys (`join_value_keys`) compare the build row with the outer row's values:
        // not a set of the build side alone.
        LogicalOp::HashJoin { probe, keys, values, .. } => {
            matches!(**probe, LogicalOp::Argument) && !keys.is_empty() && values.is_empty()
        }
        _ => false,
    }
}

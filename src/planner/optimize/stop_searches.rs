//! Pass `stop_searches`: a shortest-path search from one end (`ShortestPath … from a`)
//! under a top-k whose first key is the path's length, ascending (`ORDER BY distance, id
//! LIMIT 20`, with `length(p) AS distance`), with only operators between them that make
//! one row of each row (projections, the path's value), may stop once it has handed on
//! `skip + limit` rows of one input row: it finishes the depth it is at (the ties at that
//! length stay, for the top-k's later keys to rank) and goes no deeper.
//!
//! Why: the search reaches nodes in order of distance, and in a large graph almost all of
//! them at its last depth; when enough near ends pass, that depth is never searched.
//! The answers are the same: every row of a deeper node has a longer path than the rows
//! already handed on, so at least `skip + limit` rows rank before it and the top-k would
//! drop it. Each input row is searched apart, and the same holds for each.

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, ExprKind, Function, Slot, Type};
use crate::error::Result;
use crate::planner::predicates::binary;
use crate::planner::LogicalOp;
use crate::syntax::ast::BinaryOp;

pub fn stop_searches(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::TopK { mut input, keys, skip, limit } => {
                if let Some((first, false)) = keys.first() {
                    let rows = match &skip {
                        Some(skip) => binary(BinaryOp::Add, skip.clone(), limit.clone()),
                        None => limit.clone(),
                    };
                    stop_below(&mut input, first, rows);
                }
                LogicalOp::TopK { input, keys, skip, limit }
            }
            other => other,
        })
    })
}

/// Sets `stop_after` on the one-end shortest path under `op` when `key` is its length,
/// read through the projections and path values between them.
fn stop_below(op: &mut LogicalOp, key: &Expr, rows: Expr) {
    match op {
        LogicalOp::Project { input, items } => {
            // A key that is a projected slot is what the projection put there.
            let key = match &key.kind {
                ExprKind::Slot(s) => items.iter().find(|(slot, _)| slot == s).map_or(key, |(_, e)| e),
                _ => key,
            };
            let key = key.clone();
            stop_below(input, &key, rows)
        }
        LogicalOp::Retain { input, .. } => stop_below(input, key, rows),
        LogicalOp::BuildPath { input, slot, nodes, rels } => {
            let one_relationship = rels.len() == 1 && nodes.len() == 2;
            let key_is_length = matches!(length_of(key), Some(Length::Path(p)) if p == *slot);
            if one_relationship && key_is_length {
                let rel = rels[0];
                let list_key = Expr { kind: ExprKind::Slot(rel), ty: Type::Any, span: key.span };
                let size = Expr { kind: ExprKind::Call(Function::Size, vec![list_key]), ty: Type::Int, span: key.span };
                stop_below(input, &size, rows);
            }
        }
        LogicalOp::ShortestPath { path, single_source: true, stop_after, .. } => {
            if matches!(length_of(key), Some(Length::List(r)) if r == path.rel) {
                *stop_after = Some(rows);
            }
        }
        _ => {}
    }
}

/// What a key measures the length of.
enum Length {
    /// `length(p)` of a path value.
    Path(Slot),
    /// `size(r)` of a relationship list.
    List(Slot),
}

fn length_of(key: &Expr) -> Option<Length> {
    let ExprKind::Call(function, args) = &key.kind else { return None };
    let [arg] = args.as_slice() else { return None };
    let ExprKind::Slot(slot) = arg.kind else { return None };
    match function {
        Function::Length => Some(Length::Path(slot)),
        Function::Size => Some(Length::List(slot)),
        _ => None,
    }
}

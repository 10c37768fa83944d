//! A DISTINCT over a node scan or one expansion, whose rows nothing reads but the distinct
//! columns, is a `GroupFold` with keys and no aggregates (`optimize/fold_groups.rs`):
//! `MATCH (c:Country)<-[:MENTIONS]-(a:Article) WITH DISTINCT c.name AS country, a.year AS year`
//! folds each mention into the group of its two values, found by what the keys read
//! (`exec/ops/group_cells.rs`), instead of making a row, projecting it, and hashing its
//! values. A group is a distinct row, made at its first appearance, in input order, so the
//! rows and their order are the `Distinct`'s.

use super::{group_fold, stored_rel_fold, LogicalOp, Options, Statistics};
use crate::binder::bound::{Expr, ExprKind, Slot, Type};
use crate::span::Span;

/// `op` (the input of an operator that keeps only the slots `kept`) as a `GroupFold` when
/// it is a `Distinct` (over a projection of its columns or not) that one can replace, or a
/// sort of one (`RETURN DISTINCT … ORDER BY …`: the sort takes every row either way, so
/// the groups are sorted as the distinct rows were); else `op` unchanged.
pub(super) fn fold_distinct(op: LogicalOp, kept: &[Slot], (stats, options): (&dyn Statistics, Options)) -> LogicalOp {
    match op {
        LogicalOp::Sort { input, keys } => {
            let Some(sorted) = kept_with_keys(kept, &keys) else { return LogicalOp::Sort { input, keys } };
            let input = Box::new(fold_distinct(*input, &sorted, (stats, options)));
            LogicalOp::Sort { input, keys }
        }
        LogicalOp::TopK { input, keys, skip, limit } => {
            let Some(sorted) = kept_with_keys(kept, &keys) else { return LogicalOp::TopK { input, keys, skip, limit } };
            let input = Box::new(fold_distinct(*input, &sorted, (stats, options)));
            LogicalOp::TopK { input, keys, skip, limit }
        }
        op => fold_distinct_itself(op, kept, (stats, options)),
    }
}

/// The slots `kept` and those the sort `keys` read; `None` when a key reads what no slot
/// names (a subquery, a pattern).
fn kept_with_keys(kept: &[Slot], keys: &[(Expr, bool)]) -> Option<Vec<Slot>> {
    let mut slots = kept.to_vec();
    for (key, _) in keys {
        slots.extend(super::predicates::free_slots(key)?);
    }
    Some(slots)
}

fn fold_distinct_itself(op: LogicalOp, kept: &[Slot], (stats, options): (&dyn Statistics, Options)) -> LogicalOp {
    let LogicalOp::Distinct { input, slots } = op else { return op };
    let keys = match &*input {
        LogicalOp::Project { input: below, items } if projects_exactly(items, &slots) => Some((below, items.clone())),
        _ => None,
    };
    let (below, keys) = match keys {
        Some((below, items)) => ((**below).clone(), items),
        None => ((*input).clone(), slots.iter().map(|&s| (s, slot_expr(s))).collect()),
    };
    let replaces = kept.iter().all(|s| slots.contains(s)) && group_fold::fits(&below, &keys, &[]);
    if !replaces {
        return LogicalOp::Distinct { input, slots };
    }
    let order = stored_rel_fold::fold_order(&below, (&keys, &[]), stats, options);
    LogicalOp::GroupFold { input: Box::new(below), keys, aggregates: Vec::new(), order }
}

/// Whether `items` project exactly the columns `slots`, each once.
fn projects_exactly(items: &[(Slot, Expr)], slots: &[Slot]) -> bool {
    items.len() == slots.len() && slots.iter().all(|s| items.iter().filter(|(i, _)| i == s).count() == 1)
}

/// The variable in `slot`, read bare (a key that keeps its own slot).
fn slot_expr(slot: Slot) -> Expr {
    Expr { kind: ExprKind::Slot(slot), ty: Type::Any, span: Span::default() }
}

//! Pass `intersect_cycles`: the last two hops of a cycle, an expansion from a bound node
//! `z` to a new node `y` and an expansion from `y` into a bound node `x`
//! (`(a)-[:KNOWS]->(b)-[:KNOWS]->(c)-[:KNOWS]->(a)`: `z` = b, `y` = c, `x` = a), become
//! one `ExpandIntersect`: the `y`s are the neighbours `z` and `x` have in common, found by
//! walking `z`'s list against `x`'s marked neighbours (`exec/ops/intersect.rs`), so no
//! row is made for a neighbour of `z` that does not close the cycle. Counted (the
//! `ExpandCount` into `x` that `count_rows` makes), it is `CountIntersect`: a row per
//! common neighbour with the number of relationships closing the cycle from it.
//!
//! The expansion to `y` may come as an `Expand` or as a hash join whose build side
//! expands every node of a label (`NodeHashJoin [z] build [r, y]` over
//! `Expand (z)-[r]->(y)` over `NodeByLabelScan z:L`), which gives each probe row the same
//! rows as expanding its `z` when `z` carries `L`. The rewrite is taken wherever the shape
//! allows: it reads the relationships the expansion reads (the join's build side reads
//! every one of the type once, the intersection those of the probe rows' nodes, which the
//! joined rows count anyway) and makes only the rows that close the cycle, so it is never
//! costlier than either plan it replaces.
//!
//! The conditions between the two expansions (and the build side's) are then tested only
//! on common neighbours, so they are moved only when none of them can fail (comparisons
//! and label tests of variables and their properties, and `AND`/`OR`/`NOT` of those): the
//! row path would have tested them on every neighbour of `z`, and an error there must not
//! be lost. The into-expansion's own conditions are tested on exactly the candidates the
//! row path tests.

use super::{rewrite_up, Ctx};
use crate::binder::bound::{Expr, ExprKind, Slot, Type};
use crate::error::Result;
use crate::planner::predicates::{conjunction, conjuncts, plain_value, slot_expr};
use crate::planner::{Hop, LogicalOp};
use crate::syntax::ast::{BinaryOp, UnaryOp};

pub fn intersect_cycles(plan: LogicalOp, _: &Ctx<'_>) -> Result<LogicalOp> {
    rewrite_up(plan, &mut |op| {
        Ok(match op {
            LogicalOp::ExpandCount { input, hop, predicate, slot } if closes(&hop) => {
                match intersection(&input, &hop, &predicate, Some(slot)) {
                    Some(op) => op,
                    None => LogicalOp::ExpandCount { input, hop, predicate, slot },
                }
            }
            LogicalOp::Expand { input, hop } if closes(&hop) => match intersection(&input, &hop, &None, None) {
                Some(op) => op,
                None => LogicalOp::Expand { input, hop },
            },
            // Conditions right above the rows it makes are tested on each candidate before
            // its row is made, on the same candidates in the same order.
            LogicalOp::Filter { input, predicate } => match *input {
                LogicalOp::ExpandIntersect { input, first, second, near, predicate: own, count: None } => {
                    let predicate = conjunction(own.into_iter().chain([predicate]).collect());
                    LogicalOp::ExpandIntersect { input, first, second, near, predicate, count: None }
                }
                input => LogicalOp::Filter { input: Box::new(input), predicate },
            },
            other => other,
        })
    })
}

/// An expansion into a bound far node along an unbound relationship.
fn closes(hop: &Hop) -> bool {
    hop.into && !hop.rel_bound
}

/// The expansion to the new node found under the closing hop's input, with what lies
/// below it and the conditions between.
struct Opened {
    below: LogicalOp,
    first: Hop,
    near: Vec<Expr>,
}

/// `closing` (into `x`, over `input`) and the expansion to its near node under `input`
/// as one `ExpandIntersect`, when the shape allows.
fn intersection(input: &LogicalOp, closing: &Hop, predicate: &Option<Expr>, count: Option<Slot>) -> Option<LogicalOp> {
    let opened = opened(input)?;
    let y = opened.first.to;
    // The closing hop walked from `y` to `x`, whichever end the plan walked it from.
    let second = if closing.from == y && closing.to != y {
        closing.clone()
    } else if closing.to == y && closing.from != y {
        Hop { from: y, to: closing.from, direction: closing.direction.reversed(), ..closing.clone() }
    } else {
        return None;
    };
    if !opened.near.iter().all(cannot_fail) {
        return None;
    }
    Some(LogicalOp::ExpandIntersect {
        input: Box::new(opened.below),
        first: opened.first,
        second,
        near: conjunction(opened.near),
        predicate: predicate.clone(),
        count,
    })
}

/// The filters' conditions over `op`, and the operator under them.
fn under_filters<'a>(mut op: &'a LogicalOp, conditions: &mut Vec<Expr>) -> &'a LogicalOp {
    while let LogicalOp::Filter { input, predicate } = op {
        conditions.extend(conjuncts(predicate).into_iter().cloned());
        op = input;
    }
    op
}

/// The expansion binding a new node under `op` (through filters): an `Expand`, or a hash
/// join building one from a label scan of the join's node.
fn opened(op: &LogicalOp) -> Option<Opened> {
    let mut near = Vec::new();
    match under_filters(op, &mut near) {
        LogicalOp::Expand { input, hop } if !hop.into && !hop.rel_bound => {
            Some(Opened { below: (**input).clone(), first: hop.clone(), near })
        }
        LogicalOp::HashJoin { probe, build, keys, build_slots, values } if values.is_empty() => {
            let (first, built) = built_expansion(build, keys, build_slots)?;
            near.extend(built);
            Some(Opened { below: (**probe).clone(), first, near })
        }
        _ => None,
    }
}

/// A build side `[Filter] Expand (z)-[r]->(y) [Filter] NodeByLabelScan z:L` joined on `z`
/// and giving exactly `r` and `y`: the hop and its conditions, `z:L` among them.
fn built_expansion(build: &LogicalOp, keys: &[Slot], build_slots: &[Slot]) -> Option<(Hop, Vec<Expr>)> {
    let [z] = keys else { return None };
    let mut near = Vec::new();
    let LogicalOp::Expand { input, hop } = under_filters(build, &mut near) else { return None };
    let gives_hop = build_slots.len() == 2 && build_slots.contains(&hop.rel) && build_slots.contains(&hop.to);
    if hop.into || hop.rel_bound || hop.from != *z || !gives_hop {
        return None;
    }
    let LogicalOp::NodeScan { input: start, slot, label } = under_filters(input, &mut near) else { return None };
    if slot != z || **start != LogicalOp::Start {
        return None;
    }
    if let Some(label) = label {
        let span = crate::span::Span::default();
        let owner = Box::new(slot_expr(*z, Type::Node, span));
        near.push(Expr { kind: ExprKind::HasLabels(owner, vec![label.clone()]), ty: Type::Bool, span });
    }
    Some((hop.clone(), near))
}

/// A condition that gives true, false or null for any values, never an error:
/// comparisons and label tests of variables, their properties and literals, and the
/// boolean operators over such conditions.
fn cannot_fail(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(v) => matches!(v, crate::value::Value::Bool(_) | crate::value::Value::Null),
        ExprKind::Binary(BinaryOp::And | BinaryOp::Or | BinaryOp::Xor, a, b) => cannot_fail(a) && cannot_fail(b),
        ExprKind::Binary(
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge,
            a,
            b,
        ) => plain_value(a) && plain_value(b),
        ExprKind::Unary(UnaryOp::Not, a) => cannot_fail(a),
        ExprKind::IsNull { expr, .. } => plain_value(expr),
        ExprKind::HasLabels(owner, _) => matches!(owner.kind, ExprKind::Slot(_)) && owner.ty == Type::Node,
        _ => false,
    }
}

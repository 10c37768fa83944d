//! Range index seeks: the conditions on a node's property that a range index can find the
//! node by (`CREATE INDEX … ON (n.prop)`): equality (inline or in WHERE), `IN`, `<`,
//! `<=`, `>`, `>=` (two of them on one property make one range with both bounds) and
//! `STARTS WITH`, where the other side reads only variables bound before.
//!
//! A seek finds candidates; the conditions stay in the plan as filters after it, so the
//! answer is always openCypher's comparison (null, NaN, mixed types), never the index's.

use std::collections::HashSet;

use super::estimate::{Estimator, Known, SeekOwner};
use super::predicates::{fixed_before, Conjunct};
use super::stats::Statistics;
use crate::binder::bound::{Expr, ExprKind, LabelRef, NodePattern, PropKeyRef, RelPattern, RelTypeRef, Slot};
use crate::syntax::ast::BinaryOp;
use crate::syntax::ast::RelDirection;

/// What a seek looks for, as expressions the seek evaluates once per input row.
#[derive(Debug, Clone, PartialEq)]
pub enum SeekExpr {
    Equal(Expr),
    AnyOf(Expr),
    /// A range with a lower and/or upper bound, each with whether it is inclusive.
    Range {
        lower: Option<(Expr, bool)>,
        upper: Option<(Expr, bool)>,
    },
    Prefix(Expr),
}

impl SeekExpr {
    /// How it reads in EXPLAIN.
    pub fn describe(&self) -> &'static str {
        match self {
            SeekExpr::Equal(_) => "=",
            SeekExpr::AnyOf(_) => "IN",
            SeekExpr::Range { .. } => "range",
            SeekExpr::Prefix(_) => "STARTS WITH",
        }
    }

    /// How many of the label's nodes it is guessed to find without figures for the
    /// property (a fixed fraction per kind; `Estimator::seek_rows` uses the figures).
    pub fn rows(&self, label_nodes: f64) -> f64 {
        let fraction = match self {
            SeekExpr::Equal(_) => 0.001,
            SeekExpr::AnyOf(Expr { kind: ExprKind::List(items), .. }) => 0.001 * items.len() as f64,
            SeekExpr::AnyOf(_) => 0.01,
            SeekExpr::Range { lower: Some(_), upper: Some(_) } => 0.1,
            SeekExpr::Range { .. } => 0.3,
            SeekExpr::Prefix(_) => 0.1,
        };
        (label_nodes * fraction).max(1.0)
    }

    /// Whether it finds few nodes, as a key seek does (equality or a list).
    pub fn is_point(&self) -> bool {
        matches!(self, SeekExpr::Equal(_) | SeekExpr::AnyOf(_))
    }
}

/// A seek through the range index of one of a node's labels on one property.
#[derive(Debug, Clone)]
pub struct IndexSeekPlan {
    pub label: LabelRef,
    pub key: PropKeyRef,
    pub seek: SeekExpr,
}

/// The best index seek for `node`: a point seek (equality, IN) before a range, a range
/// with two bounds before one with one; `None` when no indexed property has a usable
/// condition.
pub fn index_seek(
    node: &NodePattern,
    pending: &[Conjunct],
    bound: &HashSet<Slot>,
    stats: &dyn Statistics,
) -> Option<IndexSeekPlan> {
    let mut best: Option<IndexSeekPlan> = None;
    let rank = |s: &SeekExpr| match s {
        SeekExpr::Equal(_) => 0,
        SeekExpr::AnyOf(_) => 1,
        SeekExpr::Range { lower: Some(_), upper: Some(_) } => 2,
        SeekExpr::Prefix(_) => 3,
        SeekExpr::Range { .. } => 4,
    };
    // The seek estimated to find the fewest nodes; of as many, the kind ranked first.
    let known = Known::default();
    let est = Estimator { stats, known: &known };
    let mut best_rows = f64::INFINITY;
    for label in &node.labels {
        let Some(label_id) = label.id else { continue };
        for (key, seek) in candidates(node.slot, &node.properties, pending, bound) {
            let Some(key_id) = key.id else { continue };
            if !stats.has_range_index(label_id, key_id) {
                continue;
            }
            let rows = est.seek_rows(SeekOwner::Label(label_id), key_id, &seek);
            let better = best.as_ref().is_none_or(|b| {
                rows < best_rows * (1.0 - 1e-9) || (rows <= best_rows * (1.0 + 1e-9) && rank(&seek) < rank(&b.seek))
            });
            if better {
                best_rows = rows;
                best = Some(IndexSeekPlan { label: label.clone(), key: key.clone(), seek });
            }
        }
    }
    best
}

/// A seek through the range index of a relationship's type on one property.
#[derive(Debug, Clone)]
pub struct RelSeekPlan {
    pub index: usize,
    pub ty: RelTypeRef,
    pub key: PropKeyRef,
    pub seek: SeekExpr,
}

/// The relationship of `rels` best found through a range index on its type: a single,
/// directed, unbound relationship of one type between two distinct unbound nodes, with a
/// usable condition; a point seek before a range.
pub fn rel_index_seek(
    rels: &[RelPattern],
    nodes: &[NodePattern],
    pending: &[Conjunct],
    bound: &HashSet<Slot>,
    stats: &dyn Statistics,
) -> Option<RelSeekPlan> {
    let mut best: Option<RelSeekPlan> = None;
    for (i, rel) in rels.iter().enumerate() {
        let (a, b) = (&nodes[i], &nodes[i + 1]);
        let plain = rel.length.is_none() && rel.direction != RelDirection::Both && rel.types.len() == 1;
        if !plain || a.slot == b.slot || [rel.slot, a.slot, b.slot].iter().any(|s| bound.contains(s)) {
            continue;
        }
        let Some(ty) = rel.types[0].id else { continue };
        for (key, seek) in candidates(rel.slot, &rel.properties, pending, bound) {
            if !key.id.is_some_and(|k| stats.has_rel_range_index(ty, k)) {
                continue;
            }
            if best.as_ref().is_none_or(|b| !b.seek.is_point() && seek.is_point()) {
                best = Some(RelSeekPlan { index: i, ty: rel.types[0].clone(), key: key.clone(), seek });
            }
        }
    }
    best
}

/// Every (property, seek) an entity's inline properties and the pending conditions give,
/// with two one-sided ranges on one property joined into one.
fn candidates(
    slot: Slot,
    properties: &[(PropKeyRef, Expr)],
    pending: &[Conjunct],
    bound: &HashSet<Slot>,
) -> Vec<(PropKeyRef, SeekExpr)> {
    let mut found: Vec<(PropKeyRef, SeekExpr)> = Vec::new();
    for (key, value) in properties {
        if fixed_before(value, bound) {
            found.push((key.clone(), SeekExpr::Equal(value.clone())));
        }
    }
    for conjunct in pending {
        let Some((key, seek)) = seek_of(&conjunct.expr, slot, bound) else { continue };
        let joined = found.iter_mut().find_map(|(k, s)| (k.id == key.id).then_some(s)).and_then(|s| join(s, &seek));
        match joined {
            Some(range) => found.push((key, range)),
            None => found.push((key, seek)),
        }
    }
    found
}

/// A one-sided range and another on the other side, as one range with both bounds.
fn join(a: &SeekExpr, b: &SeekExpr) -> Option<SeekExpr> {
    match (a, b) {
        (SeekExpr::Range { lower: Some(l), upper: None }, SeekExpr::Range { lower: None, upper: Some(u) })
        | (SeekExpr::Range { lower: None, upper: Some(u) }, SeekExpr::Range { lower: Some(l), upper: None }) => {
            Some(SeekExpr::Range { lower: Some(l.clone()), upper: Some(u.clone()) })
        }
        _ => None,
    }
}

/// The property of `slot` the condition `expr` restricts, and how.
fn seek_of(expr: &Expr, slot: Slot, bound: &HashSet<Slot>) -> Option<(PropKeyRef, SeekExpr)> {
    let ExprKind::Binary(op, lhs, rhs) = &expr.kind else { return None };
    let (key, value, flipped) = match (property_of(lhs, slot), property_of(rhs, slot)) {
        (Some(key), None) => (key, &**rhs, false),
        (None, Some(key)) => (key, &**lhs, true),
        _ => return None,
    };
    if !fixed_before(value, bound) {
        return None;
    }
    let v = value.clone();
    // `e < n.k` is `n.k > e`.
    let op = match (op, flipped) {
        (BinaryOp::Lt, true) => BinaryOp::Gt,
        (BinaryOp::Le, true) => BinaryOp::Ge,
        (BinaryOp::Gt, true) => BinaryOp::Lt,
        (BinaryOp::Ge, true) => BinaryOp::Le,
        (BinaryOp::In | BinaryOp::StartsWith, true) => return None,
        (op, _) => *op,
    };
    let seek = match op {
        BinaryOp::Eq => SeekExpr::Equal(v),
        BinaryOp::In => SeekExpr::AnyOf(v),
        BinaryOp::Lt => SeekExpr::Range { lower: None, upper: Some((v, false)) },
        BinaryOp::Le => SeekExpr::Range { lower: None, upper: Some((v, true)) },
        BinaryOp::Gt => SeekExpr::Range { lower: Some((v, false)), upper: None },
        BinaryOp::Ge => SeekExpr::Range { lower: Some((v, true)), upper: None },
        BinaryOp::StartsWith => SeekExpr::Prefix(v),
        _ => return None,
    };
    Some((key.clone(), seek))
}

/// `key` when `expr` is `slot.key`.
fn property_of(expr: &Expr, slot: Slot) -> Option<&PropKeyRef> {
    match &expr.kind {
        ExprKind::Property(owner, key) if owner.kind == ExprKind::Slot(slot) => Some(key),
        _ => None,
    }
}

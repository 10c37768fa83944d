//! WHERE conditions taken apart: the conjuncts, the variables each one reads (so that it
//! can be placed right after the operator that binds the last of them), the ones a key
//! index can answer, and a rough selectivity for choosing where a pattern starts.

use std::collections::HashSet;

use super::optimize::never_fails;
use super::stats::Statistics;
use crate::binder::bound::{Expr, ExprKind, Function, LabelRef, NodePattern, PropKeyRef, Slot, Type};
use crate::span::Span;
use crate::syntax::ast::BinaryOp;

/// One condition of a WHERE, with the slots it reads (`None`: it holds a pattern or a
/// subquery, whose variables are not tracked here, or calls `rand()`, which must be drawn
/// once per matched row, so it waits for the whole pattern).
#[derive(Debug, Clone)]
pub struct Conjunct {
    pub expr: Expr,
    reads: Option<HashSet<Slot>>,
}

impl Conjunct {
    pub fn new(expr: Expr) -> Conjunct {
        let reads = if calls_rand(&expr) { None } else { free_slots(&expr) };
        Conjunct { expr, reads }
    }

    /// Whether the slots it reads are known, so that it can be checked as soon as they
    /// are bound (else it waits for the whole pattern).
    pub fn placeable(&self) -> bool {
        self.reads.is_some()
    }

    /// Whether it reads slots known to be none of `slots`.
    pub fn reads_none_of(&self, slots: &[Slot]) -> bool {
        self.reads.as_ref().is_some_and(|reads| slots.iter().all(|s| !reads.contains(s)))
    }

    /// Whether every slot it reads is bound.
    pub fn ready(&self, bound: &HashSet<Slot>) -> bool {
        self.reads.as_ref().is_some_and(|reads| reads.is_subset(bound))
    }
}

/// The conditions of a WHERE with each one that reads no variable (`$flag`, `null IN
/// [1, 2]`) kept from hiding the others' errors. Such a condition is the same on every
/// row, so it is checked once before the pattern; false there ends the conjunction, as
/// the interpreter's `AND` ends at false whatever the other side would raise (the TCK's
/// "do not fail … if the AND'ed predicate evaluates to false"). Null does not end it: the
/// interpreter still evaluates the other side, and raises its error, on every row. So
/// when another condition may fail, the check before the pattern drops only false
/// (`c OR c IS NULL`) and each such condition `o` becomes `c AND o`, written as
/// `CASE WHEN c THEN o ELSE c AND o END` so that no pass splits it again.
pub fn guard_constant_conjuncts(predicates: Vec<Expr>) -> Vec<Expr> {
    let (constant, other): (Vec<Expr>, Vec<Expr>) = predicates.into_iter().partition(reads_no_variable);
    let Some(all_constant) = conjunction(constant.clone()) else { return other };
    if other.iter().all(never_fails) {
        return constant.into_iter().chain(other).collect();
    }
    let gates = constant.into_iter().map(not_false);
    let guarded = other.into_iter().map(|o| if never_fails(&o) { o } else { after_constant(&all_constant, o) });
    gates.chain(guarded).collect()
}

/// Whether `e` reads no variable, holds no pattern or subquery and draws nothing random:
/// the same value on every row of the statement.
fn reads_no_variable(e: &Expr) -> bool {
    !calls_random(e) && free_slots(e).is_some_and(|reads| reads.is_empty())
}

/// `c OR c IS NULL`: false only where `c` is.
fn not_false(c: Expr) -> Expr {
    let span = c.span;
    let is_null = Expr { kind: ExprKind::IsNull { expr: Box::new(c.clone()), negated: false }, ty: Type::Bool, span };
    binary(BinaryOp::Or, c, is_null)
}

/// `c AND o` as one condition: `CASE WHEN c THEN o ELSE c AND o END`.
fn after_constant(c: &Expr, o: Expr) -> Expr {
    let span = o.span;
    let otherwise = binary(BinaryOp::And, c.clone(), o.clone());
    let kind = ExprKind::Case { subject: None, whens: vec![(c.clone(), o)], otherwise: Some(Box::new(otherwise)) };
    Expr { kind, ty: Type::Bool, span }
}

/// How a key index can find the node of a pattern: one value, or each value of a list.
#[derive(Debug, Clone)]
pub enum KeySeek {
    One(Expr),
    Many(Expr),
}

/// A condition that the key index answers for a node: `n.key = e`, `e = n.key` or
/// `n.key IN e`, where `key` is the declared key of one of n's labels and `e` reads only
/// `bound` slots.
#[derive(Debug, Clone)]
pub struct KeyCondition {
    pub label: LabelRef,
    pub key: PropKeyRef,
    pub seek: KeySeek,
}

impl KeyCondition {
    /// Whether `conjunct` is such a condition on `node`.
    pub fn of(
        conjunct: &Conjunct,
        node: &NodePattern,
        bound: &HashSet<Slot>,
        stats: &dyn Statistics,
    ) -> Option<KeyCondition> {
        let ExprKind::Binary(op, lhs, rhs) = &conjunct.expr.kind else { return None };
        let (key, value, many) = match op {
            BinaryOp::Eq => match (property_of(lhs, node.slot), property_of(rhs, node.slot)) {
                (Some(key), None) => (key, &**rhs, false),
                (None, Some(key)) => (key, &**lhs, false),
                _ => return None,
            },
            BinaryOp::In => (property_of(lhs, node.slot)?, &**rhs, true),
            BinaryOp::Or => return Self::of_alternatives(conjunct, node, bound, stats),
            _ => return None,
        };
        if !fixed_before(value, bound) {
            return None;
        }
        let key_id = key.id?;
        let label = node.labels.iter().find(|l| l.id.is_some_and(|id| stats.is_key(id, key_id)))?;
        let seek = if many { KeySeek::Many(value.clone()) } else { KeySeek::One(value.clone()) };
        Some(KeyCondition { label: label.clone(), key: key.clone(), seek })
    }

    /// `n.key = e1 OR n.key = e2 OR …` is `n.key IN [e1, e2, …]`: both make a row true
    /// exactly when the key equals one of the values (and neither is true on a null).
    fn of_alternatives(
        conjunct: &Conjunct,
        node: &NodePattern,
        bound: &HashSet<Slot>,
        stats: &dyn Statistics,
    ) -> Option<KeyCondition> {
        let mut values = Vec::new();
        let key = equalities(&conjunct.expr, node.slot, &mut values)?;
        if !values.iter().all(|v| fixed_before(v, bound)) {
            return None;
        }
        let key_id = key.id?;
        let label = node.labels.iter().find(|l| l.id.is_some_and(|id| stats.is_key(id, key_id)))?;
        let list = Expr { kind: ExprKind::List(values), ty: Type::List, span: conjunct.expr.span };
        Some(KeyCondition { label: label.clone(), key: key.clone(), seek: KeySeek::Many(list) })
    }

    /// How many nodes the seek is guessed to find.
    pub fn rows(&self) -> f64 {
        match &self.seek {
            KeySeek::One(_) => 1.0,
            KeySeek::Many(Expr { kind: ExprKind::List(items), .. }) => items.len() as f64,
            KeySeek::Many(_) => 10.0,
        }
    }
}

/// The key of `slot` that each alternative of an OR of equalities `slot.key = e` tests
/// (the same key in all), with the values `e` pushed onto `values`.
fn equalities<'e>(expr: &'e Expr, slot: Slot, values: &mut Vec<Expr>) -> Option<&'e PropKeyRef> {
    let ExprKind::Binary(op, lhs, rhs) = &expr.kind else { return None };
    match op {
        BinaryOp::Or => {
            let left = equalities(lhs, slot, values)?;
            let right = equalities(rhs, slot, values)?;
            (left.name == right.name).then_some(left)
        }
        BinaryOp::Eq => {
            let (key, value) = match (property_of(lhs, slot), property_of(rhs, slot)) {
                (Some(key), None) => (key, rhs),
                (None, Some(key)) => (key, lhs),
                _ => return None,
            };
            values.push((**value).clone());
            Some(key)
        }
        _ => None,
    }
}

/// `key` when `expr` is `slot.key`.
fn property_of(expr: &Expr, slot: Slot) -> Option<&PropKeyRef> {
    match &expr.kind {
        ExprKind::Property(owner, key) if owner.kind == ExprKind::Slot(slot) => Some(key),
        _ => None,
    }
}

/// Whether `expr` has one value per input row that the rows bound so far determine: it
/// reads only `bound` slots, and calls nothing random (a seek evaluates it once per row,
/// a filter once per candidate).
pub(super) fn fixed_before(expr: &Expr, bound: &HashSet<Slot>) -> bool {
    !calls_rand(expr) && free_slots(expr).is_some_and(|reads| reads.is_subset(bound))
}

/// Whether `expr` may give another value on the same row: it calls `rand()` or
/// `randomUUID()`.
pub fn calls_random(expr: &Expr) -> bool {
    let mut random = false;
    expr.visit(&mut |e| random |= matches!(e.kind, ExprKind::Call(Function::Rand | Function::RandomUuid, _)));
    random
}

fn calls_rand(expr: &Expr) -> bool {
    let mut random = false;
    expr.visit(&mut |e| random |= matches!(e.kind, ExprKind::Call(Function::Rand, _)));
    random
}

/// The slots `expr` reads from the row: the slots it names, less those its own list
/// comprehensions, quantifiers and reduces bind. `None` when it holds a pattern or a
/// subquery.
pub fn free_slots(expr: &Expr) -> Option<HashSet<Slot>> {
    let mut named = HashSet::new();
    let mut local = HashSet::new();
    let mut opaque = false;
    expr.visit(&mut |e| match &e.kind {
        ExprKind::Slot(slot) => {
            named.insert(*slot);
        }
        ExprKind::ListComprehension { slot, .. } | ExprKind::Quantifier { slot, .. } => {
            local.insert(*slot);
        }
        ExprKind::Reduce { accumulator, slot, .. } => {
            local.extend([*accumulator, *slot]);
        }
        ExprKind::PatternExists(_) | ExprKind::Subquery(_) | ExprKind::PatternComprehension { .. } => {
            opaque = true;
        }
        _ => {}
    });
    (!opaque).then(|| named.difference(&local).copied().collect())
}

/// The parts of `a AND b AND …`.
pub fn conjuncts(predicate: &Expr) -> Vec<&Expr> {
    operands(BinaryOp::And, predicate)
}

/// The sides of `a OR b OR …`, in the order the interpreter evaluates them.
pub fn disjuncts(predicate: &Expr) -> Vec<&Expr> {
    operands(BinaryOp::Or, predicate)
}

/// The operands of a tree of `op`, left to right.
fn operands(op: BinaryOp, e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Binary(o, a, b) if *o == op => {
            let mut parts = operands(op, a);
            parts.extend(operands(op, b));
            parts
        }
        _ => vec![e],
    }
}

/// A value read without computing, so it cannot fail: a literal, a variable, or a
/// property of a variable holding a node or a relationship.
pub fn plain_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal(_) | ExprKind::Slot(_) => true,
        ExprKind::Property(owner, _) => {
            matches!(owner.kind, ExprKind::Slot(_)) && matches!(owner.ty, Type::Node | Type::Relationship)
        }
        _ => false,
    }
}

pub fn conjunction(predicates: Vec<Expr>) -> Option<Expr> {
    predicates.into_iter().reduce(|a, b| binary(BinaryOp::And, a, b))
}

pub fn binary(op: BinaryOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.cover(rhs.span);
    Expr { kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), ty: Type::Bool, span }
}

pub fn slot_expr(slot: Slot, ty: Type, span: Span) -> Expr {
    Expr { kind: ExprKind::Slot(slot), ty, span }
}

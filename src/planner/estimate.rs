//! Cardinality estimates from the graph's [`Statistics`]: the fraction of rows a
//! condition keeps, the relationships a node has, the nodes a relationship reaches.
//!
//! - `n.p = v`: the rows with the property over its distinct values;
//! - ranges from the property's equi-depth histogram; `IN` as several equalities;
//!   `STARTS WITH` as the range of strings with the prefix; `IS [NOT] NULL` from the
//!   fraction of owners without it;
//! - conjunctions under independence, softened by exponential backoff (the most
//!   selective condition counts fully, the next by its square root, …), so that
//!   correlated conditions do not drive an estimate to nothing;
//! - an expansion from the relationships per (start label, type, end label);
//! - a variable-length one as the sum of each length's paths, each step at the mean
//!   degree, the growth bounded.
//!
//! Parameters are literals by now (the binder substitutes them), so their values count.

use std::collections::HashMap;

use super::index_seek::SeekExpr;
use super::stats::Statistics;
use crate::binder::bound::{Expr, ExprKind, Function, NodePattern, PropKeyRef, RelPattern, Slot};
use crate::store::{DegreeKey, Direction, LabelId, PropertyStats, RelTypeId};
use crate::syntax::ast::{BinaryOp, RelDirection, UnaryOp};
use crate::value::Value;

/// The guess for a condition statistics say nothing about.
pub const DEFAULT_SELECTIVITY: f64 = 0.3;
/// The guess for an equality statistics say nothing about.
pub const DEFAULT_EQUALITY: f64 = 0.1;
/// The longest variable-length path an estimate follows.
const MAX_GROWTH_STEPS: u64 = 4;
/// The bounds of [`Estimator::skew`]: a sample cannot tell more than this.
const MIN_SKEW: f64 = 0.1;
const MAX_SKEW: f64 = 1000.0;

/// What the plan knows each slot holds: a node with labels, a relationship of types.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub nodes: HashMap<Slot, Vec<LabelId>>,
    pub rels: HashMap<Slot, Vec<RelTypeId>>,
    /// For a node bound by following a relationship: that relationship's types and the
    /// direction in which it leaves the node (for `Estimator::skew`).
    pub arrivals: HashMap<Slot, (Vec<RelTypeId>, RelDirection)>,
}

impl Known {
    pub fn add_node(&mut self, node: &NodePattern) {
        let labels = node.labels.iter().filter_map(|l| l.id);
        let entry = self.nodes.entry(node.slot).or_default();
        for label in labels {
            if !entry.contains(&label) {
                entry.push(label);
            }
        }
    }

    /// The types a relationship pattern admits; none (any type) when one of its names is
    /// unknown to the graph, since a relationship of that type may be made later.
    pub fn add_rel(&mut self, rel: &RelPattern) {
        let types: Vec<RelTypeId> = rel.types.iter().map(|t| t.id).collect::<Option<_>>().unwrap_or_default();
        self.rels.entry(rel.slot).or_insert(types);
    }
}

/// What a range index seek reads: the nodes of a label or the relationships of a type.
#[derive(Debug, Clone, Copy)]
pub enum SeekOwner {
    Label(LabelId),
    Type(RelTypeId),
}

/// Estimates over one graph's statistics and what is known of the slots.
pub struct Estimator<'a> {
    pub stats: &'a dyn Statistics,
    pub known: &'a Known,
}

impl Estimator<'_> {
    /// The nodes with all of `labels` (estimated by the label with the fewest).
    pub fn label_rows(&self, labels: &[LabelId]) -> f64 {
        labels.iter().map(|&l| self.stats.label_count(l)).min().unwrap_or_else(|| self.stats.node_count()) as f64
    }

    /// The label of `labels` with the fewest nodes, `None` for none.
    pub fn main_label(&self, labels: &[LabelId]) -> Option<LabelId> {
        labels.iter().copied().min_by_key(|&l| self.stats.label_count(l))
    }

    /// The nodes a node pattern matches on its own: its labels, its inline properties.
    pub fn node_rows(&self, node: &NodePattern) -> f64 {
        let labels: Vec<LabelId> = node.labels.iter().filter_map(|l| l.id).collect();
        if node.labels.len() > labels.len() {
            // A label no node has yet.
            return 0.0;
        }
        let sels = node.properties.iter().map(|(k, v)| self.node_equality(&labels, k, literal(v))).collect();
        self.label_rows(&labels) * conjoin(sels)
    }

    /// The fraction of rows `predicate` keeps.
    pub fn selectivity(&self, predicate: &Expr) -> f64 {
        match &predicate.kind {
            ExprKind::Binary(BinaryOp::And, ..) => {
                conjoin(self.selectivities(&super::predicates::conjuncts(predicate)))
            }
            ExprKind::Binary(BinaryOp::Or, a, b) => {
                let (a, b) = (self.selectivity(a), self.selectivity(b));
                a + b - a * b
            }
            ExprKind::Unary(UnaryOp::Not, inner) => 1.0 - self.selectivity(inner),
            ExprKind::Literal(Value::Bool(true)) => 1.0,
            ExprKind::Literal(Value::Bool(false) | Value::Null) => 0.0,
            ExprKind::HasLabels(owner, labels) => match &owner.kind {
                ExprKind::Slot(_) => {
                    let n = self.stats.node_count().max(1) as f64;
                    labels.iter().map(|l| l.id.map_or(0.0, |id| self.stats.label_count(id) as f64 / n)).product()
                }
                _ => DEFAULT_SELECTIVITY,
            },
            ExprKind::IsNull { expr, negated } => match self.property_stats(expr) {
                Some(p) if *negated => 1.0 - p.null_fraction,
                Some(p) => p.null_fraction,
                None if *negated => 1.0 - DEFAULT_EQUALITY,
                None => DEFAULT_EQUALITY,
            },
            ExprKind::Binary(op, lhs, rhs) => self.comparison(*op, lhs, rhs),
            _ => DEFAULT_SELECTIVITY,
        }
    }

    /// The fraction each of `conditions` keeps, for [`conjoin`]: a lower and an upper
    /// bound on one property count as one range (they are not independent: `x >= 5 AND
    /// x < 7` keeps the values between, not the product of the two sides).
    pub fn selectivities(&self, conditions: &[&Expr]) -> Vec<f64> {
        let mut ranges: Vec<(RangeOwner, Option<f64>, Option<f64>, PropertyStats)> = Vec::new();
        let mut out = Vec::new();
        for c in conditions {
            match self.one_sided(c) {
                Some((owner, below, is_upper, prop)) => {
                    let at = match ranges.iter().position(|r| r.0 == owner) {
                        Some(at) => at,
                        None => {
                            ranges.push((owner, None, None, prop));
                            ranges.len() - 1
                        }
                    };
                    let range = &mut ranges[at];
                    // Of two bounds on one side, the tighter one.
                    if is_upper {
                        range.2 = Some(range.2.map_or(below, |b: f64| b.min(below)));
                    } else {
                        range.1 = Some(range.1.map_or(below, |b: f64| b.max(below)));
                    }
                }
                None => out.push(self.selectivity(c)),
            }
        }
        for (_, lower, upper, prop) in ranges {
            let present = 1.0 - prop.null_fraction;
            let inside = (upper.unwrap_or(1.0) - lower.unwrap_or(0.0)).max(0.0);
            // At least one value's share, as an equality would find: a histogram bucket
            // is coarser than a narrow range.
            out.push((present * inside).max(equality(&prop, None)).min(present));
        }
        out
    }

    /// `slot.key < v` (or `<=`, `>`, `>=`, either way round) with a constant `v` and
    /// figures for the property: the property, the fraction of its values below the bound,
    /// and whether it is an upper bound.
    fn one_sided(&self, condition: &Expr) -> Option<(RangeOwner, f64, bool, PropertyStats)> {
        let ExprKind::Binary(op, lhs, rhs) = &condition.kind else { return None };
        let (prop_expr, value, op) = match (self.property_stats(lhs), self.property_stats(rhs)) {
            (Some(_), _) => (&**lhs, &**rhs, *op),
            (None, Some(_)) => (&**rhs, &**lhs, mirror(*op)),
            (None, None) => return None,
        };
        let value = constant(value)?;
        let prop = self.property_stats(prop_expr)?;
        let ExprKind::Property(owner, key) = &prop_expr.kind else { return None };
        let ExprKind::Slot(slot) = owner.kind else { return None };
        let (below, upper) = match op {
            BinaryOp::Lt | BinaryOp::Le => (prop.fraction_below(&value, op == BinaryOp::Le), true),
            BinaryOp::Gt | BinaryOp::Ge => (prop.fraction_below(&value, op == BinaryOp::Gt), false),
            _ => return None,
        };
        Some(((slot, key.id?), below, upper, prop))
    }

    fn comparison(&self, op: BinaryOp, lhs: &Expr, rhs: &Expr) -> f64 {
        // The property on the left, the other side on the right, the operator mirrored.
        let (prop, value, op) = match (self.property_stats(lhs), self.property_stats(rhs)) {
            (Some(p), _) => (p, rhs, op),
            // `'text' STARTS WITH n.name` tests the constant, not the property: no figure tells it.
            (None, Some(p)) if is_string_test(op) => return (1.0 - p.null_fraction) * DEFAULT_SELECTIVITY,
            (None, Some(p)) => (p, lhs, mirror(op)),
            (None, None) => {
                return match op {
                    BinaryOp::Eq | BinaryOp::In => DEFAULT_EQUALITY,
                    BinaryOp::Ne => 1.0 - DEFAULT_EQUALITY,
                    _ => DEFAULT_SELECTIVITY,
                }
            }
        };
        let value = constant(value);
        let value = value.as_ref();
        let present = 1.0 - prop.null_fraction;
        match op {
            BinaryOp::Eq => equality(&prop, value),
            BinaryOp::Ne => (present - equality(&prop, value)).max(0.0),
            BinaryOp::In => match value {
                Some(Value::List(items)) => items.iter().map(|v| equality(&prop, Some(v))).sum::<f64>().min(present),
                _ => (10.0 * equality(&prop, None)).min(present),
            },
            BinaryOp::Lt | BinaryOp::Le => match value {
                Some(v) => present * prop.fraction_below(v, op == BinaryOp::Le),
                None => present * DEFAULT_SELECTIVITY,
            },
            BinaryOp::Gt | BinaryOp::Ge => match value {
                Some(v) => present * (1.0 - prop.fraction_below(v, op == BinaryOp::Gt)),
                None => present * DEFAULT_SELECTIVITY,
            },
            BinaryOp::StartsWith => match value {
                Some(Value::String(prefix)) => {
                    let upper = Value::String(format!("{prefix}\u{10FFFF}").into());
                    let range = prop.fraction_between(&Value::String(prefix.clone()), &upper);
                    (present * range).max(equality(&prop, None))
                }
                _ => present * DEFAULT_SELECTIVITY,
            },
            BinaryOp::EndsWith | BinaryOp::Contains => match value {
                Some(Value::String(text)) => {
                    let passes =
                        |s: &str| if op == BinaryOp::EndsWith { s.ends_with(&**text) } else { s.contains(&**text) };
                    present * prop.fraction_of_texts(passes).unwrap_or(DEFAULT_SELECTIVITY)
                }
                _ => present * DEFAULT_SELECTIVITY,
            },
            _ => present * DEFAULT_SELECTIVITY,
        }
    }

    /// The distinct values of `expr` when it is a property with figures.
    pub fn distinct_values(&self, expr: &Expr) -> Option<f64> {
        self.property_stats(expr).map(|p| p.distinct)
    }

    /// The statistics of `expr` when it is `slot.key` for a slot whose labels or types
    /// are known (the most selective of its labels').
    fn property_stats(&self, expr: &Expr) -> Option<PropertyStats> {
        let ExprKind::Property(owner, key) = &expr.kind else { return None };
        let ExprKind::Slot(slot) = owner.kind else { return None };
        let key = key.id?;
        if let Some(types) = self.known.rels.get(&slot) {
            return match types.as_slice() {
                [ty] => self.stats.rel_property(*ty, key),
                _ => None,
            };
        }
        let labels = self.known.nodes.get(&slot).map_or(&[][..], Vec::as_slice);
        let owners: Vec<Option<LabelId>> =
            if labels.is_empty() { vec![None] } else { labels.iter().copied().map(Some).collect() };
        owners
            .into_iter()
            .filter_map(|l| self.stats.node_property(l, key))
            .min_by(|a, b| (a.distinct).total_cmp(&b.distinct).reverse())
    }

    /// The nodes of `label` (or relationships of type `ty`, when given) that a range
    /// index seek on `key` finds: from the property's figures as the conditions it
    /// answers would be estimated, or the seek's fixed guess without them.
    pub fn seek_rows(&self, owner: SeekOwner, key: crate::store::PropKeyId, seek: &SeekExpr) -> f64 {
        let (owners, prop) = match owner {
            SeekOwner::Label(label) => {
                (self.stats.label_count(label) as f64, self.stats.node_property(Some(label), key))
            }
            SeekOwner::Type(ty) => (self.stats.rel_type_count(ty) as f64, self.stats.rel_property(ty, key)),
        };
        let Some(prop) = prop else { return seek.rows(owners) };
        let present = 1.0 - prop.null_fraction;
        let value = |e: &Expr| constant(e);
        let below = |bound: &Option<(Expr, bool)>, upper: bool| -> Option<f64> {
            let (e, inclusive) = bound.as_ref()?;
            let v = value(e)?;
            // An upper bound keeps what is below it (with it when inclusive); a lower bound
            // drops what is below it (with it when exclusive).
            Some(prop.fraction_below(&v, if upper { *inclusive } else { !*inclusive }))
        };
        let fraction = match seek {
            SeekExpr::Equal(e) => equality(&prop, value(e).as_ref()),
            SeekExpr::AnyOf(e) => match value(e) {
                Some(Value::List(items)) => items.iter().map(|v| equality(&prop, Some(v))).sum::<f64>().min(present),
                _ => (10.0 * equality(&prop, None)).min(present),
            },
            SeekExpr::Range { lower, upper } => {
                let inside = below(upper, true).unwrap_or(if upper.is_some() { DEFAULT_SELECTIVITY } else { 1.0 })
                    - below(lower, false).unwrap_or(0.0);
                (present * inside.max(0.0)).max(equality(&prop, None))
            }
            SeekExpr::Prefix(e) => match value(e) {
                Some(Value::String(prefix)) => {
                    let upper = Value::String(format!("{prefix}\u{10FFFF}").into());
                    let range = prop.fraction_between(&Value::String(prefix.clone()), &upper);
                    (present * range).max(equality(&prop, None))
                }
                _ => present * DEFAULT_SELECTIVITY,
            },
        };
        owners * fraction
    }

    /// The fraction of nodes with `labels` whose property `key` equals `value`.
    pub fn node_equality(&self, labels: &[LabelId], key: &PropKeyRef, value: Option<&Value>) -> f64 {
        let Some(key) = key.id else { return 0.0 };
        let owners: Vec<Option<LabelId>> =
            if labels.is_empty() { vec![None] } else { labels.iter().copied().map(Some).collect() };
        owners
            .into_iter()
            .filter_map(|l| self.stats.node_property(l, key))
            .map(|p| equality(&p, value))
            .reduce(f64::min)
            .unwrap_or(DEFAULT_EQUALITY)
    }

    /// The fraction of relationships of `types` whose property `key` equals `value`.
    pub fn rel_equality(&self, types: &[RelTypeId], key: &PropKeyRef, value: Option<&Value>) -> f64 {
        let Some(key) = key.id else { return 0.0 };
        match types {
            [ty] => self.stats.rel_property(*ty, key).map_or(DEFAULT_EQUALITY, |p| equality(&p, value)),
            _ => DEFAULT_EQUALITY,
        }
    }

    /// The relationships, per node with `from` labels, of `types` (any when empty) in
    /// `direction`, that reach a node with `to` labels.
    pub fn fanout(&self, from: &[LabelId], types: &[RelTypeId], direction: RelDirection, to: &[LabelId]) -> f64 {
        let from_rows = self.label_rows(from).max(1.0);
        let (from_label, to_label) = (self.main_label(from), self.main_label(to));
        let one_way = |outgoing: bool| -> f64 {
            let ends = |ty: Option<RelTypeId>| {
                let (start, end) = if outgoing { (from_label, to_label) } else { (to_label, from_label) };
                self.stats.endpoint_count(start, ty, end)
            };
            let tys: Vec<Option<RelTypeId>> =
                if types.is_empty() { vec![None] } else { types.iter().copied().map(Some).collect() };
            tys.into_iter()
                .map(|ty| match ends(ty) {
                    Some(count) => count / from_rows,
                    None => self.fallback_fanout(ty, from_rows, to),
                })
                .sum()
        };
        match direction {
            RelDirection::Right => one_way(true),
            RelDirection::Left => one_way(false),
            RelDirection::Both => one_way(true) + one_way(false),
        }
    }

    /// Without sampled figures: the type's relationships spread over the `from` nodes,
    /// reaching the `to` labels in proportion to their size.
    fn fallback_fanout(&self, ty: Option<RelTypeId>, from_rows: f64, to: &[LabelId]) -> f64 {
        let rels = ty.map_or(self.stats.rel_count(), |t| self.stats.rel_type_count(t)) as f64;
        let to_fraction = if to.is_empty() { 1.0 } else { self.label_rows(to) / self.stats.node_count().max(1) as f64 };
        let from_fraction = if ty.is_some() { 1.0 } else { from_rows / self.stats.node_count().max(1) as f64 };
        rels * from_fraction / from_rows * to_fraction
    }

    /// The paths of `min..=max` steps per start node for a mean of `per_step` each, each
    /// step after the first from a node reached by the one before, which has `skew` times
    /// the mean relationships ([`Estimator::skew`]); each length's paths capped by the
    /// relationships there are, and so the sum.
    pub fn var_length_paths(&self, per_step: f64, skew: f64, min: u64, max: Option<u64>) -> f64 {
        let cap = (self.stats.rel_count().max(1)) as f64;
        let top = max.unwrap_or(MAX_GROWTH_STEPS).min(MAX_GROWTH_STEPS.max(min));
        let length = |k: u64| match k {
            0 => 1.0,
            k => per_step * (per_step * skew).powi(k as i32 - 1),
        };
        (min..=top).map(|k| length(k).min(cap)).sum::<f64>().min(cap)
    }

    /// How many times the mean number of paths pass through a node of `labels` that
    /// joins a relationship of `left` (types, any when empty, and the direction it leaves
    /// the node in) to one of `right`: E[l·r] / (E[l]·E[r]) over the label's nodes, where
    /// l and r are a node's relationships of each kind, the same relationship not counted
    /// twice. Above 1 when nodes with many of one have many of the other (the hubs a
    /// relationship likely leads to); 1 without figures.
    pub fn skew(
        &self,
        labels: &[LabelId],
        left: (&[RelTypeId], RelDirection),
        right: (&[RelTypeId], RelDirection),
    ) -> f64 {
        let label = self.main_label(labels);
        let (l, r) = (degree_keys(left), degree_keys(right));
        let mean = |keys: &[DegreeKey]| -> Option<f64> {
            keys.iter().map(|&(ty, dir)| self.stats.degree(label, ty, dir).map(|d| d.mean)).sum()
        };
        let (Some(mean_l), Some(mean_r)) = (mean(&l), mean(&r)) else { return 1.0 };
        let co: Option<f64> = l
            .iter()
            .flat_map(|&a| r.iter().map(move |&b| (a, b)))
            .map(|(a, b)| self.stats.co_degree(label, a, b))
            .sum();
        let Some(co) = co else { return 1.0 };
        if mean_l <= 0.0 || mean_r <= 0.0 {
            return 1.0;
        }
        // The pairs of one relationship with itself, when both sides admit the same ones.
        let itself = if l == r { mean_l } else { 0.0 };
        ((co - itself).max(0.0) / (mean_l * mean_r)).clamp(MIN_SKEW, MAX_SKEW)
    }
}

/// The degree kinds a relationship of `types` (any when empty) leaving a node in
/// `direction` (`Right`: outgoing) counts in.
fn degree_keys((types, direction): (&[RelTypeId], RelDirection)) -> Vec<DegreeKey> {
    let dirs: &[Direction] = match direction {
        RelDirection::Right => &[Direction::Outgoing],
        RelDirection::Left => &[Direction::Incoming],
        RelDirection::Both => &[Direction::Outgoing, Direction::Incoming],
    };
    let tys: Vec<Option<RelTypeId>> =
        if types.is_empty() { vec![None] } else { types.iter().copied().map(Some).collect() };
    dirs.iter().flat_map(|&d| tys.iter().map(move |&t| (t, d))).collect()
}

/// The fraction of owners whose property equals `value` (unknown: any one value).
fn equality(prop: &PropertyStats, value: Option<&Value>) -> f64 {
    if matches!(value, Some(Value::Null)) || prop.distinct <= 0.0 {
        return 0.0;
    }
    let present = 1.0 - prop.null_fraction;
    if let (Some(v), Some(min), Some(max)) = (value, &prop.min, &prop.max) {
        if v.order(min).is_lt() || v.order(max).is_gt() {
            return 0.0;
        }
    }
    present / prop.distinct
}

/// Independent conditions, softened by exponential backoff: the most selective counts
/// fully, the second by its square root, the third by its fourth root, the fourth by its
/// eighth; the rest not at all.
pub fn conjoin(mut sels: Vec<f64>) -> f64 {
    sels.sort_by(f64::total_cmp);
    sels.iter().take(4).enumerate().map(|(i, s)| s.clamp(0.0, 1.0).powf(1.0 / f64::from(1u32 << i))).product()
}

/// `a op b` as `b op' a`.
fn is_string_test(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains | BinaryOp::RegexMatch)
}

fn mirror(op: BinaryOp) -> BinaryOp {
    match op {
        BinaryOp::Lt => BinaryOp::Gt,
        BinaryOp::Le => BinaryOp::Ge,
        BinaryOp::Gt => BinaryOp::Lt,
        BinaryOp::Ge => BinaryOp::Le,
        other => other,
    }
}

/// The property a range condition is on.
type RangeOwner = (Slot, crate::store::PropKeyId);

/// The value of a constant expression: a literal (a parameter, substituted), or
/// arithmetic on constant numbers (`$year + 2`), as the executor folds it once.
pub fn constant(expr: &Expr) -> Option<Value> {
    match &expr.kind {
        ExprKind::Literal(v) => Some(v.clone()),
        // `IN ['a', 'b']` is estimated item by item, as the equalities it stands for.
        ExprKind::List(items) => items.iter().map(constant).collect::<Option<Vec<_>>>().map(Value::list),
        ExprKind::Unary(UnaryOp::Neg, inner) => match constant(inner)? {
            Value::Int(i) => i.checked_neg().map(Value::Int),
            Value::Float(f) => Some(Value::Float(-f)),
            _ => None,
        },
        ExprKind::Binary(op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul), a, b) => {
            match (constant(a)?, constant(b)?) {
                (Value::Int(a), Value::Int(b)) => match op {
                    BinaryOp::Add => a.checked_add(b),
                    BinaryOp::Sub => a.checked_sub(b),
                    _ => a.checked_mul(b),
                }
                .map(Value::Int),
                (a, b) => {
                    let (a, b) = (number(&a)?, number(&b)?);
                    Some(Value::Float(match op {
                        BinaryOp::Add => a + b,
                        BinaryOp::Sub => a - b,
                        _ => a * b,
                    }))
                }
            }
        }
        ExprKind::Call(Function::Range, args) => range(args),
        _ => None,
    }
}

/// The most items a `range()` of constants is folded into for an estimate.
const MOST_RANGE_ITEMS: i64 = 1_000;

/// `range(a, b[, step])` of integer constants as its list, when it has at most
/// [`MOST_RANGE_ITEMS`] items (`IN range($y - 4, $y)` estimated item by item, an UNWIND of
/// it as its length); `None` for a step of 0, which is the interpreter's error.
fn range(args: &[Expr]) -> Option<Value> {
    let int = |e: &Expr| match constant(e)? {
        Value::Int(i) => Some(i),
        _ => None,
    };
    let (from, to, step) = match args {
        [a, b] => (int(a)?, int(b)?, 1),
        [a, b, c] => (int(a)?, int(b)?, int(c)?),
        _ => return None,
    };
    if step == 0 {
        return None;
    }
    let items = (to.checked_sub(from)? / step).checked_add(1)?.max(0);
    (items <= MOST_RANGE_ITEMS).then(|| Value::list((0..items).map(|k| Value::Int(from + k * step)).collect()))
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// The value of a literal expression (a parameter, substituted), a list of literals as
/// a list value.
pub fn literal(expr: &Expr) -> Option<&Value> {
    match &expr.kind {
        ExprKind::Literal(v) => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binder::bound::{NameRef, Type};
    use crate::span::Span;
    use crate::store::{DegreeStats, Direction, PropKeyId};

    /// 1000 people with a unique `id` and an `age` of 50 values from 0 to 49; 10 cities;
    /// 3000 LIVES_IN from people to cities.
    struct Fake;

    const PERSON: LabelId = LabelId(0);
    const CITY: LabelId = LabelId(1);
    const LIVES_IN: RelTypeId = RelTypeId(0);

    impl Statistics for Fake {
        fn node_count(&self) -> usize {
            1010
        }
        fn rel_count(&self) -> usize {
            3000
        }
        fn label_count(&self, label: LabelId) -> usize {
            if label == PERSON {
                1000
            } else {
                10
            }
        }
        fn rel_type_count(&self, _: RelTypeId) -> usize {
            3000
        }
        fn is_key(&self, _: LabelId, _: PropKeyId) -> bool {
            false
        }
        fn node_property(&self, _: Option<LabelId>, key: PropKeyId) -> Option<PropertyStats> {
            let (distinct, max) = if key.0 == 0 { (1000.0, 999) } else { (50.0, 49) };
            let bounds = (0..=10).map(|i| Value::Int(i * max / 10)).collect();
            Some(PropertyStats {
                distinct,
                null_fraction: 0.0,
                min: Some(Value::Int(0)),
                max: Some(Value::Int(max)),
                bounds,
                texts: Vec::new(),
            })
        }
        fn degree(&self, label: Option<LabelId>, ty: Option<RelTypeId>, dir: Direction) -> Option<DegreeStats> {
            // People have 3 LIVES_IN out on average, cities 300 in.
            match (label, ty, dir) {
                (Some(PERSON), Some(LIVES_IN), Direction::Outgoing) => {
                    Some(DegreeStats { mean: 3.0, ..Default::default() })
                }
                (Some(CITY), Some(LIVES_IN), Direction::Incoming) => {
                    Some(DegreeStats { mean: 300.0, ..Default::default() })
                }
                _ => Some(DegreeStats::default()),
            }
        }
        fn co_degree(&self, label: Option<LabelId>, a: DegreeKey, b: DegreeKey) -> Option<f64> {
            // A skewed spread of people's LIVES_IN (E[d²] = 27 against a mean of 3), an
            // even one of cities' (every city 300).
            let out = (Some(LIVES_IN), Direction::Outgoing);
            let inc = (Some(LIVES_IN), Direction::Incoming);
            Some(match (label, a, b) {
                (Some(PERSON), a, b) if a == out && b == out => 27.0,
                (Some(CITY), a, b) if a == inc && b == inc => 90_000.0,
                _ => 0.0,
            })
        }
        fn endpoint_count(&self, start: Option<LabelId>, _: Option<RelTypeId>, end: Option<LabelId>) -> Option<f64> {
            Some(match (start, end) {
                (Some(PERSON) | None, Some(CITY) | None) => 3000.0,
                _ => 0.0,
            })
        }
    }

    fn prop(slot: u32, key: u32) -> Expr {
        let owner = Expr { kind: ExprKind::Slot(Slot(slot)), ty: Type::Node, span: Span::default() };
        let key = NameRef { name: if key == 0 { "id".into() } else { "age".into() }, id: Some(PropKeyId(key)) };
        Expr { kind: ExprKind::Property(Box::new(owner), key), ty: Type::Any, span: Span::default() }
    }

    fn lit(v: Value) -> Expr {
        Expr { kind: ExprKind::Literal(v), ty: Type::Any, span: Span::default() }
    }

    fn cmp(op: BinaryOp, a: Expr, b: Expr) -> Expr {
        super::super::predicates::binary(op, a, b)
    }

    fn known() -> Known {
        let mut known = Known::default();
        known.nodes.insert(Slot(0), vec![PERSON]);
        known
    }

    #[test]
    fn equality_is_rows_over_distinct_values_and_a_value_out_of_range_finds_none() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        assert_eq!(est.selectivity(&cmp(BinaryOp::Eq, prop(0, 0), lit(Value::Int(7)))), 0.001);
        assert_eq!(est.selectivity(&cmp(BinaryOp::Eq, lit(Value::Int(7)), prop(0, 1))), 0.02);
        assert_eq!(est.selectivity(&cmp(BinaryOp::Eq, prop(0, 1), lit(Value::Int(500)))), 0.0);
        let list = lit(Value::list(vec![Value::Int(1), Value::Int(2), Value::Int(3)]));
        assert!((est.selectivity(&cmp(BinaryOp::In, prop(0, 0), list)) - 0.003).abs() < 1e-12);
        // A list written out item by item (`IN [1, 2]`) is estimated the same way, not as
        // a list of unknown length.
        let items = vec![lit(Value::Int(1)), lit(Value::Int(2))];
        let written = Expr { kind: ExprKind::List(items), ty: Type::Any, span: Span::default() };
        assert!((est.selectivity(&cmp(BinaryOp::In, prop(0, 0), written)) - 0.002).abs() < 1e-12);
    }

    #[test]
    fn ranges_read_the_histogram_either_way_round() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        let below = est.selectivity(&cmp(BinaryOp::Lt, prop(0, 1), lit(Value::Int(10))));
        let above = est.selectivity(&cmp(BinaryOp::Gt, lit(Value::Int(10)), prop(0, 1)));
        assert!((0.1..0.35).contains(&below), "{below}");
        assert_eq!(below, above);
        let not_below = est.selectivity(&cmp(BinaryOp::Ge, prop(0, 1), lit(Value::Int(10))));
        assert!((below + not_below - 1.0).abs() < 1e-9);
    }

    #[test]
    fn conjunctions_back_off_instead_of_multiplying_to_nothing() {
        assert_eq!(conjoin(vec![]), 1.0);
        assert!((conjoin(vec![0.1, 0.01]) - 0.01 * 0.1f64.sqrt()).abs() < 1e-12);
        assert!(conjoin(vec![0.1; 10]) > 0.1f64.powi(2));
    }

    #[test]
    fn an_inline_filter_makes_a_node_pattern_selective() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        let node = NodePattern {
            slot: Slot(0),
            bound: false,
            labels: vec![NameRef { name: "Person".into(), id: Some(PERSON) }],
            properties: vec![(NameRef { name: "id".into(), id: Some(PropKeyId(0)) }, lit(Value::Int(5)))],
            key: None,
            filter: None,
            dynamic_labels: Vec::new(),
            span: Span::default(),
        };
        assert_eq!(est.node_rows(&node), 1.0);
    }

    #[test]
    fn expansions_follow_the_relationships_per_label_pair_and_direction() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        assert_eq!(est.fanout(&[PERSON], &[LIVES_IN], RelDirection::Right, &[CITY]), 3.0);
        assert_eq!(est.fanout(&[CITY], &[LIVES_IN], RelDirection::Left, &[PERSON]), 300.0);
        assert_eq!(est.fanout(&[CITY], &[LIVES_IN], RelDirection::Right, &[]), 0.0);
        // Bounded growth: paths of 1..3 steps at 3 a step, capped by the relationships.
        assert_eq!(est.var_length_paths(3.0, 1.0, 1, Some(3)), 3.0 + 9.0 + 27.0);
        assert_eq!(est.var_length_paths(100.0, 1.0, 1, None), 3000.0);
        // Each step after the first from a node twice as likely a hub.
        assert_eq!(est.var_length_paths(3.0, 2.0, 1, Some(3)), 3.0 + 18.0 + 108.0);
    }

    #[test]
    fn a_node_a_relationship_leads_to_is_likely_a_hub() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        let lives_in = [LIVES_IN];
        // Two of a person's LIVES_IN (not the same one twice): E[d²] - E[d] over E[d]².
        let person = est.skew(&[PERSON], (&lives_in, RelDirection::Right), (&lives_in, RelDirection::Right));
        assert!((person - 24.0 / 9.0).abs() < 1e-9, "{person}");
        // Every city alike: two of a city's people are as many as the mean says (less the
        // same one twice).
        let city = est.skew(&[CITY], (&lives_in, RelDirection::Left), (&lives_in, RelDirection::Left));
        assert!((city - 299.0 / 300.0).abs() < 1e-9, "{city}");
        // No figures for a kind: no correction.
        assert_eq!(est.skew(&[PERSON], (&[], RelDirection::Left), (&lives_in, RelDirection::Right)), 1.0);
    }

    #[test]
    fn two_bounds_on_one_property_are_one_range_and_constant_arithmetic_counts() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        // age is 0..49 evenly: 10 <= age < 10 + 5 keeps about a tenth.
        let lower = cmp(BinaryOp::Ge, prop(0, 1), lit(Value::Int(10)));
        let five = cmp(BinaryOp::Add, lit(Value::Int(10)), lit(Value::Int(5)));
        let upper = cmp(BinaryOp::Lt, prop(0, 1), five);
        let both = est.selectivity(&cmp(BinaryOp::And, lower.clone(), upper.clone()));
        assert!((0.05..0.2).contains(&both), "{both}");
        // Each side alone keeps far more; independence would have said their product.
        let (l, u) = (est.selectivity(&lower), est.selectivity(&upper));
        assert!(l > 0.6 && u > 0.2 && u < 0.4, "{l} {u}");
        assert!(both < conjoin(vec![l, u]));
    }

    #[test]
    fn index_seeks_find_what_the_conditions_they_answer_keep() {
        let known = known();
        let est = Estimator { stats: &Fake, known: &known };
        let age = PropKeyId(1);
        let equal = est.seek_rows(SeekOwner::Label(PERSON), age, &SeekExpr::Equal(lit(Value::Int(7))));
        assert_eq!(equal, 20.0, "1000 people over 50 ages, not one");
        let range =
            SeekExpr::Range { lower: Some((lit(Value::Int(10)), true)), upper: Some((lit(Value::Int(20)), false)) };
        let rows = est.seek_rows(SeekOwner::Label(PERSON), age, &range);
        assert!((100.0..300.0).contains(&rows), "{rows}");
        let list = lit(Value::list(vec![Value::Int(1), Value::Int(2)]));
        assert_eq!(est.seek_rows(SeekOwner::Label(PERSON), age, &SeekExpr::AnyOf(list)), 40.0);
    }
}

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

use super::stats::Statistics;
use crate::binder::bound::{Expr, ExprKind, NodePattern, PropKeyRef, RelPattern, Slot};
use crate::store::{LabelId, PropertyStats, RelTypeId};
use crate::syntax::ast::{BinaryOp, RelDirection, UnaryOp};
use crate::value::Value;

/// The guess for a condition statistics say nothing about.
pub const DEFAULT_SELECTIVITY: f64 = 0.3;
/// The guess for an equality statistics say nothing about.
pub const DEFAULT_EQUALITY: f64 = 0.1;
/// The longest variable-length path an estimate follows.
const MAX_GROWTH_STEPS: u64 = 4;

/// What the plan knows each slot holds: a node with labels, a relationship of types.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub nodes: HashMap<Slot, Vec<LabelId>>,
    pub rels: HashMap<Slot, Vec<RelTypeId>>,
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
                conjoin(super::predicates::conjuncts(predicate).into_iter().map(|c| self.selectivity(c)).collect())
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

    fn comparison(&self, op: BinaryOp, lhs: &Expr, rhs: &Expr) -> f64 {
        // The property on the left, the other side on the right, the operator mirrored.
        let (prop, value, op) = match (self.property_stats(lhs), self.property_stats(rhs)) {
            (Some(p), _) => (p, rhs, op),
            (None, Some(p)) => (p, lhs, mirror(op)),
            (None, None) => {
                return match op {
                    BinaryOp::Eq | BinaryOp::In => DEFAULT_EQUALITY,
                    BinaryOp::Ne => 1.0 - DEFAULT_EQUALITY,
                    _ => DEFAULT_SELECTIVITY,
                }
            }
        };
        let value = literal(value);
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
                    let range =
                        prop.fraction_below(&upper, true) - prop.fraction_below(&Value::String(prefix.clone()), false);
                    (present * range).max(equality(&prop, None))
                }
                _ => present * DEFAULT_SELECTIVITY,
            },
            _ => present * DEFAULT_SELECTIVITY,
        }
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

    /// The paths of `min..=max` steps per start node for a mean of `per_step` each.
    pub fn var_length_paths(&self, per_step: f64, min: u64, max: Option<u64>) -> f64 {
        let cap = (self.stats.rel_count().max(1)) as f64;
        let top = max.unwrap_or(MAX_GROWTH_STEPS).min(MAX_GROWTH_STEPS.max(min));
        (min..=top).map(|k| per_step.powi(k as i32).min(cap)).sum::<f64>().min(cap)
    }
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
fn mirror(op: BinaryOp) -> BinaryOp {
    match op {
        BinaryOp::Lt => BinaryOp::Gt,
        BinaryOp::Le => BinaryOp::Ge,
        BinaryOp::Gt => BinaryOp::Lt,
        BinaryOp::Ge => BinaryOp::Le,
        other => other,
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
            })
        }
        fn degree(&self, _: Option<LabelId>, _: Option<RelTypeId>, _: Direction) -> Option<DegreeStats> {
            None
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
        assert_eq!(est.var_length_paths(3.0, 1, Some(3)), 3.0 + 9.0 + 27.0);
        assert_eq!(est.var_length_paths(100.0, 1, None), 3000.0);
    }
}

//! Counting from the grouped end: a one-hop pattern whose rows are only counted, grouped
//! by keys of its far node, is walked the other way round, so that the count per group
//! is a count per node of the relationships it has (`rewrite.rs`), not a row per match.
//!
//! `MATCH (a:Article)-[:MENTIONS]->(p:Person) RETURN p.id, count(a)` starts at the
//! articles (the smaller label) and makes a row per mention, which the aggregate then
//! hashes by `p.id`. Scanning the people and counting each one's incoming mentions from
//! articles (`ExpandCount`, or the degree when nothing is tested) gives the same counts
//! with no row per mention, and a key of `p` then needs no grouping at all.
//!
//! The pattern is turned round only when that reads no more nodes than the rows it
//! avoids: the far node's label has at most as many nodes as the hop is estimated to
//! give rows.

use super::build::boxed;
use super::estimate::{Estimator, Known};
use super::predicates::{conjunction, conjuncts, free_slots};
use super::stats::Statistics;
use super::{Hop, LogicalOp};
use crate::binder::bound::{Expr, ExprKind, LabelRef, Slot};

/// A hop from a scan of its start node, both taken apart.
pub(super) struct ScannedHop {
    pub scan_label: Option<LabelRef>,
    /// The conditions on the start node alone, checked after its scan.
    pub scan_filter: Option<Expr>,
    pub hop: Hop,
    /// The hop's own conditions (its far node's labels among them).
    pub predicate: Option<Expr>,
}

impl ScannedHop {
    /// `below` (what the hop expands from) when it is a scan of the hop's start node from
    /// the query's start, under a filter on that node only.
    pub fn of(below: &LogicalOp, hop: &Hop, predicate: Option<&Expr>) -> Option<ScannedHop> {
        if hop.into || hop.rel_bound {
            return None;
        }
        let (scan, scan_filter) = match below {
            LogicalOp::Filter { input, predicate } => (&**input, Some(predicate.clone())),
            other => (other, None),
        };
        let LogicalOp::NodeScan { input, slot, label } = scan else { return None };
        if *slot != hop.from || **input != LogicalOp::Start {
            return None;
        }
        if let Some(filter) = &scan_filter {
            if !reads_only(filter, hop.from) {
                return None;
            }
        }
        Some(ScannedHop { scan_label: label.clone(), scan_filter, hop: hop.clone(), predicate: predicate.cloned() })
    }

    /// The same matches found from the far node: a scan of it (by the label of its with
    /// the fewest nodes, its conditions alone after the scan), then the hop reversed with
    /// the start node's label and conditions tested on each relationship. `None` when the
    /// far node's scan would read more nodes than the hop's estimated rows.
    pub fn flipped(self, stats: &dyn Statistics) -> Option<(LogicalOp, Hop, Option<Expr>)> {
        let ScannedHop { scan_label, scan_filter, hop, predicate } = self;
        let (mut far_only, mut on_hop): (Vec<Expr>, Vec<Expr>) = (Vec::new(), Vec::new());
        for c in predicate.iter().flat_map(|p| conjuncts(p)) {
            if reads_only(c, hop.to) {
                far_only.push(c.clone());
            } else {
                on_hop.push(c.clone());
            }
        }
        let far_label = cheapest_label(&far_only, hop.to, stats);
        let mut known = Known::default();
        known.nodes.insert(hop.from, scan_label.iter().filter_map(|l| l.id).collect());
        let est = Estimator { stats, known: &known };
        let count = |label: &Option<LabelRef>| match label {
            Some(l) => l.id.map_or(0, |id| stats.label_count(id)) as f64,
            None => stats.node_count() as f64,
        };
        let types: Vec<_> = hop.types.iter().filter_map(|t| t.id).collect();
        let from_labels: Vec<_> = scan_label.iter().filter_map(|l| l.id).collect();
        let to_labels: Vec<_> = far_label.iter().filter_map(|l| l.id).collect();
        let kept = scan_filter.as_ref().map_or(1.0, |f| est.selectivity(f));
        let rows = count(&scan_label) * kept * est.fanout(&from_labels, &types, hop.direction, &to_labels);
        if count(&far_label) > rows {
            return None;
        }
        // The start node's label and conditions move onto the reversed hop.
        if let Some(label) = &scan_label {
            on_hop.push(has_label(hop.from, label.clone()));
        }
        on_hop.extend(scan_filter);
        let scan = LogicalOp::NodeScan { input: boxed(LogicalOp::Start), slot: hop.to, label: far_label.clone() };
        let remaining: Vec<Expr> = far_only.into_iter().filter_map(|c| without_label(c, far_label.as_ref())).collect();
        let below = match conjunction(remaining) {
            Some(filter) => LogicalOp::Filter { input: boxed(scan), predicate: filter },
            None => scan,
        };
        let reversed = Hop {
            from: hop.to,
            rel: hop.rel,
            to: hop.from,
            direction: hop.direction.reversed(),
            types: hop.types,
            into: false,
            rel_bound: false,
        };
        Some((below, reversed, conjunction(on_hop)))
    }
}

/// Whether `expr` reads `slot` and nothing else.
fn reads_only(expr: &Expr, slot: Slot) -> bool {
    free_slots(expr).is_some_and(|reads| reads.iter().all(|s| *s == slot))
}

/// Of the labels `conditions` require `slot` to carry, the one with the fewest nodes.
fn cheapest_label(conditions: &[Expr], slot: Slot, stats: &dyn Statistics) -> Option<LabelRef> {
    conditions
        .iter()
        .filter_map(|c| match &c.kind {
            ExprKind::HasLabels(owner, labels) if owner.kind == ExprKind::Slot(slot) => Some(labels),
            _ => None,
        })
        .flatten()
        .filter(|l| l.id.is_some())
        .min_by_key(|l| l.id.map_or(0, |id| stats.label_count(id)))
        .cloned()
}

/// `condition` without the label check `label` (which a scan by that label answers);
/// `None` when nothing is left of it.
fn without_label(condition: Expr, label: Option<&LabelRef>) -> Option<Expr> {
    let Some(label) = label else { return Some(condition) };
    match condition.kind {
        ExprKind::HasLabels(owner, labels) => {
            let rest: Vec<LabelRef> = labels.into_iter().filter(|l| l != label).collect();
            (!rest.is_empty()).then(|| Expr { kind: ExprKind::HasLabels(owner, rest), ..condition })
        }
        kind => Some(Expr { kind, ..condition }),
    }
}

/// `slot:label` as a condition.
fn has_label(slot: Slot, label: LabelRef) -> Expr {
    let owner = super::predicates::slot_expr(slot, crate::binder::bound::Type::Node, crate::span::Span::default());
    Expr {
        kind: ExprKind::HasLabels(Box::new(owner), vec![label]),
        ty: crate::binder::bound::Type::Bool,
        span: crate::span::Span::default(),
    }
}

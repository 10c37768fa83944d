//! The rows each operator of a plan is estimated to produce, for EXPLAIN and PROFILE,
//! from the graph's statistics (`estimate.rs` for the figures).
//!
//! The labels and types of the slots are read off the plan itself (the label a scan or a
//! seek uses, the labels a filter checks, the types an expansion follows). An inner plan
//! (under `Optional`, `SemiApply`) is estimated per row of its argument, then scaled by
//! the rows that reach it.

use std::collections::HashMap;

use super::estimate::{conjoin, literal, Estimator, Known, SeekOwner};
use super::logical::{Hop, LogicalOp, SemiJoinOutput};
use super::predicates::conjuncts;
use super::stats::Statistics;
use crate::binder::bound::{Expr, ExprKind, Slot};
use crate::store::LabelId;
use crate::syntax::ast::{BinaryOp, RelDirection};
use crate::value::Value;

/// The estimated rows of every operator of `plan`, keyed by its address.
pub fn estimate(plan: &LogicalOp, stats: &dyn Statistics) -> HashMap<usize, f64> {
    let mut known = Known::default();
    learn(plan, &mut known);
    let est = Estimator { stats, known: &known };
    let mut out = HashMap::new();
    rows(plan, 1.0, &est, &mut out);
    out
}

/// The rows `op` (a whole plan, or a part of one with no outer row) is estimated to
/// produce: what an executor prices work by before it runs (`exec/parallel.rs`).
pub fn estimated_rows(op: &LogicalOp, stats: &dyn Statistics) -> f64 {
    estimate(op, stats).get(&(op as *const LogicalOp as usize)).copied().unwrap_or(0.0)
}

/// The most rows an operator of `op`'s chain of one-input operators makes, an
/// `ExpandCount` counted by the relationships it walks (its input's rows expanded), not
/// the one row per node it gives: the work a scan under them costs, to price it before it
/// runs (`exec/parallel.rs`).
pub fn rows_walked(op: &LogicalOp, stats: &dyn Statistics) -> f64 {
    let rows = estimate(op, stats);
    let mut most = 0.0_f64;
    let mut at = op;
    loop {
        most = most.max(rows.get(&(at as *const LogicalOp as usize)).copied().unwrap_or(0.0));
        if let LogicalOp::ExpandCount { input, hop, .. } = at {
            let walked = LogicalOp::Expand { input: input.clone(), hop: hop.clone() };
            most = most.max(estimated_rows(&walked, stats));
        }
        match at.children().as_slice() {
            [only] => at = only,
            _ => return most,
        }
    }
}

/// The paths a variable-length expansion `op` finds per input row.
fn paths_per_row(op: &LogicalOp, path: &super::PathSpec, est: &Estimator<'_>, from: &[LabelId]) -> f64 {
    let types: Vec<_> = path.step.types.iter().filter_map(|t| t.id).collect();
    let step = est.fanout(from, &types, path.step.direction, &[]);
    let along = (&types[..], path.step.direction);
    // The path's inner nodes taken to be like its start.
    let inner = est.skew(from, (&types, path.step.direction.reversed()), along);
    let start = arrival_skew(op, path.from, along, est);
    start * est.var_length_paths(step, inner, path.min, path.max)
}

/// The estimated rows of `plan` itself (its root operator).
pub(super) fn plan_rows(plan: &LogicalOp, stats: &dyn Statistics) -> f64 {
    plan_rows_from(plan, 1.0, stats)
}

/// The estimated rows of `plan` when its `Argument` (the outer row of an inner plan)
/// stands for `argument` rows: how often a part planned over it runs.
pub(super) fn plan_rows_from(plan: &LogicalOp, argument: f64, stats: &dyn Statistics) -> f64 {
    let mut known = Known::default();
    learn(plan, &mut known);
    let est = Estimator { stats, known: &known };
    rows(plan, argument, &est, &mut HashMap::new())
}

/// Collects what the plan's operators say the slots hold.
fn learn(op: &LogicalOp, known: &mut Known) {
    let mut label = |slot: Slot, id: Option<LabelId>| {
        if let Some(id) = id {
            let labels = known.nodes.entry(slot).or_default();
            if !labels.contains(&id) {
                labels.push(id);
            }
        }
    };
    match op {
        LogicalOp::NodeScan { slot, label: Some(l), .. }
        | LogicalOp::FilteredScan { slot, label: Some(l), .. }
        | LogicalOp::SemiJoinScan { slot, label: Some(l), .. }
        | LogicalOp::NodeByKey { slot, label: l, .. }
        | LogicalOp::NodeByKeys { slot, label: l, .. }
        | LogicalOp::NodeIndexSeek { slot, label: l, .. } => label(*slot, l.id),
        LogicalOp::RelIndexSeek { rel, ty, .. } => {
            known.rels.entry(*rel).or_insert_with(|| ty.id.into_iter().collect());
        }
        LogicalOp::RelTypeScan { scan, .. } => {
            known.rels.entry(scan.rel).or_insert_with(|| scan.types.iter().filter_map(|t| t.id).collect());
        }
        LogicalOp::Expand { hop, .. } | LogicalOp::ExpandCount { hop, .. } | LogicalOp::FilteredExpand { hop, .. } => {
            let types: Vec<_> = hop.types.iter().filter_map(|t| t.id).collect();
            if !hop.into && !matches!(op, LogicalOp::ExpandCount { .. }) {
                known.arrivals.entry(hop.to).or_insert_with(|| (types.clone(), hop.direction.reversed()));
            }
            known.rels.entry(hop.rel).or_insert(types);
        }
        LogicalOp::ExpandIntersect { first, second, .. } => {
            for hop in [first, second] {
                known.rels.entry(hop.rel).or_insert_with(|| hop.types.iter().filter_map(|t| t.id).collect());
            }
        }
        LogicalOp::VarExpand { path, into: false, .. } => {
            let types: Vec<_> = path.step.types.iter().filter_map(|t| t.id).collect();
            known.arrivals.entry(path.to).or_insert_with(|| (types, path.step.direction.reversed()));
        }
        _ => {}
    }
    if let LogicalOp::Filter { predicate, .. }
    | LogicalOp::FilteredScan { predicate, .. }
    | LogicalOp::RelTypeScan { predicate: Some(predicate), .. }
    | LogicalOp::FilteredExpand { predicate, .. } = op
    {
        for c in conjuncts(predicate) {
            if let ExprKind::HasLabels(owner, labels) = &c.kind {
                if let ExprKind::Slot(slot) = owner.kind {
                    labels.iter().for_each(|l| label(slot, l.id));
                }
            }
        }
    }
    // A UNION's parts are learned each on its own when its rows are estimated (`rows`):
    // they may use the same slots for different variables.
    if matches!(op, LogicalOp::Union { .. }) {
        return;
    }
    for child in op.children() {
        learn(child, known);
    }
}

/// The rows of each part of a UNION, each estimated with what it says of its own slots
/// beside what was known outside the union.
fn union_rows(parts: &[LogicalOp], argument: f64, est: &Estimator<'_>, out: &mut HashMap<usize, f64>) -> f64 {
    parts
        .iter()
        .map(|part| {
            let mut known = est.known.clone();
            learn(part, &mut known);
            rows(part, argument, &Estimator { stats: est.stats, known: &known }, out)
        })
        .sum()
}

/// The rows of `op` when its `Argument` gives `argument` rows; records every operator's.
fn rows(op: &LogicalOp, argument: f64, est: &Estimator<'_>, out: &mut HashMap<usize, f64>) -> f64 {
    let input = |out: &mut HashMap<usize, f64>| match op.children().first() {
        Some(child) => rows(child, argument, est, out),
        None => argument,
    };
    let labels = |slot: Slot| est.known.nodes.get(&slot).cloned().unwrap_or_default();
    let n = match op {
        LogicalOp::Start => 1.0,
        LogicalOp::Argument => argument,
        LogicalOp::NodeScan { label, .. } => input(out) * scan_rows(label.as_ref(), est),
        LogicalOp::FilteredScan { label, predicate, .. } => {
            input(out) * scan_rows(label.as_ref(), est) * filter_selectivity(None, predicate, est, &labels)
        }
        LogicalOp::FilteredExpand { hop, predicate, .. } => {
            let hop_for_labels = (!hop.into).then_some(hop);
            input(out) * hop_rows(op, hop, est, &labels) * filter_selectivity(hop_for_labels, predicate, est, &labels)
        }
        LogicalOp::UnionNodeByLabelsScan { labels, .. } => {
            input(out) * labels.iter().map(|l| l.id.map_or(0, |id| est.stats.label_count(id)) as f64).sum::<f64>()
        }
        LogicalOp::NodeByKey { .. } => input(out),
        LogicalOp::NodeIndexSeek { label, key, seek, .. } => match (label.id, key.id) {
            (Some(l), Some(k)) => input(out) * est.seek_rows(SeekOwner::Label(l), k, seek),
            _ => 0.0,
        },
        LogicalOp::RelTypeScan { scan, predicate, .. } => {
            let orientations = if scan.undirected { 2.0 } else { 1.0 };
            let read = super::rel_scan::scanned_count(&scan.types, est.stats);
            let passing = predicate.as_ref().map_or(1.0, |p| filter_selectivity(None, p, est, &labels));
            input(out) * read * orientations * passing
        }
        LogicalOp::RelIndexSeek { ty, key, seek, .. } => match (ty.id, key.id) {
            (Some(t), Some(k)) => input(out) * est.seek_rows(SeekOwner::Type(t), k, seek),
            _ => 0.0,
        },
        LogicalOp::NodeDegreeTop { label, keep, .. } => {
            let nodes = match label {
                Some(l) => l.id.map_or(0, |id| est.stats.label_count(id)),
                None => est.stats.node_count(),
            };
            input(out) * (*keep as f64).min(nodes as f64)
        }
        LogicalOp::NodePresenceCount { .. } => input(out),
        LogicalOp::LabelSetCount { label, keys, .. } => {
            let nodes = match label {
                Some(l) => l.id.map_or(0, |id| est.stats.label_count(id)),
                None => est.stats.node_count(),
            };
            input(out) * groups(keys, nodes as f64, est)
        }
        LogicalOp::NodeColumnTop { limit, drops_skip: true, .. } => {
            let keep = super::column_top::kept_rows(None, limit).map_or(f64::MAX, |n| n as f64);
            input(out).min(keep)
        }
        LogicalOp::NodeColumnTop { skip, limit, .. } | LogicalOp::RelColumnTop { skip, limit, .. } => {
            let keep = super::column_top::kept_rows(skip.as_ref(), limit).map_or(f64::MAX, |n| n as f64);
            input(out).min(keep)
        }
        LogicalOp::NodeByKeys { values, .. } => input(out) * list_len(values),
        LogicalOp::ColumnAggregate { source: super::ColumnSource::Rels { types, type_slots, .. }, .. }
            if !type_slots.is_empty() =>
        {
            input(out) * types.len().max(1) as f64
        }
        LogicalOp::RelCountFromStore { types, type_slots, .. } => {
            input(out) * if type_slots.is_empty() { 1.0 } else { types.len().max(1) as f64 }
        }
        LogicalOp::Expand { hop, .. } => input(out) * hop_rows(op, hop, est, &labels),
        LogicalOp::ExpandIntersect { first, second, near, predicate, count, .. } => {
            // The matches of an expansion to the new node closed into the bound one.
            let both: Vec<Expr> = near.iter().chain(predicate).cloned().collect();
            let passing =
                super::predicates::conjunction(both).map_or(1.0, |p| filter_selectivity(Some(first), &p, est, &labels));
            let closing = hop_rows(op, second, est, &labels);
            // Counted, a row per common neighbour that has a match.
            let closing = if count.is_some() { closing.min(1.0) } else { closing };
            input(out) * hop_rows(op, first, est, &labels) * closing * passing
        }
        LogicalOp::HashJoin { probe, build, keys, values, .. } => {
            // The build side runs once; its rows meet the probe rows holding the same node.
            let probe_rows = rows(probe, argument, est, out);
            let build_rows = rows(build, 1.0, est, out);
            let domain: f64 = keys.iter().map(|k| est.label_rows(&labels(*k)).max(1.0)).product();
            if grouped_by(build, keys) {
                // One build row per key (`join_sets.rs`), grouped from rows that reach the
                // key as the probe side does: taken to meet every probe row.
                return record(op, out, probe_rows);
            }
            let skew = hub_skew(probe, build, keys, est, &labels);
            // Each value key keeps the pairs whose values are equal, as a filter would.
            let equal: f64 = values
                .iter()
                .map(|(p, b)| est.selectivity(&super::predicates::binary(BinaryOp::Eq, p.clone(), b.clone())))
                .product();
            probe_rows * build_rows / domain * skew * equal
        }
        LogicalOp::CountingHashJoin { probe, build, keys, .. } => {
            // A row per probe row that some build row meets: the join's rows, at most the
            // probe side's.
            let probe_rows = rows(probe, argument, est, out);
            let build_rows = rows(build, 1.0, est, out);
            let domain: f64 = keys.iter().map(|k| est.label_rows(&labels(*k)).max(1.0)).product();
            let skew = hub_skew(probe, build, keys, est, &labels);
            (probe_rows * build_rows / domain * skew).min(probe_rows)
        }
        LogicalOp::ValueHashJoin { probe, build, probe_key, build_key, .. } => {
            // Each pair meets when its keys are equal, as a filter over the product would.
            let probe_rows = rows(probe, argument, est, out);
            let build_rows = rows(build, 1.0, est, out);
            let equal = super::predicates::binary(BinaryOp::Eq, probe_key.clone(), build_key.clone());
            probe_rows * build_rows * est.selectivity(&equal)
        }
        LogicalOp::VarExpand { path, .. } => input(out) * paths_per_row(op, path, est, &labels(path.from)),
        // One row per input row that has a path; taken to be every one (per length: one
        // per length up to the longest).
        LogicalOp::VarExpandCount { path, by_length: Some(_), .. } => {
            input(out) * (path.max.unwrap_or(path.min + 1).saturating_sub(path.min) + 1) as f64
        }
        LogicalOp::VarExpandCount { .. } => input(out),
        // Every input row stays, with its count.
        LogicalOp::OptionalExpandCount { .. } => input(out),
        LogicalOp::VarExpandEnds { path, .. } => {
            let ends = est.label_rows(&labels(path.to)).max(1.0);
            input(out) * paths_per_row(op, path, est, &labels(path.from)).min(ends)
        }
        LogicalOp::ShortestPath { path, single_source: true, end_filter, .. } => {
            // One search reaches each node at most once.
            let types: Vec<_> = path.step.types.iter().filter_map(|t| t.id).collect();
            let step = est.fanout(&labels(path.from), &types, path.step.direction, &[]);
            let reached = est.var_length_paths(step, 1.0, path.min, path.max);
            let passing = end_filter.as_ref().map_or(1.0, |p| filter_selectivity(None, p, est, &labels));
            input(out) * reached.min(est.stats.node_count() as f64) * passing
        }
        LogicalOp::Repeat { spec, .. } => {
            // One iteration fans out as its relationships in a row do.
            let label_ids = |node: &crate::binder::bound::NodePattern| -> Vec<_> {
                node.labels.iter().filter_map(|l| l.id).collect()
            };
            let pattern = &spec.pattern;
            let per_iteration: f64 = pattern
                .rels
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let types: Vec<_> = rel.types.iter().filter_map(|t| t.id).collect();
                    let (a, b) = (label_ids(&pattern.nodes[i]), label_ids(&pattern.nodes[i + 1]));
                    est.fanout(&a, &types, rel.direction, &b)
                })
                .product();
            input(out) * est.var_length_paths(per_iteration, 1.0, spec.min, spec.max)
        }
        LogicalOp::Filter { input: child, predicate } => {
            let before = rows(child, argument, est, out);
            let hop = match &**child {
                LogicalOp::Expand { hop, .. } if !hop.into => Some(hop),
                _ => None,
            };
            // Over an index seek, the conditions on the sought property are the ones the
            // seek's estimate already counts.
            let sought = match &**child {
                LogicalOp::NodeIndexSeek { slot, key, .. } => Some((*slot, key.id)),
                LogicalOp::RelIndexSeek { rel, key, .. } => Some((*rel, key.id)),
                _ => None,
            };
            let kept: Vec<Expr> =
                conjuncts(predicate).into_iter().filter(|c| !on_property(c, sought)).cloned().collect();
            match super::predicates::conjunction(kept) {
                Some(rest) => before * filter_selectivity(hop, &rest, est, &labels),
                None => before,
            }
        }
        LogicalOp::Optional { input: outer, inner, .. } => {
            let before = rows(outer, argument, est, out);
            let matched = rows(inner, before, est, out);
            matched.max(before)
        }
        LogicalOp::SemiApply { input: outer, inner, .. } => {
            let before = rows(outer, argument, est, out);
            rows(inner, before, est, out);
            before * 0.5
        }
        // The set holds at most the build side's rows of the keys' domain; an input row's
        // keys are taken to be any of the domain's.
        LogicalOp::SemiHashJoin { input: outer, build, keys, output } => {
            let before = rows(outer, argument, est, out);
            let build_rows = rows(build, 1.0, est, out);
            let domain: f64 = keys.iter().map(|k| est.label_rows(&labels(*k)).max(1.0)).product();
            let found = (build_rows / domain).clamp(0.0, 1.0);
            match output {
                SemiJoinOutput::Matching => before * found,
                SemiJoinOutput::NotMatching => before * (1.0 - found),
                SemiJoinOutput::Mark(_) => before,
            }
        }
        // The chain of semi-joins it stands for, over the scan; one of the `any_of` sets
        // holds the node.
        LogicalOp::SemiJoinScan { slot, label, predicate, builds, outputs, any_of, .. } => {
            let passing = predicate.as_ref().map_or(1.0, |p| filter_selectivity(None, p, est, &labels));
            let mut n = input(out) * scan_rows(label.as_ref(), est) * passing;
            let domain = est.label_rows(&labels(*slot)).max(1.0);
            let mut in_none = 1.0;
            for (build, output) in builds.iter().zip(outputs) {
                let found = (rows(build, 1.0, est, out) / domain).clamp(0.0, 1.0);
                match output {
                    SemiJoinOutput::Matching => n *= found,
                    SemiJoinOutput::NotMatching => n *= 1.0 - found,
                    SemiJoinOutput::Mark(mark) if any_of.contains(mark) => in_none *= 1.0 - found,
                    SemiJoinOutput::Mark(_) => {}
                }
            }
            if any_of.is_empty() {
                n
            } else {
                n * (1.0 - in_none)
            }
        }
        // A value per input row: the inner plan is estimated per row of the input, so
        // that its operators' estimates (and PROFILE's checks of them) are per query.
        LogicalOp::SubqueryValue { input: outer, inner, .. } => {
            let before = rows(outer, argument, est, out);
            rows(inner, before, est, out);
            before
        }
        // Each input row once per row of the inner plan run on it (once, for a unit
        // subquery or an optional one that finds nothing). The inner plan's rows per input
        // row are estimated on one row: an aggregate in it gives a row per input row.
        LogicalOp::Apply { input: outer, inner, output, optional, .. } => {
            let before = rows(outer, argument, est, out);
            rows(inner, before, est, out);
            let per_row = rows(inner, 1.0, est, &mut HashMap::new());
            match (output.is_empty(), optional) {
                (true, _) => before,
                (false, true) => before * per_row.max(1.0),
                (false, false) => before * per_row,
            }
        }
        LogicalOp::Unwind { expr, .. } => input(out) * list_len(expr),
        LogicalOp::Aggregate { keys, .. }
        | LogicalOp::GroupFold { keys, .. }
        | LogicalOp::OrderedAggregate { keys, .. }
        | LogicalOp::AggregateEach { keys, .. } => {
            let before = input(out);
            if keys.is_empty() {
                1.0
            } else {
                groups(keys, before, est)
            }
        }
        LogicalOp::ProductAggregate { probe, build, .. } => {
            rows(probe, argument, est, out);
            rows(build, 1.0, est, out);
            1.0
        }
        LogicalOp::TopK { skip, limit, .. } => {
            let keep = literal_count(skip.as_ref()).unwrap_or(0.0) + literal_count(Some(limit)).unwrap_or(f64::MAX);
            input(out).min(keep)
        }
        LogicalOp::Limit { count, .. } => input(out).min(literal_count(Some(count)).unwrap_or(f64::MAX)),
        LogicalOp::Skip { count, .. } => (input(out) - literal_count(Some(count)).unwrap_or(0.0)).max(0.0),
        LogicalOp::Union { inputs, .. } => union_rows(inputs, argument, est, out),
        // One row out per row in: the rest keep or reshape each row.
        _ => input(out),
    };
    out.insert(op as *const LogicalOp as usize, n);
    n
}

/// Whether `op` is an aggregation grouped by exactly the bare variables `keys`.
/// How much more often two sides of a join meet at their `keys` than uniformly: a node
/// both sides reach by following relationships is likely a hub of both.
fn hub_skew(
    probe: &LogicalOp,
    build: &LogicalOp,
    keys: &[Slot],
    est: &Estimator<'_>,
    labels: &dyn Fn(Slot) -> Vec<LabelId>,
) -> f64 {
    keys.iter()
        .map(|k| match (super::part_skew::arrival(probe, *k), super::part_skew::arrival(build, *k)) {
            (Some((lt, ld)), Some((rt, rd))) => est.skew(&labels(*k), (&lt, ld), (&rt, rd)),
            _ => 1.0,
        })
        .product()
}

fn grouped_by(op: &LogicalOp, keys: &[Slot]) -> bool {
    match op {
        LogicalOp::Aggregate { keys: by, .. } | LogicalOp::GroupFold { keys: by, .. } => {
            by.len() == keys.len() && by.iter().zip(keys).all(|((_, e), k)| e.kind == ExprKind::Slot(*k))
        }
        _ => false,
    }
}

/// `n` as the rows of `op`, recorded.
fn record(op: &LogicalOp, out: &mut HashMap<usize, f64>, n: f64) -> f64 {
    out.insert(op as *const LogicalOp as usize, n);
    n
}

/// The groups `rows` rows fall into by `keys`: as many as there are distinct key values
/// drawn, each row's key taken at random from the keys' domain (a node's label's nodes, a
/// property's distinct values); the square root of the rows for keys with no figures.
fn groups(keys: &[(Slot, Expr)], rows: f64, est: &Estimator<'_>) -> f64 {
    let domain: Option<f64> = keys
        .iter()
        .map(|(_, key)| match &key.kind {
            ExprKind::Slot(slot) => est.known.nodes.get(slot).map(|labels| est.label_rows(labels)),
            ExprKind::Property(..) => est.distinct_values(key),
            _ => None,
        })
        .try_fold(1.0f64, |acc, d| d.map(|d| (acc * d.max(1.0)).min(1e15)));
    match domain {
        Some(d) => (d * (1.0 - (-rows / d).exp())).clamp(rows.min(1.0), rows),
        None => rows.sqrt().max(1.0).min(rows),
    }
}

/// Whether `condition` compares the property `sought` (a slot and a key) with something.
fn on_property(condition: &Expr, sought: Option<(Slot, Option<crate::store::PropKeyId>)>) -> bool {
    let Some((slot, key)) = sought else { return false };
    let is_it = |e: &Expr| match &e.kind {
        ExprKind::Property(owner, k) => owner.kind == ExprKind::Slot(slot) && k.id == key,
        _ => false,
    };
    match &condition.kind {
        ExprKind::Binary(op, a, b) => {
            use crate::syntax::ast::BinaryOp::*;
            matches!(op, Eq | In | Lt | Le | Gt | Ge | StartsWith) && (is_it(a) || is_it(b))
        }
        _ => false,
    }
}

/// The nodes a scan reads: its label's, or all.
fn scan_rows(label: Option<&crate::binder::bound::LabelRef>, est: &Estimator<'_>) -> f64 {
    let nodes = match label {
        Some(l) => l.id.map_or(0, |id| est.stats.label_count(id)),
        None => est.stats.node_count(),
    };
    nodes as f64
}

/// The rows one expansion gives per input row.
fn hop_rows(op: &LogicalOp, hop: &Hop, est: &Estimator<'_>, labels: &dyn Fn(Slot) -> Vec<LabelId>) -> f64 {
    if hop.rel_bound {
        return 1.0;
    }
    let types: Vec<_> = hop.types.iter().filter_map(|t| t.id).collect();
    if types.is_empty() && !hop.types.is_empty() {
        return 0.0;
    }
    let skew = arrival_skew(op, hop.from, (&types, hop.direction), est);
    if hop.into {
        let to = labels(hop.to);
        skew * est.fanout(&labels(hop.from), &types, hop.direction, &to) / est.label_rows(&to).max(1.0)
    } else {
        skew * est.fanout(&labels(hop.from), &types, hop.direction, &[])
    }
}

/// How many times the mean relationships of kind `leaving` the node in `from` has, when a
/// relationship led to it (`Estimator::skew`); 1 for a node found otherwise.
fn arrival_skew(
    op: &LogicalOp,
    from: Slot,
    leaving: (&[crate::store::RelTypeId], RelDirection),
    est: &Estimator<'_>,
) -> f64 {
    if !op.children().first().is_some_and(|below| expanded_into(below, from, est)) {
        return 1.0;
    }
    match est.known.arrivals.get(&from) {
        Some((types, direction)) => {
            let labels = est.known.nodes.get(&from).map_or(&[][..], Vec::as_slice);
            est.skew(labels, (types, *direction), leaving)
        }
        None => 1.0,
    }
}

/// The fraction a filter keeps. A label check right after an expansion is judged by
/// the relationships' end labels, not by the label's share of all nodes.
fn filter_selectivity(
    hop: Option<&Hop>,
    predicate: &Expr,
    est: &Estimator<'_>,
    labels: &dyn Fn(Slot) -> Vec<LabelId>,
) -> f64 {
    let (after_hop, others): (Vec<&Expr>, Vec<&Expr>) = conjuncts(predicate).into_iter().partition(|c| {
        matches!((&c.kind, hop), (ExprKind::HasLabels(owner, _), Some(hop)) if owner.kind == ExprKind::Slot(hop.to))
    });
    let mut sels = est.selectivities(&others);
    sels.extend(after_hop.into_iter().map(|c| match (&c.kind, hop) {
        (ExprKind::HasLabels(owner, to), Some(hop)) if owner.kind == ExprKind::Slot(hop.to) => {
            let types: Vec<_> = hop.types.iter().filter_map(|t| t.id).collect();
            let to: Vec<LabelId> = to.iter().filter_map(|l| l.id).collect();
            let from = labels(hop.from);
            let all = est.fanout(&from, &types, hop.direction, &[]);
            if all <= 0.0 {
                0.0
            } else {
                (est.fanout(&from, &types, hop.direction, &to) / all).min(1.0)
            }
        }
        _ => est.selectivity(c),
    }));
    conjoin(sels)
}

/// Whether an expansion in `op`'s chain of first inputs bound `slot` (the build side of
/// a hash join finds its nodes otherwise); under an `Argument`, whether one in the outer
/// plan did.
fn expanded_into(op: &LogicalOp, slot: Slot, est: &Estimator<'_>) -> bool {
    match op {
        LogicalOp::Expand { hop, .. } | LogicalOp::FilteredExpand { hop, .. } if hop.to == slot && !hop.into => true,
        LogicalOp::VarExpand { path, into: false, .. } if path.to == slot => true,
        LogicalOp::Argument => est.known.arrivals.contains_key(&slot),
        _ => op.children().first().is_some_and(|below| expanded_into(below, slot, est)),
    }
}

/// The items of a list expression, or a guess of 10.
fn list_len(expr: &Expr) -> f64 {
    match (&expr.kind, literal(expr)) {
        (ExprKind::List(items), _) => items.len() as f64,
        (_, Some(Value::List(items))) => items.len() as f64,
        // `range()` of constants: its length.
        _ => match super::estimate::constant(expr) {
            Some(Value::List(items)) => items.len() as f64,
            _ => 10.0,
        },
    }
}

/// The value of a literal SKIP or LIMIT.
fn literal_count(expr: Option<&Expr>) -> Option<f64> {
    match expr.and_then(literal) {
        Some(Value::Int(n)) => Some((*n).max(0) as f64),
        _ => None,
    }
}

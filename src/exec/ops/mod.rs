//! Physical operators, one per [`LogicalOp`] variant, and the builder that makes them.

mod aggregate;
mod aggregate_fold;
mod aggregate_keys;
mod aggregate_packed;
mod aggregate_reduce;
mod apply;
mod collect_ends;
mod column_aggregate;
mod column_top;
mod count;
mod counting_join;
mod db_stats;
mod dbms_rows;
mod expand;
pub(super) mod expand_into;
mod filter;
mod fold_concat;
mod fold_partitions;
mod fold_places;
mod fold_string;
mod fold_value;
mod group_cells;
mod group_fold;
mod group_index;
mod group_levels;
mod group_program;
mod group_runs;
mod group_words;
mod hash_join;
mod index_rows;
mod index_seek;
mod intersect;
mod join_table;
mod label_set_count;
mod load_csv;
mod optional;
mod presence_count;
mod procedure;
mod product_aggregate;
mod project;
mod rel_column_top;
mod rel_scan;
mod repeat;
mod schema_rows;
mod stored_rel_fold;
mod subquery_memo;

pub(crate) use filter::FusedFilter;
pub(crate) use fold_string::StringSteps;
pub use project::build_path;
pub use repeat::{RepeatMatcher, Search};
mod scan;
mod select;
mod semi_join;
mod semi_join_scan;
mod shortest;
mod sort;
mod sort_keys;
mod split_fold;
mod split_top;
mod transactions;
mod union;
mod union_scan;
mod value_join;
mod var_expand;
mod var_expand_count;
mod write;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use super::{count_ops, ExecCtx, Operator, Row};
use crate::error::Result;
use crate::planner::LogicalOp;

/// PROFILE counters shared by the operators: rows out and time, by pre-order index.
/// Beside them, per operator, the most threads it ran on (`split_fold.rs`), for the
/// operators that split their scan.
#[derive(Clone)]
pub struct Counters(Rc<RefCell<Vec<(u64, Duration)>>>, Rc<RefCell<Vec<u32>>>);

impl Counters {
    pub fn new(n: usize) -> Counters {
        Counters(Rc::new(RefCell::new(vec![(0, Duration::ZERO); n])), Rc::new(RefCell::new(vec![1; n])))
    }

    /// The operator at `index` ran on `threads` threads (the most is kept).
    pub fn record_threads(&self, index: usize, threads: u32) {
        if let Some(entry) = self.1.borrow_mut().get_mut(index) {
            *entry = (*entry).max(threads);
        }
    }

    pub fn take_threads(&self) -> Vec<u32> {
        std::mem::take(&mut *self.1.borrow_mut())
    }

    pub fn record(&self, index: usize, rows: u64, time: Duration) {
        if let Some(entry) = self.0.borrow_mut().get_mut(index) {
            entry.0 += rows;
            entry.1 += time;
        }
    }

    pub fn take(&self) -> Vec<(u64, Duration)> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// Where an operator sits in the plan, for its PROFILE counter.
#[derive(Clone)]
pub struct BuildCtx {
    pub counters: Option<Counters>,
    pub index: usize,
    /// The node ids (or positions of its one relationship type) the plan's scan keeps to,
    /// when the plan is one range of a scan split over threads (`split_fold.rs`).
    pub scan_range: Option<std::ops::Range<u32>>,
}

impl BuildCtx {
    /// The context of the plan's root, its counters PROFILE's.
    pub fn root(counters: Option<Counters>) -> BuildCtx {
        BuildCtx { counters, index: 1, scan_range: None }
    }

    fn child(&self, offset: usize) -> BuildCtx {
        BuildCtx { index: self.index + offset, ..self.clone() }
    }

    /// A node scan, kept to the split's range when there is one.
    fn node_scan(&self, scan: scan::NodeScan) -> scan::NodeScan {
        match &self.scan_range {
            Some(range) => scan.within(range.clone()),
            None => scan,
        }
    }
}

/// Counts the rows an operator produces and the time spent in it (children included).
struct Profiled {
    inner: Box<dyn Operator>,
    counters: Counters,
    index: usize,
}

impl Operator for Profiled {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let started = Instant::now();
        let outer = crate::exec::memory::set_operator(self.index);
        let row = self.inner.next(ctx);
        crate::exec::memory::set_operator(outer);
        let row = row?;
        self.counters.record(self.index, u64::from(row.is_some()), started.elapsed());
        Ok(row)
    }

    fn next_batch(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<crate::exec::Batch>> {
        let started = Instant::now();
        let outer = crate::exec::memory::set_operator(self.index);
        let batch = self.inner.next_batch(ctx);
        crate::exec::memory::set_operator(outer);
        let batch = batch?;
        self.counters.record(self.index, batch.as_ref().map_or(0, |b| b.len() as u64), started.elapsed());
        Ok(batch)
    }

    fn gives_batches(&self) -> bool {
        self.inner.gives_batches()
    }

    /// PROFILE runs the plan as it runs without it: an inner plan rewound per row (its
    /// hash join's table kept), not built again, so the counts are the real run's.
    fn rewind(&mut self) -> bool {
        self.inner.rewind()
    }
}

pub fn build(op: &LogicalOp, at: &BuildCtx) -> Result<Box<dyn Operator>> {
    let operator = build_one(op, at)?;
    Ok(match &at.counters {
        Some(counters) => Box::new(Profiled { inner: operator, counters: counters.clone(), index: at.index }),
        None => operator,
    })
}

fn build_input(input: &LogicalOp, at: &BuildCtx) -> Result<Box<dyn Operator>> {
    build(input, &at.child(1))
}

fn build_one(op: &LogicalOp, at: &BuildCtx) -> Result<Box<dyn Operator>> {
    Ok(match op {
        LogicalOp::Start => Box::new(scan::Start::default()),
        LogicalOp::Argument => Box::new(scan::Argument::default()),
        LogicalOp::NodeScan { input, slot, label } => {
            Box::new(at.node_scan(scan::NodeScan::new(build_input(input, at)?, *slot, label.clone())))
        }
        LogicalOp::UnionNodeByLabelsScan { input, slot, labels } => {
            Box::new(union_scan::UnionNodeByLabelsScan::new(build_input(input, at)?, *slot, labels.clone()))
        }
        LogicalOp::NodeByKey { input, slot, label, key, value } => {
            Box::new(scan::NodeByKey::new(build_input(input, at)?, *slot, label.clone(), key.clone(), value.clone()))
        }
        LogicalOp::NodeByKeys { input, slot, label, key, values } => {
            Box::new(scan::NodeByKeys::new(build_input(input, at)?, *slot, label.clone(), key.clone(), values.clone()))
        }
        LogicalOp::RelTypeScan { input, scan, predicate } => {
            let filter =
                predicate.as_ref().map_or_else(filter::FusedFilter::default, |p| filter::FusedFilter::new(p, None));
            let scan = rel_scan::RelTypeScan::new(build_input(input, at)?, scan.clone(), filter);
            Box::new(match &at.scan_range {
                Some(range) => scan.within(range.clone()),
                None => scan,
            })
        }
        LogicalOp::RelIndexSeek { input, rel, start, end, ty, key, seek } => Box::new(index_seek::RelIndexSeek::new(
            build_input(input, at)?,
            [*rel, *start, *end],
            ty.clone(),
            key.clone(),
            seek.clone(),
        )),
        LogicalOp::NodeIndexSeek { input, slot, label, key, seek } => Box::new(index_seek::NodeIndexSeek::new(
            build_input(input, at)?,
            *slot,
            label.clone(),
            key.clone(),
            seek.clone(),
        )),
        LogicalOp::RelCountFromStore { input, types, type_slots, count_slots } => {
            Box::new(count::RelCountFromStore::new(
                build_input(input, at)?,
                types.clone(),
                type_slots.clone(),
                count_slots.clone(),
            ))
        }
        LogicalOp::NodeDegreeTop { input, node, label, slot, direction, types, keep, descending, far_labels } => {
            let op = count::NodeDegreeTop::new(
                build_input(input, at)?,
                (*node, label.clone(), *slot),
                (*direction, types.clone()),
                (*keep, *descending),
            );
            Box::new(op.with_far_labels(far_labels.clone()))
        }
        LogicalOp::NodePresenceCount { input, label, key, holding, count_slots, .. } => {
            Box::new(presence_count::NodePresenceCount::new(
                build_input(input, at)?,
                (label.clone(), key.clone(), *holding),
                count_slots.clone(),
            ))
        }
        LogicalOp::LabelSetCount { input, node, label, keys, count_slots } => {
            Box::new(label_set_count::LabelSetCount::new(
                build_input(input, at)?,
                (*node, label.clone()),
                keys.clone(),
                count_slots.clone(),
            ))
        }
        LogicalOp::NodeColumnTop { input, node, keys, skip, limit, drops_skip } => {
            let top = column_top::NodeColumnTop::new(
                build_input(input, at)?,
                *node,
                keys.clone(),
                skip.clone(),
                limit.clone(),
            );
            Box::new(if *drops_skip { top.dropping_skip() } else { top })
        }
        LogicalOp::RelColumnTop { input, key, descending, skip, limit, .. } => {
            rel_column_top::build(input, (key, *descending), (skip.as_ref(), limit), at)?
        }
        LogicalOp::ColumnAggregate { input, source, aggregates } => Box::new(column_aggregate::ColumnAggregate::new(
            build_input(input, at)?,
            source.clone(),
            aggregates.clone(),
        )),
        LogicalOp::NodeDegree { input, node, slot, direction, types } => {
            Box::new(count::NodeDegree::new(build_input(input, at)?, *node, *slot, *direction, types.clone()))
        }
        LogicalOp::DegreeValue { input, node, slot, direction, types } => {
            let op = count::NodeDegree::new(build_input(input, at)?, *node, *slot, *direction, types.clone());
            Box::new(op.keeping_none())
        }
        LogicalOp::HashJoin { probe, build: build_side, keys, build_slots, values } => {
            let build_at = at.child(1 + count_ops(probe));
            Box::new(hash_join::HashJoin::new(
                build_input(probe, at)?,
                build(build_side, &build_at)?,
                keys.clone(),
                build_slots.clone(),
                values.clone(),
            ))
        }
        LogicalOp::CountingHashJoin { probe, build: build_side, keys, build_rels, probe_rels, slot } => {
            let build_at = at.child(1 + count_ops(probe));
            let counting = counting_join::Counting {
                keys: keys.clone(),
                build_rels: build_rels.clone(),
                probe_rels: probe_rels.clone(),
                slot: *slot,
            };
            Box::new(counting_join::CountingHashJoin::new(
                build_input(probe, at)?,
                build(build_side, &build_at)?,
                counting,
            ))
        }
        LogicalOp::ProductAggregate { probe, build: build_side, aggregates, build_side: sides, build_slots } => {
            let build_at = at.child(1 + count_ops(probe));
            let sides = product_aggregate::Sides { aggregates, build_side: sides, build_slots };
            Box::new(product_aggregate::ProductAggregate::new(
                build_input(probe, at)?,
                build(build_side, &build_at)?,
                sides,
            )?)
        }
        LogicalOp::ValueHashJoin { probe, build: build_side, probe_key, build_key, build_slots } => {
            let build_at = at.child(1 + count_ops(probe));
            Box::new(value_join::ValueHashJoin::new(
                build_input(probe, at)?,
                build(build_side, &build_at)?,
                (probe_key.clone(), build_key.clone()),
                build_slots.clone(),
            ))
        }
        LogicalOp::Expand { input, hop } => Box::new(expand::Expand::new(
            build_input(input, at)?,
            expand::ExpandSlots::of(hop),
            hop.direction,
            hop.types.clone(),
        )),
        LogicalOp::ExpandCount { input, hop, predicate, slot } => {
            let filter =
                predicate.as_ref().map_or_else(filter::FusedFilter::default, |p| filter::FusedFilter::new(p, None));
            let input = build_input(input, at)?;
            let slots = expand::ExpandSlots::of(hop);
            let count = count::ExpandCount::new(input, slots, (hop.direction, hop.types.clone()), filter, *slot);
            Box::new(count.counting_rows_together(predicate.as_ref()))
        }
        LogicalOp::OptionalExpandCount { input, hop, predicate, slot } => {
            let filter =
                predicate.as_ref().map_or_else(filter::FusedFilter::default, |p| filter::FusedFilter::new(p, None));
            let input = build_input(input, at)?;
            let slots = expand::ExpandSlots::of(hop);
            let count = count::ExpandCount::new(input, slots, (hop.direction, hop.types.clone()), filter, *slot);
            Box::new(count.keeping_zeros().counting_rows_together(predicate.as_ref()))
        }
        LogicalOp::ExpandIntersect { input, first, second, near, predicate, count } => {
            let fused = |p: &Option<crate::binder::bound::Expr>| {
                p.as_ref().map_or_else(filter::FusedFilter::default, |p| filter::FusedFilter::new(p, None))
            };
            let hops = intersect::IntersectHops::of(first, second);
            let filters = (fused(near), fused(predicate));
            Box::new(intersect::ExpandIntersect::new(build_input(input, at)?, hops, filters, *count))
        }
        LogicalOp::FilteredScan { input, slot, label, predicate } => {
            // The planner's fuse_filters pass: the filter runs on each node before its row is made.
            let scan = at.node_scan(scan::NodeScan::new(build_input(input, at)?, *slot, label.clone()));
            Box::new(scan.with_filter(filter::FusedFilter::new(predicate, None)))
        }
        LogicalOp::FilteredExpand { input, hop, predicate } => {
            // The filter runs inside the expansion, on each candidate before its row is made.
            let expand = expand::Expand::new(
                build_input(input, at)?,
                expand::ExpandSlots::of(hop),
                hop.direction,
                hop.types.clone(),
            );
            Box::new(expand.with_filter(filter::FusedFilter::new(predicate, None)))
        }
        LogicalOp::MatchPattern { .. } => {
            return Err(crate::error::Error::internal("a MATCH left unplanned by the optimizer"))
        }
        LogicalOp::VarExpand { input, path, into, exclude } => {
            Box::new(var_expand::VarExpand::new(build_input(input, at)?, path.clone(), *into, exclude.clone()))
        }
        LogicalOp::VarExpandCount { input, path, into, exclude, predicate, slot, by_length } => {
            let search = (path.clone(), *into, exclude.clone());
            let counted = (*slot, *by_length);
            Box::new(var_expand_count::VarExpandCount::new(
                build_input(input, at)?,
                search,
                predicate.as_ref(),
                counted,
            ))
        }
        LogicalOp::VarExpandEnds { input, path, into, exclude, predicate, paths, shortest } => {
            let search = (path.clone(), *into, exclude.clone());
            let input = build_input(input, at)?;
            let slots = (*paths, *shortest);
            Box::new(var_expand_count::VarExpandEnds::new(input, search, predicate.as_ref(), slots))
        }
        LogicalOp::Repeat { input, spec, into, exclude } => {
            Box::new(repeat::Repeat::new(build_input(input, at)?, (**spec).clone(), *into, exclude.clone()))
        }
        LogicalOp::ShortestPath { input, path, all, filters, single_source, end_filter, stop_after } => {
            let op = shortest::ShortestPath::new(build_input(input, at)?, path.clone(), *all, filters.clone());
            let end =
                end_filter.as_ref().map_or_else(filter::FusedFilter::default, |p| filter::FusedFilter::new(p, None));
            Box::new(if *single_source { op.searching_from_one_end(end, stop_after.clone()) } else { op })
        }
        LogicalOp::Filter { input, predicate } => Box::new(filter::Filter::new(build_input(input, at)?, predicate)),
        LogicalOp::SelectShortest { input, keys, rels, k, groups } => {
            Box::new(select::SelectShortest::new(build_input(input, at)?, keys.clone(), rels.clone(), *k, *groups))
        }
        LogicalOp::Optional { input, inner, new_slots } => {
            let inner_at = at.child(1 + count_ops(input));
            Box::new(optional::Optional::new(build_input(input, at)?, (**inner).clone(), inner_at, new_slots.clone()))
        }
        LogicalOp::SemiApply { input, inner, negated, memo } => {
            let inner_at = at.child(1 + count_ops(input));
            let input = build_input(input, at)?;
            Box::new(optional::SemiApply::new(input, (**inner).clone(), inner_at, *negated, memo.clone()))
        }
        LogicalOp::SemiHashJoin { input, build: build_side, keys, output } => {
            let build_at = at.child(1 + count_ops(input));
            let build_side = build(build_side, &build_at)?;
            Box::new(semi_join::SemiHashJoin::new(build_input(input, at)?, build_side, keys.clone(), *output))
        }
        LogicalOp::SemiJoinScan { input, slot, label, predicate, builds, outputs, any_of } => {
            let mut built = Vec::new();
            let mut offset = 1 + count_ops(input);
            for side in builds {
                built.push(build(side, &at.child(offset))?);
                offset += count_ops(side);
            }
            let filter = predicate.as_ref().map(|p| filter::FusedFilter::new(p, None)).unwrap_or_default();
            let scanned = (*slot, label.clone());
            let sides = (outputs.clone(), any_of.clone());
            Box::new(semi_join_scan::SemiJoinScan::new(build_input(input, at)?, scanned, filter, built, sides))
        }
        LogicalOp::Apply { input, inner, output, optional, transactions } => {
            let inner_at = at.child(1 + count_ops(input));
            let source = apply::Source::new(build_input(input, at)?, inner.writes());
            let body = apply::Inner::new((**inner).clone(), inner_at);
            match transactions {
                Some(t) => Box::new(transactions::Batched::new(source, body, output.clone(), *optional, t)),
                None => Box::new(apply::Apply::new(source, body, output.clone(), *optional)),
            }
        }
        LogicalOp::SubqueryValue { input, inner, kind, slot, column, memo } => {
            let inner_at = at.child(1 + count_ops(input));
            let body = apply::Inner::new((**inner).clone(), inner_at);
            let input = build_input(input, at)?;
            Box::new(apply::SubqueryValue::new(input, body, (*kind, *slot, *column), memo.clone()))
        }
        LogicalOp::LoadCsv { input, load } => {
            Box::new(load_csv::LoadCsv::new(build_input(input, at)?, (**load).clone()))
        }
        LogicalOp::BuildPath { input, slot, nodes, rels } => {
            Box::new(project::BuildPath::new(build_input(input, at)?, *slot, nodes.clone(), rels.clone()))
        }
        LogicalOp::Unwind { input, expr, slot } => {
            Box::new(project::Unwind::new(build_input(input, at)?, expr.clone(), *slot))
        }
        LogicalOp::Project { input, items } => Box::new(project::Project::new(build_input(input, at)?, items.clone())),
        LogicalOp::Retain { input, slots } => Box::new(project::Retain::new(build_input(input, at)?, slots.clone())),
        LogicalOp::Aggregate { input, keys, aggregates } => match group_levels::build(input, (keys, aggregates), at)? {
            Some(regrouped) => regrouped,
            None => split_fold::build_aggregate(input, (keys, aggregates), at)?,
        },
        LogicalOp::GroupFold { .. } => split_fold::build(op, at)?,
        LogicalOp::OrderedAggregate { input, keys, aggregates, order, ends } => {
            let op = aggregate::Aggregate::new(build_input(input, at)?, keys.clone(), aggregates.clone());
            Box::new(op.keeping_ends(order.clone(), ends))
        }
        LogicalOp::AggregateEach { input, keys, aggregates, list, each } => {
            let op = aggregate::Aggregate::new(build_input(input, at)?, keys.clone(), aggregates.clone());
            Box::new(op.folding_each(*list, *each))
        }
        LogicalOp::Distinct { input, slots } => {
            let distinct = sort::Distinct::new(build_input(input, at)?, slots.clone());
            Box::new(distinct.forgetting_runs_of(&crate::planner::clustered_slots(input)))
        }
        LogicalOp::Sort { input, keys } => Box::new(sort::Sort::new(build_input(input, at)?, keys.clone())),
        LogicalOp::TopK { input, keys, skip, limit } => split_top::build(input, keys, (skip.as_ref(), limit), at)?,
        LogicalOp::Skip { input, count } => Box::new(sort::Skip::new(build_input(input, at)?, count.clone())),
        LogicalOp::Limit { input, count } => {
            Box::new(sort::Limit::new(build_input(input, at)?, count.clone(), input.writes()))
        }
        LogicalOp::Create { input, pattern } => Box::new(write::Create::new(build_input(input, at)?, pattern.clone())),
        LogicalOp::Merge { input, merge } => Box::new(write::Merge::new(build_input(input, at)?, (**merge).clone())),
        LogicalOp::SetProperties { input, items } => {
            Box::new(write::SetProperties::new(build_input(input, at)?, items.clone()))
        }
        LogicalOp::Remove { input, items } => Box::new(write::Remove::new(build_input(input, at)?, items.clone())),
        LogicalOp::Delete { input, detach, exprs } => {
            Box::new(write::Delete::new(build_input(input, at)?, *detach, exprs.clone()))
        }
        LogicalOp::ProcedureCall { input, call } => {
            Box::new(procedure::ProcedureCall::new(build_input(input, at)?, call.clone()))
        }
        LogicalOp::Union { inputs, all } => {
            let mut built = Vec::new();
            let mut offset = 1;
            for input in inputs {
                built.push(build(input, &at.child(offset))?);
                offset += count_ops(input);
            }
            Box::new(union::Union::new(built, *all))
        }
        LogicalOp::ProduceResults { input, slots } => {
            Box::new(project::Produce::new(build_input(input, at)?, slots.clone()))
        }
    })
}

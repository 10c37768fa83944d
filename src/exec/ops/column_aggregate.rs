//! `ColumnAggregate`: counts and `count`/`sum`/`avg`/`min`/`max` of a property over every
//! node of a label or every relationship of a type, from the store's columns.
//!
//! The store folds a numeric column in one pass (`Graph::fold_node_numbers`,
//! `fold_rel_numbers`: no row, no `Value` per entity); a column holding anything else
//! (strings, durations, mixed values) is read value by value and aggregated as the
//! row-by-row `Aggregate` does, so the answers and the errors are the same.
//!
//! Over a relationship-type scan (`ColumnSource::ScannedRels`) the relationships its
//! filter lets through, a chunk at a time down the columns (`rel_scan.rs`), are folded the
//! same way (`Graph::fold_scanned_numbers`), in the scan's order.

use std::cmp::Ordering;

use super::aggregate::{aggregate_distinct_values, aggregate_values};
use super::expand::TypeFilter;
use super::filter::FusedFilter;
use super::rel_scan::passing_of_type;
use crate::binder::bound::{AggregateCall, AggregateFunction, ExprKind, LabelRef, PropKeyRef};
use crate::error::{Error, ErrorCode, Result};
use crate::exec::predicate::Narrowing;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::ColumnSource;
use crate::store::{Graph, NodeId, Number, NumberBlock, NumberFold, PropKeyId, RelTypeId, ScannedRels};
use crate::value::Value;

pub struct ColumnAggregate {
    input: Box<dyn Operator>,
    source: ColumnSource,
    types: TypeFilter,
    /// A scanned source's filter, and the order its conjuncts are tried in.
    filter: FusedFilter,
    narrowing: Narrowing,
    aggregates: Vec<AggregateCall>,
    pending: std::vec::IntoIter<Row>,
}

/// The entities one output row aggregates.
enum Entities<'a> {
    Nodes(&'a [NodeId]),
    Types(&'a [RelTypeId]),
    /// Relationships a scan let through, by type.
    Rels(&'a [(RelTypeId, ScannedRels)]),
}

impl ColumnAggregate {
    pub fn new(input: Box<dyn Operator>, source: ColumnSource, aggregates: Vec<AggregateCall>) -> ColumnAggregate {
        let (types, filter) = match &source {
            ColumnSource::Rels { types, .. } => (types.clone(), FusedFilter::default()),
            ColumnSource::ScannedRels { scan, predicate, .. } => {
                let filter = predicate.as_ref().map_or_else(FusedFilter::default, |p| FusedFilter::new(p, None));
                (scan.types.clone(), filter)
            }
            ColumnSource::Nodes { .. } => (Vec::new(), FusedFilter::default()),
        };
        let narrowing = Narrowing::default();
        let types = TypeFilter::new(types);
        ColumnAggregate { input, source, types, filter, narrowing, aggregates, pending: Vec::new().into_iter() }
    }

    /// The output rows of a scanned source for one input row: the relationships of each
    /// type that pass the filter, then one row for them all or one per type holding any.
    fn scanned_rows(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let ColumnSource::ScannedRels { scan, type_slots, .. } = &self.source else { return Ok(Vec::new()) };
        let graph = ctx.graph();
        let types = scan.type_ids(graph.catalog());
        let mut scratch = row.clone();
        let mut passing = Vec::with_capacity(types.len());
        for ty in types {
            let rels = passing_of_type((scan, &self.filter, &mut self.narrowing), ty, &mut scratch, ctx)?;
            passing.push((ty, rels));
        }
        if type_slots.is_empty() {
            return Ok(vec![self.row(row.clone(), &Entities::Rels(&passing), ctx)?]);
        }
        let mut rows = Vec::new();
        for group in passing.iter().filter(|(_, rels)| !rels.ids.is_empty()) {
            let mut out = row.clone();
            let name = Value::String(graph.catalog().rel_type_name(group.0).clone());
            type_slots.iter().for_each(|slot| out.set(*slot, name.clone()));
            rows.push(self.row(out, &Entities::Rels(std::slice::from_ref(group)), ctx)?);
        }
        Ok(rows)
    }

    /// The output rows for one input row.
    fn rows(&mut self, row: &Row, ctx: &ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let graph = ctx.graph();
        match &self.source {
            ColumnSource::ScannedRels { .. } => self.scanned_rows(row, ctx),
            ColumnSource::Nodes { label, .. } => {
                let nodes = label_nodes(graph, label.as_ref());
                Ok(vec![self.row(row.clone(), &Entities::Nodes(&nodes), ctx)?])
            }
            ColumnSource::Rels { type_slots, .. } => {
                let type_slots = type_slots.clone();
                let types: Vec<RelTypeId> = match self.types.ids(graph) {
                    Some(types) => types.to_vec(),
                    None => (0..graph.catalog().rel_types.len() as u32).map(RelTypeId).collect(),
                };
                if type_slots.is_empty() {
                    return Ok(vec![self.row(row.clone(), &Entities::Types(&types), ctx)?]);
                }
                let mut rows = Vec::new();
                for ty in types.into_iter().filter(|t| graph.rel_type_count(*t) > 0) {
                    let mut out = row.clone();
                    let name = Value::String(graph.catalog().rel_type_name(ty).clone());
                    type_slots.iter().for_each(|slot| out.set(*slot, name.clone()));
                    rows.push(self.row(out, &Entities::Types(&[ty]), ctx)?);
                }
                Ok(rows)
            }
        }
    }

    /// `out` with every aggregate's value over `entities`. A property several aggregates
    /// read (`min(n.x)`, `max(n.x)`) is folded once: a fold gives all of them.
    fn row(&self, mut out: Row, entities: &Entities<'_>, ctx: &ExecCtx<'_, '_>) -> Result<Row> {
        let mut folded: Vec<(PropKeyId, Option<Vec<NumberFold>>)> = Vec::new();
        for call in &self.aggregates {
            out.set(call.slot, value_of(call, entities, ctx, &mut folded)?);
        }
        Ok(out)
    }
}

impl Operator for ColumnAggregate {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.rows(&row, ctx)?.into_iter();
        }
    }
}

fn label_nodes(graph: &Graph, label: Option<&LabelRef>) -> Vec<NodeId> {
    match label {
        Some(label) => label.resolve(graph.catalog()).map_or_else(Vec::new, |id| graph.nodes_with_label_vec(id)),
        None => graph.node_ids().collect(),
    }
}

/// One aggregate's value: a count, or a fold of its property's columns, or (for a column
/// that does not fold) the aggregate over the values read one by one.
/// `folded` keeps the folds of the keys read so far.
fn value_of(
    call: &AggregateCall,
    entities: &Entities<'_>,
    ctx: &ExecCtx<'_, '_>,
    folded: &mut Vec<(PropKeyId, Option<Vec<NumberFold>>)>,
) -> Result<Value> {
    let graph = ctx.graph();
    let Some(key) = property_key(call) else {
        let n = match entities {
            Entities::Nodes(nodes) => nodes.len(),
            Entities::Types(types) => types.iter().map(|t| graph.rel_type_count(*t)).sum(),
            Entities::Rels(groups) => groups.iter().map(|(_, rels)| rels.ids.len()).sum(),
        };
        return Ok(Value::Int(n as i64));
    };
    let Some(key_id) = key.resolve(graph.catalog()) else {
        return aggregate_values(call, Vec::new(), ctx);
    };
    // `min` and `max` are the same over distinct values; the others are not folds.
    if call.distinct && !matches!(call.function, AggregateFunction::Min | AggregateFunction::Max) {
        return distinct_value(call, key_id, entities, ctx);
    }
    let folds = match folded.iter().find(|(k, _)| *k == key_id) {
        Some((_, folds)) => folds.clone(),
        None => {
            let folds = match entities {
                Entities::Nodes(nodes) => graph.fold_node_numbers(key_id, nodes).map(|f| vec![f]),
                Entities::Types(types) => types.iter().map(|t| graph.fold_rel_numbers(*t, key_id)).collect(),
                Entities::Rels(groups) => {
                    groups.iter().map(|(ty, rels)| graph.fold_scanned_numbers(*ty, key_id, rels)).collect()
                }
            };
            folded.push((key_id, folds.clone()));
            folds
        }
    };
    if let Some(folds) = folds {
        return from_folds(call, &folds);
    }
    aggregate_values(call, property_values(graph, key_id, entities), ctx)
}

/// `key`'s values over `entities`, read one by one (nulls left out).
fn property_values(graph: &Graph, key_id: PropKeyId, entities: &Entities<'_>) -> Vec<Value> {
    match entities {
        Entities::Nodes(nodes) => nodes.iter().filter_map(|n| graph.node_property(*n, key_id)).collect(),
        Entities::Types(types) => types
            .iter()
            .flat_map(|t| graph.rel_ids().filter(move |r| graph.rel_type_of(*r) == Some(*t)))
            .filter_map(|r| graph.rel_property(r, key_id))
            .collect(),
        Entities::Rels(groups) => {
            groups.iter().flat_map(|(_, rels)| rels.ids.iter().filter_map(|r| graph.rel_property(*r, key_id))).collect()
        }
    }
}

/// A DISTINCT `count`, `sum` or `avg` of `key`: the number of distinct integers of a
/// label's column of integers, read a block at a time; else the values read one by one,
/// each taken as the row-by-row aggregation takes it.
fn distinct_value(
    call: &AggregateCall,
    key_id: PropKeyId,
    entities: &Entities<'_>,
    ctx: &ExecCtx<'_, '_>,
) -> Result<Value> {
    let graph = ctx.graph();
    if let (AggregateFunction::Count, Entities::Nodes(nodes)) = (call.function, entities) {
        if let Some(n) = distinct_integers(graph, key_id, nodes) {
            return Ok(Value::Int(n as i64));
        }
    }
    aggregate_distinct_values(call, property_values(graph, key_id, entities).into_iter(), ctx)
}

/// How many distinct integers `key` holds over `nodes`; `None` when some block of its
/// column holds anything but integers (a float equals an integer of its value: the
/// values' own test decides then).
fn distinct_integers(graph: &Graph, key_id: PropKeyId, nodes: &[NodeId]) -> Option<usize> {
    const BLOCK: usize = 4096;
    let mut seen: foldhash::HashSet<i64> = foldhash::HashSet::default();
    let mut held = Vec::new();
    for chunk in nodes.chunks(BLOCK) {
        let NumberBlock::Ints(values) = graph.node_number_block(key_id, chunk, &mut held)? else { return None };
        let is_held = |i: usize| (held[i / 64] >> (i % 64)) & 1 == 1;
        seen.extend(values.iter().enumerate().filter(|(i, _)| is_held(*i)).map(|(_, v)| *v));
    }
    Some(seen.len())
}

/// The property an aggregate reads (`v.key`), `None` for a count of rows.
fn property_key(call: &AggregateCall) -> Option<&PropKeyRef> {
    match (&call.function, &call.arg) {
        (AggregateFunction::CountStar, _) => None,
        (_, Some(arg)) => match &arg.kind {
            ExprKind::Property(_, key) => Some(key),
            _ => None,
        },
        _ => None,
    }
}

/// The aggregate over the numbers of several folds taken one after the other, as the
/// row-by-row aggregation computes it over the same numbers.
fn from_folds(call: &AggregateCall, folds: &[NumberFold]) -> Result<Value> {
    let held: Vec<&NumberFold> = folds.iter().filter(|f| f.count > 0).collect();
    let count: u64 = held.iter().map(|f| f.count).sum();
    let float_sum = held.iter().map(|f| f.float_sum).sum::<f64>();
    Ok(match call.function {
        AggregateFunction::Count => Value::Int(count as i64),
        AggregateFunction::Sum if held.iter().all(|f| f.ints) => {
            let total = held.iter().try_fold(0i64, |acc, f| f.int_sum.and_then(|s| acc.checked_add(s)));
            let total =
                total.ok_or_else(|| Error::at(ErrorCode::IntegerOverflow, call.span, "integer overflow in sum()"))?;
            Value::Int(total)
        }
        AggregateFunction::Sum => Value::Float(float_sum),
        AggregateFunction::Avg if count == 0 => Value::Null,
        AggregateFunction::Avg => Value::Float(float_sum / count as f64),
        AggregateFunction::Min => extreme(held.iter().filter_map(|f| f.min), Ordering::Less),
        AggregateFunction::Max => extreme(held.iter().filter_map(|f| f.max), Ordering::Greater),
        _ => return Err(Error::internal("a column aggregate the planner should not have made")),
    })
}

/// The first least (`Less`) or the last greatest (`Greater`) of `numbers` in Cypher's order.
fn extreme(numbers: impl Iterator<Item = Number>, want: Ordering) -> Value {
    let mut best: Option<Value> = None;
    for x in numbers.map(number_value) {
        let replace = match &best {
            None => true,
            Some(b) if want == Ordering::Less => x.order(b) == Ordering::Less,
            Some(b) => x.order(b) != Ordering::Less,
        };
        if replace {
            best = Some(x);
        }
    }
    best.unwrap_or(Value::Null)
}

fn number_value(x: Number) -> Value {
    match x {
        Number::Int(i) => Value::Int(i),
        Number::Float(f) => Value::Float(f),
    }
}

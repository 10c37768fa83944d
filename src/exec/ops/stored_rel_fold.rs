//! `GroupFold … in stored order` (`planner/stored_rel_fold.rs` says when): the input
//! nodes are taken first, each given a place; then every relationship of the hop's one
//! type is read in stored order, a chunk at a time with its properties read down the
//! columns (`Graph::chunk_numbers`), and folded into the place of its input node. Last,
//! the places that folded something become groups in input order, as the row path makes
//! them, and their counts and extremes go into `Aggregate`'s own states.
//!
//! `count(*)`, `count`, `min` and `max` of a relationship property do not depend on the
//! order of their inputs and are folded as read, and so are `stDev`/`stDevP` over a column
//! of integers under 2^31 in magnitude, as their count, sum and sum of squares, exactly
//! (`aggregate_fold.rs`, `Moments`). An aggregate whose answer depends on the order of its
//! values (`sum`, `avg`, `collect`) is not folded here (`new` gives `None`): putting them
//! in the row path's order costs more than the node-by-node walk saves
//! (`planner/stored_rel_fold.rs`). `min` and `max` over a column whose equal values could be told apart (plain floats:
//! `0.0` and `-0.0`), or any read column that is not all numbers of one kind, leave the
//! fold to the node-by-node walk ([`StoredRelFold::applies`]).

use std::cmp::Ordering;

#[path = "stored_rel_blocks.rs"]
mod blocks;
#[path = "stored_rel_split.rs"]
mod split;

use super::aggregate::Groups;
use super::fold_partitions::Partitions;
use super::fold_places::{Keeps, Places};
use super::fold_value::{FoldValue, Working};
use super::{Counters, Operator};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, PropKeyRef, Slot, Type};
use crate::error::{Error, Result};
use crate::exec::column_expr::Cell;
use crate::exec::memory;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Row};
use crate::planner::Hop;
use crate::store::{Graph, LabelId, NodeId, Number, NumberKind, PropKeyId, RelChunk, RelId, RelScanCursor, RelTypeId};
use crate::syntax::ast::RelDirection;
use crate::value::Value;

/// Relationships read per chunk.
const CHUNK: usize = 4096;

/// The integers a `stDev` folds as moments are below this in magnitude.
const MOMENTS_BOUND: u64 = 1 << 31;

pub(super) struct StoredRelFold {
    /// The input nodes' slot.
    node: Slot,
    ty: RelTypeId,
    /// Whether the input node is the relationship's start (an outgoing hop).
    near_is_start: bool,
    /// Labels the far node must carry (without a schema that guarantees them).
    far_labels: Vec<LabelId>,
    reads: Vec<Read>,
    /// Per aggregate, the relationship property it reads.
    keys: Vec<Option<PropKeyRef>>,
    /// The far node's slot, and per aggregate the expression of it that a `CountFar` counts.
    far: Slot,
    far_values: Vec<Option<FoldValue>>,
    /// The relationship's slot, and per aggregate the expression of it whose value a
    /// `Count` or `Extreme` folds instead of a property's (`count(CASE WHEN pt.year >= 2000
    /// THEN 1 END)`), evaluated on each relationship folded.
    rel: Slot,
    rel_values: Vec<Option<FoldValue>>,
    /// Those of `rel_values` that have a block form, computed a chunk at a time.
    rel_blocks: blocks::ChunkBlocks,
    /// Under PROFILE, the expansion's counter: it gets the relationships folded.
    counter: Option<(Counters, usize)>,
    /// What the fold was made of, for a thread of a split scan to make its own
    /// (`stored_rel_split.rs`).
    made_of: split::MadeOf,
}

/// What one aggregate reads of each relationship.
#[derive(Clone, Copy)]
enum Read {
    /// `count(*)`.
    Rows,
    /// `count(r.key)`: whether it holds a value.
    Count,
    /// `min(r.key)` (`Ordering::Less`) or `max(r.key)` (`Ordering::Greater`).
    Extreme(Ordering),
    /// `stDev(r.key)` or `stDevP(r.key)`: the integers' moments.
    Moments,
    /// `count(e)` of an expression `e` of the far node: whether it is not null, evaluated
    /// as the node-by-node fold evaluates it (`fold_value.rs`).
    CountFar,
}

impl StoredRelFold {
    /// The stored-order fold of `hop` (filtered by `predicate`) for `aggregates`; `None`
    /// when the hop or an aggregate is not one it folds.
    pub(super) fn new(
        hop: &Hop,
        predicate: Option<&Expr>,
        aggregates: &[AggregateCall],
        counter: Option<(Counters, usize)>,
    ) -> Option<StoredRelFold> {
        let ty = hop.types.first()?.id?;
        let reads = aggregates.iter().map(|call| read(call, hop.rel)).collect::<Option<Vec<Read>>>()?;
        let rel_values = aggregates
            .iter()
            .map(|call| match &call.arg {
                Some(arg) if rel_expression(call, hop.rel) => Some(FoldValue::over(arg, &[hop.rel])),
                _ => None,
            })
            .collect::<Vec<_>>();
        let rel_blocks = blocks::ChunkBlocks::new(hop.rel, &rel_values);
        let keys = aggregates.iter().map(|call| property_key(call, hop.rel)).collect();
        let far_values = aggregates
            .iter()
            .zip(&reads)
            .map(|(call, read)| match (read, &call.arg) {
                (Read::CountFar, Some(arg)) => Some(FoldValue::new(arg)),
                _ => None,
            })
            .collect();
        let made_of = split::MadeOf::new(hop, predicate, aggregates);
        Some(StoredRelFold {
            made_of,
            node: hop.from,
            ty,
            near_is_start: hop.direction == RelDirection::Right,
            far_labels: predicate.map(crate::planner::far_labels).unwrap_or_default(),
            reads,
            keys,
            far: hop.to,
            far_values,
            rel: hop.rel,
            rel_values,
            rel_blocks,
            counter,
        })
    }

    /// Whether the columns allow the fold now: each read column holds numbers of one
    /// kind, one read for `min`/`max` holds no plain floats, and one read for `stDev` holds
    /// integers small enough that no record's moments overflow (a record's relationships
    /// are fewer than 2^32, so its sum of squares stays under 2^94, and the whole type's
    /// moments fit a `Moments`' 128 bits).
    pub(super) fn applies(&self, graph: &Graph) -> bool {
        let keys = self.resolved_keys(graph);
        self.reads.iter().zip(keys).all(|(read, key)| match (read, key) {
            (Read::Rows | Read::CountFar, _) | (_, None) => true,
            (Read::Moments, Some(key)) => graph.rel_ints_below(self.ty, key, MOMENTS_BOUND),
            (Read::Count, Some(key)) => graph.rel_number_kind(self.ty, key).is_some(),
            (Read::Extreme(_), Some(key)) => {
                let kind = graph.rel_number_kind(self.ty, key);
                matches!(kind, Some(NumberKind::Absent | NumberKind::Ints | NumberKind::Decimals))
            }
        })
    }

    /// Each aggregate's property key in the graph's catalog (`None`: none reads one, or
    /// no relationship ever held it).
    fn resolved_keys(&self, graph: &Graph) -> Vec<Option<PropKeyId>> {
        self.keys.iter().map(|k| k.as_ref().and_then(|k| k.resolve(graph.catalog()))).collect()
    }

    /// Folds every relationship of the input nodes into `groups`: the input (a node scan)
    /// read first, the type then read in stored order.
    pub(super) fn fold(
        &mut self,
        input: &mut dyn Operator,
        (key_values, aggregates): (&mut [FoldValue], &[AggregateCall]),
        groups: &mut Groups,
        ctx: &mut ExecCtx<'_, '_>,
    ) -> Result<()> {
        let (row, nodes) = self.input_nodes(input, groups, ctx)?;
        let slots: Vec<Keeps> = self
            .reads
            .iter()
            .map(|r| match r {
                Read::Count | Read::CountFar => Keeps::Count,
                Read::Extreme(_) => Keeps::Extreme,
                Read::Moments => Keeps::Moments,
                Read::Rows => Keeps::Nothing,
            })
            .collect();
        let mut places = Places::new(nodes, ctx.graph().node_id_bound(), &slots);
        groups.hold(places.bytes())?;
        let ranges = split::ranges(self.ty, ctx);
        let folded = if ranges.len() >= 2 {
            self.scan_split(ranges, (&mut places, &slots), &row, ctx)?
        } else {
            let mut partitions = self.partitions(&places);
            if let Some(partitions) = &partitions {
                groups.hold(partitions.bytes())?;
            }
            let whole = RelScanCursor::default();
            self.scan((&mut places, partitions.as_mut()), (Working::new(row.clone()), whole), ctx)?
        };
        if let Some((counters, index)) = &self.counter {
            counters.record(*index, folded, std::time::Duration::ZERO);
        }
        self.make_groups(&places, row, (key_values, aggregates), groups, ctx.graph())
    }

    /// The input's nodes, each once, in input order.
    fn input_nodes(
        &self,
        input: &mut dyn Operator,
        groups: &mut Groups,
        ctx: &mut ExecCtx<'_, '_>,
    ) -> Result<(Row, Vec<NodeId>)> {
        let bound = ctx.graph().node_id_bound() as usize;
        groups.hold(bound.div_ceil(8) as u64)?;
        let mut seen = vec![false; bound];
        let mut nodes: Vec<NodeId> = Vec::new();
        let mut first_row = None;
        let mut place = |id: NodeId, nodes: &mut Vec<NodeId>| {
            if let Some(at) = seen.get_mut(id.0 as usize).filter(|at| !**at) {
                *at = true;
                nodes.push(id);
            }
        };
        if input.gives_batches() {
            while let Some(batch) = input.next_batch(ctx)? {
                match batch.into_nodes_of(self.node) {
                    Ok((row, ids)) => {
                        ids.into_iter().for_each(|id| place(id, &mut nodes));
                        first_row.get_or_insert(row);
                    }
                    Err(batch) => {
                        for row in batch.into_rows() {
                            take_row(row, self.node, &mut first_row, |id| place(id, &mut nodes));
                        }
                    }
                }
            }
        } else {
            while let Some(row) = input.next(ctx)? {
                take_row(row, self.node, &mut first_row, |id| place(id, &mut nodes));
            }
        }
        Ok((first_row.unwrap_or_else(|| Row::new(ctx.width)), nodes))
    }

    /// Reads the type in stored order from `cursor` (the whole type, or one range of a
    /// split scan) on, folding each relationship of an input node into its place; returns
    /// how many were folded.
    fn scan(
        &mut self,
        (places, mut partitions): (&mut Places, Option<&mut Partitions>),
        (mut working, mut cursor): (Working, RelScanCursor),
        ctx: &ExecCtx<'_, '_>,
    ) -> Result<u64> {
        let graph = ctx.graph();
        let mut chunk = RelChunk::default();
        let mut numbers: Vec<Vec<Option<Number>>> = vec![Vec::new(); self.reads.len()];
        let keys = self.resolved_keys(graph);
        let mut folded = 0_u64;
        while !cursor.is_done() {
            ctx.cancel.tick()?;
            chunk.clear();
            graph.append_rels_of_type(self.ty, &mut cursor, CHUNK, &mut chunk);
            for (((read, key), out), by_rel) in self.reads.iter().zip(&keys).zip(&mut numbers).zip(&self.rel_values) {
                if by_rel.is_some() {
                    // Filled for each relationship folded (`numbers_of_rel`).
                    out.clear();
                    out.resize(chunk.len(), None);
                } else if let (Read::Count | Read::Extreme(_) | Read::Moments, Some(key)) = (read, key) {
                    if !graph.chunk_numbers(self.ty, *key, &chunk, out) {
                        return Err(Error::internal("a stored-order fold over a column of mixed kinds"));
                    }
                }
            }
            self.rel_blocks.compute(self.ty, &chunk, graph);
            let (nears, fars) = match self.near_is_start {
                true => (&chunk.starts, &chunk.ends),
                false => (&chunk.ends, &chunk.starts),
            };
            for (i, (near, far)) in nears.iter().zip(fars).enumerate() {
                let Some(record) = places.record_of(*near) else { continue };
                if !self.far_labels.iter().all(|&label| graph.node_has_label(*far, label)) {
                    continue;
                }
                folded += 1;
                self.numbers_of_rel((i, chunk.ids[i]), &mut working, &mut numbers, graph)?;
                if let Some(parts) = partitions.as_deref_mut() {
                    if parts.push(record, i, &numbers) {
                        parts.flush(|record, j, numbers| self.fold_one(record, j, numbers, places));
                    }
                    continue;
                }
                self.fold_one(record, i, &numbers, places);
                self.count_far(record, *far, &mut working, places, graph)?;
            }
        }
        if let Some(parts) = partitions {
            parts.flush(|record, j, numbers| self.fold_one(record, j, numbers, places));
        }
        Ok(folded)
    }

    /// Buffers for folding part by part (`fold_partitions.rs`) when the records outgrow
    /// the cache and every aggregate is a count, an extreme or moments (the parts change
    /// the order in which relationships are folded, which those do not see).
    fn partitions(&self, places: &Places) -> Option<Partitions> {
        let reads_number = |r: &Read| matches!(r, Read::Count | Read::Extreme(_) | Read::Moments);
        let order_free = self.reads.iter().all(|r| matches!(r, Read::Rows) || reads_number(r));
        if !order_free {
            return None;
        }
        let (n_records, record_bytes) = places.shape();
        let reads_numbers = self.reads.iter().map(reads_number).collect();
        Partitions::new(n_records, record_bytes, reads_numbers)
    }

    /// Folds the relationship at `i` of the chunk (its numbers in `numbers`) into
    /// `record`.
    fn fold_one(&self, record: usize, i: usize, numbers: &[Vec<Option<Number>>], places: &mut Places) {
        places.add_row(record);
        for (a, read) in self.reads.iter().enumerate() {
            let number = numbers[a].get(i).copied().flatten();
            match *read {
                Read::Rows | Read::CountFar => {}
                Read::Count => places.add_count(record, a, u64::from(number.is_some())),
                Read::Moments => {
                    if let Some(Number::Int(x)) = number {
                        places.add_moment(record, a, x);
                    }
                }
                Read::Extreme(want) => {
                    if let Some(x) = number {
                        places.fold_extreme(record, a, x, |x, best| order(x, best) == want);
                    }
                }
            }
        }
    }

    /// The places that folded a relationship become groups, in input order, with their
    /// folds put into the groups' states.
    fn make_groups(
        &self,
        places: &Places,
        row: Row,
        (key_values, aggregates): (&mut [FoldValue], &[AggregateCall]),
        groups: &mut Groups,
        graph: &Graph,
    ) -> Result<()> {
        let mut working = Working::new(row);
        let mut key: Vec<Value> = Vec::with_capacity(key_values.len());
        for (place, &node) in places.nodes.iter().enumerate() {
            if places.rows(place) == 0 {
                continue;
            }
            working.bind(self.node, Entity::Node(node));
            key.clear();
            for value in key_values.iter_mut() {
                key.push(value.value(&mut working, graph)?);
            }
            let n_groups = groups.len();
            let group = groups.group_of(&key, aggregates);
            if groups.len() > n_groups {
                groups.hold(key.iter().map(memory::value_bytes).sum::<u64>() + 64 * (aggregates.len() as u64 + 1))?;
            }
            let states = groups.states_of(group, aggregates.len());
            for (a, (call, state)) in aggregates.iter().zip(states).enumerate() {
                match self.reads[a] {
                    Read::Rows => state.count_many(places.rows(place)),
                    Read::Count | Read::CountFar => state.count_many(places.count(place, a)),
                    Read::Extreme(_) => {
                        if let Some(x) = places.extreme(place, a) {
                            state.add(call, &number_value(x));
                        }
                    }
                    Read::Moments => {
                        if !state.add_moments(call, places.moments(place, a)) {
                            return Err(Error::internal("a stored-order stDev whose moments the state refused"));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Puts into `numbers`, at `i`, the value of each expression of the relationship `id`
    /// that an aggregate folds: for a count, whether it is not null; for an extreme, its
    /// integer (the planner admits only integer ones, `planner/stored_rel_fold.rs`).
    fn numbers_of_rel(
        &mut self,
        (i, id): (usize, RelId),
        working: &mut Working,
        numbers: &mut [Vec<Option<Number>>],
        graph: &Graph,
    ) -> Result<()> {
        let mut bound = false;
        for (a, ((value, read), out)) in self.rel_values.iter_mut().zip(&self.reads).zip(numbers.iter_mut()).enumerate()
        {
            let Some(value) = value else { continue };
            let number = match (self.rel_blocks.cell(a, i), read) {
                (Some(Cell::Null), _) => None,
                (Some(Cell::Int(x)), Read::Extreme(_)) => Some(Number::Int(x)),
                (Some(Cell::Bool(_) | Cell::Int(_) | Cell::Float(_)), Read::Count) => Some(Number::Int(1)),
                // No block program, or a cell it leaves to the interpreter (a string, an
                // overflow): the value for this relationship, or its error.
                _ => {
                    if !bound {
                        working.bind(self.rel, Entity::Rel(id));
                        bound = true;
                    }
                    rel_number(value.value(working, graph)?, *read)?
                }
            };
            if let Some(at) = out.get_mut(i) {
                *at = number;
            }
        }
        Ok(())
    }

    /// Counts into `record` each `CountFar` whose expression of the far node `far` is not
    /// null.
    fn count_far(
        &mut self,
        record: usize,
        far: NodeId,
        working: &mut Working,
        places: &mut Places,
        graph: &Graph,
    ) -> Result<()> {
        let mut bound = false;
        for (a, value) in self.far_values.iter_mut().enumerate() {
            let Some(value) = value else { continue };
            if !bound {
                working.bind(self.far, Entity::Node(far));
                bound = true;
            }
            if !value.value(working, graph)?.is_null() {
                places.add_count(record, a, 1);
            }
        }
        Ok(())
    }
}

/// Places the node a row holds in `slot`, keeping the first row for the keys.
fn take_row(row: Row, slot: Slot, first: &mut Option<Row>, mut place: impl FnMut(NodeId)) {
    if let Value::Node(id) = row.get(slot) {
        place(*id);
    }
    first.get_or_insert(row);
}

/// How `call` reads each relationship of `rel`, for the aggregates the planner admits.
fn read(call: &AggregateCall, rel: Slot) -> Option<Read> {
    let reads_property = property_key(call, rel).is_some() || rel_expression(call, rel);
    Some(match call.function {
        AggregateFunction::CountStar => Read::Rows,
        AggregateFunction::Count if reads_property => Read::Count,
        AggregateFunction::Count if !call.distinct && call.arg.is_some() => Read::CountFar,
        AggregateFunction::Min if reads_property => Read::Extreme(Ordering::Less),
        AggregateFunction::Max if reads_property => Read::Extreme(Ordering::Greater),
        // The extreme, which the state's step then takes from `init` once.
        AggregateFunction::Reduce if reads_property => Read::Extreme(crate::planner::extreme_step(call)?),
        AggregateFunction::StDev | AggregateFunction::StDevP if reads_property && !call.distinct => Read::Moments,
        _ => return None,
    })
}

/// Whether `call` is a `count`, or a `min`/`max` of integers, of an expression of `rel`
/// alone other than a bare property (which is read down its column), not DISTINCT.
fn rel_expression(call: &AggregateCall, rel: Slot) -> bool {
    let Some(arg) = &call.arg else { return false };
    let reads_rel_only = crate::planner::free_slots(arg).is_some_and(|read| read.iter().all(|s| *s == rel));
    let kind_fits = match call.function {
        AggregateFunction::Count => true,
        AggregateFunction::Min | AggregateFunction::Max => arg.ty == Type::Int,
        _ => false,
    };
    property_key(call, rel).is_none() && reads_rel_only && kind_fits && !call.distinct && call.extra.is_none()
}

/// The property of `rel` that `call`'s argument reads (`r.key`), if that is all it is.
fn property_key(call: &AggregateCall, rel: Slot) -> Option<PropKeyRef> {
    match call.arg.as_ref().map(|e| &e.kind) {
        Some(ExprKind::Property(owner, key)) if owner.kind == ExprKind::Slot(rel) => Some(key.clone()),
        _ => None,
    }
}

/// Cypher's order of two numbers of one column (ints, or decimals: no NaN).
fn order(a: Number, b: Number) -> Ordering {
    match (a, b) {
        (Number::Int(x), Number::Int(y)) => x.cmp(&y),
        (Number::Float(x), Number::Float(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    }
}

/// What an aggregate folds of a relationship expression's value: for a count, whether it
/// is not null; for an extreme, its integer (the planner admits only integer ones,
/// `planner/stored_rel_fold.rs`).
fn rel_number(value: Value, read: Read) -> Result<Option<Number>> {
    Ok(match (value, read) {
        (Value::Null, _) => None,
        (_, Read::Count) => Some(Number::Int(1)),
        (Value::Int(x), Read::Extreme(_)) => Some(Number::Int(x)),
        _ => return Err(Error::internal("a stored-order extreme of an expression that gave no integer")),
    })
}

fn number_value(x: Number) -> Value {
    match x {
        Number::Int(i) => Value::Int(i),
        Number::Float(f) => Value::Float(f),
    }
}

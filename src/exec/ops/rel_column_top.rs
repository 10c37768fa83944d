//! `RelColumnTop` (`planner/rel_column_top.rs` says when): of the relationships one
//! expansion from a scan finds, those that can rank among the first `SKIP + LIMIT` by a
//! property of the relationship, in the expansion's order, so that the projections and
//! the `TopK` above work on a few rows instead of one per relationship.
//!
//! The expansion is walked here, as `Expand` walks it: each input node in turn (the scan's
//! batches, no row each), its relationships of the hop's type in the adjacency's order,
//! each tested by the expansion's fused filter (its comparisons with the input node's
//! values compiled per node, as `Expand` does). Each one that passes is kept as its ids
//! only. When there are more than `SKIP + LIMIT` of them and the type's column holds
//! numbers of one kind, each one's number is read off the column and those at least as
//! good as the `SKIP + LIMIT`-th kept, ties included (`store::best_numbers`); otherwise all
//! are kept and the `TopK` above does the ranking. Rows are made only for those kept, in
//! the order found, so the `TopK` (which breaks ties by arrival) gives the rows the plan
//! without this operator gives.

use super::column_top::kept;
use super::expand::{ExpandSlots, TypeFilter};
use super::filter::FusedFilter;
use super::{BuildCtx, Counters, Operator};
use crate::binder::bound::{Expr, PropKeyRef};
use crate::error::{Error, Result};
use crate::exec::memory::Held;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Row};
use crate::planner::{Hop, LogicalOp};
use crate::store::{best_numbers, Direction, Graph, NodeId, Number, RelEntry, RelId};
use crate::value::Value;

pub struct RelColumnTop {
    /// The expansion's input (a node scan).
    input: Box<dyn Operator>,
    slots: ExpandSlots,
    direction: Direction,
    types: TypeFilter,
    filter: FusedFilter,
    key: PropKeyRef,
    descending: bool,
    skip: Option<Expr>,
    limit: Expr,
    /// Under PROFILE, the expansion's counter: it gets the relationships that pass.
    counter: Option<(Counters, usize)>,
    output: Option<std::vec::IntoIter<Row>>,
    held: Held,
}

/// A relationship the expansion lets through: the input row it extends (an index into
/// the rows kept), its near node, itself and its far node.
#[derive(Clone, Copy)]
struct Found {
    row: u32,
    near: NodeId,
    rel: RelId,
    far: NodeId,
}

/// The operator for `LogicalOp::RelColumnTop` over `expansion` (an `Expand`, a
/// `FilteredExpand`, or a `Filter` right over an `Expand` when filters were not fused).
pub(super) fn build(
    expansion: &LogicalOp,
    (key, descending): (&PropKeyRef, bool),
    (skip, limit): (Option<&Expr>, &Expr),
    at: &BuildCtx,
) -> Result<Box<dyn Operator>> {
    let (hop, below, predicate) = expansion_parts(expansion)?;
    let filter = match predicate {
        Some(p) => FusedFilter::new(p, None).with_row_constants_for(&[hop.rel, hop.to]),
        None => FusedFilter::default(),
    };
    // The expansion is the next operator in the plan's numbering, its input the one after
    // (or after the unfused filter too).
    let input_at = if matches!(expansion, LogicalOp::Filter { .. }) { 3 } else { 2 };
    let counter = at.counters.clone().map(|c| (c, at.index + input_at - 1));
    Ok(Box::new(RelColumnTop {
        input: super::build(below, &BuildCtx { index: at.index + input_at, ..at.clone() })?,
        slots: ExpandSlots::of(hop),
        direction: crate::exec::pattern::direction(hop.direction),
        types: TypeFilter::new(hop.types.clone()),
        filter,
        key: key.clone(),
        descending,
        skip: skip.cloned(),
        limit: limit.clone(),
        counter,
        output: None,
        held: Held::default(),
    }))
}

/// The hop, the expansion's input and its filter.
fn expansion_parts(op: &LogicalOp) -> Result<(&Hop, &LogicalOp, Option<&Expr>)> {
    match op {
        LogicalOp::Expand { input, hop } => Ok((hop, input, None)),
        LogicalOp::FilteredExpand { input, hop, predicate } => Ok((hop, input, Some(predicate))),
        LogicalOp::Filter { input, predicate } => match &**input {
            LogicalOp::Expand { input, hop } => Ok((hop, input, Some(predicate))),
            _ => Err(Error::internal("a RelColumnTop over a filter that is not over an expansion")),
        },
        _ => Err(Error::internal("a RelColumnTop over no expansion")),
    }
}

impl RelColumnTop {
    /// Every relationship the expansion lets through, in its order, with the input rows
    /// they extend.
    fn walk(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<(Vec<Row>, Vec<Found>)> {
        let mut rows: Vec<Row> = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        let mut entries: Vec<RelEntry> = Vec::new();
        while let Some(batch) = self.input.next_batch(ctx)? {
            let (row, nodes) = match batch.into_nodes_of(self.slots.from) {
                Ok(run) => run,
                Err(batch) => {
                    for row in batch.into_rows() {
                        let near = match row.get(self.slots.from) {
                            Value::Node(n) => vec![*n],
                            _ => Vec::new(),
                        };
                        self.walk_nodes(row, &near, (&mut rows, &mut found), &mut entries, ctx)?;
                    }
                    continue;
                }
            };
            self.walk_nodes(row, &nodes, (&mut rows, &mut found), &mut entries, ctx)?;
        }
        if let Some((counters, index)) = &self.counter {
            counters.record(*index, found.len() as u64, std::time::Duration::ZERO);
        }
        Ok((rows, found))
    }

    /// Walks the relationships of `nodes`, each extending `row`.
    fn walk_nodes(
        &mut self,
        mut row: Row,
        nodes: &[NodeId],
        (rows, found): (&mut Vec<Row>, &mut Vec<Found>),
        entries: &mut Vec<RelEntry>,
        ctx: &mut ExecCtx<'_, '_>,
    ) -> Result<()> {
        let graph = ctx.graph();
        let at = u32::try_from(rows.len()).map_err(|_| Error::internal("too many input rows"))?;
        let before = found.len();
        for &near in nodes {
            ctx.cancel.tick()?;
            row.set(self.slots.from, Value::Node(near));
            self.filter.set_row(&row, graph);
            entries.clear();
            entries.extend(graph.rels_of_types(near, self.direction, self.types.ids(graph)));
            for entry in entries.iter() {
                let Some(bound) = self.slots.candidate(&row, near, entry) else { continue };
                if !self.filter.passes(&mut row, &bound, graph)? {
                    continue;
                }
                let far = match bound[1].1 {
                    Entity::Node(far) => far,
                    _ => continue,
                };
                found.push(Found { row: at, near, rel: entry.id, far });
            }
        }
        self.held.add(24 * (found.len() - before) as u64)?;
        if found.len() > before {
            self.held.add_row(&row)?;
            rows.push(row);
        }
        Ok(())
    }

    /// The rows of the relationships that can rank, in the expansion's order.
    fn ranked(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let (rows, mut found) = self.walk(ctx)?;
        if let Some(keep) = kept(self.skip.as_ref(), &self.limit, ctx) {
            ctx.cancel.check()?;
            self.narrow(ctx.graph(), &mut found, keep)?;
        }
        let slots = self.slots;
        Ok(found
            .iter()
            .filter_map(|f| {
                let mut out = rows.get(f.row as usize)?.clone();
                out.set(slots.from, Value::Node(f.near));
                out.set(slots.rel, Value::Relationship(f.rel));
                out.set(slots.to, Value::Node(f.far));
                Some(out)
            })
            .collect())
    }

    /// Keeps in `found` those at least as good as the `keep`-th by the key, ties included,
    /// when the type's column holds numbers of one kind; else leaves them all.
    fn narrow(&mut self, graph: &Graph, found: &mut Vec<Found>, keep: usize) -> Result<()> {
        if keep >= found.len() {
            return Ok(());
        }
        if keep == 0 {
            found.clear();
            return Ok(());
        }
        // A key no relationship has (not in the catalog) is null everywhere: all tie.
        let Some(key) = self.key.resolve(graph.catalog()) else { return Ok(()) };
        let Some(&[ty]) = self.types.ids(graph) else { return Ok(()) };
        if graph.rel_number_kind(ty, key).is_none() {
            return Ok(());
        }
        self.held.add(16 * found.len() as u64)?;
        let numbers: Vec<Option<Number>> = found.iter().map(|f| graph.rel_number(f.rel, key)).collect();
        let Some(mask) = best_numbers(&numbers, keep, self.descending) else { return Ok(()) };
        let mut at = mask.iter();
        found.retain(|_| at.next().copied().unwrap_or(true));
        Ok(())
    }
}

impl Operator for RelColumnTop {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            self.output = Some(self.ranked(ctx)?.into_iter());
            self.held.clear();
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

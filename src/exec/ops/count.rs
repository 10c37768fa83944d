//! Counting relationships without making a row for each: from the store's count per
//! type, from a node's degree, and by testing each relationship of a node in place.

use crate::binder::bound::{Expr, ExprKind, RelTypeRef, Slot};
use crate::error::Result;
use crate::exec::predicate::{Candidates, Ids, Narrowing};
use crate::exec::{Batch, Column, ExecCtx, Operator, Row};
use crate::store::{Direction, Graph, LabelId, NodeId, RelTypeId};
use crate::syntax::ast::RelDirection;
use crate::value::Value;
use std::collections::HashMap;

use super::expand::{ExpandSlots, TypeFilter};
use super::filter::FusedFilter;

/// For each input row: with type slots, one row per type that has relationships (its name
/// and count); without, one row with the total.
pub struct RelCountFromStore {
    input: Box<dyn Operator>,
    types: TypeFilter,
    type_slots: Vec<Slot>,
    count_slots: Vec<Slot>,
    pending: std::vec::IntoIter<Row>,
}

impl RelCountFromStore {
    pub fn new(
        input: Box<dyn Operator>,
        types: Vec<RelTypeRef>,
        type_slots: Vec<Slot>,
        count_slots: Vec<Slot>,
    ) -> RelCountFromStore {
        RelCountFromStore {
            input,
            types: TypeFilter::new(types),
            type_slots,
            count_slots,
            pending: Vec::new().into_iter(),
        }
    }

    fn counts(&mut self, row: &Row, graph: &Graph) -> Vec<Row> {
        let types: Vec<RelTypeId> = match self.types.ids(graph) {
            Some(types) => types.to_vec(),
            None => (0..graph.catalog().rel_types.len() as u32).map(RelTypeId).collect(),
        };
        let with = |name: Option<Value>, count: usize| {
            let mut out = row.clone();
            for slot in &self.type_slots {
                out.set(*slot, name.clone().unwrap_or(Value::Null));
            }
            for slot in &self.count_slots {
                out.set(*slot, Value::Int(count as i64));
            }
            out
        };
        if self.type_slots.is_empty() {
            let total = types.iter().map(|t| graph.rel_type_count(*t)).sum();
            return vec![with(None, total)];
        }
        let mut rows = Vec::new();
        for ty in types {
            let count = graph.rel_type_count(ty);
            if count > 0 {
                let name = Value::String(graph.catalog().rel_type_name(ty).clone());
                rows.push(with(Some(name), count));
            }
        }
        rows
    }
}

impl Operator for RelCountFromStore {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(row));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.pending = self.counts(&row, ctx.graph()).into_iter();
        }
    }
}

/// For each input row whose `node` has relationships fitting the direction and types,
/// the row with their number in `slot`.
pub struct NodeDegree {
    input: Box<dyn Operator>,
    node: Slot,
    slot: Slot,
    direction: Direction,
    types: TypeFilter,
    /// Rows whose node has none are kept with 0 (`LogicalOp::DegreeValue`), not dropped.
    keep_none: bool,
}

impl NodeDegree {
    pub fn new(
        input: Box<dyn Operator>,
        node: Slot,
        slot: Slot,
        direction: RelDirection,
        types: Vec<RelTypeRef>,
    ) -> NodeDegree {
        let direction = crate::exec::pattern::direction(direction);
        NodeDegree { input, node, slot, direction, types: TypeFilter::new(types), keep_none: false }
    }

    /// A row whose node has no such relationship (or is null) gets 0 instead of being dropped.
    pub fn keeping_none(self) -> NodeDegree {
        NodeDegree { keep_none: true, ..self }
    }
}

impl Operator for NodeDegree {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(mut row) = self.input.next(ctx)? {
            ctx.cancel.tick()?;
            let degree = match *row.get(self.node) {
                Value::Node(node) => {
                    let graph = ctx.graph();
                    graph.degree_of_types(node, self.direction, self.types.ids(graph))
                }
                _ if self.keep_none => 0,
                _ => continue,
            };
            if degree > 0 || self.keep_none {
                row.set(self.slot, Value::Int(degree as i64));
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

/// How many relationships a counting expansion gathers into columns before it tests them.
const MAX_GATHERED: usize = 16 * 1024;

/// How many input rows a counting expansion over rows (not batches) takes before it
/// counts their nodes' relationships by columns.
const ROWS_COUNTED_TOGETHER: usize = 1024;

/// For each input row, the number of relationships of its `from` node that an expansion
/// would give rows for, into `slot`: each candidate is tested by the filter as `Expand`
/// tests it, but only counted. Rows with none are dropped (or kept with 0, for an
/// optional match counted: `keeping_zeros`). The `rel` and `to` slots of
/// the row it gives hold nothing of use (the plan reads only the count). Over a batch of
/// `from` nodes it gives a batch: those nodes with any, and their counts.
pub struct ExpandCount {
    input: Box<dyn Operator>,
    slots: ExpandSlots,
    direction: Direction,
    types: TypeFilter,
    filter: FusedFilter,
    slot: Slot,
    /// Rows made from an input batch of another shape, given one at a time.
    pending: std::vec::IntoIter<Row>,
    /// How many relationships the last batch gathered: the room the next one reserves.
    last_gathered: usize,
    /// The order in which the filter's conjuncts are tried, learnt batch by batch.
    narrowing: Narrowing,
    /// Rows with no relationship that passes stay, with 0 (an optional match counted).
    keep_zeros: bool,
    /// The filter reads nothing of the row but the hop's slots, so rows that come one at
    /// a time may be counted together by columns (`counted_rows`).
    rows_together: bool,
}

impl ExpandCount {
    pub fn new(
        input: Box<dyn Operator>,
        slots: ExpandSlots,
        (direction, types): (RelDirection, Vec<RelTypeRef>),
        filter: FusedFilter,
        slot: Slot,
    ) -> ExpandCount {
        let direction = crate::exec::pattern::direction(direction);
        let types = TypeFilter::new(types);
        ExpandCount {
            input,
            slots,
            direction,
            types,
            filter,
            slot,
            pending: Vec::new().into_iter(),
            last_gathered: 0,
            narrowing: Narrowing::default(),
            keep_zeros: false,
            rows_together: false,
        }
    }

    /// Counting rows that come one at a time together, by columns, when `predicate` (the
    /// fused filter's condition) reads no variable but the hop's: then the rows differ
    /// only in their near node as far as the filter can tell.
    pub fn counting_rows_together(self, predicate: Option<&Expr>) -> ExpandCount {
        let ExpandSlots { from, rel, to, .. } = self.slots;
        let mut only_hop = true;
        if let Some(p) = predicate {
            p.visit(&mut |e| match &e.kind {
                ExprKind::Slot(s) if ![from, rel, to].contains(s) => only_hop = false,
                ExprKind::PatternExists(_) | ExprKind::Subquery(_) | ExprKind::PatternComprehension { .. } => {
                    only_hop = false
                }
                _ => {}
            });
        }
        ExpandCount { rows_together: only_hop, ..self }
    }

    /// Keeping the rows with no relationship that passes, with a count of 0
    /// (`LogicalOp::OptionalExpandCount`): a null near node counts 0 too.
    pub fn keeping_zeros(self) -> ExpandCount {
        ExpandCount { keep_zeros: true, ..self }
    }

    /// How many relationships of `from` pass, `row` holding `from` and the other slots.
    fn count(&mut self, row: &mut Row, from: NodeId, ctx: &mut ExecCtx<'_, '_>) -> Result<i64> {
        let graph = ctx.graph();
        let mut n = 0_i64;
        let types = self.types.ids(graph);
        if let Some(to) = self.slots.bound_far_node(row) {
            let mut between = Vec::new();
            super::expand_into::rels_between(graph, (from, to), self.direction, types, &mut between);
            for entry in &between {
                ctx.cancel.tick()?;
                if let Some(bound) = self.slots.candidate(row, from, entry) {
                    if self.filter.passes(row, &bound, graph)? {
                        n += 1;
                    }
                }
            }
            return Ok(n);
        }
        // The relationships are read straight from the adjacency: nothing here writes.
        for entry in graph.rels_of_types(from, self.direction, types) {
            ctx.cancel.tick()?;
            if let Some(bound) = self.slots.candidate(row, from, &entry) {
                if self.filter.passes(row, &bound, graph)? {
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    /// Whether a batch's relationships can be tested a column at a time: the filter reads
    /// only the hop's three slots, and neither the far node nor the relationship is bound
    /// already (those are checked against the row, one at a time).
    fn by_columns(&self) -> bool {
        let ExpandSlots { from, rel, to, into, rel_bound } = self.slots;
        !into && !rel_bound && self.filter.reads_only(&[from, rel, to])
    }

    /// The count for each of a batch's `nodes` (`row` holding the other slots): their
    /// relationships gathered into columns, the filter tested a column at a time, the
    /// survivors counted by node. A few thousand nodes' relationships at a time, so that
    /// hubs do not make the columns large.
    fn count_by_columns(&mut self, row: &Row, nodes: &[NodeId], ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<i64>> {
        let mut counts = vec![0_i64; nodes.len()];
        let mut start = 0;
        while start < nodes.len() {
            start = self.count_gathered(row, nodes, start, &mut counts, ctx)?;
        }
        Ok(counts)
    }

    /// Gathers the relationships of `nodes` from `start` on, until there are
    /// `MAX_GATHERED` or the nodes end, tests them and adds those that pass to `counts`;
    /// where it stopped.
    fn count_gathered(
        &mut self,
        row: &Row,
        nodes: &[NodeId],
        start: usize,
        counts: &mut [i64],
        ctx: &mut ExecCtx<'_, '_>,
    ) -> Result<usize> {
        let graph = ctx.graph();
        let types = self.types.ids(graph);
        let ExpandSlots { from, rel, to, .. } = self.slots;
        // The relationships and far nodes always; the near nodes only when the condition
        // reads them.
        let with_froms = self.filter.reads(from);
        let room = self.last_gathered;
        let (mut froms, mut rels, mut tos, mut tags) =
            (Vec::new(), Vec::with_capacity(room), Vec::with_capacity(room), Vec::with_capacity(room));
        // One type in one direction, and no writes since the arrays were built (the usual
        // case): each node's run read straight from them.
        let reader = match types {
            Some([ty]) => graph.type_reader(self.direction, *ty),
            _ => None,
        };
        let mut end = start;
        while end < nodes.len() && tags.len() < MAX_GATHERED {
            let node = nodes[end];
            ctx.cancel.tick()?;
            match &reader {
                Some(reader) => {
                    for (id, other) in reader.links(node) {
                        rels.push(id);
                        tos.push(other);
                        tags.push(end as u32);
                    }
                }
                None => {
                    for entry in graph.rels_of_types(node, self.direction, types) {
                        rels.push(entry.id);
                        tos.push(if entry.start == node { entry.end } else { entry.start });
                        tags.push(end as u32);
                    }
                }
            }
            if with_froms {
                froms.resize(tags.len(), node);
            }
            end += 1;
        }
        self.last_gathered = tags.len();
        let mut columns = vec![(rel, Ids::Rels(rels)), (to, Ids::Nodes(tos))];
        if with_froms {
            columns.push((from, Ids::Nodes(froms)));
        }
        let candidates = Candidates { columns, tags };
        // Every relationship has the one type the hop names, when it names one.
        let rel_type = match types {
            Some([ty]) => Some(*ty),
            _ => None,
        };
        // The conjuncts narrow the relationships one after another, in the order
        // learnt from the batches before.
        for i in self.filter.narrow(row, &candidates, rel_type, graph, &mut self.narrowing)? {
            counts[candidates.tags[i as usize] as usize] += 1;
        }
        Ok(end)
    }

    /// Up to `ROWS_COUNTED_TOGETHER` input rows, or `None` when the input has ended.
    fn next_rows(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Vec<Row>>> {
        let mut rows = Vec::new();
        while rows.len() < ROWS_COUNTED_TOGETHER {
            match self.input.next(ctx)? {
                Some(row) => rows.push(row),
                None => break,
            }
        }
        Ok((!rows.is_empty()).then_some(rows))
    }

    /// `rows` with their counts, counted by columns (the filter reads only the hop's
    /// slots, so any row serves as the others'), those with none dropped unless zeros are
    /// kept; a null near node counts 0.
    fn counted_rows(&mut self, rows: Vec<Row>, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        // Each distinct near node counted once (rows after an earlier expansion repeat
        // them: units sharing a deployment).
        let mut index: HashMap<NodeId, usize> = HashMap::new();
        let mut nodes: Vec<NodeId> = Vec::new();
        for row in &rows {
            if let Value::Node(node) = *row.get(self.slots.from) {
                index.entry(node).or_insert_with(|| {
                    nodes.push(node);
                    nodes.len() - 1
                });
            }
        }
        let counts = match rows.first() {
            Some(first) if !nodes.is_empty() => self.count_by_columns(first, &nodes, ctx)?,
            _ => Vec::new(),
        };
        let mut out = Vec::with_capacity(rows.len());
        for mut row in rows {
            let n = match *row.get(self.slots.from) {
                Value::Node(node) => index.get(&node).and_then(|&i| counts.get(i)).copied().unwrap_or(0),
                _ => 0,
            };
            if n > 0 || self.keep_zeros {
                row.set(self.slot, Value::Int(n));
                out.push(row);
            }
        }
        Ok(out)
    }

    /// The input row with its count, if it has any (or with 0, when keeping zeros).
    fn extend(&mut self, mut row: Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        let n = match *row.get(self.slots.from) {
            Value::Node(from) => self.count(&mut row, from, ctx)?,
            _ => 0,
        };
        Ok((n > 0 || self.keep_zeros).then(|| {
            row.set(self.slot, Value::Int(n));
            row
        }))
    }
}

impl Operator for ExpandCount {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if let Some(row) = self.pending.next() {
            return Ok(Some(row));
        }
        if self.input.gives_batches() {
            // Counted a batch at a time, by columns, even when the operator above reads
            // rows (a count per grouping node is projected, not summed): the rows are made
            // from the batch's counts afterwards.
            while let Some(batch) = self.next_batch(ctx)? {
                let rest = std::mem::replace(&mut self.pending, Vec::new().into_iter());
                self.pending = batch.into_rows().chain(rest).collect::<Vec<_>>().into_iter();
                if let Some(row) = self.pending.next() {
                    return Ok(Some(row));
                }
            }
            return Ok(None);
        }
        if self.rows_together && self.by_columns() {
            // Rows one at a time (under an `Optional`, an `Apply`): gathered a few
            // thousand at a time and counted by columns as a batch is, in their order.
            while let Some(rows) = self.next_rows(ctx)? {
                self.pending = self.counted_rows(rows, ctx)?.into_iter();
                if let Some(row) = self.pending.next() {
                    return Ok(Some(row));
                }
            }
            return Ok(None);
        }
        while let Some(row) = self.input.next(ctx)? {
            if let Some(out) = self.extend(row, ctx)? {
                return Ok(Some(out));
            }
        }
        Ok(None)
    }

    fn gives_batches(&self) -> bool {
        self.input.gives_batches()
    }

    fn next_batch(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Batch>> {
        loop {
            if let Some(row) = self.pending.next() {
                return Ok(Some(Batch::single(row)));
            }
            let Some(batch) = self.input.next_batch(ctx)? else { return Ok(None) };
            match batch.into_nodes_of(self.slots.from) {
                Ok((mut row, nodes)) => {
                    let counts = if self.by_columns() {
                        self.count_by_columns(&row, &nodes, ctx)?
                    } else {
                        let mut counts = Vec::with_capacity(nodes.len());
                        for &from in &nodes {
                            row.set(self.slots.from, Value::Node(from));
                            counts.push(self.count(&mut row, from, ctx)?);
                        }
                        counts
                    };
                    let keep = |n: i64| n > 0 || self.keep_zeros;
                    let kept: Vec<NodeId> =
                        nodes.iter().zip(&counts).filter(|(_, &n)| keep(n)).map(|(&node, _)| node).collect();
                    let counts: Vec<i64> = counts.into_iter().filter(|&n| keep(n)).collect();
                    if let Some(out) =
                        Batch::of_nodes(row, self.slots.from, kept).with_column(self.slot, Column::Ints(counts))
                    {
                        if !out.is_empty() {
                            return Ok(Some(out));
                        }
                    }
                }
                Err(batch) => {
                    let mut out = Vec::new();
                    for row in batch.into_rows() {
                        out.extend(self.extend(row, ctx)?);
                    }
                    self.pending = out.into_iter();
                }
            }
        }
    }

    fn rewind(&mut self) -> bool {
        self.pending = Vec::new().into_iter();
        self.input.rewind()
    }
}

/// For each input row, the nodes (of a label) whose degree ranks among the first `keep`,
/// with their degree, in node order (`LogicalOp::NodeDegreeTop`): every degree is read
/// off the adjacency into one vector, the `keep`-th best found by selection, and a row
/// made only for the nodes at least as good.
pub struct NodeDegreeTop {
    input: Box<dyn Operator>,
    node: Slot,
    label: Option<crate::binder::bound::LabelRef>,
    slot: Slot,
    direction: Direction,
    types: TypeFilter,
    keep: u64,
    descending: bool,
    current: Option<Row>,
    ranked: std::vec::IntoIter<(NodeId, usize)>,
    /// Labels the far node of a counted relationship must carry (none: every one counts).
    far_labels: Vec<crate::binder::bound::LabelRef>,
}

impl NodeDegreeTop {
    /// Counting only the relationships whose far node carries every one of `labels`.
    pub fn with_far_labels(self, far_labels: Vec<crate::binder::bound::LabelRef>) -> NodeDegreeTop {
        NodeDegreeTop { far_labels, ..self }
    }

    /// The relationships of `node` that count: all of them, read off the offsets, or
    /// those whose far node carries `far` (`None`: a label the graph does not know, so
    /// none does).
    fn degree(&self, graph: &Graph, node: NodeId, types: Option<&[RelTypeId]>, far: Option<&[LabelId]>) -> usize {
        match far {
            Some([]) => graph.degree_of_types(node, self.direction, types),
            Some(labels) => graph
                .rels_of_types(node, self.direction, types)
                .filter(|e| {
                    let other = if e.start == node { e.end } else { e.start };
                    labels.iter().all(|l| graph.node_has_label(other, *l))
                })
                .count(),
            None => 0,
        }
    }

    pub fn new(
        input: Box<dyn Operator>,
        (node, label, slot): (Slot, Option<crate::binder::bound::LabelRef>, Slot),
        (direction, types): (RelDirection, Vec<RelTypeRef>),
        (keep, descending): (u64, bool),
    ) -> NodeDegreeTop {
        let direction = crate::exec::pattern::direction(direction);
        NodeDegreeTop {
            input,
            node,
            label,
            slot,
            direction,
            types: TypeFilter::new(types),
            keep,
            descending,
            current: None,
            ranked: Vec::new().into_iter(),
            far_labels: Vec::new(),
        }
    }

    /// The nodes that can rank, with their degrees, in node order.
    fn rank(&mut self, graph: &Graph) -> Vec<(NodeId, usize)> {
        let nodes: Vec<NodeId> = match &self.label {
            Some(label) => label.resolve(graph.catalog()).map_or_else(Vec::new, |id| graph.nodes_with_label_vec(id)),
            None => graph.node_ids().collect(),
        };
        let far: Option<Vec<LabelId>> = self.far_labels.iter().map(|l| l.resolve(graph.catalog())).collect();
        let types = self.types.ids(graph).map(<[RelTypeId]>::to_vec);
        let degrees: Vec<(NodeId, usize)> = nodes
            .into_iter()
            .map(|n| (n, self.degree(graph, n, types.as_deref(), far.as_deref())))
            .filter(|(_, d)| *d > 0)
            .collect();
        let keep = usize::try_from(self.keep).unwrap_or(usize::MAX);
        if keep == 0 || degrees.len() <= keep {
            return if keep == 0 { Vec::new() } else { degrees };
        }
        let mut values: Vec<usize> = degrees.iter().map(|(_, d)| *d).collect();
        let boundary = if self.descending {
            *values.select_nth_unstable_by(keep - 1, |a, b| b.cmp(a)).1
        } else {
            *values.select_nth_unstable(keep - 1).1
        };
        let descending = self.descending;
        degrees.into_iter().filter(|(_, d)| if descending { *d >= boundary } else { *d <= boundary }).collect()
    }
}

impl Operator for NodeDegreeTop {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some((node, degree))) = (&self.current, self.ranked.next()) {
                let mut out = row.clone();
                out.set(self.node, Value::Node(node));
                out.set(self.slot, Value::Int(degree as i64));
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.ranked = self.rank(ctx.graph()).into_iter();
            self.current = Some(row);
        }
    }
}

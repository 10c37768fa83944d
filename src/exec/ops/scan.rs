//! Where rows come from: the start row, the argument row, node scans and key lookups.

use std::collections::HashSet;

use crate::binder::bound::{Expr, LabelRef, PropKeyRef, Slot};
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::exec::expr::eval;
use crate::exec::ops::filter::FusedFilter;
use crate::exec::predicate::{Candidates, Entity, Ids, Narrowing};
use crate::exec::{Batch, ExecCtx, Operator, Row};
use crate::store::{Graph, LabelId, NodeId, PropKeyId};
use crate::value::Value;

/// One empty row, once.
#[derive(Default)]
pub struct Start {
    done: bool,
}

impl Operator for Start {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        Ok(Some(Row::new(ctx.width)))
    }
}

/// The row of the enclosing `Optional`, once.
#[derive(Default)]
pub struct Argument {
    done: bool,
}

impl Operator for Argument {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        Ok(ctx.arguments.last().cloned())
    }

    fn rewind(&mut self) -> bool {
        self.done = false;
        true
    }
}

/// For each input row, each node (of a label) bound into `slot`. The candidates are
/// fixed when an input row arrives, so writes later in the statement are not seen. A
/// filter right above it in the plan is checked here, on each candidate before its row is
/// copied; one that reads only this node's properties and labels is checked a chunk of
/// candidates at a time ([`FusedFilter::narrow`]), the chunk read straight off the
/// label's bitset.
pub struct NodeScan {
    input: Box<dyn Operator>,
    slot: Slot,
    label: Option<LabelRef>,
    filter: FusedFilter,
    /// The input row being extended; its `slot` is overwritten by each candidate.
    current: Option<Row>,
    /// The candidates for the current row, in id order, and the next one to look at
    /// (tested one at a time).
    nodes: Vec<NodeId>,
    next: usize,
    /// Tested a chunk at a time: the label (`None`: every node), where the next chunk
    /// starts, how many candidates it takes, and whether the scan is done.
    chunks: Chunks,
    /// Under a chunked filter: the chunk's candidates that passed, and the next to give.
    passing: Vec<NodeId>,
    next_passing: usize,
    /// The order in which the filter's conjuncts are tried, learnt chunk by chunk.
    narrowing: Narrowing,
    /// The statement's change count when the current row arrived (checked in debug builds).
    changes_at_start: usize,
    /// Whether the current row's candidates are tested a chunk at a time (the filter,
    /// with the row's values put in, reads only the scanned node).
    row_chunked: bool,
    /// The error a chunk's test raised, given once the candidates before the one that
    /// raised it have been handed on (as testing one at a time would).
    pending_error: Option<crate::error::Error>,
    /// The ids the scan keeps to, when it is one range of a scan split over threads
    /// (`exec/parallel.rs`); every node otherwise.
    range: std::ops::Range<u32>,
}

/// Where a chunked scan is in its candidates.
#[derive(Debug, Clone, Copy, Default)]
struct Chunks {
    label: Option<LabelId>,
    /// The candidates are known to be none (a label the catalog does not know).
    none: bool,
    from: u32,
    size: usize,
}

/// How many candidates the first chunk tests at once: enough for tight loops, few
/// enough that a `LIMIT` stops a scan early. Each chunk is twice the last, up to
/// `MAX_CHUNK`, so a long scan spends little per chunk.
const CHUNK: usize = 1024;
const MAX_CHUNK: usize = 1 << 16;

impl NodeScan {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: Option<LabelRef>) -> NodeScan {
        NodeScan {
            input,
            slot,
            label,
            filter: FusedFilter::default(),
            current: None,
            nodes: Vec::new(),
            next: 0,
            chunks: Chunks::default(),
            passing: Vec::new(),
            next_passing: 0,
            narrowing: Narrowing::default(),
            changes_at_start: 0,
            row_chunked: true,
            pending_error: None,
            range: 0..u32::MAX,
        }
    }

    /// The scan of the nodes whose ids are in `range` only: one range of a scan split over
    /// threads, each range handing on its nodes in id order, as the whole scan does.
    pub fn within(self, range: std::ops::Range<u32>) -> NodeScan {
        NodeScan { range, ..self }
    }

    /// Checks a `Filter` fused into the scan on each node.
    pub fn with_filter(mut self, filter: FusedFilter) -> NodeScan {
        self.filter = filter.with_row_constants_for(&[self.slot]);
        self.row_chunked = self.chunked();
        self
    }

    /// The next candidate that passes, testing one at a time.
    fn next_one(&mut self, row: &mut Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<NodeId>> {
        while let Some(&node) = self.nodes.get(self.next) {
            self.next += 1;
            ctx.cancel.tick()?;
            if ctx.graph().contains_node(node)
                && self.filter.passes(row, &[(self.slot, Entity::Node(node))], ctx.graph())?
            {
                return Ok(Some(node));
            }
        }
        Ok(None)
    }

    /// Whether the candidates are tested a chunk at a time: with no filter, or one that
    /// reads only the scanned node once the input row's values are put in (a row whose
    /// values fail to compute is tested one candidate at a time). That gives the answer of testing one at a time because
    /// no write happens while a scan is between candidates: every write operator reads
    /// all of its input before it writes (`write.rs`, Neo4j's eager barrier), and the
    /// scan's own input gives no new row until this one is done.
    fn chunked(&self) -> bool {
        self.filter.reads_only_per_row(&[self.slot])
    }

    /// Takes the next input row and its candidates; false when the input is done.
    fn start(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<bool> {
        let Some(row) = self.input.next(ctx)? else {
            return Ok(false);
        };
        let graph = ctx.graph();
        let label = self.label.as_ref().map(|label| label.resolve(graph.catalog()));
        self.filter.set_row(&row, graph);
        self.row_chunked = self.filter.reads_only(&[self.slot]);
        if self.row_chunked {
            // Read a chunk at a time: nothing writes while the scan is between chunks.
            let from = self.range.start;
            self.chunks = Chunks { label: label.flatten(), none: label == Some(None), from, size: CHUNK };
        } else {
            // In id order (the label index and the node ids both give that).
            self.nodes = match label {
                Some(Some(l)) => graph.nodes_with_label_vec(l),
                Some(None) => Vec::new(),
                None => graph.node_ids().collect(),
            };
            self.nodes.retain(|node| self.range.contains(&node.0));
        }
        (self.next, self.changes_at_start) = (0, ctx.change_count());
        self.passing.clear();
        self.next_passing = 0;
        self.current = Some(row);
        Ok(true)
    }

    /// Tests the next chunk of candidates into `passing`, beside the input `row` (a
    /// condition such as `a <> b` reads its other side there); false when none are left.
    fn fill_chunk(&mut self, row: &Row, ctx: &mut ExecCtx<'_, '_>) -> Result<bool> {
        debug_assert_eq!(ctx.change_count(), self.changes_at_start, "a write between a scan's candidates");
        // A chunk with no candidate that passes is no stop: the cancel check is made
        // here too, not only for each node handed on.
        ctx.cancel.check()?;
        if let Some(e) = self.pending_error.take() {
            return Err(e);
        }
        let graph = ctx.graph();
        let mut nodes = std::mem::take(&mut self.passing);
        nodes.clear();
        let chunk = self.chunks;
        if !self.chunks.none {
            self.chunks.from =
                graph.append_nodes_from(self.chunks.label, self.chunks.from, self.chunks.size, &mut nodes);
            self.keep_to_range(&mut nodes);
        }
        if nodes.is_empty() {
            return Ok(false);
        }
        self.chunks.size = (self.chunks.size * 2).min(MAX_CHUNK);
        self.next_passing = 0;
        self.passing = if self.filter.is_empty() {
            nodes
        } else {
            match narrow_nodes(self.slot, (&self.filter, &mut self.narrowing), row, nodes, graph) {
                Ok(passing) => passing,
                Err(e) => {
                    // The same chunk read again (nothing wrote since), tested one at a time.
                    let mut nodes = Vec::new();
                    graph.append_nodes_from(chunk.label, chunk.from, chunk.size, &mut nodes);
                    self.keep_to_range(&mut nodes);
                    let (passing, error) = passing_until_error(self.slot, &self.filter, row, &nodes, graph);
                    self.pending_error = Some(error.unwrap_or(e));
                    passing
                }
            }
        };
        Ok(true)
    }

    /// Drops the candidates past the end of the scan's range, and ends the scan there.
    fn keep_to_range(&mut self, nodes: &mut Vec<NodeId>) {
        if self.chunks.from >= self.range.end {
            nodes.retain(|node| node.0 < self.range.end);
            self.chunks.none = true;
        }
    }

    /// The next candidate that passes, a chunk being tested at a time.
    fn next_chunked(&mut self, row: &Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<NodeId>> {
        loop {
            if let Some(&node) = self.passing.get(self.next_passing) {
                self.next_passing += 1;
                ctx.cancel.tick()?;
                return Ok(Some(node));
            }
            if !self.fill_chunk(row, ctx)? {
                return Ok(None);
            }
        }
    }
}

impl Operator for NodeScan {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(mut row) = self.current.take() {
                let found =
                    if self.row_chunked { self.next_chunked(&row, ctx)? } else { self.next_one(&mut row, ctx)? };
                if let Some(node) = found {
                    row.set(self.slot, Value::Node(node));
                    let out = row.clone();
                    self.current = Some(row);
                    return Ok(Some(out));
                }
            }
            if !self.start(ctx)? {
                return Ok(None);
            }
        }
    }

    fn gives_batches(&self) -> bool {
        self.chunked()
    }

    /// A chunk's passing candidates at once, when they are tested a chunk at a time.
    fn next_batch(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Batch>> {
        loop {
            if !self.row_chunked {
                return Ok(self.next(ctx)?.map(Batch::single));
            }
            if let Some(row) = &self.current {
                if self.next_passing < self.passing.len() {
                    let nodes = self.passing[self.next_passing..].to_vec();
                    self.next_passing = self.passing.len();
                    for _ in &nodes {
                        ctx.cancel.tick()?;
                    }
                    return Ok(Some(Batch::of_nodes(row.clone(), self.slot, nodes)));
                }
                let outer = row.clone();
                if self.fill_chunk(&outer, ctx)? {
                    continue;
                }
                self.current = None;
            }
            if !self.start(ctx)? {
                return Ok(None);
            }
        }
    }
}

/// The `nodes` (candidates for `slot`, in order) that pass the filter, in order.
fn narrow_nodes(
    slot: Slot,
    (filter, narrowing): (&FusedFilter, &mut Narrowing),
    row: &Row,
    nodes: Vec<NodeId>,
    graph: &Graph,
) -> Result<Vec<NodeId>> {
    let candidates = Candidates::of_nodes(slot, nodes);
    let passing = filter.narrow(row, &candidates, None, graph, narrowing)?;
    let Some((_, Ids::Nodes(nodes))) = candidates.columns.into_iter().next() else { return Ok(Vec::new()) };
    Ok(passing.into_iter().map(|i| nodes[i as usize]).collect())
}

/// The `nodes` that pass, tested one at a time up to the first that raises an error
/// (returned with it): what a chunk whose test failed hands on before the error.
fn passing_until_error(
    slot: Slot,
    filter: &FusedFilter,
    row: &Row,
    nodes: &[NodeId],
    graph: &Graph,
) -> (Vec<NodeId>, Option<Error>) {
    let mut passing = Vec::new();
    let mut scratch = row.clone();
    for &node in nodes {
        match filter.passes(&mut scratch, &[(slot, Entity::Node(node))], graph) {
            Ok(true) => passing.push(node),
            Ok(false) => {}
            Err(e) => return (passing, Some(e)),
        }
    }
    (passing, None)
}

/// The node of `label` whose `key` property equals `value` (openCypher's `=`: null and
/// NaN equal nothing): through the key index when the graph keeps one for it, else by
/// scanning the label.
fn find_by_key(graph: &Graph, label: LabelId, key: PropKeyId, value: &Value) -> Option<NodeId> {
    let equal = |n: &NodeId| graph.node_property(*n, key).and_then(|v| v.cypher_eq(value)) == Some(true);
    if graph.is_key(label, key) {
        // The index groups values by the order's equivalence (where NaN equals NaN): the
        // candidate is checked with `=` itself.
        graph.node_by_key(label, key, value).filter(equal)
    } else {
        graph.nodes_with_label(label).find(equal)
    }
}

/// For each input row, the node of `label` whose key equals `value`.
pub struct NodeByKey {
    input: Box<dyn Operator>,
    slot: Slot,
    label: LabelRef,
    key: PropKeyRef,
    value: Expr,
}

impl NodeByKey {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: LabelRef, key: PropKeyRef, value: Expr) -> NodeByKey {
        NodeByKey { input, slot, label, key, value }
    }
}

impl Operator for NodeByKey {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        while let Some(mut row) = self.input.next(ctx)? {
            let graph = ctx.graph();
            let (Some(label), Some(key)) = (self.label.resolve(graph.catalog()), self.key.resolve(graph.catalog()))
            else {
                continue;
            };
            let value = eval(&self.value, &row, graph)?;
            if let Some(node) = find_by_key(graph, label, key, &value) {
                row.set(self.slot, Value::Node(node));
                return Ok(Some(row));
            }
        }
        Ok(None)
    }

    fn rewind(&mut self) -> bool {
        self.input.rewind()
    }
}

/// For each input row, the nodes of `label` whose key is one of the values of a list
/// (`WHERE n.key IN list`), in the list's order, each node once.
pub struct NodeByKeys {
    input: Box<dyn Operator>,
    slot: Slot,
    label: LabelRef,
    key: PropKeyRef,
    values: Expr,
    current: Option<Row>,
    found: std::vec::IntoIter<NodeId>,
}

impl NodeByKeys {
    pub fn new(input: Box<dyn Operator>, slot: Slot, label: LabelRef, key: PropKeyRef, values: Expr) -> NodeByKeys {
        NodeByKeys { input, slot, label, key, values, current: None, found: Vec::new().into_iter() }
    }

    /// The nodes the list's values find. A null list finds none (`x IN null` is null); a
    /// value that is no list is the error `IN` gives.
    fn seek(&self, row: &Row, graph: &Graph) -> Result<Vec<NodeId>> {
        let (Some(label), Some(key)) = (self.label.resolve(graph.catalog()), self.key.resolve(graph.catalog())) else {
            return Ok(Vec::new());
        };
        let items = match eval(&self.values, row, graph)? {
            Value::Null => return Ok(Vec::new()),
            Value::List(items) => items,
            other => {
                let message = format!("IN needs a list on its right, got a {}", other.type_name());
                return Err(
                    Error::at(ErrorCode::InvalidArgumentType, self.values.span, message).as_kind(ErrorKind::TypeError)
                );
            }
        };
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        for value in items.iter().filter(|v| !v.is_null()) {
            // `1` and `1.0` find the same node: it comes once.
            if let Some(node) = find_by_key(graph, label, key, value).filter(|n| seen.insert(*n)) {
                found.push(node);
            }
        }
        Ok(found)
    }
}

impl Operator for NodeByKeys {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let (Some(row), Some(node)) = (&self.current, self.found.next()) {
                let mut out = row.clone();
                out.set(self.slot, Value::Node(node));
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            self.found = self.seek(&row, ctx.graph())?.into_iter();
            self.current = Some(row);
        }
    }
}

//! `NodeColumnTop`: of the nodes a scan gives, those that can rank among the first
//! `SKIP + LIMIT` by sort keys read off the node's columns, in scan order, so that the
//! projections and the `TopK` above work on a few rows instead of one per node.
//!
//! The scan's nodes are gathered a batch at a time (no row each). The first key, when it
//! is a property whose column holds numbers of one kind, narrows them in one loop over the
//! column in the store (`Graph::retain_top_node_numbers`); whatever is left beyond the
//! count is then narrowed by all the keys as values, in ORDER BY's order. Both keep every
//! node tied with the last that ranks, so the `TopK` above, which breaks ties by arrival,
//! gives the rows the plan without this operator gives.
//!
//! A first key that is arithmetic of the node's properties (`o.weight * (o.year - 1900)`)
//! is computed for every node off the columns (`exec/node_arith.rs`, the interpreter
//! where a step is no number), and the nodes narrowed by those values as by a column's.

use std::cmp::Ordering;

use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::expr::eval;
use crate::exec::memory::Held;
use crate::exec::node_arith::{number_value, NodeArith};
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::ColumnKey;
use crate::store::{best_numbers, Graph, NodeId, Number, PropKeyId};
use crate::value::Value;

use super::sort::compare_keys;
use super::sort_keys::SortKeys;

pub struct NodeColumnTop {
    input: Box<dyn Operator>,
    node: Slot,
    keys: Vec<(ColumnKey, bool)>,
    skip: Option<Expr>,
    limit: Expr,
    output: Option<std::vec::IntoIter<Row>>,
    held: Held,
    /// Whether it drops the first SKIP itself (`LogicalOp::NodeColumnTop::drops_skip`).
    drops_skip: bool,
}

/// What the input gave: nodes extending one row, in runs, or a row kept whole (which
/// holds no node in the slot: never from a scan, but then nothing is narrowed).
enum Run {
    Nodes(Row, Vec<NodeId>),
    Whole(Row),
}

impl NodeColumnTop {
    pub fn new(
        input: Box<dyn Operator>,
        node: Slot,
        keys: Vec<(ColumnKey, bool)>,
        skip: Option<Expr>,
        limit: Expr,
    ) -> NodeColumnTop {
        NodeColumnTop { input, node, keys, skip, limit, output: None, held: Held::default(), drops_skip: false }
    }

    /// Keeps only the nodes ranking after the first SKIP (the keys decide the whole order,
    /// then input order), for a `TopK` above with no SKIP.
    pub fn dropping_skip(self) -> NodeColumnTop {
        NodeColumnTop { drops_skip: true, ..self }
    }

    /// Every node the input gives, a batch at a time.
    fn gather(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Run>> {
        let mut runs: Vec<Run> = Vec::new();
        while let Some(batch) = self.input.next_batch(ctx)? {
            match batch.into_nodes_of(self.node) {
                Ok((row, nodes)) => {
                    self.held.add(4 * nodes.len() as u64)?;
                    push_run(&mut runs, row, nodes);
                }
                Err(batch) => {
                    for row in batch.into_rows() {
                        self.held.add_row(&row)?;
                        match row.get(self.node) {
                            Value::Node(n) => {
                                let node = *n;
                                push_run(&mut runs, row, vec![node]);
                            }
                            _ => runs.push(Run::Whole(row)),
                        }
                    }
                }
            }
        }
        Ok(runs)
    }

    /// The rows of the nodes that can rank, in input order.
    fn ranked(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Vec<Row>> {
        let mut runs = self.gather(ctx)?;
        if self.drops_skip {
            self.page(&mut runs, ctx)?;
            return Ok(self.rows(runs));
        }
        let keep = kept(self.skip.as_ref(), &self.limit, ctx);
        if let (Some(keep), [Run::Nodes(row, nodes)]) = (keep, &mut runs[..]) {
            ctx.cancel.check()?;
            if matches!(self.keys.first(), Some((ColumnKey::Arithmetic(_), _))) {
                // The first key's value for each node, while the nodes are narrowed.
                self.held.add(24 * nodes.len() as u64)?;
            }
            narrow(ctx.graph(), nodes, &self.keys, keep, (self.node, row))?;
        }
        Ok(self.rows(runs))
    }

    /// Keeps in `runs` (a scan's: one run of nodes) the nodes ranking `SKIP + 1` to
    /// `SKIP + LIMIT` by the keys, then input order, as the `TopK` and `Skip` it stands for
    /// would; raises their error for a SKIP or LIMIT that is not a valid count.
    fn page(&mut self, runs: &mut [Run], ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let count = |e: &Expr, what: &str| {
            let value = eval(e, &Row::default(), ctx.graph())?;
            crate::binder::check_count(&value, e.span, what)
        };
        let skip = match &self.skip {
            Some(s) => count(s, "SKIP")?,
            None => 0,
        };
        let limit = count(&self.limit, "LIMIT")?;
        match runs {
            [] => Ok(()),
            [Run::Nodes(row, nodes)] => {
                ctx.cancel.check()?;
                narrow(ctx.graph(), nodes, &self.keys, skip.saturating_add(limit), (self.node, row))?;
                page(ctx.graph(), nodes, &self.keys, (skip, limit));
                Ok(())
            }
            _ => Err(crate::error::Error::internal("a NodeColumnTop dropping SKIP over no scan")),
        }
    }

    /// A row per node left, in input order.
    fn rows(&self, runs: Vec<Run>) -> Vec<Row> {
        let mut rows = Vec::new();
        for run in runs {
            match run {
                Run::Nodes(row, nodes) => rows.extend(nodes.into_iter().map(|node| {
                    let mut out = row.clone();
                    out.set(self.node, Value::Node(node));
                    out
                })),
                Run::Whole(row) => rows.push(row),
            }
        }
        rows
    }
}

impl Operator for NodeColumnTop {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        if self.output.is_none() {
            self.output = Some(self.ranked(ctx)?.into_iter());
            self.held.clear();
        }
        Ok(self.output.as_mut().and_then(Iterator::next))
    }
}

/// `SKIP + LIMIT`; `None` when either is not a valid count (the `TopK` above raises the
/// error, so nothing is narrowed).
pub(super) fn kept(skip: Option<&Expr>, limit: &Expr, ctx: &ExecCtx<'_, '_>) -> Option<usize> {
    let count = |e: &Expr, what: &str| {
        let value = eval(e, &Row::default(), ctx.graph()).ok()?;
        crate::binder::check_count(&value, e.span, what).ok()
    };
    let skip = match skip {
        Some(s) => count(s, "SKIP")?,
        None => 0,
    };
    Some(skip.saturating_add(count(limit, "LIMIT")?))
}

/// Appends `nodes` extending `row`, to the last run when it extends the same row.
fn push_run(runs: &mut Vec<Run>, row: Row, nodes: Vec<NodeId>) {
    match runs.last_mut() {
        Some(Run::Nodes(last, run)) if *last == row => run.extend(nodes),
        _ => runs.push(Run::Nodes(row, nodes)),
    }
}

/// Keeps in `nodes` those at least as good as the `keep`-th by `keys`, ties included.
/// `scanned` is the node's slot and the row the nodes extend, on which an arithmetic key
/// the columns cannot answer is interpreted.
fn narrow(
    graph: &Graph,
    nodes: &mut Vec<NodeId>,
    keys: &[(ColumnKey, bool)],
    keep: usize,
    scanned: (Slot, &Row),
) -> Result<()> {
    match keys.first() {
        Some((ColumnKey::Property(key), descending)) => {
            // A key no node has (not in the catalog) is null everywhere: all tie.
            if let Some(id) = key.resolve(graph.catalog()) {
                graph.retain_top_node_numbers(id, nodes, keep, *descending);
            }
        }
        Some((ColumnKey::Arithmetic(expr), descending)) => {
            // With nothing to narrow the `TopK` computes every key itself (and with a
            // limit of 0 none), so the key is computed here only when it narrows.
            if keep == 0 || keep >= nodes.len() {
                if keep == 0 {
                    nodes.clear();
                }
                return Ok(());
            }
            let mut values = arithmetic_values(graph, nodes, expr, scanned)?;
            retain_best_numbers(nodes, &mut values, keep, *descending);
            if nodes.len() > keep {
                narrow_by_values(graph, nodes, keys, keep, Some(&values));
            }
            return Ok(());
        }
        _ => {}
    }
    if nodes.len() > keep {
        narrow_by_values(graph, nodes, keys, keep, None);
    }
    Ok(())
}

/// The value of `expr` (arithmetic of the scanned node) for each of `nodes`, in order:
/// straight off the columns where every step is a number or null, else by the
/// interpreter, which then gives the value or the error the row path would.
fn arithmetic_values(graph: &Graph, nodes: &[NodeId], expr: &Expr, (slot, row): (Slot, &Row)) -> Result<Vec<Value>> {
    let computed = match NodeArith::compile(expr, slot, graph) {
        Some(compiled) => compiled.numbers(graph, nodes),
        None => vec![Err(()); nodes.len()],
    };
    let mut working: Option<Row> = None;
    let mut values = Vec::with_capacity(nodes.len());
    for (&node, number) in nodes.iter().zip(computed) {
        if let Ok(n) = number {
            values.push(number_value(n));
            continue;
        }
        let working = working.get_or_insert_with(|| row.clone());
        working.set(slot, Value::Node(node));
        values.push(eval(expr, working, graph)?);
    }
    Ok(values)
}

/// Keeps the nodes (and their values) at least as good as the `keep`-th by the values,
/// when they are all integers or all floats (nulls aside); else leaves them all.
fn retain_best_numbers(nodes: &mut Vec<NodeId>, values: &mut Vec<Value>, keep: usize, descending: bool) {
    let numbers: Option<Vec<Option<Number>>> = values
        .iter()
        .map(|v| match v {
            Value::Null => Some(None),
            Value::Int(i) => Some(Some(Number::Int(*i))),
            Value::Float(f) => Some(Some(Number::Float(*f))),
            _ => None,
        })
        .collect();
    let Some(mask) = numbers.and_then(|n| best_numbers(&n, keep, descending)) else { return };
    let mut at = mask.iter();
    nodes.retain(|_| at.next().copied().unwrap_or(true));
    let mut at = mask.iter();
    values.retain(|_| at.next().copied().unwrap_or(true));
}

/// What one key reads, resolved against the catalog once.
enum Read {
    Property(Option<PropKeyId>),
    Id,
    /// The value computed before, at the node's place.
    Computed,
}

/// Keeps in `nodes` those whose keys, as values in ORDER BY's order, are at least as good
/// as the `keep`-th, ties included: a buffer cut back to the best (and their ties) each
/// time it doubles, so it holds about `keep` keys, not one per node. `first` holds the
/// first key's values when they were computed before (an arithmetic key), one per node.
fn narrow_by_values(
    graph: &Graph,
    nodes: &mut Vec<NodeId>,
    keys: &[(ColumnKey, bool)],
    keep: usize,
    first: Option<&[Value]>,
) {
    if keep == 0 {
        nodes.clear();
        return;
    }
    let reads = reads_of(keys, graph);
    let descending: Vec<bool> = keys.iter().map(|(_, d)| *d).collect();
    let key_of = |i: usize, n: NodeId| -> Vec<Value> {
        reads.iter().map(|r| read_value(r, n, graph, || first.and_then(|f| f.get(i)).cloned())).collect()
    };
    let order = |a: &[Value], b: &[Value]| compare_keys(a, b, &descending);
    let mut buffer: Vec<(Vec<Value>, usize)> = Vec::new();
    let mut worst: Option<Vec<Value>> = None;
    let mut cut_at = keep.saturating_mul(2).max(64);
    for (i, &n) in nodes.iter().enumerate() {
        let key = key_of(i, n);
        if worst.as_ref().is_some_and(|w| order(&key, w) == Ordering::Greater) {
            continue;
        }
        buffer.push((key, i));
        if buffer.len() >= cut_at {
            worst = cut(&mut buffer, keep, &order);
            cut_at = cut_at.max(buffer.len().saturating_mul(2));
        }
    }
    cut(&mut buffer, keep, &order);
    let mut kept: Vec<usize> = buffer.into_iter().map(|(_, i)| i).collect();
    kept.sort_unstable();
    let chosen: Vec<NodeId> = kept.into_iter().map(|i| nodes[i]).collect();
    *nodes = chosen;
}

/// What each key reads, resolved against the catalog.
fn reads_of(keys: &[(ColumnKey, bool)], graph: &Graph) -> Vec<Read> {
    keys.iter()
        .map(|(k, _)| match k {
            ColumnKey::Property(key) => Read::Property(key.resolve(graph.catalog())),
            ColumnKey::Id => Read::Id,
            ColumnKey::Arithmetic(_) => Read::Computed,
        })
        .collect()
}

/// The value `read` gives for `node` (`computed` for a value computed before).
fn read_value(read: &Read, node: NodeId, graph: &Graph, computed: impl Fn() -> Option<Value>) -> Value {
    match read {
        Read::Property(Some(k)) => graph.node_property(node, *k).unwrap_or(Value::Null),
        Read::Property(None) => Value::Null,
        Read::Id => Value::Int(i64::from(node.0)),
        Read::Computed => computed().unwrap_or(Value::Null),
    }
}

/// Keeps in `nodes` (their order kept) those ranking `skip + 1` to `skip + limit` by
/// `keys` (none arithmetic), ties by their place in `nodes`: the order of a `TopK` over
/// them in that order.
fn page(graph: &Graph, nodes: &mut Vec<NodeId>, keys: &[(ColumnKey, bool)], (skip, limit): (usize, usize)) {
    if skip >= nodes.len() {
        nodes.clear();
        return;
    }
    let mut sort_keys = SortKeys::new(keys.iter().map(|(_, d)| *d).collect());
    for (at, read) in reads_of(keys, graph).iter().enumerate() {
        for &node in nodes.iter() {
            sort_keys.push(at, read_value(read, node, graph, || None));
        }
    }
    let compare = |a: &usize, b: &usize| sort_keys.compare(*a, *b).then(a.cmp(b));
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.select_nth_unstable_by(skip, compare);
    let rest = &mut order[skip..];
    if limit < rest.len() {
        rest.select_nth_unstable_by(limit, compare);
    }
    let mut kept = rest[..limit.min(rest.len())].to_vec();
    kept.sort_unstable();
    *nodes = kept.into_iter().filter_map(|i| nodes.get(i).copied()).collect();
}

/// Cuts `buffer` back to its `keep` best and every key tied with the last of them, and
/// gives that last key; `None` when the buffer holds no more than `keep`.
fn cut(
    buffer: &mut Vec<(Vec<Value>, usize)>,
    keep: usize,
    order: &dyn Fn(&[Value], &[Value]) -> Ordering,
) -> Option<Vec<Value>> {
    if buffer.len() <= keep {
        return None;
    }
    buffer.select_nth_unstable_by(keep - 1, |a, b| order(&a.0, &b.0));
    let boundary = buffer[keep - 1].0.clone();
    buffer.retain(|(key, _)| order(key, &boundary) != Ordering::Greater);
    Some(boundary)
}

//! `GroupFold`: an aggregation over a node scan, or over one expansion, that folds each
//! scanned node (or each relationship of each expanded node) into its group without
//! making a row for it (`planner/group_fold.rs` says when).
//!
//! One working row holds the input row and, in turn, each node or relationship and far
//! node; keys and arguments are evaluated on it as `fold_value.rs` says (a property read
//! straight from the store, an expression of one property once per distinct value of it).
//! The group is found once per input node when no key reads what the expansion binds
//! (`o.id` over `(o)<-[m]-(p)`), once per distinct property value or label set when
//! every key reads only that, by the values of keys compiled to programs
//! (`group_program.rs`), else per input. The groups and their states are
//! `Aggregate`'s own (`aggregate.rs`), so the answers, their order and the errors are the
//! row path's.

use super::aggregate::{Groups, Reducer};
use super::expand::{ExpandSlots, TypeFilter};
use super::filter::FusedFilter;
use super::fold_value::{Cell, FoldValue, Working};
use super::stored_rel_fold::StoredRelFold;
use batch::BatchFold;

#[path = "group_fold_batch.rs"]
mod batch;
use super::aggregate_packed::pack_list;
use super::group_cells::CellGroups;
use super::group_levels::Regroup;
use super::group_program::{Found, ProgramGroups};
use super::group_runs::Runs;
use super::{BuildCtx, Counters};
use crate::binder::bound::{AggregateCall, AggregateFunction, Expr, ExprKind, PropKeyRef, Slot, Type};
use crate::error::{Error, Result};
use crate::exec::expr::eval;
use crate::exec::memory::{self, Held};
use crate::exec::predicate::{Candidates, Entity, Ids, Narrowing};
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::{reads_any, FoldOrder, LogicalOp};
use crate::store::{Direction, Graph, NodeId, RelEntry};
use crate::value::Value;

/// Group caches stop growing at this many entries (each input is then grouped by its
/// keys' values, as `Aggregate` groups it): a million, as the packed words tables.
const MAX_CACHED_GROUPS: usize = 1 << 20;

/// A node's relationships' properties are read ahead of the fold from this many
/// relationships on: with fewer there is little to overlap.
const MIN_TOUCHED: usize = 4;

pub struct GroupFold {
    input: Box<dyn Operator>,
    walk: Walk,
    keys: Vec<(Slot, Expr)>,
    key_values: Vec<FoldValue>,
    aggregates: Vec<AggregateCall>,
    args: Vec<Arg>,
    grouping: Grouping,
    /// Groups by compiled keys, taken up when grouping by the keys' reads turns out not
    /// to pay (the reads nearly all distinct, as floats are).
    programs_after_cells: Option<ProgramGroups>,
    /// The values of the keys of the input being folded, reused from input to input.
    key: Vec<Value>,
    /// Rows made of groups, not handed on yet.
    output: std::collections::VecDeque<Row>,
    held: Held,
    /// The hop's type read in stored order instead, when the plan chose it and the
    /// columns allow it (`stored_rel_fold.rs`).
    stored: Option<StoredRelFold>,
    /// What folding a scan a batch at a time keeps between batches (`group_fold_batch.rs`).
    batch: BatchFold,
    /// The values of the keys that read only the expanded node, for the node being folded.
    node_keys: NodeKeys,
    /// A written-out list's items, for a DISTINCT count, reused from input to input.
    items: Vec<Value>,
    /// The groups of the inputs folded so far (of the current run, with `runs`).
    groups: Groups,
    /// The slots the input's rows come clustered by that a key or a DISTINCT argument reads
    /// bare (`group_runs.rs`): each run's groups handed on at its end, or values counted
    /// once per run.
    runs: Runs,
    /// Every input read and its last groups made rows.
    done: bool,
    /// A second grouping that takes the groups instead of their rows (`group_levels.rs`).
    regroup: Option<Regroup>,
    /// Per aggregate, the step of a folded `reduce` (`aggregate_reduce.rs`).
    reducers: Vec<Option<Reducer>>,
    /// The groups are kept at the end, not made rows: the fold of one range of a split
    /// scan, whose groups are merged with the other ranges' (`split_fold.rs`).
    keeps_groups: bool,
}

/// Over an expansion, the values of the keys that read nothing the hop binds (`c.name`
/// beside `a.year` over `(c)<-[]-(a)`): each is computed once per expanded node, when its
/// first relationship makes a new group, and kept for the node's other new groups, instead
/// of reading (and copying) the same value again for each.
struct NodeKeys {
    /// Per key: `None` for a key that reads what the hop binds; else its value for the
    /// current node, once computed.
    values: Vec<Option<Option<Value>>>,
}

impl NodeKeys {
    fn new(keys: &[(Slot, Expr)], walk: &Walk) -> NodeKeys {
        let Walk::Hop(hop) = walk else { return NodeKeys { values: Vec::new() } };
        let bound = [hop.slots.rel, hop.slots.to];
        NodeKeys { values: keys.iter().map(|(_, e)| (!reads_any(e, &bound)).then_some(None)).collect() }
    }

    /// The kept value of key `i` (`Some(None)`: not computed yet for this node), or `None`
    /// when the key is computed for each input.
    fn get_mut(&mut self, i: usize) -> Option<&mut Option<Value>> {
        self.values.get_mut(i).and_then(Option::as_mut)
    }

    /// A new node: its keys not computed yet.
    fn forget(&mut self) {
        self.values.iter_mut().flatten().for_each(|value| *value = None);
    }
}

/// What the fold visits for each input row.
enum Walk {
    /// The scanned node in `node`: one input each.
    Scan { node: Slot },
    /// Each relationship of the node in `slots.from` that the expansion gives.
    Hop(Box<HopWalk>),
}

impl Walk {
    /// The slots of the entities the fold binds for each input.
    fn bound(&self) -> Vec<Slot> {
        match self {
            Walk::Scan { node } => vec![*node],
            Walk::Hop(hop) => vec![hop.slots.from, hop.slots.rel, hop.slots.to],
        }
    }
}

struct HopWalk {
    slots: ExpandSlots,
    direction: Direction,
    types: TypeFilter,
    filter: FusedFilter,
    /// Under PROFILE, the expansion's counter: it gets the relationships folded.
    counter: Option<(Counters, usize)>,
    /// The relationships of the current node, reused from node to node.
    entries: Vec<RelEntry>,
    /// The relationship's properties the keys, arguments or filter read, each read for all
    /// of a node's relationships before they are folded (`Graph::touch_rel_numbers`).
    rel_reads: Vec<PropKeyRef>,
    /// The order the filter's conjuncts narrow a node's relationships in ([`HopWalk::narrowed`]).
    narrowing: Narrowing,
}

/// From this many relationships on, a node's are tested by the filter a column at a
/// time ([`HopWalk::narrowed`]); fewer cost more in columns gathered than they save.
const NARROW_AT: usize = 64;

impl HopWalk {
    /// The indices (ascending) of `from`'s relationships in `entries` that pass the
    /// filter, tested down columns: each conjunct over the candidates the ones before it
    /// kept, a condition over the relationship and its far node a block at a time
    /// (`column_expr/fold_block.rs`), as a relationship-type scan tests its chunks. `None`
    /// (the caller tests them one by one) for a node with few relationships, a filter
    /// that reads more than the candidates and the row, a bound far node or
    /// relationship, or an error: testing one by one then raises it where the row path
    /// does, between the groups' own errors.
    fn narrowed(&mut self, entries: &[RelEntry], from: NodeId, row: &Row, graph: &Graph) -> Option<Vec<u32>> {
        let ExpandSlots { rel, to, into, rel_bound, .. } = self.slots;
        if entries.len() < NARROW_AT || self.filter.is_empty() || into || rel_bound {
            return None;
        }
        if !self.filter.reads_only(&[rel, to]) {
            return None;
        }
        let rels = entries.iter().map(|e| e.id).collect();
        let tos = entries.iter().map(|e| if e.start == from { e.end } else { e.start }).collect();
        let candidates =
            Candidates { columns: vec![(rel, Ids::Rels(rels)), (to, Ids::Nodes(tos))], tags: vec![0; entries.len()] };
        let rel_type = match self.types.ids(graph) {
            Some([ty]) => Some(*ty),
            _ => None,
        };
        self.filter.narrow(row, &candidates, rel_type, graph, &mut self.narrowing).ok()
    }
}

/// How an aggregate takes each input.
enum Arg {
    /// `count(*)`: one more.
    Rows,
    Value(FoldValue),
}

/// How the group of an input is found.
enum Grouping {
    /// No key reads what the expansion binds: once per expanded node.
    PerNode,
    /// Every key reads only `slot.key`: once per distinct value of it.
    ByProperty { slot: Slot, key: PropKeyRef, expr: Expr, groups: foldhash::HashMap<Cell, usize> },
    /// Every key reads only `node`'s labels: once per label set.
    ByLabelSet { node: Slot, groups: Vec<Option<usize>> },
    /// Every key reads only properties or entities the fold binds: once per distinct
    /// combination of what they read (`group_cells.rs`).
    ByCells(CellGroups),
    /// Every key is compiled to a program: by the words of what the programs give
    /// (`group_program.rs`); `then` once the programs are found not to pay.
    ByProgram { programs: ProgramGroups, then: Box<Grouping> },
    /// Every key is a literal (`RETURN 'old' AS kind, count(*)`): one group, found by the
    /// keys' values at the first input and kept.
    Constant { group: Option<usize> },
    /// The keys evaluated for each input.
    Each,
}

/// The `GroupFold` itself, for `split_fold.rs` and for a second grouping over it
/// (`group_levels.rs`).
pub(super) fn build_fold(
    input: &LogicalOp,
    (keys, aggregates): (&[(Slot, Expr)], &[AggregateCall]),
    order: FoldOrder,
    at: &BuildCtx,
) -> Result<GroupFold> {
    let stored = match (order, input) {
        (FoldOrder::StoredRels, LogicalOp::Expand { hop, .. }) => {
            StoredRelFold::new(hop, None, aggregates, at.counters.clone().map(|c| (c, at.index + 1)))
        }
        (FoldOrder::StoredRels, LogicalOp::FilteredExpand { hop, predicate, .. }) => {
            let counter = at.counters.clone().map(|c| (c, at.index + 1));
            StoredRelFold::new(hop, Some(predicate), aggregates, counter)
        }
        _ => None,
    };
    let (below, walk) = match input {
        LogicalOp::Expand { input: below, hop } | LogicalOp::FilteredExpand { input: below, hop, .. } => {
            let filter = match input {
                LogicalOp::FilteredExpand { predicate, .. } => {
                    FusedFilter::new(predicate, None).with_row_constants_for(&[hop.rel, hop.to])
                }
                _ => FusedFilter::default(),
            };
            let predicate = match input {
                LogicalOp::FilteredExpand { predicate, .. } => Some(predicate),
                _ => None,
            };
            let read = keys.iter().map(|(_, e)| e).chain(aggregates.iter().flat_map(|a| a.arg.iter())).chain(predicate);
            let walk = HopWalk {
                slots: ExpandSlots::of(hop),
                direction: crate::exec::pattern::direction(hop.direction),
                types: TypeFilter::new(hop.types.clone()),
                filter,
                counter: at.counters.clone().map(|c| (c, at.index + 1)),
                entries: Vec::new(),
                rel_reads: rel_properties(read, hop.rel),

                narrowing: Narrowing::default(),
            };
            (super::build(below, &at.child(2))?, Walk::Hop(Box::new(walk)))
        }
        LogicalOp::NodeScan { slot, .. } | LogicalOp::FilteredScan { slot, .. } => {
            (super::build(input, &at.child(1))?, Walk::Scan { node: *slot })
        }
        _ => return Err(Error::internal("a GroupFold over neither a scan nor an expansion")),
    };
    let mut fold = GroupFold::new(below, walk, keys.to_vec(), aggregates.to_vec());
    if stored.is_none() {
        fold.runs = Runs::new(keys, aggregates, input);
    }
    fold.stored = stored;
    Ok(fold)
}

impl GroupFold {
    fn new(input: Box<dyn Operator>, walk: Walk, keys: Vec<(Slot, Expr)>, aggregates: Vec<AggregateCall>) -> Self {
        let bound = walk.bound();
        let key_values: Vec<FoldValue> = keys.iter().map(|(_, e)| FoldValue::over(e, &bound)).collect();
        let args = aggregates
            .iter()
            .map(|call| match (&call.function, &call.arg) {
                (AggregateFunction::CountStar, _) | (_, None) => Arg::Rows,
                (_, Some(arg)) => Arg::Value(FoldValue::over(arg, &bound)),
            })
            .collect();
        let (grouping, programs_after_cells) = grouping(&keys, &key_values, &walk);
        let node_keys = NodeKeys::new(&keys, &walk);
        let reducers = Reducer::for_calls(&aggregates);
        GroupFold {
            input,
            walk,
            keys,
            key_values,
            aggregates,
            args,
            grouping,
            programs_after_cells,
            key: Vec::new(),
            output: std::collections::VecDeque::new(),
            held: Held::default(),
            stored: None,
            batch: BatchFold::default(),
            node_keys,
            items: Vec::new(),
            groups: Groups::default(),
            runs: Runs::default(),
            done: false,
            regroup: None,
            reducers,
            keeps_groups: false,
        }
    }

    /// Whether the fold can run over ranges of its scan, each on a thread of its own, its
    /// groups merged in range order (`split_fold.rs`): not in stored order, by runs, into a
    /// second grouping, nor with an aggregate whose states do not merge exactly.
    pub(super) fn splits(&self) -> bool {
        self.stored.is_none()
            && self.runs.is_empty()
            && self.regroup.is_none()
            && self.reducers.iter().all(Option::is_none)
            && self.aggregates.iter().all(super::aggregate::mergeable)
    }

    /// Folds every input and gives the groups, not rows.
    pub(super) fn into_groups(mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Groups> {
        self.keeps_groups = true;
        while !self.done {
            self.fill(ctx)?;
        }
        Ok(std::mem::take(&mut self.groups))
    }

    /// The groups given to `regroup` instead of made rows; its rows come at the end.
    pub(super) fn regrouping(self, regroup: Regroup) -> GroupFold {
        GroupFold { regroup: Some(regroup), ..self }
    }

    /// Folds inputs until some groups are made rows (`output`): all of them once every
    /// input is read, or, with `runs`, those of each run that ends.
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        let mut groups = std::mem::take(&mut self.groups);
        let res = self.fold_some(&mut groups, ctx);
        self.groups = groups;
        res
    }

    fn fold_some(&mut self, groups: &mut Groups, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        if let Some(stored) = self.stored.as_mut().filter(|s| s.applies(ctx.graph())) {
            stored.fold(&mut *self.input, (&mut self.key_values, &self.aggregates), groups, ctx)?;
            return self.finish(groups, ctx);
        }
        let node = match &self.walk {
            Walk::Scan { node } => *node,
            Walk::Hop(hop) => hop.slots.from,
        };
        while self.output.is_empty() {
            if !self.input.gives_batches() {
                let Some(row) = self.input.next(ctx)? else { return self.finish(groups, ctx) };
                self.enter_run(&row, None, groups, ctx)?;
                self.fold_row(groups, row, node, ctx)?;
                continue;
            }
            let Some(batch) = self.input.next_batch(ctx)? else { return self.finish(groups, ctx) };
            match batch.into_nodes_of(node) {
                Ok((row, nodes)) => {
                    let mut working = Working::new(row);
                    if self.runs.is_empty() && self.fold_batch(groups, &mut working, (node, &nodes), ctx.graph())? {
                        continue;
                    }
                    for id in nodes {
                        self.enter_run(working.input_row(), Some((node, id)), groups, ctx)?;
                        self.fold_node(groups, &mut working, node, id, ctx)?;
                    }
                }
                Err(batch) => {
                    for row in batch.into_rows() {
                        self.enter_run(&row, None, groups, ctx)?;
                        self.fold_row(groups, row, node, ctx)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The last groups made rows: every input is read.
    fn finish(&mut self, groups: &mut Groups, ctx: &ExecCtx<'_, '_>) -> Result<()> {
        self.done = true;
        if self.keeps_groups {
            return Ok(());
        }
        self.hand_on(std::mem::take(groups), ctx)?;
        let Some(regroup) = self.regroup.take() else { return Ok(()) };
        let (rows, held) = regroup.into_rows(ctx)?;
        self.keep_rows(rows, held)
    }

    /// Follows the `runs` to the input `row` (its node `id` in the slot walked, for a
    /// batch's): when a key's run ends there, its groups are made rows.
    fn enter_run(
        &mut self,
        row: &Row,
        node: Option<(Slot, NodeId)>,
        groups: &mut Groups,
        ctx: &ExecCtx<'_, '_>,
    ) -> Result<()> {
        if self.runs.is_empty() || !self.runs.follow(row, node) || groups.len() == 0 {
            return Ok(());
        }
        // The caches name groups of the run that ended.
        self.grouping.forget_groups();
        self.hand_on(std::mem::take(groups), ctx)
    }

    /// `groups` made rows, after the rows not handed on yet; their memory stays counted
    /// while the rows wait.
    fn hand_on(&mut self, groups: Groups, ctx: &ExecCtx<'_, '_>) -> Result<()> {
        if let Some(regroup) = &mut self.regroup {
            // The groups go into the second grouping: nothing waits to be handed on.
            groups.for_each_group(&self.aggregates, ctx, |key, finals| regroup.take(key, finals))?;
            return Ok(());
        }
        let (rows, held) = groups.into_rows(&self.keys, &self.aggregates, ctx)?;
        self.keep_rows(rows, held)
    }

    /// `rows` wait to be handed on, their memory `held` counted meanwhile.
    fn keep_rows(&mut self, rows: Vec<Row>, held: Held) -> Result<()> {
        let bytes = held.bytes();
        drop(held);
        self.held.add(bytes)?;
        self.output.extend(rows);
        Ok(())
    }

    /// Folds what one input row gives, its node in `node` (rows without one give nothing,
    /// as an expansion gives nothing for them).
    fn fold_row(&mut self, groups: &mut Groups, row: Row, node: Slot, ctx: &ExecCtx<'_, '_>) -> Result<()> {
        match (&self.walk, row.get(node)) {
            (Walk::Hop(_) | Walk::Scan { .. }, Value::Node(id)) => {
                let id = *id;
                self.fold_node(groups, &mut Working::new(row), node, id, ctx)
            }
            (Walk::Hop(_), _) => Ok(()),
            (Walk::Scan { .. }, _) => {
                let mut working = Working::new(row);
                let group = self.group(groups, &mut working, ctx.graph())?;
                self.add(groups, group, &mut working, ctx.graph())
            }
        }
    }

    /// Folds the node `id` of `node`: itself (a scan), or each relationship of it that the
    /// expansion gives.
    fn fold_node(
        &mut self,
        groups: &mut Groups,
        working: &mut Working,
        node: Slot,
        id: NodeId,
        ctx: &ExecCtx<'_, '_>,
    ) -> Result<()> {
        let graph = ctx.graph();
        working.bind(node, Entity::Node(id));
        let Walk::Hop(hop) = &mut self.walk else {
            let group = self.group(groups, working, graph)?;
            return self.add(groups, group, working, graph);
        };
        // The row holds the node for the expansion's filter, whose comparisons with the
        // node's values (`b.year = a.year`) are compiled for it, as `Expand` does.
        hop.filter.set_row(working.input_row(), graph);
        self.node_keys.forget();
        let mut entries = std::mem::take(&mut hop.entries);
        entries.clear();
        entries.extend(graph.rels_of_types(id, hop.direction, hop.types.ids(graph)));
        if entries.len() >= MIN_TOUCHED {
            for key in hop.rel_reads.iter().filter_map(|key| key.resolve(graph.catalog())) {
                graph.touch_rel_numbers(&entries, key);
            }
        }
        let narrowed = match &mut self.walk {
            Walk::Hop(hop) => hop.narrowed(&entries, id, working.unsynced_row(), graph),
            Walk::Scan { .. } => None,
        };
        let mut kept = narrowed.as_deref().map(|k| k.iter().peekable());
        let mut node_group = None;
        let mut folded = 0_u64;
        for (k, entry) in entries.iter().enumerate() {
            ctx.cancel.tick()?;
            let Walk::Hop(hop) = &mut self.walk else { break };
            // Not written in for each relationship: the filter takes the candidates beside it.
            let row = working.unsynced_row();
            let Some(bound) = hop.slots.candidate(row, id, entry) else { continue };
            let passes = match &mut kept {
                Some(kept) => kept.next_if_eq(&&(k as u32)).is_some(),
                None => hop.filter.passes(row, &bound, graph)?,
            };
            if !passes {
                continue;
            }
            for (slot, entity) in bound {
                working.bind(slot, entity);
            }
            folded += 1;
            let group = match (&self.grouping, node_group) {
                (Grouping::PerNode, Some(group)) => group,
                _ => self.group(groups, working, graph)?,
            };
            node_group = Some(group);
            self.add(groups, group, working, graph)?;
        }
        if let Walk::Hop(hop) = &mut self.walk {
            hop.entries = entries;
            if let Some((counters, index)) = &hop.counter {
                counters.record(*index, folded, std::time::Duration::ZERO);
            }
        }
        Ok(())
    }

    /// The group of the input `working` holds, made when it is new.
    fn group(&mut self, groups: &mut Groups, working: &mut Working, graph: &Graph) -> Result<usize> {
        if matches!(&self.grouping, Grouping::ByCells(cells) if cells.is_off()) {
            if let Some(programs) = self.programs_after_cells.take() {
                self.grouping = Grouping::ByProgram { programs, then: Box::new(Grouping::Each) };
            }
        }
        if let Grouping::ByProgram { programs, then } = &mut self.grouping {
            if programs.is_off() {
                self.grouping = std::mem::replace(&mut **then, Grouping::Each);
            } else {
                return self.group_by_programs(groups, working, graph);
            }
        }
        let cell = match &mut self.grouping {
            Grouping::ByProperty { slot, key, expr, groups: cached } => {
                let cell = working.property_cell(*slot, key, graph, expr)?;
                if let Some(&group) = cell.as_ref().and_then(|c| cached.get(c)) {
                    return Ok(group);
                }
                cell.map(Cached::Cell)
            }
            Grouping::ByLabelSet { node, groups: cached } => {
                let set = working.label_set(*node, graph);
                if let Some(&Some(group)) = set.and_then(|s| cached.get(s)) {
                    return Ok(group);
                }
                set.map(Cached::Set)
            }
            Grouping::ByCells(cells) => match cells.find(working, graph) {
                (Some(group), _) => return Ok(group),
                (None, packed) => packed.then_some(Cached::Words),
            },
            Grouping::Constant { group: Some(group) } => return Ok(*group),
            Grouping::PerNode | Grouping::Each | Grouping::ByProgram { .. } | Grouping::Constant { .. } => None,
        };
        let group = self.group_by_keys(groups, working, graph)?;
        match (&mut self.grouping, cell) {
            (Grouping::ByProperty { groups: cached, .. }, Some(Cached::Cell(cell)))
                if cached.len() < MAX_CACHED_GROUPS =>
            {
                // The cell and its slot in the table; a group is made for at most this many
                // cells (values of one property), so the cache grows with the groups.
                let bytes = 48 + if let Cell::Str(text) = &cell { text.len() as u64 } else { 0 };
                cached.insert(cell, group);
                groups.hold(bytes)?;
            }
            (Grouping::ByLabelSet { groups: cached, .. }, Some(Cached::Set(set))) => {
                if cached.len() <= set {
                    cached.resize(set + 1, None);
                }
                cached[set] = Some(group);
            }
            (Grouping::ByCells(cells), Some(Cached::Words)) => {
                let bytes = cells.remember(group);
                groups.hold(bytes)?;
            }
            (Grouping::Constant { group: cached }, _) => *cached = Some(group),
            _ => {}
        }
        Ok(group)
    }

    /// The group of the input `working` holds, found by the words of its compiled keys'
    /// values, or made from those values when new; by the interpreter's values when a
    /// program leaves a key to it.
    fn group_by_programs(&mut self, groups: &mut Groups, working: &mut Working, graph: &Graph) -> Result<usize> {
        let Grouping::ByProgram { programs, .. } = &mut self.grouping else {
            return self.group_by_keys(groups, working, graph);
        };
        match programs.find(working.bound(), graph) {
            Found::Group(group) => Ok(group),
            Found::Deferred => self.group_by_keys(groups, working, graph),
            Found::New => {
                programs.values(graph, &mut self.key);
                let group = group_of_key(groups, &self.key, &self.aggregates)?;
                groups.hold(programs.remember(group))?;
                Ok(group)
            }
        }
    }

    /// The group of the keys' values for `working`, made when it is new (its memory counted).
    fn group_by_keys(&mut self, groups: &mut Groups, working: &mut Working, graph: &Graph) -> Result<usize> {
        self.key.clear();
        for (i, value) in self.key_values.iter_mut().enumerate() {
            let key = match self.node_keys.get_mut(i) {
                Some(Some(known)) => known.clone(),
                Some(unknown) => unknown.insert(value.value(working, graph)?).clone(),
                None => value.value(working, graph)?,
            };
            self.key.push(key);
        }
        group_of_key(groups, &self.key, &self.aggregates)
    }

    /// Adds the input `working` holds to `group`'s aggregates.
    fn add(&mut self, groups: &mut Groups, group: usize, working: &mut Working, graph: &Graph) -> Result<()> {
        let states = groups.states_of(group, self.aggregates.len());
        let mut bytes = 0;
        for (i, ((call, arg), state)) in self.aggregates.iter().zip(&mut self.args).zip(states).enumerate() {
            if let (Some(reducer), Arg::Value(value)) = (&mut self.reducers[i], &mut *arg) {
                bytes += state.reduce(call, reducer, value.value(working, graph)?, graph)?;
                continue;
            }
            if let Some(extra) = &call.extra {
                // A percentile's fraction, from the group's first input, as `State::update` takes it.
                state.take_percentile_once(|| eval(extra, working.row(), graph))?;
            }
            match arg {
                Arg::Rows => state.count_row(),
                Arg::Value(value) => {
                    // `min`/`max` of a string property compare it in place, a copy made only
                    // of a new best.
                    let extreme = matches!(call.function, AggregateFunction::Min | AggregateFunction::Max);
                    if extreme && value.bound_str(working, graph).is_some_and(|text| state.add_str(call, text)) {
                        continue;
                    }
                    // `count(DISTINCT [a.id, o.id])`: the items packed, the list made only
                    // when they do not pack.
                    let distinct_count = call.distinct && call.function == AggregateFunction::Count;
                    if distinct_count && value.list_items(working, graph, &mut self.items)? {
                        bytes += match pack_list(&self.items) {
                            Some(words) => state.add_packed(words),
                            None => state.add(call, &Value::list(self.items.clone())),
                        };
                        continue;
                    }
                    if let Some(run) = self.runs.of_arg(i) {
                        bytes += state.add_in_run(call, &value.value(working, graph)?, run);
                        continue;
                    }
                    bytes += state.add(call, &value.value(working, graph)?);
                }
            }
        }
        if bytes > 0 {
            groups.hold(bytes)?;
        }
        Ok(())
    }
}

/// The properties of `rel` that `exprs` read (each once).
fn rel_properties<'e>(exprs: impl Iterator<Item = &'e Expr>, rel: Slot) -> Vec<PropKeyRef> {
    let mut keys: Vec<PropKeyRef> = Vec::new();
    for expr in exprs {
        expr.visit(&mut |e| {
            if let ExprKind::Property(owner, key) = &e.kind {
                if owner.kind == ExprKind::Slot(rel) && !keys.iter().any(|k| k.name == key.name) {
                    keys.push(key.clone());
                }
            }
        });
    }
    keys
}

/// The group of the keys' values `key`, made when it is new (its memory counted).
fn group_of_key(groups: &mut Groups, key: &[Value], aggregates: &[AggregateCall]) -> Result<usize> {
    let n_groups = groups.len();
    let group = groups.group_of(key, aggregates);
    if groups.len() > n_groups {
        // A new group keeps its key, its states and a slot in the table.
        let bytes = key.iter().map(memory::value_bytes).sum::<u64>();
        groups.hold(bytes + 64 * (aggregates.len() as u64 + 1))?;
    }
    Ok(group)
}

impl Grouping {
    /// Forgets the groups the caches name, for a new table of groups.
    fn forget_groups(&mut self) {
        match self {
            Grouping::ByProperty { groups, .. } => groups.clear(),
            Grouping::ByLabelSet { groups, .. } => groups.clear(),
            Grouping::ByCells(cells) => cells.forget_groups(),
            Grouping::ByProgram { programs, then } => {
                programs.forget_groups();
                then.forget_groups();
            }
            Grouping::Constant { group } => *group = None,
            Grouping::PerNode | Grouping::Each => {}
        }
    }
}

/// What a group cache keeps a group by.
enum Cached {
    Cell(Cell),
    Set(usize),
    /// The words `CellGroups` packed for the input.
    Words,
}

/// How the groups of `keys` are found over `walk`: once per expanded node when no key
/// reads what the expansion binds; by the node's id for one key of a node; when every key is compiled to a program, by the keys'
/// reads first if they can be (`(m.year - p.year) / 10 * 10` meets few pairs of years, and
/// a read of the expanded node is packed once per node) and by the programs' values once
/// those reads turn out nearly all distinct (the second of the pair), else by the
/// programs' values, but for a scan's key of one property, which the batch fold reads
/// down its column; once per property value or label set when every key reads only that,
/// else for each input.
fn grouping(keys: &[(Slot, Expr)], values: &[FoldValue], walk: &Walk) -> (Grouping, Option<ProgramGroups>) {
    if let Walk::Hop(hop) = walk {
        let bound = [hop.slots.rel, hop.slots.to];
        if keys.iter().all(|(_, e)| !reads_any(e, &bound)) {
            return (Grouping::PerNode, None);
        }
    }
    // Literal keys (a constant beside the counts of one branch of a UNION) make one group.
    if !keys.is_empty() && keys.iter().all(|(_, e)| matches!(e.kind, ExprKind::Literal(_))) {
        return (Grouping::Constant { group: None }, None);
    }
    // One node's groups are found by its id (`group_index.rs`), cheaper than by its words.
    if let [(_, Expr { kind: ExprKind::Slot(_), ty: Type::Node, .. })] = keys {
        return (Grouping::Each, None);
    }
    let then = plain_grouping(keys, values, walk);
    if matches!((walk, &then), (Walk::Scan { .. }, Grouping::ByProperty { .. })) {
        return (then, None);
    }
    let programs: Option<Vec<_>> = values.iter().map(|v| v.program().cloned()).collect();
    match (programs.and_then(ProgramGroups::new), then) {
        (Some(programs), then @ Grouping::ByCells(_)) => (then, Some(programs)),
        (Some(programs), then) => (Grouping::ByProgram { programs, then: Box::new(then) }, None),
        (None, then) => (then, None),
    }
}

/// How the groups of `keys` are found without programs.
fn plain_grouping(keys: &[(Slot, Expr)], values: &[FoldValue], walk: &Walk) -> Grouping {
    let reads: Vec<Option<(Slot, &PropKeyRef)>> = values.iter().map(FoldValue::property_read).collect();
    if let Some(Some((slot, key))) = reads.first() {
        if reads.iter().all(|r| r.is_some_and(|(s, k)| s == *slot && k.name == key.name)) {
            let (key, expr) = ((*key).clone(), keys[0].1.clone());
            return Grouping::ByProperty { slot: *slot, key, expr, groups: foldhash::HashMap::default() };
        }
    }
    let sets: Vec<Option<Slot>> = values.iter().map(FoldValue::label_set_read).collect();
    if let Some(Some(node)) = sets.first() {
        if sets.iter().all(|s| *s == Some(*node)) {
            return Grouping::ByLabelSet { node: *node, groups: Vec::new() };
        }
    }
    let bound = walk.bound();
    let exprs: Vec<&Expr> = keys.iter().map(|(_, e)| e).collect();
    match crate::planner::fold_reads(&exprs, &bound).and_then(CellGroups::new) {
        Some(cells) => Grouping::ByCells(cells),
        None => Grouping::Each,
    }
}

impl Operator for GroupFold {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(row) = self.output.pop_front() {
                return Ok(Some(row));
            }
            if self.done {
                return Ok(None);
            }
            // The rows handed on: their memory is free again.
            self.held.clear();
            self.fill(ctx)?;
        }
    }
}

//! `SemiJoinScan`: the nodes of a scan that a chain of semi-joins keyed on the scanned
//! node keeps, read from the semi-joins' sets (`optimize/semi_join_scans.rs`).
//!
//! The sets are built once, when the first input row arrives, each from its build side
//! (which reads nothing of the input row). The candidates are the smallest set that must
//! hold each row (a `Matching` one), or the union of the marked sets one of which a filter
//! above needs, in id order; each is checked for the label, the scan's condition and every
//! set, and marked. When the candidates are not much fewer than the label's nodes, the
//! label's nodes are read instead, in the same order: the rows are the same either way.

use foldhash::HashSet;

use crate::binder::bound::{LabelRef, Slot};
use crate::error::Result;
use crate::exec::memory::Held;
use crate::exec::ops::filter::FusedFilter;
use crate::exec::predicate::Entity;
use crate::exec::{ExecCtx, Operator, Row};
use crate::planner::SemiJoinOutput;
use crate::store::{Graph, LabelId, NodeId};
use crate::value::Value;

/// Candidates read one by one cost a few times a node of a scan read in order: fewer than
/// this share of the scanned nodes are read from the sets.
const READ_FROM_SETS_BELOW: usize = 4;

pub struct SemiJoinScan {
    input: Box<dyn Operator>,
    slot: Slot,
    label: Option<LabelRef>,
    filter: FusedFilter,
    /// The build sides, until they have been run into `sets`.
    builds: Vec<Box<dyn Operator>>,
    outputs: Vec<SemiJoinOutput>,
    any_of: Vec<Slot>,
    sets: Vec<HashSet<NodeId>>,
    held: Held,
    /// The input row being extended, the candidates, and the next one to look at.
    current: Option<Row>,
    nodes: Vec<NodeId>,
    next: usize,
}

impl SemiJoinScan {
    pub fn new(
        input: Box<dyn Operator>,
        (slot, label): (Slot, Option<LabelRef>),
        filter: FusedFilter,
        builds: Vec<Box<dyn Operator>>,
        (outputs, any_of): (Vec<SemiJoinOutput>, Vec<Slot>),
    ) -> SemiJoinScan {
        SemiJoinScan {
            input,
            slot,
            label,
            filter,
            builds,
            outputs,
            any_of,
            sets: Vec::new(),
            held: Held::default(),
            current: None,
            nodes: Vec::new(),
            next: 0,
        }
    }

    /// Runs each build side to its end into its set of nodes (a null key adds nothing).
    fn fill(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<()> {
        for mut build in std::mem::take(&mut self.builds) {
            let mut set = HashSet::default();
            while let Some(row) = build.next(ctx)? {
                ctx.cancel.tick()?;
                if let Value::Node(node) = row.get(self.slot) {
                    if set.insert(*node) {
                        self.held.add(16)?;
                    }
                }
            }
            self.sets.push(set);
        }
        Ok(())
    }

    /// The sets one of which holds every row: the smallest `Matching` one, else the marked
    /// ones a filter above needs one of.
    fn driving_sets(&self) -> Vec<&HashSet<NodeId>> {
        let matching = self.sets.iter().zip(&self.outputs).filter(|(_, o)| **o == SemiJoinOutput::Matching);
        if let Some((smallest, _)) = matching.min_by_key(|(set, _)| set.len()) {
            return vec![smallest];
        }
        let marked = |o: &SemiJoinOutput| matches!(o, SemiJoinOutput::Mark(m) if self.any_of.contains(m));
        self.sets.iter().zip(&self.outputs).filter(|(_, o)| marked(o)).map(|(set, _)| set).collect()
    }

    /// The candidates, in id order: the driving sets' nodes, or the label's when those are
    /// not much fewer.
    fn candidates(&self, graph: &Graph, label: Option<LabelId>) -> Vec<NodeId> {
        let driving = self.driving_sets();
        let scanned = label.map_or(graph.node_count(), |l| graph.label_count(l));
        let n_driving: usize = driving.iter().map(|s| s.len()).sum();
        if n_driving.saturating_mul(READ_FROM_SETS_BELOW) >= scanned {
            return match label {
                Some(l) => graph.nodes_with_label_vec(l),
                None => graph.node_ids().collect(),
            };
        }
        let mut nodes: Vec<NodeId> = driving.into_iter().flatten().copied().collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// Whether the chain keeps `node`: in every `Matching` set, in no `NotMatching` one,
    /// and in one of the `any_of` marks' sets.
    fn kept(&self, node: NodeId) -> bool {
        let mut in_any = self.any_of.is_empty();
        for (set, output) in self.sets.iter().zip(&self.outputs) {
            let found = set.contains(&node);
            match output {
                SemiJoinOutput::Matching if !found => return false,
                SemiJoinOutput::NotMatching if found => return false,
                SemiJoinOutput::Mark(m) if found && self.any_of.contains(m) => in_any = true,
                _ => {}
            }
        }
        in_any
    }

    /// Takes the next input row and its candidates; false when the input is done.
    fn start(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<bool> {
        let Some(row) = self.input.next(ctx)? else { return Ok(false) };
        self.fill(ctx)?;
        let graph = ctx.graph();
        self.nodes = match self.label.as_ref().map(|l| l.resolve(graph.catalog())) {
            Some(None) => Vec::new(),
            Some(Some(label)) => self.candidates(graph, Some(label)),
            None => self.candidates(graph, None),
        };
        self.next = 0;
        self.current = Some(row);
        Ok(true)
    }

    /// The next candidate the chain keeps, with its marks set in `row`.
    fn next_kept(&mut self, row: &mut Row, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<NodeId>> {
        let graph = ctx.graph();
        let label = self.label.as_ref().and_then(|l| l.resolve(graph.catalog()));
        while let Some(&node) = self.nodes.get(self.next) {
            self.next += 1;
            ctx.cancel.tick()?;
            let labelled = label.is_none_or(|l| graph.node_has_label(node, l));
            if !(graph.contains_node(node) && labelled && self.kept(node)) {
                continue;
            }
            if !self.filter.passes(row, &[(self.slot, Entity::Node(node))], graph)? {
                continue;
            }
            for (set, output) in self.sets.iter().zip(&self.outputs) {
                if let SemiJoinOutput::Mark(mark) = output {
                    row.set(*mark, Value::Bool(set.contains(&node)));
                }
            }
            return Ok(Some(node));
        }
        Ok(None)
    }
}

impl Operator for SemiJoinScan {
    fn next(&mut self, ctx: &mut ExecCtx<'_, '_>) -> Result<Option<Row>> {
        loop {
            if let Some(mut row) = self.current.take() {
                if let Some(node) = self.next_kept(&mut row, ctx)? {
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

    fn rewind(&mut self) -> bool {
        self.current = None;
        self.input.rewind()
    }
}

//! A type's outgoing arrays as a snapshot keeps them ([`TypeLayout`]), and the two ways
//! between them and the adjacency: a snapshot's writer asks for each type's layout, and
//! a load takes the layouts over and builds only the incoming arrays from them.

use std::collections::HashMap;

use super::{span, Adjacency, Locator, RelIds, Runs, Side, TypeRuns};
use crate::store::index::BitSet;
use crate::store::{NodeId, RelId, RelTypeId};

/// One type's outgoing arrays as a snapshot keeps them: its relationships in (start
/// node, id) order. A load takes the vectors over as they are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeLayout {
    /// The first id when the ids are consecutive in this order; else `ids` lists them.
    pub first: Option<u32>,
    pub ids: Vec<u32>,
    /// Sparse runs name their nodes (ascending); dense ones cover `base..` one by one.
    pub nodes: Option<Vec<u32>>,
    pub base: u32,
    /// Where each node's run starts, and the end of the last.
    pub offsets: Vec<u32>,
    /// The end node at each position.
    pub others: Vec<u32>,
}

impl TypeLayout {
    /// The layout of relationships `(start, id, end)` sorted by (start, id).
    pub(super) fn of_sorted(rels: &[(u32, u32, u32)]) -> TypeLayout {
        let Some((lo, hi)) = span(rels.iter().map(|r| r.0)) else { return TypeLayout::default() };
        let width = (hi - lo) as usize + 1;
        let mut layout = TypeLayout::default();
        if width <= 2 * rels.len() {
            layout.base = lo;
            layout.offsets = vec![0u32; width + 1];
            for r in rels {
                layout.offsets[(r.0 - lo) as usize + 1] += 1;
            }
            for k in 1..layout.offsets.len() {
                layout.offsets[k] += layout.offsets[k - 1];
            }
        } else {
            let (mut nodes, mut offsets) = (Vec::new(), Vec::new());
            for (k, r) in rels.iter().enumerate() {
                if nodes.last() != Some(&r.0) {
                    nodes.push(r.0);
                    offsets.push(k as u32);
                }
            }
            offsets.push(rels.len() as u32);
            (layout.nodes, layout.offsets) = (Some(nodes), offsets);
        }
        layout.others = rels.iter().map(|r| r.2).collect();
        let first = rels[0].1;
        if rels.iter().enumerate().all(|(k, r)| r.1 == first.wrapping_add(k as u32)) {
            layout.first = Some(first);
        } else {
            layout.ids = rels.iter().map(|r| r.1).collect();
        }
        layout
    }

    /// Whether the arrays fit: offsets from 0 up to the number of positions, nodes
    /// ascending below `node_bound`, far nodes below it, ids below `id_bound`.
    pub(super) fn fits(&self, node_bound: usize, id_bound: u32) -> bool {
        let n = self.others.len();
        let offsets_fit = self.offsets.first().is_none_or(|&o| o == 0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self.offsets.last().map_or(n == 0, |&o| o as usize == n);
        let runs_fit = match &self.nodes {
            Some(nodes) => {
                nodes.len() + 1 == self.offsets.len()
                    && nodes.windows(2).all(|w| w[0] < w[1])
                    && nodes.last().is_none_or(|&x| (x as usize) < node_bound)
            }
            None => self.base as usize + self.offsets.len().saturating_sub(1) <= node_bound,
        };
        let ids_fit = match self.first {
            Some(first) => u64::from(first) + n as u64 <= u64::from(id_bound),
            None => self.ids.len() == n && self.ids.iter().all(|&id| id < id_bound),
        };
        offsets_fit && runs_fit && ids_fit && self.others.iter().all(|&x| (x as usize) < node_bound)
    }

    /// The runs, checked ([`TypeLayout::fits`]).
    fn into_runs(self, node_bound: usize, id_bound: u32) -> Option<TypeRuns> {
        self.fits(node_bound, id_bound).then(|| self.runs())
    }

    /// The runs, unchecked (arrays this store made).
    pub(super) fn runs(self) -> TypeRuns {
        let runs = match self.nodes {
            Some(nodes) => Runs::Sparse { nodes, offsets: self.offsets },
            None => Runs::Dense { base: self.base, offsets: self.offsets },
        };
        let ids = match self.first {
            Some(first) => RelIds::Consecutive { first },
            None => RelIds::Listed(self.ids.into_iter().map(RelId).collect()),
        };
        TypeRuns { runs, others: self.others.into_iter().map(NodeId).collect(), ids }
    }

    /// Each position with its start and end node, in order.
    pub(in crate::store) fn positions(&self) -> impl Iterator<Item = (u32, u32, u32)> + '_ {
        let n_runs = self.offsets.len().saturating_sub(1);
        (0..n_runs).flat_map(move |i| {
            let node = match &self.nodes {
                Some(nodes) => nodes.get(i).copied().unwrap_or(0),
                None => self.base + i as u32,
            };
            let (lo, hi) = (self.offsets[i], self.offsets[i + 1]);
            (lo..hi).filter_map(move |pos| self.others.get(pos as usize).map(|&end| (pos, node, end)))
        })
    }
}

impl TypeRuns {
    /// These arrays as a snapshot keeps them.
    pub(super) fn to_layout(&self) -> TypeLayout {
        if self.others.is_empty() {
            return TypeLayout::default();
        }
        let mut layout = TypeLayout { others: self.others.iter().map(|x| x.0).collect(), ..TypeLayout::default() };
        match &self.runs {
            Runs::Dense { base, offsets } => (layout.base, layout.offsets) = (*base, offsets.clone()),
            Runs::Sparse { nodes, offsets } => (layout.nodes, layout.offsets) = (Some(nodes.clone()), offsets.clone()),
        }
        match &self.ids {
            RelIds::Consecutive { first } => layout.first = Some(*first),
            RelIds::Listed(ids) => layout.ids = ids.iter().map(|id| id.0).collect(),
        }
        layout
    }

    /// The node of each position, in order.
    fn starts(&self) -> Vec<u32> {
        let mut starts = Vec::with_capacity(self.others.len());
        let mut fill =
            |node: u32, lo: u32, hi: u32| starts.extend(std::iter::repeat_n(node, hi.saturating_sub(lo) as usize));
        match &self.runs {
            Runs::Dense { base, offsets } => {
                for (i, w) in offsets.windows(2).enumerate() {
                    fill(base + i as u32, w[0], w[1]);
                }
            }
            Runs::Sparse { nodes, offsets } => {
                for (&node, w) in nodes.iter().zip(offsets.windows(2)) {
                    fill(node, w[0], w[1]);
                }
            }
        }
        starts
    }

    /// The relationship at each position.
    fn id_at(&self, pos: usize) -> RelId {
        match &self.ids {
            RelIds::Consecutive { first } => RelId(first + pos as u32),
            RelIds::Listed(ids) => ids.get(pos).copied().unwrap_or(RelId(0)),
        }
    }

    /// Each node's run: (node, first position, end position), in node order.
    fn node_runs(&self) -> Vec<(u32, u32, u32)> {
        match &self.runs {
            Runs::Dense { base, offsets } => offsets
                .windows(2)
                .enumerate()
                .filter(|(_, w)| w[0] < w[1])
                .map(|(i, w)| (base + i as u32, w[0], w[1]))
                .collect(),
            Runs::Sparse { nodes, offsets } => {
                nodes.iter().zip(offsets.windows(2)).map(|(&node, w)| (node, w[0], w[1])).collect()
            }
        }
    }

    /// The incoming runs of these outgoing ones: the same relationships by end node,
    /// each node's run in id order. A counting sort by end node; what it holds besides
    /// the result is one cursor per end node (and, for listed ids, their order).
    pub(super) fn incoming(&self) -> TypeRuns {
        let n = self.others.len();
        let Some((lo, hi)) = span(self.others.iter().map(|x| x.0)) else { return TypeRuns::EMPTY };
        let width = (hi - lo) as usize + 1;
        let sparse_nodes: Option<Vec<u32>> = (width > 2 * n).then(|| {
            let mut nodes: Vec<u32> = self.others.iter().map(|x| x.0).collect();
            nodes.sort_unstable();
            nodes.dedup();
            nodes.shrink_to_fit();
            nodes
        });
        let slot = |end: NodeId| -> usize {
            match &sparse_nodes {
                Some(nodes) => nodes.binary_search(&end.0).unwrap_or(0),
                None => (end.0 - lo) as usize,
            }
        };
        let n_slots = sparse_nodes.as_ref().map_or(width, Vec::len);
        let mut offsets = vec![0u32; n_slots + 1];
        for &x in &self.others {
            offsets[slot(x) + 1] += 1;
        }
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        let mut cursor = offsets[..n_slots].to_vec();
        let (mut others, mut ids) = (vec![NodeId(0); n], vec![RelId(0); n]);
        if let (None, RelIds::Consecutive { first }, Runs::Dense { base, offsets: runs }) =
            (&sparse_nodes, &self.ids, &self.runs)
        {
            // The common case (a bulk load's arrays), without a look-up per position:
            // positions in order are ids in order.
            for (i, w) in runs.windows(2).enumerate() {
                let start = NodeId(base + i as u32);
                for pos in w[0] as usize..w[1] as usize {
                    let at = &mut cursor[(self.others[pos].0 - lo) as usize];
                    others[*at as usize] = start;
                    ids[*at as usize] = RelId(first + pos as u32);
                    *at += 1;
                }
            }
            let first_id = ids[0].0;
            let ids = match ids.iter().enumerate().all(|(k, id)| id.0 == first_id.wrapping_add(k as u32)) {
                true => RelIds::Consecutive { first: first_id },
                false => RelIds::Listed(ids),
            };
            return TypeRuns { runs: Runs::Dense { base: lo, offsets }, others, ids };
        }
        let mut place = |pos: usize, start: u32| {
            let at = &mut cursor[slot(self.others[pos])];
            others[*at as usize] = NodeId(start);
            ids[*at as usize] = self.id_at(pos);
            *at += 1;
        };
        match &self.ids {
            // Positions in order are ids in order.
            RelIds::Consecutive { .. } => {
                for (node, lo, hi) in self.node_runs() {
                    for pos in lo..hi {
                        place(pos as usize, node);
                    }
                }
            }
            RelIds::Listed(listed) => {
                let starts = self.starts();
                let mut order: Vec<u32> = (0..n as u32).collect();
                order.sort_unstable_by_key(|&pos| listed[pos as usize]);
                for pos in order {
                    place(pos as usize, starts[pos as usize]);
                }
            }
        }
        let runs = match sparse_nodes {
            Some(nodes) => Runs::Sparse { nodes, offsets },
            None => Runs::Dense { base: lo, offsets },
        };
        let first = ids[0].0;
        let ids = match ids.iter().enumerate().all(|(k, id)| id.0 == first.wrapping_add(k as u32)) {
            true => RelIds::Consecutive { first },
            false => RelIds::Listed(ids),
        };
        TypeRuns { runs, others, ids }
    }
}

impl Adjacency {
    /// The adjacency of outgoing arrays a snapshot kept (`layouts[t]` being type `t`'s),
    /// the incoming ones built from them on two threads; `None` when they do not fit
    /// `node_bound` and `id_bound` or contradict each other. The caller checks that every
    /// node they name is live.
    pub fn from_layouts(node_bound: usize, id_bound: u32, layouts: Vec<TypeLayout>) -> Option<Adjacency> {
        let kept = vec![None; layouts.len()];
        Adjacency::from_layouts_keeping(node_bound, id_bound, layouts, kept)
    }

    /// [`Adjacency::from_layouts`] with some types' incoming arrays kept by the snapshot
    /// (`kept[t]`, in the same form): those are checked against the outgoing ones
    /// instead of built (`kept_incoming.rs`); `None` when one does not mirror them.
    pub fn from_layouts_keeping(
        node_bound: usize,
        id_bound: u32,
        layouts: Vec<TypeLayout>,
        kept: Vec<Option<TypeLayout>>,
    ) -> Option<Adjacency> {
        let runs: Vec<TypeRuns> =
            layouts.into_iter().map(|l| l.into_runs(node_bound, id_bound)).collect::<Option<_>>()?;
        let len = runs.iter().map(|r| r.others.len()).sum();
        let out = Side { by_type: runs, len, added: HashMap::new() };
        let locator = Locator::of_sides(id_bound, &out)?;
        let types = &out.by_type;
        let mut kept: Vec<Option<TypeRuns>> = kept
            .into_iter()
            .map(|k| k.map(|l| l.into_runs(node_bound, id_bound)).map_or(Ok(None), |runs| runs.map(Some).ok_or(())))
            .collect::<Result<_, ()>>()
            .ok()?;
        kept.resize_with(types.len(), || None);
        // Checking kept arrays costs about an eighth of building them.
        let cost: Vec<usize> =
            (0..types.len()).map(|t| types[t].others.len() / if kept[t].is_some() { 8 } else { 1 }).collect();
        // Two shares of about equal cost, the largest first: one on a thread of its own,
        // the other on this one.
        let mut by_cost: Vec<usize> = (0..types.len()).collect();
        by_cost.sort_by_key(|&t| std::cmp::Reverse(cost[t]));
        let (mut shares, mut sizes) = ([Vec::new(), Vec::new()], [0usize; 2]);
        for &t in &by_cost {
            let share = usize::from(sizes[1] < sizes[0]);
            sizes[share] += cost[t];
            shares[share].push((t, kept[t].take()));
        }
        let [mine, other_share] = shares;
        let build = |share: Vec<(usize, Option<TypeRuns>)>| {
            share
                .into_iter()
                .map(|(t, kept)| match kept {
                    Some(runs) => runs.mirrors(&types[t]).then_some((t, runs)),
                    None => Some((t, types[t].incoming())),
                })
                .collect::<Option<Vec<_>>>()
        };
        let (mine, theirs) = std::thread::scope(|scope| {
            let theirs = scope.spawn(|| build(other_share));
            (build(mine), theirs.join().ok().flatten())
        });
        let mut inc: Vec<TypeRuns> = vec![TypeRuns::EMPTY; types.len()];
        for (t, runs) in mine?.into_iter().chain(theirs?) {
            inc[t] = runs;
        }
        let inc = Side { by_type: inc, len, added: HashMap::new() };
        Some(Adjacency { out, inc, removed: BitSet::default(), n_added: 0, locator })
    }

    /// Type `ty`'s live relationships in their outgoing layout, with the table row of
    /// each position, for a snapshot; `written` are those written since the arrays were
    /// built, as (start, id, end, row), which the layout puts in their places. Also
    /// whether the layout is the held arrays as they are ([`Adjacency::with_incoming`]).
    pub fn layout(&self, ty: RelTypeId, written: &[(u32, u32, u32, u32)]) -> (TypeLayout, Vec<u32>, bool) {
        let runs = self.out.by_type.get(ty.0 as usize);
        if let Some(runs) = runs.filter(|_| written.is_empty() && self.removed.is_empty()) {
            // The arrays as they are: the row of each position is the position.
            return (runs.to_layout(), (0..runs.others.len() as u32).collect(), true);
        }
        let mut rels: Vec<(u32, u32, u32, u32)> = Vec::new();
        if let Some(runs) = self.out.by_type.get(ty.0 as usize) {
            rels.reserve_exact(runs.others.len() + written.len());
            for (node, lo, hi) in runs.node_runs() {
                for pos in lo..hi {
                    let id = runs.id_at(pos as usize);
                    if self.removed.is_empty() || !self.removed.contains(id.0) {
                        rels.push((node, id.0, runs.others[pos as usize].0, pos));
                    }
                }
            }
        }
        if !written.is_empty() {
            rels.extend_from_slice(written);
            rels.sort_unstable_by_key(|r| (r.0, r.1));
        }
        let triples: Vec<(u32, u32, u32)> = rels.iter().map(|r| (r.0, r.1, r.2)).collect();
        let rows = rels.iter().map(|r| r.3).collect();
        (TypeLayout::of_sorted(&triples), rows, false)
    }
}

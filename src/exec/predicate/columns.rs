//! Conditions tested on columns of candidates rather than on one row at a time.
//!
//! A scan's chunk of candidate nodes, or the relationships an expansion found for a
//! batch of nodes, are [`Candidates`]: a column of entities per slot they bind. A
//! condition whose every conjunct is compiled and reads only those slots
//! ([`Predicate::reads_only`]) is tested conjunct by conjunct over the whole column:
//! a comparison of a number property with a constant by the store's column predicate
//! ([`Graph::filter_nodes_by`], a loop over the property's column), a label test as a
//! loop over the label's bitset, anything else candidate by candidate through the
//! compiled test.
//!
//! That gives the answer of testing row by row. A candidate passes exactly when every
//! conjunct is true, and the order in which conjuncts are tried could only show through
//! an error; but a compiled conjunct on a slot that holds a live node or relationship is
//! never an error (a missing property is null, a label test true or false).

use super::{cmp_op, Candidate, Entity, Predicate, Test, Verdict};
use crate::binder::bound::{LabelRef, Slot};
use crate::error::Result;
use crate::exec::row::Row;
use crate::store::{Graph, NodeId, RelId, RelTypeId};

/// The ids a slot takes across the candidates.
#[derive(Debug, Clone, PartialEq)]
pub enum Ids {
    Nodes(Vec<NodeId>),
    Rels(Vec<RelId>),
}

impl Ids {
    fn entity(&self, i: usize) -> Entity {
        match self {
            Ids::Nodes(ids) => Entity::Node(ids[i]),
            Ids::Rels(ids) => Entity::Rel(ids[i]),
        }
    }

    fn keep(&mut self, mask: &[bool]) {
        match self {
            Ids::Nodes(ids) => keep(ids, mask),
            Ids::Rels(ids) => keep(ids, mask),
        }
    }
}

/// Candidates as columns: each binds every slot of `columns` to its entity there (a
/// slot the condition does not read may be left out), and carries a tag (the caller's
/// number for it, such as the row of a batch it came from).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    pub columns: Vec<(Slot, Ids)>,
    pub tags: Vec<u32>,
}

impl Candidates {
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    fn column(&self, slot: Slot) -> Option<&Ids> {
        self.columns.iter().find(|(s, _)| *s == slot).map(|(_, ids)| ids)
    }

    /// Keeps the candidates whose `mask` entry is true.
    pub fn keep(&mut self, mask: &[bool]) {
        for (_, ids) in &mut self.columns {
            ids.keep(mask);
        }
        keep(&mut self.tags, mask);
    }
}

/// Keeps the items whose `mask` entry is true, in order. Without a branch on the mask
/// (each item is written, and the end moves on only past a kept one): the mask of a
/// filter is as good as random, and a mispredicted branch per item costs more.
fn keep<T: Copy>(items: &mut Vec<T>, mask: &[bool]) {
    let n = items.len().min(mask.len());
    let mut kept = 0;
    for i in 0..n {
        items[kept] = items[i];
        kept += usize::from(mask[i]);
    }
    items.truncate(kept);
}

impl Predicate {
    /// Whether the condition can be tested on [`Candidates`] binding `slots`
    /// ([`Predicate::mask`]): every conjunct is compiled and reads one of them.
    pub fn reads_only(&self, slots: &[Slot]) -> bool {
        self.is_compiled() && self.tests.iter().all(|t| t.slot().is_some_and(|s| slots.contains(&s)))
    }

    /// Whether any conjunct reads `slot` (so candidates need a column for it).
    pub fn reads(&self, slot: Slot) -> bool {
        self.tests.iter().any(|t| t.slot() == Some(slot))
    }

    /// Whether the condition holds for each candidate (live entities), `row` holding
    /// every other slot. Only for a condition that [`Predicate::reads_only`] their slots.
    /// `rel_type` is the one type of every relationship among them, when they have one.
    pub fn mask(
        &self,
        row: &Row,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
    ) -> Result<Vec<bool>> {
        // Which candidates every conjunct so far holds for; one conjunct's answers.
        let mut alive = vec![true; candidates.len()];
        let (mut holds, mut bound) = (Vec::new(), Vec::with_capacity(candidates.columns.len()));
        for test in &self.tests {
            holds.clear();
            if test.mask_by_column(candidates, rel_type, graph, &mut holds) {
                for (alive, holds) in alive.iter_mut().zip(&holds) {
                    *alive &= *holds;
                }
                continue;
            }
            for (i, alive) in alive.iter_mut().enumerate().filter(|(_, alive)| **alive) {
                bound.clear();
                bound.extend(candidates.columns.iter().map(|(slot, ids)| (*slot, ids.entity(i))));
                let candidate = Candidate { row, bound: &bound };
                *alive = matches!(test.eval(&candidate, graph)?, Verdict::True);
            }
        }
        Ok(alive)
    }
}

impl Test {
    /// For a number comparison or a label test on a slot of the candidates: whether it
    /// holds for each, into `mask`, by a loop over the property's column or the label's bitset;
    /// false (and nothing done) for any other conjunct.
    fn mask_by_column(
        &self,
        candidates: &Candidates,
        rel_type: Option<RelTypeId>,
        graph: &Graph,
        mask: &mut Vec<bool>,
    ) -> bool {
        let catalog = graph.catalog();
        match self {
            Test::Compare { property, op, constant, constant_first } => {
                let Some(key) = property.key.resolve(catalog) else { return false };
                let Some(op) = cmp_op(*op, *constant_first) else { return false };
                return match candidates.column(property.slot) {
                    Some(Ids::Nodes(ids)) => graph.filter_nodes_by(key, (op, constant), ids, mask),
                    Some(Ids::Rels(ids)) => {
                        rel_type.is_some_and(|ty| graph.filter_rels_by(ty, key, (op, constant), ids, mask))
                    }
                    None => false,
                };
            }
            Test::HasLabels { slot, labels, .. } => {
                let Some(Ids::Nodes(ids)) = candidates.column(*slot) else { return false };
                // A label the catalog does not know is on no node.
                let labels: Option<Vec<_>> = labels.iter().map(|l: &LabelRef| l.resolve(catalog)).collect();
                match labels {
                    Some(labels) => {
                        mask.extend(ids.iter().map(|&n| labels.iter().all(|&l| graph.node_has_label(n, l))));
                    }
                    None => mask.resize(ids.len(), false),
                }
            }
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeping_by_mask_keeps_every_column_in_step() {
        let mut candidates = Candidates {
            columns: vec![
                (Slot(0), Ids::Nodes(vec![NodeId(1), NodeId(2), NodeId(3)])),
                (Slot(1), Ids::Rels(vec![RelId(7), RelId(8), RelId(9)])),
            ],
            tags: vec![0, 0, 1],
        };
        candidates.keep(&[true, false, true]);
        assert_eq!(candidates.columns[0].1, Ids::Nodes(vec![NodeId(1), NodeId(3)]));
        assert_eq!(candidates.columns[1].1, Ids::Rels(vec![RelId(7), RelId(9)]));
        assert_eq!(candidates.tags, vec![0, 1]);
    }
}

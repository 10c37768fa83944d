//! Conditions tested on columns of candidates rather than on one row at a time.
//!
//! A scan's chunk of candidate nodes, or the relationships an expansion found for a
//! batch of nodes, are [`Candidates`]: a column of entities per slot they bind. A
//! condition whose every conjunct is compiled and reads only those slots
//! ([`Predicate::reads_only`]) is tested conjunct by conjunct over the whole column:
//! a comparison of a number property with a constant as a loop over the property's
//! column, a label test as a loop over the label's bitset, anything else candidate by
//! candidate through the compiled test.
//!
//! That gives the answer of testing row by row. A candidate passes exactly when every
//! conjunct is true, and the order in which conjuncts are tried could only show through
//! an error; but a compiled conjunct on a slot that holds a live node or relationship is
//! never an error (a missing property is null, a label test true or false).

use super::{Candidate, Compare, Entity, Predicate, Test, Verdict};
use crate::binder::bound::{LabelRef, Slot};
use crate::error::Result;
use crate::exec::row::Row;
use crate::store::{units_threshold, FloatCells, Graph, IntCells, IntSlice, NodeId, NumberCells, RelId, RelTypeId};
use crate::syntax::ast::BinaryOp;
use crate::value::Value;

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

/// `value op constant` (or, constant first, `constant op value`) for each of `ids`, into
/// `mask`, reading each one's row in the column through `held` (`None` for no number
/// there); false (and nothing done) unless the constant is a number of the column's kind.
fn compare_column<I>(
    ids: &[I],
    (cells, held): (NumberCells<'_>, impl Fn(&I) -> Option<u32>),
    (op, constant, constant_first): (BinaryOp, &Value, bool),
    mask: &mut Vec<bool>,
) -> bool {
    match (cells, constant) {
        (NumberCells::Int(cells), Value::Int(c)) => match Compare::new(op, *c, constant_first) {
            Some(compare) => test_ints(ids, cells, held, |x| compare.holds(Some(x)), mask),
            None => return false,
        },
        (NumberCells::Float(cells), Value::Float(c)) => match Compare::new(op, *c, constant_first) {
            Some(compare) => {
                let decimal = match cells {
                    FloatCells::Decimal { places, units } => on_units(compare, *places).map(|t| (units, t)),
                    FloatCells::Plain(_) => None,
                };
                match decimal {
                    Some((units, threshold)) => test_ints(ids, units, held, |u| threshold.holds(Some(u)), mask),
                    None => {
                        mask.extend(ids.iter().map(|id| compare.holds(held(id).and_then(|r| cells.get(r as usize)))))
                    }
                }
            }
            None => return false,
        },
        _ => return false,
    }
    true
}

/// An ordering of a decimal column's values with a constant, as the same test of its
/// integer units against a threshold (see `units_threshold`), so the loop neither
/// decodes nor divides; `None` for an equality test or a NaN constant, left to the floats.
fn on_units(compare: Compare<f64>, places: u8) -> Option<Compare<i64>> {
    let (op, strict) = match compare.op {
        BinaryOp::Ge => (BinaryOp::Ge, false),
        BinaryOp::Lt => (BinaryOp::Lt, false),
        BinaryOp::Gt => (BinaryOp::Ge, true),
        BinaryOp::Le => (BinaryOp::Lt, true),
        _ => return None,
    };
    Some(Compare { op, constant: units_threshold(places, compare.constant, strict)? })
}

/// `test` of each of `ids`' integer in `cells`, into `mask` (false for no number),
/// with the cells' width settled once for the loop.
fn test_ints<I>(
    ids: &[I],
    cells: &IntCells,
    held: impl Fn(&I) -> Option<u32>,
    test: impl Fn(i64) -> bool,
    mask: &mut Vec<bool>,
) {
    fn run<I, T: Copy + Into<i64>>(
        ids: &[I],
        (base, cells): (i64, &[T]),
        held: impl Fn(&I) -> Option<u32>,
        test: impl Fn(i64) -> bool,
        mask: &mut Vec<bool>,
    ) {
        let value = |id: &I| held(id).and_then(|r| cells.get(r as usize)).map(|&d| base + d.into());
        mask.extend(ids.iter().map(|id| value(id).is_some_and(&test)));
    }
    match cells.slice() {
        (base, IntSlice::Byte(v)) => run(ids, (base, v), held, test, mask),
        (base, IntSlice::Short(v)) => run(ids, (base, v), held, test, mask),
        (base, IntSlice::Int(v)) => run(ids, (base, v), held, test, mask),
        (base, IntSlice::Wide(v)) => run(ids, (base, v), held, test, mask),
    }
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
                let compare = (*op, constant, *constant_first);
                return match candidates.column(property.slot) {
                    Some(Ids::Nodes(ids)) => graph.node_numbers(key).is_some_and(|numbers| {
                        compare_column(ids, (numbers.cells, |n: &NodeId| numbers.held(n.0)), compare, mask)
                    }),
                    Some(Ids::Rels(ids)) => rel_type.and_then(|ty| graph.rel_numbers(ty, key)).is_some_and(|numbers| {
                        compare_column(ids, (numbers.cells(), |r: &RelId| numbers.held(*r)), compare, mask)
                    }),
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

    /// The loops over a decimal column's units (orderings) and over its floats
    /// (equalities) answer as comparing each decoded float does, for every operator with
    /// the constant on either side, at constants on, between and beyond the cells.
    #[test]
    fn a_decimal_column_compares_as_its_floats_do() {
        let values: Vec<f64> = (0..2_000).map(|i| f64::from(i * 3 - 3_000) / 1e4).collect();
        let cells = FloatCells::from_values(&values);
        assert!(matches!(cells, FloatCells::Decimal { .. }));
        let rows: Vec<u32> = (0..2_100).collect();
        let held = |r: &u32| (*r < 2_000 && !r.is_multiple_of(13)).then_some(*r);
        let ops = [BinaryOp::Eq, BinaryOp::Ne, BinaryOp::Lt, BinaryOp::Le, BinaryOp::Gt, BinaryOp::Ge];
        for c in [0.0003, 0.15, -0.3, 0.2997, 0.00015, 0.0, -0.0, 3.0, -7.0, f64::NAN, f64::INFINITY] {
            for op in ops {
                for constant_first in [false, true] {
                    let mut mask = Vec::new();
                    let compare = (op, &Value::Float(c), constant_first);
                    assert!(compare_column(&rows, (NumberCells::Float(&cells), held), compare, &mut mask));
                    let Some(direct) = Compare::new(op, c, constant_first) else { panic!("{op:?} is a comparison") };
                    for (r, got) in rows.iter().zip(&mask) {
                        let want = direct.holds(held(r).map(|r| values[r as usize]));
                        assert_eq!(*got, want, "row {r} {op:?} {c} (constant first: {constant_first})");
                    }
                }
            }
        }
    }

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

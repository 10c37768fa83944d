//! A [`FoldProgram`] over a block of candidates at once: a condition over a relationship
//! and its two ends (`m.year < a.year - 1000`, `CASE WHEN o.year < 1950 THEN m.weight >
//! 0.99 ELSE m.weight < 0.001 END`) with each variable's property read for the whole
//! block into a typed slice by its caller ([`BlockInputs`]: down the type's column for a
//! relationship, gathered by node id for an end), and each operator one loop over its
//! operands' slices (`block.rs`), as [`super::ColumnExpr`] does over one node's columns.
//!
//! Candidate by candidate, each relationship had cost a walk of the program with a
//! property lookup by id at each leaf (workload10 case_in_where_whole_type: 150 ms at M
//! over 1.5 million memberships, Kuzu 41 ms). The values are those of
//! [`FoldProgram::eval_over`], cell for cell: every operand is computed for every element,
//! and a `Defer` only shows where the interpreter's order would reach it.

use super::block::{self, Block};
use super::fold_program::{Case, Step};
use super::{number_function, Cell, FoldProgram, Out};
use crate::binder::bound::{PropKeyRef, Slot};

/// What a block program reads: for each variable, its property over the block's
/// elements, or its value when the row fixes it as a cell.
pub(crate) trait BlockInputs {
    /// The number of elements.
    fn len(&self) -> usize;

    /// `key` of the entity `slot` holds, for each element.
    fn property(&self, slot: Slot, key: &PropKeyRef) -> Block;

    /// A variable read bare, for each element (over a scan's chunk, the one cell the
    /// input row holds).
    fn var(&self, slot: Slot) -> Block;
}

impl FoldProgram {
    /// Whether [`FoldProgram::eval_block`] computes it: every step is a cell's (no
    /// string literal, relationship type or label set, which are words of a group key).
    pub(crate) fn has_block_form(&self) -> bool {
        self.of_labels.is_none() && self.root.has_block_form()
    }

    /// The value for each element of `inputs` (only for a program
    /// [`FoldProgram::has_block_form`]: any other step is `Defer` throughout).
    pub(crate) fn eval_block(&self, inputs: &dyn BlockInputs) -> Block {
        self.root.eval_block(inputs)
    }
}

impl Step {
    fn has_block_form(&self) -> bool {
        match self {
            Step::Constant(out) => matches!(out, Out::Cell(_)),
            Step::Type(_) | Step::Labels(_) => false,
            Step::Property(..) | Step::Var(_) => true,
            Step::Negate(e)
            | Step::Not(e)
            | Step::IsNull(e, _)
            | Step::InList(e, _)
            | Step::Function(_, e)
            | Step::Text(e, _)
            | Step::TypeTest(e, ..) => e.has_block_form(),
            Step::Arithmetic(_, l, r) | Step::Compare(_, l, r) | Step::Logic(_, l, r) => {
                l.has_block_form() && r.has_block_form()
            }
            Step::Case(case) => {
                let parts = case.subject.iter().chain(case.whens.iter().flat_map(|(w, t)| [w, t]));
                parts.chain(case.otherwise.iter()).all(Step::has_block_form)
            }
        }
    }

    fn eval_block(&self, inputs: &dyn BlockInputs) -> Block {
        let len = inputs.len();
        let of = |e: &Step| e.eval_block(inputs);
        match self {
            Step::Constant(out) => Block::constant(out_cell(*out), len),
            Step::Type(_) | Step::Labels(_) => Block::constant(Cell::Defer, len),
            Step::Property(slot, key, _) => inputs.property(*slot, key),
            Step::Var(slot) => inputs.var(*slot),
            Step::Negate(e) => block::negate(of(e), len),
            Step::Not(e) => block::not(of(e), len),
            Step::Arithmetic(op, l, r) => block::arithmetic(*op, of(l), of(r), len),
            Step::Compare(op, l, r) => block::compare(*op, of(l), of(r), len),
            Step::Logic(op, l, r) => block::logic(*op, of(l), of(r), len),
            Step::IsNull(e, negated) => block::is_null(of(e), *negated, len),
            Step::InList(e, items) => block::in_items(of(e), items, len),
            Step::Case(case) => case.eval_block(inputs),
            Step::Function(f, e) => number_function::apply_block(*f, of(e), len),
            Step::TypeTest(e, ty, negated) => number_function::type_test_block(ty, *negated, of(e), len),
            Step::Text(e, test) => Block::Cells(of(e).into_cells(len).into_iter().map(|c| test.test(c)).collect()),
        }
    }
}

impl Case {
    fn eval_block(&self, inputs: &dyn BlockInputs) -> Block {
        let subject = self.subject.as_ref().map(|s| s.eval_block(inputs));
        let whens = self.whens.iter().map(|(w, t)| (w.eval_block(inputs), t.eval_block(inputs))).collect();
        let otherwise = self.otherwise.as_ref().map(|e| e.eval_block(inputs));
        block::case(subject, whens, otherwise, inputs.len())
    }
}

/// A constant's cell (a string or a type is no cell: `Defer`, never met in a program
/// with a block form).
fn out_cell(out: Out) -> Cell {
    match out {
        Out::Cell(c) => c,
        Out::Text(_) | Out::RelType(_) | Out::LabelSet { .. } => Cell::Defer,
    }
}

//! The relationship expressions of `GroupFold … in stored order` computed a chunk at a
//! time: a `count` or integer `min`/`max` of an expression of the relationship alone
//! (`count(CASE WHEN pt.year >= 2000 THEN 1 END)`, the verdict code of a folded
//! `all(w IN ws WHERE w > 0.1)`) whose program has a block form is evaluated over the
//! chunk's rows down the type's columns (`Graph::rel_number_block`, `column_expr`'s
//! block steps), instead of a walk of the program with a property lookup by id for each
//! relationship (workload11 all_over_collected_per_group: 40% of its time at M).
//!
//! The cells are those of the program evaluated one relationship at a time (a block
//! step is its cell step over a slice), and a cell never raises anything, so computing
//! the whole chunk, relationships not folded included, changes no answer; a `Defer`
//! (a string, an overflow) is left to the caller, which asks the interpreter for that
//! relationship only when it folds it.

use crate::binder::bound::{PropKeyRef, Slot};
use crate::exec::column_expr::{Block, BlockInputs, Cell, FoldProgram};
use crate::store::{Graph, RelChunk, RelId, RelTypeId};

use super::super::fold_value::FoldValue;

/// Per aggregate, the block program of its relationship expression and its cells for
/// the chunk being folded.
pub(super) struct ChunkBlocks {
    rel: Slot,
    programs: Vec<Option<FoldProgram>>,
    cells: Vec<Vec<Cell>>,
    /// The chunk's table rows, reused from chunk to chunk.
    rows: Vec<u32>,
}

impl ChunkBlocks {
    /// The block programs among `values` (per aggregate, the expression of `rel` it folds).
    pub(super) fn new(rel: Slot, values: &[Option<FoldValue>]) -> ChunkBlocks {
        let programs: Vec<Option<FoldProgram>> = values
            .iter()
            .map(|v| v.as_ref().and_then(FoldValue::program).filter(|p| p.has_block_form()).cloned())
            .collect();
        let cells = vec![Vec::new(); programs.len()];
        ChunkBlocks { rel, programs, cells, rows: Vec::new() }
    }

    /// Whether some aggregate has a block program.
    pub(super) fn is_empty(&self) -> bool {
        self.programs.iter().all(Option::is_none)
    }

    /// Computes each program over `chunk`, relationships of type `ty`.
    pub(super) fn compute(&mut self, ty: RelTypeId, chunk: &RelChunk, graph: &Graph) {
        if self.is_empty() {
            return;
        }
        self.rows.clear();
        self.rows.extend((0..chunk.len()).filter_map(|i| chunk.row(i)));
        let rows = (self.rows.len() == chunk.len()).then_some(self.rows.as_slice());
        let inputs = ChunkInputs { graph, rel: self.rel, ty, rows, ids: &chunk.ids };
        for (program, cells) in self.programs.iter().zip(&mut self.cells) {
            if let Some(program) = program {
                *cells = program.eval_block(&inputs).into_cells(chunk.len());
            }
        }
    }

    /// The cell of aggregate `a`'s expression for the chunk's relationship at `i`; `None`
    /// when it has no block program.
    pub(super) fn cell(&self, a: usize, i: usize) -> Option<Cell> {
        self.programs.get(a)?.as_ref()?;
        self.cells.get(a)?.get(i).copied()
    }
}

/// A chunk of one type's relationships as a block program's inputs.
struct ChunkInputs<'a> {
    graph: &'a Graph,
    rel: Slot,
    ty: RelTypeId,
    /// The relationships' rows in the type's table (`None`: some has none).
    rows: Option<&'a [u32]>,
    ids: &'a [RelId],
}

impl BlockInputs for ChunkInputs<'_> {
    fn len(&self) -> usize {
        self.ids.len()
    }

    fn property(&self, slot: Slot, key: &PropKeyRef) -> Block {
        let len = self.ids.len();
        if slot != self.rel {
            return Block::constant(Cell::Defer, len);
        }
        let Some(key) = key.resolve(self.graph.catalog()) else { return Block::constant(Cell::Null, len) };
        let mut held = Vec::new();
        match self.rows.and_then(|rows| self.graph.rel_number_block(self.ty, key, rows, &mut held)) {
            Some(numbers) => Block::of_numbers(numbers, held),
            // Not all numbers of one kind: value by value, as the program reads one.
            None => Block::Cells(
                self.ids.iter().map(|&id| Cell::of_value(self.graph.rel_property(id, key).as_ref())).collect(),
            ),
        }
    }

    fn var(&self, _: Slot) -> Block {
        Block::constant(Cell::Defer, self.ids.len())
    }
}

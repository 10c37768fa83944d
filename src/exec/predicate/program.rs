//! A conjunct that is a condition over one variable's properties beyond the store's
//! column predicates (`NOT p.year < 1950`, `p.weight > 0.5 XOR p.year % 2 = 0`, `CASE
//! o.year % 3 WHEN 0 THEN o.weight > 0.9 … END`, `p.year IN [1990, 2000] OR p.w IS NULL`),
//! compiled once into a column program (`exec/column_expr`).
//!
//! A candidate is tested without a row; a column of candidate nodes is tested a batch
//! at a time, each property read in one loop over its column. An element the program
//! leaves to the interpreter (`Cell::Defer`: a string, an overflow, `NOT 3`) is tested by
//! the interpreter on the conjunct as written, which gives its answer or its error.

use super::{Bindings, Candidates, Ids, Verdict};
use crate::binder::bound::{Expr, Slot};
use crate::error::Result;
use crate::exec::column_expr::block::bit;
use crate::exec::column_expr::{truth_at, Block, Cell, ColumnExpr};
use crate::exec::expr::eval;
use crate::store::Graph;

/// How many nodes a program is evaluated over at once.
const BLOCK: usize = 1024;

#[derive(Debug, Clone)]
pub(super) struct Program {
    pub(super) slot: Slot,
    program: ColumnExpr,
    /// The conjunct as written, for the elements the program leaves to the interpreter.
    source: Expr,
}

impl Program {
    /// `Some` when `conjunct` is a condition the column program computes.
    pub(super) fn of(conjunct: &Expr) -> Option<Program> {
        let (slot, program) = ColumnExpr::compile(conjunct)?;
        program.is_boolean().then(|| Program { slot, program, source: conjunct.clone() })
    }

    pub(super) fn may_fail(&self) -> bool {
        self.program.may_fail()
    }

    pub(super) fn eval<B: Bindings>(&self, row: &B, graph: &Graph) -> Result<Verdict> {
        if let Some(entity) = row.entity(self.slot) {
            match self.program.eval_one(graph, entity) {
                Cell::Bool(b) => return Ok(Verdict::of_bool(b)),
                Cell::Null => return Ok(Verdict::Null),
                _ => {}
            }
        }
        Ok(Verdict::of(&eval(&self.source, &row.to_row(), graph)?))
    }

    /// Keeps the candidates (indices into `candidates`, ascending) for which the program
    /// gives true, over a batch of their nodes; returns those it left to the interpreter
    /// (taken out of `alive`). `None`, with `alive` as it was, when the candidates bind
    /// no nodes to its slot.
    pub(super) fn retain_by_column(
        &self,
        candidates: &Candidates,
        graph: &Graph,
        alive: &mut Vec<u32>,
    ) -> Option<Vec<u32>> {
        let Some(Ids::Nodes(ids)) = candidates.column(self.slot) else { return None };
        // A window of BLOCK candidates at a time, so that each step's values stay in the
        // cache (a chunk of 65,536 nodes would make every step a megabyte of fresh memory).
        let mut nodes = Vec::with_capacity(BLOCK);
        let mut undecided = Vec::new();
        let mut kept = Vec::with_capacity(alive.len());
        let mut rest = &alive[..];
        while let Some(&first) = rest.first() {
            let (window, tail) = rest.split_at(rest.partition_point(|&i| (i as usize) < first as usize + BLOCK));
            rest = tail;
            let span = first as usize..=window[window.len() - 1] as usize;
            // Where at least a quarter of the window's candidates are still alive, the
            // program runs over all of them (the scan's consecutive ids, read straight
            // down the columns) rather than over the survivors gathered one by one; a
            // program never fails, so computing it for the others is only wasted work.
            let width = span.end() - span.start() + 1;
            let dense = window.len() * 4 >= width;
            let values = if dense {
                self.program.eval_block(graph, &ids[span])
            } else {
                nodes.clear();
                nodes.extend(window.iter().map(|&i| ids[i as usize]));
                self.program.eval_block(graph, &nodes)
            };
            // Element `k` of the window is at `k` of the values, or at its index's
            // distance from the first when the program ran over the whole span.
            let at = |k: usize, i: u32| if dense { (i - first) as usize } else { k };
            match &values {
                Block::Bools { values, .. } if window.len() == width => keep_set(values, first, &mut kept),
                Block::Bools { values, .. } => {
                    kept.extend(window.iter().enumerate().filter(|&(k, &i)| bit(values, at(k, i))).map(|(_, &i)| i))
                }
                _ => {
                    for (k, &i) in window.iter().enumerate() {
                        match truth_at(&values, at(k, i)) {
                            Some(true) => kept.push(i),
                            Some(false) => {}
                            None => undecided.push(i),
                        }
                    }
                }
            }
        }
        *alive = kept;
        Some(undecided)
    }
}

/// Appends `first + k` for each set bit `k` of `bits`, a word at a time.
fn keep_set(bits: &[u64], first: u32, kept: &mut Vec<u32>) {
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            kept.push(first + (w * 64) as u32 + word.trailing_zeros());
            word &= word - 1;
        }
    }
}

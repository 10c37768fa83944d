//! Savepoints inside a statement, for `CALL { … } IN TRANSACTIONS`: a batch's changes are
//! checked against the schema when the batch ends, and undone alone when it fails.

use super::{constraints, undo, Stats, Touched, Txn};
use crate::error::Result;

/// How far a statement had got: what [`Txn::rollback_to`] returns to.
#[derive(Debug, Clone, Copy)]
pub struct Savepoint {
    changes: usize,
    touched: usize,
    stats: Stats,
}

impl Txn<'_> {
    pub fn savepoint(&self) -> Savepoint {
        Savepoint { changes: self.changes.len(), touched: self.touched.len(), stats: self.stats }
    }

    /// Checks the entities touched since `mark` against the schema, as a commit would.
    pub fn check_since(&self, mark: &Savepoint) -> Result<()> {
        for touched in self.touched.iter().skip(mark.touched) {
            match touched {
                Touched::Node(id, span) => {
                    constraints::check_node(self.graph, *id).map_err(|e| e.or_span_opt(*span))?
                }
                Touched::Rel(id, span) => constraints::check_rel(self.graph, *id).map_err(|e| e.or_span_opt(*span))?,
            }
        }
        Ok(())
    }

    /// Undoes every change made since `mark`, newest first. Names interned since stay in
    /// the catalog (unused names are harmless, and the commit journals them as usual).
    pub fn rollback_to(&mut self, mark: &Savepoint) {
        while self.changes.len() > mark.changes {
            if let Some(change) = self.changes.pop() {
                undo(self.graph, change);
            }
        }
        self.touched.truncate(mark.touched);
        self.stats = mark.stats;
    }
}

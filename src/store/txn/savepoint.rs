//! Savepoints and committed parts inside a statement, for `CALL { … } IN TRANSACTIONS`:
//! each batch ends with a commit of its own (checked against the schema and the
//! constraints, handed to the part hook, which journals it, and never undone after), and a
//! batch that fails is undone alone.

use super::{constraints, undo, Committed, Stats, Touched, Txn};
use crate::error::{Error, ErrorCode, Result};

/// Where the parts of a statement are committed: a durable database's journal.
pub type PartHook<'g> = Box<dyn FnMut(&Committed<'_>) -> Result<()> + 'g>;

/// How far a statement had got: what [`Txn::rollback_to`] returns to.
#[derive(Debug, Clone, Copy)]
pub struct Savepoint {
    changes: usize,
    touched: usize,
    stats: Stats,
}

impl<'g> Txn<'g> {
    pub fn savepoint(&self) -> Savepoint {
        Savepoint { changes: self.changes.len(), touched: self.touched.len(), stats: self.stats }
    }

    /// Whether this is a statement of an explicit transaction (BEGIN … COMMIT).
    pub fn is_explicit(&self) -> bool {
        self.explicit
    }

    /// This transaction with `hook` committing its parts ([`Txn::commit_part`]) and, through
    /// [`Txn::commit_parts_and_rest`], the rest.
    pub fn with_part_hook(mut self, hook: PartHook<'g>) -> Txn<'g> {
        self.part_hook = Some(hook);
        self
    }

    /// Commits what the statement has done so far, as a statement's commit would: checked
    /// against the schema and the property constraints, handed to the part hook (one journal
    /// record), and from then on never undone, even if the statement fails later. On error
    /// nothing is committed and the changes stay, for the caller to undo
    /// ([`Txn::rollback_to`]) or the statement's failure to. Inside an explicit transaction
    /// nothing can commit on its own: `ForbiddenDueToTransactionType`.
    pub fn commit_part(&mut self) -> Result<()> {
        if self.explicit {
            return Err(Error::new(
                ErrorCode::ForbiddenDueToTransactionType,
                "a part of a statement cannot commit inside an explicit transaction",
            ));
        }
        let touched = std::mem::take(&mut self.touched);
        let checked = check_entities(self, &touched).and_then(|()| self.check_property_constraints(&touched));
        if let Err(e) = checked {
            self.touched = touched;
            return Err(e);
        }
        let mut hook = self.part_hook.take();
        let written = hook.as_mut().map_or(Ok(()), |hook| hook(&self.committed()));
        self.part_hook = hook;
        written?;
        self.changes.clear();
        self.catalog_lens = self.graph.catalog().lens();
        Ok(())
    }

    /// Commits the statement through its part hook (see [`Txn::commit_with`]).
    pub fn commit_parts_and_rest(mut self) -> Result<(Stats, Vec<super::Change>)> {
        let mut hook = self.part_hook.take();
        self.commit_with(|committed| hook.as_mut().map_or(Ok(()), |hook| hook(committed)))
    }

    /// Undoes every change made since `mark`, newest first. Names interned since stay in
    /// the catalog (unused names are harmless, and the commit journals them as usual).
    pub fn rollback_to(&mut self, mark: &Savepoint) {
        self.writes += 1;
        while self.changes.len() > mark.changes {
            if let Some(change) = self.changes.pop() {
                undo(self.graph, change);
            }
        }
        self.touched.truncate(mark.touched);
        self.stats = mark.stats;
    }
}

/// Checks each of `touched` against the schema, as a commit does.
fn check_entities(txn: &Txn<'_>, touched: &[Touched]) -> Result<()> {
    for touched in touched {
        match touched {
            Touched::Node(id, span) => constraints::check_node(txn.graph, *id).map_err(|e| e.or_span_opt(*span))?,
            Touched::Rel(id, span) => constraints::check_rel(txn.graph, *id).map_err(|e| e.or_span_opt(*span))?,
        }
    }
    Ok(())
}

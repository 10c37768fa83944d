//! Explicit transactions on a [`Database`]: `BEGIN`, `COMMIT`, `ROLLBACK`.
//!
//! An open transaction is a [`TxnLog`] the database keeps between statements: each
//! statement takes it up (`Txn::resume`), runs its writes into the graph, where the
//! statements after it see them, and sets it down (`Txn::suspend_with`). Nothing reaches
//! the journal before COMMIT, which writes the whole transaction as one record (so a crash
//! before it leaves nothing of the transaction), and no checkpoint runs while it is open
//! (so the snapshot never holds uncommitted changes): another process reading the files
//! sees committed state only. A statement that fails ends the transaction: everything
//! since BEGIN is undone, and its error says so.
//!
//! The log holds no borrow of the graph, so a server can keep one per session; only one
//! may be open at a time on a graph, since its writes are in the graph itself.

use super::{journal_commit, Database};
use crate::binder::bound;
use crate::error::{Error, ErrorCode, Result};
use crate::result::QueryResult;
use crate::span::Span;
use crate::store::durable::Durable;
use crate::store::{Committed, Txn, TxnLog};
use crate::syntax::ast::TxnCommand;

impl Database {
    /// Whether an explicit transaction is open (since a BEGIN not yet committed or rolled
    /// back). The shell shows it in its prompt.
    pub fn in_transaction(&self) -> bool {
        self.txn.is_some()
    }

    /// Opens an explicit transaction: the statements until [`Database::commit`] become
    /// durable together, or not at all.
    pub fn begin(&mut self) -> Result<()> {
        if self.txn.is_some() {
            return Err(Error::new(ErrorCode::TransactionAlreadyOpen, "a transaction is already open")
                .with_hint("COMMIT or ROLLBACK it first; transactions do not nest"));
        }
        self.txn = Some(TxnLog::begin(&self.graph));
        Ok(())
    }

    /// Makes the open transaction durable: one journal record holding all its statements.
    /// If the record cannot be written, the transaction is rolled back.
    pub fn commit(&mut self) -> Result<()> {
        let log = self.txn.take().ok_or_else(no_transaction)?;
        let durable = &mut self.durable;
        Txn::resume(&mut self.graph, log)
            .commit_with(|c| journal_commit(durable, c))
            .map_err(|e| with_rollback_note(e, "COMMIT failed"))?;
        if let Some(durable) = &mut self.durable {
            durable.after_statement(&self.graph);
        }
        Ok(())
    }

    /// Undoes everything the open transaction did.
    pub fn rollback(&mut self) -> Result<()> {
        let log = self.txn.take().ok_or_else(no_transaction)?;
        Txn::resume(&mut self.graph, log).rollback();
        Ok(())
    }

    pub(super) fn run_transaction_command(&mut self, command: TxnCommand) -> Result<QueryResult> {
        match command {
            TxnCommand::Begin => self.begin(),
            TxnCommand::Commit => self.commit(),
            TxnCommand::Rollback => self.rollback(),
        }?;
        Ok(QueryResult::default())
    }

    /// A statement failed inside the open transaction: undo it all, and say so.
    pub(super) fn abandon_transaction(&mut self, error: Error) -> Error {
        if let Some(log) = self.txn.take() {
            Txn::resume(&mut self.graph, log).rollback();
        }
        with_rollback_note(error, "")
    }

    /// Operations that write the whole graph (save, checkpoint, bulk load) would write an
    /// open transaction's changes before COMMIT.
    pub(super) fn refuse_in_transaction(&self, what: &str) -> Result<()> {
        match self.txn {
            Some(_) => {
                Err(Error::new(ErrorCode::TransactionAlreadyOpen, format!("cannot {what} while a transaction is open"))
                    .with_hint("COMMIT or ROLLBACK it first"))
            }
            None => Ok(()),
        }
    }

    /// Schema DDL runs on its own, never inside an explicit transaction (as in Neo4j,
    /// where a transaction holds schema writes or data writes, never both).
    pub(super) fn refuse_schema_in_transaction(&self, span: Span) -> Result<()> {
        match self.txn {
            Some(_) => Err(Error::at(
                ErrorCode::ForbiddenDueToTransactionType,
                span,
                "a schema statement cannot run inside an explicit transaction",
            )
            .with_hint("run CREATE NODE TYPE and CREATE RELATIONSHIP TYPE outside BEGIN … COMMIT")),
            None => Ok(()),
        }
    }
}

impl Database {
    /// `CALL { … } IN TRANSACTIONS` commits each batch on its own, which an explicit
    /// transaction cannot allow: Neo4j runs it only in an implicit (auto-commit) transaction.
    pub(super) fn refuse_batches_in_transaction(&self, query: &bound::Query) -> Result<()> {
        if self.txn.is_none() {
            return Ok(());
        }
        let batched = query.parts.iter().find_map(|part| batched_call(&part.clauses));
        match batched {
            Some(span) => Err(Error::at(
                ErrorCode::ForbiddenDueToTransactionType,
                span,
                "CALL { … } IN TRANSACTIONS commits each batch on its own, so it cannot run inside an explicit transaction",
            )
            .with_hint("COMMIT or ROLLBACK first, then run it on its own")),
            None => Ok(()),
        }
    }
}

/// The span of the first `CALL { … } IN TRANSACTIONS` among `clauses`, nested ones included.
fn batched_call(clauses: &[bound::Clause]) -> Option<Span> {
    clauses.iter().find_map(|clause| match clause {
        bound::Clause::Subquery(call) if call.in_transactions.is_some() => Some(call.span),
        bound::Clause::Subquery(call) => call.body.parts.iter().find_map(|part| batched_call(&part.clauses)),
        bound::Clause::Foreach { clauses, .. } => batched_call(clauses),
        _ => None,
    })
}

/// Whether a statement's failure ends the open transaction: every failure does, except a
/// BEGIN inside it (the transaction it would have nested in stays open, as in cypher-shell).
pub(super) fn ends_transaction(error: &Error) -> bool {
    error.code != ErrorCode::TransactionAlreadyOpen
}

/// A read-only database refuses a transaction's statement as soon as it changes something,
/// not only at COMMIT.
pub(super) fn refuse_if_read_only(durable: &Option<Durable>, committed: &Committed<'_>) -> Result<()> {
    match durable {
        Some(d) if d.is_read_only() && !committed.is_empty() => Err(Error::new(
            ErrorCode::ReadOnlyDatabase,
            format!("{} is open read-only: this statement would change it", d.path().display()),
        )),
        _ => Ok(()),
    }
}

fn no_transaction() -> Error {
    Error::new(ErrorCode::NoOpenTransaction, "there is no open transaction").with_hint("BEGIN opens one")
}

fn with_rollback_note(mut error: Error, prefix: &str) -> Error {
    let note = "the transaction was rolled back: every statement since BEGIN is undone";
    error.message = match prefix {
        "" => format!("{}; {note}", error.message),
        _ => format!("{prefix}: {}; {note}", error.message),
    };
    error
}

#[cfg(test)]
mod tests;

//! `CREATE INDEX` and `DROP INDEX` on a database: each one statement, undone if it fails
//! and journaled when it commits, as the type DDL is.

use super::{commit_ddl, Database};
use crate::binder::bound;
use crate::error::{Error, ErrorCode, Result};
use crate::result::QueryResult;
use crate::span::Span;
use crate::store::range_index::{IndexDef, IndexKind, IndexTarget};
use crate::store::Txn;

impl Database {
    pub(super) fn create_index(&mut self, decl: bound::IndexDecl) -> Result<QueryResult> {
        self.refuse_schema_in_transaction(decl.span)?;
        let durable = &mut self.durable;
        let mut txn = Txn::new(&mut self.graph);
        txn.set_origin(decl.span);
        let target = match decl.rel {
            false => IndexTarget::Node(txn.label_for_definition(&decl.target)),
            true => IndexTarget::Rel(txn.rel_type_for_definition(&decl.target)),
        };
        let keys: Vec<_> = decl.keys.iter().map(|k| txn.prop_key(k)).collect();
        let name = match &decl.name {
            Some(name) => name.clone(),
            None => txn.graph().default_index_name(IndexKind::Range, target, &keys).into(),
        };
        let def = IndexDef { name, kind: IndexKind::Range, target, keys };
        // IF NOT EXISTS: an index of that name, or one that covers the same, is enough.
        if decl.if_not_exists && txn.graph().check_new_index(&def).is_err() {
            return commit_ddl(txn, durable);
        }
        txn.create_index(def)?;
        commit_ddl(txn, durable)
    }

    pub(super) fn drop_index(&mut self, name: &str, if_exists: bool, span: Span) -> Result<QueryResult> {
        self.refuse_schema_in_transaction(span)?;
        let durable = &mut self.durable;
        let mut txn = Txn::new(&mut self.graph);
        if !txn.drop_index(name) && !if_exists {
            return Err(Error::at(
                ErrorCode::IndexNotFound,
                span,
                format!("unable to drop index called `{name}`: there is no such index"),
            ));
        }
        commit_ddl(txn, durable)
    }
}

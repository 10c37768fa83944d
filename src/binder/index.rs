//! Binds `CREATE INDEX`: every property of the ON list must belong to the variable the
//! FOR pattern names, and none may appear twice.

use super::bound;
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::IndexDefAst;

pub fn bind_create_index(def: &IndexDefAst, span: Span) -> Result<bound::Statement> {
    let mut keys: Vec<std::sync::Arc<str>> = Vec::new();
    for (owner, key) in &def.properties {
        if owner.name != def.variable.name {
            return Err(Error::at(
                ErrorCode::UndefinedVariable,
                owner.span,
                format!("variable `{}` not defined: the index is for `{}`", owner.name, def.variable.name),
            ));
        }
        if keys.iter().any(|k| **k == *key.name) {
            return Err(Error::at(
                ErrorCode::InvalidSchemaDefinition,
                key.span,
                format!("property `{}` appears twice in the index", key.name),
            ));
        }
        keys.push(key.name.as_str().into());
    }
    Ok(bound::Statement::CreateIndex(bound::IndexDecl {
        name: def.name.as_ref().map(|n| n.name.as_str().into()),
        if_not_exists: def.if_not_exists,
        rel: def.rel,
        target: def.target.name.as_str().into(),
        keys,
        span,
    }))
}

//! Index DDL in Neo4j's syntax: `CREATE INDEX` and `DROP INDEX`.

use pest::iterators::Pair;

use super::super::pairs::{unexpected, Cursor};
use super::super::parser::Rule;
use super::literal::ident;
use crate::error::Result;
use crate::syntax::ast::{IndexDefAst, StatementKind};

pub fn create_index(pair: Pair<'_, Rule>) -> Result<IndexDefAst> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CREATE)?;
    cursor.eat(Rule::RANGE_KW);
    cursor.take(Rule::INDEX_KW)?;
    let name = cursor.optional(Rule::schema_name).map(ident);
    let if_not_exists = cursor.eat(Rule::if_not_exists);
    cursor.take(Rule::FOR_KW)?;
    let target = cursor.take_any()?;
    let rel = match target.as_rule() {
        Rule::node_index_target => false,
        Rule::rel_index_target => true,
        _ => return Err(unexpected(&target, "an index target")),
    };
    let mut parts = Cursor::new(target);
    let variable = ident(parts.take(Rule::variable)?);
    let target = ident(parts.take(Rule::schema_name)?);
    cursor.take(Rule::ON)?;
    let mut properties = Vec::new();
    for item in cursor.many(Rule::index_property) {
        let mut parts = Cursor::new(item);
        let owner = ident(parts.take(Rule::variable)?);
        let key = ident(parts.take(Rule::schema_name)?);
        properties.push((owner, key));
    }
    Ok(IndexDefAst { name, if_not_exists, rel, variable, target, properties })
}

pub fn drop_index(pair: Pair<'_, Rule>) -> Result<StatementKind> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::DROP_KW)?;
    cursor.take(Rule::INDEX_KW)?;
    let name = ident(cursor.take(Rule::schema_name)?);
    let if_exists = cursor.eat(Rule::if_exists);
    Ok(StatementKind::DropIndex { name, if_exists })
}

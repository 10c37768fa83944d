//! From pest pairs to the AST: one function per grammar rule, named after the rule.

mod clause;
mod expr;
mod index;
mod labels;
mod literal;
mod pattern;
mod quantified;
mod schema;
mod show;
mod subquery;
mod types;

pub use expr::IS_NORMALIZED;

use pest::iterators::Pair;

use super::ast::{ExecMode, Statement, StatementKind, TxnCommand};
use super::pairs::{span_of, unexpected, Cursor};
use super::parser::Rule;
use crate::error::Result;

/// `statement`: an optional EXPLAIN/PROFILE, then DDL or a query.
pub fn statement(pair: Pair<'_, Rule>, text: &str) -> Result<Statement> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let mode = if cursor.eat(Rule::EXPLAIN) {
        ExecMode::Explain
    } else if cursor.eat(Rule::PROFILE) {
        ExecMode::Profile
    } else {
        ExecMode::Run
    };
    let body = cursor.take_any()?;
    let kind = match body.as_rule() {
        Rule::query => StatementKind::Query(clause::query(body, text)?),
        Rule::create_node_type => StatementKind::CreateNodeType(schema::create_node_type(body)?),
        Rule::create_rel_type => StatementKind::CreateRelType(schema::create_rel_type(body)?),
        Rule::create_index => StatementKind::CreateIndex(index::create_index(body)?),
        Rule::drop_index => index::drop_index(body)?,
        Rule::begin_transaction => StatementKind::Transaction(TxnCommand::Begin),
        Rule::commit_transaction => StatementKind::Transaction(TxnCommand::Commit),
        Rule::rollback_transaction => StatementKind::Transaction(TxnCommand::Rollback),
        Rule::create_constraint => StatementKind::CreateConstraint(schema::create_constraint(body)?),
        Rule::drop_constraint => StatementKind::DropConstraint(schema::drop_constraint(body)?),
        Rule::show_command => StatementKind::Query(show::show_command(body, text)?),
        _ => return Err(unexpected(&body, "a statement")),
    };
    Ok(Statement { mode, kind, span })
}

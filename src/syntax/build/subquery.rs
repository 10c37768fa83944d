//! Clauses that hold other clauses or read files: `CALL { … }`, `FOREACH`, `LOAD CSV`.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::clause::{clause, query};
use super::expr::expr;
use super::literal::{ident, string};
use crate::error::{Error, ErrorCode, Result};
use crate::syntax::ast::*;

pub fn subquery_call(pair: Pair<'_, Rule>, text: &str) -> Result<CallSubquery> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let optional = cursor.eat(Rule::OPTIONAL);
    cursor.take(Rule::CALL)?;
    let scope = cursor.optional(Rule::subquery_scope).map(|p| {
        let mut inner = Cursor::new(p);
        if inner.eat(Rule::star) {
            SubqueryScope::All
        } else {
            SubqueryScope::Variables(inner.many(Rule::variable).into_iter().map(ident).collect())
        }
    });
    let body = query(cursor.take(Rule::query)?, text)?;
    let in_transactions = cursor.optional(Rule::in_transactions).map(in_transactions).transpose()?;
    Ok(CallSubquery { optional, scope, query: body, in_transactions, span })
}

fn in_transactions(pair: Pair<'_, Rule>) -> Result<InTransactions> {
    let span = span_of(&pair);
    let mut out = InTransactions { batch: None, on_error: OnError::Fail, report: None, span };
    for option in pair.into_inner() {
        match option.as_rule() {
            Rule::IN | Rule::TRANSACTIONS => {}
            Rule::tx_concurrency => check_concurrency(option)?,
            Rule::tx_batch => {
                let mut inner = Cursor::new(option);
                inner.take(Rule::OF)?;
                out.batch = Some(expr(inner.take(Rule::expr)?)?);
            }
            Rule::tx_on_error => {
                let last = option.into_inner().last().map(|p| p.as_rule());
                out.on_error = match last {
                    Some(Rule::CONTINUE) => OnError::Continue,
                    Some(Rule::BREAK) => OnError::Break,
                    _ => OnError::Fail,
                };
            }
            Rule::tx_report => {
                let variable = option.into_inner().find(|p| p.as_rule() == Rule::variable);
                out.report = variable.map(ident);
            }
            _ => return Err(unexpected(&option, "IN TRANSACTIONS")),
        }
    }
    Ok(out)
}

/// `IN [n] CONCURRENT TRANSACTIONS`: accepted, the batches then run one after another
/// (one writer at a time is steppe's transaction model), which is a valid order of
/// concurrent ones; a literal count must still be positive, as Neo4j requires.
fn check_concurrency(pair: Pair<'_, Rule>) -> Result<()> {
    let Some(count) = pair.into_inner().find(|p| p.as_rule() == Rule::expr) else { return Ok(()) };
    let span = span_of(&count);
    let text = count.as_str().trim();
    match text.parse::<i64>() {
        Ok(n) if n < 1 => Err(Error::at(
            ErrorCode::InvalidArgumentValue,
            span,
            format!("the number of concurrent transactions must be at least 1, got {n}"),
        )),
        _ => Ok(()),
    }
}

pub fn foreach_clause(pair: Pair<'_, Rule>, text: &str) -> Result<Foreach> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::FOREACH)?;
    let variable = ident(cursor.take(Rule::variable)?);
    cursor.take(Rule::IN)?;
    let list = expr(cursor.take(Rule::expr)?)?;
    let mut clauses = Vec::new();
    while let Some(inner) = cursor.next() {
        clauses.push(clause(inner, text)?);
    }
    Ok(Foreach { variable, list, clauses, span })
}

pub fn load_csv_clause(pair: Pair<'_, Rule>) -> Result<LoadCsv> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::LOAD)?;
    cursor.take(Rule::CSV)?;
    let headers = cursor.optional(Rule::with_headers).is_some();
    cursor.take(Rule::FROM)?;
    let url = expr(cursor.take(Rule::expr)?)?;
    cursor.take(Rule::AS)?;
    let variable = ident(cursor.take(Rule::variable)?);
    let terminator = match cursor.eat(Rule::FIELDTERMINATOR) {
        true => {
            let pair = cursor.take(Rule::string)?;
            let at = span_of(&pair);
            Some((string(pair)?, at))
        }
        false => None,
    };
    Ok(LoadCsv { headers, url, variable, terminator, span })
}

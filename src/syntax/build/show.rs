//! SHOW commands, desugared into a procedure call and the clauses after it, so that
//! every SHOW runs through the one mechanism of `CALL … YIELD`:
//!
//! - `SHOW X` is `CALL p() YIELD <X's default columns> RETURN <them>`;
//! - `SHOW X WHERE c` is `CALL p() YIELD * WHERE c RETURN <defaults>`;
//! - `SHOW X YIELD items [ORDER BY] [SKIP] [LIMIT] [WHERE c] [RETURN …]` is
//!   `CALL p() YIELD items WITH * [ORDER BY …] [SKIP] [LIMIT] [WHERE c]`, then the
//!   RETURN given or one of the yielded columns, in the procedure's order for `YIELD *`.
//!
//! A filter word (`SHOW UNIQUE CONSTRAINTS`, `SHOW BUILT IN FUNCTIONS`) becomes the
//! procedure's argument.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::super::show_columns::{
    ShowCommand, CONSTRAINTS, DATABASES, FUNCTIONS, INDEXES, PROCEDURES, SETTINGS, TRANSACTIONS,
};
use super::clause::{order_by, return_clause, where_clause, yield_item};
use super::expr::expr;
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::*;

pub fn show_command(pair: Pair<'_, Rule>, text: &str) -> Result<Query> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::SHOW)?;
    let what = cursor.take_any()?;
    let what_span = span_of(&what);
    let (command, args) = show_what(what)?;
    let call_at = |yields| Call {
        procedure: Ident { name: command.procedure.to_string(), span: what_span },
        args: Some(args.clone()),
        yields: Some(yields),
        span: what_span,
    };
    let mut clauses = Vec::new();
    let returned: Vec<String> = match cursor.next() {
        None => {
            let items = command.defaults.iter().map(|c| (named(c, span), None)).collect();
            clauses.push(Clause::Call(call_at(YieldItems { star: false, items, where_: None })));
            names(command.defaults)
        }
        Some(w) if w.as_rule() == Rule::where_clause => {
            let where_ = Some(where_clause(w)?);
            clauses.push(Clause::Call(call_at(YieldItems { star: true, items: Vec::new(), where_ })));
            names(command.defaults)
        }
        Some(y) if y.as_rule() == Rule::show_yield => {
            let tail = show_yield(y, text)?;
            let returned = match tail.star {
                true => names(command.columns),
                false => tail.items.iter().map(|(n, a)| a.as_ref().unwrap_or(n).name.clone()).collect(),
            };
            clauses.push(Clause::Call(call_at(YieldItems { star: tail.star, items: tail.items, where_: None })));
            if let Some(with) = tail.with {
                clauses.push(Clause::With(with));
            }
            if let Some(ret) = cursor.optional(Rule::return_clause) {
                clauses.push(Clause::Return(return_clause(ret, text)?));
                return Ok(query_of(clauses, span));
            }
            returned
        }
        Some(other) => return Err(unexpected(&other, "a SHOW command")),
    };
    clauses.push(Clause::Return(return_columns(&returned, span)));
    Ok(query_of(clauses, span))
}

fn query_of(clauses: Vec<Clause>, span: Span) -> Query {
    Query { first: SingleQuery { clauses, finish: None, span }, unions: Vec::new() }
}

fn names(columns: &[&str]) -> Vec<String> {
    columns.iter().map(|c| c.to_string()).collect()
}

fn named(name: &str, span: Span) -> Ident {
    Ident { name: name.to_string(), span }
}

fn return_columns(columns: &[String], span: Span) -> Return {
    let items = columns
        .iter()
        .map(|c| ProjectionItem {
            expr: Expr { kind: ExprKind::Variable(c.clone()), span },
            alias: None,
            text: c.clone(),
        })
        .collect();
    let projection = Projection { distinct: false, star: false, items, order_by: Vec::new(), skip: None, limit: None };
    Return { projection, span }
}

/// The SHOW command's procedure and the arguments its filter words give.
fn show_what(pair: Pair<'_, Rule>) -> Result<(ShowCommand, Vec<Expr>)> {
    let span = span_of(&pair);
    let rule = pair.as_rule();
    let words: Vec<String> = pair.as_str().split_whitespace().map(|w| w.to_uppercase()).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let string = |s: &str| Expr { kind: ExprKind::Literal(Literal::String(s.to_string())), span };
    match rule {
        Rule::show_constraints => {
            let types = constraint_types(&words[..words.len().saturating_sub(1)]);
            let args = match types {
                Some(types) => vec![Expr { kind: ExprKind::List(types.iter().map(|t| string(t)).collect()), span }],
                None => Vec::new(),
            };
            Ok((CONSTRAINTS, args))
        }
        Rule::show_indexes => match words.first() {
            Some(&("ALL" | "RANGE")) | Some(&("INDEX" | "INDEXES")) => Ok((INDEXES, Vec::new())),
            Some(kind) => Err(Error::at(
                ErrorCode::UnsupportedFeature,
                span,
                format!("steppe has no {} indexes: SHOW INDEXES lists the range indexes it has", kind.to_lowercase()),
            )),
            None => Ok((INDEXES, Vec::new())),
        },
        Rule::show_procedures => Ok((PROCEDURES, Vec::new())),
        Rule::show_functions => {
            let filter = match words.first() {
                Some(&"BUILT") => "built in",
                Some(&"USER") => "user defined",
                _ => "all",
            };
            Ok((FUNCTIONS, vec![string(filter)]))
        }
        Rule::show_databases => {
            let name = pair.into_inner().find(|p| p.as_rule() == Rule::schema_name);
            Ok((DATABASES, name.map(|n| string(&super::literal::ident(n).name)).into_iter().collect()))
        }
        Rule::show_settings | Rule::show_transactions => {
            let command = if rule == Rule::show_settings { SETTINGS } else { TRANSACTIONS };
            let names =
                pair.into_inner().filter(|p| p.as_rule() == Rule::expr).map(expr).collect::<Result<Vec<_>>>()?;
            let args = match names.len() {
                0 => Vec::new(),
                1 => names,
                _ => vec![Expr { kind: ExprKind::List(names), span }],
            };
            Ok((command, args))
        }
        _ => Err(unexpected(&pair, "a SHOW command")),
    }
}

/// The `type` values a constraint filter keeps (`None`: all).
fn constraint_types(words: &[&str]) -> Option<Vec<&'static str>> {
    let (node, rel) = match words.first() {
        Some(&"NODE") => (true, false),
        Some(&("RELATIONSHIP" | "REL")) => (false, true),
        _ => (true, true),
    };
    let kind = words.iter().find(|w| !matches!(**w, "NODE" | "RELATIONSHIP" | "REL"))?;
    let (on_nodes, on_rels): (&[&str], &[&str]) = match *kind {
        "UNIQUE" | "UNIQUENESS" => (&["NODE_PROPERTY_UNIQUENESS"], &["RELATIONSHIP_PROPERTY_UNIQUENESS"]),
        "EXISTENCE" | "EXIST" => (&["NODE_PROPERTY_EXISTENCE"], &["RELATIONSHIP_PROPERTY_EXISTENCE"]),
        "PROPERTY" => (&["NODE_PROPERTY_TYPE"], &["RELATIONSHIP_PROPERTY_TYPE"]),
        "KEY" => (&["NODE_KEY"], &["RELATIONSHIP_KEY"]),
        _ => return None,
    };
    let mut types = Vec::new();
    if node {
        types.extend_from_slice(on_nodes);
    }
    if rel {
        types.extend_from_slice(on_rels);
    }
    Some(types)
}

struct ShowYield {
    star: bool,
    items: Vec<(Ident, Option<Ident>)>,
    /// `WITH *` carrying the YIELD's ORDER BY, SKIP, LIMIT and WHERE, when it has any.
    with: Option<With>,
}

fn show_yield(pair: Pair<'_, Rule>, text: &str) -> Result<ShowYield> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::YIELD)?;
    let star = cursor.eat(Rule::star);
    let items = cursor.many(Rule::yield_item).into_iter().map(yield_item).collect::<Result<Vec<_>>>()?;
    let order_by = cursor.optional(Rule::order_by).map(|o| order_by(o, text)).transpose()?.unwrap_or_default();
    let skip = cursor.optional(Rule::skip).map(keyword_then_expr).transpose()?;
    let limit = cursor.optional(Rule::limit).map(keyword_then_expr).transpose()?;
    let where_ = cursor.optional(Rule::where_clause).map(where_clause).transpose()?;
    let plain = order_by.is_empty() && skip.is_none() && limit.is_none() && where_.is_none();
    let with = (!plain).then(|| With {
        projection: Projection { distinct: false, star: true, items: Vec::new(), order_by, skip, limit },
        where_,
        span,
    });
    Ok(ShowYield { star, items, with })
}

fn keyword_then_expr(pair: Pair<'_, Rule>) -> Result<Expr> {
    let mut cursor = Cursor::new(pair);
    cursor.take_any()?;
    expr(cursor.take(Rule::expr)?)
}

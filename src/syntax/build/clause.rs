//! Queries and their clauses.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::expr::expr;
use super::literal::ident;
use super::pattern::{pattern, pattern_part};
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::*;

pub fn query(pair: Pair<'_, Rule>, text: &str) -> Result<Query> {
    let mut cursor = Cursor::new(pair);
    let mut query = union_query(&mut cursor, text)?;
    for part in cursor.many(Rule::next_part) {
        let span = span_of(&part);
        let mut inner = Cursor::new(part);
        inner.take(Rule::NEXT)?;
        let next = union_query(&mut inner, text)?;
        query = super::next::compose(query, next, span)?;
    }
    Ok(query)
}

/// A single query and the UNION parts after it.
fn union_query(cursor: &mut Cursor<'_>, text: &str) -> Result<Query> {
    let first = single_query(cursor.take(Rule::single_query)?, text)?;
    let mut unions = Vec::new();
    for part in cursor.many(Rule::union_part) {
        let span = span_of(&part);
        let mut inner = Cursor::new(part);
        inner.take(Rule::UNION)?;
        let all = inner.eat(Rule::ALL);
        // `UNION DISTINCT` is plain UNION spelled out.
        inner.eat(Rule::DISTINCT);
        let query = single_query(inner.take(Rule::single_query)?, text)?;
        unions.push(UnionPart { all, query, span });
    }
    Ok(Query { first, unions })
}

pub fn single_query(pair: Pair<'_, Rule>, text: &str) -> Result<SingleQuery> {
    let span = span_of(&pair);
    let mut clauses = Vec::new();
    let mut finish = None;
    for p in pair.into_inner() {
        if finish.is_some() {
            let message = "FINISH must be the last clause";
            return Err(Error::at(ErrorCode::InvalidClauseComposition, span_of(&p), message));
        }
        if p.as_rule() == Rule::finish_clause {
            if clauses.is_empty() {
                let message = "FINISH closes a query: put it after the query's clauses";
                return Err(Error::at(ErrorCode::InvalidClauseComposition, span_of(&p), message));
            }
            if let Some(Clause::Return(_)) = clauses.last() {
                let message = "a query ends with RETURN or with FINISH, not both";
                return Err(Error::at(ErrorCode::InvalidClauseComposition, span_of(&p), message));
            }
            finish = Some(span_of(&p));
        } else {
            clauses.push(clause(p, text)?);
        }
    }
    Ok(SingleQuery { clauses, finish, span })
}

pub fn clause(pair: Pair<'_, Rule>, text: &str) -> Result<Clause> {
    Ok(match pair.as_rule() {
        Rule::match_clause => Clause::Match(match_clause(pair)?),
        Rule::unwind_clause => Clause::Unwind(unwind_clause(pair)?),
        Rule::with_clause => Clause::With(with_clause(pair, text)?),
        Rule::return_clause => Clause::Return(return_clause(pair, text)?),
        Rule::create_clause => Clause::Create(create_clause(pair)?),
        Rule::merge_clause => Clause::Merge(merge_clause(pair)?),
        Rule::set_clause => Clause::Set(set_clause(pair)?),
        Rule::delete_clause => Clause::Delete(delete_clause(pair)?),
        Rule::remove_clause => Clause::Remove(remove_clause(pair)?),
        Rule::call_clause => Clause::Call(call_clause(pair)?),
        Rule::subquery_call => Clause::Subquery(super::subquery::subquery_call(pair, text)?),
        Rule::foreach_clause => Clause::Foreach(super::subquery::foreach_clause(pair, text)?),
        Rule::load_csv_clause => Clause::LoadCsv(super::subquery::load_csv_clause(pair)?),
        Rule::page_clause => Clause::With(page_clause(pair, text)?),
        Rule::filter_clause => Clause::With(filter_clause(pair)?),
        Rule::let_clause => Clause::With(let_clause(pair, text)?),
        _ => return Err(unexpected(&pair, "a query")),
    })
}

pub fn match_clause(pair: Pair<'_, Rule>) -> Result<Match> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let optional = cursor.eat(Rule::OPTIONAL);
    cursor.take(Rule::MATCH)?;
    let pattern = pattern(cursor.take(Rule::pattern)?)?;
    let where_ = cursor.optional(Rule::where_clause).map(where_clause).transpose()?;
    Ok(Match { optional, pattern, where_, span })
}

pub fn where_clause(pair: Pair<'_, Rule>) -> Result<Expr> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::WHERE)?;
    expr(cursor.take(Rule::expr)?)
}

fn unwind_clause(pair: Pair<'_, Rule>) -> Result<Unwind> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::UNWIND)?;
    let list = expr(cursor.take(Rule::expr)?)?;
    cursor.take(Rule::AS)?;
    let variable = ident(cursor.take(Rule::variable)?);
    Ok(Unwind { expr: list, variable, span })
}

fn with_clause(pair: Pair<'_, Rule>, text: &str) -> Result<With> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::WITH)?;
    let projection = projection_body(cursor.take(Rule::projection_body)?, text)?;
    let where_ = cursor.optional(Rule::where_clause).map(where_clause).transpose()?;
    Ok(With { projection, where_, span })
}

pub(super) fn return_clause(pair: Pair<'_, Rule>, text: &str) -> Result<Return> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::RETURN)?;
    let projection = projection_body(cursor.take(Rule::projection_body)?, text)?;
    Ok(Return { projection, span })
}

fn projection_body(pair: Pair<'_, Rule>, text: &str) -> Result<Projection> {
    let mut cursor = Cursor::new(pair);
    let distinct = cursor.eat(Rule::DISTINCT);
    let mut items_cursor = Cursor::new(cursor.take(Rule::projection_items)?);
    let star = items_cursor.eat(Rule::star);
    let items = items_cursor
        .many(Rule::projection_item)
        .into_iter()
        .map(|p| projection_item(p, text))
        .collect::<Result<_>>()?;
    let (order_by, skip, limit) = paging(&mut cursor, text)?;
    Ok(Projection { distinct, star, items, order_by, skip, limit })
}

type Paging = (Vec<SortItem>, Option<Expr>, Option<Expr>);

/// `[ORDER BY …] [SKIP|OFFSET n] [LIMIT n]`, after a projection or standing alone.
fn paging(cursor: &mut Cursor<'_>, text: &str) -> Result<Paging> {
    let order_by = cursor.optional(Rule::order_by).map(|o| order_by(o, text)).transpose()?.unwrap_or_default();
    let skip = cursor.optional(Rule::skip).map(keyword_then_expr).transpose()?;
    let limit = cursor.optional(Rule::limit).map(keyword_then_expr).transpose()?;
    Ok((order_by, skip, limit))
}

/// `WITH *` with nothing else: what GQL's standalone clauses are made of.
fn pass_through(span: Span) -> With {
    let projection =
        Projection { distinct: false, star: true, items: Vec::new(), order_by: Vec::new(), skip: None, limit: None };
    With { projection, where_: None, span }
}

/// Standalone `ORDER BY … SKIP … LIMIT …` is `WITH * ORDER BY … SKIP … LIMIT …`.
fn page_clause(pair: Pair<'_, Rule>, text: &str) -> Result<With> {
    let mut with = pass_through(span_of(&pair));
    let (order_by, skip, limit) = paging(&mut Cursor::new(pair), text)?;
    with.projection.order_by = order_by;
    with.projection.skip = skip;
    with.projection.limit = limit;
    Ok(with)
}

/// `FILTER [WHERE] cond` is `WITH * WHERE cond`.
fn filter_clause(pair: Pair<'_, Rule>) -> Result<With> {
    let mut with = pass_through(span_of(&pair));
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::FILTER)?;
    cursor.eat(Rule::WHERE);
    with.where_ = Some(expr(cursor.take(Rule::expr)?)?);
    Ok(with)
}

/// `LET x = e, y = f` is `WITH *, e AS x, f AS y`.
fn let_clause(pair: Pair<'_, Rule>, text: &str) -> Result<With> {
    let mut with = pass_through(span_of(&pair));
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::LET)?;
    for item in cursor.many(Rule::let_item) {
        let mut inner = Cursor::new(item);
        let alias = ident(inner.take(Rule::variable)?);
        let value = expr(inner.take(Rule::expr)?)?;
        let written = text.get(value.span.start..value.span.end).unwrap_or_default().trim_end().to_string();
        with.projection.items.push(ProjectionItem { expr: value, alias: Some(alias), text: written });
    }
    Ok(with)
}

pub(super) fn order_by(pair: Pair<'_, Rule>, text: &str) -> Result<Vec<SortItem>> {
    let mut order = Cursor::new(pair);
    order.take(Rule::ORDER)?;
    order.take(Rule::BY)?;
    order.many(Rule::sort_item).into_iter().map(|p| sort_item(p, text)).collect()
}

fn keyword_then_expr(pair: Pair<'_, Rule>) -> Result<Expr> {
    let mut cursor = Cursor::new(pair);
    cursor.take_any()?;
    expr(cursor.take(Rule::expr)?)
}

fn projection_item(pair: Pair<'_, Rule>, text: &str) -> Result<ProjectionItem> {
    let mut cursor = Cursor::new(pair);
    let value = expr(cursor.take(Rule::expr)?)?;
    let alias = match cursor.eat(Rule::AS) {
        true => Some(ident(cursor.take(Rule::schema_name)?)),
        false => None,
    };
    // A span may end in the white space a rule swallowed (`m:TYPE\n`): the name is the text.
    let written = text.get(value.span.start..value.span.end).unwrap_or_default().trim_end().to_string();
    Ok(ProjectionItem { expr: value, alias, text: written })
}

fn sort_item(pair: Pair<'_, Rule>, text: &str) -> Result<SortItem> {
    let mut cursor = Cursor::new(pair);
    let key = expr(cursor.take(Rule::expr)?)?;
    let descending = cursor.eat(Rule::DESC);
    let written = text.get(key.span.start..key.span.end).unwrap_or_default().trim_end().to_string();
    Ok(SortItem { expr: key, descending, text: written })
}

fn create_clause(pair: Pair<'_, Rule>) -> Result<Create> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CREATE)?;
    Ok(Create { pattern: pattern(cursor.take(Rule::pattern)?)?, span })
}

fn merge_clause(pair: Pair<'_, Rule>) -> Result<Merge> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::MERGE)?;
    let part = pattern_part(cursor.take(Rule::pattern_part)?)?;
    let (mut on_create, mut on_match) = (Vec::new(), Vec::new());
    for action in cursor.many(Rule::merge_action) {
        let mut inner = Cursor::new(action);
        inner.take(Rule::ON)?;
        let on_create_action = inner.eat(Rule::CREATE);
        if !on_create_action {
            inner.take(Rule::MATCH)?;
        }
        let items = set_clause(inner.take(Rule::set_clause)?)?.items;
        if on_create_action {
            on_create.extend(items);
        } else {
            on_match.extend(items);
        }
    }
    Ok(Merge { part, on_create, on_match, span })
}

fn set_clause(pair: Pair<'_, Rule>) -> Result<SetClause> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::SET)?;
    let items = cursor.many(Rule::set_item).into_iter().map(set_item).collect::<Result<_>>()?;
    Ok(SetClause { items, span })
}

fn set_item(pair: Pair<'_, Rule>) -> Result<SetItem> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let item = cursor.take_any()?;
    let rule = item.as_rule();
    let mut parts = Cursor::new(item);
    Ok(match rule {
        Rule::set_property => {
            let (target, key) = property_target(parts.take(Rule::property_target)?)?;
            let value = expr(parts.take(Rule::expr)?)?;
            SetItem::Property { target, key, value, span }
        }
        Rule::set_dynamic_property => {
            let (target, key) = dynamic_property_target(parts.take(Rule::dynamic_property_target)?)?;
            let value = expr(parts.take(Rule::expr)?)?;
            SetItem::DynamicProperty { target, key, value, span }
        }
        Rule::set_all => {
            let variable = ident(parts.take(Rule::variable)?);
            SetItem::Replace { variable, value: expr(parts.take(Rule::expr)?)?, span }
        }
        Rule::set_merge => {
            let variable = ident(parts.take(Rule::variable)?);
            SetItem::Merge { variable, value: expr(parts.take(Rule::expr)?)?, span }
        }
        Rule::set_labels => {
            let variable = ident(parts.take(Rule::variable)?);
            let (labels, dynamic) = set_labels(parts.take(Rule::node_labels)?)?;
            SetItem::Labels { variable, labels, dynamic, span }
        }
        _ => return Err(crate::Error::internal(format!("unexpected {rule:?} in a SET item")).with_span(span)),
    })
}

/// `property_target`: an expression ending in `.key`; returns the owner and the key.
fn property_target(pair: Pair<'_, Rule>) -> Result<(Expr, Ident)> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let first = cursor.take_any()?;
    let mut owner = super::expr::primary(first)?;
    let lookups = cursor.many(Rule::property_lookup);
    let n_lookups = lookups.len();
    let mut key = None;
    for (i, lookup) in lookups.into_iter().enumerate() {
        let name = ident(Cursor::new(lookup).take(Rule::schema_name)?);
        if i + 1 == n_lookups {
            key = Some(name);
        } else {
            let owner_span = owner.span.cover(name.span);
            owner = Expr { kind: ExprKind::Property(Box::new(owner), name), span: owner_span };
        }
    }
    let key = key.ok_or_else(|| crate::Error::internal("a property target without a property").with_span(span))?;
    Ok((owner, key))
}

/// `dynamic_property_target`: `owner[key]`; returns the owner (with its `.a.b` lookups)
/// and the key expression.
fn dynamic_property_target(pair: Pair<'_, Rule>) -> Result<(Expr, Expr)> {
    let mut cursor = Cursor::new(pair);
    let first = cursor.take_any()?;
    let mut owner = super::expr::primary(first)?;
    for lookup in cursor.many(Rule::property_lookup) {
        let name = ident(Cursor::new(lookup).take(Rule::schema_name)?);
        let owner_span = owner.span.cover(name.span);
        owner = Expr { kind: ExprKind::Property(Box::new(owner), name), span: owner_span };
    }
    let key = expr(cursor.take(Rule::expr)?)?;
    Ok((owner, key))
}

/// The labels SET or REMOVE names: `:A:B`, `:A&B`, `:$(expr)`; no `|`, `!` or `%`.
fn set_labels(pair: Pair<'_, Rule>) -> Result<(Vec<Ident>, Vec<Expr>)> {
    let span = span_of(&pair);
    let expr = super::labels::labels(pair)?;
    expr.names_and_dynamic().ok_or_else(|| {
        crate::Error::at(
            crate::ErrorCode::InvalidPattern,
            span,
            "SET and REMOVE take labels (`:A:B`, `:A&B` or `:$(expr)`), not a label expression",
        )
    })
}

fn remove_clause(pair: Pair<'_, Rule>) -> Result<Remove> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::REMOVE)?;
    let mut items = Vec::new();
    for item in cursor.many(Rule::remove_item) {
        let item_span = span_of(&item);
        let mut inner = Cursor::new(item);
        let body = inner.take_any()?;
        items.push(match body.as_rule() {
            Rule::set_labels => {
                let mut parts = Cursor::new(body);
                let variable = ident(parts.take(Rule::variable)?);
                let (labels, dynamic) = set_labels(parts.take(Rule::node_labels)?)?;
                RemoveItem::Labels { variable, labels, dynamic, span: item_span }
            }
            Rule::property_target => {
                let (target, key) = property_target(body)?;
                RemoveItem::Property { target, key, span: item_span }
            }
            Rule::dynamic_property_target => {
                let (target, key) = dynamic_property_target(body)?;
                RemoveItem::DynamicProperty { target, key, span: item_span }
            }
            _ => return Err(unexpected(&body, "a REMOVE item")),
        });
    }
    Ok(Remove { items, span })
}

fn delete_clause(pair: Pair<'_, Rule>) -> Result<Delete> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let detach = cursor.eat(Rule::DETACH);
    cursor.take(Rule::DELETE)?;
    let exprs = cursor.many(Rule::expr).into_iter().map(expr).collect::<Result<_>>()?;
    Ok(Delete { detach, exprs, span })
}

fn call_clause(pair: Pair<'_, Rule>) -> Result<Call> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CALL)?;
    let name = cursor.take(Rule::procedure_name)?;
    let procedure = Ident { name: name.as_str().to_string(), span: span_of(&name) };
    // `CALL db.labels()` and `CALL db.labels` differ only in the parentheses.
    let after_name = text_after(&name, &cursor);
    let has_parens = after_name.trim_start().starts_with('(');
    let args_pairs = cursor.many(Rule::expr);
    let yields = cursor.optional(Rule::yield_items).map(yield_items).transpose()?;
    let args = if args_pairs.is_empty() && !has_parens {
        None
    } else {
        Some(args_pairs.into_iter().map(expr).collect::<Result<_>>()?)
    };
    Ok(Call { procedure, args, yields, span })
}

/// The text from the end of `name` to the end of the clause.
fn text_after<'i>(name: &Pair<'i, Rule>, cursor: &Cursor<'i>) -> &'i str {
    let input = name.as_span().get_input();
    input.get(name.as_span().end()..cursor.span().end).unwrap_or("")
}

/// `name [AS alias]` of a YIELD.
pub(super) fn yield_item(pair: Pair<'_, Rule>) -> Result<(Ident, Option<Ident>)> {
    let mut inner = Cursor::new(pair);
    let name = ident(inner.take(Rule::schema_name)?);
    let alias = if inner.eat(Rule::AS) { Some(ident(inner.take(Rule::variable)?)) } else { None };
    Ok((name, alias))
}

fn yield_items(pair: Pair<'_, Rule>) -> Result<YieldItems> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::YIELD)?;
    let star = cursor.eat(Rule::star);
    let items = cursor.many(Rule::yield_item).into_iter().map(yield_item).collect::<Result<_>>()?;
    let where_ = cursor.optional(Rule::where_clause).map(where_clause).transpose()?;
    Ok(YieldItems { star, items, where_ })
}

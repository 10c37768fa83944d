//! `NEXT` (GQL linear composition, Cypher 25): `q1 NEXT q2` passes the whole table `q1`
//! returns to `q2`, whose clauses read its columns as variables. It is desugared here into
//! clauses the later stages know: `q1`'s RETURN becomes a WITH (an item without an alias
//! keeps its column name as its variable: `` `n.name` ``), followed by `q2`'s clauses; a
//! `q1` with UNION parts becomes `CALL { q1 }` followed by them.

use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::{CallSubquery, Clause, Ident, Query, SingleQuery, With};

/// `left NEXT right`, as one query.
pub(super) fn compose(left: Query, right: Query, span: Span) -> Result<Query> {
    if let Some(union) = right.unions.first() {
        return Err(Error::at(
            ErrorCode::UnsupportedFeature,
            union.span,
            "a UNION after NEXT is not supported yet; put it in a CALL { … } after NEXT",
        ));
    }
    let head = match left.unions.is_empty() {
        true => returned_as_with(left.first, span)?,
        false => {
            let span = left.first.span;
            let call = CallSubquery { optional: false, scope: None, query: left, in_transactions: None, span };
            SingleQuery { clauses: vec![Clause::Subquery(call)], finish: None, span }
        }
    };
    let mut clauses = head.clauses;
    clauses.extend(right.first.clauses);
    let span = head.span.cover(right.first.span);
    Ok(Query { first: SingleQuery { clauses, finish: right.first.finish, span }, unions: Vec::new() })
}

/// The query before NEXT, its closing RETURN made a WITH.
fn returned_as_with(mut query: SingleQuery, next: Span) -> Result<SingleQuery> {
    let Some(Clause::Return(ret)) = query.clauses.pop() else {
        return Err(Error::at(
            ErrorCode::InvalidClauseComposition,
            next,
            "the query before NEXT must end with RETURN: its rows are what NEXT passes on",
        ));
    };
    let mut projection = ret.projection;
    for item in &mut projection.items {
        if item.alias.is_none() && !is_variable(item) {
            item.alias = Some(Ident { name: item.text.clone(), span: item.expr.span });
        }
    }
    query.clauses.push(Clause::With(With { projection, where_: None, span: ret.span }));
    Ok(query)
}

fn is_variable(item: &crate::syntax::ast::ProjectionItem) -> bool {
    matches!(&item.expr.kind, crate::syntax::ast::ExprKind::Variable(_))
}

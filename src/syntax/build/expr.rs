//! Expressions, by precedence climbing (pest's `PrattParser`).
//!
//! Precedence, loosest first, as openCypher defines it: OR, XOR, AND, NOT, comparisons,
//! string/list predicates and IS NULL, + -, * / %, ^, unary + -, then postfix property
//! access, indexing and label checks.

use std::sync::LazyLock;

use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::clause::{node_labels, query, where_clause};
use super::literal::{float, ident, integer, string};
use super::pattern::pattern;
use super::pattern::pattern_predicate;
use crate::error::Result;
use crate::span::Span;
use crate::syntax::ast::*;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or_op, Assoc::Left))
        .op(Op::infix(Rule::xor_op, Assoc::Left))
        .op(Op::infix(Rule::and_op, Assoc::Left))
        .op(Op::prefix(Rule::not_op))
        .op(Op::infix(Rule::eq, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left)
            | Op::infix(Rule::lt, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::ge, Assoc::Left))
        .op(Op::infix(Rule::regex_match, Assoc::Left)
            | Op::infix(Rule::starts_with, Assoc::Left)
            | Op::infix(Rule::ends_with, Assoc::Left)
            | Op::infix(Rule::contains, Assoc::Left)
            | Op::infix(Rule::in_op, Assoc::Left)
            | Op::postfix(Rule::is_null)
            | Op::postfix(Rule::is_not_null))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left)
            | Op::infix(Rule::div, Assoc::Left)
            | Op::infix(Rule::modulo, Assoc::Left))
        .op(Op::infix(Rule::pow, Assoc::Left))
        .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos))
        .op(Op::postfix(Rule::property_lookup) | Op::postfix(Rule::index_or_slice) | Op::postfix(Rule::node_labels))
});

/// How many operators one expression may chain without brackets: each becomes a level
/// of the tree that later stages walk recursively.
pub const MAX_OPERATORS: usize = 1_000;

pub fn expr(pair: Pair<'_, Rule>) -> Result<Expr> {
    let span = span_of(&pair);
    let pairs: Vec<Pair<'_, Rule>> = pair.into_inner().collect();
    if pairs.len() > 2 * MAX_OPERATORS {
        return Err(crate::Error::at(
            crate::ErrorCode::NestingTooDeep,
            span,
            format!("expression chains more than {MAX_OPERATORS} operators; split it up"),
        ));
    }
    let negated = negated_integer_starts(&pairs);
    // Comparisons built at this level (not inside brackets): `a < b < c` chains them.
    let comparisons = std::cell::RefCell::new(Vec::new());
    let parsed = PRATT
        .map_primary(|p| match p.as_rule() {
            Rule::integer if negated.contains(&span_of(&p).start) => {
                Ok(literal(integer(p.clone(), true)?, span_of(&p)))
            }
            _ => primary(p),
        })
        .map_prefix(|op, rhs| {
            let rhs = rhs?;
            // The literal under this minus was read with its sign already.
            if op.as_rule() == Rule::neg && negated.contains(&rhs.span.start) && is_int_literal(&rhs) {
                return Ok(Expr { span: span_of(&op).cover(rhs.span), ..rhs });
            }
            prefix(op, rhs)
        })
        .map_postfix(|lhs, op| postfix(lhs?, op))
        .map_infix(|lhs, op, rhs| {
            let built = infix(lhs?, op, rhs?)?;
            let chained = chain_comparison(built, &comparisons.borrow());
            if is_comparison(&chained) || comparisons.borrow().iter().any(|s| chained_from(&chained, *s)) {
                comparisons.borrow_mut().push(chained.span);
            }
            Ok(chained)
        })
        .parse(pairs.into_iter());
    parsed
}

/// `-9223372036854775808` is a literal, though 9223372036854775808 alone does not fit in
/// 64 bits: the start offsets of integer literals directly after a prefix minus, which
/// are read as negative numbers.
fn negated_integer_starts(pairs: &[Pair<'_, Rule>]) -> Vec<usize> {
    pairs
        .windows(2)
        .filter(|w| w[0].as_rule() == Rule::neg && w[1].as_rule() == Rule::integer)
        .map(|w| span_of(&w[1]).start)
        .collect()
}

fn comparison_op(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge)
}

fn is_comparison(expr: &Expr) -> bool {
    matches!(&expr.kind, ExprKind::Binary(op, _, _) if comparison_op(*op))
}

/// Whether `expr` is an AND that `chain_comparison` made from the comparison at `span`.
fn chained_from(expr: &Expr, span: Span) -> bool {
    matches!(&expr.kind, ExprKind::Binary(BinaryOp::And, lhs, _) if lhs.span == span)
}

/// openCypher reads `a < b <= c` as `a < b AND b <= c`. `built` is `(lhs) op rhs`; when
/// `lhs` is a comparison (or a chain) made at this level, the chain gets one more link.
fn chain_comparison(built: Expr, comparisons: &[Span]) -> Expr {
    let ExprKind::Binary(op, lhs, rhs) = &built.kind else { return built };
    if !comparison_op(*op) || !comparisons.contains(&lhs.span) {
        return built;
    }
    let middle = match &lhs.kind {
        ExprKind::Binary(BinaryOp::And, _, last) => match &last.kind {
            ExprKind::Binary(_, _, m) => (**m).clone(),
            _ => return built,
        },
        ExprKind::Binary(_, _, m) => (**m).clone(),
        _ => return built,
    };
    let link_span = middle.span.cover(rhs.span);
    let link = Expr { kind: ExprKind::Binary(*op, Box::new(middle), rhs.clone()), span: link_span };
    Expr { kind: ExprKind::Binary(BinaryOp::And, lhs.clone(), Box::new(link)), span: built.span }
}

fn is_int_literal(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Literal(Literal::Int(_)))
}

fn prefix(op: Pair<'_, Rule>, rhs: Expr) -> Result<Expr> {
    let span = span_of(&op).cover(rhs.span);
    let unary = match op.as_rule() {
        Rule::not_op => UnaryOp::Not,
        Rule::neg => UnaryOp::Neg,
        Rule::pos => UnaryOp::Pos,
        _ => return Err(unexpected(&op, "a prefix operator")),
    };
    Ok(Expr { kind: ExprKind::Unary(unary, Box::new(rhs)), span })
}

fn postfix(lhs: Expr, op: Pair<'_, Rule>) -> Result<Expr> {
    let span = lhs.span.cover(span_of(&op));
    let kind = match op.as_rule() {
        Rule::is_null => ExprKind::IsNull { expr: Box::new(lhs), negated: false },
        Rule::is_not_null => ExprKind::IsNull { expr: Box::new(lhs), negated: true },
        Rule::property_lookup => {
            let key = ident(Cursor::new(op).take(Rule::schema_name)?);
            ExprKind::Property(Box::new(lhs), key)
        }
        Rule::node_labels => ExprKind::HasLabels(Box::new(lhs), node_labels(op)),
        Rule::index_or_slice => index_or_slice(lhs, op)?,
        _ => return Err(unexpected(&op, "a postfix operator")),
    };
    Ok(Expr { kind, span })
}

fn index_or_slice(lhs: Expr, op: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(op);
    let inner = cursor.take_any()?;
    if inner.as_rule() == Rule::expr {
        return Ok(ExprKind::Index(Box::new(lhs), Box::new(expr(inner)?)));
    }
    let mut from = None;
    let mut to = None;
    for bound in inner.into_inner() {
        let rule = bound.as_rule();
        let value = Cursor::new(bound).take(Rule::expr).and_then(expr)?;
        match rule {
            Rule::slice_from => from = Some(Box::new(value)),
            _ => to = Some(Box::new(value)),
        }
    }
    Ok(ExprKind::Slice(Box::new(lhs), from, to))
}

fn infix(lhs: Expr, op: Pair<'_, Rule>, rhs: Expr) -> Result<Expr> {
    let span = lhs.span.cover(rhs.span);
    let binary = match op.as_rule() {
        Rule::or_op => BinaryOp::Or,
        Rule::xor_op => BinaryOp::Xor,
        Rule::and_op => BinaryOp::And,
        Rule::eq => BinaryOp::Eq,
        Rule::ne => BinaryOp::Ne,
        Rule::lt => BinaryOp::Lt,
        Rule::le => BinaryOp::Le,
        Rule::gt => BinaryOp::Gt,
        Rule::ge => BinaryOp::Ge,
        Rule::regex_match => BinaryOp::RegexMatch,
        Rule::starts_with => BinaryOp::StartsWith,
        Rule::ends_with => BinaryOp::EndsWith,
        Rule::contains => BinaryOp::Contains,
        Rule::in_op => BinaryOp::In,
        Rule::add => BinaryOp::Add,
        Rule::sub => BinaryOp::Sub,
        Rule::mul => BinaryOp::Mul,
        Rule::div => BinaryOp::Div,
        Rule::modulo => BinaryOp::Mod,
        Rule::pow => BinaryOp::Pow,
        _ => return Err(unexpected(&op, "an operator")),
    };
    Ok(Expr { kind: ExprKind::Binary(binary, Box::new(lhs), Box::new(rhs)), span })
}

fn literal(kind: Literal, span: Span) -> Expr {
    Expr { kind: ExprKind::Literal(kind), span }
}

/// One operand of an expression.
pub fn primary(pair: Pair<'_, Rule>) -> Result<Expr> {
    let span = span_of(&pair);
    let kind = match pair.as_rule() {
        Rule::integer => ExprKind::Literal(integer(pair, false)?),
        Rule::float => ExprKind::Literal(float(pair)?),
        Rule::string => ExprKind::Literal(Literal::String(string(pair)?)),
        Rule::TRUE => ExprKind::Literal(Literal::Bool(true)),
        Rule::FALSE => ExprKind::Literal(Literal::Bool(false)),
        Rule::NULL => ExprKind::Literal(Literal::Null),
        Rule::parameter => ExprKind::Parameter(parameter_name(&pair)),
        Rule::variable => ExprKind::Variable(ident(pair).name),
        Rule::parenthesized => return Cursor::new(pair).take(Rule::expr).and_then(expr).map(|e| Expr { span, ..e }),
        Rule::list_literal => ExprKind::List(pair.into_inner().map(expr).collect::<Result<_>>()?),
        Rule::map_literal => return map_literal(pair),
        Rule::count_star => ExprKind::CountStar,
        Rule::function_call => function_call(pair)?,
        Rule::case_expr => case_expr(pair)?,
        Rule::list_comprehension => list_comprehension(pair)?,
        Rule::pattern_comprehension => pattern_comprehension(pair)?,
        Rule::quantifier => quantifier(pair)?,
        Rule::reduce_expr => reduce_expr(pair)?,
        Rule::exists_expr => exists_expr(pair)?,
        Rule::exists_subquery => expression_subquery(pair, SubqueryKind::Exists)?,
        Rule::count_subquery => expression_subquery(pair, SubqueryKind::Count)?,
        Rule::collect_subquery => expression_subquery(pair, SubqueryKind::Collect)?,
        Rule::pattern_predicate => ExprKind::PatternPredicate(Box::new(pattern_predicate(pair)?)),
        Rule::map_projection => map_projection(pair)?,
        _ => return Err(unexpected(&pair, "an expression")),
    };
    Ok(Expr { kind, span })
}

fn parameter_name(pair: &Pair<'_, Rule>) -> String {
    super::literal::unescape_name(pair.as_str().trim_start_matches('$'))
}

/// `properties` of a node or relationship pattern: a map literal or a parameter.
pub fn expr_from_properties(pair: Pair<'_, Rule>) -> Result<Expr> {
    let inner = Cursor::new(pair).take_any()?;
    match inner.as_rule() {
        Rule::map_literal => map_literal(inner),
        Rule::parameter => Ok(Expr { kind: ExprKind::Parameter(parameter_name(&inner)), span: span_of(&inner) }),
        _ => Err(unexpected(&inner, "pattern properties")),
    }
}

fn map_literal(pair: Pair<'_, Rule>) -> Result<Expr> {
    let span = span_of(&pair);
    let entries = pair.into_inner().map(map_entry).collect::<Result<_>>()?;
    Ok(Expr { kind: ExprKind::Map(entries), span })
}

fn map_entry(pair: Pair<'_, Rule>) -> Result<(Ident, Expr)> {
    let mut cursor = Cursor::new(pair);
    let key = ident(cursor.take(Rule::schema_name)?);
    let value = expr(cursor.take(Rule::expr)?)?;
    Ok((key, value))
}

fn function_call(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    let name = cursor.take(Rule::function_name)?;
    let name = Ident { name: name.as_str().to_string(), span: span_of(&name) };
    let distinct = cursor.eat(Rule::DISTINCT);
    let args = cursor.many(Rule::expr).into_iter().map(expr).collect::<Result<_>>()?;
    Ok(ExprKind::FunctionCall { name, distinct, args })
}

fn case_expr(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CASE)?;
    let subject = cursor.optional(Rule::expr).map(expr).transpose()?.map(Box::new);
    let mut whens = Vec::new();
    for when in cursor.many(Rule::case_when) {
        let mut inner = Cursor::new(when);
        inner.take(Rule::WHEN)?;
        let condition = expr(inner.take(Rule::expr)?)?;
        inner.take(Rule::THEN)?;
        whens.push((condition, expr(inner.take(Rule::expr)?)?));
    }
    let otherwise = match cursor.optional(Rule::case_else) {
        Some(e) => {
            let mut inner = Cursor::new(e);
            inner.take(Rule::ELSE)?;
            Some(Box::new(expr(inner.take(Rule::expr)?)?))
        }
        None => None,
    };
    Ok(ExprKind::Case { subject, whens, otherwise })
}

fn list_comprehension(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    let variable = ident(cursor.take(Rule::variable)?);
    cursor.take(Rule::IN)?;
    let list = Box::new(expr(cursor.take(Rule::expr)?)?);
    let filter = cursor.optional(Rule::where_clause).map(where_clause).transpose()?.map(Box::new);
    let map = cursor.optional(Rule::expr).map(expr).transpose()?.map(Box::new);
    Ok(ExprKind::ListComprehension { variable, list, filter, map })
}

fn pattern_comprehension(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    let path_variable = cursor.optional(Rule::variable).map(ident);
    let pattern = Box::new(pattern_predicate(cursor.take(Rule::pattern_predicate)?)?);
    let filter = cursor.optional(Rule::where_clause).map(where_clause).transpose()?.map(Box::new);
    let map = Box::new(expr(cursor.take(Rule::expr)?)?);
    Ok(ExprKind::PatternComprehension { path_variable, pattern, filter, map })
}

fn quantifier(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    let kind = match cursor.take_any()?.as_rule() {
        Rule::ALL => QuantifierKind::All,
        Rule::ANY_KW => QuantifierKind::Any,
        Rule::NONE => QuantifierKind::None,
        _ => QuantifierKind::Single,
    };
    let variable = ident(cursor.take(Rule::variable)?);
    cursor.take(Rule::IN)?;
    let list = Box::new(expr(cursor.take(Rule::expr)?)?);
    let filter = cursor.optional(Rule::where_clause).map(where_clause).transpose()?.map(Box::new);
    Ok(ExprKind::Quantifier { kind, variable, list, filter })
}

fn reduce_expr(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::REDUCE)?;
    let accumulator = ident(cursor.take(Rule::variable)?);
    let init = Box::new(expr(cursor.take(Rule::expr)?)?);
    let variable = ident(cursor.take(Rule::variable)?);
    cursor.take(Rule::IN)?;
    let list = Box::new(expr(cursor.take(Rule::expr)?)?);
    let body = Box::new(expr(cursor.take(Rule::expr)?)?);
    Ok(ExprKind::Reduce { accumulator, init, variable, list, expr: body })
}

fn exists_expr(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::EXISTS)?;
    let inner = cursor.take_any()?;
    match inner.as_rule() {
        Rule::pattern_predicate => {
            let span = span_of(&inner);
            let pattern = Expr { kind: ExprKind::PatternPredicate(Box::new(pattern_predicate(inner)?)), span };
            Ok(ExprKind::Exists(Box::new(pattern)))
        }
        Rule::expr => Ok(ExprKind::Exists(Box::new(expr(inner)?))),
        _ => Err(unexpected(&inner, "EXISTS")),
    }
}

/// `EXISTS { … }`, `COUNT { … }`, `COLLECT { … }`: a query, or the short form, a pattern with
/// an optional WHERE (a MATCH).
fn expression_subquery(pair: Pair<'_, Rule>, kind: SubqueryKind) -> Result<ExprKind> {
    let span = span_of(&pair);
    let text = pair.get_input();
    let mut cursor = Cursor::new(pair);
    cursor.take_any()?;
    if let Some(q) = cursor.optional(Rule::query) {
        return Ok(ExprKind::Subquery(kind, Box::new(query(q, text)?)));
    }
    let pattern = pattern(cursor.take(Rule::pattern)?)?;
    let where_ = cursor.optional(Rule::where_clause).map(where_clause).transpose()?;
    let short_form = Clause::Match(Match { optional: false, pattern, where_, span });
    let first = SingleQuery { clauses: vec![short_form], span };
    Ok(ExprKind::Subquery(kind, Box::new(Query { first, unions: Vec::new() })))
}

fn map_projection(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    let variable = ident(cursor.take(Rule::variable)?);
    let mut items = Vec::new();
    for item in cursor.many(Rule::map_projection_item) {
        let inner = Cursor::new(item).take_any()?;
        items.push(match inner.as_rule() {
            Rule::all_properties => MapProjectionItem::AllProperties(span_of(&inner)),
            Rule::property_selector => MapProjectionItem::Property(ident(Cursor::new(inner).take(Rule::schema_name)?)),
            Rule::map_entry => {
                let (key, value) = map_entry(inner)?;
                MapProjectionItem::Entry(key, value)
            }
            Rule::variable => MapProjectionItem::Variable(ident(inner)),
            _ => return Err(unexpected(&inner, "a map projection")),
        });
    }
    Ok(ExprKind::MapProjection { variable, items })
}

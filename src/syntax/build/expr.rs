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
use super::clause::{query, where_clause};
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
            | Op::postfix(Rule::is_not_null)
            | Op::postfix(Rule::is_normalized)
            | Op::postfix(Rule::type_predicate))
        .op(Op::infix(Rule::add, Assoc::Left)
            | Op::infix(Rule::sub, Assoc::Left)
            | Op::infix(Rule::concat, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left)
            | Op::infix(Rule::div, Assoc::Left)
            | Op::infix(Rule::modulo, Assoc::Left))
        .op(Op::infix(Rule::pow, Assoc::Left))
        .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos))
        .op(Op::postfix(Rule::property_lookup) | Op::postfix(Rule::index_or_slice) | Op::postfix(Rule::label_test))
});

/// How many operators one expression may chain without brackets: each becomes a level
/// of the tree that later stages walk recursively.
pub const MAX_OPERATORS: usize = 1_000;

/// How deep an expression tree may grow along any path: the operators of every chain
/// from the statement's top down to the innermost operand, summed over brackets, CASE
/// and comprehensions. The binder, planner and evaluator walk the tree recursively, so
/// this (with the nesting limit) bounds their recursion, whatever the text.
pub const MAX_EXPR_DEPTH: usize = 4 * MAX_OPERATORS;

thread_local! {
    /// The depth of the expression being built, summed over the `expr` calls around it.
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One `expr` level's share of [`DEPTH`], given back when it is built.
struct Depth(usize);

impl Depth {
    fn enter(levels: usize, span: Span) -> Result<Depth> {
        let depth = DEPTH.with(|d| d.get()) + levels;
        if depth > MAX_EXPR_DEPTH {
            return Err(crate::Error::at(
                crate::ErrorCode::NestingTooDeep,
                span,
                format!("the expression nests more than {MAX_EXPR_DEPTH} operators deep; split it up"),
            ));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(Depth(levels))
    }
}

impl Drop for Depth {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(self.0)));
    }
}

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
    let _depth = Depth::enter(pairs.len() / 2 + 1, span)?;
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
        Rule::is_normalized => return is_normalized(lhs, op, span),
        Rule::type_predicate => {
            let mut cursor = Cursor::new(op);
            cursor.eat(Rule::IS);
            let negated = cursor.eat(Rule::type_predicate_not);
            cursor.eat(Rule::TYPED);
            let ty = super::types::cypher_type(cursor.take(Rule::cypher_type)?)?;
            ExprKind::TypeTest { expr: Box::new(lhs), ty, negated }
        }
        Rule::property_lookup => {
            let key = ident(Cursor::new(op).take(Rule::schema_name)?);
            ExprKind::Property(Box::new(lhs), key)
        }
        Rule::label_test => match super::labels::split_plain(super::labels::labels(op)?) {
            (names, None) => ExprKind::HasLabels(Box::new(lhs), names),
            (_, Some(test)) => ExprKind::LabelTest(Box::new(lhs), test),
        },
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
        Rule::concat => BinaryOp::Concat,
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
        Rule::trim_from => trim_from(pair)?,
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
    // `count(ALL x)` is `count(x)`.
    cursor.eat(Rule::ALL);
    let mut args: Vec<Expr> = cursor.many(Rule::expr).into_iter().map(expr).collect::<Result<_>>()?;
    // `normalize(s, NFKC)`: the form is a keyword.
    if name.name.eq_ignore_ascii_case("normalize") {
        if let Some(form) = args.get_mut(1) {
            if let ExprKind::Variable(v) = &form.kind {
                if ["NFC", "NFD", "NFKC", "NFKD"].iter().any(|f| f.eq_ignore_ascii_case(v)) {
                    form.kind = ExprKind::Literal(Literal::String(v.to_ascii_uppercase()));
                }
            }
        }
    }
    Ok(ExprKind::FunctionCall { name, distinct, args })
}

/// `trim(LEADING 'x' FROM s)` as the function that trims that side: `ltrim(s, 'x')`.
fn trim_from(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    let keyword = cursor.take(Rule::TRIM)?;
    let side = cursor.optional(Rule::trim_side).map(|s| s.as_str().to_ascii_uppercase());
    let function = match side.as_deref() {
        Some("LEADING") => "ltrim",
        Some("TRAILING") => "rtrim",
        _ => "btrim",
    };
    let mut exprs = Vec::new();
    while let Ok(next) = cursor.take_any() {
        if next.as_rule() == Rule::expr {
            exprs.push(expr(next)?);
        }
    }
    // The source comes last in the text and first in the call.
    exprs.rotate_right(1);
    let name = Ident { name: function.to_string(), span: span_of(&keyword) };
    Ok(ExprKind::FunctionCall { name, distinct: false, args: exprs })
}

/// The hidden function `s IS [NOT] [form] NORMALIZED` calls; no query can name it.
pub const IS_NORMALIZED: &str = "is normalized";

fn is_normalized(lhs: Expr, op: Pair<'_, Rule>, span: Span) -> Result<Expr> {
    let op_span = span_of(&op);
    let mut cursor = Cursor::new(op);
    cursor.take(Rule::IS)?;
    let negated = cursor.eat(Rule::NOT);
    let form = cursor.optional(Rule::normal_form).map_or("NFC".to_string(), |f| f.as_str().to_ascii_uppercase());
    let name = Ident { name: IS_NORMALIZED.to_string(), span: op_span };
    let form = literal(Literal::String(form), op_span);
    let call = Expr { kind: ExprKind::FunctionCall { name, distinct: false, args: vec![lhs, form] }, span };
    Ok(match negated {
        true => Expr { kind: ExprKind::Unary(UnaryOp::Not, Box::new(call)), span },
        false => call,
    })
}

fn case_expr(pair: Pair<'_, Rule>) -> Result<ExprKind> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::CASE)?;
    let subject = cursor.optional(Rule::expr).map(expr).transpose()?.map(Box::new);
    let mut whens: Vec<(WhenOperand, Expr)> = Vec::new();
    for when in cursor.many(Rule::case_when) {
        let when_span = span_of(&when);
        let mut inner = Cursor::new(when);
        inner.take(Rule::WHEN)?;
        let mut conditions = Vec::new();
        loop {
            let operand = inner.take_any()?;
            match operand.as_rule() {
                Rule::THEN => break,
                Rule::case_partial => {
                    let Some(subject) = &subject else {
                        return Err(crate::Error::at(
                            crate::ErrorCode::UnexpectedSyntax,
                            span_of(&operand),
                            "a WHEN that starts with an operator needs the simple form: CASE x WHEN < 0 THEN …",
                        ));
                    };
                    conditions.push(WhenOperand::Condition(case_partial(subject.as_ref().clone(), operand)?));
                }
                _ => conditions.push(WhenOperand::Value(expr(operand)?)),
            }
        }
        let then = expr(inner.take(Rule::expr)?)?;
        // `CASE x WHEN 1, 2 THEN …` is `WHEN 1 THEN … WHEN 2 THEN …`.
        if conditions.len() > 1 && subject.is_none() {
            return Err(crate::Error::at(
                crate::ErrorCode::UnexpectedSyntax,
                when_span,
                "several values in one WHEN need the simple form: CASE x WHEN 1, 2 THEN …",
            ));
        }
        for condition in conditions {
            whens.push((condition, then.clone()));
        }
    }
    let otherwise = match cursor.optional(Rule::case_else) {
        Some(e) => {
            let mut inner = Cursor::new(e);
            inner.take(Rule::ELSE)?;
            Some(Box::new(expr(inner.take(Rule::expr)?)?))
        }
        None => None,
    };
    let extended = whens.iter().any(|(w, _)| matches!(w, WhenOperand::Condition(_)));
    match (extended, subject) {
        // The extended simple CASE is a searched one: each plain value `v` becomes `x = v`.
        (true, Some(subject)) => {
            let whens = whens
                .into_iter()
                .map(|(operand, then)| match operand {
                    WhenOperand::Condition(c) => (c, then),
                    WhenOperand::Value(v) => {
                        let span = v.span;
                        (Expr { kind: ExprKind::Binary(BinaryOp::Eq, subject.clone(), Box::new(v)), span }, then)
                    }
                })
                .collect();
            Ok(ExprKind::Case { subject: None, whens, otherwise })
        }
        (_, subject) => {
            let whens = whens.into_iter().map(|(operand, then)| (operand.into_expr(), then)).collect();
            Ok(ExprKind::Case { subject, whens, otherwise })
        }
    }
}

/// One operand of a WHEN: a value (compared with the subject, or a condition in the
/// searched form), or an operator completed with the subject (`WHEN < 13`).
enum WhenOperand {
    Value(Expr),
    Condition(Expr),
}

impl WhenOperand {
    fn into_expr(self) -> Expr {
        match self {
            WhenOperand::Value(e) | WhenOperand::Condition(e) => e,
        }
    }
}

/// A partial WHEN operand of the extended simple CASE, completed with the subject as its
/// left operand: `WHEN < 13` is `x < 13`, `WHEN IS NULL` is `x IS NULL`.
fn case_partial(subject: Expr, pair: Pair<'_, Rule>) -> Result<Expr> {
    let mut cursor = Cursor::new(pair);
    let op = cursor.take_any()?;
    match cursor.optional(Rule::expr) {
        Some(rhs) => infix(subject, op, expr(rhs)?),
        None => postfix(subject, op),
    }
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
    let first = SingleQuery { clauses: vec![short_form], finish: None, span };
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

//! Patterns: nodes, relationships, chains, named paths, shortest paths.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::expr::expr_from_properties;
use super::literal::ident;
use crate::error::{Error, ErrorCode, Result};
use crate::syntax::ast::*;

pub fn pattern(pair: Pair<'_, Rule>) -> Result<Pattern> {
    let span = span_of(&pair);
    let parts = pair.into_inner().map(pattern_part).collect::<Result<_>>()?;
    Ok(Pattern { parts, span })
}

pub fn pattern_part(pair: Pair<'_, Rule>) -> Result<PatternPart> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let mut path_variable = cursor.optional(Rule::variable).map(ident);
    let body = cursor.take_any()?;
    let (shortest, parenthesised, selector) = match body.as_rule() {
        Rule::shortest_path => {
            let mut inner = Cursor::new(body);
            let kind = if inner.eat(Rule::SHORTEST_PATH) {
                ShortestPath::One
            } else {
                inner.take(Rule::ALL_SHORTEST_PATHS)?;
                ShortestPath::All
            };
            let element = pattern_element(inner.take(Rule::pattern_element)?)?;
            (Some(kind), Parenthesised { element, variable: None, where_: None }, false)
        }
        Rule::pattern_element => (None, parenthesised_element(body)?, false),
        Rule::path_selector => {
            let selector_span = span_of(&body);
            let selector = path_selector(body)?;
            let parenthesised = parenthesised_element(cursor.take(Rule::pattern_element)?)?;
            let element = &parenthesised.element;
            // The breadth-first search takes one relationship starting at length 0 or 1
            // and no condition on the whole path; any other pattern selects among all its
            // matches by length.
            let searchable = parenthesised.where_.is_none()
                && matches!(element.chain.as_slice(), [(rel, _)] if rel.quantified.is_none() && rel.range.is_some_and(|r| r.min.is_none_or(|m| m <= 1)));
            let selector = match selector {
                Some(ShortestPath::One) if !searchable => {
                    Some(ShortestPath::Shortest { k: 1, groups: false, span: selector_span })
                }
                Some(ShortestPath::All) if !searchable => {
                    Some(ShortestPath::Shortest { k: 1, groups: true, span: selector_span })
                }
                other => other,
            };
            (selector, parenthesised, true)
        }
        _ => return Err(unexpected(&body, "a pattern")),
    };
    let Parenthesised { element, variable, where_ } = parenthesised;
    if let Some(inner) = variable {
        if path_variable.is_some() {
            return Err(Error::at(
                ErrorCode::InvalidPattern,
                inner.span,
                "a path has one name: name it before the selector or inside the parentheses, not both",
            ));
        }
        path_variable = Some(inner);
    }
    Ok(PatternPart { path_variable, shortest, selector, element, where_, span })
}

/// A path pattern and what parentheses around it may add: a name and a WHERE.
pub(super) struct Parenthesised {
    pub element: PatternElement,
    pub variable: Option<Ident>,
    pub where_: Option<Box<Expr>>,
}

/// `pattern_element`, with the name and WHERE a parenthesised path pattern may have
/// (`(p = (a)-->+(b) WHERE length(p) > 2)`); only a whole pattern may have them.
pub(super) fn parenthesised_element(pair: Pair<'_, Rule>) -> Result<Parenthesised> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let variable = cursor.optional(Rule::variable).map(ident);
    let Some(inner) = cursor.optional(Rule::pattern_element) else {
        let element = pattern_items(cursor, span)?;
        return Ok(Parenthesised { element, variable, where_: None });
    };
    let inner = parenthesised_element(inner)?;
    let where_ = cursor.optional(Rule::pattern_where).map(pattern_where).transpose()?;
    let twice = (variable.is_some() && inner.variable.is_some()) || (where_.is_some() && inner.where_.is_some());
    if twice {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            span,
            "nested parentheses around a path may give it one name and one WHERE",
        ));
    }
    Ok(Parenthesised { element: inner.element, variable: variable.or(inner.variable), where_: where_.or(inner.where_) })
}

/// A GQL path selector; `ALL [PATHS]` selects nothing (`None`).
fn path_selector(pair: Pair<'_, Rule>) -> Result<Option<ShortestPath>> {
    let span = span_of(&pair);
    let words: Vec<Rule> = pair.clone().into_inner().map(|p| p.as_rule()).collect();
    let mut k = None;
    for part in pair.into_inner().filter(|p| p.as_rule() == Rule::selector_count) {
        let text = part.as_str().trim();
        let n = text.parse::<u64>().map_err(|_| {
            Error::at(ErrorCode::InvalidNumberLiteral, span_of(&part), format!("path count {text} is too large"))
        })?;
        k = Some(n);
    }
    let has = |rule: Rule| words.contains(&rule);
    let k = k.unwrap_or(1);
    if k == 0 {
        return Err(Error::at(ErrorCode::InvalidPattern, span, "a path selector needs at least one path"));
    }
    Ok(match (has(Rule::ALL), has(Rule::SHORTEST), has(Rule::GROUPS)) {
        (true, true, _) => Some(ShortestPath::All),
        (true, false, _) => None,
        (false, _, true) if k == 1 => Some(ShortestPath::All),
        (false, _, groups) if k > 1 || groups => Some(ShortestPath::Shortest { k, groups, span }),
        (false, _, _) => Some(ShortestPath::One),
    })
}

pub fn pattern_element(pair: Pair<'_, Rule>) -> Result<PatternElement> {
    let span = span_of(&pair);
    let parenthesised = parenthesised_element(pair)?;
    if parenthesised.variable.is_some() || parenthesised.where_.is_some() {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            span,
            "a name or a WHERE inside parentheses is only allowed around a whole pattern of MATCH: MATCH SHORTEST 1 (p = (a)-->+(b) WHERE …)",
        ));
    }
    Ok(parenthesised.element)
}

/// The items of a path (`(x) ((a)-->(b)){1,3} (y)`), joined into one chain.
fn pattern_items(mut cursor: Cursor<'_>, span: crate::span::Span) -> Result<PatternElement> {
    let mut items = Vec::new();
    while let Some(item) = cursor.next() {
        items.push(match item.as_rule() {
            Rule::node_pattern => super::quantified::PathItem::Node(node_pattern(item)?),
            Rule::pattern_chain => super::quantified::PathItem::Step(Box::new(pattern_chain(item)?)),
            Rule::quantified_path => super::quantified::PathItem::Quantified(super::quantified::quantified_path(item)?),
            _ => return Err(unexpected(&item, "a pattern")),
        });
    }
    super::quantified::join_path(items, span)
}

/// `pattern_predicate`: a chain used as an expression.
pub fn pattern_predicate(pair: Pair<'_, Rule>) -> Result<PatternElement> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let start = node_pattern(cursor.take(Rule::node_pattern)?)?;
    let chain = cursor.many(Rule::pattern_chain).into_iter().map(pattern_chain).collect::<Result<_>>()?;
    Ok(PatternElement { start, chain, span })
}

pub(super) fn pattern_chain(pair: Pair<'_, Rule>) -> Result<(RelPattern, NodePattern)> {
    let mut cursor = Cursor::new(pair);
    let mut rel = rel_pattern(cursor.take(Rule::rel_pattern)?)?;
    if let Some(quantifier) = cursor.optional(Rule::rel_quantifier) {
        if let Some(range) = rel.range {
            return Err(Error::at(
                ErrorCode::InvalidPattern,
                range.span,
                "a relationship has either a length `*…` or a quantifier `{…}`, not both",
            ));
        }
        let range = rel_quantifier(quantifier)?;
        if rel.where_.is_some() {
            rel = super::quantified::quantified_relationship(rel, range)?;
        } else {
            rel.range = Some(range);
        }
    }
    let node = node_pattern(cursor.take(Rule::node_pattern)?)?;
    Ok((rel, node))
}

pub fn node_pattern(pair: Pair<'_, Rule>) -> Result<NodePattern> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let variable = cursor.optional(Rule::variable).map(ident);
    let label_expr = cursor.optional(Rule::node_labels).map(super::labels::labels).transpose()?;
    let (labels, label_expr) = label_expr.map(super::labels::split_plain).unwrap_or_default();
    let properties = cursor.optional(Rule::properties).map(expr_from_properties).transpose()?;
    let where_ = cursor.optional(Rule::pattern_where).map(pattern_where).transpose()?;
    Ok(NodePattern { variable, labels, label_expr, properties, where_, span })
}

pub(super) fn pattern_where(pair: Pair<'_, Rule>) -> Result<Box<Expr>> {
    let mut cursor = Cursor::new(pair);
    cursor.take(Rule::WHERE)?;
    Ok(Box::new(super::expr::expr(cursor.take(Rule::expr)?)?))
}

fn rel_pattern(pair: Pair<'_, Rule>) -> Result<RelPattern> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let left = cursor.eat(Rule::left_arrow);
    let detail = cursor.optional(Rule::rel_detail);
    let right = cursor.eat(Rule::right_arrow);
    let direction = match (left, right) {
        (true, false) => RelDirection::Left,
        (false, true) => RelDirection::Right,
        _ => RelDirection::Both,
    };
    let mut rel = RelPattern {
        variable: None,
        types: Vec::new(),
        type_expr: None,
        where_: None,
        direction,
        range: None,
        properties: None,
        quantified: None,
        span,
    };
    if let Some(detail) = detail {
        let mut inner = Cursor::new(detail);
        rel.variable = inner.optional(Rule::variable).map(ident);
        if let Some(types) = inner.optional(Rule::rel_types) {
            let mut types = Cursor::new(types);
            types.eat(Rule::IS);
            let expr = super::labels::label_or(types.take(Rule::label_or)?)?;
            match expr.alternative_names() {
                Some(names) => rel.types = names,
                None => rel.type_expr = Some(expr),
            }
        }
        rel.range = inner.optional(Rule::range).map(range).transpose()?;
        rel.properties = inner.optional(Rule::properties).map(expr_from_properties).transpose()?;
        rel.where_ = inner.optional(Rule::pattern_where).map(pattern_where).transpose()?;
    }
    Ok(rel)
}

/// `+` is `*1..`, `*` is `*0..`, `{n,m}` is `*n..m`, `{n}` is `*n`.
pub(super) fn rel_quantifier(pair: Pair<'_, Rule>) -> Result<LengthRange> {
    let span = span_of(&pair);
    match pair.as_str().trim() {
        "+" => Ok(LengthRange { min: Some(1), max: None, span }),
        "*" => Ok(LengthRange { min: Some(0), max: None, span }),
        _ => {
            let mut range = range(pair)?;
            // `{,m}` starts at 0, as GQL says (a `*..m` range starts at 1).
            range.min = range.min.or(Some(0));
            Ok(range)
        }
    }
}

fn range(pair: Pair<'_, Rule>) -> Result<LengthRange> {
    let span = span_of(&pair);
    let bound = |p: Pair<'_, Rule>| -> Result<u64> {
        let text = p.as_str().trim();
        text.parse::<u64>().map_err(|_| {
            Error::at(ErrorCode::InvalidNumberLiteral, span_of(&p), format!("path length {text} is too large"))
        })
    };
    let mut range = LengthRange { min: None, max: None, span };
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::range_exact => {
                let n = bound(part)?;
                range.min = Some(n);
                range.max = Some(n);
            }
            Rule::range_from => range.min = Some(bound(part)?),
            Rule::range_to => range.max = Some(bound(part)?),
            Rule::range_dots => {}
            _ => return Err(unexpected(&part, "a path length")),
        }
    }
    Ok(range)
}

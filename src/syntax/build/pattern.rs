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
    let path_variable = cursor.optional(Rule::variable).map(ident);
    let body = cursor.take_any()?;
    let (shortest, element) = match body.as_rule() {
        Rule::shortest_path => {
            let mut inner = Cursor::new(body);
            let kind = if inner.eat(Rule::SHORTEST_PATH) {
                ShortestPath::One
            } else {
                inner.take(Rule::ALL_SHORTEST_PATHS)?;
                ShortestPath::All
            };
            (Some(kind), pattern_element(inner.take(Rule::pattern_element)?)?)
        }
        Rule::pattern_element => (None, pattern_element(body)?),
        Rule::path_selector => {
            let selector_span = span_of(&body);
            let selector = path_selector(body)?;
            let element = pattern_element(cursor.take(Rule::pattern_element)?)?;
            // The breadth-first search takes one relationship starting at length 0 or 1;
            // any other pattern selects among all its matches by length.
            let searchable = matches!(element.chain.as_slice(), [(rel, _)] if rel.quantified.is_none() && rel.range.is_some_and(|r| r.min.is_none_or(|m| m <= 1)));
            let selector = match selector {
                Some(ShortestPath::One) if !searchable => {
                    Some(ShortestPath::Shortest { k: 1, groups: false, span: selector_span })
                }
                Some(ShortestPath::All) if !searchable => {
                    Some(ShortestPath::Shortest { k: 1, groups: true, span: selector_span })
                }
                other => other,
            };
            (selector, element)
        }
        _ => return Err(unexpected(&body, "a pattern")),
    };
    Ok(PatternPart { path_variable, shortest, element, span })
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
    let mut cursor = Cursor::new(pair);
    // `((a)-->(b))`: parentheses around a whole element.
    if let Some(inner) = cursor.optional(Rule::pattern_element) {
        return pattern_element(inner);
    }
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
        rel.range = Some(rel_quantifier(quantifier)?);
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
            let expr = super::labels::label_or(Cursor::new(types).take(Rule::label_or)?)?;
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

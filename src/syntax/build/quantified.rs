//! Quantified path patterns (GQL, Neo4j 5): `(x) ((a)-[r]->(b) WHERE …){1,3} (y)`.
//!
//! A path's items (node patterns, relationship steps, quantified paths) are joined here
//! into the one shape the later stages know: a start node and (relationship, node) steps,
//! where a quantified path is a step whose `RelPattern::quantified` holds it. Where a
//! quantified path has no node pattern beside it, an anonymous node stands in, as GQL
//! reads `((a)-->(b))+` as `() ((a)-->(b))+ ()`.

use pest::iterators::Pair;

use super::super::pairs::{span_of, Cursor};
use super::super::parser::Rule;
use super::pattern::{pattern_element, pattern_where, rel_quantifier};
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::syntax::ast::{Expr, LengthRange, NodePattern, PatternElement, QuantifiedPath, RelDirection, RelPattern};

/// One item of a path as written.
pub(super) enum PathItem {
    Node(NodePattern),
    Step(Box<(RelPattern, NodePattern)>),
    /// A quantified path pattern, already made a step (`RelPattern::quantified`).
    Quantified(RelPattern),
}

/// `quantified_path`: the inner path, its WHERE and its quantifier, as one step.
pub(super) fn quantified_path(pair: Pair<'_, Rule>) -> Result<RelPattern> {
    let span = span_of(&pair);
    let mut cursor = Cursor::new(pair);
    let element = pattern_element(cursor.take(Rule::pattern_element)?)?;
    let where_ = cursor.optional(Rule::pattern_where).map(pattern_where).transpose()?;
    let range = rel_quantifier(cursor.take(Rule::rel_quantifier)?)?;
    as_step(element, where_, range, span)
}

/// `-[r WHERE …]->+`: a quantified relationship with a WHERE is the quantified path
/// pattern `(()-[r WHERE …]->())+`, as GQL defines it (its WHERE then holds for each
/// relationship, and `r` is their list), since a variable-length relationship has no
/// per-relationship condition.
pub(super) fn quantified_relationship(rel: RelPattern, range: LengthRange) -> Result<RelPattern> {
    let span = Span::new(rel.span.start, range.span.end);
    let (before, after) = (rel.span.start, rel.span.end);
    let element = PatternElement { start: anonymous(before), chain: vec![(rel, anonymous(after))], span };
    as_step(element, None, range, span)
}

/// The inner path, its WHERE and its quantifier as one step of the outer chain.
fn as_step(element: PatternElement, where_: Option<Box<Expr>>, range: LengthRange, span: Span) -> Result<RelPattern> {
    check_inner(&element)?;
    if range.max == Some(0) {
        return Err(Error::at(ErrorCode::InvalidPattern, range.span, "a quantifier's upper bound must be at least 1"));
    }
    if let (Some(min), Some(max)) = (range.min, range.max) {
        if min > max {
            return Err(Error::at(
                ErrorCode::InvalidPattern,
                range.span,
                format!("a quantifier's lower bound ({min}) is above its upper bound ({max})"),
            ));
        }
    }
    Ok(RelPattern {
        variable: None,
        types: Vec::new(),
        type_expr: None,
        where_: None,
        direction: RelDirection::Right,
        range: Some(range),
        properties: None,
        quantified: Some(Box::new(QuantifiedPath { element, where_, span })),
        span,
    })
}

/// The repeated path has a relationship, and nothing quantified inside it.
fn check_inner(element: &PatternElement) -> Result<()> {
    if element.chain.is_empty() {
        return Err(Error::at(
            ErrorCode::InvalidPattern,
            element.span,
            "a quantified path pattern needs at least one relationship: ((a)-->(b))+",
        ));
    }
    for (rel, _) in &element.chain {
        if let Some(inner) = &rel.quantified {
            return Err(Error::at(ErrorCode::InvalidPattern, inner.span, "quantified path patterns cannot be nested"));
        }
        if let Some(range) = rel.range {
            return Err(Error::at(
                ErrorCode::InvalidPattern,
                range.span,
                "a variable-length relationship cannot stand inside a quantified path pattern (they cannot be nested)",
            ));
        }
    }
    Ok(())
}

/// The items of a path joined into a start node and steps, anonymous nodes put where a
/// quantified path has no node beside it.
pub(super) fn join_path(items: Vec<PathItem>, span: Span) -> Result<PatternElement> {
    let mut start: Option<NodePattern> = None;
    let mut chain: Vec<(RelPattern, NodePattern)> = Vec::new();
    // A quantified path still waiting for the node on its right.
    let mut open: Option<RelPattern> = None;
    for item in items {
        match item {
            PathItem::Node(node) => match (open.take(), &start) {
                (Some(quantified), _) => chain.push((quantified, node)),
                (None, None) => start = Some(node),
                (None, Some(_)) => {
                    return Err(Error::at(
                        ErrorCode::UnexpectedSyntax,
                        node.span,
                        "two node patterns side by side: join them with a relationship, or write them as two patterns separated by a comma",
                    ))
                }
            },
            PathItem::Step(step) => {
                let (rel, node) = *step;
                if let Some(quantified) = open.take() {
                    chain.push((quantified, anonymous(rel.span.start)));
                }
                chain.push((rel, node));
            }
            PathItem::Quantified(quantified) => {
                if start.is_none() {
                    start = Some(anonymous(quantified.span.start));
                }
                if let Some(before) = open.replace(quantified) {
                    let at = before.span.end;
                    chain.push((before, anonymous(at)));
                }
            }
        }
    }
    if let Some(quantified) = open.take() {
        let at = quantified.span.end;
        chain.push((quantified, anonymous(at)));
    }
    let start = start.ok_or_else(|| Error::at(ErrorCode::InvalidPattern, span, "a pattern needs a node"))?;
    let element = PatternElement { start, chain, span };
    check_not_empty(&element)?;
    Ok(element)
}

/// A path that is one quantified path which may repeat zero times could match no
/// element at all, which GQL forbids: `((a)-->(b)){0,3}` alone.
fn check_not_empty(element: &PatternElement) -> Result<()> {
    let [(rel, end)] = element.chain.as_slice() else { return Ok(()) };
    let lone = is_anonymous(&element.start) && is_anonymous(end);
    match (&rel.quantified, rel.range) {
        (Some(_), Some(range)) if lone && range.min == Some(0) => Err(Error::at(
            ErrorCode::InvalidPattern,
            range.span,
            "a pattern that is only a quantified path pattern must repeat it at least once",
        )),
        _ => Ok(()),
    }
}

/// The node GQL puts beside a quantified path that has none: an empty span marks it.
fn anonymous(at: usize) -> NodePattern {
    NodePattern {
        variable: None,
        labels: Vec::new(),
        label_expr: None,
        properties: None,
        where_: None,
        span: Span::new(at, at),
    }
}

fn is_anonymous(node: &NodePattern) -> bool {
    node.span.is_empty() && node.variable.is_none()
}

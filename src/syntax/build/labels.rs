//! Label and relationship type expressions: `:A:B`, `:A|B`, `:A&!B`, `:%`, `:(A|B)&C`,
//! `:$(expr)`.

use pest::iterators::Pair;

use super::super::pairs::{span_of, unexpected, Cursor};
use super::super::parser::Rule;
use super::expr::expr;
use super::literal::ident;
use crate::error::Result;
use crate::syntax::ast::{Ident, LabelExpr};

/// `node_labels` or `label_test`: `:A:B` is `A&B`; each `:` part is an expression
/// (`IS A|B` is one part).
pub fn labels(pair: Pair<'_, Rule>) -> Result<LabelExpr> {
    let parts = pair.into_inner().filter(|p| p.as_rule() != Rule::IS).map(label_or).collect::<Result<Vec<_>>>()?;
    Ok(flatten_and(parts))
}

/// The labels of a pattern or SET/REMOVE item: plain names, or the whole expression.
pub fn split_plain(expr: LabelExpr) -> (Vec<Ident>, Option<LabelExpr>) {
    match expr.conjoined_names() {
        Some(names) => (names, None),
        None => (Vec::new(), Some(expr)),
    }
}

fn flatten_and(mut parts: Vec<LabelExpr>) -> LabelExpr {
    if parts.len() == 1 {
        return parts.remove(0);
    }
    let mut flat = Vec::new();
    for part in parts {
        match part {
            LabelExpr::And(inner) => flat.extend(inner),
            other => flat.push(other),
        }
    }
    LabelExpr::And(flat)
}

/// `label_or` / `label_test_or`: alternatives.
pub fn label_or(pair: Pair<'_, Rule>) -> Result<LabelExpr> {
    let mut items = pair.into_inner().map(label_and).collect::<Result<Vec<_>>>()?;
    Ok(if items.len() == 1 { items.remove(0) } else { LabelExpr::Or(items) })
}

fn label_and(pair: Pair<'_, Rule>) -> Result<LabelExpr> {
    let items = pair.into_inner().map(label_not).collect::<Result<Vec<_>>>()?;
    Ok(flatten_and(items))
}

fn label_not(pair: Pair<'_, Rule>) -> Result<LabelExpr> {
    let mut cursor = Cursor::new(pair);
    let negations = cursor.many(Rule::label_negation).len();
    let mut atom = label_atom(cursor.take(Rule::label_atom)?)?;
    for _ in 0..negations {
        atom = LabelExpr::Not(Box::new(atom));
    }
    Ok(atom)
}

fn label_atom(pair: Pair<'_, Rule>) -> Result<LabelExpr> {
    let inner = Cursor::new(pair).take_any()?;
    match inner.as_rule() {
        Rule::label_any => Ok(LabelExpr::Any(span_of(&inner))),
        Rule::label_group => label_or(Cursor::new(inner).take(Rule::label_or)?),
        Rule::schema_name => Ok(LabelExpr::Name(ident(inner))),
        Rule::dynamic_label => {
            let span = span_of(&inner);
            let mut cursor = Cursor::new(inner);
            let any = cursor.eat(Rule::ANY_KW);
            cursor.eat(Rule::ALL);
            let value = expr(cursor.take(Rule::expr)?)?;
            Ok(LabelExpr::Dynamic { expr: Box::new(value), any, span })
        }
        _ => Err(unexpected(&inner, "a label")),
    }
}

//! The label tests a label expression binds to beyond plain labels: `n:%` (any label)
//! and `n:$(e)` / `n:$any(e)` (labels computed at run time).

use super::expr::ensure_not_deleted;
use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::store::Graph;
use crate::value::Value;

pub fn label_function(function: Function, owner: Value, rest: &[Value], graph: &Graph, span: Span) -> Result<Value> {
    ensure_not_deleted(&owner, graph, span)?;
    let names = match function {
        Function::HasDynamicLabels(_) => dynamic_names(rest.first().unwrap_or(&Value::Null), span)?,
        _ => Vec::new(),
    };
    let any = matches!(function, Function::HasDynamicLabels(true));
    let held: Vec<std::sync::Arc<str>> = match &owner {
        Value::Node(id) => graph.node_labels(*id).iter().map(|l| graph.catalog().label_name(*l).clone()).collect(),
        Value::Relationship(id) => {
            graph.rel_type_of(*id).map(|ty| graph.catalog().rel_type_name(ty).clone()).into_iter().collect()
        }
        other => {
            return Err(Error::at(
                ErrorCode::InvalidArgumentType,
                span,
                format!("a label test needs a node or a relationship, not a {}", other.type_name()),
            )
            .as_kind(ErrorKind::TypeError))
        }
    };
    Ok(Value::Bool(match function {
        Function::HasAnyLabel => !held.is_empty(),
        _ if any => names.iter().any(|n| held.iter().any(|h| **h == **n)),
        _ => names.iter().all(|n| held.iter().any(|h| **h == **n)),
    }))
}

/// The label names a dynamic label expression gives: a string, or a list of strings.
pub fn dynamic_names(value: &Value, span: Span) -> Result<Vec<std::sync::Arc<str>>> {
    let bad = |v: &Value| {
        Error::at(
            ErrorCode::InvalidArgumentType,
            span,
            format!("a dynamic label or type must be a STRING or a LIST<STRING>, not a {}", v.type_name()),
        )
        .as_kind(ErrorKind::TypeError)
    };
    match value {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::List(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err(bad(other)),
            })
            .collect(),
        other => Err(bad(other)),
    }
}

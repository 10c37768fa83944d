//! `sources(x, key)` and `quotes(x, key)`: where a value comes from.
//!
//! A node property's provenance is held in its companion properties (`age__sources`,
//! `age__quotes`; see `crate::provenance`). A relationship is one claim: its provenance is
//! its own `sources` and `quotes`, unless a property of it carries companions of its own.

use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::provenance::Companion;
use crate::span::Span;
use crate::store::Graph;
use crate::value::Value;

pub fn read(function: Function, entity: &Value, key: Option<&Value>, graph: &Graph, span: Span) -> Result<Value> {
    let companion = if function == Function::Quotes { Companion::Quotes } else { Companion::Sources };
    let key = match key {
        None => None,
        Some(Value::String(key)) => Some(&**key),
        Some(other) => return Err(argument_error(span, function, other)),
    };
    let property = |name: &str| graph.catalog().prop_key(name);
    Ok(match (entity, key) {
        (Value::Node(id), Some(key)) => {
            property(&companion.of(key)).and_then(|k| graph.node_property(*id, k)).unwrap_or(Value::Null)
        }
        (Value::Relationship(id), key) => {
            let own = key.and_then(|key| property(&companion.of(key))).and_then(|k| graph.rel_property(*id, k));
            let whole = if companion == Companion::Quotes { "quotes" } else { "sources" };
            own.or_else(|| property(whole).and_then(|k| graph.rel_property(*id, k))).unwrap_or(Value::Null)
        }
        (other, _) => return Err(argument_error(span, function, other)),
    })
}

fn argument_error(span: Span, function: Function, value: &Value) -> Error {
    let name = if function == Function::Quotes { "quotes" } else { "sources" };
    Error::at(
        ErrorCode::InvalidArgumentValue,
        span,
        format!("{name}() takes a node and a property name, or a relationship; got a {}", value.type_name()),
    )
    .as_kind(ErrorKind::TypeError)
}

//! Neo4j 5's lenient conversions (`toIntegerOrNull`, `toStringList`, …), `nullIf` and
//! `valueType`.

use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::value::Value;

/// The `…OrNull` forms: the conversion, or null where it would fail.
pub fn or_null(function: Function, a: Value, span: Span) -> Value {
    let strict = match function {
        Function::ToIntegerOrNull => Function::ToInteger,
        Function::ToFloatOrNull => Function::ToFloat,
        Function::ToBooleanOrNull => Function::ToBoolean,
        _ => Function::ToString,
    };
    super::functions::conversion(strict, a, span).unwrap_or(Value::Null)
}

/// `toBooleanList` and the others: each item converted, null where it does not convert.
pub fn list(function: Function, a: Value, span: Span) -> Result<Value> {
    let Value::List(items) = a else {
        return Err(Error::at(
            ErrorCode::InvalidArgumentValue,
            span,
            format!("{}() takes a list, not a {}", super::functions::function_name(function), a.type_name()),
        )
        .as_kind(ErrorKind::TypeError));
    };
    let each = match function {
        Function::ToBooleanList => Function::ToBooleanOrNull,
        Function::ToFloatList => Function::ToFloatOrNull,
        Function::ToIntegerList => Function::ToIntegerOrNull,
        _ => Function::ToStringOrNull,
    };
    Ok(Value::list(items.iter().map(|item| convert_item(each, item, span)).collect()))
}

/// One item of a list conversion; lists, maps and graph values inside give null.
fn convert_item(function: Function, item: &Value, span: Span) -> Value {
    match item {
        Value::List(_) | Value::Map(_) | Value::Node(_) | Value::Relationship(_) | Value::Path(_) => Value::Null,
        other => or_null(function, other.clone(), span),
    }
}

/// `nullIf(a, b)`: null when `a = b` holds, else `a`.
pub fn null_if(args: &[Value]) -> Value {
    match (args.first(), args.get(1)) {
        (Some(a), Some(b)) if a.cypher_eq(b) == Some(true) => Value::Null,
        (Some(a), _) => a.clone(),
        _ => Value::Null,
    }
}

/// `valueType(x)`: the value's most precise type as Neo4j writes it ("INTEGER NOT NULL",
/// "LIST<STRING NOT NULL> NOT NULL").
pub fn value_type(value: &Value) -> Value {
    Value::string(type_text(value))
}

fn type_text(value: &Value) -> String {
    match value {
        Value::Null => "NULL".to_string(),
        Value::List(items) => format!("LIST<{}> NOT NULL", element_type(items)),
        other => format!("{} NOT NULL", scalar_type(other)),
    }
}

/// The name of a non-list, non-null value's type.
pub fn scalar_type(value: &Value) -> &'static str {
    match value {
        Value::Time(_) => "ZONED TIME",
        Value::DateTime(_) => "ZONED DATETIME",
        other => other.type_name(),
    }
}

/// The element type of a list: NOTHING when empty, a union of the items' types in
/// Neo4j's order otherwise, nullable when an item is null.
fn element_type(items: &[Value]) -> String {
    let has_null = items.iter().any(Value::is_null);
    let mut members: Vec<(usize, String)> = Vec::new();
    for item in items.iter().filter(|v| !v.is_null()) {
        let text = match item {
            Value::List(inner) => format!("LIST<{}>", element_type(inner)),
            other => scalar_type(other).to_string(),
        };
        if !members.iter().any(|(_, t)| *t == text) {
            members.push((type_rank(item), text));
        }
    }
    if members.is_empty() {
        return if has_null { "NULL" } else { "NOTHING" }.to_string();
    }
    members.sort();
    let suffix = if has_null { "" } else { " NOT NULL" };
    members.iter().map(|(_, t)| format!("{t}{suffix}")).collect::<Vec<_>>().join(" | ")
}

/// Neo4j's order of types in a union.
pub fn type_rank(value: &Value) -> usize {
    match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::String(_) => 2,
        Value::Int(_) => 3,
        Value::Float(_) => 4,
        Value::Date(_) => 5,
        Value::LocalTime(_) => 6,
        Value::Time(_) => 7,
        Value::LocalDateTime(_) => 8,
        Value::DateTime(_) => 9,
        Value::Duration(_) => 10,
        Value::Point(_) => 11,
        Value::Node(_) => 12,
        Value::Relationship(_) => 13,
        Value::Map(_) => 14,
        Value::List(_) => 15,
        Value::Path(_) => 16,
    }
}

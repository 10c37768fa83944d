//! Scalar functions. Each takes evaluated arguments; `null` in gives `null` out unless
//! the function says otherwise (coalesce, size of a list, …).

use std::sync::Arc;

use super::expr::{all_properties_of, ensure_not_deleted};
use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::store::Graph;
use crate::value::Value;

/// A function given a value of the wrong type at run time. openCypher files this as a
/// TypeError with the code `InvalidArgumentValue`; the binder reports what it can see
/// before the query runs as a SyntaxError.
fn type_error(span: Span, function: Function, value: &Value) -> Error {
    Error::at(
        ErrorCode::InvalidArgumentValue,
        span,
        format!("{function:?}() does not take a {} argument", value.type_name()),
    )
    .as_kind(ErrorKind::TypeError)
}

pub fn call(function: Function, args: Vec<Value>, graph: &Graph, span: Span) -> Result<Value> {
    use Function as F;
    // Functions that look at nulls themselves.
    match function {
        F::Coalesce => return Ok(args.into_iter().find(|a| !a.is_null()).unwrap_or(Value::Null)),
        F::Exists => return Ok(Value::Bool(args.first().is_some_and(|a| !a.is_null()))),
        F::Rand => return Ok(Value::Float(pseudo_random())),
        F::Pi => return Ok(Value::Float(std::f64::consts::PI)),
        F::E => return Ok(Value::Float(std::f64::consts::E)),
        F::RandomUuid => return Ok(super::strings::random_uuid()),
        F::Timestamp => return Ok(super::strings::timestamp()),
        F::NullIf => return Ok(super::convert::null_if(&args)),
        F::ValueType => return Ok(super::convert::value_type(args.first().unwrap_or(&Value::Null))),
        // Temporal functions have forms without arguments (the clock) and look at nulls themselves.
        F::Temporal(kind, form) => return super::temporal::call(kind, form, args, span),
        _ => {}
    }
    if args.iter().any(Value::is_null) {
        return Ok(Value::Null);
    }
    let mut args = args.into_iter();
    let a = args.next().unwrap_or(Value::Null);
    let rest: Vec<Value> = args.collect();
    match function {
        F::Id | F::Labels | F::Type | F::Properties | F::Keys | F::StartNode | F::EndNode => {
            graph_function(function, a, graph, span)
        }
        F::Sources | F::Quotes => super::provenance::read(function, &a, rest.first(), graph, span),
        F::Nodes | F::Relationships | F::Length | F::Size => structure_function(function, a, span),
        F::Head | F::Last | F::Tail | F::Reverse => list_function(function, a, span),
        F::Range => range(a, &rest, span),
        F::ToInteger | F::ToFloat | F::ToString | F::ToBoolean => conversion(function, a, span),
        F::Round => super::math::round(&a, &rest, span),
        F::Abs | F::Ceil | F::Floor | F::Sqrt | F::Sign | F::Exp | F::Log | F::Log10 => math(function, a, span),
        F::Sin
        | F::Cos
        | F::Tan
        | F::Cot
        | F::Asin
        | F::Acos
        | F::Atan
        | F::Atan2
        | F::Degrees
        | F::Radians
        | F::Haversin
        | F::IsNaN => super::math::trig(function, &a, &rest, span),
        F::LTrim | F::RTrim | F::BTrim => super::strings::trim(function, &a, &rest, span),
        F::ToUpper | F::ToLower | F::Trim => string_function(function, a, span),
        F::CharLength => super::strings::char_length(&a, span),
        F::Normalize | F::IsNormalized => super::strings::normalization(function, &a, &rest, span),
        F::IsEmpty => super::strings::is_empty(&a, span),
        F::ElementId => super::strings::element_id(&a, span),
        F::ToIntegerOrNull | F::ToFloatOrNull | F::ToBooleanOrNull | F::ToStringOrNull => {
            Ok(super::convert::or_null(function, a, span))
        }
        F::ToBooleanList | F::ToFloatList | F::ToIntegerList | F::ToStringList => {
            super::convert::list(function, a, span)
        }
        F::Substring | F::Replace | F::Split | F::Left | F::Right => string_with_args(function, a, &rest, span),
        F::Point | F::PointDistance | F::PointWithinBBox => {
            let mut all = vec![a];
            all.extend(rest);
            super::spatial::call(function, &all, span)
        }
        F::HasAnyLabel | F::HasDynamicLabels(_) => super::labels::label_function(function, a, &rest, graph, span),
        F::Coalesce
        | F::Exists
        | F::Rand
        | F::Pi
        | F::E
        | F::Temporal(..)
        | F::RandomUuid
        | F::Timestamp
        | F::NullIf
        | F::ValueType => Ok(Value::Null),
    }
}

/// A cheap non-cryptographic random float in [0, 1) for `rand()`.
fn pseudo_random() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

fn names(ids: impl Iterator<Item = Arc<str>>) -> Value {
    Value::list(ids.map(Value::String).collect())
}

/// The properties `keys()` and `properties()` show: without the companions that hold
/// other properties' provenance.
fn visible(mut properties: std::collections::BTreeMap<Arc<str>, Value>) -> std::collections::BTreeMap<Arc<str>, Value> {
    properties.retain(|key, _| !crate::provenance::is_companion(key));
    properties
}

fn graph_function(function: Function, a: Value, graph: &Graph, span: Span) -> Result<Value> {
    let catalog = graph.catalog();
    Ok(match (function, &a) {
        (Function::Id, Value::Node(id)) => Value::Int(id.0 as i64),
        (Function::Id, Value::Relationship(id)) => Value::Int(id.0 as i64),
        (Function::Labels, Value::Node(id)) => {
            ensure_not_deleted(&a, graph, span)?;
            names(graph.node_labels(*id).iter().map(|l| catalog.label_name(*l).clone()))
        }
        // The type alone: finding a relationship's ends searches its type's offsets.
        (Function::Type, Value::Relationship(id)) => match graph.rel_type_of(*id) {
            Some(ty) => Value::String(catalog.rel_type_name(ty).clone()),
            None => Value::Null,
        },
        (Function::Properties, Value::Map(_)) => Value::map(all_properties_of(&a, graph, span)?),
        (Function::Keys, Value::Map(_)) => names(all_properties_of(&a, graph, span)?.into_keys()),
        (Function::Properties, _) => Value::map(visible(all_properties_of(&a, graph, span)?)),
        (Function::Keys, _) => names(visible(all_properties_of(&a, graph, span)?).into_keys()),
        (Function::StartNode, Value::Relationship(id)) => graph.rel(*id).map_or(Value::Null, |r| Value::Node(r.start)),
        (Function::EndNode, Value::Relationship(id)) => graph.rel(*id).map_or(Value::Null, |r| Value::Node(r.end)),
        _ => return Err(type_error(span, function, &a)),
    })
}

fn structure_function(function: Function, a: Value, span: Span) -> Result<Value> {
    Ok(match (function, &a) {
        (Function::Nodes, Value::Path(p)) => Value::list(p.nodes.iter().map(|n| Value::Node(*n)).collect()),
        (Function::Relationships, Value::Path(p)) => {
            Value::list(p.rels.iter().map(|r| Value::Relationship(*r)).collect())
        }
        (Function::Length, Value::Path(p)) => Value::Int(p.rels.len() as i64),
        (Function::Length | Function::Size, Value::String(s)) => Value::Int(s.chars().count() as i64),
        (Function::Length | Function::Size, Value::List(items)) => Value::Int(items.len() as i64),
        _ => return Err(type_error(span, function, &a)),
    })
}

fn list_function(function: Function, a: Value, span: Span) -> Result<Value> {
    match (function, a) {
        (Function::Head, Value::List(items)) => Ok(items.first().cloned().unwrap_or(Value::Null)),
        (Function::Last, Value::List(items)) => Ok(items.last().cloned().unwrap_or(Value::Null)),
        (Function::Tail, Value::List(items)) => Ok(Value::list(items.iter().skip(1).cloned().collect())),
        (Function::Reverse, Value::List(items)) => Ok(Value::list(items.iter().rev().cloned().collect())),
        (Function::Reverse, Value::String(s)) => Ok(Value::string(s.chars().rev().collect::<String>())),
        (f, a) => Err(type_error(span, f, &a)),
    }
}

/// The most elements `range()` may produce, so a typo cannot exhaust memory.
const MAX_RANGE: i64 = 100_000_000;

fn range(start: Value, rest: &[Value], span: Span) -> Result<Value> {
    let int = |v: &Value| match v {
        Value::Int(i) => Ok(*i),
        // openCypher reports range()'s argument types as an ArgumentError.
        other => Err(Error::at(
            ErrorCode::InvalidArgumentType,
            span,
            format!("range() takes integers, not a {}", other.type_name()),
        )
        .as_kind(ErrorKind::ArgumentError)),
    };
    let (start, end) = (int(&start)?, int(rest.first().unwrap_or(&Value::Null))?);
    let step = rest.get(1).map(int).transpose()?.unwrap_or(1);
    if step == 0 {
        return Err(Error::at(ErrorCode::NumberOutOfRange, span, "range() step cannot be 0"));
    }
    let count = if (step > 0 && start > end) || (step < 0 && start < end) {
        0
    } else {
        (end as i128 - start as i128) / step as i128 + 1
    };
    if count > MAX_RANGE as i128 {
        return Err(Error::at(
            ErrorCode::InvalidArgumentValue,
            span,
            format!("range() would make {count} elements (limit {MAX_RANGE})"),
        ));
    }
    super::memory::check_list(count as usize).map_err(|e| e.or_span(span))?;
    Ok(Value::list((0..count as i64).map(|i| Value::Int(start + i * step)).collect()))
}

pub(super) fn conversion(function: Function, a: Value, span: Span) -> Result<Value> {
    Ok(match (function, a) {
        (Function::ToInteger, Value::Int(i)) => Value::Int(i),
        (Function::ToInteger, Value::Float(f)) if f.is_finite() && f.abs() < 9.2e18 => Value::Int(f.trunc() as i64),
        (Function::ToInteger, Value::Float(_)) => Value::Null,
        (Function::ToInteger, Value::Bool(b)) => Value::Int(b as i64),
        (Function::ToInteger, Value::String(s)) => parse_int(&s),
        (Function::ToFloat, Value::Int(i)) => Value::Float(i as f64),
        (Function::ToFloat, Value::Float(f)) => Value::Float(f),
        (Function::ToFloat, Value::String(s)) => s.trim().parse().map_or(Value::Null, Value::Float),
        (Function::ToString, Value::String(s)) => Value::String(s),
        (Function::ToString, Value::Point(p)) => Value::string(p.to_string()),
        (Function::ToString, v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_))) => Value::string(v.to_string()),
        (Function::ToString, temporal @ (Value::Date(_) | Value::LocalTime(_) | Value::Time(_))) => {
            Value::string(temporal.temporal_text().unwrap_or_default())
        }
        (Function::ToString, temporal @ (Value::LocalDateTime(_) | Value::DateTime(_) | Value::Duration(_))) => {
            Value::string(temporal.temporal_text().unwrap_or_default())
        }
        (Function::ToBoolean, Value::Bool(b)) => Value::Bool(b),
        (Function::ToBoolean, Value::String(s)) => match s.trim().to_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Null,
        },
        (Function::ToBoolean, Value::Int(i)) => Value::Bool(i != 0),
        (f, a) => return Err(type_error(span, f, &a)),
    })
}

/// A numeric function of one argument on a value that is not null, as `call` computes
/// it; for column programs (`column_expr/number_function.rs`), which need no graph.
pub(super) fn number_function(function: Function, a: Value) -> Result<Value> {
    let span = Span::default();
    match function {
        Function::ToInteger | Function::ToFloat => conversion(function, a, span),
        Function::Round => super::math::round(&a, &[], span),
        _ => math(function, a, span),
    }
}

fn parse_int(s: &str) -> Value {
    let s = s.trim();
    if let Ok(i) = s.parse::<i64>() {
        return Value::Int(i);
    }
    match s.parse::<f64>() {
        Ok(f) if f.is_finite() && f.abs() < 9.2e18 => Value::Int(f.trunc() as i64),
        _ => Value::Null,
    }
}

fn math(function: Function, a: Value, span: Span) -> Result<Value> {
    let x = match &a {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        other => return Err(type_error(span, function, other)),
    };
    Ok(match (function, &a) {
        (Function::Abs, Value::Int(i)) => i
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(|| Error::at(ErrorCode::IntegerOverflow, span, "integer overflow in abs()"))?,
        (Function::Abs, _) => Value::Float(x.abs()),
        (Function::Sign, Value::Int(i)) => Value::Int(i.signum()),
        (Function::Sign, _) => Value::Int(if x > 0.0 {
            1
        } else if x < 0.0 {
            -1
        } else {
            0
        }),
        (Function::Ceil, _) => Value::Float(x.ceil()),
        (Function::Floor, _) => Value::Float(x.floor()),
        (Function::Sqrt, _) => Value::Float(x.sqrt()),
        (Function::Exp, _) => Value::Float(x.exp()),
        (Function::Log, _) => Value::Float(x.ln()),
        (Function::Log10, _) => Value::Float(x.log10()),
        _ => return Err(type_error(span, function, &a)),
    })
}

fn string_function(function: Function, a: Value, span: Span) -> Result<Value> {
    let Value::String(s) = &a else {
        return Err(type_error(span, function, &a));
    };
    Ok(Value::string(match function {
        Function::ToUpper => s.to_uppercase(),
        Function::ToLower => s.to_lowercase(),
        _ => s.trim().to_string(),
    }))
}

/// The function's name as users write it (`substring`, not `Substring`).
pub(super) fn function_name(function: Function) -> String {
    let debug = format!("{function:?}");
    let mut chars = debug.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn string_with_args(function: Function, a: Value, rest: &[Value], span: Span) -> Result<Value> {
    let Value::String(s) = &a else {
        return Err(type_error(span, function, &a));
    };
    let int_arg = |i: usize| -> Result<usize> {
        match rest.get(i) {
            Some(Value::Int(n)) if *n >= 0 => Ok(*n as usize),
            Some(Value::Int(n)) => Err(Error::at(
                ErrorCode::InvalidArgumentValue,
                span,
                format!("{}() got {n}: a start or length cannot be negative", function_name(function)),
            )),
            Some(other) => Err(type_error(span, function, other)),
            None => Ok(usize::MAX),
        }
    };
    let str_arg = |i: usize| -> Result<&str> {
        match rest.get(i) {
            Some(Value::String(t)) => Ok(t),
            Some(other) => Err(type_error(span, function, other)),
            None => Ok(""),
        }
    };
    let chars = || s.chars();
    Ok(match function {
        Function::Substring => Value::string(chars().skip(int_arg(0)?).take(int_arg(1)?).collect::<String>()),
        Function::Left => Value::string(chars().take(int_arg(0)?).collect::<String>()),
        Function::Right => {
            let n = int_arg(0)?;
            let len = chars().count();
            Value::string(chars().skip(len.saturating_sub(n)).collect::<String>())
        }
        Function::Replace => {
            let (from, to) = (str_arg(0)?, str_arg(1)?);
            // At most one replacement per byte of `s` (or between bytes, for an empty `from`).
            let most = s.len() + (s.len() / from.len().max(1) + 1) * to.len();
            if most > s.len() {
                super::memory::check_string(most).map_err(|e| e.or_span(span))?;
            }
            Value::string(s.replace(from, to))
        }
        _ => Value::list(s.split(str_arg(0)?).map(Value::string).collect()),
    })
}

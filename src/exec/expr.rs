//! Expression evaluation with openCypher semantics: three-valued logic, `null`
//! propagation, integer overflow as an error, integer division.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::row::Row;
use super::{cancel, memory, pattern};
use crate::binder::bound::{Expr, ExprKind, MapProjectionValue, PropKeyRef};
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::store::Graph;
use crate::syntax::ast::{BinaryOp, QuantifierKind, UnaryOp};
use crate::value::Value;

pub fn eval(expr: &Expr, row: &Row, graph: &Graph) -> Result<Value> {
    let span = expr.span;
    match &expr.kind {
        ExprKind::Literal(v) => Ok(v.clone()),
        ExprKind::Slot(slot) => Ok(row.get(*slot).clone()),
        ExprKind::Property(owner, key) => property(&eval(owner, row, graph)?, key, graph, span),
        ExprKind::List(items) => Ok(Value::list(items.iter().map(|e| eval(e, row, graph)).collect::<Result<_>>()?)),
        ExprKind::Map(entries) => {
            let map = entries.iter().map(|(k, e)| Ok((k.clone(), eval(e, row, graph)?))).collect::<Result<_>>()?;
            Ok(Value::map(map))
        }
        ExprKind::Unary(op, operand) => unary(*op, eval(operand, row, graph)?, span),
        ExprKind::Binary(op, lhs, rhs) => binary(*op, lhs, rhs, row, graph, span),
        ExprKind::IsNull { expr, negated } => Ok(Value::Bool(eval(expr, row, graph)?.is_null() != *negated)),
        ExprKind::TypeTest { expr, ty, negated } => Ok(Value::Bool(ty.holds(&eval(expr, row, graph)?) != *negated)),
        ExprKind::Index(list, index) => index_value(eval(list, row, graph)?, eval(index, row, graph)?, graph, span),
        ExprKind::Slice(list, from, to) => {
            let bound = |e: &Option<Box<Expr>>| e.as_ref().map(|e| eval(e, row, graph)).transpose();
            slice(eval(list, row, graph)?, bound(from)?, bound(to)?, span)
        }
        ExprKind::HasLabels(owner, labels) => match eval(owner, row, graph)? {
            Value::Null => Ok(Value::Null),
            Value::Node(id) => Ok(Value::Bool(
                labels.iter().all(|l| l.resolve(graph.catalog()).is_some_and(|l| graph.node_has_label(id, l))),
            )),
            // `r:T` tests the relationship's type.
            Value::Relationship(id) => {
                let ty = graph.rel_type_of(id).map(|ty| graph.catalog().rel_type_name(ty).clone());
                Ok(Value::Bool(ty.is_some_and(|ty| labels.iter().all(|l| *l.name == *ty))))
            }
            other => Err(type_error(span, format!("label check on a {}", other.type_name()))),
        },
        ExprKind::Call(function, args) => {
            let args = args.iter().map(|a| eval(a, row, graph)).collect::<Result<Vec<_>>>()?;
            super::functions::call(*function, args, graph, span)
        }
        ExprKind::Case { subject, whens, otherwise } => {
            case(subject.as_deref(), whens, otherwise.as_deref(), row, graph)
        }
        ExprKind::ListComprehension { slot, list, filter, map } => match eval(list, row, graph)? {
            // Over a null list, a comprehension (like reduce) is null, not empty.
            Value::Null => Ok(Value::Null),
            list => list_comprehension(*slot, list, filter.as_deref(), map.as_deref(), row, graph, span),
        },
        ExprKind::Quantifier { kind, slot, list, filter } => {
            quantifier(*kind, *slot, list, filter.as_deref(), row, graph, span)
        }
        ExprKind::Reduce { accumulator, init, slot, list, expr } => match eval(list, row, graph)? {
            Value::Null => Ok(Value::Null),
            list => reduce(*accumulator, eval(init, row, graph)?, *slot, list_items(list, span)?, expr, row, graph),
        },
        ExprKind::PatternExists(part) => Ok(Value::Bool(pattern::exists(part, row, graph)?)),
        ExprKind::Subquery(subquery) => subquery_in_expression(subquery, row, graph),
        ExprKind::PatternComprehension { part, filter, map } => {
            pattern_comprehension(part, filter.as_deref(), map, row, graph)
        }
        ExprKind::MapProjection { base, all_properties, entries } => {
            map_projection(&eval(base, row, graph)?, *all_properties, entries, row, graph, span)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn list_comprehension(
    slot: crate::binder::bound::Slot,
    list: Value,
    filter: Option<&Expr>,
    map: Option<&Expr>,
    row: &Row,
    graph: &Graph,
    span: Span,
) -> Result<Value> {
    let mut scratch = row.clone();
    let mut out = Vec::new();
    // What the list being built keeps so far; checked against the memory limit as it grows.
    let mut bytes = 0u64;
    for item in list_items(list, span)? {
        // A comprehension over a long list is a loop like a scan's: Ctrl-C and the time
        // limit are checked inside it.
        cancel::tick_running().map_err(|e| e.or_span(span))?;
        scratch.set(slot, item.clone());
        if let Some(f) = filter {
            if !is_true(&eval(f, &scratch, graph)?) {
                continue;
            }
        }
        let value = match map {
            Some(m) => eval(m, &scratch, graph)?,
            None => item,
        };
        bytes += memory::value_bytes(&value);
        memory::check_value(bytes).map_err(|e| e.or_span(span))?;
        out.push(value);
    }
    Ok(Value::list(out))
}

pub(crate) fn reduce(
    accumulator: crate::binder::bound::Slot,
    init: Value,
    slot: crate::binder::bound::Slot,
    items: Vec<Value>,
    expr: &Expr,
    row: &Row,
    graph: &Graph,
) -> Result<Value> {
    // The leading items a compiled step decides, then the rest here.
    let (mut acc, done) = super::column_expr::reduce_cells((accumulator, init), (slot, &items), expr, graph)?;
    let mut scratch = row.clone();
    for item in items.into_iter().skip(done) {
        // The accumulator's growth is checked where it is built (`+`); the loop itself
        // ticks the cancellation check.
        cancel::tick_running().map_err(|e| e.or_span(expr.span))?;
        scratch.set(accumulator, acc);
        scratch.set(slot, item);
        acc = eval(expr, &scratch, graph)?;
        if matches!(acc, Value::List(_) | Value::Map(_)) {
            memory::check_depth(&acc).map_err(|e| e.or_span(expr.span))?;
        }
    }
    Ok(acc)
}

fn pattern_comprehension(
    part: &crate::binder::bound::PatternPart,
    filter: Option<&Expr>,
    map: &Expr,
    row: &Row,
    graph: &Graph,
) -> Result<Value> {
    let mut out = Vec::new();
    let mut bytes = 0u64;
    pattern::for_each_match(part, row, graph, &mut |matched| {
        if let Some(f) = filter {
            if !is_true(&eval(f, &matched, graph)?) {
                return Ok(true);
            }
        }
        let value = eval(map, &matched, graph)?;
        bytes += memory::value_bytes(&value);
        memory::check_value(bytes).map_err(|e| e.or_span(map.span))?;
        out.push(value);
        Ok(true)
    })?;
    Ok(Value::list(out))
}

/// `EXISTS/COUNT { … }` where the planner could not compute it beforehand (inside a
/// comprehension, a quantifier, a reduce, or a clause that does not lift subqueries): a
/// single pattern with an optional WHERE is matched here.
fn subquery_in_expression(subquery: &crate::binder::bound::Subquery, row: &Row, graph: &Graph) -> Result<Value> {
    use crate::binder::bound::{Clause, SubqueryKind};
    let single_pattern = match subquery.body.parts.as_slice() {
        [part] => match part.clauses.as_slice() {
            [Clause::Match(m)] if !m.optional && m.pattern.parts.len() == 1 => Some((&m.pattern.parts[0], &m.filter)),
            _ => None,
        },
        _ => None,
    };
    let Some((part, filter)) = single_pattern.filter(|_| subquery.kind != SubqueryKind::Collect) else {
        return Err(Error::at(
            ErrorCode::UnsupportedFeature,
            subquery.span,
            format!(
                "here {} {{ … }} can hold one pattern with a WHERE; a longer subquery works in WHERE, WITH, RETURN, ORDER BY, UNWIND, SET and DELETE",
                subquery.kind.keyword()
            ),
        ));
    };
    let exists = subquery.kind == SubqueryKind::Exists;
    let mut count = 0i64;
    pattern::for_each_match(part, row, graph, &mut |matched| {
        let passes = match filter {
            Some(f) => is_true(&eval(f, &matched, graph)?),
            None => true,
        };
        count += i64::from(passes);
        Ok(!(exists && passes))
    })?;
    Ok(if exists { Value::Bool(count > 0) } else { Value::Int(count) })
}

fn map_projection(
    base: &Value,
    all_properties: bool,
    entries: &[(Arc<str>, MapProjectionValue)],
    row: &Row,
    graph: &Graph,
    span: Span,
) -> Result<Value> {
    if base.is_null() {
        return Ok(Value::Null);
    }
    let mut map = if all_properties { all_properties_of(base, graph, span)? } else { BTreeMap::new() };
    for (name, value) in entries {
        let v = match value {
            MapProjectionValue::Property(key) => property(base, key, graph, span)?,
            MapProjectionValue::Expr(e) => eval(e, row, graph)?,
        };
        map.insert(name.clone(), v);
    }
    Ok(Value::map(map))
}

pub fn is_true(value: &Value) -> bool {
    matches!(value, Value::Bool(true))
}

/// A value of the wrong type met at run time: a TypeError in openCypher (the binder
/// reports what it can see before the query runs as a SyntaxError).
fn type_error(span: Span, message: String) -> Error {
    Error::at(ErrorCode::InvalidArgumentType, span, message).as_kind(ErrorKind::TypeError)
}

/// A node or relationship deleted earlier in the statement keeps its id in the rows,
/// but reading its labels or properties is an error (openCypher's DeletedEntityAccess).
pub fn ensure_not_deleted(value: &Value, graph: &Graph, span: Span) -> Result<()> {
    let deleted = match value {
        Value::Node(id) => !graph.contains_node(*id),
        Value::Relationship(id) => !graph.contains_rel(*id),
        _ => false,
    };
    if deleted {
        return Err(Error::at(
            ErrorCode::DeletedEntityAccess,
            span,
            format!("this {} was deleted earlier in the statement", value.type_name().to_lowercase()),
        ));
    }
    Ok(())
}

pub fn property(owner: &Value, key: &PropKeyRef, graph: &Graph, span: Span) -> Result<Value> {
    if let Some(value) = stored_property(owner, key, graph) {
        return Ok(value);
    }
    ensure_not_deleted(owner, graph, span)?;
    match owner {
        Value::Null => Ok(Value::Null),
        Value::Node(id) => {
            Ok(key.resolve(graph.catalog()).and_then(|k| graph.node_property(*id, k)).unwrap_or(Value::Null))
        }
        Value::Relationship(id) => {
            Ok(key.resolve(graph.catalog()).and_then(|k| graph.rel_property(*id, k)).unwrap_or(Value::Null))
        }
        Value::Map(map) => Ok(map.get(&*key.name).cloned().unwrap_or(Value::Null)),
        Value::Point(p) => super::spatial::component(p, &key.name, span).unwrap_or_else(|| {
            Err(Error::at(
                ErrorCode::InvalidArgumentValue,
                span,
                format!("a point has no `{}`: it has x, y, z, longitude, latitude, height, crs, srid", key.name),
            ))
        }),
        other => match crate::value::temporal::component(other, &key.name) {
            Some(res) => res.map_err(|e| e.or_span(span)),
            None => Err(Error::at(
                ErrorCode::PropertyAccessOnNonMap,
                span,
                format!("cannot read property `{}` of a {}", key.name, other.type_name()),
            )),
        },
    }
}

/// The value a node or relationship holds for `key`, when it holds one. A property found
/// belongs to a live entity, so the hot path of a query needs no deletion check (one
/// lookup per read instead of two); only a miss goes on to the checks of [`property`].
fn stored_property(owner: &Value, key: &PropKeyRef, graph: &Graph) -> Option<Value> {
    let key = key.resolve(graph.catalog())?;
    match owner {
        Value::Node(id) => graph.node_property(*id, key),
        Value::Relationship(id) => {
            let value = graph.rel_property(*id, key)?;
            Some(value.clone())
        }
        _ => None,
    }
}

pub fn all_properties_of(value: &Value, graph: &Graph, span: Span) -> Result<BTreeMap<Arc<str>, Value>> {
    ensure_not_deleted(value, graph, span)?;
    let catalog = graph.catalog();
    Ok(match value {
        Value::Node(id) => {
            graph.node_properties(*id).into_iter().map(|(k, v)| (catalog.prop_key_name(k).clone(), v)).collect()
        }
        Value::Relationship(id) => {
            graph.rel_properties(*id).into_iter().map(|(k, v)| (catalog.prop_key_name(k).clone(), v)).collect()
        }
        Value::Map(map) => (**map).clone(),
        other => return Err(type_error(span, format!("a {} has no properties", other.type_name()))),
    })
}

fn unary(op: UnaryOp, value: Value, span: Span) -> Result<Value> {
    match (op, value) {
        (_, Value::Null) => Ok(Value::Null),
        (UnaryOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnaryOp::Neg, Value::Int(i)) => i.checked_neg().map(Value::Int).ok_or_else(|| overflow(span)),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Pos, v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
        (op, v) => Err(type_error(span, format!("cannot apply {op:?} to a {}", v.type_name()))),
    }
}

fn overflow(span: Span) -> Error {
    Error::at(ErrorCode::IntegerOverflow, span, "integer overflow: the result does not fit in 64 bits")
}

fn binary(op: BinaryOp, lhs: &Expr, rhs: &Expr, row: &Row, graph: &Graph, span: Span) -> Result<Value> {
    // AND and OR look at the right side only when the left does not decide.
    match op {
        BinaryOp::And => {
            let l = eval(lhs, row, graph)?;
            if matches!(l, Value::Bool(false)) {
                return Ok(Value::Bool(false));
            }
            return logic(op, l, eval(rhs, row, graph)?, span);
        }
        BinaryOp::Or => {
            let l = eval(lhs, row, graph)?;
            if matches!(l, Value::Bool(true)) {
                return Ok(Value::Bool(true));
            }
            return logic(op, l, eval(rhs, row, graph)?, span);
        }
        _ => {}
    }
    let l = eval(lhs, row, graph)?;
    let r = eval(rhs, row, graph)?;
    apply_binary(op, l, r, span)
}

pub fn apply_binary(op: BinaryOp, l: Value, r: Value, span: Span) -> Result<Value> {
    use BinaryOp::*;
    match op {
        And | Or | Xor => logic(op, l, r, span),
        Eq | Ne | Lt | Le | Gt | Ge => Ok(compare_values(op, &l, &r)),
        In => in_list(l, r, span),
        StartsWith | EndsWith | Contains => Ok(string_predicate(op, &l, &r)),
        RegexMatch => regex_match(&l, &r, span),
        Add | Sub | Mul | Div | Mod | Pow => arithmetic(op, l, r, span),
        Concat => concat(l, r, span),
    }
}

/// `||`: two strings or two lists joined; null if either is null.
fn concat(l: Value, r: Value, span: Span) -> Result<Value> {
    match (l, r) {
        (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
        (Value::String(a), Value::String(b)) => Ok(Value::string(format!("{a}{b}"))),
        (Value::List(a), Value::List(b)) => Ok(Value::list(a.iter().chain(b.iter()).cloned().collect())),
        (a, b) => Err(type_error(
            span,
            format!("|| joins two strings or two lists, not a {} and a {}", a.type_name(), b.type_name()),
        )),
    }
}

fn logic(op: BinaryOp, l: Value, r: Value, span: Span) -> Result<Value> {
    let as_bool = |v: &Value| match v {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        other => Err(type_error(span, format!("{op:?} needs booleans, got a {}", other.type_name()))),
    };
    let (a, b) = (as_bool(&l)?, as_bool(&r)?);
    Ok(three_valued(op, a, b).map_or(Value::Null, Value::Bool))
}

/// `AND`, `OR` (and, for any other operator, `XOR`) of two truth values, `None` being
/// null: openCypher's three-valued logic, which the column programs share.
#[inline]
pub(crate) fn three_valued(op: BinaryOp, a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match op {
        BinaryOp::And => match (a, b) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        },
        BinaryOp::Or => match (a, b) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        },
        _ => a.zip(b).map(|(x, y)| x != y),
    }
}

/// `l op r` for the comparisons `=`, `<>`, `<`, `<=`, `>`, `>=`: true, false, or null
/// when the values are not comparable. The compiled conditions (`predicate.rs`) call it
/// too, so that there is one definition of Cypher's comparison.
pub fn compare_values(op: BinaryOp, l: &Value, r: &Value) -> Value {
    match op {
        BinaryOp::Eq => l.cypher_eq(r).map_or(Value::Null, Value::Bool),
        BinaryOp::Ne => l.cypher_eq(r).map_or(Value::Null, |b| Value::Bool(!b)),
        _ => compare(op, l, r),
    }
}

fn compare(op: BinaryOp, l: &Value, r: &Value) -> Value {
    let is_nan = |v: &Value| matches!(v, Value::Float(f) if f.is_nan());
    let is_number = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_));
    // NaN is a number, unordered with every number: each comparison is false, not null.
    if (is_nan(l) || is_nan(r)) && is_number(l) && is_number(r) {
        return Value::Bool(false);
    }
    let Some(ordering) = l.cypher_cmp(r) else {
        return Value::Null;
    };
    Value::Bool(match op {
        BinaryOp::Lt => ordering == Ordering::Less,
        BinaryOp::Le => ordering != Ordering::Greater,
        BinaryOp::Gt => ordering == Ordering::Greater,
        _ => ordering != Ordering::Less,
    })
}

pub(super) fn in_list(item: Value, list: Value, span: Span) -> Result<Value> {
    let items = match list {
        Value::Null => return Ok(Value::Null),
        Value::List(items) => items,
        other => return Err(type_error(span, format!("IN needs a list on its right, got a {}", other.type_name()))),
    };
    let mut unknown = false;
    for candidate in items.iter() {
        match item.cypher_eq(candidate) {
            Some(true) => return Ok(Value::Bool(true)),
            None => unknown = true,
            Some(false) => {}
        }
    }
    Ok(if unknown { Value::Null } else { Value::Bool(false) })
}

fn string_predicate(op: BinaryOp, l: &Value, r: &Value) -> Value {
    let (Value::String(a), Value::String(b)) = (l, r) else {
        return Value::Null;
    };
    Value::Bool(match op {
        BinaryOp::StartsWith => a.starts_with(&**b),
        BinaryOp::EndsWith => a.ends_with(&**b),
        _ => a.contains(&**b),
    })
}

fn regex_match(l: &Value, r: &Value, span: Span) -> Result<Value> {
    let (Value::String(text), Value::String(pattern)) = (l, r) else {
        return Ok(Value::Null);
    };
    let matched = super::regex_cache::matches_whole(pattern, text)
        .map_err(|e| Error::at(ErrorCode::InvalidArgumentValue, span, format!("invalid regular expression: {e}")))?;
    Ok(Value::Bool(matched))
}

/// `l op r` for two numbers when it gives a number without an error: a compiled
/// predicate takes `x < $p + 1` out once instead of evaluating it for every row.
pub(super) fn number_arithmetic(op: BinaryOp, l: &Value, r: &Value) -> Option<Value> {
    let numbers = matches!(l, Value::Int(_) | Value::Float(_)) && matches!(r, Value::Int(_) | Value::Float(_));
    let arithmetic_op = matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod);
    if !(numbers && arithmetic_op) {
        return None;
    }
    arithmetic(op, l.clone(), r.clone(), Span::default()).ok()
}

fn arithmetic(op: BinaryOp, l: Value, r: Value, span: Span) -> Result<Value> {
    use Value::*;
    if let Some(res) = temporal_arithmetic(op, &l, &r) {
        return res.map_err(|e| e.or_span(span));
    }
    match (op, l, r) {
        (_, Null, _) | (_, _, Null) => Ok(Null),
        // Concatenation checks the memory limit (and, for a large result, the time limit)
        // before it copies: `reduce(s = 'x', i IN range(1, 40) | s + s)` doubles each step.
        (BinaryOp::Add, String(a), String(b)) => {
            memory::check_string(a.len() + b.len()).map_err(|e| e.or_span(span))?;
            let mut joined = std::string::String::with_capacity(a.len() + b.len());
            joined.push_str(&a);
            joined.push_str(&b);
            Ok(Value::string(joined))
        }
        (BinaryOp::Add, String(a), b @ (Int(_) | Float(_) | Bool(_))) => {
            memory::check_string(a.len() + 32).map_err(|e| e.or_span(span))?;
            Ok(Value::string(format!("{a}{b}")))
        }
        (BinaryOp::Add, a @ (Int(_) | Float(_) | Bool(_)), String(b)) => {
            memory::check_string(b.len() + 32).map_err(|e| e.or_span(span))?;
            Ok(Value::string(format!("{a}{b}")))
        }
        (BinaryOp::Add, List(a), List(b)) => {
            memory::check_list(a.len() + b.len()).map_err(|e| e.or_span(span))?;
            Ok(Value::list(a.iter().chain(b.iter()).cloned().collect()))
        }
        (BinaryOp::Add, List(a), b) => {
            memory::check_list(a.len() + 1).map_err(|e| e.or_span(span))?;
            Ok(Value::list(a.iter().cloned().chain(std::iter::once(b)).collect()))
        }
        (BinaryOp::Add, a, List(b)) => {
            memory::check_list(b.len() + 1).map_err(|e| e.or_span(span))?;
            Ok(Value::list(std::iter::once(a).chain(b.iter().cloned()).collect()))
        }
        (op, Int(a), Int(b)) => int_arithmetic(op, a, b, span),
        (op, Int(a), Float(b)) => Ok(Float(float_arithmetic(op, a as f64, b))),
        (op, Float(a), Int(b)) => Ok(Float(float_arithmetic(op, a, b as f64))),
        (op, Float(a), Float(b)) => Ok(Float(float_arithmetic(op, a, b))),
        (op, a, b) => {
            Err(type_error(span, format!("cannot apply {op:?} to a {} and a {}", a.type_name(), b.type_name())))
        }
    }
}

/// Arithmetic on temporal values and durations; `None` when neither side is temporal.
fn temporal_arithmetic(op: BinaryOp, l: &Value, r: &Value) -> Option<Result<Value>> {
    use crate::value::temporal::{arithmetic, Arith};
    if l.is_null() || r.is_null() {
        return None;
    }
    let op = match op {
        BinaryOp::Add => Arith::Add,
        BinaryOp::Sub => Arith::Sub,
        BinaryOp::Mul => Arith::Mul,
        BinaryOp::Div => Arith::Div,
        _ => return None,
    };
    arithmetic(op, l, r)
}

fn int_arithmetic(op: BinaryOp, a: i64, b: i64, span: Span) -> Result<Value> {
    let division_by_zero = || Error::at(ErrorCode::InvalidArgumentValue, span, "division by zero");
    let result = match op {
        BinaryOp::Add => a.checked_add(b),
        BinaryOp::Sub => a.checked_sub(b),
        BinaryOp::Mul => a.checked_mul(b),
        BinaryOp::Div if b == 0 => return Err(division_by_zero()),
        BinaryOp::Div => a.checked_div(b),
        BinaryOp::Mod if b == 0 => return Err(division_by_zero()),
        // i64::MIN % -1 is 0, as in Neo4j: the remainder always fits, only Rust's checked form refuses it.
        BinaryOp::Mod => Some(a.wrapping_rem(b)),
        // openCypher's ^ always gives a float.
        _ => return Ok(Value::Float((a as f64).powf(b as f64))),
    };
    result.map(Value::Int).ok_or_else(|| overflow(span))
}

fn float_arithmetic(op: BinaryOp, a: f64, b: f64) -> f64 {
    match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Div => a / b,
        BinaryOp::Mod => a % b,
        _ => a.powf(b),
    }
}

fn index_value(container: Value, index: Value, graph: &Graph, span: Span) -> Result<Value> {
    match (container, index) {
        (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
        (Value::List(items), Value::Int(i)) => {
            let n = items.len() as i64;
            let at = if i < 0 { n + i } else { i };
            Ok(if (0..n).contains(&at) { items[at as usize].clone() } else { Value::Null })
        }
        (owner @ (Value::Map(_) | Value::Node(_) | Value::Relationship(_)), Value::String(key)) => {
            let key_ref = PropKeyRef { id: graph.catalog().prop_key(&key), name: key };
            property(&owner, &key_ref, graph, span)
        }
        (Value::Map(_), i) => Err(Error::at(
            ErrorCode::MapElementAccessByNonString,
            span,
            format!("a map is indexed by a STRING key, not a {}", i.type_name()),
        )),
        (c, i) => Err(type_error(span, format!("cannot index a {} with a {}", c.type_name(), i.type_name()))),
    }
}

fn slice(list: Value, from: Option<Value>, to: Option<Value>, span: Span) -> Result<Value> {
    let items = match list {
        Value::Null => return Ok(Value::Null),
        Value::List(items) => items,
        other => return Err(type_error(span, format!("cannot slice a {}", other.type_name()))),
    };
    let n = items.len() as i64;
    let resolve = |bound: Option<Value>, default: i64| -> Result<Option<i64>> {
        match bound {
            None => Ok(Some(default)),
            Some(Value::Null) => Ok(None),
            Some(Value::Int(i)) => Ok(Some(if i < 0 { (n + i).max(0) } else { i.min(n) })),
            Some(other) => {
                Err(type_error(span, format!("a slice bound must be an integer, got a {}", other.type_name())))
            }
        }
    };
    let (Some(start), Some(end)) = (resolve(from, 0)?, resolve(to, n)?) else {
        return Ok(Value::Null);
    };
    if start >= end {
        return Ok(Value::list(Vec::new()));
    }
    Ok(Value::list(items[start as usize..end as usize].to_vec()))
}

fn case(
    subject: Option<&Expr>,
    whens: &[(Expr, Expr)],
    otherwise: Option<&Expr>,
    row: &Row,
    graph: &Graph,
) -> Result<Value> {
    let subject = subject.map(|s| eval(s, row, graph)).transpose()?;
    for (when, then) in whens {
        let condition = eval(when, row, graph)?;
        let hit = match &subject {
            Some(s) => s.cypher_eq(&condition) == Some(true),
            None => is_true(&condition),
        };
        if hit {
            return eval(then, row, graph);
        }
    }
    otherwise.map_or(Ok(Value::Null), |e| eval(e, row, graph))
}

pub fn list_items(value: Value, span: Span) -> Result<Vec<Value>> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::List(items) => Ok(Arc::try_unwrap(items).unwrap_or_else(|shared| (*shared).clone())),
        other => Err(type_error(span, format!("expected a list, got a {}", other.type_name()))),
    }
}

/// The items a quantifier ranges over. As in Neo4j, a single value that is not a list
/// is taken as a list of one, so `any(n IN p.nationality WHERE …)` works whether the
/// property holds one value or a list; a map or a graph element is still refused.
fn quantified_items(value: Value, span: Span) -> Result<Vec<Value>> {
    match value {
        Value::Null | Value::List(_) => list_items(value, span),
        Value::Map(_) | Value::Node(_) | Value::Relationship(_) | Value::Path(_) => list_items(value, span),
        scalar => Ok(vec![scalar]),
    }
}

fn quantifier(
    kind: QuantifierKind,
    slot: crate::binder::bound::Slot,
    list: &Expr,
    filter: Option<&Expr>,
    row: &Row,
    graph: &Graph,
    span: Span,
) -> Result<Value> {
    let value = eval(list, row, graph)?;
    if value.is_null() {
        return Ok(Value::Null);
    }
    let mut scratch = row.clone();
    let (mut n_true, mut n_null, mut n) = (0usize, 0usize, 0usize);
    for item in quantified_items(value, span)? {
        n += 1;
        scratch.set(slot, item);
        let verdict = match filter {
            Some(f) => eval(f, &scratch, graph)?,
            None => Value::Bool(true),
        };
        match verdict {
            Value::Bool(true) => n_true += 1,
            Value::Null => n_null += 1,
            _ => {}
        }
    }
    let n_false = n - n_true - n_null;
    let result = match kind {
        QuantifierKind::All if n_false > 0 => Some(false),
        QuantifierKind::All => (n_null == 0).then_some(true),
        QuantifierKind::Any if n_true > 0 => Some(true),
        QuantifierKind::Any => (n_null == 0).then_some(false),
        QuantifierKind::None if n_true > 0 => Some(false),
        QuantifierKind::None => (n_null == 0).then_some(true),
        QuantifierKind::Single if n_true > 1 => Some(false),
        QuantifierKind::Single => (n_null == 0).then_some(n_true == 1),
    };
    Ok(result.map_or(Value::Null, Value::Bool))
}

//! Runtime values and their openCypher semantics: equality with `null`, the global
//! sort order of `ORDER BY`, and the equivalence used by grouping and `DISTINCT`.
//!
//! Graph values (`Node`, `Relationship`, `Path`) hold ids only; a [`crate::QueryResult`]
//! carries the labels and properties of the entities its rows refer to.

pub mod point;
pub mod temporal;
pub mod types;

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

pub use temporal::{Date, DateTime, Duration, LocalDateTime, LocalTime, Time};

use crate::store::{NodeId, RelId};

/// A sequence of alternating nodes and relationships, starting and ending with a node.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PathValue {
    pub nodes: Vec<NodeId>,
    pub rels: Vec<RelId>,
}

/// A Cypher value.
#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(Arc<str>),
    List(Arc<Vec<Value>>),
    Map(Arc<BTreeMap<Arc<str>, Value>>),
    Date(Date),
    LocalTime(LocalTime),
    Time(Time),
    LocalDateTime(LocalDateTime),
    /// Boxed, with `Duration`, to keep `Value` at 24 bytes.
    DateTime(Arc<DateTime>),
    Duration(Arc<Duration>),
    Node(NodeId),
    Relationship(RelId),
    Path(Arc<PathValue>),
    /// Behind an `Arc` to keep `Value` at 24 bytes.
    Point(Arc<point::Point>),
}

impl Value {
    pub fn string(text: impl Into<Arc<str>>) -> Value {
        Value::String(text.into())
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(items))
    }

    pub fn map(entries: BTreeMap<Arc<str>, Value>) -> Value {
        Value::Map(Arc::new(entries))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The openCypher type name, as used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Bool(_) => "BOOLEAN",
            Value::Int(_) => "INTEGER",
            Value::Float(_) => "FLOAT",
            Value::String(_) => "STRING",
            Value::List(_) => "LIST",
            Value::Map(_) => "MAP",
            Value::Date(_) => "DATE",
            Value::LocalTime(_) => "LOCAL TIME",
            Value::Time(_) => "TIME",
            Value::LocalDateTime(_) => "LOCAL DATETIME",
            Value::DateTime(_) => "DATETIME",
            Value::Duration(_) => "DURATION",
            Value::Node(_) => "NODE",
            Value::Relationship(_) => "RELATIONSHIP",
            Value::Path(_) => "PATH",
            Value::Point(_) => "POINT",
        }
    }

    /// The ISO 8601 text of a temporal value (`2022-01-06`, `PT1H`), `None` for other values.
    pub fn temporal_text(&self) -> Option<String> {
        match self {
            Value::Date(d) => Some(d.to_string()),
            Value::LocalTime(t) => Some(t.to_string()),
            Value::Time(t) => Some(t.to_string()),
            Value::LocalDateTime(t) => Some(t.to_string()),
            Value::DateTime(t) => Some(t.to_string()),
            Value::Duration(d) => Some(d.to_string()),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// openCypher `=`: `None` when the answer is unknown (a `null` is involved).
    pub fn cypher_eq(&self, other: &Value) -> Option<bool> {
        use Value::*;
        match (self, other) {
            (Null, _) | (_, Null) => None,
            (Int(a), Int(b)) => Some(a == b),
            (Float(a), Float(b)) => Some(a == b),
            (Int(a), Float(b)) | (Float(b), Int(a)) => Some((*a as f64) == *b),
            (Bool(a), Bool(b)) => Some(a == b),
            (String(a), String(b)) => Some(a == b),
            (Date(a), Date(b)) => Some(a == b),
            (LocalTime(a), LocalTime(b)) => Some(a == b),
            (LocalDateTime(a), LocalDateTime(b)) => Some(a == b),
            // Times and date-times are equal when they are the same moment.
            (Time(a), Time(b)) => Some(a.utc_nanos() == b.utc_nanos()),
            (DateTime(a), DateTime(b)) => Some(a.instant_nanos() == b.instant_nanos()),
            (Duration(a), Duration(b)) => Some(a == b),
            (Node(a), Node(b)) => Some(a == b),
            (Relationship(a), Relationship(b)) => Some(a == b),
            (Path(a), Path(b)) => Some(a == b),
            (Point(a), Point(b)) => Some(a == b),
            (List(a), List(b)) => list_eq(a, b),
            (Map(a), Map(b)) => map_eq(a, b),
            _ => Some(false),
        }
    }

    /// openCypher `<` and friends: `None` when the values are not comparable
    /// (different types, or a `null`), which makes the comparison `null`.
    pub fn cypher_cmp(&self, other: &Value) -> Option<Ordering> {
        use Value::*;
        match (self, other) {
            (Int(a), Int(b)) => Some(a.cmp(b)),
            (Float(a), Float(b)) => a.partial_cmp(b),
            (Int(a), Float(b)) => (*a as f64).partial_cmp(b),
            (Float(a), Int(b)) => a.partial_cmp(&(*b as f64)),
            (String(a), String(b)) => Some(a.cmp(b)),
            (Bool(a), Bool(b)) => Some(a.cmp(b)),
            (Date(a), Date(b)) => Some(a.cmp(b)),
            (LocalTime(a), LocalTime(b)) => Some(a.cmp(b)),
            (LocalDateTime(a), LocalDateTime(b)) => Some(a.cmp(b)),
            (Time(a), Time(b)) => Some(a.utc_nanos().cmp(&b.utc_nanos())),
            (DateTime(a), DateTime(b)) => Some(a.instant_nanos().cmp(&b.instant_nanos())),
            (List(a), List(b)) => list_cmp(a, b),
            // Durations have no order: is a month more than 30 days?
            _ => None,
        }
    }

    /// The total order of `ORDER BY` (openCypher "orderability"): maps, nodes,
    /// relationships, lists, paths, date-times, local date-times, dates, times, local
    /// times, durations, strings, booleans, numbers, then `null` last.
    /// `NaN` sorts above every other number.
    pub fn order(&self, other: &Value) -> Ordering {
        use Value::*;
        let by_rank = self.order_rank().cmp(&other.order_rank());
        if by_rank != Ordering::Equal {
            return by_rank;
        }
        match (self, other) {
            (Int(_) | Float(_), Int(_) | Float(_)) => number_order(self, other),
            (String(a), String(b)) => a.cmp(b),
            (Bool(a), Bool(b)) => a.cmp(b),
            (Date(a), Date(b)) => a.cmp(b),
            (LocalTime(a), LocalTime(b)) => a.cmp(b),
            (Time(a), Time(b)) => a.cmp(b),
            (LocalDateTime(a), LocalDateTime(b)) => a.cmp(b),
            (DateTime(a), DateTime(b)) => a.cmp(b),
            (Duration(a), Duration(b)) => a.cmp(b),
            (Node(a), Node(b)) => a.cmp(b),
            (Relationship(a), Relationship(b)) => a.cmp(b),
            (List(a), List(b)) => sequence_order(a, b),
            (Path(a), Path(b)) => a.nodes.cmp(&b.nodes).then_with(|| a.rels.cmp(&b.rels)),
            (Point(a), Point(b)) => a.order(b),
            (Map(a), Map(b)) => map_order(a, b),
            _ => Ordering::Equal,
        }
    }

    fn order_rank(&self) -> u8 {
        match self {
            Value::Map(_) => 0,
            Value::Node(_) => 1,
            Value::Relationship(_) => 2,
            Value::List(_) => 3,
            Value::Path(_) => 4,
            Value::DateTime(_) => 5,
            Value::LocalDateTime(_) => 6,
            Value::Date(_) => 7,
            Value::Time(_) => 8,
            Value::LocalTime(_) => 9,
            Value::Duration(_) => 10,
            Value::Point(_) => 11,
            Value::String(_) => 12,
            Value::Bool(_) => 13,
            Value::Int(_) | Value::Float(_) => 14,
            Value::Null => 15,
        }
    }
}

fn number_order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        _ => {
            let x = as_f64(a);
            let y = as_f64(b);
            match (x.is_nan(), y.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            }
        }
    }
}

fn as_f64(value: &Value) -> f64 {
    match value {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    }
}

fn list_eq(a: &[Value], b: &[Value]) -> Option<bool> {
    if a.len() != b.len() {
        return Some(false);
    }
    let mut unknown = false;
    for (x, y) in a.iter().zip(b) {
        match x.cypher_eq(y) {
            Some(false) => return Some(false),
            None => unknown = true,
            Some(true) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(true)
    }
}

fn map_eq(a: &BTreeMap<Arc<str>, Value>, b: &BTreeMap<Arc<str>, Value>) -> Option<bool> {
    if a.len() != b.len() || a.keys().ne(b.keys()) {
        return Some(false);
    }
    let left: Vec<Value> = a.values().cloned().collect();
    let right: Vec<Value> = b.values().cloned().collect();
    list_eq(&left, &right)
}

fn list_cmp(a: &[Value], b: &[Value]) -> Option<Ordering> {
    for (x, y) in a.iter().zip(b) {
        match x.cypher_cmp(y)? {
            Ordering::Equal => {}
            other => return Some(other),
        }
    }
    Some(a.len().cmp(&b.len()))
}

fn sequence_order(a: &[Value], b: &[Value]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        match x.order(y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

fn map_order(a: &BTreeMap<Arc<str>, Value>, b: &BTreeMap<Arc<str>, Value>) -> Ordering {
    for ((ka, va), (kb, vb)) in a.iter().zip(b.iter()) {
        let step = ka.cmp(kb).then_with(|| va.order(vb));
        if step != Ordering::Equal {
            return step;
        }
    }
    a.len().cmp(&b.len())
}

/// Equivalence, as grouping and `DISTINCT` use it: `null` is equivalent to `null`,
/// `NaN` to `NaN`, and `1` to `1.0`. `Eq` and `Hash` on [`Value`] follow it.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        self.order(other) == Ordering::Equal
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.order_rank().hash(state);
        match self {
            Value::Null => {}
            Value::Bool(b) => b.hash(state),
            // Integers and floats that are equivalent must hash alike.
            Value::Int(i) => hash_number(*i as f64, state),
            Value::Float(f) => hash_number(*f, state),
            Value::String(s) => s.hash(state),
            Value::List(items) => items.iter().for_each(|it| it.hash(state)),
            Value::Map(map) => map.iter().for_each(|(k, v)| {
                k.hash(state);
                v.hash(state);
            }),
            Value::Date(d) => d.hash(state),
            Value::LocalTime(t) => t.hash(state),
            Value::Time(t) => t.hash(state),
            Value::LocalDateTime(t) => t.hash(state),
            Value::DateTime(t) => t.hash(state),
            Value::Duration(d) => d.hash(state),
            Value::Node(id) => id.hash(state),
            Value::Relationship(id) => id.hash(state),
            Value::Path(p) => p.hash(state),
            Value::Point(p) => p.hash(state),
        }
    }
}

fn hash_number<H: Hasher>(f: f64, state: &mut H) {
    if f.is_nan() {
        u64::MAX.hash(state);
    } else if f == 0.0 {
        0u64.hash(state);
    } else {
        f.to_bits().hash(state);
    }
}

/// Cypher literal notation: `'text'`, `[1, 2]`, `{name: 'Russia'}`, `date('2022-01-06')`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => f.write_str(&format_float(*x)),
            Value::String(s) => write_quoted(f, s),
            Value::List(items) => {
                f.write_str("[")?;
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{it}")?;
                }
                f.write_str("]")
            }
            Value::Map(map) => {
                f.write_str("{")?;
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}: {v}", crate::syntax::quote_name(k))?;
                }
                f.write_str("}")
            }
            Value::Date(d) => write!(f, "date('{d}')"),
            Value::LocalTime(t) => write!(f, "localtime('{t}')"),
            Value::Time(t) => write!(f, "time('{t}')"),
            Value::LocalDateTime(t) => write!(f, "localdatetime('{t}')"),
            Value::DateTime(t) => write!(f, "datetime('{t}')"),
            Value::Duration(d) => write!(f, "duration('{d}')"),
            Value::Node(id) => write!(f, "({id})"),
            Value::Relationship(id) => write!(f, "[{id}]"),
            Value::Path(p) => write!(f, "<path of {} relationships>", p.rels.len()),
            Value::Point(p) => write!(f, "{p}"),
        }
    }
}

/// A float as openCypher prints it: always with a `.` or an exponent, so it never reads
/// as an integer.
pub fn format_float(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".to_string() } else { "-Infinity".to_string() };
    }
    let text = format!("{x:?}");
    if text.contains(['.', 'e', 'E']) {
        text
    } else {
        format!("{text}.0")
    }
}

fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("'")?;
    for c in text.chars() {
        match c {
            '\'' => f.write_str("\\'")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("'")
}

#[cfg(test)]
mod tests;

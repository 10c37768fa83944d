//! Cypher's value types as Neo4j 5 names them, for type predicates (`x IS :: INTEGER NOT
//! NULL`): which values a type holds, and its canonical text.

use std::fmt;

use super::Value;

/// A type without its nullability.
#[derive(Debug, Clone, PartialEq)]
pub enum BaseType {
    Nothing,
    Null,
    Bool,
    String,
    Int,
    Float,
    Date,
    LocalTime,
    ZonedTime,
    LocalDateTime,
    ZonedDateTime,
    Duration,
    Point,
    Node,
    Relationship,
    Map,
    Path,
    PropertyValue,
    Any,
    List(Box<CypherType>),
}

/// One member of a union: a base type, maybe `NOT NULL`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeMember {
    pub base: BaseType,
    pub not_null: bool,
}

/// `INTEGER | FLOAT NOT NULL`: a union of members (usually one).
#[derive(Debug, Clone, PartialEq)]
pub struct CypherType {
    pub members: Vec<TypeMember>,
}

impl BaseType {
    /// The base type a (normalized, upper-case, single-spaced) name means, with Neo4j's synonyms.
    pub fn named(name: &str) -> Option<BaseType> {
        Some(match name {
            "NOTHING" => BaseType::Nothing,
            "NULL" => BaseType::Null,
            "BOOL" | "BOOLEAN" => BaseType::Bool,
            "STRING" | "VARCHAR" => BaseType::String,
            "INT" | "INTEGER" | "SIGNED INTEGER" | "INT8" | "INT16" | "INT32" | "INT64" | "INTEGER8" | "INTEGER16"
            | "INTEGER32" | "INTEGER64" => BaseType::Int,
            "FLOAT" | "FLOAT32" | "FLOAT64" => BaseType::Float,
            "DATE" => BaseType::Date,
            "LOCAL TIME" | "TIME WITHOUT TIME ZONE" => BaseType::LocalTime,
            "ZONED TIME" | "TIME WITH TIME ZONE" => BaseType::ZonedTime,
            "LOCAL DATETIME" | "TIMESTAMP WITHOUT TIME ZONE" => BaseType::LocalDateTime,
            "ZONED DATETIME" | "TIMESTAMP WITH TIME ZONE" => BaseType::ZonedDateTime,
            "DURATION" => BaseType::Duration,
            "POINT" => BaseType::Point,
            "NODE" | "ANY NODE" | "VERTEX" | "ANY VERTEX" => BaseType::Node,
            "RELATIONSHIP" | "ANY RELATIONSHIP" | "EDGE" | "ANY EDGE" | "REL" | "ANY REL" => BaseType::Relationship,
            "MAP" | "ANY MAP" => BaseType::Map,
            "PATH" | "ANY PATH" => BaseType::Path,
            "PROPERTY VALUE" | "ANY PROPERTY VALUE" => BaseType::PropertyValue,
            "ANY" | "ANY VALUE" => BaseType::Any,
            _ => return None,
        })
    }

    /// Whether a value that is not null has this type.
    fn holds(&self, value: &Value) -> bool {
        match (self, value) {
            (BaseType::Any, _) => true,
            (BaseType::Bool, Value::Bool(_))
            | (BaseType::String, Value::String(_))
            | (BaseType::Int, Value::Int(_))
            | (BaseType::Float, Value::Float(_))
            | (BaseType::Date, Value::Date(_))
            | (BaseType::LocalTime, Value::LocalTime(_))
            | (BaseType::ZonedTime, Value::Time(_))
            | (BaseType::LocalDateTime, Value::LocalDateTime(_))
            | (BaseType::ZonedDateTime, Value::DateTime(_))
            | (BaseType::Duration, Value::Duration(_))
            | (BaseType::Point, Value::Point(_))
            | (BaseType::Node, Value::Node(_))
            | (BaseType::Relationship, Value::Relationship(_))
            | (BaseType::Map, Value::Map(_))
            | (BaseType::Path, Value::Path(_)) => true,
            (BaseType::List(inner), Value::List(items)) => items.iter().all(|item| inner.holds(item)),
            (BaseType::PropertyValue, Value::List(items)) => {
                items.iter().all(|item| !item.is_null() && is_scalar_property(item))
            }
            (BaseType::PropertyValue, other) => is_scalar_property(other),
            _ => false,
        }
    }
}

/// A value a property may hold, other than a list.
fn is_scalar_property(value: &Value) -> bool {
    !matches!(
        value,
        Value::Null | Value::List(_) | Value::Map(_) | Value::Node(_) | Value::Relationship(_) | Value::Path(_)
    )
}

impl CypherType {
    /// Whether `value` has this type: null has every nullable type (and NULL), never a
    /// `NOT NULL` one nor NOTHING.
    pub fn holds(&self, value: &Value) -> bool {
        self.members.iter().any(|m| match value {
            Value::Null => m.base == BaseType::Null || (!m.not_null && m.base != BaseType::Nothing),
            _ => m.base.holds(value),
        })
    }
}

impl fmt::Display for BaseType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            BaseType::Nothing => "NOTHING",
            BaseType::Null => "NULL",
            BaseType::Bool => "BOOLEAN",
            BaseType::String => "STRING",
            BaseType::Int => "INTEGER",
            BaseType::Float => "FLOAT",
            BaseType::Date => "DATE",
            BaseType::LocalTime => "LOCAL TIME",
            BaseType::ZonedTime => "ZONED TIME",
            BaseType::LocalDateTime => "LOCAL DATETIME",
            BaseType::ZonedDateTime => "ZONED DATETIME",
            BaseType::Duration => "DURATION",
            BaseType::Point => "POINT",
            BaseType::Node => "NODE",
            BaseType::Relationship => "RELATIONSHIP",
            BaseType::Map => "MAP",
            BaseType::Path => "PATH",
            BaseType::PropertyValue => "PROPERTY VALUE",
            BaseType::Any => "ANY",
            BaseType::List(inner) => return write!(f, "LIST<{inner}>"),
        };
        f.write_str(name)
    }
}

impl fmt::Display for CypherType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, m) in self.members.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{}{}", m.base, if m.not_null { " NOT NULL" } else { "" })?;
        }
        Ok(())
    }
}

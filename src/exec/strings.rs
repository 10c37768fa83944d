//! Neo4j 5's string functions beyond openCypher's: trimming given characters,
//! `char_length`, Unicode normalization, and `isEmpty`, `elementId`, `randomUUID`,
//! `timestamp`.

use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd, UnicodeNormalization};

use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::value::Value;

fn type_error(function: Function, value: &Value, span: Span) -> Error {
    Error::at(
        ErrorCode::InvalidArgumentValue,
        span,
        format!("{}() does not take a {} argument", super::functions::function_name(function), value.type_name()),
    )
    .as_kind(ErrorKind::TypeError)
}

/// `ltrim`, `rtrim` and `btrim`, with white space or the characters given.
pub fn trim(function: Function, a: &Value, rest: &[Value], span: Span) -> Result<Value> {
    let Value::String(s) = a else { return Err(type_error(function, a, span)) };
    let chars: Option<Vec<char>> = match rest.first() {
        None => None,
        Some(Value::String(c)) => Some(c.chars().collect()),
        Some(other) => return Err(type_error(function, other, span)),
    };
    let strip = |c: char| chars.as_ref().map_or(c.is_whitespace(), |set| set.contains(&c));
    Ok(Value::string(match function {
        Function::LTrim => s.trim_start_matches(strip),
        Function::RTrim => s.trim_end_matches(strip),
        _ => s.trim_matches(strip),
    }))
}

/// The normal form a name gives (`NFC`, `NFD`, `NFKC`, `NFKD`).
fn form(value: Option<&Value>, span: Span) -> Result<&'static str> {
    let name = match value {
        None => return Ok("NFC"),
        Some(Value::String(s)) => s.to_ascii_uppercase(),
        Some(other) => {
            return Err(Error::at(
                ErrorCode::InvalidArgumentValue,
                span,
                format!("a normal form is a string, not a {}", other.type_name()),
            ))
        }
    };
    ["NFC", "NFD", "NFKC", "NFKD"].into_iter().find(|f| *f == name).ok_or_else(|| {
        Error::at(ErrorCode::InvalidArgumentValue, span, format!("unknown normal form '{name}'"))
            .with_hint("one of NFC, NFD, NFKC, NFKD")
    })
}

/// `normalize(s[, form])` and `s IS [form] NORMALIZED`.
pub fn normalization(function: Function, a: &Value, rest: &[Value], span: Span) -> Result<Value> {
    let Value::String(s) = a else { return Err(type_error(function, a, span)) };
    let form = form(rest.first(), span)?;
    if function == Function::IsNormalized {
        return Ok(Value::Bool(match form {
            "NFC" => is_nfc(s),
            "NFD" => is_nfd(s),
            "NFKC" => is_nfkc(s),
            _ => is_nfkd(s),
        }));
    }
    Ok(Value::string(match form {
        "NFC" => s.nfc().collect::<String>(),
        "NFD" => s.nfd().collect::<String>(),
        "NFKC" => s.nfkc().collect::<String>(),
        _ => s.nfkd().collect::<String>(),
    }))
}

pub fn char_length(a: &Value, span: Span) -> Result<Value> {
    match a {
        Value::String(s) => Ok(Value::Int(s.chars().count() as i64)),
        other => Err(type_error(Function::CharLength, other, span)),
    }
}

pub fn is_empty(a: &Value, span: Span) -> Result<Value> {
    Ok(Value::Bool(match a {
        Value::String(s) => s.is_empty(),
        Value::List(items) => items.is_empty(),
        Value::Map(map) => map.is_empty(),
        other => return Err(type_error(Function::IsEmpty, other, span)),
    }))
}

/// `elementId(x)`: a string that names one node or relationship (`n:7`, `r:7`); it stays
/// the same as long as the entity exists, since ids are never reused.
pub fn element_id(a: &Value, span: Span) -> Result<Value> {
    match a {
        Value::Node(id) => Ok(Value::string(format!("n:{}", id.0))),
        Value::Relationship(id) => Ok(Value::string(format!("r:{}", id.0))),
        other => Err(type_error(Function::ElementId, other, span)),
    }
}

/// A version 4 UUID from the process's random hasher seeds.
pub fn random_uuid() -> Value {
    let (hi, lo) = (random_u64(), random_u64());
    let hi = (hi & !0xF000) | 0x4000;
    let lo = (lo & !(0xC0 << 56)) | (0x80 << 56);
    Value::string(format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0xFFFF,
        lo >> 48,
        lo & 0xFFFF_FFFF_FFFF
    ))
}

fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    hasher.finish()
}

/// `timestamp()`: milliseconds since the Unix epoch.
pub fn timestamp() -> Value {
    let millis = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis());
    Value::Int(millis as i64)
}

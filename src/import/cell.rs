//! One CSV field read as a value of its column's type.
//!
//! As neo4j-admin reads them: an empty unquoted field is no value (the property is not
//! set); a quoted empty field is an empty string, or an empty list in an array column.
//! Arrays are split on the array delimiter (`;`). Integers, floats and booleans may be
//! surrounded by spaces; strings are kept exactly. Floats accept `NaN`, `Infinity` and
//! `-Infinity` (how the exports write them).

use super::header::ScalarType;
use super::records::Field;
use crate::value::{Date, Value};

/// The value of `field`, `None` for no value, or why it is not one.
pub fn parse_cell(field: &Field, ty: ScalarType, array: bool, array_delimiter: char) -> Result<Option<Value>, String> {
    if field.text.is_empty() && !field.quoted {
        return Ok(None);
    }
    if !array {
        return parse_scalar(&field.text, ty).map(Some);
    }
    if field.text.is_empty() {
        return Ok(Some(Value::list(Vec::new())));
    }
    let items = field
        .text
        .split(array_delimiter)
        .map(|item| parse_scalar(item, ty))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|m| format!("in the list `{}`: {m}", field.text))?;
    Ok(Some(Value::list(items)))
}

pub fn parse_scalar(text: &str, ty: ScalarType) -> Result<Value, String> {
    let trimmed = text.trim();
    match ty {
        ScalarType::String => Ok(Value::string(text)),
        ScalarType::Int => trimmed.parse::<i64>().map(Value::Int).map_err(|_| format!("`{text}` is not an integer")),
        ScalarType::Float => parse_float(trimmed).map(Value::Float).ok_or_else(|| format!("`{text}` is not a number")),
        ScalarType::Bool => match trimmed.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("`{text}` is not a boolean (true or false)")),
        },
        ScalarType::Date => {
            Date::parse(trimmed).map(Value::Date).ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
        }
    }
}

/// A float in the notation steppe prints (`1.5`, `1e300`, `NaN`, `Infinity`, `-Infinity`).
pub fn parse_float(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "Infinity" | "+Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        // Rust also reads `inf` and `nan`; refuse words other than the three above.
        _ if text.bytes().any(|b| b.is_ascii_alphabetic() && !matches!(b, b'e' | b'E')) => None,
        _ => text.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str, quoted: bool) -> Field {
        Field { text: text.into(), quoted }
    }

    #[test]
    fn empty_fields_follow_neo4j_admin() {
        assert_eq!(parse_cell(&field("", false), ScalarType::String, false, ';'), Ok(None));
        assert_eq!(parse_cell(&field("", true), ScalarType::String, false, ';'), Ok(Some(Value::string(""))));
        assert_eq!(parse_cell(&field("", true), ScalarType::Int, true, ';'), Ok(Some(Value::list(vec![]))));
        assert!(parse_cell(&field("", true), ScalarType::Int, false, ';').is_err());
    }

    #[test]
    fn scalars_and_arrays_parse_by_type() {
        let list = parse_cell(&field("1; 2;3", false), ScalarType::Int, true, ';');
        assert_eq!(list, Ok(Some(Value::list(vec![Value::Int(1), Value::Int(2), Value::Int(3)]))));
        assert_eq!(parse_scalar(" 42 ", ScalarType::Int), Ok(Value::Int(42)));
        assert!(parse_scalar("4.2", ScalarType::Int).is_err());
        assert!(matches!(parse_scalar("NaN", ScalarType::Float), Ok(Value::Float(f)) if f.is_nan()));
        assert_eq!(parse_scalar("-Infinity", ScalarType::Float), Ok(Value::Float(f64::NEG_INFINITY)));
        assert!(parse_scalar("inf", ScalarType::Float).is_err());
        assert_eq!(parse_scalar("TRUE", ScalarType::Bool), Ok(Value::Bool(true)));
        assert!(parse_scalar("yes", ScalarType::Bool).is_err());
        assert!(parse_scalar("2022-02-30", ScalarType::Date).is_err());
        assert_eq!(parse_scalar(" a ", ScalarType::String), Ok(Value::string(" a ")));
    }
}

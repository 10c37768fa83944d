//! Trigonometry and `round(x, precision, mode)` with Neo4j's (Java's) rounding modes.

use crate::binder::bound::Function;
use crate::error::{Error, ErrorCode, ErrorKind, Result};
use crate::span::Span;
use crate::value::Value;

/// A number as a float, or `None` for any other value.
fn as_float(value: &Value) -> Option<f64> {
    match value {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn not_a_number(function: &str, value: &Value, span: Span) -> Error {
    Error::at(
        ErrorCode::InvalidArgumentValue,
        span,
        format!("{function}() takes a number, not a {}", value.type_name()),
    )
    .as_kind(ErrorKind::TypeError)
}

/// The trigonometric functions, `degrees`, `radians`, `haversin`, `isNaN` and `atan2`.
pub fn trig(function: Function, a: &Value, rest: &[Value], span: Span) -> Result<Value> {
    let name = format!("{function:?}").to_lowercase();
    let x = as_float(a).ok_or_else(|| not_a_number(&name, a, span))?;
    Ok(match function {
        Function::IsNaN => Value::Bool(x.is_nan()),
        Function::Atan2 => {
            let b = rest.first().unwrap_or(&Value::Null);
            let x2 = as_float(b).ok_or_else(|| not_a_number(&name, b, span))?;
            Value::Float(x.atan2(x2))
        }
        Function::Sin => Value::Float(x.sin()),
        Function::Cos => Value::Float(x.cos()),
        Function::Tan => Value::Float(x.tan()),
        // cot(0) is infinite, as in Neo4j.
        Function::Cot => Value::Float(1.0 / x.tan()),
        Function::Asin => Value::Float(x.asin()),
        Function::Acos => Value::Float(x.acos()),
        Function::Atan => Value::Float(x.atan()),
        Function::Degrees => Value::Float(x.to_degrees()),
        Function::Radians => Value::Float(x.to_radians()),
        _ => Value::Float((1.0 - x.cos()) / 2.0),
    })
}

/// Java's rounding modes, which Neo4j's `round(x, precision, mode)` takes by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    /// `round(x)` and `round(x, 0)`: ties towards positive infinity.
    HalfTowardsPositive,
}

fn mode_named(name: &str, span: Span) -> Result<Mode> {
    Ok(match name.to_ascii_uppercase().as_str() {
        "UP" => Mode::Up,
        "DOWN" => Mode::Down,
        "CEILING" => Mode::Ceiling,
        "FLOOR" => Mode::Floor,
        "HALF_UP" => Mode::HalfUp,
        "HALF_DOWN" => Mode::HalfDown,
        "HALF_EVEN" => Mode::HalfEven,
        _ => {
            return Err(Error::at(ErrorCode::InvalidArgumentValue, span, format!("unknown rounding mode '{name}'"))
                .with_hint("one of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN"))
        }
    })
}

/// `round(x)`, `round(x, precision)`, `round(x, precision, mode)`: a float, rounded on
/// the shortest decimal text of `x` (as Java's BigDecimal does), so `round(2.675, 2)` is 2.68.
pub fn round(a: &Value, rest: &[Value], span: Span) -> Result<Value> {
    let x = as_float(a).ok_or_else(|| not_a_number("round", a, span))?;
    let precision = match rest.first() {
        None => 0,
        Some(Value::Int(p)) => *p,
        Some(other) => return Err(not_a_number("round", other, span)),
    };
    let mode = match rest.get(1) {
        None if precision == 0 => Mode::HalfTowardsPositive,
        None => Mode::HalfUp,
        Some(Value::String(name)) => mode_named(name, span)?,
        Some(other) => {
            return Err(Error::at(
                ErrorCode::InvalidArgumentValue,
                span,
                format!("round() takes the mode as a string, not a {}", other.type_name()),
            )
            .as_kind(ErrorKind::TypeError))
        }
    };
    if !x.is_finite() || precision > 330 {
        return Ok(Value::Float(x));
    }
    Ok(Value::Float(round_decimal(x, precision.max(-330), mode)))
}

/// Rounds `x` to `precision` places after the point on its decimal digits.
fn round_decimal(x: f64, precision: i64, mode: Mode) -> f64 {
    let negative = x.is_sign_negative();
    let text = format!("{}", x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).map(|b| b - b'0').collect();
    // Digits kept: those before the point and `precision` after it.
    let keep = int_part.len() as i64 + precision;
    if keep < 0 {
        // Everything is discarded, and the first discarded digit is an implicit 0.
        let nonzero = digits.iter().any(|d| *d != 0);
        let up = rounds_up(mode, negative, 0, nonzero, false);
        return signed(if up { 10f64.powi(-precision as i32) } else { 0.0 }, negative);
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return x;
    }
    let first_dropped = digits[keep];
    let rest_nonzero = digits[keep + 1..].iter().any(|d| *d != 0);
    // A 5 followed by anything but zeros is above half, not a tie.
    let first = if first_dropped == 5 && rest_nonzero { 6 } else { first_dropped };
    let last_kept_odd = keep > 0 && digits[keep - 1] % 2 == 1;
    let mut kept: Vec<u8> = digits[..keep].to_vec();
    if rounds_up(mode, negative, first, first_dropped != 0 || rest_nonzero, last_kept_odd) {
        increment(&mut kept);
    }
    let mantissa: String = kept.iter().map(|d| char::from(b'0' + d)).collect();
    let mantissa = if mantissa.is_empty() { "0".to_string() } else { mantissa };
    signed(format!("{mantissa}e{}", -precision).parse().unwrap_or(0.0), negative)
}

/// Adds one to the last digit, carrying.
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, 1);
}

/// A decimal has no negative zero: `round(-0.4)` is 0.0.
fn signed(value: f64, negative: bool) -> f64 {
    if negative && value != 0.0 {
        -value
    } else {
        value
    }
}

/// Whether dropping digits starting with `first` (and `any_dropped`: some dropped digit
/// is not 0) moves the magnitude up.
fn rounds_up(mode: Mode, negative: bool, first: u8, any_dropped: bool, last_kept_odd: bool) -> bool {
    if !any_dropped {
        return false;
    }
    match mode {
        Mode::Up => true,
        Mode::Down => false,
        Mode::Ceiling => !negative,
        Mode::Floor => negative,
        _ if first > 5 => true,
        _ if first < 5 => false,
        // An exact tie.
        Mode::HalfUp => true,
        Mode::HalfDown => false,
        Mode::HalfEven => last_kept_odd,
        Mode::HalfTowardsPositive => !negative,
    }
}

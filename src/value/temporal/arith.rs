//! Arithmetic with temporal values: a temporal value ± a duration, durations added and
//! subtracted, a duration multiplied or divided by a number.
//!
//! A duration is applied as Neo4j (java.time) applies it: months first (keeping the day
//! of the month where it exists), then days, both on the wall clock; then seconds and
//! nanoseconds, on the instant. A `DATE` takes whole days of the seconds; a time of day
//! takes only the seconds, wrapping around midnight.

use std::sync::Arc;

use super::duration::Number;
use super::{invalid, Date, DateTime, Duration, LocalDateTime, LocalTime, Time, SECONDS_PER_DAY};
use crate::error::Result;
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// `l op r` when a temporal value is involved: `None` when neither side is temporal, so
/// the caller applies its own rules; an error when the combination makes no sense.
pub fn arithmetic(op: Arith, l: &Value, r: &Value) -> Option<Result<Value>> {
    use Value as V;
    let temporal = |v: &Value| {
        matches!(v, V::Date(_) | V::LocalTime(_) | V::Time(_) | V::LocalDateTime(_) | V::DateTime(_) | V::Duration(_))
    };
    // Lists take any value as an element; the caller appends.
    if (!temporal(l) && !temporal(r)) || matches!(l, V::List(_)) || matches!(r, V::List(_)) {
        return None;
    }
    let number = |v: &Value| match v {
        V::Int(i) => Some(Number::Int(*i)),
        V::Float(f) => Some(Number::Float(*f)),
        _ => None,
    };
    Some(match (op, l, r) {
        // A string and a temporal value concatenate, the value as its ISO 8601 text.
        (Arith::Add, V::String(s), t) => Ok(Value::string(format!("{s}{}", t.temporal_text().unwrap_or_default()))),
        (Arith::Add, t, V::String(s)) => Ok(Value::string(format!("{}{s}", t.temporal_text().unwrap_or_default()))),
        (Arith::Add, V::Duration(a), V::Duration(b)) => a.plus(**b).map(duration_value),
        (Arith::Sub, V::Duration(a), V::Duration(b)) => a.minus(**b).map(duration_value),
        (Arith::Add, t, V::Duration(d)) | (Arith::Add, V::Duration(d), t) => plus(t, d, 1),
        (Arith::Sub, t, V::Duration(d)) if !matches!(t, V::Duration(_)) => plus(t, d, -1),
        (Arith::Mul, V::Duration(d), n) | (Arith::Mul, n, V::Duration(d)) if number(n).is_some() => {
            number(n).map_or_else(|| Err(invalid("not a number")), |n| d.times(n)).map(duration_value)
        }
        (Arith::Div, V::Duration(d), n) if number(n).is_some() => {
            number(n).map_or_else(|| Err(invalid("not a number")), |n| d.divided_by(n)).map(duration_value)
        }
        _ => Err(crate::error::Error::new(
            crate::error::ErrorCode::InvalidArgumentType,
            format!("cannot apply {op:?} to a {} and a {}", l.type_name(), r.type_name()),
        )),
    })
}

fn duration_value(d: Duration) -> Value {
    Value::Duration(Arc::new(d))
}

fn out_of_range() -> crate::error::Error {
    invalid("the result is out of the supported range (years -999,999,999 to 999,999,999)")
}

/// `value + sign * duration`.
fn plus(value: &Value, d: &Duration, sign: i64) -> Result<Value> {
    let months = d.months().checked_mul(sign).ok_or_else(out_of_range)?;
    let days = d.days().checked_mul(sign).ok_or_else(out_of_range)?;
    let nanos = d.second_nanos() * sign as i128;
    Ok(match value {
        Value::Date(date) => {
            let whole_days = d.seconds() / SECONDS_PER_DAY * sign;
            Value::Date(plus_date(*date, months, days)?.plus_days(whole_days).ok_or_else(out_of_range)?)
        }
        Value::LocalTime(t) => Value::LocalTime(LocalTime::from_nanos_wrapping(t.nanos() as i128 + nanos)),
        Value::Time(t) => {
            Value::Time(Time { time: LocalTime::from_nanos_wrapping(t.time.nanos() as i128 + nanos), offset: t.offset })
        }
        Value::LocalDateTime(ldt) => {
            let moved = LocalDateTime::new(plus_date(ldt.date, months, days)?, ldt.time);
            Value::LocalDateTime(LocalDateTime::from_nanos(moved.to_nanos() + nanos).ok_or_else(out_of_range)?)
        }
        Value::DateTime(dt) => Value::DateTime(Arc::new(plus_datetime(dt, months, days, nanos)?)),
        other => {
            return Err(crate::error::Error::new(
                crate::error::ErrorCode::InvalidArgumentType,
                format!("cannot add a DURATION to a {}", other.type_name()),
            ))
        }
    })
}

fn plus_date(date: Date, months: i64, days: i64) -> Result<Date> {
    date.plus_months(months).and_then(|d| d.plus_days(days)).ok_or_else(out_of_range)
}

fn plus_datetime(dt: &DateTime, months: i64, days: i64, nanos: i128) -> Result<DateTime> {
    let moved = if months != 0 || days != 0 {
        let local = dt.local();
        let local = LocalDateTime::new(plus_date(local.date, months, days)?, local.time);
        DateTime::from_local(local, dt.zone().clone(), Some(dt.offset())).ok_or_else(out_of_range)?
    } else {
        dt.clone()
    };
    DateTime::from_instant_nanos(moved.instant_nanos() + nanos, moved.zone().clone()).ok_or_else(out_of_range)
}

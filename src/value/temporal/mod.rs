//! openCypher's temporal types: `DATE`, `LOCAL TIME`, `TIME`, `LOCAL DATETIME`, `DATETIME`
//! and `DURATION`, with Neo4j's semantics (the openCypher TCK is written against it).
//!
//! - `civil`: calendar arithmetic (days ↔ year-month-day, ISO weeks, quarters);
//! - `date`, `time`, `datetime`, `duration`: the value types;
//! - `zone`: offsets and IANA time zones (the only file that names `jiff`);
//! - `parse` and `format`: ISO 8601 text in and out;
//! - `build`: values from maps of components (`{year: 1984, week: 10}`, `{date: d, hour: 12}`);
//! - `truncate`, `arith`, `between`, `component`: truncation, `+`/`-`/`*`/`/`,
//!   `duration.between` and friends, and `.year`-style component access.
//!
//! Nothing here knows the query pipeline: functions take values and parts and return
//! values or an `ArgumentError`; `exec/temporal.rs` adds the position in the query.

mod arith;
mod between;
mod build;
mod civil;
mod component;
mod date;
mod datetime;
mod duration;
mod format;
mod parse;
mod time;
mod truncate;
mod zone;

pub use arith::{arithmetic, Arith};
pub use between::{between, BetweenUnit};
pub use build::{build, Fields};
pub use component::component;
pub use date::Date;
pub use datetime::{DateTime, LocalDateTime};
pub use duration::{Duration, DurationComponents, Number};
pub use parse::{parse_date, parse_datetime, parse_duration, parse_local_datetime, parse_local_time, parse_time};
pub use time::{LocalTime, Time};
pub use truncate::{truncate, TruncateUnit};
pub use zone::Zone;

use std::sync::Arc;

use crate::error::{Error, ErrorCode, Result};
use crate::value::Value;

pub const NANOS_PER_SECOND: i64 = 1_000_000_000;
pub const SECONDS_PER_DAY: i64 = 86_400;
pub const NANOS_PER_DAY: i64 = SECONDS_PER_DAY * NANOS_PER_SECOND;

/// The six temporal types, for the functions named after them (`date`, `date.truncate`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemporalKind {
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
}

impl TemporalKind {
    /// The openCypher type name, as error messages use it.
    pub fn type_name(self) -> &'static str {
        match self {
            TemporalKind::Date => "DATE",
            TemporalKind::LocalTime => "LOCAL TIME",
            TemporalKind::Time => "TIME",
            TemporalKind::LocalDateTime => "LOCAL DATETIME",
            TemporalKind::DateTime => "DATETIME",
            TemporalKind::Duration => "DURATION",
        }
    }
}

/// An instant-bearing temporal value taken apart: what `{date: x}`, `{time: x}` and
/// `{datetime: x}` select from `x`, and what `duration.between` compares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    pub date: Option<Date>,
    pub time: Option<LocalTime>,
    /// The zone, for `TIME` (always an offset) and `DATETIME` values.
    pub zone: Option<Zone>,
    /// The offset in force, for `TIME` and `DATETIME` values.
    pub offset: Option<i32>,
}

impl Parts {
    pub fn of_date(date: Date) -> Parts {
        Parts { date: Some(date), ..Parts::default() }
    }

    pub fn of_local_time(time: LocalTime) -> Parts {
        Parts { time: Some(time), ..Parts::default() }
    }

    pub fn of_time(time: Time) -> Parts {
        Parts { date: None, time: Some(time.time), zone: Some(Zone::Offset(time.offset)), offset: Some(time.offset) }
    }

    pub fn of_local_datetime(local: LocalDateTime) -> Parts {
        Parts { date: Some(local.date), time: Some(local.time), ..Parts::default() }
    }

    pub fn of_datetime(datetime: &DateTime) -> Parts {
        let local = datetime.local();
        Parts {
            date: Some(local.date),
            time: Some(local.time),
            zone: Some(datetime.zone().clone()),
            offset: Some(datetime.offset()),
        }
    }
}

/// The JSON tag of a temporal value and its ISO 8601 text: `("$datetime", "2022-01-06T10:00Z")`.
/// Output (`--format json`) and exports write `{tag: text}`; imports read it back with [`from_json_tag`].
pub fn json_tag(value: &Value) -> Option<(&'static str, String)> {
    let tag = match value {
        Value::Date(_) => "$date",
        Value::LocalTime(_) => "$localtime",
        Value::Time(_) => "$time",
        Value::LocalDateTime(_) => "$localdatetime",
        Value::DateTime(_) => "$datetime",
        Value::Duration(_) => "$duration",
        _ => return None,
    };
    Some((tag, value.temporal_text()?))
}

/// The temporal value `{tag: text}` stands for; `None` when `tag` is not a temporal tag.
pub fn from_json_tag(tag: &str, text: &str) -> Option<Result<Value>> {
    let kind = match tag {
        "$date" => TemporalKind::Date,
        "$localtime" => TemporalKind::LocalTime,
        "$time" => TemporalKind::Time,
        "$localdatetime" => TemporalKind::LocalDateTime,
        "$datetime" => TemporalKind::DateTime,
        "$duration" => TemporalKind::Duration,
        _ => return None,
    };
    Some(parse_as(kind, text))
}

/// ISO 8601 text as a value of type `kind`, as `date('…')`, `duration('…')` and the others read it.
pub fn parse_as(kind: TemporalKind, text: &str) -> Result<Value> {
    Ok(match kind {
        TemporalKind::Date => Value::Date(parse_date(text)?),
        TemporalKind::LocalTime => Value::LocalTime(parse_local_time(text)?),
        TemporalKind::Time => Value::Time(parse_time(text)?),
        TemporalKind::LocalDateTime => Value::LocalDateTime(parse_local_datetime(text)?),
        TemporalKind::DateTime => Value::DateTime(Arc::new(parse_datetime(text)?)),
        TemporalKind::Duration => Value::Duration(Arc::new(parse_duration(text)?)),
    })
}

/// A value a temporal function cannot accept: openCypher's `ArgumentError`.
pub fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidArgumentValue, message)
}

#[cfg(test)]
mod tests;

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

use crate::error::{Error, ErrorCode};

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

/// A value a temporal function cannot accept: openCypher's `ArgumentError`.
pub fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidArgumentValue, message)
}

#[cfg(test)]
mod tests;

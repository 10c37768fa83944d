//! Components of temporal values, read as properties: `d.year`, `t.offsetMinutes`,
//! `dur.minutesOfHour`. A name the type does not have is an error, not `null`, so a typo
//! does not pass unnoticed.

use super::zone::format_offset;
use super::{civil, invalid, Date, DateTime, Duration, LocalTime, NANOS_PER_SECOND};
use crate::error::Result;
use crate::value::Value;

/// `value.name` for a temporal value; `None` when `value` is not temporal.
pub fn component(value: &Value, name: &str) -> Option<Result<Value>> {
    let res = match value {
        Value::Date(d) => date_component(*d, name),
        Value::LocalTime(t) => time_component(*t, name),
        Value::Time(t) => time_component(t.time, name).or_else(|| offset_component(t.offset, None, name)),
        Value::LocalDateTime(ldt) => date_component(ldt.date, name).or_else(|| time_component(ldt.time, name)),
        Value::DateTime(dt) => datetime_component(dt, name),
        Value::Duration(d) => duration_component(**d, name),
        _ => return None,
    };
    Some(res.ok_or_else(|| invalid(format!("a {} has no component `{name}`", value.type_name()))))
}

fn int(i: i64) -> Option<Value> {
    Some(Value::Int(i))
}

fn date_component(date: Date, name: &str) -> Option<Value> {
    let (year, month, day) = date.ymd();
    let (week_year, week, dow) = date.week_date();
    match name {
        "year" => int(year),
        "quarter" => int(civil::quarter_of(month) as i64),
        "month" => int(month as i64),
        "week" => int(week as i64),
        "weekYear" => int(week_year),
        "day" => int(day as i64),
        "ordinalDay" => int(date.ordinal_day() as i64),
        "weekDay" | "dayOfWeek" => int(dow as i64),
        "dayOfQuarter" => int(date.day_of_quarter() as i64),
        _ => None,
    }
}

fn time_component(time: LocalTime, name: &str) -> Option<Value> {
    match name {
        "hour" => int(time.hour()),
        "minute" => int(time.minute()),
        "second" => int(time.second()),
        "millisecond" => int(time.nanosecond() / 1_000_000),
        "microsecond" => int(time.nanosecond() / 1_000),
        "nanosecond" => int(time.nanosecond()),
        _ => None,
    }
}

fn offset_component(offset: i32, zone_name: Option<&str>, name: &str) -> Option<Value> {
    match name {
        "timezone" => Some(Value::string(zone_name.map_or_else(|| format_offset(offset), str::to_string))),
        "offset" => Some(Value::string(format_offset(offset))),
        "offsetMinutes" => int(offset as i64 / 60),
        "offsetSeconds" => int(offset as i64),
        _ => None,
    }
}

fn datetime_component(dt: &DateTime, name: &str) -> Option<Value> {
    let local = dt.local();
    match name {
        "epochSeconds" => int(dt.epoch_seconds()),
        "epochMillis" => int(dt.epoch_seconds().saturating_mul(1000).saturating_add(dt.nanos() as i64 / 1_000_000)),
        _ => date_component(local.date, name)
            .or_else(|| time_component(local.time, name))
            .or_else(|| offset_component(dt.offset(), dt.zone().name(), name)),
    }
}

/// Totals (`minutes`: all the seconds as minutes) and remainders (`minutesOfHour`), each
/// within its group: months, days, and seconds are never converted into one another.
fn duration_component(d: Duration, name: &str) -> Option<Value> {
    let (months, days, seconds, nanos) = (d.months(), d.days(), d.seconds(), d.nanos() as i64);
    let sub = |unit: i64| seconds.saturating_mul(NANOS_PER_SECOND / unit).saturating_add(nanos / unit);
    match name {
        "years" => int(months / 12),
        "quarters" => int(months / 3),
        "months" => int(months),
        "weeks" => int(days / 7),
        "days" => int(days),
        "hours" => int(seconds / 3600),
        "minutes" => int(seconds / 60),
        "seconds" => int(seconds),
        "milliseconds" => int(sub(1_000_000)),
        "microseconds" => int(sub(1_000)),
        "nanoseconds" => int(sub(1)),
        "quartersOfYear" => int(months % 12 / 3),
        "monthsOfQuarter" => int(months % 3),
        "monthsOfYear" => int(months % 12),
        "daysOfWeek" => int(days % 7),
        "minutesOfHour" => int(seconds / 60 % 60),
        "secondsOfMinute" => int(seconds % 60),
        "millisecondsOfSecond" => int(nanos / 1_000_000),
        "microsecondsOfSecond" => int(nanos / 1_000),
        "nanosecondsOfSecond" => int(nanos),
        _ => None,
    }
}

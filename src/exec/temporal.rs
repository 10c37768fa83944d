//! The temporal functions at run time: `date(…)`, `datetime.truncate(…)`,
//! `duration.between(…)`, the clocks, and the conversion of their arguments (maps of
//! components, ISO strings, other temporal values) into what `value::temporal` builds from.
//!
//! The clock: `date()`, `datetime.statement()` and `datetime.transaction()` read one
//! instant per statement (so `localtime() = localtime()` holds); `*.realtime()` reads
//! the system clock each time.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::binder::bound::TemporalForm;
use crate::error::{Error, ErrorCode, Result};
use crate::span::Span;
use crate::value::temporal::{
    self, BetweenUnit, DateTime, DurationComponents, Fields, Number, Parts, TemporalKind, TruncateUnit, Zone,
};
use crate::value::Value;

thread_local! {
    /// The statement's instant (nanoseconds since the epoch), read on first use.
    static STATEMENT_CLOCK: Cell<Option<i128>> = const { Cell::new(None) };
}

/// Starts a new statement: its clock is read afresh on first use.
pub fn reset_statement_clock() {
    STATEMENT_CLOCK.with(|c| c.set(None));
}

/// The statement's instant, read now if no expression has read it yet: a split scan
/// gives it to its worker threads ([`set_statement_clock`]), so `date()` is one day on all.
pub fn statement_clock() -> i128 {
    statement_now()
}

/// Makes `now` this thread's statement instant (a worker thread of a split scan).
pub fn set_statement_clock(now: i128) {
    STATEMENT_CLOCK.with(|c| c.set(Some(now)));
}

fn system_now() -> i128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i128)
}

fn statement_now() -> i128 {
    STATEMENT_CLOCK.with(|c| match c.get() {
        Some(now) => now,
        None => {
            let now = system_now();
            c.set(Some(now));
            now
        }
    })
}

fn error(message: impl Into<String>) -> Error {
    temporal::invalid(message)
}

fn type_error(what: impl std::fmt::Display, value: &Value) -> Error {
    Error::new(ErrorCode::InvalidArgumentType, format!("{what} cannot take a {} argument", value.type_name()))
}

/// Calls a temporal function; `span` is the call's position, for errors.
pub fn call(kind: TemporalKind, form: TemporalForm, args: Vec<Value>, span: Span) -> Result<Value> {
    let name = Callee { kind, form };
    // Every temporal function gives null for a null argument.
    if args.iter().any(Value::is_null) {
        return Ok(Value::Null);
    }
    let res = match form {
        TemporalForm::Construct => construct(kind, args.first(), name),
        TemporalForm::Transaction | TemporalForm::Statement => now(kind, statement_now(), args.first(), name),
        TemporalForm::Realtime => now(kind, system_now(), args.first(), name),
        TemporalForm::Truncate => truncate(kind, &args, name),
        TemporalForm::FromEpoch => from_epoch(&args, 1_000_000_000, name),
        TemporalForm::FromEpochMillis => from_epoch(&args, 1_000_000, name),
        TemporalForm::Between => between(&args, BetweenUnit::All, name),
        TemporalForm::InMonths => between(&args, BetweenUnit::Months, name),
        TemporalForm::InDays => between(&args, BetweenUnit::Days, name),
        TemporalForm::InSeconds => between(&args, BetweenUnit::Seconds, name),
    };
    res.map_err(|e| e.or_span(span))
}

/// The function being called, for messages: `date.truncate()`. Formatted only on error.
#[derive(Clone, Copy)]
struct Callee {
    kind: TemporalKind,
    form: TemporalForm,
}

impl std::fmt::Display for Callee {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let base = match self.kind {
            TemporalKind::Date => "date",
            TemporalKind::LocalTime => "localtime",
            TemporalKind::Time => "time",
            TemporalKind::LocalDateTime => "localdatetime",
            TemporalKind::DateTime => "datetime",
            TemporalKind::Duration => "duration",
        };
        match self.form {
            TemporalForm::Construct => write!(f, "{base}()"),
            other => write!(f, "{base}.{}()", format!("{other:?}").to_lowercase()),
        }
    }
}

/// `date()`, `date('2015-07-21')`, `date({year: 2015})`, `date({timezone: 'Z'})`, `date(other)`.
fn construct(kind: TemporalKind, arg: Option<&Value>, name: Callee) -> Result<Value> {
    let Some(arg) = arg else {
        return now(kind, statement_now(), None, name);
    };
    match (kind, arg) {
        (_, Value::String(s)) => temporal::parse_as(kind, s),
        (TemporalKind::Duration, Value::Map(map)) => {
            Ok(duration_value(temporal::Duration::from_components(&duration_components(map)?)?))
        }
        (TemporalKind::Duration, Value::Duration(_)) => Ok(arg.clone()),
        (TemporalKind::Duration, other) => Err(type_error(name, other)),
        // `date({timezone: 'Asia/Almaty'})`: the statement's clock, in that zone.
        (_, Value::Map(map)) if map.len() == 1 && map.keys().all(|k| k.eq_ignore_ascii_case("timezone")) => {
            now(kind, statement_now(), map.values().next(), name)
        }
        (_, Value::Map(map)) => temporal::build(kind, &fields(map, name)?),
        (_, other) => match parts_of(other) {
            Some(parts) if can_select(kind, &parts) => temporal::build(kind, &select(kind, parts)),
            Some(_) => Err(error(format!("{name} cannot be made from a {}", other.type_name()))),
            None => Err(type_error(name, other)),
        },
    }
}

fn duration_value(d: temporal::Duration) -> Value {
    Value::Duration(Arc::new(d))
}

/// Whether `kind(value)` finds what it needs in the value: a date, or a time of day.
fn can_select(kind: TemporalKind, parts: &Parts) -> bool {
    match kind {
        TemporalKind::LocalTime | TemporalKind::Time => parts.time.is_some(),
        _ => parts.date.is_some(),
    }
}

/// `kind(other)`: the parts of `other` that `kind` has.
fn select(kind: TemporalKind, parts: Parts) -> Fields {
    let mut fields = Fields::default();
    match kind {
        TemporalKind::Date => fields.date = Some(parts),
        TemporalKind::LocalTime | TemporalKind::Time => fields.time = Some(parts),
        _ => fields.datetime = Some(parts),
    }
    fields
}

/// A temporal value taken apart; `None` for other values and durations.
pub fn parts_of(value: &Value) -> Option<Parts> {
    match value {
        Value::Date(d) => Some(Parts::of_date(*d)),
        Value::LocalTime(t) => Some(Parts::of_local_time(*t)),
        Value::Time(t) => Some(Parts::of_time(*t)),
        Value::LocalDateTime(t) => Some(Parts::of_local_datetime(*t)),
        Value::DateTime(t) => Some(Parts::of_datetime(t)),
        _ => None,
    }
}

/// The current instant as a value of type `kind`, at UTC or in the zone given.
fn now(kind: TemporalKind, instant: i128, zone: Option<&Value>, name: Callee) -> Result<Value> {
    let zone = match zone {
        None => Zone::utc(),
        Some(Value::String(s)) => time_zone(s)?,
        Some(other) => return Err(type_error(name, other)),
    };
    let now = DateTime::from_instant_nanos(instant, zone).ok_or_else(|| error("the clock is out of range"))?;
    let local = now.local();
    Ok(match kind {
        TemporalKind::Date => Value::Date(local.date),
        TemporalKind::LocalTime => Value::LocalTime(local.time),
        TemporalKind::Time => Value::Time(temporal::Time { time: local.time, offset: now.offset() }),
        TemporalKind::LocalDateTime => Value::LocalDateTime(local),
        TemporalKind::DateTime => Value::DateTime(Arc::new(now)),
        TemporalKind::Duration => return Err(error("duration() needs an argument")),
    })
}

fn time_zone(text: &str) -> Result<Zone> {
    Zone::parse(text).ok_or_else(|| error(format!("unknown time zone `{text}`")))
}

/// `kind.truncate(unit, value[, map])`.
fn truncate(kind: TemporalKind, args: &[Value], name: Callee) -> Result<Value> {
    let unit = match args.first() {
        Some(Value::String(s)) => TruncateUnit::parse(s).ok_or_else(|| error(format!("unknown unit `{s}`")))?,
        Some(other) => return Err(type_error(name, other)),
        None => return Err(error(format!("{name} needs a unit"))),
    };
    let value = match args.get(1) {
        Some(v) => parts_of(v).ok_or_else(|| type_error(name, v))?,
        // Without a value Neo4j truncates the statement's current instant.
        None => {
            let current = now(kind, statement_now(), None, name)?;
            parts_of(&current).ok_or_else(|| type_error(name, &current))?
        }
    };
    let fields = match args.get(2) {
        Some(Value::Map(map)) => fields(map, name)?,
        Some(other) => return Err(type_error(name, other)),
        None => Fields::default(),
    };
    temporal::truncate(kind, unit, &value, fields)
}

/// `datetime.fromepoch(seconds, nanoseconds)` and `datetime.fromepochmillis(milliseconds)`.
fn from_epoch(args: &[Value], unit_nanos: i128, name: Callee) -> Result<Value> {
    let mut nanos: i128 = 0;
    for (i, arg) in args.iter().enumerate() {
        let Value::Int(n) = arg else {
            return Err(type_error(name, arg));
        };
        nanos += *n as i128 * if i == 0 { unit_nanos } else { 1 };
    }
    DateTime::from_instant_nanos(nanos, Zone::utc())
        .map(|dt| Value::DateTime(Arc::new(dt)))
        .ok_or_else(|| error("the instant is out of range"))
}

fn between(args: &[Value], unit: BetweenUnit, name: Callee) -> Result<Value> {
    let part = |i: usize| -> Result<Parts> {
        let value = args.get(i).unwrap_or(&Value::Null);
        parts_of(value).ok_or_else(|| type_error(name, value))
    };
    Ok(duration_value(temporal::between(&part(0)?, &part(1)?, unit)?))
}

fn int_component(key: &str, value: &Value) -> Result<i64> {
    match value {
        Value::Int(i) => Ok(*i),
        other => Err(Error::new(
            ErrorCode::InvalidArgumentType,
            format!("`{key}` must be an integer, got a {}", other.type_name()),
        )),
    }
}

/// The components of a map given to `date`, `time`, … (keys ignore case).
fn fields(map: &BTreeMap<Arc<str>, Value>, name: Callee) -> Result<Fields> {
    let mut f = Fields::default();
    for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
        let int = || int_component(key, value).map(Some);
        let selected = || parts_of(value).map(Some).ok_or_else(|| type_error(format!("`{key}` in {name}"), value));
        match key.to_ascii_lowercase().as_str() {
            "year" => f.year = int()?,
            "month" => f.month = int()?,
            "day" => f.day = int()?,
            "week" => f.week = int()?,
            "dayofweek" | "weekday" => f.day_of_week = int()?,
            "ordinalday" => f.ordinal_day = int()?,
            "quarter" => f.quarter = int()?,
            "dayofquarter" => f.day_of_quarter = int()?,
            "hour" => f.hour = int()?,
            "minute" => f.minute = int()?,
            "second" => f.second = int()?,
            "millisecond" => f.millisecond = int()?,
            "microsecond" => f.microsecond = int()?,
            "nanosecond" => f.nanosecond = int()?,
            "epochseconds" => f.epoch_seconds = int()?,
            "epochmillis" => f.epoch_millis = int()?,
            "timezone" => match value {
                Value::String(s) => f.timezone = Some(time_zone(s)?),
                other => return Err(type_error("`timezone`", other)),
            },
            "date" => f.date = selected()?,
            "time" => f.time = selected()?,
            "datetime" => f.datetime = selected()?,
            _ => return Err(error(format!("{name} has no component `{key}`"))),
        }
    }
    Ok(f)
}

fn duration_components(map: &BTreeMap<Arc<str>, Value>) -> Result<DurationComponents> {
    let mut c = DurationComponents::default();
    for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
        let number = match value {
            Value::Int(i) => Number::Int(*i),
            Value::Float(x) => Number::Float(*x),
            other => {
                return Err(Error::new(
                    ErrorCode::InvalidArgumentType,
                    format!("`{key}` must be a number, got a {}", other.type_name()),
                ))
            }
        };
        let slot = match key.to_ascii_lowercase().as_str() {
            "years" => &mut c.years,
            "months" => &mut c.months,
            "weeks" => &mut c.weeks,
            "days" => &mut c.days,
            "hours" => &mut c.hours,
            "minutes" => &mut c.minutes,
            "seconds" => &mut c.seconds,
            "milliseconds" => &mut c.milliseconds,
            "microseconds" => &mut c.microseconds,
            "nanoseconds" => &mut c.nanoseconds,
            _ => return Err(error(format!("duration() has no component `{key}`"))),
        };
        *slot = Some(number);
    }
    Ok(c)
}

/// Whether `sum` and `avg` add durations: the values are durations, and there is one.
pub fn all_durations(values: &[Value]) -> bool {
    !values.is_empty() && values.iter().all(|v| matches!(v, Value::Duration(_)))
}

/// `sum` (or `avg`, the sum divided by the count) of durations, component by component.
pub fn sum_durations(values: &[Value], average: bool, span: Span) -> Result<Value> {
    let mut total = temporal::Duration::ZERO;
    for value in values {
        if let Value::Duration(d) = value {
            total = total.plus(**d).map_err(|e| e.or_span(span))?;
        }
    }
    if average {
        total = total.divided_by(Number::Int(values.len() as i64)).map_err(|e| e.or_span(span))?;
    }
    Ok(duration_value(total))
}

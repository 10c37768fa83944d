//! `date.truncate(unit, value[, map])` and its siblings: cut a temporal value down to a
//! unit (`'month'`, `'hour'`, …), then set the components the map gives.
//!
//! A `timezone` in the map replaces the zone and keeps the wall-clock time (truncating
//! to the day at Stockholm gives Stockholm's midnight). Truncating to milliseconds or
//! microseconds keeps the truncated digits under a finer component in the map:
//! `{nanosecond: 2}` on `12:31:14.645` gives `12:31:14.645000002`, as Neo4j does.

use super::build::{build, subsecond_of, Fields};
use super::{invalid, Date, LocalTime, Parts, TemporalKind, NANOS_PER_SECOND};
use crate::error::Result;
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TruncateUnit {
    Microsecond,
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    WeekYear,
    Year,
    Decade,
    Century,
    Millennium,
}

impl TruncateUnit {
    /// A unit by name, ignoring case: `'weekYear'`, `'millennium'`, ….
    pub fn parse(name: &str) -> Option<TruncateUnit> {
        use TruncateUnit::*;
        Some(match name.to_ascii_lowercase().as_str() {
            "microsecond" => Microsecond,
            "millisecond" => Millisecond,
            "second" => Second,
            "minute" => Minute,
            "hour" => Hour,
            "day" => Day,
            "week" => Week,
            "month" => Month,
            "quarter" => Quarter,
            "weekyear" => WeekYear,
            "year" => Year,
            "decade" => Decade,
            "century" => Century,
            "millennium" => Millennium,
            _ => return None,
        })
    }

    fn is_date_based(self) -> bool {
        self >= TruncateUnit::Day
    }
}

/// `kind.truncate(unit, value, fields)`, with `value` taken apart.
pub fn truncate(kind: TemporalKind, unit: TruncateUnit, value: &Parts, mut fields: Fields) -> Result<Value> {
    let (date, time) = truncated_parts(kind, unit, value)?;
    let time = time.map(|t| combine_subseconds(unit, t, &mut fields)).transpose()?;
    // The map's zone replaces the value's, keeping the wall clock; the builder, which
    // would keep the instant, then sees the truncated value already in that zone.
    let zone = fields.timezone.take().or_else(|| value.zone.clone());
    let offset = if zone == value.zone { value.offset } else { None };
    let selected = Parts { date, time, zone: zone.clone(), offset };
    match kind {
        TemporalKind::Date => fields.date = Some(selected),
        TemporalKind::LocalTime | TemporalKind::Time => {
            // A time keeps an offset; a region contributes the offset in force on the value's day.
            let offset = match (&zone, offset) {
                (_, Some(o)) => Some(o),
                (Some(z), None) => Some(z.offset_at(value.date.map_or(0, |d| d.days() * super::SECONDS_PER_DAY))),
                (None, None) => None,
            };
            fields.time = Some(Parts { zone: offset.map(super::Zone::Offset), offset, ..selected });
        }
        TemporalKind::LocalDateTime | TemporalKind::DateTime => {
            fields.datetime = Some(Parts { time: Some(time.unwrap_or(LocalTime::MIDNIGHT)), ..selected });
        }
        TemporalKind::Duration => return Err(invalid("a DURATION cannot be truncated")),
    }
    build(kind, &fields)
}

/// The value's date and time cut down to `unit`, as the target type sees them.
fn truncated_parts(kind: TemporalKind, unit: TruncateUnit, value: &Parts) -> Result<(Option<Date>, Option<LocalTime>)> {
    let unit_name = format!("{unit:?}").to_lowercase();
    match kind {
        TemporalKind::Date => {
            let date = value.date.ok_or_else(|| invalid("cannot truncate a value without a date to a DATE"))?;
            if !unit.is_date_based() {
                return Err(invalid(format!("a DATE cannot be truncated to the {unit_name}")));
            }
            Ok((Some(truncate_date(date, unit)), None))
        }
        TemporalKind::LocalTime | TemporalKind::Time => {
            let time = value.time.ok_or_else(|| invalid("cannot truncate a value without a time to a time"))?;
            if unit > TruncateUnit::Day {
                return Err(invalid(format!("a time cannot be truncated to the {unit_name}")));
            }
            Ok((value.date, Some(truncate_time(time, unit))))
        }
        _ => {
            let date = value.date.ok_or_else(|| invalid("cannot truncate a value without a date to a date-time"))?;
            if unit.is_date_based() {
                Ok((Some(truncate_date(date, unit)), Some(LocalTime::MIDNIGHT)))
            } else {
                Ok((Some(date), Some(truncate_time(value.time.unwrap_or(LocalTime::MIDNIGHT), unit))))
            }
        }
    }
}

fn truncate_date(date: Date, unit: TruncateUnit) -> Date {
    let (year, month, _) = date.ymd();
    let first_of_year = |y: i64| Date::from_ymd(y, 1, 1);
    let res = match unit {
        TruncateUnit::Millennium => first_of_year(year - year % 1000),
        TruncateUnit::Century => first_of_year(year - year % 100),
        TruncateUnit::Decade => first_of_year(year - year % 10),
        TruncateUnit::Year => first_of_year(year),
        TruncateUnit::WeekYear => Date::from_week_date(date.week_date().0, 1, 1),
        TruncateUnit::Quarter => Date::from_ymd(year, ((month as i64 - 1) / 3) * 3 + 1, 1),
        TruncateUnit::Month => Date::from_ymd(year, month as i64, 1),
        TruncateUnit::Week => date.plus_days(-(date.week_date().2 as i64 - 1)),
        _ => Some(date),
    };
    // Only the first week of the earliest year can fall before the range; keep the date then.
    res.unwrap_or(date)
}

fn truncate_time(time: LocalTime, unit: TruncateUnit) -> LocalTime {
    let step = match unit {
        TruncateUnit::Microsecond => 1_000,
        TruncateUnit::Millisecond => 1_000_000,
        TruncateUnit::Second => NANOS_PER_SECOND,
        TruncateUnit::Minute => 60 * NANOS_PER_SECOND,
        TruncateUnit::Hour => 3600 * NANOS_PER_SECOND,
        _ => return LocalTime::MIDNIGHT,
    };
    LocalTime::from_nanos_wrapping((time.nanos() - time.nanos() % step) as i128)
}

/// Finer components than the unit add to the truncated digits instead of replacing them.
fn combine_subseconds(unit: TruncateUnit, time: LocalTime, fields: &mut Fields) -> Result<LocalTime> {
    let nanos = match unit {
        TruncateUnit::Millisecond if fields.microsecond.is_some() || fields.nanosecond.is_some() => {
            subsecond_of(Some(time.nanosecond() / 1_000_000), fields.microsecond.take(), fields.nanosecond.take())?
        }
        TruncateUnit::Microsecond if fields.nanosecond.is_some() => {
            subsecond_of(None, Some(time.nanosecond() / 1_000), fields.nanosecond.take())?
        }
        _ => return Ok(time),
    };
    Ok(LocalTime::from_nanos_wrapping((time.nanos() - time.nanosecond() + nanos) as i128))
}

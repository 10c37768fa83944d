//! `duration.between(a, b)`, `duration.inMonths`, `duration.inDays` and `duration.inSeconds`.
//!
//! As in Neo4j, the two values are first made alike: a value without a time of day gets
//! midnight (when the other has a time, or seconds are asked for), one without a date
//! gets the other's date, one without a zone gets the other's zone. Months and days are
//! then counted on the wall clock in the first value's zone, as java.time's `until`
//! does (a day is only complete when the time of day is reached again); seconds are the
//! real time between the two instants.

use super::{invalid, Date, DateTime, Duration, LocalDateTime, LocalTime, Parts, Zone, NANOS_PER_SECOND};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BetweenUnit {
    /// `duration.between`: months, then days, then seconds.
    All,
    Months,
    Days,
    Seconds,
}

pub fn between(from: &Parts, to: &Parts, unit: BetweenUnit) -> Result<Duration> {
    let (from, to) = made_alike(from.clone(), to.clone(), unit == BetweenUnit::Seconds);
    if from.date.is_some() && to.date.is_some() {
        dated_between(&from, &to, unit)
    } else {
        match unit {
            BetweenUnit::Months | BetweenUnit::Days => Ok(Duration::ZERO),
            _ => split_nanos(time_nanos(&to) as i128 - time_nanos(&from) as i128),
        }
    }
}

fn made_alike(mut from: Parts, mut to: Parts, time_based: bool) -> (Parts, Parts) {
    let needs_midnight =
        |a: &Parts, b: &Parts| a.date.is_some() && a.time.is_none() && (time_based || b.time.is_some());
    let (from_midnight, to_midnight) = (needs_midnight(&from, &to), needs_midnight(&to, &from));
    if from_midnight {
        from.time = Some(LocalTime::MIDNIGHT);
    }
    if to_midnight {
        to.time = Some(LocalTime::MIDNIGHT);
    }
    if from.date.is_some() && to.date.is_none() {
        to.date = from.date;
    } else if to.date.is_some() && from.date.is_none() {
        from.date = to.date;
    }
    if from.zone.is_some() && to.zone.is_none() {
        attach_zone(&mut to, &from);
    } else if to.zone.is_some() && from.zone.is_none() {
        attach_zone(&mut from, &to);
    }
    (from, to)
}

fn attach_zone(target: &mut Parts, source: &Parts) {
    target.zone = source.zone.clone();
    // A time without a date takes the offset itself; a date-time resolves it on its day.
    if target.date.is_none() {
        target.offset = source.offset;
    }
}

/// Nanoseconds since midnight, at UTC when the time has an offset.
fn time_nanos(parts: &Parts) -> i64 {
    let local = parts.time.unwrap_or(LocalTime::MIDNIGHT).nanos();
    local - parts.offset.unwrap_or(0) as i64 * NANOS_PER_SECOND
}

fn local_of(parts: &Parts) -> LocalDateTime {
    LocalDateTime::new(parts.date.unwrap_or(Date::EPOCH), parts.time.unwrap_or(LocalTime::MIDNIGHT))
}

fn out_of_range() -> crate::error::Error {
    invalid("the duration between these values is out of range")
}

fn dated_between(from: &Parts, to: &Parts, unit: BetweenUnit) -> Result<Duration> {
    let from_local = local_of(from);
    let to_local = local_of(to);
    // With zones, `to` is seen on `from`'s wall clock, and seconds come from the instants.
    let zoned = match (&from.zone, &to.zone) {
        (Some(fz), Some(tz)) => {
            let from_dt = DateTime::from_local(from_local, fz.clone(), from.offset).ok_or_else(out_of_range)?;
            let to_dt = DateTime::from_local(to_local, tz.clone(), to.offset).ok_or_else(out_of_range)?;
            Some((from_dt, to_dt))
        }
        _ => None,
    };
    let to_seen = match &zoned {
        Some((from_dt, to_dt)) => to_dt.in_zone(from_dt.zone().clone()).ok_or_else(out_of_range)?.local(),
        None => to_local,
    };
    match unit {
        BetweenUnit::Months => Duration::new(months_until(from_local, to_seen) as i128, 0, 0, 0),
        BetweenUnit::Days => Duration::new(0, days_until(from_local, to_seen) as i128, 0, 0),
        BetweenUnit::Seconds => split_nanos(match &zoned {
            Some((f, t)) => t.instant_nanos() - f.instant_nanos(),
            None => to_local.to_nanos() - from_local.to_nanos(),
        }),
        BetweenUnit::All => {
            let months = months_until(from_local, to_seen);
            let after_months = from_local.date.plus_months(months).ok_or_else(out_of_range)?;
            let step = LocalDateTime::new(after_months, from_local.time);
            let days = days_until(step, to_seen);
            let step = LocalDateTime::new(after_months.plus_days(days).ok_or_else(out_of_range)?, from_local.time);
            let nanos = match &zoned {
                Some((f, t)) => {
                    let zone: Zone = f.zone().clone();
                    let step = DateTime::from_local(step, zone, Some(f.offset())).ok_or_else(out_of_range)?;
                    t.instant_nanos() - step.instant_nanos()
                }
                None => to_local.to_nanos() - step.to_nanos(),
            };
            let rest = split_nanos(nanos)?;
            Duration::new(months as i128, days as i128, rest.seconds() as i128, rest.nanos() as i128)
        }
    }
}

/// Whole seconds truncated towards zero and the rest as nanoseconds, as Neo4j splits them.
fn split_nanos(nanos: i128) -> Result<Duration> {
    let seconds = nanos / NANOS_PER_SECOND as i128;
    Duration::new(0, 0, seconds, nanos - seconds * NANOS_PER_SECOND as i128)
}

/// The day `to` counts as reached from `from`: a day is complete only at `from`'s time of day.
fn end_day(from: LocalDateTime, to: LocalDateTime) -> i64 {
    let end = to.date.days();
    if end > from.date.days() && to.time < from.time {
        end - 1
    } else if end < from.date.days() && to.time > from.time {
        end + 1
    } else {
        end
    }
}

fn months_until(from: LocalDateTime, to: LocalDateTime) -> i64 {
    let packed = |days: i64| {
        let (y, m, d) = super::civil::civil_from_days(days);
        (y * 12 + m as i64 - 1) * 32 + d as i64
    };
    (packed(end_day(from, to)) - packed(from.date.days())) / 32
}

fn days_until(from: LocalDateTime, to: LocalDateTime) -> i64 {
    end_day(from, to) - from.date.days()
}

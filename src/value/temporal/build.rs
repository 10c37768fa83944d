//! Temporal values from maps of components, as `date({year: 1984, week: 10})`,
//! `localdatetime({date: d, time: t, second: 42})` or `datetime({datetime: x, timezone: 'Europe/Stockholm'})`.
//!
//! A selector (`date`, `time`, `datetime`) gives the starting point and the other
//! components override parts of it. Components come in groups that name a day in
//! different ways (calendar `month`/`day`, week `week`/`dayOfWeek`, `ordinalDay`,
//! `quarter`/`dayOfQuarter`); mixing groups is an error, and without a selector each
//! unit needs the larger ones (`day` needs `month`, `second` needs `minute`), so a typo
//! never yields a silent default. A new `timezone` keeps the instant of a selected
//! value that has a zone, and is attached to one that has none.

use std::sync::Arc;

use super::{invalid, Date, DateTime, LocalDateTime, LocalTime, Parts, TemporalKind, Time, Zone, NANOS_PER_SECOND};
use crate::error::Result;
use crate::value::Value;

/// The components of a map given to a temporal function.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub year: Option<i64>,
    pub month: Option<i64>,
    pub day: Option<i64>,
    pub week: Option<i64>,
    pub day_of_week: Option<i64>,
    pub ordinal_day: Option<i64>,
    pub quarter: Option<i64>,
    pub day_of_quarter: Option<i64>,
    pub hour: Option<i64>,
    pub minute: Option<i64>,
    pub second: Option<i64>,
    pub millisecond: Option<i64>,
    pub microsecond: Option<i64>,
    pub nanosecond: Option<i64>,
    pub timezone: Option<Zone>,
    pub epoch_seconds: Option<i64>,
    pub epoch_millis: Option<i64>,
    pub date: Option<Parts>,
    pub time: Option<Parts>,
    pub datetime: Option<Parts>,
}

impl Fields {
    fn has_date_fields(&self) -> bool {
        [
            self.year,
            self.month,
            self.day,
            self.week,
            self.day_of_week,
            self.ordinal_day,
            self.quarter,
            self.day_of_quarter,
        ]
        .iter()
        .any(Option::is_some)
    }

    fn has_time_fields(&self) -> bool {
        [self.hour, self.minute, self.second, self.millisecond, self.microsecond, self.nanosecond]
            .iter()
            .any(Option::is_some)
    }

    fn has_subsecond(&self) -> bool {
        self.millisecond.is_some() || self.microsecond.is_some() || self.nanosecond.is_some()
    }

    /// Refuses components the target type does not have (`hour` for a `DATE`).
    fn check_allowed(&self, kind: TemporalKind) -> Result<()> {
        let (dates, times, zone) = match kind {
            TemporalKind::Date => (true, false, false),
            TemporalKind::LocalTime => (false, true, false),
            TemporalKind::Time => (false, true, true),
            TemporalKind::LocalDateTime => (true, true, false),
            TemporalKind::DateTime | TemporalKind::Duration => (true, true, true),
        };
        let refuse = |what: &str| Err(invalid(format!("a {} has no {what}", kind.type_name())));
        if !dates && (self.has_date_fields() || self.date.is_some() || self.datetime.is_some()) {
            return refuse("date components");
        }
        if !times && (self.has_time_fields() || self.time.is_some()) {
            return refuse("time components");
        }
        if !zone && self.timezone.is_some() {
            return refuse("time zone");
        }
        if kind != TemporalKind::DateTime && (self.epoch_seconds.is_some() || self.epoch_millis.is_some()) {
            return refuse("epochSeconds or epochMillis component");
        }
        if self.datetime.is_some() && (self.date.is_some() || self.time.is_some()) {
            return Err(invalid("select either `datetime`, or `date` and `time`, not both"));
        }
        Ok(())
    }
}

/// The value of type `kind` that `fields` describe.
pub fn build(kind: TemporalKind, fields: &Fields) -> Result<Value> {
    fields.check_allowed(kind)?;
    match kind {
        TemporalKind::Date => {
            let base = fields.date.as_ref().map(|p| need_date(p, "date")).transpose()?;
            let date = resolve_date(base, fields)?.ok_or_else(|| invalid("a DATE needs at least `year`"))?;
            Ok(Value::Date(date))
        }
        TemporalKind::LocalTime => Ok(Value::LocalTime(local_time(fields)?)),
        TemporalKind::Time => build_time(fields),
        TemporalKind::LocalDateTime => {
            let (date, time, _) = date_and_time(fields)?;
            Ok(Value::LocalDateTime(LocalDateTime::new(date, time)))
        }
        TemporalKind::DateTime => build_datetime(fields),
        TemporalKind::Duration => Err(invalid("a DURATION is not built from date and time components")),
    }
}

fn need_date(parts: &Parts, selector: &str) -> Result<Date> {
    parts.date.ok_or_else(|| invalid(format!("`{selector}` must be a value with a date")))
}

fn need_time(parts: &Parts, selector: &str) -> Result<LocalTime> {
    parts.time.ok_or_else(|| invalid(format!("`{selector}` must be a value with a time")))
}

fn local_time(fields: &Fields) -> Result<LocalTime> {
    let base = fields.time.as_ref().map(|p| need_time(p, "time")).transpose()?;
    resolve_time(base, fields)?.ok_or_else(|| invalid("a time needs at least `hour`"))
}

fn build_time(fields: &Fields) -> Result<Value> {
    let time = local_time(fields)?;
    let source_offset = fields.time.as_ref().and_then(|p| p.offset);
    let instant_hint = fields.time.as_ref().and_then(|p| p.date).map(|d| d.days() * super::SECONDS_PER_DAY);
    let target = fields.timezone.as_ref().map(|zone| zone_offset_now(zone, instant_hint));
    Ok(Value::Time(match (source_offset, target) {
        (Some(offset), Some(new)) => Time { time, offset }.at_offset(new),
        (Some(offset), None) => Time { time, offset },
        (None, Some(new)) => Time { time, offset: new },
        (None, None) => Time { time, offset: 0 },
    }))
}

/// A time of day has no date, so a region's offset is the one in force at `at` (the
/// selected value's day) or now.
fn zone_offset_now(zone: &Zone, at: Option<i64>) -> i32 {
    let now = || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    zone.offset_at(at.unwrap_or_else(now))
}

/// A selected value's zone and the offset it had.
type SourceZone = Option<(Zone, Option<i32>)>;

/// The date, the time (midnight when none is given) and the zone of the selected value.
fn date_and_time(fields: &Fields) -> Result<(Date, LocalTime, SourceZone)> {
    let (date_base, time_base, zone) = match &fields.datetime {
        Some(p) => (
            Some(need_date(p, "datetime")?),
            Some(p.time.unwrap_or(LocalTime::MIDNIGHT)),
            p.zone.clone().map(|z| (z, p.offset)),
        ),
        None => {
            let date = fields.date.as_ref().map(|p| need_date(p, "date")).transpose()?;
            let time = fields.time.as_ref().map(|p| need_time(p, "time")).transpose()?;
            // Only a selected time brings its zone: a date's zone says nothing of the time.
            let zone = fields.time.as_ref().and_then(|p| p.zone.clone().map(|z| (z, p.offset)));
            (date, time, zone)
        }
    };
    let date = resolve_date(date_base, fields)?.ok_or_else(|| invalid("a date needs at least `year`"))?;
    let time = resolve_time(time_base, fields)?.unwrap_or(LocalTime::MIDNIGHT);
    Ok((date, time, zone))
}

fn build_datetime(fields: &Fields) -> Result<Value> {
    if fields.epoch_seconds.is_some() || fields.epoch_millis.is_some() {
        return from_epoch(fields);
    }
    let (date, time, source_zone) = date_and_time(fields)?;
    let local = LocalDateTime::new(date, time);
    let out_of_range = || invalid("the date-time is out of range");
    let datetime = match source_zone {
        Some((zone, preferred)) => {
            let at_source = DateTime::from_local(local, zone, preferred).ok_or_else(out_of_range)?;
            match &fields.timezone {
                Some(target) => at_source.in_zone(target.clone()).ok_or_else(out_of_range)?,
                None => at_source,
            }
        }
        None => {
            let zone = fields.timezone.clone().unwrap_or_else(Zone::utc);
            DateTime::from_local(local, zone, None).ok_or_else(out_of_range)?
        }
    };
    Ok(Value::DateTime(Arc::new(datetime)))
}

/// `{epochSeconds: s, nanosecond: n}` or `{epochMillis: ms}`, seen at UTC or `timezone`.
fn from_epoch(fields: &Fields) -> Result<Value> {
    if fields.has_date_fields() || fields.hour.is_some() || fields.minute.is_some() || fields.second.is_some() {
        return Err(invalid("epochSeconds and epochMillis cannot be combined with date or time components"));
    }
    let mut nanos = match (fields.epoch_seconds, fields.epoch_millis) {
        (Some(s), None) => s as i128 * NANOS_PER_SECOND as i128,
        (None, Some(ms)) => ms as i128 * 1_000_000,
        _ => return Err(invalid("give either epochSeconds or epochMillis")),
    };
    if fields.has_subsecond() {
        nanos += subsecond(fields)? as i128;
    }
    let zone = fields.timezone.clone().unwrap_or_else(Zone::utc);
    DateTime::from_instant_nanos(nanos, zone)
        .map(|dt| Value::DateTime(Arc::new(dt)))
        .ok_or_else(|| invalid("the instant is out of range"))
}

/// Which of the ways to name a day the components use.
#[derive(Clone, Copy)]
struct DateGroups {
    calendar: bool,
    week: bool,
    ordinal: bool,
    quarter: bool,
}

impl DateGroups {
    fn of(f: &Fields) -> Result<DateGroups> {
        let groups = DateGroups {
            calendar: f.month.is_some() || f.day.is_some(),
            week: f.week.is_some() || f.day_of_week.is_some(),
            ordinal: f.ordinal_day.is_some(),
            quarter: f.quarter.is_some() || f.day_of_quarter.is_some(),
        };
        let used = [groups.calendar, groups.week, groups.ordinal, groups.quarter];
        if used.iter().filter(|g| **g).count() > 1 {
            return Err(invalid(
                "a date is named one way: month and day, week and dayOfWeek, ordinalDay, or quarter and dayOfQuarter",
            ));
        }
        Ok(groups)
    }
}

fn no_such_date() -> crate::error::Error {
    invalid("the components do not name an existing date")
}

/// The date the components name, starting from `base` when a value was selected.
pub(super) fn resolve_date(base: Option<Date>, f: &Fields) -> Result<Option<Date>> {
    let groups = DateGroups::of(f)?;
    match base {
        Some(base) => overridden_date(base, f, groups).map(Some),
        None => new_date(f, groups),
    }
}

/// A date from components alone: `year` and the larger unit of each group are required.
fn new_date(f: &Fields, groups: DateGroups) -> Result<Option<Date>> {
    let Some(year) = f.year else {
        return if f.has_date_fields() { Err(invalid("a date needs `year`")) } else { Ok(None) };
    };
    let date = if groups.week {
        let week = f.week.ok_or_else(|| invalid("`dayOfWeek` needs `week`"))?;
        Date::from_week_date(year, week, f.day_of_week.unwrap_or(1))
    } else if groups.ordinal {
        Date::from_ordinal(year, f.ordinal_day.unwrap_or(1))
    } else if groups.quarter {
        let quarter = f.quarter.ok_or_else(|| invalid("`dayOfQuarter` needs `quarter`"))?;
        Date::from_quarter(year, quarter, f.day_of_quarter.unwrap_or(1))
    } else {
        if f.day.is_some() && f.month.is_none() {
            return Err(invalid("`day` needs `month`"));
        }
        Date::from_ymd(year, f.month.unwrap_or(1), f.day.unwrap_or(1))
    };
    date.map(Some).ok_or_else(no_such_date)
}

/// A selected date with some components replaced, the others kept.
fn overridden_date(base: Date, f: &Fields, groups: DateGroups) -> Result<Date> {
    let date = if groups.week {
        // With a week, `year` is the week-based year.
        let (week_year, w, dow) = base.week_date();
        Date::from_week_date(
            f.year.unwrap_or(week_year),
            f.week.unwrap_or(w as i64),
            f.day_of_week.unwrap_or(dow as i64),
        )
    } else if groups.ordinal {
        Date::from_ordinal(f.year.unwrap_or(base.year()), f.ordinal_day.unwrap_or(base.ordinal_day() as i64))
    } else if groups.quarter {
        with_quarter(base, f)
    } else {
        let (y, m, d) = base.ymd();
        let (year, month) = (f.year.unwrap_or(y), f.month.unwrap_or(m as i64));
        // A kept day that the new month lacks becomes its last day (January 31 → February 29).
        let day = match f.day {
            Some(day) => day,
            None if (1..=12).contains(&month) => (d as i64).min(last_day(year, month)),
            None => d as i64,
        };
        Date::from_ymd(year, month, day)
    };
    date.ok_or_else(no_such_date)
}

fn last_day(year: i64, month: i64) -> i64 {
    (28..=31).rev().find(|d| Date::from_ymd(year, month, *d).is_some()).unwrap_or(28)
}

/// Another quarter keeps the month within the quarter and the day, as java.time does.
fn with_quarter(base: Date, f: &Fields) -> Option<Date> {
    let (y, m, d) = base.ymd();
    let year = f.year.unwrap_or(y);
    let current = (m as i64 - 1) / 3 + 1;
    let quarter = f.quarter.unwrap_or(current);
    if let Some(day_of_quarter) = f.day_of_quarter {
        return Date::from_quarter(year, quarter, day_of_quarter);
    }
    if !(1..=4).contains(&quarter) {
        return None;
    }
    let month = m as i64 + (quarter - current) * 3;
    Date::from_ymd(year, month, (d as i64).min(last_day(year, month)))
}

/// The time the components name, starting from `base` when a value was selected.
pub(super) fn resolve_time(base: Option<LocalTime>, f: &Fields) -> Result<Option<LocalTime>> {
    let (h, m, s, n) = match base {
        Some(t) => (t.hour(), t.minute(), t.second(), t.nanosecond()),
        None if !f.has_time_fields() => return Ok(None),
        None => {
            if f.hour.is_none() {
                return Err(invalid("a time needs `hour`"));
            }
            if f.second.is_some() && f.minute.is_none() {
                return Err(invalid("`second` needs `minute`"));
            }
            if f.has_subsecond() && f.second.is_none() {
                return Err(invalid("fractions of a second need `second`"));
            }
            (0, 0, 0, 0)
        }
    };
    let nanos = if f.has_subsecond() { subsecond(f)? } else { n };
    LocalTime::from_hms_nano(f.hour.unwrap_or(h), f.minute.unwrap_or(m), f.second.unwrap_or(s), nanos)
        .map(Some)
        .ok_or_else(|| invalid("the components do not name a time of day (hour 0-23, minute and second 0-59)"))
}

/// `millisecond`, `microsecond` and `nanosecond` add up; each may be as large as the
/// fraction allows when the larger ones are absent (`{nanosecond: 645876123}`).
pub(super) fn subsecond(f: &Fields) -> Result<i64> {
    subsecond_of(f.millisecond, f.microsecond, f.nanosecond)
}

pub(super) fn subsecond_of(ms: Option<i64>, us: Option<i64>, ns: Option<i64>) -> Result<i64> {
    let check = |name: &str, value: i64, limit: i64| {
        if (0..limit).contains(&value) {
            Ok(value)
        } else {
            Err(invalid(format!("{name} must be between 0 and {}, got {value}", limit - 1)))
        }
    };
    let milli = check("millisecond", ms.unwrap_or(0), 1_000)?;
    let micro = check("microsecond", us.unwrap_or(0), if ms.is_some() { 1_000 } else { 1_000_000 })?;
    let nano_limit = if us.is_some() {
        1_000
    } else if ms.is_some() {
        1_000_000
    } else {
        1_000_000_000
    };
    let nano = check("nanosecond", ns.unwrap_or(0), nano_limit)?;
    Ok(milli * 1_000_000 + micro * 1_000 + nano)
}

//! ISO 8601 strings → temporal values, in every form Neo4j accepts:
//! calendar (`2015-07-21`, `20150721`, `2015-07`, `2015`), week (`2015-W30-2`, `2015W302`),
//! ordinal (`2015-202`) and quarter (`2015-Q3-12`) dates; times with `:` or without,
//! fractions to the nanosecond, `Z` or an offset and a `[Region/City]`; durations as
//! `P1Y2M3W4DT5H6M7.5S` (each number may be signed or fractional) or `P2012-02-02T14:37:21.545`.
//!
//! Every count of digits is checked before a number is read, so hostile strings (huge
//! years, endless fractions) are errors, never panics or slow paths.

use super::duration::{DurationComponents, Number};
use super::zone::{parse_offset, NamedZone};
use super::{civil, invalid, Date, DateTime, Duration, LocalDateTime, LocalTime, Time, Zone};
use crate::error::Result;

/// The most fraction digits a second may have: nanoseconds.
const MAX_FRACTION_DIGITS: usize = 9;

pub fn parse_date(text: &str) -> Result<Date> {
    date_part(text.trim()).ok_or_else(|| not_a("DATE", text))
}

pub fn parse_local_time(text: &str) -> Result<LocalTime> {
    match time_part(text.trim()) {
        Some((time, ZoneText { offset: None, name: None })) => Ok(time),
        _ => Err(not_a("LOCAL TIME", text)),
    }
}

/// A time without an offset is at UTC.
pub fn parse_time(text: &str) -> Result<Time> {
    match time_part(text.trim()) {
        Some((time, ZoneText { offset, name: None })) => Ok(Time { time, offset: offset.unwrap_or(0) }),
        _ => Err(not_a("TIME", text)),
    }
}

pub fn parse_local_datetime(text: &str) -> Result<LocalDateTime> {
    match datetime_part(text.trim()) {
        Some((local, ZoneText { offset: None, name: None })) => Ok(local),
        _ => Err(not_a("LOCAL DATETIME", text)),
    }
}

/// A date-time without a zone is at UTC; with an offset and a region, the offset picks
/// between the two wall-clock readings of an overlap.
pub fn parse_datetime(text: &str) -> Result<DateTime> {
    let (local, zone) = datetime_part(text.trim()).ok_or_else(|| not_a("DATETIME", text))?;
    let (zone, preferred) = match (zone.name, zone.offset) {
        (Some(name), offset) => {
            let named = NamedZone::get(name).ok_or_else(|| invalid(format!("unknown time zone `{name}`")))?;
            // An offset beside a region must be one the region has at that time.
            if let Some(offset) = offset {
                if named.offset_for_local(local.seconds(), Some(offset)) != offset {
                    return Err(invalid(format!("in `{text}` the offset does not match the time zone")));
                }
            }
            (Zone::Named(named), offset)
        }
        (None, Some(offset)) => (Zone::Offset(offset), None),
        (None, None) => (Zone::utc(), None),
    };
    DateTime::from_local(local, zone, preferred).ok_or_else(|| invalid(format!("`{text}` is out of range")))
}

fn not_a(kind: &str, text: &str) -> crate::error::Error {
    let shown: String = text.chars().take(60).collect();
    let more = if text.chars().count() > 60 { "…" } else { "" };
    invalid(format!("`{shown}{more}` is not a valid {kind} (ISO 8601)"))
}

/// A zone written after a time: `Z`, `+01:00`, `[Europe/Stockholm]`, or both of the last two.
struct ZoneText<'a> {
    offset: Option<i32>,
    name: Option<&'a str>,
}

fn datetime_part(text: &str) -> Option<(LocalDateTime, ZoneText<'_>)> {
    let (date_text, time_text) = match text.find(['T', 't']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let date = date_part(date_text)?;
    let (time, zone) = match time_text {
        Some(t) => time_part(t)?,
        None => (LocalTime::MIDNIGHT, ZoneText { offset: None, name: None }),
    };
    Some((LocalDateTime::new(date, time), zone))
}

/// A run of ASCII digits at the start of `text`.
fn leading_digits(text: &str) -> &str {
    let end = text.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(text.len());
    &text[..end]
}

fn number(digits: &str) -> Option<i64> {
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    digits.parse().ok()
}

fn date_part(text: &str) -> Option<Date> {
    let (year, rest) = year_part(text)?;
    let signed = text.starts_with(['+', '-']);
    if rest.is_empty() {
        return Date::from_ymd(year, 1, 1);
    }
    if let Some(extended) = rest.strip_prefix('-') {
        return date_rest(year, extended, true);
    }
    // The basic forms (no dashes) need the four-digit year to be unambiguous.
    if signed {
        return None;
    }
    date_rest(year, rest, false)
}

/// `2015`, `+2015`, `-999999999`: four digits, or a sign and up to nine.
fn year_part(text: &str) -> Option<(i64, &str)> {
    let (sign, body) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (0, text),
    };
    let mut digits = leading_digits(body);
    if sign == 0 {
        // Unsigned years have four digits; in the basic forms the month follows at once.
        digits = digits.get(..4)?;
    } else if !(1..=9).contains(&digits.len()) {
        return None;
    }
    let year = number(digits)? * if sign < 0 { -1 } else { 1 };
    (civil::MIN_YEAR..=civil::MAX_YEAR).contains(&year).then_some((year, &body[digits.len()..]))
}

/// What follows the year: month and day, week, ordinal day or quarter; `extended` when
/// the parts are separated by dashes.
fn date_rest(year: i64, rest: &str, extended: bool) -> Option<Date> {
    let sep = |t: &'_ str| -> Option<String> {
        if extended {
            t.strip_prefix('-').map(str::to_string)
        } else {
            Some(t.to_string())
        }
    };
    if let Some(week_text) = rest.strip_prefix(['W', 'w']) {
        // Two digits of week; in the basic form the day of the week follows at once.
        let week = leading_digits(week_text).get(..2)?;
        let tail = &week_text[2..];
        if tail.is_empty() {
            return Date::from_week_date(year, number(week)?, 1);
        }
        let dow = sep(tail)?;
        return (dow.len() == 1)
            .then(|| number(&dow))
            .flatten()
            .and_then(|d| Date::from_week_date(year, number(week)?, d));
    }
    if let Some(quarter_text) = rest.strip_prefix(['Q', 'q']) {
        let quarter = leading_digits(quarter_text).get(..1)?;
        let tail = &quarter_text[1..];
        if tail.is_empty() {
            return Date::from_quarter(year, number(quarter)?, 1);
        }
        let day = sep(tail)?;
        return (day.len() == 2)
            .then(|| number(&day))
            .flatten()
            .and_then(|d| Date::from_quarter(year, number(quarter)?, d));
    }
    let digits = leading_digits(rest);
    let tail = &rest[digits.len()..];
    match (digits.len(), extended) {
        (3, _) if tail.is_empty() => Date::from_ordinal(year, number(digits)?),
        (2, _) if tail.is_empty() => Date::from_ymd(year, number(digits)?, 1),
        (4, false) if tail.is_empty() => Date::from_ymd(year, number(&digits[..2])?, number(&digits[2..])?),
        (2, true) => {
            let day = tail.strip_prefix('-')?;
            (day.len() == 2 && leading_digits(day).len() == 2)
                .then(|| Date::from_ymd(year, number(digits)?, number(day)?))
                .flatten()
        }
        _ => None,
    }
}

/// `21`, `21:40`, `2140`, `21:40:32.142`, `214032,5`, each optionally followed by a zone.
fn time_part(text: &str) -> Option<(LocalTime, ZoneText<'_>)> {
    let (text, name) = match text.find('[') {
        Some(at) => {
            let name = text[at + 1..].strip_suffix(']')?;
            (&text[..at], Some(name))
        }
        None => (text, None),
    };
    let (clock, offset) = match text.find(['Z', 'z', '+', '-']) {
        Some(at) => (&text[..at], Some(parse_offset(&text[at..])?)),
        None => (text, None),
    };
    Some((clock_part(clock)?, ZoneText { offset, name }))
}

fn clock_part(text: &str) -> Option<LocalTime> {
    let two = |t: &str| -> Option<i64> { (leading_digits(t).len() >= 2).then(|| number(&t[..2])).flatten() };
    let hour = two(text)?;
    let mut rest = &text[2..];
    let extended = rest.starts_with(':');
    let mut parts = [hour, 0, 0];
    for part in parts.iter_mut().skip(1) {
        if rest.is_empty() {
            return LocalTime::from_hms_nano(parts[0], parts[1], parts[2], 0);
        }
        if extended {
            rest = rest.strip_prefix(':')?;
        }
        *part = two(rest)?;
        rest = &rest[2..];
    }
    let nanos = match rest.strip_prefix(['.', ',']) {
        Some(fraction) => fraction_nanos(fraction)?,
        None if rest.is_empty() => 0,
        None => return None,
    };
    LocalTime::from_hms_nano(parts[0], parts[1], parts[2], nanos)
}

/// The digits after a decimal point as nanoseconds: `142` → 142,000,000.
fn fraction_nanos(digits: &str) -> Option<i64> {
    if digits.is_empty() || digits.len() > MAX_FRACTION_DIGITS || leading_digits(digits).len() != digits.len() {
        return None;
    }
    let padded = format!("{digits:0<9}");
    padded.parse().ok()
}

pub fn parse_duration(text: &str) -> Result<Duration> {
    let trimmed = text.trim();
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let body = body.strip_prefix(['P', 'p']).ok_or_else(|| not_a("DURATION", text))?;
    let components = if leading_digits(body).len() == 4 && body[4..].starts_with('-') {
        date_like_duration(body)
    } else {
        unit_duration(body)
    }
    .ok_or_else(|| not_a("DURATION", text))?;
    let duration = Duration::from_components(&components)?;
    if negative {
        duration.negate()
    } else {
        Ok(duration)
    }
}

/// `2012-02-02T14:37:21.545`: a duration written like a date-time.
fn date_like_duration(body: &str) -> Option<DurationComponents> {
    let (date, time) = match body.find(['T', 't']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mut fields = date.split('-');
    let mut next = || fields.next().filter(|f| !f.is_empty() && leading_digits(f).len() == f.len()).and_then(number);
    let mut c = DurationComponents {
        years: Some(Number::Int(next()?)),
        months: Some(Number::Int(next()?)),
        days: Some(Number::Int(next()?)),
        ..DurationComponents::default()
    };
    if let Some(time) = time {
        let clock = clock_part(time)?;
        c.hours = Some(Number::Int(clock.hour()));
        c.minutes = Some(Number::Int(clock.minute()));
        c.seconds = Some(Number::Int(clock.second()));
        c.nanoseconds = Some(Number::Int(clock.nanosecond()));
    }
    Some(c)
}

/// `1Y2M3W4DT5H6M7.5S`: numbers with unit letters, the date units before `T`.
fn unit_duration(body: &str) -> Option<DurationComponents> {
    let (date, time) = match body.find(['T', 't']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mut c = DurationComponents::default();
    let mut any = false;
    for (value, unit) in unit_numbers(date)? {
        let slot = match unit {
            'Y' => &mut c.years,
            'M' => &mut c.months,
            'W' => &mut c.weeks,
            'D' => &mut c.days,
            _ => return None,
        };
        set_once(slot, value.number()?)?;
        any = true;
    }
    if let Some(time) = time {
        let mut any_time = false;
        for (value, unit) in unit_numbers(time)? {
            match unit {
                'H' => set_once(&mut c.hours, value.number()?)?,
                'M' => set_once(&mut c.minutes, value.number()?)?,
                'S' => {
                    let (seconds, nanos) = value.seconds()?;
                    set_once(&mut c.seconds, Number::Int(seconds))?;
                    c.nanoseconds = Some(Number::Int(nanos));
                }
                _ => return None,
            }
            any_time = true;
        }
        any_time.then_some(())?;
        any = true;
    }
    any.then_some(c)
}

fn set_once(slot: &mut Option<Number>, value: Number) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

/// A signed decimal number as written: sign, integer digits, fraction digits.
struct Decimal<'a> {
    negative: bool,
    int: &'a str,
    fraction: Option<&'a str>,
}

impl Decimal<'_> {
    fn number(&self) -> Option<Number> {
        let sign = if self.negative { -1 } else { 1 };
        match self.fraction {
            None => Some(Number::Int(number(self.int)? * sign)),
            Some(fraction) => {
                let x: f64 = format!("{}.{}", self.int, fraction).parse().ok()?;
                Some(Number::Float(x * sign as f64))
            }
        }
    }

    /// Seconds keep their fraction exact: whole seconds and nanoseconds, both signed.
    fn seconds(&self) -> Option<(i64, i64)> {
        let sign = if self.negative { -1 } else { 1 };
        let nanos = self.fraction.map_or(Some(0), fraction_nanos)?;
        Some((number(self.int)? * sign, nanos * sign))
    }
}

/// Splits `1Y-2.5M` into (number, unit letter) pairs; units are upper-cased.
fn unit_numbers(text: &str) -> Option<Vec<(Decimal<'_>, char)>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (negative, body) = match rest.as_bytes()[0] {
            b'-' => (true, &rest[1..]),
            b'+' => (false, &rest[1..]),
            _ => (false, rest),
        };
        let int = leading_digits(body);
        let mut after = &body[int.len()..];
        let fraction = match after.strip_prefix(['.', ',']) {
            Some(f) => {
                let digits = leading_digits(f);
                after = &f[digits.len()..];
                Some(digits).filter(|d| !d.is_empty())
            }
            None => None,
        };
        let unit = after.chars().next()?.to_ascii_uppercase();
        if int.is_empty() || !unit.is_ascii_alphabetic() {
            return None;
        }
        out.push((Decimal { negative, int, fraction }, unit));
        rest = &after[1..];
    }
    Some(out)
}

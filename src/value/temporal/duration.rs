//! `Duration`: an amount of time as openCypher defines it, with months, days, seconds
//! and nanoseconds kept apart, because a month is not a fixed number of days, nor a day
//! a fixed number of seconds (daylight saving time).
//!
//! Seconds and nanoseconds are normalised as Neo4j does: the nanoseconds are always in
//! `0..1_000_000_000` and the seconds carry the sign (-0.5 s is -1 s + 500,000,000 ns).

use super::{invalid, NANOS_PER_SECOND, SECONDS_PER_DAY};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    months: i64,
    days: i64,
    seconds: i64,
    nanos: i32,
}

/// A number given for a component: `{days: 1.5}` is spread over the smaller units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

/// The components of `duration({years: …, …})` or of an ISO 8601 duration string.
#[derive(Debug, Clone, Copy, Default)]
pub struct DurationComponents {
    pub years: Option<Number>,
    pub months: Option<Number>,
    pub weeks: Option<Number>,
    pub days: Option<Number>,
    pub hours: Option<Number>,
    pub minutes: Option<Number>,
    pub seconds: Option<Number>,
    pub milliseconds: Option<Number>,
    pub microseconds: Option<Number>,
    pub nanoseconds: Option<Number>,
}

/// The average length of a month (365.2425 / 12 days), which spreads fractional months.
const AVG_SECONDS_PER_MONTH: i64 = 2_629_746;

impl Duration {
    pub const ZERO: Duration = Duration { months: 0, days: 0, seconds: 0, nanos: 0 };

    /// A duration from components of any size, or an error when they do not fit in 64 bits.
    pub fn new(months: i128, days: i128, seconds: i128, nanos: i128) -> Result<Duration> {
        let seconds = seconds + nanos.div_euclid(NANOS_PER_SECOND as i128);
        let nanos = nanos.rem_euclid(NANOS_PER_SECOND as i128) as i32;
        let fit = |x: i128| i64::try_from(x).map_err(|_| invalid("the duration is too large"));
        Ok(Duration { months: fit(months)?, days: fit(days)?, seconds: fit(seconds)?, nanos })
    }

    pub fn months(self) -> i64 {
        self.months
    }

    pub fn days(self) -> i64 {
        self.days
    }

    /// Whole seconds, rounded down (see the module comment).
    pub fn seconds(self) -> i64 {
        self.seconds
    }

    /// Nanoseconds on top of `seconds`, always in `0..1_000_000_000`.
    pub fn nanos(self) -> i32 {
        self.nanos
    }

    /// The seconds and nanoseconds as one number of nanoseconds.
    pub fn second_nanos(self) -> i128 {
        self.seconds as i128 * NANOS_PER_SECOND as i128 + self.nanos as i128
    }

    pub fn from_components(c: &DurationComponents) -> Result<Duration> {
        let all = [
            c.years,
            c.months,
            c.weeks,
            c.days,
            c.hours,
            c.minutes,
            c.seconds,
            c.milliseconds,
            c.microseconds,
            c.nanoseconds,
        ];
        if all.iter().flatten().all(|n| matches!(n, Number::Int(_))) {
            let int = |n: Option<Number>| match n {
                Some(Number::Int(i)) => i as i128,
                _ => 0,
            };
            return Duration::new(
                int(c.years) * 12 + int(c.months),
                int(c.weeks) * 7 + int(c.days),
                int(c.hours) * 3600 + int(c.minutes) * 60 + int(c.seconds),
                int(c.milliseconds) * 1_000_000 + int(c.microseconds) * 1_000 + int(c.nanoseconds),
            );
        }
        let float = |n: Option<Number>| n.map_or(0.0, Number::as_f64);
        approximate(
            float(c.years) * 12.0 + float(c.months),
            float(c.weeks) * 7.0 + float(c.days),
            float(c.hours) * 3600.0 + float(c.minutes) * 60.0 + float(c.seconds),
            float(c.milliseconds) * 1e6 + float(c.microseconds) * 1e3 + float(c.nanoseconds),
        )
    }

    pub fn plus(self, other: Duration) -> Result<Duration> {
        Duration::new(
            self.months as i128 + other.months as i128,
            self.days as i128 + other.days as i128,
            self.seconds as i128 + other.seconds as i128,
            self.nanos as i128 + other.nanos as i128,
        )
    }

    pub fn negate(self) -> Result<Duration> {
        Duration::new(-(self.months as i128), -(self.days as i128), -(self.seconds as i128), -(self.nanos as i128))
    }

    pub fn minus(self, other: Duration) -> Result<Duration> {
        self.plus(other.negate()?)
    }

    /// `duration * number`: exact for an integer, spread over smaller units for a float.
    pub fn times(self, factor: Number) -> Result<Duration> {
        match factor {
            Number::Int(k) => {
                let k = k as i128;
                let too_large = || invalid("the duration is too large");
                // Seconds as nanoseconds (up to 2^93) times 2^63 may pass even i128.
                let nanos = self.second_nanos().checked_mul(k).ok_or_else(too_large)?;
                Duration::new(self.months as i128 * k, self.days as i128 * k, 0, nanos)
            }
            Number::Float(f) => approximate(
                self.months as f64 * f,
                self.days as f64 * f,
                self.seconds as f64 * f,
                self.nanos as f64 * f,
            ),
        }
    }

    pub fn divided_by(self, divisor: Number) -> Result<Duration> {
        let d = divisor.as_f64();
        if d == 0.0 {
            return Err(invalid("division of a duration by zero"));
        }
        approximate(self.months as f64 / d, self.days as f64 / d, self.seconds as f64 / d, self.nanos as f64 / d)
    }
}

/// Neo4j's way to turn fractional components into a duration: the fraction of each unit
/// moves down to the next smaller one (a month counting as its average length), and
/// what is left under a nanosecond is dropped. The operations follow Neo4j's order so
/// that the results agree to the nanosecond.
fn approximate(months: f64, days: f64, seconds: f64, nanos: f64) -> Result<Duration> {
    let nanos_per_month = (AVG_SECONDS_PER_MONTH * NANOS_PER_SECOND) as f64;
    let nanos_per_day = (SECONDS_PER_DAY * NANOS_PER_SECOND) as f64;
    let nanos_per_second = NANOS_PER_SECOND as f64;
    let whole_months = to_whole(months)?;
    let days = days + (nanos_per_month * months - nanos_per_month * whole_months as f64) / nanos_per_day;
    let whole_days = to_whole(days)?;
    let seconds = seconds + (nanos_per_day * days - nanos_per_day * whole_days as f64) / nanos_per_second;
    let whole_seconds = to_whole(seconds)?;
    let nanos = nanos + (nanos_per_second * seconds - nanos_per_second * whole_seconds as f64);
    Duration::new(whole_months as i128, whole_days as i128, whole_seconds as i128, to_whole(nanos)? as i128)
}

/// Truncates towards zero, as Java's `(long)` cast does, refusing what does not fit.
fn to_whole(x: f64) -> Result<i64> {
    // 2^63: the first float past i64::MAX; -2^63 is i64::MIN itself.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if !(-LIMIT..LIMIT).contains(&x) {
        return Err(invalid("the duration is too large"));
    }
    Ok(x as i64)
}

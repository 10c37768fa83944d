//! `LocalTime` (a wall-clock time) and `Time` (a wall-clock time with an offset from UTC).

use std::cmp::Ordering;

use super::{NANOS_PER_DAY, NANOS_PER_SECOND};

/// Nanoseconds since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime {
    nanos: u64,
}

impl LocalTime {
    pub const MIDNIGHT: LocalTime = LocalTime { nanos: 0 };

    pub fn from_nanos(nanos: i64) -> Option<LocalTime> {
        (0..NANOS_PER_DAY).contains(&nanos).then_some(LocalTime { nanos: nanos as u64 })
    }

    /// Wraps around midnight, as adding a duration to a time does.
    pub fn from_nanos_wrapping(nanos: i128) -> LocalTime {
        LocalTime { nanos: nanos.rem_euclid(NANOS_PER_DAY as i128) as u64 }
    }

    pub fn from_hms_nano(hour: i64, minute: i64, second: i64, nano: i64) -> Option<LocalTime> {
        let ok = (0..24).contains(&hour)
            && (0..60).contains(&minute)
            && (0..60).contains(&second)
            && (0..NANOS_PER_SECOND).contains(&nano);
        ok.then(|| LocalTime { nanos: (((hour * 60 + minute) * 60 + second) * NANOS_PER_SECOND + nano) as u64 })
    }

    pub fn nanos(self) -> i64 {
        self.nanos as i64
    }

    pub fn hour(self) -> i64 {
        self.nanos() / (3600 * NANOS_PER_SECOND)
    }

    pub fn minute(self) -> i64 {
        self.nanos() / (60 * NANOS_PER_SECOND) % 60
    }

    pub fn second(self) -> i64 {
        self.nanos() / NANOS_PER_SECOND % 60
    }

    /// The fraction of the second, in nanoseconds.
    pub fn nanosecond(self) -> i64 {
        self.nanos() % NANOS_PER_SECOND
    }

    pub fn second_of_day(self) -> i64 {
        self.nanos() / NANOS_PER_SECOND
    }
}

/// A time of day at an offset from UTC (seconds east).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Time {
    pub time: LocalTime,
    pub offset: i32,
}

impl Time {
    /// The same moment as nanoseconds since midnight UTC (may fall outside one day).
    pub fn utc_nanos(self) -> i64 {
        self.time.nanos() - self.offset as i64 * NANOS_PER_SECOND
    }

    /// The same moment at another offset.
    pub fn at_offset(self, offset: i32) -> Time {
        let nanos = self.utc_nanos() as i128 + offset as i128 * NANOS_PER_SECOND as i128;
        Time { time: LocalTime::from_nanos_wrapping(nanos), offset }
    }
}

/// Times compare by the moment they stand for; equal moments by offset, so the order is total.
impl Ord for Time {
    fn cmp(&self, other: &Time) -> Ordering {
        self.utc_nanos().cmp(&other.utc_nanos()).then_with(|| other.offset.cmp(&self.offset))
    }
}

impl PartialOrd for Time {
    fn partial_cmp(&self, other: &Time) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

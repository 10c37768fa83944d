//! `LocalDateTime` (a date and a wall-clock time) and `DateTime` (an instant seen in a
//! time zone).

use std::cmp::Ordering;

use super::{Date, LocalTime, Zone, NANOS_PER_SECOND, SECONDS_PER_DAY};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub date: Date,
    pub time: LocalTime,
}

impl LocalDateTime {
    pub fn new(date: Date, time: LocalTime) -> LocalDateTime {
        LocalDateTime { date, time }
    }

    /// Nanoseconds since 1970-01-01T00:00 on the same wall clock.
    pub fn to_nanos(self) -> i128 {
        self.date.days() as i128 * (SECONDS_PER_DAY * NANOS_PER_SECOND) as i128 + self.time.nanos() as i128
    }

    pub fn from_nanos(nanos: i128) -> Option<LocalDateTime> {
        let per_day = (SECONDS_PER_DAY * NANOS_PER_SECOND) as i128;
        let date = Date::from_days(i64::try_from(nanos.div_euclid(per_day)).ok()?)?;
        let time = LocalTime::from_nanos(nanos.rem_euclid(per_day) as i64)?;
        Some(LocalDateTime { date, time })
    }

    /// Whole seconds since 1970-01-01T00:00 on the same wall clock.
    pub fn seconds(self) -> i64 {
        self.date.days() * SECONDS_PER_DAY + self.time.second_of_day()
    }
}

/// An instant (seconds and nanoseconds since the epoch, UTC) with the zone it is seen
/// in and the offset that zone has at that instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateTime {
    epoch_seconds: i64,
    nanos: u32,
    offset: i32,
    zone: Zone,
}

impl DateTime {
    /// The wall-clock time `local` in `zone`; `preferred` picks the offset in an overlap.
    pub fn from_local(local: LocalDateTime, zone: Zone, preferred: Option<i32>) -> Option<DateTime> {
        let guess = zone.offset_for_local(local.seconds(), preferred);
        let epoch_seconds = local.seconds().checked_sub(guess as i64)?;
        // In a gap the instant lies after the transition, where the offset is the new one.
        let offset = zone.offset_at(epoch_seconds);
        let res = DateTime { epoch_seconds, nanos: local.time.nanosecond() as u32, offset, zone };
        // A gap moves the wall clock forward; the result must still be a valid date.
        LocalDateTime::from_nanos(res.local_nanos()).map(|_| res)
    }

    pub fn from_instant(epoch_seconds: i64, nanos: u32, zone: Zone) -> Option<DateTime> {
        let offset = zone.offset_at(epoch_seconds);
        let res = DateTime { epoch_seconds, nanos, offset, zone };
        LocalDateTime::from_nanos(res.local_nanos()).map(|_| res)
    }

    /// The instant as nanoseconds since the epoch.
    pub fn instant_nanos(&self) -> i128 {
        self.epoch_seconds as i128 * NANOS_PER_SECOND as i128 + self.nanos as i128
    }

    pub fn from_instant_nanos(nanos: i128, zone: Zone) -> Option<DateTime> {
        let seconds = i64::try_from(nanos.div_euclid(NANOS_PER_SECOND as i128)).ok()?;
        DateTime::from_instant(seconds, nanos.rem_euclid(NANOS_PER_SECOND as i128) as u32, zone)
    }

    fn local_nanos(&self) -> i128 {
        self.instant_nanos() + self.offset as i128 * NANOS_PER_SECOND as i128
    }

    pub fn local(&self) -> LocalDateTime {
        // In range by construction.
        LocalDateTime::from_nanos(self.local_nanos())
            .unwrap_or(LocalDateTime { date: Date::EPOCH, time: LocalTime::MIDNIGHT })
    }

    pub fn epoch_seconds(&self) -> i64 {
        self.epoch_seconds
    }

    pub fn nanos(&self) -> u32 {
        self.nanos
    }

    pub fn offset(&self) -> i32 {
        self.offset
    }

    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// The same instant seen in another zone.
    pub fn in_zone(&self, zone: Zone) -> Option<DateTime> {
        DateTime::from_instant(self.epoch_seconds, self.nanos, zone)
    }
}

/// Date-times compare by instant; equal instants by offset and zone, so the order is total.
impl Ord for DateTime {
    fn cmp(&self, other: &DateTime) -> Ordering {
        self.instant_nanos()
            .cmp(&other.instant_nanos())
            .then_with(|| other.offset.cmp(&self.offset))
            .then_with(|| self.zone.name().cmp(&other.zone.name()))
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &DateTime) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

//! Time zones: a fixed offset from UTC, or an IANA region (`Europe/Stockholm`) whose
//! offset depends on the instant, with its whole history (local mean time before 1900,
//! daylight saving time).
//!
//! This is the only file that names `jiff`: its bundled copy of the IANA database keeps
//! results the same on every machine. jiff covers the years -9999 to 9999; an instant
//! outside that range takes the offset at the nearest end.

use std::fmt;
use std::sync::Arc;

/// The largest offset ISO 8601 and Neo4j allow: ±18:00.
pub const MAX_OFFSET_SECONDS: i32 = 18 * 3600;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Seconds east of UTC.
    Offset(i32),
    Named(NamedZone),
}

/// An IANA time zone, by name.
#[derive(Clone)]
pub struct NamedZone(Arc<NamedInner>);

struct NamedInner {
    name: Box<str>,
    rules: jiff::tz::TimeZone,
}

impl NamedZone {
    /// The zone called `name` (case-insensitive), spelled as the database spells it.
    ///
    /// As in Neo4j, a space stands for the underscore of IANA names (`America/Los Angeles`).
    pub fn get(name: &str) -> Option<NamedZone> {
        let rules = jiff::tz::TimeZone::get(name).or_else(|_| jiff::tz::TimeZone::get(&name.replace(' ', "_"))).ok()?;
        let name = rules.iana_name().unwrap_or(name).into();
        Some(NamedZone(Arc::new(NamedInner { name, rules })))
    }

    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The offset in force at an instant (seconds since the epoch, UTC).
    pub fn offset_at(&self, epoch_seconds: i64) -> i32 {
        let lo = jiff::Timestamp::MIN.as_second();
        let hi = jiff::Timestamp::MAX.as_second();
        match jiff::Timestamp::from_second(epoch_seconds.clamp(lo, hi)) {
            Ok(ts) => self.0.rules.to_offset(ts).seconds(),
            Err(_) => 0,
        }
    }

    /// The offset for a wall-clock time (seconds since 1970-01-01T00:00, local).
    ///
    /// As java.time does: in a gap (spring forward) the offset before the gap, which
    /// moves the time later by the gap's length; in an overlap (fall back) `preferred`
    /// when it is one of the two, else the earlier offset.
    pub fn offset_for_local(&self, local_seconds: i64, preferred: Option<i32>) -> i32 {
        let Some(civil) = jiff_civil(local_seconds) else {
            return self.offset_at(local_seconds);
        };
        match self.0.rules.to_ambiguous_timestamp(civil).offset() {
            jiff::tz::AmbiguousOffset::Unambiguous { offset } => offset.seconds(),
            jiff::tz::AmbiguousOffset::Gap { before, .. } => before.seconds(),
            jiff::tz::AmbiguousOffset::Fold { before, after } => match preferred {
                Some(p) if p == after.seconds() => p,
                _ => before.seconds(),
            },
        }
    }
}

/// A local time as jiff's civil date-time, when it is in jiff's range.
fn jiff_civil(local_seconds: i64) -> Option<jiff::civil::DateTime> {
    let days = local_seconds.div_euclid(86_400);
    let secs = local_seconds.rem_euclid(86_400);
    let (year, month, day) = super::civil::civil_from_days(days);
    let year = i16::try_from(year).ok().filter(|y| (-9999..=9999).contains(y))?;
    jiff::civil::DateTime::new(
        year,
        month as i8,
        day as i8,
        (secs / 3600) as i8,
        (secs / 60 % 60) as i8,
        (secs % 60) as i8,
        0,
    )
    .ok()
}

impl PartialEq for NamedZone {
    fn eq(&self, other: &NamedZone) -> bool {
        self.name() == other.name()
    }
}

impl Eq for NamedZone {}

impl std::hash::Hash for NamedZone {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl fmt::Debug for NamedZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NamedZone({})", self.name())
    }
}

impl Zone {
    /// `Z`, `+01`, `+0100`, `+01:00`, `-02:05:07`, or an IANA name.
    pub fn parse(text: &str) -> Option<Zone> {
        if let Some(offset) = parse_offset(text) {
            return Some(Zone::Offset(offset));
        }
        NamedZone::get(text).map(Zone::Named)
    }

    pub fn utc() -> Zone {
        Zone::Offset(0)
    }

    pub fn offset_at(&self, epoch_seconds: i64) -> i32 {
        match self {
            Zone::Offset(offset) => *offset,
            Zone::Named(zone) => zone.offset_at(epoch_seconds),
        }
    }

    pub fn offset_for_local(&self, local_seconds: i64, preferred: Option<i32>) -> i32 {
        match self {
            Zone::Offset(offset) => *offset,
            Zone::Named(zone) => zone.offset_for_local(local_seconds, preferred),
        }
    }

    pub fn name(&self) -> Option<&str> {
        match self {
            Zone::Offset(_) => None,
            Zone::Named(zone) => Some(zone.name()),
        }
    }
}

/// An offset in one of ISO 8601's forms: `Z`, `±HH`, `±HHMM`, `±HH:MM`, `±HHMMSS`, `±HH:MM:SS`.
pub fn parse_offset(text: &str) -> Option<i32> {
    if text.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = &text[1..];
    let digits: String = body.chars().filter(|c| *c != ':').collect();
    let extended = body.contains(':');
    let well_formed = match (digits.len(), extended) {
        (2, false) | (4, false) | (6, false) => true,
        (4, true) => body.len() == 5 && body.as_bytes()[2] == b':',
        (6, true) => body.len() == 8 && body.as_bytes()[2] == b':' && body.as_bytes()[5] == b':',
        _ => false,
    };
    if !well_formed || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |i: usize| digits.get(i..i + 2).and_then(|p| p.parse::<i32>().ok()).unwrap_or(0);
    let (hours, minutes, seconds) = (part(0), part(2), part(4));
    if minutes > 59 || seconds > 59 {
        return None;
    }
    let total = hours * 3600 + minutes * 60 + seconds;
    (total <= MAX_OFFSET_SECONDS).then_some(sign * total)
}

/// `Z` for UTC, else `+HH:MM`, with `:SS` when the offset has seconds.
pub fn format_offset(offset: i32) -> String {
    if offset == 0 {
        return "Z".to_string();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}:{m:02}")
    } else {
        format!("{sign}{h:02}:{m:02}:{s:02}")
    }
}

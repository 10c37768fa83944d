//! Temporal values → ISO 8601 text, exactly as Neo4j and the openCypher TCK print them:
//! `1984-10-11`, `12:31:14.645876`, `12:00:00Z`, `2015-07-21T21:40:32.142+01:00[Europe/London]`,
//! `P1Y2M10DT12H45M30.25S`. Times always show their seconds, as Neo4j 5 prints them (the
//! openCypher TCK writes Java's `12:00Z`; its harness reads both), and their fraction in
//! groups of three digits; durations show their fraction without trailing zeros.

use std::fmt::{self, Write as _};

use super::zone::format_offset;
use super::{Date, DateTime, Duration, LocalDateTime, LocalTime, Time, NANOS_PER_SECOND};

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        if year > 9999 {
            write!(f, "+{year}-{month:02}-{day:02}")
        } else if year < 0 {
            write!(f, "-{:04}-{month:02}-{day:02}", year.unsigned_abs())
        } else {
            write!(f, "{year:04}-{month:02}-{day:02}")
        }
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour(), self.minute(), self.second())?;
        let nanos = self.nanosecond();
        if nanos == 0 {
            Ok(())
        } else if nanos % 1_000_000 == 0 {
            write!(f, ".{:03}", nanos / 1_000_000)
        } else if nanos % 1_000 == 0 {
            write!(f, ".{:06}", nanos / 1_000)
        } else {
            write!(f, ".{nanos:09}")
        }
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.time, format_offset(self.offset))
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.local(), format_offset(self.offset()))?;
        match self.zone().name() {
            Some(name) => write!(f, "[{name}]"),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from("P");
        let unit = |out: &mut String, value: i64, letter: char| {
            if value != 0 {
                let _ = write!(out, "{value}{letter}");
            }
        };
        unit(&mut out, self.months() / 12, 'Y');
        unit(&mut out, self.months() % 12, 'M');
        unit(&mut out, self.days(), 'D');
        if self.seconds() != 0 || self.nanos() != 0 {
            // Printed with the sign on every part: -0.5 s is stored as -1 s + 0.5 s.
            let (mut seconds, mut nanos) = (self.seconds(), self.nanos() as i64);
            if seconds < 0 && nanos != 0 {
                seconds += 1;
                nanos -= NANOS_PER_SECOND;
            }
            out.push('T');
            unit(&mut out, seconds / 3600, 'H');
            unit(&mut out, seconds % 3600 / 60, 'M');
            let seconds = seconds % 60;
            if seconds != 0 || nanos != 0 {
                if seconds == 0 && nanos < 0 {
                    out.push('-');
                }
                let _ = write!(out, "{seconds}");
                if nanos != 0 {
                    let digits = format!("{:09}", nanos.unsigned_abs());
                    let _ = write!(out, ".{}", digits.trim_end_matches('0'));
                }
                out.push('S');
            }
        }
        if out.len() == 1 {
            out.push_str("T0S");
        }
        f.write_str(&out)
    }
}

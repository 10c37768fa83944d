//! Calendar dates, stored as days since 1970-01-01 in the proleptic Gregorian calendar.
//!
//! The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`, exact for
//! every date steppe can parse (years -9999 to 9999).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

impl Date {
    pub fn from_days(days: i32) -> Date {
        Date { days }
    }

    pub fn days(self) -> i32 {
        self.days
    }

    /// A date from its parts, or `None` when the day does not exist (2022-02-30).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(-9999..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { days: days_from_civil(year, month, day) })
    }

    /// Parses `YYYY-MM-DD` (ISO 8601 calendar date, extended form).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year_text = parts.next()?;
        let month_text = parts.next()?;
        let day_text = parts.next()?;
        if year_text.len() != 4 || month_text.len() != 2 || day_text.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(year_text) || !all_digits(month_text) || !all_digits(day_text) {
            return None;
        }
        Date::from_ymd(year_text.parse().ok()?, month_text.parse().ok()?, day_text.parse().ok()?)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_and_prints_round_trip() {
        for text in ["1970-01-01", "2022-01-06", "2000-02-29", "1999-12-31", "0001-01-01"] {
            let date = Date::parse(text);
            assert_eq!(date.map(|d| d.to_string()).as_deref(), Some(text));
        }
        assert_eq!(Date::parse("1970-01-02").map(Date::days), Some(1));
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in ["2022-02-30", "2021-02-29", "2022-13-01", "2022-1-6", "20220106", "x"] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }
}

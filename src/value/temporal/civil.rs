//! Calendar arithmetic in the proleptic Gregorian calendar, on days since 1970-01-01.
//!
//! The day conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` in
//! 64-bit integers, exact over the whole range steppe accepts (years ±999,999,999,
//! as Neo4j does). Week dates follow ISO 8601: weeks start on Monday and week 1 is
//! the week holding the year's first Thursday.

pub const MIN_YEAR: i64 = -999_999_999;
pub const MAX_YEAR: i64 = 999_999_999;

pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn days_in_year(year: i64) -> u32 {
    if is_leap(year) {
        366
    } else {
        365
    }
}

pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// ISO day of the week: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// The Monday that starts week 1 of `week_year`.
fn week_one_monday(week_year: i64) -> i64 {
    let jan4 = days_from_civil(week_year, 1, 4);
    jan4 - (weekday(jan4) as i64 - 1)
}

pub fn weeks_in_year(week_year: i64) -> u32 {
    let jan1 = weekday(days_from_civil(week_year, 1, 1));
    if jan1 == 4 || (jan1 == 3 && is_leap(week_year)) {
        53
    } else {
        52
    }
}

/// (week-based year, week, day of week) of a day.
pub fn week_date(days: i64) -> (i64, u32, u32) {
    let dow = weekday(days);
    let thursday = days - dow as i64 + 4;
    let (week_year, ..) = civil_from_days(thursday);
    let week = (thursday - week_one_monday(week_year)) / 7 + 1;
    (week_year, week as u32, dow)
}

pub fn from_week_date(week_year: i64, week: u32, dow: u32) -> i64 {
    week_one_monday(week_year) + (week as i64 - 1) * 7 + (dow as i64 - 1)
}

/// Day of the year, from 1.
pub fn ordinal_day(days: i64) -> u32 {
    let (year, ..) = civil_from_days(days);
    (days - days_from_civil(year, 1, 1) + 1) as u32
}

pub fn quarter_of(month: u32) -> u32 {
    (month - 1) / 3 + 1
}

pub fn quarter_start_month(quarter: u32) -> u32 {
    (quarter - 1) * 3 + 1
}

pub fn days_in_quarter(year: i64, quarter: u32) -> u32 {
    let first = quarter_start_month(quarter);
    (first..first + 3).map(|m| days_in_month(year, m)).sum()
}

/// Day of the quarter, from 1.
pub fn day_of_quarter(days: i64) -> u32 {
    let (year, month, _) = civil_from_days(days);
    (days - days_from_civil(year, quarter_start_month(quarter_of(month)), 1) + 1) as u32
}

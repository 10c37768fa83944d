//! `Date`: a calendar date, stored as days since 1970-01-01.

use super::civil;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i64,
}

impl Date {
    pub const EPOCH: Date = Date { days: 0 };

    /// A date from days since 1970-01-01, or `None` outside years ±999,999,999.
    pub fn from_days(days: i64) -> Option<Date> {
        let lo = civil::days_from_civil(civil::MIN_YEAR, 1, 1);
        let hi = civil::days_from_civil(civil::MAX_YEAR, 12, 31);
        (lo..=hi).contains(&days).then_some(Date { days })
    }

    /// A date from its parts, or `None` when the day does not exist (2022-02-30).
    pub fn from_ymd(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(civil::MIN_YEAR..=civil::MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > civil::days_in_month(year, month as u32) as i64 {
            return None;
        }
        Some(Date { days: civil::days_from_civil(year, month as u32, day as u32) })
    }

    /// The date of ISO week `week`, day `dow` (1 = Monday) of `week_year`.
    pub fn from_week_date(week_year: i64, week: i64, dow: i64) -> Option<Date> {
        if !(civil::MIN_YEAR..=civil::MAX_YEAR).contains(&week_year) || !(1..=7).contains(&dow) {
            return None;
        }
        if week < 1 || week > civil::weeks_in_year(week_year) as i64 {
            return None;
        }
        Date::from_days(civil::from_week_date(week_year, week as u32, dow as u32))
    }

    pub fn from_ordinal(year: i64, ordinal: i64) -> Option<Date> {
        if !(civil::MIN_YEAR..=civil::MAX_YEAR).contains(&year) {
            return None;
        }
        if ordinal < 1 || ordinal > civil::days_in_year(year) as i64 {
            return None;
        }
        Date::from_days(civil::days_from_civil(year, 1, 1) + ordinal - 1)
    }

    pub fn from_quarter(year: i64, quarter: i64, day_of_quarter: i64) -> Option<Date> {
        if !(civil::MIN_YEAR..=civil::MAX_YEAR).contains(&year) || !(1..=4).contains(&quarter) {
            return None;
        }
        if day_of_quarter < 1 || day_of_quarter > civil::days_in_quarter(year, quarter as u32) as i64 {
            return None;
        }
        let first = civil::days_from_civil(year, civil::quarter_start_month(quarter as u32), 1);
        Date::from_days(first + day_of_quarter - 1)
    }

    /// A date from ISO 8601 text in any form `date('…')` accepts (`2022-01-06`, `2022-W01-4`, …).
    pub fn parse(text: &str) -> Option<Date> {
        super::parse_date(text).ok()
    }

    pub fn days(self) -> i64 {
        self.days
    }

    pub fn ymd(self) -> (i64, u32, u32) {
        civil::civil_from_days(self.days)
    }

    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// (week-based year, week, day of week).
    pub fn week_date(self) -> (i64, u32, u32) {
        civil::week_date(self.days)
    }

    pub fn ordinal_day(self) -> u32 {
        civil::ordinal_day(self.days)
    }

    pub fn day_of_quarter(self) -> u32 {
        civil::day_of_quarter(self.days)
    }

    /// Adds months, keeping the day of the month where it exists and the month's last
    /// day where it does not (January 31 + 1 month = February 28), as java.time does.
    pub fn plus_months(self, months: i64) -> Option<Date> {
        let (year, month, day) = self.ymd();
        let index = (year as i128) * 12 + (month as i128 - 1) + months as i128;
        let year = i64::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u32;
        if !(civil::MIN_YEAR..=civil::MAX_YEAR).contains(&year) {
            return None;
        }
        let day = day.min(civil::days_in_month(year, month));
        Date::from_ymd(year, month as i64, day as i64)
    }

    pub fn plus_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.days.checked_add(days)?)
    }
}

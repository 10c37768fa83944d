use std::sync::Arc;

use super::*;
use crate::value::Value;

fn date(text: &str) -> Date {
    parse_date(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn datetime(text: &str) -> DateTime {
    parse_datetime(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn duration(text: &str) -> Duration {
    parse_duration(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn dur(d: Duration) -> Value {
    Value::Duration(Arc::new(d))
}

#[test]
fn value_stays_small() {
    assert!(std::mem::size_of::<Value>() <= 24, "Value grew to {} bytes", std::mem::size_of::<Value>());
}

#[test]
fn week_dates_follow_iso_8601() {
    // 1984-01-01 was a Sunday, in the last week of 1983.
    assert_eq!(date("1984-01-01").week_date(), (1983, 52, 7));
    assert_eq!(date("2015-W30-2"), date("2015-07-21"));
    assert_eq!(civil::weeks_in_year(2015), 53);
    assert_eq!(civil::weeks_in_year(2016), 52);
    for days in -800_000..-799_000 {
        let (y, w, d) = civil::week_date(days);
        assert_eq!(civil::from_week_date(y, w, d), days);
    }
}

#[test]
fn dates_parse_in_every_iso_form() {
    let forms = [
        ("2015-07-21", "2015-07-21"),
        ("20150721", "2015-07-21"),
        ("2015-07", "2015-07-01"),
        ("201507", "2015-07-01"),
        ("2015-W30-2", "2015-07-21"),
        ("2015W302", "2015-07-21"),
        ("2015-W30", "2015-07-20"),
        ("2015-202", "2015-07-21"),
        ("2015202", "2015-07-21"),
        ("2015-Q3-21", "2015-07-21"),
        ("2015", "2015-01-01"),
        ("-0044-03-15", "-0044-03-15"),
        ("+999999999-12-31", "+999999999-12-31"),
        ("0028-11-11", "0028-11-11"),
    ];
    for (text, printed) in forms {
        assert_eq!(date(text).to_string(), printed, "{text}");
    }
}

#[test]
fn bad_and_hostile_strings_are_errors() {
    let long_fraction = format!("12:00:00.{}", "1".repeat(10_000));
    let huge_year = format!("{}-01-01", "9".repeat(5_000));
    for text in ["2015-02-30", "2015-13-01", "2015-W54", "2015-366", "1e3", "", "-", "2015-07-21T"] {
        assert!(parse_date(text).is_err() || parse_local_datetime(text).is_err(), "{text}");
    }
    assert!(parse_date(&huge_year).is_err());
    assert!(parse_local_time(&long_fraction).is_err());
    assert!(parse_local_time("12:00:00.1234567891").is_err(), "ten fraction digits");
    assert!(parse_local_time("24:00").is_err());
    assert!(parse_time("12:00+18:01").is_err(), "offsets stop at 18 hours");
    assert!(parse_datetime("2015-07-21T12:00[Nowhere/Atlantis]").is_err());
    assert!(parse_datetime("2015-07-21T12:00+05:00[Europe/Stockholm]").is_err(), "Stockholm is at +02:00 then");
    assert!(parse_local_time("12:00Z").is_err(), "a local time has no zone");
    assert!(parse_duration(&format!("P{}Y", "9".repeat(40))).is_err());
    assert!(parse_duration("P").is_err());
    assert!(parse_duration("PT").is_err());
    assert!(parse_duration("P1Y1Y").is_err());
}

#[test]
fn times_print_seconds_always_and_fractions_only_when_present() {
    let cases = [
        ("21", "21:00:00"),
        ("2140", "21:40:00"),
        ("21:40:32", "21:40:32"),
        ("214032.142", "21:40:32.142"),
        ("21:40:32,5", "21:40:32.500"),
        ("12:31:14.645876", "12:31:14.645876"),
        ("12:31:14.000000001", "12:31:14.000000001"),
    ];
    for (text, printed) in cases {
        assert_eq!(parse_local_time(text).map(|t| t.to_string()).ok().as_deref(), Some(printed), "{text}");
    }
    assert_eq!(parse_time("2140-02").map(|t| t.to_string()).ok().as_deref(), Some("21:40:00-02:00"));
    assert_eq!(parse_time("2140-00:00").map(|t| t.to_string()).ok().as_deref(), Some("21:40:00Z"));
    assert_eq!(parse_time("12:34:56+02:05:59").map(|t| t.to_string()).ok().as_deref(), Some("12:34:56+02:05:59"));
}

#[test]
fn named_zones_keep_their_history() {
    // Before standard time, Stockholm's rules (linked to Berlin's) give local mean time.
    assert_eq!(
        datetime("1818-07-21T21:40:32.142[Europe/Stockholm]").to_string(),
        "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]"
    );
    assert_eq!(
        datetime("2015-07-21T21:40:32.142[Europe/London]").to_string(),
        "2015-07-21T21:40:32.142+01:00[Europe/London]"
    );
    assert_eq!(datetime("2015-01-21T21:40[Europe/London]").to_string(), "2015-01-21T21:40:00Z[Europe/London]");
    // Spring forward: 02:30 does not exist and moves on by the gap's length.
    assert_eq!(
        datetime("2017-03-26T02:30[Europe/Stockholm]").to_string(),
        "2017-03-26T03:30:00+02:00[Europe/Stockholm]"
    );
    // Fall back: 02:30 happens twice; the earlier (summer) offset wins unless one is given.
    assert_eq!(
        datetime("2017-10-29T02:30[Europe/Stockholm]").to_string(),
        "2017-10-29T02:30:00+02:00[Europe/Stockholm]"
    );
    assert_eq!(
        datetime("2017-10-29T02:30+01:00[Europe/Stockholm]").to_string(),
        "2017-10-29T02:30:00+01:00[Europe/Stockholm]"
    );
}

#[test]
fn durations_normalise_and_print_like_neo4j() {
    let cases = [
        ("P14DT16H12M", "P14DT16H12M"),
        ("P5M1.5D", "P5M1DT12H"),
        ("P0.75M", "P22DT19H51M49.5S"),
        ("PT0.75M", "PT45S"),
        ("P2.5W", "P17DT12H"),
        ("P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"),
        ("P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"),
        ("PT-0.000000001S", "PT-0.000000001S"),
        ("PT-1.5S", "PT-1.5S"),
        ("-P1DT1S", "P-1DT-1S"),
        ("PT0S", "PT0S"),
    ];
    for (text, printed) in cases {
        assert_eq!(duration(text).to_string(), printed, "{text}");
    }
    // -0.5 s is stored as -1 s and 500,000,000 ns.
    let half = duration("PT-0.5S");
    assert_eq!((half.seconds(), half.nanos()), (-1, 500_000_000));
}

#[test]
fn duration_components_spread_fractions_down() {
    let c = DurationComponents {
        years: Some(Number::Float(12.5)),
        months: Some(Number::Float(5.5)),
        days: Some(Number::Float(14.5)),
        hours: Some(Number::Float(16.5)),
        minutes: Some(Number::Float(12.5)),
        seconds: Some(Number::Float(70.5)),
        nanoseconds: Some(Number::Int(3)),
        ..DurationComponents::default()
    };
    assert_eq!(
        Duration::from_components(&c).map(|d| d.to_string()).ok().as_deref(),
        Some("P12Y11M29DT33H58M13.500000003S")
    );
    let d = duration("P12Y5M14DT16H13M10.000000001S");
    assert_eq!(d.divided_by(Number::Int(2)).map(|d| d.to_string()).ok().as_deref(), Some("P6Y2M22DT13H21M8S"));
    assert_eq!(d.times(Number::Int(2)).map(|d| d.to_string()).ok().as_deref(), Some("P24Y10M28DT32H26M20.000000002S"));
    assert!(d.divided_by(Number::Float(0.0)).is_err());
}

fn add(value: Value, d: &str) -> String {
    match arithmetic(Arith::Add, &value, &dur(duration(d))) {
        Some(Ok(v)) => v.temporal_text().unwrap_or_default(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn adding_durations_applies_months_days_then_seconds() {
    // The month's last day stands in for a day it lacks.
    assert_eq!(add(Value::Date(date("2020-01-31")), "P1M"), "2020-02-29");
    // A date takes only whole days of the seconds.
    assert_eq!(add(Value::Date(date("1984-10-11")), "PT47H"), "1984-10-12");
    assert_eq!(add(Value::LocalTime(LocalTime::MIDNIGHT), "P1DT-1S"), "23:59:59");
    // A day on the wall clock is 23 hours across spring forward; 24 hours are real time.
    let before = Value::DateTime(Arc::new(datetime("2017-03-25T12:00[Europe/Stockholm]")));
    assert_eq!(add(before.clone(), "P1D"), "2017-03-26T12:00:00+02:00[Europe/Stockholm]");
    assert_eq!(add(before, "PT24H"), "2017-03-26T13:00:00+02:00[Europe/Stockholm]");
    let sub = arithmetic(Arith::Sub, &dur(duration("P1D")), &Value::Date(date("2020-01-01")));
    assert!(matches!(sub, Some(Err(_))), "a duration minus a date");
    assert!(arithmetic(Arith::Add, &Value::Int(1), &Value::Int(2)).is_none());
    assert!(
        arithmetic(Arith::Add, &Value::list(vec![]), &dur(Duration::ZERO)).is_none(),
        "list append is the caller's"
    );
    let text = arithmetic(Arith::Add, &Value::string("took "), &dur(duration("PT1H")));
    assert!(matches!(text, Some(Ok(Value::String(s))) if &*s == "took PT1H"));
}

#[test]
fn times_and_datetimes_compare_by_instant() {
    let ten_at_one = Value::Time(parse_time("10:00+01:00").unwrap_or_else(|e| panic!("{e}")));
    let nine_utc = Value::Time(parse_time("09:00Z").unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(ten_at_one.cypher_eq(&nine_utc), Some(true));
    assert_eq!(ten_at_one.cypher_cmp(&nine_utc), Some(std::cmp::Ordering::Equal));
    // ORDER BY and DISTINCT still tell them apart, so the order is total.
    assert_ne!(ten_at_one, nine_utc);
    let a = Value::DateTime(Arc::new(datetime("2018-01-01T00:00+01:00")));
    let b = Value::DateTime(Arc::new(datetime("2017-12-31T23:00Z")));
    assert_eq!(a.cypher_eq(&b), Some(true));
    // Durations are equal component-wise but have no order.
    assert_eq!(dur(duration("PT70S")).cypher_eq(&dur(duration("PT1M10S"))), Some(true));
    assert_eq!(dur(duration("P1D")).cypher_cmp(&dur(duration("P2D"))), None);
    assert_eq!(dur(duration("P30D")).cypher_eq(&dur(duration("P1M"))), Some(false));
}

fn between_text(a: Parts, b: Parts, unit: BetweenUnit) -> String {
    between(&a, &b, unit).map(|d| d.to_string()).unwrap_or_else(|e| e.message)
}

#[test]
fn between_counts_wall_clock_months_and_real_seconds() {
    let dt = |t: &str| Parts::of_datetime(&datetime(t));
    let d = |t: &str| Parts::of_date(date(t));
    assert_eq!(between_text(d("1984-10-11"), d("2015-06-24"), BetweenUnit::All), "P30Y8M13D");
    assert_eq!(between_text(d("2018-03-11"), d("2016-06-24"), BetweenUnit::Months), "P-1Y-8M");
    let before = dt("2017-10-28T23:00+02:00[Europe/Stockholm]");
    let after = dt("2017-10-29T04:00+01:00[Europe/Stockholm]");
    assert_eq!(between_text(before.clone(), after.clone(), BetweenUnit::All), "PT6H");
    assert_eq!(between_text(after, before, BetweenUnit::Seconds), "PT-6H");
    assert_eq!(between_text(d("-999999999-01-01"), d("+999999999-12-31"), BetweenUnit::All), "P1999999998Y11M30D");
    let lt = |t: &str| Parts::of_local_time(parse_local_time(t).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(between_text(lt("12:44:54.7"), lt("12:34:55.3"), BetweenUnit::Seconds), "PT-9M-59.4S");
    assert_eq!(between_text(lt("12:00"), lt("13:00"), BetweenUnit::Months), "PT0S");
}

fn truncated(kind: TemporalKind, unit: &str, value: Parts, fields: Fields) -> String {
    let unit = TruncateUnit::parse(unit).unwrap_or_else(|| panic!("{unit}"));
    match truncate(kind, unit, &value, fields) {
        Ok(v) => v.temporal_text().unwrap_or_default(),
        Err(e) => e.message,
    }
}

#[test]
fn truncation_cuts_then_sets_the_given_components() {
    let ldt = Parts::of_local_datetime(
        parse_local_datetime("1984-01-01T12:31:14.645876123").unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!(truncated(TemporalKind::Date, "weekYear", ldt.clone(), Fields::default()), "1983-01-03");
    assert_eq!(truncated(TemporalKind::Date, "millennium", ldt.clone(), Fields::default()), "1000-01-01");
    let two_ns = Fields { nanosecond: Some(2), ..Fields::default() };
    assert_eq!(truncated(TemporalKind::LocalTime, "millisecond", ldt.clone(), two_ns.clone()), "12:31:14.645000002");
    assert_eq!(truncated(TemporalKind::LocalTime, "second", ldt.clone(), two_ns), "12:31:14.000000002");
    let stockholm = Fields { timezone: Zone::parse("Europe/Stockholm"), ..Fields::default() };
    assert_eq!(
        truncated(TemporalKind::DateTime, "day", ldt.clone(), stockholm),
        "1984-01-01T00:00:00+01:00[Europe/Stockholm]"
    );
    assert!(truncated(TemporalKind::Date, "hour", ldt, Fields::default()).contains("cannot be truncated"));
}

#[test]
fn maps_select_and_override_components() {
    let built = |kind, fields: Fields| build(kind, &fields).map(|v| v.temporal_text().unwrap_or_default());
    let base = Parts::of_date(date("1984-11-11"));
    let week = Fields { date: Some(base.clone()), week: Some(1), ..Fields::default() };
    assert_eq!(built(TemporalKind::Date, week).ok().as_deref(), Some("1984-01-08"));
    let quarter = Fields { date: Some(base), quarter: Some(3), ..Fields::default() };
    assert_eq!(built(TemporalKind::Date, quarter).ok().as_deref(), Some("1984-08-11"));
    let clashing = Fields { year: Some(1984), month: Some(2), week: Some(3), ..Fields::default() };
    assert!(built(TemporalKind::Date, clashing).is_err(), "month and week name a day two ways");
    let no_minute = Fields { hour: Some(1), second: Some(2), ..Fields::default() };
    assert!(built(TemporalKind::LocalTime, no_minute).is_err(), "second without minute");
    let subseconds = Fields {
        hour: Some(12),
        minute: Some(31),
        second: Some(14),
        millisecond: Some(123),
        microsecond: Some(456),
        nanosecond: Some(789),
        ..Fields::default()
    };
    assert_eq!(built(TemporalKind::LocalTime, subseconds).ok().as_deref(), Some("12:31:14.123456789"));
    let too_fine = Fields {
        hour: Some(1),
        minute: Some(0),
        second: Some(0),
        millisecond: Some(1),
        nanosecond: Some(1_000_000),
        ..Fields::default()
    };
    assert!(built(TemporalKind::LocalTime, too_fine).is_err(), "nanoseconds beyond the millisecond");
    // A selected time with an offset keeps its instant when given a new zone.
    let time = Parts::of_time(parse_time("12:00+01:00").unwrap_or_else(|e| panic!("{e}")));
    let moved = Fields { time: Some(time), timezone: Zone::parse("+05:00"), ..Fields::default() };
    assert_eq!(built(TemporalKind::Time, moved).ok().as_deref(), Some("16:00:00+05:00"));
}

#[test]
fn json_tags_round_trip() {
    let values = [
        Value::Date(date("2022-01-06")),
        Value::DateTime(Arc::new(datetime("2022-01-06T10:00[Asia/Almaty]"))),
        dur(duration("P1MT-0.5S")),
    ];
    for value in values {
        let (tag, text) = json_tag(&value).unwrap_or_default();
        assert_eq!(from_json_tag(tag, &text).and_then(Result::ok), Some(value.clone()), "{tag} {text}");
    }
    assert!(from_json_tag("$float", "1.0").is_none());
    assert!(matches!(from_json_tag("$time", "25:00"), Some(Err(_))));
}

#[test]
fn components_read_like_properties() {
    let get = |v: &Value, name: &str| component(v, name).and_then(Result::ok);
    let d = Value::Date(date("1984-10-11"));
    assert_eq!(get(&d, "ordinalDay"), Some(Value::Int(285)));
    assert_eq!(get(&d, "dayOfQuarter"), Some(Value::Int(11)));
    assert!(matches!(component(&d, "hour"), Some(Err(_))));
    let dt = Value::DateTime(Arc::new(datetime("1984-11-11T12:31:14.645876123[Europe/Stockholm]")));
    assert_eq!(get(&dt, "epochMillis"), Some(Value::Int(469_020_674_645)));
    assert_eq!(get(&dt, "timezone"), Some(Value::string("Europe/Stockholm")));
    assert_eq!(get(&dt, "offsetMinutes"), Some(Value::Int(60)));
    let negative = dur(duration("PT-23H-59M-59.9S"));
    assert_eq!(get(&negative, "seconds"), Some(Value::Int(-86400)));
    assert_eq!(get(&negative, "nanosecondsOfSecond"), Some(Value::Int(100_000_000)));
    assert!(component(&Value::Int(1), "year").is_none());
}

mod properties {
    use proptest::prelude::*;

    use super::super::*;
    use crate::value::Value;

    proptest! {
        /// Whatever the text, parsing gives a value or an error, never a panic.
        #[test]
        fn parsing_never_panics(text in "\\PC{0,40}", digits in "[-+PTWQYMDHS:.,Z0-9\\[\\]/]{0,40}") {
            for t in [&text, &digits] {
                let _ = parse_date(t);
                let _ = parse_local_time(t);
                let _ = parse_time(t);
                let _ = parse_local_datetime(t);
                let _ = parse_datetime(t);
                let _ = parse_duration(t);
            }
        }

        /// What is printed parses back to the same value.
        #[test]
        fn printed_values_parse_back(
            days in -365_000_000_000i64..365_000_000_000,
            nanos in 0i64..NANOS_PER_DAY,
            offset in -64_800i32..=64_800,
        ) {
            let date = Date::from_days(days);
            prop_assume!(date.is_some());
            let date = date.unwrap_or(Date::EPOCH);
            let time = LocalTime::from_nanos(nanos).unwrap_or(LocalTime::MIDNIGHT);
            prop_assert_eq!(parse_date(&date.to_string()).ok(), Some(date));
            prop_assert_eq!(parse_local_time(&time.to_string()).ok(), Some(time));
            let with_offset = Time { time, offset };
            prop_assert_eq!(parse_time(&with_offset.to_string()).ok(), Some(with_offset));
            let local = LocalDateTime::new(date, time);
            prop_assert_eq!(parse_local_datetime(&local.to_string()).ok(), Some(local));
            if let Some(dt) = DateTime::from_local(local, Zone::Offset(offset), None) {
                prop_assert_eq!(parse_datetime(&dt.to_string()).ok(), Some(dt));
            }
        }

        /// Durations print in a form that parses back to an equal duration.
        #[test]
        fn durations_parse_back(months in -1_000_000i64..1_000_000, days in -1_000_000i64..1_000_000,
                                seconds in -1_000_000_000_000i64..1_000_000_000_000, nanos in 0i64..1_000_000_000) {
            let d = Duration::new(months as i128, days as i128, seconds as i128, nanos as i128);
            prop_assume!(d.is_ok());
            let d = d.unwrap_or(Duration::ZERO);
            prop_assert_eq!(parse_duration(&d.to_string()).ok(), Some(d));
        }

        /// Arithmetic on durations with any factor gives a value or an error, never a panic.
        #[test]
        fn duration_arithmetic_never_panics(seconds in any::<i64>(), factor in any::<i64>(), f in any::<f64>()) {
            let d = Value::Duration(std::sync::Arc::new(Duration::new(0, 0, seconds as i128, 0).unwrap_or(Duration::ZERO)));
            for op in [Arith::Add, Arith::Sub, Arith::Mul, Arith::Div] {
                let _ = arithmetic(op, &d, &Value::Int(factor));
                let _ = arithmetic(op, &d, &Value::Float(f));
                let _ = arithmetic(op, &d, &d);
            }
        }
    }
}

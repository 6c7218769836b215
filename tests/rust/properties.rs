//! Property tests of the working calendar and the lunar calendar.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use motcua::calendar::{lunar, Calendar};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 2001-02 ..= 2098-01: inside the default calendar with a year of margin.
    (400u64..35_800).prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(d))
}

/// An instant strictly inside a working session of the default calendar.
fn inside_session() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![(7u32 * 60 + 31..11 * 60 + 30), (13u32 * 60 + 1..17 * 60)]
        .prop_map(|m| (m / 60, m % 60))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn add_then_count_round_trips(d in any_date(), n in 0i32..400) {
        let cal = Calendar::vietnam();
        let later = cal.add_working_days(d, n).unwrap();
        prop_assert_eq!(cal.working_days_between(d, later).unwrap(), n);
        prop_assert!(n == 0 || cal.is_working_day(later).unwrap());
    }

    #[test]
    fn negative_steps_round_trip_from_working_days(d in any_date(), n in 1i32..250) {
        let cal = Calendar::vietnam();
        let start = cal.add_working_days(d, 1).unwrap();
        let earlier = cal.add_working_days(start, -n).unwrap();
        prop_assert_eq!(cal.working_days_between(start, earlier).unwrap(), -n);
        prop_assert_eq!(cal.add_working_days(earlier, n).unwrap(), start);
    }

    #[test]
    fn adding_is_monotonic(d in any_date(), n in 0i32..300, extra in 1i32..50, later in 0u64..30) {
        let cal = Calendar::vietnam();
        prop_assert!(cal.add_working_days(d, n).unwrap() < cal.add_working_days(d, n + extra).unwrap());
        let d2 = d + Days::new(later);
        prop_assert!(cal.add_working_days(d, n).unwrap() <= cal.add_working_days(d2, n).unwrap());
    }

    #[test]
    fn instant_arithmetic_agrees_with_dates_at_whole_days(d in any_date(), n in 0u32..60, (h, m) in inside_session()) {
        let cal = Calendar::vietnam();
        let day = cal.add_working_days(d, 1).unwrap();
        let t = NaiveDateTime::new(day, NaiveTime::from_hms_opt(h, m, 0).unwrap());
        let due = cal.add_working_time(t, cal.working_duration(f64::from(n), 0.0, 0.0).unwrap()).unwrap();
        prop_assert_eq!(due.date(), cal.add_working_days(day, n as i32).unwrap());
        prop_assert_eq!(due.time(), t.time());
    }

    #[test]
    fn working_time_round_trips(d in any_date(), minute in 0u32..1440, minutes in 1u32..20_000) {
        let cal = Calendar::vietnam();
        let t = NaiveDateTime::new(d, NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap());
        let w = cal.working_duration(0.0, 0.0, f64::from(minutes)).unwrap();
        let end = cal.add_working_time(t, w).unwrap();
        prop_assert_eq!(cal.working_time_between(t, end).unwrap(), w);
        prop_assert!(end > t);
        let next = cal.next_working_instant(end).unwrap();
        prop_assert!(next >= end);
    }

    #[test]
    fn lunar_round_trips(days in 0u64..73_414) {
        let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(days);
        let l = lunar::to_lunar(d).unwrap();
        prop_assert_eq!(lunar::from_lunar(l.year, l.month as i32, l.day as i32, l.leap).unwrap(), d);
    }

    #[test]
    fn from_lunar_never_panics(y in prop_oneof![1850i32..2150, any::<i32>()], m in prop_oneof![0i32..=14, any::<i32>()], day in prop_oneof![0i32..=31, any::<i32>()], leap: bool) {
        if let Ok(d) = lunar::from_lunar(y, m, day, leap) {
            prop_assert_eq!(lunar::to_lunar(d).unwrap(), lunar::LunarDate { year: y, month: m as u32, day: day as u32, leap });
        }
        prop_assert!(!lunar::year_name(y).is_empty());
    }
}

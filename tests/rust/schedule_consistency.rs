//! The official schedules agree with the statutory rules: every official
//! year from 2019 (the years the projection's placement of nghỉ bù is drawn
//! from) is the rule projection plus the government's swaps. A data entry
//! that contradicts the law (a missing holiday, a substitute day in the
//! wrong place, a make-up day that is not a Saturday) fails here.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use motcua::calendar::holidays::rules::{self, CultureDayOnWeekend};
use motcua::calendar::holidays::{official_schedules, HolidayKind};

#[test]
fn official_years_are_the_projection_plus_swaps() {
    for schedule in official_schedules().into_iter().filter(|s| s.year >= 2019) {
        let official: BTreeMap<NaiveDate, HolidayKind> = schedule
            .entries
            .iter()
            .filter(|e| !matches!(e.kind, HolidayKind::Swapped | HolidayKind::MakeUp))
            .map(|e| (e.date, e.kind))
            .collect();
        let projected: BTreeMap<NaiveDate, HolidayKind> =
            rules::project_year(schedule.year, CultureDayOnWeekend::default())
                .expect("year in range")
                .into_iter()
                .map(|h| (h.date, h.kind))
                .collect();
        assert_eq!(official, projected, "year {}", schedule.year);
    }
}

#[test]
fn swaps_pair_a_weekday_off_with_a_weekend_day_worked() {
    for schedule in official_schedules() {
        let swapped: Vec<_> = schedule
            .entries
            .iter()
            .filter(|e| e.kind == HolidayKind::Swapped)
            .collect();
        let make_up: Vec<_> = schedule
            .entries
            .iter()
            .filter(|e| e.kind == HolidayKind::MakeUp)
            .collect();
        assert_eq!(swapped.len(), make_up.len(), "year {}", schedule.year);
        for e in swapped {
            assert!(
                e.date.weekday().num_days_from_monday() < 5,
                "{} is a weekday",
                e.date
            );
        }
        // Saturdays, but for Sunday 30/01/2011 (the 2011 Tết swap).
        for e in make_up {
            assert!(
                matches!(e.date.weekday(), Weekday::Sat | Weekday::Sun),
                "{} is a weekend day",
                e.date
            );
        }
    }
}

#[test]
fn the_source_covers_its_years_with_sources_and_the_2026_2027_notices_entry_by_entry() {
    let schedules = official_schedules();
    let years: Vec<i32> = schedules.iter().map(|s| s.year).collect();
    assert_eq!(years, (2010..=2027).collect::<Vec<_>>());
    assert!(schedules.iter().all(|s| !s.sources.is_empty()));
    let year = |y: i32| schedules.iter().find(|s| s.year == y).unwrap();
    // Dispatch 10065/VPCP-KGVX (02/10/2026) fixes 24/11/2026 and all of 2027.
    let culture_day = year(2026)
        .entries
        .iter()
        .find(|e| e.date == NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
        .unwrap();
    assert!(culture_day
        .source
        .as_deref()
        .unwrap()
        .contains("10065/VPCP-KGVX"));
    assert!(year(2027).entries.iter().all(|e| e
        .source
        .as_deref()
        .is_some_and(|s| s.contains("10065/VPCP-KGVX"))));
}

//! The official schedules agree with the statutory rules: every official
//! year is the rule projection plus the government's swaps. A data entry
//! that contradicts the law (a missing holiday, a substitute day in the
//! wrong place, a make-up day that is not a Saturday) fails here.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use motcua::calendar::holidays::{official_schedules, rules, HolidayKind};

#[test]
fn official_years_are_the_projection_plus_swaps() {
    for schedule in official_schedules() {
        let official: BTreeMap<NaiveDate, HolidayKind> = schedule
            .entries
            .iter()
            .filter(|e| !matches!(e.kind, HolidayKind::Swapped | HolidayKind::MakeUp))
            .map(|e| (e.date, e.kind))
            .collect();
        let projected: BTreeMap<NaiveDate, HolidayKind> = rules::project_year(schedule.year)
            .expect("year in range")
            .into_iter()
            .map(|h| (h.date, h.kind))
            .collect();
        assert_eq!(official, projected, "year {}", schedule.year);
    }
}

#[test]
fn swaps_pair_a_weekday_off_with_a_saturday_worked() {
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
        for e in make_up {
            assert_eq!(e.date.weekday(), Weekday::Sat, "{} is a Saturday", e.date);
        }
    }
}

#[test]
fn the_source_covers_2019_to_2026_with_sources() {
    let years: Vec<i32> = official_schedules().iter().map(|s| s.year).collect();
    assert_eq!(years, (2019..=2026).collect::<Vec<_>>());
    assert!(official_schedules().iter().all(|s| !s.sources.is_empty()));
}

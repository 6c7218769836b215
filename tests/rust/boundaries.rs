//! Bad input: typed errors with stable codes, never a panic, and calendars
//! that stay unchanged and usable after a rejected call.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use chrono::NaiveDate;
use motcua::calendar::holidays::{official_schedules, CalendarData, HolidayKind};
use motcua::calendar::{lunar, Calendar, ScheduleSource, WorkingSessions};
use motcua::ErrorKind;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn every_statutory_day_is_a_day_off() {
    // Worked out from the Labour Codes directly (lunar dates from the lunar
    // calendar, fixed dates from the codes), not from the calendar's entries.
    // The eve and mùng 4 are days off in every year, though a notice may
    // call one of them a substitute (mùng 4 of 2017); the dates the law
    // fixes are statutory entries.
    let cal = Calendar::vietnam();
    for year in 2000..=2100 {
        let tet = lunar::from_lunar(year, 1, 1, false).unwrap();
        // Labour Code 2012's fifth day from Tết 2014 (in force 01/05/2013).
        let tet_days = if year >= 2014 { 4 } else { 3 };
        let around_tet: Vec<NaiveDate> = (0..=tet_days)
            .map(|i| tet - chrono::Days::new(1) + chrono::Days::new(i))
            .collect();
        let mut fixed: Vec<NaiveDate> = (0..3).map(|i| tet + chrono::Days::new(i)).collect();
        fixed.extend([d(year, 1, 1), d(year, 4, 30), d(year, 5, 1), d(year, 9, 2)]);
        if year >= 2007 {
            fixed.push(lunar::from_lunar(year, 3, 10, false).unwrap());
        }
        if year >= 2026 {
            fixed.push(d(year, 11, 24)); // Resolution 28/2026/QH16
        }
        for day in around_tet.iter().chain(&fixed) {
            assert!(
                !cal.is_working_day(*day).unwrap(),
                "{day} is a statutory holiday"
            );
        }
        for day in fixed {
            assert_eq!(
                cal.holiday(day).unwrap().unwrap().kind,
                HolidayKind::Statutory,
                "{day}"
            );
        }
    }
}

#[test]
fn sessions_cannot_run_past_midnight() {
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let err = WorkingSessions::new(&[(t(20, 0), t(0, 0))]).unwrap_err();
    assert_eq!(err.code(), "calendar.invalid_sessions");
    let late = WorkingSessions::new(&[(t(20, 0), t(23, 59))]).unwrap();
    let cal = Calendar::builder().sessions(late).build().unwrap();
    let start = d(2100, 12, 31).and_hms_opt(23, 0, 0).unwrap();
    let w = cal.working_duration(0.0, 0.0, 59.0).unwrap();
    let end = cal.add_working_time(start, w).unwrap();
    assert_eq!(end, d(2100, 12, 31).and_hms_opt(23, 59, 0).unwrap());
    assert_eq!(cal.working_time_between(start, end).unwrap(), w);
}

#[test]
fn extreme_inputs_are_errors_not_panics() {
    let cal = Calendar::vietnam();
    assert_eq!(
        cal.add_working_days(d(2026, 1, 5), i32::MAX)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange
    );
    assert_eq!(
        cal.add_working_days(d(2026, 1, 5), i32::MIN)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange
    );
    assert_eq!(
        cal.is_working_day(NaiveDate::MAX).unwrap_err().kind(),
        ErrorKind::OutOfRange
    );
    assert_eq!(
        cal.is_working_day(NaiveDate::MIN).unwrap_err().kind(),
        ErrorKind::OutOfRange
    );
    assert_eq!(
        cal.add_calendar_days(d(2026, 1, 5), i32::MAX)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange
    );
    assert_eq!(
        cal.add_calendar_days(d(2026, 1, 5), -1).unwrap_err().kind(),
        ErrorKind::InvalidDuration
    );
    for (y, m, day) in [
        (i32::MIN, 1, 1),
        (i32::MAX, 1, 1),
        (2026, i32::MIN, 1),
        (2026, 1, i32::MAX),
    ] {
        assert!(lunar::from_lunar(y, m, day, false).is_err());
    }
    // A lunar date read from JSON holds any u32: the error quotes it as given.
    let huge = lunar::LunarDate {
        year: 2026,
        month: u32::MAX,
        day: 1,
        leap: false,
    };
    let err = huge.to_gregorian().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidLunarDate);
    assert!(err.to_string().contains("4294967295"), "{err}");
    assert_eq!(lunar::year_name(i32::MAX), "Đinh Mão");
    assert_eq!(lunar::year_name(i32::MIN), "Nhâm Tý");
    for bad in [f64::NAN, f64::INFINITY, -0.5, 1e300] {
        assert_eq!(
            cal.working_duration(bad, 0.0, 0.0).unwrap_err().kind(),
            ErrorKind::InvalidDuration
        );
    }
    assert_eq!(
        lunar::to_lunar(NaiveDate::MAX).unwrap_err().code(),
        "calendar.out_of_range"
    );
    // Still fully usable.
    assert_eq!(
        cal.add_working_days(d(2026, 2, 13), 1).unwrap(),
        d(2026, 2, 23)
    );
}

#[test]
fn malformed_data_names_the_field_and_the_value() {
    let cases = [
        ("not json", "not valid JSON"),
        (r#"[]"#, "expected an object"),
        (r#"{"overides": []}"#, "unknown field \"overides\""),
        (
            r#"{"overrides": [{"date": "2026-13-01", "kind": "closure", "name_vi": "a", "name_en": "b"}]}"#,
            "overrides[0].date: \"2026-13-01\"",
        ),
        (
            r#"{"overrides": [{"date": "2026-11-24", "kind": "party", "name_vi": "a", "name_en": "b"}]}"#,
            "overrides[0].kind: \"party\"",
        ),
        (
            r#"{"overrides": [{"date": "2026-11-24", "kind": "closure", "name_vi": "", "name_en": "b"}]}"#,
            "overrides[0].name_vi",
        ),
        (
            r#"{"overrides": [{"date": "2026-11-24", "kind": "closure", "name_en": "b"}]}"#,
            "overrides[0].name_vi: missing",
        ),
        (
            r#"{"years": [{"year": 3000, "entries": []}]}"#,
            "years[0].year: 3000",
        ),
        (r#"{"years": null}"#, "years: expected an array, found null"),
        (
            r#"{"version": "1", "version": "2"}"#,
            "the key \"version\" is given twice",
        ),
        (
            r#"{"years": [{"year": 2027, "entries": [{"date": "2029-01-01", "kind": "statutory", "name_vi": "a", "name_en": "b"}]}]}"#,
            "too far",
        ),
        (
            r#"{"overrides": [{"date": "2026-11-24", "kind": "closure", "name_vi": "a", "name_en": "b"}, {"date": "2026-11-24", "kind": "closure", "name_vi": "a", "name_en": "b"}]}"#,
            "appears twice",
        ),
    ];
    for (json, expected) in cases {
        let err = CalendarData::from_json(json).unwrap_err();
        assert_eq!(err.code(), "calendar.invalid_data", "{json}");
        assert!(
            err.message().contains(expected),
            "{json}: {}",
            err.message()
        );
    }
}

#[test]
fn loaded_data_replaces_a_year_and_overrides_without_touching_the_original() {
    let cal = Calendar::vietnam();
    // A year's loaded schedule replaces the embedded one: 2027 without its
    // substitute day of 04/02, say.
    let mut year = official_schedules()
        .into_iter()
        .find(|y| y.year == 2027)
        .unwrap();
    year.entries.retain(|e| e.date != d(2027, 2, 4));
    let data = CalendarData {
        years: vec![year],
        ..CalendarData::from_json(
            r#"{"overrides": [{"date": "2026-11-23", "kind": "closure", "name_vi": "Nghỉ", "name_en": "Closed"},
                          {"date": "2026-11-28", "kind": "extra_working_day", "name_vi": "Làm việc thứ Bảy", "name_en": "Saturday opening"}]}"#,
        )
        .unwrap()
    };
    let loaded = cal.with_data(data).unwrap();
    assert!(!loaded.is_working_day(d(2026, 11, 23)).unwrap());
    assert!(loaded.is_working_day(d(2026, 11, 28)).unwrap());
    assert!(loaded.is_working_day(d(2027, 2, 4)).unwrap());
    assert!(!loaded.is_working_day(d(2027, 2, 5)).unwrap());
    assert!(matches!(
        loaded.schedule_source(2027).unwrap(),
        ScheduleSource::Loaded(_)
    ));
    assert_eq!(
        loaded.holiday(d(2026, 11, 23)).unwrap().unwrap().kind,
        HolidayKind::Closure
    );
    // The original calendar is unchanged.
    assert!(cal.is_working_day(d(2026, 11, 23)).unwrap());
    assert!(!cal.is_working_day(d(2027, 2, 4)).unwrap());
}

#[test]
fn data_that_makes_a_statutory_day_a_working_day_is_refused_naming_the_date() {
    // A 2027 schedule written before Resolution 28/2026/QH16 leaves out 24/11.
    let mut year = official_schedules()
        .into_iter()
        .find(|y| y.year == 2027)
        .unwrap();
    year.entries.retain(|e| e.date != d(2027, 11, 24));
    let err = Calendar::vietnam()
        .with_data(CalendarData {
            years: vec![year],
            ..CalendarData::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), "calendar.invalid_data");
    assert!(err.message().contains("2027-11-24"), "{}", err.message());
    assert!(err.message().contains("28/2026/QH16"), "{}", err.message());
    // An override that works a statutory day without a source and a swap.
    let worked = r#"{"overrides": [{"date": "2026-09-02", "kind": "extra_working_day", "name_vi": "Làm việc", "name_en": "Open"}]}"#;
    let err = Calendar::vietnam()
        .with_data(CalendarData::from_json(worked).unwrap())
        .unwrap_err();
    assert_eq!(err.code(), "calendar.invalid_data");
    assert!(err.message().contains("2026-09-02"), "{}", err.message());
    // With its source and the swapped day off it moved to, it is accepted.
    let swapped = r#"{"overrides": [
        {"date": "2026-09-02", "kind": "extra_working_day", "name_vi": "Làm việc", "name_en": "Open", "source": "Công văn 1/UBND (01/08/2026)"},
        {"date": "2026-09-04", "kind": "swapped", "name_vi": "Nghỉ hoán đổi", "name_en": "Swapped day off"}]}"#;
    let cal = Calendar::vietnam()
        .with_data(CalendarData::from_json(swapped).unwrap())
        .unwrap();
    assert!(cal.is_working_day(d(2026, 9, 2)).unwrap());
    assert!(!cal.is_working_day(d(2026, 9, 4)).unwrap());
}

#[test]
fn invalid_sessions_and_ranges_are_rejected() {
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(
        WorkingSessions::new(&[]).unwrap_err().code(),
        "calendar.invalid_sessions"
    );
    assert_eq!(
        WorkingSessions::new(&[(t(8, 0), t(12, 0)), (t(11, 0), t(17, 0))])
            .unwrap_err()
            .code(),
        "calendar.invalid_sessions"
    );
    let err = Calendar::builder()
        .first(d(1999, 12, 31))
        .build()
        .unwrap_err();
    assert_eq!(err.code(), "calendar.out_of_range");
    assert_eq!(
        Calendar::builder()
            .working_weekdays(&[])
            .build()
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn custom_sessions_change_the_day_length() {
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let cal = Calendar::builder()
        .sessions(WorkingSessions::new(&[(t(7, 0), t(11, 30)), (t(13, 30), t(17, 0))]).unwrap())
        .build()
        .unwrap();
    let start = NaiveDate::from_ymd_opt(2023, 10, 27)
        .unwrap()
        .and_hms_opt(16, 0, 0)
        .unwrap();
    let due = cal
        .add_working_time(start, cal.working_duration(0.0, 2.0, 0.0).unwrap())
        .unwrap();
    assert_eq!(
        due,
        NaiveDate::from_ymd_opt(2023, 10, 30)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap()
    );
}

#[test]
fn every_official_entry_is_reproduced_exactly() {
    use motcua::calendar::holidays::{official_schedules, Provenance};
    let cal = Calendar::vietnam();
    let mut count = 0;
    for schedule in official_schedules() {
        for e in &schedule.entries {
            let h = cal.holiday(e.date).unwrap().unwrap();
            assert_eq!(
                (h.kind, &h.name_vi, &h.name_en),
                (e.kind, &e.name_vi, &e.name_en),
                "{}",
                e.date
            );
            assert_eq!(h.provenance, Provenance::Official);
            assert_eq!(
                cal.is_working_day(e.date).unwrap(),
                !e.kind.is_day_off(),
                "{}",
                e.date
            );
            count += 1;
        }
    }
    assert!(count > 100, "{count} entries");
}

#[test]
fn a_schedule_gives_its_sources_in_vietnamese_one_for_one() {
    let cal = Calendar::vietnam();
    let source = cal.schedule_source(2026).unwrap();
    assert_eq!(source.sources_vi().len(), source.sources().len());
    assert!(source
        .sources_vi()
        .iter()
        .any(|s| s.starts_with("Công văn 10065/VPCP-KGVX")));
    let doc = r#"{"years": [{"year": 2027, "sources": ["a", "b"], "sources_vi": ["một"],
        "entries": [{"date": "2027-02-05", "kind": "swapped", "name_vi": "Nghỉ", "name_en": "Off"}]}]}"#;
    let err = CalendarData::from_json(doc).unwrap_err();
    assert!(err.message().contains("one for one"), "{}", err.message());
    // A loaded year without Vietnamese sources is shown as cited.
    let mut year = official_schedules()
        .into_iter()
        .find(|y| y.year == 2027)
        .unwrap();
    year.sources_vi.clear();
    let data = CalendarData {
        years: vec![year],
        ..CalendarData::default()
    };
    let loaded = cal.with_data(data).unwrap();
    let source = loaded.schedule_source(2027).unwrap();
    assert!(!source.sources().is_empty());
    assert_eq!(source.sources_vi(), source.sources());
}

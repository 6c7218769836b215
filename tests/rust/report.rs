//! The II.06a period report: hand-counted cases and the form's identities
//! on random dossiers.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::sync::Arc;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use motcua::calendar::{iso, Calendar};
use motcua::dossier::{Dossier, DossierCode, Event, EventKind};
use motcua::procedure::{Channel, Procedure};
use motcua::report::{
    Added, Counts, Ending, Exclusion, GroupBy, Period, PeriodReport, ReportRecord,
};
use motcua_tests::received_online;
use proptest::prelude::*;

fn t(s: &str) -> NaiveDateTime {
    iso::parse_instant(s).unwrap()
}

fn procedure(code: &str, agency: &str) -> Arc<Procedure> {
    Arc::new(
        Procedure::from_json(&format!(
            r#"{{"code": "{code}", "name": "P", "agency": "{agency}", "field": "F",
                "processing_time": {{"kind": "working_days", "days": 5}}}}"#
        ))
        .unwrap(),
    )
}

/// A code of its own for each dossier (a report counts a dossier once).
fn next_code() -> DossierCode {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    DossierCode::parse(&format!("000.00.06.H56-231002-{:04}", 1 + n % 9_999)).unwrap()
}

fn dossier(p: &Arc<Procedure>, channel: Channel, events: &[(&str, EventKind)]) -> Dossier {
    let events = events
        .iter()
        .map(|(at, k)| Event::new(t(at), "x", k.clone()))
        .collect();
    Dossier::from_log(
        p.clone(),
        &Calendar::vietnam(),
        next_code(),
        channel,
        None,
        events,
    )
    .unwrap()
}

#[test]
fn a_quarter_counted_by_hand() {
    let a = procedure("1.000001", "Sở A");
    let b = procedure("1.000002", "Sở B");
    use EventKind::*;
    let dossiers = [
        // Carried over from September, resolved early in October.
        dossier(
            &a,
            Channel::Direct,
            &[
                ("2023-09-28T09:00", Accepted),
                ("2023-10-03T09:00", Resolved),
            ],
        ),
        // Online in the quarter, resolved on the due date after the due time: on time by date.
        dossier(
            &a,
            Channel::Online,
            &[
                ("2023-10-02T08:00", Accepted),
                ("2023-10-09T10:00", Resolved),
            ],
        ),
        // Postal, resolved late.
        dossier(
            &b,
            Channel::Postal,
            &[
                ("2023-10-02T08:00", Accepted),
                ("2023-10-10T10:00", Resolved),
            ],
        ),
        // Direct, still open at the end of the quarter and overdue.
        dossier(&b, Channel::Direct, &[("2023-12-01T08:00", Accepted)]),
        // Direct, resolved after the quarter: in progress, within time, at its end.
        dossier(
            &b,
            Channel::Direct,
            &[
                ("2023-12-28T08:00", Accepted),
                ("2024-01-03T08:00", Resolved),
            ],
        ),
        // Withdrawn in the quarter.
        dossier(
            &a,
            Channel::Direct,
            &[
                ("2023-11-02T08:00", Accepted),
                ("2023-11-03T08:00", Withdrawn),
            ],
        ),
        // Refused at reception in the quarter.
        dossier(
            &a,
            Channel::Online,
            &[
                ("2023-11-02T08:00", Submitted),
                (
                    "2023-11-02T09:00",
                    Refused {
                        reason: String::new(),
                    },
                ),
            ],
        ),
        // Left out: ended before, received after, never accepted.
        dossier(
            &a,
            Channel::Direct,
            &[
                ("2023-09-01T08:00", Accepted),
                ("2023-09-05T08:00", Resolved),
            ],
        ),
        dossier(&a, Channel::Direct, &[("2024-01-02T08:00", Accepted)]),
        dossier(&a, Channel::Online, &[("2023-12-30T08:00", Submitted)]),
    ];
    let mut report = PeriodReport::new(Period::quarter(2023, 4).unwrap(), GroupBy::Agency);
    for d in &dossiers {
        let _ = report.add(d).unwrap();
    }
    let total = report.total();
    assert_eq!(
        total,
        Counts {
            received: 6,
            received_online: 1,
            received_direct_postal: 4,
            carried_over: 1,
            resolved: 3,
            early: 1,
            on_time: 1,
            late: 1,
            in_progress: 2,
            within_time: 1,
            overdue: 1,
            withdrawn: 1,
            stopped: 0,
            refused_after_appraisal: 0,
            refused: 1,
        }
    );
    assert!(total.identities_hold());
    assert_eq!(report.rows["Sở B"].received, 3);
    assert_eq!(report.excluded[&Exclusion::EndedBefore], 1);
    assert_eq!(report.excluded[&Exclusion::ReceivedAfter], 1);
    assert_eq!(report.excluded[&Exclusion::NotAccepted], 1);
    assert!(Period::new(
        NaiveDate::from_ymd_opt(2023, 2, 1).unwrap(),
        NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
    )
    .is_err());
    assert_eq!(
        Period::quarter(2023, 5).unwrap_err().code(),
        "invalid_argument"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn identities_hold_for_any_dossiers(specs in prop::collection::vec((0u64..200, 0u8..6, 0u64..60, 0u8..3), 1..60)) {
        let n = specs.len();
        let p = procedure("1.000003", "Sở C");
        let base = NaiveDate::from_ymd_opt(2023, 8, 1).unwrap();
        let mut report = PeriodReport::new(Period::quarter(2023, 4).unwrap(), GroupBy::Procedure);
        for (day, outcome, length, channel) in specs {
            let at = (base + Days::new(day)).and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
            let end = at + chrono::Duration::days(length as i64 + 1);
            let channel = [Channel::Direct, Channel::Online, Channel::Postal][channel as usize];
            let mut events = vec![Event::new(at, "x", EventKind::Accepted)];
            match outcome {
                0 => events.push(Event::new(end, "x", EventKind::Resolved)),
                1 => events.push(Event::new(end, "x", EventKind::Withdrawn)),
                2 => events.push(Event::new(end, "x", EventKind::Suspended { reason: String::new() })),
                3 => {
                    events.push(Event::new(end, "x", EventKind::Resolved));
                    events.push(Event::new(end + chrono::Duration::days(1), "x", EventKind::ResultReturned));
                }
                _ => {}
            }
            let d = Dossier::from_log(p.clone(), &Calendar::vietnam(), next_code(), channel, None, events).unwrap();
            let _ = report.add(&d).unwrap();
        }
        let total = report.total();
        prop_assert!(total.identities_hold(), "{:?}", total);
        let excluded: u64 = report.excluded.values().sum();
        prop_assert_eq!(report.counted() + excluded, n as u64);
    }
}

#[test]
fn overdue_by_date_paused_dossiers_included_and_inconsistent_records_left_out() {
    let t = |s: &str| iso::parse_instant(s);
    let mut report = PeriodReport::new(Period::month(2023, 10).unwrap(), GroupBy::Total);
    let open = |due: &str, paused: bool| ReportRecord {
        channel: Channel::Direct,
        received_at: t("2023-10-02T08:00"),
        due_at: t(due),
        ended_at: None,
        ending: None,
        paused,
        supplement_requests: 0,
        facts: None,
    };
    // Due on the last day at 17:00: within time by date.
    report.add_record("", &open("2023-10-31T17:00", false));
    // Overdue since the 20th, paused later: still overdue.
    report.add_record("", &open("2023-10-20T08:00", true));
    let inconsistent = ReportRecord {
        ended_at: t("2023-10-01T08:00"),
        ending: Some(Ending::Resolved),
        ..open("2023-10-20T08:00", false)
    };
    assert_eq!(
        report.add_record("", &inconsistent),
        Added::Excluded(Exclusion::Inconsistent)
    );
    let total = report.total();
    assert_eq!((total.within_time, total.overdue), (1, 1));
    assert!(total.identities_hold());
    assert_eq!(
        Period::parse("2023-Q4").unwrap(),
        Period::quarter(2023, 4).unwrap()
    );
    assert_eq!(
        Period::parse("2023-10-01/2023-10-31").unwrap(),
        Period::month(2023, 10).unwrap()
    );
    assert!(Period::parse("2023-13").is_err() && Period::parse("Q4").is_err());
    // A period writes the text it is parsed from, in its shortest form.
    for text in ["2026", "2026-07", "2026-Q3", "2026-07-01/2026-08-15"] {
        assert_eq!(Period::parse(text).unwrap().to_string(), text);
    }
    assert_eq!(
        Period::parse("2023-10-01/2023-10-31").unwrap().to_string(),
        "2023-10"
    );
    assert_eq!(
        Period::parse("2023-01-01/2023-12-31").unwrap().to_string(),
        "2023"
    );
}

#[test]
fn a_dossier_added_twice_is_an_error_naming_it_and_changes_nothing() {
    let p = procedure("1.000003", "Sở C");
    let d = dossier(
        &p,
        Channel::Direct,
        &[("2023-10-02T08:00", EventKind::Accepted)],
    );
    let q4 = Period::quarter(2023, 4).unwrap();
    let mut report = PeriodReport::new(q4, GroupBy::Agency);
    report.add(&d).unwrap();
    let before = report.clone();
    let err = report.add(&d).unwrap_err();
    assert_eq!(err.code(), "dossier.duplicate_code");
    assert!(err.message().contains(&d.code().to_string()), "{err}");
    assert_eq!(report, before);
    // Two parts that both counted it do not merge either.
    let mut other = PeriodReport::new(q4, GroupBy::Agency);
    other.add(&d).unwrap();
    assert_eq!(
        report.merge(&other).unwrap_err().code(),
        "dossier.duplicate_code"
    );
    assert_eq!(report, before);
}

#[test]
fn counts_columns_are_the_json_fields_in_their_order() {
    // Every field a different value, so a column naming the wrong field
    // shows.
    let counts: Counts = serde_json::from_str(
        r#"{"received": 1, "received_online": 2, "received_direct_postal": 3,
            "carried_over": 4, "resolved": 5, "early": 6, "on_time": 7, "late": 8,
            "in_progress": 9, "within_time": 10, "overdue": 11, "withdrawn": 12,
            "stopped": 13, "refused_after_appraisal": 14, "refused": 15}"#,
    )
    .unwrap();
    let written = serde_json::to_string(&counts).unwrap();
    let columns = counts
        .columns()
        .iter()
        .map(|(name, value)| format!("\"{name}\":{value}"))
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(written, format!("{{{columns}}}"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Rows come in key order, whatever prefix the keys share, however
    /// long they are (past the 16 bytes sorted first, or one the start
    /// of another) and whatever bytes they hold (a zero byte, Vietnamese).
    #[test]
    fn rows_come_in_key_order(
        prefix in prop::sample::select(vec!["", "000.00.00.H56-", "Sở "]),
        tails in prop::collection::vec("[a\u{0}Đ0-9]{0,20}", 0..60),
    ) {
        let mut report = PeriodReport::new(Period::quarter(2026, 3).unwrap(), GroupBy::Agency);
        let record = received_online(t("2026-08-03T08:00:00"));
        let keys: Vec<String> = tails.iter().map(|tail| format!("{prefix}{tail}")).collect();
        for key in &keys {
            report.add_record(key, &record);
        }
        let mut expected = keys.clone();
        expected.sort();
        expected.dedup();
        let got: Vec<&String> = report.rows.keys().collect();
        prop_assert_eq!(got, expected.iter().collect::<Vec<_>>());
    }
}

//! Mergeable results: the II.06a report and the index inputs computed on
//! parts of the data and merged equal those computed on the whole, in any
//! order and grouping of merges; a merge of different periods or groupings
//! is a typed error that changes nothing.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use chrono::{Duration, NaiveDate, NaiveDateTime};
use motcua::calendar::Calendar;
use motcua::dossier::{Fact, Facts};
use motcua::index::PeriodSummary;
use motcua::procedure::Channel;
use motcua::report::{CodedRows, Ending, GroupBy, Period, ReportRecord};
use motcua::ErrorKind;
use motcua_tests::received_online;
use proptest::prelude::*;

fn at(minutes: i64) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 5, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        + Duration::minutes(minutes)
}

/// A record around the third quarter of 2026: received before, in or
/// after it, ended or not, in every way, with or without facts.
fn record() -> impl Strategy<Value = (u8, ReportRecord)> {
    (
        0u8..6,
        0u8..3,
        0i64..220 * 24 * 60,
        proptest::option::of(0i64..40 * 24 * 60),
        proptest::option::of((0i64..60 * 24 * 60, 0u8..5)),
        any::<bool>(),
        0u32..3,
        proptest::option::of(any::<u16>()),
    )
        .prop_map(
            |(key, channel, received, due, end, paused, supplements, facts)| {
                let received_at = at(received);
                let (ended_at, ending) = match end {
                    Some((after, kind)) => (
                        Some(received_at + Duration::minutes(after)),
                        Some(
                            [
                                Ending::Resolved,
                                Ending::Withdrawn,
                                Ending::Stopped,
                                Ending::RefusedAfterAppraisal,
                                Ending::Resolved,
                            ][kind as usize],
                        ),
                    ),
                    None => (None, None),
                };
                let facts = facts.map(|bits| {
                    Fact::ALL
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .map(|(_, f)| *f)
                        .collect::<Facts>()
                });
                let record = ReportRecord {
                    channel: [Channel::Direct, Channel::Online, Channel::Postal][channel as usize],
                    received_at: Some(received_at),
                    due_at: due.map(|d| received_at + Duration::minutes(d)),
                    ended_at,
                    ending,
                    paused: paused && ending.is_none(),
                    supplement_requests: supplements,
                    facts,
                };
                (key, record)
            },
        )
}

fn summary(records: &[(u8, ReportRecord)]) -> PeriodSummary {
    let mut s = PeriodSummary::new(Period::quarter(2026, 3).unwrap(), GroupBy::Agency);
    for (key, record) in records {
        s.add_record(&format!("Sở {key}"), record);
    }
    s
}

/// The summary of `records` counted by the code of their key (the key's
/// number), in `parts` counted apart (on slots of each kind) and merged,
/// its rows then named by labels moved into them.
fn coded_summary(
    group_by: GroupBy,
    records: &[(u8, ReportRecord)],
    parts: &[usize],
) -> PeriodSummary {
    let labels: Vec<String> = (0..6).map(|key| format!("Sở {key}")).collect();
    let mut counted = vec![
        (
            PeriodSummary::new(Period::quarter(2026, 3).unwrap(), group_by),
            CodedRows::default()
        );
        3
    ];
    // Slots of every kind: hashed, one per label, and fewer than the labels.
    counted[1].1 = CodedRows::dense(labels.len());
    counted[2].1 = CodedRows::dense(2);
    for ((key, record), &part) in records.iter().zip(parts) {
        let (summary, rows) = &mut counted[part % 3];
        summary.add_coded_record(rows, u32::from(*key), record);
    }
    let (mut summary, mut rows) = counted[0].clone();
    for (s, r) in &counted[1..] {
        summary.merge(s).unwrap();
        rows.add_all(r);
    }
    summary.report.add_coded_rows(rows, labels).unwrap();
    summary
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn counting_by_code_equals_counting_by_key(
        records in proptest::collection::vec(record(), 0..120),
        parts in proptest::collection::vec(0usize..3, 120),
        cut in 0usize..120,
    ) {
        for group_by in [GroupBy::Agency, GroupBy::Total] {
            let mut keyed = PeriodSummary::new(Period::quarter(2026, 3).unwrap(), group_by);
            for (key, record) in &records {
                keyed.add_record(&format!("Sở {key}"), record);
            }
            let coded = coded_summary(group_by, &records, &parts);
            prop_assert_eq!(&coded, &keyed);
            prop_assert_eq!(coded.report.rows.len(), keyed.report.rows.len());
            // Named into a report that has rows already: they add up.
            let cut = cut.min(records.len());
            let mut whole = PeriodSummary::new(Period::quarter(2026, 3).unwrap(), group_by);
            for (key, record) in &records[..cut] {
                whole.add_record(&format!("Sở {key}"), record);
            }
            let mut rows = CodedRows::default();
            for (key, record) in &records[cut..] {
                whole.add_coded_record(&mut rows, u32::from(*key), record);
            }
            // Labels borrowed, as the parts of a split table name theirs.
            let labels: Vec<String> = (0..6).map(|key| format!("Sở {key}")).collect();
            whole.report.add_coded_rows(rows, &labels).unwrap();
            prop_assert_eq!(&whole, &keyed);
        }
    }

    #[test]
    fn merging_the_parts_equals_counting_the_whole(
        records in proptest::collection::vec(record(), 0..120),
        parts in proptest::collection::vec(0usize..5, 120),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let whole = summary(&records);
        let mut split: Vec<Vec<(u8, ReportRecord)>> = vec![Vec::new(); 5];
        for (i, r) in records.iter().enumerate() {
            split[parts[i]].push(r.clone());
        }
        let summaries: Vec<PeriodSummary> = split.iter().map(|p| summary(p)).collect();
        // In order, left to right.
        let mut left = summaries[0].clone();
        for s in &summaries[1..] {
            left.merge(s).unwrap();
        }
        prop_assert_eq!(&left, &whole);
        // Reversed and as a tree: ((4 3) (2 (1 0))).
        let mut a = summaries[4].clone();
        a.merge(&summaries[3]).unwrap();
        let mut b = summaries[1].clone();
        b.merge(&summaries[0]).unwrap();
        let mut c = summaries[2].clone();
        c.merge(&b).unwrap();
        a.merge(&c).unwrap();
        prop_assert_eq!(&a.report, &whole.report);
        prop_assert_eq!(&a.counter, &whole.counter);
        // Rotated by a random amount.
        let k = (order % 5) as usize;
        let mut rotated = summaries[k].clone();
        for s in summaries.iter().cycle().skip(k + 1).take(4) {
            rotated.merge(s).unwrap();
        }
        prop_assert_eq!(&rotated, &whole);
        let cal = Calendar::vietnam();
        prop_assert_eq!(
            left.index_inputs(None, None, &cal).unwrap(),
            whole.index_inputs(None, None, &cal).unwrap()
        );
        prop_assert!(left.report.total().identities_hold());
        // A summary travels as JSON (between workers) and reads back whole.
        let json = serde_json::to_string(&summaries[1]).unwrap();
        prop_assert_eq!(&serde_json::from_str::<PeriodSummary>(&json).unwrap(), &summaries[1]);
    }
}

/// A dossier received online in 2026's third quarter, still in progress.
fn received_in_q3() -> ReportRecord {
    received_online(at(100 * 24 * 60))
}

#[test]
fn a_code_past_the_labels_is_an_error_that_changes_nothing() {
    let mut summary = PeriodSummary::new(Period::quarter(2026, 3).unwrap(), GroupBy::Agency);
    let mut rows = CodedRows::default();
    let record = received_in_q3();
    summary.add_coded_record(&mut rows, 0, &record);
    summary.add_coded_record(&mut rows, 2, &record);
    let before = summary.clone();
    let labels = vec!["Sở Y tế".to_owned(), "Sở Tư pháp".to_owned()];
    let err = summary
        .report
        .add_coded_rows(rows.clone(), &labels)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert_eq!(summary, before);
    let err = summary.report.add_coded_rows(rows, labels).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert!(err.message().contains("group code 2"), "{err}");
    assert_eq!(summary, before);
}

#[test]
fn reports_of_different_periods_or_groupings_do_not_merge() {
    let mut q3 = PeriodSummary::new(Period::quarter(2026, 3).unwrap(), GroupBy::Agency);
    let record = received_in_q3();
    q3.add_record("Sở Y tế", &record);
    let before = q3.clone();
    for other in [
        PeriodSummary::new(Period::quarter(2026, 4).unwrap(), GroupBy::Agency),
        PeriodSummary::new(Period::quarter(2026, 3).unwrap(), GroupBy::Field),
    ] {
        let err = q3.merge(&other).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.message().contains("cannot merge"), "{err}");
        assert_eq!(q3, before, "a refused merge changes nothing");
    }
}

#[test]
fn a_summary_read_from_json_is_checked() {
    for bad in [
        r#"{"report": {"period": {"first": "2026-09-30", "last": "2026-07-01"}, "group_by": "agency", "rows": {}, "excluded": {}}, "counter": {"processed": 0, "on_time": 0, "received_online": 0, "received_in_period": 0, "kinds": []}, "paid_online": null}"#,
        r#"{"report": {"period": {"first": "2026-07-01", "last": "2026-09-30"}, "group_by": "agency", "rows": {}, "excluded": {}}, "counter": {"processed": 0, "on_time": 0, "received_online": 0, "received_in_period": 0, "kinds": [[99999, 1]]}, "paid_online": null}"#,
        r#"{"report": {"period": {"first": "2026-07-01", "last": "2026-09-30"}, "group_by": "agency", "rows": {"Sở": {"received": 1}}, "excluded": {}}, "counter": {"processed": 0, "on_time": 0, "received_online": 0, "received_in_period": 0, "kinds": []}, "paid_online": null}"#,
    ] {
        assert!(serde_json::from_str::<PeriodSummary>(bad).is_err(), "{bad}");
    }
}

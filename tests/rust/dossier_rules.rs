//! The clock's finer rules: whole seconds, restarts inside a workflow step,
//! step budgets on the channel's time, pauses of whole-day deadlines,
//! extensions, submissions, and personal data in errors.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDateTime};
use motcua::calendar::{iso, Calendar};
use motcua::dossier::{Dossier, DossierCode, DossierOn, Status};
use motcua::procedure::{Channel, Procedure};

fn t(s: &str) -> NaiveDateTime {
    iso::parse_instant(s).unwrap()
}

fn procedure(json: &str) -> Arc<Procedure> {
    Arc::new(Procedure::from_json(json).unwrap())
}

fn code() -> DossierCode {
    DossierCode::parse("000.00.06.H56-231002-0001").unwrap()
}

const WORKFLOW: &str = r#"{"code": "1.000010", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5},
    "online_processing_time": {"kind": "working_days", "days": 3},
    "workflow": [{"id": "a", "name": "A", "agency": "X", "budget": 1}, {"id": "b", "name": "B", "agency": "Y", "budget": 4}]}"#;

#[test]
fn instants_keep_whole_seconds_so_replays_agree() {
    let cal = Calendar::vietnam();
    let p = procedure(WORKFLOW);
    let received = t("2023-10-02T08:00") + Duration::milliseconds(400);
    let mut d = Dossier::receive(p, &cal, code(), Channel::Direct, received, "x").unwrap();
    assert_eq!(d.received_at(), Some(t("2023-10-02T08:00")));
    let due = d.due_at().unwrap();
    // Half a second later than the due date is the same whole second: not later.
    let err = d
        .extend(
            t("2023-10-03T08:00"),
            "x",
            due + Duration::milliseconds(500),
            "",
        )
        .unwrap_err();
    assert_eq!(err.code(), "dossier.invalid_extension");
    d.resolve(due + Duration::milliseconds(500), "x").unwrap();
    let again = Dossier::from_json(&d.to_json().unwrap(), &cal).unwrap();
    assert_eq!(again.state(), d.state());
}

#[test]
fn a_restart_restarts_the_open_step_too() {
    let cal = Calendar::vietnam();
    let mut d = Dossier::receive(
        procedure(WORKFLOW),
        &cal,
        code(),
        Channel::Direct,
        t("2023-10-02T08:00"),
        "x",
    )
    .unwrap();
    d.route(t("2023-10-02T08:00"), "x", "a").unwrap();
    d.route(t("2023-10-02T09:00"), "x", "b").unwrap();
    d.request_supplement(t("2023-10-03T09:00"), "x", "")
        .unwrap();
    d.complete_supplement(t("2023-10-05T09:00"), "x").unwrap();
    d.resolve(t("2023-10-12T09:00"), "x").unwrap();
    let usage = d.step_usage().unwrap();
    let b = usage.into_iter().find(|u| u.step == "b").unwrap();
    // From the restart on Thu 05/10 09:00 to Thu 12/10 09:00: 5 working days.
    assert_eq!(b.used_hours, 5.0 * 8.0);
    assert_eq!(b.budget_hours, 4.0 * 8.0);
    assert_eq!(b.overspent_hours, 8.0);
    assert!(b.overspent());
}

#[test]
fn step_budgets_divide_the_channels_time_and_the_open_step_counts() {
    let cal = Calendar::vietnam();
    let mut d = Dossier::receive(
        procedure(WORKFLOW),
        &cal,
        code(),
        Channel::Online,
        t("2023-10-02T08:00"),
        "x",
    )
    .unwrap();
    assert_eq!(d.due_at(), Some(t("2023-10-05T08:00")));
    d.route(t("2023-10-02T08:00"), "x", "a").unwrap();
    let usage = d.step_usage_at(t("2023-10-03T08:00")).unwrap();
    // 1/5 of the 3 online days is 0.6 day; one working day used so far.
    assert_eq!(usage[0].budget_hours, 0.6 * 8.0);
    assert_eq!(usage[0].used_hours, 8.0);
    // The open step is already past its budget: 8 h used of 4.8 h.
    assert_eq!(usage[0].overspent_hours, 3.2);
}

#[test]
fn a_pause_keeps_a_close_of_day_deadline_at_a_close_of_day() {
    let cal = Calendar::vietnam();
    let p = procedure(
        r#"{"code": "1.000011", "name": "Thử", "processing_time": {"kind": "working_days", "days": 2}, "due_policy": "end_of_day", "stop_policy": "pause"}"#,
    );
    let mut d =
        Dossier::receive(p, &cal, code(), Channel::Direct, t("2023-10-02T09:00"), "x").unwrap();
    assert_eq!(d.due_at(), Some(t("2023-10-04T17:00")));
    d.suspend(t("2023-10-03T09:00"), "x", "").unwrap();
    d.resume(t("2023-10-03T11:00"), "x").unwrap();
    assert_eq!(d.due_at(), Some(t("2023-10-05T17:00")));
}

#[test]
fn an_appointment_must_be_in_the_future_of_the_apology() {
    let cal = Calendar::vietnam();
    let p = procedure(
        r#"{"code": "1.000012", "name": "Thử", "processing_time": {"kind": "working_hours", "hours": 2}}"#,
    );
    let mut d =
        Dossier::receive(p, &cal, code(), Channel::Direct, t("2023-10-02T08:00"), "x").unwrap();
    let err = d
        .extend(t("2023-10-06T09:00"), "x", t("2023-10-04T17:00"), "")
        .unwrap_err();
    assert_eq!(err.code(), "dossier.invalid_extension");
    d.extend(t("2023-10-06T09:00"), "x", t("2023-10-09T17:00"), "")
        .unwrap();
    assert_eq!(d.violations()[0].code(), "late_apology");
}

#[test]
fn submitted_dossiers_wait_for_acceptance() {
    let cal = Calendar::vietnam();
    let p = procedure(WORKFLOW);
    let mut d = Dossier::submit(
        p,
        &cal,
        code(),
        Channel::Online,
        t("2023-10-01T21:00"),
        "portal",
    )
    .unwrap();
    assert_eq!(d.status(), Status::Submitted);
    assert_eq!(d.due_at(), None);
    d.accept(t("2023-10-02T08:00"), "officer").unwrap();
    assert_eq!(d.due_at(), Some(t("2023-10-05T08:00")));
    let empty = Dossier::from_log(
        procedure(WORKFLOW),
        &cal,
        code(),
        Channel::Direct,
        None,
        vec![],
    );
    assert_eq!(empty.unwrap_err().code(), "dossier.invalid");
}

#[test]
fn errors_never_echo_an_applicants_data() {
    let cal = Calendar::vietnam();
    let d = Dossier::receive(
        procedure(WORKFLOW),
        &cal,
        code(),
        Channel::Direct,
        t("2023-10-02T08:00"),
        "x",
    )
    .unwrap();
    let json = d.to_json().unwrap().replace(
        "\"events\"",
        "\"applicant\": {\"name\": \"Nguyễn Văn An\", \"id_number\": 1203004567}, \"events\"",
    );
    let err = Dossier::from_json(&json, &cal).unwrap_err();
    assert_eq!(err.code(), "dossier.invalid");
    assert!(err.message().contains("applicant.id_number"));
    assert!(!err.message().contains("1203004567"), "{}", err.message());
    let a = motcua::dossier::Applicant {
        phone: "113".into(),
        ..Default::default()
    };
    assert!(!format!("{a:?}").contains("113"));
}

#[test]
fn calendar_days_explain_only_the_move_of_a_last_day_off() {
    // 30 calendar days from Friday 13/02/2026 end on Sunday 15/03/2026: the
    // Tết days inside count (they are calendar days), the Sunday moves the
    // deadline to Monday 16/03 (Civil Code art. 148), and the estimate says
    // exactly that.
    let p = procedure(
        r#"{"code": "1.000009", "name": "Cấp phép",
            "processing_time": {"kind": "calendar_days", "days": 30}}"#,
    );
    let cal = Calendar::vietnam();
    let clock = motcua::dossier::Clock::new(&cal, &p, Channel::Direct);
    let motcua::dossier::Estimate {
        due_at: due,
        explanation: notes,
    } = clock.estimate(t("2026-02-13T09:30")).unwrap();
    assert_eq!(due.unwrap().date().to_string(), "2026-03-16");
    let rules: Vec<&str> = notes.entries.iter().map(|e| e.rule).collect();
    assert_eq!(
        rules,
        [
            "received",
            "rule_set",
            "calendar_data",
            "duration",
            "last_day_moved"
        ]
    );
    assert!(notes.text_en().contains("15/03/2026 is a day off"));
    // The estimate and a received dossier agree, line by line.
    let d = Dossier::receive(p, &cal, code(), Channel::Direct, t("2026-02-13T09:30"), "").unwrap();
    assert_eq!(d.explain().unwrap(), notes);
}

#[test]
fn a_procedure_without_deadline_says_so_plainly() {
    let p = procedure(
        r#"{"code": "1.000011", "name": "Thử", "processing_time": {"kind": "no_deadline"}}"#,
    );
    let cal = Calendar::vietnam();
    let motcua::dossier::Estimate {
        due_at: due,
        explanation: notes,
    } = motcua::dossier::Clock::new(&cal, &p, Channel::Direct)
        .estimate(t("2026-02-13T09:30"))
        .unwrap();
    assert_eq!(due, None);
    assert!(notes.text_en().contains("sets no processing time"));
    assert!(notes
        .text_vi()
        .contains("không quy định thời hạn giải quyết"));
}

#[test]
fn the_code_generator_continues_registered_sequences_and_refuses_duplicates() {
    use motcua::dossier::DossierCodeGenerator;
    let day = chrono::NaiveDate::from_ymd_opt(2023, 10, 27).unwrap();
    let mut codes = DossierCodeGenerator::new();
    let registered: DossierCode = "000.00.06.H56-231027-0361".parse().unwrap();
    codes.register(registered.clone()).unwrap();
    codes
        .register("000.00.06.H56-231027-0007".parse().unwrap())
        .unwrap();
    let err = codes.register(registered).unwrap_err();
    assert_eq!(err.code(), "dossier.duplicate_code");
    // The rejected call changed nothing: the day continues after 0361.
    assert_eq!(codes.next("000.00.06.H56", day).unwrap().sequence(), 362);
    // Another agency and another day have their own sequences.
    assert_eq!(codes.next("000.00.07.H56", day).unwrap().sequence(), 1);
    let next_day = day.succ_opt().unwrap();
    assert_eq!(codes.next("000.00.06.H56", next_day).unwrap().sequence(), 1);
}

#[test]
fn a_catalog_is_searched_by_code_and_names_a_code_listed_twice() {
    use motcua::procedure::Catalog;
    let p = |code: &str| {
        format!(
            r#"{{"code": "{code}", "name": "x", "processing_time": {{"kind": "working_days", "days": 1}}}}"#
        )
    };
    let json = format!("[{}, {}, {}]", p("2.000002"), p("1.000001"), p("3.000003"));
    let catalog = Catalog::from_json(&json).unwrap();
    let codes: Vec<&str> = catalog.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["1.000001", "2.000002", "3.000003"]);
    assert_eq!(catalog.get("2.000002").unwrap().code, "2.000002");
    assert_eq!(catalog.get("9.9").unwrap_err().code(), "procedure.unknown");

    let json = format!("[{}, {}, {}]", p("2.000002"), p("1.000001"), p("2.000002"));
    let err = Catalog::from_json(&json).unwrap_err();
    assert_eq!(
        err.message(),
        "procedures[2]: procedure 2.000002: code: listed twice in the catalog"
    );

    // The first problem in document order: the second listing of 2.000002
    // comes before the second of 1.000001 and before an invalid procedure.
    let bad = r#"{"code": "4.4", "name": "", "processing_time": {"kind": "no_deadline"}}"#;
    let json = format!(
        "[{}, {}, {}, {}, {bad}]",
        p("2.000002"),
        p("1.000001"),
        p("2.000002"),
        p("1.000001")
    );
    let err = Catalog::from_json(&json).unwrap_err();
    assert!(
        err.message()
            .starts_with("procedures[2]: procedure 2.000002"),
        "{}",
        err.message()
    );
    let json = format!("[{}, {bad}, {}]", p("1.000001"), p("1.000001"));
    let err = Catalog::from_json(&json).unwrap_err();
    assert!(
        err.message().starts_with("procedures[1]: procedure 4.4"),
        "{}",
        err.message()
    );

    let mut catalog = Catalog::from_json(&format!("[{}]", p("2.000002"))).unwrap();
    catalog
        .insert(Procedure::from_json(&p("1.000001")).unwrap())
        .unwrap();
    let before = catalog.clone();
    assert!(catalog
        .insert(Procedure::from_json(&p("1.000001")).unwrap())
        .is_err());
    assert_eq!(catalog, before);
    assert_eq!(catalog.iter().next().unwrap().code, "1.000001");
}

#[test]
fn status_8_ends_processing_by_default_and_is_counted_apart() {
    use motcua::report::{GroupBy, Period, PeriodReport};
    let cal = Calendar::vietnam();
    let p = procedure(
        r#"{"code": "1.000012", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}}"#,
    );
    let code_2026 = DossierCode::parse("H15.50.05.12-261001-0001").unwrap();
    let received = t("2026-10-01T09:00");
    let mut d =
        Dossier::receive(p.clone(), &cal, code_2026, Channel::Direct, received, "x").unwrap();
    d.suspend(t("2026-10-02T09:00"), "x", "hồ sơ không đủ điều kiện")
        .unwrap();
    assert_eq!(d.status(), Status::Suspended);
    assert_eq!(d.timeliness(motcua::dossier::Granularity::Date), None);
    let before = d.to_json().unwrap();
    let err = d.resume(t("2026-10-05T09:00"), "x").unwrap_err();
    assert_eq!(err.code(), "dossier.finished");
    assert_eq!(d.to_json().unwrap(), before);
    let later = d.state_at(t("2026-10-06T09:00")).unwrap();
    assert!(later.progress.is_none());
    assert!(d.stop_notice().unwrap().form.starts_with("Mẫu 05"));
    let explanation = d.explain().unwrap();
    assert_eq!(explanation.entries.last().map(|e| e.rule), Some("stopped"));
    let mut report = PeriodReport::new(Period::month(2026, 10).unwrap(), GroupBy::Total);
    report.add(&d).unwrap();
    let total = report.total();
    assert_eq!(
        (total.received, total.stopped, total.in_progress),
        (1, 1, 0)
    );
    assert!(total.identities_hold());
    // A log recorded under Decree 61/2018 (before 01/07/2025) replays as it
    // did: status 8 paused then.
    let received = t("2024-03-01T09:00");
    let mut old = Dossier::receive(p, &cal, code(), Channel::Direct, received, "x").unwrap();
    old.suspend(t("2024-03-04T09:00"), "x", "").unwrap();
    old.resume(t("2024-03-06T09:00"), "x").unwrap();
    assert_eq!(old.status(), Status::Processing);
}

#[test]
fn a_dossier_can_be_refused_after_appraisal_and_is_counted_apart() {
    use motcua::report::{GroupBy, Period, PeriodReport};
    let cal = Calendar::vietnam();
    let p = procedure(WORKFLOW);
    let mut d =
        Dossier::receive(p, &cal, code(), Channel::Direct, t("2023-10-02T09:00"), "x").unwrap();
    d.route(t("2023-10-02T10:00"), "x", "a").unwrap();
    d.refuse(t("2023-10-04T10:00"), "x", "không đủ điều kiện cấp phép")
        .unwrap();
    assert_eq!(d.status(), Status::Refused);
    assert_eq!(d.received_at(), Some(t("2023-10-02T09:00")));
    let err = d.resolve(t("2023-10-05T10:00"), "x").unwrap_err();
    assert_eq!(err.code(), "dossier.finished");
    let mut report = PeriodReport::new(Period::month(2023, 10).unwrap(), GroupBy::Total);
    report.add(&d).unwrap();
    let total = report.total();
    assert_eq!(
        (total.received, total.refused_after_appraisal, total.refused),
        (1, 1, 0)
    );
    assert!(total.identities_hold());
}

#[test]
fn a_cross_boundary_dossier_counts_from_the_competent_agency_and_groups_by_either_unit() {
    use motcua::report::{GroupBy, Period, PeriodReport};
    let cal = Calendar::vietnam();
    let p = procedure(
        r#"{"code": "1.000013", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}}"#,
    );
    let code = DossierCode::parse("H21.227-261005-0001").unwrap();
    let mut d =
        Dossier::submit(p, &cal, code, Channel::Direct, t("2026-10-05T09:00"), "x").unwrap();
    let err = d
        .accept_cross_boundary(t("2026-10-05T09:00"), "x", "h21..17")
        .unwrap_err();
    assert_eq!(err.code(), "invalid_argument");
    d.accept_cross_boundary(t("2026-10-05T09:00"), "x", "H21.17")
        .unwrap();
    assert_eq!(d.due_at(), None, "the clock waits for the competent agency");
    // Nothing is processed before the competent agency has the dossier.
    let err = d.resolve(t("2026-10-06T09:00"), "x").unwrap_err();
    assert_eq!(err.code(), "dossier.invalid_transition");
    assert!(d.receipt_slip().is_some());
    d.competent_receive(t("2026-10-07T10:00"), "y").unwrap();
    assert_eq!(d.due_at(), Some(t("2026-10-14T10:00")));
    assert_eq!(
        d.competent_receive(t("2026-10-08T10:00"), "y")
            .unwrap_err()
            .code(),
        "dossier.invalid_transition"
    );
    assert_eq!(
        (d.receiving_unit(), d.competent_unit()),
        ("H21.227", "H21.17")
    );
    let rules: Vec<&str> = d
        .explain()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.rule)
        .collect();
    assert!(
        rules.contains(&"waiting_for_competent_agency") && rules.contains(&"competent_received")
    );
    for (group_by, key) in [
        (GroupBy::ReceivingUnit, "H21.227"),
        (GroupBy::CompetentUnit, "H21.17"),
    ] {
        let mut report = PeriodReport::new(Period::month(2026, 10).unwrap(), group_by);
        report.add(&d).unwrap();
        assert_eq!(report.rows[key].received, 1, "{group_by:?}");
    }
}

#[test]
fn an_event_outside_the_calendar_is_refused_at_the_door_and_changes_nothing() {
    let cal = Calendar::builder()
        .last(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
        .build()
        .unwrap();
    let p = procedure(WORKFLOW);
    let mut d =
        Dossier::receive(p, &cal, code(), Channel::Direct, t("2026-10-01T09:00"), "x").unwrap();
    let before = d.to_json().unwrap();
    // `routed` reads no calendar, but it is out of the range all the same.
    let err = d.route(t("2027-01-04T09:00"), "x", "a").unwrap_err();
    assert_eq!(err.code(), "calendar.out_of_range");
    assert_eq!(d.to_json().unwrap(), before);
    d.route(t("2026-10-02T09:00"), "x", "a").unwrap();
}

#[test]
fn an_extension_followed_by_a_pause_moves_the_appointment_with_the_due_date() {
    // Issue 13, item 9: the rule is that a pause after the apology moves its
    // appointment as it moves the due date, and the appointment is never
    // before the legal due date; the letter keeps what it printed.
    let cal = Calendar::vietnam();
    let p = procedure(
        r#"{"code": "1.000014", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}, "stop_policy": "pause"}"#,
    );
    let code = DossierCode::parse("H15.50.05.12-261001-0009").unwrap();
    let mut d =
        Dossier::receive(p, &cal, code, Channel::Direct, t("2026-10-01T09:00"), "x").unwrap();
    assert_eq!(d.due_at(), Some(t("2026-10-08T09:00")));
    d.extend(
        t("2026-10-05T09:00"),
        "x",
        t("2026-10-09T09:00"),
        "xác minh",
    )
    .unwrap();
    d.request_payment(t("2026-10-06T09:00"), "x").unwrap();
    d.pay(t("2026-10-08T09:00"), "x").unwrap(); // two working days paused
    assert_eq!(d.due_at(), Some(t("2026-10-12T09:00")));
    assert_eq!(d.appointment_at(), Some(t("2026-10-13T09:00")));
    assert_eq!(d.apology_letter().unwrap().new_due, t("2026-10-09T09:00"));
    let state = d.state_at(t("2026-10-09T09:00")).unwrap();
    assert_eq!(state.appointment_at, Some(t("2026-10-13T09:00")));
}

/// One home for the bindings' defaults and for reading a granularity
/// (issue 14): the default is by date, and a wrong code is one error.
#[test]
fn granularity_reads_its_codes_and_the_defaults_live_in_the_core() {
    use motcua::dossier::{Granularity, Progress};
    assert_eq!(
        "instant".parse::<Granularity>().unwrap(),
        Granularity::Instant
    );
    assert_eq!(Granularity::default(), Granularity::Date);
    let err = "hour".parse::<Granularity>().unwrap_err();
    assert_eq!(err.code(), "invalid_argument");
    assert_eq!(
        err.message(),
        r#"granularity "hour" is not "date" or "instant""#
    );
    assert_eq!(Progress::DEFAULT_WARNING_THRESHOLDS, [0.5, 0.75]);
}

#[test]
fn every_error_kind_has_its_own_code() {
    let codes: std::collections::BTreeSet<&str> =
        motcua::ErrorKind::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(codes.len(), motcua::ErrorKind::ALL.len());
}

#[test]
fn opening_a_dossier_is_one_decision_for_every_front_door() {
    let p = procedure(WORKFLOW);
    let cal = Calendar::vietnam();
    let mut opening = motcua::dossier::Opening::new(p.clone(), code());
    // Neither instant: one error, whatever binding asked.
    let none = Dossier::open(&cal, opening.clone()).unwrap_err();
    assert_eq!(none.kind(), motcua::ErrorKind::InvalidArgument);
    // A submission alone waits for its acceptance.
    opening.channel = Channel::Online;
    opening.submitted_at = Some(t("2023-10-02T08:00"));
    let submitted = Dossier::open(&cal, opening.clone()).unwrap();
    assert_eq!(submitted.status(), Status::Submitted);
    assert_eq!(submitted.due_at(), None);
    // Submitted and accepted: the same log as submit, then accept.
    opening.received_at = Some(t("2023-10-02T09:00"));
    let accepted = Dossier::open(&cal, opening.clone()).unwrap();
    let mut by_hand = Dossier::submit(
        p.clone(),
        &cal,
        code(),
        Channel::Online,
        t("2023-10-02T08:00"),
        "",
    )
    .unwrap();
    by_hand.accept(t("2023-10-02T09:00"), "").unwrap();
    assert_eq!(accepted.events(), by_hand.events());
    assert_eq!(accepted.due_at(), by_hand.due_at());
    // A reception alone is a counter reception.
    opening.submitted_at = None;
    let received = Dossier::open(&cal, opening).unwrap();
    assert_eq!(received.events().len(), 1);
    assert_eq!(received.status(), Status::Accepted);
}

#[test]
fn an_instant_with_an_offset_is_read_as_vietnam_local_time() {
    let read = iso::parse_instant_with_offset;
    assert_eq!(read("2026-02-13T09:30"), Some(t("2026-02-13T09:30")));
    assert_eq!(
        read("2026-02-13T02:30:00.000Z"),
        Some(t("2026-02-13T09:30"))
    );
    assert_eq!(read("2026-02-13T09:30+07:00"), Some(t("2026-02-13T09:30")));
    assert_eq!(read("2026-02-13T03:30+0100"), Some(t("2026-02-13T09:30")));
    assert_eq!(read("2026-02-12T21:30-05"), Some(t("2026-02-13T09:30")));
    assert_eq!(read("2026-02-13T09:30+7"), None);
    assert_eq!(read("2026-02-13T09:30+25:00"), None);
    assert_eq!(read("2026-02-13T09:30Z+07:00"), None);
}

#[test]
fn an_error_carries_its_place_as_data_not_only_in_words() {
    // A field of a catalog's procedure: the path from the document's root.
    let catalog = r#"[{"code": "1.000001", "name": "A", "processing_time": {"kind": "working_days", "days": 5}},
        {"code": "1.000002", "name": "B", "processing_time": {"kind": "working_days", "days": "5"}}]"#;
    let e = motcua::procedure::Catalog::from_json(catalog).unwrap_err();
    assert_eq!(e.path(), Some("procedures[1].processing_time.days"));
    assert_eq!(e.event_index(), None);
    // An event that the log cannot replay: its index.
    let mut d = Dossier::receive(
        procedure(WORKFLOW),
        &Calendar::vietnam(),
        code(),
        Channel::Direct,
        t("2023-10-02T09:00"),
        "x",
    )
    .unwrap();
    d.resolve(t("2023-10-03T09:00"), "x").unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&d.to_json().unwrap()).unwrap();
    doc["events"][1]["at"] = "2023-10-01T09:00".into();
    let e = Dossier::from_json(&doc.to_string(), &Calendar::vietnam()).unwrap_err();
    assert_eq!(e.kind(), motcua::ErrorKind::EventOutOfOrder);
    assert_eq!(e.event_index(), Some(1));
    assert!(e.message().starts_with("events[1]: "));
    // A field of a dossier document.
    doc["events"][1]["at"] = "yesterday".into();
    let e = Dossier::from_json(&doc.to_string(), &Calendar::vietnam()).unwrap_err();
    assert_eq!(e.path(), Some("events[1].at"));
    // An error without a place has neither.
    let e = DossierCode::parse("nope").unwrap_err();
    assert_eq!((e.path(), e.event_index()), (None, None));
}

#[test]
fn one_judgment_of_timeliness_and_one_replay_up_to_an_instant() {
    use motcua::dossier::{judge, Clock, Granularity, Timeliness};
    let due = Some(t("2023-10-06T09:00"));
    assert_eq!(
        judge(t("2023-10-05T17:00"), due, Granularity::Date),
        Timeliness::Early
    );
    assert_eq!(
        judge(t("2023-10-06T10:00"), due, Granularity::Date),
        Timeliness::OnTime
    );
    assert_eq!(
        judge(t("2023-10-06T10:00"), due, Granularity::Instant),
        Timeliness::Late
    );
    // Without deadline, on time whatever the instant.
    assert_eq!(
        judge(t("2099-01-01T00:00"), None, Granularity::Instant),
        Timeliness::OnTime
    );
    let p = procedure(WORKFLOW);
    let cal = Calendar::vietnam();
    let mut d = Dossier::receive(
        p.clone(),
        &cal,
        code(),
        Channel::Direct,
        t("2023-10-02T09:00"),
        "x",
    )
    .unwrap();
    d.route(t("2023-10-02T10:00"), "x", "a").unwrap();
    d.resolve(t("2023-10-04T09:00"), "x").unwrap();
    let clock = Clock::new(&cal, &p, Channel::Direct);
    let at_route = clock
        .replay_until(d.events(), t("2023-10-02T10:00"))
        .unwrap();
    assert_eq!(at_route.status, Some(Status::Processing));
    assert_eq!(at_route, clock.replay(&d.events()[..2]).unwrap());
    assert_eq!(
        d.state_at(t("2023-10-03T09:00")).unwrap().status,
        Some(Status::Processing)
    );
    let (state, explanation) = clock.replay_explained(d.events()).unwrap();
    assert_eq!(state.status, Some(Status::Resolved));
    assert_eq!(explanation, d.explain().unwrap());
}

#[test]
fn aware_instants_are_read_at_utc_plus_seven_and_given_back_in_their_zone() {
    use chrono::{TimeZone, Utc};
    use motcua::calendar::zone;
    let p = procedure(WORKFLOW);
    let cal = Calendar::vietnam();
    // 02:00 UTC is 09:00 in Vietnam.
    let utc = Utc.with_ymd_and_hms(2023, 10, 2, 2, 0, 0).unwrap();
    let clock = motcua::dossier::Clock::new(&cal, &p, Channel::Direct);
    let due_utc = clock.due_from(utc).unwrap().unwrap();
    let due_local = clock.due_from(t("2023-10-02T09:00")).unwrap().unwrap();
    assert_eq!(due_utc.timezone(), Utc);
    assert_eq!(due_utc, zone::aware(due_local));
    assert_eq!(
        clock.estimate(utc).unwrap(),
        clock.estimate(t("2023-10-02T09:00")).unwrap()
    );
    let d = Dossier::receive(p, &cal, code(), Channel::Direct, utc, "").unwrap();
    assert_eq!(d.received_at(), Some(t("2023-10-02T09:00")));
    assert_eq!(
        cal.working_time_between(utc, due_utc).unwrap(),
        cal.working_time_between(t("2023-10-02T09:00"), due_local)
            .unwrap()
    );
}

#[test]
fn a_dossier_is_serde_through_its_document() {
    use serde::de::DeserializeSeed;
    let cal = Calendar::vietnam();
    let mut d = Dossier::receive(
        procedure(WORKFLOW),
        &cal,
        code(),
        Channel::Direct,
        t("2023-10-02T08:00"),
        "x",
    )
    .unwrap();
    d.route(t("2023-10-02T09:00"), "x", "a").unwrap();
    // Serialize writes what to_json writes, in any serde format.
    let value = serde_json::to_value(&d).unwrap();
    let text = d.to_json().unwrap();
    assert_eq!(
        value,
        serde_json::from_str::<serde_json::Value>(&text).unwrap()
    );
    // Deserialize reads it back on the default calendar, the same dossier.
    let again: Dossier = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(again.to_json().unwrap(), text);
    assert_eq!(again.due_at(), d.due_at());
    // On another calendar it is refused, as from_json refuses it...
    use chrono::Weekday::*;
    let other = Calendar::builder()
        .working_weekdays(&[Mon, Tue, Wed, Thu, Fri, Sat])
        .build()
        .unwrap();
    let err = DossierOn(&other).deserialize(value.clone()).unwrap_err();
    assert!(
        err.to_string().starts_with("dossier.calendar_mismatch: "),
        "{err}"
    );
    // ...and a dossier recorded there reads back there only.
    let mut on_other = Dossier::receive(
        procedure(WORKFLOW),
        &other,
        code(),
        Channel::Direct,
        t("2023-10-02T08:00"),
        "x",
    )
    .unwrap();
    on_other.route(t("2023-10-02T09:00"), "x", "a").unwrap();
    let value = serde_json::to_value(&on_other).unwrap();
    let read = DossierOn(&other).deserialize(value.clone()).unwrap();
    assert_eq!(read.due_at(), on_other.due_at());
    let err = serde_json::from_value::<Dossier>(value).unwrap_err();
    assert!(
        err.to_string().starts_with("dossier.calendar_mismatch: "),
        "{err}"
    );
}

#[test]
fn a_run_of_days_off_reads_as_one_line_and_a_working_day_cuts_it() {
    let p = procedure(
        r#"{"code": "1.000011", "name": "Cấp phép",
            "processing_time": {"kind": "working_days", "days": 10}}"#,
    );
    let cal = Calendar::vietnam();
    let clock = motcua::dossier::Clock::new(&cal, &p, Channel::Direct);
    let days_off = |at: &str| -> Vec<String> {
        let estimate = clock.estimate(t(at)).unwrap();
        estimate
            .explanation
            .entries
            .into_iter()
            .filter(|e| e.rule == "day_off_skipped")
            .map(|e| e.vi)
            .collect()
    };
    // Tết 2026: Monday 16 to Friday 20/02, one run, its name said once.
    assert_eq!(
        days_off("2026-02-13T09:30"),
        ["Không tính 5 ngày nghỉ từ 16/02/2026 đến 20/02/2026 \
          (Tết Nguyên đán (giao thừa, mùng 1, mùng 2, mùng 3, mùng 4))"]
    );
    // Giỗ Tổ's substitute Monday 27/04, then working days, then 30/04 and
    // 01/05 (two holidays, one run): two lines.
    assert_eq!(
        days_off("2026-04-24T09:30"),
        [
            "Không tính ngày nghỉ 27/04/2026 (Nghỉ bù Giỗ Tổ Hùng Vương)",
            "Không tính 2 ngày nghỉ từ 30/04/2026 đến 01/05/2026 \
             (Ngày Chiến thắng (30/4), Ngày Quốc tế Lao động (1/5))"
        ]
    );
}

#[test]
fn a_vietnamese_explanation_cites_the_law_in_vietnamese() {
    // Every rule that cites an article (clock start, restart after a
    // supplement, apology, cross-boundary reception), under Decree 118/2025
    // and Decree 61/2018: the Vietnamese lines use Vietnamese citations
    // ("khoản 3 Điều 17 Nghị định 118/2025/NĐ-CP"), the English ones English.
    let cal = Calendar::vietnam();
    let p = procedure(
        r#"{"code": "1.000015", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}}"#,
    );
    let mut cited = Vec::new();
    for (code, received) in [
        ("H21.227-261005-0002", "2026-10-05T09:00"),
        ("H21.227-231005-0002", "2023-10-05T09:00"),
    ] {
        let mut d = Dossier::submit(
            p.clone(),
            &cal,
            DossierCode::parse(code).unwrap(),
            Channel::Direct,
            t(received),
            "x",
        )
        .unwrap();
        let at = t(received);
        if at.date().year() >= 2025 {
            d.accept_cross_boundary(at, "x", "H21.17").unwrap();
            d.competent_receive(at + Duration::hours(1), "y").unwrap();
        } else {
            d.accept(at, "x").unwrap();
        }
        d.request_supplement(at + Duration::days(1), "x", "")
            .unwrap();
        d.complete_supplement(at + Duration::days(2), "x").unwrap();
        let due = d.due_at().unwrap();
        d.extend(
            due - Duration::days(3),
            "x",
            due + Duration::days(2),
            "xác minh",
        )
        .unwrap();
        let explanation = d.explain().unwrap();
        for e in &explanation.entries {
            for english in ["Decree", "Circular", "Art.", "as amended", "not verified"] {
                assert!(!e.vi.contains(english), "{}: {}", e.rule, e.vi);
            }
            assert!(!e.en.contains("Nghị định"), "{}: {}", e.rule, e.en);
            cited.push(e.rule);
        }
    }
    for rule in [
        "rule_set",
        "restarted",
        "extended",
        "waiting_for_competent_agency",
    ] {
        assert!(cited.contains(&rule), "{rule} not exercised: {cited:?}");
    }
}

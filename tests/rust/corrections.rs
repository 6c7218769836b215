//! Corrections of the append-only log through the API: a rejected
//! correction changes nothing, the original entries stay visible and
//! flagged (JSON, explanation, portal progress), figures at an instant use
//! the corrections made by then, and a closed period's report changes only
//! when re-run on the corrected log. The replay rules themselves are the
//! conformance vectors (`tests/vectors/dossiers.json`).

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::sync::Arc;

use chrono::NaiveDateTime;
use motcua::calendar::{iso, Calendar};
use motcua::dossier::{Dossier, DossierCode, Event, EventKind, Status};
use motcua::procedure::{Channel, Procedure};
use motcua::report::{GroupBy, Period, PeriodReport};

fn t(s: &str) -> NaiveDateTime {
    iso::parse_instant(s).unwrap()
}

/// Received Mon 05/10/2026 08:00 (5 working days: due Mon 12/10 08:00),
/// then resolved with the year mistyped as 2036.
fn typo() -> Dossier {
    let p = Procedure::from_json(
        r#"{"code": "1.000005", "name": "Thử", "agency": "Sở Thử nghiệm",
            "processing_time": {"kind": "working_days", "days": 5}}"#,
    )
    .unwrap();
    let code = DossierCode::parse("000.00.06.H56-261005-0001").unwrap();
    let cal = Calendar::vietnam();
    let mut d = Dossier::receive(
        Arc::new(p),
        &cal,
        code,
        Channel::Direct,
        t("2026-10-05T08:00"),
        "can-bo",
    )
    .unwrap();
    d.resolve(t("2036-10-07T10:00"), "can-bo").unwrap();
    d
}

#[test]
fn a_typo_blocks_the_log_until_it_is_voided() {
    let mut d = typo();
    let err = d.resolve(t("2026-10-08T10:00"), "can-bo").unwrap_err();
    assert_eq!(err.code(), "dossier.event_out_of_order");
    d.void(1, "gõ nhầm năm", "truong-phong", t("2026-10-08T09:00"))
        .unwrap();
    assert_eq!(d.status(), Status::Accepted);
    d.resolve(t("2026-10-08T10:00"), "can-bo").unwrap();
    assert_eq!(d.status(), Status::Resolved);
    assert_eq!(d.events().len(), 4, "the typo and its void stay in the log");
    let log = d.log();
    assert_eq!(
        (log[1].voided_by, log[1].amended_by, log[3].voided_by),
        (Some(2), None, None)
    );
    assert_eq!(d.history().len(), 2);
    // Before the void was made, the log read as resolved in 2036: not yet.
    let before = d.state_at(t("2026-10-08T08:59")).unwrap();
    assert_eq!(before.status, Some(Status::Accepted));
}

#[test]
fn a_rejected_correction_changes_nothing() {
    let mut d = typo();
    let json = d.to_json().unwrap();
    let state = d.state().clone();
    let tries: Vec<(&str, motcua::Error)> = vec![
        (
            "no reason",
            d.void(1, " ", "truong-phong", t("2026-10-08T09:00"))
                .unwrap_err(),
        ),
        (
            "no actor",
            d.void(1, "gõ nhầm", "", t("2026-10-08T09:00")).unwrap_err(),
        ),
        (
            "no such entry",
            d.void(9, "gõ nhầm", "truong-phong", t("2026-10-08T09:00"))
                .unwrap_err(),
        ),
        (
            "impossible history",
            d.void(0, "nhầm hồ sơ", "truong-phong", t("2036-10-08T09:00"))
                .unwrap_err(),
        ),
        (
            "into a correction",
            d.amend(
                1,
                Event::new(
                    t("2026-10-07T10:00"),
                    "can-bo",
                    EventKind::Voided {
                        event: 0,
                        reason: "x".into(),
                    },
                ),
                "sai",
                "truong-phong",
                t("2026-10-08T09:00"),
            )
            .unwrap_err(),
        ),
    ];
    let codes: Vec<_> = tries.iter().map(|(why, e)| (*why, e.code())).collect();
    assert_eq!(
        codes,
        [
            ("no reason", "dossier.invalid_correction"),
            ("no actor", "dossier.invalid_correction"),
            ("no such entry", "dossier.invalid_correction"),
            ("impossible history", "dossier.invalid_transition"),
            ("into a correction", "dossier.invalid_correction"),
        ]
    );
    assert!(tries[3].1.message().contains("entry 1"), "{}", tries[3].1);
    assert_eq!(d.to_json().unwrap(), json);
    assert_eq!(d.state(), &state);
    // Correcting a correction.
    d.void(1, "gõ nhầm năm", "truong-phong", t("2026-10-08T09:00"))
        .unwrap();
    let err = d
        .void(2, "hủy nhầm", "truong-phong", t("2026-10-08T09:30"))
        .unwrap_err();
    assert_eq!(err.code(), "dossier.invalid_correction");
    assert!(err.message().contains("correct entry 1 instead"), "{err}");
}

#[test]
fn the_original_stays_visible_and_flagged() {
    let mut d = typo();
    let corrected = Event::new(t("2026-10-07T10:00"), "can-bo", EventKind::Resolved);
    d.amend(
        1,
        corrected,
        "gõ nhầm năm",
        "truong-phong",
        t("2026-10-08T09:00"),
    )
    .unwrap();
    assert_eq!(d.state().ended_at, Some(t("2026-10-07T10:00")));
    // JSON: the original entry as recorded, flagged, and the correction.
    let json: serde_json::Value = serde_json::from_str(&d.to_json().unwrap()).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(events[1]["at"], "2036-10-07T10:00");
    assert_eq!(events[1]["amended_by"], 2);
    assert_eq!(events[2]["type"], "amended");
    assert_eq!(events[2]["corrected"]["at"], "2026-10-07T10:00");
    let again = Dossier::from_json(&d.to_json().unwrap(), d.calendar()).unwrap();
    assert_eq!(again.state(), d.state());
    assert_eq!(again.to_json().unwrap(), d.to_json().unwrap());
    // Explanation: a line for the correction, with who, when and why.
    let lines = d.explain().unwrap();
    let line = lines
        .entries
        .iter()
        .find(|e| e.rule == "corrected")
        .unwrap();
    assert_eq!(line.at, t("2026-10-08T09:00"));
    assert!(
        line.vi.contains("truong-phong")
            && line.vi.contains("gõ nhầm năm")
            && line.vi.contains("07/10/2026"),
        "{}",
        line.vi
    );
    assert!(line.en.starts_with("Corrected on"), "{}", line.en);
    assert_eq!(
        lines.entries.last().unwrap().rule,
        "corrected",
        "after the lines of the history it corrected"
    );
    // Portal progress: one entry per log entry, the amended one says so.
    let progress = motcua::portal::progress_entries(&d).unwrap();
    assert_eq!(progress.len(), 3);
    assert!(
        progress[1].content.contains("đã đính chính"),
        "{}",
        progress[1].content
    );
    assert_eq!(progress[1].status, 9);
    assert_eq!(progress[2].actor, "truong-phong");
}

#[test]
fn a_closed_period_report_changes_only_when_re_run_with_corrections() {
    let mut d = typo();
    let q4 = Period::quarter(2026, 4).unwrap();
    let mut before = PeriodReport::new(q4, GroupBy::Total);
    before.add(&d).unwrap();
    // Corrected in 2037, after the quarter: the quarter reads as it did.
    d.amend(
        1,
        Event::new(t("2026-10-07T10:00"), "can-bo", EventKind::Resolved),
        "gõ nhầm năm",
        "truong-phong",
        t("2037-01-05T09:00"),
    )
    .unwrap();
    let mut again = PeriodReport::new(q4, GroupBy::Total);
    again.add(&d).unwrap();
    assert_eq!(again, before);
    let row = before.rows.get("").unwrap();
    assert_eq!((row.in_progress, row.resolved), (1, 0));
    let mut rerun = PeriodReport::new(q4, GroupBy::Total);
    rerun.add(&d.corrected().unwrap()).unwrap();
    let row = rerun.rows.get("").unwrap();
    assert_eq!((row.in_progress, row.resolved, row.early), (0, 1, 1));
}

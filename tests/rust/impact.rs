//! Runs the change-impact vectors of `tests/vectors/impact.json` (pytest
//! and the Node tests run the same file), and the impact's errors.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::{changes, iso, Calendar};
use motcua::dossier::{Dossier, Timeliness};
use motcua::impact::appointment_changes;
use motcua_tests::vectors;
use serde_json::{json, Value};

fn old_calendar() -> Calendar {
    Calendar::builder().without_culture_day().build().unwrap()
}

fn instant(t: Option<chrono::NaiveDateTime>) -> Value {
    t.map_or(Value::Null, |t| json!(iso::format_instant(t)))
}

fn timeliness(t: Option<Timeliness>) -> Value {
    t.map_or(Value::Null, |t| json!(t.code()))
}

#[test]
fn calendar_changes_vectors() {
    let v = &vectors("impact")["calendar_changes"];
    let date = |key: &str| iso::parse_date(v[key].as_str().unwrap()).unwrap();
    let found = changes(
        &old_calendar(),
        &Calendar::vietnam(),
        date("start"),
        date("end"),
    )
    .unwrap();
    let got: Vec<Value> = found
        .iter()
        .map(|c| {
            let entry = c.after.entry.as_ref().unwrap();
            let wanted = v["expected"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["date"] == c.date.to_string());
            let source = wanted.map_or("", |w| w["source_contains"].as_str().unwrap());
            json!({
                "date": c.date.to_string(),
                "before_working": c.before.working,
                "after_working": c.after.working,
                "after_kind": entry.kind.code(),
                "source_contains": if entry.source.as_deref().unwrap_or("").contains(source) { source } else { "" },
            })
        })
        .collect();
    assert_eq!(Value::Array(got), v["expected"]);
}

#[test]
fn appointment_changes_vectors() {
    let (old, new) = (old_calendar(), Calendar::vietnam());
    let mut failures = Vec::new();
    for c in vectors("impact")["cases"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let dossier = Dossier::from_json(&c["dossier"].to_string(), &new).unwrap();
        let as_of = iso::parse_instant(c["as_of"].as_str().unwrap()).unwrap();
        let found = appointment_changes([&dossier], &old, &new, as_of).unwrap();
        let got = found.first().map_or(Value::Null, |f| {
            json!({
                "open": f.open,
                "old_due": instant(f.old_due),
                "new_due": instant(f.new_due),
                "old_timeliness": timeliness(f.old_timeliness),
                "new_timeliness": timeliness(f.new_timeliness),
                "changed_dates": f.days.iter().map(|d| d.date.to_string()).collect::<Vec<_>>(),
                "new_appointment_at": instant(f.letter.as_ref().map(|l| l.new_appointment_at)),
            })
        });
        if got != c["expected"] {
            failures.push(format!("{name}: got {got}, expected {}", c["expected"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_letter_says_why_and_the_changed_day_cites_the_notice() {
    let c = &vectors("impact")["cases"][0];
    let new = Calendar::vietnam();
    let dossier = Dossier::from_json(&c["dossier"].to_string(), &new).unwrap();
    let as_of = iso::parse_instant("2026-11-25T10:00").unwrap();
    let found = appointment_changes([&dossier], &old_calendar(), &new, as_of).unwrap();
    let letter = found[0].letter.as_ref().unwrap();
    assert_eq!(
        letter.reason_vi,
        "Điều chỉnh lịch làm việc: ngày 24/11/2026 là ngày nghỉ: Ngày Văn hóa Việt Nam (24/11)"
    );
    assert!(letter.reason_en.contains("Vietnam Culture Day"));
    let source = found[0].days[0]
        .after
        .entry
        .as_ref()
        .unwrap()
        .source
        .as_deref();
    assert!(source.unwrap().contains("10065/VPCP-KGVX"));
    assert_eq!(letter.code.to_string(), "H15.50.05.12-261120-1436");
}

#[test]
fn stopped_and_extended_dossiers_get_no_letter_and_a_conflict_is_reported() {
    let new = Calendar::vietnam();
    let doc = |events: &str| {
        format!(
            r#"{{"code": "H15.50.05.12-261119-0001", "channel": "direct",
                "procedure": {{"code": "1.000005", "name": "Thử", "processing_time": {{"kind": "working_days", "days": 3}}}},
                "events": [{{"at": "2026-11-19T09:00", "type": "accepted"}}{events}]}}"#
        )
    };
    let as_of = iso::parse_instant("2026-12-01T10:00").unwrap();
    // Stopped (status 8 ends processing under Decree 118/2025): not open.
    let stopped = Dossier::from_json(
        &doc(r#", {"at": "2026-11-20T09:00", "type": "suspended"}"#),
        &new,
    )
    .unwrap();
    let found = appointment_changes([&stopped], &old_calendar(), &new, as_of).unwrap();
    assert!(found.iter().all(|f| !f.open && f.letter.is_none()));
    // Extended to 24/11 16:00 when the old due date was 24/11 09:00: the new
    // calendar moves the due date to 25/11 09:00, past the appointment.
    let extended = doc(
        r#", {"at": "2026-11-20T10:00", "type": "extended", "new_due": "2026-11-24T16:00", "reason": "x"}"#,
    );
    let extended = Dossier::from_json(&extended, &old_calendar()).unwrap();
    let found = appointment_changes([&extended], &old_calendar(), &new, as_of).unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0]
        .conflict
        .as_deref()
        .unwrap()
        .contains("must be later"));
    assert_eq!((found[0].new_due, found[0].letter.as_ref()), (None, None));
}

#[test]
fn calendars_over_different_ranges_are_an_error_naming_the_ranges() {
    let short = Calendar::builder()
        .first(iso::parse_date("2020-01-01").unwrap())
        .build()
        .unwrap();
    let d = |s| iso::parse_date(s).unwrap();
    let err = changes(
        &short,
        &Calendar::vietnam(),
        d("2026-01-01"),
        d("2026-12-31"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "calendar.out_of_range");
    assert!(
        err.message().contains("2020-01-01..=2100-12-31"),
        "{}",
        err.message()
    );
    assert!(
        err.message().contains("2000-01-01..=2100-12-31"),
        "{}",
        err.message()
    );
    let err = appointment_changes(
        [],
        &short,
        &Calendar::vietnam(),
        iso::parse_instant("2026-11-25T10:00").unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "calendar.out_of_range");
    // A range outside the calendars.
    let err = changes(
        &Calendar::vietnam(),
        &Calendar::vietnam(),
        d("2026-12-31"),
        d("2026-01-01"),
    )
    .unwrap_err();
    assert!(
        err.message().contains("2026-12-31..=2026-01-01"),
        "{}",
        err.message()
    );
}

#[test]
fn a_records_table_row_replays_as_the_log_it_implies() {
    use motcua::report::{Ending, ReportRecord};
    use std::sync::Arc;
    let c = &vectors("impact")["cases"][1];
    let procedure = Arc::new(
        motcua::procedure::Procedure::from_json(&c["dossier"]["procedure"].to_string()).unwrap(),
    );
    let new = Calendar::vietnam();
    let record = ReportRecord {
        channel: motcua::procedure::Channel::Direct,
        received_at: iso::parse_instant("2026-11-20T09:00"),
        due_at: None,
        ended_at: iso::parse_instant("2026-11-30T08:00"),
        ending: Some(Ending::Resolved),
        paused: false,
        supplement_requests: 0,
        facts: None,
    };
    let code = "H15.50.05.12-261120-1437".parse().unwrap();
    let d = Dossier::from_record(procedure.clone(), &new, code, &record).unwrap();
    let as_of = iso::parse_instant("2026-12-01T10:00").unwrap();
    let found = appointment_changes([&d], &old_calendar(), &new, as_of).unwrap();
    assert_eq!(timeliness(found[0].new_timeliness), json!("on_time"));
    assert_eq!(timeliness(found[0].old_timeliness), json!("late"));
    let inconsistent = ReportRecord {
        ending: None,
        ..record
    };
    let code = "H15.50.05.12-261120-1438".parse().unwrap();
    let err = Dossier::from_record(procedure, &new, code, &inconsistent).unwrap_err();
    assert_eq!(err.code(), "dossier.invalid");
}

/// Issue 13, item 8: a dossier's JSON records the calendar it ran on, and
/// reading it on another one is an error unless re-evaluated on purpose.
#[test]
fn a_dossier_document_read_on_another_calendar_is_refused_unless_reevaluated() {
    use motcua::dossier::DossierCode;
    use motcua::procedure::{Channel, Procedure};
    use std::sync::Arc;
    let p = Arc::new(
        Procedure::from_json(
            r#"{"code": "1.000009", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}}"#,
        )
        .unwrap(),
    );
    let at = iso::parse_instant("2026-11-20T09:00").unwrap();
    let code = DossierCode::parse("000.00.06.H56-261120-0001").unwrap();
    let (new, old) = (Calendar::vietnam(), old_calendar());
    let d = Dossier::receive(p, &old, code, Channel::Direct, at, "").unwrap();
    let text = d.to_json().unwrap();
    let stamp: Value = serde_json::from_str::<Value>(&text).unwrap()["calendar"].clone();
    assert_eq!(stamp["culture_day"], json!(false));
    assert_eq!(stamp["digest"], json!(old.stamp().digest));
    assert_ne!(old.stamp().digest, new.stamp().digest);

    // On its own calendar, it reads back unchanged.
    assert_eq!(
        Dossier::from_json(&text, &old).unwrap().to_json().unwrap(),
        text
    );
    // On the 2026 calendar, 24/11 moves the due date: refused, naming both.
    let err = Dossier::from_json(&text, &new).unwrap_err();
    assert_eq!(err.code(), "dossier.calendar_mismatch");
    assert!(err.message().contains("without 24/11"), "{}", err.message());
    assert!(
        err.message().contains(&new.stamp().digest),
        "{}",
        err.message()
    );
    // Re-evaluated on purpose: the new due date, and the old stamp returned.
    let (again, recorded) = Dossier::reevaluate_json(&text, &new).unwrap();
    assert_eq!(recorded.unwrap(), old.stamp());
    assert_eq!(d.due_at().unwrap().to_string(), "2026-11-27 09:00:00");
    assert_eq!(again.due_at().unwrap().to_string(), "2026-11-30 09:00:00");
    // The same check on JSON lines, which carry the digest only.
    let catalog = motcua::procedure::Catalog::from_json(
        r#"[{"code": "1.000009", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}}]"#,
    )
    .unwrap();
    let line = d.to_json_line().unwrap();
    assert!(Dossier::from_json_line(&line, &catalog, &old).is_ok());
    assert_eq!(
        Dossier::from_json_line(&line, &catalog, &new)
            .unwrap_err()
            .code(),
        "dossier.calendar_mismatch"
    );
    // A document written before the stamp existed is read on any calendar.
    let mut unstamped: Value = serde_json::from_str(&text).unwrap();
    unstamped.as_object_mut().unwrap().remove("calendar");
    assert!(Dossier::from_json(&unstamped.to_string(), &new).is_ok());
}

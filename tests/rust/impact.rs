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
fn the_letter_says_why_with_the_notice() {
    let c = &vectors("impact")["cases"][0];
    let new = Calendar::vietnam();
    let dossier = Dossier::from_json(&c["dossier"].to_string(), &new).unwrap();
    let as_of = iso::parse_instant("2026-11-25T10:00").unwrap();
    let found = appointment_changes([&dossier], &old_calendar(), &new, as_of).unwrap();
    let letter = found[0].letter.as_ref().unwrap();
    assert!(
        letter.reason_vi.contains("24/11/2026"),
        "{}",
        letter.reason_vi
    );
    assert!(letter.reason_vi.contains("Ngày Văn hóa Việt Nam"));
    assert!(
        letter.reason_en.contains("10065/VPCP-KGVX"),
        "{}",
        letter.reason_en
    );
    assert_eq!(letter.code.to_string(), "H15.50.05.12-261120-1436");
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

//! Runs the dossier conformance vectors of `tests/vectors/dossiers.json`
//! (pytest and the Node tests run the same file).

use motcua::calendar::{iso, Calendar};
use motcua::dossier::{Dossier, Granularity, Timeliness};
use motcua_tests::vectors;
use serde_json::{json, Value};

fn iso_opt(t: Option<chrono::NaiveDateTime>) -> Value {
    t.map_or(Value::Null, |t| json!(iso::format_instant(t)))
}

fn code(t: Option<Timeliness>) -> Value {
    t.map_or(Value::Null, |t| json!(t.code()))
}

#[test]
fn dossier_vectors() {
    let cal = Calendar::vietnam();
    let all = vectors("dossiers");
    let cases = all["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for c in cases {
        let name = c["name"].as_str().expect("name");
        let result = Dossier::from_json(&c["dossier"].to_string(), &cal);
        if let Some(err) = c.get("error").and_then(Value::as_str) {
            match result {
                Err(e) if e.code() == err => {}
                other => failures.push(format!(
                    "{name}: expected {err}, got {:?}",
                    other.map(|d| d.status())
                )),
            }
            continue;
        }
        let d = match result {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let got = json!({
            "status": d.status().code(),
            "due_at": iso_opt(d.due_at()),
            "appointment_at": iso_opt(d.appointment_at()),
            "timeliness_date": code(d.timeliness(Granularity::Date)),
            "timeliness_instant": code(d.timeliness(Granularity::Instant)),
            "violations": d.violations().iter().map(|v| v.code()).collect::<Vec<_>>(),
            "overspent_steps": d.step_usage().unwrap().iter().filter(|u| u.overspent()).map(|u| u.step.clone()).collect::<Vec<_>>(),
        });
        if got != c["expected"] {
            failures.push(format!("{name}: got {got}, expected {}", c["expected"]));
        }
        if let Some(want) = c.get("rule_set").and_then(Value::as_str) {
            let rule_set = d.rule_set().map(|r| r.code());
            if rule_set != Some(want) {
                failures.push(format!("{name}: rule set {rule_set:?}, expected {want}"));
            }
        }
        if let Some(as_of) = c.get("as_of").and_then(Value::as_str) {
            let s = d
                .state_at(iso::parse_instant(as_of).expect("as_of"))
                .expect("state");
            let want = &c["state"];
            let mut got = json!({
                "status": s.status.map(|s| s.code()),
                "due_at": iso_opt(s.due_at),
                "timeliness_date": code(s.timeliness_date),
                "timeliness_instant": code(s.timeliness_instant),
                "overdue": s.progress.map(|p| p.overdue),
            });
            if want.get("effective_due").is_some() {
                got["effective_due"] = iso_opt(s.progress.map(|p| p.effective_due));
            }
            if &got != want {
                failures.push(format!("{name} at {as_of}: got {got}, expected {want}"));
            }
        }
        // JSON round trip is lossless.
        let again = Dossier::from_json(&d.to_json().unwrap(), &cal).expect("round trip");
        if again.to_json().unwrap() != d.to_json().unwrap() || again.events() != d.events() {
            failures.push(format!("{name}: JSON round trip changed the dossier"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! Helpers shared by motcua's Rust integration tests: loading the
//! cross-runtime vectors of `tests/vectors/`, and a report record.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

/// The parsed vectors file `tests/vectors/{name}.json`.
pub fn vectors(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("vectors file exists");
    serde_json::from_str(&text).expect("vectors file is JSON")
}

/// A `YYYY-MM-DD` field of a case.
pub fn date(case: &Value, key: &str) -> NaiveDate {
    NaiveDate::parse_from_str(case[key].as_str().expect("date string"), "%Y-%m-%d")
        .expect("ISO date")
}

/// A `YYYY-MM-DDTHH:MM` field of a case.
pub fn instant(case: &Value, key: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(
        case[key].as_str().expect("instant string"),
        "%Y-%m-%dT%H:%M",
    )
    .expect("ISO instant")
}

/// Checks one case: `expected` against an `Ok`, or the `error` code against
/// an `Err`. Returns a description of the mismatch, if any.
pub fn check<T: PartialEq + std::fmt::Debug>(
    case: &Value,
    result: Result<T, motcua::Error>,
    expected: impl FnOnce(&Value) -> T,
) -> Option<String> {
    match (case.get("error").and_then(Value::as_str), result) {
        (Some(code), Err(e)) if e.code() == code => None,
        (Some(code), other) => Some(format!("{case}: expected error {code}, got {other:?}")),
        (None, Ok(v)) if v == expected(&case["expected"]) => None,
        (None, other) => Some(format!("{case}: got {other:?}")),
    }
}

/// The report record of a dossier received online at `received_at` and
/// still in progress, without a due date or facts: the least a report
/// counts.
pub fn received_online(received_at: NaiveDateTime) -> motcua::report::ReportRecord {
    motcua::report::ReportRecord {
        channel: motcua::procedure::Channel::Online,
        received_at: Some(received_at),
        due_at: None,
        ended_at: None,
        ending: None,
        paused: false,
        supplement_requests: 0,
        facts: None,
    }
}

//! What the fuzz targets of motcua share: the calendar and sample catalog
//! built once per process, the round-trip assertion, and the checks that
//! hold of every dossier the library accepts (read from JSON or built
//! event by event).
//!
//! Every check panics with the offending document in its message, so that
//! a finding's log says what broke without a debugger.

#![forbid(unsafe_code)]

use std::fmt::Display;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDateTime};
use motcua::calendar::Calendar;
use motcua::dossier::{Dossier, Granularity};
use motcua::portal::{self, DossierSync};
use motcua::procedure::Catalog;
use motcua::report::{GroupBy, Period, PeriodReport, ReportRecord};
use serde_json::Value;

/// The input as text; the readers take `&str`, so other bytes are no input
/// for them.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The default calendar (2000–2100, embedded official schedules), built
/// once.
pub fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::vietnam)
}

/// A calendar with other working days than [`calendar`]'s (24/11 is no
/// holiday): a dossier recorded on one is refused by the other.
pub fn other_calendar() -> &'static Calendar {
    static OTHER: OnceLock<Calendar> = OnceLock::new();
    OTHER.get_or_init(|| {
        Calendar::builder()
            .without_culture_day()
            .build()
            .expect("the calendar without 24/11 builds")
    })
}

/// The sample center's catalog (`motcua::sample::catalog`), built once.
pub fn sample_catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| motcua::sample::catalog().expect("the sample catalog is valid"))
}

/// Asserts that `written`, a document the library wrote, reads back with
/// `read` into a value that `write` writes out as the same bytes; returns
/// that value.
pub fn reread<T, E: Display>(
    what: &str,
    written: &str,
    read: impl FnOnce(&str) -> Result<T, E>,
    write: impl FnOnce(&T) -> Result<String, motcua::Error>,
) -> T {
    let value = read(written).unwrap_or_else(|e| {
        panic!("{what}: the library's own output does not read back: {e}\n{written}")
    });
    let again =
        write(&value).unwrap_or_else(|e| panic!("{what}: what was read back does not write: {e}"));
    assert_eq!(
        again, written,
        "{what}: written, read back and written again, the document changed"
    );
    value
}

/// Every key and string value in `value`, depth first.
pub fn json_strings(value: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => out.push(s.as_str()),
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.as_str());
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
    out
}

/// The national-portal payloads of any dossier the library holds pass the
/// library's own validators: the dossier sync always, the progress update
/// whenever it can be built (its step deadlines may fall outside the
/// calendar).
pub fn check_portal(d: &Dossier) {
    let sync = DossierSync::from_dossier(d).unwrap_or_else(|e| {
        panic!(
            "no dossier sync payload for a dossier the library accepted: {e} ({})\ndossier: {}",
            e.code(),
            d.to_json().unwrap()
        )
    });
    let payload = sync.to_json().unwrap();
    if let Err(e) = portal::validate_dossier_sync(&payload) {
        panic!(
            "the library's own dossier sync payload fails validate_dossier_sync: {e} ({})\npayload: {payload}\ndossier: {}",
            e.code(),
            d.to_json().unwrap()
        );
    }
    if let Ok(entries) = portal::progress_entries(d) {
        let payload = serde_json::to_string(&entries).expect("progress entries serialize");
        if let Err(e) = portal::validate_progress(&payload) {
            panic!(
                "the library's own progress payload fails validate_progress: {e} ({})\npayload: {payload}\ndossier: {}",
                e.code(),
                d.to_json().unwrap()
            );
        }
    }
}

/// What holds of every dossier the library accepted:
/// - its JSON document and its JSON line read back (the line with a catalog
///   that holds its procedure) and write the same bytes, replayed to the
///   same clock state;
/// - on another calendar its document is refused as recorded elsewhere
///   (`dossier.calendar_mismatch`), and re-evaluated there on purpose
///   (`reevaluate_json`) it names the calendar it was recorded on;
/// - its portal payloads validate ([`check_portal`]);
/// - replayed up to its last event (`state_at`, `explain`, `step_usage_at`)
///   it replays, to its final status and due date;
/// - a report record derived from it is consistent, and a period report
///   of it keeps the identities of form II.06a;
/// - its forms and step usage can be asked for.
pub fn check_dossier(d: &Dossier) {
    let cal = d.calendar();
    let json = d.to_json().unwrap();
    let again = reread(
        "Dossier::to_json",
        &json,
        |j| Dossier::from_json(j, cal),
        Dossier::to_json,
    );
    assert_eq!(
        again.state(),
        d.state(),
        "from_json(to_json) replays to another state\n{json}"
    );

    let mut catalog = Catalog::default();
    catalog
        .insert(d.procedure().clone())
        .unwrap_or_else(|e| panic!("a dossier's procedure does not enter a catalog: {e}\n{json}"));
    let line = d.to_json_line().unwrap();
    let again = reread(
        "Dossier::to_json_line",
        &line,
        |l| Dossier::from_json_line(l, &catalog, cal),
        Dossier::to_json_line,
    );
    assert_eq!(
        again.state(),
        d.state(),
        "from_json_line(to_json_line) replays to another state\n{json}"
    );

    let other = other_calendar();
    if other.stamp().digest != cal.stamp().digest {
        match Dossier::from_json(&json, other) {
            Err(e) if e.code() == "dossier.calendar_mismatch" => {}
            Err(e) => panic!(
                "read on another calendar: {e} ({}), not a calendar mismatch\n{json}",
                e.code()
            ),
            Ok(_) => panic!("a document recorded on one calendar reads on another\n{json}"),
        }
        if let Ok((again, recorded)) = Dossier::reevaluate_json(&json, other) {
            assert_eq!(
                recorded,
                Some(cal.stamp()),
                "reevaluate_json names another calendar\n{json}"
            );
            assert_eq!(
                again.events(),
                d.events(),
                "reevaluate_json changed the log\n{json}"
            );
        }
    }

    check_portal(d);

    // Replays of the accepted log up to its last event succeed and agree
    // with the state after the whole log.
    let last = d
        .events()
        .last()
        .expect("a dossier has at least one event")
        .at;
    let replay_error = |what: &str, e: motcua::Error| -> ! {
        panic!(
            "{what} fails on a dossier the library accepted: {e} ({})\n{json}",
            e.code()
        )
    };
    let at_last = d
        .state_at(last)
        .unwrap_or_else(|e| replay_error("state_at(last event)", e));
    let state = d.state();
    assert_eq!(
        (at_last.status, at_last.due_at, at_last.ended_at),
        (state.status, state.due_at, state.ended_at),
        "state_at(last event) differs from the state after the log\n{json}"
    );
    let explanation = d.explain().unwrap_or_else(|e| replay_error("explain", e));
    let _ = (explanation.text_vi(), explanation.text_en());
    d.step_usage_at(last)
        .unwrap_or_else(|e| replay_error("step_usage_at(last event)", e));

    let _ = (
        d.receipt_slip(),
        d.apology_letter(),
        d.stop_notice(),
        d.step_usage(),
    );
    let _ = (d.appointment_kept(), d.rule_set(), d.violations());
    let _ = (
        d.timeliness(Granularity::Date),
        d.timeliness(Granularity::Instant),
    );

    check_report(d, last);
    if let Some(first) = d.events().first() {
        check_report(d, first.at);
    }
}

/// A record derived from the dossier's log at `at` is consistent, and the
/// report of `at`'s month holds the form's identities.
fn check_report(d: &Dossier, at: NaiveDateTime) {
    if let Ok(record) = ReportRecord::from_dossier(d, at) {
        assert!(
            record.is_consistent(),
            "ReportRecord::from_dossier gives an inconsistent record {record:?}\n{}",
            d.to_json().unwrap()
        );
    }
    let Ok(period) = Period::month(at.year(), at.month()) else {
        return;
    };
    let mut report = PeriodReport::new(period, GroupBy::CompetentUnit);
    if report.add(d).is_ok() {
        let total = report.total();
        assert!(
            total.identities_hold(),
            "a report of one dossier breaks the identities of form II.06a: {total:?}\n{}",
            d.to_json().unwrap()
        );
    }
}

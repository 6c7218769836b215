//! Runs the cross-runtime conformance vectors of `tests/vectors/calendar.json`
//! against the Rust core (pytest and the Node tests run the same file).

use chrono::NaiveDate;
use motcua::calendar::{lunar, Calendar};
use motcua_tests::{check, date, instant, vectors};
use serde_json::Value;

fn run(section: &str, mut one: impl FnMut(&Value) -> Option<String>) {
    let all = vectors("calendar");
    let cases = all[section].as_array().expect("section exists");
    assert!(!cases.is_empty());
    let failures: Vec<String> = cases.iter().filter_map(&mut one).collect();
    assert!(failures.is_empty(), "{section}:\n{}", failures.join("\n"));
}

fn iso(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().expect("date"), "%Y-%m-%d").expect("ISO date")
}

#[test]
fn is_working_day() {
    let cal = Calendar::vietnam();
    run("is_working_day", |c| {
        check(c, cal.is_working_day(date(c, "date")), |e| {
            e.as_bool().expect("bool")
        })
    });
}

#[test]
fn add_working_days() {
    let cal = Calendar::vietnam();
    run("add_working_days", |c| {
        let n = c["n"].as_i64().expect("n") as i32;
        check(c, cal.add_working_days(date(c, "date"), n), iso)
    });
}

#[test]
fn working_days_between() {
    let cal = Calendar::vietnam();
    run("working_days_between", |c| {
        check(
            c,
            cal.working_days_between(date(c, "a"), date(c, "b")),
            |e| e.as_i64().expect("int") as i32,
        )
    });
}

#[test]
fn add_working_time() {
    let cal = Calendar::vietnam();
    run("add_working_time", |c| {
        let f = |k: &str| c[k].as_f64().expect("number");
        let result = cal
            .working_duration(f("days"), f("hours"), f("minutes"))
            .and_then(|d| cal.add_working_time(instant(c, "start"), d));
        check(c, result, |_| instant(c, "expected"))
    });
}

#[test]
fn next_working_instant() {
    let cal = Calendar::vietnam();
    run("next_working_instant", |c| {
        check(c, cal.next_working_instant(instant(c, "at")), |_| {
            instant(c, "expected")
        })
    });
}

#[test]
fn working_time_between() {
    let cal = Calendar::vietnam();
    run("working_time_between", |c| {
        let result = cal
            .working_time_between(instant(c, "a"), instant(c, "b"))
            .map(|w| w.seconds());
        check(c, result, |_| {
            c["expected_seconds"].as_i64().expect("seconds")
        })
    });
}

#[test]
fn add_calendar_days() {
    let cal = Calendar::vietnam();
    run("add_calendar_days", |c| {
        let days = c["days"].as_i64().expect("days") as i32;
        check(c, cal.add_calendar_days(date(c, "date"), days), iso)
    });
}

#[test]
fn to_lunar() {
    run("to_lunar", |c| {
        check(c, lunar::to_lunar(date(c, "date")), |e| lunar::LunarDate {
            year: e["year"].as_i64().expect("year") as i32,
            month: e["month"].as_u64().expect("month") as u32,
            day: e["day"].as_u64().expect("day") as u32,
            leap: e["leap"].as_bool().expect("leap"),
        })
    });
}

#[test]
fn from_lunar() {
    run("from_lunar", |c| {
        let n = |k: &str| c[k].as_i64().expect("int");
        let result = lunar::from_lunar(
            n("year") as i32,
            n("month") as i32,
            n("day") as i32,
            c["leap"].as_bool().expect("leap"),
        );
        check(c, result, iso)
    });
}

#[test]
fn year_name() {
    run("year_name", |c| {
        let name = lunar::year_name(c["year"].as_i64().expect("year") as i32);
        (name != c["expected"].as_str().expect("name")).then(|| format!("{c}: got {name}"))
    });
}

#[test]
fn holidays() {
    let cal = Calendar::vietnam();
    run("holidays", |c| {
        let year = c["year"].as_i64().expect("year") as i32;
        let got: Vec<(String, String)> = cal
            .holidays(year)
            .expect("year in range")
            .iter()
            .map(|h| (h.date.to_string(), h.kind.code().to_owned()))
            .collect();
        let want: Vec<(String, String)> = c["expected"]
            .as_array()
            .expect("list")
            .iter()
            .map(|p| {
                (
                    p[0].as_str().expect("date").into(),
                    p[1].as_str().expect("kind").into(),
                )
            })
            .collect();
        let provisional = c["provisional"].as_bool().expect("provisional");
        let all_provisional = cal
            .holidays(year)
            .expect("year")
            .iter()
            .all(|h| h.is_provisional() == provisional);
        (got != want || !all_provisional).then(|| format!("{year}: got {got:?}"))
    });
}

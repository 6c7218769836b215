//! The unit registry: Gia Lai's departments and communes as the portal
//! lists them, identifier history across 01/07/2025, and reports regrouped
//! by current unit.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::iso;
use motcua::procedure::Channel;
use motcua::report::{Ending, GroupBy, Period, PeriodReport, ReportRecord};
use motcua::unit::{Registry, UnitGroup};
use serde_json::{json, Value};

#[test]
fn gia_lai_is_its_departments_and_communes_with_the_exports_identifiers() {
    let r = Registry::gia_lai().unwrap();
    assert_eq!(
        (r.province.code.as_str(), r.province.name.as_str()),
        ("H21", "UBND tỉnh Gia Lai")
    );
    assert_eq!(r.group(UnitGroup::Agency).count(), 14);
    assert_eq!(r.group(UnitGroup::Commune).count(), 135);
    assert!(r.source.contains("duynghiaqn/Crawler-766"));
    // The scoring export of 10/10/2026 names the same 149 units.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/dvcqg/gia_lai_10102026.json"
    );
    let export: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for unit in export["unitsDetail"].as_array().unwrap() {
        let ours = r.current(unit["departmentId"].as_str().unwrap()).unwrap();
        assert_eq!(ours.code, unit["departmentCode"].as_str().unwrap());
        assert_eq!(ours.group.code(), unit["childGroup"].as_str().unwrap());
    }
    assert_eq!(Registry::from_json(&r.to_json().unwrap()).unwrap(), r);
}

/// Two communes merged into a new one on 01/07/2025, and a ward renamed
/// twice.
fn merged() -> Value {
    json!({
        "source": "test",
        "province": {"id": "p", "code": "H99", "name": "Tỉnh thử"},
        "units": [
            {"id": "x-new", "code": "H99.101", "name": "UBND xã Mới", "group": "COMMUNE"},
            {"id": "w-2026", "code": "H99.102", "name": "UBND phường Hai", "group": "COMMUNE"},
            {"id": "s", "code": "H99.01", "name": "Sở Tư pháp", "group": "AGENCY"}
        ],
        "history": [
            {"from": "x-old-a", "to": "x-new", "effective": "2025-07-01", "from_code": "H99.501", "from_name": "UBND xã A"},
            {"from": "x-old-b", "to": "x-new", "effective": "2025-07-01", "from_code": "H99.502"},
            {"from": "w-2024", "to": "w-2025", "effective": "2025-07-01"},
            {"from": "w-2025", "to": "w-2026", "effective": "2026-01-01"}
        ]
    })
}

fn load(v: &Value) -> motcua::Result<Registry> {
    Registry::from_json(&v.to_string())
}

#[test]
fn former_identifiers_lead_to_the_current_unit() {
    let r = load(&merged()).unwrap();
    assert_eq!(r.current("x-old-a").unwrap().code, "H99.101");
    assert_eq!(r.current("x-old-b").unwrap().code, "H99.101");
    assert_eq!(r.current("w-2024").unwrap().code, "H99.102");
    assert_eq!(r.current("s").unwrap().name, "Sở Tư pháp");
    let e = r.current("nowhere").unwrap_err();
    assert!(
        e.message().contains("\"nowhere\" is neither a unit"),
        "{}",
        e.message()
    );
}

#[test]
fn a_report_across_the_merger_has_one_row_per_unit() {
    let record = |received: &str| ReportRecord {
        channel: Channel::Online,
        received_at: iso::parse_instant(received),
        due_at: iso::parse_instant("2025-07-20T17:00"),
        ended_at: iso::parse_instant("2025-07-10T10:00"),
        ending: Some(Ending::Resolved),
        paused: false,
        supplement_requests: 0,
        facts: None,
    };
    let mut report = PeriodReport::new(
        Period::new(
            iso::parse_date("2025-06-01").unwrap(),
            iso::parse_date("2025-07-31").unwrap(),
        )
        .unwrap(),
        GroupBy::Agency,
    );
    report.add_record("x-old-a", &record("2025-06-20T09:00"));
    report.add_record("x-old-b", &record("2025-06-25T09:00"));
    report.add_record("H99.101", &record("2025-07-02T09:00"));
    report.add_record("s", &record("2025-07-03T09:00"));
    let r = load(&merged()).unwrap();
    let by_unit = r.regroup(&report).unwrap();
    let keys: Vec<&str> = by_unit.rows.keys().map(String::as_str).collect();
    assert_eq!(keys, ["H99.01", "H99.101"]);
    assert_eq!(by_unit.rows["H99.101"].received, 3);
    assert_eq!(by_unit.total(), report.total());
    report.add_record("x-typo", &record("2025-07-04T09:00"));
    let e = r.regroup(&report).unwrap_err();
    assert!(
        e.message().contains("report row \"x-typo\""),
        "{}",
        e.message()
    );
}

#[test]
fn a_registry_with_a_shared_identifier_or_a_cycle_is_refused() {
    let mut v = merged();
    v["units"][1]["id"] = "x-new".into();
    let e = load(&v).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert!(
        e.message().contains("have the same identifier \"x-new\""),
        "{}",
        e.message()
    );

    let mut v = merged();
    v["history"][0]["from"] = "s".into();
    assert!(load(&v)
        .unwrap_err()
        .message()
        .contains("the same identifier \"s\""));

    let mut v = merged();
    v["history"]
        .as_array_mut()
        .unwrap()
        .push(json!({"from": "loop-a", "to": "loop-b", "effective": "2025-07-01"}));
    v["history"]
        .as_array_mut()
        .unwrap()
        .push(json!({"from": "loop-b", "to": "loop-a", "effective": "2025-07-01"}));
    let e = load(&v).unwrap_err();
    assert!(e.message().contains("in a cycle"), "{}", e.message());

    let mut v = merged();
    v["history"][2]["to"] = "gone".into();
    assert!(load(&v)
        .unwrap_err()
        .message()
        .contains("\"gone\" is neither a unit"));

    let mut v = merged();
    v["units"][0]["group"] = "DISTRICT".into();
    assert_eq!(load(&v).unwrap_err().path(), Some("units[0].group"));
}

#[test]
fn the_scorecard_compares_a_unit_with_its_former_identifier() {
    use motcua::index::{inputs, IndexInputs, Methodology, Ratio, UnitInputs};
    let r = load(&merged()).unwrap();
    let unit = |id: &str, code: &str, on_time: u64| {
        let mut i = IndexInputs::new();
        i.set(inputs::ON_TIME, Ratio::new(on_time, 100).unwrap())
            .unwrap();
        UnitInputs {
            id: id.into(),
            code: code.into(),
            name: code.into(),
            group: UnitGroup::Commune,
            inputs: i,
        }
    };
    let month = [unit("x-new", "H99.101", 90), unit("w-2026", "H99.102", 95)];
    // June 2025: the ward under its first identifier; the two communes
    // that merged into H99.101.
    let june = [
        unit("w-2024", "H99.900", 80),
        unit("x-old-a", "H99.501", 99),
        unit("x-old-b", "H99.502", 70),
    ];
    let card = Methodology::default_766()
        .scorecard(&month, &june, Some(&r))
        .unwrap();
    let ward = card.rows.iter().find(|row| row.code == "H99.102").unwrap();
    assert_eq!(
        (ward.rank, ward.previous_total, ward.change),
        (1, Some(16.0), Some(3.0))
    );
    let merged_unit = card.rows.iter().find(|row| row.code == "H99.101").unwrap();
    assert_eq!((merged_unit.rank, merged_unit.previous_total), (2, None));
    let e = Methodology::default_766()
        .scorecard(&[unit("elsewhere", "H98.1", 1)], &[], Some(&r))
        .unwrap_err();
    assert!(e.message().starts_with("unit H98.1: "), "{}", e.message());
}

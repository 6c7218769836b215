//! National-portal payloads built from dossiers, and their validation.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::sync::Arc;

use motcua::calendar::{iso, Calendar};
use motcua::dossier::{Applicant, Dossier, DossierCode};
use motcua::portal::{
    parse_timestamp, progress_entries, timestamp, validate_dossier_sync, DossierSync,
};
use motcua::procedure::{Channel, Procedure};

fn dossier() -> Dossier {
    let p = Procedure::from_json(
        r#"{"code": "1.004227", "name": "Cấp giấy phép xây dựng", "field": "Xây dựng", "agency": "Sở Xây dựng",
            "processing_time": {"kind": "working_days", "days": 5},
            "fees": [{"kind": "charge", "name": "Lệ phí", "amount_vnd": 75000}],
            "workflow": [{"id": "review", "name": "Thẩm định", "agency": "Phòng QLXD", "budget": 5}]}"#,
    )
    .unwrap();
    let t = |s| iso::parse_instant(s).unwrap();
    let mut d = Dossier::receive(
        Arc::new(p),
        &Calendar::vietnam(),
        DossierCode::parse("000.00.06.H56-231027-0361").unwrap(),
        Channel::Online,
        t("2023-10-27T09:32"),
        "officer-1",
    )
    .unwrap();
    d.set_applicant(Some(Applicant {
        name: "Nguyễn Văn An".into(),
        id_number: "001203004567".into(),
        ..Default::default()
    }));
    d.route(t("2023-10-27T10:00"), "officer-1", "review")
        .unwrap();
    d.request_supplement(t("2023-10-30T09:00"), "officer-2", "thiếu bản vẽ")
        .unwrap();
    d.complete_supplement(t("2023-10-31T09:00"), "citizen")
        .unwrap();
    d.resolve(t("2023-11-06T16:00"), "officer-2").unwrap();
    d.return_result(t("2023-11-07T08:00"), "officer-1").unwrap();
    d
}

#[test]
fn dossier_sync_is_built_and_valid() {
    let sync = DossierSync::from_dossier(&dossier()).unwrap();
    assert_eq!(sync.code, "000.00.06.H56-231027-0361");
    assert_eq!((sync.channel, sync.status), (2, 10));
    assert_eq!(sync.received_at, "20231027093200");
    assert_eq!(sync.due_at, "20231107090000");
    assert_eq!(sync.ended_at, "20231106160000");
    assert_eq!(sync.supplements.len(), 1);
    assert_eq!(sync.supplements[0].due_before, "20231103093200");
    assert_eq!(sync.supplements[0].due_after, "20231107090000");
    assert_eq!(sync.fees[0].kind, 2);
    let json = sync.to_json().unwrap();
    assert!(json.contains("\"MaTTHC\":\"1.004227\""));
    validate_dossier_sync(&json).unwrap();
}

#[test]
fn progress_has_one_entry_per_event_with_step_deadlines() {
    let entries = progress_entries(&dossier()).unwrap();
    assert_eq!(entries.len(), 6);
    let routed = &entries[1];
    assert_eq!(routed.unit, "Phòng QLXD");
    assert_eq!(routed.status, 4);
    assert_eq!(routed.deadline, "20231103100000");
    assert_eq!(entries[5].status, 10);
}

#[test]
fn invalid_payloads_name_the_field() {
    let good = DossierSync::from_dossier(&dossier())
        .unwrap()
        .to_json()
        .unwrap();
    let cases = [
        (
            "\"TrangThaiHoSo\":10",
            "\"TrangThaiHoSo\":11",
            "TrangThaiHoSo",
        ),
        (
            "\"KenhThucHien\":2",
            "\"KenhThucHien\":\"2\"",
            "KenhThucHien",
        ),
        (
            "\"NgayTiepNhan\":\"20231027093200\"",
            "\"NgayTiepNhan\":\"2023-10-27\"",
            "NgayTiepNhan",
        ),
        (
            "\"MaHoSo\":\"000.00.06.H56-231027-0361\"",
            "\"MaHoSo\":\"H56-1\"",
            "MaHoSo",
        ),
        (
            "\"NgayTra\":\"20231107080000\"",
            "\"NgayTra\":\"\"",
            "NgayTra",
        ),
        (
            "\"NgayKetThucXuLy\":\"20231106160000\"",
            "\"NgayKetThucXuLy\":\"20231001160000\"",
            "NgayKetThucXuLy",
        ),
    ];
    for (from, to, field) in cases {
        assert!(good.contains(from), "{from}");
        let err = validate_dossier_sync(&good.replace(from, to)).unwrap_err();
        assert_eq!(err.code(), "portal.invalid_payload");
        assert!(err.message().starts_with(field), "{}", err.message());
    }
    assert!(validate_dossier_sync("[]").is_err());
    let t = iso::parse_instant("2023-10-27T09:32").unwrap();
    assert_eq!(parse_timestamp(&timestamp(t)), Some(t));
    assert_eq!(parse_timestamp("2023102709320"), None);
}

#[test]
fn debug_output_hides_the_applicant_and_progress_validates() {
    let d = dossier();
    let sync = DossierSync::from_dossier(&d).unwrap();
    let shown = format!("{sync:?}");
    assert!(
        !shown.contains("001203004567") && !shown.contains("Nguyễn"),
        "{shown}"
    );
    let progress = serde_json::to_string(&progress_entries(&d).unwrap()).unwrap();
    motcua::portal::validate_progress(&progress).unwrap();
    let err = motcua::portal::validate_progress(&progress.replacen(
        "\"TrangThai\":2",
        "\"TrangThai\":12",
        1,
    ))
    .unwrap_err();
    assert!(err.message().starts_with("[0]"), "{}", err.message());
    assert_eq!(err.path(), Some("[0].TrangThai"));
    let good = sync.to_json().unwrap();
    let err =
        validate_dossier_sync(&good.replace("\"Gia\":75000", "\"Gia\":\"75000\"")).unwrap_err();
    assert!(
        err.message().starts_with("DanhSachLePhi[0].Gia"),
        "{}",
        err.message()
    );
    // The same path syntax as every other reader, carried as data too.
    assert_eq!(err.path(), Some("DanhSachLePhi[0].Gia"));
}

#[test]
fn the_payloads_of_a_withdrawal_before_acceptance_and_of_a_refusal_after_appraisal_validate() {
    let p = Arc::new(
        Procedure::from_json(
            r#"{"code": "1.000005", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}}"#,
        )
        .unwrap(),
    );
    let t = |s| iso::parse_instant(s).unwrap();
    let cal = Calendar::vietnam();
    let code = DossierCode::parse("H15.50.05.12-261001-0001").unwrap();
    let mut withdrawn = Dossier::submit(
        p.clone(),
        &cal,
        code.clone(),
        Channel::Online,
        t("2026-10-01T09:00"),
        "portal",
    )
    .unwrap();
    withdrawn
        .withdraw(t("2026-10-01T10:00"), "citizen")
        .unwrap();
    let mut refused =
        Dossier::receive(p, &cal, code, Channel::Direct, t("2026-10-01T09:00"), "x").unwrap();
    refused
        .refuse(t("2026-10-02T09:00"), "x", "không đủ điều kiện")
        .unwrap();
    for d in [withdrawn, refused] {
        let json = serde_json::to_string(&DossierSync::from_dossier(&d).unwrap()).unwrap();
        validate_dossier_sync(&json).unwrap();
    }
}

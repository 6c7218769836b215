//! The validators of national-portal payloads (`DongBoHoSoMC`,
//! `CapNhatTienDoHoSoMC`), on the same reader and with the same path syntax
//! as every other document.

use chrono::NaiveDateTime;
use serde_json::Value;

use super::Path;
use crate::dossier::DossierCode;
use crate::error::{Error, ErrorKind, Result};
use crate::portal::parse_timestamp;

/// The error of a payload at `at`: `portal.invalid_payload`, the message
/// led by the field's path in the reader's syntax (`DanhSachLePhi[0].Gia`,
/// `[2].TrangThai`; `$` for the payload itself), the path carried as
/// [`Error::path`].
fn invalid(at: &Path<'_>, message: impl std::fmt::Display) -> Error {
    let path = at.to_string();
    let shown = if path.is_empty() { "$" } else { path.as_str() };
    Error::new(ErrorKind::InvalidPayload, format!("{shown}: {message}")).with_path(path)
}

/// The string `field` of the object `v` at `at`; `""` when absent and not
/// `required`.
fn text<'a>(v: &'a Value, at: &Path<'_>, field: &str, required: bool) -> Result<&'a str> {
    let here = Path::Key(at, field);
    match v.get(field) {
        Some(Value::String(s)) if !required || !s.is_empty() => Ok(s),
        Some(Value::String(_)) | None if required => Err(invalid(&here, "is required")),
        None => Ok(""),
        Some(other) => Err(invalid(
            &here,
            format!("expected a string, found {}", super::kind(other)),
        )),
    }
}

/// The whole-number code `field` of `v` at `at`, within `range`.
fn code_in(
    v: &Value,
    at: &Path<'_>,
    field: &str,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64> {
    let here = Path::Key(at, field);
    let n = v
        .get(field)
        .ok_or_else(|| invalid(&here, "is required"))?
        .as_u64()
        .ok_or_else(|| invalid(&here, "expected a whole number"))?;
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(invalid(
            &here,
            format!(
                "{n} is not a code from {} to {}",
                range.start(),
                range.end()
            ),
        ))
    }
}

/// The `yyyyMMddHHmmss` timestamp `field` of `v` at `at`, if present.
fn time_field(
    v: &Value,
    at: &Path<'_>,
    field: &str,
    required: bool,
) -> Result<Option<NaiveDateTime>> {
    let t = text(v, at, field, required)?;
    if t.is_empty() {
        return Ok(None);
    }
    parse_timestamp(t).map(Some).ok_or_else(|| {
        invalid(
            &Path::Key(at, field),
            format!("{t:?} is not a timestamp yyyyMMddHHmmss"),
        )
    })
}

/// The dossier code `field` of `v` at `at`, of any code rule (the
/// payloads of every system: a centrally run system's code too).
fn dossier_code(v: &Value, at: &Path<'_>, field: &str) -> Result<()> {
    let code = text(v, at, field, true)?;
    DossierCode::parse_any(code)
        .map(drop)
        .map_err(|e| invalid(&Path::Key(at, field), e.message()))
}

/// Validates a `DongBoHoSoMC` payload (JSON text): required fields, codes,
/// timestamps and their order. Errors name the field.
pub fn validate_dossier_sync(json: &str) -> Result<()> {
    let v: Value = super::parse(json).map_err(|e| e.into_error(ErrorKind::InvalidPayload, "$"))?;
    let root = &Path::Root;
    if !v.is_object() {
        return Err(invalid(root, "expected an object"));
    }
    dossier_code(&v, root, "MaHoSo")?;
    text(&v, root, "MaTTHC", true)?;
    text(&v, root, "TenTTHC", true)?;
    code_in(&v, root, "KenhThucHien", 1..=3)?;
    let status = code_in(&v, root, "TrangThaiHoSo", 1..=10)?;
    if v.get("LoaiDoiTuong").is_some() {
        code_in(&v, root, "LoaiDoiTuong", 1..=4)?;
    }
    let submitted = time_field(&v, root, "NgayNopHoSo", true)?;
    // Received in every status but 1 (submitted) and 3 (refused at
    // reception); a withdrawal (7) may come before the reception.
    let accepted = !matches!(status, 1 | 3 | 7);
    let received = time_field(&v, root, "NgayTiepNhan", accepted)?;
    time_field(&v, root, "NgayHenTra", false)?;
    let ended = time_field(&v, root, "NgayKetThucXuLy", matches!(status, 7 | 9 | 10))?;
    time_field(&v, root, "NgayTra", status == 10)?;
    time_field(&v, root, "NgayTuChoi", status == 3)?;
    if let (Some(s), Some(r)) = (submitted, received) {
        if r < s {
            return Err(invalid(
                &Path::Key(root, "NgayTiepNhan"),
                "is before NgayNopHoSo",
            ));
        }
    }
    if let (Some(r), Some(e)) = (received, ended) {
        if e < r {
            return Err(invalid(
                &Path::Key(root, "NgayKetThucXuLy"),
                "is before NgayTiepNhan",
            ));
        }
    }
    if let (Some(r), Some(due)) = (received, time_field(&v, root, "NgayHenTra", false)?) {
        if due < r {
            return Err(invalid(
                &Path::Key(root, "NgayHenTra"),
                "is before NgayTiepNhan",
            ));
        }
    }
    if let (Some(e), Some(returned)) = (ended, time_field(&v, root, "NgayTra", false)?) {
        if returned < e {
            return Err(invalid(
                &Path::Key(root, "NgayTra"),
                "is before NgayKetThucXuLy",
            ));
        }
    }
    // Status 3 with a reception is a refusal after appraisal: it comes after
    // the reception.
    if let (Some(r), Some(refused)) = (received, time_field(&v, root, "NgayTuChoi", false)?) {
        if refused < r {
            return Err(invalid(
                &Path::Key(root, "NgayTuChoi"),
                "is before NgayTiepNhan",
            ));
        }
    }
    for (field, range) in [
        ("DuocThanhToanTrucTuyen", 0..=2),
        ("HoSoCoThanhPhanSoHoa", 0..=1),
        ("TaiKhoanDuocXacThucVoiVNeID", 0..=1),
        ("HinhThuc", 0..=2),
    ] {
        if v.get(field).is_some() {
            code_in(&v, root, field, range)?;
        }
    }
    if let Some(fees) = v.get("DanhSachLePhi") {
        let list_at = Path::Key(root, "DanhSachLePhi");
        let list = fees
            .as_array()
            .ok_or_else(|| invalid(&list_at, "expected an array"))?;
        for (i, fee) in list.iter().enumerate() {
            let at = Path::Index(&list_at, i);
            text(fee, &at, "TenPhiLePhi", true)?;
            fee.get("Gia")
                .and_then(Value::as_u64)
                .ok_or_else(|| invalid(&Path::Key(&at, "Gia"), "expected a whole number of VND"))?;
            code_in(fee, &at, "LoaiPhiLePhi", 1..=2)?;
        }
    }
    Ok(())
}

/// Validates a `CapNhatTienDoHoSoMC` payload (JSON array of entries):
/// dossier code, timestamps and status of every entry. Errors name the
/// entry and the field.
pub fn validate_progress(json: &str) -> Result<()> {
    let v: Value = super::parse(json).map_err(|e| e.into_error(ErrorKind::InvalidPayload, "$"))?;
    let list = v
        .as_array()
        .ok_or_else(|| invalid(&Path::Root, "expected an array of progress entries"))?;
    for (i, entry) in list.iter().enumerate() {
        let at = Path::Index(&Path::Root, i);
        dossier_code(entry, &at, "MaHoSo")?;
        time_field(entry, &at, "ThoiDiemXuLy", true)?;
        time_field(entry, &at, "NgayBatDau", false)?;
        time_field(entry, &at, "NgayKetThucTheoQuyDinh", false)?;
        code_in(entry, &at, "TrangThai", 1..=10)?;
    }
    Ok(())
}

//! Payloads for the national public-service portal (DVCQG): the dossier
//! sync (`DongBoHoSoMC`) and the progress update (`CapNhatTienDoHoSoMC`),
//! built from a dossier and validated offline, so any one-stop system can
//! reuse them without a server.
//!
//! Field names and codes follow the integrations seen in practice
//! (`domain-rules.md` §4.2; the official specification was not found):
//! timestamps `yyyyMMddHHmmss` in Vietnam local time, `TrangThaiHoSo` 1–10,
//! `KenhThucHien` 1 direct / 2 online / 3 postal, `LoaiDoiTuong` 1 citizen /
//! 2 enterprise / 3 state agency / 4 other.

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dossier::{Dossier, Event, EventKind, Status};
use crate::error::Result;
use crate::procedure::FeeKind;

/// The validators of the payloads, on the reader every document uses.
pub use crate::wire::{validate_dossier_sync, validate_progress};

/// `yyyyMMddHHmmss`.
pub fn timestamp(t: NaiveDateTime) -> String {
    let d = t.date();
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Reads `yyyyMMddHHmmss`.
pub fn parse_timestamp(text: &str) -> Option<NaiveDateTime> {
    crate::calendar::iso::parse_layout(text, "YYYYMMDDhhmmss")
}

fn ts(t: Option<NaiveDateTime>) -> String {
    t.map(timestamp).unwrap_or_default()
}

/// A fee line of the dossier sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeLine {
    /// Name.
    #[serde(rename = "TenPhiLePhi")]
    pub name: String,
    /// Amount in VND.
    #[serde(rename = "Gia")]
    pub amount_vnd: u64,
    /// 1 phí, 2 lệ phí.
    #[serde(rename = "LoaiPhiLePhi")]
    pub kind: u8,
}

/// A supplement round of the dossier sync, with the appointment before and
/// after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplementLine {
    /// What was asked.
    #[serde(rename = "NoiDungBoSung")]
    pub content: String,
    /// When it was asked.
    #[serde(rename = "NgayYeuCau")]
    pub requested_at: String,
    /// When the complete supplement arrived (empty while waiting).
    #[serde(rename = "NgayTiepNhanBoSung")]
    pub completed_at: String,
    /// The appointment before.
    #[serde(rename = "NgayHenTraTruoc")]
    pub due_before: String,
    /// The appointment after.
    #[serde(rename = "NgayHenTraMoi")]
    pub due_after: String,
}

/// The `DongBoHoSoMC` payload of one dossier.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierSync {
    /// Dossier code.
    #[serde(rename = "MaHoSo")]
    pub code: String,
    /// Procedure code.
    #[serde(rename = "MaTTHC")]
    pub procedure_code: String,
    /// Procedure name.
    #[serde(rename = "TenTTHC")]
    pub procedure_name: String,
    /// Field name.
    #[serde(rename = "TenLinhVuc")]
    pub field: String,
    /// 1 direct, 2 online, 3 postal.
    #[serde(rename = "KenhThucHien")]
    pub channel: u8,
    /// Applicant's name.
    #[serde(rename = "ChuHoSo")]
    pub applicant_name: String,
    /// Applicant's identity number.
    #[serde(rename = "SoGiayToChuHoSo")]
    pub applicant_id: String,
    /// 1 citizen, 2 enterprise, 3 state agency, 4 other.
    #[serde(rename = "LoaiDoiTuong")]
    pub applicant_kind: u8,
    /// Applicant's e-mail.
    #[serde(rename = "Email")]
    pub email: String,
    /// Applicant's phone.
    #[serde(rename = "SoDienThoai")]
    pub phone: String,
    /// Submission (first event).
    #[serde(rename = "NgayNopHoSo")]
    pub submitted_at: String,
    /// Reception (acceptance).
    #[serde(rename = "NgayTiepNhan")]
    pub received_at: String,
    /// Appointment (the new one after an apology).
    #[serde(rename = "NgayHenTra")]
    pub due_at: String,
    /// Status 1–10.
    #[serde(rename = "TrangThaiHoSo")]
    pub status: u8,
    /// End of processing (resolved or withdrawn).
    #[serde(rename = "NgayKetThucXuLy")]
    pub ended_at: String,
    /// Result returned.
    #[serde(rename = "NgayTra")]
    pub returned_at: String,
    /// Refused at reception.
    #[serde(rename = "NgayTuChoi")]
    pub refused_at: String,
    /// Implementing agency.
    #[serde(rename = "DonViXuLy")]
    pub agency: String,
    /// Fees.
    #[serde(rename = "DanhSachLePhi")]
    pub fees: Vec<FeeLine>,
    /// Supplement rounds.
    #[serde(rename = "DanhSachHoSoBoSung")]
    pub supplements: Vec<SupplementLine>,
    /// Field code (mã lĩnh vực), when the catalog has one.
    #[serde(rename = "MaLinhVuc", default)]
    pub field_code: String,
    /// Applicant's code in the population or enterprise database.
    #[serde(rename = "MaDoiTuong", default)]
    pub applicant_code: String,
    /// Fax.
    #[serde(rename = "Fax", default)]
    pub fax: String,
    /// Summary of the request.
    #[serde(rename = "TrichYeuHoSo", default)]
    pub summary: String,
    /// How the result is delivered (1 at the desk, 2 by post).
    #[serde(rename = "HinhThuc", default)]
    pub delivery: u8,
    /// Information on the returned result.
    #[serde(rename = "ThongTinTra", default)]
    pub result_info: String,
    /// Where the dossier was filed.
    #[serde(rename = "NoiNopHoSo", default)]
    pub filed_at_place: String,
    /// Note.
    #[serde(rename = "GhiChu", default)]
    pub note: String,
    /// 1 when a component was digitised (else 0).
    #[serde(rename = "HoSoCoThanhPhanSoHoa", default)]
    pub digitised: u8,
    /// 1 when the applicant's account was authenticated with VNeID.
    #[serde(rename = "TaiKhoanDuocXacThucVoiVNeID", default)]
    pub vneid: u8,
    /// 1 paid online on the national portal, 2 through a local gateway, 0 not.
    #[serde(rename = "DuocThanhToanTrucTuyen", default)]
    pub paid_online: u8,
    /// The applicant's identifiers.
    #[serde(rename = "DinhDanhCHS", default)]
    pub identifiers: Vec<Value>,
    /// Database connections used.
    #[serde(rename = "DSKetNoiCSDL", default)]
    pub connections: Vec<Value>,
    /// Documents filed.
    #[serde(rename = "TaiLieuNop", default)]
    pub documents: Vec<Value>,
    /// Result documents.
    #[serde(rename = "DanhSachGiayToKetQua", default)]
    pub results: Vec<Value>,
}

/// One entry of the `CapNhatTienDoHoSoMC` progress payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    /// Dossier code.
    #[serde(rename = "MaHoSo")]
    pub code: String,
    /// Who acted.
    #[serde(rename = "NguoiXuLy")]
    pub actor: String,
    /// When.
    #[serde(rename = "ThoiDiemXuLy")]
    pub at: String,
    /// Unit handling the step.
    #[serde(rename = "PhongBanXuLy")]
    pub unit: String,
    /// What was done (Vietnamese).
    #[serde(rename = "NoiDungXuLy")]
    pub content: String,
    /// Status after the step, 1–10.
    #[serde(rename = "TrangThai")]
    pub status: u8,
    /// Start of the step.
    #[serde(rename = "NgayBatDau")]
    pub started_at: String,
    /// The step's deadline (its budget from its start, else the dossier's).
    #[serde(rename = "NgayKetThucTheoQuyDinh")]
    pub deadline: String,
}

impl std::fmt::Debug for DossierSync {
    /// Without the applicant's personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DossierSync")
            .field("MaHoSo", &self.code)
            .field("MaTTHC", &self.procedure_code)
            .field("TrangThaiHoSo", &self.status)
            .field("NgayTiepNhan", &self.received_at)
            .field("NgayHenTra", &self.due_at)
            .finish_non_exhaustive()
    }
}

impl DossierSync {
    /// The sync payload of a dossier as it stands.
    pub fn from_dossier(d: &Dossier) -> Result<Self> {
        let p = d.procedure();
        let a = d.applicant().cloned().unwrap_or_default();
        let state = d.state();
        let mut supplements = Vec::new();
        // Replay to read the due date around each supplement round.
        let clock = crate::dossier::Clock::new(d.calendar(), p, d.channel());
        let mut s = crate::dossier::ClockState::new();
        let history = d.history();
        for e in &history {
            let before = s.due_at;
            clock.advance(&mut s, e)?;
            match &e.kind {
                EventKind::SupplementRequested { reason } => supplements.push(SupplementLine {
                    content: reason.clone(),
                    requested_at: timestamp(e.at),
                    completed_at: String::new(),
                    due_before: ts(before),
                    due_after: String::new(),
                }),
                EventKind::SupplementCompleted => {
                    if let Some(last) = supplements.last_mut() {
                        last.completed_at = timestamp(e.at);
                        last.due_after = ts(s.due_at);
                    }
                }
                _ => {}
            }
        }
        let refused_at = match state.status {
            Some(Status::Refused) => ts(state.ended_at),
            _ => String::new(),
        };
        Ok(Self {
            code: d.code().to_string(),
            procedure_code: p.code.clone(),
            procedure_name: p.name.clone(),
            field: p.field.clone(),
            channel: d.channel().portal_code(),
            applicant_name: a.name,
            applicant_id: a.id_number,
            applicant_kind: 1,
            email: a.email,
            phone: a.phone,
            submitted_at: ts(history.first().map(|e| e.at)),
            received_at: ts(state.received_at),
            due_at: ts(d.appointment_at()),
            status: d.status().code(),
            ended_at: if refused_at.is_empty() {
                ts(state.ended_at)
            } else {
                String::new()
            },
            returned_at: ts(state.returned_at),
            refused_at,
            agency: p.agency.clone(),
            fees: p
                .fees
                .iter()
                .map(|f| FeeLine {
                    name: f.name.clone(),
                    amount_vnd: f.amount_vnd,
                    kind: match f.kind {
                        FeeKind::Fee => 1,
                        FeeKind::Charge => 2,
                    },
                })
                .collect(),
            supplements,
            field_code: String::new(),
            applicant_code: String::new(),
            fax: String::new(),
            summary: p.name.clone(),
            delivery: if d.channel() == crate::procedure::Channel::Postal {
                2
            } else {
                1
            },
            result_info: String::new(),
            filed_at_place: d.code().agency().to_owned(),
            note: String::new(),
            digitised: 0,
            vneid: 0,
            paid_online: 0,
            identifiers: Vec::new(),
            connections: Vec::new(),
            documents: p
                .documents
                .iter()
                .map(|name| serde_json::json!({"TenTepDinhKem": name}))
                .collect(),
            results: Vec::new(),
        })
    }

    /// The payload as JSON.
    pub fn to_json(&self) -> Result<String> {
        crate::wire::to_string(self)
    }
}

/// The progress entries of a dossier, one per entry of its log. The
/// figures (status, deadline) follow the corrected history; an entry a
/// correction voided or amended says so ("đã hủy", "đã đính chính") and an
/// amended one shows what it counts as; a correction is an entry of its
/// own, by its officer.
pub fn progress_entries(d: &Dossier) -> Result<Vec<ProgressEntry>> {
    use crate::dossier::correction::{fates, Fate};
    let p = d.procedure();
    let cal = d.calendar();
    let clock = crate::dossier::Clock::new(cal, p, d.channel());
    let mut s = crate::dossier::ClockState::new();
    let mut out = Vec::with_capacity(d.events().len());
    for (recorded, fate) in d.events().iter().zip(fates(d.events(), None)) {
        let (e, content) = match fate {
            Fate::Kept => (recorded, recorded.kind.text_vi()),
            Fate::Amended(by, corrected) => (
                corrected,
                format!(
                    "{} (đã đính chính tại bước {by}, ghi ban đầu: {})",
                    corrected.kind.text_vi(),
                    recorded.kind.text_vi()
                ),
            ),
            Fate::Voided(by) => {
                let text = format!("{} (đã hủy tại bước {by})", recorded.kind.text_vi());
                // Before any event that counts, the status it was recorded with.
                let status = s.status.or_else(|| recorded.kind.next_status(None));
                out.push(entry(d, recorded, p.agency.clone(), status, text, s.due_at));
                continue;
            }
            Fate::Correction => {
                let text = recorded.kind.text_vi();
                out.push(entry(
                    d,
                    recorded,
                    p.agency.clone(),
                    s.status,
                    text,
                    s.due_at,
                ));
                continue;
            }
        };
        clock.advance(&mut s, e)?;
        let (unit, deadline) = match &e.kind {
            EventKind::Routed { step } => {
                let w = p.step(step);
                let share = match (w, p.processing_time.amount(), s.allowed_seconds) {
                    (Some(w), Some(total), Some(allowed)) if total > 0.0 => {
                        Some(crate::calendar::WorkingTime::from_seconds(
                            (w.budget / total * allowed as f64).round() as i64,
                        ))
                    }
                    _ => None,
                };
                let deadline = match share {
                    Some(budget) => Some(cal.add_working_time(e.at, budget)?),
                    None => s.due_at,
                };
                (w.map(|w| w.agency.clone()).unwrap_or_default(), deadline)
            }
            _ => (p.agency.clone(), s.due_at),
        };
        out.push(entry(d, e, unit, s.status, content, deadline));
    }
    Ok(out)
}

/// A progress entry of `e` with `status` (the dossier's, when none).
fn entry(
    d: &Dossier,
    e: &Event,
    unit: String,
    status: Option<Status>,
    content: String,
    deadline: Option<NaiveDateTime>,
) -> ProgressEntry {
    ProgressEntry {
        code: d.code().to_string(),
        actor: e.actor.clone(),
        at: timestamp(e.at),
        unit,
        content,
        status: status.unwrap_or(d.status()).code(),
        started_at: timestamp(e.at),
        deadline: ts(deadline),
    }
}

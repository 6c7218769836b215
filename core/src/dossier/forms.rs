//! The data of the standard one-stop forms (Circular 01/2018/TT-VPCP Art. 9):
//! Mẫu 01, the receipt and appointment slip, and Mẫu 04, the apology and
//! new appointment letter. The library gives their data, not their layout.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::applicant::Applicant;
use super::code::DossierCode;
use crate::calendar::iso;
use crate::procedure::Fee;

/// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReceiptSlip {
    /// Mã hồ sơ.
    pub code: DossierCode,
    /// The receiving agency's code.
    pub agency_code: String,
    /// The procedure's national code.
    pub procedure_code: String,
    /// The procedure's name.
    pub procedure_name: String,
    /// The implementing agency.
    pub procedure_agency: String,
    /// Reception channel (`direct`, `online`, `postal`).
    pub channel: &'static str,
    /// The applicant (as recorded; redact before export if needed).
    pub applicant: Option<Applicant>,
    /// Required documents.
    pub documents: Vec<String>,
    /// Fees and charges.
    pub fees: Vec<Fee>,
    /// Statutory processing time, as printed ("5 ngày làm việc").
    pub processing_time_vi: String,
    /// The same in English.
    pub processing_time_en: String,
    /// Reception instant (giờ, phút, ngày).
    #[serde(with = "iso::instant")]
    pub received_at: NaiveDateTime,
    /// Appointment for the result (none for procedures without deadline).
    #[serde(with = "iso::instant_opt")]
    pub due_at: Option<NaiveDateTime>,
}

/// Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApologyLetter {
    /// Mã hồ sơ.
    pub code: DossierCode,
    /// The procedure's name.
    pub procedure_name: String,
    /// The applicant.
    pub applicant: Option<Applicant>,
    /// Reception instant.
    #[serde(with = "iso::instant")]
    pub received_at: NaiveDateTime,
    /// The appointment on the receipt slip (legal due date).
    #[serde(with = "iso::instant")]
    pub old_due: NaiveDateTime,
    /// The new appointment.
    #[serde(with = "iso::instant")]
    pub new_due: NaiveDateTime,
    /// The reason.
    pub reason: String,
    /// When the letter was issued.
    #[serde(with = "iso::instant")]
    pub issued_at: NaiveDateTime,
    /// Whether it was issued less than one working day before the due date.
    pub issued_late: bool,
}

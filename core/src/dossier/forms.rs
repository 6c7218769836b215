//! The data of the standard one-stop forms, of the circular of the
//! dossier's rule set ([`crate::law::Rule::Forms`]): Circular 03/2025/TT-VPCP
//! (Phụ lục I) for dossiers received from 01/07/2025, Circular
//! 01/2018/TT-VPCP before. Mẫu 01 is the receipt and appointment slip in
//! both; Mẫu 04 is the apology with a request to extend the time in the
//! 2025 circular (the apology and new appointment in 2018); Mẫu 05, the
//! notice that processing is stopped, is new in 2025. The library gives
//! their data, not their layout. The 2025 forms' titles were read in
//! secondary summaries only.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::applicant::Applicant;
use super::code::DossierCode;
use crate::calendar::iso;
use crate::law::RuleSet;
use crate::procedure::Fee;

/// The title of the receipt slip, with its circular.
pub(crate) const fn receipt_form(rule_set: RuleSet) -> &'static str {
    match rule_set {
        RuleSet::Decree61Of2018 => {
            "Mẫu 01 (Thông tư 01/2018/TT-VPCP): Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
        }
        RuleSet::Decree118Of2025 => {
            "Mẫu 01 (Thông tư 03/2025/TT-VPCP): Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
        }
    }
}

/// The title of the apology letter, with its circular.
pub(crate) const fn apology_form(rule_set: RuleSet) -> &'static str {
    match rule_set {
        RuleSet::Decree61Of2018 => {
            "Mẫu 04 (Thông tư 01/2018/TT-VPCP): Phiếu xin lỗi và hẹn lại ngày trả kết quả"
        }
        RuleSet::Decree118Of2025 => {
            "Mẫu 04 (Thông tư 03/2025/TT-VPCP): Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết"
        }
    }
}

/// The title of the stop notice (Circular 03/2025 only; dossiers of the
/// 2018 rules get the same data under the 2025 form).
pub(crate) const STOP_FORM: &str =
    "Mẫu 05 (Thông tư 03/2025/TT-VPCP): Thông báo dừng giải quyết hồ sơ";

/// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReceiptSlip {
    /// The form and its circular.
    pub form: &'static str,
    /// The rule set the dossier is processed under.
    pub rule_set: RuleSet,
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

/// Mẫu 04: the apology and new appointment (request to extend the time
/// under Circular 03/2025).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApologyLetter {
    /// The form and its circular.
    pub form: &'static str,
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

/// Mẫu 05 (Circular 03/2025/TT-VPCP): Thông báo dừng giải quyết hồ sơ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopNotice {
    /// The form and its circular.
    pub form: &'static str,
    /// Mã hồ sơ.
    pub code: DossierCode,
    /// The procedure's name.
    pub procedure_name: String,
    /// The applicant.
    pub applicant: Option<Applicant>,
    /// Reception instant.
    #[serde(with = "iso::instant")]
    pub received_at: NaiveDateTime,
    /// When processing was stopped.
    #[serde(with = "iso::instant")]
    pub stopped_at: NaiveDateTime,
    /// Why.
    pub reason: String,
}

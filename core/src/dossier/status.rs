//! The 10 statuses of the national public-service portal (TrangThaiHoSo),
//! the lingua franca of every one-stop system.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A dossier's status, with the national portal's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Status {
    /// 1 Mới đăng ký: submitted, not yet accepted.
    Submitted = 1,
    /// 2 Được tiếp nhận: accepted, the clock runs.
    Accepted = 2,
    /// 3 Không được tiếp nhận: refused at reception (final).
    Refused = 3,
    /// 4 Đang xử lý: being processed.
    Processing = 4,
    /// 5 Yêu cầu bổ sung: waiting for the applicant's supplement.
    SupplementRequested = 5,
    /// 6 Yêu cầu thực hiện nghĩa vụ tài chính: waiting for payment.
    FinancialObligation = 6,
    /// 7 Công dân rút hồ sơ: withdrawn by the applicant (final).
    Withdrawn = 7,
    /// 8 Dừng xử lý: processing suspended.
    Suspended = 8,
    /// 9 Đã xử lý xong: result ready.
    Resolved = 9,
    /// 10 Đã trả kết quả: result returned (final).
    Returned = 10,
}

impl Status {
    /// All statuses in code order.
    pub const ALL: [Status; 10] = [
        Status::Submitted,
        Status::Accepted,
        Status::Refused,
        Status::Processing,
        Status::SupplementRequested,
        Status::FinancialObligation,
        Status::Withdrawn,
        Status::Suspended,
        Status::Resolved,
        Status::Returned,
    ];

    /// The national-portal code, 1 to 10.
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The status of a national-portal code.
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code).checked_sub(1)?).copied()
    }

    /// Vietnamese name, as the portal shows it.
    pub const fn name_vi(self) -> &'static str {
        match self {
            Status::Submitted => "Mới đăng ký",
            Status::Accepted => "Được tiếp nhận",
            Status::Refused => "Không được tiếp nhận",
            Status::Processing => "Đang xử lý",
            Status::SupplementRequested => "Yêu cầu bổ sung",
            Status::FinancialObligation => "Yêu cầu thực hiện nghĩa vụ tài chính",
            Status::Withdrawn => "Công dân rút hồ sơ",
            Status::Suspended => "Dừng xử lý",
            Status::Resolved => "Đã xử lý xong",
            Status::Returned => "Đã trả kết quả",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Status::Submitted => "Submitted",
            Status::Accepted => "Accepted",
            Status::Refused => "Refused at reception",
            Status::Processing => "Processing",
            Status::SupplementRequested => "Supplement requested",
            Status::FinancialObligation => "Financial obligation requested",
            Status::Withdrawn => "Withdrawn",
            Status::Suspended => "Suspended",
            Status::Resolved => "Resolved",
            Status::Returned => "Result returned",
        }
    }

    /// Whether no event can follow (3, 7, 10).
    pub const fn is_final(self) -> bool {
        matches!(self, Status::Refused | Status::Withdrawn | Status::Returned)
    }

    /// Whether the clock is paused (5, 6, 8).
    pub const fn is_paused(self) -> bool {
        matches!(
            self,
            Status::SupplementRequested | Status::FinancialObligation | Status::Suspended
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.name_vi())
    }
}

/// Writes an optional status as its national-portal number (`null` for
/// none): the form of a status in the views the bindings show.
pub(super) fn code_opt<S: serde::Serializer>(
    status: &Option<Status>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match status {
        Some(status) => s.serialize_u8(status.code()),
        None => s.serialize_none(),
    }
}

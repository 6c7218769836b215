//! The append-only event log of a dossier and the transition table of its
//! status.
//!
//! | event | allowed from | to | why |
//! |---|---|---|---|
//! | `submitted` | (start) | 1 | an online or postal dossier arrives before an officer checks it |
//! | `accepted` | (start), 1 | 2 | the complete dossier is received; the receipt slip is issued and the clock starts (ND 61/2018 Art. 17, ND 118/2025 Art. 17(3)) |
//! | `accepted_cross_boundary` | (start), 1 | 2 | received complete at a center that is not the competent agency's ("không phụ thuộc vào địa giới hành chính"); the receipt slip is issued, the clock waits for the competent agency |
//! | `competent_received` | 2 (cross-boundary, waiting) | 2 | the competent agency receives the dossier: the clock starts (ND 118/2025 Art. 17(3) as amended by ND 309/2026) |
//! | `refused` | (start), 1 | 3 | refused at reception (Mẫu 03); final |
//! | `refused` | 2, 4, 5 | 3 | refused after acceptance, found ineligible on appraisal (ND 61/2018 Art. 19(8)); final, counted apart from refusals at reception |
//! | `routed` | 2, 4 | 4 | handed to a workflow step or agency; step time starts |
//! | `supplement_requested` | 2, 4 | 5 | the agency asks for more documents (Mẫu 02); the clock pauses |
//! | `supplement_completed` | 5 | 4 | the complete supplement arrives; restart or resume per policy |
//! | `financial_obligation_requested` | 2, 4 | 6 | taxes or fees are due before the result; pauses |
//! | `paid` | 6 | 4 | the obligation is met; the clock resumes |
//! | `suspended` | 2, 4 | 8 | processing stopped (dừng xử lý, Mẫu 05); ends processing, or pauses under the stop policy `pause` |
//! | `resumed` | 8 | 4 | processing continues (stop policy `pause` only); the clock resumes |
//! | `extended` | 2, 4 | same | apology and new appointment (Mẫu 04), at most once |
//! | `resolved` | 2, 4 | 9 | the result is ready; ends processing (the end instant of timeliness) |
//! | `result_returned` | 9 | 10 | the result is handed over; final |
//! | `withdrawn` | 1, 2, 4, 5, 6, 8 (when status 8 pauses) | 7 | the applicant withdraws; final |
//!
//! Two more entries correct the log without rewriting it: `voided` and
//! `amended` name an earlier entry, and the history the clock replays is
//! the log with that entry left out or replaced (see `correction`). They
//! are not transitions: the table above is checked on the corrected
//! history.
//!
//! Any other pair is `dossier.invalid_transition` (or `dossier.finished`
//! after 3, 7, 9 and 10, where only `result_returned` may follow 9), an
//! event dated before the previous one is `dossier.event_out_of_order`,
//! and a second extension is `dossier.invalid_extension`; none of them
//! changes the dossier.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::status::Status;
use crate::calendar::iso;

crate::labels::labelled! {
    /// The type of an event: the `type` of its JSON, without its fields.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum EventType: "event type" {
        /// [`EventKind::Submitted`].
        Submitted = "submitted",
        /// [`EventKind::Accepted`].
        Accepted = "accepted",
        /// [`EventKind::AcceptedCrossBoundary`].
        AcceptedCrossBoundary = "accepted_cross_boundary",
        /// [`EventKind::CompetentReceived`].
        CompetentReceived = "competent_received",
        /// [`EventKind::Refused`].
        Refused = "refused",
        /// [`EventKind::Routed`].
        Routed = "routed",
        /// [`EventKind::SupplementRequested`].
        SupplementRequested = "supplement_requested",
        /// [`EventKind::SupplementCompleted`].
        SupplementCompleted = "supplement_completed",
        /// [`EventKind::FinancialObligationRequested`].
        FinancialObligationRequested = "financial_obligation_requested",
        /// [`EventKind::Paid`].
        Paid = "paid",
        /// [`EventKind::Suspended`].
        Suspended = "suspended",
        /// [`EventKind::Resumed`].
        Resumed = "resumed",
        /// [`EventKind::Extended`].
        Extended = "extended",
        /// [`EventKind::Resolved`].
        Resolved = "resolved",
        /// [`EventKind::ResultReturned`].
        ResultReturned = "result_returned",
        /// [`EventKind::Withdrawn`].
        Withdrawn = "withdrawn",
        /// [`EventKind::Voided`].
        Voided = "voided",
        /// [`EventKind::Amended`].
        Amended = "amended",
    }
}

/// What happened: the event's type with its fields. Written as `{"type":
/// …}` with the fields of that type side by side. New kinds may come with
/// the portal's statuses, so a match outside the crate needs a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// Submitted online or by post, not yet checked.
    Submitted,
    /// Accepted: the reception instant on the receipt slip.
    Accepted,
    /// Accepted at a center that is not the competent agency's, on its
    /// behalf: the receipt slip is issued, the clock waits for
    /// [`EventKind::CompetentReceived`].
    AcceptedCrossBoundary {
        /// The competent unit's electronic identifier.
        competent_unit: String,
    },
    /// The competent agency received a cross-boundary dossier: the clock
    /// starts.
    CompetentReceived,
    /// Refused: at reception (before acceptance), or after acceptance when
    /// appraisal finds the dossier ineligible.
    Refused {
        /// Why (printed on Mẫu 03, or on the refusal after appraisal).
        reason: String,
    },
    /// Handed to a workflow step.
    Routed {
        /// The step's id in the procedure's workflow.
        step: String,
    },
    /// Supplement requested from the applicant.
    SupplementRequested {
        /// What is missing (Mẫu 02).
        reason: String,
    },
    /// The complete supplement arrived.
    SupplementCompleted,
    /// A financial obligation must be met.
    FinancialObligationRequested,
    /// The financial obligation was met.
    Paid,
    /// Processing suspended.
    Suspended {
        /// Why.
        reason: String,
    },
    /// Processing resumed.
    Resumed,
    /// Apology and new appointment (Mẫu 04).
    Extended {
        /// The new appointment.
        new_due: NaiveDateTime,
        /// The reason given to the applicant.
        reason: String,
    },
    /// Result ready.
    Resolved,
    /// Result handed over.
    ResultReturned,
    /// Withdrawn by the applicant.
    Withdrawn,
    /// A correction: entry `event` of the log was recorded in error and
    /// does not count. The entry stays in the log, flagged.
    Voided {
        /// The index of the corrected entry in the log.
        event: usize,
        /// Why (required: a correction is accounted for).
        reason: String,
    },
    /// A correction: entry `event` of the log counts as `corrected` (a
    /// mistyped instant, the wrong event). The entry stays in the log,
    /// flagged.
    Amended {
        /// The index of the corrected entry in the log.
        event: usize,
        /// What the entry should have been: a lifecycle event.
        corrected: Box<Event>,
        /// Why (required: a correction is accounted for).
        reason: String,
    },
}

impl EventKind {
    /// The type of the event, without its fields.
    pub const fn event_type(&self) -> EventType {
        match self {
            EventKind::Submitted => EventType::Submitted,
            EventKind::Accepted => EventType::Accepted,
            EventKind::AcceptedCrossBoundary { .. } => EventType::AcceptedCrossBoundary,
            EventKind::CompetentReceived => EventType::CompetentReceived,
            EventKind::Refused { .. } => EventType::Refused,
            EventKind::Routed { .. } => EventType::Routed,
            EventKind::SupplementRequested { .. } => EventType::SupplementRequested,
            EventKind::SupplementCompleted => EventType::SupplementCompleted,
            EventKind::FinancialObligationRequested => EventType::FinancialObligationRequested,
            EventKind::Paid => EventType::Paid,
            EventKind::Suspended { .. } => EventType::Suspended,
            EventKind::Resumed => EventType::Resumed,
            EventKind::Extended { .. } => EventType::Extended,
            EventKind::Resolved => EventType::Resolved,
            EventKind::ResultReturned => EventType::ResultReturned,
            EventKind::Withdrawn => EventType::Withdrawn,
            EventKind::Voided { .. } => EventType::Voided,
            EventKind::Amended { .. } => EventType::Amended,
        }
    }

    /// The entry a correction corrects and the reason; `None` for a
    /// lifecycle event.
    pub fn correction(&self) -> Option<(usize, &str)> {
        match self {
            EventKind::Voided { event, reason } | EventKind::Amended { event, reason, .. } => {
                Some((*event, reason))
            }
            _ => None,
        }
    }

    /// The stable code of the event type (its JSON `type`).
    pub const fn code(&self) -> &'static str {
        self.event_type().code()
    }

    /// What the event did, in Vietnamese: the content of the portal's
    /// progress entry and of an explanation's correction line.
    pub fn text_vi(&self) -> String {
        match self {
            EventKind::Submitted => "Nộp hồ sơ".into(),
            EventKind::Accepted => "Tiếp nhận hồ sơ".into(),
            EventKind::AcceptedCrossBoundary { competent_unit } => {
                format!(
                    "Tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính, chuyển {competent_unit}"
                )
            }
            EventKind::CompetentReceived => "Cơ quan có thẩm quyền nhận hồ sơ".into(),
            // At reception, or after acceptance on appraisal.
            EventKind::Refused { reason } => format!("Từ chối: {reason}"),
            EventKind::Routed { step } => format!("Chuyển xử lý bước {step}"),
            EventKind::SupplementRequested { reason } => format!("Yêu cầu bổ sung: {reason}"),
            EventKind::SupplementCompleted => "Nhận hồ sơ bổ sung".into(),
            EventKind::FinancialObligationRequested => {
                "Yêu cầu thực hiện nghĩa vụ tài chính".into()
            }
            EventKind::Paid => "Hoàn thành nghĩa vụ tài chính".into(),
            EventKind::Suspended { reason } => format!("Dừng xử lý: {reason}"),
            EventKind::Resumed => "Tiếp tục xử lý".into(),
            EventKind::Extended { reason, .. } => {
                format!("Xin lỗi và hẹn lại ngày trả kết quả: {reason}")
            }
            EventKind::Resolved => "Đã xử lý xong".into(),
            EventKind::ResultReturned => "Đã trả kết quả".into(),
            EventKind::Withdrawn => "Công dân rút hồ sơ".into(),
            EventKind::Voided { event, reason } => format!("Hủy bước {event}: {reason}"),
            EventKind::Amended { event, reason, .. } => {
                format!("Đính chính bước {event}: {reason}")
            }
        }
    }

    /// What the event did, in English (an explanation's correction line).
    pub fn text_en(&self) -> String {
        match self {
            EventKind::Refused { reason } => format!("refused: {reason}"),
            EventKind::Routed { step } => format!("routed to step {step}"),
            EventKind::SupplementRequested { reason } => format!("supplement requested: {reason}"),
            EventKind::Suspended { reason } => format!("processing stopped: {reason}"),
            EventKind::Extended { reason, .. } => format!("apology and new appointment: {reason}"),
            EventKind::Voided { event, reason } => format!("entry {event} voided: {reason}"),
            EventKind::Amended { event, reason, .. } => format!("entry {event} amended: {reason}"),
            other => other.code().replace('_', " "),
        }
    }

    /// The status after this event from `from` (`None` before the first
    /// event), or `None` when the transition table does not allow it.
    pub fn next_status(&self, from: Option<Status>) -> Option<Status> {
        use Status::*;
        let to = match (self, from) {
            (EventKind::Submitted, None) => Submitted,
            (
                EventKind::Accepted | EventKind::AcceptedCrossBoundary { .. },
                None | Some(Submitted),
            ) => Accepted,
            (EventKind::CompetentReceived, Some(Accepted)) => Accepted,
            (
                EventKind::Refused { .. },
                None | Some(Submitted | Accepted | Processing | SupplementRequested),
            ) => Refused,
            (EventKind::Routed { .. }, Some(Accepted | Processing)) => Processing,
            (EventKind::SupplementRequested { .. }, Some(Accepted | Processing)) => {
                SupplementRequested
            }
            (EventKind::SupplementCompleted, Some(SupplementRequested)) => Processing,
            (EventKind::FinancialObligationRequested, Some(Accepted | Processing)) => {
                FinancialObligation
            }
            (EventKind::Paid, Some(FinancialObligation)) => Processing,
            (EventKind::Suspended { .. }, Some(Accepted | Processing)) => Suspended,
            (EventKind::Resumed, Some(Suspended)) => Processing,
            (EventKind::Extended { .. }, Some(s @ (Accepted | Processing))) => s,
            (EventKind::Resolved, Some(Accepted | Processing)) => Resolved,
            (EventKind::ResultReturned, Some(Resolved)) => Returned,
            (
                EventKind::Withdrawn,
                Some(
                    Submitted | Accepted | Processing | SupplementRequested | FinancialObligation
                    | Suspended,
                ),
            ) => Withdrawn,
            _ => return None,
        };
        Some(to)
    }
}

/// One entry of the log: when, who and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Vietnam local time of the event.
    #[serde(serialize_with = "iso::instant::serialize")]
    pub at: NaiveDateTime,
    /// Who recorded it (officer account, system).
    pub actor: String,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

impl Event {
    /// An event at `at` by `actor`.
    pub fn new(at: NaiveDateTime, actor: impl Into<String>, kind: EventKind) -> Self {
        Self {
            at,
            actor: actor.into(),
            kind,
        }
    }
}

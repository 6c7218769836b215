//! Change impact: which dossiers' appointments a change of the calendar
//! moves, and the data of the letter each open one needs.
//!
//! When a notice adds a day off (24/11/2026 by Resolution 28/2026/QH16 and
//! dispatch 10065/VPCP-KGVX) or a center corrects its closures, every
//! appointment whose counted working time crossed the changed dates was
//! computed one day too early or too late. [`appointment_changes`] replays
//! each dossier's log under the old and the new calendar and reports those
//! whose due date differs, so the center can issue new appointments.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::calendar::{changes, iso, same_range, Calendar, DayChange};
use crate::dossier::{Applicant, Dossier, DossierCode, Status, Timeliness};
use crate::error::Result;

/// A dossier whose due date is not the same under the two calendars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppointmentChange {
    /// The dossier.
    pub code: DossierCode,
    /// Its procedure's code.
    pub procedure_code: String,
    /// Its status at `as_of` (the same under both calendars).
    pub status: Option<Status>,
    /// Whether it is still being processed at `as_of` (not resolved, refused,
    /// withdrawn or stopped): the applicant is waiting for the appointment.
    pub open: bool,
    /// The legal due date under the old calendar.
    #[serde(with = "iso::instant_opt")]
    pub old_due: Option<NaiveDateTime>,
    /// The legal due date under the new calendar.
    #[serde(with = "iso::instant_opt")]
    pub new_due: Option<NaiveDateTime>,
    /// Timeliness by instant under the old calendar, once finished.
    pub old_timeliness: Option<Timeliness>,
    /// Timeliness by instant under the new calendar, once finished.
    pub new_timeliness: Option<Timeliness>,
    /// The changed dates between reception and the later due date: why it
    /// moved.
    pub days: Vec<DayChange>,
    /// Why the log does not replay under the new calendar (then `new_due`
    /// and `new_timeliness` are `None` and there is no letter): for
    /// example an extension whose appointment the moved due date overtook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<String>,
    /// The new appointment to send, for an open dossier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter: Option<NewAppointment>,
}

/// The data of the notice of a new appointment for one open dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewAppointment {
    /// Mã hồ sơ.
    pub code: DossierCode,
    /// The procedure's name.
    pub procedure_name: String,
    /// The applicant.
    pub applicant: Option<Applicant>,
    /// Reception instant.
    #[serde(with = "iso::instant")]
    pub received_at: NaiveDateTime,
    /// The appointment printed on the receipt slip.
    #[serde(with = "iso::instant")]
    pub old_appointment_at: NaiveDateTime,
    /// The appointment under the new calendar.
    #[serde(with = "iso::instant")]
    pub new_appointment_at: NaiveDateTime,
    /// Why, in Vietnamese: the dates that changed and what they now are
    /// (their notices are the sources of [`AppointmentChange::days`]).
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
}

/// The dossiers of `dossiers` whose legal due date at `as_of` differs
/// between the calendars `before` and `after`, in the order given; each
/// log is replayed under both (the calendar a dossier was built with is not
/// used). An open dossier whose appointment moved gets the data of its new
/// appointment letter; one extended by `as_of` keeps the appointment the
/// agency chose, so it gets none.
///
/// A log that replays under `before` but not under `after` (an extension
/// whose new appointment is no longer later than the moved due date) is
/// reported with its [`AppointmentChange::conflict`], not dropped: those
/// are the dossiers that need the center's attention most.
///
/// Errors: `calendar.out_of_range` when the calendars cover different
/// ranges (naming both) or a dossier's dates fall outside them; a log that
/// does not replay under `before` gives that replay's error.
pub fn appointment_changes<'a>(
    dossiers: impl IntoIterator<Item = &'a Dossier>,
    before: &Calendar,
    after: &Calendar,
    as_of: NaiveDateTime,
) -> Result<Vec<AppointmentChange>> {
    same_range(before, after)?;
    let mut out = Vec::new();
    for dossier in dossiers {
        let old = dossier.with_calendar(before)?.state_at(as_of)?;
        let (new, conflict) = match dossier.with_calendar(after) {
            Ok(d) => (Some(d.state_at(as_of)?), None),
            Err(e) => (None, Some(e.message().to_owned())),
        };
        let new_due = new.as_ref().and_then(|n| n.due_at);
        if conflict.is_none() && old.due_at == new_due {
            continue;
        }
        let received_at = dossier.received_at();
        let days = match (received_at, old.due_at.max(new_due)) {
            (Some(from), Some(to)) => changes(before, after, from.date(), to.date())?
                .into_iter()
                .filter(DayChange::moves_due_dates)
                .collect(),
            _ => Vec::new(),
        };
        let open = old.status.is_some() && old.ended_at.is_none();
        let extended = old.appointment_at != old.due_at;
        let new_appointment = new.as_ref().and_then(|n| n.appointment_at);
        let letter = match (
            open && !extended,
            received_at,
            old.appointment_at,
            new_appointment,
        ) {
            (true, Some(received_at), Some(old_appointment_at), Some(new_appointment_at))
                if old_appointment_at != new_appointment_at =>
            {
                let (reason_vi, reason_en) = reasons(&days);
                Some(NewAppointment {
                    code: dossier.code().clone(),
                    procedure_name: dossier.procedure().name.clone(),
                    applicant: dossier.applicant().cloned(),
                    received_at,
                    old_appointment_at,
                    new_appointment_at,
                    reason_vi,
                    reason_en,
                })
            }
            _ => None,
        };
        out.push(AppointmentChange {
            code: dossier.code().clone(),
            procedure_code: dossier.procedure().code.clone(),
            status: old.status,
            open,
            old_due: old.due_at,
            new_due,
            old_timeliness: old.timeliness_instant,
            new_timeliness: new.and_then(|n| n.timeliness_instant),
            days,
            conflict,
            letter,
        });
    }
    Ok(out)
}

/// The reason of a new appointment: each changed date, what it now is and
/// what fixes it.
fn reasons(days: &[DayChange]) -> (String, String) {
    let mut vi = Vec::new();
    let mut en = Vec::new();
    for day in days {
        let date = iso::format_vn_date(day.date);
        match (&day.after.entry, day.after.working) {
            (Some(h), false) => {
                vi.push(format!("ngày {date} là ngày nghỉ: {}", h.name_vi));
                en.push(format!("{date} is a day off: {}", h.name_en));
            }
            (Some(h), true) => {
                vi.push(format!("ngày {date} là ngày làm việc: {}", h.name_vi));
                en.push(format!("{date} is a working day: {}", h.name_en));
            }
            (None, working) => {
                let (v, e) = if working {
                    ("là ngày làm việc", "is a working day")
                } else {
                    ("là ngày nghỉ", "is a day off")
                };
                vi.push(format!("ngày {date} {v}"));
                en.push(format!("{date} {e}"));
            }
        }
    }
    (
        format!("Điều chỉnh lịch làm việc: {}", vi.join("; ")),
        format!("Working calendar corrected: {}", en.join("; ")),
    )
}

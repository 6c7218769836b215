//! Timeliness: early, on time or late, judged once for the clock, the
//! period report and the service index, and the progress of a running
//! dossier against its due date.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::ClockState;
use crate::calendar::{Calendar, WorkingTime};
use crate::dossier::status::Status;
use crate::error::Result;

crate::labels::labelled! {
    /// Early, on time or late.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Timeliness: "timeliness" {
        /// Trước hạn.
        Early = "early",
        /// Đúng hạn.
        OnTime = "on_time",
        /// Quá hạn.
        Late = "late",
    }
}

crate::labels::labelled! {
    /// How finely timeliness is judged; by date unless asked (what period
    /// reports count, and the default of every binding).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Granularity: "granularity" {
        /// By date, as period reports count: early when the end date is
        /// before the due date, on time on the same date, late after.
        #[default]
        Date = "date",
        /// By instant, as the national index counts: late when the end is
        /// after the due instant; otherwise early when on an earlier date,
        /// else on time.
        Instant = "instant",
    }
}

/// Timeliness of a finished state; `None` while running and for refused or
/// withdrawn dossiers (they are not judged).
pub fn timeliness(state: &ClockState, granularity: Granularity) -> Option<Timeliness> {
    if !matches!(state.status, Some(Status::Resolved | Status::Returned)) {
        return None;
    }
    Some(judge(state.ended_at?, state.due_at, granularity))
}

/// Early, on time or late: an instant (a dossier's end, or the end of a
/// period for one still running) against the due date in force. A
/// procedure without deadline (`due` none) is on time. The one judgment
/// of timeliness: the clock, the period report (by date) and the service
/// index (by instant) all ask it.
pub fn judge(
    end: NaiveDateTime,
    due: Option<NaiveDateTime>,
    granularity: Granularity,
) -> Timeliness {
    let Some(due) = due else {
        return Timeliness::OnTime;
    };
    let by_date = |e: NaiveDate, d: NaiveDate| match e.cmp(&d) {
        std::cmp::Ordering::Less => Timeliness::Early,
        std::cmp::Ordering::Equal => Timeliness::OnTime,
        std::cmp::Ordering::Greater => Timeliness::Late,
    };
    match granularity {
        Granularity::Date => by_date(end.date(), due.date()),
        Granularity::Instant if end > due => Timeliness::Late,
        Granularity::Instant => by_date(end.date(), due.date()),
    }
}

/// A running dossier at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    /// The due date in force at that instant (a pause in progress moves it).
    #[serde(with = "crate::calendar::iso::instant")]
    pub effective_due: NaiveDateTime,
    /// Whether the instant is past it.
    pub overdue: bool,
    /// Share of the allowed working time used (may exceed 1).
    pub elapsed_fraction: f64,
    /// Less than one working day left (and not yet overdue).
    pub due_soon: bool,
}

impl Progress {
    /// The warning thresholds a caller gets without choosing: half and
    /// three quarters of the allowed working time, the two warnings the
    /// centers' systems give before a dossier is late.
    pub const DEFAULT_WARNING_THRESHOLDS: [f64; 2] = [0.5, 0.75];

    /// The highest of `thresholds` (shares of the allowed time, e.g. 0.5 and
    /// 0.75) that the dossier has reached, for warnings before it is late.
    ///
    /// ```
    /// # use motcua::dossier::Progress;
    /// # let p = Progress { effective_due: chrono::NaiveDateTime::default(), overdue: false, elapsed_fraction: 0.8, due_soon: false };
    /// assert_eq!(p.warning_level(&[0.5, 0.75]), Some(0.75));
    /// ```
    pub fn warning_level(&self, thresholds: &[f64]) -> Option<f64> {
        thresholds
            .iter()
            .copied()
            .filter(|t| self.elapsed_fraction >= *t)
            .reduce(f64::max)
    }
}

/// Progress of a running state at `as_of`; `None` when finished, not yet
/// accepted, or without deadline.
pub fn progress(
    calendar: &Calendar,
    state: &ClockState,
    as_of: NaiveDateTime,
) -> Result<Option<Progress>> {
    let (Some(status), Some(due), Some(allowed)) =
        (state.status, state.due_at, state.allowed_seconds)
    else {
        return Ok(None);
    };
    if state.ended_at.is_some() || status == Status::Submitted {
        return Ok(None);
    }
    let effective_due = match state.paused_since {
        Some(since) if as_of > since => {
            let paused = calendar.working_time_between(since, as_of)?;
            if paused > WorkingTime::from_seconds(0) {
                calendar.add_working_time(due, paused)?
            } else {
                due
            }
        }
        _ => due,
    };
    let left = calendar
        .working_time_between(as_of, effective_due)?
        .seconds();
    let elapsed_fraction = if allowed > 0 {
        1.0 - left as f64 / allowed as f64
    } else {
        1.0
    };
    let overdue = as_of > effective_due;
    Ok(Some(Progress {
        effective_due,
        overdue,
        elapsed_fraction,
        due_soon: !overdue && left <= calendar.sessions().day_length().seconds(),
    }))
}

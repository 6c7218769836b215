//! The legal clock: the due date of a dossier replayed from its event log.
//!
//! Rulings (the product's rulings on durations and due dates):
//! - the clock starts at the reception instant (`accepted`); outside the
//!   working sessions it starts at the next session start;
//! - working-time durations add working time to it ([`DuePolicy::Exact`]),
//!   or end at the close of the last working day ([`DuePolicy::EndOfDay`]);
//!   calendar days follow the Civil Code; same-day procedures are due at the
//!   close of the day, or of the next working day after the cut-off;
//! - a completed supplement restarts the full time ([`SupplementPolicy::Restart`])
//!   or moves the due date by the working time it took ([`SupplementPolicy::Pause`]);
//!   a financial obligation (6) pauses; status 8 (processing stopped) ends
//!   processing ([`StopPolicy::End`], as the national portal scores it) or
//!   pauses ([`StopPolicy::Pause`]), by default by the dossier's rule set;
//! - one extension (apology, Mẫu 04), at least one working day before the
//!   due date or flagged; timeliness stays judged against the legal due
//!   date, the new appointment is reported separately;
//! - a supplement request more than 3 working days after reception, or a
//!   second one, is allowed and flagged (Decree 61/2018 Art. 19(4), not yet
//!   verified in Decree 118/2025, see [`crate::law`]; the national
//!   index counts a second request as late).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::event::{Event, EventKind};
use super::explain::{Explanation, Note};
use super::status::Status;
use crate::calendar::{Calendar, WorkingTime};
use crate::error::{Error, ErrorKind, Result};
use crate::law::{Rule, RuleSet};
use crate::procedure::{
    Channel, DuePolicy, Policies, Procedure, ProcessingTime, StopPolicy, SupplementPolicy,
};

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

/// Something allowed but against the rules, listed for the center;
/// written as `{"kind": code, "at": instant}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A supplement requested more than 3 working days after reception.
    LateSupplementRequest {
        /// When it was requested.
        at: NaiveDateTime,
    },
    /// A second (or later) supplement request.
    RepeatedSupplementRequest {
        /// When it was requested.
        at: NaiveDateTime,
    },
    /// An apology issued less than one working day before the due date.
    LateApology {
        /// When it was issued.
        at: NaiveDateTime,
    },
}

impl Violation {
    /// The stable code of the violation.
    pub const fn code(&self) -> &'static str {
        match self {
            Violation::LateSupplementRequest { .. } => "late_supplement_request",
            Violation::RepeatedSupplementRequest { .. } => "repeated_supplement_request",
            Violation::LateApology { .. } => "late_apology",
        }
    }

    /// When the rule was broken.
    pub const fn at(&self) -> NaiveDateTime {
        match self {
            Violation::LateSupplementRequest { at }
            | Violation::RepeatedSupplementRequest { at }
            | Violation::LateApology { at } => *at,
        }
    }
}

impl Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Violation", 2)?;
        out.serialize_field("kind", self.code())?;
        out.serialize_field("at", &crate::calendar::iso::format_instant(self.at()))?;
        out.end()
    }
}

/// The apology and new appointment of a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// When the apology was issued.
    #[serde(with = "crate::calendar::iso::instant")]
    pub at: NaiveDateTime,
    /// The legal due date when it was issued.
    #[serde(with = "crate::calendar::iso::instant")]
    pub old_due: NaiveDateTime,
    /// The new appointment.
    #[serde(with = "crate::calendar::iso::instant")]
    pub new_due: NaiveDateTime,
    /// The reason given.
    pub reason: String,
}

/// Time a workflow step used against its budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepUsage {
    /// The step's id.
    pub step: String,
    /// Its budget, in working seconds.
    pub budget_seconds: i64,
    /// Working seconds it used (pauses excluded).
    pub used_seconds: i64,
}

impl StepUsage {
    /// Working seconds over budget (0 when within).
    pub fn overspent_seconds(&self) -> i64 {
        (self.used_seconds - self.budget_seconds).max(0)
    }
}

/// A step's usage in working hours, the unit the bindings show it in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepHours {
    /// The step's id.
    pub step: String,
    /// Its budget.
    pub budget_hours: f64,
    /// The time it used (pauses excluded).
    pub used_hours: f64,
    /// The time over budget (0 when within).
    pub overspent_hours: f64,
}

impl From<&StepUsage> for StepHours {
    fn from(u: &StepUsage) -> Self {
        let hours = |seconds: i64| seconds as f64 / 3600.0;
        Self {
            step: u.step.clone(),
            budget_hours: hours(u.budget_seconds),
            used_hours: hours(u.used_seconds),
            overspent_hours: hours(u.overspent_seconds()),
        }
    }
}

/// "If I submit now": the due date of a dossier accepted at an instant,
/// with the explanation a received dossier would give.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// The legal due date; `None` for a procedure without deadline.
    #[serde(with = "crate::calendar::iso::instant_opt")]
    pub due_at: Option<NaiveDateTime>,
    /// How the due date was reached.
    pub explanation: Explanation,
}

/// The state of a dossier after some prefix of its log.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockState {
    /// Status after the last event (`None` before any).
    pub status: Option<Status>,
    /// The reception instant (`accepted`, or `accepted_cross_boundary`).
    pub received_at: Option<NaiveDateTime>,
    /// For a dossier received on behalf of another unit: the competent
    /// unit, and whether it has received the dossier (the clock runs from
    /// then).
    pub cross_boundary: Option<(String, bool)>,
    /// Where the clock counts from (reception, or the last restart).
    pub clock_start: Option<NaiveDateTime>,
    /// The legal due date, with pauses and restarts (timeliness is judged
    /// against it).
    pub due_at: Option<NaiveDateTime>,
    /// Working seconds allowed from `clock_start` to the due date when it
    /// was set (before any pause), for the share of time used.
    pub allowed_seconds: Option<i64>,
    /// The extension, if one was issued.
    pub extension: Option<Extension>,
    /// The extension's appointment moved by the pauses after it (`None`
    /// without extension or pause); see [`appointment`].
    pub moved_appointment: Option<NaiveDateTime>,
    /// Start of the current pause (statuses 5, 6, 8).
    pub paused_since: Option<NaiveDateTime>,
    /// End of processing: `resolved`, `refused`, `withdrawn`, or
    /// `suspended` where status 8 ends processing.
    pub ended_at: Option<NaiveDateTime>,
    /// When the result was returned.
    pub returned_at: Option<NaiveDateTime>,
    /// Instant of the last event.
    pub last_event_at: Option<NaiveDateTime>,
    /// Supplement requests so far.
    pub supplement_requests: u32,
    /// Flagged violations.
    pub violations: Vec<Violation>,
    /// Working seconds used by each workflow step, by position in the
    /// procedure's workflow (`None` for a step not entered yet); see
    /// [`Clock::step_usage`].
    pub step_used: Vec<Option<i64>>,
    /// The step being worked on, since when, and pause time inside it.
    current_step: Option<(usize, NaiveDateTime, i64)>,
}

impl ClockState {
    /// The rule set of the reception date (`None` before acceptance).
    pub fn rule_set(&self) -> Option<RuleSet> {
        self.received_at.map(RuleSet::for_reception)
    }

    /// The state before any event.
    pub fn new() -> Self {
        Self {
            status: None,
            received_at: None,
            cross_boundary: None,
            clock_start: None,
            due_at: None,
            allowed_seconds: None,
            extension: None,
            moved_appointment: None,
            paused_since: None,
            ended_at: None,
            returned_at: None,
            last_event_at: None,
            supplement_requests: 0,
            violations: Vec::new(),
            step_used: Vec::new(),
            current_step: None,
        }
    }
}

impl Default for ClockState {
    fn default() -> Self {
        Self::new()
    }
}

/// What the clock needs besides the log: the calendar, the procedure and
/// the channel.
#[derive(Debug, Clone, Copy)]
pub struct Clock<'a> {
    /// The working calendar.
    pub calendar: &'a Calendar,
    /// The procedure.
    pub procedure: &'a Procedure,
    /// The reception channel (selects the online processing time).
    pub channel: Channel,
    /// The procedure's policies (its own, else the defaults).
    pub policies: Policies,
}

impl<'a> Clock<'a> {
    /// A clock for a procedure on a calendar and channel.
    pub fn new(calendar: &'a Calendar, procedure: &'a Procedure, channel: Channel) -> Self {
        Self {
            calendar,
            procedure,
            channel,
            policies: procedure.policies(),
        }
    }

    /// The due date of a dossier received at `at` (or restarted at `at`),
    /// `None` for a procedure without deadline. The fast path of a fresh
    /// reception.
    pub fn due_from(&self, at: NaiveDateTime) -> Result<Option<NaiveDateTime>> {
        self.due_from_explained(at, None).map(|(_, due)| due)
    }

    /// "If I submit now": the due date of a dossier accepted at `at`, with
    /// the explanation a received dossier would give. It replays the same
    /// reception event as [`crate::dossier::Dossier::receive`], so a portal's
    /// estimate and the center's receipt slip cannot disagree.
    pub fn estimate(&self, at: NaiveDateTime) -> Result<Estimate> {
        let mut notes = Explanation::default();
        let reception = Event::new(
            crate::calendar::iso::whole_seconds(at),
            "",
            EventKind::Accepted,
        );
        // Applied directly, not replayed: an error has no log to point into.
        let mut state = ClockState::new();
        self.apply_in_place(&mut state, &reception, Some(&mut notes))?;
        Ok(Estimate {
            due_at: state.due_at,
            explanation: notes,
        })
    }

    /// The clock's start (the next working instant) and the due date.
    fn due_from_explained(
        &self,
        at: NaiveDateTime,
        mut notes: Option<&mut Explanation>,
    ) -> Result<(NaiveDateTime, Option<NaiveDateTime>)> {
        let cal = self.calendar;
        let time = self.procedure.processing_time_for(self.channel);
        let start = cal.next_working_instant(at)?;
        if let Some(n) = notes.as_deref_mut() {
            if start != at {
                n.push(at, Note::StartMoved { start }, None);
            }
        }
        let due = match time {
            ProcessingTime::WorkingDays { days } => {
                let due = cal.add_working_time(at, cal.working_duration(days, 0.0, 0.0)?)?;
                Some(self.apply_due_policy(due)?)
            }
            ProcessingTime::WorkingHours { hours } => {
                let due = cal.add_working_time(at, cal.working_duration(0.0, hours, 0.0)?)?;
                Some(self.apply_due_policy(due)?)
            }
            ProcessingTime::CalendarDays { days } => {
                Some(cal.calendar_days_deadline(at, i32::try_from(days).unwrap_or(i32::MAX))?)
            }
            ProcessingTime::SameDay { cutoff } => {
                let late = start.date() == at.date() && cutoff.is_some_and(|c| at.time() > c);
                let day = if late {
                    cal.add_working_days(start.date(), 1)?
                } else {
                    start.date()
                };
                if late {
                    if let Some(n) = notes.as_deref_mut() {
                        n.push(at, Note::AfterCutoff, None);
                    }
                }
                Some(cal.end_of_working_day(day)?)
            }
            ProcessingTime::NoDeadline => None,
        };
        if let Some(n) = notes {
            n.push(start, Note::Duration { time }, due);
            match (time, due) {
                // Calendar days count days off; only a day off at the end matters.
                (ProcessingTime::CalendarDays { days }, Some(due)) => {
                    let last = at
                        .date()
                        .checked_add_days(chrono::Days::new(u64::from(days)));
                    if let Some(last) = last.filter(|&l| l != due.date()) {
                        n.push(
                            start,
                            Note::LastDayMoved {
                                last,
                                to: due.date(),
                            },
                            None,
                        );
                    }
                }
                (_, Some(due)) => n.note_days_between(cal, at.date(), due.date(), start),
                (_, None) => {}
            }
        }
        Ok((start, due))
    }

    fn apply_due_policy(&self, due: NaiveDateTime) -> Result<NaiveDateTime> {
        match self.policies.due_policy {
            DuePolicy::Exact => Ok(due),
            DuePolicy::EndOfDay => self.calendar.end_of_working_day(due.date()),
        }
    }

    /// Moves a due date by the working time of a pause.
    fn shifted(
        &self,
        due: Option<NaiveDateTime>,
        paused: WorkingTime,
    ) -> Result<Option<NaiveDateTime>> {
        let Some(due) = due else { return Ok(None) };
        if paused.seconds() <= 0 {
            return Ok(Some(due));
        }
        let moved = self.calendar.add_working_time(due, paused)?;
        if self.due_is_close_of_day() {
            // A deadline that is the close of a day stays the close of a day.
            return self.calendar.end_of_working_day(moved.date()).map(Some);
        }
        Ok(Some(moved))
    }

    /// Whether due dates fall at the close of a working day (calendar days,
    /// same day, or the end-of-day policy) rather than at an exact instant.
    fn due_is_close_of_day(&self) -> bool {
        match self.procedure.processing_time_for(self.channel) {
            ProcessingTime::CalendarDays { .. } | ProcessingTime::SameDay { .. } => true,
            ProcessingTime::WorkingDays { .. } | ProcessingTime::WorkingHours { .. } => {
                self.policies.due_policy == DuePolicy::EndOfDay
            }
            ProcessingTime::NoDeadline => false,
        }
    }

    /// A step's budget in working seconds: its share of the procedure's
    /// processing time applied to the working time the dossier is allowed
    /// (so the online time and calendar-day periods divide the same way).
    fn step_budget(&self, budget: f64, allowed_seconds: Option<i64>) -> i64 {
        let share = match self.procedure.processing_time.amount() {
            Some(total) if total > 0.0 => budget / total,
            _ => 0.0,
        };
        (share * allowed_seconds.unwrap_or(0) as f64).round() as i64
    }

    /// Closes the current step at `at`, adding its working time.
    fn close_step(&self, state: &mut ClockState, at: NaiveDateTime) -> Result<()> {
        if let Some((i, since, paused)) = state.current_step.take() {
            let used = self.calendar.working_time_between(since, at)?.seconds() - paused;
            if let Some(Some(total)) = state.step_used.get_mut(i) {
                *total += used.max(0);
            }
        }
        Ok(())
    }

    /// Moves `state` past `event`, or returns an error and leaves it as it
    /// was. The event is applied to a copy of the state without its
    /// violations, the one part that grows with the log, and the event's
    /// own violations are appended on success: recording a log of n events
    /// costs O(n), where a copy of the whole state per event cost O(n²).
    /// (No rule reads an earlier event's violations.)
    pub fn advance(&self, state: &mut ClockState, event: &Event) -> Result<()> {
        let mut violations = std::mem::take(&mut state.violations);
        let mut next = state.clone();
        let applied = self.apply_in_place(&mut next, event, None);
        if applied.is_ok() {
            violations.append(&mut next.violations);
            next.violations = violations;
            *state = next;
        } else {
            state.violations = violations;
        }
        applied
    }

    /// Applies `event` to `s`. On error `s` may be half-changed: callers that
    /// must keep a state intact apply to a copy ([`Clock::apply`]); a replay
    /// stops at the first error anyway.
    fn apply_in_place(
        &self,
        s: &mut ClockState,
        event: &Event,
        mut notes: Option<&mut Explanation>,
    ) -> Result<()> {
        let at = event.at;
        // Refused at the door: an event outside the calendar's range would
        // be recorded when its transition reads no calendar, and then every
        // later event that does would fail.
        self.calendar.is_working_day(at.date())?;
        if let Some(last) = s.last_event_at {
            if at < last {
                return Err(Error::new(
                    ErrorKind::EventOutOfOrder,
                    format!(
                        "a {} event at {at} comes before the previous event at {last}",
                        event.kind.code()
                    ),
                ));
            }
        }
        if s.status == Some(Status::Suspended) && self.stop_ends(s) {
            return Err(Error::new(
                ErrorKind::DossierFinished,
                format!(
                    "a {} event cannot follow status 8 (processing stopped): it ends processing under Decree 118/2025 by default (set the stop policy \"pause\" to resume)",
                    event.kind.code()
                ),
            ));
        }
        // A cross-boundary dossier waits for the competent agency: only its
        // reception there, a refusal or a withdrawal can come first.
        if matches!(s.cross_boundary, Some((_, false)))
            && !matches!(
                event.kind,
                EventKind::CompetentReceived | EventKind::Refused { .. } | EventKind::Withdrawn
            )
        {
            return Err(Error::new(
                ErrorKind::InvalidTransition,
                format!(
                    "a {} event waits for the competent agency to receive the cross-boundary dossier (competent_received)",
                    event.kind.code()
                ),
            ));
        }
        let Some(next) = event.kind.next_status(s.status) else {
            return Err(match s.status {
                Some(s) if s.is_final() || s == Status::Resolved => Error::new(
                    ErrorKind::DossierFinished,
                    format!(
                        "a {} event cannot follow status {} ({}): processing has ended",
                        event.kind.code(),
                        s.code(),
                        s.name_en()
                    ),
                ),
                Some(s) => Error::new(
                    ErrorKind::InvalidTransition,
                    format!(
                        "a {} event is not allowed in status {} ({})",
                        event.kind.code(),
                        s.code(),
                        s.name_en()
                    ),
                ),
                None => Error::new(
                    ErrorKind::InvalidTransition,
                    format!(
                        "a dossier's log starts with submitted, accepted or refused, not {}",
                        event.kind.code()
                    ),
                ),
            });
        };
        s.status = Some(next);
        s.last_event_at = Some(at);
        let cal = self.calendar;
        match &event.kind {
            EventKind::Submitted => {}
            EventKind::Accepted | EventKind::AcceptedCrossBoundary { .. } => {
                if let Some(n) = notes.as_deref_mut() {
                    n.push(at, Note::Received, None);
                    let rule_set = RuleSet::for_reception(at);
                    n.push(at, Note::RuleSet { rule_set }, None);
                    let versions = self.calendar.data_versions();
                    let culture_day = self.calendar.has_culture_day();
                    n.push(
                        at,
                        Note::CalendarData {
                            versions,
                            culture_day,
                        },
                        None,
                    );
                }
                s.received_at = Some(at);
                match &event.kind {
                    EventKind::AcceptedCrossBoundary { competent_unit } => {
                        if let Some(why) = super::code::unit_problem(competent_unit) {
                            return Err(Error::new(
                                ErrorKind::InvalidArgument,
                                format!("competent_unit: {why}"),
                            ));
                        }
                        s.cross_boundary = Some((competent_unit.clone(), false));
                        if let Some(n) = notes.as_deref_mut() {
                            let unit = competent_unit.clone();
                            n.push(at, Note::WaitingForCompetentAgency { unit }, None);
                        }
                    }
                    _ => self.start_clock(s, at, notes.as_deref_mut())?,
                }
            }
            EventKind::CompetentReceived => {
                match s.cross_boundary.as_mut() {
                    Some((_, received @ false)) => *received = true,
                    _ => {
                        return Err(Error::new(
                            ErrorKind::InvalidTransition,
                            "a competent_received event follows only a cross-boundary reception that no competent agency has received yet",
                        ))
                    }
                }
                if let Some(n) = notes.as_deref_mut() {
                    n.push(at, Note::CompetentReceived, None);
                }
                self.start_clock(s, at, notes.as_deref_mut())?;
            }
            EventKind::Refused { .. } | EventKind::Withdrawn => {
                self.close_step(s, at)?;
                s.ended_at = Some(at);
                s.paused_since = None;
            }
            EventKind::Routed { step } => {
                let index = self
                    .procedure
                    .workflow
                    .iter()
                    .position(|w| &w.id == step)
                    .ok_or_else(|| {
                        let shown: String = step.chars().take(40).collect();
                        Error::new(
                            ErrorKind::InvalidTransition,
                            format!(
                                "step {shown:?} is not in the workflow of procedure {}",
                                self.procedure.code
                            ),
                        )
                    })?;
                self.close_step(s, at)?;
                if s.step_used.is_empty() {
                    s.step_used = vec![None; self.procedure.workflow.len()];
                }
                if let Some(used) = s.step_used.get_mut(index) {
                    *used = Some(used.unwrap_or(0));
                }
                let slot = index;
                s.current_step = Some((slot, at, 0));
            }
            EventKind::SupplementRequested { .. } => {
                s.supplement_requests += 1;
                if s.supplement_requests > 1 {
                    s.violations
                        .push(Violation::RepeatedSupplementRequest { at });
                }
                let since = s.clock_start.unwrap_or(at);
                let three_days = cal.working_duration(3.0, 0.0, 0.0)?;
                if cal.working_time_between(since, at)? > three_days {
                    s.violations.push(Violation::LateSupplementRequest { at });
                }
                s.paused_since = Some(at);
                if let Some(n) = notes.as_deref_mut() {
                    n.push(at, Note::SupplementRequested { late: s.violations.iter().any(|v| matches!(v, Violation::LateSupplementRequest { at: a } if *a == at)) }, s.due_at);
                }
            }
            EventKind::Suspended { .. } if self.stop_ends(s) => {
                self.close_step(s, at)?;
                s.ended_at = Some(at);
                s.paused_since = None;
                if let Some(n) = notes.as_deref_mut() {
                    n.push(at, Note::Stopped, None);
                }
            }
            EventKind::FinancialObligationRequested | EventKind::Suspended { .. } => {
                s.paused_since = Some(at);
                if let Some(n) = notes.as_deref_mut() {
                    n.push(at, Note::Paused { status: next }, s.due_at);
                }
            }
            EventKind::SupplementCompleted => {
                let since = s.paused_since.take().unwrap_or(at);
                match self.policies.supplement_policy {
                    SupplementPolicy::Restart => {
                        // The full time counts again, and so do the steps' budgets:
                        // the open step starts over from here.
                        if let Some(step) = s.current_step.as_mut() {
                            *step = (step.0, at, 0);
                        }
                        for u in s.step_used.iter_mut().flatten() {
                            *u = 0;
                        }
                        if let Some(n) = notes.as_deref_mut() {
                            let rule_set = rule_set_at(s, at);
                            n.push(at, Note::Restarted { rule_set }, None);
                        }
                        self.start_clock(s, at, notes.as_deref_mut())?;
                    }
                    SupplementPolicy::Pause => self.resume(s, since, at, notes.as_deref_mut())?,
                }
            }
            EventKind::Paid | EventKind::Resumed => {
                let since = s.paused_since.take().unwrap_or(at);
                self.resume(s, since, at, notes.as_deref_mut())?;
            }
            EventKind::Extended { new_due, reason } => {
                if s.extension.is_some() {
                    return Err(Error::new(
                        ErrorKind::InvalidExtension,
                        format!(
                            "the appointment may be re-set only once ({})",
                            rule_set_at(s, at).basis(Rule::Extension)
                        ),
                    ));
                }
                let Some(old_due) = s.due_at else {
                    return Err(Error::new(
                        ErrorKind::InvalidExtension,
                        "a procedure without deadline has no appointment to re-set",
                    ));
                };
                if *new_due <= old_due || *new_due <= at {
                    return Err(Error::new(
                        ErrorKind::InvalidExtension,
                        format!("the new appointment {new_due} must be later than the due date {old_due} and than the apology itself"),
                    ));
                }
                let notice = cal.working_time_between(at, old_due)?;
                let late = notice < cal.sessions().day_length();
                if late {
                    s.violations.push(Violation::LateApology { at });
                }
                s.extension = Some(Extension {
                    at,
                    old_due,
                    new_due: *new_due,
                    reason: reason.clone(),
                });
                if let Some(n) = notes.as_deref_mut() {
                    n.push(
                        at,
                        Note::Extended {
                            rule_set: rule_set_at(s, at),
                            old_due,
                            new_due: *new_due,
                            late,
                        },
                        Some(old_due),
                    );
                }
            }
            EventKind::Resolved => {
                self.close_step(s, at)?;
                s.ended_at = Some(at);
                if let Some(n) = notes {
                    n.push(at, Note::Resolved, s.due_at);
                }
            }
            EventKind::ResultReturned => {
                s.returned_at = Some(at);
            }
        }
        Ok(())
    }

    /// Whether status 8 ends processing for this dossier ([`StopPolicy`]).
    fn stop_ends(&self, s: &ClockState) -> bool {
        match self.policies.stop_policy {
            StopPolicy::End => true,
            StopPolicy::Pause => false,
            StopPolicy::ByRuleSet => s.rule_set() != Some(RuleSet::Decree61Of2018),
        }
    }

    /// Starts (or restarts) the clock at `at`.
    fn start_clock(
        &self,
        s: &mut ClockState,
        at: NaiveDateTime,
        notes: Option<&mut Explanation>,
    ) -> Result<()> {
        let (start, due) = self.due_from_explained(at, notes)?;
        s.clock_start = Some(start);
        s.due_at = due;
        s.allowed_seconds = match s.due_at {
            Some(due) => Some(self.calendar.working_time_between(start, due)?.seconds()),
            None => None,
        };
        Ok(())
    }

    /// Ends a pause: the due date moves by its working time (also inside the
    /// current step, whose time does not count while paused).
    fn resume(
        &self,
        s: &mut ClockState,
        since: NaiveDateTime,
        at: NaiveDateTime,
        notes: Option<&mut Explanation>,
    ) -> Result<()> {
        let paused = self.calendar.working_time_between(since, at)?;
        s.due_at = self.shifted(s.due_at, paused)?;
        // The appointment of an apology issued before the pause moves with
        // the due date: the applicant's time stopped for both.
        // (The apology letter keeps the appointment it printed.)
        if let Some(ext) = &s.extension {
            let printed_or_moved = s.moved_appointment.unwrap_or(ext.new_due);
            s.moved_appointment = self.shifted(Some(printed_or_moved), paused)?;
        }
        if let Some((_, _, in_step)) = s.current_step.as_mut() {
            *in_step += paused.seconds();
        }
        if let Some(n) = notes {
            n.push(at, Note::Resumed { since, paused }, s.due_at);
        }
        Ok(())
    }

    /// The time each entered workflow step used against its budget, in
    /// workflow order; with `as_of`, the open step counts up to it (pauses
    /// excluded), so a running dossier shows where its time goes.
    pub fn step_usage(
        &self,
        state: &ClockState,
        as_of: Option<NaiveDateTime>,
    ) -> Result<Vec<StepUsage>> {
        let open = match (state.current_step, as_of) {
            (Some((i, since, paused)), Some(as_of)) => {
                let mut used = self.calendar.working_time_between(since, as_of)?.seconds() - paused;
                if let Some(p) = state.paused_since.filter(|p| *p < as_of) {
                    used -= self
                        .calendar
                        .working_time_between(p.max(since), as_of)?
                        .seconds();
                }
                Some((i, used.max(0)))
            }
            _ => None,
        };
        Ok(self
            .procedure
            .workflow
            .iter()
            .zip(&state.step_used)
            .enumerate()
            .filter_map(|(i, (step, used))| {
                let extra = open.filter(|(o, _)| *o == i).map_or(0, |(_, u)| u);
                Some(StepUsage {
                    step: step.id.clone(),
                    budget_seconds: self.step_budget(step.budget, state.allowed_seconds),
                    used_seconds: (*used)? + extra,
                })
            })
            .collect())
    }

    /// Replays a whole log; the error names the event's index.
    pub fn replay(&self, events: &[Event]) -> Result<ClockState> {
        self.replay_explained(events, None)
    }

    /// [`Clock::replay`], adding notes on what each event did.
    pub fn replay_explained(
        &self,
        events: &[Event],
        mut notes: Option<&mut Explanation>,
    ) -> Result<ClockState> {
        let mut state = ClockState::new();
        for (i, e) in events.iter().enumerate() {
            self.apply_in_place(&mut state, e, notes.as_deref_mut())
                .map_err(|err| err.at_event(i))?;
        }
        Ok(state)
    }
}

/// The rule set of a state's reception, or of `at` before any: what the
/// explanation of an event at `at` cites.
fn rule_set_at(s: &ClockState, at: NaiveDateTime) -> RuleSet {
    s.rule_set().unwrap_or_else(|| RuleSet::for_reception(at))
}

/// The appointment in force: the apology's new appointment (moved by any
/// pause after it, as the due date is), but never before the legal due
/// date, which a supplement's restart can move past it: an appointment
/// earlier than the law allows is never what the applicant is told.
pub fn appointment(state: &ClockState) -> Option<NaiveDateTime> {
    let extended = state
        .extension
        .as_ref()
        .map(|ext| state.moved_appointment.unwrap_or(ext.new_due));
    match (extended, state.due_at) {
        (Some(appointment), Some(due)) => Some(appointment.max(due)),
        (extended, due) => extended.or(due),
    }
}

/// Timeliness of a finished state; `None` while running and for refused or
/// withdrawn dossiers (they are not judged).
pub fn timeliness(state: &ClockState, granularity: Granularity) -> Option<Timeliness> {
    if !matches!(state.status, Some(Status::Resolved | Status::Returned)) {
        return None;
    }
    let end = state.ended_at?;
    let Some(due) = state.due_at else {
        return Some(Timeliness::OnTime);
    };
    Some(judge(end, due, granularity))
}

/// Early / on time / late of an end instant against a due instant.
pub fn judge(end: NaiveDateTime, due: NaiveDateTime, granularity: Granularity) -> Timeliness {
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

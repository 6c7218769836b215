//! The legal clock: the due date of a dossier replayed from its event log.
//!
//! Rulings (the product's rulings on durations and due dates):
//! - the clock starts at the reception instant (`accepted`); outside the
//!   working sessions it starts at the next session start;
//! - working-time durations add working time to it ([`DuePolicy::Exact`](crate::procedure::DuePolicy::Exact)),
//!   or end at the close of the last working day ([`DuePolicy::EndOfDay`](crate::procedure::DuePolicy::EndOfDay));
//!   calendar days follow the Civil Code; same-day procedures are due at the
//!   close of the day, or of the next working day after the cut-off;
//! - a completed supplement restarts the full time ([`SupplementPolicy::Restart`](crate::procedure::SupplementPolicy::Restart))
//!   or moves the due date by the working time it took ([`SupplementPolicy::Pause`](crate::procedure::SupplementPolicy::Pause));
//!   a financial obligation (6) pauses; status 8 (processing stopped) ends
//!   processing ([`StopPolicy::End`], as the national portal scores it) or
//!   pauses ([`StopPolicy::Pause`](crate::procedure::StopPolicy::Pause)), by default by the dossier's rule set;
//! - one extension (apology, Mẫu 04), at least one working day before the
//!   due date or flagged; timeliness stays judged against the legal due
//!   date, the new appointment is reported separately;
//! - a supplement request more than 3 working days after reception, or a
//!   second one, is allowed and flagged (Decree 61/2018 Art. 19(4), not yet
//!   verified in Decree 118/2025, see [`crate::law`]; the national
//!   index counts a second request as late).
//!
//! The rules live in `rules`, one function per kind of
//! event, each returning the lines it adds to the explanation; the
//! judgment of early, on time or late, shared with the period report and
//! the service index, in `timeliness`; this module holds the state, the
//! replay ([`Clock::replay`], [`Clock::replay_until`],
//! [`Clock::replay_explained`]) and the step usage.

mod rules;
mod timeliness;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub(crate) use rules::{Line, Notes};
pub use timeliness::{judge, progress, timeliness, Granularity, Progress, Timeliness};

use super::event::{Event, EventKind};
use super::explain::Explanation;
use super::status::Status;
use crate::calendar::zone::VietnamTime;
use crate::calendar::Calendar;
use crate::error::Result;
use crate::law::RuleSet;
use crate::procedure::{Channel, Policies, Procedure};

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

/// Time a workflow step used against its budget, in working hours: the
/// unit of the law's step budgets and the one every runtime shows, so a
/// Rust service, a notebook and a portal read the same figures. The clock
/// counts whole working seconds; hours are those seconds / 3600.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepUsage {
    /// The step's id.
    pub step: String,
    /// Its budget.
    pub budget_hours: f64,
    /// The time it used (pauses excluded).
    pub used_hours: f64,
    /// The time over budget (0 when within).
    pub overspent_hours: f64,
}

impl StepUsage {
    /// The usage of `step` from the clock's working seconds.
    fn from_seconds(step: String, budget_seconds: i64, used_seconds: i64) -> Self {
        let hours = |seconds: i64| seconds as f64 / 3600.0;
        Self {
            step,
            budget_hours: hours(budget_seconds),
            used_hours: hours(used_seconds),
            overspent_hours: hours((used_seconds - budget_seconds).max(0)),
        }
    }

    /// Whether the step used more than its budget: where lateness comes
    /// from.
    pub fn overspent(&self) -> bool {
        self.overspent_hours > 0.0
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
    /// without extension or pause); see `appointment`.
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
    /// Whether its rules keep the lines of the explanation
    /// ([`Clock::narrating`]).
    narrate: bool,
}

impl<'a> Clock<'a> {
    /// A clock for a procedure on a calendar and channel.
    pub fn new(calendar: &'a Calendar, procedure: &'a Procedure, channel: Channel) -> Self {
        Self {
            calendar,
            procedure,
            channel,
            policies: procedure.policies(),
            narrate: false,
        }
    }

    /// The same clock, keeping the lines of the explanation that its rules
    /// return: what [`Clock::estimate`] and [`Clock::replay_explained`]
    /// replay with. A plain clock drops them unbuilt.
    fn narrating(self) -> Self {
        Self {
            narrate: true,
            ..self
        }
    }

    /// The due date of a dossier received at `at` (or restarted at `at`),
    /// `None` for a procedure without deadline. The fast path of a fresh
    /// reception. `at` is naive Vietnam local time or an aware `DateTime`,
    /// and the due date is of the same kind ([`VietnamTime`]).
    pub fn due_from<T: VietnamTime>(&self, at: T) -> Result<Option<T>> {
        Ok(self.due(at.to_vietnam())?.due.map(|due| at.like(due)))
    }

    /// "If I submit now": the due date of a dossier accepted at `at`, with
    /// the explanation a received dossier would give. It replays the same
    /// reception event as [`crate::dossier::Dossier::receive`], so a portal's
    /// estimate and the center's receipt slip cannot disagree. `at` may be
    /// aware ([`VietnamTime`]); the estimate, like its explanation, is in
    /// Vietnam local time ([`crate::calendar::zone::aware`] makes its due
    /// date aware).
    pub fn estimate(&self, at: impl VietnamTime) -> Result<Estimate> {
        let reception = Event::new(
            crate::calendar::iso::whole_seconds(at.to_vietnam()),
            "",
            EventKind::Accepted,
        );
        // Applied directly, not replayed: an error has no log to point into.
        let mut state = ClockState::new();
        let lines = self.narrating().apply(&mut state, &reception)?;
        let mut explanation = Explanation::default();
        explanation.write(self.calendar, lines);
        Ok(Estimate {
            due_at: state.due_at,
            explanation,
        })
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

    /// Moves `state` past `event`, or returns an error and leaves it as it
    /// was. The event is applied to a copy of the state without its
    /// violations, the one part that grows with the log, and the event's
    /// own violations are appended on success: recording a log of n events
    /// costs O(n), where a copy of the whole state per event cost O(n²).
    /// (No rule reads an earlier event's violations.)
    pub fn advance(&self, state: &mut ClockState, event: &Event) -> Result<()> {
        let mut violations = std::mem::take(&mut state.violations);
        let mut next = state.clone();
        let applied = self.apply(&mut next, event);
        if applied.is_ok() {
            violations.append(&mut next.violations);
            next.violations = violations;
            *state = next;
        } else {
            state.violations = violations;
        }
        applied.map(drop)
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
                Some(StepUsage::from_seconds(
                    step.id.clone(),
                    self.step_budget(step.budget, state.allowed_seconds),
                    (*used)? + extra,
                ))
            })
            .collect())
    }

    /// Replays a whole log; the error names the event's index
    /// ([`crate::Error::event_index`]).
    pub fn replay(&self, events: &[Event]) -> Result<ClockState> {
        self.replay_with(events, |_| {})
    }

    /// [`Clock::replay`] of the events up to `as_of` (those at `as_of`
    /// included): the state a dossier was in at that instant, what every
    /// "at `as_of`" figure (state, step usage, a period report's record)
    /// is read from. The log is in time order, so the prefix is found by
    /// bisection.
    pub fn replay_until(&self, events: &[Event], as_of: NaiveDateTime) -> Result<ClockState> {
        let upto = events.partition_point(|e| e.at <= as_of);
        self.replay(&events[..upto])
    }

    /// [`Clock::replay`] with the explanation of what each event did.
    pub fn replay_explained(&self, events: &[Event]) -> Result<(ClockState, Explanation)> {
        let mut explanation = Explanation::default();
        let narrating = self.narrating();
        let state =
            narrating.replay_with(events, |lines| explanation.write(self.calendar, lines))?;
        Ok((state, explanation))
    }

    /// Applies each event in turn, handing its lines to `lines`.
    fn replay_with(&self, events: &[Event], mut lines: impl FnMut(Notes)) -> Result<ClockState> {
        let mut state = ClockState::new();
        for (i, e) in events.iter().enumerate() {
            lines(self.apply(&mut state, e).map_err(|err| err.at_event(i))?);
        }
        Ok(state)
    }
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

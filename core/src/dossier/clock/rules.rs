//! The clock's rules: what each kind of event does to a dossier's state,
//! one function per kind, each returning the lines it adds to the
//! explanation. The checks every event passes first (calendar range,
//! order, the end of processing, the status transition table) are
//! [`Clock::admit`].
//!
//! Where each rule comes from is in the module documentation of
//! [`super`]; the supplement restart rule is [`Clock::complete_supplement`],
//! status 8 is [`Clock::stop_ends`].

use chrono::{NaiveDate, NaiveDateTime};

use super::{Clock, ClockState, Extension, Violation};
use crate::calendar::WorkingTime;
use crate::dossier::event::{Event, EventKind};
use crate::dossier::explain::Note;
use crate::dossier::status::Status;
use crate::error::{Error, ErrorKind, Result};
use crate::law::{Rule, RuleSet};
use crate::procedure::{DuePolicy, ProcessingTime, StopPolicy, SupplementPolicy};

/// A line an event adds to its explanation. The lines that need the
/// calendar's data (its versions, the days off between two dates) are
/// written out only when an explanation is asked for
/// ([`crate::dossier::Explanation::write`]): a replay for the due date
/// alone does not walk the holidays.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Line {
    /// A note, at an instant, with the due date after it where it set one.
    Note(NaiveDateTime, Note, Option<NaiveDateTime>),
    /// The calendar data the due date is computed on.
    CalendarData(NaiveDateTime),
    /// The weekday days off skipped and the make-up days counted between
    /// two dates.
    DaysBetween {
        /// The first date.
        from: NaiveDate,
        /// The last date.
        to: NaiveDate,
        /// When the lines are dated.
        at: NaiveDateTime,
    },
}

/// A due date as the clock computed it, with what its lines say.
pub(super) struct Due {
    /// The reception (or restart) instant.
    at: NaiveDateTime,
    /// Where the clock starts: the next working instant.
    start: NaiveDateTime,
    /// The due date; `None` without deadline.
    pub(super) due: Option<NaiveDateTime>,
    /// A same-day procedure received after its cut-off.
    after_cutoff: bool,
}

/// The lines of one event, in order. A clock that is not asked for an
/// explanation ([`Clock::narrating`]) keeps none: its rules return empty
/// notes, and a replay for the due date alone allocates nothing for them.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    lines: Vec<Line>,
    kept: bool,
}

impl Notes {
    /// Adds a line, if lines are kept.
    fn push(&mut self, line: Line) {
        if self.kept {
            self.lines.push(line);
        }
    }

    /// Adds the lines of `other` after these.
    fn extend(&mut self, other: Notes) {
        self.lines.extend(other.lines);
    }

    /// The lines, in order.
    pub(crate) fn into_lines(self) -> Vec<Line> {
        self.lines
    }
}

/// A note line without due date.
fn note(at: NaiveDateTime, note: Note) -> Line {
    Line::Note(at, note, None)
}

impl Clock<'_> {
    /// Empty notes, kept or not as this clock narrates.
    fn notes(&self) -> Notes {
        Notes {
            lines: Vec::new(),
            kept: self.narrate,
        }
    }

    /// The notes of these lines, kept or not as this clock narrates.
    fn notes_of<const N: usize>(&self, lines: [Line; N]) -> Notes {
        let mut notes = self.notes();
        if notes.kept {
            notes.lines.extend(lines);
        }
        notes
    }

    /// Applies `event` to `s`: [`Clock::admit`], then the rule of its kind.
    /// On error `s` may be half-changed: [`Clock::advance`] applies to a
    /// copy, and a replay stops at the first error anyway.
    pub(super) fn apply(&self, s: &mut ClockState, event: &Event) -> Result<Notes> {
        let at = event.at;
        let next = self.admit(s, event)?;
        s.status = Some(next);
        s.last_event_at = Some(at);
        match &event.kind {
            EventKind::Submitted => Ok(self.notes()),
            EventKind::Accepted => self.accept(s, at),
            EventKind::AcceptedCrossBoundary { competent_unit } => {
                self.accept_cross_boundary(s, at, competent_unit)
            }
            EventKind::CompetentReceived => self.competent_receive(s, at),
            EventKind::Refused { .. } | EventKind::Withdrawn => self.end(s, at, self.notes()),
            EventKind::Routed { step } => self.route(s, at, step),
            EventKind::SupplementRequested { .. } => self.request_supplement(s, at),
            EventKind::Suspended { .. } if self.stop_ends(s) => {
                self.end(s, at, self.notes_of([note(at, Note::Stopped)]))
            }
            EventKind::FinancialObligationRequested | EventKind::Suspended { .. } => {
                s.paused_since = Some(at);
                Ok(self.notes_of([Line::Note(at, Note::Paused { status: next }, s.due_at)]))
            }
            EventKind::SupplementCompleted => self.complete_supplement(s, at),
            EventKind::Paid | EventKind::Resumed => {
                let since = s.paused_since.take().unwrap_or(at);
                self.resume(s, since, at)
            }
            EventKind::Extended { new_due, reason } => self.extend(s, at, *new_due, reason),
            EventKind::Resolved => {
                self.close_step(s, at)?;
                s.ended_at = Some(at);
                Ok(self.notes_of([Line::Note(at, Note::Resolved, s.due_at)]))
            }
            EventKind::ResultReturned => {
                s.returned_at = Some(at);
                Ok(self.notes())
            }
            // Not reached: a correction has no transition, so `admit`
            // refuses it, and the clock replays the corrected history.
            EventKind::Voided { .. } | EventKind::Amended { .. } => Ok(self.notes()),
        }
    }

    /// The checks every event passes before its rule, and the status it
    /// leads to by the transition table.
    fn admit(&self, s: &ClockState, event: &Event) -> Result<Status> {
        let (at, code) = (event.at, event.kind.code());
        // Refused at the door: an event outside the calendar's range would
        // be recorded when its transition reads no calendar, and then every
        // later event that does would fail.
        self.calendar.is_working_day(at.date())?;
        if let Some(last) = s.last_event_at.filter(|&last| at < last) {
            return Err(Error::new(
                ErrorKind::EventOutOfOrder,
                format!("a {code} event at {at} comes before the previous event at {last}"),
            ));
        }
        if s.status == Some(Status::Suspended) && self.stop_ends(s) {
            return Err(Error::new(
                ErrorKind::DossierFinished,
                format!(
                    "a {code} event cannot follow status 8 (processing stopped): it ends processing under Decree 118/2025 by default (set the stop policy \"pause\" to resume)"
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
                    "a {code} event waits for the competent agency to receive the cross-boundary dossier (competent_received)"
                ),
            ));
        }
        event
            .kind
            .next_status(s.status)
            .ok_or_else(|| match s.status {
                Some(s) if s.is_final() || s == Status::Resolved => Error::new(
                    ErrorKind::DossierFinished,
                    format!(
                        "a {code} event cannot follow status {} ({}): processing has ended",
                        s.code(),
                        s.name_en()
                    ),
                ),
                Some(s) => Error::new(
                    ErrorKind::InvalidTransition,
                    format!(
                        "a {code} event is not allowed in status {} ({})",
                        s.code(),
                        s.name_en()
                    ),
                ),
                None => Error::new(
                    ErrorKind::InvalidTransition,
                    format!(
                        "a dossier's log starts with submitted, accepted or refused, not {code}"
                    ),
                ),
            })
    }

    /// The reception's lines: the instant, the rule set of its date, the
    /// calendar data.
    fn reception_notes(&self, at: NaiveDateTime) -> Notes {
        let rule_set = RuleSet::for_reception(at);
        self.notes_of([
            note(at, Note::Received),
            note(at, Note::RuleSet { rule_set }),
            Line::CalendarData(at),
        ])
    }

    /// `accepted`: the complete dossier is received and the clock starts
    /// (Decree 61/2018 Art. 19, Decree 118/2025).
    fn accept(&self, s: &mut ClockState, at: NaiveDateTime) -> Result<Notes> {
        let mut notes = self.reception_notes(at);
        s.received_at = Some(at);
        notes.extend(self.start_clock(s, at)?);
        Ok(notes)
    }

    /// `accepted_cross_boundary`: received on behalf of another center's
    /// competent agency; the clock waits for its reception there.
    fn accept_cross_boundary(
        &self,
        s: &mut ClockState,
        at: NaiveDateTime,
        competent_unit: &str,
    ) -> Result<Notes> {
        if let Some(why) = crate::dossier::code::unit_problem(competent_unit) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("competent_unit: {why}"),
            ));
        }
        let mut notes = self.reception_notes(at);
        s.received_at = Some(at);
        s.cross_boundary = Some((competent_unit.to_owned(), false));
        let unit = competent_unit.to_owned();
        notes.push(note(at, Note::WaitingForCompetentAgency { unit }));
        Ok(notes)
    }

    /// `competent_received`: the competent agency has the cross-boundary
    /// dossier; the clock starts.
    fn competent_receive(&self, s: &mut ClockState, at: NaiveDateTime) -> Result<Notes> {
        match s.cross_boundary.as_mut() {
            Some((_, received @ false)) => *received = true,
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidTransition,
                    "a competent_received event follows only a cross-boundary reception that no competent agency has received yet",
                ))
            }
        }
        let mut notes = self.notes_of([note(at, Note::CompetentReceived)]);
        notes.extend(self.start_clock(s, at)?);
        Ok(notes)
    }

    /// `refused`, `withdrawn`, and `suspended` where status 8 ends
    /// processing: processing ends, and with it any pause and the open step.
    fn end(&self, s: &mut ClockState, at: NaiveDateTime, notes: Notes) -> Result<Notes> {
        self.close_step(s, at)?;
        s.ended_at = Some(at);
        s.paused_since = None;
        Ok(notes)
    }

    /// `routed`: the dossier enters a workflow step (closing the open one).
    fn route(&self, s: &mut ClockState, at: NaiveDateTime, step: &str) -> Result<Notes> {
        let workflow = &self.procedure.workflow;
        let index = workflow.iter().position(|w| w.id == step).ok_or_else(|| {
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
            s.step_used = vec![None; workflow.len()];
        }
        if let Some(used) = s.step_used.get_mut(index) {
            *used = Some(used.unwrap_or(0));
        }
        s.current_step = Some((index, at, 0));
        Ok(self.notes())
    }

    /// `supplement_requested`: the clock pauses. A request more than 3
    /// working days after the clock started, or a second one, is allowed
    /// and flagged (Decree 61/2018 Art. 19(4); the national index counts a
    /// second request as late).
    fn request_supplement(&self, s: &mut ClockState, at: NaiveDateTime) -> Result<Notes> {
        let cal = self.calendar;
        s.supplement_requests += 1;
        if s.supplement_requests > 1 {
            s.violations
                .push(Violation::RepeatedSupplementRequest { at });
        }
        let since = s.clock_start.unwrap_or(at);
        let late = cal.working_time_between(since, at)? > cal.working_duration(3.0, 0.0, 0.0)?;
        if late {
            s.violations.push(Violation::LateSupplementRequest { at });
        }
        s.paused_since = Some(at);
        Ok(self.notes_of([Line::Note(at, Note::SupplementRequested { late }, s.due_at)]))
    }

    /// `supplement_completed`: under [`SupplementPolicy::Restart`] the full
    /// time counts again from here, and so do the steps' budgets (the
    /// supplement restart rule, Decree 61/2018 Art. 19(4)); under
    /// [`SupplementPolicy::Pause`] the due date moves by the working time
    /// the supplement took.
    fn complete_supplement(&self, s: &mut ClockState, at: NaiveDateTime) -> Result<Notes> {
        let since = s.paused_since.take().unwrap_or(at);
        match self.policies.supplement_policy {
            SupplementPolicy::Restart => {
                if let Some(step) = s.current_step.as_mut() {
                    *step = (step.0, at, 0);
                }
                for u in s.step_used.iter_mut().flatten() {
                    *u = 0;
                }
                let rule_set = rule_set_at(s, at);
                let mut notes = self.notes_of([note(at, Note::Restarted { rule_set })]);
                notes.extend(self.start_clock(s, at)?);
                Ok(notes)
            }
            SupplementPolicy::Pause => self.resume(s, since, at),
        }
    }

    /// `extended`: the apology and new appointment (Mẫu 04), at most once,
    /// later than the due date; issued less than one working day before the
    /// due date it is flagged. Timeliness stays judged against the legal
    /// due date.
    fn extend(
        &self,
        s: &mut ClockState,
        at: NaiveDateTime,
        new_due: NaiveDateTime,
        reason: &str,
    ) -> Result<Notes> {
        let cal = self.calendar;
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
        if new_due <= old_due || new_due <= at {
            return Err(Error::new(
                ErrorKind::InvalidExtension,
                format!("the new appointment {new_due} must be later than the due date {old_due} and than the apology itself"),
            ));
        }
        let late = cal.working_time_between(at, old_due)? < cal.sessions().day_length();
        if late {
            s.violations.push(Violation::LateApology { at });
        }
        s.extension = Some(Extension {
            at,
            old_due,
            new_due,
            reason: reason.to_owned(),
        });
        let rule_set = rule_set_at(s, at);
        let extended = Note::Extended {
            rule_set,
            old_due,
            new_due,
            late,
        };
        Ok(self.notes_of([Line::Note(at, extended, Some(old_due))]))
    }

    /// Whether status 8 ends processing for this dossier ([`StopPolicy`]).
    pub(super) fn stop_ends(&self, s: &ClockState) -> bool {
        match self.policies.stop_policy {
            StopPolicy::End => true,
            StopPolicy::Pause => false,
            StopPolicy::ByRuleSet => s.rule_set() != Some(RuleSet::Decree61Of2018),
        }
    }

    /// Starts (or restarts) the clock at `at`.
    fn start_clock(&self, s: &mut ClockState, at: NaiveDateTime) -> Result<Notes> {
        let due = self.due(at)?;
        s.clock_start = Some(due.start);
        s.due_at = due.due;
        s.allowed_seconds = match due.due {
            Some(end) => Some(
                self.calendar
                    .working_time_between(due.start, end)?
                    .seconds(),
            ),
            None => None,
        };
        Ok(self.due_lines(&due))
    }

    /// Ends a pause: the due date moves by its working time (also inside the
    /// current step, whose time does not count while paused).
    fn resume(&self, s: &mut ClockState, since: NaiveDateTime, at: NaiveDateTime) -> Result<Notes> {
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
        Ok(self.notes_of([Line::Note(at, Note::Resumed { since, paused }, s.due_at)]))
    }

    /// Closes the current step at `at`, adding its working time.
    fn close_step(&self, s: &mut ClockState, at: NaiveDateTime) -> Result<()> {
        if let Some((i, since, paused)) = s.current_step.take() {
            let used = self.calendar.working_time_between(since, at)?.seconds() - paused;
            if let Some(Some(total)) = s.step_used.get_mut(i) {
                *total += used.max(0);
            }
        }
        Ok(())
    }

    /// The clock's start (the next working instant) and the due date of a
    /// dossier received (or restarted) at `at`.
    pub(super) fn due(&self, at: NaiveDateTime) -> Result<Due> {
        let cal = self.calendar;
        let start = cal.next_working_instant(at)?;
        let mut after_cutoff = false;
        let due = match self.procedure.processing_time_for(self.channel) {
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
                after_cutoff = start.date() == at.date() && cutoff.is_some_and(|c| at.time() > c);
                let day = if after_cutoff {
                    cal.add_working_days(start.date(), 1)?
                } else {
                    start.date()
                };
                Some(cal.end_of_working_day(day)?)
            }
            ProcessingTime::NoDeadline => None,
        };
        Ok(Due {
            at,
            start,
            due,
            after_cutoff,
        })
    }

    /// The lines of a due date: where the clock started, the processing
    /// time, and the days off it skipped.
    fn due_lines(&self, d: &Due) -> Notes {
        let (at, start) = (d.at, d.start);
        let time = self.procedure.processing_time_for(self.channel);
        let mut notes = self.notes();
        if start != at {
            notes.push(note(at, Note::StartMoved { start }));
        }
        if d.after_cutoff {
            notes.push(note(at, Note::AfterCutoff));
        }
        notes.push(Line::Note(start, Note::Duration { time }, d.due));
        match (time, d.due) {
            // Calendar days count days off; only a day off at the end matters.
            (ProcessingTime::CalendarDays { days }, Some(due)) => {
                let last = at
                    .date()
                    .checked_add_days(chrono::Days::new(u64::from(days)));
                if let Some(last) = last.filter(|&l| l != due.date()) {
                    let to = due.date();
                    notes.push(note(start, Note::LastDayMoved { last, to }));
                }
            }
            (_, Some(due)) => notes.push(Line::DaysBetween {
                from: at.date(),
                to: due.date(),
                at: start,
            }),
            (_, None) => {}
        }
        notes
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
}

/// The rule set of a state's reception, or of `at` before any: what the
/// explanation of an event at `at` cites.
fn rule_set_at(s: &ClockState, at: NaiveDateTime) -> RuleSet {
    s.rule_set().unwrap_or_else(|| RuleSet::for_reception(at))
}

//! Dossiers (hồ sơ): code, status, the append-only event log, the legal
//! clock replayed from it, its explanation and the data of the forms.
//!
//! A [`Dossier`] is its log: every method that records an event computes
//! the next state first and changes nothing when the event is rejected, and
//! every figure (status, due date, timeliness at any `as_of`) is replayed
//! from the log. Nothing here reads a clock.

mod applicant;
mod clock;
mod code;
pub(crate) mod correction;
mod event;
mod explain;
mod facts;
mod forms;
mod opening;
mod status;

use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::Serialize;

pub use crate::wire::DossierOn;
pub use applicant::Applicant;
pub use clock::{
    judge, progress, timeliness, Clock, ClockState, Estimate, Extension, Granularity, Progress,
    StepUsage, Timeliness, Violation,
};
pub use code::{CodeRule, DossierCode, DossierCodeGenerator};
pub use correction::LogEntry;
pub use event::{Event, EventKind, EventType};
pub use explain::{DayOff, Explanation, ExplanationEntry, Language, Note};
pub use facts::{Fact, Facts};
pub use forms::{ApologyLetter, ReceiptSlip, StopNotice};
pub use opening::Opening;
pub use status::Status;

use crate::calendar::{iso, Calendar};
use crate::error::{Error, ErrorKind, Result};
use crate::law::RuleSet;
use crate::procedure::{Channel, Procedure};

/// A dossier: its identity, procedure, channel, applicant and event log,
/// with the clock state replayed from the log.
#[derive(Debug, Clone)]
pub struct Dossier {
    code: DossierCode,
    procedure: Arc<Procedure>,
    calendar: Calendar,
    channel: Channel,
    applicant: Option<Applicant>,
    events: Vec<Event>,
    /// `None` until a fact is noted: the index leaves such a dossier out of
    /// its fact-based indicators rather than count it as having none.
    facts: Option<Facts>,
    /// The replay of the corrected log (see `correction`).
    state: ClockState,
    /// When the latest correction of the log was made: no later entry is
    /// dated before it (CORRECTION_TIME).
    corrected_at: Option<NaiveDateTime>,
}

/// Moves `state`, the replay of the log `events` as corrected, past
/// `entry` appended to them, or returns the error and leaves it as it was:
/// a lifecycle event advances the clock; a correction replays the history
/// it leaves, whose first bad entry the error names by its log index.
/// `corrected_at` is the latest correction's instant, moved by a new one.
fn append(
    clock: &Clock<'_>,
    events: &[Event],
    state: &mut ClockState,
    corrected_at: &mut Option<NaiveDateTime>,
    entry: &Event,
) -> Result<()> {
    correction::check(events, *corrected_at, entry)?;
    if entry.kind.correction().is_none() {
        return clock.advance(state, entry);
    }
    let code = entry.kind.code();
    // At the door, as every event is (`admit`): a correction dated outside
    // the calendar's range would make every figure "at" it fail.
    clock.calendar.is_working_day(entry.at.date())?;
    // Corrections are rare and logs short: the log is copied to replay it
    // with the new entry.
    let mut log = events.to_vec();
    log.push(entry.clone());
    let history = correction::history(&log, None);
    if history.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidCorrection,
            format!("the {code} correction leaves no event: a dossier's log needs at least its reception or submission"),
        ));
    }
    let mut next = ClockState::new();
    for (i, e) in history {
        clock.advance(&mut next, e).map_err(|err| {
            Error::new(
                err.kind(),
                format!(
                    "the {code} correction leaves a history that does not replay: entry {i}: {}",
                    err.message()
                ),
            )
        })?;
    }
    if let Some(last) = next.last_event_at.filter(|&last| entry.at < last) {
        return Err(Error::new(
            ErrorKind::EventOutOfOrder,
            format!("a {code} correction at {} comes before the event at {last} of the history it leaves: a correction is dated when it is made", entry.at),
        ));
    }
    *state = next;
    *corrected_at = Some(entry.at);
    Ok(())
}

/// A dossier's figures at an instant, replayed from the events up to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierState {
    /// The instant.
    #[serde(with = "crate::calendar::iso::instant")]
    pub as_of: NaiveDateTime,
    /// Status at that instant (`None` before the first event), written as
    /// its national-portal number, as every runtime shows a status.
    #[serde(serialize_with = "status::code_opt")]
    pub status: Option<Status>,
    /// The legal due date in force.
    #[serde(with = "crate::calendar::iso::instant_opt")]
    pub due_at: Option<NaiveDateTime>,
    /// The appointment given to the applicant (the new one after an apology).
    #[serde(with = "crate::calendar::iso::instant_opt")]
    pub appointment_at: Option<NaiveDateTime>,
    /// Timeliness by date, once resolved.
    pub timeliness_date: Option<Timeliness>,
    /// Timeliness by instant, once resolved.
    pub timeliness_instant: Option<Timeliness>,
    /// For a running dossier: within time or overdue, share of time used.
    pub progress: Option<Progress>,
    /// When processing ended (resolved, refused, withdrawn, or stopped
    /// under the stop policy `end`), if it has by that instant.
    #[serde(with = "crate::calendar::iso::instant_opt")]
    pub ended_at: Option<NaiveDateTime>,
}

impl Dossier {
    /// The clock of this dossier: its calendar, procedure and channel.
    fn clock(&self) -> Clock<'_> {
        Clock::new(&self.calendar, &self.procedure, self.channel)
    }

    fn check_channel(procedure: &Procedure, channel: Channel) -> Result<()> {
        if procedure.channels.contains(&channel) {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "procedure {} is not offered through the {} channel",
                    procedure.code,
                    channel.code()
                ),
            ))
        }
    }

    /// A dossier from its log, replayed; the first error names the event.
    pub fn from_log(
        procedure: Arc<Procedure>,
        calendar: &Calendar,
        code: DossierCode,
        channel: Channel,
        applicant: Option<Applicant>,
        events: Vec<Event>,
    ) -> Result<Self> {
        procedure.validate()?;
        Self::check_channel(&procedure, channel)?;
        if events.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidDossier,
                "events: a dossier's log needs at least its reception or submission",
            ));
        }
        let clock = Clock::new(calendar, &procedure, channel);
        let (state, corrected_at) = if events.iter().any(|e| e.kind.correction().is_some()) {
            // Each entry checked as it was appended.
            let (mut state, mut corrected_at) = (ClockState::new(), None);
            for (i, e) in events.iter().enumerate() {
                append(&clock, &events[..i], &mut state, &mut corrected_at, e)
                    .map_err(|err| err.at_event(i))?;
            }
            (state, corrected_at)
        } else {
            (clock.replay(&events)?, None)
        };
        Ok(Self {
            code,
            procedure,
            calendar: calendar.clone(),
            channel,
            applicant,
            events,
            facts: None,
            state,
            corrected_at,
        })
    }

    /// The same dossier with its log replayed on another calendar (a new
    /// notice, a center's corrected closures): what [`crate::impact`]
    /// compares.
    pub fn with_calendar(&self, calendar: &Calendar) -> Result<Self> {
        let state = Clock::new(calendar, &self.procedure, self.channel)
            .replay(&correction::corrected(&self.events, None))?;
        Ok(Self {
            calendar: calendar.clone(),
            state,
            ..self.clone()
        })
    }

    /// The log a record of an export implies (a records table has no event
    /// log): accepted at its reception, then its ending at its end:
    /// `resolved`, `withdrawn`, `suspended` for a stop, `refused` for a
    /// refusal after appraisal. What a change-impact check of a table
    /// replays ([`crate::impact`]). `dossier.invalid` for a record without
    /// a reception, or one that is not consistent.
    pub fn from_record(
        procedure: Arc<Procedure>,
        calendar: &Calendar,
        code: DossierCode,
        record: &crate::report::ReportRecord,
    ) -> Result<Self> {
        use crate::report::Ending;
        let shown = code.to_string();
        let invalid = |why: &str| {
            Error::new(
                ErrorKind::InvalidDossier,
                format!("record of {shown}: {why}"),
            )
        };
        let Some(received_at) = record.received_at else {
            return Err(invalid("a record without a reception has no clock"));
        };
        if !record.is_consistent() {
            return Err(invalid(
                "its end and ending disagree, or it ends before its reception",
            ));
        }
        let mut events = vec![Event::new(received_at, "", EventKind::Accepted)];
        if let (Some(at), Some(ending)) = (record.ended_at, record.ending) {
            let kind = match ending {
                Ending::Resolved => EventKind::Resolved,
                Ending::Withdrawn => EventKind::Withdrawn,
                Ending::Stopped => EventKind::Suspended {
                    reason: String::new(),
                },
                Ending::RefusedAfterAppraisal | Ending::Refused => EventKind::Refused {
                    reason: String::new(),
                },
            };
            events.push(Event::new(at, "", kind));
        }
        let mut dossier = Self::from_log(procedure, calendar, code, record.channel, None, events)?;
        dossier.facts = record.facts;
        if record.ending == Some(Ending::Stopped) && dossier.state.ended_at.is_none() {
            return Err(invalid(
                "a stopped record needs a procedure whose status 8 ends processing (stop policy)",
            ));
        }
        Ok(dossier)
    }

    /// A dossier accepted at `received_at`: the receipt slip is issued and
    /// the clock starts.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use chrono::NaiveDateTime;
    /// use motcua::calendar::Calendar;
    /// use motcua::dossier::Dossier;
    /// use motcua::procedure::{Channel, Procedure};
    ///
    /// let p = Procedure::from_json(r#"{"code": "1.000001", "name": "Cấp phép",
    ///     "processing_time": {"kind": "working_days", "days": 5}}"#)?;
    /// let at = NaiveDateTime::parse_from_str("2023-10-27 09:32", "%Y-%m-%d %H:%M").unwrap();
    /// let d = Dossier::receive(Arc::new(p), &Calendar::vietnam(),
    ///     "000.00.06.H56-231027-0361".parse()?, Channel::Direct, at, "officer")?;
    /// assert_eq!(d.due_at().unwrap().to_string(), "2023-11-03 09:32:00");
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn receive(
        procedure: Arc<Procedure>,
        calendar: &Calendar,
        code: DossierCode,
        channel: Channel,
        received_at: impl crate::calendar::zone::VietnamTime,
        actor: &str,
    ) -> Result<Self> {
        let events = vec![Event::new(
            iso::whole_seconds(received_at.to_vietnam()),
            actor,
            EventKind::Accepted,
        )];
        Self::from_log(procedure, calendar, code, channel, None, events)
    }

    /// A dossier submitted (online, by post) at `submitted_at` and not yet
    /// accepted: status 1, no clock until [`Dossier::accept`].
    pub fn submit(
        procedure: Arc<Procedure>,
        calendar: &Calendar,
        code: DossierCode,
        channel: Channel,
        submitted_at: NaiveDateTime,
        actor: &str,
    ) -> Result<Self> {
        let events = vec![Event::new(
            iso::whole_seconds(submitted_at),
            actor,
            EventKind::Submitted,
        )];
        Self::from_log(procedure, calendar, code, channel, None, events)
    }

    /// Records an event: the next state is computed first, and a rejected
    /// event leaves the dossier unchanged. Instants keep whole seconds, as
    /// the log's JSON does, so that a replay gives the same answers.
    pub fn record(&mut self, mut event: Event) -> Result<()> {
        event.at = iso::whole_seconds(event.at);
        if let EventKind::Extended { new_due, .. } = &mut event.kind {
            *new_due = iso::whole_seconds(*new_due);
        }
        // Not `self.clock()`: that borrows all of `self`, and the state is
        // borrowed mutably beside it.
        let clock = Clock::new(&self.calendar, &self.procedure, self.channel);
        append(
            &clock,
            &self.events,
            &mut self.state,
            &mut self.corrected_at,
            &event,
        )?;
        self.events.push(event);
        Ok(())
    }

    /// Voids entry `event` of the log, recorded in error, by a correction
    /// appended at `at` by `actor` (the authorised officer) with its
    /// `reason`: the entry stays in the log, flagged, and the figures
    /// follow the log without it. The rules (CORRECTION_TARGET,
    /// CORRECTION_ACCOUNTED, CORRECTION_TIME) are in `correction.rs`; a
    /// correction they refuse, or that leaves a history the clock does not
    /// replay, changes nothing.
    pub fn void(
        &mut self,
        event: usize,
        reason: &str,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<()> {
        self.push(
            at,
            actor,
            EventKind::Voided {
                event,
                reason: reason.to_owned(),
            },
        )
    }

    /// Amends entry `event` of the log into `corrected` (a mistyped
    /// instant, the wrong event), by a correction appended at `at` by
    /// `actor` with its `reason`; as [`Dossier::void`] otherwise.
    pub fn amend(
        &mut self,
        event: usize,
        mut corrected: Event,
        reason: &str,
        actor: &str,
        at: NaiveDateTime,
    ) -> Result<()> {
        corrected.at = iso::whole_seconds(corrected.at);
        if let EventKind::Extended { new_due, .. } = &mut corrected.kind {
            *new_due = iso::whole_seconds(*new_due);
        }
        self.push(
            at,
            actor,
            EventKind::Amended {
                event,
                corrected: Box::new(corrected),
                reason: reason.to_owned(),
            },
        )
    }

    /// The history the figures are replayed from: the log's lifecycle
    /// entries as corrected (voided ones left out, amended ones replaced),
    /// in log order. The log itself ([`Dossier::events`]) keeps every
    /// entry.
    pub fn history(&self) -> Vec<Event> {
        correction::corrected(&self.events, None).into_owned()
    }

    /// The log's entries, each flagged with the correction that voided or
    /// amended it: what the JSON and the bindings show.
    pub fn log(&self) -> Vec<LogEntry<'_>> {
        correction::log(&self.events)
    }

    /// The same dossier with its log replaced by its corrected history
    /// ([`Dossier::history`]): what a report of a closed period is re-run
    /// on to take corrections made after the period into account (a report
    /// reads a dossier with the corrections made by the period's end).
    pub fn corrected(&self) -> Result<Self> {
        let mut dossier = Self::from_log(
            self.procedure.clone(),
            &self.calendar,
            self.code.clone(),
            self.channel,
            self.applicant.clone(),
            self.history(),
        )?;
        dossier.facts = self.facts;
        Ok(dossier)
    }

    fn push(&mut self, at: NaiveDateTime, actor: &str, kind: EventKind) -> Result<()> {
        self.record(Event::new(at, actor, kind))
    }

    /// Accepts an online dossier submitted earlier: the clock starts.
    pub fn accept(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::Accepted)
    }

    /// Accepts a submitted dossier on behalf of `competent_unit`, the
    /// competent agency of another center ("không phụ thuộc vào địa giới
    /// hành chính"): the receipt slip is issued here; the clock starts at
    /// [`Dossier::competent_receive`].
    pub fn accept_cross_boundary(
        &mut self,
        at: NaiveDateTime,
        actor: &str,
        competent_unit: &str,
    ) -> Result<()> {
        let competent_unit = competent_unit.to_owned();
        self.push(
            at,
            actor,
            EventKind::AcceptedCrossBoundary { competent_unit },
        )
    }

    /// The competent agency received a cross-boundary dossier: the clock
    /// starts (Decree 118/2025/NĐ-CP Art. 17(3) as amended by Decree
    /// 309/2026/NĐ-CP).
    pub fn competent_receive(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::CompetentReceived)
    }

    /// The receiving unit: the agency of the dossier code.
    pub fn receiving_unit(&self) -> &str {
        self.code.agency()
    }

    /// The competent unit: the one a cross-boundary dossier was received
    /// for, else the receiving unit.
    pub fn competent_unit(&self) -> &str {
        match &self.state.cross_boundary {
            Some((unit, _)) => unit,
            None => self.code.agency(),
        }
    }

    /// Refuses the dossier: at reception (Mẫu 03) before it is accepted,
    /// or after acceptance when appraisal finds it ineligible.
    pub fn refuse(&mut self, at: NaiveDateTime, actor: &str, reason: &str) -> Result<()> {
        self.push(
            at,
            actor,
            EventKind::Refused {
                reason: reason.into(),
            },
        )
    }

    /// Hands the dossier to a workflow step.
    pub fn route(&mut self, at: NaiveDateTime, actor: &str, step: &str) -> Result<()> {
        self.push(at, actor, EventKind::Routed { step: step.into() })
    }

    /// Asks the applicant for a supplement (Mẫu 02): the clock pauses.
    pub fn request_supplement(
        &mut self,
        at: NaiveDateTime,
        actor: &str,
        reason: &str,
    ) -> Result<()> {
        self.push(
            at,
            actor,
            EventKind::SupplementRequested {
                reason: reason.into(),
            },
        )
    }

    /// The complete supplement arrived: restart or resume per policy.
    pub fn complete_supplement(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::SupplementCompleted)
    }

    /// Asks for a financial obligation: the clock pauses.
    pub fn request_payment(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::FinancialObligationRequested)
    }

    /// The obligation is met: the clock resumes.
    pub fn pay(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::Paid)
    }

    /// Suspends processing: the clock pauses.
    pub fn suspend(&mut self, at: NaiveDateTime, actor: &str, reason: &str) -> Result<()> {
        self.push(
            at,
            actor,
            EventKind::Suspended {
                reason: reason.into(),
            },
        )
    }

    /// Resumes processing: the clock resumes.
    pub fn resume(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::Resumed)
    }

    /// Apologises and sets a new appointment (Mẫu 04), at most once.
    pub fn extend(
        &mut self,
        at: NaiveDateTime,
        actor: &str,
        new_due: NaiveDateTime,
        reason: &str,
    ) -> Result<()> {
        self.push(
            at,
            actor,
            EventKind::Extended {
                new_due,
                reason: reason.into(),
            },
        )
    }

    /// The result is ready: processing ends.
    pub fn resolve(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::Resolved)
    }

    /// The result is handed over.
    pub fn return_result(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::ResultReturned)
    }

    /// The applicant withdraws the dossier.
    pub fn withdraw(&mut self, at: NaiveDateTime, actor: &str) -> Result<()> {
        self.push(at, actor, EventKind::Withdrawn)
    }

    /// Sets the applicant's data.
    pub fn set_applicant(&mut self, applicant: Option<Applicant>) {
        self.applicant = applicant;
    }

    /// The code.
    pub fn code(&self) -> &DossierCode {
        &self.code
    }

    /// The procedure.
    pub fn procedure(&self) -> &Procedure {
        &self.procedure
    }

    /// The calendar the clock runs on.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The reception channel.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The applicant.
    pub fn applicant(&self) -> Option<&Applicant> {
        self.applicant.as_ref()
    }

    /// The event log.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The facts the index counts (synced, digitised, paid online…), `None`
    /// when none was ever noted.
    pub fn facts(&self) -> Option<Facts> {
        self.facts
    }

    /// Notes a fact (noting one twice changes nothing). Facts are not
    /// events: they carry no instant and do not move the clock
    /// ([`facts`](Facts) says why they are read as known now).
    pub fn note(&mut self, fact: Fact) {
        self.facts = Some(self.facts.unwrap_or_default().with(fact));
    }

    /// Records `facts` as the dossier's whole set (an empty set: facts
    /// are kept and there are none), as a document or record carries them.
    pub fn set_facts(&mut self, facts: Option<Facts>) {
        self.facts = facts;
    }

    /// The replayed clock state after the whole log.
    pub fn state(&self) -> &ClockState {
        &self.state
    }

    /// Current status (a dossier always has at least one event).
    pub fn status(&self) -> Status {
        self.state.status.unwrap_or(Status::Submitted)
    }

    /// The reception instant, once accepted.
    pub fn received_at(&self) -> Option<NaiveDateTime> {
        self.state.received_at
    }

    /// The legal due date (with pauses and restarts), `None` before
    /// acceptance and for procedures without deadline.
    pub fn due_at(&self) -> Option<NaiveDateTime> {
        self.state.due_at
    }

    /// The appointment given to the applicant: the new one after an
    /// apology, else the legal due date (see the clock's `appointment`).
    pub fn appointment_at(&self) -> Option<NaiveDateTime> {
        clock::appointment(&self.state)
    }

    /// Early / on time / late once resolved, `None` while running and for
    /// refused or withdrawn dossiers.
    pub fn timeliness(&self, granularity: Granularity) -> Option<Timeliness> {
        timeliness(&self.state, granularity)
    }

    /// Whether the new appointment after an apology was kept (`None`
    /// without extension or while running).
    pub fn appointment_kept(&self) -> Option<bool> {
        self.state.extension.as_ref()?;
        if !matches!(self.state.status, Some(Status::Resolved | Status::Returned)) {
            return None;
        }
        Some(self.state.ended_at? <= clock::appointment(&self.state)?)
    }

    /// Rules broken along the way (late supplement request, late apology…).
    pub fn violations(&self) -> &[Violation] {
        &self.state.violations
    }

    /// Time used by each workflow step against its budget, up to the last
    /// event; the [`StepUsage::overspent`] steps are where lateness comes
    /// from. An error only if the calendar cannot count the open step's time.
    pub fn step_usage(&self) -> Result<Vec<StepUsage>> {
        self.clock()
            .step_usage(&self.state, self.state.last_event_at)
    }

    /// [`Dossier::step_usage`] at `as_of`: the step in progress counts up to
    /// it, so a running dossier shows which step is eating its time.
    pub fn step_usage_at(&self, as_of: NaiveDateTime) -> Result<Vec<StepUsage>> {
        let clock = self.clock();
        clock.step_usage(&self.replay_until(as_of)?, Some(as_of))
    }

    /// The state at `as_of`: the events up to it, with the corrections
    /// made by then (so the figures at an instant before a correction
    /// show what was known then).
    pub(crate) fn replay_until(&self, as_of: NaiveDateTime) -> Result<ClockState> {
        self.clock()
            .replay_until(&correction::corrected(&self.events, Some(as_of)), as_of)
    }

    /// The figures at `as_of`, replayed from the events up to it with the
    /// corrections made by then.
    pub fn state_at(&self, as_of: NaiveDateTime) -> Result<DossierState> {
        let state = self.replay_until(as_of)?;
        Ok(DossierState {
            as_of,
            status: state.status,
            due_at: state.due_at,
            appointment_at: clock::appointment(&state),
            timeliness_date: timeliness(&state, Granularity::Date),
            timeliness_instant: timeliness(&state, Granularity::Instant),
            progress: progress(&self.calendar, &state, as_of)?,
            ended_at: state.ended_at,
        })
    }

    /// Progress of the running dossier at `as_of`: within time or overdue,
    /// share of the allowed working time used, due soon.
    pub fn progress(&self, as_of: NaiveDateTime) -> Result<Option<Progress>> {
        self.state_at(as_of).map(|s| s.progress)
    }

    /// The timeline of events and rules that produced the due date.
    /// With corrections, the lines follow the corrected history, and each
    /// correction adds its own line ("corrected on … by …: …").
    pub fn explain(&self) -> Result<Explanation> {
        let (_, mut explanation) = self
            .clock()
            .replay_explained(&correction::corrected(&self.events, None))?;
        for e in &self.events {
            let Some((entry, reason)) = e.kind.correction() else {
                continue;
            };
            let corrected = match &e.kind {
                EventKind::Amended { corrected, .. } => Some(corrected.clone()),
                _ => None,
            };
            let note = Note::Corrected {
                entry,
                original: Box::new(self.events[entry].clone()),
                corrected,
                actor: e.actor.clone(),
                reason: reason.to_owned(),
            };
            explanation.insert_in_time(e.at, note);
        }
        Ok(explanation)
    }

    /// Mẫu 01 data, once accepted.
    pub fn receipt_slip(&self) -> Option<ReceiptSlip> {
        let received_at = self.state.received_at?;
        let time = self.procedure.processing_time_for(self.channel);
        let rule_set = RuleSet::for_reception(received_at);
        Some(ReceiptSlip {
            form: forms::receipt_form(rule_set),
            rule_set,
            code: self.code.clone(),
            agency_code: self.code.agency().to_owned(),
            procedure_code: self.procedure.code.clone(),
            procedure_name: self.procedure.name.clone(),
            procedure_agency: self.procedure.agency.clone(),
            channel: self.channel.code(),
            applicant: self.applicant.clone(),
            documents: self.procedure.documents.clone(),
            fees: self.procedure.fees.clone(),
            processing_time_vi: time.text_vi(),
            processing_time_en: time.text_en(),
            received_at,
            due_at: self.state.due_at,
        })
    }

    /// Mẫu 04 data, once an apology was issued.
    pub fn apology_letter(&self) -> Option<ApologyLetter> {
        let ext = self.state.extension.as_ref()?;
        Some(ApologyLetter {
            form: forms::apology_form(RuleSet::for_reception(self.state.received_at?)),
            code: self.code.clone(),
            procedure_name: self.procedure.name.clone(),
            applicant: self.applicant.clone(),
            received_at: self.state.received_at?,
            old_due: ext.old_due,
            new_due: ext.new_due,
            reason: ext.reason.clone(),
            issued_at: ext.at,
            issued_late: self
                .state
                .violations
                .iter()
                .any(|v| matches!(v, Violation::LateApology { at } if *at == ext.at)),
        })
    }

    /// Mẫu 05 data, once processing was stopped (status 8) under the stop
    /// policy `end`.
    pub fn stop_notice(&self) -> Option<StopNotice> {
        if self.status() != Status::Suspended {
            return None;
        }
        let stopped_at = self.state.ended_at?;
        let history = correction::corrected(&self.events, None);
        let reason = history.iter().rev().find_map(|e| match &e.kind {
            EventKind::Suspended { reason } => Some(reason.clone()),
            _ => None,
        })?;
        Some(StopNotice {
            form: forms::STOP_FORM,
            code: self.code.clone(),
            procedure_name: self.procedure.name.clone(),
            applicant: self.applicant.clone(),
            received_at: self.state.received_at?,
            stopped_at,
            reason,
        })
    }

    /// The rule set the dossier is processed under, by its reception date
    /// (`None` before acceptance).
    pub fn rule_set(&self) -> Option<RuleSet> {
        self.state.rule_set()
    }
}

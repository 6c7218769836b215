//! Administrative procedures (thủ tục hành chính, TTHC) and their catalog.
//!
//! A procedure carries what the clock needs (processing time, a different
//! time for the online channel, the same-day cut-off, the supplement policy,
//! the internal workflow with its step budgets) and what the receipt slip
//! shows (name, field, agency, fees, documents). Catalogs load from JSON;
//! every error names the procedure and the field.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::calendar::iso;
use crate::decimal::Decimal;
use crate::error::{Error, ErrorKind, Result};

crate::labels::labelled! {
    /// The kind of a processing time: its JSON `kind`, without its amount.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ProcessingTimeKind: "processing time kind" {
        /// [`ProcessingTime::WorkingDays`].
        WorkingDays = "working_days",
        /// [`ProcessingTime::WorkingHours`].
        WorkingHours = "working_hours",
        /// [`ProcessingTime::CalendarDays`].
        CalendarDays = "calendar_days",
        /// [`ProcessingTime::SameDay`].
        SameDay = "same_day",
        /// [`ProcessingTime::NoDeadline`].
        NoDeadline = "no_deadline",
    }
}

/// A processing time as procedures publish it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProcessingTime {
    /// Working days (ngày làm việc) of the calendar's day length; fractions
    /// allowed (0.5 day is half a working day).
    WorkingDays {
        /// Number of working days, > 0.
        days: f64,
    },
    /// Working hours.
    WorkingHours {
        /// Number of working hours, > 0.
        hours: f64,
    },
    /// Calendar days (ngày), counted by the Civil Code: the day of
    /// reception is not counted and a last day that is not a working day
    /// moves to the next working day; due at the close of that day.
    CalendarDays {
        /// Number of calendar days, >= 1.
        days: u32,
    },
    /// Same day (trong ngày): due at the close of the day of reception, or
    /// of the next working day when received after the cut-off (for
    /// example 15:00 for civil status and certification, Luật Hộ tịch
    /// Art. 5(3), ND 23/2015 Art. 7).
    SameDay {
        /// The cut-off time of day, `"HH:MM"`; none means any reception
        /// during working hours is done the same day.
        cutoff: Option<NaiveTime>,
    },
    /// No deadline (không có ngày hẹn trả).
    NoDeadline,
}

impl ProcessingTime {
    /// The kind of the time, without its amount.
    pub const fn kind(&self) -> ProcessingTimeKind {
        match self {
            ProcessingTime::WorkingDays { .. } => ProcessingTimeKind::WorkingDays,
            ProcessingTime::WorkingHours { .. } => ProcessingTimeKind::WorkingHours,
            ProcessingTime::CalendarDays { .. } => ProcessingTimeKind::CalendarDays,
            ProcessingTime::SameDay { .. } => ProcessingTimeKind::SameDay,
            ProcessingTime::NoDeadline => ProcessingTimeKind::NoDeadline,
        }
    }

    /// The amount in its own unit (days or hours), for budgets; `None` for
    /// same-day and no-deadline procedures.
    pub fn amount(&self) -> Option<f64> {
        match *self {
            ProcessingTime::WorkingDays { days } => Some(days),
            ProcessingTime::WorkingHours { hours } => Some(hours),
            ProcessingTime::CalendarDays { days } => Some(f64::from(days)),
            ProcessingTime::SameDay { .. } | ProcessingTime::NoDeadline => None,
        }
    }

    /// The unit of [`ProcessingTime::amount`], for messages.
    pub fn unit(&self) -> &'static str {
        match self {
            ProcessingTime::WorkingDays { .. } => "working days",
            ProcessingTime::WorkingHours { .. } => "working hours",
            ProcessingTime::CalendarDays { .. } => "calendar days",
            ProcessingTime::SameDay { .. } => "same day",
            ProcessingTime::NoDeadline => "no deadline",
        }
    }

    /// Vietnamese text as printed on a receipt slip.
    pub fn text_vi(&self) -> String {
        match self {
            ProcessingTime::WorkingDays { days } => format!("{} ngày làm việc", Decimal(*days)),
            ProcessingTime::WorkingHours { hours } => format!("{} giờ làm việc", Decimal(*hours)),
            ProcessingTime::CalendarDays { days } => format!("{days} ngày"),
            ProcessingTime::SameDay { cutoff: Some(c) } => format!(
                "trong ngày (tiếp nhận sau {} trả trong ngày làm việc tiếp theo)",
                crate::calendar::iso::format_time(*c)
            ),
            ProcessingTime::SameDay { cutoff: None } => "trong ngày".into(),
            ProcessingTime::NoDeadline => "không quy định thời hạn".into(),
        }
    }

    /// English text.
    pub fn text_en(&self) -> String {
        match self {
            ProcessingTime::WorkingDays { days } => format!("{} working days", Decimal(*days)),
            ProcessingTime::WorkingHours { hours } => format!("{} working hours", Decimal(*hours)),
            ProcessingTime::CalendarDays { days } => format!("{days} calendar days"),
            ProcessingTime::SameDay { cutoff: Some(c) } => format!(
                "same day (next working day if received after {})",
                crate::calendar::iso::format_time(*c)
            ),
            ProcessingTime::SameDay { cutoff: None } => "same day".into(),
            ProcessingTime::NoDeadline => "no deadline".into(),
        }
    }

    fn validate(&self, field: &str) -> std::result::Result<(), String> {
        let positive = |v: f64, name: &str| {
            if v.is_finite() && v > 0.0 {
                Ok(())
            } else {
                Err(format!(
                    "{field}.{name}: {} must be a finite number > 0",
                    Decimal(v)
                ))
            }
        };
        match *self {
            ProcessingTime::WorkingDays { days } => positive(days, "days"),
            ProcessingTime::WorkingHours { hours } => positive(hours, "hours"),
            ProcessingTime::CalendarDays { days: 0 } => {
                Err(format!("{field}.days: 0 must be at least 1"))
            }
            _ => Ok(()),
        }
    }
}

crate::labels::labelled! {
    /// Where the due date of a working-time duration falls.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub enum DuePolicy: "due policy" {
        /// Add the working time to the reception instant: received Friday 09:32
        /// with 5 working days is due the next Friday 09:32 (what provincial
        /// systems print on the slip).
        #[default]
        Exact = "exact",
        /// Due at the close of the working day on which the working time runs
        /// out, for procedures and centers that count whole days.
        EndOfDay = "end_of_day",
    }
}

crate::labels::labelled! {
    /// What a completed supplement does to the clock.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub enum SupplementPolicy: "supplement policy" {
        /// The full processing time counts again from the completed supplement
        /// (Decree 61/2018 Art. 19(4); not yet verified in Decree 118/2025, see
        /// [`crate::law`]).
        #[default]
        Restart = "restart",
        /// The time between the request and the completed supplement does not
        /// count: the due date moves by that working time (how the national
        /// index measures).
        Pause = "pause",
    }
}

crate::labels::labelled! {
    /// What status 8, "Dừng xử lý" (processing stopped), does to a dossier.
    /// A named policy because the rule moved: the clock of Decree 61/2018
    /// paused while processing was suspended, and the national portal's
    /// scoring of 2026 treats status 8 as an end state (Circular 03/2025/TT-VPCP
    /// adds form 05, the notice that processing is stopped).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub enum StopPolicy: "stop policy" {
        /// The default: [`StopPolicy::End`] for dossiers received under
        /// Decree 118/2025 (from 01/07/2025), [`StopPolicy::Pause`] for those
        /// received under Decree 61/2018, so that a log recorded under the old
        /// rules replays as it did.
        #[default]
        ByRuleSet = "by_rule_set",
        /// Status 8 ends processing, as the national portal scores it: no
        /// timeliness, counted apart in the period report, no event after it.
        End = "end",
        /// Status 8 pauses the clock until `resumed`; the due date moves by
        /// the working time stopped.
        Pause = "pause",
    }
}

/// A center's default policies, which a procedure's own setting
/// overrides. A catalog carries them (`{"defaults": {...}, "procedures":
/// [...]}`) and fills them into each of its procedures when read, so a
/// dossier's document holds the policies it was processed under and
/// replays the same anywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Policies {
    /// Where working-time due dates fall.
    pub due_policy: DuePolicy,
    /// What a completed supplement does to the clock.
    pub supplement_policy: SupplementPolicy,
    /// What status 8 does.
    pub stop_policy: StopPolicy,
}

crate::labels::labelled! {
    /// A channel through which a dossier is received.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Channel: "channel" {
        /// At the desk (code 1).
        Direct = "direct",
        /// Online through a public-service portal (code 2).
        Online = "online",
        /// Through the public postal service (code 3).
        Postal = "postal",
    }
}

impl Channel {
    /// The national-portal code: 1 direct, 2 online, 3 postal.
    pub const fn portal_code(self) -> u8 {
        match self {
            Channel::Direct => 1,
            Channel::Online => 2,
            Channel::Postal => 3,
        }
    }
}

crate::labels::labelled! {
    /// The level of online service a procedure offers.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub enum OnlineLevel: "online level" {
        /// Not offered online.
        #[default]
        None = "none",
        /// Partly online (dịch vụ công trực tuyến một phần).
        Partial = "partial",
        /// Fully online (toàn trình).
        FullProcess = "full_process",
    }
}

crate::labels::labelled! {
    /// The level of government that resolves the procedure.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub enum Level: "level" {
        /// Ministries and central bodies.
        Central = "central",
        /// Province.
        #[default]
        Province = "province",
        /// District (until 2025).
        District = "district",
        /// Commune.
        Commune = "commune",
    }
}

/// A fee (phí) or charge (lệ phí).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fee {
    /// `fee` (phí) or `charge` (lệ phí).
    pub kind: FeeKind,
    /// What the fee is for.
    pub name: String,
    /// Amount in Vietnamese đồng.
    pub amount_vnd: u64,
}

crate::labels::labelled! {
    /// Phí or lệ phí.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FeeKind: "fee kind" {
        /// Phí: pays for a service.
        Fee = "fee",
        /// Lệ phí: a charge for an act of state.
        Charge = "charge",
    }
}

/// One step of the internal workflow (quy trình nội bộ).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkflowStep {
    /// Stable identifier used by `routed` events.
    pub id: String,
    /// Name of the step.
    pub name: String,
    /// The agency or unit that handles it.
    pub agency: String,
    /// Budget in the unit of the procedure's processing time (days or
    /// hours).
    pub budget: f64,
}

/// An administrative procedure (TTHC).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Procedure {
    /// National code (mã TTHC), e.g. `1.001234`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Field (lĩnh vực).
    pub field: String,
    /// Level of government.
    pub level: Level,
    /// Implementing agency.
    pub agency: String,
    /// Processing time.
    pub processing_time: ProcessingTime,
    /// A different processing time for the online channel, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online_processing_time: Option<ProcessingTime>,
    /// Where working-time due dates fall (`None`: the center's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_policy: Option<DuePolicy>,
    /// What a completed supplement does to the clock (`None`: the
    /// center's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplement_policy: Option<SupplementPolicy>,
    /// What status 8 does (`None`: the center's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_policy: Option<StopPolicy>,
    /// Fees and charges.
    pub fees: Vec<Fee>,
    /// Required documents (thành phần hồ sơ).
    pub documents: Vec<String>,
    /// Channels offered.
    pub channels: Vec<Channel>,
    /// Online service level.
    pub online_level: OnlineLevel,
    /// Whether the result is a written document.
    pub written_result: bool,
    /// Internal workflow; budgets sum to the processing time.
    pub workflow: Vec<WorkflowStep>,
    /// Its publication (công bố): the dates the index judges
    /// (`PUBLISH_ON_TIME`, `PUBLIC_UPDATE_ON_TIME`, `PUBLIC_CONTENT_FULL`);
    /// `None` when the catalog does not record it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    /// Its fees can be paid online on the national portal
    /// (`FEE_PROCEDURES_ON_PORTAL`).
    pub payment_on_portal: bool,
    /// It is connected to the national population database
    /// (`CITIZEN_DATA_CONNECTED_FORMALITY`).
    pub population_data: bool,
}

/// The publication of a procedure (công bố TTHC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    /// Date the legal basis takes effect.
    #[serde(serialize_with = "iso::date::serialize")]
    pub legal_basis_effective: NaiveDate,
    /// Date of the publication decision.
    #[serde(serialize_with = "iso::date::serialize")]
    pub decision_date: NaiveDate,
    /// Date it was made public on the national database, if it was.
    #[serde(serialize_with = "iso::date_opt::serialize")]
    pub made_public: Option<NaiveDate>,
    /// Whether all components of ND 63/2010 Art. 8(2) are published.
    pub full_content: bool,
}

/// A procedure error naming the procedure by its code.
pub(crate) fn invalid(code: &str, message: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::InvalidProcedure,
        format!("procedure {code}: {message}"),
    )
}

impl Procedure {
    /// "If I submit now": the due date and explanation of a dossier of this
    /// procedure accepted at `at` through `channel` on `calendar`. The same
    /// place and name in every runtime (`Procedure.estimate` in Python and
    /// JS); it runs [`crate::dossier::Clock::estimate`], the reception a
    /// received dossier replays, so an estimate and a receipt slip agree.
    ///
    /// ```
    /// use motcua::calendar::Calendar;
    /// use motcua::procedure::{Channel, Procedure};
    ///
    /// let p = Procedure::from_json(
    ///     r#"{"code": "1.000001", "name": "Cấp phép",
    ///         "processing_time": {"kind": "working_days", "days": 5}}"#,
    /// )?;
    /// let at: chrono::NaiveDateTime = "2026-02-13T09:30:00".parse().unwrap();
    /// let estimate = p.estimate(&Calendar::vietnam(), Channel::Direct, at)?;
    /// // Tết, 16–20/02/2026, is skipped.
    /// assert_eq!(estimate.due_at, Some("2026-02-27T09:30:00".parse().unwrap()));
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn estimate(
        &self,
        calendar: &crate::calendar::Calendar,
        channel: Channel,
        at: impl crate::calendar::zone::VietnamTime,
    ) -> Result<crate::dossier::Estimate> {
        crate::dossier::Clock::new(calendar, self, channel).estimate(at)
    }

    /// Whether it carries a financial obligation: a fee or charge above
    /// zero (`ONLINE_PAYMENT_DOSSIERS` and the TTTT procedure rates).
    pub fn has_fees(&self) -> bool {
        self.fees.iter().any(|f| f.amount_vnd > 0)
    }

    /// The policies this procedure is processed under: its own settings,
    /// else the defaults.
    pub fn policies(&self) -> Policies {
        let d = Policies::default();
        Policies {
            due_policy: self.due_policy.unwrap_or(d.due_policy),
            supplement_policy: self.supplement_policy.unwrap_or(d.supplement_policy),
            stop_policy: self.stop_policy.unwrap_or(d.stop_policy),
        }
    }

    /// The procedure with `defaults` in the policies it does not set itself
    /// (a center's defaults).
    pub fn with_defaults(mut self, defaults: &Policies) -> Self {
        self.due_policy.get_or_insert(defaults.due_policy);
        self.supplement_policy
            .get_or_insert(defaults.supplement_policy);
        self.stop_policy.get_or_insert(defaults.stop_policy);
        self
    }

    /// Checks what serde cannot: non-empty names, positive times, distinct
    /// channels and steps, and workflow budgets that sum to the total.
    pub fn validate(&self) -> Result<()> {
        let code = if self.code.trim().is_empty() {
            return Err(invalid("(no code)", "code: must not be empty"));
        } else {
            self.code.as_str()
        };
        if self.name.trim().is_empty() {
            return Err(invalid(code, "name: must not be empty"));
        }
        self.processing_time
            .validate("processing_time")
            .map_err(|m| invalid(code, m))?;
        if let Some(online) = &self.online_processing_time {
            online
                .validate("online_processing_time")
                .map_err(|m| invalid(code, m))?;
        }
        if self.channels.is_empty() {
            return Err(invalid(code, "channels: at least one channel is needed"));
        }
        for (i, c) in self.channels.iter().enumerate() {
            if self.channels[..i].contains(c) {
                return Err(invalid(
                    code,
                    format!("channels[{i}]: {} is listed twice", c.code()),
                ));
            }
        }
        for (i, step) in self.workflow.iter().enumerate() {
            if step.id.trim().is_empty() {
                return Err(invalid(
                    code,
                    format!("workflow[{i}].id: must not be empty"),
                ));
            }
            if !step.budget.is_finite() || step.budget < 0.0 {
                return Err(invalid(
                    code,
                    format!(
                        "workflow[{i}].budget: {} must be a finite number >= 0",
                        Decimal(step.budget)
                    ),
                ));
            }
        }
        if let Some(i) = crate::ids::first_repeated(self.workflow.iter().map(|s| s.id.as_str())) {
            return Err(invalid(
                code,
                format!(
                    "workflow[{i}].id: {:?} is listed twice",
                    self.workflow[i].id
                ),
            ));
        }
        if !self.workflow.is_empty() {
            let total = self.processing_time.amount().ok_or_else(|| {
                invalid(
                    code,
                    format!(
                        "workflow: a {} procedure has no time to divide into step budgets",
                        self.processing_time.unit()
                    ),
                )
            })?;
            let sum: f64 = self.workflow.iter().map(|s| s.budget).sum();
            if (sum - total).abs() > 1e-9 {
                return Err(invalid(
                    code,
                    format!(
                        "workflow: step budgets sum to {} {unit}, but the processing time is {} {unit}",
                        Decimal(sum),
                        Decimal(total),
                        unit = self.processing_time.unit()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The processing time that applies to a channel.
    pub fn processing_time_for(&self, channel: Channel) -> ProcessingTime {
        match (channel, self.online_processing_time) {
            (Channel::Online, Some(t)) => t,
            _ => self.processing_time,
        }
    }

    /// The workflow step with this id.
    pub fn step(&self, id: &str) -> Option<&WorkflowStep> {
        self.workflow.iter().find(|s| s.id == id)
    }
}

/// A catalog of procedures by national code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    /// Sorted by code: read in bulk (sorted once) and then searched, so a
    /// sorted list does what a map would, without a map type in the WASM
    /// module; [`Catalog::insert`] of one procedure shifts the ones after it.
    /// Each holds the center's defaults where it sets no policy itself.
    /// Shared, so that the dossiers of a procedure (a million of them in a
    /// province's year) hold one reference each, not a copy.
    pub(crate) procedures: Vec<Arc<Procedure>>,
    /// The center's default policies.
    pub(crate) defaults: Policies,
}

/// The error for a code that is already in the catalog.
pub(crate) fn listed_twice(code: &str) -> Error {
    invalid(code, "code: listed twice in the catalog")
}

impl Catalog {
    /// The center's default policies.
    pub fn defaults(&self) -> Policies {
        self.defaults
    }

    /// Where `code` is, or would be inserted.
    fn position(&self, code: &str) -> std::result::Result<usize, usize> {
        self.procedures
            .binary_search_by(|p| p.code.as_str().cmp(code))
    }

    /// Adds a validated procedure, with the catalog's defaults where it
    /// sets no policy; a second procedure with the same code is an error.
    pub fn insert(&mut self, procedure: Procedure) -> Result<()> {
        procedure.validate()?;
        let procedure = procedure.with_defaults(&self.defaults);
        match self.position(&procedure.code) {
            Ok(_) => Err(listed_twice(&procedure.code)),
            Err(at) => {
                self.procedures.insert(at, Arc::new(procedure));
                Ok(())
            }
        }
    }

    /// The procedure with this national code, shared: `Arc::clone` of it
    /// is what [`crate::dossier::Dossier::receive`] takes.
    pub fn get(&self, code: &str) -> Result<&Arc<Procedure>> {
        let found = self.position(code).ok().map(|i| &self.procedures[i]);
        found.ok_or_else(|| {
            let shown: String = code.chars().take(40).collect();
            Error::new(
                ErrorKind::UnknownProcedure,
                format!("procedure {shown:?} is not in the catalog"),
            )
        })
    }

    /// All procedures, by code.
    pub fn iter(&self) -> impl Iterator<Item = &Procedure> {
        self.procedures.iter().map(|p| &**p)
    }

    /// Number of procedures.
    pub fn len(&self) -> usize {
        self.procedures.len()
    }

    /// Whether the catalog is empty.
    pub fn is_empty(&self) -> bool {
        self.procedures.is_empty()
    }
}

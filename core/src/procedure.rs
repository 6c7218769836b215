//! Administrative procedures (thủ tục hành chính, TTHC) and their catalog.
//!
//! A procedure carries what the clock needs (processing time, a different
//! time for the online channel, the same-day cut-off, the supplement policy,
//! the internal workflow with its step budgets) and what the receipt slip
//! shows (name, field, agency, fees, documents). Catalogs load from JSON;
//! every error names the procedure and the field.

use std::collections::BTreeMap;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// A processing time as procedures publish it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
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
        #[serde(default, with = "cutoff", skip_serializing_if = "Option::is_none")]
        cutoff: Option<NaiveTime>,
    },
    /// No deadline (không có ngày hẹn trả).
    NoDeadline,
}

mod cutoff {
    use chrono::NaiveTime;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&crate::calendar::iso::format_time(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => crate::calendar::iso::parse_time(&text)
                .map(Some)
                .ok_or_else(|| {
                    de::Error::custom(format!("{text:?} is not a time of day \"HH:MM\""))
                }),
        }
    }
}

impl ProcessingTime {
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
            ProcessingTime::WorkingDays { days } => format!("{days} ngày làm việc"),
            ProcessingTime::WorkingHours { hours } => format!("{hours} giờ làm việc"),
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
            ProcessingTime::WorkingDays { days } => format!("{days} working days"),
            ProcessingTime::WorkingHours { hours } => format!("{hours} working hours"),
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
                Err(format!("{field}.{name}: {v} must be a finite number > 0"))
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

/// Where the due date of a working-time duration falls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuePolicy {
    /// Add the working time to the reception instant: received Friday 09:32
    /// with 5 working days is due the next Friday 09:32 (what provincial
    /// systems print on the slip).
    #[default]
    Exact,
    /// Due at the close of the working day on which the working time runs
    /// out, for procedures and centers that count whole days.
    EndOfDay,
}

/// What a completed supplement does to the clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplementPolicy {
    /// The full processing time counts again from the completed supplement
    /// (Decree 61/2018 Art. 19(4)).
    #[default]
    Restart,
    /// The time between the request and the completed supplement does not
    /// count: the due date moves by that working time (how the national
    /// index measures).
    Pause,
}

/// A channel through which a dossier is received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// At the desk (code 1).
    Direct,
    /// Online through a public-service portal (code 2).
    Online,
    /// Through the public postal service (code 3).
    Postal,
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

    /// The stable text code: `direct`, `online`, `postal`.
    pub const fn code(self) -> &'static str {
        match self {
            Channel::Direct => "direct",
            Channel::Online => "online",
            Channel::Postal => "postal",
        }
    }

    /// The channel of a text code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Channel::Direct, Channel::Online, Channel::Postal]
            .into_iter()
            .find(|c| c.code() == code)
    }

    /// [`Channel::from_code`], or `invalid_argument` quoting the text: the
    /// one message the bindings give for a bad channel argument.
    pub fn parse(code: &str) -> Result<Self> {
        Self::from_code(code).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidArgument,
                format!("channel {code:?} is not \"direct\", \"online\" or \"postal\""),
            )
        })
    }
}

/// The level of online service a procedure offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Not offered online.
    #[default]
    None,
    /// Partly online (dịch vụ công trực tuyến một phần).
    Partial,
    /// Fully online (toàn trình).
    FullProcess,
}

/// The level of government that resolves the procedure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Ministries and central bodies.
    Central,
    /// Province.
    #[default]
    Province,
    /// District (until 2025).
    District,
    /// Commune.
    Commune,
}

/// A fee (phí) or charge (lệ phí).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// `fee` (phí) or `charge` (lệ phí).
    pub kind: FeeKind,
    /// What the fee is for.
    pub name: String,
    /// Amount in Vietnamese đồng.
    pub amount_vnd: u64,
}

/// Phí or lệ phí.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// Phí: pays for a service.
    Fee,
    /// Lệ phí: a charge for an act of state.
    Charge,
}

/// One step of the internal workflow (quy trình nội bộ).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// National code (mã TTHC), e.g. `1.001234`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Field (lĩnh vực).
    #[serde(default)]
    pub field: String,
    /// Level of government.
    #[serde(default)]
    pub level: Level,
    /// Implementing agency.
    #[serde(default)]
    pub agency: String,
    /// Processing time.
    pub processing_time: ProcessingTime,
    /// A different processing time for the online channel, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_processing_time: Option<ProcessingTime>,
    /// Where working-time due dates fall.
    #[serde(default)]
    pub due_policy: DuePolicy,
    /// What a completed supplement does to the clock.
    #[serde(default)]
    pub supplement_policy: SupplementPolicy,
    /// Fees and charges.
    #[serde(default)]
    pub fees: Vec<Fee>,
    /// Required documents (thành phần hồ sơ).
    #[serde(default)]
    pub documents: Vec<String>,
    /// Channels offered.
    #[serde(default = "all_channels")]
    pub channels: Vec<Channel>,
    /// Online service level.
    #[serde(default)]
    pub online_level: OnlineLevel,
    /// Whether the result is a written document.
    #[serde(default = "yes")]
    pub written_result: bool,
    /// Internal workflow; budgets sum to the processing time.
    #[serde(default)]
    pub workflow: Vec<WorkflowStep>,
}

fn all_channels() -> Vec<Channel> {
    vec![Channel::Direct, Channel::Online, Channel::Postal]
}

fn yes() -> bool {
    true
}

fn invalid(code: &str, message: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::InvalidProcedure,
        format!("procedure {code}: {message}"),
    )
}

impl Procedure {
    /// Parses and validates one procedure from JSON.
    ///
    /// ```
    /// let p = motcua::procedure::Procedure::from_json(r#"{"code": "1.000001",
    ///     "name": "Chứng thực bản sao", "processing_time": {"kind": "same_day", "cutoff": "15:00"}}"#)?;
    /// assert_eq!(p.code, "1.000001");
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let p: Procedure =
            crate::json::from_str(json).map_err(|e| invalid(&code_hint(json), e.describe()))?;
        p.validate()?;
        Ok(p)
    }

    /// The JSON of this procedure.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
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
            if self.workflow[..i].iter().any(|s| s.id == step.id) {
                return Err(invalid(
                    code,
                    format!("workflow[{i}].id: {:?} is listed twice", step.id),
                ));
            }
            if !step.budget.is_finite() || step.budget < 0.0 {
                return Err(invalid(
                    code,
                    format!(
                        "workflow[{i}].budget: {} must be a finite number >= 0",
                        step.budget
                    ),
                ));
            }
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
                        "workflow: step budgets sum to {sum} {unit}, but the processing time is {total} {unit}",
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

/// The `"code"` of a JSON procedure, for error messages about it.
fn code_hint(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("code").and_then(|c| c.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "(no code)".into())
}

/// A catalog of procedures by national code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    procedures: BTreeMap<String, Procedure>,
}

impl Catalog {
    /// Parses a catalog: a JSON array of procedures, or `{"procedures":
    /// [...]}`. Errors name the procedure (index and code) and the field.
    pub fn from_json(json: &str) -> Result<Self> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidProcedure,
                format!("catalog is not valid JSON: {e}"),
            )
        })?;
        let list = match &value {
            serde_json::Value::Array(list) => list,
            serde_json::Value::Object(map) => match map.get("procedures") {
                Some(serde_json::Value::Array(list)) => list,
                _ => {
                    return Err(Error::new(
                        ErrorKind::InvalidProcedure,
                        "catalog: expected an array of procedures or {\"procedures\": [...]}",
                    ))
                }
            },
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidProcedure,
                    "catalog: expected an array of procedures or {\"procedures\": [...]}",
                ))
            }
        };
        let mut catalog = Catalog::default();
        for (i, item) in list.iter().enumerate() {
            let p = Procedure::from_json(&item.to_string()).map_err(|e| {
                Error::new(
                    ErrorKind::InvalidProcedure,
                    format!("procedures[{i}]: {}", e.message()),
                )
            })?;
            catalog.insert(p)?;
        }
        Ok(catalog)
    }

    /// Adds a validated procedure; a second procedure with the same code is
    /// an error.
    pub fn insert(&mut self, procedure: Procedure) -> Result<()> {
        procedure.validate()?;
        if self.procedures.contains_key(&procedure.code) {
            return Err(invalid(
                &procedure.code,
                "code: listed twice in the catalog",
            ));
        }
        self.procedures.insert(procedure.code.clone(), procedure);
        Ok(())
    }

    /// The procedure with this national code.
    pub fn get(&self, code: &str) -> Result<&Procedure> {
        self.procedures.get(code).ok_or_else(|| {
            let shown: String = code.chars().take(40).collect();
            Error::new(
                ErrorKind::UnknownProcedure,
                format!("procedure {shown:?} is not in the catalog"),
            )
        })
    }

    /// All procedures, by code.
    pub fn iter(&self) -> impl Iterator<Item = &Procedure> {
        self.procedures.values()
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

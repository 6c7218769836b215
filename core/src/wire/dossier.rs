//! The wire form of dossiers: a dossier's document and JSON line, its
//! event log, its applicant and its code, with their readers and the
//! `from_json` / `to_json` entry points. A document names the calendar it
//! was recorded on, and reading it on another is refused here.

use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use super::{FromJson, JsonError, Object, Path};
use crate::calendar::holidays::Provenance;
use crate::calendar::{iso, Calendar, CalendarStamp, DataVersion};
use crate::dossier::{
    Applicant, CodeRule, Dossier, DossierCode, Event, EventKind, EventType, Fact, Facts,
};
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::{Channel, Procedure};

/// The JSON form of a dossier: everything needed to replay it.
#[derive(Serialize)]
struct DossierDocument {
    code: DossierCode,
    /// `central` for a centrally run system's code, whose text alone reads
    /// as a current-rule code (the ministry's digits lead the sequence).
    #[serde(skip_serializing_if = "Option::is_none")]
    code_rule: Option<CodeRule>,
    procedure: Procedure,
    channel: Channel,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicant: Option<Applicant>,
    #[serde(serialize_with = "log_entries")]
    events: Vec<Event>,
    /// Absent when none was noted.
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<Facts>,
    /// The calendar the log was replayed on (absent in documents written
    /// before 0.1.0 recorded it: those are read on any calendar).
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar: Option<CalendarStamp>,
}

/// The JSON line of a dossier whose procedure is in a catalog: the
/// procedure by its code.
#[derive(Serialize)]
struct DossierLine {
    code: DossierCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_rule: Option<CodeRule>,
    procedure_code: String,
    channel: Channel,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicant: Option<Applicant>,
    #[serde(serialize_with = "log_entries")]
    events: Vec<Event>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<Facts>,
    /// The digest of the calendar's stamp only: a file of many lines was
    /// written on one calendar, and 130 bytes of versions on every line of
    /// a quarter's 100,000 would double the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar_digest: Option<String>,
}

fn log_entries<S: serde::Serializer>(events: &[Event], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(crate::dossier::correction::log(events))
}

impl FromJson for CalendarStamp {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["versions", "culture_day", "digest"])?;
        Ok(CalendarStamp {
            versions: o.required("versions")?,
            culture_day: o.required("culture_day")?,
            digest: o.required("digest")?,
        })
    }
}

impl FromJson for DataVersion {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["provenance", "version", "as_of"])?;
        const PROVENANCES: [Provenance; 2] = [Provenance::Official, Provenance::Loaded];
        Ok(DataVersion {
            provenance: o.required_with("provenance", |v, at| {
                super::label(v, at, &PROVENANCES.map(Provenance::code), &PROVENANCES)
            })?,
            version: o.optional("version")?,
            as_of: o.optional("as_of")?,
        })
    }
}

impl FromJson for DossierDocument {
    const PRIVATE: bool = true;

    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &[
                "code",
                "code_rule",
                "procedure",
                "channel",
                "applicant",
                "events",
                "facts",
                "calendar",
            ],
        )?;
        let code_rule: Option<CodeRule> = o.optional("code_rule")?;
        Ok(DossierDocument {
            code: o.required_with("code", |v, at| read_with(v, at, code_rule))?,
            code_rule,
            procedure: o.required("procedure")?,
            channel: o.required("channel")?,
            applicant: o.optional("applicant")?,
            events: o.required("events")?,
            facts: o.optional("facts")?,
            calendar: o.optional("calendar")?,
        })
    }
}

impl FromJson for DossierLine {
    const PRIVATE: bool = true;

    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &[
                "code",
                "code_rule",
                "procedure_code",
                "channel",
                "applicant",
                "events",
                "facts",
                "calendar_digest",
            ],
        )?;
        let code_rule: Option<CodeRule> = o.optional("code_rule")?;
        Ok(DossierLine {
            code: o.required_with("code", |v, at| read_with(v, at, code_rule))?,
            code_rule,
            procedure_code: o.required("procedure_code")?,
            channel: o.required("channel")?,
            applicant: o.optional("applicant")?,
            events: o.required("events")?,
            facts: o.optional("facts")?,
            calendar_digest: o.optional("calendar_digest")?,
        })
    }
}

impl Dossier {
    /// The dossier's document: code, procedure, channel, applicant, log,
    /// facts and the calendar it was replayed on.
    fn document(&self) -> DossierDocument {
        DossierDocument {
            code: self.code().clone(),
            code_rule: self.code().rule_to_read(),
            procedure: self.procedure().clone(),
            channel: self.channel(),
            applicant: self.applicant().cloned(),
            events: self.events().to_vec(),
            facts: self.facts(),
            calendar: Some(self.calendar().stamp()),
        }
    }

    /// The dossier as JSON: code, procedure, channel, applicant and log
    /// (its `Serialize`, in JSON).
    pub fn to_json(&self) -> Result<String> {
        super::to_string(&self.document())
    }

    /// The dossier as one JSON line with its procedure by code, for files
    /// of many dossiers beside a catalog (the sample center's format).
    pub fn to_json_line(&self) -> Result<String> {
        let line = DossierLine {
            code: self.code().clone(),
            code_rule: self.code().rule_to_read(),
            procedure_code: self.procedure().code.clone(),
            channel: self.channel(),
            applicant: self.applicant().cloned(),
            events: self.events().to_vec(),
            facts: self.facts(),
            calendar_digest: Some(self.calendar().digest()),
        };
        super::to_string(&line)
    }

    /// Reads a line written by [`Dossier::to_json_line`], taking its
    /// procedure from `catalog` (an unknown code is `procedure.unknown`).
    pub fn from_json_line(
        line: &str,
        catalog: &crate::procedure::Catalog,
        calendar: &Calendar,
    ) -> Result<Self> {
        let doc: DossierLine = super::from_str(line).map_err(document_error)?;
        check_calendar(doc.calendar_digest.as_deref(), None, calendar)?;
        let procedure = Arc::clone(catalog.get(&doc.procedure_code)?);
        let mut dossier = Self::from_log(
            procedure,
            calendar,
            doc.code,
            doc.channel,
            doc.applicant,
            doc.events,
        )?;
        dossier.set_facts(doc.facts);
        Ok(dossier)
    }

    /// Reads a dossier written by [`Dossier::to_json`] and replays it.
    /// Malformed JSON is `dossier.invalid` naming the field; a log that does
    /// not replay keeps the error of the offending event, with its index.
    ///
    /// A document recorded on another calendar (another
    /// [`Calendar::stamp`] digest: other data, a center's closures, other
    /// sessions) is `dossier.calendar_mismatch`: replayed here it could get
    /// other due dates for the same log, silently. Read it on the calendar
    /// it names, or re-evaluate it on this one with
    /// [`Dossier::reevaluate_json`]. A document without a stamp (written
    /// before the stamp existed) is read on any calendar.
    pub fn from_json(json: &str, calendar: &Calendar) -> Result<Self> {
        let doc: DossierDocument = super::from_str(json).map_err(document_error)?;
        Self::from_stamped(doc, calendar)
    }

    /// The dossier of `doc` replayed on `calendar`, if it was recorded on
    /// it (or before documents named their calendar).
    fn from_stamped(doc: DossierDocument, calendar: &Calendar) -> Result<Self> {
        let recorded = doc.calendar.as_ref();
        check_calendar(recorded.map(|s| s.digest.as_str()), recorded, calendar)?;
        Self::from_document(doc, calendar)
    }

    /// Reads a dossier's JSON and replays its log on `calendar`, whatever
    /// calendar it was recorded on: the explicit re-evaluation after a new
    /// notice or a corrected closure. Also returns the calendar it was
    /// recorded on (`None` for an unstamped document), so that a caller
    /// can compare the old answers with [`Dossier::with_calendar`] or list
    /// the changed appointments with [`crate::impact::appointment_changes`].
    pub fn reevaluate_json(
        json: &str,
        calendar: &Calendar,
    ) -> Result<(Self, Option<CalendarStamp>)> {
        let mut doc: DossierDocument = super::from_str(json).map_err(document_error)?;
        let recorded = doc.calendar.take();
        Ok((Self::from_document(doc, calendar)?, recorded))
    }

    fn from_document(doc: DossierDocument, calendar: &Calendar) -> Result<Self> {
        let mut dossier = Self::from_log(
            Arc::new(doc.procedure),
            calendar,
            doc.code,
            doc.channel,
            doc.applicant,
            doc.events,
        )?;
        dossier.set_facts(doc.facts);
        Ok(dossier)
    }
}

/// Refuses a document recorded on a calendar other than `calendar`: one
/// whose recorded digest differs (`stamp` describes it, when the document
/// has the whole stamp). Only the digest is compared; the whole stamp of
/// `calendar` is built for the message alone.
/// A dossier is written as its document, the one [`Dossier::to_json`]
/// writes, in any serde format.
impl Serialize for Dossier {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.document().serialize(s)
    }
}

/// A dossier is read from its document on the default calendar,
/// [`Calendar::vietnam`], as `Dossier.fromJson` reads it in JS: replaying
/// its log needs a calendar, and a document recorded on another one is
/// refused (`dossier.calendar_mismatch` in the message). [`DossierOn`]
/// reads on another calendar.
impl<'de> serde::Deserialize<'de> for Dossier {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::DeserializeSeed;
        DossierOn(&Calendar::vietnam()).deserialize(d)
    }
}

/// serde's seed that reads a dossier's document on a calendar, as
/// [`Dossier::from_json`] does: `DossierOn(&calendar).deserialize(d)`.
#[derive(Debug, Clone, Copy)]
pub struct DossierOn<'a>(pub &'a Calendar);

impl<'de> serde::de::DeserializeSeed<'de> for DossierOn<'_> {
    type Value = Dossier;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Dossier, D::Error> {
        let doc: DossierDocument = super::deserialize_with_reader(d)?;
        Dossier::from_stamped(doc, self.0)
            .map_err(|e| <D::Error as serde::de::Error>::custom(format!("{}: {e}", e.code())))
    }
}

fn check_calendar(
    digest: Option<&str>,
    stamp: Option<&CalendarStamp>,
    calendar: &Calendar,
) -> Result<()> {
    match digest {
        Some(digest) if digest != calendar.digest() => {
            let here = calendar.stamp();
            let recorded =
                stamp.map_or_else(|| format!("digest {digest}"), CalendarStamp::describe);
            Err(Error::new(
                ErrorKind::CalendarMismatch,
                format!(
                    "dossier: recorded on the calendar {recorded} and read on {}: its due dates may differ; \
                     read it on the calendar it was recorded on, or re-evaluate it on this one (reevaluate_json)",
                    here.describe()
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// A JSON error of a dossier document, naming the field (the readers
/// quote no applicant value).
fn document_error(e: JsonError) -> Error {
    e.into_error(ErrorKind::InvalidDossier, "dossier")
}

impl EventKind {
    /// Reads the kind from the fields of an event object: `type` and the
    /// fields of that type. The object's other fields are the event's.
    fn read_fields(o: &Object<'_, '_>) -> Result<Self, JsonError> {
        let reason = || o.or_default::<String>("reason");
        Ok(match o.required::<EventType>("type")? {
            EventType::Submitted => EventKind::Submitted,
            EventType::Accepted => EventKind::Accepted,
            EventType::AcceptedCrossBoundary => EventKind::AcceptedCrossBoundary {
                competent_unit: o.required("competent_unit")?,
            },
            EventType::CompetentReceived => EventKind::CompetentReceived,
            EventType::Refused => EventKind::Refused { reason: reason()? },
            EventType::Routed => EventKind::Routed {
                step: o.required("step")?,
            },
            EventType::SupplementRequested => EventKind::SupplementRequested { reason: reason()? },
            EventType::SupplementCompleted => EventKind::SupplementCompleted,
            EventType::FinancialObligationRequested => EventKind::FinancialObligationRequested,
            EventType::Paid => EventKind::Paid,
            EventType::Suspended => EventKind::Suspended { reason: reason()? },
            EventType::Resumed => EventKind::Resumed,
            EventType::Extended => EventKind::Extended {
                new_due: o.required("new_due")?,
                reason: reason()?,
            },
            EventType::Resolved => EventKind::Resolved,
            EventType::ResultReturned => EventKind::ResultReturned,
            EventType::Withdrawn => EventKind::Withdrawn,
            EventType::Voided => EventKind::Voided {
                event: o.required("event")?,
                reason: reason()?,
            },
            EventType::Amended => EventKind::Amended {
                event: o.required("event")?,
                corrected: Box::new(o.required("corrected")?),
                reason: reason()?,
            },
        })
    }
}

impl Serialize for EventKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut out = s.serialize_map(None)?;
        out.serialize_entry("type", self.code())?;
        match self {
            EventKind::AcceptedCrossBoundary { competent_unit } => {
                out.serialize_entry("competent_unit", competent_unit)?;
            }
            EventKind::Routed { step } => out.serialize_entry("step", step)?,
            EventKind::Refused { reason }
            | EventKind::SupplementRequested { reason }
            | EventKind::Suspended { reason } => out.serialize_entry("reason", reason)?,
            EventKind::Extended { new_due, reason } => {
                out.serialize_entry("new_due", &iso::format_instant(*new_due))?;
                out.serialize_entry("reason", reason)?;
            }
            EventKind::Voided { event, reason } => {
                out.serialize_entry("event", event)?;
                out.serialize_entry("reason", reason)?;
            }
            EventKind::Amended {
                event,
                corrected,
                reason,
            } => {
                out.serialize_entry("event", event)?;
                out.serialize_entry("corrected", corrected)?;
                out.serialize_entry("reason", reason)?;
            }
            _ => {}
        }
        out.end()
    }
}

/// `{"type": …}` with the fields of that type; other fields are ignored,
/// as in an event.
impl FromJson for EventKind {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        Self::read_fields(&Object::lenient(value, at)?)
    }
}

/// `at`, optional `actor`, and the kind's `type` and fields side by side.
impl FromJson for Event {
    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        let o = Object::lenient(value, at)?;
        Ok(Event {
            at: o.required("at")?,
            actor: o.or_default("actor")?,
            kind: EventKind::read_fields(&o)?,
        })
    }
}

super::deserialize_by_reader!(EventKind, Event);

impl Event {
    /// An event from its JSON, as an entry of a dossier's log reads
    /// (`{"at": …, "actor": …, "type": …, …}`): what an amendment's
    /// corrected event is given as by the bindings.
    pub fn from_json(json: &str) -> crate::Result<Self> {
        super::from_str(json).map_err(|e| e.into_error(crate::ErrorKind::InvalidDossier, "event"))
    }
}

impl Applicant {
    /// An applicant from JSON (`name`, `id_number`, `phone`, `email`,
    /// `address`, all optional strings). Errors name the field, never the
    /// value.
    pub fn from_json(json: &str) -> crate::Result<Self> {
        super::from_str(json)
            .map_err(|e| e.into_error(crate::ErrorKind::InvalidDossier, "applicant"))
    }
}

/// Every field is an optional string. Messages name the field and never
/// quote a value (the readers quote no strings).
impl FromJson for Applicant {
    const PRIVATE: bool = true;

    fn read(value: &Value, at: &Path<'_>) -> Result<Self, JsonError> {
        // Errors about applicant data never quote its keys or values.
        let o = Object::strict_private(
            value,
            at,
            &["name", "id_number", "phone", "email", "address"],
        )?;
        Ok(Applicant {
            name: o.or_default("name")?,
            id_number: o.or_default("id_number")?,
            phone: o.or_default("phone")?,
            email: o.or_default("email")?,
            address: o.or_default("address")?,
        })
    }
}

super::deserialize_by_reader!(Applicant);

impl FromJson for DossierCode {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        read_with(value, at, None)
    }
}

/// A code of `rule` (the current rule when `None`) from JSON.
pub(crate) fn read_with(
    value: &Value,
    at: &Path<'_>,
    rule: Option<CodeRule>,
) -> std::result::Result<DossierCode, JsonError> {
    let text = super::text(value, at)?;
    DossierCode::parse_with(text, rule.unwrap_or_default())
        .map_err(|e| super::JsonError::at(at, e.message().to_owned()))
}

super::deserialize_by_reader!(DossierCode);

/// A list of labels, each once: `["synced", "paid_online"]`.
impl FromJson for Facts {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let listed: Vec<Fact> = FromJson::read(value, at)?;
        let mut facts = Facts::NONE;
        for (i, &fact) in listed.iter().enumerate() {
            if facts.contains(fact) {
                return Err(JsonError::at(
                    &Path::Index(at, i),
                    format!("{fact} is listed twice"),
                ));
            }
            facts = facts.with(fact);
        }
        Ok(facts)
    }
}

super::deserialize_by_reader!(Facts,);

//! The wire form of procedures and catalogs: their reader, the
//! `from_json` / `to_json` entry points and the hand-written writer of a
//! processing time.

use serde::Serialize;
use serde_json::Value;

use super::{FromJson, JsonError, Object, Path};
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::{
    invalid, listed_twice, Catalog, Channel, Fee, Policies, Procedure, ProcessingTime,
    ProcessingTimeKind, Publication, WorkflowStep,
};

/// `{"kind": …}` with the amount of that kind (`days`, `hours`, the
/// `cutoff` of a same-day time when it has one).
impl Serialize for ProcessingTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut out = s.serialize_map(None)?;
        out.serialize_entry("kind", self.kind().code())?;
        match *self {
            ProcessingTime::WorkingDays { days } => out.serialize_entry("days", &days)?,
            ProcessingTime::WorkingHours { hours } => out.serialize_entry("hours", &hours)?,
            ProcessingTime::CalendarDays { days } => out.serialize_entry("days", &days)?,
            ProcessingTime::SameDay { cutoff: Some(t) } => {
                out.serialize_entry("cutoff", &crate::calendar::iso::format_time(t))?;
            }
            ProcessingTime::SameDay { cutoff: None } | ProcessingTime::NoDeadline => {}
        }
        out.end()
    }
}

impl FromJson for ProcessingTime {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::lenient(value, at)?;
        let (time, fields): (_, &[&str]) = match o.required::<ProcessingTimeKind>("kind")? {
            ProcessingTimeKind::WorkingDays => (
                ProcessingTime::WorkingDays {
                    days: o.required("days")?,
                },
                &["kind", "days"],
            ),
            ProcessingTimeKind::WorkingHours => (
                ProcessingTime::WorkingHours {
                    hours: o.required("hours")?,
                },
                &["kind", "hours"],
            ),
            ProcessingTimeKind::CalendarDays => (
                ProcessingTime::CalendarDays {
                    days: o.required("days")?,
                },
                &["kind", "days"],
            ),
            ProcessingTimeKind::SameDay => (
                ProcessingTime::SameDay {
                    cutoff: o.optional("cutoff")?,
                },
                &["kind", "cutoff"],
            ),
            ProcessingTimeKind::NoDeadline => (ProcessingTime::NoDeadline, &["kind"]),
        };
        o.only(fields)?;
        Ok(time)
    }
}

impl FromJson for Policies {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &["due_policy", "supplement_policy", "stop_policy"],
        )?;
        Ok(Policies {
            due_policy: o.or_default("due_policy")?,
            supplement_policy: o.or_default("supplement_policy")?,
            stop_policy: o.or_default("stop_policy")?,
        })
    }
}

impl FromJson for Fee {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["kind", "name", "amount_vnd"])?;
        Ok(Fee {
            kind: o.required("kind")?,
            name: o.required("name")?,
            amount_vnd: o.required("amount_vnd")?,
        })
    }
}

impl FromJson for WorkflowStep {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["id", "name", "agency", "budget"])?;
        Ok(WorkflowStep {
            id: o.required("id")?,
            name: o.required("name")?,
            agency: o.required("agency")?,
            budget: o.required("budget")?,
        })
    }
}

/// The fields of a procedure document; all but `code`, `name` and
/// `processing_time` may be left out.
const PROCEDURE_FIELDS: &[&str] = &[
    "code",
    "name",
    "field",
    "level",
    "agency",
    "processing_time",
    "online_processing_time",
    "due_policy",
    "supplement_policy",
    "stop_policy",
    "fees",
    "documents",
    "channels",
    "online_level",
    "written_result",
    "workflow",
    "publication",
    "payment_on_portal",
    "population_data",
];

impl FromJson for Procedure {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, PROCEDURE_FIELDS)?;
        Ok(Procedure {
            code: o.required("code")?,
            name: o.required("name")?,
            field: o.or_default("field")?,
            level: o.or_default("level")?,
            agency: o.or_default("agency")?,
            processing_time: o.required("processing_time")?,
            online_processing_time: o.optional("online_processing_time")?,
            due_policy: o.optional("due_policy")?,
            supplement_policy: o.optional("supplement_policy")?,
            stop_policy: o.optional("stop_policy")?,
            fees: o.or_default("fees")?,
            documents: o.or_default("documents")?,
            channels: o.or("channels", Channel::ALL.to_vec())?,
            online_level: o.or_default("online_level")?,
            written_result: o.or("written_result", true)?,
            workflow: o.or_default("workflow")?,
            publication: o.optional("publication")?,
            payment_on_portal: o.or_default("payment_on_portal")?,
            population_data: o.or_default("population_data")?,
        })
    }
}

impl FromJson for Publication {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &[
                "legal_basis_effective",
                "decision_date",
                "made_public",
                "full_content",
            ],
        )?;
        Ok(Publication {
            legal_basis_effective: o.required("legal_basis_effective")?,
            decision_date: o.required("decision_date")?,
            made_public: o.optional("made_public")?,
            full_content: o.required("full_content")?,
        })
    }
}

super::deserialize_by_reader!(
    ProcessingTime,
    Policies,
    Fee,
    WorkflowStep,
    Procedure,
    Publication,
);

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
        let value = super::parse(json).map_err(|e| {
            e.into_error(
                ErrorKind::InvalidProcedure,
                &format!("procedure {}", code_hint(None)),
            )
        })?;
        Self::from_value(&value)
    }

    /// Reads and validates a parsed procedure document.
    fn from_value(value: &Value) -> Result<Self> {
        let p = Procedure::read(value, &Path::Root)
            .map_err(|e| invalid(&code_hint(Some(value)), e.describe()).with_path(e.path))?;
        p.validate()?;
        Ok(p)
    }

    /// The JSON of this procedure.
    pub fn to_json(&self) -> Result<String> {
        crate::wire::to_string(self)
    }
}

/// The `"code"` of a JSON procedure, for error messages about it.
fn code_hint(document: Option<&Value>) -> String {
    document
        .and_then(|v| v.get("code"))
        .and_then(Value::as_str)
        .unwrap_or("(no code)")
        .to_owned()
}

/// The wire form of a catalog: its defaults and its procedures (each
/// already carrying the policies it reads with).
#[derive(Serialize)]
struct CatalogDoc<'a> {
    defaults: Policies,
    procedures: Vec<&'a Procedure>,
}

impl Catalog {
    /// The JSON of this catalog, `{"defaults": {...}, "procedures":
    /// [...]}`, which [`Catalog::from_json`] reads back to the same catalog.
    pub fn to_json(&self) -> Result<String> {
        let doc = CatalogDoc {
            defaults: self.defaults(),
            procedures: self.iter().collect(),
        };
        crate::wire::to_string(&doc)
    }

    /// Parses a catalog: a JSON array of procedures, or `{"procedures":
    /// [...]}` with optional center `"defaults"` (`due_policy`,
    /// `supplement_policy`, `stop_policy`) that each procedure overrides.
    /// Errors name the procedure (index and code) and the field.
    ///
    /// ```
    /// use motcua::procedure::{Catalog, SupplementPolicy};
    ///
    /// let c = Catalog::from_json(r#"{"defaults": {"supplement_policy": "pause"}, "procedures": [
    ///     {"code": "1.000001", "name": "A", "processing_time": {"kind": "working_days", "days": 5}},
    ///     {"code": "1.000002", "name": "B", "processing_time": {"kind": "working_days", "days": 5},
    ///      "supplement_policy": "restart"}]}"#)?;
    /// assert_eq!(c.get("1.000001")?.policies().supplement_policy, SupplementPolicy::Pause);
    /// assert_eq!(c.get("1.000002")?.policies().supplement_policy, SupplementPolicy::Restart);
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let value =
            super::parse(json).map_err(|e| e.into_error(ErrorKind::InvalidProcedure, "catalog"))?;
        let mut defaults = Policies::default();
        let list = match &value {
            Value::Array(list) => list,
            Value::Object(map) => match map.get("procedures") {
                Some(Value::Array(list)) => {
                    let o = Object::strict(&value, &Path::Root, &["defaults", "procedures"])
                        .and_then(|o| o.or_default::<Policies>("defaults"))
                        .map_err(|e| e.into_error(ErrorKind::InvalidProcedure, "catalog"))?;
                    defaults = o;
                    list
                }
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
        let at = |i: usize, e: Error| {
            let path = e.path().map_or_else(
                || format!("procedures[{i}]"),
                |p| format!("procedures[{i}].{p}"),
            );
            Error::new(
                ErrorKind::InvalidProcedure,
                format!("procedures[{i}]: {}", e.message()),
            )
            .with_path(path)
        };
        // The first problem in document order wins: a code listed twice
        // before an invalid procedure is reported as the duplicate.
        let mut procedures = Vec::with_capacity(list.len());
        let duplicate = |procedures: &[Procedure]| {
            let codes: Vec<&str> = procedures.iter().map(|p| p.code.as_str()).collect();
            super::first_repeat(&codes).map(|i| at(i, listed_twice(codes[i])))
        };
        for (i, item) in list.iter().enumerate() {
            match Procedure::from_value(item) {
                Ok(p) => procedures.push(p.with_defaults(&defaults)),
                Err(e) => return Err(duplicate(&procedures).unwrap_or_else(|| at(i, e))),
            }
        }
        if let Some(e) = duplicate(&procedures) {
            return Err(e);
        }
        procedures.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(Catalog {
            procedures: procedures.into_iter().map(std::sync::Arc::new).collect(),
            defaults,
        })
    }
}

#[cfg(test)]
mod catalog_tests {
    use crate::procedure::Catalog;

    #[test]
    fn a_catalog_reads_back_from_its_json() {
        let json = r#"{"defaults": {"supplement_policy": "pause"}, "procedures": [
            {"code": "1.000002", "name": "B", "processing_time": {"kind": "working_days", "days": 5},
             "supplement_policy": "restart"},
            {"code": "1.000001", "name": "A", "processing_time": {"kind": "working_days", "days": 5}}]}"#;
        let catalog = Catalog::from_json(json).unwrap();
        let again = Catalog::from_json(&catalog.to_json().unwrap()).unwrap();
        assert_eq!(again.defaults(), catalog.defaults());
        assert!(again.iter().eq(catalog.iter()));
        assert_eq!(again.to_json(), catalog.to_json());
    }
}

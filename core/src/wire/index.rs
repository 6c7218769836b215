//! The wire form of the service index: the methodology and the typed
//! inputs, their readers and their `from_json` / `to_json`.

use serde_json::Value;

use super::{FromJson, JsonError, Object, Path};
use crate::error::{ErrorKind, Result};
use crate::index::{
    Feedback, GroupSpec, IfEmpty, IndicatorSpec, Methodology, Petition, TypedInputs,
};

impl FromJson for Feedback {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::lenient(value, at)?;
        Ok(Feedback {
            received_at: o.required("received_at")?,
            handled_at: o.optional("handled_at")?,
            unsatisfied: o.required("unsatisfied")?,
            complained_again: o.required("complained_again")?,
        })
    }
}

impl FromJson for TypedInputs {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &["publisher", "publications", "feedback", "feedback_as_of"],
        )?;
        Ok(TypedInputs {
            publisher: o.optional("publisher")?,
            publications: o.optional("publications")?,
            feedback: o.optional("feedback")?,
            feedback_as_of: o.optional("feedback_as_of")?,
        })
    }
}

/// `{"unit": "H21.17", "received_at": …, "handled_at": …, "unsatisfied":
/// …, "complained_again": …}`.
impl FromJson for Petition {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &[
                "unit",
                "received_at",
                "handled_at",
                "unsatisfied",
                "complained_again",
            ],
        )?;
        Ok(Petition {
            unit: o.required("unit")?,
            feedback: Feedback::read(value, at)?,
        })
    }
}

super::deserialize_by_reader!(Feedback, TypedInputs, Petition);

impl Petition {
    /// Reads a list of petitions; errors name the item and field.
    pub fn list_from_json(json: &str) -> Result<Vec<Self>> {
        super::from_str(json).map_err(|e| e.into_error(ErrorKind::InvalidArgument, "petitions"))
    }
}

impl TypedInputs {
    /// Parses the document; errors name the field.
    pub fn from_json(json: &str) -> Result<Self> {
        super::from_str(json)
            .map_err(|e| e.into_error(crate::ErrorKind::InvalidArgument, "index inputs"))
    }
}

impl FromJson for GroupSpec {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["code", "name_vi", "name_en", "max_points"])?;
        Ok(GroupSpec {
            code: o.required("code")?,
            name_vi: o.required("name_vi")?,
            name_en: o.required("name_en")?,
            max_points: o.required("max_points")?,
        })
    }
}

/// `threshold` defaults to 100 and `if_empty` to `not_measured`.
impl FromJson for IndicatorSpec {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &[
                "id",
                "group",
                "name_vi",
                "name_en",
                "input",
                "max_points",
                "threshold",
                "if_empty",
            ],
        )?;
        Ok(IndicatorSpec {
            id: o.required("id")?,
            group: o.required("group")?,
            name_vi: o.required("name_vi")?,
            name_en: o.required("name_en")?,
            input: o.required("input")?,
            max_points: o.required("max_points")?,
            threshold: o.or("threshold", 100.0)?,
            if_empty: o.or("if_empty", IfEmpty::NotMeasured)?,
        })
    }
}

impl FromJson for Methodology {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &["version", "description", "total", "groups", "indicators"],
        )?;
        Ok(Methodology {
            version: o.required("version")?,
            description: o.or_default("description")?,
            total: o.required("total")?,
            groups: o.required("groups")?,
            indicators: o.required("indicators")?,
        })
    }
}

super::deserialize_by_reader!(GroupSpec, IndicatorSpec, Methodology);

impl Methodology {
    /// Parses and validates a methodology.
    pub fn from_json(json: &str) -> Result<Self> {
        let m: Methodology = super::from_str(json)
            .map_err(|e| e.into_error(ErrorKind::InvalidArgument, "methodology"))?;
        m.validate()?;
        Ok(m)
    }

    /// The methodology as compact JSON, like every `to_json` of motcua (a
    /// pretty printer of its own would cost the WASM module 1.1 KB).
    pub fn to_json(&self) -> Result<String> {
        crate::wire::to_string(self)
    }
}

//! The wire form of a unit registry: `{"source", "province": {id, code,
//! name}, "units": [{id, code, name, group}], "history": [{from, to,
//! effective, from_code?, from_name?}]}`.

use serde_json::Value;

use super::{FromJson, JsonError, Object, Path};
use crate::error::{ErrorKind, Result};
use crate::unit::{Province, Registry, Replacement, Unit};

impl FromJson for Province {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["id", "code", "name"])?;
        Ok(Province {
            id: o.required("id")?,
            code: o.required("code")?,
            name: o.required("name")?,
        })
    }
}

impl FromJson for Unit {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["id", "code", "name", "group"])?;
        Ok(Unit {
            id: o.required("id")?,
            code: o.required("code")?,
            name: o.required("name")?,
            group: o.required("group")?,
        })
    }
}

impl FromJson for Replacement {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(
            value,
            at,
            &["from", "to", "effective", "from_code", "from_name"],
        )?;
        Ok(Replacement {
            from: o.required("from")?,
            to: o.required("to")?,
            effective: o.required("effective")?,
            from_code: o.optional("from_code")?,
            from_name: o.optional("from_name")?,
        })
    }
}

impl FromJson for Registry {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["source", "province", "units", "history"])?;
        Ok(Registry {
            source: o.or_default("source")?,
            province: o.required("province")?,
            units: o.required("units")?,
            history: o.or_default("history")?,
        })
    }
}

impl Registry {
    /// Parses and checks a registry ([`Registry::validate`]).
    pub fn from_json(json: &str) -> Result<Self> {
        let registry: Registry = super::from_str(json)
            .map_err(|e| e.into_error(ErrorKind::InvalidArgument, "unit registry"))?;
        registry.validate()?;
        Ok(registry)
    }

    /// The registry as compact JSON.
    pub fn to_json(&self) -> Result<String> {
        crate::wire::to_string(self)
    }
}

//! Python values to core values and back, with `InvalidTypeError` for
//! anything else (never pyo3's bare `TypeError`).
//!
//! Instants: naive datetimes are Vietnam local time; aware ones are
//! converted to UTC+7, and the result of a call is aware (UTC+7) exactly
//! when its input was.

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyTzInfo};

use crate::errors::wrong_type;

/// A `datetime.date` argument (a `datetime.datetime` gives its Vietnam
/// local date).
pub fn date(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if value.is_instance_of::<PyDateTime>() {
        return instant(py, name, value).map(|(t, _)| t.date());
    }
    if value.is_instance_of::<PyDate>() {
        return value.extract::<NaiveDate>();
    }
    Err(wrong_type(py, name, "a datetime.date", value))
}

/// The fixed UTC+7 `tzinfo`.
fn vietnam_tz(py: Python<'_>) -> PyResult<Bound<'_, PyTzInfo>> {
    let offset = chrono::FixedOffset::east_opt(7 * 3600)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("UTC+7"))?;
    offset.into_pyobject(py)
}

/// A `datetime.datetime` argument as Vietnam local time, and whether it was
/// aware.
pub fn instant(
    py: Python<'_>,
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<(NaiveDateTime, bool)> {
    if !value.is_instance_of::<PyDateTime>() {
        return Err(wrong_type(py, name, "a datetime.datetime", value));
    }
    let aware = !value.getattr("tzinfo")?.is_none() && !value.call_method0("utcoffset")?.is_none();
    let local = if aware {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("tzinfo", py.None())?;
        value
            .call_method1("astimezone", (vietnam_tz(py)?,))?
            .call_method("replace", (), Some(&kwargs))?
    } else {
        value.clone()
    };
    Ok((local.extract::<NaiveDateTime>()?, aware))
}

/// A result instant: naive, or aware in UTC+7 when the input was aware.
pub fn to_instant(py: Python<'_>, t: NaiveDateTime, aware: bool) -> PyResult<Py<PyAny>> {
    let naive = t.into_pyobject(py)?;
    if aware {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("tzinfo", vietnam_tz(py)?)?;
        Ok(naive.call_method("replace", (), Some(&kwargs))?.unbind())
    } else {
        Ok(naive.into_any().unbind())
    }
}

/// A number argument (int or float).
pub fn number(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    if value.is_instance_of::<pyo3::types::PyBool>() {
        return Err(wrong_type(py, name, "a number", value));
    }
    value
        .extract::<f64>()
        .map_err(|_| wrong_type(py, name, "a number", value))
}

/// An integer argument that fits an `i32`; larger integers are
/// `OutOfRangeError`s, other types `InvalidTypeError`s.
pub fn int32(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<i32> {
    if value.is_instance_of::<pyo3::types::PyBool>()
        || !value.is_instance_of::<pyo3::types::PyInt>()
    {
        return Err(wrong_type(py, name, "an int", value));
    }
    value.extract::<i32>().map_err(|_| {
        crate::errors::exception(
            py,
            motcua::ErrorKind::OutOfRange.code(),
            format!("{name} = {value} is out of range"),
        )
    })
}

//! Python values to core values and back, the binding's one conversion
//! hub (arguments, JSON texts, results), with `InvalidTypeError` for
//! anything else (never pyo3's bare `TypeError`).
//!
//! Instants: naive datetimes are Vietnam local time; aware ones are
//! converted to UTC+7, and the result of a call is aware (UTC+7) exactly
//! when its input was ([`Zone`]).

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyTzInfo};
use pyo3::types::{PyDict, PyList};

use crate::errors::{exception, wrong_type, IntoPy};

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
    motcua::calendar::zone::vietnam().into_pyobject(py)
}

/// Whether a call's instants are naive (Vietnam local time) or aware: the
/// one time-zone rule of `motcua::calendar::zone`, as Python has it. A
/// result is aware (UTC+7) exactly when the call's instants were, and a
/// call given both kinds raises `InvalidTypeError` (a `TypeError`, as
/// Python's own `aware - naive` does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Naive `datetime`s, read as Vietnam local time.
    Naive,
    /// Aware `datetime`s of any zone; results at UTC+7.
    Aware,
}

impl Zone {
    fn describe(self) -> &'static str {
        match self {
            Zone::Naive => "naive",
            Zone::Aware => "aware",
        }
    }
}

/// A `datetime.datetime` argument as Vietnam local time, and its [`Zone`].
pub fn instant(
    py: Python<'_>,
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<(NaiveDateTime, Zone)> {
    if !value.is_instance_of::<PyDateTime>() {
        return Err(wrong_type(py, name, "a datetime.datetime", value));
    }
    let has_tzinfo = !value.getattr("tzinfo")?.is_none();
    // A tzinfo whose utcoffset() is None leaves the datetime naive (Python's
    // own rule): Vietnam local time like any naive datetime.
    let aware = has_tzinfo && !value.call_method0("utcoffset")?.is_none();
    let naive = pyo3::types::PyDict::new(py);
    naive.set_item("tzinfo", py.None())?;
    let local = if aware {
        value
            .call_method1("astimezone", (vietnam_tz(py)?,))
            .map_err(|_| {
                exception(
                    py,
                    motcua::ErrorKind::OutOfRange.code(),
                    format!("{name} is outside the dates Python can convert to UTC+7"),
                )
            })?
            .call_method("replace", (), Some(&naive))?
    } else if has_tzinfo {
        value.call_method("replace", (), Some(&naive))?
    } else {
        value.clone()
    };
    let zone = if aware { Zone::Aware } else { Zone::Naive };
    Ok((local.extract::<NaiveDateTime>()?, zone))
}

/// An instant argument as Vietnam local time, of either zone: for a call
/// that returns no instant.
pub fn local(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<NaiveDateTime> {
    instant(py, name, value).map(|(t, _)| t)
}

/// An instant argument of a call whose instants are `zone`: one of the
/// other kind is an `InvalidTypeError`.
pub fn instant_in(
    py: Python<'_>,
    name: &str,
    value: &Bound<'_, PyAny>,
    zone: Zone,
) -> PyResult<NaiveDateTime> {
    let (t, found) = instant(py, name, value)?;
    same_zone(py, name, found, zone)?;
    Ok(t)
}

/// `InvalidTypeError` unless `found` (the zone of argument `name`) is the
/// call's `zone`.
pub fn same_zone(py: Python<'_>, name: &str, found: Zone, zone: Zone) -> PyResult<()> {
    if found == zone {
        return Ok(());
    }
    Err(exception(
        py,
        crate::errors::INVALID_TYPE,
        format!(
            "{name} is an {} datetime where this call's instants are {}: \
             give every instant a tzinfo, or none",
            found.describe(),
            zone.describe()
        ),
    ))
}

/// A result instant in `zone`: naive, or aware at UTC+7.
pub fn to_instant(py: Python<'_>, t: NaiveDateTime, zone: Zone) -> PyResult<Py<PyAny>> {
    match zone {
        Zone::Naive => Ok(t.into_pyobject(py)?.into_any().unbind()),
        Zone::Aware => Ok(motcua::calendar::zone::aware(t)
            .into_pyobject(py)?
            .into_any()
            .unbind()),
    }
}

/// An optional result instant in `zone` (`None` stays `None`).
pub fn to_instant_opt(py: Python<'_>, t: Option<NaiveDateTime>, zone: Zone) -> PyResult<Py<PyAny>> {
    t.map_or_else(|| Ok(py.None()), |t| to_instant(py, t, zone))
}

/// An optional `str` argument: `default` when left out.
pub fn text_or(
    py: Python<'_>,
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
    default: &str,
) -> PyResult<String> {
    value.map_or_else(|| Ok(default.to_owned()), |v| text(py, name, v))
}

/// A `str` argument; any other type is an `InvalidTypeError`.
pub fn text(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    value
        .extract()
        .map_err(|_| wrong_type(py, name, "a str", value))
}

/// A procedure's national code: a `str`. A float says what went wrong: a
/// CSV column of codes such as `2.000010` that pandas read as numbers
/// (`2.00001`, the trailing zero gone).
pub fn procedure_code(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if value.is_instance_of::<pyo3::types::PyFloat>() {
        return Err(exception(
            py,
            crate::errors::INVALID_TYPE,
            format!(
                "{name} = {value} is a float: procedure codes are text, and a float loses \
                 their zeros (2.000010 reads as 2.00001); read the code column as str, \
                 e.g. pandas.read_csv(..., dtype={{\"procedure_code\": str}})"
            ),
        ));
    }
    text(py, name, value)
}

/// An int or float (not a bool) as `f64`: `None` for an int too large
/// for a float, which each caller names in its own terms.
fn as_f64(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    let numeric = value.is_instance_of::<pyo3::types::PyInt>()
        || value.is_instance_of::<pyo3::types::PyFloat>();
    if value.is_instance_of::<pyo3::types::PyBool>() || !numeric {
        return Err(wrong_type(py, name, "a number", value));
    }
    Ok(value.extract::<f64>().ok())
}

/// A duration part (int or float); an int too large for a float is an
/// invalid duration, like an infinite float.
pub fn number(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    as_f64(py, name, value)?.ok_or_else(|| {
        exception(
            py,
            motcua::ErrorKind::InvalidDuration.code(),
            format!("{name} = {value} is not a finite duration"),
        )
    })
}

/// An integer argument that fits an `i32`; larger integers are
/// `OutOfRangeError`s, other types `InvalidTypeError`s.
///
/// A float is the right kind of value but not an integer: like JavaScript's
/// `1.5`, it is an `InvalidArgumentError`, so both runtimes give one code.
pub fn int32(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<i32> {
    if value.is_instance_of::<pyo3::types::PyFloat>() {
        return Err(exception(
            py,
            motcua::ErrorKind::InvalidArgument.code(),
            format!("{name} = {value} is not an integer"),
        ));
    }
    if value.is_instance_of::<pyo3::types::PyBool>()
        || !value.is_instance_of::<pyo3::types::PyInt>()
    {
        return Err(wrong_type(py, name, "an int", value));
    }
    value.extract::<i32>().map_err(|_| {
        exception(
            py,
            motcua::ErrorKind::OutOfRange.code(),
            format!("{name} = {value} is out of range"),
        )
    })
}

/// A `bool` argument (not any truthy value: `reevaluate="no"` is a mistake).
pub fn flag(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value
        .cast::<pyo3::types::PyBool>()
        .map(|b| b.is_true())
        .map_err(|_| wrong_type(py, name, "a bool", value))
}

/// A real number (int or float, not bool); an int too large for a float
/// is an `OutOfRangeError`.
pub fn real(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    as_f64(py, name, value)?.ok_or_else(|| {
        exception(
            py,
            motcua::ErrorKind::OutOfRange.code(),
            format!("{name} = {value} is out of range"),
        )
    })
}

/// A list of real numbers, any iterable: an element's error names it.
pub fn reals(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    if value.is_instance_of::<pyo3::types::PyString>() {
        return Err(wrong_type(py, name, "a list of numbers", value));
    }
    let items = value
        .try_iter()
        .map_err(|_| wrong_type(py, name, "a list of numbers", value))?;
    items
        .enumerate()
        .map(|(i, item)| real(py, &format!("{name}[{i}]"), &item?))
        .collect()
}

/// A non-negative integer up to `max`; other types are `InvalidTypeError`s,
/// negative or larger integers `OutOfRangeError`s.
pub fn count(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>, max: u64) -> PyResult<u64> {
    if value.is_instance_of::<pyo3::types::PyBool>()
        || !value.is_instance_of::<pyo3::types::PyInt>()
    {
        return Err(wrong_type(py, name, "an int", value));
    }
    value
        .extract::<u64>()
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| {
            exception(
                py,
                motcua::ErrorKind::OutOfRange.code(),
                format!("{name} = {value} is not an integer from 0 to {max}"),
            )
        })
}

/// numpy's NaT in an int64 view of `datetime64`.
pub const NAT: i64 = i64::MIN;

/// Seconds since 1970-01-01T00:00 (local time, as numpy's naive
/// `datetime64[s]` counts them) to a local date-time; `None` past chrono's
/// range. Callers handle NaT first and name the element in their error.
pub fn local_seconds(seconds: i64) -> Option<NaiveDateTime> {
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.naive_utc())
}

/// A Python object from a serde value, through JSON; keys ending in `_at`
/// or `_due` become naive `datetime`s (Vietnam local time), and `date` or
/// `as_of` holding a plain date a `datetime.date`.
pub(crate) fn to_python<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    to_python_in(py, value, Zone::Naive)
}

/// [`to_python`] with its instants in `zone`.
pub(crate) fn to_python_in<T: serde::Serialize>(
    py: Python<'_>,
    value: &T,
    zone: Zone,
) -> PyResult<Py<PyAny>> {
    let object = json_loads(py, value)?;
    convert_instants(py, object.bind(py), zone)?;
    Ok(object)
}

fn convert_instants(py: Python<'_>, object: &Bound<'_, PyAny>, zone: Zone) -> PyResult<()> {
    if let Ok(dict) = object.cast::<PyDict>() {
        for (key, value) in dict.iter() {
            let name: String = key.extract()?;
            if (name == "at" || name.ends_with("_at") || name.ends_with("_due") || name == "as_of")
                && value.is_instance_of::<pyo3::types::PyString>()
            {
                let text: String = value.extract()?;
                if let Some(t) = motcua::calendar::iso::parse_instant(&text) {
                    dict.set_item(key, to_instant(py, t, zone)?)?;
                } else if let Some(d) = motcua::calendar::iso::parse_date(&text) {
                    dict.set_item(key, d.into_pyobject(py)?)?;
                }
            } else if name == "date" && value.is_instance_of::<pyo3::types::PyString>() {
                if let Some(d) = motcua::calendar::iso::parse_date(&value.extract::<String>()?) {
                    dict.set_item(key, d.into_pyobject(py)?)?;
                }
            } else {
                convert_instants(py, &value, zone)?;
            }
        }
    } else if let Ok(list) = object.cast::<PyList>() {
        for item in list.iter() {
            convert_instants(py, &item, zone)?;
        }
    }
    Ok(())
}

/// A JSON text from a `dict` or a `list` (or a `str` taken as JSON).
pub(crate) fn json_text(py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.extract::<String>() {
        return Ok(text);
    }
    if !value.is_instance_of::<PyDict>() && !value.is_instance_of::<pyo3::types::PyList>() {
        return Err(wrong_type(py, name, "a dict or a list", value));
    }
    // Dates and datetimes inside (petitions, publications) are written as
    // ISO text, a datetime in Vietnam local time as every argument is.
    let iso = pyo3::types::PyCFunction::new_closure(
        py,
        None,
        None,
        |args: &Bound<'_, pyo3::types::PyTuple>, _kwargs| -> PyResult<String> {
            let py = args.py();
            let value = args.get_item(0)?;
            if value.is_instance_of::<PyDateTime>() {
                Ok(motcua::calendar::iso::format_instant(local(
                    py, "datetime", &value,
                )?))
            } else if value.is_instance_of::<PyDate>() {
                Ok(value.extract::<NaiveDate>()?.to_string())
            } else {
                Err(pyo3::exceptions::PyTypeError::new_err("not JSON"))
            }
        },
    )?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("default", iso)?;
    let json = py.import("json")?;
    json.call_method("dumps", (value,), Some(&kwargs))
        .map_err(|_| {
            exception(
                py,
                "invalid_argument",
                format!("{name} cannot be written as JSON"),
            )
        })?
        .extract()
}

/// The HTML table a notebook shows for `object`: `view` of
/// `motcua/_notebook.py`, the one home of those tables.
pub(crate) fn notebook_html(object: &Bound<'_, PyAny>, view: &str) -> PyResult<Py<PyAny>> {
    let notebook = object.py().import("motcua._notebook")?;
    Ok(notebook.call_method1(view, (object,))?.unbind())
}

/// A ``rule=`` argument; the current rule when omitted.
pub fn code_rule(
    py: Python<'_>,
    rule: Option<&Bound<'_, PyAny>>,
) -> PyResult<motcua::dossier::CodeRule> {
    match rule {
        None => Ok(motcua::dossier::CodeRule::Current),
        Some(r) if r.is_none() => Ok(motcua::dossier::CodeRule::Current),
        Some(r) => text(py, "rule", r)?.parse().py(py),
    }
}

/// A payload as Python's `json.loads` reads its JSON: Python code, so it
/// runs once the dossier is no longer borrowed.
pub fn json_loads<T: serde::Serialize>(py: Python<'_>, payload: &T) -> PyResult<Py<PyAny>> {
    let text = serde_json::to_string(payload)
        .map_err(|e| exception(py, "invalid_argument", e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// A ``channel=`` argument: ``"direct"``, ``"online"`` or ``"postal"``.
pub fn channel(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<motcua::procedure::Channel> {
    let text: String = value
        .extract()
        .map_err(|_| wrong_type(py, "channel", "\"direct\", \"online\" or \"postal\"", value))?;
    text.parse::<motcua::procedure::Channel>().py(py)
}

/// A status as ``motcua.Status`` (an ``IntEnum`` of the portal's numbers),
/// or ``None``.
pub fn status(py: Python<'_>, s: Option<motcua::dossier::Status>) -> PyResult<Py<PyAny>> {
    match s {
        None => Ok(py.None()),
        Some(s) => Ok(py
            .import("motcua._status")?
            .getattr("Status")?
            .call1((s.code(),))?
            .unbind()),
    }
}

//! Change impact for Python: the dates two calendars disagree on, and the
//! dossiers whose appointments that moves.

use motcua::calendar as core;
use pyo3::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{self, to_python};
use crate::dossier::Dossier;
use crate::errors::{wrong_type, IntoPy};

/// A calendar argument, or ``InvalidTypeError`` (pyo3's own conversion
/// would raise a plain ``TypeError`` without ``.code``).
fn calendar<'py>(
    py: Python<'py>,
    name: &str,
    value: &Bound<'py, PyAny>,
) -> PyResult<PyRef<'py, Calendar>> {
    value
        .cast::<Calendar>()
        .map(|c| c.borrow())
        .map_err(|_| wrong_type(py, name, "a motcua.Calendar", value))
}

/// The dates of ``start..end`` (both included) whose status differs between
/// ``before`` and ``after``: ``[{"date", "before", "after"}]``, each state
/// ``{"working", "entry", "schedule"}`` with the entry's and the year's
/// sources. Both calendars must cover the same range (``OutOfRangeError``
/// naming both otherwise).
///
/// >>> import datetime as dt, json, motcua
/// >>> old = motcua.Calendar.custom(holidays=False)
/// >>> new = motcua.Calendar.custom(holidays=False, data=json.dumps({"overrides": [
/// ...     {"date": "2026-11-23", "kind": "closure", "name_vi": "Nghỉ", "name_en": "Closed"}]}))
/// >>> [c["date"] for c in motcua.calendar_changes(old, new, dt.date(2026, 11, 1), dt.date(2026, 11, 30))]
/// [datetime.date(2026, 11, 23)]
#[pyfunction]
pub fn calendar_changes(
    py: Python<'_>,
    before: &Bound<'_, PyAny>,
    after: &Bound<'_, PyAny>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    crate::errors::guard(|| {
        let (start, end) = (
            convert::date(py, "start", start)?,
            convert::date(py, "end", end)?,
        );
        let (before, after) = (
            calendar(py, "before", before)?,
            calendar(py, "after", after)?,
        );
        let found = core::changes(&before.0, &after.0, start, end).py(py)?;
        to_python(py, &found)
    })
}

/// The dossiers whose legal due date at ``as_of`` differs between the
/// calendars ``before`` and ``after`` (each log replayed under both):
/// ``[{"code", "procedure_code", "status", "open", "old_due", "new_due",
/// "old_timeliness", "new_timeliness", "days", "letter"}]``, where
/// ``letter`` holds the new appointment of an open dossier and its reason.
/// :func:`motcua.appointment_changes_frame` gives the same as a DataFrame.
#[pyfunction]
pub fn appointment_changes(
    py: Python<'_>,
    dossiers: &Bound<'_, PyAny>,
    before: &Bound<'_, PyAny>,
    after: &Bound<'_, PyAny>,
    as_of: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    crate::errors::guard(|| {
        let (before, after) = (
            calendar(py, "before", before)?,
            calendar(py, "after", after)?,
        );
        let (as_of, zone) = convert::instant(py, "as_of", as_of)?;
        let items = dossiers
            .try_iter()
            .map_err(|_| wrong_type(py, "dossiers", "an iterable of Dossier", dossiers))?;
        let mut list = Vec::new();
        for item in items {
            let item = item?;
            let dossier = item
                .cast::<Dossier>()
                .map_err(|_| wrong_type(py, "dossiers", "an iterable of Dossier", &item))?;
            let dossier = dossier.borrow();
            convert::same_zone(py, "dossiers", dossier.1, zone)?;
            list.push(dossier.0.clone());
        }
        let found =
            motcua::impact::appointment_changes(&list, &before.0, &after.0, as_of).py(py)?;
        convert::to_python_in(py, &found, zone)
    })
}

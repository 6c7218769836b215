//! The lunar calendar for Python.

use chrono::NaiveDate;
use motcua::calendar::lunar as core;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{self, int32};
use crate::errors::IntoPy;

/// A date of the Vietnamese lunar calendar (UTC+7). Constructing one that
/// does not exist raises ``InvalidLunarDateError``.
///
/// >>> import motcua
/// >>> motcua.LunarDate(2026, 3, 10).to_date()
/// datetime.date(2026, 4, 26)
#[pyclass(frozen, eq, hash, module = "motcua")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct LunarDate(pub core::LunarDate);

#[pymethods]
impl LunarDate {
    #[new]
    #[pyo3(signature = (year, month, day, leap = None))]
    fn new(
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        month: &Bound<'_, PyAny>,
        day: &Bound<'_, PyAny>,
        leap: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let date = from_lunar(py, year, month, day, leap)?;
            core::to_lunar(date).py(py).map(Self)
        })
    }

    /// The lunar year (named after the Gregorian year it starts in).
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// The month, 1 to 12.
    #[getter]
    fn month(&self) -> u32 {
        self.0.month
    }

    /// The day of the month, 1 to 30.
    #[getter]
    fn day(&self) -> u32 {
        self.0.day
    }

    /// Whether the month is the leap month (tháng nhuận).
    #[getter]
    fn leap(&self) -> bool {
        self.0.leap
    }

    /// The can-chi name of the year, e.g. ``"Bính Ngọ"``.
    #[getter]
    fn year_name(&self) -> String {
        self.0.year_name()
    }

    /// The Gregorian date.
    fn to_date(&self, py: Python<'_>) -> PyResult<NaiveDate> {
        crate::errors::guard(|| self.0.to_gregorian().py(py))
    }

    fn __repr__(&self) -> String {
        format!(
            "LunarDate(year={}, month={}, day={}, leap={})",
            self.0.year,
            self.0.month,
            self.0.day,
            if self.0.leap { "True" } else { "False" }
        )
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        crate::errors::guard(|| {
            let d = slf.get().0;
            let args = PyTuple::new(
                slf.py(),
                [
                    d.year.into_pyobject(slf.py())?.into_any(),
                    d.month.into_pyobject(slf.py())?.into_any(),
                    d.day.into_pyobject(slf.py())?.into_any(),
                    pyo3::types::PyBool::new(slf.py(), d.leap)
                        .to_owned()
                        .into_any(),
                ],
            )?;
            Ok((slf.get_type().into_any(), args))
        })
    }
}

/// The Vietnamese lunar date of a Gregorian date (1900-01-01 to 2100-12-31);
/// for an array of dates, a record array of year, month, day and leap (a
/// DataFrame for a pandas Series), split across ``threads`` (default: the
/// machine's cores) when large.
///
/// >>> import datetime as dt, motcua
/// >>> motcua.to_lunar(dt.date(1985, 1, 21))   # Tết 1985 in Vietnam
/// LunarDate(year=1985, month=1, day=1, leap=False)
#[pyfunction]
#[pyo3(signature = (date, *, threads = None))]
pub fn to_lunar(
    py: Python<'_>,
    date: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<Py<PyAny>> {
    crate::errors::guard(|| {
        if let Some(batch) = crate::calendar::batch(py, date)? {
            return Ok(batch.call_method1("to_lunar", (date, threads))?.unbind());
        }
        let d = convert::date(py, "date", date)?;
        let lunar = LunarDate(core::to_lunar(d).py(py)?);
        Ok(Bound::new(py, lunar)?.into_any().unbind())
    })
}

/// The Gregorian date of a lunar date; raises ``InvalidLunarDateError`` for
/// a date that does not exist.
///
/// >>> import motcua
/// >>> motcua.from_lunar(2026, 1, 1)
/// datetime.date(2026, 2, 17)
#[pyfunction]
#[pyo3(signature = (year, month, day, leap = None))]
pub fn from_lunar(
    py: Python<'_>,
    year: &Bound<'_, PyAny>,
    month: &Bound<'_, PyAny>,
    day: &Bound<'_, PyAny>,
    leap: Option<&Bound<'_, PyAny>>,
) -> PyResult<NaiveDate> {
    crate::errors::guard(|| {
        let (year, month, day) = (
            int32(py, "year", year)?,
            int32(py, "month", month)?,
            int32(py, "day", day)?,
        );
        let leap = match leap {
            None => false,
            Some(v) if v.is_instance_of::<pyo3::types::PyBool>() => v.extract::<bool>()?,
            Some(v) => return Err(crate::errors::wrong_type(py, "leap", "a bool", v)),
        };
        core::from_lunar(year, month, day, leap).py(py)
    })
}

/// The can-chi name of a lunar year: ``year_name(2026) == "Bính Ngọ"``.
#[pyfunction]
pub fn year_name(py: Python<'_>, year: &Bound<'_, PyAny>) -> PyResult<String> {
    crate::errors::guard(|| Ok(core::year_name(int32(py, "year", year)?)))
}
